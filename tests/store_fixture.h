/* store_fixture.h - a fresh store in a temporary directory for each test (check's
 * tcase_add_checked_fixture(tc, setup, teardown)), for suites that test above the store. */
#ifndef CW_STORE_FIXTURE_H
#define CW_STORE_FIXTURE_H

#include "store/store.h"
#include "tests/test_keys.h"
#include "tests/testutil.h"

static char *dir;
static struct cw_store *st;

static void setup(void)
{
	struct cw_store_options opt = {.author = "tester", .create = 1};
	struct cw_error err;

	dir = make_temp_dir();
	ck_assert_ptr_nonnull(dir);
	test_key_options(&opt, dir);
	ck_assert_msg(cw_store_open(dir, &opt, &st, &err) == 0, "%s", err.message);
}

static void teardown(void)
{
	cw_store_close(st);
	st = NULL;
	rm_tree(dir);
}

#endif
