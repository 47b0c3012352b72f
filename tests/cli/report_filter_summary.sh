#!/bin/sh
# A filtered report's summary counts only what matches its filter, and says so first: "The team
# monitored no hearings in this period" under "Filter: kind:visit" read as a week the team sat
# in no court, and under "Filter: account:un" the UN's account of a verdict the team observed
# read as a hearing "the team did not observe"; the hearings' sections said both too.
. "$TESTLIB"
set -e

ok cw init

ok cw person add --name "Chao Veasna" --source "SG report A/HRC/57, para 35" --view un
ok cw case add --title "Chao Veasna — incitement" --defendant "Chao Veasna" --custody detained \
	--charge 494/495 --source "SG report A/HRC/57, para 35" --view un
ok cw log hearing --case "Chao Veasna" --date 2024-02-07 --outcome verdict \
	--verdict "494/495=convicted@Chao Veasna" --source "SG report A/HRC/57, para 35" --view un
un=$(printf '%s\n' "$out" | sed 's/.* //')
ok cw log hearing --case "Chao Veasna" --date 2024-02-07 --time 09:00 --outcome verdict \
	--verdict "494/495=convicted@Chao Veasna" --same-event "$un" --source "own observation"
ok cw log visit --facility "Banteay Meanchey Provincial Prison" --date 2024-02-09 \
	--detainee "Chao Veasna" --source "own observation"

# Unfiltered: as before, no sentence about a filter.
ok cw report --week 2024-W06 --format json
json "d['summary'][0] == 'The team monitored 1 hearing: 1 with a verdict.'"
json "not any('filter' in s for s in d['summary'])"

# Filtered by kind: the figures are the visits'; the summary says so before "no hearings".
ok cw report --week 2024-W06 --kind visit --format json
json "d['summary'][0] == 'Every figure here counts only the records that match the filter (kind:visit).'"
json "d['summary'][1] == 'The team monitored no hearings in this period.'"
ok cw report --week 2024-W06 --kind visit
has "Every figure here counts only the records that match the filter (kind:visit)."

# Filtered by the UN's account: the team's hearing is outside the filter, not unobserved.
ok cw report --week 2024-W06 --account un --format json
json "d['summary'][0] == 'Every figure here counts only the records that match the filter (account:un).'"
json "d['summary'][1] == 'The team\\'s own accounts are outside the filter: none of its hearings is counted here.'"
json "d['summary'][2].startswith('Documents report 1 hearing (account: UN)')"
json "not any('did not observe' in s or 'monitored no' in s for s in d['summary'])"
# The sections say it too, not "no hearings the team went to" and "did not observe itself".
ok cw report --week 2024-W06 --account un
has "The team's own accounts are outside the filter: its hearings are not listed here."
has "some of these may be hearings the team observed"
lacks "did not observe"
lacks "No hearings the team went to"
# Its own account among those asked for: the team's figures as usual.
ok cw report --week 2024-W06 --account un,own --format json
json "d['summary'][1] == 'The team monitored 1 hearing: 1 with a verdict.'"

echo "report_filter_summary: $checks checks"
