#!/bin/sh
# What the command line warns of when a record is saved, the terminal interface says too, in
# its status line (app/advice.h), every warning whole at 80 columns (up to three lines above
# the status line's end): a bail logged with no outcome is read as granted, and an arrest
# dated after today counts nowhere yet. A milestone with nothing to know says only that it
# was added. `!` shows the last save's warnings whole, with their fixes.
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
# The status line goes at the next key and is cut at its two lines: ! shows the last save's
# warnings whole, each with how to put it right, until the next save.
wait_for "(! shows fixes)"
send '!'
wait_for "Warnings on saving milestone "
wait_for "1. this release has no outcome, so it is read as granted"
wait_for "   if it was refused: casewatch edit "
wait_for "2. this milestone is dated 2099-04-01"
wait_for "warnings | j/k scroll"
send q
wait_for " 3 Records "
send '!'
wait_for "2. this milestone is dated 2099-04-01"
send q
# On a narrow screen the warnings are cut before the hint, never the hint.
T resize-window -t cw -x 60 -y 24
milestone "Sok Dara" release 2099-05-01
wait_for "(! shows fixes)"
T resize-window -t cw -x 80 -y 24
# a save with nothing to know lets them go
milestone "Sok Dara" arrest 2024-01-06
wait_for "added milestone "
send '!'
wait_for "the last save gave no warnings"
# An article the built-in table does not know: the command line warns as it reads
# --charge; the form said nothing ("4945" typed for 494/495 keeps a case out of the 494/495
# filter and the report's count)
send C
wait_for "New case"
send -l "Typo case"
send C-g
send -l defend
send Enter
send -l "Sok Dara"
wait_for "> Sok Dara"
send C-g
send -l charges
send Enter
send -l 4945
send C-s
wait_for ": article 4945 is not in the built-in table"
send '!'
wait_for "check it: 'casewatch articles' lists the articles the table knows"
send q

# hearing CASE DATE [FIELD VALUE]: fills the hearing form and saves it
hearing() {
	send H
	wait_for "New hearing"
	send -l "$1"
	wait_for "> $1"
	send Enter
	send -l "$2"
	if [ $# -gt 2 ]; then
		send C-g
		send -l "$3"
		send Enter
		send -l "$4"
	fi
	send C-s
}

# A verdict on an article the case does not charge moves no charge, and the report lists it:
# said as the command line says it, with the edits that put it right.
hearing "Typo case" 2024-02-01 verdicts "494=convicted@Sok Dara"
wait_for ": a verdict of this hearing ("
wait_for "494, which case"
wait_for "(Typo case) does not charge (its charges: 4945)"
send '!'
wait_for "if the article is wrong: casewatch edit "
send q
# A verdict milestone on such an article is a ruling too: said as the hearing's verdict is,
# and as the command line says it (a milestone's said nothing).
send M
wait_for "New milestone"
send -l "Sok Dara"
wait_for "> Sok Dara"
send Enter
send -l "Typo case"
wait_for "> Typo case"
send Enter
send C-g
send -l date
send Enter
send -l 2024-02-02
send C-g
send -l type
send Enter
send -l verdict
send C-g
send -l result
send Enter
send -l convicted
send C-g
send -l article
send Enter
send -l 494
send C-s
wait_for ": this verdict ("
wait_for "(Typo case) does not charge (its charges: 4945)"
send '!'
wait_for "--clear article and casewatch edit"
send q
# A hearing dated years before its case began (2014 typed for 2024): said, as a date after
# today is.
hearing "Boeung Kak land case" 2014-02-20
wait_for ": this hearing is dated 2014-02-20, a year or more before"
wait_for "the first arrest, detention or charge logged in case"
send '!'
wait_for "check the year: casewatch edit "
send q
# The same hearing logged on the command line and then in the form: said, naming the one
# already there, with the link that makes it count once.
ok cw log hearing --case "Boeung Kak land case" --date 2024-03-01 --view own
first=$(printf '%s\n' "$out" | awk '{print $3}' | cut -c1-8)
hearing "Boeung Kak land case" 2024-03-01
wait_for ": hearing $first of case "
wait_for "on 2024-03-01 is already recorded, from the same source"
send '!'
wait_for "--same-event $first"
send q
done_ok
