#!/bin/sh
# The pager, in a real terminal (tmux): output longer than the screen goes through
# $CASEWATCH_PAGER / $PAGER (default less), output that fits and output to a pipe or file never
# does, --no-pager and an empty or 'cat' pager turn it off, errors stay on standard error, and
# quitting the pager early leaves the command's exit status as it was, with no message.
. "$TOP_SRCDIR/tests/tui/lib.sh"
set -e

ok cw seed "$SEED_FILE"
ok cw --no-pager list records
total=$(printf '%s\n' "$out" | wc -l)
[ "$total" -gt 100 ] || fail "the demo list has $total lines"

# A pager that says it ran and keeps what it was given.
cat >"$WORK/markpager" <<PAGER
#!/bin/sh
: >"$WORK/paged"
printf '%s\n' "\$LESSHISTFILE" >"$WORK/paged.hist"
ls -l /proc/\$\$/fd/ >"$WORK/paged.fds" 2>&1
cat >"$WORK/paged.out"
PAGER
chmod +x "$WORK/markpager"

[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] || {
	echo "SKIP: tmux not found"
	exit 77
}
trap 'T kill-server >/dev/null 2>&1 || :; rm -rf "$WORK"' EXIT
# A shell in a terminal of 100x12; no pager variable from the caller's environment.
T -f /dev/null new-session -d -s cw -x 100 -y 12 \
	"env -u PAGER -u CASEWATCH_PAGER -u COLUMNS -u LINES LC_ALL=C.UTF-8 TERM=screen PS1='$ ' sh" ||
	fail "tmux could not start a session"
wait_for '$'
CW="'$CASEWATCH' --db '$DB'"

# ended TAG [SECONDS]: waits until the shell has printed "TAG=STATUS" on a line of its own
# (not the typed command), and puts STATUS in $status.
ended() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + ${2:-20}))
	while :; do
		capture
		status=$(printf '%s\n' "$pane" | sed -n "s/^\(\\$ \)\{0,1\}$1=\([0-9][0-9]*\)\$/\2/p")
		[ -n "$status" ] && return 0
		[ "$(date +%s)" -le "$limit" ] || fail "'$1' never ended:
$pane"
		sleep 0.05
	done
}

# cleared: waits until the screen holds the prompt alone (typing sooner would be echoed
# before the screen is cleared, and wiped with it).
cleared() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + 10))
	while :; do
		capture
		[ "$(printf '%s\n' "$pane" | grep -c .)" -eq 1 ] && [ "$(printf '%s' "$pane" | head -1)" = '$' ] &&
			return 0
		[ "$(date +%s)" -le "$limit" ] || fail "the screen was not cleared:
$pane"
		sleep 0.05
	done
}

# run TAG COMMAND: types COMMAND in a cleared shell and waits for it to end.
run() {
	rm -f "$WORK/paged" "$WORK/paged.out"
	send "clear" Enter
	cleared
	send "$2; echo $1=\$?" Enter
	ended "$1"
}
paged() {
	checks=$((checks + 1))
	[ -e "$WORK/paged" ] || fail "$1: the pager did not run"
}
not_paged() {
	checks=$((checks + 1))
	[ ! -e "$WORK/paged" ] || fail "$1: the pager ran"
}
status_is() {
	checks=$((checks + 1))
	[ "$status" = "$1" ] || fail "exit status $status, wanted $1:
$pane"
}

# Longer than the screen: paged, all of it, and the status is the command's.
run long "CASEWATCH_PAGER='$WORK/markpager' $CW list records"
status_is 0
paged "a long list"
[ "$(wc -l <"$WORK/paged.out")" -eq "$total" ] || fail "the pager was given $(wc -l <"$WORK/paged.out") lines, not $total"
# fitted to the terminal's 100 columns, as on the terminal itself
[ "$(wc -L <"$WORK/paged.out")" -le 100 ] ||
	fail "paged lines are wider than the terminal"
# less keeps no history of what was searched for (a name) on the disk; the pager holds none
# of casewatch's files nor the passphrase's descriptors (8 and 9 in the test's wrapper).
checks=$((checks + 2))
[ "$(cat "$WORK/paged.hist")" = - ] || fail "LESSHISTFILE was '$(cat "$WORK/paged.hist")'"
if grep -q -e ' 8 -> ' -e ' 9 -> ' -e 'data.mdb' -e 'lock.mdb' "$WORK/paged.fds"; then
	fail "the pager inherited casewatch's descriptors: $(cat "$WORK/paged.fds")"
fi
# $PAGER when $CASEWATCH_PAGER is not set
run env "PAGER='$WORK/markpager' $CW list records"
paged "PAGER"
# the help is paged too
run help "CASEWATCH_PAGER='$WORK/markpager' $CW --help"
paged "--help"

# To a pipe or a file: never paged, everything comes.
run pipe "CASEWATCH_PAGER='$WORK/markpager' $CW list records | cat >'$WORK/piped'"
status_is 0
not_paged "a pipe"
[ "$(wc -l <"$WORK/piped")" -eq "$total" ] || fail "the pipe got $(wc -l <"$WORK/piped") lines"
run file "CASEWATCH_PAGER='$WORK/markpager' $CW list records >'$WORK/file'"
not_paged "a file"
[ "$(wc -l <"$WORK/file")" -eq "$total" ] || fail "the file got $(wc -l <"$WORK/file") lines"

# Short output fits: printed, no pager.
run short "CASEWATCH_PAGER='$WORK/markpager' $CW list records --limit 3"
status_is 0
not_paged "four lines"
wait_for "ACCOUNT"

# The boundary, on a screen of 12 rows: 11 lines leave the row the prompt needs, 12 do not.
run fits "CASEWATCH_PAGER='$WORK/markpager' $CW list records --limit 10"
not_paged "11 lines"
run over "CASEWATCH_PAGER='$WORK/markpager' $CW list records --limit 11"
paged "12 lines"
[ "$(wc -l <"$WORK/paged.out")" -eq 12 ] || fail "12 lines were not all paged"

# Turned off: --no-pager (before or after the command), an empty pager, cat.
run off1 "CASEWATCH_PAGER='$WORK/markpager' $CW --no-pager list records"
not_paged "--no-pager"
status_is 0
last=$(printf '%s\n' "$out" | tail -1 | cut -c1-8)
wait_for "$last"
run off2 "CASEWATCH_PAGER='$WORK/markpager' $CW list records --no-pager --limit 50"
not_paged "--no-pager after the command"
status_is 0
run off3 "PAGER='$WORK/markpager' CASEWATCH_PAGER= $CW list records"
not_paged "CASEWATCH_PAGER empty"
run off4 "PAGER=cat $CW list records"
not_paged "PAGER=cat"
status_is 0
run off5 "CASEWATCH_PAGER='$WORK/markpager' TERM=dumb $CW list records"
not_paged "a dumb terminal"

# Errors go to standard error, unpaged, with their own status.
run err "CASEWATCH_PAGER='$WORK/markpager' $CW list records --limit x"
not_paged "an error"
status_is 65
wait_for "limit"

# A pager that cannot run: a warning, and the output without it.
run nopager "CASEWATCH_PAGER=/nonexistent/pager $CW list records 2>'$WORK/err'"
status_is 0
wait_for "$last"
checks=$((checks + 1))
grep -q "cannot run the pager '/nonexistent/pager'" "$WORK/err" || fail "no warning: $(cat "$WORK/err")"

# The real default, less: it shows the first screen and waits; q quits it early, with more
# output still to come (a JSON export is larger than a pipe holds), and the status stays 0
# with no message about the closed pipe.
if command -v less >/dev/null 2>&1; then
	send "clear" Enter
	cleared
	send "$CW export records --format json; echo less=\$?" Enter
	wait_for '"kind":'
	checks=$((checks + 1))
	printf '%s\n' "$pane" | grep -q "^less=" && fail "the command ended before the pager was quit:
$pane"
	send q
	ended less
	status_is 0
	checks=$((checks + 1))
	printf '%s\n' "$pane" | grep -qi "broken pipe\|cannot write" && fail "a message about the pipe:
$pane"
else
	echo "less is not installed: its part skipped"
fi

# --no-pager after the command too, as the man page has it, for commands that read their
# arguments themselves (they called it unexpected).
for args in "show ref:c-kem-sokha-treason" "timeline Kem_Sokha" "identity" "peer list" \
	"list cases" "agenda"; do
	set -- $args
	[ "$args" = "timeline Kem_Sokha" ] && set -- timeline "Kem Sokha"
	ok cw "$@" --no-pager
	[ -n "$out" ] || fail "'$args --no-pager' printed nothing"
done
ok cw timeline --no-pager "Kem Sokha"
has "Kem Sokha"
done_ok
