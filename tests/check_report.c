/* check_report.c - unit tests of report/report.c: ISO week arithmetic, and what a summary
 * gathers from a small database: records in the range and not outside it, partial dates under
 * their own heading, charges by article with 494/495 and 437 bis apart, verdicts given both as
 * a hearing and as a milestone counted once, the upcoming window with next dates, pretrial
 * detention counted to the end of the range, the previous range's counts, and an empty range.
 * Each test makes its LMDB environment in a fresh temporary directory. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/rdoc.h"
#include "report/record_text.h"
#include "models/timeline.h"
#include "report/report.h"
#include "report/write.h"
#include "store/store.h"
#include "tests/damage_fixture.h"
#include "tests/report_fixture.h"

static struct cw_id add_case(const char *title, const struct cw_id *person, const char *articles,
			     int custody)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	struct cw_article arts[8];
	struct cw_defendant *d;
	struct cw_record r;
	struct cw_id id;
	size_t n = 0;

	cw_record_init(&r, CW_KIND_CASE);
	r.u.kase.title = strdup(title);
	r.u.kase.court = strdup("Phnom Penh Court of First Instance");
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = *person;
	d->custody = (uint8_t)custody;
	if (articles)
		ck_assert_int_eq(cw_article_parse_list(articles, arts, 8, &n, "a", NULL), 0);
	for (size_t i = 0; i < n; i++) {
		struct cw_charge *c = cw_list_append(&d->charges, cf->sub);

		c->article = arts[i];
	}
	put(&r);
	id = r.id;
	cw_record_free(&r);
	return id;
}

static struct cw_id add_hearing(const struct cw_id *kase, const char *date, int outcome,
				const char *next)
{
	struct cw_record r;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_HEARING);
	r.u.hearing.case_id = *kase;
	r.u.hearing.date = D(date);
	r.u.hearing.outcome = (uint8_t)outcome;
	if (next)
		r.u.hearing.next_date = D(next);
	put(&r);
	id = r.id;
	cw_record_free(&r);
	return id;
}

static struct cw_id add_verdict_hearing(const struct cw_id *kase, const struct cw_id *person,
					const char *date)
{
	const struct cw_field *vf =
		cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "verdicts");
	struct cw_verdict *v;
	struct cw_record r;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_HEARING);
	r.u.hearing.case_id = *kase;
	r.u.hearing.date = D(date);
	r.u.hearing.outcome = CW_OUTCOME_VERDICT;
	v = cw_list_append(&r.u.hearing.verdicts, vf->sub);
	v->person = *person;
	v->result = 1; /* convicted */
	put(&r);
	id = r.id;
	cw_record_free(&r);
	return id;
}

static void add_milestone(const struct cw_id *person, const struct cw_id *kase, const char *date,
			  int type)
{
	struct cw_record r;

	cw_record_init(&r, CW_KIND_MILESTONE);
	r.u.milestone.person = *person;
	r.u.milestone.case_id = *kase;
	r.u.milestone.date = D(date);
	r.u.milestone.type = (uint8_t)type;
	put(&r);
	cw_record_free(&r);
}

static void add_demo(const char *date, int64_t arrests)
{
	struct cw_record r;

	cw_record_init(&r, CW_KIND_DEMO);
	r.u.demo.date = D(date);
	r.u.demo.arrests_count = arrests;
	put(&r);
	cw_record_free(&r);
}

static void build(const char *from, const char *to, const struct cw_filter *f, struct cw_report *r)
{
	struct cw_filter none;
	struct cw_error err;

	cw_filter_init(&none);
	ck_assert_msg(cw_report_build(st, f ? f : &none, D(from), D(to), r, &err) == 0, "%s",
		      err.message);
}

/* The value of the first line named `name` that cw_record_field_lines gives. */
struct line_find {
	const char *name;
	char value[200];
	int found;
};

static void find_line(void *ctx, int indent, const char *name, const char *value)
{
	struct line_find *f = ctx;

	(void)indent;
	if (!f->found && value && !strcmp(name, f->name)) {
		snprintf(f->value, sizeof f->value, "%s", value);
		f->found = 1;
	}
}

/* A charge's history names the record that moved it by its kind and date, and one deleted
 * since (on another laptop: a deletion here takes its step back) as deleted, never by an
 * empty label. */
START_TEST(a_history_names_a_deleted_record)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	const struct cw_field *hf = cw_schema_field(cf->sub, "history");
	struct cw_id p = add_person("Chhim Sithar");
	struct cw_id c = add_case("NagaWorld", &p, "494", CW_CUSTODY_DETAINED);
	struct cw_id h = add_hearing(&c, "2023-05-25", CW_OUTCOME_ADJOURNED, NULL);
	struct line_find f = {"record", "", 0};
	struct cw_charge_step *step;
	struct cw_charge *charge;
	struct cw_record r;
	struct cw_error err;
	char want[64], hex[CW_ID_HEX_LEN + 1];

	ck_assert_msg(cw_store_get(st, &c, &r, &err) == 0, "%s", err.message);
	charge = ((struct cw_defendant *)r.u.kase.defendants.items)[0].charges.items;
	step = cw_list_append(&charge->history, hf->sub);
	step->record = h;
	step->date = D("2023-05-25");
	ck_assert_int_eq(cw_record_field_lines(st, &r, find_line, &f, NULL), 0);
	cw_id_hex(&h, hex);
	snprintf(want, sizeof want, "hearing 2023-05-25 (%.8s)", hex);
	ck_assert_str_eq(f.value, want);
	cw_id_from_ref("never stored", &step->record);
	cw_id_hex(&step->record, hex);
	f.found = 0;
	ck_assert_int_eq(cw_record_field_lines(st, &r, find_line, &f, NULL), 0);
	snprintf(want, sizeof want, "(deleted record %.8s)", hex);
	ck_assert_str_eq(f.value, want);
	cw_record_free(&r);
}
END_TEST

/* The lines a record view gives, for a test to look through. */
struct lines {
	char text[64][256];
	size_t n;
};

static void take_line(void *ctx, int heading, const char *line)
{
	struct lines *l = ctx;

	(void)heading;
	if (l->n < 64)
		snprintf(l->text[l->n++], sizeof l->text[0], "%s", line);
}

/* A label wider than its column has a line of its own, its value under it where values stand:
 * cut to the column, "participants at least" read "participants at leas yes" (a trial). */
START_TEST(a_long_label_is_never_cut)
{
	struct cw_record r;
	struct lines l = {.n = 0};
	size_t i;

	cw_record_init(&r, CW_KIND_DEMO);
	r.u.demo.date = D("2024-05-01");
	r.u.demo.place = strdup("Freedom Park");
	r.u.demo.participants = 30;
	r.u.demo.participants_at_least = 1;
	put(&r);
	ck_assert_int_eq(cw_record_reading(st, &r, 80, take_line, &l, NULL), 0);
	for (i = 0; i < l.n && strcmp(l.text[i], "  participants at least") != 0; i++)
		;
	ck_assert_msg(i + 1 < l.n, "no line of its own for the label");
	ck_assert_str_eq(l.text[i + 1], "                       yes");
	for (size_t k = 0; k < l.n; k++)
		ck_assert_msg(!strstr(l.text[k], "at leas ") && !strstr(l.text[k], "at leas\t"),
			      "cut: %s", l.text[k]);
	cw_record_free(&r);
}
END_TEST

/* A record's view tells the accounts that link to it, from its side too: a link is kept on
 * the record that names the other, and the UN's account said nothing of the team's. */
START_TEST(a_view_tells_who_links_to_it)
{
	const struct cw_field *lf = cw_schema_field(&cw_schema_header, "links");
	struct cw_id person = add_person("Chhim Sithar"),
		     kase = add_case("NagaWorld strike", &person, "494", CW_CUSTODY_DETAINED);
	struct cw_record un, own, gov;
	struct cw_link *l;
	struct lines lines = {.n = 0};
	int same = 0, disputed = 0;

	cw_record_init(&un, CW_KIND_HEARING);
	un.u.hearing.case_id = kase;
	un.u.hearing.date = D("2024-05-03");
	un.view = CW_VIEW_UN;
	put(&un);
	cw_record_init(&own, CW_KIND_HEARING);
	own.u.hearing.case_id = kase;
	own.u.hearing.date = D("2024-05-03");
	own.view = CW_VIEW_OWN;
	l = cw_list_append(&own.links, lf->sub);
	ck_assert_ptr_nonnull(l);
	l->relation = CW_LINK_SAME_EVENT;
	l->record = un.id;
	put(&own);
	cw_record_init(&gov, CW_KIND_HEARING);
	gov.u.hearing.case_id = kase;
	gov.u.hearing.date = D("2024-05-03");
	gov.view = CW_VIEW_GOVERNMENT;
	l = cw_list_append(&gov.links, lf->sub);
	ck_assert_ptr_nonnull(l);
	l->relation = CW_LINK_DISPUTES;
	l->record = un.id;
	put(&gov);
	ck_assert_int_eq(cw_record_reading(st, &un, 120, take_line, &lines, NULL), 0);
	for (size_t k = 0; k < lines.n; k++) {
		same |= !strncmp(lines.text[k], "  same event as", 15) &&
			strstr(lines.text[k], "own observation") != NULL;
		disputed |= !strncmp(lines.text[k], "  disputed by", 13) &&
			    strstr(lines.text[k], "government") != NULL;
	}
	ck_assert_msg(same && disputed, "same event %d, disputed %d", same, disputed);
	cw_record_free(&un);
	cw_record_free(&own);
	cw_record_free(&gov);
}
END_TEST

/* A report or an export keeps a name as recorded (it may be signed: two names differing past
 * the fifth mark must not read the same); one drawn on a terminal cuts the marks stacked on one
 * letter as every other text there (a review found a report printing all sixty). */
static size_t acute_accents(const char *s)
{
	size_t n = 0;

	for (const char *p = s; (p = strstr(p, "\xcc\x81")); p += 2)
		n++;
	return n;
}

START_TEST(a_document_keeps_marks_unless_drawn_on_a_terminal)
{
	char name[64] = "Za";
	char *t;

	for (int i = 0; i < 8; i++)
		strcat(name, "\xcc\x81");
	strcat(name, "lgo");
	t = cw_rtext(name);
	ck_assert_uint_eq(acute_accents(t), 8);
	free(t);
	cw_rtext_for_terminal(1);
	t = cw_rtext(name);
	ck_assert_uint_eq(acute_accents(t), 5);
	ck_assert(strstr(t, "lgo"));
	free(t);
	cw_rtext_for_terminal(0);
	t = cw_rtext(name);
	ck_assert_uint_eq(acute_accents(t), 8);
	free(t);
}
END_TEST

START_TEST(iso_weeks)
{
	struct cw_date from, to;
	struct cw_error err;
	int y, w;

	ck_assert_int_eq(cw_report_parse_week("2024-W06", &y, &w, &err), 0);
	ck_assert_int_eq(y, 2024);
	ck_assert_int_eq(w, 6);
	ck_assert_int_eq(cw_report_week_range(y, w, &from, &to), 0);
	ck_assert_int_eq(cw_date_compare(from, D("2024-02-05")), 0);
	ck_assert_int_eq(cw_date_compare(to, D("2024-02-11")), 0);
	/* Week 1 of 2025 starts on Monday 30 December 2024; 2020 has 53 weeks, 2021 has 52. */
	cw_report_week_range(2025, 1, &from, &to);
	ck_assert_int_eq(cw_date_compare(from, D("2024-12-30")), 0);
	ck_assert_int_eq(cw_report_week_range(2020, 53, &from, &to), 0);
	ck_assert_int_eq(cw_date_compare(to, D("2021-01-03")), 0);
	ck_assert_int_eq(cw_report_week_range(2021, 53, &from, &to), CW_EINVAL);
	cw_report_week_of(D("2021-01-03"), &y, &w);
	ck_assert(y == 2020 && w == 53);
	cw_report_week_of(D("2024-12-30"), &y, &w);
	ck_assert(y == 2025 && w == 1);
	/* The last complete week before Wednesday 14 February 2024 is 2024-W06. */
	cw_report_last_week(D("2024-02-14"), &y, &w);
	ck_assert(y == 2024 && w == 6);
	cw_report_last_week(D("2024-02-12"), &y, &w);
	ck_assert(y == 2024 && w == 6);
	cw_report_last_week(D("2024-01-03"), &y, &w);
	ck_assert(y == 2023 && w == 52);
	ck_assert_int_eq(cw_report_parse_week("2024-W54", &y, &w, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "week");
	ck_assert_int_eq(cw_report_parse_week("2024-06", &y, &w, &err), CW_EINVAL);
	ck_assert_int_eq(cw_report_parse_week("2024-W06x", &y, &w, &err), CW_EINVAL);
}
END_TEST

START_TEST(sections_from_small_database)
{
	struct cw_id saran = add_person("Kang Saran"), nak = add_person("Ny Nak"),
		     sithar = add_person("Chhim Sithar");
	struct cw_id c1 = add_case("Saran", &saran, "437 bis/494", CW_CUSTODY_DETAINED),
		     c2 = add_case("Nak", &nak, "302", CW_CUSTODY_DETAINED),
		     c3 = add_case("Sithar", &sithar, "494/495", CW_CUSTODY_DETAINED);
	struct cw_report r;

	/* in the week 2024-02-05 .. 2024-02-11 */
	add_milestone(&saran, &c1, "2024-02-05", CW_MS_ARREST);
	add_milestone(&nak, &c2, "2024-02-06", CW_MS_CHARGE);
	add_milestone(&sithar, &c3, "2024-02-11", CW_MS_CHARGE);
	add_verdict_hearing(&c3, &sithar, "2024-02-07");
	add_milestone(&sithar, &c3, "2024-02-07", CW_MS_VERDICT); /* same ruling: counted once */
	add_hearing(&c2, "2024-02-08", CW_OUTCOME_ADJOURNED, "2024-02-20");
	add_demo("2024-02-10", 9);
	/* outside it: the week before, after, and partial dates */
	add_hearing(&c1, "2024-02-04", CW_OUTCOME_ADJOURNED, NULL);
	add_hearing(&c1, "2024-01-30", CW_OUTCOME_ADJOURNED, NULL);
	add_milestone(&nak, &c2, "2024-01-29", CW_MS_ARREST);
	add_hearing(&c1, "2024-02-12", CW_OUTCOME_ADJOURNED, NULL);
	add_hearing(&c1, "2024-02-26", CW_OUTCOME_ADJOURNED, NULL); /* beyond the 14 days */
	add_hearing(&c2, "2024-02-20", CW_OUTCOME_CONTINUED, NULL); /* the next date, logged */
	add_hearing(&c1, "2024-02", CW_OUTCOME_VERDICT, NULL);
	add_milestone(&saran, &c1, "2024", CW_MS_CHARGE);
	add_milestone(&saran, &c1, "2024-01", CW_MS_CHARGE); /* a month that does not overlap */

	build("2024-02-05", "2024-02-11", NULL, &r);
	ck_assert_int_eq(r.week_year, 2024);
	ck_assert_int_eq(r.week, 6);
	ck_assert_uint_eq(r.hearings.n, 2);
	ck_assert_uint_eq(r.arrests.n, 3);
	ck_assert_uint_eq(r.demos.n, 1);
	ck_assert_uint_eq(r.nverdicts, 1);
	ck_assert_int_eq(r.verdicts[0].rec->kind, CW_KIND_HEARING);
	/* articles: Saran 437 bis + 494, Nak 302, Sithar 494 + 495 */
	ck_assert_uint_eq(r.groups[CW_GROUP_INCITEMENT], 2);
	ck_assert_uint_eq(r.groups[CW_GROUP_LESE_MAJESTE], 1);
	ck_assert_uint_eq(r.groups[CW_GROUP_OTHER], 1);
	ck_assert_uint_eq(r.groups[CW_GROUP_NO_ARTICLE], 0);
	ck_assert_uint_eq(r.narticles, 4); /* 302, 437 bis, 494, 495 in key order */
	ck_assert_int_eq(r.articles[0].article.number, 302);
	ck_assert_int_eq(r.articles[1].article.number, 437);
	ck_assert_int_eq(r.articles[2].article.number, 494);
	ck_assert_uint_eq(r.articles[2].count, 2);
	/* partial dates: the month 2024-02 and the year 2024, not 2024-01 */
	ck_assert_uint_eq(r.partial.n, 2);
	for (size_t i = 0; i < r.partial.n; i++) {
		struct cw_date d = cw_record_date(&r.partial.items[i]);

		ck_assert(cw_date_precision(d) != CW_DATE_DAY);
		ck_assert(d.month == 0 || d.month == 2);
	}
	/* upcoming 2024-02-12 .. 2024-02-25: the hearing on the 12th and the one on the 20th;
	 * the next date set on the 8th is that same hearing, so it is listed once */
	ck_assert_uint_eq(r.nupcoming, 2);
	ck_assert_int_eq(cw_date_compare(r.upcoming[0].date, D("2024-02-12")), 0);
	ck_assert_int_eq(cw_date_compare(r.upcoming[1].date, D("2024-02-20")), 0);
	ck_assert_int_eq(r.upcoming[1].from_next_date, 0);
	/* comparison with 2024-01-29 .. 2024-02-04 */
	ck_assert_uint_eq(r.counts[CW_METRIC_HEARINGS], 2);
	ck_assert_uint_eq(r.previous[CW_METRIC_HEARINGS], 2);
	ck_assert_uint_eq(r.counts[CW_METRIC_ARRESTS], 1);
	ck_assert_uint_eq(r.previous[CW_METRIC_ARRESTS], 1);
	ck_assert_uint_eq(r.counts[CW_METRIC_CHARGES], 2);
	ck_assert_uint_eq(r.counts[CW_METRIC_VERDICTS], 1);
	ck_assert_uint_eq(r.counts[CW_METRIC_DEMO_ARRESTS], 9);
	ck_assert_uint_eq(r.previous[CW_METRIC_DEMOS], 0);
	/* pretrial detention to 2024-02-11: Saran since the 5th, 0 to 6 days (the verdict of
	 * their case dated only to February may have come after the 5th), Nak since 29 January
	 * (13 days); Sithar has no arrest recorded */
	ck_assert_uint_eq(r.ndetainees, 2);
	ck_assert(cw_id_equal(&r.detainees[0].person, &nak));
	ck_assert_int_eq(r.detainees[0].days, 13);
	ck_assert_int_eq(r.detainees[1].days, 0);
	ck_assert_int_eq(r.detainees[1].days_max, 6);
	ck_assert_int_eq(r.detainees[1].to_kind, CW_PRETRIAL_TO_ENDED_IN);
	ck_assert_ptr_nonnull(cw_report_ref(&r, &saran));
	ck_assert_ptr_nonnull(cw_report_ref(&r, &c3));
	ck_assert(!cw_report_is_empty(&r));
	cw_report_free(&r);
}
END_TEST

START_TEST(filter_narrows_every_section)
{
	struct cw_id saran = add_person("Kang Saran"), nak = add_person("Ny Nak");
	struct cw_id c1 = add_case("Saran", &saran, "437 bis", CW_CUSTODY_DETAINED),
		     c2 = add_case("Nak", &nak, "302", CW_CUSTODY_DETAINED);
	struct cw_filter f;
	struct cw_report r;

	add_milestone(&saran, &c1, "2024-02-05", CW_MS_ARREST);
	add_milestone(&nak, &c2, "2024-02-05", CW_MS_ARREST);
	add_hearing(&c1, "2024-02-06", CW_OUTCOME_ADJOURNED, NULL);
	add_hearing(&c2, "2024-02-06", CW_OUTCOME_ADJOURNED, NULL);
	add_demo("2024-02-06", 3);
	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_set(&f, "article", "437bis", NULL), 0);
	build("2024-02-05", "2024-02-11", &f, &r);
	ck_assert_uint_eq(r.hearings.n, 1);
	ck_assert_uint_eq(r.arrests.n, 1);
	ck_assert_uint_eq(r.demos.n, 0); /* demonstrations carry no article */
	ck_assert_uint_eq(r.ndetainees, 1);
	ck_assert(cw_id_equal(&r.detainees[0].person, &saran));
	cw_report_free(&r);

	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_set(&f, "kind", "demo", NULL), 0);
	build("2024-02-05", "2024-02-11", &f, &r);
	ck_assert_uint_eq(r.hearings.n, 0);
	ck_assert_uint_eq(r.arrests.n, 0);
	ck_assert_uint_eq(r.demos.n, 1);
	ck_assert_uint_eq(r.ndetainees, 0);
	cw_report_free(&r);
}
END_TEST

START_TEST(empty_range_is_a_report)
{
	struct cw_id p = add_person("Ny Nak");
	struct cw_id c = add_case("Nak", &p, "302", CW_CUSTODY_RELEASED);
	struct cw_report r;
	struct cw_error err;
	struct cw_filter f;

	add_hearing(&c, "2023-05-02", CW_OUTCOME_ADJOURNED, NULL);
	build("2024-02-05", "2024-02-11", NULL, &r);
	ck_assert(cw_report_is_empty(&r));
	for (int m = 0; m < CW_METRIC_COUNT; m++)
		ck_assert_uint_eq(r.counts[m], 0);
	cw_report_free(&r);
	/* a range of days is compared with as many days before it */
	build("2024-02-03", "2024-02-29", NULL, &r);
	ck_assert_int_eq(r.week, 0);
	ck_assert_int_eq(cw_date_compare(r.prev_from, D("2024-01-07")), 0);
	ck_assert_int_eq(cw_date_compare(r.prev_to, D("2024-02-02")), 0);
	cw_report_free(&r);
	/* whole months with as many whole months before, across a year's end too */
	build("2024-02-01", "2024-02-29", NULL, &r);
	ck_assert_int_eq(cw_date_compare(r.prev_from, D("2024-01-01")), 0);
	ck_assert_int_eq(cw_date_compare(r.prev_to, D("2024-01-31")), 0);
	cw_report_free(&r);
	build("2024-01-01", "2024-02-29", NULL, &r);
	ck_assert_int_eq(cw_date_compare(r.prev_from, D("2023-11-01")), 0);
	ck_assert_int_eq(cw_date_compare(r.prev_to, D("2023-12-31")), 0);
	cw_report_free(&r);
	build("2024-03-01", "2024-03-30", NULL, &r); /* not the month's last day: 30 days */
	ck_assert_int_eq(cw_date_compare(r.prev_from, D("2024-01-31")), 0);
	cw_report_free(&r);
	cw_filter_init(&f);
	ck_assert_int_eq(cw_report_build(st, &f, D("2024-02-11"), D("2024-02-05"), &r, &err),
			 CW_EINVAL);
	cw_report_free(&r);
	ck_assert_int_eq(cw_report_build(st, &f, D("2024-02"), D("2024-02-05"), &r, &err),
			 CW_EINVAL);
	cw_report_free(&r);
}
END_TEST

START_TEST(summary_names_every_account)
{
	char date[16], *text = NULL, expect[64];
	size_t len = 0;
	struct cw_report r;
	struct cw_error err;
	FILE *out;

	/* More demonstrations than a page of anything: the one the government reports comes
	 * last, and the summary still names its account. */
	for (int i = 0; i < 300; i++) {
		struct cw_record d;

		cw_record_init(&d, CW_KIND_DEMO);
		snprintf(date, sizeof date, "2024-03-%02d", 1 + i % 28);
		d.u.demo.date = D(date);
		d.view = i == 299 ? CW_VIEW_GOVERNMENT : CW_VIEW_UN;
		if (i == 299)
			d.u.demo.date = D("2024-03-31");
		put(&d);
		cw_record_free(&d);
	}
	build("2024-03-01", "2024-03-31", NULL, &r);
	ck_assert_uint_eq(r.counts[CW_METRIC_DEMOS], 300);
	ck_assert_ptr_nonnull(out = open_memstream(&text, &len));
	ck_assert_int_eq(cw_report_write(&r, CW_REPORT_MD, out, &err), 0);
	fclose(out);
	snprintf(expect, sizeof expect, "(accounts: %s, %s)",
		 cw_enum_label(&cw_words_view, CW_VIEW_UN),
		 cw_enum_label(&cw_words_view, CW_VIEW_GOVERNMENT));
	ck_assert_msg(strstr(text, expect), "no '%s' in the summary", expect);
	free(text);
	cw_report_free(&r);
}
END_TEST

/* A verdict counts once per defendant and ruling, whatever the charges its rows list: a
 * conviction on two articles is one verdict (Chhorn Phalla's on three, 001 para 36), a ruling
 * on two people two; milestones of one type, case and date are one ruling. A defendant
 * convicted on one charge and acquitted on another is said to have different results. */
START_TEST(verdicts_count_once_per_defendant_and_ruling)
{
	const struct cw_field *vf =
		cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "verdicts");
	struct cw_id a = add_person("Chhorn Phalla"), b = add_person("Chao Veasna"),
		     x = add_person("Kang Saran"), y = add_person("Ny Nak");
	struct cw_id c1 = add_case("Phalla", &a, "494/495", CW_CUSTODY_DETAINED),
		     c2 = add_case("Saran", &x, "437 bis", CW_CUSTODY_DETAINED);
	const struct {
		const struct cw_id *who;
		const char *article;
		int result;
	} rows[] = {{&a, "494", 1}, {&a, "495", 1}, {&b, "494", 1}, {&b, "495", 2}};
	struct cw_record h, m;
	struct cw_report r;
	char *text = NULL;
	size_t len = 0, n;
	struct cw_error err;
	FILE *out;

	cw_record_init(&h, CW_KIND_HEARING);
	h.u.hearing.case_id = c1;
	h.u.hearing.date = D("2024-02-07");
	h.u.hearing.outcome = CW_OUTCOME_VERDICT;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct cw_verdict *v = cw_list_append(&h.u.hearing.verdicts, vf->sub);

		v->person = *rows[i].who;
		v->result = (uint8_t)rows[i].result;
		ck_assert_int_eq(
			cw_article_parse_list(rows[i].article, &v->article, 1, &n, "a", NULL), 0);
	}
	put(&h);
	cw_record_free(&h);
	/* One ruling on two people of another case, logged as milestones: x on two articles. */
	for (int i = 0; i < 3; i++) {
		cw_record_init(&m, CW_KIND_MILESTONE);
		m.u.milestone.person = i == 2 ? y : x;
		m.u.milestone.case_id = c2;
		m.u.milestone.date = D("2024-02-08");
		m.u.milestone.type = CW_MS_VERDICT;
		m.u.milestone.result = 1;
		ck_assert_int_eq(cw_article_parse_list(i == 1 ? "494" : "437 bis",
						       &m.u.milestone.article, 1, &n, "a", NULL),
				 0);
		put(&m);
		cw_record_free(&m);
	}
	/* The week before: one person convicted on two articles at one hearing. */
	cw_record_init(&h, CW_KIND_HEARING);
	h.u.hearing.case_id = c1;
	h.u.hearing.date = D("2024-02-01");
	h.u.hearing.outcome = CW_OUTCOME_VERDICT;
	for (size_t i = 0; i < 2; i++) {
		struct cw_verdict *v = cw_list_append(&h.u.hearing.verdicts, vf->sub);

		v->person = a;
		v->result = 1;
	}
	put(&h);
	cw_record_free(&h);

	build("2024-02-05", "2024-02-11", NULL, &r);
	ck_assert_uint_eq(r.nverdicts, 7);
	ck_assert_uint_eq(r.nrulings, 2);
	ck_assert_uint_eq(r.ndecisions, 4);
	ck_assert_uint_eq(r.counts[CW_METRIC_VERDICTS], 4);
	ck_assert_uint_eq(r.previous[CW_METRIC_VERDICTS], 1);
	/* Rows of one defendant share a decision; the hearing's rows are one ruling. */
	ck_assert_uint_eq(r.verdicts[0].decision, r.verdicts[1].decision);
	ck_assert_uint_ne(r.verdicts[1].decision, r.verdicts[2].decision);
	ck_assert_uint_eq(r.verdicts[2].decision, r.verdicts[3].decision);
	ck_assert_uint_eq(r.verdicts[0].ruling, r.verdicts[3].ruling);
	ck_assert_uint_ne(r.verdicts[3].ruling, r.verdicts[4].ruling);
	ck_assert_uint_eq(r.verdicts[4].ruling, r.verdicts[6].ruling);
	ck_assert_ptr_nonnull(out = open_memstream(&text, &len));
	ck_assert_int_eq(cw_report_write(&r, CW_REPORT_MD, out, &err), 0);
	fclose(out);
	ck_assert_msg(strstr(text,
			     "4 verdicts and rulings were recorded, one per defendant, in 2 "
			     "rulings (account: not recorded): 3 convicted, 1 with different "
			     "results by charge; the table has 7 rows, one per charge a ruling "
			     "names."),
		      "%s", text);
	free(text);
	cw_report_free(&r);
}
END_TEST

/* A milestone on several articles, as the sources give one ("charged under articles 494 and
 * 495"), logged as the front ends do (the field takes the list as typed). */
static struct cw_id add_milestone_on(const struct cw_id *person, const struct cw_id *kase,
				     const char *date, int type, int result, const char *articles)
{
	const struct cw_field *af =
		cw_schema_field(cw_schema_for_kind(CW_KIND_MILESTONE), "article");
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_MILESTONE);
	r.u.milestone.person = *person;
	r.u.milestone.case_id = *kase;
	r.u.milestone.date = D(date);
	r.u.milestone.type = (uint8_t)type;
	r.u.milestone.result = (uint8_t)result;
	if (articles)
		ck_assert_msg(cw_field_set_text(&r.u, af, articles, &err) == 0, "%s", err.message);
	ck_assert_msg(cw_store_put(st, &r, CW_PUT_NEW | CW_PUT_FOLLOW_VERDICTS, &err) == 0,
		      "%s: %s", err.field, err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

static size_t count_article(const char *article)
{
	struct cw_filter f;
	struct cw_error err;
	size_t n;

	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_set(&f, "article", article, NULL), 0);
	ck_assert_msg(cw_store_count(st, &f, CW_KIND_BIT(CW_KIND_MILESTONE), &n, &err) == 0, "%s",
		      err.message);
	return n;
}

static void no_problem(void *ctx, const char *line)
{
	(void)ctx;
	ck_abort_msg("verify: %s", line);
}

/* Kang Saran, charged under 307, 494 and 495, and apart under 437 bis (001 para 39): a charge
 * milestone on 494/495 counts once under each and once in the 494/495 group, never under the
 * case's other charges; an article filter finds it under each article it names and under no
 * other; a verdict on 494/495 moves both charges and leaves the others, and is one verdict in
 * two rows, one per charge. One that names none counts under every charge, as before. */
START_TEST(milestone_on_several_articles)
{
	struct cw_id saran = add_person("Kang Saran");
	struct cw_id c = add_case("Saran", &saran, "307/494/495/437 bis", CW_CUSTODY_DETAINED);
	struct cw_verify_stats stats;
	struct cw_filter f;
	struct cw_report r;
	struct cw_record kase;
	struct cw_error err;
	char *text = NULL;
	size_t len = 0;
	FILE *out;

	add_milestone_on(&saran, &c, "2024-02-05", CW_MS_CHARGE, 0, "494 and 495");
	add_milestone_on(&saran, &c, "2024-02-06", CW_MS_ARREST, 0, NULL);
	build("2024-02-05", "2024-02-11", NULL, &r);
	ck_assert_uint_eq(r.arrests.n, 2);
	ck_assert_uint_eq(r.groups[CW_GROUP_INCITEMENT], 2);
	ck_assert_uint_eq(r.groups[CW_GROUP_LESE_MAJESTE], 1);
	ck_assert_uint_eq(r.groups[CW_GROUP_OTHER], 1);
	ck_assert_uint_eq(r.groups[CW_GROUP_NO_ARTICLE], 0);
	ck_assert_uint_eq(r.narticles, 4); /* 307, 437 bis, 494, 495 */
	ck_assert(r.articles[0].article.number == 307 && r.articles[0].count == 1);
	ck_assert(r.articles[1].article.number == 437 && r.articles[1].count == 1);
	ck_assert(r.articles[2].article.number == 494 && r.articles[2].count == 2);
	ck_assert(r.articles[3].article.number == 495 && r.articles[3].count == 2);
	cw_report_free(&r);
	/* Filters: under each article it names, and no other. */
	ck_assert_uint_eq(count_article("494"), 2);
	ck_assert_uint_eq(count_article("495"), 2);
	ck_assert_uint_eq(count_article("307"), 1);
	ck_assert_uint_eq(count_article("437 bis"), 1);
	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_set(&f, "article", "437 bis", NULL), 0);
	build("2024-02-05", "2024-02-11", &f, &r);
	ck_assert_uint_eq(r.arrests.n, 1);
	ck_assert_int_eq(r.arrests.items[0].u.milestone.type, CW_MS_ARREST);
	cw_report_free(&r);

	/* The verdict on both charges moves both, and only those. */
	add_milestone_on(&saran, &c, "2024-02-08", CW_MS_VERDICT, CW_VERDICT_CONVICTED, "494/495");
	ck_assert_int_eq(cw_store_get(st, &c, &kase, &err), 0);
	{
		const struct cw_defendant *d = kase.u.kase.defendants.items;
		const struct cw_charge *ch = d->charges.items;

		ck_assert_uint_eq(d->charges.n, 4);
		ck_assert_int_eq(ch[0].state, CW_CHARGE_CHARGED);   /* 307 */
		ck_assert_int_eq(ch[1].state, CW_CHARGE_CONVICTED); /* 494 */
		ck_assert_int_eq(ch[2].state, CW_CHARGE_CONVICTED); /* 495 */
		ck_assert_int_eq(ch[3].state, CW_CHARGE_CHARGED);   /* 437 bis */
	}
	cw_record_free(&kase);
	build("2024-02-05", "2024-02-11", NULL, &r);
	ck_assert_uint_eq(r.nverdicts, 2);
	ck_assert_uint_eq(r.ndecisions, 1);
	ck_assert_uint_eq(r.counts[CW_METRIC_VERDICTS], 1);
	ck_assert_ptr_nonnull(out = open_memstream(&text, &len));
	ck_assert_int_eq(cw_report_write(&r, CW_REPORT_MD, out, &err), 0);
	fclose(out);
	ck_assert_msg(strstr(text, "| 494 | convicted |") && strstr(text, "| 495 | convicted |"),
		      "%s", text);
	free(text);
	cw_report_free(&r);
	ck_assert_int_eq(cw_store_verify(st, no_problem, NULL, &stats, &err), 0);
}
END_TEST

START_TEST(calendar_window_without_end)
{
	struct cw_id p = add_person("Ny Nak");
	struct cw_id c = add_case("Nak", &p, "302", CW_CUSTODY_DETAINED);
	struct cw_record_list src;
	struct cw_report_upcoming *items;
	struct cw_filter f;
	struct cw_error err;
	struct cw_date none = {0, 0, 0};
	size_t n;

	add_hearing(&c, "2024-03-01", CW_OUTCOME_ADJOURNED, "2025-06-01");
	add_hearing(&c, "2024-02-01", CW_OUTCOME_ADJOURNED, "2024-02-15");
	add_hearing(&c, "2024-02", CW_OUTCOME_ADJOURNED, NULL); /* no day: no calendar entry */
	cw_filter_init(&f);
	ck_assert_int_eq(
		cw_report_upcoming_hearings(st, &f, D("2024-02-10"), none, &src, &items, &n, &err),
		0);
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(cw_date_compare(items[0].date, D("2024-02-15")), 0);
	ck_assert_int_eq(items[0].from_next_date, 1);
	ck_assert_int_eq(cw_date_compare(items[1].date, D("2024-03-01")), 0);
	ck_assert_int_eq(cw_date_compare(items[2].date, D("2025-06-01")), 0);
	free(items);
	cw_record_list_free(&src);
}
END_TEST

/* A next date a later hearing may have superseded is weighed with the case's court
 * (cw_timeline_next_date_superseded): a case that fails its authentication is an error naming
 * it, never a case without a court (the dates were weighed by the hearings' own courts, and
 * nothing said). */
START_TEST(calendar_case_damaged)
{
	struct cw_id p = add_person("Ny Nak");
	struct cw_id c = add_case("Nak", &p, "302", CW_CUSTODY_DETAINED);
	struct cw_record_list src;
	struct cw_report_upcoming *items;
	struct cw_filter f;
	struct cw_error err;
	char hex[CW_ID_HEX_LEN + 1];
	size_t n;

	add_hearing(&c, "2024-02-01", CW_OUTCOME_ADJOURNED, "2024-02-20");
	add_hearing(&c, "2024-02-10", CW_OUTCOME_ADJOURNED, "2024-03-25");
	cw_filter_init(&f);
	ck_assert_int_eq(cw_report_upcoming_hearings(st, &f, D("2024-02-15"), D("2024-02-25"), &src,
						     &items, &n, &err),
			 0);
	ck_assert_uint_eq(n, 0); /* 20 February was moved on to 25 March */
	free(items);
	cw_record_list_free(&src);

	damage_record(&c);
	ck_assert_int_eq(cw_report_upcoming_hearings(st, &f, D("2024-02-15"), D("2024-02-25"), &src,
						     &items, &n, &err),
			 CW_EDAMAGED);
	cw_id_hex(&c, hex);
	ck_assert_msg(strstr(err.message, hex), "the error does not name the case: %s",
		      err.message);
	ck_assert_ptr_null(items);
	ck_assert_uint_eq(n, 0);
}
END_TEST

/* A week's summary is named with its filter (its dates aside), as file-name text: nothing of
 * it makes a path, a hidden file, or a name that reads as another (a bidi override). */
START_TEST(week_file_named_with_filter)
{
	struct cw_filter f;
	struct cw_error err;
	char name[CW_REPORT_WEEK_FILE_MAX];

	cw_filter_init(&f);
	cw_report_week_file(2024, 6, &f, 0, CW_REPORT_MD, name, sizeof name);
	ck_assert_str_eq(name, "casewatch-summary-2024-W06.md");
	cw_report_week_file(2024, 6, NULL, 0, CW_REPORT_PDF, name, sizeof name);
	ck_assert_str_eq(name, "casewatch-summary-2024-W06.pdf");
	ck_assert_int_eq(cw_filter_parse_line("article:494/495 since:2024-01", &f, &err), 0);
	cw_report_week_file(2024, 6, &f, 0, CW_REPORT_MD, name, sizeof name);
	ck_assert_str_eq(name, "casewatch-summary-2024-W06-article-494-495.md");
	cw_filter_init(&f);
	/* (The filter line refuses a bidi override; one from elsewhere is no part of a name.) */
	ck_assert_int_eq(cw_filter_parse_line("case:\"../.x\"", &f, &err), 0);
	snprintf(f.text, sizeof f.text, "%s",
		 "gdp\xe2\x80\xae"
		 "evil");
	cw_report_week_file(2024, 6, &f, 0, CW_REPORT_HTML, name, sizeof name);
	ck_assert_str_eq(name, "casewatch-summary-2024-W06-case-x-text-gdp-evil.html");
	/* What the summary withholds of its filter, its name withholds too, hash and all. */
	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_parse_line("person:\"Sok Kanha\" case:Zulu beating", &f, &err),
			 0);
	cw_report_week_file(2024, 6, &f,
			    CW_REPORT_WITHHELD_PERSON | CW_REPORT_WITHHELD_CASE |
				    CW_REPORT_WITHHELD_TEXT,
			    CW_REPORT_MD, name, sizeof name);
	ck_assert_str_eq(name, "casewatch-summary-2024-W06-person-confidential-case-confidential-"
			       "text-confidential.md");
	cw_report_week_file(2024, 6, &f, CW_REPORT_WITHHELD_PERSON, CW_REPORT_MD, name,
			    sizeof name);
	ck_assert_str_eq(name, "casewatch-summary-2024-W06-person-confidential-case-zulu-text-"
			       "beating.md");
}
END_TEST

/* A chain of accounts, each linked as the same event to the one before it: a bundle can bring
 * tens of thousands. The report follows it to its far end (every period sees every account of
 * an event) with a list of its own of what is still to read, not by recursion: a level of the
 * stack a record, and a chain of 50,000 crashed the report on the default stack of 8 MiB. Built
 * here on a thread of 1 MiB. */
#define CHAIN_N 50000

static struct cw_id chain_id(size_t i)
{
	struct cw_id id;

	memset(&id, 0, sizeof id);
	id.b[0] = 0xc4; /* never the zero id */
	for (size_t k = 0; k < sizeof(uint32_t); k++)
		id.b[sizeof id.b - 1 - k] = (uint8_t)((i + 1) >> (8 * k));
	return id;
}

static int put_chain(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	const struct cw_field *lf = cw_schema_field(&cw_schema_header, "links");
	int rc = 0;

	(void)ctx;
	for (size_t i = 0; rc == 0 && i < CHAIN_N; i++) {
		struct cw_record r;
		struct cw_link *l;

		cw_record_init(&r, CW_KIND_DEMO);
		r.id = chain_id(i); /* the first is the smallest: it counts the event */
		r.view = CW_VIEW_MEDIA;
		r.u.demo.date = D(i + 1 < CHAIN_N ? "2020-01-01" : "2024-02-07");
		if (i > 0) {
			l = cw_list_append(&r.links, lf->sub);
			ck_assert_ptr_nonnull(l);
			l->relation = CW_LINK_SAME_EVENT;
			l->record = chain_id(i - 1);
		}
		rc = cw_txn_put(txn, &r, CW_PUT_NEW, NULL, err);
		cw_record_free(&r);
	}
	return rc;
}

struct chain_build {
	struct cw_report r;
	struct cw_error err;
	int rc;
};

static void *build_chain_report(void *arg)
{
	struct chain_build *b = arg;
	struct cw_filter none;

	cw_filter_init(&none);
	b->rc = cw_report_build(st, &none, D("2024-02-05"), D("2024-02-11"), &b->r, &b->err);
	return NULL;
}

START_TEST(a_long_chain_of_accounts_on_a_small_stack)
{
	struct chain_build b;
	struct cw_id first = chain_id(0);
	struct cw_error err;
	pthread_attr_t attr;
	pthread_t t;

	memset(&b, 0, sizeof b);
	ck_assert_msg(cw_store_write(st, put_chain, NULL, &err) == 0, "%s", err.message);
	ck_assert_int_eq(pthread_attr_init(&attr), 0);
	ck_assert_int_eq(pthread_attr_setstacksize(&attr, 1024 * 1024), 0);
	ck_assert_int_eq(pthread_create(&t, &attr, build_chain_report, &b), 0);
	ck_assert_int_eq(pthread_join(t, NULL), 0);
	pthread_attr_destroy(&attr);
	ck_assert_msg(b.rc == 0, "%s", b.err.message);
	/* The period's account, counted by the first of the chain, 49,999 links away. */
	ck_assert_uint_eq(b.r.demos.n, 1);
	ck_assert_ptr_nonnull(b.r.demo_counted);
	ck_assert_uint_eq(b.r.demo_counted[0], CW_REPORT_ELSEWHERE);
	ck_assert(cw_id_equal(&b.r.demo_elsewhere[0].id, &first));
	ck_assert_int_eq(b.r.demo_elsewhere[0].before, 1);
	ck_assert_uint_eq(b.r.counts[CW_METRIC_DEMOS], 0);
	cw_report_free(&b.r);
}
END_TEST

static Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, iso_weeks);
	tcase_add_test(tc, a_document_keeps_marks_unless_drawn_on_a_terminal);
	tcase_add_test(tc, week_file_named_with_filter);
	tcase_add_test(tc, a_history_names_a_deleted_record);
	tcase_add_test(tc, sections_from_small_database);
	tcase_add_test(tc, verdicts_count_once_per_defendant_and_ruling);
	tcase_add_test(tc, milestone_on_several_articles);
	tcase_add_test(tc, filter_narrows_every_section);
	tcase_add_test(tc, empty_range_is_a_report);
	tcase_add_test(tc, calendar_window_without_end);
	tcase_add_test(tc, calendar_case_damaged);
	tcase_add_test(tc, summary_names_every_account);
	tcase_add_test(tc, a_long_label_is_never_cut);
	tcase_add_test(tc, a_view_tells_who_links_to_it);
	tcase_add_test(tc, a_long_chain_of_accounts_on_a_small_stack);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(report_suite());
}
