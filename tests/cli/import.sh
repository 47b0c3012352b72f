#!/bin/sh
# What `import` reads besides a record a line, and how it names what is wrong: the JSON the read
# commands print (an array from list and export, one record over several lines from show)
# imports; a byte-order mark is skipped; a record given twice in one file is refused (the
# count said both were imported while one replaced the other); a reference to nothing is named
# as the file wrote it, and "ref:" works in a file as on the command line.
. "$TESTLIB"
set -e

SRC="$WORK/src"
ok "$CASEWATCH" --db "$SRC" seed "$SEED_FILE"
ok cw init

# What the read commands print imports: people and cases first (records name them).
"$CASEWATCH" --db "$SRC" export persons --format json >"$WORK/people.json"
"$CASEWATCH" --db "$SRC" export cases --format json >"$WORK/cases.json"
"$CASEWATCH" --db "$SRC" export records --format json >"$WORK/records.json"
"$CASEWATCH" --db "$SRC" show ref:c-kem-sokha-treason --json >"$WORK/case.json"
head -c 1 "$WORK/records.json" | grep -q '\[' || fail "export does not print an array"
[ "$(sed -n 1p "$WORK/case.json")" = "{" ] || fail "show --json does not begin with a lone {"
# the records first: record 1 names a person or case not there yet, and the error says which
fails 65 "records.json record 1: .* with id" cw import "$WORK/records.json"
ok cw import "$WORK/people.json"
people=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/people.json")
[ "$out" = "imported $people records ($people new or changed)" ] || fail "people: $out"
ok cw import "$WORK/case.json"
[ "$out" = "imported 1 records (1 new or changed)" ] || fail "show --json: $out"
# ... also after a byte-order mark
{ printf '\357\273\277'; cat "$WORK/case.json"; } >"$WORK/case-bom.json"
ok cw import "$WORK/case-bom.json"
[ "$out" = "imported 1 records (0 new or changed)" ] || fail "show --json after a BOM: $out"
ok cw import "$WORK/cases.json"
ok cw import "$WORK/records.json"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/records.json")
[ "$out" = "imported $n records ($n new or changed)" ] || fail "records: $out"
ok cw show ref:c-kem-sokha-treason
has "Kem Sokha"
# A document that is not records is refused by its place, and writes nothing.
before=$(db_snapshot)
printf '[\n  {"kind": "person", "ref": "p-doc", "name": "In A Document"},\n  3\n]\n' >"$WORK/bad.json"
fails 65 "bad.json record 2: json: is not a record" cw import "$WORK/bad.json"
printf '[\n  {"kind": "person", "ref": "p-doc", "name": "In A Document"\n]\n' >"$WORK/cut.json"
fails 65 "cut.json line 3: json:" cw import "$WORK/cut.json"
[ "$(db_snapshot)" = "$before" ] || fail "a refused document changed the database"

# A byte-order mark before the first line (Windows editors) is no part of the records.
printf '\357\273\277{"kind": "person", "ref": "p-bom", "name": "Bom First"}\n' >"$WORK/bom.jsonl"
printf '{"kind": "person", "ref": "p-bom-2", "name": "Bom Second"}\n' >>"$WORK/bom.jsonl"
ok cw import "$WORK/bom.jsonl"
[ "$out" = "imported 2 records (2 new or changed)" ] || fail "a BOM: $out"
# ... only there: a mark further on is refused as before
printf '{"kind": "person", "ref": "p-bom-3", "name": "Bom Third"}\n\357\273\277{}\n' \
	>"$WORK/bom2.jsonl"
fails 65 "bom2.jsonl line 2: json" cw import "$WORK/bom2.jsonl"

# A line of spaces or tabs (a spreadsheet's last row, an editor's indentation) is a blank line,
# as an empty one is, not a bad record ("'[' or '{' expected near end of file").
printf '{"kind": "person", "ref": "p-space", "name": "Space Before"}  \n   \n\t\n \r\n' \
	>"$WORK/spaces.jsonl"
ok cw import "$WORK/spaces.jsonl"
[ "$out" = "imported 1 records (1 new or changed)" ] || fail "lines of spaces: $out"

# The same record twice in one file: refused, naming both lines; nothing written.
before=$(db_snapshot)
printf '%s\n' '{"kind":"incident","ref":"i-twice","type":"other","detail":"first"}' \
	'{"kind":"incident","ref":"i-other","type":"other","detail":"other"}' \
	'{"kind":"incident","ref":"i-twice","type":"other","detail":"second"}' >"$WORK/twice.jsonl"
fails 65 "twice.jsonl line 3: ref: names the record of line 1 again" cw import "$WORK/twice.jsonl"
id=0123456789abcdef0123456789abcdef
printf '{"kind":"person","id":"%s","name":"Twice"}\n{"kind":"person","id":"%s","name":"Twice"}\n' \
	"$id" "$id" >"$WORK/twice-id.jsonl"
fails 65 "twice-id.jsonl line 2: id: names the record of line 1 again" cw import "$WORK/twice-id.jsonl"
[ "$(db_snapshot)" = "$before" ] || fail "a refused file changed the database"
# ... and importing the same file twice is still no error (nothing changes the second time)
ok cw import "$WORK/bom.jsonl"
[ "$out" = "imported 2 records (0 new or changed)" ] || fail "again: $out"

# A reference to nothing is named as the file wrote it, beside the id it makes.
printf '{"kind":"hearing","ref":"h-typo","case":"c-kem-sokha-treasn","date":"2024-02-03"}\n' \
	>"$WORK/typo.jsonl"
fails 65 "typo.jsonl line 1: case: no case with id" cw import "$WORK/typo.jsonl"
case $err in *'(the file'"'"'s "c-kem-sokha-treasn")'*) ;; *) fail "the ref is not named: $err" ;; esac
# "ref:" as on the command line
printf '{"kind":"hearing","ref":"h-ref-prefix","case":"ref:c-kem-sokha-treason","date":"2024-02-03"}\n' \
	>"$WORK/prefix.jsonl"
ok cw import "$WORK/prefix.jsonl"
ok cw show ref:h-ref-prefix
has "Kem Sokha"

# One fair-trial indicator answered twice in a record: which answer is the account cannot be
# told (both were kept, and the report counted both); refused naming the line, the field and
# the indicator, and nothing is written (the command line keeps one answer an indicator).
before=$(db_snapshot)
printf '%s\n' '{"kind":"hearing","ref":"h-fine","case":"ref:c-kem-sokha-treason","date":"2024-02-04"}' \
	'{"kind":"hearing","ref":"h-twice","case":"ref:c-kem-sokha-treason","date":"2024-02-05","indicators":[{"name":"public_hearing","answer":"no"},{"name":"counsel_of_choice","answer":"yes"},{"name":"public_hearing","answer":"yes"}]}' \
	>"$WORK/answers.jsonl"
fails 65 "answers.jsonl line 2: indicators\[3\]: public_hearing is answered twice" \
	cw import "$WORK/answers.jsonl"
[ "$(db_snapshot)" = "$before" ] || fail "a refused indicator changed the database"

# Several bad lines are named in one run, each on its line and in the file's order, with the
# count last; nothing is written. The form of every line is checked after a bad one; a
# reference only up to the first (a later line may name what a bad one would have made).
before=$(db_snapshot)
printf '%s\n' '{"kind":"person","ref":"p-many-1","name":"Many One"}' \
	'{"kind":"hearing","ref":"h-many","case":"c-not-there","date":"2024-02-03"}' \
	'{"kind":"person","ref":"p-many-2","name":"Many Two","sex":"dragon"}' \
	'{"kind":"hearing","ref":"h-many-2","case":"c-not-there-either","date":"2024-02-30"}' \
	'not json' \
	'{"kind":"person","ref":"p-many-3","name":"Many Three"}' >"$WORK/many.jsonl"
set +e
"$CASEWATCH" --db "$DB" import "$WORK/many.jsonl" >"$WORK/stdout" 2>"$WORK/stderr"
got=$?
set -e
checks=$((checks + 1))
[ "$got" -eq 65 ] || fail "several bad lines exited $got: $(cat "$WORK/stderr")"
want='casewatch: many.jsonl line 2: case: no case with id'
[ "$(sed -n 1p "$WORK/stderr" | cut -c1-${#want})" = "$want" ] || fail "first: $(cat "$WORK/stderr")"
[ "$(sed -n 2p "$WORK/stderr")" = "casewatch: many.jsonl line 3: sex: 'dragon' is not one of: unknown, female, male, other" ] ||
	fail "second: $(cat "$WORK/stderr")"
[ "$(sed -n 3p "$WORK/stderr")" = "casewatch: many.jsonl line 4: date: 2024-02-30 does not exist" ] ||
	fail "third: $(cat "$WORK/stderr")"
sed -n 4p "$WORK/stderr" | grep -q '^casewatch: many.jsonl line 5: json: ' || fail "fourth: $(cat "$WORK/stderr")"
[ "$(sed -n 5p "$WORK/stderr")" = "casewatch: file: 4 bad records in $WORK/many.jsonl, listed above; nothing from it was imported" ] ||
	fail "the count: $(cat "$WORK/stderr")"
[ "$(wc -l <"$WORK/stderr")" -eq 5 ] || fail "not five lines: $(cat "$WORK/stderr")"
[ "$(db_snapshot)" = "$before" ] || fail "a file with several bad lines changed the database"
# ... at most 20, saying there are more; a control character in one reaches no terminal
: >"$WORK/many2.jsonl"
for i in $(seq 1 25); do
	printf '{"kind":"person","ref":"p-bad-%s","name":"Bad\\u001b]0;x\\u0007 %s","sex":"dragon"}\n' \
		"$i" "$i" >>"$WORK/many2.jsonl"
done
set +e
"$CASEWATCH" --db "$DB" import "$WORK/many2.jsonl" >"$WORK/stdout" 2>"$WORK/stderr"
got=$?
set -e
checks=$((checks + 1))
[ "$got" -eq 65 ] || fail "25 bad lines exited $got"
[ "$(wc -l <"$WORK/stderr")" -eq 21 ] || fail "not 21 lines: $(cat "$WORK/stderr")"
[ "$(sed -n 20p "$WORK/stderr" | cut -d: -f2)" = " many2.jsonl line 20" ] || fail "20th: $(sed -n 20p "$WORK/stderr")"
sed -n 21p "$WORK/stderr" | grep -q 'the first 20 bad records of .*, and there are more; nothing from it was imported' ||
	fail "no 'more': $(sed -n 21p "$WORK/stderr")"
! LC_ALL=C grep -q "$(printf '\033')" "$WORK/stderr" || fail "a control character reached the terminal"
# ... and so in a document, by the records' places
printf '[\n{"kind":"person","ref":"p-doc-ok","name":"Doc"},\n3,\n{"kind":"person","ref":"p-doc-x","name":"X","sex":"x"}\n]\n' \
	>"$WORK/many.json"
set +e
"$CASEWATCH" --db "$DB" import "$WORK/many.json" >"$WORK/stdout" 2>"$WORK/stderr"
got=$?
set -e
checks=$((checks + 1))
[ "$got" -eq 65 ] || fail "a document with two bad records exited $got"
[ "$(sed -n 1p "$WORK/stderr")" = "casewatch: many.json record 2: json: is not a record (an object)" ] &&
	sed -n 2p "$WORK/stderr" | grep -q '^casewatch: many.json record 3: sex: ' &&
	sed -n 3p "$WORK/stderr" | grep -q '2 bad records in' || fail "document: $(cat "$WORK/stderr")"
[ "$(db_snapshot)" = "$before" ] || fail "a refused document changed the database"

# A line longer than the limit is refused by its number as before, but read with a bound: a
# file with no newline grew the memory by the line until the import failed. The next lines
# are still read and named (the over-long one is read to its end without being kept).
# (Files of a megabyte or more are imported in place, so the content is compared, not bytes.)
ok cw bundle content --digest
content=$out
head -c 100663296 /dev/zero | tr '\0' x >"$WORK/long.jsonl" # 96 MiB, no newline
fails 65 "long.jsonl line 1: line: too long: 100663296 bytes, at most 1048576" \
	cw import "$WORK/long.jsonl"
{ printf '{"kind":"person","ref":"p-before-long","name":"Before"}\n'
	head -c 2000000 /dev/zero | tr '\0' ' '; printf '{}\n{"kind":"person","sex":"dragon"}\n'; } \
	>"$WORK/long2.jsonl"
set +e
"$CASEWATCH" --db "$DB" import "$WORK/long2.jsonl" >"$WORK/stdout" 2>"$WORK/stderr"
got=$?
set -e
checks=$((checks + 1))
[ "$got" -eq 65 ] && grep -q "long2.jsonl line 2: line: too long: 2000002 bytes" "$WORK/stderr" &&
	grep -q "long2.jsonl line 3: " "$WORK/stderr" || fail "a long line between: $(cat "$WORK/stderr")"
ok cw bundle content --digest
[ "$out" = "$content" ] || fail "a refused long line changed the database"
# A comment however long is skipped, as it was before lines were read with a bound; a first
# line's byte-order mark is no part of its length, nor a letter of Khmer script (a review).
{ printf '#'; head -c 2097152 /dev/zero | tr '\0' c
	printf '\n{"kind":"person","ref":"p-after-comment","name":"After the comment"}\n'; } \
	>"$WORK/comment.jsonl"
ok cw import "$WORK/comment.jsonl"
ok cw list records --kind person --text "After the comment"
has "After the comment"
{ printf '\357\273\277'; head -c 1048580 /dev/zero | tr '\0' x; printf '\n'; } >"$WORK/bom.jsonl"
fails 65 "bom.jsonl line 1: line: too long: 1048580 bytes, at most 1048576" \
	cw import "$WORK/bom.jsonl"
lacks "Khmer"
ok cw bundle content --digest
content=$out
# Its memory stays that of a short line, where a line of 96 MiB held whole took more than
# twice that (getline doubles its buffer).
checks=$((checks + 1))
"${PYTHON3:-python3}" - "$CASEWATCH" "$DB" "$WORK/long.jsonl" <<'PY' || fail "a long line is held in memory"
import resource, subprocess, sys
subprocess.run([sys.argv[1], "--db", sys.argv[2], "import", sys.argv[3]],
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB
sys.exit(0 if peak < 48 * 1024 else "peak resident memory %d KiB" % peak)
PY
# ... but a document on one line longer than that (an array a tool wrote compact) is read
# whole, as a document always was.
"${PYTHON3:-python3}" -c '
import json, sys
json.dump([{"kind": "person", "ref": "p-compact-%d" % i, "name": "Compact %d" % i,
            "notes": "n" * 200} for i in range(6000)], open(sys.argv[1], "w"))' "$WORK/compact.json"
[ "$(stat -c %s "$WORK/compact.json")" -gt 1048576 ] || fail "compact.json is too small"
ok cw import "$WORK/compact.json"
[ "$out" = "imported 6000 records (6000 new or changed)" ] || fail "a compact document: $out"
rm -f "$WORK/long.jsonl" "$WORK/long2.jsonl" "$WORK/compact.json"
done_ok
