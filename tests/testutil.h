/* testutil.h - helpers shared by the check suites: temporary directories per test. */
#ifndef CW_TESTUTIL_H
#define CW_TESTUTIL_H

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

#endif
