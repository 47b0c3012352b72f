#!/bin/sh
# confidential.sh - confidential records and fields (issue 17): a confidential record is in no
# report (every format), no export (CSV, JSON, a timeline, iCalendar) and no plain bundle, and
# travels in a bundle encrypted for an enrolled peer, still marked; a confidential field reads
# [confidential] in what others read; --include-confidential puts them in and the header says
# so; the figures say how many were left out. Each unique word below is looked for in every
# output.
. "$TESTLIB"
set -e
PY=${PYTHON3:-python3}

S="$WORK/sup"
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
ok cw init
ok cs init
ok cw seed "$SEED_FILE"
ok cw report --week 2024-W06 --format json
figures=$(printf '%s' "$out" | "$PY" -c 'import json,sys; c = json.load(sys.stdin)["comparison"]; print(c["hearings"]["current"], c["arrests"]["current"])')
hearings_before=${figures% *}
arrests_before=${figures#* }
CASE=ref:c-nagaworld-lrsu-incitement

# A witness whose whole record is confidential, a source whose name is, a confidential
# hearing (with a next date: the upcoming hearings too), a confidential prison visit (with a
# follow-up: the calendar too), a hearing whose notes and source are confidential, and
# arrests that name the two people.
ok cw person add --name "Zebrafinch Witness" --confidential
witness=$(added_id person)
ok cw person add --name "Platypus Source" --affiliation "Okapi Union" \
	--confidential-field name --confidential-field affiliation
source_id=$(added_id person)
ok cw log hearing --case $CASE --date 2024-02-07 --time 09:00 --outcome adjourned \
	--next-date 2024-02-14 --source "own observation" --view own \
	--notes "Quokkaword testimony" --confidential
hid=$(added_id hearing)
ok cw log hearing --case $CASE --date 2024-02-08 --time 10:00 --outcome adjourned \
	--source "Heronsource interview" --notes "Ibisnote detail" \
	--confidential-field notes,source
ok cw log visit --facility "Wombat Prison" --date 2024-02-06 --follow-up-on 2024-02-13 \
	--notes "Koalamedical details" --confidential
# The case does not name them as defendants, so `log milestone` refuses their arrests in it
# (tests/cli/logging_rules.sh); an import brings them as a document gives them.
case_id=$(cw show $CASE --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for p in "$witness" "$source_id"; do
	printf '{"ref":"arrest-%s","kind":"milestone","type":"arrest","person":"%s","case":"%s","date":"2024-02-06"}\n' \
		"$p" "$p" "$case_id"
done >"$WORK/arrests.jsonl"
ok cw import "$WORK/arrests.jsonl"
secret="Quokkaword Zebrafinch Platypus Okapi Heronsource Ibisnote Wombat Koalamedical Kiwi"
lacks_all() {
	for w in $secret; do lacks "$w"; done
}

# The team's own views show everything, marked.
ok cw show $hid
has "confidential         yes"
ok cw show "Platypus Source"
has "kept confidential    name (Latin and Khmer script), affiliation"
ok cw show "Platypus Source" --json
json "d['confidential_fields'] == ['name', 'affiliation'] and 'confidential' not in d"
ok cw list records --text Quokkaword
has "$(printf '%.8s' "$hid")"

# ---- reports: every format, none of the words; the count says what was left out ----------
for f in md html csv json; do
	ok cw report --week 2024-W06 --format $f
	printf '%s' "$out" >"$WORK/report.$f" # read again below: nothing is written in between
	lacks_all
	has "2 confidential records are not shown"
	# The two people the arrests name: by placeholder (escaped in Markdown).
	if [ $f = md ]; then has "| \\[confidential\\] |"; else has "[confidential]"; fi
done
# PDF: its text, read back (pdftotext cuts lines where the PDF wraps them: spaces out).
if command -v pdftotext >/dev/null; then
	ok cw report --week 2024-W06 --format pdf -o "$WORK/week.pdf"
	out=$(pdftotext "$WORK/week.pdf" - | tr -d ' \t\n\f')
	for w in $secret; do lacks "$w"; done
	has "2confidentialrecordsarenotshown"
	ok cw report --week 2024-W06 --format pdf -o "$WORK/team.pdf" --include-confidential
	out=$(pdftotext "$WORK/team.pdf" - | tr -d ' \t\n\f')
	has "Zebrafinch"
	has "CONFIDENTIAL:thisholds"
fi
out=$(cat "$WORK/report.json")
json "d['confidential']['records_left_out'] == 2 and not d['confidential']['included']"
# Honest figures: the confidential hearing is not counted, the other two new records are.
json "d['comparison']['hearings']['current'] == $hearings_before + 1" \
	"d['comparison']['arrests']['current'] == $arrests_before + 2" \
	"all(u['hearing_id'] != '$hid' for u in d['upcoming_hearings'])"
# ... and the confidential person named by an arrest is a name no more.
json "'[confidential]' in json.dumps(d['arrests_and_charges'])"
# Every row drawn from a record names its source, for a partner to trace the figure to; a
# confidential source reads as withheld, in JSON and CSV alike.
json "all('source' in row for row in d['hearings'] + d['arrests_and_charges']['events'] + d['visits']) and d['arrests_and_charges']['events']" \
	"[h['source'] for h in d['hearings'] if h['date'] == '2024-02-08'] == ['[confidential]']"
out=$(cat "$WORK/report.csv")
printf '%s\n' "$out" | head -1 | grep -q ',people_count,source' || fail "the CSV has no source column: $(printf '%s' "$out" | head -1)"
# (source, counted_in, then the demonstrations' injured and injured_at_least, last)
printf '%s\n' "$out" | tr -d '\r' | grep -q '^hearings_reported,.*,\[confidential\],[0-9a-f]*,,$' || fail "the CSV's withheld source: $out"
checks=$((checks + 2))
# Included on request: everything, and the header says so first.
for f in md html csv json; do
	ok cw report --week 2024-W06 --format $f --include-confidential
	printf '%s' "$out" >"$WORK/report-all.$f"
	has "Wombat Prison"
	has "Zebrafinch"
	has "Platypus"
	has "CONFIDENTIAL: this holds"
	lacks "not shown"
done
out=$(cat "$WORK/report-all.md")
printf '%s\n' "$out" | sed -n '1,8p' | grep -q "CONFIDENTIAL" || fail "not in the header: $out"
out=$(cat "$WORK/report-all.json")
json "d['confidential']['included'] and d['comparison']['hearings']['current'] == $hearings_before + 2" \
	"any(h['id'] == '$hid' for h in d['hearings'])"

# ---- exports ----------------------------------------------------------------------------
for what in records persons cases; do
	for f in csv json; do
		ok cw export $what --format $f
		printf '%s' "$out" >"$WORK/export.$what.$f"
		cp "$WORK/stderr" "$WORK/export.$what.$f.err"
		lacks_all
	done
done
out=$(cat "$WORK/export.records.csv")
has "[confidential]"
err="$WORK/export.records.csv.err"
grep -q "confidential records\{0,1\} \(is\|are\) left out" "$err" || fail "export said nothing: $(cat "$err")"
# Rows have no figures: an export says what is left out, not that "the figures leave it out".
! grep -q "figures" "$err" || fail "export spoke of figures: $(cat "$err")"
ok cw export records --format json --include-confidential
has "Quokkaword"
has "Koalamedical"
json "any(r.get('confidential') for r in d)"
grep -q "CONFIDENTIAL" "$WORK/stderr" || fail "export --include-confidential said nothing"
ok cw export persons --format csv --include-confidential
has "Zebrafinch Witness"
has "name affiliation"
# the CSV's confidential column
printf '%s\n' "$out" | head -1 | grep -q ',confidential' || fail "no confidential column: $out"
# A person whose name is confidential is "[confidential]" without the id beside it, in export
# persons as in every row that names them (a trial found the id there, linking the row to the
# person's every appearance); with --include-confidential the id is there.
psid=$source_id # Platypus Source
for f in csv json; do
	out=$(cat "$WORK/export.persons.$f")
	lacks "$psid"
	has "[confidential]"
done
json "any(p['id'] is None and p['name'] == '[confidential]' for p in d)"
out=$(cat "$WORK/export.persons.csv")
printf '%s\n' "$out" | tr -d '\r' | grep -q '^,\[confidential\],' || fail "export persons gave the withheld person an id: $out"
checks=$((checks + 1))
ok cw export persons --format json --include-confidential
json "any(p['id'] == '$psid' and p['name'] == 'Platypus Source' for p in d)"
ok cw export --timeline "Platypus Source" --format json
lacks_all
fails 65 timeline cw export --timeline "Zebrafinch Witness" --format json
ok cw export --timeline "Zebrafinch Witness" --format json --include-confidential
has "Zebrafinch"
ok cw export --format ics --from 2024-02-01 --to 2024-02-29
lacks_all
ok cw export --format ics --from 2024-02-01 --to 2024-02-29 --include-confidential
has "Wombat Prison"

# ---- bundles: never plain, always encrypted ------------------------------------------------
# (each database's key, asked once: it stays the same)
sup_key=$(cs identity --key)
alice_key=$(cw identity --key)
ok cw peer add sup "$sup_key"
ok cs peer add alice "$alice_key"
fails 65 include-confidential cw bundle export --all --plain --include-confidential -o "$WORK/x.bundle"
[ ! -e "$WORK/x.bundle" ] || fail "a refused bundle was written"
# A photo attached to the confidential hearing goes with it, or not at all.
printf 'Kiwisecret statement\n' >"$WORK/kiwi.txt"
ok cw attach $hid "$WORK/kiwi.txt" --caption "Kiwicaption photo"
# Records that link to a confidential one, or come after it, would carry its id: they stay
# out too, and so, to a fixed point, does a hearing that comes after one of those (March, out
# of the reports' week).
ok cw log hearing --case $CASE --date 2024-03-05 --outcome adjourned --same-event $hid
linked=$(added_id hearing)
ok cw log hearing --case $CASE --date 2024-03-12 --outcome adjourned --after $linked
later=$(added_id hearing)
ok cw show "Zebrafinch Witness" --json
zid=$(printf '%s' "$out" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
ok cw bundle export --all --plain -o "$WORK/plain.bundle"
lacks "attachment"
cp "$WORK/stderr" "$WORK/plain.stderr"
# Nothing in it names a record left out: no version, link or audit entry (which would give
# its id, kind, time and author), and the end line does not count them.
bundle_payload "$WORK/plain.bundle" "$WORK/plain.jsonl"
for id in $hid $linked $later $zid; do
	! grep -q "$id" "$WORK/plain.jsonl" || fail "the plain bundle names $id: $(grep "$id" "$WORK/plain.jsonl" | head -3)"
	checks=$((checks + 1))
done
! grep -q 'left_out' "$WORK/plain.jsonl" || fail "the plain bundle counts what it left out"
grep -q '"type":"audit"' "$WORK/plain.jsonl" || fail "the plain bundle lost its audit entries"
checks=$((checks + 3))
# What it holds, read back (the file is compressed: grep the records, not the bytes).
ok cs bundle inspect --all --json "$WORK/plain.bundle"
lacks_all
grep -q "9 records left out" "$WORK/plain.stderr" ||
	fail "plain export said nothing: $(cat "$WORK/plain.stderr")"
json "d['confidential'] == 'left out' and len(d['versions']) == 161"
ok cs bundle import "$WORK/plain.bundle"
ok cs verify
ok cs list records --text Quokkaword
has "no matching records"
# A --since bundle brings what the chosen records name: a record naming a confidential one
# stays out with it (the arrest of the witness), and the bundle imports on its own.
ok cw bundle export --since 2020 --plain -o "$WORK/since.bundle"
ok cs bundle inspect --all --json "$WORK/since.bundle"
lacks_all
ok "$CASEWATCH" --db "$WORK/third" init
ok "$CASEWATCH" --db "$WORK/third" peer add alice "$alice_key"
ok "$CASEWATCH" --db "$WORK/third" bundle import "$WORK/since.bundle"
# Encrypted for the supervisor: everything, still marked confidential there.
ok cw bundle export --to sup -o "$WORK/enc.bundle"
has "1 attachment, 1 file"
ok cs bundle inspect --json "$WORK/enc.bundle"
json "d['confidential'] == 'included'"
ok cs bundle import "$WORK/enc.bundle"
ok cs list records --text Quokkaword
has "$(printf '%.8s' "$hid")"
ok cs show $hid --json
json "d['confidential'] is True and d['notes'] == 'Quokkaword testimony'"
# ---- a partner organisation: encrypted, and without confidential material ---------------------
# A peer enrolled as a partner gets every bundle without what a plain bundle leaves out (the
# same selection: records, their ids in links and "after", audit entries, attachments),
# whatever the command line says; the summary counts what was left out and names none of it.
# A trial found a bundle --to a partner carrying the confidential records whole.
P="$WORK/partner"
cpn() { "$CASEWATCH" --db "$P" "$@"; }
ok cpn init
ok cw peer add ngo "$(cpn identity --key)" --partner
has "as a partner, it gets no confidential material"
ok cpn peer add alice "$alice_key"
ok cw peer list
printf '%s\n' "$out" | grep -q '^ngo  *partner ' || fail "peer list shows no role: $out"
printf '%s\n' "$out" | grep -q '^sup  *team ' || fail "peer list shows no role: $out"
checks=$((checks + 2))
ok cw peer list --json
json "sorted((p['name'], p['role']) for p in d) == [('ngo', 'partner'), ('sup', 'team')]"
fails 65 include-confidential cw bundle export --to ngo --include-confidential -o "$WORK/x.bundle"
fails 65 include-confidential cw bundle export --to sup,ngo --include-confidential -o "$WORK/x.bundle"
[ ! -e "$WORK/x.bundle" ] || fail "a refused bundle was written"
fails 2 without-confidential cw bundle export --to sup --include-confidential --without-confidential -o "$WORK/x.bundle"
ok cw bundle export --to ngo -o "$WORK/ngo.bundle"
has "signed, encrypted for ngo, without confidential material: 9 records left out"
has "'ngo' is enrolled as a partner"
lacks_all
lacks "attachment"
ok cpn bundle inspect --all --json "$WORK/ngo.bundle"
json "d['encrypted'] and d['confidential'] == 'left out' and len(d['versions']) == 161"
lacks_all
for id in $hid $linked $later $zid; do lacks "$id"; done
ok cpn bundle inspect "$WORK/ngo.bundle"
has "confidential records: left out (a bundle for a partner"
# Imported at the partner's: cleanly (nothing names a record left out), verified, and none of
# it there.
ok cpn bundle import "$WORK/ngo.bundle"
ok cpn verify
ok cpn list records --text Quokkaword
has "no matching records"
ok cpn list records
lacks_all
ok cpn list persons
lacks_all
for id in $hid $linked $later $zid; do
	fails 66 record cpn show $id
done
ok cpn export records --format json --include-confidential
lacks_all
ok cpn audit --json
json "len(d) > 100 and not any(e['record'] in ('$hid', '$linked', '$later', '$zid') for e in d)"
# --without-confidential does the same for one bundle to a peer of the team, whose mark stays:
# its next bundle sends again what this one left out.
ok cw bundle peers
peers_before=$out
# the last bundle's time local, with its offset (the JSON keeps UTC)
out=$(TZ=ICT-7 "$CASEWATCH" --db "$DB" bundle peers)
printf '%s\n' "$out" | grep -Eq ' [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} \(UTC\+7\) ' ||
	fail "bundle peers' time is not local with its offset: $out"
checks=$((checks + 1))
ok cw bundle export --to sup --without-confidential -o "$WORK/sup-without.bundle"
has "without confidential material"
grep -q "their next bundle sends again" "$WORK/stderr" || fail "no word of the mark kept: $(cat "$WORK/stderr")"
checks=$((checks + 1))
ok cw bundle peers
[ "$out" = "$peers_before" ] || fail "a bundle without confidential material moved the team's mark: $peers_before / $out"
checks=$((checks + 1))
ok cs bundle inspect --json "$WORK/sup-without.bundle"
json "d['confidential'] == 'left out'"
# A partner made one of the team gets everything in its next bundle, confidential still marked.
ok cw peer role ngo team
has "its next one sends everything"
ok cw bundle export --to ngo -o "$WORK/ngo-team.bundle"
lacks "without confidential"
ok cpn bundle import "$WORK/ngo-team.bundle"
ok cpn show $hid --json
json "d['confidential'] is True and d['notes'] == 'Quokkaword testimony'"
ok cw peer role ngo partner
has "is a partner now"
ok cw peer list --json
json "[p['role'] for p in d if p['name'] == 'ngo'] == ['partner']"
fails 2 role cw peer role ngo boss
fails 66 name cw peer role nobody team
# The supervisor's plain bundle leaves them out too, with their audit entries, alice's
# relayed ones and its own of the import. Its import entry of a record left out was the last
# of that import, the one signed: the entries before it, which that signature vouched for,
# stay out as well, else the bundle would be refused as carrying entries no signature
# vouches for. It imports where both laptops are known, and the log there verifies.
ok cs bundle export --all --plain -o "$WORK/sup-plain.bundle"
bundle_payload "$WORK/sup-plain.bundle" "$WORK/sup-plain.jsonl"
for id in $hid $linked $later $zid; do
	! grep -q "$id" "$WORK/sup-plain.jsonl" || fail "the plain bundle names $id: $(grep "$id" "$WORK/sup-plain.jsonl" | head -3)"
	checks=$((checks + 1))
done
ok "$CASEWATCH" --db "$WORK/third" peer add sup "$sup_key"
ok "$CASEWATCH" --db "$WORK/third" bundle import "$WORK/sup-plain.bundle"
ok "$CASEWATCH" --db "$WORK/third" verify
ok "$CASEWATCH" --db "$WORK/third" audit --json
json "len(d) > 100 and not any(e['record'] in ('$hid', '$linked', '$later', '$zid') for e in d)"
ok cs attachments $hid
has "Kiwicaption"
ok cs show "Platypus Source" --json
json "d['confidential_fields'] == ['name', 'affiliation']"
# A record that held confidential material, deleted, leaves a deletion that says so: neither
# its id nor its audit entries travel in a plain bundle, from here or from the supervisor once
# it got there (a review found the deletion, and with it the record's existence, its kind and
# its author, in plain bundles).
ok cw person add --name "Gone Witness" --confidential
gone1=$(added_id person)
ok cw person add --name "Gone Source" --confidential-field name
gone2=$(added_id person)
[ -n "$gone1" ] && [ -n "$gone2" ] || fail "no ids for the people to delete: $out"
ok cw delete $gone1 --yes
ok cw delete $gone2 --yes
# ... and so does one that named a confidential record, which a plain bundle left out while it
# lived (a sync trial found its deletion, with its id, in a plain bundle)
ok cw log visit --facility "Prey Sar" --date 2024-03-20 --access granted \
	--detainee "Zebrafinch Witness" --source "own observation"
gone3=$(added_id visit)
[ -n "$gone3" ] || fail "no id for the visit: $out"
ok cw delete $gone3 --yes
# ... and one that named, through another, a confidential record: a visit placed after a visit
# that names the witness (a plain bundle leaves out both while they live).
ok cw log visit --facility "Prey Sar" --date 2024-03-21 --access granted \
	--detainee "Zebrafinch Witness" --source "own observation"
kept=$(added_id visit)
ok cw log visit --facility "Prey Sar" --date 2024-03-21 --access granted --after "$kept" \
	--source "own observation"
gone4=$(added_id visit)
[ -n "$kept" ] && [ -n "$gone4" ] || fail "no ids for the visits: $out"
ok cw delete $gone4 --yes
ok cw delete $kept --yes
ok cw bundle export --to sup -o "$WORK/gone.bundle"
ok cs bundle import "$WORK/gone.bundle"
ok cw bundle export --all --plain -o "$WORK/gone-plain.bundle"
ok cs bundle export --all --plain -o "$WORK/gone-sup-plain.bundle"
for b in gone-plain gone-sup-plain; do
	bundle_payload "$WORK/$b.bundle" "$WORK/$b.jsonl"
	for id in $gone1 $gone2 $gone3 $gone4 $kept; do
		! grep -q "$id" "$WORK/$b.jsonl" || fail "$b names the deleted $id: $(grep "$id" "$WORK/$b.jsonl" | head -3)"
		checks=$((checks + 1))
	done
done
ok "$CASEWATCH" --db "$WORK/third" bundle import "$WORK/gone-sup-plain.bundle"
ok "$CASEWATCH" --db "$WORK/third" verify
# ... and still out of the supervisor's reports.
ok cs report --week 2024-W06
lacks_all
has "2 confidential records are not shown"

# ---- marks come off --------------------------------------------------------------------
ok cw edit $hid --clear confidential
ok cw report --week 2024-W06 --format json
json "any(h['id'] == '$hid' for h in d['hearings']) and d['confidential']['records_left_out'] == 1"
fails 65 confidential-fields cw edit $hid --confidential-field name
# A filter's text is not matched by what is withheld: the hearing whose confidential notes
# hold "Ibisnote" is not listed under a header that gives the word (which would say what the
# notes hold), nor counted as left out ("1 confidential record is not shown" under
# "Filter: Ibisnote" would say the same); the header says the text was looked for only in
# what is shown. Included on request, it is listed.
ok cw report --week 2024-W06 --text Ibisnote --format json
json "d['hearings'] == [] and d['confidential']['records_left_out'] == 0 and d['confidential']['fields_withheld'] == 0 and d['confidential']['text_as_shown'] is True"
ok cw report --week 2024-W06 --text Ibisnote
lacks "2024-02-08"
lacks "confidential record is not shown"
lacks "confidential field is withheld"
has "Confidential records: the free text is looked for only in what is shown here: whatever is confidential is neither searched nor counted"
ok cw report --week 2024-W06 --text Ibisnote --include-confidential --format json
json "[h['date'] for h in d['hearings']] == ['2024-02-08']"
# A word of what is not withheld (its case's title) still finds it.
ok cw report --week 2024-W06 --text NagaWorld --format json
json "'2024-02-08' in [h['date'] for h in d['hearings']]"
# The same for an export.
ok cw export records --text Ibisnote --format json
json "d == []"
grep -q "neither searched nor counted" "$WORK/stderr" || fail "export said nothing: $(cat "$WORK/stderr")"
! grep -q "1 confidential record" "$WORK/stderr" || fail "export counted it: $(cat "$WORK/stderr")"
ok cw export records --text Ibisnote --format json --include-confidential
json "[r['date'] for r in d] == ['2024-02-08']"
# ... and for a calendar file.
ok cw export --format ics --from 2024-02-01 --to 2024-02-29 --text Ibisnote
lacks "20240208T"
grep -q "neither searched nor counted" "$WORK/stderr" || fail "ics said nothing: $(cat "$WORK/stderr")"
! grep -q "1 confidential record" "$WORK/stderr" || fail "ics counted it: $(cat "$WORK/stderr")"
ok cw export --format ics --from 2024-02-01 --to 2024-02-29 --text Ibisnote \
	--include-confidential
has "DTSTART;TZID=Asia/Phnom_Penh:20240208T100000"
# Nor by the name of a confidential person, or a person's confidential name: the arrest of
# "Platypus Source", written with "[confidential]" for the name under a header that gives
# "Platypus", would say who was arrested that day.
for t in Platypus Zebrafinch; do
	ok cw report --week 2024-W06 --text $t --format json
	json "d['comparison']['arrests']['current'] == 0 and d['confidential']['records_left_out'] == 0"
	ok cw export records --text $t --format json
	json "d == []"
	ok cw export records --text $t --format json --include-confidential
	json "[(r['kind'], r['date']) for r in d] == [('milestone', '2024-02-06')]"
done
# ... in no section of a report: a case whose defendant is "Platypus Source", held since
# January, with a hearing set in the fortnight after the week and one dated only to February.
ok cw case add --title "Quiet case" --defendant "Platypus Source" --custody detained \
	--opened 2024-01-02 --charge 494
ok cw log milestone --type arrest --person "Platypus Source" --case "Quiet case" --date 2024-01-03
ok cw log hearing --case "Quiet case" --date 2024-02-15 --time 09:00
ok cw log hearing --case "Quiet case" --date 2024-02 --outcome adjourned
quiet="[len([x for x in d[k] if 'Quiet case' in json.dumps(x)]) for k in ('pretrial_detention', 'upcoming_hearings', 'partial_dates')]"
ok cw report --week 2024-W06 --text Platypus --format json
json "$quiet == [0, 0, 0] and d['confidential']['records_left_out'] == 0"
ok cw report --week 2024-W06 --text Platypus --format json --include-confidential
json "$quiet == [1, 1, 1]"

# A report for others filtered by a person whose name is confidential does not repeat the
# name in its header (every format): the rows say "[confidential]", and "Filter: person:
# Platypus Source" above them would say whom they are about. A person whose name is shown
# is repeated as typed; included on request, the name is the team's to see.
ok cw report --week 2024-W06 --person "Platypus Source"
has "Filter: person:\\[confidential\\]"
lacks "Platypus"
for f in csv html json; do
	ok cw report --week 2024-W06 --person "Platypus Source" --format $f
	lacks "Platypus"
done
json "d['filter'] == 'person:[confidential]'"
ok cw report --week 2024-W06 --person "Platypus Source" --include-confidential
has 'Filter: person:"Platypus Source"'
ok cw report --week 2024-W06 --case "Quiet case"
has 'Filter: case:"Quiet case"'
# Under free text naming a person whose record is confidential, the header does not give
# the text either: it is the name.
ok cw report --week 2024-W06 --text Platypus
has "Filter: \\[confidential\\]"
lacks "Platypus"
# ... in another order, or among other words
ok cw report --week 2024-W06 --text "Source Platypus land" --format json
json "d['filter'] == '[confidential]'"
# A withheld source has no number: rows that read "[confidential]" would share one, as if one
# source stood behind them all.
ok cw report --week 2024-W06
printf '%s\n' "$out" | grep '^| \\\[[0-9]*\\\] |' | grep -q 'confidential' &&
	fail "a withheld source is numbered: $(printf '%s\n' "$out" | grep '^| \\\[')"
checks=$((checks + 1))
# ... nor does the count of undated records say whether the word is in what is withheld.
ok cw log milestone --type other --case "Quiet case" --person "Platypus Source" \
	--detail Hedgehogsecret --confidential
ok cw report --week 2024-W06 --text Hedgehogsecret --format json
json "d['undated_records'] == 0"
ok cw log milestone --type other --case "Quiet case" --person "Platypus Source" \
	--detail "Hedgehogsecret told openly"
ok cw report --week 2024-W06 --text Hedgehogsecret --format json
json "d['undated_records'] == 1"

# A confidential milestone gives a detention no length in what is written for others: with
# ten longer detentions beside it, the one whose only dated record after the arrest is
# confidential is still listed among those whose length the records do not give (the
# detention index read the confidential record as news and left them out).
DB="$WORK/lengths"
ok cw init --no-encryption
for i in 0 1 2 3 4 5 6 7 8 9; do
	ok cw person add --name "Long Held $i"
	ok cw case add --title "Long case $i" --defendant "Long Held $i" --custody detained \
		--custody-as-of 2024-05-01 --charge 494 --view un --opened 2023-01-10
	ok cw log milestone --type arrest --person "Long Held $i" --case "Long case $i" \
		--date 2023-01-10 --view un
done
ok cw person add --name "Short Stay"
ok cw case add --title "Short case" --defendant "Short Stay" --custody detained --charge 494 \
	--view un --opened 2024-04-01
ok cw log milestone --type arrest --person "Short Stay" --case "Short case" --date 2024-04-01 \
	--view un
ok cw log milestone --type other --person "Short Stay" --case "Short case" --date 2024-04-10 \
	--view un --detail "moved" --confidential
ok cw report --week 2024-W20 --format json
json "[(p['person']['name'], p['days']) for p in d['pretrial_detention'] if p['person']['name'] == 'Short Stay'] == [('Short Stay', None)]"
ok cw report --week 2024-W20 --include-confidential --format json
json "all(p['person']['name'] != 'Short Stay' for p in d['pretrial_detention'])"

# A plain bundle leaves out the audit entries of what it leaves out, and those no signature in
# it vouches for then: a supervisor imports a bundle whose last record, the one whose import
# entry is signed, is confidential; its import entries of the two records before it stay out
# of its plain bundle (the import would refuse them, unvouched), the field's own entries of
# them, each signed, go; the plain bundle imports into a third database that knows both
# laptops, which verifies.
f1() { CASEWATCH_AUTHOR=field1 "$CASEWATCH" --db "$WORK/f1" "$@"; }
s1() { CASEWATCH_AUTHOR=sup1 "$CASEWATCH" --db "$WORK/s1" "$@"; }
t1() { "$CASEWATCH" --db "$WORK/t1" "$@"; }
ok f1 init
ok s1 init
ok t1 init
ok f1 person add --name "Open Person"
ok f1 case add --title "Open case"
ok f1 log hearing --case "Open case" --date 2024-03-03 --confidential
c1=$(added_id hearing)
s1_key=$(s1 identity --key)
f1_key=$(f1 identity --key)
ok f1 peer add sup1 "$s1_key"
ok s1 peer add field1 "$f1_key"
ok t1 peer add sup1 "$s1_key"
ok t1 peer add field1 "$f1_key"
ok f1 bundle export --to sup1 -o "$WORK/f1.bundle"
ok s1 bundle import "$WORK/f1.bundle"
ok s1 bundle export --all --plain -o "$WORK/s1.bundle"
ok t1 bundle import "$WORK/s1.bundle"
ok t1 verify
ok t1 audit --json
json "sorted((e['action'], e['kind']) for e in d if not e['here']) == [('create', 'case'), ('create', 'person')] and '$c1' not in str(d)"

# What is written for others gives no id of what it withholds: a hearing that comes after a
# confidential one loses its "after" in an export; a confidential person, a person whose name
# is confidential, and a confidential case read "[confidential]" with no id beside them (it
# would link every appearance of a protected witness), in reports and exports, JSON and
# CSV; with --include-confidential the ids are there.
DB="$WORK/ids"
ok cw init --no-encryption
ok cw case add --title "Visible case"
vid=$(added_id case)
ok cw case add --title "Hidden case" --confidential
kid=$(added_id case)
ok cw person add --name "Hidden Witness" --confidential
wid=$(added_id person)
ok cw person add --name "Named Source" --confidential-field name
nid=$(added_id person)
ok cw log hearing --case "Visible case" --date 2024-03-03 --confidential
sealed=$(added_id hearing)
ok cw log hearing --case "Visible case" --date 2024-03-04 --after $sealed
ok cw log hearing --case "Hidden case" --date 2024-03-04
ok cw log visit --facility "Prey Sar" --date 2024-03-05 --detainee "Hidden Witness" \
	--detainee "Named Source"
# (imported: the case does not name them, which `log milestone` refuses)
printf '{"ref":"hidden-arrest","kind":"milestone","type":"arrest","person":"%s","case":"%s","date":"2024-03-02"}\n' \
	"$wid" "$vid" >"$WORK/hidden-arrest.jsonl"
ok cw import "$WORK/hidden-arrest.jsonl"
[ -n "$kid" ] && [ -n "$wid" ] && [ -n "$nid" ] && [ -n "$sealed" ] || fail "no ids: $kid $wid $nid $sealed"
for f in json csv; do
	ok cw report --from 2024-03-01 --to 2024-03-31 --format $f
	printf '%s' "$out" >"$WORK/ids-report.$f" # read again below: nothing is written in between
	has "[confidential]"
	for id in $kid $wid $nid $sealed; do lacks "$id"; done
	ok cw report --from 2024-03-01 --to 2024-03-31 --format $f --include-confidential
	for id in $kid $wid $nid; do has "$id"; done
	ok cw export --format $f
	printf '%s' "$out" >"$WORK/ids-export.$f"
	has "[confidential]"
	for id in $kid $wid $nid $sealed; do lacks "$id"; done
	ok cw export --format $f --include-confidential
	for id in $kid $wid $nid $sealed; do has "$id"; done
done
# The ids left out keep their place: the visit's two detainees, two (empty) ids.
out=$(cat "$WORK/ids-report.json")
json "[[p['id'] for p in v['detainees']] for v in d['visits']] == [[None, None]]"
out=$(cat "$WORK/ids-export.json")
json "[r['detainees'] for r in d if r['kind'] == 'visit'] == [[None, None]] and all('after' not in r for r in d)"

# Two laptops edit one record apart: one marks it confidential, the other's later edit of its
# notes wins the record shown. What is written for others still leaves it out, as the plain
# bundle does, until the conflict is resolved (a sync trial found it back in the report).
A="$WORK/conf-a"
B="$WORK/conf-b"
ka() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
kb() { CASEWATCH_AUTHOR=bopha "$CASEWATCH" --db "$B" "$@"; }
ok ka init
ok kb init
ok ka peer add bopha "$(kb identity --key)"
ok kb peer add alice "$(ka identity --key)"
ok ka log visit --facility "Kampot prison" --date 2024-03-12 --access granted \
	--source "own observation" --notes "first note"
kid=$(added_id visit)
ok ka bundle export --to bopha -o "$WORK/k1.bundle"
ok kb bundle import "$WORK/k1.bundle"
CASEWATCH_NOW=2024-05-10T04:00:00Z ok ka edit "$kid" --confidential --confidential-field notes \
	--notes "Ibisword secret"
CASEWATCH_NOW=2024-05-10T06:00:00Z ok kb edit "$kid" --notes "bopha note"
ok kb bundle export --to alice -o "$WORK/k2.bundle"
ok ka bundle import "$WORK/k2.bundle"
ok ka conflicts --json
json "len(d) == 1" \
	"[(v.get('confidential', False), v.get('confidential_fields', [])) for v in d[0]['versions']] == [(False, []), (True, ['notes'])]"
# The supervisor choosing between them sees the mark among the differences: keeping the version
# without it sends the record to partners (the list showed only the notes).
ok ka conflicts
has "      confidential: yes: in no report, export or plain bundle   (shown: no: in reports, exports and plain bundles)"
has "      kept confidential: notes   (shown: (none))"
has "      notes: Ibisword secret   (shown: bopha note)"
ok ka report --from 2024-03-11 --to 2024-03-17 --format json
json "d['visits'] == [] and d['confidential']['records_left_out'] == 1"
ok ka export --format json
json "all(r['id'] != '$kid' for r in d)"
ok ka report --from 2024-03-11 --to 2024-03-17 --format json --include-confidential
json "len(d['visits']) == 1"

# The same two laptops: one links an account of a visit to the team's (it disputes it) and
# places it after another visit, the other's later edit of its notes wins. The conflict lists
# the link and the record it names as the record view tells them: keeping the version without
# the link counts the two accounts as two visits.
ok ka log visit --facility "Kampot prison" --date 2024-04-02 --access granted \
	--source "own observation"
own=$(added_id visit)
ok ka log visit --facility "Kampot prison" --date 2024-04-02 --access denied --view government \
	--source "Ministry statement"
gov=$(added_id visit)
ok ka log visit --facility "Prey Sar" --date 2024-04-01 --access granted --source "own observation"
first=$(added_id visit)
[ -n "$own" ] && [ -n "$gov" ] && [ -n "$first" ] || fail "no ids: $own $gov $first"
ok ka bundle export --to bopha -o "$WORK/k3.bundle"
ok kb bundle import "$WORK/k3.bundle"
CASEWATCH_NOW=2024-05-11T04:00:00Z ok ka edit "$gov" --disputes "$own" --after "$first"
CASEWATCH_NOW=2024-05-11T06:00:00Z ok kb edit "$gov" --notes "bopha note"
ok kb bundle export --to alice -o "$WORK/k4.bundle"
ok ka bundle import "$WORK/k4.bundle"
ok ka conflicts --json
json "[[v.get('links', []) for v in c['versions']] for c in d if c['id'] == '$gov'] == [[[], [{'relation': 'disputes', 'record': '$own'}]]]" \
	"[[v.get('after') for v in c['versions']] for c in d if c['id'] == '$gov'] == [[None, '$first']]"
ok ka conflicts
has "      disputes: visit 2024-04-02, account: own observation, Kampot prison ($(printf %.8s "$own"))   (shown: (none))"
has "      placed after: visit 2024-04-01, account: own observation, Prey Sar ($(printf %.8s "$first"))   (shown: (none))"
has "      notes: (none)   (shown: bopha note)"
# A hearing one laptop marked confidential while the other edited it is withheld as a
# confidential one is, by the same rule, in everything derived for others: its next date is in
# no calendar file for them (the calendar dropped only records marked in the version shown),
# and it moves no earlier date off the missed list.
ok ka case add --title "Kampot trial" --court "Kampot Provincial Court" --source "own observation"
ok ka log hearing --case "Kampot trial" --date 2024-04-01 --outcome adjourned \
	--next-date 2024-04-09 --source "own observation"
ok ka log hearing --case "Kampot trial" --date 2024-04-03 --outcome adjourned \
	--next-date 2024-04-24 --source "own observation"
khid=$(added_id hearing)
ok ka bundle export --to bopha -o "$WORK/k5.bundle"
ok kb bundle import "$WORK/k5.bundle"
CASEWATCH_NOW=2024-05-12T04:00:00Z ok ka edit "$khid" --confidential
CASEWATCH_NOW=2024-05-12T06:00:00Z ok kb edit "$khid" --notes "bopha hearing note"
ok kb bundle export --to alice -o "$WORK/k6.bundle"
ok ka bundle import "$WORK/k6.bundle"
ok ka conflicts --json
json "'$khid' in [c['id'] for c in d]"
ok ka export --format ics --from 2024-04-15 --to 2024-04-30
lacks "DTSTART;VALUE=DATE:20240424"
ok ka export --format ics --from 2024-04-15 --to 2024-04-30 --include-confidential
has "DTSTART;VALUE=DATE:20240424"
ok ka report --from 2024-04-08 --to 2024-04-14 --format json
json "[(h['date'], h['case']['title']) for h in d['hearings_missed']] == [('2024-04-09', 'Kampot trial')]"
ok ka report --from 2024-04-08 --to 2024-04-14 --format json --include-confidential
json "d['hearings_missed'] == []"

# ---- a partner's merge of a person the team has since made confidential ---------------------
# The partner had the person before the mark; it merges them into one of its own and sends the
# merge back. The team's records pointed at the one kept must still name a confidential person,
# or the team's next bundle for the partner carries them (a review found a case against the
# confidential person reach the partner so).
TA="$WORK/team-m"
TP="$WORK/partner-m"
ta() { "$CASEWATCH" --db "$TA" "$@"; }
tp() { "$CASEWATCH" --db "$TP" "$@"; }
ok ta init
ok tp init
ok ta peer add ngo "$(tp identity --key)" --partner
ok tp peer add team "$(ta identity --key)"
ok ta person add --name "Merged Witness"
ok ta bundle export --to ngo -o "$WORK/m1.bundle"
ok tp bundle import "$WORK/m1.bundle"
ok ta edit "Merged Witness" --confidential
ok ta case add --title "Pangolincase" --defendant "Merged Witness" --custody detained \
	--charge 494/495 --opened 2024-01-10 --stage trial
ok ta bundle export --to ngo -o "$WORK/m2.bundle"
ok tp bundle import "$WORK/m2.bundle"
ok tp person add --name "Kept Elsewhere"
ok tp person merge "Kept Elsewhere" "Merged Witness"
ok tp bundle export --to team -o "$WORK/m3.bundle"
ok ta bundle import "$WORK/m3.bundle"
ok ta show "Kept Elsewhere" --json
json "d['confidential'] is True"
ok ta bundle export --to ngo -o "$WORK/m4.bundle"
ok tp bundle import "$WORK/m4.bundle"
ok tp list cases --text Pangolincase
has "no matching case"
# A mark the team takes off the one kept stays off at the next import.
ok ta edit "Kept Elsewhere" --clear confidential
ok tp person add --name "Another Partner Person"
ok tp bundle export --to team -o "$WORK/m5.bundle"
ok ta bundle import "$WORK/m5.bundle"
ok ta show "Kept Elsewhere" --json
json "not d.get('confidential')"
# ---- what is written for others is computed as if the withheld hearings were not there ------
# A confidential hearing that moved a case on must not take an earlier next date off the
# missed list, nor off the hearings to come, nor off a calendar file; nor may one dated on a
# next date take that date off as "that hearing" (then withheld itself): the partner would see
# a date vanish and know a hearing it cannot see was held. The team's own reading (with
# --include-confidential) still lets them count.
DB="$WORK/steer"
ok cw init
for c in Steer Ahead Moved; do
	ok cw person add --name "Defendant $c"
	ok cw case add --title "$c case" --stage trial --defendant "Defendant $c" --charge 494 \
		--court "Phnom Penh Municipal Court" --source "own observation"
done
# Steer: 10 October set in public, missed; a confidential hearing of 5 October set 25 October.
ok cw log hearing --case "Steer case" --date 2023-10-02 --outcome adjourned \
	--next-date 2023-10-10 --source "own observation"
ok cw log hearing --case "Steer case" --date 2023-10-05 --outcome adjourned \
	--next-date 2023-10-25 --source "own observation" --confidential
# Ahead: 18 October set in public; a confidential hearing logged for that day.
ok cw log hearing --case "Ahead case" --date 2023-10-03 --outcome adjourned \
	--next-date 2023-10-18 --source "own observation"
ok cw log hearing --case "Ahead case" --date 2023-10-18 --source "own observation" \
	--confidential
# A prison visit's follow-up due 20 October; a confidential later visit to the same prison did
# it (for the team).
ok cw log visit --facility "Kandal prison" --date 2023-10-02 --access granted \
	--follow-up-on 2023-10-20 --source "own observation"
ok cw log visit --facility "Kandal prison" --date 2023-10-09 --access granted \
	--source "own observation" --confidential
# Moved: 24 October set in public; a confidential hearing of 12 October set 30 November.
ok cw log hearing --case "Moved case" --date 2023-10-04 --outcome adjourned \
	--next-date 2023-10-24 --source "own observation"
ok cw log hearing --case "Moved case" --date 2023-10-12 --outcome adjourned \
	--next-date 2023-11-30 --source "own observation" --confidential
(
	CASEWATCH_NOW=2023-10-20T03:00:00Z
	export CASEWATCH_NOW
	ok cw report --week 2023-W41 --format json
	json "[(h['date'], h['case']['title']) for h in d['hearings_missed']] == [('2023-10-10', 'Steer case')]" \
		"sorted((h['date'], h['case']['title']) for h in d['upcoming_hearings']) == [('2023-10-18', 'Ahead case'), ('2023-10-24', 'Moved case')]"
	ok cw report --week 2023-W41
	has "| 2023-10-10 | own observation | Steer case |"
	ok cw report --week 2023-W41 --include-confidential --format json
	json "d['hearings_missed'] == []" \
		"sorted((h['date'], h['case']['title']) for h in d['upcoming_hearings']) == [('2023-10-18', 'Ahead case'), ('2023-10-25', 'Steer case')]"
	ok cw export --format ics --from 2023-10-16 --to 2023-10-29
	has "DTSTART;VALUE=DATE:20231018"
	has "DTSTART;VALUE=DATE:20231024"
	lacks "DTSTART;VALUE=DATE:20231025"
	has "DTSTART;VALUE=DATE:20231020"
	ok cw export --format ics --from 2023-10-16 --to 2023-10-29 --include-confidential
	lacks "DTSTART;VALUE=DATE:20231020"
	has "DTSTART;VALUE=DATE:20231018"
	has "DTSTART;VALUE=DATE:20231025"
	lacks "DTSTART;VALUE=DATE:20231024"
)
done_ok
