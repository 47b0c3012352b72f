#!/bin/sh
# A visit edited in the form keeps each detainee's access to a lawyer and family (given on the
# command line: the form has no field for it), and a detainee taken out of the people met takes
# their access with them: else validation refused the save (an access of someone not met) and
# nothing on the form could take it out.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Eng Sroy"
ok cw person add --name "Sok Meas"
ok cw log visit --facility "Prey Sar CC2" --date 2024-04-04 --detainee "Eng Sroy" \
	--detainee "Sok Meas" --lawyer-access "Eng Sroy=denied" --family-access "Sok Meas=restricted"
id=$(printf '%s\n' "$out" | sed -n 's/^added visit \([0-9a-f]*\).*/\1/p')
[ -n "$id" ] || fail "no id: $out"
tmux_start 120 40
wait_for "1 record | 1/1"
send e
wait_for "Edit visit"
send C-g
send -l notes
send Enter
send -l "seen in the yard"
send C-s
wait_for "saved visit"
ok cw show "$id" --json
json "[(a['person_name'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('Eng Sroy', 'denied', None), ('Sok Meas', None, 'restricted')]"
json "d['notes'] == 'seen in the yard'"
send e
wait_for "Edit visit"
send C-g
send -l detainees
send Enter
send C-u
send -l "Eng Sroy"
send C-s
wait_for "saved visit"
ok cw show "$id" --json
json "[(a['person_name'], a.get('lawyer_access')) for a in d['detainee_access']] == [('Eng Sroy', 'denied')]"
json "d['detainees_names'] == ['Eng Sroy']"
done_ok
