#!/bin/sh
# A new visit, hearing or demonstration starts as the team's own account (its source "own
# observation"); a source that says otherwise makes it no account on saving. The account field
# shows that as soon as the source is left: a trial changed the source to an interview, the
# field still said "own observation", and the visit was saved with no account. An account the
# user picks stays theirs.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init

# field: the line of LABEL on the Nth dumped screen, into $field.
field() {
	screen "$1"
	field=$(printf '%s\n' "$screen" | grep "^ *$2:" | head -1 | sed "s/^ *$2: *//; s/ *\$//")
}

# The source changed: the account field says "not recorded" once the source is left (Tab, and
# C-g to another field), own observation again when the source says it again.
keys 'V<C-g>source<Enter><C-u>interview with the family<Tab><Dump><C-g>source<Enter><C-u>own observation<C-g>notes<Enter><Dump>' 100x40
field 1 "view"
checks=$((checks + 1))
case $field in *"not recorded"*) ;; *) fail "after the source changed, the account shows '$field':
$screen" ;; esac
field 2 "view"
checks=$((checks + 1))
case $field in *"own observation"*) ;; *) fail "with own observation again, the account shows '$field':
$screen" ;; esac

# Saved as shown: no account for the interview; the account the user picks is kept.
keys 'VPrey Sar<C-g>date<Enter>2024-03-01<C-g>source<Enter><C-u>interview with the family<Tab><C-s>' 100x40
keys 'VPrey Sar<C-g>date<Enter>2024-03-02<C-g>source<Enter><C-u>UN report para 4<Tab><C-g>view<Enter>gov<Tab><C-s>' 100x40
ok cw list records --kind visit --json
json "sorted((r['date'], r.get('view', 'unknown')) for r in d) == [('2024-03-01', 'unknown'), ('2024-03-02', 'government')]"

# The account typed as its word, the word --view takes, is that account: "un" saved as "not
# recorded" ("unknown" starts with it, and came first), and "own" offered it second.
keys 'VPrey Sar<C-g>date<Enter>2024-03-04<C-g>source<Enter><C-u>UN report para 5<Tab><C-g>view<Enter>un<C-s>' 100x40
keys 'VPrey Sar<C-g>date<Enter>2024-03-05<C-g>source<Enter><C-u>team notes<Tab><C-g>view<Enter>own<Enter><C-s>' 100x40
keys 'VPrey Sar<C-g>date<Enter>2024-03-06<C-g>source<Enter><C-u>UN report para 6<Tab><C-g>view<Enter>UN<Tab><C-s>' 100x40
ok cw list records --kind visit --since 2024-03-04 --json
json "sorted((r['date'], r.get('view', 'unknown')) for r in d) == [('2024-03-04', 'un'), ('2024-03-05', 'own'), ('2024-03-06', 'un')]"

# An edit in Khmer shows "own observation" in Khmer and keeps what follows it: the monitors'
# names went ("own observation (Dara)" was saved as "own observation").
need_khmer
ok cw log visit --facility "Kampot" --date 2024-03-03 --source "own observation (Dara)"
id=$(added_id visit)
LANGUAGE=km LC_ALL=C.UTF-8 keys "3/Kampot<Enter><Enter>e<Dump><C-s>" 120x40
checks=$((checks + 1))
printf '%s\n' "$out" | grep -qF "$(km "own observation") (Dara)" ||
	fail "the edit form does not show the Khmer words with the names: $out"
ok cw show "$id" --json
json "d['source'] == 'own observation (Dara)' and d['view'] == 'own'"

# A hearing form in Khmer names the fair-trial indicators as the report does (the form said
# "អ្នកបកប្រែ", interpreter, where the report says "interpreter provided").
LANGUAGE=km LC_ALL=C.UTF-8 keys "H<C-g>$(km "interpreter provided")<Enter><Dump>" 160x60
has "$(km "interpreter provided"):"
has "$(km "counsel of own choosing"):"
done_ok
