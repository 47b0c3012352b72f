#!/bin/sh
# The edit form does not take away what logging a record requires, as `edit` on the command
# line does not (app/advice.h): a demonstration's date emptied in the form (a field trial saved
# one so) is refused on the field, saying it cannot be left without one, and nothing is written; an
# edit of its other fields saves. The records list says "at least 50 participants" where the
# record says so, as `show` and the report do. Every field saving requires is marked, as
# what is typed makes it required or not.
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

# Every field saving requires is marked " *", whatever rule requires it: the table (a visit's
# facility), the kind's rules (a hearing's case, a milestone's person, a person's name) or
# logging (an event's date: a visit's and a demonstration's went unmarked while saving
# refused them).
marked() { # KEYS FIELD...: the form KEYS opens marks each FIELD, and no other
	k=$1
	shift
	keys "$k<Dump>" 120x70
	got=$(printf '%s\n' "$out" | sed -n 's/^ *\([a-z][a-z ]*\) \*:.*/\1/p' | sort | tr '\n' ,)
	want=$([ $# = 0 ] || printf '%s\n' "$@" | sort | tr '\n' ,)
	[ "$got" = "$want" ] || fail "the form of $k marks '$got', not '$want'"
}
marked H case date
marked V date facility
marked D date
marked M person type
marked I date type
marked P name
marked C title
# The marks follow what is typed: a field that frees another of being required takes its mark
# off once the cursor leaves it (read once on opening, the name stayed marked beside a Khmer
# name, which saves alone), and a value typed wrong leaves the mark.
marked 'P<C-g>name_km<Enter>សុខ ស៊ីថា<Tab>'
marked 'H<C-g>count<Enter>28<Tab>'
marked 'M<C-g>group<Enter>union activists<Tab>' type
marked 'H<C-g>count<Enter>many<Tab>' case date
# A record that came without a date (an import) keeps none through an edit: not marked there.
printf '%s\n' '{"kind":"visit","ref":"v-dateless","facility":"Dateless CC"}' >"$WORK/visit.jsonl"
ok cw import "$WORK/visit.jsonl"
marked '/Dateless<Enter>e' facility
done_ok
