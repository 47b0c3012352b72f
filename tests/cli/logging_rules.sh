#!/bin/sh
# What a monitor logging a record must give, the command line asks as the terminal interface
# does, on log and on edit alike (app/advice.h: cw_check_logged), while an import takes records
# as documents give them. A field trial found three gaps: a milestone in a case that does not
# name its person was saved with a warning (the form refused it) and the weekly report counted
# a 4th arrest in a case of 3; `edit --clear date` took away the date `log demo` requires; and
# `list` showed "50 participants" for "at least 50".
. "$TESTLIB"
set -e

ok cw init
for p in "Sok Sithar" "Vorn Pov" "Heng Vannak"; do
	ok cw person add --name "$p"
done
heng=$(added_id person)
ok cw case add --title "NagaWorld strike arrests" --defendant "Sok Sithar" --custody detained \
	--charge 494/495 --defendant "Vorn Pov" --custody detained --charge "437 bis" \
	--source "own observation"
case_id=$(added_id case)
ok cw log demo --date 2026-11-18 --place "NagaWorld casino" --participants 300 \
	--response dispersed,arrests --arrested "Sok Sithar" --arrests-count 9 \
	--source "own observation"
ok cw log demo --date 2026-11-20 --place "Preah Vihear" --participants 50 \
	--participants-at-least yes --response monitored --source "own observation"
demo=$(added_id demo)

# ---- 1. a milestone counts only in a case that names its person: refused on log and on an
# edit that chooses the pair, with nothing written; one the case names, and a group's, saved.
before=$(db_snapshot)
fails 65 "case" cw log milestone --person "Heng Vannak" --case NagaWorld --type arrest \
	--date 2026-11-19 --source "own observation"
printf '%s\n' "$err" | grep -qF "case: does not name Heng Vannak as a defendant" ||
	fail "the refusal does not say whom the case does not name: $err"
[ "$(db_snapshot)" = "$before" ] || fail "a refused milestone changed the database"
checks=$((checks + 2))
ok cw list records --kind milestone --json
json 'd == []'
ok cw report --from 2026-11-16 --to 2026-11-22 --format json
json "d['arrests_and_charges']['events'] == []"
ok cw log milestone --person "Vorn Pov" --case NagaWorld --type arrest --date 2026-11-19 \
	--source "own observation"
milestone=$(added_id milestone)
ok cw case add --title "Heng Vannak land case" --defendant "Heng Vannak" --charge 494 \
	--source "own observation"
before=$(db_snapshot)
fails 65 "case" cw edit "$milestone" --person "Heng Vannak"
fails 65 "case" cw edit "$milestone" --case "Heng Vannak land case"
[ "$(db_snapshot)" = "$before" ] || fail "a refused edit changed the database"
checks=$((checks + 1))
ok cw edit "$milestone" --person "Heng Vannak" --case "Heng Vannak land case"
ok cw show "$milestone"
has "Heng Vannak land case"
# A group's event names no person: as before.
ok cw case add --title "Casino workers" --unnamed "8 casino workers" --custody detained \
	--source "own observation"
ok cw log milestone --group "casino workers" --case "Casino workers" --type arrest \
	--date 2026-11-19 --count 8 --source "own observation"
has "added milestone"
# An import brings the pair as a document or another laptop has it (said on edit, not
# refused): its other fields can still be edited, its pair not chosen anew.
printf '{"ref":"bystander","kind":"milestone","person":"%s","case":"%s","type":"arrest","date":"2026-11-19","source":"UN press release"}\n' \
	"$heng" "$case_id" >"$WORK/import.jsonl"
ok cw import "$WORK/import.jsonl"
imported=ref:bystander
ok cw edit "$imported" --notes "bystander"
grep -qF "does not name person" "$WORK/stderr" || fail "no warning on the edit: $(cat "$WORK/stderr")"
checks=$((checks + 1))
fails 65 "case" cw edit "$imported" --person "Sok Sithar" --case "Heng Vannak land case"

# ---- 2. an edit does not take away what logging requires: each kind's required fields,
# refused with one line naming the field, the database unchanged.
ok cw log hearing --case NagaWorld --date 2026-11-21 --source "own observation"
hearing=$(added_id hearing)
ok cw log visit --facility "Prey Sar" --date 2026-11-21 --source "own observation"
visit=$(added_id visit)
ok cw log incident --type media_closure --date 2026-11-21 --source "own observation"
incident=$(added_id incident)
person=$heng
before=$(db_snapshot)
for pair in hearing:date hearing:case visit:date visit:facility demo:date incident:date \
	incident:type milestone:person milestone:type case:title person:name; do
	kind=${pair%%:*} field=${pair#*:}
	eval "id=\$$(printf '%s' "$kind" | sed 's/^case$/case_id/')"
	fails 65 "$field" cw edit "$id" --clear "$field"
	case $field in date) [ "$err" = "casewatch: date: a $kind cannot be left without one: give it as the source does (2023, 2023-07 or 2023-07-04)" ] ||
		fail "$kind: not the message of an edit: $err" ;;
	esac
	checks=$((checks + 1))
done
[ "$(db_snapshot)" = "$before" ] || fail "a refused --clear changed the database"
checks=$((checks + 1))
ok cw show "$demo"
has "2026-11-20"
# A record counting several events may have no date (as logging it may), and one an import
# brought without its date can still be edited.
ok cw log hearing --count 3 --period-from 2026-11 --source "UN press release"
ok cw log visit --facility "CC1" --count 2 --source "UN press release"
tally=$(added_id visit)
ok cw edit "$tally" --notes "two visits, dates not given"
fails 65 "date" cw edit "$tally" --clear count
printf '{"ref":"undated","kind":"demo","place":"Kampong Cham","participants":20,"source":"UN press release"}\n' \
	>"$WORK/undated.jsonl"
ok cw import "$WORK/undated.jsonl"
ok cw edit ref:undated --notes "date not in the document"

# ---- 3. "at least" in the list's summary, as show and the report say it
ok cw list records --kind demo
has "at least 50 participants"
has "300 participants"
lacks "at least 300"
ok cw log demo --date 2026-11-22 --place "Kampot" --participants 1 --participants-at-least yes \
	--arrested "Heng Vannak" --source "own observation"
ok cw timeline "Heng Vannak"
# one person named, no count given: at least 1 arrest, as the report counts it
has "at least 1 arrest (Heng Vannak), at least 1 participant"

# ---- 4. a hearing adjourned (postponed, suspended) that gives rulings says two things: saved,
# with a warning naming both fixes; a hearing with a verdict, or adjourned with none, is not
# warned of (a field trial's "adjourned" conviction was counted both ways by the report).
ok cw log hearing --case NagaWorld --date 2026-11-26 --outcome adjourned \
	--verdict "494=convicted@Sok Sithar" --source "own observation"
adjourned=$(added_id hearing)
grep -q "recorded as adjourned but gives 1 ruling on a charge" "$WORK/stderr" ||
	fail "no warning for an adjourned hearing with a ruling: $(cat "$WORK/stderr")"
grep -q "casewatch edit ${adjourned%"${adjourned#????????}"} --outcome verdict; if not: casewatch edit ${adjourned%"${adjourned#????????}"} --clear verdicts" "$WORK/stderr" ||
	fail "the fixes are not named: $(cat "$WORK/stderr")"
ok cw show "$adjourned"
has "Sok Sithar"
ok cw edit "$adjourned" --clear verdicts
! grep -q "recorded as adjourned" "$WORK/stderr" || fail "warned with no ruling left: $(cat "$WORK/stderr")"
ok cw log hearing --case NagaWorld --date 2026-11-27 --outcome verdict \
	--verdict "494=convicted@Sok Sithar" --source "own observation"
! grep -q "but gives" "$WORK/stderr" || fail "warned of a verdict: $(cat "$WORK/stderr")"
# ... nor a charge requalified at a hearing then adjourned, an everyday event
ok cw log hearing --case NagaWorld --date 2026-11-28 --outcome adjourned \
	--verdict "494=requalified@Sok Sithar" --source "own observation"
! grep -q "but gives" "$WORK/stderr" || fail "warned of a requalification: $(cat "$WORK/stderr")"
checks=$((checks + 4))
done_ok
