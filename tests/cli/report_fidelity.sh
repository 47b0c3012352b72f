#!/bin/sh
# What a report or a timeline says follows from what was recorded, in every format (Markdown,
# HTML, CSV, JSON and PDF): a verdict milestone's own result and the charge it rules on, never
# its type in their place; no pretrial detention recorded is no figure, not 0 days; hearings
# that recorded no fair-trial indicator are not said to have met them all; an event the source
# says reportedly happened is marked so wherever it is listed (reports, list, timeline); a row
# gives the stage its own record gives, never the case's as it is now, and the court its own
# record gives, else the case's, said to be the case's now (as lists give it); an event
# dated to a month or a year counts in a range that holds all of it; a source's tally is listed
# with its count and source, not counted as one event.
. "$TESTLIB"
set -e
command -v pdftotext >/dev/null || fail "pdftotext is needed (apt-get install poppler-utils)"
PY=${PYTHON3:-python3}
export CASEWATCH_NOW=2023-09-25T03:00:00Z
# week, row, norow and inpdf: tests/cli/lib.sh

ok cw init
ok cw person add --name "Thach Setha"
ok cw person add --name "Sam Sokong"
ok cw case add --title "Setha cheques" --defendant "Thach Setha" --charge "LNIPT 231" \
	--source "UN 001 para 37" --view un
ok cw case add --title "Sokong appeal" --defendant "Sam Sokong" --charge 494/495 \
	--source "UN 001 para 38" --view un

# ---- a verdict milestone's result and article; an appeal's result
ok cw log milestone --person "Thach Setha" --case Setha --type verdict --result convicted \
	--article "LNIPT 231" --date 2023-09-21 --view un --source "UN 001 para 37"
ok cw log milestone --person "Sam Sokong" --case Sokong --type appeal_decided --result upheld \
	--date 2023-09-22 --view un --source "UN 001 para 38"
ok cw log milestone --person "Sam Sokong" --case Sokong --type in_absentia_verdict \
	--result convicted --article 494 --date 2023-09-23 --view un --source "UN 001 para 38"
week 2023-W38
out=$(cat "$WORK/week.json")
json "[(v['article'], v['result'], v['milestone_type']) for v in d['verdicts']] == [('LNIPT 231', 'convicted', 'verdict'), (None, 'upheld', 'appeal_decided'), ('494', 'convicted', 'in_absentia_verdict')]" \
	"d['summary'][-1] == '3 verdicts and rulings were recorded (account: UN): 2 convicted, 1 upheld on appeal.'"
row md "| 2023-09-21 | UN \[1\] | Thach Setha | Setha cheques |  | LNIPT 231 | convicted |"
row md "| 2023-09-22 | UN \[2\] | Sam Sokong | Sokong appeal |  | 494/495 (the case's charges; counts not stated) | upheld on appeal |"
row md "| 494 | convicted (verdict in absentia) |"
norow md "| appeal decided |"
row html "<td>LNIPT 231</td><td>convicted</td>"
row html "<td>upheld on appeal</td>"
row csv ",convicted,LNIPT 231,"
row csv ",upheld on appeal,494/495 (the case's charges; counts not stated),"
inpdf "upheld on appeal"
inpdf "convicted (verdict in absentia)"

# ---- pretrial days: none recorded is null, a detention of no days is 0
ok cw person add --name "Never Held"
ok cw person add --name "Held A Day"
ok cw case add --title "Held cases" --defendant "Never Held" --defendant "Held A Day" \
	--charge 494 --source "own observation"
ok cw log milestone --person "Never Held" --case "Held cases" --type charge --date 2023-01-05 \
	--source "own observation"
ok cw log milestone --person "Held A Day" --case "Held cases" --type arrest --date 2023-01-05 \
	--source "own observation"
ok cw log milestone --person "Held A Day" --case "Held cases" --type release --date 2023-01-05 \
	--source "own observation"
# timeline --json and export --timeline give the same document
timeline_json() {
	ok cw timeline "$1" --json
	json "$2"
	ok cw export --format json --timeline "$1"
	json "$2"
}
timeline_json "Never Held" "d['summary']['pretrial_days'] is None and d['summary']['pretrial_to'] is None and d['summary']['pretrial_to_reason'] is None"
timeline_json "Held A Day" "d['summary']['pretrial_days'] == 0 and d['summary']['pretrial_to'] == '2023-01-05' and d['summary']['pretrial_to_reason'] == 'ended'"
ok cw timeline "Never Held"
lacks "pretrial detention:"
ok cw timeline "Held A Day"
has "pretrial detention: 0 days (to 2023-01-05)"

# ---- the summary on fair-trial indicators: nothing recorded is not "none unmet"
NONE="At the hearings the team monitored, no fair-trial indicator was recorded as met or not met."
NOT_MET="At the hearings the team monitored, no fair-trial indicator was recorded as not met."
ok cw log hearing --case "Held cases" --date 2023-10-02 --outcome adjourned \
	--source "own observation"
ok cw report --week 2023-W40
has "$NONE"
lacks "$NOT_MET"
# not applicable is no answer on whether the trial was fair
ok cw log hearing --case "Held cases" --date 2023-10-03 --outcome adjourned \
	--indicator interpreter=na --source "own observation"
ok cw report --week 2023-W40 --format json
json "'$NONE' in d['summary'] and '$NOT_MET' not in d['summary']"
ok cw log hearing --case "Held cases" --date 2023-10-04 --outcome adjourned \
	--indicator public_hearing=yes --source "own observation"
ok cw report --week 2023-W40
has "$NOT_MET"
lacks "$NONE"

# ---- "reportedly": marked in every report format, in lists and in the timeline
ok cw person add --name "Eng Sroy"
ok cw case add --title "Sroy incitement" --defendant "Eng Sroy" --charge 494 \
	--source "UN 001 para 34" --view un
LONG=$(printf 'posted in a Facebook group %.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18)
ok cw log milestone --person "Eng Sroy" --case Sroy --type charge --date 2023-10-10 \
	--reportedly --view un --source "UN 001 para 34" --detail "$LONG"
ok cw log milestone --person "Eng Sroy" --case Sroy --type arrest --date 2023-10-09 \
	--view un --source "UN 001 para 34"
ok cw log hearing --case Sroy --date 2023-10-11 --outcome adjourned --reportedly --view un \
	--source "UN 001 para 34"
ok cw log milestone --person "Eng Sroy" --case Sroy --type verdict --result convicted \
	--date 2023-10-12 --reportedly --view un --source "UN 001 para 34"
ok cw log incident --type blocking --date 2023-10-13 --target "9 accounts" --reportedly \
	--view un --source "UN 001 para 43"
ok cw log visit --facility "Correctional Center 2" --date 2023-10-14 --access granted \
	--reportedly --view un --source "UN 001 para 72"
ok cw log demo --date 2023-10-15 --place "Freedom Park" --response dispersed --reportedly \
	--view un --source "UN 001 para 42"
week 2023-W41
row md "| 2023-10-10 | UN \[1\] | charge (reportedly) | Eng Sroy |"
row md "| 2023-10-09 | UN \[1\] | arrest | Eng Sroy |"
row md "| adjourned (reportedly) |"
row md "| convicted (reportedly) |"
row md "| websites or accounts blocked (reportedly) |"
row md "| granted (reportedly) |"
row md "| dispersed (reportedly) |"
row html "<td>charge (reportedly)</td>"
row html "<td>adjourned (reportedly)</td>"
inpdf "charge (reportedly)"
inpdf "convicted (reportedly)"
# in Khmer too: the mark is translated, what the database holds is not
ok cw report --week 2023-W41 --lang km
has "(តាមការរាយការណ៍) | Eng Sroy |"
lacks "(reportedly)"
# CSV: the marked cell, and a reportedly column
"$PY" - "$WORK/week.csv" <<'PY' || fail "CSV reportedly column"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
by = {(r['section'], r['date']): r for r in rows if r['record_id']}
assert by[('arrests_charges', '2023-10-10')]['reportedly'] == 'yes'
assert by[('arrests_charges', '2023-10-10')]['label'] == 'charge (reportedly)'
assert by[('arrests_charges', '2023-10-09')]['reportedly'] == ''
assert by[('arrests_charges', '2023-10-09')]['label'] == 'arrest'
for key in [('hearings_reported', '2023-10-11'), ('verdicts', '2023-10-12'),
            ('incidents', '2023-10-13'), ('visits', '2023-10-14'),
            ('demonstrations', '2023-10-15')]:
    assert by[key]['reportedly'] == 'yes', key
PY
checks=$((checks + 1))
out=$(cat "$WORK/week.json")
json "[(e['date'], e['reportedly']) for e in d['arrests_and_charges']['events']] == [('2023-10-09', False), ('2023-10-10', True)]" \
	"all(x['reportedly'] is True for k in ('hearings', 'verdicts', 'visits', 'demonstrations', 'incidents') for x in d[k])"
# a list row and a timeline line, the mark kept after a long detail
ok cw list records --person "Eng Sroy" --kind milestone
has "posted in a Facebook group (reportedly)"
has "verdict: convicted (reportedly)"
ok cw timeline "Eng Sroy"
has "(reportedly)"
printf '%s\n' "$out" | grep "2023-10-09" | grep -qv "reportedly" || fail "the arrest is marked"
checks=$((checks + 1))
ok cw list records --kind incident
has "websites or accounts blocked (reportedly)"

# ---- a row's court and stage are its record's, never the case's of today; a record that gives
# no court has the case's, said to be the case's now
ok cw person add --name "Moved On"
ok cw case add --title "Moved case" --defendant "Moved On" --charge 494 --court "Supreme Court" \
	--stage supreme --source "own observation"
ok cw log hearing --case "Moved case" --date 2023-10-16 --outcome adjourned \
	--next-date 2023-10-23 --source "own observation"
ok cw log milestone --person "Moved On" --case "Moved case" --type verdict --result convicted \
	--date 2023-10-17 --source "own observation"
ok cw log hearing --case "Moved case" --date 2023-10-18 --outcome adjourned \
	--court "Phnom Penh Court of First Instance" --stage trial --source "own observation"
week 2023-W42
norow md "| Supreme Court |"
norow md "before the Supreme Court"
norow md "supreme"
norow html "<td>Supreme Court</td>"
norow txt "SupremeCourt|"
row md "| 2023-10-16 | own observation | Moved case | Moved On | Supreme Court (the case's court now) |  | adjourned |"
row md "| Moved On | Moved case | Supreme Court (the case's court now) | 494 (the case's charges; counts not stated) | convicted |"
row md "| Phnom Penh Court of First Instance | trial | adjourned |"
row html "Supreme Court (the case"
row md "| 2023-10-23 | own observation | Moved case | Moved On | Supreme Court (the case's court now) |  | next date set at the hearing of 2023-10-16 |"
inpdf "Supreme Court (the case's court now)"
"$PY" - "$WORK/week.csv" <<'PY' || fail "CSV court and stage"
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))
        if r['record_id']]
assert rows and all('Supreme' not in r['stage'] for r in rows), rows
assert all(r['court_or_place'] in ('', "Supreme Court (the case's court now)",
                                   'Phnom Penh Court of First Instance') for r in rows), rows
assert "Supreme Court (the case's court now)" in [r['court_or_place'] for r in rows], rows
mine = {(r['section'], r['date']): r for r in rows}
assert mine[('hearings_own', '2023-10-18')]['stage'] == 'trial'
PY
checks=$((checks + 1))
out=$(cat "$WORK/week.json")
json "[(h['date'], h['court'], h['stage']) for h in d['hearings']] == [('2023-10-16', None, None), ('2023-10-18', 'Phnom Penh Court of First Instance', 'trial')]" \
	"[(v['court'], v['stage']) for v in d['verdicts']] == [(None, None)]"

# ---- others held exactly as long as the longest: said, not one named alone ----------------
DB="$WORK/ties"
ok cw init --no-encryption
for n in "Tie One" "Tie Two" "Tie Three" "Held Less"; do
	ok cw person add --name "$n"
done
ok cw case add --title "Tie case" --defendant "Tie One" --custody detained --charge 494 \
	--defendant "Tie Two" --custody detained --charge 494 --defendant "Tie Three" \
	--custody detained --charge 494 --defendant "Held Less" --custody detained --charge 494 \
	--view own
for n in "Tie One" "Tie Two" "Tie Three"; do
	ok cw log milestone --person "$n" --case "Tie case" --type arrest --date 2023-09-01 --view own
done
ok cw log milestone --person "Held Less" --case "Tie case" --type arrest --date 2023-09-10 \
	--view own
ok cw report --week 2023-W38
has "the longest, Tie One, for 23 days (account: own observation), and 2 others listed held as long."
ok cw edit "Tie case" --defendant "Tie Two" --custody released --defendant "Tie Three" \
	--custody released
ok cw report --week 2023-W38
lacks "held as long"

# ---- a date to the month or the year counts in a range that holds all of it --------------
# A conviction known only to May 2023 happened in a report of May; in a report of one week of
# May it is listed apart (its day may be outside the week), as before.
DB="$WORK/partial"
ok cw init --no-encryption
ok cw person add --name "Partial Person"
ok cw case add --title "Partial case" --defendant "Partial Person" --charge 494 --view un
ok cw log milestone --person "Partial Person" --case "Partial case" --type verdict \
	--result convicted --date 2023-05 --view un
ok cw log milestone --person "Partial Person" --case "Partial case" --type arrest \
	--date 2021 --view un
ok cw report --from 2023-05 --to 2023-05 --format json
json "[v['date'] for v in d['verdicts']] == ['2023-05'] and d['partial_dates'] == []"
ok cw report --from 2019 --to 2022 --format json
json "[a['date'] for a in d['arrests_and_charges']['events']] == ['2021']"
ok cw report --week 2023-W19 --format json
json "d['verdicts'] == [] and [p['date'] for p in d['partial_dates']] == ['2023-05']"

# ---- the sources' tallies: in the report with their count, never as one event ------------
# OHCHR's counts over June 2023 to May 2024 (001 paras 36, 42, 70) are the figures of a report
# of that year, with the account and source; a week inside it does not repeat them. A dated
# tally is listed in its week, and the week's demonstrations do not count it as one.
ok cw log hearing --count 28 --period-from 2023-06-01 --period-to 2024-05-31 --view un \
	--source "001 para 36"
ok cw log demo --count 95 --at-least yes --period-from 2023-06-01 --period-to 2024-05-31 \
	--view un --source "001 para 42"
ok cw log visit --count 18 --facilities 9 --facility "nine prisons" --period-from 2023-06-01 \
	--period-to 2024-05-31 --view un --source "001 para 70"
ok cw log demo --date 2023-06-14 --count 5 --province "Phnom Penh" --view media
ok cw log demo --date 2023-06-15 --place "Freedom Park" --view own
ok cw report --from 2023-06-01 --to 2024-05-31 --format json
json "sorted((t['kind'], t['count'], t['at_least'], t['source']) for t in d['tallies']) == [('demo', 5, False, None), ('demo', 95, True, '001 para 42'), ('hearing', 28, False, '001 para 36'), ('visit', 18, False, '001 para 70')]" \
	"len(d['demonstrations']) == 1 and len(d['hearings']) == 0 and len(d['visits']) == 0" \
	"any('at least 95 demonstrations (2023-06-01 to 2024-05-31) (account: UN)' in s for s in d['summary'])"
ok cw report --week 2023-W24 --format json
json "[(t['kind'], t['count']) for t in d['tallies']] == [('demo', 5)] and len(d['demonstrations']) == 1"
ok cw report --week 2023-W24
has "## Tallies the sources give (1)"
has "| 2023-06-14 | media | 5 demonstrations | Phnom Penh |"
has "## Demonstrations (1)"
# The same tally dated as the document is (2024, its year), not left undated: still the
# figures of that year's report, not a record "dated only to a year" (a monitor's trial).
ok cw log visit --count 7 --facilities 3 --facility "three prisons" --date 2024 \
	--period-from 2023-06-01 --period-to 2024-05-31 --view un --source "001 para 71"
ok cw report --from 2023-06-01 --to 2024-05-31 --format json
json "sorted((t['count'], t['date'], t['source']) for t in d['tallies'] if t['kind'] == 'visit') == [(7, '2024', '001 para 71'), (18, None, '001 para 70')]" \
	"not [p for p in d['partial_dates'] if p.get('source') == '001 para 71']"
# ... and in a report of a later half-year of 2024 it counts nothing: not among the records
# dated only to a year that overlap the period either
ok cw report --from 2024-06-01 --to 2024-12-31 --format json
json "not [t for t in d['tallies'] if t['source'] == '001 para 71'] and not [p for p in d['partial_dates'] if p.get('source') == '001 para 71']"

# ---- an arrest or charge that names its article counts under it alone --------------------
# Kang Saran was detained on 307/494/495 and charged with 437 bis apart (001 para 39): his
# detention is no lèse-majesté arrest. One that names no article counts under the case's.
ok cw person add --name "Article Person"
ok cw case add --title "Article case" --defendant "Article Person" --charge 494/495 \
	--charge "437 bis" --view un
ok cw log milestone --person "Article Person" --case "Article case" --type arrest \
	--article 494 --date 2023-07-04 --view un
ok cw log milestone --person "Article Person" --case "Article case" --type charge \
	--date 2023-07-05 --view un
ok cw report --week 2023-W27 --format json
json "[e['articles'] for e in d['arrests_and_charges']['events']] == [['494'], ['494', '495', '437 bis']]" \
	"{a['article']: a['count'] for a in d['arrests_and_charges']['by_article']} == {'437 bis': 1, '494': 2, '495': 1}" \
	"d['arrests_and_charges']['groups']['lese_majeste_437bis'] == 1 and d['arrests_and_charges']['groups']['incitement_494_495'] == 2"

# A document's account with no date it is as of, and only the arrest dated: the report says
# since when and that the length is unknown, not a blank "since" and a reason it does not have.
ok cw person add --name "Undated Account"
ok cw case add --title "Undated account case" --defendant "Undated Account" --custody detained \
	--charge "437 bis" --view un
ok cw log milestone --person "Undated Account" --case "Undated account case" --type arrest \
	--date 2023-07-04 --view un
ok cw report --week 2023-W30 --format json
json "[(p['since'], p['days'], p['counted_to'], p['counted_to_reason']) for p in d['pretrial_detention'] if p['person']['name'] == 'Undated Account'] == [('2023-07-04', None, None, 'unknown')]"
ok cw report --week 2023-W30
has "| Undated Account | Undated account case | UN | 2023-07-04 |  | length unknown: the source gives no date its account is as of |"
# An arrest dated only to July, in the report of the week ending 30 July: at most 29 days, in
# the table, if held by then; the summary does not call anyone the longest held "for at least
# 0 days".
ok cw person add --name "Month Arrest"
ok cw case add --title "Month arrest case" --defendant "Month Arrest" --custody detained
ok cw log milestone --person "Month Arrest" --case "Month arrest case" --type arrest \
	--date 2023-07
ok cw report --week 2023-W30
has "| Month Arrest | Month arrest case | not recorded | 2023-07 |  | at most 29 days, if detained by 2023-07-30: the detention is dated only to 2023-07 |"
lacks "for at least 0 days"
# ... but one arrested in July whose detention the team saw on 25 July was held by the week's
# end, whatever the July arrest's day: counted among those held, never "may have been
# detained only after" (a reviewer's case);
ok cw person add --name "Seen Held"
ok cw case add --title "Seen held case" --defendant "Seen Held" --custody detained
ok cw log milestone --person "Seen Held" --case "Seen held case" --type arrest --date 2023-07
ok cw log milestone --person "Seen Held" --case "Seen held case" --type pretrial_detention \
	--date 2023-07-25 --view own
ok cw report --week 2023-W30 --format json
json "[p['standing'] for p in d['pretrial_detention'] if p['person'] and p['person']['name'] in ('Seen Held', 'Month Arrest')] == ['held_at_period_end', 'may_begin_after_end']"
# and an account dated only to July is as of any day of it: not "last reported before the
# end" of a week in July
ok cw person add --name "July Account"
ok cw case add --title "July account case" --defendant "July Account" --custody detained \
	--view un --reported-on 2023-07
ok cw log milestone --person "July Account" --case "July account case" --type arrest \
	--date 2023-06-01 --view un --reported-on 2023-07
ok cw report --week 2023-W28 --format json
json "[p['standing'] for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'July Account'] == ['held_at_period_end']"

# ---- released since: a past week's report lists who was held in it -----------------------
# Held during a week and released after it, with the case now saying released: the report of
# that week lists them, counted to its last day (as it did before the release was logged); the
# week of the release and the weeks after do not.
ok cw person add --name "Released Later"
ok cw case add --title "Released later case" --defendant "Released Later" --custody detained
released_case=$(added_id case)
ok cw log milestone --person "Released Later" --case "Released later case" --type arrest \
	--date 2023-08-01
ok cw report --week 2023-W32
has "| Released Later | Released later case | not recorded | 2023-08-01 | 12 |"
ok cw log milestone --person "Released Later" --case "Released later case" --type release \
	--date 2023-08-20
ok cw edit "$released_case" --defendant "Released Later" --custody released
ok cw report --week 2023-W32
has "| Released Later | Released later case | not recorded | 2023-08-01 | 12 |"
ok cw report --week 2023-W32 --format json
json "[(p['since'], p['days'], p['counted_to']) for p in d['pretrial_detention'] if p['person']['name'] == 'Released Later'] == [('2023-08-01', 12, '2023-08-13')]"
ok cw report --week 2023-W33 --format json
json "not [p for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Released Later'] and [(x['type'], x['person']['name']) for x in d['releases']] == [('release', 'Released Later')]"
ok cw report --week 2023-W33
has "| 2023-08-20 | not recorded | release (outcome not recorded) | Released Later |"
ok cw report --week 2023-W35
lacks "Released Later"
ok cw timeline "Released Later"
has "19 days"

# ---- a demonstration that recorded no arrests is not "0 arrests" ---------------------------
# Not observed is not none: the row says the arrests were not recorded, the comparison and
# JSON give no figure; one that recorded 0 says 0.
ok cw log demo --date 2023-09-04 --place "Freedom Park" --participants 30
ok cw report --week 2023-W36 --format json
json "[x['arrests'] for x in d['demonstrations']] == [None] and d['comparison']['demonstration_arrests']['current'] is None" \
	"any('1 demonstration, arrests not recorded' in s for s in d['summary'])"
ok cw report --week 2023-W36
has "| arrests at demonstrations | not recorded | 0 |"
has "participants: 30; arrests not recorded"
# the CSV's column of numbers holds no text: the figure no record gives is empty, as JSON's null
ok cw report --week 2023-W36 --format csv
printf '%s\n' "$out" | "$PY" -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
col = {h: i for i, h in enumerate(rows[0])}
r = [r for r in rows[1:] if r[0] == "comparison" and r[col["detail"]] == "demonstration_arrests"][0]
sys.exit(0 if (r[col["count"]], r[col["previous_count"]]) == ("", "0") else 1)' ||
	fail "the CSV comparison gives text in a number column: $(printf '%s\n' "$out" | grep demonstration_arrests)"
checks=$((checks + 1))
ok cw log demo --date 2023-09-05 --place "Olympic Stadium" --participants 12 --arrests-count 0
ok cw report --week 2023-W36 --format json
json "sorted(x['arrests'] is None for x in d['demonstrations']) == [False, True] and d['comparison']['demonstration_arrests']['current'] == 0"
# one that recorded 3 beside one that recorded nothing: at least 3
ok cw log demo --date 2023-09-06 --place "Wat Phnom" --participants 50 --arrests-count 3
ok cw report --week 2023-W36 --format json
json "any('3 demonstrations with at least 3 arrests' in s for s in d['summary'])"

# ---- a line says what a ruling decided, and for whom ------------------------------------
# A verdict at a hearing of two defendants shows in both timelines: it names who was convicted
# and who acquitted, so that neither reads the other's sentence as theirs; a verdict milestone
# says its result.
ok cw person add --name "Verdict One"
ok cw person add --name "Verdict Two"
ok cw case add --title "Two defendants case" --defendant "Verdict One" --charge 494 \
	--defendant "Verdict Two" --charge 494
ok cw log hearing --case "Two defendants case" --date 2023-09-12 --outcome verdict \
	--verdict "494=convicted@Verdict One" --verdict "494=acquitted@Verdict Two" \
	--sentence "2 years"
two_hearing=$(added_id hearing)
ok cw timeline "Verdict Two"
has "verdict: convicted (Verdict One), acquitted (Verdict Two); 2 years"
# a verdict given again for a person and charge corrects it, never stands beside it
ok cw edit "$two_hearing" --verdict "494=acquitted@Verdict One"
ok cw show "$two_hearing" --json
json "sorted(v['result'] for v in d['verdicts']) == ['acquitted', 'acquitted']"
ok cw timeline "Verdict Two"
has "verdict: acquitted (Verdict One), acquitted (Verdict Two); 2 years"
ok cw edit "$two_hearing" --verdict "494=convicted@Verdict One"
ok cw log milestone --person "Verdict One" --case "Two defendants case" --type appeal_decided \
	--result upheld --date 2024-01-10
ok cw list records --person "Verdict One" --kind milestone
has "upheld on appeal"
lacks "appeal decided: upheld" # the result says the appeal already

# Many defendants with long Khmer names: whole entries only, the rest said with "…", then the
# sentence, and valid UTF-8 throughout (a cut once left half a letter in the line).
long="ឈឹម ស៊ីថា សុភ័ក្ត្រ ធីតា វណ្ណៈ"
set --
for n in 1 2 3 4 5 6; do
	ok cw person add --name "$long $n"
	set -- "$@" --defendant "$long $n" --charge 494
done
ok cw case add --title "Many defendants case" "$@"
set --
for n in 1 2 3 4 5 6; do
	set -- "$@" --verdict "494=convicted@$long $n"
done
ok cw log hearing --case "Many defendants case" --date 2023-09-13 --outcome verdict \
	--sentence "2 years" "$@"
ok cw list records --case "Many defendants case" --kind hearing
printf '%s' "$out" | "$PY" -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' ||
	fail "the line is not valid UTF-8: $out"
has "convicted ($long 1)"
has ", …; 2 years"
checks=$((checks + 1))

# A detainee's row says whose account its count rests on: the arrest it starts from (in the
# UN's account: "view", whose date "since" is) and the case whose custody says she is held
# (the team's own: "case_view"). A detention
# order of another day, in the government's account, is not what the count starts from.
ok cw person add --name "Vorn Chantha"
ok cw case add --title "Chantha incitement" --defendant "Vorn Chantha" --custody detained \
	--charge 494 --opened 2023-07-01 --view own
ok cw log milestone --type arrest --person "Vorn Chantha" --case "Chantha incitement" \
	--date 2023-07-02 --view un
ok cw log milestone --type pretrial_detention --person "Vorn Chantha" \
	--case "Chantha incitement" --date 2023-07-04 --view government
ok cw report --week 2023-W38 --format json
json "[(p['views'], p['view'], p['case_view'], p['since']) for p in d['pretrial_detention'] if p['case_title'] == 'Chantha incitement'] == [(['un', 'own'], 'un', 'own', '2023-07-02')]"
ok cw report --week 2023-W38
has "| Vorn Chantha | Chantha incitement | UN, own observation | 2023-07-02 |"
printf '%s\n' "$out" | grep -q "the longest, Vorn Chantha, for [0-9]* days, counted on from a record of 2023-07-04 with nothing newer (accounts: UN, own observation)" ||
	fail "the summary does not give both accounts: $(printf '%s' "$out" | grep longest)"
checks=$((checks + 1))
# The comparison says whose accounts its figures are drawn from, each period's in JSON.
ok cw report --from 2023-07-01 --to 2023-07-31 --case "Chantha incitement" --format json
json "[(d['comparison'][m]['current'], d['comparison'][m]['current_views'], d['comparison'][m]['previous_views']) for m in ('arrests', 'detentions', 'hearings')] == [(1, ['un'], []), (1, ['government'], []), (0, [], [])]"
ok cw report --from 2023-07-01 --to 2023-07-31 --case "Chantha incitement"
has "| arrests | 1 | 0 | UN |"
has "| people ordered into pretrial detention | 1 | 0 | government |"

# Bail, releases and pardons are listed with their outcome as recorded: a bail refused is not
# a release, and one whose outcome was not recorded says so (and is counted as granted, which
# ends the detention: she is no longer listed as held). A confidential one is left out.
ok cw log milestone --type bail --outcome refused --person "Vorn Chantha" \
	--case "Chantha incitement" --date 2023-09-19 --view un
ok cw log milestone --type release --person "Vorn Chantha" --case "Chantha incitement" \
	--date 2023-09-21 --view ngo --detail "released at night"
ok cw log milestone --type pardon --person "Vorn Chantha" --case "Chantha incitement" \
	--date 2023-09-20 --confidential
ok cw report --week 2023-W38 --format json
json "[(x['type'], x['outcome'], x['view'], x['date']) for x in d['releases']] == [('bail', 'refused', 'un', '2023-09-19'), ('release', None, 'ngo', '2023-09-21')]" \
	"not [p for p in d['pretrial_detention'] if p['case_title'] == 'Chantha incitement'] and d['confidential']['records_left_out'] == 1"
ok cw report --week 2023-W38
has "| 2023-09-19 | UN | bail (refused) | Vorn Chantha | Chantha incitement |"
has "| 2023-09-21 | NGO | release (outcome not recorded) | Vorn Chantha | Chantha incitement | released at night; ended a pretrial detention of 81 days, since 2023-07-02 |"
has "2 decisions on bail, release or pardon were recorded (accounts: UN, NGO): 1 refused, 1 with no outcome recorded (counted as granted below)."
lacks "pardon |"
ok cw report --week 2023-W37
has "No bail, release or pardon recorded in this period."

# One hearing logged by two monitors (or on two laptops), the second linked to the first as
# the same event: the table lists both accounts, the figures count one hearing, and so do
# the comparison and the outcomes; unlinked, they are two.
ok cw case add --title "Linked accounts case" --defendant "Vorn Chantha" --charge 494
ok cw log hearing --case "Linked accounts case" --date 2023-09-13 --time 09:00 \
	--outcome adjourned --view own
first=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Linked accounts case" --date 2023-09-13 --time 09:00 \
	--outcome adjourned --view own
second=$(printf '%s' "$out" | awk '{print $3}')
ok cw report --week 2023-W37 --format json
json "len([h for h in d['hearings'] if h['case']['title'] == 'Linked accounts case']) == 2" \
	"d['comparison']['hearings_own']['current'] == 2"
ok cw edit "$second" --same-event "$first"
ok cw report --week 2023-W37
has "The team monitored 1 hearing: 1 adjourned."
ok cw report --week 2023-W37 --format json
json "len([h for h in d['hearings'] if h['case']['title'] == 'Linked accounts case']) == 2" \
	"d['comparison']['hearings_own']['current'] == 1"


# One ruling told in two accounts (the team's at the hearing and the UN's), linked as the same
# event: one ruling and one decision per defendant, both accounts listed; where they disagree
# on a charge, the decision says so rather than reading as two verdicts.
ok cw person add --name "Linked Verdict A"
ok cw person add --name "Linked Verdict B"
ok cw case add --title "Linked verdict case" --defendant "Linked Verdict A" --charge 494 \
	--defendant "Linked Verdict B" --charge 494
ok cw log hearing --case "Linked verdict case" --date 2023-10-03 --outcome verdict --view own \
	--verdict "494=convicted@Linked Verdict A" --verdict "494=convicted@Linked Verdict B"
own_ruling=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Linked verdict case" --date 2023-10-03 --outcome verdict --view un \
	--verdict "494=convicted@Linked Verdict A" --verdict "494=acquitted@Linked Verdict B"
un_ruling=$(printf '%s' "$out" | awk '{print $3}')
ok cw report --week 2023-W40 --case "Linked verdict case" --format json
json "d['comparison']['verdicts']['current'] == 4 and len(d['verdicts']) == 4"
ok cw edit "$un_ruling" --same-event "$own_ruling"
ok cw report --week 2023-W40 --case "Linked verdict case" --format json
linked_json=$out # read again below: nothing is written in between
json "d['comparison']['verdicts']['current'] == 2 and len(d['verdicts']) == 4" \
	"len({v['ruling'] for v in d['verdicts']}) == 1 and len({v['decision'] for v in d['verdicts']}) == 2"
ok cw report --week 2023-W40 --case "Linked verdict case"
has "2 verdicts and rulings were recorded, one per defendant, in 1 ruling (accounts: UN, own observation): 1 convicted, 1 on which the accounts of the hearing differ; the table has 4 rows, one per charge a ruling names in each account of its hearing."
lacks "is contradicted by another record" # said once, by the decision
# The UN's account of a hearing the team observed is not a hearing the team did not observe.
has "The team monitored 1 hearing"
lacks "Documents report"
out=$linked_json
json "[d['comparison'][m]['current'] for m in ('hearings', 'hearings_own', 'hearings_reported', 'verdict_hearings')] == [1, 1, 0, 1]"
# A third account, a newspaper's, linked to the UN's (not to the team's) and giving the verdict
# without itemising it: the same hearing, the same ruling, no decision of its own.
ok cw log hearing --case "Linked verdict case" --date 2023-10-03 --outcome verdict --view media
media_ruling=$(printf '%s' "$out" | awk '{print $3}')
ok cw edit "$media_ruling" --same-event "$un_ruling"
ok cw report --week 2023-W40 --case "Linked verdict case" --format json
json "d['comparison']['verdicts']['current'] == 2 and d['comparison']['hearings']['current'] == 1 and len(d['verdicts']) == 5" \
	"len({v['ruling'] for v in d['verdicts']}) == 1 and len({v['decision'] for v in d['verdicts']}) == 2"
ok cw report --week 2023-W40 --case "Linked verdict case"
has "2 verdicts and rulings were recorded, one per defendant, in 1 ruling (accounts: UN, media, own observation): 1 convicted, 1 on which the accounts of the hearing differ"
# The same three accounts logged in another order (the newspaper's before the UN's), each
# ruling on one defendant: still one hearing, one ruling, one decision per defendant.
ok cw case add --title "Linked order case" --defendant "Linked Verdict A" --charge 494 \
	--defendant "Linked Verdict B" --charge 494
ok cw log hearing --case "Linked order case" --date 2023-10-04 --outcome verdict --view own \
	--verdict "494=convicted@Linked Verdict A" --verdict "494=convicted@Linked Verdict B"
o1=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Linked order case" --date 2023-10-04 --outcome verdict --view media \
	--verdict "494=convicted@Linked Verdict B"
o3=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Linked order case" --date 2023-10-04 --outcome verdict --view un \
	--verdict "494=convicted@Linked Verdict A"
o2=$(printf '%s' "$out" | awk '{print $3}')
ok cw edit "$o2" --same-event "$o1"
ok cw edit "$o3" --same-event "$o2"
ok cw report --week 2023-W40 --case "Linked order case" --format json
json "[d['comparison'][m]['current'] for m in ('hearings', 'hearings_own', 'hearings_reported', 'verdicts')] == [1, 1, 0, 2]" \
	"len({v['ruling'] for v in d['verdicts']}) == 1"
# lh CASE VIEW [OPTIONS]: logs a verdict hearing of 2023-10-05 in CASE, its id into $h
lh() {
	c=$1 view=$2
	shift 2
	ok cw log hearing --case "$c" --date 2023-10-05 --outcome verdict --view "$view" "$@"
	h=$(printf '%s' "$out" | awk '{print $3}')
}
# An account that names nobody between two that name one defendant each: two decisions.
ok cw case add --title "Unitemised between" --defendant "Linked Verdict A" --charge 494 \
	--defendant "Linked Verdict B" --charge 494
lh "Unitemised between" un --verdict "494=convicted@Linked Verdict B"
u=$h
lh "Unitemised between" media
m=$h
lh "Unitemised between" government --verdict "494=acquitted@Linked Verdict A"
ok cw edit "$m" --same-event "$u"
ok cw edit "$h" --same-event "$u"
ok cw report --from 2023-10-05 --to 2023-10-05 --case "Unitemised between"
has "2 verdicts and rulings were recorded, one per defendant, in 1 ruling (accounts: UN, government, media): 1 convicted, 1 acquitted"
# Two accounts joined through a third that gave no verdict (media, outcome not recorded):
# one hearing, one decision, the accounts differing; its outcome is the verdict another gives.
ok cw case add --title "Joined through" --defendant "Linked Verdict A" --charge 494
lh "Joined through" own --verdict "494=convicted@Linked Verdict A"
a=$h
lh "Joined through" un --verdict "494=acquitted@Linked Verdict A"
c=$h
ok cw log hearing --case "Joined through" --date 2023-10-05 --view media
b=$(printf '%s' "$out" | awk '{print $3}')
ok cw edit "$a" --same-event "$b"
ok cw edit "$c" --same-event "$b"
ok cw report --from 2023-10-05 --to 2023-10-05 --case "Joined through" --format json
json "[d['comparison'][m]['current'] for m in ('hearings', 'verdict_hearings', 'verdicts')] == [1, 1, 1]"
# The team's own account that recorded no outcome, linked to the UN's verdict: a hearing with
# a verdict, and its outcome the verdict.
ok cw case add --title "Own without outcome" --defendant "Linked Verdict A" --charge 494
lh "Own without outcome" un --verdict "494=convicted@Linked Verdict A"
ok cw log hearing --case "Own without outcome" --date 2023-10-05 --view own --same-event "$h"
ok cw report --from 2023-10-05 --to 2023-10-05 --case "Own without outcome" --format json
json "[d['comparison'][m]['current'] for m in ('hearings', 'hearings_own', 'verdict_hearings', 'verdicts')] == [1, 1, 1, 1]"
ok cw report --from 2023-10-05 --to 2023-10-05 --case "Own without outcome"
has "The team monitored 1 hearing: 1 with a verdict."
# Two accounts of one hearing that both give its next date announce one hearing to come, not
# two: the team's own account gives it.
ok cw case add --title "Next date twice" --defendant "Linked Verdict A" --charge 494
ok cw log hearing --case "Next date twice" --date 2023-10-02 --outcome adjourned --view media \
	--next-date 2023-10-09
media=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Next date twice" --date 2023-10-02 --outcome adjourned --view own \
	--next-date 2023-10-09 --same-event "$media"
ok cw report --week 2023-W40 --case "Next date twice" --format json
json "[(u['date'], u['source'], u['view']) for u in d['upcoming_hearings']] == [('2023-10-09', 'next_date', 'own')]"
# The media's account is listed with the hearings reported in documents, saying it is the
# one the team observed, counted once as the team's.
own_h=$(printf '%s' "$out" | "$PY" -c 'import json,sys; print([u["hearing_id"] for u in json.load(sys.stdin)["upcoming_hearings"]][0][:8])')
ok cw report --week 2023-W40 --case "Next date twice"
has "| 2023-10-02 | media | Next date twice | Linked Verdict A |  |  | adjourned | 2023-10-09 |  | the hearing the team observed (the row of 2023-10-02, own observation, Next date twice ($own_h)), counted once, as the team's"
# ... also when it is linked to the team's account only through a third account (the UN's to
# the government's, the government's to the team's): the report counts the three as one
# hearing, and the UN's row says whose it is counted as.
ok cw case add --title "Joined twice over" --defendant "Linked Verdict A" --charge 494
ok cw log hearing --case "Joined twice over" --date 2023-10-03 --outcome adjourned --view own
own_t=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Joined twice over" --date 2023-10-03 --outcome adjourned \
	--view government --same-event "$own_t"
gov_t=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Joined twice over" --date 2023-10-03 --outcome adjourned --view un \
	--same-event "$gov_t"
ok cw report --week 2023-W40 --case "Joined twice over" --format json
json "[d['comparison'][m]['current'] for m in ('hearings', 'hearings_own')] == [1, 1]"
ok cw report --week 2023-W40 --case "Joined twice over"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c "the hearing the team observed (the row of 2023-10-03, own observation, Joined twice over (${own_t%"${own_t#????????}"})), counted once, as the team's")" = 2 ] ||
	fail "the UN's and the government's rows do not both say they are the team's hearing: $out"
# Accounts of one hearing that answer a fair-trial indicator otherwise: the table counts the
# team's answer and says, beside it, what each other account answers differently, also where
# the team's account leaves it unanswered; where they agree, or the other says nothing,
# nothing is said.
ok cw case add --title "Answers differ" --defendant "Linked Verdict A" --charge 494
ok cw log hearing --case "Answers differ" --date 2023-10-06 --view own --outcome adjourned \
	--indicator public_hearing=yes --indicator counsel_of_choice=yes
own_h=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Answers differ" --date 2023-10-06 --view un --outcome adjourned \
	--indicator public_hearing=no:"gallery closed" --indicator counsel_of_choice=yes \
	--indicator interpreter=no --same-event "$own_h"
un_h=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Answers differ" --date 2023-10-06 --view media --outcome adjourned \
	--indicator public_hearing=na --same-event "$own_h"
media_h=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Answers differ" --date 2023-10-06 --view government \
	--outcome adjourned --same-event "$own_h"
# and a hearing of its own the UN reports, so that the documents' row is in the table too: the
# UN's note on the team's hearing is there, saying it is counted with the team's
ok cw log hearing --case "Answers differ" --date 2023-10-06 --view un --outcome adjourned
ok cw report --from 2023-10-06 --to 2023-10-06 --case "Answers differ"
has "| public hearing | reported in documents | 0 | 0 | 0 | 1 | no: gallery closed (hearing of 2023-10-06, Answers differ: another account of a hearing the team observed, counted there) |"
# the documents' section lists those three accounts with the UN's own hearing, and says so
has "## Hearings reported in documents (4 rows, 1 counted)"
has "counted apart from the team's own. 3 rows are other accounts of hearings the team observed, counted once, as the team's, and not here."
has "accounts differ (hearing of 2023-10-06, Answers differ): own observation says yes, UN says no"
has "accounts differ (hearing of 2023-10-06, Answers differ): own observation says yes, media says not applicable"
has "accounts differ (hearing of 2023-10-06, Answers differ): own observation does not say, UN says no"
has "At 1 hearing, accounts answer a fair-trial indicator differently: the figures give one account (the team's where there is one), and the table notes where the others differ."
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -o "accounts differ" | wc -l)" = 3 ] ||
	fail "not three disagreements said: $out"
ok cw report --from 2023-10-06 --to 2023-10-06 --case "Answers differ" --format json
json "[(r['hearings'], r['met'], r['not_met'], r['unknown']) for r in d['fair_trial_indicators'] if r['indicator'] in ('public_hearing', 'interpreter')] == [('own', 1, 0, 0), ('own', 0, 0, 1), ('reported', 0, 0, 1), ('reported', 0, 0, 1)]" \
	"[(r['indicator'], x['other_hearing'], x['other_view'], x['answer'], x['other_answer']) for r in d['fair_trial_indicators'] for x in r['accounts_differ']] == [('public_hearing', '$un_h', 'un', 'yes', 'no'), ('public_hearing', '$media_h', 'media', 'yes', 'na'), ('interpreter', '$un_h', 'un', 'unknown', 'no')]" \
	"all(x['hearing'] == '$own_h' and x['view'] == 'own' for r in d['fair_trial_indicators'] for x in r['accounts_differ'])"
# Two UN accounts of one hearing that differ are told apart by their sources.
ok cw case add --title "Two UN accounts" --defendant "Linked Verdict A" --charge 494
ok cw log hearing --case "Two UN accounts" --date 2023-10-06 --view un --outcome adjourned \
	--source "UN 001 para 37" --indicator public_hearing=yes
first_un=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Two UN accounts" --date 2023-10-06 --view un --outcome adjourned \
	--source "UN 002 para 12" --indicator public_hearing=no --same-event "$first_un"
ok cw report --from 2023-10-06 --to 2023-10-06 --case "Two UN accounts"
has "accounts differ (hearing of 2023-10-06, Two UN accounts): UN (UN 001 para 37) says yes, UN (UN 002 para 12) says no"
# Whose accounts a figure is drawn from: a government's account of a hearing the team sat in,
# linked to it, is counted as the team's hearing, so it is not among the hearings documents
# report, nor its account among theirs; a hearing the team saw end without a verdict the UN
# reports has its verdict from the UN's account.
ok cw case add --title "Whose figure" --defendant "Linked Verdict A" --charge 494
ok cw log hearing --case "Whose figure" --date 2023-10-07 --view own --outcome adjourned
own_w=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Whose figure" --date 2023-10-07 --view government \
	--outcome adjourned --same-event "$own_w"
gov_w=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Whose figure" --date 2023-10-08 --view own
own_v=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case "Whose figure" --date 2023-10-08 --view un --outcome verdict \
	--verdict "494=convicted@Linked Verdict A" --same-event "$own_v"
ok cw report --from 2023-10-07 --to 2023-10-08 --case "Whose figure" --format json
json "[(d['comparison'][m]['current'], d['comparison'][m]['current_views']) for m in ('hearings_own', 'hearings_reported', 'verdict_hearings')] == [(2, ['own']), (0, []), (1, ['un'])]"
# The JSON says which listed hearing is counted as the team's, as the Markdown row does.
json "[(h['id'], h.get('counted_as')) for h in d['hearings'] if h['date'] == '2023-10-07'] == [('$own_w', None), ('$gov_w', '$own_w')]"

# ---- the longest held, beside those whose length the records do not give
# Two held since 2022 by accounts that give no date they are as of (no length), one held 13
# days by the team's own record: the 13 days are the longest only of those with a length.
DB="$WORK/lengths"
ok cw init
for n in "Long Unknown" "Longer Unknown" "Short Known"; do ok cw person add --name "$n"; done
ok cw case add --title "Unknown one" --defendant "Long Unknown" --custody detained --charge 494 --view un
ok cw log milestone --person "Long Unknown" --case "Unknown one" --type pretrial_detention \
	--date 2022-07-04 --view un
ok cw case add --title "Unknown two" --defendant "Longer Unknown" --custody detained --charge 494 \
	--view media
ok cw log milestone --person "Longer Unknown" --case "Unknown two" --type arrest --date 2022-03 \
	--view media
ok cw case add --title "Known" --defendant "Short Known" --custody detained --charge 494 --view own
ok cw log milestone --person "Short Known" --case "Known" --type arrest --date 2023-09-11 --view own
ok cw report --from 2023-09-18 --to 2023-09-24
has "3 people are listed as still in pretrial detention at the end of the period; of those whose length the records give, the longest, Short Known, for 13 days (account: own observation); 2 have no length the records give, the earliest held since 2022-03 (Longer Unknown)."
lacks "; the longest, Short Known"
# With ten known lengths longer than Short Known's the list of the longest is full; the two
# whose length the records do not give are listed all the same, and said (they may be held
# longer than any), though the index's bound for them is smaller than the tenth's days.
for i in 1 2 3 4 5 6 7 8 9 10; do
	ok cw person add --name "Held Person $i"
	ok cw case add --title "Held case $i" --defendant "Held Person $i" --custody detained \
		--charge 494 --view own
	ok cw log milestone --person "Held Person $i" --case "Held case $i" --type arrest \
		--date 2023-08-0$((i % 9 + 1)) --view own
done
ok cw report --from 2023-09-18 --to 2023-09-24
has "12 people are listed as still in pretrial detention at the end of the period; of those whose length the records give, the longest, Held Person 9, for 54 days, counted on from a record of 2023-08-01 with nothing newer (account: own observation); 2 have no length the records give, the earliest held since 2022-03 (Longer Unknown)."
has "| Long Unknown | Unknown one | UN | 2022-07-04 |"
lacks "Short Known"

# ---- arrests seen at a demonstration are no arrest milestone, and the line says whom
ok cw person add --name "Theng Savoeun"
ok cw log demo --date 2023-09-19 --place "Freedom Park" --participants 30 --response arrests \
	--arrested "Theng Savoeun" --arrests-count 2 --view own --source "own observation"
ok cw report --from 2023-09-18 --to 2023-09-24
has "No arrest or charge was logged as a milestone; the demonstrations below recorded 2 arrests (account: own observation)."
lacks "No new arrests or charges were recorded."
has "No arrest or charge was logged as a milestone in this period (arrests seen at a demonstration are under Demonstrations)."
# the demonstration's line in the arrested person's timeline says it was them
ok cw timeline "Theng Savoeun"
has "2 arrests (Theng Savoeun), 30 participants"
# an arrest milestone beside it: the demonstrations' arrests may be among them
ok cw log milestone --person "Theng Savoeun" --type arrest --date 2023-09-19 --view own
ok cw report --from 2023-09-18 --to 2023-09-24
# (one arrest logged, two at the demonstration: the one may be among the two, not the other way)
has "1 new arrest (account: own observation); 1 person arrested is not listed below as held: the arrest names no case; the demonstrations below recorded 2 arrests (account: own observation), and these may be among them."
# A demonstration that recorded arrests with no number: "at least", in both sentences.
ok cw log demo --date 2023-09-20 --place "Wat Phnom" --response arrests --view own
ok cw report --from 2023-09-18 --to 2023-09-24
has "the demonstrations below recorded at least 2 arrests (account: own observation), and these may be among them."
# As many arrests logged as the demonstrations recorded: those may be among these.
ok cw person add --name "Second Arrested"
ok cw log milestone --person "Second Arrested" --type arrest --date 2023-09-19 --view own
ok cw report --from 2023-09-18 --to 2023-09-24
has "the demonstrations below recorded at least 2 arrests (account: own observation), which may be among these."
has "2 demonstrations with at least 2 arrests"
# ---- every event of a case dated in the range is in the report: an appeal lodged, a trial
# suspended, resumed or postponed, and one logged as other (a killing) were in no section
ok cw person add --name "Events Person"
ok cw case add --title "Events case" --defendant "Events Person" --charge 494 --view own
for t in appeal_lodged trial_suspended trial_resumed postponed other; do
	ok cw log milestone --person "Events Person" --case "Events case" --type $t \
		--date 2023-11-07 --view own --detail "the $t of the week"
done
ok cw report --from 2023-11-06 --to 2023-11-12 --format json
json "sorted(e['type'] for e in d['case_events']) == ['appeal_lodged', 'other', 'postponed', 'trial_resumed', 'trial_suspended'] and all(e['person']['name'] == 'Events Person' and e['view'] == 'own' for e in d['case_events'])"
ok cw report --from 2023-11-06 --to 2023-11-12
has "5 other events of cases (account: own observation): 1 appeal lodged, 1 other, 1 trial suspended, 1 trial resumed, 1 hearing postponed."
has "## Other events in cases (5)"
has "| 2023-11-07 | own observation | other | Events Person | Events case |  | the other of the week |"
# ---- one arrested in a month whose length the records do not give (a media account with
# no as-of date, counted to its latest record) may also have been arrested after the week:
# said apart, never counted among those held at its end (a trial's case).
ok cw person add --name "Month Unknown"
ok cw case add --title "Month unknown case" --defendant "Month Unknown" --custody detained \
	--view media
ok cw log milestone --person "Month Unknown" --case "Month unknown case" --type arrest \
	--date 2023-07 --view media
ok cw report --week 2023-W30 --format json
json "[p['standing'] for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Month Unknown'] == ['may_begin_after_end']"
ok cw report --week 2023-W30
has "| Month Unknown | Month unknown case | media | 2023-07 |  | the detention is dated only to 2023-07, which may be after 2023-07-30 |"
ok cw report --week 2023-W31
has "| Month Unknown | Month unknown case | media | 2023-07 |  | length unknown: the source gives no date its account is as of |"
# ---- one taken into detention in the period whose case does not record them as detained
# is not listed as held, and the sentence says why instead of leaving them out in silence
ok cw person add --name "Custody Unset"
ok cw case add --title "Custody unset case" --defendant "Custody Unset" --charge 494 --view own
ok cw log milestone --person "Custody Unset" --case "Custody unset case" \
	--type pretrial_detention --date 2024-05-13 --view own
ok cw person add --name "Custody Set"
ok cw case add --title "Custody set case" --defendant "Custody Set" --custody detained \
	--charge 494 --view own
ok cw log milestone --person "Custody Set" --case "Custody set case" \
	--type pretrial_detention --date 2024-05-14 --view own
ok cw report --week 2024-W20
has "2 people were taken into pretrial detention during the period (account: own observation); 1 of them is listed below as still held at its end; 1 is not listed: an end of their detention is recorded, their case does not record them as detained, or a ruling in their case came before the detention."
# ---- a verdict given with the defendant present is not "in absentia" because the case
# says so of them now (they fled after it)
ok cw person add --name "Mony Present"
ok cw case add --title "Present case" --defendant "Mony Present" --charge 494 --view own
ok cw log hearing --case "Present case" --date 2024-07-03 --outcome verdict \
	--present "Mony Present" --verdict "494=convicted@Mony Present" --view own
ok cw edit "Present case" --defendant "Mony Present" --custody in_absentia
ok cw report --from 2024-07-01 --to 2024-07-07 --format json
json "[(v['result'], v['in_absentia']) for v in d['verdicts']] == [('convicted', False)]"
# ---- a bail dated only to May, asked about on 10 May: the detention may still have been
# running, counted at least to 1 May and at most to the 10th; asked about in June, it ended
ok cw person add --name "Month Freed"
ok cw case add --title "Freed case" --defendant "Month Freed" --custody released --charge 494 \
	--view own
ok cw log milestone --person "Month Freed" --case "Freed case" --type arrest --date 2024-03-02 \
	--view own
ok cw log milestone --person "Month Freed" --case "Freed case" --type bail --outcome granted \
	--date 2024-05 --view own
ok env CASEWATCH_NOW=2024-05-10T05:00:00Z "$CASEWATCH" --db "$DB" timeline "Month Freed" --json
json "[d['summary'][k] for k in ('pretrial_days_at_least', 'pretrial_days_at_most', 'pretrial_ongoing', 'pretrial_to', 'pretrial_to_reason')] == [60, 69, True, '2024-05', 'ended_in']"
ok env CASEWATCH_NOW=2024-06-10T05:00:00Z "$CASEWATCH" --db "$DB" timeline "Month Freed" --json
json "[d['summary'][k] for k in ('pretrial_days_at_least', 'pretrial_days_at_most', 'pretrial_ongoing', 'pretrial_to_reason')] == [60, 90, False, 'ended']"
ok cw report --from 2024-05-06 --to 2024-05-12 --person "Month Freed" --format json
json "[(p['days_at_least'], p['days_at_most'], p['standing']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Month Freed'] == [(60, 71, 'may_have_ended_before_end')]"
ok cw report --from 2024-05-06 --to 2024-05-12 --person "Month Freed"
has "| 60 to 71 days; its end is dated only to 2024-05: perhaps still held at the period's end, perhaps released before it |"
# ... and a case that still says detained is not said to be outdated by that bail while the
# month runs: it may not have come yet; once the month is over, it is ("bail in 2024-05")
ok cw edit "Freed case" --defendant "Month Freed" --custody detained
ok env CASEWATCH_NOW=2024-05-10T05:00:00Z "$CASEWATCH" --db "$DB" timeline "Month Freed"
lacks "ended the pretrial detention"
ok env CASEWATCH_NOW=2024-06-10T05:00:00Z "$CASEWATCH" --db "$DB" timeline "Month Freed"
has "bail granted in 2024-05 ended the pretrial detention"

# ---- a hearing a document only set, which the team saw held (the same event): counted as
# the team's, not listed as "not reported held"
ok cw case add --title "Seen set case" --defendant "Month Freed" --charge 494 --view un
ok cw log hearing --case "Seen set case" --date 2024-08-07 --view un --reported-on 2024-08-01 \
	--source "UN 001 para 9"
set_id=$(printf '%s' "$out" | awk '{print $NF}')
ok cw log hearing --case "Seen set case" --date 2024-08-07 --view own --outcome adjourned \
	--same-event "$set_id"
ok cw report --from 2024-08-05 --to 2024-08-11 --format json
json "d['hearings_set'] == [] and d['comparison']['hearings_own']['current'] == 1"
# ... and the link the other way (the document's account names the team's); one set that no
# account of the period names is listed
ok cw log hearing --case "Seen set case" --date 2024-08-09 --view own --outcome adjourned
seen_id=$(added_id hearing)
ok cw log hearing --case "Seen set case" --date 2024-08-09 --view un --reported-on 2024-08-01 \
	--source "UN 001 para 10" --same-event "$seen_id"
ok cw log hearing --case "Seen set case" --date 2024-08-10 --view un --reported-on 2024-08-01 \
	--source "UN 001 para 11"
ok cw report --from 2024-08-05 --to 2024-08-11 --format json
json "[h['date'] for h in d['hearings_set']] == ['2024-08-10'] and d['comparison']['hearings_own']['current'] == 2"
# ---- released "in October", arrested again on 10 October: two stretches, the second since
# the 10th, not one run from July counted as if no release came between ("5 to 103 days")
ok cw person add --name "Again Held"
ok cw case add --title "Again case" --defendant "Again Held" --custody detained --charge 494 \
	--view own
ok cw log milestone --person "Again Held" --case "Again case" --type arrest --date 2023-07-04 \
	--view own
ok cw log milestone --person "Again Held" --case "Again case" --type release --outcome granted \
	--date 2023-10 --view own
ok cw log milestone --person "Again Held" --case "Again case" --type arrest --date 2023-10-10 \
	--view own
ok cw report --from 2023-10-09 --to 2023-10-15 --person "Again Held" --format json
json "[(p['since'], p['days'], p['days_at_most']) for p in d['pretrial_detention']] == [('2023-10-10', 5, 5)]"
ok env CASEWATCH_NOW=2023-10-15T05:00:00Z "$CASEWATCH" --db "$DB" timeline "Again Held" --json
json "[d['summary'][k] for k in ('pretrial_days_at_least', 'pretrial_days_at_most')] == [94, 102]"
# ---- arrested on 4 July, released "in July": the release ends that detention, somewhere
# from the 4th to the 31st, where it was read as before the arrest and the detention ran on
ok cw person add --name "July Freed"
ok cw case add --title "July case" --defendant "July Freed" --custody released --charge 494 \
	--view un
ok cw log milestone --person "July Freed" --case "July case" --type arrest --date 2023-07-04 \
	--view un
ok cw log milestone --person "July Freed" --case "July case" --type release --outcome granted \
	--date 2023-07 --view un
ok env CASEWATCH_NOW=2023-09-15T05:00:00Z "$CASEWATCH" --db "$DB" timeline "July Freed" --json
json "[d['summary'][k] for k in ('pretrial_days_at_least', 'pretrial_days_at_most', 'pretrial_ongoing', 'pretrial_to_reason')] == [0, 27, False, 'ended']"
# asked about on the 10th, the release may have come or not
ok cw report --from 2023-07-04 --to 2023-07-10 --person "July Freed" --format json
json "[(p['days_at_least'], p['days_at_most'], p['standing']) for p in d['pretrial_detention']] == [(0, 6, 'may_have_ended_before_end')]"
# in August it is over: nobody is listed as held
ok cw report --from 2023-08-07 --to 2023-08-13 --person "July Freed" --format json
json "d['pretrial_detention'] == []"
# a second arrest in July after it starts a stretch of its own, which that release does not end
ok cw log milestone --person "July Freed" --case "July case" --type arrest --date 2023-07-20 \
	--view un
ok cw edit "July case" --defendant "July Freed" --custody detained
ok cw report --from 2023-08-07 --to 2023-08-13 --person "July Freed" --format json
json "[p['since'] for p in d['pretrial_detention']] == ['2023-07-20']"
# ---- a verdict dated only to the year of the arrest ends that detention too
ok cw person add --name "Year Convicted"
ok cw case add --title "Year case" --defendant "Year Convicted" --custody detained --charge 494 \
	--view own
ok cw log milestone --person "Year Convicted" --case "Year case" --type arrest --date 2023-01-15 \
	--view own
ok cw log milestone --person "Year Convicted" --case "Year case" --type verdict --result convicted \
	--date 2023 --view own
ok env CASEWATCH_NOW=2024-05-10T05:00:00Z "$CASEWATCH" --db "$DB" timeline "Year Convicted"
has "pretrial detention: 0 to 350 days (to 2023)"

# ---- bail decided at a hearing is a row of the bail table, with its decision: granted or
# refused, where the report said "bail decision" and "No bail, release or pardon recorded";
# the hearing names no one, so the person is named only when the case has one defendant
ok cw person add --name "Hearing Bailed"
ok cw case add --title "Bail hearing case" --defendant "Hearing Bailed" --custody detained \
	--charge 443 --view own
ok cw log milestone --person "Hearing Bailed" --case "Bail hearing case" --type arrest \
	--date 2025-02-03 --view own
ok cw log hearing --case "Bail hearing case" --date 2025-02-10 --outcome bail_decision \
	--bail refused --view own
ok cw log hearing --case "Bail hearing case" --date 2025-03-03 --outcome bail_decision \
	--bail granted --view own
ok cw report --from 2025-02-10 --to 2025-02-16
has "| bail decision (refused) |"
has "| bail (refused) at a hearing | Hearing Bailed | Bail hearing case |"
has "1 decision on bail, release or pardon was recorded (account: own observation): 1 refused."
ok cw report --from 2025-03-03 --to 2025-03-09 --format json
json "[(x['type'], x['outcome'], x['at_hearing']) for x in d['releases']] == [('bail', 'granted', True)]"
ok cw person add --name "Bail Codefendant"
ok cw edit "Bail hearing case" --defendant "Bail Codefendant" --custody detained
ok cw report --from 2025-03-03 --to 2025-03-09
has "| bail (granted) at a hearing | not named in the record | Bail hearing case |"
# a bail milestone of that day says whom it was for: the same decision, one row
ok cw log milestone --person "Bail Codefendant" --case "Bail hearing case" --type bail \
	--outcome granted --date 2025-03-03 --view own
ok cw report --from 2025-03-03 --to 2025-03-09 --format json
json "[(x['type'], x['outcome'], x.get('at_hearing')) for x in d['releases']] == [('bail', 'granted', None)]"

# ---- a hearing the team was turned away from is not a hearing it monitored
ok cw log hearing --case "Bail hearing case" --date 2025-04-01 --monitors-admitted no \
	--notes "team turned away at the gate" --view own
ok cw report --from 2025-03-31 --to 2025-04-06
has "The team was not admitted to the 1 hearing it went to: 1 with no outcome recorded."
has "| hearings the team was not admitted to | 1 | 0 |"
ok cw log hearing --case "Bail hearing case" --date 2025-04-02 --outcome adjourned --view own
ok cw report --from 2025-03-31 --to 2025-04-06 --format json
json "[d['comparison'][k]['current'] for k in ('hearings', 'hearings_own', 'hearings_own_not_admitted', 'hearings_reported')] == [2, 1, 1, 0]"
ok cw report --from 2025-03-31 --to 2025-04-06
has "The team monitored 1 hearing and was not admitted to 1 more"
# the heading of both rows does not call them monitored (a partner read "monitored (2)")
has "## Hearings the team went to (2)"
lacks "monitored by the team (2)"
has "At the hearings the team went to, fair-trial indicators not met: monitors not admitted (1 hearing)."
# ---- convicted in absentia, arrested on return years later: the verdict keeps its mark
# whatever the case says now, and the arrest enforces it: no pretrial detention
ok cw person add --name "Returned Exile"
ok cw case add --title "Exile case" --defendant "Returned Exile" --custody in_absentia \
	--charge 451 --view un
ok cw log hearing --case "Exile case" --date 2021-03-01 --outcome verdict \
	--absent "Returned Exile" --verdict "451=convicted@Returned Exile" --view un
ok cw log milestone --person "Returned Exile" --case "Exile case" --type arrest \
	--date 2024-04-01 --view own
ok cw edit "Exile case" --defendant "Returned Exile" --custody detained --custody-as-of 2024-04-01
ok cw report --from 2021-03-01 --to 2021-03-07 --format json
json "[v['in_absentia'] for v in d['verdicts'] if v['person'] and v['person']['name'] == 'Returned Exile'] == [True]"
ok cw report --from 2024-04-01 --to 2024-04-07 --format json
json "[p for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Returned Exile'] == []"
ok env CASEWATCH_NOW=2024-05-10T05:00:00Z "$CASEWATCH" --db "$DB" timeline "Returned Exile"
lacks "pretrial detention:"
# Taken into custody at the court's door on the day of the verdict: the arrest enforces it too,
# not "0 days" of pretrial detention (a monitor's trial of the third CNRP mass trial).
ok cw person add --name "Door Arrest"
ok cw case add --title "Door case" --defendant "Door Arrest" --custody judicial_supervision \
	--charge 453 --view own
ok cw log hearing --case "Door case" --date 2022-06-14 --outcome verdict \
	--verdict "453=convicted@Door Arrest" --view own
ok cw log milestone --person "Door Arrest" --case "Door case" --type arrest \
	--date 2022-06-14 --view own
ok env CASEWATCH_NOW=2022-07-01T05:00:00Z "$CASEWATCH" --db "$DB" timeline "Door Arrest"
lacks "pretrial detention:"
ok cw report --from 2022-06-13 --to 2022-06-19
has "1 person arrested is not listed below as held: a ruling on them in their case came before the arrest, which enforces it: no pretrial detention."
# The verdict logged after the arrest of its day says what it does to that arrest.
ok cw person add --name "Door Later"
ok cw case add --title "Door later case" --defendant "Door Later" --custody detained \
	--stage trial --charge 453 --view own
ok cw log milestone --person "Door Later" --case "Door later case" --type arrest \
	--date 2022-06-14 --view own
ok cw log milestone --person "Door Later" --case "Door later case" --type verdict \
	--result convicted --date 2022-06-14 --view own
grep -q "warning: this verdict is dated 2022-06-14, the day of the person's first arrest or detention in the case: that arrest now reads as carrying out the ruling" \
	"$WORK/stderr" || fail "no warning for a verdict of the arrest's day: $(cat "$WORK/stderr")"
checks=$((checks + 1))
# ---- held, bailed, arrested again: the row counts this stretch and says the days in all
ok cw person add --name "Twice Held"
ok cw case add --title "Twice case" --defendant "Twice Held" --custody detained --charge 494 \
	--view own
ok cw log milestone --person "Twice Held" --case "Twice case" --type arrest --date 2024-01-10 \
	--view own
ok cw log milestone --person "Twice Held" --case "Twice case" --type bail --outcome granted \
	--date 2024-02-09 --view own
ok cw log milestone --person "Twice Held" --case "Twice case" --type arrest --date 2024-03-01 \
	--view own
ok cw report --from 2024-04-29 --to 2024-05-05 --person "Twice Held" --format json
json "[(p['since'], p['days'], p['days_in_all_at_least'], p['days_in_all_at_most']) for p in d['pretrial_detention']] == [('2024-03-01', 65, 95, 95)]"
ok cw report --from 2024-04-29 --to 2024-05-05 --person "Twice Held"
has "95 days in pretrial detention in all in this case, with an earlier detention"
# ---- an account that disputes another is another account of the same event: counted once,
# and where they answer otherwise the fair-trial row says so; an arrest two accounts give
# (linked) is one arrest
ok cw person add --name "Disputed Nak"
ok cw case add --title "Disputed case" --defendant "Disputed Nak" --custody detained --charge 494 \
	--view un
ok cw log milestone --person "Disputed Nak" --case "Disputed case" --type arrest \
	--date 2019-09-15 --view un
un_arrest=$(printf '%s' "$out" | awk '{print $NF}')
ok cw log milestone --person "Disputed Nak" --case "Disputed case" --type arrest \
	--date 2019-09-20 --view government --same-event "$un_arrest"
ok cw log hearing --case "Disputed case" --date 2019-09-26 --outcome adjourned \
	--public-admitted no --view un
un_hearing=$(printf '%s' "$out" | awk '{print $NF}')
ok cw log hearing --case "Disputed case" --date 2019-09-26 --outcome adjourned \
	--public-admitted yes --view government --disputes "$un_hearing"
ok cw report --from 2019-09-01 --to 2019-09-30 --format json
json "[d['comparison'][k]['current'] for k in ('hearings', 'arrests')] == [1, 1]" \
	"d['arrests_and_charges']['groups']['incitement_494_495'] == 1"
ok cw report --from 2019-09-01 --to 2019-09-30
has "accounts differ (hearing of 2019-09-26, Disputed case): UN says no, government says yes"
# ---- a hearing's verdict that names no one rules on every defendant: a row each, and the
# summary counts them all ("3 convicted", 9 people), not "1 convicted" with no one named
ok cw person add --name "Mass Rainsy"
ok cw person add --name "Mass Sochua"
ok cw case add --title "Mass attack case" --defendant "Mass Rainsy" --custody in_absentia \
	--charge 451 --defendant "Mass Sochua" --custody in_absentia --charge 451 \
	--unnamed "7 CNRP leaders" --custody in_absentia --charge 451 --view un
ok cw log hearing --case "Mass attack case" --date 2018-03-01 --outcome verdict \
	--verdict "451=convicted" --view un
ok cw report --from 2018-02-26 --to 2018-03-04 --format json
json "d['comparison']['verdicts']['current'] == 3" \
	"sorted((v['person']['name'] if v['person'] else v['group'], v['result']) for v in d['verdicts']) == [('CNRP leaders', 'convicted'), ('Mass Rainsy', 'convicted'), ('Mass Sochua', 'convicted')]"
ok cw report --from 2018-02-26 --to 2018-03-04
has "3 verdicts and rulings were recorded, one per defendant or group of unnamed defendants (9 people in all), in 1 ruling (account: UN): 3 convicted"
# ---- a release dated to a month ends one stretch: arrested 4 July, released in July,
# arrested 10 July, released in July again (or bailed on the 12th), arrested 20 July: held
# since the 20th, not released by an end an earlier stretch took
for second in "--type release --outcome granted --date 2023-07" \
	"--type bail --outcome granted --date 2023-07-12"; do
	ok cw person add --name "Thrice Held $second"
	for m in "--type arrest --date 2023-07-04" "--type release --outcome granted --date 2023-07" \
		"--type arrest --date 2023-07-10" "$second" "--type arrest --date 2023-07-20"; do
		[ "$m" = "--type arrest --date 2023-07-04" ] &&
			ok cw case add --title "Thrice case $second" --defendant "Thrice Held $second" \
				--custody detained --charge 494 --view own
		# shellcheck disable=SC2086 # the milestone's options, split on purpose
		ok cw log milestone --person "Thrice Held $second" --case "Thrice case $second" \
			--view own $m
	done
	ok cw report --from 2023-08-14 --to 2023-08-20 --person "Thrice Held $second" --format json
	json "[(p['since'], p['days'], p['standing']) for p in d['pretrial_detention']] == [('2023-07-20', 31, 'held_at_period_end')]"
done
# ---- a group released in the month of its arrest, as a person is
ok cw case add --title "Month group case" --unnamed "8 month activists" --custody detained \
	--charge 494 --view own
ok cw log milestone --group "month activists" --case "Month group case" --type arrest \
	--date 2023-07-04 --view own
ok cw log milestone --group "month activists" --case "Month group case" --type release \
	--outcome granted --date 2023-07 --view own
ok cw report --from 2023-08-14 --to 2023-08-20 --case "Month group case" --format json
json "d['pretrial_detention'] == []"
ok cw report --from 2023-07-03 --to 2023-07-09 --case "Month group case" --format json
json "[(p['group'], p['days_at_least'], p['days_at_most'], p['standing']) for p in d['pretrial_detention']] == [('month activists', 0, 5, 'may_have_ended_before_end')]"
# ---- bail decided at a hearing two accounts give (linked): one decision
ok cw person add --name "Linked Bail"
ok cw case add --title "Linked bail case" --defendant "Linked Bail" --custody detained --view un
ok cw log hearing --case "Linked bail case" --date 2017-04-30 --view un --outcome bail_decision \
	--bail granted
bail_un=$(printf '%s' "$out" | awk '{print $NF}')
ok cw log hearing --case "Linked bail case" --date 2017-04-30 --view government \
	--outcome bail_decision --bail granted --same-event "$bail_un"
ok cw report --from 2017-04-24 --to 2017-04-30 --format json
json "[(x['outcome'], x['at_hearing'], x['person']['name']) for x in d['releases']] == [('granted', True, 'Linked Bail')]"
# ---- a verdict naming no one beside one naming a defendant on the same charge, and a
# verdict milestone of one defendant of that day: each defendant once
ok cw person add --name "Apart Rainsy"
ok cw person add --name "Apart Sochua"
ok cw case add --title "Apart case" --defendant "Apart Rainsy" --charge 451 \
	--defendant "Apart Sochua" --charge 451 --view un
ok cw log hearing --case "Apart case" --date 2016-05-02 --view un --outcome verdict \
	--verdict "451=convicted" --verdict "451=acquitted@Apart Sochua"
ok cw log milestone --person "Apart Rainsy" --case "Apart case" --type verdict \
	--result convicted --article 451 --date 2016-05-02 --view un
ok cw report --from 2016-05-02 --to 2016-05-08 --format json
json "sorted((v['person']['name'], v['result']) for v in d['verdicts']) == [('Apart Rainsy', 'convicted'), ('Apart Sochua', 'acquitted')]" \
	"d['comparison']['verdicts']['current'] == 2"
# ---- days in all are the row's case's: a detention in another case years before is not
# read against this one's legal maximum
ok cw person add --name "Two Cases"
ok cw case add --title "Old case" --defendant "Two Cases" --custody released --view own
ok cw log milestone --person "Two Cases" --case "Old case" --type arrest --date 2015-01-01 --view own
ok cw log milestone --person "Two Cases" --case "Old case" --type bail --outcome granted \
	--date 2015-04-11 --view own
ok cw case add --title "New case" --defendant "Two Cases" --custody detained --view own
ok cw log milestone --person "Two Cases" --case "New case" --type arrest --date 2015-06-01 \
	--view own
ok cw report --from 2015-06-29 --to 2015-07-05 --person "Two Cases" --format json
json "[(p['days'], p['days_in_all_at_least']) for p in d['pretrial_detention']] == [(34, 34)]"
# ---- linked accounts of one arrest are counted as the team's account gives it
ok cw case add --title "Linked group case" --unnamed "9 linked activists" --custody detained \
	--view un
ok cw log milestone --group "linked activists" --case "Linked group case" --type arrest \
	--count 9 --date 2014-04-30 --view un
group_un=$(printf '%s' "$out" | awk '{print $NF}')
ok cw log milestone --group "linked activists" --case "Linked group case" --type arrest \
	--count 8 --date 2014-04-30 --view own --same-event "$group_un"
ok cw report --from 2014-04-28 --to 2014-05-04 --format json
json "d['comparison']['arrests']['current'] == 8"
# ---- the team saw the hearing, the UN's account of it gives the bail decision: listed
ok cw log hearing --case "Linked bail case" --date 2017-05-08 --view own --outcome adjourned
own_hearing=$(printf '%s' "$out" | awk '{print $NF}')
ok cw log hearing --case "Linked bail case" --date 2017-05-08 --view un --outcome bail_decision \
	--bail refused --same-event "$own_hearing"
ok cw report --from 2017-05-08 --to 2017-05-14 --format json
json "[(x['outcome'], x['view']) for x in d['releases']] == [('refused', 'un')]"
# ---- arrested 4 July, a detention order on the 6th, bailed on the 20th, the UN's "released
# in July": the order is no arrest again, so the day's bail ends the stretch: 16 days
ok cw person add --name "Order Held"
ok cw case add --title "Order case" --defendant "Order Held" --custody released --view own
for m in "--type arrest --date 2023-07-04 --view own" \
	"--type pretrial_detention --date 2023-07-06 --view own" \
	"--type bail --outcome granted --date 2023-07-20 --view own" \
	"--type release --outcome granted --date 2023-07 --view un"; do
	# shellcheck disable=SC2086 # the milestone's options, split on purpose
	ok cw log milestone --person "Order Held" --case "Order case" $m
done
ok env CASEWATCH_NOW=2024-05-10T05:00:00Z "$CASEWATCH" --db "$DB" timeline "Order Held"
has "pretrial detention: 16 days (to 2023-07-20)"
# ---- a group and a person with the same records read alike; a part of a group released in
# the month of its arrest leaves the rest held
ok cw person add --name "Alike One"
ok cw case add --title "Alike case" --defendant "Alike One" --custody detained \
	--unnamed "8 alike group" --custody detained --view own
for who in "--person 'Alike One'" "--group 'alike group'"; do
	for m in "--type arrest --date 2023-07-04 --view own" \
		"--type bail --outcome granted --date 2023-07-20 --view own" \
		"--type release --outcome granted --date 2023-07 --view un"; do
		eval "ok cw log milestone $who --case 'Alike case' $m"
	done
done
ok cw report --from 2023-07-10 --to 2023-07-16 --case "Alike case" --format json
json "sorted((p['days'], p['standing']) for p in d['pretrial_detention']) == [(12, 'held_at_period_end'), (12, 'held_at_period_end')]"
ok cw case add --title "Part case" --unnamed "8 part group" --custody detained --view own
ok cw log milestone --group "part group" --case "Part case" --type arrest --count 8 \
	--date 2023-07-04 --view own
ok cw log milestone --group "part group" --case "Part case" --type release --count 3 \
	--outcome granted --date 2023-07 --view own
ok cw report --from 2023-08-14 --to 2023-08-20 --case "Part case" --format json
json "[p['count'] for p in d['pretrial_detention']] == [5]"
# ---- two other accounts linked to the team's hearing both give its bail decision: once
ok cw log hearing --case "Linked bail case" --date 2017-05-15 --view own --outcome adjourned
own_hearing=$(printf '%s' "$out" | awk '{print $NF}')
for acct in un government; do
	ok cw log hearing --case "Linked bail case" --date 2017-05-15 --view "$acct" \
		--outcome bail_decision --bail refused --same-event "$own_hearing"
done
ok cw report --from 2017-05-15 --to 2017-05-21 --format json
json "[(x['outcome'], x['view']) for x in d['releases']] == [('refused', 'un')]"
# ---- held in two cases at once: the days in all of the row's case are never fewer than the
# row's own days
ok cw person add --name "Two At Once"
ok cw case add --title "At once B" --defendant "Two At Once" --custody detained --view own
ok cw log milestone --person "Two At Once" --case "At once B" --type arrest --date 2015-05-01 \
	--view own
ok cw case add --title "At once A" --defendant "Two At Once" --custody detained --view own
for m in "--type arrest --date 2015-01-01" "--type bail --outcome granted --date 2015-02-01" \
	"--type arrest --date 2015-03-01"; do
	# shellcheck disable=SC2086 # the milestone's options, split on purpose
	ok cw log milestone --person "Two At Once" --case "At once A" --view own $m
done
ok cw report --from 2015-06-29 --to 2015-07-05 --person "Two At Once" --format json
json "all(p['days_in_all_at_least'] >= p['days'] for p in d['pretrial_detention'])"
# ---- "own observation" with the monitor's name beside it is the team's own account (a trial
# wrote "Own observation (Dara)" and read "Documents report 1 hearing ... account: not
# recorded")
DB="$WORK/own_named"
ok cw init
ok cw person add --name "Kang Saran"
ok cw case add --title "Kang Saran case" --defendant "Kang Saran" --charge "437 bis" \
	--source "own observation"
ok cw log hearing --case "Kang Saran" --date 2023-09-20 --outcome adjourned \
	--monitors-admitted yes --source "Own observation (Dara)"
ok cw report --from 2023-09-18 --to 2023-09-24
has "The team monitored 1 hearing: 1 adjourned."
ok cw list records --kind hearing --json
json "[r['view'] for r in d] == ['own']"

# ---- a postponed hearing's reason is given as a postponement's, not as an adjournment's (a
# trial read "adjourned: defence lawyer not notified" under a hearing logged postponed)
ok cw log hearing --case "Kang Saran" --date 2023-09-21 --outcome postponed \
	--adjourn-reason "defence lawyer not notified" --source "own observation"
ok cw log hearing --case "Kang Saran" --date 2023-09-22 --outcome suspended \
	--adjourn-reason "judge ill" --source "own observation"
ok cw report --from 2023-09-18 --to 2023-09-24
has "postponed: defence lawyer not notified"
lacks "adjourned: defence lawyer not notified"
has "suspended: judge ill"
# ---- an arrest in a case that does not name its person counts under no article: they are
# charged with nothing in it (a field trial: the warning said it "moves no charge", yet the
# report counted "1 under 494/495 incitement", its table under 494 and 495, and `list
# --article 494/495` found it). Logging one is refused (tests/cli/logging_rules.sh); an
# import or a bundle brings it as it is.
DB="$WORK/bystander"
ok cw init --no-encryption
ok cw person add --name "Chhim Sithar"
ok cw person add --name "Kim Srey"
kim=$(added_id person)
ok cw case add --title "NagaWorld strike" --stage appeal --defendant "Chhim Sithar" \
	--custody detained --charge 494/495 --source "own observation"
naga=$(added_id case)
printf '{"ref":"bystander","kind":"milestone","person":"%s","case":"%s","type":"arrest","date":"2024-02-16","source":"own observation"}\n' \
	"$kim" "$naga" >"$WORK/bystander.jsonl"
ok cw import "$WORK/bystander.jsonl"
ok cw show ref:bystander
has "arrest"
ok cw report --week 2024-W07
has "1 new arrest (account: own observation); 1 person arrested is not listed below as held"
lacks "under 494/495"
has "| 494/495 incitement |  | 0 |"
has "| no article recorded |  | 1 |"
lacks "| 494 | incitement to commit a felony | 1 |"
ok cw report --week 2024-W07 --format json
json "d['arrests_and_charges']['events'][0]['articles'] == [] and d['arrests_and_charges']['by_article'] == [] and d['arrests_and_charges']['groups'] == {'incitement_494_495': 0, 'lese_majeste_437bis': 0, 'other_articles': 0, 'no_article': 1}"
ok cw list records --article 494/495 --json
json "d == []"
ok cw list records --kind milestone
has "Kim Srey"
lacks "494/495"
ok cw verify
has "0 problems"
# ---- a hearing set for a day of the period that went by with nothing logged for it is said,
# in every format (a field trial: the week before listed it under "Upcoming hearings", the
# week of the date said nothing of it, "The team monitored no hearings in this period", and a
# missed hearing read as a quiet week); not one the case's hearing of that day answers (in
# any account), nor one a later hearing moved on from, nor a day not yet gone by
DB="$WORK/missed"
ok cw init --no-encryption
for c in Missed Held Moved; do
	ok cw person add --name "Defendant $c"
	ok cw case add --title "$c case" --stage pretrial --defendant "Defendant $c" --charge 494 \
		--source "own observation"
done
ok cw log hearing --case "Missed case" --date 2023-09-05 --outcome postponed \
	--next-date 2023-09-12 --source "own observation"
ok cw log hearing --case "Held case" --date 2023-09-05 --outcome adjourned \
	--next-date 2023-09-13 --source "own observation"
ok cw log hearing --case "Held case" --date 2023-09-13 --outcome adjourned --view un \
	--source "UN press release"
ok cw log hearing --case "Moved case" --date 2023-09-04 --outcome adjourned \
	--next-date 2023-09-14 --source "own observation"
ok cw log hearing --case "Moved case" --date 2023-09-11 --outcome adjourned \
	--next-date 2023-10-02 --source "own observation"
# a later hearing of the missed one's case, after the week: the week's report stays as it was
ok cw log hearing --case "Missed case" --date 2023-09-20 --outcome postponed \
	--next-date 2023-09-27 --source "own observation"
ok cw report --week 2023-W36
has "| 2023-09-12 | own observation | Missed case |"
week 2023-W37
row md "1 hearing was set for a day of the period, and nothing was logged for it (account: own observation)."
row md "## Hearings set for the period, nothing logged (1)"
row md "| 2023-09-12 | own observation | Missed case | Defendant Missed |  | next date set at the hearing of 2023-09-05 | nothing logged for that day |"
norow md "2023-09-13 | own"
norow md "2023-09-14"
row html "nothing logged for that day"
row csv "hearings_missed,next date set at the hearing of 2023-09-05,"
row csv ",2023-09-12,own observation,"
inpdf "Hearings set for the period, nothing logged (1)"
inpdf "next date set at the hearing of 2023-09-05"
out=$(cat "$WORK/week.json")
json "[(h['date'], h['set_on'], h['view'], h['case']['title']) for h in d['hearings_missed']] == [('2023-09-12', '2023-09-05', 'own', 'Missed case')]"
# the team's own account alone: the UN's hearing of the 13th still answers its day
ok cw report --week 2023-W37 --account own --format json
json "[h['case']['title'] for h in d['hearings_missed']] == ['Missed case']"
# a day not yet over is not missed; once it is, it is
(
	CASEWATCH_NOW=2023-09-27T03:00:00Z
	export CASEWATCH_NOW
	ok cw report --week 2023-W39 --format json
	json "d['hearings_missed'] == []"
)
(
	CASEWATCH_NOW=2023-09-28T03:00:00Z
	export CASEWATCH_NOW
	ok cw report --week 2023-W39 --format json
	json "[h['date'] for h in d['hearings_missed']] == ['2023-09-27']"
)
# The day is answered only at the court it was set for: the appeal court's bail hearing on the
# trial court's day is not the trial's hearing (a review). A confidential hearing of the day
# answers it in what the team reads; what is written for others reads as if it were not there
# (a review: the date gone from the list told that a confidential hearing was held).
for c in Court Secret; do
	ok cw person add --name "Defendant $c"
	ok cw case add --title "$c case" --stage trial --defendant "Defendant $c" --charge 494 \
		--court "Phnom Penh Municipal Court" --source "own observation"
done
ok cw log hearing --case "Court case" --date 2023-10-02 --court "Phnom Penh Municipal Court" \
	--outcome adjourned --next-date 2023-10-10 --source "own observation"
ok cw log hearing --case "Court case" --date 2023-10-10 --court "Appeal Court" --stage appeal \
	--outcome adjourned --source "own observation"
ok cw log hearing --case "Secret case" --date 2023-10-02 --outcome adjourned \
	--next-date 2023-10-11 --source "own observation"
ok cw log hearing --case "Secret case" --date 2023-10-11 --outcome adjourned --confidential \
	--source "own observation"
(
	CASEWATCH_NOW=2023-10-20T03:00:00Z
	export CASEWATCH_NOW
	ok cw report --week 2023-W41 --format json
	json "sorted((h['date'], h['case']['title']) for h in d['hearings_missed']) == [('2023-10-10', 'Court case'), ('2023-10-11', 'Secret case')]"
	ok cw report --week 2023-W41 --include-confidential --format json
	json "[(h['date'], h['case']['title']) for h in d['hearings_missed']] == [('2023-10-10', 'Court case')]"
)
# Two linked accounts of one hearing that give two next dates set one hearing: answered when
# either day is logged, said once (from the team's account) when neither is (a review saw the
# government's day listed as missed beside the team's logged one, and both listed).
for c in Linked Unlogged; do
	ok cw person add --name "Defendant $c"
	ok cw case add --title "$c case" --stage trial --defendant "Defendant $c" --charge 494 \
		--source "own observation"
	ok cw log hearing --case "$c case" --date 2023-10-03 --outcome adjourned \
		--next-date 2023-10-17 --source "own observation"
	own=$(printf '%s\n' "$out" | awk '{print $3}')
	ok cw log hearing --case "$c case" --date 2023-10-03 --outcome adjourned \
		--next-date 2023-10-18 --view government --source "government statement" --same-event "$own"
done
ok cw log hearing --case "Linked case" --date 2023-10-17 --outcome adjourned \
	--source "own observation"
(
	CASEWATCH_NOW=2023-10-25T03:00:00Z
	export CASEWATCH_NOW
	ok cw report --week 2023-W42 --format json
	json "[(h['date'], h['case']['title'], h['view']) for h in d['hearings_missed']] == [('2023-10-17', 'Unlogged case', 'own')]"
)
# The hearings to come read courts as the missed list does: a hearing naming no court was at
# its case's, so the trial court's session logged for the day the appeal court set is not the
# appeal court's hearing, and that date stays on the list (it was taken off as "already
# logged", any court matching a hearing that names none).
ok cw person add --name "Defendant Twocourt"
ok cw case add --title "Twocourt case" --stage trial --defendant "Defendant Twocourt" \
	--charge 494 --court "Phnom Penh Municipal Court" --source "own observation"
ok cw log hearing --case "Twocourt case" --date 2023-11-03 --court "Appeal Court" --stage appeal \
	--outcome adjourned --next-date 2023-11-16 --source "own observation"
ok cw log hearing --case "Twocourt case" --date 2023-11-16 --source "own observation"
(
	CASEWATCH_NOW=2023-11-07T03:00:00Z
	export CASEWATCH_NOW
	ok cw report --week 2023-W44 --format json
	json "sorted((h['date'], h['source'], h['court']) for h in d['upcoming_hearings'] if h['case']['title'] == 'Twocourt case') == [('2023-11-16', 'hearing', None), ('2023-11-16', 'next_date', 'Appeal Court')]"
)
# Under an article filter, the detainees listed are those charged so themselves: the case is
# found by any defendant's charge, but a field trial's 437 bis report listed the union members
# held with the one charged under 437 bis as lese-majeste detainees, and the 494/495 report
# him. So for groups of unnamed defendants, and for those held with no arrest logged.
ok cw person add --name "Sok Sithar"
ok cw person add --name "Vorn Pov"
ok cw person add --name "Keo Nary"
ok cw case add --title "Strike arrests" --stage pretrial --court "Phnom Penh Court of First Instance" \
	--defendant "Sok Sithar" --custody detained --charge 494/495 \
	--defendant "Vorn Pov" --custody detained --charge "437 bis" \
	--defendant "Keo Nary" --custody detained --charge 494 \
	--unnamed "6 strike workers" --custody detained --charge 494/495 --source "own observation"
ok cw log milestone --person "Sok Sithar" --case "Strike arrests" --type arrest --date 2023-11-20 \
	--source "own observation"
ok cw log milestone --person "Vorn Pov" --case "Strike arrests" --type arrest --date 2023-11-20 \
	--source "own observation"
ok cw log milestone --case "Strike arrests" --group "strike workers" --count 6 --type arrest \
	--date 2023-11-20 --source "own observation"
(
	CASEWATCH_NOW=2023-11-27T03:00:00Z
	export CASEWATCH_NOW
	held() {
		ok cw report --week 2023-W47 --article "$1" --format json
		json "sorted(r['person']['name'] if r.get('person') else r['group'] for r in d['pretrial_detention'] if r['case_title'] == 'Strike arrests') == $2" \
			"sorted(r['person']['name'] if r.get('person') else r['group'] for r in d['held_no_arrest_logged'] if r['case_title'] == 'Strike arrests') == $3"
	}
	held "437 bis" "['Vorn Pov']" "[]"
	held 494/495 "['Sok Sithar', 'strike workers']" "['Keo Nary']"
	held 494 "['Sok Sithar', 'strike workers']" "['Keo Nary']"
	held 495 "['Sok Sithar', 'strike workers']" "[]"
)
# A hearing's fine is part of its sentence: the trial found it in the JSON alone, the hearing's
# row in the other formats giving the sentence without it. Every format's hearing row and
# verdict row give it, where and as the sentence is given (none on an acquittal); a fine written
# beside sentence parts that give none is given beside them.
DB="$WORK/fine"
ok cw init --no-encryption
ok cw person add --name "Chan Vuthy"
ok cw person add --name "Keo Sina"
ok cw case add --title "Vuthy land" --defendant "Chan Vuthy" --defendant "Keo Sina" \
	--charge "437 bis" --source "own observation"
ok cw log hearing --case "Vuthy land" --date 2023-09-20 --outcome verdict \
	--verdict "437 bis=convicted@Chan Vuthy" --verdict "437 bis=acquitted@Keo Sina" \
	--sentence "3 years in prison" --fine "4,000,000 riel" --source "own observation"
ok cw case add --title "Sina parts" --defendant "Keo Sina" --charge 494 \
	--source "own observation"
ok cw log hearing --case "Sina parts" --date 2023-09-21 --outcome verdict \
	--verdict "494=convicted@Keo Sina" --sentence-part "prison=2 years" \
	--fine "2,000,000 riel" --source "own observation"
week 2023-W38
HEARD="sentence: 3 years in prison; fine: 4,000,000 riel"
row md "| verdict |  |  | $HEARD |"
row md "| Chan Vuthy | Vuthy land |  | 437 bis | convicted | 3 years in prison; fine: 4,000,000 riel |"
row md "| Keo Sina | Vuthy land |  | 437 bis | acquitted |  |"
row md "| verdict |  |  | sentence: prison term 2 years; fine: 2,000,000 riel |"
row md "| 494 | convicted | prison term 2 years; fine: 2,000,000 riel |"
row html "<td>$HEARD</td>"
row html "<td>prison term 2 years; fine: 2,000,000 riel</td>"
row csv "hearings_own,,"
row csv ",verdict,437 bis,,,\"$HEARD\","
row csv ",convicted,437 bis,,,\"3 years in prison; fine: 4,000,000 riel\","
row csv ",convicted,494,,,\"prison term 2 years; fine: 2,000,000 riel\","
inpdf "$HEARD"
inpdf "prison term 2 years; fine: 2,000,000 riel"
out=$(cat "$WORK/week.json")
json "[(h['sentence'], h['fine'], [p['amount'] for p in h['sentence_parts']]) for h in d['hearings']] == [('3 years in prison', '4,000,000 riel', []), (None, '2,000,000 riel', ['2 years'])]" \
	"[(v['result'], v['fine']) for v in d['verdicts']] == [('convicted', '4,000,000 riel'), ('acquitted', None), ('convicted', '2,000,000 riel')]"

# Every figure of the summary says whose account it is, and another account's other figure: the
# trial found "the demonstrations below recorded 4 arrests." (the UN's 4; the government's 2 said
# nowhere near it) and "1 hearing is set in the 14 days after the period." naming no account.
DB="$WORK/demo_accounts"
ok cw init --no-encryption
ok cw log demo --date 2023-09-19 --place "Freedom Park" --province "Phnom Penh" \
	--response dispersed,arrests --arrests-count 4 --injured 1 --view un \
	--source "UN 002 para 30"
un=$(added_id demo)
ok cw log demo --date 2023-09-19 --place "Freedom Park" --province "Phnom Penh" \
	--arrests-count 2 --injured 0 --view government --source "Ministry statement" --disputes "$un"
ok cw case add --title "Park case" --source "UN 002 para 31" --view un
ok cw log hearing --case "Park case" --date 2023-09-20 --outcome adjourned --next-date 2023-09-28 \
	--view un --source "UN 002 para 31"
week 2023-W38
ARRESTS="No arrest or charge was logged as a milestone; the demonstrations below recorded 4 arrests (account: UN; government gives 2 arrests)."
COMING="1 hearing is set in the 14 days after the period (account: UN)."
for f in md html csv json; do
	row $f "$ARRESTS"
	row $f "$COMING"
done
inpdf "$ARRESTS"
inpdf "$COMING"
# the comparison's rows say it too, in a column of their own
row md "| Measure | This period | Previous period | Accounts | Other accounts, this period |"
row md "| arrests at demonstrations | 4 | 0 | UN | government gives 2 arrests |"
row md "| injured at demonstrations | 1 | 0 | UN | government gives 0 injured |"
row html "<td>arrests at demonstrations</td><td>4</td><td>0</td><td>UN</td><td>government gives 2 arrests</td>"
row csv "comparison,arrests at demonstrations,,,UN,,,,,,,,,,government gives 2 arrests,demonstration_arrests,4,0,"
row csv "comparison,injured at demonstrations,,,UN,,,,,,,,,,government gives 0 injured,demonstration_injured,1,0,"
inpdf "Other accounts, this period"
# no other account's figure: the comparison keeps its four columns
ok cw report --week 2023-W39
has "| Measure | This period | Previous period | Accounts |"
lacks "Other accounts"

# A hearing dated after today has not been held, whatever outcome it was logged with (ahead, or
# a typo: a warning only): it moves its case on from no date before it. In the report of the
# week in progress, hearings logged for its Thursday and Friday with next dates took the missed
# date of its Tuesday and the hearing to come of the 20th off, as if held.
DB="$WORK/ahead"
ok cw init --no-encryption
(
	CASEWATCH_NOW=2031-06-11T03:00:00Z
	export CASEWATCH_NOW
	for c in Missed Coming; do
		ok cw case add --title "$c case" --stage trial --source "own observation"
	done
	ok cw log hearing --case "Missed case" --date 2031-06-02 --outcome adjourned \
		--next-date 2031-06-10 --source "own observation"
	ok cw log hearing --case "Missed case" --date 2031-06-13 --outcome adjourned \
		--next-date 2031-06-27 --source "own observation"
	ok cw log hearing --case "Coming case" --date 2031-06-03 --outcome adjourned \
		--next-date 2031-06-20 --source "own observation"
	ok cw log hearing --case "Coming case" --date 2031-06-12 --outcome adjourned \
		--next-date 2031-07-01 --source "own observation"
	ok cw report --from 2031-06-09 --to 2031-06-15 --format json
	json "[(h['date'], h['case']['title']) for h in d['hearings_missed']] == [('2031-06-10', 'Missed case')]" \
		"('2031-06-20', 'Coming case') in [(h['date'], h['case']['title']) for h in d['upcoming_hearings']]"
	# once those hearings were held, they did move their cases on
	CASEWATCH_NOW=2031-06-16T03:00:00Z
	ok cw report --from 2031-06-09 --to 2031-06-15 --format json
	json "d['hearings_missed'] == []" \
		"'2031-06-20' not in [h['date'] for h in d['upcoming_hearings']]"
)

# A charge laid months after an arrest is no charge of that arrest in the arrest's week: a
# re-issued report of the week gives the figure partners read then (a field trial's week 37
# counted a 496 laid in November). A charge laid in the same week counts; the case's own
# charges always do.
DB="$WORK/laid"
ok cw init --no-encryption
ok cw person add --name "Eng Sroy"
ok cw case add --title "Sroy case" --defendant "Eng Sroy" --charge 494/495
ok cw log milestone --person "Eng Sroy" --case Sroy --type arrest --date 2026-09-10
ok cw log milestone --person "Eng Sroy" --case Sroy --type charge --date 2026-09-11 --article 307
ok cw log milestone --person "Eng Sroy" --case Sroy --type charge --date 2026-11-16 --article 496
ok cw report --week 2026-W37 --format json
json "[sorted(e['articles']) for e in d['arrests_and_charges']['events'] if e['type'] == 'arrest'] == [['307', '494', '495']]" \
	"sorted(a['article'] for a in d['arrests_and_charges']['by_article']) == ['307', '494', '495']"
# ... and the people they concern, each once: arrested, then charged, is one person under 307
# (two events); every group's figure too (JSON groups_people).
json "[(a['article'], a['count'], a['people']) for a in d['arrests_and_charges']['by_article']] == [('307', 2, 1), ('494', 1, 1), ('495', 1, 1)]" \
	"[(d['arrests_and_charges']['groups'][g], d['arrests_and_charges']['groups_people'][g]) for g in ('incitement_494_495', 'other_articles')] == [(1, 1), (2, 1)]"
ok cw report --week 2026-W37
lacks "496"
# ... nor does a report of that week filtered on the charge laid later find the arrest.
ok cw report --week 2026-W37 --article 496 --format json
json "d['arrests_and_charges']['events'] == [] and d['arrests_and_charges']['by_article'] == []"
ok cw report --week 2026-W37 --article 494 --format json
json "[e['type'] for e in d['arrests_and_charges']['events']] == ['arrest']"
# The detainees the week's prison visits met, each once however many visits met them; a visit
# refused at the gate met no one (a prison visit monitor's trial asked how many were seen).
ok cw person add --name "Met Twice"
ok cw person add --name "Met Once"
ok cw person add --name "Not Met"
ok cw log visit --facility "CC2" --date 2026-09-08 --detainee "Met Twice" --detainee "Met Once"
ok cw log visit --facility "CC2" --date 2026-09-09 --detainee "Met Twice"
ok cw log visit --facility "CC1" --date 2026-09-10 --detainee "Not Met" --access denied
ok cw report --week 2026-W37 --format json
json "(d['comparison']['visits']['current'], d['comparison']['visit_detainees']['current']) == (3, 2)"
ok cw report --week 2026-W37
has "3 prison visits that met 2 detainees"
# ... and the week the charge was laid counts it.
ok cw report --week 2026-W47 --format json
json "[a['article'] for a in d['arrests_and_charges']['by_article']] == ['496']"
# A release on the day bail was granted to the same person carries that decision out: one
# decision, both rows listed (a field trial counted two); a release on another day is its own.
ok cw person add --name "Bail Day"
ok cw person add --name "Bail Later"
ok cw case add --title "Bail day case" --defendant "Bail Day" --defendant "Bail Later" --charge 494
ok cw log milestone --person "Bail Day" --case "Bail day case" --type bail --outcome granted \
	--date 2026-10-06
ok cw log milestone --person "Bail Day" --case "Bail day case" --type release --date 2026-10-06
ok cw log milestone --person "Bail Later" --case "Bail day case" --type bail --outcome granted \
	--date 2026-10-06
ok cw log milestone --person "Bail Later" --case "Bail day case" --type release \
	--outcome granted --date 2026-10-08
# (a group's bail and release by its label, in any letter case)
ok cw case add --title "Bail day group case" --unnamed "4 Bail day unionists" --charge 494
ok cw log milestone --case "Bail day group case" --group "Bail day unionists" --type bail \
	--outcome granted --date 2026-10-07
ok cw log milestone --case "Bail day group case" --group "bail day Unionists" --type release \
	--date 2026-10-07
# (bail granted at a hearing of a case whose only defendant is released that day; a group's
# release of more than the bail's number frees others too: two decisions)
ok cw person add --name "Hearing Bail"
ok cw case add --title "Hearing bail case" --defendant "Hearing Bail" --charge 494
ok cw log hearing --case "Hearing bail case" --date 2026-10-08 --outcome bail_decision \
	--bail granted
ok cw log milestone --person "Hearing Bail" --case "Hearing bail case" --type release \
	--outcome granted --date 2026-10-08
ok cw case add --title "Bail day more case" --unnamed "9 Bail day more unionists" --charge 494
ok cw log milestone --case "Bail day more case" --group "Bail day more unionists" --count 2 \
	--type bail --outcome granted --date 2026-10-09
ok cw log milestone --case "Bail day more case" --group "Bail day more unionists" --count 3 \
	--type release --date 2026-10-09
ok cw report --week 2026-W41
has "| 2026-10-06 | not recorded | release (outcome not recorded) | Bail Day | Bail day case |"
has "7 decisions on bail, release or pardon were recorded (account: not recorded): 6 granted, 1 with no outcome recorded (counted as granted below) (3 releases on the day of a bail granted to the same person are counted with those decisions)."
done_ok
