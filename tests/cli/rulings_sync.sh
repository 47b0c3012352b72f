#!/bin/sh
# Rulings logged on two laptops for one case: each laptop's verdict moves the case's charges,
# so the case has two versions, a conflict. Whichever version the supervisor keeps, the kept
# case follows every ruling the records hold (each hearing's verdicts, each milestone's result,
# in the order of their dates), and both laptops end with the same charges. Resolving a
# conflict of the hearing itself moves the charges to the version kept.
. "$TESTLIB"
set -e

A="$WORK/A" B="$WORK/B"
ca() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
cb() { CASEWATCH_AUTHOR=bob "$CASEWATCH" --db "$B" "$@"; }
enrol() { ok "$CASEWATCH" --db "$1" peer add "$2" "$("$CASEWATCH" --db "$3" identity --key)"; }
idof() { printf '%s' "$out" | awk '{print $3}'; }
# state DB PERSON: the states of that defendant's charges in the case, "494:convicted ...".
state() {
	"$CASEWATCH" --db "$1" show "$case" --json | "${PYTHON3:-python3}" -c '
import json, sys
d = json.load(sys.stdin)
for df in d["defendants"]:
    if df.get("person_name") == sys.argv[1]:
        print(" ".join("%s:%s" % (c["article"], c.get("state", "charged")) for c in df["charges"]))' "$2"
}

ok ca init
ok cb init
enrol "$A" bob "$B"
enrol "$B" alice "$A"

ok ca person add --name "Chhim Sithar" --affiliation LRSU
ok ca person add --name "Kang Saran"
ok ca case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494 \
	--defendant "Kang Saran" --charge 494
case=$(idof)
ok ca bundle export --to bob -o "$WORK/a0.bundle"
ok cb bundle import "$WORK/a0.bundle"

# The same day, apart: Alice logs Sithar's conviction, Bob Saran's acquittal.
ok ca log hearing --case NagaWorld --date 2023-05-25 --outcome verdict \
	--verdict "494=convicted@Chhim Sithar" --source "own observation"
ok cb log hearing --case NagaWorld --date 2023-05-25 --outcome verdict \
	--verdict "494=acquitted@Kang Saran" --source "own observation"
hb=$(idof)
ok ca bundle export --to bob -o "$WORK/a1.bundle"
ok cb bundle export --to alice -o "$WORK/b1.bundle"
ok cb bundle import "$WORK/a1.bundle"
ok ca bundle import "$WORK/b1.bundle"
ok cb conflicts --json
json "[c['id'] for c in d] == ['$case']"

# Bob keeps his own version, Alice hers: each keeps both rulings.
ok cb conflicts resolve "$case" --keep 1
ok ca conflicts resolve "$case" --keep 2
for db in "$A" "$B"; do
	got=$(state "$db" "Chhim Sithar")
	[ "$got" = "494:convicted" ] || fail "Sithar's charges in $db: '$got'"
	checks=$((checks + 1))
	got=$(state "$db" "Kang Saran")
	[ "$got" = "494:acquitted" ] || fail "Saran's charges in $db: '$got'"
	checks=$((checks + 1))
done
ok cb show "$case"
has "hearing 2023-05-25"

# The resolutions cross; the case converges on one version with both rulings.
ok ca bundle export --to bob -o "$WORK/a2.bundle"
ok cb bundle export --to alice -o "$WORK/b2.bundle"
ok cb bundle import "$WORK/a2.bundle"
ok ca bundle import "$WORK/b2.bundle"
ok cb conflicts resolve "$case" --keep 2
ok cb bundle export --to alice -o "$WORK/b3.bundle"
ok ca bundle import "$WORK/b3.bundle"
ok ca conflicts --json
json "d == []"
[ "$(state "$A" "Kang Saran")" = "494:acquitted" ] || fail "Saran's charges after the exchange"
[ "$(state "$B" "Chhim Sithar")" = "494:convicted" ] || fail "Sithar's charges after the exchange"
checks=$((checks + 2))

# Bob's hearing edited on both laptops: Alice makes it a conviction, Bob a dropped charge.
# Both versions of the hearing, and the case each moved, conflict; the case follows the
# version of the hearing kept, resolved before or after it.
ok ca edit "$hb" --clear verdicts --verdict "494=convicted@Kang Saran"
ok cb edit "$hb" --clear verdicts --verdict "494=dropped@Kang Saran"
ok ca bundle export --to bob -o "$WORK/a5.bundle"
ok cb bundle import "$WORK/a5.bundle"
ok cb conflicts --json
json "sorted(c['id'] for c in d) == sorted(['$hb', '$case'])"
ok cb conflicts resolve "$case" --keep 1
ok cb conflicts --json
json "[c['id'] for c in d] == ['$hb']"
ok cb conflicts resolve "$hb" --keep 2
ok cb show "$hb" --json
json "d['verdicts'][0]['result'] == 'convicted'"
[ "$(state "$B" "Kang Saran")" = "494:convicted" ] || fail "Saran's charges after Alice's hearing was kept"
checks=$((checks + 1))

done_ok
