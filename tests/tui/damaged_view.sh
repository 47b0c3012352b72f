#!/bin/sh
# A view of a record that cannot be read (its sealed value altered behind casewatch's back,
# $TAMPER) says the store's error, naming the record, never that the record is gone: "this
# person is gone" and "this record is gone (deleted, ...)" had the monitor take a damaged
# record for one deleted. So does a form a view starts with what it names.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Sam Rainsy"
ok cw case add --title "Rainsy case" --defendant "Sam Rainsy"
# id_of REF: the full hex id of a record.
id_of() {
	ok cw show "$1" --json
	printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
sam=$(id_of "Sam Rainsy")
kase=$(id_of "Rainsy case")

# The record view open when its record is damaged (by the disk, or another process): the next
# draw says so.
tmux_start 200 30
wait_for " 1 Cases "
send 1 Enter
wait_for "Rainsy case"
wait_for "e edit, d delete"
"$TAMPER" "$DB" flip records "$kase"
send Down
wait_for "the stored record $kase fails its authentication"
capture
checks=$((checks + 1))
! printf '%s\n' "$pane" | grep -q "is gone" || fail "a damaged record is said gone: $pane"
send q
T kill-server >/dev/null 2>&1 || :

# H on a person starts a hearing in their latest case: one of their cases that cannot be read
# is said in the form, never a form left without a case and no word of why.
keys '2H<Dump>' 200x30
has "New hearing"
has "the stored record $kase fails its authentication"

# t on a case whose defendant's record cannot be read: the timeline says why. (The case
# flipped back is whole again.)
"$TAMPER" "$DB" flip records "$kase"
"$TAMPER" "$DB" flip records "$sam"
keys '1t<Dump>' 200x30
has "the stored record $sam fails its authentication"
lacks "is gone"
echo "damaged_view: $checks checks"
