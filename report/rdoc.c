/* rdoc.c - a gathered report as sections of plain-text rows, shared by the Markdown,
 * HTML and CSV writers; see rdoc.h. */
#include "config.h"

#include <assert.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "report/rdoc.h"
#include "models/confidential.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/text.h"
#include "models/timeline.h"

const char *const cw_rcol_names[CW_RC_NCOLS] = {
	"label",        "record_id",      "date",       "account",        "case_id",
	"case",         "person_ids",     "people",     "court_or_place", "stage",
	"outcome",      "articles",       "next_date",  "concerns",       "detail",
	"count",        "previous_count", "met",        "not_met",        "not_applicable",
	"unknown",      "reportedly",     "at_least",   "at_most",        "previous_at_least",
	"people_count", "source",         "counted_in", "injured",        "injured_at_least"};

const char cw_report_empty_text[] =
	N_("Nothing recorded in this period matches: the report is empty.");
const char cw_report_time_note[] =
	N_("Dates are local to Cambodia (UTC+7, Asia/Phnom_Penh), as the monitors recorded them.");
const char cw_report_summary_title[] = N_("Summary");

/* The first of the accounts of the hearing to come r->upcoming[i] is one of (itself when it
 * is the first, or the only one): the item its row is listed under. */
static size_t upcoming_first(const struct cw_report *r, size_t i)
{
	return r->upcoming_same && r->upcoming_same[i] != SIZE_MAX ? r->upcoming_same[i] : i;
}

static int rtext_flags = CW_TEXT_KEEP_NEWLINES | CW_TEXT_ALL_MARKS;

void cw_rtext_all_marks(int all)
{
	rtext_flags = CW_TEXT_KEEP_NEWLINES | (all ? CW_TEXT_ALL_MARKS : 0);
}

char *cw_rtext(const char *s)
{
	return cw_text_for_terminal(s ? s : "", rtext_flags);
}

void cw_person_text(const struct cw_report *r, const struct cw_id *id, char *buf, size_t len)
{
	const struct cw_record *p = cw_report_ref(r, id);
	char hex[CW_ID_HEX_LEN + 1];

	if (cw_id_is_zero(id)) {
		snprintf(buf, len, "%s", "");
	} else if (p && p->kind == CW_KIND_PERSON && p->u.person.name && p->u.person.name_km) {
		snprintf(buf, len, "%s (%s)", p->u.person.name, p->u.person.name_km);
	} else if (p && p->kind == CW_KIND_PERSON) {
		snprintf(buf, len, "%s", cw_person_name(&p->u.person));
	} else {
		/* Deleted, perhaps on another laptop, while records here named the person. */
		cw_id_hex(id, hex);
		snprintf(buf, len, _("(deleted person %.8s)"), hex);
	}
}

/* ---- a growable string ------------------------------------------------------------------ */

struct sb {
	char *s;
	size_t n, cap;
	int failed;
};

static void sb_add(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_add(struct sb *b, const char *fmt, ...)
{
	va_list ap;
	int need;

	if (b->failed)
		return;
	va_start(ap, fmt);
	need = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (need < 0) {
		b->failed = 1;
		return;
	}
	if (b->n + (size_t)need + 1 > b->cap) {
		size_t cap = (b->n + (size_t)need + 1) * 2;
		char *s = realloc(b->s, cap);

		if (!s) {
			b->failed = 1;
			return;
		}
		b->s = s;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	b->n += (size_t)need;
}

/* Hands over the text, neutralised ("" when nothing was added). */
static char *sb_take(struct sb *b)
{
	char *t = b->failed ? NULL : cw_rtext(b->s ? b->s : "");

	free(b->s);
	memset(b, 0, sizeof *b);
	return t;
}

/* ---- building rows ---------------------------------------------------------------------- */

/* The accounts of each event of a section's rows, found once for the section rather than
 * among all its rows for each row (event_accounts): the row counted[k] names (struct cw_report:
 * visit_counted and the like) counts rows[start[row]] .. rows[start[row + 1] - 1], in row
 * order. */
struct accounts {
	const size_t *counted; /* whose: NULL before the first */
	size_t n, *start, *rows;
};

struct builder {
	const struct cw_report *r;
	struct cw_rdoc *doc;
	struct cw_rsection *sec;
	char *row[CW_RC_NCOLS];
	int failed;
	struct accounts acc;
};

static void accounts_free(struct accounts *a)
{
	free(a->start);
	free(a->rows);
	memset(a, 0, sizeof *a);
}

/* The accounts of the events of l's rows, counted as counted says: NULL when out of memory
 * (b->failed). */
static const struct accounts *event_accounts(struct builder *b, const struct cw_record_list *l,
					     const size_t *counted)
{
	struct accounts *a = &b->acc;
	size_t n = l->n;

	if (a->counted == counted && a->n == n)
		return a;
	accounts_free(a);
	if (!(a->start = calloc(n + 1, sizeof *a->start)) ||
	    !(a->rows = malloc((n ? n : 1) * sizeof *a->rows))) {
		accounts_free(a);
		b->failed = 1;
		return NULL;
	}
	/* counted by each row, then each row's first place, then the rows in row order: each
	 * start moves on past its rows, and back to where they begin */
	for (size_t k = 0; k < n; k++)
		if (counted[k] < n)
			a->start[counted[k] + 1]++;
	for (size_t k = 0; k < n; k++)
		a->start[k + 1] += a->start[k];
	for (size_t k = 0; k < n; k++)
		if (counted[k] < n)
			a->rows[a->start[counted[k]]++] = k;
	for (size_t k = n; k > 0; k--)
		a->start[k] = a->start[k - 1];
	a->start[0] = 0;
	a->counted = counted;
	a->n = n;
	return a;
}

/* A new section: its stable name, title and the sentence shown when it has no rows (both
 * untranslated, N_), then its columns as pairs of enum cw_rcol and header (N_), ended by -1. */
static void section(struct builder *b, const char *name, const char *title, const char *empty, ...)
{
	struct cw_rsection *s;
	va_list ap;
	int c;

	/* CW_RDOC_SECTIONS counts the sections cw_rdoc_build makes: one more is a bug here. */
	assert(b->doc->nsections < CW_RDOC_SECTIONS);
	s = &b->doc->sections[b->doc->nsections++];
	memset(s, 0, sizeof *s);
	s->name = name;
	s->title = _(title);
	s->empty = empty[0] ? _(empty) : "";
	va_start(ap, empty);
	while ((c = va_arg(ap, int)) >= 0 && s->ncols < CW_RSECTION_COLS) {
		const char *h = va_arg(ap, const char *);

		s->cols[s->ncols] = (enum cw_rcol)c;
		s->headers[s->ncols] = _(h);
		s->ncols++;
	}
	va_end(ap);
	b->sec = s;
}

static void cell(struct builder *b, enum cw_rcol c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void cell(struct builder *b, enum cw_rcol c, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = cw_text_vprintf(fmt, ap);
	va_end(ap);
	free(b->row[c]);
	b->row[c] = s ? cw_rtext(s) : NULL;
	free(s);
	if (!b->row[c])
		b->failed = 1;
}

static void cell_take(struct builder *b, enum cw_rcol c, struct sb *sb)
{
	free(b->row[c]);
	if (!(b->row[c] = sb_take(sb)))
		b->failed = 1;
}

static void row_end(struct builder *b)
{
	struct cw_rsection *s = b->sec;
	char **cells = realloc(s->cells, (s->nrows + 1) * CW_RC_NCOLS * sizeof *cells);

	if (!cells) {
		b->failed = 1;
		for (int c = 0; c < CW_RC_NCOLS; c++)
			free(b->row[c]), b->row[c] = NULL;
		return;
	}
	s->cells = cells;
	for (int c = 0; c < CW_RC_NCOLS; c++) {
		cells[s->nrows * CW_RC_NCOLS + c] = b->row[c];
		b->row[c] = NULL;
	}
	s->nrows++;
}

static const char *str(const char *s)
{
	return s ? s : "";
}

/* A value as people read it: its label, in the report's language; "" when not given. */
static const char *word(const struct cw_enum *e, unsigned v)
{
	return v ? _(cw_enum_label(e, v)) : "";
}

static void date_cell(struct builder *b, enum cw_rcol c, struct cw_date d)
{
	char t[CW_DATE_TEXT_MAX];

	cw_date_format(d, t);
	cell(b, c, "%s", t);
}

/* Whose account the row gives, in every row drawn from a record, and the source it names (a
 * confidential source reads "[confidential]" in a report for others: report/confidential.h). */
static void account_cell(struct builder *b, const struct cw_record *rec)
{
	cell(b, CW_RC_ACCOUNT, "%s", _(cw_enum_label(&cw_words_view, rec->view)));
	if (rec->source && *rec->source)
		cell(b, CW_RC_SOURCE, "%s", rec->source);
}

/* The labels of a set of accounts, in the order of enum cw_view: "UN, own observation"
 * (cw_views_text). */
static void views_text(struct sb *sb, uint32_t views)
{
	char text[400];

	cw_views_text(views, text, sizeof text);
	if (text[0])
		sb_add(sb, "%s", text);
}

static void views_cell(struct builder *b, uint32_t views)
{
	struct sb sb = {0};

	views_text(&sb, views);
	if (sb.n || sb.failed)
		cell_take(b, CW_RC_ACCOUNT, &sb);
}

/* views_cell with the account the row's source is of last, right before the source's [N]
 * that the writers put after the cell: "own observation, UN [5]" (a partner's trial read "UN,
 * own observation [5]" as the team's source). `cited` 0: no source is cited. */
static void views_cell_cited(struct builder *b, uint32_t views, uint8_t cited)
{
	uint32_t bit = cited && cited < 32 ? UINT32_C(1) << cited : 0;
	struct sb sb = {0};

	if (!bit || !(views & bit) || views == bit) {
		views_cell(b, views);
		return;
	}
	views_text(&sb, views & ~bit);
	sb_add(&sb, "%s", _(", "));
	views_text(&sb, bit);
	cell_take(b, CW_RC_ACCOUNT, &sb);
}

/* A row of the report's tables as a reader finds it, for another row that names it: its date,
 * whose account, and its place, facility or case (and person), then the record's first
 * characters, which the CSV and JSON give in full: "2024-05-01, own observation, NagaWorld,
 * Phnom Penh (3824303d)". A row citing another by its id alone ("row 3824303d") sent partners
 * looking for an id no table shows. */
static void row_ref(const struct cw_report *r, const struct cw_record *rec, struct sb *sb)
{
	char date[CW_DATE_TEXT_MAX], hex[CW_ID_HEX_LEN + 1];
	const struct cw_id *case_id = NULL, *person = NULL;
	const char *place = NULL, *province = NULL;

	cw_date_format(cw_record_date(rec), date);
	cw_id_hex(&rec->id, hex);
	sb_add(sb, "%s, %s", date, _(cw_enum_label(&cw_words_view, rec->view)));
	if (rec->kind == CW_KIND_DEMO) {
		place = rec->u.demo.place;
		province = rec->u.demo.province;
	} else if (rec->kind == CW_KIND_VISIT) {
		place = rec->u.visit.facility;
		province = rec->u.visit.facility_province;
	} else if (rec->kind == CW_KIND_HEARING) {
		case_id = &rec->u.hearing.case_id;
	} else if (rec->kind == CW_KIND_MILESTONE) {
		case_id = &rec->u.milestone.case_id;
		person = &rec->u.milestone.person;
		place = rec->u.milestone.group;
	}
	if (person && !cw_id_is_zero(person)) {
		char name[600];

		cw_person_text(r, person, name, sizeof name);
		sb_add(sb, ", %s", name);
	}
	if (place && *place)
		sb_add(sb, ", %s", place);
	if (province && *province)
		sb_add(sb, ", %s", province);
	if (case_id && !cw_id_is_zero(case_id)) {
		const struct cw_record *k = cw_report_ref(r, case_id);

		if (k && k->kind == CW_KIND_CASE && k->u.kase.title)
			sb_add(sb, ", %s", k->u.kase.title);
	}
	sb_add(sb, " (%.8s)", hex);
}

/* An event the source says only reportedly happened ("Eng Sroy was reportedly charged") is
 * marked after the text of what happened, in column c ("charge (reportedly)"), and in the
 * CSV's reportedly column: it must never read as established. Called once a row's cells are
 * set. */
static void reportedly_cell(struct builder *b, const struct cw_record *rec, enum cw_rcol c)
{
	if (!rec->reportedly)
		return;
	cell(b, CW_RC_REPORTEDLY, "%s", "yes");
	if (b->row[c] && b->row[c][0])
		/* TRANSLATORS: what happened, said to have happened: "charge (reportedly)" */
		cell(b, c, _("%s (reportedly)"), b->row[c]);
	else
		cell(b, c, "%s", _("(reportedly)"));
}

static void id_cell(struct builder *b, enum cw_rcol c, const struct cw_id *id)
{
	char hex[CW_ID_HEX_LEN + 1] = "";

	if (!cw_id_is_zero(id))
		cw_id_hex(id, hex);
	cell(b, c, "%s", hex);
}

static void set_words(struct sb *sb, const struct cw_enum *e, uint32_t set)
{
	int first = 1;

	for (size_t i = 0; i < e->n; i++)
		if (set & (UINT32_C(1) << i)) {
			sb_add(sb, "%s%s", first ? "" : ", ", _(e->labels[i]));
			first = 0;
		}
}

static void articles_text(struct sb *sb, const struct cw_article *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char t[CW_ARTICLE_TEXT_MAX];

		cw_article_format(&a[i], t);
		sb_add(sb, "%s%s", i ? "/" : "", t);
	}
}

/* One defendant of a case or a hearing into names and ids (a group as its label and number);
 * its number added to *count (-1 once a group gives none). */
static void defendant_text(struct builder *b, const struct cw_report_hearing_defendant *d,
			   struct sb *names, struct sb *ids, size_t *nids, int64_t *count)
{
	const char *sep = names->n ? "; " : "";

	if (!cw_id_is_zero(&d->person)) {
		char name[600], hex[CW_ID_HEX_LEN + 1];

		cw_person_text(b->r, &d->person, name, sizeof name);
		cw_report_person_hex(b->r, &d->person, hex);
		sb_add(names, "%s%s", sep, name);
		if (d->absent)
			sb_add(names, " %s", _("(absent)"));
		sb_add(ids, "%s%s", (*nids)++ ? " " : "", hex);
		*count += *count >= 0;
	} else if (d->count > 0) {
		char unnamed[64];

		/* P_, bound to casewatch's catalogue as every string of the report is: a bare
		 * ngettext looks in the default domain, which holds none, so the cell stayed
		 * English in a Khmer report. */
		snprintf(unnamed, sizeof unnamed, P_("%lld unnamed", "%lld unnamed", d->count),
			 (long long)d->count);
		if (d->group)
			sb_add(names, "%s%s (%s)", sep, d->group, unnamed);
		else
			sb_add(names, "%s%s", sep, unnamed);
		if (*count >= 0)
			*count += d->count;
	} else if (d->group) {
		sb_add(names, "%s%s", sep, d->group);
		*count = -1;
	}
}

/* Case columns: id, title, the articles it charges, and its defendants (ids and names) as the
 * case has them now: a hearing's row gives its own (hearing_people_cells). Not
 * its court or stage: those are the case's now (as of its as_of date), not where or at which
 * stage the row's event took place, and a row shows what its own record says (a 2023
 * first-instance verdict must not read "before the Supreme Court" because the case has moved
 * on since); a stage left empty when the record does not say, as the JSON's null, and a court
 * the case's, said to be the case's (court_cell). */
static void case_cells(struct builder *b, const struct cw_id *case_id, int people)
{
	const struct cw_record *k = cw_report_ref(b->r, case_id);
	struct sb names = {0}, ids = {0}, arts = {0};
	struct cw_article a[64];
	size_t na = 0, nids = 0;
	int64_t people_count = 0; /* -1 once a group gives no number */

	if (cw_report_gives_id(b->r, case_id))
		id_cell(b, CW_RC_CASE_ID, case_id);
	if (!k || k->kind != CW_KIND_CASE) {
		cell(b, CW_RC_CASE, "%s", cw_id_is_zero(case_id) ? "" : _("(deleted case)"));
		return;
	}
	cell(b, CW_RC_CASE, "%s", str(k->u.kase.title));
	cw_case_articles(k, NULL, a, 64, &na);
	articles_text(&arts, a, na);
	cell_take(b, CW_RC_ARTICLES, &arts);
	if (!people)
		return;
	for (size_t i = 0; i < k->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)k->u.kase.defendants.items + i;
		struct cw_report_hearing_defendant one = {
			.person = d->person,
			.group = d->label,
			.count = cw_id_is_zero(&d->person) && d->unnamed_count > 0
					 ? d->unnamed_count
					 : -1};

		defendant_text(b, &one, &names, &ids, &nids, &people_count);
	}
	cell_take(b, CW_RC_PEOPLE, &names);
	cell_take(b, CW_RC_PERSON_IDS, &ids);
	if (people_count > 0)
		cell(b, CW_RC_PEOPLE_COUNT, "%lld", (long long)people_count);
}

/* The defendants of a hearing's row: those its own record says it concerned, not the case's as
 * they are now (cw_report_hearing_defendants), those it records absent marked so (tried in
 * their absence is a fair-trial concern, and a field trial's absent defendant read as present
 * in every format). The case's, where the record does not say, are said to be the case's now
 * when they could be read as the hearing's own word: several of them (a mass trial tries some
 * of its accused at a sitting, and a defendant added to the case later was at none of its
 * earlier hearings), or beside those the hearing names. */
static void hearing_people_cells(struct builder *b, const struct cw_record *rec)
{
	struct cw_report_hearing_defendant *defs;
	struct sb names = {0}, ids = {0}, told = {0}, filled = {0};
	size_t ndefs, nids = 0, nfilled = 0;
	int64_t count = 0;

	if (cw_report_hearing_defendants(b->r, rec, &defs, &ndefs) != 0) {
		b->failed = 1;
		return;
	}
	for (size_t i = 0; i < ndefs; i++) {
		nfilled += defs[i].from_case;
		defendant_text(b, &defs[i], defs[i].from_case ? &filled : &told, &ids, &nids,
			       &count);
	}
	if (!filled.n)
		sb_add(&names, "%s", str(told.s));
	else if (told.n)
		/* TRANSLATORS: a hearing's defendants as its record names them, then those its
		 * case has now that the record says nothing of (a group of unnamed defendants,
		 * which a hearing's attendance cannot list): "Meas Sophea; Kim Rithy (absent);
		 * and, as the case has them now, 8 union activists (8 unnamed)" */
		sb_add(&names, _("%s; and, as the case has them now, %s"), told.s, filled.s);
	else if (nfilled > 1)
		/* TRANSLATORS: a hearing's defendants when its record names none of them: the
		 * case's, as the case records them now, which may not all have been tried at it */
		sb_add(&names, _("the case's defendants now: %s"), filled.s);
	else
		sb_add(&names, "%s", filled.s);
	names.failed |= told.failed | filled.failed;
	free(told.s);
	free(filled.s);
	free(defs);
	cell_take(b, CW_RC_PEOPLE, &names);
	cell_take(b, CW_RC_PERSON_IDS, &ids);
	if (count > 0)
		cell(b, CW_RC_PEOPLE_COUNT, "%lld", (long long)count);
}

/* The court of a row's record: its own, else its case's, as lists and timelines give it, said
 * to be the case's now: where the case stands today may not be where this event took place
 * (a case at the Supreme Court had its first hearings at a court of first instance). */
static void court_cell(struct builder *b, const char *court, const struct cw_id *case_id)
{
	const struct cw_record *k;

	if (court) {
		cell(b, CW_RC_PLACE, "%s", court);
		return;
	}
	k = case_id ? cw_report_ref(b->r, case_id) : NULL;
	if (k && k->kind == CW_KIND_CASE && k->u.kase.court && *k->u.kase.court)
		/* TRANSLATORS: a row's court when its record gives none: its case's, as the
		 * case records it now (not necessarily where the event took place) */
		cell(b, CW_RC_PLACE, _("%s (the case's court now)"), k->u.kase.court);
}

static void person_cells(struct builder *b, const struct cw_id *person)
{
	char name[600];

	cw_person_text(b->r, person, name, sizeof name);
	cell(b, CW_RC_PEOPLE, "%s", name);
	if (cw_report_gives_id(b->r, person))
		id_cell(b, CW_RC_PERSON_IDS, person);
	if (!cw_id_is_zero(person))
		cell(b, CW_RC_PEOPLE_COUNT, "%s", "1");
}

/* A group's number in the people_count column, empty when none is given. */
static void group_count_cell(struct builder *b, int64_t count)
{
	if (count > 0)
		cell(b, CW_RC_PEOPLE_COUNT, "%lld", (long long)count);
}

/* The person a milestone concerns, or the group of unnamed defendants ("8 NagaWorld union
 * activists"). */
static void milestone_who_cells(struct builder *b, const struct cw_milestone *m)
{
	int64_t count;

	if (!m->group) {
		person_cells(b, &m->person);
		return;
	}
	/* its own number, else the one its case gives the group; but a bail or release that
	 * gives none frees those still held then, who may be fewer than the group (3 of the 8
	 * released before): no number is given for it */
	count = cw_timeline_milestone_ends_detention(m) && !m->result && m->type != CW_MS_VERDICT &&
				m->type != CW_MS_APPEAL_DECIDED && m->type != CW_MS_SUPREME_DECISION
			? m->count
			: cw_report_milestone_group_count(b->r, m);
	if (count > 0 && m->more && m->count > 0)
		/* "5 more NagaWorld union activists", as lists say it */
		cell(b, CW_RC_PEOPLE, _("%lld more %s"), (long long)count, m->group);
	else if (count > 0)
		cell(b, CW_RC_PEOPLE, "%lld %s", (long long)count, m->group);
	else
		cell(b, CW_RC_PEOPLE, "%s", m->group);
	group_count_cell(b, count);
}

static void person_list_cells(struct builder *b, const struct cw_list *l)
{
	struct sb names = {0}, ids = {0};

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_id *id = &((const struct cw_person_ref *)l->items)[i].person;
		char name[600], hex[CW_ID_HEX_LEN + 1];

		cw_person_text(b->r, id, name, sizeof name);
		cw_report_person_hex(b->r, id, hex);
		sb_add(&names, "%s%s", i ? "; " : "", name);
		sb_add(&ids, "%s%s", i ? " " : "", hex);
	}
	cell_take(b, CW_RC_PEOPLE, &names);
	cell_take(b, CW_RC_PERSON_IDS, &ids);
	if (l->n)
		cell(b, CW_RC_PEOPLE_COUNT, "%zu", l->n);
}

/* The cells every row of a hearing has: its id, account, date and time, case (with its
 * defendants), court and stage. */
static void hearing_cells(struct builder *b, const struct cw_record *rec)
{
	const struct cw_hearing *h = &rec->u.hearing;

	id_cell(b, CW_RC_ID, &rec->id);
	account_cell(b, rec);
	date_cell(b, CW_RC_DATE, h->date);
	if (h->time)
		cell(b, CW_RC_DATE, "%s %s", b->row[CW_RC_DATE], h->time);
	case_cells(b, &h->case_id, 0);
	hearing_people_cells(b, rec);
	court_cell(b, h->court, &h->case_id);
	if (h->stage)
		cell(b, CW_RC_STAGE, "%s", word(&cw_words_stage, h->stage));
}

/* A hearing's outcome, with the decision a bail hearing gave: "bail decision (refused)". */
static void outcome_cell(struct builder *b, const struct cw_hearing *h)
{
	if (h->outcome == CW_OUTCOME_BAIL_DECISION &&
	    (h->bail == CW_BAIL_GRANTED || h->bail == CW_BAIL_REFUSED))
		/* TRANSLATORS: a hearing's outcome and the bail it decided: "bail decision
		 * (granted)" */
		cell(b, CW_RC_OUTCOME, _("%s (%s)"), word(&cw_words_outcome, h->outcome),
		     word(&cw_words_bail, h->bail));
	else
		cell(b, CW_RC_OUTCOME, "%s", word(&cw_words_outcome, h->outcome));
}

static void account_links(struct builder *b, struct sb *detail, const struct cw_record_list *l,
			  const size_t *counted, const struct cw_report_elsewhere *elsewhere,
			  size_t i);

/* Whether a sentence's parts give a fine (then a fine written beside them is not said again). */
static int parts_give_fine(const struct cw_list *parts)
{
	for (size_t i = 0; i < parts->n; i++)
		if (!strcmp(cw_enum_word(&cw_words_sentence_part,
					 ((const struct cw_sentence_part *)parts->items)[i].part),
			    "fine"))
			return 1;
	return 0;
}

/* A hearing's sentence once: its parts when it has them (they say the term, the fine and
 * the rest each once; a fine written beside parts that give none too), else its sentence and
 * fine as written. A row for one defendant (v)
 * takes the parts that are theirs: a mass trial's 10 years for one group and 5 for another
 * are not both put beside each group. */
static void sentence_detail(struct sb *detail, const struct cw_hearing *h,
			    const struct cw_verdict *v)
{
	if (h->sentence_parts.n) {
		char parts[600];

		if (v)
			cw_sentence_text_for(&h->sentence_parts, &v->person, v->group, parts,
					     sizeof parts);
		else
			cw_sentence_text(&h->sentence_parts, parts, sizeof parts);
		if (parts[0])
			sb_add(detail, "%s%s", detail->n ? "; " : "", parts);
		/* A fine written beside parts that give none is still the row's, as in JSON. */
		if (h->fine && !parts_give_fine(&h->sentence_parts)) {
			sb_add(detail, "%s", detail->n ? "; " : "");
			sb_add(detail, _("fine: %s"), h->fine);
		}
		return;
	}
	if (h->sentence)
		sb_add(detail, "%s%s", detail->n ? "; " : "", h->sentence);
	if (h->fine) {
		sb_add(detail, "%s", detail->n ? "; " : "");
		sb_add(detail, _("fine: %s"), h->fine);
	}
}

/* A hearing's sentence in its row, by the rule of its verdicts' rows (sentence_detail: its parts
 * when it has them, else the sentence and the fine as written), the whole hearing's: "sentence: 3
 * years in prison; fine: 4,000,000 riel", or "fine: ..." when only a fine is written. */
static void hearing_sentence(struct sb *detail, const struct cw_hearing *h)
{
	struct sb text = {0};

	sentence_detail(&text, h, NULL);
	if (text.n) {
		sb_add(detail, "%s", detail->n ? "; " : "");
		if (h->sentence || h->sentence_parts.n)
			sb_add(detail, _("sentence: %s"), text.s);
		else
			sb_add(detail, "%s", text.s);
	}
	detail->failed |= text.failed;
	free(text.s);
}

/* The hearings of one side: the team's own observations (own set), or the others. An account
 * of a hearing the team observed too is listed with the others and says so: it is counted
 * once, as the team's (report.c joins the accounts of one event). */
static void hearings(struct builder *b, int own)
{
	const struct cw_record_list *l = &b->r->hearings;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_hearing *h = &l->items[i].u.hearing;
		size_t same = b->r->hearing_own ? b->r->hearing_own[i] : SIZE_MAX;
		struct sb no = {0}, detail = {0};

		if (cw_report_hearing_is_own(&l->items[i]) != own)
			continue;
		if (same != SIZE_MAX && b->r->hearing_counted && b->r->hearing_counted[i] == same) {
			char hex[CW_ID_HEX_LEN + 1];

			struct sb row = {0};

			cw_id_hex(&l->items[same].id, hex);
			row_ref(b->r, &l->items[same], &row);
			/* TRANSLATORS: the row of the team's hearing: its date, account, case
			 * and record */
			sb_add(&detail,
			       _("the hearing the team observed (the row of %s), counted once, as "
				 "the team's"),
			       row.s ? row.s : "");
			detail.failed |= row.failed;
			free(row.s);
			cell(b, CW_RC_COUNTED_IN, "%s", hex);
			b->sec->uncounted++;
		} else {
			/* Another account of a hearing counted by another row (the team's two
			 * monitors, two documents) or in another period. */
			account_links(b, &detail, l, b->r->hearing_counted, b->r->hearing_elsewhere,
				      i);
		}
		hearing_cells(b, &l->items[i]);
		outcome_cell(b, h);
		date_cell(b, CW_RC_NEXT_DATE, h->next_date);
		for (size_t j = 0; j < h->indicators.n; j++) {
			const struct cw_indicator *ind =
				(const struct cw_indicator *)h->indicators.items + j;

			if (ind->answer != CW_ANSWER_NO)
				continue;
			sb_add(&no, "%s%s%s%s", no.n ? "; " : "",
			       word(&cw_words_indicator, ind->name), ind->note ? ": " : "",
			       str(ind->note));
		}
		if (h->monitors_admitted == CW_ANSWER_NO)
			sb_add(&no, "%s%s", no.n ? "; " : "", _("monitors not admitted"));
		if (h->public_admitted == CW_ANSWER_NO)
			sb_add(&no, "%s%s", no.n ? "; " : "", _("public not admitted"));
		if (h->press_admitted == CW_ANSWER_NO)
			sb_add(&no, "%s%s", no.n ? "; " : "", _("press not admitted"));
		cell_take(b, CW_RC_CONCERNS, &no);
		if (h->adjourn_reason) {
			sb_add(&detail, "%s", detail.n ? "; " : "");
			/* The reason under the word of the hearing's own outcome: a postponed
			 * hearing was not adjourned. */
			if (h->outcome == CW_OUTCOME_POSTPONED)
				sb_add(&detail, _("postponed: %s"), h->adjourn_reason);
			else if (h->outcome == CW_OUTCOME_SUSPENDED)
				sb_add(&detail, _("suspended: %s"), h->adjourn_reason);
			else
				sb_add(&detail, _("adjourned: %s"), h->adjourn_reason);
		}
		hearing_sentence(&detail, h);
		if (h->notes) /* what the monitor or the source wrote of the hearing */
			sb_add(&detail, "%s%s", detail.n ? "; " : "", h->notes);
		cell_take(b, CW_RC_DETAIL, &detail);
		reportedly_cell(b, &l->items[i], CW_RC_OUTCOME);
		row_end(b);
	}
}

/* Hearings another account only set (report.h: hearings_set): when, whose account, and
 * what its source wrote; counted nowhere. */
static void hearings_set(struct builder *b)
{
	const struct cw_record_list *l = &b->r->hearings_set;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_hearing *h = &l->items[i].u.hearing;
		char as_of[CW_DATE_TEXT_MAX];

		hearing_cells(b, &l->items[i]);
		cw_date_format(l->items[i].reported_on, as_of);
		/* TRANSLATORS: a hearing a source set: "set in an account of 2022-06; not reported
		 * held" */
		cell(b, CW_RC_OUTCOME, _("set in an account of %s; not reported held"), as_of);
		if (h->notes)
			cell(b, CW_RC_DETAIL, "%s", h->notes);
		row_end(b);
	}
}

/* The cells every row of a milestone has: its id, account, date, case (with the case's
 * articles), who, court, and its detail and notes. */
static void milestone_cells(struct builder *b, const struct cw_record *rec)
{
	const struct cw_milestone *m = &rec->u.milestone;

	id_cell(b, CW_RC_ID, &rec->id);
	account_cell(b, rec);
	date_cell(b, CW_RC_DATE, m->date);
	case_cells(b, &m->case_id, 0);
	milestone_who_cells(b, m);
	court_cell(b, m->court, &m->case_id);
	if (cw_date_is_known(m->until)) {
		/* A detention ordered or extended: the day the order runs to, which the days
		 * held are read against. */
		char until[CW_DATE_TEXT_MAX];
		struct sb sb = {0};

		cw_date_format(m->until, until);
		/* TRANSLATORS: a detention order's last day: "the order runs to 2023-07-17" */
		sb_add(&sb, _("the order runs to %s"), until);
		if (m->detail && *m->detail)
			sb_add(&sb, "; %s", m->detail);
		if (m->notes && *m->notes)
			sb_add(&sb, "; %s", m->notes);
		cell_take(b, CW_RC_DETAIL, &sb);
		return;
	}
	cell(b, CW_RC_DETAIL, "%s%s%s", str(m->detail), m->detail && m->notes ? "; " : "",
	     str(m->notes));
}

static void arrests(struct builder *b)
{
	const struct cw_record_list *l = &b->r->arrests;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_milestone *m = &l->items[i].u.milestone;
		struct cw_article a[64];
		struct sb arts = {0};
		size_t na;

		cell(b, CW_RC_LABEL, "%s", word(&cw_words_milestone, m->type));
		milestone_cells(b, &l->items[i]);
		/* the articles the event is counted under, in place of every one of its case */
		na = cw_report_arrest_articles(b->r, m, a, 64);
		articles_text(&arts, a, na);
		cell_take(b, CW_RC_ARTICLES, &arts);
		if (b->r->arrest_counted) {
			struct sb detail = {0};

			sb_add(&detail, "%s", str(b->row[CW_RC_DETAIL]));
			account_links(b, &detail, l, b->r->arrest_counted, b->r->arrest_elsewhere,
				      i);
			cell_take(b, CW_RC_DETAIL, &detail);
		}
		reportedly_cell(b, &l->items[i], CW_RC_LABEL);
		row_end(b);
	}
}

/* A release's row: the pretrial detention it ended, after what the Notes hold ("ended a
 * pretrial detention of 57 days, since 2023-01-04"). */
static void ended_cell(struct builder *b, const struct cw_report_ended *e)
{
	char since[CW_DATE_TEXT_MAX];
	struct sb sb = {0};

	cw_date_format(e->since, since);
	sb_add(&sb, "%s", str(b->row[CW_RC_DETAIL]));
	if (sb.n)
		sb_add(&sb, "; ");
	if (e->days_max == e->days)
		/* TRANSLATORS: on a release's row: "ended a pretrial detention of 57 days, since
		 * 2023-01-04" */
		sb_add(&sb,
		       P_("ended a pretrial detention of %ld day, since %s",
			  "ended a pretrial detention of %ld days, since %s",
			  (unsigned long)e->days),
		       e->days, since);
	else if (e->days_max < 0)
		sb_add(&sb,
		       P_("ended a pretrial detention of at least %ld day, since %s",
			  "ended a pretrial detention of at least %ld days, since %s",
			  (unsigned long)e->days),
		       e->days, since);
	else
		sb_add(&sb,
		       P_("ended a pretrial detention of %ld to %ld day, since %s",
			  "ended a pretrial detention of %ld to %ld days, since %s",
			  (unsigned long)e->days_max),
		       e->days, e->days_max, since);
	cell_take(b, CW_RC_DETAIL, &sb);
}

/* Bail, releases and pardons: each with its outcome as recorded, so that a bail refused is
 * read as refused and one whose outcome was not recorded says so. */
static void releases(struct builder *b)
{
	const struct cw_record_list *l = &b->r->releases, *hl = &b->r->hearings;
	size_t h = 0;

	for (size_t i = 0; i <= l->n; i++) {
		const struct cw_milestone *m;
		const char *what;

		/* The hearings that decided bail, in date order among the milestones (both
		 * lists are oldest first). */
		for (;
		     h < hl->n && (i == l->n || cw_date_compare(hl->items[h].u.hearing.date,
								l->items[i].u.milestone.date) <= 0);
		     h++) {
			int decided = cw_report_hearing_bail(b->r, h);
			struct cw_id whom;
			const char *group;

			if (!decided)
				continue;
			/* TRANSLATORS: bail decided at a hearing: "bail (refused) at a hearing" */
			cell(b, CW_RC_LABEL, _("%s (%s) at a hearing"),
			     word(&cw_words_milestone, CW_MS_BAIL),
			     word(&cw_words_decision, (uint8_t)decided));
			id_cell(b, CW_RC_ID, &hl->items[h].id);
			account_cell(b, &hl->items[h]);
			date_cell(b, CW_RC_DATE, hl->items[h].u.hearing.date);
			/* A hearing's bail decision names no one: the one its record names (a
			 * bail hearing of one co-defendant), else its case's defendant when the
			 * case has one, else not the case's every defendant (co-defendants' bail
			 * is often decided apart: cw_report_hearing_bail_whom). */
			switch (cw_report_hearing_bail_whom(b->r, h, &whom, &group)) {
			case CW_HEARING_BAIL_NAMED:
				case_cells(b, &hl->items[h].u.hearing.case_id, 0);
				if (group)
					cell(b, CW_RC_PEOPLE, "%s", group);
				else
					person_cells(b, &whom);
				break;
			case CW_HEARING_BAIL_CASE:
				case_cells(b, &hl->items[h].u.hearing.case_id, 1);
				break;
			default:
				case_cells(b, &hl->items[h].u.hearing.case_id, 0);
				cell(b, CW_RC_PEOPLE, "%s", _("not named in the record"));
			}
			if (b->r->hearing_ended && b->r->hearing_ended[h].days >= 0)
				ended_cell(b, &b->r->hearing_ended[h]);
			reportedly_cell(b, &hl->items[h], CW_RC_LABEL);
			row_end(b);
		}
		if (i == l->n)
			break;
		m = &l->items[i].u.milestone;
		what = word(&cw_words_milestone, m->type);

		if (m->outcome != CW_DECISION_UNKNOWN)
			/* TRANSLATORS: a bail or release and its outcome: "bail (refused)" */
			cell(b, CW_RC_LABEL, _("%s (%s)"), what,
			     word(&cw_words_decision, m->outcome));
		else if (m->type == CW_MS_BAIL || m->type == CW_MS_RELEASE)
			/* TRANSLATORS: "bail (outcome not recorded)" */
			cell(b, CW_RC_LABEL, _("%s (outcome not recorded)"), what);
		else
			cell(b, CW_RC_LABEL, "%s", what);
		milestone_cells(b, &l->items[i]);
		if (b->r->release_ended && b->r->release_ended[i].days >= 0)
			ended_cell(b, &b->r->release_ended[i]);
		reportedly_cell(b, &l->items[i], CW_RC_LABEL);
		row_end(b);
	}
}

/* The other events of cases: an appeal lodged, a trial suspended, resumed or postponed, and
 * whatever the monitor logged as "other" (a killing, a disappearance), by their type. */
static void case_events(struct builder *b)
{
	const struct cw_record_list *l = &b->r->case_events;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_milestone *m = &l->items[i].u.milestone;

		cell(b, CW_RC_LABEL, "%s",
		     m->type ? word(&cw_words_milestone, m->type) : _("not recorded"));
		milestone_cells(b, &l->items[i]);
		/* Another account of an event another row counts (a killing the UN and the
		 * government tell): said on its row, as an arrest's. */
		if (b->r->case_event_counted) {
			struct sb detail = {0};

			sb_add(&detail, "%s", str(b->row[CW_RC_DETAIL]));
			account_links(b, &detail, l, b->r->case_event_counted,
				      b->r->case_event_elsewhere, i);
			cell_take(b, CW_RC_DETAIL, &detail);
		}
		reportedly_cell(b, &l->items[i], CW_RC_LABEL);
		row_end(b);
	}
}

static void by_article(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (int g = 0; g < CW_GROUP_COUNT; g++) {
		cell(b, CW_RC_LABEL, "%s", cw_report_group_label((enum cw_report_group)g));
		cell(b, CW_RC_COUNT, "%zu", r->groups[g]);
		cell(b, CW_RC_PEOPLE_COUNT, "%zu", r->group_people[g]);
		row_end(b);
	}
	for (size_t i = 0; i < r->narticles; i++) {
		char t[CW_ARTICLE_TEXT_MAX];
		const char *offence = cw_article_offence(&r->articles[i].article);

		cw_article_format(&r->articles[i].article, t);
		cell(b, CW_RC_LABEL, "%s", t);
		cell(b, CW_RC_ARTICLES, "%s", t);
		cell(b, CW_RC_DETAIL, "%s", offence ? _(offence) : "");
		cell(b, CW_RC_COUNT, "%zu", r->articles[i].count);
		cell(b, CW_RC_PEOPLE_COUNT, "%zu", r->articles[i].people);
		row_end(b);
	}
}

/* What a milestone ruled, in the Result column: its own result ("convicted", "upheld on
 * appeal"), with the kind of ruling beside it when that is not a plain verdict ("convicted
 * (verdict in absentia)", "upheld on appeal (Supreme Court decision)"); the kind alone when no
 * result was recorded. The kind alone would hide whether an appeal upheld or overturned. */
static void ruling_cell(struct builder *b, const struct cw_milestone *m)
{
	int says_appeal = m->type == CW_MS_APPEAL_DECIDED &&
			  (m->result == CW_VERDICT_UPHELD || m->result == CW_VERDICT_OVERTURNED);

	if (!m->result)
		cell(b, CW_RC_OUTCOME, "%s", word(&cw_words_milestone, m->type));
	else if (m->type == CW_MS_VERDICT || says_appeal) /* "upheld on appeal" says it all */
		cell(b, CW_RC_OUTCOME, "%s", word(&cw_words_verdict, m->result));
	else
		/* TRANSLATORS: result, kind of ruling: "convicted (verdict in absentia)" */
		cell(b, CW_RC_OUTCOME, _("%s (%s)"), word(&cw_words_verdict, m->result),
		     word(&cw_words_milestone, m->type));
}

/* A group of the case's unnamed defendants, by its label, with the number the case gives
 * ("NagaWorld union activists (8 unnamed)"), never an empty cell. */
static void group_cells(struct builder *b, const struct cw_id *case_id, const char *label)
{
	char who[CW_REPORT_GROUP_LABEL + 64];
	int64_t count = cw_report_group_count(b->r, case_id, label);

	cw_group_text(label, count, who, sizeof who);
	cell(b, CW_RC_PEOPLE, "%s", who);
	group_count_cell(b, count);
}

static void elsewhere_text(struct sb *detail, const struct cw_report_elsewhere *e);

/* The verdict lines, those of a ruling another period counts last (report.h: nverdicts_away),
 * each saying so as a hearing's row does and counted in no figure here. */
static void verdicts(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (size_t i = 0; i < r->nverdicts + r->nverdicts_away; i++) {
		const struct cw_record *rec = r->verdicts[i].rec;
		const struct cw_report_elsewhere *away =
			cw_report_verdict_elsewhere(r, &r->verdicts[i]);
		struct sb detail = {0};
		struct cw_article art;

		id_cell(b, CW_RC_ID, &rec->id);
		account_cell(b, rec);
		if (rec->kind == CW_KIND_HEARING) {
			const struct cw_hearing *h = &rec->u.hearing;
			/* The row's own verdict; none for a verdict given unitemised. */
			const struct cw_verdict *v =
				r->verdicts[i].index == SIZE_MAX
					? NULL
					: (const struct cw_verdict *)h->verdicts.items +
						  r->verdicts[i].index;

			date_cell(b, CW_RC_DATE, h->date);
			case_cells(b, &h->case_id, 0);
			/* a verdict given unitemised: whom the hearing was about */
			if (r->verdicts[i].index == SIZE_MAX)
				hearing_people_cells(b, rec);
			court_cell(b, h->court, &h->case_id);
			if (h->stage)
				cell(b, CW_RC_STAGE, "%s", word(&cw_words_stage, h->stage));
			cell(b, CW_RC_LABEL, "%s", _("hearing"));
			if (v) {
				/* whom the row rules on: one defendant each of a verdict that
				 * names no one (report.h) */
				if (r->verdicts[i].group)
					group_cells(b, &h->case_id, r->verdicts[i].group);
				else
					person_cells(b, &r->verdicts[i].person);
				if (v->article.law) {
					char t[CW_ARTICLE_TEXT_MAX];

					cw_article_format(&v->article, t);
					cell(b, CW_RC_ARTICLES, "%s%s%s", t, v->offence ? " " : "",
					     str(v->offence));
				} else {
					cell(b, CW_RC_ARTICLES, "%s", str(v->offence));
				}
				if (cw_report_verdict_in_absentia(r, &r->verdicts[i]))
					cell(b, CW_RC_OUTCOME, _("%s (%s)"),
					     word(&cw_words_verdict, v->result),
					     word(&cw_words_milestone, CW_MS_IN_ABSENTIA_VERDICT));
				else
					cell(b, CW_RC_OUTCOME, "%s",
					     word(&cw_words_verdict, v->result));
			} else {
				cell(b, CW_RC_OUTCOME, "%s",
				     word(&cw_words_outcome, CW_OUTCOME_VERDICT));
			}
			if (cw_report_verdict_carries_sentence(&r->verdicts[i]))
				sentence_detail(&detail, h, v);
			if (h->notes)
				sb_add(&detail, "%s%s", detail.n ? "; " : "", h->notes);
		} else {
			const struct cw_milestone *m = &rec->u.milestone;

			date_cell(b, CW_RC_DATE, m->date);
			case_cells(b, &m->case_id, 0);
			milestone_who_cells(b, m);
			/* The charge this row is for, of those the milestone names; none named: it
			 * rules on every charge, theirs in the case (as lists give it), said to be
			 * so: the ruling does not say how it ruled on each ("counts not stated").
			 */
			cell(b, CW_RC_ARTICLES, "%s", "");
			if (cw_report_verdict_article(&r->verdicts[i], &art)) {
				char t[CW_ARTICLE_TEXT_MAX];

				cw_article_format(&art, t);
				cell(b, CW_RC_ARTICLES, "%s", t);
			} else {
				struct cw_article a[64];
				struct sb arts = {0};
				size_t na = 0;

				cw_case_event_articles_by(cw_report_ref(r, &m->case_id), &m->person,
							  m->group, r->to, a, 64, &na);
				articles_text(&arts, a, na);
				if (arts.failed)
					b->failed = 1;
				else if (arts.n)
					/* TRANSLATORS: a ruling's charges when it names none:
					 * those of its person (or group) in the case, the ruling
					 * not saying how it ruled on each */
					cell(b, CW_RC_ARTICLES,
					     _("%s (the case's charges; counts not stated)"),
					     arts.s);
				free(arts.s);
			}
			court_cell(b, m->court, &m->case_id);
			cell(b, CW_RC_LABEL, "%s", _("milestone"));
			ruling_cell(b, m);
			sb_add(&detail, "%s", str(m->detail));
			if (m->notes)
				sb_add(&detail, "%s%s", detail.n ? "; " : "", m->notes);
			if (m->sentence_parts.n) {
				char parts[600];

				cw_sentence_text_for(&m->sentence_parts, &m->person, m->group,
						     parts, sizeof parts);
				if (parts[0])
					sb_add(&detail, "%s%s", detail.n ? "; " : "", parts);
			}
		}
		if (away) {
			char hex[CW_ID_HEX_LEN + 1];

			cw_id_hex(&away->id, hex);
			cell(b, CW_RC_COUNTED_IN, "%s", hex);
			elsewhere_text(&detail, away);
			b->sec->uncounted++;
		}
		cell_take(b, CW_RC_DETAIL, &detail);
		reportedly_cell(b, rec, CW_RC_OUTCOME);
		row_end(b);
	}
}

/* Each detainee whose access to a lawyer or to family the visit heard or saw was denied or
 * restricted, after the visit's own access in its cell: "restricted; lawyer access denied:
 * Eng Sroy; family access restricted: Sok Meas" (the row's account says whose word it is).
 * Granted is no concern: the JSON's detainee_access gives it. A visit refused access met no
 * one: what it records (a bundle or an older database may hold it: models/validate.c refuses
 * it as typed) is said as that, and counted nowhere (cw_report_visit_access_kept). */
static void detainee_access_cell(struct builder *b, const struct cw_visit *v)
{
	static const uint8_t bad[] = {CW_ACCESS_DENIED, CW_ACCESS_RESTRICTED};
	const struct cw_detainee_access *a = v->detainee_access.items;
	struct sb sb = {0};

	for (int lawyer = 1; lawyer >= 0; lawyer--)
		for (size_t k = 0; k < sizeof bad; k++) {
			struct sb names = {0};

			for (size_t i = 0; i < v->detainee_access.n; i++) {
				char name[600];

				if ((lawyer ? a[i].lawyer_access : a[i].family_access) != bad[k])
					continue;
				cw_person_text(b->r, &a[i].person, name, sizeof name);
				sb_add(&names, "%s%s", names.n ? ", " : "", name);
			}
			if (names.n)
				/* TRANSLATORS: a detainee's access to a lawyer (family) as a prison
				 * visit was told or saw it: the separator before it, the access
				 * ("denied", "restricted"), the detainees' names */
				sb_add(&sb,
				       lawyer ? _("%slawyer access %s: %s")
					      : _("%sfamily access %s: %s"),
				       sb.n ? "; " : "", word(&cw_words_access, bad[k]), names.s);
			if (names.failed)
				sb.failed = 1;
			free(names.s);
		}
	if (sb.failed)
		b->failed = 1;
	else if (sb.n && cw_visit_met_no_one(v))
		cell(b, CW_RC_OUTCOME,
		     /* TRANSLATORS: the access cell of a prison visit refused access that
		      * records detainees' access all the same: the visit's access ("denied"),
		      * then "lawyer access denied: Eng Sroy; ..." */
		     _("%s; recorded at a visit that did not meet them, not counted: %s"),
		     b->row[CW_RC_OUTCOME], sb.s);
	else if (sb.n)
		cell(b, CW_RC_OUTCOME, "%s; %s", b->row[CW_RC_OUTCOME], sb.s);
	free(sb.s);
}

static void visits(struct builder *b)
{
	const struct cw_record_list *l = &b->r->visits;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_visit *v = &l->items[i].u.visit;
		struct sb concerns = {0}, detail = {0};

		id_cell(b, CW_RC_ID, &l->items[i].id);
		account_cell(b, &l->items[i]);
		date_cell(b, CW_RC_DATE, v->date);
		cell(b, CW_RC_PLACE, "%s%s%s%s", str(v->facility), v->facility_province ? " (" : "",
		     str(v->facility_province), v->facility_province ? ")" : "");
		cell(b, CW_RC_OUTCOME, "%s", word(&cw_words_access, v->access ? v->access : 0));
		if (!v->access)
			cell(b, CW_RC_OUTCOME, "%s", _(cw_enum_label(&cw_words_access, 0)));
		if (v->private_interview)
			cell(b, CW_RC_OUTCOME, _("%s; private interview: %s"),
			     b->row[CW_RC_OUTCOME], word(&cw_words_answer, v->private_interview));
		detainee_access_cell(b, v);
		set_words(&concerns, &cw_words_concerns, v->concerns);
		cell_take(b, CW_RC_CONCERNS, &concerns);
		person_list_cells(b, &v->detainees);
		/* Withheld (emptied, so counted nowhere): said, as a withheld note is, so that
		 * an empty cell does not read as none found, or no one met. */
		if (cw_record_field_withheld(&l->items[i], CW_CONF_CONCERNS))
			cell(b, CW_RC_CONCERNS, "%s", cw_confidential_text());
		if (cw_record_field_withheld(&l->items[i], CW_CONF_DETAINEES))
			cell(b, CW_RC_PEOPLE, "%s", cw_confidential_text());
		/* Listed, but access was refused: the team went to see them and did not. The
		 * column is of the detainees seen, so its cell says so itself, in every format
		 * (a note beside it left a field trial reading the detainee as seen); the counts
		 * of visits are not changed by it. */
		if (cw_visit_detainees_not_met(&l->items[i]))
			/* TRANSLATORS: the "Detainees seen" cell of a prison visit refused
			 * access; %s is the detainees it lists */
			cell(b, CW_RC_PEOPLE, _("not met (access denied): %s"),
			     b->row[CW_RC_PEOPLE]);
		if (v->follow_up)
			sb_add(&detail, _("follow-up: %s"), v->follow_up);
		if (v->notes)
			sb_add(&detail, "%s%s", detail.n ? "; " : "", v->notes);
		account_links(b, &detail, l, b->r->visit_counted, b->r->visit_elsewhere, i);
		cell_take(b, CW_RC_DETAIL, &detail);
		reportedly_cell(b, &l->items[i], CW_RC_OUTCOME);
		row_end(b);
	}
}

/* The rows of other events the period counts that may be the same demonstration as row i,
 * not linked to it (cw_report_demo_unlinked), each by what a reader sees of it: "not linked to
 * the row of 2024-03-06, own observation, Freedom Park (16c76db2) as one event: it may be
 * another account of the same demonstration, counted apart". The counted row of each event. */
static void demo_unlinked_rows(const struct cw_report *r, struct sb *detail, size_t i)
{
	const size_t *rows;
	size_t n = cw_report_demo_same(r, i, &rows);

	for (size_t k = 0; k < n; k++) {
		struct sb row = {0};

		row_ref(r, &r->demos.items[rows[k]], &row);
		sb_add(detail, "%s", detail->n ? "; " : "");
		/* TRANSLATORS: another row of the demonstrations: its date, account, place and
		 * record; the two are not linked as one event */
		sb_add(detail,
		       _("not linked to the row of %s as one event: it may be another account "
			 "of the same demonstration, counted apart"),
		       row.s ? row.s : "");
		detail->failed |= row.failed;
		free(row.s);
	}
}

static void demos(struct builder *b)
{
	const struct cw_record_list *l = &b->r->demos;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_demo *d = &l->items[i].u.demo;
		struct sb response = {0}, detail = {0};
		int64_t arrests = cw_demo_arrests(d), injured = cw_demo_injured(d);

		id_cell(b, CW_RC_ID, &l->items[i].id);
		account_cell(b, &l->items[i]);
		date_cell(b, CW_RC_DATE, d->date);
		cell(b, CW_RC_PLACE, "%s%s%s", str(d->place), d->place && d->province ? ", " : "",
		     str(d->province));
		set_words(&response, &cw_words_response, d->response);
		cell_take(b, CW_RC_OUTCOME, &response);
		if (d->organiser)
			sb_add(&detail, _("organiser: %s"), d->organiser);
		if (d->cause) {
			sb_add(&detail, "%s", detail.n ? "; " : "");
			sb_add(&detail, _("cause: %s"), d->cause);
		}
		if (d->participants >= 0) {
			sb_add(&detail, "%s", detail.n ? "; " : "");
			if (d->participants_at_least)
				sb_add(&detail, _("participants: at least %lld"),
				       (long long)d->participants);
			else
				sb_add(&detail, _("participants: %lld"),
				       (long long)d->participants);
		}
		if (arrests < 0) /* an empty cell would read as none */
			sb_add(&detail, "%s%s", detail.n ? "; " : "", _("arrests not recorded"));
		/* The people injured, in a column of their own: "not recorded" there, not an
		 * empty cell (which would read as none; the CSV's is empty, as JSON's null). */
		if (injured < 0)
			cell(b, CW_RC_INJURED, "%s", _("not recorded"));
		else if (cw_demo_injured_at_least(d)) {
			/* TRANSLATORS: people injured at a demonstration, the figure a least */
			cell(b, CW_RC_INJURED, _("at least %lld"), (long long)injured);
			cell(b, CW_RC_INJURED_AT_LEAST, "%lld", (long long)injured);
		} else
			cell(b, CW_RC_INJURED, "%lld", (long long)injured);
		if (d->notes)
			sb_add(&detail, "%s%s", detail.n ? "; " : "", d->notes);
		account_links(b, &detail, l, b->r->demo_counted, b->r->demo_elsewhere, i);
		demo_unlinked_rows(b->r, &detail, i);
		cell_take(b, CW_RC_DETAIL, &detail);
		if (arrests >= 0 && cw_demo_arrests_at_least(d)) {
			/* TRANSLATORS: arrests at a demonstration: those named, no number given */
			cell(b, CW_RC_COUNT, _("at least %lld"), (long long)arrests);
			/* the CSV's count holds exact figures: the least beside it */
			cell(b, CW_RC_AT_LEAST, "%lld", (long long)arrests);
		} else if (arrests >= 0)
			cell(b, CW_RC_COUNT, "%lld", (long long)arrests);
		person_list_cells(b, &d->arrested);
		reportedly_cell(b, &l->items[i], CW_RC_OUTCOME);
		row_end(b);
	}
}

/* Incidents: what happened, to what or whom, how many and over which period. */
static void incidents(struct builder *b)
{
	const struct cw_record_list *l = &b->r->incidents;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_incident *in = &l->items[i].u.incident;
		struct sb detail = {0};
		char t[200];

		id_cell(b, CW_RC_ID, &l->items[i].id);
		account_cell(b, &l->items[i]);
		date_cell(b, CW_RC_DATE, in->date);
		cell(b, CW_RC_OUTCOME, "%s", word(&cw_words_incident, in->type));
		if (!cw_id_is_zero(&in->case_id))
			case_cells(b, &in->case_id, 0);
		cell(b, CW_RC_PLACE, "%s%s%s", str(in->target),
		     in->target && in->province ? ", " : "", str(in->province));
		cw_tally_text(&in->tally, in->unit, t, sizeof t);
		if (in->tally.count >= 0 && in->tally.at_least) {
			cell(b, CW_RC_COUNT, _("at least %lld"), (long long)in->tally.count);
			cell(b, CW_RC_AT_LEAST, "%lld", (long long)in->tally.count);
		} else if (in->tally.count >= 0) {
			cell(b, CW_RC_COUNT, "%lld", (long long)in->tally.count);
		}
		if (in->actor)
			sb_add(&detail, _("by %s"), in->actor);
		if (t[0])
			sb_add(&detail, "%s%s", detail.n ? "; " : "", t);
		if (in->detail)
			sb_add(&detail, "%s%s", detail.n ? "; " : "", in->detail);
		if (in->notes)
			sb_add(&detail, "%s%s", detail.n ? "; " : "", in->notes);
		/* Another account of an incident another row counts: said on its row. */
		account_links(b, &detail, l, b->r->incident_counted, b->r->incident_elsewhere, i);
		cell_take(b, CW_RC_DETAIL, &detail);
		person_list_cells(b, &in->persons);
		reportedly_cell(b, &l->items[i], CW_RC_OUTCOME);
		row_end(b);
	}
}

static void upcoming(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (size_t i = 0; i < r->nupcoming; i++) {
		const struct cw_report_upcoming *u = &r->upcoming[i];
		const struct cw_hearing *h = &u->hearing->u.hearing;

		id_cell(b, CW_RC_ID, &u->hearing->id);
		account_cell(b, u->hearing);
		date_cell(b, CW_RC_DATE, u->date);
		if (!u->from_next_date && h->time)
			cell(b, CW_RC_DATE, "%s %s", b->row[CW_RC_DATE], h->time);
		/* A hearing logged for its day lists whom its own record names, as its row in
		 * the hearings does (a co-defendant's bail hearing read as the whole case's); a
		 * next date has no record of that sitting: the case's defendants. */
		case_cells(b, &h->case_id, u->from_next_date);
		if (!u->from_next_date)
			hearing_people_cells(b, u->hearing);
		court_cell(b, h->court, &h->case_id);
		if (h->stage && !u->from_next_date)
			cell(b, CW_RC_STAGE, "%s", word(&cw_words_stage, h->stage));
		if (u->from_next_date && cw_date_precision(u->date) != CW_DATE_DAY) {
			char d[CW_DATE_TEXT_MAX], m[CW_DATE_TEXT_MAX];

			/* Adjourned to a month (or a year): listed since it overlaps the window,
			 * never as one of its days (report.h: cw_report_upcoming_read_months). */
			cw_date_format(h->date, d);
			cw_date_format(u->date, m);
			/* TRANSLATORS: a hearing's next date known only to its month: "next date
			 * set at the hearing of 2024-06-10 for 2024-07, day not known" */
			cell(b, CW_RC_LABEL,
			     _("next date set at the hearing of %s for %s, day not known"), d, m);
		} else if (u->from_next_date) {
			char d[CW_DATE_TEXT_MAX];

			cw_date_format(h->date, d);
			cell(b, CW_RC_LABEL, _("next date set at the hearing of %s"), d);
		} else {
			cell(b, CW_RC_LABEL, "%s", _("a hearing logged for that day"));
		}
		if (r->upcoming_same && r->upcoming_same[i] != SIZE_MAX) {
			const struct cw_report_upcoming *o = &r->upcoming[r->upcoming_same[i]];
			char d[CW_DATE_TEXT_MAX], hex[CW_ID_HEX_LEN + 1];

			cw_date_format(o->date, d);
			cw_id_hex(&o->hearing->id, hex);
			cell(b, CW_RC_COUNTED_IN, "%s", hex);
			b->sec->uncounted++;
			/* TRANSLATORS: after "next date set at the hearing of ...": the date
			 * another account of the same hearing gives, its row */
			cell(b, CW_RC_LABEL,
			     _("%s; another account of the hearing to come of the row of %s "
			       "(%.8s), "
			       "counted there"),
			     b->row[CW_RC_LABEL], d, hex);
		}
		reportedly_cell(b, u->hearing, CW_RC_LABEL);
		row_end(b);
	}
}

/* Hearings set for a day of the period gone by with nothing logged for it (report.h: missed),
 * or for a month that ended in it with nothing logged in it: the day or month, whose account
 * set it and at which hearing, the case and its court. */
static void missed(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (size_t i = 0; i < r->nmissed; i++) {
		const struct cw_report_upcoming *u = &r->missed[i];
		const struct cw_hearing *h = &u->hearing->u.hearing;
		char d[CW_DATE_TEXT_MAX];

		id_cell(b, CW_RC_ID, &u->hearing->id);
		account_cell(b, u->hearing);
		date_cell(b, CW_RC_DATE, u->date);
		case_cells(b, &h->case_id, 1);
		court_cell(b, h->court, &h->case_id);
		cw_date_format(h->date, d);
		cell(b, CW_RC_LABEL, _("next date set at the hearing of %s"), d);
		if (cw_date_precision(u->date) != CW_DATE_DAY && cw_date_is_known(u->bail_heard)) {
			char bail[CW_DATE_TEXT_MAX];

			cw_date_format(u->bail_heard, bail);
			/* TRANSLATORS: what the records say of a hearing set for a month or a year
			 * gone by, in which a hearing of the case ruled on bail alone */
			cell(b, CW_RC_OUTCOME,
			     _("no sitting logged in it; the hearing of %s ruled only on bail"),
			     bail);
		} else if (cw_date_precision(u->date) == CW_DATE_MONTH)
			/* TRANSLATORS: what the records say of a hearing set for a month (its day
			 * not known) gone by */
			cell(b, CW_RC_OUTCOME, "%s", _("nothing logged in that month"));
		else if (cw_date_precision(u->date) == CW_DATE_YEAR)
			/* TRANSLATORS: what the records say of a hearing set for a year (its day
			 * not known) gone by */
			cell(b, CW_RC_OUTCOME, "%s", _("nothing logged in that year"));
		else
			/* TRANSLATORS: what the records say of a hearing set for a day gone by */
			cell(b, CW_RC_OUTCOME, "%s", _("nothing logged for that day"));
		reportedly_cell(b, u->hearing, CW_RC_LABEL);
		row_end(b);
	}
}

/* A detainee's days: the count when it is exact, else what the dates allow in the detail (and,
 * for the CSV, as numbers in at_least and at_most), and where the count stops when that is not
 * the period's end. */
/* "government dates its start 2026-09-25: 71 days": another account of the arrest or
 * detention a detainee's days are counted from, which dates it otherwise (models/timeline.h),
 * in its row and in the summary's sentence. Nothing when there is none. */
/* Whether a record's source says more than its account and can be given to the reader: not
 * empty, not the team's own observation, not withheld ("[confidential]" beside rows would read
 * as one source behind them all). */
static int source_cited(const char *src)
{
	return src && *src && strcasecmp(src, "own observation") != 0 &&
	       strcasecmp(src, _("own observation")) != 0 &&
	       strcmp(src, cw_confidential_text()) != 0;
}

/* With `cite` (the row, not the summary's sentence), the other account's source after it, where
 * it says more than the account ("...: 18 days (source: Provincial police press release)"): the
 * row's own source is the start's (detainee_cells). */
static void start_other(struct sb *sb, const struct cw_report *r,
			const struct cw_report_detainee *d, int cite)
{
	char other[CW_DATE_TEXT_MAX];
	const char *who = cw_enum_label(&cw_words_view, d->start_other_view);
	const struct cw_record *rec = cite ? cw_report_ref(r, &d->start_other_id) : NULL;

	if (!cw_date_is_known(d->start_other))
		return;
	cw_date_format(d->start_other, other);
	if (d->start_other_days >= 0)
		sb_add(sb,
		       P_("%s dates its start %s: %ld day", "%s dates its start %s: %ld days",
			  (unsigned long)d->start_other_days),
		       who, other, d->start_other_days);
	else
		sb_add(sb, _("%s dates its start %s"), who, other);
	if (rec && source_cited(rec->source))
		/* TRANSLATORS: after "government dates its start 2026-11-04: 18 days": the
		 * source of that account's record */
		sb_add(sb, _(" (source: %s)"), rec->source);
}

/* "counted to 2024-05-31, the source's date": where a detainee's count stops and why, in its
 * row and in the summary's sentences. */
static void counted_to(struct sb *sb, const struct cw_report_detainee *d)
{
	char to[CW_DATE_TEXT_MAX];

	cw_date_format(d->to, to);
	if (d->to_kind == CW_PRETRIAL_TO_END && d->held_after_kind) {
		/* Ended in one account, found held after it in another: both said, the count
		 * to the end as the timeline gives it, never settled for either (report.h). */
		char held[600];

		cw_timeline_held_after_text(d->held_after_kind, d->held_after_type, d->held_after,
					    d->held_after_view, held, sizeof held);
		/* TRANSLATORS: "counted to 2026-12-02, an end in the account government; a
		 * prison visit on 2026-12-05, own observation, finds them held after it" */
		sb_add(sb, _("counted to %s, an end in the account %s; %s"), to,
		       d->end_view ? cw_enum_label(&cw_words_view, d->end_view) : _("not recorded"),
		       held);
		return;
	}
	sb_add(sb,
	       d->to_kind == CW_PRETRIAL_TO_SOURCE ? _("counted to %s, the source's date")
	       : d->to_kind == CW_PRETRIAL_TO_AS_OF
		       ? _("counted to %s, the date custody was recorded as of")
	       : d->to_kind == CW_PRETRIAL_TO_SEEN
		       ? _("counted to %s, the last prison visit that met them")
	       : d->to_kind == CW_PRETRIAL_TO_SEEN_AFTER
		       ? _("counted to %s: a later prison visit found them still held")
	       : d->to_kind == CW_PRETRIAL_TO_REFUSED
		       ? _("counted to %s, a refusal of bail or release that day")
	       : d->to_kind == CW_PRETRIAL_TO_ORDERED
		       ? _("counted to %s, a detention extended or a transfer between prisons that "
			   "day")
	       : d->to_kind == CW_PRETRIAL_TO_ENDED_IN
		       ? _("its end is dated only to %s: perhaps still held at the period's end, "
			   "perhaps released before it")
		       : _("counted to %s, the latest date recorded"),
	       to);
}

/* Whether two of a detainee's accesses are said in one clause: given by one visit, and not
 * recorded by the same later one (report.h: struct cw_report_access). */
static int access_same_visits(const struct cw_report_access *a, const struct cw_report_access *b)
{
	return cw_id_equal(&a->visit, &b->visit) && cw_id_equal(&a->later, &b->later);
}

/* Their access to a lawyer or to family denied or restricted at the latest prison visit that
 * recorded it (report.h: lawyer_at_visit), its day and whose account, and the latest visit
 * after it that met them without recording it, when one did (the access is then the last
 * known, not what that visit found): one clause when the same visits give both; granted is
 * no concern here, as in the visit's row (the JSON's access_at_visit gives it). Added to sb
 * after "; " when it holds text. */
static void access_at_visit_text(struct sb *sb, const struct cw_report_detainee *d)
{
	const struct cw_report_access *each[] = {&d->lawyer_at_visit, &d->family_at_visit};
	int bad[2];

	for (int k = 0; k < 2; k++)
		bad[k] = each[k]->access == CW_ACCESS_DENIED ||
			 each[k]->access == CW_ACCESS_RESTRICTED;
	for (int k = 0; k < 2; k++) {
		struct sb what = {0};
		char when[CW_DATE_TEXT_MAX];
		const struct cw_report_access *at = each[k];
		const char *view;

		if (!bad[k] || (k == 1 && bad[0] && access_same_visits(at, each[0])))
			continue;
		for (int j = k; j < 2; j++) {
			if (!bad[j] || (j != k && !access_same_visits(each[j], at)))
				continue;
			if (what.n)
				sb_add(&what, ", ");
			/* TRANSLATORS: a detainee's access to a lawyer (family) at a prison
			 * visit: "denied", "restricted" */
			sb_add(&what, j == 0 ? _("lawyer access %s") : _("family access %s"),
			       word(&cw_words_access, each[j]->access));
		}
		cw_date_format(at->date, when);
		view = at->view ? cw_enum_label(&cw_words_view, at->view) : _("not recorded");
		if (sb->n)
			sb_add(sb, "; ");
		if (cw_id_is_zero(&at->later)) {
			/* TRANSLATORS: "lawyer access denied, family access restricted at the
			 * prison visit of 2024-05-07 (account: NGO)" */
			sb_add(sb, _("%s at the prison visit of %s (account: %s)"), what.s, when,
			       view);
		} else {
			char later[CW_DATE_TEXT_MAX];

			cw_date_format(at->later_date, later);
			/* TRANSLATORS: "lawyer access denied at the prison visit of 2024-04-20
			 * (account: NGO), not recorded at the later prison visit of 2024-05-06
			 * (account: UN)": the later visit met them and did not record it, so the
			 * access is the last known one */
			sb_add(sb,
			       _("%s at the prison visit of %s (account: %s), not recorded at the "
				 "later prison visit of %s (account: %s)"),
			       what.s, when, view, later,
			       at->later_view ? cw_enum_label(&cw_words_view, at->later_view)
					      : _("not recorded"));
		}
		if (what.failed)
			sb->failed = 1;
		free(what.s);
	}
}

static void detainee_days(struct builder *b, const struct cw_report_detainee *d)
{
	struct sb sb = {0};
	struct cw_day_range days = cw_day_range_of(d->days, d->days_max);

	/* Dated only to a month or a year that runs past the period's end: perhaps not held in
	 * it at all, so no least figure, only the most the dates allow. */
	if (cw_report_detainee_standing(b->r, d) == CW_MAY_BEGIN_LATER) {
		char since[CW_DATE_TEXT_MAX], end[CW_DATE_TEXT_MAX];

		cw_date_format(d->since, since);
		cw_date_format(b->r->held_to, end);
		if (d->days_max >= 0) {
			cell(b, CW_RC_AT_MOST, "%ld", d->days_max);
			sb_add(&sb,
			       P_("at most %ld day, if detained by %s: the detention is dated only "
				  "to %s",
				  "at most %ld days, if detained by %s: the detention is dated "
				  "only "
				  "to %s",
				  (unsigned long)d->days_max),
			       d->days_max, end, since);
		} else {
			sb_add(&sb, _("the detention is dated only to %s, which may be after %s"),
			       since, end);
		}
		cell_take(b, CW_RC_DETAIL, &sb);
		return;
	}
	if (days.at_least >= 0)
		cell(b, CW_RC_AT_LEAST, "%ld", days.at_least);
	if (days.at_most >= 0)
		cell(b, CW_RC_AT_MOST, "%ld", days.at_most);
	if (days.exact >= 0)
		cell(b, CW_RC_COUNT, "%ld", days.exact);
	else if (d->days < 0)
		sb_add(&sb, "%s",
		       _("length unknown: the source gives no date its account is as of"));
	else if (d->days_max < 0)
		sb_add(&sb,
		       P_("at least %ld day: a detention still running has no date it is known as "
			  "of",
			  "at least %ld days: a detention still running has no date it is known as "
			  "of",
			  d->days),
		       d->days);
	else if (d->to_kind == CW_PRETRIAL_TO_ENDED_IN &&
		 cw_date_precision(d->since) == CW_DATE_DAY)
		/* The end, not the start, makes it a range: counted_to says why below. */
		sb_add(&sb, P_("%ld to %ld day", "%ld to %ld days", d->days_max), d->days,
		       d->days_max);
	else
		sb_add(&sb,
		       P_("%ld to %ld day: the detention is not dated to the day",
			  "%ld to %ld days: the detention is not dated to the day", d->days_max),
		       d->days, d->days_max);
	if (d->to_kind == CW_PRETRIAL_TO_TODAY && cw_timeline_news_old(d->news, d->to)) {
		/* Counted to the period's end by the team's own record, which says nothing
		 * newer: how old its news is. */
		char news[CW_DATE_TEXT_MAX];

		cw_date_format(d->news, news);
		if (sb.n)
			sb_add(&sb, "; ");
		sb_add(&sb, _("its latest dated record is of %s"), news);
	}
	if (cw_date_is_known(d->start_other)) {
		if (sb.n)
			sb_add(&sb, "; ");
		start_other(&sb, b->r, d, 1);
	}
	if (d->days >= 0 && d->to_kind != CW_PRETRIAL_TO_TODAY &&
	    d->to_kind != CW_PRETRIAL_TO_UNKNOWN) {
		/* The count stops where the source's account stops (with no date it is known
		 * as of, "at least" above said it all). */
		if (sb.n)
			sb_add(&sb, "; ");
		counted_to(&sb, d);
		/* Before the period's end: the row must not read as held at it. */
		if (cw_report_detainee_standing(b->r, d) == CW_LAST_REPORTED && !d->held_after_kind)
			sb_add(&sb, "%s", _("; no later account recorded"));
	}
	/* Some of a group taken after the first: the row's days are the first ones'. */
	if (d->group[0] && cw_date_is_known(d->joined)) {
		char joined[CW_DATE_TEXT_MAX];

		cw_date_format(d->joined, joined);
		if (sb.n)
			sb_add(&sb, "; ");
		if (d->joined_count > 0)
			sb_add(&sb,
			       P_("%lld of them taken later, by %s: held fewer days",
				  "%lld of them taken later, by %s: held fewer days",
				  (unsigned long)d->joined_count),
			       (long long)d->joined_count, joined);
		else
			sb_add(&sb, _("more of them taken later, by %s: held fewer days"), joined);
	}
	if (cw_date_is_known(d->order_until) &&
	    (d->to_kind != CW_PRETRIAL_TO_END || d->days_past_order_max > 0)) {
		if (sb.n)
			sb_add(&sb, "; ");
		char order[400];

		cw_timeline_order_text(d->order_until, d->order_view, d->days_past_order,
				       d->days_past_order_max, d->order_held_otherwise, order,
				       sizeof order);
		sb_add(&sb, "%s", order);
	}
	access_at_visit_text(&sb, d);
	/* An earlier stretch (held, bailed, arrested again): the row's days are this stretch's;
	 * the days in all are what the legal maximum is read against. */
	if (d->total >= 0 && d->days >= 0 &&
	    (d->total > d->days || (d->total_max >= 0 && d->total_max > d->days_max))) {
		if (sb.n)
			sb_add(&sb, "; ");
		if (d->total_max >= 0 && d->total_max != d->total)
			sb_add(&sb,
			       P_("%ld to %ld day in pretrial detention in all in this case, with "
				  "an "
				  "earlier detention",
				  "%ld to %ld days in pretrial detention in all in this case, with "
				  "an "
				  "earlier detention",
				  d->total_max),
			       d->total, d->total_max);
		else
			sb_add(&sb,
			       P_("%ld day in pretrial detention in all in this case, with an "
				  "earlier detention",
				  "%ld days in pretrial detention in all in this case, with an "
				  "earlier detention",
				  d->total),
			       d->total);
	}
	if (sb.n || sb.failed)
		cell_take(b, CW_RC_DETAIL, &sb);
}

/* A detainee row's first cells: who (a person, or a group with its number), the accounts its
 * count rests on (the arrest or detention it starts from, and the case, whose custody says
 * they are held: report.h), the case, the source of its start, and the columns a detainee leaves
 * empty. */
static void detainee_cells(struct builder *b, const struct cw_report_detainee *d)
{
	const struct cw_record *k = cw_report_ref(b->r, &d->case_id);
	const struct cw_record *start = cw_report_ref(b->r, &d->start_id);

	if (d->group[0]) { /* "NagaWorld union activists (8 unnamed)" */
		char who[CW_REPORT_GROUP_LABEL + 64];

		cw_group_text(d->group, d->count, who, sizeof who);
		cell(b, CW_RC_PEOPLE, "%s", who);
		group_count_cell(b, d->count);
	} else {
		person_cells(b, &d->person);
	}
	case_cells(b, &d->case_id, 0);
	/* The source of the arrest or detention the days are counted from (its date is the
	 * row's), else, none found, the case's, whose custody says they are held; its account
	 * last among the row's, next to it. */
	if (start) {
		if (start->source && *start->source)
			cell(b, CW_RC_SOURCE, "%s", start->source);
		views_cell_cited(b, d->views, start->source && *start->source ? start->view : 0);
	} else if (k && k->source && *k->source) {
		cell(b, CW_RC_SOURCE, "%s", k->source);
		views_cell_cited(b, d->views, k->view);
	} else {
		views_cell(b, d->views);
	}
	cell(b, CW_RC_ARTICLES, "%s", "");
	cell(b, CW_RC_STAGE, "%s", "");
	cell(b, CW_RC_PLACE, "%s", "");
}

static void detainees(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (size_t i = 0; i < r->ndetainees; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];

		detainee_cells(b, d);
		date_cell(b, CW_RC_DATE, d->since);
		detainee_days(b, d);
		switch (cw_report_detainee_standing(r, d)) {
		case CW_HELD_AT_END:
			cell(b, CW_RC_LABEL, "%s", _("still detained"));
			break;
		case CW_LAST_REPORTED:
			cell(b, CW_RC_LABEL, "%s", _("last reported detained"));
			break;
		case CW_MAY_BEGIN_LATER:
			cell(b, CW_RC_LABEL, "%s", _("possibly detained"));
			break;
		case CW_MAY_HAVE_ENDED:
			cell(b, CW_RC_LABEL, "%s", _("possibly released"));
			break;
		case CW_ACCOUNTS_DIFFER:
			cell(b, CW_RC_LABEL, "%s", _("released in one account, held in another"));
			break;
		case CW_DETAINEE_STANDINGS:
			break;
		}
		row_end(b);
	}
	/* Then those their case records as detained with no dated arrest or detention: no
	 * start, so no days (report.h). */
	for (size_t i = 0; i < r->nunstarted; i++) {
		const struct cw_report_detainee *d = &r->unstarted[i];
		char known[CW_DATE_TEXT_MAX];
		struct sb sb = {0};

		detainee_cells(b, d);
		cell(b, CW_RC_DATE, "%s", "");
		cw_date_format(d->to, known);
		if (cw_date_is_known(d->since) && cw_date_is_known(d->met_on)) {
			char ended[CW_DATE_TEXT_MAX], met[CW_DATE_TEXT_MAX];

			/* held again in a case entered after the period: the visit, not the case,
			 * is what finds them held after the end (report.h: met_on) */
			cw_date_format(d->since, ended);
			cw_date_format(d->met_on, met);
			sb_add(&sb,
			       _("their last detention logged ended on %s, and they were met at "
				 "the "
				 "prison visit of %s with no arrest or detention logged since; the "
				 "case, entered after the period, records them as detained; their "
				 "days since are not known"),
			       ended, met);
		} else if (cw_date_is_known(d->since)) {
			char ended[CW_DATE_TEXT_MAX];

			cw_date_format(d->since, ended);
			sb_add(&sb,
			       _("their last detention logged ended on %s, and the case records "
				 "them as detained again as of %s with no arrest or detention "
				 "logged since; their days since are not known"),
			       ended, known);
		} else if (cw_date_is_known(d->met_on)) {
			char met[CW_DATE_TEXT_MAX];

			cw_date_format(d->met_on, met);
			sb_add(&sb,
			       _("no dated arrest or detention logged: met at the prison visit of "
				 "%s, and the case, entered after the period, records them as "
				 "detained; their days are not known"),
			       met);
		} else if (cw_date_is_known(d->to))
			sb_add(&sb,
			       _("no dated arrest or detention logged: the case records them as "
				 "detained as of %s; their days are not known"),
			       known);
		else if (cw_date_is_known(d->recorded)) {
			char recorded[CW_DATE_TEXT_MAX];

			cw_date_format(d->recorded, recorded);
			sb_add(&sb,
			       _("no dated arrest or detention logged: the case records them as "
				 "detained, as of no date, and was first recorded here on %s; "
				 "their days are not known"),
			       recorded);
		} else
			sb_add(&sb, "%s",
			       _("no dated arrest or detention logged: the case records them as "
				 "detained, as of no date; their days are not known"));
		/* Their access at prison visits, as a detainee's row says it (report.h:
		 * unstarted). */
		access_at_visit_text(&sb, d);
		cell_take(b, CW_RC_DETAIL, &sb);
		cell(b, CW_RC_LABEL, "%s", _("detained, no dated arrest"));
		row_end(b);
	}
}

/* A tally's events, counted: "28 hearings", "at least 95 demonstrations (2023-06-01 to
 * 2024-05-31)". */
static void tally_text(const struct cw_record *rec, char *buf, size_t len)
{
	const struct cw_tally *t = cw_record_tally(rec);
	unsigned long n = t && t->count >= 0 ? (unsigned long)t->count : 0;
	const char *noun = rec->kind == CW_KIND_HEARING ? P_("hearing", "hearings", n)
			   : rec->kind == CW_KIND_VISIT ? P_("prison visit", "prison visits", n)
							: P_("demonstration", "demonstrations", n);

	cw_tally_text(t, noun, buf, len);
}

/* Tallies: how many of what, over which period, by whose account and from which source. */
static void tallies(struct builder *b)
{
	const struct cw_record_list *l = &b->r->tallies;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_record *rec = &l->items[i];
		const char *notes = rec->kind == CW_KIND_HEARING ? rec->u.hearing.notes
				    : rec->kind == CW_KIND_VISIT ? rec->u.visit.notes
								 : rec->u.demo.notes;
		struct sb detail = {0};
		char text[300];

		id_cell(b, CW_RC_ID, &rec->id);
		account_cell(b, rec);
		date_cell(b, CW_RC_DATE, cw_record_date(rec));
		tally_text(rec, text, sizeof text);
		cell(b, CW_RC_LABEL, "%s", text);
		if (rec->kind == CW_KIND_VISIT && rec->u.visit.facilities > 0)
			sb_add(&detail, _("to %lld facilities"),
			       (long long)rec->u.visit.facilities);
		/* What the source found on those visits (health, water): a tally's own concerns
		 * were left out of its row (found by a supervisor's trial). */
		if (rec->kind == CW_KIND_VISIT && rec->u.visit.concerns) {
			char found[400];

			cw_set_text(&cw_words_concerns, rec->u.visit.concerns, found, sizeof found);
			sb_add(&detail, "%s", detail.n ? "; " : "");
			sb_add(&detail, _("concerns: %s"), found);
		} else if (cw_record_field_withheld(rec, CW_CONF_CONCERNS)) {
			sb_add(&detail, "%s", detail.n ? "; " : "");
			sb_add(&detail, _("concerns: %s"), cw_confidential_text());
		}
		if (rec->kind == CW_KIND_HEARING && rec->u.hearing.court)
			sb_add(&detail, "%s%s", detail.n ? "; " : "", rec->u.hearing.court);
		if (rec->kind == CW_KIND_DEMO && rec->u.demo.province)
			sb_add(&detail, "%s%s", detail.n ? "; " : "", rec->u.demo.province);
		if (rec->source) {
			sb_add(&detail, "%s", detail.n ? "; " : "");
			sb_add(&detail, _("source: %s"), rec->source);
		}
		if (notes)
			sb_add(&detail, "%s%s", detail.n ? "; " : "", notes);
		cell_take(b, CW_RC_DETAIL, &detail);
		reportedly_cell(b, rec, CW_RC_LABEL);
		row_end(b);
	}
}

static void partial(struct builder *b)
{
	const struct cw_record_list *l = &b->r->partial;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_record *rec = &l->items[i];
		const struct cw_id *cid = rec->kind == CW_KIND_HEARING ? &rec->u.hearing.case_id
					  : rec->kind == CW_KIND_MILESTONE
						  ? &rec->u.milestone.case_id
						  : NULL;

		id_cell(b, CW_RC_ID, &rec->id);
		account_cell(b, rec);
		date_cell(b, CW_RC_DATE, cw_record_date(rec));
		if (cid)
			case_cells(b, cid, 0);
		cell(b, CW_RC_STAGE, "%s", "");
		cell(b, CW_RC_ARTICLES, "%s", "");
		/* What was decided, as the sections for events dated to the day give it: "bail"
		 * alone read as bail granted where it was refused (a prison monitor's trial). */
		if (rec->kind == CW_KIND_MILESTONE) {
			const struct cw_milestone *m = &rec->u.milestone;

			milestone_who_cells(b, m);
			court_cell(b, m->court, cid);
			if (m->outcome != CW_DECISION_UNKNOWN)
				cell(b, CW_RC_LABEL, _("%s (%s)"),
				     word(&cw_words_milestone, m->type),
				     word(&cw_words_decision, m->outcome));
			else if (m->result)
				cell(b, CW_RC_LABEL, _("%s (%s)"),
				     word(&cw_words_milestone, m->type),
				     word(&cw_words_verdict, m->result));
			else
				cell(b, CW_RC_LABEL, "%s", word(&cw_words_milestone, m->type));
			cell(b, CW_RC_LABEL, _("milestone: %s"), b->row[CW_RC_LABEL]);
			cell(b, CW_RC_DETAIL, "%s%s%s", str(rec->u.milestone.detail),
			     rec->u.milestone.detail && rec->u.milestone.notes ? "; " : "",
			     str(rec->u.milestone.notes));
		} else if (rec->kind == CW_KIND_HEARING) {
			court_cell(b, rec->u.hearing.court, cid);
			outcome_cell(b, &rec->u.hearing);
			/* The outcome in the record's column too: the section has none of its
			 * own in a document. */
			if (rec->u.hearing.outcome)
				cell(b, CW_RC_LABEL, _("%s: %s"), _("hearing"),
				     b->row[CW_RC_OUTCOME]);
			else
				cell(b, CW_RC_LABEL, "%s", _("hearing"));
			cell(b, CW_RC_DETAIL, "%s", str(rec->u.hearing.notes));
		} else if (rec->kind == CW_KIND_DEMO) {
			/* Its place in the place column, its cause with its notes (a
			 * demonstration's label is its cause, which read as a place: "land
			 * dispute"). */
			const struct cw_demo *d = &rec->u.demo;

			cell(b, CW_RC_LABEL, "%s", _(cw_kind_label(rec->kind)));
			cell(b, CW_RC_PLACE, "%s%s%s", str(d->place),
			     d->place && d->province ? ", " : "", str(d->province));
			if (d->cause) {
				struct sb detail = {0};

				sb_add(&detail, _("cause: %s"), d->cause);
				if (d->notes)
					sb_add(&detail, "; %s", d->notes);
				cell_take(b, CW_RC_DETAIL, &detail);
			} else {
				cell(b, CW_RC_DETAIL, "%s", str(d->notes));
			}
		} else if (rec->kind == CW_KIND_VISIT) {
			/* Its access and concerns, as the visits section gives them (withheld
			 * concerns said so): a visit to CC2 "in February" lost its water and
			 * women's needs. */
			const struct cw_visit *v = &rec->u.visit;
			struct sb detail = {0};

			if (v->access) {
				char access[200];

				snprintf(access, sizeof access, _("access %s"),
					 word(&cw_words_access, v->access));
				cell(b, CW_RC_LABEL, _("%s: %s"), _(cw_kind_label(rec->kind)),
				     access);
			} else {
				cell(b, CW_RC_LABEL, "%s", _(cw_kind_label(rec->kind)));
			}
			cell(b, CW_RC_PLACE, "%s", cw_record_label(rec));
			if (v->concerns) {
				char found[400];

				cw_set_text(&cw_words_concerns, v->concerns, found, sizeof found);
				sb_add(&detail, _("concerns: %s"), found);
			} else if (cw_record_field_withheld(rec, CW_CONF_CONCERNS)) {
				sb_add(&detail, _("concerns: %s"), cw_confidential_text());
			}
			if (v->follow_up) {
				sb_add(&detail, "%s", detail.n ? "; " : "");
				sb_add(&detail, _("follow-up: %s"), v->follow_up);
			}
			if (v->notes)
				sb_add(&detail, "%s%s", detail.n ? "; " : "", v->notes);
			cell_take(b, CW_RC_DETAIL, &detail);
		} else {
			cell(b, CW_RC_LABEL, "%s", _(cw_kind_label(rec->kind)));
			cell(b, CW_RC_PLACE, "%s", cw_record_label(rec));
			cell(b, CW_RC_DETAIL, "%s",
			     str(rec->kind == CW_KIND_INCIDENT ? rec->u.incident.detail : NULL));
		}
		reportedly_cell(b, rec, CW_RC_LABEL);
		row_end(b);
	}
}

/* Why people arrested are not listed as held (enum cw_report_unlisted), for the summary. */
static const char *const unlisted_reasons[CW_UNLISTED_REASONS] = {
	[CW_UNLISTED_ENDED] = N_("an end of their detention (a release, bail, house arrest or "
				 "judicial supervision) is recorded"),
	[CW_UNLISTED_RULED] = N_("a ruling on them after the arrest (a verdict or sentence) ended "
				 "their pretrial detention, and detention after a ruling is not "
				 "counted here"),
	[CW_UNLISTED_ENFORCES] = N_("a ruling on them in their case came before the arrest, "
				    "which enforces it: no pretrial detention"),
	[CW_UNLISTED_AFTER_VERDICT] = N_("their case records them as detained at a stage after a "
					 "verdict, though no ruling is logged, and detention "
					 "after a verdict is not counted here"),
	[CW_UNLISTED_NOT_DETAINED] = N_("no end of their detention is recorded, but their case "
					"does not record them as detained"),
	[CW_UNLISTED_NO_CASE] = N_("the arrest names no case"),
	[CW_UNLISTED_OUTSIDE] = N_("their records find them held in a case this report does not "
				   "cover"),
	[CW_UNLISTED_NOT_SHOWN] = N_("no record this report shows says they were held"),
};

/* For the CSV: each arrest of the period whose people the detention table does not list, with
 * why, as a stable word in its label (cw_report_unlisted_word) and as the summary says it in
 * its detail; its person or group, case and account as the arrests' rows give them. */
static void unlisted_rows(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (size_t i = 0; i < r->arrests.n; i++) {
		const struct cw_record *rec = &r->arrests.items[i];
		enum cw_report_unlisted why;

		if (!cw_report_arrest_unlisted(r, i, &why))
			continue;
		cell(b, CW_RC_LABEL, "%s", cw_report_unlisted_word(why));
		id_cell(b, CW_RC_ID, &rec->id);
		account_cell(b, rec);
		date_cell(b, CW_RC_DATE, rec->u.milestone.date);
		case_cells(b, &rec->u.milestone.case_id, 0);
		cell(b, CW_RC_ARTICLES, "%s", ""); /* the case's, not why they are not held */
		milestone_who_cells(b, &rec->u.milestone);
		cell(b, CW_RC_DETAIL, "%s", unlisted_reasons[why] ? _(unlisted_reasons[why]) : "");
		row_end(b);
	}
}

/* "; 1 person arrested is not listed below as held: a ruling on them after the arrest ...":
 * the people of the period's arrests the detention table does not list, with why, as their
 * records say, for each reason (every reason given is one that holds for someone counted). */
static void unlisted_arrests(struct sb *sb, const struct cw_report *r)
{
	size_t why[CW_UNLISTED_REASONS], reasons = 0;
	int partial;
	size_t unlisted = cw_report_arrests_unlisted(r, why, &partial);

	if (!unlisted)
		return;
	for (int k = 0; k < CW_UNLISTED_REASONS; k++)
		reasons += why[k] > 0;
	sb_add(sb,
	       partial ? P_("; at least %zu person arrested is not listed below as held",
			    "; at least %zu people arrested are not listed below as held", unlisted)
		       : P_("; %zu person arrested is not listed below as held",
			    "; %zu people arrested are not listed below as held", unlisted),
	       unlisted);
	for (int k = 0, said = 0; k < CW_UNLISTED_REASONS; k++) {
		if (!why[k] || !unlisted_reasons[k])
			continue;
		sb_add(sb, "%s", said++ ? "; " : ": ");
		if (reasons > 1)
			/* TRANSLATORS: how many of those arrested and not listed as held a
			 * reason that follows is for: "for 2 of them, an end of ..." */
			sb_add(sb, P_("for %zu of them, ", "for %zu of them, ", why[k]), why[k]);
		sb_add(sb, "%s", _(unlisted_reasons[k]));
	}
}

/* The arrests the period's demonstrations recorded (0 when none, or none recorded). */
static size_t demo_arrests(const size_t *c)
{
	return c[CW_METRIC_DEMO_ARRESTS] == CW_REPORT_NOT_RECORDED ? 0 : c[CW_METRIC_DEMO_ARRESTS];
}

/* How many rows of a list are accounts of an event another period counts. */
static size_t elsewhere_rows(const size_t *counted, size_t n)
{
	size_t away = 0;

	for (size_t i = 0; counted && i < n; i++)
		away += counted[i] == CW_REPORT_ELSEWHERE;
	return away;
}

/* The accounts of the rows of a list whose events this period counts (report.h:
 * CW_REPORT_ELSEWHERE): those of another period's events are not beside its figure. */
static uint32_t accounts_here(const struct cw_record_list *l, const size_t *counted)
{
	uint32_t seen = 0;

	for (size_t i = 0; i < l->n; i++)
		if (!counted || counted[i] != CW_REPORT_ELSEWHERE)
			seen |= cw_report_view_bit(&l->items[i]);
	return seen;
}

/* After a count of visits or demonstrations: how many more accounts of them the table lists,
 * each counted once with the event it tells (report.h: visit_counted). */
static void other_accounts(struct sb *sb, const size_t *counted, size_t n)
{
	size_t more = 0;

	for (size_t i = 0; counted && i < n; i++)
		more += counted[i] != i && counted[i] != CW_REPORT_ELSEWHERE;
	if (more)
		/* TRANSLATORS: after "2 prison visits (accounts: ...)" */
		sb_add(sb,
		       P_(" (%zu more account of one of them is listed, counted once with it)",
			  " (%zu more accounts of them are listed, each counted once with its "
			  "event)",
			  more),
		       more);
}

/* In the row of an account of an event another period counts (report.h:
 * CW_REPORT_ELSEWHERE): which account, of when, and that its figures are not added here. */
static void elsewhere_text(struct sb *detail, const struct cw_report_elsewhere *e)
{
	char hex[CW_ID_HEX_LEN + 1], date[CW_DATE_TEXT_MAX], views[200];

	cw_id_hex(&e->id, hex);
	cw_date_format(e->date, date);
	cw_views_text(cw_view_bit(e->view), views, sizeof views);
	sb_add(detail, "%s", detail->n ? "; " : "");
	if (e->before)
		/* TRANSLATORS: in a row: the event's account counted: its date, whose account,
		 * its record id */
		sb_add(detail,
		       _("another account of an event counted in an earlier period, by the "
			 "account of %s (%s, %.8s), not counted here"),
		       date, views, hex);
	else
		sb_add(detail,
		       _("another account of an event counted in a later period, by the "
			 "account of %s (%s, %.8s), not counted here"),
		       date, views, hex);
}

/* Whether the account l->items[i] says otherwise than the row l->items[row] that counts their
 * event: along the shortest chain of links between them among the event's accounts
 * (counted[k] == row), an odd number disputes (an account of the same event as one that
 * disputes the row disputes it too: a review saw the UN's "denied", linked to the NGO's
 * "denied" that disputes the government's "granted", read as agreeing with it). Two that
 * dispute one third agree with each other, as an outcome of two values reads. */
static int in_dispute(const struct cw_record_list *l, const struct accounts *acc, size_t i,
		      size_t row)
{
	size_t from = acc->start[row], to = acc->start[row + 1], most = to - from + 1;
	size_t g = 0, *member = malloc(most * sizeof *member), head = 0, tail = 0, at = SIZE_MAX;
	/* For each member: 0 not reached; 1 agrees with the row; 2 disputes it. The queue is
	 * the members in the order reached. */
	unsigned char *seen = calloc(most, 1);
	size_t *queue = malloc(most * sizeof *queue);
	int self = acc->counted[row] != row; /* the row, not among those it counts */
	int disputes;

	if (!member || !seen || !queue) {
		/* Out of memory: the direct link alone, as far as it tells. */
		free(member);
		free(seen);
		free(queue);
		return cw_timeline_link_between(&l->items[i], &l->items[row]) == CW_LINK_DISPUTES;
	}
	/* The event's accounts, in row order: the row and those it counts (a handful). */
	for (size_t x = from; x <= to; x++) {
		size_t k = x < to ? acc->rows[x] : SIZE_MAX;

		if (self && row < k) {
			if (row == i)
				at = g;
			member[g++] = row;
			self = 0;
		}
		if (x == to)
			break;
		if (k == i)
			at = g;
		member[g++] = k;
	}
	for (size_t m = 0; m < g; m++)
		if (member[m] == row) {
			seen[m] = 1;
			queue[tail++] = m;
		}
	while (head < tail && at != SIZE_MAX && !seen[at]) {
		size_t k = queue[head++];

		for (size_t m = 0; m < g; m++) {
			int rel;

			if (seen[m] || (rel = cw_timeline_link_between(&l->items[member[k]],
								       &l->items[member[m]])) ==
					       CW_LINK_UNKNOWN)
				continue;
			seen[m] = rel == CW_LINK_DISPUTES ? (unsigned char)(3 - seen[k]) : seen[k];
			queue[tail++] = m;
		}
	}
	disputes = at != SIZE_MAX && seen[at] == 2;
	free(member);
	free(seen);
	free(queue);
	return disputes;
}

/* In the row of a visit, a demonstration, a hearing or an arrest: another account of an event
 * counted by another row ("another account of the event of the row of 2024-05-01, own
 * observation, NagaWorld (1f26997d), counted there": row_ref) or
 * in another period, or, for the counted one, the accounts beside it. Its CSV column says
 * which account counts it. */
static void account_links(struct builder *b, struct sb *detail, const struct cw_record_list *l,
			  const size_t *counted, const struct cw_report_elsewhere *elsewhere,
			  size_t i)
{
	char hex[CW_ID_HEX_LEN + 1];
	uint32_t others = 0, disputing = 0;
	const struct accounts *acc;

	if (!counted || !(acc = event_accounts(b, l, counted)))
		return;
	b->sec->uncounted += counted[i] != i;
	if (counted[i] == CW_REPORT_ELSEWHERE) {
		cw_id_hex(&elsewhere[i].id, hex);
		cell(b, CW_RC_COUNTED_IN, "%s", hex);
		elsewhere_text(detail, &elsewhere[i]);
		return;
	}
	if (counted[i] != i) {
		struct sb row = {0};

		cw_id_hex(&l->items[counted[i]].id, hex);
		cell(b, CW_RC_COUNTED_IN, "%s", hex);
		row_ref(b->r, &l->items[counted[i]], &row);
		sb_add(detail, "%s", detail->n ? "; " : "");
		/* An account that says otherwise (--disputes) is said so: a supervisor read the
		 * prison director's word against the team's visit as one more account of it. */
		if (in_dispute(l, acc, i, counted[i]))
			/* TRANSLATORS: the row counted: its date, account, place or case, and
			 * record; the two accounts disagree */
			sb_add(detail,
			       _("an account in dispute with the row of %s, which counts the "
				 "event"),
			       row.s ? row.s : "");
		else
			/* TRANSLATORS: the row counted: its date, account, place or case, and
			 * record */
			sb_add(detail,
			       _("another account of the event of the row of %s, counted "
				 "there"),
			       row.s ? row.s : "");
		detail->failed |= row.failed;
		free(row.s);
		return;
	}
	for (size_t x = acc->start[i]; x < acc->start[i + 1]; x++) {
		size_t j = acc->rows[x];

		if (j == i)
			continue;
		if (in_dispute(l, acc, j, i))
			disputing |= cw_report_view_bit(&l->items[j]);
		else
			others |= cw_report_view_bit(&l->items[j]);
	}
	if (others) {
		char views[200];

		cw_views_text(others, views, sizeof views);
		sb_add(detail, "%s", detail->n ? "; " : "");
		sb_add(detail, _("also told by other accounts (%s), listed with it"), views);
	}
	if (disputing) {
		char views[200];

		cw_views_text(disputing, views, sizeof views);
		sb_add(detail, "%s", detail->n ? "; " : "");
		/* TRANSLATORS: accounts that dispute the row's, or that it disputes: "other
		 * accounts in dispute with it (government), listed with it" */
		sb_add(detail, _("other accounts in dispute with it (%s), listed with it"), views);
	}
}

/* A metric's figure, or "not recorded" (never 0) when no record gives it. A least, as the
 * summary says it ("at least 2 arrests"), goes to least_col too: the CSV's count holds exact
 * figures only. */
static void metric_cell(struct builder *b, enum cw_rcol col, enum cw_rcol least_col, size_t n,
			int at_least)
{
	if (n == CW_REPORT_NOT_RECORDED) {
		cell(b, col, "%s", _("not recorded"));
	} else if (at_least) {
		cell(b, col, _("at least %zu"), n);
		cell(b, least_col, "%zu", n);
	} else {
		cell(b, col, "%zu", n);
	}
}

/* Which figures demo_figures_differ says. */
enum { DEMO_ARRESTS = 1, DEMO_INJURED = 2 };
static void demo_figures_differ(struct sb *sb, const struct cw_report *r, int which, int view);
static void by_account_text(struct sb *sb, const struct cw_report *r,
			    const struct cw_report_by_account *by, int which);

/* A period's figure of one account (struct cw_report_by_account) for a row of the comparison:
 * its own, "not recorded" when the events it tells give none, else 0 (it tells none). */
static void account_metric_cell(struct builder *b, enum cw_rcol col, enum cw_rcol least_col,
				const struct cw_report_by_account *by, unsigned v)
{
	uint32_t bit = UINT32_C(1) << v;

	metric_cell(b, col, least_col,
		    by->given & bit  ? by->n[v]
		    : by->told & bit ? CW_REPORT_NOT_RECORDED
				     : 0,
		    (by->given & by->at_least & bit) != 0);
}

/* The comparison's rows of a figure of demonstrations several accounts give in either period:
 * one an account, never added (by_account_text). */
static void comparison_by_account(struct builder *b, int m)
{
	int arrests = m == CW_METRIC_DEMO_ARRESTS;
	const struct cw_report_by_account *cur = arrests ? &b->r->demo_arrests_by
							 : &b->r->demo_injured_by,
					  *prev = arrests ? &b->r->previous_demo_arrests_by
							  : &b->r->previous_demo_injured_by;

	for (size_t k = 0; k < CW_REPORT_VIEWS; k++) {
		unsigned v = cw_report_view_at(k);
		struct sb others = {0};

		/* an account that tells a demonstration and gives no figure too: "not recorded" */
		if (!(((cur->given | prev->given | cur->told | prev->told) >> v) & 1))
			continue;
		cell(b, CW_RC_LABEL, "%s", cw_report_metric_label((enum cw_report_metric)m));
		cell(b, CW_RC_DETAIL, "%s", cw_report_metric_name((enum cw_report_metric)m));
		account_metric_cell(b, CW_RC_COUNT, CW_RC_AT_LEAST, cur, v);
		account_metric_cell(b, CW_RC_PREVIOUS, CW_RC_PREVIOUS_AT_LEAST, prev, v);
		views_cell(b, UINT32_C(1) << v);
		demo_figures_differ(&others, b->r, arrests ? DEMO_ARRESTS : DEMO_INJURED, (int)v);
		if (others.n)
			cell(b, CW_RC_CONCERNS, "%s", others.s);
		b->failed |= others.failed;
		free(others.s);
		row_end(b);
	}
}

/* The comparison's rows. The arrests and people injured at the period's demonstrations say
 * where another account of one gives another figure than the one counted ("government gives
 * 2 arrests"), as the summary does, in a column of their own (comparison_others), and where
 * several accounts give them, a row an account (comparison_by_account). */
static void comparison(struct builder *b)
{
	for (int m = 0; m < CW_METRIC_COUNT; m++) {
		/* Hearings the team was turned away from: a row only when there were any (JSON
		 * and every other row always have it). */
		if (m == CW_METRIC_HEARINGS_KEPT_OUT && !b->r->counts[m] && !b->r->previous[m])
			continue;
		if ((m == CW_METRIC_DEMO_ARRESTS &&
		     cw_report_several(b->r->demo_arrests_by.given |
				       b->r->previous_demo_arrests_by.given)) ||
		    (m == CW_METRIC_DEMO_INJURED &&
		     cw_report_several(b->r->demo_injured_by.given |
				       b->r->previous_demo_injured_by.given))) {
			comparison_by_account(b, m);
			continue;
		}
		cell(b, CW_RC_LABEL, "%s", cw_report_metric_label((enum cw_report_metric)m));
		cell(b, CW_RC_DETAIL, "%s", cw_report_metric_name((enum cw_report_metric)m));
		metric_cell(b, CW_RC_COUNT, CW_RC_AT_LEAST, b->r->counts[m],
			    (m == CW_METRIC_DEMO_ARRESTS && b->r->demo_arrests_at_least) ||
				    (m == CW_METRIC_DEMO_INJURED && b->r->demo_injured_at_least));
		metric_cell(b, CW_RC_PREVIOUS, CW_RC_PREVIOUS_AT_LEAST, b->r->previous[m],
			    (m == CW_METRIC_DEMO_ARRESTS && b->r->previous_demo_arrests_at_least) ||
				    (m == CW_METRIC_DEMO_INJURED &&
				     b->r->previous_demo_injured_at_least));
		/* Whose accounts the two figures are drawn from (JSON has each period's). */
		views_cell(b, b->r->counts_views[m] | b->r->previous_views[m]);
		if (m == CW_METRIC_DEMO_ARRESTS || m == CW_METRIC_DEMO_INJURED) {
			struct sb others = {0};

			demo_figures_differ(
				&others, b->r,
				m == CW_METRIC_DEMO_ARRESTS ? DEMO_ARRESTS : DEMO_INJURED, -1);
			if (others.n)
				cell(b, CW_RC_CONCERNS, "%s", others.s);
			b->failed |= others.failed;
			free(others.s);
		}
		row_end(b);
	}
}

/* After the comparison's note: each figure of demonstrations whose two periods come from
 * different accounts (cw_report_accounts_differ), which its rows give account by account, said
 * to (a partner read the team's 5 arrests against a government's 2 of the week before as one
 * source's figures). */
static void comparison_differ(struct cw_rsection *s, const struct cw_report *r)
{
	static const enum cw_report_metric m[] = {CW_METRIC_DEMO_ARRESTS, CW_METRIC_DEMO_INJURED};
	const struct cw_report_by_account *cur[] = {&r->demo_arrests_by, &r->demo_injured_by},
					  *prev[] = {&r->previous_demo_arrests_by,
						     &r->previous_demo_injured_by};
	struct sb sb = {0};

	if (!s->note)
		return;
	for (size_t k = 0; k < sizeof m / sizeof m[0]; k++) {
		char now[200], before[200];

		if (!cw_report_accounts_differ(cur[k], prev[k]))
			continue;
		cw_views_text(cur[k]->given, now, sizeof now);
		cw_views_text(prev[k]->given, before, sizeof before);
		/* TRANSLATORS: after the comparison's note: a figure ("arrests at
		 * demonstrations") and the accounts that give it this period and the previous
		 * one */
		sb_add(&sb,
		       _(" The figures of %s of the two periods come from different accounts (this "
			 "period: %s; previous period: %s): each account's is on a row of its own, "
			 "and they are not one source's figures to compare."),
		       cw_report_metric_label(m[k]), now, before);
	}
	if (!sb.n)
		return;
	if (!sb.failed) {
		struct sb all = {0};

		sb_add(&all, "%s%s", s->note, sb.s);
		if (!all.failed) {
			free(s->note);
			s->note = all.s;
		} else {
			free(all.s);
		}
	}
	free(sb.s);
}

/* The comparison's column of what other accounts give, shown when a row has any (a report
 * with none keeps its four columns; CSV has the column always, as "concerns"). */
static void comparison_others(struct cw_rsection *s)
{
	for (size_t i = 0; i < s->nrows; i++)
		if (CW_RDOC_CELL(s, i, CW_RC_CONCERNS) && *CW_RDOC_CELL(s, i, CW_RC_CONCERNS) &&
		    s->ncols < CW_RSECTION_COLS) {
			s->cols[s->ncols] = CW_RC_CONCERNS;
			/* TRANSLATORS: the comparison's column of another account's differing
			 * figure: "government gives 2 arrests" */
			s->headers[s->ncols++] = _("Other accounts, this period");
			return;
		}
}

/* The title of a case the report names, for a note: "no case" when it has none or is gone. */
static const char *case_title(const struct cw_report *r, const struct cw_id *case_id)
{
	const struct cw_record *k = cw_report_ref(r, case_id);

	return k && k->kind == CW_KIND_CASE && k->u.kase.title ? k->u.kase.title : _("no case");
}

/* Where another account of a hearing counted in row f on this side answers otherwise: "accounts
 * differ (hearing of 2023-10-05, NagaWorld strike): own observation says yes, UN says no", or
 * "... own observation does not say, UN says no" when the one counted leaves it unanswered.
 * The count is the counted account's; the other is said, never settled. */
/* Whose account rec is, for a note beside another account `beside`: its view ("UN"), and when
 * that is beside's too, its source or else its id, so that two UN accounts read apart. */
static void account_label(const struct cw_record *rec, const struct cw_record *beside,
			  struct sb *out)
{
	char hex[CW_ID_HEX_LEN + 1];

	sb_add(out, "%s", _(cw_enum_label(&cw_words_view, rec->view)));
	if (rec->view != beside->view)
		return;
	/* By its source when that tells them apart, else by the record's first digits (two
	 * monitors' "own" read "own observation (own) says yes, own observation (own) says
	 * no"); never by a monitor's name, in what partners read. */
	if (rec->source && *rec->source &&
	    (!beside->source || strcmp(rec->source, beside->source) != 0)) {
		sb_add(out, " (%s)", rec->source);
		return;
	}
	cw_id_hex(&rec->id, hex);
	sb_add(out, " (%.8s)", hex);
}

static void fair_differ_notes(struct builder *b, struct sb *notes, size_t f, int side)
{
	const struct cw_report *r = b->r;

	for (size_t i = 0; i < r->nfair_differ; i++) {
		const struct cw_report_fair_differ *d = &r->fair_differ[i];
		const struct cw_record *counted = &r->hearings.items[d->counted];
		const struct cw_record *other = &r->hearings.items[d->other];
		char date[CW_DATE_TEXT_MAX];
		struct sb mine = {0}, theirs = {0};
		const char *title;
		unsigned a, o;

		if (d->row != f || cw_report_hearing_is_own(counted) != (side == CW_FAIR_SIDE_OWN))
			continue;
		title = case_title(r, &counted->u.hearing.case_id);
		a = cw_report_fair_answer(&counted->u.hearing, &r->fair[f], NULL);
		o = cw_report_fair_answer(&other->u.hearing, &r->fair[f], NULL);
		cw_date_format(counted->u.hearing.date, date);
		account_label(counted, other, &mine);
		account_label(other, counted, &theirs);
		sb_add(notes, "%s", notes->n ? "; " : "");
		if (a == CW_ANSWER_UNKNOWN)
			sb_add(notes,
			       _("accounts differ (hearing of %s, %s): %s does not say, %s says "
				 "%s"),
			       date, title, mine.s ? mine.s : "", theirs.s ? theirs.s : "",
			       word(&cw_words_answer, o));
		else
			sb_add(notes,
			       _("accounts differ (hearing of %s, %s): %s says %s, %s says %s"),
			       date, title, mine.s ? mine.s : "", word(&cw_words_answer, a),
			       theirs.s ? theirs.s : "", word(&cw_words_answer, o));
		notes->failed |= mine.failed | theirs.failed;
		free(mine.s);
		free(theirs.s);
	}
}

/* Fair-trial indicators across the period's hearings: for each side that has hearings (the
 * team's own first), each indicator with how many hearings met it, did not, found it not
 * applicable or left it unknown, and the notes with the hearing each is from. */
static void fair_trial(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (int side = CW_FAIR_SIDE_OWN; side <= CW_FAIR_SIDE_REPORTED; side++) {
		if (!cw_report_side_hearings(r, side))
			continue;
		for (size_t f = 0; f < r->nfair; f++) {
			const struct cw_report_fair *fr = &r->fair[f];
			struct sb notes = {0};

			cell(b, CW_RC_LABEL, "%s", _(fr->label));
			cell(b, CW_RC_ACCOUNT, "%s",
			     side == CW_FAIR_SIDE_OWN ? _("monitored by the team")
						      : _("reported in documents"));
			cell(b, CW_RC_MET, "%zu", fr->answers[side][CW_ANSWER_YES]);
			cell(b, CW_RC_NOT_MET, "%zu", fr->answers[side][CW_ANSWER_NO]);
			cell(b, CW_RC_NA, "%zu", fr->answers[side][CW_ANSWER_NA]);
			cell(b, CW_RC_UNKNOWN, "%zu", fr->answers[side][CW_ANSWER_UNKNOWN]);
			for (size_t i = 0; i < r->hearings.n; i++) {
				const struct cw_record *rec = &r->hearings.items[i];
				const struct cw_hearing *h = &rec->u.hearing;
				const char *text, *title;
				char d[CW_DATE_TEXT_MAX];
				unsigned a;

				if (cw_report_hearing_is_own(rec) != (side == CW_FAIR_SIDE_OWN))
					continue;
				a = cw_report_fair_answer(h, fr, &text);
				if (!text)
					continue;
				cw_date_format(h->date, d);
				title = case_title(r, &h->case_id);
				/* "no: gallery closed (2024-02-07, NagaWorld strike)"; a document's
				 * account of a hearing the team observed is counted with the
				 * team's, not in this row, and its note says so. */
				sb_add(&notes, "%s", notes.n ? "; " : "");
				if (r->hearing_own && r->hearing_own[i] != SIZE_MAX)
					sb_add(&notes,
					       _("%s: %s (hearing of %s, %s: another account of a "
						 "hearing the team observed, counted there)"),
					       word(&cw_words_answer, a ? a : CW_ANSWER_UNKNOWN),
					       text, d, title);
				else
					sb_add(&notes, _("%s: %s (hearing of %s, %s)"),
					       word(&cw_words_answer, a ? a : CW_ANSWER_UNKNOWN),
					       text, d, title);
			}
			fair_differ_notes(b, &notes, f, side);
			cell_take(b, CW_RC_DETAIL, &notes);
			row_end(b);
		}
	}
}

static char *note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *note(const char *fmt, ...)
{
	va_list ap;
	char buf[2048];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return strdup(buf);
}

/* ---- the header ------------------------------------------------------------------------- */

static int header_line(struct cw_rdoc *doc, const char *key, const char *label, const char *value)
{
	struct cw_rline *l;

	if (doc->nheader >= CW_RDOC_HEADER_MAX)
		return 0;
	l = &doc->header[doc->nheader];
	if (!(l->value = cw_rtext(value)))
		return CW_ENOMEM;
	l->key = key;
	l->label = label;
	doc->nheader++;
	return 0;
}

/* "2024-02-12 10:00 (UTC+7)": Cambodian time, whatever the machine's time zone, as the
 * report's dates are. */
static void generated_text(int64_t us, char *buf, size_t len)
{
	time_t t = (time_t)(us / 1000000) + 7 * 3600;
	struct tm tm;

	if (!gmtime_r(&t, &tm)) {
		snprintf(buf, len, "?");
		return;
	}
	snprintf(buf, len, "%04d-%02d-%02d %02d:%02d (UTC+7)", tm.tm_year + 1900, tm.tm_mon + 1,
		 tm.tm_mday, tm.tm_hour, tm.tm_min);
}

/* Beside the confidentiality note: how many confidential records were left out (so the
 * figures are read for what they are), or that confidential material is in it
 * (report/confidential.h). No line when neither. */
static int confidential_line(const struct cw_report *r, struct cw_rdoc *doc)
{
	char note[CW_WITHHELD_NOTE_MAX];

	cw_withheld_note(&r->confidential, note, sizeof note);
	return note[0] ? header_line(doc, "confidential", _("Confidential records"), note) : 0;
}

/* Records the report uses that wait with an unresolved conflict (report.h: conflicted): its
 * figures rest on the version shown, which another laptop's may contradict, so a reader is
 * told, with the command that resolves them. No line when none. */
static int conflicts_line(const struct cw_report *r, struct cw_rdoc *doc)
{
	char line[600];

	if (!r->conflicted)
		return 0;
	snprintf(line, sizeof line,
		 P_("%zu record used here has an unresolved conflict (two laptops edited it "
		    "apart): the figures use the version shown; 'casewatch conflicts' lists the "
		    "versions and resolves it",
		    "%zu records used here have unresolved conflicts (two laptops edited them "
		    "apart): the figures use the versions shown; 'casewatch conflicts' lists the "
		    "versions and resolves them",
		    r->conflicted),
		 r->conflicted);
	return header_line(doc, "conflicts", _("Unresolved conflicts"), line);
}

/* Records the report uses that name one person twice with entries that differ (report.h:
 * doubled): a figure read from one (days in detention, attendance) rests on one of two entries
 * nobody chose, so a reader is told, with the command that says how to make them one. No line
 * when none. */
static int doubled_line(const struct cw_report *r, struct cw_rdoc *doc)
{
	char line[700];

	if (!r->doubled)
		return 0;
	snprintf(line, sizeof line,
		 P_("%zu record used here names one person twice with entries that differ "
		    "(another laptop merged two people into one): its figures may use either "
		    "entry; 'casewatch conflicts' lists it and says how to make them one",
		    "%zu records used here name one person twice with entries that differ "
		    "(another laptop merged two people into one): their figures may use either "
		    "entry; 'casewatch conflicts' lists them and says how to make them one",
		    r->doubled),
		 r->doubled);
	return header_line(doc, "doubled", _("Entries to make one"), line);
}

/* A bundle of the team's known lost (report.h: bundles_missing): a week that reads quiet may
 * be one whose records are on a stick in a taxi. Names no laptop: the import named it. */
static int bundles_missing_line(const struct cw_report *r, struct cw_rdoc *doc)
{
	char line[700];

	if (!r->bundles_missing)
		return 0;
	snprintf(line, sizeof line,
		 P_("a bundle from %zu of the team's laptops was not imported here (lost on the "
		    "way, or not imported yet): what it held, whatever its dates, is not in these "
		    "figures until it is imported or that laptop sends a bundle of everything",
		    "a bundle from each of %zu of the team's laptops was not imported here (lost "
		    "on the way, or not imported yet): what they held, whatever its dates, is not "
		    "in these figures until they are imported or those laptops send a bundle of "
		    "everything",
		    r->bundles_missing),
		 r->bundles_missing);
	return header_line(doc, "bundles_missing", _("Bundles missing"), line);
}

int cw_rdoc_header(const struct cw_report *r, struct cw_rdoc *doc)
{
	const struct cw_report_about *a = &r->about;
	char from[CW_DATE_TEXT_MAX], to[CW_DATE_TEXT_MAX], filter[1024], when[64];
	int rc = 0;

	cw_date_format(r->from, from);
	cw_date_format(r->to, to);
	if (r->week) {
		snprintf(doc->title, sizeof doc->title, _("casewatch weekly summary, %04d-W%02d"),
			 r->week_year, r->week);
		snprintf(doc->period, sizeof doc->period, _("%s to %s (ISO week %04d-W%02d)"), from,
			 to, r->week_year, r->week);
	} else {
		snprintf(doc->title, sizeof doc->title, _("casewatch summary, %s to %s"), from, to);
		snprintf(doc->period, sizeof doc->period, _("%s to %s"), from, to);
	}
	cw_report_filter_text(r, filter, sizeof filter);
	free(doc->filter);
	if (!(doc->filter = cw_rtext(filter)))
		return CW_ENOMEM;
	/* Who it is from, for which period, by whom, when, and for whose eyes: what a partner
	 * reads first. A line added here is in every format. */
	if (a->organisation && a->organisation[0])
		rc = header_line(doc, "organisation", _("Organisation"), a->organisation);
	if (rc == 0)
		rc = header_line(doc, "period", _("Period"), doc->period);
	if (rc == 0 && a->author && a->author[0])
		rc = header_line(doc, "author", _("Author"), a->author);
	if (rc == 0 && a->generated_us) {
		generated_text(a->generated_us, when, sizeof when);
		rc = header_line(doc, "generated", _("Generated on"), when);
	}
	if (rc == 0)
		rc = header_line(doc, "confidentiality", _("Confidentiality"),
				 a->confidentiality && a->confidentiality[0]
					 ? a->confidentiality
					 : _(cw_report_confidentiality_default));
	if (rc == 0)
		rc = confidential_line(r, doc);
	if (rc == 0)
		rc = conflicts_line(r, doc);
	if (rc == 0)
		rc = doubled_line(r, doc);
	if (rc == 0)
		rc = bundles_missing_line(r, doc);
	if (rc == 0 && a->signed_by && a->signed_by[0]) {
		char line[900]; /* Khmer takes three bytes a letter */

		snprintf(
			line, sizeof line,
			_("in the .sig file beside this one, by the key with fingerprint %s: "
			  "'casewatch check-signature' checks it; compare the fingerprint with the "
			  "one its author reads you"),
			a->signed_by);
		rc = header_line(doc, "signature", _("Signature"), line);
	}
	if (rc == 0)
		rc = header_line(doc, "filter", _("Filter"), filter[0] ? filter : _("none"));
	return rc;
}

/* ---- the written summary ---------------------------------------------------------------- */

/* The account of a record as a bit of a set of accounts (none for an account out of range). */

/* The distinct accounts in a set, "(account: UN)", "(accounts: UN, government)", and after
 * them, when more is not empty, what other accounts give ("(account: UN; government gives 2
 * arrests)"). */
static void accounts_and(struct sb *sb, uint32_t seen, const struct sb *more)
{
	size_t k = 0;

	for (unsigned v = 0; v < 32; v++)
		k += (seen >> v) & 1;
	sb->failed |= more && more->failed;
	if (!k)
		return;
	sb_add(sb, " (%s ", P_("account:", "accounts:", k));
	views_text(sb, seen);
	if (more && more->n)
		sb_add(sb, "; %s", more->s);
	sb_add(sb, ")");
}

static void accounts(struct sb *sb, uint32_t seen)
{
	accounts_and(sb, seen, NULL);
}

/* "5 arrests", "at least 2 arrests". */
static void arrests_text(struct sb *sb, int64_t n, int at_least)
{
	size_t k = (size_t)n;

	if (at_least)
		sb_add(sb, P_("at least %zu arrest", "at least %zu arrests", k), k);
	else
		sb_add(sb, P_("%zu arrest", "%zu arrests", k), k);
}

/* Where another account of a visit counted by another row gives another access than the
 * account counted, which the summary's "refused access" and "restricted" count: each, "UN
 * says access was restricted", with the visit's date and facility when the period has
 * several. */
static void visit_access_differ(struct sb *sb, const struct cw_report *r)
{
	const size_t *counted = r->visit_counted;

	for (size_t j = 0; counted && j < r->visits.n; j++) {
		const struct cw_record *rec = &r->visits.items[j];
		const struct cw_visit *v = &rec->u.visit;
		const char *view = _(cw_enum_label(&cw_words_view, rec->view));
		const char *access = word(&cw_words_access, v->access);

		if (!cw_report_visit_access_differs(&r->visits, counted, j))
			continue;
		sb_add(sb, "%s", sb->n ? "; " : "");
		if (r->counts[CW_METRIC_VISITS] > 1) {
			char date[CW_DATE_TEXT_MAX];

			cw_date_format(v->date, date);
			/* TRANSLATORS: where another account of one of the period's prison visits
			 * gives another access: its date, facility, whose account, "restricted" */
			sb_add(sb, _("at the visit of %s (%s), %s says access was %s"), date,
			       str(v->facility), view, access);
		} else {
			/* TRANSLATORS: another account of the period's prison visit and the access
			 * it gives: "UN says access was restricted" */
			sb_add(sb, _("%s says access was %s"), view, access);
		}
	}
}

/* "3 injured", "at least 3 injured". */
static void injured_text(struct sb *sb, int64_t n, int at_least)
{
	size_t k = (size_t)n;

	if (at_least)
		/* TRANSLATORS: people injured at demonstrations */
		sb_add(sb, P_("at least %zu injured", "at least %zu injured", k), k);
	else
		/* TRANSLATORS: people injured at demonstrations */
		sb_add(sb, P_("%zu injured", "%zu injured", k), k);
}

/* Where other accounts of the period's demonstrations give their arrests or the people
 * injured (those of `which`) otherwise than the figure counted
 * (cw_report_demo_arrests_differ, cw_report_demo_injured_differ): each, "government gives 2
 * arrests", "government gives 2 arrests and 0 injured", with the demonstration's date and
 * place when the period has several. With a view (enum cw_view; -1: any) and one figure in
 * `which`, only where the figure counted is that account's (struct cw_report_by_account). */
static void demo_figures_differ(struct sb *sb, const struct cw_report *r, int which, int view_of)
{
	for (size_t j = 0; j < r->demos.n; j++) {
		const struct cw_record *rec = &r->demos.items[j];
		struct sb arrests = {0};
		int at_least = 0, injured_at_least = 0;
		int64_t n = which & DEMO_ARRESTS
				    ? cw_report_demo_arrests_differ(&r->demos, r->demo_counted,
								    r->demo_next, j, &at_least)
				    : -1;
		int64_t injured =
			which & DEMO_INJURED
				? cw_report_demo_injured_differ(&r->demos, r->demo_counted,
								r->demo_next, j, &injured_at_least)
				: -1;
		const char *view = _(cw_enum_label(&cw_words_view, rec->view));

		if (n < 0 && injured < 0)
			continue;
		if (view_of >= 0) {
			/* differing: counted[j] is the row of another account of its event */
			size_t from = j;
			int least;

			if (which & DEMO_ARRESTS)
				(void)cw_report_event_arrests(&r->demos, r->demo_counted,
							      r->demo_next, r->demo_counted[j],
							      &least, &from);
			else
				(void)cw_report_event_injured(&r->demos, r->demo_counted,
							      r->demo_next, r->demo_counted[j],
							      &least, &from);
			if (r->demos.items[from].view != (unsigned)view_of)
				continue;
		}
		if (n >= 0)
			arrests_text(&arrests, n, at_least);
		if (n >= 0 && injured >= 0)
			/* TRANSLATORS: between another account's arrests and people injured:
			 * "2 arrests and 0 injured" */
			sb_add(&arrests, "%s", _(" and "));
		if (injured >= 0)
			injured_text(&arrests, injured, injured_at_least);
		sb_add(sb, "%s", sb->n ? "; " : "");
		if (r->counts[CW_METRIC_DEMOS] > 1) {
			const struct cw_demo *d = &rec->u.demo;
			char date[CW_DATE_TEXT_MAX];

			cw_date_format(d->date, date);
			/* TRANSLATORS: where another account of one of the period's
			 * demonstrations gives other arrests or injured: its date, its place,
			 * whose account, "1 arrest" */
			sb_add(sb, _("at the demonstration of %s (%s%s%s), %s gives %s"), date,
			       str(d->place), d->place && d->province ? ", " : "", str(d->province),
			       view, arrests.s ? arrests.s : "");
		} else {
			/* TRANSLATORS: another account of the period's demonstration and the
			 * arrests or injured it gives: "government gives 2 arrests" */
			sb_add(sb, _("%s gives %s"), view, arrests.s ? arrests.s : "");
		}
		sb->failed |= arrests.failed;
		free(arrests.s);
	}
}

static void demo_arrests_differ(struct sb *sb, const struct cw_report *r)
{
	demo_figures_differ(sb, r, DEMO_ARRESTS | DEMO_INJURED, -1);
}

/* A figure of the period's demonstrations that several accounts give (`which`: arrests or
 * injured), each account's apart and never added, the team's first, with where a linked
 * account gives another figure than the one counted: "5 arrests (account: own observation)
 * and 2 arrests (account: government)". */
static void by_account_text(struct sb *sb, const struct cw_report *r,
			    const struct cw_report_by_account *by, int which)
{
	size_t said = 0, accounts = 0;

	for (size_t k = 0; k < CW_REPORT_VIEWS; k++)
		accounts += (by->given >> cw_report_view_at(k)) & 1;
	for (size_t k = 0; k < CW_REPORT_VIEWS; k++) {
		unsigned v = cw_report_view_at(k);
		uint32_t bit = UINT32_C(1) << v;
		struct sb differ = {0};

		if (!(by->given & bit))
			continue;
		if (said)
			sb_add(sb, "%s", said + 1 == accounts ? _(" and ") : _(", "));
		if (which == DEMO_ARRESTS)
			arrests_text(sb, (int64_t)by->n[v], (by->at_least & bit) != 0);
		else
			injured_text(sb, (int64_t)by->n[v], (by->at_least & bit) != 0);
		demo_figures_differ(&differ, r, which, (int)v);
		accounts_and(sb, bit, &differ);
		free(differ.s);
		said++;
	}
}

/* The period's demonstrations' figures, account by account, where several accounts give their
 * arrests or the people injured: "own observation gives 5 arrests and 3 injured, government
 * gives 2 arrests" (the team's first); an account that tells demonstrations and gives neither,
 * "UN gives no figure" (said nowhere else, it read as if every arrest were counted). */
static void demo_accounts_give(struct sb *sb, const struct cw_report *r)
{
	const struct cw_report_by_account *a = &r->demo_arrests_by, *in = &r->demo_injured_by;
	int first = 1;

	for (size_t k = 0; k < CW_REPORT_VIEWS; k++) {
		unsigned v = cw_report_view_at(k);
		uint32_t bit = UINT32_C(1) << v;
		struct sb figures = {0};

		if (!((a->given | in->given | a->told | in->told) & bit))
			continue;
		if (!((a->given | in->given) & bit)) {
			sb_add(sb, "%s", first ? "" : _(", "));
			if (v == CW_VIEW_UNKNOWN)
				/* TRANSLATORS: records of the period's demonstrations that give no
				 * account and give neither their arrests nor the people injured */
				sb_add(sb, "%s", _("accounts not recorded give no figure"));
			else
				/* TRANSLATORS: an account of the period's demonstrations that
				 * gives neither their arrests nor the people injured: "UN gives no
				 * figure" */
				sb_add(sb, _("%s gives no figure"),
				       _(cw_enum_label(&cw_words_view, v)));
			first = 0;
			continue;
		}
		if (a->given & bit)
			arrests_text(&figures, (int64_t)a->n[v], (a->at_least & bit) != 0);
		if ((a->given & bit) && (in->given & bit))
			sb_add(&figures, "%s", _(" and "));
		if (in->given & bit)
			injured_text(&figures, (int64_t)in->n[v], (in->at_least & bit) != 0);
		sb_add(sb, "%s", first ? "" : _(", "));
		if (v == CW_VIEW_UNKNOWN)
			/* TRANSLATORS: the arrests or injured at the period's demonstrations
			 * that records giving no account give: "2 arrests" */
			sb_add(sb, _("accounts not recorded give %s"), figures.s ? figures.s : "");
		else
			/* TRANSLATORS: another account of the period's demonstration and the
			 * arrests or injured it gives: "government gives 2 arrests" */
			sb_add(sb, _("%s gives %s"), _(cw_enum_label(&cw_words_view, v)),
			       figures.s ? figures.s : "");
		sb->failed |= figures.failed;
		free(figures.s);
		first = 0;
	}
}

/* Where events the period counts may be one demonstration, not linked as one
 * (cw_report_demo_unlinked): each such set, "; 2 of them, on 2024-03-06 at Freedom Park
 * (accounts: government, own observation), are not linked as one event and may be the same
 * demonstration" (a government's account of a demonstration the team logged too, left unlinked,
 * read as a second demonstration and its arrests as more). */
static void demo_unlinked_text(struct sb *sb, const struct cw_report *r)
{
	const size_t *counted = r->demo_counted;

	for (size_t i = 0; i < r->demos.n; i++) {
		const struct cw_demo *d = &r->demos.items[i].u.demo;
		uint32_t views = cw_report_view_bit(&r->demos.items[i]);
		struct sb which = {0};
		char date[CW_DATE_TEXT_MAX];
		const size_t *rows;
		size_t k = 1, n;
		int earlier = 0;

		if (!cw_report_counted(counted, i))
			continue;
		/* Said once, at the first row of the set (cw_report_demo_unlinked reads both
		 * ways alike): the rows that may be this one's, in row order. */
		n = cw_report_demo_same(r, i, &rows);
		earlier = n && rows[0] < i;
		for (size_t m = 0; !earlier && m < n; m++) {
			k++;
			views |= cw_report_view_bit(&r->demos.items[rows[m]]);
		}
		if (earlier || k < 2)
			continue;
		cw_date_format(d->date, date);
		accounts(&which, views);
		sb_add(sb, "; ");
		/* TRANSLATORS: demonstrations the period counts as several that may be one: how
		 * many, their day, their place and " (accounts: government, own observation)" */
		sb_add(sb,
		       P_("%zu of them, on %s at %s%s, is not linked as one event and may be the "
			  "same demonstration",
			  "%zu of them, on %s at %s%s, are not linked as one event and may be the "
			  "same demonstration",
			  k),
		       k, date, str(d->place), which.s ? which.s : "");
		sb->failed |= which.failed;
		free(which.s);
	}
}

/* The arrests at the period's demonstrations set against the arrests logged: the figure, or,
 * when several accounts give theirs, the largest of them (they are not added). */
static size_t demo_arrests_said(const struct cw_report *r, const size_t *c)
{
	size_t most = 0;

	if (!cw_report_several(r->demo_arrests_by.given))
		return demo_arrests(c);
	for (size_t v = 0; v < CW_REPORT_VIEWS; v++)
		if (r->demo_arrests_by.n[v] > most)
			most = r->demo_arrests_by.n[v];
	return most;
}

/* The arrests the period's demonstrations recorded, "2 arrests", or "at least 2 arrests" when
 * a demonstration of the period recorded arrests with no number, as the demonstrations' own
 * sentence says it, and whose accounts the figure is drawn from, with another account's
 * differing figure: "4 arrests (account: UN; government gives 2 arrests)". */
static void demo_arrests_text(struct sb *sb, const struct cw_report *r, const size_t *c,
			      const char *fmt) __attribute__((format(printf, 4, 0)));

/* Adds fmt to sb with the arrests the demonstrations recorded for its %s: "4 arrests
 * (account: UN; government gives 2 arrests)". */
static void demo_arrests_text(struct sb *sb, const struct cw_report *r, const size_t *c,
			      const char *fmt)
{
	struct sb text = {0}, differ = {0};

	/* Several accounts give theirs: each apart, never added (by_account_text). */
	if (cw_report_several(r->demo_arrests_by.given)) {
		by_account_text(&text, r, &r->demo_arrests_by, DEMO_ARRESTS);
	} else {
		arrests_text(&text, (int64_t)demo_arrests(c), r->demo_arrests_at_least);
		demo_figures_differ(&differ, r, DEMO_ARRESTS, -1);
		accounts_and(&text, r->counts_views[CW_METRIC_DEMO_ARRESTS], &differ);
	}
	sb_add(sb, fmt, text.s ? text.s : "");
	sb->failed |= text.failed;
	free(differ.s);
	free(text.s);
}

/* The accounts of every record of a list (of one side's hearings only, for side >= 0). */
static void list_accounts(struct sb *sb, const struct cw_record_list *l, int side)
{
	uint32_t seen = 0;

	for (size_t i = 0; i < l->n; i++)
		if (side < 0 ||
		    cw_report_hearing_is_own(&l->items[i]) == (side == CW_FAIR_SIDE_OWN))
			seen |= cw_report_view_bit(&l->items[i]);
	accounts(sb, seen);
}

/* The mark that ends a sentence of the summary. */
static const char *stop(void)
{
	/* TRANSLATORS: the full stop that ends a sentence of the report's summary (Khmer: ។) */
	return _(".");
}

/* "2 adjourned, 1 with a verdict" for one side's hearings, in a fixed order. */
static void outcome_list(struct sb *sb, const size_t counts[CW_REPORT_OUTCOMES_MAX])
{
	static const unsigned order[] = {CW_OUTCOME_ADJOURNED,     CW_OUTCOME_VERDICT,
					 CW_OUTCOME_BAIL_DECISION, CW_OUTCOME_CONTINUED,
					 CW_OUTCOME_SUSPENDED,     CW_OUTCOME_POSTPONED,
					 CW_OUTCOME_OTHER,         CW_OUTCOME_UNKNOWN};
	int first = 1;

	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		size_t k = counts[order[i]];
		const char *fmt;

		if (!k)
			continue;
		switch (order[i]) {
		case CW_OUTCOME_ADJOURNED:
			fmt = P_("%zu adjourned", "%zu adjourned", k);
			break;
		case CW_OUTCOME_VERDICT:
			fmt = P_("%zu with a verdict", "%zu with a verdict", k);
			break;
		case CW_OUTCOME_BAIL_DECISION:
			fmt = P_("%zu with a bail decision", "%zu with a bail decision", k);
			break;
		case CW_OUTCOME_CONTINUED:
			fmt = P_("%zu continued", "%zu continued", k);
			break;
		case CW_OUTCOME_SUSPENDED:
			fmt = P_("%zu suspended", "%zu suspended", k);
			break;
		case CW_OUTCOME_POSTPONED:
			fmt = P_("%zu postponed", "%zu postponed", k);
			break;
		case CW_OUTCOME_OTHER:
			fmt = P_("%zu with another outcome", "%zu with another outcome", k);
			break;
		default:
			fmt = P_("%zu with no outcome recorded", "%zu with no outcome recorded", k);
		}
		/* TRANSLATORS: before the list of outcomes: "3 hearings: 2 adjourned, ..." */
		sb_add(sb, "%s", first ? _(": ") : _(", "));
		sb_add(sb, fmt, k);
		first = 0;
	}
}

/* Indicators not met on one side: "public hearing (1 hearing), interpreter provided (2
 * hearings)"; 0 when none was. */
static int not_met_list(struct sb *sb, const struct cw_report *r, int side)
{
	int any = 0;

	for (size_t f = 0; f < r->nfair; f++) {
		size_t k = r->fair[f].answers[side][CW_ANSWER_NO];

		if (!k)
			continue;
		sb_add(sb, "%s", any ? _(", ") : "");
		/* "press not admitted", as the hearing's row says it: "press admitted" in a list
		 * of what was not met read as the opposite */
		sb_add(sb, P_("%s (%zu hearing)", "%s (%zu hearings)", k),
		       !r->fair[f].field                              ? _(r->fair[f].label)
		       : !strcmp(r->fair[f].field, "public_admitted") ? _("public not admitted")
		       : !strcmp(r->fair[f].field, "press_admitted")  ? _("press not admitted")
								      : _("monitors not admitted"),
		       k);
		any = 1;
	}
	return any;
}

/* Whether any of one side's hearings answered a fair-trial indicator (or who was admitted)
 * yes or no: without one, "none was recorded as not met" would read as "no problems found". */
static int any_answered(const struct cw_report *r, int side)
{
	for (size_t f = 0; f < r->nfair; f++)
		if (r->fair[f].answers[side][CW_ANSWER_YES] ||
		    r->fair[f].answers[side][CW_ANSWER_NO])
			return 1;
	return 0;
}

/* What each decision was, counted per defendant and ruling (report.h): its result when every
 * charge it lists has the same one, "different results by charge" when not, "accounts that
 * differ" when two accounts of the hearing give one charge different results; a milestone
 * with no result by its type, a hearing's verdict with none itemised as "verdict". */
enum {
	RESULT_MILESTONE = 32,
	RESULT_UNITEMISED = 64,
	RESULT_MIXED,
	RESULT_ACCOUNTS_DIFFER,
	RESULT_KINDS
};

static unsigned row_result(const struct cw_report_verdict *v)
{
	const struct cw_record *rec = v->rec;

	if (rec->kind == CW_KIND_HEARING && v->index != SIZE_MAX) {
		unsigned res = ((const struct cw_verdict *)rec->u.hearing.verdicts.items + v->index)
				       ->result;

		return res < 32 ? res : 0;
	}
	if (rec->kind == CW_KIND_HEARING)
		return RESULT_UNITEMISED;
	if (rec->u.milestone.result) /* counted by its result, as its row says */
		return rec->u.milestone.result < 32 ? rec->u.milestone.result : 0;
	return RESULT_MILESTONE + (rec->u.milestone.type < 32 ? rec->u.milestone.type : 0);
}

/* Whether an arrest of the period is of a group whose number neither it nor its case gives:
 * counted as one, so the figure is "at least". */
static int arrests_partial(const struct cw_report *r)
{
	for (size_t i = 0; i < r->arrests.n; i++) {
		const struct cw_milestone *m = &r->arrests.items[i].u.milestone;

		if (m->type == CW_MS_ARREST && m->group &&
		    cw_report_milestone_group_count(r, m) <= 0)
			return 1;
	}
	return 0;
}

/* What a verdict row rules on, to compare rows of different records: its case, date,
 * defendant (a person, or a group by label) and charge. */
struct ruling_key {
	const struct cw_id *case_id;
	struct cw_date date;
	const struct cw_id *person;
	const char *group;
	struct cw_article article;
	int has_article;
};

static void ruling_key(const struct cw_report_verdict *v, struct ruling_key *k)
{
	const struct cw_record *rec = v->rec;

	memset(k, 0, sizeof *k);
	k->has_article = cw_report_verdict_article(v, &k->article);
	if (rec->kind == CW_KIND_HEARING) {
		k->case_id = &rec->u.hearing.case_id;
		k->date = rec->u.hearing.date;
		if (v->index != SIZE_MAX) {
			k->person = &v->person;
			k->group = v->group;
		}
	} else {
		k->case_id = &rec->u.milestone.case_id;
		k->date = rec->u.milestone.date;
		k->person = &rec->u.milestone.person;
		k->group = rec->u.milestone.group;
	}
}

static int same_ruling_subject(const struct ruling_key *a, const struct ruling_key *b)
{
	if (!a->person || !b->person || !cw_date_is_known(a->date) ||
	    cw_date_compare(a->date, b->date) != 0 || !cw_id_equal(a->case_id, b->case_id) ||
	    a->has_article != b->has_article ||
	    (a->has_article && !cw_article_same(&a->article, &b->article)))
		return 0;
	if (a->group || b->group)
		return a->group && b->group && strcasecmp(a->group, b->group) == 0;
	return !cw_id_is_zero(a->person) && cw_id_equal(a->person, b->person);
}

/* How many rulings another record of the same day contradicts: the same case, defendant
 * and charge, another result (two laptops, or two sources, that disagree). Each pair of
 * such rows counts once, at its later row. */
static size_t contradicted_rulings(const struct cw_report *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nverdicts; i++) {
		const struct cw_report_verdict *v = &r->verdicts[i];
		struct ruling_key ki;
		unsigned res = row_result(v);

		if (res == RESULT_UNITEMISED || res >= RESULT_MILESTONE || res == 0)
			continue;
		ruling_key(v, &ki);
		for (size_t j = 0; j < i; j++) {
			const struct cw_report_verdict *w = &r->verdicts[j];
			struct ruling_key kj;
			unsigned other = row_result(w);

			if (w->rec == v->rec || other == res || other == RESULT_UNITEMISED ||
			    other >= RESULT_MILESTONE || other == 0 ||
			    (v->linked && w->decision == v->decision))
				continue; /* linked accounts: their decision says they differ */
			ruling_key(w, &kj);
			if (same_ruling_subject(&ki, &kj)) {
				n++;
				break;
			}
		}
	}
	return n;
}

/* Whom one decision concerns: a person, a case's group of unnamed defendants, or (an
 * unitemised verdict) its record alone. */
struct decided {
	struct cw_id id; /* the person, the group's case, or the record */
	const char *group;
	int64_t count; /* a group's number; -1 when none is given */
};

/* Orders decisions by whom they concern, so that one person or group's are neighbours. */
static int decided_order(const void *pa, const void *pb)
{
	const struct decided *a = pa, *b = pb;
	int c = memcmp(a->id.b, b->id.b, sizeof a->id.b);

	if (c || !a->group != !b->group)
		return c ? c : a->group ? 1 : -1;
	return a->group ? strcasecmp(a->group, b->group) : 0;
}

/* Whom the verdict rows' decisions concern, each person or group once however many rulings
 * decide on them: people, counting a group of unnamed defendants as the number its case (or
 * its milestone) gives, or as one and *partial when none is given; *groups, how many
 * decisions concern a group. */
static int verdict_people(const struct cw_report *r, size_t *people, int *partial, size_t *groups)
{
	unsigned char *seen = calloc(r->ndecisions ? r->ndecisions : 1, 1);
	struct decided *who = calloc(r->ndecisions ? r->ndecisions : 1, sizeof *who);
	size_t nwho = 0;

	*people = *groups = 0;
	*partial = 0;
	if (!seen || !who) {
		free(seen);
		free(who);
		return -1;
	}
	for (size_t i = 0; i < r->nverdicts; i++) {
		const struct cw_report_verdict *v = &r->verdicts[i];
		const struct cw_record *rec = v->rec;
		struct decided d = {rec->id, NULL, -1};

		/* Each decision once, at its first itemised row: an unitemised account's row
		 * beside another account's says nothing of whom. */
		if (v->decision >= r->ndecisions || seen[v->decision] || (v->linked && v->taken))
			continue;
		seen[v->decision] = 1;
		if (rec->kind == CW_KIND_HEARING && v->index != SIZE_MAX) {
			if ((d.group = v->group) != NULL) {
				d.id = rec->u.hearing.case_id;
				d.count =
					cw_report_group_count(r, &rec->u.hearing.case_id, d.group);
			} else if (!cw_id_is_zero(&v->person)) {
				d.id = v->person;
			}
		} else if (rec->kind == CW_KIND_MILESTONE) {
			const struct cw_milestone *m = &rec->u.milestone;

			if ((d.group = m->group) != NULL) {
				d.id = m->case_id;
				d.count = cw_report_milestone_group_count(r, m);
			} else if (!cw_id_is_zero(&m->person)) {
				d.id = m->person;
			}
		}
		*groups += d.group != NULL;
		who[nwho++] = d;
	}
	/* A person ruled on at first instance and again on appeal is one person; a group is
	 * counted once, as its largest number. */
	if (nwho)
		qsort(who, nwho, sizeof *who, decided_order);
	for (size_t i = 0; i < nwho;) {
		int64_t count = who[i].count;
		size_t j = i + 1;

		for (; j < nwho && decided_order(&who[i], &who[j]) == 0; j++)
			if (who[j].count > count)
				count = who[j].count;
		*people += who[i].group && count > 0 ? (size_t)count : 1;
		*partial |= who[i].group && count <= 0;
		i = j;
	}
	free(seen);
	free(who);
	return 0;
}

/* Whether verdict row i gives a charge another result than an earlier row of its decision
 * from another record does: two accounts of one hearing, linked as the same event, that
 * disagree (report.c counts them as one decision). */
static int accounts_differ(const struct cw_report *r, size_t i)
{
	const struct cw_report_verdict *v = &r->verdicts[i];
	struct cw_article a, b;
	int has_a = cw_report_verdict_article(v, &a);
	unsigned res = row_result(v);

	if (res == RESULT_UNITEMISED)
		return 0; /* "a verdict" contradicts no itemised one */
	for (size_t j = 0; j < i; j++) {
		const struct cw_report_verdict *w = &r->verdicts[j];
		int has_b;

		if (!w->linked || w->decision != v->decision || w->rec == v->rec ||
		    row_result(w) == res || row_result(w) == RESULT_UNITEMISED)
			continue;
		has_b = cw_report_verdict_article(w, &b);
		if (has_a == has_b && (!has_a || cw_article_same(&a, &b)))
			return 1;
	}
	return 0;
}

/* Whether a ruling told by several records linked as one event has a hearing's rows: its
 * accounts are "of the hearing"; else they are milestones only, "of the ruling" (the UN's and
 * the NGO's verdict milestones, linked). */
static int linked_hearing(const struct cw_report *r)
{
	for (size_t i = 0; i < r->nverdicts; i++)
		if (r->verdicts[i].linked && r->verdicts[i].rec->kind == CW_KIND_HEARING)
			return 1;
	return 0;
}

static void verdict_results(struct sb *sb, const struct cw_report *r)
{
	size_t counts[RESULT_KINDS] = {0};
	unsigned *of = calloc(r->ndecisions ? r->ndecisions : 1, sizeof *of);
	int first = 1;

	if (!of) {
		sb->failed = 1;
		return;
	}
	for (size_t i = 0; i < r->nverdicts; i++) {
		const struct cw_report_verdict *v = &r->verdicts[i];
		unsigned res = row_result(v) + 1; /* 0: not seen yet */

		if (v->decision >= r->ndecisions || of[v->decision] == RESULT_ACCOUNTS_DIFFER + 1)
			continue;
		/* An account that gives the verdict unitemised says nothing against one that
		 * itemises it. */
		if (v->linked && of[v->decision] && res == RESULT_UNITEMISED + 1)
			continue;
		if (v->linked && of[v->decision] == RESULT_UNITEMISED + 1) {
			of[v->decision] = res;
			continue;
		}
		if (v->linked && accounts_differ(r, i))
			of[v->decision] = RESULT_ACCOUNTS_DIFFER + 1;
		else
			of[v->decision] =
				!of[v->decision] || of[v->decision] == res ? res : RESULT_MIXED + 1;
	}
	for (size_t d = 0; d < r->ndecisions; d++)
		if (of[d])
			counts[of[d] - 1]++;
	free(of);
	for (unsigned k = 0; k < RESULT_KINDS; k++) {
		const char *what;

		if (!counts[k])
			continue;
		if (k == RESULT_MIXED)
			what = _("with different results by charge");
		else if (k == RESULT_ACCOUNTS_DIFFER)
			what = linked_hearing(r) ? _("on which the accounts of the hearing differ")
						 : _("on which the accounts of the ruling differ");
		else if (k == RESULT_UNITEMISED)
			what = word(&cw_words_outcome, CW_OUTCOME_VERDICT);
		else if (k >= RESULT_MILESTONE)
			what = word(&cw_words_milestone, k - RESULT_MILESTONE);
		else
			what = k ? word(&cw_words_verdict, k)
				 : _(cw_enum_label(&cw_words_verdict, 0));
		sb_add(sb, "%s", first ? _(": ") : _(", "));
		/* TRANSLATORS: a count and the result it counts: "4 convicted" */
		sb_add(sb, _("%zu %s"), counts[k], what);
		first = 0;
	}
}

/* A detainee's name: a person's, or a group's with its number. */
static void detainee_name(const struct cw_report *r, const struct cw_report_detainee *d, char *out,
			  size_t size)
{
	if (d->group[0]) {
		size_t n;

		cw_group_text(d->group, d->count, out, size);
		/* Their days are the first ones': a sentence's "for 5 days" must not read as
		 * every one's. Said inside the group's parenthesis, "(8 unnamed; 3 of them
		 * taken later, by 2024-05-02)", when it ends with one. */
		if (cw_date_is_known(d->joined) && (n = strlen(out)) + 1 < size) {
			char joined[CW_DATE_TEXT_MAX], more[160];
			int inside = n && out[n - 1] == ')';

			cw_date_format(d->joined, joined);
			if (d->joined_count > 0)
				snprintf(more, sizeof more,
					 P_("%lld of them taken later, by %s",
					    "%lld of them taken later, by %s",
					    (unsigned long)d->joined_count),
					 (long long)d->joined_count, joined);
			else
				snprintf(more, sizeof more, _("more of them taken later, by %s"),
					 joined);
			if (inside)
				n--;
			snprintf(out + n, size - n, inside ? "; %s)" : ", %s", more);
		}
	} else {
		cw_person_text(r, &d->person, out, size);
	}
}

/* A detainee's days as the dates allow: "196 days", "188 to 218 days", "at least 305 days". */
static void days_text(const struct cw_report_detainee *d, char *out, size_t size)
{
	if (d->days_max == d->days)
		snprintf(out, size, P_("%ld day", "%ld days", (unsigned long)d->days), d->days);
	else if (d->days_max < 0)
		snprintf(out, size,
			 P_("at least %ld day", "at least %ld days", (unsigned long)d->days),
			 d->days);
	else
		snprintf(out, size,
			 P_("%ld to %ld day", "%ld to %ld days", (unsigned long)d->days_max),
			 d->days, d->days_max);
}

static int sentence(struct cw_rdoc *doc, struct sb *sb);

/* The first detainee after the longest of its sentence, and of the same sentence, whose
 * dates allow more days than the longest's sure figure (the list is ordered by that figure):
 * the longest is then not known for sure. */
static const struct cw_report_detainee *longest_rival(const struct cw_report *r,
						      const struct cw_report_detainee *d)
{
	for (size_t i = (size_t)(d - r->detainees) + 1; i < r->ndetainees; i++) {
		const struct cw_report_detainee *o = &r->detainees[i];

		if (cw_report_detainee_standing(r, o) == cw_report_detainee_standing(r, d) &&
		    o->days >= 0 && (o->days_max < 0 || o->days_max > d->days))
			return o;
	}
	return NULL;
}

/* How many others of the longest's sentence are held exactly as long, their dates precise. */
static size_t tied_with_longest(const struct cw_report *r, const struct cw_report_detainee *d)
{
	size_t n = 0;

	for (size_t i = (size_t)(d - r->detainees) + 1; i < r->ndetainees; i++) {
		const struct cw_report_detainee *o = &r->detainees[i];

		n += cw_report_detainee_standing(r, o) == cw_report_detainee_standing(r, d) &&
		     o->days == d->days && o->days_max == d->days_max;
	}
	return n;
}

static size_t detainee_people(const struct cw_report_detainee *d)
{
	return d->group[0] ? (d->count > 0 ? (size_t)d->count : 1) : 1;
}

/* How many of the people listed as held (those held at the period's end only, when
 * held_at_end) were first held on a day of the period (their detention's start lies in it);
 * *partial when a group among them gives no number (it counts as one: "at least"). */
static size_t detention_began(const struct cw_report *r, int held_at_end, int *partial,
			      uint32_t *views)
{
	size_t began = 0;

	*partial = 0;
	*views = 0;
	for (size_t i = 0; i < r->ndetainees; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];

		if (held_at_end && cw_report_detainee_standing(r, d) != CW_HELD_AT_END)
			continue;
		if (cw_date_is_known(d->since) &&
		    cw_date_compare(cw_date_first_day(d->since), r->from) >= 0 &&
		    cw_date_compare(cw_date_last_day(d->since), r->to) <= 0) {
			began += detainee_people(d);
			*partial |= d->group[0] && d->count <= 0;
			*views |= d->views;
		}
	}
	return began;
}

/* After "N people were taken into pretrial detention during the period": how many of them
 * the report lists as held at its end. "Not listed" rather than "released": a detention with
 * no end recorded is listed only while its case says the person is detained. */
static void detention_taken_listed(struct sb *sb, size_t taken,
				   const size_t listed_by[CW_DETAINEE_STANDINGS])
{
	size_t listed = listed_by[CW_HELD_AT_END], stale = listed_by[CW_LAST_REPORTED];
	size_t later = listed_by[CW_MAY_BEGIN_LATER], ended = listed_by[CW_MAY_HAVE_ENDED];
	size_t differ = listed_by[CW_ACCOUNTS_DIFFER];

	/* All of them in one standing: "they are", not "1 of them" of one. */
	if (listed == taken)
		sb_add(sb, "%s",
		       P_("; they are listed below as still held at its end",
			  "; all of them are listed below as still held at its end", taken));
	else if (listed)
		sb_add(sb,
		       P_("; %zu of them is listed below as still held at its end",
			  "; %zu of them are listed below as still held at its end", listed),
		       listed);
	if (stale == taken)
		sb_add(sb, "%s",
		       P_("; they are listed below as last reported held before its end",
			  "; all of them are listed below as last reported held before its end",
			  taken));
	else if (stale)
		sb_add(sb,
		       P_("; %zu of them is listed below as last reported held before its end",
			  "; %zu of them are listed below as last reported held before its end",
			  stale),
		       stale);
	if (later == taken)
		sb_add(sb, "%s",
		       P_("; they are listed below as possibly detained only after its end",
			  "; all of them are listed below as possibly detained only after its end",
			  taken));
	else if (later)
		sb_add(sb,
		       P_("; %zu of them is listed below as possibly detained only after its end",
			  "; %zu of them are listed below as possibly detained only after its end",
			  later),
		       later);
	if (ended)
		sb_add(sb,
		       P_("; %zu of them is listed below as possibly released before its end",
			  "; %zu of them are listed below as possibly released before its end",
			  ended),
		       ended);
	if (differ)
		sb_add(sb,
		       P_("; %zu of them is listed below, where the accounts differ on whether "
			  "they were released",
			  "; %zu of them are listed below, where the accounts differ on whether "
			  "they were released",
			  differ),
		       differ);
	if (!listed && !stale && !later && !ended && !differ)
		sb_add(sb, "%s",
		       P_("; they are not listed below as still held at its end",
			  "; none of them is listed below as still held at its end", taken));
	else if (listed + stale + later + ended + differ < taken)
		/* The rest are not silently dropped: why a detention with no end may not be
		 * listed (detention_taken_listed's note above). */
		sb_add(sb,
		       P_("; %zu is not listed: an end of their detention is recorded, their "
			  "case does not record them as detained, or a ruling in their case came "
			  "before the detention",
			  "; %zu are not listed: an end of their detention is recorded, their "
			  "case does not record them as detained, or a ruling in their case came "
			  "before the detention",
			  taken - listed - stale - later - ended),
		       taken - listed - stale - later - ended);
}

/* "; the longest, Chao Veasna, for 196 days (account: UN), or Eng Sroy, 188 to 218 days,
 * whose dates are not precise to the day": the longest of one sentence's detainees by what
 * is sure, whose account, to when when that is before the period's end, and who else may
 * be as long or longer. Nothing when the sure figure is no day at all. */
/* How many of the longest's sentence have no length the records give (held, and no date to
 * count to), and which of them was held first (*earliest). */
static size_t lengths_unknown(const struct cw_report *r, const struct cw_report_detainee *d,
			      const struct cw_report_detainee **earliest)
{
	size_t n = 0;

	*earliest = NULL;
	for (size_t i = 0; i < r->ndetainees; i++) {
		const struct cw_report_detainee *o = &r->detainees[i];

		if (o->days >= 0 ||
		    cw_report_detainee_standing(r, o) != cw_report_detainee_standing(r, d))
			continue;
		n += detainee_people(o); /* people, as the sentence counts them */
		if (cw_date_is_known(o->since) &&
		    (!*earliest || cw_date_compare(o->since, (*earliest)->since) < 0))
			*earliest = o;
	}
	return n;
}

/* "; 2 have no length the records give, the earliest held since 2023-07-04 (Kang Saran)":
 * a length unknown may well be longer than the longest named. */
static void detention_unknown_lengths(struct sb *sb, const struct cw_report *r,
				      const struct cw_report_detainee *d)
{
	const struct cw_report_detainee *earliest;
	size_t n = lengths_unknown(r, d, &earliest);
	char name[600], since[CW_DATE_TEXT_MAX];

	if (!n)
		return;
	if (!earliest) {
		sb_add(sb,
		       P_("; %zu has no length the records give",
			  "; %zu have no length the records give", n),
		       n);
		return;
	}
	detainee_name(r, earliest, name, sizeof name);
	cw_date_format(earliest->since, since);
	if (n == 1)
		sb_add(sb, _("; %s, held since %s, has no length the records give"), name, since);
	else
		sb_add(sb,
		       _("; %zu have no length the records give, the earliest held since %s (%s)"),
		       n, since, name);
}

static void detention_longest(struct sb *sb, const struct cw_report *r,
			      const struct cw_report_detainee *d, int alone)
{
	const struct cw_report_detainee *rival, *earliest;
	char name[600];
	int exact = d->days == d->days_max;
	size_t tied;

	if (!(d->days > 0 || (d->days == 0 && d->days_max == 0))) {
		detention_unknown_lengths(sb, r, d);
		return;
	}
	rival = longest_rival(r, d);
	detainee_name(r, d, name, sizeof name);
	if (!alone && lengths_unknown(r, d, &earliest) > 0)
		/* The longest is then only of those whose length is known. */
		sb_add(sb,
		       exact ? P_("; of those whose length the records give, the longest, %s, for "
				  "%ld day",
				  "; of those whose length the records give, the longest, %s, for "
				  "%ld days",
				  (unsigned long)d->days)
			     : P_("; of those whose length the records give, the longest, %s, for "
				  "at least %ld day",
				  "; of those whose length the records give, the longest, %s, for "
				  "at least %ld days",
				  (unsigned long)d->days),
		       name, d->days);
	else if (alone) /* no "longest" of one */
		sb_add(sb,
		       exact ? P_(": %s, for %ld day", ": %s, for %ld days", (unsigned long)d->days)
			     : P_(": %s, for at least %ld day", ": %s, for at least %ld days",
				  (unsigned long)d->days),
		       name, d->days);
	else
		sb_add(sb,
		       exact ? P_("; the longest, %s, for %ld day",
				  "; the longest, %s, for %ld days", (unsigned long)d->days)
			     : P_("; the longest, %s, for at least %ld day",
				  "; the longest, %s, for at least %ld days",
				  (unsigned long)d->days),
		       name, d->days);
	if (cw_report_detainee_standing(r, d) == CW_LAST_REPORTED) {
		sb_add(sb, "%s", _(", "));
		counted_to(sb, d);
	}
	if (d->to_kind == CW_PRETRIAL_TO_TODAY && cw_timeline_news_old(d->news, d->to)) {
		/* As the row says it: a figure counted on from old news must not read as a fresh
		 * one in the sentence a partner quotes. */
		char news[CW_DATE_TEXT_MAX];

		cw_date_format(d->news, news);
		/* TRANSLATORS: after "the longest, NAME, for N days": the count runs on from
		 * the latest record of that detention, months old. */
		sb_add(sb, _(", counted on from a record of %s with nothing newer"), news);
	}
	{
		/* Another account dates the start otherwise: said beside the accounts. */
		struct sb more = {0};

		start_other(&more, r, d, 0);
		accounts_and(sb, d->views, &more);
		free(more.s);
	}
	/* Others held exactly as long: the one named is not the longest alone. */
	if (exact && (tied = tied_with_longest(r, d)) > 0)
		sb_add(sb,
		       P_(", and %zu other listed held as long",
			  ", and %zu others listed held as long", tied),
		       tied);
	/* Another whose dates allow more days than this one's sure figure: both are named, and
	 * neither is called the longest alone. */
	if (rival) {
		char rival_name[600], days[120];

		detainee_name(r, rival, rival_name, sizeof rival_name);
		days_text(rival, days, sizeof days);
		/* TRANSLATORS: after "the longest, NAME, for N days": another who may have been
		 * held longer, "or Eng Sroy, 188 to 218 days, whose dates are not precise to the
		 * day" */
		sb_add(sb, _(", or %s, %s, whose dates are not precise to the day"), rival_name,
		       days);
	}
	if (!alone)
		detention_unknown_lengths(sb, r, d);
}

/* Those a case records as held before a verdict with no dated arrest or detention: how many
 * people (a group as many as it counts, "at least" when one gives no number), and how many of
 * the people are listed when not all are. */
static int detention_unstarted(struct cw_rdoc *doc, struct sb *sb, const struct cw_report *r)
{
	size_t listed = 0;

	if (!r->unstarted_people)
		return 0;
	for (size_t i = 0; i < r->nunstarted; i++)
		listed += !r->unstarted[i].group[0];
	/* "more" after the sentences of those held where a start counts them */
	if (r->ndetainees)
		sb_add(sb,
		       r->unstarted_uncounted
			       ? P_("At least %zu more person is recorded as held before a verdict "
				    "by "
				    "the entry of their case, with no dated arrest or detention "
				    "logged, so their days are not counted (listed last)",
				    "At least %zu more people are recorded as held before a "
				    "verdict by "
				    "the entry of their case, with no dated arrest or detention "
				    "logged, so their days are not counted (listed last)",
				    r->unstarted_people)
			       : P_("%zu more person is recorded as held before a verdict by the "
				    "entry of their case, with no dated arrest or detention "
				    "logged, "
				    "so their days are not counted (listed last)",
				    "%zu more people are recorded as held before a verdict by the "
				    "entry of their case, with no dated arrest or detention "
				    "logged, "
				    "so their days are not counted (listed last)",
				    r->unstarted_people),
		       r->unstarted_people);
	else
		sb_add(sb,
		       r->unstarted_uncounted
			       ? P_("At least %zu person is recorded as held before a verdict by "
				    "the "
				    "entry of their case, with no dated arrest or detention "
				    "logged, "
				    "so their days are not counted (listed in the detention table)",
				    "At least %zu people are recorded as held before a verdict by "
				    "the "
				    "entry of their case, with no dated arrest or detention "
				    "logged, "
				    "so their days are not counted (listed in the detention table)",
				    r->unstarted_people)
			       : P_("%zu person is recorded as held before a verdict by the entry "
				    "of "
				    "their case, with no dated arrest or detention logged, so "
				    "their "
				    "days are not counted (listed in the detention table)",
				    "%zu people are recorded as held before a verdict by the entry "
				    "of "
				    "their case, with no dated arrest or detention logged, so "
				    "their "
				    "days are not counted (listed in the detention table)",
				    r->unstarted_people),
		       r->unstarted_people);
	if (listed < r->unstarted_named)
		/* TRANSLATORS: after "... (listed last)": how many of the named people are */
		sb_add(sb,
		       P_("; %zu of the %zu named is listed, those recorded most recently",
			  "; %zu of the %zu named are listed, those recorded most recently",
			  r->unstarted_named),
		       listed, r->unstarted_named);
	if (r->unstarted_again)
		/* TRANSLATORS: after "... (listed last)": those held again after a release */
		sb_add(sb,
		       P_("; %zu of them is held again after their last detention logged ended",
			  "; %zu of them are held again after their last detention logged ended",
			  r->unstarted_again),
		       r->unstarted_again);
	if (r->unstarted_met)
		/* TRANSLATORS: after "... (listed last)": those a prison visit met */
		sb_add(sb,
		       P_("; %zu of them was met at a prison visit of the period, their case "
			  "entered after it",
			  "; %zu of them were met at a prison visit of the period, their case "
			  "entered after it",
			  r->unstarted_met),
		       r->unstarted_met);
	{
		/* How old the newest of those entries is: an account of 2022 in a report of 2024
		 * must read as one. */
		struct cw_date latest = {0, 0, 0};
		char when[CW_DATE_TEXT_MAX];
		uint32_t views = 0;

		for (size_t i = 0; i < r->nunstarted; i++) {
			views |= r->unstarted[i].views;
			if (cw_date_is_known(r->unstarted[i].to) &&
			    (!cw_date_is_known(latest) ||
			     cw_date_compare(r->unstarted[i].to, latest) > 0))
				latest = r->unstarted[i].to;
		}
		if (cw_date_is_known(latest)) {
			cw_date_format(latest, when);
			/* TRANSLATORS: after the sentence of those held with no dated arrest */
			sb_add(sb, _("; the latest of the entries listed is as of %s"), when);
		}
		accounts(sb, views);
	}
	sb_add(sb, "%s", stop());
	return sentence(doc, sb);
}

/* The people the accounts recorded list as held at the period's end: how many (a group as
 * many as it counts, "at least" when one gives no number), the longest, and how many of them
 * came in during the period. */
static int detention_held_at_end(struct cw_rdoc *doc, struct sb *sb, const struct cw_report *r,
				 int began_said)
{
	struct cw_report_held h;
	size_t began;
	uint32_t views;
	int partial, rc;

	cw_report_held_tally(r, CW_HELD_AT_END, &h);
	if (!h.rows)
		return 0;
	if (h.rows == h.uncounted) /* only groups, none giving its number */
		sb_add(sb,
		       P_("%zu group of unnamed defendants, its number not given, is listed as "
			  "still in pretrial detention at the end of the period",
			  "%zu groups of unnamed defendants, their number not given, are listed as "
			  "still in pretrial detention at the end of the period",
			  h.uncounted),
		       h.uncounted);
	else {
		sb_add(sb,
		       h.uncounted ? P_("At least %zu person is listed as still in pretrial "
					"detention at the end of the period",
					"At least %zu people are listed as still in pretrial "
					"detention at the end of the period",
					h.people)
				   : P_("%zu person is listed as still in pretrial detention at "
					"the end of the period",
					"%zu people are listed as still in pretrial detention at "
					"the end of the period",
					h.people),
		       h.people);
		if (h.in_groups + h.uncounted)
			sb_add(sb,
			       h.groups == 1 ? _(", %zu of them in a group of unnamed defendants")
					     : _(", %zu of them in groups of unnamed defendants"),
			       h.in_groups + h.uncounted);
		if (h.uncounted)
			sb_add(sb,
			       P_(", %zu group whose number is not given counted as one",
				  ", %zu groups whose number is not given each counted as one",
				  h.uncounted),
			       h.uncounted);
	}
	detention_longest(sb, r, h.first, h.rows == 1);
	sb_add(sb, "%s", stop());
	if ((rc = sentence(doc, sb)) != 0)
		return rc;
	if (!began_said && (began = detention_began(r, 1, &partial, &views)) > 0) {
		/* Arrested or detained in the period: the start of the stretch counted, which
		 * may be an arrest (the comparison's "taken into pretrial detention" counts
		 * detention orders alone). */
		if (began == h.people && !partial)
			sb_add(sb, "%s",
			       P_("They were arrested or detained during the period.",
				  "All of them were arrested or detained during the period.",
				  began));
		else
			sb_add(sb,
			       partial ? P_("At least %zu of them was arrested or detained during "
					    "the period.",
					    "At least %zu of them were arrested or detained during "
					    "the period.",
					    began)
				       : P_("%zu of them was arrested or detained during the "
					    "period.",
					    "%zu of them were arrested or detained during the "
					    "period.",
					    began),
			       began);
		rc = sentence(doc, sb);
	}
	return rc;
}

/* What name_detainees writes after each name: nothing, the month or year the detention is
 * dated to ("Eng Sroy (2023-07)"), or the one its end is ("... (ended 2023-10)"). */
enum name_date { NAME_ONLY, NAME_SINCE, NAME_ENDED };

/* ": A, B and C" for the listed detainees of one standing (rows of them), a fourth named
 * rather than "1 other", past four ": A, B, C and 2 others". */
static void name_detainees(struct sb *sb, const struct cw_report *r,
			   enum cw_detainee_standing standing, size_t rows, enum name_date date)
{
	char name[600], when[CW_DATE_TEXT_MAX];
	size_t named = 0;

	for (size_t i = 0; i < r->ndetainees; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];

		if (cw_report_detainee_standing(r, d) != standing)
			continue;
		if (named == 3 && rows > 4) {
			sb_add(sb, P_(" and %zu other", " and %zu others", rows - named),
			       rows - named);
			break;
		}
		detainee_name(r, d, name, sizeof name);
		sb_add(sb, "%s",
		       !named                           ? _(": ")
		       : named + 1 == rows && rows <= 4 ? _(" and ")
							: _(", "));
		if (date == NAME_SINCE) {
			cw_date_format(d->since, when);
			/* TRANSLATORS: a detainee and the month or year their detention is
			 * dated to: "Eng Sroy (2023-07)" */
			sb_add(sb, _("%s (%s)"), name, when);
		} else if (date == NAME_ENDED) {
			cw_date_format(d->to, when);
			/* TRANSLATORS: a detainee and the month or year their release is dated
			 * to: "Eng Sroy (ended 2023-10)" */
			sb_add(sb, _("%s (ended %s)"), name, when);
		} else {
			sb_add(sb, "%s", name);
		}
		named++;
	}
}

/* Those listed whose accounts stop before the period's end: said apart, with the date their
 * accounts stop at and whose they are, and named (up to three), never counted among those
 * held at the end. */
static int detention_last_reported(struct cw_rdoc *doc, struct sb *sb, const struct cw_report *r)
{
	struct cw_report_held h, now, later;
	char when[CW_DATE_TEXT_MAX];

	cw_report_held_tally(r, CW_LAST_REPORTED, &h);
	if (!h.rows)
		return 0;
	cw_report_held_tally(r, CW_HELD_AT_END, &now);
	cw_report_held_tally(r, CW_MAY_BEGIN_LATER, &later);
	cw_date_format(h.last, when);
	/* Counted as people, as the sentence before counts them (a group as its number, one
	 * that gives none as one: "at least"), each row named after it. */
	if (now.rows)
		sb_add(sb,
		       h.uncounted ? P_("At least %zu more person listed was last reported held "
					"before the end of the period, in accounts of %s or "
					"earlier",
					"At least %zu more people listed were last reported held "
					"before the end of the period, in accounts of %s or "
					"earlier",
					h.people)
				   : P_("%zu more person listed was last reported held before the "
					"end of the period, in accounts of %s or earlier",
					"%zu more people listed were last reported held before the "
					"end of the period, in accounts of %s or earlier",
					h.people),
		       h.people, when);
	else if (h.uncounted)
		sb_add(sb,
		       P_("At least %zu person listed as in pretrial detention was last reported "
			  "held before the end of the period, in accounts of %s or earlier",
			  "At least %zu people listed as in pretrial detention were last reported "
			  "held before the end of the period, in accounts of %s or earlier",
			  h.people),
		       h.people, when);
	else if (later.rows || h.people == 1) /* not "all": others may be said after */
		sb_add(sb,
		       P_("%zu person listed as in pretrial detention was last reported held "
			  "before the end of the period, in accounts of %s or earlier",
			  "%zu people listed as in pretrial detention were last reported held "
			  "before the end of the period, in accounts of %s or earlier",
			  h.people),
		       h.people, when);
	else
		sb_add(sb,
		       P_("All %zu person listed as in pretrial detention was last reported held "
			  "before the end of the period, in accounts of %s or earlier",
			  "All %zu people listed as in pretrial detention were last reported held "
			  "before the end of the period, in accounts of %s or earlier",
			  h.people),
		       h.people, when);
	accounts(sb, h.views);
	name_detainees(sb, r, CW_LAST_REPORTED, h.rows, NAME_ONLY);
	sb_add(sb, "%s", _("; no account recorded says whether they were still held at its end"));
	if (!now.rows && h.rows == 1 &&
	    (h.first->days > 0 || (h.first->days == 0 && h.first->days_max == 0))) {
		/* One row, already named: its length without its name again (a supervisor's
		 * trial read "...: NagaWorld strikers; no account ...: NagaWorld strikers, for at
		 * least 152 days"). */
		char days[120];

		days_text(h.first, days, sizeof days);
		/* TRANSLATORS: after the one row last reported held is named: its length */
		sb_add(sb, _("; %s in pretrial detention"), days);
		sb_add(sb, "%s", _(", "));
		counted_to(sb, h.first);
	} else if (!now.rows) {
		detention_longest(sb, r, h.first, h.rows == 1);
	}
	sb_add(sb, "%s", stop());
	return sentence(doc, sb);
}

/* Those listed held past the last day of the detention order recorded for them (a pretrial
 * detention ordered or extended with the day it runs to: report.h order_until), named (up to
 * three) with the days past it and whose account the order is. Of those listed only: the
 * report reads no one else's detention. Only those surely held past it: one whose order or
 * count is dated only to a month that may not have run out is "perhaps" so, on its row, not
 * "was held past" here. People, as the other sentences count them: a group as its number
 * (one that gives none as one). */
static int detention_past_order(struct cw_rdoc *doc, struct sb *sb, const struct cw_report *r)
{
	size_t past = 0, rows = 0, named = 0;
	uint32_t views = 0;

	for (size_t i = 0; i < r->ndetainees; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];

		if (d->days_past_order <= 0)
			continue;
		rows++;
		past += d->group[0] && d->count > 0 ? (size_t)d->count : 1;
		views |= cw_view_bit(d->order_view);
	}
	if (!past)
		return 0;
	sb_add(sb,
	       P_("Of those listed, %zu was held past the last day of the detention order "
		  "recorded for them",
		  "Of those listed, %zu were held past the last day of the detention order "
		  "recorded for them",
		  past),
	       past);
	accounts(sb, views);
	for (size_t i = 0; i < r->ndetainees && named < 3; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];
		char name[600], order[400];

		if (d->days_past_order <= 0)
			continue;
		detainee_name(r, d, name, sizeof name);
		cw_timeline_order_text(d->order_until, d->order_view, d->days_past_order,
				       d->days_past_order_max, d->order_held_otherwise, order,
				       sizeof order);
		/* TRANSLATORS: a detainee and what their detention order says: "Thach Setha,
		 * held 57 days past the last day of the detention order (UN), 2023-07-05" */
		sb_add(sb, named ? _("; %s, %s") : _(": %s, %s"), name, order);
		named++;
	}
	if (rows > named)
		sb_add(sb, P_("; and %zu more", "; and %zu more", rows - named), rows - named);
	sb_add(sb, "%s", stop());
	return sentence(doc, sb);
}

/* Those listed whose detention is dated only to a month or a year that runs past the
 * period's end (Eng Sroy, arrested "in July 2023", in a report of the week of 3 July): they
 * may have been detained only after it. Said apart, each named with the date, never counted
 * among those held at its end. */
static int detention_may_begin_later(struct cw_rdoc *doc, struct sb *sb, const struct cw_report *r)
{
	struct cw_report_held h, held, last;
	char since[CW_DATE_TEXT_MAX];
	const struct cw_report_detainee *first = NULL;
	int one_date = 1; /* all dated alike: the date once, after the names */

	cw_report_held_tally(r, CW_MAY_BEGIN_LATER, &h);
	if (!h.rows)
		return 0;
	for (size_t i = 0; i < r->ndetainees; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];

		if (cw_report_detainee_standing(r, d) != CW_MAY_BEGIN_LATER)
			continue;
		if (!first)
			first = d;
		one_date &= cw_date_compare(d->since, first->since) == 0;
	}
	cw_report_held_tally(r, CW_HELD_AT_END, &held);
	cw_report_held_tally(r, CW_LAST_REPORTED, &last);
	if (held.rows + last.rows)
		sb_add(sb,
		       h.uncounted
			       ? P_("At least %zu more person listed may have been detained "
				    "only after the end of the period, dated only to a month or "
				    "a year that runs past it",
				    "At least %zu more people listed may have been detained "
				    "only after the end of the period, dated only to a month or "
				    "a year that runs past it",
				    h.people)
			       : P_("%zu more person listed may have been detained only after "
				    "the end of the period, dated only to a month or a year that "
				    "runs past it",
				    "%zu more people listed may have been detained only after "
				    "the end of the period, dated only to a month or a year that "
				    "runs past it",
				    h.people),
		       h.people);
	else if (h.uncounted || h.people == 1)
		sb_add(sb,
		       h.uncounted
			       ? P_("At least %zu person listed as in pretrial detention may "
				    "have been detained only after the end of the period, dated "
				    "only to a month or a year that runs past it",
				    "At least %zu people listed as in pretrial detention may "
				    "have been detained only after the end of the period, dated "
				    "only to a month or a year that runs past it",
				    h.people)
			       : P_("%zu person listed as in pretrial detention may have been "
				    "detained only after the end of the period, dated only to a "
				    "month or a year that runs past it",
				    "%zu people listed as in pretrial detention may have been "
				    "detained only after the end of the period, dated only to a "
				    "month or a year that runs past it",
				    h.people),
		       h.people);
	else
		sb_add(sb,
		       P_("All %zu person listed as in pretrial detention may have been detained "
			  "only after the end of the period, dated only to a month or a year that "
			  "runs past it",
			  "All %zu people listed as in pretrial detention may have been detained "
			  "only after the end of the period, dated only to a month or a year that "
			  "runs past it",
			  h.people),
		       h.people);
	accounts(sb, h.views);
	name_detainees(sb, r, CW_MAY_BEGIN_LATER, h.rows, one_date ? NAME_ONLY : NAME_SINCE);
	if (one_date) {
		cw_date_format(first->since, since);
		sb_add(sb, _(", dated %s"), since);
	}
	sb_add(sb, "%s", stop());
	return sentence(doc, sb);
}

/* Those listed whose detention's end is dated only to a month or a year that holds the
 * period's end (bailed "in October 2023", in a report of a week of October): they may have
 * been released before it or not. Said apart, each named with the date of the end, never
 * counted among those held at its end. */
static int detention_may_have_ended(struct cw_rdoc *doc, struct sb *sb, const struct cw_report *r)
{
	struct cw_report_held h;

	cw_report_held_tally(r, CW_MAY_HAVE_ENDED, &h);
	if (!h.rows)
		return 0;
	sb_add(sb,
	       P_("%zu person listed may have been released before the end of the period, or "
		  "not: the end of their detention is dated only to a month or a year that holds "
		  "it",
		  "%zu people listed may have been released before the end of the period, or "
		  "not: the end of their detention is dated only to a month or a year that holds "
		  "it",
		  h.people),
	       h.people);
	accounts(sb, h.views);
	name_detainees(sb, r, CW_MAY_HAVE_ENDED, h.rows, NAME_ENDED);
	sb_add(sb, "%s", stop());
	return sentence(doc, sb);
}

/* Those listed whose detention one account ends and a later record of another finds them held
 * after (report.h: held_after): said apart, never counted among those held at the period's
 * end nor as released. */
static int detention_accounts_differ(struct cw_rdoc *doc, struct sb *sb, const struct cw_report *r)
{
	struct cw_report_held h;

	cw_report_held_tally(r, CW_ACCOUNTS_DIFFER, &h);
	if (!h.rows)
		return 0;
	sb_add(sb,
	       P_("The accounts differ on whether %zu person listed was released: one ends the "
		  "detention, a later record of another finds them held",
		  "The accounts differ on whether %zu people listed were released: one ends the "
		  "detention, a later record of another finds them held",
		  h.people),
	       h.people);
	accounts(sb, h.views);
	name_detainees(sb, r, CW_ACCOUNTS_DIFFER, h.rows, NAME_ONLY);
	if (h.rows == 1) {
		sb_add(sb, "%s", _(", "));
		counted_to(sb, h.first);
	}
	sb_add(sb, "%s", stop());
	return sentence(doc, sb);
}

static int sentence(struct cw_rdoc *doc, struct sb *sb)
{
	char *t;

	if (sb->failed) {
		free(sb->s);
		memset(sb, 0, sizeof *sb);
		return CW_ENOMEM;
	}
	if (!sb->n || doc->nsummary >= CW_RDOC_SUMMARY_MAX) {
		free(sb->s);
		memset(sb, 0, sizeof *sb);
		return 0;
	}
	if (!(t = sb_take(sb)))
		return CW_ENOMEM;
	doc->summary[doc->nsummary++] = t;
	return 0;
}

/* Whether a filter of accounts leaves the team's own out: its hearings are then in no figure,
 * and "monitored no hearings", "no hearings the team went to" and "hearings the team did not
 * observe" would be false (the UN's account of a verdict the team sat in read as one it did
 * not observe). */
static int own_accounts_out(const struct cw_report *r)
{
	return r->filter.accounts && !(r->filter.accounts & (UINT32_C(1) << CW_VIEW_OWN));
}

int cw_rdoc_summary(const struct cw_report *r, struct cw_rdoc *doc)
{
	const size_t *c = r->counts;
	const uint32_t *c_views = r->counts_views;
	struct sb sb = {0};
	size_t began, taken, listed_by[CW_DETAINEE_STANDINGS], listed, bail_hearings = 0;
	uint32_t began_views;
	int began_said = 0; /* "N listed below arrested or detained during the period" */
	int rc, began_partial, taken_partial;
	int own_out = own_accounts_out(r);

	/* A filtered report counts only what matches its filter, said before any figure: "The
	 * team monitored no hearings in this period" under "Filter: kind:visit" read as a week
	 * the team sat in no court, the header's filter line being far above. */
	if (doc->filter && doc->filter[0]) {
		sb_add(&sb,
		       _("Every figure here counts only the records that match the filter (%s)."),
		       doc->filter);
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}
	/* The team's own hearings, then what documents report: never one count of both. */
	if (own_out) {
		sb_add(&sb, "%s",
		       _("The team's own accounts are outside the filter: none of its hearings is "
			 "counted here."));
	} else if (c[CW_METRIC_HEARINGS_OWN] == 0 && c[CW_METRIC_HEARINGS_KEPT_OUT] == 0) {
		sb_add(&sb, "%s", _("The team monitored no hearings in this period."));
	} else {
		/* A hearing the team was turned away from is not one it monitored: the figure
		 * partners set beside OHCHR's "monitored 28 hearings" must not include it. */
		if (c[CW_METRIC_HEARINGS_OWN] == 0)
			sb_add(&sb,
			       P_("The team was not admitted to the %zu hearing it went to",
				  "The team was not admitted to any of the %zu hearings it went to",
				  c[CW_METRIC_HEARINGS_KEPT_OUT]),
			       c[CW_METRIC_HEARINGS_KEPT_OUT]);
		else
			sb_add(&sb,
			       P_("The team monitored %zu hearing",
				  "The team monitored %zu hearings", c[CW_METRIC_HEARINGS_OWN]),
			       c[CW_METRIC_HEARINGS_OWN]);
		if (c[CW_METRIC_HEARINGS_OWN] && c[CW_METRIC_HEARINGS_KEPT_OUT])
			sb_add(&sb,
			       P_(" and was not admitted to %zu more",
				  " and was not admitted to %zu more",
				  c[CW_METRIC_HEARINGS_KEPT_OUT]),
			       c[CW_METRIC_HEARINGS_KEPT_OUT]);
		outcome_list(&sb, r->outcomes[CW_FAIR_SIDE_OWN]);
		sb_add(&sb, "%s", stop());
	}
	if ((rc = sentence(doc, &sb)) != 0)
		return rc;
	if (c[CW_METRIC_HEARINGS_REPORTED]) {
		if (own_out) /* the team may have sat in them: its accounts are filtered out */
			sb_add(&sb,
			       P_("Documents report %zu hearing", "Documents report %zu hearings",
				  c[CW_METRIC_HEARINGS_REPORTED]),
			       c[CW_METRIC_HEARINGS_REPORTED]);
		else
			sb_add(&sb,
			       P_("Documents report %zu hearing the team did not observe",
				  "Documents report %zu hearings the team did not observe",
				  c[CW_METRIC_HEARINGS_REPORTED]),
			       c[CW_METRIC_HEARINGS_REPORTED]);
		list_accounts(&sb, &r->hearings, CW_FAIR_SIDE_REPORTED);
		outcome_list(&sb, r->outcomes[CW_FAIR_SIDE_REPORTED]);
		sb_add(&sb, "%s", stop());
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}
	if (r->hearings_set.n) {
		sb_add(&sb,
		       P_("%zu hearing was set for the period in a document that does not "
			  "report it held, and is not counted",
			  "%zu hearings were set for the period in documents that do not report "
			  "them held, and are not counted",
			  r->hearings_set.n),
		       r->hearings_set.n);
		list_accounts(&sb, &r->hearings_set, -1);
		sb_add(&sb, "%s", stop());
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}
	if (r->nmissed) {
		/* A date set and passed with nothing logged is not a quiet day: said, with
		 * whose accounts set it. */
		uint32_t seen = 0, seen_months = 0;
		size_t months = 0;
		int years = 0; /* one of the months is a year */

		for (size_t i = 0; i < r->nmissed; i++) {
			if (cw_date_precision(r->missed[i].date) != CW_DATE_DAY) {
				years |= cw_date_precision(r->missed[i].date) == CW_DATE_YEAR;
				months++;
				seen_months |= cw_report_view_bit(r->missed[i].hearing);
			} else
				seen |= cw_report_view_bit(r->missed[i].hearing);
		}
		if (r->nmissed > months) {
			sb_add(&sb,
			       P_("%zu hearing was set for a day of the period, and nothing was "
				  "logged for it",
				  "%zu hearings were set for days of the period, and nothing was "
				  "logged for them",
				  r->nmissed - months),
			       r->nmissed - months);
			accounts(&sb, seen);
			sb_add(&sb, "%s", stop());
			if ((rc = sentence(doc, &sb)) != 0)
				return rc;
		}
		if (months) {
			if (years)
				sb_add(&sb,
				       P_("%zu hearing was set for a month or a year that ended in "
					  "the period, its day not known, and no sitting of it was "
					  "logged in it",
					  "%zu hearings were set for months or years that ended in "
					  "the period, their days not known, and no sitting of "
					  "them was logged in them",
					  months),
				       months);
			else
				/* A trial adjourned to July, July over and nothing logged in
				 * it. */
				sb_add(&sb,
				       P_("%zu hearing was set for a month that ended in the "
					  "period, its day not known, and no sitting of it was "
					  "logged in that month",
					  "%zu hearings were set for months that ended in the "
					  "period, their days not known, and no sitting of them "
					  "was logged in those months",
					  months),
				       months);
			accounts(&sb, seen_months);
			sb_add(&sb, "%s", stop());
			if ((rc = sentence(doc, &sb)) != 0)
				return rc;
		}
	}

	/* Fair-trial indicators not met, per side. */
	if (cw_report_side_hearings(r, CW_FAIR_SIDE_OWN)) {
		struct sb list = {0};

		if (not_met_list(&list, r, CW_FAIR_SIDE_OWN))
			sb_add(&sb,
			       c[CW_METRIC_HEARINGS_KEPT_OUT]
				       ? _("At the hearings the team went to, fair-trial "
					   "indicators not met: %s.")
				       : _("At the hearings the team monitored, fair-trial "
					   "indicators not met: %s."),
			       list.s);
		else if (any_answered(r, CW_FAIR_SIDE_OWN))
			sb_add(&sb, "%s",
			       _("At the hearings the team monitored, no fair-trial indicator was "
				 "recorded as not met."));
		else
			sb_add(&sb, "%s",
			       _("At the hearings the team monitored, no fair-trial indicator was "
				 "recorded as met or not met."));
		sb.failed |= list.failed;
		free(list.s);
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}
	if (c[CW_METRIC_HEARINGS_REPORTED]) {
		struct sb list = {0};

		if (not_met_list(&list, r, CW_FAIR_SIDE_REPORTED))
			sb_add(&sb,
			       _("At the hearings documents report, fair-trial indicators not "
				 "met: %s."),
			       list.s);
		sb.failed |= list.failed;
		free(list.s);
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}
	/* Accounts of one hearing that answer otherwise: counted as one of them, said here. */
	if (r->nfair_differ) {
		size_t hearings = 0;

		/* fair_differ is in the order of the hearings: each counted hearing's rows
		 * together. */
		for (size_t i = 0; i < r->nfair_differ; i++)
			hearings += i == 0 ||
				    r->fair_differ[i].counted != r->fair_differ[i - 1].counted;
		sb_add(&sb,
		       P_("At %zu hearing, accounts answer a fair-trial indicator differently: "
			  "the figures give one account (the team's where there is one), and the "
			  "table notes where the others differ.",
			  "At %zu hearings, accounts answer a fair-trial indicator differently: "
			  "the figures give one account of each (the team's where there is one), "
			  "and the table notes where the others differ.",
			  hearings),
		       hearings);
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}

	/* Arrests and charges, with the two groups partners ask about. */
	began = detention_began(r, 0, &began_partial, &began_views);
	/* The comparison's figure (c[CW_METRIC_DETENTIONS]), and how many of them are listed
	 * below: someone detained and released within the period is held at neither end. */
	taken = cw_report_detention_people(r, &r->detentions, listed_by, &taken_partial);
	listed = listed_by[CW_HELD_AT_END];
	if (c[CW_METRIC_ARRESTS] + c[CW_METRIC_CHARGES] == 0 && taken &&
	    (listed < taken || taken_partial)) {
		sb_add(&sb,
		       taken_partial
			       ? P_("No arrest or charge was recorded as such, but at least %zu "
				    "person was taken into pretrial detention during the period",
				    "No arrest or charge was recorded as such, but at least %zu "
				    "people were taken into pretrial detention during the period",
				    taken)
			       : P_("No arrest or charge was recorded as such, but %zu person was "
				    "taken into pretrial detention during the period",
				    "No arrest or charge was recorded as such, but %zu people were "
				    "taken into pretrial detention during the period",
				    taken),
		       taken);
		list_accounts(&sb, &r->detentions, -1);
		detention_taken_listed(&sb, taken, listed_by);
		sb_add(&sb, "%s", stop());
	} else if (c[CW_METRIC_ARRESTS] + c[CW_METRIC_CHARGES] == 0 && (taken || began)) {
		/* Kang Saran "was detained" on 4 July 2023 (001 para 39): a detention logged
		 * with no arrest is still someone taken in; the list below says who (every one
		 * of them, or those held since a day of the period when no detention of the
		 * period is logged as such). */
		if (taken) {
			sb_add(&sb,
			       P_("No arrest or charge was recorded as such, but %zu person "
				  "listed below was taken into pretrial detention during the "
				  "period",
				  "No arrest or charge was recorded as such, but %zu people "
				  "listed below were taken into pretrial detention during the "
				  "period",
				  taken),
			       taken);
			list_accounts(&sb, &r->detentions, -1);
		} else {
			/* No detention order of the period matches the report (a filter by an
			 * article the order does not name): who the list below says was
			 * arrested or detained in it, not "taken into pretrial detention", which
			 * the comparison counts as 0. */
			sb_add(&sb,
			       began_partial
				       ? P_("No arrest, charge or detention was recorded as such, "
					    "but at least %zu person listed below was arrested or "
					    "detained during the period",
					    "No arrest, charge or detention was recorded as such, "
					    "but at least %zu people listed below were arrested or "
					    "detained during the period",
					    began)
				       : P_("No arrest, charge or detention was recorded as such, "
					    "but %zu person listed below was arrested or detained "
					    "during the period",
					    "No arrest, charge or detention was recorded as such, "
					    "but %zu people listed below were arrested or detained "
					    "during the period",
					    began),
			       began);
			accounts(&sb, began_views);
			began_said = 1;
		}
		sb_add(&sb, "%s", stop());
	} else if (c[CW_METRIC_ARRESTS] + c[CW_METRIC_CHARGES] == 0) {
		/* Arrests seen at a demonstration are no arrest milestone of a case: said, so
		 * that "no new arrests" does not contradict the demonstrations below. */
		if (demo_arrests(c))
			demo_arrests_text(&sb, r, c,
					  _("No arrest or charge was logged as a milestone; the "
					    "demonstrations "
					    "below recorded %s."));
		else
			sb_add(&sb, "%s", _("No new arrests or charges were recorded."));
	} else {
		/* A group arrested with no number anywhere counts as one, the least it can be. */
		if (c[CW_METRIC_ARRESTS] && arrests_partial(r))
			sb_add(&sb,
			       P_("At least %zu new arrest", "At least %zu new arrests",
				  c[CW_METRIC_ARRESTS]),
			       c[CW_METRIC_ARRESTS]);
		else if (c[CW_METRIC_ARRESTS])
			sb_add(&sb, P_("%zu new arrest", "%zu new arrests", c[CW_METRIC_ARRESTS]),
			       c[CW_METRIC_ARRESTS]);
		if (c[CW_METRIC_ARRESTS] && c[CW_METRIC_CHARGES])
			sb_add(&sb, "%s", _(" and "));
		if (c[CW_METRIC_CHARGES])
			sb_add(&sb, P_("%zu new charge", "%zu new charges", c[CW_METRIC_CHARGES]),
			       c[CW_METRIC_CHARGES]);
		for (int g = CW_GROUP_INCITEMENT; g <= CW_GROUP_LESE_MAJESTE; g++) {
			if (!r->groups[g])
				continue;
			sb_add(&sb, "%s",
			       g == CW_GROUP_INCITEMENT || !r->groups[CW_GROUP_INCITEMENT]
				       ? "; "
				       : _(", "));
			/* "of them": arrests and charges, not people (one arrested and
			 * charged under 494/495 counts twice) */
			sb_add(&sb,
			       c[CW_METRIC_ARRESTS] + c[CW_METRIC_CHARGES] > 1
				       ? _("%zu of them under %s")
				       : _("%zu under %s"),
			       r->groups[g], cw_report_group_label((enum cw_report_group)g));
		}
		/* The accounts counted: another account of an arrest counted once adds none. */
		accounts(&sb, c_views[CW_METRIC_ARRESTS] | c_views[CW_METRIC_CHARGES]);
		/* Arrested and not listed as held: said, with why for each (what their records
		 * say), not left to be read as released. */
		if (c[CW_METRIC_ARRESTS])
			unlisted_arrests(&sb, r);
		/* More arrests at the demonstrations than arrests logged: the logged ones may be
		 * among them, not the other way (a trial read "1 new arrest ... at least 3
		 * arrests, which may be among these"). */
		if (demo_arrests(c) && c[CW_METRIC_ARRESTS] &&
		    demo_arrests_said(r, c) > c[CW_METRIC_ARRESTS])
			demo_arrests_text(&sb, r, c,
					  _("; the demonstrations below recorded %s, and these may "
					    "be among them"));
		else if (demo_arrests(c) && c[CW_METRIC_ARRESTS])
			demo_arrests_text(
				&sb, r, c,
				_("; the demonstrations below recorded %s, which may be among "
				  "these"));
		else if (demo_arrests(c))
			demo_arrests_text(
				&sb, r, c,
				_("; no arrest was logged as a milestone, and the demonstrations "
				  "below recorded %s"));
		sb_add(&sb, "%s", stop());
		if (taken) {
			if ((rc = sentence(doc, &sb)) != 0)
				return rc;
			sb_add(&sb,
			       taken_partial
				       ? P_("At least %zu person was taken into pretrial detention "
					    "during the period",
					    "At least %zu people were taken into pretrial "
					    "detention "
					    "during the period",
					    taken)
				       : P_("%zu person was taken into pretrial detention during "
					    "the period",
					    "%zu people were taken into pretrial detention during "
					    "the period",
					    taken),
			       taken);
			list_accounts(&sb, &r->detentions, -1);
			if (listed < taken)
				detention_taken_listed(&sb, taken, listed_by);
			sb_add(&sb, "%s", stop());
		}
	}
	if ((rc = sentence(doc, &sb)) != 0)
		return rc;

	/* Verdicts and rulings, as many as the table's rows. */
	if (c[CW_METRIC_VERDICTS]) {
		uint32_t seen = 0;
		size_t people, groups, contradicted;
		int partial;

		for (size_t i = 0; i < r->nverdicts; i++)
			seen |= cw_report_view_bit(r->verdicts[i].rec);
		/* Counted per defendant and ruling: one ruling on three charges is one verdict. */
		sb_add(&sb,
		       P_("%zu verdict or ruling was recorded",
			  "%zu verdicts and rulings were recorded", c[CW_METRIC_VERDICTS]),
		       c[CW_METRIC_VERDICTS]);
		if (verdict_people(r, &people, &partial, &groups) != 0)
			sb.failed = 1;
		/* A group of unnamed defendants is one decision but many people: say both, each
		 * person and group once however many rulings decide on them. */
		if (groups && partial)
			sb_add(&sb,
			       P_(", one per defendant or group of unnamed defendants (at least "
				  "%zu person in all)",
				  ", one per defendant or group of unnamed defendants (at least "
				  "%zu people in all)",
				  people),
			       people);
		else if (groups)
			sb_add(&sb,
			       P_(", one per defendant or group of unnamed defendants (%zu person "
				  "in "
				  "all)",
				  ", one per defendant or group of unnamed defendants (%zu people "
				  "in "
				  "all)",
				  people),
			       people);
		if (r->nrulings != c[CW_METRIC_VERDICTS])
			sb_add(&sb,
			       groups ? P_(", in %zu ruling", ", in %zu rulings", r->nrulings)
				      : P_(", one per defendant, in %zu ruling",
					   ", one per defendant, in %zu rulings", r->nrulings),
			       r->nrulings);
		accounts(&sb, seen);
		verdict_results(&sb, r);
		if (r->nverdicts != c[CW_METRIC_VERDICTS] && r->linked_rulings &&
		    !linked_hearing(r))
			sb_add(&sb,
			       P_("; the table has %zu row, one per charge a ruling names in each "
				  "account of it",
				  "; the table has %zu rows, one per charge a ruling names in each "
				  "account of it",
				  r->nverdicts),
			       r->nverdicts);
		else if (r->nverdicts != c[CW_METRIC_VERDICTS] && r->linked_rulings)
			sb_add(&sb,
			       P_("; the table has %zu row, one per charge a ruling names in each "
				  "account of its hearing",
				  "; the table has %zu rows, one per charge a ruling names in each "
				  "account of its hearing",
				  r->nverdicts),
			       r->nverdicts);
		else if (r->nverdicts != c[CW_METRIC_VERDICTS])
			sb_add(&sb,
			       P_("; the table has %zu row, one per charge a ruling names",
				  "; the table has %zu rows, one per charge a ruling names",
				  r->nverdicts),
			       r->nverdicts);
		sb_add(&sb, "%s", stop());
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
		/* Two accounts of one day that disagree are both counted above: say so. */
		if ((contradicted = contradicted_rulings(r)) > 0)
			sb_add(&sb,
			       P_("%zu ruling is contradicted by another record of the same day "
				  "(the same defendant and charge, another result): see the "
				  "verdicts below",
				  "%zu rulings are contradicted by another record of the same day "
				  "(the same defendant and charge, another result): see the "
				  "verdicts below",
				  contradicted),
			       contradicted);
		if (contradicted)
			sb_add(&sb, "%s", stop());
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}

	/* Bail, releases and pardons: how many, whose accounts, and their outcomes as recorded
	 * (a bail refused is not a release). */
	for (size_t i = 0; i < r->hearings.n; i++)
		bail_hearings += cw_report_hearing_bail(r, i) != CW_DECISION_UNKNOWN;
	if (r->releases.n || bail_hearings) {
		size_t granted = 0, refused = 0, unknown = 0, other[256] = {0}, carried = 0;
		size_t all;
		uint32_t views = 0;
		int any = 0;

		for (size_t i = 0; i < r->hearings.n; i++) {
			int decided = cw_report_hearing_bail(r, i);

			granted += decided == CW_DECISION_GRANTED;
			refused += decided == CW_DECISION_REFUSED;
			if (decided)
				views |= cw_report_view_bit(&r->hearings.items[i]);
		}
		for (size_t i = 0; i < r->releases.n; i++)
			views |= cw_report_view_bit(&r->releases.items[i]);
		for (size_t i = 0; i < r->releases.n; i++) {
			const struct cw_milestone *m = &r->releases.items[i].u.milestone;

			/* A release on the day bail was granted to the same person carries that
			 * decision out: one decision, counted by the bail (a field trial counted
			 * two). */
			if (cw_report_release_carries_bail(r, i)) {
				carried++;
				continue;
			}
			if (m->outcome == CW_DECISION_REFUSED)
				refused++;
			else if (m->outcome == CW_DECISION_GRANTED)
				granted++;
			else if (m->type == CW_MS_BAIL || m->type == CW_MS_RELEASE)
				unknown++;
			else /* a house arrest, a pardon ... that records no outcome: by its kind */
				other[m->type]++;
		}
		all = r->releases.n + bail_hearings - carried;
		sb_add(&sb,
		       P_("%zu decision on bail, release or pardon was recorded",
			  "%zu decisions on bail, release or pardon were recorded", all),
		       all);
		accounts(&sb, views);
		if (granted)
			sb_add(&sb, P_(": %zu granted", ": %zu granted", granted), granted);
		if (refused)
			sb_add(&sb, P_("%s%zu refused", "%s%zu refused", refused),
			       granted ? ", " : ": ", refused);
		if (unknown)
			sb_add(&sb,
			       P_("%s%zu with no outcome recorded (counted as granted below)",
				  "%s%zu with no outcome recorded (counted as granted below)",
				  unknown),
			       granted || refused ? ", " : ": ", unknown);
		any = granted || refused || unknown;
		for (size_t t = 0; t < sizeof other / sizeof other[0]; t++) {
			if (!other[t])
				continue;
			sb_add(&sb, "%s", any ? _(", ") : _(": "));
			if (t == CW_MS_HOUSE_ARREST)
				sb_add(&sb, P_("%zu house arrest", "%zu house arrests", other[t]),
				       other[t]);
			else if (t == CW_MS_SUPERVISION)
				sb_add(&sb,
				       P_("%zu placement under judicial supervision",
					  "%zu placements under judicial supervision", other[t]),
				       other[t]);
			else if (t == CW_MS_PRETRIAL_END)
				sb_add(&sb,
				       P_("%zu end of pretrial detention",
					  "%zu ends of pretrial detention", other[t]),
				       other[t]);
			else if (t == CW_MS_PARDON)
				sb_add(&sb, P_("%zu pardon", "%zu pardons", other[t]), other[t]);
			else /* TRANSLATORS: a count and the kind of milestone it counts */
				sb_add(&sb, _("%zu %s"), other[t],
				       word(&cw_words_milestone, (uint8_t)t));
			any = 1;
		}
		if (carried)
			sb_add(&sb,
			       P_(" (%zu release on the day of a bail granted to the same person "
				  "is counted with that decision)",
				  " (%zu releases on the day of a bail granted to the same person "
				  "are counted with those decisions)",
				  carried),
			       carried);
		sb_add(&sb, "%s", stop());
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}

	/* Visits, demonstrations, other incidents. */
	if (c[CW_METRIC_VISITS]) {
		size_t denied = 0, restricted = 0;

		for (size_t i = 0; i < r->visits.n; i++) {
			if (!cw_report_counted(r->visit_counted, i))
				continue; /* as its event's counted account says */
			denied += r->visits.items[i].u.visit.access == CW_ACCESS_DENIED;
			restricted += r->visits.items[i].u.visit.access == CW_ACCESS_RESTRICTED;
		}
		sb_add(&sb, P_("%zu prison visit", "%zu prison visits", c[CW_METRIC_VISITS]),
		       c[CW_METRIC_VISITS]);
		/* Whom they met, each once (a prison visit monitor's trial asked for it). */
		if (c[CW_METRIC_VISIT_DETAINEES])
			sb_add(&sb,
			       P_(" that met %zu detainee", " that met %zu detainees",
				  c[CW_METRIC_VISIT_DETAINEES]),
			       c[CW_METRIC_VISIT_DETAINEES]);
		{
			struct sb differ = {0};

			visit_access_differ(&differ, r);
			accounts_and(&sb, c_views[CW_METRIC_VISITS], &differ);
			free(differ.s);
		}
		/* A visit refused at the gate met no one: "3 prison visits" alone would read as
		 * three visits made. */
		if (denied)
			sb_add(&sb,
			       P_(", %zu of them refused access", ", %zu of them refused access",
				  denied),
			       denied);
		if (restricted)
			sb_add(&sb,
			       P_("%s%zu with access restricted", "%s%zu with access restricted",
				  restricted),
			       denied ? " and " : ", ", restricted);
		/* The detainees who were kept from a lawyer or from their family, each once, as
		 * the visits' accounts above say it (001 para 36, 002 para 28): the rows name
		 * them. */
		{
			size_t lawyer = cw_report_visit_access_kept(r, 1),
			       family = cw_report_visit_access_kept(r, 0);

			if (lawyer)
				sb_add(&sb,
				       P_("; %zu detainee denied or restricted access to a lawyer",
					  "; %zu detainees denied or restricted access to a lawyer",
					  lawyer),
				       lawyer);
			if (family)
				sb_add(&sb,
				       P_("%s%zu detainee denied or restricted access to family",
					  "%s%zu detainees denied or restricted access to family",
					  family),
				       lawyer ? ", " : "; ", family);
		}
		other_accounts(&sb, r->visit_counted, r->visits.n);
	}
	if (c[CW_METRIC_DEMOS] && (cw_report_several(r->demo_arrests_by.given) ||
				   cw_report_several(r->demo_injured_by.given))) {
		/* Several accounts give the arrests or the people injured: each account's
		 * figures apart, never added (a government's 2 arrests and the team's 5 read "7
		 * arrests"). */
		struct sb differ = {0};

		sb_add(&sb, "%s", sb.n ? "; " : "");
		sb_add(&sb, P_("%zu demonstration", "%zu demonstrations", c[CW_METRIC_DEMOS]),
		       c[CW_METRIC_DEMOS]);
		if (c[CW_METRIC_DEMO_ARRESTS] == CW_REPORT_NOT_RECORDED)
			sb_add(&sb, "%s", _(", arrests not recorded"));
		demo_arrests_differ(&differ, r);
		accounts_and(&sb,
			     c_views[CW_METRIC_DEMOS] | r->demo_arrests_by.given |
				     r->demo_injured_by.given,
			     &differ);
		free(differ.s);
		sb_add(&sb, "%s", _(": "));
		demo_accounts_give(&sb, r);
		demo_unlinked_text(&sb, r);
		other_accounts(&sb, r->demo_counted, r->demos.n);
	} else if (c[CW_METRIC_DEMOS]) {
		sb_add(&sb, "%s", sb.n ? "; " : "");
		sb_add(&sb, P_("%zu demonstration", "%zu demonstrations", c[CW_METRIC_DEMOS]),
		       c[CW_METRIC_DEMOS]);
		if (c[CW_METRIC_DEMO_ARRESTS] == CW_REPORT_NOT_RECORDED)
			sb_add(&sb, "%s", _(", arrests not recorded"));
		else if (c[CW_METRIC_DEMO_ARRESTS] && r->demo_arrests_at_least)
			/* Some recorded their arrests, some not: what is known is a least. */
			sb_add(&sb,
			       P_(" with at least %zu arrest", " with at least %zu arrests",
				  c[CW_METRIC_DEMO_ARRESTS]),
			       c[CW_METRIC_DEMO_ARRESTS]);
		else if (c[CW_METRIC_DEMO_ARRESTS])
			sb_add(&sb,
			       P_(" with %zu arrest", " with %zu arrests",
				  c[CW_METRIC_DEMO_ARRESTS]),
			       c[CW_METRIC_DEMO_ARRESTS]);
		/* The people injured, said as the arrests are (nothing when no demonstration
		 * recorded them, or none was injured: the comparison's row says "not
		 * recorded"): " and 3 injured" after arrests, else " with 3 injured". */
		if (c[CW_METRIC_DEMO_INJURED] != CW_REPORT_NOT_RECORDED &&
		    c[CW_METRIC_DEMO_INJURED]) {
			struct sb injured = {0};

			injured_text(&injured, (int64_t)c[CW_METRIC_DEMO_INJURED],
				     r->demo_injured_at_least);
			if (c[CW_METRIC_DEMO_ARRESTS] == CW_REPORT_NOT_RECORDED)
				sb_add(&sb, ", %s", injured.s ? injured.s : "");
			else if (c[CW_METRIC_DEMO_ARRESTS])
				/* TRANSLATORS: after "1 demonstration with 5 arrests": the people
				 * injured, "3 injured" */
				sb_add(&sb, _(" and %s"), injured.s ? injured.s : "");
			else
				/* TRANSLATORS: after "1 demonstration": the people injured, "3
				 * injured" */
				sb_add(&sb, _(" with %s"), injured.s ? injured.s : "");
			sb.failed |= injured.failed;
			free(injured.s);
		}
		{
			/* The accounts of the records counted, and where linked accounts give
			 * other arrests or injured (a government's 2 beside the UN's 5 counted). */
			struct sb differ = {0};

			demo_arrests_differ(&differ, r);
			accounts_and(&sb,
				     c_views[CW_METRIC_DEMOS] |
					     (c[CW_METRIC_DEMO_ARRESTS] == CW_REPORT_NOT_RECORDED
						      ? 0
						      : c_views[CW_METRIC_DEMO_ARRESTS]) |
					     (c[CW_METRIC_DEMO_INJURED] == CW_REPORT_NOT_RECORDED
						      ? 0
						      : c_views[CW_METRIC_DEMO_INJURED]),
				     &differ);
			free(differ.s);
		}
		demo_unlinked_text(&sb, r);
		other_accounts(&sb, r->demo_counted, r->demos.n);
	}
	if (r->incidents.n) {
		size_t events = 0;

		/* Each incident once, however many linked accounts tell it, and only where it
		 * is counted: an account of one another period counts is its row alone. */
		for (size_t i = 0; i < r->incidents.n; i++)
			events += (size_t)cw_report_counted(r->incident_counted, i);
		if (events) {
			sb_add(&sb, "%s", sb.n ? "; " : "");
			sb_add(&sb, P_("%zu other incident", "%zu other incidents", events),
			       events);
			accounts(&sb, accounts_here(&r->incidents, r->incident_counted));
			other_accounts(&sb, r->incident_counted, r->incidents.n);
		}
	}
	if (r->case_events.n) {
		size_t by_type[256] = {0};
		int first = 1;

		size_t events = 0;

		/* Each event once, however many linked accounts tell it (a killing the UN and
		 * the government tell was two), and only where it is counted. */
		for (size_t i = 0; i < r->case_events.n; i++)
			if (cw_report_counted(r->case_event_counted, i)) {
				by_type[r->case_events.items[i].u.milestone.type]++;
				events++;
			}
		if (events) {
			sb_add(&sb, "%s", sb.n ? "; " : "");
			sb_add(&sb,
			       P_("%zu other event of a case", "%zu other events of cases", events),
			       events);
			accounts(&sb, accounts_here(&r->case_events, r->case_event_counted));
		}
		/* By type: "1 appeal lodged, 1 other". */
		for (unsigned t = 0; t < 256; t++) {
			if (!by_type[t])
				continue;
			/* TRANSLATORS: how many events of a type: "2 appeal lodged" */
			sb_add(&sb, _("%s%zu %s"), first ? ": " : ", ", by_type[t],
			       t ? word(&cw_words_milestone, t) : _("not recorded"));
			first = 0;
		}
		other_accounts(&sb, r->case_event_counted, r->case_events.n);
	}
	if (sb.n)
		sb_add(&sb, "%s", stop());
	if ((rc = sentence(doc, &sb)) != 0)
		return rc;
	{
		/* Rows of events counted in another period: listed, not counted here, and
		 * said, so that a row in a table no figure includes is not a puzzle. */
		size_t away = elsewhere_rows(r->hearing_counted, r->hearings.n) +
			      elsewhere_rows(r->arrest_counted, r->arrests.n) +
			      elsewhere_rows(r->visit_counted, r->visits.n) +
			      elsewhere_rows(r->demo_counted, r->demos.n) +
			      elsewhere_rows(r->incident_counted, r->incidents.n) +
			      elsewhere_rows(r->case_event_counted, r->case_events.n) +
			      r->nverdicts_away;

		if (away) {
			sb_add(&sb,
			       P_("%zu row below is another account of an event counted in an "
				  "earlier or a later period, by its account dated there: its "
				  "figures are not added to this period's.",
				  "%zu rows below are other accounts of events counted in an "
				  "earlier or a later period, by their accounts dated there: their "
				  "figures are not added to this period's.",
				  away),
			       away);
			if ((rc = sentence(doc, &sb)) != 0)
				return rc;
		}
	}

	/* The sources' own counts, apart: each is the source's figure, not events listed here. */
	for (size_t i = 0; i < r->tallies.n; i++) {
		char text[300];

		tally_text(&r->tallies.items[i], text, sizeof text);
		sb_add(&sb, "%s",
		       sb.n ? "; "
			    : _("Sources also give tallies, not added to the counts above "
				"(they may include events counted there): "));
		sb_add(&sb, "%s", text);
		accounts(&sb, cw_report_view_bit(&r->tallies.items[i]));
	}
	if (sb.n)
		sb_add(&sb, "%s", stop());
	if ((rc = sentence(doc, &sb)) != 0)
		return rc;

	/* Pretrial detention: those the accounts recorded list as held at the period's end, then
	 * those whose accounts stop before it. A period that runs past today ends, for them,
	 * today: the days after it are not lived yet. */
	if (cw_date_compare(r->held_to, r->to) < 0 && (r->ndetainees || r->nunstarted)) {
		char today[CW_DATE_TEXT_MAX];

		cw_date_format(r->held_to, today);
		sb_add(&sb,
		       _("The period ends after today (%s): pretrial detention is counted to "
			 "today, and \"at the end of the period\" below means today."),
		       today);
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}
	if ((rc = detention_held_at_end(doc, &sb, r, began_said)) != 0 ||
	    (rc = detention_last_reported(doc, &sb, r)) != 0 ||
	    (rc = detention_may_begin_later(doc, &sb, r)) != 0 ||
	    (rc = detention_may_have_ended(doc, &sb, r)) != 0 ||
	    (rc = detention_accounts_differ(doc, &sb, r)) != 0 ||
	    (rc = detention_unstarted(doc, &sb, r)) != 0 ||
	    (rc = detention_past_order(doc, &sb, r)) != 0)
		return rc;
	if (r->nupcoming) {
		size_t same = 0, differ = 0, months = 0;
		uint32_t upcoming_views = 0, month_views = 0;
		int years = 0; /* one of the months is a year */

		/* Accounts of one hearing that set its next date: one hearing, the days they
		 * give said when they differ. */
		for (size_t i = 0; r->upcoming_same && i < r->nupcoming; i++) {
			size_t k = r->upcoming_same[i], j;

			if (k == SIZE_MAX)
				continue;
			same++;
			for (j = 0; j < i; j++) /* each hearing to come whose days differ once */
				if (r->upcoming_same[j] == k &&
				    cw_date_compare(r->upcoming[j].date, r->upcoming[k].date))
					break;
			differ += j == i &&
				  cw_date_compare(r->upcoming[i].date, r->upcoming[k].date) != 0;
		}
		/* Whose accounts set them: the hearing's own, or the one whose next date it is.
		 * A hearing to come whose accounts give only a month that overlaps the days is
		 * said apart: it is not known to be in them. One of whose accounts gives a day is
		 * said with the days, and every account of it with it (a review found the team's
		 * month left out of the accounts of a day another account gave). */
		unsigned char *day_given = calloc(r->nupcoming, 1);

		if (!day_given)
			return CW_ENOMEM;
		for (size_t i = 0; i < r->nupcoming; i++)
			if (cw_date_precision(r->upcoming[i].date) == CW_DATE_DAY)
				day_given[upcoming_first(r, i)] = 1;
		for (size_t i = 0; i < r->nupcoming; i++) {
			size_t first = upcoming_first(r, i);
			int month = !day_given[first];

			years |= month && cw_date_precision(r->upcoming[i].date) == CW_DATE_YEAR;
			if (month)
				month_views |= cw_report_view_bit(r->upcoming[i].hearing);
			else
				upcoming_views |= cw_report_view_bit(r->upcoming[i].hearing);
			months += month && first == i;
		}
		free(day_given);
		if (r->nupcoming - same > months) {
			sb_add(&sb,
			       P_("%zu hearing is set in the %d days after the period",
				  "%zu hearings are set in the %d days after the period",
				  r->nupcoming - same - months),
			       r->nupcoming - same - months, CW_REPORT_UPCOMING_DAYS);
			accounts(&sb, upcoming_views);
			sb_add(&sb, "%s", stop());
		}
		if (months) {
			sb_add(&sb, "%s", r->nupcoming - same > months ? " " : "");
			if (years)
				sb_add(&sb,
				       /* TRANSLATORS: next dates known only to their month or
					* their year, which overlaps the days after the report's
					* period */
				       P_("%zu hearing is set for a month or a year that overlaps "
					  "the %d days after the period, its day not known",
					  "%zu hearings are set for a month or a year that "
					  "overlaps the %d days after the period, their days not "
					  "known",
					  months),
				       months, CW_REPORT_UPCOMING_DAYS);
			else
				sb_add(&sb,
				       /* TRANSLATORS: next dates known only to their month, which
					* overlaps the days after the report's period */
				       P_("%zu hearing is set for a month that overlaps the %d "
					  "days after the period, its day not known",
					  "%zu hearings are set for a month that overlaps the %d "
					  "days after the period, their days not known",
					  months),
				       months, CW_REPORT_UPCOMING_DAYS);
			accounts(&sb, month_views);
			sb_add(&sb, "%s", stop());
		}
		if (differ)
			sb_add(&sb,
			       P_(" The accounts of %zu hearing give it different dates, each "
				  "listed below.",
				  " The accounts of %zu hearings give them different dates, each "
				  "listed below.",
				  differ),
			       differ);
		if ((rc = sentence(doc, &sb)) != 0)
			return rc;
	}
	return 0;
}

/* What a heading says of its rows (struct cw_rsection: count). */
static void count_text(struct cw_rsection *s)
{
	s->count[0] = '\0';
	if (!cw_rsection_counted(s))
		return;
	if (s->uncounted)
		/* TRANSLATORS: a heading's count when some rows are other accounts of an event
		 * counted in another row or period: "Demonstrations (2 rows, 1 counted)" */
		snprintf(s->count, sizeof s->count,
			 P_("%zu row, %zu counted", "%zu rows, %zu counted", s->nrows), s->nrows,
			 s->nrows - s->uncounted);
	else
		snprintf(s->count, sizeof s->count, "%zu", s->nrows);
}

int cw_rdoc_build(const struct cw_report *r, struct cw_rdoc *doc)
{
	struct builder b = {r, doc, NULL, {NULL}, 0, {NULL, 0, NULL, NULL}};
	char from[CW_DATE_TEXT_MAX], to[CW_DATE_TEXT_MAX], pf[CW_DATE_TEXT_MAX],
		pt[CW_DATE_TEXT_MAX], nf[CW_DATE_TEXT_MAX], nt[CW_DATE_TEXT_MAX],
		held[CW_DATE_TEXT_MAX];
	int upcoming_months = 0;

	memset(doc, 0, sizeof *doc);
	cw_date_format(r->from, from);
	cw_date_format(r->to, to);
	cw_date_format(r->prev_from, pf);
	cw_date_format(r->prev_to, pt);
	cw_date_format(r->next_from, nf);
	cw_date_format(r->next_to, nt);
	doc->empty = cw_report_is_empty(r);
	doc->undated = r->undated;
	if (cw_rdoc_header(r, doc) != 0 || cw_rdoc_summary(r, doc) != 0) {
		cw_rdoc_free(doc);
		return CW_ENOMEM;
	}

	/* The team's own observations apart from what documents report: a UN or government
	 * account of a hearing must never be counted as a hearing the team sat in. */
	section(&b, "hearings_own", N_("Hearings the team went to"),
		own_accounts_out(r) ? N_("The team's own accounts are outside the filter: its "
					 "hearings are not listed here.")
				    : N_("No hearings the team went to in this period."),
		CW_RC_DATE, N_("Date"), CW_RC_ACCOUNT, N_("Account"), CW_RC_CASE, N_("Case"),
		CW_RC_PEOPLE, N_("Defendants"), CW_RC_PLACE, N_("Court"), CW_RC_STAGE, N_("Stage"),
		CW_RC_OUTCOME, N_("Outcome"), CW_RC_NEXT_DATE, N_("Next date"), CW_RC_CONCERNS,
		N_("Fair-trial indicators answered no"), CW_RC_DETAIL, N_("Details and notes"), -1);
	b.sec->wants_note = 1;
	b.sec->note =
		note("%s", _("Hearings the team observed itself, and those it went to and was "
			     "not admitted to (account: own observation)."));
	hearings(&b, 1);
	section(&b, "hearings_reported", N_("Hearings reported in documents"),
		N_("No hearings reported in documents in this period."), CW_RC_DATE, N_("Date"),
		CW_RC_ACCOUNT, N_("Account"), CW_RC_CASE, N_("Case"), CW_RC_PEOPLE,
		N_("Defendants"), CW_RC_PLACE, N_("Court"), CW_RC_STAGE, N_("Stage"), CW_RC_OUTCOME,
		N_("Outcome"), CW_RC_NEXT_DATE, N_("Next date"), CW_RC_CONCERNS,
		N_("Fair-trial indicators answered no"), CW_RC_DETAIL, N_("Details and notes"), -1);
	b.sec->wants_note = 1;
	{
		size_t theirs = 0; /* rows that are accounts of hearings the team observed */

		for (size_t i = 0; r->hearing_own && i < r->hearings.n; i++)
			theirs += r->hearing_own[i] != SIZE_MAX;
		if (own_accounts_out(r))
			b.sec->note = note("%s", _("Hearings as UN, government, media, NGO or "
						   "other accounts give them, or whose account "
						   "is not recorded. The team's own accounts are "
						   "outside the filter: some of these may be "
						   "hearings the team observed."));
		else if (theirs)
			b.sec->note = note(
				P_("Hearings the team did not observe itself, as UN, government, "
				   "media, NGO or other accounts give them, or whose account is "
				   "not "
				   "recorded; counted apart from the team's own. %zu row is "
				   "another "
				   "account of a hearing the team observed, counted once, as the "
				   "team's, and not here.",
				   "Hearings the team did not observe itself, as UN, government, "
				   "media, NGO or other accounts give them, or whose account is "
				   "not "
				   "recorded; counted apart from the team's own. %zu rows are "
				   "other "
				   "accounts of hearings the team observed, counted once, as the "
				   "team's, and not here.",
				   theirs),
				theirs);
		else
			b.sec->note = note("%s", _("Hearings the team did not observe itself, as "
						   "UN, government, media, NGO or other accounts "
						   "give them, or whose account is not recorded; "
						   "counted apart from the team's own."));
	}
	hearings(&b, 0);
	/* Only when there are some: a source that sets a hearing it does not report is rare. */
	if (r->hearings_set.n) {
		section(&b, "hearings_set", N_("Hearings set in documents, not reported held"), "",
			CW_RC_DATE, N_("Date"), CW_RC_ACCOUNT, N_("Account"), CW_RC_CASE,
			N_("Case"), CW_RC_PEOPLE, N_("Defendants"), CW_RC_PLACE, N_("Court"),
			CW_RC_STAGE, N_("Stage"), CW_RC_OUTCOME, N_("Outcome"), CW_RC_DETAIL,
			N_("Details and notes"), -1);
		b.sec->wants_note = 1;
		b.sec->note = note("%s", _("Hearings another account's source set for the period "
					   "(\"a verdict will be announced on ...\") but, as of "
					   "its date, could not report held: counted nowhere."));
		hearings_set(&b);
	}
	/* Only when there are some: a date set and let pass unlogged. */
	if (r->nmissed) {
		section(&b, "hearings_missed", N_("Hearings set for the period, nothing logged"),
			"", CW_RC_DATE, N_("Date"), CW_RC_ACCOUNT, N_("Account"), CW_RC_CASE,
			N_("Case"), CW_RC_PEOPLE, N_("Defendants"), CW_RC_PLACE, N_("Court"),
			CW_RC_LABEL, N_("Date known from"), CW_RC_OUTCOME, N_("Outcome"), -1);
		b.sec->wants_note = 1;
		b.sec->note = note(
			"%s",
			_("Days of the period an earlier hearing set as its case's next date, "
			  "gone by with no hearing of the case logged for that day in any "
			  "account, nor a later one that moved the case on, and months so set "
			  "that ended in the period with no hearing of the case logged in them: "
			  "whether it was held is not recorded, and it is counted nowhere."));
		missed(&b);
	}
	section(&b, "fair_trial", N_("Fair-trial indicators at the period's hearings"),
		N_("No hearings in this period."), CW_RC_LABEL, N_("Indicator"), CW_RC_ACCOUNT,
		N_("Hearings"), CW_RC_MET, N_("Met"), CW_RC_NOT_MET, N_("Not met"), CW_RC_NA,
		N_("Not applicable"), CW_RC_UNKNOWN, N_("Unknown"), CW_RC_DETAIL,
		N_("Notes (and the hearing each is from)"), -1);
	b.sec->wants_note = 1;
	b.sec->note =
		note("%s", _("How many of the period's hearings met each fair-trial "
			     "indicator (ICCPR art. 14), did not, found it not applicable, or "
			     "left it unknown (not recorded at that hearing); the team's own "
			     "hearings apart from those documents report. A hearing several "
			     "accounts give is counted once, by the team's account where there "
			     "is one (an indicator it leaves unanswered as another of the team's "
			     "accounts answers it); the notes say where another account answers "
			     "otherwise."));
	fair_trial(&b);
	section(&b, "arrests_charges", N_("New arrests and charges"),
		N_("No arrest or charge was logged as a milestone in this period (arrests seen at "
		   "a "
		   "demonstration are under Demonstrations)."),
		CW_RC_DATE, N_("Date"), CW_RC_ACCOUNT, N_("Account"), CW_RC_LABEL, N_("Event"),
		CW_RC_PEOPLE, N_("Person"), CW_RC_CASE, N_("Case"), CW_RC_ARTICLES, N_("Articles"),
		CW_RC_DETAIL, N_("Details and notes"), -1);
	arrests(&b);
	section(&b, "charges_by_article", N_("Arrests and charges by article"),
		N_("No arrest or charge was logged as a milestone in this period."), CW_RC_LABEL,
		N_("Article or group"), CW_RC_DETAIL, N_("Offence"), CW_RC_COUNT,
		N_("Arrests and charges"), CW_RC_PEOPLE_COUNT, N_("People"), -1);
	b.sec->wants_note = 1;
	b.sec->note = note("%s", _("Each arrest or charge counts once under each article it names, "
				   "else under every article the case charges the person with, "
				   "and a group of unnamed defendants as many times as its number; "
				   "494/495 and 437 bis are also counted as groups. People counts "
				   "each person once however many of these events concern them, "
				   "and a group by the largest number its events give."));
	if (r->arrests.n) /* else every group is zero: say so once instead */
		by_article(&b);
	section(&b, "verdicts", N_("Verdicts and sentences"),
		N_("No verdicts recorded in this period."), CW_RC_DATE, N_("Date"), CW_RC_ACCOUNT,
		N_("Account"), CW_RC_PEOPLE, N_("Person"), CW_RC_CASE, N_("Case"), CW_RC_PLACE,
		N_("Court"), CW_RC_ARTICLES, N_("Charge"), CW_RC_OUTCOME, N_("Result"),
		CW_RC_DETAIL, N_("Sentence, details and notes"), -1);
	verdicts(&b);
	section(&b, "releases", N_("Bail, releases and pardons"),
		N_("No bail, release or pardon recorded in this period."), CW_RC_DATE, N_("Date"),
		CW_RC_ACCOUNT, N_("Account"), CW_RC_LABEL, N_("Event"), CW_RC_PEOPLE, N_("Person"),
		CW_RC_CASE, N_("Case"), CW_RC_DETAIL, N_("Details and notes"), -1);
	b.sec->wants_note = 1;
	b.sec->note = note("%s", _("Each with its outcome as recorded. A bail or release whose "
				   "outcome was not recorded is counted as granted in the pretrial "
				   "detention below."));
	releases(&b);
	section(&b, "case_events", N_("Other events in cases"),
		N_("No other event of a case recorded in this period."), CW_RC_DATE, N_("Date"),
		CW_RC_ACCOUNT, N_("Account"), CW_RC_LABEL, N_("Event"), CW_RC_PEOPLE, N_("Person"),
		CW_RC_CASE, N_("Case"), CW_RC_PLACE, N_("Court"), CW_RC_DETAIL,
		N_("Details and notes"), -1);
	b.sec->wants_note = 1;
	b.sec->note = note("%s", _("Appeals lodged, trials suspended, resumed or postponed, and "
				   "the events logged as other (a killing, a disappearance), as "
				   "recorded."));
	case_events(&b);
	section(&b, "visits", N_("Prison visits"), N_("No prison visits in this period."),
		CW_RC_DATE, N_("Date"), CW_RC_ACCOUNT, N_("Account"), CW_RC_PLACE, N_("Facility"),
		CW_RC_OUTCOME, N_("Access"), CW_RC_CONCERNS, N_("Concerns"), CW_RC_PEOPLE,
		N_("Detainees seen"), CW_RC_DETAIL, N_("Follow-up and notes"), -1);
	/* A visit names detainees, not articles: the reader is told how the filter found it, and
	 * that its row and figures are of everyone it met, not only of those charged. */
	if (r->filter.narticles) {
		b.sec->wants_note = 1;
		b.sec->note = note("%s", _("A visit is under the filter's articles when someone it "
					   "met is charged under one of them in a case, whenever "
					   "charged; its row, and the figures, give everyone it "
					   "met."));
	}
	visits(&b);
	section(&b, "demonstrations", N_("Demonstrations"), N_("No demonstrations in this period."),
		CW_RC_DATE, N_("Date"), CW_RC_ACCOUNT, N_("Account"), CW_RC_PLACE, N_("Place"),
		CW_RC_DETAIL, N_("Organiser, cause and notes"), CW_RC_OUTCOME, N_("Response"),
		CW_RC_COUNT, N_("Arrests"), CW_RC_PEOPLE, N_("Arrested"), CW_RC_INJURED,
		N_("Injured"), -1);
	/* Found by the people it records arrested, as a visit by those it met. */
	if (r->filter.narticles) {
		b.sec->wants_note = 1;
		b.sec->note = note("%s", _("A demonstration is under the filter's articles when "
					   "someone it records arrested is charged under one of "
					   "them in a case, whenever charged; its row, and the "
					   "figures, give every arrest it recorded."));
	}
	demos(&b);
	section(&b, "incidents", N_("Other incidents"), N_("No other incidents in this period."),
		CW_RC_DATE, N_("Date"), CW_RC_ACCOUNT, N_("Account"), CW_RC_OUTCOME,
		N_("What happened"), CW_RC_PLACE, N_("Target or place"), CW_RC_COUNT, N_("Count"),
		CW_RC_DETAIL, N_("Details and notes"), CW_RC_PEOPLE, N_("People"), -1);
	b.sec->wants_note = 1;
	b.sec->note = note("%s", _("Outlets closed, websites or accounts blocked, candidates kept "
				   "off an election, political bans and restored rights, policies: "
				   "what is not a hearing, a visit, a demonstration or a milestone "
				   "of a case."));
	incidents(&b);
	section(&b, "upcoming_hearings", N_("Upcoming hearings"),
		N_("No hearings scheduled in the following 14 days."), CW_RC_DATE, N_("Date"),
		CW_RC_ACCOUNT, N_("Account"), CW_RC_CASE, N_("Case"), CW_RC_PEOPLE,
		N_("Defendants"), CW_RC_PLACE, N_("Court"), CW_RC_STAGE, N_("Stage"), CW_RC_LABEL,
		N_("Date known from"), -1);
	b.sec->wants_note = 1;
	/* 1: a next date given only to a month is listed; 2: one given only to a year. */
	for (size_t i = 0; i < r->nupcoming; i++)
		upcoming_months |= cw_date_precision(r->upcoming[i].date) == CW_DATE_MONTH  ? 1
				   : cw_date_precision(r->upcoming[i].date) == CW_DATE_YEAR ? 2
											    : 0;
	if (upcoming_months & 2)
		b.sec->note =
			note(_("Hearings from %s to %s (the %d days after the period), and "
			       "those set for a month or a year that overlaps them, whose day "
			       "is not known and may fall outside them."),
			     nf, nt, CW_REPORT_UPCOMING_DAYS);
	else if (upcoming_months)
		b.sec->note = note(_("Hearings from %s to %s (the %d days after the period), and "
				     "those set for a month that overlaps them, whose day is not "
				     "known and may fall outside them."),
				   nf, nt, CW_REPORT_UPCOMING_DAYS);
	else
		b.sec->note = note(_("Hearings from %s to %s (the %d days after the period)."), nf,
				   nt, CW_REPORT_UPCOMING_DAYS);
	upcoming(&b);
	section(&b, "pretrial_detention", N_("Longest in pretrial detention"),
		N_("Nobody recorded as held in pretrial detention at the end of the period."),
		CW_RC_PEOPLE, N_("Person"), CW_RC_CASE, N_("Case"), CW_RC_ACCOUNT, N_("Account"),
		CW_RC_DATE, N_("Detained since"), CW_RC_COUNT, N_("Days"), CW_RC_DETAIL,
		N_("Notes"), -1);
	b.sec->wants_note = 1;
	cw_date_format(r->held_to, held);
	b.sec->note = note(_("People recorded as detained before a verdict and not released by %s, "
			     "counted to that day, or to the date a source's account stops when "
			     "that comes first: no account recorded then says whether they were "
			     "still held on %s (the %d named people held longest, everyone whose "
			     "length the records do not give, everyone arrested or detained "
			     "during the period, and every group of unnamed defendants)."),
			   held, held, CW_REPORT_DETAINEES_MAX);
	if (cw_date_compare(r->held_to, r->to) < 0 && b.sec->note) {
		char *more = note("%s %s", _("The period ends after today: counted to today."),
				  b.sec->note);

		free(b.sec->note);
		b.sec->note = more;
	}
	if (b.sec->note) {
		/* How a day is counted, said: a partner counting both ends gets one more, and
		 * reads every figure as wrong by one (a partner's trial). */
		char *more = note("%s %s", b.sec->note,
				  _("Days are counted from the day the detention began to the day "
				    "counted to, the first day not counted: held on 5 January and "
				    "released on 6 January is 1 day; on the same day, 0."));

		free(b.sec->note);
		b.sec->note = more;
	}
	if (r->nunstarted && b.sec->note) {
		char *more = note("%s %s", b.sec->note,
				  _("Last, those the entry of their case records as held before a "
				    "verdict with no dated arrest or detention logged (the most "
				    "recently recorded first): their days are not known."));

		free(b.sec->note);
		b.sec->note = more;
	}
	detainees(&b);
	/* CSV only (data_only): the summary says it to people. Its title and headers are never
	 * shown, so they are not for translation. */
	section(&b, "arrested_not_held", "Arrested, not listed as held", "", CW_RC_DATE, "Date",
		CW_RC_ACCOUNT, "Account", CW_RC_PEOPLE, "Person", CW_RC_CASE, "Case", CW_RC_LABEL,
		"Reason", CW_RC_DETAIL, "Why", -1);
	b.sec->data_only = 1;
	unlisted_rows(&b);
	section(&b, "tallies", N_("Tallies the sources give"),
		N_("No source gives a tally of hearings, visits or demonstrations for this "
		   "period."),
		CW_RC_DATE, N_("Date"), CW_RC_ACCOUNT, N_("Account"), CW_RC_LABEL, N_("Tally"),
		CW_RC_DETAIL, N_("Details, source and notes"), -1);
	b.sec->wants_note = 1;
	b.sec->note = note("%s", _("What a document counts without listing the events (\"28 "
				   "hearings monitored\"), dated in the period or over a period "
				   "within it; not counted in the sections above."));
	tallies(&b);
	section(&b, "partial_dates", N_("Dated only to a month or a year"),
		N_("No records dated only to a month or a year overlap this period."), CW_RC_DATE,
		N_("Date"), CW_RC_ACCOUNT, N_("Account"), CW_RC_LABEL, N_("Record"), CW_RC_CASE,
		N_("Case"), CW_RC_PEOPLE, N_("Person"), CW_RC_PLACE, N_("Court or place"),
		CW_RC_DETAIL, N_("Details and notes"), -1);
	b.sec->wants_note = 1;
	if (r->undated && cw_filter_is_empty(&r->filter))
		b.sec->note =
			note(P_("These records overlap the period but their day is unknown; "
				"they are not counted in the sections above. Besides, %zu "
				"record has no date at all: no period's report counts it.",
				"These records overlap the period but their day is unknown; "
				"they are not counted in the sections above. Besides, %zu "
				"records have no date at all: no period's report counts them.",
				r->undated),
			     r->undated);
	else if (r->undated)
		b.sec->note = note(P_("These records overlap the period but their day is unknown; "
				      "they are not counted in the sections above. Besides, %zu "
				      "record that matches this report's filter has no date at "
				      "all: no period's report counts it.",
				      "These records overlap the period but their day is unknown; "
				      "they are not counted in the sections above. Besides, %zu "
				      "records that match this report's filter have no date at "
				      "all: no period's report counts them.",
				      r->undated),
				   r->undated);
	else
		b.sec->note = note("%s", _("These records overlap the period but their day is "
					   "unknown; they are not counted in the sections above."));
	partial(&b);
	section(&b, "comparison", N_("Compared with the previous period"), "", CW_RC_LABEL,
		N_("Measure"), CW_RC_COUNT, N_("This period"), CW_RC_PREVIOUS,
		N_("Previous period"), CW_RC_ACCOUNT, N_("Accounts"), -1);
	b.sec->wants_note = 1;
	b.sec->note = note(_("This period %s to %s; previous period %s to %s. Accounts: whose "
			     "accounts the records counted in either period are."),
			   from, to, pf, pt);
	comparison(&b);
	comparison_others(b.sec);
	comparison_differ(b.sec, r);
	for (size_t i = 0; i < doc->nsections; i++) {
		struct cw_rsection *s = &doc->sections[i];

		if (s->wants_note && !s->note)
			b.failed = 1; /* strdup failed */
		count_text(s);
	}
	accounts_free(&b.acc);
	if (b.failed) {
		cw_rdoc_free(doc);
		return CW_ENOMEM;
	}
	return 0;
}

/* ---- sources, for the formats people read -------------------------------------------------- */

/* A row's source where it first appears: cw_rdoc_cite_sources numbers the distinct ones. */
struct citation {
	const char *source;
	size_t order; /* the row's place among all rows with a source, in the document's order */
	char **account;
	size_t number;
};

static int citation_by_source(const void *pa, const void *pb)
{
	const struct citation *a = pa, *b = pb;
	int d = strcmp(a->source, b->source);

	return d ? d : (a->order > b->order) - (a->order < b->order);
}

static int citation_by_order(const void *pa, const void *pb)
{
	const struct citation *a = pa, *b = pb;

	return (a->order > b->order) - (a->order < b->order);
}

static int section_shows(const struct cw_rsection *s, enum cw_rcol col)
{
	for (int c = 0; c < s->ncols; c++)
		if (s->cols[c] == col)
			return 1;
	return 0;
}

int cw_rdoc_cite_sources(struct cw_rdoc *doc)
{
	struct builder b = {NULL, doc, NULL, {NULL}, 0, {NULL, 0, NULL, NULL}};
	struct citation *v = NULL;
	size_t n = 0, cap = 0, numbered = 0, sections = doc->nsections;

	for (size_t i = 0; i < sections; i++) {
		struct cw_rsection *s = &doc->sections[i];

		if (s->data_only || !section_shows(s, CW_RC_ACCOUNT))
			continue;
		for (size_t r = 0; r < s->nrows; r++) {
			const char *src = CW_RDOC_CELL(s, r, CW_RC_SOURCE);
			char **account = &CW_RDOC_CELL(s, r, CW_RC_ACCOUNT);

			/* "own observation" beside "own observation" says nothing more (in the
			 * report's language the account is a translation of it). */
			/* A withheld source gets no number: rows sharing "[confidential]" would
			 * read as one source behind them all. */
			if (!source_cited(src) || (*account && !strcasecmp(*account, src)))
				continue;
			if (n == cap) {
				struct citation *grown =
					realloc(v, (cap = cap ? 2 * cap : 64) * sizeof *v);

				if (!grown) {
					free(v);
					return CW_ENOMEM;
				}
				v = grown;
			}
			v[n] = (struct citation){src, n, account, 0};
			n++;
		}
	}
	/* Numbered in the order they first appear: each run of one source, sorted by where it
	 * appears, takes its first row's place. */
	if (n > 1)
		qsort(v, n, sizeof *v, citation_by_source);
	for (size_t i = 0; i < n; i++)
		v[i].number = i > 0 && !strcmp(v[i].source, v[i - 1].source) ? 0 : v[i].order + 1;
	for (size_t i = 0; i < n; i++)
		if (!v[i].number)
			v[i].number = v[i - 1].number;
	if (n > 1)
		qsort(v, n, sizeof *v, citation_by_order);
	/* v[i].number is now the order + 1 of the source's first row: renumber 1, 2, ... */
	for (size_t i = 0; i < n; i++) {
		size_t first = v[i].number - 1;

		if (first == i)
			v[i].number = ++numbered;
		else
			v[i].number = v[first].number;
	}
	if (n == 0) /* nothing to number: no list */
		return 0;
	section(&b, "sources", N_("Sources"), "", CW_RC_LABEL, N_("No."), CW_RC_SOURCE,
		N_("Source"), -1);
	b.sec->wants_note = 1;
	b.sec->note = note("%s", _("The number after a row's account is its source's below: the "
				   "document and paragraph its record cites, as the record gives "
				   "them (for a detainee, the arrest or detention its days are "
				   "counted from)."));
	for (size_t i = 0; i < n && !b.failed; i++) {
		const char *account = *v[i].account ? *v[i].account : "";
		size_t len = strlen(account) + 32;
		char *shown = malloc(len);

		if (!shown) {
			b.failed = 1;
			break;
		}
		snprintf(shown, len, "%s [%zu]", account, v[i].number);
		free(*v[i].account);
		*v[i].account = shown;
	}
	for (size_t i = 0, next = 1; i < n && !b.failed; i++) {
		if (v[i].number != next)
			continue;
		cell(&b, CW_RC_LABEL, "[%zu]", next);
		cell(&b, CW_RC_SOURCE, "%s", v[i].source);
		row_end(&b);
		next++;
	}
	free(v);
	if (!b.sec->note)
		b.failed = 1;
	count_text(b.sec);
	return b.failed ? CW_ENOMEM : 0;
}

void cw_rdoc_free(struct cw_rdoc *doc)
{
	for (size_t i = 0; i < doc->nsections; i++) {
		struct cw_rsection *s = &doc->sections[i];

		for (size_t j = 0; j < s->nrows * CW_RC_NCOLS; j++)
			free(s->cells[j]);
		free(s->cells);
		free(s->note);
	}
	for (size_t i = 0; i < doc->nheader; i++)
		free(doc->header[i].value);
	for (size_t i = 0; i < doc->nsummary; i++)
		free(doc->summary[i]);
	free(doc->filter);
	memset(doc, 0, sizeof *doc);
}

int cw_rsection_counted(const struct cw_rsection *s)
{
	return strcmp(s->name, "charges_by_article") != 0 && strcmp(s->name, "comparison") != 0 &&
	       strcmp(s->name, "fair_trial") != 0;
}
