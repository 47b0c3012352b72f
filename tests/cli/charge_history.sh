#!/bin/sh
# A charge's history names the record that moved it by what it is, its kind and date
# ("hearing 2023-05-25 (c7d356f6)"), never an empty label (a hearing's label is its court,
# often left to the case's); a verdict deleted here leaves no step behind.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Chhim Sithar" --affiliation LRSU
ok cw case add --title "NagaWorld strike" --court "Phnom Penh Court of First Instance" \
	--defendant "Chhim Sithar" --custody detained --charge 494/495
ok cw log hearing --case NagaWorld --date 2023-05-25 --time 09:00 --outcome verdict \
	--verdict "494/495=convicted@Chhim Sithar" --source "own observation"
hearing=$(printf '%s\n' "$out" | sed -n 's/^added hearing \([0-9a-f]*\).*/\1/p' | cut -c1-8)
[ -n "$hearing" ] || fail "no hearing id in: $out"

ok cw show NagaWorld
has "record             hearing 2023-05-25 ($hearing)"
lacks "record              ("

# The label the history gives is the one the conflicts' field differences read (one
# function formats both); JSON keeps the id as it was.
ok cw show NagaWorld --json
json 'd["defendants"][0]["charges"][0]["history"][0]["record"].startswith("'"$hearing"'")'

# Deleted here, the hearing takes back what it moved: no step left naming it (a record
# deleted on another laptop, whose step arrives in the case's version from there, reads
# "(deleted record ID)": check_report, a_history_names_a_deleted_record).
ok cw delete "$hearing" --yes
ok cw show NagaWorld
lacks "$hearing"
lacks "record              ("
lacks "convicted"

done_ok
