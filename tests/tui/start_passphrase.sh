#!/bin/sh
# The passphrase asked as the terminal interface starts (an encrypted database, no key in the
# keyring), in tmux: a wrong one, or none, says so and asks again, as the lock screen does;
# the right one then opens the lists. Three wrong ones end it with one line and status 77.
# What is typed is never shown.
. "$(dirname "$0")/lib.sh"
set -e

[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] || {
	echo "SKIP: tmux not found"
	exit 77
}
ok cw init
trap 'T kill-server >/dev/null 2>&1 || :; rm -rf "$WORK"' EXIT

# start [ARGS]: the real binary (not the wrapper that gives the passphrase on a descriptor),
# with its exit status written to $WORK/status when it ends.
start() {
	rm -f "$WORK/status"
	T kill-session -t cw >/dev/null 2>&1 || :
	for try in 1 2 3; do
		T -f /dev/null new-session -d -s cw -x 100 -y 30 \
			"env LC_ALL=C.UTF-8 TERM=screen '$CASEWATCH_BIN' --db '$DB' $*; echo \$? >'$WORK/status'; sleep 60" &&
			return 0
		sleep 1
	done
	fail "tmux could not start a session"
}

# status WANT: casewatch ended with WANT.
status() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + 10))
	until [ -s "$WORK/status" ]; do
		[ "$(date +%s)" -le "$limit" ] || fail "casewatch did not end"
		sleep 0.05
	done
	[ "$(cat "$WORK/status")" = "$1" ] || fail "casewatch ended with $(cat "$WORK/status"), not $1"
}

# ---- one wrong, then the right one -------------------------------------------------------
start
wait_for "Passphrase for $DB:"
send -l "wrong guess"
send Enter
wait_for "wrong passphrase; try again (2 of 3)."
checks=$((checks + 1))
[ ! -s "$WORK/status" ] || fail "casewatch ended after one wrong passphrase (status $(cat "$WORK/status"))"
send Enter
wait_for "the passphrase is empty; try again (3 of 3)."
send -l "$PASSPHRASE"
send Enter
wait_for " 3 Records "
send q
status 0

# ---- three wrong: one line, status 77 -----------------------------------------------------
start
for guess in one two three; do
	wait_for "Passphrase for $DB:"
	send -l "guess $guess"
	send Enter
done
status 77
capture
checks=$((checks + 1))
[ "$(printf '%s\n' "$pane" | grep -c '^casewatch: ')" -eq 1 ] || fail "not one line at the end:
$pane"
printf '%s\n' "$pane" | grep -qF "casewatch: passphrase: 3 wrong passphrases: $DB stays locked" ||
	fail "the last line does not say so:
$pane"
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -q "guess\|wrong guess" && fail "a passphrase typed is on the screen:
$pane"

# ---- a command typed at the terminal asks again too -----------------------------------------
start list records
wait_for "Passphrase for $DB:"
send -l "wrong guess"
send Enter
wait_for "wrong passphrase; try again (2 of 3)."
send -l "$PASSPHRASE"
send Enter
status 0

# ---- a passphrase file others can read: said in the status line, where it can be read ------
# (a line on standard error would be under the screen at once)
printf '%s\n' "$PASSPHRASE" >"$WORK/open-passphrase"
chmod 644 "$WORK/open-passphrase"
start --passphrase-file "'$WORK/open-passphrase'"
wait_for " 3 Records "
wait_for "warning: the passphrase file can be read by other users (mode 644): chmod 600"
send q
status 0
chmod 600 "$WORK/open-passphrase"
start --passphrase-file "'$WORK/open-passphrase'"
wait_for " 3 Records "
capture
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -q "can be read by other users" && fail "a warning for a private file:
$pane"
send q
status 0

# ---- a new passphrase too short is refused before it is asked again (a trial typed it twice
# to be told so)
DB="$WORK/newdb"
start init --kdf-cost minimal
wait_for "New passphrase for $DB:"
send -l short
send Enter
wait_for "casewatch: passphrase: is too short (5 characters)"
status 65
capture
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -q "Repeat the passphrase" && fail "asked again for a passphrase refused:
$pane"

done_ok
