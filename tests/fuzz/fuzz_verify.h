/* fuzz_verify.h - after a fuzz target's input was written into a store, the store must pass
 * the checks of `casewatch verify` (cw_store_verify): an accepted input never leaves an
 * inconsistent database. */
#ifndef CW_FUZZ_VERIFY_H
#define CW_FUZZ_VERIFY_H

#include "tests/fuzz/fuzz.h"
#include "store/store.h"

static inline void fuzz_verify_problem(void *ctx, const char *problem)
{
	(void)ctx;
	fprintf(stderr, "fuzz: verify: %s\n", problem);
}

static inline void fuzz_verify(struct cw_store *st, const char *after)
{
	struct cw_verify_stats stats;
	struct cw_error err;

	FUZZ_CHECK(cw_store_verify(st, fuzz_verify_problem, NULL, &stats, &err) == 0,
		   "verify fails after %s: %s", after, err.message);
	FUZZ_CHECK(stats.problems == 0, "verify finds %zu problems after %s", stats.problems,
		   after);
}

#endif
