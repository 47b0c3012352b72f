#!/bin/sh
# Deleting the ruling that moved a case's stage (an appeal lodged or decided, a Supreme Court
# decision) leaves the stage as moved: the stage the case stood at before the move is not
# kept anywhere (the move overwrites it), so it cannot be put back. `delete` said nothing, and
# the case went on reading "appeal" with no appeal logged. It now says so on standard error,
# in one line naming the case and the command that sets the stage, when the case (or the
# defendant the ruling names) stands at the stage the ruling puts it at and no other record of
# the case puts it there; the deletion itself is as before (exit 0, undo brings it back).
. "$TESTLIB"
set -e

ok cw init --no-encryption
ok cw person add --name "Appeal Old"
ok cw person add --name "Co Accused"
ok cw case add --title "Appeal case" --defendant "Appeal Old" --charge 494 --stage trial \
	--as-of 2024-11-01
kase=$(added_id case)
k8=$(printf '%.8s' "$kase")
ok cw log milestone --person "Appeal Old" --case "Appeal case" --type appeal_decided \
	--result upheld --date 2024-12-01
m=$(added_id milestone)
ok cw log hearing --case "Appeal case" --date 2024-11-20 --outcome adjourned
h=$(added_id hearing)
ok cw show "$kase" --json
json 'd["stage"] == "appeal"'

# A hearing that moved nothing: nothing said.
ok cw delete "$h" --yes
checks=$((checks + 1))
[ ! -s "$WORK/stderr" ] || fail "a note on deleting a hearing that moved no stage: $(cat "$WORK/stderr")"

# The ruling that moved the stage: deleted, and said so in one line.
ok cw delete "$m" --yes
has "deleted $m"
checks=$((checks + 1))
[ "$(wc -l <"$WORK/stderr")" -eq 1 ] || fail "not one line: $(cat "$WORK/stderr")"
checks=$((checks + 1))
grep -qF "case $k8 stays at stage \"appeal\", where this milestone may have moved it: the stage before is not kept; if it should go back, set it: casewatch edit $k8 --stage STAGE" \
	"$WORK/stderr" || fail "the note does not say so: $(cat "$WORK/stderr")"
ok cw show "$kase" --json
json 'd["stage"] == "appeal"'
# As it says: set by hand.
ok cw edit "$kase" --stage trial
ok cw show "$kase" --json
json 'd["stage"] == "trial"'

# Two rulings put the case on appeal: deleting one leaves the other's stage, rightly.
ok cw log milestone --person "Appeal Old" --case "Appeal case" --type appeal_lodged \
	--date 2024-12-01
lodged=$(added_id milestone)
ok cw log milestone --person "Appeal Old" --case "Appeal case" --type appeal_decided \
	--result upheld --date 2024-12-20
decided=$(added_id milestone)
ok cw delete "$decided" --yes
checks=$((checks + 1))
[ ! -s "$WORK/stderr" ] || fail "a note while another ruling puts the case there: $(cat "$WORK/stderr")"
# A case moved past it since (a Supreme Court decision) does not stand where it put it.
ok cw log milestone --person "Appeal Old" --case "Appeal case" --type supreme_decision \
	--result upheld --date 2025-01-10
ok cw show "$kase" --json
json 'd["stage"] == "supreme"'
ok cw delete "$lodged" --yes
checks=$((checks + 1))
[ ! -s "$WORK/stderr" ] || fail "a note for a stage the case has left: $(cat "$WORK/stderr")"

# A defendant with a stage of their own moved: said too; the co-accused's ruling that did
# not move anything is not.
ok cw case add --title "Two stages" --defendant "Appeal Old" --defendant-stage verdict \
	--defendant "Co Accused" --stage closed
two=$(added_id case)
ok cw log milestone --person "Appeal Old" --case "Two stages" --type appeal_decided \
	--result upheld --date 2024-06-01
own=$(added_id milestone)
ok cw log milestone --person "Co Accused" --case "Two stages" --type appeal_lodged \
	--date 2024-06-01
co=$(added_id milestone)
ok cw show "$two" --json
json 'd["stage"] == "closed" and d["defendants"][0]["stage"] == "appeal"'
ok cw delete "$co" --yes
checks=$((checks + 1))
[ ! -s "$WORK/stderr" ] || fail "a note for a closed case: $(cat "$WORK/stderr")"
ok cw delete "$own" --yes
checks=$((checks + 1))
grep -qF "case $(printf '%.8s' "$two") stays at stage \"appeal\"" "$WORK/stderr" ||
	fail "no note for the defendant's stage: $(cat "$WORK/stderr")"
# Undo brings the ruling back, the stage as it was.
ok cw undo
ok cw show "$two" --json
json 'd["defendants"][0]["stage"] == "appeal"'
done_ok
