#!/bin/sh
# A record of a confidential case that is not itself marked confidential: what others get of
# it (reports, exports, the calendar) still writes it, its date, outcome and notes, but reads
# its case as "[confidential]", with the court, defendants and articles that come from the
# case; a plain bundle leaves it out, as it does a record with confidential fields. So the
# team's lists mark it "[c]", as they mark a record some of whose fields others do not read
# (they showed it bare, beside "[C]" on its case), in `list`, `timeline` and `agenda`; its
# own mark, when it has one, says more and is the one shown. So is a record naming a
# confidential person, and `list --json` says it of each record (touches_confidential).
. "$TESTLIB"
set -e

ok cw init --no-encryption
ok cw person add --name "Ny Nak"
ok cw case add --title "Sealed case" --court "Phnom Penh Municipal Court" --defendant "Ny Nak" \
	--charge 494 --confidential
ok cw case add --title "Open case" --court "Kandal Provincial Court" --defendant "Ny Nak" \
	--charge 495
ok cw log hearing --case "Sealed case" --date 2026-11-25 --outcome adjourned \
	--next-date 2026-11-30 --notes "plain notes"
ok cw log hearing --case "Sealed case" --date 2026-11-27 --outcome adjourned --confidential
ok cw log milestone --person "Ny Nak" --case "Sealed case" --type charge --date 2026-11-20
ok cw log hearing --case "Open case" --date 2026-11-26 --outcome adjourned

# What others get: the hearing is there, its case is not.
ok cw report --from 2026-11-01 --to 2026-11-30
has "plain notes"
lacks "Sealed case"

ok cw list records
has "  Open case"
lacks "[c] Open case"
lacks "[C] Open case"
# Each row of the sealed case carries one mark: the hearing and the milestone (shown by its
# person) "[c]", the confidential hearing its own "[C]".
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c 'hearing .*\[c\] Sealed case')" -eq 1 ] ||
	fail "the plain hearing of the sealed case is not marked once: $out"
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c 'hearing .*\[C\] Sealed case')" -eq 1 ] ||
	fail "the confidential hearing is not marked [C]: $out"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q 'milestone .*\[c\] Ny Nak' ||
	fail "the milestone of the sealed case is not marked: $out"
ok cw list cases
has "[C] Sealed case"

ok cw timeline "Ny Nak"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q '2026-11-25  hearing .*\[c\] Sealed case' ||
	fail "the timeline does not mark the hearing: $out"
lacks "[c] Open case"

# The agenda marks it too, the next date it set with it.
ok cw agenda --from 2026-11-24 --days 10
checks=$((checks + 1))
[ "$(printf '%s\n' "$out" | grep -c '\[c\] Sealed case')" -eq 2 ] ||
	fail "the agenda does not mark the hearing and its next date: $out"
lacks "[c] Open case"

# A record that names a confidential person, in a case that is not confidential: what others
# get reads the person as "[confidential]" (a defendant of its case, a detainee of a visit,
# the person of a milestone), so the lists mark it "[c]" as they mark a record of a
# confidential case; a record of the same kind naming no such person has no mark.
ok cw person add --name "Kim Witness" --confidential
ok cw person add --name "Named Secretly" --confidential-field name
ok cw person add --name "Sok Plain"
ok cw case add --title "Guarded case" --court "Takeo Provincial Court" --defendant "Kim Witness" \
	--defendant "Sok Plain" --charge 495
ok cw case add --title "Plain case" --court "Takeo Provincial Court" --defendant "Sok Plain" \
	--charge 495
ok cw log hearing --case "Guarded case" --date 2026-10-05 --outcome adjourned
ok cw log hearing --case "Plain case" --date 2026-10-06 --outcome adjourned
ok cw log visit --date 2026-10-07 --facility "Takeo prison" --detainee "Named Secretly"
ok cw log visit --date 2026-10-08 --facility "Kampot prison" --detainee "Sok Plain"
ok cw log milestone --person "Kim Witness" --case "Guarded case" --type charge --date 2026-10-04
ok cw report --from 2026-10-01 --to 2026-10-31
has "Guarded case"
lacks "Kim Witness"

ok cw list records --since 2026-10-01 --until 2026-10-31
has "[c] Guarded case"
has "  Plain case"
lacks "[c] Plain case"
has "[c] Takeo prison"
has "  Kampot prison"
lacks "[c] Kampot prison"
checks=$((checks + 1))
printf '%s\n' "$out" | grep -q 'milestone .*\[c\] Kim Witness' ||
	fail "the milestone of a confidential person is not marked: $out"
ok cw list cases
has "[c] Guarded case"
has "  Plain case"
lacks "[c] Plain case"
lacks "[C] Guarded case"
ok cw timeline "Sok Plain"
has "[c] Guarded case"
lacks "[c] Plain case"

# list --json says it of every record: touches_confidential, true for a record that is
# confidential, has confidential fields, or is of a confidential case or names a confidential
# person (what the mark says), false for the others.
ok cw list records --json --since 2026-10-01 --until 2026-10-31
checks=$((checks + 1))
printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
rows = json.load(sys.stdin)
got = {(r.get("case_name") or r.get("facility") or r["kind"]) + " " + r["kind"]:
       r.get("touches_confidential") for r in rows}
want = {"Guarded case hearing": True, "Plain case hearing": False,
        "Takeo prison visit": True, "Kampot prison visit": False,
        "Guarded case milestone": True}
sys.exit(0 if got == want else "touches_confidential: %r" % got)
' || fail "list --json does not say what touches confidential material: $out"
ok cw list records --json --since 2026-11-01 --until 2026-11-30
checks=$((checks + 1))
printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
rows = json.load(sys.stdin)
got = sorted((r["date"], r.get("touches_confidential")) for r in rows)
want = [("2026-11-20", True), ("2026-11-25", True), ("2026-11-26", False),
        ("2026-11-27", True)]
sys.exit(0 if got == want else "touches_confidential: %r" % got)
' || fail "list --json does not say what touches confidential material: $out"
ok cw list cases --json
checks=$((checks + 1))
printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
got = {r["title"]: r.get("touches_confidential") for r in json.load(sys.stdin)}
want = {"Sealed case": True, "Open case": False, "Guarded case": True, "Plain case": False}
sys.exit(0 if got == want else "touches_confidential: %r" % got)
' || fail "list cases --json does not say what touches confidential material: $out"
# show --json gives it too (what it prints still imports: tests/cli/import.sh).
ok cw show "Guarded case" --json
has '"touches_confidential": true'
done_ok
