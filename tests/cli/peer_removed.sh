#!/bin/sh
# peer_removed.sh - a laptop taken: its key removed at the supervisor's stays removed. A field
# drill seized a monitor's laptop (its database copied, its passphrase forced) and found that
# after `peer remove` what the seized copy wrote still came in, relayed by a teammate who had
# not heard yet, and that the supervisor, told by the refusal to enrol the key if its owner read
# the same fingerprint by phone, trusted it again (a database restored from the monitor's backup
# has the same key). Now: the seized copy's own bundle is refused saying the key was removed;
# a teammate's bundle relaying its new changes is refused whole (the database as it was), or
# taken with --accept-removed and said; what was here at the removal still passes; and the key
# is enrolled again only with --readmit.
. "$TESTLIB"
set -e

S="$WORK/sup" M1="$WORK/m1" M2="$WORK/m2" X="$WORK/seized"
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
c1() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$M1" "$@"; }
c2() { CASEWATCH_AUTHOR=dara "$CASEWATCH" --db "$M2" "$@"; }
cx() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$X" "$@"; }
for c in cs c1 c2; do ok $c init; done
mesh sup="$S" sokha="$M1" dara="$M2"
sokha_key=$(c1 identity --key)
DB=$S

ok cs person add --name "Koeut Saray"
ok cs case add --title "Koeut Saray incitement" --court "Phnom Penh Municipal Court" \
	--defendant "Koeut Saray" --charge 494/495
ok cs bundle export --to sokha -o "$WORK/case.bundle"
ok c1 bundle import "$WORK/case.bundle"
ok cs bundle export --to dara -o "$WORK/case2.bundle"
ok c2 bundle import "$WORK/case2.bundle"

# Before the seizure: Sokha's hearing reaches the supervisor and Dara.
ok c1 log hearing --case "Koeut Saray incitement" --date 2024-03-05 --outcome adjourned \
	--notes "Sokha saw the hearing adjourned"
ok c1 bundle export --to sup,dara -o "$WORK/before.bundle"
ok cs bundle import "$WORK/before.bundle"
ok c2 bundle import "$WORK/before.bundle"

# The laptop is taken: its database as it was, in other hands.
cp -a "$M1" "$X"
ok cs peer remove sokha
has "enrolled again only with --readmit"

# The seized copy writes, and signs with the key it holds.
ok cx log hearing --case "Koeut Saray incitement" --date 2024-03-12 --outcome other \
	--notes "Forged Pangolin confession"
ok cx bundle export --to sup,dara -o "$WORK/forged.bundle"
snap=$(db_snapshot)
fails 65 "signed by a key removed from the peers here on" cs bundle import "$WORK/forged.bundle"
printf '%s\n' "$err" | grep -q "peer add" && fail "the refusal invites to enrol the key: $err"
[ "$(db_snapshot)" = "$snap" ] || fail "a refused bundle changed the database"

# What was here when the key was removed passes, relayed: Dara's first bundle to the
# supervisor carries Sokha's hearing from before, which the supervisor holds.
ok c2 log demo --date 2024-03-10 --place "Freedom Park" --response monitored
ok c2 bundle export --to sup -o "$WORK/early.bundle"
ok cs bundle import "$WORK/early.bundle"
snap=$(db_snapshot)

# Dara, not told yet, takes it and writes her own hearing; her bundle relays the forgery.
ok c2 bundle import "$WORK/forged.bundle"
ok c2 log hearing --case "Koeut Saray incitement" --date 2024-03-13 --outcome adjourned \
	--notes "Dara saw the hearing adjourned"
ok c2 bundle export --to sup -o "$WORK/relayed.bundle"
fails 65 "changes made in database" cs bundle import "$WORK/relayed.bundle"
printf '%s\n' "$err" | grep -q -- "--accept-removed" || fail "the refusal says no way on: $err"
[ "$(db_snapshot)" = "$snap" ] || fail "a refused bundle changed the database"
ok cs list records --json
json "not any('Pangolin' in (r.get('notes') or '') for r in d)"

ok cs verify

# Taken on purpose: said, with how many, on stderr.
ok cs bundle import --accept-removed "$WORK/relayed.bundle"
grep -q "warning: took 1 record's version, 0 attachments' changes and 1 audit entry made in database" "$WORK/stderr" ||
	fail "the import did not say what it took: $(cat "$WORK/stderr")"
ok cs list records --json
json "any('Pangolin' in (r.get('notes') or '') for r in d)"
json "any('Dara saw' in (r.get('notes') or '') for r in d)"

# Attachments too: the seized copy, its clock set back two days, detaches the team's evidence
# and attaches a file of its own; Dara relays it in a bundle scoped by time, which carries the
# attachments (stored today at hers) without their audit entries (dated two days ago). A
# review found it imported: the evidence detached, the planted file held.
echo "photo of the bruises" >"$WORK/evidence.txt"
ok cs attach "Koeut Saray" "$WORK/evidence.txt"
ok cs bundle export --to dara -o "$WORK/evidence.bundle"
ok c2 bundle import "$WORK/evidence.bundle"
ok cs attachments "Koeut Saray" --json
aid=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
ok c2 bundle export --to sokha -o "$WORK/to-seized.bundle"
ok env CASEWATCH_NOW="$(date -u -d '2 days ago' +%Y-%m-%dT%H:%M:%SZ)" sh -c '
	CASEWATCH_AUTHOR=sokha "$1" --db "$2" bundle import "$3" >/dev/null &&
	CASEWATCH_AUTHOR=sokha "$1" --db "$2" detach "$4" >/dev/null &&
	echo planted >"$5" &&
	CASEWATCH_AUTHOR=sokha "$1" --db "$2" attach "Koeut Saray" "$5" >/dev/null &&
	CASEWATCH_AUTHOR=sokha "$1" --db "$2" bundle export --to dara --all -o "$6" >/dev/null' - \
	"$CASEWATCH" "$X" "$WORK/to-seized.bundle" "$aid" "$WORK/planted.txt" "$WORK/x.bundle"
ok c2 bundle import "$WORK/x.bundle"
ok c2 bundle export --to sup --since today -o "$WORK/since.bundle"
snap=$(db_snapshot)
fails 65 "the first an attachment" cs bundle import "$WORK/since.bundle"
[ "$(db_snapshot)" = "$snap" ] || fail "a refused bundle changed the database"
ok cs attachments "Koeut Saray" --json
json "len(d) == 1 and d[0]['id'].startswith('${aid%"${aid#????????}"}')"

# What the monitor had logged and never sent is on their backup, which holds the removed key
# too. Restored and handed over in person, its own bundle is refused as the seized copy's
# is; with --accept-removed it is taken, signed by that key, and said. (The monitor's own
# database stands for the backup here.)
ok c1 identity --json
sokha_fp=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["fingerprint"])')
ok c1 log hearing --case "Koeut Saray incitement" --date 2024-03-08 --outcome adjourned \
	--notes "Sokha's unsent hearing"
ok c1 bundle export --to sup -o "$WORK/restored.bundle"
snap=$(db_snapshot)
fails 65 "signed by a key removed from the peers here on" cs bundle import "$WORK/restored.bundle"
printf '%s\n' "$err" | grep -q "taken to review by bundle import --accept-removed" ||
	fail "the refusal does not say how its owner's bundle is taken: $err"
[ "$(db_snapshot)" = "$snap" ] || fail "a refused bundle changed the database"
ok cs bundle import --accept-removed "$WORK/restored.bundle"
has "signed by the removed key $sokha_fp"
grep -q "warning: took 1 record's version" "$WORK/stderr" ||
	fail "the import did not say what it took: $(cat "$WORK/stderr")"
ok cs list records --json
json "any('unsent hearing' in (r.get('notes') or '') for r in d)"
# The backup and the seized copy both went on from the same point of the monitor's log, and
# the supervisor took from each: verify says so, as it says of any restored copy.
fails 74 "1 problem found" cs verify
grep -q "splits in two" "$WORK/stdout" || fail "verify did not name the split: $(cat "$WORK/stdout")"

# The key is not enrolled again by reading its fingerprint by phone.
fails 65 "was removed from the peers here on" cs peer add sokha "$sokha_key"
ok cs peer add sokha "$sokha_key" --readmit
ok cs peer list --json
json "'sokha' in [p['name'] for p in d]"
done_ok
