#!/bin/sh
# Quick capture in tmux: Q on a case opens a hearing already filled in (today, now, own
# observation, the court and stage of the case's last hearing, its defendants present), the
# cursor on the outcome; "adjourned to DATE" is then a few keys. The keys pressed after Q are
# counted, and the hearing saved is checked on the command line.
. "$(dirname "$0")/lib.sh"
set -e
PY=${PYTHON3:-python3}
today=$("$PY" -c "import datetime; print(datetime.date.today())")
next=$("$PY" -c "import datetime; print(datetime.date.today() + datetime.timedelta(days=14))")

ok cw seed "$SEED_FILE"
tmux_start 120 30
wait_for " 3 Records "
send 1 / 'NagaWorld union' Enter
wait_for "1 cases match"

# Q, then: Space (outcome: adjourned), Tab (to the next date), the date, C-s.
send Q
wait_for "Quick hearing"
wait_for "case: NagaWorld union activists (LRSU)"
wait_for "date: $today"
wait_for "field 4 of"
n=0
for key in Space Tab; do
	send "$key"
	n=$((n + 1))
done
send "$next"
n=$((n + ${#next}))
send C-s
n=$((n + 1))
wait_for "added hearing"
echo "keys after Q for an adjourned hearing: $n"

ok cw list records --kind hearing --since "$today" --json
json "len(d) == 1"
json "d[0]['view'] == 'own' and d[0]['date'] == '$today' and d[0]['outcome'] == 'adjourned'"
json "d[0]['next_date'] == '$next' and d[0]['court'] == 'Supreme Court' and d[0]['stage'] == 'supreme'"
json "[a['present'] for a in d[0]['attendance']] == ['yes']"
json "len(d[0]['time']) == 5"

# From a defendant (their latest case), and from a place with no case: said.
send Escape 2 / 'Chhim Sithar' Enter
wait_for "1 people match"
send Q
wait_for "Quick hearing"
wait_for "case: NagaWorld"
send Escape
wait_for "1 people match"
send Escape 3 / 'kind:demonstration' Enter
wait_for "records match"
send Q
wait_for "no case here: a quick hearing starts from a case"
send q
done_ok
