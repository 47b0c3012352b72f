#!/bin/sh
# `casewatch lock` and `casewatch lock --all` lock the terminal interfaces open in other
# terminals as their L does: the screen cleared, the key wiped, an unsaved form kept as a draft,
# only the passphrase prompt left. A seized-laptop drill ran lock --all, was told "locked 0
# databases", and the interface in tmux went on showing the records, its key in memory. The
# interfaces here were given the passphrase (the test's descriptor, as one typed in), never
# `unlock`ed: the keyring holds no key of theirs. Unlocked again, an interface stays unlocked
# (no request left over locks it again); lock of one database leaves another's interface
# open; one that cannot answer (stopped) is said as such, never counted as locked, and locks
# once it runs; a killed one's file is cleared. In tmux, a real terminal.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Remote Lockperson" --affiliation "Faraway Union"
NAMES="Lockperson Faraway"
REG="$XDG_RUNTIME_DIR/casewatch"
LOCKED="casewatch is locked — passphrase:"

# no_names: the pane holds none of $NAMES.
no_names() {
	checks=$((checks + 1))
	for name in $NAMES; do
		if printf '%s\n' "$pane" | grep -qF -- "$name"; then
			fail "'$name' is visible on the lock screen:
$pane"
		fi
	done
}

# open_files N: the folder of the open interfaces holds N files, each 0600 with one line of
# the form "casewatch-open 1 <id>" and nothing of the database's text; the folder is 0700.
open_files() {
	checks=$((checks + 1))
	n=$( (find "$REG" -type f 2>/dev/null || :) | wc -l)
	[ "$n" -eq "$1" ] || fail "wanted $1 files of open interfaces, found $n: $(ls -la "$REG" 2>&1)"
	[ "$1" -eq 0 ] && return 0
	[ "$(stat -c %a "$REG")" = 700 ] || fail "the folder is mode $(stat -c %a "$REG")"
	for f in "$REG"/*; do
		[ "$(stat -c %a "$f")" = 600 ] || fail "$f is mode $(stat -c %a "$f")"
		grep -qxE 'casewatch-open 1 [0-9a-f]{32}' "$f" && [ "$(wc -l <"$f")" -eq 1 ] ||
			fail "$f holds: $(cat "$f")"
		for name in $NAMES "$DB"; do
			grep -qF -- "$name" "$f" && fail "$f names '$name'"
		done
	done
	return 0
}

# stays_unlocked TEXT: for over two of the interface's ticks, the pane shows TEXT and not the
# lock screen (a request left over would lock it again at once).
stays_unlocked() {
	sleep 2.5
	capture
	checks=$((checks + 1))
	printf '%s\n' "$pane" | grep -qF -- "$LOCKED" && fail "locked again after unlocking:
$pane"
	printf '%s\n' "$pane" | grep -qF -- "$1" || fail "'$1' is gone after unlocking:
$pane"
	return 0
}

pane_pid() { T display-message -p -t "${1:-cw}" '#{pane_pid}'; }

# An editor (C-o) that keeps the interface waiting until the test lets it go.
cat >"$WORK/editor" <<ED
#!/bin/sh
printf 'Notes from the editor\\n' >"\$1"
touch "$WORK/editing"
while [ ! -e "$WORK/editor-done" ]; do sleep 0.1; done
ED
chmod +x "$WORK/editor"

# ---- lock: the interface of this database locks -----------------------------------------
TMUX_ENV="CASEWATCH_LOCK_AFTER=never EDITOR=$WORK/editor" tmux_start 100 30
send 2
wait_for "Remote Lockperson"
ok cw lock
wait_for "$LOCKED" 5
wait_for "locked by casewatch lock in another terminal"
# What it did, counted: the interface answered before lock ended.
has "locked $DB: the next command asks for the passphrase"
has "locked 1 open terminal interface: only its passphrase prompt is left"
wait_for "database: $DB"
no_names
open_files 0
# Started again onto the lock screen, as L does: nothing of the lists in its memory.
checks=$((checks + 1))
set +e
mem=$("${PYTHON3:-python3}" "$TOP_SRCDIR/tests/tui/stack_scan.py" "$(pane_pid)" Lockperson --all)
got=$?
set -e
case "$got:$mem" in
0:clean) ;;
0:found) fail "'Lockperson' is still in the process's memory after lock" ;;
*) echo "(the memory was not read: $mem)" ;;
esac
# The passphrase unlocks it, and it stays so.
send -l "$PASSPHRASE"
send Enter
wait_for "unlocked"
wait_for "Remote Lockperson"
open_files 1
stays_unlocked "Remote Lockperson"

# ---- lock --all, with a form half typed ---------------------------------------------------
send P
wait_for "New person"
send -l "Half Typed Formperson"
wait_for "Half Typed Formperson"
ok "$CASEWATCH" lock --all
has "forgot the unlocked keys of 0 databases: the next commands ask for their passphrases"
has "locked 1 open terminal interface: only its passphrase prompt is left"
wait_for "$LOCKED" 5
wait_for "the unsaved form was kept as a draft: it opens again once unlocked"
NAMES="$NAMES Formperson"
no_names
open_files 0
send -l "$PASSPHRASE"
send Enter
wait_for "unlocked: the form is open again as it was"
wait_for "Half Typed Formperson"
stays_unlocked "Half Typed Formperson"
send -l "xyz"
wait_for "Half Typed Formpersonxyz"
send Escape
wait_for "Discard the changes"
send y
wait_for "Remote Lockperson"

# ---- two databases: lock of one leaves the other; a stopped interface is said apart ------
DB2="$WORK/other"
"$CASEWATCH" --db "$DB2" init >/dev/null 2>&1 || fail "init of a second database"
"$CASEWATCH" --db "$DB2" person add --name "Second Otherperson" >/dev/null ||
	fail "a person in the second database"
T new-session -d -s second -x 100 -y 30 \
	"env LC_ALL=C.UTF-8 TERM=screen CASEWATCH_AUTHOR='test monitor' CASEWATCH_LOCK_AFTER=never '$CASEWATCH' --db '$DB2'"
wait2() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + ${2:-10}))
	while :; do
		pane2=$(T capture-pane -p -t second 2>/dev/null)
		printf '%s\n' "$pane2" | grep -qF -- "$1" && return 0
		[ "$(date +%s)" -le "$limit" ] || fail "the second screen never showed '$1':
$pane2"
		sleep 0.05
	done
}
T send-keys -t second 2
wait2 "Second Otherperson"
open_files 2
ok "$CASEWATCH" --db "$DB2" lock
has "locked 1 open terminal interface: only its passphrase prompt is left"
wait2 "$LOCKED" 5
checks=$((checks + 1))
printf '%s\n' "$pane2" | grep -qF "Otherperson" && fail "the second database's name stayed:
$pane2"
# The first database's interface was not asked.
stays_unlocked "Remote Lockperson"
open_files 1
# Waiting for an editor started from a form (C-o), it cannot answer: lock says so and does
# not count it as locked... (tmux wakes a pane stopped by SIGSTOP at once: C-z cannot be
# tried here.)
if [ "$(df -T /dev/shm 2>/dev/null | awk 'NR == 2 { print $2 }')" = tmpfs ]; then
	send P
	wait_for "New person"
	send Tab Tab Tab Tab Tab Tab Tab C-o
	checks=$((checks + 1))
	limit=$(($(date +%s) + 10))
	until [ -e "$WORK/editing" ]; do
		[ "$(date +%s)" -le "$limit" ] || fail "the editor did not start"
		sleep 0.05
	done
	ok "$CASEWATCH" lock --all
	has "asked 1 open terminal interface to lock, which has not answered yet"
	lacks "locked 1 open terminal interface"
	# ... and it locks as soon as the editor is done, keeping the form.
	touch "$WORK/editor-done"
	wait_for "$LOCKED" 5
	wait_for "the unsaved form was kept as a draft: it opens again once unlocked"
else
	echo "note: /dev/shm is not tmpfs here: an interface busy in an editor is not tried"
	send L
	wait_for "$LOCKED"
fi
no_names
open_files 0
ok "$CASEWATCH" lock --all
has "no terminal interface was open and unlocked"
ok cw lock
has "no terminal interface had it open and unlocked"
send C-c
wait_quit "C-c on the lock screen"
T send-keys -t second C-c

# ---- a killed interface's file is cleared by the next lock -------------------------------
T kill-server 2>/dev/null || :
TMUX_ENV="CASEWATCH_LOCK_AFTER=never" tmux_start 100 30
send 2
wait_for "Remote Lockperson"
open_files 1
kill -KILL "$(pane_pid)"
wait_quit "kill -KILL"
open_files 1
ok "$CASEWATCH" lock --all
has "no terminal interface was open and unlocked"
open_files 0

# ---- a plain database has no key: no file --------------------------------------------------
DB="$WORK/plain"
ok cw init --no-encryption
T kill-server 2>/dev/null || :
TMUX_ENV="CASEWATCH_LOCK_AFTER=never" tmux_start 100 30
wait_for "not encrypted"
open_files 0
send q
wait_quit "q"

done_ok
