#!/bin/sh
# A visit's form gives each detainee's access to a lawyer and to family, as the command line's
# --lawyer-access and --family-access do: a field for each, "NAME=WORD; ..." (tmux). An edit
# that leaves them as they were keeps the record's entries; one that changes a field gives
# that access anew. Saving refuses what the command line refuses (a word that is no access, a
# detainee named twice, someone the visit did not meet), naming the field, nothing written;
# a detainee taken out of the people met is taken out of these fields too, or the save is
# refused naming them. A new person met, added by the save, gets the access typed for them. A
# visit refused access (access denied) met no one: any detainee's access given there is refused.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Eng Sroy"
ok cw person add --name "Sok Meas"
ok cw person add --name "Chhun Dara"
ok cw log visit --facility "Prey Sar CC2" --date 2024-04-04 --detainee "Eng Sroy" \
	--detainee "Sok Meas" --lawyer-access "Eng Sroy=denied" --family-access "Sok Meas=restricted"
id=$(added_id visit)
[ -n "$id" ] || fail "no id: $out"
tmux_start 120 40
wait_for "1 record | 1/1"

# ---- the form shows what the record holds; an edit of another field keeps it --------------
send e
wait_for "Edit visit"
wait_for "Eng Sroy=denied"
wait_for "Sok Meas=restricted"
send C-g
send -l notes
send Enter
send -l "seen in the yard"
send C-s
wait_for "saved visit"
ok cw show "$id" --json
json "[(a['person_name'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('Eng Sroy', 'denied', None), ('Sok Meas', None, 'restricted')]"
json "d['notes'] == 'seen in the yard'"

# ---- set and changed in the form -----------------------------------------------------------
send e
wait_for "Edit visit"
send C-g
send -l "lawyer access"
send Enter
send C-u
send -l "Eng Sroy=restricted; Sok Meas=granted"
send C-g
send -l "family access"
send Enter
send C-u
send -l "Eng Sroy=denied;Sok Meas = restricted"
send C-s
wait_for "saved visit"
ok cw show "$id" --json
json "[(a['person_name'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('Eng Sroy', 'restricted', 'denied'), ('Sok Meas', 'granted', 'restricted')]"
ok cw show "$id"
has "lawyer access        restricted"
has "family access        denied"

# ---- refused as the command line refuses, the database as it was ---------------------------
before=$(db_snapshot)
send e
wait_for "Edit visit"
send C-g
send -l "family access"
send Enter
send C-u
send -l "Eng Sroy=free"
send C-s
wait_for "'free' is not an access: granted, restricted, denied or unknown"
send C-u
send -l "Eng Sroy=denied; Eng Sroy=granted"
send C-s
wait_for "'Eng Sroy' is given twice, denied and granted: give each detainee's access once"
send C-u
send -l "Chhun Dara=denied"
send C-s
wait_for "'Chhun Dara' is not among the detainees the visit met: name them in"
send C-u
send -l "Nobody Here=denied"
send C-s
wait_for "no person matches 'Nobody Here'"
send C-u
send -l "Eng Sroy"
send C-s
wait_for "'Eng Sroy': write NAME=WORD, e.g. Eng Sroy=denied"
[ "$(db_snapshot)" = "$before" ] || fail "a refused save changed the database"
checks=$((checks + 1))

# ---- a detainee taken out of the people met: refused until their access goes too ----------
send C-u
send -l "Eng Sroy=denied"
send C-g
send -l detainees
send Enter
send C-u
send -l "Eng Sroy"
send C-s
wait_for "'Sok Meas' is not among the detainees the visit met"
[ "$(db_snapshot)" = "$before" ] || fail "a refused save changed the database"
checks=$((checks + 1))
send C-g
send -l "lawyer access"
send Enter
send C-u
send -l "Eng Sroy=restricted; Sok Meas=unknown"
send C-s
wait_for "saved visit"
ok cw show "$id" --json
json "[(a['person_name'], a.get('lawyer_access'), a.get('family_access')) for a in d['detainee_access']] == [('Eng Sroy', 'restricted', 'denied')]"
json "d['detainees_names'] == ['Eng Sroy']"

# ---- a new visit: someone met for the first time, added by the save, given their access ----
send V
wait_for "New visit"
send C-g facility Enter 'CC1'
send C-g date Enter '2024-04-18'
send C-g detainees Enter 'Chhun Dara; Mean Sreyleak'
send C-g
send -l "lawyer access"
send Enter
# Given two words, someone the save adds is refused before the question (it was asked, and
# the save refused once the answer was yes).
send -l "Mean Sreyleak=denied; Chhun Dara=granted; Mean Sreyleak=restricted"
send C-s
wait_for "'Mean Sreyleak' is given twice, denied and restricted: give each detainee's access once"
capture
printf '%s\n' "$pane" | grep -qF "add this person and save" && fail "asked before refusing: $pane"
send C-u
send -l "Mean Sreyleak=denied; Chhun Dara=granted"
send C-s
wait_for "Mean Sreyleak is not in the database yet: add this person and save? y/N"
send y
wait_for "added Mean Sreyleak; added visit "
ok cw list records --kind visit --json
json "[sorted((a['person_name'], a.get('lawyer_access')) for a in v['detainee_access']) for v in d if v['facility'] == 'CC1'] == [[('Chhun Dara', 'granted'), ('Mean Sreyleak', 'denied')]]"
# ---- a visit refused access met no one: saving its detainee's access is refused ------------
before=$(db_snapshot)
send V
wait_for "New visit"
send C-g facility Enter 'CC3'
send C-g date Enter '2024-04-19'
send C-g access Enter
send -l denied
send C-g detainees Enter 'Chhun Dara'
send C-g
send -l "lawyer access"
send Enter
send -l "Chhun Dara=denied"
send C-s
wait_for "'Chhun Dara' was not met: the visit was refused access"
[ "$(db_snapshot)" = "$before" ] || fail "a refused save changed the database"
checks=$((checks + 1))
# Someone the save would add is refused so too, by name, before the save asks to add them
# (asked, then refused once the answer was yes, naming the start of an id never written).
send C-g
send -l "lawyer access"
send Enter
send C-u
send -l "Pich Sokha=denied"
send C-g detainees Enter
send C-u
send -l "Pich Sokha"
send C-s
wait_for "'Pich Sokha' was not met: the visit was refused access"
capture
printf '%s\n' "$pane" | grep -qF "add this person and save" && fail "asked before refusing: $pane"
[ "$(db_snapshot)" = "$before" ] || fail "a refused save changed the database"
checks=$((checks + 1))

# ---- one that holds such access all the same (imported) says it in the detainee's timeline as
# the report's row does: not counted, and why; the visit that met them as before -------------
T kill-session -t cw
DB="$WORK/refused"
ok cw init
ok cw person add --name "Eng Sroy"
sroy=$(added_id person)
ok cw log visit --facility "Prey Sar CC2" --date 2024-05-07 --access granted \
	--detainee "Eng Sroy" --lawyer-access "Eng Sroy=restricted"
printf '%s\n' "{\"kind\": \"visit\", \"ref\": \"v-gate\", \"facility\": \"Prey Sar CC2\", \"date\": \"2024-05-08\", \"access\": \"denied\", \"detainees\": [\"$sroy\"], \"detainee_access\": [{\"person\": \"$sroy\", \"lawyer_access\": \"denied\"}]}" >"$WORK/gate.jsonl"
ok cw import "$WORK/gate.jsonl"
# Wide enough for the whole line: the outcome column is cut to the terminal as every one is.
tmux_start 420 30
wait_for "2 records | 1/2"
send 3
send /
send C-u
send -l "kind:visit since:2024-05-08"
send Enter
send t
wait_for "timeline of Eng Sroy"
wait_for "access denied; recorded at a visit that did not meet them, not counted: lawyer access denied: Eng Sroy"
capture
printf '%s\n' "$pane" | grep -q "2024-05-07 .*access granted; lawyer access restricted: Eng Sroy *$" ||
	fail "the visit that met them: $pane"
checks=$((checks + 1))
# The record view says it where it lists that access, in the same words, under its heading.
send h
wait_for "1 record matches"
send Enter
wait_for "Source and history"
capture
[ "$(printf '%s\n' "$pane" | grep -c "not counted")" = 1 ] &&
	printf '%s\n' "$pane" | grep -A1 "^Detainee access (1)" | sed -n 2p |
	grep -q "^  recorded at a visit that did not meet them, not counted *$" ||
	fail "the record view: $pane"
checks=$((checks + 1))
done_ok
