#!/bin/sh
# Tables written to a file or a pipe keep every cell whole, whatever $COLUMNS says; on a
# terminal they are fitted to its width as before (a pseudo-terminal 80 columns wide).
. "$TESTLIB"
set -e

long="Coalition of Cambodian Farmer Community, Independent Monitoring Network of the Prey Lang Forest and Friends, Phnom Penh branch, Tuol Kork district, second office"
ok cw init
ok cw person add --name "Chhim Sithar" --name-km "ឈឹម ស៊ីថា" --affiliation "$long" \
	--province "Phnom Penh"
ok cw person add --name "Kem Sokha" --affiliation CNRP --province "Phnom Penh"
ok cw case add --title "NagaWorld strike, and the mass trial of the union's leaders for incitement" \
	--defendant "Chhim Sithar" --court "Phnom Penh Court of First Instance" --charge 494/495

for columns in 200 40; do
	COLUMNS=$columns cw list persons >"$WORK/persons.txt"
	out=$(cat "$WORK/persons.txt")
	has "$long"
	lacks "…"
	# the columns stay aligned: PROVINCE starts at the same display column on every line
	checks=$((checks + 1))
	"${PYTHON3:-python3}" - "$WORK/persons.txt" <<'PY' || fail "columns not aligned: $out"
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
start = width(lines[0][:lines[0].index("PROVINCE")])
for l in lines[1:]:
    assert width(l[:l.rindex("Phnom Penh")]) == start, l
PY
	out=$(cw list cases | cat)
	has "NagaWorld strike, and the mass trial of the union's leaders for incitement"
	has "Phnom Penh Court of First Instance"
	lacks "…"
done

# On a terminal 80 columns wide: fitted, cut text ending with "…".
tty 80 "$CASEWATCH" --db "$DB" list persons
has "…"
lacks "$long"
fits 80

done_ok
