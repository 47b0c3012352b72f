#!/bin/sh
# readme.sh - every command in the README's sh blocks runs as written, in order, and succeeds:
# in a fresh home with the demo database where 'sh scripts/bootstrap demo' leaves it and
# casewatch in ~/.local/bin, reached only through the README's own `export PATH=...` line.
. "$TESTLIB"
set -e

readme="$TOP_SRCDIR/README.md"
HOME="$WORK/home"
export HOME
mkdir -p "$HOME/.local/bin" "$WORK/run"
ln -s "$CASEWATCH" "$HOME/.local/bin/casewatch"
"$CASEWATCH" --db "$HOME/.local/share/casewatch-demo" seed >/dev/null

# The sh blocks, continuation lines joined; the bootstrap lines are what CI itself runs.
awk '/^```sh$/ { inb = 1; next } /^```$/ { inb = 0; next } inb { print }' "$readme" |
	sed -e ':a' -e '/\\$/N; s/\\\n *//; ta' | grep -v '^sh scripts/bootstrap' |
	grep -v '^ *$' >"$WORK/readme.cmds"
[ "$(grep -c '^casewatch ' "$WORK/readme.cmds")" -ge 20 ] ||
	fail "found too few casewatch commands in the README: $(cat "$WORK/readme.cmds")"

cd "$WORK/run"
# A recovery file's passphrase must not be the database's (the wrapper gives that one for both).
printf 'recovery words\n' >"$WORK/recovery-pass"
while IFS= read -r line; do
	case $line in
	"casewatch key export "*)
		line="casewatch --new-passphrase-file '$WORK/recovery-pass' ${line#casewatch }"
		;;
	esac
	checks=$((checks + 1))
	eval "$line" </dev/null >"$WORK/stdout" 2>"$WORK/stderr" ||
		fail "README command failed: $line: $(cat "$WORK/stderr")"
done <"$WORK/readme.cmds"

# What the commands wrote is there and is what it says.
grep -q '<html' week.html || fail "week.html is not HTML"
grep -q '^"\{0,1\}record_id' incitement.csv || head -1 incitement.csv | grep -q 'id' ||
	fail "incitement.csv has no header"
grep -q 'BEGIN:VEVENT' hearings.ics || fail "hearings.ics has no event"
[ -s alice-2024-02-10.bundle ] || fail "the bundle is empty"
done_ok
