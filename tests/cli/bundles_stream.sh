#!/bin/sh
# bundles_stream.sh - bundles of format 3 are written and read as a stream of chunks: one larger
# than several chunks round-trips, plain and encrypted (the two databases then hold the same
# content); cut short, with one byte flipped in its middle chunk, with two chunks swapped, or
# with its last chunk removed, it is refused with one line and status 74, and the database is
# byte-for-byte as it was. A bundle is read twice (checked whole first), so standard input
# must be a file, not a pipe.
. "$TESTLIB"
set -e

A="$WORK/alice"
ca() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
ok ca init
ok cw init
mesh alice="$A" here="$DB"

# People, cases naming two of them and hearings of the cases, with notes of random words (as
# little compressible as field notes in several languages): about a megabyte of JSON Lines.
"${PYTHON3:-python3}" - "$WORK/records.jsonl" <<'PY'
import json, random, sys
rnd = random.Random(15)
def words(n):
    return " ".join("".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(3, 9)))
                    for _ in range(n))
with open(sys.argv[1], "w") as f:
    for i in range(300):
        f.write(json.dumps({"kind": "person", "ref": "p-%d" % i, "name": "Person %d" % i,
                            "notes": words(150)}) + "\n")
    for i in range(150):
        f.write(json.dumps({"kind": "case", "ref": "c-%d" % i, "title": "Case %d" % i,
                            "defendants": [{"person": "p-%d" % (2 * i)},
                                           {"person": "p-%d" % (2 * i + 1)}]}) + "\n")
    for i in range(600):
        f.write(json.dumps({"kind": "hearing", "ref": "h-%d" % i, "case": "c-%d" % (i % 150),
                            "date": "2023-%02d-%02d" % (i % 12 + 1, i % 28 + 1),
                            "notes": words(60)}) + "\n")
PY
ok ca import "$WORK/records.jsonl"
has "imported 1050 records"

# chunks FILE: the number of chunks in a format-3 bundle (python walks its layout).
chunks() {
	"${PYTHON3:-python3}" - "$1" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
assert b[:9] == b"CWBUNDLE\x03"
p = 76 + 100 * int.from_bytes(b[74:76], "big") + (24 if b[9] & 1 else 0)
n = 0
while p < len(b) - 64:
    p += 4 + (int.from_bytes(b[p:p + 4], "big") & 0x7FFFFFFF)
    n += 1
print(n)
PY
}

ok ca bundle export --all --plain -o "$WORK/plain.bundle"
has "1050 versions"
ok ca bundle export --all --to here -o "$WORK/enc.bundle"
for f in plain enc; do
	checks=$((checks + 1))
	n=$(chunks "$WORK/$f.bundle")
	[ "$n" -ge 5 ] || fail "the $f bundle has only $n chunks"
done
ok cw bundle inspect "$WORK/enc.bundle"
has "format version 3, encrypted"
has "1050 versions (0 deletions)"
# The whole file is read and counted; only the first 100 versions are listed (memory stays
# small whatever the bundle's size), and --all lists every one.
has "... and 950 more versions (the first 100 are listed; --all lists every one)"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c ' live ')" -eq 100 ] || fail "inspect did not list 100 versions"
ok cw bundle inspect "$WORK/enc.bundle" --all
lacks "more versions"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c ' live ')" -eq 1050 ] || fail "inspect --all did not list them all"
ok cw bundle inspect "$WORK/enc.bundle" --json
json "d['versions_total'] == 1050 and len(d['versions']) == 100 and d['audit_total'] >= 1050"
fails 2 "file" cw bundle inspect "$WORK/enc.bundle" --every

# ---- refused whole -------------------------------------------------------------------------
ok cw person add --name "Someone Here"
snap=$(db_snapshot)

# damage HOW IN OUT: OUT is the bundle IN with its chunks cut (half), a byte flipped in the
# middle chunk (flip), the first two chunks swapped (swap) or the last chunk removed (last).
damage() {
	"${PYTHON3:-python3}" - "$@" <<'PY'
import sys
how, src, dst = sys.argv[1:4]
b = bytearray(open(src, "rb").read())
start = 76 + 100 * int.from_bytes(b[74:76], "big") + (24 if b[9] & 1 else 0)
parts, p = [], start
while p < len(b) - 64:
    n = int.from_bytes(b[p:p + 4], "big") & 0x7FFFFFFF
    parts.append(bytes(b[p:p + 4 + n]))
    p += 4 + n
head, sig = bytes(b[:start]), bytes(b[-64:])
if how == "half":
    out = bytes(b[:len(b) // 2])
elif how == "flip":
    mid = bytearray(parts[len(parts) // 2])
    mid[len(mid) // 2] ^= 0x01
    parts[len(parts) // 2] = bytes(mid)
    out = head + b"".join(parts) + sig
elif how == "swap":
    assert len(parts[0]) == len(parts[1])
    parts[0], parts[1] = parts[1], parts[0]
    out = head + b"".join(parts) + sig
elif how == "last":
    out = head + b"".join(parts[:-1]) + sig
open(dst, "wb").write(out)
PY
}
refused() {
	fails 74 bundle cw bundle import "$2"
	printf '%s\n' "$err" | grep -qF -- "$1" || fail "error lacks '$1': $err"
	[ "$(db_snapshot)" = "$snap" ] || fail "refused bundle $2 changed the database"
}
for f in plain enc; do
	damage half "$WORK/$f.bundle" "$WORK/$f-half.bundle"
	refused "truncated or damaged: its parts do not add up" "$WORK/$f-half.bundle"
	damage flip "$WORK/$f.bundle" "$WORK/$f-flip.bundle"
	refused "altered after it was signed" "$WORK/$f-flip.bundle"
	damage swap "$WORK/$f.bundle" "$WORK/$f-swap.bundle"
	refused "altered after it was signed" "$WORK/$f-swap.bundle"
	damage last "$WORK/$f.bundle" "$WORK/$f-last.bundle"
	refused "truncated: its last part is missing" "$WORK/$f-last.bundle"
	# inspect checks the same way
	fails 74 bundle cw bundle inspect "$WORK/$f-swap.bundle"
done

# ---- whole, it imports, plain and encrypted, with the same content on both sides -----------
# Standard input is read twice: a file redirected is fine, a pipe is not.
checks=$((checks + 1))
if cat "$WORK/enc.bundle" | cw bundle import - >"$WORK/stdout" 2>"$WORK/stderr"; then
	fail "a bundle was imported from a pipe"
fi
grep -q "standard input is not a file" "$WORK/stderr" || fail "pipe: $(cat "$WORK/stderr")"
# A pipe by its name says so too (not the error of whatever call came before).
fails 74 "/dev/stdin is not a file: a bundle is checked whole" sh -c \
	'cat "$1" | "$2" --db "$3" bundle import /dev/stdin' sh "$WORK/enc.bundle" "$CASEWATCH" "$DB"
# A FIFO named as the bundle is refused at once, not waited on (a review's import hung on one).
mkfifo "$WORK/fifo.bundle"
fails 74 "fifo.bundle is not a file: a bundle is checked whole" timeout 10 "$CASEWATCH" \
	--db "$DB" bundle import "$WORK/fifo.bundle"
fails 74 "fifo.bundle is not a file" timeout 10 "$CASEWATCH" --db "$DB" bundle inspect \
	"$WORK/fifo.bundle"
[ "$(db_snapshot)" = "$snap" ] || fail "a bundle refused on a pipe changed the database"
ok cw bundle import - <"$WORK/enc.bundle"
has "1050 versions, 1050 records changed, 1050 audit entries added"
ok cw bundle import "$WORK/plain.bundle"
has "0 records changed"
ok cw verify
has "0 problems"
# And back: here's bundle of everything (its own person included) imports at alice's, and the
# two hold the same content.
ok cw bundle export --all --to alice -o "$WORK/back.bundle"
ok ca bundle import "$WORK/back.bundle"
has "1 record changed"
ok cw bundle content --digest
here=$out
ok ca bundle content --digest
[ "$out" = "$here" ] || fail "here and alice differ after the bundles"
done_ok
