#!/bin/sh
# The command line end to end: init, add people and a case, log each kind of record, edit,
# show, timeline, delete, JSON output, help.
. "$TESTLIB"
set -e

ok cw init
has "casewatch database ready"
ok cw person add --name "Chhim Sithar" --name-km "ឈឹម ស៊ីថា" --sex female \
	--affiliation "LRSU" --role union_leader --source "001 para 42" --view un
has "added person"
sithar=$(printf '%s' "$out" | awk '{print $3}')
ok cw person add --name "Kang Saran" --province "Banteay Meanchey"
ok cw case add --title "NagaWorld strike" --court "Phnom Penh Court of First Instance" \
	--court-level first_instance --opened 2022-01-04 --stage trial \
	--defendant "Chhim Sithar" --custody detained --charge 494/495 --defendant-stage appeal \
	--unnamed "8 NagaWorld union activists" --charge "494/495:convicted"
case_id=$(printf '%s' "$out" | awk '{print $3}')
ok cw log hearing --case NagaWorld --date 2023-05-25 --time 09:00 --stage verdict \
	--judge "Presiding Judge" --present "Chhim Sithar" --public-admitted yes \
	--monitors-admitted no --indicator public_hearing=no:"gallery closed" \
	--indicator reasoned_judgment=unknown --outcome verdict \
	--verdict "494/495=convicted@Chhim Sithar" --sentence "2 years' imprisonment" \
	--notes "Crowd outside.
Second line."
hearing=$(printf '%s' "$out" | awk '{print $3}')
ok cw log visit --facility "Correctional Center 2" --date 2024-03-12 --access restricted \
	--private-interview no --concern water --concern "womens needs,bribery" \
	--detainee "Chhim Sithar"
ok cw log demo --date 2022-01-10 --place "NagaWorld casino" --province "Phnom Penh" \
	--organiser LRSU --participants 300 --response arrests,dispersed --arrested "Chhim Sithar" \
	--arrests-count 9
ok cw log milestone --person "Chhim Sithar" --case "$case_id" --date 2022-01-04 --type arrest
ok cw log milestone --person "Chhim Sithar" --case NagaWorld --date 2023-05-25 --type verdict \
	--detail "2 years"

# show: every field, names for ids, Khmer intact, multi-line notes kept
ok cw show "$hearing"
has "Presiding Judge"
has "NagaWorld strike ("
has "public hearing"
lacks "public_hearing"
has "gallery closed"
has "account              not recorded"
has "Second line."
has "by test monitor in database"
ok cw show "Chhim Sithar"
has "ឈឹម ស៊ីថា"
has "union leader"
has "account              UN"

# timeline: header with charges and custody, then events in date order
ok cw timeline sithar
has "charges: convicted: 494, 495" # the verdict logged at the hearing moved them
has "custody: detained; stage: appeal"
has "pretrial detention: 506 days"
first=$(printf '%s\n' "$out" | grep -n 'arrest' | head -1 | cut -d: -f1)
last=$(printf '%s\n' "$out" | grep -n 'Correctional' | head -1 | cut -d: -f1)
[ "$first" -lt "$last" ] || fail "timeline not in date order"
# the demonstration's line says she was among those arrested there, not only how many came
has "9 arrests (Chhim Sithar), 300 participants"
ok cw timeline "Chhim Sithar" --json
json "d['person']['name'] == 'Chhim Sithar' and len(d['entries']) == 6"
json "[e['kind'] for e in d['entries']][0] in ('case', 'milestone')"

# list and JSON
ok cw list records --json
json "len(d) == 5 and all(len(r['id']) == 32 for r in d)"
json "d[0]['date'] == '2024-03-12' and d[0]['concerns'] == ['water', 'bribery', 'womens_needs']"
ok cw show "$case_id" --json
json "d['defendants'][0]['stage'] == 'appeal' and d['stage'] == 'trial'"
ok cw list cases
has "494/495"
has "1 + 8 unnamed"
ok cw list persons
lines 3

# edit: replace a field, add to a list, clear a field; the update is stamped
ok cw edit "$hearing" --outcome adjourned --adjourn-reason "judge ill" --next-date 2023-06-01 \
	--clear sentence
ok cw show "$hearing" --json
json "d['outcome'] == 'adjourned' and d['next_date'] == '2023-06-01' and 'sentence' not in d"
json "d['updated'] > d['created'] and d['editor'] == 'test monitor'"
ok cw timeline "Chhim Sithar"
has "adjournments: 1"

# delete: refused while named, confirmed with --yes, asks otherwise
fails 65 "named by" cw delete "$case_id" --yes
fails 2 "delete: not deleting without confirmation; add --yes" cw delete "$hearing" </dev/null
ok cw delete "$hearing" --yes
has "deleted"
fails 66 "id" cw show "$hearing"

# help for every command
ok cw --help
has "timeline"
ok cw log hearing --help
has "--indicator"
has "public_hearing"
ok cw list --help
has "--article"
ok cw articles
has "lese-majeste"
# --help works on every command and sub-command that 'casewatch --help' lists, and on each
# group's first word alone (log, bundle, person, ...), without a database.
ok "$CASEWATCH" --help
commands=$(printf '%s\n' "$out" | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z]*\)\( [a-z]*\)\{0,1\} .*/\1\2/p')
[ "$(printf '%s\n' "$commands" | wc -l)" -ge 20 ] || fail "too few commands listed: $commands"
printf '%s\n' "$commands" | while read -r word sub; do
	ok "$CASEWATCH" --db "$WORK/no-such-db" $word $sub --help
	printf '%s' "$out" | grep -q "^usage: casewatch" || fail "'$word $sub --help' printed: $out"
	ok "$CASEWATCH" --db "$WORK/no-such-db" $word --help
	[ -n "$out" ] || fail "'$word --help' printed nothing"
done || exit 1
# A log command's help marks the date required where saving refuses a record without one
# (`log visit --help` said "date" alone), and not for a milestone, which may go without.
for kind in visit demo incident hearing; do
	ok cw log $kind --help
	printf '%s\n' "$out" | grep -q -- "^  --date DATE  *date (required, unless --count is given)$" ||
		fail "'log $kind --help' does not mark the date required: $(printf '%s' "$out" | grep -- --date)"
	printf '%s\n' "$out" | grep -q -- "^usage: .* --date DATE \[options\]$" ||
		fail "'log $kind --help' gives the date as optional in its usage: $(printf '%s' "$out" | head -1)"
done
fails 65 "date: is required for a new incident" cw log incident --type statement
ok cw log milestone --help
printf '%s\n' "$out" | grep -q -- "^  --date DATE  *date$" ||
	fail "'log milestone --help' marks its date: $(printf '%s' "$out" | grep -- --date)"
# Each kind's help offers the confidential fields that kind has (it listed all eight for every
# kind: a person's name for a visit, which saving refused), and so does the shell completion.
for pair in "log visit:source notes follow_up concerns detainees" "log hearing:source notes" \
	"log milestone:source notes detail" "person add:name affiliation source notes"; do
	ok cw ${pair%%:*} --help
	printf '%s\n' "$out" | grep -A2 -- "^  --confidential-field" |
		grep -qx -- "            one of: ${pair#*:}" ||
		fail "'${pair%%:*} --help' offers: $(printf '%s\n' "$out" | grep -A2 -- --confidential-field)"
done
ok cw completion bash
has "'log visit|--confidential-field') echo 'source notes follow_up concerns detainees '"
ok cw log --help
has "log hearing --case CASE"
has "log milestone"
fails 2 "log hearing|visit|demo|milestone" cw log
[ ! -e "$WORK/no-such-db" ] || fail "--help created a database"

# A record added while the map is full is added again after the map grows, and takes its id
# again: the short ids (the first 8 digits, a sequence number) of the records added after it
# stay their own. Once, the retry kept the id of the aborted attempt and the next record got the
# same 8 digits. A fresh, seeded database has no free pages, so the tiny map makes it retry.
SEQ="$WORK/seq"
ok "$CASEWATCH" --db "$SEQ" seed
ok "$CASEWATCH" --db "$SEQ" person add --name "Sequence One"
ok env CASEWATCH_MAP_SIZE=65536 "$CASEWATCH" --db "$SEQ" person add --name "Sequence Two"
two=$(added_id person 8)
ok "$CASEWATCH" --db "$SEQ" person add --name "Sequence Three"
three=$(added_id person 8)
[ -n "$two" ] && [ "$two" != "$three" ] || fail "two new people share the short id '$two'"
ok "$CASEWATCH" --db "$SEQ" show "$three"
has "Sequence Three"
# An adjournment's line in a timeline says why and until when: the header's count of
# adjournments rests on these lines. One that gives neither says only "adjourned".
ok cw log hearing --case NagaWorld --date 2023-03-01 --outcome adjourned \
	--adjourn-reason "prosecution witness absent" --next-date 2023-03-15
ok cw timeline sithar
has "adjourned: prosecution witness absent; next hearing 2023-03-15"
ok cw log hearing --case NagaWorld --date 2023-03-15 --outcome adjourned
ok cw timeline sithar
lacks "adjourned: ;"
lacks "adjourned:  "
done_ok
