#!/bin/sh
# inspect_removed.sh - inspecting a bundle signed by a removed key. A field trial's supervisor
# found a monitor's lost stick after that monitor's laptop was taken and its key removed; import
# refused the bundle, saying when the key was removed, but `bundle inspect` called its signer
# "a laptop NOT enrolled here" and gave the `peer add` line that would trust it, the one thing
# the refusal never offers (and `peer add` then refuses). It now says the key was removed, and
# when, and offers no line to enrol it; JSON gives `removed`.
. "$TESTLIB"
set -e

S="$WORK/sup" M="$WORK/mon"
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
cm() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$M" "$@"; }
for c in cs cm; do ok $c init; done
mesh sup="$S" sokha="$M"
fp=$(cm identity --json | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["fingerprint"])')

ok cm log demo --date 2024-04-18 --place "NagaWorld" --response monitored
ok cm bundle export --to sup -o "$WORK/lost.bundle"
ok cs bundle inspect "$WORK/lost.bundle"
has "sokha (fingerprint $fp), enrolled here"

ok cs peer remove sokha
ok cs bundle inspect "$WORK/lost.bundle"
has "a key removed from the peers here on"
has "$fp"
lacks "peer add"
lacks "NOT enrolled"
has "import refuses it"
ok cs bundle inspect --json "$WORK/lost.bundle"
json "d['signer']['enrolled'] is False and d['signer']['removed'] is not None"
fails 65 bundle cs bundle import "$WORK/lost.bundle"

# A key never enrolled is still offered, with its line.
N="$WORK/new"
cn() { CASEWATCH_AUTHOR=dara "$CASEWATCH" --db "$N" "$@"; }
ok cn init
ok cn peer add sup "$(cs identity --key)"
ok cn log demo --date 2024-04-19 --place "Freedom Park" --response monitored
ok cn bundle export --to sup -o "$WORK/new.bundle"
ok cs bundle inspect "$WORK/new.bundle"
has "NOT enrolled"
has "casewatch peer add NAME cwid2:"
ok cs bundle inspect --json "$WORK/new.bundle"
json "d['signer']['removed'] is None"
done_ok
