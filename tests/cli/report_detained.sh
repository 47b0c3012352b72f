#!/bin/sh
# Who a report lists as held, and whose rulings it gives. A report filtered by a person gives
# that person's detention and rulings, not a co-defendant's (the filter finds the hearings of
# their case, which rule on everyone in it). Someone their case records as held before a
# verdict with no arrest or detention logged (the Cambodian National Heart Party's president,
# "37 ... still in detention": 002 paras 27 and 31) is listed last in every format, with no
# days, from the date the case's entry is known by; not once the case is past its verdict, not
# in a report for others when the case is confidential, and counted from their arrest once it
# is logged.
. "$TESTLIB"
set -e
command -v pdftotext >/dev/null || fail "pdftotext is needed (apt-get install poppler-utils)"
export CASEWATCH_NOW=2024-05-10T03:00:00Z

ok cw init
ok cw person add --name "Chan Vy"
ok cw person add --name "Sok Dara"
ok cw case add --title "Two accused" --opened 2023-01-05 --defendant "Chan Vy" --custody detained \
	--charge 494 --defendant "Sok Dara" --custody detained --charge 494 --view un
for p in "Chan Vy" "Sok Dara"; do
	ok cw log milestone --person "$p" --case "Two accused" --type arrest --date 2023-01-05 \
		--view un
done
ok cw log hearing --case "Two accused" --date 2024-05-02 --outcome verdict \
	--verdict "494=convicted" --view own

# ---- a person's report: their detention and their ruling, not the co-defendant's
ok cw report --from 2024-04-01 --to 2024-04-30 --person "Chan Vy" --format json
json "[p['person']['name'] for p in d['pretrial_detention']] == ['Chan Vy']"
ok cw report --from 2024-05-01 --to 2024-05-07 --person "Chan Vy" --format json
json "[v['person']['name'] for v in d['verdicts']] == ['Chan Vy']" \
	"d['comparison']['verdicts']['current'] == 1"
# unfiltered, both
ok cw report --from 2024-04-01 --to 2024-04-30 --format json
json "sorted(p['person']['name'] for p in d['pretrial_detention']) == ['Chan Vy', 'Sok Dara']"
ok cw report --from 2024-05-01 --to 2024-05-07 --format json
json "sorted(v['person']['name'] for v in d['verdicts']) == ['Chan Vy', 'Sok Dara']"

# ---- held with no arrest or detention logged
ok cw person add --name "Keo Sopheap"
ok cw person add --name "Lim Rotha"
ok cw case add --title "Heart Party president" --unnamed "1 president of the party" \
	--custody detained --stage pretrial --view un --source "002 para 31" --as-of 2022-06
# recorded here early in 2021: its entry gives no date, so it is known from then
(
	CASEWATCH_NOW=2021-01-04T03:00:00Z
	export CASEWATCH_NOW
	ok cw case add --title "Still in detention" --unnamed "2 human rights defenders" \
		--custody detained --unnamed "5 journalists" --custody detained --view un \
		--source "002 para 27" --stage investigation
)
ok cw case add --title "Sopheap case" --defendant "Keo Sopheap" --custody detained \
	--charge 494/495 --as-of 2024-03 --view ngo --stage pretrial
# no stage recorded: "still in detention" may be after a verdict, so not pretrial detention
# (found by a supervisor's trial: the 37 of 002 para 27 read as pretrial detainees)
ok cw case add --title "Stage unknown" --unnamed "37 defenders and journalists" \
	--custody detained --view un --as-of 2022-06
# said when the case is saved: not left for a report to be silent about
checks=$((checks + 1))
grep -q 'says the group "defenders and journalists" is detained, but records no stage and no arrest or detention of it, so reports do not list it: pretrial detention or a sentence, the case does not say; set the stage, if the source gives it: casewatch edit [0-9a-f]* --stage pretrial' "$WORK/stderr" ||
	fail "no advice for a detained group with no stage: $(cat "$WORK/stderr")"
# past its verdict: serving a sentence, not pretrial detention
ok cw case add --title "Rotha case" --defendant "Lim Rotha" --custody detained --stage verdict \
	--charge 494 --view ngo
# a secret case: in no report for others
ok cw person add --name "Hidden Witness"
ok cw case add --title "Hidden case" --defendant "Hidden Witness" --custody detained --stage trial \
	--as-of 2024-04 \
	--confidential --view own
week 2024-W18
row md "| president of the party (1 unnamed) | Heart Party president | UN \\[1\\] |  |  | no dated arrest or detention logged: the case records them as detained as of 2022-06; their days are not known |"
row md "| Keo Sopheap | Sopheap case | NGO |  |  | no dated arrest or detention logged: the case records them as detained as of 2024-03; their days are not known |"
row md "| human rights defenders (2 unnamed) | Still in detention | UN \\[2\\] |  |  | no dated arrest or detention logged: the case records them as detained, as of no date, and was first recorded here on 2021-01-04; their days are not known |"
row md "9 people are recorded as held before a verdict by the entry of their case, with no dated arrest or detention logged, so their days are not counted (listed in the detention table); the latest of the entries listed is as of 2024-03 (accounts: UN, NGO)."
norow md "37 defenders"
row md "Last, those the entry of their case records as held before a verdict with no dated arrest or detention logged"
norow md "Lim Rotha"
norow md "Hidden"
row csv "detained, no dated arrest"
row html "no dated arrest or detention logged: the case records them as detained as of 2024-03"
inpdf "no dated arrest or detention logged: the case records them as detained as of 2022-06"
out=$(cat "$WORK/week.json")
json "[(x['person'] and x['person']['name'], x['group'], x['count'], x['known_as_of'], x['case_recorded_on'], x['view']) for x in d['held_no_arrest_logged']] == [('Keo Sopheap', None, 1, '2024-03', None, 'ngo'), (None, 'president of the party', 1, '2022-06', None, 'un'), (None, 'human rights defenders', 2, None, '2021-01-04', 'un'), (None, 'journalists', 5, None, '2021-01-04', 'un')]" \
	"d['held_no_arrest_logged_people'] == {'people': 9, 'at_least': False, 'named': 1, 'held_again': 0, 'met_at_visit': 0}" \
	"d['pretrial_detention'] == []"
# with confidential material included, the secret case's defendant too
ok cw report --week 2024-W18 --format json --include-confidential
json "'Hidden Witness' in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"
# before the entry is known: not listed (undated entries are)
ok cw report --from 2024-02-01 --to 2024-02-07 --format json
json "[x['group'] or x['person']['name'] for x in d['held_no_arrest_logged']] == ['president of the party', 'human rights defenders', 'journalists']"
ok cw report --from 2022-05-01 --to 2022-05-07 --format json
json "[x['group'] for x in d['held_no_arrest_logged']] == ['human rights defenders', 'journalists']"
# ... but not before the case was recorded here: nothing here said so then (found listed in
# every week's report, however early)
ok cw report --from 2020-12-01 --to 2020-12-07 --format json
json "d['held_no_arrest_logged'] == [] and d['held_no_arrest_logged_people']['people'] == 0"
# a person's undated entry alike: recorded on 2024-05-10, in the week of it and not before
ok cw person add --name "Recent Entry"
ok cw case add --title "Recent entry case" --defendant "Recent Entry" --custody detained \
	--stage pretrial --view ngo
ok cw report --week 2024-W18 --format json
json "'Recent Entry' not in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"
ok cw report --week 2024-W19 --format json
json "[(x['known_as_of'], x['case_recorded_on']) for x in d['held_no_arrest_logged'] if x['person'] and x['person']['name'] == 'Recent Entry'] == [(None, '2024-05-10')]"
ok cw report --week 2024-W19 --format md
has "| Recent Entry | Recent entry case | NGO |  |  | no dated arrest or detention logged: the case records them as detained, as of no date, and was first recorded here on 2024-05-10; their days are not known |"
# filters: a person's report has them alone, no group; an article's, the cases charged under it
ok cw report --week 2024-W18 --person "Keo Sopheap" --format json
json "[x['person']['name'] for x in d['held_no_arrest_logged']] == ['Keo Sopheap'] and d['held_no_arrest_logged_people']['people'] == 1"
ok cw report --week 2024-W18 --article 437bis --format json
json "d['held_no_arrest_logged'] == []"
# the arrest logged: counted from it, and no longer listed apart
ok cw log milestone --person "Keo Sopheap" --case "Sopheap case" --type arrest --date 2024-03-04 \
	--view ngo
ok cw report --week 2024-W18 --format json
json "'Keo Sopheap' in [p['person']['name'] for p in d['pretrial_detention'] if p['person']]" \
	"'Keo Sopheap' not in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"
# the group's own arrest logged: the same
ok cw log milestone --case "Still in detention" --group journalists --count 5 --type arrest \
	--date 2021-12-01 --view un
ok cw report --week 2024-W18 --format json
json "[x['group'] for x in d['held_no_arrest_logged']] == ['president of the party', 'human rights defenders']" \
	"'journalists' in [p['group'] for p in d['pretrial_detention']]"

# ---- found by a review
# Held in pretrial detention in another case, where an arrest counts them, though not among the
# ten longest listed: counted there, not here as "no dated arrest".
ok cw case add --title "Eleven held" --as-of 2024-05-01 --view un
for i in 1 2 3 4 5 6 7 8 9 10 11; do
	ok cw person add --name "Held Number$i"
	ok cw edit "Eleven held" --defendant "Held Number$i" --custody detained
	ok cw log milestone --person "Held Number$i" --case "Eleven held" --type arrest \
		--date "2024-01-$(printf %02d "$i")" --view un
done
ok cw case add --title "Eleventh elsewhere" --stage pretrial --as-of 2024-04-01 \
	--defendant "Held Number11" --custody detained --view un
ok cw report --week 2024-W18 --format json
json "'Held Number11' not in [p['person']['name'] for p in d['pretrial_detention'] if p['person']]" \
	"'Held Number11' not in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"
# A detention logged after the week: the week's report still has them, as the case said then.
ok cw person add --name "Later Detained"
ok cw case add --title "Later case" --stage pretrial --as-of 2024-03-01 \
	--defendant "Later Detained" --custody detained --view un
ok cw log milestone --person "Later Detained" --case "Later case" --type pretrial_detention \
	--date 2024-05-20 --view un
ok cw report --from 2024-04-01 --to 2024-04-07 --format json
json "'Later Detained' in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"
# An arrest that is confidential: a report for others does not show it, so the case's entry
# alone says they are held, as for a group; with confidential material, counted from it.
ok cw person add --name "Secret Arrest"
ok cw case add --title "Secret case" --stage pretrial --as-of 2024-04-01 \
	--defendant "Secret Arrest" --custody detained --view un
ok cw log milestone --person "Secret Arrest" --case "Secret case" --type arrest \
	--date 2024-02-01 --confidential --view own
ok cw report --week 2024-W18 --format json
json "'Secret Arrest' in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"
ok cw report --week 2024-W18 --format json --include-confidential
json "'Secret Arrest' not in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"
ok cw report --week 2024-W18 --format json --include-confidential --person "Secret Arrest"
json "[(p['person']['name'], p['since']) for p in d['pretrial_detention']] == [('Secret Arrest', '2024-02-01')]"
# "more" only after those held where a start counts them: in May 2021 nobody is. The case's
# entry for the journalists gives no date, and their arrest of December 2021 says when they
# were taken: not held in May (the defenders, with no arrest at all, are)
ok cw report --from 2021-05-01 --to 2021-05-07
has "2 people are recorded as held before a verdict by the entry of their case, with no dated arrest or detention logged, so their days are not counted (listed in the detention table) (account: UN)."

# Released on bail, then recorded by the case as detained again with no new arrest logged: held
# again since the bail (found by a review: such a person was in no list). A bail that is
# confidential is not shown to others, so neither is that.
ok cw person add --name "Bailed Again"
ok cw case add --title "Again case" --stage pretrial --as-of 2024-04-01 --defendant "Bailed Again" \
	--custody detained --view ngo
ok cw log milestone --person "Bailed Again" --case "Again case" --type arrest --date 2024-01-05 \
	--view ngo
ok cw log milestone --person "Bailed Again" --case "Again case" --type bail --outcome granted \
	--date 2024-02-10 --view ngo
ok cw person add --name "Secret Bail"
ok cw case add --title "Secret bail case" --stage pretrial --as-of 2024-04-01 \
	--defendant "Secret Bail" --custody detained --view ngo
ok cw log milestone --person "Secret Bail" --case "Secret bail case" --type arrest \
	--date 2024-01-05 --view ngo
ok cw log milestone --person "Secret Bail" --case "Secret bail case" --type bail \
	--outcome granted --date 2024-02-10 --view own --confidential
week 2024-W18
row md "| Bailed Again | Again case | NGO |  |  | their last detention logged ended on 2024-02-10, and the case records them as detained again as of 2024-04-01 with no arrest or detention logged since; their days since are not known |"
norow md "Secret Bail"
out=$(cat "$WORK/week.json")
json "[(x['known_as_of'], x['last_detention_ended']) for x in d['held_no_arrest_logged'] if x['person'] and x['person']['name'] == 'Bailed Again'] == [('2024-04-01', '2024-02-10')]"
ok cw report --week 2024-W18 --format json --include-confidential
json "[x['last_detention_ended'] for x in d['held_no_arrest_logged'] if x['person'] and x['person']['name'] == 'Secret Bail'] == ['2024-02-10']"
# the confidential bail that row quotes is counted in the header (a supervisor's trial read
# "this holds none" above it); 3 more: the hidden case, the secret arrest, the hidden hearing
json "d['confidential']['records_included'] >= 1"
DB2=$DB
DB="$WORK/bailonly"
ok cw init
ok cw person add --name "Secret Bail"
ok cw case add --title "Secret bail case" --stage pretrial --as-of 2024-04-01 \
	--defendant "Secret Bail" --custody detained --view ngo
ok cw log milestone --person "Secret Bail" --case "Secret bail case" --type arrest \
	--date 2024-01-05 --view ngo
ok cw log milestone --person "Secret Bail" --case "Secret bail case" --type bail \
	--outcome granted --date 2024-02-10 --view own --confidential
ok cw report --week 2024-W18 --format json --include-confidential
json "d['confidential']['records_included'] == 1 and d['held_no_arrest_logged'][0]['last_detention_ended'] == '2024-02-10'"
DB=$DB2
json "d['held_no_arrest_logged_people']['held_again'] >= 1"
# A release dated only to the month of the entry may have come after it: nothing then says
# they were taken again (found by a supervisor's trial).
ok cw person add --name "Month Release"
ok cw case add --title "Month case" --stage pretrial --as-of 2024-03-20 \
	--defendant "Month Release" --custody detained --view ngo
ok cw log milestone --person "Month Release" --case "Month case" --type arrest --date 2024-01-04 \
	--view ngo
ok cw log milestone --person "Month Release" --case "Month case" --type release \
	--outcome granted --date 2024-03 --view ngo
ok cw report --week 2024-W18 --format json
json "'Month Release' not in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"
# before the entry was known (as of 1 April), the bail ended it: not held in March
ok cw report --from 2024-03-01 --to 2024-03-07 --format json
json "'Bailed Again' not in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"

# The one row last reported held, named once: its length follows without its name again (a
# supervisor's trial read the NagaWorld strikers twice in one sentence).
DB="$WORK/demo"
ok cw seed "$SEED_FILE"
ok cw report --from 2022-07-01 --to 2022-07-31 --format json
summary=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(" ".join(json.load(sys.stdin)["summary"]))')
checks=$((checks + 2))
[ "$(printf '%s' "$summary" | grep -o "workers of the NagaWorld casino (number not given)" | wc -l)" -eq 1 ] ||
	fail "the group is named twice: $summary"
printf '%s' "$summary" | grep -qF "still held at its end; 152 to 545 days in pretrial detention, counted to 2022-06, the source's date." ||
	fail "no length for the one row: $summary"

# Twelve held again after a confidential release: the header counts the ends the ten listed
# rows quote, not the two it does not show (found by a review).
DB="$WORK/twelve"
ok cw init
ok cw case add --title "Twelve" --stage pretrial --as-of 2024-04-01 --view ngo
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	ok cw person add --name "Released Number$i"
	ok cw edit Twelve --defendant "Released Number$i" --custody detained
	ok cw log milestone --person "Released Number$i" --case Twelve --type arrest \
		--date 2024-01-05 --view ngo
	ok cw log milestone --person "Released Number$i" --case Twelve --type release \
		--outcome granted --date 2024-02-10 --view own --confidential
done
ok cw report --week 2024-W18 --format json --include-confidential
json "len(d['held_no_arrest_logged']) == 10 and d['held_no_arrest_logged_people']['held_again'] == 12 and d['confidential']['records_included'] == 10"
# ---- a period that runs past today counts detention to today, and says so (found by a trial:
# a monthly report made mid-month gave days not yet lived, "for 28 days" on 10 May)
DB="$WORK/midmonth"
ok cw init
ok cw person add --name "Lim Sopheap"
ok cw case add --title "Land" --stage investigation --defendant "Lim Sopheap" --custody detained \
	--view own
ok cw log milestone --person "Lim Sopheap" --case Land --type arrest --date 2024-05-03 --view own
ok cw report --from 2024-05 --to 2024-05
has "Lim Sopheap, for 7 days"
has "The period ends after today (2024-05-10): pretrial detention is counted to today"
has "not released by 2024-05-10, counted to that day"
ok cw report --from 2024-05 --to 2024-05 --format json
json "d['pretrial_counted_to'] == '2024-05-10' and [(x['days'], x['counted_to']) for x in d['pretrial_detention']] == [(7, '2024-05-10')]"
# a period over by today: to its end, nothing said
ok cw report --from 2024-05-01 --to 2024-05-08
has "Lim Sopheap, for 5 days"
lacks "ends after today"
# A case entered at its verdict, its defendant detained, no ruling logged: held after a
# verdict, not before it (a trial saw Chao Veasna listed as still in pretrial detention)
ok cw person add --name "Chao Veasna"
ok cw case add --title "Verdict given" --stage verdict --defendant "Chao Veasna" \
	--custody detained --view own
ok cw log milestone --person "Chao Veasna" --case "Verdict given" --type arrest --date 2024-04-01 \
	--view own
ok cw report --from 2024-05-01 --to 2024-05-08 --format json
json "[p['person']['name'] for p in d['pretrial_detention'] if p['person']] == ['Lim Sopheap']"
ok cw timeline "Chao Veasna" --json
json "d['summary']['pretrial_ongoing'] is False"
# the stage back before the verdict: held before it again
ok cw edit "Verdict given" --stage trial
ok cw report --from 2024-05-01 --to 2024-05-08 --format json
json "sorted(p['person']['name'] for p in d['pretrial_detention'] if p['person']) == ['Chao Veasna', 'Lim Sopheap']"
# ---- a case's entry dated only by its opening yields to an arrest logged after the period: the
# arrest says when they were taken (a field trial: Kim Ratha, arrested on 10 January 2022, read
# "no dated arrest or detention logged" in the week before). An as-of date says they were held
# then ("Later Detained" above); the day a case opened does not.
ok cw person add --name "Taken First"
ok cw person add --name "Taken Later"
ok cw case add --title "Opened first" --opened 2022-01-04 --stage pretrial \
	--defendant "Taken First" --custody detained --charge 494 \
	--defendant "Taken Later" --custody detained --charge 494 \
	--unnamed "3 union members" --custody detained --view own
ok cw log milestone --person "Taken First" --case "Opened first" --type arrest \
	--date 2022-01-04 --view own
ok cw log milestone --person "Taken Later" --case "Opened first" --type arrest \
	--date 2022-01-10 --view own
ok cw log milestone --case "Opened first" --group "union members" --count 3 --type arrest \
	--date 2022-01-11 --view own
ok cw report --week 2022-W01
has "| Taken First | Opened first |"
lacks "Taken Later"
lacks "union members"
ok cw report --week 2022-W01 --format csv
lacks "Taken Later"
ok cw report --week 2022-W01 --format json
json "d['held_no_arrest_logged'] == [] and [p['person']['name'] for p in d['pretrial_detention'] if p['person']] == ['Taken First']"
ok cw report --week 2022-W02 --format json
json "[(p['person'] and p['person']['name'], p['group'], p['since']) for p in d['pretrial_detention']] == [('Taken First', None, '2022-01-04'), ('Taken Later', None, '2022-01-10'), (None, 'union members', '2022-01-11')]"
# the case's own as-of date of that week: held then, as it says, with no dated arrest
ok cw edit "Opened first" --as-of 2022-01-05
ok cw report --week 2022-W01 --format json
json "sorted(x['person'] and x['person']['name'] or x['group'] for x in d['held_no_arrest_logged']) == ['Taken Later', 'union members']"
# ---- people arrested and not listed as held: why, for each, as their records say (a field
# trial: Kang Saran, convicted to 3 years after his arrest, read "an end of their detention is
# recorded, their case does not record them as detained, or a ruling ... came before the
# arrest", none of which was true of him, and could be read as a release)
DB="$WORK/why"
ok cw init --no-encryption
ok cw person add --name "Kang Saran"
ok cw case add --title "Kang Saran" --court "Banteay Meanchey court of first instance" \
	--stage verdict --opened 2023-07-04 --defendant "Kang Saran" --custody detained \
	--charge 307 --charge 494/495 --charge "437 bis" --source "001 para 39" --view un
ok cw log milestone --person "Kang Saran" --case "Kang Saran" --type arrest --date 2023-07-04 \
	--source "001 para 39" --view un
ok cw log milestone --person "Kang Saran" --case "Kang Saran" --type verdict --result convicted \
	--date 2023-11-22 --sentence-part "prison=3 years" --source "001 para 39" --view un
ok cw report --from 2023-07-01 --to 2023-12-31
has "1 person arrested is not listed below as held: a ruling on them after the arrest (a verdict or sentence) ended their pretrial detention, and detention after a ruling is not counted here."
lacks "an end of their detention"
lacks "came before the arrest"
# the verdict's row: the case's court and his charges in it, said to be the case's
has "| 2023-11-22 | UN \[1\] | Kang Saran | Kang Saran | Banteay Meanchey court of first instance (the case's court now) | 307/494/495/437 bis (the case's charges; counts not stated) | convicted | prison term 3 years |"
ok cw report --from 2023-07-01 --to 2023-12-31 --format csv
has "Banteay Meanchey court of first instance (the case's court now),,convicted,307/494/495/437 bis (the case's charges; counts not stated)"
# released on bail; arrested after a verdict in absentia; held at a stage after a verdict with
# no ruling logged; a case that records no detention: each said, with how many
for p in "Bailed" "Enforced" "After Verdict" "Not Detained"; do ok cw person add --name "$p"; done
ok cw case add --title "Bail case" --stage trial --defendant "Bailed" --custody detained --view own
ok cw case add --title "Absentia case" --stage verdict --defendant "Enforced" \
	--custody detained --view own
ok cw case add --title "Verdict case" --stage appeal --defendant "After Verdict" \
	--custody detained --view own
ok cw case add --title "Free case" --stage trial --defendant "Not Detained" --custody released \
	--view own
ok cw log milestone --person "Bailed" --case "Bail case" --type arrest --date 2023-08-01 --view own
ok cw log milestone --person "Bailed" --case "Bail case" --type bail --outcome granted \
	--date 2023-08-10 --view own
ok cw log milestone --person "Enforced" --case "Absentia case" --type in_absentia_verdict \
	--result convicted --date 2022-03-01 --view own
ok cw log milestone --person "Enforced" --case "Absentia case" --type arrest --date 2023-09-01 \
	--view own
ok cw log milestone --person "After Verdict" --case "Verdict case" --type arrest \
	--date 2023-09-02 --view own
ok cw log milestone --person "Not Detained" --case "Free case" --type arrest --date 2023-09-03 \
	--view own
ok cw report --from 2023-07-01 --to 2023-12-31
has "5 people arrested are not listed below as held: for 1 of them, an end of their detention (a release, bail, house arrest or judicial supervision) is recorded; for 1 of them, a ruling on them after the arrest (a verdict or sentence) ended their pretrial detention, and detention after a ruling is not counted here; for 1 of them, a ruling on them in their case came before the arrest, which enforces it: no pretrial detention; for 1 of them, their case records them as detained at a stage after a verdict, though no ruling is logged, and detention after a verdict is not counted here; for 1 of them, no end of their detention is recorded, but their case does not record them as detained."
# ---- held in two cases from one day, a verdict in one (a field trial): the row names the
# case whose pretrial detention still runs, with the length the timeline gives (held without a
# break through the other case's days), and a report filtered to the convicted case's article
# does not list them as still held before a verdict in it
DB="$WORK/two"
ok cw init --no-encryption
ok cw person add --name "Kang Saran"
ok cw case add --title "A lese-majeste" --stage trial --defendant "Kang Saran" --custody detained \
	--charge "437 bis" --source "001 para 39" --view un
ok cw case add --title "B public insult" --stage trial --defendant "Kang Saran" \
	--custody detained --charge 307 --source "001 para 39" --view un
for c in "A lese" "B public"; do
	ok cw log milestone --person "Kang Saran" --case "$c" --type pretrial_detention \
		--date 2023-07-04 --source "001 para 39" --view un
done
ok cw log milestone --person "Kang Saran" --case "A lese" --type verdict --result convicted \
	--date 2023-11-22 --source "001 para 39" --view un
ok cw timeline "Kang Saran"
has "pretrial detention: at least 141 days (a detention still running has no date it is known as of)"
ok cw report --week 2024-W07 --format json
json "[(p['case_title'], p['days_at_least'], p['days_at_most'], p['counted_to_reason'], p['standing']) for p in d['pretrial_detention']] == [('B public insult', 141, None, 'unknown', 'held_at_period_end')]"
ok cw report --week 2024-W07
has "| Kang Saran | B public insult | UN \[1\] | 2023-07-04 |  | at least 141 days: a detention still running has no date it is known as of |"
has "1 person is listed as still in pretrial detention at the end of the period: Kang Saran, for at least 141 days (account: UN)."
for w in 2023-W48 2024-W07; do
	ok cw report --week $w --article "437 bis" --format json
	json "d['pretrial_detention'] == []"
done
ok cw report --week 2024-W07 --article 307 --format json
json "[p['case_title'] for p in d['pretrial_detention']] == ['B public insult']"

# ---- two accounts of one arrest, then a verdict (a field trial, Svay Rieng): the NGO dates Sok
# Chanthea's arrest 2 November, the government 4 November, disputing it. Once the verdict
# ended the detention, the figure still says whose date it counts from and what the other
# account gives, to the same end (the trial saw "29 days (to 2026-12-01)" alone, and nulls in
# the JSON).
DB="$WORK/trial"
export CASEWATCH_NOW=2026-12-05T03:00:00Z
ok cw init
ok cw person add --name "Sok Chanthea" --name-km "សុខ ចាន់ថា" --source "own observation"
ok cw person add --name "Thạch Sophéap" --source "own observation"
ok cw case add --title "Svay Rieng land protest" \
	--court "Svay Rieng Provincial Court of First Instance" --stage pretrial \
	--defendant "Sok Chanthea" --custody detained --charge 494/495 \
	--defendant "Thạch Sophéap" --custody detained --charge 494/495 --source "own observation"
ok cw log milestone --person "Sok Chanthea" --case "Svay Rieng" --type arrest --date 2026-11-02 \
	--view ngo --source "ADHOC statement, 3 Nov 2026"
ngo=$(added_id milestone)
ok cw log milestone --person "Sok Chanthea" --case "Svay Rieng" --type arrest --date 2026-11-04 \
	--view government --source "Provincial police press release" --disputes "$ngo"
ok cw log milestone --person "Thạch Sophéap" --case "Svay Rieng" --type arrest \
	--date 2026-11-03 --source "own observation"
ok cw timeline "Sok Chanthea"
has "pretrial detention: 33 days and counting; its latest dated record is of 2026-11-04; counted from 2026-11-02 (NGO); government dates its start 2026-11-04: 31 days"
ok cw log hearing --case "Svay Rieng" --date 2026-12-01 --outcome verdict \
	--verdict "494/495=convicted@Sok Chanthea" --verdict "494/495=acquitted@Thạch Sophéap" \
	--sentence "Sok Chanthea: 18 months" --sentence-part "prison=18 months" \
	--source "own observation"
ok cw timeline "Sok Chanthea"
has "pretrial detention: 29 days (to 2026-12-01); counted from 2026-11-02 (NGO); government dates its start 2026-11-04: 27 days"
ok cw timeline "Sok Chanthea" --json
json "(d['summary']['pretrial_days'], d['summary']['pretrial_ongoing']) == (29, False)" \
	"(d['summary']['pretrial_start'], d['summary']['pretrial_start_view']) == ('2026-11-02', 'ngo')" \
	"d['summary']['pretrial_start_disputed'] == {'date': '2026-11-04', 'view': 'government', 'days': 27}"
ok cw export --timeline "Sok Chanthea" --format json
json "d['summary']['pretrial_start_disputed'] == {'date': '2026-11-04', 'view': 'government', 'days': 27}"
# The verdict's week: the acquitted co-defendant's rows carry no sentence in any format (the
# JSON gave him Sok Chanthea's 18 months), and no custody beside the ruling in JSON either, as
# the other formats' rows give none (his case's entry still says "detained").
ok cw report --week 2026-W49 --format json
json "[(v['person']['name'], v['article'], v['result'], v['sentence'], [p['amount'] for p in v['sentence_parts']]) for v in d['verdicts']] == [('Sok Chanthea', '494', 'convicted', 'Sok Chanthea: 18 months', ['18 months']), ('Sok Chanthea', '495', 'convicted', 'Sok Chanthea: 18 months', ['18 months']), ('Thạch Sophéap', '494', 'acquitted', None, []), ('Thạch Sophéap', '495', 'acquitted', None, [])]" \
	"all(x['custody'] is None for v in d['verdicts'] for x in v['case']['defendants'])"
ok cw report --week 2026-W49 --format csv
[ "$(printf '%s\n' "$out" | grep -c '^verdicts,.*Thạch Sophéap.*,acquitted,.*18 months')" -eq 0 ] ||
	fail "a CSV row of the acquittal gives the sentence"
checks=$((checks + 1))
ok cw report --week 2026-W49
has "| Thạch Sophéap | Svay Rieng land protest | Svay Rieng Provincial Court of First Instance (the case's court now) | 494 | acquitted |  |"
# A week they were held: the row's date is the NGO's, so its source is the NGO's statement,
# numbered in the Sources list (the trial found neither statement anywhere in the report, the
# CSV's source "own observation" and the JSON's view "own"); the government's date is quoted
# with its own source.
week 2026-W47
out=$(cat "$WORK/week.md")
has "| Sok Chanthea (សុខ ចាន់ថា) | Svay Rieng land protest | own observation, NGO \[1\] | 2026-11-02 | 20 | government dates its start 2026-11-04: 18 days (source: Provincial police press release) |"
has "| \[1\] | ADHOC statement, 3 Nov 2026 |"
has "| Thạch Sophéap | Svay Rieng land protest | own observation | 2026-11-03 | 19 |  |"
for f in md html csv; do row $f "(source: Provincial police press release)"; done
out=$(cat "$WORK/week.csv")
has '"ADHOC statement, 3 Nov 2026",'
has ',own observation,'
out=$(cat "$WORK/week.json")
json "[(p['person']['name'], p['view'], p['source'], p['case_view'], p['case_source']) for p in d['pretrial_detention']] == [('Sok Chanthea', 'ngo', 'ADHOC statement, 3 Nov 2026', 'own', 'own observation'), ('Thạch Sophéap', 'own', 'own observation', 'own', 'own observation')]" \
	"d['pretrial_detention'][0]['start_disputed'] == {'date': '2026-11-04', 'view': 'government', 'days': 18, 'source': 'Provincial police press release'}"
inpdf "(source: Provincial police press release)"
inpdf "ADHOC statement, 3 Nov 2026"
# Both sources marked confidential: a report for others cites neither, in any format; with
# --include-confidential it does, and counts the two records among what it holds.
ok cw edit "$ngo" --confidential-field source
gov=$(cw list records --kind milestone --account government --json | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
ok cw edit "$gov" --confidential-field source
for f in csv json html md; do
	ok cw report --week 2026-W47 --format $f
	lacks "ADHOC"
	lacks "press release"
	has "government dates its start 2026-11-04: 18 days"
done
lacks "## Sources" # (in the Markdown, the loop's last)
ok cw report --week 2026-W47 --include-confidential --format json
json "d['pretrial_detention'][0]['source'] == 'ADHOC statement, 3 Nov 2026'" \
	"d['pretrial_detention'][0]['start_disputed']['source'] == 'Provincial police press release'" \
	"d['confidential']['records_included'] == 2"
# The undisputed co-defendant: counted from his arrest, nothing else said.
ok cw timeline "Thạch Sophéap"
has "pretrial detention: 28 days (to 2026-12-01)"
lacks "counted from"
# Arrested "in December 2026" by a newspaper, in the report of a week of that December that
# ends today: perhaps detained only after it, at least 0 days as the man page says (the JSON
# gave null: a partner's trial).
export CASEWATCH_NOW=2026-12-06T08:00:00Z
ok cw person add --name "Month Man"
ok cw case add --title "Month man case" --defendant "Month Man" --custody detained --charge 494 \
	--view media
ok cw log milestone --person "Month Man" --case "Month man case" --type arrest --date 2026-12 \
	--view media
ok cw report --week 2026-W49 --format json
json "[(p['days'], p['days_at_least'], p['standing']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Month Man'] == [(None, 0, 'may_begin_after_end')]"
unset CASEWATCH_NOW

# ---- met at a prison visit of the week, their case entered after it (opened since, or recorded
# here since with no date for its entry): the visit is what the records give of their being
# held that day, so they are listed with those held with no dated arrest, from it, with no
# days (they were not: "not among those held"). Not one met at a visit refused access, nor
# one whose arrest in the case is logged after the visit (taken then), nor a confidential case.
DB="$WORK/met"
export CASEWATCH_NOW=2024-06-01T03:00:00Z
ok cw init
for p in "Late Opened" "Late Recorded" "Refused Met" "Taken Later" "Secret Met"; do
	ok cw person add --name "$p"
done
ok cw case add --title "Late opened case" --opened 2024-05-20 --defendant "Late Opened" \
	--custody detained --stage pretrial --charge 494 --view own
ok cw case add --title "Late recorded case" --defendant "Late Recorded" --custody detained \
	--stage investigation --charge 494 --view ngo
ok cw case add --title "Refused case" --opened 2024-05-20 --defendant "Refused Met" \
	--custody detained --stage pretrial --charge 494 --view own
ok cw case add --title "Taken later case" --opened 2024-05-20 --defendant "Taken Later" \
	--custody detained --stage pretrial --charge 494 --view own
ok cw log milestone --person "Taken Later" --case "Taken later case" --type arrest \
	--date 2024-05-20 --view own
ok cw case add --title "Secret met case" --opened 2024-05-20 --defendant "Secret Met" \
	--custody detained --stage pretrial --charge 494 --view own --confidential
ok cw log visit --facility "Correctional Center 1" --date 2024-04-09 --detainee "Late Opened" \
	--access granted --view own
ok cw log visit --facility "Correctional Center 1" --date 2024-04-12 --detainee "Late Opened" \
	--detainee "Late Recorded" --detainee "Taken Later" --detainee "Secret Met" \
	--access granted --view own
ok cw log visit --facility "Correctional Center 2" --date 2024-04-11 --detainee "Refused Met" \
	--access denied --view own
week 2024-W15
row md "| Late Opened | Late opened case | own observation |  |  | no dated arrest or detention logged: met at the prison visit of 2024-04-12, and the case, entered after the period, records them as detained; their days are not known |"
row md "| Late Recorded | Late recorded case | NGO, own observation |  |  | no dated arrest or detention logged: met at the prison visit of 2024-04-12"
row md "2 people are recorded as held before a verdict by the entry of their case, with no dated arrest or detention logged, so their days are not counted (listed in the detention table); 2 of them were met at a prison visit of the period, their case entered after it"
for who in "Refused Met" "Taken Later" "Secret Met"; do
	norow md "| $who |"
done
row html "met at the prison visit of 2024-04-12, and the case, entered after the period"
row csv "met at the prison visit of 2024-04-12, and the case, entered after the period"
inpdf "met at the prison visit of 2024-04-12, and the case, entered after the period"
out=$(cat "$WORK/week.json")
json "[(x['person']['name'], x['case_title'], x['known_as_of'], x['case_recorded_on'], x['met_at_visit']['date']) for x in d['held_no_arrest_logged']] == [('Late Recorded', 'Late recorded case', None, None, '2024-04-12'), ('Late Opened', 'Late opened case', None, None, '2024-04-12')]" \
	"all(len(x['met_at_visit']['visit']) == 32 for x in d['held_no_arrest_logged'])" \
	"d['held_no_arrest_logged_people'] == {'people': 2, 'at_least': False, 'named': 2, 'held_again': 0, 'met_at_visit': 2}" \
	"d['pretrial_detention'] == []"
# the week before the visits: nothing says they were held then
ok cw report --week 2024-W14 --format json
json "d['held_no_arrest_logged'] == [] and d['held_no_arrest_logged_people']['met_at_visit'] == 0"
# a person's report: them alone; once the case is known (its week), listed by its entry
ok cw report --week 2024-W15 --person "Late Opened" --format json
json "[x['person']['name'] for x in d['held_no_arrest_logged']] == ['Late Opened']"
# a case's report alike: a filter narrows the period's visits to what it asks, and a visit names
# no case (the row was lost under --case); the visit's account is still the filter's to keep
ok cw report --week 2024-W15 --case "Late opened case" --format json
json "[(x['person']['name'], x['met_at_visit']['date']) for x in d['held_no_arrest_logged']] == [('Late Opened', '2024-04-12')] and d['held_no_arrest_logged_people']['met_at_visit'] == 1"
ok cw report --week 2024-W15 --case "Late recorded case" --account own --account ngo --format json
json "[(x['person']['name'], x['met_at_visit']['date']) for x in d['held_no_arrest_logged']] == [('Late Recorded', '2024-04-12')]"
ok cw report --week 2024-W15 --case "Late recorded case" --account ngo --format json
json "d['held_no_arrest_logged'] == [] and d['held_no_arrest_logged_people']['people'] == 0"
# The row stands on the visit, as a detainee's row stands on the arrest it counts from: the
# visit's account is the one --account asks for, the case (the NGO's) only saying that they are
# held, whatever its account. A report of the team's own visits lists whom they met.
ok cw report --week 2024-W15 --case "Late recorded case" --account own --format json
json "[(x['person']['name'], x['met_at_visit']['date']) for x in d['held_no_arrest_logged']] == [('Late Recorded', '2024-04-12')] and d['held_no_arrest_logged_people']['met_at_visit'] == 1"
ok cw report --week 2024-W15 --account own --format json
json "sorted(x['person']['name'] for x in d['held_no_arrest_logged']) == ['Late Opened', 'Late Recorded']"
ok cw report --week 2024-W21 --format json
json "[(x['person']['name'], x['known_as_of'], x['met_at_visit']) for x in d['held_no_arrest_logged'] if x['person']['name'] == 'Late Opened'] == [('Late Opened', '2024-05-20', None)]"
# with confidential records put in, the secret case's defendant too
ok cw report --week 2024-W15 --format json --include-confidential
json "'Secret Met' in [x['person']['name'] for x in d['held_no_arrest_logged']]"
# met only at a confidential visit: nothing for partners, a case's report included; put in on
# request, the row gives the visit, and the header counts it as material it holds
ok cw person add --name "Hidden Visit"
ok cw case add --title "Hidden visit case" --opened 2024-05-20 --defendant "Hidden Visit" \
	--custody detained --stage pretrial --charge 494 --view own
ok cw log visit --facility "Correctional Center 3" --date 2024-04-10 --detainee "Hidden Visit" \
	--access granted --view own --confidential
for f in "" "--case Hidden"; do
	ok cw report --week 2024-W15 $f --format json
	json "'Hidden Visit' not in [x['person'] and x['person']['name'] for x in d['held_no_arrest_logged']]"
done
ok cw report --week 2024-W15 --case "Hidden visit case" --include-confidential --format json
json "[(x['person']['name'], x['met_at_visit']['date']) for x in d['held_no_arrest_logged']] == [('Hidden Visit', '2024-04-10')] and d['confidential']['records_included'] == 1"
# Ten more whose cases knew them held in March: twelve named, ten listed, "those recorded most
# recently", and those met are (their cases entered after the week: they were listed last,
# then cut, while the summary said the most recent were listed)
for i in 01 02 03 04 05 06 07 08 09 10; do
	ok cw person add --name "March $i"
	ok cw case add --title "March case $i" --opened "2024-03-$i" --defendant "March $i" \
		--custody detained --stage pretrial --charge 494 --view own
done
week 2024-W15
row md "12 people are recorded as held before a verdict by the entry of their case, with no dated arrest or detention logged, so their days are not counted (listed in the detention table); 10 of the 12 named are listed, those recorded most recently; 2 of them were met at a prison visit of the period"
out=$(cat "$WORK/week.json")
json "[x['person']['name'] for x in d['held_no_arrest_logged']] == ['Late Recorded', 'Late Opened'] + ['March %02d' % i for i in range(10, 2, -1)]" \
	"d['held_no_arrest_logged_people'] == {'people': 12, 'at_least': False, 'named': 12, 'held_again': 0, 'met_at_visit': 2}"
for f in md html csv; do
	row $f "met at the prison visit of 2024-04-12"
	norow $f "March 02"
done
# Held again in such a case: arrested and bailed, both logged in it, then met in prison at a
# visit of the week. The visit is what the records give of their being held again after the
# release: listed with the end and the visit, never with days (neither the day they were taken
# again nor their days since are known), counted among those held again and those met (found by
# a review: a case with any arrest logged was passed over). Not when an arrest of theirs in it
# is dated after the visit (it says when they were taken), nor when the visit is confidential,
# for others. One whose release may have come after the visit (dated only to its month), and,
# for others, one whose release is confidential (they see an arrest with no end), are counted
# from the arrest as before.
DB="$WORK/metagain"
ok cw init
for p in "Held Again" "Taken After" "Month Release" "Secret Release" "Secret Seen"; do
	ok cw person add --name "$p"
	ok cw case add --title "$p case" --opened 2024-05-20 --defendant "$p" --custody detained \
		--stage pretrial --charge 494 --view own
	ok cw log milestone --person "$p" --case "$p case" --type arrest --date 2024-01-10 --view own
done
for p in "Held Again" "Taken After" "Secret Seen"; do
	ok cw log milestone --person "$p" --case "$p case" --type bail --outcome granted \
		--date 2024-02-01 --view own
done
ok cw log milestone --person "Taken After" --case "Taken After case" --type arrest \
	--date 2024-05-02 --view own
ok cw log milestone --person "Month Release" --case "Month Release case" --type release \
	--date 2024-04 --view own
ok cw log milestone --person "Secret Release" --case "Secret Release case" --type bail \
	--outcome granted --date 2024-02-01 --view own --confidential
ok cw log visit --facility "Correctional Center 1" --date 2024-04-12 --detainee "Held Again" \
	--detainee "Taken After" --detainee "Month Release" --detainee "Secret Release" \
	--access granted --lawyer-access "Held Again=denied" --view own
ok cw log visit --facility "Correctional Center 2" --date 2024-04-11 --detainee "Secret Seen" \
	--access granted --view own --confidential
week 2024-W15
again="their last detention logged ended on 2024-02-01, and they were met at the prison visit of 2024-04-12 with no arrest or detention logged since; the case, entered after the period, records them as detained; their days since are not known"
row md "| Held Again | Held Again case | own observation |  |  | $again; lawyer access denied at the prison visit of 2024-04-12 (account: own observation) |"
row md "1 of them is held again after their last detention logged ended; 1 of them was met at a prison visit of the period, their case entered after it"
for f in html csv; do
	row $f "$again"
done
inpdf "$again"
for who in "Taken After" "Secret Seen"; do
	norow md "| $who |"
done
out=$(cat "$WORK/week.json")
# the two whose release the report does not see before the visit are counted from the arrest
json "sorted(p['person']['name'] for p in d['pretrial_detention']) == ['Month Release', 'Secret Release']" \
	"[(x['person']['name'], x['last_detention_ended'], x['met_at_visit']['date'], x['known_as_of']) for x in d['held_no_arrest_logged']] == [('Held Again', '2024-02-01', '2024-04-12', None)]" \
	"d['held_no_arrest_logged_people'] == {'people': 1, 'at_least': False, 'named': 1, 'held_again': 1, 'met_at_visit': 1}"
# a case's report, and the visit's account asked for: the row stands on the visit
for f in "--case Held" "--account own" "--person Held"; do
	ok cw report --week 2024-W15 $f --format json
	json "[(x['person']['name'], x['last_detention_ended'], x['met_at_visit']['date']) for x in d['held_no_arrest_logged']] == [('Held Again', '2024-02-01', '2024-04-12')] and d['held_no_arrest_logged_people']['held_again'] == 1"
done
ok cw report --week 2024-W15 --account ngo --format json
json "d['held_no_arrest_logged'] == []"
# the week before the visit: nothing says they were held again then
ok cw report --week 2024-W14 --format json
json "d['held_no_arrest_logged'] == [] and d['held_no_arrest_logged_people']['held_again'] == 0"
# with confidential records put in: the secret release's person (that release counted in the
# header, as the visit that met the other), and the one met only at the secret visit
ok cw report --week 2024-W15 --include-confidential --format json
json "sorted((x['person']['name'], x['last_detention_ended'], x['met_at_visit']['date']) for x in d['held_no_arrest_logged']) == [('Held Again', '2024-02-01', '2024-04-12'), ('Secret Release', '2024-02-01', '2024-04-12'), ('Secret Seen', '2024-02-01', '2024-04-11')]" \
	"d['held_no_arrest_logged_people']['held_again'] == 3 and d['confidential']['records_included'] == 2"
# A detention logged in another case of theirs after the end, before the visit (found by a
# review): "their last detention logged ended on 2024-02-01 ... with no arrest or detention
# logged since" would be untrue. Ended before the visit (Other Later: 2024-03-01 to
# 2024-03-20), it is their last detention logged, and the row is held again since its end
# (found by a later review: the person was dropped). An arrest there with no end, the case
# saying they are released (Other Open: that counts no detention, and the summary did not
# see it), gives no end: the visit may be of that detention, and they are not listed so. One
# logged in another case and ended before the end in this one leaves the row as it is.
DB="$WORK/metother"
ok cw init
for p in "Other Later" "Other Earlier" "Other Open"; do
	ok cw person add --name "$p"
	ok cw case add --title "$p A" --opened 2024-05-20 --defendant "$p" --custody detained \
		--stage pretrial --charge 494 --view own
	ok cw case add --title "$p B" --opened 2023-12-01 --defendant "$p" --custody released \
		--stage pretrial --charge 494 --view own
	ok cw log milestone --person "$p" --case "$p A" --type arrest --date 2024-01-10 --view own
	ok cw log milestone --person "$p" --case "$p A" --type bail --outcome granted \
		--date 2024-02-01 --view own
done
ok cw log milestone --person "Other Later" --case "Other Later B" --type arrest --date 2024-03-01 \
	--view own
ok cw log milestone --person "Other Later" --case "Other Later B" --type release \
	--date 2024-03-20 --view own
ok cw log milestone --person "Other Earlier" --case "Other Earlier B" --type arrest \
	--date 2023-12-01 --view own
ok cw log milestone --person "Other Earlier" --case "Other Earlier B" --type release \
	--date 2023-12-20 --view own
ok cw log milestone --person "Other Open" --case "Other Open B" --type arrest --date 2024-03-01 \
	--view own
ok cw log visit --facility "Correctional Center 1" --date 2024-04-12 --detainee "Other Later" \
	--detainee "Other Earlier" --detainee "Other Open" --access granted --view own
week 2024-W15
later="their last detention logged ended on 2024-03-20, and they were met at the prison visit of 2024-04-12 with no arrest or detention logged since; the case, entered after the period, records them as detained; their days since are not known"
row md "| Other Later | Other Later A | own observation |  |  | $later |"
row csv ",Other Later,,,,,,,\"$later\""
for f in md csv; do
	norow $f "Other Open A"
done
row md "2 of them are held again after their last detention logged ended"
out=$(cat "$WORK/week.json")
json "sorted((x['person']['name'], x['case_title'], x['last_detention_ended'], x['met_at_visit']['date']) for x in d['held_no_arrest_logged']) == [('Other Earlier', 'Other Earlier A', '2024-02-01', '2024-04-12'), ('Other Later', 'Other Later A', '2024-03-20', '2024-04-12')]"
json "d['held_no_arrest_logged_people'] == {'people': 2, 'at_least': False, 'named': 2, 'held_again': 2, 'met_at_visit': 2}"
# the week before the release in the other case (the visit of 2024-03-14 meets them while it
# runs): no end to be held again since, nor an entry known by then
ok cw log visit --facility "Correctional Center 1" --date 2024-03-14 --detainee "Other Later" \
	--access granted --view own
ok cw report --week 2024-W11 --person "Other Later" --format json
json "d['held_no_arrest_logged'] == [] and d['held_no_arrest_logged_people']['held_again'] == 0"
# The same of a case entered in time, held again by its entry (as of 2024-04-01) after a release
# logged in it (found by a review: the end was taken from that case alone). A detention logged
# in another case after that end, by the period's end, makes "their last detention logged ended
# on 2024-02-10 ... with no arrest or detention logged since" untrue. Released before the entry
# (Released Elsewhere), that release is the end of their last detention, and the row is held
# again since it, counted so (found by a later review: the person was dropped). An arrest there
# with no release (Arrested Elsewhere: the case says released, so they are not held in it, and
# nothing says when it ended), or one released only after the entry's as-of date (Taken
# Elsewhere: the entry may be of that detention), leaves no end they are held again since: not
# listed so, nor counted. One logged in another case that ended before the release leaves the
# row and the count as they were.
DB="$WORK/againother"
ok cw init
for p in "Arrested Elsewhere" "Released Elsewhere" "Taken Elsewhere" "Before Elsewhere"; do
	ok cw person add --name "$p"
	ok cw case add --title "$p A" --stage pretrial --as-of 2024-04-01 --defendant "$p" \
		--custody detained --charge 494 --view ngo
	ok cw log milestone --person "$p" --case "$p A" --type arrest --date 2024-01-05 --view ngo
	ok cw log milestone --person "$p" --case "$p A" --type release --date 2024-02-10 --view ngo
	ok cw case add --title "$p B" --opened 2023-12-01 --defendant "$p" --custody released \
		--stage pretrial --charge 494 --view ngo
done
ok cw log milestone --person "Arrested Elsewhere" --case "Arrested Elsewhere B" --type arrest \
	--date 2024-03-01 --view ngo
for when in "Released Elsewhere 2024-03-01 2024-03-20" "Taken Elsewhere 2024-04-10 2024-04-20" \
	"Before Elsewhere 2023-12-01 2023-12-20"; do
	set -- $when
	ok cw log milestone --person "$1 $2" --case "$1 $2 B" --type arrest --date "$3" --view ngo
	ok cw log milestone --person "$1 $2" --case "$1 $2 B" --type release --date "$4" --view ngo
done
week 2024-W18
again="their last detention logged ended on 2024-02-10, and the case records them as detained again as of 2024-04-01 with no arrest or detention logged since; their days since are not known"
elsewhere="their last detention logged ended on 2024-03-20, and the case records them as detained again as of 2024-04-01 with no arrest or detention logged since; their days since are not known"
for f in md csv html; do
	row $f "$again"
	row $f "$elsewhere"
	for who in "Arrested Elsewhere" "Taken Elsewhere"; do
		norow $f "$who"
	done
done
row md "| Before Elsewhere | Before Elsewhere A | NGO |  |  | $again |"
row md "| Released Elsewhere | Released Elsewhere A | NGO |  |  | $elsewhere |"
row csv ",Released Elsewhere,,,,,,,\"$elsewhere\""
row md "2 people are recorded as held before a verdict by the entry of their case, with no dated arrest or detention logged, so their days are not counted (listed in the detention table); 2 of them are held again after their last detention logged ended"
out=$(cat "$WORK/week.json")
json "sorted((x['person']['name'], x['case_title'], x['last_detention_ended']) for x in d['held_no_arrest_logged']) == [('Before Elsewhere', 'Before Elsewhere A', '2024-02-10'), ('Released Elsewhere', 'Released Elsewhere A', '2024-03-20')]"
json "d['held_no_arrest_logged_people'] == {'people': 2, 'at_least': False, 'named': 2, 'held_again': 2, 'met_at_visit': 0}"
json "d['pretrial_detention'] == []"
ok cw report --week 2024-W18 --person "Released Elsewhere" --format json
json "[(x['person']['name'], x['last_detention_ended'], x['known_as_of']) for x in d['held_no_arrest_logged']] == [('Released Elsewhere', '2024-03-20', '2024-04-01')] and d['held_no_arrest_logged_people']['held_again'] == 1"
for who in "Arrested Elsewhere" "Taken Elsewhere"; do
	ok cw report --week 2024-W18 --person "$who" --format json
	json "d['held_no_arrest_logged'] == [] and d['held_no_arrest_logged_people']['held_again'] == 0"
done
# the week before the other case's arrest of April: their last detention logged then was the
# one the release ended, and the row is as it was
ok cw report --week 2024-W14 --person "Taken Elsewhere" --format json
json "[(x['person']['name'], x['last_detention_ended']) for x in d['held_no_arrest_logged']] == [('Taken Elsewhere', '2024-02-10')]"

# ---- held again, asked of every day from the entry's as-of date: a detention another case
# logged before the release, with no end (Held Throughout: the other case says released, and
# nothing says when that custody ended), leaves no end they are held again since: not listed so,
# nor counted (found by a scan that asks day by day; the report looked only at detentions
# logged after the release). A custody that carried out a ruling (an arrest after the verdict:
# no pretrial detention) is a detention all the same: ended by the release, it is their last
# (Served Before, listed since the release); ended later in another case, before the entry's
# as-of date, its end is the row's (Served Elsewhere); both were dropped, the summary counting
# no pretrial detention of theirs to an end.
DB="$WORK/againopen"
ok cw init
for p in "Held Throughout" "Served Before" "Served Elsewhere"; do
	ok cw person add --name "$p"
	ok cw case add --title "$p A" --stage pretrial --as-of 2024-04-01 --defendant "$p" \
		--custody detained --charge 494 --view ngo
	ok cw case add --title "$p B" --opened 2023-01-01 --defendant "$p" --custody released \
		--stage pretrial --charge 494 --view ngo
done
ok cw log milestone --person "Held Throughout" --case "Held Throughout A" --type arrest \
	--date 2024-01-05 --view ngo
ok cw log milestone --person "Held Throughout" --case "Held Throughout A" --type release \
	--date 2024-02-10 --view ngo
ok cw log milestone --person "Held Throughout" --case "Held Throughout B" \
	--type "pretrial detention" --date 2023-12-20 --view ngo
ok cw log milestone --person "Served Before" --case "Served Before A" --type verdict \
	--date 2023-06-01 --view ngo
for p in "Served Before" "Served Elsewhere"; do
	ok cw log milestone --person "$p" --case "$p A" --type arrest --date 2024-01-05 --view ngo
	ok cw log milestone --person "$p" --case "$p A" --type release --date 2024-02-10 --view ngo
done
ok cw log milestone --person "Served Elsewhere" --case "Served Elsewhere B" --type verdict \
	--date 2023-06-01 --view ngo
ok cw log milestone --person "Served Elsewhere" --case "Served Elsewhere B" --type arrest \
	--date 2024-03-01 --view ngo
ok cw log milestone --person "Served Elsewhere" --case "Served Elsewhere B" --type release \
	--date 2024-03-15 --view ngo
ok cw report --week 2024-W18 --format json
json "sorted((x['person']['name'], x['case_title'], x['last_detention_ended']) for x in d['held_no_arrest_logged']) == [('Served Before', 'Served Before A', '2024-02-10'), ('Served Elsewhere', 'Served Elsewhere A', '2024-03-15')]" \
	"d['held_no_arrest_logged_people']['held_again'] == 2 and d['held_no_arrest_logged_people']['named'] == 2" \
	"'Held Throughout' not in json.dumps(d['pretrial_detention'])"
ok cw report --week 2024-W18 --format md
has "their last detention logged ended on 2024-03-15, and the case records them as detained again as of 2024-04-01"
lacks "Held Throughout"

# ---- held again, by the day-by-day rule (found by a review): the row is dropped when any case of
# theirs has them in custody on the entry's as-of date (from an arrest or detention, or a record
# finding them held, to the end that case logged: an end dated to a month holds the whole month,
# one dated to a month ends a start of that month, a granted bail gives way to the release after
# it, an undated end gives way to a dated one), and listed otherwise with the latest end of any
# custody of theirs before that date. Custodies carrying out a ruling (an arrest after a verdict)
# count as any other: one overlapping the as-of date (Overlap Ruling; Two Later, where another
# case's began before the first ended) drops the row; one ended before it gives its end (Overlap
# Ended). A release dated to the month of its arrest (Month End) or an arrest dated only to a
# month (Month Start) ends within that month. A refusal in another case between the end and the
# as-of date, followed by a release there (Refused Then Freed), is a custody ended before it. A
# release dated only to the month holding the as-of date (Month Over) may come after it: dropped.
# A refused bail at a hearing that only names them (Named At Hearing: two defendants attend, the
# decision is no one's by the record) does not find them held.
DB="$WORK/againday"
ok cw init
for p in "Overlap Ruling" "Overlap Ended" "Two Later" "Month End" "Month Start" "Undated End" \
	"Refused Then Freed" "Bail Then Release" "Month Over" "Named At Hearing"; do
	ok cw person add --name "$p"
	asof=2024-04-01
	[ "$p" = "Month Over" ] && asof=2024-02-20
	ok cw case add --title "$p A" --stage pretrial --as-of $asof --defendant "$p" \
		--custody detained --charge 494 --view ngo
	ok cw log milestone --person "$p" --case "$p A" --type arrest --date 2024-01-05 --view ngo
	freed=2024-02-10
	[ "$p" = "Month Start" ] && freed=2024-03-10
	ok cw log milestone --person "$p" --case "$p A" --type release --date $freed --view ngo
	ok cw case add --title "$p B" --opened 2023-01-01 --defendant "$p" --custody released \
		--stage pretrial --charge 494 --view ngo
done
ok cw person add --name "Co Accused"
ok cw case add --title "Two Later C" --opened 2023-01-01 --defendant "Two Later" \
	--custody released --stage pretrial --charge 494 --view ngo
ok cw case add --title "Named At Hearing C" --opened 2023-01-01 --defendant "Named At Hearing" \
	--custody released --defendant "Co Accused" --custody released --stage pretrial \
	--charge 494 --view ngo
# each line: person, case, type, date, outcome (- for none)
while read -r who kase type date outcome; do
	who=$(echo "$who" | tr _ ' ')
	kase=$(echo "$kase" | tr _ ' ')
	set -- --person "$who" --case "$kase" --type "$type" --view ngo
	[ "$date" = - ] || set -- "$@" --date "$date"
	[ "$outcome" = - ] || set -- "$@" --outcome "$outcome"
	ok cw log milestone "$@"
done <<'LOG'
Overlap_Ruling Overlap_Ruling_B verdict 2023-06-01 -
Overlap_Ruling Overlap_Ruling_B arrest 2024-01-20 -
Overlap_Ruling Overlap_Ruling_B release 2024-04-20 -
Overlap_Ended Overlap_Ended_B verdict 2023-06-01 -
Overlap_Ended Overlap_Ended_B arrest 2024-01-20 -
Overlap_Ended Overlap_Ended_B release 2024-03-20 -
Two_Later Two_Later_B verdict 2023-06-01 -
Two_Later Two_Later_B arrest 2024-03-01 -
Two_Later Two_Later_B release 2024-03-10 -
Two_Later Two_Later_C verdict 2023-06-01 -
Two_Later Two_Later_C arrest 2024-03-05 -
Two_Later Two_Later_C release 2024-04-20 -
Month_End Month_End_B arrest 2024-03-03 -
Month_End Month_End_B release 2024-03 -
Month_Start Month_Start_B arrest 2024-03 -
Month_Start Month_Start_B release 2024-03-05 -
Undated_End Undated_End_B verdict 2023-06-01 -
Undated_End Undated_End_B arrest 2024-03-01 -
Undated_End Undated_End_B release - -
Undated_End Undated_End_B release 2024-03-20 -
Refused_Then_Freed Refused_Then_Freed_B bail 2024-02-20 refused
Refused_Then_Freed Refused_Then_Freed_B release 2024-03-01 -
Bail_Then_Release Bail_Then_Release_B verdict 2023-06-01 -
Bail_Then_Release Bail_Then_Release_B arrest 2024-03-01 -
Bail_Then_Release Bail_Then_Release_B bail 2024-03-05 granted
Bail_Then_Release Bail_Then_Release_B release 2024-03-08 -
Month_Over Month_Over_B arrest 2024-01-20 -
Month_Over Month_Over_B release 2024-02 -
LOG
ok cw log hearing --case "Named At Hearing C" --date 2024-02-20 --present "Named At Hearing" \
	--present "Co Accused" --outcome bail_decision --bail refused --view ngo
ok cw report --week 2024-W18 --format json
json "sorted((x['person']['name'], x['last_detention_ended']) for x in d['held_no_arrest_logged']) == [('Bail Then Release', '2024-03-08'), ('Month End', '2024-03'), ('Month Start', '2024-03-10'), ('Named At Hearing', '2024-02-10'), ('Overlap Ended', '2024-03-20'), ('Refused Then Freed', '2024-03-01'), ('Undated End', '2024-03-20')]" \
	"d['held_no_arrest_logged_people']['held_again'] == 7"
unset CASEWATCH_NOW
echo "report_detained: $checks checks passed"
