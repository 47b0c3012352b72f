/* pending.c - the changes a write transaction makes to the names and counts tables, gathered
 * in memory and written once per key before it commits; see store_internal.h.
 *
 * Every record put adds one to a name's use count and to a counter per (article, kind) and
 * per kind; read and written at once, a batch of 10,000 records reads and writes the same few
 * hundred keys tens of thousands of times. Gathered, each key is read and written once, in key
 * order. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

#define PENDING_KEY_MAX 32

struct pending_entry {
	uint8_t used;
	uint8_t db;
	uint8_t klen;
	uint8_t key[PENDING_KEY_MAX];
	int64_t delta;
	char *text; /* a name's text, kept from the first put that used it (names only) */
};

struct cw_pending {
	struct pending_entry *slots;
	size_t cap; /* a power of two */
	size_t n;
};

static uint64_t entry_hash(uint8_t db, const uint8_t *key, size_t len)
{
	uint64_t h = UINT64_C(1469598103934665603) ^ db;

	for (size_t i = 0; i < len; i++)
		h = (h ^ key[i]) * UINT64_C(1099511628211);
	return h;
}

static struct pending_entry *find_slot(struct pending_entry *slots, size_t cap, uint8_t db,
				       const uint8_t *key, size_t len)
{
	size_t i = (size_t)entry_hash(db, key, len) & (cap - 1);

	while (slots[i].used &&
	       !(slots[i].db == db && slots[i].klen == len && memcmp(slots[i].key, key, len) == 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(struct cw_pending *p)
{
	size_t cap = p->cap ? p->cap * 2 : 256;
	struct pending_entry *slots = calloc(cap, sizeof *slots);

	if (!slots)
		return CW_ENOMEM;
	for (size_t i = 0; i < p->cap; i++)
		if (p->slots[i].used)
			*find_slot(slots, cap, p->slots[i].db, p->slots[i].key, p->slots[i].klen) =
				p->slots[i];
	free(p->slots);
	p->slots = slots;
	p->cap = cap;
	return 0;
}

int cw_pending_add(struct cw_txn *t, enum cw_db db, const uint8_t *key, size_t len, int delta,
		   const char *text)
{
	struct cw_pending *p = t->pending;
	struct pending_entry *e;

	if (len > PENDING_KEY_MAX)
		return CW_EINVAL;
	if (!p) {
		if (!(p = calloc(1, sizeof *p)))
			return CW_ENOMEM;
		t->pending = p;
	}
	if ((p->n + 1) * 10 > p->cap * 7 && grow(p) != 0)
		return CW_ENOMEM;
	e = find_slot(p->slots, p->cap, (uint8_t)db, key, len);
	if (!e->used) {
		e->used = 1;
		e->db = (uint8_t)db;
		e->klen = (uint8_t)len;
		memcpy(e->key, key, len);
		p->n++;
	}
	e->delta += delta;
	if (db == DB_NAMES && delta > 0 && !e->text && !(e->text = strdup(text ? text : "")))
		return CW_ENOMEM;
	return 0;
}

static int entry_order(const void *pa, const void *pb)
{
	const struct pending_entry *a = pa, *b = pb;
	size_t n = a->klen < b->klen ? a->klen : b->klen;
	int c;

	if (a->db != b->db)
		return a->db < b->db ? -1 : 1;
	if ((c = memcmp(a->key, b->key, n)) != 0)
		return c;
	return a->klen < b->klen ? -1 : a->klen > b->klen;
}

/* A name's new use count, its text copied as it is (sealed or not) or made for a new one. */
static int flush_name(struct cw_txn *t, const struct pending_entry *e, struct cw_error *err)
{
	MDB_val k = {e->klen, (void *)e->key}, v;
	uint32_t count = 0;
	int64_t n;
	struct cw_buf nv = {0};
	uint8_t be[4];
	int rc = mdb_get(t->txn, t->st->dbi[DB_NAMES], &k, &v);

	if (rc == 0 && v.mv_size >= 4)
		count = get_be32(v.mv_data);
	else if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "updating names", err);
	n = (int64_t)count + e->delta;
	if (n <= 0) {
		rc = rc == 0 ? mdb_del(t->txn, t->st->dbi[DB_NAMES], &k, NULL) : 0;
		return rc ? cw_store_lmdb_error(t, rc, "updating names", err) : 0;
	}
	put_be32(be, n > UINT32_MAX ? UINT32_MAX : (uint32_t)n);
	if (cw_buf_append(&nv, be, 4) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc == 0 && v.mv_size > 4)
		rc = cw_buf_append(&nv, (uint8_t *)v.mv_data + 4, v.mv_size - 4);
	else
		rc = cw_store_name_body(t->st, &k, e->text ? e->text : "", &nv);
	if (rc == 0)
		rc = mdb_put(t->txn, t->st->dbi[DB_NAMES], &k, &(MDB_val){nv.len, nv.data}, 0);
	cw_buf_free(&nv);
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return rc ? cw_store_lmdb_error(t, rc, "updating names", err) : 0;
}

static int flush_count(struct cw_txn *t, const struct pending_entry *e, struct cw_error *err)
{
	MDB_val k = {e->klen, (void *)e->key}, v;
	int64_t n = 0;
	uint8_t be[8];
	int rc = mdb_get(t->txn, t->st->dbi[DB_COUNTS], &k, &v);

	if (rc == 0 && v.mv_size == 8)
		n = (int64_t)get_be64(v.mv_data);
	else if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "updating counts", err);
	n += e->delta;
	if (n <= 0) {
		rc = mdb_del(t->txn, t->st->dbi[DB_COUNTS], &k, NULL);
		return rc && rc != MDB_NOTFOUND ? cw_store_lmdb_error(t, rc, "updating counts", err)
						: 0;
	}
	put_be64(be, (uint64_t)n);
	if ((rc = mdb_put(t->txn, t->st->dbi[DB_COUNTS], &k, &(MDB_val){8, be}, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "updating counts", err);
	return 0;
}

int cw_pending_flush(struct cw_txn *t, struct cw_error *err)
{
	struct cw_pending *p = t->pending;
	size_t n = 0;
	int rc = 0;

	if (!p || p->n == 0)
		return 0;
	/* In key order: the entries of one table are written front to back. */
	for (size_t i = 0; i < p->cap; i++) {
		struct pending_entry e = p->slots[i];

		if (!e.used)
			continue;
		if (i != n)
			memset(&p->slots[i], 0, sizeof p->slots[i]); /* its text moves with it */
		p->slots[n++] = e;
	}
	qsort(p->slots, n, sizeof *p->slots, entry_order);
	for (size_t i = 0; i < n && rc == 0; i++)
		if (p->slots[i].delta != 0)
			rc = p->slots[i].db == DB_NAMES ? flush_name(t, &p->slots[i], err)
							: flush_count(t, &p->slots[i], err);
	cw_pending_free(t);
	return rc;
}

void cw_pending_free(struct cw_txn *t)
{
	struct cw_pending *p = t->pending;

	if (!p)
		return;
	for (size_t i = 0; i < p->cap; i++)
		free(p->slots[i].text);
	free(p->slots);
	free(p);
	t->pending = NULL;
}
