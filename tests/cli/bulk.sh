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
