#!/bin/sh
# What the questions and help of the key commands say: a confirmation refused or not given is
# named by its command, not "yes:" (read as if --yes were at fault), with the exit status the
# man page gives a usage error (2); init --help lists every option init takes, each with a
# line that says what it does (the man page had --kdf-cost and --new-passphrase-file that the
# help did not). A field trial's findings.
. "$TESTLIB"
set -e

# on_terminal ANSWER CMD...: CMD with a terminal for its standard streams, ANSWER typed at its
# question; what it wrote is in $out, its exit status in $status.
on_terminal() {
	checks=$((checks + 1))
	status=0
	out=$("${PYTHON3:-python3}" - "$@" <<'PY'
import os, pty, select, sys

answer, cmd = sys.argv[1], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
got, typed = b"", False
while True:
    ready, _, _ = select.select([fd], [], [], 60)
    if not ready:
        break
    try:
        data = os.read(fd, 4096)
    except OSError:  # the other end closed: the command ended
        break
    if not data:
        break
    got += data
    if not typed and b"to go on: " in got:
        os.write(fd, answer.encode() + b"\n")
        typed = True
_, st = os.waitpid(pid, 0)
sys.stdout.write(got.decode("utf-8", "replace").replace("\r", ""))
sys.exit(os.WEXITSTATUS(st) if os.WIFEXITED(st) else 99)
PY
) || status=$?
}

ok cw init
ok cw person add --name "Kem Sokha"
id=$(printf '%s' "$out" | awk '{print $3}')

# ---- destroy-key ---------------------------------------------------------------------------
# Not on a terminal and without --yes: refused, naming the command.
fails 2 "^casewatch: destroy-key: not destroying the key without confirmation; add --yes$" \
	cw destroy-key </dev/null
[ -f "$DB/key" ] || fail "the key slot went without confirmation"
# Declined at the question: the same, and the key is there.
on_terminal no "$CASEWATCH" --db "$DB" destroy-key
[ "$status" = 2 ] || fail "declining destroy-key exited $status: $out"
has "Type 'destroy' to go on: "
has "casewatch: destroy-key: not confirmed; nothing done"
lacks "yes:"
[ -f "$DB/key" ] || fail "declining destroy-key destroyed the key"
ok cw list persons
has "Kem Sokha"

# ---- delete, the other confirmation of its kind --------------------------------------------
fails 2 "^casewatch: delete: not deleting without confirmation; add --yes$" cw delete "$id" \
	</dev/null
ok cw list persons
has "Kem Sokha"

# ---- init --help ---------------------------------------------------------------------------
ok cw init --help
for opt in "--no-encryption " "--kdf-cost default|minimal " "--new-passphrase-file FILE " \
	"--new-passphrase-fd N " "--passphrase-file FILE " "--passphrase-fd N "; do
	checks=$((checks + 1))
	# the option at the start of its line, then what it does
	printf '%s\n' "$out" | grep -q -- "^  $opt *[a-z]" || fail "init --help lacks a line for $opt:
$out"
done
# ... and each works as it says: a new database from a passphrase file, at the cheapest cost
printf 'a new passphrase\n' >"$WORK/new"
chmod 600 "$WORK/new"
ok "$CASEWATCH_BIN" --db "$WORK/second" init --new-passphrase-file "$WORK/new" --kdf-cost minimal
has "encrypted"
ok "$CASEWATCH_BIN" --db "$WORK/second" --passphrase-file "$WORK/new" list persons
done_ok
