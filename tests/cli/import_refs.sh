#!/bin/sh
# What an imported record's `after` and `links` name is checked as --after, --same-event and
# --disputes check it: a placement names an event, a link another account of the same kind of
# thing, never the record itself, and no placement closes a loop, with the file's other
# records or the database's. Such a file is refused by its line and field, nothing from it
# written. A record named that is neither in the file nor in the database stays a soft
# reference, as before; a bundle brings what it holds as it came (a loop too).
. "$TESTLIB"
set -e

id_of() { printf '%s' "$out" | awk '{print $3}'; }
short() { printf '%.8s' "$1"; }

ok cw init
ok cw person add --name "Sok Dara"
person=$(id_of)
ok cw case add --title "Sok Dara — incitement" --defendant "Sok Dara" --charge 494
kase=$(id_of)
ok cw log hearing --case "$kase" --date 2026-01-07
hearing=$(id_of)
# Another laptop that has had the case, not what is imported below.
O="$WORK/other"
ok "$CASEWATCH" --db "$O" init
mesh here="$DB" other="$O"
ok cw bundle export --to other --all -o "$WORK/to-other.bundle"
ok "$CASEWATCH" --db "$O" bundle import "$WORK/to-other.bundle"
# h REF FIELDS: a hearing of the case, dated to a month, as a line of a file
h() { printf '{"kind":"hearing","ref":"%s","case":"%s","date":"2026-02"%s}\n' "$1" "$kase" "$2"; }
before=$(db_snapshot)

# A placement after a person or a case of the database, or of a later line of the file: the
# timeline placed the record nowhere, and the import said it imported it.
h h-after-person ",\"after\":\"$person\"" >"$WORK/person.jsonl"
fails 65 "person.jsonl line 1: after: $(short "$person") is a person, not a monitoring record" \
	cw import "$WORK/person.jsonl"
{
	printf '# the case comes second\n'
	h h-after-case ',"after":"ref:c-later"'
	printf '{"kind":"case","ref":"c-later","title":"Later case"}\n'
} >"$WORK/case.jsonl"
fails 65 "case.jsonl line 2: after: .* is a case, not a monitoring record" \
	cw import "$WORK/case.jsonl"
# ... after itself
h h-self ',"after":"ref:h-self"' >"$WORK/self.jsonl"
fails 65 "self.jsonl line 1: after: a record cannot name itself" cw import "$WORK/self.jsonl"
# ... each after the other in the file, directly or through a third
{
	h h-x ',"after":"ref:h-y"'
	h h-y ',"after":"ref:h-x"'
} >"$WORK/loop.jsonl"
fails 65 "loop.jsonl line 1: after: .* is placed after this record already" \
	cw import "$WORK/loop.jsonl"
{
	h h-x ',"after":"ref:h-z"'
	h h-y ',"after":"ref:h-x"'
	h h-z ',"after":"ref:h-y"'
} >"$WORK/loop3.jsonl"
fails 65 "loop3.jsonl line 1: after: .* comes after this record already, through" \
	cw import "$WORK/loop3.jsonl"
# A link to a person, to a case from an event, or to the record itself.
h h-link-person ",\"links\":[{\"relation\":\"same_event\",\"record\":\"$person\"}]" \
	>"$WORK/link-person.jsonl"
fails 65 "link-person.jsonl line 1: links: $(short "$person") is a person, not a monitoring record" \
	cw import "$WORK/link-person.jsonl"
h h-link-case ",\"links\":[{\"relation\":\"disputes\",\"record\":\"$kase\"}]" \
	>"$WORK/link-case.jsonl"
fails 65 "link-case.jsonl line 1: links: $(short "$kase") is a case" \
	cw import "$WORK/link-case.jsonl"
h h-link-self ',"links":[{"relation":"disputes","record":"ref:h-link-self"}]' \
	>"$WORK/link-self.jsonl"
fails 65 "link-self.jsonl line 1: links: a record cannot name itself" \
	cw import "$WORK/link-self.jsonl"
# ... and a case's other account names a hearing: another account of a case is a case.
printf '{"kind":"case","ref":"c-gov","title":"Government account","view":"government","links":[{"relation":"disputes","record":"%s"}]}\n' \
	"$hearing" >"$WORK/case-link.jsonl"
fails 65 "case-link.jsonl line 1: links: $(short "$hearing") is a hearing: another account of a case is a case too" \
	cw import "$WORK/case-link.jsonl"
[ "$(db_snapshot)" = "$before" ] || fail "a refused import changed the database"

# What is right imports: a placement after an event of the file given later, links to another
# event and between two accounts of a case (as the demo data links the government's account
# of a trial to the UN's), and a placement or a link to a record held nowhere yet (a soft
# reference: a bundle may bring it later).
{
	h h-second ',"after":"ref:h-first","links":[{"relation":"disputes","record":"ref:h-nor-here"}]'
	h h-first "$(printf ',"after":"%s","links":[{"relation":"same_event","record":"%s"}]' "$hearing" "$hearing")"
	h h-soft ',"after":"ref:h-not-here"'
	printf '{"kind":"case","ref":"c-gov","title":"Government account","view":"government","links":[{"relation":"disputes","record":"%s"}]}\n' "$kase"
} >"$WORK/right.jsonl"
ok cw import "$WORK/right.jsonl"
[ "$out" = "imported 4 records (4 new or changed)" ] || fail "right.jsonl: $out"
# A loop closed with a record of the database: h-soft waits for h-not-here, which comes
# placed after it.
before=$(db_snapshot)
h h-not-here ',"after":"ref:h-soft"' >"$WORK/closes.jsonl"
fails 65 "closes.jsonl line 1: after: .* is placed after this record already" \
	cw import "$WORK/closes.jsonl"
[ "$(db_snapshot)" = "$before" ] || fail "a refused import changed the database"

# A bundle brings its records as they came, references that arrive later and a loop too: the
# timeline places none of a loop's records, an edit of another field saves, and an export of
# them imported again is taken: only what a file changes in a record's `after` and `links` is
# checked (the export leaves out h-second's link to a record not here, which changes it
# alone).
# There h-not-here is placed after h-soft, which that database has not had: its import takes
# it.
ok "$CASEWATCH" --db "$O" import "$WORK/closes.jsonl"
ok "$CASEWATCH" --db "$O" bundle export --to here -o "$WORK/loop.bundle"
ok cw bundle import "$WORK/loop.bundle"
ok timeout 60 "$CASEWATCH" --db "$DB" timeline "Sok Dara"
has "2026-02"
ok timeout 60 "$CASEWATCH" --db "$DB" edit ref:h-soft --notes "a loop a bundle brought"
ok cw export records --format json -o "$WORK/records.json"
ok cw import "$WORK/records.json"
has "(1 new or changed)"
# ... and one of the loop's records corrected in such a file: its placement is as it was.
ok cw show ref:h-soft --json
printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import json, sys
d = json.load(sys.stdin)
d["notes"] = "corrected in a spreadsheet"
print(json.dumps(d))' >"$WORK/corrected.jsonl"
ok cw import "$WORK/corrected.jsonl"
[ "$out" = "imported 1 records (1 new or changed)" ] || fail "corrected.jsonl: $out"
done_ok
