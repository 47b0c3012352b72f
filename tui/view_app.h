/* view_app.h - the state of the terminal interface and the contract between its views.
 *
 * tui.c owns the main loop, the stack of screens, the status line and the questions; each
 * view_*.c draws its screen from the store on every redraw (so another process's writes show
 * up) and handles the keys the table (keys.h) gives it. Views never hold a transaction: every
 * store call opens and ends its own short read. */
#ifndef CW_VIEW_APP_H
#define CW_VIEW_APP_H

#include "app/lockreq.h"
#include "app/session.h"
#include "report/agenda.h"
#include "report/record_text.h"
#include "tui/form.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/widget.h"

enum cw_view_type { CW_V_LISTS, CW_V_TIMELINE, CW_V_RECORD, CW_V_FORM, CW_V_HELP, CW_V_CONFLICTS };

enum cw_tab {
	CW_TAB_CASES,
	CW_TAB_PEOPLE,
	CW_TAB_RECORDS,
	CW_TAB_AGENDA,
	CW_TAB_DRAFTS,
	CW_TAB_COUNT
};

/* One list: its pager and the window of records on screen (only those are fetched). */
struct cw_list_tab {
	struct cw_pager pg;
	struct cw_record_list win; /* records [pg.top, pg.top + win.n) */
	int count_stale;           /* recount on the next draw */
};

/* A screen of lines (record, help, timeline header) with, for the timeline, its entries. */
struct cw_pane {
	enum cw_view_type type;
	struct cw_id id; /* TIMELINE: the person; RECORD: the record */
	/* TIMELINE: the case it was opened from (t on a case, or on a milestone of one), which a
	 * record added from it is of; zero when it was opened from the person. */
	struct cw_id case_id;
	struct cw_pager pg;
	struct cw_record_list entries; /* TIMELINE: refreshed on every draw */
	char **lines;                  /* RECORD, HELP, TIMELINE header: refreshed on every draw */
	size_t nlines;
	char *title; /* HELP: a text of its own (a report written), with its title; NULL: keys */
	const char *what; /* HELP with a title: what the text is, a msgid ("summary") */
	char *text;       /* HELP with a title: that text, wrapped again at a new width */
	int text_indent;  /* HELP with a title: the columns its continuation rows are indented */
	struct cw_form *form; /* FORM */
	size_t attach_sel;    /* RECORD: the attachment `o` opens (a moves it) */
	unsigned help_first;  /* HELP of keys: the contexts whose keys come first (CW_CTX_*) */
	int help_cols;        /* HELP: the width its lines were wrapped for */
};

enum cw_question {
	CW_Q_NONE,
	CW_Q_DELETE,
	CW_Q_DISCARD,
	CW_Q_QUIT_FORM,
	CW_Q_RESOLVE,
	CW_Q_REPORT_FORMAT,       /* W: which format (one key) */
	CW_Q_REPORT_CONFIDENTIAL, /* W: the week holds confidential records: put them in? */
	CW_Q_REPORT_OVERWRITE,    /* W: the file is there already */
	CW_Q_DELETE_DRAFT,        /* d on a draft */
	CW_Q_SAVE_TWICE,          /* a new person close to one already there */
	CW_Q_UNDO,                /* u: take back the last change */
	CW_Q_ADD_PERSON,          /* a case's defendant who is no person yet: add them too? */
	CW_Q_MERGE,               /* m: merge question_id into merge_keep? */
};

/* What the line being typed on the status line is for. */
enum cw_prompt {
	CW_PROMPT_NONE,
	CW_PROMPT_FILTER,
	CW_PROMPT_WEEK,
	CW_PROMPT_MERGE,
	CW_PROMPT_REPORT_PATH, /* where the week's summary goes: the reports folder offered */
	CW_PROMPT_CAPTION      /* the caption of the attachment question_id */
};

#define CW_STACK_MAX   8
#define CW_LOCK_DRAFTS CW_STACK_MAX
/* How long the loop waits for a key before an idle tick (the lists recount, the idle lock
 * looks at the clock); a script's <Tick> stands for one. */
#define CW_TICK_MS 1000

struct cw_app {
	struct cw_session *session;
	struct cw_store *st;
	uint64_t generation; /* cw_store_generation when the counts were last made */
	enum cw_tab tab;
	struct cw_list_tab tabs[CW_TAB_COUNT];
	/* The agenda list (4): made again from the store on every draw; its pager is
	 * tabs[CW_TAB_AGENDA].pg, over its items. */
	struct cw_agenda agenda;
	/* The drafts list (5): read again on every draw, its pager tabs[CW_TAB_DRAFTS].pg. */
	struct cw_draft *drafts;
	size_t ndrafts;
	struct cw_filter_state filter;
	struct cw_pane stack[CW_STACK_MAX]; /* stack[0] is the lists */
	int depth;
	/* The filter line (or W's week) being typed. */
	enum cw_prompt prompting;
	struct cw_edit prompt;
	/* W: the week and format asked for, and where the summary goes. */
	int report_year, report_week;
	int report_format;               /* enum cw_report_format */
	int report_include_confidential; /* W: the answer to CW_Q_REPORT_CONFIDENTIAL */
	/* W: the format's key and the letters typed right after it that go on spelling its name
	 * ("p", "pd"): they are swallowed, not typed into the next question (tui.c). */
	char report_word[12];
	int64_t report_word_ms; /* when its last letter came (cw_app_now_ms) */
	char report_path[1200];
	/* W: the week's summary as gathered to count its confidential records (left out), written
	 * as it is unless they are put in; NULL when none is kept. */
	struct cw_report *report_kept;
	struct cw_id merge_keep;        /* m: the person the one in question_id is merged into */
	struct cw_undo_info undo_asked; /* u: the change the question is about */
	/* A yes/no question on the status line. */
	enum cw_question question;
	struct cw_id question_id;
	size_t question_choice; /* CW_Q_RESOLVE: the version to keep; CW_Q_DELETE: files attached */
	char question_text[CW_MESSAGE_MAX];
	char status[1400]; /* a message, shown until the next key (two lines at most) */
	/* The warnings of the last save (app/advice.h), each with how to put it right, for `!`
	 * to show whole; NULL when it had none. They name people: wiped when it locks. */
	char *warnings;
	size_t warnings_len;
	char warnings_about[96]; /* "hearing 1a2b3c4d" */
	int warnings_wiped;      /* they were, when it locked */
	char status_tail[64];    /* shown after status whatever its length: "(! shows fixes)" */
	int status_error;
	char info[CW_MESSAGE_MAX]; /* what the status line says otherwise: the filter and its count
				    */
	/* Records whose conflicts wait (store/sync.h), or that name one person twice with entries
	 * that differ (cw_store_doubled_ids), for the lists' status line: counted again
	 * when the database changed since (conflicts_generation, cw_store_generation), not on
	 * every draw. */
	size_t conflicts;
	uint64_t conflicts_generation;
	int conflicts_counted;
	/* What X lists of the records naming one person twice (cw_store_doubled_entries): found
	 * again when the database changed since (doubled_generation), not at every key, since
	 * finding them reads every deletion. NULL until X first shows; wiped when it locks and
	 * on quitting (its lines name people: cw_app_forget_doubled). */
	struct cw_doubled *doubled;
	uint64_t doubled_generation;
	int quit;
	int scripted;
	/* The lock (lock.c). While locked the store is closed (its key wiped), the screens above
	 * hold nothing, and only the lock screen is drawn. */
	int locked;
	char *pass;        /* the passphrase being typed: sodium_malloc'd, only while locked */
	size_t pass_len;   /* bytes */
	size_t pass_chars; /* characters, for the stars */
	char lock_note[CW_ERROR_LINE_MAX]; /* the lock screen's message: the last try, never data */
	struct cw_id database; /* the locked database: the passphrase must open this one */
	/* While unlocked, the file by which `casewatch lock` asks it to lock (app/lockreq.h). */
	struct cw_lockreq reach;
	/* The forms that were open with unsaved changes, kept as drafts when it locked, to be
	 * opened again, in the same order, once unlocked. */
	struct cw_id lock_drafts[CW_LOCK_DRAFTS];
	int lock_made[CW_LOCK_DRAFTS]; /* the lock made it (the form had no draft) */
	size_t nlock_drafts;
	unsigned lock_after;  /* seconds without a key before locking; 0: never */
	unsigned backup_warn; /* the age of the last backup the status line warns at; 0: never */
	int64_t last_key_ms;  /* when the last key came, on lock.c's clock */
	int64_t script_ms;    /* the clock of a script: its ticks */
	/* What the backup reminder needs could not be read, and the store's message was shown
	 * (tui.c, backup_note): once, until it can be read again. */
	int backup_unread_said;
};

/* The view on top of the stack. */
struct cw_pane *cw_app_top(struct cw_app *app);
/* Pushes a new screen (the oldest above the lists is dropped when the stack is full). */
struct cw_pane *cw_app_push(struct cw_app *app, enum cw_view_type type);
void cw_app_pop(struct cw_app *app);
void cw_app_view_free(struct cw_pane *v);
/* Messages on the status line; fmt is translated here (a msgid: po/Makevars). */
void cw_app_status(struct cw_app *app, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void cw_app_error(struct cw_app *app, const struct cw_error *err);
/* Every list counts again on its next draw (after a write, a tick, a refresh). */
void cw_app_invalidate(struct cw_app *app);
/* Opens a form for a new record, or for editing the record with this id. */
void cw_app_open_form(struct cw_app *app, enum cw_kind kind, const struct cw_id *edit_id);
/* Asks before deleting a record. */
void cw_app_ask_delete(struct cw_app *app, const struct cw_id *id);
/* Asks whether to keep version `choice` (as cw_sync_conflicts lists them) of a record. */
void cw_app_ask_resolve(struct cw_app *app, const struct cw_id *id, size_t choice,
			const char *what);
/* Opens a draft in its form (a quick hearing's as a quick form again); saving it completes it. */
void cw_app_open_draft(struct cw_app *app, const struct cw_draft *d);
/* Keeps a form as a draft (a new one, or the one it was opened from, saved again), and remembers
 * the draft's id in fm->draft_id, so saving the form later completes it. */
int cw_app_keep_draft(struct cw_app *app, struct cw_form *fm, struct cw_error *err);
/* Asks before deleting a draft. */
void cw_app_ask_delete_draft(struct cw_app *app, const struct cw_draft *d);
/* W: lets go of the summary kept between its questions (report_kept); also on lock. */
void cw_app_forget_report(struct cw_app *app);
/* After cw_app_status: a few words (a msgid) the status line shows after the message
 * whatever the width, the message cut before them when both do not fit. */
void cw_app_status_tail(struct cw_app *app, const char *tail);
/* After the store's opening (the start, an unlock): what an upgrade it made left out of every
 * index (records that cannot be read), in a pane of its own in the command line's words
 * (cw_session_upgrade_note); nothing when it left nothing out. */
void cw_app_upgrade_note(struct cw_app *app);
/* Wipes and lets go of the last save's warnings (`!`); on lock and on quitting. */
void cw_app_forget_warnings(struct cw_app *app);
/* Wipes and lets go of the records X listed as naming one person twice; on lock and on
 * quitting (view_detail.c). */
void cw_app_forget_doubled(struct cw_app *app);
/* Opens a person's timeline (or, for a case, its first named defendant's). */
void cw_app_open_timeline(struct cw_app *app, const struct cw_record *rec);
void cw_app_open_record(struct cw_app *app, const struct cw_id *id);

/* view_list.c */
void cw_view_lists_draw(struct cw_app *app, int top, int height);
void cw_view_lists_key(struct cw_app *app, enum cw_action a);
/* The record under the cursor of the current list (NULL when empty). */
const struct cw_record *cw_view_lists_current(struct cw_app *app);
/* The columns of a list, as one formatted line per record (tests use this too); the articles
 * of `lead` (the filter's; NULL: none) come first in the articles column, which keeps room for
 * them on a narrow screen (the header is given the same lead, to line up). memo: what the rows
 * of one drawing look up once for all of them (report/record_text.h), freed after them. 0, or
 * an error: a record the row names that cannot be read (report/record_text.h) fills err, and
 * the row is not to be shown. */
int cw_view_list_row(struct cw_store *st, struct cw_list_memo *memo, enum cw_tab tab,
		     const struct cw_record *r, const struct cw_filter *lead, int width, char *out,
		     size_t len, struct cw_error *err);
int cw_view_list_header(enum cw_tab tab, const struct cw_filter *lead, int width, char *out,
			size_t len);

/* view_detail.c: timelines, records in full, help. */
void cw_view_timeline_draw(struct cw_app *app, struct cw_pane *v, int top, int height);
void cw_view_timeline_key(struct cw_app *app, struct cw_pane *v, enum cw_action a);
void cw_view_record_draw(struct cw_app *app, struct cw_pane *v, int top, int height);
void cw_view_record_key(struct cw_app *app, struct cw_pane *v, enum cw_action a);
/* Conflicts: every record whose versions from different laptops conflict, each version a line
 * with when, who and where it was made; Enter on one asks to keep it (cw_sync_resolve). */
void cw_view_conflicts_draw(struct cw_app *app, struct cw_pane *v, int top, int height);
void cw_view_conflicts_key(struct cw_app *app, struct cw_pane *v, enum cw_action a);
/* A HELP pane's own text (under its title): kept, and put into its lines wrapped at the
 * screen's width, continuation rows indented by `indent`; wrapped again when a draw finds the
 * width changed. Returns 0, or -1 when out of memory (the caller pops the pane and says so). */
int cw_pane_text(struct cw_pane *v, const char *text, int indent);
void cw_view_help_draw(struct cw_app *app, struct cw_pane *v, int top, int height);
void cw_view_help_key(struct cw_pane *v, enum cw_action a);
/* The lines of a record in full, fitted to `cols` (tests use this too); the caller frees them.
 * 0, or an error: out of memory, or a record it names that cannot be read (report/record_text.h),
 * with no lines. */
int cw_view_record_lines(struct cw_store *st, const struct cw_record *rec, int cols, char ***lines,
			 size_t *n, struct cw_error *err);
/* Timeline header lines for a person and their records; ranks (NULL: not wanted) gets the
 * rank of each of the first `max` lines: what a window too small for them all keeps first. */
enum {
	CW_HEADER_ESSENTIAL, /* custody and charges, detention, adjournments, the next hearing */
	CW_HEADER_CONTEXT,   /* the case a custody line is in, a stage's note */
	CW_HEADER_ASIDE,     /* the person's name and affiliation, which the title bar names */
};
int cw_view_timeline_header(const struct cw_record *person, const struct cw_record_list *l,
			    char ***lines, unsigned char *ranks, size_t max, size_t *n);
/* Which lines of a header (rows[i] wrapped rows each, of rank ranks[i]) show in `room` rows:
 * all when they fit; else the essential ones first, then by rank, whole lines only, in up to
 * `most` rows when the essential ones need more than room, the last row kept for a sign that
 * says how many are left out (*left_out). keep[i] says whether line i shows (an essential
 * line that fits in no way shows its first rows, and counts as left out). Returns the rows
 * the header takes, the sign's included. */
int cw_view_header_fit(const size_t *rows, const unsigned char *ranks, size_t n, int room, int most,
		       unsigned char *keep, size_t *left_out);
void cw_lines_free(char **lines, size_t n);

/* lock.c: the lock and its screen. */
/* L: locks now. A plain database has no key to take away: refused with a status message. */
void cw_app_lock(struct cw_app *app);
/* Every turn of the loop, with the key that came (-1: none within a tick; CW_KEY_TICK: a
 * script's tick, one idle second): locks when the last key came lock_after seconds ago or
 * more, and then returns 1 (the key that came, if any, was not meant for the lock screen). A
 * resize does not count as someone at the keyboard. */
int cw_app_idle(struct cw_app *app, int key);
/* Locks at once when the key slot is gone (destroy-key, here or in another process), saying
 * so on the lock screen: after a crypto-erase nothing of the database stays on the screen or
 * in memory. 1 when it locked (the key that came is not the start of a passphrase). */
int cw_app_lock_if_key_gone(struct cw_app *app);
/* Locks at once, as L does, when `casewatch lock` (or lock --all) in another terminal asked
 * (app/lockreq.h), or when the file by which it asks was removed (lock could no longer reach
 * it). 1 when it locked, as above. */
int cw_app_lock_if_asked(struct cw_app *app);
/* The database's key is held (opened, or unlocked): from now on `casewatch lock` can reach
 * this interface. Nothing for a plain database or a script; when it cannot be reached, the
 * status line says so. */
void cw_app_reachable(struct cw_app *app);
/* Someone was at the keyboard just now without pressing a key here ($EDITOR ran). */
void cw_app_touch(struct cw_app *app);
/* Milliseconds on the clock the idle lock reads (a script's: its ticks). */
int64_t cw_app_now_ms(const struct cw_app *app);
/* The lock screen, drawn on a cleared screen; and its keys. */
void cw_lock_draw(struct cw_app *app);
void cw_lock_key(struct cw_app *app, int key);
/* The process is ending by a signal (SIGHUP: the terminal closed; SIGTERM: a shutdown):
 * every form with unsaved changes kept as a sealed draft, as locking keeps it, so that what
 * was typed is in the 5 list next time. Nothing when locked (the lock kept them already).
 * Returns how many forms could not be kept, and why[] why (the last error). */
int cw_app_keep_forms_at_exit(struct cw_app *app, char *why, size_t len);
/* Wipes and frees what the lock screen holds (at exit). */
void cw_lock_end(struct cw_app *app);
/* At start: 1 when this process was started again by a lock (lock.c says why), with app set
 * up locked, its store closed, on the lock screen; 0 otherwise (start as usual). */
int cw_lock_resume(struct cw_app *app);

/* view_form.c */
void cw_view_form_draw(struct cw_app *app, struct cw_pane *v, int top, int height);

#endif
