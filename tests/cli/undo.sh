#!/bin/sh
# casewatch undo: the last add, edit, delete or merge made on this laptop, taken back as one new
# change that travels in bundles; a deletion comes back under its id; a merge brings back the
# person merged away and what named them, on the other laptop too; an import leaves nothing to
# undo; --show changes nothing; --forget forgets.
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
ok cw person add --name "Kang Saran" --province Kandal
saran=$(printf '%s' "$out" | awk '{print $3}')
ok cw delete "Kang Saran" --yes
has "casewatch undo\` brings it back until the next change"
has "undo --forget\` wipes it"
ok cw undo --show
has "would take back the deletion of person \"Kang Saran\""
ok cw undo
has "took back the deletion of person \"Kang Saran\""
ok cw show "$saran" --json
json "d['name'] == 'Kang Saran' and d['province'] == 'Kandal' and d['id'] == '$saran'"
# --forget: nothing left to undo.
ok cw delete "Kang Saran" --yes
ok cw undo --forget
has "forgotten"
fails 66 undo cw undo
ok cw undo --forget --json
json "d['forgotten'] is False"
fails 2 forget cw undo --show --forget
# A save that changes nothing leaves the last change to undo.
ok cw edit "Ny Nak" --province Kandal
ok cw edit "Ny Nak" --province Kandal
ok cw undo
has "took back the edit of person \"Ny Nak\""
ok cw show "Ny Nak" --json
json "d['province'] == 'Phnom Penh'"
# A hearing is named by its case and date (its court would not say which hearing it was); a
# verdict that moved its case's charges is two records changed, taken back together.
ok cw case add --title "Saran case" --defendant "Ny Nak" --charge 494
ok cw log hearing --case Saran --date 2024-05-02 --court "Court of Appeal"
ok cw undo --show
has "would take back the addition of hearing \"Saran case on 2024-05-02\""
# A milestone by what it is and whose, not by its date alone ("of 2024-05-02": a trial)
ok cw log milestone --person "Ny Nak" --case Saran --type release --date 2024-05-02
ok cw undo --show
has "would take back the addition of milestone \"release of Ny Nak on 2024-05-02\""
ok cw undo
ok cw log hearing --case Saran --date 2024-05-03 --verdict "494=convicted@Ny Nak"
ok cw show "Saran case" --json
json "d['defendants'][0]['charges'][0]['state'] == 'convicted'"
ok cw undo --json
json "d['change'] == 'added' and d['kind'] == 'hearing' and d['others'] == 1"
ok cw show "Saran case" --json
json "d['defendants'][0]['charges'][0].get('state', 'charged') == 'charged'"
ok cw list records --kind hearing --json
json "[h['date'] for h in d] == ['2024-05-02']"
# A label cut in the middle of a Khmer character is cut before it: the JSON is whole.
ok cw case add --title "$("${PYTHON3:-python3}" -c "print('ab' + 'ក' * 100)")"
ok cw undo --json
json "d['undone'] and d['label'].startswith('abក') and len(d['label'].encode()) <= 199"
# An import is not one add, edit or delete: nothing to undo after it.
ok cw edit "Ny Nak" --province Kandal
printf '%s\n' '{"kind":"person","ref":"p-x","name":"Thach Setha"}' >"$WORK/one.jsonl"
ok cw import "$WORK/one.jsonl"
fails 66 undo cw undo
# ... and says what can be done instead, which works: the audit log names the record the
# import added, and deleting it takes the import back.
grep -qF "an import" "$WORK/stderr" || fail "the import is not named: $err"
grep -qF "'casewatch audit'" "$WORK/stderr" || fail "the way to find its records is not said: $err"
grep -qF "'casewatch delete ID --yes'" "$WORK/stderr" || fail "the way on is not said: $err"
ok cw audit --limit 1 --json
added=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json, sys; e = json.load(sys.stdin)[-1]; print(e["record"] if e["action"] == "create" else "")')
[ -n "$added" ] || fail "the audit log does not name the record the import added: $out"
ok cw delete "$added" --yes
ok cw list persons --json
json "'Thach Setha' not in [p['name'] for p in d]"
ok cw verify
# A note damaged in the file is refused as damaged, and what was read of it is freed (the
# sanitizer build's leak check fails the command otherwise).
ok cw edit "Ny Nak" --province "Phnom Penh"
"$TAMPER" "$DB" flip undo 6c617374
fails 74 damaged cw undo --show
fails 74 damaged cw undo
done_ok
