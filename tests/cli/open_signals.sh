#!/bin/sh
# open_signals.sh - `casewatch open` decrypts an attachment into a private folder in memory and
# removes it afterwards, even when the command is ended by a signal while the viewer has it:
# Ctrl-C (SIGINT), Ctrl-\ (SIGQUIT), a closed terminal (SIGHUP) or a shutdown (SIGTERM). A trial
# found Ctrl-\ left the decrypted copy in /dev/shm, readable until the next reboot, by anyone
# who took the laptop while it slept.
. "$TESTLIB"
set -e

[ "$(df -T /dev/shm 2>/dev/null | awk 'NR == 2 { print $2 }')" = tmpfs ] ||
	fail "/dev/shm is not tmpfs here: the test needs a folder in memory"
RUN=$(mktemp -d /dev/shm/casewatch-test-XXXXXX)
trap 'rm -rf "$WORK" "$RUN"' EXIT
export XDG_RUNTIME_DIR="$RUN"

ok cw init
ok cw person add --name "Chhim Sithar"
printf 'STATEMENTWORD the guard took the summons at dawn\n' >"$WORK/statement.txt"
ok cw attach "Chhim Sithar" "$WORK/statement.txt"
id=$(printf '%s' "$out" | awk '{print $2}' | tr -d :)

# The viewer: it notes where the copy is, then the signal comes to casewatch (its parent)
# while the copy is there.
cat >"$WORK/opener" <<'SH'
#!/bin/sh
printf '%s\n' "$1" >"$OPENED.path"
kill -s "$SIGNAL" "$PPID"
sleep 1
SH
chmod +x "$WORK/opener"
export OPENED="$WORK/opened" CASEWATCH_OPENER="$WORK/opener"
for sig in INT QUIT HUP TERM; do
	rm -f "$OPENED.path"
	checks=$((checks + 1))
	set +e
	SIGNAL=$sig cw open "$id" </dev/null >/dev/null 2>&1
	st=$?
	set -e
	[ -s "$OPENED.path" ] || fail "SIG$sig: the opener did not run (status $st)"
	[ "$st" -gt 128 ] || fail "SIG$sig: casewatch open exited $st, not by the signal"
	copy=$(cat "$OPENED.path")
	[ ! -e "$copy" ] && [ ! -e "$(dirname "$copy")" ] ||
		fail "SIG$sig left the decrypted copy $copy behind"
	if grep -r -q STATEMENTWORD "$RUN"; then
		fail "SIG$sig left the statement readable in $RUN"
	fi
done
echo "open_signals: $checks checks passed"
