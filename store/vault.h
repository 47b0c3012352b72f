/* vault.h - the keys that keep a database unreadable at rest, and the file that keeps the master
 * key wrapped by a passphrase (the key slot). libsodium only: no LMDB, no files but key slots.
 *
 * A seized laptop must give nothing away, so every value the store writes is sealed
 * (XChaCha20-Poly1305-IETF, a fresh random nonce each time) and every index key is a keyed
 * BLAKE2b tag rather than the name or article it stands for. The one secret is a random 256-bit
 * master key; the keys actually used are derived from it (crypto_kdf, context "casewatc"), one
 * per purpose, so a key can never be used for two things. All of them live in sodium_malloc'd
 * memory: locked out of swap, fenced by guard pages, and wiped when the vault is freed.
 *
 * Sealed value layout (cw_vault_overhead() = 33 bytes more than the plain value):
 *   [1 format byte = 2][16-byte nonce][ciphertext, as long as the plain value][16-byte tag]
 * The XChaCha20 nonce is the 16 stored bytes, fresh random bytes for each seal, then 8 zero
 * bytes. HChaCha20 turns the first 16 bytes into a key of the value's own, so what must never
 * repeat is those 128 random bits: two seals share them with a chance of about n^2 / 2^129
 * after n seals (2^-49 after a trillion, 2^40): negligible for any number of writes a database
 * will see. It makes every record and audit entry 8 bytes smaller (bench/RESULTS.md, "Schema
 * 9: a shorter nonce"). Format 1, which casewatch wrote before schema 9, stores all 24 bytes
 * (41 bytes of overhead); it still opens.
 * The associated data is the format byte, the table byte and the value's key, so a sealed value
 * copied under another key, or into another table, fails to open instead of being believed.
 *
 * Key slot file (CW_KEYSLOT_SIZE = 130 bytes, integers big-endian):
 *   offset size
 *        0    8  magic "CWKEYSL1"
 *        8    1  format version, 1
 *        9    1  algorithm, 1 = Argon2id v1.3 for the passphrase, XChaCha20-Poly1305-IETF to wrap
 *       10    8  Argon2id opslimit
 *       18    8  Argon2id memlimit, in bytes
 *       26   16  salt (random for each write)
 *       42   16  database id: the slot opens only for this database
 *       58   24  nonce (random for each write)
 *       82   48  the 32-byte master key sealed under the key derived from the passphrase, then
 *                its 16-byte tag
 * Bytes 0..57 (the header) are the associated data of the seal: changing a parameter, the salt
 * or the database id makes the slot fail to open just as a wrong passphrase does. The header is
 * checked for sane values before the (deliberately expensive) key derivation runs, so a planted
 * slot cannot make unlocking ask for 100 GiB of memory. */
#ifndef CW_STORE_VAULT_H
#define CW_STORE_VAULT_H

#include <stddef.h>
#include <stdint.h>

#include "models/codec.h"
#include "models/error.h"
#include "models/record.h"

#define CW_VAULT_KEY_BYTES 32
#define CW_KEYSLOT_SIZE    130

/* Opaque: the master key and its sub-keys, in guarded memory. */
struct cw_vault;

/* A vault with a new random master key (for a new database, or a key rotation). */
int cw_vault_new(struct cw_vault **out, struct cw_error *err);

/* A vault from a master key kept elsewhere (read back from the kernel keyring). The caller
 * wipes its own copy. */
int cw_vault_from_master(const uint8_t master[CW_VAULT_KEY_BYTES], struct cw_vault **out,
			 struct cw_error *err);

/* The master key (CW_VAULT_KEY_BYTES), to cache it in the keyring or wrap it in another slot.
 * Valid until cw_vault_free; never write it anywhere in the clear. */
const uint8_t *cw_vault_master(const struct cw_vault *v);

/* The 32-byte key for the keyed hash of names (the store's name index), derived for that
 * purpose alone. Valid until cw_vault_free. */
const uint8_t *cw_vault_names_key(const struct cw_vault *v);

/* Wipes every key and frees the vault; NULL is fine. */
void cw_vault_free(struct cw_vault *v);

/* How many bytes a sealed value has more than its plain value. */
size_t cw_vault_overhead(void);

/* Appends the sealed form of plain (plen bytes) to out, bound to `table` and to the value's key
 * (klen bytes). 0, or CW_ENOMEM. plain and key must not point into out. */
int cw_vault_seal(const struct cw_vault *v, uint8_t table, const void *key, size_t klen,
		  const void *plain, size_t plen, struct cw_buf *out);

/* Appends the plain value of a sealed one to out. CW_EDAMAGED when it does not verify (altered,
 * truncated, another key, another table, another vault): then out is as it was, with no partial
 * plain text. CW_ENOMEM. sealed must not point into out. */
int cw_vault_open(const struct cw_vault *v, uint8_t table, const void *key, size_t klen,
		  const void *sealed, size_t slen, struct cw_buf *out);

/* Writes a keyed tag of (purpose, data) to out: BLAKE2b keyed with the tags sub-key over the
 * purpose byte then the data, so equal data under two purposes (an article and a court) never
 * give the same tag, and without the key a tag says nothing about the data. outlen is 8 to 32;
 * a shorter tag is the start of the longer one. */
void cw_vault_tag(const struct cw_vault *v, uint8_t purpose, const void *data, size_t len,
		  uint8_t *out, size_t outlen);

/* Argon2id cost of turning a passphrase into the key that wraps the master key. */
struct cw_kdf_params {
	uint64_t opslimit;
	size_t memlimit; /* bytes */
};

/* For real slots: about half a second on an old laptop (see vault.c for what was measured). */
struct cw_kdf_params cw_kdf_default(void);

/* The least libsodium allows: for tests only, it protects nothing. */
struct cw_kdf_params cw_kdf_cheapest(void);

/* Writes a key slot for v's master key, wrapped by the passphrase (passlen bytes) under the
 * parameters p, for the database `database`. The file is replaced atomically: a temporary file
 * in the same folder (mode 0600), written, flushed, renamed over path, the folder flushed; a
 * crash leaves either the old slot or the new one; then the old slot's bytes are overwritten
 * where they lay. A symbolic link at path is refused, as below. CW_EINVAL (parameters out of
 * range), CW_EIO, CW_ENOMEM. */
int cw_keyslot_write(const char *path, const struct cw_vault *v, const char *pass, size_t passlen,
		     const struct cw_kdf_params *p, const struct cw_id *database,
		     struct cw_error *err);

/* The same into a new file (a recovery file), which appears only where nothing has the name,
 * even a file made during the key derivation: CW_EREFUSED then, and that file is left as it
 * is. */
int cw_keyslot_write_new(const char *path, const struct cw_vault *v, const char *pass,
			 size_t passlen, const struct cw_kdf_params *p,
			 const struct cw_id *database, struct cw_error *err);

/* A database's key slot is never read, replaced or destroyed through a symbolic link: the
 * functions below (but the cw_recovery_* ones) and cw_keyslot_write refuse one (CW_EIO, "PATH
 * is a symbolic link: move the key slot itself into FOLDER"), since a link's target lies where
 * a passphrase change cannot overwrite it. cw_keyslot_write also refuses, changing nothing, a
 * slot that is there but cannot be opened to be overwritten (a FIFO, a file it may not write). */

/* Unwraps the master key of the slot at path into a new vault. CW_ENOTFOUND (no such file),
 * CW_EIO (unreadable), CW_EDAMAGED (not a key slot, absurd parameters, or it belongs to another
 * database), CW_EKEY (wrong passphrase, or the slot was altered: the two cannot be told apart),
 * CW_ENOMEM (not enough memory for the key derivation). */
int cw_keyslot_open(const char *path, const char *pass, size_t passlen,
		    const struct cw_id *database, struct cw_vault **out, struct cw_error *err);

/* The database id of the slot at path, without the passphrase: to check that a recovery file is
 * for this database before asking for its passphrase. Same errors as cw_keyslot_open less
 * CW_EKEY. The id is not authenticated until the slot is opened. */
int cw_keyslot_read_database(const char *path, struct cw_id *database, struct cw_error *err);

/* The slot's bytes as they are (to carry them in a backup), checked as cw_keyslot_read_database
 * checks them. */
int cw_keyslot_read(const char *path, uint8_t slot[CW_KEYSLOT_SIZE], struct cw_error *err);

/* The same two for a recovery file (key import FILE), which may be reached through a link. */
int cw_recovery_open(const char *path, const char *pass, size_t passlen,
		     const struct cw_id *database, struct cw_vault **out, struct cw_error *err);
int cw_recovery_read_database(const char *path, struct cw_id *database, struct cw_error *err);

/* Crypto-erase: overwrites the slot's bytes in place with random bytes, flushes, removes the
 * file and flushes the folder. Without the slot (and any copy of it, such as a recovery file)
 * the database cannot be opened again. On flash drives and copy-on-write file systems the old
 * blocks may survive the overwrite; the removal is what the file system guarantees.
 * CW_ENOTFOUND, CW_EIO (also when path is a symbolic link: refused, its target left alone). */
int cw_keyslot_destroy(const char *path, struct cw_error *err);

#endif
