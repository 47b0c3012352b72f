#!/bin/sh
# Shell completion: `casewatch completion bash|zsh` prints scripts made from the table of
# commands; they name every command `casewatch --help` lists, the options each command's
# --help names and the values of choice options, and bash and zsh really complete with them
# (functions called as the shells call them, then the shells themselves in tmux).
. "$TOP_SRCDIR/tests/tui/lib.sh"
set -e

ok "$CASEWATCH_BIN" completion bash
printf '%s\n' "$out" >"$WORK/casewatch.bash"
ok "$CASEWATCH_BIN" completion zsh
printf '%s\n' "$out" >"$WORK/_casewatch"
has "#compdef casewatch"
fails 2 completion "$CASEWATCH_BIN" completion fish
fails 2 completion "$CASEWATCH_BIN" completion
# hidden: not a command for people
ok "$CASEWATCH_BIN" --help
lacks "completion"

# The files `make` installs are the same scripts.
built=$(dirname "$CASEWATCH_BIN")/completion
if [ -e "$built/casewatch" ]; then
	checks=$((checks + 1))
	cmp -s "$built/casewatch" "$WORK/casewatch.bash" || fail "completion/casewatch is stale"
	cmp -s "$built/_casewatch" "$WORK/_casewatch" || fail "completion/_casewatch is stale"
fi

# bash_complete WORDS...: what the bash function offers for the last word ("" for a new one).
bash_complete() {
	bash --norc --noprofile -c '
		source "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_casewatch
		printf "%s\n" "${COMPREPLY[@]}"' _ "$WORK/casewatch.bash" casewatch "$@"
}
# offers WORD WORDS...: completing WORDS offers WORD.
offers() {
	want=$1
	shift
	checks=$((checks + 1))
	got=$(bash_complete "$@")
	printf '%s\n' "$got" | grep -qxF -- "$want" || fail "completing '$*' does not offer '$want':
$got"
}
only() {
	want=$1
	shift
	checks=$((checks + 1))
	got=$(bash_complete "$@" | tr '\n' ' ')
	[ "$got" = "$want " ] || fail "completing '$*' offers '$got', not '$want'"
}

# Every command of the table, as --help lists it: its first word, then its second.
"$CASEWATCH_BIN" --help | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z-]*\)\( [a-z]*\)\{0,1\}  .*/\1\2/p' \
	>"$WORK/commands"
[ "$(wc -l <"$WORK/commands")" -ge 30 ] || fail "--help lists $(wc -l <"$WORK/commands") commands"
while read -r first second; do
	offers "$first" "$(printf '%s' "$first" | cut -c1-2)"
	[ -n "$second" ] && offers "$second" "$first" ""
done <"$WORK/commands"

# The options a command's --help names, for a few commands.
for c in "list" "report" "export" "log hearing" "case add" "bundle export" "audit"; do
	# shellcheck disable=SC2086
	"$CASEWATCH_BIN" $c --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$WORK/opts"
	[ "$(wc -l <"$WORK/opts")" -ge 2 ] || fail "'$c --help' names no options"
	while read -r o; do
		# shellcheck disable=SC2086
		offers "$o" $c "--"
	done <"$WORK/opts"
done
offers --no-pager list --no
offers --json show x --j

# Choice values: from the usage (--format md|html|...) and from "one of:" lines.
only "md html csv json pdf" report --format ""
only "csv json ics" export --format ""
stages=$("$CASEWATCH_BIN" log hearing --help | sed -n '/--stage/{n;s/.*one of: //p;}')
[ -n "$stages" ] || fail "no stages in 'log hearing --help'"
only "$stages" log hearing --stage ""
only "supreme" log hearing --stage su
# Whose account and the kinds of record take words too, though their help lists them in prose.
only "unknown un government media ngo own other" log hearing --view ""
only "own" list records --account ow
only "hearing" list records --kind he
only "demonstration" agenda --kind dem
# Positional words, groups, and global options before the command.
only "persons cases records" list ""
# after an option that takes no value ("[--json]" in a usage) the positional words still come
only "persons cases records" list --json ""
only "persons cases records" --no-pager list --no-pager ""
only "list" --db "$WORK/x" li
only "list" --no-pager li
only "hearing" log he
only "resolve" conflicts ""
offers --db --d
# An option that takes a file or a name: nothing of ours, so the shell lists files.
only "" export -o ""
only "" list --person ""

# zsh: the same function with compadd and _files standing in for zsh's own.
if command -v zsh >/dev/null 2>&1; then
	zsh_complete() {
		zsh -f -c '
			compdef() { :; }
			compadd() { [[ $1 == -- ]] && shift; print -rl -- "$@"; }
			_files() { print -r -- "(files)"; }
			source "$1"; shift
			words=(casewatch "$@"); CURRENT=${#words}
			_casewatch' _ "$WORK/_casewatch" "$@"
	}
	checks=$((checks + 1))
	zsh_complete "" | grep -qx "timeline" || fail "zsh: no commands"
	checks=$((checks + 1))
	[ "$(zsh_complete log hearing --stage "" | tr '\n' ' ')" = "$stages " ] ||
		fail "zsh: stages: $(zsh_complete log hearing --stage "")"
	checks=$((checks + 1))
	zsh_complete list --db x "" >/dev/null
	zsh_complete bundle "" | grep -qx "inspect" || fail "zsh: bundle"
	checks=$((checks + 1))
	[ "$(zsh_complete export -o "")" = "(files)" ] || fail "zsh: -o gives files"
	checks=$((checks + 1))
	[ "$(zsh_complete list --json "" | tr '\n' ' ')" = "persons cases records " ] ||
		fail "zsh: list --json: $(zsh_complete list --json "")"
else
	echo "zsh is not installed: its part skipped"
fi

# The shells themselves, in a terminal: Tab completes the command line.
[ -n "${TMUX_BIN:-}" ] && [ -x "$TMUX_BIN" ] || {
	echo "tmux is not installed: the interactive part skipped"
	done_ok
}
trap 'T kill-server >/dev/null 2>&1 || :; rm -rf "$WORK"' EXIT
mkdir "$WORK/bin"
ln -s "$CASEWATCH_BIN" "$WORK/bin/casewatch"
T -f /dev/null new-session -d -s cw -x 100 -y 20 \
	"env PATH='$WORK/bin:$PATH' TERM=screen PS1='bash$ ' bash --norc --noprofile -i" ||
	fail "tmux could not start a session"
wait_for 'bash$'
send "source '$WORK/casewatch.bash'" Enter
send "casewatch log he" Tab
wait_for "casewatch log hearing"
send -- "--sta" Tab
wait_for "casewatch log hearing --stage"
send C-u
if command -v zsh >/dev/null 2>&1; then
	send "exec env PATH='$WORK/bin:$PATH' PS1='zsh%% ' zsh -f" Enter
	wait_for 'zsh%'
	mkdir "$WORK/fpath"
	cp "$WORK/_casewatch" "$WORK/fpath/"
	send "fpath=('$WORK/fpath' \$fpath); autoload -U compinit; compinit -u -D" Enter
	send "casewatch bundle ins" Tab
	wait_for "casewatch bundle inspect"
	send C-u
fi
done_ok
