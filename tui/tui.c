/* tui.c - the curses front end: the main loop, the stack of screens, the status line, the
 * questions it asks, and the scripted test mode.
 *
 * Each turn of the loop draws the screen on top of the stack from the store (short read
 * transactions, copied out) and then waits for a key with a timeout; no transaction is open
 * while it waits. A timeout is an idle tick: the lists count again, so an import run from the
 * command line in another terminal shows up within a second.
 *
 * Scripted test mode (no terminal needed): CASEWATCH_TUI_SCRIPT=FILE runs the keys in FILE
 * (see cw_keys_parse_script: characters, and <Enter>, <Esc>, <C-f>, <Down>, <Dump>,
 * <Resize:80x24> ...) on a virtual screen of CASEWATCH_TUI_SIZE (default 80x24). Every <Dump>
 * writes the screen's text to stdout followed by a line "-- end of screen --"; when the script
 * has no <Dump>, the last screen is written when it ends. */
#include "config.h"

#include <ctype.h>
#include <curses.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <sodium.h>

#include "app/advice.h"
#include "app/child.h"
#include "app/people.h"
#include "app/quick.h"
#include "app/settings.h"
#include "models/clock.h"
#include "models/i18n.h"
#include "models/text.h"
#include "report/record_text.h"
#include "report/write.h"
#include "store/identity.h"
#include "store/attach.h"
#include "store/backup.h"
#include "store/sync.h"
#include "tui/tui.h"
#include "tui/view_app.h"

#define SCRIPT_MAX 100000

/* ---- the stack of screens --------------------------------------------------------------- */

struct cw_pane *cw_app_top(struct cw_app *app)
{
	return &app->stack[app->depth];
}

void cw_app_view_free(struct cw_pane *v)
{
	cw_lines_free(v->lines, v->nlines);
	free(v->title);
	free(v->text);
	cw_record_list_free(&v->entries);
	if (v->form) {
		cw_form_free(v->form);
		free(v->form);
	}
	memset(v, 0, sizeof *v);
}

struct cw_pane *cw_app_push(struct cw_app *app, enum cw_view_type type)
{
	struct cw_pane *v;

	if (app->depth + 1 >= CW_STACK_MAX) {
		/* Drop the oldest screen above the lists. */
		cw_app_view_free(&app->stack[1]);
		memmove(&app->stack[1], &app->stack[2],
			(size_t)(app->depth - 1) * sizeof app->stack[0]);
		memset(&app->stack[app->depth], 0, sizeof app->stack[0]);
		app->depth--;
	}
	v = &app->stack[++app->depth];
	memset(v, 0, sizeof *v);
	v->type = type;
	return v;
}

void cw_app_pop(struct cw_app *app)
{
	if (app->depth == 0)
		return;
	cw_app_view_free(&app->stack[app->depth--]);
}

void cw_app_status(struct cw_app *app, int error, const char *fmt, ...)
{
	va_list ap;

	/* Translated here, as cw_error_set does: xgettext takes the 3rd argument (po/Makevars). */
	va_start(ap, fmt);
	if (fmt && *fmt) /* "" is no msgid: gettext("") is the catalogue's header */
		/* a value quoted with a bound, or the message cut to the buffer, is cut between
		 * clusters, with "…": never in a letter (cw_text_vformat) */
		cw_text_vformat(app->status, sizeof app->status, _(fmt), ap);
	else
		app->status[0] = '\0';
	va_end(ap);
	app->status_error = error;
	app->status_tail[0] = '\0';
}

void cw_app_status_tail(struct cw_app *app, const char *tail)
{
	snprintf(app->status_tail, sizeof app->status_tail, "%s", _(tail));
	cw_text_trim_utf8(app->status_tail);
}

void cw_app_error(struct cw_app *app, const struct cw_error *err)
{
	char line[CW_ERROR_LINE_MAX];

	cw_error_format(err, line, sizeof line);
	cw_app_status(app, 1, "%s", line[0] ? line : cw_error_name(err->code));
}

void cw_app_invalidate(struct cw_app *app)
{
	for (int i = 0; i < CW_TAB_COUNT; i++)
		app->tabs[i].count_stale = 1;
}

void cw_app_open_form(struct cw_app *app, enum cw_kind kind, const struct cw_id *edit_id)
{
	struct cw_record rec;
	struct cw_error err;
	struct cw_form *fm = calloc(1, sizeof *fm);
	int rc = fm ? 0 : cw_error_set(&err, CW_ENOMEM, "", "out of memory");

	if (rc == 0 && edit_id && (rc = cw_store_get(app->st, edit_id, &rec, &err)) == 0) {
		rc = cw_form_open(fm, app->st, (enum cw_kind)rec.kind, &rec, &err);
		cw_record_free(&rec);
	} else if (rc == 0 && !edit_id) {
		rc = cw_form_open(fm, app->st, kind, NULL, &err);
	}
	if (rc != 0) {
		free(fm);
		cw_app_error(app, &err);
		return;
	}
	cw_app_push(app, CW_V_FORM)->form = fm;
}

void cw_app_open_draft(struct cw_app *app, const struct cw_draft *d)
{
	struct cw_form *fm = calloc(1, sizeof *fm);
	struct cw_record rec;
	struct cw_error err;
	struct cw_id case_id;
	char both[200] = "";
	int rc = fm ? 0 : cw_error_set(&err, CW_ENOMEM, "", "out of memory");

	if (rc == 0 && d->kind == CW_KIND_HEARING && cw_id_is_zero(&d->record) &&
	    cw_form_draft_quick_case(d->body, &case_id)) {
		/* A quick hearing again, with what it filled in and does not show. */
		if ((rc = cw_quick_hearing(app->st, &case_id, cw_date_today(), NULL, &rec, &err)) ==
		    0)
			rc = cw_form_open_quick(fm, app->st, &rec, cw_quick_hearing_fields,
						cw_quick_hearing_nfields, cw_quick_hearing_start,
						&err);
		cw_record_free(&rec);
	} else if (rc == 0 && !cw_id_is_zero(&d->record)) {
		if ((rc = cw_store_get(app->st, &d->record, &rec, &err)) == 0) {
			rc = cw_form_open(fm, app->st, (enum cw_kind)rec.kind, &rec, &err);
			cw_record_free(&rec);
		}
	} else if (rc == 0) {
		rc = cw_form_open(fm, app->st, (enum cw_kind)d->kind, NULL, &err);
	}
	if (rc == 0 && cw_form_apply_draft(fm, d->body, both, sizeof both) != 0) {
		cw_form_free(fm);
		rc = cw_error_set(&err, CW_EDAMAGED, "draft", "this draft cannot be read back");
	}
	if (rc != 0) {
		free(fm);
		cw_app_error(app, &err);
		return;
	}
	fm->draft_id = d->id;
	/* The record changed since the draft was written: only what the draft changed was put
	 * on it, and what both changed is worth a look before saving. */
	if (both[0]) {
		snprintf(fm->message, sizeof fm->message,
			 _("the record changed since this draft was written; changed there too, "
			   "the draft's text kept: %s"),
			 both);
		cw_text_trim_utf8(fm->message);
	}
	cw_app_push(app, CW_V_FORM)->form = fm;
}

void cw_app_ask_delete_draft(struct cw_app *app, const struct cw_draft *d)
{
	app->question = CW_Q_DELETE_DRAFT;
	app->question_id = d->id;
	cw_text_format(app->question_text, sizeof app->question_text,
		       _("Delete the draft \"%.120s\"? What it holds is gone for good. y/N"),
		       d->label ? d->label : "");
}

void cw_app_ask_delete(struct cw_app *app, const struct cw_id *id)
{
	struct cw_record rec;
	struct cw_error err;
	char what[200];
	size_t attached = 0;

	if (cw_store_get(app->st, id, &rec, &err) != 0) {
		cw_app_error(app, &err);
		return;
	}
	if (cw_store_attachment_count(app->st, id, &attached, &err) != 0) {
		cw_record_free(&rec);
		cw_app_error(app, &err);
		return;
	}
	/* Which one: a hearing by its case and date, not by a court it may not name. */
	if (cw_record_title(app->st, &rec, what, sizeof what, &err) != 0) {
		cw_record_free(&rec);
		cw_app_error(app, &err);
		return;
	}
	app->question = CW_Q_DELETE;
	app->question_id = *id;
	app->question_choice = attached;
	if (attached)
		snprintf(app->question_text, sizeof app->question_text,
			 P_("Delete %s \"%.120s\" and detach its %zu attached file (undo does not "
			    "bring it back)? y/N",
			    "Delete %s \"%.120s\" and detach its %zu attached files (undo does not "
			    "bring them back)? y/N",
			    attached),
			 cw_kind_text(rec.kind), what, attached);
	else
		cw_text_format(app->question_text, sizeof app->question_text,
			       _("Delete %s \"%.120s\"? y/N"), cw_kind_text(rec.kind), what);
	cw_record_free(&rec);
}

void cw_app_ask_resolve(struct cw_app *app, const struct cw_id *id, size_t choice, const char *what)
{
	app->question = CW_Q_RESOLVE;
	app->question_id = *id;
	app->question_choice = choice;
	cw_text_format(app->question_text, sizeof app->question_text,
		       _("Keep %.200s on every database this reaches? y/N"), what);
}

/* The first person a list of struct cw_person_ref names (a visit's detainees, the arrested). */
static const struct cw_id *first_ref(const struct cw_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_person_ref *p = (const struct cw_person_ref *)l->items + i;

		if (!cw_id_is_zero(&p->person))
			return &p->person;
	}
	return NULL;
}

void cw_app_open_timeline(struct cw_app *app, const struct cw_record *rec)
{
	const struct cw_id *person = NULL;
	const struct cw_record *of = rec; /* whose defendants: the case, or a hearing's case */
	struct cw_record kase = {0};
	struct cw_error err;
	struct cw_pane *v;

	if (rec->kind == CW_KIND_PERSON)
		person = &rec->id;
	else if (rec->kind == CW_KIND_MILESTONE)
		person = &rec->u.milestone.person;
	else if (rec->kind == CW_KIND_VISIT)
		person = first_ref(&rec->u.visit.detainees);
	else if (rec->kind == CW_KIND_DEMO)
		person = first_ref(&rec->u.demo.arrested);
	else if (rec->kind == CW_KIND_HEARING) {
		/* Whom its attendance names, else its case's first defendant, as the key says. */
		for (size_t i = 0; i < rec->u.hearing.attendance.n && !person; i++) {
			const struct cw_attendance *a =
				(const struct cw_attendance *)rec->u.hearing.attendance.items + i;

			if (!cw_id_is_zero(&a->person))
				person = &a->person;
		}
		if (!person && !cw_id_is_zero(&rec->u.hearing.case_id)) {
			if (cw_store_get(app->st, &rec->u.hearing.case_id, &kase, &err) != 0) {
				cw_app_error(app, &err);
				return;
			}
			of = &kase;
		}
	}
	if (of->kind == CW_KIND_CASE)
		for (size_t i = 0; i < of->u.kase.defendants.n && !person; i++) {
			const struct cw_defendant *d =
				(const struct cw_defendant *)of->u.kase.defendants.items + i;

			if (!cw_id_is_zero(&d->person))
				person = &d->person;
		}
	if (!person) {
		cw_app_status(app, 1, "no named person here to show a timeline for");
	} else {
		v = cw_app_push(app, CW_V_TIMELINE);
		v->id = *person;
		/* Opened from a case (or a milestone of one), the timeline is that case's to the
		 * monitor: what is added from it is of that case too (new_record). */
		if (rec->kind == CW_KIND_CASE)
			v->case_id = rec->id;
		else if (rec->kind == CW_KIND_MILESTONE)
			v->case_id = rec->u.milestone.case_id;
	}
	if (of == &kase)
		cw_record_free(&kase);
}

void cw_app_open_record(struct cw_app *app, const struct cw_id *id)
{
	cw_app_push(app, CW_V_RECORD)->id = *id;
}

/* ---- drawing ---------------------------------------------------------------------------- */

/* "12 days", "5 hours": how long ago, in the largest unit that says it. */
static void age_text(int64_t seconds, char *out, size_t len)
{
	static const struct {
		int64_t seconds;
		const char *unit;
	} units[] = {{86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}};
	size_t u = 0;

	while (u + 1 < sizeof units / sizeof units[0] && seconds < units[u].seconds)
		u++;
	seconds /= units[u].seconds;
	snprintf(out, len, "%lld %s%s", (long long)seconds, units[u].unit, seconds == 1 ? "" : "s");
}

/* The status line says when the last backup is older than backup_warn_after (the config
 * file), or when there has never been one and the first change is that old: a laptop seized or
 * broken takes with it everything since. Read on every draw, like the lists: another process
 * may have made a backup meanwhile.
 *
 * What it needs that cannot be read (the time noted is damaged, the first audit entry fails its
 * authentication) is said, never taken for a backup recent enough (nothing said) nor for none
 * ("no backup yet"): the status line keeps "last backup: cannot be read" for as long as it
 * lasts, and the store's message, which names what and says what to do, is shown once as a
 * warning on its own line when that line is free, as any message until the next key. Work goes
 * on meanwhile. */
static void backup_note(struct cw_app *app)
{
	int64_t last, oldest, now = cw_now_us(), warn = (int64_t)app->backup_warn * 1000000;
	size_t n = strlen(app->info);
	struct cw_error err;
	char age[160];
	int rc;

	if (!app->backup_warn)
		return;
	cw_error_clear(&err);
	if ((rc = cw_store_backup_age(app->st, &last, &oldest, &err)) != 0) {
		snprintf(app->info + n, sizeof app->info - n, _("%slast backup: cannot be read"),
			 n ? " | " : "");
		if (!app->backup_unread_said && !app->status[0] && !app->question &&
		    !app->prompting) {
			cw_app_status(app, 1, "warning: cannot tell whether a backup is due: %s",
				      err.message[0] ? err.message : cw_error_name(rc));
			app->backup_unread_said = 1;
		}
		return;
	}
	app->backup_unread_said = 0; /* read again: a later failure is said again */
	if (last && now - last > warn) {
		age_text((now - last) / 1000000, age, sizeof age);
		snprintf(app->info + n, sizeof app->info - n, _("%slast backup %s ago"),
			 n ? " | " : "", age);
	} else if (!last && oldest && now - oldest > warn) {
		snprintf(app->info + n, sizeof app->info - n,
			 _("%sno backup yet (casewatch backup)"), n ? " | " : "");
	}
}

/* The most rows a status message or question takes at the bottom of the screen: put_bottom
 * wraps into them, put_bottom_tail cuts a message to leave its tail in them. */
#define STATUS_ROWS_MAX 3

/* A question or a message on the status line, over up to two of the rows above it when it is
 * longer than the line (a deletion's question with its record, what to know about a record
 * saved), so that its end ("y/N") is read; the rows are drawn again at the next key. */
static void put_bottom(const char *text, int role, int lines, int cols)
{
	size_t at[STATUS_ROWS_MAX + 1], n = 0;

	if (cols <= 0 || lines < 2 || cw_text_width(text) <= cols) {
		cw_screen_fill(lines - 1, role);
		cw_screen_put(lines - 1, 0, cols, text, role);
		return;
	}
	at[0] = 0;
	while (n < STATUS_ROWS_MAX && (int)n < lines - 1 && text[at[n]]) {
		at[n + 1] = at[n] + cw_text_wrap(text + at[n], cols);
		n++;
	}
	for (size_t i = 0; i < n; i++) {
		int y = lines - (int)n + (int)i;
		char *line =
			i + 1 < n ? strndup(text + at[i], at[i + 1] - at[i]) : strdup(text + at[i]);

		cw_screen_fill(y, role);
		cw_screen_put(y, 0, cols, line ? line : "", role);
		free(line);
	}
}

/* The rows put_bottom wraps text into at this width. */
static int wrapped_rows(const char *text, int cols)
{
	int rows = 0;

	for (size_t at = 0; text[at]; rows++) {
		size_t n = cw_text_wrap(text + at, cols);

		at += n ? n : 1;
	}
	return rows;
}

/* A status message with a tail that must show ("(! shows fixes)"): the message is cut, with
 * "…", where message and tail together would take more than the bottom's STATUS_ROWS_MAX rows. */
static void put_bottom_tail(const char *text, const char *tail, int role, int lines, int cols)
{
	int rows = lines - 1 < STATUS_ROWS_MAX ? lines - 1 : STATUS_ROWS_MAX,
	    budget = cols * rows - cw_text_width(tail) - 2;
	char *safe = cw_text_for_terminal(text, 0), cut[1600], all[1800];

	if (!safe) {
		put_bottom(tail, role, lines, cols);
		return;
	}
	snprintf(all, sizeof all, "%s %s", safe, tail);
	while (cols > 0 && wrapped_rows(all, cols) > rows) {
		if (budget <= 0) { /* not even a letter of it fits beside the tail */
			snprintf(all, sizeof all, "%s", tail);
			break;
		}
		cw_text_fit(safe, budget, 0, cut, sizeof cut);
		snprintf(all, sizeof all, "%s %s", cut, tail);
		budget -= cols / 4 > 0 ? cols / 4 : 1;
	}
	free(safe);
	put_bottom(all, role, lines, cols);
}

/* The status line's label for what is being typed. The week's summary follows the lists'
 * filter, which the label says before it is written: a search typed in another list is easily
 * forgotten (a field trial sent partners a week of one person's records). */
static const char *prompt_label(const struct cw_app *app, char *buf, size_t len)
{
	switch (app->prompting) {
	case CW_PROMPT_WEEK:
		if (!app->filter.line[0])
			return _("Week (Enter writes it): ");
		/* The filter last: a long one is what the line cuts. */
		cw_text_format(buf, len, _("Week (Enter writes it; of the filter %.60s): "),
			       app->filter.line);
		return buf;
	case CW_PROMPT_MERGE:
		return _("Merge into (name or id): ");
	case CW_PROMPT_CAPTION:
		return _("Caption (Enter saves; empty: none): ");
	case CW_PROMPT_REPORT_PATH:
		return _("Write to (Esc: not now): ");
	default:
		return "/";
	}
}

static void draw(struct cw_app *app)
{
	struct cw_pane *v = cw_app_top(app);
	int lines = cw_screen_lines(), cols = cw_screen_cols(), height = lines - 1;

	if (app->locked) {
		cw_lock_draw(app);
		return;
	}
	cw_screen_clear();
	app->info[0] = '\0';
	switch (v->type) {
	case CW_V_LISTS:
		cw_view_lists_draw(app, 0, height);
		break;
	case CW_V_TIMELINE:
		cw_view_timeline_draw(app, v, 0, height);
		break;
	case CW_V_RECORD:
		cw_view_record_draw(app, v, 0, height);
		break;
	case CW_V_FORM:
		cw_view_form_draw(app, v, 0, height);
		break;
	case CW_V_HELP:
		cw_view_help_draw(app, v, 0, height);
		break;
	case CW_V_CONFLICTS:
		cw_view_conflicts_draw(app, v, 0, height);
		break;
	}
	/* The demo and test databases are plain: say so on every screen, so nobody mistakes
	 * one for a database that a seized laptop would keep closed. */
	if (!cw_store_encrypted(app->st)) {
		size_t n = strlen(app->info);

		snprintf(app->info + n, sizeof app->info - n, _("%snot encrypted"), n ? " | " : "");
	}
	backup_note(app);
	/* The status line: the filter being typed, a question, a message, or the view's info. */
	if (app->prompting) {
		const char *text = cw_edit_text(&app->prompt);
		char label_text[CW_FILTER_LINE_MAX + 128];
		const char *label = prompt_label(app, label_text, sizeof label_text);
		/* The label's display width, not its bytes (a Khmer label has three per column):
		 * what is typed goes right after it, and a label wider than half the line is cut
		 * so that the typing keeps the other half; a week is short, and the week's label
		 * names the filter, which keeps all but 16 columns (a field trial's
		 * "article:494/…" at 100). */
		int room = app->prompting == CW_PROMPT_WEEK && cols - 16 > cols / 2 ? cols - 16
										    : cols / 2;
		int lw = cw_text_width(label) < room ? cw_text_width(label) : room;
		char *before = strndup(text, app->prompt.cursor);
		int at = before ? cw_text_width(before) : 0;
		int skip = at + lw + 1 >= cols ? at + lw + 2 - cols : 0;

		free(before);
		cw_screen_fill(lines - 1, CW_ROLE_NORMAL);
		cw_screen_put(lines - 1, 0, lw, label, CW_ROLE_TITLE);
		/* A long filter line scrolls: keep the cursor on screen, skipping the columns
		 * before it by their width, and no mark left without its letter. */
		for (;;) {
			uint32_t cp;
			size_t n = cw_utf8_decode(text, strlen(text), &cp);
			int w = n ? wcwidth((wchar_t)cp) : 1;

			if (!*text || (skip <= 0 && w != 0))
				break;
			skip -= w < 0 ? 1 : w;
			text += n ? n : 1;
		}
		cw_screen_put(lines - 1, lw, cols - lw, text, CW_ROLE_NORMAL);
		cw_screen_cursor(lines - 1, lw + (at + lw + 1 >= cols ? cols - lw - 1 : at));
		/* Why the line was refused, above it, wrapped as a message on the status line
		 * is: cut, it lost what to write instead ("use hearing, ..., case or…"). */
		if (app->status[0] && app->status_error && lines > 2)
			put_bottom(app->status, CW_ROLE_ERROR, lines - 1, cols);
	} else if (app->question) {
		put_bottom(app->question_text, CW_ROLE_ERROR, lines, cols);
	} else if (app->status[0] && app->status_tail[0]) {
		put_bottom_tail(app->status, app->status_tail,
				app->status_error ? CW_ROLE_ERROR : CW_ROLE_STATUS, lines, cols);
	} else if (app->status[0]) {
		put_bottom(app->status, app->status_error ? CW_ROLE_ERROR : CW_ROLE_STATUS, lines,
			   cols);
	} else if (v->type == CW_V_FORM && v->form->message[0]) {
		/* A message too long for this line began on the hint's (view_form.c), which left
		 * the rest of it in info. */
		cw_screen_put(lines - 1, 0, cols,
			      cw_text_width(v->form->message) > cols ? app->info : v->form->message,
			      CW_ROLE_ERROR);
	} else {
		cw_screen_put(lines - 1, 0, cols, app->info, CW_ROLE_STATUS);
	}
	cw_screen_refresh();
}

/* ---- $EDITOR ---------------------------------------------------------------------------- */

/* A folder for the editor's file in memory-backed storage (app/child.h): with an encrypted
 * database and no such folder, notes are not written out at all, since a plaintext file on the
 * disk would outlive the key. Returns 0 with the folder made in dir. */
static int private_folder(struct cw_app *app, char *dir, size_t len)
{
	return cw_private_folder(cw_store_encrypted(app->st), "casewatch", dir, len);
}

/* Whether the editor command runs Vim (vi is Vim on Debian) or Neovim, which keep what was
 * typed, yanked and searched for in ~/.viminfo or their shada file, on the disk, unless told
 * not to (VIM_NOTHING_ON_DISK). Its first word, found on $PATH, symbolic links followed. */
static int vim_like(const char *editor)
{
	char word[256], found[4096], real[4096];
	const char *path = getenv("PATH"), *base;
	size_t n = strcspn(editor, " \t");

	if (n == 0 || n >= sizeof word)
		return 0;
	memcpy(word, editor, n);
	word[n] = '\0';
	if (strchr(word, '/')) {
		snprintf(found, sizeof found, "%s", word);
	} else {
		found[0] = '\0';
		for (const char *p = path ? path : "/usr/bin:/bin"; *p && !found[0];) {
			size_t dl = strcspn(p, ":");

			snprintf(found, sizeof found, "%.*s/%s", (int)dl, p, word);
			if (access(found, X_OK) != 0)
				found[0] = '\0';
			p += dl + (p[dl] == ':');
		}
	}
	if (!found[0] || !realpath(found, real))
		return 0;
	base = strrchr(real, '/') ? strrchr(real, '/') + 1 : real;
	return !strncmp(base, "vim", 3) || !strncmp(base, "nvim", 4) || !strncmp(base, "gvim", 4);
}

/* What Vim and Neovim are told so that nothing typed reaches the disk beyond the file itself,
 * whatever the user's vimrc says: no viminfo or shada (-i NONE), no swap file (-n; Neovim
 * keeps its swap files under ~/.local/state), and, after the vimrc, no undo file, backup or
 * write backup (silent: a small Vim lacks some of these options). */
#define VIM_NOTHING_ON_DISK " -n -i NONE -c 'silent! set noundofile nobackup nowritebackup'"

/* Runs the editor on path as system(3) would, the editor command read by the shell (it may
 * carry arguments of its own), but the path given as an argument, never inside the command
 * text, and with none of casewatch's descriptors; -1 when it could not be started. */
static int run_editor_command(const char *editor, const char *path)
{
	struct sigaction ign, old_int, old_quit;
	char cmd[1200];
	int status = -1;
	pid_t pid;

	if ((size_t)snprintf(cmd, sizeof cmd, "%s%s \"$1\"", editor,
			     vim_like(editor) ? VIM_NOTHING_ON_DISK : "") >= sizeof cmd)
		return -1;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	if ((pid = fork()) == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		cw_child_close_fds(-1);
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return pid > 0 ? status : -1;
}

/* Overwrites and removes every file in the editor's folder (the notes, and the swap or backup
 * files editors leave beside them), then the folder. */
static void wipe_folder(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[2600];

	while (d && (e = readdir(d))) {
		struct stat sb;
		int fd;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    (fd = open(path, O_WRONLY | O_NOFOLLOW)) >= 0) {
			static const char zeros[4096];

			for (off_t done = 0; done < sb.st_size; done += (off_t)sizeof zeros)
				if (write(fd, zeros, sizeof zeros) < 0)
					break;
			close(fd);
		}
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

static void run_editor(struct cw_app *app, struct cw_form *fm)
{
	const char *editor = getenv("VISUAL");
	struct cw_form_field *ff = &fm->fields[fm->cur];
	char dir[2200], path[2300], *text = NULL;
	struct cw_error err;
	size_t len = 0;
	FILE *f;
	int fd, status;

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	if (private_folder(app, dir, sizeof dir) != 0) {
		cw_app_status(app, 1,
			      "not written out: no private in-memory folder for $EDITOR "
			      "($XDG_RUNTIME_DIR on tmpfs); type the notes here");
		return;
	}
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600)) < 0 ||
	    !(f = fdopen(fd, "w"))) {
		cw_app_status(app, 1, "cannot make a temporary file: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		wipe_folder(dir);
		return;
	}
	fputs(cw_edit_text(&ff->edit), f);
	fclose(f);
	cw_screen_suspend();
	status = run_editor_command(editor, path);
	cw_screen_resume();
	/* The notes were being typed all along: no idle lock for the time the editor ran. */
	cw_app_touch(app);
	if (status != 0) {
		cw_app_status(app, 1, "the editor exited with status %d; notes unchanged", status);
	} else if ((f = fopen(path, "r"))) {
		FILE *mem = open_memstream(&text, &len);
		char buf[4096];
		size_t n;

		while (mem && (n = fread(buf, 1, sizeof buf, f)) > 0)
			fwrite(buf, 1, n, mem);
		if (mem)
			fclose(mem);
		fclose(f);
		while (text && len > 0 && text[len - 1] == '\n')
			text[--len] = '\0';
		if (!text)
			cw_app_status(app, 1, "out of memory");
		else if (cw_text_validate(text, 65536, CW_TEXT_MULTILINE, ff->name, &err) != 0)
			cw_app_error(app, &err);
		else
			cw_form_set_text(fm, fm->cur, text);
		free(text);
	}
	wipe_folder(dir);
}

/* ---- W: a week's summary into the reports folder -------------------------------------- */

/* W: asks which week, the last complete one offered. */
static void report_ask_week(struct cw_app *app)
{
	char text[16];
	int y, w;

	cw_report_last_week(cw_date_today(), &y, &w);
	snprintf(text, sizeof text, "%04d-W%02d", y, w);
	app->prompting = CW_PROMPT_WEEK;
	cw_edit_set(&app->prompt, text);
}

void cw_app_forget_report(struct cw_app *app)
{
	if (app->report_kept) {
		cw_report_free(app->report_kept);
		free(app->report_kept);
		app->report_kept = NULL;
	}
}

/* Writes the summary asked for and shows it. */
static void report_write(struct cw_app *app)
{
	struct cw_error err;
	struct cw_pane *v;
	char *text = NULL;
	struct cw_report_about about = {0};
	struct cw_identity_public pub;
	char org[512], conf[512], fp[CW_FINGERPRINT_TEXT_MAX];
	int rc, sign = cw_sign_reports_setting(cw_config_path());

	/* The header as the command line writes it: the config file's organisation and note. */
	if (cw_config_get(cw_config_path(), "organisation", org, sizeof org, NULL) == 0)
		about.organisation = org;
	if (cw_config_get(cw_config_path(), "confidentiality", conf, sizeof conf, NULL) == 0)
		about.confidentiality = conf;
	about.author = app->session ? app->session->author : NULL;
	about.generated_us = cw_now_us();
	/* Signed: the summary says so in its header, with the key's fingerprint. */
	if (sign && cw_store_identity(app->st, &pub, &err) == 0) {
		cw_identity_fingerprint(&pub, fp);
		about.signed_by = fp;
	}
	/* The summary gathered to count its confidential records is the one written, unless
	 * they are to be put in (then it is gathered again with them). */
	/* Signed too when the config file asks (sign_reports = yes): PATH.sig beside it. */
	if (app->report_kept && !app->report_include_confidential)
		rc = cw_report_write_built(app->report_kept, &about,
					   (enum cw_report_format)app->report_format,
					   app->report_path, sign ? app->st : NULL, &text, &err);
	else
		rc = cw_report_write_week(
			app->st, &app->filter.f, app->report_year, app->report_week, &about,
			app->report_include_confidential, (enum cw_report_format)app->report_format,
			app->report_path, sign, &text, &err);
	cw_app_forget_report(app);
	if (rc != 0) {
		cw_app_error(app, &err);
		return;
	}
	if (app->report_include_confidential)
		cw_app_status(app, 0, "summary written to %s, confidential records in it",
			      app->report_path);
	else if (sign)
		cw_app_status(app, 0, "summary signed and written to %s (and its .sig beside it)",
			      app->report_path);
	else
		cw_app_status(app, 0, "summary written to %s", app->report_path);
	v = cw_app_push(app, CW_V_HELP);
	v->what = N_("summary");
	if (asprintf(&v->title, _("%04d-W%02d, written to %s   Esc closes"), app->report_year,
		     app->report_week, app->report_path) < 0)
		v->title = NULL;
	rc = cw_pane_text(v, text, 2);
	free(text);
	if (!v->title || rc != 0) {
		cw_app_pop(app);
		cw_app_status(app, 1, "summary written to %s; out of memory to show it",
			      app->report_path);
	}
}

/* The week's file name: named with the filter it was written for, so that the week's summary
 * of 494/495 and of one case are two files, neither taken for the other nor asked to be
 * written over by it; what the summary withholds of the filter, the name withholds too. */
static void report_file_name(const struct cw_app *app, char *name, size_t len)
{
	cw_report_week_file(app->report_year, app->report_week, &app->filter.f,
			    app->report_kept ? app->report_kept->filter_withheld : 0,
			    (enum cw_report_format)app->report_format, name, len);
}

/* After the format (and the confidential records): where the summary goes, the reports folder
 * and the week's file name offered on the status line to be taken with Enter or changed (a
 * monitor may want it on a USB stick, or beside a case's papers). */
static void report_ask_path(struct cw_app *app)
{
	char dir[1024], name[CW_REPORT_WEEK_FILE_MAX], path[sizeof app->report_path];

	cw_reports_dir(cw_config_path(), dir, sizeof dir);
	report_file_name(app, name, sizeof name);
	/* Too long for the line, the folder alone is offered: never a path cut short. */
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
		snprintf(path, sizeof path, "%s/", dir);
	if (cw_edit_set(&app->prompt, path) != 0) {
		cw_app_forget_report(app);
		cw_app_status(app, 1, "out of memory");
		return;
	}
	app->prompting = CW_PROMPT_REPORT_PATH;
}

/* The place typed into app->report_path: "~/" expanded; a folder (one there, or any text
 * ending in "/") given the week's file name; a name with no folder put in the reports folder,
 * never into the folder casewatch happened to be started from. */
static int report_read_path(struct cw_app *app, const char *text, struct cw_error *err)
{
	char typed[sizeof app->report_path], path[sizeof app->report_path];
	char dir[1024], name[CW_REPORT_WEEK_FILE_MAX];
	struct stat sb;
	size_t n;
	int cut;

	char trimmed[sizeof app->report_path];
	size_t tl;

	/* Spaces around what was typed are none of the name (a trial's "   /tmp/x.md  " made a
	 * folder of three spaces in the reports folder). */
	while (*text == ' ' || *text == '\t')
		text++;
	tl = strlen(text);
	while (tl && (text[tl - 1] == ' ' || text[tl - 1] == '\t'))
		tl--;
	if (tl >= sizeof trimmed)
		return cw_error_set(err, CW_EINVAL, "file", "the path is too long");
	memcpy(trimmed, text, tl);
	trimmed[tl] = '\0';
	text = trimmed;
	if (!text[0])
		return cw_error_set(err, CW_EINVAL, "file",
				    "write where the summary goes, or Esc: not now");
	cw_home_path(text, typed, sizeof typed);
	if (strlen(typed) + 1 >= sizeof typed) /* "~/" made it longer than the room */
		return cw_error_set(err, CW_EINVAL, "file", "the path is too long");
	if (typed[0] == '/') {
		cut = snprintf(path, sizeof path, "%s", typed) >= (int)sizeof path;
	} else {
		cw_reports_dir(cw_config_path(), dir, sizeof dir);
		cut = snprintf(path, sizeof path, "%s/%s", dir, typed) >= (int)sizeof path;
	}
	n = strlen(path);
	if (!cut && (path[n - 1] == '/' || (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)))) {
		report_file_name(app, name, sizeof name);
		cut = snprintf(app->report_path, sizeof app->report_path, "%s%s%s", path,
			       path[n - 1] == '/' ? "" : "/", name) >= (int)sizeof app->report_path;
	} else if (!cut) {
		memcpy(app->report_path, path, n + 1);
	}
	if (cut)
		return cw_error_set(err, CW_EINVAL, "file", "the path is too long");
	return 0;
}

/* The place known: asks before it writes over a file that is there already. */
static void report_place(struct cw_app *app)
{
	const char *slash = strrchr(app->report_path, '/');
	struct stat sb;

	if (stat(app->report_path, &sb) == 0) {
		app->question = CW_Q_REPORT_OVERWRITE;
		/* The question first: a narrow screen cuts the end of the line. */
		snprintf(app->question_text, sizeof app->question_text,
			 _("Write over %s, there already? y/N"),
			 slash ? slash + 1 : app->report_path);
		return;
	}
	report_write(app);
}

/* After the format: a week that holds confidential records or fields asks whether to put them
 * in (left out unless y: the summary goes to partners). */
static void report_ask_confidential(struct cw_app *app)
{
	struct cw_error err;
	size_t n, fields;
	char some_records[160], some_fields[160]; /* Khmer takes three bytes a letter */

	app->report_include_confidential = 0;
	cw_app_forget_report(app);
	if (!(app->report_kept = calloc(1, sizeof *app->report_kept))) {
		cw_app_status(app, 1, "out of memory");
		return;
	}
	if (cw_report_week_build(app->st, &app->filter.f, app->report_year, app->report_week, 0,
				 app->report_kept, &err) != 0) {
		cw_app_forget_report(app);
		cw_app_error(app, &err);
		return;
	}
	n = app->report_kept->confidential.records;
	fields = app->report_kept->confidential.fields;
	if (n == 0 && fields == 0) {
		report_ask_path(app);
		return;
	}
	app->question = CW_Q_REPORT_CONFIDENTIAL;
	if (fields == 0) {
		snprintf(app->question_text, sizeof app->question_text,
			 P_("Put in the %zu confidential record the week holds (its header then "
			    "says so)? y/N",
			    "Put in the %zu confidential records the week holds (its header then "
			    "says so)? y/N",
			    n),
			 n);
		return;
	}
	/* y puts in the confidential fields too (a detainee's account of a beating in a
	 * visit's notes): the question names them, or it would ask about less than y writes. */
	snprintf(some_fields, sizeof some_fields,
		 P_("%zu confidential field", "%zu confidential fields", fields), fields);
	if (n == 0) {
		snprintf(app->question_text, sizeof app->question_text,
			 _("Put in the %s of the week's records (its header then says so)? y/N"),
			 some_fields);
		return;
	}
	snprintf(some_records, sizeof some_records,
		 P_("%zu confidential record", "%zu confidential records", n), n);
	snprintf(app->question_text, sizeof app->question_text,
		 _("Put in the %s and the %s the week holds (its header then says so)? y/N"),
		 some_records, some_fields);
}

/* The names a format is typed by, its key their first letter. */
static const struct {
	enum cw_report_format fmt;
	const char *word;
} report_words[] = {{CW_REPORT_MD, "md"},   {CW_REPORT_MD, "markdown"}, {CW_REPORT_HTML, "html"},
		    {CW_REPORT_CSV, "csv"}, {CW_REPORT_JSON, "json"},   {CW_REPORT_PDF, "pdf"}};

/* The format question's answer: one key. */
static void report_answer_format(struct cw_app *app, int key)
{
	static const struct {
		int key;
		enum cw_report_format fmt;
	} keys[] = {{'\r', CW_REPORT_MD},  {'\n', CW_REPORT_MD}, {'m', CW_REPORT_MD},
		    {'h', CW_REPORT_HTML}, {'c', CW_REPORT_CSV}, {'j', CW_REPORT_JSON},
		    {'p', CW_REPORT_PDF}};

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (key == keys[i].key) {
			app->report_format = (int)keys[i].fmt;
			app->report_word[0] = key == '\r' || key == '\n' ? '\0' : (char)key;
			app->report_word[1] = '\0';
			app->report_word_ms = cw_app_now_ms(app);
			report_ask_confidential(app);
			return;
		}
	cw_app_status(app, 0, "no summary written");
}

/* Within this of the letter before it, a letter goes on typing the format's name as a word;
 * later it is the next question's (a path typed after a pause may well start "sv"). */
#define REPORT_WORD_MS 1000

/* A key typed right after the format's, that goes on spelling the format's name ("pdf" typed
 * whole, as a word): swallowed, and 1 returned. The question takes one key, and the rest of
 * the word went on into the next one: "df" after the place offered wrote "….pdfdf" (a field
 * trial), and "d" answered the confidential question no. Any other key, or one after a pause,
 * ends the word and is what it always is. */
static int report_word_goes_on(struct cw_app *app, int key)
{
	size_t n = strlen(app->report_word);
	int64_t now = cw_app_now_ms(app);

	if (!n || now - app->report_word_ms > REPORT_WORD_MS ||
	    (app->question != CW_Q_REPORT_CONFIDENTIAL &&
	     app->prompting != CW_PROMPT_REPORT_PATH)) {
		app->report_word[0] = '\0';
		return 0;
	}
	for (size_t i = 0; i < sizeof report_words / sizeof report_words[0]; i++)
		if ((int)report_words[i].fmt == app->report_format && key >= 'A' && key <= 'z' &&
		    n < strlen(report_words[i].word) &&
		    !strncmp(report_words[i].word, app->report_word, n) &&
		    report_words[i].word[n] == (char)tolower(key) &&
		    n + 1 < sizeof app->report_word) {
			app->report_word[n] = report_words[i].word[n];
			app->report_word[n + 1] = '\0';
			app->report_word_ms = now;
			return 1;
		}
	app->report_word[0] = '\0';
	return 0;
}

/* ---- m: merging a person recorded twice --------------------------------------------------- */

/* The person typed is found (or said not to be, or to be several): then the question. */
static void merge_ask(struct cw_app *app, const char *text)
{
	struct cw_record_list cands = {0};
	struct cw_record keep, other;
	struct cw_error err;
	int rc = cw_store_resolve(app->st, CW_KIND_PERSON, text, &app->merge_keep, &cands, &err);

	cw_record_list_free(&cands);
	if (rc != 0) {
		cw_app_error(app, &err); /* the line stays open with what was typed */
		return;
	}
	if (cw_id_equal(&app->merge_keep, &app->question_id)) {
		cw_app_status(app, 1, "merge into: that is the same person; name the other one");
		return;
	}
	if (cw_store_get(app->st, &app->merge_keep, &keep, &err) != 0) {
		cw_app_error(app, &err);
		return;
	}
	if (cw_store_get(app->st, &app->question_id, &other, &err) != 0) {
		cw_record_free(&keep);
		cw_app_error(app, &err);
		return;
	}
	app->prompting = CW_PROMPT_NONE;
	app->question = CW_Q_MERGE;
	cw_text_format(
		app->question_text, sizeof app->question_text,
		_("Merge %.80s into %.80s? Every record naming the first will name the second "
		  "(u takes it back). y/N"),
		cw_record_label(&other), cw_record_label(&keep));
	cw_record_free(&keep);
	cw_record_free(&other);
}

/* ---- keys ------------------------------------------------------------------------------- */

/* An upgrade at the store's opening left records out of every index: said in a pane over
 * whatever is open, since it is the one time it is known (the next opening finds the database
 * upgraded and says nothing) and the status line would cut it at 80 columns, before what to
 * do, and lose it at the next key. Esc closes it. */
void cw_app_upgrade_note(struct cw_app *app)
{
	char note[1024];
	struct cw_pane *v;

	if (!app->session || !cw_session_upgrade_note(app->session, note, sizeof note))
		return;
	v = cw_app_push(app, CW_V_HELP);
	v->what = N_("warning");
	v->title = strdup(_("Warning: the upgrade left records out   Esc closes"));
	if (!v->title || cw_pane_text(v, note, 2) != 0) {
		cw_app_pop(app); /* said on the status line, where it may be cut */
		cw_app_status(app, 1, "warning: %s", note);
	}
}

static void form_key(struct cw_app *app, struct cw_pane *v, int key);
static void ask_add_person(struct cw_app *app, struct cw_form *fm);

static void answer_question(struct cw_app *app, int key)
{
	enum cw_question q = app->question;
	struct cw_delete_note note;
	struct cw_error err;

	app->question = CW_Q_NONE;
	if (q == CW_Q_REPORT_FORMAT) {
		report_answer_format(app, key);
		return;
	}
	if (q == CW_Q_SAVE_TWICE) {
		struct cw_pane *top = cw_app_top(app);

		if (cw_key_says_yes(key) && top->type == CW_V_FORM) {
			top->form->twice_ok = 1;
			form_key(app, top, CW_KEY_CTRL('s'));
		} else {
			cw_app_status(app, 0, "not saved: the form is as it was (Esc leaves it)");
		}
		return;
	}
	if (q == CW_Q_ADD_PERSON) {
		struct cw_pane *top = cw_app_top(app);

		if (cw_key_says_yes(key) && top->type == CW_V_FORM) {
			struct cw_form *fm = top->form;
			char name[CW_FORM_NAME_BYTES], saved[sizeof app->status],
				tail[sizeof app->status_tail];
			size_t n = fm->nmissing;

			/* One question for each new person; the save once all said yes. */
			if (++fm->agreed < fm->nmissing) {
				ask_add_person(app, fm);
				return;
			}
			snprintf(name, sizeof name, "%s", fm->missing[0]);
			fm->add_missing = 1;
			form_key(app, top, CW_KEY_CTRL('s'));
			/* Still open: something else stopped it, and it says what. Saved: the
			 * people added, then what the save said ("saved demo ...", or "added
			 * case ...: <a warning>"), its "(! shows fixes)" kept. */
			snprintf(saved, sizeof saved, "%s", app->status);
			snprintf(tail, sizeof tail, "%s", app->status_tail);
			if (cw_app_top(app)->type == CW_V_FORM)
				cw_app_top(app)->form->add_missing = 0;
			else if (n == 1)
				cw_app_status(app, 0, "added %.100s; %s", name, saved);
			else
				cw_app_status(app, 0, "added %zu people; %s", n, saved);
			if (cw_app_top(app)->type != CW_V_FORM && tail[0])
				snprintf(app->status_tail, sizeof app->status_tail, "%s", tail);
		} else {
			cw_app_status(app, 0, "not saved: choose a person who is there, or say y");
		}
		return;
	}
	if (q == CW_Q_MERGE) {
		struct cw_merge_stats stats;

		if (!cw_key_says_yes(key)) {
			cw_app_status(app, 0, "nobody merged");
		} else if (cw_store_merge_people(app->st, &app->merge_keep, &app->question_id,
						 &stats, &err) != 0) {
			cw_app_error(app, &err);
		} else {
			char msg[160];

			/* Screens of the person merged away go. */
			while (app->depth > 0 &&
			       cw_id_equal(&cw_app_top(app)->id, &app->question_id))
				cw_app_pop(app);
			cw_app_invalidate(app);
			snprintf(msg, sizeof msg,
				 P_("merged: %zu record now names the person kept",
				    "merged: %zu records now name the person kept", stats.moved),
				 stats.moved);
			cw_app_status(app, 0, "%s", msg);
		}
		return;
	}
	if (q == CW_Q_UNDO) {
		struct cw_undo_info info;

		if (!cw_key_says_yes(key)) {
			cw_app_status(app, 0, "nothing taken back");
		} else if (cw_store_undo(app->st, &app->undo_asked, &info, &err) != 0) {
			cw_app_error(app, &err);
		} else {
			static const char *const done[] = {N_("added"), N_("edited"), N_("deleted"),
							   N_("merged")};

			/* Screens showing a record an undo deleted go. */
			while (app->depth > 0 && cw_id_equal(&cw_app_top(app)->id, &info.id) &&
			       info.action == CW_UNDO_ADDED)
				cw_app_pop(app);
			cw_app_invalidate(app);
			if (info.others)
				cw_app_status(app, 0,
					      "taken back: %s %.120s, with %zu other record(s)",
					      _(done[info.action]), info.label, info.others);
			else
				cw_app_status(app, 0, "taken back: %s %.120s", _(done[info.action]),
					      info.label);
		}
		return;
	}
	if (q == CW_Q_DELETE_DRAFT) {
		if (!cw_key_says_yes(key))
			cw_app_status(app, 0, "draft kept");
		else if (cw_store_draft_delete(app->st, &app->question_id, &err) != 0)
			cw_app_error(app, &err);
		else
			cw_app_status(app, 0, "draft deleted");
		return;
	}
	if (q == CW_Q_REPORT_CONFIDENTIAL) {
		app->report_include_confidential = cw_key_says_yes(key);
		report_ask_path(app);
		return;
	}
	if (q == CW_Q_REPORT_OVERWRITE) {
		if (cw_key_says_yes(key)) {
			report_write(app);
		} else {
			cw_app_forget_report(app);
			cw_app_status(app, 0, "not written: %s is as it was", app->report_path);
		}
		return;
	}
	if (!cw_key_says_yes(key)) {
		cw_app_status(app, 0,
			      q == CW_Q_DELETE    ? "not deleted"
			      : q == CW_Q_RESOLVE ? _("conflict left as it is")
						  : _("kept the form"));
		return;
	}
	if (q == CW_Q_RESOLVE) {
		if (cw_sync_resolve(app->st, &app->question_id, app->question_choice, &err) != 0) {
			cw_app_error(app, &err);
			return;
		}
		cw_app_invalidate(app);
		cw_app_status(app, 0, "resolved: version %zu kept", app->question_choice + 1);
		return;
	}
	if (q == CW_Q_DISCARD) {
		struct cw_form *fm =
			cw_app_top(app)->type == CW_V_FORM ? cw_app_top(app)->form : NULL;

		/* A draft the lock made for this form goes with it: the user never asked for one.
		 */
		if (fm && fm->lock_draft &&
		    cw_store_draft_delete(app->st, &fm->draft_id, &err) != 0 &&
		    err.code != CW_ENOTFOUND) {
			cw_app_error(app, &err);
			return;
		}
		cw_app_pop(app);
		cw_app_status(app, 0, "form discarded");
		return;
	}
	if (cw_store_delete_noting(app->st, &app->question_id, &note, &err) != 0) {
		cw_app_error(app, &err);
		return;
	}
	/* Leave screens that showed the deleted record. */
	while (app->depth > 0 && cw_id_equal(&cw_app_top(app)->id, &app->question_id))
		cw_app_pop(app);
	cw_app_invalidate(app);
	if (app->question_choice) {
		char line[200];

		snprintf(line, sizeof line,
			 P_("deleted, and %zu attached file detached: u brings the record back "
			    "(not the file) until the next change",
			    "deleted, and %zu attached files detached: u brings the record back "
			    "(not the files) until the next change",
			    app->question_choice),
			 app->question_choice);
		cw_app_status(app, 0, "%s", line);
		return;
	}
	if (note.stage) {
		/* The stage a ruling moved stays, as on the command line: said. */
		char kase[CW_ID_HEX_LEN + 1];

		cw_id_hex(&note.case_id, kase);
		cw_app_status(app, 0,
			      "deleted; case %.8s stays at stage \"%s\", where it may have moved "
			      "it (the stage before is not kept): set it back by hand if it should "
			      "go back",
			      kase, cw_enum_label(&cw_words_stage, note.stage));
		return;
	}
	cw_app_status(app, 0,
		      "deleted: u brings it back until the next change; `casewatch undo --forget` "
		      "wipes it now");
}

/* Enter on the caption's line: saved (one write, with its audit entry), or the line stays
 * open with the reason (the same caption, a control character ...). */
static void caption_save(struct cw_app *app, const char *text)
{
	struct cw_attachment now;
	struct cw_error err;

	if (cw_store_attachment_caption(app->st, &app->question_id, text, &now, &err) != 0) {
		cw_app_error(app, &err);
		return;
	}
	app->prompting = CW_PROMPT_NONE;
	if (now.caption)
		cw_app_status(app, 0, "caption of %s saved", now.name);
	else
		cw_app_status(app, 0, "%s has no caption now", now.name);
	cw_attachment_free(&now);
	cw_app_invalidate(app);
}

static void prompt_key(struct cw_app *app, int key)
{
	enum cw_action a = cw_keys_lookup(CW_CTX_PROMPT, key);
	struct cw_error err;

	if (a == CW_ACT_NONE)
		a = cw_keys_lookup(CW_CTX_EDIT, key);
	switch (a) {
	case CW_ACT_APPLY:
		if (app->prompting == CW_PROMPT_MERGE) {
			merge_ask(app, cw_edit_text(&app->prompt));
			return;
		}
		if (app->prompting == CW_PROMPT_CAPTION) {
			caption_save(app, cw_edit_text(&app->prompt));
			return;
		}
		if (app->prompting == CW_PROMPT_REPORT_PATH) {
			if (report_read_path(app, cw_edit_text(&app->prompt), &err) != 0) {
				cw_app_error(app, &err); /* the line stays open */
				return;
			}
			app->prompting = CW_PROMPT_NONE;
			report_place(app);
			return;
		}
		if (app->prompting == CW_PROMPT_WEEK) {
			if (cw_report_read_week(cw_edit_text(&app->prompt), cw_date_today(),
						&app->report_year, &app->report_week, &err) != 0) {
				cw_app_error(app, &err); /* the line stays open */
				return;
			}
			app->prompting = CW_PROMPT_NONE;
			app->question = CW_Q_REPORT_FORMAT;
			snprintf(app->question_text, sizeof app->question_text,
				 _("%04d-W%02d as: Enter or m Markdown, h HTML, c CSV, j JSON, p "
				   "PDF; "
				   "any other key: not now"),
				 app->report_year, app->report_week);
			return;
		}
		if (cw_filter_state_apply(&app->filter, cw_edit_text(&app->prompt), &err) != 0) {
			/* The line stays open with what was typed. */
			cw_app_error(app, &err);
			return;
		}
		app->prompting = CW_PROMPT_NONE;
		for (int i = 0; i < CW_TAB_COUNT; i++)
			cw_pager_home(&app->tabs[i].pg);
		cw_app_invalidate(app);
		return;
	case CW_ACT_DISMISS:
		if (app->prompting == CW_PROMPT_REPORT_PATH)
			cw_app_forget_report(app);
		if (app->prompting == CW_PROMPT_WEEK || app->prompting == CW_PROMPT_REPORT_PATH)
			cw_app_status(app, 0, "no summary written");
		else if (app->prompting == CW_PROMPT_MERGE)
			cw_app_status(app, 0, "nobody merged");
		else if (app->prompting == CW_PROMPT_CAPTION)
			cw_app_status(app, 0, "caption unchanged");
		app->prompting = CW_PROMPT_NONE;
		return;
	case CW_ACT_CURSOR_LEFT:
		cw_edit_left(&app->prompt);
		return;
	case CW_ACT_CURSOR_RIGHT:
		cw_edit_right(&app->prompt);
		return;
	case CW_ACT_LINE_START:
		cw_edit_home(&app->prompt);
		return;
	case CW_ACT_LINE_END:
		cw_edit_end(&app->prompt);
		return;
	case CW_ACT_BACKSPACE:
		cw_edit_backspace(&app->prompt);
		return;
	case CW_ACT_DELETE_CHAR:
		cw_edit_delete(&app->prompt);
		return;
	case CW_ACT_KILL_LINE:
		cw_edit_set(&app->prompt, "");
		return;
	case CW_ACT_KILL_WORD:
		cw_edit_kill_word(&app->prompt);
		return;
	default:
		if (CW_KEY_IS_FN(key) || key < 0 || key > 0x10FFFF)
			return;
		/* A caption may be as long as the command line takes; a filter line as long
		 * as a filter. A key past that says so rather than vanishing. */
		if (app->prompt.len + 4 >=
		    (app->prompting == CW_PROMPT_CAPTION       ? (size_t)CW_ATTACH_CAPTION_MAX
		     : app->prompting == CW_PROMPT_REPORT_PATH ? sizeof app->report_path - 8
							       : (size_t)CW_FILTER_LINE_MAX - 4)) {
			cw_app_status(app, 1, "the line is full");
			return;
		}
		cw_edit_insert(&app->prompt, (unsigned)key);
	}
}

int cw_app_keep_draft(struct cw_app *app, struct cw_form *fm, struct cw_error *err)
{
	struct cw_draft d = {0};
	char label[300];
	int rc;

	d.id = fm->draft_id;
	d.kind = (uint8_t)fm->kind;
	if (fm->editing)
		d.record = fm->rec.id;
	cw_form_draft_label(fm, label, sizeof label);
	if (!(d.label = strdup(label)) || cw_form_draft_body(fm, &d.body) != 0)
		rc = cw_error_set(err, CW_ENOMEM, "draft", "out of memory: the draft was not kept");
	else if ((rc = cw_store_draft_put(app->st, &d, err)) == 0)
		fm->draft_id = d.id; /* saved again, or completed, it is this draft */
	cw_draft_free(&d);
	return rc;
}

/* C-t: the form kept as a draft (what was typed, as typed) and closed. */
static void save_draft(struct cw_app *app, struct cw_pane *v)
{
	struct cw_error err;

	if (cw_app_keep_draft(app, v->form, &err) != 0) {
		cw_app_error(app, &err); /* the form stays open, nothing lost */
		return;
	}
	cw_app_pop(app);
	cw_app_invalidate(app);
	cw_app_status(app, 0,
		      "kept as a draft (5 lists the drafts): it is in no list or report "
		      "until it is finished");
}

/* Saving a new person close to one already there (app/people.h) asks first: 1 when it asked. */
static int ask_if_twice(struct cw_app *app, struct cw_form *fm)
{
	struct cw_record rec, like;
	struct cw_error err;
	char hex[CW_ID_HEX_LEN + 1];
	int rc;

	if (fm->kind != CW_KIND_PERSON || fm->editing || fm->twice_ok)
		return 0;
	/* What does not build is left to the save, which says what is wrong. */
	rc = cw_form_build(fm, &rec, &err);
	if (rc == 0)
		rc = cw_person_like(app->st, rec.u.person.name, rec.u.person.name_km, NULL, &like,
				    &err);
	cw_record_free(&rec);
	if (rc <= 0)
		return 0;
	cw_id_hex(&like.id, hex);
	app->question = CW_Q_SAVE_TWICE;
	cw_text_format(
		app->question_text, sizeof app->question_text,
		_("%.120s (%.8s) is already in the database: add another person with this name? "
		  "y/N"),
		cw_record_label(&like), hex);
	cw_record_free(&like);
	return 1;
}

/* The question about the next new defendant of a case's form, saying when a name close to
 * theirs is in the database already (app/people.h: case, accents, spacing, a Khmer name for a
 * Latin, a typo). */
static void ask_add_person(struct cw_app *app, struct cw_form *fm)
{
	const char *who = fm->missing[fm->agreed];
	char of[40] = "", name[100], close[200] = "", hex[CW_ID_HEX_LEN + 1];
	struct cw_record like;
	struct cw_error err;

	if (fm->nmissing > 1)
		snprintf(of, sizeof of, _(" (%zu of %zu)"), fm->agreed + 1, fm->nmissing);
	/* Close by case, accents or spacing; else by a letter or two (a typo). */
	if (cw_person_like(app->st, who, NULL, NULL, &like, &err) > 0 ||
	    cw_person_typo(app->st, who, &like, &err) > 0) {
		cw_id_hex(&like.id, hex);
		snprintf(name, sizeof name, "%s", cw_record_label(&like));
		cw_text_trim_utf8(name); /* not cut inside a character */
		snprintf(close, sizeof close, _(", though %s (%.8s) is close"), name, hex);
		cw_record_free(&like);
	}
	app->question = CW_Q_ADD_PERSON;
	cw_text_format(app->question_text, sizeof app->question_text,
		       _("%.100s is not in the database yet%s: add this person%s%s%s? y/N"), who,
		       close,
		       cw_form_confidential(fm) ? _(" (confidential, as the record is)") : "", of,
		       fm->agreed + 1 == fm->nmissing ? _(" and save") : "");
}

/* What to know about a record just saved (app/advice.h): each thing after the other for the
 * status line (which takes the line above it too when that is not enough), and whole, each
 * with how to put it right, for `!`. */
struct advice_text {
	char status[CW_ADVICE_TEXT_MAX];
	char *all; /* "1. what\n   fix\n\n..." */
	size_t len, n;
	int failed;
};

static void add_advice(void *ctx, const char *what, const char *fix)
{
	struct advice_text *a = ctx;
	size_t n = strlen(a->status);
	char *piece = NULL, *grown;
	int len;

	snprintf(a->status + n, sizeof a->status - n, "%s%s", n ? "; " : "", what);
	if (a->failed)
		return;
	/* TRANSLATORS: a warning after saving, numbered, and under it how to put it right */
	len = asprintf(&piece, _("%zu. %s\n   %s\n\n"), ++a->n, what, fix);
	if (len < 0 || !(grown = realloc(a->all, a->len + (size_t)len + 1))) {
		free(piece);
		a->failed = 1;
		return;
	}
	memcpy(grown + a->len, piece, (size_t)len + 1);
	a->all = grown;
	a->len += (size_t)len;
	free(piece);
}

/* The record just saved, read back for what a save warns of (app/advice.h), that cannot be:
 * said as the save's warning, with the store's error naming it. Skipped, the status line read
 * "added" alone, and the monitor took the record as having nothing to know; the save itself
 * stands, and the status line says so before this. */
static void saved_unread(struct advice_text *a, int rc, const struct cw_error *err)
{
	char what[CW_ADVICE_TEXT_MAX];

	snprintf(what, sizeof what,
		 _("it cannot be read back, so what a save warns of was not checked: %s"),
		 err->message[0] ? err->message : cw_error_name(rc));
	cw_text_trim_utf8(what);
	/* No memory to read it back is no damage: not sent to verify as if it were. */
	add_advice(a, what,
		   rc == CW_ENOMEM ? _("nothing is damaged: memory ran short; close other "
				       "programs and check the record again")
				   : _("'casewatch verify' lists every damaged record"));
}

void cw_app_forget_warnings(struct cw_app *app)
{
	if (app->warnings) {
		sodium_memzero(app->warnings, app->warnings_len);
		free(app->warnings);
	}
	app->warnings = NULL;
	app->warnings_len = 0;
	sodium_memzero(app->warnings_about, sizeof app->warnings_about);
}

/* !: the last save's warnings, whole, each with its fix, in a pane of their own. */
static void show_warnings(struct cw_app *app)
{
	struct cw_pane *v;

	if (!app->warnings && app->warnings_wiped) {
		cw_app_status(app, 0, "the last save's warnings were wiped when it locked");
		return;
	}
	if (!app->warnings) {
		cw_app_status(app, 0, "the last save gave no warnings");
		return;
	}
	v = cw_app_push(app, CW_V_HELP);
	v->what = N_("warnings");
	if (asprintf(&v->title, _("Warnings on saving %s   Esc closes"), app->warnings_about) < 0)
		v->title = NULL;
	/* A warning's continuation lines under its text and its fix: "1. " is 3 columns. */
	if (!v->title || cw_pane_text(v, app->warnings, 3) != 0) {
		cw_app_pop(app);
		cw_app_status(app, 1, "out of memory");
	}
}

static void form_key(struct cw_app *app, struct cw_pane *v, int key)
{
	char hex[CW_ID_HEX_LEN + 1];
	enum cw_kind kind = v->form->kind;
	int editing = v->form->editing;

	if (cw_keys_lookup(CW_CTX_FORM, key) == CW_ACT_SAVE && !v->form->jumping &&
	    !v->form->noting && !v->form->which && ask_if_twice(app, v->form))
		return;

	switch (cw_form_key(v->form, key)) {
	case CW_FORM_SAVED: {
		struct advice_text advice = {.status = "", .all = NULL};
		struct cw_record saved;
		struct cw_error err;
		int rc;

		cw_id_hex(&v->form->saved_id, hex);
		if (v->form->unchanged) {
			cw_app_pop(app);
			cw_app_status(app, 0, "nothing changed: %s %.8s left as it was",
				      cw_kind_text(kind), hex);
			break;
		}
		if ((rc = cw_store_get(app->st, &v->form->saved_id, &saved, &err)) == 0) {
			cw_advise_saved(app->st, &saved, add_advice, &advice);
			cw_advise_articles(&saved, add_advice, &advice);
			cw_record_free(&saved);
		} else {
			saved_unread(&advice, rc, &err);
		}
		cw_app_pop(app);
		cw_app_invalidate(app);
		/* The warnings stay for `!` until the next save: the status line goes at the
		 * next key and is cut at its two lines. */
		cw_app_forget_warnings(app);
		app->warnings_wiped = 0;
		if (advice.all && !advice.failed) {
			app->warnings = advice.all;
			app->warnings_len = advice.len;
			advice.all = NULL;
			snprintf(app->warnings_about, sizeof app->warnings_about, "%s %.8s",
				 cw_kind_text(kind), hex);
		}
		if (advice.all) {
			sodium_memzero(advice.all, advice.len);
			free(advice.all);
		}
		if (advice.status[0] && app->warnings) {
			cw_app_status(app, 1, "%s %s %.8s: %s", editing ? _("saved") : _("added"),
				      cw_kind_text(kind), hex, advice.status);
			/* Shown whatever the width: cut the warnings before it. */
			cw_app_status_tail(app, N_("(! shows fixes)"));
		} else if (advice.status[0])
			cw_app_status(app, 1, "%s %s %.8s: %s", editing ? _("saved") : _("added"),
				      cw_kind_text(kind), hex, advice.status);
		else
			cw_app_status(app, 0, "%s %s %.8s", editing ? _("saved") : _("added"),
				      cw_kind_text(kind), hex);
		break;
	}
	case CW_FORM_CANCEL:
		if (v->form->dirty) {
			app->question = CW_Q_DISCARD;
			snprintf(app->question_text, sizeof app->question_text,
				 _("Discard the changes to this %s? y/N"), cw_kind_text(kind));
		} else {
			cw_app_pop(app);
		}
		break;
	case CW_FORM_DRAFT:
		save_draft(app, v);
		break;
	case CW_FORM_EDITOR:
		run_editor(app, v->form);
		break;
	case CW_FORM_HELP:
		/* The form's keys first (a field trial's F1 in a form opened on the lists'). */
		cw_app_push(app, CW_V_HELP)->help_first = CW_CTX_FORM | CW_CTX_CHOICE |
							  CW_CTX_TOGGLE | CW_CTX_PICKER |
							  CW_CTX_EDIT | CW_CTX_WHICH;
		break;
	case CW_FORM_CONTINUE:
		/* Saving stopped at defendants who are no person yet: add them with the case? (A
		 * save goes on after one of the people a name matches is chosen, by Enter.) */
		if (v->form->nmissing && !v->form->add_missing && v->form->tried_save &&
		    !v->form->which) {
			v->form->agreed = 0;
			ask_add_person(app, v->form);
		}
		break;
	}
}

/* Q: a hearing of the case at hand already filled in (app/quick.h), the cursor on its outcome.
 * The case comes from the record under the cursor (a case, a record of one, a person's latest
 * case), the record shown, or the timeline's person. */
static void quick_hearing(struct cw_app *app, struct cw_pane *v)
{
	const struct cw_record *cur = v->type == CW_V_LISTS ? cw_view_lists_current(app) : NULL;
	struct cw_id from = cur ? cur->id : v->id;
	struct cw_record prefill;
	struct cw_error err;
	struct cw_form *fm;
	char now[8];
	time_t t = time(NULL);
	struct tm tm;

	if (v->type == CW_V_LISTS && !cur) {
		cw_app_status(app, 0,
			      "Q: choose a case (or a defendant, or a record of a case) first");
		return;
	}
	now[0] = '\0';
	if (localtime_r(&t, &tm))
		strftime(now, sizeof now, "%H:%M", &tm);
	if (cw_quick_hearing(app->st, &from, cw_date_today(), now[0] ? now : NULL, &prefill,
			     &err) != 0) {
		cw_record_free(&prefill);
		cw_app_error(app, &err);
		return;
	}
	if (!(fm = calloc(1, sizeof *fm)) ||
	    cw_form_open_quick(fm, app->st, &prefill, cw_quick_hearing_fields,
			       cw_quick_hearing_nfields, cw_quick_hearing_start, &err) != 0) {
		if (!fm)
			cw_error_set(&err, CW_ENOMEM, "", "out of memory");
		free(fm);
		cw_record_free(&prefill);
		cw_app_error(app, &err);
		return;
	}
	cw_record_free(&prefill);
	cw_app_push(app, CW_V_FORM)->form = fm;
}

/* The case a record is of: the case itself, or the case of a hearing, a milestone or an
 * incident (zero when it names none). */
static struct cw_id case_of(const struct cw_record *rec)
{
	static const struct cw_id none;

	switch (rec->kind) {
	case CW_KIND_CASE:
		return rec->id;
	case CW_KIND_HEARING:
		return rec->u.hearing.case_id;
	case CW_KIND_MILESTONE:
		return rec->u.milestone.case_id;
	case CW_KIND_INCIDENT:
		return rec->u.incident.case_id;
	default:
		return none;
	}
}

static void new_record(struct cw_app *app, struct cw_pane *v, enum cw_kind kind)
{
	/* Copied first: the form is pushed onto the stack v is in. */
	struct cw_id from = v->id, from_case = v->case_id, kase = {0}, person = {0};
	enum cw_view_type type = v->type;
	int chosen = type == CW_V_LISTS && (app->tab == CW_TAB_CASES || app->tab == CW_TAB_PEOPLE);
	const struct cw_record *cur = chosen ? cw_view_lists_current(app) : NULL;
	struct cw_record rec;
	struct cw_error err;
	struct cw_form *fm;
	int rc;

	/* The case or person under the cursor of the cases' or people's list is named as if it
	 * were shown, as Q does (a field trial pressed H on a case and got an empty form). A row
	 * of the records' list is not: its cursor starts on the newest, which nobody chose. */
	if (cur) {
		from = cur->id;
		type = CW_V_RECORD;
	}
	cw_app_open_form(app, kind, NULL);
	if (cw_app_top(app)->type != CW_V_FORM)
		return;
	fm = cw_app_top(app)->form;
	/* The form starts with what the screen names: a timeline's person (and its case, opened
	 * from one); a case shown or chosen, or the case of a record shown (a hearing, a
	 * milestone of one); a person shown or chosen, or a milestone's person. A form without
	 * such a field (cw_form_preset_ref: CW_ENOTFOUND) is left as it is. */
	if (type == CW_V_TIMELINE) {
		person = from;
		kase = from_case;
	} else if (type == CW_V_RECORD && (rc = cw_store_get(app->st, &from, &rec, &err)) != 0) {
		/* One gone since it was shown starts nothing; one that cannot be read is said,
		 * never taken for none. */
		if (rc != CW_ENOTFOUND)
			cw_error_format(&err, fm->message, sizeof fm->message);
	} else if (type == CW_V_RECORD) {
		kase = case_of(&rec);
		if (rec.kind == CW_KIND_PERSON)
			person = from;
		/* A hearing names no person: a defendant's latest case, as Q takes it. Their
		 * cases that cannot be read are said: the form left without a case would say
		 * nothing of why. */
		if (rec.kind == CW_KIND_PERSON && kind == CW_KIND_HEARING) {
			if (cw_person_latest_case(app->st, &from, &kase, &err) != 0)
				cw_error_format(&err, fm->message, sizeof fm->message);
		} else if (rec.kind == CW_KIND_MILESTONE)
			person = rec.u.milestone.person;
		cw_record_free(&rec);
	}
	/* The person before the case: a milestone's case is checked against its person. */
	if (!cw_id_is_zero(&person))
		cw_form_preset_ref(fm, "person", &person);
	if (!cw_id_is_zero(&kase))
		cw_form_preset_ref(fm, "case", &kase);
}

static void view_key(struct cw_app *app, struct cw_pane *v, int key)
{
	static const unsigned ctx_of[] = {CW_CTX_LIST, CW_CTX_TIMELINE, CW_CTX_RECORD,
					  CW_CTX_FORM, CW_CTX_HELP,     CW_CTX_CONFLICTS};
	enum cw_action a = cw_keys_lookup(ctx_of[v->type], key);
	char name[32];

	switch (a) {
	case CW_ACT_NONE:
		cw_key_name(key, name, sizeof name);
		cw_app_status(app, 0, "%s does nothing here; ? lists the keys", name);
		return;
	case CW_ACT_QUIT:
		app->quit = 1;
		return;
	case CW_ACT_HELP:
		cw_app_push(app, CW_V_HELP);
		return;
	case CW_ACT_LOCK:
		cw_app_lock(app);
		return;
	case CW_ACT_CONFLICTS:
		cw_app_push(app, CW_V_CONFLICTS);
		return;
	case CW_ACT_WARNINGS:
		show_warnings(app);
		return;
	case CW_ACT_BACK:
		cw_app_pop(app);
		return;
	case CW_ACT_REFRESH:
		cw_app_invalidate(app);
		cw_app_status(app, 0, "refreshed");
		return;
	case CW_ACT_REPORT_WEEK:
		/* A week's summary for partners, into the reports folder: which week (the last
		 * complete one offered), which format, then shown (report_write). */
		report_ask_week(app);
		return;
	case CW_ACT_NEW_HEARING:
		new_record(app, v, CW_KIND_HEARING);
		return;
	case CW_ACT_QUICK_HEARING:
		quick_hearing(app, v);
		return;
	case CW_ACT_MERGE_PERSON: {
		const struct cw_record *cur =
			v->type == CW_V_LISTS ? cw_view_lists_current(app) : NULL;

		if (v->type == CW_V_TIMELINE) {
			app->question_id = v->id;
		} else if (cur && cur->kind == CW_KIND_PERSON) {
			app->question_id = cur->id;
		} else {
			cw_app_status(app, 0, "m: choose a person (the list of people, 2) first");
			return;
		}
		app->prompting = CW_PROMPT_MERGE;
		cw_edit_set(&app->prompt, "");
		return;
	}
	case CW_ACT_UNDO: {
		struct cw_error err;
		static const char *const what[] = {N_("the addition of"), N_("the edit of"),
						   N_("the deletion of"), N_("the merge of")};
		const struct cw_undo_info *u = &app->undo_asked;
		char more[120] = "";

		/* Nothing to undo: the store says why. */
		if (cw_store_undo_peek(app->st, &app->undo_asked, &err) != 0) {
			cw_app_error(app, &err);
			return;
		}
		if (u->action == CW_UNDO_MERGED) {
			cw_text_format(more, sizeof more, _(" into \"%.60s"), u->into);
			cw_text_trim_utf8(more); /* not cut inside a character */
			snprintf(more + strlen(more), sizeof more - strlen(more), "\"");
		}
		if (u->others)
			snprintf(more + strlen(more), sizeof more - strlen(more),
				 _(", with %zu other record(s)"), u->others);
		app->question = CW_Q_UNDO;
		cw_text_format(app->question_text, sizeof app->question_text,
			       _("Take back %s %s \"%.100s\"%s? y/N"), _(what[u->action]),
			       cw_kind_text(u->kind), u->label, more);
		return;
	}
	case CW_ACT_NEW_VISIT:
		new_record(app, v, CW_KIND_VISIT);
		return;
	case CW_ACT_NEW_DEMO:
		new_record(app, v, CW_KIND_DEMO);
		return;
	case CW_ACT_NEW_MILESTONE:
		new_record(app, v, CW_KIND_MILESTONE);
		return;
	case CW_ACT_NEW_INCIDENT:
		new_record(app, v, CW_KIND_INCIDENT);
		return;
	case CW_ACT_NEW_PERSON:
		new_record(app, v, CW_KIND_PERSON);
		return;
	case CW_ACT_NEW_CASE:
		new_record(app, v, CW_KIND_CASE);
		return;
	default:
		break;
	}
	switch (v->type) {
	case CW_V_LISTS:
		cw_view_lists_key(app, a);
		break;
	case CW_V_TIMELINE:
		cw_view_timeline_key(app, v, a);
		break;
	case CW_V_RECORD:
		cw_view_record_key(app, v, a);
		break;
	case CW_V_HELP:
		cw_view_help_key(v, a);
		break;
	case CW_V_CONFLICTS:
		cw_view_conflicts_key(app, v, a);
		break;
	case CW_V_FORM:
		break;
	}
}

static void handle_key(struct cw_app *app, int key)
{
	struct cw_pane *v = cw_app_top(app);

	if (key == CW_FN(KEY_RESIZE)) {
		/* curses has the new size; the next draw lays the screen out again */
		cw_screen_repaint();
		return;
	}
	if (app->locked) {
		cw_lock_key(app, key);
		return;
	}
	app->status[0] = '\0';
	/* F12 locks from anywhere: in a form L is a letter, and a monitor who pressed it there
	 * and typed the passphrase put it into the record (a Khmer field trial). A form open is
	 * kept as a draft, as the idle lock keeps it. */
	if (key == CW_FN(KEY_F(12))) {
		cw_app_lock(app);
		return;
	}
	if (report_word_goes_on(app, key))
		return;
	if (app->question)
		answer_question(app, key);
	else if (app->prompting)
		prompt_key(app, key);
	else if (v->type == CW_V_FORM)
		form_key(app, v, key);
	else
		view_key(app, v, key);
}

/* ---- ending by a signal ------------------------------------------------------------------ */

/* SIGHUP (the terminal closed, the user logged out) and SIGTERM (a shutdown) would end the
 * process where it stands, and a form half filled with it. The handler only notes the signal
 * (nothing else is async-signal-safe here); the loop keeps the forms as drafts and ends. It
 * sees the note at once, since the wait for a key returns on a signal (no SA_RESTART), or at
 * the latest a tick later, when the signal came just before the wait began. */
static volatile sig_atomic_t ending_signal;
static const int ending_signals[] = {SIGHUP, SIGTERM};
#define N_ENDING_SIGNALS (sizeof ending_signals / sizeof ending_signals[0])

static void on_ending_signal(int sig)
{
	ending_signal = sig;
}

/* Installed before curses starts: curses catches SIGTERM only when nothing else does, and
 * its handler ends the process at once, the form lost. */
static void catch_ending_signals(struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_ending_signal;
	sigemptyset(&sa.sa_mask);
	ending_signal = 0;
	for (size_t i = 0; i < N_ENDING_SIGNALS; i++) {
		sigaction(ending_signals[i], NULL, &old[i]);
		/* Started with it ignored (nohup): it stays ignored. */
		if (old[i].sa_handler != SIG_IGN)
			sigaction(ending_signals[i], &sa, NULL);
	}
}

static void release_ending_signals(const struct sigaction *old)
{
	for (size_t i = 0; i < N_ENDING_SIGNALS; i++)
		sigaction(ending_signals[i], &old[i], NULL);
}

/* ---- set-up and the loop ---------------------------------------------------------------- */

static int load_script(struct cw_error *err, const char *path, int **keys, size_t *n)
{
	FILE *f = fopen(path, "r");
	char *text = malloc(SCRIPT_MAX + 1), bad[64];
	size_t len;

	*keys = malloc(SCRIPT_MAX * sizeof **keys);
	if (!f || !text || !*keys) {
		if (f)
			fclose(f);
		free(text);
		return cw_error_set(err, CW_EIO, "CASEWATCH_TUI_SCRIPT", "cannot read %.200s",
				    path);
	}
	len = fread(text, 1, SCRIPT_MAX, f);
	fclose(f);
	text[len] = '\0';
	if (cw_keys_parse_script(text, *keys, SCRIPT_MAX, n, bad, sizeof bad) != 0) {
		free(text);
		return cw_error_set(err, CW_EUSAGE, "CASEWATCH_TUI_SCRIPT", "unknown key <%s>",
				    bad);
	}
	free(text);
	return 0;
}

int cw_tui_main(struct cw_session *session, int *ended_by, struct cw_error *err)
{
	const char *script = getenv("CASEWATCH_TUI_SCRIPT"), *size = getenv("CASEWATCH_TUI_SIZE");
	struct cw_error lock_err, backup_err, config_err;
	struct sigaction old_ending[N_ENDING_SIGNALS];
	struct cw_app *app;
	int *keys = NULL, cols = 80, lines = 24, dumped = 0, rc, lost = 0;
	size_t nkeys = 0, next = 0;
	char why[CW_MESSAGE_MAX] = "";

	*ended_by = 0;

	if (script && *script) {
		if ((rc = load_script(err, script, &keys, &nkeys)) != 0) {
			free(keys);
			return rc;
		}
		if (size && (sscanf(size, "%dx%d", &cols, &lines) != 2 || cols < 20 || lines < 5)) {
			free(keys);
			return cw_error_set(err, CW_EUSAGE, "CASEWATCH_TUI_SIZE",
					    "write COLSxLINES, e.g. 80x24");
		}
	} else {
		script = NULL;
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
			return cw_error_set(err, CW_EUSAGE, "",
					    "the terminal interface needs a terminal; "
					    "see casewatch --help for the commands");
	}
	/* Never create a database here: a mistyped --db would open empty and look like lost
	 * data. `casewatch init` creates one, saying where. A passphrase mistyped at the start is
	 * asked again, as the lock screen does, up to three times. */
	session->tries = 3;
	session->keep_warning = 1; /* for the status line: standard error would be hidden at once */
	if (!(app = calloc(1, sizeof *app))) {
		free(keys);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	app->session = session;
	app->scripted = script != NULL;
	app->tab = CW_TAB_RECORDS;
	/* Started again by a lock (tui/lock.c): straight onto the lock screen, nothing opened. */
	if ((script || !cw_lock_resume(app)) && (rc = cw_session_open(session, 0, err)) != 0) {
		free(app);
		free(keys);
		return rc;
	}
	app->st = session->store;
	cw_filter_state_init(&app->filter);
	cw_app_invalidate(app);
	/* A bad lock_after keeps the default and says where it is, so a typo neither stops
	 * casewatch nor silently turns locking off. */
	if (cw_lock_after_setting(cw_config_path(), &app->lock_after, &lock_err) != 0)
		cw_app_error(app, &lock_err);
	/* The same for backup_warn_after (the first bad setting is the one shown). */
	if (cw_backup_warn_setting(cw_config_path(), &app->backup_warn, &backup_err) != 0 &&
	    !app->status[0])
		cw_app_error(app, &backup_err);
	/* Any other line the file cannot hold is said too; the interface starts all the same, so
	 * a typo never keeps a monitor out of the records in court (commands stop instead). */
	if ((cw_config_check(cw_config_path(), &config_err) != 0 ||
	     cw_author_env_check(&config_err) != 0) &&
	    !app->status[0])
		cw_app_error(app, &config_err);
	/* From now on `casewatch lock` in another terminal reaches it (said when it cannot). */
	cw_app_reachable(app);
	/* A passphrase file others can read gives the database to anyone with an account here:
	 * said before any typo in the config file. */
	if (session->warning[0])
		cw_app_status(app, 1, _("warning: %s"), session->warning);
	cw_app_touch(app);
	catch_ending_signals(old_ending);
	if (cw_screen_open(script != NULL, cols, lines) != 0) {
		release_ending_signals(old_ending);
		cw_lockreq_leave(&app->reach, 0);
		free(app);
		free(keys);
		return cw_error_set(err, CW_EIO, "TERM",
				    "cannot start the terminal interface on this terminal");
	}
	/* Once the screen's width is known, which the pane is wrapped to. */
	cw_app_upgrade_note(app);
	while (!app->quit) {
		int key;

		draw(app);
		if (script) {
			if (next >= nkeys)
				break;
			key = keys[next++];
			if (key == CW_KEY_DUMP) {
				cw_screen_dump(stdout);
				fputs("-- end of screen --\n", stdout);
				dumped = 1;
				continue;
			}
			if (CW_KEY_IS_RESIZE_TO(key)) {
				cw_screen_resize((key >> 12) & 0xFFF, key & 0xFFF);
				continue;
			}
		} else {
			key = cw_screen_key(CW_TICK_MS);
		}
		/* A terminal gone without its SIGHUP is a hangup all the same. */
		if (key == CW_KEY_HANGUP)
			ending_signal = SIGHUP;
		if (ending_signal)
			break;
		/* Locked by the idle time, or because the key was destroyed: a key that came is
		 * not the start of a passphrase. */
		if (cw_app_lock_if_key_gone(app) && key != CW_FN(KEY_RESIZE))
			continue;
		/* Or because `casewatch lock` in another terminal asked it to. */
		if (cw_app_lock_if_asked(app) && key != CW_FN(KEY_RESIZE))
			continue;
		if (cw_app_idle(app, key) && key != CW_FN(KEY_RESIZE))
			continue;
		if (app->locked && (key < 0 || key == CW_KEY_TICK))
			continue;
		if (key < 0 || key == CW_KEY_TICK) {
			/* Idle: count again when another process wrote, so its records show; a
			 * recount walks every match, so not on every tick. */
			uint64_t generation = cw_store_generation(app->st);

			if (generation != app->generation) {
				app->generation = generation;
				cw_app_invalidate(app);
			}
			continue;
		}
		handle_key(app, key);
	}
	/* The forms first, while the database is open: the terminal may be gone already. */
	if (ending_signal)
		lost = cw_app_keep_forms_at_exit(app, why, sizeof why);
	if (script && !dumped)
		cw_screen_dump(stdout);
	cw_screen_close();
	*ended_by = ending_signal;
	release_ending_signals(old_ending);
	/* Said where it can still be read (a shutdown's log, a terminal that stays open). */
	if (lost)
		fprintf(stderr, _("casewatch: the unsaved form could not be kept as a draft: %s\n"),
			why);
	while (app->depth > 0)
		cw_app_pop(app);
	for (int i = 0; i < CW_TAB_COUNT; i++)
		cw_record_list_free(&app->tabs[i].win);
	cw_agenda_free(&app->agenda);
	cw_app_forget_report(app);
	cw_app_forget_warnings(app);
	cw_app_forget_doubled(app);
	cw_drafts_free(app->drafts, app->ndrafts);
	cw_edit_free(&app->prompt);
	cw_lock_end(app);
	free(app);
	free(keys);
	return 0;
}
