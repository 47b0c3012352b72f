#!/bin/sh
# t on a hearing, a visit or a demonstration opens a timeline. A field trial's supervisor,
# browsing the 494/495 records (i), pressed t on a hearing, as the key help says ("timeline of
# the person (or the case's first defendant)") and the record view's head offers, and read "no
# named person here to show a timeline for". A hearing opens the first person its attendance
# names, else its case's first defendant; a visit its first detainee; a demonstration the first
# person arrested there. One that names no one still says so.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Koeut Saray"
ok cw person add --name "Ny Nak"
ok cw person add --name "Sun Sreypich"
ok cw case add --title "Koeut Saray incitement" --defendant "Koeut Saray" --charge 494/495
ok cw case add --title "Ny Nak defamation" --defendant "Ny Nak" --charge 302
ok cw log hearing --case "Koeut Saray incitement" --date 2024-04-24 --outcome adjourned
ok cw log hearing --case "Ny Nak defamation" --date 2024-04-17 --outcome adjourned \
	--absent "Ny Nak"
ok cw log visit --facility "Prey Sar" --date 2024-04-11 --detainee "Ny Nak" --access granted
ok cw log demo --date 2024-04-18 --place NagaWorld --response arrests --arrested "Sun Sreypich"
ok cw log demo --date 2024-04-19 --place "Freedom Park" --response monitored

# From the records' list: the hearing of a case whose attendance names no one, its defendant.
keys '3/<C-u>kind:hearing koeut<Enter>t<Dump>' 110x30
has "timeline of Koeut Saray"
# From the record's view, and a hearing that names its defendant (absent).
keys '3/<C-u>kind:hearing since:2024-04-17 until:2024-04-17<Enter><Enter>t<Dump>' 110x30
has "timeline of Ny Nak"
keys '3/<C-u>kind:visit<Enter>t<Dump>' 110x30
has "timeline of Ny Nak"
keys '3/<C-u>kind:demo nagaworld<Enter>t<Dump>' 110x30
has "timeline of Sun Sreypich"
keys '3/<C-u>kind:demo freedom<Enter>t<Dump>' 110x30
has "no named person here to show a timeline for"
done_ok
