#!/bin/sh
# Every format of the summary for the week of 7 February 2024 in the demo data, read back with
# real parsers: Python's csv and json modules and html.parser, and the same week as an
# iCalendar export read by python3-icalendar. The Chao Veasna and Chhorn Phalla verdicts of
# 2024-02-07 must come through each one intact.
. "$TESTLIB"
set -e
PY=${PYTHON3:-python3}

ok cw seed "$SEED_FILE"
for f in md html csv json; do
	ok cw report --week 2024-W06 --format $f -o "$WORK/week.$f"
done

# CSV: RFC 4180 with a header; one long table with a section column
"$PY" - "$WORK/week.csv" <<'PY' || fail "CSV check"
import csv, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.endswith(b'\r\n') and b'\n' not in raw.replace(b'\r\n', b''), 'CRLF line ends'
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
head = rows[0]
assert head[:5] == ['section', 'label', 'record_id', 'date', 'account'], head
assert all(len(r) == len(head) for r in rows), 'ragged rows'
recs = [dict(zip(head, r)) for r in rows[1:]]
def sec(name): return [r for r in recs if r['section'] == name]
meta = {r['label']: r for r in sec('report')}
assert meta['period']['detail'].startswith('2024-02-05 to 2024-02-11'), meta['period']
assert meta['empty']['detail'] == 'no'
# the demo data's hearings of the week are the UN's account: reported, not monitored
assert sec('hearings_own') == [] and int(meta['hearings_own']['count']) == 0
# CSV gives each row's source in its own column: no numbers after the account, no list
assert sec('sources') == [] and 'sources' not in meta
assert {r['account'] for r in sec('verdicts')} == {'UN'}
assert {r['source'] for r in sec('hearings_reported')} == {"Secretary-General's report on OHCHR in Cambodia, HRC 57th session (26 August 2024), para 35", "Secretary-General's report on OHCHR in Cambodia, HRC 57th session (26 August 2024), para 38"}
h = sec('hearings_reported')
assert len(h) == 2 and int(meta['hearings_reported']['count']) == 2, h
assert {r['account'] for r in h} == {'UN'}, h
assert {r['people'] for r in h} == {'Chao Veasna', 'Chhorn Phalla (absent)'}, h
assert all(r['date'] == '2024-02-07' and len(r['record_id']) == 32 for r in h)
v = sec('verdicts')
# what the demo data says about the week, read from the seed file itself
import json, os
seed = [json.loads(l) for l in open(os.environ['SEED_FILE'], encoding='utf-8') if l.strip()]
names = {r['ref']: r['name'] for r in seed if r['kind'] == 'person'}
want = sorted((names[x['person']], x.get('article', '')) for r in seed
              if r['kind'] == 'hearing' and '2024-02-05' <= r.get('date', '') <= '2024-02-11'
              for x in r.get('verdicts', []))
assert len(want) >= 2 and sorted((r['people'], r['articles']) for r in v) == want, (v, want)
assert sorted((r['people'], r['outcome']) for r in v) == [('Chao Veasna', 'convicted')] + [('Chhorn Phalla', 'convicted (verdict in absentia)')] * 3, v
p = sec('partial_dates')
assert len(p) == 2 and all(r['date'] == '2024-02' for r in p), p
u = sec('upcoming_hearings')
assert [(r['date'], r['people']) for r in u] == [('2024-02-15', 'Kang Saran')], u
# where the date comes from, said so that a partner does not read it as a source document
assert [r['label'] for r in u] == ['a hearing logged for that day'], u
# days in detention as numbers: a range where the dates give one (Eng Sroy's arrest is dated to
# July 2023), the count alone where they are exact; a group of unnamed defendants by its label
# and number (the NagaWorld strikers arrested in 2021, 002 para 29: no number given, counted to
# the source's date)
d = {r['people']: (r['count'], r['at_least'], r['at_most']) for r in sec('pretrial_detention')
     if r['label'] != 'detained, no dated arrest'}
assert d == {'Eng Sroy': ('', '195', '225'), 'Ny Nak': ('37', '37', '37'),
             'a number of trade unionists and workers of the NagaWorld casino (number not given)':
             ('', '152', '545')}, d
# then those a case records as held before a verdict with no arrest logged (the Cambodian
# National Heart Party's president, 002 para 31): no days
n = [r for r in sec('pretrial_detention') if r['label'] == 'detained, no dated arrest']
assert 'president of the Cambodian National Heart Party (1 unnamed)' in [r['people'] for r in n], n
assert all(r['count'] == r['at_least'] == r['at_most'] == '' for r in n), n
c = {r['label']: (r['count'], r['previous_count']) for r in sec('comparison')}
assert c['hearings monitored by the team'] == ('0', '0'), c
assert c['hearings reported in documents'] == ('2', '0'), c
assert c['hearings, every account'] == ('2', '0'), c
PY
checks=$((checks + 1))

# JSON: the same content with stable field names
out=$(cat "$WORK/week.json")
json "d['period'] == {'from': '2024-02-05', 'to': '2024-02-11'} and d['week'] == '2024-W06'"
json "d['timezone'] == 'Asia/Phnom_Penh' and d['empty'] is False"
json "sorted(h['case']['defendants'][0]['person']['name'] for h in d['hearings']) == ['Chao Veasna', 'Chhorn Phalla']"
json "all(h['date'] == '2024-02-07' and h['outcome'] == 'verdict' for h in d['hearings'])"
json "all(h['view'] == 'un' and h['own_observation'] is False for h in d['hearings'])"
json "d['comparison']['hearings_own'] == {'current': 0, 'previous': 0, 'current_views': [], 'previous_views': []} and d['comparison']['hearings_reported'] == {'current': 2, 'previous': 0, 'current_views': ['un'], 'previous_views': []}"
json "all(v['view'] == 'un' for v in d['verdicts'])"
json "{v['person']['name'] for v in d['verdicts']} == {'Chao Veasna', 'Chhorn Phalla'} and {v['date'] for v in d['verdicts']} == {'2024-02-07'}"
json "len(d['verdicts']) == $("$PY" -c "import csv,sys; print(sum(1 for r in csv.reader(open(sys.argv[1], newline='')) if r[0] == 'verdicts'))" "$WORK/week.csv")"
json "{v['sentence'] for v in d['verdicts'] if v['person']['name'] == 'Chao Veasna'} == {\"three years' imprisonment\"}"
json "d['arrests_and_charges'] == {'events': [], 'by_article': [], 'groups': {'incitement_494_495': 0, 'lese_majeste_437bis': 0, 'other_articles': 0, 'no_article': 0}, 'groups_people': {'incitement_494_495': 0, 'lese_majeste_437bis': 0, 'other_articles': 0, 'no_article': 0}}"
json "[(u['date'], u['source']) for u in d['upcoming_hearings']] == [('2024-02-15', 'hearing')]"
json "[p['precision'] for p in d['partial_dates']] == ['month', 'month']"
# Eng Sroy's arrest is dated to July 2023 (001 para 39): 195 to 225 days by 11 February, and
# listed first by the least of them; no exact figure is claimed.
json "[(p['person'] and p['person']['name'], p['group'], p['count'], p['days'], p['days_at_least'], p['days_at_most'], p['since']) for p in d['pretrial_detention']] == [('Eng Sroy', None, 1, None, 195, 225, '2023-07'), (None, 'a number of trade unionists and workers of the NagaWorld casino', None, None, 152, 545, '2021'), ('Ny Nak', None, 1, 37, 37, 37, '2024-01-05')]"
json "d['pretrial_detention_people'] == {'people': 3, 'at_least': True, 'named': 2, 'in_groups': 1, 'groups': 1, 'groups_number_not_given': 1, 'held_at_period_end': {'people': 2, 'at_least': False}, 'last_reported_before_end': {'listed': 1, 'people': 1, 'at_least': True, 'latest': '2022-06'}, 'may_begin_after_end': {'listed': 0, 'people': 0, 'at_least': False}, 'may_have_ended_before_end': {'listed': 0, 'people': 0, 'at_least': False}, 'accounts_differ': {'listed': 0, 'people': 0}}"
# Chhorn Phalla's conviction on three articles is one verdict with three rows: verdicts count
# one per defendant and ruling.
json "[d['comparison']['verdicts'][k] for k in ('current', 'previous')] == [2, 0] and len(d['verdicts']) == 4"
json "sorted((v['person']['name'], v['ruling'], v['decision']) for v in d['verdicts'])[1:] == [('Chhorn Phalla', 1, 1)] * 3"
# Chhorn Phalla was tried in absentia (001 para 38): his rows say so in every format, and
# the JSON carries each row's notes as the Markdown does.
json "[(v['person']['name'], v['in_absentia']) for v in d['verdicts']] == [('Chao Veasna', False)] + [('Chhorn Phalla', True)] * 3"
json "[h['notes'] for h in d['hearings'] if h['case']['title'].startswith('Chhorn')] == ['Tried and sentenced in absentia.']"
json "all(v['notes'] == 'Tried and sentenced in absentia.' for v in d['verdicts'] if v['person']['name'] == 'Chhorn Phalla')"
json "any('2 verdicts and rulings were recorded (account: UN): 2 convicted; the table has 4 rows, one per charge a ruling names.' in s for s in d['summary'])"
json "list(d) == ['report', 'format_version', 'period', 'pretrial_counted_to', 'week', 'previous_period', 'upcoming_period', 'filter', 'timezone', 'empty', 'header', 'summary', 'confidential', 'unresolved_conflicts', 'doubled_entries', 'hearings', 'hearings_set', 'hearings_missed', 'fair_trial_indicators', 'arrests_and_charges', 'verdicts', 'releases', 'case_events', 'visits', 'demonstrations', 'incidents', 'upcoming_hearings', 'pretrial_detention', 'pretrial_detention_people', 'taken_into_pretrial_detention', 'held_no_arrest_logged', 'held_no_arrest_logged_people', 'arrested_not_held', 'partial_dates', 'tallies', 'undated_records', 'comparison']"

# HTML: well formed (every element closed in order), self-contained, the names in the text
"$PY" - "$WORK/week.html" <<'PY' || fail "HTML check"
import sys
from html.parser import HTMLParser
VOID = {'meta', 'br', 'link', 'img', 'hr', 'input'}
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.tags, self.cells = [], [], [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in VOID: self.stack.append(tag)
        if tag == 'td': self.cells.append('')
    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()
    def handle_data(self, data):
        self.text.append(data)
        if self.stack and self.stack[-1] == 'td': self.cells[-1] += data
p = P()
p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()
assert not p.stack, p.stack
assert 'script' not in p.tags and 'link' not in p.tags and 'img' not in p.tags
assert p.tags.count('section') == 18 and p.tags[0] == 'html'  # the summary, then 17 tables
# Each row's account carries the number of its source, listed in the last table by number:
# the Chao Veasna verdict cites para 35 of the Secretary-General's report, in every table.
rows = p.cells
i = rows.index('Chao Veasna — incitement (election)')
n = rows[i - 1].removeprefix('UN [').removesuffix(']')
assert rows[i - 1] == 'UN [%s]' % n and n.isdigit(), rows[i - 1]
j = rows.index('[%s]' % n)
assert rows[j + 1] == "Secretary-General's report on OHCHR in Cambodia, HRC 57th session (26 August 2024), para 35", rows[j + 1]
assert rows[j + 2:].count('[%s]' % n) == 0 and rows[:j].count('[%s]' % n) == 0
numbers = rows[rows.index('[1]')::2]  # the list's two columns: number, source
assert numbers == ['[%d]' % k for k in range(1, len(numbers) + 1)], numbers
assert 'Chao Veasna' in p.cells and 'Chhorn Phalla' in p.cells
assert any(c.startswith('prison term three years; ban five years') for c in p.cells)
assert 'Chhorn Phalla — public defamation, incitement to discriminate, insult' in p.cells
assert p.cells.count('convicted (verdict in absentia)') == 3, p.cells
PY
checks=$((checks + 1))

# Markdown: every table row has as many cells as its header
"$PY" - "$WORK/week.md" <<'PY' || fail "Markdown tables"
import re, sys
width = None
for line in open(sys.argv[1], encoding='utf-8'):
    if not line.startswith('|'):
        width = None
        continue
    cells = len(re.findall(r'(?<!\\)\|', line)) - 1
    if width is None: width = cells
    assert cells == width, line
PY
checks=$((checks + 1))

# iCalendar: the hearings of the week and the next two weeks, parsed by python3-icalendar
ICS_PY=
for p in "$PY" python3 /usr/bin/python3; do
	if "$p" -c 'import icalendar' 2>/dev/null; then ICS_PY=$p; break; fi
done
[ -n "$ICS_PY" ] || fail "python3-icalendar is needed (apt-get install python3-icalendar)"
ok cw export --format ics --from 2024-02-05 --to 2024-02-25 -o "$WORK/week.ics"
"$ICS_PY" - "$WORK/week.ics" <<'PY' || fail "iCalendar check"
import datetime, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = [c for c in cal.walk('VEVENT')]
assert len(ev) == 3, [str(e['SUMMARY']) for e in ev]
got = sorted((e.decoded('DTSTART'), str(e['SUMMARY'])) for e in ev)
assert got[0] == (datetime.date(2024, 2, 7), 'Hearing: Chao Veasna — incitement (election)'), got
assert got[1][1] == 'Hearing: Chhorn Phalla — public defamation, incitement to discriminate, insult', got
assert got[2][0] == datetime.date(2024, 2, 15) and 'Kang Saran' in got[2][1], got
assert all(e.decoded('DTEND') - e.decoded('DTSTART') == datetime.timedelta(days=1) for e in ev)
uids = [str(e['UID']) for e in ev]
assert len(set(uids)) == 3 and all(len(u.split('@')[0]) == 32 for u in uids), uids
assert all('Battambang Appeal Court' == str(e['LOCATION']) for e in ev if '15' in str(e.decoded('DTSTART')))
PY
checks=$((checks + 1))
done_ok
