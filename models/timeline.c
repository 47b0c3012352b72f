/* timeline.c - the timeline summary; see timeline.h. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/confidential.h"
#include "models/i18n.h"
#include "models/timeline.h"
#include "models/utf8.h"

/* A milestone that can only be of someone held: a detention ordered or extended, a transfer
 * between prisons. */
static int orders_held(uint8_t type)
{
	return type == CW_MS_PRETRIAL_DETENTION || type == CW_MS_DETENTION_EXTENDED ||
	       type == CW_MS_TRANSFER;
}

int cw_timeline_starts_detention(const struct cw_milestone *m)
{
	return m->type == CW_MS_ARREST || m->type == CW_MS_PRETRIAL_DETENTION;
}

/* Whether a milestone ends pretrial detention: a bail or release unless refused (a refused
 * one is a request that failed: the person stays detained; one without an outcome is read as
 * granted, which is what a bail milestone meant before outcomes were recorded), a move out of
 * prison (house arrest, judicial supervision), a verdict of any kind, or an explicit end. */
int cw_timeline_milestone_ends_detention(const struct cw_milestone *m)
{
	switch (m->type) {
	case CW_MS_BAIL:
	case CW_MS_RELEASE:
		return m->outcome != CW_DECISION_REFUSED;
	case CW_MS_HOUSE_ARREST:
	case CW_MS_SUPERVISION:
	case CW_MS_VERDICT:
	case CW_MS_SENTENCE:
	case CW_MS_IN_ABSENTIA_VERDICT:
	case CW_MS_PRETRIAL_END:
		return 1;
	default:
		return 0;
	}
}

int cw_timeline_decides_bail(const struct cw_record *r)
{
	if (r->kind == CW_KIND_MILESTONE)
		return r->u.milestone.type == CW_MS_BAIL &&
		       r->u.milestone.outcome != CW_DECISION_REFUSED;
	return r->kind == CW_KIND_HEARING && r->u.hearing.bail == CW_BAIL_GRANTED &&
	       !cw_timeline_hearing_rules(&r->u.hearing);
}

int cw_timeline_milestone_rules(const struct cw_milestone *m)
{
	return m->type == CW_MS_VERDICT || m->type == CW_MS_IN_ABSENTIA_VERDICT ||
	       m->type == CW_MS_SENTENCE;
}

int cw_timeline_hearing_rules(const struct cw_hearing *h)
{
	return h->outcome == CW_OUTCOME_VERDICT || h->verdicts.n > 0;
}

/* Whether a hearing grants bail to the person (group NULL) or the group: the one its record
 * names, else a case's only defendant (models/record.h, cw_hearing_bail_for). */
static int hearing_bails(const struct cw_hearing *h, const struct cw_record *kase,
			 const struct cw_id *person, const char *group)
{
	return h->bail == CW_BAIL_GRANTED && cw_hearing_bail_for(h, &kase->u.kase, person, group);
}

/* Whether a hearing of the person's case ends their pretrial detention: a verdict that names
 * them, or one that names no one (or is given unitemised) when the hearing concerned them
 * (cw_hearing_concerns: its record names them, or names no one and the case does; a
 * defendant added to the case later, or one its attendance leaves out, was not tried at it),
 * or bail granted to them: the one its record names, or, where it names no one, the case's only
 * defendant (models/record.h, cw_hearing_bail_for: co-defendants' bail is often decided apart,
 * 001 para 34, and a bail hearing of one of them lists them). A verdict on a group of
 * unnamed defendants names that group: it rules on none of the named people (the unionists
 * convicted with Chhim Sithar are not her). The zero id: every defendant of the case, whoever
 * (a hearing whose record names no person). */
int cw_timeline_hearing_ends_detention(const struct cw_hearing *h, const struct cw_record *kase,
				       const struct cw_id *person)
{
	if (hearing_bails(h, kase, person, NULL))
		return 1;
	if (!cw_timeline_hearing_rules(h))
		return 0;
	for (size_t i = 0; i < h->verdicts.n && !cw_id_is_zero(person); i++)
		if (cw_id_equal(&((const struct cw_verdict *)h->verdicts.items)[i].person, person))
			return 1;
	return cw_hearing_rules_unnamed(h) && cw_hearing_concerns(h, person, NULL);
}

/* Whether a hearing's verdict list names the group (by its label, in any letter case), or a
 * verdict that names no one is for it (cw_hearing_concerns), or it grants the group bail
 * (cw_hearing_bail_for). A NULL label: a group the hearing's record does not name. */
int cw_timeline_hearing_ends_group_detention(const struct cw_hearing *h,
					     const struct cw_record *kase, const char *label)
{
	if (hearing_bails(h, kase, NULL, label))
		return 1;
	if (!cw_timeline_hearing_rules(h))
		return 0;
	for (size_t i = 0; i < h->verdicts.n && label; i++) {
		const struct cw_verdict *v = (const struct cw_verdict *)h->verdicts.items + i;

		if (cw_id_is_zero(&v->person) && v->group && strcasecmp(v->group, label) == 0)
			return 1;
	}
	return cw_hearing_rules_unnamed(h) && cw_hearing_concerns(h, NULL, label);
}

const struct cw_defendant *cw_timeline_group_defendant(const struct cw_record *kase,
						       const char *label)
{
	const struct cw_defendant *mine = NULL;

	for (size_t i = 0; label && i < kase->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase->u.kase.defendants.items + i;

		if (cw_id_is_zero(&d->person) && d->label && strcasecmp(d->label, label) == 0)
			mine = d;
	}
	return mine;
}

/* Whom a detention is read for: a person, or (person NULL) a group of a case's unnamed
 * defendants by its label. */
struct who {
	const struct cw_id *person;
	const char *group;
	/* Today by the clock (cw_date_today), not the day asked about: an end dated after both
	 * has not happened (pretrial_for_case). */
	struct cw_date now;
};

/* Whether a milestone concerns them: names the person, or the group by its label. */
static int concerns(const struct cw_milestone *m, const struct who *w)
{
	if (w->person)
		return cw_id_equal(&m->person, w->person);
	return cw_id_is_zero(&m->person) && m->group && strcasecmp(m->group, w->group) == 0;
}

static int hearing_ends(const struct cw_hearing *h, const struct cw_record *kase,
			const struct who *w)
{
	return w->person ? cw_timeline_hearing_ends_detention(h, kase, w->person)
			 : cw_timeline_hearing_ends_group_detention(h, kase, w->group);
}

const struct cw_defendant *cw_timeline_defendant(const struct cw_record *kase,
						 const struct cw_id *person)
{
	const struct cw_defendant *mine = NULL;

	for (size_t i = 0; i < kase->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase->u.kase.defendants.items + i;

		if (cw_id_equal(&d->person, person))
			mine = d;
	}
	return mine;
}

/* Whether a case record is the team's own: its account is their observation, or none is
 * recorded and no source is dated (what a monitor types at the court). */
static int own_record(const struct cw_record *r)
{
	return r->view == CW_VIEW_OWN ||
	       (r->view == CW_VIEW_UNKNOWN && !cw_date_is_known(r->reported_on));
}

/* cw_timeline_running_to for the case's entry `mine` (NULL: none). */
static enum cw_pretrial_to running_to(const struct cw_record *kase, const struct cw_defendant *mine,
				      struct cw_date *to)
{
	uint8_t stage;

	if (!mine || mine->custody != CW_CUSTODY_DETAINED)
		return CW_PRETRIAL_TO_NONE;
	/* Held at a stage past the verdict (their own stage, else the case's) is held after it,
	 * not before: a case entered "verdict" with its defendant detained and no ruling logged
	 * listed them as still in pretrial detention (a trial). A stage not recorded says
	 * nothing either way. */
	stage = mine->stage ? mine->stage : kase->u.kase.stage;
	if (stage == CW_STAGE_VERDICT || stage == CW_STAGE_APPEAL || stage == CW_STAGE_SUPREME ||
	    stage == CW_STAGE_CLOSED)
		return CW_PRETRIAL_TO_NONE;
	if (cw_date_is_known(mine->as_of)) {
		*to = mine->as_of;
		return CW_PRETRIAL_TO_AS_OF;
	}
	if (cw_date_is_known(kase->u.kase.as_of)) {
		*to = kase->u.kase.as_of;
		return CW_PRETRIAL_TO_AS_OF;
	}
	if (own_record(kase))
		return CW_PRETRIAL_TO_TODAY;
	if (cw_date_is_known(kase->reported_on)) {
		*to = kase->reported_on;
		return CW_PRETRIAL_TO_SOURCE;
	}
	*to = kase->u.kase.opened;
	return CW_PRETRIAL_TO_LATEST;
}

enum cw_pretrial_to cw_timeline_running_to(const struct cw_record *kase, const struct cw_id *person,
					   struct cw_date *to)
{
	return running_to(kase, cw_timeline_defendant(kase, person), to);
}

static enum cw_pretrial_to who_running_to(const struct cw_record *kase, const struct who *w,
					  struct cw_date *to)
{
	return running_to(kase,
			  w->person ? cw_timeline_defendant(kase, w->person)
				    : cw_timeline_group_defendant(kase, w->group),
			  to);
}

/* Whether a date lies wholly after the day asked about (its first day is later): what it
 * dates had not happened by then. */
static int after_day(struct cw_date d, struct cw_date today)
{
	return cw_date_compare(cw_date_first_day(d), today) > 0;
}

/* Whether a record of the case is an event that ends their pretrial detention
 * (models/timeline.h gives the rules). */
static int ends_for(const struct who *w, const struct cw_record *kase, const struct cw_record *r)
{
	if (r->kind == CW_KIND_MILESTONE)
		return cw_id_equal(&r->u.milestone.case_id, &kase->id) &&
		       concerns(&r->u.milestone, w) &&
		       cw_timeline_milestone_ends_detention(&r->u.milestone);
	if (r->kind == CW_KIND_HEARING)
		return cw_id_equal(&r->u.hearing.case_id, &kase->id) &&
		       hearing_ends(&r->u.hearing, kase, w);
	return 0;
}

/* Whether a record of the case is an arrest or detention of theirs: a start. */
static int starts_for(const struct who *w, const struct cw_record *kase, const struct cw_record *r)
{
	return r->kind == CW_KIND_MILESTONE && cw_id_equal(&r->u.milestone.case_id, &kase->id) &&
	       concerns(&r->u.milestone, w) && cw_timeline_starts_detention(&r->u.milestone);
}

/* An event of a group's stretch, for group_walk: a start (which may give the number held) or
 * an end (which may release part of it). */
struct group_event {
	struct cw_date date;
	int is_end; /* starts sort before ends of the same date */
	int more;   /* and "5 more" after the starts it adds to */
	size_t index;
};

static int group_event_order(const void *pa, const void *pb)
{
	const struct group_event *a = pa, *b = pb;
	int c = cw_date_compare(a->date, b->date);

	if (c)
		return c;
	if (a->is_end != b->is_end)
		return a->is_end - b->is_end;
	if (!a->is_end && a->more != b->more)
		return a->more - b->more;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* How many of a group are held: `held` once a start or a release has said, else the group's
 * size in the case; -1 when neither gives a number. */
static int64_t group_number(int64_t held, const struct cw_defendant *d)
{
	if (held > 0)
		return held;
	return d && d->unnamed_count > 0 ? d->unnamed_count : -1;
}

/* A group's stretch from `start`, its events in date order (starts before ends of a day).
 * How many are held: the count of its first start that gives one, raised by a later start
 * that gives more (an arrest of 8 then a detention order for them is 8; a later arrest of 3
 * of them does not make it 3), else the group's size in the case; another account's count
 * of an event the team's own account counts too (of its kind, that day, or linked) is not
 * read (own_account_of: the team saw 3 arrested, a newspaper says 5 of the same arrests: 3
 * are held, on the team's word, as the report counts its hearings); a later start marked
 * `more` ("5 more arrested") adds its count to the number held (not known: still not). An
 * end that gives a count smaller than that ("3 of the 8 released on bail") frees those and
 * the stretch runs on with the rest (a detention order for the 5 still held then changes
 * nothing), and so does one that gives a count when no number is known (whether any are left
 * is not known); any other end (no count, as many as are held or more, a hearing's) ends it,
 * but a hearing that gives its verdict unitemised on a day a milestone of the group gives it
 * with a count is not an end of its own (group_verdict_itemised).
 * Events dated after `upto` (when known) are not read. Returns the end's date (unknown: none),
 * its record in *by, and in *held how many are held after the events read when the stretch
 * has not ended (-1 when no number is known). -2 in *held when memory ran out: the caller then
 * takes the first end, as before parts were counted. */
/* The date a start of theirs is read at: its own, except that a "5 more arrested" dated only
 * to a month or a year that holds the day of a start of theirs not marked so is read at that
 * day: it adds to those held since then, so it cannot come before them (read at its month's
 * first day, it would start the stretch, make its days a range and be added to no one). */
static struct cw_date start_date(const struct who *w, const struct cw_record *kase,
				 const struct cw_record *recs, size_t n, const struct cw_record *r)
{
	const struct cw_milestone *m = &r->u.milestone;
	struct cw_date at = m->date;

	if (!m->more || !cw_date_is_known(m->date) || cw_date_precision(m->date) == CW_DATE_DAY)
		return m->date;
	for (size_t i = 0; i < n; i++) {
		struct cw_date d = recs[i].u.milestone.date;

		if (!starts_for(w, kase, &recs[i]) || recs[i].u.milestone.more ||
		    cw_date_precision(d) != CW_DATE_DAY ||
		    cw_date_compare(d, cw_date_first_day(m->date)) < 0 ||
		    cw_date_compare(d, cw_date_last_day(m->date)) > 0)
			continue;
		if (cw_date_precision(at) != CW_DATE_DAY || cw_date_compare(d, at) < 0)
			at = d;
	}
	return at;
}

int cw_timeline_itemises_group_verdict(const struct cw_milestone *m)
{
	return m->group && *m->group && m->count > 0 &&
	       (m->type == CW_MS_VERDICT || m->type == CW_MS_IN_ABSENTIA_VERDICT);
}

int cw_timeline_itemises_hearing(const struct cw_milestone *m, const struct cw_hearing *h)
{
	return cw_timeline_itemises_group_verdict(m) && !cw_id_is_zero(&h->case_id) &&
	       cw_id_equal(&m->case_id, &h->case_id) && cw_date_is_known(m->date) &&
	       cw_date_compare(m->date, h->date) == 0;
}

/* Whether a date only to a month or a year holds the day `start` (dated to a day): an end so
 * dated may have come after it ("arrested on 4 July, released in July"). */
static int holds_day(struct cw_date d, struct cw_date start)
{
	return cw_date_precision(d) != CW_DATE_DAY && cw_date_precision(start) == CW_DATE_DAY &&
	       cw_date_compare(cw_date_first_day(d), start) <= 0 &&
	       cw_date_compare(cw_date_last_day(d), start) >= 0;
}

/* The ends dated only to a month or a year that ended a stretch begun on a day of it (one
 * release ends one stretch): few; when full, every other such end counts as used, and the
 * detention runs on as if that end were not there. */
#define USED_ENDS_MAX 32
struct used_ends {
	const struct cw_record *v[USED_ENDS_MAX];
	size_t n;
	int full;
};

static int end_used(const struct used_ends *u, const struct cw_record *r)
{
	for (size_t i = 0; i < u->n; i++)
		if (u->v[i] == r)
			return 1;
	return u->full;
}

/* Whether a hearing that gives its verdict unitemised is, for the group, only the hearing at
 * which a milestone of the group's of that day gives the verdict with a count ("3 of the 8
 * convicted"): the milestone says whom it was for and frees those it counts, and the hearing
 * does not also end the whole group's detention. */
static int group_verdict_itemised(const struct who *w, const struct cw_record *kase,
				  const struct cw_record *recs, size_t n, const struct cw_record *h)
{
	if (h->kind != CW_KIND_HEARING || h->u.hearing.verdicts.n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const struct cw_milestone *m = &recs[i].u.milestone;

		if (recs[i].kind == CW_KIND_MILESTONE && concerns(m, w) &&
		    cw_id_equal(&m->case_id, &kase->id) &&
		    cw_timeline_itemises_hearing(m, &h->u.hearing))
			return 1;
	}
	return 0;
}

/* Whether an end dated only to the month or the year that holds `start` (dated `cov`) ends the
 * stretch from `start`, beside `end`, the earliest end dated to a day from `start` on (unknown:
 * none): it does when there is none, when that one lies after cov's month or year, or when they
 * were arrested again (an arrest, not a detention order: that follows an arrest) between
 * `start` and it, for then the month's release came before; else the day's end says more. */
static int covering_ends(const struct who *w, const struct cw_record *kase,
			 const struct cw_record *recs, size_t n, struct cw_date start,
			 struct cw_date cov, struct cw_date end)
{
	if (!cw_date_is_known(end) ||
	    cw_date_compare(cw_date_first_day(end), cw_date_last_day(cov)) > 0)
		return 1;
	for (size_t i = 0; i < n; i++) {
		struct cw_date d = cw_record_date(&recs[i]);

		if (starts_for(w, kase, &recs[i]) && recs[i].u.milestone.type == CW_MS_ARREST &&
		    cw_date_is_known(d) && cw_date_compare(d, start) > 0 &&
		    cw_date_compare(d, end) <= 0)
			return 1;
	}
	return 0;
}

/* Whether start k of a group's events is another account's of an event the team's own account
 * counts too (a start of the team's with a count, not "more", of the same kind in the stretch,
 * the same day, or linked to it as the same event or disputing it): its count is not read, the
 * team's stands (the team saw 3 arrested, a newspaper says 5 of the same arrests; the UN's
 * arrest of 8 two days before the team's of 3). Another account's count of another event is
 * read as any (a UN arrest of 8, then the team's detention order for 3 of them: 8). */
static int own_account_of(const struct cw_record *recs, const struct group_event *ev, size_t m,
			  size_t k)
{
	const struct cw_record *r = &recs[ev[k].index];

	if (r->view == CW_VIEW_OWN || r->u.milestone.count <= 0)
		return 0;
	for (size_t j = 0; j < m; j++) {
		const struct cw_record *o = &recs[ev[j].index];

		if (j != k && !ev[j].is_end && o->view == CW_VIEW_OWN && o->u.milestone.count > 0 &&
		    !o->u.milestone.more &&
		    (o->u.milestone.type == r->u.milestone.type ||
		     (cw_date_precision(ev[j].date) == CW_DATE_DAY &&
		      cw_date_compare(ev[j].date, ev[k].date) == 0) ||
		     cw_timeline_same_event(r, o)))
			return 1;
	}
	return 0;
}

static struct cw_date group_walk(const struct who *w, const struct cw_record *kase,
				 const struct cw_record *recs, size_t n, struct cw_date start,
				 struct cw_date upto, const struct used_ends *used, int counting,
				 const struct cw_record **by, int64_t *held)
{
	struct cw_date first_day_end = {0, 0, 0};
	struct cw_date end = {0, 0, 0};
	struct group_event *ev = n ? malloc(n * sizeof *ev) : NULL;
	const struct cw_defendant *d = cw_timeline_group_defendant(kase, w->group);
	int64_t number = -1;
	size_t m = 0;
	int started = 0;

	*held = -1;
	if (n && !ev) {
		*held = -2;
		return end;
	}
	/* The earliest end dated from the start on, which an end dated only to its month may
	 * yield to (covering_ends). */
	for (size_t i = 0; i < n; i++) {
		struct cw_date e = cw_record_date(&recs[i]);

		if (!starts_for(w, kase, &recs[i]) && ends_for(w, kase, &recs[i]) &&
		    cw_date_is_known(e) && cw_date_compare(e, start) >= 0 &&
		    (!cw_date_is_known(first_day_end) || cw_date_compare(e, first_day_end) < 0))
			first_day_end = e;
	}
	for (size_t i = 0; i < n; i++) {
		int is_start = starts_for(w, kase, &recs[i]);
		struct cw_date date = is_start ? start_date(w, kase, recs, n, &recs[i])
					       : cw_record_date(&recs[i]);
		int is_end = !is_start && ends_for(w, kase, &recs[i]) &&
			     !group_verdict_itemised(w, kase, recs, n, &recs[i]);

		/* An end dated only to the month or the year that holds the start, and that ended
		 * no stretch before: after the start's own events, as a person's (pretrial_end).
		 * Counting those held in a stretch still running, only one that frees part of
		 * them is of it: one that freed them all ended a stretch before. */
		if (is_end && cw_date_is_known(date) && cw_date_compare(date, start) < 0 &&
		    holds_day(date, start) && !(used && end_used(used, &recs[i])) &&
		    (!counting || recs[i].u.milestone.count > 0) &&
		    covering_ends(w, kase, recs, n, start, date, first_day_end))
			date = start;
		if (!cw_date_is_known(date) || cw_date_compare(date, start) < 0 ||
		    (cw_date_is_known(upto) && after_day(date, upto)))
			continue;
		if (is_end || is_start)
			ev[m++] = (struct group_event){date, is_end,
						       is_start && recs[i].u.milestone.more, i};
	}
	if (m > 1)
		qsort(ev, m, sizeof *ev, group_event_order);
	for (size_t k = 0; k < m; k++) {
		const struct cw_record *r = &recs[ev[k].index];
		int64_t now = group_number(number, d);

		if (!ev[k].is_end) {
			int64_t c = own_account_of(recs, ev, m, k) ? 0 : r->u.milestone.count;

			/* "5 more" adds to those held, when their number is known; the stretch's
			 * first start has no one before it to add to. */
			if (c > 0 && r->u.milestone.more && started)
				number = now > 0 ? now + c : -1;
			else if (c > 0 && (number <= 0 || c > number))
				number = c;
			started = 1;
			continue;
		}
		if (r->kind == CW_KIND_MILESTONE && r->u.milestone.count > 0 && now > 0 &&
		    r->u.milestone.count < now) {
			number = now - r->u.milestone.count;
			continue;
		}
		/* "3 released" of a group whose number no record gives: whether anyone is still
		 * held is not known, and reading it as everyone would drop the rest from every
		 * list. The stretch runs on, its number still not given. */
		if (r->kind == CW_KIND_MILESTONE && r->u.milestone.count > 0 && now <= 0)
			continue;
		end = cw_record_date(r);
		if (by)
			*by = r;
		break;
	}
	free(ev);
	if (!cw_date_is_known(end))
		*held = group_number(number, d);
	return end;
}

/* After a stretch ended by `by` at `end`: an end dated only to a month or a year is used (a
 * later start on a day of it is not ended by it again). */
static void use_end(struct used_ends *u, const struct cw_record *by, struct cw_date end)
{
	if (!by || cw_date_precision(end) == CW_DATE_DAY)
		return;
	if (u->n < USED_ENDS_MAX)
		u->v[u->n++] = by;
	else
		u->full = 1;
}

static struct cw_date next_start(const struct who *w, const struct cw_record *kase,
				 const struct cw_record *recs, size_t n, struct cw_date after);

static int is_release(const struct cw_record *r)
{
	return r->kind == CW_KIND_MILESTONE && r->u.milestone.type == CW_MS_RELEASE;
}

/* Whether a group's release frees everyone a bail decision freed: it gives no number, or no
 * fewer than the decision's, else the group's as its case gives it (a release of 2 of the 5
 * bailed is no end of the group's). */
static int releases_whole_group(const struct cw_record *release, const struct cw_record *bail,
				const struct cw_defendant *group)
{
	int64_t freed = release->kind == CW_KIND_MILESTONE ? release->u.milestone.count : 0;
	int64_t bailed = bail->kind == CW_KIND_MILESTONE ? bail->u.milestone.count : 0;

	/* A bail that gives no number freed the group as its case counts it; with no number
	 * either, a release that gives one may be of some of them only. */
	if (bailed <= 0)
		bailed = group && group->unnamed_count > 0 ? group->unnamed_count : 0;
	return freed <= 0 || (bailed > 0 && freed >= bailed);
}

/* A stretch ended by a bail decision `*by` at `*end` (dated to a day): the release of theirs
 * that followed it, when the first end from that day on that is no bail decision (of a day,
 * any other end before a release) is a release dated to a day, or to a month or a year that
 * begins after it, and no start of theirs comes between, becomes the end (models/timeline.h;
 * the index reads its entries in that order). */
static void released_after_bail(const struct who *w, const struct cw_record *kase,
				const struct cw_record *recs, size_t n, struct cw_date *end,
				const struct cw_record **by)
{
	const struct cw_record *next = NULL;
	struct cw_date next_date = {0, 0, 0};

	if (cw_date_precision(*end) != CW_DATE_DAY)
		return;
	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &recs[i];
		struct cw_date d = cw_record_date(r);
		int c;

		if (!cw_date_is_known(d) || cw_date_compare(d, *end) < 0 || !ends_for(w, kase, r) ||
		    cw_timeline_decides_bail(r))
			continue;
		c = next ? cw_date_compare(d, next_date) : -1;
		if (c < 0 || (c == 0 && is_release(next) && !is_release(r)))
			next = r, next_date = d;
	}
	/* A release dated after the clock's today has not happened, whatever day is asked
	 * about: the decision, which has, stays the end (a field trial's report of a past week
	 * listed as held someone whose release was logged ahead of its day). */
	/* A release dated only to a month or a year counts when all of it comes after the
	 * decision's day (bail on 30 June, released "in July": 21 to 51 days); one that holds
	 * that day says less than the decision (held_on_last bounds its month instead). */
	if (!next || !is_release(next) ||
	    (cw_date_precision(next_date) != CW_DATE_DAY &&
	     cw_date_compare(cw_date_first_day(next_date), *end) <= 0) ||
	    (cw_date_is_known(w->now) && cw_date_compare(cw_date_first_day(next_date), w->now) > 0))
		return;
	for (size_t i = 0; i < n; i++) {
		struct cw_date d;

		if (starts_for(w, kase, &recs[i]) &&
		    cw_date_is_known(d = start_date(w, kase, recs, n, &recs[i])) &&
		    cw_date_compare(d, *end) > 0 && cw_date_compare(d, next_date) <= 0)
			return;
	}
	*end = next_date;
	*by = next;
}

/* The end of the stretch from `start` (the event in *by when by is not NULL); unknown when
 * none: the earliest event that ends it dated from `start` on, or one dated only to the month
 * or the year that holds `start` (released "in July" after an arrest on 4 July) that ended no
 * stretch before (`used`). Of the two, one dated to a day of that month or year says more than
 * the month does, unless they were arrested again between `start` and that day (then the
 * month's release came before the arrest again). An end dated the day of a start ends what
 * that start began (the index of detentions reads it so too). A group's end that frees only
 * part of it ends nothing (group_walk). */
static struct cw_date pretrial_end(const struct who *w, const struct cw_record *kase,
				   const struct cw_record *recs, size_t n, struct cw_date start,
				   const struct used_ends *used, const struct cw_record **by)
{
	const struct cw_record *covering = NULL, *ender = NULL;
	struct cw_date end = {0, 0, 0};

	if (!w->person) {
		static const struct cw_date no_limit = {0, 0, 0};
		int64_t held;

		end = group_walk(w, kase, recs, n, start, no_limit, used, 0, &ender, &held);
		if (held != -2) {
			/* Bailed, then released on a later day: held until they walked out, as a
			 * person is (a partner's trial read the group's 2 days beside its
			 * members' 3), when the release is the whole group's. */
			if (ender && cw_timeline_decides_bail(ender)) {
				const struct cw_record *bail = ender;
				struct cw_date bailed = end;

				released_after_bail(w, kase, recs, n, &end, &ender);
				if (ender != bail &&
				    !releases_whole_group(
					    ender, bail,
					    cw_timeline_group_defendant(kase, w->group))) {
					end = bailed;
					ender = bail;
				}
			}
			if (by && ender)
				*by = ender;
			return end;
		}
		ender = NULL;
	}
	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &recs[i];
		struct cw_date d = cw_record_date(r);
		int c;

		if (!cw_date_is_known(d) || !ends_for(w, kase, r))
			continue;
		if (cw_date_compare(d, start) < 0) {
			if (holds_day(d, start) && !(used && end_used(used, r)) &&
			    (!covering || cw_date_compare(d, cw_record_date(covering)) > 0))
				covering = r; /* the month before its year: the closer */
			continue;
		}
		c = cw_date_is_known(end) ? cw_date_compare(d, end) : -1;
		/* Of a day, an end that is no bail decision says more (released_after_bail). */
		if (c < 0 ||
		    (c == 0 && cw_timeline_decides_bail(ender) && !cw_timeline_decides_bail(r))) {
			end = d;
			ender = r;
		}
	}
	if (covering && covering_ends(w, kase, recs, n, start, cw_record_date(covering), end)) {
		end = cw_record_date(covering);
		ender = covering;
	}
	if (w->person && ender && cw_timeline_decides_bail(ender))
		released_after_bail(w, kase, recs, n, &end, &ender);
	if (by && ender)
		*by = ender;
	return end;
}

/* What the next stretch's start is looked for after: the end of this one, or its start when
 * the end is dated only to a month or a year that holds the start. */
static struct cw_date stretch_after(struct cw_date start, struct cw_date end)
{
	return cw_date_compare(end, start) < 0 ? start : end;
}

/* Whether the end of a stretch from `start`, dated `end`, only to a month or a year that runs
 * past `today` (its first day on or before it), may lie after `today`: no other event that
 * ends the stretch (for a group: may end it) is dated to a day from `start` to `today` (one
 * that is ended it by then, whatever the month's record says), nor a start dated to a day of
 * that month or year up to `today` (arrested again: released before it). */
static int end_may_be_later(const struct who *w, const struct cw_record *kase,
			    const struct cw_record *recs, size_t n, struct cw_date start,
			    struct cw_date end, struct cw_date today)
{
	int released_in = 0;

	if (!cw_date_is_known(end) || cw_date_precision(end) == CW_DATE_DAY ||
	    after_day(end, today) || cw_date_compare(cw_date_last_day(end), today) <= 0)
		return 0;
	/* Released in that month or year after a bail decided before it (released_after_bail):
	 * the decision did not end it, the release may come after `today`. */
	for (size_t i = 0; i < n && !released_in; i++)
		released_in = is_release(&recs[i]) && ends_for(w, kase, &recs[i]) &&
			      cw_date_compare(cw_record_date(&recs[i]), end) == 0;
	for (size_t i = 0; i < n; i++) {
		struct cw_date d = cw_record_date(&recs[i]);

		if (cw_date_is_known(d) && cw_date_precision(d) == CW_DATE_DAY &&
		    cw_date_compare(d, start) >= 0 && cw_date_compare(d, today) <= 0 &&
		    ends_for(w, kase, &recs[i]) &&
		    !(released_in && cw_timeline_decides_bail(&recs[i]) &&
		      cw_date_compare(d, cw_date_first_day(end)) < 0))
			return 0;
		/* Arrested again on a day of that month, up to `today`: released before it. */
		if (starts_for(w, kase, &recs[i]) &&
		    cw_date_is_known(d = start_date(w, kase, recs, n, &recs[i])) &&
		    cw_date_precision(d) == CW_DATE_DAY && cw_date_compare(d, start) > 0 &&
		    cw_date_compare(d, cw_date_first_day(end)) >= 0 &&
		    cw_date_compare(d, today) <= 0)
			return 0;
	}
	return 1;
}

int cw_timeline_ruling_precedes(struct cw_date ruled, int sets_free, struct cw_date start)
{
	if (!cw_date_is_known(ruled) || !cw_date_is_known(start))
		return 0;
	if (!sets_free && cw_date_precision(ruled) == CW_DATE_DAY &&
	    cw_date_precision(start) == CW_DATE_DAY)
		return cw_date_compare(ruled, start) <= 0;
	return cw_date_compare(cw_date_last_day(ruled), cw_date_first_day(start)) < 0;
}

static int acquits(const struct who *w, const struct cw_record *r);

int cw_timeline_ruling_acquits(const struct cw_record *r, const struct cw_id *person)
{
	struct who w = {person, NULL, {0, 0, 0}};

	return acquits(&w, r);
}

/* The earliest ruling on them in the case (a verdict, a verdict in absentia or a sentence, or
 * a hearing's verdict that ends theirs: hearing_ends), by its last day; NULL when none. An arrest
 * after it (ruling_before) enforces the ruling (Mu Sochua, convicted in absentia in 2021,
 * arrested on her return), and is no pretrial detention. */
static const struct cw_record *first_ruling(const struct who *w, const struct cw_record *kase,
					    const struct cw_record *recs, size_t n)
{
	const struct cw_record *by = NULL;
	struct cw_date first = {0, 0, 0};

	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &recs[i];
		struct cw_date rd = cw_record_date(r);
		int ruling, c;

		if (!cw_date_is_known(rd))
			continue;
		if (r->kind == CW_KIND_MILESTONE)
			ruling = cw_id_equal(&r->u.milestone.case_id, &kase->id) &&
				 concerns(&r->u.milestone, w) &&
				 cw_timeline_milestone_rules(&r->u.milestone);
		else
			ruling = r->kind == CW_KIND_HEARING &&
				 cw_id_equal(&r->u.hearing.case_id, &kase->id) &&
				 cw_timeline_hearing_rules(&r->u.hearing) &&
				 hearing_ends(&r->u.hearing, kase, w);
		if (!ruling)
			continue;
		/* Of two ending on the same day, the one dated to that day, and of those one that
		 * does not set them free: an arrest of that day follows it (ruling_before), as the
		 * index, which reads every ruling, finds. */
		c = by ? cw_date_compare(cw_date_last_day(rd), cw_date_last_day(first)) : -1;
		if (c < 0 || (c == 0 && cw_date_precision(rd) == CW_DATE_DAY &&
			      (cw_date_precision(first) != CW_DATE_DAY ||
			       (acquits(w, by) && !acquits(w, r))))) {
			first = rd;
			by = r;
		}
	}
	return by;
}

/* Whether the ruling `by` (first_ruling; NULL: none) comes before a start dated d, which then
 * enforces it (cw_timeline_ruling_precedes). */
static int ruling_before(const struct who *w, const struct cw_record *by, struct cw_date d)
{
	return by && cw_timeline_ruling_precedes(cw_record_date(by), acquits(w, by), d);
}

/* The earliest arrest or detention of theirs in the case dated after `after` (any, when
 * `after` is unknown), before any ruling on them in it: the start of their next stretch in
 * pretrial detention. */
static struct cw_date next_start(const struct who *w, const struct cw_record *kase,
				 const struct cw_record *recs, size_t n, struct cw_date after)
{
	struct cw_date start = {0, 0, 0};
	const struct cw_record *ruled = first_ruling(w, kase, recs, n);

	for (size_t i = 0; i < n; i++) {
		struct cw_date d;

		if (!starts_for(w, kase, &recs[i]))
			continue;
		d = start_date(w, kase, recs, n, &recs[i]);
		if (!cw_date_is_known(d) ||
		    (cw_date_is_known(after) && cw_date_compare(d, after) <= 0) ||
		    ruling_before(w, ruled, d))
			continue;
		if (!cw_date_is_known(start) || cw_date_compare(d, start) < 0)
			start = d;
	}
	return start;
}

/* The start of their last stretch that began by `today`, as pretrial_for_case reads the
 * stretches; unknown when none did. */
static struct cw_date last_start(const struct who *w, const struct cw_record *kase,
				 const struct cw_record *recs, size_t n, struct cw_date today)
{
	struct cw_date start, last = {0, 0, 0}, end, after = {0, 0, 0};
	const struct cw_record *by = NULL;
	struct used_ends used = {{NULL}, 0, 0};

	for (;;) {
		start = next_start(w, kase, recs, n, after);
		if (!cw_date_is_known(start) || after_day(start, today))
			return last;
		last = start;
		end = pretrial_end(w, kase, recs, n, start, &used, &by);
		if (!cw_date_is_known(end) || after_day(end, today) ||
		    end_may_be_later(w, kase, recs, n, start, end, today))
			return last;
		use_end(&used, by, end);
		after = stretch_after(start, end);
	}
}

/* The latest date up to `today` the records of a case give for a person: how far a source
 * that gives no as-of date is known to reach; *view (may be NULL), whose account gives it
 * (the case's, when none is later than its opening): a record of another account than the
 * case's may be what the count stops at. */
static struct cw_date latest_recorded(const struct who *w, const struct cw_record *kase,
				      const struct cw_record *recs, size_t n, struct cw_date today,
				      uint8_t *view)
{
	struct cw_date latest = kase->u.kase.opened;

	if (view)
		*view = kase->view;

	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &recs[i];
		struct cw_date d = cw_record_date(r);
		int mine = r->kind == CW_KIND_HEARING
				   ? cw_id_equal(&r->u.hearing.case_id, &kase->id)
				   : r->kind == CW_KIND_MILESTONE &&
					     cw_id_equal(&r->u.milestone.case_id, &kase->id) &&
					     concerns(&r->u.milestone, w);

		/* A hearing set for a later day is no news of the detention up to today. */
		if (mine && cw_date_is_known(d) && !after_day(d, today) &&
		    (!cw_date_is_known(latest) || cw_date_compare(d, latest) > 0)) {
			latest = d;
			if (view)
				*view = r->view;
		}
	}
	return latest;
}

/* Whether a visit met the person: listed among its detainees (a tally, "18 visits", met no one
 * on a day; nor did a visit refused access). */
static int visit_met(const struct cw_record *r, const struct cw_id *person)
{
	const struct cw_visit *v = &r->u.visit;

	if (r->kind != CW_KIND_VISIT || v->tally.count >= 0 || cw_visit_met_no_one(v) ||
	    !cw_date_is_known(v->date))
		return 0;
	for (size_t j = 0; j < v->detainees.n; j++)
		if (cw_id_equal(&((const struct cw_person_ref *)v->detainees.items)[j].person,
				person))
			return 1;
	return 0;
}

const struct cw_record *cw_timeline_last_visit(const struct cw_id *person,
					       const struct cw_record *recs, size_t n,
					       struct cw_date since, struct cw_date today)
{
	const struct cw_record *last = NULL;

	for (size_t i = 0; person && i < n; i++) {
		const struct cw_record *r = &recs[i];

		/* Wholly up to today: a visit dated only to a month that runs past it may have
		 * been after it, and would place them held on a day it does not give. */
		if (visit_met(r, person) &&
		    cw_date_compare(cw_date_last_day(r->u.visit.date), today) <= 0 &&
		    cw_date_compare(r->u.visit.date, since) >= 0 &&
		    (!last || cw_date_compare(r->u.visit.date, last->u.visit.date) > 0))
			last = r;
	}
	return last;
}

/* Whether a record of the case refuses them bail or release, which finds them held on its day:
 * a bail or release milestone of theirs refused, or a hearing of the case that refused bail to
 * them, a defendant of the case: the one its record names, or where it names no one the case's
 * only defendant (models/record.h, cw_hearing_bail_for, as its grant; of a hearing that names
 * several, or none of several, it says to no one: a co-defendant at it may be out on bail
 * already). */
static int refuses_release(const struct who *w, const struct cw_record *kase,
			   const struct cw_record *r)
{
	const struct cw_hearing *h = &r->u.hearing;

	if (r->kind == CW_KIND_MILESTONE)
		return cw_id_equal(&r->u.milestone.case_id, &kase->id) &&
		       concerns(&r->u.milestone, w) &&
		       (r->u.milestone.type == CW_MS_BAIL ||
			r->u.milestone.type == CW_MS_RELEASE) &&
		       r->u.milestone.outcome == CW_DECISION_REFUSED;
	if (r->kind != CW_KIND_HEARING || !cw_id_equal(&h->case_id, &kase->id) ||
	    h->bail != CW_BAIL_REFUSED || h->tally.count >= 0)
		return 0;
	if (!cw_hearing_bail_for(h, &kase->u.kase, w->person, w->group))
		return 0;
	return w->person ? cw_timeline_defendant(kase, w->person) != NULL
			 : cw_timeline_group_defendant(kase, w->group) != NULL;
}

/* Whether a milestone of the case extends their detention or moves them between prisons, which
 * finds them held on its day as a refusal of their release does. */
static int extends_or_moves(const struct who *w, const struct cw_record *kase,
			    const struct cw_record *r)
{
	const struct cw_milestone *m = &r->u.milestone;

	return r->kind == CW_KIND_MILESTONE &&
	       (m->type == CW_MS_DETENTION_EXTENDED || m->type == CW_MS_TRANSFER) &&
	       cw_id_equal(&m->case_id, &kase->id) && concerns(m, w);
}

/* The latest record of the case that `finds` them held on its day (refuses_release,
 * extends_or_moves), dated to a day from `since` up to `today`; NULL when none. One dated only
 * to a month says no day they were held on ("a refusal of bail or release that day" of
 * "2026-11" misread). */
static const struct cw_record *
last_held_by(const struct who *w, const struct cw_record *kase, const struct cw_record *recs,
	     size_t n, struct cw_date since, struct cw_date today,
	     int (*finds)(const struct who *, const struct cw_record *, const struct cw_record *))
{
	const struct cw_record *last = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &recs[i];
		struct cw_date d = cw_record_date(r);

		if (cw_date_precision(d) == CW_DATE_DAY && finds(w, kase, r) &&
		    cw_date_compare(d, today) <= 0 && cw_date_compare(d, since) >= 0 &&
		    (!last || cw_date_compare(d, cw_record_date(last)) > 0))
			last = r;
	}
	return last;
}

const struct cw_record *cw_timeline_visit_after(const struct cw_id *person,
						const struct cw_record *recs, size_t n,
						struct cw_date today)
{
	const struct cw_record *first = NULL;

	for (size_t i = 0; person && i < n; i++)
		if (visit_met(&recs[i], person) && after_day(recs[i].u.visit.date, today) &&
		    (!first || cw_date_compare(recs[i].u.visit.date, first->u.visit.date) < 0))
			first = &recs[i];
	return first;
}

/* The stretches a person spent in pretrial detention, over all their cases: from a start to
 * the event that ended it, or to the day a running one is counted to. */
struct stint {
	struct cw_date from, to;
	int running; /* 0 ended; RUNNING; RUNNING_UNCOUNTED: no date to count it to (to = from) */
	/* The last day it can have begun: from's last day, or earlier when another of its starts
	 * (a detention seen on 25 July after an arrest dated only to July) or the day custody is
	 * known as of finds the person held sooner. */
	struct cw_date sure;
	/* The last day it can have ended, when earlier than its end's last day: an end dated
	 * only to a month that holds a day they were arrested again (unknown: none). */
	struct cw_date until;
	/* No record says the person was held in it (custody_known): its days are what the dates
	 * allow at most, none at least. */
	int unsure;
	/* The last day a record finds them still held, when later than the first day of an end
	 * dated only to a month or a year (held_on_last): it ran at least to that day. */
	struct cw_date held;
};

enum { RUNNING = 1, RUNNING_UNCOUNTED = 2 };

struct stints {
	struct stint *v;
	size_t n, cap;
	int failed; /* out of memory: the days are unknown rather than wrong */
};

static void add_stint(struct stints *s, struct cw_date from, struct cw_date to, int running,
		      struct cw_date sure)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		struct stint *v = realloc(s->v, cap * sizeof *v);

		if (!v) {
			s->failed = 1;
			return;
		}
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = (struct stint){from, to, running, sure, {0, 0, 0}, 0, {0, 0, 0}};
}

struct pretrial {
	int unknown, ongoing;
	/* The first day of the stretch `to` is the end of or is counted to: the case's detention
	 * order is one dated within it (detention_order). */
	struct cw_date start;
	struct cw_date to;
	uint8_t to_kind;
	struct cw_date news; /* counted to today: the latest record of the stretch */
	uint8_t to_view;     /* CW_PRETRIAL_TO_REFUSED: the refusal's account; _LATEST: the
			      * account of the record dated that day */
	/* CW_PRETRIAL_TO_END: the event that ended it, and a record of another account that
	 * finds the person held after it (held_after below), or NULL */
	const struct cw_record *end_by, *held_after;
	uint8_t why; /* not ongoing: enum cw_not_held, why not */
};

static int sets_free(const struct who *w, const struct cw_record *kase, const struct cw_record *r);

/* Whether a ruling ends the detention by setting them free: an acquittal or charges dropped (a
 * milestone's result, or every verdict of a hearing that names them or no one). A conviction
 * keeps them held to serve it. */
/* Whether a hearing's verdict is on the person: one that names them, or names no one and no
 * group (on everyone the hearing tried). */
static int verdict_on(const struct cw_verdict *v, const struct cw_id *person)
{
	return cw_id_is_zero(&v->person) ? !(v->group && *v->group)
					 : cw_id_equal(&v->person, person);
}

static int acquits(const struct who *w, const struct cw_record *r)
{
	size_t said = 0;

	if (r->kind == CW_KIND_MILESTONE)
		return r->u.milestone.result == CW_VERDICT_ACQUITTED ||
		       r->u.milestone.result == CW_VERDICT_DROPPED;
	for (size_t i = 0; r->kind == CW_KIND_HEARING && w->person && i < r->u.hearing.verdicts.n;
	     i++) {
		const struct cw_verdict *v =
			(const struct cw_verdict *)r->u.hearing.verdicts.items + i;

		if (!verdict_on(v, w->person))
			continue;
		if (v->result != CW_VERDICT_ACQUITTED && v->result != CW_VERDICT_DROPPED)
			return 0;
		said++;
	}
	return said > 0;
}

/* The latest record of another account than the end's (both recorded), dated after it and
 * wholly up to `today` (a month that runs past it may be after it), and before `again` (the next
 * arrest or detention, when known), that finds the person held: a refusal of their bail or release
 * (refuses_release), or a prison visit that met them. The latest: the newest word that they are
 * held, and a report of a period that holds it knows the accounts differ then. NULL when none. */
static const struct cw_record *held_after(const struct who *w, const struct cw_record *kase,
					  const struct cw_record *recs, size_t n,
					  const struct cw_record *end_by, struct cw_date end,
					  struct cw_date again, struct cw_date today)
{
	const struct cw_record *first = NULL;

	for (size_t i = 0; w->person && i < n; i++) {
		const struct cw_record *r = &recs[i];
		struct cw_date d = cw_record_date(r);

		if (!r->view || !end_by->view || r->view == end_by->view || !cw_date_is_known(d) ||
		    cw_date_compare(cw_date_first_day(d), cw_date_last_day(end)) <= 0 ||
		    cw_date_compare(cw_date_last_day(d), today) > 0 ||
		    (cw_date_is_known(again) &&
		     cw_date_compare(cw_date_last_day(d), cw_date_first_day(again)) >= 0))
			continue;
		if (!visit_met(r, w->person) && !refuses_release(w, kase, r))
			continue;
		if (!first || cw_date_compare(d, cw_record_date(first)) > 0)
			first = r;
	}
	return first;
}

/* The last day a stretch from `start` (to `end`, unknown while it runs) can have begun: the
 * earliest last day of its starts. */
static struct cw_date sure_start(const struct who *w, const struct cw_record *kase,
				 const struct cw_record *recs, size_t n, struct cw_date start,
				 struct cw_date end)
{
	struct cw_date sure = cw_date_last_day(start);

	for (size_t i = 0; i < n; i++) {
		struct cw_date d;

		if (!starts_for(w, kase, &recs[i]))
			continue;
		d = start_date(w, kase, recs, n, &recs[i]);
		if (!cw_date_is_known(d) || cw_date_compare(d, start) < 0 ||
		    (cw_date_is_known(end) && cw_date_compare(d, end) >= 0))
			continue;
		if (cw_date_compare(cw_date_last_day(d), sure) < 0)
			sure = cw_date_last_day(d);
	}
	return sure;
}

/* Whether record r finds the person (or group) held on its date: a prison visit that met
 * them, a detention ordered for them in the case, or their bail or release in it refused. */
static int finds_held(const struct who *w, const struct cw_record *kase, const struct cw_record *r)
{
	const struct cw_milestone *m = &r->u.milestone;

	if ((w->person && visit_met(r, w->person)) || refuses_release(w, kase, r))
		return 1;
	return r->kind == CW_KIND_MILESTONE && cw_id_equal(&m->case_id, &kase->id) &&
	       concerns(m, w) && orders_held(m->type);
}

/* Of a stretch from `start` whose end is dated only to a month or a year (`end`), the last day
 * of that month or year, up to `until` (arrested again the day after; unknown: none) and
 * `today`, on which a record dated to a day finds the person still held: a bail decided for
 * them (released "in July" after bail granted on 22 July: held to the 22nd at least), or one
 * that finds_held. Unknown when none. */
static struct cw_date held_on_last(const struct who *w, const struct cw_record *kase,
				   const struct cw_record *recs, size_t n, struct cw_date start,
				   struct cw_date end, struct cw_date until, struct cw_date today)
{
	struct cw_date last = cw_date_is_known(until) ? until : cw_date_last_day(end);
	struct cw_date held = {0, 0, 0};

	if (!cw_date_is_known(end) || cw_date_precision(end) == CW_DATE_DAY)
		return held;
	if (cw_date_is_known(today) && cw_date_compare(today, last) < 0)
		last = today;
	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &recs[i];
		struct cw_date d = cw_record_date(r);

		if (cw_date_precision(d) != CW_DATE_DAY || cw_date_compare(d, start) < 0 ||
		    cw_date_compare(d, cw_date_first_day(end)) < 0 ||
		    cw_date_compare(d, last) > 0 ||
		    (cw_date_is_known(held) && cw_date_compare(d, held) <= 0))
			continue;
		if ((ends_for(w, kase, r) && cw_timeline_decides_bail(r)) || finds_held(w, kase, r))
			held = d;
	}
	return held;
}

/* Whether the records say the person was held in the stretch from `start` to `end`, ended by
 * `by`: it was ended by a release, bail, house arrest, judicial supervision or explicit end
 * (each frees someone held), it began with a detention and not only an arrest, a bail or
 * release refused or a prison visit that met them falls in it, or the case's entry for them
 * says detained. An arrest, then a ruling, with nothing else, does not say it: "arrested and
 * charged", later convicted (Chao Veasna, 001 para 35) may have stayed free between. */
static int custody_known(const struct who *w, const struct cw_record *kase,
			 const struct cw_record *recs, size_t n, struct cw_date start,
			 struct cw_date end, const struct cw_record *by)
{
	const struct cw_defendant *d = w->person ? cw_timeline_defendant(kase, w->person)
						 : cw_timeline_group_defendant(kase, w->group);

	if (d && d->custody == CW_CUSTODY_DETAINED)
		return 1;
	if (by && by->kind == CW_KIND_MILESTONE && by->u.milestone.type != CW_MS_VERDICT &&
	    by->u.milestone.type != CW_MS_SENTENCE &&
	    by->u.milestone.type != CW_MS_IN_ABSENTIA_VERDICT)
		return 1;
	if (by && by->kind == CW_KIND_HEARING &&
	    hearing_bails(&by->u.hearing, kase, w->person, w->group))
		return 1;
	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &recs[i];
		struct cw_date dt = cw_record_date(r);

		if (!cw_date_is_known(dt) || cw_date_compare(cw_date_last_day(dt), start) < 0 ||
		    cw_date_compare(cw_date_first_day(dt), cw_date_last_day(end)) > 0)
			continue;
		if (finds_held(w, kase, r))
			return 1;
	}
	return 0;
}

/* Pretrial detention in one case, stretch by stretch: each begins at the first arrest or
 * detention after the last one's end and runs to the first event that ends it (a release on
 * bail and an arrest again are two stretches). The last, with no end, while the person's
 * custody in the case is still "detained", counts to the date that custody is known as of
 * (timeline.h); to today only when it is the team's own record. */
/* Whether the event that ended their stretch is a ruling (a verdict, verdict in absentia or
 * sentence; a hearing's verdict), not a release, bail or other end that sets them free (a
 * hearing's bail granted to them: hearing_bails). */
static int ends_by_ruling(const struct who *w, const struct cw_record *kase,
			  const struct cw_record *r)
{
	if (r->kind == CW_KIND_HEARING)
		return !hearing_bails(&r->u.hearing, kase, w->person, w->group) &&
		       cw_timeline_hearing_rules(&r->u.hearing);
	return r->kind == CW_KIND_MILESTONE && cw_timeline_milestone_rules(&r->u.milestone);
}

/* Whether an arrest or detention of theirs in the case dated after `after` (any, when it is
 * unknown) and up to `today` comes after a ruling on them there: it enforces the ruling
 * (next_start passes it over). */
static int enforces_ruling(const struct who *w, const struct cw_record *kase,
			   const struct cw_record *recs, size_t n, struct cw_date after,
			   struct cw_date today)
{
	const struct cw_record *ruled = first_ruling(w, kase, recs, n);

	if (!ruled)
		return 0;
	for (size_t i = 0; i < n; i++) {
		struct cw_date d;

		if (!starts_for(w, kase, &recs[i]))
			continue;
		d = cw_record_date(&recs[i]);
		if (cw_date_is_known(d) && !after_day(d, today) &&
		    (!cw_date_is_known(after) || cw_date_compare(d, after) > 0) &&
		    ruling_before(w, ruled, d))
			return 1;
	}
	return 0;
}

static void pretrial_for_case(const struct who *w, const struct cw_record *kase,
			      const struct cw_record *recs, size_t n, struct cw_date today,
			      struct pretrial *p, struct stints *out)
{
	struct cw_date start, end, after = {0, 0, 0}, to = {0, 0, 0};
	const struct cw_record *seen, *later, *refusal, *ordered, *by = NULL;
	struct used_ends used = {{NULL}, 0, 0};
	enum cw_pretrial_to kind;

	memset(p, 0, sizeof *p);
	p->why = CW_NOT_HELD_NOT_DETAINED;
	for (;;) {
		start = next_start(w, kase, recs, n, after);
		if (!cw_date_is_known(start) || after_day(start, today)) {
			if (enforces_ruling(w, kase, recs, n, after, today))
				p->why = CW_NOT_HELD_ENFORCES;
			return;
		}
		end = pretrial_end(w, kase, recs, n, start, &used, &by);
		/* Asked about today (a timeline; a report of a period not yet over), an end after
		 * it has not happened: no end yet, rather than one the stretch ran up to today by
		 * (a field trial's verdict typed for 2027 turned "56 days to the last visit that
		 * met them" into "65 days and counting"). Asked about a past day, the stretch ran
		 * on that day whatever ended it later, and a report of a past week says the same
		 * whenever it is written. (A release that took a bail decision's place is never
		 * after today: released_after_bail.) */
		if (cw_date_is_known(end) && after_day(end, today) && cw_date_is_known(w->now) &&
		    cw_date_compare(today, w->now) >= 0) {
			end = (struct cw_date){0, 0, 0};
			by = NULL;
		}
		if (cw_date_is_known(end) && after_day(end, today)) {
			/* It ended after the day asked about, so it ran up to that day, whatever
			 * the case says of the person now (a report of a past week); unless no
			 * record says they were held at all: then it may have, and they are not
			 * said to be held on that day. */
			if (!custody_known(w, kase, recs, n, start, end, by)) {
				add_stint(out, start, today, 0,
					  sure_start(w, kase, recs, n, start, end));
				if (!out->failed)
					out->v[out->n - 1].unsure = 1;
				p->to = today;
				p->to_kind = CW_PRETRIAL_TO_END;
				p->start = start;
				p->why = CW_NOT_HELD_NOT_DETAINED;
				return;
			}
			p->why = CW_NOT_HELD_NO;
			p->ongoing = 1;
			p->to = today;
			p->to_kind = CW_PRETRIAL_TO_TODAY;
			p->start = start;
			add_stint(out, start, today, RUNNING,
				  sure_start(w, kase, recs, n, start, end));
			return;
		}
		if (end_may_be_later(w, kase, recs, n, start, end, today)) {
			/* Released "in October 2023", asked about 8 October: it may have run on
			 * that day or not. Counted at least to the month's first day and at most
			 * to the day asked about, and said so (CW_PRETRIAL_TO_ENDED_IN). */
			p->why = CW_NOT_HELD_NO;
			p->ongoing = 1;
			p->to = end;
			p->to_kind = CW_PRETRIAL_TO_ENDED_IN;
			p->start = start;
			add_stint(out, start, end, RUNNING,
				  sure_start(w, kase, recs, n, start, end));
			if (!out->failed)
				out->v[out->n - 1].held =
					held_on_last(w, kase, recs, n, start, end,
						     (struct cw_date){0, 0, 0}, today);
			return;
		}
		if (!cw_date_is_known(end))
			break;
		add_stint(out, start, end, 0, sure_start(w, kase, recs, n, start, end));
		if (!out->failed && !custody_known(w, kase, recs, n, start, end, by))
			out->v[out->n - 1].unsure = 1;
		/* Released "in October", arrested again on 10 October: released by the 9th, so
		 * the two stretches are two, not one run from the first arrest. */
		if (!out->failed && cw_date_precision(end) != CW_DATE_DAY) {
			struct cw_date again =
				next_start(w, kase, recs, n, stretch_after(start, end));

			if (cw_date_is_known(again) && cw_date_precision(again) == CW_DATE_DAY &&
			    cw_date_compare(again, cw_date_first_day(end)) > 0 &&
			    cw_date_compare(again, cw_date_last_day(end)) <= 0 &&
			    cw_date_to_days(again) - 1 >= cw_date_to_days(cw_date_last_day(start)))
				out->v[out->n - 1].until =
					cw_date_from_days(cw_date_to_days(again) - 1);
		}
		if (!out->failed)
			out->v[out->n - 1].held = held_on_last(w, kase, recs, n, start, end,
							       out->v[out->n - 1].until, today);
		p->to = end;
		p->to_kind = CW_PRETRIAL_TO_END;
		p->start = start;
		use_end(&used, by, end);
		after = stretch_after(start, end);
		p->end_by = by;
		p->why = by && ends_by_ruling(w, kase, by) ? CW_NOT_HELD_RULED : CW_NOT_HELD_ENDED;
		/* Only an end that set them free (an acquittal too) can another account
		 * contradict by finding them held: after a conviction, a prison visit meets
		 * someone serving a sentence. */
		p->held_after = by && (sets_free(w, kase, by) || acquits(w, by))
					? held_after(w, kase, recs, n, by, end,
						     next_start(w, kase, recs, n, after), today)
					: NULL;
	}
	if (!(kind = who_running_to(kase, w, &to))) {
		/* not detained now, and no record says when it ended */
		const struct cw_defendant *d =
			w->person ? cw_timeline_defendant(kase, w->person)
				  : cw_timeline_group_defendant(kase, w->group);

		p->why = d && d->custody == CW_CUSTODY_DETAINED ? CW_NOT_HELD_AFTER_VERDICT
								: CW_NOT_HELD_NOT_DETAINED;
		return;
	}
	p->why = CW_NOT_HELD_NO;
	p->ongoing = 1;
	seen = cw_timeline_last_visit(w->person, recs, n, start, today);
	later = cw_timeline_visit_after(w->person, recs, n, today);
	if (kind == CW_PRETRIAL_TO_TODAY) {
		to = today;
		/* What the count to today rests on: the case's latest record of the person, or a
		 * later visit that met them. */
		p->news = latest_recorded(w, kase, recs, n, today, NULL);
		if (seen && (!cw_date_is_known(p->news) ||
			     cw_date_compare(seen->u.visit.date, p->news) > 0))
			p->news = seen->u.visit.date;
	} else if (kind == CW_PRETRIAL_TO_LATEST &&
		   !(cw_date_is_known(to = latest_recorded(w, kase, recs, n, today, &p->to_view)) &&
		     cw_date_compare(to, start) > 0)) {
		/* A visit on the day it began gives no length either; one after the day asked
		 * about does (below). */
		if ((!seen || cw_date_compare(cw_date_first_day(seen->u.visit.date),
					      cw_date_last_day(start)) <= 0) &&
		    !later) {
			p->to = to;
			p->to_kind = CW_PRETRIAL_TO_UNKNOWN;
			p->start = start;
			p->unknown = 1;
			/* No length, but a start: "detained since" still says it. */
			add_stint(out, start, start, RUNNING_UNCOUNTED, cw_date_last_day(start));
			return;
		}
		if (seen) {
			to = seen->u.visit.date;
			kind = CW_PRETRIAL_TO_SEEN;
		} else {
			/* Only a visit after the day asked about met them: held on that day, not
			 * "counted to the last prison visit that met them", which was none (a start
			 * dated to a month that runs past the day asked about read so). */
			to = today;
			kind = CW_PRETRIAL_TO_SEEN_AFTER;
		}
	}
	/* A prison visit that met them after the account of their custody stops finds them
	 * still held on its day, whoever's account the custody is. */
	if (seen && kind != CW_PRETRIAL_TO_TODAY &&
	    cw_date_compare(cw_date_first_day(seen->u.visit.date), cw_date_last_day(to)) > 0) {
		to = seen->u.visit.date;
		kind = CW_PRETRIAL_TO_SEEN;
	}
	/* So does a refusal of their bail or release after it (a bail hearing the team sat in
	 * that refused bail: a partner's trial saw the count stop at an earlier visit). */
	refusal = last_held_by(w, kase, recs, n, start, today, refuses_release);
	if (refusal && kind != CW_PRETRIAL_TO_TODAY &&
	    cw_date_compare(cw_date_first_day(cw_record_date(refusal)), cw_date_last_day(to)) > 0) {
		to = cw_record_date(refusal);
		kind = CW_PRETRIAL_TO_REFUSED;
		p->to_view = refusal->view;
	}
	/* And an extension of their detention or a transfer between prisons after it: each is of
	 * someone held (an extension the team logged from the court's order after the UN's
	 * account stopped). */
	ordered = last_held_by(w, kase, recs, n, start, today, extends_or_moves);
	if (ordered && kind != CW_PRETRIAL_TO_TODAY &&
	    cw_date_compare(cw_date_first_day(cw_record_date(ordered)), cw_date_last_day(to)) > 0) {
		to = cw_record_date(ordered);
		kind = CW_PRETRIAL_TO_ORDERED;
		p->to_view = ordered->view;
	}
	/* One after the day asked about (a report of a past week), with nothing recorded ending
	 * the detention: they were still held on that day. */
	if (kind != CW_PRETRIAL_TO_TODAY && cw_date_compare(cw_date_last_day(to), today) < 0 &&
	    cw_timeline_visit_after(w->person, recs, n, today)) {
		to = today;
		kind = CW_PRETRIAL_TO_SEEN_AFTER;
	}
	/* Never past the day asked about (a report of a past week). */
	if (cw_date_compare(cw_date_first_day(to), today) > 0) {
		to = today;
		kind = CW_PRETRIAL_TO_TODAY;
	}
	p->to = to;
	p->to_kind = (uint8_t)kind;
	p->start = start;
	{
		struct cw_date none = {0, 0, 0}, sure = sure_start(w, kase, recs, n, start, none);

		/* Custody known as of a day, or a source of a day, finds the person held then. */
		if ((kind == CW_PRETRIAL_TO_AS_OF || kind == CW_PRETRIAL_TO_SOURCE ||
		     kind == CW_PRETRIAL_TO_SEEN || kind == CW_PRETRIAL_TO_SEEN_AFTER ||
		     kind == CW_PRETRIAL_TO_REFUSED || kind == CW_PRETRIAL_TO_ORDERED) &&
		    cw_date_compare(cw_date_last_day(to), sure) < 0 &&
		    /* A visit after the day asked about finds them held on it only if they
		     * were detained by then: a start dated to a month that runs past it may
		     * come after it. */
		    !(kind == CW_PRETRIAL_TO_SEEN_AFTER &&
		      cw_date_compare(cw_date_last_day(start), to) > 0))
			sure = cw_date_last_day(to);
		add_stint(out, start, to, RUNNING, sure);
	}
}

enum cw_not_held cw_timeline_not_held(const struct cw_id *person, const char *group,
				      const struct cw_record *kase, const struct cw_record *records,
				      size_t n, struct cw_date today)
{
	struct stints stints = {NULL, 0, 0, 0};
	struct who w = {person, group, cw_date_today()};
	struct pretrial p;

	if (kase->kind != CW_KIND_CASE || (!person && !group))
		return CW_NOT_HELD_NOT_DETAINED;
	pretrial_for_case(&w, kase, records, n, today, &p, &stints);
	free(stints.v);
	return p.ongoing ? CW_NOT_HELD_NO : (enum cw_not_held)p.why;
}

int cw_timeline_held_in_case(const struct cw_id *person, const struct cw_record *kase,
			     const struct cw_record *records, size_t n, struct cw_date today)
{
	struct stints stints = {NULL, 0, 0, 0};
	struct who w = {person, NULL, cw_date_today()};
	struct pretrial p;

	if (kase->kind != CW_KIND_CASE)
		return 0;
	pretrial_for_case(&w, kase, records, n, today, &p, &stints);
	free(stints.v);
	return p.ongoing;
}

/* Whether an event that ends their pretrial detention sets them free (on bail, released,
 * under house arrest or judicial supervision) rather than ending only its pretrial part: a
 * verdict or a sentence may well keep them detained; a hearing's bail granted to someone else
 * (hearing_bails) leaves its verdict on them a verdict. */
static int sets_free(const struct who *w, const struct cw_record *kase, const struct cw_record *r)
{
	if (r->kind == CW_KIND_HEARING)
		return hearing_bails(&r->u.hearing, kase, w->person, w->group);
	if (r->kind != CW_KIND_MILESTONE)
		return 0;
	switch (r->u.milestone.type) {
	case CW_MS_BAIL:
	case CW_MS_RELEASE:
	case CW_MS_HOUSE_ARREST:
	case CW_MS_SUPERVISION:
		return 1;
	default:
		return 0;
	}
}

/* Whether r rules on the person in case kase (cw_timeline_stage_outdated): on appeal (an
 * appeal or Supreme Court hearing's verdict, an appeal or Supreme Court decision) when
 * `appeal`, else at any instance. */
static int rules_on(const struct cw_record *r, const struct cw_id *person, const struct cw_id *kase,
		    int appeal)
{
	if (r->kind == CW_KIND_HEARING) {
		const struct cw_hearing *h = &r->u.hearing;

		if (!cw_id_equal(&h->case_id, kase) || h->outcome != CW_OUTCOME_VERDICT ||
		    (appeal && h->stage != CW_STAGE_APPEAL && h->stage != CW_STAGE_SUPREME))
			return 0;
		for (size_t i = 0; i < h->verdicts.n; i++)
			if (cw_id_equal(&((const struct cw_verdict *)h->verdicts.items)[i].person,
					person))
				return 1;
		/* A verdict that names no one, or given unitemised: on those the hearing
		 * concerned (a defendant added to the case later was not tried at it). */
		return cw_hearing_rules_unnamed(h) && cw_hearing_concerns(h, person, NULL);
	}
	if (r->kind != CW_KIND_MILESTONE || !cw_id_equal(&r->u.milestone.case_id, kase) ||
	    !cw_id_equal(&r->u.milestone.person, person))
		return 0;
	if (r->u.milestone.type == CW_MS_APPEAL_DECIDED ||
	    r->u.milestone.type == CW_MS_SUPREME_DECISION)
		return 1;
	return !appeal && (r->u.milestone.type == CW_MS_VERDICT ||
			   r->u.milestone.type == CW_MS_IN_ABSENTIA_VERDICT ||
			   r->u.milestone.type == CW_MS_SENTENCE);
}

/* The latest ruling on the person in the case by today (rules_on, on appeal only when
 * `appeal`), of those dated; NULL when none. */
static const struct cw_record *latest_ruling(const struct cw_id *person,
					     const struct cw_record *kase,
					     const struct cw_record *records, size_t n,
					     struct cw_date today, int appeal)
{
	const struct cw_record *by = NULL;

	for (size_t i = 0; i < n; i++) {
		struct cw_date d = cw_record_date(&records[i]);

		if (!cw_date_is_known(d) || after_day(d, today) ||
		    !rules_on(&records[i], person, &kase->id, appeal))
			continue;
		if (!by || cw_date_compare(d, cw_record_date(by)) > 0)
			by = &records[i];
	}
	return by;
}

/* Whether the case's entry for them (mine), known as of a day (its own, else the case's), was
 * written on or after `day`: knowing of what happened then. */
static int written_knowing(const struct cw_record *kase, const struct cw_defendant *mine,
			   struct cw_date day)
{
	struct cw_date as_of = cw_date_is_known(mine->as_of) ? mine->as_of : kase->u.kase.as_of;

	return cw_date_is_known(as_of) && cw_date_compare(as_of, day) >= 0;
}

const struct cw_record *cw_timeline_stage_outdated(const struct cw_id *person,
						   const struct cw_record *kase,
						   const struct cw_record *records, size_t n,
						   struct cw_date today, int *on_appeal)
{
	const struct cw_defendant *mine;
	const struct cw_record *by;
	uint8_t stage;

	if (kase->kind != CW_KIND_CASE || !(mine = cw_timeline_defendant(kase, person)))
		return NULL;
	stage = mine->stage ? mine->stage : kase->u.kase.stage;
	/* Before any verdict, a verdict is news; at the verdict, a ruling on appeal is. */
	*on_appeal = stage == CW_STAGE_VERDICT;
	if (stage != CW_STAGE_INVESTIGATION && stage != CW_STAGE_PRETRIAL &&
	    stage != CW_STAGE_TRIAL && stage != CW_STAGE_VERDICT)
		return NULL;
	by = latest_ruling(person, kase, records, n, today, *on_appeal);
	if (by && written_knowing(kase, mine, cw_record_date(by)))
		return NULL;
	return by;
}

const struct cw_record *cw_timeline_released_after_ruling(const struct cw_id *person,
							  const struct cw_record *kase,
							  const struct cw_record *records, size_t n,
							  struct cw_date today)
{
	const struct cw_defendant *mine;
	const struct cw_record *freed = NULL;
	struct who w = {person, NULL, cw_date_today()};
	const struct cw_record *by;
	struct cw_date ruled;

	if (kase->kind != CW_KIND_CASE || !(mine = cw_timeline_defendant(kase, person)) ||
	    mine->custody != CW_CUSTODY_DETAINED || !(by = first_ruling(&w, kase, records, n)))
		return NULL;
	ruled = cw_record_date(by);
	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &records[i];
		const struct cw_milestone *m = &r->u.milestone;
		struct cw_date d = cw_record_date(r);

		if (r->kind != CW_KIND_MILESTONE || !cw_id_equal(&m->case_id, &kase->id) ||
		    !concerns(m, &w) || (m->type != CW_MS_RELEASE && m->type != CW_MS_PARDON) ||
		    m->outcome == CW_DECISION_REFUSED || !cw_date_is_known(d) ||
		    cw_date_compare(cw_date_first_day(d), cw_date_last_day(ruled)) <= 0 ||
		    after_day(d, today))
			continue;
		if (!freed || cw_date_compare(d, cw_record_date(freed)) > 0)
			freed = r;
	}
	if (!freed)
		return NULL;
	/* Taken again after it: "detained" may say that. */
	for (size_t i = 0; i < n; i++)
		if (records[i].kind == CW_KIND_MILESTONE &&
		    cw_id_equal(&records[i].u.milestone.case_id, &kase->id) &&
		    concerns(&records[i].u.milestone, &w) &&
		    records[i].u.milestone.type == CW_MS_ARREST &&
		    cw_date_compare(cw_record_date(&records[i]), cw_record_date(freed)) > 0)
			return NULL;
	if (written_knowing(kase, mine, cw_record_date(freed)))
		return NULL;
	return freed;
}

const struct cw_record *cw_timeline_cleared_outdated(const struct cw_id *person,
						     const struct cw_record *kase,
						     const struct cw_record *records, size_t n,
						     struct cw_date today, enum cw_cleared *how)
{
	const struct cw_defendant *mine;
	const struct cw_record *by;
	struct who w = {person, NULL, cw_date_today()};
	size_t ruled = 0, acquitted = 0;

	*how = CW_CLEARED_ACQUITTED;
	if (kase->kind != CW_KIND_CASE || !(mine = cw_timeline_defendant(kase, person)) ||
	    mine->custody != CW_CUSTODY_DETAINED)
		return NULL;
	/* Whatever stage the entry gives (an appeal court's acquittal of someone the entry, at
	 * the appeal, says is detained is news too): only an entry known as of the ruling's day
	 * or later was written knowing of it, below. */
	by = latest_ruling(person, kase, records, n, today, 0);
	if (!by || !acquits(&w, by))
		return NULL;
	/* Every verdict on them (named, or naming no one and no group: acquits), acquitted or
	 * dropped; a milestone's by its result. */
	if (by->kind == CW_KIND_MILESTONE) {
		ruled = 1;
		acquitted = by->u.milestone.result == CW_VERDICT_ACQUITTED;
	}
	for (size_t i = 0; by->kind == CW_KIND_HEARING && i < by->u.hearing.verdicts.n; i++) {
		const struct cw_verdict *v =
			(const struct cw_verdict *)by->u.hearing.verdicts.items + i;

		if (verdict_on(v, person)) {
			ruled++;
			acquitted += v->result == CW_VERDICT_ACQUITTED;
		}
	}
	/* Taken again after it (an arrest or a detention in the case, wholly after its last
	 * day: one dated to its year may be before it): "detained" may say that. */
	for (size_t i = 0; i < n; i++)
		if (starts_for(&w, kase, &records[i]) &&
		    cw_date_compare(cw_date_first_day(cw_record_date(&records[i])),
				    cw_date_last_day(cw_record_date(by))) > 0)
			return NULL;
	if (written_knowing(kase, mine, cw_record_date(by)))
		return NULL;
	*how = acquitted == ruled ? CW_CLEARED_ACQUITTED
	       : acquitted        ? CW_CLEARED_BOTH
				  : CW_CLEARED_DROPPED;
	return by;
}

const struct cw_record *cw_timeline_custody_outdated(const struct cw_id *person,
						     const struct cw_record *kase,
						     const struct cw_record *records, size_t n,
						     struct cw_date today)
{
	const struct cw_defendant *mine;
	const struct cw_record *by = NULL;
	struct cw_date start, end = {0, 0, 0}, after = {0, 0, 0}, last_end = {0, 0, 0};
	struct who w = {person, NULL, cw_date_today()};
	struct used_ends used = {{NULL}, 0, 0};

	if (kase->kind != CW_KIND_CASE || !(mine = cw_timeline_defendant(kase, person)) ||
	    mine->custody != CW_CUSTODY_DETAINED)
		return NULL;
	/* The stretches as pretrial_for_case reads them: the last must have ended by today. */
	for (;;) {
		start = next_start(&w, kase, records, n, after);
		if (!cw_date_is_known(start) || after_day(start, today))
			break;
		end = pretrial_end(&w, kase, records, n, start, &used, &by);
		if (!cw_date_is_known(end) || after_day(end, today) ||
		    end_may_be_later(&w, kase, records, n, start, end, today))
			return NULL; /* still running: "detained" is what the records say */
		use_end(&used, by, end);
		after = stretch_after(start, end);
		last_end = end;
	}
	if (!by || !cw_date_is_known(last_end) || !sets_free(&w, kase, by))
		return NULL;
	/* An arrest after it, even one that starts no pretrial detention (it enforces a ruling),
	 * is what "detained" may come from. */
	for (size_t i = 0; i < n; i++)
		if (starts_for(&w, kase, &records[i]) &&
		    cw_date_compare(cw_record_date(&records[i]), after) > 0)
			return NULL;
	if (written_knowing(kase, mine, last_end))
		return NULL;
	return by;
}

/* A stretch as days since 1970: [a, b]. A date not precise to the day gives two: the days it
 * surely covers (from the last day its start may be to the first day its end may be) and the
 * days it may cover (from the first to the last). */
struct span {
	long a, b;
	struct cw_date from; /* the stretch's start as recorded */
};

static int span_order(const void *pa, const void *pb)
{
	const struct span *x = pa, *y = pb;

	return x->a < y->a ? -1 : x->a > y->a;
}

/* The days of the union of spans (sorted here), each day once: two cases that hold a person at
 * once (a second charge while in detention) are one detention, not two. With `run`, also the days
 * from the start of the unbroken run that holds it up to it (into *run, 0 when no run holds it;
 * with `whole`, up to the run's last day instead) and that run's first recorded start (into
 * *since). */
static long union_days(struct span *v, size_t n, long point, int whole, long *run,
		       struct cw_date *since)
{
	long total = 0, from = 0, to = 0;
	struct cw_date first = {0, 0, 0};
	int any = 0;

	if (run)
		*run = 0;
	else
		point = LONG_MIN;
	if (n > 1)
		qsort(v, n, sizeof *v, span_order);
	for (size_t i = 0; i <= n; i++) {
		if (any && (i == n || v[i].a > to)) {
			total += to - from;
			if (point >= from && point <= to && run) {
				*run = (whole ? to : point) - from;
				*since = first;
			}
			any = 0;
		}
		if (i == n)
			break;
		if (!any) {
			from = v[i].a;
			to = v[i].b;
			first = v[i].from;
			any = 1;
		} else if (v[i].b > to) {
			to = v[i].b;
		}
	}
	return total;
}

/* The days in pretrial detention across the stretches, and while the person is still detained
 * (or, when none runs, counted to an end: up to that end) the stretch held without a break up
 * to pretrial_to (its first day and its days), each as the
 * least the dates allow (pretrial_days, pretrial_stretch_days) and the most (the _max fields;
 * the same when every date is precise to the day). A start dated only to a month counts at
 * least from that month's last day and at most from its first; an end, at least to its first
 * day and at most to its last, never past `today`. */
static void count_days(const struct stints *s, struct cw_date today,
		       struct cw_timeline_summary *out)
{
	struct span *least, *most;
	size_t nl = 0, nm = 0, running = s->n;
	long cap = cw_date_to_days(today), point_l = -1, point_m = -1;

	out->pretrial_stretch_days = out->pretrial_stretch_days_max = -1;
	out->pretrial_days = out->pretrial_days_max = -1;
	out->pretrial_end_least = out->pretrial_end_most = -1;
	/* The running stretch counted to pretrial_to, else any counted one, else one with no date
	 * to count it to (which gives "since" but no days). */
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].running == RUNNING &&
		    (running == s->n || s->v[running].running != RUNNING ||
		     cw_date_compare(s->v[i].to, out->pretrial_to) == 0))
			running = i;
		else if (s->v[i].running == RUNNING_UNCOUNTED && running == s->n)
			running = i;
	/* None running, and counted to an end: the stretch that end closes (the last of them),
	 * whose start and days the figure is given with, as a running one's (start_accounts). */
	if (running == s->n && out->pretrial_to_kind == CW_PRETRIAL_TO_END)
		for (size_t i = 0; i < s->n; i++)
			if (!s->v[i].running && cw_date_compare(s->v[i].to, out->pretrial_to) == 0)
				running = i;
	if (s->failed || !(least = malloc((s->n + 1) * sizeof *least)))
		return;
	if (!(most = malloc((s->n + 1) * sizeof *most))) {
		free(least);
		return;
	}
	for (size_t i = 0; i < s->n; i++) {
		const struct stint *t = &s->v[i];
		long a = cw_date_to_days(cw_date_last_day(t->from));
		long b = cw_date_to_days(cw_date_first_day(t->to));

		if (cw_date_is_known(t->sure) && cw_date_to_days(t->sure) < a)
			a = cw_date_to_days(t->sure);
		if (cw_date_is_known(t->held) && cw_date_to_days(t->held) > b)
			b = cw_date_to_days(t->held);

		out->pretrial_unsure |= t->unsure;
		if (b >= a && !t->unsure)
			least[nl++] = (struct span){a, b, t->from};
		point_l = i == running ? b : point_l;
		a = cw_date_to_days(cw_date_first_day(t->from));
		b = cw_date_to_days(cw_date_is_known(t->until) ? t->until
							       : cw_date_last_day(t->to));
		if (b > cap)
			b = cap;
		if (b < a)
			b = a;
		most[nm++] = (struct span){a, b, t->from};
		point_m = i == running ? b : point_m;
	}
	if (running == s->n) {
		out->pretrial_days = union_days(least, nl, 0, 0, NULL, NULL);
		out->pretrial_days_max = union_days(most, nm, 0, 0, NULL, NULL);
	} else {
		struct cw_date ignored;
		int uncounted = s->v[running].running == RUNNING_UNCOUNTED;

		/* A stretch with no date to count it to has no most; but when it began while
		 * another case held the person, it ran without a break at least through that
		 * case's days (Kang Saran, held in two cases from one day, one of them ended by
		 * its verdict): at least the whole run its start lies in, as pretrial_days counts
		 * it, so the report's row gives the figure the timeline gives. Alone, its run is
		 * its first day: no figure. */
		out->pretrial_days = union_days(least, nl, point_l, uncounted,
						&out->pretrial_stretch_days, &ignored);
		out->pretrial_days_max =
			union_days(most, nm, point_m, 0, &out->pretrial_stretch_days_max,
				   &out->pretrial_since);
		if (uncounted) {
			out->pretrial_stretch_days_max = -1;
			if (out->pretrial_stretch_days <= 0)
				out->pretrial_stretch_days = -1;
		} else {
			if (!s->v[running].unsure)
				out->pretrial_end_least = point_l;
			out->pretrial_end_most = point_m;
		}
	}
	free(least);
	free(most);
}

/* Hearings that did not go ahead as planned: adjourned, suspended or postponed. */
static int is_adjournment(const struct cw_record *r)
{
	if (r->kind == CW_KIND_HEARING)
		return r->u.hearing.outcome == CW_OUTCOME_ADJOURNED ||
		       r->u.hearing.outcome == CW_OUTCOME_SUSPENDED ||
		       r->u.hearing.outcome == CW_OUTCOME_POSTPONED;
	return r->kind == CW_KIND_MILESTONE && (r->u.milestone.type == CW_MS_TRIAL_SUSPENDED ||
						r->u.milestone.type == CW_MS_POSTPONED);
}

int cw_timeline_link_between(const struct cw_record *a, const struct cw_record *b)
{
	const struct cw_record *from[2] = {a, b}, *to[2] = {b, a};
	int found = CW_LINK_UNKNOWN;

	for (int side = 0; side < 2 && found != CW_LINK_DISPUTES; side++) {
		const struct cw_link *l = from[side]->links.items;

		for (size_t k = 0; k < from[side]->links.n && found != CW_LINK_DISPUTES; k++)
			if ((l[k].relation == CW_LINK_SAME_EVENT ||
			     l[k].relation == CW_LINK_DISPUTES) &&
			    cw_id_equal(&l[k].record, &to[side]->id))
				found = l[k].relation;
	}
	return found;
}

int cw_timeline_same_event(const struct cw_record *a, const struct cw_record *b)
{
	return cw_timeline_link_between(a, b) != CW_LINK_UNKNOWN;
}

int cw_timeline_courts_may_match(const char *a, const char *b, const char *case_court)
{
	const char *at_a = a && *a ? a : case_court;
	const char *at_b = b && *b ? b : case_court;

	return !at_a || !*at_a || !at_b || !*at_b || !strcasecmp(at_a, at_b);
}

int cw_timeline_next_date_superseded(const struct cw_record *set, const struct cw_record *later,
				     const char *case_court)
{
	const struct cw_hearing *a = &set->u.hearing, *b = &later->u.hearing;

	if (set->kind != CW_KIND_HEARING || later->kind != CW_KIND_HEARING || set == later ||
	    cw_id_is_zero(&a->case_id) || !cw_id_equal(&a->case_id, &b->case_id) ||
	    !cw_date_is_known(a->date) || !cw_date_is_known(b->date) ||
	    cw_date_compare(cw_date_first_day(b->date), cw_date_last_day(a->date)) <= 0)
		return 0;
	/* A hearing that names no court was at its case's, as its report row says. */
	if (!cw_timeline_courts_may_match(a->court, b->court, case_court))
		return 0;
	/* The sitting logged on the very day set is the one that date was for, whatever it
	 * decided (a field trial's bail hearing on the day a trial was adjourned to left
	 * "passed, nothing logged since"), as the report's hearings missed read it. */
	if (cw_date_precision(a->next_date) == CW_DATE_DAY &&
	    cw_date_compare(b->date, a->next_date) == 0)
		return !cw_timeline_same_event(set, later);
	/* A next date given only to its month (or its year): a hearing logged for a day of it
	 * (or for the month) is the sitting it was for, as one logged for the day set is, unless
	 * it only ruled on bail: a trial adjourned to July may still sit after a bail hearing of
	 * 5 July, as a date given to the day stands past one (the rule below decides, as for any
	 * hearing before the day). */
	if (cw_date_is_known(a->next_date) && cw_date_precision(a->next_date) != CW_DATE_DAY &&
	    cw_date_compare(cw_date_first_day(b->date), cw_date_first_day(a->next_date)) >= 0 &&
	    cw_date_compare(cw_date_last_day(b->date), cw_date_last_day(a->next_date)) <= 0 &&
	    b->outcome != CW_OUTCOME_BAIL_DECISION)
		return !cw_timeline_same_event(set, later);
	/* Otherwise only a hearing that moved the case on: one that set a date of its own, decided
	 * it (a verdict, a sentence) or suspended the trial. A bail or procedural hearing between
	 * two sessions of a trial leaves the trial's date standing (a review found a refused bail
	 * on 5 March taking the trial's 20 March off every agenda); one logged ahead of its day,
	 * or only announced, was not known held. */
	if (!cw_date_is_known(b->next_date) && b->verdicts.n == 0 && !b->sentence &&
	    b->sentence_parts.n == 0 && b->outcome != CW_OUTCOME_VERDICT &&
	    b->outcome != CW_OUTCOME_SUSPENDED)
		return 0;
	return !cw_timeline_same_event(set, later);
}

/* Whether a later hearing held by `today` (dated up to it) put an end to the next date
 * records[i] set. */
static int next_date_done(const struct cw_record *records, size_t n, size_t i, struct cw_date today)
{
	const char *case_court = NULL;

	for (size_t j = 0; j < n && !case_court; j++)
		if (records[j].kind == CW_KIND_CASE &&
		    cw_id_equal(&records[j].id, &records[i].u.hearing.case_id))
			case_court = records[j].u.kase.court;
	for (size_t j = 0; j < n; j++) {
		const struct cw_record *o = &records[j];

		if (o->kind != CW_KIND_HEARING ||
		    !cw_timeline_next_date_superseded(&records[i], o, case_court))
			continue;
		if (cw_date_compare(cw_date_last_day(o->u.hearing.date), today) <= 0)
			return 1;
	}
	return 0;
}

/* An adjournment another account of which comes earlier in the list: the UN's and the
 * government's word for one suspended trial (Kem Sokha, 002 para 35 and 004) are one. */
static int adjournment_told_before(const struct cw_record *recs, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (is_adjournment(&recs[j]) && cw_timeline_same_event(&recs[i], &recs[j]))
			return 1;
	return 0;
}

/* Still detained or counted to an end (out->pretrial_since known): the record that gives the
 * start of the stretch counted, and another account of the same event with another date
 * (timeline.h). Of several records of the start's day, the first in the list; of several other
 * accounts, the latest date. */
static void start_accounts(const struct who *w, const struct cw_record *only,
			   const struct cw_record *records, size_t n,
			   struct cw_timeline_summary *out)
{
	const struct cw_record *start = NULL, *start_case = NULL, *other = NULL;
	struct cw_date other_date = {0, 0, 0};

	for (size_t c = 0; c <= n && !start; c++) {
		const struct cw_record *kase = c < n ? &records[c] : only;

		if (!kase || kase->kind != CW_KIND_CASE || (c < n && only))
			continue;
		for (size_t i = 0; i < n && !start; i++)
			if (starts_for(w, kase, &records[i]) &&
			    cw_date_compare(start_date(w, kase, records, n, &records[i]),
					    out->pretrial_since) == 0) {
				start = &records[i];
				start_case = kase;
			}
	}
	if (!start)
		return;
	out->pretrial_start_view = start->view;
	out->pretrial_start_id = start->id;
	out->pretrial_start_confidential =
		start->confidential || cw_record_field_is_confidential(start, "source");
	for (size_t i = 0; i < n; i++) {
		const struct cw_record *o = &records[i];
		struct cw_date d;

		if (o == start || !starts_for(w, start_case, o) ||
		    !cw_timeline_same_event(start, o))
			continue;
		d = start_date(w, start_case, records, n, o);
		/* Dated after the day counted to (a report of a past week, a date to come): not
		 * an account of this count's start. */
		if (!cw_date_is_known(d) || cw_date_compare(d, out->pretrial_since) == 0 ||
		    cw_date_compare(cw_date_first_day(d), cw_date_last_day(out->pretrial_to)) > 0)
			continue;
		if (!other || cw_date_compare(d, other_date) > 0) {
			other = o;
			other_date = d;
		}
	}
	if (!other)
		return;
	out->pretrial_start_other = other_date;
	out->pretrial_start_other_view = other->view;
	out->pretrial_start_other_id = other->id;
	out->pretrial_start_other_confidential =
		other->confidential || cw_record_field_is_confidential(other, "source");
	out->pretrial_start_other_days = -1;
	/* Both to the day, and the stretch's days exact: the other account's count is the same
	 * days less those between the two dates. */
	if (cw_date_precision(other_date) == CW_DATE_DAY &&
	    cw_date_precision(out->pretrial_since) == CW_DATE_DAY &&
	    out->pretrial_stretch_days >= 0 &&
	    out->pretrial_stretch_days == out->pretrial_stretch_days_max) {
		long days = out->pretrial_stretch_days -
			    (cw_date_to_days(other_date) - cw_date_to_days(out->pretrial_since));

		out->pretrial_start_other_days = days >= 0 ? days : -1;
	}
}

/* The detention order a stretch of pretrial detention is held under, as far as the records
 * go: of the milestones in the case kase (NULL, a person's: any case) that order or extend
 * the detention of w (a person, or kase's group by its label, any letter case)
 * and give the last day the order runs to (until), dated within the stretch from `since` to
 * `to` (unknown: no end), the latest dated; of one day, the one that runs longest (an
 * extension supersedes what it extends). NULL when none. */
static const struct cw_record *detention_order(const struct who *w, const struct cw_record *kase,
					       const struct cw_record *recs, size_t n,
					       struct cw_date since, struct cw_date to)
{
	const struct cw_record *best = NULL;

	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &recs[i];
		const struct cw_milestone *m = &r->u.milestone;
		int order;

		if (r->kind != CW_KIND_MILESTONE || !cw_date_is_known(m->until) ||
		    (m->type != CW_MS_PRETRIAL_DETENTION && m->type != CW_MS_DETENTION_EXTENDED) ||
		    (!w->person && (!kase || !w->group)) ||
		    (kase && !cw_id_equal(&m->case_id, &kase->id)) || !concerns(m, w) ||
		    !cw_date_is_known(m->date))
			continue;
		/* Within the stretch: on or after its first day, and by the day counted to. */
		if ((cw_date_is_known(since) &&
		     cw_date_compare(cw_date_last_day(m->date), cw_date_first_day(since)) < 0) ||
		    (cw_date_is_known(to) && cw_date_compare(cw_date_first_day(m->date), to) > 0))
			continue;
		order = best ? cw_date_compare(m->date, best->u.milestone.date) : 1;
		if (order > 0 ||
		    (order == 0 && cw_date_compare(m->until, best->u.milestone.until) > 0))
			best = r;
	}
	return best;
}

/* The days held after an order's last day `until` up to `to`, least and most (0: not past it;
 * -1: `to` unknown). A day counted to that is itself only a month (an end dated so) bounds
 * both, narrowed to the last day of the stretch as its own days count it, end_least and
 * end_most (day numbers, -1 when not known: summary pretrial_end_least): a visit that met the
 * person on the 12th of that month, or the end of the report's period, so that the row's two
 * figures agree. */
static void order_days_past(struct cw_date until, struct cw_date to, long end_least, long end_most,
			    long *least, long *most)
{
	long first, last;

	*least = *most = -1;
	if (!cw_date_is_known(to) || !cw_date_is_known(until))
		return;
	first = cw_date_to_days(cw_date_first_day(to));
	last = cw_date_to_days(cw_date_last_day(to));
	if (end_least > first && end_least <= last)
		first = end_least;
	if (end_most >= first && end_most < last)
		last = end_most;
	*least = first - cw_date_to_days(cw_date_last_day(until));
	*most = last - cw_date_to_days(cw_date_first_day(until));
	if (*least < 0)
		*least = 0;
	if (*most < 0)
		*most = 0;
}

/* The summary for w over the cases among records, or over `only` alone (a group's case). */
static void summarise(const struct who *w, const struct cw_record *only,
		      const struct cw_record *records, size_t n, struct cw_date today,
		      struct cw_timeline_summary *out)
{
	struct stints stints = {NULL, 0, 0, 0};
	int unknown = 0, order_running = 0;
	/* The detention order the stretch counted is held under (timeline.h: order_id). */
	const struct cw_record *order = NULL;
	/* The earliest start of a detention still running in a case that records no order: what
	 * the person may be held lawfully under from then on, as far as the records go (unknown:
	 * none). */
	struct cw_date unordered = {0, 0, 0};

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i <= n; i++) {
		const struct cw_record *r = i < n ? &records[i] : only;

		if (!r || (i < n && only && r->kind == CW_KIND_CASE))
			continue;
		if (i < n && is_adjournment(r)) {
			out->adjournment_views |= cw_view_bit(r->view);
			if (!adjournment_told_before(records, i))
				out->adjournments++;
		}
		if (r->kind == CW_KIND_CASE) {
			struct cw_date as_of;
			struct pretrial p;
			const struct cw_record *o;

			out->cases++;
			pretrial_for_case(w, r, records, n, today, &p, &stints);
			unknown |= p.unknown;
			/* This case's own order, of its own stretch: another case's order, or
			 * an order of a stretch of this one already over, is not what they are
			 * held under (a release in one case ends the detention its order
			 * ordered, whatever holds them in another). */
			o = detention_order(w, r, records, n, p.start,
					    p.to_kind == CW_PRETRIAL_TO_UNKNOWN
						    ? (struct cw_date){0, 0, 0}
						    : p.to);
			/* Held in two cases, they are held lawfully while either order runs:
			 * the one that runs latest. */
			if (p.ongoing &&
			    (!order_running ||
			     (o &&
			      (!order ||
			       cw_date_compare(cw_date_last_day(o->u.milestone.until),
					       cw_date_last_day(order->u.milestone.until)) > 0)))) {
				order = o;
				order_running = 1;
			}
			if (p.ongoing && !o && cw_date_is_known(p.start) &&
			    (!cw_date_is_known(unordered) ||
			     cw_date_compare(cw_date_first_day(p.start),
					     cw_date_first_day(unordered)) < 0))
				unordered = p.start;
			/* The day counted to: the latest of the ongoing detentions', else the
			 * latest end. */
			if (p.to_kind && ((p.ongoing && !out->pretrial_ongoing) ||
					  (p.ongoing == out->pretrial_ongoing &&
					   (!out->pretrial_to_kind ||
					    cw_date_compare(p.to, out->pretrial_to) > 0)))) {
				out->pretrial_to = p.to;
				out->pretrial_to_kind = p.to_kind;
				/* Over: the order of the stretch whose end it is counted to. */
				if (!p.ongoing && !order_running)
					order = o;
				out->pretrial_news = p.news;
				out->pretrial_to_view = p.to_view;
				out->pretrial_end_view = 0;
				memset(&out->pretrial_end_case, 0, sizeof out->pretrial_end_case);
				/* Whose case it is, when that is why the count is not to today:
				 * not when the case says as of when (timeline.h). */
				out->pretrial_case_view = r->view;
				if (p.to_kind != CW_PRETRIAL_TO_END &&
				    who_running_to(r, w, &as_of) == CW_PRETRIAL_TO_AS_OF)
					out->pretrial_case_view = 0;
				out->held_after_kind = 0;
				if (p.to_kind == CW_PRETRIAL_TO_END && p.end_by) {
					out->pretrial_end_view = p.end_by->view;
					out->pretrial_end_case = r->id;
				}
				if (p.to_kind == CW_PRETRIAL_TO_END && p.held_after) {
					out->held_after = cw_record_date(p.held_after);
					out->held_after_view = p.held_after->view;
					out->held_after_kind = (uint8_t)p.held_after->kind;
					out->held_after_type =
						p.held_after->kind == CW_KIND_MILESTONE
							? p.held_after->u.milestone.type
							: 0;
				}
			}
			/* Two detentions counted on to the same day: the latest record is the
			 * later of theirs (it named the first case's). */
			if (p.ongoing && p.to_kind == out->pretrial_to_kind &&
			    cw_date_compare(p.to, out->pretrial_to) == 0 &&
			    cw_date_is_known(p.news) &&
			    (!cw_date_is_known(out->pretrial_news) ||
			     cw_date_compare(p.news, out->pretrial_news) > 0))
				out->pretrial_news = p.news;
			out->pretrial_ongoing |= p.ongoing;
		} else if (r->kind == CW_KIND_HEARING &&
			   (!only || cw_id_equal(&r->u.hearing.case_id, &only->id))) {
			const struct cw_hearing *h = &r->u.hearing;
			struct cw_date cands[2] = {h->date, h->next_date};
			/* A hearing of today with an outcome has been held: what comes next is
			 * the date it set, not itself. */
			int held_today = cw_date_compare(h->date, today) == 0 &&
					 h->outcome != CW_OUTCOME_UNKNOWN;
			/* A next date a later hearing held by today superseded is no date at
			 * all, whatever account set it. */
			int done = cw_date_is_known(h->next_date) && i < n &&
				   next_date_done(records, n, i, today);

			for (int j = held_today; j < 2 - done; j++)
				if (cw_date_is_known(cands[j]) &&
				    cw_date_compare(cands[j], today) >= 0 &&
				    (!cw_date_is_known(out->next_hearing) ||
				     cw_date_compare(cands[j], out->next_hearing) < 0))
					out->next_hearing = cands[j];
			/* One that passed with nothing logged since: said, not "none". */
			if (!done && cw_date_is_known(h->next_date) &&
			    cw_date_compare(cw_date_last_day(h->next_date), today) < 0 &&
			    (!cw_date_is_known(out->next_passed) ||
			     cw_date_compare(h->next_date, out->next_passed) > 0))
				out->next_passed = h->next_date;
		}
	}
	if (cw_date_is_known(out->next_hearing))
		out->next_passed = (struct cw_date){0, 0, 0};
	count_days(&stints, today, out);
	free(stints.v);
	/* A detention still running with no date to count it to sets no upper bound, and alone it
	 * gives no figure at all: unknown rather than wrong. */
	if (unknown && out->pretrial_days >= 0) {
		out->pretrial_days_max = out->pretrial_stretch_days_max = -1;
		if (out->pretrial_days == 0)
			out->pretrial_days = out->pretrial_stretch_days = -1;
	}
	/* Still detained, or counted to an end: the start of the stretch counted may be dated
	 * otherwise by another account either way. */
	if (cw_date_is_known(out->pretrial_since)) {
		start_accounts(w, only, records, n, out);
		if (order) {
			out->order_id = order->id;
			out->order_view = order->view;
			out->order_confidential = order->confidential;
			out->order_until = order->u.milestone.until;
			order_days_past(out->order_until,
					out->pretrial_to_kind == CW_PRETRIAL_TO_UNKNOWN
						? (struct cw_date){0, 0, 0}
						: out->pretrial_to,
					out->pretrial_end_least, out->pretrial_end_most,
					&out->order_days_past, &out->order_days_past_max);
			/* Held too in a case whose order is not recorded: past this one they may
			 * be held lawfully under that one, from its start on (held in two cases,
			 * they are held lawfully while either order runs). */
			if (order_running && cw_date_is_known(unordered) &&
			    out->order_days_past > 0) {
				long surely = cw_date_to_days(cw_date_first_day(unordered)) -
					      cw_date_to_days(cw_date_last_day(out->order_until));

				if (surely < out->order_days_past) {
					out->order_days_past = surely > 0 ? surely : 0;
					out->order_held_otherwise = 1;
				}
			}
		}
	}
}

void cw_timeline_summarise(const struct cw_id *person, const struct cw_record *records, size_t n,
			   struct cw_date today, struct cw_timeline_summary *out)
{
	struct who w = {person, NULL, cw_date_today()};

	summarise(&w, NULL, records, n, today, out);
}

void cw_timeline_summarise_group(const struct cw_record *kase, const char *label,
				 const struct cw_record *records, size_t n, struct cw_date today,
				 struct cw_timeline_summary *out, int64_t *count)
{
	struct who w = {NULL, label ? label : "", cw_date_today()};
	const struct cw_defendant *d;
	const struct cw_record *by = NULL;
	struct cw_date from, stopped;
	int64_t held;

	if (count)
		*count = -1;
	if (kase->kind != CW_KIND_CASE || !label || !*label) {
		memset(out, 0, sizeof *out);
		return;
	}
	summarise(&w, kase, records, n, today, out);
	if (!count || !out->pretrial_ongoing)
		return;
	/* How many are held on `today`, in the stretch still running (group_walk says how): from
	 * that stretch's own start, not the run's (an earlier stretch's end dated to a month may
	 * merge the two into one run). */
	/* Released "in October", asked about 8 October: those held before that month. */
	from = last_start(&w, kase, records, n, today);
	stopped = group_walk(
		&w, kase, records, n, from,
		out->pretrial_to_kind == CW_PRETRIAL_TO_ENDED_IN
			? cw_date_from_days(cw_date_to_days(cw_date_first_day(out->pretrial_to)) -
					    1)
			: today,
		NULL, 1, &by, &held);
	/* Held on after a bail decision that a later release took the place of
	 * (released_after_bail): those held up to the decision (a partner's trial read "number
	 * not given" for 6 bailed farmers still in prison). */
	if (held == -1 && by && cw_timeline_decides_bail(by) &&
	    cw_date_precision(stopped) == CW_DATE_DAY)
		group_walk(&w, kase, records, n, from,
			   cw_date_from_days(cw_date_to_days(stopped) - 1), NULL, 1, NULL, &held);
	if (held > 0)
		*count = held;
	else if (held == -2 && (d = cw_timeline_group_defendant(kase, label)) &&
		 d->unnamed_count > 0)
		*count = d->unnamed_count; /* out of memory: the group's size */
}

struct cw_day_range cw_day_range_of(long least, long most)
{
	struct cw_day_range r = {-1, -1, -1};

	if (least < 0)
		return r;
	r.at_least = least;
	r.at_most = most >= 0 ? most : -1;
	r.exact = least == most ? least : -1;
	return r;
}

int cw_timeline_news_old(struct cw_date news, struct cw_date to)
{
	return cw_date_is_known(news) && cw_date_is_known(to) &&
	       cw_date_to_days(cw_date_first_day(to)) - cw_date_to_days(cw_date_last_day(news)) >
		       CW_TIMELINE_NEWS_DAYS;
}

void cw_timeline_held_after_text(uint8_t kind, uint8_t type, struct cw_date date, uint8_t view,
				 char *buf, size_t len)
{
	char held[CW_DATE_TEXT_MAX];

	cw_date_format(date, held);
	snprintf(buf, len,
		 /* TRANSLATORS: "bail refused on 2023-11-20, UN, finds them held after it" */
		 _("%s on %s, %s, finds them held after it"),
		 kind == CW_KIND_VISIT     ? _("a prison visit")
		 : kind == CW_KIND_HEARING ? _("bail refused at a hearing")
		 : type == CW_MS_RELEASE   ? _("release refused")
					   : _("bail refused"),
		 held, cw_enum_label(&cw_words_view, view));
	cw_text_trim_utf8(buf);
}

/* A detention counted to its end: "16 days (to 2023-10-01)", and whose account that end is
 * when not the case's, and what another account says after it: "16 days (to 2023-10-01: an
 * end from another account than the case's, government; bail refused on 2023-11-20, UN,
 * finds them held after it)". */
static void end_text(const struct cw_timeline_summary *s, const char *days, const char *to,
		     const char *caveat, char *buf, size_t len)
{
	char other[600] = ""; /* Khmer takes 3 bytes a letter */
	/* An account not recorded is not another's. */
	int end_other = s->pretrial_end_view && s->pretrial_case_view &&
			s->pretrial_end_view != s->pretrial_case_view;

	if (s->held_after_kind)
		cw_timeline_held_after_text(s->held_after_kind, s->held_after_type, s->held_after,
					    s->held_after_view, other, sizeof other);
	if (end_other && other[0])
		snprintf(buf, len,
			 _("%s (to %s: an end from another account than the case's, %s; %s)%s"),
			 days, to, cw_enum_label(&cw_words_view, s->pretrial_end_view), other,
			 caveat);
	else if (end_other)
		snprintf(buf, len,
			 _("%s (to %s: an end from another account than the case's, %s)%s"), days,
			 to, cw_enum_label(&cw_words_view, s->pretrial_end_view), caveat);
	else if (other[0])
		snprintf(buf, len, _("%s (to %s; %s)%s"), days, to, other, caveat);
	else
		snprintf(buf, len, _("%s (to %s)%s"), days, to, caveat);
}

void cw_next_hearing_text(const struct cw_timeline_summary *s, char *buf, size_t len)
{
	char date[CW_DATE_TEXT_MAX];

	if (cw_date_is_known(s->next_hearing)) {
		cw_date_format(s->next_hearing, date);
		snprintf(buf, len, "%s", date);
	} else if (cw_date_is_known(s->next_passed)) {
		cw_date_format(s->next_passed, date);
		/* TRANSLATORS: the next hearing in a timeline, when the last date set has
		 * passed and no hearing of the case was logged on it or since */
		snprintf(buf, len, _("%s (passed, nothing logged since)"), date);
	} else {
		snprintf(buf, len, "%s", _("none scheduled"));
	}
}

static void pretrial_text(const struct cw_timeline_summary *s, char *buf, size_t len)
{
	char to[CW_DATE_TEXT_MAX], days[128], latest[256];
	const char *why = NULL, *caveat = "";
	long least = s->pretrial_days, most = s->pretrial_days_max;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (least < 0) {
		snprintf(buf, len, "%s",
			 s->pretrial_to_kind == CW_PRETRIAL_TO_UNKNOWN
				 ? _("unknown (still detained, and no date it is known as of)")
				 : _("unknown"));
		return;
	}
	if (least == 0 && most == 0 && !s->pretrial_to_kind)
		return;
	/* The figure: exact, a range when dates are not precise to the day, or a least. */
	if (most < 0 || s->pretrial_to_kind == CW_PRETRIAL_TO_LATEST)
		snprintf(days, sizeof days, P_("at least %ld day", "at least %ld days", least),
			 least);
	else if (most != least)
		snprintf(days, sizeof days, P_("%ld to %ld day", "%ld to %ld days", most), least,
			 most);
	else
		snprintf(days, sizeof days, P_("%ld day", "%ld days", least), least);
	/* Held again after an earlier detention: the days in all, and those of the stretch
	 * still running, as the report gives them (a field trial read "180 days and counting"
	 * with no sign of the release between). */
	if (s->pretrial_to_kind == CW_PRETRIAL_TO_TODAY && most == least &&
	    s->pretrial_stretch_days >= 0 && s->pretrial_stretch_days < least &&
	    s->pretrial_stretch_days_max == s->pretrial_stretch_days &&
	    cw_date_is_known(s->pretrial_since)) {
		char since[CW_DATE_TEXT_MAX];
		size_t at = strlen(days);

		cw_date_format(s->pretrial_since, since);
		/* TRANSLATORS: after "180 days": "180 days in all (87 of them since 2026-09-10)" */
		snprintf(days + at, sizeof days - at,
			 P_(" in all (%ld of them since %s)", " in all (%ld of them since %s)",
			    s->pretrial_stretch_days),
			 s->pretrial_stretch_days, since);
	}
	if (most < 0)
		caveat = _(" (a detention still running has no date it is known as of)");
	else if (s->pretrial_unsure)
		caveat = _(" (no record says they were held between the arrest and its end)");
	else if (most != least)
		caveat = _(" (dates not precise to the day)");
	cw_date_format(s->pretrial_to, to);
	switch (s->pretrial_to_kind) {
	case CW_PRETRIAL_TO_TODAY:
		if (cw_timeline_news_old(s->pretrial_news, s->pretrial_to)) {
			char news[CW_DATE_TEXT_MAX];

			cw_date_format(s->pretrial_news, news);
			snprintf(buf, len, _("%s and counting%s; its latest dated record is of %s"),
				 days, caveat, news);
		} else {
			snprintf(buf, len, _("%s and counting%s"), days, caveat);
		}
		return;
	case CW_PRETRIAL_TO_UNKNOWN:
		snprintf(buf, len, "%s%s", days, caveat);
		return;
	case CW_PRETRIAL_TO_AS_OF:
		why = _("the date custody was recorded as of");
		break;
	case CW_PRETRIAL_TO_SOURCE:
		why = _("the source's date");
		break;
	case CW_PRETRIAL_TO_LATEST:
		/* Dated so by another account than the case's (the team's transfer of a
		 * detainee the UN reported held): the figure rests on it too, and says so. */
		if (s->pretrial_to_view && s->pretrial_to_view != s->pretrial_case_view) {
			/* TRANSLATORS: "at least 59 days to 2024-03-04, the latest date recorded
			 * (account: own observation); the source gives no as-of date" */
			snprintf(latest, sizeof latest,
				 _("the latest date recorded (account: %s); the source gives no "
				   "as-of date"),
				 cw_enum_label(&cw_words_view, s->pretrial_to_view));
			why = latest;
		} else {
			why = _("the latest date recorded; the source gives no as-of date");
		}
		break;
	case CW_PRETRIAL_TO_SEEN:
		why = _("the last prison visit that met them");
		break;
	case CW_PRETRIAL_TO_SEEN_AFTER:
		why = _("a later prison visit found them still held");
		break;
	case CW_PRETRIAL_TO_REFUSED:
		why = _("a refusal of bail or release that day");
		break;
	case CW_PRETRIAL_TO_ORDERED:
		why = _("a detention extended or a transfer between prisons that day");
		break;
	case CW_PRETRIAL_TO_ENDED_IN:
		why = _("the month or year its end is dated to, not yet over on the day counted "
			"to: it may still have been running then");
		break;
	default:
		end_text(s, days, to, caveat, buf, len);
		return;
	}
	/* Counted to a visit or a refusal, not to today as a co-detainee met at the same visit is
	 * (a field trial asked why): the case is another account's. */
	if ((s->pretrial_to_kind == CW_PRETRIAL_TO_SEEN ||
	     s->pretrial_to_kind == CW_PRETRIAL_TO_REFUSED ||
	     s->pretrial_to_kind == CW_PRETRIAL_TO_ORDERED) &&
	    s->pretrial_case_view && s->pretrial_case_view != CW_VIEW_OWN)
		snprintf(buf, len,
			 /* TRANSLATORS: "56 days to 2026-11-27, the last prison visit that met
			  * them (the case's account: UN; only the team's own is counted on to
			  * today)" */
			 _("%s to %s, %s (the case's account: %s; only the team's own is counted "
			   "on to today)%s"),
			 days, to, why, cw_enum_label(&cw_words_view, s->pretrial_case_view),
			 caveat);
	else
		snprintf(buf, len, _("%s to %s, %s%s"), days, to, why, caveat);
}

long cw_timeline_start_other_total(const struct cw_timeline_summary *s)
{
	/* The days the other account leaves out are the stretch's first ones, in no other
	 * stretch (the stretches are counted as their union). */
	if (!cw_date_is_known(s->pretrial_start_other) || s->pretrial_start_other_days < 0 ||
	    s->pretrial_days < 0 || s->pretrial_days != s->pretrial_days_max ||
	    s->pretrial_stretch_days < 0 || s->pretrial_days < s->pretrial_stretch_days)
		return -1;
	return s->pretrial_start_other_days + (s->pretrial_days - s->pretrial_stretch_days);
}

void cw_timeline_order_text(struct cw_date until, uint8_t view, long days_past, long days_past_max,
			    int otherwise, char *buf, size_t len)
{
	char last[CW_DATE_TEXT_MAX];
	const char *whose = cw_enum_label(&cw_words_view, view);

	buf[0] = '\0';
	if (!cw_date_is_known(until))
		return;
	cw_date_format(until, last);
	if (days_past > 0 && days_past_max == days_past)
		/* TRANSLATORS: "held 40 days past the last day of the detention order (UN),
		 * 2023-07-17" */
		snprintf(buf, len,
			 P_("held %ld day past the last day of the detention order (%s), %s",
			    "held %ld days past the last day of the detention order (%s), %s",
			    (unsigned long)days_past),
			 days_past, whose, last);
	else if (days_past > 0)
		snprintf(
			buf, len,
			P_("held %ld to %ld day past the last day of the detention order (%s), %s",
			   "held %ld to %ld days past the last day of the detention order (%s), %s",
			   (unsigned long)days_past_max),
			days_past, days_past_max, whose, last);
	else if (days_past_max > 0 && cw_date_precision(until) != CW_DATE_DAY && !otherwise)
		snprintf(buf, len,
			 _("perhaps held past the last day of the detention order (%s), dated only "
			   "to %s"),
			 whose, last);
	else if (days_past_max > 0)
		/* An order dated to the day: what is not is the end the days are counted to,
		 * which the figure before this says; or another case that records no order held
		 * them too (otherwise), whatever the order's date. TRANSLATORS: "perhaps held past
		 * the last day of the detention order (UN), 2024-03-15" */
		snprintf(buf, len,
			 _("perhaps held past the last day of the detention order (%s), %s"), whose,
			 last);
	else
		/* TRANSLATORS: "the detention order (UN) runs to 2023-07-17" */
		snprintf(buf, len, _("the detention order (%s) runs to %s"), whose, last);
	cw_text_trim_utf8(buf);
}

void cw_pretrial_text(const struct cw_timeline_summary *s, char *buf, size_t len)
{
	char since[CW_DATE_TEXT_MAX], other[CW_DATE_TEXT_MAX], more[400], days[128];
	long other_days = cw_timeline_start_other_total(s);
	size_t used;

	pretrial_text(s, buf, len);
	/* Over, the order's last day matters only when they were held past it. */
	if (buf[0] && cw_date_is_known(s->order_until) &&
	    (s->pretrial_ongoing || s->order_days_past_max > 0)) {
		char order[400];

		cw_timeline_order_text(s->order_until, s->order_view, s->order_days_past,
				       s->order_days_past_max, s->order_held_otherwise, order,
				       sizeof order);
		used = strlen(buf);
		if (used + 2 + strlen(order) < len)
			snprintf(buf + used, len - used, "; %s", order);
	}
	if (!buf[0] || !cw_date_is_known(s->pretrial_start_other))
		return;
	/* The start two accounts date apart, each named (timeline.h). */
	cw_date_format(s->pretrial_since, since);
	cw_date_format(s->pretrial_start_other, other);
	if (other_days >= 0) {
		snprintf(days, sizeof days, P_("%ld day", "%ld days", other_days), other_days);
		/* TRANSLATORS: after the days in pretrial detention: "; counted from 2026-09-10
		 * (UN); government dates its start 2026-09-25: 71 days" */
		snprintf(more, sizeof more, _("; counted from %s (%s); %s dates its start %s: %s"),
			 since, cw_enum_label(&cw_words_view, s->pretrial_start_view),
			 cw_enum_label(&cw_words_view, s->pretrial_start_other_view), other, days);
	} else {
		snprintf(more, sizeof more, _("; counted from %s (%s); %s dates its start %s"),
			 since, cw_enum_label(&cw_words_view, s->pretrial_start_view),
			 cw_enum_label(&cw_words_view, s->pretrial_start_other_view), other);
	}
	used = strlen(buf);
	if (used + strlen(more) < len)
		memcpy(buf + used, more, strlen(more) + 1);
}

/* The record `i` is placed after, or -1: its anchor when it is in the list and its own date
 * leaves room for the place (none, or a partial date that covers the anchor's). */
static long anchor_of(const struct cw_record *recs, size_t n, size_t i)
{
	const struct cw_record *r = &recs[i];
	struct cw_date own = cw_record_date(r), at;

	/* Another account of the same event goes beside the one it disputes or describes too,
	 * whatever its own date. */
	for (size_t k = 0; k < r->links.n; k++)
		for (size_t j = 0; j < n; j++)
			if (j != i &&
			    cw_id_equal(&recs[j].id,
					&((const struct cw_link *)r->links.items)[k].record))
				return (long)j;
	if (cw_id_is_zero(&r->after))
		return -1;
	for (size_t j = 0; j < n; j++) {
		if (j == i || !cw_id_equal(&recs[j].id, &r->after))
			continue;
		at = cw_record_date(&recs[j]);
		if (!cw_date_is_known(own))
			return (long)j;
		if (cw_date_is_known(at) &&
		    cw_date_compare(cw_date_first_day(own), cw_date_first_day(at)) <= 0 &&
		    cw_date_compare(cw_date_last_day(at), cw_date_last_day(own)) <= 0)
			return (long)j;
		return -1;
	}
	return -1;
}

/* Appends i, then what is placed after it, depth first: a chain (resumed, then the verdict,
 * then the appeal) stays together. */
static void emit(size_t i, const long *anchor, size_t n, size_t *order, size_t *len,
		 unsigned char *done)
{
	done[i] = 1;
	order[(*len)++] = i;
	for (size_t j = 0; j < n; j++) /* in list order: the children's own date order */
		if (!done[j] && anchor[j] == (long)i)
			emit(j, anchor, n, order, len, done);
}

int cw_timeline_order(struct cw_record *records, size_t n)
{
	long *anchor = n ? calloc(n, sizeof *anchor) : NULL;
	size_t *order = n ? calloc(n, sizeof *order) : NULL, len = 0;
	unsigned char *done = n ? calloc(n, 1) : NULL;
	struct cw_record *sorted = n ? calloc(n, sizeof *sorted) : NULL;
	int placed = 0;

	if (n && (!anchor || !order || !done || !sorted)) {
		free(anchor);
		free(order);
		free(done);
		free(sorted);
		return CW_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		if ((anchor[i] = anchor_of(records, n, i)) >= 0)
			placed = 1;
	if (!placed) /* the common case: nothing to move */
		goto out;
	/* A placement that comes back to itself places nothing: every record on the loop is
	 * marked first (done[] serves as the mark), then freed from its anchor. */
	for (size_t i = 0; i < n; i++) {
		long at = anchor[i];

		for (size_t steps = 0; at >= 0 && steps <= n; steps++) {
			if (at == (long)i) {
				done[i] = 1;
				break;
			}
			at = anchor[at];
		}
	}
	for (size_t i = 0; i < n; i++)
		if (done[i]) {
			anchor[i] = -1;
			done[i] = 0;
		}
	for (size_t i = 0; i < n; i++)
		if (anchor[i] < 0 && !done[i])
			emit(i, anchor, n, order, &len, done);
	for (size_t i = 0; i < n; i++) /* anything a broken chain left: in its place */
		if (!done[i])
			emit(i, anchor, n, order, &len, done);
	for (size_t i = 0; i < n; i++)
		sorted[i] = records[order[i]];
	memcpy(records, sorted, n * sizeof *records);
out:
	free(anchor);
	free(order);
	free(done);
	free(sorted);
	return 0;
}

int cw_timeline_entry_held_pretrial(const struct cw_record *kase, const struct cw_defendant *d)
{
	uint8_t stage = d->stage ? d->stage : kase->u.kase.stage;

	/* A stage not recorded says nothing: "still in detention" may be after a verdict. */
	return d->custody == CW_CUSTODY_DETAINED &&
	       (stage == CW_STAGE_INVESTIGATION || stage == CW_STAGE_PRETRIAL ||
		stage == CW_STAGE_TRIAL);
}

struct cw_date cw_timeline_entry_known(const struct cw_record *kase, const struct cw_defendant *d)
{
	return cw_date_is_known(d->as_of)             ? d->as_of
	       : cw_date_is_known(kase->u.kase.as_of) ? kase->u.kase.as_of
	       : cw_date_is_known(kase->reported_on)  ? kase->reported_on
						      : kase->u.kase.opened;
}

int cw_timeline_entry_dated(const struct cw_record *kase, const struct cw_defendant *d)
{
	return cw_date_is_known(d->as_of) || cw_date_is_known(kase->u.kase.as_of) ||
	       cw_date_is_known(kase->reported_on);
}

int cw_timeline_ref_kind_check(enum cw_kind kind, const struct cw_id *id, const char *field,
			       struct cw_error *err)
{
	char hex[CW_ID_HEX_LEN + 1];

	if (CW_KIND_IS_EVENT(kind))
		return 0;
	cw_id_hex(id, hex);
	/* A person's or a case's id typed where an account was meant links nothing a timeline or
	 * a report reads: it was saved, and the event stayed counted twice (or unplaced). */
	return cw_error_set(err, CW_EINVAL, field,
			    "%.8s is a %s, not a monitoring record: name a hearing, visit, "
			    "demonstration, milestone or incident",
			    hex, cw_kind_text(kind));
}

int cw_timeline_link_kind_check(enum cw_kind from, enum cw_kind kind, const struct cw_id *id,
				const char *field, struct cw_error *err)
{
	char hex[CW_ID_HEX_LEN + 1];

	if (CW_KIND_IS_EVENT(from))
		return cw_timeline_ref_kind_check(kind, id, field, err);
	if (kind == from)
		return 0;
	cw_id_hex(id, hex);
	return cw_error_set(err, CW_EINVAL, field,
			    "%.8s is a %s: another account of a %s is a %s too", hex,
			    cw_kind_text(kind), cw_kind_text(from), cw_kind_text(from));
}

int cw_timeline_after_loop_check(const struct cw_record *rec, cw_timeline_get_fn get, void *ctx,
				 const char *field, struct cw_error *err)
{
	struct cw_id at = rec->after;

	if (cw_id_is_zero(&rec->id) || cw_id_is_zero(&at))
		return 0;
	for (int steps = 0; steps < CW_AFTER_WALK_MAX; steps++) {
		struct cw_record r;
		struct cw_id next;
		char hex[CW_ID_HEX_LEN + 1], named[CW_ID_HEX_LEN + 1];
		int rc;

		if (cw_id_equal(&at, &rec->id))
			return cw_error_set(err, CW_EINVAL, field, "a record cannot name itself");
		if ((rc = get(ctx, &at, &r, err)) == CW_ENOTFOUND)
			return 0; /* deleted, or not synced here yet: the chain ends */
		if (rc != 0) {
			snprintf(err->field, sizeof err->field, "%s", field);
			return rc;
		}
		next = r.after;
		cw_record_free(&r);
		if (cw_id_equal(&next, &rec->id)) {
			/* Each would come after the other: the timeline would place neither, and
			 * nothing said so. */
			cw_id_hex(&at, hex);
			if (cw_id_equal(&at, &rec->after))
				return cw_error_set(
					err, CW_EINVAL, field,
					"%.8s is placed after this record already: it "
					"cannot come after it too (that would be a loop)",
					hex);
			cw_id_hex(&rec->after, named);
			return cw_error_set(
				err, CW_EINVAL, field,
				"%.8s comes after this record already, through %.8s: it "
				"cannot come after it too (that would be a loop)",
				named, hex);
		}
		if (cw_id_is_zero(&next))
			return 0;
		at = next;
	}
	return 0;
}
