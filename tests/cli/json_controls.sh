#!/bin/sh
# Every JSON a command prints writes a control character the database holds as a \uXXXX
# escape, as the README promises, DEL (U+007F) too: show, list, timeline, agenda and export
# wrote DEL raw where they escaped ESC and C1 (a review). Input refuses such text, so a plain
# database is changed behind casewatch's back (tests/tamper), as a hand-edited one could be:
# a person's name and a hearing's notes are given a DEL in place of a "~".
. "$TESTLIB"
set -e

P="$WORK/plain"
pcw() { "$CASEWATCH_BIN" --db "$P" "$@"; }
ok pcw init --no-encryption
ok pcw person add --name "Sok~Dara" --json
person=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
ok pcw case add --title "Trial of Sok" --court "Phnom Penh Court" --defendant "Sok~Dara" \
	--charge 494
ok pcw log hearing --case "Trial of Sok" --date 2024-02-07 --court "Phnom Penh Court" \
	--notes "heard~here" --outcome adjourned --next-date 2024-02-14 --json
hearing=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["id"])')

# plant ID TEXT: the stored record ID with the "~" of TEXT a DEL (same length: the encoding
# of the record stays whole).
plant() {
	hex=$("$TAMPER" "$P" get records "$1") || fail "tamper get $1"
	was=$(printf '%s' "$2" | od -An -tx1 | tr -d ' \n')
	now=$(printf '%s' "$was" | sed 's/7e/7f/')
	case $hex in *"$was"*) ;; *) fail "record $1 does not hold '$2'" ;; esac
	"$TAMPER" "$P" put records "$1" "$(printf '%s' "$hex" | sed "s/$was/$now/")" ||
		fail "tamper put $1"
}
plant "$person" "Sok~Dara"
plant "$hearing" "heard~here"
ok pcw show "$person"
has "Sok^?Dara" # as text: shown as ^?, never raw (so that this test can tell it was planted)

# escaped JSONPATH CMD...: the command's JSON holds no DEL byte, and reads back with the DEL in
# each place the python expression JSONPATH (over d) names.
escaped() {
	want=$1
	shift
	ok "$@"
	checks=$((checks + 1))
	printf '%s' "$out" | LC_ALL=C grep -q "$(printf '\177')" && fail "'$*' wrote DEL raw"
	has '\u007f'
	json "$want"
}
escaped "d['name'] == 'Sok\x7fDara'" pcw show "$person" --json
escaped "d['notes'] == 'heard\x7fhere'" pcw show "$hearing" --json
escaped "d[0]['name'] == 'Sok\x7fDara'" pcw list persons --json
escaped "d[0]['notes'] == 'heard\x7fhere'" pcw list records --json
escaped "d[0]['defendants'][0]['person_name'] == 'Sok\x7fDara'" pcw list cases --json
escaped "'Sok\x7fDara' in json.dumps(d, ensure_ascii=False)" pcw timeline "$person" --json
escaped "d['items'][0]['record']['notes'] == 'heard\x7fhere'" \
	pcw agenda --from 2024-02-01 --days 14 --json
escaped "d[0]['notes'] == 'heard\x7fhere'" pcw export --format json -o -
escaped "d[0]['name'] == 'Sok\x7fDara'" pcw export persons --format json -o -
escaped "'Sok\x7fDara' in json.dumps(d, ensure_ascii=False)" \
	pcw export --timeline "$person" --format json -o -
done_ok
