#!/bin/sh
# Filters on the command line: any-of article lists in every spelling, kinds and short forms,
# partial date ranges, court, province, person and case by name, free text, names that are
# ambiguous, and JSON for scripts.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Kang Saran" --province "Banteay Meanchey"
ok cw person add --name "Koeut Saray" --name-km "កើត សារ៉ាយ"
ok cw person add --name "Ny Nak"
ok cw case add --title "Saran lese-majeste" --court "Banteay Meanchey Court of First Instance" \
	--court-province "Banteay Meanchey" --opened 2023-07-04 \
	--defendant "Kang Saran" --charge "437 bis/307/494/495"
ok cw case add --title "Saray incitement" --court "Phnom Penh Court of First Instance" \
	--opened 2024-04-05 --defendant "Koeut Saray" --charge "88, 494 and 495"
ok cw case add --title "Ny Nak defamation" --court "Phnom Penh Court of First Instance" \
	--opened 2024-01 --defendant "Ny Nak" --charge 302/496
ok cw log hearing --case "Saran" --date 2023-11-22 --outcome verdict --notes "three years"
ok cw log hearing --case "Saran" --date 2024-02-15 --court "Battambang Appeal Court"
ok cw log hearing --case "Saray" --date 2024-05 --notes "bail refused"
ok cw log milestone --person "Ny Nak" --case "Ny Nak" --date 2024-01-05 --type arrest
ok cw log demo --date 2024-02-01 --province "Phnom Penh" --cause "NagaWorld" --response arrests
ok cw log visit --facility "Correctional Center 2" --date 2024-02 --detainee "Ny Nak"

# every spelling of lèse-majesté finds Kang Saran's case and its hearings
for a in "437 bis" "437bis" "437 (bis)" "437-bis" "Art. 437 bis" "CC:437bis"; do
	ok cw list records --article "$a" --json
	json "len(d) == 2 and all(r['kind'] == 'hearing' for r in d)"
done
ok cw list records --article 437
has "no matching records"
# The articles filtered on lead the ARTICLES column (so a narrow one still shows them), the
# others after them in their order; without a filter, the order charged.
ok cw list records --article "437 bis"
has "437 bis/307/494/495"
ok cw list cases --article 495
has "495/437 bis/307/494"
ok cw list records
has "437 bis/307/494/495"
ok cw list records --article 307/495
has "307/495/437 bis/494"
ok cw list cases --article "494/495" --json
json "sorted(c['title'] for c in d) == ['Saran lese-majeste', 'Saray incitement']"
ok cw list persons --article "494/495" --json
json "[p['name'] for p in d] == ['Kang Saran', 'Koeut Saray']"
ok cw list persons --article "494/495" --province banteay --json
json "[p['name'] for p in d] == ['Kang Saran']"
ok cw list persons --court "phnom penh" --json
json "[p['name'] for p in d] == ['Koeut Saray', 'Ny Nak']"
ok cw list records --article "494/495" --json
json "len(d) == 3"
ok cw list records --article 496 --json
json "len(d) == 1 and d[0]['kind'] == 'milestone'"
# kinds, short forms, several at once
ok cw list records --kind h --json
json "len(d) == 3"
ok cw list records --kind demonstration,visit --json
json "sorted(r['kind'] for r in d) == ['demo', 'visit']"
ok cw list records --kind ms --json
json "len(d) == 1"
# partial dates: a month covers its days, a year its months; newest first; --oldest-first
ok cw list records --since 2024-02 --until 2024-02 --json
json "sorted(r['date'] for r in d) == ['2024-02', '2024-02-01', '2024-02-15']"
ok cw list records --since 2024 --json
json "[r['date'] for r in d] == ['2024-05', '2024-02-15', '2024-02-01', '2024-02', '2024-01-05']"
ok cw list records --until 2023 --oldest-first --json
json "[r['date'] for r in d] == ['2023-11-22']"
# court (a hearing's own court wins over its case's), province, person, case, text
ok cw list records --court battambang --json
json "len(d) == 1 and d[0]['date'] == '2024-02-15'"
ok cw list records --court "Banteay Meanchey" --json
json "len(d) == 1 and d[0]['date'] == '2023-11-22'"
ok cw list persons --province banteay --json
json "[p['name'] for p in d] == ['Kang Saran']"
ok cw list records --province "phnom penh" --json
json "[r['kind'] for r in d] == ['demo']"
ok cw list records --person "Ny Nak" --json
json "sorted(r['kind'] for r in d) == ['milestone', 'visit']"
ok cw list records --person "កើត" --json
json "len(d) == 1 and d[0]['date'] == '2024-05'"
ok cw list records --case Saray --json
json "len(d) == 1"
ok cw list records --text "bail refused" --json
json "len(d) == 1"
ok cw list records --filter 'article:494/495 kind:hearing since:2024-01 three' --json
json "len(d) == 0"
ok cw list records --filter 'article:494/495 kind:hearing since:2023-01 three' --json
json "len(d) == 1 and d[0]['notes'] == 'three years'"
ok cw list records --limit 2 --offset 1 --json
json "len(d) == 2 and d[0]['date'] == '2024-02-15'"
# tables: aligned, Khmer measured by width
ok cw list persons
has "កើត សារ៉ាយ"
khmer_col=$(printf '%s\n' "$out" | grep 'Koeut' | awk -F'Koeut Saray' '{print $1}' | wc -c)
latin_col=$(printf '%s\n' "$out" | grep 'Ny Nak' | awk -F'Ny Nak' '{print $1}' | wc -c)
[ "$khmer_col" -eq "$latin_col" ] || fail "name columns misaligned"
# ambiguous names are listed, never guessed
fails 65 "matches several" cw timeline "Sar"
has_both=$(printf '%s' "$err" | grep -c "Kang Saran.*Koeut Saray\|Koeut Saray.*Kang Saran")
[ "$has_both" -eq 1 ] || fail "candidates not listed: $err"
ok cw timeline "kang saran"
has "Saran lese-majeste"
# a text that names a person and a case alike is not given to the person unasked: an edit
# meant for the case must not land on the person; a whole name or title picks its record
ok cw person add --name "Sam Rainsy"
ok cw case add --title "Rainsy attack case" --defendant "Sam Rainsy" --custody in_absentia \
	--charge 451
fails 65 "'Rainsy' names a person, Sam Rainsy" cw edit Rainsy --notes "case file received"
ok cw show "Rainsy attack case"
has "kind                 case"
lacks "case file received"
ok cw show "sam rainsy"
has "kind                 person"
ok cw case add --title "Rainsy defamation case" --defendant "Sam Rainsy"
fails 65 "'Rainsy' names a person, Sam Rainsy" cw edit Rainsy --notes "note meant for a case file"
# people by article: those the case charges under it, not every co-defendant of the case
ok cw person add --name "Codef Charged"
ok cw person add --name "Codef Other"
ok cw case add --title "Codefendants case" --defendant "Codef Charged" --charge "437 bis" \
	--defendant "Codef Other" --charge 494
ok cw list persons --article "437 bis" --json
json "'Codef Charged' in [p['name'] for p in d] and 'Codef Other' not in [p['name'] for p in d]"

# A filter whose person, case, court or province names nothing is a typo, not a quiet week:
# list, report, export and agenda refuse it (66), naming the criterion. An article outside the
# table is filtered on, with a warning.
db_before=$(db_snapshot)
fails 66 "person: no person's name, id or ref in this database matches 'Kang Sarann'" \
	cw list records --person "Kang Sarann"
fails 66 "case: no case's title" cw report --week 2024-W06 --case "does not exist"
fails 66 "court: no court's name" cw export records --format csv --court "Kandal"
fails 66 "province: no province's name" cw agenda --province "Mondulkiri"
# An empty one is refused too (65), as an empty date is.
fails 65 "person: needs a value" cw report --week 2024-W06 --person=
fails 65 "court: needs a value" cw list records --court=
ok cw report --week 2024-W06 --article 9999
grep -q "warning: article 9999 is not in the built-in table" "$WORK/stderr" ||
	fail "no warning for an article outside the table: $(cat "$WORK/stderr")"
ok cw list records --person "Kang Saran" --json
json "len(d) > 0"
# Khmer digits typed: an article, a limit, a week, a number of days.
ok cw list records --article=៤៩៤ --limit ១ --json
json "len(d) == 1 and d[0]['case_name'] == 'Saray incitement'"
ok cw report --week ២០២៤-W០៦ --format json
json "d['week'] == '2024-W06'"
ok cw agenda --days ៧ --from 2024-02-12 --json
json "d['to'] == '2024-02-18'"
[ "$(db_snapshot)" = "$db_before" ] || fail "a refused filter changed the database"
done_ok
