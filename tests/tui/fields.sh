#!/bin/sh
# Form fields as a new user met them, in tmux (what the pane shows and where the terminal's
# cursor is): a note longer than the screen is wrapped over the notes field's rows, by display
# width, Khmer included, and the rows follow the cursor, which is shown where the next
# character goes; everything typed is saved. A field of several words (a visit's concerns)
# completes a word's start with Tab, by its label, and takes words separated by spaces or
# commas. A note typed
# after ':' on "public admitted", which has no note of its own, is said at once to go into the
# notes, and does.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
tmux_start 80 24
wait_for " 3 Records "

# cursor: the terminal cursor's visibility (1 shown), column and row, into $cursor.
cursor() { cursor=$(T display-message -p -t cw '#{cursor_flag} #{cursor_x} #{cursor_y}'); }

# cursor_after TEXT: the cursor is shown right after TEXT, which ends a row of the pane.
cursor_after() {
	checks=$((checks + 1))
	capture
	cursor
	want=$(printf '%s\n' "$pane" | "${PYTHON3:-python3}" -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
for y, line in enumerate(sys.stdin.read().split("\n")):
    line = line.rstrip()
    if line.endswith(sys.argv[1]):
        print("1 %d %d" % (width(line), y))
        break' "$1")
	[ -n "$want" ] || fail "no row ends with '$1':
$pane"
	[ "$cursor" = "$want" ] || fail "the cursor (shown, column, row) is '$cursor', not '$want' after '$1':
$pane"
}

# ---- 1. a long note wraps, follows the cursor, and is saved whole --------------------------
send P
wait_for "New person"
send -l "Sok Dara"
send Tab Tab Tab Tab Tab Tab Tab
wait_for "Enter: new line"
send -l "The witness said the police came at night and took him away without a warrant; his"
send -l " family was not told where he was held for three days."
wait_for "where he was held for three days."
wait_for "notes: The witness said the police came at night and"
cursor_after "three days."
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -qF "…" && fail "the note is cut with …:
$pane"
# Khmer, by display width: a cluster is never split over two rows.
send -l " ក្រុមគ្រួសាររបស់គាត់មិនបានដឹងថាគាត់ត្រូវបានឃុំខ្លួននៅកន្លែងណាទេ ក្រុមគ្រួសារបានស្វែងរកគាត់នៅគ្រប់ប៉ុស្តិ៍នគរបាល"
wait_for "ប៉ុស្តិ៍នគរបាល"
cursor_after "ប៉ុស្តិ៍នគរបាល"
# More rows than the field has: the first scrolls away, the cursor's row stays in view.
send -l " Later his lawyer was refused access to him twice at the police station."
wait_for "twice at the police station."
wait_gone "notes: The witness said"
cursor_after "twice at the police station."
# A field left shows its start again, and "…" for the rest.
send Tab
wait_for "notes: The witness said the police came at night and"
wait_for "…"
send C-s
wait_for "added person"
ok cw list persons --json
json 'd[0]["notes"].startswith("The witness said") and d[0]["notes"].endswith("twice at the police station.") and "ក្រុមគ្រួសារ" in d[0]["notes"]'

# ---- 2. words: Tab completes one, spaces or commas between them ---------------------------
send V
wait_for "New visit"
send -l "Prey Sar"
send Tab Tab
send -l today
send C-g
send -l concerns
send Enter
send -l wat
send Tab
wait_for "concerns: clean water"
wait_gone "not one of"
# Completed, the cursor stays in the field for another word.
send C-u
wait_for "spaces or commas between (Tab completes)"
send -l "water womens needs"
send Tab
wait_for "concerns: water women's needs"
send Tab
wait_for "concerns: clean water, women's needs"
# Several words start with "w": Tab shows them and stays; Tab again takes the one chosen.
send Up C-u w Tab
wait_for "> clean water"
wait_for "  women's needs"
send C-n Tab
wait_for "concerns: women's needs"
send End
send -l " fo"
send C-s
wait_for "added"
ok cw list records --kind visit --json
json 'd[0]["concerns"] == ["food", "womens_needs"]'

# Enter on an offered word takes it and stays for the next word (a field trial's monitor had
# to come back for a visit's second concern); Enter with nothing offered goes on.
send V
wait_for "New visit"
send -l "Prey Sar"
send Tab Tab
send -l 2024-05-03
send C-g
send -l concerns
send Enter
send -l overc
wait_for "> overcrowding"
send Enter
wait_for "concerns: overcrowding,"
wait_for "spaces or commas between (Tab completes)"
send -l "ill-t"
wait_for "> ill-treatment"
send Enter
wait_for "concerns: overcrowding, ill-treatment,"
wait_for "spaces or commas between (Tab completes)"
send Enter
wait_gone "spaces or commas between (Tab completes)"
wait_for "concerns: overcrowding, ill-treatment"
send C-s
wait_for "added"
ok cw list records --kind visit --since 2024-05-03 --until 2024-05-03 --json
json 'len(d) == 1 and d[0]["concerns"] == ["overcrowding", "ill_treatment"]'

# ---- 3. a note on a field that has none of its own ---------------------------------------
ok cw person add --name "Chhim Sithar"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494/495
send H
wait_for "New hearing"
send C-u
send -l Naga
wait_for "> NagaWorld strike"
send Enter
send -l 2024-05-02
send C-g
send -l "public adm"
send Enter
wait_for "public admitted | y yes, n no, a na, u unknown | : then a note"
send n :
wait_for "'public admitted' has no note of its own: this one goes into the notes"
send -l "gallery full, twenty turned away"
wait_for "public admitted:  yes  [no]  na   unknown   note: "
wait_for "twenty turned away"
cursor_after "twenty turned away"
send Enter
wait_gone "has no note of its own"
wait_for "public admitted:  yes  [no]  na   unknown"
wait_for "press admitted"
send C-s
wait_for "added hearing"
ok cw list records --kind hearing --json
json 'd[0]["public_admitted"] == "no" and d[0]["notes"] == "public admitted: gallery full, twenty turned away"'

# The fair-trial indicators by the report's labels in English too (a field trial's form said
# "counsel of choice" where the report says "counsel of own choosing"). At 80 columns a label
# wider than the labels' column takes a row of its own above its answers, whole, rather than
# being cut; the answers keep their column, and a note its room.
send H
wait_for "New hearing"
send C-g
send -l adequate
send Enter
wait_for "     adequate time to"
wait_for "  prepare the defence:  yes   no   na  [unknown]"
send C-g
send -l "counsel of own"
send Enter
wait_for "        counsel of own"
wait_for "              choosing:  yes   no   na  [unknown]"
capture
printf '%s\n' "$pane" | grep -qF "counsel of choice" && fail "the form's short label is back:
$pane"
printf '%s\n' "$pane" | grep -qF "…:" && fail "a label is cut:
$pane"
checks=$((checks + 1))
send y :
send -l "appointed by the court at the hearing"
wait_for "choosing: [yes]  no   na   unknown   note: "
wait_for "court at the hearing"
send Enter
send Escape
wait_for "Discard the changes to this hearing?"
send y
wait_for "form discarded"

# bail_refsued [DATE]: a new milestone of Chhim Sithar's, a bail whose outcome is typed
# "refsued", left with its field's error.
bail_refsued() {
	send M
	wait_for "New milestone"
	send C-u
	send -l "Chhim"
	wait_for "> Chhim Sithar"
	send Enter
	wait_for "> NagaWorld strike"
	send Enter
	if [ -n "${1:-}" ]; then
		send C-g
		send -l date
		send Enter
		send -l "$1"
	fi
	send C-g
	send -l type
	send Enter
	send -l bail
	send Tab
	send C-g
	send -l outcome
	send Enter
	send -l refsued
	send Tab
	wait_for "'refsued' is none of the words"
}

# A word a one-word field does not know is refused, not dropped: "refsued" for a bail's
# outcome left the outcome unknown, saved, and read as granted.
bail_refsued 2024-05-08
send C-s
wait_for "'refsued' is none of the words"
ok cw list records --kind milestone --json
json "d == []"
send C-g
send -l outcome
send Enter
send C-u
send -l refused
send Tab
send C-s
wait_for "added milestone"
ok cw list records --kind milestone --json
json "[(m['type'], m['outcome']) for m in d] == [('bail', 'refused')]"

# At 80 columns a timeline's head wraps: the next hearing, after three accounts of the
# adjournments, is not cut off the screen.
ok cw log hearing --case NagaWorld --date 2024-05-03 --outcome adjourned --view own
ok cw log hearing --case NagaWorld --date 2024-05-03 --outcome adjourned --view un
ok cw log hearing --case NagaWorld --date 2024-05-03 --outcome adjourned --view government \
	--next-date 2030-05-24
send 2
wait_for "Chhim Sithar"
send / C-u
send -l "Chhim"
send Enter
wait_for "1 person matches"
send Enter
wait_for "Timeline: Chhim Sithar"
wait_for "adjournments: 3 (account: UN, government, own observation)"
wait_for "| next hearing:"
wait_for "    2030-05-24"

# A new hearing is the team's own by default; a document's paragraph typed as its source makes
# it no longer so (the account follows the source).
send h
send H
wait_for "New hearing"
send C-u
send -l "Naga"
wait_for "> NagaWorld strike"
send Enter
send -l 2024-05-09
send C-g
send -l source
send Enter
send C-u
send -l "UN A/HRC/57/82 para 30"
# C-g takes a field named exactly before one whose name begins so: "monitors" is the team in
# court, not "monitors admitted" (a trial could reach it only by Tab)
send C-g
send -l monitors
send Enter
send -l "Dara, Vuthy"
send C-s
wait_for "added hearing"
ok cw list records --kind hearing --since 2024-05-09 --until 2024-05-09 --json
json "[(h['source'], h.get('view'), h.get('monitors'), h.get('monitors_admitted')) for h in d] == [('UN A/HRC/57/82 para 30', None, 'Dara, Vuthy', None)]"

# A word typed wrong goes into a draft as typed: reopened, the form still refuses it.
bail_refsued
send C-t
wait_for "kept as a draft"
send 5
wait_for "1 draft | 1/1"
send Enter
wait_for "refsued"
send C-s
wait_for "'refsued' is none of the words"
ok cw list records --kind milestone --json
json "[(m['type'], m['outcome']) for m in d] == [('bail', 'refused')]"
