/* report_fixture.h - what the report's suites put in the fixture's store (store_fixture.h):
 * a date from its text, a new record, a person by name. */
#ifndef CW_REPORT_FIXTURE_H
#define CW_REPORT_FIXTURE_H

#include "tests/store_fixture.h"

static struct cw_date D(const char *text) {
	struct cw_date d;

	ck_assert_int_eq(cw_date_parse(text, &d, "date", NULL), 0);
	return d;
}

static void
put(struct cw_record *r)
{
	struct cw_error err;

	ck_assert_msg(cw_store_put(st, r, CW_PUT_NEW, &err) == 0, "%s: %s", err.field, err.message);
}

static struct cw_id add_person(const char *name)
{
	struct cw_record r;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_PERSON);
	r.u.person.name = strdup(name);
	put(&r);
	id = r.id;
	cw_record_free(&r);
	return id;
}

#endif
