#!/bin/sh
# A form at 80 columns cuts text only between clusters, and shows what a monitor needs to read.
# A hearing's fair-trial indicator with a Khmer note, in the Khmer edit form: the note shows
# whole beside the answer chosen (every answer beside it left it no room: a field trial saw
# "កំណត់សម្គាល់៖ ់", a vowel sign cut from its letter), typed into after ':' too. A long case
# title shows its start, cut with "…", until a key edits it; then the end being typed, after
# a "…". The hint offers a note after ':' on an answer to what was observed (public admitted),
# not on the switches beside the record (confidential, "arrests at least").
. "$(dirname "$0")/lib.sh"
set -e

need_khmer
title="Sam Sokong and Candlelight activists (Tbong Khmum) — incitement to commit a felony"
note="ឆ្មាំពន្ធនាគារឈរស្តាប់"
ok cw init
ok cw person add --name "Sam Sokong"
ok cw case add --title "$title" --defendant "Sam Sokong" --charge 495
ok cw log hearing --case "Sam Sokong" --date 2024-05-02 --outcome adjourned \
	--indicator public_hearing=no:"$note"

# no_cut: no line of $out has a character that takes no column of its own (a Khmer vowel
# sign, a subscript's COENG) after a space, "…" or the start of the line: a cluster cut.
no_cut() {
	checks=$((checks + 1))
	printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import sys, unicodedata
for line in sys.stdin.read().split("\n"):
    for i, c in enumerate(line):
        if unicodedata.category(c) in ("Mn", "Mc") and (i == 0 or line[i - 1] in " \u2026"):
            sys.exit("a cluster cut at %d: %r" % (i, line))
' || fail "text cut inside a cluster:
$out"
}

# The note, read and then typed into (':' and the cursor at its end), in Khmer at 80 columns.
LANGUAGE=km LC_ALL=C.UTF-8 keys "3e<C-g>$(km "public hearing")<Enter><Dump>:<Dump>" 80x24
no_cut
screen 1
checks=$((checks + 1))
printf '%s\n' "$screen" | grep -F "$(km "public hearing"):" | grep -F "[$(km no)]" |
	grep -qF "$note" || fail "the note is not whole beside the answer:
$screen"
screen 2
checks=$((checks + 1))
printf '%s\n' "$screen" | grep -qF "$note" || fail "the note typed into is not whole:
$screen"

# A long title: its start while the form opens on it, the end being typed once a key edits it.
keys "1e<Dump>!<Dump>" 80x24
no_cut
screen 1
checks=$((checks + 1))
printf '%s\n' "$screen" | grep -q "title \*: Sam Sokong and Candlelight activists .*…$" ||
	fail "the title does not show its start:
$screen"
screen 2
checks=$((checks + 1))
printf '%s\n' "$screen" | grep -q "title \*: ….*a felony!$" ||
	fail "the title typed into does not show its end after a '…':
$screen"
# In Khmer too, where the labels' column is wider.
LANGUAGE=km LC_ALL=C.UTF-8 keys "1e<Dump>" 80x24
no_cut
has ": Sam Sokong and Candlelight"

# The hint: a note after ':' on public admitted, not on confidential nor arrests at least.
keys "H<C-g>public adm<Enter><Dump>" 100x30
has ": then a note, a line of its own in the notes"
has "y yes, n no, a na, u unknown"
keys "H<C-g>confidential<Enter><Dump>" 100x30
lacks "then a note"
has "y yes, n no"
keys "D<C-g>arrests at<Enter><Dump>" 100x30
lacks "then a note"
has "arrests at least:"
done_ok
