#!/bin/sh
# Files casewatch writes for people (bundles, reports, exports): readable by their owner only
# whatever the umask, never written through a symlink planted at the file or at a temporary
# name beside it, and a run interrupted while writing leaves neither the file nor a temporary.
. "$TESTLIB"
set -e
umask 022
OUT="$WORK/out"
mkdir "$OUT"

ok cw init
ok cw seed "$SEED_FILE"

# private FILE: a regular file of mode 0600.
private() {
	checks=$((checks + 1))
	[ -f "$1" ] && [ ! -L "$1" ] || fail "$1 is not a regular file"
	m=$(stat -c %a "$1")
	[ "$m" = 600 ] || fail "$1 has mode $m, not 600"
}

ok cw report --week 2024-W06 -o "$OUT/week.md"
private "$OUT/week.md"
ok cw report --week 2024-W06 --format html -o "$OUT/week.html"
private "$OUT/week.html"
ok cw export records --article 494/495 --format csv -o "$OUT/incitement.csv"
private "$OUT/incitement.csv"
ok cw export --format ics --from 2023-01-01 -o "$OUT/hearings.ics"
private "$OUT/hearings.ics"
ok cw bundle export --plain --all -o "$OUT/all.bundle"
private "$OUT/all.bundle"
ok cw bundle inspect "$OUT/all.bundle"
# Replacing a file someone made readable gives a private one.
echo old >"$OUT/persons.csv"
chmod 644 "$OUT/persons.csv"
ok cw export persons --format csv -o "$OUT/persons.csv"
private "$OUT/persons.csv"
has "wrote $OUT/persons.csv"
# Nothing but the files asked for is left in the folder.
out=$(ls -A "$OUT")
lines 6

# Symlinks planted at the file and at every temporary name one might guess are not followed:
# the files they point to keep their content, and the file is put in the symlink's place.
echo "not yours" >"$WORK/victim"
planted() {
	for s in "" .part .tmp .new .XXXXXX .000000 .aaaaaa; do
		ln -s "$WORK/victim" "$1$s"
	done
}
untouched() {
	checks=$((checks + 1))
	[ "$(cat "$WORK/victim")" = "not yours" ] || fail "a symlink was followed: $(head -c 200 "$WORK/victim")"
	private "$1"
}
planted "$OUT/b.bundle"
# A bundle is never written over what has its name (tests/cli/bundle_output.sh): the link is
# left as it is, then replaced, not followed, with --force.
fails 65 "output" cw bundle export --plain --all -o "$OUT/b.bundle"
checks=$((checks + 1))
[ -L "$OUT/b.bundle" ] && [ "$(cat "$WORK/victim")" = "not yours" ] || fail "b.bundle was touched"
ok cw bundle export --plain --all -o "$OUT/b.bundle" --force
untouched "$OUT/b.bundle"
ok cw bundle inspect "$OUT/b.bundle"
planted "$OUT/r.md"
ok cw report --week 2024-W06 -o "$OUT/r.md"
untouched "$OUT/r.md"
planted "$OUT/e.json"
ok cw export persons --format json -o "$OUT/e.json"
untouched "$OUT/e.json"
out=$(cat "$OUT/e.json")
json "len(d) > 5 and all(p['kind'] == 'person' for p in d)"
rm -f "$OUT"/*

# A link into /proc or /dev (as /dev/stdout is) stands for a stream, not a file: refused, not
# replaced, whatever it leads to.
ln -s /proc/self/fd/1 "$OUT/stdout"
fails 65 "output" cw export persons --format json -o "$OUT/stdout"
grep -q "is a link to /proc/self/fd/1 (standard output, a device or a process's file)" \
	"$WORK/stderr" || fail "a link to standard output: $(cat "$WORK/stderr")"
[ -L "$OUT/stdout" ] || fail "the link to standard output was replaced"
rm -f "$OUT/stdout"
# ... also by a relative target, and through another link.
ln -s ../../../../../../../../../../../../dev/null "$OUT/null"
fails 65 "output" cw export persons --format json -o "$OUT/null"
grep -q "is a link to ../.*/dev/null (standard output, a device" "$WORK/stderr" ||
	fail "a relative link to /dev/null: $(cat "$WORK/stderr")"
checks=$((checks + 1))
[ -L "$OUT/null" ] && [ -c /dev/null ] || fail "the relative link to /dev/null was replaced"
ln -s /proc/self/fd/1 "$OUT/fd1"
ln -s fd1 "$OUT/chain"
fails 65 "output" cw export persons --format json -o "$OUT/chain"
checks=$((checks + 1))
[ -L "$OUT/chain" ] || fail "a link to a link to standard output was replaced"
rm -f "$OUT/null" "$OUT/fd1" "$OUT/chain"

# A write the run cannot finish leaves nothing: no folder to write in.
fails 74 "output" cw export persons --format csv -o "$WORK/no/such/folder/p.csv"

# Interrupted while writing. Enough people that writing them takes a while; each run is stopped
# once it has a file open in $OUT (unnamed, or under a temporary name).
"${PYTHON3:-python3}" -c '
for i in range(30000):
    print("{\"kind\":\"person\",\"ref\":\"p%d\",\"name\":\"Person %d\",\"notes\":\"%s\"}" % (i, i, "n" * 200))
' >"$WORK/people.jsonl"
ok cw import "$WORK/people.jsonl"

# interrupt SIGNAL STATUS CMD...: runs CMD in the background, sends SIGNAL while it writes into
# $OUT, and checks that it ended with STATUS and left $OUT empty.
interrupt() {
	sig=$1 want=$2
	shift 2
	checks=$((checks + 1))
	"$@" >/dev/null 2>"$WORK/stderr" &
	pid=$!
	n=0
	until ls -l "/proc/$pid/fd" 2>/dev/null | grep -qF -- "$OUT/"; do
		n=$((n + 1))
		if ! kill -0 "$pid" 2>/dev/null || [ $n -gt 100000 ]; then
			wait "$pid" || true
			fail "'$*' was never seen writing into $OUT: $(cat "$WORK/stderr")"
		fi
	done
	kill "-$sig" "$pid"
	set +e
	wait "$pid"
	got=$?
	set -e
	[ "$got" -eq "$want" ] || fail "'$*' ended with $got after SIG$sig, wanted $want"
	left=$(ls -A "$OUT")
	[ -z "$left" ] || fail "SIG$sig left in the folder: $left"
}
interrupt TERM 143 "$CASEWATCH" --db "$DB" export persons --format json -o "$OUT/big.json"
# (unless whoever runs the tests made this shell ignore SIGHUP: casewatch then ignores it too)
if [ -z "$(sh -c 'kill -HUP $$; echo survived' 2>/dev/null)" ]; then
	interrupt HUP 129 "$CASEWATCH" --db "$DB" export persons --format json -o "$OUT/big.json"
fi
interrupt TERM 143 "$CASEWATCH" --db "$DB" export persons --format csv -o "$OUT/big.csv"
# Over an existing file: it stays as it was, or is the whole new file, nothing between.
echo "last week's" >"$OUT/keep.json"
"$CASEWATCH" --db "$DB" export persons --format json -o "$OUT/keep.json" >/dev/null &
pid=$!
n=0
until ls -l "/proc/$pid/fd" 2>/dev/null | grep -qF -- "$OUT/" || ! kill -0 "$pid" 2>/dev/null; do
	n=$((n + 1))
done
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" || true
checks=$((checks + 1))
[ "$(cat "$OUT/keep.json")" = "last week's" ] || [ "$(head -c 1 "$OUT/keep.json")" = "[" ] ||
	fail "an interrupted export left a partial file: $(head -c 100 "$OUT/keep.json")"
[ "$(ls -A "$OUT")" = keep.json ] || fail "left behind: $(ls -A "$OUT")"
rm -f "$OUT/keep.json"

# SIGKILL cannot be caught: where the filesystem has unnamed files (O_TMPFILE) nothing is left
# either; elsewhere the README says a FILE.XXXXXX of mode 0600 may remain.
if "${PYTHON3:-python3}" -c '
import os, sys
try:
    os.close(os.open(sys.argv[1], os.O_TMPFILE | os.O_WRONLY, 0o600))
except OSError:
    sys.exit(1)' "$OUT"; then
	interrupt KILL 137 "$CASEWATCH" --db "$DB" export persons --format json -o "$OUT/big.json"
fi
done_ok
