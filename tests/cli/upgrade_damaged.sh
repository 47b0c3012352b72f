#!/bin/sh
# upgrade_damaged.sh - a database of an earlier schema (its version written behind casewatch's
# back with $TAMPER) holding a record that fails its authentication (one byte of its sealed
# value flipped) is upgraded all the same: the record is left out of every index, the upgrade
# says so on standard error naming it and `casewatch verify`, writes go on, and verify still
# names the record. A refused upgrade would close the database to every write and every
# read-only open, and nothing mends one record in place (store/upgrade.c).
. "$TESTLIB"
set -e
export CASEWATCH_NOW=2024-03-01T03:00:00Z

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw person add --name "Kang Saran"
kang=$(added_id person)
ok cw case add --title "NagaWorld strike" --court "Phnom Penh Court" --defendant "Chhim Sithar"
ok cw log hearing --case NagaWorld --date 2024-02-21 --outcome adjourned
ok cw verify
has "0 problems"

# Schema 18: every index is made again by the upgrade.
"$TAMPER" "$DB" put meta "$(hex schema_version)" 00000012 || fail "tamper put"
"$TAMPER" "$DB" flip records "$kang" || fail "tamper flip"
fails 74 "upgrade" cw list people
ok cw upgrade
has "upgraded from schema 18 to"
checks=$((checks + 1))
grep -q "warning: the upgrade left 1 record that cannot be read out of every index, $kang" \
	"$WORK/stderr" || fail "upgrade does not name $kang: $(cat "$WORK/stderr")"
grep -q "run 'casewatch verify'" "$WORK/stderr" ||
	fail "upgrade does not name verify: $(cat "$WORK/stderr")"
[ "$(wc -l <"$WORK/stderr")" -eq 1 ] || fail "upgrade said more: $(cat "$WORK/stderr")"

# Upgraded once: the next command says nothing of it.
ok cw upgrade
has "nothing to upgrade"
[ ! -s "$WORK/stderr" ] || fail "a second upgrade warned: $(cat "$WORK/stderr")"

# Writes go on, and the others are indexed as before.
ok cw person add --name "Meas Sophal"
ok cw list people
has "Chhim Sithar"
has "Meas Sophal"
lacks "Kang Saran"
ok cw list records --kind hearing --case NagaWorld
has "2024-02-21"

# verify still names the damaged record, and calls it damage.
fails 74 "the database was altered or is damaged" cw verify
checks=$((checks + 1))
grep -q "record $kang" "$WORK/stdout" || fail "verify does not name $kang: $(cat "$WORK/stdout")"
done_ok
