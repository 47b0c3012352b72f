/* agenda.c - what is coming, day by day; see agenda.h. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <jansson.h>

#include "models/confidential.h"
#include "models/i18n.h"
#include "models/text.h"
#include "report/agenda.h"

const char *cw_agenda_what_label(enum cw_agenda_what what)
{
	switch (what) {
	case CW_AGENDA_HEARING:
		return _("hearing");
	case CW_AGENDA_NEXT_DATE:
		return _("next hearing");
	case CW_AGENDA_FOLLOW_UP:
		return _("follow-up visit");
	}
	return "";
}

void cw_agenda_day_text(struct cw_date d, char *buf, size_t len)
{
	/* TRANSLATORS: a weekday's short name, before a date in the agenda */
	static const char *const names[] = {N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
					    N_("Mon"), N_("Tue"), N_("Wed")};
	char date[CW_DATE_TEXT_MAX];
	long days = cw_date_to_days(d);

	cw_date_format(d, date);
	/* A next date known only to its month heads its group as the month: no weekday. */
	if (cw_date_precision(d) != CW_DATE_DAY)
		snprintf(buf, len, "%s", date);
	else
		snprintf(buf, len, "%s %s", _(names[((days % 7) + 7) % 7]), date);
}

const char *cw_agenda_whose(unsigned view)
{
	/* TRANSLATORS: whose account gives a date of a hearing, before "account" or "gives":
	 * "next date per the government's account; the team's gives 2022-03-03" */
	static const char *const whose[] = {N_("an unrecorded source's"),
					    N_("the UN's"),
					    N_("the government's"),
					    N_("the media's"),
					    N_("an NGO's"),
					    N_("the team's"),
					    N_("another source's")};

	return _(whose[view < sizeof whose / sizeof whose[0] ? view : 0]);
}

/* Whether another item of the same hearing to come gives the same account (two newspapers):
 * then each is named with its record's first digits too. */
static int view_repeats(const struct cw_agenda *a, size_t i)
{
	for (size_t k = 0; k < a->n; k++)
		if (k != i && a->items[k].hearing == a->items[i].hearing &&
		    a->items[k].rec->view == a->items[i].rec->view)
			return 1;
	return 0;
}

/* Whose account item i gives, as the notes name it: "the team's"; with the record's first
 * digits when another item of the hearing gives the same account, and, in the team's own
 * views, the monitor who logged it ("the team's (Sokha, e78a337d)": a supervisor's trial could
 * not tell two monitors' accounts apart by their ids). Never a monitor's name in what leaves
 * the team (a calendar file). */
static void whose_text(const struct cw_agenda *a, size_t i, char *buf, size_t len)
{
	const struct cw_record *rec = a->items[i].rec;
	char hex[CW_ID_HEX_LEN + 1];

	if (!view_repeats(a, i)) {
		snprintf(buf, len, "%s", cw_agenda_whose(rec->view));
		return;
	}
	cw_id_hex(&rec->id, hex);
	if (!a->leaves_team && rec->author && *rec->author) {
		char author[61];

		/* Cut to whole characters before anything follows it (a Khmer name cut in the
		 * middle of a letter made the JSON unwritable). */
		snprintf(author, sizeof author, "%s", rec->author);
		cw_text_trim_utf8(author);
		snprintf(buf, len, "%s (%s, %.8s)", cw_agenda_whose(rec->view), author, hex);
	} else {
		snprintf(buf, len, "%s (%.8s)", cw_agenda_whose(rec->view), hex);
	}
	cw_text_trim_utf8(buf);
}

size_t cw_agenda_other_accounts(const struct cw_agenda *a, size_t i, char *buf, size_t len)
{
	const struct cw_agenda_item *it = &a->items[i];
	size_t others = 0, at = 0;

	buf[0] = '\0';
	for (size_t k = 0; it->hearing && k < a->n && at < len; k++) {
		const struct cw_agenda_item *o = &a->items[k];
		char date[CW_DATE_TEXT_MAX], whose[200];
		int n;

		if (k == i || o->hearing != it->hearing)
			continue;
		whose_text(a, k, whose, sizeof whose);
		cw_date_format(o->day, date);
		n = snprintf(buf + at, len - at, "%s", others ? ", " : "");
		at += n > 0 ? (size_t)n : 0;
		if (at >= len)
			break;
		if (cw_date_compare(o->day, it->day) == 0)
			/* TRANSLATORS: another account of a hearing to come gives the day this
			 * row is on: "the UN's gives the same day" */
			n = snprintf(buf + at, len - at, _("%s gives the same day"), whose);
		else
			/* TRANSLATORS: another account of a hearing to come gives another day:
			 * "the team's gives 2022-03-03" */
			n = snprintf(buf + at, len - at, _("%s gives %s"), whose, date);
		at += n > 0 ? (size_t)n : 0;
		others++;
	}
	if (at >= len && len)
		cw_text_trim_utf8(buf);
	return others;
}

size_t cw_agenda_hearings_differ(const struct cw_agenda *a)
{
	size_t n = 0;

	for (size_t i = 0; i < a->n; i++) {
		int first = a->items[i].hearing != 0, differ = 0;

		for (size_t k = 0; k < i && first; k++) /* each hearing once, at its first item */
			first = a->items[k].hearing != a->items[i].hearing;
		for (size_t k = i + 1; k < a->n && first && !differ; k++)
			differ = a->items[k].hearing == a->items[i].hearing &&
				 cw_date_compare(a->items[k].day, a->items[i].day) != 0;
		n += differ;
	}
	return n;
}

int cw_agenda_about(struct cw_store *st, const struct cw_agenda_item *it,
		    const struct cw_record_summary *sum, char *buf, size_t len,
		    struct cw_error *err)
{
	char met[600] = "";
	int rc = 0;

	/* Whom a follow-up is to see again: the prison alone said nothing of who was waiting
	 * for the doctor or the lawyer promised. */
	if (it->what == CW_AGENDA_FOLLOW_UP &&
	    (rc = cw_record_people_met(st, it->rec, CW_AGENDA_DETAINEES_NAMED, met, sizeof met,
				       err)) != 0)
		return rc;
	if (met[0])
		/* TRANSLATORS: a follow-up visit in the agenda: the prison, then the
		 * detainees the visit met ("Prey Sar CC1 (Eng Sroy and Sok Meas)") */
		snprintf(buf, len, _("%s%s (%s)"), sum->mark, sum->who, met);
	else
		snprintf(buf, len, "%s%s", sum->mark, sum->who);
	cw_text_trim_utf8(buf);
	return 0;
}

void cw_agenda_note(const struct cw_agenda *a, size_t i, char *buf, size_t len)
{
	const struct cw_agenda_item *it = &a->items[i];
	char date[CW_DATE_TEXT_MAX], others[600], whose[200];

	buf[0] = '\0';
	if (it->what != CW_AGENDA_FOLLOW_UP &&
	    cw_agenda_other_accounts(a, i, others, sizeof others) > 0) {
		const char *time = it->rec->u.hearing.time;

		whose_text(a, i, whose, sizeof whose);
		cw_date_format(it->rec->u.hearing.date, date);
		/* Which account says this day first: a narrow column keeps the start. */
		if (it->what == CW_AGENDA_NEXT_DATE)
			/* TRANSLATORS: a hearing's next date one account gives, and the days
			 * other accounts of that hearing give: "next date per the government's
			 * account; the team's gives 2022-03-03 (set at the hearing of 2022-02-17)"
			 */
			snprintf(buf, len,
				 _("next date per %s account; %s (set at the hearing of %s)"),
				 whose, others, *date ? date : _("an unknown date"));
		else if (time && *time)
			/* TRANSLATORS: a hearing logged for this day (at its time), and the days
			 * other accounts of it give as its next date */
			snprintf(buf, len, _("%s, per %s account; %s as the next date"), time,
				 whose, others);
		else
			snprintf(buf, len, _("per %s account; %s as the next date"), whose, others);
		cw_text_trim_utf8(buf);
		return;
	}
	switch (it->what) {
	case CW_AGENDA_HEARING:
		snprintf(buf, len, "%s", it->rec->u.hearing.time ? it->rec->u.hearing.time : "");
		break;
	case CW_AGENDA_NEXT_DATE:
		cw_date_format(it->rec->u.hearing.date, date);
		if (cw_date_precision(it->day) != CW_DATE_DAY)
			/* TRANSLATORS: a next date known only to its month (or year), in the
			 * agenda */
			snprintf(buf, len, _("set at the hearing of %s; day not known"),
				 *date ? date : _("an unknown date"));
		else
			snprintf(buf, len, _("set at the hearing of %s"),
				 *date ? date : _("an unknown date"));
		break;
	case CW_AGENDA_FOLLOW_UP: {
		const char *what = it->rec->u.visit.follow_up;

		/* What to do first: a narrow column keeps the start. */
		cw_date_format(it->rec->u.visit.date, date);
		if (cw_date_precision(it->day) != CW_DATE_DAY && what && *what)
			/* TRANSLATORS: a follow-up due within a month, in the agenda: what to
			 * do, the day of the visit that set it */
			snprintf(buf, len, _("%s%s (visit of %s); day not known"),
				 it->overdue ? _("OVERDUE: ") : "", what,
				 *date ? date : _("an unknown date"));
		else if (cw_date_precision(it->day) != CW_DATE_DAY)
			snprintf(buf, len, _("%safter the visit of %s; day not known"),
				 it->overdue ? _("OVERDUE: ") : "",
				 *date ? date : _("an unknown date"));
		else if (what && *what)
			snprintf(buf, len, _("%s%s (visit of %s)"),
				 it->overdue ? _("OVERDUE: ") : "", what,
				 *date ? date : _("an unknown date"));
		else
			snprintf(buf, len, _("%safter the visit of %s"),
				 it->overdue ? _("OVERDUE: ") : "",
				 *date ? date : _("an unknown date"));
		break;
	}
	}
	cw_text_trim_utf8(buf);
}

void cw_agenda_why_empty(const struct cw_agenda *a, int filtered, int cli, char *buf, size_t len)
{
	const char *match = filtered ? _(" that matches") : "";
	char day[CW_DATE_TEXT_MAX];

	if (cw_date_is_known(a->next) || cw_date_is_known(a->latest)) {
		cw_date_format(cw_date_is_known(a->next) ? a->next : a->latest, day);
		if (cli)
			snprintf(buf, len,
				 _("The %s day a hearing or a follow-up visit%s is set for is %s; "
				   "'--from %s' shows the agenda from then."),
				 cw_date_is_known(a->next) ? _("next") : _("latest"), match, day,
				 day);
		else
			snprintf(buf, len,
				 _("The %s day a hearing or a follow-up visit%s is set for is %s."),
				 cw_date_is_known(a->next) ? _("next") : _("latest"), match, day);
	} else if (a->done_skipped) {
		/* Follow-ups are set, but every one a later visit has done. */
		snprintf(buf, len,
			 _("Nothing%s is still to do: every follow-up visit set has been done by a "
			   "later visit, and no hearing has a date set."),
			 match);
	} else {
		snprintf(buf, len, _("No hearing or follow-up visit%s has a date set."), match);
	}
}

static struct cw_date add_days(struct cw_date d, long n)
{
	return cw_date_from_days(cw_date_to_days(d) + n);
}

static int push(struct cw_agenda *a, size_t *cap, const struct cw_agenda_item *it)
{
	if (a->n == *cap) {
		size_t grown_cap = *cap ? *cap * 2 : 16;
		struct cw_agenda_item *grown = realloc(a->items, grown_cap * sizeof *grown);

		if (!grown)
			return CW_ENOMEM;
		a->items = grown;
		*cap = grown_cap;
	}
	a->items[a->n++] = *it;
	return 0;
}

/* A follow-up is done once a later visit to the same facility is logged (before its day or
 * after it) that has been made by today: visits_after holds every visit from the earliest of
 * those asked about on. A visit dated after today (logged ahead, or a typo for another year:
 * only a warning when logged) has not happened, and done nothing yet (a field trial saw a
 * visit dated in five days take a follow-up off the agenda). A visit dated only to a month
 * counts once its last day has gone by, as a hearing so dated is held (timeline.c,
 * next_date_done). today unknown: every later visit counts. */
static int follow_up_done(const struct cw_record *visit, const struct cw_record_list *visits_after,
			  struct cw_date today)
{
	for (size_t i = 0; i < visits_after->n; i++) {
		const struct cw_record *v = &visits_after->items[i];

		if (cw_id_equal(&v->id, &visit->id) || !v->u.visit.facility ||
		    !visit->u.visit.facility ||
		    strcasecmp(v->u.visit.facility, visit->u.visit.facility) != 0)
			continue;
		if (cw_date_is_known(today) &&
		    cw_date_compare(cw_date_last_day(v->u.visit.date), today) > 0)
			continue;
		if (cw_date_compare(cw_date_first_day(v->u.visit.date),
				    cw_date_last_day(visit->u.visit.date)) > 0)
			return 1;
	}
	return 0;
}

static int item_order(const void *pa, const void *pb)
{
	const struct cw_agenda_item *a = pa, *b = pb;
	int c;

	if (a->overdue != b->overdue)
		return a->overdue ? -1 : 1;
	if ((c = cw_date_compare(a->day, b->day)) != 0)
		return c;
	if ((a->what == CW_AGENDA_FOLLOW_UP) != (b->what == CW_AGENDA_FOLLOW_UP))
		return a->what == CW_AGENDA_FOLLOW_UP ? 1 : -1;
	return memcmp(a->rec->id.b, b->rec->id.b, sizeof a->rec->id.b);
}

static void keep_day(struct cw_date *kept, struct cw_date d, int later)
{
	if (cw_date_is_known(d) &&
	    (!cw_date_is_known(*kept) || cw_date_compare(d, *kept) * (later ? 1 : -1) > 0))
		*kept = d;
}

/* How many next dates and follow-ups the empty agenda's hint looks through for one still to
 * do. */
#define CW_AGENDA_HINT_LOOK 64

/* follow_up_done, reading the visits after this one. */
static int follow_up_done_read(struct cw_reader *rd, const struct cw_record *visit,
			       struct cw_date today, int *done, struct cw_error *err)
{
	struct cw_record_list after;
	struct cw_filter f;
	int rc;

	cw_filter_init(&f);
	f.kinds = CW_KIND_BIT(CW_KIND_VISIT);
	f.since = cw_date_first_day(visit->u.visit.date);
	if ((rc = cw_reader_list(rd, &f, f.kinds, CW_ORDER_OLDEST_FIRST, 0, 0, &after, err)) != 0)
		return rc;
	*done = follow_up_done(visit, &after, today);
	cw_record_list_free(&after);
	return 0;
}

/* The day set nearest the end of [from, to] (later: the latest of all; else the first after
 * `from`) by a hearing's date, a next date or a follow-up the filter admits. */
static int day_set(struct cw_reader *rd, const struct cw_filter *filter, uint32_t kinds,
		   struct cw_date from, struct cw_date today, int later, struct cw_date *out,
		   size_t *skipped, struct cw_error *err)
{
	enum cw_order order = later ? CW_ORDER_NEWEST_FIRST : CW_ORDER_OLDEST_FIRST;
	struct cw_record_list l;
	struct cw_date none = {0, 0, 0};
	int rc;

	*out = none;
	if (kinds & CW_KIND_BIT(CW_KIND_HEARING)) {
		struct cw_filter f = *filter;

		f.since = from;
		f.until = none;
		f.kinds = CW_KIND_BIT(CW_KIND_HEARING);
		if ((rc = cw_reader_list(rd, &f, f.kinds, order, 0, 1, &l, err)) != 0)
			return rc;
		if (l.n && cw_date_precision(l.items[0].u.hearing.date) == CW_DATE_DAY)
			keep_day(out, l.items[0].u.hearing.date, later);
		cw_record_list_free(&l);
	}
	/* A follow-up a later visit has done is on no agenda: the hint must not send the user to
	 * a day that shows nothing. The first that is still to do, among a screenful. */
	if ((rc = cw_reader_list_next_dates(rd, filter, kinds, from, none, order,
					    CW_AGENDA_HINT_LOOK, &l, err)) != 0)
		return rc;
	for (size_t i = 0; i < l.n && rc == 0; i++) {
		const struct cw_record *r = &l.items[i];
		int done = 0;

		if (r->kind == CW_KIND_VISIT &&
		    (rc = follow_up_done_read(rd, r, today, &done, err)) != 0)
			break;
		if (done) {
			(*skipped)++;
			continue;
		}
		/* A next date known only to its month or year is on no day of the calendar file,
		 * which needs one (nor, for a year, of the agenda): the hint sent the user to
		 * '--from 2024-07', whose calendar was empty and gave the same hint again. */
		if (r->kind == CW_KIND_HEARING &&
		    cw_date_precision(r->u.hearing.next_date) != CW_DATE_DAY)
			continue;
		/* A follow-up due within a month: its first day, which '--from' takes. */
		keep_day(out,
			 r->kind == CW_KIND_HEARING ? r->u.hearing.next_date
						    : cw_date_first_day(r->u.visit.follow_up_on),
			 later);
		break;
	}
	cw_record_list_free(&l);
	return rc;
}

static int gather(struct cw_reader *rd, const struct cw_filter *filter, struct cw_withheld *shown,
		  struct cw_agenda *a, size_t *cap, struct cw_error *err)
{
	uint32_t kinds = filter->kinds ? filter->kinds
				       : CW_KIND_BIT(CW_KIND_HEARING) | CW_KIND_BIT(CW_KIND_VISIT);
	struct cw_report_upcoming *up = NULL;
	size_t *same = NULL;
	struct cw_record_list after = {0};
	struct cw_date back = add_days(a->from, -CW_AGENDA_OVERDUE_DAYS), earliest = {0, 0, 0};
	size_t nup = 0;
	int rc = 0;

	if (kinds & CW_KIND_BIT(CW_KIND_HEARING)) {
		/* Next dates known only to a month that overlaps the window too: under the
		 * month, before its days (a calendar file leaves them out: it needs a day). */
		if ((rc = cw_report_upcoming_read_months(rd, filter, a->from, a->to, shown,
							 &a->hearings, &up, &nup, err)) != 0)
			return rc;
		/* Accounts of one hearing to come, on the days each gives: one hearing, its
		 * items told apart from others by the first's place (plus one). */
		if (cw_report_upcoming_same(&a->hearings, shown, up, nup, &same) != 0)
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		for (size_t i = 0; i < nup && rc == 0; i++) {
			struct cw_agenda_item it = {
				.day = up[i].date,
				.what = up[i].from_next_date ? CW_AGENDA_NEXT_DATE
							     : CW_AGENDA_HEARING,
				.rec = up[i].hearing,
			};

			for (size_t k = i + 1; same && k < nup && !it.hearing; k++)
				if (same[k] == i)
					it.hearing = a->n + 1;
			if (same && same[i] != SIZE_MAX)
				it.hearing = a->n - i + same[i] + 1;
			rc = push(a, cap, &it) == 0
				     ? 0
				     : cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
		free(same);
		free(up);
		if (rc != 0)
			return rc;
	}
	if (kinds & CW_KIND_BIT(CW_KIND_VISIT)) {
		struct cw_filter f = *filter;

		if ((rc = cw_reader_list_next_dates(rd, filter, CW_KIND_BIT(CW_KIND_VISIT), back,
						    a->to, CW_ORDER_OLDEST_FIRST, 0, &a->visits,
						    err)) != 0)
			return rc;
		/* A follow-up due within the window's first year: its key sorts before the
		 * year's first day, which the range may start after. */
		if (cw_date_compare((struct cw_date){a->from.year, 0, 0}, back) < 0 &&
		    (rc = cw_reader_add_next_dates_given(rd, filter, CW_KIND_BIT(CW_KIND_VISIT),
							 (struct cw_date){a->from.year, 0, 0},
							 &a->visits, err)) != 0)
			return rc;
		for (size_t i = 0; i < a->visits.n; i++)
			if (!cw_date_is_known(earliest) ||
			    cw_date_compare(a->visits.items[i].u.visit.date, earliest) < 0)
				earliest = a->visits.items[i].u.visit.date;
		/* Every visit after the earliest of them, whatever the filter: a follow-up is done
		 * by any later visit to the facility made by today (follow_up_done). */
		cw_filter_init(&f);
		f.kinds = CW_KIND_BIT(CW_KIND_VISIT);
		f.since = cw_date_first_day(earliest);
		if (a->visits.n && (rc = cw_reader_list(rd, &f, f.kinds, CW_ORDER_OLDEST_FIRST, 0,
							0, &after, err)) != 0)
			return rc;
		/* For others, a visit they are not shown does no follow-up: the one they see
		 * would go from their calendar, and tell them a withheld visit was made. */
		if (shown && shown->leave_out && cw_withheld_sift(shown, &after, 0) != 0) {
			cw_record_list_free(&after);
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
		for (size_t i = 0; i < a->visits.n && rc == 0; i++) {
			const struct cw_record *v = &a->visits.items[i];
			struct cw_agenda_item it = {.what = CW_AGENDA_FOLLOW_UP, .rec = v};

			/* A follow-up due within a month (a year): under that month (year), as a
			 * next date known only to it is, its day not known (it sat on the
			 * window's first day, as if due then). Overdue once its last day is
			 * past. */
			it.day = cw_date_first_day(v->u.visit.follow_up_on);
			it.overdue = cw_date_compare(cw_date_last_day(v->u.visit.follow_up_on),
						     a->from) < 0;
			if (cw_date_is_known(v->u.visit.follow_up_on) &&
			    cw_date_precision(v->u.visit.follow_up_on) != CW_DATE_DAY)
				it.day = v->u.visit.follow_up_on;
			else if (!it.overdue && cw_date_compare(it.day, a->from) < 0)
				it.day = a->from;
			if (follow_up_done(v, &after, a->today))
				continue;
			rc = push(a, cap, &it) == 0
				     ? 0
				     : cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
		cw_record_list_free(&after);
		if (rc != 0)
			return rc;
	}
	/* Saying why it is empty: what comes next, or what came last. */
	if (a->n == 0 && cw_date_is_known(a->to))
		rc = day_set(rd, filter, kinds, add_days(a->to, 1), a->today, 0, &a->next,
			     &a->done_skipped, err);
	if (a->n == 0 && rc == 0)
		rc = day_set(rd, filter, kinds, (struct cw_date){0, 0, 0}, a->today, 1, &a->latest,
			     &a->done_skipped, err);
	return rc;
}

/* The day a draft is about: the whole date in its "date" field (the form's body, written by the
 * front end as {"fields": {NAME: TEXT}}), else the day it was last kept (local time). */
static struct cw_date draft_day(const struct cw_draft *d, int *dated)
{
	struct cw_date day = {0, 0, 0};
	json_t *doc = d->body ? json_loads(d->body, 0, NULL) : NULL;
	const char *text =
		json_string_value(json_object_get(json_object_get(doc, "fields"), "date"));

	*dated = text && cw_date_parse(text, &day, "date", NULL) == 0 &&
		 cw_date_precision(day) == CW_DATE_DAY;
	json_decref(doc);
	if (!*dated) {
		time_t t = (time_t)(d->saved / 1000000);
		struct tm tm;

		day = (struct cw_date){0, 0, 0};
		if (localtime_r(&t, &tm))
			day = (struct cw_date){(uint16_t)(tm.tm_year + 1900),
					       (uint8_t)(tm.tm_mon + 1), (uint8_t)tm.tm_mday};
	}
	return day;
}

static int draft_order(const void *pa, const void *pb)
{
	const struct cw_agenda_draft *a = pa, *b = pb;
	int c = cw_date_compare(a->day, b->day);

	return c ? c : strcoll(a->d->label ? a->d->label : "", b->d->label ? b->d->label : "");
}

/* Every draft, on its day (agenda.h). */
static int gather_drafts(struct cw_store *st, struct cw_agenda *out, struct cw_error *err)
{
	int rc = cw_store_drafts(st, &out->draft_store, &out->drafts, err);

	if (rc != 0 || out->drafts == 0)
		return rc;
	out->draft_items = calloc(out->drafts, sizeof *out->draft_items);
	if (!out->draft_items)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	for (size_t i = 0; i < out->drafts; i++) {
		out->draft_items[i].d = &out->draft_store[i];
		out->draft_items[i].day =
			draft_day(&out->draft_store[i], &out->draft_items[i].dated);
	}
	qsort(out->draft_items, out->drafts, sizeof *out->draft_items, draft_order);
	return 0;
}

int cw_agenda_build(struct cw_store *st, const struct cw_filter *filter, struct cw_date from,
		    struct cw_date to, struct cw_withheld *shown, struct cw_agenda *out,
		    struct cw_error *err)
{
	struct cw_reader *rd;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	out->from = from;
	out->to = to;
	out->today = cw_date_today();
	out->leaves_team = shown != NULL;
	if ((rc = cw_store_reader_begin(st, &rd, err)) != 0)
		return rc;
	rc = gather(rd, filter, shown, out, &cap, err);
	/* The people and cases named, in the same reading. */
	if (rc == 0)
		rc = cw_report_add_refs_read(rd, &out->refs, &out->hearings, err);
	if (rc == 0)
		rc = cw_report_add_refs_read(rd, &out->refs, &out->visits, err);
	cw_reader_end(rd);
	if (rc == 0 && out->n)
		qsort(out->items, out->n, sizeof *out->items, item_order);
	if (rc == 0)
		rc = gather_drafts(st, out, err);
	return rc;
}

void cw_agenda_free(struct cw_agenda *a)
{
	free(a->items);
	free(a->draft_items);
	cw_drafts_free(a->draft_store, a->drafts);
	cw_report_free(&a->refs);
	cw_record_list_free(&a->hearings);
	cw_record_list_free(&a->visits);
	memset(a, 0, sizeof *a);
}

int cw_agenda_leave_out_confidential(struct cw_agenda *a, struct cw_withheld *w)
{
	struct cw_record_list *lists[] = {&a->hearings, &a->visits};
	size_t kept = 0;

	if (!w->leave_out) {
		for (size_t i = 0; i < a->n; i++)
			if (cw_record_has_confidential(a->items[i].rec) &&
			    cw_withheld_count(w, &a->items[i].rec->id) != 0)
				return CW_ENOMEM;
		return 0;
	}
	/* The records stay where the items point (a->hearings, a->visits); an item of one left
	 * out goes. */
	for (size_t i = 0; i < a->n; i++) {
		const struct cw_record *rec = a->items[i].rec;
		int dropped = cw_withheld_leaves_out(w, rec);

		if (!dropped)
			a->items[kept++] = a->items[i];
		else if (cw_withheld_count(w, &rec->id) != 0)
			return CW_ENOMEM;
	}
	a->n = kept;
	for (size_t l = 0; l < 2; l++) {
		unsigned char *drop = calloc(lists[l]->n ? lists[l]->n : 1, 1);
		int rc;

		if (!drop)
			return CW_ENOMEM;
		rc = cw_withheld_mark(w, lists[l], drop, 0);
		/* What the mark drops beside the records left out whole (a visit that names the
		 * person asked for only in its withheld detainees) goes too: its item would say
		 * whom the withheld field names. */
		kept = 0;
		for (size_t i = 0; rc == 0 && i < a->n; i++) {
			/* As addresses: the item's record may be in the other list. */
			uintptr_t at = (uintptr_t)a->items[i].rec,
				  first = (uintptr_t)lists[l]->items;
			size_t j = (at - first) / sizeof *lists[l]->items;

			if (at < first || j >= lists[l]->n || !drop[j])
				a->items[kept++] = a->items[i];
		}
		if (rc == 0)
			a->n = kept;
		free(drop);
		if (rc != 0)
			return rc;
	}
	for (size_t i = 0; i < a->refs.refs.n; i++)
		if (cw_withheld_named(w, &a->refs.refs.items[i]) != 0)
			return CW_ENOMEM;
	return 0;
}

int cw_agenda_match_text_as_shown(struct cw_store *st, struct cw_agenda *a, struct cw_withheld *w,
				  const struct cw_filter *filter, struct cw_error *err)
{
	struct cw_reader *rd;
	struct cw_matcher *m = NULL;
	size_t kept = 0;
	int rc;

	if (!w->leave_out || (!filter->text[0] && !filter->narticles))
		return 0;
	if ((rc = cw_store_reader_begin(st, &rd, err)) != 0)
		return rc;
	/* The one matcher of what is written for others (report/confidential.h): the items are
	 * hearings and visits whatever kinds it defaults to. */
	rc = cw_withheld_text_matcher(rd, w, filter, &m, err);
	for (size_t i = 0; i < a->n && rc == 0 && m; i++) {
		int match = 1;

		if ((rc = cw_matcher_test(m, a->items[i].rec, &match, err)) != 0)
			break;
		if (match)
			a->items[kept++] = a->items[i];
		else if (cw_withheld_count(w, &a->items[i].rec->id) != 0)
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	if (rc == 0 && m)
		a->n = kept;
	cw_matcher_free(m);
	cw_reader_end(rd);
	return rc;
}
