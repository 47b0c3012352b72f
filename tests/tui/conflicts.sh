#!/bin/sh
# Conflicts in the terminal interface: two laptops edit the same person, the supervisor's
# database gets both, X lists the versions with how each differs from the one shown, and
# Enter on one keeps it after a question.
. "$(dirname "$0")/lib.sh"
set -e

L="$WORK/laptop"
cl() { CASEWATCH_AUTHOR=bob "$CASEWATCH" --db "$L" "$@"; }

ok cw init
ok cl init
# Each side enrols the other's key.
ok cw peer add bob "$(cl identity --key)"
ok cl peer add supervisor "$(cw identity --key)"
ok cw person add --name "Ny Nak" --affiliation "social commentator"
ok cw bundle export -o "$WORK/all.bundle" --to bob --all
ok cl bundle import "$WORK/all.bundle"
# The same person changed on both sides, then the laptop's change reaches the supervisor.
ok cw edit "Ny Nak" --province "Phnom Penh"
ok cl edit "Ny Nak" --province "Kandal"
ok cl bundle export -o "$WORK/bob.bundle" --to supervisor
ok cw bundle import "$WORK/bob.bundle"
ok cw conflicts --json
json "len(d) == 1"

# X lists the record and its two versions, the shown one first.
keys 'X<Dump>'
has "Conflicts: versions two laptops made of one record"
has "person "
has "[1] shown"
has "[2] other"
has "conflicts | 1 record"
lacks "conflicts | 1 records"
# ... and how version 2 differs from the one shown, so the choice is not made blind.
checks=$((checks + 1))
printf '%s\n' "$out" | grep -qE "province of residence: (Kandal|Phnom Penh)   \(shown: (Phnom Penh|Kandal)\)" ||
	fail "no difference shown: $out"
# On a narrow screen the difference wraps under its field: the other value is still there.
keys 'X<Dump>' 44x24
has "(shown: "
ok cw conflicts
checks=$((checks + 1))
printf '%s\n' "$out" | grep -qE "^      province of residence: (Kandal|Phnom Penh)   \(shown: (Phnom Penh|Kandal)\)" ||
	fail "the command line shows no difference: $out"
# Enter on a heading explains; on version 2 it asks, and n leaves it as it is.
keys 'X<Enter><Dump>'
has "move to a version"
keys 'Xjj<Enter><Dump>n<Dump>'
screen 1
printf '%s\n' "$screen" | grep -qF "Keep version 2 of person" || fail "no question: $screen"
screen 2
printf '%s\n' "$screen" | grep -qF "conflict left as it is" || fail "not left: $screen"
ok cw conflicts --json
json "len(d) == 1"
# y keeps version 2: the conflict is gone and that version is the record's content.
ok cw conflicts --json
kept=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
c = json.load(sys.stdin)[0]
print(c["versions"][1].get("record", c["versions"][1]).get("province", ""))')
keys 'Xjj<Enter>y<Dump>'
has "resolved: version 2 kept"
has "no conflicts"
ok cw conflicts --json
json "len(d) == 0"
ok cw show "Ny Nak" --json
json "d.get('province') == '$kept'"
done_ok
