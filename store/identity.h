/* identity.h - who a database is to other databases: a signing key pair (Ed25519) and an
 * encryption key pair (X25519), made with the database, so that a bundle can say which laptop
 * wrote it (and nobody else could have) and can be opened only by the laptops it is for.
 *
 * Where the keys live (meta):
 *   "identity"         64 bytes, in the clear: the Ed25519 public key, then the X25519 one
 *   "identity_secret"  the 32-byte Ed25519 seed, then the 32-byte X25519 secret key; sealed
 *                      with the vault (table DB_META, the entry's name as associated data) in
 *                      an encrypted database, in the clear in a plain one
 * The secret halves are read only for the one operation that needs them (signing a bundle,
 * opening a bundle's file key), into sodium_malloc'd memory, and wiped at once after.
 *
 * The text form of a public identity, what `casewatch peer add` takes: "cwid1:" then the 64 bytes
 * in URL-safe base64 without padding (86 characters), or "cwid2:" then those 64 bytes and the
 * 16-byte id of the database the key speaks for (107 characters), which is what `casewatch
 * identity` prints: enrolled with it, the key holds that database's name from the start. Its
 * fingerprint, for two people to compare over the phone before trusting a key: the first 12
 * bytes of BLAKE2b-160 of the 64 bytes as six groups of four hex digits ("1a2b 3c4d ..."). The
 * whole 20-byte hash is the identity's id inside bundles (it names a bundle's recipients). */
#ifndef CW_STORE_IDENTITY_H
#define CW_STORE_IDENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "store/store.h"

#define CW_IDENTITY_KEY_BYTES   32
#define CW_IDENTITY_BYTES       64 /* sign + box */
#define CW_IDENTITY_ID_BYTES    20 /* BLAKE2b-160 of the 64 bytes */
#define CW_IDENTITY_SIG_BYTES   64
#define CW_IDENTITY_TEXT_MAX    128 /* "cwid2:" + 107 + NUL, with room to spare */
#define CW_FINGERPRINT_TEXT_MAX 30  /* six groups of four, five spaces, NUL */

struct cw_identity_public {
	uint8_t sign[CW_IDENTITY_KEY_BYTES]; /* Ed25519: checks what it signed */
	uint8_t box[CW_IDENTITY_KEY_BYTES];  /* X25519: what is sealed to it */
};

/* The 64 bytes, sign then box: what bundles carry and what the text form encodes. */
void cw_identity_bytes(const struct cw_identity_public *pub, uint8_t out[CW_IDENTITY_BYTES]);
void cw_identity_from_bytes(const uint8_t in[CW_IDENTITY_BYTES], struct cw_identity_public *pub);
int cw_identity_equal(const struct cw_identity_public *a, const struct cw_identity_public *b);

/* "cwid1:..." into out: the key alone. */
void cw_identity_text(const struct cw_identity_public *pub, char out[CW_IDENTITY_TEXT_MAX]);
/* "cwid2:..." into out: the key and the database it speaks for. */
struct cw_id;
void cw_identity_text_of_database(const struct cw_identity_public *pub,
				  const struct cw_id *database, char out[CW_IDENTITY_TEXT_MAX]);
/* Parses either text form (surrounding blanks allowed, nothing else); *database (when not
 * NULL) is the database a "cwid2:" key names, zero for a "cwid1:" one. CW_EINVAL (field "key")
 * for anything that is not exactly one key, with a message saying where good keys come from. */
int cw_identity_parse(const char *text, struct cw_identity_public *pub, struct cw_id *database,
		      struct cw_error *err);
/* The id bundles name a recipient by: BLAKE2b-160 of the 64 bytes. */
void cw_identity_id(const struct cw_identity_public *pub, uint8_t out[CW_IDENTITY_ID_BYTES]);
/* The fingerprint of an identity (or of an id), six groups of four hex digits. */
void cw_identity_fingerprint(const struct cw_identity_public *pub,
			     char out[CW_FINGERPRINT_TEXT_MAX]);
void cw_identity_id_fingerprint(const uint8_t id[CW_IDENTITY_ID_BYTES],
				char out[CW_FINGERPRINT_TEXT_MAX]);

/* This database's public identity. A database made before identities existed gets one here,
 * in a write transaction of its own (CW_EREFUSED when it is opened read-only). */
int cw_store_identity(struct cw_store *st, struct cw_identity_public *pub, struct cw_error *err);

/* Checks an Ed25519ph signature (crypto_sign_final_verify) over data. 0 or CW_EDAMAGED. */
int cw_identity_verify(const struct cw_identity_public *signer, const void *data, size_t len,
		       const uint8_t sig[CW_IDENTITY_SIG_BYTES]);

/* Signs bytes as they are written (Ed25519ph: crypto_sign_init/update/final_create). The
 * running state holds a hash of the message, no secret: the secret key is read from meta only
 * in cw_signer_final, into guarded memory, and wiped before it returns. */
struct cw_signer;
int cw_signer_begin(struct cw_store *st, struct cw_signer **out, struct cw_error *err);
void cw_signer_update(struct cw_signer *s, const void *data, size_t len);
/* Writes the signature over everything given to cw_signer_update. CW_EKEY/CW_EDAMAGED when
 * the secret key cannot be read or does not match the public one; CW_ENOMEM. */
int cw_signer_final(struct cw_signer *s, uint8_t sig[CW_IDENTITY_SIG_BYTES], struct cw_error *err);
/* Frees the signer (NULL is fine). */
void cw_signer_free(struct cw_signer *s);

/* Opens a key sealed to this database's X25519 key (crypto_box_seal of `keylen` bytes; slen is
 * keylen + crypto_box_SEALBYTES) into `key`, which the caller keeps in guarded memory. 0;
 * CW_EDAMAGED when it does not open (sealed to another key, or altered); CW_EKEY/CW_ENOMEM. */
int cw_store_open_sealed(struct cw_store *st, const uint8_t *sealed, size_t slen, uint8_t *key,
			 size_t keylen, struct cw_error *err);

#endif
