/* version.c - version vectors, what supersedes what, versions dated in the future and the order
 * that picks the version shown; see version.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "models/codec.h"
#include "models/version.h"

static const struct cw_field *versions_field(void)
{
	return cw_schema_field(&cw_schema_header, "versions");
}

static const struct cw_field *set_aside_field(void)
{
	return cw_schema_field(&cw_schema_header, "set_aside");
}

/* The entries of r's vector; a record without one counts as {edited_in: updated}. */
static const struct cw_version *vv_items(const struct cw_record *r, size_t *n,
					 struct cw_version *one)
{
	if (r->versions.n) {
		*n = r->versions.n;
		return r->versions.items;
	}
	one->database = r->edited_in;
	one->time = r->updated;
	*n = 1;
	return one;
}

static int64_t vv_get(const struct cw_version *v, size_t n, const struct cw_id *db)
{
	for (size_t i = 0; i < n; i++)
		if (cw_id_equal(&v[i].database, db))
			return v[i].time;
	return -1;
}

enum cw_vv_order cw_vv_compare(const struct cw_record *a, const struct cw_record *b)
{
	struct cw_version oa, ob;
	size_t na, nb;
	const struct cw_version *va = vv_items(a, &na, &oa), *vb = vv_items(b, &nb, &ob);
	int a_more = 0, b_more = 0;

	for (size_t i = 0; i < na; i++)
		if (va[i].time > vv_get(vb, nb, &va[i].database))
			a_more = 1;
	for (size_t i = 0; i < nb; i++)
		if (vb[i].time > vv_get(va, na, &vb[i].database))
			b_more = 1;
	if (a_more && b_more)
		return CW_VV_CONCURRENT;
	if (a_more)
		return CW_VV_AFTER;
	if (b_more)
		return CW_VV_BEFORE;
	return CW_VV_EQUAL;
}

int cw_version_cmp(const struct cw_record *a, const struct cw_record *b)
{
	struct cw_buf ea = {0}, eb = {0};
	struct cw_record ca = *a, cb = *b;
	int c;

	if (a->updated != b->updated)
		return a->updated < b->updated ? -1 : 1;
	if ((c = memcmp(a->edited_in.b, b->edited_in.b, sizeof a->edited_in.b)) != 0)
		return c < 0 ? -1 : 1;
	/* Same time and database: only a hand-made bundle gets here; still decide the same
	 * way everywhere. The local bundle note is not part of a version. */
	memset(&ca.bundle, 0, sizeof ca.bundle);
	memset(&cb.bundle, 0, sizeof ca.bundle);
	if (cw_record_encode(&ca, &ea) != 0 || cw_record_encode(&cb, &eb) != 0) {
		c = 0;
	} else {
		c = memcmp(ea.data, eb.data, ea.len < eb.len ? ea.len : eb.len);
		if (c == 0 && ea.len != eb.len)
			c = ea.len < eb.len ? -1 : 1;
	}
	cw_buf_free(&ea);
	cw_buf_free(&eb);
	return c < 0 ? -1 : c > 0;
}

int64_t cw_version_dated(const struct cw_record *r)
{
	struct cw_version one;
	size_t n;
	const struct cw_version *v = vv_items(r, &n, &one);
	int64_t latest = r->updated;

	for (size_t i = 0; i < n; i++)
		if (v[i].time > latest)
			latest = v[i].time;
	return latest;
}

int cw_version_in_future(const struct cw_record *r, int64_t now)
{
	return cw_version_dated(r) - CW_FUTURE_SLACK_US > now;
}

int cw_version_supersedes(const struct cw_record *w, const struct cw_record *v)
{
	const struct cw_version *a = w->set_aside.items;

	if (cw_vv_compare(w, v) == CW_VV_AFTER)
		return 1;
	for (size_t i = 0; i < w->set_aside.n; i++)
		if (a[i].time == v->updated && cw_id_equal(&a[i].database, &v->edited_in))
			return 1;
	return 0;
}

/* Adds (database, time) to a set_aside list unless it is there, keeping the list in database
 * then time order so that equal lists encode the same. */
static int set_aside_add(struct cw_record *r, const struct cw_id *database, int64_t time)
{
	struct cw_version *v = r->set_aside.items;
	size_t i;

	for (i = 0; i < r->set_aside.n; i++)
		if (v[i].time == time && cw_id_equal(&v[i].database, database))
			return 0;
	if (!cw_list_append(&r->set_aside, set_aside_field()->sub))
		return CW_ENOMEM;
	v = r->set_aside.items;
	for (i = r->set_aside.n - 1; i > 0; i--) {
		int c = memcmp(v[i - 1].database.b, database->b, sizeof database->b);

		if (c < 0 || (c == 0 && v[i - 1].time < time))
			break;
		v[i] = v[i - 1];
	}
	v[i].database = *database;
	v[i].time = time;
	return 0;
}

int cw_version_set_aside(struct cw_record *r, const struct cw_record *v)
{
	return set_aside_add(r, &v->edited_in, v->updated);
}

void cw_version_make_tombstone(struct cw_record *r)
{
	struct cw_record keep;

	memset(&keep, 0, sizeof keep);
	keep.kind = r->kind;
	keep.id = r->id;
	keep.updated = r->updated;
	keep.editor = r->editor;
	keep.edited_in = r->edited_in;
	keep.bundle = r->bundle; /* the local note of which bundle brought it: not content */
	keep.versions = r->versions;
	keep.set_aside = r->set_aside;
	keep.merged_into = r->merged_into; /* where its references go: not content */
	/* Whether it held confidential material (as a whole or in fields): not content, but
	 * what keeps its id, and its audit entries, out of a plain bundle after it is gone. */
	keep.confidential = r->confidential || r->confidential_fields;
	r->editor = NULL;
	memset(&r->versions, 0, sizeof r->versions);
	memset(&r->set_aside, 0, sizeof r->set_aside);
	cw_record_free(r);
	cw_record_init(r, keep.kind);
	r->id = keep.id;
	r->updated = keep.updated;
	r->editor = keep.editor;
	r->edited_in = keep.edited_in;
	r->bundle = keep.bundle;
	r->versions = keep.versions;
	r->set_aside = keep.set_aside;
	r->merged_into = keep.merged_into;
	r->confidential = keep.confidential;
}

void cw_vv_clear(struct cw_record *r)
{
	cw_field_free(r, versions_field());
	cw_field_free(r, set_aside_field());
}

int cw_vv_stamp(struct cw_record *r, const struct cw_id *database, int64_t time)
{
	struct cw_version *v = r->versions.items, *nv;
	size_t i;

	for (i = 0; i < r->versions.n; i++)
		if (cw_id_equal(&v[i].database, database)) {
			v[i].time = time;
			return 0;
		}
	/* Entries are kept in database id order so equal vectors encode the same. */
	if (!(nv = cw_list_append(&r->versions, versions_field()->sub)))
		return CW_ENOMEM;
	v = r->versions.items;
	for (i = r->versions.n - 1;
	     i > 0 && memcmp(v[i - 1].database.b, database->b, sizeof database->b) > 0; i--)
		v[i] = v[i - 1];
	v[i].database = *database;
	v[i].time = time;
	return 0;
}

int cw_vv_merge(struct cw_record *dst, const struct cw_record *src)
{
	struct cw_version one, mine;
	size_t n, nd;
	const struct cw_version *sv = vv_items(src, &n, &one);
	int rc;

	if (!dst->versions.n && !cw_id_is_zero(&dst->edited_in) && dst->updated > 0) {
		/* Make the implicit entry of an old record explicit before adding to it. */
		const struct cw_version *dv = vv_items(dst, &nd, &mine);

		if ((rc = cw_vv_stamp(dst, &dv->database, dv->time)) != 0)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		int64_t have = vv_get(dst->versions.items, dst->versions.n, &sv[i].database);

		if (sv[i].time > have && (rc = cw_vv_stamp(dst, &sv[i].database, sv[i].time)) != 0)
			return rc;
	}
	/* What src set aside stays set aside in every version made on top of it, or a copy of
	 * it arriving later would come back. */
	for (size_t i = 0; i < src->set_aside.n; i++) {
		const struct cw_version *a = (const struct cw_version *)src->set_aside.items + i;

		if ((rc = set_aside_add(dst, &a->database, a->time)) != 0)
			return rc;
	}
	return 0;
}

int64_t cw_vv_latest(const struct cw_record *r)
{
	const struct cw_version *v = r->versions.items;
	int64_t latest = 0;

	for (size_t i = 0; i < r->versions.n; i++)
		if (v[i].time > latest)
			latest = v[i].time;
	return latest;
}

/* Encodes a copy of r without what says which version it is. */
static int content_encoding(const struct cw_record *r, struct cw_buf *out)
{
	struct cw_record c;
	int rc;

	if (cw_record_copy(&c, r) != 0)
		return CW_ENOMEM;
	c.updated = 0;
	free(c.editor);
	c.editor = NULL;
	memset(&c.edited_in, 0, sizeof c.edited_in);
	memset(&c.bundle, 0, sizeof c.bundle);
	cw_vv_clear(&c);
	rc = cw_record_encode(&c, out) != 0 ? CW_ENOMEM : 0;
	cw_record_free(&c);
	return rc;
}

int cw_version_same_content(const struct cw_record *a, const struct cw_record *b)
{
	struct cw_buf x = {0}, y = {0};
	int same;

	if (a->kind != b->kind)
		return 0;
	if (content_encoding(a, &x) != 0 || content_encoding(b, &y) != 0) {
		cw_buf_free(&x);
		cw_buf_free(&y);
		return CW_ENOMEM;
	}
	same = x.len == y.len && memcmp(x.data, y.data, x.len) == 0;
	cw_buf_free(&x);
	cw_buf_free(&y);
	return same;
}
