#!/bin/sh
# damaged_suggest.sh - a form's suggestions (the people, cases, prisons a picker offers as one
# types, a milestone's person's cases, the records another account of the event may be) read
# records and names; one that cannot be read (its sealed value altered behind casewatch's
# back, $TAMPER) is said on the form's message line, in the store's words that name it and say
# what to do ('casewatch verify', a backup restored), and nothing is offered. The suggestions
# were empty, or left the record out, with no word of why: a monitor took a damaged person for
# one not held here, and could type them in again as new.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw person add --name "Chhun Rong"
ok cw person add --name "Kang Saran"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar"
ok cw case add --title "Saran case" --defendant "Kang Saran"
ok cw log milestone --person "Chhun Rong" --date 2024-01-04 --type arrest
ok cw log visit --facility "Prey Sar" --date 2024-02-02 --access denied --source "own observation"
# id_of REF: the full hex id of a record.
id_of() {
	ok cw show "$1" --json
	printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
rong=$(id_of "Chhun Rong")
naga=$(id_of "NagaWorld")
saran=$(id_of "Saran case")
# The last name entry: the facility's (prisons are the last kind of name, store.h).
facility=$("$TAMPER" "$DB" last names)
WHOLE=$DB

# damaged NAME TABLE KEY: a copy of the database, in $DB from now on, whose entry KEY of TABLE
# no longer opens; and casewatch started on it in tmux, 250 columns wide (the message whole on
# one line).
damaged() {
	T kill-server >/dev/null 2>&1 || :
	DB="$WORK/$1"
	rm -rf "$DB"
	cp -r "$WHOLE" "$DB"
	"$TAMPER" "$DB" flip "$2" "$3"
	tmux_start 250 30
	wait_for " 1 Cases "
}
# says TEXT: the pane shows TEXT and the store's advice after it.
says() {
	wait_for "$1"
	wait_for "the database was altered or is damaged ('casewatch verify' lists what is; 'casewatch restore BACKUP --db DIR' brings back a backup)"
}
# offered TEXT: whether the pane shows TEXT as a suggestion (fails when it does).
not_offered() {
	capture
	checks=$((checks + 1))
	! printf '%s\n' "$pane" | grep -qF -- "> $1" || fail "'$1' is offered:
$pane"
}

# A visit's detainees: typing a name reads the people; one of them cannot be read.
damaged people records "$rong"
send V
wait_for "New visit"
send C-g
send -l detainees
send Enter
send -l Ch
says "no suggestions: the stored record $rong fails its authentication"
not_offered "Chhim Sithar"
# The form goes on: the message goes with the text, and what is typed stays.
send C-u
wait_gone "no suggestions:"
send -l "Chhim"
says "no suggestions: the stored record $rong fails its authentication"
wait_for "detainees: Chhim"

# At 80 columns the message takes three rows, and its end, what to do, is read.
T kill-server >/dev/null 2>&1 || :
tmux_start 80 24
wait_for " 1 Cases "
send V
wait_for "New visit"
send C-g
send -l detainees
send Enter
send -l Ch
wait_for "no suggestions: the stored record $rong"
wait_for "brings back a backup)"

# A hearing's case: typing a title reads the cases.
damaged cases records "$naga"
send H
wait_for "New hearing"
send -l Naga
says "no suggestions: the stored record $naga fails its authentication"
not_offered "NagaWorld strike"

# A visit's prison: typing reads the names of prisons in use, one of which cannot be read.
damaged names names "$facility"
send V
wait_for "New visit"
send -l Prey
says "no suggestions: a stored name entry fails its authentication"
not_offered "Prey Sar"

# A milestone's case, once its person is named: the person's cases are offered as the cursor
# comes to it; one that cannot be read is said, never a case field left with nothing to
# offer. Typing the person's name reads people's names alone: the person, whole, is offered,
# and nothing is said of their case until the case field.
damaged saran records "$saran"
send M
wait_for "New milestone"
send -l "Kang Saran"
wait_for "> Kang Saran"
capture
checks=$((checks + 1))
! printf '%s\n' "$pane" | grep -qF "no suggestions:" || fail "the person's field reads cases:
$pane"
send Tab
wait_for "case | type a name"
says "no suggestions: the stored record $saran fails its authentication"
not_offered "Saran case"

# The records another account may be (C-n on "same event as"): a milestone whose person
# cannot be read is offered by its id alone, and why is said.
damaged links records "$rong"
send M
wait_for "New milestone"
send C-g
send -l "same event"
send Enter
send C-n
says "a suggestion shows only its id: the stored record $rong fails its authentication"
T kill-server >/dev/null 2>&1 || :
echo "damaged_suggest: $checks checks"
