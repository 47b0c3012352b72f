#!/bin/sh
# Sync by bundle through the real binary: three monitors' laptops (A, B, C) and a supervisor
# (S), each enrolling the others' keys, exchange signed bundles encrypted for their readers in
# four orders: the same hearing edited on two laptops, a deletion against a later edit, an edit
# against a later deletion, a person deleted on one laptop while another names them (the
# deletion applies; the record naming them stays), a bundle for two readers relayed on, and
# re-imports. Every order must end with the same content, conflicts listed, and a resolution
# that travels back to the field.
. "$TESTLIB"
set -e

A="$WORK/A" B="$WORK/B" C="$WORK/C" S="$WORK/S"
ca() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
cb() { CASEWATCH_AUTHOR=bob "$CASEWATCH" --db "$B" "$@"; }
cc() { CASEWATCH_AUTHOR=chea "$CASEWATCH" --db "$C" "$@"; }
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
# enrol DIR NAME OTHER: the database in DIR trusts OTHER's key (its `identity`) as NAME.
enrol() { ok "$CASEWATCH" --db "$1" peer add "$2" "$("$CASEWATCH" --db "$3" identity --key)"; }
# cdb DIR AUTHOR ...: casewatch on a copy of the supervisor's database.
cdb() {
	d=$1 who=$2
	shift 2
	CASEWATCH_AUTHOR=$who "$CASEWATCH" --db "$d" "$@"
}
# content DIR: the canonical dump of a database (bundle content).
content() { "$CASEWATCH" --db "$1" bundle content; }
# same_content DIR1 DIR2...: each DIR2 holds exactly the same versions of every record as
# DIR1, and their lists (minus the local note of which bundle brought a record) are identical;
# a check for each DIR2, DIR1 read once for them all.
same_content() {
	first=$1
	shift
	content "$first" >"$WORK/c1"
	for what in persons cases records; do
		"$CASEWATCH" --db "$first" list $what --json | strip_bundle >"$WORK/l1.$what"
	done
	for other in "$@"; do
		checks=$((checks + 1))
		content "$other" >"$WORK/c2"
		cmp -s "$WORK/c1" "$WORK/c2" || fail "content of $first and $other differs:
$(diff "$WORK/c1" "$WORK/c2" | head -20)"
		for what in persons cases records; do
			"$CASEWATCH" --db "$other" list $what --json | strip_bundle >"$WORK/l2"
			cmp -s "$WORK/l1.$what" "$WORK/l2" || fail "list $what of $first and $other differs:
$(diff "$WORK/l1.$what" "$WORK/l2" | head -20)"
		done
	done
}
strip_bundle() {
	"${PYTHON3:-python3}" -c '
import json, sys
d = json.load(sys.stdin)
for r in d:
    r.pop("bundle", None)
print(json.dumps(d, sort_keys=True, indent=1))'
}
idof() { printf '%s' "$out" | awk '{print $3}'; }

ok ca init
ok cb init
ok cc init
ok cs init
# The supervisor enrols each laptop, each laptop the supervisor; Alice and Bob, who work
# together, each other too.
for who in alice:"$A" bob:"$B" chea:"$C"; do
	enrol "$S" "${who%%:*}" "${who#*:}"
	enrol "${who#*:}" supervisor "$S"
done
enrol "$A" bob "$B"
enrol "$B" alice "$A"
ok cs peer list
has "alice"
has "chea"

# Alice records a case and three hearings and sends them to the supervisor, who passes
# them on to Bob.
ok ca person add --name "Chhim Sithar" --affiliation LRSU
ok ca person add --name "Kang Saran"
ok ca case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494/495
ok ca log hearing --case NagaWorld --date 2023-05-25 --notes "verdict day"
h1=$(idof)
ok ca log hearing --case NagaWorld --date 2023-06-01 --notes "second"
h2=$(idof)
ok ca log hearing --case NagaWorld --date 2023-07-01 --notes "third"
h3=$(idof)
ok ca bundle export --to supervisor -o "$WORK/a1.bundle"
has "6 versions, 0 of them deletions"
has "encrypted for supervisor"
ok cs bundle inspect "$WORK/a1.bundle"
has "signed by alice"
has "for 1 recipient: this database"
has "Kang Saran"
has "NagaWorld strike"
ok cs bundle import "$WORK/a1.bundle"
has "records changed"
has "signed by alice"
ok cs list records --json
json "len(d) == 3"
ok cs bundle export --to bob,chea -o "$WORK/s1.bundle"
ok cb bundle import "$WORK/s1.bundle"
ok cc bundle import "$WORK/s1.bundle"
same_content "$S" "$B" "$C"

# Offline, in this order: Bob edits hearing 3; Alice deletes hearing 2, edits hearing 1,
# deletes hearing 3 and deletes Kang Saran (nothing names him on her laptop); Bob edits
# hearing 1 and hearing 2 and logs Kang Saran's arrest.
ok cb edit "$h3" --notes "third, from Bob"
ok ca delete "$h2" --yes
ok ca edit "$h1" --notes "verdict day, from Alice"
ok ca delete "$h3" --yes
ok ca delete "Kang Saran" --yes
ok cb edit "$h1" --notes "verdict day, from Bob"
ok cb edit "$h2" --notes "second, from Bob"
ok cb log milestone --person "Kang Saran" --type arrest --date 2023-08-01
ms=$(idof)
ok cb person add --name "Ny Nak"
# Chea, on the third laptop, adds to the case and visits a prison meanwhile.
ok cc edit "Chhim Sithar" --notes "union leader, from Chea"
ok cc log visit --facility "Prey Sar" --date 2023-08-02 --notes "from Chea"
ok ca bundle export --to supervisor,bob -o "$WORK/a2.bundle"
has "deletions"
has "encrypted for supervisor,bob"
ok cb bundle export --to supervisor -o "$WORK/b2.bundle"
ok cc bundle export --to supervisor -o "$WORK/c2.bundle"

# The supervisor's database in four histories.
cp -r "$S" "$WORK/S2"
cp -r "$S" "$WORK/S3"
cp -r "$S" "$WORK/S4"
ok cs bundle import "$WORK/a2.bundle"
ok cs bundle import "$WORK/b2.bundle"
has "conflicting versions"
ok cs bundle import "$WORK/c2.bundle"
has "signed by chea"
ok cdb "$WORK/S2" sup bundle import "$WORK/c2.bundle"
ok cdb "$WORK/S2" sup bundle import "$WORK/b2.bundle"
ok cdb "$WORK/S2" sup bundle import "$WORK/a2.bundle"
# Re-imports change nothing, byte for byte.
ok cdb "$WORK/S3" sup bundle import "$WORK/a2.bundle"
ok cdb "$WORK/S3" sup bundle import "$WORK/a2.bundle"
ok cdb "$WORK/S3" sup bundle import "$WORK/b2.bundle"
ok cdb "$WORK/S3" sup bundle import "$WORK/c2.bundle"
before=$(sha256sum "$WORK/S3/data.mdb" | cut -d' ' -f1)
ok cdb "$WORK/S3" sup bundle import "$WORK/b2.bundle"
has "0 records changed"
ok cdb "$WORK/S3" sup bundle import "$WORK/c2.bundle"
ok cdb "$WORK/S3" sup bundle import "$WORK/a2.bundle"
after=$(sha256sum "$WORK/S3/data.mdb" | cut -d' ' -f1)
[ "$before" = "$after" ] || fail "re-importing bundles changed the database"
# Relayed, and out of order: Bob gets Alice's bundle (it is for him too) and sends on what it
# changed (b3); the supervisor gets b3 before Bob's earlier b2, Chea's between them, and
# Alice's own a2 after all.
ok cb bundle import "$WORK/a2.bundle"
ok cb bundle export --to supervisor -o "$WORK/b3.bundle"
ok cdb "$WORK/S4" sup bundle import "$WORK/b3.bundle"
ok cdb "$WORK/S4" sup bundle import "$WORK/c2.bundle"
ok cdb "$WORK/S4" sup bundle import "$WORK/b2.bundle"
ok cdb "$WORK/S4" sup bundle import "$WORK/a2.bundle"
has "0 records changed"
# Bob's relay of Alice's changes is signed by Bob: it is his bundle, not hers.
ok cs bundle inspect "$WORK/b3.bundle"
has "signed by bob"

same_content "$S" "$WORK/S2" "$WORK/S3" "$WORK/S4"

# The later change wins; the loser is kept and listed.
ok cs show "$h1" --json
json "d['notes'] == 'verdict day, from Bob' and d['editor'] == 'bob'"
ok cs show "$h2" --json
json "d['notes'] == 'second, from Bob'"
fails 66 "id" cs show "$h3"
ok cs conflicts --json
conflicts=$out # read again below: nothing is written in between
json "sorted(c['id'] for c in d) == sorted(['$h1', '$h2', '$h3'])" \
	"[c for c in d if c['id'] == '$h1'][0]['versions'][1]['notes'] == 'verdict day, from Alice'" \
	"[c for c in d if c['id'] == '$h2'][0]['versions'][1]['deleted'] == True" \
	"[c for c in d if c['id'] == '$h3'][0]['versions'][0]['deleted'] == True" \
	"[c for c in d if c['id'] == '$h3'][0]['versions'][1]['notes'] == 'third, from Bob'"
# every version names its case beside the case's id
json "all(v['case_name'] == 'NagaWorld strike' for v in [c for c in d if c['id'] == '$h1'][0]['versions'])"
ok cs conflicts
has "(shown)"
has "by alice"
# each version's time local, with its offset, as every time a person reads (TZ as POSIX text: no tzdata needed)
out=$(TZ=ICT-7 "$CASEWATCH" --db "$S" conflicts)
printf '%s\n' "$out" | grep -Eq '^  1 \(shown\) [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} \(UTC\+7\) by alice' ||
	fail "conflicts' times are not local with their offset: $out"
checks=$((checks + 1))

# Kang Saran was deleted by Alice while Bob's milestone named him: the deletion applies (his
# details are gone, here and on Bob's laptop), and the milestone stays, naming a deleted person.
ok cs list persons --json
json "sorted(p['name'] for p in d) == ['Chhim Sithar', 'Ny Nak']" \
	"[p for p in d if p['name'] == 'Chhim Sithar'][0]['notes'] == 'union leader, from Chea'"
ok cs list records --kind visit --json
json "len(d) == 1 and d[0]['notes'] == 'from Chea'"
fails 66 "person" cs timeline "Kang Saran"
ok cs show "$ms"
has "(deleted person"
has "arrest"
ok cs list records --kind milestone
has "(deleted person)"
# a deleted person has an id and no name
ok cs list records --kind milestone --json
json "[m for m in d if m['id'] == '$ms'][0]['person'] and 'person_name' not in [m for m in d if m['id'] == '$ms'][0]"
out=$conflicts
json "not any(c['kind'] == 'person' for c in d)"
ok cb list persons --json
json "sorted(p['name'] for p in d) == ['Chhim Sithar', 'Ny Nak']"

# The audit log came with the bundles: who changed what in the field, and where.
aid=$(ca init | sed 's/.*database id \([0-9a-f]*\).*/\1/')
ok cs audit --json
json "any(e['action'] == 'delete' and e['author'] == 'alice' and e['database'] == '$aid' and e['record'] == '$h2' for e in d)" \
	"any(e['action'] == 'edit' and e['author'] == 'bob' and e['record'] == '$h1' and not e['here'] for e in d)" \
	"any(e['action'] == 'import' and e['author'] == 'sup' and e['here'] for e in d)"
ok cs audit --record "$h1"
has "alice"
has "bob"
# times local, with their offset, as everywhere else (a trial read UTC with no zone)
printf '%s\n' "$out" | grep -Eq ' [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} \(UTC[+-][0-9:]+\) ' ||
	fail "audit's times say no offset: $out"
checks=$((checks + 1))

# The supervisor resolves hearing 1 in Alice's favour and restores hearing 3 (Bob's edit).
ok cs conflicts resolve "$h1" --keep 2
ok cs conflicts resolve "$h3" --keep 2
ok cs show "$h1" --json
json "d['notes'] == 'verdict day, from Alice' and d['editor'] == 'sup'"
ok cs show "$h3" --json
json "d['notes'] == 'third, from Bob'"
ok cs conflicts --json
json "[c['id'] for c in d] == ['$h2']"
ok cs audit --json
json "sum(1 for e in d if e['action'] == 'resolve' and e['author'] == 'sup') == 2"
fails 66 "id" cs conflicts resolve "$h1" --keep 1

# Everything goes back to the field; everyone ends with the same content.
ok cs bundle export --to alice -o "$WORK/s2a.bundle"
ok cs bundle export --to bob,chea -o "$WORK/s2bc.bundle"
ok ca bundle import "$WORK/s2a.bundle"
ok cb bundle import "$WORK/s2bc.bundle"
ok cc bundle import "$WORK/s2bc.bundle"
ok ca conflicts --json
json "[c['id'] for c in d] == ['$h2']"
same_content "$S" "$A" "$B" "$C"

# The milestone can still be edited (it keeps naming the deleted person); then Bob deletes it,
# and the deletion travels.
ok cb edit "$ms" --detail "arrested at home"
ok cb delete "$ms" --yes
ok cb list persons --json
json "sorted(p['name'] for p in d) == ['Chhim Sithar', 'Ny Nak']"
ok cb bundle export --to supervisor -o "$WORK/b4.bundle"
ok cs bundle inspect "$WORK/b4.bundle" --json
json "any(v['id'] == '$ms' and v['deleted'] for v in d['versions'])" \
	"d['signer']['name'] == 'bob' and d['encrypted'] and d['recipients'][0]['here']"
# Bob cannot read what he wrote for the supervisor alone: his inspect shows the envelope.
ok cb bundle inspect "$WORK/b4.bundle" --json
json "not d['opened'] and d['signer']['here'] and d['recipients'][0]['name'] == 'supervisor'"
ok cs bundle import "$WORK/b4.bundle"
ok cs list persons --json
json "sorted(p['name'] for p in d) == ['Chhim Sithar', 'Ny Nak']"
same_content "$S" "$B"

# --since and --all (plain, with a warning, or encrypted), and peers remembered.
ok cs bundle export --plain --all -o "$WORK/all.bundle"
grep -q "not encrypted: anyone who gets the file can read it" "$WORK/stderr" ||
	fail "no warning for a plain bundle: $(cat "$WORK/stderr")"
# ... each line of it named as casewatch's, as every other warning is
! grep -qv "^casewatch: " "$WORK/stderr" || fail "a line not casewatch's: $(cat "$WORK/stderr")"
ok cs bundle inspect "$WORK/all.bundle" --json
json "d['scope'] == 'all' and len(d['audit']) > 10 and not d['encrypted']"
ok cs bundle export --to alice --all -o "$WORK/all-alice.bundle"
ok ca bundle import "$WORK/all-alice.bundle"
# Alice's own entries came back with everyone else's: none is held twice.
ok ca audit --json
json "len(d) > 10 and len(set((e['database'], e['time'], e['record'], e['action']) for e in d)) == len(d)" \
	"sum(1 for e in d if e['database'] == '$aid') >= 3"
same_content "$S" "$A"
checks=$((checks + 1))
cs bundle export --plain --since 2000-01-01 -o - >"$WORK/since.bundle" 2>"$WORK/stderr" ||
	fail "export to standard output failed: $(cat "$WORK/stderr")"
bundle_payload "$WORK/since.bundle" "$WORK/since.jsonl"
grep -q '"format":"casewatch-bundle"' "$WORK/since.jsonl" || fail "no plain payload on stdout"
ok cs bundle peers
has "alice"
has "bob"
fails 2 "to" cs bundle export -o "$WORK/x.bundle"
fails 2 "to" cs bundle export --all -o "$WORK/x.bundle"
fails 2 "to" cs bundle export --plain -o "$WORK/x.bundle"
fails 2 "output" cs bundle export --all
done_ok
