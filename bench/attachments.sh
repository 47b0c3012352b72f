#!/bin/sh
# bench/attachments.sh - what photos cost (issue 17): N files of SIZE MiB of random bytes (as
# incompressible as JPEG) attached to records of an encrypted database, in batches of BATCH per
# command (one write transaction each), then the database's size, `attachments`, `verify`, an
# encrypted bundle of everything exported and imported into a second database, `open -o` of
# one file, a detach (which clears the freed pages: a pass over the whole file), and `compact`.
#
#   sh bench/attachments.sh CASEWATCH [N [SIZE_MIB [BATCH]]]     (make bench-attachments)
#
# Works in a folder under $TMPDIR (removed at the end; it needs about 4 x N x SIZE MiB of free
# disk) and prints a Markdown table of wall-clock times (one run each: these are seconds-long
# steps dominated by writing the bytes) and sizes, and peak RSS where GNU time is there.
set -eu

if [ $# -lt 1 ]; then
	echo "usage: sh bench/attachments.sh CASEWATCH [N [SIZE_MIB [BATCH]]]" >&2
	exit 2
fi
cw_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
n=${2:-1000}
size_mib=${3:-3}
batch=${4:-100}
work=$(mktemp -d "${TMPDIR:-/tmp}/casewatch-bench-attach-XXXXXX")
trap 'rm -rf "$work"' EXIT
export CASEWATCH_AUTHOR="bench" XDG_CONFIG_HOME="$work/config"
printf 'bench passphrase\n' >"$work/pass"
A="$work/a" B="$work/b"
a() { "$cw_bin" --db "$A" --passphrase-file "$work/pass" "$@"; }
b() { "$cw_bin" --db "$B" --passphrase-file "$work/pass" "$@"; }
now() { date +%s.%N; }
# step NAME DB ARGS...: runs casewatch on DB with ARGS, adds "| NAME | seconds | peak RSS |".
rows=""
have_time=0
[ -x /usr/bin/time ] && /usr/bin/time -f %M true 2>/dev/null && have_time=1
step() {
	name=$1 db=$2
	shift 2
	t0=$(now)
	if [ "$have_time" = 1 ]; then
		/usr/bin/time -f %M -o "$work/rss" "$cw_bin" --db "$db" --passphrase-file \
			"$work/pass" "$@" >"$work/out" 2>"$work/err" ||
			{ cat "$work/err" >&2; exit 1; }
		rss="$(($(cat "$work/rss") / 1024)) MiB"
	else
		"$cw_bin" --db "$db" --passphrase-file "$work/pass" "$@" >"$work/out" \
			2>"$work/err" || { cat "$work/err" >&2; exit 1; }
		rss="-"
	fi
	t1=$(now)
	secs=$(echo "$t1 - $t0" | bc)
	rows="$rows| $name | $(printf '%.2f' "$secs") s | $rss |
"
	echo "bench-attachments: $name: $(printf '%.2f' "$secs") s" >&2
}
mib() { echo "$(($(stat -c %s "$1") / 1048576)) MiB"; }

a init --kdf-cost minimal --new-passphrase-file "$work/pass" >/dev/null
b init --kdf-cost minimal --new-passphrase-file "$work/pass" >/dev/null
a peer add sup "$(b identity --key)" >/dev/null
b peer add field "$(a identity --key)" >/dev/null
a person add --name "Bench Person" >/dev/null
a case add --title "Bench case" --defendant "Bench Person" --charge 494 >/dev/null
person=$(a list persons --json | sed -n 's/.*"id": *"\([0-9a-f]*\)".*/\1/p' | head -1)

mkdir -p "$work/photos"
echo "bench-attachments: making $n files of $size_mib MiB" >&2
i=0
while [ "$i" -lt "$n" ]; do
	{ printf '\377\330\377\340'; head -c $((size_mib * 1048576 - 4)) /dev/urandom; } \
		>"$work/photos/IMG_$i.jpg"
	i=$((i + 1))
done
sync

# Attaching: BATCH files a command, each command one transaction.
t0=$(now)
i=0
while [ "$i" -lt "$n" ]; do
	files=""
	j=$i
	while [ "$j" -lt $((i + batch)) ] && [ "$j" -lt "$n" ]; do
		files="$files $work/photos/IMG_$j.jpg"
		j=$((j + 1))
	done
	# shellcheck disable=SC2086
	a attach "$person" $files --caption "register page" >/dev/null
	i=$j
done
t1=$(now)
attach_secs=$(echo "$t1 - $t0" | bc)
rows="| attach $n files ($batch a command) | $(printf '%.2f' "$attach_secs") s ($(echo "scale=1; $attach_secs * 1000 / $n" | bc) ms a file) | - |
"
{ printf '\377\330\377\340'; head -c $((size_mib * 1048576 - 4)) /dev/urandom; } >"$work/extra.jpg"
step "attach 1 more file (to the full database)" "$A" attach "$person" "$work/extra.jpg"
files_mib=$((n * size_mib))
db_size=$(mib "$A/data.mdb")
step "attachments (list $((n + 1)))" "$A" attachments "$person"
step "verify (reads and hashes every part)" "$A" verify
step "bundle export --all, encrypted" "$A" bundle export --to sup --all -o "$work/all.bundle"
bundle_size=$(mib "$work/all.bundle")
step "bundle import (second database)" "$B" bundle import "$work/all.bundle"
b_size=$(mib "$B/data.mdb")
step "bundle export --all --no-attachments" "$A" bundle export --to sup --all --no-attachments \
	-o "$work/bare.bundle"
bare_size=$(stat -c %s "$work/bare.bundle")
one=$(a attachments "$person" --json | sed -n 's/.*"id": *"\([0-9a-f]*\)".*/\1/p' | sed -n 2p)
step "open -o of one file" "$A" open "$one" -o "$work/one.jpg"
step "detach one file (clears freed pages: reads the whole file)" "$A" detach "$one"
step "compact" "$A" compact
after=$(mib "$A/data.mdb")

echo "Files: $n x $size_mib MiB = $files_mib MiB of random bytes; encrypted databases."
echo
echo "| step | time | peak RSS |"
echo "|---|---:|---:|"
printf '%s' "$rows"
echo
echo "| size | |"
echo "|---|---:|"
echo "| the files | $files_mib MiB |"
echo "| data.mdb after attaching | $db_size |"
echo "| bundle of everything (encrypted) | $bundle_size |"
echo "| bundle --no-attachments | $((bare_size / 1024)) KiB |"
echo "| data.mdb of the database that imported it | $b_size |"
echo "| data.mdb after detaching one and compact | $after |"
