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
bail=$(printf '%s' "$out" | sed -n 's/^added hearing \([0-9a-f]*\).*/\1/p')
ok cw report --week 2024-W08 --person Kang
damaged bail "$naga"
refused "$naga" "$CASEWATCH" --db "$T" report --week 2024-W08 --person Kang

# A verdict's name that is no person is looked for among the case's groups: a case that
# cannot be read is its error, not "no person" (the name may be a group's label).
fails 66 "verdict" cw edit "$bail" --verdict "494=convicted@union members"
refused "$naga" "$CASEWATCH" --db "$T" edit "$bail" --verdict "494=convicted@union members"
# What a save warns of (app/advice.h) reads other records: one of them that cannot be read is
# said, naming it, never taken for none (the save itself stands: the record saved was
# readable). A hearing another one of the same case and day may already record; a visit that
# met someone, and a bail before their arrest, read the person's arrest.
ok cw log hearing --case Saran --date 2024-02-08 --outcome adjourned --view own
first=$(printf '%s' "$out" | sed -n 's/^added hearing \([0-9a-f]*\).*/\1/p')
first=$(id_of "$first")
ok cw list records --kind milestone --person Kang --json
arrest=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
# warned CMD...: the command succeeds and warns that the record $bad cannot be read.
warned() {
	ok "$@"
	checks=$((checks + 1))
	grep -q "warning: a record this one is checked against cannot be read.*$bad fails its authentication" \
		"$WORK/stderr" || fail "'$*' does not warn of $bad: $(cat "$WORK/stderr")"
	[ "$(grep -c "$bad" "$WORK/stderr")" -eq 1 ] || fail "'$*' warns of $bad more than once:
$(cat "$WORK/stderr")"
}
damaged hearing "$first"
bad=$first
warned "$CASEWATCH" --db "$T" log hearing --case Saran --date 2024-02-08 --outcome adjourned \
	--view own
damaged arrest "$arrest"
bad=$arrest
warned "$CASEWATCH" --db "$T" log visit --facility "CC2" --date 2024-02-09 --detainee Kang
warned "$CASEWATCH" --db "$T" log milestone --person Kang --case Saran --date 2024-01-02 \
	--type bail --outcome granted

echo "damaged_refs: $checks checks"
