/* sync.c - bundles, the merge rule, conflicts and peers; see sync.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/codec.h"
#include "models/json.h"
#include "models/text.h"
#include "store/store_internal.h"
#include "store/sync.h"
#include "models/version.h"

#define CHECKSUM_LEN     32
#define BUNDLE_MAX_BYTES ((size_t)1 << 30)
#define CONFLICT_KEY_LEN (ID_LEN + 8 + ID_LEN)

/* Gives a record without a vector its implicit one, so bundles always carry one. */
static int vv_make_explicit(struct cw_record *r)
{
	if (r->versions.n || cw_id_is_zero(&r->edited_in))
		return 0;
	return cw_vv_stamp(r, &r->edited_in, r->updated);
}

/* ---- small helpers ------------------------------------------------------------------------- */

static int kind_rank(uint8_t kind)
{
	/* People, then cases, then the records that name them. */
	return kind == CW_KIND_PERSON ? 0 : kind == CW_KIND_CASE ? 1 : 2;
}

static void item_free(struct cw_bundle_item *it)
{
	cw_record_free(&it->rec);
}

struct items {
	struct cw_bundle_item *v;
	size_t n, cap;
};

static int items_push(struct items *l, struct cw_record *rec, int deleted)
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

static void items_free(struct items *l)
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

/* Every head of id, greatest first: the tombstone or the live record, then the conflicts.
 * *shown says whether the records table holds the record. */
static int load_heads(struct cw_store *st, MDB_txn *txn, const struct cw_id *id, struct items *out,
		      int *shown, struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	MDB_cursor *cur;
	struct cw_record rec;
	int rc, tomb = 0, op;

	memset(out, 0, sizeof *out);
	*shown = 0;
	if (!st->sync_ready)
		goto live;
	rc = mdb_get(txn, st->dbi[DB_TOMBSTONES], &k, &v);
	if (rc == 0) {
		if ((rc = decode_at(&v, id, &rec, err)) != 0 ||
		    (rc = items_push(out, &rec, 1)) != 0)
			goto fail;
		tomb = 1;
	} else if (rc != MDB_NOTFOUND) {
		rc = cw_store_lmdb_error(NULL, rc, "reading a deletion", err);
		goto fail;
	}
live:
	rc = mdb_get(txn, st->dbi[DB_RECORDS], &k, &v);
	if (rc == 0) {
		*shown = 1;
		/* A deleted record shown because others name it is its tombstone's copy. */
		if (!tomb && ((rc = decode_at(&v, id, &rec, err)) != 0 ||
			      (rc = items_push(out, &rec, 0)) != 0))
			goto fail;
	} else if (rc != MDB_NOTFOUND) {
		rc = cw_store_lmdb_error(NULL, rc, "reading a record", err);
		goto fail;
	}
	if (!st->sync_ready)
		return 0;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_CONFLICTS], &cur)) != 0) {
		rc = cw_store_lmdb_error(NULL, rc, "reading conflicts", err);
		goto fail;
	}
	k.mv_size = ID_LEN;
	k.mv_data = (void *)id->b;
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		MDB_val body;

		if (k.mv_size != CONFLICT_KEY_LEN || memcmp(k.mv_data, id->b, ID_LEN) != 0)
			break;
		if (v.mv_size < 3) {
			rc = cw_error_set(err, CW_EDB, "database", "a conflict entry is corrupt");
			break;
		}
		body.mv_size = v.mv_size - 1;
		body.mv_data = (uint8_t *)v.mv_data + 1;
		if ((rc = decode_at(&body, id, &rec, err)) != 0 ||
		    (rc = items_push(out, &rec, ((uint8_t *)v.mv_data)[0] != 0)) != 0)
			break;
	}
	mdb_cursor_close(cur);
	if (rc == MDB_NOTFOUND)
		rc = 0;
	else if (rc > 0)
		rc = cw_store_lmdb_error(NULL, rc, "reading conflicts", err);
	if (rc != 0)
		goto fail;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, head_desc);
	return 0;
fail:
	items_free(out);
	return rc == CW_ENOMEM || rc > 0 ? cw_error_set(err, CW_ENOMEM, "", "out of memory") : rc;
}

/* Replaces the conflict entries of id with heads[1..n). */
static int write_conflicts(struct cw_txn *t, const struct cw_id *id, const struct items *heads,
			   struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	int rc, op;

	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_CONFLICTS], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "writing conflicts", err);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_SET_RANGE) {
		if (k.mv_size != CONFLICT_KEY_LEN || memcmp(k.mv_data, id->b, ID_LEN) != 0)
			break;
		if ((rc = mdb_cursor_del(cur, 0)) != 0)
			break;
		k.mv_size = ID_LEN;
		k.mv_data = (void *)id->b;
	}
	mdb_cursor_close(cur);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "writing conflicts", err);
	for (size_t i = 1; i < heads->n; i++) {
		const struct cw_record *r = &heads->v[i].rec;
		uint8_t key[CONFLICT_KEY_LEN], flag = (uint8_t)heads->v[i].deleted;
		struct cw_buf enc = {0};

		memcpy(key, id->b, ID_LEN);
		put_be64(key + ID_LEN, (uint64_t)r->updated);
		memcpy(key + ID_LEN + 8, r->edited_in.b, ID_LEN);
		if (cw_buf_append(&enc, &flag, 1) != 0 || cw_record_encode(r, &enc) != 0) {
			cw_buf_free(&enc);
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
		k.mv_size = sizeof key;
		k.mv_data = key;
		v.mv_size = enc.len;
		v.mv_data = enc.data;
		rc = mdb_put(t->txn, t->st->dbi[DB_CONFLICTS], &k, &v, 0);
		cw_buf_free(&enc);
		if (rc != 0)
			return cw_store_lmdb_error(t, rc, "writing conflicts", err);
	}
	return 0;
}

/* Makes heads (greatest first) the state of id: conflicts, tombstone, the record shown. */
static int apply_heads(struct cw_txn *t, const struct cw_id *id, struct items *heads,
		       const char *field, struct cw_error *err)
{
	struct cw_record *top = &heads->v[0].rec;
	int rc;

	if ((rc = write_conflicts(t, id, heads, err)) != 0)
		return rc;
	if (heads->v[0].deleted) {
		if ((rc = cw_store_put_tombstone(t, top, err)) != 0)
			return rc;
		return cw_store_settle(t, id, err);
	}
	if ((rc = cw_store_del_tombstone(t, id, err)) != 0)
		return rc;
	{
		struct cw_id *refs = NULL;
		size_t n = 0;

		if (cw_store_record_refs(top, &refs, &n) != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		/* What it names must be there: a deleted person it names comes back. */
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = cw_store_pin(t, &refs[i], field, err);
		free(refs);
		if (rc != 0)
			return rc;
	}
	return cw_txn_put(t, top, CW_PUT_KEEP_HEADER | CW_PUT_QUIET, NULL, err);
}

/* Merges one version; *changed says whether the heads of its record changed. */
static int merge_version(struct cw_txn *t, struct cw_bundle_item *in, const struct cw_id *bundle,
			 const char *field, int *changed, int *conflicted, struct cw_error *err)
{
	struct items heads, next = {0};
	int rc, shown;
	struct cw_record copy;

	*changed = *conflicted = 0;
	if ((rc = load_heads(t->st, t->txn, &in->rec.id, &heads, &shown, err)) != 0)
		return rc;
	for (size_t i = 0; i < heads.n; i++) {
		enum cw_vv_order o = cw_vv_compare(&in->rec, &heads.v[i].rec);

		if (heads.v[i].rec.kind != in->rec.kind) {
			rc = cw_error_set(
				err, CW_EINVAL, field, "is a %s here but a %s in the bundle",
				cw_kind_name(heads.v[i].rec.kind), cw_kind_name(in->rec.kind));
			goto out;
		}
		if (o == CW_VV_EQUAL || o == CW_VV_BEFORE)
			goto out; /* held already, or something held came after it */
	}
	/* Keep the heads the new version did not come after, and add it. */
	for (size_t i = 0; i < heads.n; i++) {
		if (cw_vv_compare(&heads.v[i].rec, &in->rec) == CW_VV_BEFORE)
			continue;
		if ((rc = items_push(&next, &heads.v[i].rec, heads.v[i].deleted)) != 0)
			goto oom;
	}
	if ((rc = cw_record_copy(&copy, &in->rec)) != 0)
		goto oom;
	copy.bundle = *bundle;
	if ((rc = items_push(&next, &copy, in->deleted)) != 0) {
		cw_record_free(&copy);
		goto oom;
	}
	qsort(next.v, next.n, sizeof *next.v, head_desc);
	if ((rc = apply_heads(t, &in->rec.id, &next, field, err)) != 0)
		goto out;
	*changed = 1;
	*conflicted = next.n > 1;
	goto out;
oom:
	rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
out:
	items_free(&heads);
	items_free(&next);
	return rc;
}

/* ---- reading a bundle ---------------------------------------------------------------------- */

static int read_file(const char *path, char **data, size_t *len, struct cw_error *err)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	struct cw_buf b = {0};
	char chunk[65536];
	size_t got;

	if (!f)
		return cw_error_set(err, CW_EIO, "file", "cannot read %.200s: %s", path,
				    strerror(errno));
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + got > BUNDLE_MAX_BYTES || cw_buf_append(&b, chunk, got) != 0) {
			if (f != stdin)
				fclose(f);
			cw_buf_free(&b);
			return cw_error_set(err, CW_EINVAL, "bundle", "is too large (over 1 GiB)");
		}
	}
	if (ferror(f)) {
		if (f != stdin)
			fclose(f);
		cw_buf_free(&b);
		return cw_error_set(err, CW_EIO, "file", "cannot read %.200s", path);
	}
	if (f != stdin)
		fclose(f);
	if (cw_buf_append(&b, "", 1) != 0) {
		cw_buf_free(&b);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	*data = (char *)b.data;
	*len = b.len - 1;
	return 0;
}

static int line_error(struct cw_error *err, size_t line, int rc)
{
	char field[sizeof err->field];

	if (!err)
		return rc;
	snprintf(field, sizeof field, "%s", err->field);
	snprintf(err->field, sizeof err->field, "bundle line %zu%s%.80s", line,
		 field[0] ? ": " : "", field);
	return rc;
}

static int parse_id(const json_t *obj, const char *key, struct cw_id *id, struct cw_error *err)
{
	const json_t *v = json_object_get(obj, key);

	if (!json_is_string(v) || cw_id_parse_hex(json_string_value(v), id) != 0)
		return cw_error_set(err, CW_EINVAL, key, "must be 32 hex digits");
	return 0;
}

static int parse_text(const json_t *obj, const char *key, char *buf, size_t len,
		      struct cw_error *err)
{
	const json_t *v = json_object_get(obj, key);

	if (!json_is_string(v) || json_string_length(v) >= len ||
	    cw_text_validate(json_string_value(v), len - 1, 0, key, err) != 0)
		return cw_error_set(err, CW_EINVAL, key, "must be a line of text");
	snprintf(buf, len, "%s", json_string_value(v));
	return 0;
}

static int parse_time(const json_t *obj, const char *key, int64_t *us, struct cw_error *err)
{
	const json_t *v = json_object_get(obj, key);

	if (!json_is_string(v) || cw_time_parse(json_string_value(v), us) != 0)
		return cw_error_set(err, CW_EINVAL, key, "must be a UTC time");
	return 0;
}

static int parse_header(const char *line, size_t len, struct cw_bundle_stats *s,
			struct cw_error *err)
{
	json_error_t jerr;
	json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	const json_t *fmt, *ver;
	int rc = 0;

	fmt = obj ? json_object_get(obj, "format") : NULL;
	if (!json_is_object(obj) || !json_is_string(fmt) ||
	    strcmp(json_string_value(fmt), "casewatch-bundle") != 0) {
		json_decref(obj);
		return cw_error_set(err, CW_EINVAL, "bundle",
				    "not a casewatch bundle (no bundle header on line 1)");
	}
	ver = json_object_get(obj, "version");
	if (!json_is_integer(ver) || json_integer_value(ver) != CW_BUNDLE_VERSION) {
		rc = cw_error_set(err, CW_EVERSION, "bundle",
				  "format version %lld is not one this casewatch reads (%d); "
				  "upgrade casewatch",
				  json_is_integer(ver) ? (long long)json_integer_value(ver) : -1LL,
				  CW_BUNDLE_VERSION);
	} else if ((rc = parse_id(obj, "bundle", &s->bundle, err)) != 0 ||
		   (rc = parse_id(obj, "database", &s->database, err)) != 0 ||
		   (rc = parse_text(obj, "author", s->author, sizeof s->author, err)) != 0 ||
		   (rc = parse_text(obj, "scope", s->scope, sizeof s->scope, err)) != 0 ||
		   (rc = parse_time(obj, "created", &s->created, err)) != 0) {
		line_error(err, 1, rc);
	}
	json_decref(obj);
	return rc;
}

static int parse_audit(const json_t *obj, struct cw_audit_entry *e, struct cw_error *err)
{
	const json_t *a = json_object_get(obj, "action"), *k = json_object_get(obj, "kind");
	int rc, action = -1;

	memset(e, 0, sizeof e[0]);
	for (int i = CW_AUDIT_CREATE; i <= CW_AUDIT_RESOLVE; i++)
		if (json_is_string(a) && !strcmp(json_string_value(a), cw_audit_action_name(i)))
			action = i;
	if (action < 0)
		return cw_error_set(err, CW_EINVAL, "action", "is not a known audit action");
	e->action = (uint8_t)action;
	if (!json_is_string(k) || !(e->kind = (uint8_t)cw_kind_parse(json_string_value(k))))
		return cw_error_set(err, CW_EINVAL, "kind", "is not a record kind");
	if ((rc = parse_time(obj, "time", &e->time, err)) != 0 ||
	    (rc = parse_id(obj, "record", &e->record, err)) != 0 ||
	    (rc = parse_id(obj, "database", &e->database, err)) != 0)
		return rc;
	return parse_text(obj, "author", e->author, sizeof e->author, err);
}

int cw_bundle_read(const char *path, struct cw_bundle *b, struct cw_error *err)
{
	char *data = NULL, *end_line, *p;
	size_t len, nlines = 0, lineno;
	unsigned char sum[CHECKSUM_LEN];
	char hex[2 * CHECKSUM_LEN + 1];
	struct items items = {0};
	json_error_t jerr;
	json_t *end = NULL;
	int rc;

	memset(b, 0, sizeof *b);
	if ((rc = read_file(path, &data, &len, err)) != 0)
		return rc;
	if (len == 0 || !memchr(data, '\n', len)) {
		rc = cw_error_set(err, CW_EINVAL, "bundle",
				  len ? "not a casewatch bundle (no bundle header on line 1)"
				      : "is empty");
		goto out;
	}
	if ((rc = parse_header(data, (size_t)((char *)memchr(data, '\n', len) - data), &b->stats,
			       err)) != 0)
		goto out;
	/* The end line: the last complete line. A file cut short has none, or a count or
	 * checksum that does not match. */
	if (data[len - 1] != '\n') {
		rc = cw_error_set(err, CW_EINVAL, "bundle",
				  "is truncated (it does not end with its end line); ask for "
				  "it again");
		goto out;
	}
	for (end_line = data + len - 1; end_line > data && end_line[-1] != '\n'; end_line--)
		;
	for (p = data; p < end_line; p++)
		nlines += *p == '\n';
	end = json_loadb(end_line, (size_t)(data + len - end_line), JSON_REJECT_DUPLICATES, &jerr);
	if (!json_is_object(end) || !json_is_string(json_object_get(end, "type")) ||
	    strcmp(json_string_value(json_object_get(end, "type")), "end") != 0) {
		rc = cw_error_set(err, CW_EINVAL, "bundle",
				  "is truncated (no end line); ask for it again");
		goto out;
	}
	if (!json_is_integer(json_object_get(end, "lines")) ||
	    json_integer_value(json_object_get(end, "lines")) != (json_int_t)nlines) {
		rc = cw_error_set(err, CW_EINVAL, "bundle",
				  "is truncated or altered (line count does not match); ask for "
				  "it again");
		goto out;
	}
	crypto_generichash(sum, sizeof sum, (const unsigned char *)data, (size_t)(end_line - data),
			   NULL, 0);
	sodium_bin2hex(hex, sizeof hex, sum, sizeof sum);
	if (!json_is_string(json_object_get(end, "checksum")) ||
	    strcmp(json_string_value(json_object_get(end, "checksum")), hex) != 0) {
		rc = cw_error_set(err, CW_EINVAL, "bundle",
				  "is corrupted (checksum does not match its content); ask for "
				  "it again");
		goto out;
	}
	/* The lines between header and end. */
	lineno = 1;
	for (p = strchr(data, '\n') + 1; p < end_line; lineno++) {
		char *nl = memchr(p, '\n', (size_t)(end_line - p));
		json_t *obj = json_loadb(p, (size_t)(nl - p), JSON_REJECT_DUPLICATES, &jerr);
		const json_t *type = obj ? json_object_get(obj, "type") : NULL;

		rc = 0;
		if (!json_is_object(obj) || !json_is_string(type)) {
			rc = cw_error_set(err, CW_EINVAL, "", "is not a bundle entry");
		} else if (!strcmp(json_string_value(type), "version")) {
			const json_t *del = json_object_get(obj, "deleted");
			struct cw_record rec;

			if (!json_is_boolean(del)) {
				rc = cw_error_set(err, CW_EINVAL, "deleted",
						  "must be true or false");
			} else if ((rc = cw_record_from_json(json_object_get(obj, "record"), NULL,
							     &rec, err)) != 0 ||
				   (rc = cw_record_validate(&rec, err)) != 0) {
				cw_record_free(&rec);
			} else if (cw_id_is_zero(&rec.id) || cw_id_is_zero(&rec.edited_in) ||
				   rec.updated <= 0 || !rec.versions.n) {
				cw_record_free(&rec);
				rc = cw_error_set(err, CW_EINVAL, "record",
						  "lacks its id, version or database");
			} else {
				memset(&rec.bundle, 0, ID_LEN);
				if ((rc = items_push(&items, &rec, json_is_true(del))) != 0) {
					cw_record_free(&rec);
					rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
				}
			}
		} else if (!strcmp(json_string_value(type), "audit")) {
			struct cw_audit_entry e, *grown;

			if ((rc = parse_audit(obj, &e, err)) == 0) {
				if (!(grown = realloc(b->audit, (b->naudit + 1) * sizeof *grown))) {
					rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
				} else {
					b->audit = grown;
					b->audit[b->naudit++] = e;
				}
			}
		} else {
			rc = cw_error_set(err, CW_EINVAL, "type", "'%.20s' is not a bundle entry",
					  json_string_value(type));
		}
		json_decref(obj);
		if (rc != 0) {
			line_error(err, lineno + 1, rc);
			goto out;
		}
		p = nl + 1;
	}
	b->items = items.v;
	b->n = items.n;
	memset(&items, 0, sizeof items);
	b->stats.versions = b->n;
	b->stats.audit = b->naudit;
	for (size_t i = 0; i < b->n; i++)
		b->stats.deleted += (size_t)b->items[i].deleted;
out:
	json_decref(end);
	items_free(&items);
	free(data);
	if (rc != 0)
		cw_bundle_free(b);
	return rc;
}

void cw_bundle_free(struct cw_bundle *b)
{
	for (size_t i = 0; i < b->n; i++)
		item_free(&b->items[i]);
	free(b->items);
	free(b->audit);
	b->items = NULL;
	b->audit = NULL;
	b->n = b->naudit = 0;
}

/* ---- import -------------------------------------------------------------------------------- */

struct import_ctx {
	struct cw_bundle *b;
	size_t *order; /* items by kind rank */
	struct cw_bundle_stats *stats;
};

static int import_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct import_ctx *c = vctx;
	struct cw_bundle *b = c->b;
	int rc;

	c->stats->changed = c->stats->conflicts = c->stats->audit_added = 0;
	/* The field's own log first, marked with the database each change was made in. */
	for (size_t i = 0; i < b->naudit; i++) {
		int added;

		if ((rc = cw_store_audit_append(t, &b->audit[i], 1, &added, err)) != 0)
			return rc;
		c->stats->audit_added += (size_t)added;
	}
	for (size_t i = 0; i < b->n; i++) {
		struct cw_bundle_item *it = &b->items[c->order[i]];
		char field[64], hex[CW_ID_HEX_LEN + 1];
		int changed, conflicted;

		cw_id_hex(&it->rec.id, hex);
		snprintf(field, sizeof field, "%s %.8s", cw_kind_name(it->rec.kind), hex);
		if ((rc = merge_version(t, it, &b->stats.bundle, field, &changed, &conflicted,
					err)) != 0)
			return rc;
		if (!changed)
			continue;
		c->stats->changed++;
		c->stats->conflicts += (size_t)conflicted;
		if ((rc = cw_txn_audit(t, CW_AUDIT_IMPORT, it->rec.kind, &it->rec.id, err)) != 0)
			return rc;
	}
	return 0;
}

int cw_bundle_import(struct cw_store *st, const char *path, struct cw_bundle_stats *stats,
		     struct cw_error *err)
{
	struct cw_bundle b;
	struct import_ctx c;
	size_t k = 0;
	int rc;

	memset(stats, 0, sizeof *stats);
	if ((rc = cw_bundle_read(path, &b, err)) != 0)
		return rc;
	if (!(c.order = malloc((b.n ? b.n : 1) * sizeof *c.order))) {
		cw_bundle_free(&b);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	for (int rank = 0; rank < 3; rank++)
		for (size_t i = 0; i < b.n; i++)
			if (kind_rank(b.items[i].rec.kind) == rank)
				c.order[k++] = i;
	c.b = &b;
	c.stats = stats;
	rc = cw_store_write(st, import_fn, &c, err);
	{
		struct cw_bundle_stats keep = *stats;

		*stats = b.stats;
		stats->changed = keep.changed;
		stats->conflicts = keep.conflicts;
		stats->audit_added = keep.audit_added;
	}
	free(c.order);
	cw_bundle_free(&b);
	return rc;
}

/* ---- export -------------------------------------------------------------------------------- */

struct idset {
	struct cw_id *v;
	size_t n, cap;
};

static int idset_cmp(const void *a, const void *b)
{
	return memcmp(a, b, ID_LEN);
}

static int idset_add(struct idset *s, const struct cw_id *id)
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

static void idset_sort_unique(struct idset *s)
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

static int idset_has(const struct idset *s, const struct cw_id *id)
{
	return s->n && bsearch(id, s->v, s->n, sizeof *s->v, idset_cmp) != NULL;
}

static int idset_has_linear(const struct idset *s, const struct cw_id *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (cw_id_equal(&s->v[i], id))
			return 1;
	return 0;
}

/* Adds every record key of a table (its first ID_LEN bytes). */
static int idset_add_table(struct cw_store *st, MDB_txn *txn, enum cw_db db, struct idset *s,
			   struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op;

	if ((rc = mdb_cursor_open(txn, st->dbi[db], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading the database", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT)
		if (k.mv_size >= ID_LEN && idset_add(s, (const struct cw_id *)k.mv_data) != 0) {
			rc = ENOMEM;
			break;
		}
	mdb_cursor_close(cur);
	if (rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(NULL, rc, "reading the database", err);
	return 0;
}

static int peer_get(struct cw_store *st, MDB_txn *txn, const char *name, uint64_t *seq,
		    int64_t *time, struct cw_error *err)
{
	MDB_val k = {strlen(name), (void *)name}, v;
	int rc;

	*seq = 0;
	*time = 0;
	if (!st->sync_ready)
		return 0;
	rc = mdb_get(txn, st->dbi[DB_PEERS], &k, &v);
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "reading peers", err);
	if (v.mv_size == 16) {
		*seq = get_be64(v.mv_data);
		*time = (int64_t)get_be64((const uint8_t *)v.mv_data + 8);
	}
	return 0;
}

struct peer_mark {
	const char *name;
	uint64_t seq;
};

static int peer_mark_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	struct peer_mark *m = ctx;
	uint8_t val[16];
	MDB_val k = {strlen(m->name), (void *)m->name}, v = {sizeof val, val};
	int rc;

	put_be64(val, m->seq);
	put_be64(val + 8, (uint64_t)cw_now_us());
	if ((rc = mdb_put(t->txn, t->st->dbi[DB_PEERS], &k, &v, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "remembering the peer", err);
	return 0;
}

static json_t *version_json(const struct cw_record *rec, int deleted)
{
	struct cw_record copy;
	json_t *obj;

	if (cw_record_copy(&copy, rec) != 0)
		return NULL;
	memset(&copy.bundle, 0, ID_LEN);
	if (vv_make_explicit(&copy) != 0) {
		cw_record_free(&copy);
		return NULL;
	}
	obj = json_pack("{s:s,s:b,s:o}", "type", "version", "deleted", deleted, "record",
			cw_record_to_json(&copy, CW_JSON_HEADER));
	cw_record_free(&copy);
	return obj;
}

static json_t *audit_json(const struct cw_audit_entry *e)
{
	char t[32], rec[CW_ID_HEX_LEN + 1], db[CW_ID_HEX_LEN + 1];

	cw_time_format(e->time, t);
	cw_id_hex(&e->record, rec);
	cw_id_hex(&e->database, db);
	return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "type", "audit", "time", t, "action",
			 cw_audit_action_name(e->action), "kind", cw_kind_name(e->kind), "record",
			 rec, "database", db, "author", e->author);
}

/* Appends one JSON line to buf. */
static int emit(struct cw_buf *buf, json_t *obj, size_t *lines)
{
	char *text = obj ? json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	int rc = text ? 0 : CW_ENOMEM;

	if (rc == 0 &&
	    (cw_buf_append(buf, text, strlen(text)) != 0 || cw_buf_append(buf, "\n", 1) != 0))
		rc = CW_ENOMEM;
	free(text);
	json_decref(obj);
	if (rc == 0 && lines)
		(*lines)++;
	return rc;
}

/* Writes buf to path whole: beside it first, then renamed over it. */
static int write_whole(const char *path, const struct cw_buf *buf, struct cw_error *err)
{
	char tmp[4200];
	FILE *f;

	if (!strcmp(path, "-")) {
		if (fwrite(buf->data, 1, buf->len, stdout) != buf->len || fflush(stdout) != 0)
			return cw_error_set(err, CW_EIO, "file", "cannot write the bundle");
		return 0;
	}
	snprintf(tmp, sizeof tmp, "%s.part", path);
	if (!(f = fopen(tmp, "wb")))
		return cw_error_set(err, CW_EIO, "file", "cannot write %.200s: %s", tmp,
				    strerror(errno));
	if (fwrite(buf->data, 1, buf->len, f) != buf->len || fflush(f) != 0 || fsync(fileno(f)) ||
	    fclose(f) != 0) {
		int e = errno;

		unlink(tmp);
		return cw_error_set(err, CW_EIO, "file", "cannot write %.200s: %s", tmp,
				    strerror(e));
	}
	if (rename(tmp, path) != 0) {
		int e = errno;

		unlink(tmp);
		return cw_error_set(err, CW_EIO, "file", "cannot write %.200s: %s", path,
				    strerror(e));
	}
	return 0;
}

int cw_bundle_export(struct cw_store *st, const struct cw_bundle_options *opt, const char *path,
		     struct cw_bundle_stats *stats, struct cw_error *err)
{
	struct idset ids = {0}, all = {0}, extra = {0};
	struct cw_audit_entry *log = NULL;
	size_t nlog = 0, lines = 0;
	struct cw_buf buf = {0};
	uint64_t after = 0, last_seq = 0;
	int64_t since_us = 0, peer_time;
	char hex[CW_ID_HEX_LEN + 1], dbhex[CW_ID_HEX_LEN + 1], created[32];
	unsigned char sum[CHECKSUM_LEN];
	char sumhex[2 * CHECKSUM_LEN + 1];
	MDB_txn *txn = NULL;
	int rc;

	memset(stats, 0, sizeof *stats);
	if (opt->scope == CW_BUNDLE_PEER &&
	    (!opt->peer || !*opt->peer || strlen(opt->peer) >= sizeof((struct cw_peer *)0)->name ||
	     cw_text_validate(opt->peer, 100, 0, "to", NULL) != 0))
		return cw_error_set(err, CW_EINVAL, "to", "give the peer a short name");
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if (opt->scope == CW_BUNDLE_PEER) {
		if ((rc = peer_get(st, txn, opt->peer, &after, &peer_time, err)) != 0)
			goto out;
		snprintf(stats->scope, sizeof stats->scope, "to %s", opt->peer);
	} else if (opt->scope == CW_BUNDLE_SINCE) {
		char d[CW_DATE_TEXT_MAX];

		since_us = (int64_t)cw_date_to_days(opt->since) * 86400 * 1000000;
		cw_date_format(opt->since, d);
		snprintf(stats->scope, sizeof stats->scope, "since %s", d);
	} else {
		snprintf(stats->scope, sizeof stats->scope, "all");
	}
	mdb_txn_abort(txn);
	txn = NULL;
	/* What changed: the audit log names every change, made here or imported. */
	if ((rc = cw_store_audit(st, 0, 0, &log, &nlog, err)) != 0)
		goto out;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		goto out;
#define TAKE(e)                                                                                    \
	(opt->scope == CW_BUNDLE_ALL || (opt->scope == CW_BUNDLE_PEER && (e)->seq > after) ||      \
	 (opt->scope == CW_BUNDLE_SINCE && (e)->time >= since_us))
	for (size_t i = 0; i < nlog; i++) {
		if (log[i].seq > last_seq)
			last_seq = log[i].seq;
		if (TAKE(&log[i]) && idset_add(&ids, &log[i].record) != 0)
			goto oom;
	}
	if (opt->scope == CW_BUNDLE_ALL) {
		if ((rc = idset_add_table(st, txn, DB_RECORDS, &ids, err)) != 0 ||
		    (st->sync_ready &&
		     ((rc = idset_add_table(st, txn, DB_TOMBSTONES, &ids, err)) != 0 ||
		      (rc = idset_add_table(st, txn, DB_CONFLICTS, &ids, err)) != 0)))
			goto out;
	}
	idset_sort_unique(&ids);
	/* Everything a chosen record names goes too, so the bundle imports on its own. The
	 * chosen ids are sorted; the few they add are looked up one by one. */
	for (size_t i = 0; i < ids.n + extra.n; i++) {
		struct items heads;
		struct cw_id id = i < ids.n ? ids.v[i] : extra.v[i - ids.n];
		int shown;

		if ((rc = load_heads(st, txn, &id, &heads, &shown, err)) != 0)
			goto out;
		for (size_t h = 0; h < heads.n && rc == 0; h++) {
			struct cw_id *refs = NULL;
			size_t n = 0;

			if (cw_store_record_refs(&heads.v[h].rec, &refs, &n) != 0)
				rc = CW_ENOMEM;
			for (size_t r = 0; r < n && rc == 0; r++)
				if (!idset_has(&ids, &refs[r]) &&
				    !idset_has_linear(&extra, &refs[r]))
					rc = idset_add(&extra, &refs[r]);
			free(refs);
		}
		items_free(&heads);
		if (rc != 0)
			goto oom;
	}
	for (size_t i = 0; i < ids.n + extra.n; i++)
		if (idset_add(&all, i < ids.n ? &ids.v[i] : &extra.v[i - ids.n]) != 0)
			goto oom;
	idset_sort_unique(&all);
	/* The header, then versions people first, then audit entries, then the end line. */
	randombytes_buf(stats->bundle.b, ID_LEN);
	cw_store_database_id(st, &stats->database);
	snprintf(stats->author, sizeof stats->author, "%s", st->author);
	stats->created = cw_now_us();
	cw_id_hex(&stats->bundle, hex);
	cw_id_hex(&stats->database, dbhex);
	cw_time_format(stats->created, created);
	if (emit(&buf,
		 json_pack("{s:s,s:i,s:s,s:s,s:s,s:s,s:s}", "format", "casewatch-bundle", "version",
			   CW_BUNDLE_VERSION, "bundle", hex, "database", dbhex, "author",
			   st->author, "created", created, "scope", stats->scope),
		 &lines) != 0)
		goto oom;
	for (int rank = 0; rank < 3; rank++) {
		for (size_t i = 0; i < all.n; i++) {
			struct items heads;
			int shown;

			if ((rc = load_heads(st, txn, &all.v[i], &heads, &shown, err)) != 0)
				goto out;
			for (size_t h = 0; h < heads.n && rc == 0; h++) {
				if (kind_rank(heads.v[h].rec.kind) != rank)
					break;
				rc = emit(&buf, version_json(&heads.v[h].rec, heads.v[h].deleted),
					  &lines);
				stats->versions++;
				stats->deleted += (size_t)heads.v[h].deleted;
			}
			items_free(&heads);
			if (rc != 0)
				goto oom;
		}
	}
	for (size_t i = 0; i < nlog; i++) {
		if (!TAKE(&log[i]))
			continue;
		if (emit(&buf, audit_json(&log[i]), &lines) != 0)
			goto oom;
		stats->audit++;
	}
	mdb_txn_abort(txn);
	txn = NULL;
	crypto_generichash(sum, sizeof sum, buf.data, buf.len, NULL, 0);
	sodium_bin2hex(sumhex, sizeof sumhex, sum, sizeof sum);
	if (emit(&buf,
		 json_pack("{s:s,s:I,s:s}", "type", "end", "lines", (json_int_t)lines, "checksum",
			   sumhex),
		 NULL) != 0)
		goto oom;
	if ((rc = write_whole(path, &buf, err)) != 0)
		goto out;
	if (opt->scope == CW_BUNDLE_PEER && last_seq > after) {
		struct peer_mark m = {opt->peer, last_seq};

		rc = cw_store_write(st, peer_mark_fn, &m, err);
	}
	goto out;
oom:
	rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
out:
	if (txn)
		mdb_txn_abort(txn);
	free(ids.v);
	free(all.v);
	free(log);
	cw_buf_free(&buf);
	free(extra.v);
	return rc;
}

/* ---- conflicts ----------------------------------------------------------------------------- */

int cw_sync_conflicts(struct cw_store *st, struct cw_conflict **out, size_t *n,
		      struct cw_error *err)
{
	struct idset ids = {0};
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
	if ((rc = idset_add_table(st, txn, DB_CONFLICTS, &ids, err)) != 0)
		goto out;
	idset_sort_unique(&ids);
	if (ids.n && !(list = calloc(ids.n, sizeof *list))) {
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		goto out;
	}
	for (size_t i = 0; i < ids.n; i++) {
		struct items heads;
		int shown;

		if ((rc = load_heads(st, txn, &ids.v[i], &heads, &shown, err)) != 0)
			goto out;
		if (heads.n < 2) {
			items_free(&heads);
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

void cw_sync_conflicts_free(struct cw_conflict *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < c[i].n; j++)
			item_free(&c[i].versions[j]);
		free(c[i].versions);
	}
	free(c);
}

struct resolve_ctx {
	struct cw_id id;
	size_t choice;
};

static int resolve_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct resolve_ctx *c = vctx;
	struct items heads, one = {0};
	struct cw_record rec;
	int64_t now = cw_now_us(), latest = 0;
	int rc, shown, deleted;

	if ((rc = load_heads(t->st, t->txn, &c->id, &heads, &shown, err)) != 0)
		return rc;
	if (heads.n < 2) {
		items_free(&heads);
		return cw_error_set(err, CW_ENOTFOUND, "id", "this record has no conflict");
	}
	if (c->choice >= heads.n) {
		size_t n = heads.n;

		items_free(&heads);
		return cw_error_set(err, CW_EINVAL, "keep", "choose a version from 1 to %zu", n);
	}
	deleted = heads.v[c->choice].deleted;
	if ((rc = cw_record_copy(&rec, &heads.v[c->choice].rec)) != 0)
		goto oom;
	/* The choice comes after every version held: its vector includes them all. */
	cw_vv_clear(&rec);
	for (size_t i = 0; i < heads.n; i++) {
		if (cw_vv_merge(&rec, &heads.v[i].rec) != 0)
			goto oom_rec;
		if (heads.v[i].rec.updated > latest)
			latest = heads.v[i].rec.updated;
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
	if ((rc = items_push(&one, &rec, deleted)) != 0)
		goto oom_rec;
	if ((rc = apply_heads(t, &c->id, &one, "id", err)) != 0)
		goto out;
	if (deleted) {
		/* Choosing the deletion: refused while live records name the record (it would
		 * stay, shown, with nothing resolved in the eyes of the person choosing). */
		MDB_val k = {ID_LEN, c->id.b}, v;

		if (mdb_get(t->txn, t->st->dbi[DB_RECORDS], &k, &v) == 0) {
			rc = cw_error_set(err, CW_EREFUSED, "keep",
					  "the deletion cannot be chosen while other records name "
					  "this %s; edit or delete those first",
					  cw_kind_name(heads.v[0].rec.kind));
			goto out;
		}
	}
	rc = cw_txn_audit(t, CW_AUDIT_RESOLVE, heads.v[0].rec.kind, &c->id, err);
	goto out;
oom_rec:
	cw_record_free(&rec);
oom:
	rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
out:
	items_free(&heads);
	items_free(&one);
	return rc;
}

int cw_sync_resolve(struct cw_store *st, const struct cw_id *id, size_t choice,
		    struct cw_error *err)
{
	struct resolve_ctx c = {*id, choice};

	return cw_store_write(st, resolve_fn, &c, err);
}

/* ---- peers and content --------------------------------------------------------------------- */

int cw_sync_peers(struct cw_store *st, struct cw_peer **out, size_t *n, struct cw_error *err)
{
	struct cw_peer *list = NULL;
	size_t count = 0;
	MDB_txn *txn;
	MDB_cursor *cur;
	MDB_val k, v;
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
		snprintf(list[count].name, sizeof list[count].name, "%.*s",
			 (int)(k.mv_size < 127 ? k.mv_size : 127), (const char *)k.mv_data);
		if (v.mv_size == 16) {
			list[count].seq = get_be64(v.mv_data);
			list[count].time = (int64_t)get_be64((const uint8_t *)v.mv_data + 8);
		}
		count++;
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	if (rc != MDB_NOTFOUND) {
		free(list);
		return cw_store_lmdb_error(NULL, rc, "reading peers", err);
	}
	*out = list;
	*n = count;
	return 0;
}

int cw_sync_content(struct cw_store *st, FILE *out, struct cw_error *err)
{
	struct idset ids = {0};
	MDB_txn *txn;
	int rc;

	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = idset_add_table(st, txn, DB_RECORDS, &ids, err)) != 0 ||
	    (st->sync_ready && ((rc = idset_add_table(st, txn, DB_TOMBSTONES, &ids, err)) != 0 ||
				(rc = idset_add_table(st, txn, DB_CONFLICTS, &ids, err)) != 0)))
		goto out;
	idset_sort_unique(&ids);
	for (size_t i = 0; i < ids.n && rc == 0; i++) {
		struct items heads;
		int shown;

		if ((rc = load_heads(st, txn, &ids.v[i], &heads, &shown, err)) != 0)
			break;
		for (size_t h = 0; h < heads.n && rc == 0; h++) {
			json_t *obj = version_json(&heads.v[h].rec, heads.v[h].deleted);
			char *text;

			if (obj)
				json_object_set_new(obj, "shown", json_boolean(h == 0 && shown));
			json_object_del(obj, "type");
			text = obj ? json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
			if (!text)
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			else if (fprintf(out, "%s\n", text) < 0)
				rc = cw_error_set(err, CW_EIO, "output", "cannot write");
			free(text);
			json_decref(obj);
		}
		items_free(&heads);
	}
out:
	mdb_txn_abort(txn);
	free(ids.v);
	return rc;
}
