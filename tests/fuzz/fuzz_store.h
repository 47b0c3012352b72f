/* fuzz_store.h - plain stores for the fuzz targets that need a database, each with a fixed id
 * and a fixed identity (the same keys in every process), so that a bundle in the corpus signed
 * by the "sender" or encrypted for the "receiver" stays valid from one run to the next.
 *
 * The fixed identity is a test hook: it overwrites the keys the store made at creation, in
 * meta, the way store/identity.c stores them in a plain database. Never do this to a real one. */
#ifndef CW_FUZZ_STORE_H
#define CW_FUZZ_STORE_H

#include <errno.h>
#include <sodium.h>
#include <sys/stat.h>

#include "store/identity.h"
#include "store/store_internal.h"
#include "store/trust.h"
#include "tests/fuzz/fuzz.h"

/* Who the fixed identities are: a byte repeated makes each seed and each database id. */
enum fuzz_party { FUZZ_SENDER = 'S', FUZZ_RECEIVER = 'R', FUZZ_STRANGER = 'X' };

struct fuzz_keys {
	uint8_t pub[CW_IDENTITY_BYTES]; /* Ed25519 public key, then X25519 */
	uint8_t secret[64];             /* Ed25519 seed, then the X25519 secret key */
};

static inline void fuzz_keys(enum fuzz_party who, struct fuzz_keys *k)
{
	uint8_t seed[32], sk[crypto_sign_SECRETKEYBYTES];

	if (sodium_init() < 0)
		abort();
	memset(seed, (int)who, sizeof seed);
	crypto_sign_seed_keypair(k->pub, sk, seed);
	memcpy(k->secret, seed, 32);
	seed[0] ^= 1; /* another seed for the encryption key */
	crypto_box_seed_keypair(k->pub + 32, k->secret + 32, seed);
}

static inline void fuzz_public(enum fuzz_party who, struct cw_identity_public *pub)
{
	struct fuzz_keys k;

	fuzz_keys(who, &k);
	cw_identity_from_bytes(k.pub, pub);
}

static inline int fuzz_set_identity(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	const struct fuzz_keys *k = ctx;
	MDB_val key = {8, (void *)"identity"}, val = {sizeof k->pub, (void *)k->pub};
	int rc = mdb_put(t->txn, t->st->dbi[DB_META], &key, &val, 0);

	key.mv_size = 15;
	key.mv_data = (void *)"identity_secret";
	val.mv_size = sizeof k->secret;
	val.mv_data = (void *)k->secret;
	if (rc == 0)
		rc = mdb_put(t->txn, t->st->dbi[DB_META], &key, &val, 0);
	return rc ? cw_error_set(err, CW_EDB, "identity", "%s", mdb_strerror(rc)) : 0;
}

/* A new plain store of that party in the work directory (what was there is removed); the
 * receiver has enrolled the sender as the peer "sender". */
static inline struct cw_store *fuzz_store_create(enum fuzz_party who)
{
	struct cw_store_options opt = {.author = "fuzz", .create = 1};
	struct cw_identity_public sender;
	struct cw_store *st;
	struct cw_error err;
	struct fuzz_keys k;
	struct cw_id id;
	char dir[600], file[700], name[16];

	snprintf(name, sizeof name, "db-%c", (char)who);
	fuzz_path(dir, sizeof dir, name);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		perror(dir);
		abort();
	}
	snprintf(file, sizeof file, "%s/data.mdb", dir);
	unlink(file);
	snprintf(file, sizeof file, "%s/lock.mdb", dir);
	unlink(file);
	memset(id.b, (int)who, sizeof id.b);
	opt.database_id = &id;
	fuzz_keys(who, &k);
	if (cw_store_open(dir, &opt, &st, &err) != 0 ||
	    cw_store_write(st, fuzz_set_identity, &k, &err) != 0) {
		fprintf(stderr, "fuzz: cannot create a store in %s: %s\n", dir, err.message);
		abort();
	}
	sodium_memzero(&k, sizeof k);
	fuzz_public(FUZZ_SENDER, &sender);
	if (who == FUZZ_RECEIVER && cw_peer_add(st, "sender", &sender, &err) != 0) {
		fprintf(stderr, "fuzz: cannot enrol the sender: %s\n", err.message);
		abort();
	}
	return st;
}

#endif
