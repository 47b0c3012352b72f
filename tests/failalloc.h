/* failalloc.h - allocations that fail on demand, for the tests of what runs out of memory.
 *
 * A source compiled with FAILALLOC_CFLAGS (Makefile.am: malloc, calloc, realloc and strdup
 * renamed to the cw_test_ functions below) allocates through them. While armed, the allocation
 * numbered `at` (from 1, counted from the arming) fails, and only that one; otherwise, and in
 * every source compiled without those flags, allocation is libc's. */
#ifndef CW_TESTS_FAILALLOC_H
#define CW_TESTS_FAILALLOC_H

#include <stddef.h>

/* Arms: allocation `at` fails. 0 disarms, keeping what cw_failalloc_fired says. */
void cw_failalloc_arm(long at);
/* Whether the allocation armed for failed since the arming: a run in which none failed needed
 * fewer allocations than `at`, the last of a loop over each in turn. */
int cw_failalloc_fired(void);

void *cw_test_malloc(size_t size);
void *cw_test_calloc(size_t n, size_t size);
void *cw_test_realloc(void *p, size_t size);
char *cw_test_strdup(const char *s);

#endif
