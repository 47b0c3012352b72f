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
hearing=$(added_id hearing 8)
[ -n "$hearing" ] || fail "no hearing id in: $out"

ok cw show NagaWorld
has "record               hearing 2023-05-25 ($hearing)"
lacks "record                ("

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
lacks "record                ("
lacks "convicted"

# A charge milestone's articles charge its person from its date, in the same write: a new
# charge filed while held (001 para 37) reaches the case, the lists by article and the
# reports under that article; deleting the milestone takes the charge back.
ok cw person add --name "Thach Setha"
ok cw case add --title "Setha cheque case" --defendant "Thach Setha" --custody detained \
	--charge "LNIPT 231"
ok cw log milestone --person "Thach Setha" --case "Setha cheque case" --type arrest --date 2024-03-01
ok cw log milestone --person "Thach Setha" --case "Setha cheque case" --type charge --date 2024-03-02 \
	--article 494/495
charge=$(printf '%s\n' "$out" | awk '{print $NF}')
ok cw show "Setha cheque case" --json
json '[(c["article"], c.get("state", "charged"), [h["date"] for h in c.get("history", [])]) for c in d["defendants"][0]["charges"]] == [("LNIPT 231", "charged", []), ("494", "charged", ["2024-03-02"]), ("495", "charged", ["2024-03-02"])]'
ok cw list persons --article 494/495
has "Thach Setha"
ok cw report --from 2024-03-01 --to 2024-03-03 --article 494/495 --format json
json "[p['person']['name'] for p in d['pretrial_detention']] == ['Thach Setha']"
# charged under it already: no charge added, a step of history for this milestone
ok cw log milestone --person "Thach Setha" --case "Setha cheque case" --type charge --date 2024-03-05 \
	--article 494
ok cw show "Setha cheque case" --json
json 'len(d["defendants"][0]["charges"]) == 3'
# deleting the first: 495 goes with it, 494 stays while the second charges it
ok cw delete "$charge" --yes
ok cw show "Setha cheque case" --json
json '[c["article"] for c in d["defendants"][0]["charges"]] == ["LNIPT 231", "494"]'

# A ruling on a charge a milestone made keeps it when the milestone is edited or deleted;
# two charge milestones on one article keep it while either is there.
ok cw person add --name "Ruled Charged"
ok cw case add --title "Ruled charged case" --defendant "Ruled Charged" --offence "cheque fraud"
ok cw log milestone --person "Ruled Charged" --case "Ruled charged case" --type charge \
	--article 494 --date 2024-01-10
first=$(printf '%s\n' "$out" | awk '{print $NF}')
ok cw log hearing --case "Ruled charged case" --date 2024-04-30 --outcome verdict \
	--verdict "494=convicted@Ruled Charged"
ok cw edit "$first" --date 2024-01-11
ok cw show "Ruled charged case" --json
json '[(c.get("article"), c.get("state", "charged")) for c in d["defendants"][0]["charges"]] == [(None, "charged"), ("494", "convicted")]'
ok cw delete "$first" --yes
ok cw show "Ruled charged case" --json
json '[(c.get("article"), c.get("state", "charged")) for c in d["defendants"][0]["charges"]] == [(None, "charged"), ("494", "convicted")]'
ok cw log milestone --person "Ruled Charged" --case "Ruled charged case" --type charge \
	--article 496 --date 2024-02-01 --view un
un_charge=$(printf '%s\n' "$out" | awk '{print $NF}')
ok cw log milestone --person "Ruled Charged" --case "Ruled charged case" --type charge \
	--article 496 --date 2024-02-01 --view government
ok cw delete "$un_charge" --yes
ok cw list cases --article 496
has "Ruled charged case"

# A verdict dated after today (2034 typed for 2024) is saved with a warning, and the case holds
# the state it sets; but the timeline reads the charges as they stand today, as it counts the
# pretrial detention "and counting" through it, and says what the ruling will make of them.
# On its day, or once the date is corrected, they read convicted.
ok cw person add --name "Ny Nak"
ok cw case add --title "Ny Nak incitement" --defendant "Ny Nak" --custody detained \
	--charge 494/495 --view own
ok cw log milestone --person "Ny Nak" --case "Ny Nak" --type arrest --date 2024-01-05 --view own
ok cw log hearing --case "Ny Nak" --date 2034-02-27 --outcome verdict \
	--verdict "494/495=convicted@Ny Nak" --view own
future=$(printf '%s\n' "$out" | awk '{print $3}')
grep -q "warning: this hearing is dated 2034-02-27, after today" "$WORK/stderr" ||
	fail "no warning for a verdict after today: $(cat "$WORK/stderr")"
checks=$((checks + 1))
ok cw show "Ny Nak incitement" --json
json '[c["state"] for c in d["defendants"][0]["charges"]] == ["convicted", "convicted"]'
ok cw timeline "Ny Nak"
has "charges: charged: 494, 495; convicted by a ruling dated 2034-02-27, after today: 494, 495"
has "and counting"
lacks "charges: convicted"
CASEWATCH_NOW=2034-02-28T00:00:00Z ok cw timeline "Ny Nak"
has "charges: convicted: 494, 495"
lacks "after today"
ok cw edit "$future" --date 2024-02-27
ok cw timeline "Ny Nak"
has "charges: convicted: 494, 495"
lacks "after today"

# A charge's state follows the latest ruling by date, not the last logged (a field trial):
# Chan Vuthy convicted under 437 bis on 2026-11-25, logged first, then an acquittal of
# 2026-10-01 logged after it. The case, its show and the timeline read convicted; the history
# lists both in date order. Deleting the conviction leaves the acquittal, the latest left;
# logged the other way round, the same. A verdict milestone is held to the same rule. Today is
# set after every ruling here, so that none reads "after today" whatever the clock says.
CASEWATCH_NOW=2027-06-01T00:00:00Z
export CASEWATCH_NOW
ok cw person add --name "Chan Vuthy"
ok cw case add --title "Vuthy lese-majeste" --defendant "Chan Vuthy" --custody detained \
	--charge "437 bis"
ok cw log milestone --person "Chan Vuthy" --case "Vuthy lese-majeste" --type arrest \
	--date 2026-03-01
ok cw log hearing --case "Vuthy lese-majeste" --date 2026-11-25 --outcome verdict \
	--verdict "437 bis=convicted@Chan Vuthy"
later=$(printf '%s\n' "$out" | awk '{print $3}')
ok cw log hearing --case "Vuthy lese-majeste" --date 2026-10-01 --outcome verdict \
	--verdict "437 bis=acquitted@Chan Vuthy"
earlier=$(printf '%s\n' "$out" | awk '{print $3}')
ok cw timeline "Chan Vuthy"
has "charges: convicted: 437 bis"
lacks "acquitted: 437 bis"
ok cw show "Vuthy lese-majeste"
has "state of the charge  convicted"
ok cw show "Vuthy lese-majeste" --json
json '[(h["state"], h["date"]) for h in d["defendants"][0]["charges"][0]["history"]] == [("acquitted", "2026-10-01"), ("convicted", "2026-11-25")]'
json 'd["defendants"][0]["charges"][0]["state"] == "convicted"'
ok cw delete "$later" --yes
ok cw timeline "Chan Vuthy"
has "charges: acquitted: 437 bis"
ok cw show "Vuthy lese-majeste"
has "state of the charge  acquitted"
# the other way round: the acquittal first, the conviction after it, convicted
ok cw log hearing --case "Vuthy lese-majeste" --date 2026-11-25 --outcome verdict \
	--verdict "437 bis=convicted@Chan Vuthy"
later=$(printf '%s\n' "$out" | awk '{print $3}')
ok cw timeline "Chan Vuthy"
has "charges: convicted: 437 bis"
# the later one's date corrected to before the acquittal: the acquittal is the latest
ok cw edit "$later" --date 2026-09-15
ok cw show "Vuthy lese-majeste"
has "state of the charge  acquitted"
ok cw delete "$earlier" --yes
ok cw delete "$later" --yes
# milestones: an appeal decided on 2027-03-10 acquits, then the conviction of 2026-11-25
ok cw log milestone --person "Chan Vuthy" --case "Vuthy lese-majeste" --type appeal_decided \
	--result acquitted --article "437 bis" --date 2027-03-10
ok cw log milestone --person "Chan Vuthy" --case "Vuthy lese-majeste" --type verdict \
	--result convicted --article "437 bis" --date 2026-11-25
ok cw show "Vuthy lese-majeste" --json
json '[(h["state"], h["date"]) for h in d["defendants"][0]["charges"][0]["history"]] == [("convicted", "2026-11-25"), ("acquitted_on_appeal", "2027-03-10")]'
json 'd["defendants"][0]["charges"][0]["state"] == "acquitted_on_appeal"'
ok cw timeline "Chan Vuthy"
has "charges: acquitted on appeal: 437 bis"


# A ruling that reads the state before it (an appeal upheld, naming no charge) is worked out
# again when an older ruling is logged after it, or taken away: logged in either order, an
# acquittal of January and its appeal upheld in June read acquitted; the acquittal deleted,
# the upheld appeal alone reads convicted, counts not stated (a review found the upheld step
# kept as worked out before the acquittal was logged: "convicted (counts not stated)").
ok cw person add --name "Vorn Pov"
ok cw case add --title "Pov incitement" --defendant "Vorn Pov" --custody detained --charge 494
ok cw log milestone --type appeal_decided --result upheld --person "Vorn Pov" \
	--case "Pov incitement" --date 2026-06-10
ok cw timeline "Vorn Pov"
has "charges: convicted (counts not stated): 494"
ok cw log hearing --case "Pov incitement" --date 2026-01-10 --outcome verdict \
	--verdict "494=acquitted@Vorn Pov"
acquittal=$(added_id hearing)
ok cw timeline "Vorn Pov"
has "charges: acquitted: 494"
ok cw delete "$acquittal" --yes
ok cw timeline "Vorn Pov"
has "charges: convicted (counts not stated): 494"
ok cw undo
ok cw timeline "Vorn Pov"
has "charges: acquitted: 494"
ok cw verify

# A charge with no article reads as its offence, whole: cut to 24 bytes, a field trial's
# "Law on Negotiable Instruments art. 231" read "Law on Negotiable Instru" in the timeline,
# and an offence in Khmer after a few Latin letters was cut inside a letter.
ok cw person add --name "Kong Korm"
ok cw case add --title "Kong Korm cheques" --defendant "Kong Korm" --custody detained \
	--offence "Law on Negotiable Instruments art. 231" --offence "Art. ញុះញង់ឱ្យប្រព្រឹត្តបទឧក្រិដ្ឋ"
ok cw timeline "Kong Korm"
has "charges: charged: Law on Negotiable Instruments art. 231, Art. ញុះញង់ឱ្យប្រព្រឹត្តបទឧក្រិដ្ឋ"
checks=$((checks + 1))
printf '%s' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 || fail "the timeline is not UTF-8: $out"

done_ok
