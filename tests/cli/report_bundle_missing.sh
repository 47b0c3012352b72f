#!/bin/sh
# report_bundle_missing.sh - a weekly report written while a bundle is known lost says so. In a
# field trial a monitor's week-two stick was lost; the week-three import warned, but the report
# of week two, written after it, read "The team monitored no hearings in this period" with
# nothing to say a monitor's bundle was missing, and went to partners as a quiet week. The
# header now says how many of the team's laptops have a bundle missing here (naming none: the
# import names it), in every format, until the gap is closed; a laptop whose key was removed,
# whose gap nothing can close now, is not counted.
. "$TESTLIB"
set -e

S="$WORK/sup" M="$WORK/mon"
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
cm() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$M" "$@"; }
for c in cs cm; do ok $c init; done
mesh sup="$S" sokha="$M"

ok cm person add --name "Koeut Saray"
ok cm case add --title "Koeut Saray incitement" --defendant "Koeut Saray" --charge 494/495
for w in 1 2 3; do
	ok cm log hearing --case "Koeut Saray incitement" --date "2024-04-$((w * 7 + 3))" \
		--outcome adjourned --source "own observation"
	ok cm bundle export --to sup -o "$WORK/w$w.bundle"
done
ok cs bundle import "$WORK/w1.bundle"
ok cs report --week 2024-W16
lacks "Bundles missing"

# Week two's stick is lost; week three's import warns, and so does the week-two report.
ok cs bundle import "$WORK/w3.bundle"
ok cs report --week 2024-W16
has "Bundles missing: a bundle from 1 of the team's laptops was not imported here"
ok cs report --week 2024-W16 --format json
json "'bundles_missing' in d['header']"
ok cs report --week 2024-W16 --format html
has "Bundles missing"
ok cs report --week 2024-W16 --format csv
has "report,bundles_missing,"

# Found and imported: nothing more is said, and the hearing is there.
ok cs bundle import "$WORK/w2.bundle"
ok cs report --week 2024-W16
lacks "Bundles missing"
has "The team monitored 1 hearing"

# A gap left by a laptop whose key was removed is not counted: nothing can close it now.
ok cm log hearing --case "Koeut Saray incitement" --date 2024-05-01 --outcome adjourned
ok cm bundle export --to sup -o "$WORK/w4.bundle"
ok cm log hearing --case "Koeut Saray incitement" --date 2024-05-08 --outcome adjourned
ok cm bundle export --to sup -o "$WORK/w5.bundle"
ok cs bundle import "$WORK/w5.bundle"
ok cs report --week 2024-W18
has "Bundles missing"
ok cs peer remove sokha
ok cs report --week 2024-W18
lacks "Bundles missing"
done_ok
