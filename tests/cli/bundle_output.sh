#!/bin/sh
# bundle export never writes over a file unless told to: the peers' marks moved past the records
# of a bundle once it was written, so a second week exported to the same name on a stick lost
# the first week's records for the recipient for good (a field trial). The refusal is one line
# that names the file and what to do, it comes before anything is written or any mark moves,
# and --force replaces the file.
. "$TESTLIB"
set -e

A="$WORK/A" S="$WORK/S"
ca() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
ok ca init
ok cs init
ok ca peer add supervisor "$(cs identity --key)"
ok cs peer add alice "$(ca identity --key)"

STICK="$WORK/stick"
mkdir "$STICK"
ok ca person add --name "Week One"
ok ca bundle export --to supervisor -o "$STICK/alice.bundle"
has "1 version,"
cp "$STICK/alice.bundle" "$WORK/first.bundle"

# The next week, to the same name: refused, the file as it was, nothing beside it.
ok ca person add --name "Week Two"
fails 65 "output" ca bundle export --to supervisor -o "$STICK/alice.bundle"
printf '%s\n' "$err" | grep -qF "$STICK/alice.bundle exists: give another name, or add --force" ||
	fail "the refusal does not name the file and what to do: $err"
checks=$((checks + 1))
cmp -s "$STICK/alice.bundle" "$WORK/first.bundle" || fail "the first bundle was written over"
out=$(ls -A "$STICK")
lines 1
# The mark did not move: the bundle under another name holds the second week.
ok ca bundle export --to supervisor -o "$STICK/alice-2.bundle"
has "1 version,"
ok cs bundle import "$STICK/alice.bundle"
ok cs bundle import "$STICK/alice-2.bundle"
ok cs list persons
has "Week One"
has "Week Two"

# Anything at the name is refused alike, a dangling symbolic link too (it is left as it is).
ln -s "$WORK/nowhere" "$STICK/link.bundle"
fails 65 "output" ca bundle export --to supervisor --all -o "$STICK/link.bundle"
checks=$((checks + 1))
[ -L "$STICK/link.bundle" ] && [ ! -e "$WORK/nowhere" ] || fail "the link was replaced or followed"

# --force replaces the file (told what that costs in --help), and standard output is no file.
ok ca bundle export --help
has "--force"
has "--all sends them again"
ok ca bundle export --to supervisor --all -o "$STICK/alice.bundle" --force
has "2 versions,"
ok cs bundle inspect "$STICK/alice.bundle"
has "Week Two"
ca bundle export --to supervisor --all -o - >"$WORK/stdout.bundle" 2>"$WORK/stderr" ||
	fail "-o - : $(cat "$WORK/stderr")"
echo "$checks checks passed"
