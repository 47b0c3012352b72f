#!/bin/sh
# A report or an export written with --sign has a signature beside it (FILE.sig, mode 0600) that
# `check-signature` checks with no database and no passphrase, as a partner would: it names the
# fingerprint `identity` prints; a byte changed, a file cut, another file's signature or a
# signature line altered are each refused in one line, with their own exit status.
. "$TESTLIB"
set -e
PY=${PYTHON3:-python3}
export CASEWATCH_NOW=2024-05-10T03:00:00Z

ok cw init
ok cw person add --name "Ny Nak"
ok cw case add --title "Ny Nak incitement" --defendant "Ny Nak" --charge 494/495 --custody detained
ok cw log milestone --person "Ny Nak" --case "Ny Nak incitement" --type arrest --date 2024-01-05
ok cw identity --json
fp=$(printf '%s' "$out" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["fingerprint"])')

# --sign needs a file to sit beside
fails 2 sign cw report --week 2024-W18 --sign
ok cw report --week 2024-W18 -o "$WORK/r.md" --sign
has "signed it: $WORK/r.md.sig"
checks=$((checks + 1))
[ "$(stat -c %a "$WORK/r.md.sig")" = 600 ] || fail "the signature is not private to its owner"
head -1 "$WORK/r.md.sig" | grep -qx "casewatch signature 1" || fail "not a signature file"
ok cw export records --format csv -o "$WORK/e.csv" --sign
has "signed it: $WORK/e.csv.sig"

# Checked anywhere: no database, no passphrase (a partner has neither).
check() { "$CASEWATCH_BIN" --db "$WORK/nowhere" check-signature "$@" </dev/null; }
ok check "$WORK/r.md"
has "every byte as signed on 2024-05-10T03:00:00Z (UTC) by the key with fingerprint $fp"
ok check "$WORK/e.csv" --json
json "d['fingerprint'] == '$fp' and d['signed_at'] == '2024-05-10T03:00:00Z' and d['signer'].startswith('cwid2:')"
ok check "$WORK/e.csv" "$WORK/e.csv.sig"

# One byte changed, the size the same: refused
cp "$WORK/r.md" "$WORK/r.keep"
"$PY" - "$WORK/r.md" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
i = b.index(b'Ny Nak')
b[i] = ord('M')
open(p, 'wb').write(bytes(b))
PY
fails 74 file check "$WORK/r.md"
has_err() { checks=$((checks + 1)); printf '%s\n' "$err" | grep -qF -- "$1" || fail "error lacks '$1': $err"; }
has_err "is not the file that was signed: changed since, or the signature is another file's"
# cut
head -c 100 "$WORK/r.keep" >"$WORK/r.md"
fails 74 file check "$WORK/r.md"
has_err "it has 100 bytes"
cp "$WORK/r.keep" "$WORK/r.md"
ok check "$WORK/r.md"
# another file's signature
fails 74 file check "$WORK/r.md" "$WORK/e.csv.sig"
# the time it was signed is signed too
sed 's/^signed 2024-05-10T03:00:00Z$/signed 2024-05-11T03:00:00Z/' "$WORK/r.md.sig" >"$WORK/later.sig"
fails 74 file check "$WORK/r.md" "$WORK/later.sig"
# a fingerprint that is not the signer's, a line missing, not a signature at all
sed 's/^fingerprint .*/fingerprint 0000 0000 0000 0000 0000 0000/' "$WORK/r.md.sig" >"$WORK/fp.sig"
fails 65 signature check "$WORK/r.md" "$WORK/fp.sig"
grep -v '^bytes ' "$WORK/r.md.sig" >"$WORK/short.sig"
fails 65 signature check "$WORK/r.md" "$WORK/short.sig"
fails 65 signature check "$WORK/r.md" "$WORK/r.md"
fails 66 signature check "$WORK/e.csv" "$WORK/absent.sig"
fails 2 "" check

# Another laptop's signature names its own key, not this one's
DB="$WORK/other"
ok cw init
ok cw person add --name "Sok Dara"
ok cw identity --json
fp2=$(printf '%s' "$out" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["fingerprint"])')
ok cw export persons --format json -o "$WORK/p.json" --sign
ok check "$WORK/p.json" --json
json "d['fingerprint'] == '$fp2' and d['fingerprint'] != '$fp'"
echo "signatures: $checks checks passed"
