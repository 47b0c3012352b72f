#!/bin/sh
# A milestone names several articles, as the sources do ("charged ... under articles 494 and
# 495", 001 para 34): `log milestone --article 494/495`, kept through show, edit, JSON, import,
# export and bundles; the weekly report counts it once under each article and once in the
# 494/495 group, and never under the case's other charges; article filters find it under the
# articles it names alone; a verdict on 494/495 moves both charges; lists and timelines show
# what it names; bad input is one line naming --article, and nothing is written.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Kang Saran"
# 001 para 39: charged under 307, 494 and 495, and apart under 437 bis (lèse-majesté)
ok cw case add --title "Saran" --defendant "Kang Saran" --custody detained \
	--charge "307/494/495/437 bis" --view un --json
case_id=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])')

# ---- logged with a list, as the source gives it ------------------------------------------------
ok cw log milestone --person "Kang Saran" --case Saran --type charge --date 2024-02-05 \
	--article "494 and 495" --view un --source "UN 001 para 39" --json
json "d['articles'] == ['494', '495'] and 'article' not in d"
charge=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
ok cw show "$charge"
has "articles             494 (incitement to commit a felony)"
has "articles             495 (incitement to disturb social security)"
# one article is kept where it always was: "article", as a casewatch from before reads it
ok cw log milestone --person "Kang Saran" --case Saran --type charge --article "437 bis" \
	--view un --json
json "d['article'] == '437 bis' and 'articles' not in d"
lese=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# none named: it concerns every charge of the person in the case, as before
ok cw log milestone --person "Kang Saran" --case Saran --type arrest --date 2024-02-06 --view un
# each article outside the table is warned about, and the milestone is kept
ok cw log milestone --person "Kang Saran" --case Saran --type other --article 494/4944 \
	--date 2024-02-07 --view un
checks=$((checks + 1))
grep -q "warning: article 4944 is not in the built-in table" "$WORK/stderr" ||
	fail "no warning for 4944: $(cat "$WORK/stderr")"
! grep -q "article 494 is" "$WORK/stderr" || fail "494 warned about: $(cat "$WORK/stderr")"
other=$(cw list records --kind milestone --json | "${PYTHON3:-python3}" -c 'import json,sys; print([r["id"] for r in json.load(sys.stdin) if r["type"] == "other"][0])')
ok cw delete "$other" --yes

# ---- bad input: one line naming the option, exit 65, the database as it was -------------------
before=$(db_snapshot)
fails 65 article cw log milestone --person "Kang Saran" --case Saran --type charge \
	--article "494/banana" --view un
fails 65 article cw log milestone --person "Kang Saran" --case Saran --type charge \
	--article "494/" --view un
fails 65 article cw edit "$charge" --article "494 or"
fails 65 article cw log milestone --person "Kang Saran" --case Saran --type charge \
	--article "1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17" --view un
[ "$(db_snapshot)" = "$before" ] || fail "refused input changed the database"
checks=$((checks + 1))
fails 2 articles cw log milestone --person "Kang Saran" --case Saran --type charge \
	--articles 494 --view un
ok cw log milestone --help
has "--article ARTICLES"
has "e.g. 494/495"
lacks "--articles"

# ---- lists and timelines show what it names ----------------------------------------------------
ok cw list records --kind milestone
printf '%s\n' "$out" | grep "2024-02-05" | grep -q " 494/495 " || fail "the charge's articles: $out"
printf '%s\n' "$out" | grep "2024-02-06" | grep -q " 307/494/495/437 bis " ||
	fail "the arrest's articles (the case's): $out"
checks=$((checks + 2))
ok cw timeline "Kang Saran"
printf '%s\n' "$out" | grep "2024-02-05" | grep -q " 494/495 " || fail "timeline: $out"
checks=$((checks + 1))

# ---- filters: under each article it names, and no other --------------------------------------
ok cw list records --kind milestone --article 495 --json
json "sorted(r['type'] for r in d) == ['arrest', 'charge']"
ok cw list records --kind milestone --article "437 bis" --json
json "sorted((r['type'], r.get('article')) for r in d) == [('arrest', None), ('charge', '437 bis')]"
ok cw list records --kind milestone --article 307 --json
json "[r['type'] for r in d] == ['arrest']"

# ---- the weekly report ------------------------------------------------------------------------
ok cw report --week 2024-W06 --format json
json "[e['articles'] for e in d['arrests_and_charges']['events']] == [['494', '495'], ['307', '494', '495', '437 bis']]"
json "{a['article']: a['count'] for a in d['arrests_and_charges']['by_article']} == {'307': 1, '437 bis': 1, '494': 2, '495': 2}"
json "d['arrests_and_charges']['groups'] == {'incitement_494_495': 2, 'lese_majeste_437bis': 1, 'other_articles': 1, 'no_article': 0}"
ok cw report --week 2024-W06
has "| 2024-02-05 | UN \[1\] | charge | Kang Saran | Saran | 494/495 |"
has "| 494/495 incitement |  | 2 |"
ok cw report --week 2024-W06 --article "437 bis" --format json
json "[e['type'] for e in d['arrests_and_charges']['events']] == ['arrest']"
ok cw report --week 2024-W06 --format csv
has ",494/495,"

# ---- a verdict on 494 and 495 moves both charges, one verdict in a row per charge -------------
ok cw log milestone --person "Kang Saran" --case Saran --type verdict --result convicted \
	--article 494/495 --date 2024-02-08 --view un
ok cw show "$case_id" --json
json "[(c['article'], c.get('state', 'charged')) for c in d['defendants'][0]['charges']] == [('307', 'charged'), ('494', 'convicted'), ('495', 'convicted'), ('437 bis', 'charged')]"
ok cw report --week 2024-W06 --format json
json "[(v['article'], v['result'], v['decision']) for v in d['verdicts']] == [('494', 'convicted', 0), ('495', 'convicted', 0)]"
json "d['comparison']['verdicts']['current'] == 1"

# ---- edit: a list, one, none ------------------------------------------------------------------
ok cw edit "$lese" --article "307/437 bis"
ok cw show "$lese" --json
json "d['articles'] == ['307', '437 bis'] and 'article' not in d"
ok cw edit "$lese" --article "437 bis"
ok cw show "$lese" --json
json "d['article'] == '437 bis' and 'articles' not in d"
ok cw edit "$charge" --clear article
ok cw show "$charge" --json
json "'article' not in d and 'articles' not in d"
ok cw edit "$charge" --article 494/495
ok cw verify
has "0 problems"

# ---- JSON: export and import; a file may give the list in either key --------------------------
for what in persons cases records; do
	ok cw export "$what" --format json -o "$WORK/$what.json"
done
DB="$WORK/copy"
ok cw init
for what in persons cases records; do
	ok cw import "$WORK/$what.json"
done
ok cw show "$charge" --json
json "d['articles'] == ['494', '495']"
ok cw show "$lese" --json
json "d['article'] == '437 bis' and 'articles' not in d"
cat >"$WORK/more.jsonl" <<'EOF'
{"kind": "person", "ref": "p-x", "name": "Someone"}
{"kind": "milestone", "ref": "m-one", "person": "p-x", "type": "charge", "articles": ["495"]}
{"kind": "milestone", "ref": "m-two", "person": "p-x", "type": "charge", "article": "494/495"}
EOF
ok cw import "$WORK/more.jsonl"
ok cw show ref:m-one --json
json "d['article'] == '495' and 'articles' not in d"
ok cw show ref:m-two --json
json "d['articles'] == ['494', '495']"
printf '%s\n' '{"kind": "milestone", "ref": "m-bad", "person": "p-x", "type": "charge", "articles": ["494", "x"]}' \
	>"$WORK/bad.jsonl"
before=$(db_snapshot)
fails 65 "articles\[2\]" cw import "$WORK/bad.jsonl"
[ "$(db_snapshot)" = "$before" ] || fail "a refused import changed the database"
checks=$((checks + 1))

# ---- bundles carry them; one article travels in the form a casewatch from before reads -------
DB="$WORK/db"
SUP="$WORK/sup"
ok "$CASEWATCH" --db "$SUP" init
mesh field="$DB" sup="$SUP"
ok cw bundle export --to sup --all -o "$WORK/all.bundle"
ok "$CASEWATCH" --db "$SUP" bundle import "$WORK/all.bundle"
ok "$CASEWATCH" --db "$SUP" show "$charge" --json
json "d['articles'] == ['494', '495']"
ok "$CASEWATCH" --db "$SUP" show "$lese" --json
json "d['article'] == '437 bis'"
ok "$CASEWATCH" --db "$SUP" list records --kind milestone --article "437 bis" --json
json "sorted(r['type'] for r in d) == ['arrest', 'charge']"
ok "$CASEWATCH" --db "$SUP" verify
has "0 problems"
ok cw bundle export --plain --all -o "$WORK/plain.bundle"
bundle_payload "$WORK/plain.bundle" "$WORK/plain.jsonl"
checks=$((checks + 2))
grep -q '"articles":\["494","495"\]' "$WORK/plain.jsonl" || fail "no list in the bundle"
grep -q '"article":"437 bis"' "$WORK/plain.jsonl" || fail "one article not kept as before"
done_ok
