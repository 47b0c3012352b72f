/* testutil.h - helpers shared by the check suites: temporary directories per test. */
#ifndef CW_TESTUTIL_H
#define CW_TESTUTIL_H

#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A fresh directory under $TMPDIR (or /tmp); removed by rm_tree. */
static inline char *make_temp_dir(void)
{
	const char *base = getenv("TMPDIR");
	char *path = malloc(4096);

	snprintf(path, 4096, "%s/casewatch-test-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(path)) {
		free(path);
		return NULL;
	}
	return path;
}

static inline void rm_tree(char *path)
{
	char cmd[4200];

	if (!path)
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", path);
	free(path);
}

/* ck_assert_msg for the loops that assert many times: check records every assertion that passes
 * with a write(2) to its message file, which the runner then reads back, and hundreds of
 * thousands of them cost minutes under the sanitizers. This one does nothing while expr holds;
 * when it does not, the test fails with "Assertion 'expr' failed: " and the message (a string
 * literal, then its arguments), which must name the item that failed: no passing assertion
 * marks where the loop was. */
#define require_msg(expr, ...)                                                                     \
	do {                                                                                       \
		if (!(expr))                                                                       \
			ck_abort_msg("Assertion '" #expr "' failed: " __VA_ARGS__);                \
	} while (0)

/* Runs a suite in check's fork mode (a crash fails one test, not the run) with a UTF-8
 * character type, as casewatch itself sets (wcwidth needs it); the exit status of main. */
static inline int run_suite(Suite *suite)
{
	SRunner *sr;
	int failed;

	setlocale(LC_ALL, "C.UTF-8");
	sr = srunner_create(suite);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif