#!/bin/sh
# In Khmer, at 80 columns, what is typed at a prompt of the status line (m's merge, W's week,
# c's caption) shows right after its label, placed by the label's display width: by its bytes
# (three a Khmer letter) the typing went past the screen's right edge, unseen. A y/N question
# takes the Khmer keyboard's y key (យ) as yes.
. "$(dirname "$0")/lib.sh"
set -e

need_khmer

ok cw init
ok cw person add --name "Chhim Sithar"
ok cw person add --name "Sok Dara"
ok cw case add --title "NagaWorld strike" --defendant "Chhim Sithar" --charge 494/495
ok cw log hearing --case NagaWorld --date 2024-05-02 --outcome adjourned
printf 'the summons\n' >"$WORK/summons.txt"
hearing=$(cw list records --json | "${PYTHON3:-python3}" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
ok cw attach "$hearing" "$WORK/summons.txt" --caption "served at dawn"

export LC_ALL=C.UTF-8 LANGUAGE=km
merge=$(km "Merge into (name or id): ")
week=$(km "Week (Enter writes it): ")
caption=$(km "Caption (Enter saves; empty: none): ")
[ "$merge" != "Merge into (name or id): " ] || fail "the catalogue does not translate the merge prompt"

# bottom LABEL TEXT: the last line of the last screen dumped is LABEL then TEXT.
bottom() {
	checks=$((checks + 1))
	last=$(printf '%s\n' "$out" | grep -v '^-- end of screen --$' | tail -n 1)
	case $last in
	"$1$2"*) ;;
	*) fail "the prompt's line is not '$1$2':
$last" ;;
	esac
}

keys '2m<C-u>Sok Dara<Dump>'
bottom "$merge" "Sok Dara"
keys '2m<C-u>សុខ ដារ៉ា<Dump>'
bottom "$merge" "សុខ ដារ៉ា"
keys 'W<C-u>2024-W18<Dump>'
bottom "$week" "2024-W18"
keys '3<Enter>ac<C-u>ដីកាកោះ<Dump>'
bottom "$caption" "ដីកាកោះ"
# A y/N question answered with the y key of a Khmer keyboard, which types យ: yes (it read as
# no, and nothing was done).
ok cw person add --name "Delete Me"
keys '2/Delete Me<Enter>dយ'
ok cw list people --json
json "not any(p['name'] == 'Delete Me' for p in d)"
ok cw person add --name "Keep Me"
keys '2/Keep Me<Enter>dន'
ok cw list people --json
json "any(p['name'] == 'Keep Me' for p in d)"
done_ok
