#!/bin/sh
# W in tmux: it asks which week (the last complete one offered), then which format, then where,
# offering the reports folder (XDG_DOCUMENTS_DIR/casewatch-reports here) and the week's file
# name: Enter writes there, a folder typed takes the file name, a bare name goes into the
# reports folder, Esc writes nothing; the format typed as a word ("pdf") writes that format,
# the rest of the word swallowed. A second W for the same week asks before writing over the
# file: n leaves it as it was. A week
# that holds a confidential record asks whether to put it in: no leaves it out, yes puts it in
# and the header says so. With sign_reports = yes in the config file, FILE.sig beside it.
. "$(dirname "$0")/lib.sh"
set -e
PY=${PYTHON3:-python3}
last=$("$PY" -c "
import datetime; y, w, _ = (datetime.date.today() - datetime.timedelta(days=7)).isocalendar()
print('%04d-W%02d' % (y, w))")
monday=$("$PY" -c "
import datetime; d = datetime.date.today() - datetime.timedelta(days=7)
print(d - datetime.timedelta(days=d.weekday()))")
reports="$WORK/documents/casewatch-reports"
file="$reports/casewatch-summary-$last.md"

# w_markdown: W for the week offered, as Markdown.
w_markdown() {
	send W
	wait_for "Week (Enter writes it): $last"
	send Enter
	wait_for "$last as:"
	send m
}
# take_path: Enter on the place offered (the reports folder).
take_path() {
	wait_for "Write to (Esc: not now): "
	send Enter
}

ok cw seed "$SEED_FILE"
TMUX_ENV="XDG_DOCUMENTS_DIR='$WORK/documents' XDG_CONFIG_HOME='$WORK/config'"
tmux_start 160 40
wait_for " 3 Records "

send W
wait_for "Week (Enter writes it): $last"
send Enter
wait_for "$last as: Enter or m Markdown, h HTML, c CSV, j JSON, p PDF"
send Enter
wait_for "Write to (Esc: not now): $file"
send Enter
wait_for "$last, written to"
checks=$((checks + 2))
[ -s "$file" ] || fail "W wrote no $file: $(ls -R "$WORK/documents" 2>&1)"
[ "$(stat -c %a "$file")" = 600 ] || fail "the summary is not private"
send Escape
wait_gone "written to"

# The format typed as a word ("pdf", then Enter, as a field trial did): the key picks it and
# the rest of the word is swallowed, not typed on after the name offered ("….pdfdf").
send W
wait_for "Week (Enter writes it): $last"
send Enter
wait_for "$last as:"
send -l pdf
wait_for "Write to (Esc: not now): $reports/casewatch-summary-$last.pdf"
capture
checks=$((checks + 1))
printf '%s\n' "$pane" | grep -qF "$last.pdfd" && fail "the rest of 'pdf' went into the place:
$pane"
send Enter
wait_for "$last, written to $reports/casewatch-summary-$last.pdf"
checks=$((checks + 1))
[ -s "$reports/casewatch-summary-$last.pdf" ] || fail "W wrote no PDF: $(ls "$reports")"
send Escape
wait_gone "written to"
# A letter that does not go on with the word is typed as ever.
w_markdown
wait_for "Write to (Esc: not now): $file"
send -l x
wait_for "Write to (Esc: not now): ${file}x"
send Escape
wait_for "no summary written"
# Nor one after a pause: the word is typed at once, and a place typed later may start with
# its letters (a review: after c, a path's "s" was lost).
keys "W<Enter>c<Tick><Tick>sv<Dump><Esc>" 200x24
has "Write to (Esc: not now): $reports/casewatch-summary-$last.csvsv"
keys "W<Enter>csv<Dump><Esc>" 200x24
has "Write to (Esc: not now): $reports/casewatch-summary-$last.csv"
lacks "$last.csvs"
lacks "$last.csvv"

# Another place: a folder typed (a USB stick's; spaces around it are none of it) takes the
# week's file name; a bare name goes
# into the reports folder, not the folder casewatch was started from; Esc writes nothing.
mkdir -p "$WORK/usb"
w_markdown
wait_for "Write to"
send C-u
send -l "  $WORK/usb  "
send Enter
wait_for "written to $WORK/usb/casewatch-summary-$last.md"
checks=$((checks + 1))
[ -s "$WORK/usb/casewatch-summary-$last.md" ] || fail "W wrote nothing into the folder typed: $(ls "$WORK/usb")"
send Escape
wait_gone "written to"
w_markdown
wait_for "Write to"
send C-u
send -l "for-partners.md"
send Enter
wait_for "written to $reports/for-partners.md"
checks=$((checks + 1))
[ -s "$reports/for-partners.md" ] || fail "a bare name was not written into the reports folder"
send Escape
wait_gone "written to"
w_markdown
wait_for "Write to"
send C-u
send -l "$WORK/esc.md"
send Escape
wait_for "no summary written"
checks=$((checks + 1))
[ ! -e "$WORK/esc.md" ] || fail "Esc on the place wrote the summary"

# The same week again: asked first; n keeps the file as it was.
echo "kept" >"$file"
w_markdown
take_path
wait_for "Write over casewatch-summary-$last.md, there already? y/N"
send n
wait_gone "Write over"
checks=$((checks + 1))
[ "$(cat "$file")" = kept ] || fail "n wrote over the file"

# A confidential hearing in that week: left out unless the question is answered y.
ok cw log hearing --case ref:c-nagaworld-lrsu-incitement --date "$monday" --outcome adjourned \
	--notes "Quokkaword testimony" --confidential --view own
w_markdown
wait_for "Put in the 1 confidential record the week holds (its header then says so)? y/N"
send n
take_path
wait_for "Write over"
send y
wait_for "$last, written to"
checks=$((checks + 2))
grep -q "Quokkaword" "$file" && fail "a confidential record left out by n is in the file"
grep -q "1 confidential record is not shown" "$file" || fail "no count of what was left out: $(head -20 "$file")"
send Escape
wait_gone "written to"
# "md" typed as a word: the d is swallowed, not an answer (no) to the question after it.
send W
wait_for "Week (Enter writes it): $last"
send Enter
wait_for "$last as:"
send -l md
wait_for "Put in the 1 confidential record"
send y
take_path
wait_for "Write over"
send y
wait_for "confidential records in it"
checks=$((checks + 2))
grep -q "Quokkaword" "$file" || fail "y left the confidential record out: $(head -20 "$file")"
grep -q "CONFIDENTIAL: this holds 1 record with confidential material" "$file" ||
	fail "the header does not say the summary holds confidential material: $(head -20 "$file")"
send Escape
wait_gone "written to"
send q
wait_quit "q"

# sign_reports = yes in the config file: W signs what it writes, FILE.sig beside it, which
# check-signature takes with no database.
mkdir -p "$WORK/config/casewatch"
printf 'sign_reports = yes\n' >"$WORK/config/casewatch/config"
rm -f "$file" "$file.sig"
tmux_start 160 40
wait_for " 3 Records "
w_markdown
wait_for "Put in the 1 confidential record"
send n
take_path
wait_for "summary signed and written to"
checks=$((checks + 1))
[ -s "$file.sig" ] || fail "sign_reports = yes wrote no signature"
"$CASEWATCH_BIN" --db "$WORK/nowhere" check-signature "$file" >"$WORK/check" ||
	fail "the signature W wrote does not check: $(cat "$WORK/check")"
checks=$((checks + 1))
grep -q "^Signature: in the .sig file beside this one" "$file" ||
	fail "the summary W signed does not say so: $(head -12 "$file")"
send Escape
wait_gone "written to"
send q
wait_quit "q"
# Written again unsigned over it: the old signature goes, as it signs another content.
printf 'sign_reports = no\n' >"$WORK/config/casewatch/config"
tmux_start 160 40
wait_for " 3 Records "
w_markdown
wait_for "Put in the 1 confidential record"
send n
take_path
wait_for "Write over"
send y
wait_for "$last, written to"
checks=$((checks + 1))
[ ! -e "$file.sig" ] || fail "an old signature stayed beside a summary W wrote unsigned"
send q
done_ok
