#!/bin/sh
# Bulk writes (an import or bundle of 1 MiB or more writes its pages in place, store/bulk.c):
# the file is cut back to its pages in use when the command ends; other commands writing at
# the same time, and a second bulk import, lose nothing; a refused bulk import leaves the
# records as they were. (A full disk under a bulk import: tests/cli/messages.sh.)
. "$TESTLIB"
set -e

# pages_in_use DIR: the pages LMDB counts as used, in bytes
pages_in_use() {
	mdb_stat -e "$1" | awk '/Page size:/ {ps = $3} /Number of pages used:/ {n = $5}
		END {print n * ps}'
}
# file_bytes DIR: the length of data.mdb
file_bytes() {
	stat -c %s "$1/data.mdb"
}

# people FILE FROM COUNT: COUNT people, refs from FROM on, with notes long enough that 4,000 of
# them make more than 1 MiB
people() {
	"${PYTHON3:-python3}" -c "
import sys
first, n = int(sys.argv[2]), int(sys.argv[3])
with open(sys.argv[1], 'w') as f:
    for i in range(first, first + n):
        f.write('{\"kind\":\"person\",\"ref\":\"p-%d\",\"name\":\"person %d\",\"notes\":\"%s\"}\n'
                % (i, i, 'n' * 300))
" "$@"
}
people "$WORK/a.jsonl" 0 4000
people "$WORK/b.jsonl" 4000 4000
checks=$((checks + 1))
[ "$(stat -c %s "$WORK/a.jsonl")" -ge 1048576 ] || fail "a.jsonl is too small for a bulk import"

# ---- the file after a bulk import -------------------------------------------------------
ok cw init
ok cw import "$WORK/a.jsonl"
has "imported 4000 records (4000 new or changed)"
checks=$((checks + 1))
[ "$(file_bytes "$DB")" = "$(pages_in_use "$DB")" ] ||
	fail "data.mdb is $(file_bytes "$DB") bytes, its pages in use $(pages_in_use "$DB")"
ok cw verify
has "0 problems"

# ---- writers at the same time ---------------------------------------------------------------
# A bulk import while another process adds people one at a time, and a second bulk import
# started at once: every record is there afterwards, and the database verifies.
"$CASEWATCH" --db "$DB" import "$WORK/b.jsonl" >"$WORK/b.out" 2>&1 &
bulk=$!
i=0
while [ $i -lt 15 ]; do
	"$CASEWATCH" --db "$DB" person add --name "Added Meanwhile $i" >>"$WORK/adds.out" 2>&1 ||
		fail "person add beside a bulk import: $(cat "$WORK/adds.out")"
	i=$((i + 1))
done
wait $bulk || fail "the bulk import beside other writers: $(cat "$WORK/b.out")"
people "$WORK/c.jsonl" 8000 4000
people "$WORK/d.jsonl" 12000 4000
"$CASEWATCH" --db "$DB" import "$WORK/c.jsonl" >"$WORK/c.out" 2>&1 &
c=$!
"$CASEWATCH" --db "$DB" import "$WORK/d.jsonl" >"$WORK/d.out" 2>&1 ||
	fail "the second of two bulk imports: $(cat "$WORK/d.out")"
wait $c || fail "the first of two bulk imports: $(cat "$WORK/c.out")"
ok cw list persons --json
checks=$((checks + 1))
n=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n" = 16015 ] || fail "$n people after the writers, 16015 expected"
ok cw verify
has "0 problems"
checks=$((checks + 1))
[ "$(file_bytes "$DB")" = "$(pages_in_use "$DB")" ] ||
	fail "after the writers, data.mdb is $(file_bytes "$DB") bytes for $(pages_in_use "$DB")"

# ---- a second bulk writer does not wait ---------------------------------------------------
# While another holds the folder (here flock(1), as a bulk import at its passphrase prompt
# would), a bulk import writes the usual way at once rather than waiting unseen: it ends while
# the holder still holds the folder (the holder lets go only when killed, so nothing here hangs
# on the machine's speed).
people "$WORK/f.jsonl" 16000 4000
flock -o "$DB" sh -c 'echo $$ >"$1.new" && mv "$1.new" "$1" && exec sleep 600' sh "$WORK/held" &
holder=$!
i=0
while [ ! -e "$WORK/held" ] && [ $i -lt 3000 ]; do
	sleep 0.01
	i=$((i + 1))
done
checks=$((checks + 1))
[ -e "$WORK/held" ] || fail "flock(1) did not take the folder"
timeout 300 "$CASEWATCH" --db "$DB" import "$WORK/f.jsonl" >"$WORK/f.out" 2>&1 ||
	fail "a bulk import beside another bulk writer: $(cat "$WORK/f.out")"
checks=$((checks + 1))
kill -0 $holder 2>/dev/null || fail "the bulk import waited for the folder's holder"
kill "$(cat "$WORK/held")" $holder 2>/dev/null || :
wait $holder 2>/dev/null || :
ok cw verify
has "0 problems"

# ---- a bulk import killed -------------------------------------------------------------------
# Killed once it has made its map (the file grown to the 64 MiB a bulk writer maps at open,
# past its pages), it leaves the records as they were; the next write (not a bulk one) cuts the
# file back. Only where the store writes in place (ext2-4, XFS, tmpfs: store/bulk.c); elsewhere
# nothing marks the moment before the import's commit.
case $(stat -f -c %T "$DB") in
ext2/ext3 | xfs | tmpfs) bulk_here=1 ;;
*) bulk_here=0 ;;
esac
if [ $bulk_here = 1 ]; then
	before=$(cw bundle content --digest)
	people "$WORK/g.jsonl" 30000 30000
	"$CASEWATCH" --db "$DB" import "$WORK/g.jsonl" >/dev/null 2>&1 &
	victim=$!
	i=0
	while [ "$(file_bytes "$DB")" -lt 67108864 ] && [ $i -lt 3000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	kill -9 $victim 2>/dev/null || :
	wait $victim 2>/dev/null || :
	checks=$((checks + 1))
	[ "$(cw bundle content --digest)" = "$before" ] || fail "a killed bulk import changed the content"
	ok cw person add --name "After The Kill"
	checks=$((checks + 1))
	[ "$(file_bytes "$DB")" = "$(pages_in_use "$DB")" ] ||
		fail "after a killed bulk import and a write, data.mdb is $(file_bytes "$DB") bytes for $(pages_in_use "$DB")"
	ok cw verify
	has "0 problems"
else
	echo "# not here: a killed bulk import ($(stat -f -c %T "$DB") does not keep allocated blocks)"
fi

# ---- a file size limit ----------------------------------------------------------------------
# A limit the map would pass (ulimit -f; SIGXFSZ ignored, as a shell may leave it) is an
# error like a full disk's, or no error at all, never a crash; the database verifies.
rm -rf "$WORK/limited"
"$CASEWATCH" --db "$WORK/limited" init >/dev/null || fail "init limited"
status=0
(
	trap '' XFSZ
	ulimit -f 4000
	CASEWATCH_MAP_SIZE=65536 exec "$CASEWATCH" --db "$WORK/limited" import "$WORK/a.jsonl"
) >"$WORK/limited.out" 2>&1 || status=$?
checks=$((checks + 1))
[ "$status" = 0 ] || [ "$status" = 74 ] ||
	fail "an import under a file size limit exited $status: $(cat "$WORK/limited.out")"
"$CASEWATCH" --db "$WORK/limited" verify >"$WORK/limited.out" 2>&1 ||
	fail "verify after the file size limit: $(cat "$WORK/limited.out")"

# A limit below the map a bulk writer would make at open (64 MiB), above what the import needs:
# it writes the usual way, and succeeds.
rm -rf "$WORK/limited"
"$CASEWATCH" --db "$WORK/limited" init >/dev/null || fail "init limited"
(
	trap '' XFSZ
	ulimit -f 16000
	exec "$CASEWATCH" --db "$WORK/limited" import "$WORK/a.jsonl"
) >"$WORK/limited.out" 2>&1 || fail "an import under a 16 MB file size limit: $(cat "$WORK/limited.out")"
grep -q "imported 4000 records (4000 new or changed)" "$WORK/limited.out" ||
	fail "under a 16 MB file size limit: $(cat "$WORK/limited.out")"
checks=$((checks + 1))

# ---- a refused bulk import ------------------------------------------------------------------
# The last line is not JSON: nothing of the file is saved. What the import wrote in place went
# to pages no record uses (so the file's bytes may differ; its content does not).
before=$(cw bundle content --digest)
people "$WORK/e.jsonl" 20000 4000
printf '{"kind":"person","ref":"p-cut","name":\n' >>"$WORK/e.jsonl"
fails 65 "e.jsonl line 4001" cw import "$WORK/e.jsonl"
checks=$((checks + 1))
[ "$(cw bundle content --digest)" = "$before" ] || fail "a refused bulk import changed the content"
ok cw verify
has "0 problems"

done_ok
