#!/bin/sh
# A report or an export written with --sign has a signature beside it (FILE.sig, mode 0600) that
# `check-signature` checks with no database and no passphrase, as a partner would: it names the
# fingerprint `identity` prints; a byte changed, a file cut, another file's signature or a
# signature line altered are each refused in one line, with their own exit status.
. "$TESTLIB"
set -e
PY=${PYTHON3:-python3}
export CASEWATCH_NOW=2024-05-10T03:00:00Z

ok cw init
ok cw person add --name "Ny Nak"
ok cw case add --title "Ny Nak incitement" --defendant "Ny Nak" --charge 494/495 --custody detained
ok cw log milestone --person "Ny Nak" --case "Ny Nak incitement" --type arrest --date 2024-01-05
ok cw identity --json
fp=$(printf '%s' "$out" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["fingerprint"])')

# --sign needs a file to sit beside
fails 2 sign cw report --week 2024-W18 --sign
ok cw report --week 2024-W18 -o "$WORK/r.md" --sign
has "signed it: $WORK/r.md.sig"
has "should hear this fingerprint from you, not read it from a file: $fp"
# the report says in its header that it is signed, and by which key (a supervisor's trial:
# nothing travelled with the report to say so); that line is signed with the rest
checks=$((checks + 1))
grep -qF "Signature: in the .sig file beside this one, by the key with fingerprint $fp" "$WORK/r.md" ||
	fail "the signed report does not say it is signed: $(head -12 "$WORK/r.md")"
ok cw report --week 2024-W18 --format json -o "$WORK/r.json" --sign
out=$(cat "$WORK/r.json")
json "'$fp' in d['header']['signature']"
ok cw report --week 2024-W18 --format json
json "'signature' not in d['header']"
checks=$((checks + 1))
[ "$(stat -c %a "$WORK/r.md.sig")" = 600 ] || fail "the signature is not private to its owner"
head -1 "$WORK/r.md.sig" | grep -qx "casewatch signature 1" || fail "not a signature file"
ok cw export records --format csv -o "$WORK/e.csv" --sign
has "signed it: $WORK/e.csv.sig"

# Checked anywhere: no database, no passphrase (a partner has neither).
check() { "$CASEWATCH_BIN" --db "$WORK/nowhere" check-signature "$@" </dev/null; }
ok check "$WORK/r.md"
has "every byte as signed by the key with fingerprint $fp; it says it signed on 2024-05-10T03:00:00Z (UTC, by its own clock)"
has "this proves nothing about who signed it until you compare that fingerprint"
lacks "peer list"
ok check "$WORK/e.csv" --json
json "d['fingerprint'] == '$fp' and d['signed_at'] == '2024-05-10T03:00:00Z' and d['signer'].startswith('cwid2:') and d['fingerprint_matched'] is None"
ok check "$WORK/e.csv" "$WORK/e.csv.sig"
# The fingerprint the author read out: only a signature by that key will do (any spacing or
# letter case as a person writes it down).
ok check "$WORK/r.md" --fingerprint "$(printf '%s' "$fp" | tr -d ' ' | tr a-f A-F)"
has "the one you gave"
fails 74 fingerprint check "$WORK/r.md" --fingerprint "0000 1111 2222 3333 4444 5555"
# written down with dashes or colons between the groups, as heard by phone: the same key
ok check "$WORK/r.md" --fingerprint "$(printf '%s' "$fp" | tr ' ' -)"
ok check "$WORK/r.md" --fingerprint "$(printf '%s' "$fp" | tr ' ' :)"
# an editor's en dash, a tab and Khmer digits are read as written down
ok check "$WORK/r.md" --fingerprint "$(printf '%s' "$fp" | sed 's/ /–/g')"
ok check "$WORK/r.md" --fingerprint "$(printf '%s' "$fp" | tr ' ' '\t')"
ok check "$WORK/r.md" --fingerprint "$(printf '%s' "$fp" | sed 'y/0123456789/០១២៣៤៥៦៧៨៩/')"
# a letter that is no hex digit is pointed at, itself, not counted among the digits given
fails 2 "'x' is not a hex digit" check "$WORK/r.md" --fingerprint "$(printf '%s' "$fp" | tr ' ' -)x"
fails 2 "'é' is not a hex digit" check "$WORK/r.md" --fingerprint "${fp}é"
# a fingerprint cut short is not another laptop's: it is not a fingerprint
fails 2 "whole fingerprint" check "$WORK/r.md" --fingerprint "$(printf '%s' "$fp" | cut -c1-9)"

# One byte changed, the size the same: refused
cp "$WORK/r.md" "$WORK/r.keep"
"$PY" - "$WORK/r.md" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
i = b.index(b'Ny Nak')
b[i] = ord('M')
open(p, 'wb').write(bytes(b))
PY
fails 74 file check "$WORK/r.md"
has_err() { checks=$((checks + 1)); printf '%s\n' "$err" | grep -qF -- "$1" || fail "error lacks '$1': $err"; }
has_err "is not the file that was signed: changed since, or the signature is another file's"
# cut
head -c 100 "$WORK/r.keep" >"$WORK/r.md"
fails 74 file check "$WORK/r.md"
has_err "it has 100 bytes"
cp "$WORK/r.keep" "$WORK/r.md"
ok check "$WORK/r.md"
# another file's signature
fails 74 file check "$WORK/r.md" "$WORK/e.csv.sig"
# the time it was signed is signed too
sed 's/^signed 2024-05-10T03:00:00Z$/signed 2024-05-11T03:00:00Z/' "$WORK/r.md.sig" >"$WORK/later.sig"
fails 74 file check "$WORK/r.md" "$WORK/later.sig"
# a size written otherwise than the signer writes it
sed 's/^bytes /bytes 000/' "$WORK/r.md.sig" >"$WORK/zeros.sig"
fails 65 signature check "$WORK/r.md" "$WORK/zeros.sig"
# a folder or a pipe is not a file that was signed, and is not waited on
mkdir "$WORK/dir.md"
cp "$WORK/r.md.sig" "$WORK/dir.md.sig"
fails 66 file check "$WORK/dir.md"
# A bundle has no .sig beside it: its signature is inside, and the message says where to look
# (a partner's trial read only "cannot read ....cwb.sig").
ok cw bundle export --all --plain -o "$WORK/b.cwb"
fails 66 "file: $WORK/b.cwb is a bundle, which carries its signature inside it: 'casewatch bundle inspect $WORK/b.cwb' says who signed it" \
	check "$WORK/b.cwb"
mkfifo "$WORK/pipe.md"
cp "$WORK/r.md.sig" "$WORK/pipe.md.sig"
fails 66 file timeout 10 "$CASEWATCH_BIN" --db "$WORK/nowhere" check-signature "$WORK/pipe.md"
mkfifo "$WORK/pipe.sig"
fails 66 signature timeout 10 "$CASEWATCH_BIN" --db "$WORK/nowhere" check-signature \
	"$WORK/r.md" "$WORK/pipe.sig"
# a fingerprint that is not the signer's, a line missing, not a signature at all
sed 's/^fingerprint .*/fingerprint 0000 0000 0000 0000 0000 0000/' "$WORK/r.md.sig" >"$WORK/fp.sig"
fails 65 signature check "$WORK/r.md" "$WORK/fp.sig"
grep -v '^bytes ' "$WORK/r.md.sig" >"$WORK/short.sig"
fails 65 signature check "$WORK/r.md" "$WORK/short.sig"
fails 65 signature check "$WORK/r.md" "$WORK/r.md"
fails 66 signature check "$WORK/e.csv" "$WORK/absent.sig"
fails 2 "" check

# What is signed is what casewatch wrote, never what is at FILE afterwards: another process
# that keeps putting its own file there (found by a review: the file used to be read back by
# its name, and such a swap got signed) ends up with a file the signature refuses. (A racer
# polling from a script does not win every time against a read-back; the signer no longer
# takes a path at all, only the digest of the bytes as they were written.)
mkdir "$WORK/race"
"$PY" - "$WORK/race" <<'PY' &
import os, sys, time
d = sys.argv[1]
evil, target = os.path.join(d, "evil"), os.path.join(d, "r.md")
end = time.time() + 4
while time.time() < end:
    if os.path.exists(target):
        with open(evil, "w") as f:
            f.write("# FABRICATED REPORT\n")
        os.rename(evil, target)
PY
racer=$!
ok cw report --week 2024-W18 -o "$WORK/race/r.md" --sign
wait "$racer"
checks=$((checks + 1))
grep -q FABRICATED "$WORK/race/r.md" || fail "the racer did not swap the file"
fails 74 file check "$WORK/race/r.md"

# Written again unsigned over a signed file: the old signature is another content's, and
# would read as tampering (found by a review); it goes.
cp "$WORK/r.keep" "$WORK/again.md"
cp "$WORK/r.md.sig" "$WORK/again.md.sig"
ok cw report --week 2024-W18 -o "$WORK/again.md"
checks=$((checks + 1))
[ ! -e "$WORK/again.md.sig" ] || fail "an old signature stayed beside a file written unsigned"
ok cw export records --format csv -o "$WORK/e.csv"
checks=$((checks + 1))
[ ! -e "$WORK/e.csv.sig" ] || fail "an old signature stayed beside an export written unsigned"

# Another laptop's signature names its own key, not this one's
DB="$WORK/other"
ok cw init
ok cw person add --name "Sok Dara"
ok cw identity --json
fp2=$(printf '%s' "$out" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["fingerprint"])')
ok cw export persons --format json -o "$WORK/p.json" --sign
ok check "$WORK/p.json" --json
json "d['fingerprint'] == '$fp2' and d['fingerprint'] != '$fp'"

# A file that names another key than the one that signed it, where a report's header names
# the key that signs it, was made to look like someone else's: refused, though every byte is
# as signed (a red-team trial signed with its own key a report whose header named the
# supervisor's; a partner who did not give --fingerprint was told only to compare). Every
# text format of a real report passes, in either language.
DB="$WORK/db"
for f in md html csv json; do
	ok cw report --week 2024-W18 --format $f -o "$WORK/ok.$f" --sign
	ok check "$WORK/ok.$f"
	ok cw report --week 2024-W18 --format $f --lang km -o "$WORK/ok-km.$f" --sign
	ok check "$WORK/ok-km.$f"
done
# A real report whose records name another key beside the command (the week a laptop was
# taken, its key noted for the partners) is as signed: the header's claim comes first.
ok cw log incident --date 2024-05-02 --type other --notes "Sokha's laptop was seized; its key, fingerprint $fp2, is removed: partners who run casewatch check-signature refuse what it signs"
for f in md html csv json; do
	ok cw report --week 2024-W18 --format $f -o "$WORK/noted.$f" --sign
	checks=$((checks + 1))
	grep -q "$fp2" "$WORK/noted.$f" || fail "the $f report does not hold the note"
	ok check "$WORK/noted.$f"
done
DB="$WORK/other"
# A fingerprint a record's notes hold, with no claim beside it, is not one.
ok cw person add --name "Peer note" --notes "enrolled the laptop with fingerprint $fp by phone"
ok cw export persons --format json -o "$WORK/noted.json" --sign
ok check "$WORK/noted.json"
ok cw person add --name "Forger" --notes "Signature: in the .sig file beside this one, by the key with fingerprint $fp: 'casewatch check-signature' checks it"
ok cw export persons --format json -o "$WORK/forged.json" --sign
fails 74 "says it is signed by the key with fingerprint $fp, but the key with fingerprint $fp2 signed it" \
	check "$WORK/forged.json"
fails 74 "made to look like another's" check "$WORK/forged.json" --fingerprint "$fp2"
echo "signatures: $checks checks passed"
