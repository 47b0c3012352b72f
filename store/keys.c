/* keys.c - index keys: those a record owns, the names table and the counts; see store.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/codec.h"
#include "models/text.h"
#include "store/store_internal.h"

/* Bytes of index changes a transaction gathers before it writes them (a million-record import
 * is one transaction): about 375,000 changes of 22 bytes. Their sort takes 40 bytes a change
 * more, 15 MiB (massif, a bundle import of 230,000 records: at 16 MiB, with the buffer
 * doubling to 32 MiB, the flush was 60 MB of that import's 106 MB peak). */
#define INDEX_OPS_MOST ((size_t)8 << 20)

/* The keyed hash that stands for a court, province or facility name in keys. */
static void cw_store_name_hash(const struct cw_store *st, const char *name,
			       uint8_t out[NAME_HASH_LEN])
{
	/* Names match whatever their case and spacing: "Phnom Penh  court" = "phnom penh court".
	 * ASCII letters are lowered whatever the locale (tolower(3) leaves "I" so in Turkish). */
	char norm[512];
	size_t n = 0;
	int space = 0;

	for (const char *p = name; *p && n + 1 < sizeof norm; p++) {
		if (isspace((unsigned char)*p)) {
			space = n > 0;
			continue;
		}
		if (space && n + 2 < sizeof norm)
			norm[n++] = ' ';
		space = 0;
		norm[n++] = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
	}
	if (!cw_store_name_tag(st, 0, norm, n, out))
		crypto_generichash(out, NAME_HASH_LEN, (const unsigned char *)norm, n, st->name_key,
				   sizeof st->name_key);
}

void cw_store_name_key(const struct cw_store *st, enum cw_name_type type, const char *name,
		       uint8_t out[1 + NAME_HASH_LEN])
{
	out[0] = (uint8_t)type;
	cw_store_name_hash(st, name, out + 1);
}

int cw_store_person_name_key(const struct cw_store *st, const char *name,
			     uint8_t out[NAME_HASH_LEN])
{
	char *folded = cw_text_fold(name);
	size_t len;

	if (!folded)
		return CW_ENOMEM;
	if (!(len = strlen(folded))) {
		free(folded);
		return 1;
	}
	if (!cw_store_name_tag(st, 1, folded, len, out)) {
		/* Not the hash a court's or province's name has: a purpose byte first. */
		crypto_generichash_state h;

		crypto_generichash_init(&h, st->name_key, sizeof st->name_key, NAME_HASH_LEN);
		crypto_generichash_update(&h, (const unsigned char *)"h", 1);
		crypto_generichash_update(&h, (const unsigned char *)folded, len);
		crypto_generichash_final(&h, out, NAME_HASH_LEN);
	}
	free(folded);
	return 0;
}

/* The tags of names and articles a write transaction has computed. A batch names the same
 * few dozen courts, provinces and articles over and over, and each tag is a keyed BLAKE2b:
 * 4% of the benchmark's load (perf) before they were kept. An entry is the tag's input (a
 * type byte, then the name as written or the article's key) and the tag; the table starts
 * again when half full, and goes with its transaction (it holds names in the clear). */
#define TAG_MEMO_SLOTS   512
#define TAG_MEMO_INPUT   62 /* longer names are tagged each time */
#define TAG_MEMO_ARTICLE 0xFF
_Static_assert(ARTICLE_TAG_LEN == NAME_HASH_LEN, "the memo keeps tags of one size");

struct cw_tag_memo {
	size_t n;
	struct {
		uint8_t len; /* of the input; 0: an empty slot */
		uint8_t in[TAG_MEMO_INPUT + 1];
		uint8_t tag[NAME_HASH_LEN];
	} slot[TAG_MEMO_SLOTS];
};

static size_t tag_memo_hash(uint8_t type, const void *text, size_t len)
{
	uint32_t h = 2166136261u ^ type;

	for (size_t k = 0; k < len; k++)
		h = (h ^ ((const uint8_t *)text)[k]) * 16777619u;
	return h & (TAG_MEMO_SLOTS - 1);
}

/* The tag kept for the input type + text, or NULL. */
static const uint8_t *tag_memo_get(const struct cw_txn *t, uint8_t type, const void *text,
				   size_t len)
{
	const struct cw_tag_memo *m = t ? t->tags : NULL;

	if (!m || len > TAG_MEMO_INPUT)
		return NULL;
	for (size_t i = tag_memo_hash(type, text, len); m->slot[i].len;
	     i = (i + 1) & (TAG_MEMO_SLOTS - 1))
		if (m->slot[i].len == len + 1 && m->slot[i].in[0] == type &&
		    !memcmp(m->slot[i].in + 1, text, len))
			return m->slot[i].tag;
	return NULL;
}

/* Keeps the tag of an input tag_memo_get did not find, when the transaction keeps tags. */
static void tag_memo_put(struct cw_txn *t, uint8_t type, const void *text, size_t len,
			 const uint8_t tag[NAME_HASH_LEN])
{
	struct cw_tag_memo *m;
	size_t i;

	if (!t || !t->cases_on || len > TAG_MEMO_INPUT)
		return;
	if (!t->tags && !(t->tags = calloc(1, sizeof *t->tags)))
		return; /* only a shortcut is lost */
	m = t->tags;
	if ((m->n + 1) * 2 > TAG_MEMO_SLOTS)
		memset(m, 0, sizeof *m);
	for (i = tag_memo_hash(type, text, len); m->slot[i].len; i = (i + 1) & (TAG_MEMO_SLOTS - 1))
		;
	m->n++;
	m->slot[i].len = (uint8_t)(len + 1);
	m->slot[i].in[0] = type;
	memcpy(m->slot[i].in + 1, text, len);
	memcpy(m->slot[i].tag, tag, NAME_HASH_LEN);
}

void cw_tag_memo_free(struct cw_txn *t)
{
	if (t->tags)
		sodium_memzero(t->tags, sizeof *t->tags);
	free(t->tags);
	t->tags = NULL;
}

static void memo_name_key(struct cw_txn *t, enum cw_name_type type, const char *name,
			  uint8_t out[1 + NAME_HASH_LEN])
{
	size_t len = strlen(name);
	const uint8_t *tag = tag_memo_get(t, (uint8_t)type, name, len);

	out[0] = (uint8_t)type;
	if (tag) {
		memcpy(out + 1, tag, NAME_HASH_LEN);
		return;
	}
	cw_store_name_key(t->st, type, name, out);
	tag_memo_put(t, (uint8_t)type, name, len, out + 1);
}

/* The keys one record owns, as entries (db, key length, key), and the texts of the names
 * (courts, provinces, prisons) they stand for, as entries (key(9), text length(2), text). */
struct keyset {
	struct cw_buf buf;
	struct cw_buf names;
	uint8_t kind;
	int oom;
	const struct cw_store *st; /* for the tags that stand for articles */
	int gov;                   /* the record is the government's account: its article keys */
	struct cw_txn *t;          /* whose tags are kept (tag_memo_get, tag_memo_put) */
};

static void keyset_add(struct keyset *ks, enum cw_db db, const void *key, size_t len)
{
	uint8_t head[2] = {(uint8_t)db, (uint8_t)len};

	/* The same key twice (a case charging 494 to two defendants) is written once. */
	for (size_t off = 0; off + 2 <= ks->buf.len; off += 2 + ks->buf.data[off + 1])
		if (ks->buf.data[off] == db && ks->buf.data[off + 1] == len &&
		    memcmp(ks->buf.data + off + 2, key, len) == 0)
			return;
	if (cw_buf_append(&ks->buf, head, 2) != 0 || cw_buf_append(&ks->buf, key, len) != 0)
		ks->oom = 1;
}

/* Adds prefix + date + id to an index. */
static void keyset_index(struct keyset *ks, enum cw_db db, const void *prefix, size_t plen,
			 uint32_t date, const struct cw_id *id)
{
	uint8_t key[64];

	if (plen)
		memcpy(key, prefix, plen);
	put_be32(key + plen, date);
	memcpy(key + plen + DATE_LEN, id->b, ID_LEN);
	key[plen + DATE_LEN + ID_LEN] = ks->kind;
	keyset_add(ks, db, key, plen + TAIL_LEN);
}

static void keyset_name(struct keyset *ks, enum cw_db db, enum cw_name_type type, const char *name,
			uint32_t date, const struct cw_id *id)
{
	uint8_t nk[1 + NAME_HASH_LEN];

	if (!name || !*name)
		return;
	memo_name_key(ks->t, type, name, nk);
	keyset_add(ks, DB_NAMES, nk, sizeof nk);
	{
		/* Kept for the names table: a case's court is no longer at hand when keys are
		 * written for a hearing. */
		size_t tlen = strlen(name) > 0xFFFF ? 0xFFFF : strlen(name);
		uint8_t head[2] = {(uint8_t)(tlen >> 8), (uint8_t)tlen};

		if (cw_buf_append(&ks->names, nk, sizeof nk) != 0 ||
		    cw_buf_append(&ks->names, head, 2) != 0 ||
		    cw_buf_append(&ks->names, name, tlen) != 0)
			ks->oom = 1;
	}
	if (db != DB_NAMES)
		keyset_index(ks, db, nk + 1, NAME_HASH_LEN, date, id);
}

static void keyset_article(struct keyset *ks, const struct cw_article *a, uint32_t date,
			   const struct cw_id *id)
{
	uint8_t ak[ARTICLE_TAG_LEN], in[1 + CW_ARTICLE_KEY_LEN];
	const uint8_t *tag;
	size_t len;

	if (a->law == CW_LAW_NONE)
		return;
	/* Kept by the article's key and the account it is filed under. A plain database's
	 * article keys are the key itself: nothing to keep. */
	in[0] = (uint8_t)ks->gov;
	cw_article_key(a, in + 1);
	if (ks->st->vault && (tag = tag_memo_get(ks->t, TAG_MEMO_ARTICLE, in, sizeof in))) {
		keyset_index(ks, DB_BY_ARTICLE, tag, ARTICLE_TAG_LEN, date, id);
		return;
	}
	len = cw_store_article_key(ks->st, a, ks->gov, ak);
	if (ks->st->vault && len == ARTICLE_TAG_LEN)
		tag_memo_put(ks->t, TAG_MEMO_ARTICLE, in, sizeof in, ak);
	keyset_index(ks, DB_BY_ARTICLE, ak, len, date, id);
}

/* Whether a defendant is the one an event concerns: its person, or a group by its label. */
static int is_defendant(const struct cw_defendant *d, const struct cw_id *person, const char *group)
{
	if (person)
		return cw_id_equal(&d->person, person);
	return group && cw_id_is_zero(&d->person) && d->label && strcasecmp(d->label, group) == 0;
}

/* Indexes an event under the case it belongs to: the case's articles (for a milestone only
 * the charges of its person or group, and none when the case does not name that one: they are
 * charged with nothing in it, as cw_case_event_articles and the report read it (schema 14);
 * none either when `articles` is 0, for a milestone that names its own), defendants, court,
 * province. The case's charges are filed under the government's keys only when both the event
 * and the case are the government's account (schema 15): the government's account of an
 * arrest in a case the team follows is under 494/495 like the team's own account of it (a
 * field trial's 494/495 filter lost the government's date of a disputed arrest, which the
 * report's detention figures still quoted), while its account of its own case (Rong Chhun's)
 * stays under keys of its own. */
static void keyset_from_case(struct keyset *ks, const struct cw_record *kase,
			     const struct cw_id *only_person, const char *only_group, int persons,
			     int articles, const char *own_court, uint32_t date,
			     const struct cw_id *id)
{
	const struct cw_case *c = &kase->u.kase;
	int record_gov = ks->gov;

	if (only_group && !*only_group)
		only_group = NULL;
	ks->gov = record_gov && kase->view == CW_VIEW_GOVERNMENT;
	for (size_t i = 0; i < c->defendants.n; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)c->defendants.items + i;

		if ((only_person || only_group) && !is_defendant(d, only_person, only_group))
			continue;
		for (size_t j = 0; articles && j < d->charges.n; j++)
			keyset_article(ks, &((const struct cw_charge *)d->charges.items)[j].article,
				       date, id);
		if (persons && !cw_id_is_zero(&d->person))
			keyset_index(ks, DB_BY_PERSON, d->person.b, ID_LEN, date, id);
	}
	ks->gov = record_gov;
	keyset_name(ks, DB_BY_COURT, CW_NAME_COURT, own_court && *own_court ? own_court : c->court,
		    date, id);
	keyset_name(ks, DB_BY_PROVINCE, CW_NAME_PROVINCE, c->court_province, date, id);
}

static void keyset_person_list(struct keyset *ks, const struct cw_list *l, uint32_t date,
			       const struct cw_id *id)
{
	for (size_t i = 0; i < l->n; i++)
		keyset_index(ks, DB_BY_PERSON, ((const struct cw_person_ref *)l->items)[i].person.b,
			     ID_LEN, date, id);
}

/* The pretrial-detention keys of a hearing or milestone (detention.c), with its case. */
static void keyset_detention(void *ks, const uint8_t *key, size_t len)
{
	keyset_add(ks, DB_DETENTION, key, len);
}

/* The case a hearing or milestone belongs to, into *kase (`own` or one the transaction kept:
 * cases.c): 0, 1 when it is deleted (on another laptop, its deletion merged here while this
 * record named it: the record keeps its own keys only), or a negative error. The caller frees
 * `own` either way. */
static int read_case(struct cw_txn *t, const struct cw_id *id, struct cw_record *own,
		     const struct cw_record **kase, struct cw_error *err)
{
	int rc = cw_case_cache_read(t, id, own, kase, err);

	if (rc == CW_ENOTFOUND) {
		cw_error_clear(err);
		return 1;
	}
	return rc;
}

/* Computes every key rec owns. Looks up the case of a hearing or milestone in txn. */
static int compute_keys(struct cw_txn *t, const struct cw_record *rec, struct keyset *ks,
			struct cw_error *err)
{
	uint32_t date = cw_date_key(cw_record_date(rec));
	const struct cw_id *id = &rec->id;
	uint8_t kind = rec->kind;
	struct cw_record own;
	const struct cw_record *kase;
	int rc;

	ks->kind = kind;
	ks->gov = rec->view == CW_VIEW_GOVERNMENT;
	ks->t = t;
	keyset_index(ks, DB_BY_KIND, &kind, 1, date, id);
	if (CW_KIND_IS_EVENT(rec->kind))
		keyset_index(ks, DB_BY_DATE, NULL, 0, date, id);
	/* Under each record it links to: links are kept on one side, and a report finds the
	 * accounts of an event from either (cw_reader_linking). */
	for (size_t i = 0; i < rec->links.n; i++)
		keyset_index(ks, DB_BY_LINK, ((const struct cw_link *)rec->links.items)[i].record.b,
			     ID_LEN, date, id);
	switch (rec->kind) {
	case CW_KIND_PERSON: {
		/* Under each of their names, Latin and Khmer (once when both fold the same). */
		const char *names[2] = {rec->u.person.name, rec->u.person.name_km};

		keyset_name(ks, DB_BY_PROVINCE, CW_NAME_PROVINCE, rec->u.person.province, date, id);
		for (int i = 0; i < 2; i++) {
			uint8_t tag[NAME_HASH_LEN];

			if (!names[i] || !*names[i] ||
			    (rc = cw_store_person_name_key(ks->st, names[i], tag)) == 1)
				continue;
			if (rc != 0)
				ks->oom = 1;
			else
				keyset_index(ks, DB_BY_NAME, tag, NAME_HASH_LEN, date, id);
		}
		break;
	}
	case CW_KIND_CASE:
		keyset_from_case(ks, rec, NULL, NULL, 1, 1, NULL, date, id);
		/* The defendants its entries say are detained (detention.c). */
		cw_store_detention_keys(rec, rec, keyset_detention, ks);
		break;
	case CW_KIND_HEARING: {
		const struct cw_hearing *h = &rec->u.hearing;

		if (cw_date_is_known(h->next_date))
			keyset_index(ks, DB_BY_NEXT_DATE, NULL, 0, cw_date_key(h->next_date), id);
		if (cw_id_is_zero(&h->case_id)) { /* a tally of hearings across cases */
			keyset_name(ks, DB_BY_COURT, CW_NAME_COURT, h->court, date, id);
		} else {
			keyset_index(ks, DB_BY_CASE, h->case_id.b, ID_LEN, date, id);
			if ((rc = read_case(t, &h->case_id, &own, &kase, err)) < 0) {
				cw_record_free(&own);
				return rc;
			}
			if (rc == 0) {
				keyset_from_case(ks, kase, NULL, NULL, 1, 1, h->court, date, id);
				cw_store_detention_keys(rec, kase, keyset_detention, ks);
				cw_record_free(&own);
			} else {
				keyset_name(ks, DB_BY_COURT, CW_NAME_COURT, h->court, date, id);
			}
		}
		for (size_t i = 0; i < h->attendance.n; i++)
			keyset_index(
				ks, DB_BY_PERSON,
				((const struct cw_attendance *)h->attendance.items)[i].person.b,
				ID_LEN, date, id);
		for (size_t i = 0; i < h->verdicts.n; i++) {
			const struct cw_verdict *v =
				(const struct cw_verdict *)h->verdicts.items + i;

			keyset_article(ks, &v->article, date, id);
			if (!cw_id_is_zero(&v->person))
				keyset_index(ks, DB_BY_PERSON, v->person.b, ID_LEN, date, id);
		}
		break;
	}
	case CW_KIND_MILESTONE: {
		const struct cw_milestone *m = &rec->u.milestone;
		struct cw_article arts[CW_ARTICLE_LIST_MAX];
		size_t na = cw_milestone_articles(m, arts);

		/* A group's event is in no person's timeline: it names none of them. */
		if (!cw_id_is_zero(&m->person))
			keyset_index(ks, DB_BY_PERSON, m->person.b, ID_LEN, date, id);
		/* Under the articles it names, as the report counts it (a charge under 494 and
		 * 495 is no lese-majeste charge however its case goes on); naming none, under
		 * every charge of its person or group in the case (below). */
		for (size_t i = 0; i < na; i++)
			keyset_article(ks, &arts[i], date, id);
		if (cw_id_is_zero(&m->case_id)) {
			keyset_name(ks, DB_BY_COURT, CW_NAME_COURT, m->court, date, id);
			break;
		}
		keyset_index(ks, DB_BY_CASE, m->case_id.b, ID_LEN, date, id);
		if ((rc = read_case(t, &m->case_id, &own, &kase, err)) < 0) {
			cw_record_free(&own);
			return rc;
		}
		if (rc == 0) {
			keyset_from_case(ks, kase, cw_id_is_zero(&m->person) ? NULL : &m->person,
					 m->group, 0, na == 0, m->court, date, id);
			cw_store_detention_keys(rec, kase, keyset_detention, ks);
			cw_record_free(&own);
		} else {
			keyset_name(ks, DB_BY_COURT, CW_NAME_COURT, m->court, date, id);
		}
		break;
	}
	case CW_KIND_VISIT:
		/* A follow-up due is on the agenda, beside the hearings' next dates. */
		if (cw_date_is_known(rec->u.visit.follow_up_on))
			keyset_index(ks, DB_BY_NEXT_DATE, NULL, 0,
				     cw_date_key(rec->u.visit.follow_up_on), id);
		keyset_person_list(ks, &rec->u.visit.detainees, date, id);
		keyset_name(ks, DB_NAMES, CW_NAME_FACILITY, rec->u.visit.facility, date, id);
		keyset_name(ks, DB_BY_PROVINCE, CW_NAME_PROVINCE, rec->u.visit.facility_province,
			    date, id);
		break;
	case CW_KIND_DEMO:
		keyset_person_list(ks, &rec->u.demo.arrested, date, id);
		keyset_name(ks, DB_BY_PROVINCE, CW_NAME_PROVINCE, rec->u.demo.province, date, id);
		break;
	case CW_KIND_INCIDENT: {
		const struct cw_incident *in = &rec->u.incident;

		/* By date and kind (above), its people, and its case with the case's articles,
		 * court and province when it belongs to one. */
		keyset_person_list(ks, &in->persons, date, id);
		keyset_name(ks, DB_BY_PROVINCE, CW_NAME_PROVINCE, in->province, date, id);
		if (cw_id_is_zero(&in->case_id))
			break;
		keyset_index(ks, DB_BY_CASE, in->case_id.b, ID_LEN, date, id);
		if ((rc = cw_case_cache_read(t, &in->case_id, &own, &kase, err)) != 0) {
			cw_record_free(&own);
			return rc;
		}
		keyset_from_case(ks, kase, NULL, NULL, 0, 1, NULL, date, id);
		cw_record_free(&own);
		break;
	}
	}
	return ks->oom ? cw_error_set(err, CW_ENOMEM, "", "out of memory") : 0;
}

/* Writes or removes one name's use count; the name text is kept for pickers. */
static int name_count(struct cw_txn *t, const uint8_t *key, size_t klen, int delta,
		      const char *text, struct cw_error *err)
{
	MDB_val k = {klen, (void *)key}, v;
	uint32_t count = 0;
	struct cw_buf nv = {0};
	int rc;
	uint8_t be[4];

	if (t->defer)
		return cw_pending_add(t, DB_NAMES, key, klen, delta, text) == 0
			       ? 0
			       : cw_error_set(err, CW_ENOMEM, "", "out of memory");
	rc = mdb_get(t->txn, t->st->dbi[DB_NAMES], &k, &v);
	if (rc == 0 && v.mv_size >= 4)
		count = get_be32(v.mv_data);
	else if (rc != MDB_NOTFOUND && rc != 0)
		return cw_store_lmdb_error(t, rc, "updating names", err);
	if (delta < 0 && count <= 1) {
		rc = count ? mdb_del(t->txn, t->st->dbi[DB_NAMES], &k, NULL) : 0;
		return rc ? cw_store_lmdb_error(t, rc, "updating names", err) : 0;
	}
	put_be32(be, count + (delta > 0 ? 1 : (uint32_t)-1));
	if (cw_buf_append(&nv, be, 4) != 0)
		return CW_ENOMEM;
	/* The name itself (sealed or not) is copied as it is: only the count changes. */
	if (rc == 0 && v.mv_size > 4)
		rc = cw_buf_append(&nv, (uint8_t *)v.mv_data + 4, v.mv_size - 4);
	else
		rc = cw_store_name_body(t->st, &k, text, &nv);
	if (rc != 0) {
		cw_buf_free(&nv);
		return CW_ENOMEM;
	}
	rc = mdb_put(t->txn, t->st->dbi[DB_NAMES], &k, &(MDB_val){nv.len, nv.data}, 0);
	cw_buf_free(&nv);
	return rc ? cw_store_lmdb_error(t, rc, "updating names", err) : 0;
}

/* The name text a DB_NAMES key stands for, from the key set that wrote it. */
static const char *keyset_name_text(const struct keyset *ks, const uint8_t *nk, size_t *len)
{
	const uint8_t *p = ks->names.data, *end = p + ks->names.len;

	while (p && p + 1 + NAME_HASH_LEN + 2 <= end) {
		size_t tlen = (size_t)p[1 + NAME_HASH_LEN] << 8 | p[2 + NAME_HASH_LEN];

		if (memcmp(p, nk, 1 + NAME_HASH_LEN) == 0) {
			*len = tlen;
			return (const char *)p + 3 + NAME_HASH_LEN;
		}
		p += 3 + NAME_HASH_LEN + tlen;
	}
	*len = 0;
	return "";
}

/* Keeps the number of entries under an index prefix per kind, so that "how many records charge
 * 494" is a read, not a walk over hundreds of thousands of keys. */
static int count_adjust(struct cw_txn *t, enum cw_db db, const uint8_t *key, size_t len, int delta,
			struct cw_error *err)
{
	uint8_t ck[1 + 16 + KIND_LEN];
	size_t plen = len - TAIL_LEN;
	MDB_val k = {1 + plen + KIND_LEN, ck}, v;
	uint64_t n = 0;
	uint8_t be[8];
	int rc;

	ck[0] = (uint8_t)db;
	memcpy(ck + 1, key, plen);
	ck[1 + plen] = key[len - 1];
	if (t->defer)
		return cw_pending_add(t, DB_COUNTS, ck, k.mv_size, delta, NULL) == 0
			       ? 0
			       : cw_error_set(err, CW_ENOMEM, "", "out of memory");
	rc = mdb_get(t->txn, t->st->dbi[DB_COUNTS], &k, &v);
	if (rc == 0 && v.mv_size == 8)
		n = get_be64(v.mv_data);
	else if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "updating counts", err);
	n = delta > 0 ? n + 1 : n ? n - 1 : 0;
	if (n == 0) {
		rc = mdb_del(t->txn, t->st->dbi[DB_COUNTS], &k, NULL);
		return rc && rc != MDB_NOTFOUND ? cw_store_lmdb_error(t, rc, "updating counts", err)
						: 0;
	}
	put_be64(be, n);
	v.mv_size = 8;
	v.mv_data = be;
	if ((rc = mdb_put(t->txn, t->st->dbi[DB_COUNTS], &k, &v, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "updating counts", err);
	return 0;
}

/* Adds (delta 1) or removes (delta -1) one index key, through cur when given, and counts it
 * when that changed something. */
static int index_change(struct cw_txn *t, MDB_cursor *cur, enum cw_db db, MDB_val *k, int delta,
			struct cw_error *err)
{
	MDB_val v = {0, NULL};
	int rc;

	if (!cur)
		rc = delta > 0 ? mdb_put(t->txn, t->st->dbi[db], k, &v, MDB_NOOVERWRITE)
			       : mdb_del(t->txn, t->st->dbi[db], k, NULL);
	else if (delta > 0)
		rc = mdb_cursor_put(cur, k, &v, MDB_NOOVERWRITE);
	else if ((rc = mdb_cursor_get(cur, k, &v, MDB_SET)) == 0)
		rc = mdb_cursor_del(cur, 0);
	if (rc == MDB_KEYEXIST || (delta < 0 && rc == MDB_NOTFOUND))
		return 0; /* nothing changed: nothing to count */
	if (rc != 0)
		return cw_store_lmdb_error(t, rc, "updating an index", err);
	if ((db == DB_BY_KIND || db == DB_BY_ARTICLE) && k->mv_size >= TAIL_LEN &&
	    k->mv_size <= TAIL_LEN + 16)
		return count_adjust(t, db, k->mv_data, k->mv_size, delta, err);
	return 0;
}

/* Adds (delta 1) or removes (delta -1) every key of a key set, or only those of one index
 * (only: DB_COUNT for all). */
static int apply_keys(struct cw_txn *t, const uint8_t *data, size_t len, int delta,
		      const struct keyset *ks, enum cw_db only, struct cw_error *err)
{
	for (size_t off = 0; off + 2 <= len; off += 2 + data[off + 1]) {
		enum cw_db db = (enum cw_db)data[off];
		MDB_val k = {data[off + 1], (void *)(data + off + 2)};
		int rc;

		if (db >= DB_COUNT || off + 2 + data[off + 1] > len)
			return cw_error_set(err, CW_EDB, "database", "index list is corrupt");
		if (only != DB_COUNT && db != only)
			continue;
		if (db == DB_NAMES) {
			char text[512] = "";

			if (delta > 0 && ks) {
				size_t tlen;
				const char *src = keyset_name_text(ks, k.mv_data, &tlen);

				tlen = tlen < sizeof text ? tlen : sizeof text - 1;
				memcpy(text, src, tlen);
				text[tlen] = '\0';
			}
			if ((rc = name_count(t, k.mv_data, k.mv_size, delta, text, err)) != 0)
				return rc;
			continue;
		}
		if (t->index_defer) {
			uint8_t head[2] = {(uint8_t)db, delta > 0};

			/* Written out before the buffer would pass its most, not after: its room
			 * then never doubles past it. */
			if (t->index_ops.len + sizeof head + 1 + data[off + 1] > INDEX_OPS_MOST &&
			    (rc = cw_index_flush(t, err)) != 0)
				return rc;
			if (cw_buf_append(&t->index_ops, head, sizeof head) != 0 ||
			    cw_buf_append(&t->index_ops, data + off + 1,
					  1 + (size_t)data[off + 1]) != 0)
				return cw_error_set(err, CW_ENOMEM, "", "out of memory");
			continue;
		}
		if ((rc = index_change(t, NULL, db, &k, delta, err)) != 0)
			return rc;
	}
	return 0;
}

/* ---- index changes in key order (store_internal.h) ---------------------------------------- */

struct index_op {
	/* Eight bytes of the sort string (the table, then the key, zeros past its end) as one
	 * big-endian number: the word sort_ops is ordering by at the moment. */
	uint64_t word;
	const uint8_t *entry; /* db(1) add(1) length(1) key */
	size_t seq;           /* its place among the changes: a key added and removed keeps order */
};

static int index_op_order(const void *pa, const void *pb)
{
	const struct index_op *a = pa, *b = pb;
	size_t la = a->entry[2], lb = b->entry[2];
	int c;

	if (a->entry[0] != b->entry[0])
		return a->entry[0] < b->entry[0] ? -1 : 1;
	if ((c = memcmp(a->entry + 3, b->entry + 3, la < lb ? la : lb)) != 0)
		return c;
	if (la != lb)
		return la < lb ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Word w of an entry's sort string: the table's byte, then the key. */
static uint64_t op_word(const uint8_t *e, size_t w)
{
	size_t len = (size_t)e[2] + 1;
	uint64_t word = 0;

	for (size_t i = w * 8; i < w * 8 + 8; i++)
		word = word << 8 | (i >= len ? 0 : i == 0 ? e[0] : e[3 + i - 1]);
	return word;
}

#define SORT_RUN_SMALL 16 /* runs this short are sorted by comparison */

/* Sorts v by index_op_order, from word w of the sort strings on (the words before it are the
 * same in all of v): a stable radix sort on word w, then each run that shares it by the next
 * word, the same way. Entries of one index mostly differ early, but those under a keyed name
 * or article share their first eight bytes or more (every hearing of a court). A comparison
 * sort was 10% of the benchmark's load (callgrind), most of it moving elements and calling
 * the comparison. tmp has room for n. */
static void sort_ops_from(struct index_op *v, struct index_op *tmp, size_t n, size_t w)
{
	struct index_op *from = v, *to = tmp;
	size_t longest = 0;

	if (n <= SORT_RUN_SMALL) {
		qsort(v, n, sizeof *v, index_op_order);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		v[i].word = op_word(v[i].entry, w);
		if ((size_t)v[i].entry[2] + 1 > longest)
			longest = (size_t)v[i].entry[2] + 1;
	}
	for (unsigned shift = 0; shift < 64; shift += 8) {
		size_t count[256] = {0}, pos = 0;

		for (size_t i = 0; i < n; i++)
			count[(from[i].word >> shift) & 0xFF]++;
		if (count[(from[0].word >> shift) & 0xFF] == n)
			continue; /* every word has the same byte here */
		for (size_t d = 0; d < 256; d++) {
			size_t c = count[d];

			count[d] = pos;
			pos += c;
		}
		for (size_t i = 0; i < n; i++)
			to[count[(from[i].word >> shift) & 0xFF]++] = from[i];
		to = from;
		from = from == v ? tmp : v;
	}
	if (from != v)
		memcpy(v, from, n * sizeof *v);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && v[j].word == v[i].word; j++)
			;
		if (j - i < 2)
			continue;
		/* Past every key's end only the lengths and the order of the changes remain. */
		if ((w + 1) * 8 >= longest)
			qsort(v + i, j - i, sizeof *v, index_op_order);
		else
			sort_ops_from(v + i, tmp + i, j - i, w + 1);
	}
}

int cw_index_ops_sorted(const uint8_t *ops, size_t len, size_t **out, size_t *count)
{
	struct index_op *v, *tmp;
	size_t n = 0;

	*out = NULL;
	*count = 0;
	for (size_t off = 0; off + 3 <= len; off += 3 + ops[off + 2])
		n++;
	if (!n)
		return 0;
	v = malloc(n * sizeof *v);
	tmp = malloc(n * sizeof *tmp);
	*out = malloc(n * sizeof **out);
	if (!v || !tmp || !*out) {
		free(v);
		free(tmp);
		free(*out);
		*out = NULL;
		return -1;
	}
	n = 0;
	for (size_t off = 0; off + 3 <= len; off += 3 + ops[off + 2]) {
		v[n].entry = ops + off;
		v[n].seq = n;
		n++;
	}
	sort_ops_from(v, tmp, n, 0);
	for (size_t i = 0; i < n; i++)
		(*out)[i] = (size_t)(v[i].entry - ops);
	free(v);
	free(tmp);
	*count = n;
	return 0;
}

int cw_index_flush(struct cw_txn *t, struct cw_error *err)
{
	const uint8_t *ops = t->index_ops.data;
	size_t n;
	size_t *order;
	MDB_cursor *cur = NULL;
	int db = -1, rc = 0;

	if (!t->index_ops.len)
		return 0;
	if (cw_index_ops_sorted(ops, t->index_ops.len, &order, &n) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	for (size_t i = 0; i < n && rc == 0; i++) {
		const uint8_t *e = ops + order[i];
		MDB_val k = {e[2], (void *)(e + 3)};

		if (e[0] != db) {
			if (cur)
				mdb_cursor_close(cur);
			cur = NULL;
			db = e[0];
			if ((rc = mdb_cursor_open(t->txn, t->st->dbi[db], &cur)) != 0) {
				rc = cw_store_lmdb_error(t, rc, "updating an index", err);
				break;
			}
		}
		rc = index_change(t, cur, (enum cw_db)db, &k, e[1] ? 1 : -1, err);
	}
	if (cur)
		mdb_cursor_close(cur);
	free(order);
	t->index_ops.len = 0;
	return rc;
}

int cw_index_settle(struct cw_store *st, MDB_txn *txn, struct cw_error *err)
{
	struct cw_txn *t = st->index_txn;

	return t && t->txn == txn && t->index_ops.len ? cw_index_flush(t, err) : 0;
}

/* Removes the keys a stored record owns: computed again from its stored version, against the
 * rest of the database as it is now, which is what they were computed against when written
 * (a case's records are re-indexed whenever it changes, before and after: see
 * cw_store_reindex_records). */
int cw_store_remove_keys(struct cw_txn *t, const struct cw_record *old, struct cw_error *err)
{
	struct keyset ks = {{0}, {0}, 0, 0, t->st, 0, t};
	int rc = compute_keys(t, old, &ks, err);

	if (rc == 0)
		rc = apply_keys(t, ks.buf.data, ks.buf.len, -1, NULL, DB_COUNT, err);
	cw_buf_free(&ks.buf);
	cw_buf_free(&ks.names);
	return rc;
}

/* Writes the keys of rec. */
int cw_store_write_keys(struct cw_txn *t, const struct cw_record *rec, struct cw_error *err)
{
	struct keyset ks = {{0}, {0}, 0, 0, t->st, 0, t};
	int rc = compute_keys(t, rec, &ks, err);

	if (rc == 0)
		rc = apply_keys(t, ks.buf.data, ks.buf.len, 1, &ks, DB_COUNT, err);
	cw_buf_free(&ks.buf);
	cw_buf_free(&ks.names);
	return rc;
}

int cw_store_write_name_keys(struct cw_txn *t, const struct cw_record *rec, struct cw_error *err)
{
	struct keyset ks = {{0}, {0}, 0, 0, t->st, 0, t};
	int rc = compute_keys(t, rec, &ks, err);

	if (rc == 0)
		rc = apply_keys(t, ks.buf.data, ks.buf.len, 1, NULL, DB_BY_NAME, err);
	cw_buf_free(&ks.buf);
	cw_buf_free(&ks.names);
	return rc;
}

int cw_store_expected_keys(struct cw_txn *t, const struct cw_record *rec, struct cw_buf *out,
			   struct cw_error *err)
{
	struct keyset ks = {{0}, {0}, 0, 0, t->st, 0, t};
	int rc = compute_keys(t, rec, &ks, err);

	cw_buf_free(&ks.names);
	if (rc != 0) {
		cw_buf_free(&ks.buf);
		return rc;
	}
	*out = ks.buf;
	return 0;
}

/* The records filed under a case (its hearings, milestones and incidents). */
int cw_store_records_under(struct cw_txn *t, enum cw_db db, const struct cw_id *owner,
			   struct cw_id **out, size_t *count, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, v;
	uint8_t start[ID_LEN];
	struct cw_id *ids = NULL;
	size_t n = 0, cap = 0;
	int rc, op;

	*out = NULL;
	*count = 0;
	memcpy(start, owner->b, ID_LEN);
	if ((rc = cw_index_flush(t, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[db], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "reading an index", err);
	k.mv_size = ID_LEN;
	k.mv_data = start;
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		if (k.mv_size != ID_LEN + TAIL_LEN || memcmp(k.mv_data, owner->b, ID_LEN) != 0)
			break;
		if (n == cap) {
			struct cw_id *grown =
				realloc(ids, (cap = cap ? cap * 2 : 16) * sizeof *ids);

			if (!grown) {
				rc = ENOMEM;
				break;
			}
			ids = grown;
		}
		memcpy(ids[n++].b, (uint8_t *)k.mv_data + ID_LEN + DATE_LEN, ID_LEN);
	}
	mdb_cursor_close(cur);
	if (rc != 0 && rc != MDB_NOTFOUND) {
		free(ids);
		return rc == ENOMEM ? cw_error_set(err, CW_ENOMEM, "", "out of memory")
				    : cw_store_lmdb_error(t, rc, "reading an index", err);
	}
	*out = ids;
	*count = n;
	return 0;
}

int cw_store_case_records(struct cw_txn *t, const struct cw_id *case_id, struct cw_id **out,
			  size_t *count, struct cw_error *err)
{
	return cw_store_records_under(t, DB_BY_CASE, case_id, out, count, err);
}

int cw_store_reindex_records(struct cw_txn *t, const struct cw_id *ids, size_t n, int delta,
			     struct cw_error *err)
{
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		struct cw_record rec;

		if ((rc = cw_store_read_record(t->st, t->txn, &ids[i], &rec, err)) != 0)
			break;
		rc = delta < 0 ? cw_store_remove_keys(t, &rec, err)
			       : cw_store_write_keys(t, &rec, err);
		cw_record_free(&rec);
	}
	return rc;
}
