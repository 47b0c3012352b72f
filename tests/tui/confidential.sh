#!/bin/sh
# Confidential records in the terminal interface (issue 17): lists mark a confidential record
# "[C]" and one with confidential fields, or of a confidential case, or naming a confidential
# person, "[c]" before its name, the record view says so under its heading and labels each confidential field, and the forms
# toggle the mark (a new person's, then an edit's), which the command line then shows. In tmux.
. "$(dirname "$0")/lib.sh"
set -e

ok cw seed "$SEED_FILE"
ok cw person add --name "Zebrafinch Witness" --confidential
ok cw person add --name "Platypus Source" --confidential-field name
ok cw log hearing --case ref:c-nagaworld-lrsu-incitement --date 2024-02-07 --outcome adjourned \
	--notes "Quokkaword testimony" --confidential-field notes
# A hearing not marked itself, of a confidential case: reports read its case as
# "[confidential]", so the list marks it "[c]" (it was bare).
ok cw case add --title "Sealed Pangolin case" --court "Phnom Penh Municipal Court" --confidential
ok cw log hearing --case "Sealed Pangolin case" --date 2024-02-06 --outcome adjourned
# Nor one whose case names a confidential defendant: reports read that person as
# "[confidential]", so the hearing and the case are marked "[c]"; the plain case's are not.
ok cw person add --name "Secret Axolotl Witness" --confidential
ok cw case add --title "Guarded Axolotl case" --court "Kandal Provincial Court" \
	--defendant "Secret Axolotl Witness"
ok cw case add --title "Plain Axolotl case" --court "Kandal Provincial Court"
ok cw log hearing --case "Guarded Axolotl case" --date 2024-02-05 --outcome adjourned
ok cw log hearing --case "Plain Axolotl case" --date 2024-02-04 --outcome adjourned

tmux_start 120 40
wait_for " 3 Records "
# The people list: the marks before the names, nothing before the others.
send 2 / Zebrafinch Enter
wait_for "[C] Zebrafinch Witness"
send Escape / Platypus Enter
wait_for "[c] Platypus Source"
send Escape / 'Chhim Sithar' Enter
wait_for "Chhim Sithar"
capture
printf '%s\n' "$pane" | grep -q '\[[Cc]\] Chhim' && fail "a mark on a record that has none: $pane"
# The records list and the record view of the hearing with confidential notes.
send Escape 3 / Quokkaword Enter
wait_for "[c] NagaWorld"
send Enter
wait_for "Notes (confidential)"
send Escape
send Escape / Pangolin Enter
wait_for "[c] Sealed Pangolin case"
send Escape / Axolotl Enter
wait_for "[c] Guarded Axolotl case"
wait_for "Plain Axolotl case"
capture
printf '%s\n' "$pane" | grep -q '\[[Cc]\] Plain Axolotl' && fail "a mark on a plain hearing: $pane"
send Escape 1 / Axolotl Enter
wait_for "[c] Guarded Axolotl case"
wait_for "Plain Axolotl case"
capture
printf '%s\n' "$pane" | grep -q '\[[Cc]\] Plain Axolotl' && fail "a mark on a plain case: $pane"

# A new person, made confidential in the form: C-g to the field, Space toggles it.
send Escape 2 P
wait_for "New person"
send 'Narwhal Informant'
send C-g confidential Enter Space
wait_for "confidential:  no  [yes]"
send C-s
wait_for "added person"
ok cw show "Narwhal Informant"
has "confidential         yes"
send / Narwhal Enter
wait_for "[C] Narwhal Informant"
# Edited: the mark comes off, and the list shows it gone.
send e
wait_for "Edit person"
send C-g confidential Enter Space
wait_for "confidential: [no]  yes"
send C-s
wait_for "saved person"
wait_gone "[C] Narwhal"
ok cw show "Narwhal Informant"
lacks "confidential         yes"
done_ok
