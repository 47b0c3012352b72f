#!/bin/sh
# Backups: `backup -o FILE` writes a consistent, compacted copy (one file: data.mdb and the key
# slot, checksummed) while other processes read and write; `restore FILE --db DIR` puts it into
# a new folder, never over a database, refuses a damaged or cut file before writing anything,
# and runs verify on what it restored; the terminal interface says when the last backup is
# older than backup_warn_after. Read-only media and a full disk need a private mount namespace
# (root): skipped, saying why, where there is none.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Chhim Sithar" --notes "President of the LRSU"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494/495
ok cw log hearing --case NagaWorld --date 2024-06-03 --outcome adjourned
ok cw bundle content --digest
digest=$out

# ---- a backup and its restore -------------------------------------------------------------
# Interrupted (Ctrl-C, SIGTERM) at any moment, a backup leaves nothing beside its target: a
# review found whole copies of the database, key slot included, left as FILE.XXXXXX.
mkdir "$WORK/cut"
for delay in 0.001 0.003 0.005 0.008 0.01 0.015 0.02 0.03 0.05 0.08; do
	for sig in INT TERM; do
		timeout -s $sig $delay "$CASEWATCH" --db "$DB" backup -o "$WORK/cut/p.backup" \
			>/dev/null 2>&1 || :
	done
done
checks=$((checks + 1))
left=$(ls -A "$WORK/cut" | grep -v '^p\.backup$' || :)
[ -z "$left" ] || fail "an interrupted backup left $left"
rm -r "$WORK/cut"

ok cw backup -o "$WORK/one.backup"
has "backup written to $WORK/one.backup"
has "encrypted, with its key slot"
checks=$((checks + 1))
[ "$(stat -c %a "$WORK/one.backup")" = 600 ] || fail "the backup is not private: $(stat -c %a "$WORK/one.backup")"
# encrypted as the database is: no name or note in the clear
checks=$((checks + 1))
if grep -qa -e "Chhim Sithar" -e "LRSU" -e "NagaWorld" "$WORK/one.backup"; then
	fail "the backup of an encrypted database holds text in the clear"
fi
ls "$WORK" | grep -q 'one.backup\.' && fail "a temporary file was left behind: $(ls "$WORK")"
ok cw restore "$WORK/one.backup" --db "$WORK/restored"
has "restored $WORK/one.backup"
has "$WORK/restored: 3 records"
has "0 problems"
ok "$CASEWATCH" --db "$WORK/restored" bundle content --digest
checks=$((checks + 1))
[ "$out" = "$digest" ] || fail "the restored database differs: $out, wanted $digest"
ok "$CASEWATCH" --db "$WORK/restored" timeline "Chhim Sithar"
has "NagaWorld strike"
checks=$((checks + 1))
[ -f "$WORK/restored/key" ] || fail "the key slot was not restored"
# --json, and a restore into an empty folder that exists
mkdir "$WORK/empty"
ok cw restore "$WORK/one.backup" --db "$WORK/empty" --json
json "d['restored']['encrypted'] and d['verify']['problems'] == [] and d['verify']['records'] == 3"

# ---- what restore refuses, before writing anything ----------------------------------------------
before=$(db_snapshot)
fails 65 "a database is already in $DB" cw restore "$WORK/one.backup" --db "$DB"
mkdir "$WORK/busy" && touch "$WORK/busy/notes.txt"
fails 65 "not empty" cw restore "$WORK/one.backup" --db "$WORK/busy"
size=$(stat -c %s "$WORK/one.backup")
head -c $((size - 1)) "$WORK/one.backup" >"$WORK/cut.backup"
fails 74 "cut short or damaged" cw restore "$WORK/cut.backup" --db "$WORK/r-cut"
cp "$WORK/one.backup" "$WORK/flipped.backup"
printf 'X' | dd of="$WORK/flipped.backup" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
fails 74 "checksum does not match" cw restore "$WORK/flipped.backup" --db "$WORK/r-flip"
printf 'not a backup at all, but long enough to have a header and a checksum in it....\n' \
	>"$WORK/text.backup"
fails 65 "not a casewatch backup" cw restore "$WORK/text.backup" --db "$WORK/r-text"
fails 66 "cannot read" cw restore "$WORK/no-such.backup" --db "$WORK/r-none"
fails 2 "output" cw backup
# A FIFO named as the backup is refused at once, not waited on (a review's restore hung on one).
mkfifo "$WORK/fifo.backup"
fails 74 "fifo.backup is not a file: a backup is checked whole" timeout 10 "$CASEWATCH" \
	restore "$WORK/fifo.backup" --db "$WORK/r-fifo"
# -o - is not standard output for a backup (it is checked and put in place whole), and no file
# named "-" appears in the current folder (a review found one), as -o /dev/stdout is refused.
(cd "$WORK" && fails 65 "a backup cannot go to standard output" cw backup -o -)
fails 65 "output" cw backup -o /dev/stdout
checks=$((checks + 1))
[ ! -e "$WORK/-" ] || fail "backup -o - wrote a file named -"
checks=$((checks + 1))
for d in r-cut r-flip r-text r-none r-fifo; do
	[ ! -e "$WORK/$d" ] || fail "a refused restore left $d behind"
done
ls "$WORK" | grep -q restoring && fail "a temporary folder was left behind: $(ls "$WORK")"
checks=$((checks + 1))
[ "$(db_snapshot)" = "$before" ] || fail "a refused restore changed the database"

# ---- while others write -----------------------------------------------------------------------
# Two writers add people while backups are taken: every backup restores to a database that
# verify passes, with some whole number of the writers' records.
writer() {
	for i in $(seq 1 25); do
		cw person add --name "writer $1 person $i" >/dev/null 2>>"$WORK/writers.err" ||
			echo "write failed" >>"$WORK/writers.err"
	done
}
: >"$WORK/writers.err"
writer 1 &
writer 2 &
for b in 1 2 3; do
	ok cw backup -o "$WORK/busy$b.backup"
done
wait
checks=$((checks + 1))
[ ! -s "$WORK/writers.err" ] || fail "writes failed during backups: $(cat "$WORK/writers.err")"
for b in 1 2 3; do
	ok cw restore "$WORK/busy$b.backup" --db "$WORK/busy$b" --json
	json "d['verify']['problems'] == [] and 3 <= d['verify']['records'] <= 53"
done

# ---- compacted --------------------------------------------------------------------------------
# After an import is replaced by a smaller one the file keeps its size; the backup does not.
for n in 2000 5; do
	"${PYTHON3:-python3}" -c "
for i in range(400): print('{\"kind\":\"person\",\"ref\":\"p-%d\",\"name\":\"person %d\",\"notes\":\"%s\"}' % (i, i, 'x' * $n))
" >"$WORK/notes$n.jsonl"
done
ok cw import "$WORK/notes2000.jsonl"
ok cw import "$WORK/notes5.jsonl"
ok cw backup -o "$WORK/compact.backup" --json
json "d['data_bytes'] * 2 < $(stat -c %s "$DB/data.mdb")"

# ---- the status line ----------------------------------------------------------------------------
# Just backed up: nothing said. A last backup 30 days old (written into meta behind casewatch's
# back): said, at the default of a week; not with backup_warn_after = 40d, nor never. Never
# backed up, and the first change older than backup_warn_after: said too.
tui() {
	printf '<Dump>q' >"$WORK/keys"
	out=$(CASEWATCH_TUI_SCRIPT="$WORK/keys" CASEWATCH_TUI_SIZE=160x8 "$CASEWATCH" --db "$1" \
		2>"$WORK/stderr") || fail "the terminal interface failed: $(cat "$WORK/stderr")"
	# the status line, with the rows above it that a long message takes (up to three)
	out=$(printf '%s\n' "$out" | sed -n '6,8p' | tr '\n' ' ')
}
export XDG_CONFIG_HOME="$WORK/config"
mkdir -p "$XDG_CONFIG_HOME/casewatch"
tui "$DB"
lacks "backup"
old=$("${PYTHON3:-python3}" -c 'import time; print("%016x" % int((time.time() - 30 * 86400) * 1e6))')
"$TAMPER" "$DB" put meta "$(hex last_backup)" "$old"
tui "$DB"
has "last backup 30 days ago"
echo "backup_warn_after = 40d" >"$XDG_CONFIG_HOME/casewatch/config"
tui "$DB"
lacks "backup"
echo "backup_warn_after = never" >"$XDG_CONFIG_HOME/casewatch/config"
tui "$DB"
lacks "backup"
echo "backup_warn_after = soon" >"$XDG_CONFIG_HOME/casewatch/config"
tui "$DB"
has "config:1: backup_warn_after: cannot read \"soon\" as an age"
echo "backup_warn_after = 1s" >"$XDG_CONFIG_HOME/casewatch/config"
ok "$CASEWATCH" --db "$WORK/fresh" init
ok "$CASEWATCH" --db "$WORK/fresh" person add --name "Kem Sokha"
sleep 2
tui "$WORK/fresh"
has "no backup yet"
ok "$CASEWATCH" --db "$WORK/fresh" backup -o "$WORK/fresh.backup"
echo "backup_warn_after = 1h" >"$XDG_CONFIG_HOME/casewatch/config"
tui "$WORK/fresh"
lacks "backup"
# a restored database was last backed up when its backup was made
tui "$WORK/restored"
lacks "backup"
rm "$XDG_CONFIG_HOME/casewatch/config"
unset XDG_CONFIG_HOME

# ---- a plain database ---------------------------------------------------------------------------
ok "$CASEWATCH_BIN" --db "$WORK/plain" init --no-encryption
ok "$CASEWATCH_BIN" --db "$WORK/plain" person add --name "Kem Ley"
ok "$CASEWATCH_BIN" --db "$WORK/plain" backup -o "$WORK/plain.backup"
has "NOT encrypted"
ok "$CASEWATCH_BIN" restore "$WORK/plain.backup" --db "$WORK/plain-restored"
has "0 problems"

# ---- read-only media and a full disk ------------------------------------------------------------
# A backup from a read-only mount works (the time cannot be noted there: a warning says so); a
# backup onto a full disk fails with "the disk is full" and leaves nothing behind.
if [ "$(id -u)" = 0 ] && unshare -m sh -c "
	mount --bind '$DB' '$DB' && mount -o remount,bind,ro '$DB' || exit 3
	'$CASEWATCH' --db '$DB' backup -o '$WORK/ro.backup' >'$WORK/ro.out' 2>'$WORK/ro.err'
	echo \$? >'$WORK/ro.rc'
	mkdir '$WORK/small' && mount -t tmpfs -o size=64k tmpfs '$WORK/small' || exit 4
	'$CASEWATCH' --db '$DB' backup -o '$WORK/small/full.backup' >/dev/null 2>'$WORK/full.err'
	echo \$? >'$WORK/full.rc'
	ls -A '$WORK/small' >'$WORK/full.ls'
" 2>"$WORK/ns.err"; then
	checks=$((checks + 1))
	[ "$(cat "$WORK/ro.rc")" = 0 ] || fail "backup on read-only media: $(cat "$WORK/ro.err")"
	grep -q "warning: .*is read-only" "$WORK/ro.err" || fail "no read-only warning: $(cat "$WORK/ro.err")"
	grep -q "warning: database: cannot note the backup's time in $DB: it is on read-only media" \
		"$WORK/ro.err" || fail "no warning about the time: $(cat "$WORK/ro.err")"
	ok cw restore "$WORK/ro.backup" --db "$WORK/from-ro"
	has "0 problems"
	checks=$((checks + 1))
	[ "$(cat "$WORK/full.rc")" = 74 ] || fail "backup onto a full disk exited $(cat "$WORK/full.rc")"
	grep -q "^casewatch: output: cannot write $WORK/small/full.backup: the disk is full$" \
		"$WORK/full.err" || fail "backup onto a full disk: $(cat "$WORK/full.err")"
	[ ! -s "$WORK/full.ls" ] || fail "a full disk kept $(cat "$WORK/full.ls")"
else
	echo "SKIP (read-only media, full disk): no private mount namespace here (needs root):" \
		"$(cat "$WORK/ns.err" 2>/dev/null)"
fi

# ---- backups keep the key slot of their day -----------------------------------------------------
# Every backup holds its own copy of the key slot, wrapped with the passphrase in use when it
# was made: a new passphrase, destroy-key and key import reach none of them, and the old
# passphrase opens every one (a review restored one after both, with nothing said). Each of
# the three says so plainly, with the last backup's time; a database never backed up, nothing.
K="$WORK/old-slots"
mkdir "$K"
printf 'second passphrase\n' >"$K/pw2"
printf 'recovery words\n' >"$K/rec"
chmod 600 "$K/pw2" "$K/rec"
kb() { "$CASEWATCH_BIN" --db "$K/db" "$@"; }
ok "$CASEWATCH" --db "$K/db" init
ok "$CASEWATCH" --db "$K/db" person add --name "Witness Z" --confidential
ok kb --passphrase-file "$WORK/passphrase" --new-passphrase-file "$K/pw2" passphrase
has "passphrase changed"
! grep -q "backup made before" "$WORK/stderr" || fail "a warning of backups when none was made"
# A time noted that cannot be read (2 bytes, not 8: altered, or the disk) is not "never backed
# up": the warning is given all the same, without a date (it was left out, as for none).
cp -r "$K/db" "$K/bad-time"
"$TAMPER" "$K/bad-time" put meta "$(hex last_backup)" 0102
ok "$CASEWATCH_BIN" --db "$K/bad-time" --passphrase-file "$K/pw2" --new-passphrase-file "$K/rec" \
	passphrase
grep -qF "casewatch: warning: a backup made before now with the key slot (without --without-key), if any, holds its own copy" \
	"$WORK/stderr" || fail "no warning of old backups with their time damaged: $(cat "$WORK/stderr")"
ok "$CASEWATCH_BIN" --db "$K/bad-time" destroy-key --yes
grep -qF "casewatch: warning: a backup made before now with the key slot (without --without-key), if any, holds its own copy" \
	"$WORK/stderr" || fail "no warning of old backups with their time damaged: $(cat "$WORK/stderr")"
ok kb --passphrase-file "$K/pw2" --new-passphrase-file "$K/rec" key export --to "$K/recovery"
ok kb --passphrase-file "$K/pw2" backup -o "$K/old.backup"
today=$(date +%Y-%m-%d)
ok kb --passphrase-file "$K/pw2" --new-passphrase-file "$WORK/passphrase" passphrase
has "passphrase changed"
grep -qF "casewatch: warning: a backup made before now with the key slot (without --without-key) holds its own copy" "$WORK/stderr" ||
	fail "no warning of old backups after passphrase: $(cat "$WORK/stderr")"
grep -qF "(the last backup of either kind was on $today" "$WORK/stderr" ||
	fail "the warning does not give the last backup's time: $(cat "$WORK/stderr")"
grep -qF "destroy such backups, or keep them away from anyone" "$WORK/stderr" ||
	fail "the warning does not say what to do: $(cat "$WORK/stderr")"
ok kb destroy-key --yes
has "key destroyed"
grep -qF "casewatch: warning: a backup made before now with the key slot (without --without-key) holds its own copy" "$WORK/stderr" ||
	fail "no warning of old backups: $(cat "$WORK/stderr")"
ok kb --passphrase-file "$K/rec" --new-passphrase-file "$WORK/passphrase" key import "$K/recovery"
has "key restored"
grep -qF "casewatch: warning: a backup made before now with the key slot (without --without-key) holds its own copy" "$WORK/stderr" ||
	fail "no warning of old backups: $(cat "$WORK/stderr")"
# and what they say is so: the backup opens with the passphrase given away
ok "$CASEWATCH_BIN" --passphrase-file "$K/pw2" restore "$K/old.backup" --db "$K/restored"
has "0 problems"
ok "$CASEWATCH_BIN" --db "$K/restored" --passphrase-file "$K/pw2" list persons
has "Witness Z"
# A backup made --without-key holds no key slot: the old passphrase, or any, opens nothing
# it restores; a recovery file gives it the key (destroy-key and a new passphrase reach it,
# as they reach the database: the red team's backup opened after both).
ok kb --passphrase-file "$WORK/passphrase" backup --without-key -o "$K/nokey.backup"
has "encrypted, without its key slot: only a recovery file opens it"
ok kb --passphrase-file "$WORK/passphrase" backup --without-key --json -o "$K/nokey2.backup"
json "d['encrypted'] is True and d['key_slot'] is False"
ok "$CASEWATCH_BIN" restore "$K/nokey.backup" --db "$K/nokey"
has "it was made without its key slot: give it the key with 'casewatch --db"
[ ! -e "$K/nokey/key" ] || fail "a backup made without its key slot restored one"
checks=$((checks + 1))
fails 77 key "$CASEWATCH_BIN" --db "$K/nokey" --passphrase-file "$WORK/passphrase" list persons
ok "$CASEWATCH_BIN" --db "$K/nokey" --passphrase-file "$K/rec" \
	--new-passphrase-file "$K/pw2" key import "$K/recovery"
ok "$CASEWATCH_BIN" --db "$K/nokey" --passphrase-file "$K/pw2" verify
has "0 problems"
ok "$CASEWATCH_BIN" --db "$K/nokey" --passphrase-file "$K/pw2" list persons
has "Witness Z"
# A database whose only backups were made --without-key: destroy-key does not say that they
# hold the key slot (a field trial's did not); what it says holds for a backup that does.
ok "$CASEWATCH" --db "$K/nokey-only" init
ok "$CASEWATCH" --db "$K/nokey-only" backup --without-key -o "$K/nokey-only.backup"
ok "$CASEWATCH" --db "$K/nokey-only" destroy-key --yes
has "key destroyed"
checks=$((checks + 1))
! grep -q "backups made before now (the last on" "$WORK/stderr" ||
	fail "destroy-key says backups without the key slot hold it: $(cat "$WORK/stderr")"
grep -qF "a backup made before now with the key slot (without --without-key) holds its own copy" \
	"$WORK/stderr" || fail "no warning that holds for a backup with the slot: $(cat "$WORK/stderr")"
[ "$(wc -l <"$WORK/stderr")" -eq 1 ] || fail "not one line: $(cat "$WORK/stderr")"
# a plain database has no key to leave out
ok "$CASEWATCH_BIN" --db "$K/plain" init --no-encryption
fails 65 without-key "$CASEWATCH_BIN" --db "$K/plain" backup --without-key -o "$K/plain.backup"
[ ! -e "$K/plain.backup" ] || fail "a refused backup was written"
checks=$((checks + 1))

# ---- a restored laptop working beside the original ------------------------------------
# Both send bundles of the same database to the supervisor, whose merge takes both histories;
# verify then says that database's log split in two.
F="$WORK/fork"
fa() { "$CASEWATCH" --db "$F/alice" "$@"; }
fr() { "$CASEWATCH" --db "$F/restored" "$@"; }
fs() { "$CASEWATCH" --db "$F/sup" "$@"; }
mkdir "$F"
ok fa init
ok fs init
ok fs peer add alice "$(fa identity --key)"
ok fa peer add sup "$(fs identity --key)"
ok fa person add --name "Before Backup"
ok fa backup -o "$F/alice.backup"
ok "$CASEWATCH" restore "$F/alice.backup" --db "$F/restored"
ok fa person add --name "After Backup"
ok fa bundle export --to sup -o "$F/a.bundle"
ok fs bundle import "$F/a.bundle"
ok fs verify
ok fr person add --name "On The Restored Laptop"
ok fr bundle export --to sup -o "$F/r.bundle"
ok fs bundle import "$F/r.bundle"
fails 74 "problem" fs verify
grep -q "the log of database [0-9a-f]\{8\} splits in two after one entry" "$WORK/stdout" ||
	fail "a split log went unseen: $(cat "$WORK/stdout")"
ok fa verify

done_ok
