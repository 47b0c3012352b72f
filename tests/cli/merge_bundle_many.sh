#!/bin/sh
# merge_bundle_many.sh - more records naming one person twice than `conflicts` lists by name
# (CW_DOUBLED_MAX, 16): the plain list names the first 16 and says how many more; its JSON, read
# by a program that has no such line, gives every one (it gave 16 of 17, and nothing said one
# more waited, while the report's header counted 17).
. "$TESTLIB"
set -e

A="$WORK/A" B="$WORK/B"
ca() { CASEWATCH_AUTHOR=sokha "$CASEWATCH" --db "$A" "$@"; }
cb() { CASEWATCH_AUTHOR=dara "$CASEWATCH" --db "$B" "$@"; }
ok ca init
ok cb init
mesh a="$A" b="$B"
ok ca person add --name "Thach Setha"
setha=$(printf '%s' "$out" | awk '{print $3}')
visits=""
for day in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17; do
	ok ca log visit --facility "Prey Sar CC1" --date "2023-09-$day" --detainee "$setha" \
		--lawyer-access "$setha=denied"
	visits="$visits $(printf '%s' "$out" | awk '{print $3}')"
done
ok ca bundle export --to b -o "$WORK/a1.cwb"
ok cb bundle import "$WORK/a1.cwb"
ok cb person add --name "Thach Sethea" --yes
twin=$(printf '%s' "$out" | awk '{print $3}')
ok cb bundle export --to a -o "$WORK/b1.cwb"
ok ca bundle import "$WORK/b1.cwb"
for v in $visits; do
	ok cb edit "$v" --detainee "$twin" --lawyer-access "$twin=granted"
done
ok ca person merge "$setha" "$twin"
ok ca bundle export --to b -o "$WORK/a2.cwb"
ok cb bundle import "$WORK/a2.cwb"

ok cb conflicts
has "1 more record names one person twice with entries that differ: casewatch conflicts lists the first 16"
ok cb conflicts --json
json "sorted(c['id'] for c in d) == sorted('$visits'.split())"
json "all(c['versions'] == [] and [x['person'] for x in c['doubled']] == ['$setha'] for c in d)"
ok cb report --from 2023-09-01 --to 2023-09-30 --format json
json "d['doubled_entries'] == 17"
done_ok
