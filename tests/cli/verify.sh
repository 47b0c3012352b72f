#!/bin/sh
# verify.sh - `casewatch verify` trusts nothing in the file: changed with LMDB's own library
# behind casewatch's back ($TAMPER), a database is reported problem by problem with a non-zero
# exit; an untouched one verifies clean.
. "$TESTLIB"
set -e

ok cw init
ok cw seed "$SEED_FILE"
ok cw person add --name "Last Added"
ok cw verify
has "0 problems"
has "162 records"
ok cw verify --json
json "d['problems'] == [] and d['records'] == 162 and d['encrypted'] and d['reindex'] is False"

# copy NAME: a copy of the database to tamper with, in $T.
copy() {
	T="$WORK/$1"
	rm -rf "$T"
	cp -r "$DB" "$T"
}
first_key() { mdb_dump -s "$2" "$1" | sed -n '/^HEADER=END$/{n;s/^ //p;q}'; }
key_of() { # key_of DIR ref: the hex id of a ref
	"$CASEWATCH" --db "$1" show "$2" --json | "${PYTHON3:-python3}" -c \
		'import json,sys; print(json.load(sys.stdin)["id"])'
}
kang=$(key_of "$DB" ref:p-kang-saran)

# A record's value changed: it no longer opens, and verify names it.
copy value
"$TAMPER" "$T" flip records "$kang"
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "record $kang" "$WORK/stdout" || fail "verify does not name the altered record"

# A record's earlier sealed value copied back over its newer one (someone who copied the disk
# once and writes to it later): the value opens, but the log holds a later change made here.
ok cw person add --name "Rolled Back" --notes "released on bail"
rolled=$(key_of "$DB" "Rolled Back")
ok cw edit "$rolled" --notes "held incommunicado"
old=$("$TAMPER" "$DB" get records "$rolled")
ok cw edit "$rolled" --notes "tortured by police"
ok cw verify
copy rollback
"$TAMPER" "$T" put records "$rolled" "$old"
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "record $rolled (person) is older than its latest change here in the audit log" \
	"$WORK/stdout" || fail "a record rolled back went unseen: $(cat "$WORK/stdout")"

# The newest audit entry deleted: the record it was for has no audit entry any more.
copy audit-deleted
last=$("$TAMPER" "$T" last audit)
"$TAMPER" "$T" del audit "$last"
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "no entry in the audit log" "$WORK/stdout" || fail "a deleted audit entry went unseen"

# An audit entry edited: it fails its authentication.
copy audit-edited
"$TAMPER" "$T" flip audit "$("$TAMPER" "$T" last audit)" 20
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "audit entry" "$WORK/stdout" || fail "an edited audit entry went unseen"

# An index entry removed: the record's key is missing and the counter no longer adds up.
copy index
"$TAMPER" "$T" del by_kind "$(first_key "$T" by_kind)"
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "index entry is missing" "$WORK/stdout" || fail "a missing index entry went unseen"
grep -q "counts:" "$WORK/stdout" || fail "a wrong counter went unseen"

# An index entry added for a record that does not own it.
copy orphan
"$TAMPER" "$T" put by_person "$(printf "%032d" 0)00000000${kang}04" ""
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "which does not own it" "$WORK/stdout" || fail "an orphan index entry went unseen"

# An index entry moved to another date: one entry is missing and one nobody owns stands in
# its place, so the table holds as many entries as the records own; both are named.
copy moved
moved=$(first_key "$T" by_date)
"$TAMPER" "$T" del by_date "$moved"
"$TAMPER" "$T" put by_date "00000001${moved#????????}" ""
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "by_date index entry is missing" "$WORK/stdout" || fail "a moved index entry went unseen"
grep -q "by_date: an entry names record .*, which does not own it" "$WORK/stdout" ||
	fail "the moved entry's new place went unseen: $(cat "$WORK/stdout")"

# An index entry for a record that does not exist.
copy ghost
"$TAMPER" "$T" put by_kind "0100000000$(printf 'ab%.0s' $(seq 16))01" ""
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "by_kind: an entry names record abababab.*, which does not exist" "$WORK/stdout" ||
	fail "an entry for no record went unseen: $(cat "$WORK/stdout")"

# The pretrial-detention index: an entry removed; one moved to another date (missing where it
# was, and nobody owns it where it is); one for a record that does not exist.
copy detention
"$TAMPER" "$T" del detention "$(first_key "$T" detention)"
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "its detention index entry is missing" "$WORK/stdout" ||
	fail "a missing detention entry went unseen: $(cat "$WORK/stdout")"
copy detention-moved
start=$(first_key "$T" detention)
"$TAMPER" "$T" del detention "$start"
"$TAMPER" "$T" put detention "$(printf '%s' "$start" | sed 's/^\(.\{66\}\).\{8\}/\100000001/')" ""
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "its detention index entry is missing" "$WORK/stdout" ||
	fail "a moved detention entry went unseen: $(cat "$WORK/stdout")"
grep -q "detention: an entry names record .*, which does not own it" "$WORK/stdout" ||
	fail "the moved detention entry's new place went unseen: $(cat "$WORK/stdout")"
copy detention-ghost
forged=$(first_key "$T" detention | sed 's/[0-9a-f]\{34\}$/0123456789abcdef0123456789abcdef07/')
"$TAMPER" "$T" put detention "$forged" ""
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "detention: an entry names record 0123456789abcdef0123456789abcdef, which does not exist" \
	"$WORK/stdout" || fail "a detention entry for no record went unseen: $(cat "$WORK/stdout")"

# A counter changed.
copy counter
"$TAMPER" "$T" put counts "$(first_key "$T" counts)" 00000000000003e7
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "recount finds" "$WORK/stdout" || fail "a changed counter went unseen"

# A middle audit entry deleted: the chain breaks before the next one.
copy audit-middle
"$TAMPER" "$T" del audit 0000000000000005
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "chain of this database's log breaks before entry 6" "$WORK/stdout" ||
	fail "a deleted middle audit entry went unseen: $(cat "$WORK/stdout")"
# The newest one deleted: the log ends before the entry it last wrote.
copy audit-newest
"$TAMPER" "$T" del audit "$("$TAMPER" "$T" last audit)"
fails 74 "problem" "$CASEWATCH" --db "$T" verify
grep -q "newest audit entries are missing" "$WORK/stdout" ||
	fail "a deleted newest audit entry went unseen: $(cat "$WORK/stdout")"

# In a plain database anyone can rewrite a value: an author renamed in the log (as with
# mdb_dump and mdb_load) breaks the chain, and the newest entry's signature would not match.
P="$WORK/plain"
ok "$CASEWATCH" --db "$P" init --no-encryption
for n in 1 2 3; do ok "$CASEWATCH" --db "$P" person add --name "Person $n"; done
ok "$CASEWATCH" --db "$P" verify
renamed=$(mdb_dump -s audit "$P" | awk '$1 == "0000000000000002" { getline; print $1 }' |
	sed 's/74657374206d6f6e69746f72/4f4843485220436d626f6469/')
"$TAMPER" "$P" put audit 0000000000000002 "$renamed"
fails 74 "problem" "$CASEWATCH" --db "$P" verify
grep -q "breaks before entry 3" "$WORK/stdout" || fail "a renamed author went unseen: $(cat "$WORK/stdout")"
# The newest entry changed: its signature fails.
last=$("$TAMPER" "$P" last audit)
newest=$(mdb_dump -s audit "$P" | awk -v k="$last" '$1 == k { getline; print $1 }' |
	sed 's/74657374206d6f6e69746f72/4f4843485220436d626f6469/')
"$TAMPER" "$P" put audit "$last" "$newest"
fails 74 "problem" "$CASEWATCH" --db "$P" verify
grep -q "fails its signature" "$WORK/stdout" || fail "a changed newest entry went unseen: $(cat "$WORK/stdout")"

# verify writes nothing: the database is byte-identical after it.
before=$(cat "$DB/data.mdb" | cksum)
ok cw verify
[ "$(cat "$DB/data.mdb" | cksum)" = "$before" ] || fail "verify changed the database"
done_ok
