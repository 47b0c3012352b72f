/* records.c - records: reading, putting and deleting them, the references they check, the
 * tombstones a deletion leaves and the wiping of what it removes; see store.h. */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/codec.h"
#include "models/i18n.h"
#include "models/idmap.h"
#include "models/json.h"
#include "models/version.h"
#include "store/store_internal.h"

int cw_store_read_record(struct cw_store *st, MDB_txn *txn, const struct cw_id *id,
			 struct cw_record *rec, struct cw_error *err)
{
	char hex[CW_ID_HEX_LEN + 1];
	int rc = cw_store_find_record(st, txn, id, rec, err);

	if (rc == CW_ENOTFOUND) {
		cw_id_hex(id, hex);
		return cw_error_set(err, CW_ENOTFOUND, "id", "no record with id %s", hex);
	}
	return rc;
}

int cw_store_find_record(struct cw_store *st, MDB_txn *txn, const struct cw_id *id,
			 struct cw_record *rec, struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	int rc = cw_val_get(st, txn, DB_RECORDS, &k, &v, &st->scratch, err);

	memset(rec, 0, sizeof *rec);
	if (rc == MDB_NOTFOUND)
		return CW_ENOTFOUND;
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "reading a record", err);
	rc = cw_record_decode(v.mv_data, v.mv_size, rec, err);
	if (st->scratch.cap > 65536) /* a huge record: do not keep its memory for ever */
		cw_buf_free(&st->scratch);
	if (rc != 0) {
		cw_record_free(rec);
		return rc;
	}
	rec->id = *id;
	return 0;
}

int cw_txn_get(struct cw_txn *txn, const struct cw_id *id, struct cw_record *rec,
	       struct cw_error *err)
{
	return cw_store_read_record(txn->st, txn->txn, id, rec, err);
}

/* ---- references -------------------------------------------------------------------------- */

/* The kind of a stored record: 0 with the kind, MDB_NOTFOUND, or another code. */
static int stored_kind(struct cw_txn *t, const struct cw_id *id, enum cw_kind *kind,
		       struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	int rc;

	/* Kinds found before (kinds.c): a record's kind never changes. Not after this
	 * transaction removed a record or a tombstone: its id may come back as another kind. */
	if (t->kinds_on && !t->kinds_gone &&
	    ((*kind = cw_kinds_get(&t->st->kinds, id)) != CW_KIND_NONE ||
	     (*kind = cw_kinds_get(&t->kinds, id)) != CW_KIND_NONE))
		return 0;
	/* Opened into the store's scratch buffer, as cw_store_read_record does: only the kind is
	 * read from it, at once. */
	rc = cw_val_get(t->st, t->txn, DB_RECORDS, &k, &v, &t->st->scratch, err);
	if (rc == 0) {
		*kind = cw_record_peek_kind(v.mv_data, v.mv_size);
		if (t->kinds_on && !t->kinds_gone)
			cw_kinds_put(&t->kinds, id, *kind);
	}
	return rc;
}

static int check_refs(struct cw_txn *t, const void *base, const struct cw_schema *s,
		      struct cw_error *err)
{
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		const char *p = (const char *)base + f->offset;

		if (f->type == CW_F_ID && f->ref_kind && !cw_id_is_zero((const struct cw_id *)p)) {
			enum cw_kind kind = CW_KIND_NONE;
			int rc = stored_kind(t, (const struct cw_id *)p, &kind, err);
			char hex[CW_ID_HEX_LEN + 1];

			/* A record deleted (on this laptop or another) stays nameable by the
			 * records that named it: its tombstone says what it was. */
			if (rc == MDB_NOTFOUND && t->st->sync_ready) {
				MDB_val k = {ID_LEN, (void *)p}, v;
				struct cw_buf buf = {0};

				rc = cw_val_get(t->st, t->txn, DB_TOMBSTONES, &k, &v, &buf, err);
				kind = rc == 0 ? cw_record_peek_kind(v.mv_data, v.mv_size)
					       : CW_KIND_NONE;
				cw_buf_free(&buf);
				if (rc == 0 && t->kinds_on && !t->kinds_gone)
					cw_kinds_put(&t->kinds, (const struct cw_id *)p, kind);
			}
			if (rc == 0 && kind == f->ref_kind)
				continue;
			cw_id_hex((const struct cw_id *)p, hex);
			if (rc == MDB_NOTFOUND)
				return cw_error_set(err, CW_EINVAL, f->name, "no %s with id %s",
						    cw_kind_name(f->ref_kind), hex);
			if (rc != 0)
				return cw_store_lmdb_error(t, rc, "checking a reference", err);
			if (kind != f->ref_kind)
				return cw_error_set(err, CW_EINVAL, f->name, "%s is not a %s", hex,
						    cw_kind_name(f->ref_kind));
		} else if (f->type == CW_F_LIST) {
			const struct cw_list *l = (const struct cw_list *)p;

			for (size_t j = 0; j < l->n; j++) {
				int rc = check_refs(t, (const char *)l->items + j * f->sub->size,
						    f->sub, err);

				/* Only a reference that is wrong sits at a place in the record
				 * (its path made only now: a bulk load checks millions that are
				 * fine); a failed read does not. */
				if (rc == CW_EINVAL)
					return cw_error_in_item(err, f->name, j + 1, rc);
				if (rc != 0)
					return rc;
			}
		}
	}
	return 0;
}

/* ---- wiping what is deleted ----------------------------------------------------------- */

int cw_store_wipe(struct cw_txn *t, enum cw_db db, MDB_val *k, struct cw_error *err)
{
	MDB_val v;
	int rc = mdb_get(t->txn, t->st->dbi[db], k, &v);

	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc == 0) {
		/* The same size: LMDB writes it in place, in the page copy this transaction
		 * makes, so neither that copy nor its free middle keeps the old bytes. */
		v.mv_data = NULL;
		rc = mdb_put(t->txn, t->st->dbi[db], k, &v, MDB_RESERVE);
		if (rc == 0)
			memset(v.mv_data, 0, v.mv_size);
	}
	if (rc != 0)
		return cw_store_lmdb_error(t, rc, "clearing a deleted value", err);
	t->scrub = 1;
	return 0;
}

/* ---- sync state: tombstones, concurrent versions ----------------------------------------- */

static int tomb_ready(struct cw_txn *t)
{
	return t->st->sync_ready;
}

/* The tombstone of a deleted record: CW_ENOTFOUND when there is none. */
static int cw_store_get_tombstone(struct cw_txn *t, const struct cw_id *id, struct cw_record *rec,
				  struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	struct cw_buf buf = {0};
	int rc;

	memset(rec, 0, sizeof *rec);
	if (!tomb_ready(t))
		return CW_ENOTFOUND;
	rc = cw_val_get(t->st, t->txn, DB_TOMBSTONES, &k, &v, &buf, err);
	if (rc == MDB_NOTFOUND)
		return CW_ENOTFOUND;
	if (rc != 0) {
		cw_buf_free(&buf);
		return cw_store_lmdb_error(t, rc, "reading a deletion", err);
	}
	rc = cw_record_decode(v.mv_data, v.mv_size, rec, err);
	cw_buf_free(&buf);
	if (rc != 0) {
		cw_record_free(rec);
		return rc;
	}
	rec->id = *id;
	return 0;
}

int cw_store_put_tombstone(struct cw_txn *t, const struct cw_record *rec, struct cw_error *err)
{
	struct cw_buf enc = {0};
	struct cw_record bare;
	MDB_val k = {ID_LEN, (void *)rec->id.b};
	int rc;

	if (cw_record_copy(&bare, rec) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	cw_version_make_tombstone(&bare);
	rc = cw_record_encode(&bare, &enc);
	cw_record_free(&bare);
	if (rc != 0)
		return cw_error_set(err, CW_ENOMEM, "", "cannot encode a deletion");
	/* A tombstone written before deletions lost their content may be there. */
	if ((rc = cw_store_wipe(t, DB_TOMBSTONES, &k, err)) == 0 &&
	    (rc = cw_val_put(t, DB_TOMBSTONES, &k, enc.data, enc.len, 0)) != 0)
		rc = cw_store_lmdb_error(t, rc, "writing a deletion", err);
	cw_buf_free(&enc);
	return rc;
}

int cw_store_del_tombstone(struct cw_txn *t, const struct cw_id *id, struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b};
	int rc = mdb_del(t->txn, t->st->dbi[DB_TOMBSTONES], &k, NULL);

	if (rc == 0)
		t->kinds_gone = 1; /* no longer nameable through it */
	return rc && rc != MDB_NOTFOUND ? cw_store_lmdb_error(t, rc, "removing a deletion", err)
					: 0;
}

/* The latest `updated` among the concurrent versions kept for id (0 when none), leaving out
 * times more than a day after `now`. */
static int cw_store_conflicts_latest(struct cw_txn *t, const struct cw_id *id, int64_t now,
				     int64_t *latest, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	int rc, op;

	*latest = 0;
	if (!tomb_ready(t))
		return 0;
	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_CONFLICTS], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "reading conflicts", err);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		const uint8_t *p = k.mv_data;
		int64_t u = 0;

		if (k.mv_size != ID_LEN + 8 + ID_LEN || memcmp(p, id->b, ID_LEN) != 0)
			break;
		for (int i = 0; i < 8; i++)
			u = (int64_t)((uint64_t)u << 8 | p[ID_LEN + i]);
		if (u > *latest && u - CW_FUTURE_SLACK_US <= now)
			*latest = u;
	}
	mdb_cursor_close(cur);
	return rc && rc != MDB_NOTFOUND ? cw_store_lmdb_error(t, rc, "reading conflicts", err) : 0;
}

static int refs_push(struct cw_id **ids, size_t *n, const struct cw_id *id)
{
	struct cw_id *grown;

	for (size_t i = 0; i < *n; i++)
		if (cw_id_equal(&(*ids)[i], id))
			return 0;
	if (!(grown = realloc(*ids, (*n + 1) * sizeof **ids)))
		return CW_ENOMEM;
	*ids = grown;
	(*ids)[(*n)++] = *id;
	return 0;
}

static int collect_refs(const void *base, const struct cw_schema *s, struct cw_id **ids, size_t *n)
{
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		const char *p = (const char *)base + f->offset;
		int rc = 0;

		if (f->type == CW_F_ID && f->ref_kind && !cw_id_is_zero((const struct cw_id *)p))
			rc = refs_push(ids, n, (const struct cw_id *)p);
		else if (f->type == CW_F_LIST)
			for (size_t j = 0; j < ((const struct cw_list *)p)->n && rc == 0; j++)
				rc = collect_refs((const char *)((const struct cw_list *)p)->items +
							  j * f->sub->size,
						  f->sub, ids, n);
		if (rc != 0)
			return rc;
	}
	return 0;
}

int cw_store_record_refs(const struct cw_record *rec, struct cw_id **ids, size_t *n)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);

	*ids = NULL;
	*n = 0;
	return s ? collect_refs(&rec->u, s, ids, n) : 0;
}

int cw_store_record_names(const struct cw_record *rec, struct cw_id **ids, size_t *n)
{
	int rc = cw_store_record_refs(rec, ids, n);

	for (size_t i = 0; rc == 0 && i < rec->links.n; i++)
		rc = refs_push(ids, n, &((const struct cw_link *)rec->links.items)[i].record);
	if (rc == 0 && !cw_id_is_zero(&rec->after))
		rc = refs_push(ids, n, &rec->after);
	if (rc == 0 && !cw_id_is_zero(&rec->merged_into))
		rc = refs_push(ids, n, &rec->merged_into);
	if (rc != 0) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

/* Counts entries under a prefix of an index, stopping at `limit`; the first one's record id is
 * written to *first. */
static int count_prefix(struct cw_txn *t, enum cw_db db, const uint8_t *prefix, size_t plen,
			size_t limit, size_t *count, struct cw_id *first, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k = {plen, (void *)prefix}, v;
	int rc, op;

	*count = 0;
	if ((rc = cw_index_flush(t, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[db], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "reading an index", err);
	for (op = MDB_SET_RANGE; *count < limit && (rc = mdb_cursor_get(cur, &k, &v, op)) == 0;
	     op = MDB_NEXT) {
		if (k.mv_size < plen + TAIL_LEN || memcmp(k.mv_data, prefix, plen) != 0)
			break;
		if (*count == 0)
			memcpy(first->b, (uint8_t *)k.mv_data + k.mv_size - KIND_LEN - ID_LEN,
			       ID_LEN);
		(*count)++;
	}
	mdb_cursor_close(cur);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "reading an index", err);
	return 0;
}

int cw_store_is_named(struct cw_txn *t, const struct cw_id *id, uint8_t kind, int *named,
		      struct cw_error *err)
{
	size_t count = 0;
	struct cw_id first;
	int rc = 0;

	if (kind == CW_KIND_PERSON || kind == CW_KIND_CASE)
		rc = count_prefix(t, kind == CW_KIND_PERSON ? DB_BY_PERSON : DB_BY_CASE, id->b,
				  ID_LEN, 1, &count, &first, err);
	*named = count > 0;
	return rc;
}

int cw_store_unlink(struct cw_txn *t, const struct cw_id *id, struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b};
	struct cw_record rec;
	int rc = cw_store_read_record(t->st, t->txn, id, &rec, err), kind;
	struct cw_id *deps = NULL;
	size_t ndeps = 0;

	if (rc == CW_ENOTFOUND) {
		cw_error_clear(err);
		return 0;
	}
	if (rc != 0)
		return rc;
	kind = rec.kind;
	/* What was attached to it goes with it (a detachment that travels: store/attach.h). */
	rc = cw_attach_detach_record(t, id, err);
	if (rc == 0)
		rc = cw_store_remove_keys(t, &rec, err);
	cw_record_free(&rec);
	/* Hearings and milestones of a deleted case were indexed under its articles, court and
	 * defendants; they keep only what is their own: unindexed while the case is there,
	 * indexed again once it is gone. */
	if (rc == 0 && kind == CW_KIND_CASE &&
	    (rc = cw_store_case_records(t, id, &deps, &ndeps, err)) == 0)
		rc = cw_store_reindex_records(t, deps, ndeps, -1, err);
	cw_case_cache_forget(t, id);
	if (rc == 0)
		rc = cw_store_wipe(t, DB_RECORDS, &k, err);
	if (rc == 0 && (rc = mdb_del(t->txn, t->st->dbi[DB_RECORDS], &k, NULL)) != 0)
		rc = cw_store_lmdb_error(t, rc, "removing a deleted record", err);
	if (rc == 0)
		t->kinds_gone = 1; /* nameable now only while its tombstone is there */
	if (rc == 0)
		rc = cw_store_reindex_records(t, deps, ndeps, 1, err);
	if (rc == 0)
		t->records_changed = 1;
	free(deps);
	return rc;
}

/* ---- put and delete ---------------------------------------------------------------------- */

/* Makes rec follow `base`, a version this database holds: it takes base's vector, or, when
 * base is dated more than a day after `now`, sets it aside instead (taking a vector entry from
 * the future would date every later change in the future too). *latest moves past base's
 * time when that can be trusted. */
static int follow(struct cw_record *rec, const struct cw_record *base, int64_t now, int64_t *latest)
{
	if (cw_version_in_future(base, now))
		return cw_version_set_aside(rec, base);
	if (base->updated > *latest)
		*latest = base->updated;
	return cw_vv_merge(rec, base);
}

/* Stamps a local change: the version vector of rec becomes that of the version it replaces
 * (old, and the tombstone of a deleted id) with this database's entry set to *now, and *now
 * is moved past every version of the record this database holds, so the change is the
 * latest whatever the clocks of other laptops said, except clocks more than a day ahead of
 * this one: a change is never dated in the future because another laptop's clock was. */
static int stamp_versions(struct cw_txn *t, struct cw_record *rec, const struct cw_record *old,
			  int fresh, int64_t *now, int *had_tomb, struct cw_error *err)
{
	struct cw_record tomb;
	int64_t latest = 0, in_conflicts;
	int rc;

	*had_tomb = 0;
	cw_vv_clear(rec);
	memset(&rec->bundle, 0, ID_LEN);
	if (old && (rc = follow(rec, old, *now, &latest)) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* An id made just now has no deletion and no conflicts to follow. */
	rc = fresh ? CW_ENOTFOUND : cw_store_get_tombstone(t, &rec->id, &tomb, err);
	if (rc == 0) {
		*had_tomb = 1;
		rc = follow(rec, &tomb, *now, &latest);
		cw_record_free(&tomb);
		if (rc != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	} else if (rc != CW_ENOTFOUND) {
		return rc;
	}
	cw_error_clear(err);
	in_conflicts = 0;
	if (!fresh && (rc = cw_store_conflicts_latest(t, &rec->id, *now, &in_conflicts, err)) != 0)
		return rc;
	if (in_conflicts > latest)
		latest = in_conflicts;
	if (cw_vv_latest(rec) > latest)
		latest = cw_vv_latest(rec);
	/* Clocks differ between laptops: never let an update go back in time. */
	if (*now <= latest)
		*now = latest + 1;
	if (cw_vv_stamp(rec, &t->st->database_id, *now) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return 0;
}

static int replace_str(char **dst, const char *src)
{
	char *copy = src ? strdup(src) : NULL;

	if (src && !copy)
		return CW_ENOMEM;
	free(*dst);
	*dst = copy;
	return 0;
}

/* A new record's id: this database's next sequence number (4 bytes, big-endian; the first
 * one random, kept in meta) and 12 random bytes. Records made on one laptop thus go to the end
 * of the records table (and of the other tables keyed by id), filling their pages instead of
 * splitting pages all over the file, while the first 8 hex digits people read and type stay
 * distinct for every record of a laptop, and rarely shared with another's (the random start).
 * The random bytes alone keep ids unique across laptops, whatever their sequences. */
static int new_id(struct cw_txn *t, struct cw_id *id, struct cw_error *err)
{
	static const char name[] = "id_sequence";
	MDB_val k = {sizeof name - 1, (void *)name}, v;
	uint32_t seq;
	uint8_t be[4];
	int rc = mdb_get(t->txn, t->st->dbi[DB_META], &k, &v);

	if (rc == 0 && v.mv_size == 4)
		seq = get_be32(v.mv_data);
	else if (rc == 0 || rc == MDB_NOTFOUND)
		seq = randombytes_random();
	else
		return cw_store_lmdb_error(t, rc, "making a record id", err);
	put_be32(id->b, seq);
	randombytes_buf(id->b + 4, ID_LEN - 4);
	put_be32(be, seq + 1);
	v.mv_size = sizeof be;
	v.mv_data = be;
	if ((rc = mdb_put(t->txn, t->st->dbi[DB_META], &k, &v, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "making a record id", err);
	return 0;
}

/* Whether rec was read as the stored version: the same last change (its time and the
 * database it was made in) and the same version vector. */
static int same_version(const struct cw_record *stored, const struct cw_record *rec)
{
	const struct cw_version *a = stored->versions.items, *b = rec->versions.items;

	if (stored->updated != rec->updated || !cw_id_equal(&stored->edited_in, &rec->edited_in) ||
	    stored->versions.n != rec->versions.n)
		return 0;
	for (size_t i = 0; i < stored->versions.n; i++)
		if (a[i].time != b[i].time || !cw_id_equal(&a[i].database, &b[i].database))
			return 0;
	return 1;
}

int cw_txn_put(struct cw_txn *t, struct cw_record *rec, unsigned flags, int *changed,
	       struct cw_error *err)
{
	struct cw_store *st = t->st;
	struct cw_buf old_body = {0}, new_body = {0}, enc = {0};
	struct cw_record old;
	struct cw_id old_case = {{0}}; /* the case a hearing or milestone named before */
	MDB_val k;
	int rc, exists, had_tomb = 0, fresh = 0, rulings_same = 0;
	struct cw_id *deps = NULL; /* a case's records, re-indexed around its change */
	size_t ndeps = 0;

	if (changed)
		*changed = 0;
	if (!(flags & CW_PUT_VALIDATED) && (rc = cw_record_validate(rec, err)) != 0)
		return rc;
	if (cw_id_is_zero(&rec->id)) {
		if ((rc = new_id(t, &rec->id, err)) != 0)
			return rc;
		fresh = 1; /* its random part was never used: nothing is stored under it */
	}
	if ((rc = check_refs(t, &rec->u, cw_schema_for_kind(rec->kind), err)) != 0)
		return rc;
	rc = fresh ? CW_ENOTFOUND : cw_store_find_record(st, t->txn, &rec->id, &old, err);
	if (rc != 0 && rc != CW_ENOTFOUND)
		return rc;
	exists = rc == 0;
	rc = 0; /* (an import of a new record passes no step below that sets it) */
	cw_error_clear(err);
	if (!exists && (flags & CW_PUT_OWN_IF_NEW))
		cw_record_view_from_source(rec, 0);
	if (exists && (flags & CW_PUT_NEW)) {
		cw_record_free(&old);
		return cw_error_set(err, CW_EINVAL, "id", "a record with this id exists already");
	}
	if ((flags & CW_PUT_IF_UNCHANGED) && (!exists || !same_version(&old, rec))) {
		char when[CW_TIME_LOCAL_MAX], who[80] = "";

		if (!exists)
			return cw_error_set(err, CW_EREFUSED, "record",
					    "not saved: deleted since it was opened");
		/* Read by people, in local time as every time shown to them. */
		cw_time_local_format(old.updated, when);
		snprintf(who, sizeof who, "%s", old.editor ? old.editor : "");
		cw_record_free(&old);
		return cw_error_set(err, CW_EREFUSED, "record",
				    "not saved: changed since it was opened (by %.60s, %s), which "
				    "saving would undo; open it again and make your change on that",
				    who, when);
	}
	if (exists && old.kind != rec->kind) {
		enum cw_kind was = old.kind; /* read before freeing: freeing clears it */

		cw_record_free(&old);
		return cw_error_set(err, CW_EINVAL, "kind",
				    "this id belongs to a record of another kind (%s), not a %s",
				    cw_kind_name(was), cw_kind_name(rec->kind));
	}
	if (exists) {
		/* Unchanged content (header stamps aside) is not a change: importing the same
		 * file twice leaves the database as it was. An import (KEEP_HEADER) brings a
		 * whole version: it is a no-op only when the stored one is the same version,
		 * header and all (the local note of which bundle brought it aside), so that
		 * every database ends with the same bytes. */
		struct cw_record a = old, b = *rec;

		memset(&a.bundle, 0, ID_LEN);
		memset(&b.bundle, 0, ID_LEN);
		if (!(flags & CW_PUT_KEEP_HEADER)) {
			a.created = b.created = a.updated = b.updated = 0;
			a.author = b.author = a.editor = b.editor = NULL;
			memset(&a.origin, 0, ID_LEN);
			memset(&b.origin, 0, ID_LEN);
			memset(&a.edited_in, 0, ID_LEN);
			memset(&b.edited_in, 0, ID_LEN);
			memset(&a.versions, 0, sizeof a.versions);
			memset(&b.versions, 0, sizeof b.versions);
			memset(&a.set_aside, 0, sizeof a.set_aside);
			memset(&b.set_aside, 0, sizeof b.set_aside);
		}
		rc = cw_record_encode(&a, &old_body);
		if (rc == 0)
			rc = cw_record_encode(&b, &new_body);
		if (rc == 0 && old_body.len == new_body.len &&
		    memcmp(old_body.data, new_body.data, old_body.len) == 0) {
			cw_buf_free(&old_body);
			cw_buf_free(&new_body);
			/* The caller sees what is stored, stamps included. */
			cw_record_free(rec);
			*rec = old;
			return 0;
		}
		cw_buf_free(&old_body);
		cw_buf_free(&new_body);
	}
	/* A change: an action's journal notes the version it replaces (or that there was none). */
	if ((rc = cw_undo_journal_note(t, &rec->id, rec->kind, exists ? 'e' : 'a', err)) != 0) {
		if (exists)
			cw_record_free(&old);
		return rc;
	}
	if (!(flags & CW_PUT_KEEP_HEADER)) {
		int64_t now = cw_now_us();

		/* The new version follows the stored one (and a deletion of this id, when the
		 * record is being made again): its version vector includes theirs. */
		if ((rc = stamp_versions(t, rec, exists ? &old : NULL, fresh, &now, &had_tomb,
					 err)) != 0) {
			if (exists)
				cw_record_free(&old);
			return rc;
		}
		if (exists) {
			rec->created = old.created;
			rc = replace_str(&rec->author, old.author);
			rec->origin = old.origin;
			rec->updated = now;
		} else if (flags & CW_PUT_RESTORE) {
			/* Brought back after its deletion: made when, by whom and where it was. */
			rec->updated = now;
		} else {
			rec->created = rec->updated = now;
			rc = replace_str(&rec->author, st->author);
			rec->origin = st->database_id;
		}
		if (rc == 0)
			rc = replace_str(&rec->editor, st->author);
		rec->edited_in = st->database_id;
	} else if (!rec->created) {
		rec->created = rec->updated = cw_now_us();
	}
	if (rc != 0)
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* The old version's keys, computed from it while everything they were made from is as
	 * it was. */
	if (rc == 0 && exists)
		rc = cw_store_remove_keys(t, &old, err);
	if (exists) {
		/* What a verdict edited had moved in its case is taken back below. */
		rulings_same = cw_store_rulings_equal(&old, rec);
		old_case = old.kind == CW_KIND_HEARING     ? old.u.hearing.case_id
			   : old.kind == CW_KIND_MILESTONE ? old.u.milestone.case_id
							   : old_case;
		cw_record_free(&old);
	}
	if (rc != 0)
		return rc;
	/* Hearings and milestones take keys from their case: when it changes, and when it is
	 * made again after a deletion (which left them only their own), they are unindexed
	 * against the case as it was and indexed again against the new one. A case that is
	 * neither there nor deleted has none: a record names only what is stored, or a deletion
	 * of it (check_refs), so looking would only write out the index changes gathered. */
	if (rec->kind == CW_KIND_CASE && !fresh && (exists || had_tomb) &&
	    ((rc = cw_store_case_records(t, &rec->id, &deps, &ndeps, err)) != 0 ||
	     (rc = cw_store_reindex_records(t, deps, ndeps, -1, err)) != 0)) {
		free(deps);
		return rc;
	}
	if ((rc = cw_record_encode(rec, &enc)) != 0) {
		cw_buf_free(&enc); /* what it encoded before it failed */
		free(deps);
		return cw_error_set(err, rc, "", "cannot encode the record");
	}
	k.mv_size = ID_LEN;
	k.mv_data = rec->id.b;
	cw_case_cache_forget(t, &rec->id);
	rc = cw_val_put(t, DB_RECORDS, &k, enc.data, enc.len, 0);
	cw_buf_free(&enc);
	if (rc != 0)
		rc = cw_store_lmdb_error(t, rc, "writing a record", err);
	if (rc == 0)
		rc = cw_store_write_keys(t, rec, err);
	if (rc == 0)
		rc = cw_store_reindex_records(t, deps, ndeps, 1, err);
	free(deps);
	if (rc != 0)
		return rc;
	if (had_tomb && (rc = cw_store_del_tombstone(t, &rec->id, err)) != 0)
		return rc;
	/* A change made here is audited at its own `updated`: verify pairs them. */
	if (!(flags & CW_PUT_QUIET) &&
	    (rc = cw_txn_audit_at(t,
				  flags & CW_PUT_KEEP_HEADER ? CW_AUDIT_IMPORT
				  : exists                   ? CW_AUDIT_EDIT
							     : CW_AUDIT_CREATE,
				  rec->kind, &rec->id,
				  flags & CW_PUT_KEEP_HEADER ? cw_now_us() : rec->updated, err)) !=
		    0)
		return rc;
	if ((flags & CW_PUT_FOLLOW_VERDICTS) && !(exists && rulings_same) &&
	    (rc = cw_store_follow_verdicts(t, rec, exists ? &old_case : NULL, err)) != 0)
		return rc;
	t->records_changed = 1;
	if (changed)
		*changed = 1;
	return 0;
}

/* The tombstone of a local deletion: rec's id and kind, stamped as a change made by this
 * database and author after rec; no content (cw_version_make_tombstone). */
/* Whether a record names (by a reference, a link or `after`) one that holds confidential
 * material, or one that names such a record, and so on: a plain bundle leaves it out while it
 * lives (store/bundle.c, plain_withheld, to a fixed point), and must leave its deletion out
 * too, or the deletion would name it (a sync trial found the id of a visit naming a
 * confidential witness in a plain bundle once the visit was deleted). The records reachable
 * from it are read once each; a deletion is one user action, and the walk stops at the first
 * confidential record. */
static int names_confidential(struct cw_txn *t, const struct cw_record *rec)
{
	struct cw_idmap seen = {0};
	struct cw_id *todo = NULL, *named;
	size_t n = 0, cap = 0, nn;
	int yes = 0;

	if (cw_store_record_names(rec, &named, &nn) != 0)
		return 1; /* out of memory: kept out rather than named */
	for (;;) {
		for (size_t i = 0; i < nn && !yes; i++) {
			int fresh = cw_idmap_put(&seen, &named[i], 0, NULL);

			if (fresh < 0)
				yes = 1;
			else if (fresh == 1 && n == cap) {
				size_t grown_cap = cap ? cap * 2 : 16;
				struct cw_id *grown = realloc(todo, grown_cap * sizeof *grown);

				if (!grown)
					yes = 1;
				else {
					todo = grown;
					cap = grown_cap;
				}
			}
			if (fresh == 1 && !yes)
				todo[n++] = named[i];
		}
		free(named);
		named = NULL;
		nn = 0;
		while (n && !yes && !nn) {
			struct cw_record other;

			if (cw_store_read_record(t->st, t->txn, &todo[--n], &other, NULL) != 0)
				continue;
			yes = other.confidential || other.confidential_fields;
			if (!yes && cw_store_record_names(&other, &named, &nn) != 0)
				yes = 1;
			if (!nn) {
				free(named);
				named = NULL;
			}
			cw_record_free(&other);
		}
		if (yes || !nn)
			break;
	}
	free(named);
	free(todo);
	cw_idmap_free(&seen);
	return yes;
}

static int make_tombstone(struct cw_txn *t, const struct cw_record *rec, struct cw_record *tomb,
			  struct cw_error *err)
{
	int64_t now = cw_now_us();
	int had_tomb, rc;

	cw_record_init(tomb, (enum cw_kind)rec->kind);
	tomb->id = rec->id;
	/* Whether it held confidential material, or named a record that does: a plain bundle
	 * names no such record, gone or not (cw_version_make_tombstone). */
	tomb->confidential =
		rec->confidential || rec->confidential_fields || names_confidential(t, rec);
	if ((rc = stamp_versions(t, tomb, rec, 0, &now, &had_tomb, err)) != 0)
		return rc;
	tomb->updated = now;
	tomb->edited_in = t->st->database_id;
	if (replace_str(&tomb->editor, t->st->author) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	cw_version_make_tombstone(tomb);
	return 0;
}

int cw_txn_delete(struct cw_txn *t, const struct cw_id *id, struct cw_error *err)
{
	return cw_txn_delete_into(t, id, NULL, err);
}

int cw_txn_delete_into(struct cw_txn *t, const struct cw_id *id, const struct cw_id *into,
		       struct cw_error *err)
{
	struct cw_record rec, tomb;
	int rc = cw_store_read_record(t->st, t->txn, id, &rec, err);
	enum cw_db refs_db = DB_COUNT;
	size_t count = 0;
	struct cw_id first;

	memset(&tomb, 0, sizeof tomb);
	if (rc != 0)
		return rc;
	if (rec.kind == CW_KIND_PERSON)
		refs_db = DB_BY_PERSON;
	else if (rec.kind == CW_KIND_CASE)
		refs_db = DB_BY_CASE;
	if (refs_db != DB_COUNT &&
	    (rc = count_prefix(t, refs_db, id->b, ID_LEN, 1000, &count, &first, err)) != 0)
		goto out;
	if (count > 0) {
		char hex[CW_ID_HEX_LEN + 1];
		struct cw_record other;
		const char *what = "record";

		cw_id_hex(&first, hex);
		if (cw_store_read_record(t->st, t->txn, &first, &other, NULL) == 0) {
			what = cw_kind_name(other.kind);
			cw_record_free(&other);
		}
		rc = cw_error_set(err, CW_EREFUSED, "id",
				  "%s is named by %s%zu record(s), e.g. %s %.8s; edit or delete "
				  "those first",
				  cw_kind_name(rec.kind), count >= 1000 ? _("at least ") : "",
				  count, what, hex);
		goto out;
	}
	/* The deletion is kept as a tombstone (who deleted what, where and when, stamped as a
	 * change made here) so that it travels in bundles and wins or loses against edits made
	 * elsewhere; the content goes from the records table and from the disk (an action's
	 * journal keeps it until the next change, for undo). */
	if ((rc = cw_undo_journal_note(t, id, rec.kind, 'd', err)) != 0 ||
	    (rc = make_tombstone(t, &rec, &tomb, err)) != 0)
		goto out;
	if (into)
		tomb.merged_into = *into;
	if ((rc = cw_store_put_tombstone(t, &tomb, err)) != 0 ||
	    (rc = cw_store_unlink(t, id, err)) != 0)
		goto out;
	rc = cw_txn_audit(t, CW_AUDIT_DELETE, rec.kind, id, err);
	t->records_changed = 1;
out:
	cw_record_free(&tomb);
	cw_record_free(&rec);
	return rc;
}

struct put_ctx {
	struct cw_record *rec;
	unsigned flags;
	const struct cw_id *draft;     /* a draft the record completes, deleted with it (or NULL) */
	const struct cw_record *given; /* rec as the caller gave it */
};

/* One record put, undoable (cw_store_write_undoable notes what it changes). */
static int put_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	struct put_ctx *p = ctx;
	int rc;

	/* Run again after a full map, the put starts from the record as given: cw_txn_put
	 * stamps it (the time, the version vector: what CW_PUT_IF_UNCHANGED compares) and
	 * gives a new one its id, taking a number from the id sequence that the aborted attempt
	 * gave back. An id kept from that attempt would be the next record's too (ids made here
	 * begin with the sequence number, which the short ids people type rely on). */
	cw_record_free(p->rec);
	if (cw_record_copy(p->rec, p->given) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	rc = cw_txn_put(t, p->rec, p->flags, NULL, err);
	cw_txn_undo_about(t, &p->rec->id);
	/* A draft deleted meanwhile (by another process) is no reason to refuse the record. */
	if (rc == 0 && p->draft && (rc = cw_txn_draft_delete(t, p->draft, err)) == CW_ENOTFOUND) {
		cw_error_clear(err);
		rc = 0;
	}
	return rc;
}

int cw_store_put_completing(struct cw_store *st, struct cw_record *rec, unsigned flags,
			    const struct cw_id *draft, struct cw_error *err)
{
	struct cw_record given;
	struct put_ctx p = {rec, flags, draft, &given};
	int rc;

	if (cw_record_copy(&given, rec) != 0) {
		cw_record_free(&given);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	rc = cw_store_write_undoable(st, put_fn, &p, err);
	if (rc != 0) { /* nothing was written: no id or stamp was given out */
		cw_record_free(rec);
		*rec = given;
	} else {
		cw_record_free(&given);
	}
	return rc;
}

int cw_store_put(struct cw_store *st, struct cw_record *rec, unsigned flags, struct cw_error *err)
{
	return cw_store_put_completing(st, rec, flags, NULL, err);
}

struct delete_ctx {
	const struct cw_id *id;
	struct cw_delete_note *note;
};

/* A deletion made here also takes back what a hearing's or milestone's verdict moved in its
 * case's charges (a bundle's deletion does not: the case's own version from there says what
 * its charges are). The stage it moved is not taken back (the stage before is not kept): the
 * note says when the case is left at the stage the record may have moved it to. */
static int delete_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct delete_ctx *c = vctx;
	struct cw_id kase = {{0}};
	struct cw_record rec;
	int rc = 0;

	memset(c->note, 0, sizeof *c->note);
	if (cw_store_read_record(t->st, t->txn, c->id, &rec, NULL) == 0) {
		if (rec.kind == CW_KIND_HEARING)
			kase = rec.u.hearing.case_id;
		else if (rec.kind == CW_KIND_MILESTONE)
			kase = rec.u.milestone.case_id;
		rc = cw_store_stage_left(t, &rec, &c->note->stage, err);
		if (c->note->stage)
			c->note->case_id = kase;
		cw_record_free(&rec);
	}
	if (rc != 0 || (rc = cw_txn_delete(t, c->id, err)) != 0)
		return rc;
	return cw_store_unfollow_verdicts(t, c->id, &kase, err);
}

int cw_store_delete_noting(struct cw_store *st, const struct cw_id *id, struct cw_delete_note *note,
			   struct cw_error *err)
{
	struct cw_delete_note ignored;
	struct delete_ctx c = {id, note ? note : &ignored};
	int rc = cw_store_write_undoable(st, delete_fn, &c, err);

	if (rc != 0)
		memset(c.note, 0, sizeof *c.note);
	return rc;
}

int cw_store_delete(struct cw_store *st, const struct cw_id *id, struct cw_error *err)
{
	return cw_store_delete_noting(st, id, NULL, err);
}

int cw_store_deleted(struct cw_store *st, const struct cw_id *id)
{
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	MDB_txn *txn;
	int found;

	if (!st->sync_ready || cw_store_begin_read(st, &txn, NULL) != 0)
		return 0;
	found = mdb_get(txn, st->dbi[DB_TOMBSTONES], &k, &v) == 0;
	mdb_txn_abort(txn);
	return found;
}

int cw_store_get(struct cw_store *st, const struct cw_id *id, struct cw_record *rec,
		 struct cw_error *err)
{
	MDB_txn *txn;
	int rc = cw_store_begin_read(st, &txn, err);

	if (rc != 0)
		return rc;
	rc = cw_store_read_record(st, txn, id, rec, err);
	mdb_txn_abort(txn);
	return rc;
}
