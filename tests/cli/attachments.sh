#!/bin/sh
# Attachments (issue 17): attach, list, open through a stub opener (a private 0600 file, gone
# afterwards), detach; nothing of an attached text file readable in the database file; a file
# over the limit refused with the database unchanged; a damaged attachment named by verify.
. "$TESTLIB"
set -e

ok cw init
ok cw person add --name "Chhim Sithar"
person=$(printf '%s' "$out" | awk '{print $3}')
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494/495
# A statement in a text file, a "photo" (random bytes behind a JPEG mark) of 2.5 parts.
printf 'STATEMENTWORD the guard took the summons at dawn\n' >"$WORK/statement.txt"
{ printf '\377\330\377\340'; head -c 2621440 /dev/urandom; } >"$WORK/summons.jpg"
ok cw attach "Chhim Sithar" "$WORK/statement.txt" "$WORK/summons.jpg" --caption "summons, 3 May"
has "statement.txt (text/plain, 49 B)"
has "summons.jpg (image/jpeg, 2.5 MiB)"
ok cw attachments "Chhim Sithar"
lines 3
has "summons, 3 May"
has "held"
ok cw attachments "Chhim Sithar" --json
json "[a['name'] for a in d] == ['statement.txt', 'summons.jpg'] and d[0]['type'] == 'text/plain' and d[1]['size'] == 2621444 and d[1]['author'] == 'test monitor' and all(a['state'] == 'held' and a['caption'] == 'summons, 3 May' for a in d)"
sha=$(sha256sum "$WORK/summons.jpg" | cut -d' ' -f1)
json "d[1]['sha256'] == '$sha'"
txt=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"][:8])')
jpg=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[1]["id"][:8])')
# caption: another caption, or none. The same again, a control character, an empty text or
# no text are refused with the database unchanged; each change has an audit entry naming the
# record.
ok cw caption "$jpg" "photo of the summons, 3 May"
has "summons.jpg: caption now photo of the summons, 3 May"
ok cw attachments "Chhim Sithar" --json
json "[a['caption'] for a in d] == ['summons, 3 May', 'photo of the summons, 3 May']"
before=$(db_snapshot)
fails 65 "caption" cw caption "$jpg" "photo of the summons, 3 May"
fails 65 "caption" cw caption "$jpg" "$(printf 'bad\033[2Jcaption')"
fails 2 "caption" cw caption "$jpg" ""
fails 2 "caption" cw caption "$jpg"
fails 2 "caption" cw caption "$jpg" "text" --clear
fails 66 "attachment" cw caption 0123456789ab "text"
[ "$(db_snapshot)" = "$before" ] || fail "a refused caption changed the database"
checks=$((checks + 1))
ok cw caption "$txt" --clear
has "statement.txt: no caption now"
# cleared again: said as what it is; a caption of spaces or an invisible character is none
fails 65 "has no caption" cw caption "$txt" --clear
fails 2 "caption" cw caption "$txt" "   "
fails 2 "caption" cw caption "$txt" "$(printf '\342\200\213')"
ok cw attachments "Chhim Sithar" --json
json "[a['caption'] for a in d] == [None, 'photo of the summons, 3 May']"
ok cw audit --json
json "[(e['action'], e['kind'], e['record_name']) for e in d if e['action'] == 'caption'] == [('caption', 'person', 'Chhim Sithar')] * 2"
# The same file again is a second attachment of the same content, stored once.
ok cw attach "NagaWorld strike" "$WORK/summons.jpg"
ok cw attachments NagaWorld --json
json "len(d) == 1 and d[0]['sha256'] == '$sha'"
again=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"][:8])')

# Nothing of the text file, nor its name or caption, is in the files of the encrypted database.
checks=$((checks + 1))
if strings -a "$DB"/* | grep -q -e STATEMENTWORD -e "guard took" -e "statement.txt" -e "summons, 3"; then
	fail "the attached text is readable in the database file"
fi

# open: a stub opener copies the file and notes its path and mode; the file and its folder
# are gone afterwards.
cat >"$WORK/opener" <<'SH'
#!/bin/sh
cp "$1" "$OPENED"
df -T "$(dirname "$1")" | awk 'NR == 2 { print $2 }' >"$OPENED.fs"
# The test's wrapper passes the passphrase on descriptors 8 and 9: none reaches the opener, nor
# the database's files.
ls -l /proc/$$/fd/ >"$OPENED.fds" 2>&1
stat -c %a "$1" >"$OPENED.mode"
stat -c %a "$(dirname "$1")" >"$OPENED.dirmode"
printf '%s\n' "$1" >"$OPENED.path"
SH
chmod +x "$WORK/opener"
export OPENED="$WORK/opened"
# An encrypted database's content is written out only in memory: $XDG_RUNTIME_DIR on tmpfs.
[ "$(df -T /dev/shm 2>/dev/null | awk 'NR == 2 { print $2 }')" = tmpfs ] ||
	fail "/dev/shm is not tmpfs here: the test needs a folder in memory"
RUN=$(mktemp -d /dev/shm/casewatch-test-XXXXXX)
trap 'rm -rf "$WORK" "$RUN"' EXIT
export XDG_RUNTIME_DIR="$RUN"
CASEWATCH_OPENER="$WORK/opener" ok cw open "$jpg"
cmp "$WORK/opened" "$WORK/summons.jpg" || fail "the opened file differs from the one attached"
[ "$(cat "$WORK/opened.fs")" = tmpfs ] || fail "the decrypted copy was on $(cat "$WORK/opened.fs")"
checks=$((checks + 2))
if grep -q -e ' 8 -> ' -e ' 9 -> ' -e 'data.mdb' -e 'lock.mdb' "$WORK/opened.fds"; then
	fail "the opener inherited casewatch's descriptors: $(cat "$WORK/opened.fds")"
fi
[ "$(cat "$WORK/opened.mode")" = 600 ] || fail "the temporary file was mode $(cat "$WORK/opened.mode")"
[ "$(cat "$WORK/opened.dirmode")" = 700 ] || fail "its folder was mode $(cat "$WORK/opened.dirmode")"
tmp=$(cat "$WORK/opened.path")
case $tmp in */summons.jpg) ;; *) fail "the temporary file does not keep the name: $tmp" ;; esac
[ ! -e "$tmp" ] && [ ! -e "$(dirname "$tmp")" ] || fail "the decrypted copy $tmp is still there"
checks=$((checks + 4))
# The config file's opener, when the variable is not set; a failing opener says so, and
# the file goes all the same.
mkdir -p "$XDG_CONFIG_HOME/casewatch"
printf 'opener = %s\n' "$WORK/opener" >"$XDG_CONFIG_HOME/casewatch/config"
rm -f "$WORK/opened"
ok cw open "$txt"
cmp "$WORK/opened" "$WORK/statement.txt" || fail "the config file's opener was not used"
printf 'opener = false\n' >"$XDG_CONFIG_HOME/casewatch/config"
fails 74 "opener" cw open "$txt"
rm "$XDG_CONFIG_HOME/casewatch/config"
# -o FILE writes it out instead.
ok cw open "$jpg" -o "$WORK/out.jpg"
cmp "$WORK/out.jpg" "$WORK/summons.jpg" || fail "open -o wrote another file"
fails 66 "attachment" cw open 0123456789
fails 65 "attachment" cw open xyz
# $XDG_RUNTIME_DIR and $TMPDIR on the disk (ssh without a login session, a container):
# /dev/shm, still memory.
rm -f "$WORK/opened"
XDG_RUNTIME_DIR="$WORK" TMPDIR="$WORK" CASEWATCH_OPENER="$WORK/opener" ok cw open "$jpg"
checks=$((checks + 1))
case $(cat "$WORK/opened.path") in
/dev/shm/casewatch-open-*/summons.jpg) ;;
*) fail "the decrypted copy was not in /dev/shm: $(cat "$WORK/opened.path")" ;;
esac
# No folder in memory at all (a folder of the disk over /dev/shm, in a mount namespace of its
# own, as root): an encrypted database's file is not written to the disk in the clear.
rm -f "$WORK/opened"
mkdir "$WORK/disk"
if [ "$(id -u)" = 0 ] && unshare -m sh -c "
	mount --bind '$WORK/disk' /dev/shm || exit 3
	XDG_RUNTIME_DIR='$WORK' TMPDIR='$WORK' CASEWATCH_OPENER='$WORK/opener' OPENED='$WORK/opened' \
		'$CASEWATCH' --db '$DB' open '$jpg' >'$WORK/ns.out' 2>'$WORK/ns.err'
	echo \$? >'$WORK/ns.rc'
" 2>"$WORK/ns.setup"; then
	checks=$((checks + 2))
	[ "$(cat "$WORK/ns.rc")" = 74 ] && grep -q "XDG_RUNTIME_DIR: no folder in memory" "$WORK/ns.err" ||
		fail "open with no folder in memory: $(cat "$WORK/ns.rc") $(cat "$WORK/ns.err")"
	[ ! -e "$WORK/opened" ] && [ -z "$(find "$WORK" -name 'casewatch-open-*')" ] ||
		fail "the opener ran, or a copy was left, with no folder in memory"
else
	echo "not checked: no folder in memory at all (needs root and unshare -m): $(cat "$WORK/ns.setup")"
fi

# Over the limit: refused naming the file, nothing written.
printf 'attachment_limit = 1M\n' >"$XDG_CONFIG_HOME/casewatch/config"
before=$(db_snapshot)
fails 65 "summons.jpg" cw attach NagaWorld "$WORK/statement.txt" "$WORK/summons.jpg"
grep -q "limit of 1.0 MiB" "$WORK/stderr" || fail "the limit is not said: $err"
[ "$(db_snapshot)" = "$before" ] || fail "a refused attach changed the database"
fails 66 "nosuch" cw attach NagaWorld "$WORK/nosuch"
fails 65 "$WORK" cw attach NagaWorld "$WORK"
fails 2 "file" cw attach NagaWorld
[ "$(db_snapshot)" = "$before" ] || fail "a refused attach changed the database"
checks=$((checks + 2))
printf 'attachment_limit = lots\n' >"$XDG_CONFIG_HOME/casewatch/config"
fails 78 "attachment_limit" cw attachments NagaWorld
rm "$XDG_CONFIG_HOME/casewatch/config"

ok cw verify
has "3 attachments"

# A damaged part is named by verify, by open, and nothing of it reaches the opener.
cp -r "$DB" "$WORK/damaged"
"$TAMPER" "$WORK/damaged" flip blobs "$("$TAMPER" "$WORK/damaged" last blobs)" 30
fails 74 "database" "$CASEWATCH" --db "$WORK/damaged" verify
# The last part in key order is one of the two contents (keys are keyed tags): the one named.
if grep -q "attachment $jpg (summons.jpg) is damaged: part [0-9] of 3 fails its authentication" "$WORK/stdout"; then
	bad=$jpg
elif grep -q "attachment $txt (statement.txt) is damaged: part 1 of 1 fails its authentication" "$WORK/stdout"; then
	bad=$txt
else
	fail "verify does not name the damaged attachment: $(cat "$WORK/stdout")"
fi
checks=$((checks + 1))
rm -f "$WORK/opened"
CASEWATCH_OPENER="$WORK/opener" fails 74 "is damaged" "$CASEWATCH" --db "$WORK/damaged" open "$bad"
[ ! -e "$WORK/opened" ] || fail "a damaged attachment reached the opener"
checks=$((checks + 1))

# detach: gone from the list, its content kept while another attachment holds it, wiped
# once the last one goes.
ok cw detach "$jpg"
fails 65 "detached" cw caption "$jpg" "a caption for what is gone"
has "detached summons.jpg"
fails 65 "attachment" cw detach "$jpg"
ok cw attachments "Chhim Sithar" --json
json "[a['name'] for a in d] == ['statement.txt']"
ok cw attachments "Chhim Sithar" --detached --json
json "len(d) == 2 and d[1]['state'] == 'detached' and d[1]['detached_by'] == 'test monitor' and 'name' not in d[1]"
ok cw open "$again" -o "$WORK/again.jpg"
cmp "$WORK/again.jpg" "$WORK/summons.jpg" || fail "the content another attachment holds went with a detach"
ok cw detach "$again"
fails 66 "attachment" cw open "$again" -o "$WORK/gone.jpg"
# Attaching and detaching are in the audit log, chained and signed with the other changes:
# Chhim Sithar's two files attached in one command, the case's one, then one of each
# detached: an entry each, naming the record the file was attached to.
ok cw audit --json
json "[(e['action'], e['kind'], e['record_name']) for e in d if e['action'] in ('attach', 'detach')] == [('attach', 'person', 'Chhim Sithar'), ('attach', 'person', 'Chhim Sithar'), ('attach', 'case', 'NagaWorld strike'), ('detach', 'person', 'Chhim Sithar'), ('detach', 'case', 'NagaWorld strike')]"
ok cw verify
has "3 attachments (0.0 MiB)"
# Deleting a record detaches what was attached to it.
ok cw person add --name "Ny Nak"
ok cw attach "Ny Nak" "$WORK/statement.txt"
ok cw delete "Ny Nak" --yes
has "1 attached file was detached: undo does not bring it back"
ok cw attachments "Chhim Sithar" --json
json "len(d) == 1"
ok cw verify

# ---- bundles ---------------------------------------------------------------------------------
# A second laptop receives the attachments in an encrypted bundle: byte-identical; strings over
# the bundle finds nothing of the text file. Another, sent --no-attachments, lists them missing
# until a bundle with the content comes.
S="$WORK/sup" M="$WORK/miss"
sup() { "$CASEWATCH" --db "$S" "$@"; }
miss() { "$CASEWATCH" --db "$M" "$@"; }
ok sup init
ok miss init
mesh me="$DB" sup="$S" miss="$M"
ok cw person add --name "Meach Sovannara"
ok cw attach "Meach Sovannara" "$WORK/statement.txt" "$WORK/summons.jpg" --caption "verdict"
ok cw bundle export --to sup --all -o "$WORK/all.bundle"
has "attachments, 2 files (2.5 MiB) with them"
checks=$((checks + 1))
if strings -a "$WORK/all.bundle" | grep -q -e STATEMENTWORD -e "guard took" -e statement.txt -e verdict; then
	fail "the attached text is readable in the encrypted bundle"
fi
ok sup bundle inspect "$WORK/all.bundle"
has "6 attachments, 2 files (2.5 MiB) with them"
ok sup bundle inspect "$WORK/all.bundle" --json
json "d['attachments'] == 6 and d['attachment_files'] == 2 and d['attachment_bytes'] == 2621493"
ok sup bundle import "$WORK/all.bundle"
has "6 attachments (6 new here, 0 detached here), 2 files (2.5 MiB) with them"
# the laptop's audit entries of its attachments came with them
ok sup audit --json
json "len([e for e in d if e['action'] == 'attach' and e.get('record_name') == 'Meach Sovannara' and not e['here']]) == 2"
ok sup attachments "Meach Sovannara" --json
json "[a['name'] for a in d] == ['statement.txt', 'summons.jpg'] and all(a['state'] == 'held' and a['caption'] == 'verdict' for a in d)"
sjpg=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[1]["id"][:8])')
stxt=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"][:8])')
ok sup open "$sjpg" -o "$WORK/sup.jpg"
cmp "$WORK/sup.jpg" "$WORK/summons.jpg" || fail "the photo changed on its way through the bundle"
ok sup open "$stxt" -o "$WORK/sup.txt"
cmp "$WORK/sup.txt" "$WORK/statement.txt" || fail "the text changed on its way through the bundle"
checks=$((checks + 2))
ok sup verify
has "attachments"
# `bundle content` holds the attachments' descriptions: the laptops agree once the bundle is
# in (and below, differ while a detachment has not travelled).
ok cw bundle content
has '"attachment":'
has '"caption":"verdict"'
ok cw bundle content --digest
digest_me=$out
ok sup bundle content --digest
checks=$((checks + 1))
[ "$out" = "$digest_me" ] || fail "the laptops' content differs after the bundle"
# Imported twice: nothing changes.
before_sup=$(sha256sum "$S/data.mdb")
ok sup bundle import "$WORK/all.bundle"
has "(0 new here, 0 detached here)"
# A caption changed on two laptops: the change made last is kept on both, whichever bundle
# comes first; the older change, arriving later, changes nothing.
ok sup caption "$sjpg" "verdict, first page"
ok cw caption "$sjpg" "verdict, both pages"
ok sup bundle export --to me -o "$WORK/sup-caption.bundle"
ok cw bundle import "$WORK/sup-caption.bundle"
has "(0 new here, 0 detached here)"
ok cw bundle export --to sup -o "$WORK/me-caption.bundle"
ok sup bundle import "$WORK/me-caption.bundle"
has "(0 new here, 1 with a new caption here, 0 detached here)"
ok sup attachments "Meach Sovannara" --json
json "[a['caption'] for a in d] == ['verdict', 'verdict, both pages']"
ok cw bundle content --digest
digest_me=$out
ok sup bundle content --digest
checks=$((checks + 1))
[ "$out" = "$digest_me" ] || fail "the laptops' captions differ after both bundles"
ok cw audit --json
json "len([e for e in d if e['action'] == 'caption' and e.get('record_name') == 'Meach Sovannara']) == 2"
# A laptop whose clock runs an hour ahead changes the caption; this one, its clock right,
# changes it again once that change is here. Stamped after the change it replaces (not by
# its own clock, which would lose everywhere but here), its change is the later one on both.
ahead=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)
CASEWATCH_NOW=$ahead ok sup caption "$sjpg" "from the laptop ahead"
ok sup bundle export --to me -o "$WORK/ahead.bundle"
ok cw bundle import "$WORK/ahead.bundle"
has "1 with a new caption here"
ok cw caption "$sjpg" "corrected here"
ok cw bundle export --to sup -o "$WORK/corrected.bundle"
ok sup bundle import "$WORK/corrected.bundle"
has "1 with a new caption here"
ok sup attachments "Meach Sovannara" --json
json "[a['caption'] for a in d] == ['verdict', 'corrected here']"
ok cw bundle content --digest
digest_me=$out
ok sup bundle content --digest
checks=$((checks + 1))
[ "$out" = "$digest_me" ] || fail "a caption changed after one from a clock ahead: the laptops differ"
# Without attachments: listed, missing; open says why.
ok cw bundle export --to miss --all --no-attachments -o "$WORK/bare.bundle"
has "0 files (0.0 MiB)"
ok miss bundle import "$WORK/bare.bundle"
ok miss attachments "Meach Sovannara"
has "missing"
lacks "held"
fails 66 "without attachments" miss open "$stxt" -o "$WORK/none.txt"
ok miss verify
# A later bundle with the content fills it in.
ok cw bundle export --to miss --all -o "$WORK/full.bundle"
ok miss bundle import "$WORK/full.bundle"
ok miss attachments "Meach Sovannara" --json
json "all(a['state'] == 'held' for a in d)"
ok miss open "$sjpg" -o "$WORK/miss.jpg"
cmp "$WORK/miss.jpg" "$WORK/summons.jpg" || fail "the content that came later differs"
checks=$((checks + 1))
# A detachment travels, wins over the attachment, and the content goes there too; what was
# sent to a peer before is not sent again (only what changed since).
ok cw detach "$stxt"
ok cw bundle content --digest
digest_me=$out
ok sup bundle content --digest
checks=$((checks + 1))
[ "$out" != "$digest_me" ] || fail "a detachment not yet sent leaves the content the same"
ok cw bundle export --to sup -o "$WORK/detach.bundle"
ok sup bundle import "$WORK/detach.bundle"
has "(0 new here, 1 detached here)"
ok sup bundle content --digest
checks=$((checks + 1))
[ "$out" = "$digest_me" ] || fail "the laptops' content differs after the detachment came"
ok sup attachments "Meach Sovannara" --json
json "[a['name'] for a in d] == ['summons.jpg']"
fails 66 "detached" sup open "$stxt" -o "$WORK/gone.txt"
ok sup verify
# A bundle whose content was changed on the way is refused whole (its signature fails); one
# signed with a content that does not match its hash is refused naming the line.
cp "$WORK/all.bundle" "$WORK/bad.bundle"
"${PYTHON3:-python3}" -c '
import sys
b = bytearray(open(sys.argv[1], "rb").read()); b[len(b) // 2] ^= 1
open(sys.argv[1], "wb").write(b)' "$WORK/bad.bundle"
before=$(sha256sum "$M/data.mdb")
set +e
miss bundle import "$WORK/bad.bundle" >/dev/null 2>&1
st=$?
set -e
[ "$st" -ne 0 ] && [ "$(sha256sum "$M/data.mdb")" = "$before" ] || fail "an altered bundle was taken"
checks=$((checks + 1))

# A plain database (the demo) keeps attachments in the clear, as it keeps its records; encrypt
# seals them under the new key, and they open to the same bytes.
P="$WORK/plain"
plain() { "$CASEWATCH_BIN" --db "$P" "$@"; }
ok plain init --no-encryption
ok plain person add --name "Kang Saran"
ok plain attach "Kang Saran" "$WORK/statement.txt" "$WORK/summons.jpg"
checks=$((checks + 1))
strings -a "$P/data.mdb" | grep -q STATEMENTWORD || fail "a plain database hides the text?"
out=$(CASEWATCH_MAP_SIZE=65536 "$CASEWATCH_BIN" --db "$P" encrypt --kdf-cost minimal \
	--new-passphrase-file "$WORK/passphrase" 2>"$WORK/stderr") ||
	fail "encrypt failed: $(cat "$WORK/stderr")"
checks=$((checks + 1))
if strings -a "$P"/* | grep -q -e STATEMENTWORD -e "statement.txt"; then
	fail "the attached text is readable after encrypt"
fi
ok "$CASEWATCH" --db "$P" attachments "Kang Saran" --json
json "[a['name'] for a in d] == ['statement.txt', 'summons.jpg'] and all(a['state'] == 'held' for a in d)"
pjpg=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[1]["id"][:8])')
ok "$CASEWATCH" --db "$P" open "$pjpg" -o "$WORK/p.jpg"
cmp "$WORK/p.jpg" "$WORK/summons.jpg" || fail "encrypt changed an attachment"
# (verify is not asked to pass whole here: on main, a plain database of one record reports
# its newest audit entry's record missing after encrypt, attachments or not.)
out=$("$CASEWATCH" --db "$P" verify 2>/dev/null || true)
has "2 attachments (2.5 MiB) checked"
lacks "attachment "
lacks "blobs"
# ---- output that must not go where it would do harm (a fresh database) ----
DB="$WORK/escdb"
ok cw init
# -o - is standard output, but never a terminal: a file's bytes (from anyone's bundle) would be
# the terminal's commands. Through script(1), whose standard output is a terminal.
printf 'before\033]0;OWNED\007\033[2J' >"$WORK/esc.txt"
ok cw person add --name "Esc Person"
ok cw attach "Esc Person" "$WORK/esc.txt"
esc=$(printf '%s\n' "$out" | sed -n 's/.*attached \([0-9a-f]\{8\}\).*/\1/p' | head -1)
[ -n "$esc" ] || fail "no id for esc.txt: $out"
checks=$((checks + 1))
script -qec "\"$CASEWATCH\" --db \"$DB\" open $esc -o - ; echo \"status \$?\"" /dev/null \
	>"$WORK/typescript" 2>&1 || true
grep -q "status 2" "$WORK/typescript" || fail "open -o - on a terminal: $(cat "$WORK/typescript")"
grep -q "not shown on a terminal" "$WORK/typescript" || fail "no reason: $(cat "$WORK/typescript")"
if grep -q OWNED "$WORK/typescript"; then
	fail "the file's escape sequences reached the terminal"
fi
# Redirected, it is the file's bytes.
checks=$((checks + 1))
cw open "$esc" -o - >"$WORK/esc.out" || fail "open -o - to a file failed"
cmp "$WORK/esc.out" "$WORK/esc.txt" || fail "open -o - wrote another file"
# A device or a pipe at the -o name is never replaced by a file.
mkfifo "$WORK/fifo"
fails 65 "output" cw open "$esc" -o "$WORK/fifo"
[ -p "$WORK/fifo" ] || fail "the pipe was replaced"
fails 65 "output" cw export --format json -o "$WORK/fifo"
[ -p "$WORK/fifo" ] || fail "the pipe was replaced by export"
fails 65 "output" cw backup -o "$WORK/fifo"
[ -p "$WORK/fifo" ] || fail "the pipe was replaced by backup"

# ---- a peer's descriptions are checked as typed input is ---------------------------------------
# A laptop whose casewatch was altered (played by a plain database changed behind its back)
# sends an attachment whose name climbs out of a folder or hides its type behind a bidi
# override, whose caption is an escape sequence, whose author holds a C1 control: the receiving
# laptop refuses the whole bundle, naming the line and the field, and writes nothing. A
# description stored so before (an older casewatch took it) lists in JSON neutralised.
H="$WORK/hostile" R="$WORK/receiver"
ok "$CASEWATCH_BIN" --db "$H" init --no-encryption
ok "$CASEWATCH" --db "$R" init
mesh hostile="$H" receiver="$R"
ok "$CASEWATCH_BIN" --db "$H" person add --name "Kang Saran"
printf 'hi\n' >"$WORK/hi.txt"
ok "$CASEWATCH_BIN" --db "$H" attach "Kang Saran" "$WORK/hi.txt" --json
aid=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$TAMPER" "$H" get attachments "$aid" >"$WORK/desc.hex" || fail "tamper get"
# disguise FIELD VALUE...: the stored description with those fields set (VALUE in JSON's
# string syntax: \u202e is U+202E).
disguise() {
	"${PYTHON3:-python3}" - "$WORK/desc.hex" "$@" >"$WORK/new.hex" <<'PY'
import json, sys
d = json.loads(bytes.fromhex(open(sys.argv[1]).read().strip()))
for k, v in zip(sys.argv[2::2], sys.argv[3::2]):
    d[k] = json.loads('"' + v + '"')
print(json.dumps(d, separators=(',', ':'), sort_keys=True).encode().hex())
PY
	"$TAMPER" "$H" put attachments "$aid" "$(cat "$WORK/new.hex")" || fail "tamper put"
}
received=$(sha256sum "$R/data.mdb")
for bad in 'name invoice\u202efdp.exe' 'name ../../../../tmp/x.sh' 'name /abs.txt' 'name ..' \
	'name \u009bx' 'caption see\u001b[31m' 'caption x\u202ey' 'author root\u009b' \
	'type text/\u0085plain'; do
	# shellcheck disable=SC2086 # FIELD VALUE
	disguise $bad
	# --force: each round's bundle replaces the last one's (bundle export refuses a name taken)
	ok "$CASEWATCH_BIN" --db "$H" bundle export --to receiver --all --force \
		-o "$WORK/hostile.bundle"
	fails 65 "bundle line [0-9]*: ${bad%% *}" "$CASEWATCH" --db "$R" bundle import "$WORK/hostile.bundle"
	[ "$(sha256sum "$R/data.mdb")" = "$received" ] || fail "a refused bundle ($bad) changed the database"
done
ok "$CASEWATCH" --db "$R" list persons --json
json "d == []"
# What an older casewatch stored: listed, each text neutralised (^[ for ESC, U+FFFD for C1
# and bidi controls), never raw.
disguise name 'invoice\u202efdp.exe' caption 'see \u001b[31m' author 'root\u009b'
ok "$CASEWATCH_BIN" --db "$H" attachments "Kang Saran" --json
json "d[0]['name'] == 'invoice\ufffdfdp.exe' and d[0]['caption'] == 'see ^[[31m' and d[0]['author'] == 'root\ufffd'"
checks=$((checks + 1))
printf '%s' "$out" | "${PYTHON3:-python3}" -c '
import sys
t = sys.stdin.buffer.read().decode()
sys.exit(any(0x80 <= ord(c) <= 0x9f or 0x202a <= ord(c) <= 0x202e or c == "\x1b" for c in t))' ||
	fail "attachments --json printed a control character raw: $out"
done_ok
