#!/bin/sh
# peer_removed_told.sh - a removal reaches the team. When the supervisor removes a taken
# laptop's key, the other monitors still trusted it: the seized copy's bundles went on coming
# in at theirs until each heard by phone. Now the supervisor's next encrypted bundle to the
# team names the keys removed there, and a teammate who still trusts one is told on import,
# with what to do; nothing is decided for it (a bundle must not choose whom a laptop trusts:
# the key that signs it could be the taken one). A plain bundle and one for a partner say
# nothing of it, `peer list` says how many keys are refused, and `--removed` lists them.
. "$TESTLIB"
set -e

S="$WORK/sup" M1="$WORK/m1" M2="$WORK/m2" P="$WORK/partner"
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
c1() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$M1" "$@"; }
c2() { CASEWATCH_AUTHOR=dara "$CASEWATCH" --db "$M2" "$@"; }
cp_() { CASEWATCH_AUTHOR=licadho "$CASEWATCH" --db "$P" "$@"; }
for c in cs c1 c2 cp_; do ok $c init; done
mesh sup="$S" sokha="$M1" dara="$M2"
ok cs peer add licadho "$(cp_ identity --key)" --partner
ok cp_ peer add sup "$(cs identity --key)"
sokha_fp=$(c1 identity --json | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["fingerprint"])')

# Nothing removed yet: nothing said.
ok cs peer list
lacks "removed"
ok cs peer list --removed
has "no key was removed from the peers"
ok cs person add --name "Koeut Saray"
ok cs bundle export --to dara -o "$WORK/first.bundle"
ok c2 bundle import "$WORK/first.bundle"
grep -q "removed" "$WORK/stderr" && fail "a removal told when none was made: $(cat "$WORK/stderr")"

# Sokha's laptop is taken; the supervisor removes its key.
ok cs peer remove sokha
ok cs peer list
has "1 removed key is refused: casewatch peer list --removed"
ok cs peer list --removed
has "$sokha_fp"
lacks "sokha"
ok cs peer list --removed --json
json "len(d) == 1 and d[0]['fingerprint'] == '$sokha_fp' and d[0]['key'].startswith('cwid1:')"

# The supervisor's next bundle to Dara tells her; she still trusts the key.
ok cs person add --name "Meach Sovannara"
ok cs bundle export --to dara -o "$WORK/second.bundle"
grep -q "it tells them of 1 key removed from the peers here since their last bundle" "$WORK/stderr" ||
	fail "the export did not say it tells of the removal: $(cat "$WORK/stderr")"
ok c2 bundle import "$WORK/second.bundle"
grep -q "warning: sup removed the key of 'sokha' ($sokha_fp) from its peers on" "$WORK/stderr" ||
	fail "the import did not tell of the removal: $(cat "$WORK/stderr")"
grep -q "then casewatch peer remove sokha" "$WORK/stderr" ||
	fail "the import did not say what to do: $(cat "$WORK/stderr")"
# Told, not applied: Dara still trusts the key until she decides.
ok c2 peer list
has "sokha"
lacks "removed key"
ok c2 bundle import --json "$WORK/second.bundle"
json "[(k['fingerprint'], k['peer']) for k in d['removed_keys']] == [('$sokha_fp', 'sokha')]"

# Once she has removed it too, the supervisor's bundles say nothing more to her.
ok c2 peer remove sokha
ok cs bundle export --to dara -o "$WORK/third.bundle"
# (and the supervisor is not told again at each export: Dara heard of it in her last bundle)
grep -q "it tells them of" "$WORK/stderr" && fail "the note came again: $(cat "$WORK/stderr")"
ok c2 bundle import "$WORK/third.bundle"
grep -q "removed the key" "$WORK/stderr" && fail "told again after the removal here: $(cat "$WORK/stderr")"

# Neither a plain bundle nor one for a partner names the team's removed keys.
ok cs bundle export --plain --all -o "$WORK/plain.bundle"
grep -q "removed from the peers" "$WORK/stderr" && fail "a plain bundle tells of removals"
ok cs bundle export --to licadho -o "$WORK/partner.bundle"
grep -q "removed from the peers" "$WORK/stderr" && fail "a partner's bundle tells of removals"
ok cp_ bundle import "$WORK/partner.bundle"
grep -q "removed" "$WORK/stderr" && fail "the partner was told: $(cat "$WORK/stderr")"

# A key removed there that was never trusted here is not this laptop's business.
ok cs peer remove licadho
ok cs bundle export --to dara -o "$WORK/fourth.bundle"
grep -q "it tells them of 1 key removed from the peers here since their last bundle" "$WORK/stderr" ||
	fail "the export did not count the new removal alone: $(cat "$WORK/stderr")"
ok c2 bundle import "$WORK/fourth.bundle"
grep -q "removed the key" "$WORK/stderr" && fail "told of a key not trusted here: $(cat "$WORK/stderr")"
ok c2 bundle import --json "$WORK/fourth.bundle"
json "d['removed_keys'] == []"
# A partner's laptop removes keys for its own reasons (an exchange that ended, not a laptop
# taken) and is not the team: its bundles tell this laptop to remove no teammate's key.
ok cp_ peer add dara "$(c2 identity --key)"
ok c2 peer add licadho "$(cp_ identity --key)" --partner
ok cp_ peer remove dara
ok cp_ peer add sokha "$(c1 identity --key)"
ok c1 peer add licadho "$(cp_ identity --key)" --partner
ok cp_ person add --name "Partner record"
ok cp_ bundle export --to sokha -o "$WORK/from-partner.bundle"
ok c1 bundle import "$WORK/from-partner.bundle"
grep -q "removed the key" "$WORK/stderr" && fail "a partner's removal was told: $(cat "$WORK/stderr")"
ok c1 bundle import --json "$WORK/from-partner.bundle"
json "d['removed_keys'] == []"
done_ok
