/* rdoc.c - a gathered report as sections of plain-text rows, shared by the Markdown,
 * HTML and CSV writers; see rdoc.h. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/rdoc.h"
#include "models/format.h"
#include "models/text.h"
#include "models/timeline.h"

const char *const cw_rcol_names[CW_RC_NCOLS] = {
	"label",      "record_id", "date",           "account", "case_id",       "case",
	"person_ids", "people",    "court_or_place", "stage",   "outcome",       "articles",
	"next_date",  "concerns",  "detail",         "count",   "previous_count"};

const char cw_report_empty_text[] = "Nothing recorded in this period matches: the report is empty.";
const char cw_report_time_note[] =
	"Dates are local to Cambodia (UTC+7, Asia/Phnom_Penh), as the monitors recorded them.";

char *cw_rtext(const char *s)
{
	return cw_text_for_terminal(s ? s : "", 1);
}

void cw_person_text(const struct cw_report *r, const struct cw_id *id, char *buf, size_t len)
{
	const struct cw_record *p = cw_report_ref(r, id);
	char hex[CW_ID_HEX_LEN + 1];

	if (cw_id_is_zero(id)) {
		snprintf(buf, len, "%s", "");
	} else if (p && p->kind == CW_KIND_PERSON && p->u.person.name_km) {
		snprintf(buf, len, "%s (%s)", p->u.person.name ? p->u.person.name : "",
			 p->u.person.name_km);
	} else if (p && p->kind == CW_KIND_PERSON) {
		snprintf(buf, len, "%s", p->u.person.name ? p->u.person.name : "");
	} else {
		/* Deleted, perhaps on another laptop, while records here named the person. */
		cw_id_hex(id, hex);
		snprintf(buf, len, "(deleted person %.8s)", hex);
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

struct builder {
	const struct cw_report *r;
	struct cw_rdoc *doc;
	struct cw_rsection *sec;
	char *row[CW_RC_NCOLS];
	int failed;
};

static void section(struct builder *b, const char *name, const char *title, const char *empty,
		    const char *spec)
{
	struct cw_rsection *s = &b->doc->sections[b->doc->nsections++];
	/* spec: "COL=Header;COL=Header" with COL an index name in cw_rcol_names */
	const char *p = spec;

	memset(s, 0, sizeof *s);
	s->name = name;
	s->title = title;
	s->empty = empty;
	while (*p && s->ncols < CW_RSECTION_COLS) {
		const char *eq = strchr(p, '='), *semi = strchr(p, ';');
		int c;

		for (c = 0; c < CW_RC_NCOLS; c++)
			if (strlen(cw_rcol_names[c]) == (size_t)(eq - p) &&
			    !strncmp(cw_rcol_names[c], p, (size_t)(eq - p)))
				break;
		s->cols[s->ncols] = (enum cw_rcol)c;
		snprintf(s->header_text[s->ncols], sizeof s->header_text[0], "%.*s",
			 (int)strcspn(eq + 1, ";"), eq + 1);
		s->headers[s->ncols] = s->header_text[s->ncols];
		s->ncols++;
		p = semi ? semi + 1 : eq + strlen(eq);
	}
	b->sec = s;
}

static void cell(struct builder *b, enum cw_rcol c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void cell(struct builder *b, enum cw_rcol c, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n >= 0 && (s = malloc((size_t)n + 1))) {
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
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

/* A value as people read it: its label; "" when not given. */
static const char *word(const struct cw_enum *e, unsigned v)
{
	return v ? cw_enum_label(e, v) : "";
}

static void date_cell(struct builder *b, enum cw_rcol c, struct cw_date d)
{
	char t[CW_DATE_TEXT_MAX];

	cw_date_format(d, t);
	cell(b, c, "%s", t);
}

/* Whose account the row gives, in every row drawn from a record. */
static void account_cell(struct builder *b, const struct cw_record *rec)
{
	cell(b, CW_RC_ACCOUNT, "%s", cw_enum_label(&cw_words_view, rec->view));
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
			sb_add(sb, "%s%s", first ? "" : ", ", e->labels[i]);
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

/* Case columns: id, title, court, and its defendants (ids and names). */
static void case_cells(struct builder *b, const struct cw_id *case_id, int people)
{
	const struct cw_record *k = cw_report_ref(b->r, case_id);
	struct sb names = {0}, ids = {0}, arts = {0};
	struct cw_article a[64];
	size_t na = 0;

	id_cell(b, CW_RC_CASE_ID, case_id);
	if (!k || k->kind != CW_KIND_CASE) {
		cell(b, CW_RC_CASE, "%s", cw_id_is_zero(case_id) ? "" : "(deleted case)");
		return;
	}
	cell(b, CW_RC_CASE, "%s", str(k->u.kase.title));
	cell(b, CW_RC_PLACE, "%s", str(k->u.kase.court));
	cell(b, CW_RC_STAGE, "%s", word(&cw_words_stage, k->u.kase.stage));
	cw_case_articles(k, NULL, a, 64, &na);
	articles_text(&arts, a, na);
	cell_take(b, CW_RC_ARTICLES, &arts);
	if (!people)
		return;
	for (size_t i = 0; i < k->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)k->u.kase.defendants.items + i;
		const char *sep = names.n ? "; " : "";

		if (!cw_id_is_zero(&d->person)) {
			char name[600], hex[CW_ID_HEX_LEN + 1];

			cw_person_text(b->r, &d->person, name, sizeof name);
			cw_id_hex(&d->person, hex);
			sb_add(&names, "%s%s", sep, name);
			sb_add(&ids, "%s%s", ids.n ? " " : "", hex);
		} else if (d->unnamed_count > 0) {
			sb_add(&names, "%s%s%s%lld unnamed%s", sep, str(d->label),
			       d->label ? " (" : "", (long long)d->unnamed_count,
			       d->label ? ")" : "");
		} else if (d->label) {
			sb_add(&names, "%s%s", sep, d->label);
		}
	}
	cell_take(b, CW_RC_PEOPLE, &names);
	cell_take(b, CW_RC_PERSON_IDS, &ids);
}

static void person_cells(struct builder *b, const struct cw_id *person)
{
	char name[600];

	cw_person_text(b->r, person, name, sizeof name);
	cell(b, CW_RC_PEOPLE, "%s", name);
	id_cell(b, CW_RC_PERSON_IDS, person);
}

/* The person a milestone concerns, or the group of unnamed defendants ("8 NagaWorld union
 * activists"). */
static void milestone_who_cells(struct builder *b, const struct cw_milestone *m)
{
	if (!m->group) {
		person_cells(b, &m->person);
		return;
	}
	if (m->count > 0)
		cell(b, CW_RC_PEOPLE, "%lld %s", (long long)m->count, m->group);
	else
		cell(b, CW_RC_PEOPLE, "%s", m->group);
}

static void person_list_cells(struct builder *b, const struct cw_list *l)
{
	struct sb names = {0}, ids = {0};

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_id *id = &((const struct cw_person_ref *)l->items)[i].person;
		char name[600], hex[CW_ID_HEX_LEN + 1];

		cw_person_text(b->r, id, name, sizeof name);
		cw_id_hex(id, hex);
		sb_add(&names, "%s%s", i ? "; " : "", name);
		sb_add(&ids, "%s%s", i ? " " : "", hex);
	}
	cell_take(b, CW_RC_PEOPLE, &names);
	cell_take(b, CW_RC_PERSON_IDS, &ids);
}

/* The hearings of one side: the team's own observations (own set), or the others. */
static void hearings(struct builder *b, int own)
{
	const struct cw_record_list *l = &b->r->hearings;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_hearing *h = &l->items[i].u.hearing;
		struct sb no = {0}, detail = {0};

		if (cw_report_hearing_is_own(&l->items[i]) != own)
			continue;
		id_cell(b, CW_RC_ID, &l->items[i].id);
		account_cell(b, &l->items[i]);
		date_cell(b, CW_RC_DATE, h->date);
		if (h->time)
			cell(b, CW_RC_DATE, "%s %s", b->row[CW_RC_DATE], h->time);
		case_cells(b, &h->case_id, 1);
		if (h->court)
			cell(b, CW_RC_PLACE, "%s", h->court);
		if (h->stage)
			cell(b, CW_RC_STAGE, "%s", word(&cw_words_stage, h->stage));
		cell(b, CW_RC_OUTCOME, "%s", word(&cw_words_outcome, h->outcome));
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
			sb_add(&no, "%smonitors not admitted", no.n ? "; " : "");
		if (h->public_admitted == CW_ANSWER_NO)
			sb_add(&no, "%spublic not admitted", no.n ? "; " : "");
		cell_take(b, CW_RC_CONCERNS, &no);
		if (h->adjourn_reason)
			sb_add(&detail, "adjourned: %s", h->adjourn_reason);
		if (h->sentence)
			sb_add(&detail, "%ssentence: %s", detail.n ? "; " : "", h->sentence);
		cell_take(b, CW_RC_DETAIL, &detail);
		row_end(b);
	}
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
		id_cell(b, CW_RC_ID, &l->items[i].id);
		account_cell(b, &l->items[i]);
		date_cell(b, CW_RC_DATE, m->date);
		case_cells(b, &m->case_id, 0);
		milestone_who_cells(b, m);
		if (m->court)
			cell(b, CW_RC_PLACE, "%s", m->court);
		cw_case_articles(cw_report_ref(b->r, &m->case_id), &m->person, a, 64, &na);
		articles_text(&arts, a, na);
		cell_take(b, CW_RC_ARTICLES, &arts);
		cell(b, CW_RC_DETAIL, "%s", str(m->detail));
		row_end(b);
	}
}

static void by_article(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (int g = 0; g < CW_GROUP_COUNT; g++) {
		cell(b, CW_RC_LABEL, "%s", cw_report_group_label((enum cw_report_group)g));
		cell(b, CW_RC_COUNT, "%zu", r->groups[g]);
		row_end(b);
	}
	for (size_t i = 0; i < r->narticles; i++) {
		char t[CW_ARTICLE_TEXT_MAX];
		const char *offence = cw_article_offence(&r->articles[i].article);

		cw_article_format(&r->articles[i].article, t);
		cell(b, CW_RC_LABEL, "%s", t);
		cell(b, CW_RC_ARTICLES, "%s", t);
		cell(b, CW_RC_DETAIL, "%s", str(offence));
		cell(b, CW_RC_COUNT, "%zu", r->articles[i].count);
		row_end(b);
	}
}

static void verdicts(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (size_t i = 0; i < r->nverdicts; i++) {
		const struct cw_record *rec = r->verdicts[i].rec;
		struct sb detail = {0};

		id_cell(b, CW_RC_ID, &rec->id);
		account_cell(b, rec);
		if (rec->kind == CW_KIND_HEARING) {
			const struct cw_hearing *h = &rec->u.hearing;

			date_cell(b, CW_RC_DATE, h->date);
			case_cells(b, &h->case_id, r->verdicts[i].index == SIZE_MAX);
			if (h->court)
				cell(b, CW_RC_PLACE, "%s", h->court);
			if (h->stage)
				cell(b, CW_RC_STAGE, "%s", word(&cw_words_stage, h->stage));
			cell(b, CW_RC_LABEL, "hearing");
			if (r->verdicts[i].index != SIZE_MAX) {
				const struct cw_verdict *v =
					(const struct cw_verdict *)h->verdicts.items +
					r->verdicts[i].index;

				person_cells(b, &v->person);
				if (v->article.law) {
					char t[CW_ARTICLE_TEXT_MAX];

					cw_article_format(&v->article, t);
					cell(b, CW_RC_ARTICLES, "%s%s%s", t, v->offence ? " " : "",
					     str(v->offence));
				} else {
					cell(b, CW_RC_ARTICLES, "%s", str(v->offence));
				}
				cell(b, CW_RC_OUTCOME, "%s", word(&cw_words_verdict, v->result));
			} else {
				cell(b, CW_RC_OUTCOME, "verdict");
			}
			if (h->sentence)
				sb_add(&detail, "%s", h->sentence);
			if (h->fine)
				sb_add(&detail, "%sfine: %s", detail.n ? "; " : "", h->fine);
			if (h->sentence_parts.n) {
				char parts[600];

				cw_sentence_text(&h->sentence_parts, parts, sizeof parts);
				sb_add(&detail, "%s%s", detail.n ? "; " : "", parts);
			}
		} else {
			const struct cw_milestone *m = &rec->u.milestone;

			date_cell(b, CW_RC_DATE, m->date);
			case_cells(b, &m->case_id, 0);
			milestone_who_cells(b, m);
			cell(b, CW_RC_ARTICLES, "%s", "");
			if (m->court)
				cell(b, CW_RC_PLACE, "%s", m->court);
			cell(b, CW_RC_LABEL, "milestone");
			cell(b, CW_RC_OUTCOME, "%s", word(&cw_words_milestone, m->type));
			sb_add(&detail, "%s", str(m->detail));
			if (m->sentence_parts.n) {
				char parts[600];

				cw_sentence_text(&m->sentence_parts, parts, sizeof parts);
				sb_add(&detail, "%s%s", detail.n ? "; " : "", parts);
			}
		}
		cell_take(b, CW_RC_DETAIL, &detail);
		row_end(b);
	}
}

static void visits(struct builder *b)
{
	const struct cw_record_list *l = &b->r->visits;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_visit *v = &l->items[i].u.visit;
		struct sb concerns = {0};

		id_cell(b, CW_RC_ID, &l->items[i].id);
		account_cell(b, &l->items[i]);
		date_cell(b, CW_RC_DATE, v->date);
		cell(b, CW_RC_PLACE, "%s%s%s%s", str(v->facility), v->facility_province ? " (" : "",
		     str(v->facility_province), v->facility_province ? ")" : "");
		cell(b, CW_RC_OUTCOME, "%s%s%s",
		     v->access ? word(&cw_words_access, v->access) : "unknown",
		     v->private_interview ? "; private interview: " : "",
		     word(&cw_words_answer, v->private_interview));
		set_words(&concerns, &cw_words_concerns, v->concerns);
		cell_take(b, CW_RC_CONCERNS, &concerns);
		person_list_cells(b, &v->detainees);
		cell(b, CW_RC_DETAIL, "%s", str(v->follow_up));
		row_end(b);
	}
}

static void demos(struct builder *b)
{
	const struct cw_record_list *l = &b->r->demos;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_demo *d = &l->items[i].u.demo;
		struct sb response = {0}, detail = {0};
		int64_t arrests = d->arrests_count >= 0 && (size_t)d->arrests_count > d->arrested.n
					  ? d->arrests_count
					  : (int64_t)d->arrested.n;

		id_cell(b, CW_RC_ID, &l->items[i].id);
		account_cell(b, &l->items[i]);
		date_cell(b, CW_RC_DATE, d->date);
		cell(b, CW_RC_PLACE, "%s%s%s", str(d->place), d->place && d->province ? ", " : "",
		     str(d->province));
		set_words(&response, &cw_words_response, d->response);
		cell_take(b, CW_RC_OUTCOME, &response);
		if (d->organiser)
			sb_add(&detail, "organiser: %s", d->organiser);
		if (d->cause)
			sb_add(&detail, "%scause: %s", detail.n ? "; " : "", d->cause);
		if (d->participants >= 0)
			sb_add(&detail, "%sparticipants: %lld", detail.n ? "; " : "",
			       (long long)d->participants);
		cell_take(b, CW_RC_DETAIL, &detail);
		cell(b, CW_RC_COUNT, "%lld", (long long)arrests);
		person_list_cells(b, &d->arrested);
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
		if (!cw_id_is_zero(&in->case_id)) /* first: the case's court would take the place */
			case_cells(b, &in->case_id, 0);
		cell(b, CW_RC_PLACE, "%s%s%s", str(in->target),
		     in->target && in->province ? ", " : "", str(in->province));
		cw_tally_text(&in->tally, in->unit, t, sizeof t);
		if (in->tally.count >= 0)
			cell(b, CW_RC_COUNT, "%lld", (long long)in->tally.count);
		if (in->actor)
			sb_add(&detail, "by %s", in->actor);
		if (t[0])
			sb_add(&detail, "%s%s", detail.n ? "; " : "", t);
		if (in->detail)
			sb_add(&detail, "%s%s", detail.n ? "; " : "", in->detail);
		cell_take(b, CW_RC_DETAIL, &detail);
		person_list_cells(b, &in->persons);
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
		case_cells(b, &h->case_id, 1);
		if (h->court)
			cell(b, CW_RC_PLACE, "%s", h->court);
		if (h->stage && !u->from_next_date)
			cell(b, CW_RC_STAGE, "%s", word(&cw_words_stage, h->stage));
		if (u->from_next_date) {
			char d[CW_DATE_TEXT_MAX];

			cw_date_format(h->date, d);
			cell(b, CW_RC_LABEL, "next date set at the hearing of %s", d);
		} else {
			cell(b, CW_RC_LABEL, "hearing");
		}
		row_end(b);
	}
}

static void detainees(struct builder *b)
{
	const struct cw_report *r = b->r;

	for (size_t i = 0; i < r->ndetainees; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];
		const struct cw_record *k = cw_report_ref(r, &d->case_id);

		person_cells(b, &d->person);
		if (k) /* the custody comes from the case: its account */
			account_cell(b, k);
		case_cells(b, &d->case_id, 0);
		cell(b, CW_RC_ARTICLES, "%s", "");
		cell(b, CW_RC_STAGE, "%s", "");
		cell(b, CW_RC_PLACE, "%s", "");
		date_cell(b, CW_RC_DATE, d->since);
		if (d->days >= 0)
			cell(b, CW_RC_COUNT, "%ld", d->days);
		else
			cell(b, CW_RC_DETAIL, "length unknown: detention not dated to the day");
		if (d->days >= 0 && d->to_kind != CW_PRETRIAL_TO_TODAY) {
			char to[CW_DATE_TEXT_MAX];

			/* The count stops where the source's account stops. */
			cw_date_format(d->to, to);
			cell(b, CW_RC_DETAIL, "counted to %s, %s", to,
			     d->to_kind == CW_PRETRIAL_TO_SOURCE ? "the source's date"
			     : d->to_kind == CW_PRETRIAL_TO_AS_OF
				     ? "the date custody was recorded as of"
				     : "the latest date recorded");
		}
		cell(b, CW_RC_LABEL, "still detained");
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
		if (rec->kind == CW_KIND_MILESTONE) {
			milestone_who_cells(b, &rec->u.milestone);
			if (rec->u.milestone.court)
				cell(b, CW_RC_PLACE, "%s", rec->u.milestone.court);
			cell(b, CW_RC_LABEL, "milestone: %s",
			     word(&cw_words_milestone, rec->u.milestone.type));
			cell(b, CW_RC_DETAIL, "%s", str(rec->u.milestone.detail));
		} else if (rec->kind == CW_KIND_HEARING) {
			cell(b, CW_RC_LABEL, "hearing");
			if (rec->u.hearing.court)
				cell(b, CW_RC_PLACE, "%s", rec->u.hearing.court);
			cell(b, CW_RC_OUTCOME, "%s",
			     word(&cw_words_outcome, rec->u.hearing.outcome));
			cell(b, CW_RC_DETAIL, "%s", str(rec->u.hearing.notes));
		} else {
			cell(b, CW_RC_LABEL, "%s", cw_kind_label(rec->kind));
			cell(b, CW_RC_PLACE, "%s", cw_record_label(rec));
			cell(b, CW_RC_DETAIL, "%s",
			     str(rec->kind == CW_KIND_VISIT      ? rec->u.visit.notes
				 : rec->kind == CW_KIND_DEMO     ? rec->u.demo.notes
				 : rec->kind == CW_KIND_INCIDENT ? rec->u.incident.detail
								 : NULL));
		}
		row_end(b);
	}
}

static void comparison(struct builder *b)
{
	for (int m = 0; m < CW_METRIC_COUNT; m++) {
		cell(b, CW_RC_LABEL, "%s", cw_report_metric_label((enum cw_report_metric)m));
		cell(b, CW_RC_DETAIL, "%s", cw_report_metric_name((enum cw_report_metric)m));
		cell(b, CW_RC_COUNT, "%zu", b->r->counts[m]);
		cell(b, CW_RC_PREVIOUS, "%zu", b->r->previous[m]);
		row_end(b);
	}
}

static char *note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *note(const char *fmt, ...)
{
	va_list ap;
	char buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return strdup(buf);
}

int cw_rdoc_build(const struct cw_report *r, struct cw_rdoc *doc)
{
	struct builder b = {r, doc, NULL, {NULL}, 0};
	char from[CW_DATE_TEXT_MAX], to[CW_DATE_TEXT_MAX], pf[CW_DATE_TEXT_MAX],
		pt[CW_DATE_TEXT_MAX], nf[CW_DATE_TEXT_MAX], nt[CW_DATE_TEXT_MAX], filter[1024];

	memset(doc, 0, sizeof *doc);
	cw_date_format(r->from, from);
	cw_date_format(r->to, to);
	cw_date_format(r->prev_from, pf);
	cw_date_format(r->prev_to, pt);
	cw_date_format(r->next_from, nf);
	cw_date_format(r->next_to, nt);
	if (r->week) {
		snprintf(doc->title, sizeof doc->title, "casewatch weekly summary, %04d-W%02d",
			 r->week_year, r->week);
		snprintf(doc->period, sizeof doc->period, "%s to %s (ISO week %04d-W%02d)", from,
			 to, r->week_year, r->week);
	} else {
		snprintf(doc->title, sizeof doc->title, "casewatch summary, %s to %s", from, to);
		snprintf(doc->period, sizeof doc->period, "%s to %s", from, to);
	}
	cw_filter_describe(&r->filter, filter, sizeof filter);
	doc->filter = cw_rtext(filter);
	doc->empty = cw_report_is_empty(r);

	/* The team's own observations apart from what documents report: a UN or government
	 * account of a hearing must never be counted as a hearing the team sat in. */
	section(&b, "hearings_own", "Hearings monitored by the team",
		"No hearings monitored by the team in this period.",
		"date=Date;case=Case;people=Defendants;court_or_place=Court;stage=Stage;"
		"outcome=Outcome;next_date=Next date;concerns=Fair-trial indicators answered no;"
		"detail=Details");
	b.sec->wants_note = 1;
	b.sec->note = note("Hearings the team observed itself (account: own observation).");
	hearings(&b, 1);
	section(&b, "hearings_reported", "Hearings reported in documents",
		"No hearings reported in documents in this period.",
		"date=Date;account=Account;case=Case;people=Defendants;court_or_place=Court;"
		"stage=Stage;outcome=Outcome;next_date=Next date;"
		"concerns=Fair-trial indicators answered no;detail=Details");
	b.sec->wants_note = 1;
	b.sec->note = note("Hearings the team did not observe itself, as UN, government, media, "
			   "NGO or other accounts give them, or whose account is not recorded; "
			   "counted apart from the team's own.");
	hearings(&b, 0);
	section(&b, "arrests_charges", "New arrests and charges",
		"No arrests or charges recorded in this period.",
		"date=Date;account=Account;label=Event;people=Person;case=Case;articles=Articles;"
		"detail=Details");
	arrests(&b);
	section(&b, "charges_by_article", "Arrests and charges by article",
		"No arrests or charges recorded in this period.",
		"label=Article or group;detail=Offence;count=Arrests and charges");
	b.sec->wants_note = 1;
	b.sec->note = note("Each arrest or charge counts once under every article the case charges "
			   "the person with; 494/495 and 437 bis are also counted as groups.");
	if (r->arrests.n) /* else every group is zero: say so once instead */
		by_article(&b);
	section(&b, "verdicts", "Verdicts and sentences", "No verdicts recorded in this period.",
		"date=Date;account=Account;people=Person;case=Case;court_or_place=Court;"
		"articles=Charge;outcome=Result;detail=Sentence and details");
	verdicts(&b);
	section(&b, "visits", "Prison visits", "No prison visits in this period.",
		"date=Date;account=Account;court_or_place=Facility;outcome=Access;"
		"concerns=Concerns;people=Detainees seen;detail=Follow-up");
	visits(&b);
	section(&b, "demonstrations", "Demonstrations", "No demonstrations in this period.",
		"date=Date;account=Account;court_or_place=Place;detail=Organiser and cause;"
		"outcome=Response;count=Arrests;people=Arrested");
	demos(&b);
	section(&b, "incidents", "Other incidents", "No other incidents in this period.",
		"date=Date;account=Account;outcome=What happened;court_or_place=Target or place;"
		"count=Count;detail=Details;people=People");
	b.sec->wants_note = 1;
	b.sec->note = note("Outlets closed, websites or accounts blocked, candidates kept off an "
			   "election, political bans and restored rights, policies: what is not a "
			   "hearing, a visit, a demonstration or a milestone of a case.");
	incidents(&b);
	section(&b, "upcoming_hearings", "Upcoming hearings",
		"No hearings scheduled in the following 14 days.",
		"date=Date;account=Account;case=Case;people=Defendants;court_or_place=Court;"
		"stage=Stage;label=Source");
	b.sec->wants_note = 1;
	b.sec->note = note("Hearings from %s to %s (the %d days after the period).", nf, nt,
			   CW_REPORT_UPCOMING_DAYS);
	upcoming(&b);
	section(&b, "pretrial_detention", "Longest in pretrial detention",
		"Nobody recorded as held in pretrial detention at the end of the period.",
		"people=Person;case=Case;account=Account;date=Detained since;count=Days;"
		"detail=Notes");
	b.sec->wants_note = 1;
	b.sec->note = note("People still detained before a verdict on %s, counted to that day, "
			   "or to the date a source's account stops when that comes first (at "
			   "most %d).",
			   to, CW_REPORT_DETAINEES_MAX);
	detainees(&b);
	section(&b, "partial_dates", "Dated only to a month or a year",
		"No records dated only to a month or a year overlap this period.",
		"date=Date;account=Account;label=Record;case=Case;people=Person;"
		"court_or_place=Court or place;detail=Details");
	b.sec->wants_note = 1;
	b.sec->note = note("These records overlap the period but their day is unknown; they are "
			   "not counted in the sections above.");
	partial(&b);
	section(&b, "comparison", "Compared with the previous period", "",
		"label=Measure;count=This period;previous_count=Previous period");
	b.sec->wants_note = 1;
	b.sec->note = note("This period %s to %s; previous period %s to %s.", from, to, pf, pt);
	comparison(&b);
	for (size_t i = 0; i < doc->nsections; i++)
		if (doc->sections[i].wants_note && !doc->sections[i].note)
			b.failed = 1; /* strdup failed */
	if (!doc->filter)
		b.failed = 1;
	if (b.failed) {
		cw_rdoc_free(doc);
		return CW_ENOMEM;
	}
	return 0;
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
	free(doc->filter);
	memset(doc, 0, sizeof *doc);
}
