#!/bin/sh
# What the command line warns of when a record is saved, the terminal interface says too, in
# its status line (app/advice.h), every warning whole at 80 columns (up to three lines above
# the status line's end): a bail logged with no outcome is read as granted, and an arrest
# dated after today counts nowhere yet. A milestone with nothing to know says only that it
# was added.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Sok Dara"
ok cw case add --title "Boeung Kak land case" --defendant "Sok Dara" --custody detained
tmux_start 80 24
wait_for " 3 Records "

# milestone PERSON TYPE DATE: fills the milestone form and saves it
milestone() {
	send M
	wait_for "New milestone"
	send -l "$1"
	wait_for "> $1"
	send Enter
	wait_for "> Boeung Kak land case"
	send Enter
	send C-g
	send -l date
	send Enter
	send -l "$3"
	send C-g
	send -l type
	send Enter
	send -l "$2"
	send Enter
	send C-s
}

milestone "Sok Dara" arrest 2024-01-05
wait_for "added milestone "
capture
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -q "no outcome\|after today" && fail "a warning for a plain arrest:
$pane"
milestone "Sok Dara" bail 2024-02-01
wait_for ": this bail has no outcome, so it is read as granted"
milestone "Sok Dara" arrest 2099-03-01
wait_for ": this milestone is dated 2099-03-01, after today"
# two at once, both shown
milestone "Sok Dara" release 2099-04-01
wait_for ": this release has no outcome, so it is read as"
wait_for "this milestone is dated 2099-04-01"
done_ok
