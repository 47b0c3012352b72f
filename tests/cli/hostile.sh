#!/bin/sh
# A catalogue of hostile inputs through the real binary, on the demo database: invalid and
# overlong UTF-8, NUL, escape sequences, bidi overrides, huge fields, impossible dates, odd
# articles, wrong JSON types, duplicate keys, deep nesting, unknown ids, ambiguous names. Each
# must fail with its documented exit status, exactly one line on stderr naming the field at
# fault (and no control character in it), and the database file byte for byte as it was.
#
# One case a line: STATUS|FIELD|ARGUMENTS. The arguments are shell words (evaluated), with
# helpers:
#   $(p 'FORMAT')          printf's FORMAT: \033 and other octal escapes, \\ a backslash
#   $(j 'FORMAT' ARG...)   a file holding printf FORMAT ARG... (JSON Lines), for import
#   $(rep N TEXT)          TEXT repeated N times
# FIELD is a fixed string the error line must contain.
. "$TESTLIB"
set -e

p() { printf "$1"; }
n=0
j() {
	n=$((n + 1))
	fmt=$1
	shift
	# shellcheck disable=SC2059
	printf "$fmt\n" "$@" >"$WORK/case$n.jsonl"
	printf '%s' "$WORK/case$n.jsonl"
}
rep() { printf "%${1}s" "" | sed "s/ /$2/g"; }

ok cw seed "$SEED_FILE"
ok cw person add --name "Chan Sok"
ok cw person add --name "Chan Dara"
ok cw show ref:p-kem-sokha --json
kem_sokha=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
before=$(cksum <"$DB/data.mdb")

cat >"$WORK/cases" <<'CASES'
# ---- names: encodings, controls, bidi, blank, size --------------------------------------
65|name|person add --name "$(p 'A\377B')"
65|name|person add --name "$(p '\300\257')"
65|name|person add --name "$(p '\340\200\257')"
65|name|person add --name "$(p '\355\240\200')"
65|name|person add --name "$(p '\364\220\200\200')"
65|name|person add --name "$(p 'Sok \341\236')"
65|name|person add --name "$(p '\200abc')"
65|name|person add --name "$(p '\370\210\200\200\200')"
65|name|person add --name "$(p 'red \033[31m text')"
65|name|person add --name "$(p '\033]0;pwned\007')"
65|name|person add --name "$(p '\302\233 8-bit CSI')"
65|name|person add --name "$(p 'abc\342\200\256cba')"
65|name|person add --name "$(p '\342\200\252embedded')"
65|name|person add --name "$(p '\342\201\246isolate')"
65|name|person add --name "$(p 'bell\007')"
65|name|person add --name "$(p 'back\010space')"
65|name|person add --name "$(p 'carriage\rreturn')"
65|name|person add --name "$(p 'two\nlines')"
65|name|person add --name "$(p 'tab\there')"
65|name|person add --name "$(p 'del\177')"
65|name|person add --name "$(rep 201 a)"
65|name|person add --name "$(rep 70000 a)"
65|name|person add --name "$(rep 67 ស)"
65|name|person add --name "   "
65|name|person add --name "$(p '\342\200\213\342\200\213')"
65|name|person add --name "$(p '\302\240\343\200\200')"
65|name|person add --name "$(p '\357\273\277\342\201\240')"
65|name|person add --name "$(p '\341\236\264\341\236\265')"
65|name|person add --name ""
2|name|person add --name
65|name-km|person add --name Sok --name-km "$(p '\377')"
65|affiliation|person add --name Sok --affiliation "$(p '\033[2J')"
65|province|person add --name Sok --province "$(p '\342\200\256')"
65|notes|person add --name Sok --notes "$(rep 8001 n)"
65|notes|person add --name Sok --notes "$(p 'ok\nbut \033[1m')"
65|notes|person add --name Sok --notes "$(p 'rlo \342\200\256')"
65|birth-year|person add --name Sok --birth-year 1899
65|birth-year|person add --name Sok --birth-year 2200
65|birth-year|person add --name Sok --birth-year -1
65|birth-year|person add --name Sok --birth-year abc
65|birth-year|person add --name Sok --birth-year 99999999999999999999
65|birth-year|person add --name Sok --birth-year 1e3
65|birth-year|person add --name Sok --birth-year 0x7d0
65|birth-year|person add --name Sok --birth-year " 1950"
65|sex|person add --name Sok --sex dragon
65|role|person add --name Sok --role spaceman
65|view|person add --name Sok --view alien
2|colour|person add --name Sok --colour red
2|kind|person add --name Sok --kind hearing
# ---- cases: articles, charges, dates ------------------------------------------------------
65|title|case add --title ""
65|title|case add --title "$(p '\033[5mblink')"
65|title|case add --title "$(p '\342\200\213')"
66|defendant|case add --title T --defendant "Nobody At All"
65|defendant|case add --title T --defendant Kem
65|defendant|case add --title T --defendant Chan
65|charge|case add --title T --defendant "Kem Sokha" --charge abc
65|charge|case add --title T --defendant "Kem Sokha" --charge "494/"
65|charge|case add --title T --defendant "Kem Sokha" --charge "/495"
65|charge|case add --title T --defendant "Kem Sokha" --charge "494 quinquies"
65|charge|case add --title T --defendant "Kem Sokha" --charge "-5"
65|charge|case add --title T --defendant "Kem Sokha" --charge "494:exploded"
65|charge|case add --title T --defendant "Kem Sokha" --charge "99999999"
65|charge|case add --title T --defendant "Kem Sokha" --charge "$(p '494\033[0m')"
65|charge|case add --title T --defendant "Kem Sokha" --charge "$(rep 300 4)"
65|charge|case add --title T --charge 494
65|custody|case add --title T --defendant "Kem Sokha" --custody flying
65|defendant-stage|case add --title T --defendant "Kem Sokha" --defendant-stage orbit
65|opened|case add --title T --opened 2024-13
65|opened|case add --title T --opened 2024-02-30
65|opened|case add --title T --opened 2023-02-29
65|opened|case add --title T --opened 1899
65|opened|case add --title T --opened 2200-01-01
65|opened|case add --title T --opened 24-01-01
65|opened|case add --title T --opened 2024-1-31x
65|opened|case add --title T --opened 2024-01-01T09
65|opened|case add --title T --opened "$(p '\331\242\331\240\331\242\331\244')"
65|opened|case add --title T --opened 2024-00
65|opened|case add --title T --opened 2024-04-31
65|court|case add --title T --court "$(p '\342\200\256tpircS')"
65|stage|case add --title T --stage nowhere
65|court-level|case add --title T --court-level galactic
# ---- hearings, visits, demonstrations, milestones -----------------------------------------
65|case|log hearing --date 2024-01-01
66|case|log hearing --case "Nobody At All" --date 2024-01-01
65|case|log hearing --case Kem --date 2024-01-01
66|case|log hearing --case ref:c-no-such-case --date 2024-01-01
66|case|log hearing --case ref:p-kem-sokha --date 2024-01-01
66|case|log hearing --case 000000 --date 2024-01-01
66|case|log hearing --case deadbeefdeadbeefdeadbeefdeadbeef --date 2024-01-01
65|date|log hearing --case ref:c-kem-sokha-treason
65|date|log hearing --case ref:c-kem-sokha-treason --date 2024-00-10
65|date|log hearing --case ref:c-kem-sokha-treason --date 2024-02-30
65|date|log hearing --case ref:c-kem-sokha-treason --date 2024/02/01
65|time|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --time 25:00
65|time|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --time 9am
65|time|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --time 12:60
65|outcome|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --outcome partying
65|indicator|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --indicator nonsense=yes
65|indicator|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --indicator public_hearing
65|indicator|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --indicator public_hearing=maybe
65|indicator|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --indicator "$(p 'public_hearing=no:\033[2J')"
66|verdict|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --verdict "439=convicted@Nobody At All"
65|verdict|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --verdict "abc=convicted"
65|verdict|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --verdict "439=exploded"
66|present|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --present "Nobody At All"
65|present|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --present Chan
65|next-date|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --next-date 2024-99
65|sentence|log hearing --case ref:c-kem-sokha-treason --date 2024-01-01 --sentence "$(p '\033c')"
65|facility|log visit --date 2024-01-01
65|facility|log visit --date 2024-01-01 --facility "$(p '\342\200\213 ')"
65|concern|log visit --date 2024-01-01 --facility CC2 --concern teleport
65|access|log visit --date 2024-01-01 --facility CC2 --access sometimes
66|detainee|log visit --date 2024-01-01 --facility CC2 --detainee "Nobody At All"
65|participants|log demo --date 2024-01-01 --participants -1
65|participants|log demo --date 2024-01-01 --participants 10000001
65|participants|log demo --date 2024-01-01 --participants 3.5
65|participants|log demo --date 2024-01-01 --participants 0x10
65|arrests-count|log demo --date 2024-01-01 --arrests-count 99999999999999999999
65|date|log demo --date 1066-10-14
66|person|log milestone --person "Nobody At All" --type arrest
65|person|log milestone --person Kem --type arrest
65|type|log milestone --person "Kem Sokha" --type dance
65|type|log milestone --person "Kem Sokha"
# ---- ids, references, ambiguous names ---------------------------------------------------------
66|id|show 000000
66|id|show ffffffffffffffffffffffffffffffff
66|id|show "Nobody At All"
66|id|show ref:no-such-ref
66|id|show "$(p 'ref:\033[2J')"
65|id|show Kem
65|id|show Chan
2|id|show
66|person|timeline "Nobody At All"
65|person|timeline Kem
66|person|timeline ref:c-kem-sokha-treason
66|id|edit 000000 --name X
2|title|edit ref:p-kem-sokha --title X
2|clear|edit ref:p-kem-sokha --clear nonsense
65|name|edit ref:p-kem-sokha --name ""
65|birth-year|edit ref:p-kem-sokha --birth-year 3000
65|name|edit ref:p-kem-sokha --name "$(p '\033[31m')"
66|id|delete 000000 --yes
65|id|delete ref:p-kem-sokha --yes
65|id|delete Chan --yes
# ---- filters --------------------------------------------------------------------------------
65|since|list records --since 2024-13
65|until|list records --until 2024-02-30
65|until|list records --since 2025 --until 2024
65|since|list records --since ""
65|kind|list records --kind spaceship
65|account|list records --account rumour
65|article|list records --article abc
65|article|list records --article "494 quinquies"
65|colour|list records --filter 'colour:red'
65|court|list records --filter 'court:"unterminated'
65|since|list records --filter 'since:'
65|filter|list records --filter "$(rep 300 w)"
65|court|list records --court "$(p '\033[2J')"
65|person|list records --person "$(p '\342\200\256x')"
65|text|list records --text "$(rep 300 t)"
65|limit|list records --limit -1
65|limit|list records --limit 1e3
65|limit|list records --limit 18446744073709551616
65|offset|list records --offset abc
2|list|list widgets
2|kind|list persons --kind hearing
65|person|list records --person "$(p '\033[2J')"
65|case|list records --case "$(p 'x\377')"
# ---- import: JSON Lines -----------------------------------------------------------------
65|json|import "$(j 'not json at all')"
65|json|import "$(j '{"kind":"person","ref":"p-h",')"
65|json|import "$(j '["kind"]')"
65|ref|import "$(j '{"kind":"person","name":"No Ref"}')"
65|json|import "$(j '{"kind":"person","ref":"p-h","name":"A","name":"B"}')"
65|json|import "$(j '%s' "$(rep 3000 '[')")"
65|json|import "$(j '{"kind":"person","ref":"p-h","name":"A","notes":%s1%s}' "$(rep 3000 '[')" "$(rep 3000 ']')")"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":123}')"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":null}')"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":true}')"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":["x"]}')"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":{"a":1}}')"
65|roles|import "$(j '{"kind":"person","ref":"p-h","name":"A","roles":"opposition"}')"
65|roles|import "$(j '{"kind":"person","ref":"p-h","name":"A","roles":["alien"]}')"
65|birth_year|import "$(j '{"kind":"person","ref":"p-h","name":"A","birth_year":"1950"}')"
65|birth_year|import "$(j '{"kind":"person","ref":"p-h","name":"A","birth_year":1950.0}')"
65|birth_year|import "$(j '{"kind":"person","ref":"p-h","name":"A","birth_year":-1950}')"
65|json|import "$(j '{"kind":"person","ref":"p-h","name":"A","birth_year":1e400}')"
65|json|import "$(j '{"kind":"person","ref":"p-h","name":"A","birth_year":99999999999999999999}')"
65|kind|import "$(j '{"kind":"alien","ref":"p-h","name":"A"}')"
65|kind|import "$(j '{"kind":5,"ref":"p-h","name":"A"}')"
65|kind|import "$(j '{"ref":"p-h","name":"A"}')"
65|json|import "$(j '{"kind":"person","ref":"p-h","name":"A\\u0000B"}')"
65|line|import "$(j '{"kind":"person","ref":"p-h","name":"A\000B"}')"
65|line|import "$(j '{"kind":"person","ref":"p-h","name":"\377"}')"
65|line|import "$(j '{"kind":"person","ref":"p-h","name":"\300\257"}')"
65|json|import "$(j '{"kind":"person","ref":"p-h","name":"\\ud800"}')"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":"\\u001b[2J"}')"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":"\\u202eabc"}')"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":"\\u0085"}')"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":"\\u200b\\u2060"}')"
65|name|import "$(j '{"kind":"person","ref":"p-h","name":"%s"}' "$(rep 201 a)")"
65|line|import "$(j '{"kind":"person","ref":"p-h","name":"A","notes":"%s"}' "$(rep 1100000 n)")"
65|colour|import "$(j '{"kind":"person","ref":"p-h","name":"A","colour":"red"}')"
65|date|import "$(j '{"kind":"hearing","ref":"h-h","case":"c-kem-sokha-treason","date":"2024-02-30"}')"
65|date|import "$(j '{"kind":"hearing","ref":"h-h","case":"c-kem-sokha-treason","date":20240201}')"
65|case|import "$(j '{"kind":"hearing","ref":"h-h","case":"c-no-such-case","date":"2024-02-01"}')"
65|case|import "$(j '{"kind":"hearing","ref":"h-h","case":"p-kem-sokha","date":"2024-02-01"}')"
65|case|import "$(j '{"kind":"hearing","ref":"h-h","case":7,"date":"2024-02-01"}')"
65|defendants|import "$(j '{"kind":"case","ref":"c-h","title":"T","defendants":"x"}')"
65|defendants[1]|import "$(j '{"kind":"case","ref":"c-h","title":"T","defendants":[1]}')"
65|defendants|import "$(j '{"kind":"case","ref":"c-h","title":"T","defendants":[%s{}]}' "$(rep 10001 '{},')")"
65|participants|import "$(j '{"kind":"demo","ref":"d-h","date":"2024-01-01","participants":-5}')"
65|participants|import "$(j '{"kind":"demo","ref":"d-h","date":"2024-01-01","participants":1.5}')"
65|participants|import "$(j '{"kind":"demo","ref":"d-h","date":"2024-01-01","participants":"many"}')"
65|kind|import "$(j '{"kind":"case","ref":"p-kem-sokha","title":"T"}')"
65|line 2: name|import "$(j '{"kind":"person","ref":"p-ok","name":"Fine"}\n{"kind":"person","ref":"p-bad","name":" "}')"
66|file|import "$WORK/no-such-file.jsonl"
74|file|import "$WORK"
2|file|import
# ---- reports, exports, audit, conflicts, bundles, the command line -------------------------
65|week|report --week 2024-W54
65|week|report --week 2024-W00
65|from|report --from 2024-02-30 --to 2024-03-01
65|to|report --from 2024-03-01 --to 2024-02-01
2|format|report --format docx
2|format|export records --format xml
66|timeline|export --timeline "Nobody At All" --format csv
74|output|export records --format csv -o "$WORK/no/such/dir/out.csv"
66|record|audit --record "Nobody At All"
65|record|audit --record Kem
65|limit|audit --limit 0
65|limit|audit --limit 18446744073709551616
66|id|conflicts resolve 000000 --keep 1
65|keep|conflicts resolve "$kem_sokha" --keep abc
66|file|bundle import "$WORK/no-such.bundle"
2|unknown command|frobnicate
2|passphrase-fd|--passphrase-fd abc list persons
2|unknown option|--colour red list persons
CASES

checks=$((checks + 1))
: >"$WORK/failures"
count=0
while IFS='|' read -r status field args; do
	case $status in '#'* | '') continue ;; esac
	count=$((count + 1))
	eval "set -- $args"
	set +e
	"$CASEWATCH" --db "$DB" "$@" >/dev/null 2>"$WORK/stderr"
	got=$?
	set -e
	why=
	case $got in 2 | 65 | 66 | 71 | 74 | 77) ;; *) why="undocumented exit status $got" ;; esac
	[ "$got" = "$status" ] || why="${why:+$why; }exited $got, wanted $status"
	[ "$(wc -l <"$WORK/stderr")" -eq 1 ] || why="${why:+$why; }not one line on stderr"
	grep -qF -- "$field" "$WORK/stderr" || why="${why:+$why; }does not name '$field'"
	if LC_ALL=C tr -d '\n' <"$WORK/stderr" | LC_ALL=C grep -q "$(printf '[\001-\037\177]')"; then
		why="${why:+$why; }a control character on stderr"
	fi
	[ "$(cksum <"$DB/data.mdb")" = "$before" ] || {
		why="${why:+$why; }the database changed"
		before=$(cksum <"$DB/data.mdb")
	}
	[ -z "$why" ] || printf '%s|%s|%s\n  %s: %s\n' "$status" "$field" "$args" "$why" \
		"$(head -c 300 "$WORK/stderr")" >>"$WORK/failures"
done <"$WORK/cases"
[ ! -s "$WORK/failures" ] || fail "hostile inputs handled wrongly:
$(cat "$WORK/failures")"
[ "$count" -ge 150 ] || fail "only $count cases"
checks=$((checks + count))
echo "$count hostile inputs refused cleanly"
done_ok
