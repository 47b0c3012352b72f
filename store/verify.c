/* verify.c - checking a database without trusting it: every sealed value opens, every record
 * owns exactly the index keys it should, no index entry lacks its record, the counters equal
 * a recount, every record has its audit entry; see store.h. One read transaction, nothing
 * written. */
#include "config.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/codec.h"
#include "models/i18n.h"
#include "models/text.h"
#include "models/utf8.h"
#include "store/store_internal.h"
#include "store/sync_internal.h"

struct verifier {
	/* This database's own audit chain, followed entry by entry. */
	uint8_t chain[CW_AUDIT_HASH_BYTES];
	int chain_started, chain_last_signed;
	uint64_t chain_last_seq;
	struct cw_store *st;
	struct cw_txn t; /* a read transaction dressed as a cw_txn, for the key computation */
	cw_verify_fn fn;
	void *ctx;
	struct cw_verify_stats *stats;
	/* With an index of people by name folded by another Unicode version (st->fold_stale): its
	 * entries that disagree with the names folded now, said in one line (cw_store_verify). */
	size_t fold_differs;
	struct cw_idset audited; /* records the audit log names */
	/* This database's own creates and edits, (record, time), sorted: the entry of each record's
	 * latest version made here; and the records it imported or resolved (their versions carry
	 * another time). */
	struct change {
		uint8_t id[ID_LEN];
		int64_t time;
	} * changes;
	size_t nchanges, capchanges;
	struct cw_idset taken;
	/* Every chained entry of every database, as where it continues its log (a digest of its
	 * database and the hash it follows) and its own hash, both cut to 8 bytes: two entries
	 * continuing one point are a log that split (check_forks). */
	struct link {
		uint64_t at, next, seq;
		uint8_t database[4];
	} * links;
	size_t nlinks, caplinks;
	int64_t chain_began; /* the time of this database's first chained entry (INT64_MAX: none) */
	/* The latest time among this database's entries made before the chain (an earlier
	 * release's, INT64_MIN: none): a record stamped up to it may be one of theirs, though
	 * stamped after the chain began when the clock was set back since. */
	int64_t pre_chain_last;
	/* What the records' keys add up to, to recount name uses from. */
	struct recount *counts;
	size_t ncounts, capcounts;
	/* Per index table: the entries the records should own, and how many of those are not
	 * there (then the table is searched for the entries nobody owns). */
	size_t expected[DB_COUNT], missing[DB_COUNT];
};

/* A counter key (db, prefix, kind) or a names key, and how many uses a recount found. */
struct recount {
	uint8_t key[1 + 32 + KIND_LEN];
	uint8_t len;
	uint8_t names; /* 1: a names entry's use count; 0: an entry of the counts table */
	uint64_t n;
};

static void problem(struct verifier *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int change_cmp(const void *a, const void *b)
{
	const struct change *x = a, *y = b;
	int c = memcmp(x->id, y->id, ID_LEN);

	return c ? c : (x->time > y->time) - (x->time < y->time);
}

static void problem(struct verifier *v, const char *fmt, ...)
{
	char line[CW_ERROR_LINE_MAX];
	va_list ap;

	va_start(ap, fmt);
	cw_text_vformat(line, sizeof line, fmt, ap); /* cut between letters, never inside one */
	va_end(ap);
	v->stats->problems++;
	v->fn(v->ctx, line);
}

static const char *hex_of(const void *id, char buf[CW_ID_HEX_LEN + 1])
{
	struct cw_id i;

	memcpy(i.b, id, ID_LEN);
	cw_id_hex(&i, buf);
	return buf;
}

static int recount_add(struct verifier *v, int names, const uint8_t *key, size_t len)
{
	for (size_t i = v->ncounts; i-- > 0;)
		if (v->counts[i].names == names && v->counts[i].len == len &&
		    memcmp(v->counts[i].key, key, len) == 0) {
			v->counts[i].n++;
			return 0;
		}
	if (len > sizeof v->counts->key)
		return 0; /* no counter has such a key: the count check will say so */
	if (v->ncounts == v->capcounts) {
		size_t cap = v->capcounts ? v->capcounts * 2 : 256;
		struct recount *grown = realloc(v->counts, cap * sizeof *grown);

		if (!grown)
			return CW_ENOMEM;
		v->counts = grown;
		v->capcounts = cap;
	}
	memcpy(v->counts[v->ncounts].key, key, len);
	v->counts[v->ncounts].len = (uint8_t)len;
	v->counts[v->ncounts].names = (uint8_t)names;
	v->counts[v->ncounts].n = 1;
	v->ncounts++;
	return 0;
}

static struct recount *recount_find(struct verifier *v, int names, const void *key, size_t len)
{
	for (size_t i = 0; i < v->ncounts; i++)
		if (v->counts[i].names == names && v->counts[i].len == len &&
		    memcmp(v->counts[i].key, key, len) == 0)
			return &v->counts[i];
	return NULL;
}

/* The keys a record should own: present in their tables, counted for the checks after. */
static int check_keys(struct verifier *v, const char *hex, const uint8_t *d, size_t len)
{
	for (size_t off = 0; off + 2 <= len; off += 2 + d[off + 1]) {
		enum cw_db db = (enum cw_db)d[off];
		MDB_val k = {d[off + 1], (void *)(d + off + 2)}, val;
		int rc;

		v->stats->index_entries++;
		if (db != DB_NAMES)
			v->expected[db]++;
		rc = mdb_get(v->t.txn, v->st->dbi[db], &k, &val);
		if (rc == MDB_NOTFOUND && db == DB_BY_NAME && v->st->fold_stale) {
			v->fold_differs++; /* another Unicode version's: said once */
			v->missing[db]++;
		} else if (rc == MDB_NOTFOUND) {
			problem(v, _("record %s: its %s index entry is missing"), hex,
				db == DB_NAMES ? "names" : cw_store_table_name(db));
			if (db != DB_NAMES)
				v->missing[db]++;
		} else if (rc != 0) {
			return cw_store_lmdb_error(NULL, rc, "reading an index", NULL);
		}
		/* Names count their uses by records; counters are recounted from the index
		 * tables themselves (check_orphans). */
		if (db == DB_NAMES && (rc = recount_add(v, 1, k.mv_data, k.mv_size)) != 0)
			return rc;
	}
	return 0;
}

/* Whether this database's own log holds a create or edit of the record after `time`. Each
 * version made here is stamped later than the one it follows (records.c), so the stored
 * version, when made here, is the latest such change: a later one means a value sealed
 * before was copied back over it, which its seal alone cannot tell (it binds the value to
 * its table and key, not to its version). */
static int changed_later(const struct verifier *v, const struct cw_id *id, int64_t time)
{
	size_t lo = 0, hi = v->nchanges;

	/* The first change after (id, time), in (id, time) order. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = memcmp(v->changes[mid].id, id->b, ID_LEN);

		if (c < 0 || (c == 0 && v->changes[mid].time <= time))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < v->nchanges && memcmp(v->changes[lo].id, id->b, ID_LEN) == 0;
}

/* Every record: its value opens and decodes, its stored key list is what it computes. */
static int check_records(struct verifier *v, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, val;
	struct cw_buf buf = {0};
	int rc, op;

	if ((rc = mdb_cursor_open(v->t.txn, v->st->dbi[DB_RECORDS], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading records", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &val, op)) == 0; op = MDB_NEXT) {
		char hex[CW_ID_HEX_LEN + 1];
		struct cw_record rec;
		struct cw_buf expected = {0};
		struct cw_error e;
		MDB_val plain;

		v->stats->records++;
		if (k.mv_size != ID_LEN) {
			problem(v, _("a record key is %zu bytes long, not %d"), k.mv_size, ID_LEN);
			continue;
		}
		hex_of(k.mv_data, hex);
		/* No memory to open or decode it says nothing of the record: verify fails with
		 * CW_ENOMEM rather than call it damaged. */
		if ((rc = cw_val_open(v->st, DB_RECORDS, &k, &val, &buf, &plain, &e)) != 0) {
			if (rc == CW_ENOMEM)
				break;
			problem(v, _("record %s: %s"), hex, e.message);
			continue;
		}
		if ((rc = cw_record_decode(plain.mv_data, plain.mv_size, &rec, &e)) != 0) {
			cw_record_free(&rec);
			if (rc == CW_ENOMEM)
				break;
			problem(v, _("record %s does not decode: %s"), hex, e.message);
			continue;
		}
		memcpy(rec.id.b, k.mv_data, ID_LEN);
		if (!cw_idset_has(&v->audited, &rec.id)) {
			problem(v, _("record %s (%s) has no entry in the audit log"), hex,
				cw_kind_name(rec.kind));
		} else if (cw_id_equal(&rec.edited_in, &v->st->database_id) &&
			   rec.updated >= v->chain_began && rec.updated > v->pre_chain_last &&
			   !cw_idset_has(&v->taken, &rec.id)) {
			/* Its latest version was made here, since the chain began (entries
			 * before were stamped by a clock read of their own, and a database of
			 * an earlier release whose clock was set back since has them stamped
			 * after it began: a sync trial's upgraded database failed verify after a
			 * write dated before its old records): its entry must be there, at the
			 * change's own time. */
			struct change want;

			memcpy(want.id, rec.id.b, ID_LEN);
			want.time = rec.updated;
			if (!bsearch(&want, v->changes, v->nchanges, sizeof want, change_cmp))
				problem(v,
					_("record %s (%s): its latest change has no entry in the "
					  "audit log"),
					hex, cw_kind_name(rec.kind));
			else if (changed_later(v, &rec.id, rec.updated))
				problem(v,
					_("record %s (%s) is older than its latest change here in "
					  "the audit log: an earlier version was put back in the "
					  "file"),
					hex, cw_kind_name(rec.kind));
		}
		rc = cw_store_expected_keys(&v->t, &rec, &expected, &e);
		cw_record_free(&rec);
		if (rc == CW_ENOMEM) {
			cw_buf_free(&expected);
			break;
		}
		if (rc != 0) {
			problem(v, _("record %s: its index keys cannot be computed: %s"), hex,
				e.message);
			continue;
		}
		rc = check_keys(v, hex, expected.data, expected.len);
		cw_buf_free(&expected);
		if (rc != 0)
			break;
	}
	mdb_cursor_close(cur);
	if (buf.data)
		sodium_memzero(buf.data, buf.cap);
	cw_buf_free(&buf);
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return rc == MDB_NOTFOUND ? 0 : cw_store_lmdb_error(NULL, rc, "reading records", err);
}

/* Whether the record an index entry names owns it: the record's keys, computed again (when
 * this entry names the same record as the last one asked about, its keys are reused). */
struct owner {
	uint8_t id[ID_LEN];
	int exists;
	struct cw_buf keys;
};

static int owns(struct verifier *v, struct owner *o, enum cw_db db, const MDB_val *key, int *yes)
{
	const uint8_t *id = (const uint8_t *)key->mv_data + key->mv_size - ID_LEN - KIND_LEN;
	const uint8_t *d;

	*yes = 0;
	if (!o->exists || memcmp(o->id, id, ID_LEN) != 0) {
		struct cw_record rec;
		struct cw_id rid;
		struct cw_error e;
		int rc;

		memcpy(o->id, id, ID_LEN);
		memcpy(rid.b, id, ID_LEN);
		o->keys.len = 0;
		o->exists = 0;
		/* A record that is gone or does not open was named already (check_records, and
		 * the first pass here). */
		rc = cw_store_read_record(v->st, v->t.txn, &rid, &rec, &e);
		if (rc != 0)
			return rc == CW_ENOMEM ? rc : 0;
		cw_buf_free(&o->keys);
		rc = cw_store_expected_keys(&v->t, &rec, &o->keys, &e);
		cw_record_free(&rec);
		if (rc != 0)
			return rc == CW_ENOMEM ? rc : 0;
		o->exists = 1;
	}
	d = o->keys.data;
	for (size_t off = 0; off + 2 <= o->keys.len; off += 2 + d[off + 1])
		if (d[off] == db && d[off + 1] == key->mv_size &&
		    memcmp(d + off + 2, key->mv_data, key->mv_size) == 0) {
			*yes = 1;
			break;
		}
	return 0;
}

/* No index entry without the record that owns it. Each entry's record must exist; when a
 * table holds more entries than the records own, or some they own are missing (so that others
 * may stand in their place), every entry is checked against its record's keys, computed
 * again, and those nobody owns are named. */
static int check_orphans(struct verifier *v, struct cw_error *err)
{
	static const enum cw_db tables[] = {DB_BY_KIND,     DB_BY_DATE,      DB_BY_ARTICLE,
					    DB_BY_PERSON,   DB_BY_CASE,      DB_BY_COURT,
					    DB_BY_PROVINCE, DB_BY_NEXT_DATE, DB_DETENTION,
					    DB_BY_LINK,     DB_BY_NAME};
	struct owner o = {{0}, 0, {0}};
	int rc = 0;

	for (size_t i = 0; i < sizeof tables / sizeof tables[0] && rc == 0; i++) {
		const char *name = cw_store_table_name(tables[i]);
		size_t found = 0;

		for (int pass = 0; pass < 2 && rc == 0; pass++) {
			MDB_cursor *cur;
			MDB_val k, val;
			int op;

			if (pass == 1 && found == v->expected[tables[i]] && !v->missing[tables[i]])
				break;
			if ((rc = mdb_cursor_open(v->t.txn, v->st->dbi[tables[i]], &cur)) != 0)
				return cw_store_lmdb_error(NULL, rc, "reading an index", err);
			for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &val, op)) == 0;
			     op = MDB_NEXT) {
				char hex[CW_ID_HEX_LEN + 1];
				MDB_val rk, rv;
				int yes;

				if (k.mv_size < ID_LEN + KIND_LEN) {
					if (pass == 0)
						problem(v,
							_("%s: an entry of %zu bytes is too short"),
							name, k.mv_size);
					continue;
				}
				hex_of((uint8_t *)k.mv_data + k.mv_size - ID_LEN - KIND_LEN, hex);
				if (pass == 1) {
					if ((rc = owns(v, &o, tables[i], &k, &yes)) != 0)
						break;
					if (o.exists && !yes && tables[i] == DB_BY_NAME &&
					    v->st->fold_stale)
						v->fold_differs++; /* said once */
					else if (o.exists && !yes)
						problem(v,
							_("%s: an entry names record %s, which "
							  "does "
							  "not own it"),
							name, hex);
					continue;
				}
				found++;
				rk.mv_size = ID_LEN;
				rk.mv_data = (uint8_t *)k.mv_data + k.mv_size - ID_LEN - KIND_LEN;
				if ((rc = mdb_get(v->t.txn, v->st->dbi[DB_RECORDS], &rk, &rv)) ==
				    MDB_NOTFOUND)
					problem(v,
						_("%s: an entry names record %s, which does not "
						  "exist"),
						name, hex);
				else if (rc != 0)
					break;
				rc = 0;
				if ((tables[i] == DB_BY_KIND || tables[i] == DB_BY_ARTICLE) &&
				    k.mv_size >= TAIL_LEN && k.mv_size <= TAIL_LEN + 16) {
					uint8_t ck[1 + 16 + KIND_LEN];
					size_t plen = k.mv_size - TAIL_LEN;

					ck[0] = (uint8_t)tables[i];
					memcpy(ck + 1, k.mv_data, plen);
					ck[1 + plen] = ((uint8_t *)k.mv_data)[k.mv_size - 1];
					if ((rc = recount_add(v, 0, ck, 1 + plen + KIND_LEN)) != 0)
						break;
				}
			}
			mdb_cursor_close(cur);
			if (rc == MDB_NOTFOUND)
				rc = 0;
		}
	}
	cw_buf_free(&o.keys);
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return rc ? cw_store_lmdb_error(NULL, rc, "reading an index", err) : 0;
}

/* The counts table and the names' use counts equal what the records' keys add up to. */
static int check_counts(struct verifier *v, struct cw_error *err)
{
	static const enum cw_db tables[] = {DB_COUNTS, DB_NAMES};

	for (size_t i = 0; i < 2; i++) {
		int names = tables[i] == DB_NAMES;
		MDB_cursor *cur;
		MDB_val k, val;
		int rc, op;

		if ((rc = mdb_cursor_open(v->t.txn, v->st->dbi[tables[i]], &cur)) != 0)
			return cw_store_lmdb_error(NULL, rc, "reading counts", err);
		for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &val, op)) == 0; op = MDB_NEXT) {
			struct recount *r = recount_find(v, names, k.mv_data, k.mv_size);
			uint64_t n;

			if (names) {
				struct cw_buf buf = {0};
				struct cw_error e;
				MDB_val text;
				uint32_t c;

				rc = cw_store_name_open(v->st, &k, &val, &buf, &c, &text, &e);
				cw_buf_free(&buf);
				if (rc == CW_ENOMEM) /* says nothing of the name */
					break;
				if (rc != 0)
					problem(v, _("names: %s"), e.message);
				n = val.mv_size >= 4 ? get_be32(val.mv_data) : 0;
			} else {
				n = val.mv_size == 8 ? get_be64(val.mv_data) : 0;
			}
			if (!r || r->n != n)
				problem(v, _("%s: a %s says %llu, a recount finds %llu"),
					names ? "names" : "counts",
					names ? "name's use count" : "counter",
					(unsigned long long)n, (unsigned long long)(r ? r->n : 0));
			if (r)
				r->n = UINT64_MAX; /* seen */
		}
		mdb_cursor_close(cur);
		if (rc == CW_ENOMEM)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		if (rc != MDB_NOTFOUND)
			return cw_store_lmdb_error(NULL, rc, "reading counts", err);
	}
	for (size_t i = 0; i < v->ncounts; i++)
		if (v->counts[i].n != UINT64_MAX)
			problem(v, _("%s: %llu uses are not counted"),
				v->counts[i].names ? "names" : "counts",
				(unsigned long long)v->counts[i].n);
	return 0;
}

static int add_link(struct verifier *v, const struct cw_audit_entry *e,
		    const uint8_t hash[CW_AUDIT_HASH_BYTES], unsigned long long seq)
{
	uint8_t at[8];
	crypto_generichash_state h;

	if (v->nlinks == v->caplinks) {
		size_t cap = v->caplinks ? v->caplinks * 2 : 256;
		struct link *grown = realloc(v->links, cap * sizeof *grown);

		if (!grown)
			return CW_ENOMEM;
		v->links = grown;
		v->caplinks = cap;
	}
	crypto_generichash_init(&h, NULL, 0, sizeof at);
	crypto_generichash_update(&h, e->database.b, ID_LEN);
	crypto_generichash_update(&h, e->prev, CW_AUDIT_HASH_BYTES);
	crypto_generichash_final(&h, at, sizeof at);
	v->links[v->nlinks].at = get_be64(at);
	v->links[v->nlinks].next = get_be64(hash);
	v->links[v->nlinks].seq = seq;
	memcpy(v->links[v->nlinks++].database, e->database.b, 4);
	return 0;
}

static int link_cmp(const void *a, const void *b)
{
	const struct link *x = a, *y = b;

	if (x->at != y->at)
		return (x->at > y->at) - (x->at < y->at);
	return (x->next > y->next) - (x->next < y->next);
}

/* Each database's log is one chain: an entry follows exactly one other. Two different entries
 * that follow the same one are two histories of that database, which its signatures cannot
 * tell apart: a laptop restored from a backup, or a copy of its database, that went on
 * working beside the original. Bundles carry both, and merging takes both; said once per
 * split. */
static void check_forks(struct verifier *v)
{
	if (v->nlinks > 1)
		qsort(v->links, v->nlinks, sizeof *v->links, link_cmp);
	/* Entries i..j-1 follow the same one: a split when two of them differ, said once
	 * however many continue it and however often one of them is held. */
	for (size_t i = 0, j; i < v->nlinks; i = j) {
		const struct link *a = &v->links[i], *b = NULL;
		char hex[9];

		for (j = i + 1; j < v->nlinks && v->links[j].at == a->at; j++)
			if (!b && v->links[j].next != a->next)
				b = &v->links[j];
		if (!b)
			continue;
		snprintf(hex, sizeof hex, "%02x%02x%02x%02x", a->database[0], a->database[1],
			 a->database[2], a->database[3]);
		problem(v,
			_("audit: the log of database %s splits in two after one entry (entries "
			  "%llu "
			  "and %llu follow the same one): a laptop restored from a backup, or a "
			  "copy "
			  "of its database, went on working beside the original"),
			hex, (unsigned long long)a->seq, (unsigned long long)b->seq);
	}
}

/* An audit entry: this database's own entries form one chain from the first (each carries the
 * hash of the one before; none is outside it once it began), and every signature whose key
 * is known verifies. Entries of other databases arrive in any order and may be a part of
 * their log: only their signatures are checked. */
static int check_chain(struct verifier *v, const MDB_val *k, const MDB_val *val,
		       struct cw_error *err)
{
	struct cw_audit_entry e;
	struct cw_identity_public pub;
	uint8_t hash[CW_AUDIT_HASH_BYTES];
	unsigned long long seq = get_be64(k->mv_data);
	int known, rc;

	memset(&e, 0, sizeof e);
	if (cw_audit_decode(val->mv_data, val->mv_size, &v->st->database_id, &e) != 0) {
		problem(v, _("audit: entry %llu is corrupt"), seq);
		return 0;
	}
	if (!e.chained) {
		if (cw_id_equal(&e.database, &v->st->database_id) && !v->chain_started &&
		    e.time > v->pre_chain_last)
			v->pre_chain_last = e.time;
		if (cw_id_equal(&e.database, &v->st->database_id) && v->chain_started)
			problem(v,
				_("audit: entry %llu of this database is outside its chain "
				  "(rewritten in the old format?)"),
				seq);
		return 0;
	}
	cw_audit_hash(&e, hash);
	if ((rc = add_link(v, &e, hash, seq)) != 0)
		return cw_error_set(err, rc, "", "out of memory");
	if ((rc = cw_store_identity_of(&v->t, &e.database, &pub, &known, err)) != 0)
		return rc;
	if (e.is_signed && known && crypto_sign_verify_detached(e.sig, hash, sizeof hash, pub.sign))
		problem(v, _("audit: entry %llu fails its signature: it was forged or changed"),
			seq);
	if (!cw_id_equal(&e.database, &v->st->database_id))
		return 0;
	if (!v->chain_started)
		v->chain_began = e.time;
	if (e.action == CW_AUDIT_CREATE || e.action == CW_AUDIT_EDIT) {
		if (v->nchanges == v->capchanges) {
			size_t cap = v->capchanges ? v->capchanges * 2 : 256;
			struct change *grown = realloc(v->changes, cap * sizeof *grown);

			if (!grown)
				return cw_error_set(err, CW_ENOMEM, "", "out of memory");
			v->changes = grown;
			v->capchanges = cap;
		}
		memcpy(v->changes[v->nchanges].id, e.record.b, ID_LEN);
		v->changes[v->nchanges++].time = e.time;
	} else if (e.action == CW_AUDIT_IMPORT || e.action == CW_AUDIT_RESOLVE) {
		if (cw_idset_add(&v->taken, &e.record) != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	if (memcmp(e.prev, v->chain, sizeof hash) != 0)
		problem(v,
			_("audit: the chain of this database's log breaks before entry %llu: an "
			  "entry was deleted, inserted or changed"),
			seq);
	memcpy(v->chain, hash, sizeof hash);
	v->chain_started = 1;
	v->chain_last_signed = e.is_signed;
	v->chain_last_seq = seq;
	return 0;
}

/* After the walk: the newest entry of this database's chain is the head recorded when it was
 * written, and it is signed. */
static int check_chain_end(struct verifier *v, struct cw_error *err)
{
	uint8_t head[CW_AUDIT_HASH_BYTES];
	int found, rc;

	if ((rc = cw_store_audit_head(&v->t, &v->st->database_id, head, &found, err)) != 0)
		return rc;
	if (found && (!v->chain_started || memcmp(head, v->chain, sizeof head) != 0))
		problem(v,
			_("audit: this database's newest audit entries are missing (the log ends "
			  "before the entry it last wrote)"));
	if (v->chain_started && !found)
		problem(v, _("audit: the record of this database's newest audit entry is missing"));
	if (v->chain_started && !v->chain_last_signed)
		problem(v, _("audit: the newest entry of this database's log (%llu) is not signed"),
			(unsigned long long)v->chain_last_seq);
	return 0;
}

/* Every value of the other sealed tables opens; the audit log's records are noted. */
static int check_sealed(struct verifier *v, enum cw_db db, const char *what, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, val, plain;
	struct cw_buf buf = {0};
	int rc, op;

	if (db != DB_AUDIT && !v->st->sync_ready)
		return 0;
	if ((rc = mdb_cursor_open(v->t.txn, v->st->dbi[db], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading the database", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &val, op)) == 0; op = MDB_NEXT) {
		struct cw_error e;

		if ((rc = cw_val_open(v->st, db, &k, &val, &buf, &plain, &e)) != 0) {
			if (rc == CW_ENOMEM) /* says nothing of the value */
				break;
			problem(v, "%s: %s", what, e.message);
			continue;
		}
		if (db == DB_AUDIT) {
			struct cw_id id;

			v->stats->audit_entries++;
			if ((rc = check_chain(v, &k, &plain, err)) != 0)
				break;
			/* time(8) action(1) kind(1) record(16) ... */
			if (plain.mv_size >= 10 + ID_LEN) {
				memcpy(id.b, (uint8_t *)plain.mv_data + 10, ID_LEN);
				if (cw_idset_add(&v->audited, &id) != 0) {
					rc = CW_ENOMEM;
					break;
				}
			} else {
				problem(v, _("audit: entry %llu is too short"),
					(unsigned long long)get_be64(k.mv_data));
			}
		}
	}
	mdb_cursor_close(cur);
	if (buf.data)
		sodium_memzero(buf.data, buf.cap);
	cw_buf_free(&buf);
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return rc == MDB_NOTFOUND ? 0 : cw_store_lmdb_error(NULL, rc, "reading the database", err);
}

static void attach_problem(void *ctx, const char *line)
{
	problem(ctx, "%s", line);
}

int cw_store_verify(struct cw_store *st, cw_verify_fn fn, void *ctx, struct cw_verify_stats *stats,
		    struct cw_error *err)
{
	struct verifier v;
	int rc;

	memset(stats, 0, sizeof *stats);
	memset(&v, 0, sizeof v);
	v.st = st;
	v.t.st = st;
	v.fn = fn;
	v.ctx = ctx;
	v.stats = stats;
	v.chain_began = INT64_MAX;
	v.pre_chain_last = INT64_MIN;
	if ((rc = cw_store_begin_read(st, &v.t.txn, err)) != 0)
		return rc;
	if ((rc = check_sealed(&v, DB_AUDIT, "audit", err)) == 0 &&
	    (rc = check_chain_end(&v, err)) == 0) {
		check_forks(&v);
		cw_idset_sort_unique(&v.audited);
		cw_idset_sort_unique(&v.taken);
		if (v.nchanges)
			qsort(v.changes, v.nchanges, sizeof *v.changes, change_cmp);
		rc = check_records(&v, err);
	}
	if (rc == 0)
		rc = check_orphans(&v, err);
	/* Opened read-only, an index of people by name folded by another Unicode version (or
	 * by one not recorded: every database made before it was) is checked against the names
	 * as folded now, like any index: when every entry agrees there is nothing to say (the
	 * usual case: a new Unicode version seldom folds a name otherwise); when some do not,
	 * their tags may all differ, and one line says so and how to make it again, not one a
	 * person. */
	if (rc == 0 && v.fold_differs) {
		stats->reindex++;
		problem(&v,
			_("by_name: its names were folded by Unicode %s, and this casewatch folds "
			  "them by Unicode %s: run 'casewatch upgrade' to make it again"),
			st->fold_version[0] ? st->fold_version : _("(unrecorded)"),
			cw_text_fold_version());
	}
	if (rc == 0)
		rc = check_counts(&v, err);
	if (rc == 0 && (rc = check_sealed(&v, DB_TOMBSTONES, "deletions", err)) == 0 &&
	    (rc = check_sealed(&v, DB_CONFLICTS, "conflicts", err)) == 0 &&
	    (rc = check_sealed(&v, DB_PEERS, "peers", err)) == 0 && v.st->drafts_ready)
		rc = check_sealed(&v, DB_DRAFTS, "drafts", err);
	if (rc == 0 && v.st->undo_ready)
		rc = check_sealed(&v, DB_UNDO, _("what to undo"), err);
	if (rc == 0)
		rc = cw_attach_verify(st, v.t.txn, attach_problem, &v, &stats->attachments,
				      &stats->attachment_bytes, err);
	mdb_txn_abort(v.t.txn);
	free(v.counts);
	free(v.audited.v);
	free(v.taken.v);
	free(v.changes);
	free(v.links);
	return rc;
}
