#!/bin/sh
# The terminal interface in its scripted test mode (CASEWATCH_TUI_SCRIPT: keys in, screen text
# out, no terminal) on the demo data: lists, the filter line and its quick keys, a timeline,
# a record, forms with inline errors, saving, deleting, help, resizing, and no crash on a long
# run of arbitrary keys.
. "$(dirname "$0")/lib.sh"
set -e

ok cw seed "$SEED_FILE"
# What the command line says about the demo data, for the screens to agree with.
ok cw list records --article "437 bis" --json
n437=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n437" -gt 0 ] || fail "no 437 bis records in the demo data"
ok cw timeline "Kang Saran"
pretrial=$(printf '%s\n' "$out" | grep -o 'pretrial detention: [0-9]* days')

# Start: the records list under the tab bar, the count on the status line.
keys ''
has " 1 Cases   2 People   3 Records"
has "DATE       KIND"
has "records | 1/"
lines 24
# The demo data stays in a plain database, and every screen says so.
has "| not encrypted"

# Quick key for 437 bis: Kang Saran's records only, the filter and the count in the status bar.
keys 'b'
has "filter: article:\"437 bis\" | $n437 records match"
has "Kang Saran"
lacks "Kem Sokha"
# The article filtered on leads its column: 437 bis before 307/494/495, cut or not, and cut
# after it, never inside the next ("437 bis/30…" reads as article 30).
has "437 bis/…"
lacks "437 bis/3"
# The same with the filter line, then Esc clears it.
keys '/article:"437 bis"<Enter><Dump><Esc><Dump>'
screen 1
printf '%s\n' "$screen" | grep -qF "$n437 records match" || fail "filter line: $screen"
screen 2
printf '%s\n' "$screen" | grep -qF 'Kem Sokha' || fail "Esc did not clear: $screen"
printf '%s\n' "$screen" | grep -qF 'filter:' && fail "filter still shown: $screen"
# Quick key for 494/495 on the cases; pressing it again removes it.
keys '1i<Dump>i<Dump>'
screen 1
printf '%s\n' "$screen" | grep -qF 'article:494/495 | ' || fail "494/495: $screen"
printf '%s\n' "$screen" | grep -qF 'Kem Sokha — treason' && fail "494/495 shows Kem Sokha"
screen 2
printf '%s\n' "$screen" | grep -qF 'Kem Sokha — treason' || fail "second i kept the filter"
# A bad filter names the criterion and keeps the line as typed; Esc leaves the old filter.
keys '/since:2024-13<Enter>'
has "/since:2024-13"
has "since:"
has "month"
# Why a filter is refused is whole above the line, wrapped, at 80 columns: cut to one row it
# lost what to write instead ("use hearing, ..., case or…").
keys '3/kind:he<Enter>'
has "kind: 'he' is not a kind; use hearing, visit, demonstration, milestone, case or"
printf '%s\n' "$out" | grep -qx 'person' || fail "the refused filter's message is cut: $out"
printf '%s\n' "$out" | grep -qx '/kind:he' || fail "the filter line is not kept: $out"
# kind: on the cases list is the records list's business.
keys '1/kind:hearing<Enter>'
has "kind: applies to the records list"
# Free text, Khmer included, as on the command line.
ok cw person add --name "Chhim Sithar KM" --name-km "ឈឹម ស៊ីថា" --affiliation LRSU
keys '2/ស៊ីថា<Enter>'
has "ឈឹម ស៊ីថា"
has "1 person matches"

# Khmer aligns: the affiliation column starts at the same display column on every row.
keys '2'
printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import sys, unicodedata
def col(line, text):
    i = line.find(text)
    return sum(0 if unicodedata.category(c) in ("Mn", "Me") else 1 for c in line[:i])
rows = sys.stdin.read().splitlines()
km = [r for r in rows if "LRSU" in r and "Chhim Sithar KM" in r][0]
other = [r for r in rows if "Candlelight Party" in r][0]
sys.exit(0 if col(km, "LRSU") == col(other, "Candlelight Party") else 1)' ||
	fail "Khmer row not aligned: $out"

# A timeline: Enter on a person.
keys '2/Kang Saran<Enter><Enter>'
has "Timeline: Kang Saran"
has "custody: detained"
has "charges: convicted (counts not stated)"
has "$pretrial"
has "adjournments: 0"
has "2023-07-04 milestone"
# Entries in date order, partial and unknown dates as given (unknown last).
first=$(printf '%s\n' "$out" | grep -n '2023-07-04' | head -1 | cut -d: -f1)
later=$(printf '%s\n' "$out" | grep -n '2024-02-15' | head -1 | cut -d: -f1)
[ "$first" -lt "$later" ] || fail "timeline not in date order: $out"
# At 80 columns nothing of the summary is cut: the next hearing has a line with the
# adjournments (it was at the end of the pretrial detention's, past the edge).
keys '2/Ny Nak<Enter><Enter><Dump>' 80x24
checks=$((checks + 1))
printf '%s\n' "$out" | grep -qE "^adjournments: [0-9]+ \| next hearing: [-0-9a-z ]+$" ||
	fail "the summary is cut at 80 columns: $out"
# Whose word an adjournment count is: Kem Sokha's one is the government's.
keys '2/Kem Sokha<Enter><Enter><Dump>' 80x24
has "adjournments: 1 (account: government) | next hearing: none scheduled"
# Enter on an entry opens the record in full; h goes back.
keys '2/Kang Saran<Enter><Enter><Down><Enter><Dump>h<Dump>'
screen 1
# Grouped under headings, labels instead of field names, empty fields left out.
printf '%s\n' "$screen" | grep -q '^\(Milestone\|Case\|Hearing\)$' ||
	fail "record view: $screen"
printf '%s\n' "$screen" | grep -q '^Source and history$' || fail "record view's source: $screen"
printf '%s\n' "$screen" | grep -q '^  account  *UN$' || fail "record view's account: $screen"
! printf '%s\n' "$screen" | grep -qE '^ *[a-z]+_[a-z_]+ ' || fail "a field name in the record view: $screen"
# A long value wraps under its label instead of being cut (80 columns): the milestone's
# detail ends on a line of its own.
printf '%s\n' "$screen" | grep -qE '^ {23}.*videos$' || fail "a long value is not wrapped: $screen"
checks=$((checks + 4))
printf '%s\n' "$screen" | grep -qF 'Kang Saran (' || fail "record view names: $screen"
screen 2
printf '%s\n' "$screen" | grep -qF 'Timeline: Kang Saran' || fail "back: $screen"

# Log a hearing through the form and find it in the list.
keys 'HKang<Enter>2030-03-05<Tab>09:30<Tab>Banteay<Enter><Tab>Judge Sok<Tab><Tab>Kang Saran<Tab><Tab><Tab>y<Tab>n<Tab><Tab>n<C-s><Dump>/kind:hearing since:2030<Enter><Dump>'
screen 1
printf '%s\n' "$screen" | grep -q 'added hearing [0-9a-f]\{8\}' || fail "not saved: $screen"
screen 2
# the team's own observation unless the form says otherwise, as Q makes it
printf '%s\n' "$screen" | grep -qF '2030-03-05 hearing   own     Kang Saran' || fail "not listed: $screen"
printf '%s\n' "$screen" | grep -qF '1 record matches' || fail "count: $screen"
ok cw list records --kind hearing --since 2030 --json
json "len(d) == 1 and d[0]['court'] == 'Banteay Meanchey Court of First Instance' and d[0]['judge'] == 'Sok' * 0 + 'Judge Sok'"
json "d[0]['public_admitted'] == 'yes' and d[0]['press_admitted'] == 'no'"
json "len(d[0]['attendance']) == 1 and d[0]['attendance'][0]['present'] == 'yes'"

# A time typed in Khmer digits, as --time takes it: no inline error on leaving the field
# (its 13 bytes are five digits and a colon), and saved as 09:30; 25:00 stays refused.
keys 'HKang<Enter>2029-03-06<Tab>០៩:៣០<Tab><Dump><C-s><Dump>'
screen 1
printf '%s\n' "$screen" | grep -qF 'time: ០៩:៣០' || fail "Khmer time not kept as typed: $screen"
printf '%s\n' "$screen" | grep -qF '^ ' && fail "Khmer time refused: $screen"
screen 2
printf '%s\n' "$screen" | grep -q 'added hearing [0-9a-f]\{8\}' || fail "Khmer time not saved: $screen"
ok cw list records --kind hearing --since 2029-03-06 --until 2029-03-06 --json
json "len(d) == 1 and d[0]['time'] == '09:30'"
keys 'HKang<Enter>2029-03-07<Tab>២៥:០០<Tab><Dump>'
has "^ '២៥:០០' is not a time; write HH:MM (24-hour)"
# An hour of one digit is taken on leaving the field and saved with its zero.
keys 'HKang<Enter>2029-03-08<Tab>៨:៣០<Tab><Dump><C-s>'
lacks "is not a time"
ok cw list records --kind hearing --since 2029-03-08 --until 2029-03-08 --json
json "len(d) == 1 and d[0]['time'] == '08:30'"
# "ម៉ោង ៩" (nine o'clock) is no time either, not 14 bytes too long (a Khmer monitor's trial)
keys 'HKang<Enter>2029-03-07<Tab>ម៉ោង ៩<Tab><Dump>'
has "^ 'ម៉ោង ៩' is not a time; write HH:MM (24-hour)"

# A milestone's article field takes a list, as --article does ("charged under articles 494
# and 495", 001 para 34), and shows it again when the milestone is edited; a bad list is an
# inline error, and nothing is saved.
keys 'MKang<Enter>Kang<Enter>2030-01-02<Tab>charge<Tab><C-g>article<Enter>494/495<C-s>'
ok cw list records --kind milestone --since 2030 --json
json "[r.get('articles') for r in d] == [['494', '495']]"
keys '/kind:milestone since:2030<Enter>e'
has "article: 494/495"
before=$(db_snapshot)
keys 'MKang<Enter>Kang<Enter>2030-01-03<Tab>charge<Tab><C-g>article<Enter>494/banana<C-s>'
has "article: 494/banana"
has "^ '494/banana' is not an article"
[ "$(db_snapshot)" = "$before" ] || fail "a refused form wrote to the database"
checks=$((checks + 1))

# A bad date gets an inline error next to the field and keeps the input; saving is refused.
before=$(db_snapshot)
keys 'HKang<Enter>2024-13-01<Tab><C-s>'
has "date *: 2024-13-01"
has "^ month 13 does not exist"
has "field 2 of"
[ "$(db_snapshot)" = "$before" ] || fail "a refused form wrote to the database"

# One defendant both present and absent: refused on the absent field, naming them.
before=$(db_snapshot)
keys 'HKang<Enter>2030-03-06<C-g>present<Enter>Kang Saran<C-g>absent<Enter>Kang Saran<C-s>' 140x40
has "absent: Kang Saran"
has "^ 'Kang Saran' is listed both present and absent: keep them in one of the two"
[ "$(db_snapshot)" = "$before" ] || fail "a refused form wrote to the database"

# A year of birth after this year (the test clock's): said on leaving the field, and saving
# is refused there.
before=$(db_snapshot)
CASEWATCH_NOW=2030-06-01T00:00:00Z keys 'PBorn Later<C-g>birth year<Enter>2031<Tab><Dump><C-s><Dump>'
screen 1
printf '%s\n' "$screen" | grep -qF "^ 2031 is after the current year (2030)" ||
	fail "not said on leaving the field: $screen"
screen 2
printf '%s\n' "$screen" | grep -qF "^ 2031 is after the current year (2030)" ||
	fail "not refused on saving: $screen"
[ "$(db_snapshot)" = "$before" ] || fail "a refused form wrote to the database"
checks=$((checks + 2))

# F1 in a form opens the keys with the form's first (a field trial's opened on the lists').
keys 'H<F1><Dump>' 100x30
printf '%s\n' "$out" | awk 'NR > 1 && NF { print; exit }' | grep -qx "Forms" ||
	fail "F1 in a form does not start with the form's keys: $out"
checks=$((checks + 1))
# Esc asks before discarding a changed form; an unchanged one leaves at once.
keys 'PSomeone<Esc><Dump>n<Dump><Esc>y<Dump>P<Esc><Dump>'
screen 1
printf '%s\n' "$screen" | grep -qF 'Discard the changes to this person? y/N' || fail "$screen"
screen 2
printf '%s\n' "$screen" | grep -qF 'name *: Someone' || fail "n did not keep it: $screen"
screen 3
printf '%s\n' "$screen" | grep -qF 'form discarded' || fail "$screen"
screen 4
printf '%s\n' "$screen" | grep -qF '3 Records' || fail "unchanged form did not leave: $screen"

# Edit from the list: the form comes filled in; the change is saved.
keys '/kind:hearing since:2030<Enter>e<Tab><Tab><C-u>10:15<C-s>'
has "saved hearing"
ok cw list records --kind hearing --since 2030 --json
json "d[0]['time'] == '10:15'"

# Delete from the list asks first.
keys '/kind:hearing since:2030<Enter>d<Dump>n<Dump>dy<Dump>'
screen 1
# which hearing: its case and date (its own label, the court, is often empty)
printf '%s\n' "$screen" | grep -qF 'Delete hearing "2030-03-05, Kang Saran' ||
	fail "$screen"
screen 2
printf '%s\n' "$screen" | grep -qF 'not deleted' || fail "$screen"
screen 3
printf '%s\n' "$screen" | grep -qF 'deleted' || fail "$screen"
printf '%s\n' "$screen" | grep -qF 'no match: Esc clears the filter' || fail "$screen"
# A person other records name cannot be deleted: the reason is on the status line.
keys '2/Kang Saran<Enter>dy'
has "person is named by"

# Help comes from the key table, the weekly summary's key included.
keys '?'
has "Keys (generated from the key table)"
has "C-f, PgDn          page down"
keys '?<PgDn><Dump>'
has "write a week's summary into the reports folder"
# A key's help wider than the screen wraps under the help's column, not cut with "…" (at
# 80 columns L's ended "the passphrase…", hiding how to unlock); a resize wraps it again.
k='?'
for i in 1 2 3 4 5 6 7 8 9 10; do k="$k<Dump><C-f>"; done
keys "$k"
printf '%s\n' "$out" | grep -qF '…' && fail "the help is cut at 80 columns: $out"
has "lock now: clear the screen, forget the key; the passphrase"
has "                     unlocks"
keys '?<Resize:60x20><Dump>'
screen 1
printf '%s\n' "$screen" | grep -qF '…' && fail "the help is cut at 60 columns: $screen"
[ "$(widest)" -le 60 ] || fail "the help is wider than 60: $screen"
printf '%s\n' "$screen" | grep -qxF '                     visits due, 14 days from today' ||
	fail "the help is not wrapped again at 60 columns: $screen"
keys 'Z'
has "Z does nothing here; ? lists the keys"

# Resize to 80x24 from a large screen and back: every screen relayouts and keeps its state.
keys '<Resize:120x40>2/Kang<Enter><Enter><Dump><Resize:80x24><Dump><Resize:60x15><Dump><Resize:120x40><Dump>' 120x40
screen 1
[ "$(printf '%s\n' "$screen" | wc -l)" -eq 40 ] || fail "not 40 lines: $screen"
for n in 1 2 3 4; do
	screen $n
	printf '%s\n' "$screen" | grep -qF 'Timeline: Kang Saran' || fail "lost state at $n: $screen"
done
screen 2
[ "$(printf '%s\n' "$screen" | wc -l)" -eq 24 ] || fail "not 24 lines: $screen"
[ "$(widest)" -le 80 ] || fail "wider than 80: $screen"
printf '%s\n' "$screen" | tail -1 | grep -qF 'timeline of Kang Saran' || fail "status: $screen"
screen 3
[ "$(widest)" -le 60 ] || fail "wider than 60: $screen"
# Every screen fits 80x24: lists, timeline, record, form, help.
for k in '1' '2' '3' '2/Kang<Enter><Enter>' '2/Kang<Enter><Enter><Enter>' 'H' 'C' '?'; do
	keys "$k"
	screen 1
	[ "$(printf '%s\n' "$screen" | wc -l)" -eq 24 ] || fail "'$k' is not 24 lines"
	[ "$(widest)" -le 80 ] || fail "'$k' is wider than 80: $screen"
done

# No crash on a long run of arbitrary keys, forms and questions included.
"${PYTHON3:-python3}" -c '
import random
random.seed(5)
keys = ["j","k","g","G","<C-f>","<C-b>","<Tab>","<BTab>","1","2","3","<Enter>","t","h",
        "<Esc>","/","i","b","H","V","D","M","P","C","e","d","y","n","a","u","<Space>",
        "<Left>","<Right>","<Up>","<Down>","<BS>","<C-u>","<C-w>","<C-n>","<C-p>","<F1>",
        "<C-s>","?","x","2024-13","ឈឹម","\"","<Resize:40x8>","<Resize:80x24>","<Tick>","R","W"]
print("".join(random.choice(keys) for _ in range(3000)))' >"$WORK/fuzz"
checks=$((checks + 1))
# W among them asks and writes into the test's documents folder, never the current one.
(cd "$WORK" && CASEWATCH_TUI_SCRIPT="$WORK/fuzz" "$CASEWATCH" --db "$DB" >/dev/null \
	2>"$WORK/stderr") || fail "arbitrary keys: exit $? $(cat "$WORK/stderr")"

# W asks which week (the last complete one offered), which format and where (the reports
# folder offered, never the current one), writes the summary there, shows it, and asks before
# writing over a file.
rm -rf "$WORK/documents"
mkdir "$WORK/here"
cd "$WORK/here"
keys 'W<Dump><C-u>2024-W06<Enter><Dump><Enter><Dump><Enter><Dump>' 200x60
cd - >/dev/null
last=$("${PYTHON3:-python3}" -c "
import datetime; y, w, _ = (datetime.date.today() - datetime.timedelta(days=7)).isocalendar()
print('%04d-W%02d' % (y, w))")
screen 1
printf '%s\n' "$screen" | grep -q "Week (Enter writes it): $last" || fail "W offers the last week ($last): $screen"
screen 2
printf '%s\n' "$screen" | grep -q "2024-W06 as: Enter or m Markdown, h HTML, c CSV, j JSON, p PDF" ||
	fail "W asks the format: $screen"
screen 3
reports="$WORK/documents/casewatch-reports"
printf '%s\n' "$screen" | grep -q "Write to (Esc: not now): $reports/casewatch-summary-2024-W06.md" ||
	fail "W asks where, offering the reports folder: $screen"
screen 4
printf '%s\n' "$screen" | grep -q "2024-W06, written to $reports/casewatch-summary-2024-W06.md" ||
	fail "the summary is shown with where it went: $screen"
printf '%s\n' "$screen" | grep -q "Chao Veasna" || fail "the summary shown lacks the week's verdicts"
# Long lines wrap rather than being cut: the written summary's last sentence is on screen.
# (a wrapped line goes on indented by two spaces: joined again before looking)
printf '%s\n' "$screen" | awk 'NR > 1 && /^  / { sub(/^  /, " "); printf "%s", $0; next }
	NR > 1 { print "" } { printf "%s", $0 } END { print "" }' |
	grep -Eq "is set in the 14 days after the period \(accounts?: [^)]*\)\.$" ||
	fail "the summary shown is cut: $screen"
! printf '%s\n' "$screen" | grep -q '…$' || fail "a line of the summary shown is cut: $screen"
checks=$((checks + 6))
grep -q "Chao Veasna" "$reports/casewatch-summary-2024-W06.md" ||
	fail "the summary lacks the week's verdicts"
[ -z "$(ls -A "$WORK/here")" ] || fail "W wrote into the current folder: $(ls "$WORK/here")"
[ "$(stat -c %a "$reports")" = 700 ] && [ "$(stat -c %a "$reports/casewatch-summary-2024-W06.md")" = 600 ] ||
	fail "the reports folder and file are not private"
checks=$((checks + 3))
# A day in the week will do; HTML. So do words: "last week" on Wednesday 14 February 2024.
keys 'W<C-u>2024-02-07<Enter>h<Enter><Dump>'
[ -s "$reports/casewatch-summary-2024-W06.html" ] || fail "h did not write HTML"
CASEWATCH_NOW=2024-02-14T09:00:00Z TZ=UTC keys 'W<C-u>last week<Enter>c<Enter><Dump>'
[ -s "$reports/casewatch-summary-2024-W06.csv" ] || fail "W did not take 'last week'"
checks=$((checks + 1))
# p writes a PDF, private like the others, with the header and the week's verdicts in it.
# Twice in one run: the second PDF finds its fonts again after the first gave them back.
CASEWATCH_NOW=2024-02-14T09:00:00Z keys 'W<C-u>2024-W06<Enter>p<Enter><Dump><Esc>W<C-u>2024-W06<Enter>p<Enter><Dump>y<Dump>' 200x60
screen 2
printf '%s\n' "$screen" | grep -q "Write over casewatch-summary-2024-W06.pdf, there already? y/N" ||
	fail "no question before writing over the PDF: $screen"
screen 3
printf '%s\n' "$screen" | grep -q "2024-W06, written to $reports/casewatch-summary-2024-W06.pdf" ||
	fail "the second PDF was not written: $screen"
pdf="$reports/casewatch-summary-2024-W06.pdf"
[ "$(head -c 5 "$pdf")" = "%PDF-" ] || fail "p did not write a PDF"
[ "$(stat -c %a "$pdf")" = 600 ] || fail "the PDF is not private"
pdftotext "$pdf" - | grep -q "Generated on: 2024-02-14 16:00 (UTC+7)" || fail "the PDF has no header"
pdftotext "$pdf" - | grep -q "Chao Veasna" || fail "the PDF lacks the week's verdicts"
checks=$((checks + 1))
# The same file again: asked first; n leaves it as it was, y writes it.
echo "kept" >"$reports/casewatch-summary-2024-W06.md"
keys 'W<C-u>2024-W06<Enter>m<Enter><Dump>n<Dump>'
screen 1
printf '%s\n' "$screen" | grep -q "Write over casewatch-summary-2024-W06.md, there already? y/N" ||
	fail "no question before writing over: $screen"
[ "$(cat "$reports/casewatch-summary-2024-W06.md")" = kept ] || fail "n wrote over the file"
keys 'W<C-u>2024-W06<Enter>m<Enter>y<Dump>'
grep -q "Chao Veasna" "$reports/casewatch-summary-2024-W06.md" || fail "y did not write over the file"
# A week that is not one: said, and the line stays open.
keys 'W<C-u>2024-W60<Enter><Dump>'
has "week: 2024 has no week 60"
keys 'W<C-u>lastweek<Enter><Dump>'
has "week: write a week like 2024-W06, or a day in it like 2024-02-07 or last week"
# reports_dir in the config file wins.
mkdir -p "$WORK/cfg/casewatch"
echo "reports_dir = $WORK/elsewhere" >"$WORK/cfg/casewatch/config"
XDG_CONFIG_HOME="$WORK/cfg" keys 'W<C-u>2024-W06<Enter>j<Enter><Dump>'
[ -s "$WORK/elsewhere/casewatch-summary-2024-W06.json" ] || fail "reports_dir not followed"
checks=$((checks + 5))
# The week's summary for a filter is named with it: neither written over nor taken for the
# summary of everything (nor for another filter's), asked about only when that file is there.
rm -f "$reports"/casewatch-summary-2024-W06*.md
keys 'W<C-u>2024-W06<Enter>m<Enter><Dump><Esc>bW<Dump><C-u>2024-W06<Enter>m<Enter><Dump><Esc><Esc><Esc>W<Dump>' 200x60
# The week's question says a filter is on, and how to leave it (a field trial sent partners a
# week of the one person it had searched for in another list); without one, it says nothing.
screen 2
printf '%s\n' "$screen" | grep -q "Week (Enter writes it; of the filter .*437 bis.*): " ||
	fail "W does not say the filter it follows: $screen"
checks=$((checks + 1))
screen 4
printf '%s\n' "$screen" | grep -q "Week (Enter writes it): " || fail "Esc, Esc left the filter on: $screen"
checks=$((checks + 2))
screen 3
printf '%s
' "$screen" | grep -q "2024-W06, written to $reports/casewatch-summary-2024-W06-article-437-bis.md" ||
	fail "the filtered summary is not named with its filter: $screen"
[ -s "$reports/casewatch-summary-2024-W06.md" ] && [ -s "$reports/casewatch-summary-2024-W06-article-437-bis.md" ] ||
	fail "two filters, not two files: $(ls "$reports")"
grep -q "^Filter: none" "$reports/casewatch-summary-2024-W06.md" || fail "the summary of everything was written over"
keys '/<C-u>case:"../x y" 494/495 ស៊ីថា<Enter>W<C-u>2024-W06<Enter>m<Enter><Dump>' 200x60
[ -s "$reports/casewatch-summary-2024-W06-case-x-y-text-494-495-ស៊ីថា.md" ] ||
	fail "a case and free text in the name, nothing a path: $(ls "$reports")"
# At 100 columns the filter is whole, the week after it (a field trial's "article:494/…").
keys '/<C-u>article:494/495<Enter>W<Dump>' 100x30
printf '%s\n' "$out" | grep -q "Week (Enter writes it; of the filter article:494/495): [0-9]\{4\}-W[0-9][0-9]" ||
	fail "the week's question cuts its filter at 100 columns: $out"
# A filter too long for a name is cut, with a hash of all it asks: two such are two files.
keys '/court:"Phnom Penh Municipal Court of First Instance" province:"Phnom Penh" a<Enter>W<C-u>2024-W06<Enter>m<Enter><Esc>/<C-u>court:"Phnom Penh Municipal Court of First Instance" province:"Phnom Penh" b<Enter>W<C-u>2024-W06<Enter>m<Enter>' 200x60
[ "$(ls "$reports" | grep -c '^casewatch-summary-2024-W06-court-phnom-penh-municipal.*-[0-9a-f]\{8\}\.md$')" = 2 ] ||
	fail "two long filters, not two files: $(ls "$reports")"
checks=$((checks + 5))

# G shows the end of the records list, read from the end (past the middle of a list the
# window is fetched in reverse and turned round): the same rows, in the same order, as the
# command line gives for that offset.
keys '3G<Dump>'
screen 1
rows=$(printf '%s\n' "$screen" | sed -n '3,$p' | grep -v ' records | ' | grep -c .)
total=$(printf '%s\n' "$screen" | sed -n 's/^\([0-9]*\) records | .*/\1/p')
[ "$rows" -gt 5 ] && [ -n "$total" ] || fail "G: $screen"
ok cw list records --offset $((total - rows)) --limit "$rows" --json
want=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
print(" ".join(r["kind"] for r in json.load(sys.stdin)))')
got=$(printf '%s\n' "$screen" | sed -n '3,$p' | grep -v ' records | ' | grep . | cut -c12-20 |
	tr -s ' ' | tr '\n' ' ' | sed 's/ *$//; s/  */ /g')
checks=$((checks + 1))
[ "$got" = "$want" ] || fail "G window differs from the list:
 got: $got
want: $want"

# A script with a key name that does not exist is refused, naming it.
printf 'j<Nope>' >"$WORK/badkeys"
fails 2 "CASEWATCH_TUI_SCRIPT" env CASEWATCH_TUI_SCRIPT="$WORK/badkeys" "$CASEWATCH" --db "$DB"
# Without a terminal (and no script) it says so instead of drawing.
fails 2 "terminal" cw </dev/null

# A new person close to one already there is asked about first: n keeps the form, y adds.
keys 'P<C-g>name<Enter>kang  SARAN<C-s><Dump>n<Dump>'
screen 1
printf '%s\n' "$screen" | grep -q "Kang Saran ([0-9a-f]\{8\}) is already in the database: add another person" ||
	fail "no question before a second Kang Saran: $screen"
screen 2
printf '%s\n' "$screen" | grep -q "New person" || fail "n closed the form: $screen"
ok cw list persons --json
json "sum(p['name'].lower().replace(' ', '') == 'kangsaran' for p in d) == 1"
keys 'P<C-g>name<Enter>kang  SARAN<C-s>y<Dump>'
has "added person"
ok cw list persons --json
json "sum(p['name'].lower().replace(' ', '') == 'kangsaran' for p in d) == 2"
checks=$((checks + 2))

# m merges the person under the cursor into another, named or by id, after asking.
ok cw person add --name "Saran twin" --yes
ok cw list persons --json
kang=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c "import json,sys; print([p['id'] for p in json.load(sys.stdin) if p['name'] == 'Kang Saran'][0])")
keys "2/twin<Enter>m<Dump>$kang<Enter><Dump>y<Dump>" 120x24
screen 1
printf '%s\n' "$screen" | grep -q "Merge into (name or id):" || fail "m asks for whom: $screen"
screen 2
printf '%s\n' "$screen" | grep -q "Merge Saran twin into Kang Saran?" || fail "no question before merging: $screen"
screen 3
printf '%s\n' "$screen" | grep -q "merged: 0 records now name the person kept" || fail "not merged: $screen"
ok cw list persons --json
json "'Saran twin' not in [p['name'] for p in d]"
checks=$((checks + 3))
# A case giving the two different custody: m refuses, as `person merge` does, naming the case,
# the field and both values, and nobody is merged.
ok cw person add --name "Vorn Povtwin" --yes
ok cw person add --name "Pov Vorn" --yes
pov=$(printf '%s' "$out" | awk '{print $3}')
ok cw case add --title "Vorn custody case" --defendant "Pov Vorn" --custody detained \
	--defendant "Vorn Povtwin" --custody bail
keys "2/povtwin<Enter>m<Dump>$pov<Enter><Dump>y<Dump>" 200x24
screen 3
printf '%s\n' "$screen" | grep -q "custody: case [0-9a-f]\{8\} (Vorn custody case) gives Pov Vorn ([0-9a-f]\{8\}) detained and Vorn Povtwin ([0-9a-f]\{8\}) bail" ||
	fail "m merged or did not say why not: $screen"
ok cw list persons --json
json "'Vorn Povtwin' in [p['name'] for p in d]"
checks=$((checks + 1))
# A timeline's head says when the case's entry is older than what was logged since, as
# `casewatch timeline` does: "awaiting trial" as of 1 March beside a verdict of 6 March, and
# "detained" beside the bail granted that ended the detention.
ok cw person add --name "Stage Old"
ok cw case add --title "Stage case" --defendant "Stage Old" --custody detained --charge 494/495 \
	--stage pretrial --as-of 2025-03-01
ok cw log milestone --person "Stage Old" --case "Stage case" --type arrest --date 2025-02-01
ok cw log milestone --person "Stage Old" --case "Stage case" --type bail --outcome granted \
	--date 2025-03-03
ok cw log hearing --case "Stage case" --date 2025-03-06 --outcome verdict \
	--verdict "494/495=convicted@Stage Old" --view own
keys '2/Stage Old<Enter><Enter><Dump>' 120x40
has "(stage awaiting trial as the case records it: a verdict on 2025-03-06 came after)"
has "(custody as the case records it: bail on 2025-03-03 ended the pretrial detention)"
# "detained" beside an acquittal logged since: the verdict is named.
ok cw person add --name "Acquitted Old"
ok cw case add --title "Acquitted case" --defendant "Acquitted Old" --custody detained \
	--charge 494 --as-of 2025-03-01
ok cw log hearing --case "Acquitted case" --date 2025-03-06 --outcome verdict \
	--verdict "494=acquitted@Acquitted Old" --view own
keys '2/Acquitted Old<Enter><Enter><Dump>' 120x40
has "(custody as the case records it: the ruling of 2025-03-06 acquitted them)"
# A verdict dated after today (2034 typed for 2024) does not make the charges read convicted
# today, where the same head counts the detention "and counting": said as set for its day.
ok cw person add --name "Future Verdict"
ok cw case add --title "Future case" --defendant "Future Verdict" --custody detained \
	--charge 494/495
ok cw log milestone --person "Future Verdict" --case "Future case" --type arrest \
	--date 2025-02-01
ok cw log hearing --case "Future case" --date 2034-02-27 --outcome verdict \
	--verdict "494/495=convicted@Future Verdict" --view own
keys '2/Future Verdict<Enter><Enter><Dump>' 160x40
has "charges: charged: 494, 495; convicted by a ruling dated 2034-02-27, after today: 494, 495"
lacks "charges: convicted"
# A case's stage is shown whole where there is room: the column was as wide as its title
# ("STAGE") and cut every stage but the shortest at any width (a Khmer field trial).
ok cw case add --title "Supreme Stage Case" --stage supreme --court "Supreme Court"
keys '1/Supreme Stage<Enter><Dump>' 240x24
has "before the Supreme Court"
# An articles cell cut short is cut after a whole article: "494/49…" read as article 49 and
# "494/495/43…" hid 437 bis (a field trial: the records list at 60 columns, the cases at 80),
# in English and in Khmer (whose headings take other widths).
DB="$WORK/articles"
ok cw init
ok cw person add --name "Chhim Sithar"
ok cw case add --title "Union case" --court "Phnom Penh Court" --defendant "Chhim Sithar" \
	--charge "494/495/437 bis"
ok cw log hearing --case "Union case" --date 2024-05-03 --outcome adjourned
for lang in C.UTF-8 km_KH.UTF-8; do
	for run in '3<Dump> 60x20' '1<Dump> 80x24' '1<Dump> 60x20'; do
		printf '%s' "${run% *}" >"$WORK/keys"
		checks=$((checks + 1))
		out=$(env LC_ALL= LANGUAGE= LANG=$lang CASEWATCH_TUI_SCRIPT="$WORK/keys" \
			CASEWATCH_TUI_SIZE="${run#* }" "$CASEWATCH" --db "$DB" 2>"$WORK/stderr") ||
			fail "scripted ${run#* } ($lang): $(cat "$WORK/stderr")"
		printf '%s\n' "$out" | grep -qE ' 494/(495/)?…( |$)' ||
			fail "no articles cut after one (${run#* }, $lang):
$out"
		printf '%s\n' "$out" | grep -qE '[0-9]…|b…|bi…' && fail "an article cut inside (${run#* }, $lang):
$out"
	done
done
done_ok
