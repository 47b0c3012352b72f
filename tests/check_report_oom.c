/* check_report_oom.c - a report and an agenda built with one allocation of report/report.c
 * failing, each in turn: the build fails with CW_ENOMEM and "out of memory", or gives the report
 * it gives with memory enough, never another (an event's accounts read as unlinked, each
 * counted as an event).
 *
 * The test links a copy of report/report.c compiled with malloc, calloc, realloc and strdup
 * renamed to tests/failalloc.h's (report/local.mk): only its allocations fail, not those of the
 * store, which reads the records, nor of the formats, which write them. The records are
 * accounts of one hearing linked as the same event, which every reader of the events of a
 * period's hearings and rulings joins: the counts of the period and of the one before, the
 * verdicts' rulings, the bail decisions, the hearings joined through an account the filter
 * leaves out, the next dates done with before the window or in their month, and the accounts
 * of one hearing to come, in the report and in the agenda. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/agenda.h"
#include "report/report.h"
#include "report/write.h"
#include "store/store.h"
#include "tests/failalloc.h"
#include "tests/report_fixture.h"

static struct cw_id add_case(const char *title, const struct cw_id *person)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	struct cw_defendant *d;
	struct cw_record r;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_CASE);
	r.u.kase.title = strdup(title);
	r.u.kase.court = strdup("Phnom Penh Court of First Instance");
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = *person;
	d->custody = CW_CUSTODY_DETAINED;
	put(&r);
	id = r.id;
	cw_record_free(&r);
	return id;
}

/* A hearing of kase, account view, on date; next (may be NULL) its next date; same (may be
 * NULL) the account it is linked to as the same event; verdict_for (may be NULL) convicted. */
static struct cw_id add_hearing(const struct cw_id *kase, int view, const char *date, int outcome,
				int bail, const char *next, const struct cw_id *same,
				const struct cw_id *verdict_for)
{
	const struct cw_field *lf = cw_schema_field(&cw_schema_header, "links"),
			      *vf = cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING),
						    "verdicts");
	struct cw_record r;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_HEARING);
	r.view = (uint8_t)view;
	r.u.hearing.case_id = *kase;
	r.u.hearing.date = D(date);
	r.u.hearing.outcome = (uint8_t)outcome;
	r.u.hearing.bail = (uint8_t)bail;
	if (next)
		r.u.hearing.next_date = D(next);
	if (same) {
		struct cw_link *l = cw_list_append(&r.links, lf->sub);

		ck_assert_ptr_nonnull(l);
		l->relation = CW_LINK_SAME_EVENT;
		l->record = *same;
	}
	if (verdict_for) {
		struct cw_verdict *v = cw_list_append(&r.u.hearing.verdicts, vf->sub);

		ck_assert_ptr_nonnull(v);
		v->person = *verdict_for;
		v->result = 1; /* convicted */
	}
	put(&r);
	id = r.id;
	cw_record_free(&r);
	return id;
}

/* The report's week of 6-12 May 2024 and the agenda of the two weeks after: in each, accounts
 * that only the events join. */
static void add_records(void)
{
	struct cw_id p1 = add_person("Chhim Sithar"), p2 = add_person("Theary Seng"),
		     p3 = add_person("Kong Raiya"), p4 = add_person("Sun Sreypich"),
		     p5 = add_person("Ny Chakrya"), k1 = add_case("NagaWorld strike", &p1),
		     k2 = add_case("Treason", &p2), k3 = add_case("Incitement", &p3),
		     k4 = add_case("Land protest", &p4), k5 = add_case("Defamation", &p5), a, b;

	/* The week's hearing told by the team and the UN: one hearing, one verdict, one bail
	 * decision; each account gives a next date in the agenda's weeks: one hearing to come. */
	a = add_hearing(&k1, CW_VIEW_OWN, "2024-05-08", CW_OUTCOME_VERDICT, CW_BAIL_GRANTED,
			"2024-05-20", NULL, &p1);
	(void)add_hearing(&k1, CW_VIEW_UN, "2024-05-08", CW_OUTCOME_VERDICT, CW_BAIL_GRANTED,
			  "2024-05-22", &a, &p1);
	/* The same in the week before, for the count of the previous period. */
	a = add_hearing(&k4, CW_VIEW_OWN, "2024-04-30", CW_OUTCOME_VERDICT, CW_BAIL_REFUSED, NULL,
			NULL, &p4);
	(void)add_hearing(&k4, CW_VIEW_UN, "2024-04-30", CW_OUTCOME_VERDICT, CW_BAIL_REFUSED, NULL,
			  &a, &p4);
	/* Before the window, a hearing that set 21 May, the government's account of it, and the
	 * UN's, linked to the government's only, a day off and setting a date of its own: read as
	 * another hearing, it would be a later one that did away with 21 May. */
	a = add_hearing(&k2, CW_VIEW_OWN, "2024-04-22", CW_OUTCOME_ADJOURNED, CW_BAIL_UNKNOWN,
			"2024-05-21", NULL, NULL);
	b = add_hearing(&k2, CW_VIEW_GOVERNMENT, "2024-04-22", CW_OUTCOME_ADJOURNED,
			CW_BAIL_UNKNOWN, NULL, &a, NULL);
	(void)add_hearing(&k2, CW_VIEW_UN, "2024-04-23", CW_OUTCOME_ADJOURNED, CW_BAIL_UNKNOWN,
			  "2024-05-24", &b, NULL);
	/* A next date given only to May, and the same: the UN's account, linked through the
	 * government's, dated in May: read as another hearing, the sitting of that month. */
	a = add_hearing(&k3, CW_VIEW_OWN, "2024-04-25", CW_OUTCOME_ADJOURNED, CW_BAIL_UNKNOWN,
			"2024-05", NULL, NULL);
	b = add_hearing(&k3, CW_VIEW_GOVERNMENT, "2024-04-25", CW_OUTCOME_ADJOURNED,
			CW_BAIL_UNKNOWN, NULL, &a, NULL);
	(void)add_hearing(&k3, CW_VIEW_UN, "2024-05-02", CW_OUTCOME_ADJOURNED, CW_BAIL_UNKNOWN,
			  NULL, &b, NULL);
	/* The NGO's account of a hearing and the team's, each linked to the government's: under
	 * --account own,ngo one hearing, joined through the account left out. */
	a = add_hearing(&k5, CW_VIEW_GOVERNMENT, "2024-05-09", CW_OUTCOME_ADJOURNED,
			CW_BAIL_UNKNOWN, NULL, NULL, NULL);
	b = add_hearing(&k5, CW_VIEW_NGO, "2024-05-09", CW_OUTCOME_ADJOURNED, CW_BAIL_UNKNOWN, NULL,
			&a, NULL);
	(void)add_hearing(&k5, CW_VIEW_OWN, "2024-05-09", CW_OUTCOME_ADJOURNED, CW_BAIL_UNKNOWN,
			  NULL, &a, NULL);
}

/* The report of the week under filter f as JSON, or NULL with *rc and err when it failed; at
 * not 0: built with allocation `at` failing (arm). */
static char *report_json(const struct cw_filter *f, long at, int *rc, struct cw_error *err)
{
	struct cw_date from = D("2024-05-06"), to = D("2024-05-12");
	struct cw_report r;
	char *text = NULL;
	size_t len = 0;
	FILE *mem;

	if (at)
		cw_failalloc_arm(at);
	*rc = cw_report_build(st, f, from, to, &r, err);
	cw_failalloc_arm(0);
	if (*rc == 0) {
		ck_assert_ptr_nonnull(mem = open_memstream(&text, &len));
		ck_assert_int_eq(cw_report_write(&r, CW_REPORT_JSON, mem, err), 0);
		ck_assert_int_eq(fclose(mem), 0);
	}
	cw_report_free(&r);
	return text;
}

/* The agenda of 13-26 May as one line per item: its day, its record, the hearing it shares. */
static char *agenda_text(long at, int *rc, struct cw_error *err)
{
	struct cw_date from = D("2024-05-13"), to = D("2024-05-26");
	struct cw_filter none;
	struct cw_agenda a;
	char *text = NULL;
	size_t len = 0;
	FILE *mem;

	cw_filter_init(&none);
	if (at)
		cw_failalloc_arm(at);
	*rc = cw_agenda_build(st, &none, from, to, NULL, &a, err);
	cw_failalloc_arm(0);
	if (*rc == 0) {
		ck_assert_ptr_nonnull(mem = open_memstream(&text, &len));
		for (size_t i = 0; i < a.n; i++) {
			const struct cw_agenda_item *it = &a.items[i];

			fprintf(mem, "%04d-%02d-%02d %d %02x%02x%02x%02x %zu\n", it->day.year,
				it->day.month, it->day.day, (int)it->what, it->rec->id.b[0],
				it->rec->id.b[1], it->rec->id.b[2], it->rec->id.b[3], it->hearing);
		}
		ck_assert_int_eq(fclose(mem), 0);
	}
	cw_agenda_free(&a);
	return text;
}

/* The line of got where it first differs from want (got and want differ), for a message. */
static const char *first_difference(const char *got, const char *want, char *buf, size_t len)
{
	size_t i = 0, start, end;

	while (got[i] && got[i] == want[i])
		i++;
	for (start = i; start > 0 && got[start - 1] != '\n';)
		start--;
	for (end = i; got[end] && got[end] != '\n';)
		end++;
	snprintf(buf, len, "%.*s", (int)(end - start), got + start);
	return buf;
}

/* Builds with no allocation failing, then with each in turn failing, until one builds with
 * fewer allocations than the one set to fail: each fails out of memory, or gives the same. */
static void each_allocation_fails(const struct cw_filter *f, int agenda, const char *what)
{
	struct cw_error err;
	char *want, *got, line[200];
	long at, failed = 0;
	int rc;

	want = agenda ? agenda_text(0, &rc, &err) : report_json(f, 0, &rc, &err);
	ck_assert_msg(rc == 0, "%s: %s", what, err.message);
	for (at = 1;; at++) {
		got = agenda ? agenda_text(at, &rc, &err) : report_json(f, at, &rc, &err);
		if (!cw_failalloc_fired()) {
			require_msg(rc == 0 && got && !strcmp(got, want), "%s: no fault", what);
			free(got);
			break;
		}
		if (rc != 0) {
			require_msg(rc == CW_ENOMEM && strstr(err.message, "out of memory"),
				    "%s: allocation %ld failed: %d %s", what, at, rc, err.message);
			failed++;
		} else {
			require_msg(!strcmp(got, want),
				    "%s: allocation %ld failed and the build went on, another "
				    "answer, at \"%s\"",
				    what, at, first_difference(got, want, line, sizeof line));
		}
		free(got);
	}
	free(want);
	/* Not a sweep over nothing: allocations were made and some failed the build. */
	ck_assert_msg(at > 10 && failed > 0, "%s: %ld allocations, %ld failed", what, at - 1,
		      failed);
}

START_TEST(a_report_never_reads_no_memory_as_no_links)
{
	struct cw_filter none;

	add_records();
	cw_filter_init(&none);
	each_allocation_fails(&none, 0, "report");
}
END_TEST

START_TEST(a_filtered_report_never_reads_no_memory_as_no_links)
{
	struct cw_filter f;
	struct cw_error err;

	add_records();
	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_set(&f, "account", "own,ngo", &err), 0);
	each_allocation_fails(&f, 0, "report --account own,ngo");
}
END_TEST

START_TEST(an_agenda_never_reads_no_memory_as_no_links)
{
	add_records();
	each_allocation_fails(NULL, 1, "agenda");
}
END_TEST

static Suite *report_oom_suite(void)
{
	Suite *s = suite_create("report_oom");
	TCase *tc = tcase_create("report_oom");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, a_report_never_reads_no_memory_as_no_links);
	tcase_add_test(tc, a_filtered_report_never_reads_no_memory_as_no_links);
	tcase_add_test(tc, an_agenda_never_reads_no_memory_as_no_links);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	/* One day throughout, whenever the sweep runs: the agenda's today, the report's. */
	setenv("CASEWATCH_NOW", "2024-05-12T09:00:00Z", 1);
	return run_suite(report_oom_suite());
}
