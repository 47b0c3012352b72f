#!/bin/sh
# damaged_refs.sh - a record another one names that fails its authentication (its sealed value
# altered behind casewatch's back, $TAMPER) is an error wherever it is read for that other one:
# exit 74 with one line naming it, never read as a record not held here.
. "$TESTLIB"
set -e
export CASEWATCH_NOW=2024-03-01T03:00:00Z

# id_of REF: the full hex id of a record.
id_of() {
	ok cw show "$1" --json
	printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
# damaged NAME ID: a copy of the database, in $T, whose record ID no longer opens.
damaged() {
	T="$WORK/$1"
	rm -rf "$T"
	cp -r "$DB" "$T"
	"$TAMPER" "$T" flip records "$2"
}
# refused ID CMD...: the command exits 74 naming the record ID as failing its authentication,
# and prints nothing else.
refused() {
	id=$1
	shift
	fails 74 "$id" "$@"
	grep -q "fails its authentication" "$WORK/stderr" ||
		fail "'$*' does not say the record fails its authentication: $(cat "$WORK/stderr")"
	[ ! -s "$WORK/stdout" ] || fail "'$*' printed: $(cat "$WORK/stdout")"
}

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw person add --name "Kang Saran"
ok cw case add --title "NagaWorld strike" --court "Phnom Penh Court" --defendant "Chhim Sithar"
ok cw case add --title "Saran case" --court "Battambang Court" --defendant "Kang Saran" \
	--custody detained
ok cw log milestone --person "Kang Saran" --case Saran --date 2024-01-04 --type arrest
naga=$(id_of NagaWorld)

# A bail refused at a hearing of a case finds its only defendant held (found_held_by). A
# report on another person reads that case for nothing else: with the case damaged, whoever
# it finds held was left out without a word.
ok cw log hearing --case NagaWorld --date 2024-02-21 --outcome bail_decision --bail refused
ok cw report --week 2024-W08 --person Kang
damaged bail "$naga"
refused "$naga" "$CASEWATCH" --db "$T" report --week 2024-W08 --person Kang
echo "damaged_refs: $checks checks"
