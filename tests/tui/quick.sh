#!/bin/sh
# Quick capture in tmux: Q on a case opens a hearing already filled in (today, now, own
# observation, the court, stage, lawyers, monitors, judge and prosecutor of the case's last
# hearing, its defendants present or absent as that hearing had them), the cursor on the
# outcome; "adjourned to DATE" is then a few keys. The keys pressed after Q are counted, and
# the hearing saved is checked on the command line.
. "$(dirname "$0")/lib.sh"
set -e
PY=${PYTHON3:-python3}
today=$("$PY" -c "import datetime; print(datetime.date.today())")
next=$("$PY" -c "import datetime; print(datetime.date.today() + datetime.timedelta(days=14))")

yesterday=$("$PY" -c "import datetime; print(datetime.date.today() - datetime.timedelta(days=1))")
in3=$("$PY" -c "import datetime; print(datetime.date.today() + datetime.timedelta(days=3))")

# counted TASK N: N keys were pressed for the task whose README row starts with "| TASK"; the
# README's table of keystrokes must say N, so the figures there are the ones measured here.
counted() {
	checks=$((checks + 1))
	said=$(sed -n "s/^| $1.*| *\([0-9][0-9]*\) |\$/\1/p" "$TOP_SRCDIR/README.md")
	[ "$said" = "$2" ] || fail "README says '$said' keys for '$1'; $2 were pressed"
}

ok cw seed "$SEED_FILE"
# The case's last hearing says who was there for it: the quick form takes them again, and
# its attendance: a defendant absent then (tried in absentia) is absent again, not present.
ok cw log hearing --case "NagaWorld union" --date "$yesterday" --court "Supreme Court" \
	--stage supreme --monitors "Sokha; Dara" --judge "Judge Ros" --prosecutor "Prosecutor Chea" \
	--lawyers "Sam Sokong" --absent "Chhim Sithar"
tmux_start 120 30
wait_for " 3 Records "
send 1 / 'NagaWorld union' Enter
wait_for "1 case matches"

# Q, then: Space (outcome: adjourned), Tab (to the next date), the date, C-s.
send Q
wait_for "Quick hearing"
wait_for "case *: NagaWorld union activists (LRSU)"
wait_for "date *: $today"
wait_for "monitors: Sokha; Dara"
wait_for "absent: Chhim Sithar"
printf '%s\n' "$pane" | grep -q "present: *$" || fail "the quick form has someone present: $pane"
wait_for "field 4 of"
n=0
for key in Space Tab; do
	send "$key"
	n=$((n + 1))
done
# The next date as people say it: two weeks on (the form shows the full date it gives).
send +14d
n=$((n + 4))
send C-s
n=$((n + 1))
wait_for "added hearing"
echo "keys after Q for an adjourned hearing: $n"
# The issue's bound: "adjourned to DATE" in at most 10 keys after Q.
[ "$n" -le 10 ] || fail "$n keys after Q for an adjourned hearing (at most 10)"
counted "log an adjourned hearing" "$n"

ok cw list records --kind hearing --since "$today" --json
json "len(d) == 1"
json "d[0]['view'] == 'own' and d[0]['source'] == 'own observation' and d[0]['date'] == '$today' and d[0]['outcome'] == 'adjourned'"
json "d[0]['next_date'] == '$next' and d[0]['court'] == 'Supreme Court' and d[0]['stage'] == 'supreme'"
json "[a['present'] for a in d[0]['attendance']] == ['no']"
json "len(d[0]['time']) == 5"
json "d[0]['monitors'] == 'Sokha; Dara' and d[0]['judge'] == 'Judge Ros'"
json "d[0]['prosecutor'] == 'Prosecutor Chea' and d[0]['lawyers'] == 'Sam Sokong'"

# Adjourned to a date on the calendar, said as a day and a month ("15 mar"): the 15th of the
# month after next, so always two digits and the nearest such day (models/date.h).
abs_text=$("$PY" -c "
import datetime; t = datetime.date.today(); m = (t.month + 1) % 12 + 1
print('15 ' + datetime.date(2000, m, 1).strftime('%b').lower())")
abs_date=$("$PY" -c "
import datetime; t = datetime.date.today(); m = (t.month + 1) % 12 + 1
print(datetime.date(t.year + (m < t.month), m, 15))")
send Q
wait_for "Quick hearing"
wait_for "field 4 of"
n=0
for key in Space Tab; do
	send "$key"
	n=$((n + 1))
done
send "$abs_text"
n=$((n + ${#abs_text}))
send C-s
n=$((n + 1))
wait_for "added hearing"
echo "keys after Q for a hearing adjourned to an absolute date ($abs_text): $n"
counted "log a hearing adjourned to a day of a month" "$n"
ok cw list records --kind hearing --since "$today" --json
json "sorted(r.get('next_date') for r in d) == sorted(['$next', '$abs_date'])"
abs_id=$("$PY" -c "import json,sys; print([r['id'] for r in json.loads(sys.argv[1]) if r.get('next_date') == '$abs_date'][0])" "$out")
ok cw delete "$abs_id" --yes

# A bail hearing: the outcome and the decision, in the quick form too. A field trial's monitor at
# a co-defendant's bail hearing found "bail decision" there and no field for what was decided:
# saved so, it was a decision granting or refusing nothing, in no bail table of a report.
send Q
wait_for "Quick hearing"
wait_for "field 4 of"
send -l bail
send C-g
send -l bail
send Enter
send -l gra
send C-s
wait_for "added hearing"
ok cw list records --kind hearing --since "$today" --json
bail_id=$("$PY" -c "import json,sys; print([r['id'] for r in json.loads(sys.argv[1]) if r.get('outcome') == 'bail_decision'][0])" "$out")
ok cw show "$bail_id" --json
json "d['outcome'] == 'bail_decision' and d['bail'] == 'granted'"
ok cw delete "$bail_id" --yes

# A draft: C-t keeps the quick form as typed (it is no record yet), 5 lists it, Enter opens
# the same quick form again with what was typed, and saving it completes it.
send Q
wait_for "Quick hearing"
send C-g notes Enter 'judge absent, lawyer late'
# The hearing it is about is in three days: the agenda lists the draft on that day.
send C-g date Enter C-u +3d
send C-t
wait_for "kept as a draft"
ok cw drafts --json
json "len(d) == 1 and d[0]['kind'] == 'hearing' and d[0]['about'].startswith('NagaWorld union')"
ok cw list records --kind hearing --since "$today" --json
json "len(d) == 1"
ok cw agenda
has "1 draft to complete ('casewatch drafts' lists them; 5 in the terminal interface):"
has "$in3"
ok cw agenda --json
json "[(x['day'], x['dated'], x['kind']) for x in d['drafts']] == [('$in3', True, 'hearing')]"
json "d['drafts'][0]['about'].startswith('NagaWorld union')"
# The agenda list (4) shows it below its items, on its day; the status line counts it in words.
send 4
wait_for "1 draft to complete (5 lists it):"
wait_for "| 1 draft to complete (5 lists it)"
wait_for "draft hearing"
capture
printf '%s\n' "$pane" | grep "draft hearing" | grep -qF "$in3" || fail "the draft is not on its day: $pane"
send 5
wait_for "1 draft | 1/1"
wait_for "a new hearing"
send Enter
wait_for "Quick hearing"
wait_for "notes: judge absent, lawyer late"
send C-s
wait_for "added hearing"
ok cw drafts
has "no drafts"
ok cw list records --kind hearing --since "$today" --json
json "len(d) == 2 and sorted(r.get('notes', '') for r in d) == ['', 'judge absent, lawyer late']"
json "all(r['court'] == 'Supreme Court' and r['view'] == 'own' for r in d)"
# d deletes a draft, after asking.
send 1 Q
wait_for "Quick hearing"
send C-t
wait_for "kept as a draft"
send 5
wait_for "1 draft | 1/1"
send d
wait_for "Delete the draft"
send y
wait_for "draft deleted"
ok cw drafts
has "no drafts"
fails 66 draft cw drafts delete 0123456789abcdef
fails 2 draft cw drafts delete 12
send Escape 1

# Keystrokes for the other common tasks, counted as sent (a key name is one key, text one a
# character): a defendant's timeline from the lists, and a prison visit.
presses() {
	n=0
	for k in "$@"; do
		case $k in
		Enter | Tab | Escape | Space | BSpace | C-?) n=$((n + 1)) ;;
		*) n=$((n + ${#k})) ;;
		esac
	done
	send "$@"
}
presses 2 / Kang Enter Enter
wait_for "Timeline: Kang Saran"
echo "keys for a defendant's timeline from the lists: $n"
counted "find a defendant's timeline" "$n"
send h Escape 3
wait_for " 3 Records "
presses V Corr Enter Tab today C-s
wait_for "added visit"
echo "keys for a prison visit (a facility by its suggestion, 'today'): $n"
counted "add a prison visit" "$n"
ok cw list records --kind visit --since "$today" --json
json "len(d) == 1 and d[0]['facility'] == 'Correctional Center 2' and d[0]['date'] == '$today'"

# u takes back the last change after asking: here, the visit just added.
send u
wait_for "Take back the addition of visit"
send y
wait_for "taken back: added"
ok cw list records --kind visit --since "$today" --json
json "len(d) == 0"
send u
wait_for "there is nothing to undo"
# An edit taken back: the visit's notes as they were.
ok cw list records --kind visit --json
first_notes=$(printf '%s' "$out" | "$PY" -c "import json,sys; print(json.load(sys.stdin)[0].get('notes', ''))")
send / kind:visit Enter
wait_for "records match"
send g e
wait_for "Edit visit"
send C-g notes Enter C-e ' changed by mistake' C-s
wait_for "saved visit"
ok cw list records --kind visit --json
json "d[0]['notes'].endswith('changed by mistake')"
send u
wait_for "Take back the edit of visit"
send y
wait_for "taken back: edited"
ok cw list records --kind visit --json
json "d[0].get('notes', '') == '''$first_notes'''"
# A deletion taken back: the visit is there again, under its id, as it was.
ok cw list records --kind visit --json
visit=$(printf '%s' "$out" | "$PY" -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
send d
wait_for "Delete visit"
send y
wait_for "deleted: u brings it back until the next change"
ok cw list records --kind visit --json
json "'$visit' not in [v['id'] for v in d]"
send u
wait_for "Take back the deletion of visit"
send y
wait_for "taken back: deleted"
ok cw list records --kind visit --json
json "[v.get('notes', '') for v in d if v['id'] == '$visit'] == ['''$first_notes''']"
send Escape

# m on a person recorded twice merges them, after asking for whom and whether.
ok cw person add --name "Sithar twin" --yes
twin=$(printf '%s' "$out" | awk '{print $3}')
ok cw log visit --facility "Prey Sar CC2" --date "$today" --detainee "$twin"
ok cw list persons --json
sithar=$(printf '%s' "$out" | "$PY" -c "import json,sys; print([p['id'] for p in json.load(sys.stdin) if p['name'] == 'Chhim Sithar'][0])")
send 2 / 'Sithar twin' Enter
wait_for "1 person matches"
send m
wait_for "Merge into (name or id):"
send "$sithar" Enter
wait_for "Merge Sithar twin into Chhim Sithar?"
send y
wait_for "merged: 1 record now names the person kept"
ok cw list records --kind visit --since "$today" --json
json "d[0]['detainees'] == ['$sithar']"
# The spelling merged away is kept in the notes of the one kept (another record changed).
ok cw show "$sithar" --json
json "d['notes'].endswith('NagaWorld casino case.\\n\\nMerged from Sithar twin (account: not recorded).')"
# u takes the merge back: the twin is there again and the visit names them; m merges again.
send u
wait_for "Take back the merge of person \"Sithar twin\" into \"Chhim Sithar\", with 2 other"
send y
wait_for "taken back: merged Sithar twin, with 2 other record(s)"
ok cw list records --kind visit --since "$today" --json
json "d[0]['detainees'] == ['$twin']"
ok cw list persons --json
json "'$twin' in [p['id'] for p in d]"
send m
wait_for "Merge into (name or id):"
send "$sithar" Enter
wait_for "Merge Sithar twin into Chhim Sithar?"
send y
wait_for "merged: 1 record now names the person kept"
send Escape 1

# From a defendant (their latest case), and from a place with no case: said.
send Escape 2 / 'Chhim Sithar' Enter
wait_for "1 person matches"
send Q
wait_for "Quick hearing"
wait_for "case *: NagaWorld"
send Escape
wait_for "1 person matches"
send Escape 3 / 'kind:demonstration' Enter
wait_for "records match"
send Q
wait_for "no case here: a quick hearing starts from a case"
send q
done_ok
