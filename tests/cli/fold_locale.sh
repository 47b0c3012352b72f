#!/bin/sh
# fold_locale.sh - a name's index keys are the same whatever the locale of the process that
# writes them: in Turkish ("tr_TR.UTF-8") the C library lowers no ASCII "I" (its lower case
# is the dotless "ı"), and a key made with tolower(3) there was another key than the one the
# same name makes elsewhere: the person was not found by their name, verify named the index
# damaged, and a rename left the old key behind; so with a court's or a province's name.
# Made with the system's Turkish locale, else one localedef(1) builds here; skipped (77) when
# neither can be had.
. "$TESTLIB"
set -e

tr_locale=tr_TR.UTF-8
# locale(1) says on its standard error when it cannot set the locale asked for.
if [ -n "$(LC_ALL=$tr_locale locale 2>&1 >/dev/null)" ]; then
	mkdir "$WORK/locale"
	localedef -i tr_TR -f UTF-8 "$WORK/locale/$tr_locale" >/dev/null 2>&1 || {
		echo "SKIP: no Turkish locale, and localedef cannot make one" >&2
		exit 77
	}
	export LOCPATH="$WORK/locale"
fi
turkish() { LC_ALL=$tr_locale "$@"; }
en() { LC_ALL=C.UTF-8 "$@"; }

ok en cw init
ok turkish cw person add --name "IENG Sary"
ok en cw verify
has "0 problems"
# Typed in either locale, in any case: the one person.
ok en cw show "ieng sary" --json
json "d['name'] == 'IENG Sary'"
ok turkish cw edit "Ieng Sary" --name "Ieng Thirith"
ok en cw verify
has "0 problems"
ok turkish cw person add --name "INDRA Devi"
ok en cw edit "indra devi" --name "Indra Devi Sok"
ok turkish cw verify
has "0 problems"
# A province's name, keyed the same way (by_province): one province in either locale.
ok turkish cw person add --name "Chan Thy" --province "SIEM REAP"
ok en cw person add --name "Chan Thol" --province "Siem Reap"
ok en cw verify
has "0 problems"
ok en cw list persons --province "siem reap" --json
json "sorted(p['name'] for p in d) == ['Chan Thol', 'Chan Thy']"
echo "$checks checks passed"
