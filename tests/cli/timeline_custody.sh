#!/bin/sh
# A case entry that still says "detained" beside the bail that ended the pretrial detention:
# the timeline says the custody is as the case records it and what ended the detention, on
# which day; not when the detention is still running, nor after a verdict (a convicted person
# may well be detained), nor when the entry is known as of a later day.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Sok Dara"
ok cw case add --title "Land protest" --court "Kampong Speu Court" --defendant "Sok Dara" \
	--custody detained --charge 494/495
ok cw log milestone --person "Sok Dara" --case "Land protest" --type arrest --date 2022-01-05

# Still running: "detained" is what the records say, with no note.
ok cw timeline "Sok Dara"
has "custody: detained"
lacks "as the case records it"

ok cw log milestone --person "Sok Dara" --case "Land protest" --type bail --outcome granted \
	--date 2023-06-15
ok cw timeline "Sok Dara"
has "custody: detained (as the case records it; bail granted on 2023-06-15 ended the pretrial detention)"
has "pretrial detention: 526 days (to 2023-06-15)"
# JSON keeps its fields.
ok cw timeline "Sok Dara" --json
json 'd["summary"]["pretrial_ongoing"] in (0, False) and d["summary"]["pretrial_to"] == "2023-06-15"'

# An entry known as of a day after the bail was written knowing of it.
ok cw edit "Land protest" --as-of 2023-07-01
ok cw timeline "Sok Dara"
has "custody: detained"
lacks "as the case records it"

# Ended by a verdict: the person may be serving the sentence; no note.
ok cw person add --name "Kem Ly"
ok cw case add --title "Forest case" --defendant "Kem Ly" --custody detained --charge 494/495
ok cw log milestone --person "Kem Ly" --case "Forest case" --type arrest --date 2022-02-01
ok cw log milestone --person "Kem Ly" --case "Forest case" --type verdict --date 2023-02-01
ok cw timeline "Kem Ly"
has "custody: detained"
lacks "as the case records it"

# The same for the stage: "awaiting trial" as of 1 March beside a verdict logged on 6 March
# says which is older; an entry known as of the verdict's day or later, or a stage after a
# verdict, says nothing more (a supervisor's trial: "convicted" charges beside "awaiting
# trial").
ok cw person add --name "Stage Old"
ok cw case add --title "Stage case" --defendant "Stage Old" --custody detained --charge 494/495 \
	--stage pretrial --as-of 2025-03-01
case_id=$(added_id case)
ok cw log hearing --case "Stage case" --date 2025-03-06 --outcome verdict \
	--verdict "494/495=convicted@Stage Old" --view own
ok cw timeline "Stage Old"
has "charges: convicted: 494, 495"
has "stage: awaiting trial (as the case records it; a verdict on 2025-03-06 came after)"
ok cw edit "$case_id" --as-of 2025-03-06
ok cw timeline "Stage Old"
has "stage: awaiting trial"
lacks "came after"

# A ruling on appeal logged in a case at the stage "trial" (or "verdict") puts the case on
# appeal: it no longer reads "trial" in the timeline, the list or the record (a field trial).
ok cw person add --name "Appeal Old"
ok cw case add --title "Appeal case" --defendant "Appeal Old" --custody detained --charge 494/495 \
	--stage trial --as-of 2024-11-01
ok cw log milestone --person "Appeal Old" --case "Appeal case" --type appeal_decided \
	--result upheld --date 2024-12-01
ok cw timeline "Appeal Old"
has "stage: appeal"
lacks "as the case records it"
ok cw list cases --text "Appeal case" --json
json 'd[0]["stage"] == "appeal"'
ok cw show "Appeal case"
has "current stage        appeal"
# Undone, the case is as it was; a Supreme Court decision puts it before that court.
ok cw undo
ok cw list cases --text "Appeal case" --json
json 'd[0]["stage"] == "trial"'
ok cw log milestone --person "Appeal Old" --case "Appeal case" --type supreme_decision \
	--result upheld --date 2025-01-10
ok cw list cases --text "Appeal case" --json
json 'd[0]["stage"] == "supreme"'
# A defendant with a stage of their own moves, not the case; an appeal lodged is the case on
# appeal; an entry known as of the ruling's day (or later) was written knowing of it and
# stays; a closed case stays closed.
ok cw person add --name "Own Stage"
ok cw person add --name "Co Accused"
ok cw case add --title "Two stages" --defendant "Own Stage" --defendant-stage verdict \
	--defendant "Co Accused" --stage trial
ok cw log milestone --person "Own Stage" --case "Two stages" --type appeal_decided \
	--result upheld --date 2024-06-01
ok cw show "Two stages" --json
json 'd["stage"] == "trial" and d["defendants"][0]["stage"] == "appeal" and "stage" not in d["defendants"][1]'
ok cw log milestone --person "Co Accused" --case "Two stages" --type appeal_lodged --date 2024-06-01
ok cw show "Two stages" --json
json 'd["stage"] == "appeal"'
ok cw case add --title "Known later" --defendant "Own Stage" --stage trial --as-of 2024-12-01
ok cw log milestone --person "Own Stage" --case "Known later" --type appeal_decided \
	--result overturned --date 2024-12-01
ok cw list cases --text "Known later" --json
json 'd[0]["stage"] == "trial"'
ok cw case add --title "Closed one" --defendant "Own Stage" --stage closed
ok cw log milestone --person "Own Stage" --case "Closed one" --type supreme_decision --date 2024-12-01
ok cw list cases --text "Closed one" --json
json 'd[0]["stage"] == "closed"'
# One defendant's appeal is not the co-accused's: the case goes on appeal, the other keeps
# the trial stage as their own. A case that records no stage is the monitor's to set.
ok cw case add --title "Co-accused" --defendant "Own Stage" --defendant "Co Accused" --stage trial
ok cw log milestone --person "Own Stage" --case "Co-accused" --type appeal_decided \
	--result upheld --date 2024-06-01
ok cw show "Co-accused" --json
json 'd["stage"] == "appeal" and "stage" not in d["defendants"][0] and d["defendants"][1]["stage"] == "trial"'
ok cw case add --title "No stage" --defendant "Own Stage"
ok cw log milestone --person "Own Stage" --case "No stage" --type appeal_decided --date 2024-06-01
ok cw show "No stage" --json
json '"stage" not in d'

# The government's judicial supervision ends the UN's case's detention; the UN's bail refused
# after it finds him still held: whose end it is, and what the other account says, are said.
ok cw person add --name "Gov Ended"
ok cw case add --title "Gov ended case" --defendant "Gov Ended" --custody detained --charge 494 \
	--view un --reported-on 2024-05-31
ok cw log milestone --person "Gov Ended" --case "Gov ended case" --type arrest --date 2023-09-15 \
	--view un
ok cw log milestone --person "Gov Ended" --case "Gov ended case" --type bail --outcome refused \
	--date 2023-11-20 --view un
ok cw log milestone --person "Gov Ended" --case "Gov ended case" --type judicial_supervision \
	--date 2023-10-01 --view government
ok cw timeline "Gov Ended"
has "judicial supervision (account: government) on 2023-10-01 ended the pretrial detention"
has "16 days (to 2023-10-01: an end from another account than the case's, government; bail refused on 2023-11-20, UN, finds them held after it)"
ok cw timeline "Gov Ended" --json
json "d['summary']['pretrial_end_view'] == 'government' and d['summary']['held_after_end'] == {'date': '2023-11-20', 'view': 'un', 'record': 'bail'}"

# Bailed in 2019, convicted in absentia in 2021, arrested on return in 2024: the case's
# "detained" comes from that arrest, not out of date because of the 2019 bail.
ok cw person add --name "Returned Bailed"
ok cw case add --title "Returned case" --defendant "Returned Bailed" --custody detained \
	--charge 451 --view un
for m in "--type arrest --date 2019-01-10" "--type bail --outcome granted --date 2019-02-10" \
	"--type in_absentia_verdict --date 2021-03-01" "--type arrest --date 2024-04-30"; do
	# shellcheck disable=SC2086 # the milestone's options, split on purpose
	ok cw log milestone --person "Returned Bailed" --case "Returned case" --view un $m
done
ok cw timeline "Returned Bailed"
lacks "ended the pretrial detention"


# A ruling dated after today (a typo for a past year, or a date set) ends nothing yet: the
# detention reads as it did before it was logged, and once that day has come, to its day (a
# field trial's verdict typed for 2027 turned "56 days to the last visit that met them" into
# "65 days and counting").
export CASEWATCH_NOW=2026-12-06T03:00:00Z
ok cw person add --name "Kim Rithy"
ok cw case add --title "Plot" --defendant "Kim Rithy" --custody detained --charge 453 \
	--source "UN report" --account un
ok cw log milestone --person "Kim Rithy" --case Plot --type arrest --date 2026-10-02 \
	--source "UN report" --account un
ok cw log visit --facility "Prey Sar CC1" --date 2026-11-27 --detainee "Kim Rithy" \
	--source "own observation"
ok cw timeline "Kim Rithy"
has "pretrial detention: 56 days to 2026-11-27, the last prison visit that met them"
# ... saying why not to today, as a co-detainee of the team's own case met there is
has "met them (the case's account: UN; only the team's own is counted on to today)"
ok cw log hearing --case Plot --date 2027-03-01 --outcome verdict \
	--verdict "453=convicted@Kim Rithy" --source "own observation"
ok cw timeline "Kim Rithy"
has "pretrial detention: 56 days to 2026-11-27, the last prison visit that met them"
lacks "and counting"
# (a report of a past week still lists them, held on its last day, whenever it is written)
ok cw report --week 2026-W48
has "| Kim Rithy | Plot | UN"
export CASEWATCH_NOW=2027-03-05T03:00:00Z
ok cw timeline "Kim Rithy"
has "pretrial detention: 150 days (to 2027-03-01"
unset CASEWATCH_NOW

# Bail granted at a hearing, the release from prison nine days later: held until they walked
# out, not until the decision (a field trial's 169 days for 178, and a week's report that left
# her out while she was still in CC2). Without a release logged, the decision ends it.
export CASEWATCH_NOW=2026-12-06T03:00:00Z
ok cw person add --name "Chhim Sithar"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --custody bail --charge 494/495
ok cw log milestone --person "Chhim Sithar" --case NagaWorld --type arrest --date 2026-01-04
ok cw log hearing --case NagaWorld --date 2026-06-22 --outcome bail_decision --bail granted
ok cw timeline "Chhim Sithar"
has "pretrial detention: 169 days (to 2026-06-22"
ok cw log milestone --person "Chhim Sithar" --case NagaWorld --type bail --outcome granted \
	--date 2026-07-01 --detail "released on bail from CC2"
ok cw log milestone --person "Chhim Sithar" --case NagaWorld --type release --outcome granted \
	--date 2026-07-01 --detail "walked out of CC2 on bail"
ok cw timeline "Chhim Sithar"
has "pretrial detention: 178 days (to 2026-07-01"
ok cw report --week 2026-W26 --format json
json "[(p['person']['name'], p['days']) for p in d['pretrial_detention'] if p.get('person')] == [('Chhim Sithar', 175)]"
# A release logged ahead of its day has not happened: until then the decision, which has, is
# the end (a review found such a release take away every day counted).
ok cw person add --name "Ahead Release"
ok cw case add --title "Ahead case" --defendant "Ahead Release" --custody bail --charge 494
ok cw log milestone --person "Ahead Release" --case Ahead --type arrest --date 2026-01-04
ok cw log hearing --case Ahead --date 2026-06-22 --outcome bail_decision --bail granted
CASEWATCH_NOW=2026-06-25T03:00:00Z ok cw log milestone --person "Ahead Release" --case Ahead \
	--type release --date 2026-07-01
CASEWATCH_NOW=2026-06-25T03:00:00Z ok cw timeline "Ahead Release"
has "pretrial detention: 169 days (to 2026-06-22"
ok cw timeline "Ahead Release"
has "pretrial detention: 178 days (to 2026-07-01"
# ... and a report of a past week, written before the release's day, does not take it as
# happened: not held at the week's end (a field trial's W47 listed such a person as held).
CASEWATCH_NOW=2026-06-29T03:00:00Z ok cw report --week 2026-W26 --format json
json "not [p for p in d['pretrial_detention'] if (p.get('person') or {}).get('name') in ('Ahead Release', 'Chhim Sithar')]"
ok cw report --week 2026-W26 --format json
json "sorted((p.get('person') or {}).get('name') for p in d['pretrial_detention']) == ['Ahead Release', 'Chhim Sithar']"
# Arrested again between the decision and a release: the release ends the new detention.
ok cw person add --name "Eng Sroy"
ok cw case add --title "Sroy case" --defendant "Eng Sroy" --custody bail --charge 494
ok cw log milestone --person "Eng Sroy" --case Sroy --type arrest --date 2026-02-01
ok cw log milestone --person "Eng Sroy" --case Sroy --type bail --outcome granted --date 2026-03-01
ok cw log milestone --person "Eng Sroy" --case Sroy --type arrest --date 2026-03-10
ok cw log milestone --person "Eng Sroy" --case Sroy --type release --date 2026-03-20
ok cw timeline "Eng Sroy" --json
json "d['summary']['pretrial_days'] == 28 + 10"
# Held again and still held: the days in all, and those since they were taken again (a field
# trial read "180 days and counting" with no sign of the release between).
ok cw person add --name "Kong Raiya"
ok cw case add --title "Raiya case" --defendant "Kong Raiya" --custody detained --charge 494
ok cw log milestone --person "Kong Raiya" --case Raiya --type arrest --date 2026-02-01
ok cw log milestone --person "Kong Raiya" --case Raiya --type release --date 2026-03-01
ok cw log milestone --person "Kong Raiya" --case Raiya --type arrest --date 2026-09-10
ok cw timeline "Kong Raiya"
has "pretrial detention: 115 days in all (87 of them since 2026-09-10) and counting"
# A verdict's detail comes after its result and sentence, never instead of them (a partner's
# trial read a conviction as "verdict: read out in court"); a detail that says the result
# already is not preceded by it again.
ok cw log milestone --person "Kong Raiya" --case Raiya --type verdict --result convicted \
	--sentence-part "prison=3 years" --detail "read out in court" --date 2026-10-01
ok cw timeline "Kong Raiya"
has "verdict: convicted; prison term 3 years; read out in court"
ok cw log milestone --person "Kong Raiya" --case Raiya --type verdict --result convicted \
	--detail "convicted with two others" --date 2026-10-02
ok cw timeline "Kong Raiya"
has "verdict: convicted with two others"
lacks "convicted; convicted"
# A refusal of bail or release after the account of custody and the last visit finds them held
# on its day, as a visit does (a partner's trial saw the count stop at the visit before a bail
# hearing the team sat in): a hearing that refused bail to the one its record names, or, where
# it names no one, to the case's only defendant, or a refusal that names them; a hearing that
# names several defendants, or none of several, does not say to whom (one present may be out
# on bail already).
ok cw person add --name "Ny Refused"
ok cw person add --name "Co Absent"
ok cw case add --title "Refused case" --defendant "Ny Refused" --custody detained \
	--charge 494/495 --defendant "Co Absent" --custody detained --charge 494/495 --view un \
	--reported-on 2026-05-31
ok cw log milestone --person "Ny Refused" --case "Refused case" --type pretrial_detention \
	--date 2026-01-05 --view un
ok cw log milestone --person "Co Absent" --case "Refused case" --type pretrial_detention \
	--date 2026-01-05 --view un
ok cw log visit --facility CC1 --date 2026-09-30 --detainee "Ny Refused" --detainee "Co Absent" \
	--access granted --view own
ok cw log hearing --case "Refused case" --date 2026-10-01 --present "Ny Refused" \
	--present "Co Absent" --outcome postponed --bail refused --view own
refused_hearing=$(added_id hearing)
ok cw timeline "Ny Refused" --json
json "d['summary']['pretrial_to'] == '2026-09-30' and d['summary']['pretrial_to_reason'] == 'visit'"
# Its record names her alone: the refusal was hers.
ok cw edit "$refused_hearing" --clear attendance --present "Ny Refused"
ok cw timeline "Ny Refused" --json
json "d['summary']['pretrial_to'] == '2026-10-01' and d['summary']['pretrial_to_reason'] == 'refused'"
ok cw log milestone --person "Ny Refused" --case "Refused case" --type bail --outcome refused \
	--date 2026-10-01 --view own
ok cw timeline "Ny Refused" --json
json "d['summary']['pretrial_to'] == '2026-10-01' and d['summary']['pretrial_to_reason'] == 'refused'"
ok cw timeline "Ny Refused"
has "pretrial detention: 269 days to 2026-10-01, a refusal of bail or release that day (the case's account: UN"
ok cw timeline "Co Absent" --json
json "d['summary']['pretrial_to'] == '2026-09-30' and d['summary']['pretrial_to_reason'] == 'visit'"
ok cw person add --name "Sole Refused"
ok cw case add --title "Sole case" --defendant "Sole Refused" --custody detained --charge 494 \
	--view un --reported-on 2026-05-31
ok cw log milestone --person "Sole Refused" --case "Sole case" --type pretrial_detention \
	--date 2026-01-05 --view un
ok cw log hearing --case "Sole case" --date 2026-10-03 --outcome postponed --bail refused \
	--view own
ok cw timeline "Sole Refused" --json
json "d['summary']['pretrial_to'] == '2026-10-03' and d['summary']['pretrial_to_reason'] == 'refused'"
# One dated only to a month gives no day they were held on: not counted to.
ok cw log milestone --person "Sole Refused" --case "Sole case" --type bail --outcome refused \
	--date 2026-11 --view own
ok cw timeline "Sole Refused" --json
json "d['summary']['pretrial_to'] == '2026-10-03' and d['summary']['pretrial_to_reason'] == 'refused'"
ok cw log milestone --person "Co Absent" --case "Refused case" --type bail --outcome refused \
	--date 2026-10-02 --view own
ok cw timeline "Co Absent" --json
json "d['summary']['pretrial_to'] == '2026-10-02' and d['summary']['pretrial_to_reason'] == 'refused'"
# Released after the ruling by another account's word, the case's entry older: "detained" is
# said to be the case's, with the release after it (a partner's trial read "custody: detained"
# beside an NGO's release after the appeal); an arrest after it takes the note away.
ok cw person add --name "Kang Served"
ok cw case add --title "Served case" --defendant "Kang Served" --custody detained \
	--charge "437 bis" --view un
ok cw log milestone --person "Kang Served" --case "Served case" --type arrest --date 2025-07-04 \
	--view un
ok cw log milestone --person "Kang Served" --case "Served case" --type verdict \
	--result convicted --date 2025-11-22 --view un
ok cw log milestone --person "Kang Served" --case "Served case" --type release \
	--outcome granted --date 2026-11-15 --view ngo
ok cw timeline "Kang Served"
has "custody: detained (as the case records it; release granted (account: NGO) on 2026-11-15 came after the ruling)"
ok cw log milestone --person "Kang Served" --case "Served case" --type arrest --date 2026-11-20 \
	--view ngo
ok cw timeline "Kang Served"
lacks "came after the ruling"
# Acquitted at a hearing, the case's entry older: "charges: acquitted" stood above "custody:
# detained" with no word of which was newer (a field trial). The verdict is named; a charge
# convicted beside the acquittal, or an arrest after it, takes the note away.
ok cw person add --name "Kim Acquitted"
ok cw case add --title "Acquittal case" --defendant "Kim Acquitted" --custody detained \
	--charge 494/495 --view own
ok cw log milestone --person "Kim Acquitted" --case "Acquittal case" --type arrest \
	--date 2026-05-27 --view own
ok cw log hearing --case "Acquittal case" --date 2026-06-07 --outcome verdict \
	--present "Kim Acquitted" --verdict "494/495=acquitted@Kim Acquitted" --view own
ok cw timeline "Kim Acquitted"
has "custody: detained (as the case records it; the ruling of 2026-06-07 acquitted them)"
ok cw log hearing --case "Acquittal case" --date 2026-07-07 --stage appeal --outcome verdict \
	--verdict "494=dropped@Kim Acquitted" --verdict "495=acquitted@Kim Acquitted" --view own
ok cw timeline "Kim Acquitted"
has "custody: detained (as the case records it; the ruling of 2026-07-07 acquitted them and dropped the other charges)"
ok cw log milestone --person "Kim Acquitted" --case "Acquittal case" --type arrest \
	--date 2026-08-01 --view own
ok cw timeline "Kim Acquitted"
lacks "acquitted them"
# Convicted of one charge and acquitted of another: "detained" may be the sentence.
ok cw person add --name "Part Convicted"
ok cw case add --title "Part case" --defendant "Part Convicted" --custody detained \
	--charge 494/495 --view own
ok cw log hearing --case "Part case" --date 2026-06-07 --outcome verdict \
	--verdict "494=acquitted@Part Convicted" --verdict "495=convicted@Part Convicted" --view own
ok cw timeline "Part Convicted"
lacks "acquitted them"
# A verdict naming no one rules on them too: convicted of one charge by it, no note (a review
# found "acquitted them" beside "charges: convicted: 495").
ok cw person add --name "Co Defendant"
ok cw case add --title "Joint case" --defendant "Part Convicted" --defendant "Co Defendant" \
	--custody detained --charge 494 --charge 495 --view own
ok cw log hearing --case "Joint case" --date 2026-06-07 --outcome verdict \
	--verdict "494=acquitted@Part Convicted" --verdict "495=convicted" --view own
ok cw timeline "Part Convicted"
lacks "acquitted them"
# A milestone's verdict with its result says the same, with its account when not the case's;
# one dated only to its year is not taken for after the arrest of a day of that year; every
# charge dropped is said so, not called an acquittal.
ok cw person add --name "Ms Acquitted"
ok cw case add --title "Ms case" --defendant "Ms Acquitted" --custody detained --charge 494 \
	--view un
ok cw log milestone --person "Ms Acquitted" --case "Ms case" --type arrest --date 2025-02-01 \
	--view un
ok cw log milestone --person "Ms Acquitted" --case "Ms case" --type verdict --result acquitted \
	--date 2025 --view media
ok cw timeline "Ms Acquitted"
has "custody: detained (as the case records it; the ruling of 2025 (account: media) acquitted them)"
ok cw person add --name "Ms Dropped"
ok cw case add --title "Dropped case" --defendant "Ms Dropped" --custody detained --charge 494 \
	--view un
ok cw log milestone --person "Ms Dropped" --case "Dropped case" --type verdict --result dropped \
	--date 2026-03 --view un
ok cw timeline "Ms Dropped"
has "custody: detained (as the case records it; the ruling of 2026-03 dropped every charge)"
# At the appeal, the entry written before the ruling: said all the same (a review found an
# appeal court's acquittal left beside a bare "detained"); written knowing of it: no note.
ok cw edit "Dropped case" --stage appeal --as-of 2026-02-01
ok cw timeline "Ms Dropped"
has "custody: detained (as the case records it; the ruling of 2026-03 dropped every charge)"
ok cw edit "Dropped case" --as-of 2026-04-01
ok cw timeline "Ms Dropped"
lacks "dropped every charge)"
unset CASEWATCH_NOW
done_ok
