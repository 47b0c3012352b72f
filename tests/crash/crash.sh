# crash.sh - the crash test: writes killed with SIGKILL at random moments, CRASH_RUNS times
# (make check: 30; make crash-test: 1000). The writes: `log` a hearing, `import` of
# IMPORT_LINES people (every other one, the even-numbered, with notes that make its file over
# 1 MiB, so that it writes its pages in place: store/bulk.c; the timing below is of the first,
# an ordinary import, so a bulk one is more often killed before its end), `bundle import` of a bundle of BUNDLE_LINES people from an enrolled peer,
# `edit` of the case; a third of them from a tiny map (CASEWATCH_MAP_SIZE=65536), so that the
# map grows while they run. Each is killed after a random delay between 0 and 1 times what
# it takes when left alone (measured first), so most die in the middle and some after they
# finished. After each kill:
#   - `casewatch verify` passes;
#   - every write that was acknowledged (exited 0) is there, whole;
#   - the killed write is there whole or not at all (every person of an import or a bundle,
#     or none); once seen whole it stays;
#   - nothing else is there; the case's notes are those of the last acknowledged edit or of a
#     killed one after it.
# Every CRASH_EPOCH (20) kills the database starts again from its first state, so that it does
# not grow without end. CRASH_SEED fixes the sequence of writes and delays (not the timing).
# A failure keeps the database in tests/crash/failed-SEED-RUN of the build.
. "$TESTLIB"
. "$TOP_SRCDIR/tests/crash/common.sh"

RUNS=${CRASH_RUNS:-30}
EPOCH=${CRASH_EPOCH:-20}
SEED=${CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
TINY_MAP=65536
run=0 kind="" map="" delay=""

crash_fail() {
	keep="$PWD/tests/crash/failed-$SEED-$run"
	mkdir -p "$keep" && cp -r "$DB" "$keep/" 2>/dev/null
	fail "run $run of $RUNS (seed $SEED): $kind${map:+ ($map map)} killed after ${delay}s: $*;" \
		"the database is in $keep"
}

# Timed out rather than hanging the test on a lock a killed process left.
cwt() { timeout 60 "$CASEWATCH" --db "$DB" "$@"; }

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# start KIND N MAP: starts write N of that kind in the background (from a tiny map when MAP is
# "tiny"); its process is $pid.
start() {
	if [ "$3" = tiny ]; then
		CASEWATCH_MAP_SIZE=$TINY_MAP
		export CASEWATCH_MAP_SIZE
	fi
	[ "$1" = import ] && people "$2" "$IMPORT_LINES" imp $((($2 + 1) % 2 * 300)) >"$WORK/imp.jsonl"
	case $1 in
	log) "$CASEWATCH" --db "$DB" log hearing --case NagaWorld --date 2024-06-03 \
		--source "log-$2" >/dev/null 2>"$WORK/op.err" & ;;
	import) "$CASEWATCH" --db "$DB" import "$WORK/imp.jsonl" >/dev/null 2>"$WORK/op.err" & ;;
	bundle) "$CASEWATCH" --db "$DB" bundle import "$WORK/bundle-$2" >/dev/null \
		2>"$WORK/op.err" & ;;
	edit) "$CASEWATCH" --db "$DB" edit NagaWorld --notes "edit-$2" >/dev/null \
		2>"$WORK/op.err" & ;;
	esac
	pid=$!
	unset CASEWATCH_MAP_SIZE
}

setup

# How long each kind of write takes, left alone, from the first state.
for k in log import bundle edit; do
	for m in normal tiny; do
		restore
		t0=$(now_ms)
		start "$k" 1 "$m"
		wait "$pid" || fail "$k ($m map) fails on its own: $(cat "$WORK/op.err")"
		eval "took_${k}_$m=\$((\$(now_ms) - t0 + 1))"
	done
done
echo "crash test: $RUNS kills, seed $SEED; alone, a log takes ${took_log_normal} ms, an import" \
	"${took_import_normal} ms (${took_import_tiny} ms from a tiny map), a bundle import" \
	"${took_bundle_normal} ms, an edit ${took_edit_normal} ms"

awk -v n="$RUNS" -v seed="$SEED" 'BEGIN {
	srand(seed)
	for (i = 0; i < n; i++)
		print int(rand() * 100), int(rand() * 1000), int(rand() * 3)
}' >"$WORK/plan"

killed=0 finished=0 committed=0
while read -r pick when tiny; do
	if [ $((run % EPOCH)) -eq 0 ]; then
		restore
		: >"$WORK/expect"
		next_bundle=1 edit_last="" edit_maybe=""
	fi
	run=$((run + 1))
	if [ "$pick" -lt 30 ]; then
		kind=log
	elif [ "$pick" -lt 55 ]; then
		kind=import
	elif [ "$pick" -lt 75 ] && [ "$next_bundle" -le "$BUNDLES" ]; then
		kind=bundle
	elif [ "$pick" -lt 75 ]; then
		kind=import
	else
		kind=edit
	fi
	map=normal
	[ "$tiny" -eq 0 ] && map=tiny
	eval "took=\$took_${kind}_$map"
	ms=$((took * when / 1000))
	delay=$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))
	n=$run
	[ "$kind" = bundle ] && n=$next_bundle
	start "$kind" "$n" "$map"
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	status=0
	wait "$pid" 2>/dev/null || status=$?
	case $status in
	0) state=acked finished=$((finished + 1)) ;;
	137) state=maybe killed=$((killed + 1)) ;;
	*) crash_fail "it failed by itself (status $status): $(cat "$WORK/op.err")" ;;
	esac
	case $kind in
	log) echo "log-$n $state 1" >>"$WORK/expect" ;;
	import) echo "imp-$n $state $IMPORT_LINES" >>"$WORK/expect" ;;
	bundle)
		echo "bun-$n $state $BUNDLE_LINES" >>"$WORK/expect"
		next_bundle=$((next_bundle + 1))
		;;
	edit)
		if [ "$state" = acked ]; then
			edit_last="edit-$n" edit_maybe=""
		else
			edit_maybe="$edit_maybe edit-$n"
		fi
		;;
	esac

	# What must hold after the kill.
	cwt verify >"$WORK/verify" 2>&1 || crash_fail "verify fails: $(cat "$WORK/verify")"
	markers "$WORK/have"
	: >"$WORK/expect.next"
	while read -r marker want lines; do
		got=$(count "$marker" "$WORK/have")
		if [ "$want" = acked ] && [ "$got" -ne "$lines" ]; then
			crash_fail "$marker was acknowledged, but $got of its $lines records are there"
		fi
		if [ "$got" -ne 0 ] && [ "$got" -ne "$lines" ]; then
			crash_fail "$marker is there in part: $got of its $lines records"
		fi
		# Seen whole once, it must stay.
		if [ "$got" -eq "$lines" ] && [ "$want" = maybe ]; then
			want=acked committed=$((committed + 1))
		fi
		echo "$marker $want $lines" >>"$WORK/expect.next"
	done <"$WORK/expect"
	mv "$WORK/expect.next" "$WORK/expect"
	edit_now=""
	while read -r marker got; do
		case $marker in
		edit-*) edit_now=$marker ;;
		*) grep -q "^$marker " "$WORK/expect" || crash_fail "$marker is there, unasked" ;;
		esac
	done <"$WORK/have"
	case " $edit_last $edit_maybe " in
	*" $edit_now "*) ;;
	*) [ -z "$edit_now" ] && [ -z "$edit_last" ] ||
		crash_fail "the case's notes are '$edit_now'; wanted $edit_last or one of$edit_maybe" ;;
	esac
	# A killed edit seen done is the one to expect from now on.
	if [ -n "$edit_now" ] && [ "$edit_now" != "$edit_last" ]; then
		edit_last=$edit_now edit_maybe="" committed=$((committed + 1))
	fi
	checks=$((checks + 1))
done <"$WORK/plan"

echo "crash test: $run writes: $killed killed while they ran ($committed of them after their" \
	"commit), $finished finished first; verify passed and nothing acknowledged was lost after each"
done_ok
