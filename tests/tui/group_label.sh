#!/bin/sh
# A milestone's group typed in the form is resolved as on the command line: a part of the
# label that only one of the case's groups holds is that group, saved as the case spells it
# (detention and charges find a group by its label); a label the case lacks is refused on the
# group field, and nothing is saved.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw case add --title "Boeung Kak land case" --unnamed "10 Boeung Kak protesters" \
	--custody detained --charge 494
tmux_start 110 30
wait_for " 3 Records "

# A label the case lacks: refused on the field.
send M
wait_for "New milestone"
send C-g
send -l case
send Enter
send -l "Boeung Kak"
wait_for "> Boeung Kak land case"
send Enter
send C-g
send -l date
send Enter
send -l 2024-02-05
send C-g
send -l type
send Enter
send -l arrest
send Enter
send C-g
send -l group
send Enter
send -l Zzz
send C-g
send -l count
send Enter
send -l 5
send C-s
wait_for "'Zzz' is none of the case's groups of unnamed defendants"
ok cw list records --kind milestone --json
json 'd == []'
# Part of the case's label: saved as the case spells it.
send C-g
send -l group
send Enter
send C-u
send -l Boeung
send C-s
wait_for "added milestone"
ok cw list records --kind milestone --json
json "[(m['group'], m['count']) for m in d] == [('Boeung Kak protesters', 5)]"
echo "group_label: $checks checks passed"
