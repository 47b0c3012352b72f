#!/bin/sh
# A pane that shows a text of its own wraps it again when the window is resized: a save's
# warnings (!) and a week's summary written (W), opened at 100 columns, at 50 show the same
# text whole on more rows, none cut at the window's edge, and at 100 again the lines as they
# were. The text holds Khmer (a case's title, a person's Khmer name), wrapped by the columns
# it takes (wcwidth), not by its bytes (3 a letter). tests/tui/upgrade_damaged.sh resizes the
# pane that says what an upgrade left out, in tmux.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Chhim Sithar" --name-km "ឈឹម ស៊ីថា"
ok cw case add --title "NagaWorld ករណីកូដកម្មរបស់សហជីពនៅណាហ្គាវើល" --court "Phnom Penh Court" \
	--defendant "Chhim Sithar" --custody detained --charge 4945

# body: the rows of $screen between its title (the first) and its last, without their spaces
# and line ends: what the pane says, however it is wrapped.
body() { printf '%s\n' "$screen" | sed '1d;$d' | tr -d ' \n'; }
# rows: how many of those rows hold something.
rows() { printf '%s\n' "$screen" | sed '1d;$d' | grep -c '[^ ]' || :; }
# khmer_row TEXT: the width of $screen's row holding TEXT, in the columns it takes.
khmer_row() {
	screen=$(printf '%s\n' "$screen" | grep -F -- "$1" | head -n 1)
	widest
}

# The week's summary (before the hearing, whose verdict would have the arrest enforce it): its paragraph (one line in the file) names the person with their Khmer
# name; at 50 columns it is whole (its rows joined), on rows that the Khmer name does not cut short.
# joined: $screen's rows, a continuation row (indented by two) joined to the one before.
joined() {
	printf '%s\n' "$screen" | awk 'NR > 1 && /^  / { sub(/^  /, " "); printf "%s", $0; next }
		NR > 1 { print "" } { printf "%s", $0 } END { print "" }'
}
ok cw log milestone --person "Chhim Sithar" --case NagaWorld --type arrest --date 2024-02-06 \
	--view own
keys 'W<C-u>2024-W06<Enter>m<Enter><Dump><Resize:50x60><Dump><Resize:100x60><Dump>' 100x60
para=$(grep "^The team monitored" "$WORK/documents/casewatch-reports/casewatch-summary-2024-W06.md") ||
	fail "the summary has no paragraph: $(cat "$WORK/documents/casewatch-reports/casewatch-summary-2024-W06.md")"
case $para in *"Chhim Sithar (ឈឹម ស៊ីថា)"*) ;; *) fail "the paragraph does not name Chhim Sithar (ឈឹម ស៊ីថា): $para" ;; esac
screen 1
wide=$screen
joined | grep -qxF -- "$para" || fail "at 100 columns the paragraph is not whole: $screen"
screen 2
checks=$((checks + 5))
joined | grep -qxF -- "$para" || fail "at 50 columns the paragraph is not whole:
$screen"
[ "$(khmer_row "ឈឹម ស៊ីថា")" -gt 40 ] || fail "at 50 columns the row with the Khmer name is wrapped short: $(screen 2; printf '%s' "$screen")"
screen 3
[ "$screen" = "$wide" ] || fail "at 100 columns again the summary is not as it was:
$wide
----
$screen"
# The warnings of a hearing whose verdict names an article its case does not charge: the
# case's Khmer title is in them.
keys 'HNagaWorld<Enter>2024-02-01<C-g>verdicts<Enter>494=convicted@Chhim Sithar<C-s>!<Dump><Resize:50x30><Dump><Resize:100x30><Dump>' 100x30
screen 1
wide=$screen
printf '%s\n' "$screen" | grep -qF "Warnings on saving hearing " || fail "! shows no warnings: $screen"
printf '%s\n' "$screen" | grep -qF "ករណីកូដកម្ម" || fail "the warnings do not name the case: $screen"
whole=$(body)
wide_rows=$(rows)
screen 2
checks=$((checks + 4))
[ "$(body)" = "$whole" ] || fail "at 50 columns the warnings are not whole:
$wide
----
$screen"
[ "$(rows)" -gt "$wide_rows" ] || fail "at 50 columns the warnings take no more rows than at 100: $screen"
[ "$(khmer_row "ករណីកូដកម្ម")" -gt 40 ] || fail "at 50 columns the row with Khmer is wrapped short (bytes counted?): $(screen 2; printf '%s' "$screen")"
screen 3
[ "$screen" = "$wide" ] || fail "at 100 columns again the warnings are not as they were:
$wide
----
$screen"

done_ok
