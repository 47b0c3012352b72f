# run.sh - runs one fuzz target (tests/fuzz/local.mk builds them; fuzz.h says how).
#
#   sh run.sh check PROGRAM   what `make check` runs for each target: every file of its corpus
#                             (tests/fuzz/corpus/NAME/) once, then, when the target is built with
#                             libFuzzer, FUZZ_CHECK_SECONDS (default 3) of fuzzing from it
#   sh run.sh fuzz PROGRAM    what `make fuzz` runs: FUZZ_SECONDS (default 300) of fuzzing,
#                             its corpus growing in tests/fuzz/work/NAME/ of the build
#
# NAME is the program's name without .fuzz. An input that crashes the target is kept as
# tests/fuzz/crashes/NAME-crash-... in the build (libFuzzer's artifact) and the run fails; once
# the bug is fixed, the input goes into tests/fuzz/corpus/NAME/ so that every build replays it.
# FUZZ_ENGINE (libfuzzer or replay) and FUZZ_CORPUS (the corpus folder) come from make.
set -eu

mode=$1
prog=$2
name=$(basename "$prog" .fuzz)
corpus=${FUZZ_CORPUS:?run through make}/$name
engine=${FUZZ_ENGINE:-replay}
crashes=$(dirname "$prog")/crashes
[ -d "$corpus" ] || {
	echo "no corpus for $name: $corpus" >&2
	exit 1
}
mkdir -p "$crashes"

# libFuzzer's summary line ("Done 12345 runs in 3 second(s)") and its corpus size.
summary() {
	runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$1" | tail -1)
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9]*[a-zA-Z]*' "$1" | tail -1)
	echo "fuzz $name: ${runs:-no runs}; $cov"
}

case $mode in
check)
	work=$(mktemp -d "${TMPDIR:-/tmp}/casewatch-fuzz-$name-XXXXXX")
	trap 'rm -rf "$work"' EXIT
	# Every corpus file once: a crash found earlier stays fixed.
	status=0
	"$prog" "$corpus"/* >"$work/log" 2>&1 || status=$?
	if [ "$status" -ne 0 ]; then
		tail -60 "$work/log" >&2
		echo "fuzz $name: a corpus file fails (the last one named above)" >&2
		exit 1
	fi
	echo "fuzz $name: $(ls "$corpus" | wc -l) corpus files replayed"
	[ "$engine" = libfuzzer ] || exit 0
	# A few seconds of fuzzing from the corpus: new inputs go to the temporary folder, never
	# into the source tree.
	mkdir "$work/corpus"
	"$prog" -max_total_time="${FUZZ_CHECK_SECONDS:-3}" -timeout=10 -print_final_stats=1 \
		-artifact_prefix="$crashes/$name-" "$work/corpus" "$corpus" >"$work/log" 2>&1 ||
		status=$?
	summary "$work/log"
	if [ "$status" -ne 0 ]; then
		tail -60 "$work/log" >&2
		echo "fuzz $name: failed; the input is in $crashes/" >&2
		exit 1
	fi
	;;
fuzz)
	work=$(dirname "$prog")/work/$name
	mkdir -p "$work"
	log=$(dirname "$prog")/work/$name.log
	status=0
	"$prog" -max_total_time="${FUZZ_SECONDS:-300}" -timeout=10 -print_final_stats=1 \
		-artifact_prefix="$crashes/$name-" "$work" "$corpus" >"$log" 2>&1 || status=$?
	summary "$log"
	if [ "$status" -ne 0 ]; then
		tail -60 "$log" >&2
		echo "fuzz $name: failed; the input is in $crashes/, the log $log" >&2
		exit 1
	fi
	;;
*)
	echo "usage: run.sh check|fuzz PROGRAM" >&2
	exit 2
	;;
esac
