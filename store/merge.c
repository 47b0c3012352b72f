/* merge.c - the merge rule: a record's heads, merging a version into them, conflicts and
 * their resolution, and the content the heads make; see sync.h. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "models/codec.h"
#include "models/confidential.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/version.h"
#include "store/sync_internal.h"

#define CONFLICT_KEY_LEN (ID_LEN + 8 + ID_LEN)

/* ---- lists of versions --------------------------------------------------------------------- */

static void item_free(struct cw_bundle_item *it)
{
	cw_record_free(&it->rec);
}

int cw_item_list_push(struct cw_item_list *l, struct cw_record *rec, int deleted)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct cw_bundle_item *grown = realloc(l->v, cap * sizeof *grown);

		if (!grown)
			return CW_ENOMEM;
		l->v = grown;
		l->cap = cap;
	}
	l->v[l->n].rec = *rec;
	l->v[l->n].deleted = deleted;
	l->n++;
	memset(rec, 0, sizeof *rec);
	return 0;
}

void cw_item_list_free(struct cw_item_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		item_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static int head_desc(const void *a, const void *b)
{
	return -cw_version_cmp(&((const struct cw_bundle_item *)a)->rec,
			       &((const struct cw_bundle_item *)b)->rec);
}

/* Puts first the head to show: the greatest in the merge order among those not dated in the
 * future of `now`, or the greatest of all when every one is; the others follow, greatest
 * first. Which heads are kept never depends on the clock here, only which one is shown. */
static void order_heads(struct cw_item_list *heads, int64_t now)
{
	struct cw_bundle_item top;
	size_t best = 0;

	qsort(heads->v, heads->n, sizeof *heads->v, head_desc);
	while (best < heads->n && cw_version_in_future(&heads->v[best].rec, now))
		best++;
	if (best == 0 || best == heads->n)
		return;
	top = heads->v[best];
	memmove(heads->v + 1, heads->v, best * sizeof *heads->v);
	heads->v[0] = top;
}

/* Concurrent versions with the same content (two laptops that made the same change, or that
 * resolved a conflict the same way) are one version: the one shown, given every entry of the
 * others' vectors. Every laptop makes it alike from the same heads, so they converge instead
 * of listing a conflict with no field that differs and resolving it anew each time. Not when
 * one is a deletion or dated in the future (which supersedes nothing). 0 or CW_ENOMEM. */
static int collapse_same_content(struct cw_item_list *heads, int64_t now)
{
	for (size_t i = 0; i < heads->n; i++) {
		int same;

		if (heads->v[i].deleted || cw_version_in_future(&heads->v[i].rec, now))
			return 0;
		if (i > 0 &&
		    (same = cw_version_same_content(&heads->v[0].rec, &heads->v[i].rec)) <= 0)
			return same < 0 ? CW_ENOMEM : 0;
	}
	for (size_t i = 1; i < heads->n; i++)
		if (cw_vv_merge(&heads->v[0].rec, &heads->v[i].rec) != 0)
			return CW_ENOMEM;
	for (size_t i = 1; i < heads->n; i++)
		item_free(&heads->v[i]);
	heads->n = 1;
	return 0;
}

/* ---- heads of a record --------------------------------------------------------------------- */

static int decode_at(const MDB_val *v, const struct cw_id *id, struct cw_record *rec,
		     struct cw_error *err)
{
	int rc = cw_record_decode(v->mv_data, v->mv_size, rec, err);

	if (rc != 0) {
		cw_record_free(rec);
		return rc;
	}
	rec->id = *id;
	return 0;
}

/* Every head of id: the one shown (the tombstone or the live record), then the conflicts
 * greatest first. *shown says whether the records table holds the record. */
int cw_sync_load_heads(struct cw_store *st, MDB_txn *txn, const struct cw_id *id,
		       struct cw_item_list *out, int *shown, struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	MDB_cursor *cur;
	struct cw_record rec;
	struct cw_buf buf = {0}; /* a value opened with the database's key */
	int rc, tomb = 0, op;
	size_t first_conflict;

	memset(out, 0, sizeof *out);
	*shown = 0;
	if (!st->sync_ready)
		goto live;
	rc = cw_val_get(st, txn, DB_TOMBSTONES, &k, &v, &buf, err);
	if (rc == 0) {
		if ((rc = decode_at(&v, id, &rec, err)) != 0 ||
		    (rc = cw_item_list_push(out, &rec, 1)) != 0)
			goto fail;
		tomb = 1;
	} else if (rc != MDB_NOTFOUND) {
		rc = cw_store_lmdb_error(NULL, rc, "reading a deletion", err);
		goto fail;
	}
live:
	rc = cw_val_get(st, txn, DB_RECORDS, &k, &v, &buf, err);
	if (rc == 0) {
		*shown = 1;
		/* A deleted record shown because others name it is its tombstone's copy. */
		if (!tomb && ((rc = decode_at(&v, id, &rec, err)) != 0 ||
			      (rc = cw_item_list_push(out, &rec, 0)) != 0))
			goto fail;
	} else if (rc != MDB_NOTFOUND) {
		rc = cw_store_lmdb_error(NULL, rc, "reading a record", err);
		goto fail;
	}
	if (!st->sync_ready) {
		cw_buf_free(&buf);
		return 0;
	}
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_CONFLICTS], &cur)) != 0) {
		rc = cw_store_lmdb_error(NULL, rc, "reading conflicts", err);
		goto fail;
	}
	first_conflict = out->n;
	k.mv_size = ID_LEN;
	k.mv_data = (void *)id->b;
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		MDB_val body;

		if (k.mv_size != CONFLICT_KEY_LEN || memcmp(k.mv_data, id->b, ID_LEN) != 0)
			break;
		if ((rc = cw_val_open(st, DB_CONFLICTS, &k, &v, &buf, &v, err)) != 0)
			break;
		if (v.mv_size < 3) {
			rc = cw_error_set(err, CW_EDB, "database", "a conflict entry is corrupt");
			break;
		}
		body.mv_size = v.mv_size - 1;
		body.mv_data = (uint8_t *)v.mv_data + 1;
		if ((rc = decode_at(&body, id, &rec, err)) != 0 ||
		    (rc = cw_item_list_push(out, &rec, ((uint8_t *)v.mv_data)[0] != 0)) != 0)
			break;
	}
	mdb_cursor_close(cur);
	if (rc == MDB_NOTFOUND)
		rc = 0;
	else if (rc > 0 || rc < CW_EDAMAGED)
		rc = cw_store_lmdb_error(NULL, rc, "reading conflicts", err);
	if (rc != 0)
		goto fail;
	cw_buf_free(&buf);
	/* The one shown is what the last merge chose (not always the greatest: see order_heads);
	 * the conflicts follow in the merge order. With none shown (a damaged state) all are
	 * ordered. */
	if (first_conflict == 0 && out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, head_desc);
	else if (out->n > first_conflict + 1)
		qsort(out->v + first_conflict, out->n - first_conflict, sizeof *out->v, head_desc);
	return 0;
fail:
	cw_buf_free(&buf);
	cw_item_list_free(out);
	return rc == CW_ENOMEM || rc > 0 ? cw_error_set(err, CW_ENOMEM, "", "out of memory") : rc;
}

/* Replaces the conflict entries of id with heads[1..n), deleted ones without content. With
 * `wipe` (the record ends deleted) the entries replaced are overwritten first: what was shown
 * of a deleted record must not stay in the file. */
static int write_conflicts(struct cw_txn *t, const struct cw_id *id,
			   const struct cw_item_list *heads, int wipe, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	int rc, op;

	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_CONFLICTS], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "writing conflicts", err);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_SET_RANGE) {
		if (k.mv_size != CONFLICT_KEY_LEN || memcmp(k.mv_data, id->b, ID_LEN) != 0)
			break;
		if (wipe) {
			/* The same size, in place (see cw_store_wipe). */
			MDB_val z = {v.mv_size, NULL};

			if ((rc = mdb_cursor_put(cur, &k, &z, MDB_CURRENT | MDB_RESERVE)) != 0)
				break;
			memset(z.mv_data, 0, z.mv_size);
			t->scrub = 1;
		}
		if ((rc = mdb_cursor_del(cur, 0)) != 0)
			break;
		k.mv_size = ID_LEN;
		k.mv_data = (void *)id->b;
	}
	mdb_cursor_close(cur);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "writing conflicts", err);
	for (size_t i = 1; i < heads->n; i++) {
		struct cw_record r;
		uint8_t key[CONFLICT_KEY_LEN], flag = (uint8_t)heads->v[i].deleted;
		struct cw_buf enc = {0};

		if (cw_record_copy(&r, &heads->v[i].rec) != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		if (flag)
			cw_version_make_tombstone(&r);
		memcpy(key, id->b, ID_LEN);
		put_be64(key + ID_LEN, (uint64_t)r.updated);
		memcpy(key + ID_LEN + 8, r.edited_in.b, ID_LEN);
		rc = cw_buf_append(&enc, &flag, 1) != 0 || cw_record_encode(&r, &enc) != 0;
		cw_record_free(&r);
		if (rc != 0) {
			cw_buf_free(&enc);
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
		k.mv_size = sizeof key;
		k.mv_data = key;
		rc = cw_val_put(t, DB_CONFLICTS, &k, enc.data, enc.len, 0);
		cw_buf_free(&enc);
		if (rc != 0)
			return cw_store_lmdb_error(t, rc, "writing conflicts", err);
	}
	return 0;
}

/* Everything a version to be shown names must be held here, live or deleted: bundles carry
 * what their records name, so a gap is a damaged or hand-made bundle. */
static int check_named_held(struct cw_txn *t, const struct cw_record *rec, const char *field,
			    struct cw_error *err)
{
	struct cw_id *refs = NULL;
	size_t n = 0;
	int rc = 0;

	if (cw_store_record_refs(rec, &refs, &n) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++) {
		MDB_val k = {ID_LEN, refs[i].b}, v;
		char hex[CW_ID_HEX_LEN + 1];

		if ((rc = mdb_get(t->txn, t->st->dbi[DB_RECORDS], &k, &v)) == MDB_NOTFOUND)
			rc = mdb_get(t->txn, t->st->dbi[DB_TOMBSTONES], &k, &v);
		if (rc == MDB_NOTFOUND) {
			cw_id_hex(&refs[i], hex);
			rc = cw_error_set(err, CW_EINVAL, field,
					  "names record %s, which neither this database nor the "
					  "bundle holds",
					  hex);
		} else if (rc != 0) {
			rc = cw_store_lmdb_error(t, rc, "reading a record", err);
		}
	}
	free(refs);
	return rc;
}

/* Makes heads (the one to show first) the state of id: conflicts, tombstone, the record
 * shown. A deletion that wins takes the record out of the records table even while others
 * name it: its content is gone, and they keep its id (sync.h). */
static int apply_heads(struct cw_txn *t, const struct cw_id *id, struct cw_item_list *heads,
		       struct cw_error *err)
{
	struct cw_record *top = &heads->v[0].rec;
	int rc;

	if ((rc = write_conflicts(t, id, heads, heads->v[0].deleted, err)) != 0)
		return rc;
	if (heads->v[0].deleted) {
		if ((rc = cw_store_put_tombstone(t, top, err)) != 0)
			return rc;
		return cw_store_unlink(t, id, err);
	}
	if ((rc = cw_store_del_tombstone(t, id, err)) != 0)
		return rc;
	return cw_txn_put(t, top, CW_PUT_KEEP_HEADER | CW_PUT_QUIET, NULL, err);
}

/* Merges one version; *changed says whether the heads of its record changed. */
int cw_sync_merge_version(struct cw_txn *t, struct cw_bundle_item *in, const struct cw_id *bundle,
			  const char *field, int *changed, int *conflicted, struct cw_error *err)
{
	struct cw_item_list heads, next = {0};
	int rc, shown, in_future;
	struct cw_record copy;
	int64_t now = cw_now_us();

	*changed = *conflicted = 0;
	if ((rc = cw_sync_load_heads(t->st, t->txn, &in->rec.id, &heads, &shown, err)) != 0)
		return rc;
	for (size_t i = 0; i < heads.n; i++) {
		const struct cw_record *h = &heads.v[i].rec;

		if (h->kind != in->rec.kind) {
			rc = cw_error_set(err, CW_EINVAL, field,
					  "is a %s here but a %s in the bundle",
					  cw_kind_name(h->kind), cw_kind_name(in->rec.kind));
			goto out;
		}
		if (cw_vv_compare(&in->rec, h) == CW_VV_EQUAL)
			goto out; /* held already */
		/* Something held came after it; unless that is dated in the future, which
		 * supersedes nothing (a forged or misdated version must not swallow a real
		 * correction that reaches us later). */
		if (cw_version_supersedes(h, &in->rec) && !cw_version_in_future(h, now))
			goto out;
	}
	/* Keep the heads the new version does not supersede, and add it. A version dated in the
	 * future supersedes nothing: the heads it would replace stay, and it is kept beside them
	 * as a conflict. */
	in_future = cw_version_in_future(&in->rec, now);
	for (size_t i = 0; i < heads.n; i++) {
		if (!in_future && cw_version_supersedes(&in->rec, &heads.v[i].rec))
			continue;
		if ((rc = cw_item_list_push(&next, &heads.v[i].rec, heads.v[i].deleted)) != 0)
			goto oom;
	}
	if ((rc = cw_record_copy(&copy, &in->rec)) != 0)
		goto oom;
	copy.bundle = *bundle;
	if ((rc = cw_item_list_push(&next, &copy, in->deleted)) != 0) {
		cw_record_free(&copy);
		goto oom;
	}
	order_heads(&next, now);
	if (next.n > 1 && collapse_same_content(&next, now) != 0)
		goto oom;
	if (!next.v[0].deleted && (rc = check_named_held(t, &next.v[0].rec, field, err)) != 0)
		goto out;
	if ((rc = apply_heads(t, &in->rec.id, &next, err)) != 0)
		goto out;
	*changed = 1;
	*conflicted = next.n > 1;
	goto out;
oom:
	rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
out:
	cw_item_list_free(&heads);
	cw_item_list_free(&next);
	return rc;
}

/* ---- sets of record ids -------------------------------------------------------------------- */

static int idset_cmp(const void *a, const void *b)
{
	return memcmp(a, b, ID_LEN);
}

int cw_idset_add(struct cw_idset *s, const struct cw_id *id)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct cw_id *grown = realloc(s->v, cap * sizeof *grown);

		if (!grown)
			return CW_ENOMEM;
		s->v = grown;
		s->cap = cap;
	}
	s->v[s->n++] = *id;
	return 0;
}

void cw_idset_sort_unique(struct cw_idset *s)
{
	size_t w = 0;

	if (!s->n)
		return;
	qsort(s->v, s->n, sizeof *s->v, idset_cmp);
	for (size_t i = 1; i < s->n; i++)
		if (!cw_id_equal(&s->v[i], &s->v[w]))
			s->v[++w] = s->v[i];
	s->n = w + 1;
}

int cw_idset_has(const struct cw_idset *s, const struct cw_id *id)
{
	return s->n && bsearch(id, s->v, s->n, sizeof *s->v, idset_cmp) != NULL;
}

int cw_idset_has_linear(const struct cw_idset *s, const struct cw_id *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (cw_id_equal(&s->v[i], id))
			return 1;
	return 0;
}

/* Adds every record key of a table (its first ID_LEN bytes). */
int cw_idset_add_table(struct cw_store *st, MDB_txn *txn, enum cw_db db, struct cw_idset *s,
		       struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op;

	if ((rc = mdb_cursor_open(txn, st->dbi[db], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading the database", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT)
		if (k.mv_size >= ID_LEN && cw_idset_add(s, (const struct cw_id *)k.mv_data) != 0) {
			rc = ENOMEM;
			break;
		}
	mdb_cursor_close(cur);
	if (rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(NULL, rc, "reading the database", err);
	return 0;
}

/* ---- conflicts ----------------------------------------------------------------------------- */

int cw_sync_conflicts(struct cw_store *st, struct cw_conflict **out, size_t *n,
		      struct cw_error *err)
{
	struct cw_idset ids = {0};
	struct cw_conflict *list = NULL;
	size_t count = 0;
	MDB_txn *txn;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st->sync_ready)
		return 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = cw_idset_add_table(st, txn, DB_CONFLICTS, &ids, err)) != 0)
		goto out;
	cw_idset_sort_unique(&ids);
	if (ids.n && !(list = calloc(ids.n, sizeof *list))) {
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		goto out;
	}
	for (size_t i = 0; i < ids.n; i++) {
		struct cw_item_list heads;
		int shown;

		if ((rc = cw_sync_load_heads(st, txn, &ids.v[i], &heads, &shown, err)) != 0)
			goto out;
		if (heads.n < 2) {
			cw_item_list_free(&heads);
			continue;
		}
		list[count].id = ids.v[i];
		list[count].kind = heads.v[0].rec.kind;
		list[count].versions = heads.v;
		list[count].n = heads.n;
		count++;
	}
out:
	mdb_txn_abort(txn);
	free(ids.v);
	if (rc != 0) {
		cw_sync_conflicts_free(list, count);
		return rc;
	}
	*out = list;
	*n = count;
	return 0;
}

int cw_sync_conflicted_ids(struct cw_store *st, struct cw_id **ids, size_t *n, struct cw_error *err)
{
	struct cw_idset set = {0};
	MDB_txn *txn;
	int rc;

	*ids = NULL;
	*n = 0;
	if (!st->sync_ready)
		return 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = cw_idset_add_table(st, txn, DB_CONFLICTS, &set, err);
	mdb_txn_abort(txn);
	if (rc != 0) {
		free(set.v);
		return rc;
	}
	cw_idset_sort_unique(&set);
	if (!set.n) {
		free(set.v);
		return 0;
	}
	*ids = set.v;
	*n = set.n;
	return 0;
}

void cw_sync_conflicts_free(struct cw_conflict *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < c[i].n; j++)
			item_free(&c[i].versions[j]);
		free(c[i].versions);
	}
	free(c);
}

/* Whether a ruling's record still stands: only a deletion known here (its tombstone, with no
 * live record) says it does not. A record this laptop never received (a confidential hearing
 * left out of a plain bundle, one still on its way) keeps the step another laptop took from
 * it; a read that fails keeps what is there. */
static int record_held(void *ctx, const struct cw_id *id)
{
	struct cw_txn *t = ctx;
	MDB_val k = {ID_LEN, (void *)id->b}, v;

	if (mdb_get(t->txn, t->st->dbi[DB_RECORDS], &k, &v) != MDB_NOTFOUND)
		return 1;
	return mdb_get(t->txn, t->st->dbi[DB_TOMBSTONES], &k, &v) != 0;
}

/* After a hearing's or milestone's conflict is resolved to heads[choice]: what the versions set
 * aside moved in other cases is taken back, and its case follows the version kept, as after an
 * edit of it (cw_store_follow_verdicts). */
static int follow_kept_rulings(struct cw_txn *t, const struct cw_item_list *heads,
			       const struct cw_record *kept, int kept_deleted, struct cw_error *err)
{
	const struct cw_id *kept_case = kept_deleted ? NULL : cw_store_ruling_case(kept);
	int rc = 0, same = 1;

	/* Versions that rule alike (a conflict over notes, say) leave the charges as they are.
	 * `kept` is the version written, which may have taken a ruling's fields from another
	 * (conflicts resolve --take). */
	for (size_t i = 0; i < heads->n; i++)
		same &= !heads->v[i].deleted && !kept_deleted &&
			cw_store_rulings_equal(&heads->v[i].rec, kept);
	if (same)
		return 0;
	for (size_t i = 0; i < heads->n && rc == 0; i++) {
		const struct cw_id *cid = cw_store_ruling_case(&heads->v[i].rec);
		size_t j;

		if (!cid || (kept_case && cw_id_equal(cid, kept_case)))
			continue;
		for (j = 0; j < i; j++) {
			const struct cw_id *earlier = cw_store_ruling_case(&heads->v[j].rec);

			if (earlier && cw_id_equal(earlier, cid))
				break;
		}
		if (j == i)
			rc = cw_store_unfollow_verdicts(t, &kept->id, cid, err);
	}
	if (rc == 0 && kept_case)
		rc = cw_store_follow_verdicts(t, kept, kept_case, err);
	return rc;
}

struct resolve_ctx {
	struct cw_id id;
	size_t choice;
	const struct cw_take *takes;
	size_t ntakes;
};

/* --take notes=all: every other live version's text of the field joined to the one kept, each
 * as a paragraph under its editor's name (two monitors each wrote notes: a trial's supervisor
 * merged them by hand). */
static int join_field(const struct resolve_ctx *c, const struct cw_item_list *heads,
		      struct cw_record *rec, const char *field, struct cw_error *err)
{
	if (heads->v[c->choice].deleted)
		return cw_error_set(err, CW_EINVAL, "take",
				    "version %zu is a deletion: keep a version with content to "
				    "join %.40s into it",
				    c->choice + 1, field);
	for (size_t v = 0; v < heads->n; v++) {
		const struct cw_record *from = &heads->v[v].rec;
		int rc;

		if (v == c->choice || heads->v[v].deleted)
			continue;
		rc = cw_confidential_join_field(rec, from, field, from->editor);
		if (rc == CW_ENOTFOUND)
			return cw_error_set(err, CW_EINVAL, "take", "a %s has no field '%.40s'",
					    cw_kind_name(rec->kind), field);
		if (rc == CW_EINVAL)
			return cw_error_set(err, CW_EINVAL, "take",
					    "%.40s=all joins text of several lines (notes, "
					    "follow-up): take %.40s from one version",
					    field, field);
		if (rc != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	return 0;
}

/* Whether a field's schema name and a name typed for it ("follow-up") are the same. */
static int same_field_name(const char *schema, const char *typed)
{
	for (; *schema && *typed; schema++, typed++)
		if (*schema != *typed && !(*schema == '_' && *typed == '-'))
			return 0;
	return *schema == *typed;
}

/* The fields c takes from other versions, into rec (the version chosen). */
static int take_fields(const struct resolve_ctx *c, const struct cw_item_list *heads,
		       struct cw_record *rec, struct cw_error *err)
{
	for (size_t i = 0; i < c->ntakes; i++) {
		const struct cw_take *t = &c->takes[i];
		int rc;

		for (size_t j = 0; j < i; j++)
			if (!strcmp(c->takes[j].field, t->field))
				return cw_error_set(
					err, CW_EINVAL, "take",
					"%.40s is named twice: take it from one version", t->field);
		if (t->version == CW_TAKE_ALL) {
			if ((rc = join_field(c, heads, rec, t->field, err)) != 0)
				return rc;
			continue;
		}
		if (t->version >= heads->n)
			return cw_error_set(err, CW_EINVAL, "take",
					    "%.40s: choose a version from 1 to %zu", t->field,
					    heads->n);
		if (t->version == c->choice)
			return cw_error_set(err, CW_EINVAL, "take",
					    "%.40s: version %zu is the one kept; name another",
					    t->field, t->version + 1);
		if (heads->v[c->choice].deleted)
			return cw_error_set(err, CW_EINVAL, "take",
					    "version %zu is a deletion: keep a version with "
					    "content to take %.40s into it",
					    c->choice + 1, t->field);
		if (heads->v[t->version].deleted)
			return cw_error_set(err, CW_EINVAL, "take",
					    "version %zu is a deletion: it has no %.40s to take",
					    t->version + 1, t->field);
		rc = cw_confidential_take_field(rec, &heads->v[t->version].rec, t->field);
		if (rc == CW_ENOTFOUND)
			return cw_error_set(err, CW_EINVAL, "take", "a %s has no field '%.40s'",
					    cw_kind_name(rec->kind), t->field);
		if (rc != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	/* Fields from two versions may not go together (a verdict's outcome with the other's
	 * empty verdicts): checked as a record typed in is. */
	if (c->ntakes && cw_record_validate(rec, err) != 0) {
		/* Text joined from every version may be too long where each was not: say so,
		 * and what to do (a trial read only "too long"). */
		for (size_t i = 0; err && i < c->ntakes; i++)
			if (c->takes[i].version == CW_TAKE_ALL &&
			    same_field_name(err->field, c->takes[i].field)) {
				size_t n = strlen(err->message);

				snprintf(err->message + n, sizeof err->message - n, "%s",
					 _(" (joined from every version: shorten the notes of "
					   "the version kept, or take them from one version)"));
				break;
			}
		return err ? err->code : CW_EINVAL;
	}
	return 0;
}

static int resolve_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct resolve_ctx *c = vctx;
	struct cw_item_list heads, one = {0};
	struct cw_record rec;
	int64_t now = cw_now_us(), latest = 0;
	int rc, shown, deleted;

	if ((rc = cw_sync_load_heads(t->st, t->txn, &c->id, &heads, &shown, err)) != 0)
		return rc;
	if (heads.n < 2) {
		cw_item_list_free(&heads);
		return cw_error_set(err, CW_ENOTFOUND, "id", "this record has no conflict");
	}
	if (c->choice >= heads.n) {
		size_t n = heads.n;

		cw_item_list_free(&heads);
		return cw_error_set(err, CW_EINVAL, "keep", "choose a version from 1 to %zu", n);
	}
	deleted = heads.v[c->choice].deleted;
	if ((rc = cw_record_copy(&rec, &heads.v[c->choice].rec)) != 0)
		goto oom;
	if ((rc = take_fields(c, &heads, &rec, err)) != 0) {
		cw_record_free(&rec);
		goto out;
	}
	/* The choice supersedes every version held: its vector includes theirs, and those dated
	 * in the future are set aside instead (taking their vector would date it in the future
	 * too, and it would supersede nothing anywhere). */
	cw_vv_clear(&rec);
	for (size_t i = 0; i < heads.n; i++) {
		const struct cw_record *h = &heads.v[i].rec;

		if (cw_version_in_future(h, now)) {
			if (cw_version_set_aside(&rec, h) != 0)
				goto oom_rec;
			continue;
		}
		if (cw_vv_merge(&rec, h) != 0)
			goto oom_rec;
		if (h->updated > latest)
			latest = h->updated;
	}
	if (cw_vv_latest(&rec) > latest)
		latest = cw_vv_latest(&rec);
	if (now <= latest)
		now = latest + 1;
	if (cw_vv_stamp(&rec, &t->st->database_id, now) != 0)
		goto oom_rec;
	rec.updated = now;
	rec.edited_in = t->st->database_id;
	memset(&rec.bundle, 0, ID_LEN);
	free(rec.editor);
	if (!(rec.editor = strdup(t->st->author)))
		goto oom_rec;
	/* The version kept of a case also follows the rulings the versions set aside had
	 * followed (each laptop's verdict moved its own version of the case); and, when it took
	 * fields from them (--take defendants=2), the rulings the chosen version had followed,
	 * which the defendants taken may lack (a trial's appeal overturned was lost so). */
	for (size_t i = 0; i < heads.n && !deleted && rec.kind == CW_KIND_CASE; i++) {
		int moved;

		if ((i == c->choice && !c->ntakes) || heads.v[i].deleted ||
		    heads.v[i].rec.kind != CW_KIND_CASE)
			continue;
		if (cw_case_merge_rulings(&rec.u.kase, &heads.v[i].rec.u.kase, record_held, t,
					  &moved) != 0)
			goto oom_rec;
	}
	if ((rc = cw_item_list_push(&one, &rec, deleted)) != 0)
		goto oom_rec;
	if (deleted) {
		/* Choosing the deletion is deleting here: refused while live records name the
		 * record, as `delete` is (a deletion merged from elsewhere is not refused). */
		int named;

		if ((rc = cw_store_is_named(t, &c->id, heads.v[0].rec.kind, &named, err)) != 0)
			goto out;
		if (named) {
			rc = cw_error_set(err, CW_EREFUSED, "keep",
					  "the deletion cannot be chosen while other records name "
					  "this %s; edit or delete those first",
					  cw_kind_name(heads.v[0].rec.kind));
			goto out;
		}
	}
	if ((rc = apply_heads(t, &c->id, &one, err)) != 0)
		goto out;
	if ((rc = cw_txn_audit(t, CW_AUDIT_RESOLVE, heads.v[0].rec.kind, &c->id, err)) != 0)
		goto out;
	/* A hearing or milestone kept: the cases its versions ruled in follow the one kept. */
	if ((rc = follow_kept_rulings(t, &heads, &one.v[0].rec, deleted, err)) != 0)
		goto out;
	/* The version kept may be one made before a merge of people another laptop made: it
	 * names the person merged away, as an import would have pointed it at the one kept (a
	 * trial found it naming a deleted person, out of its timeline, until the next import). */
	{
		size_t moved = 0;

		rc = cw_store_repoint_merged(t, &moved, NULL, err);
	}
	goto out;
oom_rec:
	cw_record_free(&rec);
oom:
	rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
out:
	cw_item_list_free(&heads);
	cw_item_list_free(&one);
	return rc;
}

int cw_sync_resolve(struct cw_store *st, const struct cw_id *id, size_t choice,
		    struct cw_error *err)
{
	return cw_sync_resolve_taking(st, id, choice, NULL, 0, err);
}

int cw_sync_resolve_taking(struct cw_store *st, const struct cw_id *id, size_t choice,
			   const struct cw_take *takes, size_t ntakes, struct cw_error *err)
{
	struct resolve_ctx c = {*id, choice, takes, ntakes};

	return cw_store_write(st, resolve_fn, &c, err);
}

/* ---- content ------------------------------------------------------------------------------- */

/* Gives a record without a vector its implicit one, so bundles always carry one. */
static int vv_make_explicit(struct cw_record *r)
{
	if (r->versions.n || cw_id_is_zero(&r->edited_in))
		return 0;
	return cw_vv_stamp(r, &r->edited_in, r->updated);
}

json_t *cw_sync_version_json(const struct cw_record *rec, int deleted)
{
	struct cw_record copy;
	json_t *obj, *body;

	if (cw_record_copy(&copy, rec) != 0)
		return NULL;
	memset(&copy.bundle, 0, ID_LEN);
	if (vv_make_explicit(&copy) != 0) {
		cw_record_free(&copy);
		return NULL;
	}
	/* A deletion is id, kind, who, where, when and its vector, whatever was held. */
	if (deleted)
		cw_version_make_tombstone(&copy);
	body = cw_record_to_json(&copy, CW_JSON_HEADER);
	obj = json_pack("{s:s,s:b,s:o}", "type", "version", "deleted", deleted, "record", body);
	cw_record_free(&copy);
	return obj;
}

int cw_sync_version_parse(const json_t *obj, struct cw_record *rec, int *deleted,
			  struct cw_error *err)
{
	const json_t *del = json_object_get(obj, "deleted");
	int rc;

	memset(rec, 0, sizeof *rec);
	if (!json_is_boolean(del))
		return cw_error_set(err, CW_EINVAL, "deleted", "must be true or false");
	*deleted = json_is_true(del);
	if ((rc = cw_record_from_json(json_object_get(obj, "record"), NULL, rec, err)) != 0)
		goto fail;
	if (*deleted) {
		/* Bundles written before deletions lost their content still carry it: it is
		 * dropped here, before anything is kept. */
		cw_version_make_tombstone(rec);
		rc = cw_record_validate_header(rec, err);
	} else {
		rc = cw_record_validate(rec, err);
	}
	if (rc != 0)
		goto fail;
	if (cw_id_is_zero(&rec->id) || cw_id_is_zero(&rec->edited_in) || rec->updated <= 0 ||
	    !rec->versions.n) {
		rc = cw_error_set(err, CW_EINVAL, "record", "lacks its id, version or database");
		goto fail;
	}
	memset(&rec->bundle, 0, ID_LEN);
	return 0;
fail:
	cw_record_free(rec);
	return rc;
}

/* One attachment's description as bundles carry it, a line of its own after the records. */
static int content_attachment(void *ctx, const struct cw_attachment *a, struct cw_error *err)
{
	json_t *obj = json_pack("{s:o*}", "attachment", cw_attach_json(a, 0));
	int rc = 0;

	if (!obj || !json_object_get(obj, "attachment"))
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	else if (cw_json_dumpf(obj, (FILE *)ctx, JSON_COMPACT | JSON_SORT_KEYS) != 0 ||
		 fputc('\n', (FILE *)ctx) == EOF)
		rc = cw_error_set(err, CW_EIO, "output", "cannot write");
	json_decref(obj);
	return rc;
}

int cw_sync_content(struct cw_store *st, FILE *out, struct cw_error *err)
{
	struct cw_idset ids = {0};
	MDB_txn *txn;
	int rc;

	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = cw_idset_add_table(st, txn, DB_RECORDS, &ids, err)) != 0 ||
	    (st->sync_ready && ((rc = cw_idset_add_table(st, txn, DB_TOMBSTONES, &ids, err)) != 0 ||
				(rc = cw_idset_add_table(st, txn, DB_CONFLICTS, &ids, err)) != 0)))
		goto out;
	cw_idset_sort_unique(&ids);
	for (size_t i = 0; i < ids.n && rc == 0; i++) {
		struct cw_item_list heads;
		size_t shown_at;
		int shown;

		if ((rc = cw_sync_load_heads(st, txn, &ids.v[i], &heads, &shown, err)) != 0)
			break;
		/* In the merge order, whichever is shown: databases holding the same versions
		 * print the same lines, and differ at most in which one is shown (while one is
		 * dated in the future of one machine and not of another). */
		shown_at = 0;
		if (heads.n > 1) {
			struct cw_bundle_item first = heads.v[0]; /* the same pointers once moved */

			qsort(heads.v, heads.n, sizeof *heads.v, head_desc);
			while (memcmp(&heads.v[shown_at], &first, sizeof first))
				shown_at++;
		}
		for (size_t h = 0; h < heads.n && rc == 0; h++) {
			json_t *obj = cw_sync_version_json(&heads.v[h].rec, heads.v[h].deleted);

			if (obj)
				json_object_set_new(obj, "shown",
						    json_boolean(h == shown_at && shown));
			json_object_del(obj, "type");
			/* Read on a terminal too: what a terminal may act on is escaped. */
			if (!obj)
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			else if (cw_json_dumpf(obj, out, JSON_COMPACT | JSON_SORT_KEYS) != 0 ||
				 fputc('\n', out) == EOF)
				rc = cw_error_set(err, CW_EIO, "output", "cannot write");
			json_decref(obj);
		}
		cw_item_list_free(&heads);
	}
	/* Then the attachments' descriptions, by id: what a bundle brings of them, the same on
	 * two laptops that hold the same ones, attached or detached (whether the content is held
	 * here is this laptop's own matter: `attachments` and `verify` say it). */
	if (rc == 0)
		rc = cw_attach_walk(st, txn, content_attachment, out, err);
out:
	mdb_txn_abort(txn);
	free(ids.v);
	return rc;
}
