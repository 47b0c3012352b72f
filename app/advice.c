/* advice.c - what a monitor should know about a record just saved; see advice.h. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/advice.h"
#include "models/article.h"
#include "models/confidential.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/text.h"
#include "models/utf8.h"
#include "models/timeline.h"

/* A read a warning needed that failed for another reason than "not held here" (the record
 * fails its authentication, the database failed) is said, as a warning of its own with the
 * store's message naming the record: read as none, the check said nothing, and the monitor
 * took the record just saved as having nothing to know. Returns rc; nothing is said for 0 or
 * CW_ENOTFOUND, or with fn NULL. No memory to read it (CW_ENOMEM) is no damage, and is not
 * sent to `verify` as if it were. */
static int unread(int rc, const struct cw_error *err, cw_advice_fn fn, void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX];

	if (rc == 0 || rc == CW_ENOTFOUND || !fn)
		return rc;
	snprintf(what, sizeof what,
		 _("a record this one is checked against cannot be read, so the checks that need "
		   "it were not made: %s"),
		 err->message[0] ? err->message : cw_error_name(rc));
	cw_text_trim_utf8(what);
	fn(ctx, what,
	   rc == CW_ENOMEM ? _("nothing is damaged: memory ran short; close other programs and "
			       "check the record again")
			   : _("'casewatch verify' lists every damaged record"));
	return rc;
}

/* cw_store_get for a warning: 0, or a failure (said by unread when not CW_ENOTFOUND). */
static int get_for(struct cw_store *st, const struct cw_id *id, struct cw_record *rec,
		   cw_advice_fn fn, void *ctx)
{
	struct cw_error err;

	return unread(cw_store_get(st, id, rec, &err), &err, fn, ctx);
}

/* The same warning said twice is said once: a record a save's checks read again and again
 * that cannot be read is said by each (unread), and once is enough. */
#define SAID_MAX 32
struct said {
	cw_advice_fn fn;
	void *ctx;
	uint64_t hash[SAID_MAX];
	size_t n;
};

static void say_once(void *ctx, const char *what, const char *fix)
{
	struct said *said = ctx;
	uint64_t h = 14695981039346656037u; /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)what; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	for (size_t i = 0; i < said->n; i++)
		if (said->hash[i] == h)
			return;
	if (said->n < SAID_MAX)
		said->hash[said->n++] = h;
	said->fn(said->ctx, what, fix);
}

/* A record's name as warnings give it after its short id, "case 5e6f7a8b (Ny Nak —
 * incitement)", "person 1a2b3c4d (Ny Nak)": a case's title, a person's name (cw_record_label),
 * cut to a whole character within len; "?" when it cannot be read (said through fn, when
 * given: get_for). An id alone told the monitor nothing (a field trial). Made safe for the
 * terminal by whoever shows it (cw_cli_print_advice, the screen), as every name in a warning
 * is. */
static void name_of(struct cw_store *st, const struct cw_id *id, char *out, size_t len,
		    cw_advice_fn fn, void *ctx)
{
	struct cw_record r;

	snprintf(out, len, "?");
	if (cw_id_is_zero(id) || get_for(st, id, &r, fn, ctx) != 0)
		return;
	/* Cut, it ends between letters with "…", never inside a letter and its sign. */
	cw_text_format(out, len, "%s", cw_record_label(&r));
	cw_record_free(&r);
}

/* A cw_person_namer (models/record.h) over the database st: "" when the person cannot be read,
 * for the message to name them by their id. */
static void person_name(void *st, const struct cw_id *id, char *out, size_t len)
{
	name_of(st, id, out, len, NULL, NULL);
	if (!strcmp(out, "?"))
		out[0] = '\0';
}

/* Whether rec lacks the date a monitor logging it knows. */
static int lacks_date(const struct cw_record *rec)
{
	return cw_record_date_expected(rec) && !cw_date_is_known(cw_record_date(rec));
}

int cw_check_logged_date(const struct cw_record *rec, const struct cw_record *was,
			 struct cw_error *err)
{
	if (!lacks_date(rec) || (was && lacks_date(was)))
		return 0;
	/* An edit that clears it is told so, not told of logging (a field trial's `edit --clear
	 * date` read "is required when logging a hearing"). "a new": "a incident" read wrong. */
	if (was)
		return cw_error_set(err, CW_EINVAL, "date",
				    "a %s cannot be left without one: give it as the source does "
				    "(2023, 2023-07 or 2023-07-04)",
				    cw_kind_text(rec->kind));
	return cw_error_set(err, CW_EINVAL, "date", "is required for a new %s",
			    cw_kind_text(rec->kind));
}

/* cw_check_case_names, its case's failure to be read said through fn (get_for). */
static int case_names(struct cw_store *st, const struct cw_id *kase, const struct cw_id *person,
		      cw_advice_fn fn, void *ctx)
{
	struct cw_record r;
	int named;

	if (get_for(st, kase, &r, fn, ctx) != 0)
		return 1;
	named = r.kind != CW_KIND_CASE || cw_timeline_defendant(&r, person) != NULL;
	cw_record_free(&r);
	return named;
}

int cw_check_case_names(struct cw_store *st, const struct cw_id *kase, const struct cw_id *person)
{
	return case_names(st, kase, person, NULL, NULL);
}

int cw_check_logged(struct cw_store *st, const struct cw_record *rec, const struct cw_record *was,
		    struct cw_error *err)
{
	const struct cw_milestone *m = &rec->u.milestone;
	char case_hex[CW_ID_HEX_LEN + 1], person_hex[CW_ID_HEX_LEN + 1], name[96];
	int rc = cw_record_validate_typed(rec, was, cw_date_today(), person_name, st, err);

	if (rc == 0)
		rc = cw_check_logged_date(rec, was, err);

	if (rc != 0 || rec->kind != CW_KIND_MILESTONE || cw_id_is_zero(&m->person) ||
	    cw_id_is_zero(&m->case_id))
		return rc;
	if (was && was->kind == CW_KIND_MILESTONE &&
	    cw_id_equal(&was->u.milestone.person, &m->person) &&
	    cw_id_equal(&was->u.milestone.case_id, &m->case_id))
		return 0; /* as the record had it: not the monitor's choice now */
	if (cw_check_case_names(st, &m->case_id, &m->person))
		return 0;
	cw_id_hex(&m->case_id, case_hex);
	cw_id_hex(&m->person, person_hex);
	name_of(st, &m->person, name, sizeof name, NULL, NULL);
	return cw_error_set(err, CW_EINVAL, "case",
			    "does not name %.40s as a defendant, and a milestone counts only in a "
			    "case that names its person: add them first (casewatch edit %.8s "
			    "--defendant %.8s), or give their own case",
			    name, case_hex, person_hex);
}

/* A milestone of a person in a case that does not name them counts in no detention (the case
 * holds no custody for them and is not in their timeline) and moves no charge. */
static void advise_case_names_person(struct cw_store *st, const struct cw_record *rec,
				     const char *hex, cw_advice_fn fn, void *ctx)
{
	const struct cw_milestone *m = &rec->u.milestone;
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], case_hex[CW_ID_HEX_LEN + 1],
		person_hex[CW_ID_HEX_LEN + 1], title[96], name[96];

	/* The rule logging refuses by (cw_check_logged), so the two cannot drift apart. */
	if (cw_id_is_zero(&m->person) || cw_id_is_zero(&m->case_id) ||
	    case_names(st, &m->case_id, &m->person, fn, ctx))
		return;
	cw_id_hex(&m->case_id, case_hex);
	cw_id_hex(&m->person, person_hex);
	name_of(st, &m->case_id, title, sizeof title, fn, ctx);
	name_of(st, &m->person, name, sizeof name, fn, ctx);
	snprintf(what, sizeof what,
		 _("case %.8s (%s) does not name person %.8s (%s), of this %s (%.8s), as a "
		   "defendant, so it counts in no pretrial detention and moves no charge"),
		 case_hex, title, person_hex, name, cw_enum_label(&cw_words_milestone, m->type),
		 hex);
	snprintf(fix, sizeof fix, _("to add them: casewatch edit %.8s --defendant %.8s"), case_hex,
		 person_hex);
	fn(ctx, what, fix);
}

/* A hearing's verdict or attendance naming someone its case does not name as a defendant: the
 * report counts the ruling all the same (a conviction of whoever the verdict names), so one
 * wrong name typed in a courtroom becomes a conviction partners read. */
static void advise_hearing_names_outsider(struct cw_store *st, const struct cw_record *rec,
					  const char *hex, cw_advice_fn fn, void *ctx)
{
	const struct cw_hearing *h = &rec->u.hearing;
	const struct cw_verdict *v = h->verdicts.items;
	const struct cw_attendance *a = h->attendance.items;
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], case_hex[CW_ID_HEX_LEN + 1],
		person_hex[CW_ID_HEX_LEN + 1], title[96], name[96];
	const struct cw_id *outsider = NULL;
	struct cw_record kase;
	int in_verdict = 0;

	if (cw_id_is_zero(&h->case_id) || get_for(st, &h->case_id, &kase, fn, ctx) != 0)
		return;
	if (kase.kind == CW_KIND_CASE) {
		for (size_t i = 0; i < h->verdicts.n && !outsider; i++)
			if (!cw_id_is_zero(&v[i].person) &&
			    !cw_timeline_defendant(&kase, &v[i].person))
				outsider = &v[i].person, in_verdict = 1;
		for (size_t i = 0; i < h->attendance.n && !outsider; i++)
			if (!cw_id_is_zero(&a[i].person) &&
			    !cw_timeline_defendant(&kase, &a[i].person))
				outsider = &a[i].person;
	}
	if (outsider) {
		cw_id_hex(&h->case_id, case_hex);
		cw_id_hex(outsider, person_hex);
		name_of(st, &h->case_id, title, sizeof title, fn, ctx);
		name_of(st, outsider, name, sizeof name, fn, ctx);
		if (in_verdict)
			snprintf(
				what, sizeof what,
				_("a verdict of this hearing (%.8s) names person %.8s (%s), who is "
				  "not a defendant of case %.8s (%s); reports count the ruling all "
				  "the same"),
				hex, person_hex, name, case_hex, title);
		else
			snprintf(what, sizeof what,
				 _("this hearing (%.8s) lists person %.8s (%s) as present or "
				   "absent, who is not a defendant of case %.8s (%s)"),
				 hex, person_hex, name, case_hex, title);
		if (in_verdict)
			snprintf(fix, sizeof fix,
				 _("if the name is wrong: casewatch edit %.8s --clear verdicts "
				   "--verdict ARTICLES=RESULT@NAME (each verdict again); if they "
				   "are a "
				   "defendant: casewatch edit %.8s --defendant %.8s"),
				 hex, case_hex, person_hex);
		else
			snprintf(fix, sizeof fix,
				 _("if the name is wrong: casewatch edit %.8s --clear attendance "
				   "--present NAME or --absent NAME (each again); if they are a "
				   "defendant: casewatch edit %.8s --defendant %.8s"),
				 hex, case_hex, person_hex);
		fn(ctx, what, fix);
	}
	cw_record_free(&kase);
}

/* A bail, release or other end of detention that names no case ends nothing: detention is
 * counted in a case, so the person stays "detained" in the timeline and the report. */
static void advise_end_without_case(const struct cw_milestone *m, const char *hex, cw_advice_fn fn,
				    void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];

	if (!cw_id_is_zero(&m->case_id) || cw_id_is_zero(&m->person) ||
	    !cw_timeline_milestone_ends_detention(m))
		return;
	snprintf(what, sizeof what, _("this %s names no case, so it ends no pretrial detention"),
		 cw_enum_label(&cw_words_milestone, m->type));
	snprintf(fix, sizeof fix, _("casewatch edit %.8s --case CASE"), hex);
	fn(ctx, what, fix);
}

/* Whether every arrest or detention of person in case kase is dated after `date` (and one
 * is): the earliest in *first. Of a ruling (`ruling`, its record; NULL: none), after it as
 * the summary reads it (cw_timeline_ruling_precedes: one of its own day comes after a ruling
 * that does not set them free, and carries it out). */
static int starts_all_after(struct cw_store *st, const struct cw_id *kase,
			    const struct cw_id *person, struct cw_date date,
			    const struct cw_record *ruling, struct cw_date *first, cw_advice_fn fn,
			    void *ctx)
{
	int sets_free = ruling && cw_timeline_ruling_acquits(ruling, person);
	struct cw_record_list l = {0};
	struct cw_error err;
	int after_all = 0;

	if (unread(cw_store_person_records(st, person, 1u << CW_KIND_MILESTONE, &l, &err), &err, fn,
		   ctx) != 0)
		return 0;
	for (size_t i = 0; i < l.n; i++) {
		const struct cw_milestone *s = &l.items[i].u.milestone;

		if (l.items[i].kind != CW_KIND_MILESTONE || !cw_id_equal(&s->case_id, kase) ||
		    !cw_id_equal(&s->person, person) || !cw_timeline_starts_detention(s) ||
		    !cw_date_is_known(s->date))
			continue;
		if (ruling ? !cw_timeline_ruling_precedes(date, sets_free, s->date)
			   : cw_date_compare(cw_date_first_day(s->date), cw_date_last_day(date)) <=
				     0) {
			after_all = 0; /* a start on or before it: it ends that one */
			break;
		}
		if (!after_all ||
		    cw_date_compare(cw_date_first_day(s->date), cw_date_first_day(*first)) < 0)
			*first = s->date;
		after_all = 1;
	}
	cw_record_list_free(&l);
	return after_all;
}

/* An end of detention dated before every arrest or detention of its person in its case ends
 * no stretch of them (a stretch runs from a start to the first end dated from it on): most
 * likely a mistyped year. A ruling does more: an arrest after it reads as carrying the ruling
 * out, so no pretrial detention is counted from it at all (a field trial's verdict typed for
 * August before a September arrest took the defendant out of the week's detainees while the
 * warning said it ended nothing). Said only when such a start is recorded, later. */
static void advise_end_before_start(struct cw_store *st, const struct cw_record *rec,
				    const char *hex, cw_advice_fn fn, void *ctx)
{
	const struct cw_milestone *m = &rec->u.milestone;
	struct cw_date first_start = {0};
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], dated[CW_DATE_TEXT_MAX],
		started[CW_DATE_TEXT_MAX];

	if (cw_id_is_zero(&m->case_id) || cw_id_is_zero(&m->person) || !cw_date_is_known(m->date) ||
	    !cw_timeline_milestone_ends_detention(m) ||
	    !starts_all_after(st, &m->case_id, &m->person, m->date,
			      cw_timeline_milestone_rules(m) ? rec : NULL, &first_start, fn, ctx))
		return;
	cw_date_format(m->date, dated);
	cw_date_format(first_start, started);
	if (cw_timeline_milestone_rules(m) && cw_date_compare(m->date, first_start) == 0)
		snprintf(what, sizeof what,
			 _("this %s is dated %s, the day of the person's first arrest or detention "
			   "in the case: that arrest now reads as carrying out the ruling (taken "
			   "into "
			   "custody after it), so no pretrial detention is counted from it"),
			 cw_enum_label(&cw_words_milestone, m->type), dated);
	else if (cw_timeline_milestone_rules(m))
		snprintf(what, sizeof what,
			 _("this %s is dated %s, before the person's first arrest or detention in "
			   "the case (%s): that arrest now reads as carrying out the ruling, so no "
			   "pretrial detention is counted from it"),
			 cw_enum_label(&cw_words_milestone, m->type), dated, started);
	else
		snprintf(what, sizeof what,
			 _("this %s is dated %s, before the person's first arrest or detention in "
			   "the case (%s), so it ends nothing"),
			 cw_enum_label(&cw_words_milestone, m->type), dated, started);
	snprintf(fix, sizeof fix, _("if the date is wrong: casewatch edit %.8s --date DATE"), hex);
	fn(ctx, what, fix);
}

/* The same of a hearing's ruling, for the first defendant it rules on whose arrests or
 * detentions in the case all come after it. */
static void advise_ruling_before_start(struct cw_store *st, const struct cw_record *rec,
				       const char *hex, cw_advice_fn fn, void *ctx)
{
	const struct cw_hearing *h = &rec->u.hearing;
	struct cw_date first_start = {0};
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], dated[CW_DATE_TEXT_MAX],
		started[CW_DATE_TEXT_MAX], who[120];
	struct cw_record kase;
	const struct cw_defendant *found = NULL;

	if (cw_id_is_zero(&h->case_id) || !cw_date_is_known(h->date) ||
	    !cw_timeline_hearing_rules(h) || get_for(st, &h->case_id, &kase, fn, ctx) != 0)
		return;
	for (size_t i = 0; kase.kind == CW_KIND_CASE && i < kase.u.kase.defendants.n && !found;
	     i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase.u.kase.defendants.items + i;

		if (!cw_id_is_zero(&d->person) &&
		    cw_timeline_hearing_ends_detention(h, &kase, &d->person) &&
		    starts_all_after(st, &h->case_id, &d->person, h->date, rec, &first_start, fn,
				     ctx))
			found = d;
	}
	if (found) {
		name_of(st, &found->person, who, sizeof who, fn, ctx);
		cw_date_format(h->date, dated);
		cw_date_format(first_start, started);
		if (cw_date_compare(h->date, first_start) == 0)
			snprintf(what, sizeof what,
				 _("this hearing's ruling is dated %s, the day of the first arrest "
				   "or detention of %s in the case: that arrest now reads as "
				   "carrying out the ruling (taken into custody after it), so no "
				   "pretrial detention is counted from it"),
				 dated, who);
		else
			snprintf(what, sizeof what,
				 _("this hearing's ruling is dated %s, before the first arrest or "
				   "detention of %s in the case (%s): that arrest now reads as "
				   "carrying out the ruling, so no pretrial detention is counted "
				   "from it"),
				 dated, who, started);
		snprintf(fix, sizeof fix,
			 _("if the date is wrong: casewatch edit %.8s --date DATE"), hex);
		fn(ctx, what, fix);
	}
	cw_record_free(&kase);
}

/* Writes text into out as one shell word in single quotes ('it'\''s'); "" when it does not
 * fit. */
static void shell_word(const char *text, char *out, size_t len)
{
	size_t n = 0;

	if (len < 3)
		goto too_long;
	out[n++] = '\'';
	for (const char *p = text; *p; p++) {
		const char *piece = *p == '\'' ? "'\\''" : NULL;
		size_t plen = piece ? strlen(piece) : 1;

		if (n + plen + 2 > len)
			goto too_long;
		if (piece) {
			memcpy(out + n, piece, plen);
			n += plen;
		} else {
			out[n++] = *p;
		}
	}
	out[n++] = '\'';
	out[n] = '\0';
	return;
too_long:
	if (len)
		out[0] = '\0';
}

/* A group's label as the value of --unnamed or --group on the command line, quoted for the
 * shell; "" when it does not fit or would read as a count and a label ("8 activists"). */
static void group_word(const char *label, char *out, size_t len)
{
	size_t digits = strspn(label, "0123456789");

	if (digits && (label[digits] == ' ' || !label[digits]))
		out[0] = '\0';
	else
		shell_word(label, out, len);
}

/* How many of a case's group are held at the end of a day, as reports count them
 * (cw_timeline_summarise_group): 0 when none is, -1 when held and no record gives how many,
 * -2 when the case's records cannot be read. */
static int64_t group_held(struct cw_store *st, const struct cw_record *kase, const char *group,
			  struct cw_date on, cw_advice_fn fn, void *ctx)
{
	struct cw_timeline_summary sum;
	struct cw_record_list l = {0};
	struct cw_reader *rd;
	struct cw_error err;
	int64_t count = -2;
	int rc;

	if (kase->kind != CW_KIND_CASE ||
	    unread(cw_store_reader_begin(st, &rd, &err), &err, fn, ctx) != 0)
		return -2;
	rc = cw_reader_case_records(rd, &kase->id,
				    CW_KIND_BIT(CW_KIND_MILESTONE) | CW_KIND_BIT(CW_KIND_HEARING),
				    &l, &err);
	cw_reader_end(rd);
	if (unread(rc, &err, fn, ctx) == 0) {
		cw_timeline_summarise_group(kase, group, l.items, l.n, on, &sum, &count);
		if (!sum.pretrial_ongoing)
			count = 0;
	}
	cw_record_list_free(&l);
	return count;
}

/* A group's arrest, detention, bail or release that counts more of it than its case gives the
 * group ("9" of "6 union members"): one of the two numbers is wrong, and the report counts the
 * milestone's (an arrest sets how many are held; a release of all of them ends it). "5 more"
 * (--more) is compared by the number held after it: 8 held and 5 more are 13. */
static void advise_group_count_above_size(struct cw_store *st, const struct cw_milestone *m,
					  const char *hex, cw_advice_fn fn, void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], word[CW_ADVICE_TEXT_MAX - 100],
		label[CW_ADVICE_TEXT_MAX - 200], case_hex[CW_ID_HEX_LEN + 1];
	const struct cw_defendant *d;
	struct cw_record kase;
	int64_t size = -1, held = -1;

	if (!m->group || m->count <= 0 || cw_id_is_zero(&m->case_id) ||
	    get_for(st, &m->case_id, &kase, fn, ctx) != 0)
		return;
	if (kase.kind == CW_KIND_CASE && (d = cw_timeline_group_defendant(&kase, m->group)))
		size = d->unnamed_count;
	if (size > 0 && m->more && cw_date_is_known(m->date))
		held = group_held(st, &kase, m->group, m->date, fn, ctx);
	cw_id_hex(&kase.id, case_hex);
	cw_record_free(&kase);
	if (size <= 0)
		return;
	if (m->more && held > size) {
		snprintf(what, sizeof what,
			 _("after this %s, %lld of the group are held, more than the %lld its case "
			   "gives it"),
			 cw_enum_label(&cw_words_milestone, m->type), (long long)held,
			 (long long)size);
		snprintf(label, sizeof label, "%lld %s", (long long)held, m->group);
		shell_word(label, word, sizeof word);
		if (*word)
			snprintf(fix, sizeof fix,
				 _("if the group has grown: casewatch edit %.8s --unnamed %s"),
				 case_hex, word);
		else
			snprintf(fix, sizeof fix,
				 _("if the group has grown: casewatch edit %.8s --unnamed \"N "
				   "LABEL\""),
				 case_hex);
		fn(ctx, what, fix);
		return;
	}
	/* Else the count alone: "9 more" of a group of 6 is more than it has too (a charge, or
	 * a milestone with no date, has no number held to compare). */
	if (m->count <= size)
		return;
	snprintf(what, sizeof what,
		 _("this %s counts %lld of the group, more than the %lld its case gives it"),
		 cw_enum_label(&cw_words_milestone, m->type), (long long)m->count, (long long)size);
	snprintf(fix, sizeof fix, _("if the count is wrong: casewatch edit %.8s --count N"), hex);
	fn(ctx, what, fix);
}

/* A ruling that counts part of a group ("48 of the 57 convicted"): the case's charges for
 * the group move for all of it (a part of a group is not told apart there), so the case
 * reads the whole group convicted (a monitor's trial of the third CNRP mass trial: no warning
 * that 48 is fewer than 57). What reports count depends on the other records of that day (a
 * hearing's verdict naming the group counts all of it), so the warning does not say. */
static void advise_group_ruling_part(struct cw_store *st, const struct cw_milestone *m,
				     const char *hex, cw_advice_fn fn, void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];
	const struct cw_defendant *d;
	struct cw_record kase;
	int64_t size = -1;

	if (!m->group || !*m->group || m->count <= 0 || !cw_timeline_milestone_rules(m) ||
	    cw_id_is_zero(&m->case_id) || get_for(st, &m->case_id, &kase, fn, ctx) != 0)
		return;
	if (kase.kind == CW_KIND_CASE && (d = cw_timeline_group_defendant(&kase, m->group)))
		size = d->unnamed_count;
	cw_record_free(&kase);
	if (size <= 0 || m->count >= size)
		return;
	snprintf(what, sizeof what,
		 _("this %s counts %lld of the group's %lld, but the case's charges for the "
		   "group now read as it rules for all of them (a part of a group is not told "
		   "apart there)"),
		 cw_enum_label(&cw_words_milestone, m->type), (long long)m->count, (long long)size);
	snprintf(fix, sizeof fix,
		 _("if it ruled on all of them: casewatch edit %.8s --count %lld; if the others "
		   "are a group of their own, give them their own label in the case"),
		 hex, (long long)size);
	fn(ctx, what, fix);
}

/* A release or bail that counts part of a group when no record gives how many were held: it
 * ends nothing (models/timeline.h), so reports go on listing the group as held, its number
 * not given. Said with the edit that ends the group's detention when everyone was freed. */
static void advise_group_release_no_number(struct cw_store *st, const struct cw_milestone *m,
					   const char *hex, cw_advice_fn fn, void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];
	struct cw_record kase;
	int64_t count;

	if (!m->group || !*m->group || m->count <= 0 || !cw_timeline_milestone_ends_detention(m) ||
	    !cw_date_is_known(m->date) || cw_id_is_zero(&m->case_id) ||
	    get_for(st, &m->case_id, &kase, fn, ctx) != 0)
		return;
	count = group_held(st, &kase, m->group, m->date, fn, ctx);
	cw_record_free(&kase);
	if (count != -1)
		return;
	snprintf(what, sizeof what,
		 _("no record gives how many of the group were held, so this %s of %lld ends "
		   "nothing: reports still list the group as held, its number not given"),
		 cw_enum_label(&cw_words_milestone, m->type), (long long)m->count);
	snprintf(fix, sizeof fix,
		 _("if all of them were released: casewatch edit %.8s --clear count"), hex);
	fn(ctx, what, fix);
}

/* The same for a group of unnamed defendants, named by its label: its milestones find the
 * group by it, and `--unnamed LABEL` names it on the command line. */
static void advise_group_custody(const struct cw_milestone *m, const char *case_hex,
				 const char *title, cw_advice_fn fn, void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], word[CW_ADVICE_TEXT_MAX - 100];

	snprintf(what, sizeof what,
		 _("case %.8s (%s) does not record the custody of the group \"%s\", so reports "
		   "never list it as still held after this %s"),
		 case_hex, title, m->group, cw_enum_label(&cw_words_milestone, m->type));
	group_word(m->group, word, sizeof word);
	if (*word)
		snprintf(fix, sizeof fix,
			 _("if they are held: casewatch edit %.8s --unnamed %s --custody detained"),
			 case_hex, word);
	else
		snprintf(fix, sizeof fix,
			 _("if they are held: casewatch edit %.8s --unnamed LABEL --custody "
			   "detained"),
			 case_hex);
	fn(ctx, what, fix);
}

/* An arrest or detention of someone whose custody in the case was never recorded: a detention
 * with no end is held only while the case says so (models/timeline.h), so reports count the
 * person as taken in but never list them as still held. Not when the case gives another
 * custody (a detention logged after a release is history). */
static void advise_custody_not_recorded(struct cw_store *st, const struct cw_milestone *m,
					const char *hex, cw_advice_fn fn, void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], case_hex[CW_ID_HEX_LEN + 1],
		person_hex[CW_ID_HEX_LEN + 1], title[96], name[96];
	const struct cw_defendant *d;
	struct cw_record kase;
	int unknown = 0;

	(void)hex;
	if (!cw_timeline_starts_detention(m) || cw_id_is_zero(&m->case_id) ||
	    (cw_id_is_zero(&m->person) && !(m->group && *m->group)) ||
	    get_for(st, &m->case_id, &kase, fn, ctx) != 0)
		return;
	if (kase.kind == CW_KIND_CASE &&
	    (d = cw_id_is_zero(&m->person) ? cw_timeline_group_defendant(&kase, m->group)
					   : cw_timeline_defendant(&kase, &m->person)))
		unknown = d->custody == CW_CUSTODY_UNKNOWN;
	cw_record_free(&kase);
	if (!unknown)
		return;
	cw_id_hex(&m->case_id, case_hex);
	name_of(st, &m->case_id, title, sizeof title, fn, ctx);
	if (cw_id_is_zero(&m->person)) {
		advise_group_custody(m, case_hex, title, fn, ctx);
		return;
	}
	cw_id_hex(&m->person, person_hex);
	name_of(st, &m->person, name, sizeof name, fn, ctx);
	snprintf(what, sizeof what,
		 _("case %.8s (%s) does not record the custody of person %.8s (%s), so reports "
		   "never list them as still held after this %s"),
		 case_hex, title, person_hex, name, cw_enum_label(&cw_words_milestone, m->type));
	snprintf(fix, sizeof fix,
		 _("if they are held: casewatch edit %.8s --defendant %.8s --custody detained"),
		 case_hex, person_hex);
	fn(ctx, what, fix);
}

/* A demonstration's arrest count below the people named as arrested: the count a monitor
 * typed is not the one reports give (they give the people named). */
static void advise_arrests_count(const struct cw_demo *d, const char *hex, cw_advice_fn fn,
				 void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];

	if (d->arrests_count < 0 || (size_t)d->arrests_count >= d->arrested.n)
		return;
	snprintf(what, sizeof what,
		 P_("the arrest count (%lld) is less than the %zu person named as arrested, so "
		    "reports give at least %zu arrest",
		    "the arrest count (%lld) is less than the %zu people named as arrested, so "
		    "reports give at least %zu arrests",
		    d->arrested.n),
		 (long long)d->arrests_count, d->arrested.n, d->arrested.n);
	snprintf(fix, sizeof fix, _("casewatch edit %.8s --arrests-count N"), hex);
	fn(ctx, what, fix);
}

/* A demonstration whose figures say different things: more arrests or more people injured
 * than participants, or a response of "none" beside arrests (a supervisor's trial typed both
 * and was told nothing). Both may be what a source says; the monitor is asked to look again,
 * not refused. Participants "at least N" bound nothing from above: only an exact count is set
 * against. */
static void advise_demo_figures(const struct cw_demo *d, const char *hex, cw_advice_fn fn,
				void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];
	int64_t arrests = cw_demo_arrests(d), injured = cw_demo_injured(d);

	if (arrests > 0 && d->participants >= 0 && !d->participants_at_least &&
	    arrests > d->participants) {
		/* arrests > participants >= 0: one arrest is recorded only for no participant. */
		if (cw_demo_arrests_at_least(d))
			snprintf(what, sizeof what,
				 P_("at least %lld arrest is recorded for %lld participants",
				    "at least %lld arrests are recorded for %lld participants",
				    arrests),
				 (long long)arrests, (long long)d->participants);
		else
			snprintf(what, sizeof what,
				 P_("%lld arrest is recorded for %lld participants",
				    "%lld arrests are recorded for %lld participants", arrests),
				 (long long)arrests, (long long)d->participants);
		snprintf(fix, sizeof fix,
			 _("if a figure is wrong: casewatch edit %.8s --participants N (or "
			   "--arrests-count N)"),
			 hex);
		fn(ctx, what, fix);
	}
	/* injured (exact or a least) > participants >= 0, as for arrests */
	if (injured > 0 && d->participants >= 0 && !d->participants_at_least &&
	    injured > d->participants) {
		if (cw_demo_injured_at_least(d))
			snprintf(what, sizeof what,
				 P_("at least %lld person injured is recorded for %lld "
				    "participants",
				    "at least %lld people injured are recorded for %lld "
				    "participants",
				    injured),
				 (long long)injured, (long long)d->participants);
		else
			snprintf(what, sizeof what,
				 P_("%lld person injured is recorded for %lld participants",
				    "%lld people injured are recorded for %lld participants",
				    injured),
				 (long long)injured, (long long)d->participants);
		snprintf(fix, sizeof fix,
			 _("if a figure is wrong: casewatch edit %.8s --participants N (or "
			   "--injured N)"),
			 hex);
		fn(ctx, what, fix);
	}
	/* "none" is word 0 of the table only when it is "none" there: looked up, not assumed. */
	int none_at = cw_enum_parse(&cw_words_response, "none"),
	    arrest_at = cw_enum_parse(&cw_words_response, "arrests");
	uint32_t none = none_at >= 0 && none_at < 32 ? UINT32_C(1) << none_at : 0,
		 arrest = arrest_at >= 0 && arrest_at < 32 ? UINT32_C(1) << arrest_at : 0;

	if (none && (d->response & none) && arrests > 0) {
		snprintf(what, sizeof what,
			 _("the authorities' response is recorded as none, beside %lld arrests"),
			 (long long)arrests);
		/* A response is a set an edit adds to: "none" is taken off first, or the edit
		 * would be refused for "none" beside "arrests". */
		snprintf(fix, sizeof fix,
			 _("casewatch edit %.8s --clear response --response arrests (with the rest "
			   "of the response)"),
			 hex);
		fn(ctx, what, fix);
	} else if (arrest && d->response && !(d->response & arrest) && arrests > 0) {
		/* "dispersed" beside 9 arrests: the response lacks them (a field trial). */
		char words[256] = "";
		size_t used = 0;

		for (size_t i = 0; i < cw_words_response.n && i < 32; i++)
			if ((d->response & (UINT32_C(1) << i)) && used < sizeof words)
				used += (size_t)snprintf(words + used, sizeof words - used, "%s%s",
							 used ? "," : "",
							 cw_words_response.words[i]);
		snprintf(what, sizeof what,
			 _("the authorities' response is recorded as %s, without arrests, beside "
			   "%lld arrests"),
			 words, (long long)arrests);
		snprintf(fix, sizeof fix, _("casewatch edit %.8s --response %s,arrests"), hex,
			 words);
		fn(ctx, what, fix);
	}
}

/* A visit with a count is a source's count of visits ("18 visits to nine prisons"): one that
 * names detainees is more likely one visit whose number of detainees went into the count (a
 * supervisor's trial: the visit left the report's visits without a word). A source may count
 * its visits to someone, so it is said, not refused. */
static void advise_visit_tally(const struct cw_visit *v, const char *hex, cw_advice_fn fn,
			       void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];

	if (v->tally.count < 0 || !v->detainees.n)
		return;
	snprintf(what, sizeof what,
		 _("the count (%lld) makes this a source's count of %lld prison visits, not one "
		   "visit: reports list it with the sources' counts, not with the visits, and do "
		   "not say the detainees named were met on its day"),
		 (long long)v->tally.count, (long long)v->tally.count);
	snprintf(fix, sizeof fix, _("for one visit: casewatch edit %.8s --clear count"), hex);
	fn(ctx, what, fix);
}

/* A visit whose notes are confidential but whose concerns include ill-treatment beside the
 * detainees it names: a partner report withholds the notes and still gives "ill-treatment |
 * Eng Sroy", which says who complained of what (a field trial's monitor marked the notes of a
 * detainee who asked not to be named, and the partner learnt it). Withholding the notes says
 * the monitor meant to protect the account; the concerns or the detainees may be public (a
 * source's report), so it is said, not done. Either one withheld breaks the pair. */
static void advise_visit_confidential(const struct cw_record *rec, const char *hex, cw_advice_fn fn,
				      void *ctx)
{
	const struct cw_visit *v = &rec->u.visit;
	int ill = cw_enum_parse(&cw_words_concerns, "ill_treatment");
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];

	if (rec->confidential || !cw_record_field_is_confidential(rec, "notes") || ill < 0 ||
	    !(v->concerns & (UINT32_C(1) << ill)) || !v->detainees.n ||
	    cw_record_field_is_confidential(rec, "concerns") ||
	    cw_record_field_is_confidential(rec, "detainees"))
		return;
	snprintf(what, sizeof what, "%s",
		 _("the notes are confidential, but what is written for others still gives "
		   "ill-treatment among the concerns beside the detainees named: together they say "
		   "who complained of it"));
	snprintf(fix, sizeof fix,
		 _("to withhold them too: casewatch edit %.8s --confidential-field "
		   "concerns,detainees"),
		 hex);
	fn(ctx, what, fix);
}

/* A hearing adjourned, postponed or suspended that records rulings says two things at once: a
 * field trial's "adjourned" hearing with a conviction was counted among the adjourned
 * hearings and, in the next sentence of the report, among the verdicts, and the conviction
 * ended the defendant's pretrial detention. Reports and timelines go by the rulings; the
 * monitor is asked which is right, not refused (a source may report both). */
static void advise_outcome_with_rulings(const struct cw_hearing *h, const char *hex,
					cw_advice_fn fn, void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];
	size_t requalified = 0;

	/* A charge requalified at a hearing then adjourned is an everyday event, not a
	 * contradiction. */
	for (size_t i = 0; i < h->verdicts.n; i++)
		requalified += ((const struct cw_verdict *)h->verdicts.items)[i].result ==
			       CW_VERDICT_REQUALIFIED;
	if (!h->verdicts.n || requalified == h->verdicts.n ||
	    (h->outcome != CW_OUTCOME_ADJOURNED && h->outcome != CW_OUTCOME_POSTPONED &&
	     h->outcome != CW_OUTCOME_SUSPENDED))
		return;
	snprintf(what, sizeof what,
		 P_("the hearing is recorded as %s but gives %zu ruling on a charge: reports "
		    "count it both as %s and as a ruling, and the ruling moves the charge and "
		    "ends pretrial detention",
		    "the hearing is recorded as %s but gives %zu rulings on charges: reports "
		    "count it both as %s and as a ruling, and the rulings move the charges and "
		    "end pretrial detention",
		    h->verdicts.n),
		 cw_enum_label(&cw_words_outcome, h->outcome), h->verdicts.n,
		 cw_enum_label(&cw_words_outcome, h->outcome));
	snprintf(fix, sizeof fix,
		 _("if it gave a verdict: casewatch edit %.8s --outcome verdict; if not: "
		   "casewatch edit %.8s --clear verdicts"),
		 hex, hex);
	fn(ctx, what, fix);
}

/* An event recorded as having happened (a hearing with its outcome, a milestone, a visit, a
 * demonstration, an incident) dated after today is most likely a typo (2027 for 2023). Until
 * that day comes it counts nowhere: no detention runs from an arrest not yet made. */
static void advise_after_today(const struct cw_record *rec, const char *hex, cw_advice_fn fn,
			       void *ctx)
{
	struct cw_date d = cw_record_date(rec), today = cw_date_today();
	char dated[CW_DATE_TEXT_MAX], now[CW_DATE_TEXT_MAX], what[CW_ADVICE_TEXT_MAX],
		fix[CW_ADVICE_TEXT_MAX];

	if (!cw_date_is_known(d) || cw_date_compare(cw_date_first_day(d), today) <= 0 ||
	    (rec->kind == CW_KIND_HEARING && rec->u.hearing.outcome == CW_OUTCOME_UNKNOWN) ||
	    rec->kind == CW_KIND_PERSON || rec->kind == CW_KIND_CASE)
		return;
	cw_date_format(d, dated);
	cw_date_format(today, now);
	snprintf(what, sizeof what,
		 _("this %s is dated %s, after today (%s): no detention or count runs from it "
		   "until then, but a report of a period holding that day lists it as having "
		   "happened"),
		 cw_kind_text(rec->kind), dated, now);
	snprintf(fix, sizeof fix, _("if that is a typo: casewatch edit %.8s --date DATE"), hex);
	fn(ctx, what, fix);
}

/* A source that says the team saw it ("own observation") on a record given another account:
 * the report counts it as that account's, apart from what the team saw itself (a prison
 * monitor of an NGO typed --view ngo for the team's own visits and hearing, and the weekly
 * summary read "The team monitored no hearings"). Said, not changed: the team may log
 * another NGO's observation with the words it used. */
static void advise_own_source(const struct cw_record *rec, const char *hex, cw_advice_fn fn,
			      void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];

	if (rec->kind == CW_KIND_PERSON || rec->view == CW_VIEW_OWN ||
	    rec->view == CW_VIEW_UNKNOWN || !cw_source_says_own(rec->source, 1))
		return;
	snprintf(what, sizeof what,
		 _("the source of this %s says own observation, but its account is %s: reports "
		   "count it as that account's, not among what the team saw itself"),
		 cw_kind_text(rec->kind), _(cw_enum_label(&cw_words_view, rec->view)));
	snprintf(fix, sizeof fix, _("if the team saw it itself: casewatch edit %.8s --view own"),
		 hex);
	fn(ctx, what, fix);
}

/* Whether the records of a case hold an arrest or detention of a defendant (a person, or a
 * group by its label). */
static int start_logged(const struct cw_record_list *l, const struct cw_defendant *d)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_milestone *m = &l->items[i].u.milestone;

		if (l->items[i].kind != CW_KIND_MILESTONE || !cw_timeline_starts_detention(m))
			continue;
		if (!cw_id_is_zero(&d->person)
			    ? cw_id_equal(&m->person, &d->person)
			    : m->group && d->label && strcasecmp(m->group, d->label) == 0)
			return 1;
	}
	return 0;
}

/* The day of the latest demonstration that records the person as arrested (unknown: none dated
 * to a day). Its arrest is not the start of a detention reports count (it may be an arrest
 * milestone's event; nothing records which), but it is the day the team saw them arrested. */
static struct cw_date demo_arrest_day(struct cw_store *st, const struct cw_id *person,
				      cw_advice_fn fn, void *ctx)
{
	struct cw_record_list l = {0};
	struct cw_reader *rd;
	struct cw_error err;
	struct cw_date day = {0};
	int rc;

	if (unread(cw_store_reader_begin(st, &rd, &err), &err, fn, ctx) != 0)
		return day;
	rc = cw_reader_person_records(rd, person, CW_KIND_BIT(CW_KIND_DEMO), &l, &err);
	cw_reader_end(rd);
	unread(rc, &err, fn, ctx);
	for (size_t i = 0; rc == 0 && i < l.n; i++) {
		const struct cw_demo *dm = &l.items[i].u.demo;
		const struct cw_person_ref *p = dm->arrested.items;

		if (l.items[i].kind != CW_KIND_DEMO || dm->tally.count >= 0 ||
		    cw_date_precision(dm->date) != CW_DATE_DAY ||
		    (cw_date_is_known(day) && cw_date_compare(dm->date, day) <= 0))
			continue;
		for (size_t j = 0; j < dm->arrested.n; j++)
			if (cw_id_equal(&p[j].person, person))
				day = dm->date;
	}
	cw_record_list_free(&l);
	return day;
}

/* The case's title and the defendant's name, each cut to a whole character within its room
 * ("?" for a person that cannot be read). */
static void names_of(struct cw_store *st, const struct cw_record *kase,
		     const struct cw_defendant *d, char *title, size_t tlen, char *name,
		     size_t nlen, cw_advice_fn fn, void *ctx)
{
	snprintf(title, tlen, "%s", kase->u.kase.title ? kase->u.kase.title : "");
	cw_text_trim_utf8(title);
	name_of(st, &d->person, name, nlen, fn, ctx);
}

/* A defendant the case says is detained, with no arrest or detention of theirs logged in it:
 * pretrial detention is counted from events (models/timeline.h), so reports list them apart,
 * with no days. Said for the first three such defendants. */
static void advise_detained_without_start(struct cw_store *st, const struct cw_record *rec,
					  const char *hex, cw_advice_fn fn, void *ctx)
{
	const struct cw_case *c = &rec->u.kase;
	struct cw_record_list l = {0};
	struct cw_reader *rd;
	struct cw_error err;
	size_t said = 0;
	int rc, any = 0;

	for (size_t i = 0; i < c->defendants.n; i++)
		any |= ((const struct cw_defendant *)c->defendants.items)[i].custody ==
		       CW_CUSTODY_DETAINED;
	if (!any || unread(cw_store_reader_begin(st, &rd, &err), &err, fn, ctx) != 0)
		return;
	rc = cw_reader_case_records(rd, &rec->id, CW_KIND_BIT(CW_KIND_MILESTONE), &l, &err);
	cw_reader_end(rd);
	unread(rc, &err, fn, ctx);
	for (size_t i = 0; rc == 0 && i < c->defendants.n && said < 3; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)c->defendants.items + i;
		char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX],
			person_hex[CW_ID_HEX_LEN + 1], title[96], name[96];

		if (d->custody != CW_CUSTODY_DETAINED || start_logged(&l, d))
			continue;
		/* Past its verdict, "detained" is the sentence, which reports count nowhere as
		 * pretrial detention: nothing to log for them (a trial's supervisor was told so at
		 * every edit of a case convicted on appeal). */
		if ((d->stage ? d->stage : c->stage) >= CW_STAGE_VERDICT)
			continue;
		/* Named as well as numbered: a case of three new defendants gave ids alone, and
		 * the monitor could not tell whom it meant (a trial of the interface). */
		names_of(st, rec, d, title, sizeof title, name, sizeof name, fn, ctx);
		/* No stage either: reports cannot tell pretrial detention from a sentence, and
		 * list them nowhere (a review found them gone from reports without a word). */
		if ((d->stage ? d->stage : c->stage) == CW_STAGE_UNKNOWN &&
		    (!cw_id_is_zero(&d->person) || (d->label && *d->label))) {
			if (!cw_id_is_zero(&d->person)) {
				cw_id_hex(&d->person, person_hex);
				snprintf(what, sizeof what,
					 _("case %.8s (%s) says person %.8s (%s) is detained, but "
					   "records no stage and no arrest or detention of theirs, "
					   "so reports do not list them: pretrial detention or a "
					   "sentence, the case does not say"),
					 hex, title, person_hex, name);
			} else {
				snprintf(what, sizeof what,
					 _("case %.8s (%s) says the group \"%s\" is detained, but "
					   "records no stage and no arrest or detention of it, so "
					   "reports do not list it: pretrial detention or a "
					   "sentence, the case does not say"),
					 hex, title, d->label);
			}
			snprintf(fix, sizeof fix,
				 _("set the stage, if the source gives it: casewatch edit %.8s "
				   "--stage pretrial (or investigation, trial, verdict), and log "
				   "the "
				   "arrest or detention when it is known"),
				 hex);
			fn(ctx, what, fix);
			said++;
			continue;
		}
		if (!cw_id_is_zero(&d->person)) {
			cw_id_hex(&d->person, person_hex);
			snprintf(what, sizeof what,
				 _("case %.8s (%s) says person %.8s (%s) is detained, but no "
				   "arrest or detention of theirs is logged in it, so reports "
				   "cannot count their days"),
				 hex, title, person_hex, name);
			struct cw_date seen = demo_arrest_day(st, &d->person, fn, ctx);
			char day[CW_DATE_TEXT_MAX];

			cw_date_format(seen, day);
			if (day[0])
				snprintf(fix, sizeof fix,
					 _("the demonstration of %s records their arrest, which "
					   "reports do not count as the start of a detention; log "
					   "it in the case: casewatch log milestone --person %.8s "
					   "--case %.8s --type arrest --date %s"),
					 day, person_hex, hex, day);
			else
				snprintf(fix, sizeof fix,
					 _("log the arrest or detention: casewatch log milestone "
					   "--person %.8s --case %.8s --type arrest --date DATE"),
					 person_hex, hex);
		} else if (d->label && *d->label) {
			snprintf(what, sizeof what,
				 _("case %.8s (%s) says the group \"%s\" is detained, but no "
				   "arrest or detention of it is logged in it, so reports cannot "
				   "count its days"),
				 hex, title, d->label);
			char word[CW_ADVICE_TEXT_MAX - 200];

			/* --group takes the label as it is: no count to mistake it for. */
			shell_word(d->label, word, sizeof word);
			if (*word)
				snprintf(fix, sizeof fix,
					 _("log the arrest or detention: casewatch log milestone "
					   "--case %.8s --group %s --type arrest --date DATE"),
					 hex, word);
			else
				snprintf(fix, sizeof fix,
					 _("log the arrest or detention: casewatch log milestone "
					   "--case %.8s --group LABEL --type arrest --date DATE"),
					 hex);
		} else {
			continue;
		}
		fn(ctx, what, fix);
		said++;
	}
	cw_record_list_free(&l);
}

/* What set someone free, as the report's bail table says it: "release (granted)", "bail
 * (granted) at a hearing", "verdict (acquitted)". */
static void freed_text(const struct cw_record *r, char *out, size_t len)
{
	if (r->kind == CW_KIND_HEARING) {
		snprintf(out, len, _("%s (%s) at a hearing"),
			 _(cw_enum_label(&cw_words_milestone, CW_MS_BAIL)),
			 _(cw_enum_label(&cw_words_bail, r->u.hearing.bail)));
		return;
	}
	if (r->kind != CW_KIND_MILESTONE) {
		snprintf(out, len, "%s", cw_kind_text(r->kind));
		return;
	}
	if (r->u.milestone.outcome)
		snprintf(out, len, _("%s (%s)"),
			 _(cw_enum_label(&cw_words_milestone, r->u.milestone.type)),
			 _(cw_enum_label(&cw_words_decision, r->u.milestone.outcome)));
	else if (r->u.milestone.result)
		snprintf(out, len, _("%s (%s)"),
			 _(cw_enum_label(&cw_words_milestone, r->u.milestone.type)),
			 _(cw_enum_label(&cw_words_verdict, r->u.milestone.result)));
	else
		snprintf(out, len, "%s",
			 _(cw_enum_label(&cw_words_milestone, r->u.milestone.type)));
}

/* A visit that met someone every case of whom says they are out of prison (on bail, released,
 * ...): the records disagree with what the team saw, and no detention is counted for them
 * until an arrest or detention says so; unless the records find them held on the visit's
 * day (a release logged after it). Once per visit, naming the first such person. */
static void advise_visit_meets_free(struct cw_store *st, const struct cw_record *rec,
				    cw_advice_fn fn, void *ctx)
{
	const struct cw_visit *v = &rec->u.visit;
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], person_hex[CW_ID_HEX_LEN + 1];
	char name[48];
	struct cw_error err;

	if (v->tally.count >= 0 || cw_visit_met_no_one(v) || !cw_date_is_known(v->date))
		return;
	for (size_t i = 0; i < v->detainees.n; i++) {
		const struct cw_id *person =
			&((const struct cw_person_ref *)v->detainees.items)[i].person;
		struct cw_timeline_summary sum;
		struct cw_record_list tl;
		struct cw_record p;
		size_t cases = 0, out = 0;
		uint8_t custody = 0;
		/* The event that set them free in a case whose entry still says detained, by
		 * the visit's day (a release logged, the case not edited), and its case. */
		const struct cw_record *freed = NULL;
		char freed_what[200] = "", freed_day[CW_DATE_TEXT_MAX] = "";
		struct cw_id freed_case = {{0}};

		/* Their timeline: their cases among its records. */
		if (unread(cw_store_timeline_for_person(st, person, &tl, &err), &err, fn, ctx) != 0)
			continue;
		for (size_t c = 0; c < tl.n; c++) {
			const struct cw_defendant *d;

			if (tl.items[c].kind != CW_KIND_CASE)
				continue;
			cases++;
			d = cw_timeline_defendant(&tl.items[c], person);
			if (d && d->custody != CW_CUSTODY_UNKNOWN &&
			    d->custody != CW_CUSTODY_DETAINED) {
				out++;
				custody = d->custody;
			} else if (d && d->custody == CW_CUSTODY_DETAINED &&
				   (freed = cw_timeline_custody_outdated(
					    person, &tl.items[c], tl.items, tl.n,
					    cw_date_last_day(v->date)))) {
				/* Released as the records read, the entry left as it was: a
				 * field trial's visit after a logged release on bail said
				 * nothing. */
				out++;
				freed_case = tl.items[c].id;
				freed_text(freed, freed_what, sizeof freed_what);
				cw_date_format(cw_record_date(freed), freed_day);
			}
		}
		/* Held on the visit's day as the records read (released only after it): the
		 * visit agrees with them. */
		if (cases && out == cases)
			cw_timeline_summarise(person, tl.items, tl.n, cw_date_last_day(v->date),
					      &sum);
		cw_record_list_free(&tl);
		if (!cases || out < cases || sum.pretrial_ongoing)
			continue;
		if (get_for(st, person, &p, fn, ctx) != 0)
			continue;
		cw_text_format(name, sizeof name, "%s", cw_record_label(&p));
		cw_text_trim_utf8(name);
		cw_record_free(&p);
		cw_id_hex(person, person_hex);
		if (custody) {
			snprintf(what, sizeof what, _("this visit met %s, whose case says %s"),
				 name, cw_enum_label(&cw_words_custody, custody));
			/* A new arrest counts only while the case says detained
			 * (models/timeline.h). */
			snprintf(fix, sizeof fix,
				 _("if held again, log the arrest (casewatch log milestone "
				   "--person %.8s --case CASE --type arrest) and set their "
				   "custody in the case to detained"),
				 person_hex);
		} else {
			char case_hex[CW_ID_HEX_LEN + 1];

			cw_id_hex(&freed_case, case_hex);
			/* TRANSLATORS: "this visit met Koeut Saray, whose release granted: walked
			 * out on bail is logged on 2024-06-12, before it" */
			snprintf(what, sizeof what,
				 _("this visit met %s, whose %s is logged on %s, before it"), name,
				 freed_what, freed_day);
			snprintf(fix, sizeof fix,
				 _("if held again, log the arrest: casewatch log milestone "
				   "--person %.8s --case %.8s --type arrest --date DATE"),
				 person_hex, case_hex);
		}
		fn(ctx, what, fix);
		return;
	}
}

/* A ruling a record gives on a charge of its case, as advise_uncharged reads it: whom it is on
 * (a person; else a group of the case's unnamed defendants by its label; else every
 * defendant) and the article (none: by offence alone, nothing to compare). */
struct ruling_on {
	struct cw_id person;
	const char *group;
	struct cw_article article;
};

/* A ruling on an article its case does not charge the defendant it names with (a typo, or a
 * hearing or milestone moved into the case with `edit --case`): no charge moves, so the case
 * keeps the charge the court ruled on as "charged", yet the report lists a conviction under an
 * article the case is not about. Said, not refused: the law changes and a court may convict
 * under an article requalified at trial, and imports and bundles bring rulings as they are
 * (as an article the table does not know, or a verdict naming an outsider, is saved and said).
 * Only against charges the case records by article: one that records none for them says
 * nothing against it. Once per record, naming every such article of the first defendant it
 * concerns. The one check for a hearing's verdicts and a verdict milestone's articles (a
 * review found the milestone's said nothing): rec says which, and so which edits put it
 * right. */
static void advise_uncharged(struct cw_store *st, const struct cw_record *rec,
			     const struct cw_id *case_id, const struct ruling_on *v, size_t n,
			     const char *hex, cw_advice_fn fn, void *ctx)
{
	const struct ruling_on *first = NULL;
	struct cw_article off[CW_ARTICLE_LIST_MAX], charged[CW_ARTICLE_LIST_MAX * 4];
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], case_hex[CW_ID_HEX_LEN + 1],
		arts[CW_ARTICLE_LIST_MAX * CW_ARTICLE_TEXT_MAX],
		charges[CW_ARTICLE_LIST_MAX * 4 * CW_ARTICLE_TEXT_MAX], title[96], who[400],
		word[300];
	size_t noff = 0, ncharged = 0;
	struct cw_record kase;

	if (!n || cw_id_is_zero(case_id) || get_for(st, case_id, &kase, fn, ctx) != 0)
		return;
	for (size_t i = 0; kase.kind == CW_KIND_CASE && i < n; i++) {
		const char *group = v[i].group && *v[i].group ? v[i].group : NULL;
		struct cw_article mine[CW_ARTICLE_LIST_MAX * 4];
		size_t nmine = 0;

		/* By offence alone there is no article to compare; someone the case does not
		 * name is said by advise_hearing_names_outsider (advise_case_names_person for a
		 * milestone). */
		if (v[i].article.law == CW_LAW_NONE ||
		    (!cw_id_is_zero(&v[i].person) && !cw_timeline_defendant(&kase, &v[i].person)) ||
		    (group && !cw_timeline_group_defendant(&kase, group)))
			continue;
		/* The charges the ruling can move (cw_case_follow_verdict): its person's, its
		 * group's, every defendant's when it names no one. */
		cw_case_event_articles(&kase, &v[i].person, group, mine, sizeof mine / sizeof *mine,
				       &nmine);
		/* A case that records no article for them says nothing against it (its
		 * charges not logged yet): the ruling is the first word on them. */
		if (!nmine || cw_article_in(&v[i].article, mine, nmine))
			continue;
		/* The first defendant concerned, and their other articles with it. */
		if (first && (!cw_id_equal(&first->person, &v[i].person) ||
			      strcasecmp(first->group ? first->group : "", group ? group : "")))
			continue;
		if (!first) {
			first = &v[i];
			memcpy(charged, mine, nmine * sizeof *mine);
			ncharged = nmine;
		}
		if (!cw_article_in(&v[i].article, off, noff) && noff < CW_ARTICLE_LIST_MAX)
			off[noff++] = v[i].article;
	}
	if (!first) {
		cw_record_free(&kase);
		return;
	}
	cw_id_hex(&kase.id, case_hex);
	cw_text_format(title, sizeof title, "%s", kase.u.kase.title ? kase.u.kase.title : "");
	cw_text_trim_utf8(title);
	cw_articles_text(off, noff, arts, sizeof arts);
	cw_articles_text(charged, ncharged, charges, sizeof charges);
	/* Whom the fix charges: the person by id, the group by its label, the case's one
	 * defendant when the ruling names no one (options, not words: left as they are). */
	if (!cw_id_is_zero(&first->person)) {
		char person_hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(&first->person, person_hex);
		snprintf(who, sizeof who, " %s %.8s", "--defendant", person_hex);
	} else if (first->group && *first->group) {
		group_word(first->group, word, sizeof word);
		snprintf(who, sizeof who, " %s %s", "--unnamed", *word ? word : "LABEL");
	} else if (kase.u.kase.defendants.n != 1) {
		snprintf(who, sizeof who, " %s %s", "--defendant", "NAME");
	} else {
		who[0] = '\0';
	}
	cw_record_free(&kase);
	if (rec->kind == CW_KIND_HEARING) {
		snprintf(what, sizeof what,
			 P_("a verdict of this hearing (%.8s) rules on article %s, which case "
			    "%.8s (%s) does not charge (its charges: %s): no charge moves, yet "
			    "reports list the ruling under it",
			    "a verdict of this hearing (%.8s) rules on articles %s, which case "
			    "%.8s (%s) does not charge (its charges: %s): no charge moves, yet "
			    "reports list the rulings under them",
			    noff),
			 hex, arts, case_hex, title, charges);
		/* A charge added after the verdict is not moved by it: the verdicts are given
		 * again. */
		snprintf(fix, sizeof fix,
			 _("if the article is wrong: casewatch edit %.8s --clear verdicts "
			   "--verdict ARTICLES=RESULT@NAME (each verdict again); if the case "
			   "charges it too: casewatch edit %.8s%s --charge %s, then casewatch edit "
			   "%.8s --clear verdicts and give the verdicts again, so that they move "
			   "it"),
			 hex, case_hex, who, arts, hex);
	} else {
		snprintf(what, sizeof what,
			 P_("this %s (%.8s) rules on article %s, which case %.8s (%s) does not "
			    "charge (its charges: %s): no charge moves, yet reports list the "
			    "ruling under it",
			    "this %s (%.8s) rules on articles %s, which case %.8s (%s) does not "
			    "charge (its charges: %s): no charge moves, yet reports list the "
			    "ruling under them",
			    noff),
			 cw_enum_label(&cw_words_milestone, rec->u.milestone.type), hex, arts,
			 case_hex, title, charges);
		/* A charge added after the ruling is not moved by it: an edit of the milestone
		 * follows its articles again (store/verdicts.c), but one that changes nothing is
		 * not saved, so they are taken off and given again. */
		snprintf(fix, sizeof fix,
			 _("if the article is wrong: casewatch edit %.8s --article ARTICLES; if "
			   "the case charges it too: casewatch edit %.8s%s --charge %s, then "
			   "casewatch edit %.8s --clear article and casewatch edit %.8s --article "
			   "%s, so that it moves it"),
			 hex, case_hex, who, arts, hex, hex, arts);
	}
	fn(ctx, what, fix);
}

/* A hearing's verdicts on articles its case does not charge (advise_uncharged). */
static void advise_verdict_uncharged(struct cw_store *st, const struct cw_record *rec,
				     const char *hex, cw_advice_fn fn, void *ctx)
{
	const struct cw_hearing *h = &rec->u.hearing;
	const struct cw_verdict *vd = h->verdicts.items;
	struct ruling_on *v;

	if (!h->verdicts.n || !(v = calloc(h->verdicts.n, sizeof *v)))
		return; /* out of memory: advice is not worth failing a save over */
	for (size_t i = 0; i < h->verdicts.n; i++) {
		v[i].person = vd[i].person;
		v[i].group = vd[i].group;
		v[i].article = vd[i].article;
	}
	advise_uncharged(st, rec, &h->case_id, v, h->verdicts.n, hex, fn, ctx);
	free(v);
}

/* A milestone that rules (a verdict, a verdict in absentia, a sentence, or one with a result,
 * such as an appeal decided: what moves charges, store/verdicts.c) on articles its case does
 * not charge its person or group with (advise_uncharged). One that names no article rules on
 * every charge they have. */
static void advise_milestone_uncharged(struct cw_store *st, const struct cw_record *rec,
				       const char *hex, cw_advice_fn fn, void *ctx)
{
	const struct cw_milestone *m = &rec->u.milestone;
	struct cw_article arts[CW_ARTICLE_LIST_MAX];
	struct ruling_on v[CW_ARTICLE_LIST_MAX];
	size_t n;

	if (!m->result && !cw_timeline_milestone_rules(m))
		return;
	n = cw_milestone_articles(m, arts);
	for (size_t i = 0; i < n; i++) {
		v[i].person = m->person;
		v[i].group = m->group;
		v[i].article = arts[i];
	}
	advise_uncharged(st, rec, &m->case_id, v, n, hex, fn, ctx);
}

/* The earliest arrest, detention or charge logged in a case, other than the record `self`
 * (what a case's opening date stands for: "date of arrest or first charge"); unknown when
 * none is dated. Read through the case's index (by_case). */
static struct cw_date first_start_in_case(struct cw_store *st, const struct cw_id *case_id,
					  const struct cw_id *self, cw_advice_fn fn, void *ctx)
{
	struct cw_record_list l = {0};
	struct cw_date first = {0};
	struct cw_reader *rd;
	struct cw_error err;
	int rc;

	if (unread(cw_store_reader_begin(st, &rd, &err), &err, fn, ctx) != 0)
		return first;
	rc = cw_reader_case_records(rd, case_id, CW_KIND_BIT(CW_KIND_MILESTONE), &l, &err);
	cw_reader_end(rd);
	unread(rc, &err, fn, ctx);
	for (size_t i = 0; rc == 0 && i < l.n; i++) {
		const struct cw_milestone *m = &l.items[i].u.milestone;

		if (l.items[i].kind != CW_KIND_MILESTONE || cw_id_equal(&l.items[i].id, self) ||
		    !cw_date_is_known(m->date) ||
		    !(cw_timeline_starts_detention(m) || m->type == CW_MS_CHARGE))
			continue;
		if (!cw_date_is_known(first) ||
		    cw_date_compare(cw_date_first_day(m->date), cw_date_first_day(first)) < 0)
			first = m->date;
	}
	cw_record_list_free(&l);
	return first;
}

/* A hearing or milestone dated before its case began (2014 typed for 2024): it counts all the
 * same, in the wrong years (an adjournment, a "next hearing" long passed, an arrest ten years
 * back), and nothing else catches a year typed too early, as advise_after_today catches one
 * typed too late. The case began on its opening date ("date of arrest or first charge"): a
 * hearing before it is said, a milestone only a year or more before it (an arrest or a summons
 * may come shortly before the charge a monitor gives as the opening). A case with no opening
 * date began, as far as the records go, at its first arrest, detention or charge logged: an
 * event a year or more before that is said (a trial in absentia may come before the arrest). */
static void advise_before_case(struct cw_store *st, const struct cw_record *rec, const char *hex,
			       cw_advice_fn fn, void *ctx)
{
	const struct cw_id *case_id =
		rec->kind == CW_KIND_HEARING ? &rec->u.hearing.case_id : &rec->u.milestone.case_id;
	struct cw_date d = cw_record_date(rec), start, year_before;
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], case_hex[CW_ID_HEX_LEN + 1],
		dated[CW_DATE_TEXT_MAX], began[CW_DATE_TEXT_MAX], title[96];
	const char *kind = rec->kind == CW_KIND_HEARING
				   ? cw_kind_text(rec->kind)
				   : cw_enum_label(&cw_words_milestone, rec->u.milestone.type);
	struct cw_record kase;
	int opened, long_before;

	if (!cw_date_is_known(d) || cw_id_is_zero(case_id) ||
	    get_for(st, case_id, &kase, fn, ctx) != 0)
		return;
	if (kase.kind != CW_KIND_CASE) {
		cw_record_free(&kase);
		return;
	}
	opened = cw_date_is_known(kase.u.kase.opened);
	start = opened ? kase.u.kase.opened : first_start_in_case(st, case_id, &rec->id, fn, ctx);
	cw_text_format(title, sizeof title, "%s", kase.u.kase.title ? kase.u.kase.title : "");
	cw_text_trim_utf8(title);
	cw_record_free(&kase);
	if (!cw_date_is_known(start) ||
	    cw_date_compare(cw_date_last_day(d), cw_date_first_day(start)) >= 0)
		return;
	year_before = cw_date_first_day(start);
	year_before.year--;
	long_before = cw_date_compare(cw_date_last_day(d), year_before) <= 0;
	if (!long_before && !(opened && rec->kind == CW_KIND_HEARING))
		return;
	cw_id_hex(case_id, case_hex);
	cw_date_format(d, dated);
	cw_date_format(start, began);
	if (opened && !long_before)
		snprintf(what, sizeof what,
			 _("this %s is dated %s, before case %.8s (%s) was opened (%s), so "
			   "timelines and reports count it on that date"),
			 kind, dated, case_hex, title, began);
	else if (opened)
		snprintf(what, sizeof what,
			 _("this %s is dated %s, a year or more before case %.8s (%s) was opened "
			   "(%s), so timelines and reports count it on that date"),
			 kind, dated, case_hex, title, began);
	else
		snprintf(what, sizeof what,
			 _("this %s is dated %s, a year or more before the first arrest, detention "
			   "or charge logged in case %.8s (%s), of %s, and the case gives no "
			   "opening "
			   "date: timelines and reports count it on that date"),
			 kind, dated, case_hex, title, began);
	snprintf(fix, sizeof fix,
		 _("check the year: casewatch edit %.8s --date DATE; if the case began earlier: "
		   "casewatch edit %.8s --opened DATE"),
		 hex, case_hex);
	fn(ctx, what, fix);
}

/* Whether two visits met the same detainees (each list once per person, in any order). */
static int same_detainees(const struct cw_visit *a, const struct cw_visit *b)
{
	const struct cw_person_ref *pa = a->detainees.items, *pb = b->detainees.items;

	if (a->detainees.n != b->detainees.n)
		return 0;
	for (size_t i = 0; i < a->detainees.n; i++) {
		size_t j;

		for (j = 0; j < b->detainees.n && !cw_id_equal(&pa[i].person, &pb[j].person); j++)
			;
		if (j == b->detainees.n)
			return 0;
	}
	return 1;
}

static int same_words(const char *a, const char *b)
{
	return strcasecmp(a ? a : "", b ? b : "") == 0;
}

/* Whether two texts that both say something say different things. */
static int differ_where_given(const char *a, const char *b)
{
	return a && *a && b && *b && !same_words(a, b);
}

/* Whether o is the event rec records, by what defines one of its kind: a hearing, its case and
 * day (and its time, court and stage where both give them: the appeal court's bail hearing and
 * the trial court's session of one case on one day are two); a visit, its facility, day and
 * detainees (a visit that lists none, refused access say, cannot be told from another team's
 * that day); a demonstration, its day and place (and its cause where both give one); a
 * milestone, its type, case, person or group and day (and its outcome or result where both
 * give one). Only
 * dates known to the day: two hearings "in February" are no sign of one. A count of several
 * events is none. (A review found each of these warned about as logged twice.) */
static int same_event_fields(const struct cw_record *rec, const struct cw_record *o)
{
	const struct cw_tally *t = cw_record_tally(o);

	if (o->kind != rec->kind || cw_id_equal(&o->id, &rec->id) || (t && t->count >= 0) ||
	    cw_date_precision(cw_record_date(rec)) != CW_DATE_DAY ||
	    cw_date_compare(cw_record_date(o), cw_record_date(rec)) != 0)
		return 0;
	if (rec->kind == CW_KIND_HEARING) {
		const struct cw_hearing *a = &rec->u.hearing, *b = &o->u.hearing;

		return cw_id_equal(&a->case_id, &b->case_id) &&
		       !differ_where_given(a->time, b->time) &&
		       !differ_where_given(a->court, b->court) &&
		       !(a->stage && b->stage && a->stage != b->stage);
	}
	if (rec->kind == CW_KIND_MILESTONE) {
		const struct cw_milestone *a = &rec->u.milestone, *b = &o->u.milestone;

		/* The same step of the same person's (or group's) case: an arrest the UN and a
		 * government each give, not linked, was two arrests in every count. */
		return a->type && a->type == b->type && cw_id_equal(&a->case_id, &b->case_id) &&
		       cw_id_equal(&a->person, &b->person) &&
		       !(a->group && *a->group) == !(b->group && *b->group) &&
		       (!(a->group && *a->group) || same_words(a->group, b->group)) &&
		       !(a->outcome && b->outcome && a->outcome != b->outcome) &&
		       !(a->result && b->result && a->result != b->result);
	}
	if (rec->kind == CW_KIND_VISIT)
		return rec->u.visit.facility && *rec->u.visit.facility &&
		       same_words(rec->u.visit.facility, o->u.visit.facility) &&
		       rec->u.visit.detainees.n && same_detainees(&rec->u.visit, &o->u.visit);
	/* as the reports read it (report/report.h, cw_report_demo_unlinked) */
	return cw_demo_may_be_same(&rec->u.demo, &o->u.demo);
}

/* How many of the other records a warning names by their short ids after the first, which it
 * describes; the rest are "and N more" (the command that links them names them all). */
#define SAME_EVENT_NAMED 4

/* The first record of the event found: "hearing 1a2b3c4d of case 5e6f7a8b (title) on DAY". */
static void describe_same_event(struct cw_store *st, const struct cw_record *rec,
				const struct cw_record *o, char *other, size_t len, cw_advice_fn fn,
				void *ctx)
{
	char other_hex[CW_ID_HEX_LEN + 1], case_hex[CW_ID_HEX_LEN + 1], day[CW_DATE_TEXT_MAX],
		name[96];

	cw_id_hex(&o->id, other_hex);
	cw_date_format(cw_record_date(rec), day);
	if (rec->kind == CW_KIND_HEARING) {
		struct cw_record kase;

		cw_id_hex(&rec->u.hearing.case_id, case_hex);
		snprintf(name, sizeof name, "?");
		if (get_for(st, &o->u.hearing.case_id, &kase, fn, ctx) == 0) {
			cw_text_format(name, sizeof name, "%s", cw_record_label(&kase));
			cw_record_free(&kase);
		}
		cw_text_trim_utf8(name);
		snprintf(other, len, _("hearing %.8s of case %.8s (%s) on %s"), other_hex, case_hex,
			 name, day);
	} else if (rec->kind == CW_KIND_MILESTONE) {
		const struct cw_milestone *m = &o->u.milestone;

		if (m->group && *m->group)
			cw_text_format(name, sizeof name, "%s", m->group);
		else
			name_of(st, &m->person, name, sizeof name, fn, ctx);
		cw_text_trim_utf8(name);
		snprintf(other, len, _("%s %.8s of %s on %s"),
			 cw_enum_label(&cw_words_milestone, m->type), other_hex, name, day);
	} else if (rec->kind == CW_KIND_VISIT) {
		cw_text_format(name, sizeof name, "%s",
			       o->u.visit.facility ? o->u.visit.facility : "?");
		cw_text_trim_utf8(name);
		snprintf(other, len, _("visit %.8s to %s on %s"), other_hex, name, day);
	} else {
		cw_text_format(name, sizeof name, "%s", o->u.demo.place ? o->u.demo.place : "?");
		cw_text_trim_utf8(name);
		snprintf(other, len, _("demonstration %.8s at %s on %s"), other_hex, name, day);
	}
}

/* One warning for the records of the event in `found` (n of them, all from the same source as
 * rec or all from others): the first described, the next few by short id, the rest counted;
 * the command links rec to every one of them. */
static void warn_same_event(struct cw_store *st, const struct cw_record *rec, const char *hex,
			    const struct cw_record *const *found, size_t n, int same_source,
			    cw_advice_fn fn, void *ctx)
{
	char what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX], other[CW_ADVICE_TEXT_MAX - 600],
		more[200] = "", links[CW_ADVICE_TEXT_MAX - 200] = "", id[CW_ID_HEX_LEN + 1];
	const char *kind = cw_kind_label(rec->kind);
	size_t ml = 0, ll = 0;

	describe_same_event(st, rec, found[0], other, sizeof other, fn, ctx);
	cw_id_hex(&found[0]->id, id); /* the one other record, when it is one */
	for (size_t i = 0; i < n; i++) {
		char hx[CW_ID_HEX_LEN + 1];

		cw_id_hex(&found[i]->id, hx);
		if (ll + sizeof " --same-event 12345678" <= sizeof links) /* whole ids only */
			ll += (size_t)snprintf(links + ll, sizeof links - ll, " --same-event %.8s",
					       hx);
		if (i && i <= SAME_EVENT_NAMED && ml < sizeof more)
			ml += (size_t)snprintf(more + ml, sizeof more - ml, "%s%.8s",
					       i > 1 ? ", " : "", hx);
	}
	if (n > SAME_EVENT_NAMED + 1 && ml < sizeof more)
		snprintf(more + ml, sizeof more - ml,
			 P_(" and %zu more", " and %zu more", n - 1 - SAME_EVENT_NAMED),
			 n - 1 - SAME_EVENT_NAMED);
	if (same_source && n == 1) {
		snprintf(
			what, sizeof what,
			_("%s is already recorded, from the same source: if this %s (%.8s) logs it "
			  "again, reports count it twice"),
			other, kind, hex);
		snprintf(fix, sizeof fix,
			 _("if it is: casewatch delete %.8s, or keep both and link them so that it "
			   "counts once: casewatch edit %.8s --same-event %.8s"),
			 hex, hex, id);
	} else if (same_source) {
		snprintf(
			what, sizeof what,
			P_("%s is already recorded, and %zu more record of it (%s), from the same "
			   "source: if this %s (%.8s) logs it again, reports count it %zu times",
			   "%s is already recorded, and %zu more records of it (%s), from the same "
			   "source: if this %s (%.8s) logs it again, reports count it %zu times",
			   n - 1),
			other, n - 1, more, kind, hex, n + 1);
		snprintf(
			fix, sizeof fix,
			_("if it is: casewatch delete %.8s, or keep them all and link them so that "
			  "it counts once: casewatch edit %.8s%s"),
			hex, hex, links);
	} else if (n == 1) {
		snprintf(what, sizeof what,
			 _("%s, from another source, may be another account of this %s (%.8s): "
			   "reports count them as two until they are linked"),
			 other, kind, hex);
		snprintf(fix, sizeof fix,
			 _("if they are one event: casewatch edit %.8s --same-event %.8s"), hex,
			 id);
	} else {
		snprintf(what, sizeof what,
			 P_("%s, and %zu more record of it (%s), from other sources, may be other "
			    "accounts of this %s (%.8s): reports count them as %zu until they are "
			    "linked",
			    "%s, and %zu more records of it (%s), from other sources, may be other "
			    "accounts of this %s (%.8s): reports count them as %zu until they are "
			    "linked",
			    n - 1),
			 other, n - 1, more, kind, hex, n + 1);
		snprintf(fix, sizeof fix, _("if they are one event: casewatch edit %.8s%s"), hex,
			 links);
	}
	cw_text_trim_utf8(what);
	cw_text_trim_utf8(fix);
	fn(ctx, what, fix);
}

/* A hearing, visit, demonstration or milestone that other records of its kind already record (the
 * same hearing logged once in the terminal interface and once on the command line): reports count
 * each, as several events. From the same account and source it is most likely logged twice;
 * from another, it is another account of the event, which is kept and counted once when
 * linked as the same event (links are how casewatch keeps both without counting twice); one
 * that gives no account or no source is taken as the same. Records already linked either way
 * are not said. The records of the day are found through the store's indexes (by_case for a
 * hearing, by date and kind for the others), never a walk of all; every one found is named
 * (a hearing logged three times is two records to delete or link, not one), those from the
 * same source in one warning and those from others in another. */
static void advise_same_event(struct cw_store *st, const struct cw_record *rec, const char *hex,
			      cw_advice_fn fn, void *ctx)
{
	const struct cw_tally *t = cw_record_tally(rec);
	struct cw_date d = cw_record_date(rec);
	struct cw_record_list l = {0};
	struct cw_filter f;
	struct cw_error err;
	char case_hex[CW_ID_HEX_LEN + 1];
	const struct cw_record **same, **others;
	size_t nsame = 0, nothers = 0;

	if ((t && t->count >= 0) || !cw_date_is_known(d) ||
	    (rec->kind == CW_KIND_HEARING && cw_id_is_zero(&rec->u.hearing.case_id)) ||
	    (rec->kind == CW_KIND_MILESTONE && cw_id_is_zero(&rec->u.milestone.case_id)) ||
	    (rec->kind == CW_KIND_DEMO && !(rec->u.demo.place && *rec->u.demo.place)))
		return;
	cw_filter_init(&f);
	if (rec->kind == CW_KIND_HEARING) {
		cw_id_hex(&rec->u.hearing.case_id, case_hex);
		if (cw_filter_set(&f, "case", case_hex, &err) != 0)
			return;
	}
	f.since = f.until = d;
	if (unread(cw_store_list(st, &f, CW_KIND_BIT(rec->kind), CW_ORDER_OLDEST_FIRST, 0, 0, &l,
				 &err),
		   &err, fn, ctx) != 0)
		return;
	same = calloc(l.n ? l.n : 1, sizeof *same);
	others = calloc(l.n ? l.n : 1, sizeof *others);
	for (size_t i = 0; same && others && i < l.n; i++) {
		const struct cw_record *o = &l.items[i];

		if (!same_event_fields(rec, o) || cw_timeline_same_event(o, rec))
			continue;
		/* Another account when both say whose it is or where it comes from and differ: a
		 * form saved with neither beside the same hearing logged as the team's own is more
		 * likely the same monitor twice. */
		if ((!o->view || !rec->view || o->view == rec->view) &&
		    (!o->source || !*o->source || !rec->source || !*rec->source ||
		     same_words(o->source, rec->source)))
			same[nsame++] = o;
		else
			others[nothers++] = o;
	}
	if (nsame)
		warn_same_event(st, rec, hex, same, nsame, 1, fn, ctx);
	if (nothers)
		warn_same_event(st, rec, hex, others, nothers, 0, fn, ctx);
	free(same);
	free(others);
	cw_record_list_free(&l);
}

void cw_advise_saved(struct cw_store *st, const struct cw_record *rec, cw_advice_fn say,
		     void *say_ctx)
{
	char hex[CW_ID_HEX_LEN + 1], what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];
	struct said said = {.fn = say, .ctx = say_ctx};
	cw_advice_fn fn = say_once;
	void *ctx = &said;
	struct cw_error err;

	cw_id_hex(&rec->id, hex);
	if (rec->kind == CW_KIND_MILESTONE) {
		const struct cw_milestone *m = &rec->u.milestone;
		const char *type = cw_enum_label(&cw_words_milestone, m->type);

		/* Only dated events start a detention (models/timeline.h): an arrest with no
		 * date is in no count and no report's list of those held. */
		if (cw_timeline_starts_detention(m) && !cw_date_is_known(m->date)) {
			snprintf(what, sizeof what,
				 _("this %s has no date, so no pretrial detention counts from it"),
				 type);
			snprintf(
				fix, sizeof fix,
				_("give the date as the source does (2023, 2023-07 or 2023-07-04): "
				  "casewatch edit %.8s --date DATE"),
				hex);
			fn(ctx, what, fix);
		}
		/* Pretrial detention is counted in a case (models/timeline.h): an arrest logged
		 * before its case exists counts nowhere until it names one. */
		if (cw_id_is_zero(&m->case_id) && cw_timeline_starts_detention(m)) {
			struct cw_record_list cases = {0};
			char case_hex[CW_ID_HEX_LEN + 1];

			snprintf(what, sizeof what,
				 _("this %s names no case, so no pretrial detention counts from "
				   "it"),
				 type);
			/* The person's one case is likely the one meant, but a new arrest may be
			 * of a matter not logged yet: said, never chosen for them. */
			if (!cw_id_is_zero(&m->person) &&
			    unread(cw_store_person_records(st, &m->person,
							   CW_KIND_BIT(CW_KIND_CASE), &cases, &err),
				   &err, fn, ctx) == 0 &&
			    cases.n == 1) {
				char title[84];

				/* (Made safe for the terminal by whoever shows it; cut between
				 * characters.) */
				snprintf(title, sizeof title, "%s",
					 cases.items[0].u.kase.title ? cases.items[0].u.kase.title
								     : "");
				cw_text_trim_utf8(title);
				cw_id_hex(&cases.items[0].id, case_hex);
				snprintf(
					fix, sizeof fix,
					_("if it is of their one case, \"%s\": casewatch edit %.8s "
					  "--case %.8s"),
					title, hex, case_hex);
			} else {
				snprintf(fix, sizeof fix,
					 _("once the case is logged: casewatch edit %.8s --case "
					   "CASE"),
					 hex);
			}
			cw_record_list_free(&cases);
			fn(ctx, what, fix);
		}
		/* A bail or release with no outcome ends the detention (models/timeline.c: what
		 * such a milestone meant before outcomes were recorded); a monitor who only heard
		 * the request argued should know. */
		if ((m->type == CW_MS_BAIL || m->type == CW_MS_RELEASE) &&
		    m->outcome == CW_DECISION_UNKNOWN) {
			snprintf(what, sizeof what,
				 _("this %s has no outcome, so it is read as granted and ends the "
				   "pretrial detention"),
				 type);
			snprintf(fix, sizeof fix,
				 _("if it was refused: casewatch edit %.8s --outcome refused"),
				 hex);
			fn(ctx, what, fix);
		}
		advise_case_names_person(st, rec, hex, fn, ctx);
		advise_end_without_case(m, hex, fn, ctx);
		advise_end_before_start(st, rec, hex, fn, ctx);
		advise_group_count_above_size(st, m, hex, fn, ctx);
		advise_group_ruling_part(st, m, hex, fn, ctx);
		advise_custody_not_recorded(st, m, hex, fn, ctx);
		advise_group_release_no_number(st, m, hex, fn, ctx);
		advise_milestone_uncharged(st, rec, hex, fn, ctx);
		advise_before_case(st, rec, hex, fn, ctx);
		advise_same_event(st, rec, hex, fn, ctx);
	} else if (rec->kind == CW_KIND_HEARING) {
		advise_hearing_names_outsider(st, rec, hex, fn, ctx);
		advise_outcome_with_rulings(&rec->u.hearing, hex, fn, ctx);
		advise_ruling_before_start(st, rec, hex, fn, ctx);
		advise_verdict_uncharged(st, rec, hex, fn, ctx);
		advise_before_case(st, rec, hex, fn, ctx);
		advise_same_event(st, rec, hex, fn, ctx);
	} else if (rec->kind == CW_KIND_DEMO) {
		advise_arrests_count(&rec->u.demo, hex, fn, ctx);
		advise_demo_figures(&rec->u.demo, hex, fn, ctx);
		advise_same_event(st, rec, hex, fn, ctx);
	} else if (rec->kind == CW_KIND_VISIT) {
		advise_visit_meets_free(st, rec, fn, ctx);
		advise_visit_tally(&rec->u.visit, hex, fn, ctx);
		advise_visit_confidential(rec, hex, fn, ctx);
		advise_same_event(st, rec, hex, fn, ctx);
	} else if (rec->kind == CW_KIND_CASE) {
		advise_detained_without_start(st, rec, hex, fn, ctx);
	}
	advise_own_source(rec, hex, fn, ctx);
	advise_after_today(rec, hex, fn, ctx);
}

void cw_advise_same_hearing(struct cw_store *st, const struct cw_id *hearing,
			    const struct cw_id *told, size_t ntold, cw_advice_fn fn, void *ctx)
{
	struct cw_record rec;
	struct cw_record_list l = {0};
	struct cw_filter f;
	struct cw_error err;
	char hex[CW_ID_HEX_LEN + 1], case_hex[CW_ID_HEX_LEN + 1], day[CW_DATE_TEXT_MAX],
		what[CW_ADVICE_TEXT_MAX], fix[CW_ADVICE_TEXT_MAX];

	if (get_for(st, hearing, &rec, fn, ctx) != 0)
		return;
	if (rec.kind != CW_KIND_HEARING || rec.view != CW_VIEW_OWN ||
	    cw_id_is_zero(&rec.u.hearing.case_id) ||
	    cw_date_precision(rec.u.hearing.date) != CW_DATE_DAY) {
		cw_record_free(&rec);
		return;
	}
	cw_id_hex(&rec.id, hex);
	cw_id_hex(&rec.u.hearing.case_id, case_hex);
	cw_date_format(rec.u.hearing.date, day);
	cw_filter_init(&f);
	if (cw_filter_set(&f, "case", case_hex, &err) == 0) {
		f.since = f.until = rec.u.hearing.date;
		if (unread(cw_store_list(st, &f, CW_KIND_BIT(CW_KIND_HEARING),
					 CW_ORDER_OLDEST_FIRST, 0, 0, &l, &err),
			   &err, fn, ctx) != 0)
			l.n = 0;
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct cw_record *o = &l.items[i];
		char other[CW_ID_HEX_LEN + 1];
		int said = 0;

		/* Each pair once: not again for a hearing whose pairs were told already. */
		for (size_t k = 0; k < ntold && !said; k++)
			said = cw_id_equal(&told[k], &o->id);
		/* Linked directly only: two linked through a third are said, a warning too many,
		 * never one too few. */
		if (said || cw_id_equal(&o->id, &rec.id) || o->view != CW_VIEW_OWN ||
		    cw_timeline_same_event(o, &rec))
			continue;
		cw_id_hex(&o->id, other);
		snprintf(what, sizeof what,
			 _("hearings %.8s and %.8s of the same case on %s are both the team's own: "
			   "if they are one hearing logged twice, it counts twice"),
			 hex, other, day);
		snprintf(fix, sizeof fix, _("if they are: casewatch edit %.8s --same-event %.8s"),
			 hex, other);
		fn(ctx, what, fix);
	}
	cw_record_list_free(&l);
	cw_record_free(&rec);
}

/* One article the table does not know, said once however often the record names it. */
static void unknown_article(const struct cw_article *a, struct cw_article *said, size_t *nsaid,
			    cw_advice_fn fn, void *ctx)
{
	char text[CW_ARTICLE_TEXT_MAX], what[CW_ADVICE_TEXT_MAX];

	if (a->number == 0 || cw_article_offence(a))
		return;
	if (cw_article_in(a, said, *nsaid))
		return;
	if (*nsaid < CW_ARTICLE_LIST_MAX)
		said[(*nsaid)++] = *a;
	cw_article_format(a, text);
	snprintf(what, sizeof what, _("article %s is not in the built-in table"), text);
	fn(ctx, what, _("check it: 'casewatch articles' lists the articles the table knows"));
}

void cw_advise_filter_articles(const struct cw_filter *f, cw_advice_fn fn, void *ctx)
{
	struct cw_article said[CW_ARTICLE_LIST_MAX];
	size_t nsaid = 0;

	for (size_t i = 0; i < f->narticles; i++)
		unknown_article(&f->articles[i], said, &nsaid, fn, ctx);
}

void cw_advise_articles(const struct cw_record *rec, cw_advice_fn fn, void *ctx)
{
	struct cw_article said[CW_ARTICLE_LIST_MAX], arts[CW_ARTICLE_LIST_MAX];
	size_t nsaid = 0, n;

	if (rec->kind == CW_KIND_CASE) {
		const struct cw_defendant *d = rec->u.kase.defendants.items;

		for (size_t i = 0; i < rec->u.kase.defendants.n; i++)
			for (size_t c = 0; c < d[i].charges.n; c++)
				unknown_article(
					&((const struct cw_charge *)d[i].charges.items)[c].article,
					said, &nsaid, fn, ctx);
	} else if (rec->kind == CW_KIND_MILESTONE) {
		n = cw_milestone_articles(&rec->u.milestone, arts);
		for (size_t i = 0; i < n; i++)
			unknown_article(&arts[i], said, &nsaid, fn, ctx);
	} else if (rec->kind == CW_KIND_HEARING) {
		const struct cw_verdict *v = rec->u.hearing.verdicts.items;

		for (size_t i = 0; i < rec->u.hearing.verdicts.n; i++)
			unknown_article(&v[i].article, said, &nsaid, fn, ctx);
	}
}
