#!/bin/sh
# Numbers typed on a Khmer keyboard come in Khmer digits (០-៩, U+17E0-U+17E9): a group of
# unnamed defendants' count and a charge's articles read them as 0-9, as dates and filters
# do, instead of keeping the count in the label or refusing the article.
. "$TESTLIB"
set -e

ok cw init
ok cw case add --title "Khmer count" --unnamed "២ សកម្មជន" --charge ៤៩៤/៤៩៥
ok cw show "Khmer count" --json
json "d['defendants'][0].get('unnamed_count') == 2"
json "d['defendants'][0]['label'] == 'សកម្មជន'"
json "[c['article'] for c in d['defendants'][0]['charges']] == ['494', '495']"
# the same as ASCII digits give
ok cw case add --title "Latin count" --unnamed "2 សកម្មជន" --charge 494/495
ok cw show "Latin count" --json
json "d['defendants'][0].get('unnamed_count') == 2"
json "d['defendants'][0]['label'] == 'សកម្មជន'"
# Only the count: digits in the label after it stay as typed.
ok cw case add --title "Label digits" --unnamed "១២ កម្មករ ២០២៣" --charge "៤៣៧ bis"
ok cw show "Label digits" --json
json "d['defendants'][0].get('unnamed_count') == 12"
json "d['defendants'][0]['label'] == 'កម្មករ ២០២៣'"
json "d['defendants'][0]['charges'][0]['article'] == '437 bis'"
# A number run into a word is a label, in either script; zero is refused, in either.
ok cw case add --title "Run in" --unnamed "៣rd district protesters" --charge 494
ok cw show "Run in" --json
json "'unnamed_count' not in d['defendants'][0]"
json "d['defendants'][0]['label'] == '៣rd district protesters'"
fails 65 "unnamed" cw case add --title "Zero" --unnamed "០ សកម្មជន" --charge 494
# A later --unnamed in Khmer digits corrects the group's number.
ok cw edit "Khmer count" --unnamed "៥ សកម្មជន"
ok cw show "Khmer count" --json
json "d['defendants'][0].get('unnamed_count') == 5"
# Articles in Khmer digits elsewhere: a milestone's article, and the filter finds them.
ok cw log milestone --case "Khmer count" --group "សកម្មជន" --date 2024-01-03 --type charge \
	--article ៤៩៥
ok cw list records --article ៤៩៥ --kind milestone --json
json "len(d) == 1"
# Today, yesterday, tomorrow and the weekdays said in Khmer, as in English (a Khmer field trial typed
# "ម្សិលមិញ" and was told only of YYYY-MM-DD); words that are no date name the forms there are.
for pair in "ថ្ងៃនេះ:Wed 2024-02-07" "ម្សិលមិញ:Tue 2024-02-06" "ថ្ងៃម្សិលមិញ:Tue 2024-02-06" \
	"ស្អែក:Thu 2024-02-08" "ថ្ងៃស្អែក:Thu 2024-02-08" "ថ្ងៃច័ន្ទ:Mon 2024-02-05" \
	"ចន្ទ:Mon 2024-02-05" "ថ្ងៃសុក្រ:Fri 2024-02-02" "ព្រហស្បតិ៍:Thu 2024-02-01" \
	"ថ្ងៃអាទិត្យ:Sun 2024-02-04" "ថ្ងៃពុធ:Wed 2024-02-07"; do
	word=${pair%%:*} want=${pair#*:}
	CASEWATCH_NOW=2024-02-07T03:00:00Z ok cw agenda --from "$word"
	has "from $want to"
done
CASEWATCH_NOW=2024-02-07T03:00:00Z fails 65 "is not a date; write YYYY-MM-DD" cw agenda --from "គ្មាន"
# Next and last before a weekday in Khmer, the word after the day's name as Khmer says it,
# with a space or none (the trial had them only in English): the first such day after today,
# the last before it, as "next monday" and "last friday". Sunday only with ថ្ងៃ: អាទិត្យក្រោយ is
# as often "next week"; the word before the day ("after Monday") is no date.
for pair in "ថ្ងៃច័ន្ទក្រោយ:Mon 2024-02-12" "ថ្ងៃច័ន្ទ ក្រោយ:Mon 2024-02-12" \
	"ច័ន្ទក្រោយ:Mon 2024-02-12" "ថ្ងៃពុធក្រោយ:Wed 2024-02-14" "ថ្ងៃសៅរ៍បន្ទាប់:Sat 2024-02-10" \
	"ថ្ងៃព្រហស្បតិ៍ខាងមុខ:Thu 2024-02-08" "ថ្ងៃអាទិត្យក្រោយ:Sun 2024-02-11" \
	"ថ្ងៃសុក្រមុន:Fri 2024-02-02" "ថ្ងៃពុធមុន:Wed 2024-01-31" "ថ្ងៃអង្គារ មុន:Tue 2024-02-06" \
	"ថ្ងៃព្រហស្បត្តិ៍កន្លងទៅ:Thu 2024-02-01"; do
	word=${pair%%:*} want=${pair#*:}
	CASEWATCH_NOW=2024-02-07T03:00:00Z ok cw agenda --from "$word"
	has "from $want to"
done
# A week in Khmer (the trial had only "next week" in English): សប្តាហ៍ before the word that
# moves it gives its Monday, a day before both that day of it.
for pair in "សប្តាហ៍ក្រោយ:Mon 2024-02-12" "សប្ដាហ៍មុន:Mon 2024-01-29" "សប្តាហ៍នេះ:Mon 2024-02-05" \
	"ថ្ងៃសុក្រ សប្តាហ៍ក្រោយ:Fri 2024-02-16" "ថ្ងៃច័ន្ទនៃសប្តាហ៍ខាងមុខ:Mon 2024-02-12" \
	"friday of next week:Fri 2024-02-16"; do
	word=${pair%%:*} want=${pair#*:}
	CASEWATCH_NOW=2024-02-07T03:00:00Z ok cw agenda --from "$word"
	has "from $want to"
done
for word in "អាទិត្យក្រោយ" "ក្រោយថ្ងៃច័ន្ទ" "ថ្ងៃច័ន្ទក្រោយក្រោយ" "ក្រោយ" "សប្តាហ៍"; do
	CASEWATCH_NOW=2024-02-07T03:00:00Z fails 65 "is not a date; write YYYY-MM-DD" cw agenda --from "$word"
done
# A length is counted in bytes, as stored; a Khmer name too long says why its letters count
# more (a Khmer field trial read "14 bytes, at most 5" for five letters).
long=$("${PYTHON3:-python3}" -c "print('ក' * 100)")
fails 65 "too long: 300 bytes, at most 200 (a letter of Khmer script takes 3 bytes)" \
	cw person add --name "$long"
fails 65 "too long: 201 bytes, at most 200" cw person add --name "$("${PYTHON3:-python3}" -c "print('a' * 201)")"
! grep -q "Khmer script" "$WORK/stderr" || fail "a Latin name is told of Khmer: $(cat "$WORK/stderr")"
checks=$((checks + 1))
# Notes of any length too long say the field's own limit (a trial read "at most 8000" for
# 62,699 bytes and "at most 65536" for 70,000).
# A time in Khmer digits on the command line: 13 bytes, read as 09:30, not too long for HH:MM.
ok cw case add --title "Time case"
ok cw log hearing --case "Time case" --date 2023-09-21 --time ០៩:៣០
ok cw show "$(added_id hearing)" --json
json "d['time'] == '09:30'"
# An hour of one digit, as people write it: "8:30" and "៨:៣០" are 08:30 (a Khmer trial's hearing
# at half past eight was refused, "write HH:MM"); "9:5" stays refused.
ok cw log hearing --case "Time case" --date 2023-09-22 --time 8:30
ok cw show "$(added_id hearing)" --json
json "d['time'] == '08:30'"
ok cw log hearing --case "Time case" --date 2023-09-23 --time ៨:៣០
ok cw show "$(added_id hearing)" --json
json "d['time'] == '08:30'"
fails 65 "time: '9:5' is not a time" cw log hearing --case "Time case" --date 2023-09-24 --time 9:5
fails 65 "notes: too long: 70000 bytes, at most 8000" \
	cw person add --name "Long Notes" --notes "$("${PYTHON3:-python3}" -c "print('a' * 70000)")"
fails 65 "notes: too long: 8001 bytes, at most 8000" \
	cw person add --name "Long Notes" --notes "$("${PYTHON3:-python3}" -c "print('a' * 8001)")"
done_ok
