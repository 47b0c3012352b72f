#!/bin/sh
# Bail decided at a hearing is for whom the hearing's own record names, as a verdict naming no
# one is (models/record.h, cw_hearing_bail_whom): a bail hearing of one of three co-defendants,
# whose attendance lists that one, ends that one's pretrial detention and no one else's, in the
# timeline, the report's list of those held (which the detention index finds) and its bail
# table, which names them.
# A hearing whose record names no one is the case's only defendant's, and of a case of three
# (or one that names several) it is no one's in particular: it ends no detention, and the bail
# table says whom it was for is not named. Editing the attendance moves the index with it, and
# verify finds it as the records make it. A bail milestone of the same day is the hearing's own
# decision only when it is for the one the hearing names, and a release that day carries out
# the bail of the one it names.
. "$TESTLIB"
set -e
export CASEWATCH_NOW=2024-06-10T03:00:00Z

ok cw init
for n in "Meas Sophea" "Sok Dara" "Kim Rithy"; do
	ok cw person add --name "$n"
done
# Three co-defendants, detained since 10 January.
ok cw case add --title "Land case" --stage trial \
	--defendant "Meas Sophea" --custody detained --charge 494/495 \
	--defendant "Sok Dara" --custody detained --charge 494/495 \
	--defendant "Kim Rithy" --custody detained --charge 494/495
for n in "Meas Sophea" "Sok Dara" "Kim Rithy"; do
	ok cw log milestone --person "$n" --case "Land case" --type arrest --date 2024-01-10 \
		--source "own observation"
done
# Sok Dara's bail hearing: she alone was before the court, and was granted bail.
ok cw log hearing --case "Land case" --date 2024-03-06 --source "own observation" \
	--present "Sok Dara" --outcome bail_decision --bail granted
hearing=$(added_id hearing)
ok cw verify
has "0 problems"

# Hers ended at the hearing; the other two are still held, counted to today.
ok cw timeline "Sok Dara"
has "pretrial detention: 56 days (to 2024-03-06)"
ok cw timeline "Meas Sophea"
has "pretrial detention: 152 days and counting"
ok cw timeline "Kim Rithy"
has "pretrial detention: 152 days and counting"
# The hearing is on every defendant's timeline, as an event of their case; its line says whose
# bail it decided, as a verdict's line says whom it convicted, so that "bail granted" on Kim
# Rithy's timeline does not read as his (a field trial's supervisor read it so).
has "bail granted (Sok Dara)"
ok cw list records --kind hearing
has "bail granted (Sok Dara)"

# The report's list of those held: the other two, with their days, not her.
week 2024-W24
row md "| Meas Sophea | Land case | not recorded, own observation | 2024-01-10 | 152 |"
row md "| Kim Rithy | Land case | not recorded, own observation | 2024-01-10 | 152 |"
norow md "| Sok Dara | Land case |"
out=$(cat "$WORK/week.json")
json "sorted((p['person']['name'], p['since'], p['days']) for p in d['pretrial_detention']) == [('Kim Rithy', '2024-01-10', 152), ('Meas Sophea', '2024-01-10', 152)]"
# The week of the hearing: her detention ended in it, theirs ran on; the bail table names her.
week 2024-W10
row md "| bail (granted) at a hearing | Sok Dara | Land case |"
norow md "not named in the record"
row md "| Meas Sophea | Land case | not recorded, own observation | 2024-01-10 | 60 |"
row md "| Kim Rithy | Land case | not recorded, own observation | 2024-01-10 | 60 |"
norow md "| Sok Dara | Land case | not recorded"
out=$(cat "$WORK/week.json")
json "sorted((p['person']['name'], p['days']) for p in d['pretrial_detention']) == [('Kim Rithy', 60), ('Meas Sophea', 60)]"
json "[(x['type'], x['outcome'], x['at_hearing'], x['person']['name']) for x in d['releases']] == [('bail', 'granted', True, 'Sok Dara')]"

# Kim Rithy was before the court too: the record names two, and does not say to which of them
# bail was granted; it ends neither's detention, and the table names no one.
ok cw edit "$hearing" --present "Kim Rithy"
ok cw verify
has "0 problems"
ok cw timeline "Sok Dara"
has "pretrial detention: 152 days and counting"
ok cw timeline "Kim Rithy"
has "pretrial detention: 152 days and counting"
ok cw report --week 2024-W24 --format json
json "sorted(p['person']['name'] for p in d['pretrial_detention']) == ['Kim Rithy', 'Meas Sophea', 'Sok Dara']"
ok cw report --week 2024-W10
has "| bail (granted) at a hearing | not named in the record | Land case |"
# Its line, on each of their timelines, says the record does not say whose bail it was: a bare
# "bail granted" read as theirs beside "152 days and counting" (Eng Sroy's timeline in the
# demo data, who stayed held while his four co-defendants were bailed: 001 para 34).
ok cw timeline "Kim Rithy"
has "bail granted (whose bail is not recorded)"
# Back to her alone: the index follows the record.
ok cw edit "$hearing" --clear attendance --present "Sok Dara"
ok cw verify
has "0 problems"
ok cw report --week 2024-W24 --format json
json "sorted(p['person']['name'] for p in d['pretrial_detention']) == ['Kim Rithy', 'Meas Sophea']"

# A bail hearing whose record names none of the three is no one's in particular: nobody's
# detention ends, and the table says so.
ok cw log hearing --case "Land case" --date 2024-05-02 --source "own observation" \
	--outcome bail_decision --bail granted
ok cw verify
has "0 problems"
ok cw timeline "Meas Sophea"
has "pretrial detention: 152 days and counting"
# Its line names no one either, and says the record does not.
printf '%s\n' "$out" | grep -q '2024-05-02 .* bail granted (whose bail is not recorded)$' ||
	fail "no line of 2024-05-02 ending in 'bail granted (whose bail is not recorded)': $out"
week 2024-W18
row md "| bail (granted) at a hearing | not named in the record | Land case |"
out=$(cat "$WORK/week.json")
json "[(x['at_hearing'], x['person']) for x in d['releases']] == [(True, None)]"
json "sorted((p['person']['name'], p['days']) for p in d['pretrial_detention']) == [('Kim Rithy', 116), ('Meas Sophea', 116)]"

# A case of one: a hearing that names no one is its defendant's, as before.
ok cw person add --name "Ny Nak"
ok cw case add --title "Nak incitement" --stage trial --defendant "Ny Nak" --custody detained \
	--charge 494/495
ok cw log milestone --person "Ny Nak" --case "Nak incitement" --type arrest --date 2024-02-01 \
	--source "own observation"
ok cw log hearing --case "Nak incitement" --date 2024-05-02 --source "own observation" \
	--outcome bail_decision --bail granted
ok cw timeline "Ny Nak"
has "pretrial detention: 91 days (to 2024-05-02)"
lacks "whose bail is not recorded"
ok cw report --week 2024-W18
has "| bail (granted) at a hearing | Ny Nak | Nak incitement |"

# Chan Vuthy's bail hearing, his attendance alone, and Theng Savoeun's bail milestone of the
# same day in that case: two decisions, each for its own person (a milestone of that day is
# the hearing's own decision only when it is for the one the hearing names). His release
# that day carries his bail out: one decision, counted by the bail.
ok cw person add --name "Chan Vuthy"
ok cw person add --name "Theng Savoeun"
ok cw case add --title "Forest case" --stage trial --defendant "Chan Vuthy" --custody detained \
	--charge 494/495 --defendant "Theng Savoeun" --custody detained --charge 494/495
for n in "Chan Vuthy" "Theng Savoeun"; do
	ok cw log milestone --person "$n" --case "Forest case" --type arrest --date 2024-03-01 \
		--source "own observation"
done
ok cw log hearing --case "Forest case" --date 2024-06-04 --source "own observation" \
	--present "Chan Vuthy" --outcome bail_decision --bail granted
ok cw log milestone --person "Theng Savoeun" --case "Forest case" --type bail --outcome granted \
	--date 2024-06-04 --source "own observation"
ok cw log milestone --person "Chan Vuthy" --case "Forest case" --type release --outcome granted \
	--date 2024-06-04 --source "own observation"
ok cw report --week 2024-W23 --case "Forest case" --format json
json "sorted(((x['person'] or {}).get('name'), x['type'], bool(x.get('at_hearing'))) for x in d['releases']) == [('Chan Vuthy', 'bail', True), ('Chan Vuthy', 'release', False), ('Theng Savoeun', 'bail', False)]"
ok cw report --week 2024-W23 --case "Forest case"
has "| bail (granted) at a hearing | Chan Vuthy | Forest case |"
has "2 decisions on bail, release or pardon were recorded"
ok cw verify
has "0 problems"
echo "bail_detention: $checks checks passed"
