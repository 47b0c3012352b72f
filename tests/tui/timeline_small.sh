#!/bin/sh
# A timeline's header on a small window: custody and charges, pretrial detention and the next
# hearing are what a monitor opens it for. They were dropped without a sign at 60x15 (and a
# wrapped line lost its continuation at 80x14); now they are kept first, whole, and a sign
# says how many lines of the header are not shown.
. "$(dirname "$0")/lib.sh"
set -e

ok cw seed "$SEED_FILE"
keys '2/Chhim<Enter><Enter><Dump>' 60x15
has "custody: detained | charges: convicted: 494, 495"
has "pretrial detention: none recorded"
has "adjournments: 0 | next hearing: none scheduled"
has "header lines not shown: a taller window shows them"
# Tall enough: every line, and no sign.
keys '2/Chhim<Enter><Enter><Dump>' 60x30
has "custody: detained | charges: convicted: 494, 495"
has "case: NagaWorld union activists"
lacks "not shown"
# A wrapped line keeps its continuation.
keys '2/Thach<Enter><Enter><Dump>' 80x14
has "custody: detained | charges: convicted: LNIPT 231, 494, 495, 496"
has "pretrial detention: 233 to 263 days (to 2023-09-21) (dates not precise to the"
printf '%s\n' "$out" | grep -q '^    day)$' || fail "the wrapped line lost its continuation:
$out"
has "adjournments: 0 | next hearing: none scheduled"
has "header lines not shown"

# A next date that has passed with no hearing logged on it or since is said, not "none
# scheduled": a partner read that no hearing was set.
DB="$WORK/passed"
ok cw init
ok cw person add --name "Chhim Sithar"
ok cw case add --title "NagaWorld LRSU" --defendant "Chhim Sithar" --charge 494/495
ok cw log hearing --case NagaWorld --date 2022-03-03 --outcome postponed --next-date 2022-03-17
keys '2/Chhim<Enter><Enter><Dump>' 120x30
has "adjournments: 1 (account: not recorded) | next hearing: 2022-03-17 (passed, nothing logged since)"
lacks "none scheduled"
done_ok
