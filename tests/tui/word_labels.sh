#!/bin/sh
# Fields of several words (a person's roles) as a new user met them, in tmux: the field, its
# suggestions, its hint and an edit of a saved record show the words by their labels in the
# interface's language ("union leader", never the stored union_leader), as a choice field
# shows its word; a label's start completes it (Tab stays in the field, for another word) and
# the stored word is still taken; what is saved is the stable word. Then the same in Khmer.
. "$(dirname "$0")/lib.sh"
set -e

# km MSGID: the Khmer of a msgid, from the build tree's catalogue (so the test follows km.po).
km() { TEXTDOMAINDIR="$CASEWATCH_LOCALEDIR" LC_ALL=C.UTF-8 LANGUAGE=km gettext casewatch "$1"; }

ok cw init
ok cw person add --name "Sok Dara" --role union_leader --role journalist
tmux_start 110 30
wait_for " 3 Records "

# ---- 1. a new person's roles, in English -------------------------------------------------
send P
wait_for "New person"
send -l "Chea Vanna"
send C-g
send -l roles
send Enter
wait_for "(Tab completes): human rights defender, journalist, social"
send -l "union l"
wait_for "> union leader"
# Nothing on the screen shows a stored word.
capture
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -qE "union_leader|union_member|land_activist" &&
	fail "the field of words shows stored words:
$pane"
send Tab
# Completed, with the separator after it: the next word is typed straight on.
wait_for "roles: union leader,"
# The stored word typed is taken, and shown by its label.
send -l "hrd"
send Tab
wait_for "roles: union leader, human rights defender"
send Tab
wait_for "roles: human rights defender, union leader"
send C-s
wait_for "added person"
ok cw list persons --json
json '[p["roles"] for p in d if p["name"] == "Chea Vanna"] == [["hrd", "union_leader"]]'

# ---- 2. an edit shows the saved words by their labels -----------------------------------
send 2 / 'Sok Dara' Enter
wait_for "Sok Dara"
send e
wait_for "Edit person"
wait_for "roles: journalist, union leader"
send C-g
send -l roles
send Enter
send End
send -l ", youth"
send Tab
wait_for "roles: journalist, union leader, youth activist"
send C-s
wait_for "saved person"
ok cw list persons --json
json '[p["roles"] for p in d if p["name"] == "Sok Dara"] == [["journalist", "union_leader", "youth_activist"]]'
T kill-server
sleep 0.2

# ---- 3. in Khmer: the Khmer labels, a Khmer label's start completes it ------------------
TMUX_ENV="LC_ALL= LANGUAGE= LANG=km_KH.UTF-8"
tmux_start 110 30
wait_for "$(km "3 Records")"
send P
wait_for "$(km "New") $(km "person")"
send -l "Keo Sopha"
send C-g
send -l roles
send Enter
wait_for "$(km "human rights defender"), $(km "journalist")"
send -l "មេដឹក"
wait_for "> $(km "union leader")"
send Tab
wait_for "$(km "roles"): $(km "union leader"),"
send -l "student"
send Tab
wait_for "$(km "roles"): $(km "union leader"), $(km "student")"
send Tab
wait_for "$(km "roles"): $(km "union leader"), $(km "student")"
capture
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -qE "union_leader|union leader" &&
	fail "the Khmer field of words shows English:
$pane"
send C-s
wait_gone "$(km "New") $(km "person")"
ok cw list persons --json
json '[p["roles"] for p in d if p["name"] == "Keo Sopha"] == [["union_leader", "student"]]'
done_ok
