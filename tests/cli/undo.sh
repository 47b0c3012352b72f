#!/bin/sh
# casewatch undo: the last add, edit or delete made on this laptop, taken back as a new change
# that travels in bundles; a deletion is refused (its content was wiped); an import leaves
# nothing to undo; --show changes nothing.
. "$TESTLIB"
set -e

ok cw init
fails 66 undo cw undo
ok cw person add --name "Ny Nak" --province "Phnom Penh"
ok cw edit "Ny Nak" --province Kandal
before=$(db_snapshot)
ok cw undo --show
has "would take back the edit of person \"Ny Nak\""
[ "$(db_snapshot)" = "$before" ] || fail "--show changed the database"
checks=$((checks + 1))
ok cw undo --json
json "d['undone'] and d['change'] == 'edited' and d['kind'] == 'person' and d['label'] == 'Ny Nak'"
ok cw show "Ny Nak" --json
json "d['province'] == 'Phnom Penh'"
# The undo is a change of its own: audited, and in the next bundle.
ok cw audit --json
json "[e['action'] for e in d] == ['create', 'edit', 'edit']"
fails 66 undo cw undo
# An addition goes; a deletion is refused.
ok cw person add --name "Kem Sokha"
ok cw undo
has "took back the addition of person \"Kem Sokha\""
ok cw list persons --json
json "[p['name'] for p in d] == ['Ny Nak']"
ok cw person add --name "Kang Saran"
ok cw delete "Kang Saran" --yes
fails 65 undo cw undo
grep -q "wiped" "$WORK/stderr" || fail "why a deletion cannot be undone is not said: $err"
fails 65 undo cw undo --show
# A save that changes nothing leaves the last change to undo.
ok cw edit "Ny Nak" --province Kandal
ok cw edit "Ny Nak" --province Kandal
ok cw undo
has "took back the edit of person \"Ny Nak\""
ok cw show "Ny Nak" --json
json "d['province'] == 'Phnom Penh'"
# A hearing's label is its date; a verdict that moved its case's charges is two records
# changed: nothing to undo, rather than a case left half taken back.
ok cw case add --title "Saran case" --defendant "Ny Nak" --charge 494
ok cw log hearing --case Saran --date 2024-05-02
ok cw undo --show
has "would take back the addition of hearing \"of 2024-05-02\""
ok cw log hearing --case Saran --date 2024-05-03 --verdict "494=convicted@Ny Nak"
fails 66 undo cw undo
ok cw show "Saran case" --json
json "d['defendants'][0]['charges'][0]['state'] == 'convicted'"
# A label cut in the middle of a Khmer character is cut before it: the JSON is whole.
ok cw case add --title "$("${PYTHON3:-python3}" -c "print('ab' + 'ក' * 100)")"
ok cw undo --json
json "d['undone'] and d['label'].startswith('abក') and len(d['label'].encode()) <= 199"
# An import is not one add, edit or delete: nothing to undo after it.
ok cw edit "Ny Nak" --province Kandal
printf '%s\n' '{"kind":"person","ref":"p-x","name":"Thach Setha"}' >"$WORK/one.jsonl"
ok cw import "$WORK/one.jsonl"
fails 66 undo cw undo
ok cw verify
done_ok
