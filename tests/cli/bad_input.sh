#!/bin/sh
# Bad input never crashes and never half-writes: a non-zero exit, one line naming the field
# and the problem, and the database file byte-for-byte as it was.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Thach Setha" --affiliation "Candlelight Party"
ok cw case add --title "Thach Setha" --defendant "Thach Setha" --charge 494/495
before=$(db_snapshot)

esc=$(printf 'Evil\033[2J')
bell=$(printf 'ding\007')
badutf=$(printf 'bad\377name')
long=$(head -c 300 /dev/zero | tr '\0' 'x')
notes=$(head -c 9000 /dev/zero | tr '\0' 'y')

# invalid and partial-where-forbidden dates
fails 65 "date" cw log hearing --case "Thach Setha" --date 2023-02-30
fails 65 "date" cw log hearing --case "Thach Setha" --date 2023-13
fails 65 "date" cw log hearing --case "Thach Setha" --date 21/09/2023
fails 65 "date" cw log hearing --case "Thach Setha" --date 2023-09 --time 09:30
fails 65 "time" cw log hearing --case "Thach Setha" --date 2023-09-21 --time 25:61
fails 65 "next_date" cw log hearing --case "Thach Setha" --date 2023-09-21 --next-date 2023-01-01
fails 65 "date" cw log visit --facility "CC1"
fails 65 "since" cw list records --since 2024-02-30
fails 65 "until" cw list records --since 2024-03 --until 2024-01
# unknown kind, enum words, articles
fails 65 "kind" cw list records --kind spaceship
fails 65 "outcome" cw log hearing --case "Thach Setha" --date 2023-09-21 --outcome exploded
fails 65 "custody" cw case add --title X --defendant "Thach Setha" --custody jail
fails 65 "charge" cw case add --title X --defendant "Thach Setha" --charge "four hundred"
fails 65 "indicator" cw log hearing --case "Thach Setha" --date 2023-09-21 --indicator fairness=yes
fails 65 "article" cw list records --article "494 banana"
# missing required fields, unknown references
fails 65 "name" cw person add --affiliation CNRP
fails 65 "title" cw case add --court "Court of Appeal"
fails 65 "case" cw log hearing --date 2023-09-21
fails 66 "case" cw log hearing --case "No Such Case" --date 2023-09-21
fails 66 "defendant" cw case add --title X --defendant "Nobody At All"
fails 65 "type" cw log milestone --person "Thach Setha" --date 2023-09-21
# over-long fields
fails 65 "name" cw person add --name "$long"
fails 65 "notes" cw person add --name ok --notes "$notes"
# invalid UTF-8, control and escape characters
fails 65 "name" cw person add --name "$badutf"
fails 65 "name" cw person add --name "$esc"
fails 65 "affiliation" cw person add --name ok --affiliation "$bell"
fails 65 "court" cw list records --court "$esc"
# usage errors
fails 2 "unexpected" cw list records stray
fails 2 "colour" cw list records --colour red
fails 2 "unknown command" cw frobnicate
fails 2 "say what" cw log
fails 2 "needs a value" cw person add --name
# a bad import line: nothing from the file is written, the line is named
printf '%s\n' '{"kind":"person","ref":"p-a","name":"Good One"}' \
	'{"kind":"person","ref":"p-b","name":"Bad\u001b[31m"}' >"$WORK/bad.jsonl"
fails 65 "line 2: name" cw import "$WORK/bad.jsonl"
printf '%s\n' '{"kind":"person","ref":"p-a","name":"Good One"}' '{"kind":"person",' >"$WORK/trunc.jsonl"
fails 65 "line 2: json" cw import "$WORK/trunc.jsonl"
printf '%s\n' '{"kind":"hearing","ref":"h-a","case":"c-missing","date":"2024-01-01"}' >"$WORK/ref.jsonl"
fails 65 "line 1: case" cw import "$WORK/ref.jsonl"

[ "$(db_snapshot)" = "$before" ] || fail "a refused command changed the database"

# An unknown article is accepted with a warning, and the record is saved.
checks=$((checks + 1))
cw case add --title "Odd" --defendant "Thach Setha" --charge 9999 >"$WORK/out" 2>"$WORK/err" ||
	fail "unknown article refused"
grep -q "warning: article 9999 is not in the built-in table" "$WORK/err" || fail "no warning"
# Database trouble: a newer casewatch's database, and no database at all.
fails 66 "casewatch --db $WORK/none init" "$CASEWATCH" --db "$WORK/none" list records
# The terminal interface never creates a database: a mistyped --db would look like lost data.
printf q >"$WORK/quit"
fails 66 "casewatch --db $WORK/typo init" env CASEWATCH_TUI_SCRIPT="$WORK/quit" \
	"$CASEWATCH" --db "$WORK/typo"
[ ! -e "$WORK/typo" ] || fail "the terminal interface created $WORK/typo"
done_ok
