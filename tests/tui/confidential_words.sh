#!/bin/sh
# A form's confidential fields offer only the fields its kind has (models/confidential.c): a
# prison visit's form listed a person's "name (Latin and Khmer script)" and "affiliation", and
# a milestone's "detail", which saving then refused; "det" was "detail" or "detainees" to
# choose from. The hint lists the visit's five, Tab completes from them alone, a person's word
# is refused where it is typed with the visit's words as the ones to use, and what is chosen
# is saved: the notes, the concerns and the detainees the trial withheld together. In tmux.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init

tmux_start 100 40
wait_for " Records "
send V
wait_for "New visit"
send 'Prey Sar'
send C-g 'date' Enter '2024-03-01'
send C-g 'confidential fields' Enter
wait_for "(Tab completes): source, notes, follow-up, concerns, detainees"
capture
printf '%s\n' "$pane" | grep -q "Latin and Khmer script" &&
	fail "a visit's form offers a person's name: $pane"
# "n" is only "notes" on a visit, "det" only "detainees": each completes at once.
send n Tab det Tab conc Tab
wait_for "confidential fields: notes, detainees, concerns,"
# A person's field, typed: refused where it is, naming the visit's words alone.
send name
send C-g 'date' Enter
wait_for "'name' is none of the words (spaces or commas between them): source,"
capture
printf '%s\n' "$pane" | grep -q "affiliation" && fail "the error offers a person's field: $pane"
send C-g 'confidential fields' Enter End BSpace BSpace BSpace BSpace BSpace BSpace
send C-s
wait_for "added visit"
ok cw list records --kind visit --json
json '[r.get("confidential_fields") for r in d] == [["notes", "concerns", "detainees"]]'

# A milestone's form offers its detail, and a person's its name, not a visit's detainees.
send M
wait_for "New milestone"
send C-g 'confidential fields' Enter
wait_for "(Tab completes): source, notes, detail"
send Escape
wait_gone "New milestone"
send 2 P
wait_for "New person"
send C-g 'confidential fields' Enter
wait_for "(Tab completes): name (Latin and Khmer script), affiliation, source, notes"
capture
printf '%s\n' "$pane" | grep -q "detainees" && fail "a person's form offers a visit's field: $pane"
done_ok
