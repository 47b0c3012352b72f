#!/bin/sh
# A list written to a file or a pipe keeps every cell whole: a milestone's detail as long as
# `log` takes (500 bytes) lost its end in the OUTCOME column, cut at 400 bytes with no mark,
# and a Khmer one, three bytes a letter, sooner; the timeline printed the same cut.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Chao Veasna" --source "own observation"
long=$(printf 'the court heard the prosecution witness and %.0s' 1 2 3 4 5 6 7 8 9 10)
long="${long}the defence asked for bail: END-OF-DETAIL"
[ "$(printf '%s' "$long" | wc -c)" -le 500 ] || fail "the detail is longer than log takes"
ok cw log milestone --person "Chao Veasna" --type other --date 2024-02-07 --detail "$long" \
	--source "own observation"
km=$(printf 'ការជំនុំជម្រះ %.0s' 1 2 3 4 5 6 7 8 9 10 11)
ok cw log milestone --person "Chao Veasna" --type other --date 2024-02-08 --detail "${km}ចប់" \
	--source "own observation"

ok cw list records
has "END-OF-DETAIL"
has "${km}ចប់"
ok cw timeline "Chao Veasna"
has "END-OF-DETAIL"
has "${km}ចប់"

echo "list_whole_cells: $checks checks"
