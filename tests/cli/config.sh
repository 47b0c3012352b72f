#!/bin/sh
# The config file: a setting casewatch does not know, a value it cannot read, a line that is
# no setting, a setting given twice, or a file it cannot read stops every command with one line
# "casewatch: FILE:LINE: ..." and status 78 (74 for a file it cannot read), before anything is
# written; --help and --version still answer; the terminal interface starts and says it on its
# status line.
. "$TESTLIB"
set -e

export XDG_CONFIG_HOME="$WORK/config"
cfg="$XDG_CONFIG_HOME/casewatch/config"
mkdir -p "$XDG_CONFIG_HOME/casewatch"
printf '# my settings\n\nauthor = Sok Dara\nlock_after = 5m\nbackup_warn_after = 14d\n' >"$cfg"
unset CASEWATCH_AUTHOR
ok cw init
ok cw person add --name "Kem Ley"
ok cw audit --limit 1
has "Sok Dara"
before=$(db_snapshot)

# refused CONFIG_TEXT LINE MESSAGE: every command stops, naming the file and line.
refused() {
	printf "$1" >"$cfg"
	fails 78 "$cfg:$2: " cw person add --name "Kem Sokha"
	grep -qF -- "casewatch: $cfg:$2: $3" "$WORK/stderr" || fail "wanted '$3': $err"
	fails 78 "$cfg:$2: " cw list persons
	fails 78 "$cfg:$2: " "$CASEWATCH_BIN" --db "$WORK/nowhere" articles
}
refused 'author = Sok Dara\nlock_afterr = 5m\n' 2 'unknown setting "lock_afterr"; the settings are author, lock_after, backup_warn_after, reports_dir, language, organisation, confidentiality, attachment_limit, opener, sign_reports and time_zone'
refused '# settings\nlock_after 5m\n' 2 '"lock_after 5m" is no setting: write NAME = VALUE'
refused '[casewatch]\nauthor = x\n' 1 '"[casewatch]" is no setting'
refused '= 5m\n' 1 "no name before '='"
refused 'author = x\n\n\nlock_after = soon\n' 4 'lock_after: cannot read "soon" as an idle time'
refused 'backup_warn_after = 2 weeks\n' 1 'backup_warn_after: cannot read "2 weeks" as an age'
refused 'language = fr\n' 1 'language: "fr" is no language casewatch speaks: write km (Khmer) or en (English)'
refused 'sign_reports = maybe\n' 1 'sign_reports: write yes or no, not "maybe"'
refused 'author =\n' 1 'author: needs a value'
refused 'time_zone = Mars/Olympus\n' 1 'time_zone: "Mars/Olympus" is no time zone this machine knows: write a name such as Asia/Phnom_Penh'
refused 'time_zone = ../../../etc/passwd\n' 1 'time_zone: "../../../etc/passwd" is no time zone'
refused 'time_zone = /etc/localtime\n' 1 'time_zone: "/etc/localtime" is no time zone'
refused 'author = Sok\001Dara\n' 1 'author: '
! grep -q "$(printf '\001')" "$WORK/stderr" || fail "a control character reached the terminal"
refused 'lock_after = 5m\nlock_after = 10m\n' 2 'lock_after is set again (first on line 1)'
# $CASEWATCH_AUTHOR is held to the same rule: a name it refuses is not quietly replaced by
# the login name on new records.
printf 'author = Sok Dara\n' >"$cfg"
(
	export CASEWATCH_AUTHOR="$(printf 'Sok\033[8mhidden')"
	fails 78 "CASEWATCH_AUTHOR: control character U+001B" cw person add --name "Kem Sokha"
	! grep -q "$(printf '\033')" "$WORK/stderr" || fail "an escape reached the terminal"
	export CASEWATCH_AUTHOR="$(printf '%0200d' 0)"
	fails 78 "CASEWATCH_AUTHOR: too long" cw list persons
)
[ "$(db_snapshot)" = "$before" ] || fail "a refused config file let a command write"

# A config file that cannot be read (a folder in its place): file trouble, 74.
rm "$cfg"
mkdir "$cfg"
fails 74 "$cfg: cannot read" cw list persons
rmdir "$cfg"

# Found through $HOME when XDG_CONFIG_HOME is unset.
mkdir -p "$WORK/home/.config/casewatch"
printf 'colour = yes\n' >"$WORK/home/.config/casewatch/config"
(
	unset XDG_CONFIG_HOME
	export HOME="$WORK/home"
	fails 78 "$WORK/home/.config/casewatch/config:1: unknown setting \"colour\"" cw list persons
)

# Help and the version answer whatever the file says.
printf 'bogus\n' >"$cfg"
ok "$CASEWATCH_BIN" --help
has "usage: casewatch"
ok "$CASEWATCH_BIN" person add --help
has "--name"
ok "$CASEWATCH_BIN" -V
has "casewatch "

# The terminal interface starts all the same and says what is wrong on its status line.
printf 'lock_after = 5m\nlock_aftr = 1s\n' >"$cfg"
printf '<Dump>q' >"$WORK/keys"
checks=$((checks + 1))
out=$(CASEWATCH_TUI_SCRIPT="$WORK/keys" CASEWATCH_TUI_SIZE=200x8 "$CASEWATCH" --db "$DB" \
	2>"$WORK/stderr") || fail "the terminal interface did not start: $(cat "$WORK/stderr")"
has "$cfg:2: unknown setting \"lock_aftr\""
has "3 Records"

# A file without a mistake: commands run again.
printf 'author = Sok Dara\n' >"$cfg"
ok cw person add --name "Kem Sokha"
rm "$cfg"
ok cw list persons
has "Kem Sokha"

# time_zone: "today" is the team's day whatever zone the laptop (here $TZ) is set to. Kiritimati
# (UTC+14) and Pago Pago (UTC-11) are never on the same day, so the test holds at any hour.
if [ -f /usr/share/zoneinfo/Pacific/Kiritimati ] && [ -f /usr/share/zoneinfo/Pacific/Pago_Pago ]; then
	for zone in Pacific/Kiritimati Pacific/Pago_Pago; do
		printf 'time_zone = %s\n' "$zone" >"$cfg"
		day=$(TZ=$zone date +%Y-%m-%d)
		out=$(TZ=Pacific/Honolulu cw agenda 2>&1) || fail "agenda with time_zone $zone: $out"
		checks=$((checks + 1))
		after=$(TZ=$zone date +%Y-%m-%d) # the day may have turned meanwhile
		printf '%s\n' "$out" | grep -Eq "agenda from [A-Za-z]+ ($day|$after) to" ||
			fail "time_zone $zone: not from $day: $out"
	done
	rm "$cfg"
fi
# Without the setting or $TZ: Phnom Penh's day, which reports and calendar files name, whatever
# the machine's zone. At 20:00 UTC it is already the next day there.
if [ -f /usr/share/zoneinfo/Asia/Phnom_Penh ]; then
	out=$(env -u TZ CASEWATCH_NOW=2024-02-07T20:00:00Z "$CASEWATCH" --db "$DB" agenda 2>&1) ||
		fail "agenda without TZ: $out"
	checks=$((checks + 1))
	printf '%s\n' "$out" | grep -q "agenda from Thu 2024-02-08 to" ||
		fail "no time_zone, no TZ: not Phnom Penh's day: $out"
	# $TZ, when set, is this run's zone.
	out=$(TZ=UTC CASEWATCH_NOW=2024-02-07T20:00:00Z "$CASEWATCH" --db "$DB" agenda 2>&1) ||
		fail "agenda with TZ: $out"
	checks=$((checks + 1))
	printf '%s\n' "$out" | grep -q "agenda from Wed 2024-02-07 to" ||
		fail "TZ=UTC: not UTC's day: $out"
	# A $TZ naming a zone the machine has no file for (a typo) is not taken for UTC in
	# silence: a warning, and Phnom Penh's day.
	out=$(TZ=Asia/Phnom_Pen CASEWATCH_NOW=2024-02-07T20:00:00Z "$CASEWATCH" --db "$DB" agenda \
		2>"$WORK/stderr") || fail "agenda with a mistyped TZ: $out $(cat "$WORK/stderr")"
	checks=$((checks + 1))
	printf '%s\n' "$out" | grep -q "agenda from Thu 2024-02-08 to" ||
		fail "a mistyped TZ: not Phnom Penh's day: $out"
	grep -qF "casewatch: warning: TZ=Asia/Phnom_Pen names no time zone this machine knows: using Asia/Phnom_Penh" "$WORK/stderr" ||
		fail "a mistyped TZ: no warning: $(cat "$WORK/stderr")"
fi

# language = km: a table's column titles too (they are N_() msgids, translated when printed).
if command -v gettext >/dev/null; then
	name_km=$(LC_ALL=C.UTF-8 LANGUAGE=km TEXTDOMAINDIR="$CASEWATCH_LOCALEDIR" gettext -d casewatch AFFILIATION)
	[ "$name_km" != AFFILIATION ] || fail "the catalogue does not translate AFFILIATION"
	printf 'language = km\n' >"$cfg"
	ok cw list persons
	has "$name_km"
	lacks AFFILIATION
	rm "$cfg"
fi

done_ok
