#!/bin/sh
# On a terminal every table fits its width (80 columns and narrower), ids, dates and kinds
# whole, long free text cut or left out first, Khmer aligned by display width; the timeline's
# head is wrapped to it. Written to a pipe, the same tables keep every cell whole.
. "$TESTLIB"
set -e

ok cw init
ok cw seed
ok cw person add --name "Chhim Sithar Khmer" --name-km "ឈឹម ស៊ីថា" --province "ភ្នំពេញ" \
	--affiliation "Labour Rights Supported Union of Khmer Employees of NagaWorld, Phnom Penh"
ok cw case add --title "NagaWorld strike, the second mass trial of the union's leaders" \
	--defendant "Chhim Sithar Khmer" --court "Phnom Penh Court of First Instance" \
	--custody detained --charge 494/495
ok cw log hearing --case "NagaWorld strike, the second" --date tomorrow --time 09:00 \
	--court "Phnom Penh Court of First Instance, third chamber, courtroom two" \
	--outcome adjourned --next-date "+3d" --source "own observation" \
	--notes "the defence asked for the case file and the judge adjourned the hearing to let it read it"
ok cw bundle export --plain --all -o "$WORK/all.cwb"

# aligned TITLE: on every line of $out, the column TITLE starts at the same display column
# below the line that holds TITLE (Khmer takes fewer columns than bytes).
aligned() {
	checks=$((checks + 1))
	printf '%s\n' "$out" | "${PYTHON3:-python3}" -c '
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
lines = sys.stdin.read().splitlines()
at = next(i for i, l in enumerate(lines) if sys.argv[1] in l)
col = width(lines[at][:lines[at].index(sys.argv[1])])
for l in lines[at + 1:]:
    # the display columns where a cell after two spaces starts
    starts = set()
    for i in range(2, len(l)):
        if l[i - 2:i] == "  " and l[i] != " ":
            starts.add(width(l[:i]))
    if l.strip() and not l.startswith(("not shown", "  ", "... ")) and col not in starts and len(l) > col:
        sys.exit("misaligned: " + l)' "$1" || fail "column $1 not aligned:
$out"
}

for cols in 80 79 60; do
	tty "$cols" "$CASEWATCH" --db "$DB" list records
	fits "$cols"
	has "milestone " # a kind is never cut
	lacks "milesto…"
	has "2024-05-03  " # nor a date
	# every row still starts with its whole id
	checks=$((checks + 1))
	printf '%s\n' "$out" | sed 1d | grep -v '^not shown\|^  ' | grep -qv '^[0-9a-f]\{8\}  ' &&
		fail "a row without its whole id: $out"
	aligned ACCOUNT

	tty "$cols" "$CASEWATCH" --db "$DB" list persons
	fits "$cols"
	has "ឈឹម ស៊ីថា"
	aligned ACCOUNT

	tty "$cols" "$CASEWATCH" --db "$DB" list cases
	fits "$cols"
	aligned ACCOUNT

	tty "$cols" "$CASEWATCH" --db "$DB" agenda
	fits "$cols"
	has "hearing"
	aligned ACCOUNT

	tty "$cols" "$CASEWATCH" --db "$DB" timeline "Chhim Sithar Khmer"
	fits "$cols"
	has "custody: detained"

	tty "$cols" "$CASEWATCH" --db "$DB" bundle inspect "$WORK/all.cwb"
	out=$(printf '%s\n' "$out" | sed -n '/^KIND /,$p') # the table, after the bundle's header
	fits "$cols"
	has "person "
	aligned STATE
done

# The table of articles, in Khmer too (the law's long names give room first).
for cols in 80 60; do
	tty "$cols" env LANGUAGE=km "$CASEWATCH" --db "$DB" articles
	fits "$cols"
	has "494 "
	has "ការញុះញង់"
done

# At 60 columns the least important columns are left out, and the table says which.
tty 60 "$CASEWATCH" --db "$DB" list records
has "not shown at this width: COURT / PLACE, OUTCOME"
lacks "COURT / PLACE  "

# A column with nothing in it is left out before any text is cut, and named nowhere: prison
# visits name no article, and a list of them at 80 columns cut every "access denied" and
# "access granted" to "access…" beside an empty ARTICLES column (a prison monitor's trial).
ok cw log visit --facility "Correctional Center 1 (Prey Sar), Phnom Penh" \
	--facility-province "Phnom Penh" --date 2024-03-12 --access denied --source "own observation"
ok cw log visit --facility "Kandal provincial prison, Ta Khmau" --facility-province Kandal \
	--date 2024-03-13 --access granted --source "own observation"
tty 80 "$CASEWATCH" --db "$DB" list records --kind visit --since 2024-03-12
fits 80
lacks "ARTICLES"
has "access den"
has "access gra"
lacks "not shown"
# ... but an empty column of ids, dates or kinds stays, whole.
tty 80 "$CASEWATCH" --db "$DB" list records --kind visit --text "nine prisons"
has "DATE"

# A pipe gets every cell whole, whatever the terminal's width.
out=$(cw list records --text "second mass trial" | cat)
has "NagaWorld strike, the second mass trial of the union's leaders"
has "Phnom Penh Court of First Instance, third chamber, courtroom two"
lacks "…"
lacks "not shown"
out=$(cw agenda | cat)
has "Phnom Penh Court of First Instance, third chamber, courtroom two"
lacks "…"

done_ok
