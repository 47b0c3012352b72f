/* failalloc.c - allocations that fail on demand (failalloc.h). Compiled without the renames:
 * malloc here is libc's. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tests/failalloc.h"

static int armed, fired;
static long allocs, fail_at;

void cw_failalloc_arm(long at)
{
	armed = at != 0;
	if (!armed)
		return;
	allocs = 0;
	fail_at = at;
	fired = 0;
}

int cw_failalloc_fired(void)
{
	return fired;
}

static int fails(void)
{
	if (!armed || ++allocs != fail_at)
		return 0;
	fired = 1;
	return 1;
}

void *cw_test_malloc(size_t size)
{
	return fails() ? NULL : malloc(size);
}

void *cw_test_calloc(size_t n, size_t size)
{
	return fails() ? NULL : calloc(n, size);
}

void *cw_test_realloc(void *p, size_t size)
{
	return fails() ? NULL : realloc(p, size);
}

char *cw_test_strdup(const char *s)
{
	return fails() ? NULL : strdup(s);
}
