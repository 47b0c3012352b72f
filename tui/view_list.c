/* view_list.c - the lists of cases, people and monitoring records, under a tab bar.
 *
 * Every draw asks the store for the visible window only (offset = first visible row, limit =
 * rows on screen); the count of matches is kept and recounted after a filter change, a write,
 * an explicit refresh or an idle tick, so scrolling stays one short query per screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/advice.h"
#include "models/article.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/text.h"
#include "report/record_text.h"
#include "models/confidential.h"
#include "store/sync.h"
#include "tui/view_app.h"

static const char *const tab_titles[CW_TAB_COUNT] = {N_("1 Cases"), N_("2 People"), N_("3 Records"),
						     N_("4 Agenda"), N_("5 Drafts")};
static const char *const tab_nouns[CW_TAB_COUNT] = {N_("cases"), N_("people"), N_("records"),
						    N_("on the agenda"), N_("drafts")};

/* "1 record", "3 records": a tab's count with its noun, singular or plural ("1 records match"
 * was read in a trial). */
static void tab_count(enum cw_tab tab, size_t n, char *out, size_t size)
{
	unsigned long k = (unsigned long)n;

	switch (tab) {
	case CW_TAB_CASES:
		snprintf(out, size, P_("%zu case", "%zu cases", k), n);
		break;
	case CW_TAB_PEOPLE:
		snprintf(out, size, P_("%zu person", "%zu people", k), n);
		break;
	case CW_TAB_RECORDS:
		snprintf(out, size, P_("%zu record", "%zu records", k), n);
		break;
	case CW_TAB_DRAFTS:
		snprintf(out, size, P_("%zu draft", "%zu drafts", k), n);
		break;
	default:
		snprintf(out, size, "%zu %s", n, _(tab_nouns[tab]));
		break;
	}
}

/* The widest kind of record in the reader's language, when it is not English: 0 otherwise (the
 * English layout keeps its widths). */
static int kinds_width(void)
{
	int most = 0;

	for (int k = CW_KIND_PERSON; k < CW_KIND_COUNT; k++) {
		const char *t = cw_kind_text((enum cw_kind)k);

		if (strcmp(t, cw_kind_name((enum cw_kind)k)) != 0 && cw_text_width(t) > most)
			most = cw_text_width(t);
	}
	return most;
}

/* The widest stage of a case in the reader's language when it is not English (0 otherwise), as
 * kinds_width: the column was as wide as its English title and cut every Khmer stage at any
 * width (a Khmer field trial); it also takes a share of the spare width, for "before the
 * Supreme Court". */
static int stages_width(void)
{
	int most = 0;

	for (unsigned i = 1; i < cw_words_stage.n; i++) {
		const char *t = cw_enum_label(&cw_words_stage, i);

		if (strcmp(t, cw_words_stage.labels[i]) != 0 && cw_text_width(t) > most)
			most = cw_text_width(t);
	}
	return most;
}

/* ACCOUNT (whose account: UN, gov, own, ...) in every list, as on the command line: a
 * government account must never read as established fact beside the UN's. */
static const struct cw_column case_cols[] = {
	{N_("OPENED"), 10, 0, NULL},  {N_("ACCOUNT"), 7, 0, NULL},
	{N_("TITLE"), 16, 4, NULL},   {N_("COURT"), 10, 3, NULL},
	{N_("ARTICLES"), 9, 2, NULL}, {N_("STAGE"), 9, 1, stages_width},
};
static const struct cw_column person_cols[] = {
	{N_("NAME"), 16, 3, NULL},        {N_("KHMER"), 10, 2, NULL},
	{N_("AFFILIATION"), 12, 4, NULL}, {N_("PROVINCE"), 10, 1, NULL},
	{N_("ACCOUNT"), 7, 0, NULL},
};
static const struct cw_column record_cols[] = {
	{N_("DATE"), 10, 0, NULL},          {N_("KIND"), 9, 0, kinds_width},
	{N_("ACCOUNT"), 7, 0, NULL},        {N_("CASE / PERSON"), 12, 4, NULL},
	{N_("COURT / PLACE"), 10, 3, NULL}, {N_("ARTICLES"), 8, 1, NULL},
	{N_("OUTCOME"), 10, 3, NULL},
};

/* The widest day the agenda writes ("Sun 2026-12-06") in the reader's language, for the day
 * column: "អាទិត្យ 2026-12-…" was cut where two Sundays look the same (a Khmer field trial). In
 * English the column's minimum already is that wide. */
static int days_width(void)
{
	int most = 0;

	for (long d = 0; d < 7; d++) {
		char day[CW_AGENDA_DAY_TEXT_MAX];

		cw_agenda_day_text(cw_date_from_days(d), day, sizeof day);
		if (cw_text_width(day) > most)
			most = cw_text_width(day);
	}
	return most;
}

/* The widest of what the agenda lists (a hearing, a next hearing, a follow-up visit) in the
 * reader's language when it is not English (0 otherwise), as kinds_width: the column was as wide
 * as "follow-up visit" and cut its Khmer at any width ("ការសួរសុខទុក្ខតាម…" at 160 columns). */
static int whats_width(void)
{
	static const char *const english[] = {"hearing", "next hearing", "follow-up visit"};
	int most = 0;

	for (int i = CW_AGENDA_HEARING; i <= CW_AGENDA_FOLLOW_UP; i++) {
		const char *t = cw_agenda_what_label((enum cw_agenda_what)i);

		if (strcmp(t, english[i]) != 0 && cw_text_width(t) > most)
			most = cw_text_width(t);
	}
	return most;
}

/* What a day cell keeps on a narrow screen: its date, YYYY-MM-DD (cw_day_fit shortens or leaves
 * out the weekday's name first). */
#define DAY_DATE_WIDTH 10

/* The agenda: the day heads its group, as on the command line. */
static const struct cw_column agenda_cols[] = {
	{N_("DAY"), 14, 0, days_width},     {N_("WHAT"), 15, 0, whats_width},
	{N_("ACCOUNT"), 7, 0, NULL},        {N_("CASE / PRISON"), 12, 3, NULL},
	{N_("COURT / PLACE"), 10, 2, NULL}, {N_("NOTE"), 16, 4, NULL},
};

/* Drafts: when kept, what kind, what it is about, and whether it edits a record. */
static const struct cw_column draft_cols[] = {
	{N_("KEPT"), 16, 0, NULL},
	{N_("KIND"), 10, 0, kinds_width},
	{N_("ABOUT"), 16, 4, NULL},
	{N_("FOR"), 12, 2, NULL},
};

#define NCOLS(a) ((int)(sizeof a / sizeof a[0]))

static void tab_columns(enum cw_tab tab, const struct cw_column **cols, int *n)
{
	if (tab == CW_TAB_CASES)
		*cols = case_cols, *n = NCOLS(case_cols);
	else if (tab == CW_TAB_PEOPLE)
		*cols = person_cols, *n = NCOLS(person_cols);
	else if (tab == CW_TAB_AGENDA)
		*cols = agenda_cols, *n = NCOLS(agenda_cols);
	else if (tab == CW_TAB_DRAFTS)
		*cols = draft_cols, *n = NCOLS(draft_cols);
	else
		*cols = record_cols, *n = NCOLS(record_cols);
}

static enum cw_kind tab_kind(enum cw_tab tab)
{
	return tab == CW_TAB_CASES ? CW_KIND_CASE : tab == CW_TAB_PEOPLE ? CW_KIND_PERSON : 0;
}

/* The column of a list titled title (its English title), or -1. */
static int column_of(const struct cw_column *cols, int n, const char *title)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(cols[i].title, title))
			return i;
	return -1;
}

/* What the agenda's day column keeps in width columns: the whole day ("អាទិត្យ 2026-12-06")
 * while the other columns keep what a narrow screen leaves them anyway (their minimum, a few
 * columns of those that share the spare width); narrower, its date. */
static int day_keep(const struct cw_column *cols, int n, int day, int width)
{
	int full = days_width(), need = n - 1;

	for (int i = 0; i < n; i++)
		need += i == day ? full : cols[i].weight ? CW_COLUMN_KEEP : cols[i].min;
	return need <= width ? full : DAY_DATE_WIDTH;
}

/* What the columns of a list keep on a narrow screen, width columns wide: the agenda's day its
 * date at least (day_keep); the articles filtered on, which lead the articles column, whole with
 * the "/…" of a cut (up to 20 columns); NULL when nothing in particular. */
static const int *tab_keep(const struct cw_column *cols, int n, const struct cw_filter *lead,
			   int width, int *keep)
{
	char text[200] = "";
	size_t o = 0;
	int col = column_of(cols, n, "ARTICLES"), day = column_of(cols, n, "DAY"), w;

	if (day < 0 && (col < 0 || !lead || !lead->narticles))
		return NULL;
	memset(keep, 0, (size_t)n * sizeof *keep);
	if (day >= 0)
		keep[day] = day_keep(cols, n, day, width);
	if (col < 0 || !lead || !lead->narticles)
		return keep;
	for (size_t i = 0; i < lead->narticles && o < sizeof text; i++) {
		char a[CW_ARTICLE_TEXT_MAX];

		cw_article_format(&lead->articles[i], a);
		o += (size_t)snprintf(text + o, sizeof text - o, "%s%s", i ? "/" : "", a);
	}
	/* And "/…" after them: cw_articles_fit cuts after a whole article ("437 bis/…"). */
	w = cw_text_width(text) + 2;
	keep[col] = w < 20 ? w : 20;
	return keep;
}

int cw_view_list_header(enum cw_tab tab, const struct cw_filter *lead, int width, char *out,
			size_t len)
{
	const struct cw_column *cols;
	const char *cells[8];
	int n, w[8], keep[8];

	tab_columns(tab, &cols, &n);
	cw_columns_layout(cols, n, width, tab_keep(cols, n, lead, width, keep), w);
	for (int i = 0; i < n; i++)
		cells[i] = _(cols[i].title);
	return cw_row_format(cells, w, n, out, len);
}

int cw_view_list_row(struct cw_store *st, struct cw_list_memo *memo, enum cw_tab tab,
		     const struct cw_record *r, const struct cw_filter *lead, int width, char *out,
		     size_t len, struct cw_error *err)
{
	const struct cw_column *cols;
	char date[CW_DATE_TEXT_MAX], a[400] = "", named[480], cut[400];
	const char *cells[8], *mark;
	int rc;
	struct cw_record_summary sum;
	int n, w[8], keep[8];

	tab_columns(tab, &cols, &n);
	cw_columns_layout(cols, n, width, tab_keep(cols, n, lead, width, keep), w);
	cw_date_format(cw_record_date(r), date);
	if (tab == CW_TAB_PEOPLE) {
		const struct cw_person *p = &r->u.person;

		/* Confidential material is marked where the eye starts: "[C] " or "[c] ". */
		/* Known only in Khmer: that name in the name column, not an empty cell. */
		snprintf(named, sizeof named, "%s%s", cw_confidential_mark(r), cw_person_name(p));
		cells[0] = named, cells[1] = p->name && *p->name ? p->name_km : NULL;
		cells[2] = p->affiliation;
		cells[3] = p->province, cells[4] = cw_view_short(r->view);
		return cw_row_format(cells, w, n, out, len);
	}
	if (tab == CW_TAB_CASES) {
		cw_case_articles_text(r, NULL, a, sizeof a);
		if (lead)
			cw_articles_text_lead(a, sizeof a, lead->articles, lead->narticles);
		if ((rc = cw_record_list_mark(st, memo, r, &mark, err)) != 0)
			return rc;
		snprintf(named, sizeof named, "%s%s", mark, r->u.kase.title ? r->u.kase.title : "");
		cells[0] = date, cells[1] = cw_view_short(r->view), cells[2] = named;
		cw_articles_fit(a, w[4], cut, sizeof cut); /* at an article, never in one */
		cells[3] = r->u.kase.court, cells[4] = cut;
		cells[5] = r->u.kase.stage ? cw_enum_label(&cw_words_stage, r->u.kase.stage) : "";
		return cw_row_format(cells, w, n, out, len);
	}
	/* A monitoring record: the same columns as the command line's table. */
	if ((rc = cw_record_summarise_in(st, memo, r, &sum, err)) != 0)
		return rc;
	if (lead)
		cw_articles_text_lead(sum.articles, sizeof sum.articles, lead->articles,
				      lead->narticles);
	snprintf(named, sizeof named, "%s%s", sum.mark, sum.who);
	cells[0] = date, cells[1] = cw_kind_text(r->kind), cells[2] = cw_view_short(r->view);
	cw_articles_fit(sum.articles, w[5], cut, sizeof cut);
	cells[3] = named, cells[4] = sum.where, cells[5] = cut, cells[6] = sum.what;
	return cw_row_format(cells, w, n, out, len);
}

/* Counts (when stale) and fetches the visible window of the current list. */
static int fetch(struct cw_app *app, struct cw_list_tab *t, int height, struct cw_error *err)
{
	struct cw_filter f;
	uint32_t kinds;
	int ignored, rc;

	cw_filter_state_for_list(&app->filter, tab_kind(app->tab), &f, &kinds, &ignored);
	for (int attempt = 0; attempt < 2; attempt++) {
		size_t count = t->pg.count, want;

		if (t->count_stale && (rc = cw_store_count(app->st, &f, kinds, &count, err)) != 0)
			return rc;
		t->count_stale = 0;
		cw_pager_update(&t->pg, count, height);
		cw_record_list_free(&t->win);
		want = count - t->pg.top < (size_t)height ? count - t->pg.top : (size_t)height;
		if (app->tab != CW_TAB_PEOPLE && t->pg.top > count / 2) {
			/* Past the middle, walk from the end: the window is the same rows, read in
			 * the reverse order and turned round. */
			if ((rc = cw_store_list(app->st, &f, kinds, CW_ORDER_NEWEST_FIRST_REVERSED,
						count - t->pg.top - want, want, &t->win, err)) != 0)
				return rc;
			for (size_t i = 0, j = t->win.n; i + 1 < j; i++, j--) {
				struct cw_record tmp = t->win.items[i];

				t->win.items[i] = t->win.items[j - 1];
				t->win.items[j - 1] = tmp;
			}
		} else if ((rc = cw_store_list(app->st, &f, kinds, CW_ORDER_NEWEST_FIRST, t->pg.top,
					       (size_t)height, &t->win, err)) != 0) {
			return rc;
		}
		/* Fewer (or more) rows than counted: another process wrote; count again. */
		if (t->win.n == want)
			break;
		t->count_stale = 1;
	}
	if (ignored)
		cw_app_status(app, 0, "kind: applies to the records list (3)");
	return 0;
}

/* The agenda's row of item i, the day at the head of its group (the overdue ones first). */
static int agenda_row(struct cw_app *app, struct cw_list_memo *memo, size_t i, int width, char *out,
		      size_t len, struct cw_error *err)
{
	const struct cw_agenda *a = &app->agenda;
	const struct cw_agenda_item *it = &a->items[i];
	struct cw_record_summary sum;
	char day[CW_AGENDA_DAY_TEXT_MAX] = "", fit[CW_AGENDA_DAY_TEXT_MAX + 8] = "", note[700],
	     named[900];
	const char *cells[NCOLS(agenda_cols)];
	int w[NCOLS(agenda_cols)], keep[NCOLS(agenda_cols)], rc;

	cw_columns_layout(agenda_cols, NCOLS(agenda_cols), width,
			  tab_keep(agenda_cols, NCOLS(agenda_cols), NULL, width, keep), w);
	if (i == 0 || it->overdue != a->items[i - 1].overdue ||
	    cw_date_compare(it->day, a->items[i - 1].day) != 0) {
		cw_agenda_day_text(it->day, day, sizeof day);
		cw_day_fit(day, w[0], fit, sizeof fit); /* the date whole, the weekday if room */
	}
	if ((rc = cw_record_summarise_in(app->st, memo, it->rec, &sum, err)) != 0)
		return rc;
	if ((rc = cw_agenda_about(app->st, it, &sum, named, sizeof named, err)) != 0)
		return rc;
	cw_agenda_note(a, i, note, sizeof note);
	cells[0] = fit, cells[1] = cw_agenda_what_label(it->what);
	cells[2] = cw_view_short(it->rec->view), cells[3] = named, cells[4] = sum.where;
	cells[5] = note;
	return cw_row_format(cells, w, NCOLS(agenda_cols), out, len);
}

/* Makes the agenda again: CW_AGENDA_DAYS from today, with the filter's criteria (of kinds,
 * only hearings and visits are on it). */
static int fetch_agenda(struct cw_app *app, struct cw_list_tab *t, int height, struct cw_error *err)
{
	const uint32_t on_agenda = CW_KIND_BIT(CW_KIND_HEARING) | CW_KIND_BIT(CW_KIND_VISIT);
	struct cw_date today = cw_date_today();
	struct cw_filter f;
	uint32_t kinds;
	int ignored, rc = 0;

	cw_filter_state_for_list(&app->filter, 0, &f, &kinds, &ignored);
	cw_agenda_free(&app->agenda);
	if (f.kinds && !(f.kinds & on_agenda))
		cw_app_status(app, 0, "kind: the agenda holds hearings and visits only");
	else
		rc = cw_agenda_build(app->st, &f, today,
				     cw_date_from_days(cw_date_to_days(today) + CW_AGENDA_DAYS - 1),
				     NULL, &app->agenda, err);
	t->count_stale = 0;
	cw_pager_update(&t->pg, app->agenda.n, height);
	return rc;
}

static void draw_drafts(struct cw_app *app, struct cw_list_tab *t, int top, int rows, int cols)
{
	struct cw_error err;
	char line[4096], count[128];
	int w[NCOLS(draft_cols)];

	cw_drafts_free(app->drafts, app->ndrafts);
	app->drafts = NULL;
	app->ndrafts = 0;
	if (cw_store_drafts(app->st, &app->drafts, &app->ndrafts, &err) != 0) {
		cw_app_error(app, &err);
		return;
	}
	cw_pager_update(&t->pg, app->ndrafts, rows);
	cw_columns_layout(draft_cols, NCOLS(draft_cols), cols, NULL, w);
	for (size_t i = t->pg.top; i < app->ndrafts && (int)(i - t->pg.top) < rows; i++) {
		const struct cw_draft *d = &app->drafts[i];
		char kept[32] = "", what[300] = "";
		const char *cells[NCOLS(draft_cols)];
		time_t secs = (time_t)(d->saved / 1000000);
		struct tm tm;
		struct cw_record rec;
		int rc = 0;

		if (localtime_r(&secs, &tm))
			strftime(kept, sizeof kept, "%Y-%m-%d %H:%M", &tm);
		if (cw_id_is_zero(&d->record)) {
			snprintf(what, sizeof what, _("a new %s"), cw_kind_text(d->kind));
		} else if ((rc = cw_store_get(app->st, &d->record, &rec, NULL)) == 0) {
			snprintf(what, sizeof what, _("changes to %s"), cw_record_label(&rec));
			cw_record_free(&rec);
		} else if (rc == CW_ENOTFOUND) {
			snprintf(what, sizeof what, _("changes to a record since deleted"));
		} else {
			/* Never "deleted": it is there, and finishing the draft says why it
			 * cannot be read. */
			snprintf(what, sizeof what, _("changes to a record that cannot be read"));
		}
		cells[0] = kept, cells[1] = cw_kind_text(d->kind);
		cells[2] = d->label && *d->label ? d->label : _("(nothing typed that names it)");
		cells[3] = what;
		if (cw_row_format(cells, w, NCOLS(draft_cols), line, sizeof line) != 0)
			snprintf(line, sizeof line, _("(cannot show this draft)"));
		cw_screen_put(top + 2 + (int)(i - t->pg.top), 0, cols, line,
			      i == t->pg.cursor ? CW_ROLE_SELECTED : CW_ROLE_NORMAL);
	}
	if (app->ndrafts == 0)
		cw_screen_put(top + 2, 0, cols,
			      _("no drafts: in a form, C-t keeps what was typed to finish later"),
			      CW_ROLE_HINT);
	tab_count(CW_TAB_DRAFTS, app->ndrafts, count, sizeof count);
	snprintf(app->info, sizeof app->info, _("%s | %zu/%zu | Enter finishes one, d deletes"),
		 count, app->ndrafts ? t->pg.cursor + 1 : 0, app->ndrafts);
}

/* The drafts to complete, below the agenda's items in the rows left (they are work to do, but
 * no record: the cursor does not go on them; 5 lists and opens them), by day as the command
 * line lists them (report/agenda.h says which day). */
static void agenda_drafts(struct cw_app *app, struct cw_list_tab *t, int top, int rows, int cols)
{
	const struct cw_agenda *a = &app->agenda;
	size_t shown = a->n > t->pg.top ? a->n - t->pg.top : 0;
	int y = a->n == 0 ? 3 : (int)shown + 1, w[NCOLS(agenda_cols)], keep[NCOLS(agenda_cols)];
	char line[4096], head[160];

	if (!a->drafts || y >= rows)
		return;
	snprintf(head, sizeof head,
		 P_("%zu draft to complete (5 lists it):", "%zu drafts to complete (5 lists them):",
		    a->drafts),
		 a->drafts);
	cw_screen_put(top + 2 + y++, 0, cols, head, CW_ROLE_HINT);
	cw_columns_layout(agenda_cols, NCOLS(agenda_cols), cols,
			  tab_keep(agenda_cols, NCOLS(agenda_cols), NULL, cols, keep), w);
	for (size_t i = 0; i < a->drafts && y < rows; i++, y++) {
		const struct cw_agenda_draft *dr = &a->draft_items[i];
		char day[CW_AGENDA_DAY_TEXT_MAX] = "", fit[CW_AGENDA_DAY_TEXT_MAX + 8] = "",
		     what[64];
		const char *cells[NCOLS(agenda_cols)];

		if (i == 0 || cw_date_compare(dr->day, a->draft_items[i - 1].day) != 0) {
			cw_agenda_day_text(dr->day, day, sizeof day);
			cw_day_fit(day, w[0], fit, sizeof fit);
		}
		snprintf(what, sizeof what, _("draft %s"), cw_kind_text(dr->d->kind));
		cells[0] = fit, cells[1] = what, cells[2] = "";
		cells[3] = dr->d->label ? dr->d->label : "", cells[4] = "";
		cells[5] = dr->dated ? "" : _("no date typed: the day it was kept");
		if (cw_row_format(cells, w, NCOLS(agenda_cols), line, sizeof line) == 0)
			cw_screen_put(top + 2 + y, 0, cols, line, CW_ROLE_HINT);
	}
}

/* Appends to the status line how many records wait with an unresolved conflict, or name one
 * person twice with entries that differ (a merge taken from another laptop), and the key that
 * lists them: a report written meanwhile uses the version shown of each, or either entry (its
 * header says so), and the one who can choose should know they wait. Each record is counted
 * once. Read again only when the database changed. A count that cannot be read says nothing. */
static void conflicts_info(struct cw_app *app)
{
	uint64_t generation = cw_store_generation(app->st);
	size_t len = strlen(app->info);

	if (!app->conflicts_counted || generation != app->conflicts_generation) {
		struct cw_error err;
		struct cw_id *ids, *twice;
		size_t n, ntwice, waiting;

		if (cw_sync_conflicted_ids(app->st, &ids, &n, &err) != 0)
			return;
		if (cw_store_doubled_ids(app->st, &twice, &ntwice, &err) != 0) {
			free(ids);
			return;
		}
		waiting = n;
		for (size_t i = 0; i < ntwice; i++) {
			int both = 0;

			for (size_t k = 0; k < n && !both; k++)
				both = cw_id_equal(&ids[k], &twice[i]);
			waiting += !both;
		}
		free(ids);
		free(twice);
		app->conflicts = waiting;
		app->conflicts_generation = generation;
		app->conflicts_counted = 1;
	}
	if (app->conflicts && len < sizeof app->info)
		snprintf(app->info + len, sizeof app->info - len,
			 P_(" | %zu conflict waits (X lists it)",
			    " | %zu conflicts wait (X lists them)", app->conflicts),
			 app->conflicts);
}

static void draw_agenda(struct cw_app *app, struct cw_list_tab *t, int top, int rows, int cols)
{
	struct cw_list_memo memo = {0};
	struct cw_error err;
	char line[4096], why[600], drafts[300];

	if (fetch_agenda(app, t, rows, &err) != 0) {
		cw_app_error(app, &err);
		return;
	}
	for (size_t i = t->pg.top; i < app->agenda.n && (int)(i - t->pg.top) < rows; i++) {
		/* A record it names that cannot be read: said, never shown as not held here. */
		cw_error_clear(&err);
		if (agenda_row(app, &memo, i, cols, line, sizeof line, &err) != 0) {
			snprintf(line, sizeof line, _("(cannot show this record)"));
			if (err.code)
				cw_app_error(app, &err);
		}
		cw_screen_put(top + 2 + (int)(i - t->pg.top), 0, cols, line,
			      i == t->pg.cursor ? CW_ROLE_SELECTED : CW_ROLE_NORMAL);
	}
	cw_list_memo_free(&memo);
	if (app->agenda.n == 0 && rows >= 2) {
		cw_screen_put(top + 2, 0, cols, _("nothing on the agenda in the next 14 days"),
			      CW_ROLE_HINT);
		cw_agenda_why_empty(&app->agenda, !cw_filter_is_empty(&app->filter.f), 0, why,
				    sizeof why);
		cw_screen_put(top + 3, 0, cols, why, CW_ROLE_HINT);
	}
	agenda_drafts(app, t, top, rows, cols);
	/* How many drafts, and the key that lists them (5), said as words: " | drafts to
	 * complete: 5" read as five drafts. */
	drafts[0] = '\0';
	if (app->agenda.drafts)
		snprintf(drafts, sizeof drafts,
			 P_(" | %zu draft to complete (5 lists it)",
			    " | %zu drafts to complete (5 lists them)", app->agenda.drafts),
			 app->agenda.drafts);
	cw_text_format(app->info, sizeof app->info, _("%s%.300s%s%zu on the agenda | %zu/%zu%s"),
		       app->filter.line[0] ? _("filter: ") : "", app->filter.line,
		       app->filter.line[0] ? " | " : "", app->agenda.n,
		       app->agenda.n ? t->pg.cursor + 1 : 0, app->agenda.n, drafts);
	conflicts_info(app);
}

/* An article of the filter that the built-in table does not know, said after the count for as
 * long as the filter holds it, as the command line warns of its --article: "0 records match"
 * alone read as no record of that article, not as a typo (app/advice.h). */
static void info_advice(void *ctx, const char *what, const char *fix)
{
	struct cw_app *app = ctx;
	size_t n = strlen(app->info);

	(void)fix; /* the command to run is the command line's: the line has no room for it */
	cw_text_format(app->info + n, sizeof app->info - n, " | %s", what);
}

/* The tabs' labels as the bar shows them: " 1 Cases ", or " 5 " for a tab whose name is left
 * out. Returns the columns the bar takes, one between tabs and one after the last. */
static int tab_labels(const int *named, char labels[][128])
{
	int x = 0;

	for (int i = 0; i < CW_TAB_COUNT; i++) {
		if (named[i])
			snprintf(labels[i], 128, " %s ", _(tab_titles[i]));
		else
			snprintf(labels[i], 128, " %d ", i + 1);
		x += cw_text_width(labels[i]) + 1;
	}
	return x;
}

/* The tab bar: the tabs, and "? help" at the right. The help is what a monitor lost on a
 * narrow screen needs, so it stays at any width: the names of the other tabs give it room first,
 * the last tab's first (" 5 " is still the key that opens it, and the help lists them all), then
 * the open tab's name; below that the tabs are cut. Measured in display columns: the Khmer tabs
 * took 56 of 60 columns and the help was left out. */
static void tab_bar(enum cw_tab active, int top, int cols)
{
	char labels[CW_TAB_COUNT][128];
	int named[CW_TAB_COUNT], x, hw;
	/* As wide as the words take in this language; 10 columns for "? help". */
	const char *help = _("? help");
	int help_w = cw_text_width(help);

	hw = help_w + 4 < 10 ? 10 : help_w + 4;
	for (int i = 0; i < CW_TAB_COUNT; i++)
		named[i] = 1;
	x = tab_labels(named, labels);
	for (int i = CW_TAB_COUNT - 1; i >= 0 && x + hw > cols; i--)
		if (i != (int)active) {
			named[i] = 0;
			x = tab_labels(named, labels);
		}
	if (x + hw > cols) {
		named[active] = 0; /* the list's header still says what it lists */
		x = tab_labels(named, labels);
	}
	if (x + hw > cols)
		hw = help_w + 1 < cols ? help_w + 1 : cols;
	/* The tabs end a column before the help (cut there only on the narrowest screens). */
	for (int i = 0, at = 0, room = cols - hw - 1; i < CW_TAB_COUNT && at < room; i++) {
		int w = cw_text_width(labels[i]);

		cw_screen_put(top, at, w < room - at ? w : room - at, labels[i],
			      i == (int)active ? CW_ROLE_TAB_ACTIVE : CW_ROLE_TAB);
		at += w + 1;
	}
	cw_screen_put(top, cols - hw, hw, help, CW_ROLE_TAB);
}

void cw_view_lists_draw(struct cw_app *app, int top, int height)
{
	struct cw_list_tab *t = &app->tabs[app->tab];
	int cols = cw_screen_cols(), rows = height - 2;
	struct cw_list_memo memo = {0}; /* the people the screen's rows name, each read once */
	struct cw_error err;
	char line[4096], count[128];

	/* Tab bar. */
	cw_screen_fill(top, CW_ROLE_TAB);
	tab_bar(app->tab, top, cols);
	if (cw_view_list_header(app->tab, &app->filter.f, cols, line, sizeof line) == 0)
		cw_screen_put(top + 1, 0, cols, line, CW_ROLE_HEADER);
	if (rows < 1)
		return;
	if (app->tab == CW_TAB_AGENDA) {
		draw_agenda(app, t, top, rows, cols);
		return;
	}
	if (app->tab == CW_TAB_DRAFTS) {
		draw_drafts(app, t, top, rows, cols);
		return;
	}
	if (fetch(app, t, rows, &err) != 0) {
		cw_app_error(app, &err);
		return;
	}
	for (size_t i = 0; i < t->win.n && (int)i < rows; i++) {
		int selected = t->pg.top + i == t->pg.cursor;

		/* A record it names that cannot be read: said, never shown as not held here. */
		cw_error_clear(&err);
		if (cw_view_list_row(app->st, &memo, app->tab, &t->win.items[i], &app->filter.f,
				     cols, line, sizeof line, &err) != 0) {
			snprintf(line, sizeof line, _("(cannot show this record)"));
			if (err.code)
				cw_app_error(app, &err);
		}
		cw_screen_put(top + 2 + (int)i, 0, cols, line,
			      selected ? CW_ROLE_SELECTED : CW_ROLE_NORMAL);
	}
	cw_list_memo_free(&memo);
	if (t->pg.count == 0)
		cw_screen_put(
			top + 2, 0, cols,
			cw_filter_is_empty(&app->filter.f)
				? _("nothing here yet: P adds a person, C a case, H logs a hearing")
				: _("no match: Esc clears the filter"),
			CW_ROLE_HINT);
	tab_count(app->tab, t->pg.count, count, sizeof count);
	if (app->filter.line[0]) {
		cw_text_format(app->info, sizeof app->info,
			       P_("filter: %.300s | %s matches", "filter: %.300s | %s match",
				  (unsigned long)t->pg.count),
			       app->filter.line, count);
		cw_advise_filter_articles(&app->filter.f, info_advice, app);
	} else
		snprintf(app->info, sizeof app->info, "%s | %zu/%zu", count,
			 t->pg.count ? t->pg.cursor + 1 : 0, t->pg.count);
	conflicts_info(app);
}

const struct cw_record *cw_view_lists_current(struct cw_app *app)
{
	struct cw_list_tab *t = &app->tabs[app->tab];

	if (app->tab == CW_TAB_AGENDA)
		return t->pg.cursor < app->agenda.n ? app->agenda.items[t->pg.cursor].rec : NULL;
	if (app->tab == CW_TAB_DRAFTS)
		return NULL; /* a draft is not a record */
	if (t->pg.cursor < t->pg.top || t->pg.cursor - t->pg.top >= t->win.n)
		return NULL;
	return &t->win.items[t->pg.cursor - t->pg.top];
}

static void quick(struct cw_app *app, const char *articles)
{
	struct cw_error err;

	if (cw_filter_state_quick(&app->filter, articles, &err) != 0) {
		cw_app_error(app, &err);
		return;
	}
	for (int i = 0; i < CW_TAB_COUNT; i++)
		cw_pager_home(&app->tabs[i].pg);
	cw_app_invalidate(app);
}

void cw_view_lists_key(struct cw_app *app, enum cw_action a)
{
	struct cw_list_tab *t = &app->tabs[app->tab];
	const struct cw_record *cur = cw_view_lists_current(app);

	switch (a) {
	case CW_ACT_UP:
		cw_pager_move(&t->pg, -1);
		break;
	case CW_ACT_DOWN:
		cw_pager_move(&t->pg, 1);
		break;
	case CW_ACT_TOP:
		cw_pager_home(&t->pg);
		break;
	case CW_ACT_BOTTOM:
		cw_pager_end(&t->pg);
		break;
	case CW_ACT_PAGE_DOWN:
	case CW_ACT_PAGE_UP:
		cw_pager_page(&t->pg, a == CW_ACT_PAGE_DOWN);
		break;
	case CW_ACT_NEXT_TAB:
	case CW_ACT_PREV_TAB:
		app->tab = (enum cw_tab)(
			(app->tab + (a == CW_ACT_NEXT_TAB ? 1 : CW_TAB_COUNT - 1)) % CW_TAB_COUNT);
		app->tabs[app->tab].count_stale = 1;
		break;
	case CW_ACT_TAB_CASES:
	case CW_ACT_TAB_PEOPLE:
	case CW_ACT_TAB_RECORDS:
	case CW_ACT_TAB_AGENDA:
	case CW_ACT_TAB_DRAFTS:
		app->tab = a == CW_ACT_TAB_CASES     ? CW_TAB_CASES
			   : a == CW_ACT_TAB_PEOPLE  ? CW_TAB_PEOPLE
			   : a == CW_ACT_TAB_RECORDS ? CW_TAB_RECORDS
			   : a == CW_ACT_TAB_AGENDA  ? CW_TAB_AGENDA
						     : CW_TAB_DRAFTS;
		app->tabs[app->tab].count_stale = 1;
		break;
	case CW_ACT_OPEN:
		if (app->tab == CW_TAB_DRAFTS && t->pg.cursor < app->ndrafts) {
			cw_app_open_draft(app, &app->drafts[t->pg.cursor]);
			break;
		}
		if (!cur)
			break;
		if (cur->kind == CW_KIND_PERSON)
			cw_app_open_timeline(app, cur);
		else
			cw_app_open_record(app, &cur->id);
		break;
	case CW_ACT_TIMELINE:
		if (cur)
			cw_app_open_timeline(app, cur);
		break;
	case CW_ACT_FILTER:
		app->prompting = CW_PROMPT_FILTER;
		cw_edit_set(&app->prompt, app->filter.line);
		break;
	case CW_ACT_FILTER_CLEAR:
		if (app->filter.line[0] || !cw_filter_is_empty(&app->filter.f)) {
			cw_filter_state_clear(&app->filter);
			cw_app_invalidate(app);
			cw_app_status(app, 0, "filter cleared");
		}
		break;
	case CW_ACT_QUICK_INCITEMENT:
		quick(app, "494/495");
		break;
	case CW_ACT_QUICK_LESE_MAJESTE:
		quick(app, "437 bis");
		break;
	case CW_ACT_EDIT:
		if (cur)
			cw_app_open_form(app, (enum cw_kind)cur->kind, &cur->id);
		break;
	case CW_ACT_DELETE:
		if (app->tab == CW_TAB_DRAFTS && t->pg.cursor < app->ndrafts)
			cw_app_ask_delete_draft(app, &app->drafts[t->pg.cursor]);
		else if (cur)
			cw_app_ask_delete(app, &cur->id);
		break;
	default:
		break;
	}
}
