#!/bin/sh
# The edit form does not take away what logging a record requires, as `edit` on the command
# line does not (app/advice.h): a demonstration's date emptied in the form (a field trial saved
# one so) is refused on the field, saying it cannot be left without one, and nothing is written; an
# edit of its other fields saves. The records list says "at least 50 participants" where the
# record says so, as `show` and the report do.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw log demo --date 2026-11-20 --place "Preah Vihear" --participants 50 \
	--participants-at-least yes --response monitored --source "own observation"
ok cw log demo --date 2026-11-18 --place "NagaWorld casino" --participants 300 \
	--source "own observation"
ok cw log visit --facility "Prey Sar" --date 2026-11-21 --source "own observation"

keys '/kind:demo<Enter><Dump>' 120x30
has "at least 50 participants"
has "300 participants"
lacks "at least 300"

before=$(db_snapshot)
for what in demo visit; do
	keys "/kind:$what<Enter>e<C-g>date<Enter><C-u><C-s><Dump>" 120x30
	has "^ a $what cannot be left without one"
	lacks "saved $what"
	[ "$(db_snapshot)" = "$before" ] || fail "a refused $what form wrote to the database"
	checks=$((checks + 1))
done
ok cw list records --kind demo --since 2026-11-20 --json
json "d[0]['date'] == '2026-11-20'"

keys '/kind:demo since:2026-11-20<Enter>e<C-g>notes<Enter>counted from the roof<C-s><Dump>' 120x30
has "saved demo"
ok cw list records --kind demo --since 2026-11-20 --json
json "d[0]['date'] == '2026-11-20' and d[0]['notes'] == 'counted from the roof'"
done_ok
