#!/bin/sh
# casewatch export: filtered lists and timelines as CSV and JSON with the records' stable ids
# (so tables join), and upcoming hearings as iCalendar whose UIDs stay the same from one export
# to the next.
. "$TESTLIB"
set -e
PY=${PYTHON3:-python3}

ok cw seed "$SEED_FILE"

# records: JSON as 'list --json' gives them, CSV with the same ids
ok cw export records --format json --article "437 bis"
json "len(d) >= 4 and all(len(r['id']) == 32 for r in d)"
json "sorted({r['kind'] for r in d}) == ['hearing', 'milestone']"
printf '%s' "$out" >"$WORK/r.json"
ok cw export --format csv --article "437 bis" -o "$WORK/r.csv"
has "wrote $WORK/r.csv"
ok cw export persons --format csv -o "$WORK/p.csv"
ok cw export cases --format csv -o "$WORK/c.csv"
"$PY" - "$WORK" <<'PY' || fail "CSV joins"
import csv, json, sys
w = sys.argv[1]
def load(n): return list(csv.DictReader(open(w + n, newline='', encoding='utf-8'), strict=True))
recs, people, cases = load('/r.csv'), load('/p.csv'), load('/c.csv')
ids = [r['id'] for r in json.load(open(w + '/r.json'))]
assert sorted(r['id'] for r in recs) == sorted(ids), 'CSV and JSON give the same ids'
pid = {p['id']: p['name'] for p in people}
cid = {c['id']: c['title'] for c in cases}
import os
seed = [json.loads(l) for l in open(os.environ['SEED_FILE'], encoding='utf-8') if l.strip()]
assert len(pid) == sum(r['kind'] == 'person' for r in seed), len(pid)
assert len(cid) == sum(r['kind'] == 'case' for r in seed), len(cid)
for r in recs:
    assert cid[r['case_id']] == r['case'], r
    for i in r['person_ids'].split():
        assert pid[i] in r['people'], r
saran = [c for c in cases if c['title'].startswith('Kang Saran')][0]
assert set(saran['articles'].split('/')) >= {'437 bis', '494'}, saran['articles']
assert pid[saran['defendant_ids']] == 'Kang Saran'
PY
checks=$((checks + 1))
ok cw export records --format csv --since 2024-02-07 --until 2024-02-07
lines 5

# a bail refused is not read as a bail, a hearing's verdicts say whom they were for, and a
# group's arrest names the group and its number: outcome, result and people
ok cw person add --name "Csv Nak"
ok cw case add --title "Csv case" --defendant "Csv Nak" --custody detained --charge 494 \
	--unnamed "8 union activists" --custody detained --charge 494 --view un
ok cw log milestone --person "Csv Nak" --case "Csv case" --type bail --outcome refused \
	--date 2010-01-05 --view un
ok cw log milestone --group "union activists" --case "Csv case" --type arrest --count 8 \
	--date 2010-01-04 --view un
ok cw log hearing --case "Csv case" --date 2010-02-01 --outcome verdict \
	--verdict "494=acquitted@Csv Nak" --verdict "494=convicted@group:union activists"
ok cw export records --format csv --since 2010-01-01 --until 2010-12-31
printf '%s' "$out" >"$WORK/o.csv"
"$PY" - "$WORK/o.csv" <<'PY' || fail "CSV outcome, result and group"
import csv, sys
rows = {(r['date'], r['what']): r for r in csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'))}
assert rows[('2010-01-05', 'bail')]['outcome'] == 'refused', rows
assert rows[('2010-01-04', 'arrest')]['people'] == 'union activists (8 unnamed)', rows
v = rows[('2010-02-01', 'verdict')]
assert v['result'] == 'acquitted: Csv Nak, 494; convicted: union activists, 494', v['result']
assert next(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))[-1] == 'confidential'
PY
checks=$((checks + 1))

# a timeline
ok cw export --timeline "Chao Veasna" --format json
# arrested and charged, then convicted, with nothing saying he was held between: at most
# the 199 days the dates allow, at least none
json "d['person']['name'] == 'Chao Veasna' and d['summary']['pretrial_days'] is None"
json "(d['summary']['pretrial_days_at_least'], d['summary']['pretrial_days_at_most']) == (0, 199)"
json "[e['kind'] for e in d['entries']].count('milestone') == 3"
ok cw export --timeline "Chao Veasna" --format csv
has ",hearing,2024-02-07,"
lines 6

# iCalendar: stable output, one event per hearing, all-day without a time
ok cw init
ok cw log hearing --case "Ny Nak" --date 2030-03-04 --time 14:15 --court "Phnom Penh Court"
ok cw export --format ics --from 2024-01-01 -o "$WORK/a.ics"
ok cw export --format ics --from 2024-01-01 -o "$WORK/b.ics"
cmp "$WORK/a.ics" "$WORK/b.ics" || fail "two exports of the same data differ"
grep -q 'DTSTART;TZID=Asia/Phnom_Penh:20300304T141500' "$WORK/a.ics" || fail "timed hearing"
[ "$(grep -c BEGIN:VEVENT "$WORK/a.ics")" -eq 5 ] || fail "wanted 5 events since 2024"
ok cw export --format ics --from 2030-01-01 --article 302
has "DTSTART;TZID=Asia/Phnom_Penh:20300304T141500"
has "LOCATION:Phnom Penh Court"
ok cw export --format ics --from 2031-01-01
has "BEGIN:VCALENDAR"
lacks "BEGIN:VEVENT"

# bad input
fails 2 format cw export
fails 2 format cw export --format xml
fails 2 format cw export persons --format ics
fails 2 export cw export things --format csv
fails 2 kind cw export persons --format csv --kind hearing
fails 66 timeline cw export --timeline "Nobody Here" --format json
# "timeline" as the word of what to export points to --timeline (it said "unexpected argument"
# of the name after it); another word names the three there are.
fails 2 "export: a person's timeline is exported with --timeline PERSON" \
	cw export timeline "Chao Veasna" --format csv
fails 2 "export: say what to export: persons, cases or records" cw export hearings "Chao Veasna"
fails 65 until cw export --format csv --since 2024-03 --until 2024-02
done_ok
