#!/bin/sh
# A hearing's row in the weekly report lists the defendants its own record says it concerned
# (its attendance, present or absent, and whom its verdicts and sentence name), not the case's
# as they are now: a sitting that tried two of three co-defendants, or one held before a fourth
# was added to the case, must not read as the trial of all four, in any format (Markdown,
# HTML, CSV, JSON, PDF), in its people count, nor in a verdict that names no one (for every
# defendant: those of the hearing) and the summary's count of verdicts. Where the record says
# nothing, the case's defendants stand in, said to be the case's now when they are several;
# a group of unnamed defendants, which an attendance cannot list, is the case's unless a
# verdict or the sentence names the groups. `export records` gives a hearing's people alike.
. "$TESTLIB"
set -e
command -v pdftotext >/dev/null || fail "pdftotext is needed (apt-get install poppler-utils)"
PY=${PYTHON3:-python3}
export CASEWATCH_NOW=2024-03-10T03:00:00Z
# week, row, norow and inpdf: tests/cli/lib.sh

ok cw init
for n in "Meas Sophea" "Kim Rithy" "Sok Dara" "Chan Vuthy" "Chhim Sithar" "Ny Nak"; do
	ok cw person add --name "$n"
done
ok cw case add --title "Land case" --defendant "Meas Sophea" --charge 494/495 \
	--defendant "Kim Rithy" --charge 494/495 --defendant "Sok Dara" --charge 494/495
# two of the three tried, one of them in her absence; then the verdict, naming no one, on the
# two the sitting had
ok cw log hearing --case "Land case" --date 2024-03-05 --source "own observation" \
	--present "Meas Sophea" --absent "Kim Rithy" --outcome adjourned
ok cw log hearing --case "Land case" --date 2024-03-06 --source "own observation" \
	--present "Meas Sophea" --present "Kim Rithy" --outcome verdict --verdict "494=convicted"
# a sitting whose record names no one: only the case can say whom it was about
ok cw log hearing --case "Land case" --date 2024-03-07 --source "own observation" \
	--outcome adjourned
# a defendant added to the case after those hearings
ok cw edit "Land case" --defendant "Chan Vuthy" --charge 494/495

# a case with a group of unnamed defendants, which an attendance cannot list
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494/495 \
	--unnamed "8 NagaWorld union activists" --charge 494/495
ok cw log hearing --case "NagaWorld strike" --date 2024-03-05 --source "own observation" \
	--present "Chhim Sithar" --outcome adjourned
# a mass trial of two groups whose verdict names one
ok cw case add --title "Mass trial" --unnamed "7 CNRP leaders" --unnamed "14 CNRP supporters"
ok cw log hearing --case "Mass trial" --date 2024-03-08 --view un --source "a UN report" \
	--outcome verdict --verdict "451=convicted@group:CNRP leaders"
# one defendant, no attendance: nothing to say of it
ok cw case add --title "Ny Nak incitement" --defendant "Ny Nak" --charge 494/495
ok cw log hearing --case "Ny Nak incitement" --date 2024-03-08 --source "own observation" \
	--outcome adjourned

week 2024-W10
row md "| 2024-03-05 | own observation | Land case | Meas Sophea; Kim Rithy (absent) |  |  | adjourned |"
row md "| 2024-03-06 | own observation | Land case | Meas Sophea; Kim Rithy |  |  | verdict |"
row md "| 2024-03-07 | own observation | Land case | the case's defendants now: Meas Sophea; Kim Rithy; Sok Dara; Chan Vuthy |  |  | adjourned |"
row md "| 2024-03-05 | own observation | NagaWorld strike | Chhim Sithar; and, as the case has them now, NagaWorld union activists (8 unnamed) |"
row md "| 2024-03-08 | UN \\[1\\] | Mass trial | CNRP leaders (7 unnamed) |"
row md "| 2024-03-08 | own observation | Ny Nak incitement | Ny Nak |  |  | adjourned |"
# the verdict that names no one is the two tried's, not the case's four; the mass trial's, the
# leaders' (once 5 verdicts, 11 people in all)
row md "3 verdicts and rulings were recorded, one per defendant or group of unnamed defendants (9 people in all), in 2 rulings (accounts: UN, own observation): 3 convicted."
norow md "| 2024-03-06 | own observation | Sok Dara |"
norow md "| 2024-03-06 | own observation | Chan Vuthy |"
row html "<td>Meas Sophea; Kim Rithy (absent)</td>"
row html "<td>the case&#39;s defendants now: Meas Sophea; Kim Rithy; Sok Dara; Chan Vuthy</td>"
inpdf "Meas Sophea; Kim Rithy (absent)"
"$PY" - "$WORK/week.csv" <<'PY' || fail "CSV check"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
recs = [dict(zip(rows[0], r)) for r in rows[1:]]
h = [(r['date'], r['case'], r['people'], r['people_count'], len(r['person_ids'].split()))
     for r in recs if r['section'] in ('hearings_own', 'hearings_reported')]
assert h == [('2024-03-05', 'Land case', 'Meas Sophea; Kim Rithy (absent)', '2', 2),
             ('2024-03-05', 'NagaWorld strike', 'Chhim Sithar; and, as the case has them now, NagaWorld union activists (8 unnamed)', '9', 1),
             ('2024-03-06', 'Land case', 'Meas Sophea; Kim Rithy', '2', 2),
             ('2024-03-07', 'Land case', "the case's defendants now: Meas Sophea; Kim Rithy; Sok Dara; Chan Vuthy", '4', 4),
             ('2024-03-08', 'Ny Nak incitement', 'Ny Nak', '1', 1),
             ('2024-03-08', 'Mass trial', 'CNRP leaders (7 unnamed)', '7', 0)], h
v = sorted((r['people'], r['people_count']) for r in recs if r['section'] == 'verdicts')
assert v == [('CNRP leaders (7 unnamed)', '7'), ('Kim Rithy', '1'), ('Meas Sophea', '1')], v
PY
checks=$((checks + 1))
out=$(cat "$WORK/week.json")
json "[(h['date'], h['case']['title'], [(x['person'] and x['person']['name'], x['label'], x['unnamed_count'], x['absent'], x['from_case']) for x in h['defendants']], h['people_count']) for h in d['hearings']] == [('2024-03-05', 'Land case', [('Meas Sophea', None, None, False, False), ('Kim Rithy', None, None, True, False)], 2), ('2024-03-05', 'NagaWorld strike', [('Chhim Sithar', None, None, False, False), (None, 'NagaWorld union activists', 8, False, True)], 9), ('2024-03-06', 'Land case', [('Meas Sophea', None, None, False, False), ('Kim Rithy', None, None, False, False)], 2), ('2024-03-07', 'Land case', [('Meas Sophea', None, None, False, True), ('Kim Rithy', None, None, False, True), ('Sok Dara', None, None, False, True), ('Chan Vuthy', None, None, False, True)], 4), ('2024-03-08', 'Mass trial', [(None, 'CNRP leaders', 7, False, False)], 7), ('2024-03-08', 'Ny Nak incitement', [('Ny Nak', None, None, False, True)], 1)]"
# the case itself is as it is now, four defendants: said as the case's
json "[len(h['case']['defendants']) for h in d['hearings'] if h['case']['title'] == 'Land case'] == [4, 4, 4]"
json "sorted((v['person'] or {}).get('name') or v['group'] for v in d['verdicts']) == ['CNRP leaders', 'Kim Rithy', 'Meas Sophea']"
json "d['comparison']['verdicts']['current'] == 3"

# The week before, those hearings were to come: a row of a hearing logged for its day lists
# whom that record names too, not the case's defendants as they are now (a field trial's
# report had a co-defendant's bail hearing as the whole case's); a next date set at an earlier
# hearing has no record of its sitting, and lists the case's
ok cw log hearing --case "Ny Nak incitement" --date 2024-02-28 --source "own observation" \
	--outcome adjourned --next-date 2024-03-15
nak_hearing=$(added_id hearing)
week 2024-W09
row md "| 2024-03-05 | own observation | Land case | Meas Sophea; Kim Rithy (absent) |"
row md "| 2024-03-07 | own observation | Land case | the case's defendants now: Meas Sophea; Kim Rithy; Sok Dara; Chan Vuthy |"
row md "| 2024-03-15 | own observation | Ny Nak incitement | Ny Nak |"
norow md "| 2024-03-05 | own observation | Land case | Meas Sophea; Kim Rithy; Sok Dara"
row html "<td>Meas Sophea; Kim Rithy (absent)</td>"
inpdf "Meas Sophea; Kim Rithy (absent)"
"$PY" - "$WORK/week.csv" <<'PY' || fail "CSV check of the hearings to come"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
recs = [dict(zip(rows[0], r)) for r in rows[1:]]
u = [(r['date'], r['case'], r['people'], r['people_count']) for r in recs
     if r['section'] == 'upcoming_hearings' and r['date'] == '2024-03-05']
assert ('2024-03-05', 'Land case', 'Meas Sophea; Kim Rithy (absent)', '2') in u, u
PY
checks=$((checks + 1))
out=$(cat "$WORK/week.json")
json "[(u['date'], [(x['person'] and x['person']['name'], x['absent']) for x in u['defendants']], u['people_count']) for u in d['upcoming_hearings'] if u['case']['title'] == 'Land case' and u['date'] == '2024-03-05'] == [('2024-03-05', [('Meas Sophea', False), ('Kim Rithy', True)], 2)]"
json "[(u['source'], u['defendants'], u['people_count']) for u in d['upcoming_hearings'] if u['date'] == '2024-03-15'] == [('next_date', None, None)]"
ok cw delete "$nak_hearing" --yes

# the records export gives a hearing's people by the same rule
ok cw export records --format csv -o "$WORK/records.csv"
"$PY" - "$WORK/records.csv" <<'PY' || fail "records CSV check"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
recs = [dict(zip(rows[0], r)) for r in rows[1:]]
h = sorted((r['date'], r['case'], r['people'], len(r['person_ids'].split())) for r in recs if r['kind'] == 'hearing')
assert h == [('2024-03-05', 'Land case', 'Meas Sophea; Kim Rithy (absent)', 2),
             ('2024-03-05', 'NagaWorld strike', 'Chhim Sithar; and, as the case has them now, NagaWorld union activists (8 unnamed)', 1),
             ('2024-03-06', 'Land case', 'Meas Sophea; Kim Rithy', 2),
             ('2024-03-07', 'Land case', "the case's defendants now: Meas Sophea; Kim Rithy; Sok Dara; Chan Vuthy", 4),
             ('2024-03-08', 'Mass trial', 'CNRP leaders (7 unnamed)', 0),
             ('2024-03-08', 'Ny Nak incitement', 'Ny Nak', 1)], h
PY
checks=$((checks + 1))

# a verdict given unitemised: its row names whom the hearing was about, in every format
ok cw log hearing --case "Land case" --date 2024-03-12 --source "own observation" \
	--present "Meas Sophea" --outcome verdict
week 2024-W11
row md "| 2024-03-12 | own observation | Meas Sophea | Land case |"
norow md "Sok Dara"
out=$(cat "$WORK/week.json")
json "[[x['person']['name'] for x in v['defendants']] for v in d['verdicts']] == [['Meas Sophea']]"
json "[v['people_count'] for v in d['verdicts']] == [1]"

# a hearing of a case withheld from others names no one beside "[confidential]", whoever its
# attendance lists: the case's defendants are the case's to withhold (a review saw the new
# rows name them where the case had kept them)
ok cw person add --name "Theng Savoeun"
ok cw case add --title "Sealed case" --defendant "Theng Savoeun" --charge 494/495 --confidential
ok cw log hearing --case "Sealed case" --date 2024-03-13 --source "own observation" \
	--present "Theng Savoeun" --outcome adjourned
week 2024-W11
row md "| 2024-03-13 | own observation | \\[confidential\\] |  |"
norow md "Theng"
out=$(cat "$WORK/week.json")
json "not any('Theng' in json.dumps(h) for h in d['hearings'])"
ok cw export records --format csv --kind hearing --since 2024-03-13 --until 2024-03-13
lacks "Theng"

# a sentence's part for someone the hearing names nowhere else (an import's) is named, not
# "(deleted person …)": the people the report reads include those a sentence names
ok cw person add --name "Sentenced Only"
sent=$(added_id person)
ok cw list cases --json
land=$("$PY" -c 'import json,sys; print([c["id"] for c in json.load(sys.stdin) if c["title"] == "Land case"][0])' <<EOF_JSON
$out
EOF_JSON
)
printf '{"kind":"hearing","ref":"h-sentence","case":"%s","date":"2024-03-14","outcome":"verdict","source":"own observation","sentence_parts":[{"part":"prison","amount":"3 years","person":"%s"}]}\n' \
	"$land" "$sent" >"$WORK/sentence.jsonl"
ok cw import "$WORK/sentence.jsonl"
week 2024-W11
row md "| 2024-03-14 | own observation | Land case | Sentenced Only |"
norow md "deleted person"
echo "hearing_defendants: $checks checks passed"
