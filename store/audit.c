/* audit.c - the audit log: every change, appended in the transaction that makes it; see store.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Entry value: time(8) action(1) kind(1) record(16) database(16) author(rest), big-endian. */
#define AUDIT_FIXED (8 + 1 + 1 + ID_LEN + ID_LEN)

const char *cw_audit_action_name(enum cw_audit_action action)
{
	static const char *const names[] = {"?", "create", "edit", "delete", "import", "resolve"};

	return (unsigned)action < sizeof names / sizeof names[0] ? names[action] : "?";
}

int cw_txn_audit(struct cw_txn *t, enum cw_audit_action action, enum cw_kind kind,
		 const struct cw_id *record, struct cw_error *err)
{
	struct cw_audit_entry e;

	memset(&e, 0, sizeof e);
	e.time = cw_now_us();
	e.action = (uint8_t)action;
	e.kind = (uint8_t)kind;
	e.record = *record;
	e.database = t->st->database_id;
	snprintf(e.author, sizeof e.author, "%s", t->st->author);
	return cw_store_audit_append(t, &e, 0, NULL, err);
}

int cw_store_audit_append(struct cw_txn *t, const struct cw_audit_entry *e, int check_seen,
			  int *added, struct cw_error *err)
{
	uint8_t key[8], val[AUDIT_FIXED + 128], seen[ID_LEN + 8 + ID_LEN + 1];
	size_t alen = strlen(e->author);
	MDB_cursor *cur;
	MDB_val k, v;
	uint64_t seq = 1;
	int rc;

	if (added)
		*added = 0;
	/* Entries travel in bundles and come back: one held already is not appended twice. */
	memcpy(seen, e->database.b, ID_LEN);
	put_be64(seen + ID_LEN, (uint64_t)e->time);
	memcpy(seen + ID_LEN + 8, e->record.b, ID_LEN);
	seen[sizeof seen - 1] = e->action;
	k.mv_size = sizeof seen;
	k.mv_data = seen;
	if (t->st->sync_ready && check_seen) {
		rc = mdb_get(t->txn, t->st->dbi[DB_AUDIT_SEEN], &k, &v);
		if (rc == 0)
			return 0;
		if (rc != MDB_NOTFOUND)
			return cw_store_lmdb_error(t, rc, "reading the audit log", err);
	}
	if (t->st->sync_ready) {
		v.mv_size = 0;
		v.mv_data = NULL;
		if ((rc = mdb_put(t->txn, t->st->dbi[DB_AUDIT_SEEN], &k, &v, 0)) != 0)
			return cw_store_lmdb_error(t, rc, "writing the audit log", err);
	}

	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_AUDIT], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "writing the audit log", err);
	rc = mdb_cursor_get(cur, &k, &v, MDB_LAST);
	if (rc == 0 && k.mv_size == 8)
		seq = get_be64(k.mv_data) + 1;
	mdb_cursor_close(cur);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "writing the audit log", err);
	if (alen > 127)
		alen = 127;
	put_be64(key, seq);
	put_be64(val, (uint64_t)e->time);
	val[8] = e->action;
	val[9] = e->kind;
	memcpy(val + 10, e->record.b, ID_LEN);
	memcpy(val + 10 + ID_LEN, e->database.b, ID_LEN);
	memcpy(val + AUDIT_FIXED, e->author, alen);
	k.mv_size = 8;
	k.mv_data = key;
	/* Append: the sequence only grows, so the log is written in key order. */
	if ((rc = cw_val_put(t, DB_AUDIT, &k, val, AUDIT_FIXED + alen, MDB_APPEND)) != 0)
		return cw_store_lmdb_error(t, rc, "writing the audit log", err);
	if (added)
		*added = 1;
	return 0;
}

int cw_store_audit(struct cw_store *st, uint64_t after, size_t limit, struct cw_audit_entry **out,
		   size_t *count, struct cw_error *err)
{
	struct cw_audit_entry *list = NULL;
	size_t n = 0, cap = 0;
	uint8_t start[8];
	MDB_txn *txn;
	MDB_cursor *cur;
	MDB_val k, v;
	struct cw_buf buf = {0};
	int rc, op;

	*out = NULL;
	*count = 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_AUDIT], &cur)) != 0) {
		mdb_txn_abort(txn);
		return cw_store_lmdb_error(NULL, rc, "reading the audit log", err);
	}
	put_be64(start, after + 1);
	k.mv_size = 8;
	k.mv_data = start;
	for (op = MDB_SET_RANGE;
	     (!limit || n < limit) && (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_audit_entry *e;
		const uint8_t *p;
		size_t alen;

		if (k.mv_size != 8)
			continue;
		if ((rc = cw_val_open(st, DB_AUDIT, &k, &v, &buf, &v, err)) != 0)
			break;
		if (v.mv_size < AUDIT_FIXED)
			continue;
		p = v.mv_data;
		if (n == cap) {
			struct cw_audit_entry *grown =
				realloc(list, (cap = cap ? cap * 2 : 64) * sizeof *list);

			if (!grown) {
				rc = ENOMEM;
				break;
			}
			list = grown;
		}
		e = &list[n++];
		e->seq = get_be64(k.mv_data);
		e->time = (int64_t)get_be64(p);
		e->action = p[8];
		e->kind = p[9];
		memcpy(e->record.b, p + 10, ID_LEN);
		memcpy(e->database.b, p + 10 + ID_LEN, ID_LEN);
		alen = v.mv_size - AUDIT_FIXED;
		if (alen >= sizeof e->author)
			alen = sizeof e->author - 1;
		memcpy(e->author, p + AUDIT_FIXED, alen);
		e->author[alen] = '\0';
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	cw_buf_free(&buf);
	if (rc != 0 && rc != MDB_NOTFOUND) {
		free(list);
		return cw_store_lmdb_error(NULL, rc, "reading the audit log", err);
	}
	*out = list;
	*count = n;
	return 0;
}
