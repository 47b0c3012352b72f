#!/bin/sh
# unicode_fold.sh - the index of people by name keys on names folded by the installed utf8proc,
# and the database's meta says which Unicode version that was. Another one there (written
# behind casewatch's back with $TAMPER, as a database last written by a casewatch built against
# an older utf8proc has) makes read-only `verify` say so in one problem line naming
# `casewatch upgrade`, changing nothing (the lookups by name read-only fall back to a walk:
# tests/check_store.c); opening for writing makes the index again and records
# this version, which `upgrade` says; then all verifies clean.
. "$TESTLIB"
set -e

hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }

ok cw init
ok cw person add --name "Sok Dara"
ok cw person add --name "Sok Dara" --province Kandal --yes
ok cw person add --name "Meas Sophal" --name-km "មាស សុផល"
ok cw verify
has "0 problems"

"$TAMPER" "$DB" put meta "$(hex unicode_version)" "$(hex 1.0.0)" || fail "tamper put"
before=$(db_snapshot)
fails 74 "problem" cw verify
has_line() { checks=$((checks + 1)); grep -qF -- "$1" "$WORK/stdout" || fail "verify lacks '$1': $(cat "$WORK/stdout")"; }
has_line "by_name: its names were folded by Unicode 1.0.0, and this casewatch folds them by Unicode"
has_line "run 'casewatch upgrade' to make it again"
has_line "1 problem"
[ "$(db_snapshot)" = "$before" ] || fail "a read-only verify changed the file"

ok cw upgrade
has "the index of people by name made again, for Unicode"
has "(it was folded by Unicode 1.0.0)"
has "nothing to upgrade"
ok cw verify
has "0 problems"
ok cw upgrade
lacks "made again"

# A database that does not say (made before it was recorded) is made again too, by any
# command that writes.
"$TAMPER" "$DB" del meta "$(hex unicode_version)" || fail "tamper del"
fails 74 "problem" cw verify
has_line "by Unicode (unrecorded)"
ok cw person add --name "Chhim Sithar"
ok cw verify
has "0 problems"
done_ok
