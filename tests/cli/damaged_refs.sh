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
bail=$(added_id hearing)
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
first=$(added_id hearing)
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

# An export for others keeps a link to another account only when that account is read and is
# not confidential (report/confidential.h). One that cannot be read was taken for confidential
# and its link left out without a word: the export is refused, naming it, and nothing is
# written, to standard output or to the file.
ok cw log visit --facility "Prey Sar" --date 2024-02-02 --access denied --source "own observation"
visit=$(added_id visit)
visit=$(id_of "$visit")
ok cw log visit --facility "Prey Sar" --date 2024-02-05 --access granted --view government \
	--source "Ministry statement" --disputes "$visit" --detainee Kang
ok cw export records --format json --from 2024-02-03
json "[l['record'] for x in d for l in x.get('links', [])] == ['$visit']"
ok cw export --timeline Kang --format json
json "[l['record'] for x in d['entries'] for l in x.get('links', [])] == ['$visit']"
damaged visit "$visit"
refused "$visit" "$CASEWATCH" --db "$T" export records --format json --from 2024-02-03
refused "$visit" "$CASEWATCH" --db "$T" export --timeline Kang --format json
refused "$visit" "$CASEWATCH" --db "$T" export records --format csv --from 2024-02-03 \
	-o "$WORK/visits.csv"
[ ! -e "$WORK/visits.csv" ] || fail "a refused export wrote its file: $(cat "$WORK/visits.csv")"

echo "damaged_refs: $checks checks"
