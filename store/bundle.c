/* bundle.c - bundle files: writing them (export), reading and checking them, and importing
 * them through the merge rule; see sync.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/codec.h"
#include "models/confidential.h"
#include "models/i18n.h"
#include "models/idmap.h"
#include "models/json.h"
#include "models/pipe.h"
#include "models/text.h"
#include "store/attach.h"
#include "store/outfile.h"
#include "store/sync_internal.h"
#include "store/trust.h"

/* The longest line a payload may hold: one version of one record, a few KiB in practice. A
 * longer one (a compressed payload that would inflate without end: a zip bomb) is refused
 * before it takes more memory. */
#define LINE_MAX_BYTES ((size_t)16 << 20)

/* Import merges versions in this order and export writes them in it, so that what a version
 * names is there before it. */
static int kind_rank(uint8_t kind)
{
	/* People, then cases, then the records that name them. */
	return kind == CW_KIND_PERSON ? 0 : kind == CW_KIND_CASE ? 1 : 2;
}

/* ---- the payload's entries ---------------------------------------------------------------- */

static int line_error(struct cw_error *err, size_t line, int rc)
{
	char field[sizeof err->field];

	if (!err)
		return rc;
	snprintf(field, sizeof field, "%s", err->field);
	snprintf(err->field, sizeof err->field, _("bundle line %zu%s%.80s"), line,
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

/* The header's "removed_keys", as its signer wrote them (import_header keeps those that
 * concern this database). Advice only: an entry this casewatch cannot read (a later form) is
 * passed over, not a reason to refuse the bundle. */
static void parse_removals(const json_t *obj, struct cw_bundle_stats *s)
{
	const json_t *list = json_object_get(obj, "removed_keys"), *e;
	struct cw_error ignored;
	size_t i;

	s->nremovals = 0;
	if (!json_is_array(list))
		return;
	json_array_foreach (list, i, e) {
		struct cw_bundle_removal *r = &s->removals[s->nremovals];
		const json_t *k = json_object_get(e, "key"), *t = json_object_get(e, "removed");

		if (s->nremovals == CW_BUNDLE_REMOVALS_MAX)
			break; /* its writer sends no more; the latest come first */
		memset(r, 0, sizeof *r);
		if (json_is_string(k) && json_is_string(t) &&
		    cw_identity_parse(json_string_value(k), &r->key, NULL, &ignored) == 0 &&
		    cw_time_parse(json_string_value(t), &r->removed) == 0)
			s->nremovals++;
	}
}

/* The header's "sent": the signer's log entries the bundle holds (has_sent 0 when it says
 * none, or in a form this casewatch cannot read: then nothing is noted, nothing refused). */
static void parse_sent(const json_t *obj, struct cw_bundle_stats *s)
{
	const json_t *sent = json_object_get(obj, "sent");
	const json_t *a = json_object_get(sent, "after"), *u = json_object_get(sent, "upto");

	s->has_sent = 0;
	if (!json_is_integer(a) || !json_is_integer(u) || json_integer_value(a) < 0 ||
	    json_integer_value(u) < json_integer_value(a))
		return;
	s->sent_after = (uint64_t)json_integer_value(a);
	s->sent_upto = (uint64_t)json_integer_value(u);
	s->has_sent = 1;
}

/* Line 1, parsed (NULL: it is not JSON). */
static int parse_header(const json_t *obj, int version, struct cw_bundle_stats *s,
			struct cw_error *err)
{
	const json_t *fmt, *ver;
	int rc = 0;

	fmt = obj ? json_object_get(obj, "format") : NULL;
	if (!json_is_object(obj) || !json_is_string(fmt) ||
	    strcmp(json_string_value(fmt), "casewatch-bundle") != 0) {
		return cw_error_set(err, CW_EINVAL, "bundle",
				    "not a casewatch bundle (no bundle header on line 1)");
	}
	ver = json_object_get(obj, "version");
	if (!json_is_integer(ver) || json_integer_value(ver) != version) {
		rc = cw_error_set(err, CW_EVERSION, "bundle",
				  "its content is of format version %lld, its envelope of %d: not "
				  "a bundle this casewatch reads; upgrade casewatch",
				  json_is_integer(ver) ? (long long)json_integer_value(ver) : -1LL,
				  version);
	} else if ((rc = parse_id(obj, "bundle", &s->bundle, err)) != 0 ||
		   (rc = parse_id(obj, "database", &s->database, err)) != 0 ||
		   (rc = parse_text(obj, "author", s->author, sizeof s->author, err)) != 0 ||
		   (rc = parse_text(obj, "scope", s->scope, sizeof s->scope, err)) != 0 ||
		   (rc = parse_time(obj, "created", &s->created, err)) != 0) {
		line_error(err, 1, rc);
	} else {
		/* Said by bundles since confidential records (issue 17); older ones do not. */
		if (json_is_string(json_object_get(obj, "confidential")))
			snprintf(s->confidential, sizeof s->confidential, "%s",
				 json_string_value(json_object_get(obj, "confidential")));
		parse_removals(obj, s);
		parse_sent(obj, s);
	}
	return rc;
}

static int parse_audit(const json_t *obj, struct cw_audit_entry *e, struct cw_error *err)
{
	const json_t *a = json_object_get(obj, "action"), *k = json_object_get(obj, "kind");
	int rc, action = -1;

	memset(e, 0, sizeof e[0]);
	for (int i = CW_AUDIT_CREATE; i <= CW_AUDIT_CAPTION; i++)
		if (json_is_string(a) && !strcmp(json_string_value(a), cw_audit_action_name(i)))
			action = i;
	if (action < 0)
		return cw_error_set(err, CW_EINVAL, "action",
				    "is not an audit action this casewatch knows (a newer "
				    "casewatch may have written it: upgrade casewatch)");
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

/* ---- reading a payload, line by line ------------------------------------------------------ */

/* Which entries a pass over the payload hands on (all are checked either way). */
enum { WANT_AUDIT = 1, WANT_VERSIONS = 2, WANT_ATTACHMENTS = 4 };

/* The payload (JSON Lines; see sync.h) as it streams out of the envelope: lines are put
 * together, checked in their order and handed to the callbacks one at a time, so that what is
 * held is a few batches of lines (below), whatever the size of the bundle. What fails here
 * was written by the signer, not the carrier; it is refused whole all the same. */
struct payload {
	int version; /* the envelope's */
	unsigned want;
	struct cw_bundle_stats *stats; /* the header's fields, and the entries counted */
	/* Called with the header (line 1), each audit entry and each version wanted; a version
	 * is the callee's to free. */
	int (*on_header)(void *ctx, struct cw_error *err);
	int (*on_audit)(void *ctx, const struct cw_audit_entry *e, struct cw_error *err);
	int (*on_version)(void *ctx, struct cw_bundle_item *it, struct cw_error *err);
	/* An attachment's description (the callee's to free), and each part of its content,
	 * checked against its hash when the last arrives. */
	int (*on_attachment)(void *ctx, struct cw_attachment *a, struct cw_error *err);
	int (*on_part)(void *ctx, const uint8_t sha256[32], uint32_t part, const uint8_t *data,
		       size_t len, struct cw_error *err);
	void *ctx;
	/* The content expected after the last description: its hash, size and parts, the parts
	 * had, and the hash of what came. */
	int attach_begun, content_open;
	uint8_t sha[32];
	uint64_t size, got;
	size_t parts, next_part;
	crypto_hash_sha256_state hs;
	uint8_t *part_buf;
	/* Where the payload is: the line being handled. */
	size_t lineno;
	int versions_begun, rank, ended;
};

static void payload_free(struct payload *p)
{
	if (p->part_buf) {
		sodium_memzero(p->part_buf, CW_ATTACH_PART);
		free(p->part_buf);
		p->part_buf = NULL;
	}
}

/* A content that stopped before its last part. */
static int content_incomplete(struct payload *p, struct cw_error *err)
{
	if (!p->content_open || p->next_part == 0)
		return 0;
	return cw_error_set(err, CW_EINVAL, "blob",
			    "an attachment's content stops after %zu of its %zu parts",
			    p->next_part, p->parts);
}

/* {"type":"attachment",...}: a description, after the versions. */
static int attachment_line(struct payload *p, const json_t *obj, struct cw_error *err)
{
	struct cw_attachment a;
	int rc;

	if (p->version < 3)
		return cw_error_set(err, CW_EINVAL, "type",
				    "an attachment in a bundle of format %d", p->version);
	if ((rc = content_incomplete(p, err)) != 0 ||
	    (rc = cw_attach_parse(json_object_get(obj, "attachment"), &a, err)) != 0)
		return rc;
	/* A peer's description is input like any typed here: checked as `attach` checks, so
	 * nothing in it can disguise a file or reach a terminal (the whole bundle is refused,
	 * naming this line and the field). */
	if ((rc = cw_attach_check(&a, err)) != 0) {
		cw_attachment_free(&a);
		return rc;
	}
	p->attach_begun = 1;
	p->content_open = !a.detached;
	memcpy(p->sha, a.sha256, sizeof p->sha);
	p->size = a.size;
	p->parts = cw_attach_parts(a.size);
	p->next_part = 0;
	p->got = 0;
	p->stats->attachments++;
	if ((p->want & WANT_ATTACHMENTS) && p->on_attachment)
		return p->on_attachment(p->ctx, &a, err);
	cw_attachment_free(&a);
	return 0;
}

/* {"type":"blob",...}: the next part of the content of the last description. */
static int blob_line(struct payload *p, const json_t *obj, struct cw_error *err)
{
	const json_t *sha = json_object_get(obj, "sha256"), *data = json_object_get(obj, "data");
	uint8_t want[32];
	size_t n = 0, len = 0;
	int rc = 0;

	if (!p->content_open)
		return cw_error_set(err, CW_EINVAL, "blob",
				    "content that follows no attached file's description");
	if (!json_is_string(sha) || json_string_length(sha) != 64 ||
	    sodium_hex2bin(want, sizeof want, json_string_value(sha), 64, NULL, &n, NULL) != 0 ||
	    n != 32 || memcmp(want, p->sha, 32) != 0)
		return cw_error_set(err, CW_EINVAL, "sha256",
				    "is not the hash of the description before it");
	if (!json_is_integer(json_object_get(obj, "part")) ||
	    json_integer_value(json_object_get(obj, "part")) != (json_int_t)p->next_part ||
	    !json_is_integer(json_object_get(obj, "parts")) ||
	    json_integer_value(json_object_get(obj, "parts")) != (json_int_t)p->parts ||
	    p->next_part >= p->parts)
		return cw_error_set(err, CW_EINVAL, "part",
				    "parts of an attachment's content out of order or too many");
	if (!p->part_buf && !(p->part_buf = malloc(CW_ATTACH_PART)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (!json_is_string(data) ||
	    sodium_base642bin(p->part_buf, CW_ATTACH_PART, json_string_value(data),
			      json_string_length(data), NULL, &len, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0)
		return cw_error_set(err, CW_EINVAL, "data", "is not base64 of at most 1 MiB");
	/* Every part but the last is whole, and the parts add up to the size. */
	if ((p->next_part + 1 < p->parts && len != CW_ATTACH_PART) || p->got + len > p->size ||
	    (p->next_part + 1 == p->parts && p->got + len != p->size))
		return cw_error_set(
			err, CW_EINVAL, "data",
			"the parts of an attachment's content do not add up to its size");
	if (p->next_part == 0)
		crypto_hash_sha256_init(&p->hs);
	crypto_hash_sha256_update(&p->hs, p->part_buf, len);
	p->got += len;
	if (p->next_part + 1 == p->parts) {
		uint8_t got[32];

		crypto_hash_sha256_final(&p->hs, got);
		if (memcmp(got, p->sha, 32) != 0)
			return cw_error_set(err, CW_EINVAL, "data",
					    "an attachment's content does not match its hash");
		p->stats->attachment_contents++;
		p->stats->attachment_bytes += p->size;
		p->content_open = 0;
	}
	if ((p->want & WANT_ATTACHMENTS) && p->on_part)
		rc = p->on_part(p->ctx, p->sha, (uint32_t)p->next_part, p->part_buf, len, err);
	p->next_part++;
	/* The last part is checked before it is written: a content whose hash fails was
	 * written in part only inside the transaction that the failure aborts. */
	return rc;
}

/* ---- the payload's lines, parsed on a second thread ----------------------------------------
 * Parsing a line's JSON is more than half of what a bundle's import does (callgrind, a bundle
 * of 23,000 versions and 23,000 audit entries: jansson 51%, merging and writing 40%), and
 * needs nothing from the database. The envelope is read, decrypted, decompressed, cut into
 * lines and each line parsed on a second thread (models/pipe.h), while this one checks and
 * merges the lines before it in their order: the first line refused is the one named, and what
 * the envelope refuses (a chunk altered or cut) is refused after the lines before it, as when
 * one thread did both. */
#define LINES_PER_BATCH 64

/* A line as the second thread hands it on: a version or an audit entry parsed there (so that
 * the JSON, allocated there, is freed there too), or else the JSON itself. */
enum { LINE_JSON, LINE_VERSION, LINE_AUDIT };

struct parsed_line {
	size_t lineno;
	int what;    /* LINE_* */
	json_t *obj; /* LINE_JSON: the line (NULL: it is not JSON) */
	int rc;      /* LINE_VERSION, LINE_AUDIT: the parse's error, its text in *perr */
	struct cw_error *perr;
	int rec_held; /* it.rec holds a record, the line's to free */
	struct cw_bundle_item it;
	struct cw_audit_entry e;
};

/* What the second thread found wrong with a version or an audit entry. */
static int parse_error(const struct parsed_line *pl, struct cw_error *err)
{
	if (!pl->perr)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (err)
		*err = *pl->perr;
	return pl->rc;
}

/* One complete line, number p->lineno. What is wrong with the line names it; what the
 * callbacks refuse (a merge) names its record instead. A version is handed to on_version or
 * freed here. */
static int payload_line(struct payload *p, struct parsed_line *pl, struct cw_error *err)
{
	const json_t *obj = pl->obj, *type;
	const char *t = NULL;
	int rc = 0;

	if (p->ended)
		return line_error(
			err, p->lineno,
			cw_error_set(err, CW_EINVAL, "", "its content goes on after its end line"));
	if (p->lineno == 1) {
		if ((rc = parse_header(obj, p->version, p->stats, err)) == 0 && p->on_header)
			rc = p->on_header(p->ctx, err);
		return rc;
	}
	if (pl->what == LINE_JSON) {
		type = obj ? json_object_get(obj, "type") : NULL;
		t = json_is_string(type) ? json_string_value(type) : NULL;
	}
	if (pl->what == LINE_JSON && (!json_is_object(obj) || !t)) {
		rc = cw_error_set(err, CW_EINVAL, "", "is not a bundle entry");
	} else if (pl->what == LINE_JSON && !strcmp(t, "end")) {
		/* The number of lines before it, header included. */
		if ((rc = content_incomplete(p, err)) != 0)
			return line_error(err, p->lineno, rc);
		if (!json_is_integer(json_object_get(obj, "lines")) ||
		    json_integer_value(json_object_get(obj, "lines")) !=
			    (json_int_t)(p->lineno - 1))
			rc = cw_error_set(err, CW_EINVAL, "bundle",
					  "its content lacks lines (the count in its end line "
					  "does not match)");
		p->ended = 1;
		return rc;
	} else if (pl->what == LINE_AUDIT) {
		/* Version 3 lists the log first, so that an import appends it before the
		 * entries of its own merge; version 2 listed it after the versions. */
		if (p->version > 2 && p->versions_begun)
			rc = cw_error_set(err, CW_EINVAL, "type",
					  "an audit entry after the versions: a bundle lists its "
					  "audit entries first");
		else if (pl->rc != 0)
			rc = parse_error(pl, err);
	} else if (pl->what == LINE_JSON && (!strcmp(t, "attachment") || !strcmp(t, "blob"))) {
		rc = !strcmp(t, "blob") ? blob_line(p, obj, err) : attachment_line(p, obj, err);
		return rc ? line_error(err, p->lineno, rc) : 0;
	} else if (p->attach_begun) {
		rc = cw_error_set(err, CW_EINVAL, "type",
				  "a %.20s after the attachments: a bundle lists them last",
				  pl->what == LINE_VERSION ? "version" : t);
	} else if (pl->what == LINE_VERSION) {
		if (pl->rc != 0) {
			rc = parse_error(pl, err);
		} else {
			int rank = kind_rank(pl->it.rec.kind);

			/* What a version names comes before it: people, then cases, then the
			 * records that name them (import merges them as they come). */
			if (rank < p->rank)
				rc = cw_error_set(err, CW_EINVAL, "kind",
						  "a %s after the %s: a bundle lists people, then "
						  "cases, then the other records",
						  cw_kind_name(pl->it.rec.kind),
						  p->rank == 2 ? _("other records") : _("cases"));
			p->rank = rank;
			p->versions_begun = 1;
		}
	} else {
		rc = cw_error_set(err, CW_EINVAL, "type", "'%.20s' is not a bundle entry", t);
	}
	if (rc != 0)
		return line_error(err, p->lineno, rc);
	if (pl->what == LINE_VERSION) {
		p->stats->versions++;
		p->stats->deleted += (size_t)pl->it.deleted;
		if ((p->want & WANT_VERSIONS) && p->on_version) {
			pl->rec_held = 0; /* the callee's */
			return p->on_version(p->ctx, &pl->it, err);
		}
		return 0;
	}
	p->stats->audit++;
	return (p->want & WANT_AUDIT) && p->on_audit ? p->on_audit(p->ctx, &pl->e, err) : 0;
}

/* The second thread's side: the line being put together, and how the envelope ended. */
struct line_cutter {
	struct cw_envelope_reader *r;
	struct cw_pipe *pipe;
	char *line;
	size_t len, cap, lineno;
	int rc; /* the envelope's or the cutting's error, in err */
	struct cw_error err;
};

/* Parses a line: a version or an audit entry to the end, anything else to its JSON. */
static void parse_line(struct parsed_line *pl, size_t lineno, const char *text, size_t len)
{
	json_t *obj = json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL);
	const json_t *type = json_is_object(obj) ? json_object_get(obj, "type") : NULL;
	const char *t = json_is_string(type) ? json_string_value(type) : "";
	struct cw_error err;

	memset(pl, 0, sizeof *pl);
	pl->lineno = lineno;
	pl->what = lineno == 1             ? LINE_JSON
		   : !strcmp(t, "version") ? LINE_VERSION
		   : !strcmp(t, "audit")   ? LINE_AUDIT
					   : LINE_JSON;
	if (pl->what == LINE_JSON) {
		pl->obj = obj;
		return;
	}
	pl->rc = pl->what == LINE_VERSION
			 ? cw_sync_version_parse(obj, &pl->it.rec, &pl->it.deleted, &err)
			 : parse_audit(obj, &pl->e, &err);
	pl->rec_held = pl->what == LINE_VERSION && pl->rc == 0;
	if (pl->rc != 0 && (pl->perr = malloc(sizeof *pl->perr)))
		*pl->perr = err;
	else if (pl->rc != 0)
		pl->rc = CW_ENOMEM;
	json_decref(obj);
}

static int cut_line(struct line_cutter *c, const char *text, size_t len)
{
	struct parsed_line *pl = cw_pipe_slot(c->pipe);

	/* None: the first thread stopped taking lines. An error ends the envelope's reading; no
	 * one says it. */
	if (!pl)
		return CW_EINVAL;
	parse_line(pl, ++c->lineno, text, len);
	cw_pipe_push(c->pipe, len);
	return 0;
}

/* The envelope's output: payload bytes in pieces, cut into lines. */
static int payload_feed(void *ctx, const uint8_t *data, size_t len, struct cw_error *err)
{
	struct line_cutter *c = ctx;
	int rc;

	while (len) {
		const uint8_t *nl = memchr(data, '\n', len);
		size_t take = nl ? (size_t)(nl - data) : len;

		if (c->len + take > LINE_MAX_BYTES) {
			cw_error_set(
				err, CW_EINVAL, "",
				"is longer than %zu MiB: a line holds one record, so the bundle "
				"is refused",
				LINE_MAX_BYTES >> 20);
			return line_error(err, c->lineno + 1, CW_EINVAL);
		}
		if (nl && c->len == 0) {
			/* A whole line in this piece: parsed where it lies. */
			if ((rc = cut_line(c, (const char *)data, take)) != 0)
				return rc;
		} else {
			if (c->len + take > c->cap) {
				size_t cap = c->cap ? c->cap : 4096;
				char *grown;

				while (cap < c->len + take)
					cap *= 2;
				if (!(grown = malloc(cap)))
					return cw_error_set(err, CW_ENOMEM, "", "out of memory");
				if (c->line) {
					memcpy(grown, c->line, c->len);
					sodium_memzero(c->line, c->cap);
				}
				free(c->line);
				c->line = grown;
				c->cap = cap;
			}
			memcpy(c->line + c->len, data, take);
			c->len += take;
			if (nl) {
				rc = cut_line(c, c->line, c->len);
				c->len = 0;
				if (rc != 0)
					return rc;
			}
		}
		data += take + (nl != NULL);
		len -= take + (nl != NULL);
	}
	return 0;
}

static void read_lines(struct cw_pipe *pipe, void *ctx)
{
	struct line_cutter *c = ctx;

	c->pipe = pipe;
	c->rc = cw_envelope_read(c->r, payload_feed, c, &c->err);
}

/* Frees what a line still holds: its JSON, its error, a version not handed on. */
static void drop_line(void *ctx, void *entry)
{
	struct parsed_line *pl = entry;

	(void)ctx;
	json_decref(pl->obj);
	free(pl->perr);
	if (pl->rec_held)
		cw_record_free(&pl->it.rec);
	memset(pl, 0, sizeof *pl);
}

static int take_line(void *ctx, void *entry, struct cw_error *err)
{
	struct payload *p = ctx;
	struct parsed_line *pl = entry;

	p->lineno = pl->lineno;
	return payload_line(p, pl, err);
}

/* After the last line: the payload ended with its end line. */
static int payload_done(struct payload *p, const struct line_cutter *c, struct cw_error *err)
{
	if (c->lineno == 0 && c->len == 0)
		return cw_error_set(err, CW_EINVAL, "bundle", "its content is empty");
	if (c->lineno == 0)
		return cw_error_set(err, CW_EINVAL, "bundle",
				    "its content has no bundle header on line 1");
	if (c->len)
		return cw_error_set(err, CW_EINVAL, "bundle",
				    "its content does not end with its end line");
	if (!p->ended)
		return cw_error_set(err, CW_EINVAL, "bundle", "its content has no end line");
	return 0;
}

/* One pass over the payload, wanting `want`: the header's fields and the counts in *stats. */
static int payload_pass(struct cw_envelope_reader *r, struct payload *p, unsigned want,
			struct cw_error *err)
{
	struct line_cutter c;
	struct cw_pipe *pipe;
	int rc;

	p->want = want;
	p->lineno = 0;
	p->versions_begun = p->rank = p->ended = 0;
	p->attach_begun = p->content_open = 0;
	p->next_part = p->parts = 0;
	p->stats->versions = p->stats->deleted = p->stats->audit = 0;
	p->stats->attachments = p->stats->attachment_contents = 0;
	p->stats->attachment_bytes = 0;
	memset(&c, 0, sizeof c);
	c.r = r;
	if (cw_pipe_start(&pipe, sizeof(struct parsed_line), LINES_PER_BATCH, read_lines, drop_line,
			  &c) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory (starting a thread)");
	if ((rc = cw_pipe_drain(pipe, take_line, p, err)) == 0 && c.rc != 0) {
		if (err)
			*err = c.err;
		rc = c.rc;
	} else if (rc == 0) {
		rc = payload_done(p, &c, err);
	}
	cw_pipe_stop(pipe);
	if (c.line) /* the records in the clear */
		sodium_memzero(c.line, c.cap);
	free(c.line);
	return rc;
}

/* Opens a bundle file for the two passes: a regular file (standard input only when it is one),
 * since it is read twice. */
static int open_bundle(const char *path, FILE **f, struct cw_error *err)
{
	struct stat sb;
	int e, fd = -1, flags;

	/* Opened without waiting: a FIFO named as the bundle would block the open until a writer
	 * came (a review's `bundle import FIFO` hung); it is refused below as a pipe is. */
	if (strcmp(path, "-") && (fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return cw_error_set(err, errno == ENOENT ? CW_ENOTFOUND : CW_EIO, "file",
				    "cannot read %.200s: %s", path, strerror(errno));
	*f = fd >= 0 ? fdopen(fd, "rb") : stdin;
	if (!*f) {
		e = errno;
		close(fd);
		return cw_error_set(err, CW_ENOMEM, "", "cannot read %.200s: %s", path,
				    strerror(e));
	}
	if (fstat(fileno(*f), &sb) != 0) {
		e = errno;
	} else if (S_ISREG(sb.st_mode)) {
		if (fd >= 0 && (flags = fcntl(fd, F_GETFL)) >= 0) /* a file: reads as any other */
			(void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
		return 0;
	} else { /* errno is whatever came before: a pipe is no error of fstat's */
		e = S_ISDIR(sb.st_mode) ? EISDIR : 0;
	}
	if (*f != stdin)
		fclose(*f);
	*f = NULL;
	if (e)
		return cw_error_set(err, CW_EIO, "file", "cannot read %.200s: %s", path,
				    strerror(e));
	if (!strcmp(path, "-"))
		return cw_error_set(
			err, CW_EIO, "file",
			"standard input is not a file: a bundle is checked whole before "
			"anything in it is used, so give the file itself");
	return cw_error_set(err, CW_EIO, "file",
			    "%.200s is not a file: a bundle is checked whole before anything in it "
			    "is used, so give the file itself",
			    path);
}

static void close_bundle(FILE *f)
{
	if (f && f != stdin)
		fclose(f);
}

/* ---- reading a bundle whole, for inspect --------------------------------------------------- */

struct collect {
	struct cw_bundle *b;
	struct cw_item_list items;
	size_t limit; /* keep at most this many of each (0: all) */
};

static int collect_audit(void *ctx, const struct cw_audit_entry *e, struct cw_error *err)
{
	struct collect *c = ctx;
	struct cw_bundle *b = c->b;
	struct cw_audit_entry *grown;

	b->audit_total++;
	if (c->limit && b->naudit >= c->limit)
		return 0;
	if (b->naudit % 64 == 0) {
		if (!(grown = realloc(b->audit, (b->naudit + 64) * sizeof *grown)))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		b->audit = grown;
	}
	b->audit[b->naudit++] = *e;
	return 0;
}

static int collect_version(void *ctx, struct cw_bundle_item *it, struct cw_error *err)
{
	struct collect *c = ctx;

	c->b->versions_total++;
	if (c->limit && c->items.n >= c->limit) {
		cw_record_free(&it->rec);
		return 0;
	}
	if (cw_item_list_push(&c->items, &it->rec, it->deleted) != 0) {
		cw_record_free(&it->rec);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	return 0;
}

int cw_bundle_read(struct cw_store *st, const char *path, struct cw_bundle *b, struct cw_error *err)
{
	return cw_bundle_read_first(st, path, 0, b, err);
}

int cw_bundle_read_first(struct cw_store *st, const char *path, size_t limit, struct cw_bundle *b,
			 struct cw_error *err)
{
	struct cw_envelope_reader *r = NULL;
	struct collect c = {b, {0}, limit};
	struct payload p;
	FILE *f;
	int rc;

	memset(b, 0, sizeof *b);
	memset(&p, 0, sizeof p);
	if ((rc = open_bundle(path, &f, err)) != 0)
		return rc;
	rc = cw_envelope_check(st, f, 0, &b->env, &r, err);
	if (rc == 0 && r) {
		p.version = b->env.version;
		p.stats = &b->stats;
		p.on_audit = collect_audit;
		p.on_version = collect_version;
		p.ctx = &c;
		if ((rc = payload_pass(r, &p, WANT_AUDIT | WANT_VERSIONS, err)) == 0) {
			b->items = c.items.v;
			b->n = c.items.n;
			memset(&c.items, 0, sizeof c.items);
			b->env.opened = 1;
			snprintf(b->stats.signer, sizeof b->stats.signer, "%s", b->env.signer_name);
		}
	}
	payload_free(&p);
	cw_item_list_free(&c.items);
	cw_envelope_reader_free(r);
	close_bundle(f);
	if (rc != 0)
		cw_bundle_free(b);
	return rc;
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
	struct cw_envelope_reader *r;
	const struct cw_bundle_envelope *env;
	struct cw_bundle_stats *stats;
	struct cw_txn *t;
	int bound;
	int want_content;   /* the content after the last description is wanted here */
	int accept_removed; /* CW_IMPORT_ACCEPT_REMOVED */
};

/* Of the keys the signer removed, those this database still trusts: to be told. Nothing is
 * changed here: whom a laptop trusts is decided on it. A partner's are not told: another
 * organisation removes keys for its own reasons (an exchange that ended, not a laptop taken),
 * and the team does not remove a teammate's key at its word. */
static int keep_removals(struct import_ctx *c, struct cw_error *err)
{
	struct cw_bundle_stats *s = c->stats;
	struct cw_peer_key signer;
	size_t kept = 0;
	int rc, gone;

	if (s->nremovals &&
	    (rc = cw_peer_by_key_txn(c->t, &c->env->signer, &signer, err)) != CW_ENOTFOUND) {
		if (rc != 0)
			return rc;
		if (signer.role == CW_PEER_PARTNER)
			s->nremovals = 0;
	}
	for (size_t i = 0; i < s->nremovals; i++) {
		struct cw_bundle_removal r = s->removals[i];
		struct cw_peer_key peer;

		if ((rc = cw_store_key_revoked(c->t->txn, c->t->st, &r.key, NULL, &gone, err)) != 0)
			return rc;
		if (gone)
			continue;
		rc = cw_peer_by_key_txn(c->t, &r.key, &peer, err);
		if (rc == CW_ENOTFOUND)
			continue;
		if (rc != 0)
			return rc;
		snprintf(r.name, sizeof r.name, "%s", peer.name);
		s->removals[kept++] = r;
	}
	s->nremovals = kept;
	return 0;
}

static int import_header(void *vctx, struct cw_error *err)
{
	struct import_ctx *c = vctx;
	int rc;

	/* Each pass parses the header again (a version 2 bundle is read twice). */
	if ((rc = keep_removals(c, err)) != 0)
		return rc;
	if (c->bound)
		return 0;
	c->bound = 1;
	/* A removed key's own bundle speaks for the database that key spoke for here, or for
	 * none: a taken key's holder would otherwise write under a database id never seen here,
	 * whose changes nothing would count as the removed key's. */
	if (c->env->signer_removed) {
		struct cw_identity_public spoke;
		char hex[CW_ID_HEX_LEN + 1];
		int was;

		if ((rc = cw_store_database_revoked(c->t->txn, c->t->st, &c->stats->database, NULL,
						    &spoke, &was, err)) != 0)
			return rc;
		cw_id_hex(&c->stats->database, hex);
		if (!was || !cw_identity_equal(&spoke, &c->env->signer))
			return cw_error_set(
				err, CW_EREFUSED, "bundle",
				"is signed by a key removed from the peers here, and "
				"says it comes from database %.8s, which that key did not "
				"speak for here: refused, even with --accept-removed",
				hex);
	}
	/* The database that wrote the bundle is the one that signed it: from now on its audit
	 * entries' signatures are checked against that key, also when another laptop relays
	 * them. */
	if ((rc = cw_store_bind_database(c->t, &c->stats->database, &c->env->signer, 0, err)) != 0)
		return rc;
	/* What it brings of its signer's log continues what came before, or a bundle between
	 * was lost: noted in the same transaction, so a refused bundle notes nothing. Not of
	 * this database's own bundles, imported back. */
	c->stats->missing_before = c->stats->missing_after = 0;
	if (c->stats->has_sent && !c->env->signer_removed &&
	    !cw_id_equal(&c->stats->database, &c->t->st->database_id)) {
		uint8_t head[CW_AUDIT_HASH_BYTES];
		int heard;

		/* Its log's entries held here already (the bundle's own come after this line). */
		if ((rc = cw_store_audit_head(c->t, &c->stats->database, head, &heard, err)) != 0)
			return rc;
		rc = cw_sync_received_add(c->t, &c->stats->database, c->stats->sent_after,
					  c->stats->sent_upto, heard, &c->stats->missing_before,
					  &c->stats->missing_after, err);
	}
	return rc;
}

static int import_audit(void *vctx, const struct cw_audit_entry *e, struct cw_error *err)
{
	struct import_ctx *c = vctx;
	int rc, added;

	/* The field's own log, marked with the database each change was made in. */
	if ((rc = cw_store_audit_append(c->t, e, 1, &added, err)) != 0)
		return rc;
	c->stats->audit_added += (size_t)added;
	return 0;
}

static int import_version(void *vctx, struct cw_bundle_item *it, struct cw_error *err)
{
	struct import_ctx *c = vctx;
	char field[64], hex[CW_ID_HEX_LEN + 1];
	int rc, changed, conflicted;

	cw_id_hex(&it->rec.id, hex);
	snprintf(field, sizeof field, "%s %.8s", cw_kind_name(it->rec.kind), hex);
	rc = cw_sync_merge_version(c->t, it, &c->stats->bundle, field, &changed, &conflicted, err);
	/* New here and made in a removed key's database (a version carries the bundle's
	 * signature, not its own: relayed, it is the relayer's word). */
	if (rc == 0 && changed && !cw_id_equal(&it->rec.edited_in, &c->t->st->database_id)) {
		char what[160], day[CW_DATE_TEXT_MAX];

		cw_date_format(cw_date_of_time(it->rec.updated), day);
		snprintf(what, sizeof what, _("a version of a %s, dated %s"),
			 cw_kind_name(it->rec.kind), day);
		rc = cw_store_removed_change(c->t, &it->rec.edited_in, CW_REMOVED_VERSION, what,
					     err);
	}
	if (rc == 0 && changed) {
		c->stats->changed++;
		c->stats->conflicts += (size_t)conflicted;
		if (!it->deleted && it->rec.kind == CW_KIND_HEARING &&
		    it->rec.view == CW_VIEW_OWN &&
		    c->stats->nown_hearings < CW_BUNDLE_OWN_HEARINGS_MAX)
			c->stats->own_hearings[c->stats->nown_hearings++] = it->rec.id;
		rc = cw_txn_audit(c->t, CW_AUDIT_IMPORT, it->rec.kind, &it->rec.id, err);
	}
	cw_record_free(&it->rec);
	return rc;
}

static int removed_attachment(struct cw_txn *t, const struct cw_id *database, const char *what,
			      struct cw_error *err)
{
	if (cw_id_is_zero(database) || cw_id_equal(database, &t->st->database_id))
		return 0;
	return cw_store_removed_change(t, database, CW_REMOVED_ATTACHMENT, what, err);
}

static int import_attachment(void *vctx, struct cw_attachment *a, struct cw_error *err)
{
	struct import_ctx *c = vctx;
	int rc, changed;

	rc = cw_attach_merge(c->t, a, &changed, &c->want_content, err);
	/* Each change the merge took, by the database it says made it: a removed key's holder
	 * could detach the team's evidence or attach a file of its own, relayed by a teammate
	 * (a bundle scoped by time carries an attachment without its audit entry). */
	if (rc == 0 && (changed & CW_ATTACH_ADDED))
		rc = removed_attachment(c->t, &a->added_in, _("an attachment added"), err);
	if (rc == 0 && (changed & CW_ATTACH_DETACHED))
		rc = removed_attachment(c->t, &a->detached_in, _("an attachment detached"), err);
	if (rc == 0 && (changed & CW_ATTACH_CAPTIONED))
		rc = removed_attachment(c->t, &a->caption_in, _("an attachment's caption changed"),
					err);
	c->stats->attachments_added += (changed & CW_ATTACH_ADDED) != 0;
	c->stats->attachments_detached += (changed & CW_ATTACH_DETACHED) != 0;
	c->stats->attachments_captioned += (changed & CW_ATTACH_CAPTIONED) != 0;
	cw_attachment_free(a);
	return rc;
}

static int import_part(void *vctx, const uint8_t sha256[32], uint32_t part, const uint8_t *data,
		       size_t len, struct cw_error *err)
{
	struct import_ctx *c = vctx;

	return c->want_content ? cw_attach_put_part(c->t, sha256, part, data, len, err) : 0;
}

/* The second pass, inside the write: the payload applied as it is read. A failure, or a file
 * that is no longer the one the first pass checked, aborts the transaction. Run again from the
 * file's start when the write is retried on a grown map. */
static int import_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct import_ctx *c = vctx;
	struct cw_audit_cover cover;
	struct payload p;
	int rc;

	memset(&p, 0, sizeof p);
	memset(&cover, 0, sizeof cover);
	t->cover = &cover;
	t->accept_removed = c->accept_removed;
	t->removed_entries = t->removed_versions = t->removed_attachments = 0;
	t->any_removed = -1;
	c->t = t;
	c->bound = 0;
	c->stats->changed = c->stats->conflicts = c->stats->audit_added = c->stats->repointed = 0;
	c->stats->doubled.n = 0;
	c->stats->nown_hearings = 0;
	c->stats->attachments_added = c->stats->attachments_detached = 0;
	c->stats->attachments_captioned = 0;
	c->want_content = 0;
	p.version = c->env->version;
	p.stats = c->stats;
	p.on_header = import_header;
	p.on_audit = import_audit;
	p.on_version = import_version;
	p.on_attachment = import_attachment;
	p.on_part = import_part;
	p.ctx = c;
	if (p.version > 2) {
		rc = payload_pass(c->r, &p, WANT_AUDIT | WANT_VERSIONS | WANT_ATTACHMENTS, err);
	} else {
		/* Version 2 lists the log after the versions: read it first, then the versions,
		 * so that the import appends the log in the same order as version 3. */
		if ((rc = payload_pass(c->r, &p, WANT_AUDIT, err)) == 0)
			rc = payload_pass(c->r, &p, WANT_VERSIONS, err);
	}
	payload_free(&p);
	/* Every unsigned entry of a database known here had a signed one of it behind it. */
	if (rc == 0)
		rc = cw_audit_cover_check(&cover, err);
	c->stats->removed_entries = t->removed_entries;
	c->stats->removed_versions = t->removed_versions;
	c->stats->removed_attachments = t->removed_attachments;
	c->stats->removed_database = t->removed_database;
	t->cover = NULL;
	cw_audit_cover_free(&cover);
	/* People merged elsewhere: this laptop's own records that still name the one given up
	 * name the one kept, as changes made here (they go back in the next bundle). */
	if (rc == 0)
		rc = cw_store_repoint_merged(t, &c->stats->repointed, &c->stats->doubled, err);
	return rc;
}

/* ---- a bundle from a laptop not enrolled here ------------------------------------------- */

/* The first pass refused the bundle for its signer alone: a signature that verified, by a key
 * nobody enrolled (the other refusals come before the signer is known, or name one). */
static int refused_for_signer(const struct cw_bundle_envelope *env, int rc)
{
	return rc == CW_EREFUSED && !env->signer_here && !env->signer_name[0] &&
	       !sodium_is_zero((const unsigned char *)&env->signer, sizeof env->signer);
}

/* Stops the pass at the header: what follows is not this reading's. */
static int stop_at_header(void *ctx, struct cw_error *err)
{
	(void)err;
	*(int *)ctx = 1;
	return CW_EREFUSED;
}

/* The database the signer of f says it writes for (the payload's first line), when this
 * database can read the payload (plain, or for it): 1 with *db, 0 when it cannot. Only the
 * header is parsed, as inspect would parse the whole payload; the claim is the signer's own,
 * under the signature the first pass verified. */
static int signer_database(struct cw_store *st, FILE *f, struct cw_id *db)
{
	struct cw_bundle_envelope env;
	struct cw_envelope_reader *r = NULL;
	struct cw_bundle_stats stats;
	struct cw_error e;
	struct payload p;
	int got = 0;

	cw_error_clear(&e);
	memset(&stats, 0, sizeof stats);
	memset(&p, 0, sizeof p);
	if (cw_envelope_check(st, f, 0, &env, &r, &e) == 0 && r) {
		p.version = env.version;
		p.stats = &stats;
		p.on_header = stop_at_header;
		p.ctx = &got;
		(void)payload_pass(r, &p, 0, &e);
		payload_free(&p);
	}
	free(env.recipients);
	cw_envelope_reader_free(r);
	if (got)
		*db = stats.database;
	return got;
}

/* The refusal of a bundle whose signer is not enrolled, saying how to trust it: with the key
 * that names the signer's database too ("cwid2:", what `casewatch identity` prints there), so
 * that enrolling it binds that database to the key at once, as README says only that form
 * does; never with the key alone, which would leave the database free for another key to
 * claim until its first bundle. A bundle this database cannot open does not say its database:
 * it is for other readers, and the refusal says that, and what to ask for. */
static int refuse_signer(struct cw_store *st, FILE *f, const struct cw_bundle_envelope *env,
			 struct cw_error *err)
{
	char fp[CW_FINGERPRINT_TEXT_MAX], key[CW_IDENTITY_TEXT_MAX], hex[CW_ID_HEX_LEN + 1],
		day[CW_DATE_TEXT_MAX];
	struct cw_id db;

	cw_identity_fingerprint(&env->signer, fp);
	/* Its owner would read the same fingerprint by phone: not an invitation to enrol it. */
	if (env->signer_removed) {
		cw_date_format(cw_date_of_time(env->signer_removed_at), day);
		return cw_error_set(
			err, CW_EREFUSED, "bundle",
			"signed by a key removed from the peers here on %s (fingerprint "
			"%s): refused, nothing imported. A laptop that was taken, or a "
			"database restored from its backup, still holds that key; a new "
			"laptop makes a new one (casewatch init there). One its owner "
			"hands you in person (their backup's, or a stick written before) "
			"is taken to review by bundle import --accept-removed",
			day, fp);
	}
	if (env->encrypted && !env->for_here)
		return cw_error_set(
			err, CW_EREFUSED, "bundle",
			"signed by a laptop not enrolled here (fingerprint %s), and for "
			"other recipients, so it could not be read here even then: ask "
			"its owner for one exported --to this laptop's name, and for the "
			"key 'casewatch identity' prints there",
			fp);
	if (!signer_database(st, f, &db))
		return CW_EREFUSED; /* the first pass's refusal stands */
	cw_identity_text_of_database(&env->signer, &db, key);
	cw_id_hex(&db, hex);
	return cw_error_set(err, CW_EREFUSED, "bundle",
			    "signed by a laptop not enrolled here (fingerprint %s, database %.8s); "
			    "if its owner reads you the same fingerprint and database by phone, "
			    "enrol it: casewatch peer add NAME %s",
			    fp, hex, key);
}

void (*cw_bundle_between_passes)(const char *path);

int cw_bundle_import(struct cw_store *st, const char *path, struct cw_bundle_stats *stats,
		     struct cw_error *err)
{
	return cw_bundle_import_with(st, path, 0, stats, err);
}

int cw_bundle_import_with(struct cw_store *st, const char *path, int flags,
			  struct cw_bundle_stats *stats, struct cw_error *err)
{
	struct cw_bundle_envelope env;
	struct import_ctx c;
	FILE *f;
	int rc;

	memset(stats, 0, sizeof *stats);
	memset(&c, 0, sizeof c);
	c.accept_removed = (flags & CW_IMPORT_ACCEPT_REMOVED) != 0;
	if ((rc = open_bundle(path, &f, err)) != 0)
		return rc;
	/* The first pass: the whole file against its signature, its signer and its recipients,
	 * before a write begins. */
	if ((rc = cw_envelope_check(st, f, c.accept_removed ? CW_ENVELOPE_ACCEPT_REMOVED : 1, &env,
				    &c.r, err)) == 0) {
		if (cw_bundle_between_passes)
			cw_bundle_between_passes(path);
		struct stat sb;

		c.env = &env;
		c.stats = stats;
		/* Room for what the bundle holds at once, so the one transaction runs once: a
		 * compressed bundle of 200,000 records (39 MB) made a 390 MB database. */
		if (fstat(fileno(f), &sb) == 0)
			rc = cw_store_reserve(st, (uint64_t)sb.st_size * 16, err);
		if (rc == 0)
			rc = cw_store_write(st, import_fn, &c, err);
		snprintf(stats->signer, sizeof stats->signer, "%s", env.signer_name);
		stats->signer_removed = env.signer_removed;
		if (env.signer_removed)
			cw_identity_fingerprint(&env.signer, stats->signer_fingerprint);
	} else if (refused_for_signer(&env, rc)) {
		rc = refuse_signer(st, f, &env, err);
	}
	free(env.recipients);
	cw_envelope_reader_free(c.r);
	close_bundle(f);
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

/* The enrolled peers a bundle is for: "NAME" or "NAME,NAME,..." looked up by name. */
struct peer_list {
	size_t n;
	char (*names)[CW_PEER_NAME_MAX + 1];
	struct cw_identity_public *keys;
	int *roles;
};

static void peer_list_free(struct peer_list *l)
{
	free(l->names);
	free(l->keys);
	free(l->roles);
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
	    !(l->keys = calloc(cap, sizeof *l->keys)) ||
	    !(l->roles = calloc(cap, sizeof *l->roles)))
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
		l->roles[l->n] = peer.role;
		l->keys[l->n++] = peer.key;
		if (!e)
			break;
		p = e;
	}
	return 0;
}

/* Where an export's bytes go: the file being written. */
static int put_file(void *ctx, const void *data, size_t len, struct cw_error *err)
{
	FILE *f = ctx;

	if (fwrite(data, 1, len, f) != len)
		return cw_error_set(err, CW_EIO, "output", "cannot write: %s",
				    cw_write_error_text(errno, fileno(f)));
	return 0;
}

/* Writes one JSON line into the bundle. */
static int emit(struct cw_envelope_writer *w, json_t *obj, size_t *lines, struct cw_error *err)
{
	char *text = obj ? json_dumps(obj, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	size_t len;
	int rc;

	json_decref(obj);
	if (!text)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	len = strlen(text);
	if ((rc = cw_envelope_writer_write(w, text, len, err)) == 0)
		rc = cw_envelope_writer_write(w, "\n", 1, err);
	sodium_memzero(text, len); /* the records in the clear */
	free(text);
	if (rc == 0 && lines)
		(*lines)++;
	return rc;
}

/* What an export keeps while it walks the database. */
struct export_ctx {
	const struct cw_bundle_options *opt;
	uint64_t after;   /* CW_BUNDLE_PEER: the smallest of the peers' marks */
	int64_t since_us; /* CW_BUNDLE_SINCE */
	uint64_t last_seq;
	struct cw_idset *ids;
	struct cw_envelope_writer *w;
	struct cw_bundle_stats *stats;
	size_t lines;
	/* Attachments go when this database stored them (or a change of them) at or after this
	 * time: 0 for all of them. */
	int64_t attach_after;
	MDB_txn *txn;
	struct cw_store *st;
	/* The contents written so far (their hashes), each sent once. */
	uint8_t (*sent)[32];
	size_t nsent, capsent;
	uint32_t part; /* the next part of the content being written */
	const struct cw_attachment *cur;
	/* A plain bundle: the records it leaves out (plain_withheld), the hashes of the audit
	 * entries that lost the entry after them, and (by sequence) the entries left out because
	 * no signature in the bundle would vouch for them any more (plain_unvouched). */
	struct cw_idmap withheld, cut, unvouched;
	size_t grew; /* what a pass over the log added to cut and unvouched */
	/* Confidential material stays out, as a plain bundle leaves it out: plain, written
	 * without it, or for a partner. Everything below says "plain" for this. */
	int withhold;
};

/* Whether an audit entry is in the bundle's scope. */
static int take(const struct export_ctx *x, const struct cw_audit_entry *e)
{
	return x->opt->scope == CW_BUNDLE_ALL ||
	       (x->opt->scope == CW_BUNDLE_PEER && e->seq > x->after) ||
	       (x->opt->scope == CW_BUNDLE_SINCE && e->time >= x->since_us);
}

/* Calls fn on each entry of the audit log as txn sees it, oldest first. */
static int audit_walk_dir(struct cw_store *st, MDB_txn *txn, int backward,
			  int (*fn)(struct export_ctx *x, const struct cw_audit_entry *e,
				    struct cw_error *err),
			  struct export_ctx *x, struct cw_error *err)
{
	struct cw_buf buf = {0};
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op;

	if ((rc = mdb_cursor_open(txn, st->dbi[DB_AUDIT], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading the audit log", err);
	for (op = backward ? MDB_LAST : MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0;
	     op = backward ? MDB_PREV : MDB_NEXT) {
		struct cw_audit_entry e;

		if (k.mv_size != 8)
			continue;
		if ((rc = cw_val_open(st, DB_AUDIT, &k, &v, &buf, &v, err)) != 0)
			break;
		memset(&e, 0, sizeof e);
		e.seq = get_be64(k.mv_data);
		if (cw_audit_decode(v.mv_data, v.mv_size, &st->database_id, &e) != 0)
			continue; /* verify names it */
		if ((rc = fn(x, &e, err)) != 0)
			break;
	}
	mdb_cursor_close(cur);
	cw_buf_free(&buf);
	if (rc == MDB_NOTFOUND)
		return 0;
	return cw_store_lmdb_error(NULL, rc, "reading the audit log", err);
}

static int audit_walk(struct cw_store *st, MDB_txn *txn,
		      int (*fn)(struct export_ctx *x, const struct cw_audit_entry *e,
				struct cw_error *err),
		      struct export_ctx *x, struct cw_error *err)
{
	return audit_walk_dir(st, txn, 0, fn, x, err);
}

/* The first walk: how far the log goes, and (unless everything goes) the records it names. */
static int gather_audit(struct export_ctx *x, const struct cw_audit_entry *e, struct cw_error *err)
{
	if (e->seq > x->last_seq)
		x->last_seq = e->seq;
	if (x->opt->scope != CW_BUNDLE_ALL && take(x, e) && cw_idset_add(x->ids, &e->record) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return 0;
}

/* An audit entry's sequence number as a key of an idmap (never zero: the log starts at 1). */
static struct cw_id seq_key(uint64_t seq)
{
	struct cw_id id = {0};

	put_be64(id.b, seq);
	return id;
}

/* A hash of the chain as a key of an idmap: its first 16 bytes, as the import's cover. */
static struct cw_id hash_key(const uint8_t hash[CW_AUDIT_HASH_BYTES])
{
	struct cw_id id;

	memcpy(id.b, hash, ID_LEN);
	return id;
}

/* Whether a plain bundle leaves out an audit entry: one of a record it leaves out, or one no
 * signature in it would vouch for any more. */
static int plain_drops(const struct export_ctx *x, const struct cw_audit_entry *e)
{
	struct cw_id seq = seq_key(e->seq);

	return x->withhold && x->withheld.n &&
	       (cw_idmap_get(&x->withheld, &e->record, NULL) ||
		cw_idmap_get(&x->unvouched, &seq, NULL));
}

static int emit_audit(struct export_ctx *x, const struct cw_audit_entry *e, struct cw_error *err)
{
	int rc;

	if (!take(x, e) || plain_drops(x, e))
		return 0;
	if ((rc = emit(x->w, audit_json(e), &x->lines, err)) == 0)
		x->stats->audit++;
	return rc;
}

/* ---- confidential records: never in a plain bundle, nor in one for a partner --------------- */

/* Whether a version names a record of `set`: what its schema's id fields name (what the
 * import needs), the record it comes after, the accounts it links to, and the person a
 * merge's tombstone points to. Each of these would carry the id of a record left out. */
static int names_one_of(const struct cw_record *rec, const struct cw_idmap *set, int *named)
{
	struct cw_id *ids;
	size_t n;

	*named = 0;
	if (cw_store_record_names(rec, &ids, &n) != 0)
		return CW_ENOMEM;
	for (size_t i = 0; i < n && !*named; i++)
		*named = cw_idmap_get(set, &ids[i], NULL);
	free(ids);
	return 0;
}

/* Whether a version names any record in the ways names_one_of looks at. */
static int names_any(const struct cw_record *rec, int *names)
{
	struct cw_id *ids;
	size_t n;

	*names = 0;
	if (cw_store_record_names(rec, &ids, &n) != 0)
		return CW_ENOMEM;
	*names = n > 0;
	free(ids);
	return 0;
}

/* The records a plain bundle leaves out, into x->withheld, before anything is written (the
 * audit entries, which go first, are left out with them): every record of which a version is
 * confidential or has confidential fields (a version travels whole or not at all: one with
 * fields blanked would carry the real one's version vector and could replace it wherever it
 * is imported), and every record that names one left out (its id would travel with it), to
 * a fixed point: a hearing after one left out goes, then the hearing after that. Over every
 * record of the database, not only those the scope chose: a link from a record chosen to one
 * it did not choose still names it. A deletion carries no content and is not known to have
 * been confidential; a merge's tombstone names the person merged into. The first pass reads
 * every record and notes (a byte each) which name another; the next ones read only those. */
static int plain_withheld(struct cw_store *st, MDB_txn *txn, struct export_ctx *x,
			  struct cw_error *err)
{
	struct cw_idset all = {0};
	uint8_t *names = NULL;
	int rc = 0, changed = 1;

	if ((rc = cw_idset_add_table(st, txn, DB_RECORDS, &all, err)) != 0 ||
	    (st->sync_ready && ((rc = cw_idset_add_table(st, txn, DB_TOMBSTONES, &all, err)) != 0 ||
				(rc = cw_idset_add_table(st, txn, DB_CONFLICTS, &all, err)) != 0)))
		goto out;
	cw_idset_sort_unique(&all);
	if (all.n && !(names = calloc(all.n, 1))) {
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		goto out;
	}
	for (int pass = 0; changed && rc == 0; pass++) {
		changed = 0;
		for (size_t i = 0; i < all.n && rc == 0; i++) {
			struct cw_item_list heads;
			int shown, leave = 0;

			if (pass && !names[i])
				continue;
			if ((rc = cw_sync_load_heads(st, txn, &all.v[i], &heads, &shown, err)) != 0)
				break;
			for (size_t h = 0; h < heads.n && !leave && rc == 0; h++) {
				const struct cw_record *rec = &heads.v[h].rec;
				int any = 0;

				/* A deletion of one that held confidential material says so
				 * (cw_version_make_tombstone). */
				if (cw_record_has_confidential(rec))
					leave = 1;
				else if (x->withheld.n)
					rc = names_one_of(rec, &x->withheld, &leave);
				if (rc == 0 && !pass && !leave && (rc = names_any(rec, &any)) == 0)
					names[i] |= (uint8_t)any;
			}
			cw_item_list_free(&heads);
			if (rc != 0) {
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
				break;
			}
			if (leave) {
				names[i] = 0;
				changed = 1;
				if (cw_idmap_put(&x->withheld, &all.v[i], 0, NULL) < 0)
					rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			}
		}
	}
out:
	free(names);
	free(all.v);
	return rc;
}

/* A pass of plain_unvouched over the log, newest first. The import takes an unsigned entry of
 * a database it knows only when a signed entry of that database after it in the same bundle
 * follows it link by link (tests/check_sync.c, forged_audit_entries_are_refused); an entry
 * left out breaks the link. So the entry before one left out is left out too, unless it is
 * signed (it vouches for itself), and so on back to the signed entry that ends the change
 * before: the entries of a change made with a record left out, before its entry, go with it. */
static int unvouch_audit(struct export_ctx *x, const struct cw_audit_entry *e, struct cw_error *err)
{
	uint8_t hash[CW_AUDIT_HASH_BYTES];
	struct cw_id seq = seq_key(e->seq), h, prev = hash_key(e->prev);
	int rc;

	if (!take(x, e) || !e->chained)
		return 0;
	if (!plain_drops(x, e)) {
		cw_audit_hash(e, hash);
		h = hash_key(hash);
		if (e->is_signed || !cw_idmap_get(&x->cut, &h, NULL))
			return 0;
		if ((rc = cw_idmap_put(&x->unvouched, &seq, 0, NULL)) < 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		x->grew += (size_t)rc;
	}
	/* Left out: the entry before it loses what vouched for it. */
	if ((rc = cw_idmap_put(&x->cut, &prev, 0, NULL)) < 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	x->grew += (size_t)rc;
	return 0;
}

/* The audit entries a plain bundle leaves out besides those of the records it leaves out,
 * into x->unvouched. A log is written in order, so one pass finds them; entries of another
 * database that came in bundles out of order need another, until a pass finds nothing. */
static int plain_unvouched(struct cw_store *st, MDB_txn *txn, struct export_ctx *x,
			   struct cw_error *err)
{
	int rc = 0;

	if (!x->withheld.n)
		return 0;
	do {
		x->grew = 0;
		rc = audit_walk_dir(st, txn, 1, unvouch_audit, x, err);
	} while (rc == 0 && x->grew);
	return rc;
}

/* The heads of one record whose kind ranks `rank` (a record's heads share its kind). */
static int emit_heads(struct export_ctx *x, const struct cw_item_list *heads, int rank,
		      struct cw_error *err)
{
	int rc = 0;

	if (x->withhold && heads->n && kind_rank(heads->v[0].rec.kind) == rank &&
	    cw_idmap_get(&x->withheld, &heads->v[0].rec.id, NULL)) {
		x->stats->withheld++;
		return 0;
	}

	for (size_t h = 0; h < heads->n && rc == 0; h++) {
		if (kind_rank(heads->v[h].rec.kind) != rank)
			break;
		rc = emit(x->w, cw_sync_version_json(&heads->v[h].rec, heads->v[h].deleted),
			  &x->lines, err);
		x->stats->versions++;
		x->stats->deleted += (size_t)heads->v[h].deleted;
	}
	return rc;
}

#define RANK_NONE 3 /* an id no version is held of */

/* The version lines: people, then cases, then the rest, each record's heads together. The
 * first walk loads every chosen record, notes its rank (a byte per record, beside the 16 of its
 * id), writes the people and, unless everything goes anyway, adds what the records name; the
 * two others load again only the records of their rank. */
static int emit_versions(struct cw_store *st, MDB_txn *txn, struct export_ctx *x,
			 struct cw_error *err)
{
	struct cw_idset *ids = x->ids, extra = {0};
	uint8_t *ranks = NULL;
	size_t cap = 0;
	int rc = 0;

	for (size_t i = 0; i < ids->n + extra.n && rc == 0; i++) {
		struct cw_id id = i < ids->n ? ids->v[i] : extra.v[i - ids->n];
		struct cw_item_list heads;
		int shown;

		if (i == cap) {
			size_t grown = cap ? cap * 2 : ids->n + 64;
			uint8_t *r = realloc(ranks, grown);

			if (!r) {
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
				break;
			}
			ranks = r;
			cap = grown;
		}
		if ((rc = cw_sync_load_heads(st, txn, &id, &heads, &shown, err)) != 0)
			break;
		ranks[i] = heads.n ? (uint8_t)kind_rank(heads.v[0].rec.kind) : RANK_NONE;
		/* Everything a chosen record names goes too, so the bundle imports on its own.
		 * The chosen ids are sorted; the few they add are looked up one by one. A bundle
		 * of everything holds them already. */
		for (size_t h = 0; h < heads.n && rc == 0 && x->opt->scope != CW_BUNDLE_ALL; h++) {
			struct cw_id *refs = NULL;
			size_t n = 0;

			if (cw_store_record_refs(&heads.v[h].rec, &refs, &n) != 0)
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			for (size_t r = 0; r < n && rc == 0; r++)
				if (!cw_idset_has(ids, &refs[r]) &&
				    !cw_idset_has_linear(&extra, &refs[r]) &&
				    cw_idset_add(&extra, &refs[r]) != 0)
					rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			free(refs);
		}
		if (rc == 0 && ranks[i] == 0)
			rc = emit_heads(x, &heads, 0, err);
		cw_item_list_free(&heads);
	}
	for (int rank = 1; rank < RANK_NONE && rc == 0; rank++) {
		for (size_t i = 0; i < ids->n + extra.n && rc == 0; i++) {
			struct cw_item_list heads;
			int shown;

			if (ranks[i] != rank)
				continue;
			if ((rc = cw_sync_load_heads(st, txn,
						     i < ids->n ? &ids->v[i] : &extra.v[i - ids->n],
						     &heads, &shown, err)) != 0)
				break;
			rc = emit_heads(x, &heads, rank, err);
			cw_item_list_free(&heads);
		}
	}
	free(ranks);
	free(extra.v);
	return rc;
}

/* The scope's words for the header and, for CW_BUNDLE_PEER, the smallest of the peers' marks. */
static int scope_of(struct cw_store *st, MDB_txn *txn, const struct peer_list *peers,
		    struct export_ctx *x, struct cw_error *err)
{
	const struct cw_bundle_options *opt = x->opt;
	char *scope = x->stats->scope;
	size_t len = sizeof x->stats->scope;
	int rc;

	if (opt->scope == CW_BUNDLE_PEER) {
		size_t used = (size_t)snprintf(scope, len, "to");

		x->attach_after = INT64_MAX;
		/* What any of them has not had: from the smallest of their marks. */
		for (size_t i = 0; i < peers->n; i++) {
			uint64_t seq;
			int64_t when;

			if ((rc = cw_sync_peer_get(st, txn, peers->names[i], &seq, &when, err)) !=
			    0)
				return rc;
			if (seq < x->after)
				x->after = seq;
			/* Attachments by when they were stored, against when the last bundle to
			 * the peer was written (the log's sequence does not cover them). */
			if (when < x->attach_after)
				x->attach_after = when;
			if (used < len)
				used += (size_t)snprintf(scope + used, len - used, "%s %s",
							 i ? "," : "", peers->names[i]);
		}
	} else if (opt->scope == CW_BUNDLE_SINCE) {
		char d[CW_DATE_TEXT_MAX];

		x->since_us = (int64_t)cw_date_to_days(opt->since) * 86400 * 1000000;
		x->attach_after = x->since_us;
		cw_date_format(opt->since, d);
		snprintf(scope, len, "since %s", d);
	} else {
		snprintf(scope, len, "all");
	}
	return 0;
}

/* ---- attachments -------------------------------------------------------------------------- */

static int attachment_in_scope(const struct export_ctx *x, const struct cw_attachment *a)
{
	return x->opt->scope == CW_BUNDLE_ALL || a->stored >= x->attach_after;
}

/* The first walk: the records attachments in the scope are attached to go too. */
static int gather_attachment(void *vctx, const struct cw_attachment *a, struct cw_error *err)
{
	struct export_ctx *x = vctx;

	if (attachment_in_scope(x, a) && cw_idset_add(x->ids, &a->record) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return 0;
}

/* One part of a content, as it is read (and checked) from the database. */
static int emit_part(void *vctx, const void *data, size_t len, struct cw_error *err)
{
	struct export_ctx *x = vctx;
	const struct cw_attachment *a = x->cur;
	size_t b64len = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	char sha[65], *b64 = malloc(b64len);
	json_t *o;

	if (!b64)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	sodium_bin2base64(b64, b64len, data, len, sodium_base64_VARIANT_ORIGINAL);
	sodium_bin2hex(sha, sizeof sha, a->sha256, sizeof a->sha256);
	o = json_pack("{s:s,s:s,s:I,s:I,s:s}", "type", "blob", "sha256", sha, "part",
		      (json_int_t)x->part, "parts", (json_int_t)cw_attach_parts(a->size), "data",
		      b64);
	sodium_memzero(b64, b64len);
	free(b64);
	x->part++;
	return emit(x->w, o, &x->lines, err);
}

static int emit_attachment(void *vctx, const struct cw_attachment *a, struct cw_error *err)
{
	struct export_ctx *x = vctx;
	json_t *o;
	int rc;

	if (!attachment_in_scope(x, a))
		return 0;
	/* A record a plain bundle left out takes its attachments with it: a photo of a
	 * witness's statement is as confidential as the statement. */
	if (x->withhold && cw_idmap_get(&x->withheld, &a->record, NULL))
		return 0;
	if (!(o = cw_attach_json(a, 0)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if ((rc = emit(x->w, json_pack("{s:s,s:o}", "type", "attachment", "attachment", o),
		       &x->lines, err)) != 0)
		return rc;
	x->stats->attachments++;
	if (a->detached || a->missing || x->opt->no_attachments)
		return 0;
	for (size_t i = 0; i < x->nsent; i++)
		if (!memcmp(x->sent[i], a->sha256, 32))
			return 0;
	if (x->nsent == x->capsent) {
		size_t cap = x->capsent ? x->capsent * 2 : 64;
		uint8_t(*grown)[32] = realloc(x->sent, cap * sizeof *grown);

		if (!grown)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		x->sent = grown;
		x->capsent = cap;
	}
	memcpy(x->sent[x->nsent++], a->sha256, 32);
	x->cur = a;
	x->part = 0;
	/* Read part by part and checked as it goes: a damaged content stops the export naming
	 * it, rather than travelling. */
	if ((rc = cw_attach_read_txn(x->st, x->txn, a, emit_part, x, err)) != 0)
		return rc;
	x->stats->attachment_contents++;
	x->stats->attachment_bytes += a->size;
	return 0;
}

/* Line 1: the bundle's header. Keys removed from the peers here go in a bundle for the team
 * alone (encrypted, no partner among its readers), so that a teammate who still trusts a
 * taken laptop's key hears of it from the first bundle it imports from here. */
static int header_json(struct cw_store *st, MDB_txn *txn, struct export_ctx *x, json_t **out,
		       struct cw_error *err)
{
	char hex[CW_ID_HEX_LEN + 1], dbhex[CW_ID_HEX_LEN + 1], created[32];
	struct cw_bundle_stats *stats = x->stats;
	struct cw_removed_key *gone = NULL;
	json_t *header, *list;
	size_t ngone = 0;
	int rc;

	randombytes_buf(stats->bundle.b, ID_LEN);
	cw_store_database_id(st, &stats->database);
	snprintf(stats->author, sizeof stats->author, "%s", st->author);
	stats->created = cw_now_us();
	cw_id_hex(&stats->bundle, hex);
	cw_id_hex(&stats->database, dbhex);
	cw_time_format(stats->created, created);
	*out = NULL;
	if (!x->opt->plain && !stats->partner[0] &&
	    (rc = cw_store_removed_keys(txn, st, &gone, &ngone, err)) != 0)
		return rc;
	if (ngone > CW_BUNDLE_REMOVALS_MAX)
		ngone = CW_BUNDLE_REMOVALS_MAX;
	stats->nremovals = ngone;
	header = json_pack("{s:s,s:i,s:s,s:s,s:s,s:s,s:s,s:s}", "format", "casewatch-bundle",
			   "version", CW_BUNDLE_VERSION, "bundle", hex, "database", dbhex, "author",
			   st->author, "created", created, "scope", stats->scope,
			   /* Readers before this key ignore it. */
			   "confidential", stats->confidential);
	/* Readers before it ignore it too. */
	list = ngone ? json_array() : NULL;
	stats->nremovals_new = 0;
	for (size_t i = 0; list && i < ngone; i++) {
		char key[CW_IDENTITY_TEXT_MAX], when[32];

		/* attach_after: when the last bundle to the least recent of its peers was
		 * written (scope_of). */
		stats->nremovals_new +=
			x->opt->scope != CW_BUNDLE_PEER || gone[i].removed >= x->attach_after;
		cw_identity_text(&gone[i].key, key);
		cw_time_format(gone[i].removed, when);
		json_array_append_new(list, json_pack("{s:s,s:s}", "key", key, "removed", when));
	}
	free(gone);
	if (!header || (ngone && (!list || json_array_size(list) != ngone))) {
		json_decref(list);
		json_decref(header);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	if (ngone && json_object_set_new(header, "removed_keys", list) != 0) {
		json_decref(header);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	/* Which entries of this log it holds, when it holds every one in a range: for its
	 * peers, or everything, leaving nothing out (one that leaves something out for a peer
	 * of the team keeps its mark, and the next sends it again). What it left out, not what
	 * it would have: one that was to leave confidential material out and found none moves
	 * the peers' marks on, and unsaid it read as lost at the next bundle's import. */
	if (!(x->withhold && x->withheld.n) &&
	    (x->opt->scope == CW_BUNDLE_PEER || x->opt->scope == CW_BUNDLE_ALL)) {
		uint64_t after = x->opt->scope == CW_BUNDLE_ALL ? 0 : x->after;

		stats->has_sent = after < x->last_seq;
		stats->sent_after = after;
		stats->sent_upto = x->last_seq;
		if (stats->has_sent &&
		    json_object_set_new(header, "sent",
					json_pack("{s:I,s:I}", "after", (json_int_t)after, "upto",
						  (json_int_t)x->last_seq)) != 0) {
			json_decref(header);
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
	}
	*out = header;
	return 0;
}

/* Everything the bundle says, from one read transaction, into the writer. */
static int write_payload(struct cw_store *st, MDB_txn *txn, struct export_ctx *x,
			 struct cw_error *err)
{
	json_t *header = NULL;
	int rc;

	/* What changed: the audit log names every change, made here or imported. */
	if ((rc = audit_walk(st, txn, gather_audit, x, err)) != 0)
		return rc;
	x->txn = txn;
	x->st = st;
	if (x->opt->scope != CW_BUNDLE_ALL &&
	    (rc = cw_attach_walk(st, txn, gather_attachment, x, err)) != 0)
		return rc;
	if (x->opt->scope == CW_BUNDLE_ALL &&
	    ((rc = cw_idset_add_table(st, txn, DB_RECORDS, x->ids, err)) != 0 ||
	     (st->sync_ready &&
	      ((rc = cw_idset_add_table(st, txn, DB_TOMBSTONES, x->ids, err)) != 0 ||
	       (rc = cw_idset_add_table(st, txn, DB_CONFLICTS, x->ids, err)) != 0))))
		return rc;
	cw_idset_sort_unique(x->ids);
	/* A plain bundle (or one without confidential material): what it leaves out, before its
	 * first line. */
	if (x->withhold && ((rc = plain_withheld(st, txn, x, err)) != 0 ||
			    (rc = plain_unvouched(st, txn, x, err)) != 0))
		return rc;
	/* The header, the audit entries, the versions people first, then the end line. */
	if ((rc = header_json(st, txn, x, &header, err)) != 0)
		return rc;
	if ((rc = emit(x->w, header, &x->lines, err)) != 0 ||
	    (rc = audit_walk(st, txn, emit_audit, x, err)) != 0 ||
	    (rc = emit_versions(st, txn, x, err)) != 0)
		return rc;
	rc = cw_attach_walk(st, txn, emit_attachment, x, err);
	free(x->sent);
	x->sent = NULL;
	return rc;
}

int cw_bundle_export(struct cw_store *st, const struct cw_bundle_options *opt, const char *path,
		     struct cw_bundle_stats *stats, struct cw_error *err)
{
	struct cw_idset ids = {0};
	struct peer_list peers = {0, NULL, NULL, NULL};
	struct cw_envelope_writer *w = NULL;
	struct export_ctx x;
	struct cw_outfile o;
	MDB_txn *txn = NULL;
	int rc, opened = 0;
	mode_t mask;

	memset(stats, 0, sizeof *stats);
	memset(&x, 0, sizeof x);
	x.opt = opt;
	x.after = UINT64_MAX;
	x.ids = &ids;
	x.stats = stats;
	if (!opt->plain && (!opt->peer || !*opt->peer))
		return cw_error_set(err, CW_EINVAL, "to",
				    "say who may read the bundle: --to PEER (enrolled with "
				    "'casewatch peer add'), or --plain to write it unencrypted");
	if (opt->scope == CW_BUNDLE_PEER && (!opt->peer || !*opt->peer))
		return cw_error_set(err, CW_EINVAL, "to", "give the peer a short name");
	if (opt->peer && (rc = peer_list_parse(st, opt->peer, &peers, err)) != 0)
		goto out;
	/* A partner gets no confidential material, whatever else the bundle is for: the
	 * bundle leaves it out for every one of them. */
	for (size_t i = 0; i < peers.n && !stats->partner[0]; i++)
		if (peers.roles[i] == CW_PEER_PARTNER)
			snprintf(stats->partner, sizeof stats->partner, "%s", peers.names[i]);
	if (stats->partner[0] && opt->include_confidential && !opt->plain) {
		rc = cw_error_set(
			err, CW_EREFUSED, "include-confidential",
			"'%s' is enrolled as a partner: no bundle for it carries "
			"confidential records ('casewatch peer role %s team' if it is one "
			"of the team's laptops)",
			stats->partner, stats->partner);
		goto out;
	}
	x.withhold = opt->plain || opt->without_confidential || stats->partner[0];
	snprintf(stats->confidential, sizeof stats->confidential, "%s",
		 x.withhold ? "left out" : "included");
	/* The bundle is for its recipients alone: whatever creates the file creates it 0600.
	 * It is written as it is made and appears whole once finished, or not at all. */
	mask = umask(077);
	rc = cw_outfile_open(&o, strcmp(path, "-") ? path : NULL, stdout, err);
	umask(mask);
	if (rc != 0)
		goto out;
	opened = 1;
	o.keep_existing = opt->keep_existing;
	/* Signed always; encrypted for the peers unless plain was asked for. */
	if ((rc = cw_envelope_writer_begin(st, peers.keys, opt->plain ? 0 : peers.n, 0, put_file,
					   o.f, &w, err)) != 0)
		goto out;
	x.w = w;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0 ||
	    (rc = scope_of(st, txn, &peers, &x, err)) != 0 ||
	    (rc = write_payload(st, txn, &x, err)) != 0)
		goto out;
	mdb_txn_abort(txn);
	txn = NULL;
	if ((rc = emit(w, json_pack("{s:s,s:I}", "type", "end", "lines", (json_int_t)x.lines), NULL,
		       err)) != 0 ||
	    (rc = cw_envelope_writer_finish(w, err)) != 0)
		goto out;
	rc = cw_outfile_close(&o, 0, err);
	opened = 0;
	if (rc != 0)
		goto out;
	/* Every listed peer has now had everything up to last_seq (a bundle of everything
	 * included), unless the bundle left out what a peer of the team may read: its mark stays,
	 * so that its next bundle sends again what changed since (importing a version twice
	 * changes nothing). A partner has had all it ever gets. */
	if (opt->scope == CW_BUNDLE_PEER || opt->scope == CW_BUNDLE_ALL)
		for (size_t i = 0; i < peers.n && rc == 0; i++) {
			uint64_t seq;
			int64_t when;

			if (x.withheld.n && peers.roles[i] != CW_PEER_PARTNER) {
				stats->team_mark_kept = 1;
				continue;
			}
			if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
				break;
			rc = cw_sync_peer_get(st, txn, peers.names[i], &seq, &when, err);
			mdb_txn_abort(txn);
			txn = NULL;
			if (rc == 0 && x.last_seq > seq)
				rc = cw_sync_peer_mark(st, peers.names[i], x.last_seq, err);
		}
out:
	if (txn)
		mdb_txn_abort(txn);
	if (opened)
		rc = cw_outfile_close(&o, rc, err);
	cw_envelope_writer_free(w);
	free(ids.v);
	cw_idmap_free(&x.withheld);
	cw_idmap_free(&x.cut);
	cw_idmap_free(&x.unvouched);
	peer_list_free(&peers);
	return rc;
}
