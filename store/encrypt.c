/* encrypt.c - turning a plain database into an encrypted one: everything copied into a new
 * encrypted store with the same id, its indexes made again under the new key, and the copy
 * checked against the original; and the probes that tell whether a database is in use or has
 * changed since it was copied; see store.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <sodium.h>

#include "models/codec.h"
#include "models/i18n.h"
#include "store/store_internal.h"

/* The plain database being copied: read through its write transaction, never committed. */
struct copy {
	struct cw_store *plain;
	MDB_txn *ptxn;
	size_t enrolled; /* peers whose keys were copied */
};

/* One pass over a table of the plain database. */
struct pass {
	struct cw_txn *t;     /* copying: the encrypted store's write transaction */
	struct cw_store *enc; /* checking: the encrypted store and a read transaction on it */
	MDB_txn *etxn;
	enum cw_db db;
	struct cw_buf buf; /* a value opened with the encrypted store's key */
};

/* The buffer held names, records and attachments' content in the clear (opened with the
 * encrypted store's key): wiped before it is freed. */
static void pass_buf_free(struct pass *p)
{
	if (p->buf.data)
		sodium_memzero(p->buf.data, p->buf.cap);
	cw_buf_free(&p->buf);
}

typedef int (*entry_fn)(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err);

/* Calls fn on every entry of one of plain's tables, in key order; stops at the first error. */
static int walk(struct copy *c, enum cw_db db, entry_fn fn, struct pass *p, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op;

	p->db = db;
	if ((rc = mdb_cursor_open(c->ptxn, c->plain->dbi[db], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading the plain database", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT)
		if ((rc = fn(p, &k, &v, err)) != 0)
			break;
	mdb_cursor_close(cur);
	if (rc == MDB_NOTFOUND)
		return 0;
	return cw_store_lmdb_error(NULL, rc, "reading the plain database", err);
}

/* What a key of a table names, for messages: "record 1a2b...", "audit entry 12". */
static void describe(enum cw_db db, const MDB_val *k, char *out, size_t len)
{
	if ((db == DB_RECORDS || db == DB_TOMBSTONES || db == DB_CONFLICTS) &&
	    k->mv_size >= ID_LEN) {
		struct cw_id id;
		char hex[CW_ID_HEX_LEN + 1];

		memcpy(id.b, k->mv_data, ID_LEN);
		cw_id_hex(&id, hex);
		snprintf(out, len, "%s %s",
			 db == DB_RECORDS      ? _("record")
			 : db == DB_TOMBSTONES ? _("the deletion of")
					       : _("a conflicting version of"),
			 hex);
	} else if (db == DB_AUDIT && k->mv_size == 8) {
		snprintf(out, len, _("audit entry %llu"), (unsigned long long)get_be64(k->mv_data));
	} else {
		snprintf(out, len, _("an entry of %s"), cw_store_table_name(db));
	}
}

static int differs(enum cw_db db, const MDB_val *k, struct cw_error *err)
{
	char what[96];

	describe(db, k, what, sizeof what);
	return cw_error_set(err, CW_EDAMAGED, "database",
			    "the encrypted copy of %s differs from the original", what);
}

/* Decodes a record, deletion or conflicting version (after its state byte) into *rec, naming it
 * when it does not decode: the plain database is damaged there, and the copy must not hide
 * it. No memory to decode it is CW_ENOMEM, not damage: nothing is wrong with the database. */
static int decode_named(enum cw_db db, const MDB_val *k, const MDB_val *v, struct cw_record *rec,
			struct cw_error *err)
{
	size_t skip = db == DB_CONFLICTS ? 1 : 0;
	char what[256], why[sizeof err->message];
	int rc = CW_EINVAL;

	snprintf(why, sizeof why, "%s", _("too short"));
	memset(rec, 0, sizeof *rec);
	if (v->mv_size > skip) {
		rc = cw_record_decode((const uint8_t *)v->mv_data + skip, v->mv_size - skip, rec,
				      err);
		if (rc == 0)
			return 0;
		cw_record_free(rec);
		if (rc == CW_ENOMEM)
			return rc;
		snprintf(why, sizeof why, "%s", err->message);
	}
	describe(db, k, what, sizeof what);
	return cw_error_set(err, CW_EDAMAGED, "database", "%s does not decode (%s)", what, why);
}

/* ---- copying ------------------------------------------------------------------------------- */

/* The new store must be empty: the copy is the whole of it. */
static int check_empty(struct cw_txn *t, struct cw_error *err)
{
	for (int db = 0; db < DB_COUNT; db++) {
		MDB_stat ms;
		int rc;

		if (db == DB_META)
			continue;
		if ((rc = mdb_stat(t->txn, t->st->dbi[db], &ms)) != 0)
			return cw_store_lmdb_error(t, rc, "reading the encrypted database", err);
		if (ms.ms_entries)
			return cw_error_set(err, CW_EREFUSED, "database",
					    "the new encrypted database is not empty (%s holds "
					    "entries)",
					    cw_store_table_name((enum cw_db)db));
	}
	return 0;
}

/* A value kept under the same key: sealed now, bound to its table and key. The keys come in
 * order and the table starts empty, so each is appended. */
static int put_same(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	MDB_val key = *k;
	int rc = cw_val_put(p->t, p->db, &key, v->mv_data, v->mv_size, MDB_APPEND);

	return rc ? cw_store_lmdb_error(p->t, rc, "writing the encrypted copy", err) : 0;
}

/* A plain database keys a peer by its name; an encrypted one by a tag, the name going into the
 * sealed value after the sequence and time (see peers.c). */
static int put_peer(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	char name[PEER_KEY_MAX + 1];
	uint8_t key[PEER_KEY_MAX], val[16 + PEER_KEY_MAX];
	MDB_val ek = {0, key};
	int rc;

	if (v->mv_size < 16 || k->mv_size == 0 || k->mv_size > PEER_KEY_MAX ||
	    memchr(k->mv_data, '\0', k->mv_size))
		return cw_error_set(err, CW_EDAMAGED, "database",
				    "a peer entry of the plain database is corrupt");
	memcpy(name, k->mv_data, k->mv_size);
	name[k->mv_size] = '\0';
	ek.mv_size = cw_store_peer_key(p->t->st, name, key);
	memcpy(val, v->mv_data, 16);
	memcpy(val + 16, name, k->mv_size);
	if ((rc = cw_val_put(p->t, DB_PEERS, &ek, val, 16 + k->mv_size, 0)) != 0)
		return cw_store_lmdb_error(p->t, rc, "writing the encrypted copy", err);
	return 0;
}

/* A part of an attachment's content: keyed in the plain database by the content's SHA-256,
 * in the encrypted one by its keyed tag (store/attach.h). */
static void blob_key_enc(struct cw_store *enc, const MDB_val *k,
			 uint8_t out[CW_ATTACH_BLOB_KEY_LEN])
{
	cw_attach_blob_key(enc, k->mv_data,
			   get_be32((const uint8_t *)k->mv_data + CW_ATTACH_TAG_LEN), out);
}

static int put_blob(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	uint8_t key[CW_ATTACH_BLOB_KEY_LEN];
	MDB_val ek = {sizeof key, key};
	int rc;

	if (k->mv_size != CW_ATTACH_BLOB_KEY_LEN)
		return cw_error_set(err, CW_EDAMAGED, "database",
				    "an attachment's part in the plain database is corrupt");
	blob_key_enc(p->t->st, k, key);
	if ((rc = cw_val_put(p->t, DB_BLOBS, &ek, v->mv_data, v->mv_size, 0)) != 0)
		return cw_store_lmdb_error(p->t, rc, "writing the encrypted copy", err);
	return 0;
}

/* Makes a record's index keys, names and counts in the new store. Every record is there
 * already, so a hearing finds its case whatever the order. */
static int index_record(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	struct cw_record rec;
	int rc;

	if (k->mv_size != ID_LEN)
		return cw_error_set(err, CW_EDAMAGED, "database",
				    "a record key of the plain database is corrupt");
	if ((rc = decode_named(DB_RECORDS, k, v, &rec, err)) != 0)
		return rc;
	memcpy(rec.id.b, k->mv_data, ID_LEN);
	rc = cw_store_write_keys(p->t, &rec, err);
	cw_record_free(&rec);
	return rc;
}

/* The names table keeps a name as the first record that used it wrote it; the copy indexed the
 * records in id order, so it may have kept another spelling ("phnom penh" for "Phnom Penh").
 * Pickers must show what they showed before: the original's text goes back. Its use count
 * must be the original's, or the indexes came out different. */
static int put_name_text(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	uint8_t nk[1 + NAME_HASH_LEN];
	char text[512];
	size_t len;
	MDB_val ek = {sizeof nk, nk}, ev;
	int rc;

	if (k->mv_size != sizeof nk || v->mv_size < 4)
		return cw_error_set(err, CW_EDAMAGED, "database",
				    "a name entry of the plain database is corrupt");
	len = v->mv_size - 4 < sizeof text ? v->mv_size - 4 : sizeof text - 1;
	memcpy(text, (const uint8_t *)v->mv_data + 4, len);
	text[len] = '\0';
	cw_store_name_key(p->t->st, (enum cw_name_type)((const uint8_t *)k->mv_data)[0], text, nk);
	uint32_t count;
	MDB_val etext;
	struct cw_buf nv = {0};

	rc = mdb_get(p->t->txn, p->t->st->dbi[DB_NAMES], &ek, &ev);
	if (rc == 0 &&
	    (rc = cw_store_name_open(p->t->st, &ek, &ev, &p->buf, &count, &etext, err)) != 0)
		return rc;
	if (rc == MDB_NOTFOUND || (rc == 0 && count != get_be32(v->mv_data)))
		return cw_error_set(
			err, CW_EDAMAGED, "database",
			"the encrypted copy's names differ from the original's ('%.100s')", text);
	if (rc != 0)
		return cw_store_lmdb_error(p->t, rc, "copying names", err);
	if (etext.mv_size == len && memcmp(etext.mv_data, text, len) == 0)
		return 0;
	/* The count stays; the name is the original's spelling, sealed. */
	if (cw_buf_append(&nv, v->mv_data, 4) != 0 ||
	    cw_store_name_body(p->t->st, &ek, text, &nv) != 0) {
		cw_buf_free(&nv);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	rc = mdb_put(p->t->txn, p->t->st->dbi[DB_NAMES], &ek, &(MDB_val){nv.len, nv.data}, 0);
	cw_buf_free(&nv);
	if (rc != 0)
		return cw_store_lmdb_error(p->t, rc, "copying names", err);
	return 0;
}

/* Meta entries that hold no secret and do not depend on the key, copied as they are: the head
 * of each database's audit chain ("chain" + database id: verify checks the chain ends there),
 * the identity each other database signs its bundles with ("db_ident" + database id: a bundle
 * signed by another key is refused), the keys removed from the peers, what other databases'
 * bundles brought of their logs, and the next id's sequence
 * number ("id_sequence": ids keep appending). This database's own identity and key check are
 * written by the copy itself, sealed anew. */
static int public_meta(const MDB_val *k)
{
	static const char sequence[] = "id_sequence";

	if (k->mv_size == 5 + ID_LEN && !memcmp(k->mv_data, "chain", 5))
		return 1;
	if (k->mv_size == 8 + ID_LEN && !memcmp(k->mv_data, "db_ident", 8))
		return 1;
	/* Removed keys and the databases they spoke for (audit.c): "key_gone" + 32, "db_gone_"
	 * + 16. */
	if ((k->mv_size == 8 + 32 && !memcmp(k->mv_data, "key_gone", 8)) ||
	    (k->mv_size == 8 + ID_LEN && !memcmp(k->mv_data, "db_gone_", 8)))
		return 1;
	/* What other databases' bundles brought of their logs (peers.c): "rcvd_seq" + 16. */
	if (k->mv_size == 8 + ID_LEN && !memcmp(k->mv_data, "rcvd_seq", 8))
		return 1;
	return k->mv_size == sizeof sequence - 1 && !memcmp(k->mv_data, sequence, k->mv_size);
}

static int put_public_meta(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	MDB_val key = *k, val = *v;
	int rc;

	if (!public_meta(k))
		return 0;
	if ((rc = mdb_put(p->t->txn, p->t->st->dbi[DB_META], &key, &val, 0)) != 0)
		return cw_store_lmdb_error(p->t, rc, "copying the database's meta data", err);
	return 0;
}

static int check_public_meta(struct pass *p, const MDB_val *k, const MDB_val *v,
			     struct cw_error *err)
{
	MDB_val key = *k, have;

	if (!public_meta(k))
		return 0;
	if (mdb_get(p->etxn, p->enc->dbi[DB_META], &key, &have) != 0 ||
	    have.mv_size != v->mv_size || memcmp(have.mv_data, v->mv_data, v->mv_size) != 0)
		return differs(DB_META, k, err);
	return 0;
}

/* The whole copy, one write transaction of the encrypted store (run again after the map
 * grows). */
static int copy_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	static const enum cw_db same_keys[] = {DB_RECORDS,    DB_TOMBSTONES, DB_CONFLICTS, DB_AUDIT,
					       DB_AUDIT_SEEN, DB_DRAFTS,     DB_UNDO};
	struct copy *c = ctx;
	struct pass p = {t, NULL, NULL, DB_META, {0}};
	int rc = check_empty(t, err);

	for (size_t i = 0; rc == 0 && i < sizeof same_keys / sizeof same_keys[0]; i++)
		rc = walk(c, same_keys[i], put_same, &p, err);
	if (rc == 0)
		rc = walk(c, DB_PEERS, put_peer, &p, err);
	if (rc == 0 && c->plain->attach_ready &&
	    (rc = walk(c, DB_ATTACHMENTS, put_same, &p, err)) == 0 &&
	    (rc = walk(c, DB_ATTACH_INDEX, put_same, &p, err)) == 0)
		rc = walk(c, DB_BLOBS, put_blob, &p, err);
	/* After every record value is in: a hearing's keys read its case. */
	if (rc == 0)
		rc = walk(c, DB_RECORDS, index_record, &p, err);
	/* The names the indexing gathered are written before their texts are compared. */
	if (rc == 0)
		rc = cw_pending_flush(t, err);
	if (rc == 0)
		rc = walk(c, DB_NAMES, put_name_text, &p, err);
	/* The same identity (peers trust its key) and the same enrolled peers, sealed anew. */
	if (rc == 0)
		rc = cw_store_copy_identity(t, c->plain, c->ptxn, err);
	if (rc == 0)
		rc = cw_trust_copy(t, c->plain, c->ptxn, &c->enrolled, err);
	if (rc == 0)
		rc = walk(c, DB_META, put_public_meta, &p, err);
	pass_buf_free(&p);
	return rc;
}

/* ---- checking ------------------------------------------------------------------------------ */

/* Every table holds as many entries as the original's: nothing was lost or made twice. */
static int same_counts(struct copy *c, struct cw_store *enc, MDB_txn *etxn,
		       struct cw_copy_stats *stats, struct cw_error *err)
{
	for (int db = 0; db < DB_COUNT; db++) {
		MDB_stat a, b;
		int rc;

		if (db == DB_META)
			continue;
		if ((rc = mdb_stat(c->ptxn, c->plain->dbi[db], &a)) != 0 ||
		    (rc = mdb_stat(etxn, enc->dbi[db], &b)) != 0)
			return cw_store_lmdb_error(NULL, rc, "checking the encrypted copy", err);
		if (a.ms_entries != b.ms_entries)
			return cw_error_set(err, CW_EDAMAGED, "database",
					    "the encrypted copy holds %zu entries in %s, the "
					    "original %zu",
					    b.ms_entries, cw_store_table_name((enum cw_db)db),
					    a.ms_entries);
		if (db == DB_RECORDS)
			stats->records = a.ms_entries;
		else if (db == DB_TOMBSTONES)
			stats->tombstones = a.ms_entries;
		else if (db == DB_CONFLICTS)
			stats->conflicts = a.ms_entries;
		else if (db == DB_AUDIT)
			stats->audit = a.ms_entries;
		else if (db == DB_PEERS)
			stats->peers = a.ms_entries;
	}
	return 0;
}

/* The sealed value under the same key opens (it authenticates under the new key) to exactly
 * the original's bytes, and a record's encoding decodes. */
static int check_same(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	MDB_val key = *k, ev;
	int rc = cw_val_get(p->enc, p->etxn, p->db, &key, &ev, &p->buf, err);

	if (rc == MDB_NOTFOUND)
		return differs(p->db, k, err);
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "checking the encrypted copy", err);
	if (ev.mv_size != v->mv_size || memcmp(ev.mv_data, v->mv_data, v->mv_size) != 0)
		return differs(p->db, k, err);
	if (p->db == DB_RECORDS || p->db == DB_TOMBSTONES || p->db == DB_CONFLICTS) {
		struct cw_record rec;

		if ((rc = decode_named(p->db, k, &ev, &rec, err)) != 0)
			return rc;
		cw_record_free(&rec);
	}
	return 0;
}

/* A part of an attachment's content is under its new key with the same bytes. */
static int check_blob(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	uint8_t key[CW_ATTACH_BLOB_KEY_LEN];
	MDB_val ek = {sizeof key, key}, ev;
	int rc;

	blob_key_enc(p->enc, k, key);
	rc = cw_val_get(p->enc, p->etxn, DB_BLOBS, &ek, &ev, &p->buf, err);
	if (rc == MDB_NOTFOUND || (rc == 0 && (ev.mv_size != v->mv_size ||
					       memcmp(ev.mv_data, v->mv_data, v->mv_size) != 0)))
		return cw_error_set(err, CW_EDAMAGED, "database",
				    "an attachment's content differs in the encrypted copy");
	return rc ? cw_store_lmdb_error(NULL, rc, "checking the encrypted copy", err) : 0;
}

/* A name is found under its new tag with the original's count and text. */
static int check_name(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	uint8_t nk[1 + NAME_HASH_LEN];
	char text[512];
	size_t len = v->mv_size - 4 < sizeof text ? v->mv_size - 4 : sizeof text - 1;
	MDB_val ek = {sizeof nk, nk}, ev;
	int rc;

	memcpy(text, (const uint8_t *)v->mv_data + 4, len); /* (at least 4: copied already) */
	text[len] = '\0';
	cw_store_name_key(p->enc, (enum cw_name_type)((const uint8_t *)k->mv_data)[0], text, nk);
	uint32_t count;
	MDB_val etext;

	rc = mdb_get(p->etxn, p->enc->dbi[DB_NAMES], &ek, &ev);
	if (rc == 0 &&
	    (rc = cw_store_name_open(p->enc, &ek, &ev, &p->buf, &count, &etext, err)) != 0)
		return rc;
	if (rc == 0 && count == get_be32(v->mv_data) && etext.mv_size == len &&
	    memcmp(etext.mv_data, text, len) == 0)
		return 0;
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(NULL, rc, "checking the encrypted copy", err);
	return cw_error_set(err, CW_EDAMAGED, "database",
			    "the encrypted copy's names differ from the original's ('%.100s')",
			    text);
}

/* A peer is found under its tag with the original's sequence, time and name. */
static int check_peer(struct pass *p, const MDB_val *k, const MDB_val *v, struct cw_error *err)
{
	char name[PEER_KEY_MAX + 1];
	uint8_t key[PEER_KEY_MAX];
	MDB_val ek = {0, key}, ev;
	int rc;

	memcpy(name, k->mv_data, k->mv_size); /* (its size was checked when copied) */
	name[k->mv_size] = '\0';
	ek.mv_size = cw_store_peer_key(p->enc, name, key);
	rc = cw_val_get(p->enc, p->etxn, DB_PEERS, &ek, &ev, &p->buf, err);
	if (rc == 0 && ev.mv_size == 16 + k->mv_size && memcmp(ev.mv_data, v->mv_data, 16) == 0 &&
	    memcmp((const uint8_t *)ev.mv_data + 16, name, k->mv_size) == 0)
		return 0;
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(NULL, rc, "checking the encrypted copy", err);
	return cw_error_set(err, CW_EDAMAGED, "database",
			    "the encrypted copy of peer '%.100s' differs from the original", name);
}

/* Indexes keyed only by dates, kinds and ids hold the same keys in both, one for one. */
static int same_keys(struct copy *c, struct cw_store *enc, MDB_txn *etxn, enum cw_db db,
		     struct cw_error *err)
{
	MDB_cursor *pc, *ec;
	MDB_val pk, pv, ek, ev;
	int rc, prc, erc, op = MDB_FIRST;

	if ((rc = mdb_cursor_open(c->ptxn, c->plain->dbi[db], &pc)) != 0)
		return cw_store_lmdb_error(NULL, rc, "checking the encrypted copy", err);
	if ((rc = mdb_cursor_open(etxn, enc->dbi[db], &ec)) != 0) {
		mdb_cursor_close(pc);
		return cw_store_lmdb_error(NULL, rc, "checking the encrypted copy", err);
	}
	for (;; op = MDB_NEXT) {
		prc = mdb_cursor_get(pc, &pk, &pv, op);
		erc = mdb_cursor_get(ec, &ek, &ev, op);
		if (prc == MDB_NOTFOUND && erc == MDB_NOTFOUND) {
			rc = 0;
			break;
		}
		if ((prc && prc != MDB_NOTFOUND) || (erc && erc != MDB_NOTFOUND)) {
			rc = cw_store_lmdb_error(NULL, prc ? prc : erc,
						 "checking the encrypted copy", err);
			break;
		}
		if (prc || erc || pk.mv_size != ek.mv_size ||
		    memcmp(pk.mv_data, ek.mv_data, pk.mv_size) != 0) {
			rc = differs(db, prc ? &ek : &pk, err);
			break;
		}
	}
	mdb_cursor_close(pc);
	mdb_cursor_close(ec);
	return rc;
}

static int verify(struct copy *c, struct cw_store *enc, struct cw_copy_stats *stats,
		  struct cw_error *err)
{
	static const enum cw_db sealed[] = {DB_RECORDS, DB_TOMBSTONES, DB_CONFLICTS,
					    DB_AUDIT,   DB_DRAFTS,     DB_UNDO};
	static const enum cw_db plain_keys[] = {DB_BY_KIND,   DB_BY_DATE,      DB_BY_PERSON,
						DB_BY_CASE,   DB_BY_NEXT_DATE, DB_AUDIT_SEEN,
						DB_DETENTION, DB_BY_LINK};
	struct pass p = {NULL, enc, NULL, DB_META, {0}};
	int rc = cw_store_begin_read(enc, &p.etxn, err);

	if (rc != 0)
		return rc;
	rc = same_counts(c, enc, p.etxn, stats, err);
	for (size_t i = 0; rc == 0 && i < sizeof sealed / sizeof sealed[0]; i++)
		rc = walk(c, sealed[i], check_same, &p, err);
	for (size_t i = 0; rc == 0 && i < sizeof plain_keys / sizeof plain_keys[0]; i++)
		rc = same_keys(c, enc, p.etxn, plain_keys[i], err);
	if (rc == 0)
		rc = walk(c, DB_NAMES, check_name, &p, err);
	if (rc == 0)
		rc = walk(c, DB_PEERS, check_peer, &p, err);
	if (rc == 0 && c->plain->attach_ready &&
	    (rc = walk(c, DB_ATTACHMENTS, check_same, &p, err)) == 0 &&
	    (rc = same_keys(c, enc, p.etxn, DB_ATTACH_INDEX, err)) == 0)
		rc = walk(c, DB_BLOBS, check_blob, &p, err);
	if (rc == 0)
		rc = cw_trust_same(c->plain, c->ptxn, enc, p.etxn, err);
	if (rc == 0)
		rc = walk(c, DB_META, check_public_meta, &p, err);
	mdb_txn_abort(p.etxn);
	pass_buf_free(&p);
	return rc;
}

int cw_store_copy_encrypted(struct cw_store *plain, struct cw_store *enc,
			    struct cw_copy_stats *stats, struct cw_error *err)
{
	struct copy c = {plain, NULL, 0};
	MDB_envinfo info;
	int rc;

	memset(stats, 0, sizeof *stats);
	if (plain->vault || !enc->vault)
		return cw_error_set(err, CW_EINVAL, "database",
				    "copying needs a plain database and a new encrypted one");
	if (!cw_id_equal(&plain->database_id, &enc->database_id))
		return cw_error_set(err, CW_EINVAL, "database",
				    "the encrypted copy must keep the database id (its key slot "
				    "and bundles name it)");
	if (plain->read_only || enc->read_only || !plain->sync_ready)
		return cw_error_set(err, CW_EINVAL, "database",
				    "both databases must be open for writing");
	/* The plain database's write lock, held until the copy is checked: no other process
	 * changes it meanwhile, so the copy is of one moment and nothing written is left out. */
	rc = mdb_txn_begin(plain->env, NULL, 0, &c.ptxn);
	if (rc == MDB_MAP_RESIZED) {
		mdb_env_set_mapsize(plain->env, 0);
		rc = mdb_txn_begin(plain->env, NULL, 0, &c.ptxn);
	}
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "locking the plain database", err);
	mdb_env_info(plain->env, &info);
	stats->txn = (uint64_t)info.me_last_txnid;
	rc = cw_store_write(enc, copy_fn, &c, err);
	stats->enrolled = c.enrolled;
	if (rc == 0)
		rc = verify(&c, enc, stats, err);
	mdb_txn_abort(c.ptxn);
	return rc;
}

/* ---- is the database in use? --------------------------------------------------------------- */

int cw_store_in_use(const char *dir, long *pid, struct cw_error *err)
{
	char path[4096];
	struct flock lk;
	int fd, rc;

	if (pid)
		*pid = 0;
	snprintf(path, sizeof path, "%s/lock.mdb", dir);
	fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return 0; /* never opened since it was made or copied: nobody has it */
	if (fd < 0)
		return cw_error_set(err, CW_EIO, "database", "cannot open %.300s: %s", path,
				    strerror(errno));
	/* LMDB holds a read lock on the first byte of the lock file in every process that has
	 * the environment open; a write lock there would conflict with any of them. */
	memset(&lk, 0, sizeof lk);
	lk.l_type = F_WRLCK;
	lk.l_whence = SEEK_SET;
	lk.l_start = 0;
	lk.l_len = 1;
	rc = fcntl(fd, F_GETLK, &lk);
	close(fd);
	if (rc != 0)
		return cw_error_set(err, CW_EIO, "database", "cannot probe %.300s: %s", path,
				    strerror(errno));
	if (lk.l_type == F_UNLCK)
		return 0;
	if (pid)
		*pid = (long)lk.l_pid;
	return 1;
}

int cw_store_last_txn(const char *dir, uint64_t *txn, struct cw_error *err)
{
	MDB_env *env;
	MDB_envinfo info;
	int rc;

	*txn = 0;
	if ((rc = mdb_env_create(&env)) != 0)
		return cw_store_lmdb_error(NULL, rc, "opening the database", err);
	/* Without the lock file: the meta pages say it, and LMDB need not be set up for it. */
	if ((rc = mdb_env_set_maxdbs(env, DB_COUNT)) != 0 ||
	    (rc = mdb_env_open(env, dir, MDB_RDONLY | MDB_NOTLS | MDB_NOLOCK, 0600)) != 0) {
		mdb_env_close(env);
		return cw_error_set(err, CW_EDB, "database", "cannot open %.300s: %s", dir,
				    mdb_strerror(rc));
	}
	mdb_env_info(env, &info);
	*txn = (uint64_t)info.me_last_txnid;
	mdb_env_close(env);
	return 0;
}

int cw_store_alone_begin(const char *dir, struct cw_store_alone *a, long *pid, struct cw_error *err)
{
	char path[4096];
	int fd, rc;

	a->fd = -1;
	if (pid)
		*pid = 0;
	snprintf(path, sizeof path, "%s/lock.mdb", dir);
	/* Made when missing, as LMDB would: an open must find something to wait on. */
	if ((fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0)
		return cw_error_set(err, CW_EIO, "database", "cannot open %.300s: %s", path,
				    strerror(errno));
	while ((rc = flock(fd, LOCK_EX | LOCK_NB)) != 0 && errno == EINTR)
		;
	if (rc != 0) {
		int e = errno;

		if (e == EWOULDBLOCK)
			cw_store_in_use(dir, pid, err); /* the pid when it can be seen */
		close(fd);
		return e == EWOULDBLOCK ? 1
					: cw_error_set(err, CW_EIO, "database",
						       "cannot lock %.300s: %s", path, strerror(e));
	}
	/* A casewatch that has it open holds the shared lock; any other program that has it
	 * open (LMDB's mdb_stat, an older casewatch) holds LMDB's own lock. */
	if ((rc = cw_store_in_use(dir, pid, err)) != 0) {
		close(fd);
		return rc;
	}
	a->fd = fd;
	return 0;
}

void cw_store_alone_end(struct cw_store_alone *a)
{
	if (a->fd >= 0)
		close(a->fd); /* the opens that waited go on, and open the file now there */
	a->fd = -1;
}
