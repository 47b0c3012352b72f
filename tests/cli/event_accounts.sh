#!/bin/sh
# Several accounts of one prison visit or one demonstration (the team's, a government's that
# disputes it, a newspaper's that tells the same event) are one event in the report's figures,
# counted as its counted account gives it (the team's, else the first), and each row says
# whose account it is and which event it tells: a supervisor's trial read "3 demonstrations
# with 6 arrests" and "2 of them refused access" where there was one of each.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Sok Dara"
# one demonstration, three accounts
ok cw log demo --date 2024-05-03 --place "Supreme Court" --participants 30 \
	--response dispersed,arrests --arrested "Sok Dara" --arrests-count 3 --source "own observation"
own=$(added_id demo)
[ -n "$own" ] || fail "no id: $out"
ok cw log demo --date 2024-05-03 --place "Supreme Court" --participants 15 --response monitored \
	--arrests-count 0 --view government --source "Ministry statement" --disputes "$own"
ok cw log demo --date 2024-05-03 --place "Supreme Court" --participants 35 --arrests-count 3 \
	--view media --source "Newspaper" --same-event "$own"
# another demonstration, told once
ok cw log demo --date 2024-05-04 --place "Freedom Park" --arrests-count 1 --view ngo \
	--source "NGO bulletin"
# one visit refused, two accounts; another visit told once
ok cw log visit --facility "Prey Sar" --date 2024-05-02 --access denied --source "own observation"
visit=$(added_id visit)
ok cw log visit --facility "Prey Sar" --date 2024-05-02 --access granted --view government \
	--source "Ministry statement" --disputes "$visit"
ok cw log visit --facility "CC2" --date 2024-05-03 --access granted --source "own observation"
# The account disputed says so too, though the link is kept on the one that disputes it (a
# sync trial saw it from one side only)
ok cw show "$visit"
has "disputed by"
ok cw show "$visit" --json
json "[x['relation'] for x in d['linked_from']] == ['disputes']"

ok cw report --week 2024-W18 --format json
json "d['comparison']['visits']['current'] == 2 and d['comparison']['demonstrations']['current'] == 2"
# the two events' arrests are the team's 3 and an NGO's 1: each account's apart, never added
# (tests/cli/demo_accounts_apart.sh)
json "d['comparison']['demonstration_arrests']['current'] is None and d['comparison']['demonstration_arrests']['current_by_account'] == [{'view': 'own', 'count': 3, 'at_least': False}, {'view': 'ngo', 'count': 1, 'at_least': False}]" \
	"[x['counted_in'] is None for x in d['demonstrations']].count(False) == 2" \
	"all(x['counted_in'] is None or x['counted_in'].startswith('$own') for x in d['demonstrations'])" \
	"[l['relation'] for x in d['demonstrations'] for l in x['links']] == ['disputes', 'same_event']" \
	"[x['counted_in'] is None for x in d['visits']].count(False) == 1"
ok cw report --week 2024-W18 --format md
printf '%s' "$out" >"$WORK/w18.md" # read again below, with the HTML and CSV: nothing is written in between
has "2 prison visits"
has ", 1 of them refused access"
lacks "2 of them refused access"
has "2 demonstrations (accounts: NGO, own observation; at the demonstration of 2024-05-03 (Supreme Court), government gives 0 arrests): own observation gives 3 arrests, NGO gives 1 arrest"
lacks "4 arrests"
has "(2 more accounts of them are listed, each counted once with its event)"
for f in html csv; do
	ok cw report --week 2024-W18 --format $f
	printf '%s' "$out" >"$WORK/w18.$f"
done
# the row counted named as the reader sees it (its date, account and place), not by an id no
# table shows (a trial read "another account of the event of row 9c421a25"), in every format
# (JSON gives the id: counted_in)
for f in md html csv; do
	out=$(cat "$WORK/w18.$f")
	has "another account of the event of the row of 2024-05-03, own observation, Supreme Court ($(printf %.8s "$own")), counted there"
	lacks "of the event of row"
done
# An account that disputes the row's is said to, not merely "also told" (a prison monitor's
# trial read the prison director's word against the team's visit as one more account of it),
# on both rows, in every format; one that tells the same event is told as before.
for f in md html csv; do
	out=$(cat "$WORK/w18.$f")
	has "also told by other accounts (media), listed with it; other accounts in dispute with it (government), listed with it"
	has "an account in dispute with the row of 2024-05-03, own observation, Supreme Court ($(printf %.8s "$own")), which counts the event"
	has "other accounts in dispute with it (government), listed with it"
	has "an account in dispute with the row of 2024-05-02, own observation, Prey Sar ($(printf %.8s "$visit")), which counts the event"
	lacks "also told by other accounts (government"
done
# An account of the same event as one that disputes the row disputes it too; one that
# disputes the one disputing agrees with the row (a review saw the UN's "denied", linked to
# the NGO's "denied" that disputes the government's "granted", read as agreeing with it).
ok cw log visit --facility "CC1 Disputed" --date 2024-05-01 --access granted --view government \
	--source director
g=$(added_id visit)
ok cw log visit --facility "CC1 Disputed" --date 2024-05-01 --access denied --view ngo \
	--source LICADHO --disputes "$g"
n=$(added_id visit)
ok cw log visit --facility "CC1 Disputed" --date 2024-05-01 --access denied --view un \
	--source OHCHR --same-event "$n"
ok cw report --week 2024-W18 --format csv
has "other accounts in dispute with it (UN, NGO), listed with it"
lacks "also told by other accounts (UN)"

# A count on a visit makes it a source's count of visits: one that names detainees is more
# likely one visit whose number of detainees went into the count (the same trial's visit left
# the report's visits without a word). Said, with the fix; a source may count its visits to
# someone, so it is saved.
ok cw log visit --facility CC2 --date 2024-05-09 --count 5 --access granted --detainee "Sok Dara"
checks=$((checks + 1))
grep -q "warning: the count (5) makes this a source's count of 5 prison visits, not one visit" \
	"$WORK/stderr" || fail "no warning for a visit counted: $(cat "$WORK/stderr")"
tally=$(added_id visit 8)
grep -qF "casewatch edit $tally --clear count" "$WORK/stderr" || fail "no fix given: $(cat "$WORK/stderr")"
ok cw edit "$tally" --clear count
checks=$((checks + 1))
[ ! -s "$WORK/stderr" ] || fail "a warning once the count is cleared: $(cat "$WORK/stderr")"
ok cw report --from 2024-05-06 --to 2024-05-12 --format json
json "[x['facility'] for x in d['visits']] == ['CC2']"

# A confidential account of an event, left out of a report for others: the other account's row
# neither links it nor is counted with it (its id would say it exists).
ok cw log demo --date 2024-05-01 --place "Secret Place" --arrests-count 2 --view own --confidential
secret=$(added_id demo)
ok cw log demo --date 2024-05-01 --place "Secret Place" --arrests-count 0 --view government \
	--source "Ministry" --disputes "$secret"
ok cw report --week 2024-W18 --format json
json "[(x['links'], x['counted_in']) for x in d['demonstrations'] if x['place'] == 'Secret Place'] == [([], None)]"
ok cw report --week 2024-W18 --format json --include-confidential
json "sorted(x['counted_in'] is None for x in d['demonstrations'] if x['place'] == 'Secret Place') == [False, True]"
# ... nor does an export for others: its links column and JSON links (they gave the id)
ok cw export records --kind demo --since 2024-05-01 --until 2024-05-01 --format json
json "[x.get('links', []) for x in d] == [[]]"
ok cw export records --kind demo --since 2024-05-01 --until 2024-05-01 --format csv
lacks "$secret"
ok cw export records --kind demo --since 2024-05-01 --until 2024-05-01 --format csv \
	--include-confidential
has "disputes:$secret"

# An event whose counted account gives no arrests figure takes another account's: the team's
# account gave none, a newspaper's 5 (a review found "arrests not recorded" beside the 5).
ok cw log demo --date 2024-06-10 --place "Riverside" --view own
team=$(added_id demo)
ok cw log demo --date 2024-06-10 --place "Riverside" --arrests-count 5 --view media \
	--source "Newspaper" --same-event "$team"
ok cw report --week 2024-W24 --format json
json "d['comparison']['demonstrations']['current'] == 1 and d['comparison']['demonstration_arrests']['current'] == 5 and d['comparison']['demonstration_arrests']['current_views'] == ['media']"
ok cw report --week 2024-W24 --format md
has "1 demonstration with 5 arrests"

# Of several other accounts, the first in row order (the date, then the id) that gives a figure,
# before the account counted or after it, each figure on its own: the team's account gives
# none, the government's (the first row) none of arrests but 1 injured, a confidential NGO
# note 9 arrests, the UN "at least 3", a newspaper 5 arrests and 2 injured. Each event's own
# accounts are walked (report.h: demo_next), not every row of the period.
ok cw log demo --date 2024-09-04 --place "Olympic Stadium" --view own --source "own observation"
team=$(added_id demo)
ok cw log demo --date 2024-09-02 --place "Olympic Stadium" --injured 1 --view government \
	--source "Ministry statement" --disputes "$team"
ok cw log demo --date 2024-09-03 --place "Olympic Stadium" --arrests-count 9 --view ngo \
	--source "NGO note" --confidential --same-event "$team"
ok cw log demo --date 2024-09-05 --place "Olympic Stadium" --arrests-count 3 \
	--arrests-at-least yes --view un --source "OHCHR note" --same-event "$team"
ok cw log demo --date 2024-09-06 --place "Olympic Stadium" --arrests-count 5 --injured 2 \
	--view media --source "Newspaper" --same-event "$team"
# for others the NGO's is left out: the UN's least is counted, the newspaper's 5 differs
ok cw report --week 2024-W36 --format json
json "[(d['comparison'][k]['current'], d['comparison'][k]['current_at_least'], d['comparison'][k]['current_views']) for k in ('demonstration_arrests', 'demonstration_injured')] == [(3, True, ['un']), (1, False, ['government'])]" \
	"[(x['view'], x['arrests_counted'], x['arrests_differ'], x['injured_counted'], x['injured_differ']) for x in d['demonstrations']] == [('government', False, False, True, False), ('own', False, False, False, False), ('un', True, False, False, False), ('media', False, True, False, True)]"
ok cw report --week 2024-W36 --format md
has "1 demonstration with at least 3 arrests and 1 injured (accounts: UN, government, own observation; media gives 5 arrests and 2 injured)"
# with it, the NGO's 9 comes first, and the UN's least differs
ok cw report --week 2024-W36 --format json --include-confidential
json "[(d['comparison'][k]['current'], d['comparison'][k]['current_at_least'], d['comparison'][k]['current_views']) for k in ('demonstration_arrests', 'demonstration_injured')] == [(9, False, ['ngo']), (1, False, ['government'])]" \
	"[(x['view'], x['arrests_counted'], x['arrests_differ'], x['injured_counted'], x['injured_differ']) for x in d['demonstrations']] == [('government', False, False, True, False), ('ngo', True, False, False, False), ('own', False, False, False, False), ('un', False, True, False, False), ('media', False, True, False, True)]"
ok cw report --week 2024-W36 --format md --include-confidential
has "1 demonstration with 9 arrests and 1 injured (accounts: government, NGO, own observation; UN gives at least 3 arrests; media gives 5 arrests and 2 injured)"

# People named as arrested with no number given ("a number of trade unionists", one named): at
# least that many, not that many (the same trial read "1 arrest").
ok cw person add --name "Chhim Sithar"
ok cw log demo --date 2021-12-31 --place "NagaWorld" --arrested "Chhim Sithar" --view un \
	--source "002 para 29"
ok cw report --from 2021-12-27 --to 2022-01-02 --format json
week_json=$out # read again below: nothing is written in between
json "[(x['arrests'], x['arrests_at_least']) for x in d['demonstrations']] == [(1, True)]"
ok cw report --from 2021-12-27 --to 2022-01-02 --format md
has "1 demonstration with at least 1 arrest"
has "| at least 1 |"
lacks "with 1 arrest"
# the comparison with the previous period says so too (it gave "1")
has "| arrests at demonstrations | at least 1 | 0 |"
out=$week_json
json "d['comparison']['demonstration_arrests']['current_at_least'] is True and d['comparison']['demonstration_arrests']['previous_at_least'] is False"
# ... and the CSV too, whose count holds exact figures only: a least is an empty count with
# at_least (as days in detention), the previous period's in previous_at_least (a trial's CSV
# gave an empty count and no "at least" anywhere). An incident's count that is a least alike.
ok cw log incident --type blocking --date 2021-12-30 --unit "social media accounts" --count 9 \
	--at-least yes --view un --source "002 para 30"
csv_least() {
	checks=$((checks + 1))
	printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import csv, sys
rows = [(r["section"], r["label"], r["count"], r["at_least"], r["at_most"], r["previous_count"],
         r["previous_at_least"]) for r in csv.DictReader(sys.stdin)
        if r["section"] in ("demonstrations", "incidents") or r["label"] == "arrests at demonstrations"]
sys.exit(0 if rows == eval(sys.argv[1]) else 1)' "$1" || fail "CSV leasts: $1
$out"
}
ok cw report --from 2021-12-27 --to 2022-01-02 --format csv
csv_least "[('demonstrations', '', '', '1', '', '', ''), ('incidents', '', '', '9', '', '', ''), ('comparison', 'arrests at demonstrations', '', '1', '', '0', '')]"
ok cw report --from 2022-01-03 --to 2022-01-09 --format csv
csv_least "[('comparison', 'arrests at demonstrations', '0', '', '', '', '1')]"
ok cw report --from 2021-12-27 --to 2022-01-02 --format md
has "| at least 9 |"

# "At least 30 participants", as sources give it (it could not be recorded: only "30", which
# the report gave as exact).
ok cw log demo --date 2024-05-05 --place "Wat Phnom" --participants 30 --participants-at-least yes \
	--view media --source "Newspaper"
ok cw report --week 2024-W18 --format md
has "participants: at least 30"
ok cw report --week 2024-W18 --format json
json "[(x['participants'], x['participants_at_least']) for x in d['demonstrations'] if x['place'] == 'Wat Phnom'] == [(30, True)]"
fails 65 "participants-at-least: says the number of participants is a least: give --participants" \
	cw log demo --date 2024-05-05 --place "Wat Phnom" --participants-at-least yes

# Figures that say different things are said, not refused: more arrests than participants, a
# response of "none" beside arrests.
ok cw log demo --date 2024-05-05 --place "Olympic Stadium" --participants 3 --arrests-count 12 \
	--response none --view own
checks=$((checks + 2))
grep -q "warning: 12 arrests are recorded for 3 participants" "$WORK/stderr" ||
	fail "no word of 12 arrests for 3 participants: $(cat "$WORK/stderr")"
grep -q "warning: the authorities' response is recorded as none, beside 12 arrests" "$WORK/stderr" ||
	fail "no word of none beside arrests: $(cat "$WORK/stderr")"
# A response that leaves the arrests out ("dispersed" beside 9 arrests) is said too, with the
# response to type.
ok cw log demo --date 2024-05-04 --place "NagaWorld" --participants 100 --arrests-count 9 \
	--response dispersed,force --view own
checks=$((checks + 2))
grep -q "warning: the authorities' response is recorded as dispersed,force, without arrests, beside 9 arrests" "$WORK/stderr" ||
	fail "no word of a response without the arrests: $(cat "$WORK/stderr")"
grep -q -- "--response dispersed,force,arrests" "$WORK/stderr" ||
	fail "the response to type is not given: $(cat "$WORK/stderr")"
# (another day: the same day and place would be the same demonstration logged twice)
ok cw log demo --date 2024-05-06 --place "Olympic Stadium" --participants 300 --arrests-count 12 \
	--response dispersed,arrests --view own
checks=$((checks + 1))
[ ! -s "$WORK/stderr" ] || fail "a warning for figures that agree: $(cat "$WORK/stderr")"

# A source's count of visits gives what it found on them, as one visit's row does.
ok cw log visit --facility "nine prisons" --count 18 --facilities 9 --concern health,water \
	--period-from 2024-05-01 --period-to 2024-05-05 --date 2024-05-05 --view un --source "UN 001 para 70"
ok cw report --week 2024-W18 --format md
has "to 9 facilities; concerns: health, clean water; source: UN 001 para 70"

# A demonstration dated to a month, in a week's table of such records: its place in the place
# column and its cause in the details (the cause read as its place).
ok cw log demo --date 2024-08 --place "Freedom Park" --cause "land dispute" --view ngo \
	--source "NGO bulletin"
ok cw report --week 2024-W32 --format md
has "| Freedom Park |"
has "cause: land dispute"
lacks "| land dispute |"

# The same hearing logged by two monitors apart, each as their own: a bundle that brings the
# second says so, with the link that makes them one (a two-laptop trial's report said "2
# hearings: 1 adjourned, 1 continued" for one hearing); linked, the report counts one.
A="$WORK/A" B="$WORK/B"
ok "$CASEWATCH" --db "$A" init
ok "$CASEWATCH" --db "$B" init
mesh a="$A" b="$B"
ok "$CASEWATCH" --db "$A" case add --title "Union case" --unnamed "3 union members" --charge 494
ok "$CASEWATCH" --db "$A" bundle export --to b -o "$WORK/a1.cwb"
ok "$CASEWATCH" --db "$B" bundle import "$WORK/a1.cwb"
ok "$CASEWATCH" --db "$A" log hearing --case "Union case" --date 2024-06-03 --outcome adjourned \
	--view own
ha=$(added_id hearing 8)
ok "$CASEWATCH" --db "$B" log hearing --case "Union case" --date 2024-06-03 --outcome continued \
	--view own
hb=$(added_id hearing 8)
ok "$CASEWATCH" --db "$B" bundle export --to a -o "$WORK/b1.cwb"
ok "$CASEWATCH" --db "$A" bundle import "$WORK/b1.cwb"
checks=$((checks + 1))
grep -q "warning: hearings $hb and $ha of the same case on 2024-06-03 are both the team's own" \
	"$WORK/stderr" || fail "no word of the same hearing twice: $(cat "$WORK/stderr")"
grep -qF "casewatch edit $hb --same-event $ha" "$WORK/stderr" || fail "no fix: $(cat "$WORK/stderr")"
ok "$CASEWATCH" --db "$A" edit "$hb" --same-event "$ha"
ok "$CASEWATCH" --db "$A" report --week 2024-W23 --format json
json "d['comparison']['hearings']['current'] == 1"
# imported again (nothing new), or a bundle whose hearings are linked: no word
ok "$CASEWATCH" --db "$A" bundle export --to b -o "$WORK/a2.cwb"
ok "$CASEWATCH" --db "$B" bundle import "$WORK/a2.cwb"
checks=$((checks + 1))
! grep -q "both the team's own" "$WORK/stderr" || fail "said of linked hearings: $(cat "$WORK/stderr")"
# Accounts of one event dated either side of a period's boundary are counted once, in the period
# of the account the event is counted by (the team's, else the earliest): a trial's W17 read "1
# demonstration with 4 arrests" from the team and W18 "1 demonstration with 9 arrests" from
# the UN's linked account of it, and compared 1 with 1. The other period lists its account,
# says where the event is counted, and adds none of its figures.
ok cw person add --name "Keo Bopha"
ok cw case add --title "Boundary case" --defendant "Keo Bopha" --charge 494
ok cw log demo --date 2024-07-07 --place NagaWorld --participants 60 --response arrests \
	--arrests-count 4 --source "own observation"
bown=$(added_id demo)
ok cw log demo --date 2024-07-08 --place NagaWorld --participants 80 --response arrests \
	--arrests-count 9 --source "001 para 42" --view un --same-event "$bown"
ok cw log hearing --case "Boundary case" --date 2024-07-07 --outcome adjourned --view own
bhear=$(added_id hearing)
ok cw log hearing --case "Boundary case" --date 2024-07-08 --outcome adjourned --view un \
	--source "OHCHR note" --same-event "$bhear"
ok cw log milestone --person "Keo Bopha" --case "Boundary case" --type arrest --date 2024-07-07 \
	--source "own observation"
barr=$(added_id milestone)
ok cw log milestone --person "Keo Bopha" --case "Boundary case" --type arrest --date 2024-07-08 \
	--source "media" --view media --same-event "$barr"
# the other way round: the UN's account first, the team's a day later names it; the event is
# the team's, counted in the later period
ok cw log visit --facility "Prey Sar" --date 2024-07-14 --access restricted --view un \
	--source "001 para 70"
bun=$(added_id visit)
ok cw log visit --facility "Prey Sar" --date 2024-07-15 --access granted \
	--source "own observation" --same-event "$bun"
bvis=$(added_id visit)
ok cw report --week 2024-W28 --format json
json "[d['comparison'][m]['current'] for m in ('demonstrations', 'demonstration_arrests', 'hearings', 'arrests', 'visits')] == [0, 0, 0, 0, 0]" \
	"[d['comparison'][m]['previous'] for m in ('demonstrations', 'demonstration_arrests', 'hearings', 'arrests')] == [1, 4, 1, 1]" \
	"[(x['counted_in'], x['counted_in_period'], x['counted_in_date']) for x in d['demonstrations']] == [('$bown', 'earlier', '2024-07-07')]" \
	"[l['record'] for x in d['demonstrations'] for l in x['links']] == ['$bown']" \
	"[(x['counted_as'], x['counted_in_period']) for x in d['hearings']] == [('$bhear', 'earlier')]" \
	"[(x['counted_in'], x['counted_in_period']) for x in d['arrests_and_charges']['events']] == [('$barr', 'earlier')]" \
	"[(x['counted_in'], x['counted_in_period'], x['counted_in_view']) for x in d['visits']] == [('$bvis', 'later', 'own')]" \
	"d['arrests_and_charges']['by_article'] == []"
ok cw report --week 2024-W28
has "## Demonstrations (1 row, 0 counted)"
has "another account of an event counted in an earlier period, by the account of 2024-07-07 (own observation, $(printf %.8s "$bown")), not counted here"
has "another account of an event counted in a later period, by the account of 2024-07-15 (own observation, $(printf %.8s "$bvis")), not counted here"
has "4 rows below are other accounts of events counted in an earlier or a later period"
lacks "9 arrests"
ok cw report --week 2024-W28 --format csv
checks=$((checks + 1))
printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import csv, sys
rows = [r for r in csv.DictReader(sys.stdin) if r["section"] == "demonstrations"]
sys.exit(0 if [r["counted_in"] for r in rows] == [sys.argv[1][:32]] else 1)' "$bown" ||
	fail "the CSV row does not say where it is counted: $out"
ok cw report --week 2024-W27 --format json
json "[d['comparison'][m]['current'] for m in ('demonstrations', 'demonstration_arrests', 'hearings', 'hearings_own', 'arrests', 'visits')] == [1, 4, 1, 1, 1, 0]" \
	"all(x['counted_in'] is None for x in d['demonstrations'])"
ok cw report --week 2024-W29 --format json
json "d['comparison']['visits']['current'] == 1 and d['comparison']['visits']['previous'] == 0"

# Two monitors' accounts of one hearing, two accounts of one arrest: listed, counted once, and
# the heading says so as the summary does ("Hearings monitored by the team (3)" beside "monitored
# 2 hearings" was a trial's finding); the row not counted says which is.
ok cw log hearing --case "Boundary case" --date 2024-07-23 --outcome adjourned --view own \
	--monitors Dara
tw1=$(added_id hearing)
ok cw log hearing --case "Boundary case" --date 2024-07-23 --outcome adjourned --view own \
	--monitors Vuthy --same-event "$tw1"
tw2=$(added_id hearing)
ok cw log hearing --case "Boundary case" --date 2024-07-24 --outcome continued --view own
ok cw log milestone --person "Keo Bopha" --case "Boundary case" --type charge --date 2024-07-23 \
	--article 494 --source "own observation"
ta1=$(added_id milestone)
ok cw log milestone --person "Keo Bopha" --case "Boundary case" --type charge --date 2024-07-23 \
	--article 494 --source "001 para 9" --view un --same-event "$ta1"
ok cw report --week 2024-W30
has "The team monitored 2 hearings"
has "## Hearings the team went to (3 rows, 2 counted)"
has "another account of the event of the row of 2024-07-23, own observation, Boundary case ($(printf %.8s "$tw1")), counted there"
has "## New arrests and charges (2 rows, 1 counted)"
has "another account of the event of the row of 2024-07-23, own observation, Keo Bopha, Boundary case ($(printf %.8s "$ta1")), counted there"
ok cw report --week 2024-W30 --format json
json "[x['counted_as'] for x in d['hearings'] if x['date'] == '2024-07-23'] == [None, '$tw1']" \
	"[x['counted_in'] for x in d['arrests_and_charges']['events']] == [None, '$ta1']" \
	"d['comparison']['charges']['current'] == 1"
ok cw report --week 2024-W30 --format csv
checks=$((checks + 1))
printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
h = [r["counted_in"] for r in rows if r["section"] == "hearings_own"]
a = [r["counted_in"] for r in rows if r["section"] == "arrests_charges"]
sys.exit(0 if sorted(h) == ["", "", sys.argv[1]] and a == ["", sys.argv[2]] else 1)' \
	"$(printf %.32s "$tw1")" "$(printf %.32s "$ta1")" || fail "the CSV rows do not say where they are counted: $out"

# One hearing, the team's account setting its next date for 14 August and the UN's linked one
# for 15 August, is one hearing to come, not "2 hearings are set"; each date is listed.
ok cw log hearing --case "Boundary case" --date 2024-07-31 --outcome adjourned --view own \
	--next-date 2024-08-14
up1=$(added_id hearing)
ok cw log hearing --case "Boundary case" --date 2024-07-31 --outcome adjourned --view un \
	--source "OHCHR note" --next-date 2024-08-15 --same-event "$up1"
ok cw report --week 2024-W31
has "1 hearing is set in the 14 days after the period (accounts: UN, own observation). The accounts of 1 hearing give it different dates, each listed below."
has "## Upcoming hearings (2 rows, 1 counted)"
has "another account of the hearing to come of the row of 2024-08-14 ($(printf %.8s "$up1")), counted there"
ok cw report --week 2024-W31 --format json
json "[(x['date'], x['counted_in']) for x in d['upcoming_hearings']] == [('2024-08-14', None), ('2024-08-15', '$up1')]"

# The accounts named beside a summary's figure are those whose records the figure counts, and
# where a linked account gives another figure the summary says it: a fidelity trial read "1
# demonstration with 5 arrests (accounts: UN, government)" where the government's disputing
# account gave 2, and "1 new charge (accounts: UN, own observation)" where only the team's
# account of the charge was counted.
ok cw person add --name "Figure Person"
ok cw case add --title "Figure case" --defendant "Figure Person" --charge 494/495 \
	--source "own observation"
ok cw log milestone --person "Figure Person" --case "Figure case" --type charge --article 494 \
	--date 2024-10-01 --source "own observation"
fc=$(added_id milestone)
ok cw log milestone --person "Figure Person" --case "Figure case" --type charge --article 494 \
	--date 2024-10-01 --view un --source "OHCHR note" --same-event "$fc"
ok cw log demo --date 2024-10-02 --place "NagaWorld" --response arrests --arrests-count 5 \
	--view un --source "001 para 42"
fd=$(added_id demo)
ok cw log demo --date 2024-10-02 --place "NagaWorld" --response arrests --arrests-count 2 \
	--view government --source "000 para 9" --disputes "$fd"
ok cw log visit --facility "CC1" --date 2024-10-03 --access granted --source "own observation"
fv=$(added_id visit)
ok cw log visit --facility "CC1" --date 2024-10-03 --access restricted --view un \
	--source "001 para 70" --same-event "$fv"
for f in md html csv json; do
	ok cw report --week 2024-W40 --format $f
	printf '%s' "$out" >"$WORK/w40.$f" # read again below: nothing is written in between
	has "1 new charge; 1 under 494/495 incitement (account: own observation);"
	has "1 demonstration with 5 arrests (account: UN; government gives 2 arrests)"
	has "1 prison visit (account: own observation; UN says access was restricted)"
	lacks "(accounts: UN, government)"
	lacks "(accounts: UN, own observation)"
done
json "[d['comparison'][m]['current_views'] for m in ('charges', 'demonstrations', 'demonstration_arrests', 'visits')] == [['own'], ['un'], ['un'], ['own']]" \
	"[(x['view'], x['arrests_counted'], x['arrests_differ']) for x in d['demonstrations']] == [('un', True, False), ('government', False, True)]" \
	"[(x['view'], x['access_differs']) for x in d['visits']] == [('own', False), ('un', True)]"
if command -v pdftotext >/dev/null 2>&1; then
	week 2024-W40 pdf
	inpdf "1 demonstration with 5 arrests (account: UN; government gives 2 arrests)"
	inpdf "an account in dispute with the row of 2024-10-02, UN, NagaWorld ($(printf %.8s "$fd")), which counts the event"
fi
out=$(cat "$WORK/w40.md")
has "| arrests at demonstrations | 5 | 0 | UN |"
has "| demonstrations | 1 | 0 | UN |"
# Two demonstrations: the team's account of the first gives no arrests and the UN's linked one
# 5; the team names 2 arrested at the second, where the government's account says 1. The
# accounts are the team's (both events) and the UN's (the 5), not the government's, whose
# other figure is said with its demonstration; the team's "at least 2" and the UN's 5 are each
# given apart, never added into "at least 7" (tests/cli/demo_accounts_apart.sh).
ok cw log demo --date 2024-10-14 --place "NagaWorld" --response dispersed --source "own observation"
fd1=$(added_id demo)
ok cw log demo --date 2024-10-14 --place "NagaWorld" --response arrests --arrests-count 5 \
	--view un --source "001 para 42" --same-event "$fd1"
ok cw log demo --date 2024-10-15 --place "Freedom Park" --province "Phnom Penh" \
	--response arrests --arrested "Figure Person" --arrested "Sok Dara" --source "own observation"
fd2=$(added_id demo)
ok cw log demo --date 2024-10-15 --place "Freedom Park" --province "Phnom Penh" \
	--response arrests --arrests-count 1 --view government --source "000 para 12" \
	--disputes "$fd2"
for f in md html csv json; do
	ok cw report --week 2024-W42 --format $f
	printf '%s' "$out" >"$WORK/w42.$f" # read again below: nothing is written in between
	has "2 demonstrations (accounts: UN, own observation; at the demonstration of 2024-10-15 (Freedom Park, Phnom Penh), government gives 1 arrest): own observation gives at least 2 arrests, UN gives 5 arrests"
	has "the demonstrations below recorded at least 2 arrests (account: own observation; at the demonstration of 2024-10-15 (Freedom Park, Phnom Penh), government gives 1 arrest) and 5 arrests (account: UN)"
	lacks "7 arrests"
	lacks "(accounts: UN, government"
done
json "d['comparison']['demonstration_arrests']['current_views'] == ['un', 'own'] and d['comparison']['demonstrations']['current_views'] == ['own']" \
	"[(x['view'], x['arrests_counted'], x['arrests_differ']) for x in d['demonstrations']] == [('own', False, False), ('un', True, False), ('own', True, False), ('government', False, True)]"
out=$(cat "$WORK/w42.csv")
csv_least "[('demonstrations', '', '', '', '', '', ''), ('demonstrations', '', '5', '', '', '', ''), ('demonstrations', '', '', '2', '', '', ''), ('demonstrations', '', '1', '', '', '', ''), ('comparison', 'arrests at demonstrations', '', '2', '', '0', ''), ('comparison', 'arrests at demonstrations', '5', '', '', '0', '')]"

# Every period follows the links however far apart the accounts are dated, so each decides
# alike: the team's account counts the event, in its own week, 32 or 41 days after the UN's,
# and the UN's week leaves it to it (a review, then a sync trial, found one visit counted in
# two weeks when a window of 31 days hid one account from the other's week). A chain of
# accounts, each within a few weeks of the next, counts once too.
for gap in 2024-02-08:W06 2024-02-20:W08; do
	DB="$WORK/far-${gap%%:*}"
	ok cw init
	ok cw log visit --facility "Prey Sar" --date 2024-01-07 --access restricted --view un \
		--source "001 para 70"
	un=$(added_id visit)
	ok cw log visit --facility "Prey Sar" --date "${gap%%:*}" --access granted \
		--source "own observation" --same-event "$un"
	own=$(added_id visit)
	ok cw report --week 2024-W01 --format json
	json "d['comparison']['visits']['current'] == 0 and [x['counted_in'][:8] for x in d['visits']] == ['$own'[:8]]"
	ok cw report --week "2024-${gap##*:}" --format json
	json "d['comparison']['visits']['current'] == 1 and [x['counted_in'] for x in d['visits']] == [None]"
done
# A next date is done with once a later hearing of the case is logged, whatever account set it:
# a field trial's hearing of 2022-02-17 (the team said next 03-03, the government 03-10); the
# team logged the hearing of 03-03, which set 03-17. W09 said "2 hearings are set", the
# government's 03-10 among them. While both dates are still to come (W08), the two accounts are
# one hearing, the disagreement said.
DB="$WORK/next_dates"
ok cw init
ok cw person add --name "Chhim Sithar"
ok cw case add --title "NagaWorld LRSU" --defendant "Chhim Sithar" --charge 494/495 \
	--source "own observation"
ok cw log hearing --case NagaWorld --date 2022-02-17 --outcome adjourned --next-date 2022-03-03 \
	--source "own observation"
n1=$(added_id hearing)
ok cw log hearing --case NagaWorld --date 2022-02-17 --outcome adjourned --next-date 2022-03-10 \
	--view government --source "MoJ spokesperson" --disputes "$n1"
ok cw log hearing --case NagaWorld --date 2022-03-03 --outcome postponed --next-date 2022-03-17 \
	--source "own observation"
n3=$(added_id hearing)
ok cw report --week 2022-W07
has "1 hearing is set in the 14 days after the period (account: own observation)."
ok cw report --week 2022-W08 --format json
json "[(x['date'], x['source'], x['counted_in']) for x in d['upcoming_hearings']] == [('2022-03-03', 'hearing', None), ('2022-03-10', 'next_date', '$n3')]"
ok cw report --week 2022-W08
has "1 hearing is set in the 14 days after the period (accounts: government, own observation). The accounts of 1 hearing give it different dates, each listed below."
has "another account of the hearing to come of the row of 2022-03-03 ($(printf %.8s "$n3")), counted there"
ok cw report --week 2022-W09
has "1 hearing is set in the 14 days after the period (account: own observation)."
lacks "2022-03-10"
ok cw report --week 2022-W09 --format json
json "[(x['date'], x['hearing_id']) for x in d['upcoming_hearings']] == [('2022-03-17', '$n3')]"
# the agenda alike, and a filter on the government's account does not bring its date back
ok cw agenda --from 2022-03-07 --json
json "[(i['day'], i['what']) for i in d['items']] == [('2022-03-17', 'next_hearing')]"
ok cw agenda --from 2022-03-07 --account government --json
json "d['items'] == []"
# a later hearing at another court (bail at the Appeal Court) leaves the trial court's date
ok cw case add --title "Court case" --court "Phnom Penh Court"
ok cw log hearing --case "Court case" --date 2022-02-17 --court "Phnom Penh Court" \
	--outcome adjourned --next-date 2022-03-10
ok cw log hearing --case "Court case" --date 2022-02-24 --court "Appeal Court" --outcome other
ok cw agenda --from 2022-03-07 --json
json "[(i['day'], i['about']) for i in d['items']] == [('2022-03-10', 'Court case'), ('2022-03-17', 'NagaWorld LRSU')]"
# ... and so does one at the same court that did not move the case on: a bail refused between
# two sessions of the trial, setting no date (a review found it taking the trial's date off
# every agenda and report)
ok cw log hearing --case "Court case" --date 2022-02-28 --court "Phnom Penh Court" \
	--outcome bail_decision --bail refused
ok cw agenda --from 2022-03-07 --json
json "[(i['day'], i['about']) for i in d['items']] == [('2022-03-10', 'Court case'), ('2022-03-17', 'NagaWorld LRSU')]"
ok cw report --week 2022-W09 --format json
json "sorted(x['date'] for x in d['upcoming_hearings']) == ['2022-03-10', '2022-03-17']"
# The timeline: the government's 03-10 is no next hearing on 03-08; once 03-17 has passed with
# nothing logged it says so, not "none scheduled".
CASEWATCH_NOW=2022-03-08T03:00:00Z ok cw timeline "Chhim Sithar"
has "next hearing: 2022-03-17"
lacks "2022-03-10 (passed"
CASEWATCH_NOW=2022-03-08T03:00:00Z ok cw timeline "Chhim Sithar" --json
json "(d['summary']['next_hearing'], d['summary']['next_hearing_passed']) == ('2022-03-17', False)"
CASEWATCH_NOW=2022-03-20T03:00:00Z ok cw timeline "Chhim Sithar"
has "next hearing: 2022-03-17 (passed, nothing logged since)"
lacks "none scheduled"
# The JSON says the same, not null as for no hearing ever set: a chase-up list made from it
# missed hearings that went unmonitored (a field trial's).
for how in "timeline Chhim --json" "export --timeline Chhim --format json"; do
	CASEWATCH_NOW=2022-03-20T03:00:00Z ok cw $how
	json "(d['summary']['next_hearing'], d['summary']['next_hearing_passed']) == ('2022-03-17', True)"
done
ok cw log hearing --case NagaWorld --date 2022-03-17 --outcome verdict --source "own observation"
CASEWATCH_NOW=2022-03-20T03:00:00Z ok cw timeline "Chhim Sithar"
has "next hearing: none scheduled"
CASEWATCH_NOW=2022-03-20T03:00:00Z ok cw timeline "Chhim Sithar" --json
json "(d['summary']['next_hearing'], d['summary']['next_hearing_passed']) == (None, False)"

DB="$WORK/chain"
ok cw init
ok cw log visit --facility "Prey Sar" --date 2024-01-01 --access granted --view un --source UN
a=$(added_id visit)
ok cw log visit --facility "Prey Sar" --date 2024-01-25 --access granted --view media \
	--source Paper --same-event "$a"
b=$(added_id visit)
ok cw log visit --facility "Prey Sar" --date 2024-02-20 --access denied --source "own observation" \
	--same-event "$b"
total=0
for w in 01 04 08; do
	ok cw report --week "2024-W$w" --format json
	n=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["comparison"]["visits"]["current"])')
	total=$((total + n))
done
[ "$total" -eq 1 ] || fail "a chain of three accounts counted $total times over its three weeks"
checks=$((checks + 1))

# Two accounts of one arrest dated apart (the UN's 10 September, the government's 25
# September, disputing it): the days run from the earlier, and the timeline, its JSON and the
# report's row and sentence say whose date that is and what the other gives (a field trial saw
# "86 days and counting" and the government's 71 nowhere).
ok cw person add --name "Kang Saran"
ok cw case add --title "Kang Saran incitement" --court "Phnom Penh Municipal Court" \
	--defendant "Kang Saran" --charge 494/495 --custody detained
ok cw log milestone --person "Kang Saran" --case "Kang Saran incitement" --type arrest \
	--date 2026-09-10 --view un --source "OHCHR statement"
un=$(added_id milestone)
ok cw log milestone --person "Kang Saran" --case "Kang Saran incitement" --type arrest \
	--date 2026-09-25 --view government --source "Ministry statement" --disputes "$un"
export CASEWATCH_NOW=2026-12-05T03:00:00Z
ok cw timeline "Kang Saran"
has "86 days and counting"
has "counted from 2026-09-10 (UN); government dates its start 2026-09-25: 71 days"
ok cw timeline "Kang Saran" --json
json "d['summary']['pretrial_start_view'] == 'un'" \
	"d['summary']['pretrial_start_disputed'] == {'date': '2026-09-25', 'view': 'government', 'days': 71}"
week 2026-W49
out=$(cat "$WORK/week.md")
has "| Kang Saran | Kang Saran incitement | not recorded, UN \\[1\\] | 2026-09-10 | 86 | its latest dated record is of 2026-09-25; government dates its start 2026-09-25: 71 days (source: Ministry statement) |"
has "| \\[1\\] | OHCHR statement |"
has "(accounts: not recorded, UN; government dates its start 2026-09-25: 71 days)."
for f in md html csv; do row $f "government dates its start 2026-09-25: 71 days"; done
inpdf "governmentdatesitsstart2026-09-25:71days"
out=$(cat "$WORK/week.json")
json "[p['start_disputed'] for p in d['pretrial_detention']] == [{'date': '2026-09-25', 'view': 'government', 'days': 71, 'source': 'Ministry statement'}]" \
	"[(p['view'], p['source'], p['case_view'], p['case_source']) for p in d['pretrial_detention']] == [('un', 'OHCHR statement', None, None)]"
# A past week reads nothing dated after it: the week of 14 September quotes no account of 25
# September (a review saw "government dates its start 2026-09-25: 0 days").
ok cw report --week 2026-W38
has "| Kang Saran | Kang Saran incitement |"
lacks "dates its start"
# A report of the UN's account (and of none recorded) rests on nothing of the government's.
ok cw report --week 2026-W49 --account un,unknown
has "| Kang Saran | Kang Saran incitement |"
lacks "government dates its start"
# The government's account confidential: a report for others neither quotes nor counts it; one
# with --include-confidential quotes it and counts it among what it holds.
ok cw edit "$(printf '%s' "$(cw list records --kind milestone --account government --json)" |
	"${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')" --confidential
ok cw report --week 2026-W49
lacks "government dates its start"
ok cw report --week 2026-W49 --include-confidential --format json
json "[p['start_disputed']['date'] for p in d['pretrial_detention']] == ['2026-09-25']" \
	"d['confidential']['records_included'] == 1"
unset CASEWATCH_NOW

# A bail hearing held on the very day a trial was adjourned to is that day's sitting: the date
# is met, not "passed, nothing logged since" (a field trial's, beside a report counting it).
ok cw person add --name "Bail Day"
ok cw case add --title "Bail day case" --defendant "Bail Day" --charge 494
ok cw log hearing --case "Bail day case" --date 2022-05-25 --outcome adjourned --next-date 2022-06-22
CASEWATCH_NOW=2022-07-01T03:00:00Z ok cw timeline "Bail Day"
has "next hearing: 2022-06-22 (passed, nothing logged since)"
ok cw log hearing --case "Bail day case" --date 2022-06-22 --outcome bail_decision --bail granted
CASEWATCH_NOW=2022-07-01T03:00:00Z ok cw timeline "Bail Day"
lacks "(passed"
has "next hearing: none scheduled"

# Two of the team's accounts of one hearing (two monitors in court), linked: the one counted
# leaves an indicator unanswered that the other answers "no": the count and the summary take
# the other's answer (a supervisor's trial read "no fair-trial indicator was recorded as not
# met" over a monitor's "lawyer not notified").
ok cw person add --name "Two Monitors"
ok cw case add --title "Two monitors case" --defendant "Two Monitors" --charge 494
ok cw log hearing --case "Two monitors case" --date 2024-01-17 --outcome adjourned \
	--source "own observation"
sparse=$(added_id hearing)
ok cw log hearing --case "Two monitors case" --date 2024-01-17 --outcome adjourned \
	--source "own observation" --indicator counsel_of_choice=no:"lawyer not notified" \
	--same-event "$sparse"
ok cw report --week 2024-W03 --case "Two monitors case"
has "fair-trial indicators not met: counsel of own choosing (1 hearing)"
has "| counsel of own choosing | monitored by the team | 0 | 1 | 0 | 0 |"
ok cw report --week 2024-W03 --case "Two monitors case" --format json
json "[(x['not_met'], x['unknown'], [n['note'] for n in x['notes']]) for x in d['fair_trial_indicators'] if x['indicator'] == 'counsel_of_choice'] == [(1, 0, ['lawyer not notified'])]"
# Another side's account answering otherwise is said beside the answer counted, as that
# answer's account gives it (a review found "own observation does not say" beside "not met 1").
ok cw log hearing --case "Two monitors case" --date 2024-01-17 --outcome adjourned \
	--view government --source "MoJ" --indicator counsel_of_choice=yes --same-event "$sparse"
ok cw report --week 2024-W03 --case "Two monitors case"
has "| counsel of own choosing | monitored by the team | 0 | 1 | 0 | 0 |"
has "accounts differ (hearing of 2024-01-17, Two monitors case): own observation says no, government says yes"
lacks "own observation does not say"
ok cw report --week 2024-W03 --case "Two monitors case" --format json
json "[(a['view'], a['answer'], a['other_view'], a['other_answer']) for x in d['fair_trial_indicators'] if x['indicator'] == 'counsel_of_choice' for a in x['accounts_differ']] == [('own', 'no', 'government', 'yes')]"
# Two of the team's accounts that answer otherwise are told apart by their first digits when
# their sources are the same (a trial read "own observation (own) says yes, own observation
# (own) says no").
ok cw case add --title "Two monitors differ" --defendant "Two Monitors" --charge 494
ok cw log hearing --case "Two monitors differ" --date 2024-01-18 --outcome adjourned \
	--source "own observation" --indicator counsel_of_choice=yes
said_yes=$(added_id hearing)
ok cw log hearing --case "Two monitors differ" --date 2024-01-18 --outcome adjourned \
	--source "own observation" --indicator counsel_of_choice=no --same-event "$said_yes"
said_no=$(added_id hearing)
ok cw report --week 2024-W03 --case "Two monitors differ"
has "own observation ($(printf %.8s "$said_yes")) says yes, own observation ($(printf %.8s "$said_no")) says no"
# Two accounts of one event of a case (a killing the UN and the government both tell, linked as
# the same event: Kem Ley in the demo data, 002 para 45 and the State's comments, para 29) are
# one event in the summary, and the second row says which row counts it: the report of 2016
# said "2 other events of cases: 2 other", one person's killing counted twice (a hostile
# reader's trial).
DB="$WORK/case-events"
ok cw init
ok cw person add --name "Kem Ley"
ok cw case add --title "Killing (UN)" --view un --stage investigation --defendant "Kem Ley"
ok cw case add --title "Murder (government)" --view government --stage trial --defendant "Kem Ley"
ok cw log milestone --person "Kem Ley" --case "Killing (UN)" --type other --date 2016-07-10 \
	--detail "shot to death" --view un --source "SR report para 45"
un=$(added_id milestone)
ok cw log milestone --person "Kem Ley" --case "Murder (government)" --type other \
	--date 2016-07-10 --detail "murdered" --view government --source "State comments para 29" \
	--same-event "$un"
gov=$(added_id milestone)
ok cw log milestone --person "Kem Ley" --case "Killing (UN)" --type appeal_lodged \
	--date 2016-07-12 --view un --source "SR report para 45"
ok cw report --from 2016-07-01 --to 2016-07-31
has "2 other events of cases (accounts: UN, government): 1 appeal lodged, 1 other (1 more account of one of them is listed, counted once with it)."
has "another account of the event of the row of 2016-07-10"
ok cw report --from 2016-07-01 --to 2016-07-31 --format json
json 'sorted(str(e["counted_in"]) for e in d["case_events"]) == sorted(["None", "None", "'"$un"'"])'
# the CSV's counted_in of the government's row is the UN's record
ok cw report --from 2016-07-01 --to 2016-07-31 --format csv
printf '%s\n' "$out" | grep "^case_events,.*$gov" | grep -q "$un" ||
	fail "the government's row does not name the UN's as counting it: $out"
# Incidents too: an outlet's closure the UN and the government tell, linked, is one incident.
ok cw log incident --type media_closure --date 2023-02-13 --target "Voice of Democracy" \
	--view un --source "SG report para 43"
vod=$(added_id incident)
ok cw log incident --type media_closure --date 2023-02-13 --target "VOD" --view government \
	--source "Ministry of Information" --disputes "$vod"
ok cw report --week 2023-W07
has "1 other incident (accounts: UN, government) (1 more account of one of them is listed, counted once with it)."
has "an account in dispute with the row of 2023-02-13"
ok cw report --week 2023-W07 --format json
json 'sorted(str(e["counted_in"]) for e in d["incidents"]) == sorted(["None", "'"$vod"'"])'
done_ok
