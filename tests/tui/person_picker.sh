#!/bin/sh
# The person picker's order, in tmux: names that start with the text typed first, then names
# with a word that starts with it, then names that hold it inside a word, newest first within
# each; before, every name holding it came in the order found (newest first), so "Dara" put
# "Chandara Ly" and "Sok Dara" above "Dara Chan".
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Dara Chan"
ok cw person add --name "Sok Dara"
ok cw person add --name "Chandara Ly"
tmux_start 100 30
wait_for " 3 Records "

send M
wait_for "New milestone"
send -l "Dara"
wait_for "> Dara Chan"
capture
checks=$((checks + 1))
line_of() {
	printf '%s\n' "$pane" | grep -n "$1" | head -1 | cut -d: -f1
}
first=$(line_of "Dara Chan")
second=$(line_of "Sok Dara")
third=$(line_of "Chandara Ly")
[ -n "$first" ] && [ -n "$second" ] && [ -n "$third" ] &&
	[ "$first" -lt "$second" ] && [ "$second" -lt "$third" ] ||
	fail "not start, then word, then inside:
$pane"
send Escape
send Escape
done_ok
