/* json.c - a summary as JSON (jansson) with stable field names; see rdoc.h and
 * the man page, which documents every key. Missing values are null or empty arrays, never
 * left out, so scripts can rely on the shape. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/export.h"
#include "report/rdoc.h"
#include "report/write.h"
#include "models/confidential.h"
#include "models/format.h"
#include "models/idmap.h"
#include "models/json.h"
#include "models/timeline.h"

static json_t *jstr(const char *s)
{
	char *t;
	json_t *v;

	if (!s)
		return json_null();
	if (!(t = cw_rtext(s)))
		return NULL;
	v = json_string(t);
	free(t);
	return v;
}

static json_t *jdate(struct cw_date d)
{
	char t[CW_DATE_TEXT_MAX];

	if (!cw_date_is_known(d))
		return json_null();
	cw_date_format(d, t);
	return json_string(t);
}

static json_t *jid(const struct cw_id *id)
{
	char hex[CW_ID_HEX_LEN + 1];

	if (cw_id_is_zero(id))
		return json_null();
	cw_id_hex(id, hex);
	return json_string(hex);
}

/* The id of a person or case the report names beside its name: null when that reads
 * "[confidential]" in a report for others (cw_report_gives_id). */
static json_t *jnamed(const struct cw_report *r, const struct cw_id *id)
{
	return cw_report_gives_id(r, id) ? jid(id) : json_null();
}

static json_t *jword(const struct cw_enum *e, unsigned v)
{
	return v ? json_string(cw_enum_word(e, v)) : json_null();
}

/* Whose account a row gives: the stable word ("un", "government", "own"), null when the
 * account is not recorded. */
static json_t *jview(const struct cw_record *rec)
{
	return jword(&cw_words_view, rec->view);
}

json_t *cw_export_views_json(uint32_t views)
{
	json_t *a = json_array();

	for (unsigned v = 0; a && v < 32 && v < cw_words_view.n; v++)
		if ((views & (UINT32_C(1) << v)) &&
		    json_array_append_new(a, jword(&cw_words_view, v)))
			return json_decref(a), NULL;
	return a;
}

/* A row drawn from a record, with "reportedly": whether its source says the event only
 * reportedly happened (true/false, never left out), and "source", the source it names ("001
 * para 40"; null when none; "[confidential]" when withheld). NULL when o is (out of memory). */
static json_t *jrow(json_t *o, const struct cw_record *rec)
{
	if (o && (json_object_set_new(o, "reportedly", json_boolean(rec->reportedly)) != 0 ||
		  (!json_object_get(o, "source") &&
		   json_object_set_new(o, "source", jstr(rec->source)) != 0) ||
		  (!json_object_get(o, "notes") &&
		   json_object_set_new(o, "notes", jstr(cw_record_notes(rec))) != 0))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *jset(const struct cw_enum *e, uint32_t set)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < e->n; i++)
		if (set & (UINT32_C(1) << i))
			json_array_append_new(a, json_string(e->words[i]));
	return a;
}

static json_t *jarticle(const struct cw_article *a)
{
	char t[CW_ARTICLE_TEXT_MAX];

	if (a->law == CW_LAW_NONE)
		return json_null();
	cw_article_format(a, t);
	return json_string(t);
}

/* {"id", "name", "name_km"} for a person named by the report. */
static json_t *jperson(const struct cw_report *r, const struct cw_id *id)
{
	const struct cw_record *p = cw_report_ref(r, id);
	int known = p && p->kind == CW_KIND_PERSON;

	if (cw_id_is_zero(id))
		return json_null();
	return json_pack("{s:o,s:o,s:o}", "id", jnamed(r, id), "name",
			 known ? jstr(p->u.person.name) : json_null(), "name_km",
			 known ? jstr(p->u.person.name_km) : json_null());
}

static json_t *jpeople(const struct cw_report *r, const struct cw_list *l)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < l->n; i++)
		json_array_append_new(
			a, jperson(r, &((const struct cw_person_ref *)l->items)[i].person));
	return a;
}

static json_t *jarticles(const struct cw_record *kase, const struct cw_id *person)
{
	struct cw_article a[64];
	size_t n;
	json_t *arr = json_array();

	cw_case_articles(kase, person, a, 64, &n);
	for (size_t i = 0; arr && i < n; i++)
		json_array_append_new(arr, jarticle(&a[i]));
	return arr;
}

/* An arrest's or charge's articles: the ones it names, else its case's for the person. */
static json_t *jarrest_articles(const struct cw_report *r, const struct cw_milestone *m)
{
	struct cw_article a[64];
	size_t n = cw_report_arrest_articles(r, m, a, 64);
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < n; i++)
		json_array_append_new(arr, jarticle(&a[i]));
	return arr;
}

/* {"id", "title", "court", "stage", "articles", "defendants"} */
/* A case as it is recorded now; with custody 0, its defendants' custody null: a row that rules
 * on them gives none, as the other formats' row does not, since the case's entry may be older
 * than the ruling (an acquitted defendant's read "detained"). */
static json_t *jcase_with(const struct cw_report *r, const struct cw_id *id, int custody)
{
	const struct cw_record *k = cw_report_ref(r, id);
	json_t *defs;

	if (cw_id_is_zero(id))
		return json_null();
	if (!k || k->kind != CW_KIND_CASE)
		return json_pack("{s:o,s:n,s:n,s:n,s:[],s:[]}", "id", jnamed(r, id), "title",
				 "court", "stage", "articles", "defendants");
	defs = json_array();
	for (size_t i = 0; defs && i < k->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)k->u.kase.defendants.items + i;

		json_array_append_new(
			defs,
			json_pack("{s:o,s:o,s:o,s:o}", "person", jperson(r, &d->person), "label",
				  jstr(d->label), "unnamed_count",
				  d->unnamed_count > 0 ? json_integer(d->unnamed_count)
						       : json_null(),
				  "custody",
				  custody ? jword(&cw_words_custody, d->custody) : json_null()));
	}
	return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "id", jnamed(r, id), "title",
			 jstr(k->u.kase.title), "court", jstr(k->u.kase.court), "stage",
			 jword(&cw_words_stage, k->u.kase.stage), "articles", jarticles(k, NULL),
			 "defendants", defs);
}

static json_t *jcase(const struct cw_report *r, const struct cw_id *id)
{
	return jcase_with(r, id, 1);
}

static const struct cw_id *case_of(const struct cw_record *rec)
{
	static const struct cw_id zero;

	if (rec->kind == CW_KIND_HEARING)
		return &rec->u.hearing.case_id;
	if (rec->kind == CW_KIND_MILESTONE)
		return &rec->u.milestone.case_id;
	return &zero;
}

/* Where the event of an account is counted in another period (report.h:
 * CW_REPORT_ELSEWHERE): "counted_in_period" ("earlier", "later"; null when in this one),
 * and that account's date and view. */
static void jelsewhere(json_t *o, const size_t *counted, const struct cw_report_elsewhere *e,
		       size_t i)
{
	int away = counted && counted[i] == CW_REPORT_ELSEWHERE;

	json_object_set_new(o, "counted_in_period",
			    !away ? json_null() : json_string(e[i].before ? "earlier" : "later"));
	if (away) {
		json_object_set_new(o, "counted_in_date", jdate(e[i].date));
		json_object_set_new(o, "counted_in_view", jword(&cw_words_view, e[i].view));
	}
}

/* The ids of a section's rows, for jcounted_in to find a link's record among them by its id
 * rather than walking every row for each link (none when no row has a link: nothing is looked
 * up): -1 when out of memory. */
static int jrow_ids(const struct cw_record_list *l, struct cw_idmap *ids)
{
	int links = 0;

	*ids = (struct cw_idmap){0};
	for (size_t i = 0; i < l->n && !links; i++)
		links = l->items[i].links.n > 0;
	for (size_t i = 0; links && i < l->n; i++)
		if (cw_idmap_put(ids, &l->items[i].id, i, NULL) < 0) {
			cw_idmap_free(ids);
			return -1;
		}
	return 0;
}

/* Of a visit, a demonstration or an arrest told by several accounts: "counted_in", the id of
 * the account its event is counted by (null for that one, and for a record told by no other),
 * in this period or another (jelsewhere), and "links", the record's own links to the other
 * accounts the report lists or counts by (a link to one left out, confidential or outside the
 * period, is not given: its id would say it exists). ids: the ids of l's rows (jrow_ids). */
static void jcounted_in(json_t *o, const struct cw_record_list *l, const struct cw_idmap *ids,
			const size_t *counted, const struct cw_report_elsewhere *elsewhere,
			size_t i)
{
	const struct cw_record *rec = &l->items[i];
	int away = counted && counted[i] == CW_REPORT_ELSEWHERE;
	json_t *links;

	if (!o || !(links = json_array()))
		return;
	for (size_t k = 0; links && k < rec->links.n; k++) {
		const struct cw_link *lk = (const struct cw_link *)rec->links.items + k;
		int listed = (away && cw_id_equal(&elsewhere[i].id, &lk->record)) ||
			     cw_idmap_get(ids, &lk->record, NULL);

		if (listed)
			json_array_append_new(links, json_pack("{s:o,s:o}", "relation",
							       jword(&cw_words_link, lk->relation),
							       "record", jid(&lk->record)));
	}
	json_object_set_new(o, "links", links ? links : json_null());
	json_object_set_new(o, "counted_in",
			    away                         ? jid(&elsewhere[i].id)
			    : counted && counted[i] != i ? jid(&l->items[counted[i]].id)
							 : json_null());
	jelsewhere(o, counted, elsewhere, i);
}

static json_t *jparts(const struct cw_report *r, const struct cw_list *parts, int whose,
		      const struct cw_id *person, const char *group);

/* The defendants a hearing concerned, as its row lists them in the other formats
 * (cw_report_hearing_defendants): [{"person", "label", "unnamed_count", "absent",
 * "from_case"}], from_case when its record does not say and the case's entry as it is now
 * stands in; and into *people how many they are (-1: a group gives no number). NULL when out
 * of memory. */
static json_t *jhearing_defendants(const struct cw_report *r, const struct cw_record *rec,
				   int64_t *people)
{
	struct cw_report_hearing_defendant *defs;
	size_t n;
	json_t *a;

	*people = 0;
	if (cw_report_hearing_defendants(r, rec, &defs, &n) != 0)
		return NULL;
	a = json_array();
	for (size_t i = 0; a && i < n; i++) {
		const struct cw_report_hearing_defendant *d = &defs[i];

		/* a group with neither label nor number, which no format's row names either */
		if (cw_id_is_zero(&d->person) && !d->group && d->count <= 0)
			continue;
		if (!cw_id_is_zero(&d->person))
			*people += *people >= 0;
		else if (d->count > 0 && *people >= 0)
			*people += d->count;
		else if (d->count <= 0)
			*people = -1;
		json_array_append_new(a, json_pack("{s:o,s:o,s:o,s:b,s:b}", "person",
						   jperson(r, &d->person), "label", jstr(d->group),
						   "unnamed_count",
						   d->count > 0 && cw_id_is_zero(&d->person)
							   ? json_integer(d->count)
							   : json_null(),
						   "absent", d->absent, "from_case", d->from_case));
	}
	free(defs);
	return a;
}

/* A hearing's row's defendants ("defendants") and how many people they are ("people_count",
 * null when a group gives no number), as every format's row gives them. */
static void jhearing_people(json_t *o, const struct cw_report *r, const struct cw_record *rec)
{
	int64_t people;
	json_t *defs = jhearing_defendants(r, rec, &people);

	json_object_set_new(o, "defendants", defs ? defs : json_null());
	json_object_set_new(o, "people_count",
			    defs && people > 0 ? json_integer(people) : json_null());
}

static json_t *hearings(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->hearings.n; i++) {
		const struct cw_record *rec = &r->hearings.items[i];
		const struct cw_hearing *h = &rec->u.hearing;
		json_t *no = json_array(), *row;

		for (size_t j = 0; no && j < h->indicators.n; j++) {
			const struct cw_indicator *ind =
				(const struct cw_indicator *)h->indicators.items + j;

			if (ind->answer == CW_ANSWER_NO)
				json_array_append_new(
					no, json_pack("{s:o,s:o}", "indicator",
						      jword(&cw_words_indicator, ind->name), "note",
						      jstr(ind->note)));
		}
		row = jrow(json_pack("{s:o,s:o,s:b,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,"
				     "s:o,s:o}",
				     "id", jid(&rec->id), "view", jview(rec), "own_observation",
				     cw_report_hearing_is_own(rec), "date", jdate(h->date), "time",
				     jstr(h->time), "case", jcase(r, &h->case_id), "court",
				     jstr(h->court), "stage", jword(&cw_words_stage, h->stage),
				     "outcome", jword(&cw_words_outcome, h->outcome), "next_date",
				     jdate(h->next_date), "adjourn_reason", jstr(h->adjourn_reason),
				     "fair_trial_no", no, "monitors_admitted",
				     jword(&cw_words_answer, h->monitors_admitted),
				     "public_admitted", jword(&cw_words_answer, h->public_admitted),
				     "press_admitted", jword(&cw_words_answer, h->press_admitted),
				     "sentence", jstr(h->sentence), "source", jstr(rec->source)),
			   rec);
		/* Another account of a hearing counted by another row (the team's, when it
		 * observed it), or in another period: that account's id, as the Markdown row
		 * says; null for the account counted. */
		if (row) {
			const size_t *hc = r->hearing_counted;
			int away = hc && hc[i] == CW_REPORT_ELSEWHERE;
			json_t *absent = json_array();

			/* The whole sentence, as the verdicts' rows give it and the other formats'
			 * hearing rows say it: the fine and the parts beside the words. */
			json_object_set_new(row, "fine", jstr(h->fine));
			json_object_set_new(row, "sentence_parts",
					    jparts(r, &h->sentence_parts, 0, NULL, NULL));
			/* The defendants the hearing records as absent (tried in their absence
			 * is a fair-trial concern: ICCPR art. 14(3)(d)). */
			for (size_t j = 0; absent && j < h->attendance.n; j++) {
				const struct cw_attendance *at =
					(const struct cw_attendance *)h->attendance.items + j;

				if (at->present == CW_ANSWER_NO)
					json_array_append_new(absent, jperson(r, &at->person));
			}
			json_object_set_new(row, "absent", absent ? absent : json_null());
			jhearing_people(row, r, rec);

			json_object_set_new(row, "counted_as",
					    away               ? jid(&r->hearing_elsewhere[i].id)
					    : hc && hc[i] != i ? jid(&r->hearings.items[hc[i]].id)
							       : json_null());
			jelsewhere(row, hc, r->hearing_elsewhere, i);
		}
		json_array_append_new(a, row);
	}
	return a;
}

/* Hearings another account only set (report.h: hearings_set), counted nowhere. */
static json_t *hearings_set(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->hearings_set.n; i++) {
		const struct cw_record *rec = &r->hearings_set.items[i];
		const struct cw_hearing *h = &rec->u.hearing;

		json_t *o = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "id", jid(&rec->id),
				      "view", jview(rec), "date", jdate(h->date), "time",
				      jstr(h->time), "case", jcase(r, &h->case_id), "court",
				      jstr(h->court), "stage", jword(&cw_words_stage, h->stage),
				      "reported_on", jdate(rec->reported_on));

		if (o)
			jhearing_people(o, r, rec);
		json_array_append_new(a, jrow(o, rec));
	}
	return a;
}

/* Hearings set for a day of the range gone by with nothing logged for it (report.h: missed),
 * counted nowhere: the day, and the hearing that set it (its id, date and account). */
static json_t *hearings_missed(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->nmissed; i++) {
		const struct cw_report_upcoming *u = &r->missed[i];
		const struct cw_hearing *h = &u->hearing->u.hearing;

		/* "precision": "month" (or "year") for a month that ended in the range ("date":
		 * "2024-07") */
		json_array_append_new(
			a, jrow(json_pack("{s:o,s:s,s:o,s:o,s:o,s:o,s:o}", "date", jdate(u->date),
					  "precision", cw_date_precision_word(u->date),
					  "set_by_hearing_id", jid(&u->hearing->id), "set_on",
					  jdate(h->date), "view", jview(u->hearing), "case",
					  jcase(r, &h->case_id), "court", jstr(h->court)),
				u->hearing));
	}
	return a;
}

/* A row about a group of unnamed defendants instead of a person: its label as "group" and
 * how many they are as "count" (null when not given), as the arrests' rows say it. */
static void jgroup(json_t *o, const char *label, int64_t count)
{
	json_object_set_new(o, "group", jstr(label));
	json_object_set_new(o, "count", count > 0 ? json_integer(count) : json_null());
}

static json_t *arrests(const struct cw_report *r)
{
	json_t *events = json_array(), *by = json_array(), *groups = json_object(),
	       *group_people = json_object();
	struct cw_idmap ids;

	if (jrow_ids(&r->arrests, &ids) != 0) { /* out of memory: no section */
		json_decref(events);
		events = NULL;
	}
	for (size_t i = 0; events && i < r->arrests.n; i++) {
		const struct cw_record *rec = &r->arrests.items[i];
		const struct cw_milestone *m = &rec->u.milestone;
		json_t *o =
			json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "id", jid(&rec->id), "view",
				  jview(rec), "date", jdate(m->date), "type",
				  jword(&cw_words_milestone, m->type), "person",
				  jperson(r, &m->person), "case", jcase(r, &m->case_id), "articles",
				  jarrest_articles(r, m), "detail", jstr(m->detail));

		if (o && m->group) /* a group of unnamed defendants instead of a person */
			jgroup(o, m->group, m->count);
		/* Another account of an arrest or charge counted by another row: not added. */
		jcounted_in(o, &r->arrests, &ids, r->arrest_counted, r->arrest_elsewhere, i);
		json_array_append_new(events, jrow(o, rec));
	}
	cw_idmap_free(&ids);
	for (size_t i = 0; by && i < r->narticles; i++) {
		const char *offence = cw_article_offence(&r->articles[i].article);

		json_array_append_new(by, json_pack("{s:o,s:o,s:I,s:I}", "article",
						    jarticle(&r->articles[i].article), "offence",
						    jstr(offence), "count",
						    (json_int_t)r->articles[i].count, "people",
						    (json_int_t)r->articles[i].people));
	}
	for (int g = 0; groups && g < CW_GROUP_COUNT; g++) {
		json_object_set_new(groups, cw_report_group_name((enum cw_report_group)g),
				    json_integer((json_int_t)r->groups[g]));
		if (group_people)
			json_object_set_new(group_people,
					    cw_report_group_name((enum cw_report_group)g),
					    json_integer((json_int_t)r->group_people[g]));
	}
	return json_pack("{s:o,s:o,s:o,s:o}", "events", events, "by_article", by, "groups", groups,
			 "groups_people", group_people);
}

/* What a release or a bail hearing ended (report.h: release_ended, hearing_ended): ended[i],
 * or null. */
static json_t *ended_json(const struct cw_report_ended *ended, size_t i)
{
	const struct cw_report_ended *e = ended ? &ended[i] : NULL;
	struct cw_day_range days;

	if (!e || e->days < 0)
		return json_null();
	days = cw_day_range_of(e->days, e->days_max);
	return json_pack("{s:o,s:o,s:o,s:o}", "since", jdate(e->since), "days",
			 cw_export_days_json(days.exact), "days_at_least",
			 cw_export_days_json(days.at_least), "days_at_most",
			 cw_export_days_json(days.at_most));
}

/* Bail, releases and pardons (report.h: releases), each with its outcome: "granted",
 * "refused", or null when not recorded. */
static json_t *releases(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->releases.n; i++) {
		const struct cw_record *rec = &r->releases.items[i];
		const struct cw_milestone *m = &rec->u.milestone;
		json_t *o = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "id", jid(&rec->id),
				      "view", jview(rec), "date", jdate(m->date), "type",
				      jword(&cw_words_milestone, m->type), "outcome",
				      jword(&cw_words_decision, m->outcome), "person",
				      jperson(r, &m->person), "case", jcase(r, &m->case_id),
				      "detail", jstr(m->detail));

		if (o && m->group) /* a group of unnamed defendants instead of a person */
			jgroup(o, m->group, m->count);
		/* the person's pretrial detention it ended that day (null: none whose length the
		 * records give): its first day and its days, least and most */
		if (o && json_object_set_new(o, "ended_detention",
					     ended_json(r->release_ended, i)) != 0) {
			json_decref(o);
			o = NULL;
		}
		json_array_append_new(a, jrow(o, rec));
	}
	/* Bail decided at a hearing ("at_hearing"): the decision names no person; the one the
	 * hearing's record names, else its case's defendant when it has one, as the tables say
	 * (cw_report_hearing_bail_whom); a group so named by its label. */
	for (size_t i = 0; a && i < r->hearings.n; i++) {
		const struct cw_record *rec = &r->hearings.items[i];
		int decided = cw_report_hearing_bail(r, i);
		const char *group = NULL;
		struct cw_id whom;
		json_t *o;

		if (!decided)
			continue;
		cw_report_hearing_bail_whom(r, i, &whom, &group);
		o = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:b}", "id", jid(&rec->id), "view",
			      jview(rec), "date", jdate(rec->u.hearing.date), "type",
			      jword(&cw_words_milestone, CW_MS_BAIL), "outcome",
			      jword(&cw_words_decision, (uint8_t)decided), "person",
			      jperson(r, &whom), "case", jcase(r, &rec->u.hearing.case_id),
			      "detail", json_null(), "at_hearing", 1);
		if (o && group)
			jgroup(o, group, -1);
		if (o && json_object_set_new(o, "ended_detention",
					     ended_json(r->hearing_ended, i)) != 0) {
			json_decref(o);
			o = NULL;
		}
		json_array_append_new(a, jrow(o, rec));
	}
	return a;
}

/* The other events of cases (report.h: case_events), by their type. */
static json_t *case_events(const struct cw_report *r)
{
	json_t *a = json_array();
	struct cw_idmap ids;

	if (jrow_ids(&r->case_events, &ids) != 0) { /* out of memory: no section */
		json_decref(a);
		a = NULL;
	}
	for (size_t i = 0; a && i < r->case_events.n; i++) {
		const struct cw_record *rec = &r->case_events.items[i];
		const struct cw_milestone *m = &rec->u.milestone;
		json_t *o = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "id", jid(&rec->id),
				      "view", jview(rec), "date", jdate(m->date), "type",
				      jword(&cw_words_milestone, m->type), "person",
				      jperson(r, &m->person), "case", jcase(r, &m->case_id),
				      "court", jstr(m->court), "detail", jstr(m->detail));

		if (o && m->group)
			jgroup(o, m->group, m->count);
		jcounted_in(o, &r->case_events, &ids, r->case_event_counted,
			    r->case_event_elsewhere, i);
		json_array_append_new(a, jrow(o, rec));
	}
	cw_idmap_free(&ids);
	return a;
}

/* A sentence's parts: [{part, amount, detail}], the part by its word; a part given for one
 * person or group has "person" or "group" too. With `whose` (a row of one defendant's
 * verdict), only the parts that are theirs. */
static json_t *jparts(const struct cw_report *r, const struct cw_list *parts, int whose,
		      const struct cw_id *person, const char *group)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < parts->n; i++) {
		const struct cw_sentence_part *p =
			(const struct cw_sentence_part *)parts->items + i;
		json_t *o;

		if (whose && !cw_sentence_part_concerns(p, person, group))
			continue;
		o = json_pack("{s:s,s:o,s:o}", "part",
			      cw_enum_word(&cw_words_sentence_part, p->part), "amount",
			      jstr(p->amount), "detail", jstr(p->detail));
		if (o && !cw_id_is_zero(&p->person))
			json_object_set_new(o, "person", jperson(r, &p->person));
		if (o && p->group && *p->group)
			json_object_set_new(o, "group", json_string(p->group));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *verdicts(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->nverdicts + r->nverdicts_away; i++) {
		const struct cw_record *rec = r->verdicts[i].rec;
		int carries = cw_report_verdict_carries_sentence(&r->verdicts[i]);
		const struct cw_report_elsewhere *away =
			cw_report_verdict_elsewhere(r, &r->verdicts[i]);
		json_t *o;

		if (rec->kind == CW_KIND_HEARING) {
			const struct cw_hearing *h = &rec->u.hearing;
			const struct cw_verdict *v =
				r->verdicts[i].index == SIZE_MAX
					? NULL
					: (const struct cw_verdict *)h->verdicts.items +
						  r->verdicts[i].index;

			o = json_pack(
				"{s:o,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "id",
				jid(&rec->id), "record_kind", "hearing", "view", jview(rec), "date",
				jdate(h->date), "case", jcase_with(r, &h->case_id, 0), "person",
				v ? jperson(r, &r->verdicts[i].person) : json_null(), "article",
				v ? jarticle(&v->article) : json_null(), "offence",
				v ? jstr(v->offence) : json_null(), "result",
				v ? jword(&cw_words_verdict, v->result) : json_string("verdict"),
				"court", jstr(h->court), "stage", jword(&cw_words_stage, h->stage),
				"sentence", jstr(carries ? h->sentence : NULL), "fine",
				jstr(carries ? h->fine : NULL));
			/* A row that acquits, drops or overturns carries no sentence, as in every
			 * format (cw_report_verdict_carries_sentence). */
			json_object_set_new(o, "sentence_parts",
					    carries ? jparts(r, &h->sentence_parts, v != NULL,
							     v ? &r->verdicts[i].person : NULL,
							     v ? r->verdicts[i].group : NULL)
						    : json_array());
			if (v && r->verdicts[i].group)
				jgroup(o, r->verdicts[i].group,
				       cw_report_group_count(r, &h->case_id, r->verdicts[i].group));
			/* A verdict given unitemised is the hearing's on whom it was about, as the
			 * other formats' row lists them. */
			if (!v && o)
				jhearing_people(o, r, rec);
		} else {
			const struct cw_milestone *m = &rec->u.milestone;
			struct cw_article art;
			int named = cw_report_verdict_article(&r->verdicts[i], &art);

			/* Its own result and the charge this row is for (a row per article it
			 * names); the milestone's type stands in only when it records no result
			 * (milestone_type says it apart). */
			o = json_pack("{s:o,s:s,s:o,s:o,s:o,s:o,s:o,s:n,s:o,s:o,s:n,s:o,s:n}", "id",
				      jid(&rec->id), "record_kind", "milestone", "view", jview(rec),
				      "date", jdate(m->date), "case", jcase_with(r, &m->case_id, 0),
				      "person", jperson(r, &m->person), "article",
				      named ? jarticle(&art) : json_null(), "offence", "result",
				      m->result ? jword(&cw_words_verdict, m->result)
						: jword(&cw_words_milestone, m->type),
				      "court", jstr(m->court), "stage", "sentence", jstr(m->detail),
				      "fine");
			json_object_set_new(o, "sentence_parts",
					    jparts(r, &m->sentence_parts, 1, &m->person, m->group));
			if (m->group)
				jgroup(o, m->group, m->count);
		}
		json_object_set_new(o, "milestone_type",
				    rec->kind == CW_KIND_MILESTONE
					    ? jword(&cw_words_milestone, rec->u.milestone.type)
					    : json_null());
		/* Rows of one ruling, and of one defendant in it, share a number: a verdict is
		 * counted once per decision, not per charge (report.h). A ruling another period
		 * counts has none here: "counted_in" gives the account it is counted by there, as
		 * a hearing's row does (jelsewhere); null for a ruling counted here. */
		json_object_set_new(o, "ruling",
				    away ? json_null()
					 : json_integer((json_int_t)r->verdicts[i].ruling));
		json_object_set_new(o, "decision",
				    away ? json_null()
					 : json_integer((json_int_t)r->verdicts[i].decision));
		json_object_set_new(o, "counted_in", away ? jid(&away->id) : json_null());
		json_object_set_new(o, "counted_in_period",
				    !away ? json_null()
					  : json_string(away->before ? "earlier" : "later"));
		if (away) {
			json_object_set_new(o, "counted_in_date", jdate(away->date));
			json_object_set_new(o, "counted_in_view",
					    jword(&cw_words_view, away->view));
		}
		json_object_set_new(
			o, "in_absentia",
			json_boolean(cw_report_verdict_in_absentia(r, &r->verdicts[i])));
		json_array_append_new(a, jrow(o, rec));
	}
	return a;
}

static json_t *visits(const struct cw_report *r)
{
	json_t *a = json_array();
	struct cw_idmap ids;

	if (jrow_ids(&r->visits, &ids) != 0) { /* out of memory: no section */
		json_decref(a);
		a = NULL;
	}
	for (size_t i = 0; a && i < r->visits.n; i++) {
		const struct cw_record *rec = &r->visits.items[i];
		const struct cw_visit *v = &rec->u.visit;

		json_t *o = jrow(
			json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "id", jid(&rec->id),
				  "view", jview(rec), "date", jdate(v->date), "facility",
				  jstr(v->facility), "province", jstr(v->facility_province),
				  "access", jword(&cw_words_access, v->access), "private_interview",
				  jword(&cw_words_answer, v->private_interview), "concerns",
				  jset(&cw_words_concerns, v->concerns), "detainees",
				  jpeople(r, &v->detainees), "follow_up", jstr(v->follow_up)),
			rec);

		/* Withheld: "[confidential]" in the place of the list, as a withheld text reads,
		 * so that an empty one does not read as none found, or no one met. */
		if (o && cw_record_field_withheld(rec, CW_CONF_CONCERNS))
			json_object_set_new(o, "concerns", json_string(cw_confidential_text()));
		if (o && cw_record_field_withheld(rec, CW_CONF_DETAINEES))
			json_object_set_new(o, "detainees", json_string(cw_confidential_text()));
		/* Each detainee's access to a lawyer and to family, as the visit heard or saw
		 * it; withheld with the detainees it names. */
		if (o) {
			json_t *da = json_array();
			const struct cw_detainee_access *ac = v->detainee_access.items;

			for (size_t k = 0; da && k < v->detainee_access.n; k++)
				json_array_append_new(
					da,
					json_pack("{s:o,s:o,s:o}", "person",
						  jperson(r, &ac[k].person), "lawyer_access",
						  jword(&cw_words_access, ac[k].lawyer_access),
						  "family_access",
						  jword(&cw_words_access, ac[k].family_access)));
			if (cw_record_field_withheld(rec, CW_CONF_DETAINEES)) { /* emptied */
				json_decref(da);
				da = json_string(cw_confidential_text());
			}
			json_object_set_new(o, "detainee_access", da);
		}

		/* Its fields set before it is added: a row that failed to be made is not
		 * mistaken for the one before it. */
		jcounted_in(o, &r->visits, &ids, r->visit_counted, r->visit_elsewhere, i);
		/* the detainees it lists were not met, access being refused: as the other
		 * formats' cell says, where "detainees" beside it would read as seen */
		if (o)
			json_object_set_new(o, "detainees_not_met",
					    json_boolean(cw_visit_detainees_not_met(rec)));
		/* another account that gives another access than the one counted, as the
		 * summary says it */
		if (o)
			json_object_set_new(o, "access_differs",
					    json_boolean(cw_report_visit_access_differs(
						    &r->visits, r->visit_counted, i)));
		json_array_append_new(a, o);
	}
	cw_idmap_free(&ids);
	return a;
}

/* The ids of the rows of other events of the period that may be the same demonstration as
 * row i, not linked to it (cw_report_demo_unlinked): the counted row of each. */
static json_t *demo_unlinked(const struct cw_report *r, size_t i)
{
	json_t *a = json_array();
	const size_t *rows;
	size_t n = cw_report_demo_same(r, i, &rows);

	for (size_t k = 0; a && k < n; k++)
		json_array_append_new(a, jid(&r->demos.items[rows[k]].id));
	return a;
}

static json_t *demos(const struct cw_report *r)
{
	json_t *a = json_array();
	struct cw_idmap ids;

	if (jrow_ids(&r->demos, &ids) != 0) { /* out of memory: no section */
		json_decref(a);
		a = NULL;
	}
	for (size_t i = 0; a && i < r->demos.n; i++) {
		const struct cw_record *rec = &r->demos.items[i];
		const struct cw_demo *d = &rec->u.demo;
		int64_t arrests = cw_demo_arrests(d), injured = cw_demo_injured(d);

		json_t *o = jrow(
			json_pack(
				"{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "id",
				jid(&rec->id), "view", jview(rec), "date", jdate(d->date), "place",
				jstr(d->place), "province", jstr(d->province), "organiser",
				jstr(d->organiser), "cause", jstr(d->cause), "participants",
				d->participants >= 0 ? json_integer(d->participants) : json_null(),
				"response", jset(&cw_words_response, d->response), "arrests",
				arrests >= 0 ? json_integer(arrests) : json_null(), "arrested",
				jpeople(r, &d->arrested)),
			rec);

		/* Its fields set before it is added: a row that failed to be made is not
		 * mistaken for the one before it. */
		jcounted_in(o, &r->demos, &ids, r->demo_counted, r->demo_elsewhere, i);
		if (o) {
			json_object_set_new(o, "participants_at_least",
					    json_boolean(d->participants_at_least != 0));
			size_t ev = r->demo_counted ? r->demo_counted[i] : i, from = SIZE_MAX;
			int at_least;

			/* the people named, no number given: arrests is a least */
			json_object_set_new(o, "arrests_at_least",
					    json_boolean(cw_demo_arrests_at_least(d)));
			/* Whose arrests the figures count: the row each event's figure is from
			 * (its counted account's, else a linked one's), and the rows of other
			 * accounts that give another figure, as the summary says them. */
			if (ev != CW_REPORT_ELSEWHERE)
				(void)cw_report_event_arrests(&r->demos, r->demo_counted,
							      r->demo_next, ev, &at_least, &from);
			json_object_set_new(o, "arrests_counted",
					    json_boolean(from == i && arrests >= 0));
			json_object_set_new(o, "arrests_differ",
					    json_boolean(cw_report_demo_arrests_differ(
								 &r->demos, r->demo_counted,
								 r->demo_next, i, &at_least) >= 0));
			/* The people injured, read as the arrests: null when not recorded. */
			json_object_set_new(o, "injured",
					    injured >= 0 ? json_integer(injured) : json_null());
			json_object_set_new(o, "injured_at_least",
					    json_boolean(cw_demo_injured_at_least(d)));
			from = SIZE_MAX;
			if (ev != CW_REPORT_ELSEWHERE)
				(void)cw_report_event_injured(&r->demos, r->demo_counted,
							      r->demo_next, ev, &at_least, &from);
			json_object_set_new(o, "injured_counted",
					    json_boolean(from == i && injured >= 0));
			json_object_set_new(o, "injured_differ",
					    json_boolean(cw_report_demo_injured_differ(
								 &r->demos, r->demo_counted,
								 r->demo_next, i, &at_least) >= 0));
			/* The rows of other events it may be the same demonstration as, not
			 * linked to it: each counted apart, as the summary says. */
			json_object_set_new(o, "may_be_same_as", demo_unlinked(r, i));
		}
		json_array_append_new(a, o);
	}
	cw_idmap_free(&ids);
	return a;
}

static json_t *incidents(const struct cw_report *r)
{
	json_t *a = json_array();
	struct cw_idmap ids;

	if (jrow_ids(&r->incidents, &ids) != 0) { /* out of memory: no section */
		json_decref(a);
		a = NULL;
	}
	for (size_t i = 0; a && i < r->incidents.n; i++) {
		const struct cw_record *rec = &r->incidents.items[i];
		const struct cw_incident *in = &rec->u.incident;
		json_t *o = json_pack(
			"{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:b,s:o,s:o,s:o}", "id",
			jid(&rec->id), "view", jview(rec), "date", jdate(in->date), "type",
			jword(&cw_words_incident, in->type), "case", jcase(r, &in->case_id),
			"actor", jstr(in->actor), "target", jstr(in->target), "province",
			jstr(in->province), "count",
			in->tally.count >= 0 ? json_integer(in->tally.count) : json_null(), "unit",
			jstr(in->unit), "at_least", in->tally.at_least, "period_from",
			jdate(in->tally.from), "period_to", jdate(in->tally.to), "people",
			jpeople(r, &in->persons));

		jcounted_in(o, &r->incidents, &ids, r->incident_counted, r->incident_elsewhere, i);
		json_array_append_new(a, jrow(o, rec));
	}
	cw_idmap_free(&ids);
	return a;
}

static json_t *upcoming(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->nupcoming; i++) {
		const struct cw_report_upcoming *u = &r->upcoming[i];
		const struct cw_hearing *h = &u->hearing->u.hearing;

		size_t same = r->upcoming_same ? r->upcoming_same[i] : SIZE_MAX;
		json_t *row;

		/* counted_in: another account of the same hearing to come, the item's hearing
		 * id that counts it (its date may differ); null for that one. */
		json_array_append_new(
			a,
			row = jrow(
				json_pack("{s:o,s:o,s:o,s:o,s:s,s:o,s:o,s:o,s:o}", "hearing_id",
					  jid(&u->hearing->id), "view", jview(u->hearing), "date",
					  jdate(u->date), "time",
					  u->from_next_date ? json_null() : jstr(h->time), "source",
					  u->from_next_date ? "next_date" : "hearing", "case",
					  jcase(r, &h->case_id), "court", jstr(h->court), "stage",
					  u->from_next_date ? json_null()
							    : jword(&cw_words_stage, h->stage),
					  "counted_in",
					  same == SIZE_MAX ? json_null()
							   : jid(&r->upcoming[same].hearing->id)),
				u->hearing));
		/* precision: "day", or "month" ("year") for a next date given only to a month
		 * (a year) that overlaps the window (date "2024-07"): its day is not known. */
		if (row)
			json_object_set_new(row, "precision",
					    json_string(cw_date_precision_word(u->date)));
		/* defendants and people_count: whom a hearing logged for that day names, as
		 * its row in the hearings gives them; null for a next date, whose sitting no
		 * record tells (case.defendants is the case now). */
		if (row && !u->from_next_date) {
			jhearing_people(row, r, u->hearing);
		} else if (row) {
			json_object_set_new(row, "defendants", json_null());
			json_object_set_new(row, "people_count", json_null());
		}
	}
	return a;
}

/* A detainee row's detention order (report.h: order_until), or null. */
/* One access of a detainee at a visit (report.h: struct cw_report_access), or null. */
static json_t *one_access_json(const struct cw_report *r, const struct cw_report_access *a)
{
	if (cw_id_is_zero(&a->visit))
		return json_null();
	return json_pack("{s:o,s:o,s:o,s:o,s:o}", "visit", jnamed(r, &a->visit), "date",
			 jdate(a->date), "view", jword(&cw_words_view, a->view), "access",
			 jword(&cw_words_access, a->access),
			 /* the latest visit after it that met them and did not record it */
			 "not_recorded_later",
			 cw_id_is_zero(&a->later)
				 ? json_null()
				 : json_pack("{s:o,s:o,s:o}", "visit", jnamed(r, &a->later), "date",
					     jdate(a->later_date), "view",
					     jword(&cw_words_view, a->later_view)));
}

/* A detainee's access_at_visit: {lawyer, family}, or null when no visit recorded either. */
static json_t *access_json(const struct cw_report *r, const struct cw_report_detainee *d)
{
	if (cw_id_is_zero(&d->lawyer_at_visit.visit) && cw_id_is_zero(&d->family_at_visit.visit))
		return json_null();
	return json_pack("{s:o,s:o}", "lawyer", one_access_json(r, &d->lawyer_at_visit), "family",
			 one_access_json(r, &d->family_at_visit));
}

static json_t *order_json(const struct cw_report *r, const struct cw_report_detainee *d)
{
	if (!cw_date_is_known(d->order_until))
		return json_null();
	return json_pack("{s:o,s:o,s:o,s:o,s:o}", "record", jnamed(r, &d->order_id), "view",
			 jword(&cw_words_view, d->order_view), "until", jdate(d->order_until),
			 "days_past_at_least", cw_export_days_json(d->days_past_order),
			 "days_past_at_most", cw_export_days_json(d->days_past_order_max));
}

static json_t *detainees(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->ndetainees; i++) {
		const struct cw_report_detainee *d = &r->detainees[i];
		const struct cw_record *k = cw_report_ref(r, &d->case_id);
		const struct cw_record *start = cw_report_ref(r, &d->start_id);
		const struct cw_record *other = cw_report_ref(r, &d->start_other_id);
		/* The row's account and source: the start's, whose date the row gives (else,
		 * none found, the case's) */
		const struct cw_record *from = start ? start : k;
		struct cw_day_range days = cw_day_range_of(d->days, d->days_max);

		static const char *const standing_word[CW_DETAINEE_STANDINGS] = {
			"held_at_period_end", "last_reported", "may_begin_after_end",
			"may_have_ended_before_end", "accounts_differ"};

		struct cw_day_range all = cw_day_range_of(d->total, d->total_max);
		json_t *o;

		/* Perhaps detained only after the period: at least none of its days, as the man
		 * page says, though its records give no length (a partner's trial read null). */
		if (cw_report_detainee_standing(r, d) == CW_MAY_BEGIN_LATER && days.at_least < 0)
			days.at_least = 0;

		/* A person is one; a group is as many as the sources say, or null. "view" and
		 * "source" are those of the arrest or detention the days are counted from (the
		 * case's when none is found); "case_view" and "case_source" the case's, whose
		 * custody says they are held; "views" every account the count rests on
		 * (report.h). */
		o = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:s,s:s,s:o,s:o}",
			      "person", jperson(r, &d->person), "group",
			      jstr(d->group[0] ? d->group : NULL), "count",
			      !d->group[0]   ? json_integer(1)
			      : d->count > 0 ? json_integer((json_int_t)d->count)
					     : json_null(),
			      "case_id", jnamed(r, &d->case_id), "case_title",
			      k ? jstr(k->u.kase.title) : json_null(), "view",
			      from ? jview(from) : json_null(), "views",
			      cw_export_views_json(d->views), "since", jdate(d->since), "days",
			      /* exact, or null: the bounds say what the dates allow */
			      cw_export_days_json(days.exact), "days_at_least",
			      cw_export_days_json(days.at_least), "days_at_most",
			      cw_export_days_json(days.at_most), "counted_to",
			      d->to_kind == CW_PRETRIAL_TO_UNKNOWN ? json_null() : jdate(d->to),
			      "counted_to_reason",
			      d->to_kind == CW_PRETRIAL_TO_SOURCE       ? "source"
			      : d->to_kind == CW_PRETRIAL_TO_AS_OF      ? "as_of"
			      : d->to_kind == CW_PRETRIAL_TO_LATEST     ? "latest"
			      : d->to_kind == CW_PRETRIAL_TO_SEEN       ? "visit"
			      : d->to_kind == CW_PRETRIAL_TO_SEEN_AFTER ? "visit_after"
			      : d->to_kind == CW_PRETRIAL_TO_REFUSED    ? "refused"
			      : d->to_kind == CW_PRETRIAL_TO_ORDERED    ? "ordered"
			      : d->to_kind == CW_PRETRIAL_TO_END        ? "ended"
			      : d->to_kind == CW_PRETRIAL_TO_UNKNOWN    ? "unknown"
			      : d->to_kind == CW_PRETRIAL_TO_ENDED_IN   ? "ended_in"
									: "period_end",
			      "standing", standing_word[cw_report_detainee_standing(r, d)],
			      /* counted to the period's end by the team's own record: its
			       * latest dated record (null otherwise) */
			      "latest_record",
			      d->to_kind == CW_PRETRIAL_TO_TODAY && cw_date_is_known(d->news)
				      ? jdate(d->news)
				      : json_null(),
			      "source", from ? jstr(from->source) : json_null());
		/* Every stretch, an earlier one before a release on bail included. */
		if (o &&
		    (json_object_set_new(o, "case_view", k ? jview(k) : json_null()) != 0 ||
		     json_object_set_new(o, "case_source", k ? jstr(k->source) : json_null()) !=
			     0 ||
		     json_object_set_new(o, "days_in_all_at_least",
					 cw_export_days_json(all.at_least)) != 0 ||
		     json_object_set_new(o, "days_in_all_at_most",
					 cw_export_days_json(all.at_most)) != 0 ||
		     /* a group some of which were taken later ("3 more"): by when, and how
		      * many (null: not given); the days are the first ones' */
		     json_object_set_new(
			     o, "taken_later",
			     d->group[0] && cw_date_is_known(d->joined)
				     ? json_pack("{s:o,s:o}", "by", jdate(d->joined), "count",
						 d->joined_count > 0
							 ? json_integer((json_int_t)d->joined_count)
							 : json_null())
				     : json_null()) != 0 ||
		     /* another account that dates the start otherwise (null: none), whose the
		      * days of the row are not: its date, its account, its days (null: the
		      * dates do not give them) and its record's source */
		     json_object_set_new(
			     o, "start_disputed",
			     cw_date_is_known(d->start_other)
				     ? json_pack("{s:o,s:o,s:o,s:o}", "date", jdate(d->start_other),
						 "view", jword(&cw_words_view, d->start_other_view),
						 "days", cw_export_days_json(d->start_other_days),
						 "source",
						 other ? jstr(other->source) : json_null())
				     : json_null()) != 0 ||
		     /* the accounts differ (standing "accounts_differ"): the end's account,
		      * and the latest record of another that finds them held after it (null
		      * otherwise), as the timeline's held_after_end */
		     json_object_set_new(
			     o, "held_after_end",
			     d->held_after_kind
				     ? json_pack("{s:o,s:o,s:o,s:s}", "end_view",
						 jword(&cw_words_view, d->end_view), "date",
						 jdate(d->held_after), "view",
						 jword(&cw_words_view, d->held_after_view),
						 "record",
						 d->held_after_kind == CW_KIND_VISIT     ? "visit"
						 : d->held_after_kind == CW_KIND_HEARING ? "hearing"
						 : cw_enum_word(&cw_words_milestone,
								d->held_after_type)
							 ? cw_enum_word(&cw_words_milestone,
									d->held_after_type)
							 : "milestone")
				     : json_null()) != 0 ||
		     /* the detention order the stretch is held under, as recorded (null:
		      * none gives the day it runs to): its record, account and last day, and
		      * the days held past that day, least and most (0: not past it) */
		     json_object_set_new(o, "detention_order", order_json(r, d)) != 0 ||
		     /* their access to a lawyer and to family, each at the latest prison visit
		      * that recorded it (null: none did): the visit, its date and account, and
		      * the access; null when no visit recorded either */
		     json_object_set_new(o, "access_at_visit", access_json(r, d)) != 0)) {
			json_decref(o);
			o = NULL;
		}
		json_array_append_new(a, o);
	}
	return a;
}

/* Those a case records as held before a verdict with no arrest or detention logged (report.h:
 * unstarted): no days, and the date the case's entry is known by. */
static json_t *unstarted(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->nunstarted; i++) {
		const struct cw_report_detainee *d = &r->unstarted[i];
		const struct cw_record *k = cw_report_ref(r, &d->case_id);

		json_array_append_new(
			a,
			json_pack(
				"{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}", "person",
				d->group[0] ? json_null() : jperson(r, &d->person), "group",
				jstr(d->group[0] ? d->group : NULL), "count",
				d->count > 0 ? json_integer((json_int_t)d->count) : json_null(),
				"case_id", jnamed(r, &d->case_id), "case_title",
				k ? jstr(k->u.kase.title) : json_null(), "view",
				k ? jview(k) : json_null(), "known_as_of",
				cw_date_is_known(d->to) ? jdate(d->to) : json_null(),
				/* an undated entry: known by the day its case was recorded here */
				"case_recorded_on",
				cw_date_is_known(d->recorded) ? jdate(d->recorded) : json_null(),
				/* held again: the day their last detention logged ended */
				"last_detention_ended",
				cw_date_is_known(d->since) ? jdate(d->since) : json_null(),
				"source", k ? jstr(k->source) : json_null(),
				/* as a detainee's row: each access at the latest prison visit
				 * that recorded it (null: none did) */
				"access_at_visit", access_json(r, d),
				/* the case entered after the period: the prison visit of it
				 * that met them (null: none) */
				"met_at_visit",
				cw_date_is_known(d->met_on)
					? json_pack("{s:o,s:o}", "visit", jnamed(r, &d->met_visit),
						    "date", jdate(d->met_on))
					: json_null()));
	}
	return a;
}

/* The people the table lists, as the summary counts them: a group as its number, one that
 * gives none as one (the least it can be: "at_least"); of them, those held at the period's
 * end by the accounts recorded, the rows whose accounts stop before it, and those whose
 * detention may have begun after it (the summary says them apart:
 * cw_report_detainee_standing). */
static json_t *detained_people(const struct cw_report *r)
{
	size_t named = r->ndetainees - r->detained_groups;
	size_t in_groups = r->detained_in_groups + r->detained_groups_uncounted;
	struct cw_report_held held, stale, later, ended, differ;
	char when[CW_DATE_TEXT_MAX];

	cw_report_held_tally(r, CW_ACCOUNTS_DIFFER, &differ);
	cw_report_held_tally(r, CW_HELD_AT_END, &held);
	cw_report_held_tally(r, CW_LAST_REPORTED, &stale);
	cw_report_held_tally(r, CW_MAY_BEGIN_LATER, &later);
	cw_report_held_tally(r, CW_MAY_HAVE_ENDED, &ended);
	cw_date_format(stale.last, when);
	return json_pack("{s:I,s:b,s:I,s:I,s:I,s:I,s:{s:I,s:b},s:{s:I,s:I,s:b,s:o},s:{s:I,s:I,s:b},"
			 "s:{s:I,s:I,s:b},s:{s:I,s:I}}",
			 "people", (json_int_t)(named + in_groups), "at_least",
			 r->detained_groups_uncounted > 0, "named", (json_int_t)named, "in_groups",
			 (json_int_t)in_groups, "groups", (json_int_t)r->detained_groups,
			 "groups_number_not_given", (json_int_t)r->detained_groups_uncounted,
			 "held_at_period_end", "people", (json_int_t)held.people, "at_least",
			 held.uncounted > 0, "last_reported_before_end", "listed",
			 (json_int_t)stale.rows, "people", (json_int_t)stale.people, "at_least",
			 stale.uncounted > 0, "latest",
			 stale.rows ? json_string(when) : json_null(), "may_begin_after_end",
			 "listed", (json_int_t)later.rows, "people", (json_int_t)later.people,
			 "at_least", later.uncounted > 0, "may_have_ended_before_end", "listed",
			 (json_int_t)ended.rows, "people", (json_int_t)ended.people, "at_least",
			 ended.uncounted > 0, "accounts_differ", "listed", (json_int_t)differ.rows,
			 "people", (json_int_t)differ.people);
}

/* The people pretrial-detention milestones of the period name (the comparison's detentions),
 * and how many of them are listed as held at its end, as last reported held before it, or as
 * maybe detained only after it, as the summary says. */
static json_t *detentions_taken(const struct cw_report *r)
{
	size_t listed[CW_DETAINEE_STANDINGS];
	int partial;
	size_t taken = cw_report_detention_people(r, &r->detentions, listed, &partial);

	return json_pack("{s:I,s:b,s:I,s:I,s:I,s:I,s:I}", "people", (json_int_t)taken, "at_least",
			 partial, "listed_as_held", (json_int_t)listed[CW_HELD_AT_END],
			 "listed_as_last_reported", (json_int_t)listed[CW_LAST_REPORTED],
			 "listed_as_maybe_later", (json_int_t)listed[CW_MAY_BEGIN_LATER],
			 "listed_as_maybe_ended", (json_int_t)listed[CW_MAY_HAVE_ENDED],
			 "listed_as_accounts_differ", (json_int_t)listed[CW_ACCOUNTS_DIFFER]);
}

static json_t *partial(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->partial.n; i++) {
		const struct cw_record *rec = &r->partial.items[i];
		struct cw_date d = cw_record_date(rec);
		const struct cw_record *k = cw_report_ref(r, case_of(rec));
		json_t *body = cw_record_to_json(rec, 0);

		/* The case's title beside its id, as pretrial_detention gives it; the record
		 * names its people and case as --json does everywhere. */
		cw_record_json_add_names(body, rec->kind, cw_report_name, (void *)r);
		cw_record_json_hide_ids(body, rec->kind, cw_report_hides_id, (void *)r);
		json_array_append_new(
			a, jrow(json_pack("{s:o,s:s,s:o,s:o,s:s,s:o,s:o,s:o}", "id", jid(&rec->id),
					  "kind", cw_kind_name(rec->kind), "view", jview(rec),
					  "date", jdate(d), "precision", cw_date_precision_word(d),
					  "case_id", jnamed(r, case_of(rec)), "case_title",
					  k && k->kind == CW_KIND_CASE ? jstr(k->u.kase.title)
								       : json_null(),
					  "record", body),
				rec));
	}
	return a;
}

/* The people arrested in the period whom pretrial_detention does not list, one row per arrest
 * as the summary counts them (report.h: cw_report_arrest_unlisted), each with why as a stable
 * word ("ruling_after_arrest"); a person as pretrial_detention gives one (a confidential one's
 * id null in a report for others), a group of unnamed defendants by its label and number. */
static json_t *arrested_not_held(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->arrests.n; i++) {
		const struct cw_record *rec = &r->arrests.items[i];
		const struct cw_milestone *m = &rec->u.milestone;
		const struct cw_record *k = cw_report_ref(r, &m->case_id);
		enum cw_report_unlisted why;
		int64_t count;

		if (!cw_report_arrest_unlisted(r, i, &why))
			continue;
		count = m->group ? cw_report_milestone_group_count(r, m) : 1;
		json_array_append_new(
			a, json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:s}", "arrest_id",
				     jid(&rec->id), "date", jdate(m->date), "view", jview(rec),
				     "person", m->group ? json_null() : jperson(r, &m->person),
				     "group", jstr(m->group), "count",
				     count > 0 ? json_integer((json_int_t)count) : json_null(),
				     "case_id", jnamed(r, &m->case_id), "case_title",
				     k && k->kind == CW_KIND_CASE ? jstr(k->u.kase.title)
								  : json_null(),
				     "reason", cw_report_unlisted_word(why)));
	}
	return a;
}

/* A source's counts: the tally as recorded (count, at least, period) beside the record. */
static json_t *tallies(const struct cw_report *r)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < r->tallies.n; i++) {
		const struct cw_record *rec = &r->tallies.items[i];
		const struct cw_tally *t = cw_record_tally(rec);
		json_t *body = cw_record_to_json(rec, 0);

		cw_record_json_add_names(body, rec->kind, cw_report_name, (void *)r);
		cw_record_json_hide_ids(body, rec->kind, cw_report_hides_id, (void *)r);
		json_array_append_new(
			a, jrow(json_pack("{s:o,s:s,s:o,s:o,s:I,s:b,s:o,s:o,s:o,s:o}", "id",
					  jid(&rec->id), "kind", cw_kind_name(rec->kind), "view",
					  jview(rec), "date", jdate(cw_record_date(rec)), "count",
					  (json_int_t)t->count, "at_least", t->at_least,
					  "period_from", jdate(t->from), "period_to", jdate(t->to),
					  "source", jstr(rec->source), "record", body),
				rec));
	}
	return a;
}

/* A metric's figure, or null when no record gives it. */
static json_t *jmetric(size_t n)
{
	return n == CW_REPORT_NOT_RECORDED ? json_null() : json_integer((json_int_t)n);
}

/* A figure of a period's demonstrations by account: [{view, count, at_least}], one for each
 * account that gives one, the team's first (struct cw_report_by_account), and count null for
 * one that tells demonstrations of the period and gives none. */
static json_t *by_account(const struct cw_report_by_account *by)
{
	json_t *a = json_array();

	for (size_t k = 0; a && k < CW_REPORT_VIEWS; k++) {
		unsigned v = cw_report_view_at(k);
		uint32_t bit = UINT32_C(1) << v;

		if ((by->given | by->told) & bit)
			json_array_append_new(
				a, json_pack("{s:o,s:o,s:b}", "view",
					     v ? json_string(cw_enum_word(&cw_words_view, v))
					       : json_null(),
					     "count",
					     by->given & bit ? json_integer((json_int_t)by->n[v])
							     : json_null(),
					     "at_least", (by->given & by->at_least & bit) != 0));
	}
	return a;
}

/* A figure of demonstrations in the comparison: null where several accounts give one (their
 * figures are not added: *_by_account gives each), and in both periods where the two come
 * from different accounts (accounts_differ: a partner read the team's 5 against a
 * government's 2 of the week before as one source's rise); its least, and each account's
 * figure. */
static void demo_metric(json_t *one, int current_at_least, int previous_at_least,
			const struct cw_report_by_account *cur,
			const struct cw_report_by_account *prev)
{
	int differ = cw_report_accounts_differ(cur, prev);
	int cur_apart = differ || cw_report_several(cur->given),
	    prev_apart = differ || cw_report_several(prev->given);

	if (cur_apart)
		json_object_set_new(one, "current", json_null());
	if (prev_apart)
		json_object_set_new(one, "previous", json_null());
	json_object_set_new(one, "current_at_least", json_boolean(current_at_least && !cur_apart));
	json_object_set_new(one, "previous_at_least",
			    json_boolean(previous_at_least && !prev_apart));
	json_object_set_new(one, "accounts_differ", json_boolean(differ));
	json_object_set_new(one, "current_by_account", by_account(cur));
	json_object_set_new(one, "previous_by_account", by_account(prev));
}

static json_t *comparison(const struct cw_report *r)
{
	json_t *o = json_object();

	for (int m = 0; o && m < CW_METRIC_COUNT; m++) {
		json_t *one = json_pack("{s:o,s:o,s:o,s:o}", "current", jmetric(r->counts[m]),
					"previous", jmetric(r->previous[m]), "current_views",
					cw_export_views_json(r->counts_views[m]), "previous_views",
					cw_export_views_json(r->previous_views[m]));

		/* Arrests at demonstrations may be a least (people named, no number; or some
		 * demonstrations giving none), as the summary and the table say, and each
		 * account's figure is given apart where several give one. */
		if (one && m == CW_METRIC_DEMO_ARRESTS)
			demo_metric(one, r->demo_arrests_at_least,
				    r->previous_demo_arrests_at_least, &r->demo_arrests_by,
				    &r->previous_demo_arrests_by);
		/* ... and so may the people injured at them. */
		if (one && m == CW_METRIC_DEMO_INJURED)
			demo_metric(one, r->demo_injured_at_least,
				    r->previous_demo_injured_at_least, &r->demo_injured_by,
				    &r->previous_demo_injured_by);
		json_object_set_new(o, cw_report_metric_name((enum cw_report_metric)m), one);
	}
	return o;
}

/* The header's lines by key, and the summary's sentences, as every format has them. */
static int header_summary(const struct cw_report *r, json_t *doc)
{
	struct cw_rdoc d;
	json_t *h = json_object(), *s = json_array();
	int rc;

	memset(&d, 0, sizeof d);
	rc = cw_rdoc_header(r, &d) != 0 || cw_rdoc_summary(r, &d) != 0 || !h || !s;
	for (size_t i = 0; !rc && i < d.nheader; i++)
		rc = json_object_set_new(h, d.header[i].key, json_string(d.header[i].value)) != 0;
	for (size_t i = 0; !rc && i < d.nsummary; i++)
		rc = json_array_append_new(s, json_string(d.summary[i])) != 0;
	cw_rdoc_free(&d);
	if (rc) {
		json_decref(h);
		json_decref(s);
		return -1;
	}
	json_object_set_new(doc, "header", h);
	json_object_set_new(doc, "summary", s);
	return 0;
}

/* The fair-trial table: per side that has hearings, each indicator with its counts and the
 * notes, each naming its hearing. */
static json_t *fair_trial(const struct cw_report *r)
{
	json_t *a = json_array();

	for (int side = CW_FAIR_SIDE_OWN; a && side <= CW_FAIR_SIDE_REPORTED; side++) {
		if (!cw_report_side_hearings(r, side))
			continue;
		for (size_t f = 0; f < r->nfair; f++) {
			const struct cw_report_fair *fr = &r->fair[f];
			json_t *notes = json_array();

			for (size_t i = 0; notes && i < r->hearings.n; i++) {
				const struct cw_record *rec = &r->hearings.items[i];
				const char *text;
				unsigned ans;

				if (cw_report_hearing_is_own(rec) != (side == CW_FAIR_SIDE_OWN))
					continue;
				ans = cw_report_fair_answer(&rec->u.hearing, fr, &text);
				if (text)
					json_array_append_new(
						notes,
						json_pack("{s:o,s:o,s:s,s:o}", "hearing",
							  jid(&rec->id), "date",
							  jdate(rec->u.hearing.date), "answer",
							  cw_enum_word(&cw_words_answer, ans),
							  "note", jstr(text)));
			}
			/* Where another account of a hearing counted here answers otherwise. */
			json_t *differ = json_array();

			for (size_t i = 0; differ && i < r->nfair_differ; i++) {
				const struct cw_report_fair_differ *d = &r->fair_differ[i];
				const struct cw_record *c = &r->hearings.items[d->counted];
				const struct cw_record *o = &r->hearings.items[d->other];

				if (d->row != f ||
				    cw_report_hearing_is_own(c) != (side == CW_FAIR_SIDE_OWN))
					continue;
				json_array_append_new(
					differ,
					json_pack("{s:o,s:s,s:s,s:o,s:s,s:s}", "hearing",
						  jid(&c->id), "view",
						  cw_enum_word(&cw_words_view, c->view), "answer",
						  cw_enum_word(&cw_words_answer,
							       cw_report_fair_answer(&c->u.hearing,
										     fr, NULL)),
						  "other_hearing", jid(&o->id), "other_view",
						  cw_enum_word(&cw_words_view, o->view),
						  "other_answer",
						  cw_enum_word(&cw_words_answer,
							       cw_report_fair_answer(&o->u.hearing,
										     fr, NULL))));
			}
			json_array_append_new(
				a,
				json_pack("{s:s,s:s,s:I,s:I,s:I,s:I,s:o,s:o}", "indicator",
					  fr->field ? fr->field
						    : cw_enum_word(&cw_words_indicator,
								   fr->indicator),
					  "hearings", side == CW_FAIR_SIDE_OWN ? "own" : "reported",
					  "met", (json_int_t)fr->answers[side][CW_ANSWER_YES],
					  "not_met", (json_int_t)fr->answers[side][CW_ANSWER_NO],
					  "not_applicable",
					  (json_int_t)fr->answers[side][CW_ANSWER_NA], "unknown",
					  (json_int_t)fr->answers[side][CW_ANSWER_UNKNOWN], "notes",
					  notes, "accounts_differ", differ));
		}
	}
	return a;
}

/* {"included", "records_left_out", "fields_withheld", "records_included", "text_as_shown",
 * "articles_as_shown", "people_as_shown", "note"}: what report/confidential.h left out, or
 * that confidential material is in it; text_as_shown: the free text was looked for only in
 * what is shown, and nothing withheld was counted (cw_withheld.by_text); articles_as_shown:
 * the same for the filter's articles (cw_withheld.by_article); people_as_shown: a record
 * naming the filter's person only in a confidential field is neither listed nor counted
 * (cw_withheld.by_person). */
static json_t *confidential(const struct cw_report *r)
{
	const struct cw_withheld *w = &r->confidential;
	char note[CW_WITHHELD_NOTE_MAX];

	cw_withheld_note(w, note, sizeof note);
	return json_pack("{s:b,s:I,s:I,s:I,s:b,s:b,s:b,s:s}", "included", !w->leave_out,
			 "records_left_out", (json_int_t)w->records, "fields_withheld",
			 (json_int_t)w->fields, "records_included", (json_int_t)w->shown,
			 "text_as_shown", w->leave_out && w->by_text, "articles_as_shown",
			 w->leave_out && w->by_article, "people_as_shown",
			 w->leave_out && w->by_person, "note", note);
}

static json_t *period(struct cw_date from, struct cw_date to)
{
	return json_pack("{s:o,s:o}", "from", jdate(from), "to", jdate(to));
}

int cw_report_write_json(const struct cw_report *r, FILE *out, struct cw_error *err)
{
	char filter[1024], week[16] = "";
	json_t *doc;
	int rc, saved;

	cw_report_filter_text(r, filter, sizeof filter);
	if (r->week)
		snprintf(week, sizeof week, "%04d-W%02d", r->week_year, r->week);
	doc = json_pack("{s:s,s:i,s:o,s:o,s:o,s:o,s:o,s:o,s:s,s:b}", "report", "casewatch summary",
			"format_version", 1, "period", period(r->from, r->to),
			"pretrial_counted_to", jdate(r->held_to), "week",
			week[0] ? json_string(week) : json_null(), "previous_period",
			period(r->prev_from, r->prev_to), "upcoming_period",
			period(r->next_from, r->next_to), "filter", jstr(filter), "timezone",
			"Asia/Phnom_Penh", "empty", cw_report_is_empty(r));
	if (doc && header_summary(r, doc) != 0) {
		json_decref(doc);
		doc = NULL;
	}
	if (doc) {
		/* With the header: what was left out, before any figure. */
		json_object_set_new(doc, "confidential", confidential(r));
		/* The records used here whose conflicts wait (the header's "conflicts" says
		 * what it means): 0 when none. */
		json_object_set_new(doc, "unresolved_conflicts",
				    json_integer((json_int_t)r->conflicted));
		/* Those naming one person twice with entries that differ (the header's
		 * "doubled"): 0 when none. */
		json_object_set_new(doc, "doubled_entries", json_integer((json_int_t)r->doubled));
		json_object_set_new(doc, "hearings", hearings(r));
		json_object_set_new(doc, "hearings_set", hearings_set(r));
		json_object_set_new(doc, "hearings_missed", hearings_missed(r));
		json_object_set_new(doc, "fair_trial_indicators", fair_trial(r));
		json_object_set_new(doc, "arrests_and_charges", arrests(r));
		json_object_set_new(doc, "verdicts", verdicts(r));
		json_object_set_new(doc, "releases", releases(r));
		json_object_set_new(doc, "case_events", case_events(r));
		json_object_set_new(doc, "visits", visits(r));
		json_object_set_new(doc, "demonstrations", demos(r));
		json_object_set_new(doc, "incidents", incidents(r));
		json_object_set_new(doc, "upcoming_hearings", upcoming(r));
		json_object_set_new(doc, "pretrial_detention", detainees(r));
		json_object_set_new(doc, "pretrial_detention_people", detained_people(r));
		json_object_set_new(doc, "taken_into_pretrial_detention", detentions_taken(r));
		/* Held before a verdict by their case's entry, with no arrest or detention
		 * logged: no days; people counts them all, listed or not. */
		json_object_set_new(doc, "held_no_arrest_logged", unstarted(r));
		json_object_set_new(doc, "held_no_arrest_logged_people",
				    json_pack("{s:I,s:b,s:I,s:I,s:I}", "people",
					      (json_int_t)r->unstarted_people, "at_least",
					      r->unstarted_uncounted > 0, "named",
					      (json_int_t)r->unstarted_named, "held_again",
					      (json_int_t)r->unstarted_again, "met_at_visit",
					      (json_int_t)r->unstarted_met));
		json_object_set_new(doc, "arrested_not_held", arrested_not_held(r));
		json_object_set_new(doc, "partial_dates", partial(r));
		json_object_set_new(doc, "tallies", tallies(r));
		json_object_set_new(doc, "undated_records", json_integer((json_int_t)r->undated));
		json_object_set_new(doc, "comparison", comparison(r));
	}
	/* json_pack gives NULL when any piece failed (out of memory): refuse rather than print a
	 * report with holes. */
	errno = 0;
	rc = doc ? cw_json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : -1;
	saved = errno;
	json_decref(doc);
	if (rc != 0 && ferror(out)) /* the output could not take it (a full disk) */
		return cw_write_failed(out, saved, err);
	if (rc != 0)
		return cw_error_set(err, CW_ENOMEM, "json", "cannot build the JSON report");
	fputc('\n', out);
	return ferror(out) ? cw_write_failed(out, errno, err) : 0;
}
