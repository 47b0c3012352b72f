# common.sh - what the crash test (crash.sh) and the I/O-fault test (faults.sh) share, sourced
# after tests/cli/lib.sh: an encrypted database with a person, a case and an enrolled peer (the
# "field" laptop), bundles from that peer, import files, and a way to see what is in the
# database by the markers the writes leave:
#   log-N      the source of the hearing logged by write N
#   imp-N K    the names of the IMPORT_LINES people imported by write N
#   bun-B K    the names of the BUNDLE_LINES people in bundle B
#   edit-N     the notes of the case after edit N

IMPORT_LINES=${IMPORT_LINES:-5000}
BUNDLE_LINES=${BUNDLE_LINES:-1000}
BUNDLES=${BUNDLES:-8}
FIELD="$WORK/field"
BASE="$WORK/base"

# people N COUNT PREFIX [NOTES]: a JSON Lines file of COUNT people named "PREFIX-N K" on
# stdout, each with NOTES characters of notes (none by default): with 300, 4,000 of them make
# an import of more than 1 MiB, which writes in place (store/bulk.c).
people() {
	awk -v n="$1" -v count="$2" -v p="$3" -v notes="${4:-0}" 'BEGIN {
		pad = ""
		for (k = 0; k < notes; k++)
			pad = pad "n"
		if (notes)
			pad = ",\"notes\":\"" pad "\""
		for (k = 0; k < count; k++)
			printf "{\"kind\":\"person\",\"ref\":\"%s-%d-%d\",\"name\":\"%s-%d %d\"%s}\n",
				p, n, k, p, n, k, pad
	}'
}

# setup: the database and its copy in $BASE, BUNDLES bundles from the field laptop in
# $WORK/bundle-B (each adds BUNDLE_LINES people), nothing imported from them yet.
setup() {
	cw init >/dev/null || fail "init"
	cw person add --name "Chhim Sithar" >/dev/null || fail "person add"
	cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494/495 \
		>/dev/null || fail "case add"
	"$CASEWATCH" --db "$FIELD" init >/dev/null || fail "init field"
	"$CASEWATCH" --db "$FIELD" peer add main "$(cw identity --key)" >/dev/null ||
		fail "peer add main"
	cw peer add field "$("$CASEWATCH" --db "$FIELD" identity --key)" >/dev/null ||
		fail "peer add field"
	b=1
	while [ "$b" -le "$BUNDLES" ]; do
		people "$b" "$BUNDLE_LINES" bun >"$WORK/bun.jsonl"
		"$CASEWATCH" --db "$FIELD" import "$WORK/bun.jsonl" >/dev/null || fail "field import"
		"$CASEWATCH" --db "$FIELD" bundle export -o "$WORK/bundle-$b" --to main \
			>/dev/null 2>&1 || fail "bundle export $b"
		b=$((b + 1))
	done
	mkdir -p "$BASE"
	cp "$DB/data.mdb" "$DB/key" "$BASE/" || fail "copy"
}

# restore: the database as setup left it (lock file removed: made again by the next open).
restore() {
	rm -f "$DB/data.mdb" "$DB/lock.mdb" "$DB/key"
	cp "$BASE/data.mdb" "$BASE/key" "$DB/" || fail "restore"
}

# markers FILE: what the database holds, one "MARKER COUNT" a line, into FILE ("edit-N 1" for
# the case's notes).
markers() {
	cw bundle content >"$WORK/content" 2>"$WORK/content.err" ||
		fail "bundle content: $(cat "$WORK/content.err")"
	awk '{
		if (match($0, /"source":"log-[0-9]+"/))
			n[substr($0, RSTART + 10, RLENGTH - 11)]++
		if (match($0, /"name":"(imp|bun)-[0-9]+ /))
			n[substr($0, RSTART + 8, RLENGTH - 9)]++
		if (match($0, /"notes":"edit-[0-9]+"/))
			n[substr($0, RSTART + 9, RLENGTH - 10)]++
	} END { for (m in n) print m, n[m] }' "$WORK/content" | sort >"$1"
}

# count MARKER FILE: how many records carry MARKER in a markers file (0 when none).
count() {
	awk -v m="$1" '$1 == m { c = $2 } END { print c + 0 }' "$2"
}
