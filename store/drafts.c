/* drafts.c - forms saved unfinished; see "drafts" in store.h.
 *
 * drafts: draft id(16) -> saved(8) kind(1) record(16) label length(4) label, body; sealed
 * like a record (bound to the table and the key) in an encrypted database. A draft is not a
 * record: no index, count, audit entry, bundle, report or export ever sees it. Deleting one
 * wipes its bytes in place before the entry goes, and the free pages are cleared after the
 * commit (scrub.c), as for a deleted record; saving one again replaces it as an edit replaces
 * a record. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "store/store_internal.h"

#define DRAFT_FIXED (8 + 1 + ID_LEN + 4)
#define DRAFT_MAX   (1u << 20) /* what one form can hold, with room to spare */

static int drafts_ready(struct cw_store *st, struct cw_error *err)
{
	if (st->drafts_ready)
		return 0;
	return cw_error_set(err, CW_EVERSION, "database",
			    "this database has no drafts yet: open it once for writing");
}

void cw_draft_free(struct cw_draft *d)
{
	if (!d)
		return;
	free(d->label);
	if (d->body)
		sodium_memzero(d->body, strlen(d->body)); /* what was typed about someone */
	free(d->body);
	memset(d, 0, sizeof *d);
}

void cw_drafts_free(struct cw_draft *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cw_draft_free(&v[i]);
	free(v);
}

static int decode(const struct cw_id *id, const MDB_val *v, struct cw_draft *out)
{
	const uint8_t *p = v->mv_data;
	size_t llen;

	memset(out, 0, sizeof *out);
	if (v->mv_size < DRAFT_FIXED)
		return CW_EDAMAGED;
	llen = get_be32(p + 8 + 1 + ID_LEN);
	if (llen > v->mv_size - DRAFT_FIXED)
		return CW_EDAMAGED;
	out->id = *id;
	out->saved = (int64_t)get_be64(p);
	out->kind = p[8];
	memcpy(out->record.b, p + 9, ID_LEN);
	if (!(out->label = strndup((const char *)p + DRAFT_FIXED, llen)) ||
	    !(out->body = strndup((const char *)p + DRAFT_FIXED + llen,
				  v->mv_size - DRAFT_FIXED - llen))) {
		cw_draft_free(out);
		return CW_ENOMEM;
	}
	return 0;
}

static int damaged(const struct cw_id *id, struct cw_error *err)
{
	char hex[CW_ID_HEX_LEN + 1];

	cw_id_hex(id, hex);
	return cw_error_set(err, CW_EDAMAGED, "draft", "draft %s is damaged", hex);
}

static int put_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	struct cw_draft *d = ctx;
	size_t llen = d->label ? strlen(d->label) : 0, blen = d->body ? strlen(d->body) : 0;
	MDB_val k = {ID_LEN, d->id.b};
	uint8_t *val;
	int rc;

	if (DRAFT_FIXED + llen + blen > DRAFT_MAX)
		return cw_error_set(err, CW_EINVAL, "draft", "is too long to keep (over 1 MiB)");
	if (!(val = malloc(DRAFT_FIXED + llen + blen + 1)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	put_be64(val, (uint64_t)d->saved);
	val[8] = d->kind;
	memcpy(val + 9, d->record.b, ID_LEN);
	put_be32(val + 9 + ID_LEN, (uint32_t)llen);
	memcpy(val + DRAFT_FIXED, d->label ? d->label : "", llen);
	memcpy(val + DRAFT_FIXED + llen, d->body ? d->body : "", blen);
	/* Saved over as an edit saves over a record: the free space is cleared after a draft is
	 * deleted (or completed), as after a record's deletion, not after each save. */
	if ((rc = cw_val_put(t, DB_DRAFTS, &k, val, DRAFT_FIXED + llen + blen, 0)) != 0)
		rc = cw_store_lmdb_error(t, rc, "saving the draft", err);
	sodium_memzero(val, DRAFT_FIXED + llen + blen);
	free(val);
	return rc;
}

int cw_store_draft_put(struct cw_store *st, struct cw_draft *d, struct cw_error *err)
{
	int rc;

	if ((rc = drafts_ready(st, err)) != 0)
		return rc;
	if (st->read_only)
		return cw_error_set(err, CW_EDB, "database", "opened read-only");
	if (cw_id_is_zero(&d->id))
		cw_id_random(&d->id);
	d->saved = cw_now_us();
	return cw_store_write(st, put_fn, d, err);
}

int cw_store_draft_get(struct cw_store *st, const struct cw_id *id, struct cw_draft *out,
		       struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	struct cw_buf buf = {0};
	MDB_txn *txn;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = drafts_ready(st, err)) != 0 || (rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = cw_val_get(st, txn, DB_DRAFTS, &k, &v, &buf, err);
	if (rc == 0 && (rc = decode(id, &v, out)) == CW_EDAMAGED)
		rc = damaged(id, err);
	else if (rc == CW_ENOMEM)
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	else if (rc == MDB_NOTFOUND)
		rc = cw_error_set(err, CW_ENOTFOUND, "draft", "no such draft");
	else if (rc != 0)
		rc = cw_store_lmdb_error(NULL, rc, "reading a draft", err);
	mdb_txn_abort(txn);
	if (buf.data)
		sodium_memzero(buf.data, buf.cap);
	cw_buf_free(&buf);
	return rc;
}

static int newest_first(const void *a, const void *b)
{
	const struct cw_draft *x = a, *y = b;

	return x->saved < y->saved ? 1 : x->saved > y->saved ? -1 : 0;
}

int cw_store_drafts(struct cw_store *st, struct cw_draft **out, size_t *n, struct cw_error *err)
{
	struct cw_draft *v = NULL;
	struct cw_buf buf = {0};
	size_t cap = 0;
	MDB_cursor *cur;
	MDB_txn *txn;
	MDB_val k, sv, pv;
	int rc, op;

	*out = NULL;
	*n = 0;
	if (!st->drafts_ready)
		return 0; /* an old database opened read-only: none */
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_DRAFTS], &cur)) != 0) {
		mdb_txn_abort(txn);
		return cw_store_lmdb_error(NULL, rc, "reading the drafts", err);
	}
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &sv, op)) == 0; op = MDB_NEXT) {
		struct cw_id id;

		if (k.mv_size != ID_LEN)
			continue;
		memcpy(id.b, k.mv_data, ID_LEN);
		if ((rc = cw_val_open(st, DB_DRAFTS, &k, &sv, &buf, &pv, err)) != 0)
			break;
		if (*n == cap) {
			size_t grown_cap = cap ? cap * 2 : 8;
			struct cw_draft *grown = realloc(v, grown_cap * sizeof *grown);

			if (!grown) {
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
				break;
			}
			v = grown;
			cap = grown_cap;
		}
		if ((rc = decode(&id, &pv, &v[*n])) != 0) {
			rc = rc == CW_EDAMAGED ? damaged(&id, err)
					       : cw_error_set(err, CW_ENOMEM, "", "out of memory");
			break;
		}
		(*n)++;
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	if (buf.data)
		sodium_memzero(buf.data, buf.cap);
	cw_buf_free(&buf);
	if (rc == MDB_NOTFOUND)
		rc = 0;
	else if (rc != 0)
		rc = cw_store_lmdb_error(NULL, rc, "reading the drafts", err);
	if (rc != 0) {
		cw_drafts_free(v, *n);
		*n = 0;
		return rc;
	}
	if (*n)
		qsort(v, *n, sizeof *v, newest_first);
	*out = v;
	return 0;
}

int cw_txn_draft_delete(struct cw_txn *t, const struct cw_id *id, struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b};
	int rc;

	if (!t->st->drafts_ready)
		return cw_error_set(err, CW_ENOTFOUND, "draft", "no such draft");

	if ((rc = mdb_get(t->txn, t->st->dbi[DB_DRAFTS], &k, &(MDB_val){0, NULL})) == MDB_NOTFOUND)
		return cw_error_set(err, CW_ENOTFOUND, "draft", "no such draft");
	if ((rc = cw_store_wipe(t, DB_DRAFTS, &k, err)) != 0)
		return rc;
	if ((rc = mdb_del(t->txn, t->st->dbi[DB_DRAFTS], &k, NULL)) != 0)
		return cw_store_lmdb_error(t, rc, "deleting the draft", err);
	return 0;
}

static int delete_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	return cw_txn_draft_delete(t, ctx, err);
}

int cw_store_draft_delete(struct cw_store *st, const struct cw_id *id, struct cw_error *err)
{
	struct cw_id copy = *id;
	int rc;

	if ((rc = drafts_ready(st, err)) != 0)
		return rc;
	return cw_store_write(st, delete_fn, &copy, err);
}
