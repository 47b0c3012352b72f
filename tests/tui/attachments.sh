#!/bin/sh
# attachments.sh - the record view lists a record's attachments; a chooses one, o opens it
# through the opener (a stub here that copies the file and notes its mode), the screen given
# back after Enter, and the decrypted copy gone. In tmux: a real terminal suspended and resumed.
. "$(dirname "$0")/lib.sh"
set -e

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494/495
ok cw log hearing --case NagaWorld --date 2024-05-02 --outcome adjourned
printf 'the summons, as served\n' >"$WORK/statement.txt"
{ printf '\377\330\377\340'; head -c 100000 /dev/urandom; } >"$WORK/photo.jpg"
hearing=$(cw list records --json | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
ok cw attach "$hearing" \
	"$WORK/statement.txt" "$WORK/photo.jpg" --caption "served at dawn"
cat >"$WORK/opener" <<'SH'
#!/bin/sh
cp "$1" "$OPENED"
stat -c %a "$1" >"$OPENED.mode"
printf '%s\n' "$1" >"$OPENED.path"
SH
chmod +x "$WORK/opener"

# The database is encrypted: the file is opened from a folder in memory only.
[ "$(df -T /dev/shm 2>/dev/null | awk 'NR == 2 { print $2 }')" = tmpfs ] ||
	fail "/dev/shm is not tmpfs here: the test needs a folder in memory"
RUN=$(mktemp -d /dev/shm/casewatch-test-XXXXXX)
TMUX_ENV="CASEWATCH_LOCK_AFTER=never CASEWATCH_OPENER='$WORK/opener' OPENED='$WORK/opened' XDG_RUNTIME_DIR='$RUN'" \
	tmux_start 100 30
trap 'T kill-server >/dev/null 2>&1 || :; rm -rf "$WORK" "$RUN"' EXIT
wait_for "1 record | 1/1"
send Enter
wait_for "Attachments (a chooses, o opens, c captions)"
wait_for "> 1. statement.txt  text/plain  23 B  served at dawn"
wait_for "  2. photo.jpg  image/jpeg  98 KiB  served at dawn"
send a
wait_for "> 2. photo.jpg"
send o
wait_for "Press Enter when you have closed it"
cmp "$WORK/opened" "$WORK/photo.jpg" || fail "the opener got another file"
[ "$(cat "$WORK/opened.mode")" = 600 ] || fail "the temporary file was mode $(cat "$WORK/opened.mode")"
tmp=$(cat "$WORK/opened.path")
[ -e "$tmp" ] || fail "the file went before Enter: a viewer could not have read it"
checks=$((checks + 3))
send Enter
wait_for "Attachments (a chooses, o opens, c captions)"
wait_for "opened photo.jpg"
[ ! -e "$tmp" ] && [ ! -e "$(dirname "$tmp")" ] || fail "the decrypted copy $tmp is still there"
checks=$((checks + 1))
# Past the last, a comes back to the first.
send a
wait_for "> 1. statement.txt"
# c: the chosen file's caption, typed over the one it has; Enter saves it (the command line
# and a second laptop see it), Esc leaves it, the same caption again is said and not written.
send c
wait_for "Caption (Enter saves; empty: none): served at dawn"
send C-u
send -l "summons as served, 2 May"
send Enter
wait_for "caption of statement.txt saved"
wait_for "> 1. statement.txt  text/plain  23 B  summons as served, 2 May"
wait_for "  2. photo.jpg  image/jpeg  98 KiB  served at dawn"
ok cw attachments "$hearing" --json
json "[a['caption'] for a in d] == ['summons as served, 2 May', 'served at dawn']"
send c
send Enter
wait_for "has that caption already"
send Escape
wait_for "caption unchanged"
send c
send C-u
send Enter
wait_for "statement.txt has no caption now"
ok cw audit --json
json "[e['action'] for e in d if e['action'] == 'caption'] == ['caption', 'caption']"
# A caption longer than a filter line (the command line takes 2,000 bytes) is kept whole.
long=$("${PYTHON3:-python3}" -c 'print("x" * 600)')
send c
send -l "$long"
send Enter
wait_for "caption of statement.txt saved"
ok cw attachments "$hearing" --json
json "[len(a['caption'] or '') for a in d] == [600, 14]"
# Deleting the record asks, saying its files are detached for good (undo brings the record only).
send d
# the question names the hearing and wraps above the status line at 80 columns, its end whole
wait_for 'Delete hearing "2024-05-02, NagaWorld strike" and detach its 2 attached files'
wait_for "them back)? y/N"
send y
wait_for "deleted, and 2 attached files detached"
checks=$((checks + 2))
send q
done_ok
