/* compact.c - rewriting data.mdb without its free pages, its pages filled; see store.h.
 *
 * LMDB never shrinks its file: every write transaction copies the pages it changes, and the
 * old copies become free pages that later writes reuse but the file keeps. After a bulk load
 * (an import, a seed, a large bundle) a third or more of the file can be free pages. And a
 * B-tree filled in random key order (every index: people, articles and dates arrive in no
 * order) leaves its leaves half to two-thirds full.
 *
 * So the compacted file is not a copy of the pages (LMDB's mdb_env_copyfd2 with
 * MDB_CP_COMPACT keeps each page as full as it was) but a new environment written table by
 * table in key order with MDB_APPEND, which fills every page before it starts the next:
 * measured on the benchmark's million records, the indexes shrink by about a third (see
 * bench/RESULTS.md). The values are copied as they are (sealed values stay sealed: their
 * associated data names the table and key, not the page), so no key is needed.
 *
 * The new environment is the temporary file of a cw_outfile beside data.mdb (mode 0600),
 * opened by LMDB without a lock file (nothing else can know of it) and without syncing each of
 * its commits: it is synced once when whole, then renamed over data.mdb, only when no other
 * process has the database open and nothing was written since the copy began: a process that
 * kept the old file open would go on writing into it, and its changes would be lost. A crash
 * before the rename leaves data.mdb as it was. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/outfile.h"
#include "store/store_internal.h"

#define COMPACT_RESIZE_TRIES 4
/* Bytes of keys and values a write transaction of the copy takes before it commits: the pages
 * it fills stay in memory until then, and LMDB keeps them for reuse. At 64 MiB, compacting
 * the benchmark's 171 MiB file held 84 MiB of heap, at 16 MiB 23 MiB, in the same time (the
 * copy is not synced until its end, so a commit costs little). */
#define REPACK_TXN_BYTES ((size_t)16 << 20)
/* Named databases a file may hold: more than this version has, so a file a newer casewatch
 * wrote with more tables is copied whole. */
#define REPACK_MAX_DBS 256

static int open_env(const char *dir, MDB_env **env, struct cw_error *err)
{
	int rc;

	if ((rc = mdb_env_create(env)) != 0)
		return cw_store_lmdb_error(NULL, rc, "opening the database", err);
	if ((rc = mdb_env_set_maxdbs(*env, REPACK_MAX_DBS)) != 0 ||
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

static int refused_in_use(const char *dir, long pid, struct cw_error *err)
{
	if (!pid)
		return cw_error_set(err, CW_EREFUSED, "database",
				    "another process has %.300s open: close every casewatch on it, "
				    "then compact it",
				    dir);
	return cw_error_set(err, CW_EREFUSED, "database",
			    "another process (pid %ld) has %.300s open: close every casewatch on "
			    "it, then compact it",
			    pid, dir);
}

static int refuse_in_use(const char *dir, struct cw_error *err)
{
	long pid;
	int rc = cw_store_in_use(dir, &pid, err);

	return rc <= 0 ? rc : refused_in_use(dir, pid, err);
}

static int hold_alone(const char *dir, struct cw_store_alone *a, struct cw_error *err)
{
	long pid;
	int rc = cw_store_alone_begin(dir, a, &pid, err);

	return rc == 1 ? refused_in_use(dir, pid, err) : rc;
}

struct repack {
	MDB_env *dst;
	MDB_txn *w;
	size_t pending; /* bytes put since w began */
};

static int repack_commit(struct repack *r)
{
	int rc = mdb_txn_commit(r->w);

	r->w = NULL;
	r->pending = 0;
	return rc != 0 ? rc : mdb_txn_begin(r->dst, NULL, 0, &r->w);
}

/* Copies the table `name` in key order, appending, and checks that every entry arrived. */
static int repack_table(struct repack *r, MDB_txn *rd, const char *name)
{
	MDB_dbi from, to;
	MDB_cursor *cur = NULL, *out = NULL;
	MDB_stat a, b;
	unsigned flags;
	MDB_val k, v;
	int rc;

	if ((rc = mdb_dbi_open(rd, name, 0, &from)) != 0 ||
	    (rc = mdb_dbi_flags(rd, from, &flags)) != 0 ||
	    (rc = mdb_dbi_open(r->w, name,
			       MDB_CREATE |
				       (flags & (MDB_REVERSEKEY | MDB_DUPSORT | MDB_INTEGERKEY |
						 MDB_DUPFIXED | MDB_INTEGERDUP | MDB_REVERSEDUP)),
			       &to)) != 0 ||
	    (rc = mdb_cursor_open(rd, from, &cur)) != 0)
		return rc;
	while ((rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) == 0) {
		if (!out && (rc = mdb_cursor_open(r->w, to, &out)) != 0)
			break;
		/* The order read is the order of the new table: each key goes after the last. */
		if ((rc = mdb_cursor_put(out, &k, &v,
					 flags & MDB_DUPSORT ? MDB_APPENDDUP : MDB_APPEND)) != 0)
			break;
		r->pending += k.mv_size + v.mv_size;
		if (r->pending >= REPACK_TXN_BYTES) {
			mdb_cursor_close(out);
			out = NULL;
			if ((rc = repack_commit(r)) != 0)
				break;
		}
	}
	if (out)
		mdb_cursor_close(out);
	mdb_cursor_close(cur);
	if (rc != MDB_NOTFOUND)
		return rc;
	/* Every entry arrived: a copy that lost one must not replace the file. */
	if ((rc = mdb_stat(rd, from, &a)) != 0 || (rc = mdb_stat(r->w, to, &b)) != 0)
		return rc;
	return a.ms_entries == b.ms_entries ? 0 : MDB_CORRUPTED;
}

/* Writes the environment src holds into the empty file at path, table by table. */
static int repack(MDB_env *src, const char *path)
{
	struct repack r = {NULL, NULL, 0};
	MDB_envinfo info;
	MDB_stat ms;
	MDB_txn *rd = NULL;
	MDB_dbi main_dbi;
	MDB_cursor *cur = NULL;
	MDB_val k, v;
	char name[512];
	int rc;

	rc = MDB_MAP_RESIZED;
	for (int i = 0; i < COMPACT_RESIZE_TRIES && rc == MDB_MAP_RESIZED; i++)
		if ((rc = mdb_txn_begin(src, NULL, MDB_RDONLY, &rd)) == MDB_MAP_RESIZED)
			mdb_env_set_mapsize(src, 0);
	if (rc != 0)
		return rc;
	mdb_env_info(src, &info);
	mdb_env_stat(src, &ms);
	/* Room for twice the pages in use: the copy of this version's tables is never larger,
	 * but one of a file written with larger pages, or with tables of duplicates, can be; and
	 * the map only reserves addresses (the file grows as it is written). */
	if ((rc = mdb_env_create(&r.dst)) != 0)
		goto out;
	if ((rc = mdb_env_set_maxdbs(r.dst, REPACK_MAX_DBS)) != 0 ||
	    (rc = mdb_env_set_mapsize(r.dst, 2 * ((size_t)info.me_last_pgno + 1) * ms.ms_psize +
						     ((size_t)64 << 20))) != 0 ||
	    (rc = mdb_env_open(r.dst, path, MDB_NOSUBDIR | MDB_NOLOCK | MDB_NOSYNC | MDB_NOTLS,
			       0600)) != 0 ||
	    (rc = mdb_txn_begin(r.dst, NULL, 0, &r.w)) != 0 ||
	    (rc = mdb_dbi_open(rd, NULL, 0, &main_dbi)) != 0 ||
	    (rc = mdb_cursor_open(rd, main_dbi, &cur)) != 0)
		goto out;
	/* The main table names the tables; an entry of it that is not a table is copied as it
	 * is (this version writes none). */
	while ((rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) == 0) {
		MDB_dbi probe;
		int copied;

		if (k.mv_size >= sizeof name || memchr(k.mv_data, '\0', k.mv_size)) {
			copied = mdb_put(r.w, main_dbi, &k, &v, 0);
		} else {
			memcpy(name, k.mv_data, k.mv_size);
			name[k.mv_size] = '\0';
			copied = mdb_dbi_open(rd, name, 0, &probe);
			if (copied == MDB_INCOMPATIBLE) /* a plain entry */
				copied = mdb_put(r.w, main_dbi, &k, &v, 0);
			else if (copied == 0)
				copied = repack_table(&r, rd, name);
		}
		/* Kept apart from the walk's own end (MDB_NOTFOUND), which a failed copy must
		 * never be taken for. */
		if (copied != 0) {
			rc = copied == MDB_NOTFOUND ? MDB_CORRUPTED : copied;
			break;
		}
	}
	if (rc == MDB_NOTFOUND) {
		rc = mdb_txn_commit(r.w);
		r.w = NULL;
	}
	if (rc == 0)
		rc = mdb_env_sync(r.dst, 1);
out:
	if (cur)
		mdb_cursor_close(cur);
	if (r.w)
		mdb_txn_abort(r.w);
	if (rd)
		mdb_txn_abort(rd);
	if (r.dst)
		mdb_env_close(r.dst);
	return rc;
}

int cw_store_compact(const char *dir, struct cw_compact_stats *stats, struct cw_error *err)
{
	char path[4200], tmp[sizeof path];
	struct cw_outfile o;
	struct cw_store_alone alone = {-1};
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
	/* LMDB opens the temporary by a path: its name, or for an unnamed one, its descriptor's. */
	if (o.tmp[0])
		snprintf(tmp, sizeof tmp, "%s", o.tmp);
	else
		snprintf(tmp, sizeof tmp, "/proc/self/fd/%d", fileno(o.f));
	rc = repack(env, tmp);
	mdb_env_close(env);
	if (rc != 0) {
		/* LMDB meets a full disk as ENOSPC, or as a short write (EIO). */
		int full = rc == ENOSPC || rc == EDQUOT ||
			   ((rc == EIO || rc == MDB_PANIC) && cw_disk_full(NULL, fileno(o.f)));

		rc = full ? cw_error_set(err, CW_EIO, "database",
					 "the disk is full: %.300s was left as it was", dir)
			  : cw_store_lmdb_error(NULL, rc, "compacting the database", err);
		return cw_outfile_close(&o, rc, err);
	}
	if (fstat(fileno(o.f), &sb) == 0)
		stats->after = (uint64_t)sb.st_size;
	stats->free_before = free_pages * psize;
	/* Synced before the hold, so that the opens waiting on it wait for a rename only. */
	if (fflush(o.f) != 0 || fsync(fileno(o.f)) != 0) {
		rc = cw_error_set(err, CW_EIO, "database", "cannot write the copy of %.300s: %s",
				  dir, strerror(errno));
		return cw_outfile_close(&o, rc, err);
	}
	/* Still nobody else, and nothing written since the copy began; and nobody opens the old
	 * file from the check to the rename. */
	if ((rc = hold_alone(dir, &alone, err)) == 0 &&
	    (rc = cw_store_last_txn(dir, &now, err)) == 0 && now != txnid)
		rc = cw_error_set(err, CW_EREFUSED, "database",
				  "%.300s was changed while it was being compacted: run compact "
				  "again",
				  dir);
	rc = cw_outfile_close(&o, rc, err);
	cw_store_alone_end(&alone);
	return rc;
}
