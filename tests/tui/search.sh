#!/bin/sh
# Free text in the terminal interface's filter line finds what the command line's --text finds:
# records by the names of their people and case, whatever the letter case, the Unicode form
# (NFC or NFD) and the zero-width characters typed. In the scripted mode, then on a real
# terminal in tmux.
. "$(dirname "$0")/lib.sh"
set -e

ZWSP=$(printf '\342\200\213') # U+200B ZERO WIDTH SPACE
BOM=$(printf '\357\273\277')  # U+FEFF
GRAVE=$(printf '\314\200')    # U+0300 COMBINING GRAVE ACCENT
ACUTE=$(printf '\314\201')    # U+0301 COMBINING ACUTE ACCENT

# count: the number of records in the JSON list in $out.
count() {
	printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(len(json.load(sys.stdin)))'
}

ok cw seed "$SEED_FILE"
# What the command line finds; tests/cli/search.sh checks it against the records that name him.
ok cw list records --text "Kem Sokha" --json
nkem=$(count)
kem_ids=$out
# More than his records by --person alone, or by --case alone: his name is found through both.
ok cw list records --person "Kem Sokha" --json
person_ids=$out
ok cw list records --case "Kem Sokha" --json
"${PYTHON3:-python3}" -c '
import json, sys
ids = lambda s: set(r["id"] for r in json.loads(s))
k, p, c = ids(sys.argv[1]), ids(sys.argv[2]), ids(sys.argv[3])
sys.exit(0 if (p | c) <= k and len(k) > 1 else 1)' "$kem_ids" "$person_ids" "$out" ||
	fail "--text \"Kem Sokha\" does not cover his --person and --case records"
ok cw list records --text "lèse-majesté" --json
nlese=$(count)
[ "$nlese" -gt 0 ] || fail "no record says lèse-majesté in the demo data"

# Scripted mode: the filter line, plain, in another case, with zero-width characters, in NFD.
keys '/Kem Sokha<Enter>'
has "filter: Kem Sokha | $nkem records match"
keys '/kem SOKHA<Enter>'
has "| $nkem records match"
keys "/Kem${ZWSP} Sok${BOM}ha<Enter>"
has "| $nkem records match"
keys "/le${GRAVE}se-majeste${ACUTE}<Enter>"
has "| $nlese records match"
ok cw list records --kind hearing --text "Kem Sokha" --json
nhearings=$(count)
keys "/kind:hearing Kem Sokha<Enter>"
has "| $nhearings records match"
# The cases list finds his case by his name.
keys "1/Kem Sokha<Enter>"
has "Kem Sokha — treason"
has "1 case matches"

# A real terminal: the same filters typed into tmux.
tmux_start 120 40
wait_for " 3 Records "
wait_for "records | 1/"
send / 'Kem Sokha' Enter
wait_for "$nkem records match"
send Escape
wait_gone "filter:"
send / "kem${ZWSP} so${BOM}kha" Enter
wait_for "$nkem records match"
send Escape
wait_gone "filter:"
send / "le${GRAVE}se-majeste${ACUTE}" Enter
wait_for "$nlese records match"
# An article the built-in table does not know is said beside the count, as the command line
# warns of its --article, for as long as the filter holds it: "0 records match" alone read as
# no record of that article, not as a typo.
ok cw list records --article 999
grep -q "warning: article 999 is not in the built-in table" "$WORK/stderr" ||
	fail "the command line does not warn: $(cat "$WORK/stderr")"
send Escape
wait_gone "filter:"
send / 'article:999' Enter
wait_for "0 records match | article 999 is not in the built-in table"
send j
wait_for "0 records match | article 999 is not in the built-in table"
send / C-u 'article:494' Enter
wait_for "filter: article:494 |"
capture
printf '%s\n' "$pane" | grep -q "not in the built-in table" &&
	fail "a warning for an article of the table: $pane"
send q
done_ok
