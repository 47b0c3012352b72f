#!/bin/sh
# A group of unnamed defendants in the case form: its number and label ("8 union
# activists"), given the custody and charges typed for the case's defendants, as the command
# line's --unnamed gives them; editing the case with the group's label and another number
# corrects that number instead of adding a second group; a field with neither a number nor a
# label is refused on the field, and nothing is saved.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Chhim Sithar"
tmux_start 120 30
wait_for " 3 Records "

send C
wait_for "New case"
send C-g title Enter 'NagaWorld strike'
send C-g defendant Enter 'Chhim Sithar'
send C-g custody Enter
send -l detained
send C-g charges Enter 494/495
send C-g unnamed Enter
wait_for "groups the sources do not name"
send -l '8 NagaWorld union members; 3rd district protesters'
send C-s
wait_for "added case"
ok cw show "NagaWorld strike" --json
json "[(x.get('person_name'), x.get('label'), x.get('unnamed_count'), x.get('custody'), len(x.get('charges', []))) for x in d['defendants']] == [('Chhim Sithar', None, None, 'detained', 2), (None, 'NagaWorld union members', 8, 'detained', 2), (None, '3rd district protesters', None, 'detained', 2)]"

# The same label (any letter case) with another number is that group, its number corrected.
send 1 / 'NagaWorld strike' Enter
wait_for "1 case matches"
send e
wait_for "Edit case"
wait_for "8 unnamed NagaWorld union members ("
send C-g unnamed Enter
send -l '11 nagaworld UNION members'
send C-s
wait_for "saved case"
ok cw show "NagaWorld strike" --json
json "[(x.get('label'), x.get('unnamed_count')) for x in d['defendants'] if x.get('label')] == [('NagaWorld union members', 11), ('3rd district protesters', None)]"

# Saved with nothing changed: nothing written (no new version to travel and conflict).
ok cw audit --json
edits=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(len(json.load(sys.stdin)))')
send e
wait_for "Edit case"
send C-s
wait_for "nothing changed: case "
ok cw audit --json
json "len(d) == $edits"

# Neither a number nor a label: refused on the field, nothing saved.
send e
wait_for "Edit case"
send C-g unnamed Enter
# The field's hint is wider than the screen: it takes a second row, not cut at the edge.
wait_for "separated by ;"
send -l ' ; 0 protesters'
send C-s
wait_for "'0 protesters' is no number of people"
ok cw show "NagaWorld strike" --json
json "len(d['defendants']) == 3"
# One group twice in the field, with two numbers: which is meant cannot be told, refused.
send C-g unnamed Enter
send C-u
send -l '3 villagers; 4 VILLAGERS'
send C-s
wait_for "'4 VILLAGERS' names a group given already in this field"
ok cw show "NagaWorld strike" --json
json "len(d['defendants']) == 3"
# A number alone: a group no event could name, refused with what to give.
send C-g unnamed Enter
send C-u
send -l '8'
send C-s
wait_for "give the group a label too"
# The error is longer than the row under the field: wrapped, not cut at the screen's edge.
wait_for "verdicts can name it"
ok cw show "NagaWorld strike" --json
json "len(d['defendants']) == 3"
echo "case_groups: $checks checks passed"
