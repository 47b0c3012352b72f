#!/bin/sh
# A milestone's case beside its person, as a new user met it, in tmux: the person field's
# hint names no command-line option; with the person chosen, the case field offers their
# cases at once (the cases that list them as a defendant), and a case typed that does not
# name them is marked so among the suggestions, said on the case field when taken, and
# refused when saved, until one of theirs is chosen. M from a case's timeline or from a record
# of the case starts with the case.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Sok Dara"
ok cw person add --name "Chhim Sithar"
ok cw case add --title "Boeung Kak land case" --defendant "Sok Dara"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar"
ok cw log hearing --case "Boeung Kak land case" --date 2024-01-10 --outcome adjourned

# M from where a case is named starts the milestone with it (scripted mode): from a case's
# timeline (t on the case) with its defendant too; from a hearing of the case, shown.
keys '1/Boeung<Enter><Enter>t<Dump>M<Dump>' 110x30
screen 1
printf '%s\n' "$screen" | grep -qF "timeline of Sok Dara" || fail "t on the case: $screen"
screen 2
printf '%s\n' "$screen" | grep -q "^ *person \*: Sok Dara *$" || fail "M from the case's timeline, no person: $screen"
printf '%s\n' "$screen" | grep -q "^ *case: Boeung Kak land case *$" ||
	fail "M from the case's timeline does not start with the case: $screen"
keys '3/<C-u>kind:hearing<Enter><Enter><Dump>M<Dump>' 110x30
screen 1
printf '%s\n' "$screen" | grep -qF "hearing: " || fail "no hearing shown: $screen"
screen 2
printf '%s\n' "$screen" | grep -q "^ *case: Boeung Kak land case *$" ||
	fail "M from the case's hearing does not start with the case: $screen"
# From the lists: M and H on the case under the cursor of the cases' list start with it, M on
# a person of the people's list with them (a field trial pressed H on a case, as Q is pressed,
# and met an empty form). The records' list chooses nothing: its cursor starts on the newest.
keys '1/Boeung<Enter><Dump>M<Dump><Esc>H<Dump>' 110x30
screen 1
printf '%s\n' "$screen" | grep -qF "Boeung Kak land case" || fail "no case listed: $screen"
screen 2
printf '%s\n' "$screen" | grep -q "^ *case: Boeung Kak land case *$" ||
	fail "M on a case of the list does not start with it: $screen"
printf '%s\n' "$screen" | grep -q "^ *person \*: *$" || fail "M on a case chose a person: $screen"
screen 3
printf '%s\n' "$screen" | grep -q "^ *case \*: Boeung Kak land case *$" ||
	fail "H on a case of the list does not start with it: $screen"
keys '2/Chhim<Enter>M<Dump>' 110x30
printf '%s\n' "$out" | grep -q "^ *person \*: Chhim Sithar *$" ||
	fail "M on a person of the list does not start with them: $out"
# H on a person of the people's list: their latest case, as Q takes it (a hearing names no
# person of its own).
keys '2/Sok<Enter>H<Dump>' 110x30
printf '%s\n' "$out" | grep -q "^ *case \*: Boeung Kak land case *$" ||
	fail "H on a person of the list does not start with their case: $out"
keys '3/<C-u>kind:hearing<Enter>M<Dump>' 110x30
printf '%s\n' "$out" | grep -q "^ *case: *$" || fail "M on the records' list chose a case: $out"
checks=$((checks + 7))
# A timeline opened from the person names no case of theirs: the case is theirs to choose.
keys '2/Sok<Enter><Enter>M<Dump>' 110x30
has "person *: Sok Dara"
printf '%s\n' "$out" | grep -q "^ *case: *$" || fail "M from a person's timeline chose a case: $out"
checks=$((checks + 5))

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
