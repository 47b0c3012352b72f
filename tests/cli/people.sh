#!/bin/sh
# The same person twice: adding a person whose name is close to one already there (letter
# case, Unicode form, spacing, zero-width spaces; Latin and Khmer names compared with both) is refused with
# 65 naming the person there, unless --yes; the database is as before. Import and seed, which
# carry whole databases, are not asked.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Chhim Sithar" --name-km "ឈឹម ស៊ីថា"
for name in "chhim sithar" "CHHIM  SITHAR" " Chhim Sithar " "ChhimSithar"; do
	before=$(db_snapshot)
	fails 65 name cw person add --name "$name"
	grep -qF "Chhim Sithar (" "$WORK/stderr" || fail "the person there is not named: $err"
	grep -qF -- "--yes" "$WORK/stderr" || fail "the way on is not said: $err"
	[ "$(db_snapshot)" = "$before" ] || fail "refused, yet the database changed"
done
# Khmer: a zero-width space instead of the space, or the Khmer name typed as the Latin one.
fails 65 name cw person add --name "Sithar C." --name-km "ឈឹម​ស៊ីថា"
fails 65 name cw person add --name "ឈឹមស៊ីថា"
# Unicode forms: a name with accents typed decomposed (NFD) is the one stored composed (NFC).
ok cw person add --name "Thạch Setha"
fails 65 name cw person add --name "$(printf 'THA\314\243CH SETHA')"
grep -qF "Thạch Setha (" "$WORK/stderr" || fail "the person there is not named: $err"
ok cw person add --name "Thach Setha"
# Another name is another person; --yes adds a namesake.
ok cw person add --name "Chhim Sitha"
ok cw person add --name "chhim sithar" --yes
ok cw list persons --json
json "sorted(p['name'] for p in d) == ['Chhim Sitha', 'Chhim Sithar', 'Thach Setha', 'Thạch Setha', 'chhim sithar']"
done_ok
