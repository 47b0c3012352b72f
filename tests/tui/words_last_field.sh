#!/bin/sh
# Tab after a whole word in a field of several words that is the form's last (a person's
# confidential fields), in the scripted mode. Tab has no field to go to there and stays, as on
# every form's last field; it puts ", " after the word, as after a word it completes, so that
# the next word typed is one: a field trial's "notes" then "follow" gave "notesfollow", which
# saving refused. A second Tab keeps the separator; with every word of the table in the field
# there is none to add. In English and in Khmer.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init

# field: the confidential fields' line of the Nth dumped screen, into $field.
field() {
	screen "$1"
	field=$(printf '%s\n' "$screen" | grep "$2:" | sed "s/^ *$2: *//; s/ *\$//")
}
want() {
	checks=$((checks + 1))
	[ "$field" = "$1" ] || fail "the field shows '$field', wanted '$1':
$screen"
}

# The field is the form's last.
keys 'P<C-g>confidential fields<Enter><Dump>' 100x30
screen 1
printf '%s\n' "$screen" | grep -q "field 13 of 13" || fail "not the last field: $screen"

# A whole word, Tab, another word: two words, saved as two.
keys 'PChea Vanna<C-g>confidential fields<Enter>notes<Tab><Dump>affil<Tab><Dump><Tab><Dump>so<Tab><Dump><C-s>' 100x30
field 1 "confidential fields"
want "notes,"
field 2 "confidential fields"
want "notes, affiliation,"
field 3 "confidential fields"
want "notes, affiliation,"
field 4 "confidential fields"
want "notes, affiliation, source,"
ok cw list persons --json
json '[p.get("confidential_fields") for p in d if p["name"] == "Chea Vanna"] == [["affiliation", "source", "notes"]]'

# Every word of a person's in the field: no separator, nothing more to type.
keys 'P<C-g>confidential fields<Enter>name affiliation source notes<Tab><Dump>' 120x30
field 1 "confidential fields"
want "name affiliation source notes"

# In Khmer: a whole Khmer label, Tab, the next one typed after the separator.
need_khmer
notes=$(km notes) source=$(km source)
LANGUAGE=km LC_ALL=C.UTF-8 keys "P<C-g>$(km "confidential fields")<Enter>$notes<Tab><Dump>$source<Tab><Dump>" 100x30
field 1 "$(km "confidential fields")"
want "$notes,"
field 2 "$(km "confidential fields")"
want "$notes, $source,"
done_ok
