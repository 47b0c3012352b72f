#!/bin/sh
# W's question about confidential material names all the summary would then hold: a prison
# visit whose notes are a confidential field (a detainee's account of a beating) went into the
# file on y while the question spoke of "the 1 confidential record" alone, and a week holding
# only such fields was written without the question, the fields withheld with no way to put
# them in from here.
. "$(dirname "$0")/lib.sh"
set -e
reports="$WORK/documents/casewatch-reports"
file="$reports/casewatch-summary-2024-W06.md"

ok cw init
ok cw person add --name "Chao Veasna" --source "own observation"
ok cw log visit --facility "Banteay Meanchey Provincial Prison" --date 2024-02-09 \
	--detainee "Chao Veasna" --notes "Quokkabeating on 3 February" --confidential-field notes \
	--source "own observation"

# Only a confidential field in the week: asked, and y puts it in.
keys 'W<C-u>2024-W06<Enter>m<Dump>y<Enter><Dump>' 160x40
screen 1
printf '%s\n' "$screen" | grep -qF "Put in the 1 confidential field of the week's records (its header then says so)? y/N" ||
	fail "a week with a confidential field did not ask: $screen"
checks=$((checks + 1))
grep -q "Quokkabeating" "$file" || fail "y left the confidential field out: $(head -20 "$file")"
checks=$((checks + 1))

# A confidential record too: the question names both.
ok cw log milestone --person "Chao Veasna" --type other --date 2024-02-08 \
	--detail "wife threatened at home" --confidential --source "own observation"
rm -f "$file"
keys 'W<C-u>2024-W06<Enter>m<Dump>n<Enter><Dump>' 160x40
screen 1
printf '%s\n' "$screen" | grep -qF "Put in the 1 confidential record and the 1 confidential field the week holds (its header then says so)? y/N" ||
	fail "the question does not name the confidential field: $screen"
checks=$((checks + 1))
grep -q "Quokkabeating" "$file" && fail "n put the confidential field in: $(head -20 "$file")"
grep -q "wife threatened" "$file" && fail "n put the confidential record in"
checks=$((checks + 2))

# The file name W offers says the filter as the header does: a filter by a person whose name
# is confidential reads person:[confidential] in the summary, and the name offered for the file
# gave the name itself ("...-person-sok-kanha.md"), which travels with the summary.
ok cw person add --name "Sok Kanha" --confidential-field name --source "own observation"
ok cw log milestone --person "Sok Kanha" --type arrest --date 2024-02-07 --source "own observation"
keys '/<C-u>person:"Sok Kanha"<Enter>W<C-u>2024-W06<Enter>m<Enter><Dump>' 200x60
screen 1
checks=$((checks + 1))
printf '%s\n' "$screen" | grep "written to" | grep -qi "kanha" &&
	fail "the file name offered names the confidential person: $screen"
named=$(ls "$reports" | grep -- -person) || fail "no summary filtered by the person: $(ls "$reports")"
checks=$((checks + 2))
case $named in *[Kk]anha*) fail "the summary's file name names the confidential person: $named" ;; esac
grep -q '^Filter: person:\\\[confidential\\\]' "$reports/$named" ||
	fail "the summary's header does not withhold the person: $(grep '^Filter' "$reports/$named")"

echo "week_fields: $checks checks"
