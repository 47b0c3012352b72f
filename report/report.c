/* report.c - gathering a weekly summary; see report.h.
 *
 * Everything here goes through the public store API (cw_reader_list, cw_reader_get, the
 * pretrial-detention index): a report is a reading of the database like any list, so it can
 * never see more, or other, records than `casewatch list` would with the same filter. The whole
 * report is read through one reader (one read transaction): it is the database at one moment,
 * and each person or case it names is looked up once. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/confidential.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/text.h"
#include "models/timeline.h"
#include "report/report.h"
#include "store/sync.h"

/* ---- ISO weeks -------------------------------------------------------------------------- */

/* 0 for Monday .. 6 for Sunday; 1970-01-01 was a Thursday. */
static int weekday(long days)
{
	return (int)(((days + 3) % 7 + 7) % 7);
}

static struct cw_date day(int y, int m, int d)
{
	struct cw_date x = {(uint16_t)y, (uint8_t)m, (uint8_t)d};

	return x;
}

void cw_report_week_of(struct cw_date d, int *year, int *week)
{
	long days = cw_date_to_days(d);
	long thursday = days - weekday(days) + 3;
	struct cw_date t = cw_date_from_days(thursday);

	*year = t.year;
	*week = (int)((thursday - cw_date_to_days(day(t.year, 1, 1))) / 7 + 1);
}

int cw_report_week_range(int year, int week, struct cw_date *from, struct cw_date *to)
{
	long jan4, monday;
	int y, last;

	if (year < 1901 || year > 2198 || week < 1)
		return CW_EINVAL;
	cw_report_week_of(day(year, 12, 28), &y,
			  &last); /* 28 December is always in the last week */
	if (week > last)
		return CW_EINVAL;
	jan4 = cw_date_to_days(day(year, 1, 4));
	monday = jan4 - weekday(jan4) + 7L * (week - 1);
	*from = cw_date_from_days(monday);
	*to = cw_date_from_days(monday + 6);
	return 0;
}

void cw_report_last_week(struct cw_date today, int *year, int *week)
{
	long days = cw_date_to_days(today);

	cw_report_week_of(cw_date_from_days(days - weekday(days) - 7), year, week);
}

int cw_report_parse_week(const char *text, int *year, int *week, struct cw_error *err)
{
	struct cw_date from, to;
	char tail;
	int y, w;

	/* 2024-W06, 2024W06 and 2024-W6 are all seen in the wild. */
	if ((sscanf(text, "%4d-W%2d%c", &y, &w, &tail) != 2 &&
	     sscanf(text, "%4dW%2d%c", &y, &w, &tail) != 2 &&
	     sscanf(text, "%4d-w%2d%c", &y, &w, &tail) != 2) ||
	    strlen(text) < 7)
		return cw_error_set(err, CW_EINVAL, "week",
				    "'%.20s' is not an ISO week; write it as 2024-W06", text);
	if (cw_report_week_range(y, w, &from, &to) != 0)
		return cw_error_set(err, CW_EINVAL, "week", "%d has no week %d", y, w);
	*year = y;
	*week = w;
	return 0;
}

int cw_report_read_week(const char *text, struct cw_date today, int *year, int *week,
			struct cw_error *err)
{
	struct cw_error ignored;
	struct cw_date d;
	char digits[64];
	const char *latin = cw_text_latin_digits(text, digits, sizeof digits);

	if (cw_report_parse_week(latin, year, week, &ignored) == 0)
		return 0;
	/* Meant as a week ("2024-W60"): why it is none says more than what else may be typed. */
	if (latin[0] >= '0' && latin[0] <= '9' && strpbrk(latin, "Ww"))
		return cw_report_parse_week(latin, year, week, err);
	if (cw_date_parse_relative(text, today, &d, "week", &ignored) == 0 &&
	    cw_date_precision(d) == CW_DATE_DAY) {
		cw_report_week_of(d, year, week);
		return 0;
	}
	return cw_error_set(err, CW_EINVAL, "week",
			    "write a week like 2024-W06, or a day in it like 2024-02-07 or last "
			    "week");
}

/* ---- names ------------------------------------------------------------------------------ */

const char *cw_report_metric_name(enum cw_report_metric m)
{
	static const char *const names[CW_METRIC_COUNT] = {"hearings",
							   "hearings_own",
							   "hearings_own_not_admitted",
							   "hearings_reported",
							   "verdict_hearings",
							   "arrests",
							   "charges",
							   "detentions",
							   "verdicts",
							   "visits",
							   "visit_detainees",
							   "demonstrations",
							   "demonstration_arrests",
							   "demonstration_injured"};

	return (unsigned)m < CW_METRIC_COUNT ? names[m] : "";
}

const char *cw_report_metric_label(enum cw_report_metric m)
{
	static const char *const labels[CW_METRIC_COUNT] = {
		N_("hearings, every account"),
		N_("hearings monitored by the team"),
		N_("hearings the team was not admitted to"),
		N_("hearings reported in documents"),
		N_("hearings with a verdict"),
		N_("arrests"),
		N_("charges"),
		N_("people ordered into pretrial detention"),
		N_("verdicts, one per defendant and ruling"),
		N_("prison visits"),
		N_("detainees met at prison visits"),
		N_("demonstrations"),
		N_("arrests at demonstrations"),
		N_("injured at demonstrations")};

	return (unsigned)m < CW_METRIC_COUNT ? _(labels[m]) : "";
}

const char *cw_report_group_name(enum cw_report_group g)
{
	static const char *const names[CW_GROUP_COUNT] = {
		"incitement_494_495", "lese_majeste_437bis", "other_articles", "no_article"};

	return (unsigned)g < CW_GROUP_COUNT ? names[g] : "";
}

const char *cw_report_group_label(enum cw_report_group g)
{
	static const char *const labels[CW_GROUP_COUNT] = {
		N_("494/495 incitement"), N_("437 bis lèse-majesté"), N_("other articles"),
		N_("no article recorded")};

	return (unsigned)g < CW_GROUP_COUNT ? _(labels[g]) : "";
}

const char cw_report_confidentiality_default[] = N_("Confidential: for the named partners only");

/* ---- record lists ----------------------------------------------------------------------- */

static int oom(struct cw_error *err)
{
	return cw_error_set(err, CW_ENOMEM, "", "out of memory while gathering the report");
}

/* The caller's filter narrowed to one kind and a key range. Returns 0 when the caller's kinds
 * leave this kind out. */
static int narrow(const struct cw_report *r, enum cw_kind kind, struct cw_date since,
		  struct cw_date until, struct cw_filter *f)
{
	*f = r->filter;
	if (r->filter.kinds && !(r->filter.kinds & CW_KIND_BIT(kind)))
		return 0;
	f->kinds = CW_KIND_BIT(kind);
	f->since = since;
	f->until = until;
	return 1;
}

static int list_kind(struct cw_reader *rd, const struct cw_report *r, enum cw_kind kind,
		     struct cw_date since, struct cw_date until, struct cw_record_list *out,
		     struct cw_error *err)
{
	struct cw_filter f;

	memset(out, 0, sizeof *out);
	if (!narrow(r, kind, since, until, &f))
		return 0;
	return cw_reader_list(rd, &f, CW_KIND_BIT(kind), CW_ORDER_OLDEST_FIRST, 0, 0, out, err);
}

static int is_arrest(uint8_t type)
{
	return type == CW_MS_ARREST || type == CW_MS_CHARGE;
}

static int is_ruling(uint8_t type)
{
	return type == CW_MS_VERDICT || type == CW_MS_SENTENCE ||
	       type == CW_MS_IN_ABSENTIA_VERDICT || type == CW_MS_APPEAL_DECIDED ||
	       type == CW_MS_SUPREME_DECISION;
}

/* A milestone of the report's releases (report.h). */
static int is_release(uint8_t type)
{
	return type == CW_MS_BAIL || type == CW_MS_RELEASE || type == CW_MS_HOUSE_ARREST ||
	       type == CW_MS_SUPERVISION || type == CW_MS_PRETRIAL_END || type == CW_MS_PARDON;
}

/* ---- articles --------------------------------------------------------------------------- */

static int article_order(const void *pa, const void *pb)
{
	const struct cw_article *a = &((const struct cw_report_article *)pa)->article,
				*b = &((const struct cw_report_article *)pb)->article;
	uint8_t ka[CW_ARTICLE_KEY_LEN], kb[CW_ARTICLE_KEY_LEN];

	cw_article_key(a, ka);
	cw_article_key(b, kb);
	return memcmp(ka, kb, sizeof ka);
}

size_t cw_report_arrest_articles(const struct cw_report *r, const struct cw_milestone *m,
				 struct cw_article *out, size_t max)
{
	struct cw_article named[CW_ARTICLE_LIST_MAX];
	size_t n = cw_milestone_articles(m, named);

	/* Kang Saran was detained on 307/494/495 (001 para 39); the 437 bis charge came apart:
	 * a charge that names its articles counts under them alone. */
	if (n > 0) {
		n = n < max ? n : max;
		memcpy(out, named, n * sizeof *out);
		return n;
	}
	/* Else its person's or group's charges in the case, as --article finds it, but those
	 * laid by the period's end only: a charge laid months later would change a figure
	 * partners already read (a field trial's re-issued week counted it). */
	cw_case_event_articles_by(cw_report_ref(r, &m->case_id), &m->person, m->group, r->to, out,
				  max, &n);
	return n;
}

/* How many people an arrest or charge concerns: one, or a group of unnamed defendants
 * ("8 NagaWorld union activists") as many as its count says, else as many as its case gives
 * the group; a group whose number neither gives counts as one, the least it can be. */
static size_t milestone_people(const struct cw_report *r, const struct cw_milestone *m)
{
	int64_t n;

	if (!m->group)
		return 1;
	n = cw_report_milestone_group_count(r, m);
	return n > 0 ? (size_t)n : 1;
}

/* Whether two pretrial-detention milestones name the same people: the same person, or the
 * same case's group by its label (any letter case). */
static int same_detained(const struct cw_milestone *a, const struct cw_milestone *b)
{
	if (!a->group != !b->group)
		return 0;
	if (!a->group)
		return cw_id_equal(&a->person, &b->person);
	return cw_id_equal(&a->case_id, &b->case_id) && strcasecmp(a->group, b->group) == 0;
}

/* Whether two detention milestones count the same people once: they name the same person or
 * group, or one is another account of the other (the team's case and the UN's for one
 * group's detention). */
static int same_taken(const struct cw_record *a, const struct cw_record *b)
{
	return same_detained(&a->u.milestone, &b->u.milestone) || cw_timeline_same_event(a, b);
}

/* Whether two arrests take the same people, as same_taken reads it; but "3 more arrested" of
 * a group takes people beside those of its earlier arrests (and the arrests' count adds them),
 * the same only as another account of one event. */
static int same_arrested(const struct cw_record *a, const struct cw_record *b)
{
	if (a->u.milestone.more || b->u.milestone.more)
		return cw_timeline_same_event(a, b);
	return same_taken(a, b);
}

enum cw_detainee_standing cw_report_detainee_standing(const struct cw_report *r,
						      const struct cw_report_detainee *d)
{
	if (d->held_after_kind)
		return CW_ACCOUNTS_DIFFER;
	/* Released "in October" in a report of a week of October: perhaps before its end. */
	if (d->to_kind == CW_PRETRIAL_TO_ENDED_IN)
		return CW_MAY_HAVE_ENDED;
	/* Counted to the period's end with no day sure (a detention recorded as of an earlier
	 * day, or observed in the period, began by then), or of no length the records give,
	 * from a start whose month or year runs past it. */
	if ((d->to_kind == CW_PRETRIAL_TO_TODAY || d->to_kind == CW_PRETRIAL_TO_UNKNOWN ||
	     d->to_kind == CW_PRETRIAL_TO_SEEN_AFTER) &&
	    d->days <= 0 && cw_date_is_known(d->since) &&
	    cw_date_compare(cw_date_last_day(d->since), r->held_to) > 0)
		return CW_MAY_BEGIN_LATER;
	/* An account dated to a month is as of any day of it: before the end only when the whole
	 * month is. A detention with no date it is known as of (a least figure from another case
	 * that held the person at once) stops at no account: still held, as far as the records
	 * go. */
	if (d->days >= 0 && d->to_kind != CW_PRETRIAL_TO_UNKNOWN && cw_date_is_known(d->to) &&
	    cw_date_compare(cw_date_last_day(d->to), r->held_to) < 0)
		return CW_LAST_REPORTED;
	return CW_HELD_AT_END;
}

void cw_report_held_tally(const struct cw_report *r, enum cw_detainee_standing standing,
			  struct cw_report_held *h)
{
	memset(h, 0, sizeof *h);
	for (size_t i = 0; i < r->ndetainees; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];

		if (cw_report_detainee_standing(r, d) != standing)
			continue;
		if (!h->first)
			h->first = d;
		h->rows++;
		h->views |= d->views;
		if (d->group[0] && d->count > 0)
			h->in_groups += (size_t)d->count;
		h->groups += d->group[0] != 0;
		h->uncounted += d->group[0] && d->count <= 0;
		if (standing == CW_LAST_REPORTED &&
		    (!cw_date_is_known(h->last) || cw_date_compare(d->to, h->last) > 0))
			h->last = d->to;
	}
	h->people = h->rows - h->groups + h->in_groups + h->uncounted;
}

/* The entry of detainees for the people a milestone names. */
static const struct cw_report_detainee *listed_detainee(const struct cw_report *r,
							const struct cw_milestone *m)
{
	for (size_t i = 0; i < r->ndetainees; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];

		if (m->group ? d->group[0] && cw_id_equal(&d->case_id, &m->case_id) &&
				       strcasecmp(d->group, m->group) == 0
			     : !d->group[0] && cw_id_equal(&d->person, &m->person))
			return d;
	}
	return NULL;
}

size_t cw_report_detention_people(const struct cw_report *r, const struct cw_record_list *l,
				  size_t listed[CW_DETAINEE_STANDINGS], int *partial)
{
	size_t taken = 0;

	if (listed)
		memset(listed, 0, CW_DETAINEE_STANDINGS * sizeof *listed);
	if (partial)
		*partial = 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_milestone *m = &l->items[i].u.milestone;
		const struct cw_report_detainee *d;
		size_t people = 0, more = 0, j;
		int numbered = !m->group;

		for (j = 0; j < i && !same_taken(&l->items[j], &l->items[i]); j++)
			;
		if (j < i)
			continue; /* another account, or another order, for the same people */
		for (j = i; j < l->n; j++) {
			const struct cw_milestone *o = &l->items[j].u.milestone;

			size_t these, k;

			if (!same_taken(&l->items[j], &l->items[i]))
				continue;
			if (o->group && o->more && o->count > 0) {
				/* "5 more": beside the others, counted once however many
				 * accounts of it are linked */
				for (k = i;
				     k < j && !(l->items[k].u.milestone.more &&
						cw_timeline_same_event(&l->items[k], &l->items[j]));
				     k++)
					;
				if (k == j)
					more += (size_t)o->count;
				numbered = 1;
				continue;
			}
			if ((these = milestone_people(r, o)) > people)
				people = these;
			numbered |= cw_report_milestone_group_count(r, o) > 0;
		}
		people += more;
		taken += people;
		if (partial && !numbered)
			*partial = 1;
		if (listed && (d = listed_detainee(r, m))) {
			size_t n = m->group && d->count > 0 && (size_t)d->count < people
					   ? (size_t)d->count
					   : people;

			listed[cw_report_detainee_standing(r, d)] += n;
		}
	}
	return taken;
}

/* Whether arrests.items[i] is an arrest whose people the summary says are not listed as held:
 * an arrest the detainees do not list, counted in this period, the first account of it. */
static int arrest_unlisted(const struct cw_report *r, size_t i)
{
	const struct cw_milestone *m = &r->arrests.items[i].u.milestone;

	if (m->type != CW_MS_ARREST || listed_detainee(r, m) ||
	    (r->arrest_counted && r->arrest_counted[i] == CW_REPORT_ELSEWHERE))
		return 0; /* an arrest another period counts is said there */
	for (size_t j = 0; j < i; j++)
		if (r->arrests.items[j].u.milestone.type == CW_MS_ARREST &&
		    same_arrested(&r->arrests.items[j], &r->arrests.items[i]))
			return 0; /* another account of the same arrest */
	return 1;
}

int cw_report_arrest_unlisted(const struct cw_report *r, size_t i, enum cw_report_unlisted *why)
{
	uint8_t reason;

	if (i >= r->arrests.n || !arrest_unlisted(r, i))
		return 0;
	reason = r->arrest_unlisted ? r->arrest_unlisted[i] : 0;
	*why = reason > 0 && reason < CW_UNLISTED_REASONS ? (enum cw_report_unlisted)reason
							  : CW_UNLISTED_OUTSIDE;
	/* "held in a case this report does not cover" would tell a partner that a case it is not
	 * shown exists (a review: a public person held in a confidential case). */
	if (*why == CW_UNLISTED_OUTSIDE && r->confidential.leave_out)
		*why = CW_UNLISTED_NOT_SHOWN;
	return 1;
}

const char *cw_report_unlisted_word(enum cw_report_unlisted why)
{
	switch (why) {
	case CW_UNLISTED_ENDED:
		return "released";
	case CW_UNLISTED_RULED:
		return "ruling_after_arrest";
	case CW_UNLISTED_ENFORCES:
		return "ruling_before_arrest";
	case CW_UNLISTED_AFTER_VERDICT:
		return "post_verdict_stage";
	case CW_UNLISTED_NOT_DETAINED:
		return "case_not_detained";
	case CW_UNLISTED_NO_CASE:
		return "no_case";
	case CW_UNLISTED_NOT_SHOWN:
		return "not_shown";
	case CW_UNLISTED_OUTSIDE:
	case CW_UNLISTED_REASONS:
		break;
	}
	return "case_not_covered";
}

size_t cw_report_arrests_unlisted(const struct cw_report *r, size_t why[CW_UNLISTED_REASONS],
				  int *partial)
{
	size_t unlisted = 0;

	*partial = 0;
	if (why)
		memset(why, 0, CW_UNLISTED_REASONS * sizeof *why);
	for (size_t i = 0; i < r->arrests.n; i++) {
		const struct cw_milestone *m = &r->arrests.items[i].u.milestone;
		enum cw_report_unlisted reason;
		size_t people;

		if (!cw_report_arrest_unlisted(r, i, &reason))
			continue;
		people = milestone_people(r, m);
		unlisted += people;
		if (why)
			why[reason] += people;
		if (m->group && cw_report_milestone_group_count(r, m) <= 0)
			*partial = 1;
	}
	return unlisted;
}

static int detention_records(struct cw_reader *rd, struct cw_report *r, const struct cw_id *person,
			     struct cw_record_list *tl, struct cw_error *err);
static int detention_sift(struct cw_report *r, struct cw_record_list *l);

/* Why the people of one arrest are not listed (enum cw_report_unlisted): their records read as
 * the list reads them (detention_records; a group: its case's records), in the arrest's case. */
static int unlisted_why(struct cw_reader *rd, struct cw_report *r, const struct cw_milestone *m,
			uint8_t *why, struct cw_error *err)
{
	struct cw_record_list tl = {0}, one = {0};
	const struct cw_record *kase = NULL;
	enum cw_not_held held = CW_NOT_HELD_NO;
	int rc;

	*why = CW_UNLISTED_OUTSIDE;
	if (cw_id_is_zero(&m->case_id)) {
		*why = CW_UNLISTED_NO_CASE;
		return 0;
	}
	if (!m->group) {
		if (cw_id_is_zero(&m->person))
			return 0;
		if ((rc = detention_records(rd, r, &m->person, &tl, err)) != 0)
			return rc;
		for (size_t t = 0; t < tl.n && !kase; t++)
			if (tl.items[t].kind == CW_KIND_CASE &&
			    cw_id_equal(&tl.items[t].id, &m->case_id))
				kase = &tl.items[t];
		if (kase)
			held = cw_timeline_not_held(&m->person, NULL, kase, tl.items, tl.n,
						    r->held_to);
	} else {
		struct cw_record c;

		if ((rc = cw_reader_get(rd, &m->case_id, &c, err)) == CW_ENOTFOUND) {
			cw_error_clear(err);
			return 0;
		}
		if (rc != 0)
			return rc;
		if (c.kind != CW_KIND_CASE || cw_record_list_push(&one, &c) != 0) {
			int is_case = c.kind == CW_KIND_CASE;

			cw_record_free(&c);
			return is_case ? oom(err) : 0;
		}
		if (cw_withheld_sift(&r->confidential, &one, 0) != 0) {
			cw_record_list_free(&one);
			return oom(err);
		}
		if (one.n == 1) {
			if ((rc = cw_reader_case_records(rd, &m->case_id,
							 CW_KIND_BIT(CW_KIND_MILESTONE) |
								 CW_KIND_BIT(CW_KIND_HEARING),
							 &tl, err)) != 0) {
				cw_record_list_free(&one);
				return rc;
			}
			if (detention_sift(r, &tl) != 0) {
				cw_record_list_free(&one);
				cw_record_list_free(&tl);
				return oom(err);
			}
			kase = &one.items[0];
			held = cw_timeline_not_held(NULL, m->group, kase, tl.items, tl.n,
						    r->held_to);
		}
	}
	/* Held as their records read, yet not listed: in a case the report does not cover. */
	if (kase && held != CW_NOT_HELD_NO)
		*why = (uint8_t)held;
	cw_record_list_free(&tl);
	cw_record_list_free(&one);
	return 0;
}

/* r->arrest_unlisted: why each arrest whose people are not listed is not (few: the period's). */
static int gather_unlisted(struct cw_reader *rd, struct cw_report *r, struct cw_error *err)
{
	int rc = 0;

	if (!r->arrests.n)
		return 0;
	if (!(r->arrest_unlisted = calloc(r->arrests.n, sizeof *r->arrest_unlisted)))
		return oom(err);
	for (size_t i = 0; i < r->arrests.n && rc == 0; i++)
		if (arrest_unlisted(r, i))
			rc = unlisted_why(rd, r, &r->arrests.items[i].u.milestone,
					  &r->arrest_unlisted[i], err);
	return rc;
}

/* The people of some arrests and charges, each once: a person, or a case's group by its label
 * (its largest number), as same_detained reads them; "5 more arrested" are people of their
 * own. */
struct people_units {
	struct people_unit {
		const struct cw_milestone *m;
		size_t people;
	} * v;
	size_t n;
};

static int units_add(struct people_units *u, const struct cw_milestone *m, size_t people)
{
	struct people_unit *grown;

	for (size_t i = 0; i < u->n; i++)
		if (!m->more && !u->v[i].m->more && same_detained(u->v[i].m, m)) {
			if (people > u->v[i].people)
				u->v[i].people = people;
			return 0;
		}
	if (!(grown = realloc(u->v, (u->n + 1) * sizeof *grown)))
		return CW_ENOMEM;
	u->v = grown;
	u->v[u->n++] = (struct people_unit){m, people};
	return 0;
}

static size_t units_people(const struct people_units *u)
{
	size_t n = 0;

	for (size_t i = 0; i < u->n; i++)
		n += u->v[i].people;
	return n;
}

/* The groups of the table by article an event with articles a (n of them) counts in: 494/495,
 * 437 bis, any other, or none recorded. */
static void event_groups(const struct cw_article *a, size_t n, int in[CW_GROUP_COUNT])
{
	for (int g = 0; g < CW_GROUP_COUNT; g++)
		in[g] = 0;
	for (size_t j = 0; j < n; j++) {
		if (a[j].law == CW_LAW_CC && a[j].suffix == CW_SUFFIX_NONE &&
		    (a[j].number == 494 || a[j].number == 495))
			in[CW_GROUP_INCITEMENT] = 1;
		else if (a[j].law == CW_LAW_CC && a[j].suffix == CW_SUFFIX_BIS &&
			 a[j].number == 437)
			in[CW_GROUP_LESE_MAJESTE] = 1;
		else
			in[CW_GROUP_OTHER] = 1;
	}
	in[CW_GROUP_NO_ARTICLE] = n == 0;
}

/* The arrests and charges by article and group, each event once however many accounts of it
 * are linked (r->arrest_counted), in the period that counts it; and the people they concern,
 * each once (struct people_units). CW_ENOMEM or 0. */
static int count_articles(struct cw_report *r)
{
	struct people_units groups[CW_GROUP_COUNT] = {{0}}, *arts = NULL;
	int rc = 0;

	for (size_t i = 0; i < r->arrests.n && rc == 0; i++) {
		const struct cw_milestone *m = &r->arrests.items[i].u.milestone;
		struct cw_article a[64];
		size_t n, people;
		int in[CW_GROUP_COUNT];

		if (!cw_report_counted(r->arrest_counted, i))
			continue;
		n = cw_report_arrest_articles(r, m, a, 64);
		people = milestone_people(r, m);
		for (size_t j = 0; j < n && rc == 0; j++) {
			size_t k = 0;

			while (k < r->narticles && !cw_article_same(&r->articles[k].article, &a[j]))
				k++;
			if (k == r->narticles) {
				struct cw_report_article *grown =
					realloc(r->articles, (k + 1) * sizeof *grown);
				struct people_units *more = realloc(arts, (k + 1) * sizeof *more);

				if (grown)
					r->articles = grown;
				if (more)
					arts = more;
				if (!grown || !more) {
					rc = CW_ENOMEM;
					break;
				}
				r->articles[k] = (struct cw_report_article){a[j], 0, 0};
				r->articles[k].article.paragraph = 0;
				arts[k] = (struct people_units){NULL, 0};
				r->narticles++;
			}
			r->articles[k].count += people;
			rc = units_add(&arts[k], m, people);
		}
		event_groups(a, n, in);
		for (int g = 0; g < CW_GROUP_COUNT && rc == 0; g++)
			if (in[g]) {
				r->groups[g] += people;
				rc = units_add(&groups[g], m, people);
			}
	}
	for (size_t k = 0; k < r->narticles; k++) {
		r->articles[k].people = units_people(&arts[k]);
		free(arts[k].v);
	}
	for (int g = 0; g < CW_GROUP_COUNT; g++) {
		r->group_people[g] = units_people(&groups[g]);
		free(groups[g].v);
	}
	free(arts);
	if (rc == 0 && r->narticles > 1)
		qsort(r->articles, r->narticles, sizeof *r->articles, article_order);
	return rc;
}

/* ---- people and cases named ------------------------------------------------------------- */

const struct cw_record *cw_report_ref(const struct cw_report *r, const struct cw_id *id)
{
	size_t pos;

	return cw_idmap_get(&r->ref_index, id, &pos) ? &r->refs.items[pos] : NULL;
}

int cw_report_touches_confidential(const struct cw_report *r, const struct cw_record *rec,
				   int *touches)
{
	const struct cw_id *case_id = cw_withheld_case_of(rec);
	const struct cw_record *kase = case_id ? cw_report_ref(r, case_id) : NULL;
	struct cw_id *people;
	size_t n;

	*touches = cw_record_has_confidential(rec) || (kase && kase->confidential);
	if (*touches)
		return 0;
	if (cw_withheld_people_named(rec, kase, &people, &n) != 0)
		return CW_ENOMEM;
	for (size_t i = 0; i < n && !*touches; i++) {
		const struct cw_record *p = cw_report_ref(r, &people[i]);

		*touches = p && cw_record_named_withheld(p);
	}
	free(people);
	return 0;
}

int64_t cw_report_group_count(const struct cw_report *r, const struct cw_id *case_id,
			      const char *label)
{
	const struct cw_record *k = cw_report_ref(r, case_id);

	if (!k || k->kind != CW_KIND_CASE || !label)
		return -1;
	for (size_t i = 0; i < k->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)k->u.kase.defendants.items + i;

		if (cw_id_is_zero(&d->person) && d->label && strcasecmp(d->label, label) == 0)
			return d->unnamed_count > 0 ? d->unnamed_count : -1;
	}
	return -1;
}

int64_t cw_report_milestone_group_count(const struct cw_report *r, const struct cw_milestone *m)
{
	return m->count > 0 ? m->count : cw_report_group_count(r, &m->case_id, m->group);
}

/* A label that names a group: "" names none. */
static const char *group_label(const char *label)
{
	return label && *label ? label : NULL;
}

static int has_defendant(const struct cw_report_hearing_defendant *l, size_t n,
			 const struct cw_id *person, const char *group)
{
	for (size_t i = 0; i < n; i++)
		if (group ? l[i].group && !strcasecmp(l[i].group, group)
			  : !l[i].group && cw_id_equal(&l[i].person, person))
			return 1;
	return 0;
}

/* Adds a person (group NULL) or a group the hearing or its case names, once. */
static int add_hearing_defendant(struct cw_report_hearing_defendant **l, size_t *n, size_t *cap,
				 const struct cw_hearing *h, const struct cw_id *person,
				 const char *group, int64_t count, int from_case)
{
	struct cw_report_hearing_defendant *d;

	if (group ? has_defendant(*l, *n, NULL, group)
		  : !cw_id_is_zero(person) && has_defendant(*l, *n, person, NULL))
		return 0;
	if (*n == *cap) {
		size_t grow = *cap ? *cap * 2 : 8;

		if (!(d = realloc(*l, grow * sizeof *d)))
			return CW_ENOMEM;
		*l = d;
		*cap = grow;
	}
	d = &(*l)[(*n)++];
	memset(d, 0, sizeof *d);
	d->count = count > 0 ? count : -1;
	d->group = group;
	d->from_case = from_case;
	if (group)
		return 0;
	d->person = *person;
	for (size_t i = 0; i < h->attendance.n; i++) {
		const struct cw_attendance *a =
			(const struct cw_attendance *)h->attendance.items + i;

		if (cw_id_equal(&a->person, person) && a->present == CW_ANSWER_NO)
			d->absent = 1;
	}
	return 0;
}

int cw_report_hearing_defendants(const struct cw_report *r, const struct cw_record *hearing,
				 struct cw_report_hearing_defendant **out, size_t *n)
{
	const struct cw_hearing *h = &hearing->u.hearing;
	const struct cw_record *k = cw_report_ref(r, &h->case_id);
	const struct cw_list *defs = k && k->kind == CW_KIND_CASE ? &k->u.kase.defendants : NULL;
	struct cw_report_hearing_defendant *l = NULL;
	size_t cap = 0;
	int rc = 0, people_said, groups_said;

	*out = NULL;
	*n = 0;
	/* A case withheld from others (read here as what cw_withheld_named left of it) keeps its
	 * defendants from them, whoever its hearing names: the row reads the case as
	 * "[confidential]" with no one beside it, as it did when the case gave the names. */
	if (r->confidential.leave_out && k && k->confidential)
		return 0;
	/* Whom its record names, else the case's: the one rule (models/record.h,
	 * cw_hearing_concerns) that the detention a verdict naming no one ends follows too. */
	people_said = cw_hearing_names_people(h);
	groups_said = cw_hearing_names_groups(h);

	/* Those the hearing names: the case's in its order, then any other. */
	for (size_t i = 0; defs && i < defs->n && rc == 0; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)defs->items + i;
		const char *label = group_label(d->label);

		if (!cw_id_is_zero(&d->person) ? cw_hearing_names(h, &d->person, NULL)
					       : label && cw_hearing_names(h, NULL, label))
			rc = add_hearing_defendant(&l, n, &cap, h, &d->person,
						   cw_id_is_zero(&d->person) ? label : NULL,
						   cw_id_is_zero(&d->person) ? d->unnamed_count : 1,
						   0);
	}
	for (size_t i = 0; i < h->attendance.n && rc == 0; i++)
		rc = add_hearing_defendant(
			&l, n, &cap, h,
			&((const struct cw_attendance *)h->attendance.items)[i].person, NULL, 1, 0);
	for (size_t i = 0; i < h->verdicts.n && rc == 0; i++) {
		const struct cw_verdict *v = (const struct cw_verdict *)h->verdicts.items + i;

		if (!cw_id_is_zero(&v->person) || group_label(v->group))
			rc = add_hearing_defendant(
				&l, n, &cap, h, &v->person,
				cw_id_is_zero(&v->person) ? group_label(v->group) : NULL, -1, 0);
	}
	for (size_t i = 0; i < h->sentence_parts.n && rc == 0; i++) {
		const struct cw_sentence_part *p =
			(const struct cw_sentence_part *)h->sentence_parts.items + i;

		if (!cw_id_is_zero(&p->person) || group_label(p->group))
			rc = add_hearing_defendant(
				&l, n, &cap, h, &p->person,
				cw_id_is_zero(&p->person) ? group_label(p->group) : NULL, -1, 0);
	}
	/* What the hearing does not say, the case says as it is now. */
	for (size_t i = 0; defs && i < defs->n && rc == 0; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)defs->items + i;
		int person = !cw_id_is_zero(&d->person);

		if (person ? !people_said : !groups_said)
			rc = add_hearing_defendant(&l, n, &cap, h, &d->person,
						   person ? NULL : group_label(d->label),
						   person ? 1 : d->unnamed_count, 1);
	}
	if (rc != 0) {
		free(l);
		*n = 0;
		return rc;
	}
	*out = l;
	return 0;
}

const char *cw_report_name(void *ctx, const struct cw_id *id, enum cw_kind kind)
{
	const struct cw_record *rec = cw_report_ref(ctx, id);

	if (!rec || rec->kind != kind)
		return NULL;
	return kind == CW_KIND_PERSON ? cw_person_name(&rec->u.person) : rec->u.kase.title;
}

int cw_report_gives_id(const struct cw_report *r, const struct cw_id *id)
{
	return cw_withheld_gives_id(&r->confidential, cw_report_ref(r, id));
}

void cw_report_person_hex(const struct cw_report *r, const struct cw_id *id,
			  char hex[CW_ID_HEX_LEN + 1])
{
	if (cw_report_gives_id(r, id))
		cw_id_hex(id, hex);
	else
		hex[0] = '\0';
}

int cw_report_hides_id(void *ctx, const struct cw_id *id, enum cw_kind kind)
{
	(void)kind;
	return !cw_report_gives_id(ctx, id);
}

/* Looks a record up once (also one that is not there); a reference to a record that is gone
 * is not an error here (the report shows it by id), but the database failing is. */
static int ref_add(struct cw_reader *rd, struct cw_report *r, const struct cw_id *id,
		   struct cw_error *err)
{
	struct cw_record rec;
	struct cw_error e;
	int rc;

	if (cw_id_is_zero(id) || cw_report_ref(r, id) || cw_idmap_get(&r->ref_gone, id, NULL))
		return 0;
	if ((rc = cw_reader_get(rd, id, &rec, &e)) != 0) {
		if (rc == CW_ENOTFOUND)
			return cw_idmap_put(&r->ref_gone, id, 0, NULL) < 0 ? oom(err) : 0;
		if (err)
			*err = e;
		return rc;
	}
	if (cw_withheld_named(&r->confidential, &rec) != 0) {
		cw_record_free(&rec);
		return oom(err);
	}
	if ((rc = cw_record_list_push(&r->refs, &rec)) != 0) {
		cw_record_free(&rec);
		return oom(err);
	}
	if (cw_idmap_put(&r->ref_index, &r->refs.items[r->refs.n - 1].id, r->refs.n - 1, NULL) < 0)
		return oom(err);
	return 0;
}

/* The records rec names, as what is written reads them: its case, then the people
 * cw_withheld_people_named gives, the case's defendants from the case as read for the report
 * (a confidential one is withheld whole there, and names no one). The list of references may
 * move as they are added: the people are taken from the case before any is. */
static int record_refs(struct cw_reader *rd, struct cw_report *r, const struct cw_record *rec,
		       struct cw_error *err)
{
	const struct cw_id *case_id = cw_withheld_case_of(rec);
	struct cw_id *people;
	size_t n;
	int rc = 0;

	if (case_id && (rc = ref_add(rd, r, case_id, err)) != 0)
		return rc;
	if (cw_withheld_people_named(rec, case_id ? cw_report_ref(r, case_id) : NULL, &people,
				     &n) != 0)
		return oom(err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = ref_add(rd, r, &people[i], err);
	free(people);
	return rc;
}

static int add_refs(struct cw_reader *rd, struct cw_report *r, const struct cw_record_list *l,
		    struct cw_error *err)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < l->n; i++)
		rc = record_refs(rd, r, &l->items[i], err);
	return rc;
}

/* The cases of the hearings of l that give a verdict naming no one: the rows of such a verdict
 * are one per defendant of the case (verdict_rows), counted before the hearings' own
 * references are read. */
static int add_everyone_refs(struct cw_reader *rd, struct cw_report *r,
			     const struct cw_record_list *l, struct cw_error *err)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < l->n; i++) {
		const struct cw_hearing *h = &l->items[i].u.hearing;

		for (size_t j = 0; l->items[i].kind == CW_KIND_HEARING && j < h->verdicts.n; j++) {
			const struct cw_verdict *v =
				(const struct cw_verdict *)h->verdicts.items + j;

			if (cw_id_is_zero(&v->person) && !(v->group && *v->group)) {
				rc = ref_add(rd, r, &h->case_id, err);
				break;
			}
		}
	}
	return rc;
}

int cw_report_add_refs_read(struct cw_reader *rd, struct cw_report *r,
			    const struct cw_record_list *l, struct cw_error *err)
{
	return add_refs(rd, r, l, err);
}

int cw_report_add_refs(struct cw_store *st, struct cw_report *r, const struct cw_record_list *l,
		       struct cw_error *err)
{
	struct cw_reader *rd;
	int rc = cw_store_reader_begin(st, &rd, err);

	if (rc == 0)
		rc = add_refs(rd, r, l, err);
	cw_reader_end(rd);
	return rc;
}

int cw_report_add_ids(struct cw_store *st, struct cw_report *r, const struct cw_id *ids, size_t n,
		      struct cw_error *err)
{
	struct cw_reader *rd;
	int rc = cw_store_reader_begin(st, &rd, err);

	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = ref_add(rd, r, &ids[i], err);
	cw_reader_end(rd);
	return rc;
}

/* ---- sections --------------------------------------------------------------------------- */

/* The events of [from, to]: only day-precise dates fall strictly inside a day range (a month's
 * key sorts before its first day), but check anyway so a partial date can never be counted
 * twice. */
/* The other accounts of a period's events, of the kinds it counts once per event, dated before
 * it and after it, oldest first (report.h). */
struct near {
	struct cw_record_list before, after;
};
enum {
	NEAR_HEARINGS,
	NEAR_ARRESTS,
	NEAR_VISITS,
	NEAR_DEMOS,
	NEAR_INCIDENTS,
	NEAR_CASE_EVENTS,
	/* Ruling milestones: kept near the period only for the count of its rulings, which
	 * counts a ruling whose accounts, linked as one, are dated in two periods in one of them
	 * (accounts_across); near_kind gives none, so no other list joins through them. */
	NEAR_RULINGS,
	NEARS
};
/* Besides those, what counted_kind says of a record: the period's rulings, which no other
 * period's count of hearings or other events reads (near_kind gives them no list, and
 * bridge_joins joins through no ruling of another period), and the flag of a record dated in
 * the period itself. */
enum { LIST_RULINGS = NEARS, LIST_HERE = 0x10 };

/* The events the report's filter cuts: accounts it admits joined as the same event (or
 * disputing it) only through accounts it leaves out (the UN's of one week and of two weeks
 * later, each linked to the government's between them, under --account un). One entry an
 * admitted account so joined, by id, and its event (any number shared by the accounts of one
 * event); sorted by id. The filter chooses the accounts a report shows and counts, not which
 * links exist: events_make_as joins them through these. */
struct bridge {
	struct cw_id id;
	size_t event;
};

struct bridges {
	struct bridge *items;
	size_t n;
};

struct period {
	/* detentions: pretrial-detention milestones, counted only (whoever is still held is
	 * listed from the detention index, gather_detainees) */
	struct cw_record_list hearings, arrests, detentions, rulings, releases, visits, demos,
		incidents, case_events;
	struct near near[NEARS];
	/* bridges: of the lists counted across periods (accounts_across); ruled: of the
	 * period's hearings and rulings, read together as its verdicts are (events_make_as),
	 * joined through accounts the filter leaves out or dated in another period
	 * (near_bridges) */
	struct bridges bridges, ruled;
};

static void period_free(struct period *p)
{
	for (size_t i = 0; i < NEARS; i++) {
		cw_record_list_free(&p->near[i].before);
		cw_record_list_free(&p->near[i].after);
	}
	cw_record_list_free(&p->hearings);
	cw_record_list_free(&p->arrests);
	cw_record_list_free(&p->detentions);
	cw_record_list_free(&p->rulings);
	cw_record_list_free(&p->releases);
	cw_record_list_free(&p->visits);
	cw_record_list_free(&p->demos);
	cw_record_list_free(&p->incidents);
	cw_record_list_free(&p->case_events);
	free(p->bridges.items);
	free(p->ruled.items);
	p->bridges.items = p->ruled.items = NULL;
	p->bridges.n = p->ruled.n = 0;
}

static void keep_days(struct cw_record_list *l)
{
	size_t w = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (cw_date_precision(cw_record_date(&l->items[i])) == CW_DATE_DAY)
			l->items[w++] = l->items[i];
		else
			cw_record_free(&l->items[i]);
	}
	l->n = w;
}

/* Whether a date's whole month or year lies in [from, to]: the event happened in the range,
 * whatever its day. */
static int wholly_in(struct cw_date d, struct cw_date from, struct cw_date to)
{
	return cw_date_is_known(d) && cw_date_compare(cw_date_first_day(d), from) >= 0 &&
	       cw_date_compare(cw_date_last_day(d), to) <= 0;
}

static int push_event(struct period *p, struct cw_record *rec)
{
	struct cw_record_list *l = NULL;

	switch (rec->kind) {
	case CW_KIND_HEARING:
		l = &p->hearings;
		break;
	case CW_KIND_VISIT:
		l = &p->visits;
		break;
	case CW_KIND_DEMO:
		l = &p->demos;
		break;
	case CW_KIND_INCIDENT:
		l = &p->incidents;
		break;
	case CW_KIND_MILESTONE:
		l = is_arrest(rec->u.milestone.type)                    ? &p->arrests
		    : is_ruling(rec->u.milestone.type)                  ? &p->rulings
		    : rec->u.milestone.type == CW_MS_PRETRIAL_DETENTION ? &p->detentions
		    : is_release(rec->u.milestone.type)                 ? &p->releases
									: &p->case_events;
		break;
	default:
		break;
	}
	/* Not an event the period lists (a case or a person): left where it is. */
	return l ? cw_record_list_push(l, rec) : 0;
}

/* Calls fn on each event dated only to a month or a year that overlaps [from, to] (only those
 * that lie wholly in it when `only_whole`), saying whether it does; fn may move the record
 * away. A month's key sorts just before its first day and a year's just before its January,
 * so a narrow key range around each finds them without reading the whole month or year (and
 * a week, which holds no month, needs none when only_whole). */
static int walk_partial(struct cw_reader *rd, const struct cw_report *r, struct cw_date from,
			struct cw_date to, int only_whole,
			int (*fn)(struct cw_record *rec, int whole, void *ctx), void *ctx,
			struct cw_error *err)
{
	static const enum cw_kind kinds[] = {CW_KIND_HEARING, CW_KIND_MILESTONE, CW_KIND_VISIT,
					     CW_KIND_DEMO, CW_KIND_INCIDENT};
	int rc = 0;

	for (int y = from.year; rc == 0 && y <= to.year; y++) {
		int m0 = y == from.year ? from.month : 1, m1 = y == to.year ? to.month : 12;

		/* m == 0 stands for the year itself. */
		for (int m = 0; rc == 0 && m <= m1; m = m == 0 ? m0 : m + 1) {
			enum cw_date_precision want = m ? CW_DATE_MONTH : CW_DATE_YEAR;
			int whole = wholly_in(day(y, m, 0), from, to);

			if (only_whole && !whole)
				continue;
			for (size_t k = 0; rc == 0 && k < sizeof kinds / sizeof kinds[0]; k++) {
				struct cw_record_list l;

				rc = list_kind(rd, r, kinds[k], day(y, m, 0), day(y, m ? m : 1, 1),
					       &l, err);
				for (size_t i = 0; rc == 0 && i < l.n; i++) {
					struct cw_date d = cw_record_date(&l.items[i]);

					if (cw_date_precision(d) == want && d.year == y &&
					    d.month == m && fn(&l.items[i], whole, ctx) != 0)
						rc = oom(err);
				}
				cw_record_list_free(&l);
			}
		}
	}
	return rc;
}

/* An event dated to a month or a year wholly in the period happened in it: counted there. */
static int whole_into_period(struct cw_record *rec, int whole, void *p)
{
	return whole ? push_event(p, rec) : 0;
}

static int gather_near(struct cw_reader *rd, const struct cw_report *r, struct cw_date from,
		       struct cw_date to, struct period *p, struct cw_error *err);

static int gather_period(struct cw_reader *rd, const struct cw_report *r, struct cw_date from,
			 struct cw_date to, struct period *p, struct cw_error *err)
{
	struct cw_record_list ms;
	int rc;

	memset(p, 0, sizeof *p);
	if ((rc = list_kind(rd, r, CW_KIND_HEARING, from, to, &p->hearings, err)) != 0 ||
	    (rc = list_kind(rd, r, CW_KIND_VISIT, from, to, &p->visits, err)) != 0 ||
	    (rc = list_kind(rd, r, CW_KIND_DEMO, from, to, &p->demos, err)) != 0 ||
	    (rc = list_kind(rd, r, CW_KIND_INCIDENT, from, to, &p->incidents, err)) != 0 ||
	    (rc = list_kind(rd, r, CW_KIND_MILESTONE, from, to, &ms, err)) != 0)
		return rc;
	keep_days(&p->hearings);
	keep_days(&p->visits);
	keep_days(&p->demos);
	keep_days(&p->incidents);
	keep_days(&ms);
	for (size_t i = 0; rc == 0 && i < ms.n; i++)
		rc = push_event(p, &ms.items[i]);
	cw_record_list_free(&ms);
	if (rc)
		return oom(err);
	if ((rc = walk_partial(rd, r, from, to, 1, whole_into_period, p, err)) != 0)
		return rc;
	return gather_near(rd, r, from, to, p, err);
}

/* Where a record found through links goes among the accounts of its events outside the period
 * (struct near): its kind's list before or after it, when it is an event the period counts
 * once per event (of the milestones an arrest or charge, or an event of a case no other list
 * takes: push_event) dated wholly before or after it: to a day, or to a month or a year another
 * period's report counts it in (walk_partial; left out, March's "2024-03" account and April's
 * of a day were each counted by their month); NULL otherwise (one whose month or year the
 * period overlaps is counted in no report of its length). */
/* The kind of event a record is counted among across periods (struct near), one index a list
 * the period counts (accounts_across): -1 for a record of none (a ruling, a detention, a
 * release; a case or a person). */
static int near_kind(const struct cw_record *rec)
{
	switch (rec->kind) {
	case CW_KIND_HEARING:
		return NEAR_HEARINGS;
	case CW_KIND_MILESTONE: {
		unsigned t = rec->u.milestone.type;

		if (is_arrest(t))
			return NEAR_ARRESTS;
		if (!is_ruling(t) && t != CW_MS_PRETRIAL_DETENTION && !is_release(t))
			return NEAR_CASE_EVENTS;
		return -1;
	}
	case CW_KIND_VISIT:
		return NEAR_VISITS;
	case CW_KIND_DEMO:
		return NEAR_DEMOS;
	case CW_KIND_INCIDENT:
		return NEAR_INCIDENTS;
	default:
		return -1;
	}
}

static struct cw_record_list *near_list(struct period *p, const struct cw_record *rec,
					struct cw_date from, struct cw_date to)
{
	struct cw_date d = cw_record_date(rec);
	int k = near_kind(rec);

	/* A ruling has a list of its own, for the count of rulings alone (NEAR_RULINGS). */
	if (k < 0 && rec->kind == CW_KIND_MILESTONE && is_ruling(rec->u.milestone.type))
		k = NEAR_RULINGS;
	if (!cw_date_is_known(d) || k < 0)
		return NULL;
	if (cw_date_compare(cw_date_last_day(d), from) < 0)
		return &p->near[k].before;
	if (cw_date_compare(cw_date_first_day(d), to) > 0)
		return &p->near[k].after;
	return NULL;
}

/* The list of the period's counts (near_kind) a record is in when the report admits it, as the
 * period reads it or as near_list keeps it, with LIST_HERE when it is the period's own; a
 * ruling of the period LIST_RULINGS (with LIST_HERE): -1 when it is in none, dated to no day
 * nor wholly in the period nor wholly outside it (a month or a year the period overlaps:
 * counted in no report of its length), a ruling of another period, or not dated at all. */
static int counted_kind(const struct cw_record *rec, struct cw_date from, struct cw_date to)
{
	struct cw_date d = cw_record_date(rec);
	int here, k;

	if (!cw_date_is_known(d))
		return -1;
	here = cw_date_compare(cw_date_last_day(d), from) >= 0 &&
	       cw_date_compare(cw_date_first_day(d), to) <= 0;
	if (here && !wholly_in(d, from, to))
		return -1;
	if ((k = near_kind(rec)) < 0 && here && rec->kind == CW_KIND_MILESTONE &&
	    is_ruling(rec->u.milestone.type))
		k = LIST_RULINGS;
	return k < 0 ? -1 : k | (here ? LIST_HERE : 0);
}

static int near_order(const void *pa, const void *pb)
{
	const struct cw_record *a = pa, *b = pb;
	uint32_t ka = cw_date_key(cw_record_date(a)), kb = cw_date_key(cw_record_date(b));

	if (ka != kb)
		return ka < kb ? -1 : 1;
	return memcmp(a->id.b, b->id.b, sizeof a->id.b);
}

/* The search for the accounts near a period: the ids seen, and those found near whose links
 * are still to follow. */
struct near_search {
	struct cw_reader *rd;
	struct cw_matcher *m;
	const struct cw_withheld *shown;
	struct period *p;
	struct cw_date from, to;
	struct cw_idmap seen; /* each id found, to its node */
	/* The records found whose links are followed, the links that name them still to look
	 * up (cw_reader_linking: near_search's loop), from done on. */
	struct cw_id *todo;
	size_t ntodo, done, captodo;
	/* The records named by a link and not read yet (near_found), by node: a list of its own,
	 * not the stack, which a chain of tens of thousands of linked accounts overflowed. */
	size_t *unread, nunread, capunread;
	/* The records found, by node (seen's value): whether each was read and is not left out
	 * (alive), whether the filter leaves it out (cut), the list of the period's counts it is
	 * in when admitted (counted_kind, -1 none); and the links (as pairs of nodes, same_event
	 * or disputes) that may join two accounts it admits (near_bridges). */
	struct near_node {
		struct cw_id id;
		unsigned char alive, cut;
		signed char list;
	} * nodes;
	size_t nnodes, capnodes, *edges, nedges, capedges;
};

/* items (*cap of `size` bytes each) with room for `need`: itself when it has it, else grown
 * (doubled, so that a search of n records copies O(n) bytes, not O(n^2)); NULL out of memory,
 * items untouched. */
static void *near_room(void *items, size_t *cap, size_t need, size_t size)
{
	size_t more = *cap ? *cap : 16;
	void *grown;

	if (need <= *cap)
		return items;
	while (more < need)
		more *= 2;
	if (more > SIZE_MAX / size || !(grown = realloc(items, more * size)))
		return NULL;
	*cap = more;
	return grown;
}

/* A node for id in ns (put in seen): *at, and 1 when it is new; 0 when seen already; -1 out of
 * memory. */
static int near_node(struct near_search *ns, const struct cw_id *id, size_t *at)
{
	struct near_node *n;
	int added;

	if (cw_idmap_get(&ns->seen, id, at))
		return 0;
	if (!(n = near_room(ns->nodes, &ns->capnodes, ns->nnodes + 1, sizeof *n)))
		return -1;
	ns->nodes = n;
	if ((added = cw_idmap_put(&ns->seen, id, ns->nnodes, NULL)) < 0)
		return -1;
	n = &ns->nodes[ns->nnodes];
	n->id = *id;
	n->alive = n->cut = 0;
	n->list = -1;
	*at = ns->nnodes++;
	return 1;
}

/* The links of rec (node at) that say it is an event another record tells too. */
static int near_edges(struct near_search *ns, const struct cw_record *rec, size_t at)
{
	for (size_t k = 0; k < rec->links.n; k++) {
		const struct cw_link *l = (const struct cw_link *)rec->links.items + k;
		size_t *grown, to;

		if ((l->relation != CW_LINK_SAME_EVENT && l->relation != CW_LINK_DISPUTES) ||
		    !cw_idmap_get(&ns->seen, &l->record, &to))
			continue;
		if (!(grown = near_room(ns->edges, &ns->capedges, (ns->nedges + 1) * 2,
					sizeof *grown)))
			return CW_ENOMEM;
		ns->edges = grown;
		ns->edges[2 * ns->nedges] = at;
		ns->edges[2 * ns->nedges + 1] = to;
		ns->nedges++;
	}
	return 0;
}

static int near_todo(struct near_search *ns, const struct cw_id *id)
{
	struct cw_id *grown = near_room(ns->todo, &ns->captodo, ns->ntodo + 1, sizeof *grown);

	if (!grown)
		return CW_ENOMEM;
	ns->todo = grown;
	ns->todo[ns->ntodo++] = *id;
	return 0;
}

/* Node `at` named by a link, new: read in turn by near_found. */
static int near_unread(struct near_search *ns, size_t at)
{
	size_t *grown = near_room(ns->unread, &ns->capunread, ns->nunread + 1, sizeof *grown);

	if (!grown)
		return CW_ENOMEM;
	ns->unread = grown;
	ns->unread[ns->nunread++] = at;
	return 0;
}

/* A record named by a link, either way, of one already found: its links are followed in turn,
 * whatever it is, so that every period sees every account of an event and decides alike which
 * one counts it; kept among the accounts outside the period when it is one the report's filter
 * admits (as the period's own lists are read through it). Read once however often it is
 * named. What its links name is read from a list of the nodes still to read, last found first,
 * until none is left: however long a chain of linked accounts, the stack does not grow. */
static int near_found(struct near_search *ns, const struct cw_id *id, struct cw_error *err)
{
	size_t at;
	int added, rc = 0;

	if ((added = near_node(ns, id, &at)) < 0 || (added && near_unread(ns, at) != 0))
		return oom(err);
	while (rc == 0 && ns->nunread > 0) {
		struct cw_record rec;
		struct cw_record_list *l;
		int match = 0;

		at = ns->unread[--ns->nunread];
		if ((rc = cw_reader_get(ns->rd, &ns->nodes[at].id, &rec, err)) == CW_ENOTFOUND) {
			rc = 0;
			continue; /* a link to a record deleted since */
		}
		if (rc != 0)
			break;
		/* Its own links (a node each, read later), then those that name it (near_search's
		 * loop). */
		for (size_t k = 0; rc == 0 && k < rec.links.n; k++) {
			size_t to;

			if ((added = near_node(ns,
					       &((const struct cw_link *)rec.links.items)[k].record,
					       &to)) < 0 ||
			    (added && near_unread(ns, to) != 0))
				rc = oom(err);
		}
		if (rc == 0 && near_todo(ns, &rec.id) != 0)
			rc = oom(err);
		if (rc == 0 && near_edges(ns, &rec, at) != 0)
			rc = oom(err);
		if (rc == 0 && (rc = cw_matcher_test(ns->m, &rec, &match, err)) == 0) {
			ns->nodes[at].alive = !cw_withheld_leaves_out(ns->shown, &rec);
			ns->nodes[at].cut = !match;
			ns->nodes[at].list = (signed char)counted_kind(&rec, ns->from, ns->to);
		}
		if (rc == 0 && match && (l = near_list(ns->p, &rec, ns->from, ns->to))) {
			if (cw_record_list_push(l, &rec) != 0)
				rc = oom(err);
			else
				continue; /* moved into the list */
		}
		cw_record_free(&rec);
	}
	return rc;
}

/* Union-find over the hearings of verdict rows: accounts linked as the same event, directly
 * or through another account (the UN's linked to the team's, a newspaper's to the UN's), are
 * one hearing. */
static size_t event_root(size_t *parent, size_t x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return x;
}

/* Pairs of numbers by the first, then the second. */
static int pair_compare(const void *pa, const void *pb)
{
	const size_t *a = pa, *b = pb;

	if (a[0] != b[0])
		return a[0] < b[0] ? -1 : 1;
	return (a[1] > b[1]) - (a[1] < b[1]);
}

static int bridge_compare(const void *a, const void *b)
{
	return memcmp(((const struct bridge *)a)->id.b, ((const struct bridge *)b)->id.b,
		      sizeof(struct cw_id));
}

/* Whether a link between two nodes whose lists are la and lb (counted_kind) may join them in a
 * union of near_bridges: in the lists counted across periods (!ruled), when both are in one of
 * them, what the report would count them among with no filter, which joins through nothing else
 * (the government's demonstration linked to the UN's two incidents, or its account dated only
 * to a month the period overlaps, joined no incidents of a report of all accounts, and so none
 * of the UN's); among the period's hearings and rulings (ruled), which its verdicts read
 * together (events_make), when both are hearings, wherever dated (accounts_across joins them),
 * or both are the period's own hearings or rulings (a ruling of another period, or an event of
 * a case that is neither, joins none of them in the report of every account). */
static int bridge_joins(int la, int lb, int ruled)
{
	int ka = la & ~LIST_HERE, kb = lb & ~LIST_HERE;

	if (la < 0 || lb < 0)
		return 0;
	if (!ruled)
		return ka == kb && ka != LIST_RULINGS;
	if ((ka != NEAR_HEARINGS && ka != LIST_RULINGS) ||
	    (kb != NEAR_HEARINGS && kb != LIST_RULINGS))
		return 0;
	return (ka == NEAR_HEARINGS && kb == NEAR_HEARINGS) || (la & lb & LIST_HERE);
}

/* One union of near_bridges into *out, with root and through (ns->nnodes each) to work in: the
 * admitted accounts joined (bridge_joins) through accounts a list leaves out, by id, and their
 * event. An account is left out when the filter leaves it out (cut); of the period's hearings
 * and rulings (ruled), also when it is dated in another period, which the period's own lists do
 * not hold; never when it is withheld or gone. 0 or CW_ENOMEM. */
static int bridges_union(const struct near_search *ns, int ruled, size_t *root,
			 unsigned char *through, struct bridges *out)
{
	size_t n = 0;

	for (size_t i = 0; i < ns->nnodes; i++) {
		const struct near_node *v = &ns->nodes[i];

		root[i] = i;
		through[i] =
			v->alive && v->list >= 0 && (v->cut || (ruled && !(v->list & LIST_HERE)));
	}
	/* Links between two accounts a list holds are its own to read (events_make_as). */
	for (size_t e = 0; e < ns->nedges; e++) {
		size_t a = ns->edges[2 * e], b = ns->edges[2 * e + 1], x, y;

		if (!ns->nodes[a].alive || !ns->nodes[b].alive || (!through[a] && !through[b]) ||
		    !bridge_joins(ns->nodes[a].list, ns->nodes[b].list, ruled))
			continue;
		x = event_root(root, a);
		y = event_root(root, b);
		if (x != y)
			root[x > y ? x : y] = x < y ? x : y;
	}
	/* The events that hold an account left out (marked at their root): their admitted
	 * accounts are entries; of the period's hearings and rulings, its own. */
	for (size_t i = 0; i < ns->nnodes; i++)
		if (through[i])
			through[event_root(root, i)] |= 2;
	for (int fill = 0; fill < 2; fill++) {
		if (fill && n && !(out->items = malloc(n * sizeof *out->items)))
			return CW_ENOMEM;
		for (size_t i = 0; i < ns->nnodes; i++) {
			const struct near_node *v = &ns->nodes[i];
			size_t x = event_root(root, i);

			if (!v->alive || v->cut || !(through[x] & 2) ||
			    (ruled && (v->list < 0 || !(v->list & LIST_HERE))))
				continue;
			if (fill)
				out->items[out->n++] = (struct bridge){v->id, x};
			else
				n++;
		}
	}
	if (out->n > 1)
		qsort(out->items, out->n, sizeof *out->items, bridge_compare);
	return 0;
}

/* The admitted accounts found (ns) joined through accounts left out into p (struct bridges),
 * of the lists counted across periods and of the period's hearings and rulings (bridges_union,
 * bridge_joins). 0 or CW_ENOMEM. */
static int near_bridges(struct near_search *ns, struct period *p)
{
	size_t *root;
	unsigned char *through;
	int rc;

	if (!ns->nedges)
		return 0;
	if (!(root = malloc(ns->nnodes * sizeof *root)) || !(through = malloc(ns->nnodes))) {
		free(root);
		return CW_ENOMEM;
	}
	rc = bridges_union(ns, 0, root, through, &p->bridges);
	if (rc == 0)
		rc = bridges_union(ns, 1, root, through, &p->ruled);
	free(root);
	free(through);
	return rc;
}

/* The accounts outside the period [from, to] (struct near) linked, either way, to one of its
 * own or to another found so, however far apart: its events' other accounts, found through
 * the links and the index of links (cw_reader_linking), not by reading every record around
 * it. Dated wholly outside it (near_list); the caller sifts them as it sifts the
 * period's (confidential ones, tallies). */
static int gather_near(struct cw_reader *rd, const struct cw_report *r, struct cw_date from,
		       struct cw_date to, struct period *p, struct cw_error *err)
{
	const struct cw_record_list *own[] = {&p->hearings,  &p->arrests,     &p->visits, &p->demos,
					      &p->incidents, &p->case_events, &p->rulings};
	struct near_search ns = {
		.rd = rd, .shown = &r->confidential, .p = p, .from = from, .to = to};
	uint32_t kinds = CW_KIND_BIT(CW_KIND_HEARING) | CW_KIND_BIT(CW_KIND_MILESTONE) |
			 CW_KIND_BIT(CW_KIND_VISIT) | CW_KIND_BIT(CW_KIND_DEMO) |
			 CW_KIND_BIT(CW_KIND_INCIDENT);
	struct cw_filter f = r->filter;
	struct cw_date none = {0, 0, 0};
	int rc = 0;

	if (r->filter.kinds && !(kinds &= r->filter.kinds))
		return 0;
	f.kinds = kinds;
	f.since = none;
	f.until = none;
	if ((rc = cw_reader_matcher(rd, &f, kinds, &ns.m, err)) != 0)
		return rc;
	/* The period's own first: seen, their links followed. */
	for (size_t l = 0; rc == 0 && l < sizeof own / sizeof own[0]; l++)
		for (size_t i = 0; rc == 0 && i < own[l]->n; i++) {
			size_t at;

			if (near_node(&ns, &own[l]->items[i].id, &at) < 0 ||
			    near_todo(&ns, &own[l]->items[i].id) != 0)
				rc = oom(err);
			else {
				ns.nodes[at].alive =
					!cw_withheld_leaves_out(ns.shown, &own[l]->items[i]);
				ns.nodes[at].list =
					(signed char)counted_kind(&own[l]->items[i], from, to);
			}
		}
	for (size_t l = 0; rc == 0 && l < sizeof own / sizeof own[0]; l++)
		for (size_t i = 0; rc == 0 && i < own[l]->n; i++) {
			const struct cw_record *rec = &own[l]->items[i];
			size_t at = 0;

			for (size_t k = 0; rc == 0 && k < rec->links.n; k++)
				rc = near_found(
					&ns, &((const struct cw_link *)rec->links.items)[k].record,
					err);
			if (rc == 0 && cw_idmap_get(&ns.seen, &rec->id, &at) &&
			    near_edges(&ns, rec, at) != 0)
				rc = oom(err);
		}
	/* Then whatever names one of them, and what that names, until nothing new is found. */
	for (; rc == 0 && ns.done < ns.ntodo; ns.done++) {
		struct cw_id target = ns.todo[ns.done], *ids = NULL;
		size_t n = 0;

		if ((rc = cw_reader_linking(rd, &target, &ids, &n, err)) != 0)
			break;
		for (size_t i = 0; rc == 0 && i < n; i++)
			rc = near_found(&ns, &ids[i], err);
		free(ids);
	}
	if (rc == 0 && near_bridges(&ns, p) != 0)
		rc = oom(err);
	/* Oldest first, as the lists the period reads are (by date key, then id). */
	for (size_t k = 0; rc == 0 && k < NEARS; k++) {
		struct cw_record_list *lists[] = {&p->near[k].before, &p->near[k].after};

		for (size_t j = 0; j < 2; j++)
			if (lists[j]->n > 1)
				qsort(lists[j]->items, lists[j]->n, sizeof *lists[j]->items,
				      near_order);
	}
	cw_matcher_free(ns.m);
	cw_idmap_free(&ns.seen);
	free(ns.todo);
	free(ns.unread);
	free(ns.nodes);
	free(ns.edges);
	return rc;
}

/* A hearing another account only set (report.h: hearings_set). */
static int only_set(const struct cw_record *rec)
{
	const struct cw_hearing *h = &rec->u.hearing;

	return rec->kind == CW_KIND_HEARING && !cw_report_hearing_is_own(rec) &&
	       h->outcome == CW_OUTCOME_UNKNOWN && h->verdicts.n == 0 && !h->sentence &&
	       cw_date_is_known(rec->reported_on) && cw_date_is_known(h->date) &&
	       cw_date_compare(cw_date_first_day(rec->reported_on), cw_date_last_day(h->date)) <= 0;
}

/* Marks in linked[i] whether another record of l is given as the same event as l's record i,
 * or it as the same as one of them (links, either way): a hearing the team saw held, which a
 * document only set. Each link is looked up once among l's records by the id it names
 * (looking for each record's among every other's links was O(records x links)); a list's ids
 * are its records' own, one each. 0 or CW_ENOMEM. */
static int linked_in(const struct cw_record_list *l, unsigned char *linked)
{
	struct cw_idmap at = {0};
	int links = 0;

	for (size_t i = 0; i < l->n && !links; i++)
		links = l->items[i].links.n > 0;
	for (size_t i = 0; links && i < l->n; i++)
		if (cw_idmap_put(&at, &l->items[i].id, i, NULL) < 0) {
			cw_idmap_free(&at);
			return CW_ENOMEM;
		}
	for (size_t i = 0; links && i < l->n; i++) {
		const struct cw_record *o = &l->items[i];

		for (size_t k = 0; k < o->links.n; k++) {
			size_t j;

			if (cw_idmap_get(&at, &((const struct cw_link *)o->links.items)[k].record,
					 &j) &&
			    j != i)
				linked[i] = linked[j] = 1;
		}
	}
	cw_idmap_free(&at);
	return 0;
}

/* Moves the hearings of `from` another account only set into `to` (NULL: frees them); not one
 * another record of the period gives as held (linked to it). */
static int take_set_hearings(struct cw_record_list *from, struct cw_record_list *to)
{
	unsigned char *set, *linked = NULL;
	size_t kept = 0, nset = 0;
	int rc = 0;

	if (!from->n)
		return 0;
	if (!(set = calloc(from->n, 1)))
		return CW_ENOMEM;
	/* Decided over the whole list first: moving records out empties them, links and all. */
	for (size_t i = 0; i < from->n; i++)
		nset += set[i] = (unsigned char)only_set(&from->items[i]);
	if (nset && (!(linked = calloc(from->n, 1)) || linked_in(from, linked) != 0)) {
		free(linked);
		free(set);
		return CW_ENOMEM;
	}
	for (size_t i = 0; linked && i < from->n; i++)
		set[i] = set[i] && !linked[i];
	free(linked);
	for (size_t i = 0; i < from->n; i++) {
		if (!set[i])
			from->items[kept++] = from->items[i];
		else if (!to)
			cw_record_free(&from->items[i]);
		else if (rc || (rc = cw_record_list_push(to, &from->items[i])) != 0)
			from->items[kept++] = from->items[i]; /* out of memory: kept, undone */
	}
	from->n = kept;
	free(set);
	return rc;
}

/* Under an article filter, a verdict's rows on other articles go: a hearing found through its
 * case's charge under 495 lists its rulings under 305 and 502 too, which a supervisor who
 * asked for 494/495 did not ask for. A row that names no article (a ruling on every charge)
 * stays. */
static void rows_of_filter_articles(const struct cw_filter *f, struct cw_report_verdict *rows,
				    size_t *n)
{
	size_t kept = 0;

	if (!f->narticles)
		return;
	for (size_t i = 0; i < *n; i++) {
		struct cw_article a;

		if (!cw_report_verdict_article(&rows[i], &a) ||
		    cw_article_in(&a, f->articles, f->narticles))
			rows[kept++] = rows[i];
	}
	*n = kept;
}

/* Under an article filter, the arrests and charges found only by a charge laid after `by` (the
 * period's end) go: one that names no article is counted under the charges laid by then
 * (cw_report_arrest_articles), and the filter finds it by every charge its case has now (a
 * review found a week's report filtered on 496 count its arrest under 494/495 alone). */
static void arrests_of_filter_articles(const struct cw_report *r, struct cw_record_list *l,
				       struct cw_date by)
{
	size_t kept = 0;

	if (!r->filter.narticles)
		return;
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_milestone *m = &l->items[i].u.milestone;
		const struct cw_record *kase = cw_report_ref(r, &m->case_id);
		struct cw_article named[CW_ARTICLE_LIST_MAX], then[64];
		size_t n;

		if (cw_milestone_articles(m, named) == 0 && kase) {
			cw_case_event_articles_by(kase, &m->person, m->group, by, then, 64, &n);
			if (!cw_articles_meet(then, n, r->filter.articles, r->filter.narticles)) {
				cw_record_free(&l->items[i]);
				continue;
			}
		}
		l->items[kept++] = l->items[i];
	}
	l->n = kept;
}

/* Under a filter naming a person, the rows of that person: a hearing of their case is theirs,
 * but its ruling on a co-defendant, or on a group of unnamed defendants, is not. A row that
 * names no one stays (the ruling's record is the filter's). */
static void rows_of_filter_people(const struct cw_report *r, struct cw_report_verdict *rows,
				  size_t *n)
{
	size_t kept = 0;

	if (!r->filter.person[0])
		return;
	for (size_t i = 0; i < *n; i++) {
		int keep = cw_id_is_zero(&rows[i].person) && !(rows[i].group && *rows[i].group);

		for (size_t j = 0; j < r->nfilter_people && !keep; j++)
			keep = cw_id_equal(&rows[i].person, &r->filter_people[j]);
		if (keep)
			rows[kept++] = rows[i];
	}
	*n = kept;
}

static int hearing_has_verdict(const struct cw_hearing *h)
{
	return h->outcome == CW_OUTCOME_VERDICT || h->verdicts.n > 0;
}

/* Whether two dates may be the same day: equal, or one given only to its month or year holds
 * the other ("2023-05" and 2023-05-12). */
static int may_be_same_day(struct cw_date a, struct cw_date b)
{
	if (!cw_date_is_known(a) || !cw_date_is_known(b))
		return 0;
	if (cw_date_precision(a) > cw_date_precision(b)) {
		struct cw_date t = a;

		a = b;
		b = t;
	}
	return cw_date_compare(cw_date_first_day(a), cw_date_first_day(b)) <= 0 &&
	       cw_date_compare(cw_date_last_day(b), cw_date_last_day(a)) <= 0;
}

/* Whether a hearing in the list already gives the ruling a milestone records (the seed, like
 * many monitors, logs a verdict both as a hearing and as a milestone of the defendant): a
 * hearing of its case, of its day, whose verdicts name its person or group, or name no one
 * (every defendant the hearing concerned, its person or group among them). A hearing that
 * gives its verdict unitemised does not: the milestone says whom it was for ("3 of the 8
 * convicted"), and its row is listed instead of the hearing's (verdict_rows). */
static int ruling_in_hearings(const struct cw_record_list *hearings, const struct cw_milestone *m)
{
	for (size_t i = 0; i < hearings->n; i++) {
		const struct cw_hearing *h = &hearings->items[i].u.hearing;

		if (!hearing_has_verdict(h) || !cw_id_equal(&h->case_id, &m->case_id) ||
		    cw_id_is_zero(&m->case_id) || !may_be_same_day(h->date, m->date))
			continue;
		for (size_t j = 0; j < h->verdicts.n; j++) {
			const struct cw_verdict *v =
				(const struct cw_verdict *)h->verdicts.items + j;

			if (cw_id_equal(&v->person, &m->person) &&
			    strcasecmp(v->group ? v->group : "", m->group ? m->group : "") == 0)
				return 1;
			/* A verdict that names no one rules on every defendant the hearing
			 * concerned (verdict_rows; models/record.h, cw_hearing_concerns), not one
			 * its attendance leaves out. */
			if (cw_id_is_zero(&v->person) && !(v->group && *v->group) &&
			    (!cw_id_is_zero(&m->person)
				     ? cw_hearing_concerns(h, &m->person, NULL)
				     : m->group && *m->group &&
					       cw_hearing_concerns(h, NULL, m->group)))
				return 1;
		}
	}
	return 0;
}

/* Whether a milestone of the hearing's case, of its very day, says whom its unitemised verdict
 * was for (cw_timeline_itemises_group_verdict: the rule the group's detention follows). */
static int ruling_itemised_apart(const struct cw_record_list *rulings, const struct cw_hearing *h)
{
	for (size_t i = 0; i < rulings->n; i++) {
		const struct cw_milestone *m = &rulings->items[i].u.milestone;

		if (cw_timeline_itemises_hearing(m, h))
			return 1;
	}
	return 0;
}

/* A verdict row of rec (its verdict `index`, SIZE_MAX: none itemised) on `person` or `group`
 * (both empty: whom the record names). */
static int add_verdict_on(struct cw_report_verdict **rows, size_t *n, const struct cw_record *rec,
			  size_t index, const struct cw_id *person, const char *group)
{
	struct cw_report_verdict *grown = realloc(*rows, (*n + 1) * sizeof *grown);

	if (!grown)
		return CW_ENOMEM;
	*rows = grown;
	memset(&grown[*n], 0, sizeof grown[*n]);
	grown[*n].rec = rec;
	grown[*n].index = index;
	if (person && !cw_id_is_zero(person)) {
		grown[*n].person = *person;
	} else if (group) {
		grown[*n].group = group;
	} else if (rec->kind == CW_KIND_HEARING && index != SIZE_MAX) {
		const struct cw_verdict *v =
			(const struct cw_verdict *)rec->u.hearing.verdicts.items + index;

		grown[*n].person = v->person;
		grown[*n].group = v->group;
	} else if (rec->kind == CW_KIND_MILESTONE) {
		grown[*n].person = rec->u.milestone.person;
		grown[*n].group = rec->u.milestone.group;
	}
	(*n)++;
	return 0;
}

static int add_verdict(struct cw_report_verdict **rows, size_t *n, const struct cw_record *rec,
		       size_t index)
{
	return add_verdict_on(rows, n, rec, index, NULL, NULL);
}

/* Whether the hearing gives, beside its verdict `index` that names no one, a verdict on the same
 * charge that names the defendant d: that one is theirs ("451=convicted" and
 * "451=acquitted@Mu Sochua": convicted, all but her). */
static int named_apart(const struct cw_hearing *h, size_t index,
		       const struct cw_report_hearing_defendant *d)
{
	const struct cw_verdict *all = (const struct cw_verdict *)h->verdicts.items + index;

	for (size_t j = 0; j < h->verdicts.n; j++) {
		const struct cw_verdict *v = (const struct cw_verdict *)h->verdicts.items + j;

		if (j == index || !cw_article_same(&v->article, &all->article) ||
		    strcasecmp(v->offence ? v->offence : "", all->offence ? all->offence : ""))
			continue;
		if (cw_id_is_zero(&d->person)
			    ? v->group && d->group && !strcasecmp(v->group, d->group)
			    : cw_id_equal(&v->person, &d->person))
			return 1;
	}
	return 0;
}

/* A hearing's verdict that names no one rules on every defendant of the hearing: a row for each
 * (a person, or a group by its label), so that "9 convicted" is not read as one; the hearing's
 * defendants, not the case's now (cw_report_hearing_defendants: a co-defendant not tried at it,
 * or added to the case since, was not convicted by it). One row as it is when none is known or
 * one is a group with no label to name it by. */
static int add_everyone_verdict(const struct cw_report *r, struct cw_report_verdict **rows,
				size_t *n, const struct cw_record *rec, size_t index)
{
	struct cw_report_hearing_defendant *defs;
	size_t ndefs;
	int rc = cw_report_hearing_defendants(r, rec, &defs, &ndefs), unlabelled = 0;

	if (rc != 0)
		return rc;
	for (size_t i = 0; i < ndefs; i++)
		unlabelled |= cw_id_is_zero(&defs[i].person) && !defs[i].group;
	if (ndefs == 0 || unlabelled)
		rc = add_verdict(rows, n, rec, index);
	for (size_t i = 0; rc == 0 && !unlabelled && i < ndefs; i++)
		if (!named_apart(&rec->u.hearing, index, &defs[i]))
			rc = add_verdict_on(rows, n, rec, index, &defs[i].person, defs[i].group);
	free(defs);
	return rc;
}

/* The verdict rows of a period, as the table lists them: each verdict of a hearing (one row
 * for a hearing with a verdict outcome and none itemised, unless a ruling milestone of its
 * case and day says whom it was for), then each ruling milestone that no hearing in the list
 * already gives, a row per article it names (as a hearing's verdicts give each charge), one
 * when it names none. */
static int verdict_rows(const struct cw_report *r, const struct cw_record_list *hearings,
			const struct cw_record_list *rulings, struct cw_report_verdict **rows,
			size_t *n)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < hearings->n; i++) {
		const struct cw_hearing *h = &hearings->items[i].u.hearing;

		if (!hearing_has_verdict(h))
			continue;
		if (h->verdicts.n == 0 && !ruling_itemised_apart(rulings, h))
			rc = add_verdict(rows, n, &hearings->items[i], SIZE_MAX);
		for (size_t j = 0; rc == 0 && j < h->verdicts.n; j++) {
			const struct cw_verdict *v =
				(const struct cw_verdict *)h->verdicts.items + j;

			rc = cw_id_is_zero(&v->person) && !(v->group && *v->group)
				     ? add_everyone_verdict(r, rows, n, &hearings->items[i], j)
				     : add_verdict(rows, n, &hearings->items[i], j);
		}
	}
	for (size_t i = 0; rc == 0 && i < rulings->n; i++) {
		struct cw_article a[CW_ARTICLE_LIST_MAX];
		size_t na;

		if (ruling_in_hearings(hearings, &rulings->items[i].u.milestone))
			continue;
		if ((na = cw_milestone_articles(&rulings->items[i].u.milestone, a)) == 0)
			rc = add_verdict(rows, n, &rulings->items[i], SIZE_MAX);
		for (size_t j = 0; rc == 0 && j < na; j++)
			rc = add_verdict(rows, n, &rulings->items[i], j);
	}
	return rc;
}

int cw_report_verdict_carries_sentence(const struct cw_report_verdict *v)
{
	const struct cw_verdict *line;

	if (v->rec->kind != CW_KIND_HEARING || v->index == SIZE_MAX)
		return 1;
	line = (const struct cw_verdict *)v->rec->u.hearing.verdicts.items + v->index;
	return line->result != CW_VERDICT_ACQUITTED && line->result != CW_VERDICT_DROPPED &&
	       line->result != CW_VERDICT_OVERTURNED;
}

int cw_report_verdict_article(const struct cw_report_verdict *v, struct cw_article *out)
{
	struct cw_article a[CW_ARTICLE_LIST_MAX];

	if (v->index == SIZE_MAX)
		return 0;
	if (v->rec->kind == CW_KIND_HEARING) {
		*out = ((const struct cw_verdict *)v->rec->u.hearing.verdicts.items)[v->index]
			       .article;
		return out->law != CW_LAW_NONE;
	}
	if (v->index >= cw_milestone_articles(&v->rec->u.milestone, a))
		return 0;
	*out = a[v->index];
	return 1;
}

/* A hearing's verdict for `v` given in the defendant's absence: a ruling of the period says so
 * (a verdict in absentia of the same case, person or group, and day), or the case has the
 * person or group tried in absentia. */
static int hearing_verdict_in_absentia(const struct cw_report *r, const struct cw_hearing *h,
				       const struct cw_report_verdict *v)
{
	const struct cw_record *k = cw_report_ref(r, &h->case_id);
	const struct cw_defendant *d;

	for (size_t i = 0; i < r->rulings.n; i++) {
		const struct cw_milestone *m = &r->rulings.items[i].u.milestone;

		if (m->type == CW_MS_IN_ABSENTIA_VERDICT && cw_id_equal(&m->case_id, &h->case_id) &&
		    cw_date_compare(m->date, h->date) == 0 &&
		    (v->group ? m->group && !strcasecmp(m->group, v->group)
			      : cw_id_equal(&m->person, &v->person)))
			return 1;
	}
	/* The hearing's own attendance first, whatever the case says of the person now:
	 * present at it is not tried in absentia (one who fled after the verdict), absent from
	 * it is (one arrested on return years later, whose case now says detained). */
	for (size_t i = 0; !v->group && i < h->attendance.n; i++) {
		const struct cw_attendance *a =
			(const struct cw_attendance *)h->attendance.items + i;

		if (cw_id_equal(&a->person, &v->person) && a->present != CW_ANSWER_UNKNOWN)
			return a->present == CW_ANSWER_NO;
	}
	if (!k || k->kind != CW_KIND_CASE)
		return 0;
	d = v->group ? cw_timeline_group_defendant(k, v->group)
		     : cw_timeline_defendant(k, &v->person);
	/* The case's custody, when it is not known to be of a later day than the hearing. */
	return d && d->custody == CW_CUSTODY_IN_ABSENTIA &&
	       (!cw_date_is_known(d->as_of) ||
		cw_date_compare(cw_date_first_day(d->as_of), cw_date_last_day(h->date)) <= 0);
}

int cw_report_verdict_in_absentia(const struct cw_report *r, const struct cw_report_verdict *v)
{
	if (v->rec->kind == CW_KIND_MILESTONE)
		return v->rec->u.milestone.type == CW_MS_IN_ABSENTIA_VERDICT;
	if (v->rec->kind != CW_KIND_HEARING || v->index == SIZE_MAX)
		return 0;
	return hearing_verdict_in_absentia(r, &v->rec->u.hearing, v);
}

/* Whether two rows rule on the same defendant (or group of unnamed ones) in one ruling. */
static int same_defendant(const struct cw_report_verdict *a, const struct cw_report_verdict *b)
{
	/* A verdict given unitemised names no one to compare. */
	if ((a->rec->kind == CW_KIND_HEARING && a->index == SIZE_MAX) ||
	    (b->rec->kind == CW_KIND_HEARING && b->index == SIZE_MAX))
		return 0;
	/* Two groups have the same (zero) person: their labels tell them apart. */
	return cw_id_equal(&a->person, &b->person) &&
	       strcasecmp(a->group ? a->group : "", b->group ? b->group : "") == 0;
}

/* Whether two ruling milestones record one ruling: the same type, case and date (a monitor
 * logs a verdict on several charges, or on several defendants, as one milestone each). */
static int same_ruling_milestone(const struct cw_record *a, const struct cw_record *b)
{
	const struct cw_milestone *x = &a->u.milestone, *y = &b->u.milestone;

	return a == b || (x->type == y->type && !cw_id_is_zero(&x->case_id) &&
			  cw_id_equal(&x->case_id, &y->case_id) &&
			  cw_date_compare(x->date, y->date) == 0 && cw_date_is_known(x->date));
}

/* The events of a period's hearings and rulings: records linked as the same event
 * (--same-event, or --disputes: another account of it that says otherwise), directly or
 * through another account, whatever its kind (two hearings linked
 * to one verdict milestone, or through a hearing that gave no verdict, are one). root[i] is
 * the event of record i, the hearings first, then the rulings; an event's root is its first
 * record. root is NULL when nothing is linked (most periods): then every record is its own.
 * Out of memory, root is NULL too and events_make_as says so: a reader that went on would
 * count each account of an event as an event. */
struct events {
	const struct cw_record_list *hearings, *rulings;
	size_t *root;
	/* next[i]: the record of i's event after i (SIZE_MAX: none), so that an event's records
	 * are walked from its root in order without reading the others (the accounts of each
	 * hearing looked for among every later one were most of a year's report of 31,000
	 * hearings in linked groups) */
	size_t *next;
	unsigned char *big; /* by root: the event has more than one record */
};

static const struct cw_record *event_record(const struct events *e, size_t i)
{
	return i < e->hearings->n ? &e->hearings->items[i] : &e->rulings->items[i - e->hearings->n];
}

static void events_free(struct events *e)
{
	free(e->root);
	free(e->next);
	free(e->big);
	e->root = e->next = NULL;
	e->big = NULL;
}

/* A record of the lists by its id, for finding what a link names. */
struct id_at {
	struct cw_id id;
	size_t at;
};

static int id_at_compare(const void *a, const void *b)
{
	return memcmp(((const struct id_at *)a)->id.b, ((const struct id_at *)b)->id.b,
		      sizeof(struct cw_id));
}

/* With `shown` (may be NULL), a link from or to a record it leaves out joins nothing: what is
 * written for others reads the events as if that record were not there. With br (may be NULL),
 * records it joins through accounts the report's filter leaves out are one event too. 0, or
 * CW_ENOMEM when there were links and no memory to join them (root NULL). */
static int events_make_as(struct events *e, const struct cw_record_list *hearings,
			  const struct cw_record_list *rulings, const struct cw_withheld *shown,
			  const struct bridges *br)
{
	size_t n = hearings->n + rulings->n;
	struct id_at *ids = NULL;
	int links = n && br && br->n; /* none to join: no arrays (malloc(0) may give NULL) */

	memset(e, 0, sizeof *e);
	e->hearings = hearings;
	e->rulings = rulings;
	for (size_t i = 0; i < n && !links; i++)
		links = event_record(e, i)->links.n > 0;
	if (!links || !(e->root = malloc(n * sizeof *e->root)) ||
	    !(e->next = malloc(n * sizeof *e->next)) || !(e->big = calloc(n, 1)) ||
	    !(ids = malloc(n * sizeof *ids))) {
		events_free(e);
		free(ids);
		return links ? CW_ENOMEM : 0;
	}
	for (size_t i = 0; i < n; i++) {
		e->root[i] = i;
		ids[i].id = event_record(e, i)->id;
		ids[i].at = i;
	}
	/* Each link looked up by the id it names: O(records log records), where comparing each
	 * linked record with every other was O(links x records), most of a year's report once
	 * a tenth of its 30,000 hearings were linked. A link either way joins two records: both
	 * are found from the one that names the other. */
	qsort(ids, n, sizeof *ids, id_at_compare);
	for (size_t a = 0; a < n; a++) {
		const struct cw_record *ra = event_record(e, a);
		const struct cw_link *l = ra->links.items;

		for (size_t k = 0; k < ra->links.n; k++) {
			struct id_at key = {l[k].record, 0};
			const struct id_at *b;
			size_t x, y;

			if ((l[k].relation != CW_LINK_SAME_EVENT &&
			     l[k].relation != CW_LINK_DISPUTES) ||
			    !(b = bsearch(&key, ids, n, sizeof *ids, id_at_compare)) ||
			    b->at == a ||
			    (shown && (cw_withheld_leaves_out(shown, ra) ||
				       cw_withheld_leaves_out(shown, event_record(e, b->at)))))
				continue;
			x = event_root(e->root, a);
			y = event_root(e->root, b->at);
			if (x != y)
				e->root[x > y ? x : y] = x < y ? x : y;
		}
	}
	/* Joined through accounts left out: the records of one event (by the bridges' number)
	 * side by side, each joined to the one before it. */
	if (br && br->n) {
		size_t(*by)[2] = malloc(n * sizeof *by), nb = 0;

		if (!by) {
			events_free(e);
			free(ids);
			return CW_ENOMEM;
		}
		for (size_t a = 0; a < n; a++) {
			struct bridge key = {event_record(e, a)->id, 0};
			const struct bridge *b =
				bsearch(&key, br->items, br->n, sizeof *br->items, bridge_compare);

			if (b) {
				by[nb][0] = b->event;
				by[nb++][1] = a;
			}
		}
		qsort(by, nb, sizeof *by, pair_compare);
		for (size_t k = 1; k < nb; k++) {
			size_t x, y;

			if (by[k][0] != by[k - 1][0])
				continue;
			x = event_root(e->root, by[k - 1][1]);
			y = event_root(e->root, by[k][1]);
			if (x != y)
				e->root[x > y ? x : y] = x < y ? x : y;
		}
		free(by);
	}
	free(ids);
	for (size_t i = 0; i < n; i++)
		if ((e->root[i] = event_root(e->root, i)) != i)
			e->big[e->root[i]] = 1;
	/* From the last back, each put just after its root (the event's first record): an
	 * event's records end in order. */
	for (size_t i = 0; i < n; i++)
		e->next[i] = SIZE_MAX;
	for (size_t i = n; i-- > 0;) {
		size_t r = e->root[i];

		if (r != i) {
			e->next[i] = e->next[r];
			e->next[r] = i;
		}
	}
	return 0;
}

static int events_make(struct events *e, const struct cw_record_list *hearings,
		       const struct cw_record_list *rulings)
{
	return events_make_as(e, hearings, rulings, NULL, NULL);
}

/* Whether account a of an event is counted before b, listed earlier: the team's before
 * another's, and of the same side one dated to a day before one dated only to a month or a
 * year, which weeks do not count (a week counted neither the UN's "2024-03" nor, deferring to
 * it, the government's of 2 April). */
static int counts_before(const struct cw_record *a, const struct cw_record *b)
{
	int own_a = a->view == CW_VIEW_OWN, own_b = b->view == CW_VIEW_OWN;

	if (own_a != own_b)
		return own_a;
	return cw_date_precision(cw_record_date(a)) == CW_DATE_DAY &&
	       cw_date_precision(cw_record_date(b)) != CW_DATE_DAY;
}

/* For each record of l (accounts of several periods, oldest first, those of [from, to) the
 * report's own), the index of the account its event is counted by (linked as the same event,
 * or disputing it, directly or through others): an arrest told by the UN and by the
 * government is one arrest, counted as the team's account gives it when it is one of them,
 * else as the first listed dated to a day, else the first (counts_before); i itself for that
 * one. NULL when none is linked, or out of memory (*oom set: the count fails, never reads them
 * as unlinked). Every period sees all the accounts of its events (gather_near follows the links
 * however far apart they are dated), so each decides as the others do: a window of 31 days let
 * two periods each count one visit (a review, then a sync trial). */
static size_t *counted_accounts_in(const struct cw_record_list *l, const struct bridges *br,
				   int *oom)
{
	static const struct cw_record_list none = {NULL, 0, 0};
	struct events ev;
	size_t *by_event = NULL, *counted = NULL;

	*oom = events_make_as(&ev, l, &none, NULL, br) != 0;
	if (ev.root && (by_event = malloc((l->n ? l->n : 1) * sizeof *by_event)) != NULL &&
	    (counted = malloc((l->n ? l->n : 1) * sizeof *counted)) != NULL) {
		for (size_t i = 0; i < l->n; i++)
			by_event[i] = SIZE_MAX;
		/* By event (its root): the team's account, else the first dated to a day, else
		 * the first. */
		for (size_t i = 0; i < l->n; i++) {
			size_t *c = &by_event[ev.root[i]];

			if (*c == SIZE_MAX || counts_before(&l->items[i], &l->items[*c]))
				*c = i;
		}
		for (size_t i = 0; i < l->n; i++)
			counted[i] = by_event[ev.root[i]];
	} else if (ev.root) {
		*oom = 1;
	}
	free(by_event);
	events_free(&ev);
	return counted;
}

/* counted_accounts over the accounts of l and those near its period (nr: before it, then
 * after, oldest first, so that the first listed is the earliest): for each record of l, the
 * index in l of the account its event is counted by, or CW_REPORT_ELSEWHERE with that account,
 * dated in another period, in (*elsewhere)[i]. Both NULL when no record of l is linked to
 * another; 0, or CW_ENOMEM. */
static int accounts_across(const struct cw_record_list *l, const struct near *nr,
			   const struct bridges *br, size_t **counted,
			   struct cw_report_elsewhere **elsewhere)
{
	size_t b = nr->before.n, n = l->n, total = b + n + nr->after.n, *uc = NULL;
	struct cw_record_list u = {NULL, 0, 0};
	int oom = 0, linked = 0, rc = 0;

	*counted = NULL;
	*elsewhere = NULL;
	if (!n)
		return 0;
	if (!(u.items = malloc(total * sizeof *u.items)))
		return CW_ENOMEM;
	/* Copies of the records (not theirs: freed as an array only). */
	if (b)
		memcpy(u.items, nr->before.items, b * sizeof *u.items);
	memcpy(u.items + b, l->items, n * sizeof *u.items);
	if (nr->after.n)
		memcpy(u.items + b + n, nr->after.items, nr->after.n * sizeof *u.items);
	u.n = u.cap = total;
	uc = counted_accounts_in(&u, br, &oom);
	for (size_t j = 0; uc && j < total && !linked; j++)
		linked = (j >= b && j < b + n && uc[j] != j) ||
			 (uc[j] >= b && uc[j] < b + n && uc[j] != j);
	if (oom) {
		rc = CW_ENOMEM;
	} else if (linked) {
		if (!(*counted = malloc(n * sizeof **counted)) ||
		    !(*elsewhere = calloc(n, sizeof **elsewhere))) {
			free(*counted);
			*counted = NULL;
			rc = CW_ENOMEM;
		}
		for (size_t i = 0; rc == 0 && i < n; i++) {
			size_t c = uc[b + i];

			if (c >= b && c < b + n) {
				(*counted)[i] = c - b;
				continue;
			}
			(*counted)[i] = CW_REPORT_ELSEWHERE;
			(*elsewhere)[i].id = u.items[c].id;
			(*elsewhere)[i].date = cw_record_date(&u.items[c]);
			(*elsewhere)[i].view = u.items[c].view;
			(*elsewhere)[i].before = c < b;
		}
	}
	free(uc);
	free(u.items);
	return rc;
}

/* The index in l of its record rec (found by its address), or SIZE_MAX when rec is not one of
 * its items (an empty list has no items array to compare with). */
static size_t item_index(const struct cw_record_list *l, const struct cw_record *rec)
{
	return l->n && rec >= l->items && rec < l->items + l->n ? (size_t)(rec - l->items)
								: SIZE_MAX;
}

/* The event of a record of the lists (found by its address), or SIZE_MAX when e links none
 * or the record is not one of them. */
static size_t event_of(const struct events *e, const struct cw_record *rec)
{
	size_t at;

	if (!e->root)
		return SIZE_MAX;
	if ((at = item_index(e->hearings, rec)) != SIZE_MAX)
		return e->root[at];
	if ((at = item_index(e->rulings, rec)) != SIZE_MAX)
		return e->root[e->hearings->n + at];
	return SIZE_MAX;
}

/* For each hearing of e, the team's own account of its event (the first, in date order) when
 * the hearing is another's account of one the team observed; SIZE_MAX otherwise. 0, with *out
 * NULL when nothing is linked, or -1 out of memory. */
static int own_accounts(const struct events *e, size_t **out)
{
	size_t n = e->hearings->n, total = n + e->rulings->n, *first;

	*out = NULL;
	if (!e->root || !n)
		return 0;
	if (!(first = malloc(total * sizeof *first)) || !(*out = malloc(n * sizeof **out))) {
		free(first);
		return -1;
	}
	for (size_t i = 0; i < total; i++)
		first[i] = SIZE_MAX;
	for (size_t i = n; i-- > 0;)
		if (cw_report_hearing_is_own(&e->hearings->items[i]))
			first[e->root[i]] = i;
	for (size_t i = 0; i < n; i++)
		(*out)[i] = cw_report_hearing_is_own(&e->hearings->items[i]) ? SIZE_MAX
									     : first[e->root[i]];
	free(first);
	return 0;
}

/* The event each verdict row's record is, as the index of the event's first row, in *out: a
 * hearing's or a ruling milestone's linked as the same event to another record of the period
 * (the UN's verdict of 7 August and the NGO's of 8 August, linked, are one ruling); SIZE_MAX
 * for a record no other is linked to (milestones of one type, case and date are one ruling all
 * the same: group_verdicts). *linked: whether any event has rows of several records. *out NULL
 * when nothing is linked. 0, or CW_ENOMEM: no memory is no reason to read the rows of an event
 * as rulings of their own. */
static int verdict_events(const struct events *e, const struct cw_report_verdict *v, size_t n,
			  size_t **out, int *linked)
{
	size_t nrec = e->hearings->n + e->rulings->n, *event, *first;

	*out = NULL;
	*linked = 0;
	if (!e->root)
		return 0;
	if (!(event = malloc((n ? n : 1) * sizeof *event)))
		return CW_ENOMEM;
	if (!(first = malloc((nrec ? nrec : 1) * sizeof *first))) {
		free(event);
		return CW_ENOMEM;
	}
	for (size_t i = 0; i < nrec; i++)
		first[i] = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t ev = event_of(e, v[i].rec);

		if (ev == SIZE_MAX || !e->big[ev]) {
			event[i] = SIZE_MAX;
			continue;
		}
		if (first[ev] == SIZE_MAX)
			first[ev] = i;
		event[i] = first[ev];
		*linked |= v[event[i]].rec != v[i].rec;
	}
	free(first);
	*out = event;
	return 0;
}

/* Whether verdict row v is a group's verdict a milestone itemises for hearing row h's verdict
 * (cw_timeline_itemises_hearing): one judgment of the court, told by two records. */
static int itemises_hearing(const struct cw_report_verdict *v, const struct cw_report_verdict *h)
{
	return v->rec->kind == CW_KIND_MILESTONE && h->rec->kind == CW_KIND_HEARING &&
	       cw_timeline_itemises_hearing(&v->rec->u.milestone, &h->rec->u.hearing);
}

const struct cw_report_elsewhere *cw_report_verdict_elsewhere(const struct cw_report *r,
							      const struct cw_report_verdict *v)
{
	const struct cw_record *rec = v->rec;
	size_t i;

	if (!r->ruling_counted || rec < r->rulings.items || rec >= r->rulings.items + r->rulings.n)
		return NULL;
	i = (size_t)(rec - r->rulings.items);
	return r->ruling_counted[i] == CW_REPORT_ELSEWHERE ? &r->ruling_elsewhere[i] : NULL;
}

/* Whether a row of `ruling` is a hearing's. */
static int ruling_has_hearing(const struct cw_report_verdict *v, size_t n, size_t ruling)
{
	for (size_t k = 0; k < n; k++)
		if (v[k].ruling == ruling && v[k].rec->kind == CW_KIND_HEARING)
			return 1;
	return 0;
}

/* Puts the rows of a group's verdict a milestone itemises in the ruling of the first hearing
 * whose verdict it itemises (itemises_hearing), then numbers the rulings again from 0, in
 * their order (a monitor's trial read one judgment of the third CNRP mass trial, its named
 * defendants at the hearing and its 48 unnamed in a milestone, as "2 rulings"). A ruling that
 * holds a hearing already is not moved again: two hearings of that day that are not linked as
 * one event stay two rulings, whichever the milestone's rows are joined to. */
static void join_group_itemised(struct cw_report_verdict *v, size_t n, size_t *rulings)
{
	size_t next = 0;
	int joined = 0;

	for (size_t i = 0; i < n; i++) {
		if (v[i].rec->kind != CW_KIND_MILESTONE || ruling_has_hearing(v, n, v[i].ruling))
			continue;
		for (size_t j = 0; j < n; j++)
			if (itemises_hearing(&v[i], &v[j])) {
				size_t from = v[i].ruling;

				for (size_t k = 0; k < n; k++)
					if (v[k].ruling == from)
						v[k].ruling = v[j].ruling;
				joined = 1;
				break;
			}
	}
	if (!joined)
		return;
	/* In ascending order, each number still used becomes the next: never one a later number
	 * still to be moved holds (next <= r). */
	for (size_t r = 0; r < *rulings; r++) {
		int used = 0;

		for (size_t k = 0; k < n; k++)
			if (v[k].ruling == r) {
				v[k].ruling = next;
				used = 1;
			}
		next += used;
	}
	*rulings = next;
}

/* Numbers the rulings and the decisions of verdict rows: a ruling is a hearing's verdict (of
 * every account of it linked as the same event) or the milestones of one ruling; a decision,
 * what a ruling says of one defendant (or group), however many charges or accounts its rows
 * list. A hearing's rows are together and milestones come in date order, so each row is
 * compared with the rows of its own hearing or date, and a linked hearing's with the rows of
 * its event. An account that gives the verdict without itemising it adds no decision to an
 * event another account itemises. *linked_rulings (may be NULL): whether any ruling has rows of
 * several records. 0, or CW_ENOMEM (the rows as they were). */
static int group_verdicts(const struct events *e, struct cw_report_verdict *v, size_t n,
			  size_t *rulings, size_t *decisions, int *linked_rulings)
{
	int linked = 0;
	size_t *event;

	if (verdict_events(e, v, n, &event, &linked) != 0)
		return CW_ENOMEM;
	*rulings = *decisions = 0;
	for (size_t i = 0; i < n; i++)
		v[i].linked = v[i].taken = 0;
	for (size_t i = 0; i < n; i++) {
		const struct cw_record *rec = v[i].rec;
		size_t ruling = SIZE_MAX, decision = SIZE_MAX, ev = event ? event[i] : SIZE_MAX;

		if (linked && ev != SIZE_MAX && ev != i) {
			/* A row of an event with rows before it: its ruling, and the decision
			 * an earlier row gives the same defendant (rows of the event are
			 * scanned from its first). */
			int itemised = v[i].index != SIZE_MAX;

			ruling = v[ev].ruling;
			for (size_t j = ev; j < i && decision == SIZE_MAX; j++)
				/* An unitemised account (a row of its own) is any earlier
				 * row's decision: it says nothing of whom. */
				if (event[j] == ev && (same_defendant(&v[i], &v[j]) || !itemised))
					decision = v[j].decision;
			/* ... and owns none that a defendant itemised later could take. */
			if (!itemised && decision != SIZE_MAX)
				v[i].taken = 1;
			/* An itemised row after an unitemised account: that account's
			 * decision is taken over by the first defendant itemised. */
			for (size_t j = ev; itemised && decision == SIZE_MAX && j < i; j++)
				if (event[j] == ev && v[j].index == SIZE_MAX && v[j].rec != rec &&
				    !v[j].taken) {
					decision = v[j].decision;
					v[j].taken = 1;
				}
		} else {
			for (size_t j = i; j-- > 0;) {
				const struct cw_record *other = v[j].rec;

				if (rec->kind == CW_KIND_HEARING
					    ? other != rec
					    : other->kind != CW_KIND_MILESTONE ||
						      cw_date_compare(other->u.milestone.date,
								      rec->u.milestone.date) != 0)
					break;
				if (rec->kind == CW_KIND_MILESTONE &&
				    !same_ruling_milestone(rec, other))
					continue;
				ruling = v[j].ruling;
				if (same_defendant(&v[i], &v[j])) {
					decision = v[j].decision;
					break;
				}
			}
		}
		v[i].ruling = ruling != SIZE_MAX ? ruling : (*rulings)++;
		v[i].decision = decision != SIZE_MAX ? decision : (*decisions)++;
	}
	join_group_itemised(v, n, rulings);
	/* The rows of an event told by several records: another account is beside them. */
	for (size_t i = 0; linked && event && i < n; i++)
		if (event[i] != SIZE_MAX && v[i].rec != v[event[i]].rec)
			v[event[i]].linked = 1;
	for (size_t i = 0; linked && event && i < n; i++)
		v[i].linked = event[i] != SIZE_MAX && v[event[i]].linked;
	free(event);
	if (linked_rulings)
		*linked_rulings = linked;
	return 0;
}

int cw_report_hearing_is_own(const struct cw_record *hearing)
{
	return hearing->view == CW_VIEW_OWN;
}

size_t cw_report_side_hearings(const struct cw_report *r, int side)
{
	return side == CW_FAIR_SIDE_OWN
		       ? r->counts[CW_METRIC_HEARINGS_OWN] + r->counts[CW_METRIC_HEARINGS_KEPT_OUT]
		       : r->counts[CW_METRIC_HEARINGS_REPORTED];
}

/* What hearing `hearing` decided on bail as the report counts it (cw_report_hearing_bail), with
 * e the events of the report's hearings (first in e) that join its accounts. */
static int bail_decision(const struct cw_report *r, const struct events *e, size_t hearing)
{
	const struct cw_hearing *h = &r->hearings.items[hearing].u.hearing;
	int decided = h->bail == CW_BAIL_GRANTED   ? CW_DECISION_GRANTED
		      : h->bail == CW_BAIL_REFUSED ? CW_DECISION_REFUSED
						   : CW_DECISION_UNKNOWN;
	const char *group;
	struct cw_id person;
	int whom;

	if (!decided)
		return CW_DECISION_UNKNOWN;
	/* Accounts of one hearing (linked, directly or through others) that give a decision:
	 * once, as the team's account gives it when it does, else as the first listed. */
	if (e->root && e->big[e->root[hearing]]) {
		size_t counted = SIZE_MAX;

		for (size_t i = e->root[hearing]; i < r->hearings.n; i = e->next[i])
			if (r->hearings.items[i].u.hearing.bail > CW_BAIL_NOT_REQUESTED &&
			    (counted == SIZE_MAX ||
			     (cw_report_hearing_is_own(&r->hearings.items[i]) &&
			      !cw_report_hearing_is_own(&r->hearings.items[counted]))))
				counted = i;
		if (counted != hearing)
			return CW_DECISION_UNKNOWN;
	}
	/* A bail milestone of the case of that day with that outcome says for whom the
	 * hearing decided: the same decision, listed once, as the milestone; unless the hearing
	 * says for whom itself (cw_report_hearing_bail_whom) and the milestone is another's. */
	whom = cw_report_hearing_bail_whom(r, hearing, &person, &group);
	for (size_t i = 0; i < r->releases.n; i++) {
		const struct cw_milestone *m = &r->releases.items[i].u.milestone;

		if (m->type == CW_MS_BAIL && cw_id_equal(&m->case_id, &h->case_id) &&
		    cw_date_compare(m->date, h->date) == 0 &&
		    (m->outcome == decided ||
		     (m->outcome == CW_DECISION_UNKNOWN && decided == CW_DECISION_GRANTED)) &&
		    (whom == CW_HEARING_BAIL_NO_ONE ||
		     (group ? cw_id_is_zero(&m->person) && m->group && !strcasecmp(m->group, group)
			    : !m->group && cw_id_equal(&m->person, &person))))
			return CW_DECISION_UNKNOWN;
	}
	return decided;
}

/* Every hearing's bail decision, once, with the events the report built (the writers ask for
 * each hearing several times). 0 or CW_ENOMEM. */
static int bail_decisions(struct cw_report *r, const struct events *e)
{
	if (!(r->hearing_bail = malloc(r->hearings.n ? r->hearings.n : 1)))
		return CW_ENOMEM;
	for (size_t i = 0; i < r->hearings.n; i++)
		r->hearing_bail[i] = (uint8_t)bail_decision(r, e, i);
	return 0;
}

int cw_report_hearing_bail(const struct cw_report *r, size_t hearing)
{
	/* Decided for every hearing as the report was built (bail_decisions), with the events
	 * its counts join, or the report failed: nothing here to read again otherwise, and no
	 * events made here again would join the hearings as those did (through rulings and
	 * accounts the filter leaves out). */
	return r->hearing_bail ? r->hearing_bail[hearing] : CW_DECISION_UNKNOWN;
}

int cw_report_hearing_bail_whom(const struct cw_report *r, size_t hearing, struct cw_id *person,
				const char **group)
{
	const struct cw_hearing *h = &r->hearings.items[hearing].u.hearing;
	const struct cw_record *k = cw_report_ref(r, &h->case_id);

	return cw_hearing_bail_whom(h, k && k->kind == CW_KIND_CASE ? &k->u.kase : NULL, person,
				    group);
}

int cw_report_release_carries_bail(const struct cw_report *r, size_t release)
{
	const struct cw_milestone *m = &r->releases.items[release].u.milestone;

	/* (a release that names neither a person nor a group is no one's to match) */
	if (m->type != CW_MS_RELEASE || m->outcome == CW_DECISION_REFUSED ||
	    cw_date_precision(m->date) != CW_DATE_DAY || (cw_id_is_zero(&m->person) && !m->group))
		return 0;
	for (size_t i = 0; i < r->releases.n; i++) {
		const struct cw_milestone *b = &r->releases.items[i].u.milestone;

		/* A release of more of a group than the bail granted frees others too. */
		if (i != release && b->type == CW_MS_BAIL && b->outcome != CW_DECISION_REFUSED &&
		    same_detained(b, m) && cw_id_equal(&b->case_id, &m->case_id) &&
		    cw_date_compare(b->date, m->date) == 0 &&
		    (m->count <= 0 || b->count <= 0 || m->count <= b->count))
			return 1;
	}
	/* Bail granted at a hearing of the case that day, to them: the one its record names, or
	 * where it names no one the case's only defendant (cw_report_hearing_bail_whom; a trial
	 * counted the hearing's decision and the release as two). */
	for (size_t i = 0; !cw_id_is_zero(&m->person) && i < r->hearings.n; i++) {
		const struct cw_hearing *h = &r->hearings.items[i].u.hearing;
		struct cw_id whom;

		if (!cw_id_equal(&h->case_id, &m->case_id) ||
		    cw_date_compare(h->date, m->date) != 0 ||
		    cw_report_hearing_bail(r, i) != CW_DECISION_GRANTED)
			continue;
		if (cw_report_hearing_bail_whom(r, i, &whom, NULL) != CW_HEARING_BAIL_NO_ONE &&
		    cw_id_equal(&whom, &m->person))
			return 1;
	}
	return 0;
}

uint32_t cw_report_view_bit(const struct cw_record *rec)
{
	return cw_view_bit(rec->view);
}

/* The accounts of every record of a list. */
static uint32_t list_views(const struct cw_record_list *l)
{
	uint32_t views = 0;

	for (size_t i = 0; i < l->n; i++)
		views |= cw_report_view_bit(&l->items[i]);
	return views;
}

/* Whether hearing i of the events' hearings counts: one per hearing however many accounts
 * of it are linked as the same event: of an event the team observed, its first own account
 * (a hearing the team observed is the team's, however many documents also report it); of one
 * it did not, its first account. */
static size_t event_counted_at(const struct events *e, size_t i)
{
	size_t ev;

	if (!e->root || !e->big[ev = e->root[i]])
		return i;
	for (size_t j = ev; j < e->hearings->n; j = e->next[j])
		if (cw_report_hearing_is_own(&e->hearings->items[j]))
			return j;
	return ev;
}

static int account_counted(const struct events *e, size_t i)
{
	return event_counted_at(e, i) == i;
}

/* Whether hearing i's event is counted in another period (accounts_across's counted). */
static int counted_elsewhere(const size_t *counted, size_t i)
{
	return counted && counted[i] == CW_REPORT_ELSEWHERE;
}

/* The hearing of an event that gives what the counted account does not: the first of its
 * accounts with a verdict (want_verdict), else with an outcome recorded; i itself when it
 * gives it or no other does. */
static size_t event_hearing_at(const struct events *e, size_t i, int want_verdict)
{
	const struct cw_hearing *h = &e->hearings->items[i].u.hearing;
	size_t ev;

	if (!e->root || !e->big[ev = e->root[i]] ||
	    (want_verdict ? hearing_has_verdict(h) : h->outcome != CW_OUTCOME_UNKNOWN))
		return i;
	for (size_t j = ev; j < e->hearings->n; j = e->next[j]) {
		const struct cw_hearing *o = &e->hearings->items[j].u.hearing;

		if (want_verdict ? hearing_has_verdict(o) : o->outcome != CW_OUTCOME_UNKNOWN)
			return j;
	}
	return i;
}

static const struct cw_hearing *event_hearing(const struct events *e, size_t i, int want_verdict)
{
	return &e->hearings->items[event_hearing_at(e, i, want_verdict)].u.hearing;
}

/* A figure of a demonstration the report counts per event, and whether it is a least: its
 * arrests (cw_demo_arrests) or the people injured (cw_demo_injured). -1 when not recorded. */
struct demo_figure {
	int64_t (*n)(const struct cw_demo *d);
	int (*at_least)(const struct cw_demo *d);
};
static const struct demo_figure demo_arrests_figure = {cw_demo_arrests, cw_demo_arrests_at_least};
static const struct demo_figure demo_injured_figure = {cw_demo_injured, cw_demo_injured_at_least};

static int64_t event_figure(const struct demo_figure *fig, const struct cw_record_list *demos,
			    const size_t *counted, const size_t *next, size_t i, int *at_least,
			    size_t *from)
{
	int64_t n = fig->n(&demos->items[i].u.demo);

	*from = i;
	*at_least = n >= 0 && fig->at_least(&demos->items[i].u.demo);
	/* The counted account gives none: the first other account of the event that does (a
	 * newspaper's 5 beside the team's account that gave no figure read "not recorded"), in
	 * row order. Only the event's own accounts are walked (next): looking for them among
	 * all the period's rows took a third of a year's report of 30,000 demonstrations. */
	if (n >= 0 || !counted || !next || counted[i] != i)
		return n;
	for (size_t j = next[i]; j != SIZE_MAX; j = next[j])
		if ((n = fig->n(&demos->items[j].u.demo)) >= 0) {
			*at_least = fig->at_least(&demos->items[j].u.demo);
			*from = j;
			break;
		}
	return n;
}

static int64_t figure_differ(const struct demo_figure *fig, const struct cw_record_list *demos,
			     const size_t *counted, const size_t *next, size_t j, int *at_least)
{
	int64_t n = fig->n(&demos->items[j].u.demo), event;
	int event_at_least;
	size_t from;

	*at_least = n >= 0 && fig->at_least(&demos->items[j].u.demo);
	if (n < 0 || !counted || counted[j] == j || counted[j] == CW_REPORT_ELSEWHERE)
		return -1;
	event = event_figure(fig, demos, counted, next, counted[j], &event_at_least, &from);
	if (from == j || (event == n && event_at_least == *at_least))
		return -1;
	return n;
}

int64_t cw_report_event_arrests(const struct cw_record_list *demos, const size_t *counted,
				const size_t *next, size_t i, int *at_least, size_t *from)
{
	return event_figure(&demo_arrests_figure, demos, counted, next, i, at_least, from);
}

int64_t cw_report_demo_arrests_differ(const struct cw_record_list *demos, const size_t *counted,
				      const size_t *next, size_t j, int *at_least)
{
	return figure_differ(&demo_arrests_figure, demos, counted, next, j, at_least);
}

int64_t cw_report_event_injured(const struct cw_record_list *demos, const size_t *counted,
				const size_t *next, size_t i, int *at_least, size_t *from)
{
	return event_figure(&demo_injured_figure, demos, counted, next, i, at_least, from);
}

int64_t cw_report_demo_injured_differ(const struct cw_record_list *demos, const size_t *counted,
				      const size_t *next, size_t j, int *at_least)
{
	return figure_differ(&demo_injured_figure, demos, counted, next, j, at_least);
}

int cw_report_demo_unlinked(const struct cw_record_list *demos, const size_t *counted, size_t i,
			    size_t j)
{
	size_t ei = counted ? counted[i] : i, ej = counted ? counted[j] : j;

	return i != j && ei != CW_REPORT_ELSEWHERE && ej != CW_REPORT_ELSEWHERE && ei != ej &&
	       cw_demo_may_be_same(&demos->items[i].u.demo, &demos->items[j].u.demo);
}

size_t cw_report_demo_same(const struct cw_report *r, size_t i, const size_t **rows)
{
	if (!r->demo_same_at || i >= r->demos.n) {
		*rows = NULL;
		return 0;
	}
	*rows = r->demo_same + r->demo_same_at[i];
	return r->demo_same_at[i + 1] - r->demo_same_at[i];
}

/* A demonstration that may be the same as another (cw_demo_may_be_same: dated to a day, at a
 * place given), by its day and place, then its row. */
struct demo_at {
	const struct cw_demo *d;
	uint32_t day;
	size_t row;
};

static int demo_at_order(const void *pa, const void *pb)
{
	const struct demo_at *a = pa, *b = pb;
	int c;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if ((c = strcasecmp(a->d->place, b->d->place)) != 0)
		return c;
	return a->row < b->row ? -1 : a->row > b->row;
}

/* r->demo_same (report.h): each row compared only with those of its day and place, which are
 * all cw_demo_may_be_same can find. 0, or CW_ENOMEM. */
static int demo_same_index(struct cw_report *r)
{
	const struct cw_record_list *l = &r->demos;
	struct demo_at *at;
	size_t n = 0, total = 0, *count;

	if (!l->n)
		return 0;
	if (!(at = malloc(l->n * sizeof *at)))
		return CW_ENOMEM;
	if (!(count = calloc(l->n + 1, sizeof *count))) {
		free(at);
		return CW_ENOMEM;
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_demo *d = &l->items[i].u.demo;

		if (cw_date_precision(d->date) == CW_DATE_DAY && d->place && *d->place)
			at[n++] = (struct demo_at){d, cw_date_key(d->date), i};
	}
	qsort(at, n, sizeof *at, demo_at_order);
	/* Twice over each group of one day and place: how many, then which. */
	for (int fill = 0; fill < 2; fill++) {
		if (fill) {
			/* count[i] becomes where row i's rows start, count[l->n] their total */
			for (size_t i = 0, sum = 0; i <= l->n; i++) {
				size_t c = i < l->n ? count[i] : 0;

				count[i] = sum;
				sum += c;
			}
			total = count[l->n];
			if (!(r->demo_same = malloc((total ? total : 1) * sizeof *r->demo_same))) {
				free(at);
				free(count);
				return CW_ENOMEM;
			}
		}
		for (size_t g = 0, e; g < n; g = e) {
			for (e = g + 1; e < n && at[e].day == at[g].day &&
					strcasecmp(at[e].d->place, at[g].d->place) == 0;
			     e++)
				;
			for (size_t a = g; a < e; a++)
				for (size_t b = g; b < e; b++) {
					size_t i = at[a].row, j = at[b].row;

					if (!cw_report_counted(r->demo_counted, j) ||
					    !cw_report_demo_unlinked(l, r->demo_counted, i, j))
						continue;
					if (fill)
						r->demo_same[count[i]++] = j;
					else
						count[i]++;
				}
		}
	}
	/* Filling moved each start to the next row's: back one. */
	memmove(count + 1, count, l->n * sizeof *count);
	count[0] = 0;
	free(at);
	r->demo_same_at = count;
	return 0;
}

int cw_report_visit_access_differs(const struct cw_record_list *visits, const size_t *counted,
				   size_t j)
{
	uint8_t access = visits->items[j].u.visit.access;

	return counted && counted[j] != j && counted[j] != CW_REPORT_ELSEWHERE &&
	       access != CW_ACCESS_UNKNOWN && access != visits->items[counted[j]].u.visit.access;
}

size_t cw_report_visit_access_kept(const struct cw_report *r, int lawyer)
{
	size_t n = 0;

	for (size_t i = 0; i < r->visits.n; i++) {
		const struct cw_visit *v = &r->visits.items[i].u.visit;
		const struct cw_detainee_access *a = v->detainee_access.items;

		/* A visit refused access met no one: what it records of their access was
		 * neither told nor seen there (models/validate.c refuses it as typed; a bundle
		 * or an older database may hold it), and is not counted. */
		if (!cw_report_counted(r->visit_counted, i) || cw_visit_met_no_one(v))
			continue;
		for (size_t k = 0; k < v->detainee_access.n; k++) {
			uint8_t access = lawyer ? a[k].lawyer_access : a[k].family_access;
			int before = 0;

			if (access != CW_ACCESS_DENIED && access != CW_ACCESS_RESTRICTED)
				continue;
			/* said of them by a visit counted before this one: counted there */
			for (size_t j = 0; j < i && !before; j++) {
				const struct cw_visit *w = &r->visits.items[j].u.visit;
				const struct cw_detainee_access *b = w->detainee_access.items;

				if (!cw_report_counted(r->visit_counted, j) ||
				    cw_visit_met_no_one(w))
					continue;
				for (size_t m = 0; m < w->detainee_access.n && !before; m++) {
					uint8_t was =
						lawyer ? b[m].lawyer_access : b[m].family_access;

					before = cw_id_equal(&b[m].person, &a[k].person) &&
						 (was == CW_ACCESS_DENIED ||
						  was == CW_ACCESS_RESTRICTED);
				}
			}
			n += !before;
		}
	}
	return n;
}

/* The accounts of a period's events (accounts_across), for each of the lists struct near
 * names: what the report keeps of the current period's for its rows. */
struct accounts {
	size_t *counted;
	struct cw_report_elsewhere *elsewhere;
	size_t *next; /* of demonstrations only: event_next */
};

static void accounts_free(struct accounts acc[NEARS])
{
	for (size_t k = 0; k < NEARS; k++) {
		free(acc[k].counted);
		free(acc[k].elsewhere);
		free(acc[k].next);
		acc[k].counted = NULL;
		acc[k].elsewhere = NULL;
		acc[k].next = NULL;
	}
}

/* The accounts of each event of n records whose counted accounts are `counted`, into *next, as
 * report.h says of demo_next: the counted account's is the first other account of its event,
 * each other account's the next one after it, in row order. NULL when counted is; 0, or
 * CW_ENOMEM. The account an event is counted by counts itself (counted[c] == c:
 * counted_accounts_in), so it is in no other account's chain. */
static int event_next(const size_t *counted, size_t n, size_t **next)
{
	size_t *nx;

	*next = NULL;
	if (!counted || !n)
		return 0;
	if (!(nx = malloc(n * sizeof *nx)))
		return CW_ENOMEM;
	for (size_t j = 0; j < n; j++)
		nx[j] = SIZE_MAX;
	/* From the last row back, each put first: each event's accounts end in row order. */
	for (size_t j = n; j-- > 0;) {
		size_t c = counted[j];

		if (c != j && c != CW_REPORT_ELSEWHERE) {
			nx[j] = nx[c];
			nx[c] = j;
		}
	}
	*next = nx;
	return 0;
}

/* Whether ruling milestones a and b decide on the same person, or the same group. */
static int same_subject(const struct cw_milestone *a, const struct cw_milestone *b)
{
	if (!cw_id_is_zero(&a->person) || !cw_id_is_zero(&b->person))
		return cw_id_equal(&a->person, &b->person);
	return a->group && b->group && !strcmp(a->group, b->group);
}

/* A ruling of the period whose account another period counts (rc, elsewhere: accounts_across
 * of rulings, nr the accounts near the period) decides on someone that account does not (the
 * NGO's verdict on a co-defendant, linked to the UN's on the other): counted here, as no
 * account of another period counts that decision. */
static void rulings_on_others(const struct cw_record_list *rulings, const struct near *nr,
			      const struct cw_report_elsewhere *elsewhere, size_t *rc)
{
	const struct cw_record_list *lists[] = {&nr->before, &nr->after};

	for (size_t i = 0; rc && i < rulings->n; i++) {
		const struct cw_record *by = NULL;

		if (rc[i] != CW_REPORT_ELSEWHERE)
			continue;
		for (size_t l = 0; l < 2 && !by; l++)
			for (size_t k = 0; k < lists[l]->n && !by; k++)
				if (cw_id_equal(&lists[l]->items[k].id, &elsewhere[i].id))
					by = &lists[l]->items[k];
		if (!by ||
		    (by->kind == CW_KIND_MILESTONE && rulings->items[i].kind == CW_KIND_MILESTONE &&
		     !same_subject(&by->u.milestone, &rulings->items[i].u.milestone)))
			rc[i] = i;
	}
}

/* A ruling of the period whose account another period counts (accounts_across: rc, of
 * rulings) told as well by a hearing of the period counted here, linked as one event (e, with
 * hc the hearings' counted accounts), is that hearing's ruling: counted here with it, as its
 * rows are, not listed as counted elsewhere beside them. */
static void rulings_with_hearings(const struct events *e, const size_t *hc, size_t *rc)
{
	for (size_t i = 0; rc && e->root && i < e->rulings->n; i++) {
		size_t ev = e->root[e->hearings->n + i];

		if (rc[i] != CW_REPORT_ELSEWHERE || !e->big[ev])
			continue;
		for (size_t j = ev; j != SIZE_MAX && j < e->hearings->n; j = e->next[j])
			if (!counted_elsewhere(hc, j)) {
				rc[i] = i;
				break;
			}
	}
}

/* Puts the rows of n whose ruling milestone's ruling another period counts (counted: of
 * rulings, as accounts_across gives it) after the others, each part in its order: the number of
 * rows before them into *here, how many they are into *away. 0, or CW_ENOMEM with the rows as
 * they were: a report without them would list fewer rows than it should, not say so. */
static int rows_ruled_here(const struct cw_record_list *rulings, const size_t *counted,
			   struct cw_report_verdict *rows, size_t n, size_t *here, size_t *away)
{
	size_t kept = 0, nmoved = 0;
	struct cw_report_verdict *moved;

	*here = n;
	*away = 0;
	for (size_t i = 0; counted && i < n; i++) {
		size_t at = item_index(rulings, rows[i].rec);

		nmoved += at != SIZE_MAX && counted[at] == CW_REPORT_ELSEWHERE;
	}
	if (!nmoved)
		return 0;
	/* In place: the rows kept moved up, those away gathered in a copy, then put after them. */
	if (!(moved = malloc(nmoved * sizeof *moved)))
		return CW_ENOMEM;
	nmoved = 0;
	for (size_t i = 0; i < n; i++) {
		size_t at = item_index(rulings, rows[i].rec);

		if (at == SIZE_MAX || counted[at] != CW_REPORT_ELSEWHERE)
			rows[kept++] = rows[i];
		else
			moved[nmoved++] = rows[i];
	}
	memcpy(rows + kept, moved, nmoved * sizeof *moved);
	free(moved);
	*here = kept;
	*away = nmoved;
	return 0;
}

/* The verdict rows of hearings whose event another period counts go: counted there. */
static void rows_counted_here(const struct cw_record_list *hearings, const size_t *counted,
			      struct cw_report_verdict *rows, size_t *n)
{
	size_t kept = 0;

	if (!counted)
		return;
	for (size_t i = 0; i < *n; i++) {
		size_t at = item_index(hearings, rows[i].rec);

		if (at == SIZE_MAX || counted[at] != CW_REPORT_ELSEWHERE)
			rows[kept++] = rows[i];
	}
	*n = kept;
}

/* Adds the figure of the demonstration event counted by demos->items[i] to `by`: n (-1: no
 * account of it gives one) from demos->items[from], a least or not. */
static void by_account_add(struct cw_report_by_account *by, uint32_t *none,
			   const struct cw_record_list *demos, size_t i, size_t from, int64_t n,
			   int at_least)
{
	unsigned told = demos->items[i].view, view = n >= 0 ? demos->items[from].view : told;
	uint32_t bit = view < CW_REPORT_VIEWS ? UINT32_C(1) << view : 0;

	by->told |= told < CW_REPORT_VIEWS ? UINT32_C(1) << told : 0;
	if (!bit)
		return;
	if (n < 0) {
		*none |= bit;
		return;
	}
	by->n[view] += (size_t)n;
	by->given |= bit;
	by->at_least |= at_least ? bit : 0;
}

/* The period's figures into counts and views, and the figures of its demonstrations by
 * account into by (their arrests, then the people injured). The accounts its events are
 * counted by (accounts_across: hearings, arrests and charges, visits, demonstrations) go to
 * acc when it is given (the report keeps the current period's for its rows), else are freed.
 * 0, or CW_ENOMEM. */
static int count_period(const struct cw_report *r, const struct period *p,
			size_t counts[CW_METRIC_COUNT], uint32_t views[CW_METRIC_COUNT],
			int *demo_arrests_at_least, int *demo_injured_at_least,
			struct cw_report_by_account by[2], struct accounts keep[NEARS])
{
	uint32_t no_arrests = 0, no_injured = 0;
	size_t demo_arrests = 0, demos_counted = 0, demo_injured = 0, injured_counted = 0,
	       verdict_hearings = 0, verdicts = 0, rulings = 0, arrests = 0, charges = 0,
	       detentions = 0, own = 0, nrows = 0, hearings = 0, kept_out = 0, visits = 0,
	       demos = 0, away = 0, *vc, *dc, *dn, *hc, *ac;
	struct accounts acc[NEARS] = {{NULL, NULL, NULL}};
	struct cw_report_verdict *rows = NULL;
	struct cw_idmap detainees = {NULL, 0, 0};
	struct events ev;

	memset(views, 0, CW_METRIC_COUNT * sizeof *views);
	if (accounts_across(&p->hearings, &p->near[NEAR_HEARINGS], &p->bridges,
			    &acc[NEAR_HEARINGS].counted, &acc[NEAR_HEARINGS].elsewhere) != 0 ||
	    accounts_across(&p->arrests, &p->near[NEAR_ARRESTS], &p->bridges,
			    &acc[NEAR_ARRESTS].counted, &acc[NEAR_ARRESTS].elsewhere) != 0 ||
	    accounts_across(&p->visits, &p->near[NEAR_VISITS], &p->bridges,
			    &acc[NEAR_VISITS].counted, &acc[NEAR_VISITS].elsewhere) != 0 ||
	    accounts_across(&p->demos, &p->near[NEAR_DEMOS], &p->bridges, &acc[NEAR_DEMOS].counted,
			    &acc[NEAR_DEMOS].elsewhere) != 0 ||
	    accounts_across(&p->incidents, &p->near[NEAR_INCIDENTS], &p->bridges,
			    &acc[NEAR_INCIDENTS].counted, &acc[NEAR_INCIDENTS].elsewhere) != 0 ||
	    accounts_across(&p->case_events, &p->near[NEAR_CASE_EVENTS], &p->bridges,
			    &acc[NEAR_CASE_EVENTS].counted,
			    &acc[NEAR_CASE_EVENTS].elsewhere) != 0 ||
	    accounts_across(&p->rulings, &p->near[NEAR_RULINGS], &p->bridges,
			    &acc[NEAR_RULINGS].counted, &acc[NEAR_RULINGS].elsewhere) != 0 ||
	    event_next(acc[NEAR_DEMOS].counted, p->demos.n, &acc[NEAR_DEMOS].next) != 0) {
		accounts_free(acc);
		return CW_ENOMEM;
	}
	hc = acc[NEAR_HEARINGS].counted;
	ac = acc[NEAR_ARRESTS].counted;
	vc = acc[NEAR_VISITS].counted;
	dc = acc[NEAR_DEMOS].counted;
	dn = acc[NEAR_DEMOS].next;
	if (events_make_as(&ev, &p->hearings, &p->rulings, NULL, &p->ruled) != 0) {
		accounts_free(acc);
		return CW_ENOMEM;
	}
	rulings_on_others(&p->rulings, &p->near[NEAR_RULINGS], acc[NEAR_RULINGS].elsewhere,
			  acc[NEAR_RULINGS].counted);
	rulings_with_hearings(&ev, hc, acc[NEAR_RULINGS].counted);
	for (size_t i = 0; i < p->hearings.n; i++) {
		const struct cw_record *rec = &p->hearings.items[i];
		int is_own = cw_report_hearing_is_own(rec);

		size_t with_verdict;

		/* Counted with the account it is linked to, whose side it is: the team's hearings,
		 * or documents', are drawn from the account counted, not from this one (a
		 * government's account of a hearing the team sat in is not a hearing documents
		 * report); in the period of that account (report.h). */
		if (counted_elsewhere(hc, i) || !account_counted(&ev, i))
			continue;
		hearings++;
		views[CW_METRIC_HEARINGS] |= cw_report_view_bit(rec);
		if (is_own && rec->u.hearing.monitors_admitted == CW_ANSWER_NO) {
			/* Went to, turned away: not a hearing monitored (002 para 29). */
			kept_out++;
			views[CW_METRIC_HEARINGS_KEPT_OUT] |= cw_report_view_bit(rec);
		} else {
			own += (size_t)is_own;
			views[is_own ? CW_METRIC_HEARINGS_OWN : CW_METRIC_HEARINGS_REPORTED] |=
				cw_report_view_bit(rec);
		}
		/* With a verdict as the account that gives it says: that account's. */
		with_verdict = event_hearing_at(&ev, i, 1);
		if (hearing_has_verdict(&p->hearings.items[with_verdict].u.hearing)) {
			verdict_hearings++;
			views[CW_METRIC_VERDICT_HEARINGS] |=
				cw_report_view_bit(&p->hearings.items[with_verdict]);
		}
	}
	/* Verdicts: one per defendant a ruling decides on, whatever the charges. */
	if (verdict_rows(r, &p->hearings, &p->rulings, &rows, &nrows) != 0) {
		free(rows);
		events_free(&ev);
		accounts_free(acc);
		return CW_ENOMEM;
	}
	rows_counted_here(&p->hearings, hc, rows, &nrows);
	rows_of_filter_articles(&r->filter, rows, &nrows);
	rows_of_filter_people(r, rows, &nrows);
	if (rows_ruled_here(&p->rulings, acc[NEAR_RULINGS].counted, rows, nrows, &nrows, &away) !=
		    0 ||
	    group_verdicts(&ev, rows, nrows, &rulings, &verdicts, NULL) != 0) {
		free(rows);
		events_free(&ev);
		accounts_free(acc);
		return CW_ENOMEM;
	}
	for (size_t i = 0; i < nrows; i++)
		views[CW_METRIC_VERDICTS] |= cw_report_view_bit(rows[i].rec);
	free(rows);
	events_free(&ev);
	for (size_t i = 0; i < p->arrests.n; i++) {
		const struct cw_milestone *m = &p->arrests.items[i].u.milestone;
		int is_arrest = m->type == CW_MS_ARREST;

		/* Counted in another period, or another account of an arrest or charge counted:
		 * its account makes no figure here (report.h: counts_views). */
		if (!cw_report_counted(ac, i))
			continue;
		views[is_arrest ? CW_METRIC_ARRESTS : CW_METRIC_CHARGES] |=
			cw_report_view_bit(&p->arrests.items[i]);
		if (is_arrest)
			arrests += milestone_people(r, m);
		else
			charges += milestone_people(r, m);
	}
	/* Someone detained and released within the period is held at neither end of it: only
	 * this count says they were taken in (a source that logs the detention as an arrest
	 * has it counted as an arrest). */
	detentions = cw_report_detention_people(r, &p->detentions, NULL, NULL);
	views[CW_METRIC_DETENTIONS] = list_views(&p->detentions);
	/* A visit or a demonstration told by several accounts (the team's, a government's that
	 * disputes it, a newspaper's) is one event: counted once, as its counted account gives it
	 * (a supervisor's trial read 3 demonstrations and 6 arrests for one with 3), in the
	 * period of that account. */
	for (size_t i = 0; i < p->visits.n; i++) {
		const struct cw_visit *v = &p->visits.items[i].u.visit;
		const struct cw_person_ref *met = v->detainees.items;

		if (!cw_report_counted(vc, i))
			continue;
		visits++;
		views[CW_METRIC_VISITS] |= cw_report_view_bit(&p->visits.items[i]);
		/* The people met, each once however many visits met them (a prison visit
		 * monitor's "3 visits" said nothing of how many were seen); at a visit refused
		 * at the gate, no one. */
		if (cw_visit_met_no_one(v))
			continue;
		for (size_t j = 0; j < v->detainees.n; j++) {
			int added = cw_idmap_put(&detainees, &met[j].person, 0, NULL);

			if (added < 0) {
				cw_idmap_free(&detainees);
				accounts_free(acc);
				return CW_ENOMEM;
			}
			if (added)
				views[CW_METRIC_VISIT_DETAINEES] |=
					cw_report_view_bit(&p->visits.items[i]);
		}
	}
	counts[CW_METRIC_VISIT_DETAINEES] = detainees.n;
	cw_idmap_free(&detainees);
	memset(by, 0, 2 * sizeof *by);
	for (size_t i = 0; i < p->demos.n; i++) {
		int at_least;
		size_t from;
		int64_t n;

		if (!cw_report_counted(dc, i))
			continue;
		n = cw_report_event_arrests(&p->demos, dc, dn, i, &at_least, &from);
		by_account_add(&by[0], &no_arrests, &p->demos, i, from, n, at_least);
		demos++;
		views[CW_METRIC_DEMOS] |= cw_report_view_bit(&p->demos.items[i]);
		*demo_arrests_at_least |= at_least;
		if (n >= 0) {
			demo_arrests += (size_t)n;
			demos_counted++;
			views[CW_METRIC_DEMO_ARRESTS] |= cw_report_view_bit(&p->demos.items[from]);
		}
		/* The people injured, read as the arrests: the figure of the account counted,
		 * else of the first other account that gives one. */
		n = cw_report_event_injured(&p->demos, dc, dn, i, &at_least, &from);
		by_account_add(&by[1], &no_injured, &p->demos, i, from, n, at_least);
		*demo_injured_at_least |= at_least;
		if (n >= 0) {
			demo_injured += (size_t)n;
			injured_counted++;
			views[CW_METRIC_DEMO_INJURED] |= cw_report_view_bit(&p->demos.items[from]);
		}
	}
	/* Some gave a figure, some none: what is known is a least; by account, the figure of an
	 * account whose other events give none. */
	if (demos_counted && demos_counted < demos)
		*demo_arrests_at_least = 1;
	if (injured_counted && injured_counted < demos)
		*demo_injured_at_least = 1;
	by[0].at_least |= no_arrests & by[0].given;
	by[1].at_least |= no_injured & by[1].given;
	counts[CW_METRIC_HEARINGS] = hearings;
	counts[CW_METRIC_HEARINGS_OWN] = own;
	counts[CW_METRIC_HEARINGS_KEPT_OUT] = kept_out;
	counts[CW_METRIC_HEARINGS_REPORTED] = hearings - own - kept_out;
	counts[CW_METRIC_VERDICT_HEARINGS] = verdict_hearings;
	counts[CW_METRIC_ARRESTS] = arrests;
	counts[CW_METRIC_CHARGES] = charges;
	counts[CW_METRIC_DETENTIONS] = detentions;
	counts[CW_METRIC_VERDICTS] = verdicts;
	counts[CW_METRIC_VISITS] = visits;
	counts[CW_METRIC_DEMOS] = demos;
	/* Demonstrations none of which recorded its arrests give no figure: not observed is not
	 * none. Some that did: the arrests they give. */
	counts[CW_METRIC_DEMO_ARRESTS] =
		demos && !demos_counted ? CW_REPORT_NOT_RECORDED : demo_arrests;
	counts[CW_METRIC_DEMO_INJURED] =
		demos && !injured_counted ? CW_REPORT_NOT_RECORDED : demo_injured;
	if (keep)
		memcpy(keep, acc, sizeof acc);
	else
		accounts_free(acc);
	return 0;
}

/* Whether answer b of another account is said beside a: b is known (yes, no, not applicable)
 * and not a, which may be unknown (the account counted leaves it unanswered). */
static int answers_otherwise(unsigned a, unsigned b)
{
	return b != CW_ANSWER_UNKNOWN && b <= CW_ANSWER_NA && b != a;
}

/* Adds to r->fair_differ each other account of hearing i's event that answers row f otherwise
 * than a (answers_otherwise), the answer counted, which account src gives (i, or another of
 * the team's accounts of it when i leaves it unanswered: event_fair_answer): 0, or -1 out of
 * memory. */
static int add_differing(struct cw_report *r, const struct events *e, size_t i, size_t src,
			 size_t f, unsigned a, size_t *cap)
{
	size_t ev;

	if (!e->root || !e->big[ev = e->root[i]])
		return 0;
	for (size_t j = ev; j < e->hearings->n; j = e->next[j]) {
		if (j == i || j == src ||
		    !answers_otherwise(a, cw_report_fair_answer(&e->hearings->items[j].u.hearing,
								&r->fair[f], NULL)))
			continue;
		if (r->nfair_differ == *cap) {
			size_t grown_cap = *cap ? *cap * 2 : 8;
			struct cw_report_fair_differ *grown =
				realloc(r->fair_differ, grown_cap * sizeof *grown);

			if (!grown)
				return -1;
			r->fair_differ = grown;
			*cap = grown_cap;
		}
		r->fair_differ[r->nfair_differ].row = f;
		r->fair_differ[r->nfair_differ].counted = src;
		r->fair_differ[r->nfair_differ++].other = j;
	}
	return 0;
}

/* Row f's answer for hearing i's event, and in *src the account that gives it: its counted
 * account's; when that is one of the team's and leaves it unanswered, the first other of the
 * team's accounts of the event that answers it (two monitors logged one hearing, one of them noting
 * counsel not notified: a trial's summary said no indicator was recorded as not met). Another
 * side's answer is said beside it (add_differing), never counted. */
static unsigned event_fair_answer(const struct cw_report *r, const struct events *e, size_t i,
				  size_t f, size_t *src)
{
	unsigned a = cw_report_fair_answer(&r->hearings.items[i].u.hearing, &r->fair[f], NULL);
	size_t ev;

	*src = i;
	if (a != CW_ANSWER_UNKNOWN || !e->root || !e->big[ev = e->root[i]] ||
	    !cw_report_hearing_is_own(&r->hearings.items[i]))
		return a;
	for (size_t j = ev; j < e->hearings->n; j = e->next[j]) {
		unsigned b;

		if (j == i || !cw_report_hearing_is_own(&e->hearings->items[j]))
			continue;
		b = cw_report_fair_answer(&e->hearings->items[j].u.hearing, &r->fair[f], NULL);
		if (b != CW_ANSWER_UNKNOWN && b <= CW_ANSWER_NA) {
			*src = j;
			return b;
		}
	}
	return a;
}

/* The figures the summary speaks of, from the hearings the tables list: outcomes, and how
 * each fair-trial indicator was answered, per side (the team's own, reported). A hearing that
 * does not answer an indicator counts as unknown for it (unless another of the team's
 * accounts of it does: event_fair_answer); an indicator given twice counts once,
 * by its first answer. Where another account of a hearing answers otherwise, fair_differ says
 * so. ev: the events of r's hearings and rulings, as the period's count joins them. 0, or -1
 * out of memory. */
static int count_fair(struct cw_report *r, const struct events *ev)
{
	static const struct {
		const char *field, *label;
	} fields[] = {{"public_admitted", N_("public admitted")},
		      {"press_admitted", N_("press admitted")},
		      {"monitors_admitted", N_("monitors admitted")}};
	size_t cap = 0;
	int rc = 0;

	r->nfair = 0;
	for (unsigned v = 1; v < cw_words_indicator.n && r->nfair < CW_REPORT_FAIR_MAX - 3; v++) {
		r->fair[r->nfair].indicator = v;
		r->fair[r->nfair].label = cw_words_indicator.labels[v];
		r->nfair++;
	}
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		r->fair[r->nfair].field = fields[i].field;
		r->fair[r->nfair].label = fields[i].label;
		r->nfair++;
	}
	for (size_t i = 0; i < r->hearings.n && rc == 0; i++) {
		int side = cw_report_hearing_is_own(&r->hearings.items[i]) ? CW_FAIR_SIDE_OWN
									   : CW_FAIR_SIDE_REPORTED;

		if (counted_elsewhere(r->hearing_counted, i) || !account_counted(ev, i))
			continue; /* one hearing, counted by its first account, in its period */
		/* Its outcome as the account counted gives it, else as another does. */
		unsigned outcome = event_hearing(ev, i, 0)->outcome;

		if (outcome < CW_REPORT_OUTCOMES_MAX)
			r->outcomes[side][outcome]++;
		for (size_t f = 0; f < r->nfair && rc == 0; f++) {
			size_t src;
			unsigned a = event_fair_answer(r, ev, i, f, &src);

			r->fair[f].answers[side][a < 4 ? a : CW_ANSWER_UNKNOWN]++;
			/* The count stays the counted account's; what another says otherwise is
			 * said beside it, never settled here. */
			rc = add_differing(r, ev, i, src, f, a, &cap);
		}
	}
	return rc;
}

unsigned cw_report_fair_answer(const struct cw_hearing *h, const struct cw_report_fair *f,
			       const char **note)
{
	if (note)
		*note = NULL;
	if (f->field) {
		if (!strcmp(f->field, "public_admitted"))
			return h->public_admitted;
		if (!strcmp(f->field, "press_admitted"))
			return h->press_admitted;
		return h->monitors_admitted;
	}
	for (size_t j = 0; j < h->indicators.n; j++) {
		const struct cw_indicator *ind =
			(const struct cw_indicator *)h->indicators.items + j;

		if (ind->name == f->indicator) {
			if (note)
				*note = ind->note;
			return ind->answer;
		}
	}
	return CW_ANSWER_UNKNOWN;
}

/* ---- tallies ----------------------------------------------------------------------------- */

static int is_tally(const struct cw_record *rec)
{
	const struct cw_tally *t = rec->kind == CW_KIND_INCIDENT ? NULL : cw_record_tally(rec);

	return t && t->count >= 0;
}

/* Moves the tallies out of an event list, into `to` (NULL: dropped): a source's "28
 * hearings" is not one hearing. */
static int take_tallies(struct cw_record_list *l, struct cw_record_list *to)
{
	size_t w = 0;
	int rc = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (!is_tally(&l->items[i])) {
			l->items[w++] = l->items[i];
		} else if (to && rc == 0 && (rc = cw_record_list_push(to, &l->items[i])) == 0) {
			continue;
		} else {
			cw_record_free(&l->items[i]);
		}
	}
	l->n = w;
	return rc;
}

/* Whether an undated tally's period lies wholly in [from, to], as an event dated to a month
 * does (walk_partial): "28 hearings from June 2023 to May 2024" belongs to a report of that
 * year, not to each of its weeks. One with an open end is in no range. */
static int period_within(const struct cw_tally *t, struct cw_date from, struct cw_date to)
{
	/* Both ends in the range (validation keeps a period's first day before its last). */
	return wholly_in(t->from, from, to) && wholly_in(t->to, from, to);
}

/* The undated tallies over a period in the range: undated events have a key of
 * their own, so only they are read (a handful: the counts of UN reports). */
static int gather_undated_tallies(struct cw_reader *rd, struct cw_report *r, size_t *seen,
				  struct cw_error *err)
{
	static const enum cw_kind kinds[] = {CW_KIND_HEARING, CW_KIND_VISIT, CW_KIND_DEMO};
	struct cw_date none = {0, 0, 0};
	int rc = 0;

	*seen = 0; /* every undated tally the filter finds, over the range or not */
	for (size_t k = 0; rc == 0 && k < sizeof kinds / sizeof kinds[0]; k++) {
		struct cw_record_list l;
		struct cw_filter f;

		memset(&l, 0, sizeof l);
		if (narrow(r, kinds[k], none, none, &f)) {
			f.undated = 1;
			rc = cw_reader_list(rd, &f, CW_KIND_BIT(kinds[k]), CW_ORDER_OLDEST_FIRST, 0,
					    0, &l, err);
		}
		for (size_t i = 0; rc == 0 && i < l.n; i++) {
			if (cw_date_is_known(cw_record_date(&l.items[i])) || !is_tally(&l.items[i]))
				continue;
			(*seen)++;
			if (period_within(cw_record_tally(&l.items[i]), r->from, r->to) &&
			    cw_record_list_push(&r->tallies, &l.items[i]) != 0)
				rc = oom(err);
		}
		cw_record_list_free(&l);
	}
	if (rc == 0 && cw_withheld_sift(&r->confidential, &r->tallies, 1) != 0)
		rc = oom(err);
	return rc ? rc : cw_withheld_match_text(r->shown, &r->confidential, &r->tallies, 1, err);
}

/* The events that match the filter and have no date at all, tallies aside, into r->undated:
 * counted from the index keys (thousands at a million records: reading each one cost the
 * weekly report a fifth more time), less the undated tallies gather_undated_tallies read. A
 * confidential record among them is counted too: the figure says only that it exists. */
static int count_undated(struct cw_reader *rd, struct cw_report *r, size_t tallies,
			 struct cw_error *err)
{
	static const enum cw_kind kinds[] = {CW_KIND_HEARING, CW_KIND_MILESTONE, CW_KIND_VISIT,
					     CW_KIND_DEMO, CW_KIND_INCIDENT};
	struct cw_date none = {0, 0, 0};
	size_t total = 0;
	int rc = 0;

	for (size_t k = 0; rc == 0 && k < sizeof kinds / sizeof kinds[0]; k++) {
		struct cw_filter f;
		struct cw_record_list l;
		size_t n = 0;

		if (!narrow(r, kinds[k], none, none, &f))
			continue;
		f.undated = 1;
		if (!r->shown) {
			rc = cw_reader_count(rd, &f, CW_KIND_BIT(kinds[k]), &n, err);
			total += n;
			continue;
		}
		/* Free text in what is written for others: the records it finds as they read,
		 * none withheld (a count of the index's keys would say whether the word is in
		 * withheld notes: report/confidential.h, by_text). Tallies are not counted. */
		if ((rc = cw_reader_list(rd, &f, CW_KIND_BIT(kinds[k]), CW_ORDER_OLDEST_FIRST, 0, 0,
					 &l, err)) != 0)
			break;
		if (cw_withheld_sift(&r->confidential, &l, 0) != 0)
			rc = oom(err);
		else
			rc = cw_withheld_match_text(r->shown, &r->confidential, &l, 0, err);
		for (size_t i = 0; rc == 0 && i < l.n; i++)
			total += !is_tally(&l.items[i]);
		cw_record_list_free(&l);
	}
	if (r->shown)
		r->undated = total;
	else
		r->undated = total > tallies ? total - tallies : 0;
	return rc;
}

/* One that only overlaps the range is listed apart, its day unknown (the rest are counted);
 * but a tally over a period that lies in the range is the range's: the UN's "18 visits to 9
 * prisons from June 2023 to May 2024", dated 2024, is a tally of a report from June 2023 to
 * May 2024 (a monitor's trial found it only among the records dated to a year, its figures
 * nowhere). A tally dated to a day, or to a month or a year that does not overlap the range,
 * is its date's, as any dated record is. */
static int overlapping_into_partial(struct cw_record *rec, int whole, void *ctx)
{
	struct cw_report *r = ctx;

	const struct cw_tally *t = is_tally(rec) ? cw_record_tally(rec) : NULL;

	if (whole)
		return 0;
	if (t && period_within(t, r->from, r->to))
		return cw_record_list_push(&r->tallies, rec);
	/* A tally of a period that ended before the range or begins after it counts nothing in
	 * it, whatever its date's month or year (a trial found the UN's June 2023 to May 2024
	 * tally among a later half-year's records "that overlap the period"). */
	if (t && cw_date_is_known(t->from) && cw_date_is_known(t->to) &&
	    (cw_date_compare(cw_date_last_day(t->to), r->from) < 0 ||
	     cw_date_compare(cw_date_first_day(t->from), r->to) > 0))
		return 0;
	return cw_record_list_push(&r->partial, rec);
}

/* Records dated only to a month or a year that overlaps the range without lying wholly in it
 * (those are counted in it: gather_period). */
static int gather_partial(struct cw_reader *rd, struct cw_report *r, struct cw_error *err)
{
	int rc = walk_partial(rd, r, r->from, r->to, 0, overlapping_into_partial, r, err);

	if (rc == 0 && cw_withheld_sift(&r->confidential, &r->partial, 1) != 0)
		rc = oom(err);
	return rc ? rc : cw_withheld_match_text(r->shown, &r->confidential, &r->partial, 1, err);
}

static int upcoming_order(const void *pa, const void *pb)
{
	const struct cw_report_upcoming *a = pa, *b = pb;
	int c = cw_date_compare(a->date, b->date);

	if (c)
		return c;
	if (a->from_next_date != b->from_next_date)
		return a->from_next_date - b->from_next_date;
	return memcmp(a->hearing->id.b, b->hearing->id.b, sizeof a->hearing->id.b);
}

static int in_window(struct cw_date d, struct cw_date from, struct cw_date to)
{
	return cw_date_precision(d) == CW_DATE_DAY && cw_date_compare(d, from) >= 0 &&
	       (!cw_date_is_known(to) || cw_date_compare(d, to) <= 0);
}

/* A date given only to its month or its year that overlaps [from, to] (to unknown: no end): a
 * next date "adjourned to July" may be on any day of it, so it is listed with the window's
 * days, as a month and never as one of those days (a field trial's July never reached
 * partners); one "adjourned to 2025" likewise, as that year. */
static int period_in_window(struct cw_date d, struct cw_date from, struct cw_date to)
{
	return cw_date_is_known(d) && cw_date_precision(d) != CW_DATE_DAY &&
	       cw_date_compare(cw_date_last_day(d), from) >= 0 &&
	       (!cw_date_is_known(to) || cw_date_compare(cw_date_first_day(d), to) <= 0);
}

/* A hearing's case and date, sorted, to ask "is there a hearing of this case on that day" in
 * log time: a busy fortnight at a million records has thousands of hearings. */
struct case_day {
	struct cw_id kase;
	uint32_t date;
	const char *court; /* the hearing's, NULL or "" when it names none */
};

static int case_day_order(const void *pa, const void *pb)
{
	const struct case_day *a = pa, *b = pb;
	int c = memcmp(a->kase.b, b->kase.b, sizeof a->kase.b);

	return c ? c : (a->date > b->date) - (a->date < b->date);
}

static int id_order(const void *a, const void *b)
{
	return memcmp(a, b, sizeof(struct cw_id));
}

/* The court of the case `id`, for its hearings that name none, as what is written reads it,
 * into *court: NULL when the case is not held here, or when `shown` (may be NULL) withholds it
 * (a figure for others is made as if it were not there). A case held here that cannot be read
 * (it fails its authentication, the database failed) is an error, never a case without a
 * court: that would move or keep a date by its hearings' own courts alone, and say nothing.
 * *kase holds the record (zeroed when none); the caller frees it. */
static int case_court_as(struct cw_reader *rd, const struct cw_id *id,
			 const struct cw_withheld *shown, struct cw_record *kase,
			 const char **court, struct cw_error *err)
{
	int rc;

	*court = NULL;
	memset(kase, 0, sizeof *kase);
	if ((rc = cw_reader_get(rd, id, kase, err)) != 0) {
		memset(kase, 0, sizeof *kase);
		if (rc != CW_ENOTFOUND)
			return rc;
		cw_error_clear(err); /* gone: its hearings' own courts only */
		return 0;
	}
	if (kase->kind == CW_KIND_CASE && !(shown && cw_withheld_leaves_out(shown, kase)))
		*court = kase->u.kase.court;
	return 0;
}

/* Whether days (sorted by case_day_order) hold a hearing of want's case on its day at a court
 * that can be want's: the appeal court's bail hearing on the day the trial court set is not
 * that trial's hearing (a review). A hearing naming no court was at its case's, as the missed
 * list (hearing_logged_on) and the superseding rule read it: the case is read for its court
 * when one of the two names none and the other does (rare), as `shown` reads it. */
static int day_logged(struct cw_reader *rd, const struct cw_withheld *shown,
		      const struct case_day *days, size_t n, const struct case_day *want,
		      int *logged, struct cw_error *err)
{
	const struct case_day *hit = bsearch(want, days, n, sizeof *days, case_day_order);
	struct cw_record kase;
	const char *case_court = NULL;
	int read = 0, rc = 0;

	*logged = 0;
	if (!hit)
		return 0;
	while (hit > days && !case_day_order(hit - 1, want))
		hit--;
	for (; hit < days + n && !case_day_order(hit, want) && !*logged; hit++) {
		if (!read && !(want->court && *want->court) != !(hit->court && *hit->court)) {
			read = 1;
			if ((rc = case_court_as(rd, &want->kase, shown, &kase, &case_court, err)) !=
			    0)
				break;
		}
		*logged = cw_timeline_courts_may_match(want->court, hit->court, case_court);
	}
	if (read)
		cw_record_free(&kase);
	return rc;
}

/* One next date of a case announced by several hearings (the team's account of a hearing and
 * a newspaper's, both saying "adjourned to 12 June") is one hearing to come, not two: kept
 * once, from the team's own account when one gives it. An account what is written for others
 * withholds (hidden, by src's records; NULL: none) is kept apart: the caller takes it out
 * after this (sift_upcoming), and the date must stay with the account shown. items are
 * sorted (upcoming_order: by date, then logged hearings before next dates). */
static void drop_same_next_dates(struct cw_report_upcoming *items, size_t *n,
				 const struct cw_record_list *src, const unsigned char *hidden)
{
	size_t kept = 0;

	for (size_t i = 0; i < *n; i++) {
		struct cw_report_upcoming *same = NULL;

		for (size_t k = kept; k-- > 0 && !cw_date_compare(items[k].date, items[i].date);)
			if (items[k].from_next_date && items[i].from_next_date &&
			    !(hidden && (hidden[items[k].hearing - src->items] ||
					 hidden[items[i].hearing - src->items])) &&
			    cw_id_equal(&items[k].hearing->u.hearing.case_id,
					&items[i].hearing->u.hearing.case_id)) {
				same = &items[k];
				break;
			}
		if (!same)
			items[kept++] = items[i];
		else if (items[i].hearing->view == CW_VIEW_OWN &&
			 same->hearing->view != CW_VIEW_OWN)
			*same = items[i];
	}
	*n = kept;
}

/* An item of the upcoming list whose next date may be superseded, by its case: sorted, the
 * items of one case are together (a report at a million had 2,440 items of 2,000 cases,
 * and went through every item for every case). */
struct setting {
	struct cw_id case_id;
	size_t item;
};

static int setting_order(const void *a, const void *b)
{
	const struct setting *x = a, *y = b;
	int c = memcmp(&x->case_id, &y->case_id, sizeof x->case_id);

	return c ? c : (x->item > y->item) - (x->item < y->item);
}

/* A next date a later hearing of its case superseded, held before the window, is no hearing
 * to come, whatever account set it (cw_timeline_next_date_superseded): the team logged the
 * hearing of 3 March, which set 17 March, and the government's "10 March" for the hearing
 * before is done with. The hearings of those cases from the setting one to the window are
 * read, whatever the filter (a filter on accounts does not bring back a date the case has moved
 * past); a later hearing that is another account of the setting one's event, through other
 * accounts of those days too, is none. With `shown` (what is written for others), the
 * hearings and the case it leaves out are read as if they were not there: a confidential
 * hearing that moved the case on would otherwise take the earlier date off the list and so
 * tell a partner that it was held (a review). Only a hearing held by today (dated up to it,
 * as the timeline's next hearing reads it) moves its case on: one dated after today has not
 * been held, whatever outcome it was logged with (ahead, or a typo for another year: a
 * warning only), and a window or a period that runs past today reads the hearings up to
 * today alone (a hearing logged for next week with a next date took the date before it off
 * an agenda read from the week after, and off the missed dates of the week in progress).
 * items point into the caller's list. */
static int drop_superseded(struct cw_reader *rd, struct cw_withheld *shown, struct cw_date from,
			   struct cw_report_upcoming *items, size_t *n, struct cw_error *err)
{
	static const struct cw_record_list none = {NULL, 0, 0};
	struct setting *set = NULL;
	unsigned char *gone = NULL;
	size_t nset = 0, kept = 0;
	struct cw_date today = cw_date_today(), before_window;
	int rc = 0;

	if (cw_date_is_known(today) && cw_date_to_days(today) + 1 < cw_date_to_days(from))
		from = cw_date_from_days(cw_date_to_days(today) + 1);
	before_window = cw_date_from_days(cw_date_to_days(from) - 1);

	for (size_t i = 0; i < *n; i++) {
		const struct cw_hearing *h = &items[i].hearing->u.hearing;

		if (!items[i].from_next_date || cw_id_is_zero(&h->case_id))
			continue;
		if (!set && !(set = malloc(*n * sizeof *set)))
			return oom(err);
		set[nset].case_id = h->case_id;
		set[nset++].item = i;
	}
	if (!nset)
		return 0;
	qsort(set, nset, sizeof *set, setting_order);
	if (!(gone = calloc(*n, 1))) {
		free(set);
		return oom(err);
	}
	for (size_t first = 0, end; rc == 0 && first < nset; first = end) {
		const struct cw_id *case_id = &set[first].case_id;
		struct cw_record_list l;
		struct cw_record kase;
		struct cw_date earliest = before_window;
		struct events ev;
		const char *case_court;
		int before = 0;

		/* Only the hearings that can supersede, dated from the earliest setting one (it
		 * and its other accounts of the day are read too, for the links between them) to
		 * the day before the window: at a million records, reading every hearing of these
		 * cases was an eighth of the report. A case none of whose dates was set by a
		 * hearing before the window is not read. */
		for (end = first; end < nset && cw_id_equal(&set[end].case_id, case_id); end++) {
			struct cw_date d = items[set[end].item].hearing->u.hearing.date;

			before |= cw_date_compare(cw_date_last_day(d), from) < 0;
			if (cw_date_compare(d, earliest) < 0)
				earliest = d;
		}
		if (!before)
			continue;
		if ((rc = cw_reader_case_records_between(rd, case_id, CW_KIND_BIT(CW_KIND_HEARING),
							 earliest, before_window, &l, err)) != 0)
			break;
		if (shown && shown->leave_out && cw_withheld_sift(shown, &l, 0) != 0) {
			cw_record_list_free(&l);
			rc = oom(err);
			break;
		}
		/* Its court, for hearings that name none. */
		if ((rc = case_court_as(rd, case_id, shown, &kase, &case_court, err)) != 0) {
			cw_record_list_free(&l);
			break;
		}
		if (events_make(&ev, &l, &none) != 0) {
			cw_record_list_free(&l);
			cw_record_free(&kase);
			rc = oom(err);
			break;
		}
		for (size_t s = first; s < end; s++) {
			size_t i = set[s].item, at = SIZE_MAX;
			const struct cw_record *setting = items[i].hearing;

			for (size_t j = 0; j < l.n && at == SIZE_MAX; j++)
				if (cw_id_equal(&l.items[j].id, &setting->id))
					at = j;
			for (size_t j = 0; j < l.n && !gone[i]; j++)
				gone[i] =
					cw_date_compare(cw_date_last_day(l.items[j].u.hearing.date),
							from) < 0 &&
					cw_timeline_next_date_superseded(setting, &l.items[j],
									 case_court) &&
					!(ev.root && at != SIZE_MAX && ev.root[at] == ev.root[j]);
		}
		events_free(&ev);
		cw_record_list_free(&l);
		cw_record_free(&kase);
	}
	for (size_t i = 0; rc == 0 && i < *n; i++)
		if (!gone[i])
			items[kept++] = items[i];
	if (rc == 0)
		*n = kept;
	free(gone);
	free(set);
	return rc;
}

/* A next date given only to its month is done with once a hearing of its case is logged for a
 * day of that month after the one that set it (cw_timeline_next_date_superseded: the sitting
 * the month was for), as a next date given to a day is once a hearing is logged for that day
 * (day_logged): wherever in the month it is, before the window, in it (it is listed itself)
 * or after it (the day is known then, and not in the window), held or logged ahead. Read as
 * `shown` reads it (NULL: everything counts). items point into the caller's list. */
static int drop_month_sittings(struct cw_reader *rd, struct cw_withheld *shown, struct cw_date from,
			       struct cw_date to, struct cw_report_upcoming *items, size_t *n,
			       struct cw_error *err)
{
	static const struct cw_record_list none = {NULL, 0, 0};
	size_t kept = 0;
	int rc = 0;

	for (size_t i = 0; i < *n; i++) {
		const struct cw_record *setting = items[i].hearing;
		const struct cw_hearing *h = &setting->u.hearing;
		struct cw_date first = cw_date_first_day(items[i].date),
			       last = cw_date_last_day(items[i].date);
		struct cw_record_list l;
		struct cw_record kase;
		struct events ev;
		const char *case_court;
		size_t at = SIZE_MAX;
		int gone = 0;

		if (!items[i].from_next_date || !cw_date_is_known(items[i].date) ||
		    cw_date_precision(items[i].date) == CW_DATE_DAY || cw_id_is_zero(&h->case_id)) {
			items[kept++] = items[i];
			continue;
		}
		/* From the setting hearing on, for the links of its other accounts. */
		if (cw_date_is_known(h->date) && cw_date_compare(h->date, first) < 0)
			first = h->date;
		if ((rc = cw_reader_case_records_between(rd, &h->case_id,
							 CW_KIND_BIT(CW_KIND_HEARING), first, last,
							 &l, err)) != 0)
			break;
		if (shown && shown->leave_out && cw_withheld_sift(shown, &l, 0) != 0) {
			cw_record_list_free(&l);
			rc = oom(err);
			break;
		}
		if ((rc = case_court_as(rd, &h->case_id, shown, &kase, &case_court, err)) != 0) {
			cw_record_list_free(&l);
			break;
		}
		if (events_make(&ev, &l, &none) != 0) {
			cw_record_list_free(&l);
			cw_record_free(&kase);
			rc = oom(err);
			break;
		}
		for (size_t j = 0; j < l.n && at == SIZE_MAX; j++)
			if (cw_id_equal(&l.items[j].id, &setting->id))
				at = j;
		for (size_t j = 0; j < l.n && !gone; j++) {
			const struct cw_hearing *o = &l.items[j].u.hearing;
			struct cw_date d = o->date;
			int in_it = cw_date_compare(cw_date_first_day(d),
						    cw_date_first_day(items[i].date)) >= 0 &&
				    cw_date_compare(cw_date_last_day(d), last) <= 0;
			int same_event = ev.root && at != SIZE_MAX && ev.root[at] == ev.root[j];

			gone = in_it &&
			       cw_timeline_next_date_superseded(setting, &l.items[j], case_court) &&
			       !same_event;
			/* A hearing of the month that only ruled on bail: no sitting of it, said
			 * beside it (a review read "nothing logged in that month" beside one). */
			if (!gone && in_it && !same_event &&
			    o->outcome == CW_OUTCOME_BAIL_DECISION &&
			    !cw_date_is_known(items[i].bail_heard) &&
			    cw_date_precision(d) == CW_DATE_DAY)
				items[i].bail_heard = d;
			/* Another account of the setting hearing gives the sitting a day of the
			 * month outside the window: that day stands for it, said (or answered) in
			 * its own week; one in the window is listed beside the month, every
			 * account named (a review saw one hearing missed in two weeks). */
			if (!gone && same_event && j != at &&
			    cw_date_precision(o->next_date) == CW_DATE_DAY &&
			    cw_date_compare(o->next_date, cw_date_first_day(items[i].date)) >= 0 &&
			    cw_date_compare(o->next_date, cw_date_last_day(items[i].date)) <= 0 &&
			    (cw_date_compare(o->next_date, from) < 0 ||
			     (cw_date_is_known(to) && cw_date_compare(o->next_date, to) > 0)))
				gone = 1;
		}
		events_free(&ev);
		cw_record_list_free(&l);
		cw_record_free(&kase);
		if (!gone)
			items[kept++] = items[i];
	}
	if (rc == 0)
		*n = kept;
	return rc;
}

/* cw_report_upcoming_read (report.h); with `shown` (what is written for others), a next date
 * is that of a hearing logged for its day only when `shown` keeps that hearing, a hearing it
 * withholds supersedes no date (drop_superseded) and its account is no other's
 * (drop_same_next_dates): the missed dates and the hearings to come of a report for partners,
 * and their calendar, read as if the confidential hearings were not there (a review saw a
 * confidential hearing take its day off the list, and so tell that it was held). */
static int upcoming_read(struct cw_reader *rd, const struct cw_filter *filter, struct cw_date from,
			 struct cw_date to, struct cw_withheld *shown, int months,
			 struct cw_record_list *src, struct cw_report_upcoming **items, size_t *n,
			 struct cw_error *err)
{
	struct cw_filter f = *filter;
	struct cw_record_list all, next;
	struct cw_id *dated = NULL;
	struct case_day *days = NULL;
	unsigned char *hidden = NULL;
	size_t cap = 0, ndays = 0;
	int rc;

	memset(src, 0, sizeof *src);
	*items = NULL;
	*n = 0;
	if (filter->kinds && !(filter->kinds & CW_KIND_BIT(CW_KIND_HEARING)))
		return 0;
	/* The hearings dated in the window, and those whose next date falls in it (an index of
	 * its own), each once. */
	f.kinds = CW_KIND_BIT(CW_KIND_HEARING);
	f.since = from;
	f.until = to;
	if ((rc = cw_reader_list(rd, &f, f.kinds, CW_ORDER_OLDEST_FIRST, 0, 0, &all, err)) != 0)
		return rc;
	/* A month sorts before its first day and a year before its first month (cw_date_key):
	 * from the key of from's month, for the next dates given only to it, and the key of
	 * from's year alone, for those given only to it (a later year's key is in the range);
	 * reading from the year's first key would read every next date of the year. */
	if ((rc = cw_reader_list_next_dates(rd, filter, CW_KIND_BIT(CW_KIND_HEARING),
					    months ? (struct cw_date){from.year, from.month, 0}
						   : from,
					    to, CW_ORDER_OLDEST_FIRST, 0, &next, err)) != 0) {
		cw_record_list_free(&all);
		return rc;
	}
	if (months) {
		if ((rc = cw_reader_add_next_dates_given(rd, filter, CW_KIND_BIT(CW_KIND_HEARING),
							 (struct cw_date){from.year, 0, 0}, &next,
							 err)) != 0) {
			cw_record_list_free(&next);
			cw_record_list_free(&all);
			return rc;
		}
	}
	/* Each hearing once: those dated in the window, then those only their next date brings. */
	if (next.n && !(dated = malloc(all.n ? all.n * sizeof *dated : 1)))
		rc = CW_ENOMEM;
	for (size_t i = 0; rc == 0 && next.n && i < all.n; i++)
		dated[i] = all.items[i].id;
	if (rc == 0 && next.n && all.n > 1)
		qsort(dated, all.n, sizeof *dated, id_order);
	for (size_t i = 0, ndated = all.n; rc == 0 && i < next.n; i++)
		if (!ndated || !bsearch(&next.items[i].id, dated, ndated, sizeof *dated, id_order))
			rc = cw_record_list_push(&all, &next.items[i]);
	free(dated);
	cw_record_list_free(&next);
	for (size_t i = 0; rc == 0 && i < all.n; i++) {
		const struct cw_hearing *h = &all.items[i].u.hearing;

		if (in_window(h->date, from, to) || in_window(h->next_date, from, to) ||
		    (months && period_in_window(h->next_date, from, to)))
			rc = cw_record_list_push(src, &all.items[i]);
	}
	cw_record_list_free(&all);
	if (rc == 0 && src->n && !(days = malloc(src->n * sizeof *days)))
		rc = CW_ENOMEM;
	if (shown && !shown->leave_out)
		shown = NULL;
	if (rc == 0 && src->n && shown && !(hidden = calloc(src->n, 1)))
		rc = CW_ENOMEM;
	for (size_t i = 0; rc == 0 && hidden && i < src->n; i++)
		hidden[i] = (unsigned char)cw_withheld_leaves_out(shown, &src->items[i]);
	for (size_t i = 0; rc == 0 && i < src->n; i++) {
		if (hidden && hidden[i])
			continue;
		days[ndays].kase = src->items[i].u.hearing.case_id;
		days[ndays].date = cw_date_key(src->items[i].u.hearing.date);
		days[ndays++].court = src->items[i].u.hearing.court;
	}
	if (rc == 0 && ndays > 1)
		qsort(days, ndays, sizeof *days, case_day_order);
	for (size_t i = 0; rc == 0 && i < src->n; i++) {
		const struct cw_hearing *h = &src->items[i].u.hearing;
		struct cw_date dates[2] = {h->date, h->next_date};

		for (int j = 0; j < 2 && rc == 0; j++) {
			struct case_day want = {h->case_id, cw_date_key(dates[1]), h->court};
			int logged;

			int month = j == 1 && months && period_in_window(dates[j], from, to);

			if (!month && !in_window(dates[j], from, to))
				continue;
			/* A next date already logged as a hearing of the case is that hearing (one
			 * given to a month: drop_month_sittings). */
			if (j == 1 && !month &&
			    ((rc = day_logged(rd, shown, days, ndays, &want, &logged, err)) != 0 ||
			     logged))
				continue;
			if (*n == cap) {
				struct cw_report_upcoming *grown;

				cap = cap ? cap * 2 : 16;
				if (!(grown = realloc(*items, cap * sizeof *grown))) {
					rc = CW_ENOMEM;
					break;
				}
				*items = grown;
			}
			(*items)[*n].hearing = &src->items[i];
			(*items)[*n].date = dates[j];
			(*items)[*n].bail_heard = (struct cw_date){0, 0, 0};
			(*items)[(*n)++].from_next_date = j;
		}
	}
	free(days);
	if (rc != 0) {
		free(hidden);
		free(*items);
		*items = NULL;
		*n = 0;
		cw_record_list_free(src);
		/* Out of memory, or the case of a date that could not be read (day_logged). */
		return rc == CW_ENOMEM ? oom(err) : rc;
	}
	if ((rc = drop_superseded(rd, shown, from, *items, n, err)) != 0 ||
	    (months && (rc = drop_month_sittings(rd, shown, from, to, *items, n, err)) != 0)) {
		free(hidden);
		free(*items);
		*items = NULL;
		*n = 0;
		cw_record_list_free(src);
		return rc;
	}
	if (*n > 1)
		qsort(*items, *n, sizeof **items, upcoming_order);
	drop_same_next_dates(*items, n, src, hidden);
	free(hidden);
	return 0;
}

int cw_report_upcoming_read(struct cw_reader *rd, const struct cw_filter *filter,
			    struct cw_date from, struct cw_date to, struct cw_withheld *shown,
			    struct cw_record_list *src, struct cw_report_upcoming **items,
			    size_t *n, struct cw_error *err)
{
	return upcoming_read(rd, filter, from, to, shown, 0, src, items, n, err);
}

int cw_report_upcoming_read_months(struct cw_reader *rd, const struct cw_filter *filter,
				   struct cw_date from, struct cw_date to,
				   struct cw_withheld *shown, struct cw_record_list *src,
				   struct cw_report_upcoming **items, size_t *n,
				   struct cw_error *err)
{
	return upcoming_read(rd, filter, from, to, shown, 1, src, items, n, err);
}

int cw_report_upcoming_hearings(struct cw_store *st, const struct cw_filter *filter,
				struct cw_date from, struct cw_date to, struct cw_record_list *src,
				struct cw_report_upcoming **items, size_t *n, struct cw_error *err)
{
	struct cw_reader *rd;
	int rc;

	memset(src, 0, sizeof *src);
	*items = NULL;
	*n = 0;
	if ((rc = cw_store_reader_begin(st, &rd, err)) != 0)
		return rc;
	rc = cw_report_upcoming_read(rd, filter, from, to, NULL, src, items, n, err);
	cw_reader_end(rd);
	return rc;
}

static int detainee_order(const void *pa, const void *pb)
{
	const struct cw_report_detainee *a = pa, *b = pb;
	int d;

	if ((a->days < 0) != (b->days < 0))
		return a->days < 0 ? 1 : -1;
	if (a->days != b->days)
		return a->days > b->days ? -1 : 1;
	/* Equal lengths: people by id, then groups (no person) by case and label. */
	if ((d = memcmp(a->person.b, b->person.b, sizeof a->person.b)) != 0)
		return d;
	if ((d = memcmp(a->case_id.b, b->case_id.b, sizeof a->case_id.b)) != 0)
		return d;
	return strcmp(a->group, b->group);
}

/* How many listed have a length the records give and are listed for it, not whatever it is
 * (kept): of the first rows (detainee_order), up to `upto`. */
static size_t detainees_longest(const struct cw_report *r, size_t upto)
{
	size_t n = 0;

	for (size_t i = 0; i < upto && i < r->ndetainees && r->detainees[i].days >= 0; i++)
		n += !r->detainees[i].kept;
	return n;
}

/* The days of the last of the CW_REPORT_DETAINEES_MAX longest (those kept aside); -1 while
 * there are fewer: nobody with fewer days can be listed for their length. */
static long detainees_shortest_longest(const struct cw_report *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->ndetainees && r->detainees[i].days >= 0; i++)
		if (!r->detainees[i].kept && ++n == CW_REPORT_DETAINEES_MAX)
			return r->detainees[i].days;
	return -1;
}

/* Puts d in the list, longest first: the first CW_REPORT_DETAINEES_MAX whose length the
 * records give, and every one whose length they do not give, who may be held longer than any
 * (listed after them); with `always` (one arrested or detained during the period, whom the
 * summary counts, or one the accounts differ on), whatever the list holds, never to be pushed
 * out (kept). */
static int add_detainee(struct cw_report *r, const struct cw_report_detainee *d, int always)
{
	size_t at = r->ndetainees;
	struct cw_report_detainee *grown;

	while (at > 0 && detainee_order(d, &r->detainees[at - 1]) < 0)
		at--;
	if (d->days >= 0 && !always && detainees_longest(r, at) >= CW_REPORT_DETAINEES_MAX)
		return 0;
	if (!(grown = realloc(r->detainees, (r->ndetainees + 1) * sizeof *grown)))
		return CW_ENOMEM;
	r->detainees = grown;
	memmove(r->detainees + at + 1, r->detainees + at,
		(r->ndetainees - at) * sizeof *r->detainees);
	r->detainees[at] = *d;
	r->detainees[at].kept = always != 0;
	r->ndetainees++;
	/* The one pushed past the longest CW_REPORT_DETAINEES_MAX goes, never one kept whatever
	 * its length (arrested in the period, or the accounts differ: those may come while the
	 * longest are still being found). */
	if (d->days >= 0 && !always &&
	    detainees_longest(r, r->ndetainees) > CW_REPORT_DETAINEES_MAX) {
		size_t last = 0;

		for (size_t i = 0; i < r->ndetainees && r->detainees[i].days >= 0; i++)
			if (!r->detainees[i].kept)
				last = i;
		memmove(r->detainees + last, r->detainees + last + 1,
			(r->ndetainees - last - 1) * sizeof *r->detainees);
		r->ndetainees--;
	}
	return 0;
}

/* detainee.views (report.h): the case's account, and those of the milestones of whom (a person,
 * or with person NULL the group `group`) in the case that start a detention on `since`. */
static uint32_t detainee_views(const struct cw_record *kase, const struct cw_id *person,
			       const char *group, struct cw_date since,
			       const struct cw_record *records, size_t n)
{
	uint32_t views = cw_report_view_bit(kase);

	for (size_t i = 0; i < n; i++) {
		const struct cw_record *rec = &records[i];
		const struct cw_milestone *m = &rec->u.milestone;

		if (rec->kind != CW_KIND_MILESTONE || !cw_id_equal(&m->case_id, &kase->id) ||
		    !cw_timeline_starts_detention(m) || cw_date_compare(m->date, since) != 0)
			continue;
		if (person ? cw_id_equal(&m->person, person)
			   : cw_id_is_zero(&m->person) && m->group && !strcasecmp(m->group, group))
			views |= cw_report_view_bit(rec);
	}
	return views;
}

/* The records a detention is read from, as the report sees them: confidential ones tell
 * nothing (cw_withheld_sift: not counted, the person's row is), and a report of some accounts
 * only (--account) reads it from their records alone: no start, end, refusal or visit of
 * another account's (a UN report counted a detention the UN still gives as ended by the
 * team's own bail record). Cases are kept whatever their account: their entries are the
 * case's, and which cases a row may stand under is gather_detainees' to say. The index is
 * asked with the same sight (cw_detention_sight). 0, or CW_ENOMEM. */
static int detention_sift(struct cw_report *r, struct cw_record_list *l)
{
	size_t w = 0;

	if (cw_withheld_sift(&r->confidential, l, 0) != 0)
		return CW_ENOMEM;
	for (size_t i = 0; i < l->n; i++) {
		enum cw_kind k = l->items[i].kind;

		if (r->filter.accounts &&
		    (k == CW_KIND_VISIT || k == CW_KIND_MILESTONE || k == CW_KIND_HEARING) &&
		    !(r->filter.accounts & cw_report_view_bit(&l->items[i])))
			cw_record_free(&l->items[i]);
		else
			l->items[w++] = l->items[i];
	}
	l->n = w;
	return 0;
}

/* What the report reads of a detention, as the index is asked for it. */
static struct cw_detention_sight detention_sight(const struct cw_report *r)
{
	return (struct cw_detention_sight){r->confidential.leave_out, r->filter.accounts};
}

/* The days in all of a detainee's row, in the row's case alone (a detention in another case
 * is not read against this one's legal maximum): the summary over that case's records and the
 * prison visits. 0 or CW_ENOMEM. */
static int case_days(const struct cw_id *person, const struct cw_record *kase,
		     const struct cw_record_list *tl, struct cw_date to,
		     struct cw_report_detainee *d)
{
	struct cw_timeline_summary one;
	struct cw_record *mine = malloc((tl->n ? tl->n : 1) * sizeof *mine);
	size_t n = 0;

	if (!mine)
		return CW_ENOMEM;
	/* Shallow copies, read only: the summary frees nothing. */
	for (size_t i = 0; i < tl->n; i++) {
		const struct cw_record *rec = &tl->items[i];
		const struct cw_id *of = rec->kind == CW_KIND_HEARING ? &rec->u.hearing.case_id
					 : rec->kind == CW_KIND_MILESTONE
						 ? &rec->u.milestone.case_id
						 : NULL;

		if (rec == kase || rec->kind == CW_KIND_VISIT || (of && cw_id_equal(of, &kase->id)))
			mine[n++] = *rec;
	}
	cw_timeline_summarise(person, mine, n, to, &one);
	/* Never less than the row's own days: a stretch held in two cases at once runs through
	 * the other case's days too. */
	d->total =
		one.pretrial_days >= 0 && one.pretrial_days < d->days ? d->days : one.pretrial_days;
	d->total_max = one.pretrial_days_max >= 0 && d->days_max >= 0 &&
				       one.pretrial_days_max < d->days_max
			       ? d->days_max
			       : one.pretrial_days_max;
	free(mine);
	return 0;
}

/* Under an article filter, whether the case charges the person (or its group of unnamed
 * defendants `label`) under one of the filter's articles: the filter finds a case by any of its
 * defendants' charges, but a detainee it lists must be charged so themselves (a field trial's
 * 437 bis report listed the union members held in the same case under 494/495 as lese-majeste
 * detainees). Always yes without an article filter. */
static int charged_under_filter(const struct cw_report *r, const struct cw_record *kase,
				const struct cw_id *person, const char *label)
{
	struct cw_article mine[64];
	size_t n;

	if (!r->filter.narticles)
		return 1;
	cw_case_event_articles_by(kase, person, label, r->to, mine, sizeof mine / sizeof *mine, &n);
	return cw_articles_meet(mine, n, r->filter.articles, r->filter.narticles);
}

/* Whether the detention order the team's own records give the person (models/timeline.h:
 * order_id), or the case kase's group `label` (person NULL), read from all of l as
 * --include-confidential reads it, is one w leaves out (an extension marked confidential):
 * read from the rest, the row would say they were held past an order the team knows was
 * extended. Only the accounts `accounts` leaves out (none: 0) are not read. 0 when w leaves
 * nothing out or no order of theirs is withheld; -1 out of memory. */
static int order_withheld_to(const struct cw_withheld *w, uint32_t accounts,
			     const struct cw_id *person, const struct cw_record *kase,
			     const char *label, const struct cw_record_list *l, struct cw_date to)
{
	struct cw_timeline_summary all;
	struct cw_record *v;
	size_t n = 0;
	int any = 0, withheld = 0;

	for (size_t i = 0; i < l->n && w->leave_out; i++)
		any |= l->items[i].kind == CW_KIND_MILESTONE &&
		       (l->items[i].u.milestone.type == CW_MS_PRETRIAL_DETENTION ||
			l->items[i].u.milestone.type == CW_MS_DETENTION_EXTENDED) &&
		       (person ? 1
			       : cw_id_is_zero(&l->items[i].u.milestone.person) &&
					 l->items[i].u.milestone.group &&
					 !strcasecmp(l->items[i].u.milestone.group, label)) &&
		       cw_withheld_leaves_out(w, &l->items[i]);
	if (!any)
		return 0;
	/* Shallow copies: the records stay l's. */
	if (!(v = malloc(l->n * sizeof *v)))
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		enum cw_kind k = l->items[i].kind;

		if (!accounts ||
		    !(k == CW_KIND_VISIT || k == CW_KIND_MILESTONE || k == CW_KIND_HEARING) ||
		    (accounts & cw_report_view_bit(&l->items[i])))
			v[n++] = l->items[i];
	}
	if (person)
		cw_timeline_summarise(person, v, n, to, &all);
	else
		cw_timeline_summarise_group(kase, label, v, n, to, &all, NULL);
	for (size_t i = 0; i < n && cw_date_is_known(all.order_until); i++)
		if (cw_id_equal(&v[i].id, &all.order_id))
			withheld = cw_withheld_leaves_out(w, &v[i]);
	free(v);
	return withheld;
}

/* The same for the report: to the day it counts to, its accounts alone. */
static int order_withheld(struct cw_report *r, const struct cw_id *person,
			  const struct cw_record *kase, const char *label,
			  const struct cw_record_list *l)
{
	return order_withheld_to(&r->confidential, r->filter.accounts, person, kase, label, l,
				 r->held_to);
}

int cw_report_order_withheld(const struct cw_withheld *w, const struct cw_id *person,
			     const struct cw_record_list *l, struct cw_date to)
{
	return order_withheld_to(w, 0, person, NULL, NULL, l, to);
}

/* The records a person's detention is read from, as the report reads them: their cases,
 * milestones and hearings, and prison visits too (one that met them after the account of
 * their custody stops is what the count runs to: models/timeline.h); confidential records
 * tell nothing here either (not counted: the person's row is), and visits of accounts the
 * filter leaves out are dropped. With order_left_out, into it whether the order their records
 * give is one left out (order_withheld). */
static int detention_records_noting(struct cw_reader *rd, struct cw_report *r,
				    const struct cw_id *person, struct cw_record_list *tl,
				    int *order_left_out, struct cw_error *err)
{
	int rc = cw_reader_person_records(
		rd, person,
		CW_KIND_BIT(CW_KIND_CASE) | CW_KIND_BIT(CW_KIND_MILESTONE) |
			CW_KIND_BIT(CW_KIND_HEARING) | CW_KIND_BIT(CW_KIND_VISIT),
		tl, err);

	if (rc != 0)
		return rc;
	if (order_left_out && (*order_left_out = order_withheld(r, person, NULL, NULL, tl)) < 0) {
		cw_record_list_free(tl);
		return oom(err);
	}
	if (detention_sift(r, tl) != 0) {
		cw_record_list_free(tl);
		return oom(err);
	}
	return 0;
}

static int detention_records(struct cw_reader *rd, struct cw_report *r, const struct cw_id *person,
			     struct cw_record_list *tl, struct cw_error *err)
{
	return detention_records_noting(rd, r, person, tl, NULL, err);
}

/* Whether the report quotes the other account of a detainee's start (models/timeline.h):
 * not when the report's accounts leave that account out (it rests on nothing from them, as
 * detention_sift keeps their records out); a confidential one quoted with
 * --include-confidential is counted among what the report holds. Clears it when not quoted.
 * 0, or CW_ENOMEM (err set). */
static int start_other_quoted(struct cw_report *r, struct cw_timeline_summary *sum,
			      struct cw_error *err)
{
	/* The start's record is cited too (its source): a confidential one, written with
	 * --include-confidential, is among what the report holds. */
	if (sum->pretrial_start_confidential && !r->confidential.leave_out &&
	    cw_withheld_count(&r->confidential, &sum->pretrial_start_id) != 0)
		return oom(err);
	if (!cw_date_is_known(sum->pretrial_start_other))
		return 0;
	if (r->filter.accounts &&
	    !(r->filter.accounts & cw_view_bit(sum->pretrial_start_other_view))) {
		sum->pretrial_start_other = (struct cw_date){0, 0, 0};
		return 0;
	}
	if (sum->pretrial_start_other_confidential && !r->confidential.leave_out &&
	    cw_withheld_count(&r->confidential, &sum->pretrial_start_other_id) != 0)
		return oom(err);
	return 0;
}

/* d's detention order (report.h: order_id), as the summary of its detention gives it: a
 * confidential one, written with --include-confidential, is among what the report holds (its
 * id and account are given). */
static int order_from(struct cw_report *r, struct cw_report_detainee *d,
		      const struct cw_timeline_summary *sum, int order_left_out)
{
	/* The order the team's records give is one the report leaves out (order_withheld: an
	 * extension marked confidential supersedes the order it reads): the row says nothing
	 * of an order rather than that they were held past one the team knows was extended (a
	 * hostile reader holding the extension would show the report false). */
	if (order_left_out)
		return 0;
	if (sum->order_confidential && !r->confidential.leave_out &&
	    cw_withheld_count(&r->confidential, &sum->order_id) != 0)
		return CW_ENOMEM;
	d->order_id = sum->order_id;
	d->order_view = sum->order_view;
	d->order_until = sum->order_until;
	d->days_past_order = sum->order_days_past;
	d->days_past_order_max = sum->order_days_past_max;
	d->order_held_otherwise = sum->order_held_otherwise;
	return 0;
}

/* Into *best, the access of one kind (lawyer: 1, family: 0) v gives d, when v is a later visit
 * of the stretch than best's that gives it (of one day, the team's own account). */
static void later_access(const struct cw_record *v, const struct cw_report_detainee *d, int lawyer,
			 struct cw_report_access *best, const struct cw_record **best_rec)
{
	const struct cw_detainee_access *a = v->u.visit.detainee_access.items;
	uint8_t access = 0;
	int later;

	/* From the first entry of theirs that gives it (a merge from a bundle may have kept
	 * two). */
	for (size_t k = 0; k < v->u.visit.detainee_access.n && !access; k++)
		if (cw_id_equal(&a[k].person, &d->person))
			access = lawyer ? a[k].lawyer_access : a[k].family_access;
	if (!access)
		return;
	later = cw_id_is_zero(&best->visit) ? 1 : cw_date_compare(v->u.visit.date, best->date);
	if (later < 0 || (later == 0 && (best->view == CW_VIEW_OWN || v->view != CW_VIEW_OWN)))
		return;
	best->visit = v->id;
	best->date = v->u.visit.date;
	best->view = v->view;
	best->access = access;
	*best_rec = v;
}

/* Whether the row of d reads v for their access (report.h: lawyer_at_visit): a prison visit
 * of the stretch, from `since` wholly up to the period's end (`after` known: wholly after it,
 * the day a detention before it ended; both unknown: from any day), not refused access (it
 * met no one: cw_report_visit_access_kept), what it says of the detainees not withheld. */
static int access_visit_of_stretch(const struct cw_report *r, const struct cw_report_detainee *d,
				   struct cw_date after, const struct cw_record *v)
{
	return v->kind == CW_KIND_VISIT && !cw_visit_met_no_one(&v->u.visit) &&
	       cw_date_is_known(v->u.visit.date) &&
	       cw_date_compare(cw_date_last_day(v->u.visit.date), r->held_to) <= 0 &&
	       /* A visit dated to the month the stretch began on its first day is in it wholly
		* (2024-04 of one from 1 April); one of the month it began part way through may
		* be of the days before. */
	       (cw_date_is_known(after)      ? cw_date_compare(cw_date_first_day(v->u.visit.date),
							       cw_date_last_day(after)) > 0
		: cw_date_is_known(d->since) ? cw_date_compare(cw_date_first_day(v->u.visit.date),
							       cw_date_first_day(d->since)) >= 0
					     : 1) &&
	       !(r->confidential.leave_out &&
		 cw_record_field_is_confidential(v, "detainee_access"));
}

/* Into at->later, when v met d (a detainee it lists, not a tally) surely after at's visit (its
 * first day after the other's last) and records no access of that kind (lawyer: 1, family: 0)
 * for them, and is later than the one there (of one day, the team's own account). */
static void later_unrecorded(const struct cw_record *v, const struct cw_report_detainee *d,
			     int lawyer, struct cw_report_access *at, const struct cw_record **rec)
{
	const struct cw_visit *w = &v->u.visit;
	const struct cw_person_ref *met = w->detainees.items;
	const struct cw_detainee_access *a = w->detainee_access.items;
	int seen = 0, later;

	if (cw_id_is_zero(&at->visit) || w->tally.count >= 0 ||
	    cw_date_compare(cw_date_first_day(w->date), cw_date_last_day(at->date)) <= 0)
		return;
	for (size_t k = 0; k < w->detainees.n && !seen; k++)
		seen = cw_id_equal(&met[k].person, &d->person);
	for (size_t k = 0; k < w->detainee_access.n && seen; k++)
		if (cw_id_equal(&a[k].person, &d->person) &&
		    (lawyer ? a[k].lawyer_access : a[k].family_access))
			seen = 0;
	if (!seen)
		return;
	later = cw_id_is_zero(&at->later) ? 1 : cw_date_compare(w->date, at->later_date);
	if (later < 0 || (later == 0 && (at->later_view == CW_VIEW_OWN || v->view != CW_VIEW_OWN)))
		return;
	at->later = v->id;
	at->later_date = w->date;
	at->later_view = v->view;
	*rec = v;
}

/* d's access to a lawyer and to family, each at the latest prison visit that recorded it, and
 * the latest visit after it that met them without recording it (report.h: lawyer_at_visit),
 * from their records as the row reads them (tl), the visits of the stretch as
 * access_visit_of_stretch reads them (after: for a row of unstarted, the day their last
 * detention logged ended; unknown for a detainee's). A confidential visit, written with
 * --include-confidential, is among what the report holds. 0 or CW_ENOMEM. */
static int access_at_visit(struct cw_report *r, struct cw_report_detainee *d, struct cw_date after,
			   const struct cw_record_list *tl)
{
	/* The visits that give each access, as later_access chose them, then the later ones
	 * that did not record it. */
	const struct cw_record *from[4] = {NULL, NULL, NULL, NULL};

	for (size_t i = 0; i < tl->n; i++) {
		const struct cw_record *v = &tl->items[i];

		if (!access_visit_of_stretch(r, d, after, v))
			continue;
		later_access(v, d, 1, &d->lawyer_at_visit, &from[0]);
		later_access(v, d, 0, &d->family_at_visit, &from[1]);
	}
	for (size_t i = 0; i < tl->n; i++) {
		const struct cw_record *v = &tl->items[i];

		if (!access_visit_of_stretch(r, d, after, v))
			continue;
		later_unrecorded(v, d, 1, &d->lawyer_at_visit, &from[2]);
		later_unrecorded(v, d, 0, &d->family_at_visit, &from[3]);
	}
	for (size_t k = 0; k < 4; k++) {
		const struct cw_record *v = from[k];

		if (!r->confidential.leave_out && v &&
		    (v->confidential || cw_record_field_is_confidential(v, "detainee_access")) &&
		    cw_withheld_count(&r->confidential, &v->id) != 0)
			return CW_ENOMEM;
	}
	return 0;
}

/* One person the index says may still be detained: their cases, milestones and hearings (a
 * verdict or bail granted ends it) as the summary reads them. They are listed when a case the
 * filter admits held them in pretrial detention at the end of the range (a detention that
 * ended later too: someone released since a past week was held in it), under the first such
 * case (cases in the order a list of cases gives: by date, then id). Not under a case that
 * merely lists them as detained: one held in two cases from one day and convicted in one of
 * them is still in pretrial detention in the other, not in the one that ruled (its entry may
 * well still say "detained"), and a report filtered to the first case's article must not
 * count them held before a verdict in it. */
static int consider_detainee(struct cw_reader *rd, struct cw_matcher *m, struct cw_report *r,
			     const struct cw_id *person, int always, struct cw_error *err)
{
	struct cw_report_detainee d;
	struct cw_timeline_summary sum;
	struct cw_record_list tl;
	const struct cw_record *kase = NULL;
	int rc, listed = 0, contested = 0, order_left_out = 0;

	/* A filter naming a person lists that person, not their co-defendants, whose cases
	 * name them too. */
	if (!cw_matcher_admits_person(m, person))
		return 0;
	if ((rc = detention_records_noting(rd, r, person, &tl, &order_left_out, err)) != 0)
		return rc;
	memset(&d, 0, sizeof d);
	/* As the records tell it at the end of the range: the summary counts nothing dated
	 * after it, and a detention that ended later was still running then. */
	cw_timeline_summarise(person, tl.items, tl.n, r->held_to, &sum);
	/* Ended in one account and found held after it in another by a record of the period
	 * (held_after is the latest such record): listed in the case of that end, with both
	 * (report.h: held_after). */
	contested = !sum.pretrial_ongoing && sum.pretrial_to_kind == CW_PRETRIAL_TO_END &&
		    sum.held_after_kind &&
		    cw_date_compare(cw_date_last_day(sum.held_after), r->held_to) <= 0 &&
		    cw_date_compare(cw_date_first_day(sum.held_after), r->from) >= 0;
	for (size_t t = 0; t < tl.n && rc == 0 && !listed; t++)
		if (tl.items[t].kind == CW_KIND_CASE &&
		    (contested ? cw_id_equal(&tl.items[t].id, &sum.pretrial_end_case)
			       : cw_timeline_held_in_case(person, &tl.items[t], tl.items, tl.n,
							  r->held_to)) &&
		    (rc = cw_matcher_test(m, &tl.items[t], &listed, err)) == 0 && listed) {
			if (charged_under_filter(r, &tl.items[t], person, NULL))
				kase = &tl.items[t];
			else
				listed = 0;
		}
	if (rc != 0 || !listed) {
		cw_record_list_free(&tl);
		return rc;
	}
	d.case_id = kase->id;
	d.views = detainee_views(kase, person, NULL, sum.pretrial_since, tl.items, tl.n);
	if (sum.pretrial_to_kind == CW_PRETRIAL_TO_SEEN ||
	    sum.pretrial_to_kind == CW_PRETRIAL_TO_SEEN_AFTER) {
		/* The count rests on the visit's account too. */
		const struct cw_record *seen =
			sum.pretrial_to_kind == CW_PRETRIAL_TO_SEEN
				? cw_timeline_last_visit(person, tl.items, tl.n, sum.pretrial_since,
							 r->held_to)
				: cw_timeline_visit_after(person, tl.items, tl.n, r->held_to);

		if (seen)
			d.views |= cw_report_view_bit(seen);
	}
	/* So does one to a refusal of bail or release, on the refusal's, and one to the latest
	 * date recorded, on the account of the record dated so (the team's transfer of a
	 * detainee the UN reported held). */
	if ((sum.pretrial_to_kind == CW_PRETRIAL_TO_REFUSED ||
	     sum.pretrial_to_kind == CW_PRETRIAL_TO_ORDERED ||
	     sum.pretrial_to_kind == CW_PRETRIAL_TO_LATEST))
		d.views |= cw_view_bit(sum.pretrial_to_view);
	if (!sum.pretrial_ongoing && !contested) {
		cw_record_list_free(&tl);
		return 0;
	}
	if (contested) {
		always = 1;
		d.end_view = sum.pretrial_end_view;
		d.held_after = sum.held_after;
		d.held_after_kind = sum.held_after_kind;
		d.held_after_type = sum.held_after_type;
		d.held_after_view = sum.held_after_view;
		/* Both accounts: the end's and the one that finds them held after it. */
		d.views |= cw_view_bit(sum.held_after_view);
		d.views |= cw_view_bit(sum.pretrial_end_view);
	}
	/* The stretch held without a break up to the day counted to: "detained since" says
	 * that, and the days are its days (a detention before a release on bail is not in it). */
	d.person = *person;
	d.since = sum.pretrial_since;
	d.to = sum.pretrial_to;
	d.to_kind = sum.pretrial_to_kind;
	d.news = sum.pretrial_news;
	d.days = sum.pretrial_stretch_days;
	d.days_max = sum.pretrial_stretch_days_max;
	if (start_other_quoted(r, &sum, err) != 0) {
		cw_record_list_free(&tl);
		return CW_ENOMEM;
	}
	d.start_id = sum.pretrial_start_id;
	if (cw_date_is_known(sum.pretrial_start_other))
		d.start_other_id = sum.pretrial_start_other_id;
	d.start_other = sum.pretrial_start_other;
	d.start_view = sum.pretrial_start_view;
	d.start_other_view = sum.pretrial_start_other_view;
	d.start_other_days = sum.pretrial_start_other_days;
	d.total = sum.pretrial_days;
	d.total_max = sum.pretrial_days_max;
	if (order_from(r, &d, &sum, order_left_out) != 0 ||
	    access_at_visit(r, &d, (struct cw_date){0, 0, 0}, &tl) != 0 ||
	    ((d.total != d.days || d.total_max != d.days_max) &&
	     case_days(person, kase, &tl, r->held_to, &d) != 0)) {
		cw_record_list_free(&tl);
		return oom(err);
	}
	cw_record_list_free(&tl);
	return add_detainee(r, &d, always) ? oom(err) : 0;
}

/* detainee.joined (report.h): the group's starts that add people ("N more") dated after the
 * stretch's first day and wholly up to the day counted to. */
static void group_joined(const struct cw_report *r, const struct cw_record *kase,
			 const struct cw_record_list *tl, const char *label,
			 struct cw_report_detainee *d)
{
	d->joined = (struct cw_date){0, 0, 0};
	d->joined_count = 0;
	for (size_t i = 0; i < tl->n; i++) {
		const struct cw_milestone *m = &tl->items[i].u.milestone;

		if (tl->items[i].kind != CW_KIND_MILESTONE || !m->more || !m->group ||
		    !cw_id_is_zero(&m->person) || !cw_id_equal(&m->case_id, &kase->id) ||
		    strcasecmp(m->group, label) != 0 || !cw_timeline_starts_detention(m) ||
		    !cw_date_is_known(m->date) ||
		    cw_date_compare(cw_date_first_day(m->date), cw_date_last_day(d->since)) <= 0 ||
		    cw_date_compare(cw_date_last_day(m->date), r->held_to) > 0)
			continue;
		if (!cw_date_is_known(d->joined) || cw_date_compare(m->date, d->joined) > 0)
			d->joined = m->date;
		d->joined_count =
			d->joined_count < 0 || m->count <= 0 ? -1 : d->joined_count + m->count;
	}
}

/* Adds the group `label` of the case as held at the end of the range when the case's records
 * (tl, the case among them) find it so; `shown` is the label as the case gives it. With
 * order_left_out, the order its records give is one the report leaves out (order_withheld). */
static int consider_group(struct cw_report *r, const struct cw_record *kase,
			  const struct cw_record_list *tl, const char *label, int order_left_out)
{
	struct cw_timeline_summary sum;
	struct cw_report_detainee d, *grown;
	const struct cw_defendant *entry = cw_timeline_group_defendant(kase, label);
	int64_t count;

	if (!charged_under_filter(r, kase, NULL, label))
		return 0;
	cw_timeline_summarise_group(kase, label, tl->items, tl->n, r->held_to, &sum, &count);
	if (!sum.pretrial_ongoing)
		return 0;
	memset(&d, 0, sizeof d);
	d.case_id = kase->id;
	snprintf(d.group, sizeof d.group, "%s", entry && entry->label ? entry->label : label);
	d.count = count;
	d.since = sum.pretrial_since;
	d.to = sum.pretrial_to;
	d.to_kind = sum.pretrial_to_kind;
	d.news = sum.pretrial_news;
	d.days = sum.pretrial_stretch_days;
	d.days_max = sum.pretrial_stretch_days_max;
	if (start_other_quoted(r, &sum, NULL) != 0)
		return CW_ENOMEM;
	d.start_id = sum.pretrial_start_id;
	if (cw_date_is_known(sum.pretrial_start_other))
		d.start_other_id = sum.pretrial_start_other_id;
	d.start_other = sum.pretrial_start_other;
	d.start_view = sum.pretrial_start_view;
	d.start_other_view = sum.pretrial_start_other_view;
	d.start_other_days = sum.pretrial_start_other_days;
	d.total = sum.pretrial_days;
	d.total_max = sum.pretrial_days_max;
	d.views = detainee_views(kase, NULL, label, sum.pretrial_since, tl->items, tl->n);
	/* Counted to a refusal of their bail, or to the latest date recorded: on its account
	 * too, as a person's row is. */
	if ((sum.pretrial_to_kind == CW_PRETRIAL_TO_REFUSED ||
	     sum.pretrial_to_kind == CW_PRETRIAL_TO_ORDERED ||
	     sum.pretrial_to_kind == CW_PRETRIAL_TO_LATEST))
		d.views |= cw_view_bit(sum.pretrial_to_view);
	group_joined(r, kase, tl, label, &d);
	if (order_from(r, &d, &sum, order_left_out) != 0)
		return CW_ENOMEM;
	if (!(grown = realloc(r->detainees, (r->ndetainees + 1) * sizeof *grown)))
		return CW_ENOMEM;
	r->detainees = grown;
	r->detainees[r->ndetainees++] = d;
	r->detained_groups++;
	if (count > 0)
		r->detained_in_groups += (size_t)count;
	else
		r->detained_groups_uncounted++;
	return 0;
}

/* Whether labels[0..n) holds label, in any letter case. */
static int has_label(const char *const *labels, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(labels[i], label) == 0)
			return 1;
	return 0;
}

/* The labels of the case's groups whose detention order, read from all of l as
 * --include-confidential reads it, is one the report leaves out (order_withheld: an extension
 * marked confidential), each a copy into *out, *n of them (the caller frees them). Only the
 * groups a withheld order or extension names are read, and only when the report leaves
 * something out: the case's records are few. 0 or CW_ENOMEM. */
static int groups_order_withheld(struct cw_report *r, const struct cw_record *kase,
				 const struct cw_record_list *l, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < l->n && r->confidential.leave_out; i++) {
		const struct cw_milestone *m = &l->items[i].u.milestone;
		char **grown;
		int w;

		if (l->items[i].kind != CW_KIND_MILESTONE ||
		    (m->type != CW_MS_PRETRIAL_DETENTION && m->type != CW_MS_DETENTION_EXTENDED) ||
		    !cw_id_is_zero(&m->person) || !m->group || !*m->group ||
		    !cw_withheld_leaves_out(&r->confidential, &l->items[i]) ||
		    has_label((const char *const *)*out, *n, m->group))
			continue;
		if ((w = order_withheld(r, NULL, kase, m->group, l)) < 0)
			return CW_ENOMEM;
		if (!w)
			continue;
		if (!(grown = realloc(*out, (*n + 1) * sizeof *grown)))
			return CW_ENOMEM;
		*out = grown;
		if (!(grown[*n] = strdup(m->group)))
			return CW_ENOMEM;
		(*n)++;
	}
	return 0;
}

static void labels_free(char **labels, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
}

/* Groups of unnamed defendants still in pretrial detention at the end of the range, by the
 * same rules as people (cw_timeline_summarise_group), in the cases the index names (every
 * case with a group's arrest or detention up to then) that the filter admits: each group the
 * case lists, and each its arrests, detentions and other milestones name. A filter naming a
 * person admits no group (it names none of them). All are listed: they are few, and each is
 * many people. */
static int gather_groups(struct cw_reader *rd, struct cw_matcher *m, struct cw_report *r,
			 struct cw_error *err)
{
	struct cw_id *cases = NULL;
	size_t ncases = 0, first = r->ndetainees;
	int rc;

	if (r->filter.person[0])
		return 0;
	if ((rc = cw_reader_detention_group_cases(rd, r->held_to, &cases, &ncases, err)) != 0)
		return rc;
	for (size_t c = 0; c < ncases && rc == 0; c++) {
		struct cw_record_list tl;
		struct cw_record kase;
		const struct cw_record *k = NULL;
		const char **labels = NULL;
		char **hidden = NULL;
		size_t nlabels = 0, nhidden = 0;
		int listed = 0;

		if ((rc = cw_reader_get(rd, &cases[c], &kase, err)) == CW_ENOTFOUND) {
			rc = 0;
			continue;
		}
		if (rc != 0)
			break;
		if (kase.kind != CW_KIND_CASE) {
			cw_record_free(&kase);
			continue;
		}
		if ((rc = cw_reader_case_records(rd, &cases[c],
						 CW_KIND_BIT(CW_KIND_MILESTONE) |
							 CW_KIND_BIT(CW_KIND_HEARING),
						 &tl, err)) != 0) {
			cw_record_free(&kase);
			break;
		}
		/* Confidential records tell nothing here either, the case included, nor those of
		 * accounts the report leaves out; but a group's order is read from them all first
		 * (groups_order_withheld), as a person's is. */
		if (cw_record_list_push(&tl, &kase) != 0) {
			cw_record_free(&kase);
			cw_record_list_free(&tl);
			rc = oom(err);
			break;
		}
		if (groups_order_withheld(r, &tl.items[tl.n - 1], &tl, &hidden, &nhidden) != 0 ||
		    detention_sift(r, &tl) != 0) {
			labels_free(hidden, nhidden);
			cw_record_list_free(&tl);
			rc = oom(err);
			break;
		}
		for (size_t t = 0; t < tl.n && !k; t++)
			if (tl.items[t].kind == CW_KIND_CASE &&
			    cw_id_equal(&tl.items[t].id, &cases[c]))
				k = &tl.items[t];
		if (k && (rc = cw_matcher_test(m, k, &listed, err)) == 0 && listed &&
		    !(labels = calloc(k->u.kase.defendants.n + tl.n + 1, sizeof *labels)))
			rc = oom(err);
		if (labels) {
			/* The groups the case lists, then any other its milestones name. */
			for (size_t j = 0; j < k->u.kase.defendants.n; j++) {
				const struct cw_defendant *d =
					(const struct cw_defendant *)k->u.kase.defendants.items + j;

				if (cw_id_is_zero(&d->person) && d->label && *d->label &&
				    !has_label(labels, nlabels, d->label))
					labels[nlabels++] = d->label;
			}
			for (size_t t = 0; t < tl.n; t++) {
				const struct cw_milestone *ms = &tl.items[t].u.milestone;

				if (tl.items[t].kind == CW_KIND_MILESTONE &&
				    cw_id_is_zero(&ms->person) && ms->group && *ms->group &&
				    !has_label(labels, nlabels, ms->group))
					labels[nlabels++] = ms->group;
			}
			for (size_t j = 0; j < nlabels && rc == 0; j++)
				if (consider_group(r, k, &tl, labels[j],
						   has_label((const char *const *)hidden, nhidden,
							     labels[j])) != 0)
					rc = oom(err);
			free(labels);
		}
		labels_free(hidden, nhidden);
		cw_record_list_free(&tl);
	}
	free(cases);
	/* Among the people, longest first. */
	if (rc == 0 && r->ndetainees > first)
		qsort(r->detainees, r->ndetainees, sizeof *r->detainees, detainee_order);
	return rc;
}

/* People still in pretrial detention at the end of the range, as the records dated up to then
 * tell it, except that a detention whose end is dated after the range was running in it
 * (someone released since a past week is in that week's report); a detention a source
 * reports is counted to the date the source holds as of when that comes first. The
 * index of detentions names everyone who may be (store.h), each with a bound on their days,
 * longest first: the records of a person are read only while they could still be among the
 * longest. Then every group of unnamed defendants held (gather_groups). */
static int listed_person(const struct cw_report *r, const struct cw_id *person)
{
	for (size_t i = 0; i < r->ndetainees; i++)
		if (!r->detainees[i].group[0] && cw_id_equal(&r->detainees[i].person, person))
			return 1;
	return 0;
}

/* The people the period's milestones in l name (arrests, detentions), each once, considered
 * with `always` when the list does not hold them yet. */
static int consider_taken(struct cw_reader *rd, struct cw_matcher *m, struct cw_report *r,
			  const struct cw_record_list *l, struct cw_error *err)
{
	int rc = 0;

	for (size_t i = 0; i < l->n && rc == 0; i++) {
		const struct cw_milestone *ms = &l->items[i].u.milestone;

		if (l->items[i].kind != CW_KIND_MILESTONE || cw_id_is_zero(&ms->person) ||
		    !cw_timeline_starts_detention(ms) || listed_person(r, &ms->person))
			continue;
		rc = consider_detainee(rd, m, r, &ms->person, 1, err);
	}
	return rc;
}

/* consider_detainee for someone not yet read for this list (done: those already read, whom
 * their records gave an answer: a week's visits name the same people again and again, most of
 * them read already as held). */
static int consider_once(struct cw_reader *rd, struct cw_matcher *m, struct cw_report *r,
			 const struct cw_id *person, struct cw_idmap *done, struct cw_error *err)
{
	int added = cw_idmap_put(done, person, 1, NULL);

	if (added < 0)
		return oom(err);
	return added ? consider_detainee(rd, m, r, person, 0, err) : 0;
}

/* Whoever a record of the period finds held (a prison visit that met them, a refusal of their
 * bail or release, at a hearing of theirs: cw_hearing_bail_whom) and is not listed: their
 * detention may have ended before it in another account, and then their row says both (report.h:
 * held_after); one ended in every account stays out. Few: the period's visits and decisions. */
/* found_held for one record: the people it finds held (a visit's detainees met, a refusal's
 * person, the one a bail hearing's refusal is for). */
static int found_held_by(struct cw_reader *rd, struct cw_matcher *m, struct cw_report *r,
			 struct cw_idmap *done, const struct cw_record *rec, struct cw_error *err)
{
	int rc = 0;

	if (rec->kind == CW_KIND_VISIT) {
		const struct cw_visit *v = &rec->u.visit;

		for (size_t j = 0;
		     v->tally.count < 0 && !cw_visit_met_no_one(v) && j < v->detainees.n && rc == 0;
		     j++) {
			const struct cw_id *p =
				&((const struct cw_person_ref *)v->detainees.items)[j].person;

			if (!cw_id_is_zero(p) && !listed_person(r, p))
				rc = consider_once(rd, m, r, p, done, err);
		}
	} else if (rec->kind == CW_KIND_MILESTONE) {
		const struct cw_milestone *ms = &rec->u.milestone;

		if ((ms->type == CW_MS_BAIL || ms->type == CW_MS_RELEASE) &&
		    ms->outcome == CW_DECISION_REFUSED && !cw_id_is_zero(&ms->person) &&
		    !listed_person(r, &ms->person))
			rc = consider_once(rd, m, r, &ms->person, done, err);
	} else if (rec->kind == CW_KIND_HEARING && rec->u.hearing.bail == CW_BAIL_REFUSED) {
		struct cw_record kase;
		struct cw_id whom;
		int read;

		/* Refused to the one its record names, else to a case's only defendant, whom it
		 * need not name (of several, the hearing does not say to whom: models/record.h,
		 * cw_hearing_bail_whom; timeline.c refuses_release). A case held here that cannot
		 * be read is an error: read as none, whoever the refusal finds held would be left
		 * out of the list without a word. */
		if ((rc = cw_reader_get(rd, &rec->u.hearing.case_id, &kase, err)) == CW_ENOTFOUND)
			cw_error_clear(err);
		else if (rc != 0)
			return rc;
		read = rc == 0;
		rc = 0;
		if (cw_hearing_bail_whom(&rec->u.hearing,
					 read && kase.kind == CW_KIND_CASE ? &kase.u.kase : NULL,
					 &whom, NULL) != CW_HEARING_BAIL_NO_ONE &&
		    !cw_id_is_zero(&whom) && !listed_person(r, &whom))
			rc = consider_once(rd, m, r, &whom, done, err);
		if (read)
			cw_record_free(&kase);
	}
	return rc;
}

static int found_held_in(struct cw_reader *rd, struct cw_matcher *m, struct cw_report *r,
			 struct cw_idmap *done, const struct cw_record_list *l,
			 struct cw_error *err)
{
	int rc = 0;

	for (size_t i = 0; i < l->n && rc == 0; i++)
		rc = found_held_by(rd, m, r, done, &l->items[i], err);
	return rc;
}

/* With a filter, the records of the period (up to the day it counts to) that may find someone
 * held, as they are, into *out: its prison visits, milestones and hearings, unfiltered. A filter
 * narrows the period's lists to what it asks (a visit names no case or article), so these are
 * read again, once, for consider_found_held and then met_visits. Nothing without a filter (the
 * period's lists are those). CW_ENOMEM, a store error, or 0; *out is the caller's to free. */
static int period_held_records(struct cw_reader *rd, const struct cw_report *r,
			       struct cw_record_list *out, struct cw_error *err)
{
	struct cw_filter f;

	memset(out, 0, sizeof *out);
	if (cw_filter_is_empty(&r->filter))
		return 0;
	cw_filter_init(&f);
	f.kinds = CW_KIND_BIT(CW_KIND_VISIT) | CW_KIND_BIT(CW_KIND_MILESTONE) |
		  CW_KIND_BIT(CW_KIND_HEARING);
	f.since = r->from;
	f.until = r->held_to;
	return cw_reader_list(rd, &f, f.kinds, CW_ORDER_OLDEST_FIRST, 0, 0, out, err);
}

/* period: period_held_records. */
static int consider_found_held(struct cw_reader *rd, struct cw_matcher *m, struct cw_report *r,
			       struct cw_idmap *done, const struct cw_record_list *period,
			       struct cw_error *err)
{
	int rc;

	if (cw_filter_is_empty(&r->filter)) {
		if ((rc = found_held_in(rd, m, r, done, &r->visits, err)) == 0 &&
		    (rc = found_held_in(rd, m, r, done, &r->releases, err)) == 0 &&
		    (rc = found_held_in(rd, m, r, done, &r->hearings, err)) == 0)
			rc = found_held_in(rd, m, r, done, &r->hearings_set, err);
		return rc;
	}
	/* With a filter, the period's records as they are, the person's case then matched as
	 * any row's (a trial of an earlier round's changes lost the row under --case). */
	return found_held_in(rd, m, r, done, period, err);
}

/* ---- detained with no arrest or detention logged ----------------------------------------- */

static int unstarted_push(struct cw_report *r, const struct cw_report_detainee *d)
{
	struct cw_report_detainee *grown =
		realloc(r->unstarted, (r->nunstarted + 1) * sizeof *grown);

	if (!grown)
		return CW_ENOMEM;
	r->unstarted = grown;
	r->unstarted[r->nunstarted++] = *d;
	return 0;
}

/* The day a case's entry is known by when it gives no date, nor does the case: the day the case
 * was first recorded here (its creation). Before it nobody here knew of it, so a report of an
 * earlier week does not say they were held then. */
static struct cw_date undated_entry_known(const struct cw_record *kase)
{
	return cw_date_of_time(kase->created);
}

/* Whether an entry known on `known` (or, undated, by the case's recording) is known by the
 * period's end. */
static int entry_known_by(const struct cw_report *r, const struct cw_record *kase,
			  struct cw_date known)
{
	if (!cw_date_is_known(known))
		known = undated_entry_known(kase);
	return !cw_date_is_known(known) ||
	       cw_date_compare(cw_date_first_day(known), r->held_to) <= 0;
}

/* Whether the detainees list has the group `label` of the case (held where a start counts
 * it). */
static int group_listed(const struct cw_report *r, const struct cw_record *kase, const char *label)
{
	for (size_t i = 0; i < r->ndetainees; i++)
		if (r->detainees[i].group[0] && cw_id_equal(&r->detainees[i].case_id, &kase->id) &&
		    strcasecmp(r->detainees[i].group, label) == 0)
			return 1;
	return 0;
}

/* The date key of the last arrest or detention of the group `label` in the case's records
 * (confidential ones left out) dated up to the period's end (with any_date, dated at all: the
 * case's entry is dated by no account, cw_timeline_entry_dated); 0 when none. */
static uint32_t group_started(const struct cw_report *r, const struct cw_record_list *ev,
			      const char *label, int any_date)
{
	uint32_t last = 0;

	for (size_t i = 0; i < ev->n; i++) {
		const struct cw_milestone *m = &ev->items[i].u.milestone;

		if (ev->items[i].kind == CW_KIND_MILESTONE && cw_id_is_zero(&m->person) &&
		    m->group && strcasecmp(m->group, label) == 0 && cw_date_is_known(m->date) &&
		    (any_date || cw_date_compare(cw_date_first_day(m->date), r->held_to) <= 0) &&
		    cw_timeline_starts_detention(m) && cw_date_key(m->date) > last)
			last = cw_date_key(m->date);
	}
	return last;
}

/* The earliest end of the group's stretch begun at `start` (a date key), over by the period's
 * end: a milestone of the group that ends a detention, or a hearing of the case that ends the
 * group's (models/timeline.h); 0 when none. */
static uint32_t group_ended(const struct cw_report *r, const struct cw_record *kase,
			    const struct cw_record_list *ev, const char *label, uint32_t start,
			    const struct cw_record **by)
{
	uint32_t end = 0, to = cw_date_key(r->held_to);

	for (size_t i = 0; i < ev->n; i++) {
		const struct cw_record *rec = &ev->items[i];
		struct cw_date date = cw_record_date(rec);
		int ends;

		if (!cw_date_is_known(date) || cw_date_key(date) < start ||
		    cw_date_key(date) > to ||
		    cw_date_compare(cw_date_last_day(date), r->held_to) > 0)
			continue;
		ends = rec->kind == CW_KIND_MILESTONE
			       ? cw_id_is_zero(&rec->u.milestone.person) &&
					 rec->u.milestone.group &&
					 strcasecmp(rec->u.milestone.group, label) == 0 &&
					 cw_timeline_milestone_ends_detention(&rec->u.milestone)
			       : rec->kind == CW_KIND_HEARING &&
					 cw_timeline_hearing_ends_group_detention(&rec->u.hearing,
										  kase, label);
		if (ends && (!end || cw_date_key(date) < end)) {
			end = cw_date_key(date);
			*by = rec;
		}
	}
	return end;
}

/* The groups of one case held with no arrest or detention of theirs logged, as rows. */
static int unstarted_groups(struct cw_reader *rd, struct cw_report *r, const struct cw_record *kase,
			    struct cw_error *err)
{
	struct cw_record_list ms;
	const struct cw_case *k = &kase->u.kase;
	int rc;

	if ((rc = cw_reader_case_records(
		     rd, &kase->id, CW_KIND_BIT(CW_KIND_MILESTONE) | CW_KIND_BIT(CW_KIND_HEARING),
		     &ms, err)) != 0)
		return rc;
	if (detention_sift(r, &ms) != 0) {
		cw_record_list_free(&ms);
		return oom(err);
	}
	for (size_t i = 0; i < k->defendants.n && rc == 0; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)k->defendants.items + i;
		struct cw_report_detainee row;
		struct cw_date known = cw_timeline_entry_known(kase, d);
		const struct cw_record *end_by = NULL;
		uint32_t start, ended = 0;

		if (!cw_id_is_zero(&d->person) || !d->label || !*d->label ||
		    !cw_timeline_entry_held_pretrial(kase, d) || !entry_known_by(r, kase, known) ||
		    group_listed(r, kase, d->label) ||
		    !charged_under_filter(r, kase, NULL, d->label))
			continue;
		/* With a start by then, only held again: the entry known after that stretch
		 * ended, with no arrest or detention of the group logged since. */
		/* An entry dated by no account (undated, or by the case's opening alone) yields
		 * to a start dated after the period: it says when they were taken. */
		if ((start = group_started(r, &ms, d->label, !cw_timeline_entry_dated(kase, d))) &&
		    (!cw_date_is_known(known) ||
		     !(ended = group_ended(r, kase, &ms, d->label, start, &end_by)) ||
		     cw_date_compare(cw_date_last_day(cw_date_from_key(ended)),
				     cw_date_first_day(known)) >= 0))
			continue;
		memset(&row, 0, sizeof row);
		if (ended)
			row.since = cw_date_from_key(ended);
		snprintf(row.group, sizeof row.group, "%s", d->label);
		row.count = d->unnamed_count > 0 ? d->unnamed_count : -1;
		row.case_id = kase->id;
		row.to = known;
		if (!cw_date_is_known(known))
			row.recorded = undated_entry_known(kase);
		row.days = row.days_max = row.total = row.total_max = -1;
		row.views = cw_report_view_bit(kase);
		if (ended)
			r->unstarted_again += row.count > 0 ? (size_t)row.count : 1;
		/* A confidential end the row quotes is counted among what the report holds. */
		if (ended && end_by && end_by->confidential && !r->confidential.leave_out &&
		    cw_withheld_count(&r->confidential, &end_by->id) != 0)
			rc = oom(err);
		if (unstarted_push(r, &row) != 0)
			rc = oom(err);
		else if (row.count > 0)
			r->unstarted_people += (size_t)row.count;
		else {
			r->unstarted_people++;
			r->unstarted_uncounted++;
		}
	}
	cw_record_list_free(&ms);
	return rc;
}

/* Counts the record `id` among the confidential material a report holds, when it is. */
static int count_if_confidential(struct cw_reader *rd, struct cw_report *r, const struct cw_id *id,
				 struct cw_error *err)
{
	struct cw_record rec;
	int rc = cw_reader_get(rd, id, &rec, err);

	if (rc == CW_ENOTFOUND) {
		cw_error_clear(err);
		return 0;
	}
	if (rc != 0)
		return rc;
	if (rec.confidential && cw_withheld_count(&r->confidential, id) != 0)
		rc = oom(err);
	cw_record_free(&rec);
	return rc;
}

/* Whether the case's entry for the person says they are held before a verdict. */
static int person_held_pretrial(const struct cw_record *kase, const struct cw_id *person)
{
	for (size_t i = 0; i < kase->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase->u.kase.defendants.items + i;

		if (cw_id_equal(&d->person, person) && cw_timeline_entry_held_pretrial(kase, d))
			return 1;
	}
	return 0;
}

/* Whether the case's entry for the person that says they are held before a verdict is dated
 * by an account (cw_timeline_entry_dated), not by the case's opening alone. */
static int person_entry_dated(const struct cw_record *kase, const struct cw_id *person)
{
	for (size_t i = 0; i < kase->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase->u.kase.defendants.items + i;

		if (cw_id_equal(&d->person, person) && cw_timeline_entry_held_pretrial(kase, d))
			return cw_timeline_entry_dated(kase, d);
	}
	return 0;
}

/* Whether the person is held in pretrial detention at the end of the period in a case where
 * their detention has a start (cw_timeline_summarise over their records, as consider_detainee
 * reads them): then they are counted there, listed or not. */
static int held_elsewhere(struct cw_reader *rd, struct cw_report *r, const struct cw_id *person,
			  int *held, struct cw_error *err)
{
	struct cw_timeline_summary sum;
	struct cw_record_list tl;
	int rc;

	*held = 0;
	if ((rc = detention_records(rd, r, person, &tl, err)) != 0)
		return rc;
	cw_timeline_summarise(person, tl.items, tl.n, r->held_to, &sum);
	*held = sum.pretrial_ongoing;
	cw_record_list_free(&tl);
	return 0;
}

/* The access to a lawyer and to family of a person held with no dated arrest or detention
 * (a row of unstarted), at prison visits, as a detainee's row gives it (access_at_visit): from
 * their records as the report reads them (detention_records), up to the period's end, and
 * after the last of their detentions logged that ended before the row's case knew them held:
 * the one of the row's case (row->since: held again), or one of another case (bailed in one,
 * held with no date in another), whose visits are of a detention that is over. */
static int unstarted_access(struct cw_reader *rd, struct cw_report *r,
			    struct cw_report_detainee *row, struct cw_error *err)
{
	struct cw_timeline_summary sum;
	struct cw_record_list tl;
	struct cw_record *other;
	struct cw_date after = row->since;
	size_t n = 0;
	int rc = detention_records(rd, r, &row->person, &tl, err);

	if (rc != 0)
		return rc;
	if (!(other = malloc((tl.n ? tl.n : 1) * sizeof *other))) {
		cw_record_list_free(&tl);
		return oom(err);
	}
	/* Shallow copies, read only, of all but the row's case (its records are read through
	 * it, so that they are left out with it): the summary frees nothing. */
	for (size_t i = 0; i < tl.n; i++)
		if (tl.items[i].kind != CW_KIND_CASE ||
		    !cw_id_equal(&tl.items[i].id, &row->case_id))
			other[n++] = tl.items[i];
	cw_timeline_summarise(&row->person, other, n, r->held_to, &sum);
	free(other);
	/* Not one that ended surely after the row's case knew them held (row->to): held in both
	 * at once, that is one stretch, and its visits are of it (as a detainee's row reads a
	 * second case's detention that overlaps). */
	if (!sum.pretrial_ongoing &&
	    (sum.pretrial_to_kind == CW_PRETRIAL_TO_END ||
	     sum.pretrial_to_kind == CW_PRETRIAL_TO_ENDED_IN) &&
	    cw_date_is_known(sum.pretrial_to) &&
	    (!cw_date_is_known(row->to) ||
	     cw_date_compare(cw_date_first_day(sum.pretrial_to), cw_date_last_day(row->to)) < 0) &&
	    (!cw_date_is_known(after) ||
	     cw_date_compare(cw_date_last_day(sum.pretrial_to), cw_date_last_day(after)) > 0))
		after = sum.pretrial_to;
	if (access_at_visit(r, row, after, &tl) != 0)
		rc = oom(err);
	cw_record_list_free(&tl);
	return rc;
}

/* Whether record rec of the case kase, dated `on`, ends the person's detention there: a
 * milestone of theirs, or of everyone, that ends one, or a hearing that does. */
static int ends_on(const struct cw_record *rec, const struct cw_record *kase,
		   const struct cw_id *person, struct cw_date on)
{
	const struct cw_milestone *ms = &rec->u.milestone;

	if (rec->kind == CW_KIND_HEARING)
		return cw_date_compare(rec->u.hearing.date, on) == 0 &&
		       cw_timeline_hearing_ends_detention(&rec->u.hearing, kase, person);
	return rec->kind == CW_KIND_MILESTONE && cw_date_compare(ms->date, on) == 0 &&
	       (cw_id_equal(&ms->person, person) || (cw_id_is_zero(&ms->person) && !ms->group)) &&
	       cw_timeline_milestone_ends_detention(ms);
}

/* The case record of case_id among the person's records tl, NULL when it is not there (their
 * records of no case, or a case not read). */
static const struct cw_record *case_of(const struct cw_record_list *tl, const struct cw_id *case_id)
{
	for (size_t i = 0; i < tl->n; i++)
		if (tl->items[i].kind == CW_KIND_CASE && cw_id_equal(&tl->items[i].id, case_id))
			return &tl->items[i];
	return NULL;
}

/* The case a milestone or hearing is of (the zero id for a milestone of no case), NULL for
 * other records. */
static const struct cw_id *case_id_of(const struct cw_record *rec)
{
	if (rec->kind == CW_KIND_MILESTONE)
		return &rec->u.milestone.case_id;
	return rec->kind == CW_KIND_HEARING ? &rec->u.hearing.case_id : NULL;
}

/* Whether record rec of the case case_id (kase its record, or NULL) ends the person's custody
 * there: a milestone of theirs, or of everyone, that ends a detention, or a hearing that ends
 * theirs (models/timeline.h). */
static int ends_custody(const struct cw_record *rec, const struct cw_id *case_id,
			const struct cw_record *kase, const struct cw_id *person)
{
	const struct cw_milestone *ms = &rec->u.milestone;
	const struct cw_id *c = case_id_of(rec);

	if (!c || !cw_id_equal(c, case_id))
		return 0;
	if (rec->kind == CW_KIND_HEARING)
		return kase && cw_timeline_hearing_ends_detention(&rec->u.hearing, kase, person);
	return (cw_id_equal(&ms->person, person) || (cw_id_is_zero(&ms->person) && !ms->group)) &&
	       cw_timeline_milestone_ends_detention(ms);
}

/* Whether record rec (of its case, kase its record or NULL) finds the person held on its day
 * without starting a detention: a refusal of their bail or release, an extension of their
 * detention, a transfer between prisons, a hearing refusing the bail it decides for them
 * (cw_hearing_bail_whom: a hearing that merely names them decides no bail of theirs). */
static int finds_held(const struct cw_record *rec, const struct cw_record *kase,
		      const struct cw_id *person)
{
	const struct cw_milestone *ms = &rec->u.milestone;
	struct cw_id who;

	if (rec->kind == CW_KIND_HEARING)
		return kase && rec->u.hearing.bail == CW_BAIL_REFUSED &&
		       cw_hearing_bail_whom(&rec->u.hearing, &kase->u.kase, &who, NULL) !=
			       CW_HEARING_BAIL_NO_ONE &&
		       cw_id_equal(&who, person);
	return rec->kind == CW_KIND_MILESTONE && cw_id_equal(&ms->person, person) &&
	       (((ms->type == CW_MS_BAIL || ms->type == CW_MS_RELEASE) &&
		 ms->outcome == CW_DECISION_REFUSED) ||
		ms->type == CW_MS_DETENTION_EXTENDED || ms->type == CW_MS_TRANSFER);
}

/* The record that ends the person's custody begun (or found) on `from` in the case case_id
 * (kase its record, or NULL), of their records tl up to `day`, with the granularity of
 * models/timeline.h: the first end whose last day is not before the first day of `from` (an
 * end dated to the month that holds the start ends it), dated wholly by `day`; a bail decision
 * dated to a day gives way to the release after it (the first end since that is no bail
 * decision, dated to a day or to a month or year begun after the decision, by the clock's
 * today, with no start of theirs between). NULL when none is dated: *undated says whether an
 * end with no date is logged (it ended on a day not known), else the custody ran on to `day`
 * (a release after it, or none). */
static const struct cw_record *custody_end(const struct cw_record_list *tl,
					   const struct cw_id *case_id,
					   const struct cw_record *kase, const struct cw_id *person,
					   struct cw_date from, struct cw_date day, int *undated)
{
	const struct cw_record *first = NULL, *next = NULL;
	struct cw_date at;

	*undated = 0;
	for (size_t i = 0; i < tl->n; i++) {
		struct cw_date on = cw_record_date(&tl->items[i]);

		if (!ends_custody(&tl->items[i], case_id, kase, person))
			continue;
		if (!cw_date_is_known(on))
			*undated = 1;
		else if (cw_date_compare(cw_date_last_day(on), cw_date_first_day(from)) >= 0 &&
			 (!first ||
			  cw_date_compare(cw_date_first_day(on),
					  cw_date_first_day(cw_record_date(first))) < 0 ||
			  (cw_date_compare(on, cw_record_date(first)) == 0 &&
			   cw_timeline_decides_bail(first) &&
			   !cw_timeline_decides_bail(&tl->items[i]))))
			first = &tl->items[i];
	}
	if (!first || !cw_timeline_decides_bail(first) ||
	    cw_date_precision(at = cw_record_date(first)) != CW_DATE_DAY)
		return first && cw_date_compare(cw_date_last_day(cw_record_date(first)), day) <= 0
			       ? first
			       : NULL;
	for (size_t i = 0; i < tl->n; i++) {
		struct cw_date on = cw_record_date(&tl->items[i]);

		if (cw_date_is_known(on) && cw_date_compare(cw_date_first_day(on), at) >= 0 &&
		    !cw_timeline_decides_bail(&tl->items[i]) &&
		    ends_custody(&tl->items[i], case_id, kase, person) &&
		    (!next || cw_date_compare(on, cw_record_date(next)) < 0))
			next = &tl->items[i];
	}
	if (next && next->kind == CW_KIND_MILESTONE && next->u.milestone.type == CW_MS_RELEASE &&
	    (cw_date_precision(cw_record_date(next)) == CW_DATE_DAY ||
	     cw_date_compare(cw_date_first_day(cw_record_date(next)), at) > 0) &&
	    cw_date_compare(cw_date_first_day(cw_record_date(next)), cw_date_today()) <= 0) {
		for (size_t i = 0; i < tl->n && next; i++) {
			const struct cw_milestone *ms = &tl->items[i].u.milestone;

			if (tl->items[i].kind == CW_KIND_MILESTONE &&
			    cw_id_equal(&ms->case_id, case_id) &&
			    cw_id_equal(&ms->person, person) && cw_timeline_starts_detention(ms) &&
			    cw_date_is_known(ms->date) &&
			    cw_date_compare(cw_date_first_day(ms->date), at) > 0 &&
			    cw_date_compare(ms->date, cw_record_date(next)) <= 0)
				next = NULL;
		}
		if (next)
			first = next;
	}
	return cw_date_compare(cw_date_last_day(cw_record_date(first)), day) <= 0 ? first : NULL;
}

/* Whether the person is held again after the end of their last custody logged in any case,
 * when the case kase counts theirs there to `end` (the day-by-day rule, README "held again"):
 * of their records tl as the report reads them up to `day`, every other case's custody (from
 * an arrest or detention of theirs, or a record finding them held wholly after `end` and
 * before `before`, to the end that case logs for it: custody_end) must be over wholly before
 * `before`, the day the row finds them held (the entry's as-of date, the visit). One with no
 * end by `day`, or ended on or after `before`, may be the very custody the entry records: not
 * held again (0). One ended at a day not known counts so when it began after `end` (it may
 * have run past `before`); begun by then, it gives no end. Else the latest end of them is
 * their last: when it is later than `end`, *ended becomes it, *by its record and *views its
 * account; they stay as they are when it is `end`. 1 if so, 0 if not. */
static int last_ended_on(const struct cw_id *person, const struct cw_record *kase,
			 const struct cw_record_list *tl, struct cw_date day, struct cw_date end,
			 struct cw_date before, struct cw_date *ended, struct cw_id *by,
			 uint32_t *views)
{
	const struct cw_record *latest = NULL;
	struct cw_date last = end;

	if (!cw_date_is_known(before))
		return 0;
	for (size_t i = 0; i < tl->n; i++) {
		const struct cw_record *rec = &tl->items[i], *other, *closed;
		const struct cw_id *c = case_id_of(rec);
		struct cw_date from = cw_record_date(rec), on;
		int undated;

		if (!c || cw_id_equal(c, &kase->id) || !cw_date_is_known(from) ||
		    cw_date_compare(cw_date_first_day(from), day) > 0)
			continue;
		other = case_of(tl, c);
		if (!(rec->kind == CW_KIND_MILESTONE &&
		      cw_id_equal(&rec->u.milestone.person, person) &&
		      cw_timeline_starts_detention(&rec->u.milestone)) &&
		    !(finds_held(rec, other, person) &&
		      cw_date_compare(cw_date_first_day(from), cw_date_last_day(end)) > 0 &&
		      cw_date_compare(cw_date_first_day(from), cw_date_first_day(before)) < 0))
			continue;
		if (!(closed = custody_end(tl, c, other, person, from, day, &undated))) {
			if (undated &&
			    cw_date_compare(cw_date_first_day(from), cw_date_last_day(end)) <= 0)
				continue;
			return 0;
		}
		on = cw_record_date(closed);
		if (cw_date_compare(cw_date_last_day(on), cw_date_first_day(before)) >= 0)
			return 0;
		if (cw_date_compare(cw_date_last_day(on), cw_date_last_day(last)) > 0)
			last = on, latest = closed;
	}
	if (cw_date_compare(cw_date_last_day(last), cw_date_first_day(before)) >= 0)
		return 0;
	if (latest) {
		*ended = last;
		*by = latest->id;
		*views = cw_view_bit(latest->view);
	}
	return 1;
}

/* Whether the person's last detention logged in the case kase, of their records tl as the
 * report reads them, ended wholly before the day met_on: the summary of the case's own records
 * (its milestones and hearings: a visit neither starts nor ends one) at that day counts it to
 * an end whose last day is before it (a release dated only to that day's month may have come
 * after it, and a bail decided before it with the release after it left them held), and the
 * records of all their cases have them held again after their last detention's end by then
 * (last_ended_on: none logged in another case after it, nor held there past it, the visit may
 * be of that one). Then *ended is the end of their last detention, of this case or, ended
 * later, of another, *by the record of it (zero when none is found) and *views its account. 1
 * if so, 0 if not, -1 out of memory. */
static int ended_before_visit(const struct cw_id *person, const struct cw_record *kase,
			      const struct cw_record_list *tl, struct cw_date met_on,
			      struct cw_date *ended, struct cw_id *by, uint32_t *views)
{
	struct cw_timeline_summary sum;
	struct cw_record *mine = malloc((tl->n ? tl->n : 1) * sizeof *mine);
	size_t n = 0;
	int over;

	if (!mine)
		return -1;
	/* Shallow copies, read only: the summary frees nothing. */
	for (size_t i = 0; i < tl->n; i++) {
		const struct cw_record *rec = &tl->items[i];

		if ((rec->kind == CW_KIND_CASE && cw_id_equal(&rec->id, &kase->id)) ||
		    (rec->kind == CW_KIND_MILESTONE &&
		     cw_id_equal(&rec->u.milestone.case_id, &kase->id)) ||
		    (rec->kind == CW_KIND_HEARING &&
		     cw_id_equal(&rec->u.hearing.case_id, &kase->id)))
			mine[n++] = *rec;
	}
	cw_timeline_summarise(person, mine, n, met_on, &sum);
	over = !sum.pretrial_ongoing && sum.pretrial_to_kind == CW_PRETRIAL_TO_END &&
	       cw_date_is_known(sum.pretrial_to) &&
	       cw_date_compare(cw_date_last_day(sum.pretrial_to), met_on) < 0;
	if (over) {
		*ended = sum.pretrial_to;
		*views = cw_view_bit(sum.pretrial_end_view);
		memset(by, 0, sizeof *by);
		/* The record of that end, for the confidential material the row quotes. */
		for (size_t i = 0; i < n && cw_id_is_zero(by); i++)
			if (ends_on(&mine[i], kase, person, sum.pretrial_to))
				*by = mine[i].id;
	}
	free(mine);
	/* Their last detention logged in any case, by the visit: one logged in another case
	 * after this end and ended before the visit is the end they are held again since; the
	 * visit may be of one not ended. */
	return over ? last_ended_on(person, kase, tl, met_on, sum.pretrial_to, met_on, ended, by,
				    views)
		    : 0;
}

/* The case of the person's records tl (as the report reads them) whose entry says they are
 * held before a verdict, that the filter m admits, known only after the period (a case opened,
 * or recorded here, since: not in the index of cw_reader_detained_unstarted), where nothing
 * logged says when they were taken into the detention a prison visit of the period found them
 * in on met_on: NULL when none, else *known the day its entry is known by. Either no arrest or
 * detention of theirs is logged in it (*ended unknown), or every one is dated wholly before the
 * visit and the last detention ended before it (ended_before_visit): held again, with no arrest
 * or detention logged since, *ended that end, *by its record and *views its account. A start of
 * theirs in it not wholly before the visit says when they were taken there, and the visit may be
 * of another detention. */
static const struct cw_record *case_entered_later(struct cw_report *r, struct cw_matcher *m,
						  const struct cw_id *person,
						  const struct cw_record_list *tl,
						  struct cw_date met_on, struct cw_date *known,
						  struct cw_date *ended, struct cw_id *by,
						  uint32_t *views, int *rc, struct cw_error *err)
{
	for (size_t i = 0; i < tl->n && *rc == 0; i++) {
		const struct cw_record *k = &tl->items[i];
		const struct cw_defendant *entry = NULL;
		struct cw_date end = {0, 0, 0};
		struct cw_id end_by = {0};
		uint32_t end_views = 0;
		int match = 0, started = 0, late = 0;

		if (k->kind != CW_KIND_CASE || !person_held_pretrial(k, person))
			continue;
		for (size_t j = 0; j < k->u.kase.defendants.n && !entry; j++) {
			const struct cw_defendant *d =
				(const struct cw_defendant *)k->u.kase.defendants.items + j;

			if (cw_id_equal(&d->person, person) &&
			    cw_timeline_entry_held_pretrial(k, d))
				entry = d;
		}
		if (!entry || entry_known_by(r, k, cw_timeline_entry_known(k, entry)) ||
		    !charged_under_filter(r, k, person, NULL))
			continue;
		for (size_t j = 0; j < tl->n && !late; j++) {
			const struct cw_milestone *ms = &tl->items[j].u.milestone;

			if (tl->items[j].kind == CW_KIND_MILESTONE &&
			    cw_id_equal(&ms->case_id, &k->id) && cw_id_equal(&ms->person, person) &&
			    cw_timeline_starts_detention(ms)) {
				started = 1;
				late = !cw_date_is_known(ms->date) ||
				       cw_date_compare(cw_date_last_day(ms->date), met_on) >= 0;
			}
		}
		if (late)
			continue;
		if (started) {
			int over = ended_before_visit(person, k, tl, met_on, &end, &end_by,
						      &end_views);

			if (over < 0) {
				*rc = oom(err);
				break;
			}
			if (!over)
				continue;
		}
		if ((*rc = cw_matcher_test(m, k, &match, err)) == 0 && match) {
			*known = cw_timeline_entry_known(k, entry);
			if (!cw_date_is_known(*known))
				*known = undated_entry_known(k);
			*ended = end;
			*by = end_by;
			*views = end_views;
			return k;
		}
	}
	return NULL;
}

/* The period's prison visits (up to the day it counts to) that may have met someone a row of
 * unstarted_met lists, into *out: r->visits, or with a filter, which narrows those to what it
 * asks (a visit names no case: a case's report lost the row), the visits of period
 * (period_held_records, read once for consider_found_held too), taken out of it, as the report
 * reads them: what it withholds left out, the accounts it leaves out too, no tally. CW_ENOMEM
 * or 0; *out is the caller's to free either way (empty when r->visits is used). */
static int met_visits(struct cw_report *r, struct cw_record_list *period,
		      struct cw_record_list *out, const struct cw_record_list **visits,
		      struct cw_error *err)
{
	size_t w = 0, kept = 0;
	int failed = 0;

	memset(out, 0, sizeof *out);
	*visits = &r->visits;
	if (cw_filter_is_empty(&r->filter))
		return 0;
	/* In the period's order (by date, then id, whatever the kinds read), as a read of its
	 * visits alone gives them. */
	for (size_t i = 0; i < period->n; i++)
		if (period->items[i].kind != CW_KIND_VISIT || failed ||
		    (failed = cw_record_list_push(out, &period->items[i]) != 0))
			period->items[kept++] = period->items[i]; /* still period's to free */
	period->n = kept;
	if (failed)
		return oom(err);
	if (cw_withheld_sift(&r->confidential, out, 0) != 0)
		return oom(err);
	for (size_t i = 0; i < out->n; i++) {
		if (!is_tally(&out->items[i]) &&
		    (!r->filter.accounts ||
		     (r->filter.accounts & cw_report_view_bit(&out->items[i]))))
			out->items[w++] = out->items[i];
		else
			cw_record_free(&out->items[i]);
	}
	out->n = w;
	*visits = out;
	return 0;
}

/* A row of unstarted_met, the day its case's entry is known by, the order it was found in,
 * whether the visit it gives is confidential, and the record of the end it quotes (held again:
 * zero when none). */
struct met_row {
	struct cw_report_detainee row;
	struct cw_date known;
	size_t found;
	int confidential;
	struct cw_id ended_by;
};

/* The most recently recorded first, then as found (qsort is not stable). */
static int met_row_order(const void *a, const void *b)
{
	const struct met_row *x = a, *y = b;
	int c = cw_date_compare(cw_date_first_day(y->known), cw_date_first_day(x->known));

	return c ? c : (x->found > y->found) - (x->found < y->found);
}

/* People a prison visit of the period met (not one refused access: it met no one) whose case
 * says they are held before a verdict but was entered after the period (case_entered_later):
 * the visit is what the records give of their being held on its day, so they are listed with
 * those held with no dated arrest, from the latest such visit (met_on), never with days. Held
 * again (a detention logged in the case ended before that visit, none logged since), the row
 * gives the end in `since`, as a row of a case entered in time does, and is counted among
 * those held again too: neither the day they were taken again nor their days since are known,
 * only that the visit found them held after the end. The
 * row stands on the visit, as a detainee's row stands on the arrest it counts from: under
 * --account the visit's account is the one asked for (met_visits), the case only saying that
 * they are held, whatever its account, as a case's entries are read for any row (any_account:
 * the cases the filter admits but for their account; m: the filter's own, for the person).
 * counted holds the people gather_unstarted counted, and takes these. Their cases were entered
 * after the period, later than any entry gather_unstarted lists (known by its end): they are
 * the most recently recorded, so they come first, the most recent first, and take the places
 * of the people listed last when more than CW_REPORT_DETAINEES_MAX are (the summary says those
 * listed are the most recently recorded). Few: the detainees of the period's visits, each read
 * once. */
static int unstarted_met(struct cw_reader *rd, struct cw_matcher *m, struct cw_matcher *any_account,
			 struct cw_report *r, const struct cw_idmap *candidates,
			 struct cw_idmap *counted, struct cw_record_list *period,
			 struct cw_error *err)
{
	struct cw_idmap seen = {0}; /* person: their index in people */
	struct met {
		struct cw_id person;
		size_t visit; /* in visits: the latest that met them */
	} *people = NULL;
	struct met_row *rows = NULL;
	struct cw_report_detainee *merged = NULL;
	struct cw_record_list read;
	const struct cw_record_list *visits;
	size_t npeople = 0, nrows = 0, nlisted, kept = 0, n = 0;
	int rc = met_visits(r, period, &read, &visits, err);

	for (size_t i = 0; i < visits->n && rc == 0; i++) {
		const struct cw_record *v = &visits->items[i];
		const struct cw_person_ref *met = v->u.visit.detainees.items;

		if (v->kind != CW_KIND_VISIT || cw_visit_met_no_one(&v->u.visit) ||
		    cw_date_precision(v->u.visit.date) != CW_DATE_DAY ||
		    cw_date_compare(v->u.visit.date, r->held_to) > 0)
			continue;
		for (size_t j = 0; j < v->u.visit.detainees.n && rc == 0; j++) {
			struct met *grown;
			size_t at;

			if (listed_person(r, &met[j].person) ||
			    cw_idmap_get(counted, &met[j].person, NULL) ||
			    !cw_matcher_admits_person(m, &met[j].person))
				continue;
			if (cw_idmap_get(&seen, &met[j].person, &at)) {
				if (cw_date_compare(v->u.visit.date,
						    visits->items[people[at].visit].u.visit.date) >
				    0)
					people[at].visit = i;
				continue;
			}
			if (!(grown = realloc(people, (npeople + 1) * sizeof *grown)) ||
			    cw_idmap_put(&seen, &met[j].person, npeople, NULL) < 0) {
				people = grown ? grown : people;
				rc = oom(err);
				break;
			}
			people = grown;
			people[npeople++] = (struct met){met[j].person, i};
		}
	}
	for (size_t i = 0; i < npeople && rc == 0; i++) {
		const struct cw_record *kase, *v;
		struct cw_record_list tl;
		struct cw_report_detainee row;
		struct met_row *grown;
		const struct cw_id *person = &people[i].person;
		struct cw_date known = {0, 0, 0}, ended = {0, 0, 0};
		struct cw_id ended_by = {0};
		uint32_t ended_views = 0;
		int held = 0;

		if (cw_idmap_get(candidates, person, NULL) &&
		    ((rc = held_elsewhere(rd, r, person, &held, err)) != 0 || held))
			continue;
		if ((rc = detention_records(rd, r, person, &tl, err)) != 0)
			break;
		v = &visits->items[people[i].visit];
		if (!(kase = case_entered_later(r, any_account, person, &tl, v->u.visit.date,
						&known, &ended, &ended_by, &ended_views, &rc,
						err))) {
			cw_record_list_free(&tl);
			continue;
		}
		memset(&row, 0, sizeof row);
		row.person = *person;
		row.count = 1;
		row.case_id = kase->id;
		row.met_visit = v->id;
		row.met_on = v->u.visit.date;
		/* Held again: since the end of their last detention logged, as a row of a case
		 * entered in time gives it (gather_unstarted), whose account it is besides. */
		row.since = ended;
		row.days = row.days_max = row.total = row.total_max = -1;
		row.views = cw_report_view_bit(kase) | cw_report_view_bit(v) | ended_views;
		cw_record_list_free(&tl);
		r->unstarted_people++;
		r->unstarted_named++;
		r->unstarted_met++;
		r->unstarted_again += cw_date_is_known(ended);
		if (cw_idmap_put(counted, person, 0, NULL) < 0 ||
		    !(grown = realloc(rows, (nrows + 1) * sizeof *grown))) {
			rc = oom(err);
			break;
		}
		rows = grown;
		rows[nrows] = (struct met_row){row, known, nrows, v->confidential, ended_by};
		nrows++;
	}
	/* The most recently recorded first (of one day, as the visits met them). */
	if (rc == 0 && nrows > 1)
		qsort(rows, nrows, sizeof *rows, met_row_order);
	nlisted = nrows < CW_REPORT_DETAINEES_MAX ? nrows : CW_REPORT_DETAINEES_MAX;
	for (size_t i = 0; i < nlisted && rc == 0; i++) {
		rc = unstarted_access(rd, r, &rows[i].row, err);
		/* a confidential visit the row gives (put in on request) is material the header
		 * counts, read here or among the period's */
		if (rc == 0 && rows[i].confidential && !r->confidential.leave_out &&
		    cw_withheld_count(&r->confidential, &rows[i].row.met_visit) != 0)
			rc = oom(err);
		/* and so is a confidential end it quotes, as for a row held again in a case
		 * entered in time */
		if (rc == 0 && !cw_id_is_zero(&rows[i].ended_by) && !r->confidential.leave_out)
			rc = count_if_confidential(rd, r, &rows[i].ended_by, err);
	}
	if (rc == 0 && nlisted && !(merged = malloc((nlisted + r->nunstarted) * sizeof *merged)))
		rc = oom(err);
	if (rc == 0 && nlisted) {
		for (size_t i = 0; i < nlisted; i++)
			merged[n++] = rows[i].row;
		/* Every group stays; of the people listed, those recorded least recently go. */
		for (size_t i = 0; i < r->nunstarted; i++)
			if (r->unstarted[i].group[0] || kept++ < CW_REPORT_DETAINEES_MAX - nlisted)
				merged[n++] = r->unstarted[i];
		free(r->unstarted);
		r->unstarted = merged;
		r->nunstarted = n;
	}
	free(rows);
	free(people);
	cw_idmap_free(&seen);
	cw_record_list_free(&read);
	return rc;
}

/* For a person whose case entered in time holds them again (cw_unstarted u: as of u->known)
 * since u->ended, the end of their last detention logged in it: *last, whether they are held
 * again after the end of their last detention logged in any case by the period's end
 * (last_ended_on, as unstarted_met asks of a case entered after it, to the end of the period
 * as the index looks in the case itself), over their records as the report reads them. One
 * logged in another case that ended later, before the entry's as-of date, is that last one:
 * u->ended and u->ended_by become its end and its record, and *views its account. */
static int held_again_last(struct cw_reader *rd, struct cw_report *r, struct cw_unstarted *u,
			   const struct cw_record *kase, uint32_t *views, int *last,
			   struct cw_error *err)
{
	struct cw_record_list tl;
	int rc = detention_records(rd, r, &u->person, &tl, err);

	if (rc != 0)
		return rc;
	if ((*last = last_ended_on(&u->person, kase, &tl, r->held_to, u->ended, u->known, &u->ended,
				   &u->ended_by, views)) < 0)
		rc = oom(err);
	cw_record_list_free(&tl);
	return rc;
}

/* Whoever a case the filter admits records as detained, known so by the period's end, with no
 * arrest or detention of theirs in it dated up to then: the index names them (store.h), the
 * case is read for the filter, what is withheld and its groups. People held in pretrial
 * detention in another case (candidates: the index's, by person) are counted there, listed
 * or not, and not here. */
static int gather_unstarted(struct cw_reader *rd, struct cw_matcher *m,
			    struct cw_matcher *any_account, struct cw_report *r,
			    const struct cw_idmap *candidates, struct cw_record_list *period,
			    struct cw_error *err)
{
	struct cw_unstarted *u = NULL;
	struct cw_idmap counted = {0}; /* the people counted: each once, whatever their cases */
	/* The confidential end each row listed quotes, counted once the rows are known
	 * (unstarted_met may take a row's place). */
	struct quoted_end {
		struct cw_id person, by;
	} *ends = NULL;
	size_t n = 0, listed = 0, nends = 0;
	int rc;

	if (!m)
		return 0;
	if ((rc = cw_reader_detained_unstarted(rd, r->held_to, detention_sight(r), &u, &n, err)) !=
	    0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		int person = !cw_id_is_zero(&u[i].person), match = 0, last = 1;
		uint32_t end_views = 0; /* the account of a later end another case logged */
		struct cw_record_list one = {0};
		struct cw_record kase;

		if (person ? !cw_matcher_admits_person(m, &u[i].person) ||
				     listed_person(r, &u[i].person) ||
				     cw_idmap_get(&counted, &u[i].person, NULL)
			   : r->filter.person[0] != 0)
			continue;
		if ((rc = cw_reader_get(rd, &u[i].case_id, &kase, err)) == CW_ENOTFOUND) {
			cw_error_clear(err);
			rc = 0;
			continue;
		}
		if (rc != 0)
			break;
		if (kase.kind != CW_KIND_CASE || cw_record_list_push(&one, &kase) != 0) {
			int is_case = kase.kind == CW_KIND_CASE; /* freeing clears it */

			cw_record_free(&kase);
			if (is_case)
				rc = oom(err);
			continue;
		}
		/* A confidential case tells nothing here either. */
		if (cw_withheld_sift(&r->confidential, &one, 0) != 0) {
			cw_record_list_free(&one);
			rc = oom(err);
			break;
		}
		if (one.n == 1 && (rc = cw_matcher_test(m, &one.items[0], &match, err)) == 0 &&
		    match && person && cw_idmap_get(candidates, &u[i].person, NULL)) {
			int held;

			if ((rc = held_elsewhere(rd, r, &u[i].person, &held, err)) == 0 && held) {
				match = 0;
				if (cw_idmap_put(&counted, &u[i].person, 0, NULL) < 0)
					rc = oom(err);
			}
		}
		if (rc == 0 && one.n == 1 && match) {
			if (!person) {
				rc = unstarted_groups(rd, r, &one.items[0], err);
			} else if (!person_held_pretrial(&one.items[0], &u[i].person)) {
				/* the index is ahead of a rule the case no longer meets */
			} else if (!charged_under_filter(r, &one.items[0], &u[i].person, NULL)) {
				/* found by a co-defendant's charge, not charged so in it */
			} else if (cw_date_is_known(u[i].taken_later) &&
				   !person_entry_dated(&one.items[0], &u[i].person)) {
				/* taken after the period: the entry's only date is the case's
				 * opening, no day they were seen held */
			} else if (!entry_known_by(r, &one.items[0], u[i].known)) {
				/* undated, and the case recorded here after the period */
			} else if (cw_date_is_known(u[i].ended) &&
				   ((rc = held_again_last(rd, r, &u[i], &one.items[0], &end_views,
							  &last, err)) != 0 ||
				    !last)) {
				/* a detention logged in another case after the end, not ended
				 * by then or ended after the entry's as-of date: "held again
				 * since" no end is left to say, and that one may be their
				 * custody; not listed so */
			} else {
				struct cw_report_detainee row;

				r->unstarted_people++;
				r->unstarted_again += cw_date_is_known(u[i].ended);
				r->unstarted_named++;
				if (cw_idmap_put(&counted, &u[i].person, 0, NULL) < 0)
					rc = oom(err);
				memset(&row, 0, sizeof row);
				row.person = u[i].person;
				row.count = 1;
				row.case_id = u[i].case_id;
				row.to = u[i].known;
				if (!cw_date_is_known(u[i].known))
					row.recorded = undated_entry_known(&one.items[0]);
				row.since = u[i].ended; /* held again since then, if known */
				row.days = row.days_max = row.total = row.total_max = -1;
				row.views = cw_report_view_bit(&one.items[0]) | end_views;
				/* Their access at visits, for a row that is listed. */
				if (rc == 0 && listed < CW_REPORT_DETAINEES_MAX)
					rc = unstarted_access(rd, r, &row, err);
				if (rc == 0 && listed++ < CW_REPORT_DETAINEES_MAX) {
					struct quoted_end *grown;

					if (unstarted_push(r, &row) != 0)
						rc = oom(err);
					/* A confidential end the row quotes is material the
					 * header counts (with confidential records put in; left
					 * out, it is not taken). */
					else if (cw_date_is_known(u[i].ended) &&
						 !r->confidential.leave_out) {
						if (!(grown = realloc(ends,
								      (nends + 1) * sizeof *grown)))
							rc = oom(err);
						else
							(ends = grown)[nends++] =
								(struct quoted_end){u[i].person,
										    u[i].ended_by};
					}
				}
			}
		}
		cw_record_list_free(&one);
	}
	free(u);
	if (rc == 0)
		rc = unstarted_met(rd, m, any_account, r, candidates, &counted, period, err);
	cw_idmap_free(&counted);
	for (size_t i = 0; rc == 0 && i < r->nunstarted; i++)
		for (size_t j = 0; rc == 0 && j < nends; j++)
			if (!r->unstarted[i].group[0] &&
			    cw_id_equal(&r->unstarted[i].person, &ends[j].person))
				rc = count_if_confidential(rd, r, &ends[j].by, err);
	free(ends);
	for (size_t i = 0; rc == 0 && i < r->nunstarted; i++) {
		if (!cw_id_is_zero(&r->unstarted[i].person))
			rc = ref_add(rd, r, &r->unstarted[i].person, err);
		if (rc == 0)
			rc = ref_add(rd, r, &r->unstarted[i].case_id, err);
		/* The visits that give their access, for their ids. */
		if (rc == 0)
			rc = ref_add(rd, r, &r->unstarted[i].lawyer_at_visit.visit, err);
		if (rc == 0)
			rc = ref_add(rd, r, &r->unstarted[i].family_at_visit.visit, err);
		if (rc == 0)
			rc = ref_add(rd, r, &r->unstarted[i].lawyer_at_visit.later, err);
		if (rc == 0)
			rc = ref_add(rd, r, &r->unstarted[i].family_at_visit.later, err);
		/* The visit that met them, for its id (unstarted_met). */
		if (rc == 0)
			rc = ref_add(rd, r, &r->unstarted[i].met_visit, err);
	}
	return rc;
}

/* A matcher of the cases filter f admits, as the report shows them when it is written for
 * others (free text does not find a case by a confidential name). */
static int case_matcher(struct cw_reader *rd, const struct cw_report *r, const struct cw_filter *f,
			struct cw_matcher **m, struct cw_error *err)
{
	return r->shown ? cw_reader_matcher_as_shown(rd, f, f->kinds, m, err)
			: cw_reader_matcher(rd, f, f->kinds, m, err);
}

static int gather_detainees(struct cw_reader *rd, struct cw_report *r, struct cw_error *err)
{
	struct cw_detention_candidate *cand = NULL;
	struct cw_matcher *m = NULL, *mc = NULL;
	struct cw_filter f, fc;
	struct cw_date none = {0, 0, 0};
	struct cw_idmap done = {0}; /* the people read for the list, whatever it made of them */
	struct cw_record_list period = {0}; /* period_held_records */
	size_t ncand = 0;
	int rc;

	if (!narrow(r, CW_KIND_MILESTONE, none, none, &f))
		return 0;
	f.kinds = CW_KIND_BIT(CW_KIND_CASE);
	/* A row counted from an arrest or detention rests on the accounts of its records
	 * (detention_sift), whatever the case's own account: a report of the team's account
	 * lists the person the team saw arrested in a case the UN recorded (a trial found them
	 * "not listed: no record this report shows says they were held"). A row held with no
	 * arrest logged rests on the case's entry alone: its case must be of the accounts asked
	 * for (mc). */
	fc = f;
	f.accounts = 0;
	if ((rc = cw_reader_detention_candidates(rd, r->held_to, detention_sight(r), &cand, &ncand,
						 err)) == 0 &&
	    (rc = case_matcher(rd, r, &f, &m, err)) == 0 &&
	    (rc = case_matcher(rd, r, &fc, &mc, err)) == 0)
		for (size_t i = 0; i < ncand && rc == 0; i++) {
			/* Nobody after this one can have more days than the last listed; but one
			 * whose length the records may not give is listed whatever it is. */
			if (detainees_shortest_longest(r) >= 0 &&
			    cand[i].bound < detainees_shortest_longest(r) && !cand[i].maybe_unknown)
				continue;
			rc = consider_once(rd, m, r, &cand[i].person, &done, err);
		}
	/* Whoever was arrested or detained during the period and is still held is listed
	 * whatever their length: the summary counts them ("2 people were taken into pretrial
	 * detention ...; 1 of them is listed below"), and "not listed" must not come of a short
	 * stay beside ten long ones. Few: the period's own arrests and detentions. */
	if (rc == 0 && m && (rc = consider_taken(rd, m, r, &r->detentions, err)) == 0 &&
	    (rc = consider_taken(rd, m, r, &r->arrests, err)) == 0 &&
	    (rc = period_held_records(rd, r, &period, err)) == 0)
		rc = consider_found_held(rd, m, r, &done, &period, err);
	cw_idmap_free(&done);
	if (rc == 0)
		rc = gather_groups(rd, m, r, err);
	if (rc == 0) {
		/* Who may be held in a case where their detention has a start. */
		struct cw_idmap candidates = {0};

		for (size_t i = 0; i < ncand && rc == 0; i++)
			if (cw_idmap_put(&candidates, &cand[i].person, 0, NULL) < 0)
				rc = oom(err);
		if (rc == 0)
			rc = gather_unstarted(rd, mc, m, r, &candidates, &period, err);
		cw_idmap_free(&candidates);
	}
	cw_matcher_free(m);
	cw_matcher_free(mc);
	cw_record_list_free(&period);
	free(cand);
	for (size_t i = 0; rc == 0 && i < r->ndetainees; i++) {
		struct cw_id person = r->detainees[i].person, kase = r->detainees[i].case_id;

		if ((cw_id_is_zero(&person) || (rc = ref_add(rd, r, &person, err)) == 0))
			rc = ref_add(rd, r, &kase, err);
		/* The records the row's start is told by, for their sources (zero: none). */
		if (rc == 0)
			rc = ref_add(rd, r, &r->detainees[i].start_id, err);
		if (rc == 0)
			rc = ref_add(rd, r, &r->detainees[i].start_other_id, err);
		/* The visits that give their access, for their ids. */
		if (rc == 0)
			rc = ref_add(rd, r, &r->detainees[i].lawyer_at_visit.visit, err);
		if (rc == 0)
			rc = ref_add(rd, r, &r->detainees[i].family_at_visit.visit, err);
		if (rc == 0)
			rc = ref_add(rd, r, &r->detainees[i].lawyer_at_visit.later, err);
		if (rc == 0)
			rc = ref_add(rd, r, &r->detainees[i].family_at_visit.later, err);
	}
	return rc;
}

/* r->hearing_counted as the counts take each hearing (count_period): the account of its event
 * counted in the period (the team's first, else the first), or CW_REPORT_ELSEWHERE as
 * accounts_across found. NULL when no hearing is linked; 0 or CW_ENOMEM. */
static int hearings_counted(struct cw_report *r, const struct events *e)
{
	int linked = r->hearing_counted != NULL;

	for (size_t i = 0; e->root && i < r->hearings.n && !linked; i++)
		linked = e->big[e->root[i]];
	if (!linked)
		return 0;
	if (!r->hearing_counted) {
		if (!(r->hearing_counted = malloc(r->hearings.n * sizeof *r->hearing_counted)))
			return CW_ENOMEM;
		for (size_t i = 0; i < r->hearings.n; i++)
			r->hearing_counted[i] = i;
	}
	for (size_t i = 0; i < r->hearings.n; i++)
		if (r->hearing_counted[i] != CW_REPORT_ELSEWHERE)
			r->hearing_counted[i] = event_counted_at(e, i);
	return 0;
}

/* Whether an account of the event `root` (of src) set the day of the logged hearing `held` as
 * its case's next date. */
static int set_by_account(const struct cw_record_list *src, const struct events *ev, size_t root,
			  const struct cw_record *held)
{
	for (size_t j = 0; j < src->n; j++) {
		const struct cw_hearing *h = &src->items[j].u.hearing;

		if (ev->root[j] == root && cw_id_equal(&h->case_id, &held->u.hearing.case_id) &&
		    cw_date_precision(h->next_date) == CW_DATE_DAY &&
		    cw_date_compare(h->next_date, held->u.hearing.date) == 0)
			return 1;
	}
	return 0;
}

int cw_report_upcoming_same(const struct cw_record_list *src, const struct cw_withheld *shown,
			    const struct cw_report_upcoming *items, size_t n, size_t **same)
{
	static const struct cw_record_list none = {NULL, 0, 0};
	struct events ev;
	int any = 0;

	*same = NULL;
	if (events_make_as(&ev, src, &none, shown, NULL) != 0)
		return CW_ENOMEM;
	if (!ev.root || !n) {
		events_free(&ev);
		return 0;
	}
	if (!(*same = malloc(n * sizeof **same))) {
		events_free(&ev);
		return CW_ENOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const struct cw_report_upcoming *u = &items[i];
		size_t root = ev.root[u->hearing - src->items];

		(*same)[i] = SIZE_MAX;
		for (size_t k = 0; k < i && u->from_next_date; k++) {
			const struct cw_report_upcoming *o = &items[k];

			if (o->from_next_date && (*same)[k] == SIZE_MAX &&
			    ev.root[o->hearing - src->items] == root) {
				(*same)[i] = k;
				any = 1;
				break;
			}
		}
		/* Or the hearing logged for the day another account of its event set: the team
		 * said 3 March and logged that hearing, the government said 10 March. */
		for (size_t k = 0; k < n && u->from_next_date && (*same)[i] == SIZE_MAX; k++)
			if (!items[k].from_next_date &&
			    set_by_account(src, &ev, root, items[k].hearing)) {
				(*same)[i] = k;
				any = 1;
			}
	}
	events_free(&ev);
	if (!any) {
		free(*same);
		*same = NULL;
	}
	return 0;
}

/* r->upcoming_same (cw_report_upcoming_same). 0 or CW_ENOMEM. */
static int upcoming_accounts(struct cw_report *r)
{
	return cw_report_upcoming_same(&r->upcoming_src, &r->confidential, r->upcoming,
				       r->nupcoming, &r->upcoming_same);
}

/* The accounts near a period are sifted as its own are: a tally is no event, a hearing only
 * set was not held. 0 or CW_ENOMEM. */
static int near_sift(struct period *p)
{
	for (size_t k = 0; k < NEARS; k++) {
		struct cw_record_list *l[2] = {&p->near[k].before, &p->near[k].after};

		for (size_t j = 0; j < 2; j++) {
			if (k == NEAR_HEARINGS || k == NEAR_VISITS || k == NEAR_DEMOS)
				take_tallies(l[j], NULL);
			if (k == NEAR_HEARINGS && take_set_hearings(l[j], NULL) != 0)
				return CW_ENOMEM;
		}
	}
	return 0;
}

/* ---- the report ------------------------------------------------------------------------- */

/* ---- confidential records ---------------------------------------------------------------- */

/* Takes the confidential records out of a period's lists (counted for the range itself, not
 * for the one before, whose figures are only compared) before anything is counted. */
static int sift_period(struct cw_report *r, struct period *p, int count, struct cw_error *err)
{
	struct cw_record_list *lists[] = {&p->hearings, &p->arrests,   &p->detentions,
					  &p->rulings,  &p->releases,  &p->visits,
					  &p->demos,    &p->incidents, &p->case_events};

	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		if (cw_withheld_sift(&r->confidential, lists[i], count) != 0)
			return oom(err);
	/* Other periods' accounts: left out as their own period's report leaves them out. */
	for (size_t i = 0; i < NEARS; i++)
		if (cw_withheld_sift(&r->confidential, &p->near[i].before, 0) != 0 ||
		    cw_withheld_sift(&r->confidential, &p->near[i].after, 0) != 0)
			return oom(err);
	return 0;
}

/* The period's records found by the filter's text only in what is withheld are left out
 * (cw_withheld_match_text). */
static int match_text_again(struct cw_report *r, struct period *p, int count, struct cw_error *err)
{
	struct cw_record_list *lists[] = {&p->hearings, &p->arrests,   &p->detentions,
					  &p->rulings,  &p->releases,  &p->visits,
					  &p->demos,    &p->incidents, &p->case_events};
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < sizeof lists / sizeof lists[0]; i++)
		rc = cw_withheld_match_text(r->shown, &r->confidential, lists[i], count, err);
	for (size_t i = 0; rc == 0 && i < NEARS; i++)
		if ((rc = cw_withheld_match_text(r->shown, &r->confidential, &p->near[i].before, 0,
						 err)) == 0)
			rc = cw_withheld_match_text(r->shown, &r->confidential, &p->near[i].after,
						    0, err);
	return rc;
}

/* Takes confidential hearings out of items (upcoming or missed: they point into src, which
 * keeps its records in place). */
static int sift_items(struct cw_report *r, struct cw_record_list *src,
		      struct cw_report_upcoming *items, size_t *n, struct cw_error *err)
{
	unsigned char *drop;
	size_t kept = 0;

	if (!src->n)
		return 0;
	if (!(drop = calloc(src->n, 1)) || cw_withheld_mark(&r->confidential, src, drop, 0) != 0) {
		free(drop);
		return oom(err);
	}
	/* Counted by the items they would have been: the list also holds hearings read only
	 * for the next date they set. */
	for (size_t i = 0; i < *n; i++) {
		const struct cw_record *h = items[i].hearing;

		if (!drop[h - src->items])
			items[kept++] = items[i];
		else if (cw_withheld_count(&r->confidential, &h->id) != 0)
			kept = SIZE_MAX;
		if (kept == SIZE_MAX)
			break;
	}
	free(drop);
	if (kept == SIZE_MAX)
		return oom(err);
	*n = kept;
	return 0;
}

/* The items (upcoming or missed) the filter's free text finds only in what is withheld are
 * left out too (cw_withheld_match_text's rule), counted once each. */
static int match_text_items(struct cw_report *r, struct cw_report_upcoming *items, size_t *n,
			    struct cw_error *err)
{
	size_t kept = 0;
	int rc = 0;

	if (!r->shown)
		return 0;
	for (size_t i = 0; rc == 0 && i < *n; i++) {
		const struct cw_record *h = items[i].hearing;
		int match = 1;

		if ((rc = cw_matcher_test(r->shown, h, &match, err)) != 0)
			break;
		if (match)
			items[kept++] = items[i];
		else if (cw_withheld_count(&r->confidential, &h->id) != 0)
			rc = oom(err);
	}
	if (rc == 0)
		*n = kept;
	return rc;
}

static int sift_upcoming(struct cw_report *r, struct cw_error *err)
{
	return sift_items(r, &r->upcoming_src, r->upcoming, &r->nupcoming, err);
}

static int match_text_upcoming(struct cw_report *r, struct cw_error *err)
{
	return match_text_items(r, r->upcoming, &r->nupcoming, err);
}

/* Whether a hearing of the case that set a date is logged for that day at the court it was set
 * for (a hearing naming no court was at its case's, as cw_timeline_next_date_superseded reads
 * courts: the appeal court's bail hearing that day does not answer the trial's date, a review
 * found). What is written for others reads only the hearings it may show, and the case's court
 * only when it shows the case (cw_withheld_leaves_out): a confidential hearing that answers
 * the day would otherwise take the date off and tell that it was held. */
static int hearing_logged_on(struct cw_reader *rd, struct cw_report *r, const struct cw_record *set,
			     struct cw_date day, int *logged, struct cw_error *err)
{
	const struct cw_id *kase = &set->u.hearing.case_id;
	struct cw_record_list l;
	struct cw_record case_rec;
	const char *case_court;
	int rc;

	*logged = 0;
	if ((rc = cw_reader_case_records_between(rd, kase, CW_KIND_BIT(CW_KIND_HEARING), day, day,
						 &l, err)) != 0)
		return rc;
	if (!l.n)
		return 0;
	if ((rc = case_court_as(rd, kase, &r->confidential, &case_rec, &case_court, err)) != 0) {
		cw_record_list_free(&l);
		return rc;
	}
	for (size_t i = 0; i < l.n && !*logged; i++) {
		const struct cw_hearing *h = &l.items[i].u.hearing;

		if (cw_withheld_leaves_out(&r->confidential, &l.items[i]))
			continue;
		*logged = cw_date_compare(h->date, day) == 0 &&
			  cw_timeline_courts_may_match(set->u.hearing.court, h->court, case_court);
	}
	cw_record_free(&case_rec);
	cw_record_list_free(&l);
	return 0;
}

/* Whether another account of the hearing that set a month's next date (linked as its event)
 * gives it a day of that month: the day stands for the month, said missed or answered as a
 * day is (the one hearing would be listed twice). */
static int month_answered_by_a_day(const struct cw_report *r, const struct cw_report_upcoming *u)
{
	struct cw_date first = cw_date_first_day(u->date), last = cw_date_last_day(u->date);

	for (size_t k = 0; k < r->missed_src.n; k++) {
		const struct cw_record *o = &r->missed_src.items[k];
		struct cw_date od = o->u.hearing.next_date;

		if (o != u->hearing && !cw_withheld_leaves_out(&r->confidential, o) &&
		    cw_date_precision(od) == CW_DATE_DAY && cw_date_compare(od, first) >= 0 &&
		    cw_date_compare(od, last) <= 0 && cw_timeline_same_event(u->hearing, o))
			return 1;
	}
	return 0;
}

/* r->missed (report.h): the next dates set for the days of the range gone by, as the upcoming
 * hearings of a window are read (cw_report_upcoming_read: set by the filter's hearings, not
 * logged as a hearing of theirs), less those a later hearing of the case up to the range's
 * end (and held by today: drop_superseded) superseded and those any hearing of the case
 * logged on the day answers. As the records dated up to the range's end tell it, so that a
 * past week's report says the same whenever it is run. */
static int gather_missed(struct cw_reader *rd, struct cw_report *r, struct cw_error *err)
{
	struct cw_date today = cw_date_today(), last = r->to;
	size_t kept = 0;
	int rc;

	/* A day not yet over may still see its hearing logged. */
	if (cw_date_is_known(today) && cw_date_compare(today, last) <= 0)
		last = cw_date_from_days(cw_date_to_days(today) - 1);
	if (cw_date_compare(last, r->from) < 0)
		return 0;
	/* With the next dates given only to a month: one whose month ended in the period (by
	 * its end, and before today) with no hearing of the case logged in it is gone by as a day
	 * is (a trial adjourned to July and July over with nothing logged read as a quiet
	 * month); it is said in the period its last day is in, once. A hearing that only ruled
	 * on bail in the month is no sitting of it (drop_month_sittings). */
	if ((rc = cw_report_upcoming_read_months(rd, &r->filter, r->from, last, &r->confidential,
						 &r->missed_src, &r->missed, &r->nmissed, err)) !=
	    0)
		return rc;
	/* The dates set before them, not the hearings logged: those are the period's. */
	for (size_t i = 0; i < r->nmissed; i++) {
		struct cw_date d = r->missed[i].date;
		int month = cw_date_precision(d) != CW_DATE_DAY; /* or a year */

		if (month && (cw_date_compare(cw_date_last_day(d), last) > 0 ||
			      cw_date_compare(cw_date_last_day(d), r->from) < 0 ||
			      month_answered_by_a_day(r, &r->missed[i])))
			continue;
		if (r->missed[i].from_next_date &&
		    cw_date_compare(cw_date_last_day(r->missed[i].hearing->u.hearing.date),
				    cw_date_last_day(d)) < 0)
			r->missed[kept++] = r->missed[i];
	}
	r->nmissed = kept;
	if ((rc = drop_superseded(rd, &r->confidential,
				  cw_date_from_days(cw_date_to_days(r->to) + 1), r->missed,
				  &r->nmissed, err)) != 0)
		return rc;
	kept = 0;
	for (size_t i = 0; i < r->nmissed; i++) {
		const struct cw_record *set = r->missed[i].hearing;
		int logged, other_first = 0;

		if ((rc = hearing_logged_on(rd, r, set, r->missed[i].date, &logged, err)) != 0)
			return rc;
		/* Other accounts of the setting hearing (linked as its event) that gave another day
		 * of the period: the case's next hearing is one, answered when any of those days
		 * was logged, and said once when none was, from the team's own account (else the
		 * earliest day). A review saw the government's 20 March listed as missed beside the
		 * team's 19 March, which was logged, and both listed when neither was. */
		for (size_t k = 0; !logged && k < r->missed_src.n; k++) {
			const struct cw_record *o = &r->missed_src.items[k];
			struct cw_date od = o->u.hearing.next_date;
			int cmp;

			if (o == set || cw_withheld_leaves_out(&r->confidential, o) ||
			    cw_date_precision(od) != CW_DATE_DAY ||
			    cw_date_compare(od, r->from) < 0 || cw_date_compare(od, last) > 0 ||
			    !cw_date_compare(od, r->missed[i].date) ||
			    !cw_timeline_same_event(set, o))
				continue;
			if ((rc = hearing_logged_on(rd, r, o, od, &logged, err)) != 0)
				return rc;
			cmp = cw_date_compare(od, r->missed[i].date);
			if ((o->view == CW_VIEW_OWN) != (set->view == CW_VIEW_OWN))
				other_first |= o->view == CW_VIEW_OWN;
			else
				other_first |= cmp < 0;
		}
		if (!logged && !other_first)
			r->missed[kept++] = r->missed[i];
	}
	r->nmissed = kept;
	if ((rc = sift_items(r, &r->missed_src, r->missed, &r->nmissed, err)) != 0)
		return rc;
	return match_text_items(r, r->missed, &r->nmissed, err);
}

/* A range of whole calendar months (February; January to March) is compared with as many whole
 * months before it, not with as many days: February's 29 days before would start on 3
 * January and leave out what is dated only to January. Sets *prev_from when so. */
static void previous_months(struct cw_date from, struct cw_date to, struct cw_date *prev_from)
{
	int months, index;

	if (from.day != 1 ||
	    cw_date_compare(to, cw_date_last_day((struct cw_date){to.year, to.month, 0})) != 0)
		return;
	months = (to.year * 12 + to.month) - (from.year * 12 + from.month) + 1;
	index = from.year * 12 + (from.month - 1) - months;
	if (months < 1 || index < 0)
		return;
	*prev_from = (struct cw_date){(uint16_t)(index / 12), (uint8_t)(index % 12 + 1), 1};
}

/* Whether the person or case criterion `text` names anyone what is written for others keeps
 * unnamed: a confidential person or case, or a person whose name is confidential. */
static int criterion_withheld(struct cw_reader *rd, enum cw_kind kind, const char *text,
			      int *withheld, struct cw_error *err)
{
	struct cw_id *ids;
	size_t n;
	int rc;

	*withheld = 0;
	if ((rc = cw_reader_filter_refs(rd, kind, text, &ids, &n, err)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0 && !*withheld; i++) {
		struct cw_record rec;

		if ((rc = cw_reader_get(rd, &ids[i], &rec, err)) == CW_ENOTFOUND) {
			rc = 0;
			continue;
		}
		if (rc == 0)
			*withheld =
				rec.confidential || cw_record_field_is_confidential(&rec, "name");
		cw_record_free(&rec);
	}
	free(ids);
	return rc;
}

void cw_report_filter_text(const struct cw_report *r, char *buf, size_t len)
{
	struct cw_filter shown = r->filter;

	if (r->filter_withheld & CW_REPORT_WITHHELD_PERSON)
		snprintf(shown.person, sizeof shown.person, "%s", cw_confidential_text());
	if (r->filter_withheld & CW_REPORT_WITHHELD_CASE)
		snprintf(shown.case_ref, sizeof shown.case_ref, "%s", cw_confidential_text());
	if (r->filter_withheld & CW_REPORT_WITHHELD_TEXT)
		snprintf(shown.text, sizeof shown.text, "%s", cw_confidential_text());
	cw_filter_describe(&shown, buf, len);
}

/* The stretch of pretrial detention of `person` that `date` ended in `kase` (e: report.h,
 * cw_report_ended; days -1 when none), read from the person's records as the list of
 * detainees reads them (detention_records), to that day. */
static int ended_on(struct cw_reader *rd, struct cw_report *r, const struct cw_id *person,
		    const struct cw_id *kase, struct cw_date date, struct cw_report_ended *e,
		    struct cw_error *err)
{
	struct cw_timeline_summary sum;
	struct cw_record_list tl;
	int rc;

	e->days = e->days_max = -1;
	if (cw_id_is_zero(person) || cw_date_precision(date) != CW_DATE_DAY)
		return 0;
	if ((rc = detention_records(rd, r, person, &tl, err)) != 0)
		return rc;
	cw_timeline_summarise(person, tl.items, tl.n, date, &sum);
	cw_record_list_free(&tl);
	/* Ended by this day's end, and nothing else still holding them: a bail granted that a
	 * later release carries out ends it at the release, not here. */
	if (sum.pretrial_ongoing || sum.pretrial_to_kind != CW_PRETRIAL_TO_END ||
	    cw_date_compare(sum.pretrial_to, date) != 0 ||
	    !cw_id_equal(&sum.pretrial_end_case, kase) || sum.pretrial_stretch_days < 0)
		return 0;
	e->since = sum.pretrial_since;
	e->days = sum.pretrial_stretch_days;
	e->days_max = sum.pretrial_stretch_days_max;
	return 0;
}

/* release_ended and hearing_ended (report.h): for each release of the period that names a
 * person and sets them free, and each hearing that granted bail to the one person it is for
 * (cw_report_hearing_bail_whom), the stretch of pretrial detention its day ended. */
static int releases_ended(struct cw_reader *rd, struct cw_report *r, struct cw_error *err)
{
	int rc = 0;

	if (r->releases.n && !(r->release_ended = calloc(r->releases.n, sizeof *r->release_ended)))
		return oom(err);
	if (r->hearings.n && !(r->hearing_ended = calloc(r->hearings.n, sizeof *r->hearing_ended)))
		return oom(err);
	for (size_t i = 0; i < r->releases.n && rc == 0; i++) {
		const struct cw_milestone *m = &r->releases.items[i].u.milestone;

		r->release_ended[i].days = -1;
		if (cw_timeline_milestone_ends_detention(m))
			rc = ended_on(rd, r, &m->person, &m->case_id, m->date, &r->release_ended[i],
				      err);
	}
	for (size_t i = 0; i < r->hearings.n && rc == 0; i++) {
		const struct cw_hearing *h = &r->hearings.items[i].u.hearing;
		const char *group = NULL;
		struct cw_id whom;
		int is;

		r->hearing_ended[i].days = -1;
		if (cw_report_hearing_bail(r, i) != CW_DECISION_GRANTED)
			continue;
		is = cw_report_hearing_bail_whom(r, i, &whom, &group);
		if ((is == CW_HEARING_BAIL_NAMED || is == CW_HEARING_BAIL_CASE) && !group)
			rc = ended_on(rd, r, &whom, &h->case_id, h->date, &r->hearing_ended[i],
				      err);
	}
	return rc;
}

static int build(struct cw_store *st, struct cw_reader *rd, const struct cw_filter *filter,
		 struct cw_date from, struct cw_date to, int include_confidential,
		 struct cw_report *out, struct cw_error *err)
{
	struct period cur, prev;
	struct accounts acc[NEARS] = {{NULL, NULL, NULL}};
	struct cw_report_by_account by[2], previous_by[2];
	struct events events;
	struct cw_date none = {0, 0, 0}, today;
	long days;
	size_t undated_tallies = 0;
	int rc, wy, ww, wy2, ww2;

	memset(out, 0, sizeof *out);
	out->confidential.leave_out = !include_confidential;
	if ((rc = cw_withheld_load(&out->confidential, st, err)) != 0)
		return rc;
	if (cw_date_precision(from) != CW_DATE_DAY || cw_date_precision(to) != CW_DATE_DAY)
		return cw_error_set(err, CW_EINVAL, "from", "a report needs whole days");
	if (cw_date_compare(from, to) > 0)
		return cw_error_set(err, CW_EINVAL, "to", "is before the start of the report");
	out->filter = *filter;
	out->filter.since = none;
	out->filter.until = none;
	/* What is written for others finds a prison visit by the charges of the people it met
	 * (a week's report filtered by 494/495 said "No prison visits in this period" for a week
	 * the team visited a 494/495 detainee); lists and counts do not (models/filter.h). */
	out->filter.visits_by_detainees = 1;
	out->from = from;
	out->to = to;
	/* A period that holds today is the period so far for those held: the days after today
	 * are not lived yet. One wholly after today is counted to its end, as asked. */
	out->held_to = to;
	if (cw_date_is_known(today = cw_date_today()) && cw_date_compare(today, from) >= 0 &&
	    cw_date_compare(today, to) < 0)
		out->held_to = today;
	days = cw_date_to_days(to) - cw_date_to_days(from) + 1;
	out->prev_to = cw_date_from_days(cw_date_to_days(from) - 1);
	out->prev_from = cw_date_from_days(cw_date_to_days(from) - days);
	previous_months(from, to, &out->prev_from);
	out->next_from = cw_date_from_days(cw_date_to_days(to) + 1);
	out->next_to = cw_date_from_days(cw_date_to_days(to) + CW_REPORT_UPCOMING_DAYS);
	cw_report_week_of(from, &wy, &ww);
	cw_report_week_of(to, &wy2, &ww2);
	if (days == 7 && wy == wy2 && ww == ww2)
		out->week_year = wy, out->week = ww;
	/* One matcher for every list the free text is tested on again (it reads every name). */
	if ((rc = cw_withheld_text_matcher(rd, &out->confidential, &out->filter, &out->shown,
					   err)) != 0)
		return rc;
	if (out->confidential.leave_out) {
		int withheld;

		if (out->filter.person[0] &&
		    (rc = criterion_withheld(rd, CW_KIND_PERSON, out->filter.person, &withheld,
					     err)) == 0 &&
		    withheld)
			out->filter_withheld |= CW_REPORT_WITHHELD_PERSON;
		if (rc == 0 && out->filter.case_ref[0] &&
		    (rc = criterion_withheld(rd, CW_KIND_CASE, out->filter.case_ref, &withheld,
					     err)) == 0 &&
		    withheld)
			out->filter_withheld |= CW_REPORT_WITHHELD_CASE;
		if (rc == 0 && out->filter.text[0] &&
		    (rc = cw_reader_text_names_withheld(rd, out->filter.text, &withheld, err)) ==
			    0 &&
		    withheld)
			out->filter_withheld |= CW_REPORT_WITHHELD_TEXT;
		if (rc != 0)
			return rc;
	}

	if (out->filter.person[0] &&
	    (rc = cw_reader_filter_refs(rd, CW_KIND_PERSON, out->filter.person, &out->filter_people,
					&out->nfilter_people, err)) != 0)
		return rc;
	if ((rc = gather_period(rd, out, from, to, &cur, err)) != 0) {
		period_free(&cur);
		return rc;
	}
	if ((rc = gather_period(rd, out, out->prev_from, out->prev_to, &prev, err)) != 0 ||
	    (rc = sift_period(out, &cur, 1, err)) != 0 ||
	    (rc = sift_period(out, &prev, 0, err)) != 0 ||
	    (rc = match_text_again(out, &cur, 1, err)) != 0 ||
	    (rc = match_text_again(out, &prev, 0, err)) != 0) {
		period_free(&cur);
		period_free(&prev);
		return rc;
	}
	if (take_tallies(&cur.hearings, &out->tallies) != 0 ||
	    take_tallies(&cur.visits, &out->tallies) != 0 ||
	    take_tallies(&cur.demos, &out->tallies) != 0) {
		period_free(&cur);
		period_free(&prev);
		return oom(err);
	}
	take_tallies(&prev.hearings, NULL);
	take_tallies(&prev.visits, NULL);
	take_tallies(&prev.demos, NULL);
	/* (Out of memory, a hearing only set would be counted as held.) */
	if (near_sift(&cur) != 0 || near_sift(&prev) != 0 ||
	    take_set_hearings(&cur.hearings, &out->hearings_set) != 0 ||
	    take_set_hearings(&prev.hearings, NULL) != 0) {
		period_free(&cur);
		period_free(&prev);
		return oom(err);
	}
	/* The cases of both periods' arrests, charges, detentions and rulings first: a group's
	 * number may be the case's (milestone_people). */
	if ((rc = add_refs(rd, out, &cur.arrests, err)) != 0 ||
	    (rc = add_refs(rd, out, &prev.arrests, err)) != 0 ||
	    (rc = add_refs(rd, out, &cur.detentions, err)) != 0 ||
	    (rc = add_refs(rd, out, &prev.detentions, err)) != 0 ||
	    (rc = add_refs(rd, out, &cur.rulings, err)) != 0 ||
	    (rc = add_refs(rd, out, &prev.rulings, err)) != 0 ||
	    (rc = add_everyone_refs(rd, out, &cur.hearings, err)) != 0 ||
	    (rc = add_everyone_refs(rd, out, &prev.hearings, err)) != 0) {
		period_free(&cur);
		period_free(&prev);
		return rc;
	}
	arrests_of_filter_articles(out, &cur.arrests, out->to);
	arrests_of_filter_articles(out, &prev.arrests, out->prev_to);
	/* The current period's counted accounts are kept for the rows (report.h). */
	if (count_period(out, &cur, out->counts, out->counts_views, &out->demo_arrests_at_least,
			 &out->demo_injured_at_least, by, acc) != 0 ||
	    count_period(out, &prev, out->previous, out->previous_views,
			 &out->previous_demo_arrests_at_least, &out->previous_demo_injured_at_least,
			 previous_by, NULL) != 0) {
		accounts_free(acc); /* the current period's, when only the previous one failed */
		period_free(&cur);
		period_free(&prev);
		return oom(err);
	}
	out->hearing_counted = acc[NEAR_HEARINGS].counted;
	out->hearing_elsewhere = acc[NEAR_HEARINGS].elsewhere;
	out->arrest_counted = acc[NEAR_ARRESTS].counted;
	out->arrest_elsewhere = acc[NEAR_ARRESTS].elsewhere;
	out->visit_counted = acc[NEAR_VISITS].counted;
	out->visit_elsewhere = acc[NEAR_VISITS].elsewhere;
	out->demo_counted = acc[NEAR_DEMOS].counted;
	out->demo_elsewhere = acc[NEAR_DEMOS].elsewhere;
	out->demo_next = acc[NEAR_DEMOS].next;
	out->incident_counted = acc[NEAR_INCIDENTS].counted;
	out->incident_elsewhere = acc[NEAR_INCIDENTS].elsewhere;
	out->case_event_counted = acc[NEAR_CASE_EVENTS].counted;
	out->case_event_elsewhere = acc[NEAR_CASE_EVENTS].elsewhere;
	out->ruling_counted = acc[NEAR_RULINGS].counted;
	out->ruling_elsewhere = acc[NEAR_RULINGS].elsewhere;
	out->demo_arrests_by = by[0];
	out->demo_injured_by = by[1];
	out->previous_demo_arrests_by = previous_by[0];
	out->previous_demo_injured_by = previous_by[1];
	period_free(&prev);
	out->hearings = cur.hearings;
	out->arrests = cur.arrests;
	out->rulings = cur.rulings;
	out->visits = cur.visits;
	out->demos = cur.demos;
	out->incidents = cur.incidents;
	out->case_events = cur.case_events;
	out->detentions = cur.detentions;
	out->releases = cur.releases;
	/* What the counts read of the accounts near it is kept (acc): the records go, and the
	 * events they were joined into through accounts left out (read by the counts alone). */
	for (size_t i = 0; i < NEARS; i++) {
		cw_record_list_free(&cur.near[i].before);
		cw_record_list_free(&cur.near[i].after);
	}
	free(cur.bridges.items);

	if ((rc = add_refs(rd, out, &out->hearings, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->arrests, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->rulings, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->releases, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->visits, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->demos, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->incidents, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->case_events, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->hearings_set, err)) != 0) {
		free(cur.ruled.items);
		return rc;
	}
	/* The events of the period's hearings and rulings, joined as its count joins them
	 * (count_period), for the fair-trial indicators and the verdicts alike. */
	rc = events_make_as(&events, &out->hearings, &out->rulings, NULL, &cur.ruled);
	free(cur.ruled.items);
	if (rc != 0)
		return oom(err);
	if (demo_same_index(out) != 0 || count_articles(out) != 0 || count_fair(out, &events) != 0)
		rc = CW_ENOMEM;
	else if (verdict_rows(out, &out->hearings, &out->rulings, &out->verdicts,
			      &out->nverdicts) != 0)
		rc = CW_ENOMEM;
	if (rc != 0) {
		events_free(&events);
		return oom(err);
	}
	rows_counted_here(&out->hearings, out->hearing_counted, out->verdicts, &out->nverdicts);
	rows_of_filter_articles(&out->filter, out->verdicts, &out->nverdicts);
	rows_of_filter_people(out, out->verdicts, &out->nverdicts);
	/* A ruling another period counts: its rows listed after the others, numbered into no
	 * ruling (report.h: nverdicts_away). */
	rc = rows_ruled_here(&out->rulings, out->ruling_counted, out->verdicts, out->nverdicts,
			     &out->nverdicts, &out->nverdicts_away);
	if (rc == 0)
		rc = hearings_counted(out, &events);
	if (rc == 0)
		rc = group_verdicts(&events, out->verdicts, out->nverdicts, &out->nrulings,
				    &out->ndecisions, &out->linked_rulings);
	if (rc == 0)
		rc = own_accounts(&events, &out->hearing_own);
	if (rc == 0)
		rc = bail_decisions(out, &events);
	events_free(&events);
	if (rc != 0)
		return oom(err);
	/* What the period's releases and bail hearings ended, once whose bail each is is known. */
	if ((rc = releases_ended(rd, out, err)) != 0)
		return rc;

	if ((rc = cw_report_upcoming_read_months(rd, &out->filter, out->next_from, out->next_to,
						 &out->confidential, &out->upcoming_src,
						 &out->upcoming, &out->nupcoming, err)) != 0 ||
	    (rc = sift_upcoming(out, err)) != 0 || (rc = match_text_upcoming(out, err)) != 0 ||
	    (upcoming_accounts(out) != 0 && (rc = oom(err)) != 0) ||
	    (rc = add_refs(rd, out, &out->upcoming_src, err)) != 0 ||
	    (rc = gather_missed(rd, out, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->missed_src, err)) != 0 ||
	    (rc = gather_partial(rd, out, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->partial, err)) != 0 ||
	    (rc = gather_undated_tallies(rd, out, &undated_tallies, err)) != 0 ||
	    (rc = count_undated(rd, out, undated_tallies, err)) != 0 ||
	    (rc = add_refs(rd, out, &out->tallies, err)) != 0)
		return rc;
	if ((rc = gather_detainees(rd, out, err)) != 0)
		return rc;
	return gather_unlisted(rd, out, err);
}

/* Whether rec is one of the conflicted ids (sorted); counted in *n once (seen). */
static int conflicted_once(const struct cw_id *ids, size_t nids, const struct cw_record *rec,
			   struct cw_idmap *seen, size_t *n)
{
	int rc;

	if (!rec || !bsearch(&rec->id, ids, nids, sizeof *ids, id_order))
		return 0;
	if ((rc = cw_idmap_put(seen, &rec->id, 0, NULL)) < 0)
		return rc;
	*n += (size_t)rc;
	return 0;
}

/* *count (r->conflicted or r->doubled), from the ids (sorted) of the records that wait: with a
 * conflict, or naming one person twice (few: they wait for a person). Of the people and cases
 * named, only those whose names are given: one read as "[confidential]" is not used, and a
 * count that rose with it would say something of it. Frees ids. */
static int count_waiting(struct cw_report *r, struct cw_id *ids, size_t nids, size_t *count,
			 struct cw_error *err)
{
	const struct cw_record_list *lists[] = {&r->hearings,    &r->hearings_set, &r->arrests,
						&r->detentions,  &r->rulings,      &r->releases,
						&r->case_events, &r->visits,       &r->demos,
						&r->incidents,   &r->partial,      &r->tallies};
	struct cw_idmap seen = {0};
	int rc = 0;

	if (!nids)
		return 0;
	for (size_t l = 0; rc == 0 && l < sizeof lists / sizeof lists[0]; l++)
		for (size_t i = 0; rc == 0 && i < lists[l]->n; i++)
			rc = conflicted_once(ids, nids, &lists[l]->items[i], &seen, count);
	for (size_t i = 0; rc == 0 && i < r->nupcoming; i++)
		rc = conflicted_once(ids, nids, r->upcoming[i].hearing, &seen, count);
	for (size_t i = 0; rc == 0 && i < r->nmissed; i++)
		rc = conflicted_once(ids, nids, r->missed[i].hearing, &seen, count);
	for (size_t i = 0; rc == 0 && i < r->refs.n; i++)
		if (cw_withheld_gives_id(&r->confidential, &r->refs.items[i]))
			rc = conflicted_once(ids, nids, &r->refs.items[i], &seen, count);
	cw_idmap_free(&seen);
	free(ids);
	return rc ? oom(err) : 0;
}

/* r->conflicted and r->doubled: what waits for a person among the records the report uses. */
static int count_conflicted(struct cw_store *st, struct cw_report *r, struct cw_error *err)
{
	struct cw_id *ids;
	size_t nids;
	int rc;

	if ((rc = cw_sync_conflicted_ids(st, &ids, &nids, err)) != 0 ||
	    (rc = count_waiting(r, ids, nids, &r->conflicted, err)) != 0 ||
	    (rc = cw_store_doubled_ids(st, &ids, &nids, err)) != 0)
		return rc;
	return count_waiting(r, ids, nids, &r->doubled, err);
}

/* How many of ids (sorted) are the person's or one of l's records. Frees ids. */
static size_t timeline_named(struct cw_id *ids, size_t nids, const struct cw_id *person,
			     const struct cw_record_list *l)
{
	size_t n = 0;

	for (size_t i = 0; i < nids; i++) {
		int named = cw_id_equal(&ids[i], person);

		for (size_t j = 0; j < l->n && !named; j++)
			named = cw_id_equal(&ids[i], &l->items[j].id);
		n += (size_t)named;
	}
	free(ids);
	return n;
}

int cw_report_timeline_waiting(struct cw_store *st, const struct cw_id *person,
			       const struct cw_record_list *l, size_t *conflicted, size_t *doubled,
			       struct cw_error *err)
{
	struct cw_id *ids;
	size_t nids;
	int rc;

	*conflicted = *doubled = 0;
	if ((rc = cw_sync_conflicted_ids(st, &ids, &nids, err)) != 0)
		return rc;
	*conflicted = timeline_named(ids, nids, person, l);
	if ((rc = cw_store_doubled_ids(st, &ids, &nids, err)) != 0)
		return rc;
	*doubled = timeline_named(ids, nids, person, l);
	return 0;
}

int cw_report_build_with(struct cw_store *st, const struct cw_filter *filter, struct cw_date from,
			 struct cw_date to, int include_confidential, struct cw_report *out,
			 struct cw_error *err)
{
	struct cw_reader *rd;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cw_store_reader_begin(st, &rd, err)) != 0)
		return rc;
	rc = build(st, rd, filter, from, to, include_confidential, out, err);
	if (rc == 0)
		rc = count_conflicted(st, out, err);
	if (rc == 0)
		rc = cw_sync_bundles_missing(st, &out->bundles_missing, err);
	cw_matcher_free(out->shown);
	out->shown = NULL;
	cw_reader_end(rd);
	return rc;
}

int cw_report_build(struct cw_store *st, const struct cw_filter *filter, struct cw_date from,
		    struct cw_date to, struct cw_report *out, struct cw_error *err)
{
	return cw_report_build_with(st, filter, from, to, 0, out, err);
}

void cw_report_free(struct cw_report *r)
{
	cw_record_list_free(&r->hearings);
	cw_record_list_free(&r->arrests);
	cw_record_list_free(&r->detentions);
	cw_record_list_free(&r->rulings);
	cw_record_list_free(&r->releases);
	free(r->release_ended);
	free(r->hearing_ended);
	cw_record_list_free(&r->visits);
	free(r->visit_counted);
	free(r->demo_counted);
	free(r->demo_next);
	free(r->case_event_counted);
	free(r->incident_counted);
	free(r->hearing_counted);
	free(r->upcoming_same);
	free(r->arrest_counted);
	free(r->arrest_unlisted);
	free(r->visit_elsewhere);
	free(r->demo_elsewhere);
	free(r->incident_elsewhere);
	free(r->case_event_elsewhere);
	free(r->demo_same_at);
	free(r->demo_same);
	free(r->hearing_elsewhere);
	free(r->arrest_elsewhere);
	free(r->ruling_counted);
	free(r->ruling_elsewhere);
	cw_record_list_free(&r->demos);
	cw_record_list_free(&r->incidents);
	cw_record_list_free(&r->case_events);
	cw_record_list_free(&r->hearings_set);
	cw_record_list_free(&r->upcoming_src);
	cw_record_list_free(&r->missed_src);
	free(r->missed);
	cw_record_list_free(&r->partial);
	cw_record_list_free(&r->tallies);
	cw_record_list_free(&r->refs);
	cw_idmap_free(&r->ref_index);
	cw_idmap_free(&r->ref_gone);
	free(r->hearing_own);
	free(r->hearing_bail);
	free(r->filter_people);
	free(r->unstarted);
	free(r->fair_differ);
	free(r->verdicts);
	free(r->articles);
	free(r->upcoming);
	free(r->detainees);
	cw_withheld_free(&r->confidential);
	memset(r, 0, sizeof *r);
}

int cw_report_is_empty(const struct cw_report *r)
{
	return r->hearings.n == 0 && r->arrests.n == 0 && r->detentions.n == 0 &&
	       r->releases.n == 0 && r->nverdicts + r->nverdicts_away == 0 && r->visits.n == 0 &&
	       r->demos.n == 0 && r->incidents.n == 0 && r->case_events.n == 0 &&
	       r->hearings_set.n == 0 && r->nupcoming == 0 && r->nmissed == 0 &&
	       r->ndetainees == 0 && r->nunstarted == 0 && r->partial.n == 0 && r->tallies.n == 0;
}
