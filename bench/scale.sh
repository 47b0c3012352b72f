#!/bin/sh
# bench/scale.sh - the benchmark at several sizes, and one Markdown table with a column per size,
# to show how each figure grows (make bench-scale: 20,000, 200,000 and 1,000,000 monitoring
# records).
#
#   sh bench/scale.sh BENCH CASEWATCH "SIZES" [BENCH OPTIONS...]
#
# runs `BENCH --casewatch CASEWATCH --events N OPTIONS` for each size in SIZES, one after the
# other (two at once would disturb each other's figures), keeps each run's own table in
# bench-scale-N.txt and its progress in bench-scale-N.log, and prints the combined table, which
# it also writes to bench-scale.md, all in the current directory. A size whose run failed shows
# "-" in its column; the exit status is then 1.
set -eu

if [ $# -lt 3 ]; then
	echo "usage: sh bench/scale.sh BENCH CASEWATCH \"SIZES\" [BENCH OPTIONS...]" >&2
	exit 2
fi
bench=$1
casewatch=$2
sizes=$3
shift 3

tsv="bench-scale.tsv"
: >"$tsv"
status=0
for n in $sizes; do
	echo "bench-scale: $n monitoring records: $bench --casewatch $casewatch --events $n $*" >&2
	if ! "$bench" --casewatch "$casewatch" --events "$n" --tsv "$tsv" "$@" \
		>"bench-scale-$n.txt" 2>"bench-scale-$n.log"; then
		echo "bench-scale: the run at $n failed or its answers differ: bench-scale-$n.txt," \
			"bench-scale-$n.log" >&2
		status=1
	fi
done

# Rows in the order of the first run's table; per figure a casewatch row, an SQLite row and a
# "casewatch is" row, with a column per size.
awk -F '\t' -v sizes="$sizes" -v opts="$*" '
function commas(n,   s) {
	s = ""
	while (length(n) > 3) {
		s = "," substr(n, length(n) - 2) s
		n = substr(n, 1, length(n) - 3)
	}
	return n s
}
{
	if (!($2 in seen)) {
		seen[$2] = 1
		order[++nfig] = $2
	}
	cw[$2, $1] = $3
	sql[$2, $1] = $4
	is[$2, $1] = $5
}
function cell(v) {
	return v == "" ? "-" : v
}
function line(fig, side, arr,   out, i) {
	out = "| " fig " | " side " |"
	for (i = 1; i <= nsize; i++)
		out = out " " cell(arr[figname, size[i]]) " |"
	print out
}
END {
	nsize = split(sizes, size, " ")
	printf "Each column is one run of `bench --casewatch CASEWATCH --events N%s`," \
	    " one after the other.\n\n", opts == "" ? "" : " " opts
	head = "| figure | |"
	rule = "|---|---|"
	for (i = 1; i <= nsize; i++) {
		head = head " " commas(size[i]) " |"
		rule = rule "---:|"
	}
	print head
	print rule
	for (f = 1; f <= nfig; f++) {
		figname = order[f]
		if (figname == "answers") {
			line("answers of the two engines", "", cw)
			continue
		}
		line(figname, "casewatch", cw)
		line("", "SQLite", sql)
		line("", "casewatch is", is)
	}
}' "$tsv" | tee bench-scale.md
exit $status
