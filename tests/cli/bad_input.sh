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
# "ម៉ោង ៩" (nine o'clock) is no time, not 16 bytes too long (khmer_digits.sh: ០៩:៣០ is one)
fails 65 "time: 'ម៉ោង 9' is not a time" cw log hearing --case "Thach Setha" \
	--date 2023-09-21 --time "ម៉ោង ៩"
fails 65 "next-date" cw log hearing --case "Thach Setha" --date 2023-09-21 --next-date 2023-01-01
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
# One person both present and absent at one hearing: the record could say only one of them.
fails 65 "absent: 'Thach Setha' is listed both present and absent" cw log hearing \
	--case "Thach Setha" --date 2023-09-21 --present "Thach Setha" --absent "Thach Setha"
fails 65 "absent: 'Thach Setha' is listed both present and absent" cw log hearing \
	--case "Thach Setha" --date 2023-09-21 --absent "Thach Setha" --present "Thach Setha"
# A year of birth after the current year (by the test clock), in range though it is; the year
# itself is taken. An edit is refused the same.
fails 65 "birth-year: 2031 is after the current year (2030)" env CASEWATCH_NOW=2030-06-01T00:00:00Z \
	"$CASEWATCH" --db "$DB" person add --name "Born Later" --birth-year 2031
fails 65 "birth-year: 2150 is after the current year (2030)" env CASEWATCH_NOW=2030-06-01T00:00:00Z \
	"$CASEWATCH" --db "$DB" edit "Thach Setha" --birth-year 2150
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
# A field of one value given twice: which was meant cannot be told (the second date was saved
# without a word). Options marked repeatable (--role, --present, --charge) still add.
fails 2 "date: is given twice" cw log hearing --case "Thach Setha" --date 2023-09-21 --date 2023-09-22
fails 2 "source: is given twice" cw log hearing --case "Thach Setha" --date 2023-09-21 \
	--source "own observation" --source "LICADHO"
fails 2 "name: is given twice" cw person add --name "One" --name "Two"
fails 2 "notes: is given twice" cw edit "Thach Setha" --notes one --notes two
# ... and so do the commands that read, which took the last ("--since 2024-01 --since 2024-02"
# listed from February without a word); -o and --output are one option.
fails 2 "since: is given twice" cw list records --since 2024-01 --since 2024-02
fails 2 "days: is given twice" cw agenda --days 3 --days=5
fails 2 "week: is given twice" cw report --week 2024-W18 --week 2024-W19
fails 2 "o: is given twice" cw report --week 2024-W18 -o "$WORK/a.md" -o "$WORK/b.md"
fails 2 "o: is given twice" cw export records --format csv --output "$WORK/a.csv" -o "$WORK/b.csv"
fails 2 "limit: is given twice" cw audit --limit 1 --limit 2
[ ! -e "$WORK/a.md" ] && [ ! -e "$WORK/a.csv" ] || fail "a refused report wrote a file"
# Flags given twice say nothing two ways, and stay taken.
ok cw list records --json --json
# The filters' options that add stay taken as often as given (a review found them refused).
ok cw list records --kind person --kind case --json
json "sorted(set(r['kind'] for r in d)) == ['case', 'person']"
ok cw list records --account own --account un
ok cw list records --filter kind:hearing --filter article:494
ok cw agenda --from 2023-01-01 --days 30 --kind hearing --kind visit
ok cw report --week 2024-W18 --kind hearing --kind visit
ok cw export records --format csv --account un --account own
# An option followed by another option has no value: "--notes --confidential" saved the
# record in the open with the notes "--confidential", "-o --sign" wrote a file named --sign,
# unsigned. A value that begins so is given with '='.
fails 2 "notes: needs a value" cw log hearing --case "Thach Setha" --date 2023-09-21 --notes --confidential
cd "$WORK"
fails 2 "o: needs a file name" cw export cases --format json -o --sign
fails 2 "o: needs a file name" cw report -o --json
[ ! -e ./--sign ] && [ ! -e ./--json ] || fail "a file named as an option was written"
cd - >/dev/null
fails 2 "db: needs a value" "$CASEWATCH" --db --no-pager list records
# after the command too: "--passphrase-file --json" read a file named --json (a review)
fails 2 "passphrase-file: needs a value" "$CASEWATCH_BIN" --db "$DB" list records --passphrase-file --json </dev/null
# A mistyped option last on the line may be one missing its value: the message says both.
fails 2 "is not an option of this command" cw list records --oldest-frist
# The start of an id too short to pick one out says how many digits an id needs.
fails 66 "an id needs at least 6 of its hex digits" cw show 0ddc
# a bad import line: nothing from the file is written, the line is named
printf '%s\n' '{"kind":"person","ref":"p-a","name":"Good One"}' \
	'{"kind":"person","ref":"p-b","name":"Bad\u001b[31m"}' >"$WORK/bad.jsonl"
fails 65 "line 2: name" cw import "$WORK/bad.jsonl"
printf '%s\n' '{"kind":"person","ref":"p-a","name":"Good One"}' '{"kind":"person",' >"$WORK/trunc.jsonl"
fails 65 "line 2: json" cw import "$WORK/trunc.jsonl"
printf '%s\n' '{"kind":"hearing","ref":"h-a","case":"c-missing","date":"2024-01-01"}' >"$WORK/ref.jsonl"
fails 65 "line 1: case" cw import "$WORK/ref.jsonl"
# Long files: a second thread parses lines in batches of 64 while earlier ones are written. The
# first bad line in the file's order is named, whichever side finds it and wherever the batches
# fall: here a line that does not parse (1000), a reference to no record (300, found only when
# written) before one that does not parse, a name that is not valid (130, found when parsed)
# before a reference to no record, and both in one batch. Every line that does not parse is
# named too, after the first bad line, which is named first (the count comes last): a bad
# reference's line is named only when it is the first (nothing after a bad line is written).
fails_listing() { # STATUS "FIRST" "SECOND" COMMAND...: two bad lines named, then the count
	want=$1 first=$2 second=$3
	shift 3
	checks=$((checks + 1))
	set +e
	"$@" >"$WORK/stdout" 2>"$WORK/stderr"
	got=$?
	set -e
	[ "$got" -eq "$want" ] || fail "'$*' exited $got, wanted $want ($(cat "$WORK/stderr"))"
	[ "$(wc -l <"$WORK/stderr")" -eq 3 ] || fail "'$*' printed not three lines: $(cat "$WORK/stderr")"
	sed -n 1p "$WORK/stderr" | grep -q -- "$first" || fail "'$*' first: $(cat "$WORK/stderr")"
	sed -n 2p "$WORK/stderr" | grep -q -- "$second" || fail "'$*' second: $(cat "$WORK/stderr")"
	sed -n 3p "$WORK/stderr" | grep -q -- "2 bad records in" || fail "'$*' count: $(cat "$WORK/stderr")"
}
people_lines() { # N "LINE|REPLACEMENT|...": N person lines, some replaced
	N=$1 SUBS=$2 awk 'BEGIN {
		n = ENVIRON["N"]
		k = split(ENVIRON["SUBS"], s, "|")
		for (i = 1; i < k; i += 2) bad[s[i]] = s[i + 1]
		for (i = 1; i <= n; i++)
			if (i in bad) print bad[i]
			else printf "{\"kind\":\"person\",\"ref\":\"p-long-%d\",\"name\":\"Long %d\"}\n", i, i
	}'
}
missing_case='{"kind":"hearing","ref":"h-long","case":"c-missing","date":"2024-01-01"}'
bad_name='{"kind":"person","ref":"p-bad","name":"Bad\u001b[31m"}'
people_lines 1500 '1000|{"kind":' >"$WORK/long1.jsonl"
fails 65 "line 1000: json" cw import "$WORK/long1.jsonl"
people_lines 1500 "300|$missing_case|900|{\"kind\":" >"$WORK/long2.jsonl"
fails_listing 65 "line 300: case" "line 900: json" cw import "$WORK/long2.jsonl"
people_lines 1500 "130|$bad_name|700|$missing_case" >"$WORK/long3.jsonl"
fails 65 "line 130: name" cw import "$WORK/long3.jsonl"
people_lines 1500 "1001|$missing_case|1010|{\"kind\":" >"$WORK/long4.jsonl" # one batch
fails_listing 65 "line 1001: case" "line 1010: json" cw import "$WORK/long4.jsonl"

[ "$(db_snapshot)" = "$before" ] || fail "a refused command changed the database"

# A long good file: every line written, and importing it again changes nothing.
people_lines 1500 "" >"$WORK/long.jsonl"
ok cw import "$WORK/long.jsonl"
[ "$out" = "imported 1500 records (1500 new or changed)" ] || fail "long import: $out"
ok cw import "$WORK/long.jsonl"
[ "$out" = "imported 1500 records (0 new or changed)" ] || fail "long import again: $out"
ok cw timeline "Long 1500"
case $out in *"Long 1500"*) ;; *) fail "the last line's person: $out" ;; esac

# The same from a pipe, as "-" and as /dev/stdin, from a map too small for it (it grows on the
# way, and the transaction may run again): every line is saved, and the count says so. A pipe
# cannot be read twice; once, casewatch saved what was left of it, nothing, and said so.
people_lines 1500 "" | sed 's/p-long-/p-piped-/; s/Long /Piped /' >"$WORK/piped.jsonl"
ok env CASEWATCH_MAP_SIZE=65536 sh -c 'cat "$1" | "$2" --db "$3" import -' sh \
	"$WORK/piped.jsonl" "$CASEWATCH" "$DB"
[ "$out" = "imported 1500 records (1500 new or changed)" ] || fail "import from a pipe: $out"
ok cw timeline "Piped 1500"
people_lines 1500 "" | sed 's/p-long-/p-stdin-/; s/Long /Stdin /' >"$WORK/stdin.jsonl"
ok env CASEWATCH_MAP_SIZE=65536 sh -c 'cat "$1" | "$2" --db "$3" import /dev/stdin' sh \
	"$WORK/stdin.jsonl" "$CASEWATCH" "$DB"
[ "$out" = "imported 1500 records (1500 new or changed)" ] || fail "import of /dev/stdin: $out"
ok cw timeline "Stdin 1"
# A file given as standard input is read from where it stands.
ok sh -c '{ read -r first; "$2" --db "$3" import -; } <"$1"' sh "$WORK/piped.jsonl" \
	"$CASEWATCH" "$DB"
[ "$out" = "imported 1499 records (0 new or changed)" ] || fail "import of the rest: $out"
ok sh -c '"$1" --db "$2" import - </dev/null' sh "$CASEWATCH" "$DB"
[ "$out" = "imported 0 records (0 new or changed)" ] || fail "import of nothing: $out"
ok sh -c 'printf "" | "$1" --db "$2" import -' sh "$CASEWATCH" "$DB"
[ "$out" = "imported 0 records (0 new or changed)" ] || fail "import of an empty pipe: $out"

# An unknown article is accepted with a warning, and the record is saved.
checks=$((checks + 1))
cw case add --title "Odd" --defendant "Thach Setha" --charge 9999 >"$WORK/out" 2>"$WORK/err" ||
	fail "unknown article refused"
grep -q "warning: article 9999 is not in the built-in table" "$WORK/err" || fail "no warning"
# The same for a verdict's article and a milestone's: warned, stored, exit 0; an article of the
# table is not warned about.
ok cw log hearing --case "Thach Setha" --date 2026-01-04 --verdict "777=convicted@Thach Setha"
checks=$((checks + 1))
grep -q "warning: article 777 is not in the built-in table" "$WORK/stderr" ||
	fail "no warning for a verdict's article: $(cat "$WORK/stderr")"
ok cw list records --kind hearing --since 2026-01-04 --json
json "[v['article'] for r in d for v in r.get('verdicts', [])] == ['777']"
ok cw log milestone --person "Thach Setha" --case "Thach Setha" --type verdict --date 2026-01-05 \
	--article 888 --result convicted
checks=$((checks + 1))
grep -q "warning: article 888 is not in the built-in table" "$WORK/stderr" ||
	fail "no warning for a milestone's article: $(cat "$WORK/stderr")"
ok cw log hearing --case "Thach Setha" --date 2026-01-06 --verdict "494=acquitted@Thach Setha"
checks=$((checks + 1))
[ ! -s "$WORK/stderr" ] || fail "a warning for an article of the table: $(cat "$WORK/stderr")"
# An input file that is not there is not found (66) whichever command reads it; file trouble
# (74) is a file that is there and cannot be read.
before=$(db_snapshot)
fails 66 "$WORK/nosuch.jsonl" cw import "$WORK/nosuch.jsonl"
fails 66 "$WORK/nosuch.jsonl" cw seed "$WORK/nosuch.jsonl"
fails 66 "$WORK/nosuch.bundle" cw bundle import "$WORK/nosuch.bundle"
fails 66 "$WORK/nosuch.bundle" cw bundle inspect "$WORK/nosuch.bundle"
fails 66 "$WORK/nosuch.txt" cw attach "Thach Setha" "$WORK/nosuch.txt"
fails 66 "passphrase-file" "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/nosuch" list cases
fails 74 "$WORK" cw import "$WORK"
[ "$(db_snapshot)" = "$before" ] || fail "a missing input file changed the database"
# Database trouble: a newer casewatch's database, and no database at all.
fails 66 "casewatch --db $WORK/none init" "$CASEWATCH" --db "$WORK/none" list records
# A --db that names a file: init cannot make a database there, so that is said rather than
# advising it; an empty --db, or one with no value, is a usage error.
: >"$WORK/a-file"
fails 66 "$WORK/a-file is a file, not a database folder" "$CASEWATCH" --db "$WORK/a-file" list records
# ... and one CASEWATCH_DB names is answered with CASEWATCH_DB, the --db it was not given
fails 66 "$WORK/a-file is a file, not a database folder; give the folder in CASEWATCH_DB" \
	env CASEWATCH_DB="$WORK/a-file" "$CASEWATCH" list records
fails 2 "db: is empty" "$CASEWATCH" --db "" list records
fails 2 "db: is empty" "$CASEWATCH" --db= list records
fails 2 "db: needs a value" "$CASEWATCH" --db
# Two folders: the last was taken without a word, so that a command meant for one database
# changed the other. Refused as another option given twice is, with either spelling.
mkdir "$WORK/other"
fails 2 "db: is given twice" "$CASEWATCH" --db "$WORK/other" --db "$DB" list records
fails 2 "db: is given twice" "$CASEWATCH" --db="$WORK/other" --db "$DB" list records
[ -z "$(ls -A "$WORK/other")" ] || fail "a refused --db given twice wrote into a folder"
# The terminal interface never creates a database: a mistyped --db would look like lost data.
printf q >"$WORK/quit"
fails 66 "casewatch --db $WORK/typo init" env CASEWATCH_TUI_SCRIPT="$WORK/quit" \
	"$CASEWATCH" --db "$WORK/typo"
[ ! -e "$WORK/typo" ] || fail "the terminal interface created $WORK/typo"
# `edit ID` with nothing to change is refused (it would say "saved" and change nothing).
before=$(db_snapshot)
fails 2 "give the fields to change" cw edit "Thach Setha"
[ "$(db_snapshot)" = "$before" ] || fail "an edit with no fields changed the database"
# This year is a year of birth; one recorded before the rule stays through an edit of another
# field (it is not the monitor's choice now).
ok env CASEWATCH_NOW=2030-06-01T00:00:00Z "$CASEWATCH" --db "$DB" person add --name "Born Now" \
	--birth-year 2030
ok env CASEWATCH_NOW=2031-06-01T00:00:00Z "$CASEWATCH" --db "$DB" edit "Born Now" --birth-year 2031
ok env CASEWATCH_NOW=2030-06-01T00:00:00Z "$CASEWATCH" --db "$DB" edit "Born Now" --province Kandal
# An edit that marks absent someone the hearing has present is refused the same way.
ok cw log hearing --case "Thach Setha" --date 2026-01-07 --present "Thach Setha"
hearing=$(printf '%s' "$out" | awk '{print $3}')
before=$(db_snapshot)
fails 65 "absent: 'Thach Setha' is listed both present and absent" cw edit "$hearing" \
	--absent "Thach Setha"
# ... and one placed after itself, as --same-event and --disputes refuse a link to itself.
fails 65 "after: a record cannot name itself" cw edit "$hearing" --after "$hearing"
[ "$(db_snapshot)" = "$before" ] || fail "a refused edit changed the database"
# ... nor after one that comes after it, directly or through another: the timeline placed
# neither, and "edit A --after B" then "edit B --after A" was taken without a word.
ok cw log hearing --case "Thach Setha" --date 2026-01 --outcome adjourned
second=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Thach Setha" --date 2026-01 --outcome verdict
third=$(printf '%s' "$out" | awk '{print $3}')
ok cw edit "$second" --after "$hearing"
ok cw edit "$third" --after "$second"
before=$(db_snapshot)
fails 65 "after: $(printf %.8s "$second") is placed after this record already" \
	cw edit "$hearing" --after "$second"
fails 65 "after: $(printf %.8s "$third") comes after this record already, through $(printf %.8s "$second")" \
	cw edit "$hearing" --after "$third"
[ "$(db_snapshot)" = "$before" ] || fail "a refused placement changed the database"
# An import or a bundle that brings a loop: tests/cli/import_refs.sh.
# Another account of the event is a monitoring record: a person's or a case's id, typed where
# a hearing's was meant, linked nothing a report reads, and was saved.
before=$(db_snapshot)
ok cw list persons --json
person=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
ok cw list cases --json
kase=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
fails 65 "same-event: $(printf %.8s "$person") is a person, not a monitoring record" \
	cw edit "$hearing" --same-event "$person"
fails 65 "disputes: $(printf %.8s "$kase") is a case, not a monitoring record" \
	cw edit "$hearing" --disputes "$kase"
fails 65 "same-event: .* is a case" cw log hearing --case "Thach Setha" --date 2026-01-07 \
	--same-event "$kase"
# ... and a record is placed after an event, as a link names one: a person's id for --after
# was saved, and the timeline placed the record nowhere.
fails 65 "after: $(printf %.8s "$person") is a person, not a monitoring record" \
	cw edit "$hearing" --after "$person"
fails 65 "after: $(printf %.8s "$kase") is a case, not a monitoring record" \
	cw edit "$hearing" --after "$kase"
fails 65 "after: .* is a person" cw log hearing --case "Thach Setha" --date 2026-01 \
	--after "$person"
[ "$(db_snapshot)" = "$before" ] || fail "a refused link changed the database"
# Another account of a case is a case: the government's account of a trial beside the UN's,
# as the demo data links them (a case's id was refused for a case, a hearing's taken).
ok cw case add --title "Thach Setha — the government's account" --view government
gov=$(printf '%s' "$out" | awk '{print $3}')
fails 65 "disputes: $(printf %.8s "$hearing") is a hearing: another account of a case is a case too" \
	cw edit "$gov" --disputes "$hearing"
ok cw edit "$gov" --disputes "$kase"
# A record that comes whole (an import, a bundle an older casewatch wrote) is taken as it is,
# and an edit of its other fields saves: only what a person makes anew is refused.
ok cw show "$hearing" --json
both=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
d = json.load(sys.stdin)
d["attendance"].append({"person": d["attendance"][0]["person"], "present": "no"})
for k in ("id", "created", "updated", "author", "editor", "origin", "edited_in", "versions"):
    d.pop(k, None)
d["ref"] = "h-both"
print(json.dumps(d))')
printf '%s\n' "$both" >"$WORK/both.jsonl"
ok cw import "$WORK/both.jsonl"
ok cw edit ref:h-both --notes "attendance as the source gave it"
ok cw show ref:h-both --json
json "sorted(a['present'] for a in d['attendance']) == ['no', 'yes']"
# A person named twice in a list of people is kept once, as the form keeps them: the record
# held them twice, and a report counted two arrests for one person.
ok cw log demo --date 2026-01-08 --place "Freedom Park" --arrested "Thach Setha" \
	--arrested "Thach Setha"
demo=$(printf '%s' "$out" | awk '{print $3}')
ok cw show "$demo" --json
json "len(d['arrested']) == 1"
ok cw log visit --date 2026-01-08 --facility "CC1" --detainee "Thach Setha" --detainee "Thach Setha"
ok cw show "$(printf '%s' "$out" | awk '{print $3}')" --json
json "len(d['detainees']) == 1"
ok cw log hearing --case "Thach Setha" --date 2026-01-09 --present "Thach Setha" --present "Thach Setha"
ok cw show "$(printf '%s' "$out" | awk '{print $3}')" --json
json "len(d['attendance']) == 1"
# ... and an edit naming someone the record names already adds no one
ok cw edit "$demo" --arrested "Thach Setha"
ok cw show "$demo" --json
json "len(d['arrested']) == 1"
# A response of "none" beside another is refused naming the field, on the command line and in an
# import (all or nothing): the authorities did nothing and arrested people cannot both be the
# account ("none,arrests" was saved, and the report read it as both).
before=$(db_snapshot)
fails 65 "response: 'none' says the authorities did nothing" cw log demo --date 2026-01-10 \
	--place "Freedom Park" --response none,arrests
fails 65 "response: 'none'" cw log demo --date 2026-01-10 --place "Freedom Park" \
	--response none --response dispersed
printf '%s\n' '{"kind": "demo", "ref": "d-fine", "date": "2026-01-10", "place": "Wat Phnom"}' \
	'{"kind": "demo", "ref": "d-both", "date": "2026-01-10", "place": "Wat Phnom", "response": ["arrests", "none"]}' \
	>"$WORK/none.jsonl"
fails 65 "line 2: response: 'none'" cw import "$WORK/none.jsonl"
[ "$(db_snapshot)" = "$before" ] || fail "a refused response changed the database"
# A demonstration recorded with "none" and arrests counted is warned of with the edit to type,
# and that edit is taken: the response is a set an edit adds to, so "none" is cleared first.
ok cw log demo --date 2026-01-11 --place "Freedom Park" --response none --arrests-count 3
quiet=$(printf '%s' "$out" | awk '{print $3}')
checks=$((checks + 1))
grep -q -- "casewatch edit $(printf %.8s "$quiet") --clear response --response arrests" \
	"$WORK/stderr" || fail "the edit to type is not given: $(cat "$WORK/stderr")"
fails 65 "response: 'none'" cw edit "$quiet" --response arrests
ok cw edit "$quiet" --clear response --response arrests
ok cw show "$quiet" --json
json "d['response'] == ['arrests']"
done_ok
