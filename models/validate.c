/* validate.c - checks a record against its field tables and its kind's rules; see record.h. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "models/confidential.h"
#include "models/record.h"
#include "models/text.h"

static int is_hhmm(const char *s)
{
	return strlen(s) == 5 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       s[2] == ':' && isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4]) &&
	       (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6';
}

static int field_is_given(const void *base, const struct cw_field *f)
{
	const char *p = (const char *)base + f->offset;

	switch (f->type) {
	case CW_F_STR:
		return *(char *const *)p != NULL && **(char *const *)p != '\0';
	case CW_F_DATE:
		return cw_date_is_known(*(const struct cw_date *)p);
	case CW_F_INT:
		return *(const int64_t *)p >= 0;
	case CW_F_ENUM:
	case CW_F_BOOL:
		return *(const uint8_t *)p != 0;
	case CW_F_SET:
		return *(const uint32_t *)p != 0;
	case CW_F_ID:
		return !cw_id_is_zero((const struct cw_id *)p);
	case CW_F_ARTICLE:
		return ((const struct cw_article *)p)->law != CW_LAW_NONE;
	case CW_F_LIST:
		return ((const struct cw_list *)p)->n > 0;
	}
	return 0;
}

static int validate_struct(const void *base, const struct cw_schema *s, struct cw_error *err);

static int validate_field(const void *base, const struct cw_field *f, const char *path,
			  struct cw_error *err)
{
	const char *p = (const char *)base + f->offset;

	if (!field_is_given(base, f)) {
		if (f->flags & CW_FF_REQUIRED)
			return cw_error_set(err, CW_EINVAL, path, "is required");
		return 0;
	}
	switch (f->type) {
	case CW_F_STR: {
		const char *text = *(char *const *)p;
		int rc;

		/* A time first: "ម៉ោង ៩" (nine o'clock) is not a time, rather than too long. */
		if ((f->flags & CW_FF_HHMM) && !is_hhmm(text))
			return cw_error_set(err, CW_EINVAL, path,
					    "'%.20s' is not a time; write HH:MM (24-hour)", text);
		rc = cw_text_validate(text, (size_t)f->max,
				      f->flags & CW_FF_MULTILINE ? CW_TEXT_MULTILINE : 0, path,
				      err);
		if (rc != 0)
			return rc;
		/* A name or title of spaces or zero-width characters names nothing: nobody
		 * could find it, or tell it from another. */
		if ((f->flags & CW_FF_REQUIRED) && cw_text_is_blank(text))
			return cw_error_set(err, CW_EINVAL, path,
					    "shows nothing (only spaces or invisible characters)");
		return 0;
	}
	case CW_F_INT: {
		int64_t v = *(const int64_t *)p;

		if (v < f->min || v > f->max)
			return cw_error_set(err, CW_EINVAL, path,
					    "%lld is out of range (%lld-%lld)", (long long)v,
					    (long long)f->min, (long long)f->max);
		return 0;
	}
	case CW_F_ENUM:
		if (*(const uint8_t *)p >= f->words->n)
			return cw_error_set(err, CW_EINVAL, path, "value %u is not known",
					    (unsigned)*(const uint8_t *)p);
		return 0;
	case CW_F_SET:
		if (f->words->n < 32 && (*(const uint32_t *)p >> f->words->n) != 0)
			return cw_error_set(err, CW_EINVAL, path, "unknown value in set");
		return 0;
	case CW_F_DATE: {
		struct cw_date d = *(const struct cw_date *)p;
		char text[CW_DATE_TEXT_MAX];
		struct cw_date check;

		/* A plain good date passes at once; any other is written out and read back, for
		 * the message that says what is wrong with it. */
		if (d.year >= 1900 && d.year <= 2199 &&
		    (d.month == 0
			     ? d.day == 0
			     : d.month <= 12 && d.day <= cw_date_days_in_month(d.year, d.month)))
			return 0;
		cw_date_format(d, text);
		if ((d.month == 0 && d.day != 0) || cw_date_parse(text, &check, path, err) != 0)
			return cw_error_set(err, CW_EINVAL, path, "is not a valid date");
		return 0;
	}
	case CW_F_LIST: {
		const struct cw_list *l = (const struct cw_list *)p;

		if ((int64_t)l->n > f->max)
			return cw_error_set(err, CW_EINVAL, path,
					    "too many items: %zu, at most %lld", l->n,
					    (long long)f->max);
		for (size_t i = 0; i < l->n; i++) {
			int rc = validate_struct((const char *)l->items + i * f->sub->size, f->sub,
						 err);

			if (rc != 0)
				return cw_error_in_item(err, path, i + 1, rc);
		}
		return 0;
	}
	default:
		return 0;
	}
}

/* Each field is named by its own name; a list's items put their place before it (in_item). */
static int validate_struct(const void *base, const struct cw_schema *s, struct cw_error *err)
{
	for (size_t i = 0; i < s->nfields; i++) {
		int rc = validate_field(base, &s->fields[i], s->fields[i].name, err);

		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Rules that span fields. */
/* A person is named in Latin script, in Khmer script or both: a monitor reading a court list
 * in Khmer may have no agreed romanisation, and one made up on the spot would file the same
 * person under two spellings. */
static int validate_person_name(const struct cw_person *p, struct cw_error *err)
{
	int latin = p->name && *p->name, khmer = p->name_km && *p->name_km;

	if (!latin && !khmer)
		return cw_error_set(err, CW_EINVAL, "name",
				    "is required: give the name in Latin script (--name), in Khmer "
				    "script (--name-km), or both");
	if (latin && cw_text_is_blank(p->name))
		return cw_error_set(err, CW_EINVAL, "name",
				    "shows nothing (only spaces or invisible characters)");
	if (!latin && cw_text_is_blank(p->name_km))
		return cw_error_set(err, CW_EINVAL, "name_km",
				    "shows nothing (only spaces or invisible characters)");
	return 0;
}

/* A person a rule names: by name_fn, else (or when it has none) by the start of their id. */
static void person_named(const struct cw_id *id, cw_person_namer name_fn, void *ctx, char *buf,
			 size_t len)
{
	char hex[CW_ID_HEX_LEN + 1];

	buf[0] = '\0';
	if (name_fn)
		name_fn(ctx, id, buf, len);
	if (!buf[0]) {
		cw_id_hex(id, hex);
		snprintf(buf, len, "%.8s", hex);
	}
}

/* Whether a hearing lists the person both present and absent. */
static int present_and_absent(const struct cw_hearing *h, const struct cw_id *person)
{
	const struct cw_attendance *a = h->attendance.items;
	int yes = 0, no = 0;

	for (size_t i = 0; i < h->attendance.n; i++)
		if (cw_id_equal(&a[i].person, person)) {
			yes |= a[i].present == CW_ANSWER_YES;
			no |= a[i].present == CW_ANSWER_NO;
		}
	return yes && no;
}

/* One person in court and not in court at one hearing cannot both be so: the second list
 * typed was meant for someone else, or the first was not corrected (both the command line's
 * --present and --absent and the form's two fields build this one list). was: as
 * cw_record_validate_typed. */
static int validate_attendance(const struct cw_hearing *h, const struct cw_hearing *was,
			       cw_person_namer name_fn, void *ctx, struct cw_error *err)
{
	const struct cw_attendance *a = h->attendance.items;

	for (size_t i = 0; i < h->attendance.n; i++) {
		char name[200];

		if (a[i].present != CW_ANSWER_YES || !present_and_absent(h, &a[i].person) ||
		    (was && present_and_absent(was, &a[i].person)))
			continue;
		person_named(&a[i].person, name_fn, ctx, name, sizeof name);
		return cw_error_set(err, CW_EINVAL, "absent",
				    "'%.100s' is listed both present and absent: keep them in one "
				    "of the two",
				    name);
	}
	return 0;
}

/* Whether two entries of one detainee's access give one of the two accesses differently. */
static int access_entries_differ(const struct cw_detainee_access *a,
				 const struct cw_detainee_access *b)
{
	return (a->lawyer_access && b->lawyer_access && a->lawyer_access != b->lawyer_access) ||
	       (a->family_access && b->family_access && a->family_access != b->family_access);
}

/* How many entries of v's detainee access are of person p. */
static size_t access_entries_of(const struct cw_visit *v, const struct cw_id *p)
{
	const struct cw_detainee_access *a = v->detainee_access.items;
	size_t n = 0;

	for (size_t i = 0; i < v->detainee_access.n; i++)
		n += cw_id_equal(&a[i].person, p);
	return n;
}

/* Each detainee's access to a lawyer and family is of one of the detainees the visit met, and
 * given once: a person not met was told of by someone else (the notes say so), and two
 * entries for one would leave whichever is read last. Except the two a merge of two people
 * taken from a bundle keeps where they differ (store.h, struct cw_doubled): stored as they
 * are (typed 0), and kept by an edit of a record that had them (was) until an edit makes
 * them agree. The person named by name_fn, else by the start of their id (as
 * cw_record_validate has no store to read the name from). */
static int validate_detainee_access(const struct cw_visit *v, const struct cw_visit *was, int typed,
				    cw_person_namer name_fn, void *ctx, struct cw_error *err)
{
	const struct cw_detainee_access *a = v->detainee_access.items;
	const struct cw_person_ref *met = v->detainees.items;

	for (size_t i = 0; i < v->detainee_access.n; i++) {
		char name[200];
		int seen = 0, twice = 0;

		for (size_t k = 0; k < v->detainees.n && !seen; k++)
			seen = cw_id_equal(&met[k].person, &a[i].person);
		for (size_t k = 0; k < i && !twice; k++)
			twice = cw_id_equal(&a[k].person, &a[i].person) &&
				(!access_entries_differ(&a[k], &a[i]) ||
				 (typed && !(was && access_entries_of(was, &a[i].person) > 1)));
		if (seen && !twice)
			continue;
		person_named(&a[i].person, name_fn, ctx, name, sizeof name);
		if (twice)
			return cw_error_set(err, CW_EINVAL, "detainee_access",
					    "'%.100s' is listed twice: give each detainee's access "
					    "once",
					    name);
		return cw_error_set(err, CW_EINVAL, "detainee_access",
				    "'%.100s' is not among the detainees the visit met: add them "
				    "there (--detainee), or take their access out",
				    name);
	}
	return 0;
}

/* Whether the visit holds an entry of the person that gives each access e gives as e does: e
 * keeps it, or takes one of the two back (unknown), as an edit that corrects it may. */
static int access_entry_held(const struct cw_visit *v, const struct cw_detainee_access *e)
{
	const struct cw_detainee_access *a = v->detainee_access.items;

	for (size_t i = 0; i < v->detainee_access.n; i++)
		if (cw_id_equal(&a[i].person, &e->person) &&
		    (!e->lawyer_access || a[i].lawyer_access == e->lawyer_access) &&
		    (!e->family_access || a[i].family_access == e->family_access))
			return 1;
	return 0;
}

/* A visit refused access (access denied) met no one: the report says its detainees were not
 * met. A detainee's lawyer or family access recorded at it would read, and be counted, as told
 * or seen there; what someone else said of it (a relative at the gate) goes in the notes, or
 * in a visit that met them. An edit of a record that holds such entries already (imported
 * from a bundle or an older database, which the store takes; the report does not count them)
 * saves while it adds none and changes none of them (taking one back is no change: what is
 * left is what the record held). Names the first such detainee. */
static int validate_refused_access(const struct cw_visit *v, const struct cw_visit *was,
				   cw_person_namer name_fn, void *ctx, struct cw_error *err)
{
	const struct cw_detainee_access *a = v->detainee_access.items;

	if (!cw_visit_met_no_one(v))
		return 0;
	for (size_t i = 0; i < v->detainee_access.n; i++) {
		char name[200];

		if ((!a[i].lawyer_access && !a[i].family_access) ||
		    (was && cw_visit_met_no_one(was) && access_entry_held(was, &a[i])))
			continue;
		person_named(&a[i].person, name_fn, ctx, name, sizeof name);
		return cw_error_set(
			err, CW_EINVAL, "detainee_access",
			"'%.100s' was not met: the visit was refused access (access "
			"denied), so it cannot record their lawyer or family access; "
			"give it at a visit that met them, or say in the notes who told "
			"of it",
			name);
	}
	return 0;
}

static int validate_kind_rules(const struct cw_record *rec, struct cw_error *err)
{
	if (rec->kind == CW_KIND_VISIT)
		return validate_detainee_access(&rec->u.visit, NULL, 0, NULL, NULL, err);
	if (rec->kind == CW_KIND_PERSON)
		return validate_person_name(&rec->u.person, err);
	if (rec->kind == CW_KIND_CASE) {
		const struct cw_list *ds = &rec->u.kase.defendants;

		for (size_t i = 0; i < ds->n; i++) {
			const struct cw_defendant *d = (const struct cw_defendant *)ds->items + i;
			char path[80];

			/* A group the sources describe without names has a count, a label or
			 * both ("a handful of reporters"); names are never invented. */
			if (cw_id_is_zero(&d->person) && d->unnamed_count < 1 &&
			    !(d->label && *d->label)) {
				snprintf(path, sizeof path, "defendants[%zu]", i + 1);
				return cw_error_set(err, CW_EINVAL, path,
						    "give a person, or a count or label of unnamed "
						    "defendants");
			}
			if (!cw_id_is_zero(&d->person) &&
			    (d->unnamed_count >= 0 || (d->label && *d->label))) {
				snprintf(path, sizeof path, "defendants[%zu]", i + 1);
				return cw_error_set(
					err, CW_EINVAL, path,
					"a named defendant has no unnamed count or label");
			}
			for (size_t j = 0; j < d->charges.n; j++) {
				const struct cw_charge *c =
					(const struct cw_charge *)d->charges.items + j;

				if (c->article.law == CW_LAW_NONE && !(c->offence && *c->offence)) {
					snprintf(path, sizeof path, "defendants[%zu].charges[%zu]",
						 i + 1, j + 1);
					return cw_error_set(err, CW_EINVAL, path,
							    "give an article or an offence");
				}
			}
		}
	} else if (rec->kind == CW_KIND_MILESTONE) {
		const struct cw_milestone *m = &rec->u.milestone;
		int group = m->group && *m->group;

		/* An event concerns one person, or a group of a case's unnamed defendants. */
		if (cw_id_is_zero(&m->person) && !group)
			return cw_error_set(err, CW_EINVAL, "person",
					    "is required (or a group of the case's unnamed "
					    "defendants)");
		if (!cw_id_is_zero(&m->person) && group)
			return cw_error_set(err, CW_EINVAL, "group",
					    "give a person or a group, not both");
		if (group && cw_id_is_zero(&m->case_id))
			return cw_error_set(err, CW_EINVAL, "case",
					    "a group's event names the case the group is in");
		if (m->count >= 0 && !group)
			return cw_error_set(err, CW_EINVAL, "count",
					    "counts the people of a group: give --group");
		if (m->more && m->count < 1)
			return cw_error_set(err, CW_EINVAL, "more",
					    "says the count is of more people: give --count");
		if (cw_date_is_known(m->until) && m->type != CW_MS_PRETRIAL_DETENTION &&
		    m->type != CW_MS_DETENTION_EXTENDED)
			return cw_error_set(err, CW_EINVAL, "until",
					    "is the last day of a detention order: only a "
					    "pretrial_detention or detention_extended has one");
		/* Compared at their first days: an order of March may run to March. */
		if (cw_date_is_known(m->until) && cw_date_is_known(m->date) &&
		    cw_date_compare(cw_date_last_day(m->until), cw_date_first_day(m->date)) < 0)
			return cw_error_set(err, CW_EINVAL, "until",
					    "is before the order's own date");
	} else if (rec->kind == CW_KIND_DEMO) {
		if (rec->u.demo.participants_at_least && rec->u.demo.participants < 0)
			return cw_error_set(err, CW_EINVAL, "participants_at_least",
					    "says the number of participants is a least: give "
					    "--participants");
		if (rec->u.demo.arrests_at_least && rec->u.demo.arrests_count < 0)
			return cw_error_set(err, CW_EINVAL, "arrests_at_least",
					    "says the number of arrests is a least: give "
					    "--arrests-count");
		if (rec->u.demo.injured_at_least && rec->u.demo.injured < 0)
			return cw_error_set(err, CW_EINVAL, "injured_at_least",
					    "says the number injured is a least: give --injured");
	} else if (rec->kind == CW_KIND_HEARING) {
		const struct cw_hearing *h = &rec->u.hearing;

		/* "28 hearings monitored" (001 para 36) spans many cases; one hearing has one. */
		if (cw_id_is_zero(&h->case_id) && h->tally.count == 1)
			return cw_error_set(err, CW_EINVAL, "case",
					    "is required: a count of 1 is one hearing, of one case "
					    "(a count of 2 or more needs none)");
		if (cw_id_is_zero(&h->case_id) && h->tally.count < 2)
			return cw_error_set(err, CW_EINVAL, "case",
					    "is required (unless the record counts several "
					    "hearings: a count of 2 or more)");

		if (h->time && *h->time && cw_date_precision(h->date) != CW_DATE_DAY)
			return cw_error_set(err, CW_EINVAL, "date",
					    "a hearing with a time needs a full date (YYYY-MM-DD)");
		if (cw_date_is_known(h->next_date) && cw_date_compare(h->next_date, h->date) < 0)
			return cw_error_set(err, CW_EINVAL, "next_date",
					    "is before the hearing's own date");
	}
	return 0;
}

int cw_record_validate_header(const struct cw_record *rec, struct cw_error *err)
{
	if (!cw_schema_for_kind(rec->kind))
		return cw_error_set(err, CW_EINVAL, "kind", "unknown record kind %u",
				    (unsigned)rec->kind);
	return validate_struct(rec, &cw_schema_header, err);
}

int cw_record_validate(const struct cw_record *rec, struct cw_error *err)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	int rc;

	if (!s)
		return cw_error_set(err, CW_EINVAL, "kind", "unknown record kind %u",
				    (unsigned)rec->kind);
	if ((rc = validate_struct(rec, &cw_schema_header, err)) != 0)
		return rc;
	if ((rc = validate_struct(&rec->u, s, err)) != 0)
		return rc;
	if ((rc = validate_kind_rules(rec, err)) != 0 ||
	    (rc = cw_confidential_validate(rec, err)) != 0)
		return rc;
	{
		const struct cw_tally *t = cw_record_tally(rec);

		if (t && cw_date_is_known(t->from) && cw_date_is_known(t->to) &&
		    cw_date_compare(cw_date_last_day(t->to), cw_date_first_day(t->from)) < 0)
			return cw_error_set(err, CW_EINVAL, "period_to",
					    "is before the period's first day");
		if (t && t->at_least && t->count < 0)
			return cw_error_set(err, CW_EINVAL, "at_least", "needs a --count");
	}
	return 0;
}

int cw_record_validate_response(const struct cw_record *rec, const struct cw_record *was,
				struct cw_error *err)
{
	/* "none" is looked up in the table, not assumed to be its first word. */
	int none_at = cw_enum_parse(&cw_words_response, "none");
	uint32_t none, response;

	if (rec->kind != CW_KIND_DEMO || none_at < 0 || none_at >= 32)
		return 0;
	none = UINT32_C(1) << none_at;
	response = rec->u.demo.response;
	if (!(response & none) || !(response & ~none) ||
	    (was && was->kind == CW_KIND_DEMO && was->u.demo.response == response))
		return 0;
	return cw_error_set(err, CW_EINVAL, "response",
			    "'none' says the authorities did nothing: give it alone, or the rest "
			    "of the response without it (--clear response takes off what is "
			    "recorded)");
}

int cw_record_validate_indicators(const struct cw_record *rec, struct cw_error *err)
{
	const struct cw_indicator *ind;
	char path[48];

	if (rec->kind != CW_KIND_HEARING)
		return 0;
	ind = rec->u.hearing.indicators.items;
	for (size_t i = 1; i < rec->u.hearing.indicators.n; i++)
		for (size_t j = 0; j < i; j++)
			if (ind[j].name == ind[i].name) {
				snprintf(path, sizeof path, "indicators[%zu]", i + 1);
				return cw_error_set(err, CW_EINVAL, path,
						    "%s is answered twice: give it one answer",
						    cw_enum_word(&cw_words_indicator, ind[i].name));
			}
	return 0;
}

int cw_record_validate_typed(const struct cw_record *rec, const struct cw_record *was,
			     struct cw_date today, cw_person_namer name_fn, void *ctx,
			     struct cw_error *err)
{
	int64_t born = rec->kind == CW_KIND_PERSON ? rec->u.person.birth_year : -1;
	int rc;

	/* Nobody is born after today: a typo (2150 for 1950), or the year of something else. */
	if (born > today.year && cw_date_is_known(today) &&
	    !(was && was->kind == CW_KIND_PERSON && was->u.person.birth_year == born))
		return cw_error_set(err, CW_EINVAL, "birth_year",
				    "%lld is after the current year (%d)", (long long)born,
				    (int)today.year);
	if ((rc = cw_record_validate_response(rec, was, err)) != 0)
		return rc;
	/* As cw_record_validate checks it, the person named (it is first on the command line). */
	if (rec->kind == CW_KIND_VISIT) {
		const struct cw_visit *was_visit =
			was && was->kind == CW_KIND_VISIT ? &was->u.visit : NULL;

		if ((rc = validate_detainee_access(&rec->u.visit, was_visit, 1, name_fn, ctx,
						   err)) != 0)
			return rc;
		return validate_refused_access(&rec->u.visit, was_visit, name_fn, ctx, err);
	}
	if (rec->kind == CW_KIND_HEARING)
		return validate_attendance(&rec->u.hearing,
					   was && was->kind == CW_KIND_HEARING ? &was->u.hearing
									       : NULL,
					   name_fn, ctx, err);
	return 0;
}

/* Beside the rules it marks (validate_kind_rules, validate_field, and cw_check_logged_date in
 * app/advice.c): a rule added there that requires a field is added here, or a form would not
 * mark it (the visit's date went unmarked while saving refused it). */
int cw_record_requires(const struct cw_record *rec, const struct cw_record *was, const char *field)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	const struct cw_field *f = s ? cw_schema_field(s, field) : NULL;

	if (!f)
		return 0;
	if (f->flags & CW_FF_REQUIRED)
		return 1;
	if (!strcmp(field, "date"))
		return cw_record_date_expected(rec) && !(was && cw_record_date_expected(was) &&
							 !cw_date_is_known(cw_record_date(was)));
	switch (rec->kind) {
	case CW_KIND_PERSON:
		return !strcmp(field, "name") && !(rec->u.person.name_km && *rec->u.person.name_km);
	case CW_KIND_HEARING:
		return !strcmp(field, "case") && rec->u.hearing.tally.count < 2;
	case CW_KIND_MILESTONE:
		return !strcmp(field, "person") &&
		       !(rec->u.milestone.group && *rec->u.milestone.group);
	default:
		return 0;
	}
}
