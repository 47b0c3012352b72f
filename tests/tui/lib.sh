# lib.sh - helpers for the terminal interface's tests, on top of tests/cli/lib.sh.
#
# Scripted mode: keys KEYS [COLSxLINES] runs casewatch with CASEWATCH_TUI_SCRIPT (no terminal)
# and puts the screens it dumps in $out.
# tmux: tmux_start starts casewatch in a detached tmux session (with the variables in
# $TMUX_ENV, "NAME=value ...", added to its environment: the tmux server keeps the environment
# it started with); send presses keys; wait_for polls capture-pane until a text shows (or fails
# after a timeout); no fixed sleeps.
. "$TESTLIB"

keys() {
	checks=$((checks + 1))
	printf '%s' "$1" >"$WORK/keys"
	out=$(CASEWATCH_TUI_SCRIPT="$WORK/keys" CASEWATCH_TUI_SIZE="${2:-80x24}" \
		"$CASEWATCH" --db "$DB" 2>"$WORK/stderr") ||
		fail "keys '$1' exited $? ($(cat "$WORK/stderr"))"
}

# screen N: the Nth dumped screen of $out (from 1) into $screen.
screen() {
	screen=$(printf '%s\n' "$out" | awk -v n="$1" '
		/^-- end of screen --$/ { k++; next }
		k == n - 1 { print }')
}

# widest: the widest line of $screen in display columns.
widest() {
	printf '%s\n' "$screen" | "${PYTHON3:-python3}" -c '
import sys, unicodedata
def width(s):
    w = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return w
print(max([width(l.rstrip("\n")) for l in sys.stdin] or [0]))'
}

TMUX_SOCK="casewatch-test-$$"
T() { "$TMUX_BIN" -L "$TMUX_SOCK" "$@"; }

tmux_start() {
	[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] || {
		echo "SKIP: tmux not found"
		exit 77
	}
	trap 'T kill-server >/dev/null 2>&1 || :; rm -rf "$WORK"' EXIT
	# Starting the tmux server itself sometimes fails on a loaded machine ("server exited
	# unexpectedly") before casewatch runs; try it three times, then fail.
	for try in 1 2 3; do
		T -f /dev/null new-session -d -s cw -x "${1:-100}" -y "${2:-30}" \
			"env LC_ALL=C.UTF-8 TERM=screen CASEWATCH_AUTHOR='test monitor' ${TMUX_ENV:-} '$CASEWATCH' --db '$DB'" &&
			return 0
		echo "tmux: could not start its server (try $try)" >&2
		sleep 1
	done
	fail "tmux could not start a session"
}

send() { T send-keys -t cw "$@"; }

capture() { pane=$(T capture-pane -p -t cw 2>/dev/null); }

# wait_for TEXT [SECONDS]: polls the pane until it shows TEXT.
wait_for() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + ${2:-10}))
	while :; do
		capture
		printf '%s\n' "$pane" | grep -qF -- "$1" && return 0
		[ "$(date +%s)" -le "$limit" ] || fail "the screen never showed '$1':
$pane"
		sleep 0.05
	done
}

# wait_gone TEXT: polls until TEXT is no longer on the pane.
wait_gone() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + ${2:-10}))
	while :; do
		capture
		printf '%s\n' "$pane" | grep -qF -- "$1" || return 0
		[ "$(date +%s)" -le "$limit" ] || fail "'$1' stayed on the screen:
$pane"
		sleep 0.05
	done
}

# wait_quit WHAT: polls until casewatch's tmux session is gone (it quit), else fails saying
# WHAT did not quit it.
wait_quit() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + 10))
	while T has-session -t cw 2>/dev/null; do
		[ "$(date +%s)" -le "$limit" ] || fail "$1 did not quit"
		sleep 0.05
	done
}

# need_khmer: the build's Khmer catalogue and gettext(1) are there (make check gives
# CASEWATCH_LOCALEDIR), else fails, or skips without gettext; then km MSGID gives the Khmer of
# a msgid from that catalogue, so a test follows km.po rather than a copy of its words.
need_khmer() {
	: "${CASEWATCH_LOCALEDIR:?run through make check}"
	[ -f "$CASEWATCH_LOCALEDIR/km/LC_MESSAGES/casewatch.mo" ] ||
		fail "no Khmer catalogue in $CASEWATCH_LOCALEDIR"
	command -v gettext >/dev/null || {
		echo "SKIP: gettext (the command) not found"
		exit 77
	}
}
km() { TEXTDOMAINDIR="$CASEWATCH_LOCALEDIR" LC_ALL=C.UTF-8 LANGUAGE=km gettext casewatch "$1"; }
