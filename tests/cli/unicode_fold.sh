#!/bin/sh
# unicode_fold.sh - the index of people by name keys on names folded by the installed utf8proc,
# and the database's meta says which Unicode version that was. Another one there (written
# behind casewatch's back with $TAMPER, as a database last written by a casewatch built against
# an older utf8proc has) is not damage: read-only `verify` checks the index against the names
# folded now, says nothing when every entry agrees, and one problem line naming
# `casewatch upgrade` when any differs (`--json`: reindex true, restore's too; false beside
# damage), changing nothing (the lookups by name read-only fall back to a walk:
# tests/check_store.c); opening for writing makes the index again and records this version,
# which `upgrade` says; then all verifies clean. A database that records no version (every
# one made before it was recorded) verifies clean, and a backup of it restores;
# a damaged person does not stop the index being made again, nor every write with it.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Sok Dara"
ok cw person add --name "Sok Dara" --province Kandal --yes
ok cw person add --name "Meas Sophal" --name-km "មាស សុផល"
sophal=$(added_id person)
ok cw verify
has "0 problems"

"$TAMPER" "$DB" put meta "$(hex unicode_version)" "$(hex 1.0.0)" || fail "tamper put"
# Every name folds as it did: the index is right, whatever version made it.
ok cw verify
has "0 problems"
# One entry as another version's fold would leave it: missing under today's tag.
"$TAMPER" "$DB" del by_name "$("$TAMPER" "$DB" last by_name)" || fail "tamper del by_name"
before=$(db_snapshot)
# Not damage, and its last line says so: an index to make again, the records intact, and the
# command that does it (exit 74 all the same: the database is not clean until it is done).
fails 74 "the records are intact and nothing else is wrong: run 'casewatch --db $DB upgrade'" \
	cw verify
grep -q "altered or is damaged" "$WORK/stderr" && fail "verify calls it damage: $(cat "$WORK/stderr")"
grep -q "index of people by name is to be made again" "$WORK/stderr" ||
	fail "verify does not name the index: $(cat "$WORK/stderr")"
has_line() { checks=$((checks + 1)); grep -qF -- "$1" "$WORK/stdout" || fail "verify lacks '$1': $(cat "$WORK/stdout")"; }
has_line "by_name: its names were folded by Unicode 1.0.0, and this casewatch folds them by Unicode"
has_line "run 'casewatch upgrade' to make it again"
has_line "1 problem"
# --json says it too, for a script that cannot read the last line: reindex.
fails 74 "the records are intact" cw verify --json
out=$(cat "$WORK/stdout")
json "d['reindex'] is True and len(d['problems']) == 1 and 'by_name' in d['problems'][0]"
[ "$(db_snapshot)" = "$before" ] || fail "a read-only verify changed the file"
# restore, which runs verify on what it put back, says it in its own --json ("verify").
ok cw backup -o "$WORK/stale.cwb"
fails 74 "the records are intact" "$CASEWATCH" --db "$WORK/stale" restore "$WORK/stale.cwb" --json
out=$(cat "$WORK/stdout")
json "d['verify']['reindex'] is True and len(d['verify']['problems']) == 1"

ok cw upgrade
has "the index of people by name made again, for Unicode"
has "(it was folded by Unicode 1.0.0)"
has "nothing to upgrade"
ok cw verify
has "0 problems"
ok cw verify --json
json "d['reindex'] is False and d['problems'] == []"
ok cw upgrade
lacks "made again"

# A database that does not say (made before it was recorded: every database then) is no
# problem to verify nor to restore, and is made again by any command that writes.
"$TAMPER" "$DB" del meta "$(hex unicode_version)" || fail "tamper del"
ok cw verify
has "0 problems"
ok cw backup -o "$WORK/unrecorded.cwb"
ok "$CASEWATCH" --db "$WORK/restored" restore "$WORK/unrecorded.cwb"
ok cw person add --name "Chhim Sithar"
[ "$("$TAMPER" "$DB" get meta "$(hex unicode_version)")" != "" ] || fail "no version recorded"
ok cw verify
has "0 problems"

# A person whose record is damaged cannot be filed again: the index is made of the others, and
# writes that do not read them go on (the damage is verify's to name, and restore's to mend).
"$TAMPER" "$DB" del meta "$(hex unicode_version)" || fail "tamper del"
"$TAMPER" "$DB" flip records "$sophal" || fail "tamper flip"
ok cw case add --title "Strike" --court "Phnom Penh Court"
fails 74 "the database was altered or is damaged" cw verify
has_line "record $sophal"
has_line "1 problem"
fails 74 "the database was altered or is damaged" cw verify --json
out=$(cat "$WORK/stdout")
json "d['reindex'] is False and len(d['problems']) == 1"
# An index to make again beside damage: reindex is not all there is to do.
"$TAMPER" "$DB" put meta "$(hex unicode_version)" "$(hex 1.0.0)" || fail "tamper put"
"$TAMPER" "$DB" del by_name "$("$TAMPER" "$DB" last by_name)" || fail "tamper del by_name"
fails 74 "the database was altered or is damaged" cw verify --json
out=$(cat "$WORK/stdout")
json "d['reindex'] is False and any(p.startswith('by_name: its names were folded') for p in d['problems']) and any('$sophal' in p for p in d['problems'])"
done_ok
