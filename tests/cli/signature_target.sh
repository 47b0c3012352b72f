#!/bin/sh
# A signed report or export whose FILE.sig cannot be written (a folder has that name) is
# refused before anything is written: a file already at FILE stays as it was, and nothing says
# "wrote FILE". (A red-team trial: the report was written, its signature then failed, and the
# file was removed, taking with it the earlier report at that name, after "wrote FILE".)
. "$TESTLIB"
set -e
export CASEWATCH_NOW=2024-05-10T03:00:00Z

ok cw init
ok cw person add --name "Ny Nak"
ok cw case add --title "Ny Nak incitement" --defendant "Ny Nak" --charge 494/495 --custody detained

for what in "report --week 2024-W18" "export records --format csv"; do
	printf 'the earlier file\n' >"$WORK/r.md"
	mkdir "$WORK/r.md.sig"
	# shellcheck disable=SC2086
	fails 65 "r.md.sig" cw $what -o "$WORK/r.md" --sign
	checks=$((checks + 1))
	[ ! -s "$WORK/stdout" ] || fail "$what said something on a refused write: $(cat "$WORK/stdout")"
	checks=$((checks + 1))
	[ "$(cat "$WORK/r.md")" = "the earlier file" ] ||
		fail "$what --sign changed or removed the file before it: $(head -3 "$WORK/r.md" 2>&1)"
	rmdir "$WORK/r.md.sig"
	# shellcheck disable=SC2086
	ok cw $what -o "$WORK/r.md" --sign
	has "wrote $WORK/r.md"
	has "signed it: $WORK/r.md.sig"
	ok "$CASEWATCH_BIN" check-signature "$WORK/r.md"
	rm -f "$WORK/r.md" "$WORK/r.md.sig"
done

done_ok
