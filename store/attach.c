/* attach.c - files kept with a record; see store/attach.h for where and why. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "models/clock.h"
#include "models/i18n.h"
#include "models/text.h"
#include "store/attach.h"
#include "store/store_internal.h"

#define BLOB_KEY_LEN  (CW_ATTACH_TAG_LEN + 4)
#define INDEX_KEY_LEN (2 * ID_LEN)

void cw_attachment_free(struct cw_attachment *a)
{
	if (!a)
		return;
	free(a->caption);
	a->caption = NULL;
}

void cw_attachments_free(struct cw_attachment *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		cw_attachment_free(&v[i]);
	free(v);
}

static int ready(struct cw_store *st, struct cw_error *err)
{
	if (st->attach_ready)
		return 0;
	return cw_error_set(err, CW_EVERSION, "database",
			    _("this database has no attachments yet: open it once for writing"));
}

size_t cw_attach_parts(uint64_t size)
{
	return size == 0 ? 1 : (size_t)((size + CW_ATTACH_PART - 1) / CW_ATTACH_PART);
}

void cw_attach_blob_key(const struct cw_store *st, const uint8_t sha256[32], uint32_t part,
			uint8_t out[CW_ATTACH_BLOB_KEY_LEN])
{
	cw_store_blob_tag(st, sha256, out);
	put_be32(out + CW_ATTACH_TAG_LEN, part);
}

/* ---- the description: JSON, sealed like a record ------------------------------------------ */

static void hex_id(const struct cw_id *id, char out[CW_ID_HEX_LEN + 1])
{
	cw_id_hex(id, out);
}

json_t *cw_attach_json(const struct cw_attachment *a, int local)
{
	char id[CW_ID_HEX_LEN + 1], rec[CW_ID_HEX_LEN + 1], in[CW_ID_HEX_LEN + 1];
	json_t *o;

	hex_id(&a->id, id);
	hex_id(&a->record, rec);
	hex_id(&a->added_in, in);
	o = json_pack("{s:s,s:s,s:s,s:I,s:s}", "id", id, "record", rec, "author", a->author,
		      "added", (json_int_t)a->added, "added_in", in);
	if (!o)
		return NULL;
	if (a->detached) {
		char din[CW_ID_HEX_LEN + 1];

		hex_id(&a->detached_in, din);
		if (json_object_set_new(o, "detached_by", json_string(a->detached_by)) ||
		    json_object_set_new(o, "detached_at", json_integer(a->detached_at)) ||
		    json_object_set_new(o, "detached_in", json_string(din))) {
			json_decref(o);
			return NULL;
		}
	} else {
		char sha[65];

		sodium_bin2hex(sha, sizeof sha, a->sha256, sizeof a->sha256);
		if (json_object_set_new(o, "sha256", json_string(sha)) ||
		    json_object_set_new(o, "size", json_integer((json_int_t)a->size)) ||
		    json_object_set_new(o, "type", json_string(a->type)) ||
		    json_object_set_new(o, "name", json_string(a->name)) ||
		    (a->caption && json_object_set_new(o, "caption", json_string(a->caption)))) {
			json_decref(o);
			return NULL;
		}
		if (a->caption_at) {
			char cin[CW_ID_HEX_LEN + 1];

			hex_id(&a->caption_in, cin);
			if (json_object_set_new(o, "caption_at", json_integer(a->caption_at)) ||
			    json_object_set_new(o, "caption_in", json_string(cin))) {
				json_decref(o);
				return NULL;
			}
		}
	}
	if (local && json_object_set_new(o, "stored", json_integer(a->stored))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* A MIME type as cw_attach_detect_type gives them: type/subtype, each of letters, digits and
 * RFC 6838's other name characters. */
static int mime_shaped(const char *t)
{
	const char *slash = strchr(t, '/');
	size_t n;

	if (!slash || slash == t || !slash[1])
		return 0;
	n = strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&^_.+-/");
	return t[n] == '\0' && !strchr(slash + 1, '/');
}

int cw_attach_check(const struct cw_attachment *a, struct cw_error *err)
{
	int rc;

	if ((rc = cw_text_validate(a->author, sizeof a->author - 1, 0, "author", err)) != 0)
		return rc;
	if (a->detached)
		return cw_text_validate(a->detached_by, sizeof a->detached_by - 1, 0, "detached_by",
					err);
	if ((rc = cw_text_validate(a->name, sizeof a->name - 1, 0, "name", err)) != 0)
		return rc;
	/* The name may end up a file's name (open's temporary file, a user's save): no folder
	 * to climb out of, nothing that names the folder itself. */
	if (!a->name[0] || !strcmp(a->name, ".") || !strcmp(a->name, "..") || strchr(a->name, '/'))
		return cw_error_set(err, CW_EINVAL, "name",
				    "'%.60s' is not a file's name: it must not be empty, '.' or "
				    "'..', nor hold a '/'",
				    a->name);
	if ((rc = cw_text_validate(a->type, sizeof a->type - 1, 0, "type", err)) != 0)
		return rc;
	if (!mime_shaped(a->type))
		return cw_error_set(err, CW_EINVAL, "type",
				    "'%.60s' is not a MIME type such as image/jpeg", a->type);
	if (a->caption &&
	    (rc = cw_text_validate(a->caption, CW_ATTACH_CAPTION_MAX, 0, "caption", err)) != 0)
		return rc;
	return 0;
}

static int text_field(const json_t *o, const char *key, char *out, size_t len, int required,
		      struct cw_error *err)
{
	const json_t *v = json_object_get(o, key);

	out[0] = '\0';
	if (!v && !required)
		return 0;
	if (!json_is_string(v) || json_string_length(v) >= len ||
	    strlen(json_string_value(v)) != json_string_length(v))
		return cw_error_set(err, CW_EINVAL, key, "is not a text of at most %zu bytes",
				    len - 1);
	memcpy(out, json_string_value(v), json_string_length(v) + 1);
	return 0;
}

static int id_field(const json_t *o, const char *key, struct cw_id *out, struct cw_error *err)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || cw_id_parse_hex(json_string_value(v), out) != 0)
		return cw_error_set(err, CW_EINVAL, key, "is not an id of 32 hex digits");
	return 0;
}

static int int_field(const json_t *o, const char *key, int64_t *out, int required,
		     struct cw_error *err)
{
	const json_t *v = json_object_get(o, key);

	*out = 0;
	if (!v && !required)
		return 0;
	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return cw_error_set(err, CW_EINVAL, key, "is not a time or size");
	*out = json_integer_value(v);
	return 0;
}

int cw_attach_parse(const json_t *o, struct cw_attachment *a, struct cw_error *err)
{
	const json_t *cap;
	int64_t size = 0;
	int rc;

	memset(a, 0, sizeof *a);
	if (!json_is_object(o))
		return cw_error_set(err, CW_EINVAL, "attachment", "is not an object");
	if ((rc = id_field(o, "id", &a->id, err)) != 0 ||
	    (rc = id_field(o, "record", &a->record, err)) != 0 ||
	    (rc = id_field(o, "added_in", &a->added_in, err)) != 0 ||
	    (rc = text_field(o, "author", a->author, sizeof a->author, 1, err)) != 0 ||
	    (rc = int_field(o, "added", &a->added, 1, err)) != 0 ||
	    (rc = int_field(o, "stored", &a->stored, 0, err)) != 0)
		return rc;
	if (json_object_get(o, "detached_at")) {
		a->detached = 1;
		if ((rc = text_field(o, "detached_by", a->detached_by, sizeof a->detached_by, 1,
				     err)) != 0 ||
		    (rc = int_field(o, "detached_at", &a->detached_at, 1, err)) != 0 ||
		    (rc = id_field(o, "detached_in", &a->detached_in, err)) != 0)
			return rc;
		return 0;
	}
	{
		const json_t *sha = json_object_get(o, "sha256");
		size_t n = 0;

		if (!json_is_string(sha) || json_string_length(sha) != 64 ||
		    sodium_hex2bin(a->sha256, sizeof a->sha256, json_string_value(sha), 64, NULL,
				   &n, NULL) != 0 ||
		    n != sizeof a->sha256)
			return cw_error_set(err, CW_EINVAL, "sha256", "is not a 64-digit hash");
	}
	if ((rc = int_field(o, "size", &size, 1, err)) != 0 ||
	    (rc = text_field(o, "type", a->type, sizeof a->type, 1, err)) != 0 ||
	    (rc = text_field(o, "name", a->name, sizeof a->name, 1, err)) != 0)
		return rc;
	a->size = (uint64_t)size;
	cap = json_object_get(o, "caption");
	if (cap) {
		if (!json_is_string(cap) ||
		    strlen(json_string_value(cap)) != json_string_length(cap))
			return cw_error_set(err, CW_EINVAL, "caption", "is not a text");
		if (!(a->caption = strdup(json_string_value(cap))))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	/* A caption changed after the attaching says when and where (both or neither). */
	if (json_object_get(o, "caption_at") || json_object_get(o, "caption_in")) {
		if ((rc = int_field(o, "caption_at", &a->caption_at, 1, err)) != 0 ||
		    (rc = id_field(o, "caption_in", &a->caption_in, err)) != 0)
			return rc;
		if (a->caption_at <= 0)
			return cw_error_set(err, CW_EINVAL, "caption_at", "is not a time");
	}
	return 0;
}

/* Reads an attachment's description inside any transaction. CW_ENOTFOUND when there is none. */
int cw_attach_load(struct cw_store *st, MDB_txn *txn, const struct cw_id *id,
		   struct cw_attachment *a, struct cw_error *err)
{
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	struct cw_buf buf = {0};
	json_t *o;
	int rc;

	memset(a, 0, sizeof *a);
	rc = cw_val_get(st, txn, DB_ATTACHMENTS, &k, &v, &buf, err);
	if (rc == MDB_NOTFOUND)
		return cw_error_set(err, CW_ENOTFOUND, "attachment", "no such attachment");
	if (rc != 0) {
		cw_buf_free(&buf);
		return rc < 0 ? rc : cw_store_lmdb_error(NULL, rc, "reading an attachment", err);
	}
	o = json_loadb(v.mv_data, v.mv_size, 0, NULL);
	if (buf.data)
		sodium_memzero(buf.data, buf.cap);
	cw_buf_free(&buf);
	if (!o) {
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(id, hex);
		return cw_error_set(err, CW_EDAMAGED, "attachment",
				    "the description of attachment %.8s does not decode", hex);
	}
	rc = cw_attach_parse(o, a, err);
	json_decref(o);
	if (rc == 0 && !cw_id_equal(&a->id, id))
		rc = cw_error_set(err, CW_EDAMAGED, "attachment",
				  "an attachment is stored under another id");
	if (rc == 0 && !a->detached) {
		uint8_t bk[CW_ATTACH_BLOB_KEY_LEN];
		MDB_val pk = {sizeof bk, bk}, pv;

		cw_attach_blob_key(st, a->sha256, 0, bk);
		a->missing = mdb_get(txn, st->dbi[DB_BLOBS], &pk, &pv) != 0;
	}
	if (rc != 0)
		cw_attachment_free(a);
	return rc;
}

/* Writes a description and its index entry, stamped as stored now. */
int cw_attach_store(struct cw_txn *t, struct cw_attachment *a, struct cw_error *err)
{
	uint8_t ik[INDEX_KEY_LEN];
	MDB_val k = {ID_LEN, a->id.b}, ikv = {sizeof ik, ik}, empty = {0, NULL};
	json_t *o;
	char *text;
	int rc;

	a->stored = cw_now_us();
	if (!(o = cw_attach_json(a, 1)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	text = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	if (!text)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* The old description goes from the page first (a detach leaves no caption behind). */
	if ((rc = cw_store_wipe(t, DB_ATTACHMENTS, &k, err)) != 0) {
		free(text);
		return rc;
	}
	rc = cw_val_put(t, DB_ATTACHMENTS, &k, text, strlen(text), 0);
	sodium_memzero(text, strlen(text));
	free(text);
	if (rc != 0)
		return cw_store_lmdb_error(t, rc, "writing an attachment", err);
	memcpy(ik, a->record.b, ID_LEN);
	memcpy(ik + ID_LEN, a->id.b, ID_LEN);
	if ((rc = mdb_put(t->txn, t->st->dbi[DB_ATTACH_INDEX], &ikv, &empty, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "writing an attachment", err);
	return 0;
}

/* Whether a live attachment other than `except` holds this content. */
static int content_shared(struct cw_txn *t, const uint8_t sha256[32], const struct cw_id *except,
			  int *shared, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op;

	*shared = 0;
	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_ATTACHMENTS], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "reading attachments", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_attachment a;
		struct cw_id id;

		if (k.mv_size != ID_LEN)
			continue;
		memcpy(id.b, k.mv_data, ID_LEN);
		if (cw_id_equal(&id, except))
			continue;
		if ((rc = cw_attach_load(t->st, t->txn, &id, &a, err)) != 0)
			break;
		if (!a.detached && !memcmp(a.sha256, sha256, 32))
			*shared = 1;
		cw_attachment_free(&a);
		if (*shared)
			break;
	}
	mdb_cursor_close(cur);
	if (rc == MDB_NOTFOUND || rc == 0)
		return 0;
	return rc < 0 ? rc : cw_store_lmdb_error(t, rc, "reading attachments", err);
}

/* Wipes and removes the parts of a content no live attachment holds any more. */
static int drop_content(struct cw_txn *t, const struct cw_attachment *a, struct cw_error *err)
{
	int shared, rc;

	if ((rc = content_shared(t, a->sha256, &a->id, &shared, err)) != 0 || shared)
		return rc;
	for (uint32_t part = 0;; part++) {
		uint8_t bk[CW_ATTACH_BLOB_KEY_LEN];
		MDB_val k = {sizeof bk, bk}, v;

		cw_attach_blob_key(t->st, a->sha256, part, bk);
		if ((rc = mdb_get(t->txn, t->st->dbi[DB_BLOBS], &k, &v)) == MDB_NOTFOUND)
			return 0;
		if (rc != 0 || (rc = cw_store_wipe(t, DB_BLOBS, &k, err)) != 0 ||
		    (rc = mdb_del(t->txn, t->st->dbi[DB_BLOBS], &k, NULL)) != 0)
			return rc < 0 ? rc : cw_store_lmdb_error(t, rc, "detaching", err);
	}
}

/* Turns a into its detachment (by `by` in `in` at `at`): what it said about the file goes. */
static void make_detached(struct cw_attachment *a, const char *by, const struct cw_id *in,
			  int64_t at)
{
	a->detached = 1;
	snprintf(a->detached_by, sizeof a->detached_by, "%s", by);
	a->detached_in = *in;
	a->detached_at = at;
	if (a->caption) {
		sodium_memzero(a->caption, strlen(a->caption));
		free(a->caption);
		a->caption = NULL;
	}
	a->caption_at = 0;
	memset(&a->caption_in, 0, sizeof a->caption_in);
	sodium_memzero(a->name, sizeof a->name);
	sodium_memzero(a->type, sizeof a->type);
	sodium_memzero(a->sha256, sizeof a->sha256);
	a->size = 0;
}

/* The kind of the record a file is attached to, for the audit entry. */
static int record_kind(struct cw_txn *t, const struct cw_id *record, enum cw_kind *kind,
		       struct cw_error *err)
{
	struct cw_record rec;
	int rc;

	if ((rc = cw_txn_get(t, record, &rec, err)) != 0)
		return rc;
	*kind = (enum cw_kind)rec.kind;
	cw_record_free(&rec);
	return 0;
}

int cw_attach_detach_in_txn(struct cw_txn *t, const struct cw_id *id, struct cw_attachment *before,
			    struct cw_error *err)
{
	struct cw_attachment a;
	struct cw_id here;
	int rc;

	if ((rc = cw_attach_load(t->st, t->txn, id, &a, err)) != 0)
		return rc;
	if (a.detached) {
		cw_attachment_free(&a);
		return cw_error_set(err, CW_EREFUSED, "attachment",
				    _("it was detached already (by %s)"), a.detached_by);
	}
	if (before) {
		*before = a;
		if (a.caption && !(before->caption = strdup(a.caption))) {
			cw_attachment_free(&a);
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
	}
	if ((rc = drop_content(t, &a, err)) == 0) {
		cw_store_database_id(t->st, &here);
		make_detached(&a, t->st->author, &here, cw_now_us());
		rc = cw_attach_store(t, &a, err);
	}
	cw_attachment_free(&a);
	if (rc != 0 && before)
		cw_attachment_free(before);
	return rc;
}

/* The live attachments of a record, detached in this transaction (the record is deleted). */
int cw_attach_detach_record(struct cw_txn *t, const struct cw_id *record, struct cw_error *err)
{
	struct cw_attachment *v = NULL;
	size_t n = 0;
	int rc;

	if (!t->st->attach_ready)
		return 0;
	if ((rc = cw_attach_list_txn(t->st, t->txn, record, 0, &v, &n, err)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = cw_attach_detach_in_txn(t, &v[i].id, NULL, err);
	cw_attachments_free(v, n);
	return rc;
}

struct detach_ctx {
	const struct cw_id *id;
	struct cw_attachment *out;
};

/* A detach asked for (not one a record's deletion makes: its own entry says so). */
static int detach_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct detach_ctx *c = vctx;
	struct cw_attachment before;
	enum cw_kind kind;
	int rc;

	if (c->out) {
		cw_attachment_free(c->out);
		memset(c->out, 0, sizeof *c->out);
	}
	if ((rc = cw_attach_detach_in_txn(t, c->id, &before, err)) != 0)
		return rc;
	if ((rc = record_kind(t, &before.record, &kind, err)) == 0)
		rc = cw_txn_audit(t, CW_AUDIT_DETACH, kind, &before.record, err);
	if (rc == 0 && c->out)
		*c->out = before;
	else
		cw_attachment_free(&before);
	return rc;
}

int cw_store_detach(struct cw_store *st, const struct cw_id *id, struct cw_attachment *out,
		    struct cw_error *err)
{
	struct detach_ctx c = {id, out};
	int rc;

	if (out)
		memset(out, 0, sizeof *out);
	if ((rc = ready(st, err)) != 0)
		return rc;
	return cw_store_write(st, detach_fn, &c, err);
}

/* ---- a caption changed -------------------------------------------------------------------- */

/* Whether caption a was changed after b: later, then in the larger database id; the caption
 * a file was attached with (caption_at 0) is before any change. Every laptop keeps the same
 * one of two, whatever the order they arrive in. */
static int captioned_after(const struct cw_attachment *a, const struct cw_attachment *b)
{
	if (a->caption_at != b->caption_at)
		return a->caption_at > b->caption_at;
	return memcmp(a->caption_in.b, b->caption_in.b, ID_LEN) > 0;
}

static int same_caption(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

/* Gives `here` the caption (NULL or "": none) changed at `at` in database `in`. CW_ENOMEM or 0. */
static int take_caption(struct cw_attachment *here, const char *caption, int64_t at,
			const struct cw_id *in, struct cw_error *err)
{
	char *copy = NULL;

	if (caption && *caption && !(copy = strdup(caption)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (here->caption) {
		sodium_memzero(here->caption, strlen(here->caption));
		free(here->caption);
	}
	here->caption = copy;
	here->caption_at = at;
	here->caption_in = *in;
	return 0;
}

struct caption_ctx {
	const struct cw_id *id;
	const char *caption;
	struct cw_attachment *out;
};

static int caption_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct caption_ctx *c = vctx;
	struct cw_attachment a;
	struct cw_id here;
	enum cw_kind kind;
	int rc;

	if (c->out) {
		cw_attachment_free(c->out);
		memset(c->out, 0, sizeof *c->out);
	}
	if ((rc = cw_attach_load(t->st, t->txn, c->id, &a, err)) != 0)
		return rc;
	if (a.detached)
		rc = cw_error_set(err, CW_EREFUSED, "attachment", _("it was detached (by %s)"),
				  a.detached_by);
	else if (same_caption(a.caption, c->caption))
		rc = cw_error_set(err, CW_EREFUSED, "caption",
				  c->caption
					  ? _("the attachment has that caption already: nothing "
					      "to change")
					  : _("the attachment has no caption: nothing to change"));
	if (rc == 0) {
		/* After the change it replaces, whatever this machine's clock says: a caption
		 * stamped by a laptop whose clock runs ahead would otherwise win over this edit
		 * everywhere but here, and the laptops would never agree. */
		int64_t at = cw_now_us();

		if (at <= a.caption_at)
			at = a.caption_at + 1;
		cw_store_database_id(t->st, &here);
		rc = take_caption(&a, c->caption, at, &here, err);
	}
	if (rc == 0)
		rc = cw_attach_check(&a, err);
	if (rc == 0 && (rc = cw_attach_store(t, &a, err)) == 0 &&
	    (rc = record_kind(t, &a.record, &kind, err)) == 0)
		rc = cw_txn_audit(t, CW_AUDIT_CAPTION, kind, &a.record, err);
	if (rc == 0 && c->out)
		*c->out = a;
	else
		cw_attachment_free(&a);
	return rc;
}

int cw_store_attachment_caption(struct cw_store *st, const struct cw_id *id, const char *caption,
				struct cw_attachment *out, struct cw_error *err)
{
	/* A caption that shows nothing (spaces, zero-width characters) is none. */
	struct caption_ctx c = {id, caption && !cw_text_is_blank(caption) ? caption : NULL, out};
	int rc;

	if (out)
		memset(out, 0, sizeof *out);
	if ((rc = ready(st, err)) != 0)
		return rc;
	/* A commit that fails after the function ran leaves out filled: nothing was saved. */
	if ((rc = cw_store_write(st, caption_fn, &c, err)) != 0 && out) {
		cw_attachment_free(out);
		memset(out, 0, sizeof *out);
	}
	return rc;
}

/* ---- listing and finding ------------------------------------------------------------------ */

int cw_attach_list_txn(struct cw_store *st, MDB_txn *txn, const struct cw_id *record,
		       int with_detached, struct cw_attachment **out, size_t *n,
		       struct cw_error *err)
{
	struct cw_attachment *v = NULL;
	size_t cap = 0;
	MDB_cursor *cur;
	MDB_val k = {ID_LEN, (void *)record->b}, val;
	int rc, op;

	*out = NULL;
	*n = 0;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_ATTACH_INDEX], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading attachments", err);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &val, op)) == 0; op = MDB_NEXT) {
		struct cw_attachment a;
		struct cw_id id;

		if (k.mv_size != INDEX_KEY_LEN || memcmp(k.mv_data, record->b, ID_LEN) != 0)
			break;
		memcpy(id.b, (uint8_t *)k.mv_data + ID_LEN, ID_LEN);
		if ((rc = cw_attach_load(st, txn, &id, &a, err)) != 0)
			break;
		if (a.detached && !with_detached) {
			cw_attachment_free(&a);
			continue;
		}
		if (*n == cap) {
			size_t grown = cap ? cap * 2 : 8;
			struct cw_attachment *g = realloc(v, grown * sizeof *v);

			if (!g) {
				cw_attachment_free(&a);
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
				break;
			}
			v = g;
			cap = grown;
		}
		v[(*n)++] = a;
	}
	mdb_cursor_close(cur);
	if (rc != 0 && rc != MDB_NOTFOUND) {
		cw_attachments_free(v, *n);
		*n = 0;
		return rc < 0 ? rc : cw_store_lmdb_error(NULL, rc, "reading attachments", err);
	}
	/* In the order they were attached (the index is in id order). */
	for (size_t i = 1; i < *n; i++)
		for (size_t j = i; j > 0 && (v[j - 1].added > v[j].added ||
					     (v[j - 1].added == v[j].added &&
					      memcmp(v[j - 1].id.b, v[j].id.b, ID_LEN) > 0));
		     j--) {
			struct cw_attachment tmp = v[j];

			v[j] = v[j - 1];
			v[j - 1] = tmp;
		}
	*out = v;
	return 0;
}

int cw_store_attachments(struct cw_store *st, const struct cw_id *record, int with_detached,
			 struct cw_attachment **out, size_t *n, struct cw_error *err)
{
	MDB_txn *txn;
	int rc;

	*out = NULL;
	*n = 0;
	if (!st->attach_ready)
		return 0; /* made before attachments, opened read-only: it has none */
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = cw_attach_list_txn(st, txn, record, with_detached, out, n, err);
	mdb_txn_abort(txn);
	return rc;
}

int cw_store_attachment_count(struct cw_store *st, const struct cw_id *record, size_t *n,
			      struct cw_error *err)
{
	struct cw_attachment *v;
	int rc = cw_store_attachments(st, record, 0, &v, n, err);

	if (rc == 0)
		cw_attachments_free(v, *n);
	return rc;
}

int cw_store_attachment_get(struct cw_store *st, const struct cw_id *id, struct cw_attachment *out,
			    struct cw_error *err)
{
	MDB_txn *txn;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = ready(st, err)) != 0 || (rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = cw_attach_load(st, txn, id, out, err);
	mdb_txn_abort(txn);
	return rc;
}

int cw_store_attachment_find(struct cw_store *st, const char *hex, struct cw_id *out,
			     struct cw_error *err)
{
	uint8_t prefix[ID_LEN];
	size_t len = strlen(hex), nbytes, found = 0;
	MDB_txn *txn;
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op, odd;

	if (!cw_id_prefix_typed(hex))
		return cw_error_set(err, CW_EINVAL, "attachment",
				    _("'%.40s' is not an attachment id (6 to 32 hex digits, as "
				      "'casewatch attachments RECORD' shows them)"),
				    hex);
	if ((rc = ready(st, err)) != 0)
		return rc;
	memset(prefix, 0, sizeof prefix);
	for (size_t i = 0; i < len; i++) {
		char c = hex[i];
		int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

		prefix[i / 2] |= (uint8_t)(i % 2 ? d : d << 4);
	}
	nbytes = len / 2;
	odd = len % 2;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_ATTACHMENTS], &cur)) != 0) {
		mdb_txn_abort(txn);
		return cw_store_lmdb_error(NULL, rc, "reading attachments", err);
	}
	k.mv_size = ID_LEN;
	k.mv_data = prefix;
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		const uint8_t *p = k.mv_data;

		if (k.mv_size != ID_LEN || memcmp(p, prefix, nbytes) != 0 ||
		    (odd && (p[nbytes] & 0xf0) != prefix[nbytes]))
			break;
		if (found++ == 0)
			memcpy(out->b, p, ID_LEN);
		else
			break;
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(NULL, rc, "reading attachments", err);
	if (found == 0)
		return cw_error_set(err, CW_ENOTFOUND, "attachment", _("no attachment %.32s"), hex);
	if (found > 1)
		return cw_error_set(err, CW_EAMBIGUOUS, "attachment",
				    _("%.32s names more than one attachment: give more digits"),
				    hex);
	return 0;
}

/* ---- content ------------------------------------------------------------------------------ */

static int damaged_attachment(const struct cw_attachment *a, const char *what, struct cw_error *err)
{
	char hex[CW_ID_HEX_LEN + 1];

	cw_id_hex(&a->id, hex);
	return cw_error_set(err, CW_EDAMAGED, "attachment",
			    _("attachment %.8s (%s) is damaged: %s"), hex, a->name, what);
}

/* Reads the parts of a's content in txn into fn, checking each part's seal and the whole
 * against the hash. */
int cw_attach_read_txn(struct cw_store *st, MDB_txn *txn, const struct cw_attachment *a,
		       cw_attach_sink fn, void *ctx, struct cw_error *err)
{
	size_t parts = cw_attach_parts(a->size);
	crypto_hash_sha256_state hs;
	struct cw_buf buf = {0};
	uint8_t sha[32];
	uint64_t total = 0;
	int rc = 0;

	crypto_hash_sha256_init(&hs);
	for (size_t part = 0; part < parts && rc == 0; part++) {
		uint8_t bk[CW_ATTACH_BLOB_KEY_LEN];
		MDB_val k = {sizeof bk, bk}, v;
		struct cw_error e;

		cw_attach_blob_key(st, a->sha256, (uint32_t)part, bk);
		memset(&e, 0, sizeof e);
		rc = cw_val_get(st, txn, DB_BLOBS, &k, &v, &buf, &e);
		if (rc == MDB_NOTFOUND) {
			char what[64];

			if (part == 0) {
				rc = cw_error_set(err, CW_ENOTFOUND, "attachment",
						  _("the content of attachment %s is not held "
						    "here: it came in a bundle without "
						    "attachments"),
						  a->name);
				break;
			}
			snprintf(what, sizeof what, _("part %zu of %zu is missing"), part + 1,
				 parts);
			rc = damaged_attachment(a, what, err);
		} else if (rc == CW_EDAMAGED) {
			char what[96];

			snprintf(what, sizeof what, _("part %zu of %zu fails its authentication"),
				 part + 1, parts);
			rc = damaged_attachment(a, what, err);
		} else if (rc != 0) {
			rc = rc < 0 ? rc
				    : cw_store_lmdb_error(NULL, rc, "reading an attachment", err);
		} else if (v.mv_size > CW_ATTACH_PART || total + v.mv_size > a->size) {
			rc = damaged_attachment(a, _("its parts are longer than the file"), err);
		} else {
			total += v.mv_size;
			crypto_hash_sha256_update(&hs, v.mv_data, v.mv_size);
			if (fn)
				rc = fn(ctx, v.mv_data, v.mv_size, err);
		}
	}
	if (buf.data)
		sodium_memzero(buf.data, buf.cap);
	cw_buf_free(&buf);
	if (rc != 0)
		return rc;
	crypto_hash_sha256_final(&hs, sha);
	if (total != a->size || memcmp(sha, a->sha256, sizeof sha) != 0)
		return damaged_attachment(a, _("its content does not match its hash"), err);
	return 0;
}

int cw_store_attachment_read(struct cw_store *st, const struct cw_id *id, cw_attach_sink fn,
			     void *ctx, struct cw_error *err)
{
	struct cw_attachment a;
	MDB_txn *txn;
	int rc;

	if ((rc = ready(st, err)) != 0 || (rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = cw_attach_load(st, txn, id, &a, err)) == 0) {
		if (a.detached)
			rc = cw_error_set(err, CW_ENOTFOUND, "attachment",
					  _("it was detached by %s: its content is gone"),
					  a.detached_by);
		else
			rc = cw_attach_read_txn(st, txn, &a, fn, ctx, err);
		cw_attachment_free(&a);
	}
	mdb_txn_abort(txn);
	return rc;
}

/* ---- types -------------------------------------------------------------------------------- */

static int has_ext(const char *name, const char *ext)
{
	const char *dot = name ? strrchr(name, '.') : NULL;

	return dot && !strcasecmp(dot + 1, ext);
}

const char *cw_attach_detect_type(const uint8_t *h, size_t len, const char *name)
{
	static const struct {
		const char *ext, *type;
	} by_name[] = {
		{"jpg", "image/jpeg"},
		{"jpeg", "image/jpeg"},
		{"png", "image/png"},
		{"heic", "image/heic"},
		{"pdf", "application/pdf"},
		{"txt", "text/plain"},
		{"md", "text/markdown"},
		{"csv", "text/csv"},
		{"mp3", "audio/mpeg"},
		{"m4a", "audio/mp4"},
		{"ogg", "audio/ogg"},
		{"opus", "audio/ogg"},
		{"wav", "audio/wav"},
		{"amr", "audio/amr"},
		{"mp4", "video/mp4"},
		{"doc", "application/msword"},
		{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"odt", "application/vnd.oasis.opendocument.text"},
		{"zip", "application/zip"},
	};
	int text = len > 0;

	/* What the content says first: a photo renamed .txt is still a photo. */
	if (len >= 3 && h[0] == 0xff && h[1] == 0xd8 && h[2] == 0xff)
		return "image/jpeg";
	if (len >= 8 && !memcmp(h, "\x89PNG\r\n\x1a\n", 8))
		return "image/png";
	if (len >= 6 && (!memcmp(h, "GIF87a", 6) || !memcmp(h, "GIF89a", 6)))
		return "image/gif";
	if (len >= 12 && !memcmp(h, "RIFF", 4) && !memcmp(h + 8, "WEBP", 4))
		return "image/webp";
	if (len >= 12 && !memcmp(h, "RIFF", 4) && !memcmp(h + 8, "WAVE", 4))
		return "audio/wav";
	if (len >= 5 && !memcmp(h, "%PDF-", 5))
		return "application/pdf";
	if (len >= 4 && !memcmp(h, "OggS", 4))
		return "audio/ogg";
	if (len >= 6 && !memcmp(h, "#!AMR\n", 6))
		return "audio/amr";
	if (len >= 3 && !memcmp(h, "ID3", 3))
		return "audio/mpeg";
	if (len >= 12 && !memcmp(h + 4, "ftyp", 4)) {
		if (!memcmp(h + 8, "heic", 4) || !memcmp(h + 8, "heix", 4) ||
		    !memcmp(h + 8, "mif1", 4))
			return "image/heic";
		if (!memcmp(h + 8, "M4A ", 4))
			return "audio/mp4";
		return "video/mp4";
	}
	if (len >= 4 && !memcmp(h, "PK\3\4", 4)) {
		/* Office documents are zip files: their name tells which. */
		for (size_t i = 0; i < sizeof by_name / sizeof by_name[0]; i++)
			if (has_ext(name, by_name[i].ext) && strstr(by_name[i].type, "officedoc"))
				return by_name[i].type;
		if (has_ext(name, "odt"))
			return "application/vnd.oasis.opendocument.text";
		return "application/zip";
	}
	for (size_t i = 0; i < sizeof by_name / sizeof by_name[0]; i++)
		if (has_ext(name, by_name[i].ext) && strncmp(by_name[i].type, "text/", 5) != 0 &&
		    strcmp(by_name[i].ext, "zip") != 0)
			return by_name[i].type;
	/* Text: valid UTF-8 without NULs or other control characters than tab and line ends
	 * (the last character may be cut by the 512 bytes looked at). */
	for (size_t i = 0; i < len && text; i++)
		if (h[i] == 0 || (h[i] < 0x20 && h[i] != '\t' && h[i] != '\n' && h[i] != '\r'))
			text = 0;
	if (text) {
		size_t i = 0;

		while (i < len && text) {
			uint8_t c = h[i];
			size_t n = c < 0x80         ? 1
				   : (c >> 5) == 6  ? 2
				   : (c >> 4) == 14 ? 3
				   : (c >> 3) == 30 ? 4
						    : 0;

			if (n == 0) {
				text = 0;
				break;
			}
			if (i + n > len)
				break; /* cut at the end of what was read */
			for (size_t j = 1; j < n; j++)
				if ((h[i + j] & 0xc0) != 0x80)
					text = 0;
			i += n;
		}
	}
	if (text) {
		if (has_ext(name, "md"))
			return "text/markdown";
		if (has_ext(name, "csv"))
			return "text/csv";
		return "text/plain";
	}
	return "application/octet-stream";
}

/* ---- attaching ---------------------------------------------------------------------------- */

struct attach_file {
	const char *path;
	struct cw_attachment a;
};

struct attach_ctx {
	const struct cw_id *record;
	struct attach_file *files;
	size_t n;
};

/* Reads a file a part at a time: its hash, its size, and each part handed to fn (may be NULL).
 * CW_EIO naming the file when it cannot be read. */
static int read_file(const char *path, uint64_t *size, uint8_t sha[32], uint8_t *head,
		     size_t *headlen,
		     int (*fn)(void *ctx, uint32_t part, const uint8_t *data, size_t len,
			       struct cw_error *err),
		     void *ctx, struct cw_error *err)
{
	crypto_hash_sha256_state hs;
	uint8_t *buf = malloc(CW_ATTACH_PART);
	uint32_t part = 0;
	int fd, rc = 0;

	if (!buf)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		free(buf);
		return cw_error_set(err, CW_EIO, path, _("cannot read it: %s"), strerror(errno));
	}
	crypto_hash_sha256_init(&hs);
	*size = 0;
	for (;;) {
		size_t got = 0;

		while (got < CW_ATTACH_PART) {
			ssize_t r = read(fd, buf + got, CW_ATTACH_PART - got);

			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0) {
				rc = cw_error_set(err, CW_EIO, path, _("cannot read it: %s"),
						  strerror(errno));
				break;
			}
			if (r == 0)
				break;
			got += (size_t)r;
		}
		if (rc != 0)
			break;
		if (part == 0 && head) {
			*headlen = got < 512 ? got : 512;
			memcpy(head, buf, *headlen);
		}
		crypto_hash_sha256_update(&hs, buf, got);
		*size += got;
		/* An empty file is one empty part, so that every content has a part 0. */
		if ((got || part == 0) && fn && (rc = fn(ctx, part, buf, got, err)) != 0)
			break;
		part++;
		if (got < CW_ATTACH_PART)
			break;
	}
	close(fd);
	sodium_memzero(buf, CW_ATTACH_PART);
	free(buf);
	crypto_hash_sha256_final(&hs, sha);
	return rc;
}

struct put_parts {
	struct cw_txn *t;
	const uint8_t *sha;
	const char *path;
};

static int put_part(void *vctx, uint32_t part, const uint8_t *data, size_t len,
		    struct cw_error *err)
{
	struct put_parts *p = vctx;
	uint8_t bk[CW_ATTACH_BLOB_KEY_LEN];
	MDB_val k = {sizeof bk, bk};
	int rc;

	cw_attach_blob_key(p->t->st, p->sha, part, bk);
	if ((rc = cw_val_put(p->t, DB_BLOBS, &k, data, len, 0)) != 0)
		return cw_store_lmdb_error(p->t, rc, p->path, err);
	return 0;
}

static int attach_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct attach_ctx *c = vctx;
	enum cw_kind kind;
	MDB_val rk = {ID_LEN, (void *)c->record->b}, rv;
	int rc;

	/* The record is there (not deleted) as this transaction sees it. */
	if ((rc = mdb_get(t->txn, t->st->dbi[DB_RECORDS], &rk, &rv)) == MDB_NOTFOUND)
		return cw_error_set(err, CW_ENOTFOUND, "record", _("no such record"));
	if (rc != 0)
		return cw_store_lmdb_error(t, rc, "attaching", err);
	if ((rc = record_kind(t, c->record, &kind, err)) != 0)
		return rc;
	for (size_t i = 0; i < c->n; i++) {
		struct attach_file *f = &c->files[i];
		uint8_t bk[CW_ATTACH_BLOB_KEY_LEN], sha[32];
		MDB_val k = {sizeof bk, bk}, v;
		uint64_t size;

		/* The same content held already (attached to this or another record): kept
		 * once. Else it is read again, into the parts, and must be what was hashed. */
		cw_attach_blob_key(t->st, f->a.sha256, 0, bk);
		rc = mdb_get(t->txn, t->st->dbi[DB_BLOBS], &k, &v);
		if (rc == MDB_NOTFOUND) {
			struct put_parts p = {t, f->a.sha256, f->path};

			if ((rc = read_file(f->path, &size, sha, NULL, NULL, put_part, &p, err)) !=
			    0)
				return rc;
			if (size != f->a.size || memcmp(sha, f->a.sha256, 32) != 0)
				return cw_error_set(err, CW_EIO, f->path,
						    _("it changed while it was being attached: "
						      "nothing was attached"));
		} else if (rc != 0) {
			return cw_store_lmdb_error(t, rc, f->path, err);
		}
		cw_id_random(&f->a.id);
		f->a.added = cw_now_us();
		/* The audit log says the record's files changed, when and by whom, as it says
		 * its fields changed: chained and signed with the rest. */
		if ((rc = cw_attach_store(t, &f->a, err)) != 0 ||
		    (rc = cw_txn_audit_at(t, CW_AUDIT_ATTACH, kind, c->record, f->a.added, err)) !=
			    0)
			return rc;
	}
	return 0;
}

int cw_store_attach(struct cw_store *st, const struct cw_id *record, const char *const *paths,
		    size_t n, const char *caption, uint64_t limit, struct cw_attachment **out,
		    struct cw_error *err)
{
	struct attach_ctx c = {record, NULL, n};
	uint64_t total = 0;
	int rc = 0;

	if (out)
		*out = NULL;
	if ((rc = ready(st, err)) != 0)
		return rc;
	if (caption && cw_text_is_blank(caption))
		caption = NULL; /* one that shows nothing is none, as `caption` takes it */
	if (limit == 0)
		limit = CW_ATTACH_LIMIT_DEFAULT;
	if (n == 0)
		return cw_error_set(err, CW_EUSAGE, "file", _("give at least one file to attach"));
	if (!(c.files = calloc(n, sizeof *c.files)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* Every file is checked and hashed before the transaction: one that is refused leaves
	 * nothing behind, and the write holds no lock while files are looked at. */
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct attach_file *f = &c.files[i];
		const char *slash = strrchr(paths[i], '/');
		uint8_t head[512];
		size_t headlen = 0;
		struct stat sb;

		f->path = paths[i];
		if (stat(paths[i], &sb) != 0) {
			rc = cw_error_set(err, errno == ENOENT ? CW_ENOTFOUND : CW_EIO, paths[i],
					  _("cannot read it: %s"), strerror(errno));
			break;
		}
		if (!S_ISREG(sb.st_mode)) {
			rc = cw_error_set(err, CW_EREFUSED, paths[i],
					  _("is not a file (only files can be attached)"));
			break;
		}
		if ((uint64_t)sb.st_size > limit) {
			rc = cw_error_set(err, CW_EREFUSED, paths[i],
					  _("is %.1f MiB, over the limit of %.1f MiB a file "
					    "(attachment_limit in the config file): nothing was "
					    "attached"),
					  (double)sb.st_size / 1048576.0,
					  (double)limit / 1048576.0);
			break;
		}
		if ((rc = read_file(paths[i], &f->a.size, f->a.sha256, head, &headlen, NULL, NULL,
				    err)) != 0)
			break;
		if (f->a.size > limit) {
			rc = cw_error_set(err, CW_EREFUSED, paths[i],
					  _("grew over the limit of %.1f MiB a file while it was "
					    "read: nothing was attached"),
					  (double)limit / 1048576.0);
			break;
		}
		total += f->a.size;
		f->a.record = *record;
		snprintf(f->a.author, sizeof f->a.author, "%s", st->author ? st->author : "");
		cw_store_database_id(st, &f->a.added_in);
		snprintf(f->a.name, sizeof f->a.name, "%s", slash ? slash + 1 : paths[i]);
		snprintf(f->a.type, sizeof f->a.type, "%s",
			 cw_attach_detect_type(head, headlen, f->a.name));
		if (caption && *caption && !(f->a.caption = strdup(caption))) {
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			break;
		}
		/* What a peer's bundle must pass, a file attached here passes too: a file named
		 * with an escape sequence or a bidi override is refused by its path. */
		if ((rc = cw_attach_check(&f->a, err)) != 0 && !strcmp(err->field, "name"))
			snprintf(err->field, sizeof err->field, "%.100s", paths[i]);
	}
	/* Room for the content at once, so the one transaction runs once. */
	if (rc == 0)
		rc = cw_store_reserve(st, total + total / 8 + (UINT64_C(1) << 20), err);
	if (rc == 0)
		rc = cw_store_write(st, attach_fn, &c, err);
	if (rc == 0 && out) {
		struct cw_attachment *v = calloc(n, sizeof *v);

		if (!v) {
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		} else {
			for (size_t i = 0; i < n; i++) {
				v[i] = c.files[i].a;
				c.files[i].a.caption = NULL;
			}
			*out = v;
		}
	}
	for (size_t i = 0; i < n; i++)
		cw_attachment_free(&c.files[i].a);
	free(c.files);
	return rc;
}

/* ---- verify ------------------------------------------------------------------------------- */

struct held {
	uint8_t tag[CW_ATTACH_TAG_LEN];
	size_t parts;
};

static int held_cmp(const void *a, const void *b)
{
	return memcmp(((const struct held *)a)->tag, ((const struct held *)b)->tag,
		      CW_ATTACH_TAG_LEN);
}

int cw_attach_verify(struct cw_store *st, MDB_txn *txn,
		     void (*problem)(void *ctx, const char *line), void *ctx, size_t *checked,
		     uint64_t *bytes, struct cw_error *err)
{
	struct held *held = NULL;
	size_t nheld = 0, cap = 0;
	MDB_cursor *cur = NULL;
	MDB_val k, v;
	char line[CW_ERROR_LINE_MAX];
	int rc, op;

	*checked = 0;
	*bytes = 0;
	if (!st->attach_ready)
		return 0;
	/* Every description opens and decodes, is indexed under its record, and its content (when
	 * held) opens part by part and matches its hash. */
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_ATTACHMENTS], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "verifying attachments", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_attachment a;
		struct cw_error e;
		struct cw_id id;
		char hex[CW_ID_HEX_LEN + 1], rhex[CW_ID_HEX_LEN + 1];
		uint8_t ik[INDEX_KEY_LEN];
		MDB_val ikv = {sizeof ik, ik}, iv;

		if (k.mv_size != ID_LEN) {
			problem(ctx, _("attachments: a key is not an id"));
			continue;
		}
		memcpy(id.b, k.mv_data, ID_LEN);
		cw_id_hex(&id, hex);
		memset(&e, 0, sizeof e);
		if ((rc = cw_attach_load(st, txn, &id, &a, &e)) != 0) {
			if (rc == CW_ENOMEM)
				break;
			snprintf(line, sizeof line, _("attachment %.8s: %s"), hex, e.message);
			problem(ctx, line);
			rc = 0;
			continue;
		}
		(*checked)++;
		cw_id_hex(&a.record, rhex);
		memcpy(ik, a.record.b, ID_LEN);
		memcpy(ik + ID_LEN, id.b, ID_LEN);
		if (mdb_get(txn, st->dbi[DB_ATTACH_INDEX], &ikv, &iv) != 0) {
			snprintf(line, sizeof line,
				 _("attachment %.8s: not listed under its record %.8s"), hex, rhex);
			problem(ctx, line);
		}
		if (!a.detached && !a.missing) {
			memset(&e, 0, sizeof e);
			if ((rc = cw_attach_read_txn(st, txn, &a, NULL, NULL, &e)) == CW_ENOMEM) {
				cw_attachment_free(&a);
				break;
			}
			if (rc != 0) {
				snprintf(line, sizeof line, _("%s (record %.8s)"), e.message, rhex);
				problem(ctx, line);
			}
			rc = 0;
			*bytes += a.size;
			if (nheld == cap) {
				size_t grown = cap ? cap * 2 : 64;
				struct held *g = realloc(held, grown * sizeof *g);

				if (!g) {
					cw_attachment_free(&a);
					rc = CW_ENOMEM;
					break;
				}
				held = g;
				cap = grown;
			}
			cw_store_blob_tag(st, a.sha256, held[nheld].tag);
			held[nheld++].parts = cw_attach_parts(a.size);
		}
		cw_attachment_free(&a);
	}
	mdb_cursor_close(cur);
	cur = NULL;
	if (rc != 0 && rc != MDB_NOTFOUND)
		goto out;
	if (nheld)
		qsort(held, nheld, sizeof *held, held_cmp);
	/* Every index entry names a description of that record. */
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_ATTACH_INDEX], &cur)) != 0)
		goto out;
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_attachment a;
		struct cw_id id;
		char hex[CW_ID_HEX_LEN + 1];

		if (k.mv_size != INDEX_KEY_LEN) {
			problem(ctx, _("attach_index: an entry of the wrong length"));
			continue;
		}
		memcpy(id.b, (uint8_t *)k.mv_data + ID_LEN, ID_LEN);
		cw_id_hex(&id, hex);
		if (cw_attach_load(st, txn, &id, &a, NULL) != 0) {
			snprintf(line, sizeof line, _("attach_index: attachment %.8s is not there"),
				 hex);
			problem(ctx, line);
			continue;
		}
		if (memcmp(a.record.b, k.mv_data, ID_LEN) != 0) {
			snprintf(line, sizeof line,
				 _("attach_index: attachment %.8s is listed under another record"),
				 hex);
			problem(ctx, line);
		}
		cw_attachment_free(&a);
	}
	mdb_cursor_close(cur);
	cur = NULL;
	if (rc != MDB_NOTFOUND)
		goto out;
	/* Every part of content belongs to a live attachment (a content left by a detach would
	 * keep a file that is no longer anyone's). */
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_BLOBS], &cur)) != 0)
		goto out;
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct held key, *h;

		if (k.mv_size != CW_ATTACH_BLOB_KEY_LEN) {
			problem(ctx, _("blobs: an entry of the wrong length"));
			continue;
		}
		memcpy(key.tag, k.mv_data, CW_ATTACH_TAG_LEN);
		h = nheld ? bsearch(&key, held, nheld, sizeof *held, held_cmp) : NULL;
		if (!h || get_be32((uint8_t *)k.mv_data + CW_ATTACH_TAG_LEN) >= h->parts) {
			snprintf(line, sizeof line,
				 _("blobs: %zu bytes of content belong to no attachment (compact "
				   "cannot remove them; detaching left them, which it should not)"),
				 v.mv_size);
			problem(ctx, line);
		}
	}
	mdb_cursor_close(cur);
	cur = NULL;
	if (rc == MDB_NOTFOUND)
		rc = 0;
out:
	if (cur)
		mdb_cursor_close(cur);
	free(held);
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc > 0)
		return cw_store_lmdb_error(NULL, rc, "verifying attachments", err);
	return rc;
}

/* ---- bundles ------------------------------------------------------------------------------ */

int cw_attach_walk(struct cw_store *st, MDB_txn *txn,
		   int (*fn)(void *ctx, const struct cw_attachment *a, struct cw_error *err),
		   void *ctx, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op;

	if (!st->attach_ready)
		return 0;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_ATTACHMENTS], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading attachments", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_attachment a;
		struct cw_id id;

		if (k.mv_size != ID_LEN)
			continue;
		memcpy(id.b, k.mv_data, ID_LEN);
		if ((rc = cw_attach_load(st, txn, &id, &a, err)) != 0)
			break;
		rc = fn(ctx, &a, err);
		cw_attachment_free(&a);
		if (rc != 0)
			break;
	}
	mdb_cursor_close(cur);
	if (rc == MDB_NOTFOUND)
		return 0;
	return rc < 0 ? rc : cw_store_lmdb_error(NULL, rc, "reading attachments", err);
}

/* Whether detachment a comes before b: the earlier, then the smaller database id. Every
 * laptop keeps the same one of two, whatever the order they arrive in. */
static int detached_first(const struct cw_attachment *a, const struct cw_attachment *b)
{
	if (a->detached_at != b->detached_at)
		return a->detached_at < b->detached_at;
	return memcmp(a->detached_in.b, b->detached_in.b, ID_LEN) < 0;
}

int cw_attach_merge(struct cw_txn *t, struct cw_attachment *in, int *changed, int *want_content,
		    struct cw_error *err)
{
	struct cw_attachment here;
	int rc;

	*changed = *want_content = 0;
	if (!t->st->attach_ready)
		return cw_error_set(
			err, CW_EVERSION, "database",
			"this database has no attachments yet: open it once for writing");
	rc = cw_attach_load(t->st, t->txn, &in->id, &here, err);
	if (rc == CW_ENOTFOUND) {
		cw_error_clear(err);
		if ((rc = cw_attach_store(t, in, err)) != 0)
			return rc;
		*changed = CW_ATTACH_ADDED;
		if ((rc = cw_attach_load(t->st, t->txn, &in->id, &here, err)) != 0)
			return rc;
	} else if (rc != 0) {
		return rc;
	} else if (!memcmp(here.record.b, in->record.b, ID_LEN) && in->detached &&
		   (!here.detached || detached_first(in, &here))) {
		/* The content goes first (unless another attachment holds it), then the
		 * description becomes the detachment that wins. */
		if (!here.detached && (rc = drop_content(t, &here, err)) != 0) {
			cw_attachment_free(&here);
			return rc;
		}
		make_detached(&here, in->detached_by, &in->detached_in, in->detached_at);
		if ((rc = cw_attach_store(t, &here, err)) != 0) {
			cw_attachment_free(&here);
			return rc;
		}
		*changed = CW_ATTACH_DETACHED;
	} else if (!here.detached && !in->detached &&
		   !memcmp(here.record.b, in->record.b, ID_LEN) && captioned_after(in, &here)) {
		/* The caption changed last wins (the content is the same file: its hash). */
		if ((rc = take_caption(&here, in->caption, in->caption_at, &in->caption_in, err)) !=
			    0 ||
		    (rc = cw_attach_store(t, &here, err)) != 0) {
			cw_attachment_free(&here);
			return rc;
		}
		*changed = CW_ATTACH_CAPTIONED;
	}
	/* Attached here to a record deleted here: detached as a change made here (the laptop
	 * that attached it detaches it too once the deletion reaches it; the earlier wins). */
	if (!here.detached && t->st->sync_ready) {
		MDB_val tk = {ID_LEN, here.record.b}, tv;

		if (mdb_get(t->txn, t->st->dbi[DB_TOMBSTONES], &tk, &tv) == 0) {
			rc = cw_attach_detach_in_txn(t, &here.id, NULL, err);
			cw_attachment_free(&here);
			if (rc == 0)
				*changed |= CW_ATTACH_DETACHED;
			return rc;
		}
	}
	*want_content = !here.detached && here.missing;
	cw_attachment_free(&here);
	return 0;
}

int cw_attach_put_part(struct cw_txn *t, const uint8_t sha256[32], uint32_t part, const void *data,
		       size_t len, struct cw_error *err)
{
	uint8_t bk[CW_ATTACH_BLOB_KEY_LEN];
	MDB_val k = {sizeof bk, bk};
	int rc;

	cw_attach_blob_key(t->st, sha256, part, bk);
	if ((rc = cw_val_put(t, DB_BLOBS, &k, data, len, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "writing an attachment", err);
	return 0;
}
