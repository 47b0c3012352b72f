#!/bin/sh
# Merging does not trust wall clocks (issue 12), through the real binary: a copy of Alice's
# laptop with its clock in 2030 (CASEWATCH_NOW, the test hook for a wrong clock) releases a
# defendant; its bundle reaches the supervisor before and after Alice's real, later correction.
# The version from the future is kept and listed, never shown over the others, and cannot make
# the correction disappear; two supervisors importing in either order hold the same versions;
# a resolution sets the forged version aside everywhere it goes.
. "$TESTLIB"
set -e

A="$WORK/A" F="$WORK/F" S="$WORK/S" T="$WORK/T"
ca() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
cf() { CASEWATCH_NOW=2030-01-01T00:00:00Z CASEWATCH_AUTHOR="OHCHR Cambodia" "$CASEWATCH" --db "$F" "$@"; }
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
ct() { CASEWATCH_AUTHOR=sup2 "$CASEWATCH" --db "$T" "$@"; }
ok ca init
ok cs init
ok ct init
mesh alice="$A" supervisor="$S" sup2="$T"
ok ca person add --name "Ny Nak" --notes "detained"
p=$(printf '%s' "$out" | awk '{print $3}')
ok ca bundle export --plain --to supervisor -o "$WORK/a1.bundle"
ok cs bundle import "$WORK/a1.bundle"
ok ct bundle import "$WORK/a1.bundle"

# The forger: Alice's database copied (same id, same key), its clock set to 2030.
cp -r "$A" "$F"
ok cf edit "$p" --notes "released"
ok cf bundle export --plain --to supervisor -o "$WORK/forged.bundle"
ok cf bundle inspect "$WORK/forged.bundle"
has "2030-01-01"

# Alice's correction, made later but dated by her own (right) clock.
ok ca edit "$p" --notes "detained; hearing moved"
ok ca bundle export --plain --to supervisor -o "$WORK/a2.bundle"

# Forged first: kept as a conflict, flagged, and what the supervisor had stays shown.
ok cs bundle import "$WORK/forged.bundle"
has "1 changed record has conflicting versions"
ok cs show "$p" --json
json "d['notes'] == 'detained'"
ok cs conflicts
has "(shown)"
has "dated in the future: 2030-01-01"
has "OHCHR Cambodia"
ok cs conflicts --json
json "len(d) == 1 and d[0]['versions'][1]['notes'] == 'released'"
json "d[0]['versions'][1]['dated_in_future'].startswith('2030-01-01')"
json "'dated_in_future' not in d[0]['versions'][0]"
# Then the correction: it replaces Alice's earlier version although the forged one claims to
# come after both; it is not swallowed.
ok cs bundle import "$WORK/a2.bundle"
has "1 record changed"
ok cs show "$p" --json
json "d['notes'] == 'detained; hearing moved'"
ok cs conflicts --json
json "[v['notes'] for v in d[0]['versions']] == ['detained; hearing moved', 'released']"

# The other order on the second supervisor's laptop: the same versions, the same one shown.
ok ct bundle import "$WORK/a2.bundle"
ok ct bundle import "$WORK/forged.bundle"
has "1 record changed"
ok ct show "$p" --json
json "d['notes'] == 'detained; hearing moved'"
same_content "$S" "$T"

# The supervisor keeps Alice's version: the forged one is set aside, here and wherever the
# resolution travels; the forged bundle arriving again changes nothing anywhere.
ok cs conflicts resolve "$p" --keep 1
ok cs conflicts
has "no conflicts"
ok cs bundle import "$WORK/forged.bundle"
has "0 records changed"
ok cs bundle export --plain --to sup2 -o "$WORK/s1.bundle"
ok ct bundle import "$WORK/s1.bundle"
ok ct conflicts
has "no conflicts"
ok ct bundle import "$WORK/forged.bundle"
has "0 records changed"
ok cs bundle export --plain --to alice -o "$WORK/s2.bundle"
ok ca bundle import "$WORK/s2.bundle"
ok ca bundle import "$WORK/forged.bundle"
has "0 records changed"
ok ca show "$p" --json
json "d['notes'] == 'detained; hearing moved' and d['editor'] == 'sup'"
same_content "$S" "$T"
same_content "$S" "$A"

# A laptop whose clock is ahead by less than a day is a clock that drifted, not the future:
# its later edit is shown like any other.
ahead=$(date -u -d '+20 hours' +%Y-%m-%dT%H:%M:%SZ)
ca_ahead() { CASEWATCH_NOW=$ahead CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
ok ca_ahead edit "$p" --notes "moved to Prey Sar"
ok ca bundle export --plain --to supervisor -o "$WORK/a3.bundle"
ok cs bundle import "$WORK/a3.bundle"
ok cs show "$p" --json
json "d['notes'] == 'moved to Prey Sar'"
ok cs conflicts
has "no conflicts"
done_ok
