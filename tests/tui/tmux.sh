#!/bin/sh
# The real binary on a real terminal, in tmux: send-keys in, capture-pane out, every wait a
# poll with a timeout. Filter 437 bis on the demo data, open a timeline, log a hearing
# through the form and find it in the list, a bad date's inline error, another process's
# import showing up, resizing to 80x24 and back, and q quitting.
. "$(dirname "$0")/lib.sh"
set -e

ok cw seed "$SEED_FILE"
# What the command line says about the demo data, for the screens to agree with.
ok cw list records --article "437 bis" --json
n437=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n437" -gt 0 ] || fail "no 437 bis records in the demo data"
ok cw timeline "Kang Saran"
pretrial=$(printf '%s\n' "$out" | grep -o 'pretrial detention: [0-9]* days')
tmux_start 120 40
wait_for " 3 Records "
wait_for "records | 1/"

# 437 bis with the quick key, then with the filter line.
send b
wait_for "filter: article:\"437 bis\" | $n437 records match"
wait_gone "Kem Sokha"
send Escape
wait_for "Kem Sokha"
send / 'article:"437 bis"' Enter
wait_for "$n437 records match"

# A timeline: the people charged under 437 bis, Enter on Kang Saran.
send 2
wait_for "1 person matches"
send Enter
wait_for "Timeline: Kang Saran"
wait_for "$pretrial"
wait_for "437 bis"
send h
wait_for "1 person matches"
send Escape 3
wait_gone "filter:"

# Log a hearing through the form; find it in the list.
send H
wait_for "New hearing"
send Kang
wait_for "> Kang Saran"
send Enter 2030-04-01 Tab
# A bad time is refused inline and kept; fix it and save.
send 25:00 Tab
wait_for "^ '25:00' is not a time"
send Up C-u 09:00 C-s
wait_for "added hearing"
send / 'kind:hearing since:2030' Enter
wait_for "2030-04-01 hearing   own     Kang Saran" # the team's own, as Q's
wait_for "1 record matches"

# A bad date in the form: inline error, the input kept, nothing saved.
send Escape H Kang
wait_for "> Kang Saran"
send Enter 2024-13-01 Tab
wait_for "^ month 13 does not exist"
wait_for "date *: 2024-13-01"
send C-s
wait_for "^ month 13 does not exist"
send Escape
wait_for "Discard the changes to this hearing? y/N"
send y
wait_for "form discarded"

# Another process writes (the command line): the list shows it on the next refresh, while
# the interface waits for a key.
send / 'kind:demo since:2031' Enter
wait_for "no match: Esc clears the filter"
ok cw log demo --date 2031-05-01 --place "Freedom Park" --province "Phnom Penh" --participants 40
wait_for "2031-05-01 demo" 5
wait_for "1 record matches"

# Resize to 80x24 and back: the screen is laid out again and keeps its state.
send Escape 2 / Kang Enter Enter
wait_for "Timeline: Kang Saran"
T resize-window -t cw -x 80 -y 24
checks=$((checks + 1))
limit=$(($(date +%s) + 10))
while :; do
	capture
	n=$(printf '%s\n' "$pane" | wc -l)
	last=$(printf '%s\n' "$pane" | tail -1)
	w=$(printf '%s\n' "$pane" | wc -L)
	case "$last" in *"timeline of Kang Saran"*) [ "$n" -eq 24 ] && [ "$w" -le 80 ] && break ;; esac
	[ "$(date +%s)" -le "$limit" ] || fail "no relayout at 80x24 ($n lines, $w wide):
$pane"
	sleep 0.05
done
wait_for "Timeline: Kang Saran"
T resize-window -t cw -x 120 -y 40
checks=$((checks + 1))
limit=$(($(date +%s) + 10))
while :; do
	capture
	n=$(printf '%s\n' "$pane" | wc -l)
	last=$(printf '%s\n' "$pane" | tail -1)
	case "$last" in *"timeline of Kang Saran"*) [ "$n" -eq 40 ] && break ;; esac
	[ "$(date +%s)" -le "$limit" ] || fail "no relayout at 120x40 ($n lines):
$pane"
	sleep 0.05
done

# W: which week (the last complete one offered), which format, where (the reports folder
# offered), then the summary written into the reports folder (the test's documents folder, from lib.sh) and shown; Esc goes back.
send W
wait_for "Week (Enter writes it; of the filter Kang): "
send C-u 2024-W06 Enter
wait_for "2024-W06 as: Enter or m Markdown"
send Enter
wait_for "Write to (Esc: not now): $XDG_DOCUMENTS_DIR/casewatch-reports/"
send Enter
# The filter on screen (free text "Kang", from above) is the summary's, and in its name.
wait_for "2024-W06, written to $XDG_DOCUMENTS_DIR/casewatch-reports/casewatch-summary-2024-W06-text-kang.md"
wait_for "# casewatch weekly summary, 2024-W06"
checks=$((checks + 1))
grep -q "^Filter: Kang" "$XDG_DOCUMENTS_DIR/casewatch-reports/casewatch-summary-2024-W06-text-kang.md" ||
	fail "the summary W wrote is not the filtered one"
send Escape
wait_for "timeline of Kang Saran"

# Help, then q quits (the session ends with the program).
send '?'
wait_for "Keys (generated from the key table)"
send q h q
wait_quit "q"


# Colours where the terminal has them; none with NO_COLOR (the same screen, attributes only).
# colour_codes SESSION: how many colour escape sequences the pane holds.
colour_codes() {
	T capture-pane -e -p -t "$1" | grep -o "$(printf '\033')\[[0-9;]*m" |
		grep -cE '\[(3[0-7]|4[0-7]|38;|48;)|;(3[0-7]|4[0-7])(;|m)' || :
}
for mode in colour mono; do
	env=""
	[ "$mode" = mono ] && env="NO_COLOR=1"
	# The server of the session that q ended may still be going away: a new session can
	# meet it ("server exited unexpectedly"); try three times, as tmux_start does.
	for try in 1 2 3; do
		T -f /dev/null new-session -d -s "$mode" -x 100 -y 30 \
			"env LC_ALL=C.UTF-8 TERM=screen-256color $env '$CASEWATCH' --db '$DB'" && break
		[ "$try" -lt 3 ] || fail "$mode: tmux could not start a session"
		sleep 1
	done
	checks=$((checks + 1))
	limit=$(($(date +%s) + 10))
	until T capture-pane -p -t "$mode" 2>/dev/null | grep -qF " 3 Records "; do
		[ "$(date +%s)" -le "$limit" ] || fail "$mode: no screen"
		sleep 0.05
	done
	n=$(colour_codes "$mode")
	checks=$((checks + 1))
	if [ "$mode" = colour ]; then
		[ "$n" -gt 0 ] || fail "no colours on a colour terminal"
	else
		[ "$n" -eq 0 ] || fail "NO_COLOR set, yet $n colour codes"
	fi
	T kill-session -t "$mode"
done

done_ok
