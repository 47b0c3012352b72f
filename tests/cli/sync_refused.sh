#!/bin/sh
# Bundle files that must be refused whole: a byte changed anywhere, cut short, of another format
# version, not a bundle, empty, an unsigned bundle of the first format. Each fails with one line
# naming the problem and leaves the database byte-for-byte as it was. (Payloads a trusted peer
# signed that are still invalid, such as a bad field or a record nobody has, are refused too:
# tests/check_sync.c makes them, since no casewatch command writes one.)
. "$TESTLIB"
set -e

SRC="$WORK/src"
cs() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$SRC" "$@"; }
ok cs init
ok cw init
ok cs peer add here "$(cw identity --key)"
ok cw peer add alice "$(cs identity --key)"
ok cs person add --name "Chhim Sithar"
ok cs case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494
ok cs log hearing --case NagaWorld --date 2023-05-25 --notes "verdict day"
ok cs bundle export --all --to here -o "$WORK/good.bundle"

ok cw person add --name "Someone Here"
snap=$(db_snapshot)

# patch IN OUT PYTHON: OUT is IN's bytes (a bytearray `b`) changed by PYTHON.
patch() {
	"${PYTHON3:-python3}" - "$1" "$2" "$3" <<'PY'
import sys
src, dst, code = sys.argv[1:4]
b = bytearray(open(src, "rb").read())
exec(code)
open(dst, "wb").write(bytes(b))
PY
}
refused() {
	status=$1 field=$2 text=$3 file=$4
	fails "$status" "$field" cw bundle import "$file"
	printf '%s\n' "$err" | grep -qF -- "$text" || fail "error lacks '$text': $err"
	[ "$(db_snapshot)" = "$snap" ] || fail "refused bundle $file changed the database"
	# inspect checks the file the same way before it shows anything
	fails "$status" "$field" cw bundle inspect "$file"
}

size=$(wc -c <"$WORK/good.bundle")
# One byte changed: in the encrypted content, in the header, in the signature.
patch "$WORK/good.bundle" "$WORK/corrupt.bundle" 'b[len(b) // 2] ^= 0x20'
refused 74 bundle "altered after it was signed" "$WORK/corrupt.bundle"
patch "$WORK/good.bundle" "$WORK/header.bundle" 'b[80] ^= 1'
refused 74 bundle "altered after it was signed" "$WORK/header.bundle"
patch "$WORK/good.bundle" "$WORK/sig.bundle" 'b[-1] ^= 1'
refused 74 bundle "altered after it was signed" "$WORK/sig.bundle"
# Cut short: at half its size, just before its signature, and to a few bytes.
head -c $((size / 2)) "$WORK/good.bundle" >"$WORK/half.bundle"
refused 74 bundle "truncated" "$WORK/half.bundle"
head -c $((size - 64)) "$WORK/good.bundle" >"$WORK/nosig.bundle"
refused 74 bundle "truncated" "$WORK/nosig.bundle"
head -c 100 "$WORK/good.bundle" >"$WORK/stub.bundle"
refused 74 bundle "truncated" "$WORK/stub.bundle"
# Another format version.
patch "$WORK/good.bundle" "$WORK/v9.bundle" 'b[8] = 9'
refused 74 bundle "format version 9" "$WORK/v9.bundle"
# Not a bundle at all, and an empty file.
printf '{"kind":"person","name":"x"}\n' >"$WORK/notbundle.jsonl"
refused 65 bundle "not a casewatch bundle" "$WORK/notbundle.jsonl"
: >"$WORK/empty.bundle"
refused 65 bundle "empty" "$WORK/empty.bundle"
# A bundle of the first format (JSON Lines with an unkeyed checksum anyone can recompute):
# nothing says who wrote it.
"${PYTHON3:-python3}" - "$WORK/v1.bundle" <<'PY'
import hashlib, json, sys
lines = [json.dumps({"author": "alice", "bundle": "0" * 32, "created": "2024-02-10T09:00:00Z",
                     "database": "1" * 32, "format": "casewatch-bundle", "scope": "all",
                     "version": 1})]
body = "".join(x + "\n" for x in lines)
end = json.dumps({"type": "end", "lines": 1,
                  "checksum": hashlib.blake2b(body.encode(), digest_size=32).hexdigest()})
open(sys.argv[1], "w").write(body + end + "\n")
PY
refused 65 bundle "unsigned bundle of an older casewatch" "$WORK/v1.bundle"
# The good bundle still imports, and a file that is not there is not found (66).
ok cw bundle import "$WORK/good.bundle"
has "3 records changed"
fails 66 file cw bundle import "$WORK/missing.bundle"
done_ok
