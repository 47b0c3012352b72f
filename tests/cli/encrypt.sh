#!/bin/sh
# `casewatch encrypt`: a plain database (the demo data, an edit, a deletion, a peer and a
# conflict from a second laptop) becomes an encrypted one that shows exactly the same content,
# audit log, conflicts and peers, and whose file no longer holds the names. Every refusal and
# every failure leaves the plain database byte for byte as it was, with no copy left behind.
. "$TESTLIB"
set -e

B="$WORK/B"
cb() { CASEWATCH_AUTHOR=bob "$CASEWATCH" --db "$B" "$@"; }
# plain CMD...: the real binary on the plain database (no passphrase is needed, nor given).
plain() { "$CASEWATCH_BIN" --db "$DB" "$@"; }
# unchanged: the plain database is as it was before, and no copy was left beside it.
unchanged() {
	checks=$((checks + 1))
	[ "$(db_snapshot)" = "$before" ] || fail "the plain database changed"
	[ ! -e "$DB/.encrypting" ] && [ ! -L "$DB/.encrypting" ] || fail "a copy was left behind"
	[ ! -e "$DB/key" ] || fail "a key slot was left beside the plain database"
}
# count_in_file TEXT FILE: how many times TEXT is in FILE's bytes (0 when never).
count_in_file() { grep -a -c -- "$1" "$2" || true; }

# ---- a plain database with something of everything ------------------------------------------
ok cw init --no-encryption
has "NOT encrypted"
ok cw seed "$SEED_FILE"
has "161 records"
ok cw edit ref:h-kang-saran-appeal-2024-02-15 --notes "appeal heard; family present"
ok cw delete ref:h-cnrp-mass-trial-3-2020-11-26 --yes
# A second laptop gets everything, edits a hearing the first edits too, and sends it back:
# a peer, audit entries of another database and a conflict.
ok cb init --no-encryption
ok cw identity --key
ok cb peer add office "$out"
ok cb identity --key
ok cw peer add field "$out"
ok cw bundle export --to field -o "$WORK/to-field.bundle"
ok cb bundle import "$WORK/to-field.bundle"
ok cb edit ref:h-chhim-sithar-appeal-2023-10-16 --notes "from the field"
ok cw edit ref:h-chhim-sithar-appeal-2023-10-16 --notes "from the office"
ok cb bundle export --to office -o "$WORK/to-office.bundle"
ok cw bundle import "$WORK/to-office.bundle"
ok cw conflicts --json
json "len(d) == 1"
[ "$(count_in_file "Chhim Sithar" "$DB/data.mdb")" -gt 0 ] || fail "the plain file should hold names"

# What must survive encryption exactly.
snapshot_outputs() {
	for what in persons cases records; do
		cw list $what --json >"$1.$what"
	done
	cw list persons --article 494/495 --json >"$1.article"
	cw list records --court "Appeal" --json >"$1.court"
	cw list records --province "Phnom Penh" --json >"$1.province"
	cw timeline "Kang Saran" --json >"$1.timeline"
	cw audit --json >"$1.audit"
	cw conflicts --json >"$1.conflicts"
	cw bundle peers >"$1.peers"
	cw bundle content >"$1.content"
	cw bundle content --digest >"$1.digest"
}
snapshot_outputs "$WORK/plain"
ok cw list records --json
json "len(d) > 80"
ok cw audit --json
json "len(d) > 161 and any(e['action'] == 'delete' for e in d)"
before=$(db_snapshot)

# ---- refusals and failures leave it as it was -------------------------------------------------
# The new passphrase cannot be read: nothing is made.
fails 66 "passphrase-file" plain encrypt --kdf-cost minimal --new-passphrase-file "$WORK/none"
unchanged
fails 2 "kdf-cost" plain encrypt --kdf-cost cheap --new-passphrase-file "$WORK/passphrase"
unchanged
# Another process has the database open (LMDB's shared lock on lock.mdb, as every casewatch
# holds it): its later writes would be lost, so encrypt does not start.
hold_open "$DB"
fails 65 "another process" plain encrypt --kdf-cost minimal --new-passphrase-file \
	"$WORK/passphrase"
let_go
unchanged
# A symbolic link where the copy goes is not followed, nor removed.
mkdir "$WORK/elsewhere"
ln -s "$WORK/elsewhere" "$DB/.encrypting"
fails 74 "encrypting" plain encrypt --kdf-cost minimal --new-passphrase-file "$WORK/passphrase"
[ -L "$DB/.encrypting" ] && [ -z "$(ls -A "$WORK/elsewhere")" ] || fail "the link was followed"
rm "$DB/.encrypting"
unchanged
# The copy is made and checked, then cannot be moved into place (a folder stands where the
# key slot goes): the copy is removed and the plain database is untouched.
mkdir -p "$DB/key/in-the-way"
fails 74 "left as it was" plain encrypt --kdf-cost minimal --new-passphrase-file \
	"$WORK/passphrase"
rm -r "$DB/key"
unchanged
# An encrypt stopped between its two renames leaves a key slot beside the plain database,
# which then looks encrypted to anyone who lists the folder (found by a review): every
# command says it is not.
echo "a slot" >"$DB/key"
ok plain list persons
checks=$((checks + 1))
grep -qF "casewatch: warning: the database in $DB is NOT encrypted, though a key slot is beside it: an encrypt was interrupted; run 'casewatch encrypt' again" "$WORK/stderr" ||
	fail "no word of the interrupted encrypt: $(cat "$WORK/stderr")"
rm "$DB/key"
ok plain list persons
checks=$((checks + 1))
[ ! -s "$WORK/stderr" ] || fail "a warning without a key slot: $(cat "$WORK/stderr")"
# A copy left by an encrypt that did not finish is cleared first.
mkdir "$DB/.encrypting"
echo stale >"$DB/.encrypting/data.mdb"
ok plain list records --json
json "len(d) > 80"
ok plain identity --key
identity_before=$out
before=$(db_snapshot)

# ---- encrypt -----------------------------------------------------------------------------------
# A tiny map makes the one transaction of the copy grow the map and run again.
checks=$((checks + 1))
out=$(CASEWATCH_MAP_SIZE=65536 "$CASEWATCH_BIN" --db "$DB" encrypt --kdf-cost minimal \
	--new-passphrase-file "$WORK/passphrase" 2>"$WORK/stderr") ||
	fail "encrypt failed: $(cat "$WORK/stderr")"
has "encrypted $DB: 160 records, 1 deletion, 1 conflicting version, "
# the one enrolled peer counted as such (it said "0 peers", its bundle marks)
has "entries and 1 enrolled peer copied and checked"
# the recovery file's keeper named for any role, as after init
lacks "supervisor"
has "keep it off this laptop"
has "the plaintext file data.mdb was replaced"
has "may remain on the disk"
has "full-disk encryption"
[ ! -e "$DB/.encrypting" ] || fail "the work folder was left behind"
[ -f "$DB/key" ] || fail "no key slot"
[ "$(stat -c %a "$DB/key")" = 600 ] || fail "the key slot is not private"
[ "$(stat -c %a "$DB/data.mdb")" = 600 ] || fail "the data file is not private"

# Everything reads the same through the new key: lists, filters through article and name tags,
# timelines, the audit log (same sequence numbers), conflicts, peers, the sync content.
snapshot_outputs "$WORK/encrypted"
for f in persons cases records article court province timeline audit conflicts peers content \
	digest; do
	checks=$((checks + 1))
	cmp -s "$WORK/plain.$f" "$WORK/encrypted.$f" || fail "$f differs after encrypting:
$(diff "$WORK/plain.$f" "$WORK/encrypted.$f" | head -20)"
done
ok cw bundle peers
has "field"
# The copy is whole by verify's measure too: every audit chain ends at the head its database
# recorded, and the identities other databases sign with came across.
ok cw verify
has "; 0 problems"

# The file gives none of it away: names, notes, the author and the peer are sealed.
for word in "Chhim Sithar" "Kang Saran" "NagaWorld" "from the office" "family present" \
	"test monitor" "Appeal Court" "Phnom Penh"; do
	checks=$((checks + 1))
	[ "$(count_in_file "$word" "$DB/data.mdb")" -eq 0 ] || fail "'$word' is in data.mdb"
done

# It is an encrypted database now: the wrong passphrase is refused with its own status.
printf 'not the passphrase\n' >"$WORK/wrong"
fails 77 "passphrase" "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/wrong" list records
# Encrypting it again is refused, and changes nothing.
before=$(db_snapshot)
fails 65 "encrypted already" cw encrypt --kdf-cost minimal --new-passphrase-file \
	"$WORK/passphrase"
[ "$(db_snapshot)" = "$before" ] || fail "a refused encrypt changed the database"
[ ! -e "$DB/.encrypting" ] || fail "a refused encrypt left a copy"

# Work goes on: the next change is the next audit entry, the conflict can be resolved.
ok cw audit --json
last=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(len(json.load(sys.stdin)))')
ok cw edit ref:h-kang-saran-appeal-2024-02-15 --notes "appeal heard again"
ok cw audit --json
json "len(d) == $last + 1"
ok cw conflicts --json
conflicted=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
ok cw conflicts resolve "$conflicted" --keep 2
ok cw conflicts --json
json "len(d) == 0"

# The same identity, its secret now sealed: peers need not enrol it again, and it still signs
# bundles they accept; the enrolled peers came across too.
ok cw identity --key
[ "$out" = "$identity_before" ] || fail "encrypt changed the database's identity"
ok cw peer list
has "field"
ok cw edit ref:h-kang-saran-appeal-2024-02-15 --notes "after encryption"
ok cw bundle export --to field -o "$WORK/after-encrypt.bundle"
ok cb bundle import "$WORK/after-encrypt.bundle"
ok cb show ref:h-kang-saran-appeal-2024-02-15 --json
json "d['notes'] == 'after encryption'"

# Two copies of one plain database, encrypted apart: the same id, two keys. The key unlocked for
# one is tried for the other, does not open it, and its passphrase is read instead (a review
# found every command on the second refused, a passphrase file given or not).
ok "$CASEWATCH_BIN" --db "$WORK/twin-a" init --no-encryption
ok "$CASEWATCH_BIN" --db "$WORK/twin-a" person add --name "Twin Person"
cp -r "$WORK/twin-a" "$WORK/twin-b"
printf 'the second twin\n' >"$WORK/twin-b-pass"
ok "$CASEWATCH_BIN" --db "$WORK/twin-a" encrypt --kdf-cost minimal --new-passphrase-file \
	"$WORK/passphrase"
ok "$CASEWATCH_BIN" --db "$WORK/twin-b" encrypt --kdf-cost minimal --new-passphrase-file \
	"$WORK/twin-b-pass"
ok "$CASEWATCH_BIN" --db "$WORK/twin-a" --passphrase-file "$WORK/passphrase" unlock --for 1m
ok "$CASEWATCH_BIN" --db "$WORK/twin-b" --passphrase-file "$WORK/twin-b-pass" list persons --json
json "[p['name'] for p in d] == ['Twin Person']"
fails 77 "passphrase" "$CASEWATCH_BIN" --db "$WORK/twin-b" list persons </dev/null
ok "$CASEWATCH_BIN" --db "$WORK/twin-a" list persons --json </dev/null
json "[p['name'] for p in d] == ['Twin Person']"
ok "$CASEWATCH_BIN" --db "$WORK/twin-a" lock
done_ok
