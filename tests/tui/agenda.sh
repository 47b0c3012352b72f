#!/bin/sh
# The agenda list (4) in tmux: a hearing set for next week shows on its day, with the hearing
# that set it; a follow-up due shows after it; Enter opens the record; the filter line narrows
# it; an empty agenda says why. Days are computed here from the machine's date, as casewatch
# computes today.
. "$(dirname "$0")/lib.sh"
set -e
PY=${PYTHON3:-python3}
day() { "$PY" -c "import datetime; print(datetime.date.today() + datetime.timedelta(days=$1))"; }
heading() {
	"$PY" -c "import datetime; d = datetime.date.today() + datetime.timedelta(days=$1); print(d.strftime('%a'), d)"
}

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw person add --name "Sok Meas"
ok cw case add --title "Union case" --court "Phnom Penh Court" --defendant "Chhim Sithar" --charge 494/495
ok cw log hearing --case "Union case" --date "$(day -3)" --outcome adjourned --next-date "$(day 7)"
ok cw log visit --facility "Prey Sar CC1" --date "$(day -1)" --follow-up-on "$(day 9)" \
	--follow-up "bring the medicine" --detainee "Sok Meas"

tmux_start 120 30
wait_for " 4 Agenda "
send 4
wait_for "2 on the agenda | 1/2"
wait_for "$(heading 7) next hearing"
wait_for "Union case"
wait_for "set at the hearing of $(day -3)"
wait_for "$(heading 9) follow-up visit"
wait_for "bring the medicine"
# whom the visit met, beside the prison
wait_for "Prey Sar CC1 (Sok Meas)"

# Enter opens the record under the cursor: the hearing that set the date.
send Enter
wait_for "next hearing date    $(day 7)"
send Escape
wait_for "2 on the agenda | 1/2"

# The filter line applies: a visit has no article, so 494/495 leaves the hearing.
send i
wait_for "1 on the agenda"
wait_gone "Prey Sar CC1"
send Escape
wait_for "filter cleared"
wait_for "Prey Sar CC1"

# Another process logs a hearing for tomorrow: it shows first after a refresh.
ok cw log hearing --case "Union case" --date "$(day 1)" --time 09:00
send R
wait_for "$(heading 1) hearing"
send j
wait_for "3 on the agenda | 2/3"

# Empty: says why.
send / 'kind:visit article:437bis' Enter
wait_for "nothing on the agenda in the next 14 days"
wait_for "No hearing or follow-up visit that matches has a date set."
send Escape q

# A next date a later hearing of the case superseded is not on the agenda, whatever account set
# it: the government's date for the hearing of ten days ago, after the team logged the hearing
# that hearing was adjourned to (a field trial listed both).
DB="$WORK/superseded"
ok cw init
ok cw case add --title "NagaWorld case"
ok cw log hearing --case "NagaWorld case" --date "$(day -10)" --outcome adjourned \
	--next-date "$(day -3)" --source "own observation"
own=$(added_id hearing)
ok cw log hearing --case "NagaWorld case" --date "$(day -10)" --outcome adjourned \
	--next-date "$(day 4)" --view government --source "Ministry" --disputes "$own"
ok cw log hearing --case "NagaWorld case" --date "$(day -3)" --outcome postponed \
	--next-date "$(day 11)" --source "own observation"
keys '4<Dump>' 120x20
has "1 on the agenda"
has "$(heading 11) next hearing"
lacks "$(heading 4)"
# Accounts of one hearing that set it different days (the team's in five days, the government's,
# disputing it, in eight) are one hearing on two days: each row says whose account gives its day
# and the day the other gives (both were listed as two hearings, with no note).
DB="$WORK/accounts"
ok cw init
ok cw case add --title "NagaWorld case"
ok cw log hearing --case "NagaWorld case" --date "$(day -4)" --outcome adjourned \
	--next-date "$(day 5)" --source "own observation"
own=$(added_id hearing)
ok cw log hearing --case "NagaWorld case" --date "$(day -4)" --outcome adjourned \
	--next-date "$(day 8)" --view government --source "Ministry" --disputes "$own"
keys '4<Dump>' 200x20
has "$(heading 5) next hearing"
has "next date per the team's account; the government's gives $(day 8)"
has "$(heading 8) next hearing"
has "next date per the government's account; the team's gives $(day 5)"
# A visit dated in five days has not been made: the follow-up of the visit before stays on the
# list (a field trial saw list 4 go empty after such a visit was logged from the form).
DB="$WORK/ahead"
ok cw init
ok cw log visit --facility "Prey Sar Prison" --date "$(day -10)" --access granted \
	--follow-up "check medicine" --follow-up-on "$(day 3)" --source "own observation"
ok cw log visit --facility "Prey Sar Prison" --date "$(day 5)" --source "own observation"
keys '4<Dump>' 200x20
has "1 on the agenda"
has "$(heading 3) follow-up visit"
has "check medicine"
# A confidential hearing's next date is marked [C] as the lists mark the hearing (it was bare).
DB="$WORK/marks"
ok cw init
ok cw case add --title "Sealed case"
ok cw log hearing --case "Sealed case" --date "$(day -4)" --outcome adjourned \
	--next-date "$(day 3)" --source "own observation" --confidential
ok cw case add --title "Open case"
ok cw log hearing --case "Open case" --date "$(day -4)" --outcome adjourned \
	--next-date "$(day 4)" --source "own observation"
keys '4<Dump>' 200x20
has "[C] Sealed case"
lacks "[C] Open case"
lacks "[c] Open case"
# Every day's date whole, whatever the weekday's name takes: in Khmer at 80 and 60 columns the
# day column cut "អាទិត្យ 2026-12-…" and two Sundays looked the same (a field trial); the whole
# name where there is room, a shortened one or none on a narrow screen, in English too.
DB="$WORK/week"
ok cw init
ok cw case add --title "Union case"
for k in 1 2 3 4 5 6 7; do
	ok cw log hearing --case "Union case" --date "$(day $k)" --source "own observation"
done
sunday=$("$PY" -c "import datetime; t = datetime.date.today(); print(next(k for k in range(1, 8) if (t + datetime.timedelta(days=k)).weekday() == 6))")
mkdir -p "$XDG_CONFIG_HOME/casewatch"
for language in km en; do
	echo "language = $language" >"$XDG_CONFIG_HOME/casewatch/config"
	for size in 80x24 60x20 40x20; do
		keys '4<Dump>' $size
		for k in 1 2 3 4 5 6 7; do
			has "$(day $k) "
		done
		checks=$((checks + 1))
		printf '%s\n' "$out" | grep -qE '[0-9]{4}-[0-9]{0,2}-?[0-9]?…' &&
			fail "a date cut at $size ($language):
$out"
	done
done
# The whole weekday at 80 columns, Khmer's longest too.
if command -v gettext >/dev/null && [ -n "${CASEWATCH_LOCALEDIR:-}" ]; then
	echo "language = km" >"$XDG_CONFIG_HOME/casewatch/config"
	keys '4<Dump>' 80x24
	has "$(km Sun) $(day $sunday) "
	has "$(km Thu) "
fi
rm "$XDG_CONFIG_HOME/casewatch/config"
done_ok
