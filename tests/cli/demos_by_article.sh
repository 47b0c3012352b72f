#!/bin/sh
# demos_by_article.sh - in what the report module writes for others, a demonstration is found by
# an article through the people it records arrested, as a prison visit is through the people it
# met (tests/cli/visits_by_article.sh): one whose arrested someone a case charges under the
# article is under it, in reports (section, counts, comparison, summary, JSON) and exports of
# records. A field trial's report of the week of a NagaWorld strike, filtered by 494/495, gave
# the incitement arrests and detentions of the strikers and said "No demonstrations in this
# period", the strike they were arrested at counted nowhere. Lists find records by their own
# fields and charges, and asked for demonstrations by kind, through the arrested too. A
# demonstration is not found through an arrested person
# whose name is confidential, nor through a confidential case: under "Filter:
# article:494/495" it would tell a partner what the withheld one is charged with.
. "$TESTLIB"
set -e

ok cw init
for name in "Chhim Sithar" "Sok Lese"; do
	ok cw person add --name "$name"
done
ok cw person add --name "Named Secretly" --confidential-field name
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --custody detained \
	--charge 494/495 --source "own observation"
ok cw case add --title "Sok Lese" --defendant "Sok Lese" --custody detained --charge "437 bis" \
	--source "own observation"
ok cw case add --title "Open case" --defendant "Named Secretly" --charge 494/495
demo() {
	ok cw log demo --date "$1" --place "$2" --response arrests --arrested "$3" \
		--arrests-count 3 --source "own observation"
	added_id demo
}
strike=$(demo 2024-04-01 "NagaWorld" "Chhim Sithar")
palace=$(demo 2024-04-02 "Royal Palace" "Sok Lese")
secret=$(demo 2024-04-03 "Freedom Park" "Named Secretly")
before=$(demo 2024-03-27 "NagaWorld" "Chhim Sithar")
[ -n "$strike" ] && [ -n "$palace" ] && [ -n "$secret" ] && [ -n "$before" ] ||
	fail "a record's id was not given"

ok cw report --week 2024-W14 --article 494/495 --format json
json "[x['id'] for x in d['demonstrations']] == ['$strike']"
json "d['comparison']['demonstrations']['current'] == 1 and d['comparison']['demonstrations']['previous'] == 1"
json "d['comparison']['demonstration_arrests']['current'] == 3"
json "any('1 demonstration with 3 arrests' in s for s in d['summary'])"
json "d['confidential']['records_left_out'] == 0"
ok cw report --week 2024-W14 --article 494/495
has "## Demonstrations (1)"
has "someone it records arrested is charged under one of them in a case"
has "| 2024-04-01 | own observation | NagaWorld |"
lacks "No demonstrations in this period"
lacks "Royal Palace"
lacks "Freedom Park"
ok cw report --week 2024-W14 --article "437 bis" --format json
json "[x['id'] for x in d['demonstrations']] == ['$palace']"
ok cw report --week 2024-W14 --article 305
has "No demonstrations in this period."
ok cw report --week 2024-W14 --article 494/495 --format json --include-confidential
json "sorted(x['id'] for x in d['demonstrations']) == sorted(['$strike', '$secret'])"
# Unfiltered, every demonstration as before, and no note.
ok cw report --week 2024-W14
has "## Demonstrations (3)"
lacks "someone it records arrested"

# Lists find records by their own fields and charges: among every kind a demonstration is
# not under an article; asked for by kind, as prison visits are (visits_by_article.sh), it is
# found through the people it records arrested, on this laptop's own list the confidential
# one too.
ok cw list records --article 494/495 --json
lacks "$strike"
ok cw list records --article 494/495 --kind demo --json
json "sorted(r['id'] for r in d) == sorted(['$strike', '$secret', '$before'])"
ok cw list records --article "437 bis" --kind demo --json
json "[r['id'] for r in d] == ['$palace']"
ok cw list records --person "Chhim Sithar" --kind demo --json
json "sorted(r['id'] for r in d) == sorted(['$strike', '$before'])"

# Exports for others follow the report.
ok cw export records --format csv --article 494/495 --kind demo
has "$strike"
lacks "$palace"
lacks "$secret"
echo "demos_by_article: $checks checks"
