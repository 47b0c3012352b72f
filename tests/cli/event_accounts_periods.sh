#!/bin/sh
# Accounts of one incident, or of one event of a case, linked and dated in two periods (the UN's
# of a Sunday, the government's of the Monday after) are one event in every period's report:
# counted in the period of the account it is counted by (the team's, else the earliest), as
# visits, demonstrations, hearings and arrests already were, and the other period's row says
# which account of which date counts it. Each week counted the event before, so the week and
# the week before it read two where there was one.
. "$TESTLIB"
set -e

ok cw init
# An outlet's closure: the UN's account of Sunday 5 May (2024-W18), the government's of Monday
# 6 May (2024-W19), disputing it.
ok cw log incident --type media_closure --date 2024-05-05 --target "Voice of Democracy" \
	--view un --source "SG report para 43"
un=$(added_id incident)
[ -n "$un" ] || fail "no id: $out"
ok cw log incident --type media_closure --date 2024-05-06 --target "VOD" --view government \
	--source "Ministry of Information" --disputes "$un"
gov=$(added_id incident)
ok cw report --week 2024-W18
has "1 other incident (account: UN)."
ok cw report --week 2024-W18 --format json
json "[(x['view'], x['counted_in']) for x in d['incidents']] == [('un', None)]"
ok cw report --week 2024-W19
lacks "other incident"
has "1 row below is another account of an event counted in an earlier or a later period"
for f in md html csv; do
	ok cw report --week 2024-W19 --format $f
	has "another account of an event counted in an earlier period, by the account of 2024-05-05 (UN, $(printf %.8s "$un")), not counted here"
done
ok cw report --week 2024-W19 --format json
json "[(x['view'], x['counted_in'], x['counted_in_period'], x['counted_in_date'], x['counted_in_view']) for x in d['incidents']] == [('government', '$un', 'earlier', '2024-05-05', 'un')]"
json "[l['record'] for x in d['incidents'] for l in x['links']] == ['$un']"
# the CSV's counted_in names the account counted
ok cw report --week 2024-W19 --format csv
printf '%s\n' "$out" | grep "^incidents,.*$gov" | grep -q "$un" ||
	fail "the government's row does not name the UN's as counting it: $out"
# A month's report holding both counts the event once.
ok cw report --from 2024-05-01 --to 2024-05-31
has "1 other incident (accounts: UN, government) (1 more account of one of them is listed, counted once with it)."

# The team's account is the one counted, though dated later (as for demonstrations): the UN's
# row of the week before says so.
ok cw log incident --type blocking --date 2024-05-12 --target "a news site" --view un \
	--source "SR statement"
un2=$(added_id incident)
ok cw log incident --type blocking --date 2024-05-13 --target "a news site" --view own \
	--same-event "$un2"
own2=$(added_id incident)
ok cw report --week 2024-W19 --format json
json "[(x['view'], x['counted_in'], x['counted_in_period']) for x in d['incidents']] == [('government', '$un', 'earlier'), ('un', '$own2', 'later')]"
ok cw report --week 2024-W19
lacks "other incident"
has "2 rows below are other accounts of events counted in an earlier or a later period"
has "another account of an event counted in a later period, by the account of 2024-05-13 (own observation, $(printf %.8s "$own2")), not counted here"
ok cw report --week 2024-W20
has "1 other incident (account: own observation)."

# A chain of three accounts over three weeks, linked one to the next: once over the three.
ok cw log incident --type media_closure --date 2024-06-02 --target "Radio" --view media \
	--source "Paper"
a=$(added_id incident)
ok cw log incident --type media_closure --date 2024-06-05 --target "Radio" --view ngo \
	--source "NGO" --same-event "$a"
b=$(added_id incident)
ok cw log incident --type media_closure --date 2024-06-12 --target "Radio" --view un \
	--source "UN" --same-event "$b"
total=0
for w in 22 23 24; do
	ok cw report --week "2024-W$w" --format json
	n=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(sum(x["counted_in"] is None for x in json.load(sys.stdin)["incidents"]))')
	total=$((total + n))
done
[ "$total" -eq 1 ] || fail "a chain of three accounts counted $total times over its three weeks"
checks=$((checks + 1))

# An event of a case alike: a killing the UN dates Sunday 10 July 2016 (2016-W27), the
# government Monday 11 July (2016-W28).
ok cw person add --name "Kem Ley"
ok cw case add --title "Killing (UN)" --view un --stage investigation --defendant "Kem Ley"
ok cw case add --title "Murder (government)" --view government --stage trial --defendant "Kem Ley"
ok cw log milestone --person "Kem Ley" --case "Killing (UN)" --type other --date 2016-07-10 \
	--detail "shot to death" --view un --source "SR report para 45"
kun=$(added_id milestone)
ok cw log milestone --person "Kem Ley" --case "Murder (government)" --type other \
	--date 2016-07-11 --detail "murdered" --view government --source "State comments para 29" \
	--same-event "$kun"
kgov=$(added_id milestone)
ok cw report --week 2016-W27
has "1 other event of a case (account: UN): 1 other."
ok cw report --week 2016-W28
lacks "other event of a case"
lacks "other events of cases"
has "1 row below is another account of an event counted in an earlier or a later period"
for f in md html csv; do
	ok cw report --week 2016-W28 --format $f
	has "another account of an event counted in an earlier period, by the account of 2016-07-10 (UN, $(printf %.8s "$kun")), not counted here"
done
ok cw report --week 2016-W28 --format json
json "[(x['counted_in'], x['counted_in_period'], x['counted_in_view']) for x in d['case_events']] == [('$kun', 'earlier', 'un')]"
ok cw report --week 2016-W28 --format csv
printf '%s\n' "$out" | grep "^case_events,.*$kgov" | grep -q "$kun" ||
	fail "the government's row does not name the UN's as counting it: $out"
# A report for others, the UN's account confidential: the government's stands alone, counted
# in its own week, and names nothing of the other.
ok cw edit "$kun" --confidential
ok cw report --week 2016-W28 --format json
json "[(x['counted_in'], x['links']) for x in d['case_events']] == [(None, [])]"
ok cw report --week 2016-W28
has "1 other event of a case (account: government): 1 other."
lacks "$(printf %.8s "$kun")"

# An account dated only to a month, linked to one dated to a day of the next month: the UN's
# closure of "2024-03", the government's of 2 April. Both March's and April's reports counted
# it (the month's account was not among those April's report read), and weeks: the one dated
# to a day counts it, in its week and its month; March's row says where.
ok cw log incident --type media_closure --date 2024-03 --target "CamboJA" --view un \
	--source "SR statement"
mun=$(added_id incident)
ok cw log incident --type media_closure --date 2024-04-02 --target "CamboJA" --view government \
	--source "Ministry" --same-event "$mun"
mgov=$(added_id incident)
ok cw report --from 2024-03-01 --to 2024-03-31 --format json
json "[(x['view'], x['counted_in'], x['counted_in_period'], x['counted_in_date']) for x in d['incidents']] == [('un', '$mgov', 'later', '2024-04-02')]"
ok cw report --from 2024-04-01 --to 2024-04-30 --format json
json "[(x['view'], x['counted_in']) for x in d['incidents']] == [('government', None)]"
ok cw report --week 2024-W14 --format json
json "[(x['view'], x['counted_in']) for x in d['incidents']] == [('government', None)]"
ok cw report --from 2024-03-01 --to 2024-04-30 --format json
json "sorted((x['view'], x['counted_in']) for x in d['incidents']) == [('government', None), ('un', '$mgov')]"
ok cw report --from 2024-03-01 --to 2024-03-31
has "another account of an event counted in a later period, by the account of 2024-04-02 (government, $(printf %.8s "$mgov")), not counted here"
lacks "other incident"
# The same of a demonstration: April's comparison does not count March's account again.
ok cw log demo --date 2024-03 --place "Wat Phnom" --arrests-count 3 --view un --source "SG"
md1=$(added_id demo)
ok cw log demo --date 2024-04-03 --place "Wat Phnom" --arrests-count 3 --view government \
	--source "Ministry" --same-event "$md1"
ok cw report --from 2024-04-01 --to 2024-04-30 --format json
json "(d['comparison']['demonstrations']['current'], d['comparison']['demonstrations']['previous']) == (1, 0)"

# Demonstrations and the comparison, already across periods: the week and the week before
# count the event once between them.
ok cw log demo --date 2024-07-07 --place "Freedom Park" --arrests-count 3 --view government \
	--source "Ministry"
d1=$(added_id demo)
ok cw log demo --date 2024-07-08 --place "Freedom Park" --arrests-count 5 --view un \
	--source "OHCHR" --same-event "$d1"
ok cw report --week 2024-W28 --format json
json "(d['comparison']['demonstrations']['current'], d['comparison']['demonstrations']['previous']) == (0, 1)"
# Accounts joined only through one the report's filter leaves out: the UN's of Wednesday 31 July
# (2024-W31) and of Wednesday 14 August (2024-W33), each linked to the government's of 7 August
# between them. Under --account un they were two events, counted in both weeks. The filter
# chooses the accounts shown and counted, not which links exist: one event, counted by the
# earliest of the UN's, and the later UN row says so.
DB="$WORK/bridged"
ok cw init
ok cw log incident --type media_closure --date 2024-07-31 --target "Radio Free Asia" --view un \
	--source "SR statement"
bun1=$(added_id incident)
ok cw log incident --type media_closure --date 2024-08-07 --target "RFA" --view government \
	--source "Ministry of Information" --disputes "$bun1"
bgov=$(added_id incident)
ok cw log incident --type media_closure --date 2024-08-14 --target "RFA office" --view un \
	--source "SG report" --same-event "$bgov"
bun3=$(added_id incident)
counted_over() { # the rows counted over weeks $2..$3 of 2024 under --account $1
	t=0
	for w in $(seq "$2" "$3"); do
		ok cw report --week "2024-W$w" --account "$1" --format json
		n=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(sum(x["counted_in"] is None for x in json.load(sys.stdin)["incidents"]))')
		t=$((t + n))
	done
	echo "$t"
}
[ "$(counted_over un 31 33)" -eq 1 ] || fail "joined through the government's: counted $(counted_over un 31 33) times under --account un"
[ "$(counted_over government 31 33)" -eq 1 ] || fail "under --account government"
[ "$(counted_over un,government 31 33)" -eq 1 ] || fail "under --account un,government"
checks=$((checks + 3))
ok cw report --week 2024-W31 --account un
has "1 other incident (account: UN)."
ok cw report --week 2024-W33 --account un
lacks "other incident"
has "another account of an event counted in an earlier period, by the account of 2024-07-31 (UN, $(printf %.8s "$bun1")), not counted here"
ok cw report --week 2024-W33 --account un --format json
json "[(x['view'], x['counted_in'], x['counted_in_period'], x['counted_in_date']) for x in d['incidents']] == [('un', '$bun1', 'earlier', '2024-07-31')]"
# links: the row's own, to the accounts listed; the government's is not (left out)
json "[x['links'] for x in d['incidents']] == [[]]"
# The government's alone, under its filter, is one event as before.
ok cw report --week 2024-W32 --account government --format json
json "[(x['view'], x['counted_in']) for x in d['incidents']] == [('government', None)]"
# A month's report under --account un holds both: one event, once.
ok cw report --from 2024-07-29 --to 2024-08-18 --account un
has "1 other incident (account: UN) (1 more account of one of them is listed, counted once with it)."
# The government's confidential: what is written for others reads as if it were not there,
# two events; with --include-confidential, one.
ok cw edit "$bgov" --confidential
[ "$(counted_over un 31 33)" -eq 2 ] || fail "joined through a withheld account"
checks=$((checks + 1))
ok cw report --week 2024-W33 --account un --include-confidential --format json
json "[(x['view'], x['counted_in']) for x in d['incidents']] == [('un', '$bun1')]"
# Only through an account the report would count among them with no filter: what the report of
# every account reads as two events is two under a filter too. The government's account linking
# the UN's two incidents is a demonstration (a report counts no incident through it), or an
# incident dated only to August, a month each week overlaps (counted in no week).
for gov in demonstration month; do
	DB="$WORK/across-$gov"
	ok cw init
	ok cw log incident --type media_closure --date 2024-07-31 --target "Radio Free Asia" \
		--view un --source "SR statement"
	x1=$(added_id incident)
	case $gov in
	demonstration) ok cw log demo --date 2024-08-07 --place "Freedom Park" --view government \
		--source "Ministry of Information" --same-event "$x1" ;;
	*) ok cw log incident --type media_closure --date 2024-08 --target "RFA" \
		--view government --source "Ministry of Information" --disputes "$x1" ;;
	esac
	xg=$(added_id '[a-z]*')
	[ -n "$xg" ] || fail "no id: $out"
	ok cw log incident --type media_closure --date 2024-08-14 --target "RFA office" --view un \
		--source "SG report" --same-event "$xg"
	all=0
	for w in 31 32 33; do
		ok cw report --week "2024-W$w" --format json
		n=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(sum(x["counted_in"] is None for x in json.load(sys.stdin)["incidents"]))')
		all=$((all + n))
	done
	[ "$all" -eq 2 ] || fail "with no filter, through the $gov: counted $all times"
	[ "$(counted_over un 31 33)" -eq 2 ] ||
		fail "under --account un, through the $gov: counted $(counted_over un 31 33) times"
	checks=$((checks + 2))
	ok cw report --week 2024-W33 --account un --format json
	json "[(x['view'], x['counted_in']) for x in d['incidents']] == [('un', None)]"
done
# Through two accounts it leaves out, and round a cycle: the UN's of 31 July, the government's
# of 7 August, a newspaper's of 8 August (each linked to the one before, the newspaper's to the
# UN's of 14 August and back to the UN's of 31 July): one event under --account un, as with no
# filter.
DB="$WORK/chain"
ok cw init
ok cw log incident --type media_closure --date 2024-07-31 --target "Radio Free Asia" --view un \
	--source "SR statement"
c1=$(added_id incident)
ok cw log incident --type media_closure --date 2024-08-07 --target "RFA" --view government \
	--source "Ministry of Information" --disputes "$c1"
cg=$(added_id incident)
ok cw log incident --type media_closure --date 2024-08-08 --target "RFA" --view media \
	--source "Phnom Penh Post" --same-event "$cg" --same-event "$c1"
cm=$(added_id incident)
ok cw log incident --type media_closure --date 2024-08-14 --target "RFA office" --view un \
	--source "SG report" --same-event "$cm"
[ "$(counted_over un 31 33)" -eq 1 ] || fail "through two left out: $(counted_over un 31 33)"
[ "$(counted_over un,media 31 33)" -eq 1 ] || fail "under un,media: $(counted_over un,media 31 33)"
checks=$((checks + 2))
ok cw report --week 2024-W33 --account un --format json
json "[(x['view'], x['counted_in']) for x in d['incidents']] == [('un', '$c1')]"
done_ok
