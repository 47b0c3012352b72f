#!/bin/sh
# A case form that takes several defendants in one save, in tmux: names separated by ';', one
# already a person and two who are not yet; saving asks about each new one in turn (a name
# close to someone already there is said), then writes the people and the case in one write,
# all charged alike; u takes the whole save back, the people added with it too.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw person add --name "Kang Saran" --name-km "កាំង សារ៉ន"

# Leaving the field says how many of its names are new, as a demonstration's arrested does (it
# named only the first: "'Theary Seng' is not in the database yet").
keys 'C<C-g>defendant<Enter>Theary Seng; Chhim Sithar; Mu Sochua; Sam Rainsy<Tab><Dump>' 120x30
has "^ 'Theary Seng' and 2 others are not in the database yet: saving asks to add them"
keys 'C<C-g>defendant<Enter>Chhim Sithar; Mu Sochua<Tab><Dump>' 120x30
has "^ 'Mu Sochua' is not in the database yet: saving asks to add them"

tmux_start 120 30
wait_for " 3 Records "
send C
wait_for "New case"
send C-g title Enter 'NagaWorld strike'
send C-g defendant Enter 'Chhim Sithar; Sun Sreypich; Ouk Vanna'
send Tab Tab 494/495
wait_for "defendant: Chhim Sithar; Sun Sreypich; Ouk Vanna"
send C-s
wait_for "'Sun Sreypich' and 1 other are not in the database yet"
wait_for "Sun Sreypich is not in the database yet: add this person (1 of 2)? y/N"
send y
wait_for "Ouk Vanna is not in the database yet: add this person (2 of 2) and save? y/N"
send y
wait_for "added 2 people; added case "
ok cw show "NagaWorld strike" --json
json "len(d['defendants']) == 3 and all(len(x['charges']) == 2 for x in d['defendants'])"
ok cw list persons --json
json "sorted(p['name'] for p in d) == ['Chhim Sithar', 'Kang Saran', 'Ouk Vanna', 'Sun Sreypich']"

# Editing it shows every defendant it has, on 80 columns too: the line wraps, nobody is cut.
T resize-window -t cw -x 80 -y 30
send 1 / 'NagaWorld strike' Enter
wait_for "1 case matches"
send e
wait_for "Edit case"
wait_for "Chhim Sithar ("
wait_for "Sun Sreypich ("
wait_for "Ouk Vanna ("
send Escape
T resize-window -t cw -x 120 -y 30
send Escape


# Saying no to one of them saves nothing.
send C
wait_for "New case"
send C-g title Enter 'Second case'
send C-g defendant Enter 'Meach Sovannara; Thach Setha'
send C-s
wait_for "Meach Sovannara is not in the database yet: add this person (1 of 2)? y/N"
send n
wait_for "not saved"
send Escape
wait_for "Discard the changes"
send y

# A name typed with its spacing changed is said to be close. (Khmer 'កាំងសារ៉ន' typed for
# 'កាំង សារ៉ន' is the same name now: a space between Khmer letters does not count, as a
# zero-width one does not: models/text.h.)
send C
wait_for "New case"
send C-g title Enter 'Third case'
send C-g defendant Enter 'KangSaran'
send C-s
wait_for ", though Kang Saran"
send n
send Escape
wait_for "Discard the changes"
send y

# u takes back the case and the two people it added; Chhim Sithar stays.
send u
wait_for "Take back the addition of case \"NagaWorld strike\", with 2 other record(s)? y/N"
send y
wait_for "taken back: added NagaWorld strike, with 2 other record(s)"
ok cw list cases --json
json "len(d) == 0"
ok cw list persons --json
json "sorted(p['name'] for p in d) == ['Chhim Sithar', 'Kang Saran']"
ok cw verify
# Saved with a new person, the case's warnings are still said (the status kept "(! shows
# fixes)" only when nobody was added).
send C
wait_for "New case"
send C-g title Enter 'Land dispute Kampong Speu'
send C-g defendant Enter 'Vorn Pov'
send Tab
send -l det
send Tab
send C-s
wait_for "Vorn Pov is not in the database yet: add this person and save? y/N"
send y
wait_for "added Vorn Pov; added case "
# The warning (no stage and no arrest recorded) is long: the status line wraps before "fixes)".
wait_for "(! shows"
wait_for "fixes)"
send q
done_ok
