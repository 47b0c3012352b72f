/* bundle.c - bundle files: writing them (export), reading and checking them, and importing
 * them through the merge rule; see sync.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/codec.h"
#include "models/json.h"
#include "models/text.h"
#include "store/outfile.h"
#include "store/sync_internal.h"
#include "store/trust.h"

#define BUNDLE_MAX_BYTES ((size_t)1 << 30)

/* Import merges versions in this order and export writes them in it, so that what a version
 * names is there before it. */
static int kind_rank(uint8_t kind)
{
	/* People, then cases, then the records that name them. */
	return kind == CW_KIND_PERSON ? 0 : kind == CW_KIND_CASE ? 1 : 2;
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
	    (rc = parse_id(obj, "database", &e->database, err)) != 0 ||
	    (rc = parse_text(obj, "author", e->author, sizeof e->author, err)) != 0)
		return rc;
	/* The chain (absent from entries written before it existed). */
	if (json_object_get(obj, "prev")) {
		const json_t *p = json_object_get(obj, "prev"), *s = json_object_get(obj, "sig");
		size_t n;

		e->chained = 1;
		if (!json_is_string(p) ||
		    sodium_hex2bin(e->prev, sizeof e->prev, json_string_value(p),
				   strlen(json_string_value(p)), NULL, &n, NULL) != 0 ||
		    n != sizeof e->prev)
			return cw_error_set(err, CW_EINVAL, "prev", "is not a 64-digit hash");
		if (s) {
			e->is_signed = 1;
			if (!json_is_string(s) ||
			    sodium_hex2bin(e->sig, sizeof e->sig, json_string_value(s),
					   strlen(json_string_value(s)), NULL, &n, NULL) != 0 ||
			    n != sizeof e->sig)
				return cw_error_set(err, CW_EINVAL, "sig",
						    "is not a 128-digit signature");
		}
	}
	return 0;
}

/* Reads the payload (JSON Lines, NUL-terminated at data[len]) into b; see sync.h. The payload
 * was signed by its writer, so what fails here is a writer's fault, not the carrier's; it is
 * refused whole all the same. */
static int parse_payload(char *data, size_t len, struct cw_bundle *b, struct cw_error *err)
{
	char *end_line, *p;
	size_t nlines = 0, lineno;
	struct cw_item_list items = {0};
	json_error_t jerr;
	json_t *end = NULL;
	int rc;

	if (len == 0 || !memchr(data, '\n', len)) {
		rc = cw_error_set(err, CW_EINVAL, "bundle",
				  len ? "its content has no bundle header on line 1"
				      : "its content is empty");
		goto out;
	}
	if ((rc = parse_header(data, (size_t)((char *)memchr(data, '\n', len) - data), &b->stats,
			       err)) != 0)
		goto out;
	/* The end line: the last complete line, with the number of lines before it. */
	if (data[len - 1] != '\n') {
		rc = cw_error_set(err, CW_EINVAL, "bundle",
				  "its content does not end with its end line");
		goto out;
	}
	for (end_line = data + len - 1; end_line > data && end_line[-1] != '\n'; end_line--)
		;
	for (p = data; p < end_line; p++)
		nlines += *p == '\n';
	end = json_loadb(end_line, (size_t)(data + len - end_line), JSON_REJECT_DUPLICATES, &jerr);
	if (!json_is_object(end) || !json_is_string(json_object_get(end, "type")) ||
	    strcmp(json_string_value(json_object_get(end, "type")), "end") != 0) {
		rc = cw_error_set(err, CW_EINVAL, "bundle", "its content has no end line");
		goto out;
	}
	if (!json_is_integer(json_object_get(end, "lines")) ||
	    json_integer_value(json_object_get(end, "lines")) != (json_int_t)nlines) {
		rc = cw_error_set(err, CW_EINVAL, "bundle",
				  "its content lacks lines (the count in its end line does not "
				  "match)");
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
			struct cw_record rec;
			int deleted;

			if ((rc = cw_sync_version_parse(obj, &rec, &deleted, err)) == 0 &&
			    (rc = cw_item_list_push(&items, &rec, deleted)) != 0) {
				cw_record_free(&rec);
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
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
	cw_item_list_free(&items);
	return rc;
}

/* Reads a bundle file: its envelope checked, its payload opened and parsed into b. */
static int load(struct cw_store *st, const char *path, int for_import, struct cw_bundle *b,
		struct cw_error *err)
{
	struct cw_buf payload = {0};
	char *data = NULL;
	size_t len;
	int rc;

	memset(b, 0, sizeof *b);
	if ((rc = read_file(path, &data, &len, err)) != 0)
		return rc;
	rc = cw_envelope_open(st, (const uint8_t *)data, len, for_import, &b->env, &payload, err);
	free(data);
	if (rc == 0 && b->env.opened)
		rc = parse_payload((char *)payload.data, payload.len, b, err);
	if (rc == 0)
		snprintf(b->stats.signer, sizeof b->stats.signer, "%s", b->env.signer_name);
	if (payload.data) /* the records in the clear */
		sodium_memzero(payload.data, payload.cap);
	cw_buf_free(&payload);
	if (rc != 0)
		cw_bundle_free(b);
	return rc;
}

int cw_bundle_read(struct cw_store *st, const char *path, struct cw_bundle *b, struct cw_error *err)
{
	return load(st, path, 0, b, err);
}

void cw_bundle_free(struct cw_bundle *b)
{
	for (size_t i = 0; i < b->n; i++)
		cw_record_free(&b->items[i].rec);
	free(b->items);
	free(b->audit);
	free(b->env.recipients);
	b->items = NULL;
	b->audit = NULL;
	b->env.recipients = NULL;
	b->n = b->naudit = b->env.nrecipients = 0;
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
	/* The database that wrote the bundle is the one that signed it: from now on its audit
	 * entries' signatures are checked against that key, also when another laptop relays
	 * them. */
	if ((rc = cw_store_bind_database(t, &b->stats.database, &b->env.signer, err)) != 0)
		return rc;
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
		if ((rc = cw_sync_merge_version(t, it, &b->stats.bundle, field, &changed,
						&conflicted, err)) != 0)
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
	if ((rc = load(st, path, 1, &b, err)) != 0)
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

static json_t *audit_json(const struct cw_audit_entry *e)
{
	char t[32], rec[CW_ID_HEX_LEN + 1], db[CW_ID_HEX_LEN + 1];

	char prev[2 * CW_AUDIT_HASH_BYTES + 1], sig[2 * CW_AUDIT_SIG_BYTES + 1];
	json_t *o;

	cw_time_format(e->time, t);
	cw_id_hex(&e->record, rec);
	cw_id_hex(&e->database, db);
	o = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "type", "audit", "time", t, "action",
		      cw_audit_action_name(e->action), "kind", cw_kind_name(e->kind), "record", rec,
		      "database", db, "author", e->author);
	if (o && e->chained) {
		sodium_bin2hex(prev, sizeof prev, e->prev, sizeof e->prev);
		json_object_set_new(o, "prev", json_string(prev));
		if (e->is_signed) {
			sodium_bin2hex(sig, sizeof sig, e->sig, sizeof e->sig);
			json_object_set_new(o, "sig", json_string(sig));
		}
	}
	return o;
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

/* Writes buf to path whole ("-": standard output), mode 0600: see store/outfile.h. */
static int write_whole(const char *path, const struct cw_buf *buf, struct cw_error *err)
{
	return cw_outfile_write(path, buf->data, buf->len, err);
}

/* The enrolled peers a bundle is for: "NAME" or "NAME,NAME,..." looked up by name. */
struct peer_list {
	size_t n;
	char (*names)[CW_PEER_NAME_MAX + 1];
	struct cw_identity_public *keys;
};

static void peer_list_free(struct peer_list *l)
{
	free(l->names);
	free(l->keys);
	memset(l, 0, sizeof *l);
}

static int peer_list_parse(struct cw_store *st, const char *text, struct peer_list *l,
			   struct cw_error *err)
{
	size_t cap = 1;
	int rc;

	memset(l, 0, sizeof *l);
	for (const char *c = text; *c; c++)
		cap += *c == ',';
	if (!(l->names = calloc(cap, sizeof *l->names)) ||
	    !(l->keys = calloc(cap, sizeof *l->keys)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	for (const char *p = text;; p++) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		struct cw_peer_key peer;

		/* "sup, bob" as well as "sup,bob": a name never starts or ends with a space. */
		for (; len && *p == ' '; len--)
			p++;
		while (len && p[len - 1] == ' ')
			len--;
		if (len == 0 || len > CW_PEER_NAME_MAX)
			return cw_error_set(err, CW_EINVAL, "to",
					    "give the names of enrolled peers: --to NAME or --to "
					    "NAME,NAME (see casewatch peer list)");
		memcpy(l->names[l->n], p, len);
		l->names[l->n][len] = '\0';
		for (size_t i = 0; i < l->n; i++)
			if (!strcmp(l->names[i], l->names[l->n]))
				return cw_error_set(err, CW_EINVAL, "to", "'%s' is named twice",
						    l->names[i]);
		if ((rc = cw_peer_by_name(st, l->names[l->n], &peer, err)) != 0) {
			if (rc == CW_ENOTFOUND && err) /* the option the user typed */
				snprintf(err->field, sizeof err->field, "to");
			return rc;
		}
		l->keys[l->n++] = peer.key;
		if (!e)
			break;
		p = e;
	}
	return 0;
}

int cw_bundle_export(struct cw_store *st, const struct cw_bundle_options *opt, const char *path,
		     struct cw_bundle_stats *stats, struct cw_error *err)
{
	struct cw_idset ids = {0}, all = {0}, extra = {0};
	struct cw_audit_entry *log = NULL;
	size_t nlog = 0, lines = 0;
	struct cw_buf buf = {0}, file = {0};
	struct peer_list peers = {0, NULL, NULL};
	uint64_t after = UINT64_MAX, last_seq = 0;
	int64_t since_us = 0, peer_time;
	char hex[CW_ID_HEX_LEN + 1], dbhex[CW_ID_HEX_LEN + 1], created[32];
	MDB_txn *txn = NULL;
	mode_t mask;
	int rc;

	memset(stats, 0, sizeof *stats);
	if (!opt->plain && (!opt->peer || !*opt->peer))
		return cw_error_set(err, CW_EINVAL, "to",
				    "say who may read the bundle: --to PEER (enrolled with "
				    "'casewatch peer add'), or --plain to write it unencrypted");
	if (opt->scope == CW_BUNDLE_PEER && (!opt->peer || !*opt->peer))
		return cw_error_set(err, CW_EINVAL, "to", "give the peer a short name");
	if (opt->peer && (rc = peer_list_parse(st, opt->peer, &peers, err)) != 0)
		goto out;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		goto out;
	if (opt->scope == CW_BUNDLE_PEER) {
		size_t used = (size_t)snprintf(stats->scope, sizeof stats->scope, "to");

		/* What any of them has not had: from the smallest of their marks. */
		for (size_t i = 0; i < peers.n; i++) {
			uint64_t seq;

			if ((rc = cw_sync_peer_get(st, txn, peers.names[i], &seq, &peer_time,
						   err)) != 0)
				goto out;
			if (seq < after)
				after = seq;
			if (used < sizeof stats->scope)
				used += (size_t)snprintf(stats->scope + used,
							 sizeof stats->scope - used, "%s %s",
							 i ? "," : "", peers.names[i]);
		}
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
		if (TAKE(&log[i]) && cw_idset_add(&ids, &log[i].record) != 0)
			goto oom;
	}
	if (opt->scope == CW_BUNDLE_ALL) {
		if ((rc = cw_idset_add_table(st, txn, DB_RECORDS, &ids, err)) != 0 ||
		    (st->sync_ready &&
		     ((rc = cw_idset_add_table(st, txn, DB_TOMBSTONES, &ids, err)) != 0 ||
		      (rc = cw_idset_add_table(st, txn, DB_CONFLICTS, &ids, err)) != 0)))
			goto out;
	}
	cw_idset_sort_unique(&ids);
	/* Everything a chosen record names goes too, so the bundle imports on its own. The
	 * chosen ids are sorted; the few they add are looked up one by one. */
	for (size_t i = 0; i < ids.n + extra.n; i++) {
		struct cw_item_list heads;
		struct cw_id id = i < ids.n ? ids.v[i] : extra.v[i - ids.n];
		int shown;

		if ((rc = cw_sync_load_heads(st, txn, &id, &heads, &shown, err)) != 0)
			goto out;
		for (size_t h = 0; h < heads.n && rc == 0; h++) {
			struct cw_id *refs = NULL;
			size_t n = 0;

			if (cw_store_record_refs(&heads.v[h].rec, &refs, &n) != 0)
				rc = CW_ENOMEM;
			for (size_t r = 0; r < n && rc == 0; r++)
				if (!cw_idset_has(&ids, &refs[r]) &&
				    !cw_idset_has_linear(&extra, &refs[r]))
					rc = cw_idset_add(&extra, &refs[r]);
			free(refs);
		}
		cw_item_list_free(&heads);
		if (rc != 0)
			goto oom;
	}
	for (size_t i = 0; i < ids.n + extra.n; i++)
		if (cw_idset_add(&all, i < ids.n ? &ids.v[i] : &extra.v[i - ids.n]) != 0)
			goto oom;
	cw_idset_sort_unique(&all);
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
			struct cw_item_list heads;
			int shown;

			if ((rc = cw_sync_load_heads(st, txn, &all.v[i], &heads, &shown, err)) != 0)
				goto out;
			for (size_t h = 0; h < heads.n && rc == 0; h++) {
				if (kind_rank(heads.v[h].rec.kind) != rank)
					break;
				rc = emit(&buf,
					  cw_sync_version_json(&heads.v[h].rec, heads.v[h].deleted),
					  &lines);
				stats->versions++;
				stats->deleted += (size_t)heads.v[h].deleted;
			}
			cw_item_list_free(&heads);
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
	if (emit(&buf, json_pack("{s:s,s:I}", "type", "end", "lines", (json_int_t)lines), NULL) !=
	    0)
		goto oom;
	/* Signed always; encrypted for the peers unless plain was asked for. */
	if ((rc = cw_envelope_seal(st, peers.keys, opt->plain ? 0 : peers.n, buf.data, buf.len,
				   &file, err)) != 0)
		goto out;
	/* The bundle is for its recipients alone: whatever creates the file creates it 0600. */
	mask = umask(077);
	rc = write_whole(path, &file, err);
	umask(mask);
	if (rc != 0)
		goto out;
	/* Every listed peer has now had everything up to last_seq (a bundle of everything
	 * included). */
	if (opt->scope == CW_BUNDLE_PEER || opt->scope == CW_BUNDLE_ALL)
		for (size_t i = 0; i < peers.n && rc == 0; i++) {
			uint64_t seq;

			if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
				break;
			rc = cw_sync_peer_get(st, txn, peers.names[i], &seq, &peer_time, err);
			mdb_txn_abort(txn);
			txn = NULL;
			if (rc == 0 && last_seq > seq)
				rc = cw_sync_peer_mark(st, peers.names[i], last_seq, err);
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
	if (buf.data) /* the records in the clear */
		sodium_memzero(buf.data, buf.cap);
	cw_buf_free(&buf);
	cw_buf_free(&file);
	peer_list_free(&peers);
	free(extra.v);
	return rc;
}
