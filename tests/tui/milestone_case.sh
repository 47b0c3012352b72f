#!/bin/sh
# A milestone's person and case, as a new user met them, in tmux: the person field's hint
# names no command-line option.
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
done_ok
