#!/bin/sh
# editor.sh - C-o hands a field to $EDITOR through a file that lives only in memory
# ($XDG_RUNTIME_DIR on tmpfs), private, overwritten and removed afterwards with whatever the
# editor left beside it; for an encrypted database with no such folder, nothing is written out.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
[ "$(df -T /dev/shm 2>/dev/null | awk 'NR == 2 { print $2 }')" = tmpfs ] || {
	echo "SKIP: /dev/shm is not tmpfs here"
	exit 77
}
RUN=$(mktemp -d /dev/shm/casewatch-test-XXXXXX)
trap 'rm -rf "$WORK" "$RUN"' EXIT
cat >"$WORK/editor" <<'ED'
#!/bin/sh
echo "$1" >>"$EDLOG"
ls -ld "$(dirname "$1")" "$1" >>"$EDLOG"
touch "$1.swp"
printf 'Typed in the editor\n' >"$1"
ED
chmod +x "$WORK/editor"
export EDLOG="$WORK/editor.log"

# P opens the person form; C-o on its notes hands them to the editor.
XDG_RUNTIME_DIR="$RUN" EDITOR="$WORK/editor" keys 'P<Tab><Tab><Tab><Tab><Tab><Tab><Tab><C-o><Dump><Esc>y'
has "Typed in the editor"
path=$(head -1 "$EDLOG")
case $path in
"$RUN"/casewatch-*/*) ;;
*) fail "the editor's file is not in the runtime folder: $path" ;;
esac
grep -q '^drwx------' "$EDLOG" || fail "the editor's folder is not private: $(cat "$EDLOG")"
grep -q '^-rw-------' "$EDLOG" || fail "the editor's file is not 0600: $(cat "$EDLOG")"
[ ! -e "$path" ] && [ ! -e "$path.swp" ] && [ ! -e "$(dirname "$path")" ] ||
	fail "the editor's file or folder was left behind: $(ls -la "$(dirname "$path")")"

# No memory-backed folder and an encrypted database: nothing is written out.
rm -f "$EDLOG"
XDG_RUNTIME_DIR="$WORK" EDITOR="$WORK/editor" keys 'P<Tab><Tab><Tab><Tab><Tab><Tab><Tab><C-o><Dump><Esc>y'
has "not written out"
[ ! -e "$EDLOG" ] || fail "the editor ran without a private in-memory folder"
done_ok
