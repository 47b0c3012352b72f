/* audit.c - the audit log: every change, appended in the transaction that makes it; see store.h. */
#include "config.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/i18n.h"
#include "store/identity.h"
#include "store/store_internal.h"
#include "store/trust.h"

/* Entry value: time(8) action(1) kind(1) record(16) database(16) author(rest), big-endian. */
#define AUDIT_FIXED (8 + 1 + 1 + ID_LEN + ID_LEN)

const char *cw_audit_action_name(enum cw_audit_action action)
{
	static const char *const names[] = {"?",       "create", "edit",   "delete", "import",
					    "resolve", "attach", "detach", "caption"};

	return (unsigned)action < sizeof names / sizeof names[0] ? names[action] : "?";
}

/* ---- the entry format and the chain --------------------------------------------------------- */

/* Entries of the chain mark their action byte with this bit; after the fixed part they carry
 * prev(32) flags(1) [sig(64) when flags & 1] author(rest). Older entries: author(rest).
 * An entry of this database's own marks it with AUDIT_HERE and leaves its database id out
 * (schema 5): the id is the database's, and writing it into every entry was 16 bytes a change
 * (18 MiB of a million-record file). Entries that came from elsewhere keep theirs. */
#define AUDIT_CHAINED 0x80
#define AUDIT_HERE    0x40
#define AUDIT_ACTION  0x3F
#define AUDIT_SIGNED  0x01

static size_t audit_encode(const struct cw_audit_entry *e, const struct cw_id *here, uint8_t *val,
			   size_t cap)
{
	size_t alen = strlen(e->author), n;
	int own = cw_id_equal(&e->database, here);

	if (alen > 127)
		alen = 127;
	put_be64(val, (uint64_t)e->time);
	val[8] = (uint8_t)(e->action | (e->chained ? AUDIT_CHAINED : 0) | (own ? AUDIT_HERE : 0));
	val[9] = e->kind;
	memcpy(val + 10, e->record.b, ID_LEN);
	n = 10 + ID_LEN;
	if (!own) {
		memcpy(val + n, e->database.b, ID_LEN);
		n += ID_LEN;
	}
	if (e->chained) {
		memcpy(val + n, e->prev, CW_AUDIT_HASH_BYTES);
		n += CW_AUDIT_HASH_BYTES;
		val[n++] = e->is_signed ? AUDIT_SIGNED : 0;
		if (e->is_signed) {
			memcpy(val + n, e->sig, CW_AUDIT_SIG_BYTES);
			n += CW_AUDIT_SIG_BYTES;
		}
	}
	if (n + alen > cap)
		alen = cap - n;
	memcpy(val + n, e->author, alen);
	return n + alen;
}

int cw_audit_decode(const uint8_t *p, size_t len, const struct cw_id *here,
		    struct cw_audit_entry *e)
{
	size_t n, alen;

	if (len < 10 + ID_LEN)
		return CW_EDAMAGED;
	e->time = (int64_t)get_be64(p);
	e->action = p[8] & AUDIT_ACTION;
	e->chained = (p[8] & AUDIT_CHAINED) != 0;
	e->kind = p[9];
	memcpy(e->record.b, p + 10, ID_LEN);
	n = 10 + ID_LEN;
	if (p[8] & AUDIT_HERE) {
		e->database = *here;
	} else {
		if (len < n + ID_LEN)
			return CW_EDAMAGED;
		memcpy(e->database.b, p + n, ID_LEN);
		n += ID_LEN;
	}
	e->is_signed = 0;
	memset(e->prev, 0, sizeof e->prev);
	if (e->chained) {
		if (len < n + CW_AUDIT_HASH_BYTES + 1)
			return CW_EDAMAGED;
		memcpy(e->prev, p + n, CW_AUDIT_HASH_BYTES);
		n += CW_AUDIT_HASH_BYTES;
		e->is_signed = (p[n++] & AUDIT_SIGNED) != 0;
		if (e->is_signed) {
			if (len < n + CW_AUDIT_SIG_BYTES)
				return CW_EDAMAGED;
			memcpy(e->sig, p + n, CW_AUDIT_SIG_BYTES);
			n += CW_AUDIT_SIG_BYTES;
		}
	}
	alen = len - n;
	if (alen >= sizeof e->author)
		alen = sizeof e->author - 1;
	memcpy(e->author, p + n, alen);
	e->author[alen] = '\0';
	return 0;
}

void cw_audit_hash(const struct cw_audit_entry *e, uint8_t out[CW_AUDIT_HASH_BYTES])
{
	crypto_generichash_state h;
	uint8_t time[8], alen = (uint8_t)(strlen(e->author) > 127 ? 127 : strlen(e->author));

	put_be64(time, (uint64_t)e->time);
	crypto_generichash_init(&h, NULL, 0, CW_AUDIT_HASH_BYTES);
	crypto_generichash_update(&h, (const uint8_t *)"cwaudit1", 8);
	crypto_generichash_update(&h, e->database.b, ID_LEN);
	crypto_generichash_update(&h, time, sizeof time);
	crypto_generichash_update(&h, &e->action, 1);
	crypto_generichash_update(&h, &e->kind, 1);
	crypto_generichash_update(&h, e->record.b, ID_LEN);
	crypto_generichash_update(&h, &alen, 1);
	crypto_generichash_update(&h, (const uint8_t *)e->author, alen);
	crypto_generichash_update(&h, e->prev, CW_AUDIT_HASH_BYTES);
	crypto_generichash_final(&h, out, CW_AUDIT_HASH_BYTES);
}

static void head_key(const struct cw_id *database, uint8_t key[5 + ID_LEN])
{
	memcpy(key, "chain", 5);
	memcpy(key + 5, database->b, ID_LEN);
}

int cw_store_audit_head(struct cw_txn *t, const struct cw_id *database,
			uint8_t out[CW_AUDIT_HASH_BYTES], int *found, struct cw_error *err)
{
	uint8_t key[5 + ID_LEN];
	MDB_val k = {sizeof key, key}, v;
	int rc;

	head_key(database, key);
	rc = mdb_get(t->txn, t->st->dbi[DB_META], &k, &v);
	*found = rc == 0 && v.mv_size == CW_AUDIT_HASH_BYTES;
	memset(out, 0, CW_AUDIT_HASH_BYTES);
	if (*found)
		memcpy(out, v.mv_data, CW_AUDIT_HASH_BYTES);
	return rc && rc != MDB_NOTFOUND ? cw_store_lmdb_error(t, rc, "reading the audit log", err)
					: 0;
}

static int set_head(struct cw_txn *t, const struct cw_id *database,
		    const uint8_t hash[CW_AUDIT_HASH_BYTES])
{
	uint8_t key[5 + ID_LEN];
	MDB_val k = {sizeof key, key}, v = {CW_AUDIT_HASH_BYTES, (void *)hash};

	head_key(database, key);
	return mdb_put(t->txn, t->st->dbi[DB_META], &k, &v, 0);
}

/* The identity whose signatures the entries of `database` carry: this database's own, or the
 * one its bundles were signed with (cw_store_bind_database). */
int cw_store_identity_of(struct cw_txn *t, const struct cw_id *database,
			 struct cw_identity_public *pub, int *known, struct cw_error *err)
{
	uint8_t key[8 + ID_LEN];
	MDB_val k = {sizeof key, key}, v;
	int rc;

	*known = 0;
	if (cw_id_equal(database, &t->st->database_id)) {
		memcpy(key, "identity", 8);
		k.mv_size = 8;
	} else {
		memcpy(key, "db_ident", 8);
		memcpy(key + 8, database->b, ID_LEN);
	}
	rc = mdb_get(t->txn, t->st->dbi[DB_META], &k, &v);
	if (rc == 0 && v.mv_size == CW_IDENTITY_BYTES) {
		cw_identity_from_bytes(v.mv_data, pub);
		*known = 1;
	}
	return rc && rc != MDB_NOTFOUND ? cw_store_lmdb_error(t, rc, "reading identities", err) : 0;
}

/* The database `key` speaks for, other than `except`: *found 0 when none (a walk over the
 * bindings, one per database ever heard from directly: a handful). */
static int database_of_key(struct cw_txn *t, const struct cw_identity_public *key,
			   const struct cw_id *except, struct cw_id *out, int *found,
			   struct cw_error *err)
{
	uint8_t raw[CW_IDENTITY_BYTES];
	MDB_cursor *cur;
	MDB_val k = {8, "db_ident"}, v;
	int rc, op;

	*found = 0;
	cw_identity_bytes(key, raw);
	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_META], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "reading identities", err);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		if (k.mv_size != 8 + ID_LEN || memcmp(k.mv_data, "db_ident", 8) != 0)
			break;
		if (v.mv_size == sizeof raw && !memcmp(v.mv_data, raw, sizeof raw) &&
		    memcmp((uint8_t *)k.mv_data + 8, except->b, ID_LEN) != 0) {
			memcpy(out->b, (uint8_t *)k.mv_data + 8, ID_LEN);
			*found = 1;
			break;
		}
	}
	mdb_cursor_close(cur);
	return rc == 0 || rc == MDB_NOTFOUND
		       ? 0
		       : cw_store_lmdb_error(t, rc, "reading identities", err);
}

int cw_store_bind_database(struct cw_txn *t, const struct cw_id *database,
			   const struct cw_identity_public *signer, int enrolling,
			   struct cw_error *err)
{
	uint8_t key[8 + ID_LEN], raw[CW_IDENTITY_BYTES];
	MDB_val k = {sizeof key, key}, v;
	struct cw_identity_public have, self;
	struct cw_peer_key peer;
	struct cw_error ignored;
	struct cw_id other;
	char hex[CW_ID_HEX_LEN + 1], otherhex[CW_ID_HEX_LEN + 1];
	/* Who claims the database: a bundle at import, a key being enrolled. */
	const char *field = enrolling ? "key" : "bundle",
		   *claim = enrolling ? _("this key says it is database")
				      : _("this bundle says it comes from database");
	int rc, known, found;

	cw_id_hex(database, hex);
	if (cw_id_equal(database, &t->st->database_id)) {
		if (!enrolling)
			return 0;
		return cw_error_set(err, CW_EREFUSED, field,
				    "%s %s, which is this database: refused (enrol the key the "
				    "other laptop's 'casewatch identity' prints)",
				    claim, hex);
	}
	/* A key speaks for one database: this one's own key for this one, a peer's for the one
	 * it was enrolled with or its first bundle came from. Else an enrolled peer could claim
	 * any laptop's database id and lock that laptop's own bundles out. */
	if ((rc = cw_store_identity_of(t, &t->st->database_id, &self, &known, err)) != 0)
		return rc;
	if (known && cw_identity_equal(&self, signer))
		return cw_error_set(err, CW_EREFUSED, field,
				    "%s %s but is signed with this database's own key: refused",
				    claim, hex);
	if ((rc = database_of_key(t, signer, database, &other, &found, err)) != 0)
		return rc;
	if (found) {
		cw_id_hex(&other, otherhex);
		return cw_error_set(err, CW_EREFUSED, field,
				    "%s %.8s, but its key speaks for database %.8s here: refused "
				    "(a key speaks for one database)",
				    claim, hex, otherhex);
	}
	if ((rc = cw_store_identity_of(t, database, &have, &known, err)) != 0)
		return rc;
	if (known && !cw_identity_equal(&have, signer)) {
		/* Name who holds it, so the supervisor knows whom to ask (or remove). */
		if (cw_peer_by_key_txn(t, &have, &peer, &ignored) == 0)
			return cw_error_set(
				err, CW_EREFUSED, field,
				"%s %s, which %s's key speaks for here (enrolled so, or its "
				"first bundle said so): refused (if %s claimed a database not its "
				"own, 'casewatch peer remove %s' forgets what its key spoke for)",
				claim, hex, peer.name, peer.name, peer.name);
		return cw_error_set(err, CW_EREFUSED, field,
				    "%s %s, which another key speaks for here: refused", claim,
				    hex);
	}
	if (known)
		return 0;
	memcpy(key, "db_ident", 8);
	memcpy(key + 8, database->b, ID_LEN);
	cw_identity_bytes(signer, raw);
	v.mv_size = sizeof raw;
	v.mv_data = raw;
	rc = mdb_put(t->txn, t->st->dbi[DB_META], &k, &v, 0);
	return rc ? cw_store_lmdb_error(t, rc, "remembering a database's identity", err) : 0;
}

int cw_store_unbind_key(struct cw_txn *t, const struct cw_identity_public *key,
			struct cw_error *err)
{
	static const struct cw_id none;
	uint8_t mkey[8 + ID_LEN];
	MDB_val k = {sizeof mkey, mkey};
	struct cw_id db;
	int rc, found;

	memcpy(mkey, "db_ident", 8);
	for (;;) {
		if ((rc = database_of_key(t, key, &none, &db, &found, err)) != 0 || !found)
			return rc;
		memcpy(mkey + 8, db.b, ID_LEN);
		if ((rc = mdb_del(t->txn, t->st->dbi[DB_META], &k, NULL)) != 0)
			return cw_store_lmdb_error(t, rc, "forgetting a database's identity", err);
	}
}

/* ---- removed keys --------------------------------------------------------------------------
 * A peer's key is removed when its laptop was taken, or the peer left: what it signs from then
 * on, and what the database it spoke for wrote that is not here yet, must not come in, also
 * relayed by a teammate who has not heard yet, nor by enrolling the key again when someone
 * reads its fingerprint by phone (a seized laptop's database restored from a backup keeps its
 * key). Kept in the meta table beside the bindings, with no name (no peer's name is readable
 * in the file), and copied with them (encrypt.c):
 *   "key_gone" + the key's signing half (32) -> removed(8, microseconds, big-endian), key(64)
 *   "db_gone_" + database id (16)             -> removed(8), key(64): the database it spoke for */
#define GONE_KEY "key_gone"
#define GONE_DB  "db_gone_"
#define GONE_VAL (8 + CW_IDENTITY_BYTES)

static void gone_key(const char *prefix, const uint8_t *id, size_t idlen, uint8_t *key)
{
	memcpy(key, prefix, 8);
	memcpy(key + 8, id, idlen);
}

static int put_gone(struct cw_txn *t, const char *prefix, const uint8_t *id, size_t idlen,
		    const uint8_t val[GONE_VAL], struct cw_error *err)
{
	uint8_t key[8 + CW_IDENTITY_KEY_BYTES];
	MDB_val k = {8 + idlen, key}, v = {GONE_VAL, (void *)val};
	int rc;

	gone_key(prefix, id, idlen, key);
	if ((rc = mdb_put(t->txn, t->st->dbi[DB_META], &k, &v, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "remembering a removed key", err);
	return 0;
}

int cw_store_revoke_key(struct cw_txn *t, const struct cw_identity_public *key,
			struct cw_error *err)
{
	static const struct cw_id none;
	uint8_t val[GONE_VAL];
	struct cw_id db;
	int rc, found;

	put_be64(val, (uint64_t)cw_now_us());
	cw_identity_bytes(key, val + 8);
	if ((rc = put_gone(t, GONE_KEY, key->sign, sizeof key->sign, val, err)) != 0 ||
	    (rc = database_of_key(t, key, &none, &db, &found, err)) != 0)
		return rc;
	/* A key speaks for one database (cw_store_bind_database). */
	return found ? put_gone(t, GONE_DB, db.b, ID_LEN, val, err) : 0;
}

static int get_gone(MDB_txn *txn, struct cw_store *st, const char *prefix, const uint8_t *id,
		    size_t idlen, int64_t *when, struct cw_identity_public *key, int *gone,
		    struct cw_error *err)
{
	uint8_t k8[8 + CW_IDENTITY_KEY_BYTES];
	MDB_val k = {8 + idlen, k8}, v;
	int rc;

	*gone = 0;
	gone_key(prefix, id, idlen, k8);
	rc = mdb_get(txn, st->dbi[DB_META], &k, &v);
	if (rc == 0 && v.mv_size == GONE_VAL) {
		*gone = 1;
		if (when)
			*when = (int64_t)get_be64(v.mv_data);
		if (key)
			cw_identity_from_bytes((const uint8_t *)v.mv_data + 8, key);
	}
	return rc && rc != MDB_NOTFOUND ? cw_store_lmdb_error(NULL, rc, "reading removed keys", err)
					: 0;
}

int cw_store_key_revoked(MDB_txn *txn, struct cw_store *st, const struct cw_identity_public *key,
			 int64_t *when, int *revoked, struct cw_error *err)
{
	return get_gone(txn, st, GONE_KEY, key->sign, sizeof key->sign, when, NULL, revoked, err);
}

int cw_store_database_revoked(MDB_txn *txn, struct cw_store *st, const struct cw_id *database,
			      int64_t *when, struct cw_identity_public *key, int *revoked,
			      struct cw_error *err)
{
	return get_gone(txn, st, GONE_DB, database->b, ID_LEN, when, key, revoked, err);
}

int cw_store_removed_change(struct cw_txn *t, const struct cw_id *database, int which,
			    const char *what, struct cw_error *err)
{
	struct cw_identity_public removed, now;
	char hex[CW_ID_HEX_LEN + 1], day[CW_DATE_TEXT_MAX];
	int64_t when;
	int rc, gone, known = 0;

	/* Most databases never removed a peer: one look per import, not one per change. */
	if (t->any_removed < 0) {
		MDB_cursor *cur;
		MDB_val k = {8, GONE_DB}, v;

		if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_META], &cur)) != 0)
			return cw_store_lmdb_error(t, rc, "reading removed keys", err);
		rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
		mdb_cursor_close(cur);
		if (rc != 0 && rc != MDB_NOTFOUND)
			return cw_store_lmdb_error(t, rc, "reading removed keys", err);
		t->any_removed = rc == 0 && k.mv_size >= 8 && !memcmp(k.mv_data, GONE_DB, 8);
	}
	if (!t->any_removed)
		return 0;
	if ((rc = cw_store_database_revoked(t->txn, t->st, database, &when, &removed, &gone,
					    err)) != 0 ||
	    (gone && (rc = cw_store_identity_of(t, database, &now, &known, err)) != 0))
		return rc;
	/* Spoken for by another key since, by its own bundle: the removed peer had claimed a
	 * database not its own, and removing it let the real laptop's in again. */
	if (!gone || (known && !cw_identity_equal(&now, &removed)))
		return 0;
	if (!t->accept_removed) {
		cw_id_hex(database, hex);
		cw_date_format(cw_date_of_time(when), day);
		/* What the first one is, so that whoever decides can tell a change of the
		 * laptop's from its owner's days (an import it made then) from one made since. */
		return cw_error_set(
			err, CW_EREFUSED, "bundle",
			"it carries changes made in database %.8s that were not here "
			"when that database's key was removed from the peers (%s), the "
			"first %s: whoever holds that key now may have written them. "
			"Refused, nothing imported; ask whoever sent it to remove that "
			"key too, or, to take them and review them, import it again with "
			"--accept-removed",
			hex, day, what);
	}
	if (t->removed_entries + t->removed_versions + t->removed_attachments == 0)
		t->removed_database = *database;
	if (which == CW_REMOVED_VERSION)
		t->removed_versions++;
	else if (which == CW_REMOVED_ATTACHMENT)
		t->removed_attachments++;
	else
		t->removed_entries++;
	return 0;
}

static int latest_removed_first(const void *a, const void *b)
{
	int64_t x = ((const struct cw_removed_key *)a)->removed,
		y = ((const struct cw_removed_key *)b)->removed;

	return (x < y) - (x > y);
}

int cw_store_removed_keys(MDB_txn *txn, struct cw_store *st, struct cw_removed_key **out, size_t *n,
			  struct cw_error *err)
{
	MDB_val k = {8, GONE_KEY}, v;
	MDB_cursor *cur;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_META], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading removed keys", err);
	for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
	     rc == 0 && k.mv_size == 8 + CW_IDENTITY_KEY_BYTES && !memcmp(k.mv_data, GONE_KEY, 8);
	     rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		if (v.mv_size != GONE_VAL)
			continue;
		if (*n == cap) {
			struct cw_removed_key *grown =
				realloc(*out, (cap = cap ? 2 * cap : 4) * sizeof *grown);

			if (!grown) {
				rc = CW_ENOMEM;
				break;
			}
			*out = grown;
		}
		(*out)[*n].removed = (int64_t)get_be64(v.mv_data);
		cw_identity_from_bytes((const uint8_t *)v.mv_data + 8, &(*out)[*n].key);
		(*n)++;
	}
	mdb_cursor_close(cur);
	if (rc == CW_ENOMEM || (rc != 0 && rc != MDB_NOTFOUND)) {
		free(*out);
		*out = NULL;
		*n = 0;
		return rc == CW_ENOMEM ? cw_error_set(err, CW_ENOMEM, "", "out of memory")
				       : cw_store_lmdb_error(NULL, rc, "reading removed keys", err);
	}
	if (*n > 1)
		qsort(*out, *n, sizeof **out, latest_removed_first);
	return 0;
}

int cw_store_unrevoke_key(struct cw_txn *t, const struct cw_identity_public *key,
			  struct cw_error *err)
{
	uint8_t raw[CW_IDENTITY_BYTES], k8[8 + CW_IDENTITY_KEY_BYTES];
	MDB_val k = {8 + sizeof key->sign, k8}, v;
	MDB_cursor *cur;
	int rc;

	gone_key(GONE_KEY, key->sign, sizeof key->sign, k8);
	if ((rc = mdb_del(t->txn, t->st->dbi[DB_META], &k, NULL)) != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "forgetting a removed key", err);
	/* And the database it spoke for: the entries of "db_gone_" whose key is this one. */
	cw_identity_bytes(key, raw);
	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_META], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "forgetting a removed key", err);
	k.mv_size = 8;
	k.mv_data = GONE_DB;
	for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
	     rc == 0 && k.mv_size == 8 + ID_LEN && !memcmp(k.mv_data, GONE_DB, 8);
	     rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT))
		if (v.mv_size == GONE_VAL && !memcmp((uint8_t *)v.mv_data + 8, raw, sizeof raw) &&
		    (rc = mdb_cursor_del(cur, 0)) != 0)
			break;
	mdb_cursor_close(cur);
	return rc && rc != MDB_NOTFOUND
		       ? cw_store_lmdb_error(t, rc, "forgetting a removed key", err)
		       : 0;
}

/* ---- unsigned entries a signed one must vouch for ------------------------------------------ */

static struct cw_id hash_id(const uint8_t hash[CW_AUDIT_HASH_BYTES])
{
	struct cw_id id;

	memcpy(id.b, hash, ID_LEN);
	return id;
}

/* Takes run i out; the last run moves into its place. */
static void run_drop(struct cw_audit_cover *c, size_t i)
{
	size_t at, last = c->n - 1;

	cw_idmap_del(&c->by_to, &c->v[i].to);
	/* Two runs may follow one hash (a log that went on twice from one signed entry, as after
	 * a restore from a backup): the map names one of them. */
	if (cw_idmap_get(&c->by_from, &c->v[i].from, &at) && at == i)
		cw_idmap_del(&c->by_from, &c->v[i].from);
	if (i != last) {
		c->v[i] = c->v[last];
		/* Each taken out before it is put back: the maps never grow here. */
		cw_idmap_del(&c->by_to, &c->v[i].to);
		cw_idmap_put(&c->by_to, &c->v[i].to, i, NULL);
		if (cw_idmap_get(&c->by_from, &c->v[i].from, &at) && at == last) {
			cw_idmap_del(&c->by_from, &c->v[i].from);
			cw_idmap_put(&c->by_from, &c->v[i].from, i, NULL);
		}
	}
	c->n = last;
}

int cw_audit_cover_add(struct cw_audit_cover *c, const uint8_t hash[CW_AUDIT_HASH_BYTES],
		       const uint8_t prev[CW_AUDIT_HASH_BYTES], const struct cw_id *database)
{
	struct cw_id h = hash_id(hash), p = hash_id(prev);
	size_t i, j;

	/* A run's last already: the same entry twice in one bundle, one to vouch for (a second
	 * copy is held already, by audit_seen, and does not come here). */
	if (cw_idmap_get(&c->by_to, &h, NULL))
		return 0;
	if (cw_idmap_get(&c->by_to, &p, &i)) {
		/* The next entry of a run. */
		cw_idmap_del(&c->by_to, &p);
		c->v[i].to = h;
		c->v[i].entries++;
		if (cw_idmap_put(&c->by_to, &h, i, NULL) < 0)
			return CW_ENOMEM;
	} else {
		if (c->n == c->cap) {
			size_t cap = c->cap ? c->cap * 2 : 16;
			struct cw_audit_cover_run *v = realloc(c->v, cap * sizeof *v);

			if (!v)
				return CW_ENOMEM;
			c->v = v;
			c->cap = cap;
		}
		i = c->n++;
		c->v[i].from = p;
		c->v[i].to = h;
		c->v[i].database = *database;
		c->v[i].entries = 1;
		if (cw_idmap_put(&c->by_to, &h, i, NULL) < 0 ||
		    cw_idmap_put(&c->by_from, &p, i, NULL) < 0)
			return CW_ENOMEM;
		if (c->n > c->most)
			c->most = c->n;
	}
	c->open++;
	/* A run that follows this entry, come before it: the two are one run now. */
	if (cw_idmap_get(&c->by_from, &h, &j) && j != i) {
		struct cw_id end = c->v[j].to;
		size_t more = c->v[j].entries, last = c->n - 1;

		run_drop(c, j);
		if (i == last)
			i = j; /* moved into the place of the one taken out */
		cw_idmap_del(&c->by_to, &c->v[i].to);
		c->v[i].to = end;
		c->v[i].entries += more;
		if (cw_idmap_put(&c->by_to, &end, i, NULL) < 0)
			return CW_ENOMEM;
	}
	return 0;
}

/* A signed entry vouches for the chain behind it: the run it follows, every entry of it. What
 * lies before the run is not vouched for by it: in a log as it is made, a signed entry or one
 * held already (where the run began); otherwise a gap, or another run (a branch from an
 * unsigned entry), which needs a signature of its own or leaves the bundle refused. */
void cw_audit_cover_walk(struct cw_audit_cover *c, const uint8_t prev[CW_AUDIT_HASH_BYTES])
{
	struct cw_id p = hash_id(prev);
	size_t i;

	if (c->open && cw_idmap_get(&c->by_to, &p, &i)) {
		c->open -= c->v[i].entries;
		run_drop(c, i);
	}
}

int cw_audit_cover_check(const struct cw_audit_cover *c, struct cw_error *err)
{
	char hex[CW_ID_HEX_LEN + 1];

	if (!c->open || !c->n)
		return 0;
	cw_id_hex(&c->v[0].database, hex);
	return cw_error_set(err, CW_EDAMAGED, "audit",
			    "%zu audit entries of database %.8s come with no signature of that "
			    "database behind them: they were cut off from it or forged; the bundle "
			    "is refused",
			    c->open, hex);
}

void cw_audit_cover_free(struct cw_audit_cover *c)
{
	cw_idmap_free(&c->by_to);
	cw_idmap_free(&c->by_from);
	free(c->v);
	memset(c, 0, sizeof *c);
}

int cw_txn_audit(struct cw_txn *t, enum cw_audit_action action, enum cw_kind kind,
		 const struct cw_id *record, struct cw_error *err)
{
	return cw_txn_audit_at(t, action, kind, record, cw_now_us(), err);
}

int cw_txn_audit_at(struct cw_txn *t, enum cw_audit_action action, enum cw_kind kind,
		    const struct cw_id *record, int64_t time, struct cw_error *err)
{
	struct cw_audit_entry e;
	int rc, found;

	memset(&e, 0, sizeof e);
	e.time = time;
	e.action = (uint8_t)action;
	e.kind = (uint8_t)kind;
	e.record = *record;
	e.database = t->st->database_id;
	snprintf(e.author, sizeof e.author, "%s", t->st->author);
	/* The chain: after this database's newest entry; signed at commit (the last one). */
	e.chained = 1;
	if ((rc = cw_store_audit_head(t, &e.database, e.prev, &found, err)) != 0)
		return rc;
	return cw_store_audit_append(t, &e, 0, NULL, err);
}

/* ---- this database's own entries coming back --------------------------------------------
 * audit_seen holds a key for each entry that came from a bundle, so that one held already is
 * not appended twice. This database's own entries have none: writing one for every change
 * was a put per record and 5% of the file (bench/RESULTS.md). When one of them comes back in a
 * bundle (a peer sends everything it holds), whether the log holds it is read from the log:
 * its own entries' keys are gathered once per transaction that needs them, sorted. */
#define SEEN_LEN (ID_LEN + 8 + ID_LEN + 1) /* database, time, record, action */
#define OWN_LEN  (8 + ID_LEN + 1)          /* the same without the database */

void cw_audit_own_free(struct cw_store *st)
{
	free(st->own_log.keys);
	memset(&st->own_log, 0, sizeof st->own_log);
}

static int own_order(const void *a, const void *b)
{
	return memcmp(a, b, OWN_LEN);
}

static int gather_own(struct cw_txn *t, struct cw_error *err)
{
	struct cw_store *st = t->st;
	struct cw_buf buf = {0}, keys = {0};
	MDB_cursor *cur;
	MDB_val k, v, plain;
	int rc, said = 0;

	cw_audit_own_free(st);
	if ((rc = mdb_cursor_open(t->txn, st->dbi[DB_AUDIT], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "reading the audit log", err);
	while ((rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) == 0) {
		struct cw_audit_entry e;
		uint8_t own[OWN_LEN];

		if (k.mv_size != 8)
			continue;
		if ((rc = cw_val_open(st, DB_AUDIT, &k, &v, &buf, &plain, err)) != 0) {
			said = 1;
			break;
		}
		if (cw_audit_decode(plain.mv_data, plain.mv_size, &st->database_id, &e) != 0 ||
		    !cw_id_equal(&e.database, &st->database_id))
			continue;
		put_be64(own, (uint64_t)e.time);
		memcpy(own + 8, e.record.b, ID_LEN);
		own[OWN_LEN - 1] = e.action;
		if (cw_buf_append(&keys, own, sizeof own) != 0) {
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			break;
		}
	}
	mdb_cursor_close(cur);
	cw_buf_free(&buf);
	if (rc == MDB_NOTFOUND)
		rc = 0;
	else if (rc != 0 && !said) /* LMDB's, not one cw_val_open said */
		rc = cw_store_lmdb_error(t, rc, "reading the audit log", err);
	if (rc != 0) {
		cw_buf_free(&keys);
		return rc;
	}
	st->own_log.keys = keys.data;
	st->own_log.n = keys.len / OWN_LEN;
	st->own_log.txnid = mdb_txn_id(t->txn);
	st->own_log.ready = 1;
	if (st->own_log.n > 1)
		qsort(st->own_log.keys, st->own_log.n, OWN_LEN, own_order);
	return 0;
}

/* Whether this database's log holds its own entry whose audit_seen key is `seen`. */
static int own_log_holds(struct cw_txn *t, const uint8_t seen[SEEN_LEN], int *held,
			 struct cw_error *err)
{
	struct cw_store *st = t->st;
	int rc;

	if ((!st->own_log.ready || st->own_log.txnid != mdb_txn_id(t->txn)) &&
	    (rc = gather_own(t, err)) != 0)
		return rc;
	*held = st->own_log.n &&
		bsearch(seen + ID_LEN, st->own_log.keys, st->own_log.n, OWN_LEN, own_order);
	return 0;
}

/* An entry of a bundle held here already: a signed one still vouches for the unsigned ones
 * before it that this bundle brings (a bundle cut by --since may have brought it first). */
static int vouch_held(struct cw_txn *t, const struct cw_audit_entry *e, struct cw_error *err)
{
	uint8_t hash[CW_AUDIT_HASH_BYTES];
	struct cw_identity_public pub;
	char hex[CW_ID_HEX_LEN + 1];
	int rc, known;

	if (!t->cover || !t->cover->open || !e->chained || !e->is_signed)
		return 0;
	if ((rc = cw_store_identity_of(t, &e->database, &pub, &known, err)) != 0 || !known)
		return rc;
	cw_audit_hash(e, hash);
	cw_id_hex(&e->database, hex);
	if (crypto_sign_verify_detached(e->sig, hash, sizeof hash, pub.sign) != 0)
		return cw_error_set(err, CW_EDAMAGED, "audit",
				    "an audit entry of database %s fails its signature: it was "
				    "forged or changed",
				    hex);
	cw_audit_cover_walk(t->cover, e->prev);
	return 0;
}

int cw_store_audit_append(struct cw_txn *t, const struct cw_audit_entry *e, int check_seen,
			  int *added, struct cw_error *err)
{
	uint8_t key[8], val[AUDIT_FIXED + CW_AUDIT_HASH_BYTES + 1 + CW_AUDIT_SIG_BYTES + 128],
		seen[SEEN_LEN], hash[CW_AUDIT_HASH_BYTES], head[CW_AUDIT_HASH_BYTES];
	int local = cw_id_equal(&e->database, &t->st->database_id), found = 0;
	char hex[CW_ID_HEX_LEN + 1];
	MDB_cursor *cur;
	MDB_val k, v;
	uint64_t seq = 1;
	size_t len;
	int rc;

	if (added)
		*added = 0;
	/* Entries travel in bundles and come back: one held already is not appended twice. */
	memcpy(seen, e->database.b, ID_LEN);
	put_be64(seen + ID_LEN, (uint64_t)e->time);
	memcpy(seen + ID_LEN + 8, e->record.b, ID_LEN);
	seen[sizeof seen - 1] = e->action;
	k.mv_size = sizeof seen;
	k.mv_data = seen;
	if (t->st->sync_ready && check_seen) {
		int held = 0;

		rc = mdb_get(t->txn, t->st->dbi[DB_AUDIT_SEEN], &k, &v);
		if (rc == 0)
			return vouch_held(t, e, err);
		if (rc != MDB_NOTFOUND)
			return cw_store_lmdb_error(t, rc, "reading the audit log", err);
		/* One of this database's own, made here after audit_seen stopped keeping them. */
		if (local && ((rc = own_log_holds(t, seen, &held, err)) != 0 || held))
			return rc ? rc : vouch_held(t, e, err);
	}
	/* Not here yet, of a database whose key was removed: cw_store_removed_change. */
	if (!local && check_seen && t->cover) {
		char what[160], day[CW_DATE_TEXT_MAX];

		cw_date_format(cw_date_of_time(e->time), day);
		snprintf(what, sizeof what, _("an audit entry (%s, %s, dated %s)"),
			 cw_audit_action_name((enum cw_audit_action)e->action),
			 cw_kind_name((enum cw_kind)e->kind), day);
		if ((rc = cw_store_removed_change(t, &e->database, CW_REMOVED_ENTRY, what, err)) !=
		    0)
			return rc;
	}
	/* An entry of the chain continues what this database holds of its origin's log, and a
	 * signed one carries its origin's signature: a bundle that lost or changed entries, or
	 * forged them, is refused whole. */
	if (e->chained) {
		cw_audit_hash(e, hash);
		found = 0;
		if (!local || check_seen) {
			struct cw_identity_public pub;
			int known;

			if ((rc = cw_store_audit_head(t, &e->database, head, &found, err)) != 0)
				return rc;
			cw_id_hex(&e->database, hex);
			if ((rc = cw_store_identity_of(t, &e->database, &pub, &known, err)) != 0)
				return rc;
			/* Plain Ed25519 over the 32-byte hash (bundles use the multi-part form). */
			if (e->is_signed && known &&
			    crypto_sign_verify_detached(e->sig, hash, sizeof hash, pub.sign) != 0)
				return cw_error_set(err, CW_EDAMAGED, "audit",
						    "an audit entry of database %s fails its "
						    "signature: it was forged or changed",
						    hex);
			/* Only a transaction's last entry is signed: the ones before it wait for
			 * it, and an entry no signature vouches for refuses the bundle. */
			if (known && check_seen && t->cover &&
			    (e->is_signed ? (cw_audit_cover_walk(t->cover, e->prev), 0)
					  : cw_audit_cover_add(t->cover, hash, e->prev,
							       &e->database)) != 0)
				return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
		/* Bundles arrive in any order: an entry that continues the newest one held becomes
		 * the newest; an older one, or one after a gap, leaves it. Only this database's own
		 * log is complete by construction, and `verify` checks it link by link. */
		if ((local && !check_seen) || !found || !memcmp(head, e->prev, sizeof head))
			if ((rc = set_head(t, &e->database, hash)) != 0)
				return cw_store_lmdb_error(t, rc, "writing the audit log", err);
	}
	/* Out of the chain is the format before it: a database upgraded from then has such
	 * entries first in its log, before its chain began. Once this database holds part of
	 * that chain (this one's own always), an entry of it out of the chain is forged. */
	if (!e->chained && check_seen && t->cover) {
		struct cw_identity_public pub;
		int known;

		if ((rc = cw_store_identity_of(t, &e->database, &pub, &known, err)) != 0 ||
		    (known && (rc = cw_store_audit_head(t, &e->database, head, &found, err)) != 0))
			return rc;
		cw_id_hex(&e->database, hex);
		if (known && found)
			return cw_error_set(err, CW_EDAMAGED, "audit",
					    "an audit entry of database %.8s is outside its signed "
					    "chain: forged, or cut from it; the bundle is refused",
					    hex);
	}
	/* Entries that came from a bundle only (see own_log_holds): one of this database's own
	 * that came back after it was lost (a database restored from a backup) gets one too, so
	 * that a second copy in the same bundle is known at once. */
	if (t->st->sync_ready && (check_seen || !local)) {
		v.mv_size = 0;
		v.mv_data = NULL;
		k.mv_size = sizeof seen;
		k.mv_data = seen;
		if ((rc = mdb_put(t->txn, t->st->dbi[DB_AUDIT_SEEN], &k, &v, 0)) != 0)
			return cw_store_lmdb_error(t, rc, "writing the audit log", err);
	}

	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_AUDIT], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "writing the audit log", err);
	rc = mdb_cursor_get(cur, &k, &v, MDB_LAST);
	if (rc == 0 && k.mv_size == 8)
		seq = get_be64(k.mv_data) + 1;
	mdb_cursor_close(cur);
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "writing the audit log", err);
	put_be64(key, seq);
	len = audit_encode(e, &t->st->database_id, val, sizeof val);
	k.mv_size = 8;
	k.mv_data = key;
	/* Append: the sequence only grows, so the log is written in key order. */
	if ((rc = cw_val_put(t, DB_AUDIT, &k, val, len, MDB_APPEND)) != 0)
		return cw_store_lmdb_error(t, rc, "writing the audit log", err);
	if (local && e->chained && !check_seen)
		t->sign_seq = seq;
	if (added)
		*added = 1;
	return 0;
}

int cw_store_audit_sign(struct cw_txn *t, struct cw_error *err)
{
	uint8_t key[8], val[AUDIT_FIXED + CW_AUDIT_HASH_BYTES + 1 + CW_AUDIT_SIG_BYTES + 128],
		hash[CW_AUDIT_HASH_BYTES];
	MDB_val k = {sizeof key, key}, v;
	struct cw_buf buf = {0};
	struct cw_audit_entry e;
	size_t len;
	int rc;

	if (!t->sign_seq)
		return 0;
	put_be64(key, t->sign_seq);
	t->sign_seq = 0;
	rc = cw_val_get(t->st, t->txn, DB_AUDIT, &k, &v, &buf, err);
	if (rc == 0 && cw_audit_decode(v.mv_data, v.mv_size, &t->st->database_id, &e) != 0)
		rc = cw_error_set(err, CW_EDAMAGED, "audit", "an audit entry is corrupt");
	cw_buf_free(&buf);
	if (rc != 0)
		return cw_store_lmdb_error(t, rc, "signing the audit log", err);
	cw_audit_hash(&e, hash);
	if ((rc = cw_store_sign_in_txn(t, hash, sizeof hash, e.sig, err)) != 0)
		return rc;
	e.is_signed = 1;
	len = audit_encode(&e, &t->st->database_id, val, sizeof val);
	if ((rc = cw_val_put(t, DB_AUDIT, &k, val, len, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "signing the audit log", err);
	return 0;
}

int cw_store_audit(struct cw_store *st, uint64_t after, size_t limit, struct cw_audit_entry **out,
		   size_t *count, struct cw_error *err)
{
	struct cw_audit_entry *list = NULL;
	size_t n = 0, cap = 0;
	uint8_t start[8];
	MDB_txn *txn;
	MDB_cursor *cur;
	MDB_val k, v;
	struct cw_buf buf = {0};
	int rc, op;

	*out = NULL;
	*count = 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_AUDIT], &cur)) != 0) {
		mdb_txn_abort(txn);
		return cw_store_lmdb_error(NULL, rc, "reading the audit log", err);
	}
	put_be64(start, after + 1);
	k.mv_size = 8;
	k.mv_data = start;
	for (op = MDB_SET_RANGE;
	     (!limit || n < limit) && (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_audit_entry *e;
		const uint8_t *p;

		if (k.mv_size != 8)
			continue;
		if ((rc = cw_val_open(st, DB_AUDIT, &k, &v, &buf, &v, err)) != 0)
			break;
		if (v.mv_size < 10 + ID_LEN)
			continue;
		p = v.mv_data;
		if (n == cap) {
			struct cw_audit_entry *grown =
				realloc(list, (cap = cap ? cap * 2 : 64) * sizeof *list);

			if (!grown) {
				rc = ENOMEM;
				break;
			}
			list = grown;
		}
		e = &list[n++];
		memset(e, 0, sizeof *e);
		e->seq = get_be64(k.mv_data);
		if (cw_audit_decode(p, v.mv_size, &st->database_id, e) != 0)
			n--; /* verify names it */
	}
	mdb_cursor_close(cur);
	mdb_txn_abort(txn);
	cw_buf_free(&buf);
	if (rc != 0 && rc != MDB_NOTFOUND) {
		free(list);
		return cw_store_lmdb_error(NULL, rc, "reading the audit log", err);
	}
	*out = list;
	*count = n;
	return 0;
}
