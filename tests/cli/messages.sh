#!/bin/sh
# Messages and exit statuses under fault: a full disk says so every time (LMDB reports a write
# the disk took only in part as "Input/output error"), a JSON export that cannot be written is
# file trouble (74), not memory (71), and no message puts a control sequence or broken UTF-8 on
# the terminal, whatever was typed or stored. The full disk is a small tmpfs in a private mount
# namespace: skipped, saying why, where that cannot be made.
. "$TESTLIB"
set -e

# ---- a full disk ------------------------------------------------------------------------
# Inside the namespace: a 1 MiB tmpfs holds the database; an import too big for it fails (the
# disk takes part of the write: LMDB says EIO), and again; with the disk then filled to the
# last block (ENOSPC), it fails once more, and so does every export. Each line of the result:
# exit status, command | stderr.
"${PYTHON3:-python3}" -c "
for i in range(3000):
    print('{\"kind\":\"person\",\"ref\":\"p-%d\",\"name\":\"person %d\",\"notes\":\"%s\"}' % (i, i, 'x' * 300))
" >"$WORK/big.jsonl"
head -n 200 "$WORK/big.jsonl" >"$WORK/medium.jsonl" # exports of it outgrow stdio's buffer
cat >"$WORK/full.sh" <<EOF
set -u
mount -t tmpfs -o size=1M tmpfs "$WORK/disk" || exit 3
D="$WORK/disk/db"
run() { "\$@" >"$WORK/full.out" 2>"$WORK/full.err"; echo "\$? \$4 \$5 | \$(tr '\n' '|' <"$WORK/full.err")"; }
"$CASEWATCH" --db "\$D" init >/dev/null || exit 4
"$CASEWATCH" --db "\$D" import "$WORK/medium.jsonl" >/dev/null || exit 5
before=\$("$CASEWATCH" --db "\$D" bundle content --digest)
run "$CASEWATCH" --db "\$D" import "$WORK/big.jsonl"
run "$CASEWATCH" --db "\$D" import "$WORK/big.jsonl"
dd if=/dev/zero of="$WORK/disk/fill" bs=4k 2>/dev/null
run "$CASEWATCH" --db "\$D" import "$WORK/big.jsonl"
run "$CASEWATCH" --db "\$D" export persons --format json -o "$WORK/disk/persons.json"
run "$CASEWATCH" --db "\$D" export persons --format csv -o "$WORK/disk/persons.csv"
run "$CASEWATCH" --db "\$D" report --week 2024-W06 --format json -o "$WORK/disk/week.json"
run "$CASEWATCH" --db "\$D" report --week 2024-W06 -o "$WORK/disk/week.md"
# standard output on the full disk: a big export fails while it writes, not at the end
for format in json csv; do
	"$CASEWATCH" --db "\$D" export persons --format \$format >"$WORK/disk/out" 2>"$WORK/full.err"
	echo "\$? export \$format | \$(tr '\n' '|' <"$WORK/full.err")"
done
rm -f "$WORK/disk/fill"
# nothing that failed left anything behind: the content is what it was, and whole
after=\$("$CASEWATCH" --db "\$D" bundle content --digest)
[ "\$before" = "\$after" ] && echo "same content" || echo "content changed"
"$CASEWATCH" --db "\$D" verify >/dev/null 2>&1 && echo "verified" || echo "verify failed"
EOF
mkdir "$WORK/disk"
if [ "$(id -u)" = 0 ] && unshare -m sh "$WORK/full.sh" >"$WORK/full.result" 2>"$WORK/full.setup"; then
	while IFS= read -r line; do
		checks=$((checks + 1))
		case $line in
		"74 "*" | casewatch: database: saving: the disk holding $WORK/disk/db is full: nothing was saved; free some space and try again|") ;;
		"74 "*" | casewatch: output: cannot write $WORK/disk/"*": the disk is full|") ;;
		"74 "*" | casewatch: output: cannot write: the disk is full|") ;;
		"same content" | "verified") ;;
		*) fail "on a full disk: $line" ;;
		esac
	done <"$WORK/full.result"
	[ "$(wc -l <"$WORK/full.result")" -eq 11 ] ||
		fail "not every step ran on the full disk: $(cat "$WORK/full.result" "$WORK/full.setup")"
	grep -q "^74 .*import" "$WORK/full.result" || fail "the import did not fail: $(cat "$WORK/full.result")"
else
	echo "SKIP (full disk): no tmpfs in a private mount namespace here (needs root): $(cat "$WORK/full.setup" 2>/dev/null)"
fi

# ---- what reaches the terminal --------------------------------------------------------------
# Typed text quoted in a message: an escape sequence shows as ^[, never as a control sequence.
ok cw init
ok cw person add --name "ចាន់ សុខា ចាន់ សុខា ចាន់ សុខា ទី១"
ok cw person add --name "ចាន់ សុខា ចាន់ សុខា ចាន់ សុខា ទី២"
fails 66 'no person matches .x^\[\[2Jy' cw timeline "$(printf 'x\033[2Jy')"
checks=$((checks + 1))
if tr -d '\n' <"$WORK/stderr" | LC_ALL=C grep -q "$(printf '[\001-\037\177]')"; then
	fail "a control character reached the terminal: $(od -c "$WORK/stderr" | head -5)"
fi
# Messages cut what they quote at a byte count: a cut inside a Khmer letter must not put
# broken UTF-8 on the terminal (the names are 80 bytes and more; the message quotes 40 and 60).
fails 65 "matches several" cw timeline "ចាន់ សុខា ចាន់ សុខា ចាន់ សុខា"
checks=$((checks + 1))
"${PYTHON3:-python3}" -c "import sys; open(sys.argv[1], 'rb').read().decode('utf-8')" "$WORK/stderr" ||
	fail "broken UTF-8 on the terminal: $(od -c "$WORK/stderr" | head -5)"
# ... and ends between two Khmer letters (never inside one, nor before a vowel sign), marked
# "…" so that the reader knows the text was cut: a date quoted with a bound of 40 bytes.
# The words are separated by zero-width spaces (U+200B), as Khmer is written.
zw=$(printf '\342\200\213')
fails 65 "since" cw list records --since "ស្នើសុំ${zw}ជួយ${zw}ការពារ${zw}ក្ដី${zw}ស្នើសុំ"
checks=$((checks + 1))
grep -qF "since: 'ស្នើសុំ${zw}ជួយ${zw}…' is not a date" "$WORK/stderr" ||
	fail "the date is not cut between letters, with …: $(cat "$WORK/stderr")"

# ---- exit statuses --------------------------------------------------------------------------
# Only the documented statuses: 0, 2, 65, 66, 71, 74, 77.
fails 2 "unknown command" cw frobnicate
fails 65 "since" cw list records --since 2024-13
fails 66 "no person matches" cw timeline Nobody
fails 74 "cannot write" cw export persons --format csv -o "$WORK/no/such/dir/x.csv"
printf 'not the passphrase\n' >"$WORK/wrong"
fails 77 "passphrase" "$CASEWATCH_BIN" --db "$DB" --passphrase-file "$WORK/wrong" list persons

done_ok
