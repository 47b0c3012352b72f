#!/bin/sh
# The weekly report as PDF (cairo and Pango), read back with poppler's pdftotext, pdfinfo and
# pdffonts: the demo data's week 2024-W06 has the header, the summary (the same sentences as
# the JSON report) and the tables, one page of text per page the PDF says it has, each page
# ending with the confidentiality note and its number; a Khmer name comes back out of the
# PDF, set in a Khmer font; the file is private (0600), written with no temporary file, and a
# pipe takes it too. The writer is a module loaded for a PDF only: the program does not link
# Pango or cairo, and without its module (or with another file in its place) a PDF is refused
# in one line while the other formats work.
. "$TESTLIB"
set -e
for tool in pdftotext pdfinfo pdffonts; do
	command -v $tool >/dev/null || fail "$tool is needed (apt-get install poppler-utils)"
done
export CASEWATCH_NOW=2024-02-12T03:00:00Z CASEWATCH_AUTHOR="Sok Dara"
# Every space, tab, line and page break out: pdftotext cuts lines where the PDF wraps them.
flat() { tr -d ' \t\n\f'; }

ok cw seed "$SEED_FILE"
mkdir "$WORK/out" "$WORK/tmp"
TMPDIR="$WORK/tmp" ok cw report --week 2024-W06 --format pdf -o "$WORK/out/week.pdf" \
	--organisation "Monitoring team"
has "wrote $WORK/out/week.pdf"
[ "$(head -c 5 "$WORK/out/week.pdf")" = "%PDF-" ] || fail "not a PDF"
[ "$(stat -c %a "$WORK/out/week.pdf")" = 600 ] || fail "the PDF is not private"
# no temporary file anywhere: only the PDF in its folder, nothing in TMPDIR
[ "$(ls -A "$WORK/out")" = week.pdf ] || fail "left beside the PDF: $(ls -A "$WORK/out")"
[ -z "$(ls -A "$WORK/tmp")" ] || fail "left in TMPDIR: $(ls -A "$WORK/tmp")"
checks=$((checks + 1))

out=$(pdftotext -layout "$WORK/out/week.pdf" -)
has "casewatch weekly summary, 2024-W06"
has "Organisation: Monitoring team"
has "Period: 2024-02-05 to 2024-02-11 (ISO week 2024-W06)"
has "Author: Sok Dara"
has "Generated on: 2024-02-12 10:00 (UTC+7)"
has "Confidentiality: Confidential: for the named partners only"
has "Summary"
has "Fair-trial indicators at the period's hearings"
has "Verdicts and sentences (4)"
has "Chao Veasna"
has "Chhorn Phalla"
# the summary's sentences, as the JSON report gives them
ok cw report --week 2024-W06 --format json
printf '%s\n' "$out" >"$WORK/week.json"
text=$(pdftotext "$WORK/out/week.pdf" - | flat)
n=$("${PYTHON3:-python3}" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["summary"]))' "$WORK/week.json")
[ "$n" -ge 4 ] || fail "only $n sentences in the summary"
i=0
while [ $i -lt "$n" ]; do
	s=$("${PYTHON3:-python3}" -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"][int(sys.argv[2])])' "$WORK/week.json" $i | flat)
	case $text in *"$s"*) ;; *) fail "the PDF lacks the summary's sentence $i: $s" ;; esac
	i=$((i + 1))
done
checks=$((checks + 1))

# as many pages of text as the PDF has, each with its footer
pages=$(pdfinfo "$WORK/out/week.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 2 ] || fail "$pages pages"
pdftotext "$WORK/out/week.pdf" "$WORK/week.txt"
[ "$(tr -cd '\f' <"$WORK/week.txt" | wc -c)" -eq "$pages" ] || fail "pages of text differ from $pages"
p=1
while [ $p -le "$pages" ]; do
	page=$(pdftotext -f $p -l $p "$WORK/out/week.pdf" -)
	printf '%s\n' "$page" | grep -q "Confidential: for the named partners only · page $p of $pages\$" ||
		fail "page $p has no footer"
	[ "$(printf '%s' "$page" | flat | wc -c)" -gt 100 ] || fail "page $p is nearly empty"
	p=$((p + 1))
done
checks=$((checks + 1))

# A row taller than a page (a hearing's notes of 1,200 lines) goes on over the next pages:
# every line of it is in the PDF once, in order, the last one too (whole lines on each page:
# the letters hang below the line, and a line just past a page's end must not be in its text,
# hidden), and every page says which of how many it is. Before, the row was cut at the first
# page's end.
DB="$WORK/tall"
ok cw init
ok cw person add --name "P One"
ok cw case add --title "C1" --defendant "P One" --charge 494
"${PYTHON3:-python3}" -c 'print("\n".join("y%04d" % i for i in range(1200)))' >"$WORK/words"
ok cw log hearing --case C1 --date 2024-02-07 --view own --outcome adjourned \
	--notes "$(cat "$WORK/words")
yend"
ok cw report --week 2024-W06 --format pdf -o "$WORK/tall.pdf"
pages=$(pdfinfo "$WORK/tall.pdf" | sed -n 's/^Pages: *//p')
[ "$pages" -ge 3 ] || fail "1,200 lines on $pages pages"
text=$(pdftotext "$WORK/tall.pdf" - | flat)
case $text in *"yend"*) ;; *) fail "the notes were cut: no last line" ;; esac
"${PYTHON3:-python3}" - "$WORK/tall.pdf" <<'PY' || fail "the notes' words are not all there, in order"
import re, subprocess, sys
text = subprocess.run(["pdftotext", sys.argv[1], "-"], capture_output=True, text=True).stdout
seen = [int(w[1:]) for w in re.findall(r"y\d{4}", text)]
assert seen == list(range(1200)), (len(seen), [i for i in range(1200) if i not in seen][:5])
PY
# the pages after the first say the row goes on, in its first cell
pdftotext -f 1 -l 1 "$WORK/tall.pdf" - | grep -q "(continued)" && fail "page 1 says continued"
pdftotext -f 2 -l 2 "$WORK/tall.pdf" - | grep -q "(continued)" || fail "page 2 does not say continued"
p=1
while [ $p -le "$pages" ]; do
	pdftotext -f $p -l $p "$WORK/tall.pdf" - | grep -q "· page $p of $pages\$" ||
		fail "page $p of the long notes has no footer"
	p=$((p + 1))
done
checks=$((checks + 1))
DB="$WORK/db"

# standard output, when it is a pipe
"$CASEWATCH" --db "$DB" report --week 2024-W06 --format pdf | head -c 5 >"$WORK/head"
[ "$(cat "$WORK/head")" = "%PDF-" ] || fail "no PDF on a pipe"
checks=$((checks + 1))

# Khmer: shaped by HarfBuzz in a Khmer font, and read back out of the PDF
DB="$WORK/km"
ok cw init
ok cw person add --name "Chhim Sithar" --name-km "ឈឹម ស៊ីថា"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --custody detained \
	--charge 494/495
ok cw log milestone --person "Chhim Sithar" --case NagaWorld --date 2024-01-04 --type arrest
ok cw log hearing --case NagaWorld --date 2024-02-07 --view own --outcome adjourned \
	--indicator public_hearing=no:"សាលក្តីបិទ"
ok cw report --week 2024-W06 --format pdf -o "$WORK/km.pdf"
pdffonts "$WORK/km.pdf" | grep -qi "khmer" || fail "no Khmer font in the PDF: $(pdffonts "$WORK/km.pdf")"
text=$(pdftotext "$WORK/km.pdf" - | flat)
# in the summary's sentence on pretrial detention, which runs across the page
case $text in *"attheendoftheperiod:ChhimSithar(ឈឹមស៊ីថា),for38days(account:notrecorded)."*) ;;
*) fail "the Khmer name is not in the PDF's text: $text" ;;
esac
case $text in *"សាលក្តីបិទ"*) ;; *) fail "the Khmer note is not in the PDF's text" ;; esac
checks=$((checks + 1))
# the headings in Khmer with --lang km, in the PDF too (the Khmer read from the catalogue)
km() {
	LC_ALL=C.UTF-8 LANGUAGE=km TEXTDOMAINDIR="$CASEWATCH_LOCALEDIR" gettext -d casewatch "$1" | flat
}
ok cw report --week 2024-W06 --format pdf --lang km -o "$WORK/km-lang.pdf"
text=$(pdftotext "$WORK/km-lang.pdf" - | flat)
for heading in "$(km Summary)" "$(km "Confidential: for the named partners only")"; do
	[ "$heading" != Summary ] || fail "no Khmer in the catalogue"
	case $text in *"$heading"*) ;; *) fail "the Khmer PDF lacks $heading" ;; esac
done
case $text in *"Summary"*) fail "the Khmer PDF has English headings" ;; esac
checks=$((checks + 1))
# Khmer writes no space between words: a cell wraps between them, never inside one (a Khmer
# monitor's trial found "ជនជាប់ចោ" / "ទ" in a heading and notes cut anywhere). A note of one
# word forty times over must come back out of the PDF as whole words on every line of its cell.
word="ជនជាប់ចោទ"
note=$("${PYTHON3:-python3}" -c "print('$word' * 40)")
ok cw log hearing --case NagaWorld --date 2024-02-08 --view own --outcome adjourned --notes "$note"
ok cw report --week 2024-W06 --format pdf --lang km -o "$WORK/km-words.pdf"
checks=$((checks + 1))
pdftotext -raw "$WORK/km-words.pdf" - | "${PYTHON3:-python3}" -c '
import re, sys
word = sys.argv[1]
lines = [l.replace(" ", "") for l in sys.stdin.read().split("\n")]
# the lines of the note: those made of the word and its pieces only
parts = [l for l in lines if l and set(l) <= set(word) and len(l) >= 2]
whole = "".join(parts)
if whole.count(word) < 40:
    sys.exit("the note is not in the PDF: %r" % parts)
bad = [l for l in parts if not re.fullmatch("(%s)+" % word, l)]
if bad:
    sys.exit("a line of the note breaks inside a word: %r" % bad)
' "$word" || fail "Khmer words are cut in the PDF"

# The PDF libraries are the module's, not the program's: no command but a PDF loads them.
libs=$(ldd "$CASEWATCH_BIN")
case $libs in
*pango* | *cairo* | *glib* | *harfbuzz* | *fontconfig*) fail "casewatch links the PDF libraries: $libs" ;;
esac
checks=$((checks + 1))
# Without the module: one line, exit 74, saying what to do; Markdown does not need it.
mkdir "$WORK/modules"
fails 74 "pdf: cannot load the PDF writer" env CASEWATCH_MODULEDIR="$WORK/modules" \
	"$CASEWATCH" --db "$DB" report --week 2024-W06 --format pdf -o "$WORK/out/none.pdf"
case $err in *"check CASEWATCH_MODULEDIR"*) ;; *) fail "the error says nothing to do: $err" ;; esac
ok env CASEWATCH_MODULEDIR="$WORK/modules" "$CASEWATCH" --db "$DB" report --week 2024-W06 \
	--format md -o "$WORK/out/none.md"
# A shared object that is not casewatch's PDF writer is refused the same way.
cp "$FAULTSHIM" "$WORK/modules/pdf.so"
fails 74 "is not the PDF writer of casewatch" env CASEWATCH_MODULEDIR="$WORK/modules" \
	"$CASEWATCH" --db "$DB" report --week 2024-W06 --format pdf -o "$WORK/out/none.pdf"
# The writer of another casewatch (its version changed in a copy): refused, naming both.
version=$("$CASEWATCH_BIN" --version | sed 's/^casewatch //')
other=$(printf '%s' "$version" | tr '0-9' '9876543210')
"$PYTHON3" -c 'import sys
data = open(sys.argv[1], "rb").read()
old, new = sys.argv[3].encode() + b"\0", sys.argv[4].encode() + b"\0"
assert old in data and len(old) == len(new)
open(sys.argv[2], "wb").write(data.replace(old, new))' "$CASEWATCH_MODULEDIR/pdf.so" \
	"$WORK/modules/pdf.so" "$version" "$other" || fail "cannot make another version's module"
fails 74 "is the PDF writer of another casewatch ($other, this is $version)" \
	env CASEWATCH_MODULEDIR="$WORK/modules" "$CASEWATCH" --db "$DB" report --week 2024-W06 \
	--format pdf -o "$WORK/out/none.pdf"
# A relative folder would depend on where casewatch runs: refused.
fails 74 "CASEWATCH_MODULEDIR must be an absolute path" env CASEWATCH_MODULEDIR=report \
	"$CASEWATCH" --db "$DB" report --week 2024-W06 --format pdf -o "$WORK/out/none.pdf"
# The module needs nothing of casewatch's own: what it leaves undefined is the libraries'.
if command -v nm >/dev/null; then
	undefined=$(nm -D --undefined-only "$CASEWATCH_MODULEDIR/pdf.so" | grep ' cw_' || true)
	[ -z "$undefined" ] || fail "the module needs casewatch's own: $undefined"
	checks=$((checks + 1))
fi
done_ok
