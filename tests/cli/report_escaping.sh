#!/bin/sh
# Hostile text from the database cannot break a format: quotes, commas, semicolons,
# backslashes, pipes, <script>, newlines and tabs in notes, and a Khmer line of several hundred
# bytes, through Markdown, HTML, CSV, JSON and iCalendar, each read back by a real parser that
# must give back exactly the text that was stored.
. "$TESTLIB"
set -e
PY=${PYTHON3:-python3}
ICS_PY=
for p in "$PY" python3 /usr/bin/python3; do
	if "$p" -c 'import icalendar' 2>/dev/null; then ICS_PY=$p; break; fi
done
[ -n "$ICS_PY" ] || fail "python3-icalendar is needed (apt-get install python3-icalendar)"

name='O'"'"'Brien "Bob", the | <script>alert(1)</script> & co &amp; sons'
khmer=$("$PY" -c 'print("ឈឹម ស៊ីថា នៅ​តុលាការ " * 3)' | sed 's/ *$//')
long=$("$PY" -c 'print("ឈឹម ស៊ីថា នៅ​តុលាការ " * 7)' | sed 's/ *$//')
title="$long | ក្តី, \"ដើម\"; =SUM(A1)"
court='Court; of, Appeal \ <b>bold</b>'
notes='first line, "quoted" | piped
	second line <i>tab</i> \\ end'
export name khmer title court notes

ok cw init
ok cw person add --name "$name" --name-km "$khmer"
ok cw case add --title "$title" --court "$court" --defendant "$name" --custody detained \
	--charge 494
ok cw log hearing --case "ក្តី" --date 2024-02-07 --time 07:30 --court "$court" \
	--indicator public_hearing=no:"$name" --outcome adjourned --adjourn-reason "$name" \
	--next-date 2024-02-14
ok cw log hearing --case "ក្តី" --date 2024-02 --notes "$notes"
ok cw log milestone --person "$name" --case "ក្តី" --date 2024-02-06 --type arrest \
	--detail "$title"
for f in md html csv json; do
	ok cw report --week 2024-W06 --format $f -o "$WORK/r.$f"
done
ok cw export --format ics --from 2024-02-01 -o "$WORK/h.ics"
ok cw export --format csv -o "$WORK/e.csv"

"$PY" - "$WORK" <<'PY' || fail "escaping"
import csv, json, os, re, sys
from html.parser import HTMLParser
w = sys.argv[1]
name, khmer, title, court, notes = (os.environ[k] for k in ('name', 'khmer', 'title', 'court', 'notes'))
assert len(title.encode()) > 300
person = '%s (%s)' % (name, khmer)

# CSV: exact cells back, the notes with their line break and tab
rows = list(csv.DictReader(open(w + '/r.csv', newline='', encoding='utf-8'), strict=True))
h = [r for r in rows if r['section'] == 'hearings_reported']
assert len(h) == 1 and h[0]['people'] == person and h[0]['court_or_place'] == court, h
assert h[0]['case'] == title, (h[0]['case'], title)  # starts with Khmer, not a formula
assert h[0]['concerns'] == 'public hearing: ' + name
p = [r for r in rows if r['section'] == 'partial_dates']
assert len(p) == 1 and p[0]['detail'] == notes, p
a = [r for r in rows if r['section'] == 'arrests_charges']
assert a[0]['detail'] == title and a[0]['people'] == person, a
e = list(csv.DictReader(open(w + '/e.csv', newline='', encoding='utf-8'), strict=True))
assert {r['case'] for r in e} == {title}, e
assert any(r['detail'] == title for r in e)

# JSON: exact strings
d = json.load(open(w + '/r.json', encoding='utf-8'))
hj = d['hearings'][0]
assert hj['case']['title'] == title and hj['court'] == court and hj['adjourn_reason'] == name
assert hj['case']['defendants'][0]['person'] == {'id': hj['case']['defendants'][0]['person']['id'], 'name': name, 'name_km': khmer}
assert hj['fair_trial_no'] == [{'indicator': 'public_hearing', 'note': name}]
assert d['partial_dates'][0]['record']['notes'] == notes

# HTML: no element made from the data; the cells hold the text
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.cells, self.stack = [], [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == 'td': self.cells.append('')
        if tag not in ('meta', 'br'): self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack.pop() == tag, tag
    def handle_data(self, data):
        if self.stack and self.stack[-1] == 'td': self.cells[-1] += data
hp = P(); hp.feed(open(w + '/r.html', encoding='utf-8').read()); hp.close()
assert not {'script', 'b', 'i'} & set(hp.tags), set(hp.tags)
assert title in hp.cells and court in hp.cells and person in hp.cells, hp.cells[:8]
assert notes.replace("\n", "") in hp.cells, [c for c in hp.cells if "first" in c]  # the line break became <br>

# Markdown: tables keep their shape; nothing of the data is live markup
md = open(w + '/r.md', encoding='utf-8').read()
width = None
for line in md.split('\n'):
    if not line.startswith('|'):
        width = None
        continue
    n = len(re.findall(r'(?<!\\)\|', line))
    width = width or n
    assert n == width, line
assert '<script>' not in md and '<b>' not in md and '\\<script\\>' in md
# a line of the notes ends with <br> (a cell is one line), the tab is a space; no other
# markup is ours, every other < of the data escaped
assert 'first line, "quoted" \\| piped<br> second line' in md
assert not re.search(r'(?<!\\)<', md.replace('<br>', '')), 'live markup'
# an ampersand never starts an entity: "&amp;" in a name reads as written
assert not re.search(r'(?<!\\)&', md), 'live entity'
assert '\\&amp; sons' in md

# iCalendar: folded at 75 octets, never inside a UTF-8 sequence; values come back whole
raw = open(w + '/h.ics', 'rb').read()
assert raw.endswith(b'\r\n')
for line in raw.split(b'\r\n'):
    assert len(line) <= 75, line
    line.decode('utf-8')
assert b'\n' not in raw.replace(b'\r\n', b'')
PY
checks=$((checks + 1))

"$ICS_PY" - "$WORK/h.ics" <<'PY' || fail "iCalendar escaping"
import datetime, os, sys, icalendar
title, court, name, khmer = (os.environ[k] for k in ('title', 'court', 'name', 'khmer'))
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = sorted(cal.walk('VEVENT'), key=lambda e: str(e.decoded('DTSTART')))
assert len(ev) == 2, len(ev)
timed, nextd = ev
assert str(timed['SUMMARY']) == 'Hearing: ' + title
assert str(timed['LOCATION']) == court
start = timed.decoded('DTSTART')
assert start.replace(tzinfo=None) == datetime.datetime(2024, 2, 7, 7, 30), start
assert start.utcoffset() == datetime.timedelta(hours=7), start.utcoffset()
assert '%s (%s)' % (name, khmer) in str(timed['DESCRIPTION'])
assert nextd.decoded('DTSTART') == datetime.date(2024, 2, 14)
assert str(nextd['UID']).endswith('-next-20240214@casewatch')
PY
checks=$((checks + 1))

# A name that a spreadsheet would run as a formula is kept as text in CSV (a leading quote),
# and stays as written everywhere else.
formula='=HYPERLINK("http://example.invalid","x")'
export formula
ok cw person add --name "$formula"
ok cw export persons --format csv -o "$WORK/p.csv"
ok cw export persons --format json -o "$WORK/p.json"
"$PY" - "$WORK" <<'PY' || fail "formula in CSV"
import csv, json, os, sys
w, formula = sys.argv[1], os.environ['formula']
rows = list(csv.DictReader(open(w + '/p.csv', newline='', encoding='utf-8'), strict=True))
cells = [v for r in rows for v in r.values() if v and formula in v]
assert cells == ["'" + formula], cells
assert formula in [p['name'] for p in json.load(open(w + '/p.json'))]
PY
checks=$((checks + 1))
# A tab first is a formula too (OWASP): spreadsheets skip it and run what follows. Kept as text
# the same way, in exports and in reports, and as written in JSON.
tabbed=$(printf '\t=HYPERLINK("http://example.invalid","y")')
export tabbed
ok cw log visit --facility "Prey Sar" --date 2024-02-08 --follow-up "$tabbed"
ok cw export records --kind visit --format csv -o "$WORK/v.csv"
ok cw report --from 2024-02-05 --to 2024-02-11 --format csv -o "$WORK/r.csv"
ok cw export records --kind visit --format json -o "$WORK/v.json"
"$PY" - "$WORK" <<'PY' || fail "a cell starting with a tab in CSV"
import csv, json, os, sys
w, tabbed = sys.argv[1], os.environ['tabbed']
for f in ('v.csv', 'r.csv'):
    rows = list(csv.reader(open(w + '/' + f, newline='', encoding='utf-8'), strict=True))
    cells = [v for r in rows for v in r if 'HYPERLINK' in v]
    assert cells and not [v for v in cells if v[0] in '=+-@\t\r'], (f, cells)
    assert f == 'r.csv' or "'" + tabbed in cells, (f, cells)
assert tabbed in [r.get('follow_up') for r in json.load(open(w + '/v.json'))]
PY
checks=$((checks + 1))
done_ok
