#!/bin/sh
# Rulings logged on two laptops for one case: each laptop's verdict moves the case's charges,
# so the case has two versions, a conflict. Whichever version is kept takes the rulings the
# other followed, and both laptops end with the same charges; where the two contradict on one
# day (one laptop's conviction, the other's acquittal), the version kept wins. Resolving a
# conflict of the hearing itself moves the charges to the version kept.
. "$TESTLIB"
set -e

A="$WORK/A" B="$WORK/B"
ca() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
cb() { CASEWATCH_AUTHOR=bob "$CASEWATCH" --db "$B" "$@"; }
enrol() { ok "$CASEWATCH" --db "$1" peer add "$2" "$("$CASEWATCH" --db "$3" identity --key)"; }
idof() { printf '%s' "$out" | awk '{print $3}'; }
# version_by EDITOR DB: the number `conflicts resolve --keep` gives the version of the case
# that EDITOR made, in the database DB.
version_by() {
	"$CASEWATCH" --db "$2" conflicts --json | "${PYTHON3:-python3}" -c '
import json, sys
d = [c for c in json.load(sys.stdin) if c["id"] == sys.argv[2]][0]
print([i + 1 for i, v in enumerate(d["versions"]) if v["editor"] == sys.argv[1]][0])' "$1" "$case"
}
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
naga=$case
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
ok cb conflicts resolve "$case" --keep "$(version_by bob "$B")"
ok ca conflicts resolve "$case" --keep "$(version_by alice "$A")"
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

# The resolutions cross: they hold the same content (each version kept took the other's
# ruling), so they are one version on both laptops, not a new conflict to resolve again.
ok ca bundle export --to bob -o "$WORK/a2.bundle"
ok cb bundle export --to alice -o "$WORK/b2.bundle"
ok cb bundle import "$WORK/a2.bundle"
ok ca bundle import "$WORK/b2.bundle"
for db in "$A" "$B"; do
	ok "$CASEWATCH" --db "$db" conflicts --json
	json "d == []"
done
"$CASEWATCH" --db "$A" bundle content >"$WORK/ca"
"$CASEWATCH" --db "$B" bundle content >"$WORK/cb"
cmp -s "$WORK/ca" "$WORK/cb" || fail "the laptops hold different content: $(diff "$WORK/ca" "$WORK/cb" | head)"
checks=$((checks + 1))
[ "$(state "$A" "Kang Saran")" = "494:acquitted" ] || fail "Saran's charges after the exchange"
[ "$(state "$B" "Chhim Sithar")" = "494:convicted" ] || fail "Sithar's charges after the exchange"
checks=$((checks + 2))

# Contradicting rulings the same day: Alice logs Saran convicted of 495, Bob acquitted of it.
# Bob keeps Alice's version of the case, so the conviction stands; both hearings are in the
# charge's history.
ok ca edit "$case" --defendant "Kang Saran" --charge 495
ok ca bundle export --to bob -o "$WORK/a3.bundle"
ok cb bundle import "$WORK/a3.bundle"
ok ca log hearing --case NagaWorld --date 2023-06-15 --outcome verdict \
	--verdict "495=convicted@Kang Saran" --source "own observation"
ok cb log hearing --case NagaWorld --date 2023-06-15 --outcome verdict \
	--verdict "495=acquitted@Kang Saran" --source "own observation"
ok ca bundle export --to bob -o "$WORK/a4.bundle"
ok cb bundle import "$WORK/a4.bundle"
ok cb conflicts
has "2 versions"
# each difference is labelled as the record view labels it, and names the defendant it is of
printf '%s\n' "$out" | grep -qE "^      defendants [0-9]+, Kang Saran \([0-9a-f]{8}\) › charges 2 › " ||
	fail "a difference does not name its defendant and charge: $out"
checks=$((checks + 1))
ok cb conflicts resolve "$case" --keep "$(version_by alice "$B")"
[ "$(state "$B" "Kang Saran")" = "494:acquitted 495:convicted" ] ||
	fail "Saran's charges after keeping Alice's conviction: '$(state "$B" "Kang Saran")'"
checks=$((checks + 1))
ok cb show "$case" --json
json "len([df for df in d['defendants'] if df.get('person_name') == 'Kang Saran'][0]['charges'][1]['history']) == 2"
# The report counts both hearings' rulings, and says that they disagree; rulings of one day
# on different defendants do not.
ok cb report --from 2023-06-12 --to 2023-06-18
has "1 ruling is contradicted by another record of the same day (the same defendant and charge, another result): see the verdicts below."
ok cb report --from 2023-05-22 --to 2023-05-28
lacks "contradicted"

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
[ "$(state "$B" "Kang Saran")" = "494:convicted 495:convicted" ] ||
	fail "Saran's charges after Alice's hearing was kept: '$(state "$B" "Kang Saran")'"
checks=$((checks + 1))

# A ruling whose record this laptop never received (Bob's confidential hearing, left out of
# the plain bundle Alice reads) is kept when Alice resolves: it is not a deletion. Her
# resolution then goes back to Bob without taking his conviction away.
ok ca person add --name "Prum Sokha"
ok ca case add --title "Second case" --defendant "Prum Sokha" --charge 494 --custody detained
case=$(idof)
ok ca bundle export --to bob -o "$WORK/p0.bundle"
ok cb bundle import "$WORK/p0.bundle"
ok ca edit "$case" --notes "from the court list"
ok cb log hearing --case "Second case" --date 2023-08-01 --outcome verdict \
	--verdict "494=convicted@Prum Sokha" --source "own observation" --confidential
ok cb bundle export --plain --all -o "$WORK/p1.bundle"
ok ca bundle import "$WORK/p1.bundle"
ok ca conflicts --json
json "'$case' in [c['id'] for c in d]"
ok ca conflicts resolve "$case" --keep "$(version_by alice "$A")"
[ "$(state "$A" "Prum Sokha")" = "494:convicted" ] ||
	fail "Sokha's charge after resolving without the hearing: '$(state "$A" "Prum Sokha")'"
ok ca bundle export --to bob -o "$WORK/p2.bundle"
ok cb bundle import "$WORK/p2.bundle"
[ "$(state "$B" "Prum Sokha")" = "494:convicted" ] ||
	fail "Sokha's charge on Bob's laptop: '$(state "$B" "Prum Sokha")'"
checks=$((checks + 2))

# A charge Alice's charge milestone adds while Bob edits the case's notes: Bob keeps his own
# version of the case, and it takes the charge Alice's milestone made.
case=$naga
ok ca bundle export --to bob -o "$WORK/a6.bundle"
ok cb bundle import "$WORK/a6.bundle"
ok cb bundle export --to alice -o "$WORK/b6.bundle"
ok ca bundle import "$WORK/b6.bundle"
ok ca log milestone --person "Kang Saran" --case NagaWorld --type charge --article 496 \
	--date 2023-07-01 --source "own observation"
ok cb edit "$case" --notes "case file received"
ok ca bundle export --to bob -o "$WORK/a7.bundle"
ok cb bundle import "$WORK/a7.bundle"
ok cb conflicts --json
json "'$case' in [c['id'] for c in d]"
ok cb conflicts resolve "$case" --keep "$(version_by bob "$B")"
[ "$(state "$B" "Kang Saran")" = "494:convicted 495:convicted 496:charged" ] ||
	fail "Saran's charges after keeping Bob's version: '$(state "$B" "Kang Saran")'"
checks=$((checks + 1))

# Every version each laptop holds, the collapsed ones too, pairs with its audit entry.
ok ca verify
ok cb verify
done_ok
