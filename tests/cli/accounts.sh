#!/bin/sh
# Whose account, everywhere: the demo data keeps the government's account beside the UN's, and
# every timeline line, list row and report row says which it is; --account and account: select
# by it; a report counts the team's own hearings apart from those documents report.
. "$TESTLIB"
set -e
PY=${PYTHON3:-python3}

# column NAME: the cells of one column of the table in $out, by the header's position (cells
# may be empty, so splitting on spaces would not do), one per line.
column() {
	printf '%s\n' "$out" | "$PY" -c '
import sys
lines = [l.rstrip("\n") for l in sys.stdin if l.strip()]
head = next(i for i, l in enumerate(lines) if l.startswith("ID "))
start = lines[head].index(sys.argv[1])
for l in lines[head + 1:]:
    print(l[start:].split("  ")[0].strip())' "$1"
}

ok cw seed "$SEED_FILE"
gov_events=$("$PY" -c '
import json, os
seed = [json.loads(l) for l in open(os.environ["SEED_FILE"], encoding="utf-8") if l.strip()]
print(sum(r["kind"] in ("hearing", "visit", "demo", "milestone", "incident") and r["view"] == "government"
          for r in seed))')
[ "$gov_events" -gt 0 ] || fail "the demo data has no government records"

# Kem Sokha's timeline: the government's two milestones (004 lines 205 and 207) are marked as
# the government's, every other line as the UN's.
ok cw timeline "Kem Sokha"
has "case: Kem Sokha — treason (account: UN)"
accounts=$(column ACCOUNT)
[ "$(printf '%s\n' "$accounts" | grep -c '^gov$')" -eq 2 ] || fail "government lines: $out"
[ "$(printf '%s\n' "$accounts" | grep -vc '^\(gov\|UN\)$')" -eq 0 ] || fail "accounts: $accounts"
printf '%s\n' "$out" | grep 'revised judicial supervision' | grep -q ' gov ' ||
	fail "the government's 2019 supervision is not marked: $out"
printf '%s\n' "$out" | grep 'trial suspended: trial, described as transparent' | grep -q ' gov ' ||
	fail "the government's account of the suspended trial is not marked: $out"
checks=$((checks + 3))

# list: --account government lists the government's records only, --account un none of them
ok cw list records --account government --json
json "len(d) == $gov_events and all(r['view'] == 'government' for r in d)"
gov_ids=$(printf '%s' "$out" | "$PY" -c 'import json,sys; print(sorted(r["id"] for r in json.load(sys.stdin)))')
ok cw list records --account government
[ "$(column ACCOUNT | sort -u)" = "gov" ] || fail "ACCOUNT column: $out"
checks=$((checks + 1))
ok cw list records --account un --json
json "len(d) > 0 and all(r['view'] == 'un' for r in d)"
ok cw list records --account UN,government --json
json "len(d) > $gov_events and {r['view'] for r in d} == {'un', 'government'}"
ok cw list records --account unknown --json
json "d == []"
# the filter line, which the terminal interface shares, gives the same
ok cw list records --filter 'account:government' --json
json "sorted(r['id'] for r in d) == $gov_ids"
ok cw list records --filter 'account:gov kind:milestone' --json
json "len(d) > 0 and all(r['view'] == 'government' and r['kind'] == 'milestone' for r in d)"
# Rong Chhun comes under 494/495 only through the government's account of his prosecution
ok cw list records --article 494/495 --person "Rong Chhun" --account un --json
json "d == []"
ok cw list records --article 494/495 --person "Rong Chhun" --account government --json
json "len(d) == 1 and d[0]['view'] == 'government'"
# people: the person record's own account
ok cw list persons --account government --json
json "sorted(p['name'] for p in d) == ['Oeaut Ang', 'Rong Chhun']"
ok cw list cases --account government
[ "$(column ACCOUNT | sort -u)" = "gov" ] || fail "cases ACCOUNT column: $out"
checks=$((checks + 1))
# show says whose account, in words
ok cw show ref:m-kem-sokha-judicial-supervision-gov-2019
has "account              government"
fails 65 account cw list records --account rumour
fails 65 account cw list records --filter 'account:hearsay'

# a report of the demo data's week: an account column in CSV, the filter named in the header
ok cw report --week 2024-W06 --format csv
printf '%s\n' "$out" >"$WORK/week.csv"
"$PY" - "$WORK/week.csv" <<'PY' || fail "report CSV account column"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
events = [r for r in rows if r['record_id'] and r['section'] != 'report']
assert events and all(r['account'] in ('UN', 'government') for r in events), events
assert [r['account'] for r in rows if r['section'] == 'hearings_reported'] == ['UN', 'UN']
PY
checks=$((checks + 1))
ok cw report --week 2024-W06 --account government
has "Filter: account:government"
has "## Hearings reported in documents (0)"

# A week with a hearing the team sat in and one a UN document reports: counted apart
DB="$WORK/small"
ok cw init
ok cw person add --name "Ny Nak"
ok cw case add --title "Ny Nak incitement" --court "Phnom Penh Court of First Instance" \
	--defendant "Ny Nak" --custody detained --charge 494/495
ok cw log hearing --case "Ny Nak" --date 2024-03-12 --view own --source "own observation" \
	--outcome adjourned --adjourn-reason "judge absent"
ok cw log hearing --case "Ny Nak" --date 2024-03-14 --view un --source "001 para 40" \
	--outcome bail-decision --bail refused
for f in md html csv json; do
	ok cw report --week 2024-W11 --format $f -o "$WORK/w.$f"
done
out=$(cat "$WORK/w.md")
has "## Hearings the team went to (1)"
has "## Hearings reported in documents (1)"
has "| 2024-03-14 | UN \[1\] | Ny Nak incitement |"
has "| hearings monitored by the team | 1 | 0 |"
has "| hearings reported in documents | 1 | 0 |"
has "| hearings, every account | 2 | 0 |"
md_own=$(sed -n '/^## Hearings the team went to/,/^## Hearings reported/p' "$WORK/w.md")
printf '%s\n' "$md_own" | grep -q '2024-03-12' && ! printf '%s\n' "$md_own" | grep -q '2024-03-14' ||
	fail "the own section: $md_own"
checks=$((checks + 1))
out=$(cat "$WORK/w.html")
has "<h2>Hearings the team went to (1)</h2>"
has "<h2>Hearings reported in documents (1)</h2>"
"$PY" - "$WORK/w.csv" <<'PY' || fail "CSV counts apart"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
meta = {r['label']: r for r in rows if r['section'] == 'report'}
assert meta['hearings_own']['count'] == '1' and meta['hearings_reported']['count'] == '1', meta
own = [r for r in rows if r['section'] == 'hearings_own']
rep = [r for r in rows if r['section'] == 'hearings_reported']
assert [(r['date'], r['account']) for r in own] == [('2024-03-12', 'own observation')], own
assert [(r['date'], r['account']) for r in rep] == [('2024-03-14', 'UN')], rep
cmp = {r['detail']: r['count'] for r in rows if r['section'] == 'comparison'}
assert cmp['hearings_own'] == '1' and cmp['hearings_reported'] == '1' and cmp['hearings'] == '2'
PY
checks=$((checks + 1))
out=$(cat "$WORK/w.json")
json "[(h['date'], h['view'], h['own_observation']) for h in d['hearings']] == [('2024-03-12', 'own', True), ('2024-03-14', 'un', False)]"
json "d['comparison']['hearings_own']['current'] == 1 and d['comparison']['hearings_reported']['current'] == 1"
json "d['comparison']['hearings']['current'] == 2"
# the account filter on a report and an export
ok cw report --week 2024-W11 --account own
has "## Hearings the team went to (1)"
has "## Hearings reported in documents (0)"
ok cw export records --account un --format csv
has ",hearing,2024-03-14,"
lacks "2024-03-12"
lines 2
# the list marks them, and a hearing logged without an account reads '?'
ok cw log hearing --case "Ny Nak" --date 2024-03-20
ok cw list records --oldest-first
[ "$(column ACCOUNT | tr '\n' ' ')" = "own UN ? " ] || fail "list accounts: $out"
checks=$((checks + 1))
ok cw list records --account unknown --json
json "len(d) == 1 and d[0]['date'] == '2024-03-20'"
# "own observation" as the source says whose account a new record is (logged or imported),
# unless an account is given; an edit leaves the account alone.
ok cw log hearing --case "Ny Nak" --date 2024-03-21 --source " Own observation"
ok cw log hearing --case "Ny Nak" --date 2024-03-22 --source "own observation" --view un
printf '%s\n' '{"kind": "visit", "ref": "v-own", "date": "2024-03-23", "facility": "Prey Sar", "source": "own observation"}' >"$WORK/own.jsonl"
ok cw import "$WORK/own.jsonl"
ok cw list records --since 2024-03-21 --json
json "sorted((r['date'], r['view']) for r in d) == [('2024-03-21', 'own'), ('2024-03-22', 'un'), ('2024-03-23', 'own')]"
ok cw list records --account unknown --json
json "[r['date'] for r in d] == ['2024-03-20']"
# ... but not over an account given as unknown, nor on a record imported again
ok cw log hearing --case "Ny Nak" --date 2024-03-24 --source "own observation" --view unknown
printf '%s\n' '{"kind": "visit", "ref": "v-doc", "date": "2024-03-25", "facility": "Prey Sar", "source": "a letter"}' >"$WORK/doc.jsonl"
ok cw import "$WORK/doc.jsonl"
printf '%s\n' '{"kind": "visit", "ref": "v-doc", "date": "2024-03-25", "facility": "Prey Sar", "source": "own observation"}' >"$WORK/doc.jsonl"
ok cw import "$WORK/doc.jsonl"
ok cw list records --account unknown --json
json "sorted(r['date'] for r in d) == ['2024-03-20', '2024-03-24', '2024-03-25']"
# --account sets it on a record as --view does: the word lists and reports use.
ok cw log hearing --case "Ny Nak" --date 2024-03-26 --account un --source "A/HRC/57/60"
ok cw list records --account un --since 2024-03-26 --json
json "[r['date'] for r in d] == ['2024-03-26']"
# Both accounts of a disputed arrest in a case the team follows are under its charges: a
# field trial's 494/495 filter kept the NGO's arrest and dropped the government's, whose date
# the same report's detention figures quoted (schema 15). The government's account of its
# own prosecution is still found only when asked for (Rong Chhun's, above).
DB="$WORK/disputed"
ok cw init
ok cw person add --name "Sok Chanthea"
ok cw case add --title "Svay Rieng land protest" --court "Svay Rieng Provincial Court of First Instance" \
	--defendant "Sok Chanthea" --custody detained --charge 494/495 --source "own observation"
ok cw log milestone --person "Sok Chanthea" --case "Svay Rieng" --type arrest --date 2024-03-04 \
	--view ngo --source "ADHOC statement"
ngo=$(printf '%s\n' "$out" | awk '{print $3}')
ok cw log milestone --person "Sok Chanthea" --case "Svay Rieng" --type arrest --date 2024-03-06 \
	--view government --source "police press release" --disputes "$ngo"
ok cw list records --article 494/495 --json
json "sorted((r['date'], r['view']) for r in d if r['kind'] == 'milestone') == [('2024-03-04', 'ngo'), ('2024-03-06', 'government')]"
ok cw list records --article 494/495 --account government --json
json "[(r['date'], r['view']) for r in d] == [('2024-03-06', 'government')]"
ok cw report --week 2024-W10 --article 494/495 --format json
json "[(r['date'], r['view']) for r in d['arrests_and_charges']['events']] == [('2024-03-04', 'ngo'), ('2024-03-06', 'government')]"
# A source that says the team saw it, on a record given another account: the report counts
# it as that account's, so saving it says so, with the edit that makes it the team's (a prison
# monitor of an NGO typed --view ngo on the team's own visits and hearing, and the week read
# "The team monitored no hearings"). Not said for the team's account, nor for another source.
ok cw log visit --facility "Prey Sar" --date 2024-02-13 --access granted \
	--source "own observation" --view ngo
ownv=$(added_id visit 8)
checks=$((checks + 1))
grep -qF "warning: the source of this visit says own observation, but its account is NGO: reports count it as that account's, not among what the team saw itself; if the team saw it itself: casewatch edit $ownv --view own" \
	"$WORK/stderr" || fail "no warning for the team's source on an NGO's account: $(cat "$WORK/stderr")"
ok cw edit "$ownv" --view own
checks=$((checks + 1))
! grep -q "says own observation" "$WORK/stderr" || fail "warned for the team's account: $(cat "$WORK/stderr")"
ok cw log visit --facility "Prey Sar" --date 2024-02-14 --source "LICADHO bulletin" --view ngo
checks=$((checks + 1))
! grep -q "says own observation" "$WORK/stderr" || fail "warned for another source: $(cat "$WORK/stderr")"
done_ok
