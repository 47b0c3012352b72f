#!/bin/sh
# Deletions carry no content (issue 12), through the real binary on plain databases (where any
# text left in the file would be readable): what an edit replaced is gone from the file after
# the next change; after `delete`, the record is kept for undo until
# the next change (an add, an import) or `undo --forget`; then `strings` finds none of the
# deleted person's words in data.mdb; a bundle never holds them; a deletion merged from another laptop removes
# them there too, even while a record there names the person (who then shows as deleted); and
# a deletion still wins over an older edit made elsewhere.
. "$TESTLIB"
set -e

A="$WORK/A" B="$WORK/B"
ca() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
cb() { CASEWATCH_AUTHOR=bob "$CASEWATCH" --db "$B" "$@"; }
idof() { printf '%s' "$out" | awk '{print $3}'; }

# found WORD FILE: strings over the file shows WORD.
found() { strings "$2" | grep -q -F -- "$1"; }
# nowhere FILE WORD...: none of the words is in the file, as strings or as raw bytes.
nowhere() {
	f=$1
	shift
	for word in "$@"; do
		checks=$((checks + 1))
		if found "$word" "$f" || grep -a -q -F -- "$word" "$f"; then
			fail "'$word' is still in $f"
		fi
	done
}

ok ca init --no-encryption
ok cb init --no-encryption
mesh alice="$A" bob="$B"
ok ca seed "$SEED_FILE"
ok ca person add --name "Zebulon Quixotic" --affiliation "Quixotic Union" --notes "secretnoteword"
z=$(idof)
ok ca edit "$z" --notes "secretnoteword, moved to Prey Sar"
ok ca edit "$z" --notes "secretnoteword, released on bail"
ok ca person add --name "Xavier Quill" --notes "quillnoteword"
x=$(idof)
ok ca person add --name "Wilma Quorn" --notes "quornnoteword"
w=$(idof)
ok ca bundle export --plain --to bob -o "$WORK/a1.bundle"
ok cb bundle import "$WORK/a1.bundle"
# The words are readable in a plain file to begin with (else this test would prove nothing);
# a bundle's payload is compressed, so its words are looked for in the payload taken out.
checks=$((checks + 1))
bundle_payload "$WORK/a1.bundle" "$WORK/a1.jsonl"
found "Zebulon Quixotic" "$A/data.mdb" && found secretnoteword "$B/data.mdb" &&
	found "Zebulon Quixotic" "$WORK/a1.jsonl" || fail "a plain database should show its words"

# A local delete: gone from the tables at once, and from the file when undo is forgotten.
ok ca delete "$z" --yes
checks=$((checks + 1))
found "Zebulon Quixotic" "$A/data.mdb" || fail "the record deleted should be kept for undo"
ok ca undo --forget
nowhere "$A/data.mdb" Zebulon Quixotic secretnoteword
fails 66 "id" ca show "$z"
ok ca list persons --json
json "not any('Zebulon' in (p.get('name') or '') for p in d)"
# Bundles carry the deletion as id, kind, who, where and when only.
ok ca bundle export --plain --all -o "$WORK/all.bundle"
bundle_payload "$WORK/all.bundle" "$WORK/all.jsonl"
nowhere "$WORK/all.bundle" Zebulon Quixotic secretnoteword
nowhere "$WORK/all.jsonl" Zebulon Quixotic secretnoteword
ok ca bundle export --plain --to bob -o "$WORK/a2.bundle"
bundle_payload "$WORK/a2.bundle" "$WORK/a2.jsonl"
nowhere "$WORK/a2.bundle" Zebulon Quixotic secretnoteword
nowhere "$WORK/a2.jsonl" Zebulon Quixotic secretnoteword
ok ca bundle inspect "$WORK/a2.bundle" --json
json "[sorted(v) for v in d['versions'] if v['id'] == '$z'] == [['deleted', 'edited_in', 'editor', 'id', 'kind', 'updated', 'versions']]"
# Merged where the person was held: gone from that file as well.
ok cb bundle import "$WORK/a2.bundle"
has "1 record changed"
nowhere "$B/data.mdb" Zebulon Quixotic secretnoteword
fails 66 "id" cb show "$z"
ok cb conflicts
has "no conflicts"

# Bob logs Xavier Quill's arrest; Alice, who has not seen it, deletes him. The deletion applies
# on Bob's laptop too: his details are gone, the arrest stays and says whom it named.
ok cb log milestone --person "Xavier Quill" --type arrest --date 2024-03-01 --detail "arrested at dawn"
ms=$(idof)
ok ca delete "$x" --yes
ok ca bundle export --plain --to bob -o "$WORK/a3.bundle"
checks=$((checks + 1))
found quillnoteword "$A/data.mdb" || fail "the record deleted should be kept for undo"
ok cb bundle export --plain --to alice -o "$WORK/b1.bundle"
ok cb bundle import "$WORK/a3.bundle"
nowhere "$B/data.mdb" "Xavier Quill" quillnoteword
ok cb show "$ms"
has "(deleted person"
has "arrested at dawn"
ok cb list records --kind milestone
has "(deleted person)"
ok ca bundle import "$WORK/b1.bundle"
nowhere "$A/data.mdb" "Xavier Quill" quillnoteword
ok ca show "$ms" --json
json "d['person'] == '$x'"
# and a local delete of a person still named stays refused, as it always was
fails 65 "id" ca delete "Chhim Sithar" --yes
# ... and the record it names as one that names her is one `show` finds.
named=$(printf '%s\n' "$err" | sed -n 's/.*e\.g\. [a-z]* \([0-9a-f]\{8\}\);.*/\1/p')
[ -n "$named" ] || fail "the refusal names no record: $err"
ok ca show "$named" --json
json "d['id'].startswith('$named')"

# Bob edits Wilma Quorn; later, without seeing that, Alice deletes her. The deletion (later)
# is shown on both laptops; Bob's edit is kept and listed (it is a live version, with its
# content), and keeping it brings her back.
ok cb edit "$w" --notes "quornnoteword, seen in court"
ok ca delete "$w" --yes
# The next change made here (an add) wipes what the deletion kept for undo.
ok ca person add --name "Ouk Vanna"
nowhere "$A/data.mdb" "Wilma Quorn" quornnoteword
ok ca bundle export --plain --to bob -o "$WORK/a4.bundle"
ok cb bundle export --plain --to alice -o "$WORK/b2.bundle"
ok ca bundle import "$WORK/b2.bundle"
ok cb bundle import "$WORK/a4.bundle"
for c in ca cb; do
	fails 66 "id" $c show "$w"
	ok $c conflicts --json
	json "[c['id'] for c in d] == ['$w']"
	json "d[0]['versions'][0]['deleted'] and 'name' not in d[0]['versions'][0]"
	json "d[0]['versions'][1]['notes'] == 'quornnoteword, seen in court'"
done
checks=$((checks + 1))
[ "$(ca bundle content --digest)" = "$(cb bundle content --digest)" ] || fail "A and B differ"
# The list names the record by the version that has content, the deletion shown having none
# (a field trial saw `"": 2 versions`) ...
ok cb conflicts
has "\"Wilma Quorn\": 2 versions"
# ... and the short id it is known by resolves it, though no live record has that id (the
# trial's "no record with id").
ok cb conflicts resolve "$(printf '%.8s' "$w")" --keep 2
ok cb show "$w" --json
json "d['name'] == 'Wilma Quorn'"
# An edit that takes words out (a name pseudonymised before a seizure): kept for undo until the
# next change, then gone from the file, the pages the edit freed included (found by a trial:
# the replaced version stayed in the file for three more changes).
ok ca person add --name "Realname Pseudokeep" --notes "realnamemarker lives at the market"
r=$(idof)
ok ca edit "$r" --name "Sok P." --notes "pseudonymised"
checks=$((checks + 1))
found realnamemarker "$A/data.mdb" || fail "the version replaced should be kept for undo"
ok ca person add --name "Filler One"
nowhere "$A/data.mdb" realnamemarker Realname Pseudokeep
ok ca show "$r" --json
json "d['name'] == 'Sok P.' and d['notes'] == 'pseudonymised'"
done_ok
