#!/bin/sh
# casewatch agenda: hearings set and follow-up visits due, grouped by day, overdue follow-ups
# first; a follow-up is done by a later visit to the same facility; an empty agenda says why;
# the iCalendar export holds the same items.
. "$TESTLIB"
set -e
PY=${PYTHON3:-python3}
# Only a visit made by today does a follow-up: the clock is set after the visits of 2030 (the
# agenda below is read as on its first day).
export CASEWATCH_NOW=2030-03-01T03:00:00Z

ok cw init
ok cw agenda --from 2030-03-01
has "Nothing on the agenda from"
has "No hearing or follow-up visit has a date set."

ok cw case add --title "Union case" --court "Phnom Penh Court"
# a hearing dated in the window, with its time
ok cw log hearing --case "Union case" --date 2030-03-04 --time 09:00
# a next date that is the logged hearing of 2030-03-04: once, as that hearing
ok cw log hearing --case "Union case" --date 2030-02-20 --outcome adjourned --next-date 2030-03-04
# a next date set for a day no hearing is logged for: on the agenda as the next hearing (set by
# the case's latest hearing: a later one would have superseded it)
ok cw log hearing --case "Union case" --date 2030-02-27 --outcome adjourned --next-date 2030-03-06
# after the window
ok cw log hearing --case "Union case" --date 2030-04-20
# follow-ups: overdue and not done; done by a later visit (any case of letters); in the
# window; too old to be shown
ok cw log visit --facility "Prey Sar CC1" --date 2030-02-01 --follow-up "bring the medicine" \
	--follow-up-on 2030-02-15
ok cw log visit --facility "Prey Sar CC2" --date 2030-02-01 --follow-up-on 2030-02-20
ok cw log visit --facility "prey sar cc2" --date 2030-02-25
ok cw log visit --facility "Police Judiciaire" --date 2030-02-28 --follow-up "ask for the lawyer" \
	--follow-up-on 2030-03-10
ok cw log visit --facility "Kampong Cham prison" --date 2029-09-20 --follow-up-on 2029-10-01

ok cw agenda --from 2030-03-01 --days 14 --json
json "(d['from'], d['to']) == ('2030-03-01', '2030-03-14')"
json "[(i['day'], i['what'], i['overdue']) for i in d['items']] == [
	('2030-02-15', 'follow_up', True), ('2030-03-04', 'hearing', False),
	('2030-03-06', 'next_hearing', False), ('2030-03-10', 'follow_up', False)]"
json "d['items'][0]['about'] == 'Prey Sar CC1' and d['items'][1]['about'].startswith('Union case')"
json "d['items'][2]['note'] == 'set at the hearing of 2030-02-27' and d['items'][1]['note'] == '09:00'"
json "d['items'][3]['record']['follow_up_on'] == '2030-03-10'"

# the text: one heading per day, with its weekday (checked against Python's calendar)
ok cw agenda --from 2030-03-01 --days 14
has "Agenda from $("$PY" -c "import datetime; print(datetime.date(2030,3,1).strftime('%a'))") 2030-03-01 to"
for day in 2030-02-15 2030-03-04 2030-03-06 2030-03-10; do
	name=$("$PY" -c "import datetime; print(datetime.date.fromisoformat('$day').strftime('%a'))")
	has "$name $day"
done
has "OVERDUE: bring the medicine (visit of 2030-02-01)"
lacks "Prey Sar CC2"
# In Khmer, the weekdays and what is due are Khmer too (2030-03-04 is a Monday: ច័ន្ទ).
out=$(env -u LC_ALL -u LC_MESSAGES LANGUAGE= LANG=km_KH.UTF-8 "$CASEWATCH" --db "$DB" agenda \
	--from 2030-03-01 --days 14) || fail "the agenda in Khmer failed"
has "ច័ន្ទ 2030-03-04"
lacks "Mon 2030-03-04"
lacks "follow-up visit"
lacks "Kampong Cham"
lines 6
# the longest weekday names whole, with their dates (Thursday's is 30 bytes in Khmer, and was
# once cut to nothing): 2030-03-07 is a Thursday, 2030-03-10 a Sunday
has "អាទិត្យ 2030-03-10"
out=$(env -u LC_ALL -u LC_MESSAGES LANGUAGE= LANG=km_KH.UTF-8 "$CASEWATCH" --db "$DB" agenda \
	--from 2030-03-07 --days 7) || fail "the agenda in Khmer failed"
has "ព្រហស្បតិ៍ 2030-03-07"

# a shorter window, filters
ok cw agenda --from 2030-03-05 --days 2 --json
json "[(i['day'], i['what']) for i in d['items']] == [('2030-02-15', 'follow_up'), ('2030-03-06', 'next_hearing')]"
ok cw agenda --from 2030-03-01 --kind hearing --json
json "[i['what'] for i in d['items']] == ['hearing', 'next_hearing']"
ok cw agenda --from 2030-03-01 --kind visit --json
json "[i['what'] for i in d['items']] == ['follow_up', 'follow_up']"

# empty, saying why: the latest day set is given, with how to see it (more than 90 days on,
# the overdue follow-ups are gone too)
ok cw agenda --from 2030-07-01
has "Nothing on the agenda from"
has "The latest day a hearing or a follow-up visit is set for is 2030-04-20; '--from 2030-04-20'"
ok cw agenda --from 2030-07-01 --kind visit
has "is set for is 2030-03-10"
ok cw agenda --from 2030-04-20 --days 1
has "Union case"

ok cw agenda --from 2030-03-20 --days 5 --kind hearing
has "Nothing on the agenda from"
has "The next day a hearing or a follow-up visit that matches is set for is 2030-04-20"

# today by default (the machine's: the test clock unset)
ok env -u CASEWATCH_NOW "$CASEWATCH" --db "$DB" agenda
today=$("$PY" -c "import datetime; d = datetime.date.today(); print(d.strftime('%a'), d)")
printf '%s\n' "$out" | grep -qi "agenda from $today to" || fail "not from today ($today): $out"
checks=$((checks + 1))

# A long Khmer follow-up: the agenda's JSON is whole, and show prints the note whole.
long=$("$PY" -c "print('ក' * 400)")
ok cw log visit --facility "Kampot prison" --date 2030-02-27 --follow-up "$long" --follow-up-on 2030-03-02 --notes "$long$long"
ok cw agenda --from 2030-03-01 --json
json "any(i['what'] == 'follow_up' and i['note'].startswith('ក') for i in d['items'])"
vid=$(printf '%s' "$out" | "$PY" -c "import json,sys; print([i['record']['id'] for i in json.load(sys.stdin)['items'] if i['about'] == 'Kampot prison'][0])")
ok cw show "$vid"
[ "$(printf '%s' "$out" | "$PY" -c "import sys; print(sys.stdin.read().count('ក'))")" -ge 1200 ] ||
	fail "show cut the notes"
checks=$((checks + 1))
ok cw delete "$vid" --yes

# bad input
fails 2 days cw agenda --days 0
fails 2 days cw agenda --days 3x
fails 65 from cw agenda --from 2030-02-30
fails 2 kind cw agenda --kind demonstration
fails 2 wat cw agenda --wat

# iCalendar: the same items, follow-ups as all-day events without what the monitors wrote
ok cw export --format ics --from 2030-03-01 --to 2030-03-14
[ "$(printf '%s\n' "$out" | grep -c BEGIN:VEVENT)" -eq 4 ] || fail "wanted 4 events: $out"
checks=$((checks + 1))
has "SUMMARY:Follow-up visit: Police Judiciaire"
has "DTSTART;VALUE=DATE:20300310"
has "DTSTART;TZID=Asia/Phnom_Penh:20300304T090000"
lacks "medicine"
lacks "lawyer"
ok cw export --format ics --from 2030-03-20 --to 2030-03-25 --kind hearing
lacks "BEGIN:VEVENT"
grep -q "casewatch: note: the calendar is empty: nothing is set from 2030-03-20 to 2030-03-25; the next day set is 2030-04-20" \
	"$WORK/stderr" || fail "an empty calendar says what comes next: $(cat "$WORK/stderr")"
ok cw export --format ics --from 2030-07-01
lacks "BEGIN:VEVENT"
grep -q "casewatch: note: the calendar is empty: nothing is set on or after 2030-07-01; the latest day set is 2030-04-20" \
	"$WORK/stderr" || fail "an empty calendar says why: $(cat "$WORK/stderr")"

# A follow-up a later visit to the prison has done is no day to send the user to: the empty
# agenda's hint went round in a circle ("the latest day ... is 2031-04-23; '--from 2031-04-23'
# shows the agenda from then", and that agenda was empty too, with the same hint).
DB="$WORK/circle"
CASEWATCH_NOW=2031-04-15T03:00:00Z
ok cw init
ok cw log visit --facility "CC1" --date 2031-04-09 --follow-up "medical check" \
	--follow-up-on 2031-04-23
ok cw log visit --facility "CC1" --date 2031-04-12
ok cw agenda --from 2031-04-15 --days 30
lacks "2031-04-23"
has "Nothing is still to do: every follow-up visit set has been done by a later visit, and no hearing has a date set."
ok cw log visit --facility "CC2" --date 2031-04-10 --follow-up "water filters" \
	--follow-up-on 2031-04-20
ok cw agenda --from 2031-09-01 --days 5
has "The latest day a hearing or a follow-up visit is set for is 2031-04-20"
ok cw agenda --from 2031-04-20 --days 5
has "water filters"
# A visit dated after today has not been made: it does no follow-up. A field trial logged a
# visit to Prey Sar for five days on (a warning only), and the follow-up of the visit before
# went from the agenda as done ("Nothing is still to do"), in the terminal's list 4 too.
DB="$WORK/ahead"
CASEWATCH_NOW=2031-06-10T03:00:00Z
ok cw init
ok cw log visit --facility "Prey Sar Prison" --date 2031-05-31 --access granted \
	--follow-up "check medicine" --follow-up-on 2031-06-13 --source "own observation"
ok cw log visit --facility "prey sar prison" --date 2031-06-15 --source "own observation"
grep -q "after today" "$WORK/stderr" || fail "no warning for a visit ahead: $(cat "$WORK/stderr")"
ok cw agenda
has "check medicine (visit of 2031-05-31)"
lacks "Nothing is still to do"
ok cw agenda --json
json "[(i['day'], i['what'], i['overdue']) for i in d['items']] == [('2031-06-13', 'follow_up', False)]"
# overdue once its day is past, still undone while the visit is to come
ok cw agenda --from 2031-06-14 --days 1
has "OVERDUE: check medicine"
# the empty agenda's hint names its day, not "every follow-up ... done"
ok cw agenda --from 2031-06-01 --days 5
has "The next day a hearing or a follow-up visit is set for is 2031-06-13"
# the calendar file holds it
ok cw export --format ics --from 2031-06-10 --to 2031-06-20
has "DTSTART;VALUE=DATE:20310613"
# once the day of the visit has come, it did the follow-up
CASEWATCH_NOW=2031-06-15T03:00:00Z
ok cw agenda
lacks "check medicine"
has "Nothing is still to do: every follow-up visit set has been done by a later visit"
# A visit dated only to the month (June) is not known to be made by the 15th: not yet done,
# as a hearing dated so is not yet held; it is once June has gone by.
ok cw log visit --facility "T3" --date 2031-05-28 --follow-up "blankets" --follow-up-on 2031-06-05 \
	--source "own observation"
ok cw log visit --facility "T3" --date 2031-06 --source "own observation"
ok cw agenda
has "blankets (visit of 2031-05-28)"
CASEWATCH_NOW=2031-07-01T03:00:00Z
ok cw agenda
lacks "blankets"
CASEWATCH_NOW=2031-06-15T03:00:00Z
# A hearing dated after today has not been held: a next date it would supersede stays on an
# agenda read from a later day (it went, as if the hearing logged ahead had moved the case on).
DB="$WORK/hearing_ahead"
CASEWATCH_NOW=2031-06-10T03:00:00Z
ok cw init
ok cw case add --title "Union case" --court "Phnom Penh Court"
ok cw log hearing --case "Union case" --date 2031-06-01 --outcome adjourned \
	--next-date 2031-07-10 --source "own observation"
ok cw log hearing --case "Union case" --date 2031-06-15 --outcome adjourned \
	--next-date 2031-08-01 --source "own observation"
ok cw agenda --from 2031-07-05 --days 14 --json
json "[(i['day'], i['what'], i['note']) for i in d['items']] == [('2031-07-10', 'next_hearing', 'set at the hearing of 2031-06-01')]"
# once it was held, it did
CASEWATCH_NOW=2031-06-16T03:00:00Z
ok cw agenda --from 2031-07-05 --days 14
has "Nothing on the agenda from"
has "The next day a hearing or a follow-up visit is set for is 2031-08-01"
# Accounts of one hearing that set different next dates (the team's 2022-03-03, the
# government's 2022-03-10, disputing it) are one hearing on two days: each day says whose account
# gives it and what day the other gives, so a monitor is neither sent to one as certain nor misses
# the other (both were listed as two hearings, with no note).
DB="$WORK/accounts"
ok cw init
ok cw case add --title "NagaWorld LRSU" --court "Phnom Penh Court"
ok cw log hearing --case NagaWorld --date 2022-02-17 --outcome adjourned --next-date 2022-03-03 \
	--source "own observation"
n1=$(added_id hearing)
ok cw log hearing --case NagaWorld --date 2022-02-17 --outcome adjourned --next-date 2022-03-10 \
	--view government --source "MoJ spokesperson" --disputes "$n1"
n2=$(added_id hearing)
ok cw agenda --from 2022-02-28
has "next date per the team's account; the government's gives 2022-03-10"
has "next date per the government's account; the team's gives 2022-03-03"
has "The accounts of 1 hearing give it different dates: each is listed on its day, with whose account gives it."
ok cw agenda --from 2022-02-28 --json
json "[(i['day'], i['what'], [(o['day'], o['account'], o['record']) for o in i['other_accounts']]) for i in d['items']] == [
	('2022-03-03', 'next_hearing', [('2022-03-10', 'government', '$n2')]),
	('2022-03-10', 'next_hearing', [('2022-03-03', 'own', '$n1')])]"
json "d['items'][1]['note'] == \"next date per the government's account; the team's gives 2022-03-03 (set at the hearing of 2022-02-17)\""
# the calendar keeps both days (it needs dates), each saying another account gives another
unfold() { printf '%s\n' "$out" | tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g'; }
ok cw export --format ics --from 2022-02-28 --to 2022-03-14
[ "$(printf '%s\n' "$out" | grep -c BEGIN:VEVENT)" -eq 2 ] || fail "wanted 2 events: $out"
checks=$((checks + 1))
out=$(unfold)
has "SUMMARY:Hearing (accounts differ on the date): NagaWorld LRSU"
has "Accounts of this hearing differ on its date: this date is the government's\; the team's gives 2022-03-03."
has "Accounts of this hearing differ on its date: this date is the team's\; the government's gives 2022-03-10."
# once the team logged the hearing of its day, that hearing and the government's day are one
ok cw log hearing --case NagaWorld --date 2022-03-03 --time 08:30 --outcome postponed \
	--next-date 2022-03-17 --source "own observation"
ok cw agenda --from 2022-02-28 --days 21 --json
json "[(i['day'], i['what'], [o['day'] for o in i['other_accounts']]) for i in d['items']] == [
	('2022-03-03', 'hearing', ['2022-03-10']), ('2022-03-10', 'next_hearing', ['2022-03-03']),
	('2022-03-17', 'next_hearing', [])]"
json "d['items'][0]['note'] == \"08:30, per the team's account; the government's gives 2022-03-10 as the next date\""
json "d['items'][2]['note'] == 'set at the hearing of 2022-03-03'"
# Two monitors' accounts of one hearing: each named by who logged it as well as by its id in
# the team's agenda (a supervisor's trial could not tell "the team's (e78a337d)" from
# "the team's (bf79cc98)"); never by name in the calendar that leaves the team.
DB="$WORK/two_monitors"
ok cw init
ok cw case add --title "Two monitors" --court "Phnom Penh Court"
CASEWATCH_AUTHOR=Sokha
ok cw log hearing --case "Two monitors" --date 2022-02-17 \
	--outcome adjourned --next-date 2022-03-03 --source "own observation"
m1=$(added_id hearing)
# (a Khmer name longer than the room a note gives it is cut between letters)
CASEWATCH_AUTHOR="ដារ៉ា ក្រុមឃ្លាំមើលតុលាការ"
ok cw log hearing --case "Two monitors" --date 2022-02-17 \
	--outcome adjourned --next-date 2022-03-04 --source "own observation" --same-event "$m1"
m2=$(added_id hearing)
CASEWATCH_AUTHOR="test monitor"
ok cw agenda --from 2022-02-28 --json
json "d['items'][0]['note'].startswith(\"next date per the team's (Sokha, $(printf %.8s "$m1")) account; the team's (ដារ៉ា ក្រុមឃ្លាំមើល\")"
json "\", $(printf %.8s "$m2")) gives 2022-03-04\" in d['items'][0]['note'] and '\\ufffd' not in d['items'][0]['note']"
ok cw export --format ics --from 2022-02-28 --to 2022-03-14
out=$(unfold)
has "the team's ($(printf %.8s "$m2")) gives 2022-03-04"
lacks "Sokha"
lacks "ដារ៉ា"
# a confidential account is no other date in what leaves the team, nor said to be withheld
DB="$WORK/accounts_confidential"
ok cw init
ok cw case add --title "Quiet case" --court "Phnom Penh Court"
ok cw log hearing --case "Quiet case" --date 2022-02-17 --outcome adjourned \
	--next-date 2022-03-03 --source "own observation"
q1=$(added_id hearing)
ok cw log hearing --case "Quiet case" --date 2022-02-17 --outcome adjourned \
	--next-date 2022-03-09 --view un --source "OHCHR" --same-event "$q1" --confidential
ok cw agenda --from 2022-02-28
has "the UN's gives 2022-03-09"
ok cw export --format ics --from 2022-02-28 --to 2022-03-14
[ "$(printf '%s\n' "$out" | grep -c BEGIN:VEVENT)" -eq 1 ] || fail "wanted 1 event: $out"
checks=$((checks + 1))
out=$(unfold)
lacks "differ"
lacks "2022-03-09"
lacks "20220309"

# The agenda is one of the team's own views: a confidential hearing, and the next date it set,
# carry the [C] the lists put before a confidential record, one with confidential fields [c]
# (a field trial found the next date bare, easy to copy out as any other).
DB="$WORK/marks"
ok cw init
ok cw case add --title "Sealed case" --court "Phnom Penh Court"
ok cw case add --title "Open case" --court "Phnom Penh Court"
ok cw case add --title "Noted case" --court "Phnom Penh Court"
ok cw log hearing --case "Sealed case" --date 2026-12-03 --outcome adjourned \
	--next-date 2026-12-10 --source "own observation" --confidential
ok cw log hearing --case "Open case" --date 2026-12-03 --outcome adjourned \
	--next-date 2026-12-11 --source "own observation"
ok cw log hearing --case "Noted case" --date 2026-12-04 --outcome adjourned \
	--next-date 2026-12-12 --source "own observation" --notes "a relative's fear" \
	--confidential-field notes
ok cw agenda --from 2026-12-01
printf '%s\n' "$out" | grep "2026-12-03 .*hearing .*\[C\] Sealed case" >/dev/null ||
	fail "the confidential hearing is not marked: $out"
printf '%s\n' "$out" | grep "2026-12-10 .*next hearing .*\[C\] Sealed case" >/dev/null ||
	fail "the next date it set is not marked: $out"
printf '%s\n' "$out" | grep "2026-12-12 .*next hearing .*\[c\] Noted case" >/dev/null ||
	fail "the next date of a hearing with confidential fields is not marked: $out"
checks=$((checks + 3))
lacks "[C] Open case"
lacks "[c] Open case"
ok cw list records
has "[C] Sealed case"
# A next date known only to its month is on no day: the empty agenda's hint sent the user round
# in a circle ("the latest day ... is 2032-06; '--from 2032-06' shows the agenda from then", and
# that agenda was empty too, with the same hint), and the calendar's note too. The agenda lists
# it under the month, when the month overlaps the window; the calendar leaves it out, saying so.
DB="$WORK/month"
CASEWATCH_NOW=2032-05-01T03:00:00Z
ok cw init
ok cw case add --title "Saray case" --court "Phnom Penh Court"
ok cw log hearing --case "Saray case" --date 2032-05-10 --outcome adjourned --next-date 2032-06 \
	--source "own observation"
ok cw agenda --from 2032-06
has "2032-06  next hearing"
has "set at the hearing of 2032-05-10; day not known"
ok cw agenda --from 2032-07
lacks "--from 2032-06'"
has "The latest day a hearing or a follow-up visit is set for is 2032-05-10"
ok cw export --format ics --from 2032-07-01
grep -q "the latest day set is 2032-05-10" "$WORK/stderr" ||
	fail "the empty calendar sends the user to a day it exports: $(cat "$WORK/stderr")"
checks=$((checks + 1))
ok cw export --format ics --from 2032-06-01
lacks "BEGIN:VEVENT"
grep -q "1 hearing set only for a month (2032-06) is not in the calendar" "$WORK/stderr" ||
	fail "the calendar leaves out the month without a word: $(cat "$WORK/stderr")"
checks=$((checks + 1))
# A follow-up's row names whom the visit met, three at most and how many more: the prison
# alone did not say who was waiting for the doctor or the lawyer promised.
DB="$WORK/met"
CASEWATCH_NOW=2033-01-01T03:00:00Z
ok cw init
for n in "Eng Sroy" "Sok Meas" "Kong Lina" "Chhun Dara" "Mam Sopheap"; do
	ok cw person add --name "$n"
done
ok cw log visit --facility "Prey Sar CC2" --date 2032-12-20 --follow-up "bring a doctor" \
	--follow-up-on 2033-01-05 --detainee "Eng Sroy" --detainee "Sok Meas" \
	--detainee "Kong Lina" --detainee "Chhun Dara" --detainee "Mam Sopheap"
ok cw log visit --facility "Kandal provincial prison" --date 2032-12-21 \
	--follow-up-on 2033-01-06 --detainee "Eng Sroy" --detainee "Sok Meas"
ok cw log visit --facility "Takeo prison" --date 2032-12-22 --follow-up-on 2033-01-07
ok cw agenda
has "Prey Sar CC2 (Eng Sroy, Sok Meas, Kong Lina and 2 others)"
has "Kandal provincial prison (Eng Sroy and Sok Meas)"
has "Takeo prison  "
lacks "Mam Sopheap"
ok cw agenda --json
json "[i['about'] for i in d['items']] == ['Prey Sar CC2 (Eng Sroy, Sok Meas, Kong Lina and 2 others)', 'Kandal provincial prison (Eng Sroy and Sok Meas)', 'Takeo prison']"
done_ok
