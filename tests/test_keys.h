/* test_keys.h - the check suites run on encrypted stores, as a monitor's are: one random master
 * key per test process, given to every store a test creates and to every reopening.
 * CASEWATCH_TEST_PLAIN=1 runs them on plain stores instead. */
#ifndef CW_TEST_KEYS_H
#define CW_TEST_KEYS_H

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "store/store.h"
#include "store/vault.h"

static uint8_t test_master[CW_VAULT_KEY_BYTES];
static int test_master_made;

static int test_key(void *ctx, const char *dir, const struct cw_id *database, struct cw_vault **out,
		    struct cw_error *err)
{
	(void)ctx;
	(void)dir;
	(void)database;
	return cw_vault_from_master(test_master, out, err);
}

/* Gives opt the test key: a vault to create an encrypted store with (when dir holds no
 * database yet) and the provider that opens it again. */
static inline void test_key_options(struct cw_store_options *opt, const char *dir)
{
	char path[4200];
	struct stat sb;

	if (getenv("CASEWATCH_TEST_PLAIN"))
		return;
	if (!test_master_made) {
		if (sodium_init() < 0)
			abort();
		randombytes_buf(test_master, sizeof test_master);
		test_master_made = 1;
	}
	opt->get_key = test_key;
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (opt->create && stat(path, &sb) != 0 &&
	    cw_vault_from_master(test_master, &opt->vault, NULL) != 0)
		abort();
}

#endif
