#!/bin/sh
# A prison visit that met someone is an account of their custody on its day: a detention whose
# account stops earlier (a source's date, custody recorded as of a date, the latest record) is
# counted to the visit, in timelines and in reports, with the visit's account among those the
# figure rests on; a visit refused access, a visit before the detention began or a tally of
# visits meets no one. And a report's list of the longest held, which the detention index
# orders by a bound before reading anyone, still finds someone whose count only a visit makes
# long.
. "$TESTLIB"
set -e
export CASEWATCH_NOW=2024-06-10T03:00:00Z

ok cw init
ok cw person add --name "Ny Nak"
ok cw case add --title "Nak defamation" --defendant "Ny Nak" --custody detained \
	--charge 494/495 --source "001 para 40" --view un --reported-on 2024-05-31
ok cw log milestone --person "Ny Nak" --case "Nak defamation" --type pretrial_detention \
	--date 2024-01-05 --source "001 para 40" --view un
ok cw timeline "Ny Nak"
has "pretrial detention: 147 days to 2024-05-31, the source's date"

# Access denied met no one; a visit before the detention, nor a tally of visits, neither.
ok cw log visit --facility "CC1" --date 2024-06-03 --detainee "Ny Nak" --access denied \
	--view own --source "own observation"
ok cw log visit --facility "CC1" --date 2023-12-20 --detainee "Ny Nak" --view own
ok cw log visit --facility "CC1" --date 2024-06-04 --detainee "Ny Nak" --count 3 \
	--period-from 2024-06-01 --period-to 2024-06-04 --view ngo
ok cw timeline "Ny Nak"
has "pretrial detention: 147 days to 2024-05-31, the source's date"

# The team met him at CC1 on 6 June: he was still held then.
ok cw log visit --facility "CC1" --date 2024-06-06 --detainee "Ny Nak" --access granted \
	--view own --source "own observation"
ok cw timeline "Ny Nak"
has "pretrial detention: 153 days to 2024-06-06, the last prison visit that met them"
ok cw timeline "Ny Nak" --json
json "d['summary']['pretrial_days'] == 153 and d['summary']['pretrial_to'] == '2024-06-06' and d['summary']['pretrial_to_reason'] == 'visit'"
ok cw report --from 2024-06-03 --to 2024-06-09
has "| Ny Nak | Nak defamation | own observation, UN \[1\] | 2024-01-05 | 153 | counted to 2024-06-06, the last prison visit that met them; no later account recorded |"
has "in accounts of 2024-06-06 or earlier (accounts: UN, own observation): Ny Nak"
# The visit refused access lists him, and says it did not meet him in the column of the
# detainees seen, not in a note beside it (a field trial read him as seen), in every format;
# the one granted lists him as seen.
has "| 2024-06-03 | own observation | CC1 | denied |  | not met (access denied): Ny Nak |  |"
has "| 2024-06-06 | own observation | CC1 | granted |  | Ny Nak |  |"
# ... and the summary does not count it as a visit made without saying so.
has "2 prison visits that met 1 detainee (account: own observation), 1 of them refused access."
for f in md html csv json pdf; do
	ok cw report --from 2024-06-03 --to 2024-06-09 --format $f -o "$WORK/week.$f"
done
pdftotext "$WORK/week.pdf" - | tr -d ' \t\n\f' >"$WORK/week.txt"
row html "<td>denied</td><td></td><td>not met (access denied): Ny Nak</td>"
row html "<td>granted</td><td></td><td>Ny Nak</td>"
printf '%s\n' "$(tr -d '\r' <"$WORK/week.csv")" | grep '^visits,' | grep '2024-06-03' |
	grep -qF ',not met (access denied): Ny Nak,' || fail "the CSV's refused visit row names him as seen"
checks=$((checks + 1))
inpdf "not met (access denied): Ny Nak"
ok cw report --from 2024-06-03 --to 2024-06-09 --format json
json "[(v['date'], v['access'], v['detainees_not_met']) for v in d['visits']] == [('2024-06-03', 'denied', True), ('2024-06-06', 'granted', False)]"
json "d['comparison']['visits']['current'] == 2"
ok cw report --from 2024-06-03 --to 2024-06-09 --format json
json "[(p['days'], p['counted_to'], p['counted_to_reason'], p['views'], p['standing'], p['source']) for p in d['pretrial_detention']] == [(153, '2024-06-06', 'visit', ['un', 'own'], 'last_reported', '001 para 40')]"
# Each row names the source it was drawn from, for a partner to trace it (JSON and CSV).
json "[(v['date'], v['source']) for v in d['visits']] == [('2024-06-03', 'own observation'), ('2024-06-06', 'own observation')]"
ok cw report --from 2024-06-03 --to 2024-06-09 --format csv
printf '%s\n' "$out" | tr -d '\r' | grep -q '^visits,.*2024-06-06.*,own observation,[0-9a-f]*,,$' ||
	fail "the CSV's visit row does not name its source: $out"
checks=$((checks + 1))
# A report of the UN's account only leaves the team's visit out, and counts nothing to it.
ok cw report --from 2024-06-03 --to 2024-06-09 --account un --format json
json "[(p['days'], p['counted_to_reason'], p['views']) for p in d['pretrial_detention']] == [(147, 'source', ['un'])] and d['visits'] == []"
# A report of the week before the visit: the visit after it found him still held, so he was
# held at that week's end (nothing recorded ended the detention), on the visit's account too.
ok cw report --from 2024-05-27 --to 2024-06-02 --format json
json "[(p['days'], p['counted_to'], p['counted_to_reason'], p['views'], p['standing']) for p in d['pretrial_detention']] == [(149, '2024-06-02', 'visit_after', ['un', 'own'], 'held_at_period_end')]"
ok cw report --from 2024-05-27 --to 2024-06-02
has "| Ny Nak | Nak defamation | own observation, UN \[1\] | 2024-01-05 | 149 | counted to 2024-06-02: a later prison visit found them still held |"
lacks "no later account recorded"
# ... and one long before the source's date counts to that week's end as the source allows.
ok cw report --from 2024-02-05 --to 2024-02-11 --format json
json "[(p['days'], p['counted_to_reason']) for p in d['pretrial_detention']] == [(37, 'period_end')]"

# The team's own record counts to today whatever the visits say.
ok cw person add --name "Sok Dara"
ok cw case add --title "Dara incitement" --defendant "Sok Dara" --custody detained \
	--charge 494 --view own
ok cw log milestone --person "Sok Dara" --case "Dara incitement" --type arrest \
	--date 2024-06-01 --view own
ok cw log visit --facility "CC1" --date 2024-06-05 --detainee "Sok Dara" --view own
ok cw timeline "Sok Dara"
has "pretrial detention: 9 days and counting"
lacks "latest dated record"
# Months later with nothing newer recorded, "and counting" says how old its news is (the visit,
# the latest record of him), in the timeline, its JSON and a report's row.
CASEWATCH_NOW=2024-09-01T03:00:00Z ok cw timeline "Sok Dara"
has "pretrial detention: 92 days and counting; its latest dated record is of 2024-06-05"
CASEWATCH_NOW=2024-09-01T03:00:00Z ok cw timeline "Sok Dara" --json
json "d['summary']['pretrial_latest_record'] == '2024-06-05' and d['summary']['pretrial_to_reason'] == 'today'"
CASEWATCH_NOW=2024-09-01T03:00:00Z ok cw report --from 2024-08-26 --to 2024-09-01
has "| Sok Dara | Dara incitement | own observation | 2024-06-01 | 92 | its latest dated record is of 2024-06-05 |"
# ... and the summary's sentence, which a partner quotes, says it as the row does.
has "Sok Dara, for 92 days, counted on from a record of 2024-06-05 with nothing newer"
CASEWATCH_NOW=2024-09-01T03:00:00Z ok cw report --from 2024-08-26 --to 2024-09-01 --format json
json "[(p['days'], p['latest_record']) for p in d['pretrial_detention'] if p['person']['name'] == 'Sok Dara'] == [(92, '2024-06-05')]"

# Ten people held 90 days as of 31 March, and one whose account stops at 19 days but whom a
# visit met in June: longer held than the ten, so listed among the ten the report lists at most
# (after Ny Nak, 153 days).
for i in 1 2 3 4 5 6 7 8 9 10; do
	ok cw person add --name "Held Person $i"
	ok cw case add --title "Case $i" --defendant "Held Person $i" --custody detained \
		--custody-as-of 2024-03-31 --charge 494 --view un
	ok cw log milestone --person "Held Person $i" --case "Case $i" --type pretrial_detention \
		--date 2024-01-01 --view un
done
ok cw person add --name "Seen Later"
ok cw case add --title "Case seen" --defendant "Seen Later" --custody detained \
	--custody-as-of 2024-01-20 --charge 494 --view un
ok cw log milestone --person "Seen Later" --case "Case seen" --type pretrial_detention \
	--date 2024-01-01 --view un
ok cw log visit --facility "CC2" --date 2024-06-01 --detainee "Seen Later" --view ngo
ok cw report --from 2024-06-03 --to 2024-06-09 --format json
json "[p['person']['name'] for p in d['pretrial_detention'] if p['person']][:2] == ['Ny Nak', 'Seen Later']"
json "[(p['days'], p['counted_to_reason'], p['views']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Seen Later'] == [(152, 'visit', ['un', 'ngo'])]"

# A source that gives no date its account is as of, and no record after the detention: no
# length, until a visit meets them.
ok cw person add --name "Ung Latest"
ok cw case add --title "Case latest" --defendant "Ung Latest" --custody detained --charge 494 \
	--view media
ok cw log milestone --person "Ung Latest" --case "Case latest" --type pretrial_detention \
	--date 2024-02-01 --view media
ok cw timeline "Ung Latest"
has "pretrial detention: unknown (still detained, and no date it is known as of)"
# a visit on the day the detention began gives no length either
ok cw log visit --facility "CC2" --date 2024-02-01 --detainee "Ung Latest" --view own
ok cw timeline "Ung Latest"
has "pretrial detention: unknown (still detained, and no date it is known as of)"
ok cw log visit --facility "CC2" --date 2024-05-01 --detainee "Ung Latest" --view own
ok cw timeline "Ung Latest"
has "pretrial detention: 90 days to 2024-05-01, the last prison visit that met them"

# A visit that meets someone every case of whom says they are out of prison is said to
# disagree with the records (they are counted as held only once an arrest or detention says
# so); one that meets a detainee says nothing.
ok cw person add --name "Chan Sophea"
ok cw case add --title "Sophea release" --defendant "Chan Sophea" --custody released \
	--charge 494 --view own
ok cw log visit --facility "CC2" --date 2024-06-07 --detainee "Chan Sophea" --view own
grep -q "warning: this visit met Chan Sophea, whose case says released; if held again, log the arrest (casewatch log milestone --person [0-9a-f]\{8\} --case CASE --type arrest) and set their custody in the case to detained$" \
	"$WORK/stderr" || fail "no warning for a visit meeting someone released: $(cat "$WORK/stderr")"
# Met before the release the records give: they agree, nothing is said.
ok cw log milestone --person "Chan Sophea" --case "Sophea release" --type arrest \
	--date 2024-05-01 --view own
ok cw log milestone --person "Chan Sophea" --case "Sophea release" --type release \
	--outcome granted --date 2024-05-20 --view own
ok cw log visit --facility "CC2" --date 2024-05-10 --detainee "Chan Sophea" --view own
[ ! -s "$WORK/stderr" ] || fail "a warning for a visit before the release: $(cat "$WORK/stderr")"
checks=$((checks + 1))
ok cw log visit --facility "CC2" --date 2024-06-07 --detainee "Ny Nak" --view own
[ ! -s "$WORK/stderr" ] || fail "a warning for a visit meeting a detainee: $(cat "$WORK/stderr")"
checks=$((checks + 2))
# A release on bail logged, the case's entry still "detained" as most monitors leave it: a
# visit after the release is said to disagree too, naming the release (a prison monitor's
# trial met a student at CC1 three weeks after logging him walking out on bail, unsaid); one
# before it says nothing.
ok cw person add --name "Koeut Bail"
ok cw case add --title "Bail case" --defendant "Koeut Bail" --custody detained --charge 494 \
	--view un
kcase=$(added_id case 8)
ok cw log milestone --person "Koeut Bail" --case "Bail case" --type arrest --date 2024-03-05 \
	--view un
ok cw log milestone --person "Koeut Bail" --case "Bail case" --type release --outcome granted \
	--date 2024-05-12 --detail "walked out on bail" --view own
ok cw log visit --facility "CC1" --date 2024-05-11 --detainee "Koeut Bail" --view own
[ ! -s "$WORK/stderr" ] || fail "a warning for a visit before the release: $(cat "$WORK/stderr")"
checks=$((checks + 1))
ok cw log visit --facility "CC1" --date 2024-06-02 --detainee "Koeut Bail" --view own
grep -q "warning: this visit met Koeut Bail, whose release (granted) is logged on 2024-05-12, before it; if held again, log the arrest: casewatch log milestone --person [0-9a-f]\{8\} --case $kcase --type arrest --date DATE$" \
	"$WORK/stderr" || fail "no warning for a visit after a logged release: $(cat "$WORK/stderr")"
checks=$((checks + 1))

# An arrest with no date starts no detention: said when it is logged.
ok cw log milestone --person "Chan Sophea" --case "Sophea release" --type arrest --view own
grep -q "warning: this arrest has no date, so no pretrial detention counts from it; give the date as the source does (2023, 2023-07 or 2023-07-04): casewatch edit [0-9a-f]\{8\} --date DATE$" \
	"$WORK/stderr" || fail "no warning for an undated arrest: $(cat "$WORK/stderr")"
checks=$((checks + 1))

# A visit dated only to a month that runs past the period's end may have been after it: it
# does not place them held at that end.
ok cw person add --name "Month Seen"
ok cw case add --title "Month case" --defendant "Month Seen" --custody detained --charge 494 \
	--view un --reported-on 2024-05-31
ok cw log milestone --person "Month Seen" --case "Month case" --type pretrial_detention \
	--date 2024-01-05 --view un
ok cw log visit --facility "CC1" --date 2024-06 --detainee "Month Seen" --view own
ok cw report --from 2024-06-03 --to 2024-06-09 --format json
json "[(p['days'], p['counted_to'], p['counted_to_reason'], p['standing']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Month Seen'] == [(147, '2024-05-31', 'source', 'last_reported')]"
# A visit whose access was restricted is said so beside the count.
ok cw log visit --facility "CC2" --date 2025-01-08 --access restricted --view own
ok cw log visit --facility "CC2" --date 2025-01-09 --access denied --view own
ok cw report --from 2025-01-06 --to 2025-01-12
has "2 prison visits (account: own observation), 1 of them refused access and 1 with access restricted."
# A government's release, then a prison visit of the team that met them after it: the report of
# that week lists them with both accounts, neither settled (a partner's trial found them left
# out, "nobody held" beside the team's visit); the week after, no record of it says so.
ok cw person add --name "Ny Disputed"
ok cw case add --title "Disputed case" --defendant "Ny Disputed" --custody detained \
	--charge 494/495 --view un --reported-on 2024-05-31
ok cw log milestone --person "Ny Disputed" --case "Disputed case" --type pretrial_detention \
	--date 2024-01-05 --view un
ok cw log milestone --person "Ny Disputed" --case "Disputed case" --type release \
	--outcome granted --date 2024-05-28 --view government --source "MoJ statement"
ok cw log visit --facility "CC1" --date 2024-05-30 --detainee "Ny Disputed" --view own
ok cw report --from 2024-05-27 --to 2024-06-02 --format json
json "[(p['days'], p['counted_to'], p['counted_to_reason'], p['standing'], p['views']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Disputed'] == [(144, '2024-05-28', 'ended', 'accounts_differ', ['un', 'government', 'own'])]"
ok cw report --from 2024-05-27 --to 2024-06-02
has "The accounts differ on whether 1 person listed was released"
ok cw report --from 2024-05-27 --to 2024-06-02 --format json
json "d['pretrial_detention_people']['accounts_differ'] == {'listed': 1, 'people': 1}"
json "[p['held_after_end'] for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Disputed'] == [{'end_view': 'government', 'date': '2024-05-30', 'view': 'own', 'record': 'visit'}]"
ok cw report --from 2024-05-27 --to 2024-06-02
has "| Ny Disputed | Disputed case |"
has "counted to 2024-05-28, an end in the account government; a prison visit on 2024-05-30, own observation, finds them held after it"
# A filter by case or article keeps the row: the visit names no case (a trial lost it so).
ok cw report --from 2024-05-27 --to 2024-06-02 --case "Disputed case" --format json
json "[p['standing'] for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Disputed'] == ['accounts_differ']"
ok cw report --from 2024-05-27 --to 2024-06-02 --article 494 --format json
json "[p['standing'] for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Disputed'] == ['accounts_differ']"
ok cw report --from 2024-06-03 --to 2024-06-09 --format json
json "not [p for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Disputed']"
# A report of some accounts takes no end from another's records: the UN's account alone still
# holds Ny Disputed, counted to its own date (the government's release nowhere in the row); the
# UN's and the government's, without the team's visit, find the release and no one who says
# otherwise; the UN's and the team's hold him too (the visit came before the UN's date). Each
# ended the detention at the government's release, whatever the accounts asked for.
ok cw report --from 2024-05-27 --to 2024-06-02 --account un --format json
json "[(p['days'], p['counted_to'], p['counted_to_reason'], p['standing'], p['views']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Disputed'] == [(147, '2024-05-31', 'source', 'last_reported', ['un'])]"
ok cw report --from 2024-05-27 --to 2024-06-02 --account un,government --format json
json "not [p for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Disputed']"
ok cw report --from 2024-05-27 --to 2024-06-02 --account un,own --format json
json "[(p['days'], p['counted_to'], p['counted_to_reason'], p['standing'], p['views']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Disputed'] == [(147, '2024-05-31', 'source', 'last_reported', ['un'])]"
ok cw report --from 2024-05-27 --to 2024-06-02 --account un
lacks "MoJ statement"
# The team's arrest in a case the UN recorded: a report of the team's account lists the person
# from its own arrest, whatever the case's account (a trial found them "not listed: no record
# this report shows says they were held"); one of the UN's account does not, and says why.
ok cw person add --name "Soeung Sen Karuna"
ok cw case add --title "Karuna incitement" --defendant "Soeung Sen Karuna" --charge 494/495 \
	--custody detained --stage pretrial --view un
ok cw log milestone --person "Soeung Sen Karuna" --case "Karuna incitement" --type arrest \
	--date 2024-06-05 --view own --source "own observation"
ok cw report --week 2024-W23 --account own --format json
json "[(p['since'], p['views']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Soeung Sen Karuna'] == [('2024-06-05', ['un', 'own'])]"
ok cw report --week 2024-W23 --account un --format json
json "not [p for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Soeung Sen Karuna']"
# After a verdict a prison visit meets someone serving a sentence: no account differs.
ok cw person add --name "Ny Convicted"
ok cw case add --title "Convicted case" --defendant "Ny Convicted" --custody detained \
	--charge 494/495 --view un --reported-on 2024-05-31
ok cw log milestone --person "Ny Convicted" --case "Convicted case" --type pretrial_detention \
	--date 2024-01-05 --view un
ok cw log milestone --person "Ny Convicted" --case "Convicted case" --type verdict \
	--result convicted --date 2024-05-28 --view un
ok cw log visit --facility "CC1" --date 2024-05-30 --detainee "Ny Convicted" --view own
ok cw report --from 2024-05-27 --to 2024-06-02 --format json
json "not [p for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Convicted']"
ok cw timeline "Ny Convicted"
lacks "finds them held after it"
# An acquittal sets them free: a visit of the team's that meets them after it is another account.
ok cw person add --name "Ny Acquitted"
ok cw case add --title "Acquitted case" --defendant "Ny Acquitted" --custody detained \
	--charge 494/495 --view un --reported-on 2024-05-31
ok cw log milestone --person "Ny Acquitted" --case "Acquitted case" --type pretrial_detention \
	--date 2024-01-05 --view un
ok cw log milestone --person "Ny Acquitted" --case "Acquitted case" --type verdict \
	--result acquitted --date 2024-05-28 --view government
ok cw log visit --facility "CC1" --date 2024-05-31 --detainee "Ny Acquitted" --view own
ok cw report --from 2024-05-27 --to 2024-06-02 --format json
json "[p['standing'] for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Acquitted'] == ['accounts_differ']"
# A refusal of bail by the team's account after the release says so too.
ok cw log milestone --person "Ny Disputed" --case "Disputed case" --type bail --outcome refused \
	--date 2024-06-05 --view own
ok cw report --from 2024-06-03 --to 2024-06-09
has "counted to 2024-05-28, an end in the account government; bail refused on 2024-06-05, own observation, finds them held after it"
# An arrest dated only to a month that runs past the week asked about, and a visit that met
# him months later: no visit met him by that week's end, and he may have been arrested after
# it (a field trial's row said "counted to 2023-07, the last prison visit that met them", of
# no visit at all, and listed him as held at the end beside his co-defendants arrested the
# same month, listed as perhaps detained only after it).
ok cw person add --name "Eng Sroy"
ok cw case add --title "Facebook group" --defendant "Eng Sroy" --custody detained \
	--charge 494/495 --unnamed "3 co-defendants" --custody detained --charge 494/495 --view un
ok cw log milestone --person "Eng Sroy" --case "Facebook group" --type arrest --date 2023-07 \
	--view un
ok cw log milestone --case "Facebook group" --group co-defendants --count 3 --type arrest \
	--date 2023-07 --view un
ok cw log visit --facility "Tbong Khmum prison" --date 2024-02-15 --detainee "Eng Sroy" \
	--access granted --view own
ok cw report --week 2023-W29 --format json
json "[(p['counted_to'], p['counted_to_reason'], p['standing'], p['days_at_least'], p['days_at_most']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Eng Sroy'] == [('2023-07-23', 'visit_after', 'may_begin_after_end', 0, 22)]"
json "d['pretrial_detention_people']['may_begin_after_end'] == {'listed': 2, 'people': 4, 'at_least': False}"
ok cw report --week 2023-W29
lacks "counted to 2023-07, the last prison visit that met them"
has "| Eng Sroy | Facebook group | UN, own observation | 2023-07 |  | at most 22 days, if detained by 2023-07-23: the detention is dated only to 2023-07 |"
# A detention the UN reports with no as-of date, counted to the latest date recorded, which a
# record of the team's gives (a transfer logged as "other"): the figure rests on the team's
# account too, and the timeline, its JSON and the report's row name it (a field trial's row
# named the UN alone, counted to the team's date).
ok cw person add --name "Ny Transferred"
ok cw case add --title "Transfer case" --defendant "Ny Transferred" --custody detained \
	--charge 494/495 --view un --source "001 para 40"
ok cw log milestone --person "Ny Transferred" --case "Transfer case" --type arrest \
	--date 2024-01-05 --view un --source "001 para 40"
ok cw log milestone --person "Ny Transferred" --case "Transfer case" --type other \
	--date 2024-03-04 --detail "transferred from CC1 to Kandal prison" --view own
ok cw timeline "Ny Transferred"
has "pretrial detention: at least 59 days to 2024-03-04, the latest date recorded (account: own observation); the source gives no as-of date"
ok cw timeline "Ny Transferred" --json
json "(d['summary']['pretrial_to'], d['summary']['pretrial_to_reason'], d['summary']['pretrial_to_view']) == ('2024-03-04', 'latest', 'own')"
ok cw report --week 2024-W11 --person "Ny Transferred" --format json
json "[(p['days'], p['counted_to'], p['counted_to_reason'], p['views']) for p in d['pretrial_detention'] if p['person'] and p['person']['name'] == 'Ny Transferred'] == [(59, '2024-03-04', 'latest', ['un', 'own'])]"
ok cw report --week 2024-W11 --person "Ny Transferred"
has "| Ny Transferred | Transfer case | own observation, UN"
# The UN's own latest date is the UN's: the timeline names no other account.
ok cw person add --name "Ny Reported"
ok cw case add --title "Reported case" --defendant "Ny Reported" --custody detained \
	--charge 494/495 --view un
ok cw log milestone --person "Ny Reported" --case "Reported case" --type arrest \
	--date 2024-01-05 --view un
ok cw log milestone --person "Ny Reported" --case "Reported case" --type bail --outcome refused \
	--date 2024-02-01 --view un
ok cw timeline "Ny Reported"
lacks "the latest date recorded (account:"
done_ok
