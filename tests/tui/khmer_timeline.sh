#!/bin/sh
# In Khmer, a person's timeline says in Khmer what it does not know: a case's custody not
# given ("unknown"), no charges and no pretrial detention ("none recorded").
. "$(dirname "$0")/lib.sh"
set -e

need_khmer

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar"

export LC_ALL=C.UTF-8 LANGUAGE=km
keys '2<Enter><Dump>' 100x30
# "  custody: %s | charges: %s" and "pretrial detention: %s", filled in Khmer
has "$(printf "$(km "  custody: %s | charges: %s")" "$(km "unknown")" "$(km "none recorded")")"
has "$(printf "$(km "pretrial detention: %s")" "$(km "none recorded")")"
lacks "unknown"
lacks "none recorded"
done_ok
