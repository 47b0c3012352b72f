#!/bin/sh
# Closing the terminal (SIGHUP) or a shutdown (SIGTERM) keeps a half-filled form as a sealed
# draft, as the lock does: a field trial typed "Prey Sar CC2" into a new visit, closed the
# terminal, and `casewatch drafts` said "no drafts". The terminal is given back (out of the
# alternate screen) and the process ends as the signal would have ended it (a shell's 129 and
# 143). In tmux, under a shell that writes down how casewatch ended, the pane kept after it.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
# The shell outlives a closed terminal (its SIGHUP caught, which casewatch does not inherit).
cat >"$WORK/ended" <<WRAPPER
#!/bin/sh
trap : HUP
"$CASEWATCH" "\$@"
echo \$? >"$WORK/status"
WRAPPER
chmod +x "$WORK/ended"

# end_by SIGNAL: opens a new visit, types a facility, sends SIGNAL to casewatch and waits for
# it to end; $status is its shell's status, $alternate whether the pane is left in the
# alternate screen.
end_by() {
	rm -f "$WORK/status"
	KEPT_CASEWATCH=$CASEWATCH
	CASEWATCH="$WORK/ended"
	TMUX_ENV="CASEWATCH_LOCK_AFTER=never" tmux_start 100 30
	CASEWATCH=$KEPT_CASEWATCH
	T set-option -t cw remain-on-exit on >/dev/null
	wait_for "0 records | 0/0"
	send V
	wait_for "New visit"
	send "Prey Sar $1" Enter
	wait_for "facility *: Prey Sar $1"
	# casewatch is the shell's child (the test wrapper execs it)
	pid=$(ps -o pid= --ppid "$(T display-message -p -t cw '#{pane_pid}')" | tr -d ' ')
	[ -n "$pid" ] || fail "casewatch's process was not found"
	kill -"$1" "$pid"
	checks=$((checks + 1))
	limit=$(($(date +%s) + 10))
	until [ -s "$WORK/status" ]; do
		[ "$(date +%s)" -le "$limit" ] || fail "SIG$1 did not end casewatch"
		sleep 0.05
	done
	status=$(cat "$WORK/status")
	alternate=$(T display-message -p -t cw '#{alternate_on}')
	capture
	T kill-server >/dev/null 2>&1 || :
}

end_by HUP
ok cw drafts
has "Prey Sar HUP"
# ended as SIGHUP ends a process, as casewatch(1) says
checks=$((checks + 1))
[ "$status" = 129 ] || fail "SIGHUP ended it with status $status"

end_by TERM
ok cw drafts
has "Prey Sar TERM"
has "Prey Sar HUP"
checks=$((checks + 1))
[ "$status" = 143 ] || fail "SIGTERM ended it with status $status"
# the terminal is back: out of the alternate screen curses drew on
checks=$((checks + 1))
[ "$alternate" = 0 ] || fail "the terminal was left in the alternate screen:
$pane"

# The terminal itself closed (tmux gone). The kernel sends SIGHUP to the terminal's shell,
# which passes it on to its jobs; this one does not (it catches it), so casewatch gets no
# signal, only a terminal whose reads fail at once: it spun on them, holding the form, until
# it took that for the hangup it is. The form is kept, and it ends as SIGHUP ends a process.
rm -f "$WORK/status"
KEPT_CASEWATCH=$CASEWATCH
CASEWATCH="$WORK/ended"
TMUX_ENV="CASEWATCH_LOCK_AFTER=never" tmux_start 100 30
CASEWATCH=$KEPT_CASEWATCH
wait_for "0 records | 0/0"
send V
wait_for "New visit"
send "Prey Sar closed" Enter
wait_for "facility *: Prey Sar closed"
T kill-server >/dev/null 2>&1 || :
checks=$((checks + 1))
limit=$(($(date +%s) + 10))
until [ -s "$WORK/status" ]; do
	[ "$(date +%s)" -le "$limit" ] || fail "closing its terminal did not end casewatch"
	sleep 0.05
done
ok cw drafts
has "Prey Sar closed"
checks=$((checks + 1))
[ "$(cat "$WORK/status")" = 129 ] || fail "a closed terminal ended it with status $(cat "$WORK/status")"

# The draft is sealed like a record: none of its words in the file.
checks=$((checks + 1))
if grep -a -q -F "Prey Sar" "$DB/data.mdb"; then fail "the draft is readable in data.mdb"; fi

# Opened from the drafts list, it is the form as it was.
keys "5<Dump>"
has "Prey Sar"
done_ok
