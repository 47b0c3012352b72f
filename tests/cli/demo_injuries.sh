#!/bin/sh
# People injured at a demonstration: monitors of the NagaWorld strike and land protests record
# people injured when police disperse a demonstration, and a field trial found only the notes
# to hold "one injured": no report gave the figure or whose account it was, and the
# government's "no one was hurt" was never set against the team's. The figure is logged,
# edited, cleared, exported and imported like a demonstration's arrests, and reports give it
# with "at least" and whose account it is, another account's differing figure beside it.
. "$TESTLIB"
set -e

ok cw init

# logged with a least, shown
ok cw log demo --date 2021-12-31 --place NagaWorld --province "Phnom Penh" --participants 200 \
	--response dispersed,arrests,force --arrests-count 5 --injured 3 --injured-at-least yes \
	--view un --source "002 para 29"
un=$(added_id demo)
[ -n "$un" ] || fail "no id: $out"
ok cw show "$un"
has "injured              3"
has "injured at least     yes"
ok cw show "$un" --json
json "d['injured'] == 3 and d['injured_at_least'] is True"
ok cw list records --kind demo
has "5 arrests, at least 3 injured"

# edited, cleared: not recorded is not none
ok cw edit "$un" --injured 4
ok cw show "$un" --json
json "d['injured'] == 4 and d['injured_at_least'] is True"
# a least with no number left is refused, naming the field
fails 65 "injured" cw edit "$un" --clear injured
ok cw edit "$un" --clear injured --clear injured_at_least
ok cw show "$un" --json
json "'injured' not in d and 'injured_at_least' not in d"
ok cw show "$un"
lacks "injured"
ok cw edit "$un" --injured 3 --injured-at-least yes

# bad values: one line naming the field, exit 65, the database unchanged
ok cw list records --json
before=$out
for bad in -1 many 2000000; do
	fails 65 "injured" cw log demo --date 2022-01-04 --place NagaWorld --injured "$bad"
	fails 65 "injured" cw edit "$un" --injured "$bad"
done
fails 65 "injured" cw log demo --date 2022-01-04 --place NagaWorld --injured-at-least yes
fails 65 "injured" cw log demo --date 2022-01-04 --place NagaWorld --injured 2 \
	--injured-at-least maybe
ok cw list records --json
[ "$out" = "$before" ] || fail "a refused value changed the database: $out"

# the government's account of the same demonstration: fewer arrests, no one hurt
ok cw log demo --date 2021-12-31 --place NagaWorld --province "Phnom Penh" --arrests-count 2 \
	--injured 0 --view government --source "Ministry statement" --disputes "$un"
gov=$(added_id demo)

# The CSV export gives the figures as JSON does, each row its own account's: a number, an empty
# cell when not recorded (the government's participants), "yes" beside a least, as at_least
# beside count; confidential stays the last column.
ok cw export records --kind demo --format csv
checks=$((checks + 1))
printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import csv, sys
r = list(csv.reader(sys.stdin, strict=True))
cols = ["participants", "participants_at_least", "arrests_count", "arrests_at_least", "injured",
        "injured_at_least"]
assert r[0][-9:] == cols + ["detainee_access", "detainees_not_met", "confidential"], r[0]
rows = sorted(tuple([x["view"]] + [x[c] for c in cols]) for x in (dict(zip(r[0], v)) for v in r[1:]))
want = [("government", "", "", "2", "", "0", ""), ("un", "200", "", "5", "", "3", "yes")]
sys.exit(0 if rows == want else "%r" % rows)' || fail "CSV export figures: $out"

# JSON round trip: exported, then imported into a fresh database, the figures unchanged
ok cw export records --kind demo --format json -o "$WORK/demos.json"
DB0=$DB
DB="$WORK/db2"
ok cw init
ok cw import "$WORK/demos.json"
ok cw show "$un" --json
json "d['injured'] == 3 and d['injured_at_least'] is True and d['arrests_count'] == 5"
ok cw show "$gov" --json
json "d['injured'] == 0 and d.get('injured_at_least', False) is False"
# an imported record's bad value is refused as a typed one is
printf '%s\n' '{"kind": "demo", "date": "2022-01-05", "place": "X", "injured": -1}' >"$WORK/bad.jsonl"
fails 65 "injured" cw import "$WORK/bad.jsonl"
printf '%s\n' '{"kind": "demo", "date": "2022-01-05", "place": "X", "injured": "many"}' >"$WORK/bad.jsonl"
fails 65 "injured" cw import "$WORK/bad.jsonl"
DB=$DB0

# the report: the figure counted (the UN's, the event's counted account), "at least", whose
# account, and the government's other figure beside it, in every format
sentence="1 demonstration with 5 arrests and at least 3 injured (account: UN; government gives 2 arrests and 0 injured)"
for f in md html csv json; do
	ok cw report --from 2021-12-27 --to 2022-01-02 --format $f
	has "$sentence"
done
ok cw report --from 2021-12-27 --to 2022-01-02 --format md
has "| Arrests | Arrested | Injured |"
has "| 5 |  | at least 3 |"
has "| 2 |  | 0 |"
has "| injured at demonstrations | at least 3 | 0 | UN |"
ok cw report --from 2021-12-27 --to 2022-01-02 --format json
json "d['comparison']['demonstration_injured'] == {'current': 3, 'previous': 0, 'current_views': ['un'], 'previous_views': [], 'current_at_least': True, 'previous_at_least': False, 'accounts_differ': False, 'current_by_account': [{'view': 'un', 'count': 3, 'at_least': True}], 'previous_by_account': []}"
json "[(x['view'], x['injured'], x['injured_at_least'], x['injured_counted'], x['injured_differ']) for x in d['demonstrations']] == [('un', 3, True, True, False), ('government', 0, False, False, True)]"
# the CSV's figure columns hold whole numbers: a least beside an empty figure, as count and
# at_least
ok cw report --from 2021-12-27 --to 2022-01-02 --format csv
checks=$((checks + 1))
printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import csv, sys
rows = [(r["section"], r["account"], r["injured"], r["injured_at_least"], r["label"], r["count"],
         r["at_least"]) for r in csv.DictReader(sys.stdin)
        if r["section"] == "demonstrations" or r["label"] == "injured at demonstrations"]
want = [("demonstrations", "UN", "", "3", "", "5", ""),
        ("demonstrations", "government", "0", "", "", "2", ""),
        ("comparison", "UN", "", "", "injured at demonstrations", "", "3")]
sys.exit(0 if rows == want else "%r" % rows)' || fail "CSV injured columns: $out"
if command -v pdftotext >/dev/null 2>&1; then
	ok cw report --from 2021-12-27 --to 2022-01-02 --format pdf -o "$WORK/week.pdf"
	pdftotext "$WORK/week.pdf" - | tr -d ' \t\n\f' >"$WORK/week.txt"
	inpdf "$sentence"
fi

# the week after: the comparison's previous figure is a least too
ok cw report --from 2022-01-03 --to 2022-01-09 --format md
has "| injured at demonstrations | 0 | at least 3 | UN |"

# The team's account gives no figure: the government's is counted, as for arrests, and said
# as its account; beside the team's figure of another demonstration, each account's apart,
# never added (tests/cli/demo_accounts_apart.sh).
ok cw log demo --date 2022-01-10 --place "Boeung Kak" --view own --source "own observation"
own=$(added_id demo)
ok cw log demo --date 2022-01-10 --place "Boeung Kak" --injured 0 --view government \
	--source "Ministry statement" --disputes "$own"
ok cw log demo --date 2022-01-11 --place "Freedom Park" --injured 2 --view own \
	--source "own observation"
ok cw report --from 2022-01-10 --to 2022-01-16 --format md
has "2 demonstrations, arrests not recorded (accounts: government, own observation): own observation gives 2 injured, government gives 0 injured"
has "| injured at demonstrations | 2 | 0 | own observation |"
has "| injured at demonstrations | 0 | 0 | government |"
ok cw report --from 2022-01-10 --to 2022-01-16 --format json
json "d['comparison']['demonstration_injured']['current'] is None and d['comparison']['demonstration_injured']['current_at_least'] is False and d['comparison']['demonstration_injured']['current_by_account'] == [{'view': 'own', 'count': 2, 'at_least': False}, {'view': 'government', 'count': 0, 'at_least': False}]"

# A confidential account is withheld from a report for others, its injured with it, as its
# arrests are; --include-confidential puts it back.
ok cw log demo --date 2022-01-20 --place "Secret Place" --injured 7 --view own --confidential \
	--source "own observation"
ok cw report --from 2022-01-17 --to 2022-01-23 --format json
json "d['demonstrations'] == [] and d['comparison']['demonstration_injured']['current'] == 0"
ok cw report --from 2022-01-17 --to 2022-01-23 --format md
lacks "7 injured"
ok cw report --from 2022-01-17 --to 2022-01-23 --format md --include-confidential
has "1 demonstration, arrests not recorded, 7 injured (account: own observation)"

# A record from before the field (no injured in it) reads as not recorded, never as none.
ok cw log demo --date 2022-02-01 --place "Wat Phnom" --arrests-count 1 --view ngo --source "bulletin"
ok cw report --from 2022-01-31 --to 2022-02-06 --format md
has "1 demonstration with 1 arrest (account: NGO)"
has "| injured at demonstrations | not recorded |"
has "| 1 |  | not recorded |"
ok cw report --from 2022-01-31 --to 2022-02-06 --format json
json "d['demonstrations'][0]['injured'] is None and d['comparison']['demonstration_injured']['current'] is None"

ok cw export records --kind demo --format csv --since 2022-02-01 --until 2022-02-01
checks=$((checks + 1))
printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import csv, sys
rows = [(x["participants"], x["arrests_count"], x["injured"], x["injured_at_least"])
        for x in csv.DictReader(sys.stdin)]
sys.exit(0 if rows == [("", "1", "", "")] else "%r" % rows)' || fail "CSV not recorded: $out"

# More injured than an exact count of participants is said at logging and at edit, and the
# record is saved as typed (sources disagree); a count of participants "at least" bounds
# nothing, and as many injured as participants is no contradiction.
warned() { # warned TEXT: the last command's stderr has the warning
	checks=$((checks + 1))
	grep -qF "warning: $1" "$WORK/stderr" || fail "no warning '$1': $(cat "$WORK/stderr")"
}
quiet() { # quiet: the last command's stderr has no warning of injured beside participants
	checks=$((checks + 1))
	! grep -q "injured .*recorded for" "$WORK/stderr" || fail "warned: $(cat "$WORK/stderr")"
}
ok cw log demo --date 2023-03-01 --place "Koh Kong" --participants 2 --injured 3 --view ngo
warned "3 people injured are recorded for 2 participants"
id=$(added_id demo)
ok cw show "$id" --json
json "d['participants'] == 2 and d['injured'] == 3"
ok cw log demo --date 2023-03-02 --place "Kampot" --participants 2 --injured 3 \
	--injured-at-least yes --view ngo
warned "at least 3 people injured are recorded for 2 participants"
ok cw log demo --date 2023-03-03 --place "Kep" --participants 3 --injured 3 --view ngo
quiet
id=$(added_id demo)
ok cw edit "$id" --injured 4
warned "4 people injured are recorded for 3 participants"
ok cw show "$id" --json
json "d['injured'] == 4"
ok cw log demo --date 2023-03-04 --place "Takeo" --participants 2 --participants-at-least yes \
	--injured 30 --view ngo
quiet
ok cw log demo --date 2023-03-05 --place "Pursat" --injured 30 --view ngo
quiet

# Arrests as a least, as the UN gives them ("at least 28 arrested"): shown, listed and reported
# with "at least", refused without the number, exported and imported (a monitor's trial could
# only save "28").
ok cw log demo --date 2024-03-06 --place "Preah Vihear" --arrests-count 28 \
	--arrests-at-least yes --view un --source "001 para 44"
pv=$(added_id demo)
ok cw show "$pv"
has "arrests at least     yes"
ok cw list records --kind demo --since 2024-03-06
has "at least 28 arrests"
ok cw report --from 2024-03-04 --to 2024-03-10 --format json
json "[(x['arrests'], x['arrests_at_least']) for x in d['demonstrations']] == [(28, True)]"
json "d['comparison']['demonstration_arrests']['current'] == 28 and d['comparison']['demonstration_arrests']['current_at_least'] is True"
# set against an exact count of participants, the warning keeps the least
ok cw log demo --date 2024-03-08 --place "Preah Vihear" --participants 20 --arrests-count 28 \
	--arrests-at-least yes --view un
grep -q "warning: at least 28 arrests are recorded for 20 participants" "$WORK/stderr" ||
	fail "the warning drops the least: $(cat "$WORK/stderr")"
checks=$((checks + 1))
ok cw list records --json
before=$out
fails 65 "arrests" cw log demo --date 2024-03-07 --place "Preah Vihear" --arrests-at-least yes
fails 65 "arrests" cw edit "$pv" --clear arrests_count
ok cw list records --json
[ "$out" = "$before" ] || fail "a refused value changed the database: $out"
ok cw export records --kind demo --since 2024-03-06 --format json -o "$WORK/pv.json"
DB1=$DB
DB="$WORK/db3"
ok cw init
ok cw import "$WORK/pv.json"
ok cw show "$pv" --json
json "d['arrests_count'] == 28 and d['arrests_at_least'] is True"
DB=$DB1

echo "demo_injuries: $checks checks"
