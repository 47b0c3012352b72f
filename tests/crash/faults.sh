# faults.sh - the I/O-fault test: writes whose disk fails under them. tests/crash/faultshim.so
# (LD_PRELOAD) fails the Nth pwrite, writev or fdatasync (what LMDB writes and syncs with),
# msync (how it writes the pages of a bulk write, made in place in the map), fsync or rename
# (how a bundle file is put in place) with EIO or ENOSPC, once, or from then on (a disk that
# stays full). For each write (log, import, edit, bundle import, an import from a tiny map, a
# bulk import of more than 1 MiB, bundle export) and each call it makes, counted first:
#   - the command fails, with one line on stderr;
#   - the database is as it was: the same content digest, the same number of audit entries,
#     the same peers' marks, and `casewatch verify` passes; except in one case, which must
#     say so: a bulk write whose pages were all written out when the sync of its meta page
#     failed is in the database, whole (verify counts what the write leaves when it succeeds);
#   - a bundle file is either not written at all or the peers' marks have not moved;
#   - the same write, without the fault, then succeeds.
# make check fails the first and the last call of each kind (FAULT_ALL=1, as make crash-test
# sets it: each call in turn).
. "$TESTLIB"
. "$TOP_SRCDIR/tests/crash/common.sh"
: "${FAULTSHIM:?run through make check}"
BUNDLES=2
IMPORT_LINES=2000
TINY_MAP=65536
faults=0

# state DIR: what must not change, into $WORK/state: the content digest, the audit entries
# counted by verify (which must pass), the peers' marks.
state() {
	{
		"$CASEWATCH" --db "$1" bundle content --digest &&
			"$CASEWATCH" --db "$1" verify --json &&
			{ [ "$1" != "$FIELD" ] || "$CASEWATCH" --db "$1" bundle peers; }
	} >"$WORK/state" 2>&1 || fail "verify fails on $1: $(cat "$WORK/state")"
}

# write KIND: runs that write (on $DB, or on the field laptop for export) in the foreground.
write() {
	case $1 in
	log) cw log hearing --case NagaWorld --date 2024-06-03 --source log-1 ;;
	import) cw import "$WORK/imp.jsonl" ;;
	tiny) CASEWATCH_MAP_SIZE=$TINY_MAP cw import "$WORK/imp.jsonl" ;;
	bulk) cw import "$WORK/bulk.jsonl" ;;
	edit) cw edit NagaWorld --notes edit-1 ;;
	bundle) cw bundle import "$WORK/bundle-1" ;;
	export) "$CASEWATCH" --db "$FIELD" bundle export -o "$WORK/out.cwb" --to main ;;
	esac
}

# reset: both databases as they were before the write.
reset() {
	restore
	rm -f "$FIELD/data.mdb" "$FIELD/lock.mdb" "$FIELD/key" "$WORK/out.cwb" "$WORK/out.cwb.part"
	cp "$WORK/field-base/data.mdb" "$WORK/field-base/key" "$FIELD/" || fail "restore field"
}

# counts KIND: how many times the write makes each call, into $WORK/counts ("pwrite=3 ...").
counts() {
	reset
	rm -f "$WORK/report"
	LD_PRELOAD=$FAULTSHIM FAULT_REPORT=$WORK/report write "$1" >/dev/null 2>"$WORK/err" ||
		fail "$1 fails without a fault: $(cat "$WORK/err")"
	cp "$WORK/report" "$WORK/counts"
}

# calls CALL: how many of those the write made.
calls() {
	tr ' ' '\n' <"$WORK/counts" | sed -n "s/^$1=//p"
}

# fault KIND CALL N ERRNO STICKY: the write with its Nth CALL failing. What the database held
# before it is $WORK/state.before.DB, read once: reset puts back the same bytes every time.
fault() {
	kind=$1 call=$2 n=$3
	reset
	db=$DB before=$WORK/state.before.db
	[ "$kind" = export ] && db=$FIELD before=$WORK/state.before.field
	rm -f "$WORK/report"
	status=0
	LD_PRELOAD=$FAULTSHIM FAULT_CALL=$call FAULT_N=$n FAULT_ERRNO=$4 FAULT_STICKY=$5 \
		FAULT_REPORT=$WORK/report write "$kind" >/dev/null 2>"$WORK/err" || status=$?
	what="$kind with $call $n of $(calls "$call") failing ($4${5:+, from then on})"
	checks=$((checks + 1))
	grep -q 'fired=1$' "$WORK/report" || fail "$what: the fault did not happen"
	[ "$status" -ne 0 ] || fail "$what: the command succeeded"
	[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "$what: not one line: $(cat "$WORK/err")"
	echo "$status $(cat "$WORK/err")" >>"$WORK/messages"
	state "$db"
	if [ "$kind" = export ] && [ -e "$WORK/out.cwb" ]; then
		# The file was put in place, then the marks failed to move: they must not have.
		[ "$call" != rename ] && [ "$call" != fsync ] || fail "$what: the file is there"
	fi
	[ ! -e "$WORK/out.cwb.part" ] || fail "$what: its temporary file is left"
	if grep -q "it is in the database, but may not survive a power cut" "$WORK/err"; then
		# Saved after all: what verify counts is what the write leaves when it succeeds
		# (the content digest differs from that run's by the times of the changes).
		[ "$kind" = bulk ] && [ "$call" = msync ] || fail "$what: said it was saved: $(cat "$WORK/err")"
		tail -n +2 "$WORK/state.after" >"$WORK/expect"
		tail -n +2 "$WORK/state" >"$WORK/got"
		cmp -s "$WORK/expect" "$WORK/got" ||
			fail "$what: said it was saved, but: $(diff "$WORK/expect" "$WORK/got")"
	else
		cmp -s "$before" "$WORK/state" ||
			fail "$what: the database changed: $(diff "$before" "$WORK/state")"
	fi
	# A bundle put in place before its marks failed to move stays, and export refuses a
	# name that is taken (tests/cli/bundle_output.sh): the next run writes it afresh.
	[ "$kind" != export ] || rm -f "$WORK/out.cwb"
	write "$kind" >/dev/null 2>"$WORK/err" ||
		fail "$what: afterwards it fails without the fault: $(cat "$WORK/err")"
	faults=$((faults + 1))
}

setup
people 1 "$IMPORT_LINES" imp >"$WORK/imp.jsonl"
people 2 4000 imp 300 >"$WORK/bulk.jsonl"
# Something the field laptop has not sent yet, so that its export moves the peer's mark.
people 0 10 new >"$WORK/new.jsonl"
"$CASEWATCH" --db "$FIELD" import "$WORK/new.jsonl" >/dev/null || fail "field import"
mkdir -p "$WORK/field-base"
cp "$FIELD/data.mdb" "$FIELD/key" "$WORK/field-base/" || fail "copy field"
: >"$WORK/messages"
reset
state "$DB"
mv "$WORK/state" "$WORK/state.before.db"
state "$FIELD"
mv "$WORK/state" "$WORK/state.before.field"
for kind in log import tiny bulk edit bundle export; do
	counts "$kind"
	# what the write leaves when it succeeds
	db=$DB
	[ "$kind" = export ] && db=$FIELD
	state "$db"
	mv "$WORK/state" "$WORK/state.after"
	echo "faults: $kind makes $(tr ' ' '\n' <"$WORK/counts" | grep -v '=0$' | grep -v fired |
		tr '\n' ' ')"
	for call in pwrite writev fdatasync fsync msync rename; do
		c=$(calls "$call")
		[ "$c" -gt 0 ] || continue
		if [ "${FAULT_ALL:-0}" = 1 ] || [ "$c" -le 2 ]; then
			ns=$(seq 1 "$c")
		else
			ns="1 $c"
		fi
		for n in $ns; do
			errno=EIO
			[ $((n % 2)) -eq 0 ] && errno=ENOSPC
			fault "$kind" "$call" "$n" "$errno" ""
		done
	done
	# A disk that stays full: every write and sync fails from the first one on.
	for call in pwrite writev fsync msync; do
		[ "$(calls "$call")" -eq 0 ] || fault "$kind" "$call" 1 ENOSPC 1
	done
done
echo "faults: $faults writes failed under an I/O fault, each with one line, the database as it" \
	"was and verify passing. What they said:"
sed 's/[0-9a-f]\{32\}/ID/g; s|/[^ :]*/|DIR/|g' "$WORK/messages" | sort | uniq -c
done_ok
