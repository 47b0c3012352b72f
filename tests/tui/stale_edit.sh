#!/bin/sh
# An edit form saved after its record changed elsewhere (another process, a bundle) is refused,
# not saved over that change: it said nothing and undid the other edit, which a bundle then
# carried to every laptop. The form is put on the changed version with the user's changes on
# top, says so, and saves when the user saves again.
. "$(dirname "$0")/lib.sh"
set -e

# The clock set, and Phnom Penh's time zone (UTC+7) on the screen: the other change's time is
# said in local time, as every other time there (it read "... UTC" beside "17:54 (UTC+7)").
export CASEWATCH_NOW=2030-04-02T03:00:00Z
TMUX_ENV="TZ=Asia/Phnom_Penh CASEWATCH_NOW=$CASEWATCH_NOW"
ok cw seed "$SEED_FILE"
ok cw log hearing --case "Kang Saran" --date 2030-04-01 --notes "first note"
id=$(added_id hearing)
[ -n "$id" ] || fail "no id: $out"
tmux_start 120 40
wait_for "records | 1/"
send / 'kind:hearing since:2030' Enter
wait_for "1 record matches"
send e
wait_for "Edit hearing"
# Meanwhile the command line changes the hearing, at 03:54:30 UTC.
ok env CASEWATCH_NOW=2030-04-02T03:54:30Z "$CASEWATCH" --db "$DB" edit "$id" \
	--notes "EDITED ELSEWHERE"
send C-g
send judge Enter
send "Judge From The Form" C-s
# Refused, and the form put on the changed hearing with the judge typed on top: nothing of
# either change is lost, and nothing is written until the user has seen it and saves again.
wait_for "not saved: changed since it was opened (by test monitor, 2030-04-02 10:54:3"
wait_for "(UTC+7)); your changes are now on that"
wait_for "check them and save again"
wait_for "EDITED ELSEWHERE"
ok cw show "$id"
has "EDITED ELSEWHERE"
lacks "Judge From The Form"
send C-s
wait_for "saved hearing"
ok cw show "$id"
has "EDITED ELSEWHERE"
has "Judge From The Form"
# Both sides change the notes: the form's text is kept and the message names the field.
send e
wait_for "Edit hearing"
send C-g
send notes Enter
send C-u "NOTES FROM THE FORM"
ok cw edit "$id" --notes "NOTES FROM THE LINE"
send C-s
wait_for "changed there too, your text kept: notes"
# The other words are shown under the user's, so that saving again is a choice made seeing
# them, not an overwrite unseen.
wait_for "other version: NOTES FROM THE LINE"
send C-s
wait_for "saved hearing"
ok cw show "$id"
has "NOTES FROM THE FORM"
has "Judge From The Form"
lacks "NOTES FROM THE LINE"
send q
done_ok
