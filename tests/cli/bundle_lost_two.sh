#!/bin/sh
# bundle_lost_two.sh - two sticks lost, one found. A field trial lost a monitor's second and
# fourth weekly bundles; the second was found and imported, and the import said nothing, so
# the supervisor took the gap as closed while the fourth week's records were still missing.
# An import that closes one gap while a later bundle is still missing says so, and keeps saying
# it until that one is imported too.
. "$TESTLIB"
set -e

S="$WORK/sup" M="$WORK/mon"
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
cm() { CASEWATCH_AUTHOR=dara "$CASEWATCH" --db "$M" "$@"; }
for c in cs cm; do ok $c init; done
mesh sup="$S" dara="$M"

for w in 1 2 3 4 5; do
	ok cm log demo --date "2024-05-1$w" --place "Freedom Park" --response monitored \
		--notes "week $w"
	ok cm bundle export --to sup -o "$WORK/w$w.bundle"
done
ok cs bundle import "$WORK/w1.bundle"
ok cs bundle import "$WORK/w3.bundle"
grep -q "dara wrote before this one was not imported here" "$WORK/stderr" ||
	fail "the first gap went unsaid: $(cat "$WORK/stderr")"
ok cs bundle import "$WORK/w5.bundle"

# Week two's stick is found; week four's is still lost.
ok cs bundle import "$WORK/w2.bundle"
grep -q "warning: a bundle dara wrote after this one is still missing here" "$WORK/stderr" ||
	fail "the gap still open went unsaid: $(cat "$WORK/stderr")"
grep -q "before this one" "$WORK/stderr" && fail "said missing before: $(cat "$WORK/stderr")"
ok cs bundle import --json "$WORK/w2.bundle"
json "d['missing_before'] is False and d['missing_after'] is True"

# Week four's found too: nothing more is said.
ok cs bundle import "$WORK/w4.bundle"
grep -q "missing\|not imported" "$WORK/stderr" && fail "warned with no gap: $(cat "$WORK/stderr")"
ok cs bundle import --json "$WORK/w2.bundle"
json "d['missing_before'] is False and d['missing_after'] is False"
ok cs list records --kind demo --json
json "sorted(r['notes'] for r in d) == ['week %d' % i for i in range(1, 6)]"
done_ok
