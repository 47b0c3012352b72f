#!/bin/sh
# bundles_signed.sh - bundles only a trusted laptop can write and only their reader can open:
# identities and enrolled peers; an encrypted bundle shows none of the demo data to `strings`
# and is the user's alone (0600); `bundle inspect` names signer and recipients; a forged bundle
# (custody changed, author "OHCHR Cambodia", a version stamped 2030, an audit line added, the
# inner count made right again), a bundle from a laptop nobody enrolled, one whose signer was
# swapped, one for another reader, one with a flipped byte and one cut in half are refused with
# one line each, and the supervisor's database stays byte-for-byte as it was.
. "$TESTLIB"
set -e

A="$WORK/alice" S="$WORK/sup" B="$WORK/bob" M="$WORK/mallory"
ca() { CASEWATCH_AUTHOR=alice "$CASEWATCH" --db "$A" "$@"; }
cs() { CASEWATCH_AUTHOR=sup "$CASEWATCH" --db "$S" "$@"; }
cb() { CASEWATCH_AUTHOR=bob "$CASEWATCH" --db "$B" "$@"; }
cm() { CASEWATCH_AUTHOR="OHCHR Cambodia" "$CASEWATCH" --db "$M" "$@"; }
for c in ca cs cb cm; do ok $c init; done

# ---- identities and peers ---------------------------------------------------------------
ok ca identity
has "fingerprint: "
# The key with this laptop's database (cwid2): enrolled with it, no other laptop can claim
# Alice's database at the supervisor's before her first bundle comes.
has "casewatch peer add NAME cwid2:"
# ... which the fingerprint does not cover: its database is read out beside it.
alice_db=$(printf '%s\n' "$out" | sed -n 's/^database: *//p')
[ ${#alice_db} -eq 8 ] || fail "identity names no database: $out"
alice_fp=$(printf '%s\n' "$out" | sed -n 's/^fingerprint: //p')
alice_key=$(printf '%s\n' "$out" | sed -n 's/^key: *//p')
# The supervisor types the line Alice's laptop printed, with the name it gives her.
add_line=$(printf '%s\n' "$out" | sed -n 's/^ *casewatch peer add NAME /casewatch peer add alice /p')
[ -n "$add_line" ] || fail "identity printed no peer add line: $out"
ok cs ${add_line#casewatch }
has "(fingerprint $alice_fp, database $alice_db)"
ok cs peer add bob "$(cb identity --key)"
ok ca peer add supervisor "$(cs identity --key)"
ok ca peer add bob "$(cb identity --key)"
ok cm peer add supervisor "$(cs identity --key)"
ok cs peer list
has "alice"
has "$alice_fp"
has "bob"
lines 3
# enrolled at a local time that says its offset, as every time shown does
printf '%s\n' "$out" | grep -Eq '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} \(UTC[+-][0-9:]+\)$' ||
	fail "peer list's time says no offset: $out"
checks=$((checks + 1))
ok ca identity --json
alice_key_alone=$(printf '%s' "$out" | "${PYTHON3:-python3}" -c 'import json, sys; print(json.load(sys.stdin)["key_without_database"])')
ok cs peer list --json
json "sorted(p['name'] for p in d) == ['alice', 'bob'] and d[0]['key'] == '$alice_key_alone'"
# One name, one key; not our own; names and keys checked.
fails 65 name cs peer add alice "$(cm identity --key)"
fails 65 key cs peer add alice2 "$alice_key"
fails 65 key cs peer add me "$(cs identity --key)"
fails 65 name cs peer add "a,b" "$(cm identity --key)"
# A key that says it is Alice's database, which her enrolment gave her key: refused, naming
# her, and not enrolled.
claim=$("${PYTHON3:-python3}" -c '
import base64, sys
raw = lambda k: base64.urlsafe_b64decode(k[6:] + "==")
print("cwid2:" + base64.urlsafe_b64encode(raw(sys.argv[1])[:64] + raw(sys.argv[2])[64:]).decode().rstrip("="))
' "$(cm identity --key)" "$alice_key")
fails 65 "which alice's key speaks for here" cs peer add carol "$claim"
ok cs peer list --json
json "'carol' not in [p['name'] for p in d]"
fails 65 key cs peer add mallory "cwid1:not-a-key"
fails 65 key cs peer add mallory "${alice_key%?????}"
fails 66 name cs peer remove nobody
fails 2 "" cs peer add alice
# A name that would look like another in peer list and "signed by": refused, whatever
# invisible or space-like character makes it differ (no-break space, zero-width space and
# joiner, an ideographic or thin space, a soft hyphen, a direction mark, two spaces), and so is
# one that reads the same once letter case and accents' encoding are folded.
# (A laptop's of its own: a key removed below stays removed, and Mallory's bundles must be
# refused as a stranger's.)
ok "$CASEWATCH" --db "$WORK/names" init
mkey=$("$CASEWATCH" --db "$WORK/names" identity --key)
for n in 'bob\302\240' 'b\342\200\213ob' '\342\200\215bob' 'b\343\200\200ob' 'bo\342\200\211b' \
	'b\302\255ob' 'bob\342\200\216' 'b  ob' 'bob\342\201\240'; do
	fails 65 name cs peer add "$(printf "$n")" "$mkey"
done
fails 65 "reads the same as the enrolled peer 'alice'" cs peer add Alice "$mkey"
# Letters of another script that read as Latin ones: Cyrillic a, e and c, a Greek omicron, a
# full-width a, a dotless i; Khmer is a script of the team's and is taken.
for n in '\320\260lice' 'alic\320\265' 'ali\321\201e' 'b\316\277b' '\357\275\201lice' 'al\304\261ce'; do
	fails 65 "letter of another script can read as a Latin one" cs peer add "$(printf "$n")" "$mkey"
done
ok cs peer add "$(printf '\341\236\237\341\236\273\341\236\201\341\236\266 laptop')" "$mkey"
ok cs peer remove "$(printf '\341\236\237\341\236\273\341\236\201\341\236\266 laptop')"
ok cs peer add "$(printf 'ren\303\251')" "$mkey" --readmit
ok "$CASEWATCH" --db "$WORK/other" init
fails 65 "reads the same as the enrolled peer" cs peer add "$(printf 'rene\314\201')" \
	"$("$CASEWATCH" --db "$WORK/other" identity --key)"
ok cs peer remove "$(printf 'ren\303\251')"
ok cs peer list --json
json "len(d) == 2"

# ---- an encrypted bundle of the demo data ------------------------------------------------
ok ca seed "$SEED_FILE"
has "161 records"
ok ca bundle export --to supervisor -o "$WORK/enc.bundle"
has "encrypted for supervisor"
checks=$((checks + 1))
[ "$(stat -c %a "$WORK/enc.bundle")" = 600 ] || fail "the bundle is not 0600: $(ls -l "$WORK/enc.bundle")"
# Words from the demo data (as tests/cli/encryption.sh picks them): none is in the encrypted
# bundle; the same bundle written --plain holds them, so the check can fail.
"${PYTHON3:-python3}" - "$SEED_FILE" >"$WORK/words" <<'PY'
import json, sys
words = set()
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    for k in ("name", "court", "facility", "title"):
        v = r.get(k)
        if isinstance(v, str) and len(v) >= 6:
            words.add(v.split(" — ")[0].strip())
words |= {"NagaWorld", "Candlelight", "incitement", "treason", "Correctional", "Battambang",
          "own observation", "alice", "437 bis", "494/495"}
for w in sorted(words):
    print(w)
PY
[ "$(wc -l <"$WORK/words")" -ge 30 ] || fail "too few demo words: $(wc -l <"$WORK/words")"
found_in() {
	strings -n 4 "$1" >"$WORK/strings"
	n=0
	while IFS= read -r w; do
		if grep -q -F -- "$w" "$WORK/strings"; then
			n=$((n + 1))
			[ -z "${2:-}" ] || echo "in $1: $w" >&2
		fi
	done <"$WORK/words"
	echo "$n"
}
checks=$((checks + 1))
[ "$(found_in "$WORK/enc.bundle" show)" -eq 0 ] || fail "the encrypted bundle holds demo words"
# (Compression alone would hide the words from strings too: the encrypted bundle's content does
# not even start as a zstd frame, whose magic number a plain bundle's first chunk shows.)
"${PYTHON3:-python3}" - "$WORK/enc.bundle" <<'PY' || fail "the encrypted bundle's content is readable zstd"
import sys
b = open(sys.argv[1], "rb").read()
p = 76 + 100 * int.from_bytes(b[74:76], "big") + 24 + 4
sys.exit(0 if b[9] & 1 and b[p:p + 4] != bytes.fromhex("28b52ffd") else 1)
PY
ok ca bundle export --plain --all -o "$WORK/plain.bundle"
grep -q "not encrypted" "$WORK/stderr" || fail "no warning for --plain: $(cat "$WORK/stderr")"
checks=$((checks + 1))
bundle_payload "$WORK/plain.bundle" "$WORK/plain.jsonl"
[ "$(found_in "$WORK/plain.jsonl")" -ge 25 ] || fail "the plain bundle lacks the demo words"
[ "$(stat -c %a "$WORK/plain.bundle")" = 600 ] || fail "the plain bundle is not 0600"

# inspect: who signed it, for whom, and (for its reader) what it holds.
ok cs bundle inspect "$WORK/enc.bundle"
has "signed by alice (fingerprint $alice_fp), enrolled here"
printf '%s\n' "$out" | grep -Eq ', written [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} \(UTC[+-][0-9:]+\)$' ||
	fail "bundle inspect's time is not local with its offset: $out"
checks=$((checks + 1))
has "for 1 recipient: this database"
has "Chhim Sithar"
# an event by its date and what it is about, not its own label (a hearing's court, often
# empty)
ok cs bundle inspect "$WORK/enc.bundle" --all
printf '%s\n' "$out" | grep -Eq '^hearing .*  [0-9]{4}(-[0-9]{2}){0,2}, [^ ]' ||
	fail "a hearing's line names no date and case: $out"
checks=$((checks + 1))
# A case or person this laptop has not taken yet is named as the bundle brings it, neither
# "deleted" nor "not held here" (a supervisor reads the table before importing).
has "2023-10, Eng Sroy and Candlelight Party activists — incitement"
has "2021-03-01, Sam Rainsy"
lacks "(deleted case)"
lacks "not held here"
ok ca bundle inspect "$WORK/enc.bundle"
has "for 1 recipient: supervisor"
has "cannot open"
lacks "Chhim Sithar"
ok cs bundle inspect "$WORK/enc.bundle" --json --all
json "d['signer']['name'] == 'alice' and d['signer']['fingerprint'] == '$alice_fp' and d['encrypted'] and d['opened'] and len(d['versions']) == 161 and d['versions_total'] == 161"

ok cs bundle import "$WORK/enc.bundle"
has "signed by alice"
has "161 records changed"
DB=$S
snap=$(db_snapshot)

# refused STATUS TEXT FILE: import into the supervisor's database fails with one line holding
# TEXT, and the database is byte-for-byte as it was.
refused() {
	fails "$1" bundle cs bundle import "$3"
	printf '%s\n' "$err" | grep -qF -- "$2" || fail "error lacks '$2': $err"
	[ "$(db_snapshot)" = "$snap" ] || fail "refused bundle $3 changed the database"
}

# ---- the forgery of the issue ------------------------------------------------------------
# Alice's own signed (plain) bundle, rewritten: a detained defendant released, the author
# "OHCHR Cambodia", the version stamped in 2030, an audit line added, the end line's count
# made right again. The signature was over the old bytes.
ok ca edit "NagaWorld union activists" --notes "a correction Alice makes later"
ok ca bundle export --plain --to supervisor -o "$WORK/real.bundle"
"${PYTHON3:-python3}" - "$WORK/real.bundle" "$WORK/forged.bundle" <<'PY'
import json, subprocess, sys
b = open(sys.argv[1], "rb").read()
assert b[:8] == b"CWBUNDLE" and b[8] == 3 and b[9] == 2  # plain, compressed
head = 76 + 100 * int.from_bytes(b[74:76], "big")
sig, p, packed = b[-64:], head, bytearray()
while p < len(b) - 64:
    n = int.from_bytes(b[p:p + 4], "big") & 0x7FFFFFFF
    packed += b[p + 4:p + 4 + n]
    p += 4 + n
zstd = lambda args, data: subprocess.run(["zstd", "-q", "-c"] + args, input=data,
                                         stdout=subprocess.PIPE, check=True).stdout
payload = zstd(["-d"], bytes(packed))
lines = [json.loads(x) for x in payload.decode().split("\n") if x]
end = lines.pop()
changed = 0
for l in lines:
    r = l.get("record") if l.get("type") == "version" else None
    if not r or r.get("kind") != "case":
        continue
    for d in r.get("defendants", []):
        if d.get("custody") == "detained":
            d["custody"] = "released"
            changed += 1
    r["author"] = r["editor"] = "OHCHR Cambodia"
    r["updated"] = "2030-01-01T00:00:00.000000Z"
    for v in r["versions"]:
        v["time"] = 1893456000000000
    r["notes"] = "released, all charges dropped"
assert changed, "no detained defendant in the bundle"
audit = dict(next(l for l in lines if l.get("type") == "audit"))
audit.update(author="OHCHR Cambodia", time="2030-01-01T00:00:00.000000Z")
lines.insert(1, audit)  # the audit entries come before the versions
end["lines"] = len(lines)
new = zstd([], "".join(json.dumps(l, sort_keys=True) + "\n" for l in lines + [end]).encode())
body = bytearray()
for i in range(0, len(new), 65536):
    part = new[i:i + 65536]
    body += ((len(part) | (0x80000000 if i + 65536 >= len(new) else 0)).to_bytes(4, "big") +
             part)
open(sys.argv[2], "wb").write(b[:head] + bytes(body) + sig)
PY
refused 74 "altered after it was signed" "$WORK/forged.bundle"

# The same changes written by a laptop of its own (its author is "OHCHR Cambodia"): it signs
# with its key, which nobody enrolled. Refused, naming its fingerprint and database and the
# command that would trust it: with the key that names its database too (cwid2), the one
# `identity` prints, not the key alone (cwid1), which a field trial's refusal offered.
ok cm person add --name "Chhim Sithar" --notes "released, all charges dropped"
ok cm bundle export --to supervisor -o "$WORK/mallory.bundle"
ok cm identity
mallory_fp=$(printf '%s\n' "$out" | sed -n 's/^fingerprint: //p')
mallory_db=$(printf '%s\n' "$out" | sed -n 's/^database: *//p')
mallory_key=$(printf '%s\n' "$out" | sed -n 's/^key: *//p')
case $mallory_key in cwid2:*) ;; *) fail "identity's key is not a cwid2 one: $out" ;; esac
refused 65 "not enrolled here (fingerprint $mallory_fp, database $mallory_db)" \
	"$WORK/mallory.bundle"
printf '%s\n' "$err" | grep -qF "casewatch peer add NAME $mallory_key" ||
	fail "the refusal lacks the peer add command with the cwid2 key: $err"
refusal=$err
ok cs bundle inspect "$WORK/mallory.bundle"
has "NOT enrolled here (fingerprint $mallory_fp)"
has "casewatch peer add NAME $mallory_key"
# A plain bundle says its database as well.
ok cm bundle export --plain --all -o "$WORK/mallory-plain.bundle"
refused 65 "casewatch peer add NAME $mallory_key" "$WORK/mallory-plain.bundle"
# The line typed as it stands (on a copy of the supervisor's database) enrols the laptop with
# its database, and the bundle imports.
cp -r "$S" "$WORK/sup2"
add_line=$(printf '%s\n' "$refusal" | sed -n 's/.*\(casewatch peer add NAME cwid2:[A-Za-z0-9_-]*\).*/\1/p')
ok "$CASEWATCH" --db "$WORK/sup2" $(printf '%s' "${add_line#casewatch }" | sed 's/ NAME / mallory /')
has "(fingerprint $mallory_fp, database $mallory_db)"
ok "$CASEWATCH" --db "$WORK/sup2" bundle import "$WORK/mallory.bundle"
has "signed by mallory"
# A bundle for other readers cannot say its database here (its payload stays closed): the
# refusal says so, and what to ask for, rather than offer the key alone.
fails 65 bundle cb bundle import "$WORK/mallory.bundle"
printf '%s\n' "$err" | grep -qF "not enrolled here (fingerprint $mallory_fp)" ||
	fail "the refusal lacks the fingerprint: $err"
printf '%s\n' "$err" | grep -qF "for other recipients" || fail "the refusal lacks why: $err"
printf '%s\n' "$err" | grep -qF "cwid1:" && fail "the refusal offers the key alone: $err"
# Its bundle with Alice's identity written in as the signer: the signature is not hers.
ok cm bundle export --plain --all -o "$WORK/mallory-plain-2.bundle"
"${PYTHON3:-python3}" - "$WORK/mallory-plain-2.bundle" "$WORK/swapped.bundle" "$alice_key" <<'PY'
import base64, sys
b = bytearray(open(sys.argv[1], "rb").read())
key = sys.argv[3][len("cwid1:"):]
b[10:74] = base64.urlsafe_b64decode(key + "==")[:64]
open(sys.argv[2], "wb").write(bytes(b))
PY
refused 74 "altered after it was signed" "$WORK/swapped.bundle"

# ---- for another reader, a flipped byte, cut in half --------------------------------------
ok ca bundle export --to bob --all -o "$WORK/bob.bundle"
refused 65 "is for other recipients" "$WORK/bob.bundle"
# Alice's own bundle for Bob, imported on her laptop: said to be hers, not "for others".
fails 65 "was written by this database, for other readers (1): what it holds is here already" \
	ca bundle import "$WORK/bob.bundle"
ok cs bundle inspect "$WORK/bob.bundle"
has "for 1 recipient: bob"
has "cannot open"
ok cb peer add alice "$alice_key"
ok cb bundle import "$WORK/bob.bundle"
ok ca bundle export --to supervisor,bob --all -o "$WORK/both.bundle"
"${PYTHON3:-python3}" - "$WORK/both.bundle" "$WORK/flipped.bundle" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[len(b) * 2 // 3] ^= 0x01
open(sys.argv[2], "wb").write(bytes(b))
PY
refused 74 "altered after it was signed" "$WORK/flipped.bundle"
size=$(wc -c <"$WORK/both.bundle")
head -c $((size / 2)) "$WORK/both.bundle" >"$WORK/half.bundle"
refused 74 "truncated" "$WORK/half.bundle"
# The whole one imports, on both sides it was written for.
ok cs bundle inspect "$WORK/both.bundle"
has "for 2 recipients: this database, bob"
ok cs bundle import "$WORK/both.bundle"
has "1 record changed"
ok cb bundle import "$WORK/both.bundle"
ok cs show "NagaWorld union activists" --json
json "d['notes'] == 'a correction Alice makes later' and d['editor'] == 'alice'"

# ---- a peer removed is refused, and enrolled again only on purpose ---------------------------------------------------
ok cs peer remove alice
has "refused from now on"
snap=$(db_snapshot)
refused 65 "signed by a key removed from the peers here on" "$WORK/both.bundle"
fails 65 "was removed from the peers here on" cs peer add alice "$alice_key"
ok cs peer add alice "$alice_key" --readmit
ok cs bundle import "$WORK/both.bundle"
has "0 records changed"
# Export needs enrolled peers, and says who may read it.
fails 66 to ca bundle export --to nobody -o "$WORK/x.bundle"
fails 2 to ca bundle export --all -o "$WORK/x.bundle"
checks=$((checks + 1))
[ ! -e "$WORK/x.bundle" ] || fail "a refused export left a file"
done_ok
