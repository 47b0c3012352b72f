#!/bin/sh
# Which demonstrations of a period "may be the same demonstration" (cw_report_demo_unlinked: the
# same day, the same place, causes not differing, not linked as one event, neither counted in
# another period), pinned on a set of several days with several demonstrations a day, linked
# and not, places differing only by case, causes differing or not given, places not given,
# accounts dated only to a month, and an account counted in the period before: each row's
# may_be_same_as, each row's note and the summary's sets, in the JSON and the documents alike.
. "$TESTLIB"
set -e

ok cw init
# d NAME DATE PLACE CAUSE VIEW [link options]: logs a demonstration noted NAME, its id in $id_NAME
d() {
	n=$1 dt=$2 pl=$3 ca=$4 vw=$5
	shift 5
	ok cw log demo --date "$dt" --place "$pl" --cause "$ca" --view "$vw" --source "S $n" \
		--notes "$n" "$@"
	id=$(added_id demo)
	[ -n "$id" ] || fail "no id: $out"
	eval "id_$n=$id"
}
d E1 2024-02-28 "Freedom Park" land own
d A1 2024-03-04 "Freedom Park" land own
d A2 2024-03-04 "freedom park" "" government
d A3 2024-03-04 "Freedom Park" wages un
d A4 2024-03-04 "Freedom Park" land media --same-event "$id_A1"
d A5 2024-03-04 "Wat Phnom" land ngo
d D1 2024-03-04 "Freedom Park" land government --same-event "$id_E1"
d B1 2024-03-05 "Wat Phnom" "" own
d B2 2024-03-05 "Wat Phnom" "" ngo
d B3 2024-03-05 "WAT PHNOM" "" un
d B4 2024-03-05 "Wat Phnom" "" government --disputes "$id_B1"
d C1 2024-03-06 "" "" own
d C2 2024-03-06 "" "" un
d C3 2024-03-06 "Freedom Park" land un
d M1 2024-03 "Freedom Park" land un
d M2 2024-03 "Freedom Park" land government
d F1 2024-03-20 "Freedom Park" land media
d F2 2024-03-20 "Freedom Park" "" media
d F3 2024-03-20 "Freedom Park" "" ngo --same-event "$id_F2"

# may_be_same_as, by the rows' notes
same() {
	json "[(x['notes'], [{y['id']: y['notes'] for y in d['demonstrations']}[j] for j in x['may_be_same_as']]) for x in d['demonstrations']] == $1"
}
week="[('A1', ['A2']), ('A2', ['A1', 'A3']), ('A3', ['A2']), ('A4', ['A2']), ('A5', []), ('D1', []), ('B1', ['B2', 'B3']), ('B2', ['B1', 'B3']), ('B3', ['B1', 'B2']), ('B4', ['B2', 'B3']), ('C1', []), ('C2', []), ('C3', [])]"
ok cw report --week 2024-W10 --format json
same "$week"
ok cw report --from 2024-03-01 --to 2024-03-31 --format json
same "${week%]}, ('F1', ['F2']), ('F2', ['F1']), ('F3', ['F1']), ('M1', []), ('M2', [])]"
ok cw report --from 2024-01-01 --to 2024-12-31 --format json
same "[('E1', []), ('A1', ['A2']), ('A2', ['A1', 'A3']), ('A3', ['A2']), ('A4', ['A2']), ('A5', []), ('D1', ['A1', 'A2']), ('B1', ['B2', 'B3']), ('B2', ['B1', 'B3']), ('B3', ['B1', 'B2']), ('B4', ['B2', 'B3']), ('C1', []), ('C2', []), ('C3', []), ('F1', ['F2']), ('F2', ['F1']), ('F3', ['F1']), ('M1', []), ('M2', [])]"

# the summary's sets, and a note on each row that may be another's
sets() {
	got=$(printf '%s\n' "$out" | grep -o "[0-9]* of them, on [^;]*same demonstration" || true)
	checks=$((checks + 1))
	[ "$got" = "$1" ] || fail "the sets of demonstrations that may be one: $got"
	got=$(printf '%s\n' "$out" | grep -o "not linked to the row of" | wc -l)
	checks=$((checks + 1))
	[ "$got" -eq "$2" ] || fail "$got notes of rows that may be another's, not $2"
}
a="2 of them, on 2024-03-04 at Freedom Park (accounts: government, own observation), are not linked as one event and may be the same demonstration"
b="3 of them, on 2024-03-05 at Wat Phnom (accounts: UN, NGO, own observation), are not linked as one event and may be the same demonstration"
f="2 of them, on 2024-03-20 at Freedom Park (account: media), are not linked as one event and may be the same demonstration"
for fmt in md html csv; do
	ok cw report --week 2024-W10 --format $fmt
	sets "$a
$b" 13
	ok cw report --from 2024-03-01 --to 2024-03-31 --format $fmt
	sets "$a
$b
$f" 16
	ok cw report --from 2024-01-01 --to 2024-12-31 --format $fmt
	sets "$a
$b
$f" 18
done
ok cw report --week 2024-W10 --format md
has "not linked to the row of 2024-03-04, government, freedom park ($(printf %.8s "$id_A2")) as one event: it may be another account of the same demonstration, counted apart"
done_ok
