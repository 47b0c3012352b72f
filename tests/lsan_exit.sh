#!/bin/sh
# In a build with --enable-sanitizers, tests/lsan_exit.c maps the program's untouched pages
# before LeakSanitizer's check at exit. The check must still find a leak, and must still not
# count a block a global holds. Skipped (77) in a build without sanitizers.
set -u
probe=./tests/leak_probe
[ -x "$probe" ] || { echo "no $probe: not a sanitizer build"; exit 77; }
out=$(ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 "$probe" 2>&1)
status=$?
fail=0
[ "$status" -ne 0 ] || { echo "FAIL: a leaking program exited 0"; fail=1; }
case $out in
*"Direct leak of 48 byte(s) in 1 object(s)"*) ;;
*) echo "FAIL: the 48-byte leak is not reported"; fail=1 ;;
esac
case $out in
*"Direct leak of 16 byte(s)"*) echo "FAIL: a block a global holds is reported"; fail=1 ;;
esac
case $out in
*"leaked 48 byte(s) in 1 allocation(s)"* | *"48 byte(s) leaked in 1 allocation(s)"*) ;;
*) echo "FAIL: the summary does not say 48 bytes in 1 allocation"; fail=1 ;;
esac
[ "$fail" -eq 0 ] || printf '%s\n' "$out"
exit "$fail"
