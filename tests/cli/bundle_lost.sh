#!/bin/sh
# bundle_lost.sh - a bundle lost on the way is said. Once a bundle to a peer is written, what it
# holds counts as sent there, so a stick lost between two weeks took a monitor's hearings from
# the supervisor's reports for good, and nothing said so. A bundle for peers (or of everything)
# now says which of its signer's log entries it holds; an import whose bundle does not continue
# what the signer's earlier bundles brought warns that one before it is missing, until it is
# imported or a bundle of everything comes. A bundle --since says nothing and is not counted.
. "$TESTLIB"
set -e

S="$WORK/sup" M="$WORK/mon" N="$WORK/new"
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
cm() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$M" "$@"; }
cn() { CASEWATCH_AUTHOR=dara "$CASEWATCH" --db "$N" "$@"; }
for c in cs cm cn; do ok $c init; done
mesh sup="$S" sokha="$M" dara="$N"
warned() { grep -q "was not imported here" "$WORK/stderr"; }

ok cm person add --name "Koeut Saray"
ok cm case add --title "Koeut Saray incitement" --defendant "Koeut Saray" --charge 494/495
hearing() {
	ok cm log hearing --case "Koeut Saray incitement" --date "$1" --outcome adjourned \
		--notes "$2"
}
hearing 2024-03-05 "week one"
ok cm bundle export --to sup -o "$WORK/w1.bundle"
ok cs bundle import "$WORK/w1.bundle"
warned && fail "the first bundle warned: $(cat "$WORK/stderr")"

# Week two's stick is lost; week three's arrives.
hearing 2024-03-12 "week two"
ok cm bundle export --to sup -o "$WORK/w2.bundle"
hearing 2024-03-19 "week three"
ok cm bundle export --to sup -o "$WORK/w3.bundle"
ok cs bundle import "$WORK/w3.bundle"
warned || fail "a lost bundle went unsaid: $(cat "$WORK/stderr")"
grep -q "warning: a bundle sokha wrote before this one was not imported here" "$WORK/stderr" ||
	fail "the warning does not name the peer: $(cat "$WORK/stderr")"
ok cs list records --kind hearing --json
json "sorted(r['notes'] for r in d) == ['week one', 'week three']"
ok cs bundle import --json "$WORK/w3.bundle"
json "d['missing_before'] is True"
# Still missing at the next week's bundle: said again.
hearing 2024-03-26 "week four"
ok cm bundle export --to sup -o "$WORK/w4.bundle"
ok cs bundle import "$WORK/w4.bundle"
warned || fail "the gap was forgotten: $(cat "$WORK/stderr")"

# The stick is found: imported late, the gap closes and nothing more is said.
ok cs bundle import "$WORK/w2.bundle"
warned && fail "the late bundle warned: $(cat "$WORK/stderr")"
ok cs list records --kind hearing --json
json "sorted(r['notes'] for r in d) == ['week four', 'week one', 'week three', 'week two']"
hearing 2024-04-02 "week five"
ok cm bundle export --to sup -o "$WORK/w5.bundle"
ok cs bundle import --json "$WORK/w5.bundle"
json "d['missing_before'] is False"

# Lost for good: a bundle of everything closes the gap.
hearing 2024-04-09 "week six"
ok cm bundle export --to sup -o "$WORK/w6.bundle"
hearing 2024-04-16 "week seven"
ok cm bundle export --to sup -o "$WORK/w7.bundle"
ok cs bundle import "$WORK/w7.bundle"
warned || fail "the second lost bundle went unsaid"
ok cm bundle export --all --to sup -o "$WORK/all.bundle"
ok cs bundle import "$WORK/all.bundle"
warned && fail "a bundle of everything warned: $(cat "$WORK/stderr")"
hearing 2024-04-23 "week eight"
ok cm bundle export --to sup -o "$WORK/w8.bundle"
ok cs bundle import "$WORK/w8.bundle"
warned && fail "the gap a bundle of everything closed was said again: $(cat "$WORK/stderr")"
ok cs list records --kind hearing --json
json "'week six' in [r['notes'] for r in d]"

# A new laptop whose very first bundle was lost: its second says so.
ok cn log demo --date 2024-03-10 --place "Freedom Park" --response monitored
ok cn bundle export --to sup -o "$WORK/n1.bundle"
ok cn log demo --date 2024-03-17 --place "Freedom Park" --response monitored
ok cn bundle export --to sup -o "$WORK/n2.bundle"
ok cs bundle import "$WORK/n2.bundle"
warned || fail "a first bundle lost went unsaid: $(cat "$WORK/stderr")"

# Found and imported, it closes the gap.
ok cs bundle import "$WORK/n1.bundle"
warned && fail "the first bundle, late, warned: $(cat "$WORK/stderr")"

# A bundle --since holds what changed since a date, not a range of the log: it says nothing
# and is not counted.
ok cm log hearing --case "Koeut Saray incitement" --date 2024-04-30 --outcome adjourned
ok cm bundle export --since 2024-04-01 --to sup -o "$WORK/since.bundle"
ok cs bundle import "$WORK/since.bundle"
warned && fail "a bundle --since warned: $(cat "$WORK/stderr")"
# A bundle that leaves confidential material out (--without-confidential, --plain, or one for a
# partner too) and finds none to leave holds everything: the peer's mark moves on, so it counts
# as brought, or the next bundle warned of one lost that was imported, until a bundle --all.
ok cm log hearing --case "Koeut Saray incitement" --date 2024-05-07 --outcome adjourned
ok cm bundle export --to sup --without-confidential -o "$WORK/w9.bundle"
ok cs bundle import "$WORK/w9.bundle"
warned && fail "a bundle with nothing to leave out warned: $(cat "$WORK/stderr")"
ok cm log hearing --case "Koeut Saray incitement" --date 2024-05-14 --outcome adjourned
ok cm bundle export --to sup --plain -o "$WORK/w10.bundle"
ok cs bundle import "$WORK/w10.bundle"
ok cm log hearing --case "Koeut Saray incitement" --date 2024-05-21 --outcome adjourned
ok cm bundle export --to sup -o "$WORK/w11.bundle"
ok cs bundle import "$WORK/w11.bundle"
warned && fail "bundles that left nothing out were taken for lost: $(cat "$WORK/stderr")"
# With something to leave out, the team's mark stays: the next bundle sends it again and
# continues what came.
ok cm person add --name "Sok Kanha" --confidential
ok cm bundle export --to sup --without-confidential -o "$WORK/w12.bundle"
ok cs bundle import "$WORK/w12.bundle"
ok cm log hearing --case "Koeut Saray incitement" --date 2024-05-28 --outcome adjourned
ok cm bundle export --to sup -o "$WORK/w13.bundle"
ok cs bundle import "$WORK/w13.bundle"
warned && fail "a bundle after one that left something out warned: $(cat "$WORK/stderr")"
done_ok
