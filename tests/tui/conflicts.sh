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
ok cw edit "Ny Nak" --province "Phnom Penh" --confidential
ok cl edit "Ny Nak" --province "Kandal"
ok cl bundle export -o "$WORK/bob.bundle" --to supervisor
ok cw bundle import "$WORK/bob.bundle"
ok cw conflicts --json
json "len(d) == 1"

# The lists' status line says that it waits, and the key that lists it (a report written
# meanwhile uses the version shown): on the records list and the agenda alike.
keys '<Dump>' 120x24
has "1 conflict waits (X lists it)"
keys '4<Dump>' 120x24
has "1 conflict waits (X lists it)"

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
# ... the confidential mark one of them has among them, first: keeping the version without it
# sends the person to partners.
keys 'X<Dump>' 160x24
checks=$((checks + 1))
printf '%s\n' "$out" | grep -qE "^        confidential: (yes: in no report, export or plain bundle   \(shown: no: in reports, exports and plain bundles\)|no: in reports, exports and plain bundles   \(shown: yes: in no report, export or plain bundle\))" ||
	fail "no confidential difference shown: $out"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -E "^        (confidential|province of residence): " | head -1 |
	grep -q "^        confidential: " || fail "the mark is not the first difference: $out"
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
keys '<Dump>' 120x24
lacks "conflict waits"

# Two accounts of one demonstration: the supervisor links the government's to the team's (it
# disputes it), the laptop edits its notes. The link is among the differences, told as the
# record view tells the account it names: without it the two accounts count as two events.
ok cw log demo --date 2024-05-03 --place "Supreme Court" --arrests-count 3 \
	--source "own observation"
own=$(added_id demo)
ok cw log demo --date 2024-05-03 --place "Supreme Court" --arrests-count 0 --view government \
	--source "Ministry statement"
gov=$(added_id demo)
[ -n "$own" ] && [ -n "$gov" ] || fail "no ids: $own $gov"
ok cw bundle export -o "$WORK/all2.bundle" --to bob --all
ok cl bundle import "$WORK/all2.bundle"
ok cw edit "$gov" --disputes "$own"
ok cl edit "$gov" --notes "from the laptop"
ok cl bundle export -o "$WORK/bob2.bundle" --to supervisor
ok cw bundle import "$WORK/bob2.bundle"
ok cw conflicts --json
json "len(d) == 1"
keys 'X<Dump>' 160x24
acc="demo 2024-05-03, account: own observation, Supreme Court \\($(printf %.8s "$own")\\)"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -qE "^        disputes: ($acc   \(shown: \(none\)\)|\(none\)   \(shown: $acc\))" ||
	fail "no link among the differences: $out"
done_ok
