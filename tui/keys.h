/* keys.h - every key of the terminal interface, in one table that both dispatches keys and
 * writes the help screen (tig's X-macro and nnn's bindings array, combined), so the two can
 * never disagree.
 *
 * A key is an int: a Unicode code point for a typed character, CW_FN(KEY_...) for a curses
 * function key (curses key codes overlap code points, hence the flag), or one of the script
 * pseudo-keys below. Keys are looked up in a context (the kind of screen that has focus). */
#ifndef CW_KEYS_H
#define CW_KEYS_H

#include <stddef.h>

#define CW_KEY_FN_FLAG  0x1000000
#define CW_FN(k)        (CW_KEY_FN_FLAG | (k))
#define CW_KEY_IS_FN(k) (((k)&CW_KEY_FN_FLAG) != 0)
#define CW_KEY_CTRL(c)  ((c)&0x1f)
#define CW_KEY_ESC      27
/* Script pseudo-keys (tests): dump the screen; an idle tick; resize to COLSxLINES. */
#define CW_KEY_DUMP            0x2000001
#define CW_KEY_TICK            0x2000002
#define CW_KEY_RESIZE_TO       0x4000000 /* | cols << 12 | lines */
#define CW_KEY_IS_RESIZE_TO(k) (((k)&0x7000000) == CW_KEY_RESIZE_TO)

/* Contexts: which table rows apply where. */
enum cw_key_ctx {
	CW_CTX_LIST = 1,         /* the lists of cases, people and records */
	CW_CTX_TIMELINE = 2,     /* a defendant's timeline */
	CW_CTX_RECORD = 4,       /* one record in full */
	CW_CTX_HELP = 8,         /* this help */
	CW_CTX_FORM = 16,        /* a form */
	CW_CTX_CHOICE = 32,      /* a form field with a fixed set of words */
	CW_CTX_TOGGLE = 64,      /* a yes/no/na/unknown field */
	CW_CTX_PICKER = 128,     /* a field with suggestions (people, cases, courts, prisons) */
	CW_CTX_EDIT = 256,       /* any text being typed: form fields and the filter line */
	CW_CTX_PROMPT = 512,     /* the filter line */
	CW_CTX_CONFLICTS = 1024, /* versions of records that laptops changed concurrently */
	CW_CTX_LOCK = 2048,      /* the lock screen: the passphrase being typed */
	CW_CTX_VIEWS =
		CW_CTX_LIST | CW_CTX_TIMELINE | CW_CTX_RECORD | CW_CTX_HELP | CW_CTX_CONFLICTS,
};

/* The actions: identifier and help text. */
#define CW_ACTIONS(X)                                                                              \
	X(UP, "move up")                                                                           \
	X(DOWN, "move down")                                                                       \
	X(TOP, "go to the first line")                                                             \
	X(BOTTOM, "go to the last line")                                                           \
	X(PAGE_DOWN, "page down")                                                                  \
	X(PAGE_UP, "page up")                                                                      \
	X(NEXT_TAB, "next list")                                                                   \
	X(PREV_TAB, "previous list")                                                               \
	X(TAB_CASES, "list of cases")                                                              \
	X(TAB_PEOPLE, "list of people")                                                            \
	X(TAB_RECORDS, "list of monitoring records")                                               \
	X(TAB_AGENDA, "agenda: hearings set and follow-up visits due, 14 days from today")         \
	X(TAB_DRAFTS, "drafts: forms kept unfinished (Enter finishes one, d deletes it)")          \
	X(OPEN, "open: a person's timeline, a record in full")                                     \
	X(TIMELINE, "timeline of the person (or the case's first defendant)")                      \
	X(BACK, "back to the previous screen")                                                     \
	X(FILTER, "filter: article:494/495 kind:hearing since:2024-01 court:\"Phnom Penh\" ...")   \
	X(FILTER_CLEAR, "clear the filter")                                                        \
	X(QUICK_INCITEMENT, "filter incitement, articles 494/495")                                 \
	X(QUICK_LESE_MAJESTE, "filter lese-majeste, article 437 bis")                              \
	X(NEW_HEARING, "log a hearing")                                                            \
	X(UNDO, "take back the last add, edit, delete or merge made on this laptop (asks first)")  \
	X(MERGE_PERSON, "merge this person into another one, recorded twice (asks for whom)")      \
	X(QUICK_HEARING, "quick hearing of this case: today, now, own, its court and defendants")  \
	X(NEW_VISIT, "log a prison visit")                                                         \
	X(NEW_DEMO, "log a demonstration")                                                         \
	X(NEW_MILESTONE, "log a milestone (arrest, charge, bail, verdict ...)")                    \
	X(NEW_INCIDENT, "log an incident (outlet closed, accounts blocked, rights restored ...)")  \
	X(NEW_PERSON, "add a person")                                                              \
	X(NEW_CASE, "add a case")                                                                  \
	X(EDIT, "edit the record")                                                                 \
	X(DELETE, "delete the record (asks first)")                                                \
	X(REFRESH, "refresh from the database now")                                                \
	X(CONFLICTS, "versions two laptops made of the same record: choose one")                   \
	X(KEEP_VERSION, "keep the version under the cursor (asks first)")                          \
	X(REPORT_WEEK, "write a week's summary into the reports folder, then show it")             \
	X(LOCK, "lock now: clear the screen, forget the key; the passphrase unlocks")              \
	X(UNLOCK, "unlock with the passphrase typed")                                              \
	X(HELP, "show every key")                                                                  \
	X(QUIT, "quit casewatch")                                                                  \
	X(NEXT_FIELD, "next field")                                                                \
	X(PREV_FIELD, "previous field")                                                            \
	X(SAVE, "save the form (one transaction)")                                                 \
	X(CANCEL, "leave (asks when something changed)")                                           \
	X(ENTER, "accept the suggestion, next field; a new line in notes")                         \
	X(EDITOR, "edit notes in $EDITOR")                                                         \
	X(FORM_HELP, "show every key")                                                             \
	X(GO_TO_FIELD, "go to a field: type part of its name, Enter")                              \
	X(SAVE_DRAFT, "keep the form as a draft, to finish later (5 lists drafts)")                \
	X(CHOICE_NEXT, "next word")                                                                \
	X(CHOICE_PREV, "previous word")                                                            \
	X(ANSWER_YES, "answer yes")                                                                \
	X(ANSWER_NO, "answer no")                                                                  \
	X(ANSWER_NA, "answer not applicable")                                                      \
	X(ANSWER_UNKNOWN, "answer unknown")                                                        \
	X(PICK_NEXT, "next suggestion")                                                            \
	X(PICK_PREV, "previous suggestion")                                                        \
	X(CURSOR_LEFT, "cursor left")                                                              \
	X(CURSOR_RIGHT, "cursor right")                                                            \
	X(LINE_START, "start of the text")                                                         \
	X(LINE_END, "end of the text")                                                             \
	X(BACKSPACE, "delete the character before the cursor")                                     \
	X(DELETE_CHAR, "delete the character under the cursor")                                    \
	X(KILL_LINE, "delete all the text")                                                        \
	X(KILL_WORD, "delete the word before the cursor")                                          \
	X(APPLY, "apply the filter")                                                               \
	X(DISMISS, "close the filter line, keep the old filter")

enum cw_action {
	CW_ACT_NONE = 0,
#define CW_ACTION_ENUM(id, help) CW_ACT_##id,
	CW_ACTIONS(CW_ACTION_ENUM)
#undef CW_ACTION_ENUM
		CW_ACT_COUNT
};

struct cw_binding {
	unsigned ctx; /* enum cw_key_ctx bits */
	int key;
	enum cw_action action;
};

/* The table itself, in help order. */
extern const struct cw_binding cw_bindings[];
extern const size_t cw_nbindings;

/* The action `key` has in context `ctx` (one bit), CW_ACT_NONE when it has none. */
enum cw_action cw_keys_lookup(unsigned ctx, int key);

/* The action's identifier ("PAGE_DOWN") and help text. */
const char *cw_action_name(enum cw_action a);
const char *cw_action_help(enum cw_action a);

/* A key's name as help and scripts write it: "j", "C-f", "Enter", "Esc", "Down", "F2". */
void cw_key_name(int key, char *buf, size_t len);

/* Parses one key name (as cw_key_name writes it, plus "Dump", "Tick", "Resize:80x24").
 * Returns the key, or -1 when the name is not known. */
int cw_key_parse_name(const char *name);

/* Help lines for the contexts, generated from the table: a title line per context, then one
 * line per action, "  j, Down       move down". Returns the number of lines written into
 * lines[0..max) (each malloc'd; the caller frees them). */
size_t cw_keys_help_lines(char **lines, size_t max);

/* Parses a key script: characters stand for themselves (UTF-8), <Name> is a named key
 * (<Enter>, <Esc>, <C-f>, <Down>, <Dump>, <Resize:80x24>, <lt> for '<'), newlines are ignored
 * so that scripts can be laid out on lines. Fills keys[0..*n); returns 0, or -1 with the
 * offending name copied into bad when a name is not known. */
int cw_keys_parse_script(const char *text, int *keys, size_t max, size_t *n, char *bad,
			 size_t badlen);

#endif
