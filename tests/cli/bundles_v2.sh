#!/bin/sh
# bundles_v2.sh - bundles of format 2, written before bundles streamed, still import.
#
# tests/fixtures/v2-bundles.tar.gz was made with the casewatch of commit 8b29628: alice's small
# database (two people, one deleted; a case with a detained defendant and eight unnamed
# co-accused; a hearing with a verdict and a sentence; a visit; an edit) exported --all as
# plain.bundle and, for "sup", as encrypted.bundle; sup's database they were written for
# (passphrase "test passphrase", alice enrolled there), and content.digest, what `bundle content
# --digest` printed at alice's.
. "$TESTLIB"
set -e

FIXTURES=$(dirname "$TESTLIB")/../fixtures
tar -C "$WORK" -xzf "$FIXTURES/v2-bundles.tar.gz"
F="$WORK/v2-bundles"
DB="$F/sup"

# sup's database is of that casewatch's schema too: brought to this one's first.
ok cw upgrade
ok cw bundle inspect "$F/encrypted.bundle"
has "format version 2, encrypted"
has "signed by alice"
has "for 1 recipient: this database"
has "5 versions (1 deletion), 8 audit entries"
has "Chhim Sithar"
ok cw bundle import "$F/encrypted.bundle"
has "signed by alice: 5 versions, 5 records changed, 8 audit entries added"
ok cw bundle content --digest
[ "$out" = "$(cat "$F/content.digest")" ] || fail "sup's content is not what alice had: $out"
ok cw bundle import "$F/plain.bundle"
has "0 records changed, 0 audit entries added"
ok cw verify
has "0 problems"
# The log holds alice's entries, then the import's own: the order a format-3 import gives.
ok cw audit --json
json "[e['action'] for e in d][:8] != ['import'] * 8 and [e['action'] for e in d][-5:] == ['import'] * 5"
ok cw timeline "Chhim Sithar"
has "2 years' imprisonment"

# A database that has never seen alice reads the plain one once it trusts her key.
DB="$WORK/fresh"
ok cw init
ok cw bundle inspect "$F/plain.bundle"
has "format version 2, NOT encrypted"
key=$(printf '%s\n' "$out" | sed -n 's/^ *casewatch peer add NAME //p')
[ -n "$key" ] || fail "inspect named no key to enrol: $out"
ok cw peer add alice "$key"
ok cw bundle import "$F/plain.bundle"
has "5 records changed"
ok cw bundle content --digest
[ "$out" = "$(cat "$F/content.digest")" ] || fail "the plain bundle gave other content: $out"

# Damaged, a format-2 bundle is refused as it was; what casewatch writes now is format 3.
snap=$(db_snapshot)
head -c 3000 "$F/encrypted.bundle" >"$WORK/cut.bundle"
fails 74 bundle cw bundle import "$WORK/cut.bundle"
"${PYTHON3:-python3}" - "$F/plain.bundle" "$WORK/flip.bundle" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[len(b) // 2] ^= 0x20
open(sys.argv[2], "wb").write(bytes(b))
PY
fails 74 bundle cw bundle import "$WORK/flip.bundle"
printf '%s\n' "$err" | grep -qF "altered after it was signed" || fail "flip: $err"
[ "$(db_snapshot)" = "$snap" ] || fail "a refused bundle changed the database"
ok cw bundle export --all --plain -o "$WORK/now.bundle"
ok cw bundle inspect "$WORK/now.bundle"
has "format version 3, NOT encrypted"
done_ok
