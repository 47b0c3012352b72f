#!/bin/sh
# Accounts of one hearing joined only through an account the report's filter leaves out are one
# hearing, as they are in the report of every account: the team's account, the UN's linked to
# it and a defence lawyer's linked to the UN's, under --account own,ngo, read "The team
# monitored 1 hearing ... Documents report 1 hearing the team did not observe (account: NGO)",
# and their verdicts as two rulings, where the report of every account counts one hearing and
# one ruling. The accounts counted across periods were joined so a round before
# (event_accounts_periods.sh); the same rule now joins the period's hearings and rulings, which
# its verdicts read together, and only where the report of every account joins them.
. "$TESTLIB"
set -e

# figures WEEK ARGS...: "hearings verdicts" the report counts in WEEK, read from each of its
# Markdown, CSV and JSON, which must agree.
figures() {
	w=$1
	shift
	ok cw report --week "$w" "$@" --format json
	j=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
c = json.load(sys.stdin)["comparison"]
print(c["hearings"]["current"], c["verdicts"]["current"])')
	ok cw report --week "$w" "$@" --format csv
	c=$(printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import csv, sys
c = {r["detail"]: r["count"] for r in csv.DictReader(sys.stdin) if r["section"] == "comparison"}
print(c["hearings"], c["verdicts"])')
	ok cw report --week "$w" "$@"
	m=$(printf '%s\n' "$out" | sed -n 's/^| hearings, every account | \([0-9]*\) .*/\1/p')
	m="$m $(printf '%s\n' "$out" | sed -n 's/^| verdicts, one per defendant and ruling | \([0-9]*\) .*/\1/p')"
	checks=$((checks + 1))
	[ "$j" = "$c" ] && [ "$j" = "$m" ] || fail "week $w $*: JSON $j, CSV $c, Markdown $m"
	echo "$j"
}
# counted_in WEEK ARGS...: each hearing row's account and the record it is counted as, from
# the CSV ("" when it counts itself), in row order.
counted_in() {
	w=$1
	shift
	ok cw report --week "$w" "$@" --format csv
	printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import csv, sys
print(" ".join(r["account"].replace(" ", "_") + "=" + r["counted_in"][:8]
               for r in csv.DictReader(sys.stdin) if r["section"].startswith("hearings_")))'
}
expect() { # expect WHAT WANTED GOT
	checks=$((checks + 1))
	[ "$2" = "$3" ] || fail "$1: wanted '$2', got '$3'"
}

ok cw init
ok cw person add --name "Sok Dara"
ok cw case add --title "Trial" --defendant "Sok Dara" --charge 494 --stage trial \
	--source "own observation"

# ---- three accounts of one hearing, the lawyer's linked to the UN's, the UN's to the team's --
ok cw log hearing --case Trial --date 2024-07-10 --outcome adjourned --view own \
	--source "own observation"
h1=$(added_id hearing)
ok cw log hearing --case Trial --date 2024-07-10 --outcome adjourned --view un \
	--source "OHCHR note" --same-event "$h1"
h2=$(added_id hearing)
ok cw log hearing --case Trial --date 2024-07-10 --outcome adjourned --view ngo \
	--source "defence lawyer" --same-event "$h2"
h3=$(added_id hearing)
[ -n "$h1" ] && [ -n "$h2" ] && [ -n "$h3" ] || fail "no ids: $out"
h18=$(printf %.8s "$h1")
expect "every account" "1 0" "$(figures 2024-W28)"
expect "every account, counted as" "own_observation= UN=$h18 NGO=$h18" "$(counted_in 2024-W28)"
# The UN's left out: one hearing still, the lawyer's row counted as the team's.
expect "--account own,ngo" "1 0" "$(figures 2024-W28 --account own,ngo)"
expect "--account own,ngo, counted as" "own_observation= NGO=$h18" \
	"$(counted_in 2024-W28 --account own,ngo)"
ok cw report --week 2024-W28 --account own,ngo
has "The team monitored 1 hearing: 1 adjourned."
lacks "Documents report 1 hearing"
has "## Hearings reported in documents (1 row, 0 counted)"
has "the hearing the team observed (the row of 2024-07-10, own observation, Trial ($h18)), counted once, as the team's"
has "also told by other accounts (NGO), listed with it"
ok cw report --week 2024-W28 --account own,ngo --format json
json "[(x['view'], x['counted_as']) for x in d['hearings']] == [('own', None), ('ngo', '$h1')]"
json "d['comparison']['hearings_own']['current'] == 1 and d['comparison']['hearings_reported']['current'] == 0"
# nothing of the UN's account, which the filter leaves out, is written
lacks "$h2"
# --kind hearing leaves nothing out of these: the same.
expect "--kind hearing" "1 0" "$(figures 2024-W28 --kind hearing)"
# The UN's confidential: what is written for others reads as if it were not there, two
# hearings, under the filter or not; with --include-confidential, one.
ok cw edit "$h2" --confidential
expect "withheld" "2 0" "$(figures 2024-W28)"
expect "withheld, --account own,ngo" "2 0" "$(figures 2024-W28 --account own,ngo)"
expect "--include-confidential, --account own,ngo" "own_observation= NGO=$h18" \
	"$(counted_in 2024-W28 --account own,ngo --include-confidential)"
ok cw edit "$h2" --clear confidential

# ---- the same of a verdict: one ruling, one decision, whichever accounts are shown ----------
ok cw log hearing --case Trial --date 2024-07-24 --outcome verdict \
	--verdict "494=convicted@Sok Dara" --sentence "2 years" --view own --source "own observation"
v1=$(added_id hearing)
ok cw log hearing --case Trial --date 2024-07-24 --outcome verdict \
	--verdict "494=convicted@Sok Dara" --view un --source "OHCHR note" --same-event "$v1"
v2=$(added_id hearing)
ok cw log hearing --case Trial --date 2024-07-24 --outcome verdict \
	--verdict "494=convicted@Sok Dara" --view ngo --source "defence lawyer" --same-event "$v2"
v18=$(printf %.8s "$v1")
expect "a verdict, every account" "1 1" "$(figures 2024-W30)"
expect "a verdict, --account own,ngo" "1 1" "$(figures 2024-W30 --account own,ngo)"
expect "a verdict, --account own,ngo, counted as" "own_observation= NGO=$v18" \
	"$(counted_in 2024-W30 --account own,ngo)"
for f in md csv json; do
	ok cw report --week 2024-W30 --account own,ngo --format $f
	has "1 verdict or ruling was recorded (accounts: NGO, own observation): 1 convicted"
	lacks "2 verdicts"
done
ok cw report --week 2024-W30 --account own,ngo --format json
json "[(x['view'], x['ruling'], x['decision']) for x in d['verdicts']] == [('own', 0, 0), ('ngo', 0, 0)]"
json "d['comparison']['verdict_hearings']['current'] == 1"
# The team's account left out as well (--account ngo): the lawyer's alone, one hearing.
expect "--account ngo" "1 1" "$(figures 2024-W30 --account ngo)"

# ---- joined through a ruling the filter leaves out: the UN's verdict, logged as a milestone,
# linked to the team's hearing and the lawyer's linked to it; one hearing with every account
# (the period's hearings and rulings are read together), so one under the filter too.
ok cw log hearing --case Trial --date 2024-08-07 --outcome verdict \
	--verdict "494=acquitted@Sok Dara" --view own --source "own observation"
r1=$(added_id hearing)
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result acquitted \
	--article 494 --date 2024-08-07 --view un --source "OHCHR note" --same-event "$r1"
rm=$(added_id milestone)
[ -n "$rm" ] || fail "no id: $out"
ok cw log hearing --case Trial --date 2024-08-07 --outcome verdict \
	--verdict "494=acquitted@Sok Dara" --view ngo --source "defence lawyer" --same-event "$rm"
r18=$(printf %.8s "$r1")
expect "through a ruling, every account" "own_observation= NGO=$r18" "$(counted_in 2024-W32)"
expect "through a ruling, --account own,ngo" "own_observation= NGO=$r18" \
	"$(counted_in 2024-W32 --account own,ngo)"
expect "through a ruling, --account own,ngo" "1 1" "$(figures 2024-W32 --account own,ngo)"
expect "through a ruling, --kind hearing" "own_observation= NGO=$r18" \
	"$(counted_in 2024-W32 --kind hearing)"

# ---- joined through the UN's account of the hearing dated a week later (it says the hearing
# was on 13 November): every account's report counted the two others twice, though it counts
# the UN's in no week (it is counted by the team's); one hearing, filtered or not, and the week
# after compares with one.
ok cw log hearing --case Trial --date 2024-11-06 --outcome adjourned --view own \
	--source "own observation"
w1=$(added_id hearing)
ok cw log hearing --case Trial --date 2024-11-13 --outcome adjourned --view un \
	--source "OHCHR note" --same-event "$w1"
w2=$(added_id hearing)
ok cw log hearing --case Trial --date 2024-11-06 --outcome adjourned --view ngo \
	--source "defence lawyer" --same-event "$w2"
w18=$(printf %.8s "$w1")
expect "a week apart, every account" "1 0" "$(figures 2024-W45)"
expect "a week apart, every account, counted as" "own_observation= NGO=$w18" \
	"$(counted_in 2024-W45)"
expect "a week apart, --account own,ngo" "1 0" "$(figures 2024-W45 --account own,ngo)"
expect "a week apart, the UN's week" "0 0" "$(figures 2024-W46)"
ok cw report --week 2024-W46 --format json
json "d['comparison']['hearings']['previous'] == 1"

# ---- not joined where the report of every account does not join them -----------------------
# Through an account of another kind: the UN's suspension of the trial, an event of the case
# the period lists apart from its hearings and rulings.
ok cw log hearing --case Trial --date 2024-08-21 --outcome adjourned --view own \
	--source "own observation"
k1=$(added_id hearing)
ok cw log milestone --person "Sok Dara" --case Trial --type trial_suspended --date 2024-08-21 \
	--view un --source "OHCHR note" --same-event "$k1"
km=$(added_id milestone)
ok cw log hearing --case Trial --date 2024-08-21 --outcome adjourned --view ngo \
	--source "defence lawyer" --same-event "$km"
expect "through a case event, every account" "2 0" "$(figures 2024-W34)"
expect "through a case event, --account own,ngo" "2 0" "$(figures 2024-W34 --account own,ngo)"
expect "through a case event, --account own,ngo, counted as" "own_observation= NGO=" \
	"$(counted_in 2024-W34 --account own,ngo)"
# Through a ruling of another period: the UN's verdict milestone of the week after.
ok cw log hearing --case Trial --date 2024-09-04 --outcome adjourned --view own \
	--source "own observation"
p1=$(added_id hearing)
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-09-11 --view un --source "OHCHR note" --same-event "$p1"
pm=$(added_id milestone)
ok cw log hearing --case Trial --date 2024-09-04 --outcome adjourned --view ngo \
	--source "defence lawyer" --same-event "$pm"
expect "through a later ruling, every account" "2 0" "$(figures 2024-W36)"
expect "through a later ruling, --account own,ngo" "2 0" "$(figures 2024-W36 --account own,ngo)"
# Through an account dated only to the month the week overlaps (counted in no week), and so
# joined in the month's report, which counts it, filtered or not.
ok cw log hearing --case Trial --date 2024-10-02 --outcome adjourned --view own \
	--source "own observation"
m1=$(added_id hearing)
ok cw log hearing --case Trial --date 2024-10 --outcome adjourned --view un \
	--source "OHCHR note" --same-event "$m1"
ok cw log hearing --case Trial --date 2024-10-02 --outcome adjourned --view ngo \
	--source "defence lawyer" --same-event "$(added_id hearing)"
expect "through a month, every account" "2 0" "$(figures 2024-W40)"
expect "through a month, --account own,ngo" "2 0" "$(figures 2024-W40 --account own,ngo)"
for a in "" own,ngo; do
	ok cw report --from 2024-10-01 --to 2024-10-31 ${a:+--account "$a"} --format json
	json "d['comparison']['hearings']['current'] == 1"
done
done_ok
