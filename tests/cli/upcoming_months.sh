#!/bin/sh
# A hearing adjourned to a month ("--next-date 2024-07") reaches partners: the report's
# upcoming hearings list it when the month overlaps the 14 days after the period, as that month
# with its day not known, never as one of those days; the JSON gives the date as given with its
# precision; the agenda lists it under the month; the calendar file leaves it out and says so.
# A hearing of the case logged for a day of that month is the sitting it was for: the month
# goes. (A field trial: only the timeline said "next hearing: 2024-07".)
. "$TESTLIB"
set -e
export CASEWATCH_NOW=2024-07-01T03:00:00Z

ok cw init
ok cw person add --name "Kim Rithy"
ok cw case add --title LRSU --defendant "Kim Rithy" --charge 494/495
ok cw log hearing --case LRSU --date 2024-06-10 --outcome adjourned --next-date 2024-07 \
	--source "own observation"

# The window (1 to 14 July) lies in the month; the week after (8 to 21 July) too.
week 2024-W26
row md "| 2024-07 | own observation | LRSU | Kim Rithy |"
row md "next date set at the hearing of 2024-06-10 for 2024-07, day not known"
row md "## Upcoming hearings (1)"
lacks "No hearings scheduled in the following 14 days."
# the summary does not count it among the hearings set in those days
row md "1 hearing is set for a month that overlaps the 14 days after the period, its day not known"
norow md "1 hearing is set in the 14 days after the period"
row md "and those set for a month that overlaps them, whose day is not known"
row html "for 2024-07, day not known"
row csv "for 2024-07, day not known"
inpdf "for 2024-07, day not known"
ok cw report --week 2024-W26 --format json
json "[(u['date'], u['precision'], u['source']) for u in d['upcoming_hearings']] ==
	[('2024-07', 'month', 'next_date')]"
ok cw report --week 2024-W27
has "for 2024-07, day not known"
# a month that does not overlap the window is not listed (the window of W31 is 5 to 18 August)
ok cw report --week 2024-W31
lacks "2024-07, day not known"

# The agenda: under the month, before its days; the calendar file leaves it out, on stderr.
ok cw agenda --from 2024-07-01
has "set at the hearing of 2024-06-10; day not known"
ok cw agenda --from 2024-07-01 --json
json "[(i['day'], i['precision'], i['what']) for i in d['items']] ==
	[('2024-07', 'month', 'next_hearing')]"
ok cw export --format ics --from 2024-07-01 --to 2024-07-14
lacks "BEGIN:VEVENT"
grep -q "1 hearing set only for a month (2024-07) is not in the calendar" "$WORK/stderr" ||
	fail "the calendar leaves out the month without a word: $(cat "$WORK/stderr")"
checks=$((checks + 1))

# A hearing of 10 July that only ruled on bail is not the sitting the month was for (the trial
# may sit later in July, as a date given to the day stands past a bail hearing): the month
# stays, beside it. (Any hearing of the month took it off.)
ok cw log hearing --case LRSU --date 2024-07-10 --outcome bail_decision \
	--source "own observation"
ok cw report --week 2024-W26
has "| 2024-07-10 | own observation | LRSU | Kim Rithy |"
has "for 2024-07, day not known"
ok cw agenda --from 2024-07-01
has "set at the hearing of 2024-06-10; day not known"

# The sitting logged on a day of the month: it is listed, the month no longer.
ok cw log hearing --case LRSU --date 2024-07-09 --outcome adjourned --source "own observation"
ok cw report --week 2024-W26
has "| 2024-07-09 | own observation | LRSU | Kim Rithy |"
lacks "day not known"
has "2 hearings are set in the 14 days after the period"
ok cw agenda --from 2024-07-01
lacks "day not known"

# Two accounts of one hearing, one giving a day in the window and the other only the month:
# one hearing set in those days, and both accounts named (a review found the month's account
# left out of the sentence, the day's in a sentence not written).
ok cw case add --title "Two accounts" --defendant "Kim Rithy" --charge 494/495
ok cw log hearing --case "Two accounts" --date 2024-06-10 --outcome adjourned \
	--next-date 2024-06-28 --view government
first=$(added_id hearing)
[ -n "$first" ] || fail "no id for the government's hearing: $out"
ok cw log hearing --case "Two accounts" --date 2024-06-10 --outcome adjourned \
	--next-date 2024-07 --source "own observation" --same-event "$first"
ok cw report --week 2024-W25
has "1 hearing is set in the 14 days after the period (accounts: government, own observation)"
lacks "its day not known"
# The calendar counts hearings, not accounts: this one is in it on 2024-06-28, per the
# government's account, so no hearing set only for a month is left out (the note said 1).
ok cw export --format ics --from 2024-06-24 --to 2024-07-07
has "DTSTART;VALUE=DATE:20240628"
if grep -q "set only for a month" "$WORK/stderr"; then
	fail "a hearing in the calendar on its day counted as left out: $(cat "$WORK/stderr")"
fi
checks=$((checks + 1))
# Two accounts of one hearing giving two months: one hearing left out.
ok cw case add --title "Two months" --defendant "Kim Rithy" --charge 494/495
ok cw log hearing --case "Two months" --date 2024-06-11 --outcome adjourned \
	--next-date 2024-09 --view government
first=$(added_id hearing)
ok cw log hearing --case "Two months" --date 2024-06-11 --outcome adjourned \
	--next-date 2024-10 --source "own observation" --same-event "$first"
ok cw export --format ics --from 2024-09-20 --to 2024-10-05
grep -q "1 hearing set only for a month (2024-09) is not in the calendar" "$WORK/stderr" ||
	fail "two accounts of one hearing counted as two: $(cat "$WORK/stderr")"
checks=$((checks + 1))

# A follow-up visit due within a month is under that month, its day not known, not on the
# window's first day as if due then; the calendar holds it over the whole month.
ok cw log visit --facility "Prey Sar CC1" --date 2024-06-20 --follow-up "bring the medicine" \
	--follow-up-on 2024-08
ok cw agenda --from 2024-08-05 --days 14
has "bring the medicine (visit of 2024-06-20); day not known"
has "2024-08  follow-up visit"
ok cw agenda --from 2024-08-05 --days 14 --json
json "[(i['day'], i['precision'], i['what']) for i in d['items']] ==
	[('2024-08', 'month', 'follow_up')]"
ok cw export --format ics --from 2024-08-05 --to 2024-08-18
has "DTSTART;VALUE=DATE:20240801"
has "DTEND;VALUE=DATE:20240901"
has "Due within 2024-08\\, its"
if grep -q "set only for a month" "$WORK/stderr"; then
	fail "a follow-up counted among the hearings left out: $(cat "$WORK/stderr")"
fi
checks=$((checks + 1))
# overdue once the month is past, still under it
ok cw agenda --from 2024-09-01 --days 5 --kind visit
has "OVERDUE: bring the medicine (visit of 2024-06-20); day not known"
ok cw export --format ics --from 2024-09-01 --to 2024-09-05
has "Due within 2024-08\\, its"
has "Overdue: no later visit"
# the empty agenda's hint names the month's first day, which shows it
ok cw agenda --from 2024-07-20 --days 5 --kind visit
has "'--from 2024-08-01'"
ok cw agenda --from 2024-08-01 --days 1 --kind visit
has "2024-08  follow-up visit"

# A follow-up due within a year likewise, under the year, read however far into the year the
# window starts (its key sorts before the year's first day).
ok cw log visit --facility "Kampong Cham prison" --date 2024-06-20 --follow-up "see the doctor" \
	--follow-up-on 2025
ok cw agenda --from 2025-06-02 --days 5 --kind visit
has "2025  follow-up visit"
has "see the doctor (visit of 2024-06-20); day not known"
ok cw export --format ics --from 2025-06-02 --to 2025-06-06
has "DTSTART;VALUE=DATE:20250101"
has "DTEND;VALUE=DATE:20260101"

# A month gone by with nothing logged is a missed hearing, said in the period its last day is
# in (a trial adjourned to August, August over, read as a quiet month).
export CASEWATCH_NOW=2024-09-10T03:00:00Z
ok cw case add --title "August case" --defendant "Kim Rithy" --charge 494/495
ok cw log hearing --case "August case" --date 2024-06-12 --outcome adjourned \
	--next-date 2024-08 --source "own observation"
ok cw log hearing --case "August case" --date 2024-08-14 --outcome bail_decision \
	--source "own observation"
ok cw report --week 2024-W35
has "| 2024-08 | own observation | August case | Kim Rithy |"
# the bail hearing is named: "nothing logged in that month" beside it was false (a review)
has "no sitting logged in it; the hearing of 2024-08-14 ruled only on bail"
lacks "nothing logged in that month"
has "1 hearing was set for a month that ended in the period, its day not known, and no sitting of it was logged in that month"
ok cw report --week 2024-W35 --format json
json "[(m['date'], m['precision']) for m in d['hearings_missed']] == [('2024-08', 'month')]"
# not in the weeks before its end, nor after
ok cw report --week 2024-W34
lacks "no sitting logged in it"
ok cw report --week 2024-W36
lacks "no sitting logged in it"
# a sitting logged in August answers it
ok cw log hearing --case "August case" --date 2024-08-21 --outcome adjourned \
	--source "own observation"
ok cw report --week 2024-W35
lacks "no sitting logged in it"
lacks "set for a month that ended in the period"
# Another account of the setting hearing gives a day of the month: that day is missed in its
# own week, and the month is not missed again in the week it ends (a review saw one hearing
# counted missed in two weeks).
ok cw case add --title "Day and month" --defendant "Kim Rithy" --charge 494/495
ok cw log hearing --case "Day and month" --date 2024-06-13 --outcome adjourned \
	--next-date 2024-08-05 --view government
gov=$(added_id hearing)
ok cw log hearing --case "Day and month" --date 2024-06-13 --outcome adjourned \
	--next-date 2024-08 --source "own observation" --same-event "$gov"
ok cw report --week 2024-W32
has "| 2024-08-05 | government | Day and month | Kim Rithy |"
has "nothing logged for that day"
ok cw report --week 2024-W35
lacks "Day and month"
lacks "set for a month that ended in the period"

# A next date given only to a year, as a month is: listed by the reports whose days after the
# period the year overlaps, under the year in the agenda, left out of the calendar with a
# note; missed when the year ended with nothing logged. (It was listed nowhere.)
ok cw case add --title "Next year" --defendant "Kim Rithy" --charge 494/495
ok cw log hearing --case "Next year" --date 2024-09-05 --outcome adjourned --next-date 2025 \
	--source "own observation"
ok cw report --week 2024-W52
has "| 2025 | own observation | Next year | Kim Rithy |"
has "for 2025, day not known"
has "1 hearing is set for a month or a year that overlaps the 14 days after the period, its day not known"
has "and those set for a month or a year that overlaps them"
ok cw report --week 2024-W52 --format json
json "[(u['date'], u['precision']) for u in d['upcoming_hearings']] == [('2025', 'year')]"
ok cw report --week 2024-W40
lacks "for 2025, day not known"
# the agenda of a day of the year (read from the year's own key, not its first day's)
ok cw agenda --from 2025-03-01 --kind hearing
has "set at the hearing of 2024-09-05; day not known"
ok cw agenda --from 2025-03-01 --kind hearing --json
json "[(i['day'], i['precision']) for i in d['items']] == [('2025', 'year')]"
ok cw export --format ics --from 2025-03-01 --to 2025-03-14
grep -q "1 hearing set only for a month or a year (2025) is not in the calendar" "$WORK/stderr" ||
	fail "the calendar leaves out the year without a word: $(cat "$WORK/stderr")"
checks=$((checks + 1))
export CASEWATCH_NOW=2026-01-10T03:00:00Z
ok cw report --week 2026-W01
has "| 2025 | own observation | Next year | Kim Rithy |"
has "nothing logged in that year"
has "1 hearing was set for a month or a year that ended in the period, its day not known, and no sitting of it was logged in it"
ok cw report --week 2026-W01 --format json
json "[(m['date'], m['precision']) for m in d['hearings_missed']] == [('2025', 'year')]"
# a sitting of the year answers it
ok cw log hearing --case "Next year" --date 2025-05-06 --outcome adjourned \
	--source "own observation"
ok cw report --week 2026-W01
lacks "nothing logged in that year"
ok cw agenda --from 2025-06-01 --kind hearing
lacks "day not known"
done_ok
