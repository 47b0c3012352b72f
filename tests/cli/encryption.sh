#!/bin/sh
# encryption.sh - a seized laptop gives nothing away: an encrypted database holds none of the
# demo data's words in the clear; the passphrase, unlock and lock, a changed passphrase, an
# altered value, crypto-erase and the recovery file behave as the man page says.
. "$TESTLIB"
set -e

cksum_db() { cat "$1/data.mdb" "$1/key" 2>/dev/null | cksum; }
has_err() { grep -q -- "$1" "$WORK/stderr" || fail "stderr lacks '$1': $(cat "$WORK/stderr")"; }

# ---- nothing readable in the files --------------------------------------------------------
# Words from the demo data: every person's name, every court and prison, and words of notes,
# sources and charges; at least 30 of them. A plain database holds them (so this test can
# fail); the encrypted one holds none, in data.mdb or lock.mdb.
"${PYTHON3:-python3}" - "$SEED_FILE" >"$WORK/words" <<'PY'
import json, sys
words = set()
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    for k in ("name", "court", "facility", "title"):
        v = r.get(k)
        if isinstance(v, str) and len(v) >= 6:
            words.add(v.split(" — ")[0].strip())
words |= {"NagaWorld", "Candlelight", "incitement", "lese-majeste", "treason",
          "Correctional", "Battambang", "A/HRC/57", "own observation", "test monitor",
          "437 bis", "494/495"}
for w in sorted(words):
    print(w)
PY
[ "$(wc -l <"$WORK/words")" -ge 30 ] || fail "too few demo words: $(wc -l <"$WORK/words")"

found_in() {
	n=0
	while IFS= read -r w; do
		if cat "$1/data.mdb" "$1/lock.mdb" | grep -a -q -F -- "$w"; then
			n=$((n + 1))
			[ -z "${2:-}" ] || echo "in $1: $w" >&2
		fi
	done <"$WORK/words"
	echo "$n"
}

PLAIN="$WORK/plain"
ok "$CASEWATCH" --db "$PLAIN" init --no-encryption
has "NOT encrypted"
ok "$CASEWATCH" --db "$PLAIN" seed "$SEED_FILE"
[ "$(found_in "$PLAIN")" -ge 25 ] || fail "the plain database does not hold the demo words"

ok cw init
has "encrypted"
has "key export"
# Said to whoever runs init, a supervisor too: where the recovery file goes names no role
# (it said "give it to your supervisor" to supervisors).
lacks "supervisor"
has "keep it off this laptop"
ok cw seed "$SEED_FILE"
has "161 records"
ok cw person add --name "Vannak Secretwitness" --notes "met behind the market"
checks=$((checks + 1))
[ "$(found_in "$DB" show)" -eq 0 ] || fail "the encrypted database holds demo words in the clear"
for w in Secretwitness "behind the market"; do
	checks=$((checks + 1))
	! grep -a -q -F "$w" "$DB/data.mdb" || fail "'$w' is in data.mdb in the clear"
done
ok cw list persons --article "437 bis" --json
json "[p['name'] for p in d] == ['Kang Saran']"
ok cw list records --court "Battambang" --json
json "len(d) >= 1"

# Files are the user's alone.
checks=$((checks + 1))
[ "$(stat -c %a "$DB/key")" = 600 ] && [ "$(stat -c %a "$DB/data.mdb")" = 600 ] ||
	fail "database files are not 0600: $(ls -l "$DB")"

# ---- the passphrase ---------------------------------------------------------------------------
before=$(cksum_db "$DB")
printf 'not it\n' >"$WORK/wrong"
fails 77 "wrong passphrase" "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/wrong" list persons
# given as --name=VALUE too, as --db=DIR is (a trial had them refused as unknown options)
fails 77 "wrong passphrase" "$CASEWATCH_BIN" --db "$DB" --passphrase-file="$WORK/wrong" list persons
fails 77 "wrong passphrase" "$CASEWATCH_BIN" --db "$DB" --passphrase-fd=3 list persons 3<"$WORK/wrong"
fails 77 "passphrase-file" "$CASEWATCH_BIN" --db "$DB" list persons </dev/null
[ "$(cksum_db "$DB")" = "$before" ] || fail "a wrong passphrase changed the database"

# A changed passphrase keeps the data and the old one stops working. The slot it replaced is
# overwritten where it lay, not only renamed over: a security review carved the old slot off
# the disk after destroy-key and opened the database with the old passphrase. A second link to
# the old slot's file sees what its blocks hold afterwards.
# A new passphrase of fewer than 8 characters (counted as characters: Khmer letters are three
# bytes each) is refused, and nothing changes (a review changed one to a single letter).
printf 'x\n' >"$WORK/short"
printf 'សម្ងាត\n' >"$WORK/khmer"
before=$(cksum_db "$DB")
fails 65 "too short (1 characters): choose at least 8" cw --new-passphrase-file "$WORK/short" passphrase
fails 65 "too short (6 characters)" cw --new-passphrase-file "$WORK/khmer" passphrase
[ "$(cksum_db "$DB")" = "$before" ] || fail "a refused passphrase changed the database"
fails 65 "too short" "$CASEWATCH_BIN" --db "$WORK/short-db" --new-passphrase-file "$WORK/short" init
[ ! -e "$WORK/short-db/data.mdb" ] || fail "init made a database with a refused passphrase"
fails 65 "too short" cw --new-passphrase-file "$WORK/short" key export --to "$WORK/short-recovery"
[ ! -e "$WORK/short-recovery" ] || fail "a recovery file with a refused passphrase"
printf 'a new passphrase\n' >"$WORK/new"
ln "$DB/key" "$WORK/old-slot"
cp "$DB/key" "$WORK/old-slot-copy"
ok cw --new-passphrase-file "$WORK/new" passphrase
has "passphrase changed"
checks=$((checks + 1))
! cmp -s "$WORK/old-slot" "$WORK/old-slot-copy" || fail "the old key slot is still whole on the disk"
head -c 8 "$WORK/old-slot" | grep -q CWKEYSL1 && fail "the old key slot still starts as a slot"
rm "$WORK/old-slot" "$WORK/old-slot-copy"
fails 77 "wrong passphrase" cw list persons
ok "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/new" list persons --json
json "'Vannak Secretwitness' in [p['name'] for p in d]"
ok "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/new" --new-passphrase-file \
	"$WORK/passphrase" passphrase
# A passphrase file other users can read is used, and said, with the fix, once it proved
# right (a wrong one is refused in one line); 0600, nothing.
cp "$WORK/passphrase" "$WORK/open" && chmod 644 "$WORK/open"
ok "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/open" list persons
grep -qF "warning: the passphrase file can be read by other users (mode 644): chmod 600 $WORK/open" \
	"$WORK/stderr" || fail "no warning for a readable passphrase file: $(cat "$WORK/stderr")"
# init says it too, when the passphrase is set from such a file
chmod 644 "$WORK/open"
ok "$CASEWATCH_BIN" --db "$WORK/db-open" --passphrase-file "$WORK/open" init --kdf-cost minimal
grep -qF "warning: the passphrase file can be read by other users (mode 644)" "$WORK/stderr" ||
	fail "no warning at init for a readable passphrase file: $(cat "$WORK/stderr")"
checks=$((checks + 1))
chmod 600 "$WORK/open"
ok "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/open" list persons
[ ! -s "$WORK/stderr" ] || fail "a warning for a private passphrase file: $(cat "$WORK/stderr")"
checks=$((checks + 2))

# ---- a key slot behind a symbolic link --------------------------------------------------------
# A slot moved elsewhere and linked back opened the database; then passphrase replaced the link
# with a new slot and said "changed" while the old slot stayed whole at the link's target (the
# old passphrase still opened it), and destroy-key refused the link, at the door (a review).
# Every path refuses the link in the same one line, naming it and what to do, and changes
# nothing; the slot moved back, all is as before.
mkdir -m 700 "$WORK/stick"
mv "$DB/key" "$WORK/stick/key"
ln -s "$WORK/stick/key" "$DB/key"
cp "$WORK/stick/key" "$WORK/stick-before"
before=$(cksum_db "$WORK/stick")
linked="$DB/key is a symbolic link: move the key slot itself into $DB"
fails 74 "$linked" cw list persons
fails 74 "$linked" cw --new-passphrase-file "$WORK/new" passphrase
fails 74 "$linked" cw backup -o "$WORK/linked.backup"
fails 74 "$linked" cw unlock
fails 74 "$linked" cw destroy-key --yes
checks=$((checks + 1))
[ -L "$DB/key" ] && cmp -s "$WORK/stick/key" "$WORK/stick-before" && [ ! -e "$WORK/linked.backup" ] ||
	fail "a command refused for a linked key slot changed something"
rm "$DB/key" "$WORK/stick-before"
mv "$WORK/stick/key" "$DB/key"
ok cw list persons

# The passphrase options may stand among any command's options (the man page), in either
# spelling, and are read before the database is opened: not an unexpected argument, not
# ignored (a wrong one is refused as wrong, not asked for on the terminal).
for c in identity "peer list" audit conflicts "bundle peers" "list persons" verify; do
	# shellcheck disable=SC2086 # the command's words
	ok "$CASEWATCH_BIN" --db "$DB" $c --passphrase-file "$WORK/passphrase" </dev/null
done
ok "$CASEWATCH_BIN" --db "$DB" audit --limit 1 --passphrase-file="$WORK/passphrase" --json </dev/null
json "len(d) == 1"
ok "$CASEWATCH_BIN" --db "$DB" peer list --passphrase-fd 7 --json 7<"$WORK/passphrase" </dev/null
fails 77 "wrong passphrase" "$CASEWATCH_BIN" --db "$DB" audit --passphrase-file "$WORK/wrong" </dev/null
fails 77 "wrong passphrase" "$CASEWATCH_BIN" --db "$DB" identity --passphrase-file "$WORK/wrong" </dev/null
# Usage is checked before the database is opened: a mistyped option is 2, never "no key".
for c in identity "peer list" audit conflicts "conflicts resolve x" "delete x" "show x" \
	"bundle peers" articles; do
	# shellcheck disable=SC2086
	fails 2 "bogus" "$CASEWATCH_BIN" --db "$DB" $c --bogus </dev/null
done
# So are the record commands' options, though they look names up as they are applied.
for c in "person add --name X" "case add --title T" "log hearing --case T" "log milestone" \
	"edit 12345678 --notes x"; do
	# shellcheck disable=SC2086
	fails 2 "bogus" "$CASEWATCH_BIN" --db "$DB" $c --bogus 1 </dev/null
done
# A passphrase given in an option casewatch does not have (--passphrase=..., for
# --passphrase-file) is a usage error that names the option, never its value: an error line
# stays in scrollback and logs (a review saw "unknown option '--passphrase=SECRET'"). Any
# "--name=value" an error quotes is quoted so, wherever it stands.
for c in "--passphrase=Hidden-Words list persons" "show x --passphrase=Hidden-Words" \
	"timeline x --passphrase=Hidden-Words" "upgrade --passphrase=Hidden-Words" \
	"bundle inspect --passphrase=Hidden-Words" "identity -passphrase=Hidden-Words" \
	"check-signature x --passphrase=Hidden-Words" "list persons --passphrase=Hidden-Words"; do
	# shellcheck disable=SC2086
	fails 2 "passphrase" "$CASEWATCH_BIN" --db "$DB" $c </dev/null
	case $err in *Hidden-Words*) fail "'$c' showed the value: $err" ;; esac
	case $c in "list persons"*) continue ;; esac # the option's name alone, as ever
	has_err "passphrase' (its value is not shown)"
done
fails 2 "id" "$CASEWATCH_BIN" --db "$DB" delete --yes </dev/null

# ---- unlock and lock --------------------------------------------------------------------------
ok cw unlock --for 2s
has "unlocked"
ok "$CASEWATCH_BIN" --db "$DB" list persons </dev/null
sleep 3
fails 77 "passphrase" "$CASEWATCH_BIN" --db "$DB" list persons </dev/null
ok cw unlock
ok "$CASEWATCH_BIN" --db "$DB" list persons </dev/null
ok "$CASEWATCH_BIN" --db "$DB" lock
fails 77 "passphrase" "$CASEWATCH_BIN" --db "$DB" list persons </dev/null
fails 65 "for" cw unlock --for 0s
# An unlocked key opens nothing without the slot: destroy-key cannot reach a key another login
# session unlocked (a review opened the database with one after destroy-key), so the slot is
# read first; this session's key goes with the refusal.
ok cw unlock
mv "$DB/key" "$WORK/slot-away"
fails 77 "no key slot" "$CASEWATCH_BIN" --db "$DB" list persons </dev/null
mv "$WORK/slot-away" "$DB/key"
fails 77 "passphrase" "$CASEWATCH_BIN" --db "$DB" list persons </dev/null
# A database no longer at hand (a stick pulled out) is locked with --all: lock alone reads which
# key to forget from the file, and says so (a review found the key left until it expired).
# --all forgets every casewatch key of the user, so it runs in a user namespace of its own
# (its own user keyring) and a session keyring of its own (a login's is shared by everything
# it runs): the tests running beside this one, and the developer's own unlocked databases,
# keep theirs (a review found a login's session keyring shared).
checks=$((checks + 1))
own_keyrings() {
	unshare -U -r "${PYTHON3:-python3}" -c '
import ctypes, os, sys
keyutils = ctypes.CDLL("libkeyutils.so.1")
if keyutils.keyctl_join_session_keyring(None) < 0:
    sys.exit(98)
os.execvp(sys.argv[1], sys.argv[1:])' "$@"
}
if own_keyrings true 2>/dev/null; then
	set +e
	own_keyrings sh -c '
		bin=$1 db=$2 pass=$3
		"$bin" --db "$db" --passphrase-file "$pass" unlock >/dev/null || exit 10
		mv "$db" "$db-away" || exit 11
		"$bin" --db "$db" lock 2>"$db.err" && exit 12
		grep -q "lock --all" "$db.err" || exit 13
		[ "$("$bin" --db "$db" lock --all)" = "forgot the unlocked key of 1 database: the next commands ask for the passphrase
no terminal interface was open and unlocked" ] || exit 14
		mv "$db-away" "$db" || exit 15
		"$bin" --db "$db" list persons </dev/null 2>/dev/null && exit 16
		[ "$("$bin" lock --all)" = "forgot the unlocked keys of 0 databases: the next commands ask for their passphrases
no terminal interface was open and unlocked" ] || exit 17
		exit 0' sh "$CASEWATCH_BIN" "$DB" "$WORK/passphrase"
	got=$?
	set -e
	[ "$got" -eq 0 ] || fail "lock --all in a user namespace: step $got failed"
else
	echo "note: no user namespace or session keyring of its own here: lock --all is not tried"
fi
fails 2 "not encrypted" "$CASEWATCH" --db "$PLAIN" lock

# ---- an altered value is refused with its id ----------------------------------------------
ok cw show ref:p-kang-saran --json
kang=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
cp -r "$DB" "$WORK/altered"
mdb_dump -s records "$WORK/altered" | "${PYTHON3:-python3}" -c '
import sys
lines = sys.stdin.read().split("\n")
key = sys.argv[1]
for i, l in enumerate(lines):
    if l.strip() == key:
        v = lines[i + 1]
        j = len(v) - 5  # a byte of the ciphertext near its end
        lines[i + 1] = v[:j] + ("0" if v[j] != "0" else "1") + v[j + 1:]
        break
else:
    sys.exit("record not found in the dump")
print("\n".join(lines), end="")' "$kang" >"$WORK/altered.dump"
mdb_load -s records "$WORK/altered" <"$WORK/altered.dump"
fails 74 "$kang" "$CASEWATCH" --db "$WORK/altered" show ref:p-kang-saran
has_err "fails its authentication"
# ... and says where to go from there
has_err "'casewatch verify' lists what is; 'casewatch restore BACKUP --db DIR' brings back a backup"
fails 74 "$kang" "$CASEWATCH" --db "$WORK/altered" timeline "Kang Saran"
# A value copied under another record's key does not open either.
ok cw show ref:p-kem-sokha --json
kem=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
cp -r "$DB" "$WORK/swapped"
mdb_dump -s records "$WORK/swapped" | "${PYTHON3:-python3}" -c '
import sys
lines = sys.stdin.read().split("\n")
a, b = sys.argv[1], sys.argv[2]
ia = [i for i, l in enumerate(lines) if l.strip() == a][0]
ib = [i for i, l in enumerate(lines) if l.strip() == b][0]
lines[ia + 1] = lines[ib + 1]
print("\n".join(lines), end="")' "$kang" "$kem" >"$WORK/swapped.dump"
mdb_load -s records "$WORK/swapped" <"$WORK/swapped.dump"
fails 74 "$kang" "$CASEWATCH" --db "$WORK/swapped" show "$kang"
# A record that names the damaged one fails as it does, naming it, and prints nothing: it
# never reads as "(person not held here)" or as a nameless "(3c4548d7)" with exit 0 (a review
# found list records, show and list cases so).
ok cw list records --kind milestone --json
ms=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
print([r for r in json.load(sys.stdin) if r.get("person") == sys.argv[1]][0]["id"])' "$kang")
ok cw show "$ms" --json
kase=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["case"])')
for c in "list records" "list records --kind milestone" "show $ms" "show $kase" "list cases" \
	"agenda --from 2023-11-20"; do
	# shellcheck disable=SC2086 # the words of the command
	fails 74 "$kang" "$CASEWATCH" --db "$WORK/swapped" $c
	has_err "fails its authentication"
	[ ! -s "$WORK/stdout" ] || fail "'$c' printed: $(cat "$WORK/stdout")"
done

# ---- crypto-erase and the recovery file ------------------------------------------------------
# A recovery passphrase that opens the database too is refused (whoever forces one out of the
# monitor would open both), and no file is written.
fails 65 "is the database's own" cw --new-passphrase-file "$WORK/passphrase" key export \
	--to "$WORK/same-recovery"
[ ! -e "$WORK/same-recovery" ] || fail "a recovery file under the database's passphrase was written"
printf 'recovery words\n' >"$WORK/recovery-pass"
ok cw --new-passphrase-file "$WORK/recovery-pass" key export --to "$WORK/recovery"
checks=$((checks + 1))
[ "$(stat -c %a "$WORK/recovery")" = 600 ] || fail "the recovery file is not 0600"
fails 65 "exists" cw --new-passphrase-file "$WORK/recovery-pass" key export --to "$WORK/recovery"
# A slot left beside the key by a change of passphrase killed before its rename (a whole slot,
# under the new passphrase) goes with it; another file of a similar name stays.
# Files of that shape that are no slot (a user's key.backup, a FIFO planted there, which an open
# for writing would wait on for ever: found by a review) are left alone, and never waited on.
cp "$DB/key" "$DB/key.Ab12Cd"
echo notes >"$DB/key.notes"
echo "my own" >"$DB/key.backup"
mkfifo "$DB/key.fifo01"
ok cw unlock
ok timeout 60 "$CASEWATCH" --db "$DB" destroy-key --yes
# well under a second, as the issue asks (not to the hundredth: a loaded machine's fsync)
has "key destroyed in 0."
[ ! -e "$DB/key" ] || fail "the key slot is still there"
[ ! -e "$DB/key.Ab12Cd" ] || fail "a slot left by a killed passphrase change is still there"
[ -e "$DB/key.notes" ] && [ -e "$DB/key.backup" ] && [ -p "$DB/key.fifo01" ] ||
	fail "destroy-key removed a file that is no key slot"
rm "$DB/key.notes" "$DB/key.backup" "$DB/key.fifo01"
fails 77 "key import" cw list persons
fails 77 "key import" "$CASEWATCH_BIN" --db "$DB" list persons </dev/null
# The recovery file of another database is refused; this one brings the key back.
ok "$CASEWATCH" --db "$WORK/other" init
ok "$CASEWATCH" --db "$WORK/other" --new-passphrase-file "$WORK/recovery-pass" key export --to \
	"$WORK/other-recovery"
fails 65 "another database" cw key import "$WORK/other-recovery"
fails 77 "wrong passphrase" "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/wrong" \
	--new-passphrase-file "$WORK/passphrase" key import "$WORK/recovery"
# The file is what key export wrote, and is called so: a recovery file, not a key slot (a field
# trial's monitor went looking for one).
has_err "wrong passphrase for the recovery file $WORK/recovery (or the file was altered)"
fails 66 "the recovery file $WORK/no-recovery does not exist" cw key import "$WORK/no-recovery"
fails 74 "is not a casewatch recovery file" cw key import "$WORK/recovery-pass"
# The recovery passphrase, just typed, is refused as the database's new one: whoever forces it
# out of the monitor would open the recovery file the supervisor keeps too, the state key
# export refuses to make. Nothing is written.
fails 65 "opens the recovery file" "$CASEWATCH_BIN" --db "$DB" --passphrase-file \
	"$WORK/recovery-pass" --new-passphrase-file "$WORK/recovery-pass" key import "$WORK/recovery"
checks=$((checks + 1))
[ ! -e "$DB/key" ] || fail "a key slot under the recovery passphrase was written"
ok "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/recovery-pass" --new-passphrase-file \
	"$WORK/passphrase" key import "$WORK/recovery"
has "key restored"
ok cw list persons --json
json "'Vannak Secretwitness' in [p['name'] for p in d]"
done_ok
