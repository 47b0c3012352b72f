#!/bin/sh
# Three accounts of one ruling linked in a chain, the middle one left out of the report by its
# filter (--account leaving out its source), dated in another period, or confidential: the
# period counts the ruling as the report of every account does, never more rulings than it.
# Rulings logged as milestones are one ruling by their type, case and date, whatever links or
# leaves out the accounts between them, and so are milestones linked as the same event whatever
# dates they give (README: "milestones of one type, case and date, or linked as one event, are
# one ruling"); hearings that give the verdict are one ruling when joined as one event, through
# an account the filter leaves out as through one it shows (hearing_accounts_filtered.sh). A
# ruling whose linked milestones are dated in two periods is counted in one, as a hearing is: the
# team's account's, else the earliest's; the other period lists its row as counted there.
. "$TESTLIB"
set -e

# counts WEEK ARGS...: "hearings rulings verdicts" the report counts in WEEK: the hearings and
# the verdicts (one per defendant and ruling) of the comparison, and the rulings the verdict
# rows are numbered into (a row of a ruling another period counts is in none); the hearings and
# verdicts read from the JSON and from the Markdown's comparison and summary, which must agree.
counts() {
	w=$1
	shift
	ok cw report --week "$w" "$@" --format json
	j=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
d = json.load(sys.stdin)
c = d["comparison"]
print(c["hearings"]["current"], len({v["ruling"] for v in d["verdicts"] if v["counted_in"] is None}),
      c["verdicts"]["current"])')
	ok cw report --week "$w" "$@"
	m=$(printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import re, sys
t = sys.stdin.read()
h = re.search(r"^\| hearings, every account \| (\d+) ", t, re.M).group(1)
v = re.search(r"^\| verdicts, one per defendant and ruling \| (\d+) ", t, re.M).group(1)
s = re.search(r"(\d+) verdicts? (?:or|and) rulings? (?:was|were) recorded", t)
print(h, v, s.group(1) if s else "0")')
	checks=$((checks + 1))
	jh=${j%% *} jv=${j##* }
	[ "$m" = "$jh $jv $jv" ] || fail "week $w $*: JSON $j, Markdown (hearings verdicts summary) $m"
	echo "$j"
}
expect() { # expect WHAT WANTED GOT
	checks=$((checks + 1))
	[ "$2" = "$3" ] || fail "$1: wanted '$2', got '$3'"
}

ok cw init
ok cw person add --name "Sok Dara"
ok cw case add --title "Trial" --defendant "Sok Dara" --charge 494 --stage trial \
	--source "own observation"

# ---- three milestones of one verdict, the NGO's linked to the government's, the government's
# to the UN's: one ruling, with every account and under --account un,ngo.
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-08-07 --view un --source "OHCHR note"
m1=$(added_id milestone)
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-08-07 --view government --source "Ministry of Justice" \
	--same-event "$m1"
m2=$(added_id milestone)
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-08-07 --view ngo --source "defence lawyer" --same-event "$m2"
m3=$(added_id milestone)
[ -n "$m1" ] && [ -n "$m2" ] && [ -n "$m3" ] || fail "no ids: $out"
expect "milestones, every account" "0 1 1" "$(counts 2024-W32)"
expect "milestones, --account un,ngo" "0 1 1" "$(counts 2024-W32 --account un,ngo)"
ok cw report --week 2024-W32 --account un,ngo --format json
json "[(x['view'], x['ruling'], x['decision']) for x in d['verdicts']] == [('un', 0, 0), ('ngo', 0, 0)]"
lacks "$m2"
ok cw report --week 2024-W32 --account un,ngo
has "1 verdict or ruling was recorded (accounts: UN, NGO): 1 convicted"
lacks "2 verdicts"
# The government's dated a week before (it says the verdict was read on 31 July): one ruling,
# counted in the week of the earliest account, the other two rows listed as counted there; under
# --account un,ngo the two left are one ruling by their date, counted in their week.
ok cw edit "$m2" --date 2024-07-31
expect "milestones, the middle a week before" "0 0 0" "$(counts 2024-W32)"
expect "milestones, the middle a week before, its week" "0 1 1" "$(counts 2024-W31)"
ok cw report --week 2024-W32 --format json
json "[(x['view'], x['counted_in'], x['counted_in_period']) for x in d['verdicts']] == [('un', '$m2', 'earlier'), ('ngo', '$m2', 'earlier')]"
expect "milestones, the middle a week before, --account un,ngo" "0 1 1" \
	"$(counts 2024-W32 --account un,ngo)"
# The government's confidential: left out of what is written for others, included or not.
ok cw edit "$m2" --date 2024-08-07
ok cw edit "$m2" --confidential
expect "milestones, the middle withheld" "0 1 1" "$(counts 2024-W32)"
expect "milestones, the middle withheld, --account un,ngo" "0 1 1" \
	"$(counts 2024-W32 --account un,ngo)"
expect "milestones, the middle included" "0 1 1" "$(counts 2024-W32 --include-confidential)"

# ---- milestones of the UN and the NGO linked through the government's hearing that gave the
# verdict: one ruling, the hearing's with every account, the milestones' without it.
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-08-28 --view un --source "OHCHR note"
n1=$(added_id milestone)
ok cw log hearing --case Trial --date 2024-08-28 --outcome verdict \
	--verdict "494=convicted@Sok Dara" --view government --source "Ministry of Justice" \
	--same-event "$n1"
n2=$(added_id hearing)
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-08-28 --view ngo --source "defence lawyer" --same-event "$n2"
[ -n "$n2" ] && [ -n "$(added_id milestone)" ] || fail "no ids: $out"
expect "through a hearing, every account" "1 1 1" "$(counts 2024-W35)"
expect "through a hearing, --account un,ngo" "0 1 1" "$(counts 2024-W35 --account un,ngo)"
ok cw report --week 2024-W35 --account un,ngo --format json
json "[(x['view'], x['ruling']) for x in d['verdicts']] == [('un', 0), ('ngo', 0)]"
# The hearing dated a week later, then withheld: the milestones' one ruling.
ok cw edit "$n2" --date 2024-09-04
expect "through a later hearing, every account" "0 1 1" "$(counts 2024-W35)"
expect "through a later hearing, --account un,ngo" "0 1 1" "$(counts 2024-W35 --account un,ngo)"
ok cw edit "$n2" --date 2024-08-28
ok cw edit "$n2" --confidential
expect "through a withheld hearing" "0 1 1" "$(counts 2024-W35)"
expect "through a withheld hearing, --account un,ngo" "0 1 1" \
	"$(counts 2024-W35 --account un,ngo)"
ok cw edit "$n2" --clear confidential

# ---- hearings that gave the verdict, the team's and the lawyer's each linked to the UN's: one
# hearing and one ruling, the UN's left out, dated the week after (it says the verdict was
# read on 21 August), or both; the week after counts none of them, and so does August once.
ok cw log hearing --case Trial --date 2024-08-14 --outcome verdict \
	--verdict "494=convicted@Sok Dara" --sentence "2 years" --view own --source "own observation"
h1=$(added_id hearing)
ok cw log hearing --case Trial --date 2024-08-14 --outcome verdict \
	--verdict "494=convicted@Sok Dara" --view un --source "OHCHR note" --same-event "$h1"
h2=$(added_id hearing)
ok cw log hearing --case Trial --date 2024-08-14 --outcome verdict \
	--verdict "494=convicted@Sok Dara" --view ngo --source "defence lawyer" --same-event "$h2"
[ -n "$h1" ] && [ -n "$h2" ] && [ -n "$(added_id hearing)" ] || fail "no ids: $out"
expect "hearings, every account" "1 1 1" "$(counts 2024-W33)"
expect "hearings, --account own,ngo" "1 1 1" "$(counts 2024-W33 --account own,ngo)"
ok cw edit "$h2" --date 2024-08-21
for a in "" own,ngo ngo; do
	expect "hearings, the middle a week later ${a:+--account $a}" "1 1 1" \
		"$(counts 2024-W33 ${a:+--account "$a"})"
	expect "hearings, the week after ${a:+--account $a}" "0 0 0" \
		"$(counts 2024-W34 ${a:+--account "$a"})"
	ok cw report --from 2024-08-12 --to 2024-08-25 ${a:+--account "$a"} --format json
	json "len({x['ruling'] for x in d['verdicts']}) == 1" \
		"d['comparison']['verdicts']['current'] == 1"
done
ok cw report --week 2024-W33 --account own,ngo --format json
json "[(x['view'], x['ruling'], x['decision']) for x in d['verdicts']] == [('own', 0, 0), ('ngo', 0, 0)]"
# The UN's confidential: what is written for others reads as if it were not there, two
# hearings and two rulings, under the filter or not; with --include-confidential, one.
ok cw edit "$h2" --confidential
expect "hearings, the middle withheld" "2 2 2" "$(counts 2024-W33)"
expect "hearings, the middle withheld, --account own,ngo" "2 2 2" \
	"$(counts 2024-W33 --account own,ngo)"
expect "hearings, the middle included" "1 1 1" "$(counts 2024-W33 --include-confidential)"
expect "hearings, the middle included, --account own,ngo" "1 1 1" \
	"$(counts 2024-W33 --account own,ngo --include-confidential)"

# ---- the team's and the lawyer's hearings each linked to the UN's verdict milestone: one
# ruling, the milestone left out or not; withheld, two; dated in another period, two, with every
# account and under the filter alike (a ruling of another period joins no hearings: README).
ok cw log hearing --case Trial --date 2024-09-11 --outcome verdict \
	--verdict "494=acquitted@Sok Dara" --view own --source "own observation"
k1=$(added_id hearing)
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result acquitted \
	--article 494 --date 2024-09-11 --view un --source "OHCHR note" --same-event "$k1"
k2=$(added_id milestone)
ok cw log hearing --case Trial --date 2024-09-11 --outcome verdict \
	--verdict "494=acquitted@Sok Dara" --view ngo --source "defence lawyer" --same-event "$k2"
[ -n "$k1" ] && [ -n "$k2" ] && [ -n "$(added_id hearing)" ] || fail "no ids: $out"
expect "through a milestone, every account" "1 1 1" "$(counts 2024-W37)"
expect "through a milestone, --account own,ngo" "1 1 1" "$(counts 2024-W37 --account own,ngo)"
expect "through a milestone, --kind hearing" "1 1 1" "$(counts 2024-W37 --kind hearing)"
ok cw edit "$k2" --confidential
expect "through a withheld milestone" "2 2 2" "$(counts 2024-W37)"
expect "through a withheld milestone, --account own,ngo" "2 2 2" \
	"$(counts 2024-W37 --account own,ngo)"
expect "through an included milestone" "1 1 1" "$(counts 2024-W37 --include-confidential)"
ok cw edit "$k2" --clear confidential
ok cw edit "$k2" --date 2024-09-18
expect "through a later milestone, every account" "2 2 2" "$(counts 2024-W37)"
expect "through a later milestone, --account own,ngo" "2 2 2" \
	"$(counts 2024-W37 --account own,ngo)"

# ---- two accounts of one verdict that disagree on its date (the UN says 1 October, the NGO 2
# October), linked as the same event: one ruling, one decision, with every account or one.
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-10-01 --view un --source "OHCHR note"
p1=$(added_id milestone)
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-10-02 --view ngo --source "defence lawyer" --same-event "$p1"
p2=$(added_id milestone)
[ -n "$p1" ] && [ -n "$p2" ] || fail "no ids: $out"
expect "linked a day apart" "0 1 1" "$(counts 2024-W40)"
expect "linked a day apart, --account un" "0 1 1" "$(counts 2024-W40 --account un)"
ok cw report --week 2024-W40 --format json
json "[(x['view'], x['ruling'], x['decision'], x['counted_in']) for x in d['verdicts']] == [('un', 0, 0, None), ('ngo', 0, 0, None)]"
ok cw report --week 2024-W40
has "1 verdict or ruling was recorded (accounts: UN, NGO): 1 convicted; the table has 2 rows, one per charge a ruling names in each account of it."
has "## Verdicts and sentences (2)"
lacks "2 verdicts"
# The NGO's says acquitted: one decision on which the two accounts differ, not two rulings.
ok cw edit "$p2" --result acquitted
ok cw report --week 2024-W40
has "1 verdict or ruling was recorded (accounts: UN, NGO): 1 on which the accounts of the ruling differ;"

# ---- the same, not linked: two rulings (the link is what says they are one); a filter that
# leaves one out counts the other.
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-10-08 --view un --source "OHCHR note"
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-10-09 --view ngo --source "defence lawyer"
expect "not linked, a day apart" "0 2 2" "$(counts 2024-W41)"
expect "not linked, a day apart, --account ngo" "0 1 1" "$(counts 2024-W41 --account ngo)"

# ---- linked, dated in two weeks (the UN's on Sunday 20 October, the NGO's on Monday 21): counted
# once, in the week of the earliest account; the later week lists the NGO's row as counted
# there and adds nothing. The NGO's made the team's own: counted in its week, the earlier
# week's row saying so. A filter that leaves one out counts the other in its own week.
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-10-20 --view un --source "OHCHR note"
r1=$(added_id milestone)
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-10-21 --view ngo --source "defence lawyer" --same-event "$r1"
r2=$(added_id milestone)
[ -n "$r1" ] && [ -n "$r2" ] || fail "no ids: $out"
expect "two weeks, the first" "0 1 1" "$(counts 2024-W42)"
expect "two weeks, the second" "0 0 0" "$(counts 2024-W43)"
ok cw report --week 2024-W43 --format json
json "[(x['view'], x['ruling'], x['decision'], x['counted_in'], x['counted_in_period'], x['counted_in_date'], x['counted_in_view']) for x in d['verdicts']] == [('ngo', None, None, '$r1', 'earlier', '2024-10-20', 'un')]" \
	"d['comparison']['verdicts']['previous'] == 1"
ok cw report --week 2024-W43
has "## Verdicts and sentences (1 row, 0 counted)"
has "another account of an event counted in an earlier period, by the account of 2024-10-20 (UN, $(printf %.8s "$r1")), not counted here"
has "1 row below is another account of an event counted in an earlier or a later period"
lacks "verdict or ruling was recorded"
ok cw report --from 2024-10-14 --to 2024-10-27 --format json
json "len({x['ruling'] for x in d['verdicts']}) == 1" "d['comparison']['verdicts']['current'] == 1" \
	"[x['counted_in'] for x in d['verdicts']] == [None, None]"
expect "two weeks, the second, --account ngo" "0 1 1" "$(counts 2024-W43 --account ngo)"
expect "two weeks, the first, --account ngo" "0 0 0" "$(counts 2024-W42 --account ngo)"
ok cw edit "$r2" --view own
expect "two weeks, the team's second, the first" "0 0 0" "$(counts 2024-W42)"
expect "two weeks, the team's second" "0 1 1" "$(counts 2024-W43)"
ok cw report --week 2024-W42 --format json
json "[(x['view'], x['ruling'], x['counted_in'], x['counted_in_period'], x['counted_in_view']) for x in d['verdicts']] == [('un', None, '$r2', 'later', 'own')]"
expect "two weeks, the team's second, the first, --account un" "0 1 1" \
	"$(counts 2024-W42 --account un)"

# ---- the same two weeks, the NGO's milestone linked besides to the team's hearing of the Tuesday
# that gave the verdict: in the later week the milestone's ruling is the hearing's, one ruling
# counted there, its row not listed as counted elsewhere beside the hearing's.
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-11-10 --view un --source "OHCHR note"
s1=$(added_id milestone)
ok cw log milestone --person "Sok Dara" --case Trial --type verdict --result convicted \
	--article 494 --date 2024-11-11 --view ngo --source "defence lawyer" --same-event "$s1"
s2=$(added_id milestone)
ok cw log hearing --case Trial --date 2024-11-12 --outcome verdict \
	--verdict "494=convicted@Sok Dara" --view own --source "own observation" --same-event "$s2"
[ -n "$s1" ] && [ -n "$s2" ] && [ -n "$(added_id hearing)" ] || fail "no ids: $out"
expect "two weeks and a hearing, the second" "1 1 1" "$(counts 2024-W46)"
ok cw report --week 2024-W46 --format json
json "[(x['view'], x['record_kind'], x['ruling'], x['counted_in']) for x in d['verdicts']] == [('own', 'hearing', 0, None), ('ngo', 'milestone', 0, None)]"
# ---- two defendants: the UN's verdict on Sok Dara in one week, the NGO's of the next on her and
# on her co-defendant, linked to it. Sok Dara's decision is counted in the UN's week, the
# co-defendant's in the NGO's, which no account of the other week gives: each decision once,
# never none (the NGO's rows on Sok Dara counted in the earlier week, not here).
ok cw person add --name "Chan Vuthy"
ok cw case add --title "Co-defendants" --defendant "Sok Dara" --defendant "Chan Vuthy" \
	--charge 494 --stage trial --source "own observation"
ok cw log milestone --person "Sok Dara" --case Co-defendants --type verdict --result convicted \
	--article 494 --date 2024-12-03 --view un --source "OHCHR note"
c1=$(added_id milestone)
ok cw log milestone --person "Chan Vuthy" --case Co-defendants --type verdict \
	--result convicted --article 494 --date 2024-12-10 --view ngo --source "defence lawyer" \
	--same-event "$c1"
ok cw log milestone --person "Sok Dara" --case Co-defendants --type verdict --result convicted \
	--article 494 --date 2024-12-10 --view ngo --source "defence lawyer" --same-event "$c1"
expect "co-defendants, the UN's week" "0 1 1" "$(counts 2024-W49)"
expect "co-defendants, the NGO's week" "0 1 1" "$(counts 2024-W50)"
ok cw report --week 2024-W50 --format json
json "sorted((x['view'], x['counted_in'] is None) for x in d['verdicts']) == [('ngo', False), ('ngo', True)]"
ok cw report --from 2024-12-02 --to 2024-12-15 --format json
json "d['comparison']['verdicts']['current'] == 2"
done_ok
