/* vault.c - sealing values, keyed tags and the passphrase key slot; see vault.h. */
#include "config.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/outfile.h"
#include "store/vault.h"

#define SEAL_FORMAT 1
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES   crypto_aead_xchacha20poly1305_ietf_ABYTES

/* One sub-key id per purpose under the context "casewatc": never reuse an id for another use. */
#define KDF_CONTEXT "casewatc"
enum { SUBKEY_VALUES = 1, SUBKEY_TAGS = 2, SUBKEY_NAMES = 3 };

/* Key slot layout (see vault.h). */
#define SLOT_MAGIC      "CWKEYSL1"
#define SLOT_VERSION    1
#define SLOT_ALG        1
#define SLOT_OFF_OPS    10
#define SLOT_OFF_MEM    18
#define SLOT_OFF_SALT   26
#define SLOT_OFF_DB     42
#define SLOT_HEADER     58
#define SLOT_OFF_NONCE  58
#define SLOT_OFF_SEALED 82
#define SALT_BYTES      crypto_pwhash_SALTBYTES

/* Bounds a slot's parameters must be within before the key derivation runs: anything outside is
 * not a slot casewatch wrote, and could make unlocking hang or exhaust memory. */
#define SLOT_MAX_OPS ((uint64_t)64)
#define SLOT_MAX_MEM ((uint64_t)4 << 30)

_Static_assert(SLOT_OFF_SEALED + CW_VAULT_KEY_BYTES + TAG_BYTES == CW_KEYSLOT_SIZE,
	       "key slot layout");
_Static_assert(SALT_BYTES == 16, "key slot salt");
_Static_assert(NONCE_BYTES == 24, "nonce size");
_Static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == CW_VAULT_KEY_BYTES, "key size");
_Static_assert(crypto_generichash_KEYBYTES == CW_VAULT_KEY_BYTES, "tag key size");

struct cw_vault {
	uint8_t master[CW_VAULT_KEY_BYTES];
	uint8_t values[CW_VAULT_KEY_BYTES];
	uint8_t tags[CW_VAULT_KEY_BYTES];
	uint8_t names[CW_VAULT_KEY_BYTES];
};

static int start_sodium(struct cw_error *err)
{
	if (sodium_init() < 0)
		return cw_error_set(err, CW_EKEY, "", "the cryptography library could not start");
	return 0;
}

/* A vault whose master key is filled by the caller, then derive_keys. */
static int vault_alloc(struct cw_vault **out, struct cw_error *err)
{
	int rc;

	*out = NULL;
	if ((rc = start_sodium(err)) != 0)
		return rc;
	if (!(*out = sodium_malloc(sizeof **out)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory for the keys");
	return 0;
}

static void derive_keys(struct cw_vault *v)
{
	crypto_kdf_derive_from_key(v->values, sizeof v->values, SUBKEY_VALUES, KDF_CONTEXT,
				   v->master);
	crypto_kdf_derive_from_key(v->tags, sizeof v->tags, SUBKEY_TAGS, KDF_CONTEXT, v->master);
	crypto_kdf_derive_from_key(v->names, sizeof v->names, SUBKEY_NAMES, KDF_CONTEXT, v->master);
}

int cw_vault_new(struct cw_vault **out, struct cw_error *err)
{
	int rc;

	if ((rc = vault_alloc(out, err)) != 0)
		return rc;
	randombytes_buf((*out)->master, sizeof(*out)->master);
	derive_keys(*out);
	return 0;
}

int cw_vault_from_master(const uint8_t master[CW_VAULT_KEY_BYTES], struct cw_vault **out,
			 struct cw_error *err)
{
	int rc;

	if ((rc = vault_alloc(out, err)) != 0)
		return rc;
	memcpy((*out)->master, master, sizeof(*out)->master);
	derive_keys(*out);
	return 0;
}

const uint8_t *cw_vault_master(const struct cw_vault *v)
{
	return v->master;
}

const uint8_t *cw_vault_names_key(const struct cw_vault *v)
{
	return v->names;
}

void cw_vault_free(struct cw_vault *v)
{
	sodium_free(v); /* wipes, and accepts NULL */
}

size_t cw_vault_overhead(void)
{
	return 1 + NONCE_BYTES + TAG_BYTES;
}

/* The associated data of a sealed value: format byte, table byte, the value's key. Small keys
 * (all of the store's) use ad_stack; larger ones a heap copy the caller frees. */
static uint8_t *make_ad(uint8_t *ad_stack, size_t stack_len, uint8_t table, const void *key,
			size_t klen, size_t *adlen)
{
	uint8_t *ad = ad_stack;

	*adlen = 2 + klen;
	if (klen > stack_len - 2 && !(ad = malloc(*adlen)))
		return NULL;
	ad[0] = SEAL_FORMAT;
	ad[1] = table;
	if (klen)
		memcpy(ad + 2, key, klen);
	return ad;
}

int cw_vault_seal(const struct cw_vault *v, uint8_t table, const void *key, size_t klen,
		  const void *plain, size_t plen, struct cw_buf *out)
{
	uint8_t head[1 + NONCE_BYTES], tag[TAG_BYTES], ad_stack[512], *ad, *p;
	size_t start = out->len, adlen;
	int rc = 0;

	if (!(ad = make_ad(ad_stack, sizeof ad_stack, table, key, klen, &adlen)))
		return CW_ENOMEM;
	head[0] = SEAL_FORMAT;
	randombytes_buf(head + 1, NONCE_BYTES);
	/* The plain text is copied into out and encrypted over itself (libsodium allows it) before
	 * out grows again for the tag, so a reallocation never leaves plain text in freed memory.
	 */
	if (cw_buf_append(out, head, sizeof head) != 0 ||
	    (plen && cw_buf_append(out, plain, plen) != 0)) {
		rc = CW_ENOMEM;
		goto fail;
	}
	p = out->data + start + sizeof head;
	crypto_aead_xchacha20poly1305_ietf_encrypt_detached(p, tag, NULL, plen ? p : tag, plen, ad,
							    adlen, NULL, head + 1, v->values);
	if (cw_buf_append(out, tag, sizeof tag) != 0) {
		rc = CW_ENOMEM;
		goto fail;
	}
	goto done;
fail:
	if (out->data)
		sodium_memzero(out->data + start, out->len - start);
	out->len = start;
done:
	if (ad != ad_stack)
		free(ad);
	return rc;
}

int cw_vault_open(const struct cw_vault *v, uint8_t table, const void *key, size_t klen,
		  const void *sealed, size_t slen, struct cw_buf *out)
{
	const uint8_t *s = sealed;
	uint8_t ad_stack[512], *ad, *p, none = 0;
	size_t start = out->len, adlen, clen;
	int rc = 0;

	if (slen < cw_vault_overhead() || s[0] != SEAL_FORMAT)
		return CW_EDAMAGED;
	clen = slen - cw_vault_overhead();
	if (!(ad = make_ad(ad_stack, sizeof ad_stack, table, key, klen, &adlen)))
		return CW_ENOMEM;
	/* Copy the cipher text into place and decrypt it over itself. libsodium checks the tag
	 * before it decrypts; whatever happens, a failure leaves nothing behind. */
	if (clen && cw_buf_append(out, s + 1 + NONCE_BYTES, clen) != 0) {
		rc = CW_ENOMEM;
		goto done;
	}
	p = clen ? out->data + start : &none; /* libsodium wants a pointer even for nothing */
	if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(p, NULL, p, clen,
								s + 1 + NONCE_BYTES + clen, ad,
								adlen, s + 1, v->values) != 0) {
		if (clen)
			sodium_memzero(p, clen);
		out->len = start;
		rc = CW_EDAMAGED;
	}
done:
	if (ad != ad_stack)
		free(ad);
	return rc;
}

void cw_vault_tag(const struct cw_vault *v, uint8_t purpose, const void *data, size_t len,
		  uint8_t *out, size_t outlen)
{
	crypto_generichash_state st;
	uint8_t full[32];

	assert(outlen >= 8 && outlen <= sizeof full);
	if (outlen > sizeof full)
		outlen = sizeof full;
	/* Always the full 32 bytes, then cut: libsodium's BLAKE2b gives at least 16, and a short
	 * tag being the start of the long one is easy to reason about. */
	crypto_generichash_init(&st, v->tags, sizeof v->tags, sizeof full);
	crypto_generichash_update(&st, &purpose, 1);
	crypto_generichash_update(&st, data, len);
	crypto_generichash_final(&st, full, sizeof full);
	memcpy(out, full, outlen);
	sodium_memzero(&st, sizeof st);
}

/* ---- KDF parameters ------------------------------------------------------------------------ */

/* Measured on the build machine (2-core AMD EPYC VM, while other builds ran, load average about
 * 5) with a small program calling crypto_pwhash(out, 32, pass, 13, salt, ops, mem,
 * crypto_pwhash_ALG_ARGON2ID13) three times per setting (gcc -O2 pw.c -lsodium; ./pw OPS MiB):
 *   ops 2,  64 MiB: 0.09-0.14 s     ops 3, 128 MiB: 0.24-0.33 s
 *   ops 3,  64 MiB: 0.12-0.17 s     ops 4, 128 MiB: 0.30-0.45 s
 *   ops 2, 128 MiB: 0.18-0.52 s     ops 3, 256 MiB: 0.55-1.2 s  (= OPSLIMIT/MEMLIMIT_MODERATE)
 * An old laptop is two to three times slower than this server core, so ops 3 at 128 MiB is about
 * half a second there, and 128 MiB still fits in a 2 GiB machine beside a browser. */
struct cw_kdf_params cw_kdf_default(void)
{
	struct cw_kdf_params p = {3, (size_t)128 << 20};

	return p;
}

struct cw_kdf_params cw_kdf_cheapest(void)
{
	struct cw_kdf_params p = {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};

	return p;
}

static int params_sane(uint64_t ops, uint64_t mem)
{
	return ops >= crypto_pwhash_OPSLIMIT_MIN && ops <= SLOT_MAX_OPS &&
	       mem >= crypto_pwhash_MEMLIMIT_MIN && mem <= SLOT_MAX_MEM && mem <= SIZE_MAX;
}

/* ---- key slot files ------------------------------------------------------------------------ */

static void put_u64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static uint64_t get_u64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static int write_all(int fd, const uint8_t *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Writes data to a new file beside path and renames it over path: store/outfile.h. */
static int replace_file(const char *path, const uint8_t *data, size_t len, struct cw_error *err)
{
	return cw_outfile_write(path, data, len, err);
}

int cw_keyslot_write(const char *path, const struct cw_vault *v, const char *pass, size_t passlen,
		     const struct cw_kdf_params *p, const struct cw_id *database,
		     struct cw_error *err)
{
	uint8_t slot[CW_KEYSLOT_SIZE], *kek;
	int rc;

	if ((rc = start_sodium(err)) != 0)
		return rc;
	if (!params_sane(p->opslimit, p->memlimit))
		return cw_error_set(err, CW_EINVAL, "kdf",
				    "key derivation cost out of range: opslimit %llu (1 to %llu), "
				    "memlimit %zu bytes (8 KiB to 4 GiB)",
				    (unsigned long long)p->opslimit,
				    (unsigned long long)SLOT_MAX_OPS, p->memlimit);
	memcpy(slot, SLOT_MAGIC, 8);
	slot[8] = SLOT_VERSION;
	slot[9] = SLOT_ALG;
	put_u64(slot + SLOT_OFF_OPS, p->opslimit);
	put_u64(slot + SLOT_OFF_MEM, p->memlimit);
	randombytes_buf(slot + SLOT_OFF_SALT, SALT_BYTES);
	memcpy(slot + SLOT_OFF_DB, database->b, sizeof database->b);
	randombytes_buf(slot + SLOT_OFF_NONCE, NONCE_BYTES);

	if (!(kek = sodium_malloc(CW_VAULT_KEY_BYTES)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory for the keys");
	if (crypto_pwhash(kek, CW_VAULT_KEY_BYTES, pass, passlen, slot + SLOT_OFF_SALT, p->opslimit,
			  p->memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
		sodium_free(kek);
		return cw_error_set(err, CW_ENOMEM, "",
				    "not enough memory to derive the key from the passphrase "
				    "(%zu MiB needed)",
				    p->memlimit >> 20);
	}
	crypto_aead_xchacha20poly1305_ietf_encrypt(slot + SLOT_OFF_SEALED, NULL, v->master,
						   CW_VAULT_KEY_BYTES, slot, SLOT_HEADER, NULL,
						   slot + SLOT_OFF_NONCE, kek);
	sodium_free(kek);
	rc = replace_file(path, slot, sizeof slot, err);
	sodium_memzero(slot, sizeof slot);
	return rc;
}

/* Reads a slot file and checks everything that can be checked without the passphrase. */
static int read_slot(const char *path, uint8_t slot[CW_KEYSLOT_SIZE], struct cw_error *err)
{
	uint8_t extra;
	size_t got = 0;
	ssize_t n = 0;
	int fd, e;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		e = errno;
		if (e == ENOENT)
			return cw_error_set(err, CW_ENOTFOUND, "", "the key slot %s does not exist",
					    path);
		return cw_error_set(err, CW_EIO, "", "cannot open the key slot %s: %s", path,
				    strerror(e));
	}
	while (got < CW_KEYSLOT_SIZE) {
		n = read(fd, slot + got, CW_KEYSLOT_SIZE - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got == CW_KEYSLOT_SIZE) {
		while ((n = read(fd, &extra, 1)) < 0 && errno == EINTR)
			;
	}
	e = errno;
	close(fd);
	if (n < 0)
		return cw_error_set(err, CW_EIO, "", "cannot read the key slot %s: %s", path,
				    strerror(e));
	if (got != CW_KEYSLOT_SIZE || n != 0)
		return cw_error_set(err, CW_EDAMAGED, "",
				    "%s is not a casewatch key slot: it is not %d bytes long", path,
				    CW_KEYSLOT_SIZE);
	if (memcmp(slot, SLOT_MAGIC, 8) != 0)
		return cw_error_set(err, CW_EDAMAGED, "",
				    "%s is not a casewatch key slot (it does not start with %s)",
				    path, SLOT_MAGIC);
	if (slot[8] != SLOT_VERSION || slot[9] != SLOT_ALG)
		return cw_error_set(
			err, CW_EDAMAGED, "",
			"the key slot %s has an unknown format (version %d, algorithm %d)", path,
			slot[8], slot[9]);
	if (!params_sane(get_u64(slot + SLOT_OFF_OPS), get_u64(slot + SLOT_OFF_MEM)))
		return cw_error_set(err, CW_EDAMAGED, "",
				    "the key slot %s asks for an absurd key derivation cost "
				    "(opslimit %llu, memlimit %llu bytes): it is damaged or was "
				    "altered",
				    path, (unsigned long long)get_u64(slot + SLOT_OFF_OPS),
				    (unsigned long long)get_u64(slot + SLOT_OFF_MEM));
	return 0;
}

int cw_keyslot_read_database(const char *path, struct cw_id *database, struct cw_error *err)
{
	uint8_t slot[CW_KEYSLOT_SIZE];
	int rc;

	if ((rc = read_slot(path, slot, err)) != 0)
		return rc;
	memcpy(database->b, slot + SLOT_OFF_DB, sizeof database->b);
	return 0;
}

int cw_keyslot_open(const char *path, const char *pass, size_t passlen,
		    const struct cw_id *database, struct cw_vault **out, struct cw_error *err)
{
	uint8_t slot[CW_KEYSLOT_SIZE], *kek;
	struct cw_vault *v;
	uint64_t ops, mem;
	int rc;

	*out = NULL;
	if ((rc = start_sodium(err)) != 0 || (rc = read_slot(path, slot, err)) != 0)
		return rc;
	if (memcmp(slot + SLOT_OFF_DB, database->b, sizeof database->b) != 0)
		return cw_error_set(err, CW_EDAMAGED, "",
				    "the key slot %s belongs to another database", path);
	ops = get_u64(slot + SLOT_OFF_OPS);
	mem = get_u64(slot + SLOT_OFF_MEM);
	if ((rc = vault_alloc(&v, err)) != 0)
		return rc;
	if (!(kek = sodium_malloc(CW_VAULT_KEY_BYTES))) {
		cw_vault_free(v);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory for the keys");
	}
	if (crypto_pwhash(kek, CW_VAULT_KEY_BYTES, pass, passlen, slot + SLOT_OFF_SALT, ops,
			  (size_t)mem, crypto_pwhash_ALG_ARGON2ID13) != 0) {
		rc = cw_error_set(err, CW_ENOMEM, "",
				  "not enough memory to derive the key from the passphrase "
				  "(%llu MiB needed)",
				  (unsigned long long)(mem >> 20));
	} else if (crypto_aead_xchacha20poly1305_ietf_decrypt(
			   v->master, NULL, NULL, slot + SLOT_OFF_SEALED,
			   CW_VAULT_KEY_BYTES + TAG_BYTES, slot, SLOT_HEADER, slot + SLOT_OFF_NONCE,
			   kek) != 0) {
		rc = cw_error_set(err, CW_EKEY, "passphrase",
				  "wrong passphrase for the key slot %s (or the file was altered)",
				  path);
	}
	sodium_free(kek);
	if (rc != 0) {
		cw_vault_free(v);
		return rc;
	}
	derive_keys(v);
	*out = v;
	return 0;
}

int cw_keyslot_destroy(const char *path, struct cw_error *err)
{
	uint8_t noise[4096];
	struct stat sb;
	off_t done = 0;
	int fd, e;

	if ((e = start_sodium(err)) != 0)
		return e;
	if ((fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		e = errno;
		if (e == ENOENT)
			return cw_error_set(err, CW_ENOTFOUND, "", "the key slot %s does not exist",
					    path);
		if (e == ELOOP)
			return cw_error_set(err, CW_EIO, "",
					    "%s is a symbolic link, not a key slot: left alone",
					    path);
		return cw_error_set(err, CW_EIO, "", "cannot open the key slot %s: %s", path,
				    strerror(e));
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return cw_error_set(err, CW_EIO, "", "%s is not a regular file: left alone", path);
	}
	while (done < sb.st_size) {
		size_t n = sb.st_size - done < (off_t)sizeof noise ? (size_t)(sb.st_size - done)
								   : sizeof noise;

		randombytes_buf(noise, n);
		if (write_all(fd, noise, n) != 0)
			break;
		done += (off_t)n;
	}
	if (done < sb.st_size || fsync(fd) != 0) {
		e = errno;
		close(fd);
		return cw_error_set(err, CW_EIO, "", "cannot overwrite the key slot %s: %s", path,
				    strerror(e));
	}
	close(fd);
	if (unlink(path) != 0)
		return cw_error_set(err, CW_EIO, "", "cannot remove the key slot %s: %s", path,
				    strerror(errno));
	return cw_outfile_sync_folder(path, err);
}
