#!/bin/sh
# Free text finds people: --text (and the filter line's free words) matches the names of a
# record's people and case as well as its own text, whatever the letter case, the Unicode form
# (NFC or NFD) and the zero-width characters Khmer text carries. On the demo data, the records
# that name Kem Sokha are worked out from the --person and --case listings and the records'
# own JSON, never from a count written here.
. "$TESTLIB"
set -e

ZWSP=$(printf '\342\200\213')  # U+200B ZERO WIDTH SPACE
ZWNJ=$(printf '\342\200\214')  # U+200C
ZWJ=$(printf '\342\200\215')   # U+200D
BOM=$(printf '\357\273\277')   # U+FEFF
GRAVE=$(printf '\314\200')     # U+0300 COMBINING GRAVE ACCENT
ACUTE=$(printf '\314\201')     # U+0301 COMBINING ACUTE ACCENT

# ids: the sorted ids of the records in the JSON list in $out, one a line.
ids() {
	printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
for i in sorted(r["id"] for r in json.load(sys.stdin)):
    print(i)'
}

# same_ids NAME EXPECTED: the ids of $out are exactly EXPECTED (a list of ids, one a line).
same_ids() {
	checks=$((checks + 1))
	got=$(ids)
	[ "$got" = "$2" ] || fail "$1: wanted
$2
got
$got"
}

ok cw seed "$SEED_FILE"

# Every record that names Kem Sokha: filed under him (as a defendant, a person of the record),
# of a case whose title names him or which names him as a defendant, or mentioning him in its
# own text (any string in its JSON).
ok cw list records --person "Kem Sokha" --json
want=$(ids)
ok cw list records --case "Kem Sokha" --json
want=$(printf '%s\n%s\n' "$want" "$(ids)")
ok cw list cases --person "Kem Sokha" --json
his_cases=$(ids)
[ -n "$his_cases" ] || fail "no case names Kem Sokha in the demo data"
for c in $his_cases; do
	ok cw list records --case "$c" --json
	want=$(printf '%s\n%s\n' "$want" "$(ids)")
done
ok cw list records --json
own=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, dict):
        for x in v.values():
            yield from strings(x)
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
for r in json.load(sys.stdin):
    if any("kem sokha" in s.lower() for s in strings(r)):
        print(r["id"])')
want=$(printf '%s\n%s\n' "$want" "$own" | grep . | sort -u)
n=$(printf '%s\n' "$want" | grep -c .)
[ "$n" -gt 1 ] || fail "the demo data names Kem Sokha in $n records"

ok cw list records --text "Kem Sokha" --json
same_ids '--text "Kem Sokha"' "$want"
# Any letter case, and the same through the filter line's free words.
ok cw list records --text "kem SOKHA" --json
same_ids '--text "kem SOKHA"' "$want"
ok cw list records --filter "kem sokha" --json
same_ids '--filter "kem sokha"' "$want"
# Zero-width characters typed (or pasted) with the name change nothing.
ok cw list records --text "Kem${ZWSP} Sokha" --json
same_ids "--text with U+200B" "$want"
ok cw list records --text "${BOM}K${ZWJ}em So${ZWNJ}kha${ZWSP}" --json
same_ids "--text with U+FEFF, U+200D, U+200C" "$want"
ok cw list records --filter "kind:hearing,milestone Kem${ZWSP} Sokha" --json
json "len(d) > 0 and all(r['kind'] in ('hearing', 'milestone') for r in d)"
# The case is found by its defendant's name, the person by theirs.
ok cw list cases --text "Kem Sokha" --json
same_ids '--text on cases' "$his_cases"
ok cw list persons --text "kem sokha" --json
json "[p['name'] for p in d] == ['Kem Sokha']"
# A zero-width space is nothing, not a space: "kem<U+200B>sokha" is "kemsokha".
ok cw list persons --text "kem${ZWSP}sokha" --json
json "d == []"
# Free text narrows with other criteria as before: no record before 1990 names him.
ok cw list records --text "Kem Sokha" --until 1990 --json
json "d == []"
# The table and the count agree with the JSON.
ok cw list records --text "Kem Sokha"
lines $((n + 1))

# NFC and NFD spellings of a word with accents find the same records; so does upper case.
ok cw list records --text "lèse-majesté" --json
json "len(d) > 0"
nfc=$(ids)
ok cw list records --text "le${GRAVE}se-majeste${ACUTE}" --json
same_ids "--text in NFD" "$nfc"
ok cw list records --text "LÈSE-MAJESTÉ" --json
same_ids "--text in upper case" "$nfc"
ok cw list records --filter "le${GRAVE}se-maj${ZWSP}este${ACUTE}" --json
same_ids "--filter in NFD with U+200B" "$nfc"
# Accents are letters: without them the word is another.
ok cw list records --text "lese-majeste" --json
json "all('lèse-majesté' not in json.dumps(r, ensure_ascii=False) for r in d)"

# Khmer: a name stored with zero-width spaces between its words is found without them or with
# spaces, and a name stored with a space is found when a zero-width space or nothing is typed
# there; a person's records by the Khmer name.
ok cw person add --name "Test Khmer One" --name-km "កឹម${ZWSP}សុខា"
ok cw person add --name "Test Khmer Two" --name-km "សម រង្ស៊ី"
ok cw log visit --facility "Correctional Center 1" --date 2024-03-01 --detainee "Test Khmer One"
visit1=$(printf '%s' "$out" | awk '{print $3}')
ok cw log visit --facility "Correctional Center 2" --date 2024-03-02 --detainee "Test Khmer Two"
visit2=$(printf '%s' "$out" | awk '{print $3}')
ok cw list records --text "កឹមសុខា" --json
json "[r['id'][:8] for r in d] == ['$visit1'[:8]]"
ok cw list records --text "សុ${ZWJ}ខា" --json
json "[r['id'][:8] for r in d] == ['$visit1'[:8]]"
ok cw list records --text "រង្ស៊ី${ZWSP}" --json
json "[r['id'][:8] for r in d] == ['$visit2'[:8]]"
# A space typed where the name has a zero-width space (or nothing) finds it, and the other way
# round: between Khmer letters both are dropped (models/text.h).
ok cw list persons --text "${ZWSP}កឹម សុខា" --json
json "[p['name'] for p in d] == ['Test Khmer One']"
ok cw list persons --text "សម${ZWSP}រង្ស៊ី" --json
json "[p['name'] for p in d] == ['Test Khmer Two']"
ok cw list records --text "សមរង្ស៊ី" --json
json "[r['id'][:8] for r in d] == ['$visit2'[:8]]"
ok cw list persons --text "កឹម${BOM}សុខា" --json
json "[p['name'] for p in d] == ['Test Khmer One']"
# --person takes the Khmer name the same way.
ok cw list records --person "កឹម${ZWNJ}សុខា" --json
json "[r['id'][:8] for r in d] == ['$visit1'[:8]]"

# Text that is only zero-width characters asks for nothing; bytes that are not UTF-8 are
# refused as input.
ok cw list records --text "$ZWSP" --json
all_n=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(len(json.load(sys.stdin)))')
ok cw list records --json
json "len(d) == $all_n"
fails 65 text cw list records --text "$(printf 'Kem \303')"

done_ok
