#!/bin/sh
# i18n.sh - every string a user reads is marked for translation, and the catalogues are valid.
#
# 1. Every .c file of the folders with text for people is in po/POTFILES.in (else xgettext
#    never sees its strings).
# 2. Every catalogue in po/ passes msgfmt -c (formats match their msgid, header complete).
# 3. No string literal goes straight to an output function: xgettext, with only the output
#    functions as keywords (printf, fprintf, fputs, puts, snprintf, the curses writers,
#    cw_screen_put, the detail view's add_line, verify's problem, ...), extracts the literals
#    passed to them as they are; one written _("...") is a call, not a literal, so it is not
#    extracted. A literal with no word in it ("%s\n", " | ") needs no translation; the rest
#    must be marked or be in tests/i18n-allow.txt with the reason they stay as they are.
#    Strings given to cw_error_set, cw_app_status and cw_store_lmdb_error are translated by
#    those functions themselves (po/Makevars), so they are not checked here.
set -u
: "${TOP_SRCDIR:?run through make check}"
cd "$TOP_SRCDIR" || exit 99
command -v xgettext >/dev/null && command -v msgfmt >/dev/null || {
	echo "SKIP: gettext's xgettext and msgfmt are needed (apt-get install gettext)"
	exit 77
}
PY=${PYTHON3:-python3}
command -v "$PY" >/dev/null || {
	echo "SKIP: python3 not found"
	exit 77
}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/casewatch-i18n-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
status=0

# 1. POTFILES.in lists every source file with text for people.
grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort >"$WORK/listed"
# .c files, and headers with marked strings (tables in macros: tui/keys.h).
{
	find models store app seed report tui cli -name '*.c'
	grep -l 'N_("\|[^N]_("' $(find models store app seed report tui cli -name '*.h') 2>/dev/null |
		grep -v '^models/i18n.h$'
} | sort >"$WORK/present"
missing=$(comm -13 "$WORK/listed" "$WORK/present")
if [ -n "$missing" ]; then
	echo "FAIL: not in po/POTFILES.in (add them):" $missing
	status=1
fi
gone=$(comm -23 "$WORK/listed" "$WORK/present")
if [ -n "$gone" ]; then
	echo "FAIL: po/POTFILES.in names files that do not exist:" $gone
	status=1
fi

# 2. The catalogues are valid.
for po in po/*.po; do
	msgfmt -c -o /dev/null "$po" 2>"$WORK/msgfmt" || {
		echo "FAIL: msgfmt -c $po:"
		cat "$WORK/msgfmt"
		status=1
	}
done

# 2b. The Khmer catalogue is whole, as the README says: no message left fuzzy (an older
#     translation msgmerge guessed) or untranslated, and the README's count is msgfmt's.
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null po/km.po 2>&1)
case $stats in
*fuzzy* | *untranslated*)
	echo "FAIL: po/km.po is not whole: $stats"
	status=1
	;;
esac
translated=$(printf '%s\n' "$stats" | sed -n 's/^\([0-9]*\) translated message.*/\1/p')
grep -q "Translated: $translated of $translated msgids" README.md || {
	echo "FAIL: README.md does not say \"Translated: $translated of $translated msgids\" ($stats)"
	status=1
}

# 3. No unmarked literal reaches an output function, in every folder with text for people
CHECKED=${I18N_CHECKED:-models store app seed report tui cli}
find $CHECKED -name '*.c' | sort >"$WORK/checked"
xgettext -k --from-code=UTF-8 --no-wrap -o "$WORK/unmarked.pot" -f "$WORK/checked" \
	-kprintf:1 -kfprintf:2 -kdprintf:2 -kvfprintf:2 -kfputs:1 -kputs:1 -ksnprintf:3 \
	-kprintw:1 -kwprintw:2 -kmvprintw:3 -kmvwprintw:4 -kaddstr:1 -kwaddstr:2 -kmvaddstr:3 \
	-kmvwaddstr:4 -kaddnstr:1 -kwaddnstr:2 -kmvaddnstr:3 -kmvwaddnstr:4 \
	-kcw_screen_put:4 -kadd_line:2 -kproblem:2 -kdamaged:2 -kcw_print_safe:2 -kPUT:2 \
	-kcw_text_printf:1 -kasprintf:2 \
	2>"$WORK/xgettext" || {
	echo "FAIL: xgettext:"
	cat "$WORK/xgettext"
	exit 1
}
[ -f "$WORK/unmarked.pot" ] || : >"$WORK/unmarked.pot"
"$PY" - "$WORK/unmarked.pot" tests/i18n-allow.txt <<'EOF' || status=1
import ast, re, sys

pot, allow_file = sys.argv[1], sys.argv[2]
allowed, allowed_files = set(), set()
for line in open(allow_file, encoding="utf-8"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    what = line.split("  #", 1)[0].strip()
    if what.startswith("FILE "):
        allowed_files.add(what[5:].strip())
    else:
        allowed.add(ast.literal_eval(what))

# The entries of a .pot: the msgid (its "..." lines joined) and its "#: file:line" references.
entries, refs, msgid, in_id = [], [], None, False
for line in open(pot, encoding="utf-8"):
    if line.startswith("#:"):
        refs += line[2:].split()
    elif line.startswith("msgid "):
        msgid, in_id = ast.literal_eval(line[6:].strip()), True
    elif line.startswith('"') and in_id:
        msgid += ast.literal_eval(line.strip())
    elif line.startswith("msgstr"):
        in_id = False
        if msgid:
            entries.append((msgid, refs))
        refs, msgid = [], None

directive = re.compile(r"%[-+ #0-9.*]*(hh|h|ll|l|z|j|t|L)?[a-zA-Z]")
# Markup is not words: HTML tags and entities ("<th>", "&amp;").
markup = re.compile(r"<[^<>]*>|&[a-z]+;")
bad = 0
for msgid, refs in entries:
    words = markup.sub("", directive.sub("", msgid))
    if not re.search(r"[A-Za-z]{2,}", words) or msgid in allowed:
        continue
    where = [r for r in refs if r.rsplit(":", 1)[0] not in allowed_files]
    if not where:
        continue
    bad += 1
    print("FAIL: not marked for translation: %r at %s" % (msgid, " ".join(where)))
if bad:
    print("%d strings: write _(\"...\") (N_ in tables), or add them to tests/i18n-allow.txt "
          "with the reason they are not for people" % bad)
sys.exit(1 if bad else 0)
EOF
# 4. No bare gettext or ngettext: they look in the default text domain, which holds none of
#    casewatch's strings, so what they give stays English whatever the reader's language (a
#    Khmer report kept "(7 unnamed)"); _ and P_ look in casewatch's (models/i18n.h). Comments
#    aside.
bare=$(grep -nE '(^|[^a-z_])n?gettext *\(' $(cat "$WORK/checked") |
	sed 's#/\*.*##' | grep -E '^[^:]*:[0-9]+:[^*]*(^|[^a-z_])n?gettext *\(' | grep -vE '^[^:]*:[0-9]+:[[:space:]]*\*')
if [ -n "$bare" ]; then
	echo "FAIL: a bare gettext or ngettext (write _(...) or P_(...)):"
	printf '%s\n' "$bare"
	status=1
fi

[ "$status" -eq 0 ] && echo "i18n: POTFILES.in complete, catalogues valid, every output string marked"
exit "$status"
