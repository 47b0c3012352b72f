#!/bin/sh
# Who a report lists as held, and whose rulings it gives. A report filtered by a person gives
# that person's detention and rulings, not a co-defendant's (the filter finds the hearings of
# their case, which rule on everyone in it).
. "$TESTLIB"
set -e
export CASEWATCH_NOW=2024-05-10T03:00:00Z

ok cw init
ok cw person add --name "Chan Vy"
ok cw person add --name "Sok Dara"
ok cw case add --title "Two accused" --opened 2023-01-05 --defendant "Chan Vy" --custody detained \
	--charge 494 --defendant "Sok Dara" --custody detained --charge 494 --view un
for p in "Chan Vy" "Sok Dara"; do
	ok cw log milestone --person "$p" --case "Two accused" --type arrest --date 2023-01-05 \
		--view un
done
ok cw log hearing --case "Two accused" --date 2024-05-02 --outcome verdict \
	--verdict "494=convicted" --view own

# ---- a person's report: their detention and their ruling, not the co-defendant's
ok cw report --from 2024-04-01 --to 2024-04-30 --person "Chan Vy" --format json
json "[p['person']['name'] for p in d['pretrial_detention']] == ['Chan Vy']"
ok cw report --from 2024-05-01 --to 2024-05-07 --person "Chan Vy" --format json
json "[v['person']['name'] for v in d['verdicts']] == ['Chan Vy']"
json "d['comparison']['verdicts']['current'] == 1"
# unfiltered, both
ok cw report --from 2024-04-01 --to 2024-04-30 --format json
json "sorted(p['person']['name'] for p in d['pretrial_detention']) == ['Chan Vy', 'Sok Dara']"
ok cw report --from 2024-05-01 --to 2024-05-07 --format json
json "sorted(v['person']['name'] for v in d['verdicts']) == ['Chan Vy', 'Sok Dara']"
echo "report_detained: $checks checks passed"
