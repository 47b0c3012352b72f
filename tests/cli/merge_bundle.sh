#!/bin/sh
# person merge taken from a bundle: a record of this laptop's own that names both people with
# entries that differ keeps both entries and says so, at the import and in `conflicts`, where
# it kept the first of the two without a word (a field trial: one monitor's case gave "Thach
# Setha" detained as of 18 September, another's gave "Thach Sethea" detained as of the 20th;
# after a third merged the spellings the case read the 18th, and nobody had chosen it). An
# edit that gives the person's entries one value makes them one.
. "$TESTLIB"
set -e

A="$WORK/A" B="$WORK/B"
ca() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$A" "$@"; }
cb() { CASEWATCH_AUTHOR=dara "$CASEWATCH" --db "$B" "$@"; }
ok ca init
ok cb init
mesh a="$A" b="$B"
ok ca person add --name "Thach Setha"
setha=$(printf '%s' "$out" | awk '{print $3}')
ok ca case add --title "Thach Setha (Candlelight Party)" --defendant "$setha" --custody detained \
	--custody-as-of 2023-09-18 --charge 494/495
kase=$(printf '%s' "$out" | awk '{print $3}')
ok ca log hearing --case "$kase" --date 2023-09-21 --outcome verdict --present "$setha" \
	--verdict "494=convicted@$setha" --source "own observation"
hearing=$(printf '%s' "$out" | awk '{print $3}')
ok ca log visit --facility "Prey Sar CC1" --date 2023-09-25 --detainee "$setha" \
	--lawyer-access "$setha=denied" --source "own observation"
visit=$(printf '%s' "$out" | awk '{print $3}')
ok ca bundle export --to b -o "$WORK/a1.cwb"
ok cb bundle import "$WORK/a1.cwb"
# B adds the same man under another spelling, and sends him before it names him anywhere.
ok cb person add --name "Thach Sethea" --yes
twin=$(printf '%s' "$out" | awk '{print $3}')
ok cb bundle export --to a -o "$WORK/b1.cwb"
ok ca bundle import "$WORK/b1.cwb"
# B, before it hears of the merge, names him in the case and the hearing, differently.
ok cb edit "$kase" --defendant "$twin" --custody detained --custody-as-of 2023-09-20 --charge 494/495
ok cb edit "$hearing" --absent "$twin" --verdict "494=acquitted@$twin"
ok cb edit "$visit" --detainee "$twin" --lawyer-access "$twin=granted" --family-access "$twin=denied"
# A merges the spellings: no record of A's names both, so nothing refuses it there.
ok ca person merge "$setha" "$twin"
ok ca bundle export --to b -o "$WORK/a2.cwb"

# B takes the merge: both entries kept, naming the one kept, one line per record on stderr.
ok cb bundle import "$WORK/a2.cwb"
checks=$((checks + 1))
[ "$(grep -c "warning: .* names Thach Setha ($(printf %.8s "$setha")) twice" "$WORK/stderr")" = 3 ] ||
	fail "not one line per record: $(cat "$WORK/stderr")"
for w in "custody-as-of: case $(printf %.8s "$kase") (Thach Setha (Candlelight Party))" \
	"custody-as-of 2023-09-18 and 2023-09-20" \
	"attendance: hearing $(printf %.8s "$hearing") (2023-09-21)" "attendance present and absent" \
	"verdict 494 convicted and 494 acquitted" "both are kept" "casewatch conflicts" \
	"lawyer-access: visit $(printf %.8s "$visit") (Prey Sar CC1)" \
	"lawyer-access denied and granted"; do
	grep -qF -- "$w" "$WORK/stderr" || fail "the import's warning lacks '$w': $(cat "$WORK/stderr")"
done
ok cb show "$kase" --json
json "[(x['person'], x.get('as_of')) for x in d['defendants']] == [('$setha', '2023-09-18'), ('$setha', '2023-09-20')]"
ok cb show "$hearing" --json
json "[(a['person'], a['present']) for a in d['attendance']] == [('$setha', 'yes'), ('$setha', 'no')]"
json "sorted(v['result'] for v in d['verdicts']) == ['acquitted', 'convicted']"
# A visit's access to a lawyer, likewise: the other laptop's "granted" was not silently lost.
ok cb show "$visit" --json
json "[(a['person'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('$setha', 'denied', None), ('$setha', 'granted', 'denied')]"
# `conflicts` lists them, and how to make them one; its JSON too, an item for each record with
# no versions (none conflicts) and what it names twice; the report's header, the timeline and
# its JSON count them (they counted nothing: `conflicts --json` gave [], the report nothing).
ok cb conflicts --json
json "sorted((c['id'], c['kind'], c['versions']) for c in d) == sorted([('$kase', 'case', []), ('$hearing', 'hearing', []), ('$visit', 'visit', [])])"
json "all([x['person'] for x in c['doubled']] == ['$setha'] for c in d)"
json "sorted(c['doubled'][0]['field'] for c in d) == ['attendance', 'custody-as-of', 'lawyer-access']"
json "all(' names Thach Setha (' in c['doubled'][0]['message'] and ' twice, ' in c['doubled'][0]['message'] for c in d)"
json "'custody-as-of 2023-09-18 and 2023-09-20; ' in [c['doubled'][0]['message'] for c in d if c['kind'] == 'case'][0]"
ok cb report --from 2023-09-18 --to 2023-09-30
has "Entries to make one"
has "3 records used here name one person twice with entries that differ (another laptop merged two people into one): their figures may use either entry; 'casewatch conflicts' lists them and says how to make them one"
ok cb report --from 2023-09-18 --to 2023-09-30 --format json
json "d['doubled_entries'] == 3 and d['unresolved_conflicts'] == 0 and 'doubled' in d['header']"
ok cb report --from 2023-09-18 --to 2023-09-30 --format csv
has "report,doubled,"
# A week that uses none of them (nor the case, which no record of it names) says nothing.
ok cb report --from 2023-08-01 --to 2023-08-06 --format json
json "d['doubled_entries'] == 0 and 'doubled' not in d['header']"
ok cb timeline "$setha"
has "3 records of this timeline name one person twice with entries that differ"
ok cb timeline "$setha" --json
json "d['doubled_entries'] == 3 and d['unresolved_conflicts'] == 0"
ok cb conflicts
lacks "no conflicts"
has "records naming one person twice"
has "custody-as-of: case $(printf %.8s "$kase")"
has "attendance: hearing $(printf %.8s "$hearing")"
has "--defendant PERSON"
has "lawyer-access: visit $(printf %.8s "$visit")"
has "--lawyer-access or --family-access PERSON=WORD"
# Taken back to A, the content is the same, and A's `conflicts` says so too.
ok cb bundle export --to a -o "$WORK/b2.cwb"
ok ca bundle import "$WORK/b2.cwb"
same_content "$A" "$B"
ok ca conflicts
has "custody-as-of: case $(printf %.8s "$kase")"
ok ca verify
ok cb verify

# Made one by edits that say what the entries are to say: the hearing's attendance given
# again and its verdict corrected (which moves the case's charge in both entries), then the
# case's custody date, in every entry of the person: one entry.
ok cb edit "$hearing" --clear attendance --present "$setha" --verdict "494=convicted@$setha"
ok cb show "$hearing" --json
json "[(a['person'], a['present']) for a in d['attendance']] == [('$setha', 'yes')]"
json "[(v['person'], v['result']) for v in d['verdicts']] == [('$setha', 'convicted')]"
ok cb conflicts
has "custody-as-of: case $(printf %.8s "$kase")"
lacks "attendance: hearing"
ok cb conflicts --json
json "sorted(c['id'] for c in d) == sorted(['$kase', '$visit'])"
ok cb report --from 2023-09-18 --to 2023-09-30 --format json
json "d['doubled_entries'] == 2"
ok cb timeline "$setha" --json
json "d['doubled_entries'] == 2"
# An edit that does not say the access keeps both; one that does sets every entry: one.
ok cb edit "$visit" --notes "asked for his lawyer"
ok cb edit "$visit" --lawyer-access "$setha=denied"
ok cb show "$visit" --json
json "[(a['person'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('$setha', 'denied', 'denied')]"
ok cb conflicts
lacks "lawyer-access: visit"
ok cb edit "$kase" --defendant "$setha" --custody-as-of 2023-09-20
ok cb show "$kase" --json
json "[(x['person'], x.get('as_of'), x['custody']) for x in d['defendants']] == [('$setha', '2023-09-20', 'detained')]"
json "[(c['article'], c.get('state')) for c in d['defendants'][0]['charges']] == [('494', 'convicted'), ('495', None)]"
ok cb conflicts
has "no conflicts"
ok cb conflicts --json
json "d == []"
ok cb report --from 2023-09-18 --to 2023-09-30
lacks "Entries to make one"
ok cb timeline "$setha" --json
json "d['doubled_entries'] == 0"
ok cb timeline "$setha"
lacks "name one person twice"
ok cb verify
ok cb bundle export --to a -o "$WORK/b3.cwb"
ok ca bundle import "$WORK/b3.cwb"
same_content "$A" "$B"
ok ca conflicts
has "no conflicts"
done_ok
