/* identity.c - this database's signing and encryption keys: made with the database (or at
 * first use in an older one), their text form and fingerprint, signing, and opening what was
 * sealed to this database; see identity.h. */
#include "config.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/identity.h"
#include "store/store_internal.h"
#include "store/vault.h"

static const char meta_public[] = "identity";
static const char meta_secret[] = "identity_secret";
static const char text_prefix[] = "cwid1:";    /* the key alone */
static const char text_prefix_db[] = "cwid2:"; /* the key, then its database's id */
#define SECRET_BYTES 64                        /* the Ed25519 seed, then the X25519 secret key */

void cw_identity_bytes(const struct cw_identity_public *pub, uint8_t out[CW_IDENTITY_BYTES])
{
	memcpy(out, pub->sign, CW_IDENTITY_KEY_BYTES);
	memcpy(out + CW_IDENTITY_KEY_BYTES, pub->box, CW_IDENTITY_KEY_BYTES);
}

void cw_identity_from_bytes(const uint8_t in[CW_IDENTITY_BYTES], struct cw_identity_public *pub)
{
	memcpy(pub->sign, in, CW_IDENTITY_KEY_BYTES);
	memcpy(pub->box, in + CW_IDENTITY_KEY_BYTES, CW_IDENTITY_KEY_BYTES);
}

int cw_identity_equal(const struct cw_identity_public *a, const struct cw_identity_public *b)
{
	return memcmp(a->sign, b->sign, sizeof a->sign) == 0 &&
	       memcmp(a->box, b->box, sizeof a->box) == 0;
}

void cw_identity_text(const struct cw_identity_public *pub, char out[CW_IDENTITY_TEXT_MAX])
{
	uint8_t raw[CW_IDENTITY_BYTES];
	size_t plen = sizeof text_prefix - 1;

	cw_identity_bytes(pub, raw);
	memcpy(out, text_prefix, plen);
	sodium_bin2base64(out + plen, CW_IDENTITY_TEXT_MAX - plen, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void cw_identity_text_of_database(const struct cw_identity_public *pub,
				  const struct cw_id *database, char out[CW_IDENTITY_TEXT_MAX])
{
	uint8_t raw[CW_IDENTITY_BYTES + ID_LEN];
	size_t plen = sizeof text_prefix_db - 1;

	cw_identity_bytes(pub, raw);
	memcpy(raw + CW_IDENTITY_BYTES, database->b, ID_LEN);
	memcpy(out, text_prefix_db, plen);
	sodium_bin2base64(out + plen, CW_IDENTITY_TEXT_MAX - plen, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int cw_identity_parse(const char *text, struct cw_identity_public *pub, struct cw_id *database,
		      struct cw_error *err)
{
	uint8_t raw[CW_IDENTITY_BYTES + ID_LEN];
	size_t plen = sizeof text_prefix - 1, len, got = 0, want = CW_IDENTITY_BYTES;
	const char *end = NULL, *prefix = text_prefix;

	_Static_assert(sizeof text_prefix == sizeof text_prefix_db, "one prefix length");
	while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
		text++;
	len = strlen(text);
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\n' ||
		       text[len - 1] == '\r'))
		len--;
	if (len >= plen && memcmp(text, text_prefix_db, plen) == 0) {
		prefix = text_prefix_db;
		want += ID_LEN;
	} else if (len < plen || memcmp(text, text_prefix, plen) != 0) {
		return cw_error_set(err, CW_EINVAL, "key",
				    "is not a casewatch key: it starts with '%s' and is what "
				    "'casewatch identity' prints on the other laptop",
				    text_prefix_db);
	}
	/* Exactly the key's bytes and nothing after them: a key cut or run together with other
	 * text is refused rather than read as some other key. */
	if (sodium_base642bin(raw, sizeof raw, text + plen, len - plen, NULL, &got, &end,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    got != want || end != text + len)
		return cw_error_set(err, CW_EINVAL, "key",
				    "is not a whole casewatch key (%zu characters after '%s', a "
				    "key has %d): copy it again from 'casewatch identity'",
				    len - plen, prefix, want == CW_IDENTITY_BYTES ? 86 : 107);
	if (want > CW_IDENTITY_BYTES) {
		static const uint8_t zero[ID_LEN];

		/* No database has the zero id: a key that says so was not printed by casewatch. */
		if (!memcmp(raw + CW_IDENTITY_BYTES, zero, ID_LEN))
			return cw_error_set(err, CW_EINVAL, "key",
					    "names no database: copy it again from 'casewatch "
					    "identity'");
	}
	cw_identity_from_bytes(raw, pub);
	if (database) {
		memset(database, 0, sizeof *database);
		if (want > CW_IDENTITY_BYTES)
			memcpy(database->b, raw + CW_IDENTITY_BYTES, ID_LEN);
	}
	return 0;
}

void cw_identity_id(const struct cw_identity_public *pub, uint8_t out[CW_IDENTITY_ID_BYTES])
{
	uint8_t raw[CW_IDENTITY_BYTES];

	cw_identity_bytes(pub, raw);
	crypto_generichash(out, CW_IDENTITY_ID_BYTES, raw, sizeof raw, NULL, 0);
}

void cw_identity_id_fingerprint(const uint8_t id[CW_IDENTITY_ID_BYTES],
				char out[CW_FINGERPRINT_TEXT_MAX])
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	/* 96 bits: enough that nobody can make a key with a chosen fingerprint, short enough to
	 * read out over a bad phone line. */
	for (int g = 0; g < 6; g++) {
		if (g)
			out[o++] = ' ';
		for (int b = 0; b < 2; b++) {
			out[o++] = hex[id[2 * g + b] >> 4];
			out[o++] = hex[id[2 * g + b] & 15];
		}
	}
	out[o] = '\0';
}

void cw_identity_fingerprint(const struct cw_identity_public *pub,
			     char out[CW_FINGERPRINT_TEXT_MAX])
{
	uint8_t id[CW_IDENTITY_ID_BYTES];

	cw_identity_id(pub, id);
	cw_identity_id_fingerprint(id, out);
}

/* ---- the keys in meta ---------------------------------------------------------------------- */

static int meta_get(struct cw_store *st, MDB_txn *txn, const char *name, MDB_val *out)
{
	MDB_val k = {strlen(name), (void *)name};

	return mdb_get(txn, st->dbi[DB_META], &k, out);
}

int cw_store_make_identity(struct cw_store *st, MDB_txn *txn)
{
	MDB_val k = {sizeof meta_public - 1, (void *)meta_public}, v;
	uint8_t pub[CW_IDENTITY_BYTES], *secret, *sign_sk;
	struct cw_buf sealed = {0};
	int rc = mdb_get(txn, st->dbi[DB_META], &k, &v);

	if (rc != MDB_NOTFOUND)
		return rc; /* 0: it has one already */
	if (!(secret = sodium_malloc(SECRET_BYTES + crypto_sign_SECRETKEYBYTES)))
		return ENOMEM;
	sign_sk = secret + SECRET_BYTES;
	crypto_sign_keypair(pub, sign_sk);
	crypto_sign_ed25519_sk_to_seed(secret, sign_sk);
	crypto_box_keypair(pub + CW_IDENTITY_KEY_BYTES, secret + CW_IDENTITY_KEY_BYTES);
	v.mv_size = sizeof pub;
	v.mv_data = pub;
	if ((rc = mdb_put(txn, st->dbi[DB_META], &k, &v, 0)) != 0)
		goto out;
	k.mv_size = sizeof meta_secret - 1;
	k.mv_data = (void *)meta_secret;
	if (st->vault) {
		/* Sealed like the key check: bound to meta and to this entry's name. */
		if (cw_vault_seal(st->vault, DB_META, k.mv_data, k.mv_size, secret, SECRET_BYTES,
				  &sealed) != 0) {
			rc = ENOMEM;
			goto out;
		}
		v.mv_size = sealed.len;
		v.mv_data = sealed.data;
	} else {
		/* A plain database has no key to seal with: its secret keys are as readable as
		 * everything else in it. Plain databases are for tests and demonstrations; a
		 * bundle signed by one proves only that it came from whoever holds the file. */
		v.mv_size = SECRET_BYTES;
		v.mv_data = secret;
	}
	rc = mdb_put(txn, st->dbi[DB_META], &k, &v, 0);
out:
	cw_buf_free(&sealed);
	sodium_free(secret);
	return rc;
}

static int make_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	int rc = cw_store_make_identity(t->st, t->txn);

	(void)ctx;
	return rc ? cw_store_lmdb_error(t, rc, "making this database's identity", err) : 0;
}

/* Reads the public identity, making it first in a database that predates identities. */
static int read_public(struct cw_store *st, struct cw_identity_public *pub, struct cw_error *err)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		MDB_txn *txn;
		MDB_val v;
		int rc;

		if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
			return rc;
		rc = meta_get(st, txn, meta_public, &v);
		if (rc == 0 && v.mv_size == CW_IDENTITY_BYTES)
			cw_identity_from_bytes(v.mv_data, pub);
		mdb_txn_abort(txn);
		if (rc == 0 && v.mv_size != CW_IDENTITY_BYTES)
			return cw_error_set(err, CW_EDAMAGED, "identity",
					    "this database's identity is damaged (%zu bytes)",
					    v.mv_size);
		if (rc == 0)
			return 0;
		if (rc != MDB_NOTFOUND)
			return cw_store_lmdb_error(NULL, rc, "reading this database's identity",
						   err);
		if (attempt || st->read_only)
			break;
		if ((rc = cw_store_write(st, make_fn, NULL, err)) != 0)
			return rc;
	}
	return cw_error_set(err, CW_EREFUSED, "identity",
			    "this database has no identity yet: open it once for writing (any "
			    "command that changes it, or 'casewatch identity')");
}

int cw_store_identity(struct cw_store *st, struct cw_identity_public *pub, struct cw_error *err)
{
	return read_public(st, pub, err);
}

/* Reads the secret keys into `secret` (SECRET_BYTES of guarded memory) and checks that they
 * are the public identity's: a swapped or altered entry must not sign as this database. */
static int read_secret_in(struct cw_store *st, MDB_txn *txn, struct cw_identity_public *pub,
			  uint8_t *secret, struct cw_error *err);

static int read_secret(struct cw_store *st, struct cw_identity_public *pub, uint8_t *secret,
		       struct cw_error *err)
{
	MDB_txn *txn;
	int rc;

	if ((rc = read_public(st, pub, err)) != 0 || (rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = read_secret_in(st, txn, pub, secret, err);
	mdb_txn_abort(txn);
	return rc;
}

int cw_store_sign_in_txn(struct cw_txn *t, const void *msg, size_t len,
			 uint8_t sig[CW_AUDIT_SIG_BYTES], struct cw_error *err)
{
	struct cw_identity_public pub;
	uint8_t *secret, *sk, pk[crypto_sign_PUBLICKEYBYTES];
	MDB_val v;
	int rc;

	/* A database made before identities gets one here, in the same transaction. */
	if ((rc = cw_store_make_identity(t->st, t->txn)) != 0)
		return cw_store_lmdb_error(t, rc, "making this database's identity", err);
	if ((rc = meta_get(t->st, t->txn, meta_public, &v)) != 0 || v.mv_size != CW_IDENTITY_BYTES)
		return cw_error_set(err, CW_EDAMAGED, "identity",
				    "this database's identity is missing or damaged");
	cw_identity_from_bytes(v.mv_data, &pub);
	if (!(secret = sodium_malloc(SECRET_BYTES + crypto_sign_SECRETKEYBYTES)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	sk = secret + SECRET_BYTES;
	if ((rc = read_secret_in(t->st, t->txn, &pub, secret, err)) == 0) {
		crypto_sign_seed_keypair(pk, sk, secret);
		crypto_sign_detached(sig, NULL, msg, len, sk);
	}
	sodium_free(secret);
	return rc;
}

/* The secret keys from meta in txn, checked against the public identity pub. */
static int read_secret_in(struct cw_store *st, MDB_txn *txn, struct cw_identity_public *pub,
			  uint8_t *secret, struct cw_error *err)
{
	uint8_t sign_pk[crypto_sign_PUBLICKEYBYTES], box_pk[crypto_box_PUBLICKEYBYTES];
	uint8_t *sk;
	struct cw_buf plain = {0};
	MDB_val v;
	int rc, bad = 0;

	rc = meta_get(st, txn, meta_secret, &v);
	if (rc == 0 && st->vault) {
		rc = cw_vault_open(st->vault, DB_META, meta_secret, sizeof meta_secret - 1,
				   v.mv_data, v.mv_size, &plain);
		if (rc == 0 && plain.len == SECRET_BYTES)
			memcpy(secret, plain.data, SECRET_BYTES);
		bad = rc != 0 || plain.len != SECRET_BYTES;
		rc = rc == CW_ENOMEM ? CW_ENOMEM : 0;
		if (plain.data) /* the plain copy lived on the heap only this long */
			sodium_memzero(plain.data, plain.cap);
		cw_buf_free(&plain);
	} else if (rc == 0) {
		if (v.mv_size == SECRET_BYTES)
			memcpy(secret, v.mv_data, SECRET_BYTES);
		else
			bad = 1;
	}
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc == MDB_NOTFOUND)
		return cw_error_set(err, CW_EDAMAGED, "identity",
				    "this database's secret keys are missing: the database was "
				    "altered or is damaged");
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "reading this database's identity", err);
	if (!bad) {
		if (!(sk = sodium_malloc(crypto_sign_SECRETKEYBYTES)))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		crypto_sign_seed_keypair(sign_pk, sk, secret);
		sodium_free(sk);
		crypto_scalarmult_base(box_pk, secret + CW_IDENTITY_KEY_BYTES);
		bad = memcmp(sign_pk, pub->sign, sizeof sign_pk) != 0 ||
		      memcmp(box_pk, pub->box, sizeof box_pk) != 0;
	}
	if (bad) {
		sodium_memzero(secret, SECRET_BYTES);
		return cw_error_set(err, CW_EDAMAGED, "identity",
				    "this database's secret keys fail their check: the database "
				    "was altered or is damaged");
	}
	return 0;
}

int cw_identity_verify(const struct cw_identity_public *signer, const void *data, size_t len,
		       const uint8_t sig[CW_IDENTITY_SIG_BYTES])
{
	crypto_sign_state state;

	crypto_sign_init(&state);
	crypto_sign_update(&state, data, len);
	return crypto_sign_final_verify(&state, sig, signer->sign) == 0 ? 0 : CW_EDAMAGED;
}

struct cw_signer {
	struct cw_store *st;
	crypto_sign_state state;
};

int cw_signer_begin(struct cw_store *st, struct cw_signer **out, struct cw_error *err)
{
	struct cw_identity_public pub;
	int rc;

	*out = NULL;
	/* Made now, if it must be, so that a database without one fails before any work. */
	if ((rc = read_public(st, &pub, err)) != 0)
		return rc;
	if (!(*out = malloc(sizeof **out)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	(*out)->st = st;
	crypto_sign_init(&(*out)->state);
	return 0;
}

void cw_signer_update(struct cw_signer *s, const void *data, size_t len)
{
	crypto_sign_update(&s->state, data, len);
}

int cw_signer_final(struct cw_signer *s, uint8_t sig[CW_IDENTITY_SIG_BYTES], struct cw_error *err)
{
	struct cw_identity_public pub;
	uint8_t *secret = sodium_malloc(SECRET_BYTES + crypto_sign_SECRETKEYBYTES), *sk;
	uint8_t pk[crypto_sign_PUBLICKEYBYTES];
	int rc;

	if (!secret)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	sk = secret + SECRET_BYTES;
	if ((rc = read_secret(s->st, &pub, secret, err)) == 0) {
		crypto_sign_seed_keypair(pk, sk, secret);
		crypto_sign_final_create(&s->state, sig, NULL, sk);
	}
	sodium_free(secret); /* wipes it */
	return rc;
}

void cw_signer_free(struct cw_signer *s)
{
	if (s)
		sodium_memzero(s, sizeof *s);
	free(s);
}

int cw_store_open_sealed(struct cw_store *st, const uint8_t *sealed, size_t slen, uint8_t *key,
			 size_t keylen, struct cw_error *err)
{
	struct cw_identity_public pub;
	uint8_t *secret;
	int rc;

	if (slen != keylen + crypto_box_SEALBYTES)
		return cw_error_set(err, CW_EDAMAGED, "bundle", "a sealed key has the wrong size");
	if (!(secret = sodium_malloc(SECRET_BYTES)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if ((rc = read_secret(st, &pub, secret, err)) == 0 &&
	    crypto_box_seal_open(key, sealed, slen, pub.box, secret + CW_IDENTITY_KEY_BYTES) != 0)
		rc = cw_error_set(err, CW_EDAMAGED, "bundle",
				  "its file key does not open with this database's key: it was "
				  "altered, or sealed to another key");
	sodium_free(secret);
	return rc;
}

int cw_store_copy_identity(struct cw_txn *to, struct cw_store *from, MDB_txn *ftxn,
			   struct cw_error *err)
{
	MDB_val k = {sizeof meta_public - 1, (void *)meta_public}, v;
	struct cw_identity_public pub;
	struct cw_buf sealed = {0};
	uint8_t *secret, raw[CW_IDENTITY_BYTES];
	int rc = meta_get(from, ftxn, meta_public, &v);

	if (rc == MDB_NOTFOUND)
		return 0; /* none yet: the copy keeps the one it was made with */
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "reading this database's identity", err);
	if (!(secret = sodium_malloc(SECRET_BYTES)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if ((rc = read_secret(from, &pub, secret, err)) != 0) {
		sodium_free(secret);
		return rc;
	}
	cw_identity_bytes(&pub, raw);
	v.mv_size = sizeof raw;
	v.mv_data = raw;
	rc = mdb_put(to->txn, to->st->dbi[DB_META], &k, &v, 0);
	k.mv_size = sizeof meta_secret - 1;
	k.mv_data = (void *)meta_secret;
	if (rc == 0 && to->st->vault) {
		if (cw_vault_seal(to->st->vault, DB_META, k.mv_data, k.mv_size, secret,
				  SECRET_BYTES, &sealed) != 0)
			rc = ENOMEM;
		v.mv_size = sealed.len;
		v.mv_data = sealed.data;
	} else {
		v.mv_size = SECRET_BYTES;
		v.mv_data = secret;
	}
	if (rc == 0)
		rc = mdb_put(to->txn, to->st->dbi[DB_META], &k, &v, 0);
	cw_buf_free(&sealed);
	sodium_free(secret);
	return rc ? cw_store_lmdb_error(to, rc, "copying this database's identity", err) : 0;
}
