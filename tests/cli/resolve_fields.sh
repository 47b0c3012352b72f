#!/bin/sh
# A conflict where each laptop changed another field of one hearing (the supervisor wrote the
# clerk's word in the notes, the monitor moved the next date): `conflicts resolve --keep N`
# kept one whole version and lost the other's change (a field trial lost the notes). `--take
# FIELD=M` keeps a field of version M too, in the one new version that resolves it; a field
# the kind has not, a version not listed, a deletion, or fields that do not go together are
# refused in one line, the database as it was.
. "$TESTLIB"
set -e

A="$WORK/A" B="$WORK/B"
ca() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
cb() { CASEWATCH_AUTHOR=bob "$CASEWATCH" --db "$B" "$@"; }
DB=$A

ok ca init --no-encryption
ok cb init --no-encryption
mesh alice="$A" bob="$B"
ok ca person add --name "Ny Nak"
ok ca case add --title "Ny Nak incitement" --court "Phnom Penh Municipal Court" \
	--defendant "Ny Nak" --charge 494/495
ok ca log hearing --case "Ny Nak" --date 2026-11-25 --outcome adjourned --next-date 2026-12-04
h=$(added_id hearing)
ok ca log milestone --person "Ny Nak" --case "Ny Nak" --type charge --date 2026-11-20 \
	--article 494
m=$(added_id milestone)
ok ca log hearing --case "Ny Nak" --date 2026-10-05 --outcome adjourned
h2=$(added_id hearing)
ok ca log hearing --case "Ny Nak" --date 2026-10-12 --outcome adjourned
h3=$(added_id hearing)
ok ca log hearing --case "Ny Nak" --date 2026-10-19 --outcome adjourned
h4=$(added_id hearing)
ok ca bundle export --to bob -o "$WORK/1.bundle"
ok cb bundle import "$WORK/1.bundle"
ok ca edit "$h" --notes "clerk confirmed the date"
ok ca edit "$m" --article 494/495
ok ca edit "$h2" --date 2026-10-09
ok ca edit "$h3" --notes "Witness Zebrafinch named the officer" --confidential-field notes
ok ca edit "$h4" --notes "read out in court"
sleep 0.01
ok cb edit "$h" --next-date 2026-12-18
ok cb edit "$h2" --next-date 2026-10-07
ok cb edit "$h3" --next-date 2026-10-26
ok cb edit "$h4" --outcome verdict --verdict "494,495=convicted@Ny Nak" --sentence "2 years"
ok cb edit "$m" --detail "summoned by the investigating judge"
ok cb bundle export --to alice -o "$WORK/2.bundle"
ok ca bundle import "$WORK/2.bundle"
ok ca conflicts
has "2 versions"
has "--take FIELD=M"
# Version 1 is bob's (the later), 2 alice's.
ok ca conflicts --json
json "[[v['editor'] for v in c['versions']] for c in d] == [['bob', 'alice']] * 5"

# Refused, each in one line, nothing written.
before=$(db_snapshot)
fails 65 "take: a hearing has no field 'colour'" ca conflicts resolve "$h" --keep 1 --take colour=2
fails 65 "take: notes: choose a version from 1 to 2" ca conflicts resolve "$h" --keep 1 --take notes=3
fails 2 "take: 'notes' is not FIELD=N" ca conflicts resolve "$h" --keep 1 --take notes
fails 65 "take: '0' is not a version number" ca conflicts resolve "$h" --keep 1 --take notes=0
# Fields that do not go together: bob's next date (7 October) with alice's moved date (9
# October) would put the next hearing before the hearing.
fails 65 "next_date: is before the hearing's own date" \
	ca conflicts resolve "$h2" --keep 1 --take date=2
[ "$(db_snapshot)" = "$before" ] || fail "a refused resolve changed the database"
checks=$((checks + 1))

# The next date bob set and the notes alice wrote, both kept.
ok ca conflicts resolve "$h" --keep 1 --take notes=2
has "kept version 1, with notes from version 2"
ok ca show "$h" --json
json "d['next_date'] == '2026-12-18' and d['notes'] == 'clerk confirmed the date'"
# An article field comes with its further articles (494/495 is two), a comma-separated list
# of fields at once.
fails 65 "take: source: version 1 is the one kept; name another" \
	ca conflicts resolve "$m" --keep 1 --take article=2,source=1
fails 65 "take: article is named twice" ca conflicts resolve "$m" --keep 1 --take article=2,article=2
ok ca conflicts resolve "$m" --keep 1 --take articles=2,source=2
has "kept version 1, with articles from version 2, source from version 2"
ok ca show "$m" --json
json "d['articles'] == ['494', '495'] and d['detail'] == 'summoned by the investigating judge'"
ok ca conflicts resolve "$h2" --keep 2
# Notes alice kept confidential stay so in the version made (a review saw them printed in the
# report for partners once taken into bob's version, which had no mark).
ok ca conflicts resolve "$h3" --keep 1 --take notes=2
ok ca show "$h3" --json
json "d['notes'] == 'Witness Zebrafinch named the officer' and d['confidential_fields'] == ['notes'] and d['next_date'] == '2026-10-26'"
ok ca report --from 2026-10-01 --to 2026-10-31
lacks "Zebrafinch"
# A verdict taken from bob's version into alice's moves the case's charges, as the version
# written rules, not as the version kept did before the take.
ok ca conflicts resolve "$h4" --keep 2 --take outcome=1,verdicts=1,sentence=1
ok ca show "$h4" --json
json "d['outcome'] == 'verdict' and d['notes'] == 'read out in court'"
ok ca timeline "Ny Nak"
has "convicted: 494, 495"
ok ca conflicts
has "no conflicts"
# The resolution travels: bob's laptop shows the same.
ok ca bundle export --to bob -o "$WORK/3.bundle"
ok cb bundle import "$WORK/3.bundle"
ok cb show "$h" --json
json "d['next_date'] == '2026-12-18' and d['notes'] == 'clerk confirmed the date'"
ok cb conflicts
has "no conflicts"

# A deletion has nothing to give or take.
ok ca edit "$h" --notes "alice again"
sleep 0.01
ok cb delete "$h" --yes
ok cb bundle export --to alice -o "$WORK/4.bundle"
ok ca bundle import "$WORK/4.bundle"
ok ca conflicts --json
json "[v['deleted'] for v in d[0]['versions']] == [True, False]"
before=$(db_snapshot)
fails 65 "take: version 1 is a deletion: keep a version with content" \
	ca conflicts resolve "$h" --keep 1 --take notes=2
fails 65 "take: version 1 is a deletion: it has no notes to take" \
	ca conflicts resolve "$h" --keep 2 --take notes=1
[ "$(db_snapshot)" = "$before" ] || fail "a refused resolve changed the database"
checks=$((checks + 1))
# A case's defendants taken from the other laptop's version keep the rulings the version kept
# had followed: alice logged an appeal overturning the conviction, bob added a co-defendant
# (a supervisor's trial found "charged: 302, 494, 495" after `--take defendants=2`).
ok ca person add --name "Koeut Saray"
ok ca case add --title "Ny Nak defamation" --defendant "Ny Nak" --custody detained \
	--charge 305 --charge 494/495
ok ca bundle export --to bob -o "$WORK/5.bundle"
ok cb bundle import "$WORK/5.bundle"
ok ca log milestone --person "Ny Nak" --case "Ny Nak defamation" --type verdict \
	--result convicted --date 2026-06-01
ok ca log milestone --person "Ny Nak" --case "Ny Nak defamation" --type appeal_decided \
	--result overturned --date 2026-09-01
sleep 0.01
ok cb edit "Ny Nak defamation" --defendant "Koeut Saray" --custody detained --charge 494
ok cb bundle export --to alice -o "$WORK/6.bundle"
ok ca bundle import "$WORK/6.bundle"
ok ca conflicts --json
kase=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; d=json.load(sys.stdin); print([c["id"] for c in d if c["kind"] == "case"][0])')
ok ca conflicts --json
json "[[v['editor'] for v in c['versions']] for c in d if c['kind'] == 'case'] == [['bob', 'alice']]"
ok ca conflicts resolve "$kase" --keep 2 --take defendants=1
ok ca show "$kase" --json
json "sorted(c['state'] for x in d['defendants'] if x.get('person_name') == 'Ny Nak' for c in x['charges']) == ['overturned'] * 3"
json "len(d['defendants']) == 2"
# Both monitors wrote notes: --take notes=all keeps the one kept and adds each other version's
# as a paragraph under its editor's name (a supervisor's trial merged them by hand); a mark of
# confidentiality comes with the text; only text of several lines is joined.
ok ca log hearing --case "Ny Nak incitement" --date 2026-11-02 --outcome adjourned
h5=$(added_id hearing)
ok ca bundle export --to bob -o "$WORK/7.bundle"
ok cb bundle import "$WORK/7.bundle"
ok ca edit "$h5" --notes "Witness Quokka named the officer" --confidential-field notes
sleep 0.01
ok cb edit "$h5" --notes "the gallery was full"
ok cb bundle export --to alice -o "$WORK/8.bundle"
ok ca bundle import "$WORK/8.bundle"
before=$(db_snapshot)
fails 65 "take: court=all joins text of several lines (notes, follow-up): take court from one version" \
	ca conflicts resolve "$h5" --keep 1 --take court=all
fails 65 "take: notes is named twice" ca conflicts resolve "$h5" --keep 1 --take notes=2,notes=all
[ "$(db_snapshot)" = "$before" ] || fail "a refused resolve changed the database"
checks=$((checks + 1))
ok ca conflicts resolve "$h5" --keep 1 --take notes=all
has "kept version 1, with notes joined from every version"
ok ca show "$h5" --json
json "d['notes'] == 'the gallery was full\\n\\nalice: Witness Quokka named the officer' and d['confidential_fields'] == ['notes']"
ok ca report --from 2026-11-01 --to 2026-11-07
lacks "Quokka"
# Joined notes longer than a field holds are refused, saying they were joined and what to do.
ok ca bundle export --to bob -o "$WORK/10.bundle"
ok cb bundle import "$WORK/10.bundle"
ok ca edit "$h5" --notes "$("${PYTHON3:-python3}" -c "print('a' * 5000)")"
sleep 0.01
ok cb edit "$h5" --notes "$("${PYTHON3:-python3}" -c "print('b' * 5000)")"
ok cb bundle export --to alice -o "$WORK/9.bundle"
ok ca bundle import "$WORK/9.bundle"
fails 65 "notes: too long: 10009 bytes, at most 8000 (joined from every version: shorten the notes of the version kept, or take them from one version)" \
	ca conflicts resolve "$h5" --keep 1 --take notes=all
done_ok
