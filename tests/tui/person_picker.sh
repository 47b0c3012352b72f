#!/bin/sh
# The person picker's order, in tmux: names that start with the text typed first, then names
# with a word that starts with it, then names that hold it inside a word, in name order within
# each; before, every name holding it came in the order found (newest first), so "Dara" put
# "Chandara Ly" and "Sok Dara" above "Dara Chan". The names are kept between keys, and what
# changed since (an add here or by another process, a lock and unlock) is offered.
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
send y

# The names the picker offers are read once and kept between keys (at 100,000 people every
# key read each person): one added in the same session, or by another process meanwhile, is
# offered at the next key; L wipes what was kept, and the names are read again once unlocked.
send P
wait_for "New person"
send -l "Sok Pheakdey"
send C-s
wait_gone "New person"
ok cw person add --name "Ouk Pheakdey"
send M
wait_for "New milestone"
send -l "Pheak"
wait_for "> Ouk Pheakdey"
wait_for "  Sok Pheakdey"
send Escape
send Escape
send y
wait_gone "New milestone"
send L
wait_for "casewatch is locked — passphrase:"
checks=$((checks + 1))
set +e
mem=$("${PYTHON3:-python3}" "$TOP_SRCDIR/tests/tui/stack_scan.py" \
	"$(T display-message -p -t cw '#{pane_pid}')" Pheakdey --all)
got=$?
set -e
case "$got:$mem" in
0:clean) ;;
0:found) fail "a name the picker kept is still in the process's memory after L" ;;
*) echo "(the memory was not read: $mem)" ;;
esac
ok cw person add --name "Chan Pheakdey"
send -l "$PASSPHRASE"
send Enter
wait_for "unlocked"
send M
wait_for "New milestone"
send -l "Pheakd"
wait_for "> Chan Pheakdey"
wait_for "  Ouk Pheakdey"
wait_for "  Sok Pheakdey"
send Escape
send Escape
send y
done_ok
