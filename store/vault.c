/* vault.c - sealing values, keyed tags and the passphrase key slot; see vault.h. */
#include "config.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/i18n.h"
#include "store/outfile.h"
#include "store/vault.h"

/* Sealed values, two formats (vault.h): format 1 stores the whole 24-byte XChaCha20 nonce,
 * format 2 (what cw_vault_seal writes) its first 16 bytes, the rest being zeros. */
#define SEAL_FORMAT_FULL_NONCE  1
#define SEAL_FORMAT_SHORT_NONCE 2
#define NONCE_BYTES             crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define STORED_NONCE_BYTES      16
#define TAG_BYTES               crypto_aead_xchacha20poly1305_ietf_ABYTES

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
	return 1 + STORED_NONCE_BYTES + TAG_BYTES;
}

/* The associated data of a sealed value: format byte, table byte, the value's key. Small keys
 * (all of the store's) use ad_stack; larger ones a heap copy the caller frees. */
static uint8_t *make_ad(uint8_t *ad_stack, size_t stack_len, uint8_t format, uint8_t table,
			const void *key, size_t klen, size_t *adlen)
{
	uint8_t *ad = ad_stack;

	*adlen = 2 + klen;
	if (klen > stack_len - 2 && !(ad = malloc(*adlen)))
		return NULL;
	ad[0] = format;
	ad[1] = table;
	if (klen)
		memcpy(ad + 2, key, klen);
	return ad;
}

/* Nonces come from a pool filled by one randombytes_buf call, not one call each: libsodium
 * 1.0.18 asks the kernel (getrandom) on every call, about 1 us here, as much as sealing a whole
 * record. Every nonce is still fresh random bytes, used once. The pool is shared by the threads
 * (a lock) and emptied in a child after fork, so two processes never take the same bytes. */
#define NONCE_POOL_BYTES (STORED_NONCE_BYTES * 128)

static pthread_mutex_t nonce_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t nonce_once = PTHREAD_ONCE_INIT;
static uint8_t nonce_pool[NONCE_POOL_BYTES];
static size_t nonce_left;

static void nonce_forget_in_child(void)
{
	pthread_mutex_init(&nonce_lock, NULL);
	sodium_memzero(nonce_pool, sizeof nonce_pool);
	nonce_left = 0;
}

static void nonce_register_fork(void)
{
	pthread_atfork(NULL, NULL, nonce_forget_in_child);
}

static void nonce_take(uint8_t out[STORED_NONCE_BYTES])
{
	pthread_once(&nonce_once, nonce_register_fork);
	pthread_mutex_lock(&nonce_lock);
	if (nonce_left < STORED_NONCE_BYTES) {
		randombytes_buf(nonce_pool, sizeof nonce_pool);
		nonce_left = sizeof nonce_pool;
	}
	nonce_left -= STORED_NONCE_BYTES;
	memcpy(out, nonce_pool + nonce_left, STORED_NONCE_BYTES);
	sodium_memzero(nonce_pool + nonce_left, STORED_NONCE_BYTES); /* taken once, never again */
	pthread_mutex_unlock(&nonce_lock);
}

/* XChaCha20-Poly1305-IETF, the construction of libsodium's
 * crypto_aead_xchacha20poly1305_ietf_*_detached, made of libsodium's own primitives
 * (HChaCha20, ChaCha20-IETF, Poly1305) so that the cipher runs over whole groups of 256 bytes.
 * libsodium 1.0.18's ChaCha20 takes 256 bytes at a time in vector registers and the rest of a
 * message 64 bytes at a time on a slower path: measured here, 480 bytes cost 865 ns and 512
 * bytes 249 ns. Records are 150-500 bytes, so most of a seal or an opening went on its last
 * partial group. check_vault compares both directions with libsodium's AEAD for every length
 * from 0 to 1100 bytes and for associated data of several lengths. */
#define CHACHA_GROUP 256
#define CHACHA_BLOCK 64

/* Bytes of work space stream_xor needs for a message of len bytes. */
static size_t stream_space(size_t len)
{
	return (CHACHA_BLOCK + len + CHACHA_GROUP - 1) / CHACHA_GROUP * CHACHA_GROUP;
}

/* work[0..64) must be zeros and work[64..64+len) the message; work has stream_space(len) bytes.
 * Afterwards work[0..32) is the Poly1305 key (block 0 of the stream) and work[64..64+len) the
 * message xored with the stream from block 1, as RFC 8439 says; the rest is stream to wipe. */
static void stream_xor(uint8_t *work, size_t len, const uint8_t nonce[NONCE_BYTES],
		       const uint8_t key[CW_VAULT_KEY_BYTES])
{
	uint8_t subkey[crypto_core_hchacha20_OUTPUTBYTES];
	uint8_t ietf_nonce[crypto_stream_chacha20_ietf_NONCEBYTES] = {0};
	size_t space = stream_space(len);

	crypto_core_hchacha20(subkey, nonce, key, NULL);
	memcpy(ietf_nonce + 4, nonce + crypto_core_hchacha20_INPUTBYTES, 8);
	memset(work + CHACHA_BLOCK + len, 0, space - CHACHA_BLOCK - len);
	crypto_stream_chacha20_ietf_xor_ic(work, work, space, ietf_nonce, 0, subkey);
	sodium_memzero(subkey, sizeof subkey);
}

/* dst ^= src over len bytes, eight at a time: byte by byte, this loop was a seventh of the
 * instructions of opening a record (callgrind of the weekly report), and compilers at -O2
 * leave it so, since dst and src lie in one buffer. */
static void xor_into(uint8_t *dst, const uint8_t *src, size_t len)
{
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t a, b;

		memcpy(&a, dst + i, 8);
		memcpy(&b, src + i, 8);
		a ^= b;
		memcpy(dst + i, &a, 8);
	}
	for (; i < len; i++)
		dst[i] ^= src[i];
}

static void store_le64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* The Poly1305 tag over the associated data and the cipher text, each padded to 16 bytes, then
 * both lengths (RFC 8439, section 2.8). */
static void aead_mac(uint8_t mac[TAG_BYTES], const uint8_t poly_key[32], const uint8_t *ad,
		     size_t adlen, const uint8_t *cipher, size_t clen)
{
	static const uint8_t zeros[16];
	crypto_onetimeauth_poly1305_state st;
	uint8_t lengths[16];

	crypto_onetimeauth_poly1305_init(&st, poly_key);
	crypto_onetimeauth_poly1305_update(&st, ad, adlen);
	crypto_onetimeauth_poly1305_update(&st, zeros, (16 - adlen % 16) % 16);
	crypto_onetimeauth_poly1305_update(&st, cipher, clen);
	crypto_onetimeauth_poly1305_update(&st, zeros, (16 - clen % 16) % 16);
	store_le64(lengths, adlen);
	store_le64(lengths + 8, clen);
	crypto_onetimeauth_poly1305_update(&st, lengths, sizeof lengths);
	crypto_onetimeauth_poly1305_final(&st, mac);
	sodium_memzero(&st, sizeof st);
}

int cw_vault_seal(const struct cw_vault *v, uint8_t table, const void *key, size_t klen,
		  const void *plain, size_t plen, struct cw_buf *out)
{
	uint8_t head[1 + STORED_NONCE_BYTES], nonce[NONCE_BYTES] = {0}, poly_key[32];
	uint8_t ad_stack[512], *ad, *work;
	size_t start = out->len, adlen, space;
	int rc = 0;

	if (plen > SIZE_MAX / 2)
		return CW_ENOMEM;
	space = stream_space(plen);
	if (!(ad = make_ad(ad_stack, sizeof ad_stack, SEAL_FORMAT_SHORT_NONCE, table, key, klen,
			   &adlen)))
		return CW_ENOMEM;
	/* All the room first: the plain text is copied in and encrypted where it lies, and out
	 * never grows (moves) while it holds plain text. */
	if (cw_buf_reserve(out, sizeof head + space + TAG_BYTES) != 0) {
		rc = CW_ENOMEM;
		goto done;
	}
	head[0] = SEAL_FORMAT_SHORT_NONCE;
	nonce_take(head + 1);
	memcpy(nonce, head + 1, STORED_NONCE_BYTES);
	memcpy(out->data + start, head, sizeof head);
	work = out->data + start + sizeof head;
	memset(work, 0, CHACHA_BLOCK);
	if (plen)
		memcpy(work + CHACHA_BLOCK, plain, plen);
	stream_xor(work, plen, nonce, v->values);
	memcpy(poly_key, work, sizeof poly_key);
	memmove(work, work + CHACHA_BLOCK, plen);
	aead_mac(work + plen, poly_key, ad, adlen, work, plen);
	sodium_memzero(poly_key, sizeof poly_key);
	sodium_memzero(work + plen + TAG_BYTES, space - plen); /* the stream left over */
	out->len = start + sizeof head + plen + TAG_BYTES;
done:
	if (ad != ad_stack)
		free(ad);
	return rc;
}

int cw_vault_open(const struct cw_vault *v, uint8_t table, const void *key, size_t klen,
		  const void *sealed, size_t slen, struct cw_buf *out)
{
	const uint8_t *s = sealed, *cipher;
	uint8_t nonce[NONCE_BYTES] = {0}, ad_stack[512], *ad, *work, *stream, tag[TAG_BYTES];
	uint8_t mac[TAG_BYTES];
	size_t start = out->len, adlen, clen, space, at, stored;
	uint8_t format;
	int rc = 0;

	if (slen < 1)
		return CW_EDAMAGED;
	format = s[0]; /* read once: the map under it may change */
	if (format == SEAL_FORMAT_SHORT_NONCE)
		stored = STORED_NONCE_BYTES;
	else if (format == SEAL_FORMAT_FULL_NONCE)
		stored = NONCE_BYTES; /* written by casewatch before schema 9 */
	else
		return CW_EDAMAGED;
	if (slen < 1 + stored + TAG_BYTES)
		return CW_EDAMAGED;
	clen = slen - 1 - stored - TAG_BYTES;
	if (clen > SIZE_MAX / 4)
		return CW_ENOMEM;
	memcpy(nonce, s + 1, stored);
	cipher = s + 1 + stored;
	space = stream_space(clen);
	at = (clen + 63) / 64 * 64; /* where the stream goes, after the copy */
	if (!(ad = make_ad(ad_stack, sizeof ad_stack, format, table, key, klen, &adlen)))
		return CW_ENOMEM;
	if (cw_buf_reserve(out, at + space) != 0) {
		rc = CW_ENOMEM;
		goto done;
	}
	/* The cipher text and tag are copied once, out of the caller's memory (the database's
	 * map, which another process could change), and the tag is checked over that copy, the
	 * one that is then decrypted. The stream (block 0: the Poly1305 key) is made beside it
	 * over whole groups (stream_xor), and wiped whatever happens. */
	work = out->data + start;
	stream = work + at;
	if (clen)
		memcpy(work, cipher, clen);
	memcpy(tag, cipher + clen, TAG_BYTES);
	memset(stream, 0, CHACHA_BLOCK + clen);
	stream_xor(stream, clen, nonce, v->values); /* over zeros: the stream itself */
	aead_mac(mac, stream, ad, adlen, work, clen);
	if (crypto_verify_16(mac, tag) != 0) {
		sodium_memzero(work, at + space);
		rc = CW_EDAMAGED;
	} else {
		xor_into(work, stream + CHACHA_BLOCK, clen);
		sodium_memzero(work + clen, at - clen + space); /* Poly1305 key and stream */
		out->len = start + clen;
	}
	sodium_memzero(mac, sizeof mac);
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

/* Overwrites the file open at fd, from its start to its end, with random bytes and flushes it:
 * the blocks that held a slot hold noise. 0, or -1 with errno. */
static int overwrite(int fd)
{
	uint8_t noise[4096];
	struct stat sb;
	off_t done = 0;

	if (fstat(fd, &sb) != 0)
		return -1;
	if (!S_ISREG(sb.st_mode)) {
		errno = EINVAL;
		return -1;
	}
	while (done < sb.st_size) {
		size_t n = sb.st_size - done < (off_t)sizeof noise ? (size_t)(sb.st_size - done)
								   : sizeof noise;

		ssize_t w;

		randombytes_buf(noise, n);
		if ((w = pwrite(fd, noise, n, done)) < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		done += (off_t)w;
	}
	return fsync(fd);
}

/* A key slot behind a symbolic link lives where casewatch cannot reach it: a passphrase change
 * would replace the link and leave the old slot whole at its target (the old passphrase still
 * opening it), and destroy-key would leave it alone. So every path that reads, replaces or
 * destroys a slot refuses a link at its name, in the same words (a review found the database
 * opening through one, passphrase reporting success and destroy-key failing at the door). */
static int refuse_link(const char *path, struct cw_error *err)
{
	char folder[4096];

	cw_outfile_folder_of(path, folder, sizeof folder);
	return cw_error_set(err, CW_EIO, "",
			    "%.300s is a symbolic link: move the key slot itself into %.300s "
			    "(casewatch never uses a key slot through a link)",
			    path, folder);
}

/* Whether path is a symbolic link (not whether what it names exists). */
static int is_link(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode);
}

/* The file at path opened to be overwritten: a regular file only, never through a link, and
 * never waiting (a FIFO planted at the name would block an open for writing for ever, and
 * destroy-key is what a monitor runs when the door is being knocked on). -1 otherwise. */
static int open_to_overwrite(const char *path)
{
	struct stat sb;
	int fd = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

	if (fd >= 0 && (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

/* Writes data to a new file beside path and renames it over path (store/outfile.h), then
 * overwrites the slot it replaced: renamed over, the old slot's blocks would be free but whole,
 * and a passphrase changed because it was given away would still open the database from them
 * (a security review carved one off the disk after destroy-key). The old file is held open
 * across the rename for that; a crash between the two leaves it as a removal would. A slot
 * that is there but cannot be opened to be overwritten (a link, a FIFO, a file we may not
 * write) is refused before anything changes: a new slot beside an old one left whole would
 * say "changed" while the old passphrase still opened the database. */
static int replace_file(const char *path, const uint8_t *data, size_t len, struct cw_error *err)
{
	int old = open_to_overwrite(path), rc, e = errno;

	if (old < 0 && e != ENOENT) {
		if (e == ELOOP && is_link(path))
			return refuse_link(path, err);
		return cw_error_set(
			err, CW_EIO, "key",
			"cannot overwrite the key slot %.300s (%s): nothing was changed", path,
			e == EINVAL ? _("it is not a regular file") : strerror(e));
	}
	rc = cw_outfile_write(path, data, len, err);
	if (old >= 0) {
		if (rc == 0 && overwrite(old) != 0) {
			e = errno;
			rc = cw_error_set(err, CW_EIO, "key",
					  "the new key slot %.300s is in place, but the old one's "
					  "bytes could not be overwritten (%s): the old passphrase "
					  "may still open them on this disk",
					  path, strerror(e));
		}
		close(old);
	}
	return rc;
}

static int write_slot(const char *path, const struct cw_vault *v, const char *pass, size_t passlen,
		      const struct cw_kdf_params *p, const struct cw_id *database, int new_file,
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

	if (!new_file && is_link(path)) /* said before the key derivation, not after */
		return refuse_link(path, err);
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
	rc = new_file ? cw_outfile_write_new(path, slot, sizeof slot, err)
		      : replace_file(path, slot, sizeof slot, err);
	sodium_memzero(slot, sizeof slot);
	return rc;
}

int cw_keyslot_write(const char *path, const struct cw_vault *v, const char *pass, size_t passlen,
		     const struct cw_kdf_params *p, const struct cw_id *database,
		     struct cw_error *err)
{
	return write_slot(path, v, pass, passlen, p, database, 0, err);
}

int cw_keyslot_write_new(const char *path, const struct cw_vault *v, const char *pass,
			 size_t passlen, const struct cw_kdf_params *p,
			 const struct cw_id *database, struct cw_error *err)
{
	return write_slot(path, v, pass, passlen, p, database, 1, err);
}

/* Reads a slot file and checks everything that can be checked without the passphrase. A
 * database's slot is never read through a link (refuse_link); a recovery file may be one
 * (follow), and is called what its user knows it as: a recovery file, written by key export,
 * not a key slot (a field trial's "wrong passphrase for the key slot" sent a monitor looking
 * for one). */
static int read_slot(const char *path, uint8_t slot[CW_KEYSLOT_SIZE], int follow,
		     struct cw_error *err)
{
	uint8_t extra;
	size_t got = 0;
	ssize_t n = 0;
	struct stat sb;
	int fd, e;

	/* Never waiting on a FIFO planted at the name (opening one to read blocks). */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW))) < 0) {
		e = errno;
		if (e == ELOOP && !follow && is_link(path))
			return refuse_link(path, err);
		if (e == ENOENT)
			return follow ? cw_error_set(err, CW_ENOTFOUND, "",
						     "the recovery file %s does not exist", path)
				      : cw_error_set(err, CW_ENOTFOUND, "",
						     "the key slot %s does not exist", path);
		return follow ? cw_error_set(err, CW_EIO, "",
					     "cannot open the recovery file %s: %s", path,
					     strerror(e))
			      : cw_error_set(err, CW_EIO, "", "cannot open the key slot %s: %s",
					     path, strerror(e));
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return follow ? cw_error_set(err, CW_EDAMAGED, "",
					     "%s is not a casewatch recovery file (not a file)",
					     path)
			      : cw_error_set(err, CW_EDAMAGED, "",
					     "%s is not a casewatch key slot (not a file)", path);
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
		return follow ? cw_error_set(err, CW_EIO, "",
					     "cannot read the recovery file %s: %s", path,
					     strerror(e))
			      : cw_error_set(err, CW_EIO, "", "cannot read the key slot %s: %s",
					     path, strerror(e));
	/* A recovery file has the layout of a key slot: what is wrong is said in those terms. */
	if (got != CW_KEYSLOT_SIZE || n != 0)
		return follow ? cw_error_set(err, CW_EDAMAGED, "",
					     "%s is not a casewatch recovery file: it is not %d "
					     "bytes long",
					     path, CW_KEYSLOT_SIZE)
			      : cw_error_set(err, CW_EDAMAGED, "",
					     "%s is not a casewatch key slot: it is not %d bytes "
					     "long",
					     path, CW_KEYSLOT_SIZE);
	if (memcmp(slot, SLOT_MAGIC, 8) != 0)
		return follow ? cw_error_set(err, CW_EDAMAGED, "",
					     "%s is not a casewatch recovery file (it does not "
					     "start with %s)",
					     path, SLOT_MAGIC)
			      : cw_error_set(err, CW_EDAMAGED, "",
					     "%s is not a casewatch key slot (it does not start "
					     "with %s)",
					     path, SLOT_MAGIC);
	if (slot[8] != SLOT_VERSION || slot[9] != SLOT_ALG)
		return follow ? cw_error_set(err, CW_EDAMAGED, "",
					     "the recovery file %s has an unknown format "
					     "(version %d, algorithm %d)",
					     path, slot[8], slot[9])
			      : cw_error_set(err, CW_EDAMAGED, "",
					     "the key slot %s has an unknown format (version %d, "
					     "algorithm %d)",
					     path, slot[8], slot[9]);
	if (!params_sane(get_u64(slot + SLOT_OFF_OPS), get_u64(slot + SLOT_OFF_MEM)))
		return follow ? cw_error_set(err, CW_EDAMAGED, "",
					     "the recovery file %s asks for an absurd key "
					     "derivation cost (opslimit %llu, memlimit %llu "
					     "bytes): it is damaged or was altered",
					     path, (unsigned long long)get_u64(slot + SLOT_OFF_OPS),
					     (unsigned long long)get_u64(slot + SLOT_OFF_MEM))
			      : cw_error_set(err, CW_EDAMAGED, "",
					     "the key slot %s asks for an absurd key derivation "
					     "cost (opslimit %llu, memlimit %llu bytes): it is "
					     "damaged or was altered",
					     path, (unsigned long long)get_u64(slot + SLOT_OFF_OPS),
					     (unsigned long long)get_u64(slot + SLOT_OFF_MEM));
	return 0;
}

static int read_database(const char *path, int follow, struct cw_id *database, struct cw_error *err)
{
	uint8_t slot[CW_KEYSLOT_SIZE];
	int rc;

	if ((rc = read_slot(path, slot, follow, err)) != 0)
		return rc;
	memcpy(database->b, slot + SLOT_OFF_DB, sizeof database->b);
	return 0;
}

int cw_keyslot_read_database(const char *path, struct cw_id *database, struct cw_error *err)
{
	return read_database(path, 0, database, err);
}

int cw_keyslot_read(const char *path, uint8_t slot[CW_KEYSLOT_SIZE], struct cw_error *err)
{
	return read_slot(path, slot, 0, err);
}

int cw_recovery_read_database(const char *path, struct cw_id *database, struct cw_error *err)
{
	return read_database(path, 1, database, err);
}

static int open_slot(const char *path, int follow, const char *pass, size_t passlen,
		     const struct cw_id *database, struct cw_vault **out, struct cw_error *err)
{
	uint8_t slot[CW_KEYSLOT_SIZE], *kek;
	struct cw_vault *v;
	uint64_t ops, mem;
	int rc;

	*out = NULL;
	if ((rc = start_sodium(err)) != 0 || (rc = read_slot(path, slot, follow, err)) != 0)
		return rc;
	if (memcmp(slot + SLOT_OFF_DB, database->b, sizeof database->b) != 0)
		return follow ? cw_error_set(err, CW_EDAMAGED, "",
					     "the recovery file %s belongs to another database",
					     path)
			      : cw_error_set(err, CW_EDAMAGED, "",
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
		rc = follow ? cw_error_set(err, CW_EKEY, "passphrase",
					   "wrong passphrase for the recovery file %s (or the file "
					   "was altered)",
					   path)
			    : cw_error_set(err, CW_EKEY, "passphrase",
					   "wrong passphrase for the key slot %s (or the file was "
					   "altered)",
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

int cw_keyslot_open(const char *path, const char *pass, size_t passlen,
		    const struct cw_id *database, struct cw_vault **out, struct cw_error *err)
{
	return open_slot(path, 0, pass, passlen, database, out, err);
}

int cw_recovery_open(const char *path, const char *pass, size_t passlen,
		     const struct cw_id *database, struct cw_vault **out, struct cw_error *err)
{
	return open_slot(path, 1, pass, passlen, database, out, err);
}

/* The files a slot's replacement may have left beside it (named path.XXXXXX by
 * store/outfile.c, written and not yet renamed when the process died): each is a whole slot,
 * wrapped by a passphrase, so crypto-erase overwrites and removes them too. Only regular files
 * that are key slots (their size and first bytes) are touched: a user's key.backup of other
 * content, links, FIFOs and other names are left alone. */
static void destroy_leftovers(const char *path)
{
	char folder[4096], name[4096];
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t blen = strlen(base);
	struct dirent *e;
	DIR *d;

	cw_outfile_folder_of(path, folder, sizeof folder);
	if (!(d = opendir(folder)))
		return;
	while ((e = readdir(d))) {
		int fd;

		if (strlen(e->d_name) != blen + 7 || strncmp(e->d_name, base, blen) != 0 ||
		    e->d_name[blen] != '.')
			continue;
		if ((size_t)snprintf(name, sizeof name, "%s/%s", folder, e->d_name) >= sizeof name)
			continue;
		uint8_t magic[8];
		struct stat sb;

		if ((fd = open_to_overwrite(name)) < 0)
			continue;
		if (fstat(fd, &sb) == 0 && sb.st_size == CW_KEYSLOT_SIZE &&
		    pread(fd, magic, sizeof magic, 0) == (ssize_t)sizeof magic &&
		    !memcmp(magic, SLOT_MAGIC, sizeof magic) && overwrite(fd) == 0)
			(void)unlink(name);
		close(fd);
	}
	closedir(d);
}

int cw_keyslot_destroy(const char *path, struct cw_error *err)
{
	struct stat sb;
	int fd, e;

	if ((e = start_sodium(err)) != 0)
		return e;
	if ((fd = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) < 0) {
		e = errno;
		if (e == ENOENT) {
			destroy_leftovers(path);
			return cw_error_set(err, CW_ENOTFOUND, "", "the key slot %s does not exist",
					    path);
		}
		if (e == ELOOP && is_link(path))
			return refuse_link(path, err);
		return cw_error_set(err, CW_EIO, "", "cannot open the key slot %s: %s", path,
				    strerror(e));
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return cw_error_set(err, CW_EIO, "", "%s is not a regular file: left alone", path);
	}
	if (overwrite(fd) != 0) {
		e = errno;
		close(fd);
		return cw_error_set(err, CW_EIO, "", "cannot overwrite the key slot %s: %s", path,
				    strerror(e));
	}
	close(fd);
	if (unlink(path) != 0)
		return cw_error_set(err, CW_EIO, "", "cannot remove the key slot %s: %s", path,
				    strerror(errno));
	destroy_leftovers(path);
	return cw_outfile_sync_folder(path, err);
}
