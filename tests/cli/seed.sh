#!/bin/sh
# The demo database from the five UN and government documents: loading is idempotent, and
# facts from every document are there, through the command line, with their sources.
. "$TESTLIB"
set -e

ok cw seed "$SEED_FILE"
has "161 records"
first=$(db_snapshot)
ok cw seed "$SEED_FILE"
has "(0 new or changed)"
[ "$(db_snapshot)" = "$first" ] || fail "seeding twice changed the database"
# A mistyped option is a usage error, not a file to look for; nothing changes.
fails 2 "unexpected argument '--bogus'" cw seed --bogus
fails 2 "unexpected argument 'extra'" cw seed "$SEED_FILE" extra
[ "$(db_snapshot)" = "$first" ] || fail "a refused seed changed the database"

# Filtering by 437 bis finds Kang Saran alone; 494/495 finds the incitement defendants.
ok cw list persons --article "437 bis" --json
json "[p['name'] for p in d] == ['Kang Saran']"
ok cw list persons --article 494/495 --json
json "set(['Chao Veasna', 'Chhim Sithar', 'Eng Sroy', 'Kang Saran', 'Koeut Saray', 'Ny Nak', 'Thach Setha', 'Chhorn Phalla']) <= set(p['name'] for p in d)"
json "'Kem Sokha' not in [p['name'] for p in d] and 'Sam Rainsy' not in [p['name'] for p in d]"
ok cw list cases --article "439/443" --json
json "len(d) == 1 and d[0]['title'].startswith('Kem Sokha')"
ok cw list cases --article "LNIPT 231" --json
json "[c['title'] for c in d] == ['Thach Setha — negotiable instruments and incitement']"

# 001 para 39: Kang Saran's charges, verdict and appeal court; pretrial detention computed
ok cw show ref:c-kang-saran --json
json "sorted(c['article'] for c in d['defendants'][0]['charges']) == ['307', '437 bis', '494', '495']"
json "d['court'] == 'Banteay Meanchey Court of First Instance' and d['source'].endswith('para 39')"
ok cw show ref:h-kang-saran-appeal-2024-02-15 --json
json "d['court'] == 'Battambang Appeal Court' and d['date'] == '2024-02-15' and d['sentence'] == \"three years' imprisonment\""
ok cw timeline "Kang Saran"
has "pretrial detention: 141 days"
# 001 para 42: Chhim Sithar's conviction upheld twice; eight unnamed co-defendants
ok cw show ref:h-chhim-sithar-appeal-2023-10-16 --json
json "d['court'] == 'Court of Appeal' and [v['result'] for v in d['verdicts']] == ['upheld'] * 4"
json "[v.get('group') for v in d['verdicts']] == [None, None, 'NagaWorld union activists', 'NagaWorld union activists']"
ok cw show ref:m-chhim-sithar-supreme-2024-05-03 --json
json "d['type'] == 'supreme_decision' and d['court'] == 'Supreme Court' and d['date'] == '2024-05-03'"
ok cw show ref:c-nagaworld-lrsu-incitement --json
json "any(x.get('unnamed_count') == 8 and 'person' not in x for x in d['defendants'])"
# 001 para 35 and 38: verdicts of 7 February 2024 (para 35 does not say of which offences Chao Veasna was convicted)
ok cw list records --since 2024-02-07 --until 2024-02-07 --kind hearing --json
json "len(d) == 2"
ok cw show ref:h-chao-veasna-verdict-2024-02-07 --json
json "d['sentence'] == \"three years' imprisonment\" and [(v.get('article'), v['result']) for v in d['verdicts']] == [(None, 'convicted')]"
ok cw show ref:c-chhorn-phalla-defamation --json
json "d['defendants'][0]['custody'] == 'in_absentia' and [c['article'] for c in d['defendants'][0]['charges']] == ['305', '495', '502']"
# 001 para 36: the Court of Appeal began Kem Sokha's appeal in January 2024 (a month date)
ok cw list records --person "Kem Sokha" --kind hearing --since 2024-01 --until 2024-01 --json
json "len(d) == 1 and d[0]['date'] == '2024-01' and d[0]['court'] == 'Court of Appeal'"
ok cw show ref:m-kem-sokha-house-arrest-2023-03 --json
json "d['type'] == 'house_arrest' and d['date'] == '2023-03'"
# 001 paras 67-72: prison visits and their concerns
ok cw list records --kind visit --json
json "any('water' in v.get('concerns', []) and 'bribery' in v.get('concerns', []) for v in d)"
json "any(v['facility'] == 'Correctional Center 2' and 'womens_needs' in v['concerns'] for v in d)"
# 002 paras 29, 36: the NagaWorld strike with monitors kept out; the first mass trial in absentia
ok cw show ref:d-nagaworld-strike-2021 --json
json "'monitors_blocked' in d['response'] and d['source'].startswith('Special Rapporteur') and 'on Cambodia, HRC 51st session (2022), para' in d['source']"
ok cw show ref:c-cnrp-mass-trial-1 --json
json "d['defendants'][0]['custody'] == 'in_absentia' and any(x.get('unnamed_count') == 8 for x in d['defendants'])"
# 003 para 22 (UN) beside 004 line 205 (government): Kem Sokha's judicial supervision, two accounts
ok cw show ref:m-kem-sokha-judicial-supervision --json
json "d['view'] == 'un' and d['source'].startswith('HRC resolution 48/23 (11 October 2021), para')"
ok cw show ref:m-kem-sokha-judicial-supervision-gov-2019 --json
json "d['view'] == 'government' and d['source'].startswith('Cambodia Human Rights Situationer II, Permanent Mission of Cambodia in Geneva (9 February 2021), line') and d['date'] == '2019'"
# 004 line 215: Rong Chhun's case as the government tells it
ok cw show ref:c-rong-chhun-border-gov --json
json "d['view'] == 'government' and d['defendants'][0]['charges'][0]['article'] == '495'"
# 000 para 29 (government) beside 002 para 45 (UN): the Kem Ley case, never merged
ok cw show ref:c-kem-ley-murder-gov --json
json "d['view'] == 'government' and d['source'].startswith('Comments by the State on the Special Rapporteur') and d['source'].endswith('report, HRC 54th session (21 August 2023), para 29')"
ok cw show ref:c-kem-ley-killing --json
json "d['view'] == 'un' and d['source'].startswith('Special Rapporteur') and 'on Cambodia, HRC 51st session (2022), para' in d['source']"
# every seeded record cites its document and paragraph or line
ok cw list records --json
json "all(all(__import__('re').fullmatch(r'[^;]+ \([^;()]*[0-9]{4}\), (para|line)s? [0-9]+((, | and )[0-9]+)*', part) for part in r.get('source', '').split('; ')) for r in d)"
ok cw list cases --json
json "len(d) == 35 and all(r.get('view') in ('un', 'government') for r in d)"
# Without --db the demo goes to its own database, never into the default (real) one.
ok env XDG_DATA_HOME="$WORK/xdg" "$CASEWATCH" seed "$SEED_FILE"
has "casewatch-demo (not encrypted: a demonstration database); open it with casewatch --db"
checks=$((checks + 1))
[ -f "$WORK/xdg/casewatch-demo/data.mdb" ] && [ ! -e "$WORK/xdg/casewatch" ] ||
	fail "the demo went into the default database"
# Nor into the database $CASEWATCH_DB names, which a monitor sets to the real one.
ok env CASEWATCH_DB="$WORK/real" XDG_DATA_HOME="$WORK/xdg2" "$CASEWATCH" seed "$SEED_FILE"
checks=$((checks + 1))
[ -f "$WORK/xdg2/casewatch-demo/data.mdb" ] && [ ! -e "$WORK/real" ] ||
	fail "the demo went into the database of \$CASEWATCH_DB"
done_ok
