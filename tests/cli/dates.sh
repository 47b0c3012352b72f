#!/bin/sh
# Dates as people say them on the command line: today, yesterday, weekday names, next monday,
# last friday, +3d, -1w, next week, last week, in record options, filters, reports and bundle
# export, counted from the test clock (Wednesday 7 February 2024, 09:00 UTC). What is stored
# and shown is the full date; partial dates keep working; words that are no date fail naming
# the option, and leave the database as it was.
. "$TESTLIB"
set -e

export TZ=UTC CASEWATCH_NOW=2024-02-07T09:00:00Z

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --custody detained \
	--custody-as-of yesterday --charge 494/495
has "(custody-as-of 2024-02-06)"
kase=$(printf '%s' "$out" | awk '{print $3}')
ok cw show "$kase" --json
json 'd["defendants"][0]["as_of"] == "2024-02-06"'

# Record options: the line that says what was added gives the days the words meant.
ok cw log hearing --case NagaWorld --date yesterday --next-date "next monday" \
	--outcome adjourned --source "own observation"
has "(date 2024-02-06, next-date 2024-02-12)"
hearing=$(printf '%s' "$out" | awk '{print $3}')
ok cw show "$hearing" --json
json 'd["date"] == "2024-02-06" and d["next_date"] == "2024-02-12"'
ok cw show "$hearing"
has "2024-02-06"
lacks "yesterday"
# A value starting with a dash is a value; --date=+3d works too.
ok cw log hearing --case NagaWorld --date -2d --source "own observation"
has "(date 2024-02-05)"
ok cw log visit --facility "Prey Sar" --date=+3d
has "(date 2024-02-10)"
ok cw log demo --date "Last Friday" --place "NagaWorld casino"
has "(date 2024-02-02)"
demo=$(printf '%s' "$out" | awk '{print $3}')
ok cw log milestone --person "Chhim Sithar" --type arrest --date "last week"
has "(date 2024-01-29)"
ok cw log milestone --person "Chhim Sithar" --type bail --date -1w --reported-on today
has "(date 2024-01-31, reported-on 2024-02-07)"
ok cw log incident --type media_closure --date mon
has "(date 2024-02-05)"
# A date typed in full is not repeated.
ok cw log hearing --case NagaWorld --date 2024-01-15 --source "own observation"
[ "$out" = "added hearing $(printf '%s' "$out" | awk '{print $3}')" ] ||
	fail "a full date was said back: $out"
# Partial dates are kept as given.
ok cw log demo --date 2023-07 --place "Freedom Park"
ok cw show "$(printf '%s' "$out" | awk '{print $3}')" --json
json 'd["date"] == "2023-07"'
ok cw edit "$demo" --date friday
has "saved demo "
has "(date 2024-02-02)"
ok cw edit "$demo" --date sunday
has "(date 2024-02-04)"

# Filters: the options and the filter line.
ok cw list records --since monday --oldest-first
lines 5 # the header, a hearing and the incident on the 5th, the 6th, the visit on the 10th
has "2024-02-05"
has "2024-02-10"
lacks "2024-02-04"
ok cw list records --since "last week" --until yesterday
has "2024-01-29"
has "2024-02-06"
lacks "2024-02-10"
lacks "2024-01-15"
ok cw list records --filter "since:last week until:sun kind:milestone"
lines 3
ok cw list records --filter 'since:"next monday"'
has "no matching"
ok cw list records --since 2024-01 --until 2024-01
has "2024-01-15"
lacks "2024-02"

# Reports and bundles take them too, and say the dates.
ok cw report --from "last week" --to yesterday
has "2024-01-29 to 2024-02-06"
ok cw bundle export --plain --since tomorrow -o "$WORK/b.bundle"
has "since 2024-02-08"
# The agenda starts today, or on the day words give; the hearing set for next Monday is on it.
ok cw agenda --days 7
has "2024-02-07 to"
has "2024-02-12"
ok cw agenda --from "next week" --days 1
has "2024-02-12 to"
has "NagaWorld strike"
ok cw agenda --from tomorrow --days 3
has "Nothing on the agenda from Thu 2024-02-08 to Sat 2024-02-10"

# Another day on the clock: the same words, other dates (a leap day).
CASEWATCH_NOW=2024-03-01T23:00:00Z ok cw log demo --date yesterday --place "Olympic Stadium"
has "(date 2024-02-29)"
# The day is the local one: 23:00 UTC on 1 March is 2 March in Phnom Penh.
TZ=ICT-7 CASEWATCH_NOW=2024-03-01T23:00:00Z ok cw log demo --date today --place "Wat Phnom"
has "(date 2024-03-02)"

# A day and a month's name, either way round, in the year that puts it nearest today (within
# half a year): one rule for every date field, so a next date in January typed in December is
# next year's, and last December's hearing typed in February is last year's.
ok cw log hearing --case NagaWorld --date "Jan 15" --next-date "15 feb" --source "own observation"
has "(date 2024-01-15, next-date 2024-02-15)"
ok cw log demo --date "15 december" --place "Freedom Park"
has "(date 2023-12-15)"
ok cw log demo --date "1 jul" --place "Freedom Park"
has "(date 2024-07-01)"
ok cw log demo --date "29 Feb" --place "Freedom Park"
has "(date 2024-02-29)"
CASEWATCH_NOW=2026-12-02T09:00:00Z ok cw log hearing --case NagaWorld --date today \
	--next-date "15 jan" --outcome adjourned --source "own observation"
has "(date 2026-12-02, next-date 2027-01-15)"
CASEWATCH_NOW=2026-12-02T09:00:00Z ok cw log demo --date "28 nov" --place "Freedom Park"
has "(date 2026-11-28)"
# a day the month never has is said to be one; a word that is no month names the forms
fails 65 "date" cw log demo --date "31 feb" --place x
grep -qF "'31 feb' does not exist: February has at most 29 days" "$WORK/stderr" ||
	fail "31 February is not said not to exist: $err"
fails 65 "date" cw log demo --date "15 foo" --place x
grep -qF "next week or 15 jan" "$WORK/stderr" || fail "the day-month form is not named: $err"
fails 65 "date" cw log demo --date "15 jan 3" --place x
# With its year, that day whatever today is (a field trial writing up last year's hearings had
# "6 feb 2024" and "feb 2024" refused); a month with its year is kept to the month, as 2023-07
# is; the numbers without their zeros are the date with them.
ok cw log demo --date "6 feb 2023" --place "Freedom Park"
has "(date 2023-02-06)"
ok cw log demo --date "Feb 7 2022" --place "Freedom Park"
has "(date 2022-02-07)"
ok cw log demo --date "june 2023" --place "Freedom Park"
has "(date 2023-06)"
ok cw show "$(printf '%s' "$out" | awk '{print $3}')" --json
json 'd["date"] == "2023-06"'
ok cw log demo --date 2022-3-9 --place "Freedom Park"
has "(date 2022-03-09)"
ok cw list records --since "feb 2023" --until "6 feb 2023" --oldest-first
has "2023-02-06"
lacks "2022-"
ok cw list records --filter "since:2022-3 until:2022-3-9"
has "2022-03-09"
lacks "2022-02-07"
fails 65 "date" cw log demo --date "29 feb 2023" --place x
grep -qF "2023-02-29 does not exist" "$WORK/stderr" || fail "29 February 2023 is not refused as such: $err"

# Words that are no date fail in one line naming the option; nothing is written.
before=$(db_snapshot)
fails 65 "date" cw log hearing --case NagaWorld --date someday --source x
grep -qF "today, yesterday, monday" "$WORK/stderr" || fail "the forms are not named: $err"
fails 65 "next-date" cw log hearing --case NagaWorld --date today --next-date "next month"
fails 65 "date" cw log demo --date +100000d
fails 65 "date" cw log demo --date 2024-02-30
grep -qF "does not exist" "$WORK/stderr" || fail "a bad calendar date changed message: $err"
# Words that start with a digit are words too: the forms in words are named for them as well.
for words in "3d" "2 days ago" "in 3 days"; do
	fails 65 "since" cw list records --since "$words"
	grep -qF "next monday, last friday, +3d" "$WORK/stderr" || fail "the forms are not named: $err"
done
# "this week" is its Monday, as next and last week are theirs; "this month" is no form
ok cw list records --since "this week"
fails 65 "since" cw list records --since "this month"
fails 65 "since" cw list records --filter "since:next kind:hearing"
fails 65 "to" cw report --from monday --to whenever
# Files hold dates as written: an import saying "today" would mean another day tomorrow.
printf '{"kind":"demo","date":"today","place":"Freedom Park"}\n' >"$WORK/today.jsonl"
fails 65 "line 1: date" cw import "$WORK/today.jsonl"
printf '{"kind":"demo","date":"2024-2-6","place":"Freedom Park"}\n' >"$WORK/unpadded.jsonl"
fails 65 "line 1: date" cw import "$WORK/unpadded.jsonl"
grep -qF "did you mean 2024-02-06?" "$WORK/stderr" || fail "the date meant is not said: $err"
[ "$(db_snapshot)" = "$before" ] || fail "a refused date changed the database"

done_ok
