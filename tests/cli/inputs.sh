#!/bin/sh
# Inputs that were taken though they should not be, or refused though the man page says they
# work (issue 14): each is refused with one line naming its field and the database unchanged,
# or works as documented.
. "$TESTLIB"
set -e

ok cw seed "$SEED_FILE"
before=$(db_snapshot)

# Names that show nothing: only spaces, only zero-width characters (command line and import).
fails 65 "name" cw person add --name "   "
fails 65 "name" cw person add --name "$(printf '\342\200\213\342\200\213')"
fails 65 "name" cw person add --name "$(printf '\342\200\213 \357\273\277\302\240')"
fails 65 "title" cw case add --title "$(printf '\342\201\240 ')"
fails 65 "facility" cw log visit --date 2024-01-01 --facility "  "
printf '{"kind":"person","ref":"p-blank","name":"  "}\n' >"$WORK/blank.jsonl"
fails 65 "line 1: name" cw import "$WORK/blank.jsonl"
printf '{"kind":"person","ref":"p-zw","name":"\\u200b\\u200c\\u200d\\ufeff"}\n' >"$WORK/zw.jsonl"
fails 65 "line 1: name" cw import "$WORK/zw.jsonl"
# A name with a visible letter among them is a name.
ok cw person add --name "$(printf 'Sok\342\200\213 Chan')"
before=$(db_snapshot)

# A negative number in JSON is refused, not silently dropped ("not given").
printf '{"kind":"demo","ref":"d-neg","date":"2024-01-01","participants":-5}\n' >"$WORK/neg.jsonl"
fails 65 "participants" cw import "$WORK/neg.jsonl"
printf '{"kind":"demo","ref":"d-neg","date":"2024-01-01","arrests_count":-1}\n' >"$WORK/neg.jsonl"
fails 65 "arrests_count" cw import "$WORK/neg.jsonl"
printf '{"kind":"person","ref":"p-old","name":"Old","birth_year":1850}\n' >"$WORK/old.jsonl"
fails 65 "birth_year" cw import "$WORK/old.jsonl"

# An empty date in a filter would drop the bound asked for: refused.
fails 65 "since" cw list records --filter 'since:'
fails 65 "until" cw list records --filter 'kind:hearing until:'
fails 65 "since" cw list records --since ''
fails 65 "court" cw list records --filter 'court:""'

# Counts past what fits are refused, not saturated or wrapped.
fails 65 "limit" cw list records --limit 18446744073709551616
fails 65 "limit" cw list records --limit 99999999999999999999999
fails 65 "offset" cw list records --offset -1
fails 65 "limit" cw audit --limit 18446744073709551616
ok cw list records --limit 18446744073709551615 --json

# The filter line reads back what it writes: a word with a colon in free text.
ok cw list records --filter ':x:y'
has "no matching records"

# --case ref:c-... works wherever a case is named, as the man page says.
ok cw list records --case ref:c-kang-saran --json
json "len(d) > 0 and all(r['kind'] in ('hearing', 'milestone') for r in d)"
ok cw list records --filter 'case:ref:c-kang-saran' --json
json "len(d) > 0"
ok cw log hearing --case ref:c-kang-saran --date 2024-06-03 --outcome adjourned
ok cw timeline ref:p-kang-saran
has "Kang Saran"
fails 66 "case" cw log hearing --case ref:c-no-such-case --date 2024-06-03
fails 66 "case" cw log hearing --case ref:p-kang-saran --date 2024-06-03
before=$(db_snapshot)

# audit --record NAME works (a name, an id prefix, ref:), as the man page says.
ok cw audit --record "Kang Saran" --json
json "len(d) == 1 and d[0]['kind'] == 'person'"
ok cw audit --record ref:c-kang-saran --json
json "len(d) == 1 and d[0]['kind'] == 'case'"
fails 66 "record" cw audit --record "Nobody At All"

# A record of another kind under the same id: said in plain words ("a unknown" before).
printf '{"kind":"case","ref":"p-kem-sokha","title":"x"}\n' >"$WORK/kind.jsonl"
fails 65 "kind" cw import "$WORK/kind.jsonl"
checks=$((checks + 1))
case $err in
*"a record of another kind (person), not a case"*) ;;
*) fail "kind message: $err" ;;
esac

checks=$((checks + 1))
[ "$(db_snapshot)" = "$before" ] || fail "a refused input changed the database"
done_ok
