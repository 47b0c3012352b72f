/* store_internal.h - what store.c and query.c share; not part of the store's contract. */
#ifndef CW_STORE_INTERNAL_H
#define CW_STORE_INTERNAL_H

#include <lmdb.h>

#include "store.h"

enum cw_db {
	DB_META,
	DB_RECORDS,
	DB_RECORD_KEYS,
	DB_BY_KIND,
	DB_BY_DATE,
	DB_BY_ARTICLE,
	DB_BY_PERSON,
	DB_BY_CASE,
	DB_BY_COURT,
	DB_BY_PROVINCE,
	DB_NAMES,
	DB_AUDIT,
	DB_COUNT
};

#define NAME_HASH_LEN 8
#define ID_LEN        16
#define DATE_LEN      4
#define TAIL_LEN      (DATE_LEN + ID_LEN) /* every index key ends with date and id */

struct cw_store {
	MDB_env *env;
	MDB_dbi dbi[DB_COUNT];
	struct cw_id database_id;
	uint8_t name_key[32];
	uint32_t schema_version;
	size_t map_size;
	char *author;
	int read_only;
};

struct cw_txn {
	struct cw_store *st;
	MDB_txn *txn;
	int map_full; /* set when LMDB said MDB_MAP_FULL: the writer grows the map and retries */
};

/* Maps an LMDB return code to a project error with a message saying what was being done. */
int cw_store_lmdb_error(struct cw_txn *t, int rc, const char *what, struct cw_error *err);

/* Begins a read transaction, adopting a map grown by another process. */
int cw_store_begin_read(struct cw_store *st, MDB_txn **txn, struct cw_error *err);

/* Reads and decodes a record inside any transaction. */
int cw_store_read_record(struct cw_store *st, MDB_txn *txn, const struct cw_id *id,
			 struct cw_record *rec, struct cw_error *err);

/* The keyed hash that stands for a court, province or facility name in keys. */
void cw_store_name_hash(const struct cw_store *st, const char *name,
			uint8_t out[NAME_HASH_LEN]);

/* Appends a copy of rec (taking ownership of its contents) to the list. */
int cw_record_list_push(struct cw_record_list *l, struct cw_record *rec);

#endif
