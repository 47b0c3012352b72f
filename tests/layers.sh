#!/bin/sh
# layers.sh - the include lines follow the layers, and no two units include each other.
#
#   models <- store <- {report, app, seed} <- tui <- cli
#
# A file may include headers of its own folder and of folders below it, never of a folder above
# it or of a sibling at its own level (report, app and seed do not know each other). A unit is a
# .c file with its .h; two units that include each other (directly or round a longer loop) are
# one concept split in two, or need a third, lower unit: tsort finds such loops.
set -eu
top=${TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$top"

level() {
	case $1 in
	models) echo 0 ;;
	store) echo 1 ;;
	report | app | seed) echo 2 ;;
	tui) echo 3 ;;
	cli) echo 4 ;;
	*) echo 9 ;; # bench/, tests/: clients of every layer, checked for loops only
	esac
}

bad=0
pairs=$(mktemp)
trap 'rm -f "$pairs"' EXIT
for f in models/*.[ch] store/*.[ch] report/*.[ch] app/*.[ch] seed/*.[ch] tui/*.[ch] cli/*.[ch] \
	bench/*.[ch]; do
	[ -f "$f" ] || continue
	dir=${f%%/*}
	unit=${f%.[ch]}
	unit=${unit%_internal} # store_internal.h is part of store.c's unit, sync_internal.h of sync.h's
	sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f" | while read -r inc; do
		[ "$inc" = config.h ] && continue
		case $inc in
		*/*) ;;
		*)
			echo "$f: #include \"$inc\": write the folder (\"$dir/$inc\")"
			echo x >>"$pairs.bad"
			continue
			;;
		esac
		idir=${inc%%/*}
		if [ "$idir" != "$dir" ]; then
			lf=$(level "$dir")
			li=$(level "$idir")
			if [ "$li" -ge "$lf" ]; then
				echo "$f: #include \"$inc\": $idir/ is not below $dir/"
				echo x >>"$pairs.bad"
			fi
		fi
		iunit=${inc%.h}
		iunit=${iunit%_internal}
		if [ "$iunit" != "$unit" ]; then
			echo "$unit $iunit" >>"$pairs"
		fi
	done
done
if [ -s "$pairs.bad" ]; then
	bad=1
fi
rm -f "$pairs.bad"
if ! tsort "$pairs" >/dev/null 2>"$pairs.loop"; then
	echo "units that include each other:"
	grep -v 'input contains a loop' "$pairs.loop" | sed 's/^tsort: /  /'
	bad=1
fi
rm -f "$pairs.loop"
if [ "$bad" -eq 0 ]; then
	echo "layers: every include goes down"
fi
exit "$bad"
