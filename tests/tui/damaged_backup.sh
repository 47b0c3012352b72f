#!/bin/sh
# damaged_backup.sh - the status line's backup reminder reads the time of the last backup
# (meta, in the clear) and, when none was noted, the first audit entry (sealed). One that
# cannot be read (altered behind casewatch's back, $TAMPER) is said as a warning, once, in the
# store's words that name it and say what to do, and the status line keeps "last backup:
# cannot be read" while the work goes on. It was taken for a backup recent enough (nothing
# said: a damaged first audit entry) or for none ("no backup yet": a damaged time), and a
# backup noted 30 days before was not said at all when the audit entry failed.
. "$(dirname "$0")/lib.sh"
set -e

# The records are made on 10 January; casewatch is started on 1 March, with backup_warn_after
# at its default of a week.
export CASEWATCH_NOW=2024-01-10T03:00:00Z
ok cw init
ok cw person add --name "Chhim Sithar"
unset CASEWATCH_NOW
TMUX_ENV="CASEWATCH_NOW=2024-03-01T03:00:00Z CASEWATCH_LOCK_AFTER=never"
WHOLE=$DB
first=$("${PYTHON3:-python3}" -c 'print("%016x" % 1)')
last_backup=$(printf 'last_backup' | od -An -tx1 | tr -d ' \n')
# 30 days before the day casewatch is started on, in microseconds.
old=$("${PYTHON3:-python3}" -c '
import calendar
print("%016x" % ((calendar.timegm((2024, 3, 1, 3, 0, 0)) - 30 * 86400) * 1000000))')

# copy NAME: a copy of the database, in $DB from now on, to alter before start starts
# casewatch on it in tmux ($TAMPER needs no one else to have it open).
copy() {
	T kill-server >/dev/null 2>&1 || :
	DB="$WORK/$1"
	rm -rf "$DB"
	cp -r "$WHOLE" "$DB"
}
start() {
	tmux_start 250 30
	wait_for " 1 Cases "
}
# says TEXT: the warning, with the store's message TEXT.
says() {
	wait_for "warning: cannot tell whether a backup is due: $1"
}
# lacks_pane TEXT: the screen does not show TEXT.
lacks_pane() {
	capture
	checks=$((checks + 1))
	! printf '%s\n' "$pane" | grep -qF -- "$1" || fail "the screen shows '$1':
$pane"
}

# Whole, never backed up, the first change 51 days old: said.
copy whole
start
wait_for "no backup yet (casewatch backup)"

# The first audit entry fails its authentication: said once, then kept on the status line.
copy audit
"$TAMPER" "$DB" flip audit "$first"
start
says "audit entry 1 fails its authentication: the database was altered or is damaged ('casewatch verify' lists what is; 'casewatch restore BACKUP --db DIR' brings back a backup)"
lacks_pane "no backup yet"
send 2
wait_for "Chhim Sithar"
wait_for "| last backup: cannot be read"
wait_gone "cannot tell whether a backup is due"
# A form opens and saves meanwhile.
send P
wait_for "New person"
send -l "Kang Saran"
send C-s
wait_for "added person "
send Escape
wait_for "Kang Saran"
wait_for "| last backup: cannot be read"

# A backup noted 30 days ago is said whatever the audit log holds: the oldest change is only
# needed when none was noted.
copy noted
"$TAMPER" "$DB" flip audit "$first"
"$TAMPER" "$DB" put meta "$last_backup" "$old"
start
wait_for "last backup 30 days ago"
lacks_pane "cannot tell whether a backup is due"

# The time noted is not a time (2 bytes, not 8): never "no backup yet".
copy time
"$TAMPER" "$DB" put meta "$last_backup" 0102
start
says "the time of the last backup noted cannot be read (2 bytes, not 8): the database was altered or is damaged ('casewatch backup -o FILE' notes it again; 'casewatch verify' checks the rest)"
lacks_pane "no backup yet"
send 3
wait_for "| last backup: cannot be read"
T kill-server >/dev/null 2>&1 || :
echo "damaged_backup: $checks checks"
