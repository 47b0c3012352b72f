/* damage_fixture.h - a record that no longer opens, for the suites that use store_fixture.h:
 * damage_record() flips a bit of the sealed value of record id behind the store's back, as
 * tests/tamper does for the command line's tests, so that it fails its authentication. The
 * store is closed meanwhile (LMDB opens a file once per process) and opened again. */
#ifndef CW_DAMAGE_FIXTURE_H
#define CW_DAMAGE_FIXTURE_H

#include <lmdb.h>

#include "tests/store_fixture.h"

static inline void damage_record(const struct cw_id *id)
{
	struct cw_store_options opt = {.author = "tester"};
	struct cw_error err;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {sizeof id->b, (void *)id->b}, v;
	unsigned char *copy;

	cw_store_close(st);
	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 64);
	ck_assert_int_eq(mdb_env_set_mapsize(env, (size_t)1 << 32), 0);
	ck_assert_int_eq(mdb_env_open(env, dir, 0, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "records", 0, &dbi), 0);
	ck_assert_int_eq(mdb_get(txn, dbi, &k, &v), 0);
	ck_assert_ptr_nonnull(copy = malloc(v.mv_size));
	memcpy(copy, v.mv_data, v.mv_size);
	copy[v.mv_size - 1] ^= 1;
	v.mv_data = copy;
	ck_assert_int_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	free(copy);
	test_key_options(&opt, dir);
	ck_assert_msg(cw_store_open(dir, &opt, &st, &err) == 0, "%s", err.message);
}

#endif
