/* peers.c - peers: the databases bundles were exported to, and how far each has been sent
 * the audit log; see sync.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sync_internal.h"

int cw_sync_peer_get(struct cw_store *st, MDB_txn *txn, const char *name, uint64_t *seq,
		     int64_t *time, struct cw_error *err)
{
	uint8_t key[PEER_KEY_MAX];
	MDB_val k = {0, key}, v;
	struct cw_buf buf = {0};
	int rc;

	*seq = 0;
	*time = 0;
	if (!st->sync_ready)
		return 0;
	k.mv_size = cw_store_peer_key(st, name, key);
	rc = cw_val_get(st, txn, DB_PEERS, &k, &v, &buf, err);
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc != 0) {
		cw_buf_free(&buf);
		return cw_store_lmdb_error(NULL, rc, "reading peers", err);
	}
	/* seq(8) time(8), then the name in an encrypted database (its key is a tag). */
	if (v.mv_size >= 16) {
		*seq = get_be64(v.mv_data);
		*time = (int64_t)get_be64((const uint8_t *)v.mv_data + 8);
	}
	cw_buf_free(&buf);
	return 0;
}

struct peer_mark {
	const char *name;
	uint64_t seq;
};

static int peer_mark_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	struct peer_mark *m = ctx;
	uint8_t val[16 + PEER_KEY_MAX], key[PEER_KEY_MAX];
	size_t nlen = strlen(m->name) < PEER_KEY_MAX ? strlen(m->name) : PEER_KEY_MAX;
	MDB_val k = {0, key};
	int rc;

	k.mv_size = cw_store_peer_key(t->st, m->name, key);
	put_be64(val, m->seq);
	put_be64(val + 8, (uint64_t)cw_now_us());
	memcpy(val + 16, m->name, nlen);
	/* A plain database keeps the name as the key alone (as it always has). */
	if ((rc = cw_val_put(t, DB_PEERS, &k, val, 16 + (t->st->vault ? nlen : 0), 0)) != 0)
		return cw_store_lmdb_error(t, rc, "remembering the peer", err);
	return 0;
}

int cw_sync_peer_mark(struct cw_store *st, const char *name, uint64_t seq, struct cw_error *err)
{
	struct peer_mark m = {name, seq};

	return cw_store_write(st, peer_mark_fn, &m, err);
}

int cw_sync_peers(struct cw_store *st, struct cw_peer **out, size_t *n, struct cw_error *err)
{
	struct cw_peer *list = NULL;
	size_t count = 0;
	MDB_txn *txn;
	MDB_cursor *cur;
	MDB_val k, v;
	struct cw_buf buf = {0};
	int rc, op;

	*out = NULL;
	*n = 0;
	if (!st->sync_ready)
		return 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_PEERS], &cur)) != 0) {
		mdb_txn_abort(txn);
		return cw_store_lmdb_error(NULL, rc, "reading peers", err);
	}
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_peer *grown = realloc(list, (count + 1) * sizeof *list);

		if (!grown) {
			rc = ENOMEM;
			break;
		}
		list = grown;
		memset(&list[count], 0, sizeof list[count]);
		if ((rc = cw_val_open(st, DB_PEERS, &k, &v, &buf, &v, err)) != 0)
			break;
		if (st->vault && v.mv_size > 16)
			snprintf(list[count].name, sizeof list[count].name, "%.*s",
				 (int)(v.mv_size - 16 < 127 ? v.mv_size - 16 : 127),
				 (const char *)v.mv_data + 16);
		else
			snprintf(list[count].name, sizeof list[count].name, "%.*s",
				 (int)(k.mv_size < 127 ? k.mv_size : 127), (const char *)k.mv_data);
		if (v.mv_size >= 16) {
			list[count].seq = get_be64(v.mv_data);
			list[count].time = (int64_t)get_be64((const uint8_t *)v.mv_data + 8);
		}
		count++;
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	cw_buf_free(&buf);
	if (rc != MDB_NOTFOUND) {
		free(list);
		return cw_store_lmdb_error(NULL, rc, "reading peers", err);
	}
	*out = list;
	*n = count;
	return 0;
}

/* ---- what other databases have sent this one ------------------------------------------------
 * "rcvd_seq" + database id (16) -> ranges (after, upto] of that database's own log, as it
 * numbers it, that bundles it signed brought here: n x (after(8), upto(8)), big-endian, sorted
 * and merged. Kept in meta, which encrypt copies as it is (numbers and a database id, no name). */
#define RECEIVED_PREFIX     "rcvd_seq"
#define RECEIVED_RANGES_MAX 64

struct range {
	uint64_t after, upto;
};

static int by_after(const void *a, const void *b)
{
	uint64_t x = ((const struct range *)a)->after, y = ((const struct range *)b)->after;

	return (x > y) - (x < y);
}

int cw_sync_received_add(struct cw_txn *t, const struct cw_id *database, uint64_t after,
			 uint64_t upto, int heard_before, int *missing, int *missing_later,
			 struct cw_error *err)
{
	struct range r[RECEIVED_RANGES_MAX + 1];
	uint8_t key[8 + ID_LEN], val[RECEIVED_RANGES_MAX * 16];
	MDB_val k = {sizeof key, key}, v, had = {0, NULL};
	size_t n = 0, m = 0;
	int rc;

	*missing = *missing_later = 0;
	if (after >= upto)
		return 0; /* a bundle that brought nothing of the log says nothing */
	memcpy(key, RECEIVED_PREFIX, 8);
	memcpy(key + 8, database->b, ID_LEN);
	rc = mdb_get(t->txn, t->st->dbi[DB_META], &k, &v);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "reading what bundles brought", err);
	if (rc == 0) {
		had = v;
		for (; n < v.mv_size / 16 && n < RECEIVED_RANGES_MAX; n++) {
			r[n].after = get_be64((const uint8_t *)v.mv_data + 16 * n);
			r[n].upto = get_be64((const uint8_t *)v.mv_data + 16 * n + 8);
		}
	}
	/* The first bundle of a database heard from before this was kept: what came before it
	 * is taken as here (an earlier casewatch kept no account), so nothing is said of it. */
	r[n].after = !n && heard_before ? 0 : after;
	r[n].upto = upto;
	n++;
	qsort(r, n, sizeof r[0], by_after);
	for (size_t i = 1; i < n; i++) {
		if (r[i].after <= r[m].upto) {
			if (r[i].upto > r[m].upto)
				r[m].upto = r[i].upto;
		} else {
			r[++m] = r[i];
		}
	}
	n = m + 1;
	/* More gaps than kept: the oldest two are taken as one (never reached in practice). */
	if (n > RECEIVED_RANGES_MAX) {
		r[1].after = r[0].after;
		memmove(r, r + 1, (n - 1) * sizeof r[0]);
		n--;
	}
	/* What this bundle brought continues everything from that log's start, or not: a
	 * bundle written before it was never imported here. */
	for (size_t i = 0; i < n; i++)
		if (r[i].after < upto && upto <= r[i].upto)
			*missing = r[i].after > 0;
	/* Or it closed a gap that a bundle written after it left open: one found on a stick
	 * while a later one is still lost would read as the gap closed. */
	*missing_later = !*missing && n > 1;
	for (size_t i = 0; i < n; i++) {
		put_be64(val + 16 * i, r[i].after);
		put_be64(val + 16 * i + 8, r[i].upto);
	}
	v.mv_size = 16 * n;
	v.mv_data = val;
	/* A bundle imported again changes nothing, not a byte of the file. */
	if (had.mv_size == v.mv_size && !memcmp(had.mv_data, val, v.mv_size))
		return 0;
	if ((rc = mdb_put(t->txn, t->st->dbi[DB_META], &k, &v, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "noting what a bundle brought", err);
	return 0;
}

int cw_sync_bundles_missing(struct cw_store *st, size_t *n, struct cw_error *err)
{
	MDB_val k = {8, RECEIVED_PREFIX}, v;
	MDB_cursor *cur;
	MDB_txn *txn;
	int rc, op, gone;

	*n = 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_META], &cur)) != 0) {
		mdb_txn_abort(txn);
		return cw_store_lmdb_error(NULL, rc, "reading what bundles brought", err);
	}
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_id db;

		if (k.mv_size != 8 + ID_LEN || memcmp(k.mv_data, RECEIVED_PREFIX, 8) != 0)
			break;
		/* One range from the log's start: nothing between is missing. */
		if (v.mv_size < 32 && (v.mv_size < 16 || get_be64(v.mv_data) == 0))
			continue;
		memcpy(db.b, (const uint8_t *)k.mv_data + 8, ID_LEN);
		if (cw_store_database_revoked(txn, st, &db, NULL, NULL, &gone, err) != 0) {
			mdb_cursor_close(cur);
			mdb_txn_abort(txn);
			return err ? err->code : CW_EIO;
		}
		*n += !gone;
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	return rc == 0 || rc == MDB_NOTFOUND
		       ? 0
		       : cw_store_lmdb_error(NULL, rc, "reading what bundles brought", err);
}
