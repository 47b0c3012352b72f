#!/bin/sh
# peer_removed_name.sh - a removed peer's name typed again. A field trial's supervisor removed
# a taken laptop's key, then sent the week's bundle as every week, `--to sokha,dara`; it was
# refused with "enrol its key first with 'casewatch peer add sokha KEY'": an invitation to
# trust the name again, and no word that it had been removed. A removed key's name is not kept,
# so the refusal cannot say it was this one, but where keys were removed it says that one
# may be this, points to `peer list --removed`, and enrols only a new laptop's key.
. "$TESTLIB"
set -e

S="$WORK/sup" M1="$WORK/m1" M2="$WORK/m2"
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
c1() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$M1" "$@"; }
c2() { CASEWATCH_AUTHOR=dara "$CASEWATCH" --db "$M2" "$@"; }
for c in cs c1 c2; do ok $c init; done
mesh sup="$S" sokha="$M1" dara="$M2"

# Nothing removed: a name unknown is one to enrol.
fails 66 to cs bundle export --to sokha,nobody -o "$WORK/a.bundle"
grep -q "casewatch peer add nobody KEY" "$WORK/stderr" || fail "no enrol line: $err"
grep -q "removed" "$WORK/stderr" && fail "removal said with none made: $err"

ok cs peer remove sokha
fails 66 to cs bundle export --to sokha,dara -o "$WORK/b.bundle"
grep -q "enrol its key first" "$WORK/stderr" && fail "invited to enrol it again: $err"
grep -q "a key removed from the peers here keeps no name" "$WORK/stderr" || fail "removal unsaid: $err"
grep -q "casewatch peer list --removed" "$WORK/stderr" || fail "no peer list --removed: $err"
[ -e "$WORK/b.bundle" ] && fail "a bundle was written"
ok cs bundle export --to dara -o "$WORK/c.bundle"
done_ok
