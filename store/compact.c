/* compact.c - rewriting data.mdb without its free pages; see store.h.
 *
 * LMDB never shrinks its file: every write transaction copies the pages it changes, and the
 * old copies become free pages that later writes reuse but the file keeps. After a bulk load
 * (an import, a seed, a large bundle) a third or more of the file can be free pages. The
 * compacted copy is LMDB's own (mdb_env_copyfd2 with MDB_CP_COMPACT, as backups use): the live
 * pages only, renumbered, the values copied as they are (sealed values stay sealed, so no key
 * is needed). It is written beside data.mdb (store/outfile.c: mode 0600, synced) and renamed
 * over it only when no other process has the database open and nothing was written since the
 * copy began: a process that kept the old file open would go on writing into it, and its
 * changes would be lost. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/outfile.h"
#include "store/store_internal.h"

#define COMPACT_RESIZE_TRIES 4

static int open_env(const char *dir, MDB_env **env, struct cw_error *err)
{
	int rc;

	if ((rc = mdb_env_create(env)) != 0)
		return cw_store_lmdb_error(NULL, rc, "opening the database", err);
	if ((rc = mdb_env_set_maxdbs(*env, DB_COUNT)) != 0 ||
	    (rc = mdb_env_open(*env, dir, MDB_RDONLY | MDB_NOTLS, 0600)) != 0) {
		mdb_env_close(*env);
		*env = NULL;
		return cw_error_set(err, CW_EDB, "database", "cannot open %.300s: %s", dir,
				    mdb_strerror(rc));
	}
	return 0;
}

/* Pages in use and free pages of an open environment, read in one read transaction: the free
 * database (LMDB's table 0) holds lists of page numbers, each led by its length. */
static int page_counts(MDB_env *env, uint64_t *used, uint64_t *free_pages, uint64_t *txnid,
		       uint64_t *page_size)
{
	MDB_envinfo info;
	MDB_stat ms;
	MDB_txn *txn;
	MDB_cursor *cur;
	MDB_val k, v;
	int rc;

	*free_pages = 0;
	if ((rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &txn)) != 0)
		return rc;
	mdb_env_info(env, &info);
	mdb_env_stat(env, &ms);
	*page_size = ms.ms_psize;
	*used = (uint64_t)info.me_last_pgno + 1;
	*txnid = (uint64_t)info.me_last_txnid;
	if ((rc = mdb_cursor_open(txn, 0, &cur)) == 0) {
		while ((rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) == 0)
			if (v.mv_size >= sizeof(size_t))
				*free_pages += *(const size_t *)v.mv_data;
		mdb_cursor_close(cur);
	}
	mdb_txn_abort(txn);
	return rc == MDB_NOTFOUND ? 0 : rc;
}

int cw_store_free_space(const char *dir, uint64_t *file_bytes, uint64_t *free_bytes,
			struct cw_error *err)
{
	MDB_env *env;
	uint64_t used, free_pages, txnid, psize;
	int rc;

	*file_bytes = *free_bytes = 0;
	if ((rc = open_env(dir, &env, err)) != 0)
		return rc;
	rc = page_counts(env, &used, &free_pages, &txnid, &psize);
	mdb_env_close(env);
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "reading the free pages", err);
	*file_bytes = used * psize;
	*free_bytes = free_pages * psize;
	return 0;
}

static int refuse_in_use(const char *dir, struct cw_error *err)
{
	long pid;
	int rc = cw_store_in_use(dir, &pid, err);

	if (rc <= 0)
		return rc;
	return cw_error_set(err, CW_EREFUSED, "database",
			    "another process (pid %ld) has %.300s open: close every casewatch on "
			    "it, then compact it",
			    pid, dir);
}

int cw_store_compact(const char *dir, struct cw_compact_stats *stats, struct cw_error *err)
{
	char path[4200];
	struct cw_outfile o;
	struct stat sb;
	MDB_env *env = NULL;
	uint64_t used, free_pages, txnid = 0, now, psize;
	int rc;

	memset(stats, 0, sizeof *stats);
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (stat(path, &sb) != 0)
		return cw_error_set(err, CW_ENOTFOUND, "database", "no database in %.300s", dir);
	stats->before = (uint64_t)sb.st_size;
	/* Nobody else may have it open: checked before this process opens it (the probe cannot
	 * see this process's own lock), and again after it closed it. */
	if ((rc = refuse_in_use(dir, err)) != 0 || (rc = open_env(dir, &env, err)) != 0)
		return rc;
	if ((rc = page_counts(env, &used, &free_pages, &txnid, &psize)) != 0) {
		mdb_env_close(env);
		return cw_store_lmdb_error(NULL, rc, "reading the free pages", err);
	}
	if ((rc = cw_outfile_open(&o, path, NULL, err)) != 0) {
		mdb_env_close(env);
		return rc;
	}
	rc = MDB_MAP_RESIZED;
	for (int i = 0; i < COMPACT_RESIZE_TRIES && rc == MDB_MAP_RESIZED; i++) {
		if (ftruncate(fileno(o.f), 0) != 0 || lseek(fileno(o.f), 0, SEEK_SET) != 0) {
			rc = errno;
			break;
		}
		if ((rc = mdb_env_copyfd2(env, fileno(o.f), MDB_CP_COMPACT)) == MDB_MAP_RESIZED)
			mdb_env_set_mapsize(env, 0);
	}
	mdb_env_close(env);
	if (rc != 0) {
		rc = rc == ENOSPC ? cw_error_set(err, CW_EIO, "database",
						 "the disk is full: %.300s was left as it was", dir)
				  : cw_store_lmdb_error(NULL, rc, "compacting the database", err);
		return cw_outfile_close(&o, rc, err);
	}
	if (fstat(fileno(o.f), &sb) == 0)
		stats->after = (uint64_t)sb.st_size;
	/* Still nobody else, and nothing written since the copy began. */
	if ((rc = cw_store_last_txn(dir, &now, err)) == 0 && (rc = refuse_in_use(dir, err)) == 0 &&
	    now != txnid)
		rc = cw_error_set(err, CW_EREFUSED, "database",
				  "%.300s was changed while it was being compacted: run compact "
				  "again",
				  dir);
	stats->free_before = free_pages * psize;
	return cw_outfile_close(&o, rc, err);
}
