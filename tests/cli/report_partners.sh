#!/bin/sh
# What a partner receives: the header (organisation from the config file or --organisation,
# period, author, when it was made, the confidentiality note), a written summary whose every
# number is checked against the JSON figures and the tables of the same report, the fair-trial
# indicators across the week's hearings with their notes, and labels, never internal codes, in
# the Markdown and HTML reports. The clock is fixed, so "generated on" is known.
. "$TESTLIB"
set -e
PY=${PYTHON3:-python3}
export CASEWATCH_NOW=2024-02-12T03:00:00Z CASEWATCH_AUTHOR="Sok Dara"

ok cw init
ok cw person add --name "Chhim Sithar" --name-km "ឈឹម ស៊ីថា"
ok cw person add --name "Ny Nak"
ok cw case add --title "NagaWorld strike" --court "Phnom Penh Court of First Instance" \
	--stage trial --defendant "Chhim Sithar" --custody detained --charge 494/495
ok cw case add --title "Ny Nak incitement" --court "Phnom Penh Court of First Instance" \
	--defendant "Ny Nak" --custody detained --charge 494/495
# three hearings the team sat in: two adjourned, one verdict; indicators with notes
ok cw log hearing --case NagaWorld --date 2024-02-05 --time 09:00 --view own \
	--source "own observation" --outcome adjourned --next-date 2024-02-19 \
	--indicator public_hearing=no:"gallery closed" --indicator counsel_of_choice=yes \
	--indicator interpreter=na --notes "family kept outside"
ok cw log hearing --case NagaWorld --date 2024-02-06 --view own --source "own observation" \
	--outcome adjourned --indicator public_hearing=no:"police at the door" \
	--indicator counsel_of_choice=no:"lawyer denied the file" --press-admitted no
ok cw log hearing --case "Ny Nak" --date 2024-02-08 --view own --source "own observation" \
	--outcome verdict --verdict "494=convicted@Ny Nak" --sentence "18 months" \
	--indicator public_hearing=yes --indicator reasoned_judgment=no:"no reasons read out"
# one hearing a UN document reports: counted apart, its indicator apart
ok cw log hearing --case "Ny Nak" --date 2024-02-07 --view un --source "A/HRC/57/x para 40" \
	--outcome adjourned --indicator public_hearing=no:"closed to the public (UN)"
# an arrest under 494/495, as the team saw it
ok cw log milestone --person "Ny Nak" --case "Ny Nak" --date 2024-02-05 --type arrest \
	--view own --source "own observation" --notes "taken at home at night"

# ---- the header: organisation from the config file, the default note, author, clock
mkdir -p "$XDG_CONFIG_HOME/casewatch"
printf 'organisation = Cambodian Monitoring Group\n' >"$XDG_CONFIG_HOME/casewatch/config"
ok cw report --week 2024-W06
has "Organisation: Cambodian Monitoring Group  "
has "Period: 2024-02-05 to 2024-02-11 (ISO week 2024-W06)  "
has "Author: Sok Dara  "
has "Generated on: 2024-02-12 10:00 (UTC+7)  "
has "Confidentiality: Confidential: for the named partners only  "
md_default=$out
# options win over the config file; the note from the config file
printf 'organisation = Cambodian Monitoring Group\nconfidentiality = Not for publication before 1 March\n' \
	>"$XDG_CONFIG_HOME/casewatch/config"
ok cw report --week 2024-W06 --organisation "LICADHO (test)"
has "Organisation: LICADHO (test)  "
has "Confidentiality: Not for publication before 1 March  "
ok cw report --week 2024-W06 --confidentiality "For OHCHR Phnom Penh only"
has "Confidentiality: For OHCHR Phnom Penh only  "
rm "$XDG_CONFIG_HOME/casewatch/config"
# without an organisation the line is left out, never made up
ok cw report --week 2024-W06
lacks "Organisation:"
fails 65 organisation cw report --week 2024-W06 --organisation "$(printf 'a\001b')"
printf 'organisation =\n' >"$XDG_CONFIG_HOME/casewatch/config"
fails 78 organisation cw report --week 2024-W06
rm "$XDG_CONFIG_HOME/casewatch/config"

# the header's values are escaped like any text: no markup, no formula, no broken table
ok cw report --week 2024-W06 --organisation '<b>Team</b> | *x*'
has 'Organisation: \<b\>Team\</b\> \| \*x\*  '
ok cw report --week 2024-W06 --format html --organisation '<b>Team</b>'
has '&lt;b&gt;Team&lt;/b&gt;'
ok cw report --week 2024-W06 --format csv --confidentiality '=HYPERLINK("x")'
has "\"'=HYPERLINK(\"\"x\"\")\""

# every format has the header
for f in html csv json; do
	ok cw report --week 2024-W06 --format $f --organisation "Cambodian Monitoring Group"
	has "Cambodian Monitoring Group"
	has "Confidential: for the named partners only"
	has "2024-02-12 10:00 (UTC+7)"
	has "Sok Dara"
done

# ---- the summary: its sentences from the same figures the tables and the JSON give
ok cw report --week 2024-W06 --format json
printf '%s\n' "$out" >"$WORK/week.json"
printf '%s\n' "$md_default" >"$WORK/week.md"
"$PY" - "$WORK/week.json" "$WORK/week.md" <<'PY' || fail "summary against the figures"
import json, re, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
md = open(sys.argv[2], encoding='utf-8').read()
c = {k: v['current'] for k, v in d['comparison'].items()}
s = d['summary']
assert d['header']['author'] == 'Sok Dara' and d['header']['generated'] == '2024-02-12 10:00 (UTC+7)', d['header']
own = [h for h in d['hearings'] if h['own_observation']]
rep = [h for h in d['hearings'] if not h['own_observation']]
adj = sum(1 for h in own if h['outcome'] == 'adjourned')
ver = sum(1 for h in own if h['outcome'] == 'verdict')
assert (len(own), adj, ver) == (3, 2, 1), (len(own), adj, ver)
want = 'The team monitored %d hearings: %d adjourned, %d with a verdict.' % (c['hearings_own'], adj, ver)
assert s[0] == want, (s[0], want)
assert s[1] == 'Documents report %d hearing the team did not observe (account: UN): 1 adjourned.' % c['hearings_reported'], s[1]
# the indicators not met, as the fair-trial table counts them
fair = {(f['indicator'], f['hearings']): f for f in d['fair_trial_indicators']}
ph = fair[('public_hearing', 'own')]
assert (ph['met'], ph['not_met'], ph['not_applicable'], ph['unknown']) == (1, 2, 0, 0), ph
cc = fair[('counsel_of_choice', 'own')]
assert (cc['met'], cc['not_met'], cc['unknown']) == (1, 1, 1), cc
assert fair[('interpreter', 'own')]['not_applicable'] == 1
assert fair[('press_admitted', 'own')]['not_met'] == 1
# ... and the hearing's own row says so, as it says the public or monitors kept out
assert [h['press_admitted'] for h in own if h['date'] == '2024-02-06'] == ['no'], own
assert fair[('public_hearing', 'reported')]['not_met'] == 1
assert s[2] == ('At the hearings the team monitored, fair-trial indicators not met: public hearing '
                '(%d hearings), counsel of own choosing (1 hearing), reasoned judgment (1 hearing), '
                'press not admitted (1 hearing).' % ph['not_met']), s[2]
assert s[3] == 'At the hearings documents report, fair-trial indicators not met: public hearing (1 hearing).', s[3]
g = d['arrests_and_charges']['groups']
# the arrested person was convicted at the hearing of 8 February: not listed, and why said
assert s[4] == ('%d new arrest; %d under 494/495 incitement (account: own observation); 1 person '
                'arrested is not listed below as held: a ruling on them after the arrest (a '
                'verdict or sentence) ended their pretrial detention, and detention after a '
                'ruling is not counted here.' % (
                    c['arrests'], g['incitement_494_495'])), s[4]
conv = sum(1 for v in d['verdicts'] if v['result'] == 'convicted')
assert s[5] == '%d verdict or ruling was recorded (account: own observation): %d convicted.' % (
    c['verdicts'], conv), s[5]
# the same sentences in the Markdown, under its Summary heading
para = md.split('## Summary\n\n', 1)[1].split('\n', 1)[0]
assert para.startswith(' '.join(s[:6])), para
# each number in the Markdown summary is one the tables show: count the table rows
def rows(title):
    part = md.split('## ' + title, 1)[1].split('\n## ', 1)[0]
    return [l for l in part.splitlines() if l.startswith('| ') and not l.startswith('| Date') and not l.startswith('| ---')]
assert len(rows('Hearings the team went to')) == 3
assert sum(1 for r in rows('Hearings the team went to') if '| adjourned |' in r) == adj
assert len(rows('Hearings reported in documents')) == 1
assert len(rows('New arrests and charges')) == c['arrests']
PY
checks=$((checks + 1))

# ---- the fair-trial table: counts and the notes, each naming its hearing
out=$md_default
has "## Fair-trial indicators at the period's hearings"
has "| Indicator | Hearings | Met | Not met | Not applicable | Unknown | Notes (and the hearing each is from) |"
has "| public hearing | monitored by the team | 1 | 2 | 0 | 0 | no: gallery closed (hearing of 2024-02-05, NagaWorld strike); no: police at the door (hearing of 2024-02-06, NagaWorld strike) |"
has "| counsel of own choosing | monitored by the team | 1 | 1 | 0 | 1 | no: lawyer denied the file (hearing of 2024-02-06, NagaWorld strike) |"
# the hearing's row lists every answer no, the press kept out too
has "; counsel of own choosing: lawyer denied the file; press not admitted |"
has "| public hearing | reported in documents | 0 | 1 | 0 | 0 | no: closed to the public (UN) (hearing of 2024-02-07, Ny Nak incitement) |"
# the notes of every kind of row
has "family kept outside"
has "taken at home at night"

# ---- --lang km: the report's headings, labels and sentences in Khmer (po/km.po); the
# database's own text as it was written; English again with --lang en, whatever LANG says.
# The Khmer expected is read from the built catalogue (gettext(1)), so a better wording in
# km.po does not break the test, and each must be Khmer script, not the English fallback.
km() {
	LC_ALL=C.UTF-8 LANGUAGE=km TEXTDOMAINDIR="$CASEWATCH_LOCALEDIR" gettext -d casewatch "$1"
}
khmer() {
	printf '%s' "$1" | "$PY" -c 'import sys; t = sys.stdin.read(); sys.exit(0 if any("\u1780" <= c <= "\u17ff" for c in t) else 1)' ||
		fail "no Khmer in the catalogue for: $1"
}
ok cw report --week 2024-W06 --lang km
for msgid in "Summary" "Hearings the team went to" "Fair-trial indicators at the period's hearings" \
	"Period" "Confidentiality" "Indicator" "Not met" "Confidential: for the named partners only"; do
	t=$(km "$msgid")
	khmer "$t"
	has "$t"
done
has "## $(km Summary)"
has "## $(km "Hearings the team went to") (3)"
has "$(km Confidentiality): $(km "Confidential: for the named partners only")  "
# the summary's first sentence, built from the catalogue's plural form and its full stop
first=$(LC_ALL=C.UTF-8 LANGUAGE=km TEXTDOMAINDIR="$CASEWATCH_LOCALEDIR" ngettext -d casewatch \
	"The team monitored %zu hearing" "The team monitored %zu hearings" 3 | sed 's/%zu/3/')
has "$first$(km ': ')"
has "$(km .)"
has "gallery closed"
lacks "## Summary"
lacks "Hearings the team went to"
lacks "Fair-trial indicators"
# Whose account a row gives cannot read as the organisation that sends the report (a field
# trial: NGO and Organisation were both អង្គការ), nor two accounts as one: each account's
# label and short form differs from every other and from the header's "Organisation".
seen=""
for msgid in "UN" "government" "media" "NGO" "own observation" "other" "gov" "own" "Organisation"; do
	t=$(km "$msgid")
	khmer "$t"
	case "$seen" in *"|$t|"*) fail "two labels read the same in Khmer: $t ($msgid)" ;; esac
	seen="$seen|$t|"
done
checks=$((checks + 1))
# --lang is the reader's: what is said at the terminal stays in the user's language (a field
# trial: "wrote FILE" came in Khmer to an English-speaking monitor), and a Khmer-speaking
# monitor writing an English report is told in Khmer.
ok cw report --week 2024-W06 --lang km -o "$WORK/km-out.md"
[ "$out" = "wrote $WORK/km-out.md" ] || fail "the status line followed --lang km: $out"
grep -q "^## $(km Summary)" "$WORK/km-out.md" || fail "the report is not in Khmer"
wrote_km=$(LC_ALL=C.UTF-8 LANGUAGE=km TEXTDOMAINDIR="$CASEWATCH_LOCALEDIR" gettext -e -d casewatch 'wrote %s\n')
khmer "$wrote_km"
LC_ALL=C.UTF-8 LANGUAGE=km ok cw report --week 2024-W06 --lang en -o "$WORK/en-out.md"
[ "$out" = "$(printf "$wrote_km" "$WORK/en-out.md")" ] || fail "a Khmer user is not told in Khmer: $out"
grep -q "^## Summary" "$WORK/en-out.md" || fail "the report is not in English"
checks=$((checks + 4))
# Without a Khmer catalogue installed, --lang km is refused (74) before anything is written:
# an English report sent as Khmer would go unnoticed.
mkdir -p "$WORK/no-locale"
CASEWATCH_LOCALEDIR="$WORK/no-locale" fails 74 lang cw report --week 2024-W06 --lang km \
	--output "$WORK/km-report.md"
grep -q "casewatch: lang: no Khmer translation is installed" "$WORK/stderr" ||
	fail "no message for a missing catalogue: $(cat "$WORK/stderr")"
[ ! -e "$WORK/km-report.md" ] || fail "a report written without its language"
checks=$((checks + 2))
ok cw report --week 2024-W06 --lang km --format html
has '<html lang="km">'
LANG=km_KH.UTF-8 ok cw report --week 2024-W06 --lang en
has "## Summary"
has "## Fair-trial indicators at the period's hearings"
fails 2 lang cw report --week 2024-W06 --lang fr
# offence and law names are read in the reader's language too (the record view, the table of
# articles); JSON keeps the English names other tools match on
offence=$(km "incitement to commit a felony")
khmer "$offence"
LANGUAGE=km ok cw articles
has "$offence"
has "$(km "Criminal Code")"
lacks "incitement to commit a felony"
LANGUAGE=km ok cw show "NagaWorld strike"
has "494 ($offence)"
LANGUAGE=km ok cw articles --json
json "[a['offence'] for a in d if a['article'] == '494'] == ['incitement to commit a felony'] and {a['law'] for a in d} >= {'Criminal Code'}"

# ---- labels, never internal codes: Markdown, and the text of the HTML
ok cw report --week 2024-W06 --format html -o "$WORK/week.html"
"$PY" - "$WORK/week.html" "$WORK/week.md" <<'PY' || fail "an internal code in the report"
import re, sys
from html.parser import HTMLParser
class T(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.text = []
    def handle_data(self, data): self.text.append(data)
t = T(); t.feed(open(sys.argv[1], encoding='utf-8').read())
texts = {'html': ' '.join(t.text), 'md': open(sys.argv[2], encoding='utf-8').read()}
codes = ['public_hearing', 'pretrial_detention', 'counsel_of_choice', 'reasoned_judgment',
         'press_admitted', 'hearings_own', 'own_observation', 'first_instance', 'bail_decision',
         'not_met', 'incitement_494_495']
for name, text in texts.items():
    for code in codes:
        assert code not in text.replace('\\_', '_'), (name, code)
    # no word_with_underscores at all, in what a person reads
    m = re.findall(r'\b[a-z]+_[a-z_]+\b', text.replace('\\_', '_'))
    assert not m, (name, m)
PY
checks=$((checks + 1))
# ---- who is arrested and not listed as held, and why, as data: the summary said it only in a
# sentence. JSON gives each with a stable reason and the person as the detention table does
# (a confidential one's id withheld in a report for others), CSV a row each in its own section.
DB="$WORK/unlisted"
ok cw init
for p in "Bailed" "Convicted" "Enforced" "After Verdict" "Not Detained"; do
	ok cw person add --name "$p"
done
ok cw person add --name "Hidden Witness" --confidential
hidden=$(added_id person)
ok cw case add --title "Bail case" --stage trial --defendant "Bailed" --custody detained --view own
ok cw case add --title "Trial case" --stage trial --defendant "Convicted" --custody detained \
	--view own
ok cw case add --title "Absentia case" --stage verdict --defendant "Enforced" \
	--custody detained --view own
ok cw case add --title "Verdict case" --stage appeal --defendant "After Verdict" \
	--custody detained --view own
ok cw case add --title "Free case" --stage trial --defendant "Not Detained" --custody released \
	--view own
ok cw case add --title "Land case" --unnamed "5 Kratie villagers" --custody released --view own
ok cw log milestone --person "Bailed" --case "Bail case" --type arrest --date 2023-08-01 --view own
ok cw log milestone --person "Bailed" --case "Bail case" --type bail --outcome granted \
	--date 2023-08-10 --view own
ok cw log milestone --person "Convicted" --case "Trial case" --type arrest --date 2023-08-02 \
	--view own
ok cw log milestone --person "Convicted" --case "Trial case" --type verdict --result convicted \
	--date 2023-10-02 --view own
ok cw log milestone --person "Enforced" --case "Absentia case" --type in_absentia_verdict \
	--result convicted --date 2022-03-01 --view own
ok cw log milestone --person "Enforced" --case "Absentia case" --type arrest --date 2023-09-01 \
	--view own
ok cw log milestone --person "After Verdict" --case "Verdict case" --type arrest \
	--date 2023-09-02 --view own
ok cw log milestone --person "Not Detained" --case "Free case" --type arrest --date 2023-09-03 \
	--view own
ok cw log milestone --case "Land case" --group "Kratie villagers" --count 5 --type arrest \
	--date 2023-09-04 --view own
ok cw log milestone --person "Hidden Witness" --type arrest --date 2023-09-05 --view un \
	--source "OHCHR note"
ok cw report --from 2023-07-01 --to 2023-12-31 --format json
json "sorted((x['person']['name'] if x['person'] else x['group'], x['count'], x['reason'], x['case_title']) for x in d['arrested_not_held']) == [
	('After Verdict', 1, 'post_verdict_stage', 'Verdict case'),
	('Bailed', 1, 'released', 'Bail case'),
	('Convicted', 1, 'ruling_after_arrest', 'Trial case'),
	('Enforced', 1, 'ruling_before_arrest', 'Absentia case'),
	('Kratie villagers', 5, 'case_not_detained', 'Land case'),
	('Not Detained', 1, 'case_not_detained', 'Free case'),
	('[confidential]', 1, 'no_case', None)]"
# the ids as the detention table gives them: a person's, but not a confidential person's
json "all(len(x['arrest_id']) == 32 and (x['person'] is None or x['person']['name'] == '[confidential]' or len(x['person']['id']) == 32) for x in d['arrested_not_held'])"
json "[x['person']['id'] for x in d['arrested_not_held'] if x['reason'] == 'no_case'] == [None]"
json "'$hidden' not in json.dumps(d)"
json "sum(x['count'] for x in d['arrested_not_held']) == 11 and '11 people arrested are not listed below as held' in ' '.join(d['summary'])"
ok cw report --from 2023-07-01 --to 2023-12-31 --format json --include-confidential
json "[(x['person']['id'], x['person']['name']) for x in d['arrested_not_held'] if x['reason'] == 'no_case'] == [('$hidden', 'Hidden Witness')]"
# A public person arrested in a confidential case: a report for others says no case (a review
# found "held in a case this report does not cover", which tells that such a case exists).
DB="$WORK/unlisted-secret"
ok cw init
ok cw person add --name "Public Person"
ok cw case add --title "Secret case" --defendant "Public Person" --custody detained \
	--stage trial --confidential --view own
ok cw log milestone --person "Public Person" --case "Secret case" --type arrest \
	--date 2023-09-06 --view own
ok cw report --from 2023-07-01 --to 2023-12-31 --format json
json "[x['reason'] for x in d['arrested_not_held']] == ['not_shown']"
json "'1 person arrested is not listed below as held: no record this report shows says they were held.' in ' '.join(d['summary'])"
lacks "does not cover"
ok cw report --from 2023-07-01 --to 2023-12-31 --format json --include-confidential
json "d['arrested_not_held'] == [] and [p['person']['name'] for p in d['pretrial_detention']] == ['Public Person']"
DB="$WORK/unlisted"
ok cw report --from 2023-07-01 --to 2023-12-31 --format csv
printf '%s\n' "$out" >"$WORK/unlisted.csv"
"$PY" - "$WORK/unlisted.csv" "$hidden" <<'PY' || fail "the CSV's rows of those arrested and not listed as held"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
mine = [r for r in rows if r['section'] == 'arrested_not_held']
got = sorted((r['people'], r['people_count'], r['label'], r['case']) for r in mine)
assert got == [
    ('5 Kratie villagers', '5', 'case_not_detained', 'Land case'),
    ('After Verdict', '1', 'post_verdict_stage', 'Verdict case'),
    ('Bailed', '1', 'released', 'Bail case'),
    ('Convicted', '1', 'ruling_after_arrest', 'Trial case'),
    ('Enforced', '1', 'ruling_before_arrest', 'Absentia case'),
    ('Not Detained', '1', 'case_not_detained', 'Free case'),
    ('[confidential]', '1', 'no_case', '')], got
# each with its record's id, account, date, and why as the summary says it
conv = [r for r in mine if r['label'] == 'ruling_after_arrest'][0]
assert conv['date'] == '2023-08-02' and conv['account'] == 'own observation' and len(conv['record_id']) == 32, conv
assert conv['detail'].startswith('a ruling on them after the arrest (a verdict or sentence)'), conv
assert all(len(r['person_ids']) == 32 for r in mine if r['people'] not in ('[confidential]', '5 Kratie villagers')), mine
wit = [r for r in mine if r['label'] == 'no_case'][0]
assert wit['person_ids'] == '' and wit['account'] == 'UN', wit
assert sys.argv[2] not in open(sys.argv[1], encoding='utf-8').read()
# counted in the CSV's list of sections, as every section is
meta = [r for r in rows if r['section'] == 'report' and r['label'] == 'arrested_not_held']
assert [m['count'] for m in meta] == ['7'], meta
PY
checks=$((checks + 1))
# the formats people read say it in the summary alone
ok cw report --from 2023-07-01 --to 2023-12-31
has "11 people arrested are not listed below as held"
lacks "ruling_after_arrest"
lacks "Arrested, not listed as held"
done_ok
