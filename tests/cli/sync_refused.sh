#!/bin/sh
# Bundles that must be refused whole: corrupted, truncated, of another format version, not a
# bundle, with an invalid record, naming a record nobody has. Each fails with one line naming
# the problem and leaves the database byte-for-byte as it was.
. "$TESTLIB"
set -e

SRC="$WORK/src"
cs() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$SRC" "$@"; }
ok cs init
ok cs person add --name "Chhim Sithar"
ok cs case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494
ok cs log hearing --case NagaWorld --date 2023-05-25 --notes "verdict day"
ok cs bundle export --all -o "$WORK/good.bundle"

ok cw init
ok cw person add --name "Someone Here"
snap=$(db_snapshot)

# rewrite IN OUT PYTHON: OUT is IN's lines passed through PYTHON (lines in `l`), with a fresh
# end line (so only the change made is wrong, not the checksum) unless PYTHON sets keep_end.
rewrite() {
	"${PYTHON3:-python3}" - "$1" "$2" "$3" <<'PY'
import hashlib, json, sys
src, dst, code = sys.argv[1:4]
l = open(src, encoding="utf-8").read().split("\n")[:-1]
end = l.pop()
keep_end = False
exec(code)
body = "".join(x + "\n" for x in l)
if not keep_end:
    end = json.dumps({"type": "end", "lines": len(l),
                      "checksum": hashlib.blake2b(body.encode(), digest_size=32).hexdigest()})
open(dst, "w", encoding="utf-8").write(body + end + "\n")
PY
}
refused() {
	status=$1 field=$2 text=$3 file=$4
	fails "$status" "$field" cw bundle import "$file"
	printf '%s\n' "$err" | grep -qF -- "$text" || fail "error lacks '$text': $err"
	[ "$(db_snapshot)" = "$snap" ] || fail "refused bundle $file changed the database"
	# inspect checks the file alone; only the database knows what a bundle may name
	[ "${5:-}" = db-only ] || fails "$status" "$field" cw bundle inspect "$file"
}

# One byte changed in the middle: the checksum no longer matches.
rewrite "$WORK/good.bundle" "$WORK/corrupt.bundle" \
	'l[2] = l[2].replace("verdict day", "verdict dax"); l[2] = l[2].replace("NagaWorld", "NagaWorle"); keep_end = True'
cmp -s "$WORK/good.bundle" "$WORK/corrupt.bundle" && fail "corruption did not change the file"
refused 65 bundle "corrupted" "$WORK/corrupt.bundle"
# Cut short, at half its size and just before its end line.
size=$(wc -c <"$WORK/good.bundle")
head -c $((size / 2)) "$WORK/good.bundle" >"$WORK/half.bundle"
refused 65 bundle "truncated" "$WORK/half.bundle"
rewrite "$WORK/good.bundle" "$WORK/noend.bundle" 'end = l.pop(); keep_end = True'
refused 65 bundle "truncated" "$WORK/noend.bundle"
# A line lost from the middle, end line intact.
rewrite "$WORK/good.bundle" "$WORK/lost.bundle" 'del l[2]; keep_end = True'
refused 65 bundle "" "$WORK/lost.bundle"
# Another format version.
rewrite "$WORK/good.bundle" "$WORK/v9.bundle" \
	'h = json.loads(l[0]); h["version"] = 9; l[0] = json.dumps(h)'
refused 74 bundle "format version 9" "$WORK/v9.bundle"
# Not a bundle at all, and an empty file.
printf '{"kind":"person","name":"x"}\n' >"$WORK/notbundle.jsonl"
refused 65 bundle "not a casewatch bundle" "$WORK/notbundle.jsonl"
: >"$WORK/empty.bundle"
refused 65 bundle "empty" "$WORK/empty.bundle"
# A record that fails validation, with a correct checksum: named by its line.
rewrite "$WORK/good.bundle" "$WORK/invalid.bundle" \
	'v = json.loads(l[3]); v["record"]["time"] = "25:99"; l[3] = json.dumps(v)'
refused 65 "bundle line 4: time" "is not a time" "$WORK/invalid.bundle"
# A hearing whose case is in no bundle and not in the database.
rewrite "$WORK/good.bundle" "$WORK/dangling.bundle" \
	'l = [x for x in l if "\"kind\": \"case\"" not in json.dumps(json.loads(x))]'
refused 65 "hearing" "neither this database nor the bundle" "$WORK/dangling.bundle" db-only
# The good bundle still imports, and a file that is not there is an I/O error.
ok cw bundle import "$WORK/good.bundle"
has "3 records changed"
fails 74 file cw bundle import "$WORK/missing.bundle"
done_ok
