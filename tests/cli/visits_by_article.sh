#!/bin/sh
# visits_by_article.sh - in what the report module writes for others, a prison visit is found
# by an article through the people it met: one that met someone a case charges under the
# article is under it, in reports (section, counts, comparison, summary, JSON) and exports of
# records. A field trial's report filtered by 494/495 said "No prison visits in this period"
# and counted none, for a week the team had visited a 494/495 detainee. Lists (and counts, the
# terminal interface's) find records by their own fields and charges, so a visit is not listed
# under an article among every kind; asked for visits by name (--kind visit), they find them
# through their detainees too. In what is written for others a visit is not found through a
# detainee or a case written "[confidential]": listed under "Filter: article:494/495", it
# would tell a partner what the withheld one is charged with.
. "$TESTLIB"
set -e

ok cw init
for name in "Eng Sroy" "Sok Lese" "Theng Savoeun"; do
	ok cw person add --name "$name"
done
ok cw person add --name "Named Secretly" --confidential-field name
ok cw case add --title "Eng Sroy incitement" --defendant "Eng Sroy" --custody detained \
	--charge 494/495 --source "own observation"
ok cw case add --title "Sok Lese" --defendant "Sok Lese" --custody detained --charge "437 bis" \
	--source "own observation"
# Charged under 494/495 only in a confidential case, and under it with a confidential name.
ok cw case add --title "Sealed case" --defendant "Theng Savoeun" --charge 494/495 --confidential
ok cw case add --title "Open case" --defendant "Named Secretly" --charge 494/495
visit() {
	ok cw log visit --facility "$1" --date "$2" --detainee "$3" --source "own observation"
	added_id visit
}
eng=$(visit "Prey Sar" 2024-04-03 "Eng Sroy")
sok=$(visit "Prey Sar" 2024-04-04 "Sok Lese")
sealed=$(visit "CC1" 2024-04-02 "Theng Savoeun")
secret=$(visit "CC2" 2024-04-02 "Named Secretly")
# A hearing in the 494/495 case, weeks before: what a list under 494/495 finds.
ok cw log hearing --case "Eng Sroy incitement" --date 2024-02-20 --source "own observation"
hearing=$(added_id hearing)
# The week before: a visit to Eng Sroy, for the comparison.
before=$(visit "Prey Sar" 2024-03-27 "Eng Sroy")
[ -n "$hearing" ] && [ -n "$eng" ] && [ -n "$sok" ] && [ -n "$sealed" ] && [ -n "$secret" ] &&
	[ -n "$before" ] || fail "a record's id was not given"

# The report for partners: the 494/495 detainee's visit, not the 437 bis one, and none found
# through what it withholds (nor counted as left out: that too would tell).
ok cw report --week 2024-W14 --article 494/495 --format json
json "[v['id'] for v in d['visits']] == ['$eng']"
json "d['comparison']['visits'] == {'current': 1, 'previous': 1, 'current_views': ['own'], 'previous_views': ['own']}"
json "d['comparison']['visit_detainees']['current'] == 1"
json "any('1 prison visit that met 1 detainee' in s for s in d['summary'])"
json "d['confidential']['records_left_out'] == 0 and d['confidential']['articles_as_shown'] is True"
ok cw report --week 2024-W14 --article 494/495
has "## Prison visits (1)"
has "is charged under one of them in a case"
has "| 2024-04-03 | own observation | Prey Sar |"
lacks "No prison visits in this period"
lacks "CC1"
lacks "CC2"
has "| prison visits | 1 | 1 |"
ok cw report --week 2024-W14 --article 494/495 --format csv
has "$eng"
lacks "$sok"
lacks "$sealed"
lacks "$secret"
# 437 bis: the other visit only.
ok cw report --week 2024-W14 --article "437 bis" --format json
json "[v['id'] for v in d['visits']] == ['$sok']"
json "d['comparison']['visits']['current'] == 1 and d['comparison']['visits']['previous'] == 0"
# An article no one is charged under: none, and the section says so.
ok cw report --week 2024-W14 --article 305 --format json
json "d['visits'] == [] and d['comparison']['visits']['current'] == 0"
ok cw report --week 2024-W14 --article 305
has "No prison visits in this period."
has "is charged under one of them in a case"
# With --include-confidential the withheld ones find theirs.
ok cw report --week 2024-W14 --article 494/495 --format json --include-confidential
json "sorted(v['id'] for v in d['visits']) == sorted(['$eng', '$sealed', '$secret'])"
# Unfiltered, every visit as before, and no note.
ok cw report --week 2024-W14
has "## Prison visits (4)"
lacks "is charged under one of them in a case"

# Lists find records by their own fields and charges: a visit, filed under no article, is not
# listed under one among every kind, only the case's hearing is (the headline counts stay the
# counters'). Asked for visits by name (--kind visit), a list finds them through their
# detainees, as the report does: a trial's "no matching records" for the visits to a 494/495
# detainee read as none made. The list is this laptop's own: the confidential ones too.
ok cw list records --article 494/495
has "$(printf '%.8s' "$hearing")"
lacks "$(printf '%.8s' "$eng")"
lacks "$(printf '%.8s' "$sealed")"
lacks "$(printf '%.8s' "$secret")"
lacks "$(printf '%.8s' "$before")"
ok cw list records --article 494/495 --kind visit --json
json "sorted(r['id'] for r in d) == sorted(['$eng', '$sealed', '$secret', '$before']) and d[0]['id'] == '$eng' and d[-1]['id'] == '$before'"
ok cw list records --article 494/495 --kind visit --oldest-first --json
json "len(d) == 4 and d[0]['id'] == '$before' and d[-1]['id'] == '$eng'"
ok cw list records --article 494/495 --kind visit,hearing --json
json "sorted(r['id'] for r in d) == sorted(['$eng', '$sealed', '$secret', '$before', '$hearing'])"
ok cw list records --article "437 bis" --kind visit --json
json "[r['id'] for r in d] == ['$sok']"
ok cw list records --article 305 --kind visit --json
json "d == []"
# With another criterion driving the walk (the person), the same: Eng Sroy's visits, both
# found through his 494/495 charge, and none under 437 bis.
ok cw list records --article 494/495 --person "Eng Sroy" --kind visit --json
json "sorted(r['id'] for r in d) == sorted(['$eng', '$before'])"
ok cw list records --article "437 bis" --person "Eng Sroy" --kind visit
has "no matching records"
ok cw list records --person "Eng Sroy" --kind visit --json
json "sorted(r['id'] for r in d) == sorted(['$eng', '$before'])"

# A visit whose detainees are a confidential field is not found through them for others: under
# "Filter: article:494/495" it would say the withheld detainee is charged under it.
ok cw log visit --facility "CC3" --date 2024-04-05 --detainee "Eng Sroy" \
	--confidential-field detainees --source "own observation"
withheld=$(added_id visit)
ok cw report --week 2024-W14 --article 494/495 --format json
json "[v['id'] for v in d['visits']] == ['$eng']"
ok cw export records --format csv --article 494/495 --kind visit
lacks "$withheld"
ok cw report --week 2024-W14 --article 494/495 --format json --include-confidential
json "'$withheld' in [v['id'] for v in d['visits']]"

# Exports for others follow the report.
ok cw export records --format csv --article 494/495 --kind visit
has "$eng"
lacks "$sok"
lacks "$sealed"
lacks "$secret"
echo "visits_by_article: $checks checks"
