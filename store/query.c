/* query.c - lists, counts, timelines and name resolution over the indexes; see store.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "models/codec.h"
#include "models/confidential.h"
#include "models/i18n.h"
#include "models/idmap.h"
#include "models/text.h"
#include "models/timeline.h"
#include "store/store_internal.h"

/* The write transaction's own index changes written first (store_internal.h), for the readers
 * below that report LMDB's codes: a failure comes back as one of those (a full map has been
 * noted on the transaction, which grows the map and runs again). */
static int index_settled(struct cw_store *st, MDB_txn *txn)
{
	struct cw_error e;
	int rc = cw_index_settle(st, txn, &e);

	return rc == 0 ? 0 : rc == CW_ENOMEM ? ENOMEM : EIO;
}

uint64_t cw_store_generation(struct cw_store *st)
{
	MDB_envinfo info;

	/* The last committed transaction id, read from the shared meta pages. */
	mdb_env_info(st->env, &info);
	return (uint64_t)info.me_last_txnid;
}

void cw_record_list_free(struct cw_record_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		cw_record_free(&l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

int cw_record_list_push(struct cw_record_list *l, struct cw_record *rec)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct cw_record *items = realloc(l->items, cap * sizeof *items);

		if (!items)
			return CW_ENOMEM;
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n++] = *rec;
	memset(rec, 0, sizeof *rec);
	return 0;
}

/* ---- id prefixes --------------------------------------------------------------------------- */

/* Looks the prefix up in each table of dbs (keys starting with a record's id), counting the
 * distinct ids it names: a record is one, however many keys a table holds for it (a conflict
 * entry per version) and in however many of the tables it is. */
static int find_prefix(struct cw_store *st, const char *hex, const enum cw_db *dbs, size_t ndbs,
		       struct cw_id *out, struct cw_error *err)
{
	uint8_t lo[ID_LEN], hi[ID_LEN];
	size_t n = strlen(hex);
	MDB_txn *txn;
	MDB_cursor *cur;
	MDB_val k, v;
	int rc = 0, found = 0;

	if (!cw_id_prefix_typed(hex))
		return cw_error_set(err, CW_EINVAL, "id",
				    "'%.40s' is not a record id (6 to 32 hex digits)", hex);
	memset(lo, 0, sizeof lo);
	memset(hi, 0xFF, sizeof hi);
	for (size_t i = 0; i < n; i++) {
		int d = isdigit((unsigned char)hex[i]) ? hex[i] - '0'
						       : tolower((unsigned char)hex[i]) - 'a' + 10;
		int shift = i % 2 ? 0 : 4;

		lo[i / 2] = (uint8_t)((lo[i / 2] & ~(0xF << shift)) | d << shift);
		hi[i / 2] = (uint8_t)((hi[i / 2] & ~(0xF << shift)) | d << shift);
	}
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	for (size_t t = 0; t < ndbs && found < 2; t++) {
		if ((rc = mdb_cursor_open(txn, st->dbi[dbs[t]], &cur)) != 0) {
			mdb_txn_abort(txn);
			return cw_store_lmdb_error(NULL, rc, "looking up an id", err);
		}
		k.mv_size = ID_LEN;
		k.mv_data = lo;
		for (int op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0;
		     op = MDB_NEXT) {
			if (k.mv_size < ID_LEN || memcmp(k.mv_data, hi, ID_LEN) > 0)
				break;
			if (found && !memcmp(k.mv_data, out->b, ID_LEN))
				continue;
			if (++found > 1)
				break;
			memcpy(out->b, k.mv_data, ID_LEN);
		}
		mdb_cursor_close(cur);
		if (rc != 0 && rc != MDB_NOTFOUND)
			break;
		rc = 0;
	}
	mdb_txn_abort(txn);
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "looking up an id", err);
	if (found == 0)
		return cw_error_set(err, CW_ENOTFOUND, "id", "no record with id %.40s", hex);
	if (found > 1)
		return cw_error_set(err, CW_EAMBIGUOUS, "id",
				    "several records have ids starting %.40s; give more digits",
				    hex);
	return 0;
}

int cw_store_find_id(struct cw_store *st, const char *hex, struct cw_id *out, struct cw_error *err)
{
	static const enum cw_db records[] = {DB_RECORDS};

	return find_prefix(st, hex, records, 1, out, err);
}

int cw_store_find_conflicted_id(struct cw_store *st, const char *hex, struct cw_id *out,
				struct cw_error *err)
{
	static const enum cw_db tables[] = {DB_RECORDS, DB_CONFLICTS};

	/* A database that never synced has no conflicts table open. */
	return find_prefix(st, hex, tables, st->sync_ready ? 2 : 1, out, err);
}

/* ---- streams over an index ---------------------------------------------------------------- */

/* One range of an index: keys prefix + date(lo..hi) + id, walked in date order. Or, with
 * `tails`, the tails of records found beforehand, sorted (prison visits found through their
 * detainees' charges: visit_tails), walked the same way with no cursor. */
struct stream {
	MDB_cursor *cur;
	uint8_t prefix[16];
	size_t plen;
	uint32_t lo, hi;
	int descending;
	int done;
	uint8_t tail[TAIL_LEN]; /* current date + id */
	const uint8_t *tails;   /* ntails tails, TAIL_LEN bytes each, in the range already */
	size_t ntails, at;      /* at: how many of them are behind */
};

/* A stream over tails: the next of them in its order, or done. */
static int stream_step_tails(struct stream *s)
{
	if (s->at >= s->ntails) {
		s->done = 1;
		return 0;
	}
	memcpy(s->tail, s->tails + (s->descending ? s->ntails - 1 - s->at : s->at) * TAIL_LEN,
	       TAIL_LEN);
	s->at++;
	return 0;
}

static int stream_accept(struct stream *s, const MDB_val *k)
{
	uint32_t date;
	const uint8_t *p = k->mv_data;

	if (k->mv_size != s->plen + TAIL_LEN || memcmp(p, s->prefix, s->plen) != 0)
		return 0;
	date = get_be32(p + s->plen);
	if (date < s->lo || date > s->hi)
		return 0;
	memcpy(s->tail, p + s->plen, TAIL_LEN);
	return 1;
}

static int stream_open(struct stream *s, MDB_txn *txn, MDB_dbi dbi)
{
	uint8_t start[16 + TAIL_LEN];
	MDB_val k, v;
	uint32_t bound = s->descending ? s->hi : s->lo;
	int rc;

	s->done = 0;
	if (s->tails) {
		s->at = 0;
		return stream_step_tails(s);
	}
	if ((rc = mdb_cursor_open(txn, dbi, &s->cur)) != 0)
		return rc;
	memcpy(start, s->prefix, s->plen);
	put_be32(start + s->plen, bound);
	memset(start + s->plen + DATE_LEN, s->descending ? 0xFF : 0x00, ID_LEN + KIND_LEN);
	k.mv_size = s->plen + TAIL_LEN;
	k.mv_data = start;
	rc = mdb_cursor_get(s->cur, &k, &v, MDB_SET_RANGE);
	if (s->descending) {
		/* SET_RANGE lands on the first key >= start; the walk begins just before it. */
		if (rc == MDB_NOTFOUND)
			rc = mdb_cursor_get(s->cur, &k, &v, MDB_LAST);
		else if (rc == 0 && memcmp(k.mv_data, start,
					   k.mv_size < s->plen + TAIL_LEN ? k.mv_size
									  : s->plen + TAIL_LEN) > 0)
			rc = mdb_cursor_get(s->cur, &k, &v, MDB_PREV);
	}
	if (rc == MDB_NOTFOUND || (rc == 0 && !stream_accept(s, &k))) {
		s->done = 1;
		return 0;
	}
	return rc;
}

static int stream_next(struct stream *s)
{
	MDB_val k, v;
	int rc;

	if (s->tails)
		return stream_step_tails(s);
	rc = mdb_cursor_get(s->cur, &k, &v, s->descending ? MDB_PREV : MDB_NEXT);
	if (rc == MDB_NOTFOUND || (rc == 0 && !stream_accept(s, &k))) {
		s->done = 1;
		return 0;
	}
	return rc;
}

/* ---- resolved criteria -------------------------------------------------------------------- */

struct keylist {
	uint8_t (*keys)[ID_LEN];
	size_t n;
	size_t len; /* bytes used of each key */
	int given;  /* the criterion was asked for (then no key means no match) */
};

/* Record ids, sorted for bsearch. */
struct idset {
	struct cw_id *ids;
	size_t n, cap;
};

struct criteria {
	int next_dates; /* walk hearings by their next date, visits by their follow-up's
			   (by_next_date) */
	uint32_t kinds;
	uint32_t lo, hi;
	struct keylist articles, persons, cases, courts, provinces;
	char *text;         /* free text, folded (cw_text_fold); NULL: none */
	struct idset named; /* with text: the records naming a person or case whose name has it */
	uint32_t views; /* whose account (1 << view); 0: any. Not in the keys: checked decoded */
	/* Prison visits match the articles through their detainees' charges, demonstrations
	 * through those of the people they record arrested (the filter's visits_by_detainees,
	 * with articles given): otherwise they, filed under no article, match none, and the
	 * walks and counts are the article index's alone. */
	int visits_charged;
};

/* The kinds visits_charged finds through the people they name: prison visits by the detainees
 * they met, demonstrations by the people they record arrested. */
#define BY_PEOPLE_KINDS (CW_KIND_BIT(CW_KIND_VISIT) | CW_KIND_BIT(CW_KIND_DEMO))
static int by_people_kind(uint8_t kind)
{
	return kind == CW_KIND_VISIT || kind == CW_KIND_DEMO;
}

static int keylist_add(struct keylist *l, const void *key, size_t len)
{
	uint8_t(*keys)[ID_LEN] = realloc(l->keys, (l->n + 1) * sizeof *keys);

	if (!keys)
		return CW_ENOMEM;
	l->keys = keys;
	memset(keys[l->n], 0, ID_LEN);
	memcpy(keys[l->n], key, len);
	l->len = len;
	l->n++;
	return 0;
}

static int idset_add(struct idset *set, const uint8_t *id)
{
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		struct cw_id *ids = realloc(set->ids, cap * sizeof *ids);

		if (!ids)
			return CW_ENOMEM;
		set->ids = ids;
		set->cap = cap;
	}
	memcpy(set->ids[set->n++].b, id, ID_LEN);
	return 0;
}

static int compare_ids(const void *a, const void *b)
{
	return memcmp(a, b, ID_LEN);
}

/* Sorts the set and drops repeats, for idset_has. */
static void idset_seal(struct idset *set)
{
	size_t o = 0;

	if (set->n > 1)
		qsort(set->ids, set->n, sizeof *set->ids, compare_ids);
	for (size_t i = 0; i < set->n; i++)
		if (o == 0 || memcmp(set->ids[o - 1].b, set->ids[i].b, ID_LEN) != 0)
			set->ids[o++] = set->ids[i];
	set->n = o;
}

static int idset_has(const struct idset *set, const struct cw_id *id)
{
	return set->n && bsearch(id, set->ids, set->n, sizeof *set->ids, compare_ids) != NULL;
}

static void criteria_free(struct criteria *c)
{
	free(c->text);
	free(c->named.ids);
	free(c->articles.keys);
	free(c->persons.keys);
	free(c->cases.keys);
	free(c->courts.keys);
	free(c->provinces.keys);
}

/* Name search over one kind's records (few: people and cases), by the text fields a person
 * would type: names and titles. text is folded (cw_text_fold); exact: the whole field. */
static int record_name_matches(const struct cw_record *rec, const char *text, int exact)
{
	const char *fields[3] = {NULL, NULL, NULL};

	if (rec->kind == CW_KIND_PERSON) {
		fields[0] = rec->u.person.name;
		fields[1] = rec->u.person.name_km;
	} else if (rec->kind == CW_KIND_CASE) {
		fields[0] = rec->u.kase.title;
		fields[1] = rec->u.kase.number;
	}
	for (int i = 0; i < 3; i++) {
		if (!fields[i])
			continue;
		if (exact ? cw_text_equals_folded(fields[i], text)
			  : cw_text_contains_folded(fields[i], text))
			return 1;
	}
	return 0;
}

/* Whether what is written for others shows the record's name or title: not when the record is
 * confidential, nor a person's confidential name (models/confidential.h). */
static int name_is_shown(const struct cw_record *rec)
{
	return !cw_record_named_withheld(rec);
}

/* Calls fn with the id of each of the kind's records (few: people and cases), in the order of
 * their keys, until it returns other than 0, which is returned; else 0, or an LMDB error of
 * the walk (*walk_failed set then, to tell it from fn's). */
static int each_of_kind(struct cw_store *st, MDB_txn *txn, enum cw_kind kind,
			int (*fn)(const struct cw_id *id, void *ctx), void *ctx, int *walk_failed)
{
	struct stream s = {.plen = 1, .lo = 0, .hi = CW_DATE_KEY_UNKNOWN};
	int rc;

	*walk_failed = 0;
	s.prefix[0] = (uint8_t)kind;
	if ((rc = index_settled(st, txn)) != 0 ||
	    (rc = stream_open(&s, txn, st->dbi[DB_BY_KIND])) != 0) {
		*walk_failed = 1;
		goto out;
	}
	while (!s.done) {
		struct cw_id id;

		memcpy(id.b, s.tail + DATE_LEN, ID_LEN);
		if ((rc = fn(&id, ctx)) != 0)
			break;
		if ((rc = stream_next(&s)) != 0) {
			*walk_failed = 1;
			break;
		}
	}
out:
	if (s.cur)
		mdb_cursor_close(s.cur);
	return rc;
}

struct name_match {
	struct cw_store *st;
	MDB_txn *txn;
	const char *folded;
	int exact, shown_only;
	struct keylist *ids;
	struct cw_record_list *cands;
	struct cw_error *err;
};

static int name_match_one(const struct cw_id *id, void *ctx)
{
	struct name_match *nm = ctx;
	struct cw_record rec;
	int rc;

	if ((rc = cw_store_read_record(nm->st, nm->txn, id, &rec, nm->err)) != 0)
		return rc;
	if (record_name_matches(&rec, nm->folded, nm->exact) &&
	    (!nm->shown_only || name_is_shown(&rec))) {
		if ((rc = keylist_add(nm->ids, id->b, ID_LEN)) != 0 ||
		    (nm->cands && (rc = cw_record_list_push(nm->cands, &rec)) != 0))
			rc = cw_error_set(nm->err, CW_ENOMEM, "", "out of memory");
	}
	cw_record_free(&rec);
	return rc;
}

/* Collects the ids of the kind's records whose name matches (text folded here, once); into
 * cands when not NULL. shown_only: only names that what is written for others shows. */
static int match_names(struct cw_store *st, MDB_txn *txn, enum cw_kind kind, const char *text,
		       int exact, int shown_only, struct keylist *ids, struct cw_record_list *cands,
		       struct cw_error *err)
{
	char *folded = cw_text_fold(text);
	struct name_match nm = {st, txn, folded, exact, shown_only, ids, cands, err};
	int rc, walk_failed;

	if (!folded)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	rc = each_of_kind(st, txn, kind, name_match_one, &nm, &walk_failed);
	free(folded);
	if (rc != 0 && walk_failed)
		return cw_store_lmdb_error(NULL, rc, "searching names", err);
	return rc;
}

struct name_near {
	struct cw_store *st;
	MDB_txn *txn;
	enum cw_kind kind;
	const char *text;
	int shown_only, best;
	char *buf;
	size_t len;
	struct cw_id *found;
};

static int name_near_one(const struct cw_id *id, void *ctx)
{
	struct name_near *nn = ctx;
	struct cw_record rec;

	/* Only a suggestion: a record that cannot be read offers nothing. */
	if (cw_store_read_record(nn->st, nn->txn, id, &rec, NULL) != 0)
		return 0;
	if (!nn->shown_only || name_is_shown(&rec)) {
		const char *names[2] = {nn->kind == CW_KIND_PERSON ? rec.u.person.name
								   : rec.u.kase.title,
					nn->kind == CW_KIND_PERSON ? rec.u.person.name_km : NULL};

		for (int i = 0; i < 2; i++) {
			int d = names[i] ? cw_text_typo_distance(names[i], nn->text, nn->best - 1)
					 : nn->best;

			if (d < nn->best) {
				nn->best = d;
				snprintf(nn->buf, nn->len, "%s", names[i]);
				*nn->found = *id;
			}
		}
	}
	cw_record_free(&rec);
	return 0;
}

/* The name of the kind's records closest to `text` as a typo of it (cw_text_typo_allowance: a
 * letter or two for a name, three for a long one), into buf and its record's id into *found
 * ("" and zero when none is that close), for a lookup that found nothing ("Chao Vesna" for
 * Chao Veasna). shown_only: names withheld from what is written for others are not offered.
 * An LMDB error, else 0. */
static int closest_name(struct cw_store *st, MDB_txn *txn, enum cw_kind kind, const char *text,
			int shown_only, char *buf, size_t len, struct cw_id *found)
{
	struct name_near nn = {st,  txn, kind, text, shown_only, cw_text_typo_allowance(text) + 1,
			       buf, len, found};
	int walk_failed;

	buf[0] = '\0';
	memset(found, 0, sizeof *found);
	return each_of_kind(st, txn, kind, name_near_one, &nn, &walk_failed);
}

int cw_store_closest(struct cw_store *st, enum cw_kind kind, const char *text, int shown_only,
		     struct cw_id *id, struct cw_error *err)
{
	char name[256];
	MDB_txn *txn;
	int rc;

	memset(id, 0, sizeof *id);
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = closest_name(st, txn, kind, text, shown_only, name, sizeof name, id);
	mdb_txn_abort(txn);
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "searching names", err);
	return !cw_id_is_zero(id);
}

/* ref:REF, an id or id prefix of the right kind, else names (all substring matches). */
static int resolve_refs(struct cw_store *st, MDB_txn *txn, enum cw_kind kind, const char *text,
			struct keylist *out, struct cw_error *err)
{
	struct cw_id id;
	struct cw_record rec;

	out->given = 1;
	if (!strncmp(text, "ref:", 4)) {
		/* The readable reference an import gave the record: its id, nothing else. */
		int ok;

		cw_id_from_ref(text + 4, &id);
		if (cw_store_read_record(st, txn, &id, &rec, NULL) != 0)
			return 0;
		ok = rec.kind == kind;
		cw_record_free(&rec);
		return ok ? keylist_add(out, id.b, ID_LEN) : 0;
	}
	if (cw_id_prefix_typed(text) && cw_store_find_id(st, text, &id, NULL) == 0 &&
	    cw_store_read_record(st, txn, &id, &rec, NULL) == 0) {
		int ok = rec.kind == kind;

		cw_record_free(&rec);
		if (ok)
			return keylist_add(out, id.b, ID_LEN);
	}
	return match_names(st, txn, kind, text, 0, 0, out, NULL, err);
}

/* resolve_refs, or its answer kept from the last query of the same kind with the same text
 * at the same transaction (struct cw_store). */
static int resolve_refs_kept(struct cw_store *st, MDB_txn *txn, enum cw_kind kind, const char *text,
			     struct keylist *out, struct cw_error *err)
{
	struct cw_resolved *kept = &st->resolved[kind == CW_KIND_CASE];
	size_t txnid = mdb_txn_id(txn);
	struct cw_id *ids = NULL;
	char *copy;
	int rc;

	if (kept->text && kept->txnid == txnid && strcmp(kept->text, text) == 0) {
		out->given = 1;
		for (size_t i = 0; i < kept->n; i++)
			if ((rc = keylist_add(out, kept->ids[i].b, ID_LEN)) != 0)
				return rc;
		return 0;
	}
	if ((rc = resolve_refs(st, txn, kind, text, out, err)) != 0)
		return rc;
	if ((out->n && !(ids = malloc(out->n * sizeof *ids))) || !(copy = strdup(text))) {
		free(ids);
		return 0; /* not kept: the next query finds them again */
	}
	for (size_t i = 0; i < out->n; i++)
		memcpy(ids[i].b, out->keys[i], ID_LEN);
	free(kept->text);
	free(kept->ids);
	*kept = (struct cw_resolved){copy, ids, out->n, txnid};
	return 0;
}

/* Calls fn for every name of a type in use whose text contains `substring` (any case; NULL
 * for all), with its keyed hash and its text as written. fn returns 0, or an error to stop. */
typedef int (*name_fn)(void *ctx, const uint8_t *hash, const char *name);

static int each_name(struct cw_store *st, MDB_txn *txn, enum cw_name_type type,
		     const char *substring, name_fn fn, void *ctx, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, v, text;
	struct cw_buf buf = {0};
	uint32_t count;
	uint8_t start = (uint8_t)type;
	char *folded = NULL;
	int rc, op;

	if (substring && !(folded = cw_text_fold(substring)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_NAMES], &cur)) != 0) {
		free(folded);
		return cw_store_lmdb_error(NULL, rc, "reading names", err);
	}
	k.mv_size = 1;
	k.mv_data = &start;
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		char name[512];
		size_t len;

		if (k.mv_size != 1 + NAME_HASH_LEN || ((uint8_t *)k.mv_data)[0] != type)
			break;
		if ((rc = cw_store_name_open(st, &k, &v, &buf, &count, &text, err)) != 0)
			break;
		len = text.mv_size;
		if (len >= sizeof name)
			len = sizeof name - 1;
		memcpy(name, text.mv_data, len);
		name[len] = '\0';
		if ((!folded || cw_text_contains_folded(name, folded)) &&
		    (rc = fn(ctx, (uint8_t *)k.mv_data + 1, name)) != 0)
			break;
	}
	mdb_cursor_close(cur);
	cw_buf_free(&buf);
	free(folded);
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(NULL, rc, "reading names", err);
	return 0;
}

static int add_place(void *ctx, const uint8_t *hash, const char *name)
{
	(void)name;
	return keylist_add(ctx, hash, NAME_HASH_LEN);
}

/* Courts and provinces: every name in use that contains the text. */
static int resolve_places(struct cw_store *st, MDB_txn *txn, enum cw_name_type type,
			  const char *text, struct keylist *out, struct cw_error *err)
{
	out->given = 1;
	return each_name(st, txn, type, text, add_place, out, err);
}

/* Calls fn for every record an index files under one person or case (key: id + tail). */
static int each_ref(struct cw_store *st, MDB_txn *txn, enum cw_db db, const uint8_t *id,
		    int (*fn)(void *ctx, const uint8_t *tail), void *ctx, struct cw_error *err)
{
	uint8_t start[ID_LEN + TAIL_LEN];
	MDB_cursor *cur;
	MDB_val k = {sizeof start, start}, v;
	int rc, op;

	memcpy(start, id, ID_LEN);
	memset(start + ID_LEN, 0, TAIL_LEN);
	if ((rc = cw_index_settle(st, txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(txn, st->dbi[db], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading an index", err);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		if (k.mv_size != ID_LEN + TAIL_LEN || memcmp(k.mv_data, id, ID_LEN) != 0)
			break;
		if ((rc = fn(ctx, (const uint8_t *)k.mv_data + ID_LEN)) != 0)
			break;
	}
	mdb_cursor_close(cur);
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(NULL, rc, "reading an index", err);
	return 0;
}

struct named_ctx {
	struct idset *named;
	struct idset *cases; /* the cases that name a person found, to follow in turn */
};

static int add_named(void *ctx, const uint8_t *tail)
{
	struct named_ctx *n = ctx;
	const uint8_t *id = tail + DATE_LEN;
	int rc = idset_add(n->named, id);

	if (rc == 0 && n->cases && tail[DATE_LEN + ID_LEN] == CW_KIND_CASE)
		rc = idset_add(n->cases, id);
	return rc;
}

/* Free text finds records by the names of their people and case too: the people and cases
 * whose names hold the text (each read once, per query), then by the indexes every record
 * filed under one of those people (a hearing also under its case's defendants) and, under
 * by_case, every record of one of those cases or of a case naming one of those people.
 * shown_only: through the names that what is written for others shows (name_is_shown). */
static int text_names(struct cw_store *st, MDB_txn *txn, const char *text, int shown_only,
		      struct idset *named, struct cw_error *err)
{
	struct keylist people = {0}, titles = {0};
	struct idset cases = {0};
	struct named_ctx ctx = {named, &cases};
	int rc;

	if ((rc = match_names(st, txn, CW_KIND_PERSON, text, 0, shown_only, &people, NULL, err)) ==
	    0)
		rc = match_names(st, txn, CW_KIND_CASE, text, 0, shown_only, &titles, NULL, err);
	for (size_t i = 0; i < titles.n && rc == 0; i++)
		rc = idset_add(&cases, titles.keys[i]);
	for (size_t i = 0; i < people.n && rc == 0; i++)
		rc = each_ref(st, txn, DB_BY_PERSON, people.keys[i], add_named, &ctx, err);
	if (rc == 0) {
		idset_seal(&cases);
		ctx.cases = NULL;
	}
	for (size_t i = 0; i < cases.n && rc == 0; i++)
		rc = each_ref(st, txn, DB_BY_CASE, cases.ids[i].b, add_named, &ctx, err);
	if (rc == 0)
		idset_seal(named);
	else if (rc == CW_ENOMEM)
		cw_error_set(err, CW_ENOMEM, "", "out of memory");
	free(people.keys);
	free(titles.keys);
	free(cases.ids);
	return rc;
}

static int idset_copy(struct idset *to, const struct cw_id *ids, size_t n)
{
	memset(to, 0, sizeof *to);
	if (n && !(to->ids = malloc(n * sizeof *ids)))
		return CW_ENOMEM;
	if (n)
		memcpy(to->ids, ids, n * sizeof *ids);
	to->n = to->cap = n;
	return 0;
}

/* text_names, or its answer kept from the last query with the same text at the same
 * transaction (struct cw_store). folded is the text folded. */
static int text_names_kept(struct cw_store *st, MDB_txn *txn, const char *text, const char *folded,
			   struct idset *named, struct cw_error *err)
{
	size_t txnid = mdb_txn_id(txn);
	struct idset kept;
	char *copy;
	int rc;

	if (st->named_text && st->named_txnid == txnid && strcmp(st->named_text, folded) == 0)
		return idset_copy(named, st->named_ids, st->nnamed);
	if ((rc = text_names(st, txn, text, 0, named, err)) != 0)
		return rc;
	if (idset_copy(&kept, named->ids, named->n) != 0 || !(copy = strdup(folded))) {
		free(kept.ids);
		return 0; /* not kept: the next query finds them again */
	}
	free(st->named_text);
	free(st->named_ids);
	st->named_text = copy;
	st->named_ids = kept.ids;
	st->nnamed = kept.n;
	st->named_txnid = txnid;
	return 0;
}

static int criteria_build(struct cw_store *st, MDB_txn *txn, const struct cw_filter *f,
			  uint32_t default_kinds, struct criteria *c, struct cw_error *err)
{
	int rc = 0;

	memset(c, 0, sizeof *c);
	c->kinds = f->kinds ? f->kinds : default_kinds;
	cw_filter_date_keys(f, &c->lo, &c->hi);
	c->views = f->accounts;
	c->articles.given = f->narticles > 0;
	/* Asked for prison visits or demonstrations by name (a kind filter with them), a list
	 * or count by article finds them through the people they name too: by their own fields
	 * none matches, and "no matching records" for the visits to a 494/495 detainee reads as
	 * none made. Left to the index alone otherwise, so that the headline counts stay the
	 * counters'. */
	c->visits_charged =
		c->articles.given && (f->visits_by_detainees || (f->kinds & BY_PEOPLE_KINDS));
	/* The articles the government's account names itself, and the charges of a case in
	 * its account, are filed under keys of their own (keys.c, cw_store_article_key): an
	 * article filter walks them only when it asks for that account. The plain keys are
	 * walked always: they hold the government's account of events in other cases too. */
	for (int gov = 0; gov < 2; gov++) {
		uint32_t bit = UINT32_C(1) << CW_VIEW_GOVERNMENT;

		if (gov && !(f->accounts & bit))
			continue;
		for (size_t i = 0; i < f->narticles && rc == 0; i++) {
			uint8_t key[ARTICLE_TAG_LEN];
			size_t len = cw_store_article_key(st, &f->articles[i], gov, key);

			rc = keylist_add(&c->articles, key, len);
		}
	}
	if (rc == 0 && f->person[0])
		rc = resolve_refs_kept(st, txn, CW_KIND_PERSON, f->person, &c->persons, err);
	if (rc == 0 && f->case_ref[0])
		rc = resolve_refs_kept(st, txn, CW_KIND_CASE, f->case_ref, &c->cases, err);
	if (rc == 0 && f->court[0])
		rc = resolve_places(st, txn, CW_NAME_COURT, f->court, &c->courts, err);
	if (rc == 0 && f->province[0])
		rc = resolve_places(st, txn, CW_NAME_PROVINCE, f->province, &c->provinces, err);
	if (rc == 0 && f->text[0] && !(c->text = cw_text_fold(f->text)))
		rc = CW_ENOMEM;
	if (c->text && !c->text[0]) { /* only characters that fold away: no criterion */
		free(c->text);
		c->text = NULL;
	}
	if (rc == 0 && c->text)
		rc = text_names_kept(st, txn, f->text, c->text, &c->named, err);
	if (rc == CW_ENOMEM)
		cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return rc;
}

static int keylist_has(const struct keylist *l, const uint8_t *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (memcmp(l->keys[i], key, l->len) == 0)
			return 1;
	return 0;
}

/* Whether one of the list's keys, followed by tail (date, id, kind), is in the table. */
static int probe_any(MDB_txn *txn, MDB_dbi dbi, const struct keylist *l, const uint8_t *tail,
		     int *yes)
{
	uint8_t key[ID_LEN + TAIL_LEN];
	MDB_val k = {l->len + TAIL_LEN, key}, v;

	*yes = 0;
	memcpy(key + l->len, tail, TAIL_LEN);
	for (size_t i = 0; i < l->n; i++) {
		int rc;

		memcpy(key, l->keys[i], l->len);
		if ((rc = mdb_get(txn, dbi, &k, &v)) == 0) {
			*yes = 1;
			return 0;
		}
		if (rc != MDB_NOTFOUND)
			return rc;
	}
	return 0;
}

/* Checks the criteria that index keys answer, except `drive` (the one the walk follows), by
 * looking the record's entries up: every index key a record owns ends with the same date, id
 * and kind (tail), so "does it charge 494" is whether tag(494) + tail is in by_article. */
static int keys_match(struct cw_store *st, MDB_txn *txn, const struct criteria *c,
		      const struct keylist *drive, const uint8_t *tail, int *yes)
{
	const struct {
		const struct keylist *l;
		enum cw_db db;
	} checks[] = {
		{&c->articles, DB_BY_ARTICLE},   {&c->persons, DB_BY_PERSON},
		{&c->cases, DB_BY_CASE},         {&c->courts, DB_BY_COURT},
		{&c->provinces, DB_BY_PROVINCE},
	};
	int settled = index_settled(st, txn);

	*yes = 1;
	if (settled != 0)
		return settled;
	for (size_t i = 0; i < sizeof checks / sizeof checks[0] && *yes; i++) {
		int rc;

		if (!checks[i].l->given || checks[i].l == drive)
			continue;
		/* A prison visit is filed under no article (it names detainees, not charges):
		 * asked by its detainees, their charges answer, from the record (visit_charged). */
		if (c->visits_charged && checks[i].l == &c->articles &&
		    by_people_kind(tail[DATE_LEN + ID_LEN]))
			continue;
		/* A case is filed under no case in by_case: it is the case its id names (a
		 * report for one case lists its detainees by testing the case itself). */
		if (checks[i].l == &c->cases && tail[DATE_LEN + ID_LEN] == CW_KIND_CASE) {
			*yes = keylist_has(&c->cases, tail + DATE_LEN);
			continue;
		}
		if ((rc = probe_any(txn, st->dbi[checks[i].db], checks[i].l, tail, yes)) != 0)
			return rc;
	}
	return 0;
}

/* The tail of a record's index keys (its date, id and kind), from the record. */
static void record_tail(const struct cw_record *rec, uint8_t tail[TAIL_LEN])
{
	put_be32(tail, cw_date_key(cw_record_date(rec)));
	memcpy(tail + DATE_LEN, rec->id.b, ID_LEN);
	tail[DATE_LEN + ID_LEN] = (uint8_t)rec->kind;
}

/* Free text (folded): any string field of the record, at any depth. */
static int struct_has_text(const void *base, const struct cw_schema *s, const char *text)
{
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		const char *p = (const char *)base + f->offset;

		if (f->type == CW_F_STR && *(char *const *)p &&
		    cw_text_contains_folded(*(char *const *)p, text))
			return 1;
		if (f->type == CW_F_LIST) {
			const struct cw_list *l = (const struct cw_list *)p;

			for (size_t j = 0; j < l->n; j++)
				if (struct_has_text((const char *)l->items + j * f->sub->size,
						    f->sub, text))
					return 1;
		}
	}
	return 0;
}

static int record_has_text(const struct cw_record *rec, const char *text)
{
	return (rec->source && cw_text_contains_folded(rec->source, text)) ||
	       struct_has_text(&rec->u, cw_schema_for_kind(rec->kind), text);
}

/* The criteria only the decoded record answers: free text and whose account it is. */
static int needs_record(const struct criteria *c)
{
	return c->text || c->views;
}

static int record_matches(const struct criteria *c, const struct cw_record *rec)
{
	return (!c->views || (c->views & cw_view_bit(rec->view))) &&
	       (!c->text || idset_has(&c->named, &rec->id) || record_has_text(rec, c->text));
}

/* The streams to walk: the most selective criterion given, else one per kind. */
static int plan_streams(struct cw_store *st, const struct criteria *c, int descending,
			struct stream **out, size_t *n, MDB_dbi *dbi, int *needs_keys,
			const struct keylist **drive_out)
{
	const struct keylist *drive = NULL;
	enum cw_db db = DB_BY_KIND;
	struct stream *s;
	size_t count = 0;

	*drive_out = NULL;
	if (c->next_dates) {
		/* One stream over the whole index; every other criterion is checked. */
		*needs_keys = c->articles.given || c->persons.given || c->cases.given ||
			      c->courts.given || c->provinces.given;
		if (!(s = calloc(1, sizeof *s)))
			return CW_ENOMEM;
		s->lo = c->lo;
		s->hi = c->hi;
		s->descending = descending;
		*out = s;
		*n = 1;
		*dbi = st->dbi[DB_BY_NEXT_DATE];
		return 0;
	}
	/* Cases themselves are filed under no case (keys_match tests their own id): a list of
	 * cases alone is not driven by by_case, which would find none of them. */
	if (c->persons.given)
		drive = &c->persons, db = DB_BY_PERSON;
	else if (c->cases.given && c->kinds != CW_KIND_BIT(CW_KIND_CASE))
		drive = &c->cases, db = DB_BY_CASE;
	else if (c->articles.given)
		drive = &c->articles, db = DB_BY_ARTICLE;
	else if (c->courts.given)
		drive = &c->courts, db = DB_BY_COURT;
	else if (c->provinces.given)
		drive = &c->provinces, db = DB_BY_PROVINCE;
	*drive_out = drive;
	if (drive)
		count = drive->n;
	else
		for (int k = 1; k < CW_KIND_COUNT; k++)
			count += (c->kinds >> k) & 1;
	/* The streams answer the driving criterion, the dates and (from the key's last byte) the
	 * kind; only the other criteria need looking up. */
	*needs_keys = (c->articles.given && drive != &c->articles) ||
		      (c->persons.given && drive != &c->persons) ||
		      (c->cases.given && drive != &c->cases) ||
		      (c->courts.given && drive != &c->courts) ||
		      (c->provinces.given && drive != &c->provinces);
	*out = NULL;
	*n = 0;
	*dbi = st->dbi[db];
	if (count == 0)
		return 0;
	if (!(s = calloc(count, sizeof *s)))
		return CW_ENOMEM;
	if (drive) {
		for (size_t i = 0; i < count; i++) {
			memcpy(s[i].prefix, drive->keys[i], drive->len);
			s[i].plen = drive->len;
		}
	} else {
		size_t i = 0;

		for (int k = 1; k < CW_KIND_COUNT; k++)
			if ((c->kinds >> k) & 1) {
				s[i].prefix[0] = (uint8_t)k;
				s[i++].plen = 1;
			}
	}
	for (size_t i = 0; i < count; i++) {
		s[i].lo = c->lo;
		s[i].hi = c->hi;
		s[i].descending = descending;
	}
	*out = s;
	*n = count;
	return 0;
}

/* Walks the merged streams in date order, calling visit for each record that matches.
 * visit returns 1 to stop early. */
typedef int (*match_fn)(void *ctx, const struct cw_id *id, const struct cw_record *decoded,
			struct cw_error *err);

/* Prison visits and demonstrations by article (below): filed under no article (they name
 * people, not charges), they are found through the people they name, when asked so (the
 * criteria's visits_charged): a visit by the detainees it met, a demonstration by the people
 * it records arrested. */
static int visit_tails(struct cw_store *st, MDB_txn *txn, const struct criteria *c, uint32_t kinds,
		       uint8_t **out, size_t *n, struct cw_error *err);
static int visit_charged(struct cw_store *st, MDB_txn *txn, const struct criteria *c,
			 struct cw_matcher *m, const struct cw_record *visit, int *yes,
			 struct cw_error *err);
static int visit_charged_id(struct cw_store *st, MDB_txn *txn, const struct criteria *c,
			    const struct cw_id *id, int *yes, struct cw_error *err);

static int walk_matches(struct cw_store *st, MDB_txn *txn, const struct criteria *c, int descending,
			match_fn visit, void *ctx, struct cw_error *err)
{
	struct stream *s;
	size_t n;
	MDB_dbi dbi;
	uint8_t last[TAIL_LEN], *visits = NULL;
	const struct keylist *drive;
	int have_last = 0, needs_keys, rc;

	if ((rc = cw_index_settle(st, txn, err)) != 0)
		return rc;
	if ((rc = plan_streams(st, c, descending, &s, &n, &dbi, &needs_keys, &drive)) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* Prison visits are filed under no article: asked by their detainees, by the articles
	 * they are those that met someone charged under them, found beforehand and merged in as
	 * one more stream. */
	if (c->visits_charged && drive == &c->articles && (c->kinds & BY_PEOPLE_KINDS)) {
		struct stream *more;
		size_t nvisits;

		if ((rc = visit_tails(st, txn, c, c->kinds & BY_PEOPLE_KINDS, &visits, &nvisits,
				      err)) != 0)
			goto out;
		if (!(more = realloc(s, (n + 1) * sizeof *s))) {
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			goto out;
		}
		s = more;
		memset(&s[n], 0, sizeof s[n]);
		s[n].tails = visits;
		s[n].ntails = nvisits;
		s[n].descending = descending;
		n++;
	}
	for (size_t i = 0; i < n; i++)
		if ((rc = stream_open(&s[i], txn, dbi)) != 0) {
			rc = cw_store_lmdb_error(NULL, rc, "reading an index", err);
			goto out;
		}
	for (;;) {
		struct stream *best = NULL;
		struct cw_id id;

		/* k-way merge: the next tail in date (then id) order over all streams. */
		for (size_t i = 0; i < n; i++) {
			int cmp;

			if (s[i].done)
				continue;
			if (!best) {
				best = &s[i];
				continue;
			}
			cmp = memcmp(s[i].tail, best->tail, TAIL_LEN);
			if (descending ? cmp > 0 : cmp < 0)
				best = &s[i];
		}
		if (!best)
			break;
		if (have_last && memcmp(best->tail, last, TAIL_LEN) == 0) {
			if ((rc = stream_next(best)) != 0)
				goto lmdb_fail;
			continue; /* the same record reached through two streams */
		}
		memcpy(last, best->tail, TAIL_LEN);
		have_last = 1;
		memcpy(id.b, best->tail + DATE_LEN, ID_LEN);
		if (!(c->kinds & (UINT32_C(1) << (best->tail[DATE_LEN + ID_LEN] & 31))))
			goto advance;
		if (needs_keys) {
			uint8_t tail[TAIL_LEN];
			int yes;

			memcpy(tail, best->tail, TAIL_LEN);
			if (c->next_dates) {
				/* by_next_date's keys end with the next date: the date the
				 * record's other keys end with is its own. */
				struct cw_record r;

				if ((rc = cw_store_read_record(st, txn, &id, &r, err)) != 0)
					goto out;
				record_tail(&r, tail);
				cw_record_free(&r);
			}
			if ((rc = keys_match(st, txn, c, drive, tail, &yes)) != 0)
				goto lmdb_fail;
			/* A visit not met through the articles' stream: by its detainees. */
			if (yes && c->visits_charged && drive != &c->articles &&
			    by_people_kind(tail[DATE_LEN + ID_LEN]) &&
			    (rc = visit_charged_id(st, txn, c, &id, &yes, err)) != 0)
				goto out;
			if (!yes)
				goto advance;
		}
		{
			struct cw_record rec;
			int stop;

			if (needs_record(c)) {
				if ((rc = cw_store_read_record(st, txn, &id, &rec, err)) != 0)
					goto out;
				if (!record_matches(c, &rec)) {
					cw_record_free(&rec);
					goto advance;
				}
				stop = visit(ctx, &id, &rec, err);
				cw_record_free(&rec);
			} else {
				stop = visit(ctx, &id, NULL, err);
			}
			if (stop < 0) {
				rc = stop;
				goto out;
			}
			if (stop > 0) {
				rc = 1; /* the caller has what it wanted */
				goto out;
			}
		}
	advance:
		if ((rc = stream_next(best)) != 0)
			goto lmdb_fail;
	}
	rc = 0;
	goto out;
lmdb_fail:
	rc = cw_store_lmdb_error(NULL, rc, "reading an index", err);
out:
	for (size_t i = 0; i < n; i++)
		if (s[i].cur)
			mdb_cursor_close(s[i].cur);
	free(s);
	free(visits);
	return rc;
}

/* Walks in an order of enum cw_order. Records of unknown date come last both oldest first
 * (their key is the highest) and newest first (the dated part from the newest down, then the
 * undated part); the reverse of newest first walks the two parts the other way round. Returns 0
 * or an error (an early stop is not an error). */
static int walk_in_order(struct cw_store *st, MDB_txn *txn, const struct criteria *c,
			 enum cw_order order, match_fn visit, void *ctx, struct cw_error *err)
{
	struct criteria part[2] = {*c, *c}; /* dated, undated */
	int descending = order == CW_ORDER_NEWEST_FIRST, rc = 0;

	if (order == CW_ORDER_OLDEST_FIRST || c->hi != CW_DATE_KEY_UNKNOWN) {
		rc = walk_matches(st, txn, c, descending, visit, ctx, err);
		return rc > 0 ? 0 : rc;
	}
	part[0].hi = CW_DATE_KEY_UNKNOWN - 1;
	part[1].lo = CW_DATE_KEY_UNKNOWN;
	for (int k = 0; k < 2 && rc == 0; k++) {
		const struct criteria *p = &part[descending ? k : 1 - k];

		if (p->lo <= p->hi)
			rc = walk_matches(st, txn, p, descending, visit, ctx, err);
	}
	return rc > 0 ? 0 : rc;
}

/* People have no charges or courts of their own: a person matches a case or a court through
 * the cases that name them as a defendant, and an article through those that charge them
 * under it. */
static int people_via_cases(const struct criteria *c)
{
	return c->kinds == CW_KIND_BIT(CW_KIND_PERSON) &&
	       (c->articles.given || c->cases.given || c->courts.given);
}

struct defendants_ctx {
	struct cw_store *st;
	MDB_txn *txn;
	const struct keylist *articles; /* given: only defendants charged under one of them */
	struct keylist ids;
};

/* Whether a defendant of the case is charged under one of the articles (their keys, as the
 * index files the case's: the government's account under keys of its own). */
static int charged_under(const struct cw_store *st, const struct cw_record *kase,
			 const struct cw_defendant *d, const struct keylist *articles)
{
	for (size_t j = 0; j < d->charges.n; j++) {
		const struct cw_charge *ch = (const struct cw_charge *)d->charges.items + j;
		uint8_t key[ARTICLE_TAG_LEN];

		if (ch->article.law == CW_LAW_NONE)
			continue;
		cw_store_article_key(st, &ch->article, kase->view == CW_VIEW_GOVERNMENT, key);
		if (keylist_has(articles, key))
			return 1;
	}
	return 0;
}

static int collect_defendants(void *ctx, const struct cw_id *id, const struct cw_record *decoded,
			      struct cw_error *err)
{
	struct defendants_ctx *d = ctx;
	struct cw_record rec;
	int rc;

	(void)decoded;
	if ((rc = cw_store_read_record(d->st, d->txn, id, &rec, err)) != 0)
		return rc;
	for (size_t i = 0; i < rec.u.kase.defendants.n && rc == 0; i++) {
		const struct cw_defendant *df =
			(struct cw_defendant *)rec.u.kase.defendants.items + i;
		const struct cw_id *p = &df->person;

		/* A co-defendant charged under other articles is not one of them (the case
		 * matches through another's charge). */
		if (d->articles && !charged_under(d->st, &rec, df, d->articles))
			continue;
		if (!cw_id_is_zero(p) && !keylist_has(&d->ids, p->b))
			rc = keylist_add(&d->ids, p->b, ID_LEN);
	}
	cw_record_free(&rec);
	return rc == CW_ENOMEM ? cw_error_set(err, rc, "", "out of memory") : rc;
}

static int walk_people_via_cases(struct cw_store *st, MDB_txn *txn, const struct criteria *c,
				 match_fn visit, void *ctx, struct cw_error *err)
{
	struct defendants_ctx d = {st, txn, c->articles.given ? &c->articles : NULL, {0}};
	struct criteria cases = *c, people;
	int rc;

	cases.kinds = CW_KIND_BIT(CW_KIND_CASE);
	cases.provinces.given = 0; /* a person's province is their own */
	cases.text = NULL;
	cases.views = 0; /* and so is their account: the person record's own view */
	memset(&people, 0, sizeof people);
	people.kinds = CW_KIND_BIT(CW_KIND_PERSON);
	people.provinces = c->provinces;
	rc = walk_in_order(st, txn, &cases, CW_ORDER_OLDEST_FIRST, collect_defendants, &d, err);
	for (size_t i = 0; i < d.ids.n && rc == 0; i++) {
		struct cw_id id;
		struct cw_record rec;
		uint8_t tail[TAIL_LEN];
		int stop, yes;

		memcpy(id.b, d.ids.keys[i], ID_LEN);
		/* A defendant's record gives the tail its province entry ends with (and answers
		 * the criteria only it can). */
		if ((rc = cw_store_read_record(st, txn, &id, &rec, err)) != 0) {
			if (rc == CW_ENOTFOUND) { /* a deleted person a case still names */
				cw_error_clear(err);
				rc = 0;
			}
			continue;
		}
		record_tail(&rec, tail);
		if ((rc = keys_match(st, txn, &people, NULL, tail, &yes)) != 0) {
			cw_record_free(&rec);
			rc = cw_store_lmdb_error(NULL, rc, "reading an index", err);
			break;
		}
		stop = yes && (!needs_record(c) || record_matches(c, &rec))
			       ? visit(ctx, &id, needs_record(c) ? &rec : NULL, err)
			       : 0;
		cw_record_free(&rec);
		if (stop < 0)
			rc = stop;
		if (stop)
			break;
	}
	free(d.ids.keys);
	return rc;
}

/* ---- prison visits by article --------------------------------------------------------- */

/* A prison visit names detainees, not charges, and is filed under no article (keys.c). It
 * matches an article when one of the people it met is charged under it in a case, as a person
 * does (walk_people_via_cases: a co-defendant charged with something else is not), whenever
 * the charge was laid, as a hearing matches through its case's charges as they stand: the
 * visits of a week are those of the people the filter's cases charge. */

struct charged_ctx {
	struct cw_store *st;
	MDB_txn *txn;
	const struct keylist *articles;
	struct idset *people;
};

static int collect_charged(void *ctx, const struct cw_id *id, const struct cw_record *decoded,
			   struct cw_error *err)
{
	struct charged_ctx *cc = ctx;
	struct cw_record rec;
	int rc;

	(void)decoded;
	if ((rc = cw_store_read_record(cc->st, cc->txn, id, &rec, err)) != 0)
		return rc;
	for (size_t i = 0; i < rec.u.kase.defendants.n && rc == 0; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)rec.u.kase.defendants.items + i;

		if (!cw_id_is_zero(&d->person) && charged_under(cc->st, &rec, d, cc->articles))
			rc = idset_add(cc->people, d->person.b);
	}
	cw_record_free(&rec);
	return rc == CW_ENOMEM ? cw_error_set(err, rc, "", "out of memory") : rc;
}

/* Whether the store keeps the people charged under `articles` at this transaction. */
static int charged_kept(const struct cw_store *st, size_t txnid, const struct keylist *articles)
{
	return st->charged.keys && st->charged.txnid == txnid && st->charged.nkeys == articles->n &&
	       st->charged.len == articles->len &&
	       memcmp(st->charged.keys, articles->keys, articles->n * sizeof *articles->keys) == 0;
}

/* The people charged under `articles` in a case (their keys, as criteria_build makes them),
 * sorted, into *people (the caller frees its ids): from the cases the articles' index holds,
 * each read once, or as the store kept them at this transaction. Not kept during a write,
 * whose next change may charge someone else. */
static int charged_people(struct cw_store *st, MDB_txn *txn, const struct keylist *articles,
			  struct idset *people, struct cw_error *err)
{
	size_t txnid = mdb_txn_id(txn);
	struct charged_ctx cc = {st, txn, articles, people};
	struct criteria cases;
	uint8_t(*keys)[ID_LEN] = NULL;
	struct cw_id *ids = NULL;
	int rc;

	memset(people, 0, sizeof *people);
	if (!st->index_txn && charged_kept(st, txnid, articles))
		return idset_copy(people, st->charged.ids, st->charged.n) == 0
			       ? 0
			       : cw_error_set(err, CW_ENOMEM, "", "out of memory");
	memset(&cases, 0, sizeof cases);
	cases.kinds = CW_KIND_BIT(CW_KIND_CASE);
	cases.hi = CW_DATE_KEY_UNKNOWN;
	cases.articles = *articles;
	if ((rc = walk_in_order(st, txn, &cases, CW_ORDER_OLDEST_FIRST, collect_charged, &cc,
				err)) != 0) {
		free(people->ids);
		memset(people, 0, sizeof *people);
		return rc;
	}
	idset_seal(people);
	if (st->index_txn || !(keys = malloc(articles->n * sizeof *keys)) ||
	    (people->n && !(ids = malloc(people->n * sizeof *ids)))) {
		free(keys);
		return 0; /* not kept: the next question finds them again */
	}
	memcpy(keys, articles->keys, articles->n * sizeof *keys);
	if (people->n)
		memcpy(ids, people->ids, people->n * sizeof *ids);
	free(st->charged.keys);
	free(st->charged.ids);
	st->charged.keys = keys;
	st->charged.nkeys = articles->n;
	st->charged.len = articles->len;
	st->charged.ids = ids;
	st->charged.n = people->n;
	st->charged.txnid = txnid;
	return 0;
}

static int compare_tails(const void *a, const void *b)
{
	return memcmp(a, b, TAIL_LEN);
}

/* The tails of the prison visits dated c->lo to c->hi that met someone charged under c's
 * articles, and of the demonstrations that record such a person arrested (of `kinds`), each
 * once, sorted as the streams are (date, then id): by_person files a visit under each
 * detainee, a demonstration under each person arrested, so this reads only those people's
 * entries, never every visit. *out is the caller's to free. */
static int visit_tails(struct cw_store *st, MDB_txn *txn, const struct criteria *c, uint32_t kinds,
		       uint8_t **out, size_t *n, struct cw_error *err)
{
	struct idset people;
	MDB_cursor *cur = NULL;
	uint8_t *tails = NULL;
	size_t cap = 0, o = 0;
	int rc, mrc = 0;

	*out = NULL;
	*n = 0;
	if ((rc = charged_people(st, txn, &c->articles, &people, err)) != 0)
		return rc;
	if (people.n && (mrc = mdb_cursor_open(txn, st->dbi[DB_BY_PERSON], &cur)) != 0)
		goto out;
	for (size_t i = 0; i < people.n && rc == 0 && mrc == 0; i++) {
		uint8_t start[ID_LEN + DATE_LEN];
		MDB_val k = {sizeof start, start}, v;

		memcpy(start, people.ids[i].b, ID_LEN);
		put_be32(start + ID_LEN, c->lo);
		for (mrc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); mrc == 0 && rc == 0;
		     mrc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
			const uint8_t *key = k.mv_data;

			if (k.mv_size != ID_LEN + TAIL_LEN ||
			    memcmp(key, people.ids[i].b, ID_LEN) != 0 ||
			    get_be32(key + ID_LEN) > c->hi)
				break;
			if (!by_people_kind(key[ID_LEN + DATE_LEN + ID_LEN]) ||
			    !(kinds & CW_KIND_BIT(key[ID_LEN + DATE_LEN + ID_LEN])))
				continue;
			if (*n == cap) {
				size_t grown = cap ? cap * 2 : 64;
				uint8_t *more = realloc(tails, grown * TAIL_LEN);

				if (!more) {
					rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
					break;
				}
				tails = more;
				cap = grown;
			}
			memcpy(tails + (*n)++ * TAIL_LEN, key + ID_LEN, TAIL_LEN);
		}
		if (mrc == MDB_NOTFOUND)
			mrc = 0;
	}
out:
	if (cur)
		mdb_cursor_close(cur);
	free(people.ids);
	if (rc == 0 && mrc != 0)
		rc = cw_store_lmdb_error(NULL, mrc, "reading an index", err);
	if (rc != 0) {
		free(tails);
		*n = 0;
		return rc;
	}
	/* A visit that met two of them is under each. */
	if (*n > 1)
		qsort(tails, *n, TAIL_LEN, compare_tails);
	for (size_t i = 0; i < *n; i++)
		if (o == 0 || memcmp(tails + (o - 1) * TAIL_LEN, tails + i * TAIL_LEN, TAIL_LEN))
			memmove(tails + o++ * TAIL_LEN, tails + i * TAIL_LEN, TAIL_LEN);
	*n = o;
	*out = tails;
	return 0;
}

struct list_ctx {
	struct cw_store *st;
	MDB_txn *txn;
	size_t skip, limit, seen;
	struct cw_record_list *out;
};

static int list_visit(void *ctx, const struct cw_id *id, const struct cw_record *decoded,
		      struct cw_error *err)
{
	struct list_ctx *l = ctx;
	struct cw_record rec;
	int rc;

	if (l->seen++ < l->skip)
		return 0;
	if (decoded)
		rc = cw_record_copy(&rec, decoded) == 0 ? 0 : CW_ENOMEM;
	else
		rc = cw_store_read_record(l->st, l->txn, id, &rec, err);
	if (rc == 0)
		rc = cw_record_list_push(l->out, &rec);
	if (rc != 0) {
		cw_record_free(&rec);
		return rc == CW_ENOMEM ? cw_error_set(err, CW_ENOMEM, "", "out of memory") : rc;
	}
	return l->limit && l->out->n >= l->limit;
}

static int compare_names(const void *a, const void *b)
{
	const struct cw_record *ra = a, *rb = b;
	int c = strcasecmp(cw_record_label(ra), cw_record_label(rb));

	return c ? c : memcmp(ra->id.b, rb->id.b, ID_LEN);
}

/* The unfiltered list of people, a window at a time: sorting every person by name on every
 * screen would read them all each time, so the order is kept (ids only) until the next write.
 * Returns 1 when it answered, 0 when the filter is not that list, or an error. */
static int list_people_in_order(struct cw_store *st, MDB_txn *txn, const struct criteria *c,
				size_t offset, size_t limit, struct cw_record_list *out,
				struct cw_error *err)
{
	size_t txnid = mdb_txn_id(txn);
	int rc = 0;

	if (c->kinds != CW_KIND_BIT(CW_KIND_PERSON) || needs_record(c) || c->articles.given ||
	    c->persons.given || c->cases.given || c->courts.given || c->provinces.given)
		return 0;
	if (!st->people_order || st->people_txnid != txnid) {
		struct cw_record_list all = {0};
		struct list_ctx l = {st, txn, 0, 0, 0, &all};
		struct cw_id *ids;
		size_t n;

		if ((rc = walk_in_order(st, txn, c, CW_ORDER_OLDEST_FIRST, list_visit, &l, err)) !=
		    0) {
			cw_record_list_free(&all); /* those read before the one that failed */
			return rc;
		}
		if (all.n > 1)
			qsort(all.items, all.n, sizeof *all.items, compare_names);
		if (!(ids = malloc((all.n ? all.n : 1) * sizeof *ids))) {
			cw_record_list_free(&all);
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
		for (size_t i = 0; i < all.n; i++)
			ids[i] = all.items[i].id;
		n = all.n;
		cw_record_list_free(&all);
		free(st->people_order);
		st->people_order = ids;
		st->npeople = n;
		st->people_txnid = txnid;
	}
	for (size_t i = offset; i < st->npeople && (!limit || out->n < limit) && rc == 0; i++) {
		struct cw_record rec;

		if ((rc = cw_store_read_record(st, txn, &st->people_order[i], &rec, err)) == 0 &&
		    (rc = cw_record_list_push(out, &rec)) != 0) {
			cw_record_free(&rec);
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
	}
	return rc ? rc : 1;
}

static int list_in(struct cw_store *st, MDB_txn *txn, const struct cw_filter *f,
		   uint32_t default_kinds, enum cw_order order, size_t offset, size_t limit,
		   struct cw_record_list *out, struct cw_error *err)
{
	struct criteria c;
	struct list_ctx l = {st, txn, offset, limit, 0, out};
	int rc, by_name;

	memset(out, 0, sizeof *out);
	if ((rc = criteria_build(st, l.txn, f, default_kinds, &c, err)) == 0 &&
	    (rc = list_people_in_order(st, l.txn, &c, offset, limit, out, err)) > 0) {
		rc = 0; /* answered from the order kept for the unfiltered list of people */
	} else if (rc == 0) {
		/* People have no date: a list of people is in name order, which needs them all. */
		by_name = c.kinds == CW_KIND_BIT(CW_KIND_PERSON);
		if (by_name)
			l.skip = l.limit = 0;
		if (people_via_cases(&c))
			rc = walk_people_via_cases(st, l.txn, &c, list_visit, &l, err);
		else
			rc = walk_in_order(st, l.txn, &c, order, list_visit, &l, err);
		if (rc == 0 && by_name && out->n > 0) {
			qsort(out->items, out->n, sizeof *out->items, compare_names);
			if (offset >= out->n)
				offset = out->n;
			for (size_t i = 0; i < offset; i++)
				cw_record_free(&out->items[i]);
			memmove(out->items, out->items + offset,
				(out->n - offset) * sizeof *out->items);
			out->n -= offset;
			while (limit && out->n > limit)
				cw_record_free(&out->items[--out->n]);
		}
	}
	criteria_free(&c);
	if (rc != 0)
		cw_record_list_free(out);
	return rc;
}

int cw_store_list(struct cw_store *st, const struct cw_filter *f, uint32_t default_kinds,
		  enum cw_order order, size_t offset, size_t limit, struct cw_record_list *out,
		  struct cw_error *err)
{
	MDB_txn *txn;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = list_in(st, txn, f, default_kinds, order, offset, limit, out, err);
	mdb_txn_abort(txn);
	return rc;
}

int cw_reader_list(struct cw_reader *rd, const struct cw_filter *f, uint32_t default_kinds,
		   enum cw_order order, size_t offset, size_t limit, struct cw_record_list *out,
		   struct cw_error *err)
{
	return list_in(rd->st, rd->txn, f, default_kinds, order, offset, limit, out, err);
}

static int count_visit(void *ctx, const struct cw_id *id, const struct cw_record *decoded,
		       struct cw_error *err)
{
	(void)id;
	(void)decoded;
	(void)err;
	(*(size_t *)ctx)++;
	return 0;
}

/* Answers a count from the counters the store keeps per article and per kind, when the filter
 * asks nothing else (no dates, names, places or text, at most one article): the headline
 * question "how many records charge 494" is then a few reads, not a walk. Returns 1 when it
 * answered, 0 when the filter needs a walk, or an error. */
static int count_from_counters(struct cw_store *st, MDB_txn *txn, const struct criteria *c,
			       size_t *count, struct cw_error *err)
{
	uint8_t key[1 + ARTICLE_TAG_LEN + KIND_LEN];
	size_t plen;

	if (needs_record(c) || c->persons.given || c->cases.given || c->courts.given ||
	    c->provinces.given || c->lo != 0 || c->hi != CW_DATE_KEY_UNKNOWN || c->articles.n > 1 ||
	    people_via_cases(c))
		return 0;
	*count = 0;
	for (int kind = 1; kind < CW_KIND_COUNT; kind++) {
		MDB_val k, v;
		uint64_t n = 0;
		int rc;

		if (!(c->kinds & (UINT32_C(1) << kind)))
			continue;
		/* Visits are filed under no article: asked by their detainees, those that met
		 * someone charged under one (read: the counters cannot hold them). */
		if (c->visits_charged && by_people_kind((uint8_t)kind)) {
			uint8_t *tails;
			size_t nvisits;

			if ((rc = visit_tails(st, txn, c, UINT32_C(1) << kind, &tails, &nvisits,
					      err)) != 0)
				return rc;
			free(tails);
			*count += nvisits;
			continue;
		}
		if (c->articles.given) {
			key[0] = DB_BY_ARTICLE;
			memcpy(key + 1, c->articles.keys[0], c->articles.len);
			plen = c->articles.len;
		} else {
			key[0] = DB_BY_KIND;
			key[1] = (uint8_t)kind;
			plen = 1;
		}
		key[1 + plen] = (uint8_t)kind;
		k.mv_size = 1 + plen + KIND_LEN;
		k.mv_data = key;
		rc = mdb_get(txn, st->dbi[DB_COUNTS], &k, &v);
		if (rc == MDB_NOTFOUND)
			continue;
		if (rc != 0)
			return cw_store_lmdb_error(NULL, rc, "reading counts", err);
		if (v.mv_size == 8)
			n = get_be64(v.mv_data);
		*count += (size_t)n;
	}
	return 1;
}

static int count_in(struct cw_store *st, MDB_txn *txn, const struct cw_filter *f,
		    uint32_t default_kinds, size_t *count, struct cw_error *err)
{
	struct criteria c;
	int rc;

	*count = 0;
	if ((rc = criteria_build(st, txn, f, default_kinds, &c, err)) == 0 &&
	    (rc = count_from_counters(st, txn, &c, count, err)) == 0)
		rc = people_via_cases(&c)
			     ? walk_people_via_cases(st, txn, &c, count_visit, count, err)
			     : walk_in_order(st, txn, &c, CW_ORDER_OLDEST_FIRST, count_visit, count,
					     err);
	if (rc > 0)
		rc = 0; /* answered from the counters */
	criteria_free(&c);
	return rc;
}

int cw_store_count(struct cw_store *st, const struct cw_filter *f, uint32_t default_kinds,
		   size_t *count, struct cw_error *err)
{
	MDB_txn *txn;
	int rc;

	*count = 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = count_in(st, txn, f, default_kinds, count, err);
	mdb_txn_abort(txn);
	return rc;
}

int cw_reader_count(struct cw_reader *rd, const struct cw_filter *f, uint32_t default_kinds,
		    size_t *count, struct cw_error *err)
{
	return count_in(rd->st, rd->txn, f, default_kinds, count, err);
}

int cw_store_filter_check(struct cw_store *st, const struct cw_filter *f, struct cw_error *err)
{
	struct criteria c;
	MDB_txn *txn;
	int rc;

	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = criteria_build(st, txn, f, 0, &c, err)) == 0) {
		/* The first criterion that names nothing: a typo, most likely, which would
		 * otherwise give an empty list or report that reads as a quiet week. */
		const struct {
			const struct keylist *l;
			const char *field, *value, *what;
		} named[] = {
			{&c.persons, "person", f->person, N_("no person's name, id or ref")},
			{&c.cases, "case", f->case_ref, N_("no case's title, id or ref")},
			{&c.courts, "court", f->court, N_("no court's name")},
			{&c.provinces, "province", f->province, N_("no province's name")},
		};

		for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
			if (named[i].l->given && named[i].l->n == 0) {
				rc = cw_error_set(err, CW_ENOTFOUND, named[i].field,
						  "%s in this database matches '%.60s'",
						  _(named[i].what), named[i].value);
				break;
			}
	}
	criteria_free(&c);
	mdb_txn_abort(txn);
	return rc;
}

int cw_store_timeline_for_person(struct cw_store *st, const struct cw_id *person,
				 struct cw_record_list *out, struct cw_error *err)
{
	int rc = cw_store_person_records(st, person, CW_KINDS_EVENTS | CW_KIND_BIT(CW_KIND_CASE),
					 out, err);

	/* Undated events where the sources place them (models/timeline.h). */
	if (rc == 0 && cw_timeline_order(out->items, out->n) != 0) {
		cw_record_list_free(out);
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	return rc;
}

static int person_records_in(struct cw_store *st, MDB_txn *txn, const struct cw_id *person,
			     uint32_t kinds, struct cw_record_list *out, struct cw_error *err)
{
	struct criteria c;
	struct list_ctx l = {st, txn, 0, 0, 0, out};
	int rc;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.kinds = kinds;
	c.hi = CW_DATE_KEY_UNKNOWN;
	c.persons.given = 1;
	if (keylist_add(&c.persons, person->b, ID_LEN) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	rc = walk_in_order(st, txn, &c, CW_ORDER_OLDEST_FIRST, list_visit, &l, err);
	criteria_free(&c);
	if (rc != 0)
		cw_record_list_free(out);
	return rc;
}

int cw_store_person_records(struct cw_store *st, const struct cw_id *person, uint32_t kinds,
			    struct cw_record_list *out, struct cw_error *err)
{
	MDB_txn *txn;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = person_records_in(st, txn, person, kinds, out, err);
	mdb_txn_abort(txn);
	return rc;
}

int cw_reader_person_records(struct cw_reader *rd, const struct cw_id *person, uint32_t kinds,
			     struct cw_record_list *out, struct cw_error *err)
{
	return person_records_in(rd->st, rd->txn, person, kinds, out, err);
}

/* The records filed under kase, of kinds, whose date keys lie from lo to hi, oldest first. */
static int case_records_keyed(struct cw_reader *rd, const struct cw_id *kase, uint32_t kinds,
			      uint32_t lo, uint32_t hi, struct cw_record_list *out,
			      struct cw_error *err)
{
	struct criteria c;
	struct list_ctx l = {rd->st, rd->txn, 0, 0, 0, out};
	int rc;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.kinds = kinds;
	c.lo = lo;
	c.hi = hi;
	c.cases.given = 1;
	if (keylist_add(&c.cases, kase->b, ID_LEN) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	rc = walk_in_order(rd->st, rd->txn, &c, CW_ORDER_OLDEST_FIRST, list_visit, &l, err);
	criteria_free(&c);
	if (rc != 0)
		cw_record_list_free(out);
	return rc;
}

int cw_reader_case_records(struct cw_reader *rd, const struct cw_id *kase, uint32_t kinds,
			   struct cw_record_list *out, struct cw_error *err)
{
	return case_records_keyed(rd, kase, kinds, 0, CW_DATE_KEY_UNKNOWN, out, err);
}

int cw_reader_case_records_between(struct cw_reader *rd, const struct cw_id *kase, uint32_t kinds,
				   struct cw_date from, struct cw_date to,
				   struct cw_record_list *out, struct cw_error *err)
{
	uint32_t lo = cw_date_key(from), hi = cw_date_key(to);

	if (!cw_date_is_known(from) || !cw_date_is_known(to) || lo > hi) {
		memset(out, 0, sizeof *out);
		return 0;
	}
	return case_records_keyed(rd, kase, kinds, lo, hi, out, err);
}

int cw_reader_linking(struct cw_reader *rd, const struct cw_id *target, struct cw_id **out,
		      size_t *n, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k = {ID_LEN, (void *)target->b}, v;
	int rc, op;

	*out = NULL;
	*n = 0;
	if ((rc = cw_index_settle(rd->st, rd->txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(rd->txn, rd->st->dbi[DB_BY_LINK], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading the index of links", err);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_id *grown;

		if (k.mv_size != ID_LEN + TAIL_LEN || memcmp(k.mv_data, target->b, ID_LEN) != 0)
			break;
		if (!(grown = realloc(*out, (*n + 1) * sizeof *grown))) {
			rc = CW_ENOMEM;
			break;
		}
		*out = grown;
		memcpy((*out)[(*n)++].b, (const uint8_t *)k.mv_data + ID_LEN + DATE_LEN, ID_LEN);
	}
	mdb_cursor_close(cur);
	if (rc == CW_ENOMEM || (rc != 0 && rc != MDB_NOTFOUND)) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc == CW_ENOMEM
			       ? cw_error_set(err, CW_ENOMEM, "", "out of memory")
			       : cw_store_lmdb_error(NULL, rc, "reading the index of links", err);
	}
	return 0;
}

int cw_store_resolve(struct cw_store *st, enum cw_kind kind, const char *text, struct cw_id *out,
		     struct cw_record_list *cands, struct cw_error *err)
{
	struct keylist exact = {0}, any = {0}, listed = {0};
	char close[256]; /* a name: at most 200 bytes (models/schema.c) */
	struct cw_id near;
	MDB_txn *txn;
	int rc;

	close[0] = '\0';
	if (!*text)
		return cw_error_set(err, CW_EINVAL, cw_kind_name(kind), "is empty");
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = resolve_refs(st, txn, kind, text, &any, err);
	if (rc == 0 && any.n > 1)
		rc = match_names(st, txn, kind, text, 1, 0, &exact, NULL, err);
	if (rc == 0 && any.n > 1 && exact.n != 1 && cands)
		rc = match_names(st, txn, kind, text, 0, 0, &listed, cands, err);
	/* Nothing found: a name close to it may be what was meant (a monitor's typo). Only a
	 * suggestion: what it could not read leaves none. */
	if (rc == 0 && any.n == 0 && (kind == CW_KIND_PERSON || kind == CW_KIND_CASE))
		(void)closest_name(st, txn, kind, text, 1, close, sizeof close, &near);
	mdb_txn_abort(txn);
	if (rc == 0) {
		if (any.n == 1)
			memcpy(out->b, any.keys[0], ID_LEN);
		else if (exact.n == 1)
			memcpy(out->b, exact.keys[0], ID_LEN);
		else if (any.n == 0 && close[0])
			rc = cw_error_set(err, CW_ENOTFOUND, cw_kind_name(kind),
					  "no %s matches '%.60s'; is it '%.60s'?",
					  cw_kind_text(kind), text, close);
		else if (any.n == 0)
			rc = cw_error_set(err, CW_ENOTFOUND, cw_kind_name(kind),
					  "no %s matches '%.60s'", cw_kind_text(kind), text);
		else
			rc = cw_error_set(
				err, CW_EAMBIGUOUS, cw_kind_name(kind),
				"'%.60s' matches %zu %s records; give more of the name or "
				"an id",
				text, any.n, cw_kind_text(kind));
	}
	free(exact.keys);
	free(any.keys);
	free(listed.keys);
	return rc;
}

int cw_store_people_named(struct cw_store *st, const char *name, size_t most,
			  struct cw_record_list *out, struct cw_error *err)
{
	uint8_t start[NAME_HASH_LEN];
	char *folded;
	MDB_txn *txn;
	MDB_cursor *cur;
	MDB_val k = {NAME_HASH_LEN, start}, v;
	/* An index folded by another Unicode version than this casewatch's, opened read-only
	 * (st->fold_stale): its tags may not be the ones the name folds to now, so the people
	 * are walked (by_kind's range of them), each name compared as folded now. */
	uint8_t person = CW_KIND_PERSON;
	enum cw_db db = st->fold_stale ? DB_BY_KIND : DB_BY_NAME;
	size_t plen = st->fold_stale ? 1 : NAME_HASH_LEN;
	int rc, op;

	memset(out, 0, sizeof *out);
	if (st->fold_stale)
		k = (MDB_val){1, &person};
	if ((rc = cw_store_person_name_key(st, name, start)) == 1)
		return 0; /* a name that folds to nothing is no one's */
	if (rc != 0 || !(folded = cw_text_fold(name)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0) {
		free(folded);
		return rc;
	}
	if ((rc = index_settled(st, txn)) != 0 ||
	    (rc = mdb_cursor_open(txn, st->dbi[db], &cur)) != 0) {
		mdb_txn_abort(txn);
		free(folded);
		return cw_store_lmdb_error(NULL, rc, "searching names", err);
	}
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_record rec;
		struct cw_id id;

		if (most && out->n == most)
			break;
		if (k.mv_size != plen + TAIL_LEN ||
		    memcmp(k.mv_data, st->fold_stale ? &person : start, plen) != 0)
			break;
		memcpy(id.b, (uint8_t *)k.mv_data + plen + DATE_LEN, ID_LEN);
		if ((rc = cw_store_read_record(st, txn, &id, &rec, err)) != 0)
			break;
		/* A tag two names share (one in 2^64) files another name here too. */
		if (rec.kind == CW_KIND_PERSON && record_name_matches(&rec, folded, 1) &&
		    cw_record_list_push(out, &rec) != 0)
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		cw_record_free(&rec);
		if (rc != 0)
			break;
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	free(folded);
	if (rc == MDB_NOTFOUND)
		rc = 0;
	else if (rc != 0)
		rc = cw_store_lmdb_error(NULL, rc, "searching names", err);
	if (rc != 0)
		cw_record_list_free(out);
	return rc;
}

/* ---- The names kept for type-ahead (cw_store_people_by_part, cw_store_cases_by_part) ---- */

/* Text is kept in chunks of guarded memory (sodium_malloc: locked out of swap where the
 * system lets it, wiped when freed), never moved once written: a chunk is full, another is
 * made. */
#define NAMES_CHUNK (64 * 1024)

struct names_chunk {
	struct names_chunk *next;
	size_t used, cap;
	char text[];
};

/* A record's label (cw_record_label, what a suggestion shows), its names folded (a person's
 * Latin and Khmer names, a case's title), and the rest of its text, each field folded apart,
 * one a line: what a search finds it by besides them (a person's source, affiliation, province and
 * notes, a spelling merged away among them; a case's number, court, notes and charges, and the
 * names of the people it names as defendants, cw_store_list's free text finding it through them).
 * date: its date key (cw_record_date), a case's list order. */
struct kept_name {
	struct cw_id id;
	uint32_t date;
	const char *label, *fold, *fold_km, *other;
};

/* One kind's records as type-ahead reads them: the people, or the cases. */
struct cw_names_kept {
	enum cw_kind kind;
	size_t txnid;           /* good while the database is at this transaction */
	struct kept_name *recs; /* in a list's order (compare_people, compare_cases) */
	size_t n, cap;
	struct names_chunk *chunks;
	/* The last text asked (folded, in a chunk of its own) and the records it found (indices
	 * of `recs`, ascending), with how each holds it (fit: enum cw_name_fit): a text that
	 * holds it finds only among them. */
	struct names_chunk *last;
	size_t *found;
	unsigned char *fit;
	size_t nfound;
};

static struct names_chunk *names_chunk_new(size_t need, size_t least)
{
	size_t cap = need > least ? need : least;
	struct names_chunk *c;

	/* sodium_malloc aligns an allocation only as its size is (the guard page follows). */
	cap = (cap + 15) & ~(size_t)15;
	if (!(c = sodium_malloc(sizeof *c + cap)))
		return NULL;
	c->next = NULL;
	c->used = 0;
	c->cap = cap;
	return c;
}

static void names_chunks_free(struct names_chunk *c)
{
	while (c) {
		struct names_chunk *next = c->next;

		sodium_free(c); /* wipes it */
		c = next;
	}
}

/* Room for len bytes in k's chunks; NULL when out of memory. */
static char *names_room(struct cw_names_kept *k, size_t len)
{
	char *at;

	if (!k->chunks || k->chunks->cap - k->chunks->used < len) {
		struct names_chunk *c = names_chunk_new(len, NAMES_CHUNK);

		if (!c)
			return NULL;
		c->next = k->chunks;
		k->chunks = c;
	}
	at = k->chunks->text + k->chunks->used;
	k->chunks->used += len;
	return at;
}

/* A copy of s in k's chunks; NULL when out of memory. */
static const char *names_keep(struct cw_names_kept *k, const char *s)
{
	size_t len = strlen(s) + 1;
	char *at = names_room(k, len);

	if (at)
		memcpy(at, s, len);
	return at;
}

void cw_names_kept_free(struct cw_names_kept *k)
{
	if (!k)
		return;
	names_chunks_free(k->chunks);
	names_chunks_free(k->last);
	free(k->recs);
	free(k->found);
	free(k->fit);
	free(k);
}

/* Appends s to b as a line of its own (after a line's end when b holds any). cw_buf wipes
 * what it lets go of: it holds a record's text. -1 when out of memory, else 0. */
static int add_line(struct cw_buf *b, const char *s)
{
	return (b->len && cw_buf_append(b, "\n", 1) != 0) || cw_buf_append(b, s, strlen(s)) != 0
		       ? -1
		       : 0;
}

/* s folded, kept in k's chunks (NULL s: NULL); the fold's own copy wiped. -1 when out of
 * memory, else 0. */
static int keep_folded(struct cw_names_kept *k, const char *s, const char **out)
{
	char *f;

	*out = NULL;
	if (!s || !*s)
		return 0;
	if (!(f = cw_text_fold(s)))
		return -1;
	*out = names_keep(k, f);
	sodium_memzero(f, strlen(f));
	free(f);
	return *out ? 0 : -1;
}

/* s folded, appended to b as a line of its own (nothing when it folds to nothing), the fold's
 * own copy wiped. Each field is folded apart, as record_has_text reads it: folding turns a
 * line's end into a space (and into nothing between two Khmer letters), so text folded whole
 * runs one field into the next, and a text typed across the two would find the record. -1
 * when out of memory, else 0. */
static int add_folded_line(struct cw_buf *b, const char *s)
{
	char *f = cw_text_fold(s);
	int rc;

	if (!f)
		return -1;
	rc = *f ? add_line(b, f) : 0;
	sodium_memzero(f, strlen(f));
	free(f);
	return rc;
}

/* Every string of a struct, at any depth (record_has_text's), folded, one a line, but the
 * names kept apart (skip). */
static int gather_text(struct cw_buf *t, const void *base, const struct cw_schema *s,
		       const char *const *skip)
{
	for (size_t i = 0; s && i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		const char *p = (const char *)base + f->offset;

		if (f->type == CW_F_STR) {
			const char *str = *(char *const *)p;

			if (str && *str && str != skip[0] && str != skip[1] &&
			    add_folded_line(t, str) != 0)
				return -1;
		} else if (f->type == CW_F_LIST) {
			const struct cw_list *l = (const struct cw_list *)p;

			for (size_t j = 0; j < l->n; j++)
				if (gather_text(t, (const char *)l->items + j * f->sub->size,
						f->sub, skip) != 0)
					return -1;
		}
	}
	return 0;
}

/* The people kept, by id, to find a case's defendants among: pointers into their recs. */
struct kept_by_id {
	const struct kept_name **at;
	size_t n;
};

static int compare_by_id(const void *a, const void *b)
{
	return memcmp((*(const struct kept_name *const *)a)->id.b,
		      (*(const struct kept_name *const *)b)->id.b, ID_LEN);
}

static const struct kept_name *kept_person(const struct kept_by_id *by, const struct cw_id *id)
{
	size_t lo = 0, hi = by->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = memcmp(by->at[mid]->id.b, id->b, ID_LEN);

		if (c == 0)
			return by->at[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The text of rec a search finds it by besides its names (record_has_text), each field folded
 * apart, one a line (no text typed holds a line's end: a text is found within one field, as
 * the search finds it), kept in k's chunks (NULL when there is none); a case's defendants'
 * names after it, as the people kept at the same transaction have them folded (by). -1 when
 * out of memory, else 0. */
static int keep_other_text(struct cw_names_kept *k, const struct cw_record *rec,
			   const struct kept_by_id *by, const char **out)
{
	const char *skip[2] = {rec->kind == CW_KIND_PERSON ? rec->u.person.name : rec->u.kase.title,
			       rec->kind == CW_KIND_PERSON ? rec->u.person.name_km : NULL};
	struct cw_buf t = {0};
	char *at;
	int rc = -1;

	*out = NULL;
	if ((rec->source && *rec->source && add_folded_line(&t, rec->source) != 0) ||
	    gather_text(&t, &rec->u, cw_schema_for_kind(rec->kind), skip) != 0)
		goto done;
	/* A defendant's names as their person's are kept (folded already), each a line. */
	for (size_t i = 0; rec->kind == CW_KIND_CASE && i < rec->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)rec->u.kase.defendants.items + i;
		const struct kept_name *p =
			cw_id_is_zero(&d->person) ? NULL : kept_person(by, &d->person);

		if (p && ((p->fold && add_line(&t, p->fold) != 0) ||
			  (p->fold_km && add_line(&t, p->fold_km) != 0)))
			goto done;
	}
	rc = 0;
	if (t.len) {
		if ((at = names_room(k, t.len + 1)) != NULL) {
			memcpy(at, t.data, t.len);
			at[t.len] = '\0';
			*out = at;
		} else {
			rc = -1;
		}
	}
done:
	cw_buf_free(&t);
	return rc;
}

struct keep_ctx {
	struct cw_store *st;
	MDB_txn *txn;
	struct cw_names_kept *k;
	const struct kept_by_id *by; /* cases: the people, to name their defendants by */
	struct cw_error *err;
};

static int keep_record(const struct cw_id *id, void *ctx)
{
	struct keep_ctx *kc = ctx;
	struct cw_names_kept *k = kc->k;
	struct kept_name *p;
	struct cw_record rec;
	int rc;

	if ((rc = cw_store_read_record(kc->st, kc->txn, id, &rec, kc->err)) != 0)
		return rc;
	if (rec.kind != k->kind || !cw_record_label(&rec)[0]) {
		cw_record_free(&rec); /* no name to offer */
		return 0;
	}
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 1024;
		struct kept_name *grown = realloc(k->recs, cap * sizeof *grown);

		if (!grown)
			goto oom;
		k->recs = grown;
		k->cap = cap;
	}
	p = &k->recs[k->n];
	p->id = *id;
	p->date = cw_date_key(cw_record_date(&rec));
	p->fold_km = NULL;
	if (!(p->label = names_keep(k, cw_record_label(&rec))) ||
	    keep_folded(k, k->kind == CW_KIND_PERSON ? rec.u.person.name : rec.u.kase.title,
			&p->fold) != 0 ||
	    (k->kind == CW_KIND_PERSON && keep_folded(k, rec.u.person.name_km, &p->fold_km) != 0) ||
	    keep_other_text(k, &rec, kc->by, &p->other) != 0)
		goto oom;
	k->n++;
	cw_record_free(&rec);
	return 0;
oom:
	cw_record_free(&rec);
	return cw_error_set(kc->err, CW_ENOMEM, "", "out of memory");
}

/* A list of people's order (compare_names): by name, any case, then id. */
static int compare_people(const void *a, const void *b)
{
	const struct kept_name *pa = a, *pb = b;
	int c = strcasecmp(pa->label, pb->label);

	return c ? c : memcmp(pa->id.b, pb->id.b, ID_LEN);
}

/* A list of cases' order newest first (walk_in_order): the dated from the newest down, then
 * the undated, each by id from the highest (the index's keys walked backwards). */
static int compare_cases(const void *a, const void *b)
{
	const struct kept_name *pa = a, *pb = b;
	int ua = pa->date == CW_DATE_KEY_UNKNOWN, ub = pb->date == CW_DATE_KEY_UNKNOWN;

	if (ua != ub)
		return ua - ub;
	if (pa->date != pb->date)
		return pa->date < pb->date ? 1 : -1;
	return -memcmp(pa->id.b, pb->id.b, ID_LEN);
}

/* The kind's records read in txn into *out, in a list's order (by: cases only, the people
 * kept at the same transaction). Nothing is kept when one cannot be read: the error. */
static int kept_read(struct cw_store *st, MDB_txn *txn, enum cw_kind kind,
		     const struct kept_by_id *by, struct cw_names_kept **out, struct cw_error *err)
{
	struct keep_ctx kc = {st, txn, NULL, by, err};
	int rc, walk_failed;

	*out = NULL;
	if (!(kc.k = calloc(1, sizeof *kc.k)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	kc.k->kind = kind;
	kc.k->txnid = mdb_txn_id(txn);
	rc = each_of_kind(st, txn, kind, keep_record, &kc, &walk_failed);
	if (rc != 0) {
		cw_names_kept_free(kc.k);
		return walk_failed ? cw_store_lmdb_error(NULL, rc, "searching names", err) : rc;
	}
	if (kc.k->n > 1)
		qsort(kc.k->recs, kc.k->n, sizeof *kc.k->recs,
		      kind == CW_KIND_PERSON ? compare_people : compare_cases);
	*out = kc.k;
	return 0;
}

/* The kind's records kept (st->kept[0] people, [1] cases), read again when the database has
 * changed since (any write, by any process: a record added, edited, merged, imported, taken
 * from a bundle); the cases with the people, read at the same transaction, since a case is
 * found by its defendants' names. Nothing is kept when a record cannot be read: the next
 * request tries again, and says so again. */
static int names_kept(struct cw_store *st, enum cw_kind kind, struct cw_names_kept **out,
		      struct cw_error *err)
{
	struct cw_names_kept **people = &st->kept[0], **kept = &st->kept[kind == CW_KIND_CASE];
	struct kept_by_id by = {NULL, 0};
	MDB_txn *txn;
	size_t txnid;
	int rc;

	*out = NULL;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	txnid = mdb_txn_id(txn);
	if (*kept && (*kept)->txnid == txnid) {
		mdb_txn_abort(txn);
		*out = *kept;
		return 0;
	}
	cw_names_kept_free(*kept);
	*kept = NULL;
	if (kind == CW_KIND_CASE && (!*people || (*people)->txnid != txnid)) {
		cw_names_kept_free(*people);
		*people = NULL;
		rc = kept_read(st, txn, CW_KIND_PERSON, NULL, people, err);
	}
	if (rc == 0 && kind == CW_KIND_CASE && (*people)->n &&
	    !(by.at = malloc((*people)->n * sizeof *by.at)))
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc == 0 && kind == CW_KIND_CASE) {
		for (size_t i = 0; i < (*people)->n; i++)
			by.at[by.n++] = &(*people)->recs[i];
		if (by.n > 1) /* no people: by.at is NULL, which qsort may not be given */
			qsort(by.at, by.n, sizeof *by.at, compare_by_id);
	}
	if (rc == 0)
		rc = kept_read(st, txn, kind, &by, kept, err);
	mdb_txn_abort(txn);
	free(by.at);
	*out = *kept;
	return rc;
}

/* How a name (folded) holds the text (folded): enum cw_name_fit, or -1 when it does not. */
static int name_fit(const char *name, const char *text)
{
	const char *at;
	int fit = -1;

	if (!name)
		return -1;
	if (!strncmp(name, text, strlen(text)))
		return CW_FIT_START;
	for (at = strstr(name, text); at; at = strstr(at + 1, text)) {
		if (at[-1] == ' ' || at[-1] == '-')
			return CW_FIT_WORD;
		fit = CW_FIT_INSIDE;
	}
	return fit;
}

static int record_fit(const struct kept_name *p, const char *text)
{
	int a = name_fit(p->fold, text), b = name_fit(p->fold_km, text);

	if (a < 0 && b < 0)
		return p->other && strstr(p->other, text) ? CW_FIT_ELSEWHERE : -1;
	return a < 0 ? b : b < 0 ? a : a < b ? a : b;
}

/* Whether a hit of that label is in out already (a name shown, or its namesake). */
static int hit_label_in(const struct cw_name_hit *out, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(out[i].label, label))
			return 1;
	return 0;
}

/* Finds the text among the records kept: k->found from the last text's when it holds that
 * one, else from every record, each with its fit; the text kept as the last. */
static int names_find(struct cw_names_kept *k, const char *folded)
{
	int narrow = k->last && strstr(folded, k->last->text) != NULL;
	size_t from = narrow ? k->nfound : k->n, n = 0;
	size_t *found = malloc((from ? from : 1) * sizeof *found);
	unsigned char *fits = malloc(from ? from : 1);
	struct names_chunk *last = NULL;

	if (!found || !fits || !(last = names_chunk_new(strlen(folded) + 1, 0))) {
		free(found);
		free(fits);
		return CW_ENOMEM;
	}
	for (size_t j = 0; j < from; j++) {
		size_t i = narrow ? k->found[j] : j;
		int fit = record_fit(&k->recs[i], folded);

		if (fit >= 0) {
			fits[n] = (unsigned char)fit;
			found[n++] = i;
		}
	}
	memcpy(last->text, folded, strlen(folded) + 1);
	names_chunks_free(k->last);
	free(k->found);
	free(k->fit);
	k->last = last;
	k->found = found;
	k->fit = fits;
	k->nfound = n;
	return 0;
}

/* cw_store_people_by_part and cw_store_cases_by_part. namesakes: with each label, every other
 * record that bears it (people: a name two bear is neither's); else each label once, the first
 * in the list's order. */
static int by_part(struct cw_store *st, enum cw_kind kind, const char *text, size_t most,
		   int namesakes, struct cw_name_hit **out, size_t *n, struct cw_error *err)
{
	struct cw_names_kept *k;
	size_t labels = 0, cap;
	char *folded;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = names_kept(st, kind, &k, err)) != 0)
		return rc;
	if (!(folded = cw_text_fold(text)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* Text that is not UTF-8 (folded so) is in no name, as cw_text_contains_folded has it. */
	if (strchr(folded, '\xFF') || (rc = names_find(k, folded)) != 0) {
		if (rc != 0)
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		sodium_memzero(folded, strlen(folded));
		free(folded);
		return rc;
	}
	cap = k->nfound < most * 4 ? k->nfound : most * 4;
	if (cap && !(*out = malloc(cap * sizeof **out)))
		rc = CW_ENOMEM;
	/* Best fit first, in the list's order within each: at most `most` labels (and every
	 * namesake of one of them, wherever it comes, when asked). */
	for (int fit = CW_FIT_START; fit <= CW_FIT_ELSEWHERE && rc == 0; fit++)
		for (size_t j = 0; j < k->nfound && rc == 0; j++) {
			const struct kept_name *p = &k->recs[k->found[j]];
			int again;

			if (k->fit[j] != fit)
				continue;
			again = hit_label_in(*out, *n, p->label);
			if ((again && !namesakes) || (!again && labels == most))
				continue;
			if (*n == cap) {
				struct cw_name_hit *grown;

				cap = cap ? cap * 2 : 8;
				if (!(grown = realloc(*out, cap * sizeof *grown))) {
					rc = CW_ENOMEM;
					break;
				}
				*out = grown;
			}
			(*out)[*n].id = p->id;
			if (!((*out)[*n].label = strdup(p->label))) {
				rc = CW_ENOMEM;
				break;
			}
			(*n)++;
			labels += !again;
		}
	sodium_memzero(folded, strlen(folded));
	free(folded);
	if (rc != 0) {
		cw_name_hits_free(*out, *n);
		*out = NULL;
		*n = 0;
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	return 0;
}

int cw_store_people_by_part(struct cw_store *st, const char *text, size_t most,
			    struct cw_name_hit **out, size_t *n, struct cw_error *err)
{
	return by_part(st, CW_KIND_PERSON, text, most, 1, out, n, err);
}

int cw_store_cases_by_part(struct cw_store *st, const char *text, size_t most,
			   struct cw_name_hit **out, size_t *n, struct cw_error *err)
{
	return by_part(st, CW_KIND_CASE, text, most, 0, out, n, err);
}

void cw_name_hits_free(struct cw_name_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sodium_memzero(hits[i].label, strlen(hits[i].label)); /* record text: wiped */
		free(hits[i].label);
	}
	free(hits);
}

struct name_list {
	char **names;
	size_t n, cap;
};

static int add_name(void *ctx, const uint8_t *hash, const char *name)
{
	struct name_list *l = ctx;
	char *copy;

	(void)hash;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		char **grown = realloc(l->names, cap * sizeof *grown);

		if (!grown)
			return CW_ENOMEM;
		l->names = grown;
		l->cap = cap;
	}
	if (!(copy = strdup(name)))
		return CW_ENOMEM;
	l->names[l->n++] = copy;
	return 0;
}

int cw_store_names(struct cw_store *st, enum cw_name_type type, const char *substring,
		   char ***names, size_t *count, struct cw_error *err)
{
	struct name_list l = {NULL, 0, 0};
	MDB_txn *txn;
	int rc;

	*names = NULL;
	*count = 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = each_name(st, txn, type, substring, add_name, &l, err);
	mdb_txn_abort(txn);
	if (rc != 0) {
		cw_store_names_free(l.names, l.n);
		return rc;
	}
	*names = l.names;
	*count = l.n;
	return 0;
}

void cw_store_names_free(char **names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
}

/* exact: the next dates given as `from` alone (`to` not used). */
static int next_dates_in(struct cw_store *st, MDB_txn *txn, const struct cw_filter *f,
			 uint32_t kinds, struct cw_date from, struct cw_date to, int exact,
			 enum cw_order order, size_t limit, struct cw_record_list *out,
			 struct cw_error *err)
{
	struct cw_filter g = *f;
	struct criteria c;
	struct list_ctx l = {st, txn, 0, limit, 0, out};
	struct cw_date none = {0, 0, 0};
	int rc;

	memset(out, 0, sizeof *out);
	g.since = g.until = none;
	g.kinds = kinds & (CW_KIND_BIT(CW_KIND_HEARING) | CW_KIND_BIT(CW_KIND_VISIT));
	if (!g.kinds)
		return 0;
	if ((rc = criteria_build(st, l.txn, &g, g.kinds, &c, err)) == 0) {
		c.next_dates = 1;
		c.lo = cw_date_is_known(from) ? cw_date_key(from) : 0;
		c.hi = exact                  ? c.lo
		       : cw_date_is_known(to) ? cw_date_key(cw_date_last_day(to))
					      : CW_DATE_KEY_UNKNOWN - 1;
		rc = c.lo <= c.hi ? walk_matches(st, l.txn, &c, order == CW_ORDER_NEWEST_FIRST,
						 list_visit, &l, err)
				  : 0;
		if (rc > 0)
			rc = 0;
	}
	criteria_free(&c);
	if (rc != 0)
		cw_record_list_free(out);
	return rc;
}

int cw_store_list_next_dates(struct cw_store *st, const struct cw_filter *f, uint32_t kinds,
			     struct cw_date from, struct cw_date to, enum cw_order order,
			     size_t limit, struct cw_record_list *out, struct cw_error *err)
{
	MDB_txn *txn;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = next_dates_in(st, txn, f, kinds, from, to, 0, order, limit, out, err);
	mdb_txn_abort(txn);
	return rc;
}

int cw_reader_list_next_dates(struct cw_reader *rd, const struct cw_filter *f, uint32_t kinds,
			      struct cw_date from, struct cw_date to, enum cw_order order,
			      size_t limit, struct cw_record_list *out, struct cw_error *err)
{
	return next_dates_in(rd->st, rd->txn, f, kinds, from, to, 0, order, limit, out, err);
}

int cw_reader_add_next_dates_given(struct cw_reader *rd, const struct cw_filter *f, uint32_t kinds,
				   struct cw_date given, struct cw_record_list *out,
				   struct cw_error *err)
{
	struct cw_record_list got;
	int rc;

	if (!cw_date_is_known(given))
		return 0;
	if ((rc = next_dates_in(rd->st, rd->txn, f, kinds, given, given, 1, CW_ORDER_OLDEST_FIRST,
				0, &got, err)) != 0)
		return rc;
	for (size_t i = 0; rc == 0 && i < got.n; i++)
		rc = cw_record_list_push(out, &got.items[i]);
	cw_record_list_free(&got);
	return rc == 0 ? 0 : cw_error_set(err, CW_ENOMEM, "", "out of memory");
}

/* ---- one reading of many records ------------------------------------------------------------ */

int cw_store_reader_begin(struct cw_store *st, struct cw_reader **out, struct cw_error *err)
{
	struct cw_reader *rd = calloc(1, sizeof *rd);
	int rc;

	*out = NULL;
	if (!rd)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	rd->st = st;
	if ((rc = cw_store_begin_read(st, &rd->txn, err)) != 0) {
		free(rd);
		return rc;
	}
	*out = rd;
	return 0;
}

void cw_reader_end(struct cw_reader *rd)
{
	if (!rd)
		return;
	mdb_txn_abort(rd->txn);
	free(rd);
}

int cw_reader_get(struct cw_reader *rd, const struct cw_id *id, struct cw_record *rec,
		  struct cw_error *err)
{
	return cw_store_read_record(rd->st, rd->txn, id, rec, err);
}

/* Whether `text` is found in a name or title of `kind` that is withheld: more names hold it
 * than those shown. */
static int names_withheld(struct cw_reader *rd, enum cw_kind kind, const char *text, int *withheld,
			  struct cw_error *err)
{
	struct keylist all = {0}, shown = {0};
	int rc;

	if ((rc = match_names(rd->st, rd->txn, kind, text, 0, 0, &all, NULL, err)) == 0 &&
	    (rc = match_names(rd->st, rd->txn, kind, text, 0, 1, &shown, NULL, err)) == 0)
		*withheld = all.n > shown.n;
	free(all.keys);
	free(shown.keys);
	return rc;
}

int cw_reader_text_names_withheld(struct cw_reader *rd, const char *text, int *withheld,
				  struct cw_error *err)
{
	static const enum cw_kind kinds[] = {CW_KIND_PERSON, CW_KIND_CASE};
	char *words = strdup(text), *save = NULL;
	int rc = 0;

	*withheld = 0;
	if (!words)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* Each word of it: "Rotha Hem" or "Hem Rotha land" names Hem Rotha as surely as "Hem
	 * Rotha" does (and a name holding the whole text holds each of its words). */
	for (char *w = strtok_r(words, " \t", &save); w && rc == 0 && !*withheld;
	     w = strtok_r(NULL, " \t", &save))
		for (size_t k = 0; rc == 0 && !*withheld && k < sizeof kinds / sizeof kinds[0]; k++)
			rc = names_withheld(rd, kinds[k], w, withheld, err);
	free(words);
	if (rc == CW_ENOMEM)
		cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return rc;
}

int cw_reader_filter_refs(struct cw_reader *rd, enum cw_kind kind, const char *text,
			  struct cw_id **ids, size_t *n, struct cw_error *err)
{
	struct keylist l = {NULL, 0, ID_LEN, 1};
	int rc;

	*ids = NULL;
	*n = 0;
	if ((rc = resolve_refs_kept(rd->st, rd->txn, kind, text, &l, err)) != 0) {
		free(l.keys);
		return rc == CW_ENOMEM ? cw_error_set(err, CW_ENOMEM, "", "out of memory") : rc;
	}
	if (l.n && !(*ids = malloc(l.n * sizeof **ids))) {
		free(l.keys);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	for (size_t i = 0; i < l.n; i++)
		memcpy((*ids)[i].b, l.keys[i], ID_LEN);
	*n = l.n;
	free(l.keys);
	return 0;
}

struct cw_matcher {
	struct cw_reader *rd;
	struct criteria c;
	/* As what is written for others reads (cw_reader_matcher_as_shown): an article is found
	 * only where it is shown, not through the charges of a case written as "[confidential]",
	 * which would tell a partner what the withheld case charges. */
	int as_shown;
	/* Taken as confidential besides those marked (cw_matcher_withhold). */
	struct idset withheld;
	/* Cases read for case_shown: 1 shown, 2 not. A week's records are many and their cases
	 * few: each is read once. */
	struct cw_idmap cases_read;
	/* The same for the detainees of prison visits matched by article (person_shown). */
	struct cw_idmap people_read;
};

int cw_reader_matcher(struct cw_reader *rd, const struct cw_filter *f, uint32_t default_kinds,
		      struct cw_matcher **out, struct cw_error *err)
{
	struct cw_matcher *m = calloc(1, sizeof *m);
	int rc;

	*out = NULL;
	if (!m)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	m->rd = rd;
	if ((rc = criteria_build(rd->st, rd->txn, f, default_kinds, &m->c, err)) != 0) {
		cw_matcher_free(m);
		return rc;
	}
	*out = m;
	return 0;
}

int cw_reader_matcher_as_shown(struct cw_reader *rd, const struct cw_filter *f,
			       uint32_t default_kinds, struct cw_matcher **out,
			       struct cw_error *err)
{
	int rc = cw_reader_matcher(rd, f, default_kinds, out, err);

	if (rc != 0)
		return rc;
	(*out)->as_shown = 1;
	if (!(*out)->c.text)
		return 0;
	free((*out)->c.named.ids);
	memset(&(*out)->c.named, 0, sizeof(*out)->c.named);
	if ((rc = text_names(rd->st, rd->txn, f->text, 1, &(*out)->c.named, err)) != 0) {
		cw_matcher_free(*out);
		*out = NULL;
	}
	return rc;
}

int cw_matcher_withhold(struct cw_matcher *m, const struct cw_id *ids, size_t n,
			struct cw_error *err)
{
	for (size_t i = 0; i < n; i++)
		if (idset_add(&m->withheld, ids[i].b) != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	idset_seal(&m->withheld);
	return 0;
}

/* Whether what the matcher is for shows the record `id` by its name or title: always,
 * unless the matcher is as_shown and the record is withheld (cw_matcher_withhold), reads
 * "[confidential]" there (name_is_shown: a confidential record, a person's confidential
 * name), or cannot be read (deleted: nothing of it is written). `read` keeps each answer. */
static int shown_as_read(struct cw_matcher *m, struct cw_idmap *read, const struct cw_id *id,
			 int *shown, struct cw_error *err)
{
	struct cw_record rec;
	size_t known;
	int rc;

	*shown = 1;
	if (!m->as_shown)
		return 0;
	if (idset_has(&m->withheld, id)) {
		*shown = 0;
		return 0;
	}
	if (cw_idmap_get(read, id, &known)) {
		*shown = known == 1;
		return 0;
	}
	if ((rc = cw_store_read_record(m->rd->st, m->rd->txn, id, &rec, err)) == CW_ENOTFOUND) {
		cw_error_clear(err);
		*shown = 0;
	} else if (rc != 0) {
		return rc;
	} else {
		*shown = name_is_shown(&rec);
		cw_record_free(&rec);
	}
	if (cw_idmap_put(read, id, *shown ? 1 : 2, NULL) < 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return 0;
}

/* Whether what the matcher is for shows the case `id` (its title, its charges). */
static int case_shown(struct cw_matcher *m, const struct cw_id *id, int *shown,
		      struct cw_error *err)
{
	return shown_as_read(m, &m->cases_read, id, shown, err);
}

/* The case a hearing, milestone or incident belongs to (the one whose charges keys.c files it
 * under), or NULL. */
static const struct cw_id *event_case(const struct cw_record *rec)
{
	const struct cw_id *id = NULL;

	if (rec->kind == CW_KIND_HEARING)
		id = &rec->u.hearing.case_id;
	else if (rec->kind == CW_KIND_MILESTONE)
		id = &rec->u.milestone.case_id;
	else if (rec->kind == CW_KIND_INCIDENT)
		id = &rec->u.incident.case_id;
	return id && !cw_id_is_zero(id) ? id : NULL;
}

/* Whether one of the articles a record names itself (a verdict's, a milestone's own list:
 * what keys.c files it under besides its case's charges) is among `articles`. */
static int own_articles_match(const struct cw_store *st, const struct keylist *articles,
			      const struct cw_record *rec)
{
	struct cw_article arts[CW_ARTICLE_LIST_MAX];
	size_t n = 0;
	int gov = rec->view == CW_VIEW_GOVERNMENT;

	if (rec->kind == CW_KIND_MILESTONE)
		n = cw_milestone_articles(&rec->u.milestone, arts);
	for (size_t i = 0; rec->kind == CW_KIND_HEARING && i < rec->u.hearing.verdicts.n; i++)
		if (n < CW_ARTICLE_LIST_MAX)
			arts[n++] = ((const struct cw_verdict *)rec->u.hearing.verdicts.items)[i]
					    .article;
	for (size_t i = 0; i < n; i++) {
		uint8_t key[ARTICLE_TAG_LEN];

		if (arts[i].law == CW_LAW_NONE)
			continue;
		cw_store_article_key(st, &arts[i], gov, key);
		if (keylist_has(articles, key))
			return 1;
	}
	return 0;
}

/* Whether a case naming `person` as a defendant answers the criteria of cases (its articles
 * among the person's own charges in it) and, with m (may be NULL: any case), is shown as m
 * reads it (case_shown). */
static int charged_in_cases(struct cw_store *st, MDB_txn *txn, const struct criteria *cases,
			    struct cw_matcher *m, const struct cw_id *person, int *yes,
			    struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k = {ID_LEN, (void *)person->b}, v;
	int rc = 0, mrc;

	*yes = 0;
	if ((mrc = mdb_cursor_open(txn, st->dbi[DB_BY_PERSON], &cur)) != 0)
		return cw_store_lmdb_error(NULL, mrc, "reading an index", err);
	/* LMDB's codes (mrc) apart from casewatch's (rc): both are negative numbers. */
	for (mrc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); mrc == 0 && rc == 0 && !*yes;
	     mrc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		const uint8_t *key = k.mv_data, *tail = key + ID_LEN;
		struct cw_record kase;
		struct cw_id id;
		int match, shown = 1;

		if (k.mv_size != ID_LEN + TAIL_LEN || memcmp(key, person->b, ID_LEN) != 0)
			break;
		if (tail[DATE_LEN + ID_LEN] != CW_KIND_CASE)
			continue;
		if ((mrc = keys_match(st, txn, cases, NULL, tail, &match)) != 0)
			break;
		memcpy(id.b, tail + DATE_LEN, ID_LEN);
		if (!match || (m && (rc = case_shown(m, &id, &shown, err)) != 0) || !shown)
			continue;
		if ((rc = cw_store_read_record(st, txn, &id, &kase, err)) != 0)
			break;
		for (size_t i = 0; i < kase.u.kase.defendants.n && !*yes; i++) {
			const struct cw_defendant *d =
				(const struct cw_defendant *)kase.u.kase.defendants.items + i;

			*yes = cw_id_equal(&d->person, person) &&
			       (!cases->articles.given ||
				charged_under(st, &kase, d, &cases->articles));
		}
		cw_record_free(&kase);
	}
	mdb_cursor_close(cur);
	if (rc != 0)
		return rc;
	if (mrc != 0 && mrc != MDB_NOTFOUND)
		return cw_store_lmdb_error(NULL, mrc, "reading an index", err);
	return 0;
}

/* walk_people_via_cases for one person: whether a case naming them as a defendant answers
 * the criteria of cases and, as_shown, is shown. */
static int person_via_cases(struct cw_matcher *m, const struct cw_record *person, int *yes,
			    struct cw_error *err)
{
	struct criteria cases = m->c;

	cases.provinces.given = 0; /* a person's province is their own */
	return charged_in_cases(m->rd->st, m->rd->txn, &cases, m, &person->id, yes, err);
}

/* Whether what the matcher is for gives `person` by name. */
static int person_shown(struct cw_matcher *m, const struct cw_id *id, int *shown,
			struct cw_error *err)
{
	return shown_as_read(m, &m->people_read, id, shown, err);
}

/* Whether a prison visit met someone charged under c's articles in a case (visit_tails, for
 * one visit). With m (may be NULL), as m reads it: as_shown, only through a detainee it gives
 * by name and a case it shows, since a visit listed under "Filter: article:494/495" through
 * a detainee or case written "[confidential]" would tell a partner what the withheld one is
 * charged with. */
static int visit_charged(struct cw_store *st, MDB_txn *txn, const struct criteria *c,
			 struct cw_matcher *m, const struct cw_record *visit, int *yes,
			 struct cw_error *err)
{
	const struct cw_list *l =
		visit->kind == CW_KIND_DEMO ? &visit->u.demo.arrested : &visit->u.visit.detainees;
	struct criteria cases;
	int rc = 0;

	*yes = 0;
	memset(&cases, 0, sizeof cases);
	cases.kinds = CW_KIND_BIT(CW_KIND_CASE);
	cases.hi = CW_DATE_KEY_UNKNOWN;
	cases.articles = c->articles;
	for (size_t i = 0; i < l->n && rc == 0 && !*yes; i++) {
		const struct cw_id *p = &((const struct cw_person_ref *)l->items)[i].person;
		int shown = 1;

		if (cw_id_is_zero(p) || (m && (rc = person_shown(m, p, &shown, err)) != 0) ||
		    !shown)
			continue;
		rc = charged_in_cases(st, txn, &cases, m, p, yes, err);
	}
	return rc;
}

/* visit_charged for the visit `id`, read here. */
static int visit_charged_id(struct cw_store *st, MDB_txn *txn, const struct criteria *c,
			    const struct cw_id *id, int *yes, struct cw_error *err)
{
	struct cw_record rec;
	int rc;

	*yes = 0;
	if ((rc = cw_store_read_record(st, txn, id, &rec, err)) != 0)
		return rc;
	rc = visit_charged(st, txn, c, NULL, &rec, yes, err);
	cw_record_free(&rec);
	return rc;
}

/* What walk_matches checks of a record it meets (the stream it comes through answers the
 * criterion that drives the walk: the record's entry under it is there too), dates aside. */
int cw_matcher_test(struct cw_matcher *m, const struct cw_record *rec, int *match,
		    struct cw_error *err)
{
	struct criteria c = m->c, as_read = m->c;
	const struct cw_id *kase;
	uint8_t tail[TAIL_LEN];
	int rc, yes, shown = 1;

	*match = 0;
	if (!(m->c.kinds & (UINT32_C(1) << (rec->kind & 31))))
		return 0;
	/* As shown, a record that names people only in a confidential field (a visit's
	 * detainees) is found through none of them: not by a filter's person, nor by free text
	 * in their names (its index keys, made from the record as stored, still have them). */
	if (m->as_shown && cw_record_people_confidential(rec)) {
		if (m->c.persons.given)
			return 0;
		as_read.named.n = 0;
	}
	/* People match articles, cases and courts through their cases (walk_people_via_cases),
	 * and only their province by their own keys. */
	if (people_via_cases(&m->c)) {
		if ((rc = person_via_cases(m, rec, &yes, err)) != 0 || !yes)
			return rc;
		memset(&c, 0, sizeof c);
		c.kinds = CW_KIND_BIT(CW_KIND_PERSON);
		c.provinces = m->c.provinces;
	}
	/* A visit by its detainees' charges (keys_match leaves it to this), as shown when
	 * as_shown, when asked so; otherwise as any record, by the index. */
	else if (m->c.visits_charged && by_people_kind(rec->kind)) {
		if ((rc = visit_charged(m->rd->st, m->rd->txn, &m->c, m, rec, &yes, err)) != 0 ||
		    !yes)
			return rc;
	}
	/* As shown, an event whose case is withheld has only the articles it names itself. */
	else if (m->c.articles.given && (kase = event_case(rec)) &&
		 (rc = case_shown(m, kase, &shown, err)) != 0)
		return rc;
	if (!shown) {
		if (!own_articles_match(m->rd->st, &m->c.articles, rec))
			return 0;
		c.articles.given = 0;
	}
	/* Every index key the record owns ends with this (keys.c). */
	put_be32(tail, cw_date_key(cw_record_date(rec)));
	memcpy(tail + DATE_LEN, rec->id.b, ID_LEN);
	tail[DATE_LEN + ID_LEN] = rec->kind;
	if ((rc = keys_match(m->rd->st, m->rd->txn, &c, NULL, tail, &yes)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading an index", err);
	*match = yes && (!needs_record(&m->c) || record_matches(&as_read, rec));
	return 0;
}

int cw_matcher_admits_person(const struct cw_matcher *m, const struct cw_id *person)
{
	return !m->c.persons.given || keylist_has(&m->c.persons, person->b);
}

void cw_matcher_free(struct cw_matcher *m)
{
	if (!m)
		return;
	criteria_free(&m->c);
	free(m->withheld.ids);
	cw_idmap_free(&m->cases_read);
	cw_idmap_free(&m->people_read);
	free(m);
}
