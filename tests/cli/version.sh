#!/bin/sh
# -V and --version print "casewatch VERSION" on standard output, as GNU tools do (the version
# after the last space), exit 0 and need no database; the man page's header names the same
# version. A version that cannot be written is an error.
. "$TESTLIB"
set -e

want=$(sed -n 's/^AC_INIT(\[casewatch\], \[\([^]]*\)\].*/\1/p' "$TOP_SRCDIR/configure.ac")
[ -n "$want" ] || fail "no version in configure.ac"
for opt in -V --version; do
	ok "$CASEWATCH_BIN" --db "$WORK/nowhere" "$opt"
	[ "$out" = "casewatch $want" ] || fail "$opt printed '$out', wanted 'casewatch $want'"
	[ ! -s "$WORK/stderr" ] || fail "$opt wrote to standard error: $(cat "$WORK/stderr")"
	[ ! -e "$WORK/nowhere" ] || fail "$opt made a database"
done
# after --db, and before a command (which does not run)
ok "$CASEWATCH_BIN" --db "$WORK/nowhere" -V init
[ "$out" = "casewatch $want" ] || fail "-V init printed '$out'"
[ ! -e "$WORK/nowhere" ] || fail "-V init made a database"
grep -q "^\.TH CASEWATCH 1 .*\"casewatch $want\"" "$TOP_SRCDIR/doc/casewatch.1" ||
	fail "the man page is not of version $want"
ok "$CASEWATCH_BIN" --help
has "-V, --version"
if [ -w /dev/full ]; then
	checks=$((checks + 1))
	set +e
	"$CASEWATCH_BIN" --version >/dev/full 2>"$WORK/stderr"
	got=$?
	set -e
	[ "$got" -eq 74 ] || fail "--version to a full disk exited $got"
	grep -q "cannot write" "$WORK/stderr" || fail "no error: $(cat "$WORK/stderr")"
fi

done_ok
