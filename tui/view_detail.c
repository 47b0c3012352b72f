/* view_detail.c - a defendant's timeline, one record in full, and the help screen. Each is
 * rebuilt from the store on every draw, so it shows what another process wrote meanwhile. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "models/article.h"
#include "models/json.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/text.h"
#include "store/sync.h"
#include "models/timeline.h"
#include "app/attach_open.h"
#include "app/settings.h"
#include "store/attach.h"
#include "tui/screen.h"
#include "report/record_text.h"
#include "tui/view_app.h"

struct lines {
	char **v;
	size_t n, cap;
	int failed;
};

static void add_line(struct lines *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add_line(struct lines *l, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		char **grown = realloc(l->v, cap * sizeof *grown);

		if (!grown) {
			l->failed = 1;
			return;
		}
		l->v = grown;
		l->cap = cap;
	}
	if (!(l->v[l->n] = strdup(buf)))
		l->failed = 1;
	else
		l->n++;
}

void cw_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static int lines_done(struct lines *l, char ***out, size_t *n)
{
	if (l->failed) {
		cw_lines_free(l->v, l->n);
		*out = NULL;
		*n = 0;
		return CW_ENOMEM;
	}
	*out = l->v;
	*n = l->n;
	return 0;
}

/* ---- a record in full ------------------------------------------------------------------- */

static void reading_line(void *ctx, int heading, const char *line)
{
	(void)heading; /* headings stand out by starting at the margin */
	add_line(ctx, "%s", line);
}

int cw_view_record_lines(struct cw_store *st, const struct cw_record *rec, int cols, char ***out,
			 size_t *n, struct cw_error *err)
{
	struct lines l = {0};
	char hex[CW_ID_HEX_LEN + 1], label[20 * 12 + 16];
	int rc = cw_record_reading(st, rec, cols, reading_line, &l, err);

	cw_id_hex(&rec->id, hex);
	/* Padded by display columns, as the reading's labels are: in Khmer a column is 3 bytes. */
	cw_text_fit(_("record id"), 20, 1, label, sizeof label);
	add_line(&l, "  %s %s", label, hex);
	if (rc != 0) {
		cw_lines_free(l.v, l.n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	if (lines_done(&l, out, n) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return 0;
}

/* The record's attachments after its text, numbered, the one `o` opens marked. */
static void attachment_lines(struct cw_app *app, struct cw_pane *v, struct lines *l)
{
	struct cw_attachment *a = NULL;
	struct cw_error err;
	size_t n = 0;

	if (cw_store_attachments(app->st, &v->id, 0, &a, &n, &err) != 0) {
		cw_app_error(app, &err);
		return;
	}
	if (n == 0)
		return;
	if (v->attach_sel >= n)
		v->attach_sel = 0;
	add_line(l, "%s", "");
	add_line(l, "%s", _("Attachments (a chooses, o opens, c captions)"));
	for (size_t i = 0; i < n; i++) {
		char size[32];

		cw_size_text(a[i].size, size, sizeof size);
		add_line(l, "%s %zu. %s  %s  %s%s%s%s", i == v->attach_sel ? ">" : " ", i + 1,
			 a[i].name, a[i].type, size, a[i].missing ? _("  (missing)") : "",
			 a[i].caption ? "  " : "", a[i].caption ? a[i].caption : "");
	}
	cw_attachments_free(a, n);
}

/* A case's groups of unnamed defendants in pretrial detention, as their events say, after its
 * fields (a named defendant's is in their timeline, t). */
struct group_lines {
	struct lines *l;
	int n;
};

static void group_detention_line(void *ctx, const char *who, const char *days)
{
	struct group_lines *g = ctx;

	if (!g->n++) {
		add_line(g->l, "%s", "");
		add_line(g->l, "%s", _("Pretrial detention of unnamed defendants"));
	}
	add_line(g->l, "  %s: %s", who, days);
}

/* The record's attachments into *a (n of them), the chosen one a[v->attach_sel]: 0, or -1 with
 * the reason said (none, or they cannot be read). */
static int chosen_attachment(struct cw_app *app, struct cw_pane *v, struct cw_attachment **a,
			     size_t *n)
{
	struct cw_error err;

	*a = NULL;
	*n = 0;
	if (cw_store_attachments(app->st, &v->id, 0, a, n, &err) != 0) {
		cw_app_error(app, &err);
		return -1;
	}
	if (*n == 0) {
		cw_attachments_free(*a, 0);
		*a = NULL;
		cw_app_status(app, 1, "this record has no attachments");
		return -1;
	}
	if (v->attach_sel >= *n)
		v->attach_sel = 0;
	return 0;
}

/* c: the chosen attachment's caption, typed on the status line over the one it has (tui.c
 * saves it). */
static void ask_caption(struct cw_app *app, struct cw_pane *v)
{
	struct cw_attachment *a;
	size_t n;

	if (chosen_attachment(app, v, &a, &n) != 0)
		return;
	app->question_id = a[v->attach_sel].id;
	app->prompting = CW_PROMPT_CAPTION;
	cw_edit_set(&app->prompt, a[v->attach_sel].caption ? a[v->attach_sel].caption : "");
	cw_attachments_free(a, n);
}

/* o: the chosen attachment, through the opener, the screen suspended meanwhile. */
static void after_open(void *ctx, const char *path)
{
	char line[64];

	(void)ctx;
	(void)path;
	/* Many viewers keep running after the opener returns: the file stays until the user
	 * says so (a script's tests send Enter). */
	printf("%s", _("Opened. Press Enter when you have closed it: its decrypted copy is then "
		       "removed. "));
	fflush(stdout);
	if (!fgets(line, sizeof line, stdin))
		putchar('\n');
}

static void open_attachment(struct cw_app *app, struct cw_pane *v)
{
	struct cw_attachment *a;
	struct cw_error err;
	char opener[1024];
	size_t n;
	int rc;

	if (chosen_attachment(app, v, &a, &n) != 0)
		return;
	cw_opener(cw_config_path(), opener, sizeof opener);
	cw_screen_suspend();
	rc = cw_attachment_open(app->st, &a[v->attach_sel].id, opener, after_open, app, &err);
	cw_screen_resume();
	cw_app_touch(app);
	if (rc != 0)
		cw_app_error(app, &err);
	else
		cw_app_status(app, 0, "opened %s; its decrypted copy is removed",
			      a[v->attach_sel].name);
	cw_attachments_free(a, n);
}

/* Draws lines[pg.top ...] in the rows given, the cursor line highlighted when `select`. */
static void draw_lines(char **lines, size_t n, struct cw_pager *pg, int top, int height, int select)
{
	cw_pager_update(pg, n, height);
	for (int i = 0; i < height && pg->top + (size_t)i < n; i++)
		cw_screen_put(top + i, 0, cw_screen_cols(), lines[pg->top + (size_t)i],
			      select && pg->top + (size_t)i == pg->cursor ? CW_ROLE_SELECTED
									  : CW_ROLE_NORMAL);
}

static void title_bar(int y, const char *text)
{
	cw_screen_fill(y, CW_ROLE_TAB);
	cw_screen_put(y, 1, cw_screen_cols() - 1, text, CW_ROLE_TAB);
}

/* Under a view's title, why the record it shows is not shown: gone (CW_ENOTFOUND), or the
 * store's error naming it. A record that cannot be read (it fails its authentication, the
 * database failed) is there: "gone" would have the monitor take it for deleted. */
static void gone_or_unread(int y, int rc, const struct cw_error *err, const char *gone)
{
	char line[CW_ERROR_LINE_MAX];

	if (rc == CW_ENOTFOUND)
		snprintf(line, sizeof line, "%s", gone);
	else
		cw_error_format(err, line, sizeof line);
	cw_screen_put(y, 0, cw_screen_cols(), line, CW_ROLE_ERROR);
}

void cw_view_record_draw(struct cw_app *app, struct cw_pane *v, int top, int height)
{
	struct cw_record rec;
	struct cw_error err;
	char title[300], what[200];
	struct lines l;
	struct group_lines g = {&l, 0};
	int rc;

	cw_lines_free(v->lines, v->nlines);
	v->lines = NULL;
	v->nlines = 0;
	if ((rc = cw_store_get(app->st, &v->id, &rec, &err)) != 0) {
		title_bar(top, "record");
		gone_or_unread(
			top + 1, rc, &err,
			_("this record is gone (deleted, perhaps by another process); h goes "
			  "back"));
		return;
	}
	/* Whose account in the title, which never scrolls away; an event by what it is about
	 * and its date (a hearing's own label, its court, is often empty). A record it names
	 * that cannot be read (it fails its authentication) is said instead of the record,
	 * never shown as one not held here. */
	if (cw_record_title(app->st, &rec, what, sizeof what, &err) != 0 ||
	    cw_view_record_lines(app->st, &rec, cw_screen_cols(), &v->lines, &v->nlines, &err) !=
		    0) {
		char line[CW_ERROR_LINE_MAX];

		title_bar(top, "record");
		cw_error_format(&err, line, sizeof line);
		cw_screen_put(top + 1, 0, cw_screen_cols(), line, CW_ROLE_ERROR);
		cw_record_free(&rec);
		return;
	}
	snprintf(title, sizeof title,
		 _("%s: %s (account: %s)   (e edit, d delete, t timeline, h back)"),
		 cw_kind_text(rec.kind), what, cw_enum_label(&cw_words_view, rec.view));
	title_bar(top, title);
	l = (struct lines){v->lines, v->nlines, v->nlines, 0};
	if (cw_case_group_detention(app->st, &rec, cw_date_today(), group_detention_line, &g,
				    &err) != 0)
		cw_app_error(app, &err);
	attachment_lines(app, v, &l);
	if (lines_done(&l, &v->lines, &v->nlines) != 0)
		cw_app_status(app, 1, "out of memory");
	/* Scrolling a text: the cursor is the top line. */
	v->pg.cursor = v->pg.top;
	draw_lines(v->lines, v->nlines, &v->pg, top + 1, height - 1, 0);
	v->pg.cursor = v->pg.top;
	snprintf(app->info, sizeof app->info, _("%s | lines %zu-%zu of %zu"),
		 cw_kind_text(rec.kind), v->nlines ? v->pg.top + 1 : 0,
		 v->pg.top + (size_t)v->pg.height < v->nlines ? v->pg.top + (size_t)v->pg.height
							      : v->nlines,
		 v->nlines);
	cw_record_free(&rec);
}

static void scroll_key(struct cw_pager *pg, enum cw_action a, int cursor)
{
	long step = a == CW_ACT_DOWN ? 1 : -1;

	switch (a) {
	case CW_ACT_UP:
	case CW_ACT_DOWN:
		if (cursor) {
			cw_pager_move(pg, step);
		} else {
			/* A text scrolls by its top line. */
			size_t max =
				pg->count > (size_t)pg->height ? pg->count - (size_t)pg->height : 0;

			if (step < 0 && pg->top > 0)
				pg->top--;
			else if (step > 0 && pg->top < max)
				pg->top++;
			pg->cursor = pg->top;
		}
		break;
	case CW_ACT_TOP:
		cw_pager_home(pg);
		break;
	case CW_ACT_BOTTOM:
		cw_pager_end(pg);
		break;
	case CW_ACT_PAGE_DOWN:
	case CW_ACT_PAGE_UP:
		cw_pager_page(pg, a == CW_ACT_PAGE_DOWN);
		break;
	default:
		break;
	}
}

void cw_view_record_key(struct cw_app *app, struct cw_pane *v, enum cw_action a)
{
	struct cw_record rec;
	struct cw_error err;

	switch (a) {
	case CW_ACT_EDIT:
	case CW_ACT_TIMELINE:
		/* One that cannot be read is said; a key that did nothing said nothing of it. */
		if (cw_store_get(app->st, &v->id, &rec, &err) != 0) {
			cw_app_error(app, &err);
			break;
		}
		if (a == CW_ACT_EDIT)
			cw_app_open_form(app, (enum cw_kind)rec.kind, &rec.id);
		else
			cw_app_open_timeline(app, &rec);
		cw_record_free(&rec);
		break;
	case CW_ACT_DELETE:
		cw_app_ask_delete(app, &v->id);
		break;
	case CW_ACT_NEXT_ATTACHMENT:
		v->attach_sel++; /* back to the first past the last, when drawn */
		break;
	case CW_ACT_OPEN_ATTACHMENT:
		open_attachment(app, v);
		break;
	case CW_ACT_CAPTION_ATTACHMENT:
		ask_caption(app, v);
		break;
	default:
		scroll_key(&v->pg, a, 0);
	}
}

/* ---- a defendant's timeline ------------------------------------------------------------- */

#define HEADER_LINES_MAX 64 /* lines of a timeline's header ranked; more are essential */

/* The rank of the header's last line added: what a small window keeps first. */
static void rank_last(const struct lines *ls, unsigned char *ranks, size_t max, unsigned char rank)
{
	if (ranks && ls->n && ls->n <= max)
		ranks[ls->n - 1] = rank;
}

int cw_view_timeline_header(const struct cw_record *person, const struct cw_record_list *l,
			    char ***out, unsigned char *ranks, size_t max, size_t *n)
{
	const struct cw_person *p = &person->u.person;
	struct cw_timeline_summary sum;
	struct lines ls = {0};
	char pre[CW_PRETRIAL_TEXT_MAX], on[CW_DATE_TEXT_MAX], next[CW_NEXT_HEARING_TEXT_MAX];
	struct cw_date today = cw_date_today();
	const struct cw_record *by;
	enum cw_cleared cleared;
	int on_appeal;

	add_line(&ls, "%s%s%s%s%s", cw_person_name(p), p->name && p->name_km ? "  " : "",
		 p->name && p->name_km ? p->name_km : "", p->affiliation ? "  |  " : "",
		 p->affiliation ? p->affiliation : "");
	rank_last(&ls, ranks, max, CW_HEADER_ASIDE); /* the title bar names them too */
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_record *r = &l->items[i];

		if (r->kind != CW_KIND_CASE)
			continue;
		for (size_t j = 0; j < r->u.kase.defendants.n; j++) {
			const struct cw_defendant *d =
				(const struct cw_defendant *)r->u.kase.defendants.items + j;
			char arts[600];

			if (!cw_id_equal(&d->person, &person->id))
				continue;
			cw_charges_text(d, today, arts, sizeof arts);
			add_line(&ls, _("case: %s (account: %s)"),
				 r->u.kase.title ? r->u.kase.title : "",
				 cw_enum_label(&cw_words_view, r->view));
			rank_last(&ls, ranks, max, CW_HEADER_CONTEXT);
			add_line(&ls, _("  custody: %s | charges: %s"),
				 d->custody ? cw_enum_label(&cw_words_custody, d->custody)
					    : _("unknown"),
				 arts[0] ? arts : _("none recorded"));
			rank_last(&ls, ranks, max, CW_HEADER_ESSENTIAL);
			/* The case's entry older than what was logged since: say which to
			 * believe, as `casewatch timeline` does. */
			if ((by = cw_timeline_custody_outdated(&person->id, r, l->items, l->n,
							       today))) {
				char what[200];

				cw_date_format(cw_record_date(by), on);
				snprintf(what, sizeof what, "%s",
					 by->kind == CW_KIND_HEARING
						 ? cw_enum_label(&cw_words_milestone, CW_MS_BAIL)
						 : cw_enum_label(&cw_words_milestone,
								 by->u.milestone.type));
				/* Another account's end is said as that account's. */
				if (by->view && r->view && by->view != r->view) {
					size_t wl = strlen(what);

					snprintf(what + wl, sizeof what - wl, _(" (account: %s)"),
						 cw_enum_label(&cw_words_view, by->view));
				}
				add_line(&ls,
					 cw_date_precision(cw_record_date(by)) == CW_DATE_DAY
						 ? _("  (custody as the case records it: %s on %s "
						     "ended the pretrial detention)")
						 : _("  (custody as the case records it: %s in %s "
						     "ended the pretrial detention)"),
					 what, on);
				/* It says the custody above is no longer so. */
				rank_last(&ls, ranks, max, CW_HEADER_ESSENTIAL);
			} else if ((by = cw_timeline_released_after_ruling(&person->id, r, l->items,
									   l->n, today))) {
				char what[200];

				cw_date_format(cw_record_date(by), on);
				snprintf(what, sizeof what, "%s",
					 cw_enum_label(&cw_words_milestone, by->u.milestone.type));
				if (by->view && r->view && by->view != r->view) {
					size_t wl = strlen(what);

					snprintf(what + wl, sizeof what - wl, _(" (account: %s)"),
						 cw_enum_label(&cw_words_view, by->view));
				}
				add_line(&ls,
					 _("  (custody as the case records it: %s on %s came after "
					   "the ruling)"),
					 what, on);
				rank_last(&ls, ranks, max, CW_HEADER_ESSENTIAL);
			} else if ((by = cw_timeline_cleared_outdated(&person->id, r, l->items,
								      l->n, today, &cleared))) {
				char acct[200] = "";

				cw_date_format(cw_record_date(by), on);
				if (by->view && r->view && by->view != r->view)
					snprintf(acct, sizeof acct, _(" (account: %s)"),
						 cw_enum_label(&cw_words_view, by->view));
				add_line(
					&ls,
					cleared == CW_CLEARED_ACQUITTED
						? _("  (custody as the case records it: the ruling "
						    "of %s%s acquitted them)")
					: cleared == CW_CLEARED_DROPPED
						? _("  (custody as the case records it: the ruling "
						    "of %s%s dropped every charge)")
						: _("  (custody as the case records it: the ruling "
						    "of %s%s acquitted them and dropped the other "
						    "charges)"),
					on, acct);
				rank_last(&ls, ranks, max, CW_HEADER_ESSENTIAL);
			}
			if ((by = cw_timeline_stage_outdated(&person->id, r, l->items, l->n, today,
							     &on_appeal))) {
				uint8_t stage = d->stage ? d->stage : r->u.kase.stage;

				cw_date_format(cw_record_date(by), on);
				add_line(
					&ls,
					on_appeal
						? _("  (stage %s as the case records it: a ruling "
						    "on appeal on %s came after)")
						: _("  (stage %s as the case records it: a verdict "
						    "on %s came after)"),
					cw_enum_label(&cw_words_stage, stage), on);
				rank_last(&ls, ranks, max, CW_HEADER_CONTEXT);
			}
		}
	}
	cw_timeline_summarise(&person->id, l->items, l->n, today, &sum);
	cw_next_hearing_text(&sum, next, sizeof next);
	cw_pretrial_text(&sum, pre, sizeof pre);
	/* Two lines, so that at 80 columns a long detention ("56 days to 2024-05-31, the
	 * source's date") does not push the next hearing off the screen. */
	add_line(&ls, _("pretrial detention: %s"), pre[0] ? pre : _("none recorded"));
	rank_last(&ls, ranks, max, CW_HEADER_ESSENTIAL);
	if (sum.adjournments) { /* whose word the count is */
		char views[400];

		cw_views_text(sum.adjournment_views, views, sizeof views);
		add_line(&ls, _("adjournments: %d (account: %s) | next hearing: %s"),
			 sum.adjournments, views, next);
	} else {
		add_line(&ls, _("adjournments: %d | next hearing: %s"), sum.adjournments, next);
	}
	rank_last(&ls, ranks, max, CW_HEADER_ESSENTIAL);
	return lines_done(&ls, out, n);
}

int cw_view_header_fit(const size_t *rows, const unsigned char *ranks, size_t n, int room, int most,
		       unsigned char *keep, size_t *left_out)
{
	int total = 0, essential = 0, used = 0;

	*left_out = 0;
	for (size_t i = 0; i < n; i++) {
		total += (int)rows[i];
		essential += ranks[i] == CW_HEADER_ESSENTIAL ? (int)rows[i] : 0;
		keep[i] = 1;
	}
	if (total <= room)
		return total;
	/* The essential lines and the sign take rows from the entries, a few of which stay. */
	if (essential + 1 > room)
		room = essential + 1 < most ? essential + 1 : most;
	if (total <= room)
		return total;
	if (room < 1)
		room = 1;
	memset(keep, 0, n);
	for (unsigned char rank = CW_HEADER_ESSENTIAL; rank <= CW_HEADER_ASIDE; rank++)
		for (size_t i = 0; i < n; i++)
			if (ranks[i] == rank && used + (int)rows[i] <= room - 1) {
				keep[i] = 1;
				used += (int)rows[i];
			}
	for (size_t i = 0; i < n; i++)
		*left_out += !keep[i];
	/* An essential line that does not fit whole on a tiny window: its first rows, and the
	 * sign counts it among those not shown. */
	for (size_t i = 0; i < n && used < room - 1; i++)
		if (!keep[i] && ranks[i] == CW_HEADER_ESSENTIAL) {
			keep[i] = 1;
			used = room - 1;
		}
	return room;
}

void cw_view_timeline_draw(struct cw_app *app, struct cw_pane *v, int top, int height)
{
	struct cw_record person;
	struct cw_list_memo memo = {0}; /* the people the rows name, each read once */
	struct cw_error err;
	int cols = cw_screen_cols(), hl, rows, rc;
	char title[300], line[4096];
	unsigned char ranks[HEADER_LINES_MAX];

	memset(ranks, CW_HEADER_ESSENTIAL, sizeof ranks);
	cw_lines_free(v->lines, v->nlines);
	v->lines = NULL;
	v->nlines = 0;
	cw_record_list_free(&v->entries);
	if ((rc = cw_store_get(app->st, &v->id, &person, &err)) != 0) {
		title_bar(top, "timeline");
		gone_or_unread(top + 1, rc, &err, _("this person is gone; h goes back"));
		return;
	}
	if (cw_store_timeline_for_person(app->st, &v->id, &v->entries, &err) != 0 ||
	    cw_view_timeline_header(&person, &v->entries, &v->lines, ranks, HEADER_LINES_MAX,
				    &v->nlines) != 0) {
		cw_app_error(app, &err);
		cw_record_free(&person);
		return;
	}
	snprintf(title, sizeof title, _("Timeline: %s   (Enter opens an entry, h back)"),
		 cw_record_label(&person));
	title_bar(top, title);
	/* The header, wrapped to the screen (at 80 columns "adjournments: 3 (account: UN,
	 * government, own observation) | next hearing: ..." would lose the date), takes at most
	 * half the screen, the entries the rest; on a window too small for it, what a monitor
	 * opens the timeline for (custody, charges, detention, the next hearing) is kept first,
	 * whole lines only, and the last row says how many lines are not shown. */
	{
		struct lines head = {0};
		size_t line_of[256], rows_of[HEADER_LINES_MAX] = {0}, shown = 0, left_out = 0;
		unsigned char keep[HEADER_LINES_MAX];
		int room;

		for (size_t i = 0; i < v->nlines; i++) {
			char *safe = cw_text_for_terminal(v->lines[i], 0);
			size_t from = head.n;

			if (safe && !*safe) /* a blank line stays one */
				add_line(&head, "%s", "");
			for (const char *p = safe; p && *p;) {
				int cont = p != safe && cols > 20;
				size_t len = cw_text_wrap(p, cont ? cols - 4 : cols);

				if (!len)
					len = strlen(p);
				add_line(&head, "%s%.*s", cont ? "    " : "", (int)len, p);
				for (p += len; *p == ' ';)
					p++;
			}
			free(safe);
			for (size_t k = from; k < head.n && k < 256; k++)
				line_of[k] = i;
			if (i < HEADER_LINES_MAX)
				rows_of[i] = head.n - from;
		}
		room = cw_view_header_fit(
			rows_of, ranks, v->nlines < HEADER_LINES_MAX ? v->nlines : HEADER_LINES_MAX,
			(height - 3) / 2, height - 4, keep, &left_out);
		for (size_t k = 0; k < head.n && k < 256 && (int)shown < room; k++) {
			size_t i = line_of[k];

			if (i >= HEADER_LINES_MAX || !keep[i])
				continue;
			/* A line kept in part (an essential one, on a tiny window): its first rows.
			 */
			if (left_out && (int)shown + 1 == room)
				break;
			cw_screen_put(top + 1 + (int)shown++, 0, cols, head.v[k],
				      k == 0 ? CW_ROLE_TITLE : CW_ROLE_NORMAL);
		}
		if (left_out) {
			snprintf(line, sizeof line,
				 P_("(%zu header line not shown: a taller window shows it)",
				    "(%zu header lines not shown: a taller window shows them)",
				    left_out),
				 left_out);
			cw_screen_put(top + 1 + (int)shown++, 0, cols, line, CW_ROLE_HINT);
		}
		hl = (int)shown;
		cw_lines_free(head.v, head.n);
	}
	if (cw_view_list_header(CW_TAB_RECORDS, NULL, cols, line, sizeof line) == 0)
		cw_screen_put(top + 1 + hl, 0, cols, line, CW_ROLE_HEADER);
	rows = height - 2 - hl;
	cw_pager_update(&v->pg, v->entries.n, rows > 0 ? rows : 1);
	for (int i = 0; i < rows && v->pg.top + (size_t)i < v->entries.n; i++) {
		size_t k = v->pg.top + (size_t)i;

		cw_error_clear(&err);
		if (cw_view_list_row(app->st, &memo, CW_TAB_RECORDS, &v->entries.items[k], NULL,
				     cols, line, sizeof line, &err) != 0) {
			snprintf(line, sizeof line, _("(cannot show this record)"));
			if (err.code)
				cw_app_error(app, &err);
		}
		cw_screen_put(top + 2 + hl + i, 0, cols, line,
			      k == v->pg.cursor ? CW_ROLE_SELECTED : CW_ROLE_NORMAL);
	}
	cw_list_memo_free(&memo);
	if (!v->entries.n)
		cw_screen_put(top + 2 + hl, 0, cols, _("no records name this person yet"),
			      CW_ROLE_HINT);
	snprintf(app->info, sizeof app->info, _("timeline of %s | %zu entries"),
		 cw_record_label(&person), v->entries.n);
	cw_record_free(&person);
}

void cw_view_timeline_key(struct cw_app *app, struct cw_pane *v, enum cw_action a)
{
	const struct cw_record *cur =
		v->pg.cursor < v->entries.n ? &v->entries.items[v->pg.cursor] : NULL;
	struct cw_id id;

	switch (a) {
	case CW_ACT_OPEN:
		if (cur) {
			id = cur->id;
			cw_app_open_record(app, &id);
		}
		break;
	case CW_ACT_EDIT:
		if (cur) {
			id = cur->id;
			cw_app_open_form(app, (enum cw_kind)cur->kind, &id);
		}
		break;
	case CW_ACT_DELETE:
		if (cur) {
			id = cur->id;
			cw_app_ask_delete(app, &id);
		}
		break;
	default:
		scroll_key(&v->pg, a, 1);
	}
}

/* ---- help ------------------------------------------------------------------------------- */

/* The column where a key's help starts: "  %-18s %s" in cw_keys_help_lines_from. */
#define HELP_TEXT_COL 21

/* The key help's lines for a screen `cols` wide: a key's help wider than the screen wraps, its
 * continuation under the help's column, rather than being cut ("lock now: clear the screen,
 * forget the key; the passphrase…" at 80 columns, in English as in Khmer). */
static void help_lines(struct cw_pane *v, int cols)
{
	struct lines l = {0};
	char *raw[400];
	size_t n = cw_keys_help_lines_from(v->help_first, raw, 400);

	for (size_t i = 0; i < n; i++) {
		const char *p = raw[i] ? raw[i] : "";
		int cont = 0;

		if (cols <= 2 * HELP_TEXT_COL || p[0] != ' ' || cw_text_width(p) <= cols) {
			add_line(&l, "%s", p);
			continue;
		}
		while (*p) {
			size_t len = cw_text_wrap(p, cont ? cols - HELP_TEXT_COL : cols);

			add_line(&l, "%*s%.*s", cont ? HELP_TEXT_COL : 0, "", (int)len, p);
			p += len ? len : strlen(p);
			while (*p == ' ')
				p++;
			cont = 1;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(raw[i]);
	cw_lines_free(v->lines, v->nlines);
	if (lines_done(&l, &v->lines, &v->nlines) != 0 || !v->lines)
		v->lines = calloc(1, sizeof *v->lines), v->nlines = 0;
}

/* A pane's own text (v->text) as its lines for a screen `cols` wide: a long line (the written
 * summary is one paragraph) wraps, its continuation indented by v->text_indent, rather than
 * being cut; control characters neutralised (it holds text from the database). Returns 0, or
 * -1 when out of memory, v's lines then as they were (say so rather than show half). */
static int text_lines(struct cw_pane *v, int cols)
{
	char *safe = cw_text_for_terminal(v->text, 1), *line, *next, **lines = NULL;
	size_t n = 0, cap = 0;
	int indent = v->text_indent;

	for (line = safe; line && *line; line = next) {
		int cont = line != safe && line[-1] != '\n' && cols > 4 * indent;
		size_t len = cw_text_wrap(line, cont ? cols - indent : cols);
		char **more;

		next = line + (len ? len : 1);
		len = (size_t)(next - line) - (next[-1] == '\n');
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if (!(more = realloc(lines, cap * sizeof *more)))
				break;
			lines = more;
		}
		if (asprintf(&lines[n], "%*s%.*s", cont ? indent : 0, "", (int)len, line) < 0)
			break;
		n++;
	}
	if (safe && !*safe && !lines)
		lines = calloc(1, sizeof *lines);
	if (!safe || (line && *line) || !lines) {
		cw_lines_free(lines, n);
		free(safe);
		return -1;
	}
	free(safe);
	cw_lines_free(v->lines, v->nlines);
	v->lines = lines;
	v->nlines = n;
	return 0;
}

int cw_pane_text(struct cw_pane *v, const char *text, int indent)
{
	int cols = cw_screen_cols();

	if (!(v->text = strdup(text)))
		return -1;
	v->text_indent = indent;
	if (text_lines(v, cols) != 0)
		return -1;
	v->help_cols = cols;
	return 0;
}

void cw_view_help_draw(struct cw_app *app, struct cw_pane *v, int top, int height)
{
	int cols = cw_screen_cols();

	/* Wrapped again when the width changed (the window resized): lines wrapped for the old
	 * width would be cut at the new one's edge, or leave half of it empty. */
	if (!v->lines || v->help_cols != cols) {
		if (!v->text) {
			help_lines(v, cols);
			v->help_cols = cols;
		} else if (text_lines(v, cols) == 0) {
			v->help_cols = cols;
		} else { /* the lines as they were, tried again at the next draw */
			cw_app_status(app, 1, "out of memory");
		}
	}
	title_bar(top, v->title ? v->title
				: _("Keys (generated from the key table)   Esc, q or ? closes"));
	v->pg.cursor = v->pg.top;
	draw_lines(v->lines, v->nlines, &v->pg, top + 1, height - 1, 0);
	v->pg.cursor = v->pg.top;
	snprintf(app->info, sizeof app->info, _("%s | j/k scroll, %zu lines"),
		 v->title && v->what ? _(v->what) : _("help"), v->nlines);
}

void cw_view_help_key(struct cw_pane *v, enum cw_action a)
{
	scroll_key(&v->pg, a, 0);
}

/* ---- conflicts between laptops ------------------------------------------------------------ */

/* The lines of the conflicts screen; pick[i] is the version line i stands for (record index
 * << 16 | version index), or -1 for a heading. */
/* A conflict's lines, each with the version it stands for (-1: a record's heading), so that
 * Enter on a version's line or on one of its differences keeps that version. */
#define DIFF_LINES 12

struct version_diff {
	struct lines *l;
	long **pick;
	size_t *npick;
	long pick_now;
	size_t shown;
};

static void pick_add(struct version_diff *d, long at)
{
	long *grown = realloc(*d->pick, (*d->npick + 1) * sizeof **d->pick);

	if (!grown) {
		d->l->failed = 1;
		return;
	}
	*d->pick = grown;
	grown[(*d->npick)++] = at;
}

/* A line made safe for the terminal and wrapped to the screen, continuation rows indented
 * under it; every row stands for d->pick_now. */
static void add_wrapped(struct version_diff *d, const char *line)
{
	int cols = cw_screen_cols() > 0 ? cw_screen_cols() : 80;
	char *safe = cw_text_for_terminal(line, 0);

	if (!safe) {
		d->l->failed = 1;
		return;
	}
	for (const char *p = safe; *p;) {
		/* Continuation rows under the field, when the screen is wide enough for that. */
		int cont = p != safe && cols > 30;
		size_t len = cw_text_wrap(p, cont ? cols - 10 : cols);

		if (!len)
			len = strlen(p);
		add_line(d->l, "%s%.*s", cont ? "          " : "", (int)len, p);
		pick_add(d, d->pick_now);
		for (p += len; *p == ' ';)
			p++;
	}
	free(safe);
}

/* After the conflicts, the records that name one person twice with entries that differ (a
 * merge of two people taken from another laptop: cw_store_doubled_entries), each as
 * `conflicts` lists it, under a heading that says how to make them one. Their rows stand for
 * no version (DOUBLED_PICK): there is none to keep, an edit makes the entries agree. */
#define DOUBLED_PICK (-2L)

void cw_app_forget_doubled(struct cw_app *app)
{
	if (app->doubled) {
		sodium_memzero(app->doubled, sizeof *app->doubled);
		free(app->doubled);
	}
	app->doubled = NULL;
	app->doubled_generation = 0;
}

/* The records naming one person twice, found again only when the database changed since
 * they were last found (every draw and key of X asks); NULL when they cannot be read (said on
 * the status line) or memory ran out (*failed). */
static const struct cw_doubled *doubled_found(struct cw_app *app, int *failed)
{
	uint64_t generation = cw_store_generation(app->st);
	struct cw_error err;

	if (app->doubled && app->doubled_generation == generation)
		return app->doubled;
	cw_app_forget_doubled(app);
	if (!(app->doubled = malloc(sizeof *app->doubled))) { /* some 20 KiB */
		*failed = 1;
		return NULL;
	}
	if (cw_store_doubled_entries(app->st, app->doubled, &err) != 0) {
		cw_app_forget_doubled(app);
		cw_app_error(app, &err);
		return NULL;
	}
	app->doubled_generation = generation;
	return app->doubled;
}

static void doubled_lines(struct cw_app *app, struct version_diff *d, size_t *ndoubled)
{
	const struct cw_doubled *dd = doubled_found(app, &d->l->failed);
	char line[CW_ERROR_LINE_MAX + 8];

	*ndoubled = 0;
	if (!dd)
		return;
	*ndoubled = dd->n;
	d->pick_now = DOUBLED_PICK;
	if (dd->n)
		add_wrapped(
			d, _("Records naming one person twice, with entries that differ (another "
			     "laptop merged two people into one; neither entry was chosen): edit "
			     "the record so that they agree and they become one (in a case's form, "
			     "the defendant's custody and charges set every entry of that person; "
			     "casewatch conflicts says how on the command line)"));
	for (size_t i = 0; i < dd->n && i < CW_DOUBLED_MAX; i++) {
		char text[CW_ERROR_LINE_MAX];

		cw_error_format(&dd->lines[i], text, sizeof text);
		snprintf(line, sizeof line, "  %s", text);
		cw_text_trim_utf8(line);
		add_wrapped(d, line);
	}
	if (dd->n > CW_DOUBLED_MAX) {
		snprintf(line, sizeof line,
			 P_("  ... and %zu more record", "  ... and %zu more records",
			    dd->n - CW_DOUBLED_MAX),
			 dd->n - CW_DOUBLED_MAX);
		add_wrapped(d, line);
	}
}

/* One field that differs, as "field: this version's value (shown: the first's)", newlines
 * shown as " / "; at most DIFF_LINES of them a version. */
static void diff_line(void *ctx, const char *field, const char *in_a, const char *in_b)
{
	struct version_diff *d = ctx;
	char b[200], a[200], f[160], line[700];

	if (d->shown++ >= DIFF_LINES)
		return;
	/* Cut by bytes, then back to whole letters: a Khmer name is 3 bytes a letter. */
	snprintf(f, sizeof f, "%s", field);
	snprintf(b, sizeof b, "%s", in_b ? in_b : _("(none)"));
	snprintf(a, sizeof a, "%s", in_a ? in_a : _("(none)"));
	cw_text_trim_utf8(f);
	cw_text_trim_utf8(b);
	cw_text_trim_utf8(a);
	for (char *q = b; *q; q++)
		if (*q == '\n')
			*q = '/';
	for (char *q = a; *q; q++)
		if (*q == '\n')
			*q = '/';
	/* Whole, wrapped under the field (a value cut at the screen's edge is a choice made
	 * blind); every row keeps the version it is of. */
	snprintf(line, sizeof line, _("        %s: %s   (shown: %s)"), f, b, a);
	cw_text_trim_utf8(line);
	add_wrapped(d, line);
}

static int conflict_lines(struct cw_app *app, char ***out, size_t *n, long **pick,
			  struct cw_conflict **cs, size_t *ncs, size_t *ndoubled)
{
	struct lines l = {0};
	struct cw_error err;
	long *p = NULL;
	size_t np = 0;
	int64_t now = cw_now_us();
	int damaged = 0;

	*pick = NULL;
	*ndoubled = 0;
	if (cw_sync_conflicts(app->st, cs, ncs, &err) != 0) {
		cw_app_error(app, &err);
		*cs = NULL;
		*ncs = 0;
		return lines_done(&l, out, n);
	}
	for (size_t i = 0; i < *ncs && !l.failed && !damaged; i++) {
		const struct cw_conflict *c = &(*cs)[i];
		struct version_diff d = {&l, &p, &np, -1, 0};
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(&c->id, hex);
		add_line(&l, _("%s %.8s: %zu versions"), cw_kind_text(c->kind), hex, c->n);
		pick_add(&d, -1);
		for (size_t j = 0; j < c->n && !damaged; j++) {
			const struct cw_record *r = &c->versions[j].rec;
			char t[32], db[CW_ID_HEX_LEN + 1];
			struct cw_record_summary sum;
			size_t differ;

			cw_time_format(r->updated, t);
			cw_id_hex(&r->edited_in, db);
			/* What the record is about as a list shows it: a hearing by its case, not
			 * by a court it may not name. One it names that cannot be read ends the
			 * list, said: never told as one not held here. */
			if ((damaged = cw_record_summarise(app->st, r, &sum, &err)) != 0) {
				cw_app_error(app, &err);
				break;
			}
			add_line(&l, _("  [%zu] %s %s by %.60s in %.8s: %.60s%s"), j + 1,
				 j == 0 ? _("shown") : _("other"), t, r->editor ? r->editor : "?",
				 db,
				 c->versions[j].deleted ? _("(deleted)")
				 : sum.who[0]           ? sum.who
							: cw_record_label(r),
				 cw_version_in_future(r, now) ? _(" (dated in the future)") : "");
			d.pick_now = (long)(i << 16 | j);
			pick_add(&d, d.pick_now);
			/* How it differs from the one shown, so the choice is not made blind. */
			if (j > 0 && !c->versions[j].deleted && !c->versions[0].deleted) {
				d.shown = 0;
				if ((damaged = cw_record_diff(app->st, &c->versions[0].rec, r,
							      diff_line, &d, &differ, &err)) != 0) {
					cw_app_error(app, &err);
				} else if (differ > DIFF_LINES) {
					add_line(&l, _("        ... and %zu more fields"),
						 d.shown - DIFF_LINES);
					pick_add(&d, d.pick_now);
				}
			}
		}
	}
	if (!l.failed && !damaged) {
		struct version_diff d = {&l, &p, &np, DOUBLED_PICK, 0};

		doubled_lines(app, &d, ndoubled);
	}
	*pick = p;
	return lines_done(&l, out, n);
}

void cw_view_conflicts_draw(struct cw_app *app, struct cw_pane *v, int top, int height)
{
	struct cw_conflict *cs;
	size_t ncs, ndoubled;
	long *pick;

	cw_lines_free(v->lines, v->nlines);
	v->lines = NULL;
	v->nlines = 0;
	conflict_lines(app, &v->lines, &v->nlines, &pick, &cs, &ncs, &ndoubled);
	free(pick);
	cw_sync_conflicts_free(cs, ncs);
	title_bar(top, _("Conflicts: versions two laptops made of one record   (Enter keeps one, h "
			 "back)"));
	if (ncs == 0 && ndoubled == 0)
		cw_screen_put(top + 1, 0, cw_screen_cols(), _("no conflicts"), CW_ROLE_NORMAL);
	draw_lines(v->lines, v->nlines, &v->pg, top + 1, height - 1, 1);
	/* A record both in conflict and naming someone twice is counted in each. */
	snprintf(app->info, sizeof app->info,
		 P_("conflicts | %zu record", "conflicts | %zu records", ncs + ndoubled),
		 ncs + ndoubled);
}

void cw_view_conflicts_key(struct cw_app *app, struct cw_pane *v, enum cw_action a)
{
	struct cw_conflict *cs;
	char **lines;
	size_t n, ncs, ndoubled;
	long *pick, at;

	if (a != CW_ACT_KEEP_VERSION) {
		scroll_key(&v->pg, a, 1);
		return;
	}
	/* The same listing as drawn: the cursor line names the record and the version. */
	conflict_lines(app, &lines, &n, &pick, &cs, &ncs, &ndoubled);
	at = v->pg.cursor < n && pick ? pick[v->pg.cursor] : -1;
	if (at == DOUBLED_PICK) {
		cw_app_status(app, 0,
			      "no version to keep: edit the record so that its entries of that "
			      "person agree, and they become one");
	} else if (at < 0) {
		cw_app_status(app, 0, "move to a version ([1], [2] ...) to keep it");
	} else {
		const struct cw_conflict *c = &cs[at >> 16];
		size_t j = (size_t)(at & 0xFFFF);
		char what[200];

		cw_text_format(what, sizeof what, _("version %zu of %s %.100s"), j + 1,
			       cw_kind_text(c->kind),
			       c->versions[j].deleted ? _("(its deletion)")
						      : cw_record_label(&c->versions[j].rec));
		cw_app_ask_resolve(app, &c->id, j, what);
	}
	free(pick);
	cw_lines_free(lines, n);
	cw_sync_conflicts_free(cs, ncs);
}
