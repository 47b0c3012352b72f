#!/bin/sh
# inspect_key.sh - the key `bundle inspect` gives for a signer not enrolled here. The text
# offers `peer add NAME cwid2:...`, the key bound to the database its bundle writes for, so that
# enrolling it lets that key speak for that database alone; --json gave the key alone (cwid1:),
# which a script enrolling from it would take, and which lets a key claim a database no bundle
# has come from yet (README, "What an enrolled peer could still forge"). Both now give the same.
. "$TESTLIB"
set -e

S="$WORK/sup" M="$WORK/mon"
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
cm() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$M" "$@"; }
for c in cs cm; do ok $c init; done
ok cm identity --key
key=$out

ok cm log demo --date 2024-04-18 --place "NagaWorld" --response monitored
ok cm bundle export --plain --all -o "$WORK/b.bundle"
ok cs bundle inspect "$WORK/b.bundle"
has "NOT enrolled"
has "peer add NAME $key"
ok cs bundle inspect --json "$WORK/b.bundle"
json "d['signer']['enrolled'] is False and d['signer']['key'] == '$key'"
json "d['signer']['key'].startswith('cwid2:')"

# Enrolled from it, the key speaks for that database, and the bundle imports.
ok cs peer add sokha "$key"
ok cs bundle import "$WORK/b.bundle"
ok cs bundle inspect --json "$WORK/b.bundle"
json "d['signer']['name'] == 'sokha' and d['signer']['key'] == '$key'"

done_ok
