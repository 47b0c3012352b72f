#!/bin/sh
# visit_access.sh - each detainee's access to a lawyer and to their family, as a prison visit
# was told or saw it (001 para 36: a lawyer needs the prosecutor's prior authorisation to see
# their client; 002 para 28: no family access for a child detainee). It was only a concern of
# the whole visit ("access to a lawyer"), which named no one. Given with --lawyer-access and
# --family-access PERSON=WORD, of a detainee the visit met; shown, exported and imported; on
# the visit's line of the detainee's timeline.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Eng Sroy"
sroy=$(added_id person)
ok cw person add --name "Sok Meas"
meas=$(added_id person)
ok cw person add --name "Chhun Dara"
ok cw log visit --facility "Prey Sar CC2" --date 2024-04-04 --access granted \
	--detainee "Eng Sroy" --detainee "Sok Meas" --source "own observation" \
	--lawyer-access "Eng Sroy=restricted" --family-access "Eng Sroy=denied" \
	--lawyer-access "Sok Meas=granted"
vid=$(added_id visit)

# ---- the record: shown, in JSON -------------------------------------------------------------
ok cw show $vid
has "lawyer access        restricted"
has "family access        denied"
has "lawyer access        granted"
ok cw show $vid --json
json "[(a['person'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('$sroy', 'restricted', 'denied'), ('$meas', 'granted', None)]" \
	"d['detainee_access'][0]['person_name'] == 'Eng Sroy'"

# ---- the detainee's timeline: the visit's line says it --------------------------------------
ok cw timeline "Eng Sroy"
has "lawyer access restricted: Eng Sroy; family access denied: Eng Sroy"
ok cw timeline "Sok Meas"
lacks "lawyer access granted"

# ---- bad input: one line naming the option, exit 65, nothing changed ------------------------
before=$(db_snapshot)
fails 65 "detainee-access" cw edit $vid --lawyer-access "Chhun Dara=denied"
printf '%s\n' "$err" | grep -q "'Chhun Dara' is not among the detainees the visit met" ||
	fail "not named: $err"
fails 65 "lawyer-access" cw edit $vid --lawyer-access "Eng Sroy=free"
fails 65 "family-access" cw edit $vid --family-access "Eng Sroy"
fails 66 "lawyer-access" cw edit $vid --lawyer-access "Nobody Here=denied"
fails 65 "detainee-access" cw log visit --facility "CC1" --date 2024-04-05 \
	--family-access "Eng Sroy=denied"
[ "$(db_snapshot)" = "$before" ] || fail "a refused command changed the database"
checks=$((checks + 1))
# Taking the detainee off leaves their access with no one met: refused too, until cleared.
fails 65 "detainee-access" cw edit $vid --clear detainees --detainee "Sok Meas"

# ---- edit: one detainee's access changed, the rest kept; "unknown" takes it back ------------
ok cw edit $vid --lawyer-access "Eng Sroy=denied" --lawyer-access "Sok Meas=unknown"
ok cw show $vid --json
shown=$out # read again below: nothing is written in between
json "[(a['person'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('$sroy', 'denied', 'denied')]"
ok cw timeline "Eng Sroy"
has "lawyer access denied: Eng Sroy"

# ---- import: what show --json gives comes back whole; one not met is refused ----------------
out=$shown
printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
d = json.load(sys.stdin)
keep = {k: d[k] for k in ("kind", "facility", "date", "detainees", "detainee_access")}
keep["ref"] = "v-imported"
keep["date"] = "2024-04-11"
print(json.dumps(keep))' >"$WORK/visit.jsonl"
ok cw import "$WORK/visit.jsonl"
ok cw show ref:v-imported --json
json "[(a['person'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('$sroy', 'denied', 'denied')]"
printf '%s\n' "{\"kind\": \"visit\", \"ref\": \"v-bad\", \"facility\": \"CC1\", \"date\": \"2024-04-12\", \"detainees\": [\"$meas\"], \"detainee_access\": [{\"person\": \"$sroy\", \"lawyer_access\": \"denied\"}]}" >"$WORK/bad.jsonl"
fails 65 "detainee_access" cw import "$WORK/bad.jsonl"

# ---- --clear detainee-access takes them all off --------------------------------------------
ok cw edit ref:v-imported --clear detainee-access
ok cw show ref:v-imported --json
json "'detainee_access' not in d or d['detainee_access'] == []"

# ---- person merge: one detainee recorded twice becomes one entry; differing access refused --
ok cw person add --name "Eng Sroy Twin"
twin=$(added_id person)
ok cw log visit --facility "CC1" --date 2024-04-20 --detainee "$sroy" --detainee "$twin" \
	--lawyer-access "$sroy=denied" --lawyer-access "$twin=granted"
mid=$(added_id visit)
fails 65 "lawyer-access" cw person merge "$sroy" "$twin"
ok cw edit $mid --lawyer-access "$twin=unknown" --family-access "$twin=restricted"
ok cw person merge "$sroy" "$twin"
ok cw show $mid --json
json "[(a['person'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('$sroy', 'denied', 'restricted')]"

# ---- the weekly report: per detainee, in every format; withheld with the detainees ----------
ok cw person add --name "Kong Lina"
ok cw log visit --facility "Kandal provincial prison" --date 2024-05-07 --access granted \
	--detainee "Sok Meas" --detainee "Kong Lina" --view ngo --source "LICADHO note" \
	--lawyer-access "Sok Meas=restricted" --family-access "Kong Lina=denied" \
	--lawyer-access "Kong Lina=granted"
ok cw log visit --facility "CC2" --date 2024-05-08 --access granted --detainee "Chhun Dara" \
	--lawyer-access "Chhun Dara=denied" --confidential-field detainees
ok cw report --week 2024-W19
has "| granted; lawyer access restricted: Sok Meas; family access denied: Kong Lina |"
has "2 prison visits that met 2 detainees (accounts: not recorded, NGO); 1 detainee denied or restricted access to a lawyer, 1 detainee denied or restricted access to family."
lacks "Chhun Dara"
ok cw report --week 2024-W19 --format html
has "granted; lawyer access restricted: Sok Meas; family access denied: Kong Lina"
ok cw report --week 2024-W19 --format csv
has ",granted; lawyer access restricted: Sok Meas; family access denied: Kong Lina,"
ok cw report --week 2024-W19 --format json
json "[[(a['person']['name'], a['lawyer_access'], a['family_access']) for a in v['detainee_access']] for v in d['visits'] if v['facility'] == 'Kandal provincial prison'] == [[('Sok Meas', 'restricted', None), ('Kong Lina', 'granted', 'denied')]]" \
	"[v['detainee_access'] for v in d['visits'] if v['facility'] == 'CC2'] == ['[confidential]']"
lacks "Chhun Dara"
if command -v pdftotext >/dev/null; then
	ok cw report --week 2024-W19 --format pdf -o "$WORK/week.pdf"
	out=$(pdftotext "$WORK/week.pdf" - | tr -d ' \t\n\f')
	has "lawyeraccessrestricted:SokMeas"
	has "1detaineedeniedorrestrictedaccesstoalawyer"
	lacks "ChhunDara"
fi
# On request the withheld detainee is back, and counted.
ok cw report --week 2024-W19 --include-confidential
has "lawyer access denied: Chhun Dara"
has "2 detainees denied or restricted access to a lawyer"

# ---- the list of pretrial detainees: each one's access at the latest prison visit that ------
# recorded it, from the stretch's first day to the period's end, its date and whose account.
ok cw case add --title "Prey Sar detainees" --defendant "Eng Sroy" --custody detained \
	--defendant "Sok Meas" --custody detained --defendant "Kong Lina" --custody detained \
	--defendant "Chhun Dara" --custody detained
for p in "Eng Sroy" "Sok Meas" "Kong Lina" "Chhun Dara"; do
	ok cw log milestone --person "$p" --case "Prey Sar detainees" --type pretrial_detention \
		--date 2024-04-01
done
# Kong Lina's family was let in at a later visit: nothing to say in her row, her JSON says it.
ok cw log visit --facility "Kandal provincial prison" --date 2024-05-09 --access granted \
	--detainee "Kong Lina" --family-access "Kong Lina=granted" --lawyer-access "Kong Lina=granted"
ok cw report --week 2024-W19
has "lawyer access denied, family access restricted at the prison visit of 2024-04-20 (account: not recorded)"
has "lawyer access restricted at the prison visit of 2024-05-07 (account: NGO)"
lacks "family access denied at the prison visit"
# The confidential visit's detainees are withheld, and so is what it says of them.
has "| Chhun Dara |"
lacks "at the prison visit of 2024-05-08"
for f in html csv; do
	ok cw report --week 2024-W19 --format $f
	has "lawyer access denied, family access restricted at the prison visit of 2024-04-20 (account: not recorded)"
	has "lawyer access restricted at the prison visit of 2024-05-07 (account: NGO)"
	lacks "at the prison visit of 2024-05-08"
done
ok cw report --week 2024-W19 --format json
at="(lambda a: a and tuple(a[k] and (a[k]['date'], a[k]['view'], a[k]['access']) for k in ('lawyer', 'family')))"
json "{r['person']['name']: $at(r['access_at_visit']) for r in d['pretrial_detention']} == {'Eng Sroy': (('2024-04-20', None, 'denied'), ('2024-04-20', None, 'restricted')), 'Sok Meas': (('2024-05-07', 'ngo', 'restricted'), None), 'Kong Lina': (('2024-05-09', None, 'granted'), ('2024-05-09', None, 'granted')), 'Chhun Dara': None}" \
	"[r['access_at_visit']['lawyer']['visit'] for r in d['pretrial_detention'] if r['person']['name'] == 'Eng Sroy'] == ['$mid']"
if command -v pdftotext >/dev/null; then
	ok cw report --week 2024-W19 --format pdf -o "$WORK/week.pdf"
	out=$(pdftotext "$WORK/week.pdf" - | tr -d ' \t\n\f')
	has "lawyeraccessrestrictedattheprisonvisitof2024-05-07(account:NGO)"
fi
ok cw report --week 2024-W19 --include-confidential
has "lawyer access denied at the prison visit of 2024-05-08 (account: not recorded)"
ok cw report --week 2024-W19 --include-confidential --format json
json "[r['access_at_visit']['lawyer']['access'] for r in d['pretrial_detention'] if r['person']['name'] == 'Chhun Dara'] == ['denied']"

# ---- a visit dated only to a month that lies wholly in the stretch (April, of a detention
# from 1 April) is one of its visits: it was left out, as if dated before the 1st.
DB="$WORK/month-visit"
ok cw init
ok cw person add --name "Eng Sroy"
ok cw case add --title "Sroy case" --defendant "Eng Sroy" --custody detained --stage pretrial \
	--charge 494
ok cw log milestone --person "Eng Sroy" --case "Sroy case" --type pretrial_detention \
	--date 2024-04-01
held=$(added_id milestone)
ok cw log visit --facility "Prey Sar CC2" --date 2024-04 --detainee "Eng Sroy" --view ngo \
	--lawyer-access "Eng Sroy=denied"
ok cw report --week 2024-W19
has "lawyer access denied at the prison visit of 2024-04 (account: NGO)"
ok cw report --week 2024-W19 --format json
json "[r['access_at_visit'] and r['access_at_visit']['lawyer']['date'] for r in d['pretrial_detention']] == ['2024-04']"
# A later visit that saw only the family says nothing of the lawyer: the row keeps the earlier
# visit's lawyer access denied (the later visit, recording either, stood for both and hid it),
# and says that the later one did not record it.
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-08 --detainee "Eng Sroy" --view un \
	--family-access "Eng Sroy=restricted"
ok cw report --week 2024-W19
has "lawyer access denied at the prison visit of 2024-04 (account: NGO), not recorded at the later prison visit of 2024-05-08 (account: UN); family access restricted at the prison visit of 2024-05-08 (account: UN)"
ok cw report --week 2024-W19 --format json
json "[(a['lawyer']['date'], a['lawyer']['access'], a['family']['date'], a['family']['view'], a['family']['access']) for a in (r['access_at_visit'] for r in d['pretrial_detention'])] == [('2024-04', 'denied', '2024-05-08', 'un', 'restricted')]"
# One dated to a month the stretch began in part way through may be of the days before it.
ok cw edit "$held" --date 2024-04-15
ok cw report --week 2024-W19 --format json
json "[(r['access_at_visit']['lawyer'], r['access_at_visit']['family']['date']) for r in d['pretrial_detention']] == [(None, '2024-05-08')]"

# ---- a visit refused access met no one: it records no detainee's access to a lawyer or family.
# Typed (the command line, the form), such a record is refused; one that holds it already (an
# older database, another team's bundle: import takes it) is not counted as access told or
# seen at the visit, in the summary or the detainee's row, and its row says so.
DB="$WORK/refused"
ok cw init
ok cw person add --name "Eng Sroy"
sroy=$(added_id person)
ok cw case add --title "Sroy case" --defendant "Eng Sroy" --custody detained --stage pretrial
ok cw log milestone --person "Eng Sroy" --case "Sroy case" --type pretrial_detention \
	--date 2024-04-01
before=$(db_snapshot)
fails 65 "detainee-access" cw log visit --facility "Prey Sar CC2" --date 2024-05-06 \
	--access denied --detainee "Eng Sroy" --family-access "Eng Sroy=denied"
printf '%s\n' "$err" | grep -q "'Eng Sroy' was not met: the visit was refused access" ||
	fail "not said: $err"
[ "$(db_snapshot)" = "$before" ] || fail "a refused command changed the database"
checks=$((checks + 1))
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-06 --access denied --detainee "Eng Sroy"
gate=$(added_id visit)
before=$(db_snapshot)
fails 65 "detainee-access" cw edit $gate --lawyer-access "Eng Sroy=restricted"
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-07 --access granted \
	--detainee "Eng Sroy" --lawyer-access "Eng Sroy=restricted" --view ngo
met=$(added_id visit)
before=$(db_snapshot)
fails 65 "detainee-access" cw edit $met --access denied
[ "$(db_snapshot)" = "$before" ] || fail "a refused edit changed the database"
checks=$((checks + 1))
# Imported from another team's bundle or an older database: taken as it is.
printf '%s\n' "{\"kind\": \"visit\", \"ref\": \"v-gate\", \"facility\": \"Prey Sar CC2\", \"date\": \"2024-05-08\", \"access\": \"denied\", \"view\": \"un\", \"detainees\": [\"$sroy\"], \"detainee_access\": [{\"person\": \"$sroy\", \"lawyer_access\": \"denied\", \"family_access\": \"denied\"}]}" >"$WORK/gate.jsonl"
ok cw import "$WORK/gate.jsonl"
ok cw report --week 2024-W19
has "1 detainee denied or restricted access to a lawyer."
lacks "access to family"
has "| denied; recorded at a visit that did not meet them, not counted: lawyer access denied: Eng Sroy; family access denied: Eng Sroy |"
has "lawyer access restricted at the prison visit of 2024-05-07 (account: NGO) |"
lacks "at the prison visit of 2024-05-08"
for f in html csv; do
	ok cw report --week 2024-W19 --format $f
	has "recorded at a visit that did not meet them, not counted: lawyer access denied: Eng Sroy"
	has "lawyer access restricted at the prison visit of 2024-05-07 (account: NGO)"
	lacks "at the prison visit of 2024-05-08"
done
ok cw report --week 2024-W19 --format json
json "[(a['lawyer']['date'], a['lawyer']['access'], a['family']) for a in (r['access_at_visit'] for r in d['pretrial_detention'])] == [('2024-05-07', 'restricted', None)]" \
	"[(v['detainees_not_met'], [(a['lawyer_access'], a['family_access']) for a in v['detainee_access']]) for v in d['visits'] if v['date'] == '2024-05-08'] == [(True, [('denied', 'denied')])]"
# The detainee's timeline says it as the report's row does: the access the refused visit holds,
# not counted, and why; the visit that met them says its access as before. Its JSON (and the
# exported timeline's) gives detainees_not_met beside detainee_access, as the report's does.
ok cw timeline "Eng Sroy"
has "access denied; recorded at a visit that did not meet them, not counted: lawyer access denied: Eng Sroy; family access denied: Eng Sroy"
has "access granted; lawyer access restricted: Eng Sroy"
[ "$(printf '%s\n' "$out" | grep -c "not counted")" = 1 ] || fail "not counted, not once: $out"
checks=$((checks + 1))
ok cw list records --kind visit
has "access denied; recorded at a visit that did not meet them, not counted: lawyer access denied: Eng Sroy"
entries="[(e['date'], e['detainees_not_met'], [(a.get('lawyer_access'), a.get('family_access')) for a in e.get('detainee_access', [])]) for e in d['entries'] if e['kind'] == 'visit']"
want="[('2024-05-06', True, []), ('2024-05-07', False, [('restricted', None)]), ('2024-05-08', True, [('denied', 'denied')])]"
ok cw timeline "Eng Sroy" --json
json "$entries == $want" \
	"[e for e in d['entries'] if e['kind'] != 'visit' and 'detainees_not_met' in e] == []"
# The CSV of the timeline (and of records) says it too: each detainee's access recorded, by id in
# stable words, and detainees_not_met "yes" beside the refused visit's, which was not counted.
csv_visits() {
	printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import csv, io, sys
rows = csv.DictReader(io.StringIO(sys.stdin.read(), newline=""), strict=True)
print(sorted((r["date"], r["detainees_not_met"], r["detainee_access"]) for r in rows if r["kind"] == "visit"))'
}
want_csv="[('2024-05-06', 'yes', ''), ('2024-05-07', '', '$sroy:lawyer=restricted'), ('2024-05-08', 'yes', '$sroy:lawyer=denied,family=denied')]"
ok cw export --timeline "Eng Sroy" --format csv
[ "$(csv_visits)" = "$want_csv" ] || fail "the timeline's CSV: $(csv_visits)"
ok cw export records --kind visit --format csv
[ "$(csv_visits)" = "$want_csv" ] || fail "the records' CSV: $(csv_visits)"
checks=$((checks + 2))
ok cw export --timeline "Eng Sroy" --format json
json "$entries == $want"
# The refused visit's entry imports back as the record it is, as what `show --json` gives does:
# detainees_not_met is what the timeline says of it, not a field of the record.
refused_entry() {
	printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
print(json.dumps([e for e in json.load(sys.stdin)["entries"] if e.get("date") == "2024-05-08"][0]))'
}
before=$(db_snapshot)
refused_entry >"$WORK/entry.jsonl"
grep -q '"detainees_not_met": true' "$WORK/entry.jsonl" || fail "not the refused visit: $out"
ok cw import "$WORK/entry.jsonl"
[ "$out" = "imported 1 records (0 new or changed)" ] || fail "export --timeline's entry: $out"
ok cw timeline "Eng Sroy" --json
refused_entry >"$WORK/entry.jsonl"
ok cw import "$WORK/entry.jsonl"
[ "$out" = "imported 1 records (0 new or changed)" ] || fail "timeline --json's entry: $out"
[ "$(db_snapshot)" = "$before" ] || fail "importing what the timeline gave changed the database"
checks=$((checks + 1))
# The record says it too, in the same words, where it lists that access (show), and its JSON
# gives detainees_not_met as the timeline's entry does (show --json, list --json), of the
# visits refused access only; the visit that met them lists its access as before.
ok cw show ref:v-gate
has "detainee access      recorded at a visit that did not meet them, not counted"
[ "$(printf '%s\n' "$out" | grep -c "not counted")" = 1 ] &&
	[ "$(printf '%s\n' "$out" | grep -A1 "not counted" | sed -n 2p)" = "detainee access 1" ] ||
	fail "not said once, just before the access it holds: $out"
checks=$((checks + 1))
# Its detainees are the people the team asked to see, not "detainees met".
lacks "detainees met"
has "detainees not met (access denied)"
ok cw show $met
has "lawyer access        restricted"
has "detainees met"
lacks "not counted"
ok cw show $gate
lacks "not counted"
ok cw show ref:v-gate --json
shown=$out # imported below: nothing is written in between
json "(d['detainees_not_met'], d['access'], len(d['detainee_access'])) == (True, 'denied', 1)"
ok cw show $met --json
json "d['detainees_not_met'] is False"
ok cw show $gate --json
json "d['detainees_not_met'] is True and 'detainee_access' not in d"
ok cw list records --kind visit --json
json "sorted((e['date'], e['detainees_not_met']) for e in d) == [('2024-05-06', True), ('2024-05-07', False), ('2024-05-08', True)]"
ok cw list records --json
json "[e for e in d if e['kind'] != 'visit' and 'detainees_not_met' in e] == [] and len(d) > 3"
# What show --json gives imports back unchanged, detainees_not_met and all.
before=$(db_snapshot)
printf '%s\n' "$shown" >"$WORK/shown.json"
ok cw import "$WORK/shown.json"
[ "$out" = "imported 1 records (0 new or changed)" ] || fail "show --json: $out"
[ "$(db_snapshot)" = "$before" ] || fail "importing what show gave changed the database"
checks=$((checks + 1))
# An edit that leaves its access as it was is taken (the record is not made worse); one that
# adds to it is refused.
ok cw edit ref:v-gate --notes "the family said so at the gate"
fails 65 "detainee-access" cw edit ref:v-gate --lawyer-access "Eng Sroy=restricted"
# Taking one of the two back corrects the record: what is left is what it held.
ok cw edit ref:v-gate --lawyer-access "Eng Sroy=unknown"
ok cw show ref:v-gate --json
json "[(a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [(None, 'denied')]"
fails 65 "detainee-access" cw edit ref:v-gate --family-access "Eng Sroy=restricted"
ok cw edit ref:v-gate --clear detainee-access
ok cw show ref:v-gate --json
json "'detainee_access' not in d or d['detainee_access'] == []"
# Its detainees withheld (confidential), a visit refused access still says they were not met:
# "[confidential]" alone in the column of the detainees seen, and detainees_not_met false
# beside it, read as met. That it listed someone is what "[confidential]" says already.
ok cw edit $gate --confidential-field detainees
ok cw report --week 2024-W19
has "| not met (access denied): \[confidential\] |"
ok cw report --week 2024-W19 --format json
json "[(v['detainees'], v['detainees_not_met']) for v in d['visits'] if v['date'] == '2024-05-06'] == [('[confidential]', True)]"
ok cw export records --format json
json "[(v['detainees'], v['detainees_not_met']) for v in d if v['date'] == '2024-05-06'] == [('[confidential]', True)]"
ok cw export records --format json --include-confidential
json "[(v['detainees'], v['detainees_not_met']) for v in d if v['date'] == '2024-05-06'] == [(['$sroy'], True)]"
# The CSV withholds what it records of their access with them, and says they were not met.
ok cw export records --kind visit --format csv
[ "$(csv_visits)" = "[('2024-05-06', 'yes', '[confidential]'), ('2024-05-07', '', '$sroy:lawyer=restricted'), ('2024-05-08', 'yes', '')]" ] ||
	fail "the CSV's withheld detainees: $(csv_visits)"
checks=$((checks + 1))

# ---- a later visit that met them and did not record an access leaves the earlier one's ------
# standing, and the row says so: a denial is not lost because a later visit did not ask, nor
# read as what the later visit found.
DB="$WORK/unasked"
ok cw init
ok cw person add --name "Eng Sroy"
ok cw case add --title "Sroy case" --defendant "Eng Sroy" --custody detained --stage pretrial
ok cw log milestone --person "Eng Sroy" --case "Sroy case" --type pretrial_detention \
	--date 2024-04-01
ok cw log visit --facility "Prey Sar CC2" --date 2024-04-20 --access granted --view ngo \
	--detainee "Eng Sroy" --lawyer-access "Eng Sroy=denied" --family-access "Eng Sroy=restricted"
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-06 --access granted --view un \
	--detainee "Eng Sroy" --lawyer-access "Eng Sroy=unknown"
later=$(added_id visit)
# refused at the gate: it met no one, so it is no visit that did not ask
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-08 --access denied --detainee "Eng Sroy"
want="lawyer access denied, family access restricted at the prison visit of 2024-04-20 (account: NGO), not recorded at the later prison visit of 2024-05-06 (account: UN)"
for f in md html csv; do
	ok cw report --week 2024-W19 --format $f
	has "$want"
done
ok cw report --week 2024-W19 --format json
json "[(a['lawyer']['date'], a['lawyer']['access'], a['lawyer']['not_recorded_later'], a['family']['date'], a['family']['not_recorded_later']['date']) for a in (r['access_at_visit'] for r in d['pretrial_detention'])] == [('2024-04-20', 'denied', {'visit': '$later', 'date': '2024-05-06', 'view': 'un'}, '2024-04-20', '2024-05-06')]"
# A later visit that records the family only: the lawyer's denial stands, said apart.
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-07 --access granted \
	--detainee "Eng Sroy" --family-access "Eng Sroy=granted"
ok cw report --week 2024-W19
has "lawyer access denied at the prison visit of 2024-04-20 (account: NGO), not recorded at the later prison visit of 2024-05-07 (account: not recorded) |"
lacks "family access restricted"
ok cw report --week 2024-W19 --format json
json "[(a['lawyer']['not_recorded_later']['date'], a['family']['date'], a['family']['access'], a['family']['not_recorded_later']) for a in (r['access_at_visit'] for r in d['pretrial_detention'])] == [('2024-05-07', '2024-05-07', 'granted', None)]"
# Before the later visits, nothing to say of them.
ok cw report --week 2024-W17
has "lawyer access denied, family access restricted at the prison visit of 2024-04-20 (account: NGO) |"
# One dated only to the month of the visit that recorded it may be before it: not later.
ok cw log visit --facility "Prey Sar CC2" --date 2024-04 --access granted --view un \
	--detainee "Eng Sroy"
ok cw report --week 2024-W18
has "lawyer access denied, family access restricted at the prison visit of 2024-04-20 (account: NGO) |"

# ---- those held with no dated arrest or detention: their rows say their access at visits as
# the other detainees' rows do (from any visit up to the period's end; held again after a
# release, from visits after it).
DB="$WORK/unstarted"
ok cw init
ok cw person add --name "Keo Sopheap"
ok cw case add --title "Sopheap case" --defendant "Keo Sopheap" --custody detained \
	--as-of 2024-03 --view ngo --stage pretrial
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-07 --access granted --view ngo \
	--detainee "Keo Sopheap" --lawyer-access "Keo Sopheap=denied"
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-08 --access granted --view un \
	--detainee "Keo Sopheap"
ok cw person add --name "Bailed Again"
ok cw case add --title "Again case" --stage pretrial --as-of 2024-04-01 \
	--defendant "Bailed Again" --custody detained --view ngo
ok cw log milestone --person "Bailed Again" --case "Again case" --type arrest --date 2024-01-05 \
	--view ngo
ok cw log milestone --person "Bailed Again" --case "Again case" --type bail --outcome granted \
	--date 2024-02-10 --view ngo
# of the detention the bail ended: not of this one
ok cw log visit --facility "Prey Sar CC1" --date 2024-01-20 --access granted \
	--detainee "Bailed Again" --lawyer-access "Bailed Again=denied"
ok cw log visit --facility "Prey Sar CC1" --date 2024-04-10 --access granted --view ngo \
	--detainee "Bailed Again" --family-access "Bailed Again=restricted"
for f in md html csv; do
	ok cw report --week 2024-W19 --format $f
	has "no dated arrest or detention logged: the case records them as detained as of 2024-03; their days are not known; lawyer access denied at the prison visit of 2024-05-07 (account: NGO), not recorded at the later prison visit of 2024-05-08 (account: UN)"
	has "their days since are not known; family access restricted at the prison visit of 2024-04-10 (account: NGO)"
	lacks "at the prison visit of 2024-01-20"
done
ok cw report --week 2024-W19 --format json
json "{x['person']['name']: x['access_at_visit'] and tuple(x['access_at_visit'][k] and (x['access_at_visit'][k]['date'], x['access_at_visit'][k]['access']) for k in ('lawyer', 'family')) for x in d['held_no_arrest_logged']} == {'Keo Sopheap': (('2024-05-07', 'denied'), None), 'Bailed Again': (None, ('2024-04-10', 'restricted'))}" \
	"[x['access_at_visit']['lawyer']['not_recorded_later']['date'] for x in d['held_no_arrest_logged'] if x['person']['name'] == 'Keo Sopheap'] == ['2024-05-08']"
# A visit whose detainees are confidential tells nothing here either, unless asked for.
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-09 --access granted \
	--detainee "Keo Sopheap" --family-access "Keo Sopheap=denied" --confidential-field detainees
ok cw report --week 2024-W19
lacks "prison visit of 2024-05-09"
has "(account: NGO), not recorded at the later prison visit of 2024-05-08 (account: UN) |"
ok cw report --week 2024-W19 --include-confidential
has "not recorded at the later prison visit of 2024-05-09 (account: not recorded); family access denied at the prison visit of 2024-05-09 (account: not recorded) |"
# A week before those visits: nothing to say.
ok cw report --week 2024-W14
has "their days since are not known |"
# Bailed in one case, then held with no dated arrest in another: a visit of the detention the
# bail ended is not of this one (the index's "held again" reads one case only).
DB="$WORK/twocases"
ok cw init
ok cw person add --name "Keo Sopheap"
ok cw case add --title "First case" --defendant "Keo Sopheap" --custody released \
	--stage pretrial --view ngo
ok cw log milestone --person "Keo Sopheap" --case "First case" --type arrest --date 2024-01-05 \
	--view ngo
ok cw log milestone --person "Keo Sopheap" --case "First case" --type bail --outcome granted \
	--date 2024-02-10 --view ngo
bail=$(added_id milestone)
ok cw log visit --facility "Prey Sar CC1" --date 2024-01-20 --access granted --view ngo \
	--detainee "Keo Sopheap" --lawyer-access "Keo Sopheap=denied"
ok cw log visit --facility "Prey Sar CC1" --date 2024-02 --access granted --view ngo \
	--detainee "Keo Sopheap" --family-access "Keo Sopheap=denied"
ok cw case add --title "Second case" --defendant "Keo Sopheap" --custody detained \
	--as-of 2024-04 --view ngo --stage pretrial
ok cw report --week 2024-W19
has "their days are not known |"
lacks "prison visit of 2024-01-20"
lacks "prison visit of 2024-02"
ok cw log visit --facility "Prey Sar CC2" --date 2024-04-15 --access granted --view ngo \
	--detainee "Keo Sopheap" --family-access "Keo Sopheap=restricted"
ok cw report --week 2024-W19 --format json
json "[(x['access_at_visit']['lawyer'], x['access_at_visit']['family']['date']) for x in d['held_no_arrest_logged']] == [(None, '2024-04-15')]"
# Bailed only after the second case knew them held: held in both at once, one stretch, whose
# visits are of it.
ok cw edit "$bail" --date 2024-05-02
ok cw report --week 2024-W19 --format json
json "[(x['access_at_visit']['lawyer']['date'], x['access_at_visit']['family']['date']) for x in d['held_no_arrest_logged']] == [('2024-01-20', '2024-04-15')]"

# ---- the CSV's detainee_access: every entry whole, however many; a confidential person's id --
# withheld. A visit holds up to 500 entries: a cell of 4096 bytes cut the sixtieth in the middle
# of its id and left out the rest.
DB="$WORK/many"
ok cw init
"${PYTHON3:-python3}" -c '
import json
for i in range(70):
    print(json.dumps({"kind": "person", "ref": "p-%d" % i, "name": "Detainee %d" % i,
                      "confidential": i == 69}))
print(json.dumps({"kind": "visit", "ref": "v-many", "facility": "Prey Sar CC1",
                  "date": "2024-04-11", "access": "granted",
                  "detainees": ["ref:p-%d" % i for i in range(70)],
                  "detainee_access": [{"person": "ref:p-%d" % i, "lawyer_access": "restricted",
                                       "family_access": "denied"} for i in range(70)]}))' >"$WORK/many.jsonl"
ok cw import "$WORK/many.jsonl"
ok cw export records --kind visit --format csv
printf '%s' "$out" >"$WORK/many.csv"
ok cw export records --kind visit --format json --include-confidential
printf '%s' "$out" >"$WORK/many.json"
"${PYTHON3:-python3}" - "$WORK/many.csv" "$WORK/many.json" <<'PY' || fail "the CSV's detainee_access of 70 detainees"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline=""), strict=True))
ids = [a["person"] for a in json.load(open(sys.argv[2]))[0]["detainee_access"]]
entries = rows[0]["detainee_access"].split(" ")
want = ["%s:lawyer=restricted,family=denied" % i for i in ids[:69]]
want.append("[confidential]:lawyer=restricted,family=denied")
assert len(ids) == 70, ids
assert entries == want, (len(entries), entries[-2:])
assert ids[69] not in rows[0]["detainee_access"], "a confidential person's id"
PY
checks=$((checks + 1))

done_ok
