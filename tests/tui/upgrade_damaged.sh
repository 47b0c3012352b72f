#!/bin/sh
# upgrade_damaged.sh - the terminal interface opens the store for writing, so it upgrades a
# database of an earlier schema as any writing command does (its version written behind
# casewatch's back with $TAMPER), and a record that cannot be read (one byte of its sealed value
# flipped) is left out of every index. The command line says so on standard error
# (tests/cli/upgrade_damaged.sh); the interface, whose screen would hide that line at once, says
# it in a pane of its own over the lists, in the same words (one record, several), whole at 80
# columns, until Esc; the next start, the database upgraded, says nothing. An unlock that
# opens a database upgraded meanwhile says it too, over the form it opens again.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw person add --name "Kang Saran"
kang=$(added_id person)
ok cw person add --name "Meas Sophal"
sophal=$(added_id person)
ok cw case add --title "NagaWorld strike" --court "Phnom Penh Court" --defendant "Chhim Sithar"
WHOLE=$DB

# schema18 NAME ID...: a copy of the database, in $DB from now on, whose schema says 18 and
# whose records ID... no longer open.
schema18() {
	DB="$WORK/$1"
	shift
	rm -rf "$DB"
	cp -r "$WHOLE" "$DB"
	"$TAMPER" "$DB" put meta "$(hex schema_version)" 00000012 || fail "tamper put"
	for id in "$@"; do
		"$TAMPER" "$DB" flip records "$id" || fail "tamper flip $id"
	done
}
# said TEXT: the pane, its lines joined with single spaces (the pane wraps the warning at the
# screen's width), holds TEXT.
said() {
	capture
	checks=$((checks + 1))
	printf '%s\n' "$pane" | tr -s ' \n' '  ' | grep -qF -- "$1" || fail "the screen does not say '$1':
$pane"
}
# silent: the pane says nothing of an upgrade.
silent() {
	capture
	checks=$((checks + 1))
	! printf '%s\n' "$pane" | grep -qF "the upgrade left" || fail "an upgrade is said again:
$pane"
}

# One record: its id, what lists and reports do without it, and what to do, to the end.
schema18 one "$kang"
tmux_start 80 24
wait_for "Warning: the upgrade left records out   Esc closes"
said "the upgrade left 1 record that cannot be read out of every index, $kang (damaged): lists and reports leave it out; run 'casewatch verify', which names it, and restore a backup made before the damage to have it back"
send Escape
wait_for " 1 Cases "
silent
# Upgraded: the others are indexed, the record is left out of the lists.
send 2
wait_for "Chhim Sithar"
wait_for "Meas Sophal"
checks=$((checks + 1))
capture
! printf '%s\n' "$pane" | grep -qF "Kang Saran" || fail "the damaged person is listed:
$pane"
send q
wait_quit "q"
# Started again: the database is upgraded, and nothing is said.
tmux_start 80 24
wait_for " 1 Cases "
silent
send q
wait_quit "q (started again)"

# Several: the plural's words, the first record by id (the order the upgrade reads them in).
first=$(printf '%s\n%s\n' "$kang" "$sophal" | LC_ALL=C sort | head -n 1)
schema18 two "$kang" "$sophal"
tmux_start 80 24
wait_for "Warning: the upgrade left records out"
said "the upgrade left 2 records that cannot be read out of every index, e.g. $first (damaged): lists and reports leave them out; run 'casewatch verify', which names each, and restore a backup made before the damage to have them back"
send Escape
wait_for " 1 Cases "
send q
wait_quit "q (two)"

# Resized, the pane wraps its text again for the new width: at 50 columns the lines tmux
# keeps are the whole warning, none cut at the window's edge; at 100 columns again the lines
# join as they were. In Khmer too, wrapped by display columns (a Khmer letter is 3 bytes, one
# column or none): the widest line at 50 columns is more than 40 of them.
one="the upgrade left 1 record that cannot be read out of every index, $kang (damaged): lists and reports leave it out; run 'casewatch verify', which names it, and restore a backup made before the damage to have it back"
# wait_said TEXT: polls the pane until its lines, joined with single spaces, hold TEXT (the
# window's new size reaches casewatch as a key, and its screen after it).
wait_said() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + 10))
	while :; do
		capture
		printf '%s\n' "$pane" | tr -s ' \n' '  ' | grep -qF -- "$1" && return 0
		[ "$(date +%s)" -le "$limit" ] || fail "the screen does not say '$1':
$pane"
		sleep 0.05
	done
}
# wait_as WAS: polls the pane until it is WAS again, line for line.
wait_as() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + 10))
	while :; do
		capture
		[ "$pane" = "$1" ] && return 0
		[ "$(date +%s)" -le "$limit" ] || fail "the lines are not as they were:
$1
----
$pane"
		sleep 0.05
	done
}
schema18 resized "$kang"
tmux_start 100 24
wait_for "Warning: the upgrade left records out   Esc closes"
said "$one"
wide=$pane
T resize-window -t cw -x 50 -y 24
wait_said "$one"
checks=$((checks + 1))
[ "$(printf '%s\n' "$pane" | sed -n '2,8p' | grep -c '[a-z]')" -ge 6 ] || fail "at 50 columns the warning does not take 6 rows or more:
$pane"
T resize-window -t cw -x 100 -y 24
wait_as "$wide"
send Escape
wait_for " 1 Cases "
send q
wait_quit "q (resized)"

need_khmer
# The Khmer of the warning: its one form (Khmer has no plural), the count and the id put in.
khm=$(TEXTDOMAINDIR="$CASEWATCH_LOCALEDIR" LC_ALL=C.UTF-8 LANGUAGE=km ngettext casewatch \
	"the upgrade left %zu record that cannot be read out of every index, %s (damaged): lists and reports leave it out; run 'casewatch verify', which names it, and restore a backup made before the damage to have it back" \
	"the upgrade left %zu records that cannot be read out of every index, e.g. %s (damaged): lists and reports leave them out; run 'casewatch verify', which names each, and restore a backup made before the damage to have them back" 1)
khm=$(printf '%s\n' "$khm" | sed "s/%zu/1/; s/%s/$kang/")
case $khm in the\ upgrade*) fail "the catalogue does not translate the warning" ;; esac
# bare TEXT: TEXT without its spaces (a Khmer line may break between letters, where no space is).
bare() { printf '%s' "$1" | tr -d ' \n'; }
# khmer_whole: the pane, its spaces and line ends taken out, holds the whole Khmer warning.
khmer_whole() {
	checks=$((checks + 1))
	limit=$(($(date +%s) + 10))
	while :; do
		capture
		case $(bare "$pane") in *"$(bare "$khm")"*) return 0 ;; esac
		[ "$(date +%s)" -le "$limit" ] || fail "the screen does not say the Khmer warning whole:
$khm
----
$pane"
		sleep 0.05
	done
}
schema18 resized_km "$kang"
TMUX_ENV="LC_ALL= LANGUAGE= LANG=km_KH.UTF-8" tmux_start 100 24
wait_for "$kang"
khmer_whole
wide=$pane
T resize-window -t cw -x 50 -y 24
khmer_whole
screen=$(printf '%s\n' "$pane" | sed -n '2,23p') # the rows between the title and the status line
checks=$((checks + 1))
[ "$(widest)" -gt 40 ] || fail "at 50 columns the Khmer warning is wrapped short of the width (bytes counted?):
$pane"
T resize-window -t cw -x 100 -y 24
wait_as "$wide"
send Escape
wait_gone "$kang"
T kill-server >/dev/null 2>&1 || :

# Locked, the database put back as an earlier casewatch left it, a form open: the unlock
# upgrades it and says so over the form, which Esc shows again.
DB="$WORK/locked"
rm -rf "$DB"
cp -r "$WHOLE" "$DB"
TMUX_ENV="CASEWATCH_LOCK_AFTER=never" tmux_start 80 24
wait_for " 1 Cases "
send 2 P
wait_for "New person"
send -l "Half Typed"
send F12
wait_for "casewatch is locked — passphrase:"
"$TAMPER" "$DB" put meta "$(hex schema_version)" 00000012 || fail "tamper put"
"$TAMPER" "$DB" flip records "$sophal" || fail "tamper flip"
send -l "$PASSPHRASE"
send Enter
wait_for "Warning: the upgrade left records out"
said "the upgrade left 1 record that cannot be read out of every index, $sophal (damaged)"
send Escape
wait_for "Half Typed"
T kill-server >/dev/null 2>&1 || :
echo "upgrade_damaged (tui): $checks checks"
