#!/bin/sh
# What a report or a timeline says follows from what was recorded, in every format (Markdown,
# HTML, CSV, JSON and PDF): a verdict milestone's own result and the charge it rules on, never
# its type in their place; no pretrial detention recorded is no figure, not 0 days; hearings
# that recorded no fair-trial indicator are not said to have met them all.
. "$TESTLIB"
set -e
command -v pdftotext >/dev/null || fail "pdftotext is needed (apt-get install poppler-utils)"
PY=${PYTHON3:-python3}
export CASEWATCH_NOW=2023-09-25T03:00:00Z
# every format of the week 2023-W38, into $WORK/week.{md,html,csv,json,txt} (txt: the PDF's)
week() {
	for f in md html csv json pdf; do
		ok cw report --week 2023-W38 --format $f -o "$WORK/week.$f"
	done
	pdftotext -layout "$WORK/week.pdf" "$WORK/week.txt"
}
# row FORMAT TEXT: a line of that format's report holds TEXT
row() {
	checks=$((checks + 1))
	grep -qF -- "$2" "$WORK/week.$1" || fail "the $1 report lacks '$2':
$(cat "$WORK/week.$1")"
}
norow() {
	checks=$((checks + 1))
	if grep -qF -- "$2" "$WORK/week.$1"; then fail "the $1 report has '$2'"; fi
}

ok cw init
ok cw person add --name "Thach Setha"
ok cw person add --name "Sam Sokong"
ok cw case add --title "Setha cheques" --defendant "Thach Setha" --charge "LNIPT 231" \
	--source "UN 001 para 37" --view un
ok cw case add --title "Sokong appeal" --defendant "Sam Sokong" --charge 494/495 \
	--source "UN 001 para 38" --view un

# ---- a verdict milestone's result and article; an appeal's result
ok cw log milestone --person "Thach Setha" --case Setha --type verdict --result convicted \
	--article "LNIPT 231" --date 2023-09-21 --view un --source "UN 001 para 37"
ok cw log milestone --person "Sam Sokong" --case Sokong --type appeal_decided --result upheld \
	--date 2023-09-22 --view un --source "UN 001 para 38"
ok cw log milestone --person "Sam Sokong" --case Sokong --type in_absentia_verdict \
	--result convicted --article 494 --date 2023-09-23 --view un --source "UN 001 para 38"
week
out=$(cat "$WORK/week.json")
json "[(v['article'], v['result'], v['milestone_type']) for v in d['verdicts']] == [('LNIPT 231', 'convicted', 'verdict'), (None, 'upheld', 'appeal_decided'), ('494', 'convicted', 'in_absentia_verdict')]"
json "d['summary'][-1] == '3 verdicts and rulings were recorded (account: UN): 2 convicted, 1 upheld on appeal.'"
row md "| 2023-09-21 | UN | Thach Setha | Setha cheques |  | LNIPT 231 | convicted |"
row md "| 2023-09-22 | UN | Sam Sokong | Sokong appeal |  |  | upheld on appeal |"
row md "| 494 | convicted (verdict in absentia) |"
norow md "| appeal decided |"
row html "<td>LNIPT 231</td><td>convicted</td>"
row html "<td>upheld on appeal</td>"
row csv ",convicted,LNIPT 231,"
row csv ",upheld on appeal,,"
row txt "upheld on appeal"
row txt "convicted (verdict in absentia)"

# ---- pretrial days: none recorded is null, a detention of no days is 0
ok cw person add --name "Never Held"
ok cw person add --name "Held A Day"
ok cw case add --title "Held cases" --defendant "Never Held" --defendant "Held A Day" \
	--charge 494 --source "own observation"
ok cw log milestone --person "Never Held" --case "Held cases" --type charge --date 2023-01-05 \
	--source "own observation"
ok cw log milestone --person "Held A Day" --case "Held cases" --type arrest --date 2023-01-05 \
	--source "own observation"
ok cw log milestone --person "Held A Day" --case "Held cases" --type release --date 2023-01-05 \
	--source "own observation"
# timeline --json and export --timeline give the same document
timeline_json() {
	ok cw timeline "$1" --json
	json "$2"
	ok cw export --format json --timeline "$1"
	json "$2"
}
timeline_json "Never Held" "d['summary']['pretrial_days'] is None and d['summary']['pretrial_to'] is None and d['summary']['pretrial_to_reason'] is None"
timeline_json "Held A Day" "d['summary']['pretrial_days'] == 0 and d['summary']['pretrial_to'] == '2023-01-05' and d['summary']['pretrial_to_reason'] == 'ended'"
ok cw timeline "Never Held"
lacks "pretrial detention:"
ok cw timeline "Held A Day"
has "pretrial detention: 0 days (to 2023-01-05)"

# ---- the summary on fair-trial indicators: nothing recorded is not "none unmet"
NONE="At the hearings the team monitored, no fair-trial indicator was recorded as met or not met."
NOT_MET="At the hearings the team monitored, no fair-trial indicator was recorded as not met."
ok cw log hearing --case "Held cases" --date 2023-10-02 --outcome adjourned \
	--source "own observation"
ok cw report --week 2023-W40
has "$NONE"
lacks "$NOT_MET"
# not applicable is no answer on whether the trial was fair
ok cw log hearing --case "Held cases" --date 2023-10-03 --outcome adjourned \
	--indicator interpreter=na --source "own observation"
ok cw report --week 2023-W40 --format json
json "'$NONE' in d['summary'] and '$NOT_MET' not in d['summary']"
ok cw log hearing --case "Held cases" --date 2023-10-04 --outcome adjourned \
	--indicator public_hearing=yes --source "own observation"
ok cw report --week 2023-W40
has "$NOT_MET"
lacks "$NONE"

done_ok
