#!/bin/sh
# casewatch report: the weekly summary of a small dataset made through the command line,
# compared with golden Markdown (nothing in it depends on ids or creation times); the week of
# 7 February 2024 in the demo data; filters, ranges, the default week, -o FILE, an empty week,
# and bad input refused with one line naming the option.
. "$TESTLIB"
set -e
GOLDEN=$(dirname "$TESTLIB")/../golden
# The header says when the report was made: the test clock makes it the same every run.
export CASEWATCH_NOW=2024-02-12T03:00:00Z

ok cw init
ok cw person add --name "Chhim Sithar" --name-km "ឈឹម ស៊ីថា"
ok cw person add --name "Kang Saran" --name-km "កាំង សារ៉ាន"
ok cw person add --name "Élise Müller"
ok cw case add --title "NagaWorld | strike" --court "Phnom Penh Court of First Instance" \
	--stage trial --defendant "Chhim Sithar" --custody detained --charge 494/495
ok cw case add --title "Saran lèse-majesté" --court "Banteay Meanchey Court of First Instance" \
	--defendant "Kang Saran" --custody detained --charge "437 bis/307"
ok cw log milestone --person "Chhim Sithar" --case NagaWorld --date 2024-01-04 --type arrest
ok cw log milestone --person "Kang Saran" --case Saran --date 2024-02-01 --type arrest
ok cw log milestone --person "Kang Saran" --case Saran --date 2024-02-06 --type charge \
	--detail "charged *again*"
ok cw log hearing --case NagaWorld --date 2024-02-07 --time 09:00 --stage trial \
	--indicator public_hearing=no:"gallery closed" --indicator reasoned_judgment=yes \
	--monitors-admitted no --outcome adjourned --adjourn-reason "judge ill" \
	--next-date 2024-02-20
ok cw log hearing --case Saran --date 2024-02-08 --stage verdict --outcome verdict \
	--verdict "437 bis=convicted@Kang Saran" --sentence "3 years"
ok cw log visit --facility "Correctional Center 2" --date 2024-02-09 --access restricted \
	--concern water,health --detainee "Chhim Sithar" --follow-up "ask for new filters"
ok cw log demo --date 2024-02-10 --place "Freedom Park" --province "Phnom Penh" \
	--organiser LRSU --cause "release <Sithar>" --participants 200 --response arrests,dispersed \
	--arrested "Élise Müller" --arrests-count 3
ok cw log hearing --case Saran --date 2024-02 --court "Battambang Appeal Court" \
	--notes "appeal heard
day not given"
ok cw log hearing --case Saran --date 2024-01-31 --outcome adjourned
# a source's tally: listed with its count and source, never counted as one demonstration
ok cw log demo --date 2024-02-08 --count 4 --at-least yes --province "Phnom Penh" --view un \
	--source "UN 001 para 42"

# golden Markdown: the week, and a week with nothing in it (CW_UPDATE_GOLDEN=1 writes them
# anew, to be read and committed when the report is meant to change)
ok cw report --week 2024-W06
printf '%s\n' "$out" >"$WORK/week.md"
[ -z "${CW_UPDATE_GOLDEN:-}" ] || cp "$WORK/week.md" "$GOLDEN/report-small.md"
diff -u "$GOLDEN/report-small.md" "$WORK/week.md" || fail "Markdown differs from the golden file"
ok cw report --week 2023-W01 --format md
printf '%s\n' "$out" >"$WORK/empty.md"
[ -z "${CW_UPDATE_GOLDEN:-}" ] || cp "$WORK/empty.md" "$GOLDEN/report-small-empty.md"
diff -u "$GOLDEN/report-small-empty.md" "$WORK/empty.md" || fail "empty report differs"
has "the report is empty"
has "No hearings the team went to in this period."
has "No hearings reported in documents in this period."

# the same week asked as a range of dates is the same report under another title
ok cw report --from 2024-02-05 --to 2024-02-11
has "# casewatch weekly summary, 2024-W06"
ok cw report --from 2024-02 --to 2024-02
has "2024-02-01 to 2024-02-29"
has "previous period 2024-01-01 to 2024-01-31"
# a hearing dated only to February happened in February: counted, not set apart
has "## Hearings reported in documents (3)"
has "| 2024-02 | not recorded | Saran lèse-majesté | Kang Saran"
has "## Dated only to a month or a year (0)"

# filters as for list: one article, one court, one person
ok cw report --week 2024-W06 --article 437bis
has "## Hearings reported in documents (1)"
has "Saran lèse-majesté"
lacks "NagaWorld"
ok cw report --week 2024-W06 --court "Phnom Penh"
has "## Hearings reported in documents (1)"
has "## Verdicts and sentences (0)"
ok cw report --week 2024-W06 --kind visit
has "## Prison visits (1)"
has "## Hearings the team went to (0)"
has "## Hearings reported in documents (0)"
has "## Demonstrations (0)"

# the default is the last complete ISO week: on Monday 12 February 2024, the week before
ok cw report
has "# casewatch weekly summary, 2024-W06"
CASEWATCH_NOW=2024-02-11T16:59:00Z ok cw report
has "# casewatch weekly summary, 2024-W05"

# -o FILE: written whole, the path said on stdout
ok cw report --week 2024-W06 -o "$WORK/out.md"
has "wrote $WORK/out.md"
diff -u "$GOLDEN/report-small.md" "$WORK/out.md" || fail "-o FILE differs from stdout"
ok cw report --week 2024-W06 --format html --output "$WORK/out.html"
grep -q "<!DOCTYPE html>" "$WORK/out.html" || fail "--output html"
# -o - and --output - are standard output, as for bundle export and open: no file named "-"
mkdir "$WORK/here"
(cd "$WORK/here" && "$CASEWATCH" --db "$DB" report --week 2024-W06 -o - >"$WORK/dash.md") ||
	fail "-o - failed"
diff -u "$GOLDEN/report-small.md" "$WORK/dash.md" || fail "-o - differs from stdout"
(cd "$WORK/here" && "$CASEWATCH" --db "$DB" export records --format csv --output - \
	>"$WORK/dash.csv") || fail "export --output - failed"
head -1 "$WORK/dash.csv" | grep -q "^id," || fail "export --output - wrote: $(head -1 "$WORK/dash.csv")"
[ -z "$(ls -A "$WORK/here")" ] || fail "-o - made a file: $(ls -A "$WORK/here")"
checks=$((checks + 1))

# the demo data: the week of 7 February 2024 has the verdicts of Chao Veasna and Chhorn Phalla
DB="$WORK/demo"
ok cw seed "$SEED_FILE"
ok cw report --week 2024-W06 --person "Chao Veasna"
has "| 2024-02-07 | UN \[1\] | Chao Veasna — incitement (election) | Chao Veasna |"
has "| 2024-02-07 | UN \[1\] | Chao Veasna | Chao Veasna — incitement (election) |  |"
# the number after the account is the row's source, listed at the end by its number
has "| \[1\] | Secretary-General's report on OHCHR in Cambodia, HRC 57th session (26 August 2024), para 35 |"
has "| convicted | prison term three years; ban five years"
# Under --article 494/495, Chhorn Phalla's conviction is listed under 495 alone: his rulings
# under 305 and 502 are not what the filter asked for.
ok cw report --week 2024-W06 --article 494/495 --format json
json "[(v['person']['name'], v['article']) for v in d['verdicts']] == [('Chao Veasna', None), ('Chhorn Phalla', '495')] and d['comparison']['verdicts']['current'] == 2"
# A verdict row gives the hearing's sentence once (its parts, not the parts and the sentence
# written out again) and its notes: Chhorn Phalla was sentenced in absentia (001 para 38).
ok cw report --week 2024-W06
has "| 305 | convicted (verdict in absentia) | prison term one year; fine (amount not stated); Tried and sentenced in absentia. |"
lacks "one year's imprisonment; fine: fined"
# The Court of Appeal upheld the conviction of nine union activists, Chhim Sithar and eight
# unnamed (001 para 42): the group's rows name it, JSON says its label and number, and the
# summary counts the people as well as the decisions.
ok cw report --week 2023-W42
has "| 2023-10-16 | UN \[1\] | NagaWorld union activists (8 unnamed) | NagaWorld union activists (LRSU) — incitement | Court of Appeal | 494 | upheld on appeal |"
has "3 verdicts and rulings were recorded, one per defendant or group of unnamed defendants (10 people in all), in 2 rulings"
# over the year, the nine ruled on in May and again on appeal, and Thach Setha convicted twice,
# are people once each: 12, not the 22 the decisions add up to
ok cw report --from 2023-01-01 --to 2023-12-31
has "8 verdicts and rulings were recorded, one per defendant or group of unnamed defendants (12 people in all), in 6 rulings"
# Thach Setha was arrested in January 2023 on the negotiable instruments charge; 494/495/496
# were filed in April (001 para 37): his arrest is not one under 494/495
has "7 new arrests and 6 new charges; 11 of them under 494/495 incitement (account: UN); 6 people arrested are not listed below as held: for 4 of them, an end of their detention (a release, bail, house arrest or judicial supervision) is recorded; for 1 of them, a ruling on them after the arrest (a verdict or sentence) ended their pretrial detention, and detention after a ruling is not counted here; for 1 of them, no end of their detention is recorded, but their case does not record them as detained."
ok cw list records --article 494 --person "Thach Setha" --kind milestone
lacks "2023-01 "
has "2023-04 "
# Kang Saran's lese-majeste charge is not dated (001 para 39): no period holds it, and the
# report filtered by 437 bis says so rather than dropping it without a word
ok cw report --from 2023-01-01 --to 2023-12-31 --article "437 bis"
has "Besides, 1 record that matches this report's filter has no date at all: no period's report counts it."
ok cw report --from 2023-01-01 --to 2023-12-31 --article "437 bis" --format json
json "d['undated_records'] == 1"
ok cw report --from 2023-01-01 --to 2023-12-31 --article "437 bis" --format csv
has "report,undated_records,,,,,,,,,,,,,,records matching the filter with no date: in no period,1,"
# with no filter, no "filter" is spoken of
ok cw report --from 2023-01-01 --to 2023-12-31
has "records have no date at all: no period's report counts them."
lacks "match this report's filter"
ok cw report --from 2023-01-01 --to 2023-12-31
# every decision of the table is in the sentence: Kem Sokha's house arrest (001 para 36) too
has "4 decisions on bail, release or pardon were recorded (account: UN): 2 granted, 1 with no outcome recorded (counted as granted below), 1 house arrest."
ok cw report --week 2023-W42 --format json
json "sorted(set((v['group'], v['count']) for v in d['verdicts'] if v.get('group'))) == [('NagaWorld union activists', 8)]"
# A month is compared with the month before, not with the 29 days before: Kem Sokha's appeal
# hearing and Thach Setha's appeal ruling are dated only "2024-01" (001 para 37) and a window
# from 3 January could not hold them. Three months, with the three before.
ok cw report --from 2024-02-01 --to 2024-02-29 --format json
json "d['previous_period'] == {'from': '2024-01-01', 'to': '2024-01-31'} and [d['comparison']['hearings'][k] for k in ('current', 'previous')] == [4, 2]"
ok cw report --from 2024-01-01 --to 2024-03-31 --format json
json "d['previous_period'] == {'from': '2023-10-01', 'to': '2023-12-31'}"
ok cw report --from 2024-02-01 --to 2024-02-20 --format json
json "d['previous_period'] == {'from': '2024-01-12', 'to': '2024-01-31'}"
# The summary's detention sentences (a supervisor's trial): Kang Saran "was detained" on 4 July
# 2023 (001 para 39) with no arrest logged: someone taken in all the same, not "no new arrests";
ok cw report --week 2023-W27
has "No arrest or charge was recorded as such, but 1 person listed below was taken into pretrial detention during the period (account: UN)."
has "1 of them was arrested or detained during the period"
# Filtered by 437 bis, Kang Saran's detention order (on 307/494/495) is not the report's, and
# the comparison counts no one taken into pretrial detention: the summary says he was detained
# in the week, once, not "taken into pretrial detention" (a supervisor's trial).
ok cw report --week 2023-W27 --article "437 bis"
has "No arrest, charge or detention was recorded as such, but 1 person listed below was arrested or detained during the period (account: UN)."
lacks "taken into pretrial detention during the period"
lacks "They were arrested or detained"
ok cw report --week 2023-W27
lacks "No new arrests or charges were recorded."
# Eng Sroy and three co-defendants were arrested "in the week prior to the national elections"
# of 23 July (001 para 34), dated in the demo data only to July 2023: in the week of 3 to 9
# July they may not have been held yet. Said apart, with the most days the dates allow, and
# not counted among those held at the week's end (Thach Setha and Kang Saran).
has "2 people are listed as still in pretrial detention at the end of the period"
has "4 more people listed may have been detained only after the end of the period, dated only to a month or a year that runs past it (account: UN): Candlelight Party activists arrested with Eng Sroy (3 unnamed) and Eng Sroy, dated 2023-07."
has "| Eng Sroy | Eng Sroy and Candlelight Party activists — incitement (Facebook group) | UN \[5\] | 2023-07 |  | at most 8 days, if detained by 2023-07-09: the detention is dated only to 2023-07 |"
ok cw report --week 2023-W27 --format json
json "[p['standing'] for p in d['pretrial_detention'] if p['since'] == '2023-07'] == ['may_begin_after_end'] * 2 and d['pretrial_detention_people']['may_begin_after_end'] == {'listed': 2, 'people': 4, 'at_least': False}"
ok cw report --week 2023-W27 --format csv
has "pretrial_detention,possibly detained,,2023-07,UN,"
ok cw report --week 2023-W27
# and had she been released two days later, she would be held at neither end of the week and
# listed nowhere: the summary and the comparison still count her as taken in.
ok cw log milestone --person "Kang Saran" --case "Kang Saran" --type release --outcome granted \
	--date 2023-07-06 --view own
release=$(added_id milestone)
ok cw report --week 2023-W27
has "No arrest or charge was recorded as such, but 1 person was taken into pretrial detention during the period (account: UN); they are not listed below as still held at its end."
lacks "listed below was taken into pretrial detention"
ok cw report --week 2023-W27 --format json
json "[d['comparison']['detentions'][k] for k in ('current', 'previous')] == [1, 0] and d['comparison']['arrests']['current'] == 0"
json "d['taken_into_pretrial_detention'] == {'people': 1, 'at_least': False, 'listed_as_held': 0, 'listed_as_last_reported': 0, 'listed_as_maybe_later': 0, 'listed_as_maybe_ended': 0, 'listed_as_accounts_differ': 0}"
ok cw delete "$release" --yes
# Ny Nak was charged and detained on 5 January 2024 (001 para 40): an arrest or charge does
# not hide the detention.
ok cw report --week 2024-W01
has "1 new charge; 1 under 494/495 incitement (account: UN). 1 person was taken into pretrial detention during the period (account: UN)."
# Chao Veasna, "arrested and charged" in July 2023 and convicted in February 2024 with no
# record that he was held between, is not listed as held (001 para 35); Eng Sroy's dates
# (July 2023, to the month) give at least 188 days (001 para 34);
ok cw report --week 2024-W05
has "2 people are listed as still in pretrial detention at the end of the period; the longest, Eng Sroy, for at least 188 days (account: UN)."
# the NagaWorld strikers' only account is of June 2022 (002): said apart, never counted among
# those held at the week's end, in the summary and in the table's row.
has "At least 1 more person listed was last reported held before the end of the period, in accounts of 2022-06 or earlier (account: UN): a number of trade unionists and workers of the NagaWorld casino (number not given); no account recorded says whether they were still held at its end."
has "counted to 2022-06, the source's date; no later account recorded |"
ok cw report --week 2024-W05 --format json
json "d['pretrial_detention_people']['held_at_period_end'] == {'people': 2, 'at_least': False} and d['pretrial_detention_people']['last_reported_before_end'] == {'listed': 1, 'people': 1, 'at_least': True, 'latest': '2022-06'}"
ok cw report --week 2024-W05 --format csv
has "pretrial_detention,last reported detained,,2021,UN,"
# Ny Nak, detained in 2024 and last reported held on 31 May: taken in during the year, and
# listed below as last reported held, not "not listed"
# (asked after the year: a period that runs past today counts detention to today)
CASEWATCH_NOW=2025-01-06T03:00:00Z ok cw report --from 2024-01-01 --to 2024-12-31
has "1 person was taken into pretrial detention during the period (account: UN); they are listed below as last reported held before its end."
CASEWATCH_NOW=2025-01-06T03:00:00Z ok cw report --from 2024-01-01 --to 2024-12-31 --format json
json "d['taken_into_pretrial_detention'] == {'people': 1, 'at_least': False, 'listed_as_held': 0, 'listed_as_last_reported': 1, 'listed_as_maybe_later': 0, 'listed_as_maybe_ended': 0, 'listed_as_accounts_differ': 0}"
# a week long after the sources' date: nobody is said to be held at its end; the figures say
# where they stop and whose they are.
ok cw report --week 2026-W48
# Koeut Saray is not among them: 001 para 41 says he was arrested, not that he was held.
has "At least 3 people listed as in pretrial detention were last reported held before the end of the period, in accounts of 2024-05-31 or earlier (account: UN): Eng Sroy, a number of trade unionists and workers of the NagaWorld casino (number not given) and Ny Nak; no account recorded says whether they were still held at its end; the longest, Eng Sroy, for at least 305 days, counted to 2024-05-31, the source's date (account: UN)"
lacks "still in pretrial detention at the end of the period"
lacks "Koeut Saray"
# A charge acquitted carries no sentence; the charge convicted does.
ok cw log hearing --case "Ny Nak" --date 2024-06-04 --outcome verdict \
	--verdict "494/495=convicted@Ny Nak" --verdict "302=acquitted@Ny Nak" \
	--sentence "2 years' imprisonment" --sentence-part "prison=2 years" --view own
ok cw report --from 2024-06-03 --to 2024-06-09
has "| 494 | convicted | prison term 2 years |"
has "| 302 | acquitted |  |"
# Eight union activists arrested together are eight arrests, in the summary, under their
# articles and in the comparison; a group whose number is not given counts as at least one.
ok cw log milestone --case "NagaWorld union activists" --group "NagaWorld union activists" \
	--count 8 --type arrest --date 2024-06-05 --article 494/495 --view own
ok cw report --from 2024-06-03 --to 2024-06-09 --format json
json "d['comparison']['arrests']['current'] == 8 and d['arrests_and_charges']['groups']['incitement_494_495'] == 8 and [a['count'] for a in d['arrests_and_charges']['by_article'] if a['article'] == '494'] == [8]"
ok cw report --week 2024-W06 --article 494/495
has "Chao Veasna"
has "Chhorn Phalla"
has "Thach Setha — negotiable"
ok cw report --week 2024-W06 --article 305
has "## Hearings reported in documents (1)"
has "Chhorn Phalla"
lacks "Chao Veasna"
lacks "Thach Setha"
ok cw report --week 2024-W06
has "## Dated only to a month or a year (2)"
has "Thach Setha — negotiable instruments and incitement"
has "| 2024-02-15 | UN \[3\] | Kang Saran — public insult, incitement and lèse-majesté |"

# A day in the week will do, in words too, as the terminal interface's W takes it (a trial
# found "last week" refused here and taken there).
ok cw report --week 2024-02-07
has "(ISO week 2024-W06)"
CASEWATCH_NOW=2024-02-14T09:00:00Z ok cw report --week "last week"
has "(ISO week 2024-W06)"

# bad input: one line naming the option, no file left behind
fails 65 "week: 2024 has no week 60" cw report --week 2024-W60
fails 65 "week: write a week like 2024-W06" cw report --week "lastweek"
fails 65 week cw report --week 2024-13
fails 2 to cw report --from 2024-02-05
fails 2 week cw report --week 2024-W06 --from 2024-02-01 --to 2024-02-02
fails 65 to cw report --from 2024-02-11 --to 2024-02-05
fails 65 from cw report --from 2024-02-31 --to 2024-03-05
fails 2 format cw report --format odt
fails 2 since cw report --since 2024-01
fails 2 bogus cw report --bogus 1
fails 65 article cw report --article "art. x"
fails 2 o cw report -o
fails 74 output cw report --week 2024-W06 -o "$WORK/no/such/dir/r.md"
[ ! -e "$WORK/no" ] || fail "a failed report left files"
ls "$WORK" | grep -q 'out.md\.' && fail "a temporary file was left behind"
ok cw report --help
has "--week YYYY-Www"
# Two accounts of Ny Nak's detention (001 para 40) are one person taken in, not two.
ok cw log milestone --person "Ny Nak" --case "Ny Nak" --type pretrial_detention \
	--date 2024-01-05 --view own
ok cw report --week 2024-W01 --format json
json "d['comparison']['detentions']['current'] == 1"
has "1 person was taken into pretrial detention during the period (accounts: UN, own observation)."
# Arrested one week, ordered into pretrial detention the next: in the second week the person
# taken in is the one listed as held since the arrest, not someone no longer held.
ok cw person add --name "Sam Dara"
ok cw case add --title "Sam Dara incitement" --defendant "Sam Dara" --charge 494/495 \
	--custody detained
ok cw log milestone --person "Sam Dara" --case "Sam Dara incitement" --type arrest \
	--date 2024-07-01 --view own
ok cw log milestone --person "Sam Dara" --case "Sam Dara incitement" \
	--type pretrial_detention --date 2024-07-09 --view own
ok cw report --week 2024-W28
has "No arrest or charge was recorded as such, but 1 person listed below was taken into pretrial detention during the period (account: own observation)."
lacks "not listed below as still held"
# A group with no number detained and freed in the week: at least one person.
ok cw case add --title "Boeung Kak villagers" --unnamed "Boeung Kak villagers"
ok cw log milestone --case "Boeung Kak villagers" --group "Boeung Kak villagers" \
	--type pretrial_detention --date 2024-08-05 --view own
ok cw log milestone --case "Boeung Kak villagers" --group "Boeung Kak villagers" \
	--type release --outcome granted --date 2024-08-07 --view own
ok cw report --week 2024-W32
has "No arrest or charge was recorded as such, but at least 1 person was taken into pretrial detention during the period (account: own observation); they are not listed below as still held at its end."
# With an arrest beside it, the detention has its own sentence, which says the same.
ok cw log milestone --person "Sam Dara" --case "Sam Dara incitement" --type arrest \
	--date 2024-08-06 --view own
ok cw report --week 2024-W32
has "1 new arrest"
has "At least 1 person was taken into pretrial detention during the period (account: own observation); they are not listed below as still held at its end."
# The team's case and the UN's both log one group's detention, linked as the same event: 12
# people taken in, not 24.
ok cw case add --title "CCU strike (team)" --unnamed "12 CCU union members" --custody detained
ok cw case add --title "CCU strike (UN)" --unnamed "12 CCU union members" --custody detained \
	--view un
ok cw log milestone --case "CCU strike (team)" --group "CCU union members" --count 12 \
	--type pretrial_detention --date 2024-09-03 --view own
own_detention=$(added_id milestone)
ok cw log milestone --case "CCU strike (UN)" --group "CCU union members" --count 12 \
	--type pretrial_detention --date 2024-09-03 --view un --same-event "$own_detention"
ok cw report --week 2024-W36 --format json
json "d['comparison']['detentions']['current'] == 12"
# A report for one case lists its detainees: the case is tested itself, not filed under
# itself (Ny Nak was held on 7 January 2024, 001 para 40).
ok cw report --week 2024-W01 --case "Ny Nak" --format json
json "[p['person']['name'] for p in d['pretrial_detention']] == ['Ny Nak']"
# A defendant the hearing records as absent is marked so in every format's hearing row, one
# present is not (a field trial's absent defendant read as present everywhere).
ok cw person add --name "Meas Sophea"
ok cw person add --name "Kim Rithy"
ok cw case add --title "Plot case" --defendant "Meas Sophea" --defendant "Kim Rithy" --charge 453
ok cw log hearing --case "Plot case" --date 2024-07-24 --outcome adjourned \
	--absent "Meas Sophea" --present "Kim Rithy"
ok cw report --week 2024-W30
has "| Meas Sophea (absent); Kim Rithy |"
ok cw report --week 2024-W30 --format csv
has "Meas Sophea (absent); Kim Rithy"
ok cw report --week 2024-W30 --format json
json "[[p['name'] for p in h['absent']] for h in d['hearings']] == [['Meas Sophea']]"
# Records dated only to a month say what was decided and found, as the sections of records
# dated to the day do: a bail refused "in March" read "milestone: bail", a hearing's outcome
# was in no column of the document, and a visit lost its access and concerns (a prison
# monitor's trial). In every format but JSON, which gives the whole record.
ok cw person add --name "Ny Month"
ok cw case add --title "Month case" --defendant "Ny Month" --custody detained --charge 302 \
	--view un
ok cw log milestone --person "Ny Month" --case "Month case" --type arrest --date 2024-01-05 \
	--view un
ok cw log milestone --person "Ny Month" --case "Month case" --type bail --outcome refused \
	--date 2024-03 --view un --source "001 para 40"
ok cw log hearing --case "Month case" --date 2024-03 --outcome bail_decision --bail refused \
	--view un
ok cw log visit --facility "Correctional Center 2" --date 2024-03 --access restricted \
	--concern water,health --notes "broken water filters" --view un
for f in md html csv; do
	ok cw report --week 2024-W11 --format $f
	has "milestone: bail (refused)"
	has "hearing: bail decision (refused)"
	has "prison visit: access restricted"
	has "concerns: health, clean water; broken water filters"
done
done_ok
