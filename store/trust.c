/* trust.c - enrolled peers: adding, removing, listing and finding them by name or by key; see
 * trust.h. The table is small (a team's laptops), so finding a peer by key walks it. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/text.h"
#include "store/store_internal.h"
#include "store/trust.h"
#include "store/vault.h"

#define TRUST_FORMAT   1 /* a peer of the team */
#define TRUST_FORMAT_2 2 /* with a role byte before the name (a partner) */
#define TRUST_HEAD     (1 + 8 + CW_IDENTITY_BYTES)
#define TRUST_VAL_MAX  (TRUST_HEAD + 1 + CW_PEER_NAME_MAX)
#define TRUST_TAG_LEN  16
#define TAG_TRUST_NAME 't' /* apart from the export marks' tags, so the two tables do not link */

int cw_peer_name_validate(const char *name, const char *field, struct cw_error *err)
{
	if (!name || !*name)
		return cw_error_set(err, CW_EINVAL, field,
				    "give the peer a name (alice, supervisor)");
	if (strlen(name) > CW_PEER_NAME_MAX)
		return cw_error_set(err, CW_EINVAL, field,
				    "a peer's name is at most %d bytes: give a shorter one",
				    CW_PEER_NAME_MAX);
	if (cw_text_validate(name, CW_PEER_NAME_MAX, 0, field, err) != 0)
		return CW_EINVAL;
	if (strchr(name, ','))
		return cw_error_set(err, CW_EINVAL, field,
				    "'%s' has a comma, which separates names in --to A,B: give a "
				    "name without one",
				    name);
	if (name[0] == '-' || name[0] == ' ' || name[strlen(name) - 1] == ' ')
		return cw_error_set(err, CW_EINVAL, field,
				    "a peer's name does not start with '-' or a space, nor end "
				    "with a space");
	return 0;
}

/* Whether a peer's name may hold c: printable ASCII, Latin letters with their accents
 * (Latin-1, Latin Extended-A and Additional, combining accents) and Khmer. Letters of other
 * scripts are refused because some read as Latin ones: a Cyrillic "а" (U+0430), a Greek "ο",
 * a full-width "ａ"; so is the dotless "ı", which reads as "i". */
static int peer_name_char(uint32_t c)
{
	if (c < 0x80)
		return 1; /* controls are refused before */
	if (c == 0xD7 || c == 0xF7 || c == 0x131)
		return 0;
	return (c >= 0xC0 && c <= 0x17F) || (c >= 0x300 && c <= 0x36F) ||
	       (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x1780 && c <= 0x17FF) ||
	       (c >= 0x19E0 && c <= 0x19FF);
}

int cw_peer_name_validate_new(const char *name, const char *field, struct cw_error *err)
{
	size_t n = strlen(name);
	uint32_t c;
	long at;
	int rc;

	if ((rc = cw_peer_name_validate(name, field, err)) != 0)
		return rc;
	/* Refused rather than folded: the name is typed back exactly (--to NAME, peer remove
	 * NAME) and stored as typed, so a name changed behind the user's back would be one they
	 * never typed; and "bravo" beside "bravo" + U+00A0 in peer list and "signed by bravo" is
	 * a disguise, not a spelling. */
	if ((at = cw_text_find_invisible(name, &c)) >= 0)
		return cw_error_set(err, CW_EINVAL, field,
				    "a peer's name shows every character: U+%04X at byte %ld is a "
				    "space other than one plain space, or draws nothing; type the "
				    "name with plain single spaces only",
				    (unsigned)c, at + 1);
	for (size_t off = 0, len; off < n; off += len ? len : 1)
		if ((len = cw_utf8_decode(name + off, n - off, &c)) && !peer_name_char(c))
			return cw_error_set(err, CW_EINVAL, field,
					    "a peer's name is written in Latin or Khmer letters, "
					    "digits and punctuation: U+%04X at byte %zu is not (a "
					    "letter of another script can read as a Latin one)",
					    (unsigned)c, off + 1);
	return 0;
}

/* The key of a name in the table. */
static size_t trust_key(const struct cw_store *st, const char *name, uint8_t out[CW_PEER_NAME_MAX])
{
	size_t len = strlen(name);

	if (!st->vault) {
		memcpy(out, name, len);
		return len;
	}
	cw_vault_tag(st->vault, TAG_TRUST_NAME, name, len, out, TRUST_TAG_LEN);
	return TRUST_TAG_LEN;
}

static int decode(const MDB_val *v, struct cw_peer_key *p, struct cw_error *err)
{
	const uint8_t *b = v->mv_data;
	size_t head = TRUST_HEAD + (v->mv_size > 0 && b[0] == TRUST_FORMAT_2);
	size_t nlen = v->mv_size > head ? v->mv_size - head : 0;

	if (v->mv_size <= head || (b[0] != TRUST_FORMAT && b[0] != TRUST_FORMAT_2) ||
	    nlen > CW_PEER_NAME_MAX ||
	    (b[0] == TRUST_FORMAT_2 && b[TRUST_HEAD] != CW_PEER_TEAM &&
	     b[TRUST_HEAD] != CW_PEER_PARTNER))
		return cw_error_set(err, CW_EDAMAGED, "peer",
				    "an enrolled peer's entry is damaged: remove it and enrol the "
				    "peer again");
	p->added = (int64_t)get_be64(b + 1);
	cw_identity_from_bytes(b + 9, &p->key);
	p->role = b[0] == TRUST_FORMAT_2 ? b[TRUST_HEAD] : CW_PEER_TEAM;
	memcpy(p->name, b + head, nlen);
	p->name[nlen] = '\0';
	return 0;
}

/* A peer's entry, as decode reads it: format 1 for a peer of the team (as every entry was
 * before roles), 2 with the role for a partner. Its length. */
static size_t encode(const struct cw_peer_key *p, uint8_t val[TRUST_VAL_MAX])
{
	uint8_t raw[CW_IDENTITY_BYTES];
	size_t nlen = strlen(p->name), head = TRUST_HEAD;

	val[0] = p->role == CW_PEER_TEAM ? TRUST_FORMAT : TRUST_FORMAT_2;
	put_be64(val + 1, (uint64_t)p->added);
	cw_identity_bytes(&p->key, raw);
	memcpy(val + 9, raw, sizeof raw);
	if (p->role != CW_PEER_TEAM)
		val[head++] = (uint8_t)p->role;
	memcpy(val + head, p->name, nlen);
	return head + nlen;
}

typedef int (*visit_fn)(const struct cw_peer_key *p, void *ctx);

/* Calls fn on every enrolled peer until it returns non-zero (1: found, or a CW_E* code),
 * which is returned; 0 at the end, or the error of reading the table. */
static int walk(struct cw_store *st, MDB_txn *txn, visit_fn fn, void *ctx, struct cw_error *err)
{
	struct cw_buf buf = {0};
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op, stop = 0;

	if (!st->trust_ready)
		return 0;
	if ((rc = mdb_cursor_open(txn, st->dbi[DB_TRUST], &cur)) != 0)
		return cw_store_lmdb_error(NULL, rc, "reading enrolled peers", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_peer_key p;

		if ((rc = cw_val_open(st, DB_TRUST, &k, &v, &buf, &v, err)) != 0 ||
		    (rc = decode(&v, &p, err)) != 0 || (stop = fn(&p, ctx)) != 0)
			break;
	}
	mdb_cursor_close(cur);
	cw_buf_free(&buf);
	if (stop)
		return stop;
	if (rc == MDB_NOTFOUND)
		return 0;
	return cw_store_lmdb_error(NULL, rc, "reading enrolled peers", err);
}

/* ---- adding and removing ------------------------------------------------------------------- */

struct add_ctx {
	const char *name;
	const char *folded; /* the name as searches compare it (models/text.h) */
	const struct cw_identity_public *key;
	const struct cw_id *database; /* NULL: the key alone (its first bundle names it) */
	int role;
	int readmit; /* CW_PEER_READMIT: a removed key, enrolled again on purpose */
	struct cw_peer_key clash;
	int clash_name, clash_key, clash_like;
};

static int find_clash(const struct cw_peer_key *p, void *vctx)
{
	struct add_ctx *c = vctx;

	c->clash_name = !strcmp(p->name, c->name);
	c->clash_key = cw_identity_equal(&p->key, c->key);
	/* Another name that reads the same (letter case, an accent typed precomposed or
	 * combining) would show as a second "bravo" in peer list and on imports. */
	c->clash_like = !c->clash_name && cw_text_equals_folded(p->name, c->folded);
	if (c->clash_name || c->clash_key || c->clash_like) {
		c->clash = *p;
		return 1;
	}
	return 0;
}

static int add_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct add_ctx *c = vctx;
	uint8_t key[CW_PEER_NAME_MAX], val[TRUST_VAL_MAX];
	struct cw_peer_key p;
	MDB_val k = {0, key};
	char fp[CW_FINGERPRINT_TEXT_MAX], day[CW_DATE_TEXT_MAX];
	int64_t when;
	int rc, gone;

	c->clash_name = c->clash_key = c->clash_like = 0;
	if ((rc = walk(t->st, t->txn, find_clash, c, err)) < 0)
		return rc; /* 1: a clash */
	cw_identity_fingerprint(&c->clash.key, fp);
	if (rc && c->clash_name && c->clash_key)
		return cw_error_set(err, CW_EREFUSED, "name",
				    "'%s' is enrolled already with this key (fingerprint %s)",
				    c->name, fp);
	if (rc && c->clash_name)
		return cw_error_set(err, CW_EREFUSED, "name",
				    "a peer named '%s' is enrolled already, with another key "
				    "(fingerprint %s): to replace its key, 'casewatch peer remove "
				    "%s' first",
				    c->name, fp, c->name);
	if (rc && c->clash_like)
		return cw_error_set(err, CW_EREFUSED, "name",
				    "'%s' reads the same as the enrolled peer '%s' (fingerprint "
				    "%s): give a name that looks different",
				    c->name, c->clash.name, fp);
	if (rc)
		return cw_error_set(err, CW_EREFUSED, "key",
				    "this key is enrolled already, as '%s' (fingerprint %s): one "
				    "laptop, one name",
				    c->clash.name, fp);
	/* A key removed before is enrolled again only when asked for by name: the laptop it
	 * belonged to may be in other hands, and its owner would read the same fingerprint. */
	if ((rc = cw_store_key_revoked(t->txn, t->st, c->key, &when, &gone, err)) != 0)
		return rc;
	if (gone && !c->readmit) {
		cw_date_format(cw_date_of_time(when), day);
		cw_identity_fingerprint(c->key, fp);
		return cw_error_set(
			err, CW_EREFUSED, "key",
			"this key (fingerprint %s) was removed from the peers here on "
			"%s: a laptop that was taken, or a database restored from its "
			"backup, still holds it. A new laptop makes a new key (casewatch "
			"init there); if it was removed by mistake and is safe, add it "
			"with --readmit",
			fp, day);
	}
	if (gone && (rc = cw_store_unrevoke_key(t, c->key, err)) != 0)
		return rc;
	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "%s", c->name);
	p.key = *c->key;
	p.added = cw_now_us();
	p.role = c->role;
	k.mv_size = trust_key(t->st, c->name, key);
	if ((rc = cw_val_put(t, DB_TRUST, &k, val, encode(&p, val), 0)) != 0)
		return cw_store_lmdb_error(t, rc, "enrolling the peer", err);
	/* A key enrolled with its database speaks for it from now on: no other peer can claim
	 * that database before its own first bundle comes. */
	if (c->database)
		return cw_store_bind_database(t, c->database, c->key, 1, err);
	return 0;
}

int cw_peer_add(struct cw_store *st, const char *name, const struct cw_identity_public *key,
		struct cw_error *err)
{
	return cw_peer_add_for(st, name, key, NULL, err);
}

int cw_peer_add_for(struct cw_store *st, const char *name, const struct cw_identity_public *key,
		    const struct cw_id *database, struct cw_error *err)
{
	return cw_peer_add_as(st, name, key, database, CW_PEER_TEAM, err);
}

int cw_peer_add_as(struct cw_store *st, const char *name, const struct cw_identity_public *key,
		   const struct cw_id *database, int role, struct cw_error *err)
{
	struct cw_identity_public self;
	struct add_ctx c;
	char *folded;
	int rc;

	int readmit = (role & CW_PEER_READMIT) != 0;

	role &= ~CW_PEER_READMIT;
	if (role != CW_PEER_TEAM && role != CW_PEER_PARTNER)
		return cw_error_set(err, CW_EINVAL, "role", "is not a peer's role");
	if ((rc = cw_peer_name_validate_new(name, "name", err)) != 0 ||
	    (rc = cw_store_identity(st, &self, err)) != 0)
		return rc;
	if (cw_identity_equal(&self, key))
		return cw_error_set(err, CW_EREFUSED, "key",
				    "this is this database's own key: enrol the key the other "
				    "laptop's 'casewatch identity' prints");
	memset(&c, 0, sizeof c);
	c.name = name;
	c.key = key;
	c.database = database && !cw_id_is_zero(database) ? database : NULL;
	c.role = role;
	c.readmit = readmit;
	if (!(c.folded = folded = cw_text_fold(name)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	rc = cw_store_write(st, add_fn, &c, err);
	free(folded);
	return rc;
}

static int remove_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	const char *name = ctx;
	uint8_t key[CW_PEER_NAME_MAX], mark[PEER_KEY_MAX];
	MDB_val k = {0, key}, v;
	struct cw_buf buf = {0};
	struct cw_peer_key peer;
	int rc;

	k.mv_size = trust_key(t->st, name, key);
	rc = t->st->trust_ready ? mdb_get(t->txn, t->st->dbi[DB_TRUST], &k, &v) : MDB_NOTFOUND;
	/* The databases its key spoke for are forgotten with it: a dishonest peer's first
	 * bundle may have claimed another laptop's database, whose own bundles were refused
	 * since (cw_store_bind_database); removing the peer lets them in again. */
	if (rc == 0) {
		/* Remembered as removed first, with the database it spoke for (a laptop taken:
		 * its key must not come back, nor its database's new changes through others). */
		if ((rc = cw_val_open(t->st, DB_TRUST, &k, &v, &buf, &v, err)) == 0 &&
		    (rc = decode(&v, &peer, err)) == 0 &&
		    (rc = cw_store_revoke_key(t, &peer.key, err)) == 0)
			rc = cw_store_unbind_key(t, &peer.key, err);
		cw_buf_free(&buf);
		if (rc != 0)
			return rc;
		rc = mdb_del(t->txn, t->st->dbi[DB_TRUST], &k, NULL);
	}
	if (rc == MDB_NOTFOUND)
		return cw_error_set(err, CW_ENOTFOUND, "name",
				    "no peer named '%s' is enrolled (casewatch peer list)", name);
	if (rc != 0)
		return cw_store_lmdb_error(t, rc, "removing the peer", err);
	/* The export mark goes too: whatever laptop is enrolled under this name next has not
	 * had any bundle yet. */
	k.mv_data = mark;
	k.mv_size = cw_store_peer_key(t->st, name, mark);
	rc = t->st->sync_ready ? mdb_del(t->txn, t->st->dbi[DB_PEERS], &k, NULL) : 0;
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "removing the peer", err);
	return 0;
}

int cw_peer_remove(struct cw_store *st, const char *name, struct cw_error *err)
{
	int rc;

	if ((rc = cw_peer_name_validate(name, "name", err)) != 0)
		return rc;
	return cw_store_write(st, remove_fn, (void *)name, err);
}

struct role_ctx {
	const char *name;
	int role, was;
};

static int role_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct role_ctx *c = vctx;
	uint8_t key[CW_PEER_NAME_MAX], mark[PEER_KEY_MAX], val[TRUST_VAL_MAX];
	MDB_val k = {0, key}, v;
	struct cw_buf buf = {0};
	struct cw_peer_key peer;
	int rc;

	k.mv_size = trust_key(t->st, c->name, key);
	rc = t->st->trust_ready ? cw_val_get(t->st, t->txn, DB_TRUST, &k, &v, &buf, err)
				: MDB_NOTFOUND;
	if (rc == 0)
		rc = decode(&v, &peer, err);
	cw_buf_free(&buf);
	if (rc == MDB_NOTFOUND)
		return cw_error_set(err, CW_ENOTFOUND, "name",
				    "no peer named '%s' is enrolled (casewatch peer list)",
				    c->name);
	if (rc != 0)
		return cw_store_lmdb_error(t, rc, "reading enrolled peers", err);
	c->was = peer.role;
	if (peer.role == c->role)
		return 0;
	peer.role = c->role;
	if ((rc = cw_val_put(t, DB_TRUST, &k, val, encode(&peer, val), 0)) != 0)
		return cw_store_lmdb_error(t, rc, "changing the peer's role", err);
	if (c->role != CW_PEER_TEAM)
		return 0;
	/* A partner made one of the team: what its bundles left out was changed before its
	 * mark, so the mark goes and its next bundle holds everything. */
	k.mv_data = mark;
	k.mv_size = cw_store_peer_key(t->st, c->name, mark);
	rc = t->st->sync_ready ? mdb_del(t->txn, t->st->dbi[DB_PEERS], &k, NULL) : 0;
	if (rc != 0 && rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, rc, "changing the peer's role", err);
	return 0;
}

int cw_peer_set_role(struct cw_store *st, const char *name, int role, int *was,
		     struct cw_error *err)
{
	struct role_ctx c = {name, role, role};
	int rc;

	if (role != CW_PEER_TEAM && role != CW_PEER_PARTNER)
		return cw_error_set(err, CW_EINVAL, "role", "is not a peer's role");
	if ((rc = cw_peer_name_validate(name, "name", err)) != 0 ||
	    (rc = cw_store_write(st, role_fn, &c, err)) != 0)
		return rc;
	if (was)
		*was = c.was;
	return 0;
}

/* ---- reading ------------------------------------------------------------------------------- */

struct list_ctx {
	struct cw_peer_key *v;
	size_t n;
};

static int collect(const struct cw_peer_key *p, void *vctx)
{
	struct list_ctx *c = vctx;
	struct cw_peer_key *grown = realloc(c->v, (c->n + 1) * sizeof *grown);

	if (!grown)
		return CW_ENOMEM;
	c->v = grown;
	c->v[c->n++] = *p;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct cw_peer_key *)a)->name, ((const struct cw_peer_key *)b)->name);
}

int cw_peer_list(struct cw_store *st, struct cw_peer_key **out, size_t *n, struct cw_error *err)
{
	struct list_ctx c = {NULL, 0};
	MDB_txn *txn;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = walk(st, txn, collect, &c, err);
	mdb_txn_abort(txn);
	if (rc == CW_ENOMEM)
		cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc != 0) {
		free(c.v);
		return rc;
	}
	if (c.n > 1)
		qsort(c.v, c.n, sizeof *c.v, by_name);
	*out = c.v;
	*n = c.n;
	return 0;
}

int cw_peer_removed_list(struct cw_store *st, struct cw_removed_key **out, size_t *n,
			 struct cw_error *err)
{
	MDB_txn *txn;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = cw_store_removed_keys(txn, st, out, n, err);
	mdb_txn_abort(txn);
	return rc;
}

int cw_peer_by_name(struct cw_store *st, const char *name, struct cw_peer_key *out,
		    struct cw_error *err)
{
	uint8_t key[CW_PEER_NAME_MAX];
	struct cw_buf buf = {0};
	MDB_val k = {0, key}, v;
	MDB_txn *txn;
	int rc;

	if ((rc = cw_peer_name_validate(name, "name", err)) != 0)
		return rc;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	k.mv_size = trust_key(st, name, key);
	rc = st->trust_ready ? cw_val_get(st, txn, DB_TRUST, &k, &v, &buf, err) : MDB_NOTFOUND;
	if (rc == 0)
		rc = decode(&v, out, err);
	/* A removed key's name is not kept: the name typed may be one (a taken laptop's, typed
	 * in --to as every week), which is not to be enrolled again. */
	if (rc == MDB_NOTFOUND) {
		struct cw_removed_key *gone = NULL;
		size_t ngone = 0;

		if (cw_store_removed_keys(txn, st, &gone, &ngone, NULL) != 0)
			ngone = 0;
		free(gone);
		if (ngone) {
			mdb_txn_abort(txn);
			cw_buf_free(&buf);
			return cw_error_set(
				err, CW_ENOTFOUND, "name",
				"no peer named '%s' is enrolled, and a key removed from "
				"the peers here keeps no name (casewatch peer list "
				"--removed lists them): if it was removed, leave it out; a "
				"new laptop is enrolled with 'casewatch peer add %s KEY' "
				"(KEY is what 'casewatch identity' prints there)",
				name, name);
		}
	}
	mdb_txn_abort(txn);
	cw_buf_free(&buf);
	if (rc == MDB_NOTFOUND)
		return cw_error_set(err, CW_ENOTFOUND, "name",
				    "no peer named '%s' is enrolled: enrol its key first with "
				    "'casewatch peer add %s KEY' (KEY is what 'casewatch identity' "
				    "prints there)",
				    name, name);
	return rc ? cw_store_lmdb_error(NULL, rc, "reading enrolled peers", err) : 0;
}

struct key_ctx {
	const struct cw_identity_public *key;
	struct cw_peer_key *out;
};

static int match_key(const struct cw_peer_key *p, void *vctx)
{
	struct key_ctx *c = vctx;

	if (!cw_identity_equal(&p->key, c->key))
		return 0;
	*c->out = *p;
	return 1;
}

int cw_peer_by_key_txn(struct cw_txn *t, const struct cw_identity_public *key,
		       struct cw_peer_key *out, struct cw_error *err)
{
	struct key_ctx c = {key, out};
	int rc = walk(t->st, t->txn, match_key, &c, err);

	if (rc == 0)
		return cw_error_set(err, CW_ENOTFOUND, "key", "no enrolled peer has this key");
	return rc == 1 ? 0 : rc;
}

int cw_peer_by_key(struct cw_store *st, const struct cw_identity_public *key,
		   struct cw_peer_key *out, struct cw_error *err)
{
	struct key_ctx c = {key, out};
	MDB_txn *txn;
	int rc;

	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = walk(st, txn, match_key, &c, err);
	mdb_txn_abort(txn);
	if (rc == 0)
		return cw_error_set(err, CW_ENOTFOUND, "key", "no enrolled peer has this key");
	return rc == 1 ? 0 : rc;
}

/* ---- copying (encrypt) ---------------------------------------------------------------------- */

struct copy_ctx {
	struct cw_txn *to;
	struct cw_error *err;
	size_t n;
};

static int copy_one(const struct cw_peer_key *p, void *vctx)
{
	struct copy_ctx *c = vctx;
	uint8_t key[CW_PEER_NAME_MAX], val[TRUST_VAL_MAX];
	MDB_val k = {0, key};
	int rc;

	k.mv_size = trust_key(c->to->st, p->name, key);
	if ((rc = cw_val_put(c->to, DB_TRUST, &k, val, encode(p, val), 0)) != 0)
		return cw_store_lmdb_error(c->to, rc, "copying enrolled peers", c->err);
	c->n++;
	return 0;
}

int cw_trust_copy(struct cw_txn *to, struct cw_store *from, MDB_txn *ftxn, size_t *n,
		  struct cw_error *err)
{
	struct copy_ctx c = {to, err, 0};
	int rc = walk(from, ftxn, copy_one, &c, err);

	*n = c.n;
	return rc;
}

struct find_ctx {
	const struct cw_peer_key *want;
	int found;
};

static int same_peer(const struct cw_peer_key *p, void *vctx)
{
	struct find_ctx *f = vctx;

	f->found = !strcmp(p->name, f->want->name) && cw_identity_equal(&p->key, &f->want->key) &&
		   p->added == f->want->added && p->role == f->want->role;
	return f->found;
}

struct check_ctx {
	struct cw_store *enc;
	MDB_txn *etxn;
	struct cw_error *err;
};

static int check_one(const struct cw_peer_key *p, void *vctx)
{
	struct check_ctx *c = vctx;
	struct find_ctx f = {p, 0};
	int rc = walk(c->enc, c->etxn, same_peer, &f, c->err);

	if (rc < 0)
		return rc;
	if (!f.found)
		return cw_error_set(c->err, CW_EDAMAGED, "database",
				    "the encrypted copy lacks the enrolled peer '%s'", p->name);
	return 0;
}

int cw_trust_same(struct cw_store *from, MDB_txn *ftxn, struct cw_store *enc, MDB_txn *etxn,
		  struct cw_error *err)
{
	struct check_ctx c = {enc, etxn, err};

	return walk(from, ftxn, check_one, &c, err);
}
