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

#include "models/i18n.h"

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
/* Not a key: the terminal is gone (cw_screen_key). */
#define CW_KEY_HANGUP 0x2000003

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
	CW_CTX_WHICH = 4096,     /* a form's list of the people a name matches, to choose one */
	CW_CTX_VIEWS =
		CW_CTX_LIST | CW_CTX_TIMELINE | CW_CTX_RECORD | CW_CTX_HELP | CW_CTX_CONFLICTS,
};

/* The actions: identifier and help text. */
#define CW_ACTIONS(X)                                                                              \
	X(UP, N_("move up"))                                                                       \
	X(DOWN, N_("move down"))                                                                   \
	X(TOP, N_("go to the first line"))                                                         \
	X(BOTTOM, N_("go to the last line"))                                                       \
	X(PAGE_DOWN, N_("page down"))                                                              \
	X(PAGE_UP, N_("page up"))                                                                  \
	X(NEXT_TAB, N_("next list"))                                                               \
	X(PREV_TAB, N_("previous list"))                                                           \
	X(TAB_CASES, N_("list of cases"))                                                          \
	X(TAB_PEOPLE, N_("list of people"))                                                        \
	X(TAB_RECORDS, N_("list of monitoring records"))                                           \
	X(TAB_AGENDA, N_("agenda: hearings set and follow-up visits due, 14 days from today"))     \
	X(TAB_DRAFTS, N_("drafts: forms kept unfinished (Enter finishes one, d deletes it)"))      \
	X(OPEN, N_("open: a person's timeline, a record in full"))                                 \
	X(TIMELINE, N_("timeline of the person (or the case's first defendant)"))                  \
	X(BACK, N_("back to the previous screen"))                                                 \
	X(FILTER,                                                                                  \
	  N_("filter: article:494/495 kind:hearing since:2024-01 court:\"Phnom Penh\" ..."))       \
	X(FILTER_CLEAR, N_("clear the filter"))                                                    \
	X(QUICK_INCITEMENT, N_("filter incitement, articles 494/495"))                             \
	X(QUICK_LESE_MAJESTE, N_("filter lese-majeste, article 437 bis"))                          \
	X(NEW_HEARING, N_("log a hearing"))                                                        \
	X(UNDO,                                                                                    \
	  N_("take back the last add, edit, delete or merge made on this laptop (asks first)"))    \
	X(MERGE_PERSON, N_("merge this person into another one, recorded twice (asks for whom)"))  \
	X(QUICK_HEARING,                                                                           \
	  N_("quick hearing of this case: today, now, own, its court and defendants"))             \
	X(NEW_VISIT, N_("log a prison visit"))                                                     \
	X(NEW_DEMO, N_("log a demonstration"))                                                     \
	X(NEW_MILESTONE, N_("log a milestone (arrest, charge, bail, verdict ...)"))                \
	X(NEW_INCIDENT,                                                                            \
	  N_("log an incident (outlet closed, accounts blocked, rights restored ...)"))            \
	X(NEW_PERSON, N_("add a person"))                                                          \
	X(NEW_CASE, N_("add a case"))                                                              \
	X(EDIT, N_("edit the record"))                                                             \
	X(DELETE, N_("delete the record (asks first)"))                                            \
	X(NEXT_ATTACHMENT, N_("choose the record's next attachment"))                              \
	X(OPEN_ATTACHMENT,                                                                         \
	  N_("open the attachment chosen: decrypted into a private file, removed after"))          \
	X(CAPTION_ATTACHMENT,                                                                      \
	  N_("change the caption of the attachment chosen (Enter saves; empty: none)"))            \
	X(REFRESH, N_("refresh from the database now"))                                            \
	X(CONFLICTS, N_("versions two laptops made of the same record: choose one"))               \
	X(KEEP_VERSION, N_("keep the version under the cursor (asks first)"))                      \
	X(REPORT_WEEK, N_("write a week's summary into the reports folder, then show it"))         \
	X(WARNINGS, N_("the warnings of the last save, whole, with how to put each right"))        \
	X(LOCK, N_("lock now: clear the screen, forget the key; the passphrase unlocks"))          \
	X(UNLOCK, N_("unlock with the passphrase typed"))                                          \
	X(HELP, N_("show every key"))                                                              \
	X(QUIT, N_("quit casewatch"))                                                              \
	X(NEXT_FIELD, N_("next field"))                                                            \
	X(PREV_FIELD, N_("previous field"))                                                        \
	X(SAVE, N_("save the form (one transaction)"))                                             \
	X(CANCEL, N_("leave (asks when something changed)"))                                       \
	X(ENTER, N_("accept the suggestion, next field; a new line in notes"))                     \
	X(EDITOR, N_("edit notes in $EDITOR"))                                                     \
	X(FORM_HELP, N_("show every key"))                                                         \
	X(GO_TO_FIELD, N_("go to a field: type part of its name, Enter"))                          \
	X(SAVE_DRAFT, N_("keep the form as a draft, to finish later (5 lists drafts)"))            \
	X(CHOICE_NEXT, N_("next word"))                                                            \
	X(CHOICE_PREV, N_("previous word"))                                                        \
	X(ANSWER_YES, N_("answer yes"))                                                            \
	X(ANSWER_NO, N_("answer no"))                                                              \
	X(ANSWER_NA, N_("answer not applicable"))                                                  \
	X(ANSWER_UNKNOWN, N_("answer unknown"))                                                    \
	X(PICK_NEXT, N_("next suggestion"))                                                        \
	X(PICK_PREV, N_("previous suggestion"))                                                    \
	X(WHICH_TAKE, N_("take this person: the field names them with their id (a save goes on)")) \
	X(WHICH_BACK, N_("back to the form, nothing changed: the name stays as typed"))            \
	X(CURSOR_LEFT, N_("cursor left"))                                                          \
	X(CURSOR_RIGHT, N_("cursor right"))                                                        \
	X(LINE_START, N_("start of the text"))                                                     \
	X(LINE_END, N_("end of the text"))                                                         \
	X(BACKSPACE, N_("delete the character before the cursor"))                                 \
	X(DELETE_CHAR, N_("delete the character under the cursor"))                                \
	X(KILL_LINE, N_("delete all the text"))                                                    \
	X(KILL_WORD, N_("delete the word before the cursor"))                                      \
	X(APPLY, N_("apply the filter"))                                                           \
	X(DISMISS, N_("close the filter line, keep the old filter"))

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
/* Whether a key answers a y/N question yes: y or Y, or យ, what the y key types on a Khmer
 * keyboard (a Khmer monitor's yes read as no). */
int cw_key_says_yes(int key);

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
/* The same, the sections of the contexts in `first` (CW_CTX_* bits) before the others: the
 * help F1 opens from a form starts with the form's keys. */
size_t cw_keys_help_lines_from(unsigned first, char **lines, size_t max);

/* Parses a key script: characters stand for themselves (UTF-8), <Name> is a named key
 * (<Enter>, <Esc>, <C-f>, <Down>, <Dump>, <Resize:80x24>, <lt> for '<'), newlines are ignored
 * so that scripts can be laid out on lines. Fills keys[0..*n); returns 0, or -1 with the
 * offending name copied into bad when a name is not known. */
int cw_keys_parse_script(const char *text, int *keys, size_t max, size_t *n, char *bad,
			 size_t badlen);

#endif
