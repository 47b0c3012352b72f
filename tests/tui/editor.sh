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
# A folder name with a quote and a shell word in it: the path reaches the editor as one
# argument, never as shell text.
RUN=$(mktemp -d "/dev/shm/casewatch-test-q'\$(touch injected)'-XXXXXX")
trap 'rm -rf "$WORK" "$RUN"' EXIT
cat >"$WORK/editor" <<'ED'
#!/bin/sh
echo "$1" >>"$EDLOG"
ls -ld "$(dirname "$1")" "$1" >>"$EDLOG"
ls -l /proc/$$/fd/ >"$EDLOG.fds" 2>&1
touch "$1.swp"
printf 'Typed in the editor\n' >"$1"
ED
chmod +x "$WORK/editor"
export EDLOG="$WORK/editor.log"

# P opens the person form; C-o on its notes hands them to the editor (from $WORK, where the
# folder's shell word would leave its file).
cd "$WORK"
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
checks=$((checks + 2))
[ ! -e "$WORK/injected" ] || fail "the folder's name ran as a shell command"
# The passphrase's descriptors (8 and 9 in the test's wrapper) and the database's files stay
# with casewatch.
if grep -q -e ' 8 -> ' -e ' 9 -> ' -e 'data.mdb' -e 'lock.mdb' "$EDLOG.fds"; then
	fail "the editor inherited casewatch's descriptors: $(cat "$EDLOG.fds")"
fi

# Vim (vi on Debian) keeps what was typed in ~/.viminfo unless started with -i NONE, Neovim
# its swap file under ~/.local/state unless -n, either an undo file where a vimrc says.
mkdir -p "$WORK/bin"
cat >"$WORK/bin/vim.basic" <<'ED'
#!/bin/sh
printf '%s\n' "$*" >"$EDLOG.vim"
ED
chmod +x "$WORK/bin/vim.basic"
ln -s vim.basic "$WORK/bin/vi"
rm -f "$EDLOG"
PATH="$WORK/bin:$PATH" XDG_RUNTIME_DIR="$RUN" EDITOR=vi keys 'P<Tab><Tab><Tab><Tab><Tab><Tab><Tab><C-o><Dump><Esc>y'
checks=$((checks + 1))
grep -q "^-n -i NONE -c silent! set noundofile nobackup nowritebackup /" "$EDLOG.vim" ||
	fail "vi was not told to keep nothing on the disk: $(cat "$EDLOG.vim")"

# $XDG_RUNTIME_DIR and $TMPDIR on the disk: /dev/shm, still memory.
rm -f "$EDLOG"
XDG_RUNTIME_DIR="$WORK" TMPDIR="$WORK" EDITOR="$WORK/editor" keys 'P<Tab><Tab><Tab><Tab><Tab><Tab><Tab><C-o><Dump><Esc>y'
has "Typed in the editor"
case $(head -1 "$EDLOG") in
/dev/shm/casewatch-*/*) ;;
*) fail "the editor's file is not in /dev/shm: $(head -1 "$EDLOG")" ;;
esac
# No folder in memory at all (a folder of the disk over /dev/shm, in a mount namespace of its
# own, as root) and an encrypted database: nothing is written out.
rm -f "$EDLOG"
mkdir "$WORK/disk"
printf '%s' 'P<Tab><Tab><Tab><Tab><Tab><Tab><Tab><C-o><Dump><Esc>y' >"$WORK/keys"
if [ "$(id -u)" = 0 ] && unshare -m sh -c "
	mount --bind '$WORK/disk' /dev/shm || exit 3
	XDG_RUNTIME_DIR='$WORK' TMPDIR='$WORK' EDITOR='$WORK/editor' EDLOG='$EDLOG' \
		CASEWATCH_TUI_SCRIPT='$WORK/keys' CASEWATCH_TUI_SIZE=80x24 \
		'$CASEWATCH' --db '$DB' >'$WORK/ns.out' 2>'$WORK/ns.err'
" 2>"$WORK/ns.setup"; then
	out=$(cat "$WORK/ns.out")
	has "not written out"
	[ ! -e "$EDLOG" ] || fail "the editor ran without a private in-memory folder"
else
	echo "not checked: no folder in memory at all (needs root and unshare -m): $(cat "$WORK/ns.setup")"
fi
done_ok
