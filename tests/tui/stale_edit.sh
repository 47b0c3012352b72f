#!/bin/sh
# An edit form saved after its record changed elsewhere (another process, a bundle) is refused,
# not saved over that change: it said nothing and undid the other edit, which a bundle then
# carried to every laptop. The form stays, saying why; opened again it saves.
. "$(dirname "$0")/lib.sh"
set -e

ok cw seed "$SEED_FILE"
ok cw log hearing --case "Kang Saran" --date 2030-04-01 --notes "first note"
id=$(printf '%s\n' "$out" | sed -n 's/^added hearing \([0-9a-f]*\).*/\1/p')
[ -n "$id" ] || fail "no id: $out"
tmux_start 120 40
wait_for "records | 1/"
send / 'kind:hearing since:2030' Enter
wait_for "1 records match"
send e
wait_for "Edit hearing"
# Meanwhile the command line changes the hearing.
ok cw edit "$id" --notes "EDITED ELSEWHERE"
send C-g
send judge Enter
send "Judge From The Form" C-s
wait_for "record: not saved: changed since it was opened (by"
ok cw show "$id"
has "EDITED ELSEWHERE"
lacks "Judge From The Form"
# Opened again, the form starts from that change and saves.
send Escape
wait_for "Discard the changes to this hearing? y/N"
send y
wait_for "form discarded"
send e
wait_for "Edit hearing"
send C-g
send judge Enter
send "Judge From The Form" C-s
wait_for "saved hearing"
ok cw show "$id"
has "EDITED ELSEWHERE"
has "Judge From The Form"
send q
done_ok
