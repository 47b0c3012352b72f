#!/bin/sh
# confidential_articles.sh - an article filter in what is written for others finds a record only
# by the articles shown there (a field trial): a hearing or arrest of a confidential case, found
# through the case's charges, was listed under "Filter: article:494/495" and not under "437 bis",
# telling a partner what the withheld case charges. Its articles are looked for as the free
# text is: only in what is shown, and nothing withheld is counted as left out; the header says
# so. Reports, exports (records and people), the calendar; --include-confidential as before.
. "$TESTLIB"
set -e

export CASEWATCH_NOW=2026-12-05T03:00:00Z
ok cw init
ok cw person add --name "Ny Nak"
ok cw person add --name "Theng Savoeun"
ok cw case add --title "Ny Nak incitement" --court "Phnom Penh Municipal Court" \
	--defendant "Ny Nak" --charge 494/495
ok cw case add --title "Sealed case" --court "Phnom Penh Municipal Court" \
	--defendant "Theng Savoeun" --charge 494/495 --confidential
ok cw log hearing --case "Sealed" --date 2026-12-03 --outcome adjourned --next-date 2026-12-10 \
	--source "own observation"
hid=$(added_id hearing)
ok cw log milestone --type arrest --person "Theng Savoeun" --case "Sealed" --date 2026-12-02
mid=$(added_id milestone)
# An arrest in the sealed case that names its article itself: the article is shown with it.
ok cw log milestone --type charge --person "Theng Savoeun" --case "Sealed" --date 2026-12-04 \
	--article "437 bis"
own=$(added_id milestone)
# And a hearing of the case that is shown: found by its case's charges as before.
ok cw log hearing --case "Ny Nak incitement" --date 2026-12-01 --outcome adjourned \
	--source "own observation"
shown=$(added_id hearing)

# The report: 494/495 and 437 bis tell nothing apart about the sealed case.
for a in 494/495 "437 bis"; do
	ok cw report --week 2026-W49 --article "$a" --format json
	json "all(h['id'] != '$hid' for h in d['hearings'])"
	json "d['upcoming_hearings'] == []"
	json "all(e.get('id') != '$mid' for e in d['arrests_and_charges']['events'])"
	json "d['confidential']['records_left_out'] == 0 and d['confidential']['articles_as_shown'] is True"
done
ok cw report --week 2026-W49 --article 494/495 --format json
json "[h['id'] for h in d['hearings']] == ['$shown']"
ok cw report --week 2026-W49 --article "437 bis" --format json
json "[e['id'] for e in d['arrests_and_charges']['events']] == ['$own']"
for f in md html csv; do
	ok cw report --week 2026-W49 --article 494/495 --format $f
	lacks "2026-12-10"
	lacks "$(printf '%.8s' "$hid")"
	has "the articles are looked for only in what is shown here"
	lacks "not shown"
done
ok cw report --week 2026-W49 --article 494/495
lacks "[confidential\\] | adjourned"
# Without a filter nothing changes: the sealed case's records are there, its title withheld.
ok cw report --week 2026-W49 --format json
json "any(h['id'] == '$hid' for h in d['hearings']) and not d['confidential']['articles_as_shown']"
# With --include-confidential, as before: the article finds the case's records.
ok cw report --week 2026-W49 --article 494/495 --format json --include-confidential
json "any(h['id'] == '$hid' for h in d['hearings']) and any(u['hearing_id'] == '$hid' for u in d['upcoming_hearings'])"
json "not d['confidential']['articles_as_shown']"

# Exports: records, people (charged only in the sealed case), the calendar.
ok cw export records --format csv --article 494/495
lacks "$hid"
lacks "$mid"
has "$shown"
grep -q "the articles are looked for only in what is shown" "$WORK/stderr" ||
	fail "export said nothing: $(cat "$WORK/stderr")"
ok cw export records --format csv --article 494/495 --include-confidential
has "$hid"
has "$mid"
ok cw export persons --format csv --article 494/495
has "Ny Nak"
lacks "Theng Savoeun"
# ... with free text too (it was refused: people are matched through their cases).
ok cw export persons --format json --article 494/495 --text Nak
json "[p['name'] for p in d] == ['Ny Nak']"
ok cw export persons --format csv --article 494/495 --include-confidential
has "Theng Savoeun"
ok cw export --format ics --from 2026-12-01 --to 2026-12-14 --article 494/495
lacks "$hid"
ok cw export --format ics --from 2026-12-01 --to 2026-12-14 --article 494/495 \
	--include-confidential
has "$hid"
# The team's own views show everything.
ok cw list records --article 494/495
has "$(printf '%.8s' "$hid")"
ok cw agenda --from 2026-12-01 --article 494/495
has "$(printf '%.8s' "$hid")"
# In Khmer the note is whole: a letter is three bytes, and a field trial's note stopped at 400
# bytes in the middle of a word ("... មិនត"), in every format.
ok cw report --week 2026-W49 --article 494/495 --text Savoeun --lang km --format json
json "d['confidential']['note'].endswith('មិនត្រូវបានស្វែងរក ឬរាប់ទេ')"
ok cw report --week 2026-W49 --article 494/495 --text Savoeun --lang km
has "មិនត្រូវបានស្វែងរក ឬរាប់ទេ"
echo "confidential_articles: $checks checks"
