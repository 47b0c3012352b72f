#!/bin/sh
# A hearing's verdict that names no one ends the pretrial detention of those the hearing's own
# record says it tried (its attendance, present or absent, and whom its verdicts and sentence
# name), as its row in the report lists them, not of every defendant the case has now: a
# co-defendant its attendance leaves out, and one added to the case after it and arrested
# since, are still held, with their days counted, in the timeline and in the report's list of
# those held (which the detention index finds), and their charges are not moved by it. Only a
# hearing whose record names no one is the case's defendants'. Editing the hearing's attendance, or the case's defendants, moves the
# index with it, and verify finds it as the records make it.
. "$TESTLIB"
set -e
export CASEWATCH_NOW=2024-06-10T03:00:00Z

ok cw init
for n in "Meas Sophea" "Sok Dara" "Kim Rithy" "Ny Nak" "Chan Vuthy" "Theng Savoeun"; do
	ok cw person add --name "$n"
done
# Meas Sophea and Sok Dara, both detained since 10 January; the verdict, naming no one, is
# given at a sitting that had Meas Sophea alone.
ok cw case add --title "Land case" --stage trial \
	--defendant "Meas Sophea" --custody detained --charge 494/495 \
	--defendant "Sok Dara" --custody detained --charge 494/495
ok cw log milestone --person "Meas Sophea" --case "Land case" --type arrest --date 2024-01-10 \
	--source "own observation"
ok cw log milestone --person "Sok Dara" --case "Land case" --type arrest --date 2024-01-10 \
	--source "own observation"
ok cw log hearing --case "Land case" --date 2024-03-06 --source "own observation" \
	--present "Meas Sophea" --outcome verdict --verdict "494=convicted"
hearing=$(added_id hearing)
# Kim Rithy is added to the case afterwards, arrested on 1 April and detained since.
ok cw edit "Land case" --defendant "Kim Rithy" --custody detained --charge 494/495
ok cw log milestone --person "Kim Rithy" --case "Land case" --type arrest --date 2024-04-01 \
	--source "own observation"
ok cw verify
has "0 problems"

# The one tried: held from 10 January to the verdict.
ok cw timeline "Meas Sophea"
has "pretrial detention: 56 days (to 2024-03-06)"
# The verdict was not on the others: still held, counted to today.
ok cw timeline "Sok Dara"
has "pretrial detention: 152 days and counting"
# ... and it did not rule on them either: their stage is not said to be older than it, and
# their charge is not convicted (it read "convicted: 494" beside a detention running).
lacks "came after"
has "charges: charged: 494, 495"
ok cw timeline "Meas Sophea"
has "charges: charged: 495; convicted: 494"
ok cw timeline "Kim Rithy"
has "pretrial detention: 70 days and counting"
lacks "came after"

# The report's list of those held: both, with their days; not the one tried.
week 2024-W24
row md "| Sok Dara | Land case | not recorded, own observation | 2024-01-10 | 152 |"
row md "| Kim Rithy | Land case | not recorded, own observation | 2024-04-01 | 70 |"
norow md "| Meas Sophea | Land case |"
out=$(cat "$WORK/week.json")
json "[(p['person']['name'], p['since'], p['days'], p['standing']) for p in d['pretrial_detention']] == [('Sok Dara', '2024-01-10', 152, 'held_at_period_end'), ('Kim Rithy', '2024-04-01', 70, 'held_at_period_end')]"
# A report of the week of the verdict: Meas Sophea's detention ended in it, Sok Dara's ran on.
ok cw report --week 2024-W10 --format json
json "[(p['person']['name'], p['days']) for p in d['pretrial_detention']] == [('Sok Dara', 60)]"

# Sok Dara was at the sitting after all: the edited attendance ends her detention too.
ok cw edit "$hearing" --absent "Sok Dara"
ok cw verify
has "0 problems"
ok cw timeline "Sok Dara"
has "pretrial detention: 56 days (to 2024-03-06)"
# ... and the verdict rules on her charge now.
has "charges: charged: 495; convicted: 494"
ok cw timeline "Kim Rithy"
has "pretrial detention: 70 days and counting"
has "charges: charged: 494, 495"
ok cw report --week 2024-W24 --format json
json "[(p['person']['name'], p['days']) for p in d['pretrial_detention']] == [('Kim Rithy', 70)]"
# A defendant added to the case now, held since May, is not ruled on by that verdict either.
ok cw edit "Land case" --defendant "Chan Vuthy" --custody detained --charge 494/495
ok cw log milestone --person "Chan Vuthy" --case "Land case" --type pretrial_detention \
	--date 2024-05-02 --source "own observation"
ok cw verify
has "0 problems"
ok cw report --week 2024-W24 --format json
json "[(p['person']['name'], p['days']) for p in d['pretrial_detention']] == [('Kim Rithy', 70), ('Chan Vuthy', 39)]"

# A hearing whose record names no one: only the case can say whom its verdict was on, and it
# ends the detention of the case's defendants.
ok cw case add --title "Nak incitement" --stage trial --defendant "Ny Nak" --custody detained \
	--charge 494/495
ok cw log milestone --person "Ny Nak" --case "Nak incitement" --type arrest --date 2024-02-01 \
	--source "own observation"
ok cw log hearing --case "Nak incitement" --date 2024-05-02 --source "own observation" \
	--outcome verdict --verdict "494/495=convicted"
ok cw timeline "Ny Nak"
has "pretrial detention: 91 days (to 2024-05-02)"
ok cw report --week 2024-W24 --format json
json "'Ny Nak' not in [p['person']['name'] for p in d['pretrial_detention']]"

# A verdict milestone of a co-defendant the sitting did not try, of the day of the verdict
# that names no one, is a ruling of its own: the report lists it beside the hearing's.
ok cw case add --title "Forest case" --stage trial --defendant "Theng Savoeun" --charge 494/495 \
	--defendant "Chan Vuthy" --charge 494/495
ok cw log hearing --case "Forest case" --date 2024-06-05 --source "own observation" \
	--present "Theng Savoeun" --outcome verdict --verdict "494=convicted"
ok cw log milestone --person "Chan Vuthy" --case "Forest case" --type verdict --date 2024-06-05 \
	--source "own observation"
ok cw report --week 2024-W23 --format json
json "sorted((v['person'] or {}).get('name') for v in d['verdicts']) == ['Chan Vuthy', 'Theng Savoeun']"
ok cw verify
has "0 problems"
echo "verdict_detention: $checks checks passed"
