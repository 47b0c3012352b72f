#!/bin/sh
# report_conflicts.sh - a report that uses a record with an unresolved conflict (two laptops
# edited it apart: `casewatch conflicts`) says so in its header, in every format, with how many
# such records it uses, that the figures use the version shown, and the command that resolves
# them (a field trial: the report silently used one side). Records with conflicts that the
# report does not use are not counted; once resolved, nothing is said.
. "$TESTLIB"
set -e

export CASEWATCH_NOW=2026-12-05T03:00:00Z
L="$WORK/laptop"
cl() { CASEWATCH_AUTHOR=bob "$CASEWATCH" --db "$L" "$@"; }

ok cw init
ok cl init
ok cw peer add bob "$(cl identity --key)"
ok cl peer add supervisor "$(cw identity --key)"
ok cw person add --name "Ny Nak"
ok cw case add --title "Ny Nak incitement" --court "Phnom Penh Municipal Court" \
	--defendant "Ny Nak" --charge 494/495
ok cw log hearing --case "Ny Nak incitement" --date 2026-12-03 --outcome adjourned \
	--source "own observation"
hid=$(added_id hearing)
# A hearing of another week: its conflict is none of this week's report's business.
ok cw log hearing --case "Ny Nak incitement" --date 2026-11-12 --outcome adjourned \
	--source "own observation"
old=$(added_id hearing)

# No conflict yet: no line, and 0 in the JSON.
ok cw report --week 2026-W49
lacks "Unresolved conflicts"
ok cw report --week 2026-W49 --format json
json "d['unresolved_conflicts'] == 0 and 'conflicts' not in d['header']"

ok cw bundle export -o "$WORK/all.bundle" --to bob --all
ok cl bundle import "$WORK/all.bundle"
# Both hearings changed on both sides; the laptop's changes reach the supervisor.
ok cw edit "$hid" --outcome postponed
ok cl edit "$hid" --outcome adjourned --adjourn-reason "judge absent"
ok cw edit "$old" --notes "supervisor's note"
ok cl edit "$old" --notes "bob's note"
ok cl bundle export -o "$WORK/bob.bundle" --to supervisor
ok cw bundle import "$WORK/bob.bundle"
ok cw conflicts --json
json "len(d) == 2"
# The two hearings of one case are told apart by their days in `conflicts` (a field trial's two
# read alike, "Thach Setha (Candlelight Party)", and the supervisor could not tell which to keep).
ok cw conflicts
has "hearing $hid \"2026-12-03 Ny Nak incitement\": 2 versions"
has "hearing $old \"2026-11-12 Ny Nak incitement\": 2 versions"

line="1 record used here has an unresolved conflict (two laptops edited it apart): the figures use the version shown; 'casewatch conflicts' lists the versions and resolves it"
for f in md html csv; do
	ok cw report --week 2026-W49 --format $f
	# The line's label, or in CSV its key.
	if [ $f = csv ]; then has "report,conflicts,"; else has "Unresolved conflicts"; fi
	# (HTML escapes the quotes around the command.)
	has "1 record used here has an unresolved conflict (two laptops edited it apart): the figures use the version shown;"
	has "casewatch conflicts"
done
ok cw report --week 2026-W49 --format json
json "d['unresolved_conflicts'] == 1"
json "d['header']['conflicts'] == \"$line\""
# The header comes before any figure.
ok cw report --week 2026-W49
printf '%s\n' "$out" | sed -n '1,12p' | grep -q "Unresolved conflicts" ||
	fail "not in the header: $out"
checks=$((checks + 1))
# Both weeks: both hearings.
ok cw report --from 2026-11-09 --to 2026-12-06 --format json
json "d['unresolved_conflicts'] == 2"
# A week whose 14 days after hold the other hearing uses it (its upcoming list).
ok cw report --week 2026-W45 --format json
json "d['unresolved_conflicts'] == 1"
# A week that uses neither says nothing.
ok cw report --week 2026-W40 --format json
json "d['unresolved_conflicts'] == 0"

# The person's timeline says so too, under its table: its head lines read the versions shown
# (a field trial's timeline read "charges: charged" from one laptop's version of the case while
# another's gave the conviction, and nothing said two versions waited).
ok cw timeline "Ny Nak"
has "2 records of this timeline have unresolved conflicts (two laptops edited them apart): it shows the versions shown; 'casewatch conflicts' lists the versions and resolves them"
# Its JSON, and the exported timeline, say how many too (they said nothing).
ok cw timeline "Ny Nak" --json
json "d['unresolved_conflicts'] == 2 and d['doubled_entries'] == 0"
ok cw export --timeline "Ny Nak" --format json
json "d['unresolved_conflicts'] == 2"

# Resolved: nothing is said.
ok cw conflicts resolve "$hid" --keep 1
ok cw timeline "Ny Nak"
has "1 record of this timeline has an unresolved conflict"
ok cw timeline "Ny Nak" --json
json "d['unresolved_conflicts'] == 1"
ok cw conflicts resolve "$old" --keep 1
ok cw timeline "Ny Nak"
lacks "unresolved conflict"
ok cw timeline "Ny Nak" --json
json "d['unresolved_conflicts'] == 0"
ok cw report --week 2026-W49
lacks "Unresolved conflicts"
ok cw report --week 2026-W49 --format json
json "d['unresolved_conflicts'] == 0"
echo "report_conflicts: $checks checks"
