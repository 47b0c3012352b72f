#!/bin/sh
# Two people of one name (two detainees called Sok Dara; common in Cambodia), in the forms
# (tmux). A visit's form naming "Sok Dara" could not be saved ("matches several ... pick one",
# and the suggestions offered one Sok Dara, the first): only an id typed would do. Now saving
# lists the people the name matches, each with what tells them apart (id, year of birth,
# province, cases, the last prison visit that met them), Up and Down choose, Enter puts the one
# chosen in the field by name and id and the save goes on, Esc goes back to the form with
# nothing written; leaving the field lists them too. An edit opens with the name and id of one
# whose name another bears (the index of people by name says so, with no walk of the people),
# and saves the one it named; a detainee's access named by the shared name is the one the
# visit met. More people than a part of a name lists who bear the whole name are all listed.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Sok Dara" --birth-year 1980 --province Kandal
first=$(printf '%s' "$out" | awk '{print $3}')
ok cw person add --name "Sok Dara" --birth-year 1995 --province Takeo --yes
second=$(printf '%s' "$out" | awk '{print $3}')
f8=$(printf '%.8s' "$first")
s8=$(printf '%.8s' "$second")
ok cw case add --title "Kandal land dispute" --defendant "$first"
ok cw log visit --facility "Prey Sar CC2" --date 2024-03-01 --detainee "$second"
# A visit that met both, the oldest: its edit names each by name and id.
ok cw log visit --facility "CC9" --date 2024-01-05 --detainee "$second" --detainee "$first"
# Two who share a Khmer name, one of them with a Latin name too: their rows line up.
ok cw person add --name-km "ចាន់ ធី" --province "ភ្នំពេញ"
ok cw person add --name "Chan Thy" --name-km "ចាន់ ធី" --birth-year 1970 --yes

# row_of ID: the line of the pane that holds ID; selected ID: that line is the chosen one.
row_of() { printf '%s\n' "$pane" | grep -F -- "$1" | head -1; }
selected() {
	checks=$((checks + 1))
	capture
	case $(row_of "$1") in
	'> '*) ;;
	*) fail "$1 is not the one chosen:
$pane" ;;
	esac
}

tmux_start 120 40
wait_for " 1 Cases "

# ---- Esc: back to the form, nothing written ------------------------------------------------
before=$(db_snapshot)
send V
wait_for "New visit"
send C-g facility Enter 'CC1'
send C-g date Enter '2024-04-18'
send C-g detainees Enter 'Sok Dara'
send C-s
wait_for "'Sok Dara' matches 2 people: which one is meant?"
# What tells them apart, each on their row.
wait_for "$s8"
capture
row=$(row_of "$f8")
case $row in *"Sok Dara"*1980*Kandal*"Kandal land dispute"*) ;; *) fail "first: $row" ;; esac
row=$(row_of "$s8")
case $row in *"Sok Dara"*1995*Takeo*"Prey Sar CC2, 2024-03-01"*) ;; *) fail "second: $row" ;; esac
send Escape
wait_gone "which one is meant?"
wait_for "'Sok Dara' matches 2 people: saving lists them, to choose the one meant"
capture
printf '%s\n' "$pane" | grep -q "detainees: Sok Dara *$" || fail "the name changed: $pane"
[ "$(db_snapshot)" = "$before" ] || fail "Esc wrote to the database"
checks=$((checks + 1))

# ---- the second chosen, then saved ---------------------------------------------------------
send C-s
wait_for "which one is meant?"
selected "$f8"
send Down
selected "$s8"
send Enter
wait_for "added visit "
ok cw list records --kind visit --json
json "[v['detainees'] for v in d if v['facility'] == 'CC1'] == [['$second']]"
json "'$first' not in str([v for v in d if v['facility'] == 'CC1'])"

# ---- an edit opens with the name and id, and saves the one it named ------------------------
# Another bears the name (a range of the index of people by name, not a walk of all the
# people): the name and id, as the list writes the one chosen.
send 3
wait_for "CC1"
send e
wait_for "Edit visit"
wait_for "detainees: Sok Dara ($s8)"
capture
printf '%s\n' "$pane" | grep -q "detainees: Sok Dara ($s8) *$" || fail "not the name and id: $pane"
checks=$((checks + 1))
# A detainee's access by the shared name: the one the visit met, without asking.
send C-g
send -l "lawyer access"
send Enter
send -l "Sok Dara=denied"
send C-s
wait_for "saved visit"
ok cw list records --kind visit --json
json "[[(a['person'], a['lawyer_access']) for a in v['detainee_access']] for v in d if v['facility'] == 'CC1'] == [[('$second', 'denied')]]"
json "[v['detainees'] for v in d if v['facility'] == 'CC1'] == [['$second']]"

# ---- an edit of a visit that met both: each by name and id, kept as they were --------------
send 3
wait_for "CC9"
send Down Down
send e
wait_for "Edit visit"
wait_for "detainees: Sok Dara ($s8); Sok Dara ($f8)"
send C-g facility Enter C-u 'CC8'
send C-s
wait_for "saved visit"
ok cw list records --kind visit --json
json "[v['detainees'] for v in d if v['facility'] == 'CC8'] == [['$second', '$first']]"

# ---- leaving the field lists them too; Esc there, then Tab, goes on ------------------------
send M
wait_for "New milestone"
send -l "Sok Dara"
send Tab
wait_for "which one is meant?"
selected "$f8"
send Enter
wait_for "person *: Sok Dara ($f8)"
# The person chosen: their cases are offered for the milestone's case.
wait_for "> Kandal land dispute"
send C-g person Enter
send C-u
send -l "Sok Dara"
send Tab
wait_for "which one is meant?"
send Escape
wait_gone "which one is meant?"
send Tab
wait_gone "which one is meant?"
wait_for "saving lists them, to choose the one meant"
send Escape
wait_for "Discard the changes"
send y
wait_gone "New milestone"

# ---- Khmer names line up -------------------------------------------------------------------
send V
wait_for "New visit"
send C-g detainees Enter 'ចាន់ ធី'
send Tab
wait_for "which one is meant?"
wait_for "Chan Thy / ចាន់ ធី"
capture
printf '%s\n' "$pane" | "${PYTHON3:-python3}" -c '
import sys, unicodedata
def width(s):
    w = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return w
lines = sys.stdin.read().split("\n")
head = [l for l in lines if "province" in l and "born" in l][0]
km = [l for l in lines if "ភ្នំពេញ" in l][0]
both = [l for l in lines if "Chan Thy" in l and "1970" in l][0]
col = width(head[:head.index("province")])
sys.exit(0 if width(km[:km.index("ភ្នំពេញ")]) == col and
         width(both[:both.index("1970")]) == width(head[:head.index("born")]) else 1)' ||
	fail "the rows do not line up:
$pane"
checks=$((checks + 1))
send Escape
wait_gone "which one is meant?"
send Escape
wait_for "Discard the changes"
send y
wait_gone "New visit"

# ---- more who bear the whole name than a part of a name lists: all of them, scrolled -------
i=0
while [ $i -lt 21 ]; do
	ok cw person add --name "Sok Dara" --birth-year $((1930 + i)) --yes
	i=$((i + 1))
done
last=$(printf '%s' "$out" | awk '{print $3}')
send V
wait_for "New visit"
send C-g facility Enter 'CC4'
send C-g date Enter '2024-04-20'
send C-g detainees Enter 'Sok Dara'
send C-s
wait_for "'Sok Dara' matches 23 people: which one is meant?"
i=0
while [ $i -lt 22 ]; do
	send Down
	i=$((i + 1))
done
# The last, born in 1950, is at the bottom of the list, scrolled to.
wait_for "1950"
selected "1950"
send Enter
wait_for "added visit "
ok cw list records --kind visit --json
json "[v['detainees'] for v in d if v['facility'] == 'CC4'] == [['$last']]"
done_ok
