#!/bin/sh
# Dates as people say them in the terminal interface, in tmux, on the test clock (Wednesday 7
# February 2024): "yesterday" typed into a hearing's date field shows as 2024-02-06 once the
# cursor leaves the field, and is saved so; words that are no date get the inline error, kept
# as typed; the filter line takes "since:last week" and shows the date it gave.
. "$(dirname "$0")/lib.sh"
set -e

export TZ=UTC CASEWATCH_NOW=2024-02-07T09:00:00Z
TMUX_ENV="TZ=UTC CASEWATCH_NOW=2024-02-07T09:00:00Z"
ok cw init
ok cw person add --name "Chhim Sithar"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494/495
ok cw log hearing --case NagaWorld --date 2024-01-10 --source "own observation"
tmux_start 120 40
wait_for " 3 Records "

send H
wait_for "New hearing"
# Saved empty: the case and the date are both asked for, the cursor on the case, first on
# the form (a trial was sent to the date first)
send C-s
wait_for "^ is required (unless the record counts several hearings"
wait_for "^ is required for a new hearing"
send Naga
wait_for "> NagaWorld strike"
send Enter yesterday
wait_for "date *: yesterday"
wait_for "or today, yesterday, monday, next friday, +3d, 15 jan"
send Tab
wait_for "date *: 2024-02-06"
wait_gone "date *: yesterday"
# Back to the field: the full date is what it holds, and can be typed over with words again.
send Up C-u "last friday" Tab
wait_for "date *: 2024-02-02"
# A day and a month's name: the nearest such day, shown as the full date.
send Up C-u "dec 15" Tab
wait_for "date *: 2023-12-15"
# In Khmer, digits and month alike, as a Khmer keyboard types them (a trial saw "២៤ មេសា"
# stay as typed, its year never shown)
send Up C-u "១៥ ធ្នូ" Tab
wait_for "date *: 2023-12-15"
send Up C-u someday Tab
wait_for "^ 'someday' is not a date"
wait_for "date *: someday"
# Saving shows every field's own error at once, the cursor on the first (a trial saw one at a
# time, an earlier one gone when the next was shown)
send C-g
send -l time
send Enter
send -l 9am
send C-s
wait_for "^ 'someday' is not a date"
wait_for "^ '9am' is not a time"
send C-g
send -l time
send Enter
send C-u
send C-g
send -l date
send Enter
send C-u yesterday C-s
wait_for "added hearing"
send / 'kind:hearing since:yesterday' Enter
wait_for "2024-02-06 hearing"
wait_for "1 record matches"
wait_for "since:2024-02-06"
send Escape / 'since:last week' Enter
wait_for "since:2024-01-29"
wait_for "1 record matches"
wait_gone "2024-01-10"
ok cw list records --json
json 'sorted(r["date"] for r in d) == ["2024-01-10", "2024-02-06"]'
send Escape q

# On a Khmer screen the hint gives the Khmer words the dates take, and one typed from it is
# read (a Khmer monitor's trial saw only English words there).
need_khmer
wait_quit "q"
TMUX_ENV="TZ=UTC CASEWATCH_NOW=2024-02-07T09:00:00Z LC_ALL= LANGUAGE= LANG=km_KH.UTF-8"
tmux_start 120 40
send H
wait_for "$(km "New") $(km "hearing")"
send Naga
wait_for "> NagaWorld strike"
send Enter
wait_for "ម្សិលមិញ, ថ្ងៃច័ន្ទ, ថ្ងៃសុក្រសប្តាហ៍ក្រោយ"
send "ម្សិលមិញ" Tab
wait_for "2024-02-06"
send Escape
done_ok
