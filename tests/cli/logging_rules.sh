#!/bin/sh
# What a monitor logging a record must give, the command line asks as the terminal interface
# does, on log and on edit alike, while an import takes records as documents give them; and
# what a list says of a record, it says as `show` and the report do. A field trial found
# `list` showing "50 participants" for "at least 50".
. "$TESTLIB"
set -e

ok cw init
for p in "Sok Sithar" "Vorn Pov" "Heng Vannak"; do
	ok cw person add --name "$p"
done
heng=$(printf '%s\n' "$out" | sed -n 's/^added person \([0-9a-f]*\).*/\1/p')
ok cw case add --title "NagaWorld strike arrests" --defendant "Sok Sithar" --custody detained \
	--charge 494/495 --defendant "Vorn Pov" --custody detained --charge "437 bis" \
	--source "own observation"
case_id=$(printf '%s\n' "$out" | sed -n 's/^added case \([0-9a-f]*\).*/\1/p')
ok cw log demo --date 2026-11-18 --place "NagaWorld casino" --participants 300 \
	--response dispersed,arrests --arrested "Sok Sithar" --arrests-count 9 \
	--source "own observation"
ok cw log demo --date 2026-11-20 --place "Preah Vihear" --participants 50 \
	--participants-at-least yes --response monitored --source "own observation"
demo=$(printf '%s\n' "$out" | sed -n 's/^added demo \([0-9a-f]*\).*/\1/p')

# ---- 3. "at least" in the list's summary, as show and the report say it
ok cw list records --kind demo
has "at least 50 participants"
has "300 participants"
lacks "at least 300"
ok cw log demo --date 2026-11-22 --place "Kampot" --participants 1 --participants-at-least yes \
	--arrested "Heng Vannak" --source "own observation"
ok cw timeline "Heng Vannak"
has "at least 1 participant, 1 arrest (Heng Vannak)"
done_ok
