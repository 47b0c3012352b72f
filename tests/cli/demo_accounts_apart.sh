#!/bin/sh
# Whose account a figure of demonstrations is: the arrests (and the people injured) that several
# accounts give are given account by account, never added. A hostile reader's trial found the
# team's 5 arrests and a government's 2, at a demonstration the government's account was not
# linked to, read "7 arrests (accounts: government, own observation)": a partner could not tell
# that 2 of them were the government's claim, nor that the two may be the same arrests. Linked,
# the accounts are one event, counted once (tests/cli/event_accounts.sh).
. "$TESTLIB"
set -e

ok cw init
ok cw log demo --date 2024-03-06 --place "Freedom Park" --province "Phnom Penh" \
	--response dispersed,arrests --arrests-count 5 --injured 3 --view own \
	--source "own observation"
own=$(added_id demo)
[ -n "$own" ] || fail "no id: $out"
ok cw log demo --date 2024-03-06 --place "freedom park" --province "Phnom Penh" \
	--response arrests --arrests-count 2 --injured 0 --view government \
	--source "Ministry statement"
gov=$(added_id demo)
# logging says it may be the same demonstration, and how to link them (the same rule as the
# report's below: the day and the place, letter case aside)
checks=$((checks + 1))
grep -q "may be another account of this demonstration ($(printf %.8s "$gov")): reports count them as two until they are linked" \
	"$WORK/stderr" || fail "no warning at logging: $(cat "$WORK/stderr")"
own8=$(printf %.8s "$own")
gov8=$(printf %.8s "$gov")

# ---- not linked: each account's figures apart, and said to be perhaps one ------------------
arrests="the demonstrations below recorded 5 arrests (account: own observation) and 2 arrests (account: government)"
demos="2 demonstrations (accounts: government, own observation): own observation gives 5 arrests and 3 injured, government gives 2 arrests and 0 injured; 2 of them, on 2024-03-06 at Freedom Park (accounts: government, own observation), are not linked as one event and may be the same demonstration"
for f in md html csv json; do
	ok cw report --week 2024-W10 --format $f
	has "$arrests"
	has "$demos"
	lacks "7 arrests"
	lacks "3 injured (accounts"
done
if command -v pdftotext >/dev/null 2>&1; then
	ok cw report --week 2024-W10 --format pdf -o "$WORK/week.pdf"
	pdftotext "$WORK/week.pdf" - | tr -d ' \t\n\f' >"$WORK/week.txt"
	inpdf "$arrests"
	inpdf "$demos"
	checks=$((checks + 1))
	! grep -qF "7arrests" "$WORK/week.txt" || fail "the PDF adds the accounts: $(cat "$WORK/week.txt")"
fi
ok cw report --week 2024-W10 --format md
# each row names the other it may be, by what the reader sees of it
has "not linked to the row of 2024-03-06, government, freedom park, Phnom Penh ($gov8) as one event: it may be another account of the same demonstration, counted apart"
has "not linked to the row of 2024-03-06, own observation, Freedom Park, Phnom Penh ($own8) as one event: it may be another account of the same demonstration, counted apart"
# the comparison: a row for each account, never their sum
has "| arrests at demonstrations | 5 | 0 | own observation |"
has "| arrests at demonstrations | 2 | 0 | government |"
has "| injured at demonstrations | 3 | 0 | own observation |"
has "| injured at demonstrations | 0 | 0 | government |"
lacks "| arrests at demonstrations | 7 |"
ok cw report --week 2024-W10 --format json
json "d['comparison']['demonstration_arrests']['current'] is None and d['comparison']['demonstration_arrests']['current_by_account'] == [{'view': 'own', 'count': 5, 'at_least': False}, {'view': 'government', 'count': 2, 'at_least': False}] and d['comparison']['demonstration_arrests']['previous'] == 0 and d['comparison']['demonstration_arrests']['previous_by_account'] == []"
json "d['comparison']['demonstration_injured']['current'] is None and d['comparison']['demonstration_injured']['current_by_account'] == [{'view': 'own', 'count': 3, 'at_least': False}, {'view': 'government', 'count': 0, 'at_least': False}]"
json "[(x['view'], x['may_be_same_as'], x['arrests_counted']) for x in d['demonstrations']] == [('own', ['$gov'], True), ('government', ['$own'], True)]"
# the CSV's count holds each account's figure, in rows of their own
ok cw report --week 2024-W10 --format csv
checks=$((checks + 1))
printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import csv, sys
rows = [(r["label"], r["account"], r["count"], r["previous_count"]) for r in csv.DictReader(sys.stdin)
        if r["section"] == "comparison" and "at demonstrations" in r["label"]]
want = [("arrests at demonstrations", "own observation", "5", "0"),
        ("arrests at demonstrations", "government", "2", "0"),
        ("injured at demonstrations", "own observation", "3", "0"),
        ("injured at demonstrations", "government", "0", "0")]
sys.exit(0 if rows == want else "%r" % rows)' || fail "CSV comparison by account: $out"

# The week after: the previous period's figures, each account's in its own row.
ok cw report --week 2024-W11 --format md
has "| arrests at demonstrations | 0 | 5 | own observation |"
has "| arrests at demonstrations | 0 | 2 | government |"
ok cw report --week 2024-W11 --format json
json "d['comparison']['demonstration_arrests']['current'] == 0 and d['comparison']['demonstration_arrests']['previous'] is None and [x['view'] for x in d['comparison']['demonstration_arrests']['previous_by_account']] == ['own', 'government']"

# Another demonstration the team logged that week, with no figure: the team's arrests are a
# least (one of its demonstrations gives none), the government's are not; in the comparison
# an account that tells a demonstration and gives no figure is "not recorded", not 0.
ok cw log demo --date 2024-03-08 --place "Wat Phnom" --view own --source "own observation"
ok cw report --week 2024-W10 --format md
has "the demonstrations below recorded at least 5 arrests (account: own observation) and 2 arrests (account: government)"
has "3 demonstrations (accounts: government, own observation): own observation gives at least 5 arrests and at least 3 injured, government gives 2 arrests and 0 injured"
has "| arrests at demonstrations | at least 5 | 0 | own observation |"
ok cw report --week 2024-W10 --format json
json "d['comparison']['demonstration_arrests']['current_by_account'] == [{'view': 'own', 'count': 5, 'at_least': True}, {'view': 'government', 'count': 2, 'at_least': False}]"
ok cw log demo --date 2024-03-13 --place "Wat Phnom" --view government --source "Ministry"
ok cw log demo --date 2024-03-13 --place "Olympic Stadium" --arrests-count 4 --view own \
	--source "own observation"
ok cw report --week 2024-W11 --format md
has "| arrests at demonstrations | 4 | at least 5 | own observation |"
has "| arrests at demonstrations | not recorded | 2 | government |"

# Two accounts of different demonstrations: each apart, and nothing said of one event.
ok cw log demo --date 2024-04-02 --place "Preah Vihear" --arrests-count 28 \
	--arrests-at-least yes --view un --source "001 para 44"
ok cw log demo --date 2024-04-03 --place "Koh Kong" --arrests-count 1 --view own \
	--source "own observation"
ok cw report --week 2024-W14 --format md
has "the demonstrations below recorded 1 arrest (account: own observation) and at least 28 arrests (account: UN)"
has "2 demonstrations (accounts: UN, own observation): own observation gives 1 arrest, UN gives at least 28 arrests."
lacks "not linked"
lacks "29 arrests"

# One account alone, as before: its figure and whose it is.
ok cw log demo --date 2024-04-10 --place "Kampot" --arrests-count 2 --view own
ok cw log demo --date 2024-04-11 --place "Kep" --arrests-count 3 --view own
ok cw report --week 2024-W15 --format md
has "2 demonstrations with 5 arrests (account: own observation)."
# (the comparison keeps the rows of each account: the week before gives two)
has "| arrests at demonstrations | 5 | 1 | own observation |"
has "| arrests at demonstrations | 0 | at least 28 | UN |"

# An account that tells a demonstration and gives no figure is said to, beside the others'
# figures: a review found the UN's demonstration of no recorded arrests beside the team's 5 and
# a government's 2 said nowhere (before, "at least 7 arrests" said some gave none), no row of
# the comparison for it and nothing in JSON, so a partner read all arrests as counted.
ok cw log demo --date 2024-07-01 --place "Freedom Park" --arrests-count 5 --view own \
	--source "own observation"
ok cw log demo --date 2024-07-02 --place "Wat Phnom" --arrests-count 2 --view government \
	--source "Ministry statement"
ok cw log demo --date 2024-07-03 --place "Kampot" --view un --source "UN statement"
for f in md html csv json; do
	ok cw report --week 2024-W27 --format $f
	has "3 demonstrations (accounts: UN, government, own observation): own observation gives 5 arrests, UN gives no figure, government gives 2 arrests."
done
ok cw report --week 2024-W27 --format md
has "| arrests at demonstrations | 5 | 0 | own observation |"
has "| arrests at demonstrations | not recorded | 0 | UN |"
has "| arrests at demonstrations | 2 | 0 | government |"
ok cw report --week 2024-W27 --format json
json "d['comparison']['demonstration_arrests']['current'] is None and d['comparison']['demonstration_arrests']['current_by_account'] == [{'view': 'own', 'count': 5, 'at_least': False}, {'view': 'un', 'count': None, 'at_least': False}, {'view': 'government', 'count': 2, 'at_least': False}]"
# the week after: the UN's row, of no figure then, is "not recorded" in the previous period
ok cw report --week 2024-W28 --format md
has "| arrests at demonstrations | 0 | not recorded | UN |"
ok cw report --week 2024-W28 --format json
json "d['comparison']['demonstration_arrests']['previous'] is None and [x['count'] for x in d['comparison']['demonstration_arrests']['previous_by_account']] == [5, None, 2]"

# Records that give no account are kept apart as theirs too.
ok cw log demo --date 2024-06-03 --place "Kampot" --arrests-count 1 --view own \
	--source "own observation"
ok cw log demo --date 2024-06-04 --place "Takeo" --arrests-count 2
ok cw report --week 2024-W23 --format md
has "the demonstrations below recorded 1 arrest (account: own observation) and 2 arrests (account: not recorded)"
has "2 demonstrations (accounts: not recorded, own observation): own observation gives 1 arrest, accounts not recorded give 2 arrests."
ok cw report --week 2024-W23 --format json
json "d['comparison']['demonstration_arrests']['current_by_account'] == [{'view': 'own', 'count': 1, 'at_least': False}, {'view': None, 'count': 2, 'at_least': False}]"

# ---- linked as one event: counted once, the other account's figure beside it ---------------
ok cw edit "$gov" --same-event "$own"
ok cw report --week 2024-W10 --format md
has "the demonstrations below recorded at least 5 arrests (account: own observation; at the demonstration of 2024-03-06 (freedom park, Phnom Penh), government gives 2 arrests)"
has "2 demonstrations with at least 5 arrests and at least 3 injured (account: own observation; at the demonstration of 2024-03-06 (freedom park, Phnom Penh), government gives 2 arrests and 0 injured)"
lacks "not linked"
has "| arrests at demonstrations | at least 5 | 0 | own observation |"
ok cw report --week 2024-W10 --format json
json "d['comparison']['demonstration_arrests']['current'] == 5 and d['comparison']['demonstration_arrests']['current_by_account'] == [{'view': 'own', 'count': 5, 'at_least': True}]"
json "[x['may_be_same_as'] for x in d['demonstrations']] == [[], [], []]"

# ---- the two periods' figures from different accounts --------------------------------------
# This week only the team's account gives the arrests at demonstrations, the week before only
# the government's: JSON gave "current": 5 and "previous": 2 as if one source's figures rose,
# though the rows of the other formats are each account's. Both are null beside each account's
# (accounts_differ), and the comparison's note says the figures come from different accounts.
ok cw log demo --date 2025-03-05 --place "Freedom Park" --arrests-count 2 --view government \
	--source "Ministry statement"
ok cw log demo --date 2025-03-12 --place "Wat Phnom" --arrests-count 5 --view own \
	--source "own observation"
ok cw report --week 2025-W11 --format json
json "[d['comparison']['demonstration_arrests'][k] for k in ('current', 'previous', 'accounts_differ')] == [None, None, True]"
json "d['comparison']['demonstration_arrests']['current_by_account'] == [{'view': 'own', 'count': 5, 'at_least': False}] and d['comparison']['demonstration_arrests']['previous_by_account'] == [{'view': 'government', 'count': 2, 'at_least': False}]"
json "d['comparison']['demonstration_injured']['accounts_differ'] is False"
for f in html md; do
	ok cw report --week 2025-W11 --format $f
	has "The figures of arrests at demonstrations of the two periods come from different accounts (this period: own observation; previous period: government): each account"
	lacks "The figures of injured at demonstrations"
done
has "each account's is on a row of its own, and they are not one source's figures to compare."
has "| arrests at demonstrations | 5 | 0 | own observation |"
has "| arrests at demonstrations | 0 | 2 | government |"
# the same account both weeks: one figure each, compared as before
ok cw log demo --date 2025-03-19 --place "Wat Phnom" --arrests-count 1 --view own \
	--source "own observation"
ok cw report --week 2025-W12 --format json
json "[d['comparison']['demonstration_arrests'][k] for k in ('current', 'previous', 'accounts_differ')] == [1, 5, False]"
ok cw report --week 2025-W12 --format md
lacks "come from different accounts"
has "| arrests at demonstrations | 1 | 5 | own observation |"

echo "demo_accounts_apart: $checks checks"
