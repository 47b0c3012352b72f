/* keys.c - the key table; see keys.h. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/i18n.h"
#include "tui/keys.h"
#include "models/text.h"

#define V    CW_CTX_VIEWS
#define L    CW_CTX_LIST
#define T    CW_CTX_TIMELINE
#define R    CW_CTX_RECORD
#define HP   CW_CTX_HELP
#define F    CW_CTX_FORM
#define E    CW_CTX_EDIT
#define X_   CW_CTX_CONFLICTS
#define K    CW_CTX_LOCK
#define W    CW_CTX_WHICH
#define C(c) CW_KEY_CTRL(c)

const struct cw_binding cw_bindings[] = {
	{V, 'j', CW_ACT_DOWN},
	{V, CW_FN(KEY_DOWN), CW_ACT_DOWN},
	{V, 'k', CW_ACT_UP},
	{V, CW_FN(KEY_UP), CW_ACT_UP},
	{V, 'g', CW_ACT_TOP},
	{V, CW_FN(KEY_HOME), CW_ACT_TOP},
	{V, 'G', CW_ACT_BOTTOM},
	{V, CW_FN(KEY_END), CW_ACT_BOTTOM},
	{V, C('f'), CW_ACT_PAGE_DOWN},
	{V, CW_FN(KEY_NPAGE), CW_ACT_PAGE_DOWN},
	{V, C('b'), CW_ACT_PAGE_UP},
	{V, CW_FN(KEY_PPAGE), CW_ACT_PAGE_UP},
	{L, '\t', CW_ACT_NEXT_TAB},
	{L, CW_FN(KEY_RIGHT), CW_ACT_NEXT_TAB},
	{L, CW_FN(KEY_BTAB), CW_ACT_PREV_TAB},
	{L, CW_FN(KEY_LEFT), CW_ACT_PREV_TAB},
	{L, '1', CW_ACT_TAB_CASES},
	{L, '2', CW_ACT_TAB_PEOPLE},
	{L, '3', CW_ACT_TAB_RECORDS},
	{L, '4', CW_ACT_TAB_AGENDA},
	{L, '5', CW_ACT_TAB_DRAFTS},
	{L | T, '\r', CW_ACT_OPEN},
	{L | T, '\n', CW_ACT_OPEN},
	{L | T, CW_FN(KEY_ENTER), CW_ACT_OPEN},
	{L | R, 't', CW_ACT_TIMELINE},
	{T | R | X_, CW_KEY_ESC, CW_ACT_BACK},
	{T | R | X_, 'h', CW_ACT_BACK},
	{T | R | X_, CW_FN(KEY_LEFT), CW_ACT_BACK},
	{T | R | X_, CW_FN(KEY_BACKSPACE), CW_ACT_BACK},
	{HP, CW_KEY_ESC, CW_ACT_BACK},
	{HP, 'q', CW_ACT_BACK},
	{HP, '?', CW_ACT_BACK},
	{L, '/', CW_ACT_FILTER},
	{L, CW_KEY_ESC, CW_ACT_FILTER_CLEAR},
	{L, 'i', CW_ACT_QUICK_INCITEMENT},
	{L, 'b', CW_ACT_QUICK_LESE_MAJESTE},
	{L | T | R, 'H', CW_ACT_NEW_HEARING},
	{L | T | R, 'Q', CW_ACT_QUICK_HEARING},
	{L | T | R, 'u', CW_ACT_UNDO},
	{L | T, 'm', CW_ACT_MERGE_PERSON},
	{L | T | R, 'V', CW_ACT_NEW_VISIT},
	{L | T | R, 'D', CW_ACT_NEW_DEMO},
	{L | T | R, 'M', CW_ACT_NEW_MILESTONE},
	{L | T | R, 'I', CW_ACT_NEW_INCIDENT},
	{L, 'P', CW_ACT_NEW_PERSON},
	{L, 'C', CW_ACT_NEW_CASE},
	{L | T | R, 'e', CW_ACT_EDIT},
	{L | T | R, 'd', CW_ACT_DELETE},
	{R, 'a', CW_ACT_NEXT_ATTACHMENT},
	{R, 'o', CW_ACT_OPEN_ATTACHMENT},
	{R, 'c', CW_ACT_CAPTION_ATTACHMENT},
	{L | T | R | X_, C('l'), CW_ACT_REFRESH},
	{L | T | R | X_, 'R', CW_ACT_REFRESH},
	{L | T | R, 'W', CW_ACT_REPORT_WEEK},
	{L | T | R, 'X', CW_ACT_CONFLICTS},
	{L | T | R, '!', CW_ACT_WARNINGS},
	{X_, '\r', CW_ACT_KEEP_VERSION},
	{X_, '\n', CW_ACT_KEEP_VERSION},
	{X_, CW_FN(KEY_ENTER), CW_ACT_KEEP_VERSION},
	{V, 'L', CW_ACT_LOCK},
	/* From anywhere, a form included, where L is a letter typed (tui.c, handle_key). */
	{V | F, CW_FN(KEY_F(12)), CW_ACT_LOCK},
	{L | T | R | X_, '?', CW_ACT_HELP},
	{L | T | R | X_, 'q', CW_ACT_QUIT},
	{L | T | R | X_ | K, C('c'), CW_ACT_QUIT},
	{F, '\t', CW_ACT_NEXT_FIELD},
	{F, CW_FN(KEY_DOWN), CW_ACT_NEXT_FIELD},
	{F, CW_FN(KEY_BTAB), CW_ACT_PREV_FIELD},
	{F, CW_FN(KEY_UP), CW_ACT_PREV_FIELD},
	{F, '\r', CW_ACT_ENTER},
	{F, '\n', CW_ACT_ENTER},
	{F, CW_FN(KEY_ENTER), CW_ACT_ENTER},
	{F, C('s'), CW_ACT_SAVE},
	{F, CW_FN(KEY_F(2)), CW_ACT_SAVE},
	{F, CW_KEY_ESC, CW_ACT_CANCEL},
	{F, C('c'), CW_ACT_CANCEL},
	{F, C('o'), CW_ACT_EDITOR},
	{F | W, CW_FN(KEY_F(1)), CW_ACT_FORM_HELP},
	{F, C('g'), CW_ACT_GO_TO_FIELD},
	{F, C('t'), CW_ACT_SAVE_DRAFT},
	{F, CW_FN(KEY_F(3)), CW_ACT_SAVE_DRAFT},
	{CW_CTX_CHOICE | CW_CTX_TOGGLE, ' ', CW_ACT_CHOICE_NEXT},
	{CW_CTX_CHOICE | CW_CTX_TOGGLE, CW_FN(KEY_RIGHT), CW_ACT_CHOICE_NEXT},
	{CW_CTX_CHOICE | CW_CTX_TOGGLE, CW_FN(KEY_LEFT), CW_ACT_CHOICE_PREV},
	{CW_CTX_TOGGLE, 'y', CW_ACT_ANSWER_YES},
	{CW_CTX_TOGGLE, 'n', CW_ACT_ANSWER_NO},
	{CW_CTX_TOGGLE, 'a', CW_ACT_ANSWER_NA},
	{CW_CTX_TOGGLE, 'u', CW_ACT_ANSWER_UNKNOWN},
	{CW_CTX_PICKER, C('n'), CW_ACT_PICK_NEXT},
	{CW_CTX_PICKER, C('p'), CW_ACT_PICK_PREV},
	/* A form's list of the people a name matches: only these keys while it is open. */
	{W, CW_FN(KEY_DOWN), CW_ACT_DOWN},
	{W, C('n'), CW_ACT_DOWN},
	{W, CW_FN(KEY_UP), CW_ACT_UP},
	{W, C('p'), CW_ACT_UP},
	{W, '\r', CW_ACT_WHICH_TAKE},
	{W, '\n', CW_ACT_WHICH_TAKE},
	{W, CW_FN(KEY_ENTER), CW_ACT_WHICH_TAKE},
	{W, CW_KEY_ESC, CW_ACT_WHICH_BACK},
	{W, C('c'), CW_ACT_WHICH_BACK},
	{CW_CTX_PROMPT, '\r', CW_ACT_APPLY},
	{CW_CTX_PROMPT, '\n', CW_ACT_APPLY},
	{CW_CTX_PROMPT, CW_FN(KEY_ENTER), CW_ACT_APPLY},
	{CW_CTX_PROMPT, CW_KEY_ESC, CW_ACT_DISMISS},
	{E, CW_FN(KEY_LEFT), CW_ACT_CURSOR_LEFT},
	{E, CW_FN(KEY_RIGHT), CW_ACT_CURSOR_RIGHT},
	{E, CW_FN(KEY_HOME), CW_ACT_LINE_START},
	{E, C('a'), CW_ACT_LINE_START},
	{E, CW_FN(KEY_END), CW_ACT_LINE_END},
	{E, C('e'), CW_ACT_LINE_END},
	{E | K, CW_FN(KEY_BACKSPACE), CW_ACT_BACKSPACE},
	{E | K, 127, CW_ACT_BACKSPACE},
	{E | K, C('h'), CW_ACT_BACKSPACE},
	{E, CW_FN(KEY_DC), CW_ACT_DELETE_CHAR},
	{E, C('d'), CW_ACT_DELETE_CHAR},
	{E | K, C('u'), CW_ACT_KILL_LINE},
	/* The lock screen: letters are the passphrase, so no letter is a command there. */
	{K, '\r', CW_ACT_UNLOCK},
	{K, '\n', CW_ACT_UNLOCK},
	{K, CW_FN(KEY_ENTER), CW_ACT_UNLOCK},
	{E, C('w'), CW_ACT_KILL_WORD},
};
const size_t cw_nbindings = sizeof cw_bindings / sizeof cw_bindings[0];

static const char *const action_names[] = {"NONE",
#define CW_ACTION_NAME(id, help) #id,
					   CW_ACTIONS(CW_ACTION_NAME)
#undef CW_ACTION_NAME
};

static const char *const action_helps[] = {"",
#define CW_ACTION_HELP(id, help) help,
					   CW_ACTIONS(CW_ACTION_HELP)
#undef CW_ACTION_HELP
};

int cw_key_says_yes(int key)
{
	return key == 'y' || key == 'Y' || key == 0x1799; /* U+1799 KHMER LETTER YO */
}

enum cw_action cw_keys_lookup(unsigned ctx, int key)
{
	for (size_t i = 0; i < cw_nbindings; i++)
		if ((cw_bindings[i].ctx & ctx) && cw_bindings[i].key == key)
			return cw_bindings[i].action;
	return CW_ACT_NONE;
}

const char *cw_action_name(enum cw_action a)
{
	return (unsigned)a < CW_ACT_COUNT ? action_names[a] : "?";
}

const char *cw_action_help(enum cw_action a)
{
	return (unsigned)a < CW_ACT_COUNT && *action_helps[a] ? _(action_helps[a]) : "";
}

static const struct {
	int key;
	const char *name;
} named[] = {
	{'\r', "Enter"},
	{'\n', "C-j"},
	{CW_KEY_ESC, "Esc"},
	{'\t', "Tab"},
	{' ', "Space"},
	{127, "BS"},
	{'<', "lt"},
	{CW_FN(KEY_ENTER), "KEnter"},
	{CW_FN(KEY_BTAB), "BTab"},
	{CW_FN(KEY_UP), "Up"},
	{CW_FN(KEY_DOWN), "Down"},
	{CW_FN(KEY_LEFT), "Left"},
	{CW_FN(KEY_RIGHT), "Right"},
	{CW_FN(KEY_NPAGE), "PgDn"},
	{CW_FN(KEY_PPAGE), "PgUp"},
	{CW_FN(KEY_HOME), "Home"},
	{CW_FN(KEY_END), "End"},
	{CW_FN(KEY_BACKSPACE), "Backspace"},
	{CW_FN(KEY_DC), "Del"},
	{CW_FN(KEY_RESIZE), "Resize"},
	{CW_KEY_DUMP, "Dump"},
	{CW_KEY_TICK, "Tick"},
};

void cw_key_name(int key, char *buf, size_t len)
{
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i].key == key && key != '<') {
			snprintf(buf, len, "%s", named[i].name);
			return;
		}
	if (CW_KEY_IS_FN(key) && key >= CW_FN(KEY_F(1)) && key <= CW_FN(KEY_F(12)))
		snprintf(buf, len, "F%d", key - CW_FN(KEY_F(0)));
	else if (key >= 0 && key < 32)
		snprintf(buf, len, "C-%c", key + 'a' - 1);
	else if (key > 32 && key < 127)
		snprintf(buf, len, "%c", key);
	else
		snprintf(buf, len, "<%#x>", (unsigned)key);
}

int cw_key_parse_name(const char *name)
{
	unsigned cols, lines;
	int f;
	char end;

	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (!strcmp(named[i].name, name))
			return named[i].key;
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3])
		return CW_KEY_CTRL(name[2]);
	if (sscanf(name, "F%d%c", &f, &end) == 1 && f >= 1 && f <= 12)
		return CW_FN(KEY_F(f));
	if (sscanf(name, "Resize:%ux%u%c", &cols, &lines, &end) == 2 && cols >= 20 && cols < 4096 &&
	    lines >= 5 && lines < 4096)
		return (int)(CW_KEY_RESIZE_TO | cols << 12 | lines);
	if (strlen(name) == 1 && name[0] > 32 && name[0] < 127)
		return name[0];
	return -1;
}

int cw_keys_parse_script(const char *text, int *keys, size_t max, size_t *n, char *bad,
			 size_t badlen)
{
	size_t len = strlen(text), off = 0;

	*n = 0;
	while (off < len && *n < max) {
		uint32_t cp;
		size_t step;

		if (text[off] == '\n' || text[off] == '\r') {
			off++;
			continue;
		}
		if (text[off] == '<') {
			const char *close = strchr(text + off + 1, '>');
			char name[64];
			int key;

			if (!close || close - (text + off) - 1 >= (long)sizeof name) {
				cw_text_format(bad, badlen, "%.20s", text + off);
				return -1;
			}
			snprintf(name, sizeof name, "%.*s", (int)(close - (text + off) - 1),
				 text + off + 1);
			if ((key = cw_key_parse_name(name)) < 0) {
				snprintf(bad, badlen, "%s", name);
				return -1;
			}
			keys[(*n)++] = key;
			off = (size_t)(close - text) + 1;
			continue;
		}
		if ((step = cw_utf8_decode(text + off, len - off, &cp)) == 0) {
			snprintf(bad, badlen, _("byte %zu is not UTF-8"), off);
			return -1;
		}
		keys[(*n)++] = (int)cp;
		off += step;
	}
	return 0;
}

static const struct {
	unsigned ctx;
	const char *title;
} help_sections[] = {
	{CW_CTX_LIST, N_("Lists of cases, people and records")},
	{CW_CTX_TIMELINE, N_("A defendant's timeline")},
	{CW_CTX_RECORD, N_("One record in full")},
	{CW_CTX_FORM, N_("Forms")},
	{CW_CTX_CHOICE, N_("Form fields with a set of words")},
	{CW_CTX_TOGGLE, N_("Fair-trial indicators and other yes/no/na/unknown fields")},
	{CW_CTX_PICKER, N_("Fields with suggestions (people, cases, courts, prisons)")},
	{CW_CTX_WHICH, N_("Choosing one of the people a name matches (two called Sok Dara)")},
	{CW_CTX_EDIT, N_("Typing text (form fields and the filter line)")},
	{CW_CTX_PROMPT, N_("The filter line")},
	{CW_CTX_CONFLICTS, N_("Conflicts between laptops")},
	{CW_CTX_LOCK,
	 N_("The lock screen (L or F12, or no key for lock_after in the config file)")},
	{CW_CTX_HELP, N_("This help")},
};

size_t cw_keys_help_lines(char **lines, size_t max)
{
	return cw_keys_help_lines_from(0, lines, max);
}

size_t cw_keys_help_lines_from(unsigned first, char **lines, size_t max)
{
	size_t nsections = sizeof help_sections / sizeof help_sections[0], n = 0;

	/* Two passes: the sections asked for first, then the others, each in table order. */
	for (size_t k = 0; k < 2 * nsections; k++) {
		size_t s = k % nsections;
		unsigned ctx = help_sections[s].ctx;
		int done[CW_ACT_COUNT] = {0};

		if (!(ctx & first) != (k >= nsections))
			continue;
		if (n < max && n > 0)
			lines[n++] = strdup("");
		if (n < max)
			lines[n++] = strdup(_(help_sections[s].title));
		for (size_t i = 0; i < cw_nbindings && n < max; i++) {
			enum cw_action a = cw_bindings[i].action;
			char keys[64] = "", name[24], line[600];
			size_t kn = 0;

			if (!(cw_bindings[i].ctx & ctx) || done[a])
				continue;
			done[a] = 1;
			/* Every key of this action in this context, in table order. */
			for (size_t j = i; j < cw_nbindings; j++) {
				if (!(cw_bindings[j].ctx & ctx) || cw_bindings[j].action != a)
					continue;
				/* C-j is Enter's twin on many terminals: name Enter only. */
				if (cw_bindings[j].key == '\n' ||
				    cw_bindings[j].key == CW_FN(KEY_ENTER))
					continue;
				cw_key_name(cw_bindings[j].key, name, sizeof name);
				kn += (size_t)snprintf(keys + kn, sizeof keys - kn, "%s%s",
						       kn ? ", " : "", name);
				if (kn >= sizeof keys)
					break;
			}
			snprintf(line, sizeof line, "  %-18s %s", keys, cw_action_help(a));
			lines[n++] = strdup(line);
		}
	}
	return n;
}
