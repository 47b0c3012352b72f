#!/bin/sh
# A case's record view, after its fields, says how long each of its groups of unnamed
# defendants has been in pretrial detention as their events say (the case's custody field says
# what the case records), as `show` does: a person's days are in their timeline, a group's here.
. "$(dirname "$0")/lib.sh"
set -e
export CASEWATCH_NOW=2024-02-11T03:00:00Z

ok cw init
ok cw case add --title "Candlelight activists" --unnamed "3 Candlelight activists" \
	--custody detained --charge 494/495
ok cw log milestone --case Candlelight --group "Candlelight activists" --date 2024-01-03 \
	--type arrest
keys '1<Enter><Dump>' 100x40
screen 1
out=$screen
has "Pretrial detention of unnamed defendants"
has "  Candlelight activists (3 unnamed): 39 days and counting"
echo "group_detention: $checks checks passed"
