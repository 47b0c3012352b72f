#!/bin/sh
# Compaction: after a large import the file is rewritten without the free pages its writes
# left (by import itself, and by `casewatch compact`); the content is the same to the byte as
# sync sees it, verify finds nothing, the file stays private, and nothing happens while
# another process has the database open.
. "$TESTLIB"
set -e

ok cw init
# 30,000 people and 10,000 cases in one file: a file of tens of MiB, a good part of it free
# pages once the one transaction has committed.
"${PYTHON3:-python3}" -c '
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(30000):
        f.write(json.dumps({"kind": "person", "ref": "p%d" % i, "name": "Person %d" % i,
                            "province": ["Phnom Penh", "Kandal", "Siem Reap"][i % 3],
                            "notes": "held at Prey Sar, " * 8}) + "\n")
    for i in range(10000):
        f.write(json.dumps({"kind": "case", "ref": "c%d" % i, "title": "Case %d" % i,
                            "court": "Phnom Penh Court of First Instance",
                            "defendants": [{"person": "p%d" % (3 * i), "custody": "detained",
                                            "charges": [{"article": "494"}]}]}) + "\n")
' "$WORK/big.jsonl"
ok cw import "$WORK/big.jsonl"
has "imported 40000 records (40000 new or changed)"
# One transaction reuses the pages it copies: nothing worth compacting yet.
lacks "compacted"

# Every person edited: the old copies of their pages are free once the import commits, so the
# import compacts the file by itself.
"${PYTHON3:-python3}" -c '
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(30000):
        f.write(json.dumps({"kind": "person", "ref": "p%d" % i, "name": "Person %d" % i,
                            "province": "Takeo", "notes": "moved, " * 30}) + "\n")
' "$WORK/edit.jsonl"
ok cw import "$WORK/edit.jsonl"
has "imported 30000 records (30000 new or changed)"
has "compacted the database file: "
ok cw verify
has "0 problems"
checks=$((checks + 1))
[ "$(stat -c %a "$DB/data.mdb")" = 600 ] || fail "data.mdb is not private: $(stat -c %a "$DB/data.mdb")"
ls -a "$DB" | grep -q 'data.mdb.' && fail "a temporary file was left behind: $(ls -a "$DB")"
ok cw list persons --province Takeo --limit 1
has "Person"

# A few edits leave a few free pages: compact gives them back, the content unchanged to the
# byte as sync sees it.
head -n 300 "$WORK/big.jsonl" >"$WORK/some.jsonl"
ok cw import "$WORK/some.jsonl"
lacks "compacted"
ok cw bundle content --digest
digest=$out
ok cw compact --json
json "d['after'] < d['before'] and 0 < d['free_before'] < d['before']"
ok cw bundle content --digest
checks=$((checks + 1))
[ "$out" = "$digest" ] || fail "compact changed the content: $out, wanted $digest"
ok cw verify
has "0 problems"
ok cw compact
has "compacted $DB: "

# Another process has it open: refused, nothing changes.
before=$(md5sum <"$DB/data.mdb")
hold_open "$DB"
fails 65 "another process" cw compact
let_go
checks=$((checks + 1))
[ "$(md5sum <"$DB/data.mdb")" = "$before" ] || fail "a refused compact changed data.mdb"

# No database: said so.
fails 66 "no database" "$CASEWATCH" --db "$WORK/none" compact
done_ok
