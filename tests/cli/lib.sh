# lib.sh - helpers for the command-line tests: each test script sources this, runs the real
# casewatch binary on a fresh temporary database and checks what it prints and returns.
# A failed check prints what was expected and what came, and the script exits 1.
set -u

: "${CASEWATCH:?run through make check}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/casewatch-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/db"
export CASEWATCH_AUTHOR="test monitor"
export COLUMNS=200
# Reports the terminal interface writes (W) go into the documents folder: the test's own.
export XDG_DOCUMENTS_DIR="$WORK/documents"
# The config file of the person running the tests stays out of them (a line casewatch cannot
# take there would stop every command); tests that want one write it here.
export XDG_CONFIG_HOME="$WORK/config"
# Tests compare casewatch's "today" with date(1)'s and python's: one zone for both (casewatch's
# own default, Phnom Penh's, is tested in config.sh).
export TZ=UTC
# The folder where open terminal interfaces leave the file `casewatch lock` reaches them by
# (app/lockreq.h): the test's own, so that a `lock --all` here locks no interface of a test
# running beside it, nor the developer's own.
mkdir -m 700 "$WORK/runtime"
export XDG_RUNTIME_DIR="$WORK/runtime"
unset CASEWATCH_DB XDG_DATA_HOME
checks=0

# Every test runs on encrypted databases, as a monitor's are: $CASEWATCH becomes a wrapper that
# gives the real binary the passphrase on file descriptors (9, and 8 where a new one is asked),
# and makes `init` use the cheapest
# key derivation (an explicit option for tests: the default takes half a second). The real
# binary stays in $CASEWATCH_BIN for tests about passphrases themselves.
CASEWATCH_BIN=$CASEWATCH
PASSPHRASE="test passphrase"
printf '%s\n' "$PASSPHRASE" >"$WORK/passphrase"
chmod 600 "$WORK/passphrase" # as a user keeps it: casewatch warns of one others can read
cat >"$WORK/casewatch" <<WRAPPER
#!/bin/sh
# The command word: the first argument that is neither an option nor an option's value.
skip=0 init=0
for a in "\$@"; do
	if [ \$skip = 1 ]; then skip=0; continue; fi
	case \$a in
	--db | --passphrase-file | --passphrase-fd) skip=1 ;;
	-*) ;;
	init) init=1; break ;;
	*) break ;;
	esac
done
if [ \$init = 1 ]; then
	exec "$CASEWATCH_BIN" --passphrase-fd 9 --new-passphrase-fd 8 "\$@" --kdf-cost minimal \
		9<"$WORK/passphrase" 8<"$WORK/passphrase"
fi
exec "$CASEWATCH_BIN" --passphrase-fd 9 --new-passphrase-fd 8 "\$@" 9<"$WORK/passphrase" \
	8<"$WORK/passphrase"
WRAPPER
chmod +x "$WORK/casewatch"
CASEWATCH="$WORK/casewatch"

cw() { "$CASEWATCH" --db "$DB" "$@"; }

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# ok CMD...: the command succeeds; its stdout is in $out.
ok() {
	checks=$((checks + 1))
	out=$("$@" 2>"$WORK/stderr") || fail "'$*' exited $? ($(cat "$WORK/stderr"))"
}

# fails STATUS FIELD CMD...: the command exits with STATUS and prints one line naming FIELD.
fails() {
	want=$1 field=$2
	shift 2
	checks=$((checks + 1))
	set +e
	"$@" >"$WORK/stdout" 2>"$WORK/stderr"
	got=$?
	set -e
	[ "$got" -eq "$want" ] || fail "'$*' exited $got, wanted $want ($(cat "$WORK/stderr"))"
	[ "$(wc -l <"$WORK/stderr")" -eq 1 ] || fail "'$*' printed not one line: $(cat "$WORK/stderr")"
	grep -q -- "$field" "$WORK/stderr" || fail "'$*' error does not name '$field': $(cat "$WORK/stderr")"
	err=$(cat "$WORK/stderr")
}

# has TEXT: $out contains TEXT.  lacks TEXT: it does not.
has() {
	checks=$((checks + 1))
	printf '%s\n' "$out" | grep -qF -- "$1" || fail "output lacks '$1':
$out"
}
lacks() {
	checks=$((checks + 1))
	if printf '%s\n' "$out" | grep -qF -- "$1"; then fail "output has '$1':
$out"; fi
}

# lines N: $out has N lines.
lines() {
	checks=$((checks + 1))
	n=$(printf '%s\n' "$out" | grep -c .)
	[ "$n" -eq "$1" ] || fail "wanted $1 lines, got $n:
$out"
}

# added_id KIND [N]: the id of the KIND record (person, case, visit, ...) an `add` printed in
# $out, "added KIND HEX" (empty when there is no such line), or its first N hex digits.
added_id() {
	printf '%s\n' "$out" | sed -n "s/^added $1 \([0-9a-f]*\).*/\1/p" | cut -c "1-${2:-32}"
}

# hex TEXT: TEXT's bytes in hex, as $TAMPER takes a key or a value ("$(hex schema_version)").
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }

# json EXPR...: python evaluates each EXPR with `d` bound to the JSON in $out; each must be
# true. Each is a check of its own; one python reads $out for them all (a start costs tens of
# milliseconds of processor, and the scripts make hundreds of such checks). With no EXPR, or an
# empty one, the test fails: it would check only that $out parses, and count as no check.
json() {
	[ $# -gt 0 ] || fail "json: no expression given"
	for _json_e in "$@"; do
		[ -n "$_json_e" ] || fail "json: an empty expression"
	done
	checks=$((checks + $#))
	_json_code="import json, sys
d = json.load(sys.stdin)"
	_json_n=1
	for _json_e in "$@"; do
		_json_n=$((_json_n + 1))
		_json_code="$_json_code
if not ($_json_e):
    sys.exit($_json_n)"
	done
	_json_st=0
	printf '%s' "$out" | "${PYTHON3:-python3}" -c "$_json_code" || _json_st=$?
	[ "$_json_st" -eq 0 ] && return 0
	# Status N: the (N-1)th expression is false; any other: python failed (its error is above).
	if [ "$_json_st" -ge 2 ] && [ "$_json_st" -le "$_json_n" ]; then
		shift $((_json_st - 2))
		fail "JSON check failed: $1
$out"
	fi
	fail "JSON check failed: $*
$out"
}

# hold_open DIR: another process has the database in DIR open, as every casewatch holds it
# (LMDB's shared lock on the first byte of lock.mdb), until `let_go`; its pid is $holder.
hold_open() {
	rm -f "$WORK/locked"
	"${PYTHON3:-python3}" -c '
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.lockf(fd, fcntl.LOCK_SH, 1, 0)
open(sys.argv[2], "w").close()
time.sleep(60)' "$1/lock.mdb" "$WORK/locked" &
	holder=$!
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		[ -e "$WORK/locked" ] && return 0
		sleep 0.2
	done
	fail "the process holding $1 open did not start"
}
let_go() {
	kill "$holder"
	wait "$holder" 2>/dev/null || true
}

# db_snapshot: a digest of the database file's bytes, so that a refused command can be shown
# to leave it byte-for-byte as it was.
db_snapshot() {
	sha256sum "$DB/data.mdb" | cut -d' ' -f1
}

done_ok() {
	echo "ok: $checks checks"
	exit 0
}

# same_content DIR1 DIR2: the two databases hold the same content, as sync compares it
# (`bundle content`). sync.sh checks their lists too, with its own.
same_content() {
	checks=$((checks + 1))
	"$CASEWATCH" --db "$1" bundle content >"$WORK/c1"
	"$CASEWATCH" --db "$2" bundle content >"$WORK/c2"
	cmp -s "$WORK/c1" "$WORK/c2" || fail "content of $1 and $2 differs:
$(diff "$WORK/c1" "$WORK/c2" | head -20)"
}

# mesh NAME=DIR...: every database trusts every other one's key (`peer add`), under the names
# given, so signed bundles pass between them; --to NAME then names a reader. Each key is
# asked for once.
mesh() {
	for b in "$@"; do
		"$CASEWATCH" --db "${b#*=}" identity --key >"$WORK/mesh-key.${b%%=*}" ||
			fail "mesh: no key for ${b%%=*}"
	done
	for a in "$@"; do
		for b in "$@"; do
			[ "$a" = "$b" ] && continue
			checks=$((checks + 1))
			"$CASEWATCH" --db "${a#*=}" peer add "${b%%=*}" "$(cat "$WORK/mesh-key.${b%%=*}")" \
				>/dev/null || fail "mesh: ${a%%=*} could not enrol ${b%%=*}"
		done
	done
}

# bundle_payload BUNDLE OUT: the JSON Lines inside a plain (signed, not encrypted) bundle of
# format 2 or 3 as its reader sees them (the chunks put together, zstd undone with the zstd
# tool), so that a test can look at what a bundle says: compression hides it from grep and
# strings. The signature is not checked here.
bundle_payload() {
	"${PYTHON3:-python3}" - "$1" "$2" <<'PY'
import subprocess, sys
b = open(sys.argv[1], "rb").read()
assert b[:8] == b"CWBUNDLE" and b[8] in (2, 3), "not a bundle of format 2 or 3"
version, flags = b[8], b[9]
assert not flags & 1, "an encrypted bundle"
p = 76 + 100 * int.from_bytes(b[74:76], "big")
end = len(b) - 64
if version == 2:
    data = b[p + 8:end]
else:
    data = bytearray()
    while p < end:
        n = int.from_bytes(b[p:p + 4], "big") & 0x7FFFFFFF
        data += b[p + 4:p + 4 + n]
        p += 4 + n
    if flags & 2:
        data = subprocess.run(["zstd", "-d", "-c", "-q"], input=bytes(data),
                              stdout=subprocess.PIPE, check=True).stdout
open(sys.argv[2], "wb").write(bytes(data))
PY
}

# tty COLS CMD...: the command's output on a pseudo-terminal COLS wide (no pager), in $out.
tty() {
	checks=$((checks + 1))
	out=$("${PYTHON3:-python3}" - "$@" <<'PY'
import fcntl, os, pty, struct, subprocess, sys, termios
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, int(sys.argv[1]), 0, 0))
env = dict(os.environ, CASEWATCH_PAGER="")
p = subprocess.Popen(sys.argv[2:], stdout=slave, env=env)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
sys.stdout.write(data.decode("utf-8").replace("\r\n", "\n"))
sys.exit(p.wait())
PY
) || fail "'$*' on a terminal failed"
}

# fits COLS: no line of $out is wider than COLS display columns.
fits() {
	checks=$((checks + 1))
	printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
wide = [l for l in sys.stdin.read().splitlines() if width(l) > int(sys.argv[1])]
sys.exit("\n".join(wide) if wide else 0)' "$1" || fail "wider than $1 columns:
$out"
}

# week WEEK [FORMAT...]: every format of a week's report (or those given) into
# $WORK/week.{md,html,csv,json,pdf}, and the PDF's text in week.txt with every space and line
# break out (a narrow cell wraps its text).
week() {
	_week=$1
	shift
	[ $# -gt 0 ] || set -- md html csv json pdf
	for f in "$@"; do
		ok cw report --week "$_week" --format $f -o "$WORK/week.$f"
	done
	case " $* " in
	*" pdf "*) pdftotext "$WORK/week.pdf" - | tr -d ' \t\n\f' >"$WORK/week.txt" ;;
	esac
}
# row FORMAT TEXT: that format's report holds TEXT.  norow FORMAT TEXT: it does not.
row() {
	checks=$((checks + 1))
	grep -qF -- "$2" "$WORK/week.$1" || fail "the $1 report lacks '$2':
$(cat "$WORK/week.$1")"
}
norow() {
	checks=$((checks + 1))
	if grep -qF -- "$2" "$WORK/week.$1"; then fail "the $1 report has '$2'"; fi
}
# inpdf TEXT: the PDF's text holds TEXT (spaces aside)
inpdf() {
	row txt "$(printf '%s' "$1" | tr -d ' ')"
}
