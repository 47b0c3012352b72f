#!/bin/sh
# A milestone's case beside its person, as a new user met it, in tmux: the person field's
# hint names no command-line option; with the person chosen, the case field offers their
# cases at once (the cases that list them as a defendant), and a case typed that does not
# name them is marked so among the suggestions, said on the case field when taken, and
# refused when saved, until one of theirs is chosen.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Sok Dara"
ok cw person add --name "Chhim Sithar"
ok cw case add --title "Boeung Kak land case" --defendant "Sok Dara"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar"
tmux_start 110 30
wait_for " 3 Records "

send M
wait_for "New milestone"
wait_for "person (or group, for a case's unnamed defendants)"
capture
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -qF -- "--group" && fail "the form's hint names an option:
$pane"
send -l "Sok D"
wait_for "> Sok Dara"
send Enter
# Their case, offered before anything is typed; not the other one.
wait_for "> Boeung Kak land case"
capture
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -qF "NagaWorld" && fail "a case that does not name Sok Dara is offered:
$pane"
send -l "Naga"
wait_for "> NagaWorld strike   (does not name Sok Dara)"
send Enter
wait_for "^ does not name Sok Dara as a defendant: C-n shows their cases"
send C-g
send -l date
send Enter
send -l 2024-01-05
send C-g
send -l type
send Enter
send -l arrest
send Enter
send C-s
wait_for "case: NagaWorld strike"
wait_for "^ does not name Sok Dara as a defendant"
ok cw list records --kind milestone --json
json 'd == []'
# On the case field, C-n offers theirs in its place.
send C-n
wait_for "> Boeung Kak land case"
send Enter
wait_for "case: Boeung Kak land case"
wait_gone "does not name"
send C-s
wait_for "added milestone"
ok cw list records --kind milestone --json
has "Boeung Kak land case"
lacks "NagaWorld"
done_ok
