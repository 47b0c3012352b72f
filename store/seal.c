/* seal.c - the seam between the store and its key: values of the tables that hold user data
 * are sealed with the database's key when it is encrypted (bound to their table and key), and
 * what stands for an article or a name in an index key is a keyed tag; see store_internal.h.
 * Every read and write of those tables goes through here, once, so no caller handles
 * ciphertext and a plain database costs nothing extra. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "store/store_internal.h"
#include "store/vault.h"

/* Purposes of the keyed tags, so an article's tag never equals a name's. */
enum { TAG_ARTICLE = 'a', TAG_NAME = 'n', TAG_PEER = 'p', TAG_BLOB = 'b', TAG_PERSON = 'h' };

int cw_store_sealed_table(enum cw_db db)
{
	switch (db) {
	case DB_RECORDS:
	case DB_TOMBSTONES:
	case DB_CONFLICTS:
	case DB_AUDIT:
	case DB_PEERS:
	case DB_TRUST:
	case DB_DRAFTS:
	case DB_UNDO:
	case DB_ATTACHMENTS:
	case DB_BLOBS:
		return 1;
	default:
		return 0;
	}
}

int cw_val_put(struct cw_txn *t, enum cw_db db, MDB_val *k, const void *data, size_t len,
	       unsigned flags)
{
	struct cw_store *st = t->st;
	MDB_val v = {len, (void *)data};
	struct cw_buf sealed = {0};
	int rc;

	if (!st->vault || !cw_store_sealed_table(db))
		return mdb_put(t->txn, st->dbi[db], k, &v, flags);
	if (cw_vault_seal(st->vault, (uint8_t)db, k->mv_data, k->mv_size, data, len, &sealed) != 0)
		return ENOMEM;
	v.mv_size = sealed.len;
	v.mv_data = sealed.data;
	rc = mdb_put(t->txn, st->dbi[db], k, &v, flags);
	cw_buf_free(&sealed);
	return rc;
}

/* Names what failed to open, so a user can tell which record was altered. */
static int damaged(enum cw_db db, const MDB_val *k, struct cw_error *err)
{
	char hex[CW_ID_HEX_LEN + 1];

	if ((db == DB_RECORDS || db == DB_TOMBSTONES || db == DB_CONFLICTS) &&
	    k->mv_size >= ID_LEN) {
		struct cw_id id;

		memcpy(id.b, k->mv_data, ID_LEN);
		cw_id_hex(&id, hex);
		return cw_error_set(err, CW_EDAMAGED, "id",
				    "the stored record %s fails its authentication: the database "
				    "was altered or is damaged ('casewatch verify' lists what is; "
				    "'casewatch restore BACKUP --db DIR' brings back a backup)",
				    hex);
	}
	if (db == DB_AUDIT && k->mv_size == 8)
		return cw_error_set(err, CW_EDAMAGED, "audit",
				    "audit entry %llu fails its authentication: the database was "
				    "altered or is damaged ('casewatch verify' lists what is; "
				    "'casewatch restore BACKUP --db DIR' brings back a backup)",
				    (unsigned long long)get_be64(k->mv_data));
	return cw_error_set(err, CW_EDAMAGED, "database",
			    "a stored %s entry fails its authentication: the database was altered "
			    "or is damaged ('casewatch verify' lists what is; 'casewatch restore "
			    "BACKUP --db DIR' brings back a backup)",
			    db == DB_NAMES                     ? "name"
			    : db == DB_PEERS || db == DB_TRUST ? "peer"
							       : "value");
}

int cw_val_open(struct cw_store *st, enum cw_db db, const MDB_val *k, const MDB_val *v,
		struct cw_buf *buf, MDB_val *out, struct cw_error *err)
{
	int rc;

	if (!st->vault || !cw_store_sealed_table(db)) {
		*out = *v;
		return 0;
	}
	buf->len = 0;
	rc = cw_vault_open(st->vault, (uint8_t)db, k->mv_data, k->mv_size, v->mv_data, v->mv_size,
			   buf);
	if (rc == CW_EDAMAGED)
		return damaged(db, k, err);
	if (rc != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	out->mv_size = buf->len;
	out->mv_data = buf->data;
	return 0;
}

int cw_store_name_open(struct cw_store *st, const MDB_val *k, const MDB_val *v, struct cw_buf *buf,
		       uint32_t *count, MDB_val *text, struct cw_error *err)
{
	MDB_val body;
	int rc;

	if (v->mv_size < 4)
		return cw_error_set(err, CW_EDB, "database", "a name entry is corrupt");
	*count = get_be32(v->mv_data);
	body.mv_size = v->mv_size - 4;
	body.mv_data = (uint8_t *)v->mv_data + 4;
	if (!st->vault) {
		*text = body;
		return 0;
	}
	buf->len = 0;
	rc = cw_vault_open(st->vault, DB_NAMES, k->mv_data, k->mv_size, body.mv_data, body.mv_size,
			   buf);
	if (rc == CW_EDAMAGED)
		return damaged(DB_NAMES, k, err);
	if (rc != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	text->mv_size = buf->len;
	text->mv_data = buf->data;
	return 0;
}

int cw_store_name_body(const struct cw_store *st, const MDB_val *k, const char *text,
		       struct cw_buf *out)
{
	size_t len = text ? strlen(text) : 0;

	if (!st->vault)
		return cw_buf_append(out, text ? text : "", len);
	return cw_vault_seal(st->vault, DB_NAMES, k->mv_data, k->mv_size, text ? text : "", len,
			     out);
}

int cw_val_get(struct cw_store *st, MDB_txn *txn, enum cw_db db, MDB_val *k, MDB_val *out,
	       struct cw_buf *buf, struct cw_error *err)
{
	MDB_val v;
	int rc = mdb_get(txn, st->dbi[db], k, &v);

	if (rc != 0)
		return rc;
	return cw_val_open(st, db, k, &v, buf, out, err);
}

size_t cw_store_article_key(const struct cw_store *st, const struct cw_article *a, int gov,
			    uint8_t out[ARTICLE_TAG_LEN])
{
	uint8_t key[CW_ARTICLE_KEY_LEN];

	cw_article_key(a, key);
	if (gov) /* the law byte is below 0x80: its high bit marks the government's account */
		key[0] |= 0x80;
	if (!st->vault) {
		memcpy(out, key, sizeof key);
		return sizeof key;
	}
	cw_vault_tag(st->vault, TAG_ARTICLE, key, sizeof key, out, ARTICLE_TAG_LEN);
	return ARTICLE_TAG_LEN;
}

int cw_store_name_tag(const struct cw_store *st, int person, const char *name, size_t len,
		      uint8_t out[NAME_HASH_LEN])
{
	if (!st->vault)
		return 0;
	cw_vault_tag(st->vault, person ? TAG_PERSON : TAG_NAME, name, len, out, NAME_HASH_LEN);
	return 1;
}

size_t cw_store_peer_key(const struct cw_store *st, const char *name, uint8_t out[PEER_KEY_MAX])
{
	size_t len = strlen(name);

	if (!st->vault) {
		if (len > PEER_KEY_MAX)
			len = PEER_KEY_MAX;
		memcpy(out, name, len);
		return len;
	}
	cw_vault_tag(st->vault, TAG_PEER, name, len, out, PEER_TAG_LEN);
	return PEER_TAG_LEN;
}

void cw_store_blob_tag(const struct cw_store *st, const uint8_t sha256[32],
		       uint8_t out[CW_ATTACH_TAG_LEN])
{
	if (!st->vault) {
		memcpy(out, sha256, CW_ATTACH_TAG_LEN);
		return;
	}
	cw_vault_tag(st->vault, TAG_BLOB, sha256, 32, out, CW_ATTACH_TAG_LEN);
}
