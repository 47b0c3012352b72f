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
