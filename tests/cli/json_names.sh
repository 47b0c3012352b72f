#!/bin/sh
# --json gives names beside ids: every key K holding the id of a person or case has K_name
# beside it (K_names beside a plain array of ids), in list, show, timeline, export, conflicts
# and audit; names with quotes and Khmer text come out as valid JSON, and the output still
# imports (the name keys are read back and ignored).
. "$TESTLIB"
set -e

QUOTED='Sok "Tiger" \Dara'
KHMER='សុខ ដារា'
ok cw init
ok cw person add --name "$QUOTED"
ok cw person add --name "$KHMER" --name-km "$KHMER"
ok cw case add --title 'The "Tiger" case' --defendant "$QUOTED" --charge 494/495 \
	--defendant "$KHMER" --charge "437 bis"
ok cw log hearing --case 'The "Tiger" case' --date 2024-02-07 --present "$QUOTED" \
	--absent "$KHMER" --verdict "494/495=convicted@$QUOTED"
ok cw log visit --facility "Prey Sar" --date 2024-02-08 --detainee "$KHMER" --detainee "$QUOTED"

# list records: the hearing names its case and its people, each beside its id
ok cw list records --json
export QUOTED KHMER
json "[r for r in d if r['kind'] == 'hearing'][0]['case_name'] == 'The \"Tiger\" case'"
json "all(a['person_name'] in (__import__('os').environ['QUOTED'], __import__('os').environ['KHMER']) for a in [r for r in d if r['kind'] == 'hearing'][0]['attendance'])"
json "[r for r in d if r['kind'] == 'hearing'][0]['verdicts'][0]['person_name'] == __import__('os').environ['QUOTED']"
json "[r for r in d if r['kind'] == 'visit'][0]['detainees_names'] == [__import__('os').environ['KHMER'], __import__('os').environ['QUOTED']]"
# the name stands right after its id, and the id is still there
json "(lambda k: k.index('case_name') == k.index('case') + 1)(list([r for r in d if r['kind'] == 'hearing'][0]))"
json "(lambda k: k.index('detainees_names') == k.index('detainees') + 1)(list([r for r in d if r['kind'] == 'visit'][0]))"
json "all(len(r['case']) == 32 for r in d if r['kind'] == 'hearing')"
# the quotes are escaped by the JSON writer, the Khmer is UTF-8 as it is
has '"person_name": "Sok \"Tiger\" \\Dara"'
has "\"person_name\": \"$KHMER\""

# a case names its defendants
ok cw list cases --json
json "[x['person_name'] for x in d[0]['defendants']] == [__import__('os').environ['QUOTED'], __import__('os').environ['KHMER']]"
ok cw show 'The "Tiger" case' --json
json "d['defendants'][1]['person_name'] == __import__('os').environ['KHMER']"
cid=$(printf '%s' "$out" | ${PYTHON3:-python3} -c 'import json,sys; print(json.load(sys.stdin)["id"])')

# show, timeline and export give the same names
ok cw list records --kind hearing --json
hid=$(printf '%s' "$out" | ${PYTHON3:-python3} -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
ok cw show "$hid" --json
json "d['case'] == '$cid' and d['case_name'] == 'The \"Tiger\" case'"
printf '%s\n' "$out" >"$WORK/hearing.json"
ok cw timeline "$KHMER" --json
json "all(e.get('case_name') == 'The \"Tiger\" case' for e in d['entries'] if e['kind'] == 'hearing')"
ok cw export records --format json
json "[r for r in d if r['kind'] == 'visit'][0]['detainees_names'][0] == __import__('os').environ['KHMER']"
ok cw export --timeline "$QUOTED" --format json
json "[e for e in d['entries'] if e['kind'] == 'hearing'][0]['verdicts'][0]['person_name'] == __import__('os').environ['QUOTED']"

# the audit log names the people and cases it lists
ok cw audit --json
json "set(e['record_name'] for e in d if 'record_name' in e) == set([__import__('os').environ['QUOTED'], __import__('os').environ['KHMER'], 'The \"Tiger\" case'])"
json "all('record_name' not in e for e in d if e['kind'] in ('hearing', 'visit'))"

# the agenda's records name their case and people
ok cw agenda --from 2024-02-07 --days 2 --json
json "[i['record']['case_name'] for i in d['items'] if i['what'] == 'hearing'] == ['The \"Tiger\" case']"
json "[i['record']['detainees_names'] for i in d['items'] if i['record']['kind'] == 'visit'] in ([], [[__import__('os').environ['KHMER'], __import__('os').environ['QUOTED']]])"

# a report's records with partial dates (February, in a range that holds only part of it) give
# their case's title beside its id, and name it
ok cw log hearing --case 'The "Tiger" case' --date 2024-02 --present "$KHMER"
ok cw report --from 2024-02-05 --to 2024-03-10 --format json
json "[p['case_title'] for p in d['partial_dates']] == ['The \"Tiger\" case']"
json "d['partial_dates'][0]['record']['case_name'] == 'The \"Tiger\" case'"
json "d['partial_dates'][0]['record']['attendance'][0]['person_name'] == __import__('os').environ['KHMER']"

# bundle inspect names from the bundle itself: a database that has none of these records
ok cw bundle export --plain --all -o "$WORK/all.bundle"
OTHER="$WORK/other"
ok "$CASEWATCH" --db "$OTHER" init
ok "$CASEWATCH" --db "$OTHER" bundle inspect "$WORK/all.bundle" --all --json
json "all(v['case_name'] == 'The \"Tiger\" case' for v in d['versions'] if v['kind'] == 'hearing')"
json "[v for v in d['versions'] if v['kind'] == 'visit'][0]['detainees_names'] == [__import__('os').environ['KHMER'], __import__('os').environ['QUOTED']]"
json "{a['record_name'] for a in d['audit'] if 'record_name' in a} == {__import__('os').environ['QUOTED'], __import__('os').environ['KHMER'], 'The \"Tiger\" case'}"

# what show --json printed imports again: the name keys are known and ignored
"${PYTHON3:-python3}" -c '
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("created", "updated", "author", "origin", "editor", "edited_in", "versions"):
    r.pop(k, None)
r["id"] = "0" * 31 + "1"
r["date"] = "2024-02-09"
print(json.dumps(r, ensure_ascii=False))' "$WORK/hearing.json" >"$WORK/again.jsonl"
ok cw import "$WORK/again.jsonl"
ok cw show 00000000000000000000000000000001 --json
json "d['case'] == '$cid' and d['date'] == '2024-02-09' and d['case_name'] == 'The \"Tiger\" case'"
# a name key that names no id field is still refused
printf '{"kind":"person","name":"X","nickname_name":"Y"}\n' >"$WORK/bad.jsonl"
fails 65 nickname_name cw import "$WORK/bad.jsonl"

done_ok
