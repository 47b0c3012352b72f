/* check_vault.c - unit tests of store/vault.c: sealed values refuse every alteration and every
 * other place, tags are keyed and separated by purpose, key slots open only with their
 * passphrase and for their database, are written safely and erased. Key slots use the cheapest
 * key derivation, in a fresh temporary directory per test. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "models/codec.h"
#include "store/outfile.h"
#include "store/vault.h"
#include "tests/testutil.h"

static struct cw_vault *vault;
static char *dir;
static char slot_path[4200];

static struct cw_vault *new_vault(void)
{
	struct cw_vault *v = NULL;
	struct cw_error err;

	ck_assert_msg(cw_vault_new(&v, &err) == 0, "%s", err.message);
	ck_assert_ptr_nonnull(v);
	return v;
}

static void setup(void)
{
	vault = new_vault();
	dir = make_temp_dir();
	ck_assert_ptr_nonnull(dir);
	snprintf(slot_path, sizeof slot_path, "%s/key", dir);
}

static void teardown(void)
{
	cw_vault_free(vault);
	vault = NULL;
	rm_tree(dir);
	dir = NULL;
}

static const char plain[] = "Case 12/2024: the defendant was detained without a warrant.";

/* Seals plain under (table 3, key "k1") into out. */
static void seal(struct cw_buf *out)
{
	ck_assert_int_eq(cw_vault_seal(vault, 3, "k1", 2, plain, sizeof plain, out), 0);
}

START_TEST(seal_round_trip)
{
	struct cw_buf sealed = {0}, back = {0};

	seal(&sealed);
	ck_assert_uint_eq(sealed.len, sizeof plain + cw_vault_overhead());
	ck_assert_ptr_null(memmem(sealed.data, sealed.len, "defendant", 9));
	ck_assert_int_eq(cw_vault_open(vault, 3, "k1", 2, sealed.data, sealed.len, &back), 0);
	ck_assert_uint_eq(back.len, sizeof plain);
	ck_assert_mem_eq(back.data, plain, sizeof plain);
	cw_buf_free(&sealed);
	cw_buf_free(&back);
}
END_TEST

/* Sealing appends to what out holds, and opening appends too. */
START_TEST(seal_appends)
{
	struct cw_buf sealed = {0}, back = {0};

	ck_assert_int_eq(cw_buf_append(&sealed, "AB", 2), 0);
	seal(&sealed);
	ck_assert_mem_eq(sealed.data, "AB", 2);
	ck_assert_int_eq(cw_buf_append(&back, "xy", 2), 0);
	ck_assert_int_eq(cw_vault_open(vault, 3, "k1", 2, sealed.data + 2, sealed.len - 2, &back),
			 0);
	ck_assert_uint_eq(back.len, 2 + sizeof plain);
	ck_assert_mem_eq(back.data, "xy", 2);
	ck_assert_mem_eq(back.data + 2, plain, sizeof plain);
	cw_buf_free(&sealed);
	cw_buf_free(&back);
}
END_TEST

START_TEST(seal_empty_value_and_key)
{
	struct cw_buf sealed = {0}, back = {0};

	ck_assert_int_eq(cw_vault_seal(vault, 0, NULL, 0, NULL, 0, &sealed), 0);
	ck_assert_uint_eq(sealed.len, cw_vault_overhead());
	ck_assert_int_eq(cw_vault_open(vault, 0, NULL, 0, sealed.data, sealed.len, &back), 0);
	ck_assert_uint_eq(back.len, 0);
	ck_assert_int_eq(cw_vault_open(vault, 1, NULL, 0, sealed.data, sealed.len, &back),
			 CW_EDAMAGED);
	cw_buf_free(&sealed);
	cw_buf_free(&back);
}
END_TEST

/* A long key takes the heap path for the associated data; it must bind all the same. */
START_TEST(seal_long_key)
{
	struct cw_buf sealed = {0}, back = {0};
	char key[2000];

	memset(key, 'k', sizeof key);
	ck_assert_int_eq(cw_vault_seal(vault, 1, key, sizeof key, plain, sizeof plain, &sealed), 0);
	ck_assert_int_eq(cw_vault_open(vault, 1, key, sizeof key, sealed.data, sealed.len, &back),
			 0);
	key[1999] = 'j';
	ck_assert_int_eq(cw_vault_open(vault, 1, key, sizeof key, sealed.data, sealed.len, &back),
			 CW_EDAMAGED);
	ck_assert_uint_eq(back.len, sizeof plain);
	cw_buf_free(&sealed);
	cw_buf_free(&back);
}
END_TEST

START_TEST(open_elsewhere_refused)
{
	struct cw_buf sealed = {0}, back = {0};
	struct cw_vault *other = new_vault();

	seal(&sealed);
	ck_assert_int_eq(cw_vault_open(vault, 4, "k1", 2, sealed.data, sealed.len, &back),
			 CW_EDAMAGED);
	ck_assert_int_eq(cw_vault_open(vault, 3, "k2", 2, sealed.data, sealed.len, &back),
			 CW_EDAMAGED);
	ck_assert_int_eq(cw_vault_open(vault, 3, "k1x", 3, sealed.data, sealed.len, &back),
			 CW_EDAMAGED);
	ck_assert_int_eq(cw_vault_open(vault, 3, "k", 1, sealed.data, sealed.len, &back),
			 CW_EDAMAGED);
	ck_assert_int_eq(cw_vault_open(other, 3, "k1", 2, sealed.data, sealed.len, &back),
			 CW_EDAMAGED);
	ck_assert_uint_eq(back.len, 0);
	cw_vault_free(other);
	cw_buf_free(&sealed);
	cw_buf_free(&back);
}
END_TEST

/* Every byte, every bit: the format byte, the nonce, the cipher text and the tag. */
START_TEST(open_flipped_byte_refused)
{
	struct cw_buf sealed = {0}, back = {0};

	ck_assert_int_eq(cw_buf_append(&back, "keep", 4), 0);
	seal(&sealed);
	for (size_t i = 0; i < sealed.len; i++) {
		for (int bit = 0; bit < 8; bit++) {
			sealed.data[i] ^= (uint8_t)(1u << bit);
			ck_assert_int_eq(
				cw_vault_open(vault, 3, "k1", 2, sealed.data, sealed.len, &back),
				CW_EDAMAGED);
			sealed.data[i] ^= (uint8_t)(1u << bit);
		}
	}
	/* Nothing was left behind by any failure. */
	ck_assert_uint_eq(back.len, 4);
	ck_assert_int_eq(cw_vault_open(vault, 3, "k1", 2, sealed.data, sealed.len, &back), 0);
	cw_buf_free(&sealed);
	cw_buf_free(&back);
}
END_TEST

START_TEST(open_truncated_refused)
{
	struct cw_buf sealed = {0}, back = {0};

	seal(&sealed);
	for (size_t n = 0; n < sealed.len; n++)
		ck_assert_int_eq(cw_vault_open(vault, 3, "k1", 2, sealed.data, n, &back),
				 CW_EDAMAGED);
	/* One byte too many is an alteration as well. */
	ck_assert_int_eq(cw_buf_append(&sealed, "", 1), 0);
	ck_assert_int_eq(cw_vault_open(vault, 3, "k1", 2, sealed.data, sealed.len, &back),
			 CW_EDAMAGED);
	ck_assert_uint_eq(back.len, 0);
	cw_buf_free(&sealed);
	cw_buf_free(&back);
}
END_TEST

START_TEST(seal_fresh_nonce)
{
	struct cw_buf a = {0}, b = {0};

	seal(&a);
	seal(&b);
	ck_assert_uint_eq(a.len, b.len);
	ck_assert_int_ne(memcmp(a.data, b.data, a.len), 0);
	ck_assert_int_ne(memcmp(a.data + 1, b.data + 1, 16), 0);
	cw_buf_free(&a);
	cw_buf_free(&b);
}
END_TEST

/* The values key of a vault made from master, derived as vault.c documents (crypto_kdf, context
 * "casewatc", id 1), so the tests below can check the seal against libsodium's own AEAD. */
static void values_key(const uint8_t master[CW_VAULT_KEY_BYTES], uint8_t key[CW_VAULT_KEY_BYTES])
{
	crypto_kdf_derive_from_key(key, CW_VAULT_KEY_BYTES, 1, "casewatc", master);
}

/* Whether n bytes are all zero: one assertion for a whole buffer (check logs each one). */
static int all_zero(const uint8_t *p, size_t n)
{
	uint8_t any = 0;

	for (size_t i = 0; i < n; i++)
		any |= p[i];
	return any == 0;
}

/* The associated data vault.h documents: format byte, table byte, the value's key. */
static size_t make_ad(uint8_t *ad, uint8_t format, uint8_t table, const uint8_t *key, size_t klen)
{
	ad[0] = format;
	ad[1] = table;
	memcpy(ad + 2, key, klen);
	return 2 + klen;
}

/* The seal is XChaCha20-Poly1305-IETF exactly, with the nonce vault.h documents (the 16 stored
 * bytes, then 8 zeros): for every length from 0 to 1100 bytes and keys of several lengths (the
 * associated data on the stack and on the heap), libsodium's AEAD opens what cw_vault_seal
 * wrote, and cw_vault_open opens what libsodium's AEAD wrote. A wrong tag, a flipped cipher
 * byte or a wrong length is refused at every length. */
START_TEST(seal_is_libsodium_aead)
{
	static const size_t klens[] = {0, 9, 40, 600};
	uint8_t master[CW_VAULT_KEY_BYTES], vkey[CW_VAULT_KEY_BYTES], plainb[1100], key[600];
	uint8_t ad[602], back[1100], nonce[24];
	struct cw_vault *v = NULL;
	struct cw_error err;

	randombytes_buf(master, sizeof master);
	values_key(master, vkey);
	ck_assert_int_eq(cw_vault_from_master(master, &v, &err), 0);
	randombytes_buf(key, sizeof key);
	for (size_t len = 0; len <= sizeof plainb; len++) {
		size_t klen = klens[len % 4], adlen = make_ad(ad, 2, (uint8_t)len, key, klen);
		struct cw_buf sealed = {0}, opened = {0};
		uint8_t *p;

		randombytes_buf(plainb, len);
		/* ours, then libsodium's opening */
		ck_assert_int_eq(cw_vault_seal(v, (uint8_t)len, key, klen, plainb, len, &sealed),
				 0);
		ck_assert_uint_eq(sealed.len, len + cw_vault_overhead());
		ck_assert_uint_eq(cw_vault_overhead(), 1 + 16 + 16);
		p = sealed.data;
		ck_assert_uint_eq(p[0], 2);
		memcpy(nonce, p + 1, 16);
		memset(nonce + 16, 0, 8);
		ck_assert_int_eq(
			crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
				back, NULL, p + 17, len, p + 17 + len, ad, adlen, nonce, vkey),
			0);
		ck_assert(len == 0 || memcmp(back, plainb, len) == 0);
		/* libsodium's seal (same nonce), then ours opens it */
		crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
			p + 17, p + 17 + len, NULL, plainb, len, ad, adlen, NULL, nonce, vkey);
		ck_assert_int_eq(cw_vault_open(v, (uint8_t)len, key, klen, p, sealed.len, &opened),
				 0);
		ck_assert_uint_eq(opened.len, len);
		ck_assert(len == 0 || memcmp(opened.data, plainb, len) == 0);
		/* a flipped byte of the tag, then of the cipher text */
		sodium_memzero(opened.data, opened.cap);
		opened.len = 0;
		p[sealed.len - 1 - len % 16] ^= 0x01;
		ck_assert_int_eq(cw_vault_open(v, (uint8_t)len, key, klen, p, sealed.len, &opened),
				 CW_EDAMAGED);
		ck_assert_uint_eq(opened.len, 0);
		ck_assert(all_zero(opened.data, opened.cap));
		p[sealed.len - 1 - len % 16] ^= 0x01;
		if (len) {
			p[17 + len / 2] ^= 0x80;
			ck_assert_int_eq(
				cw_vault_open(v, (uint8_t)len, key, klen, p, sealed.len, &opened),
				CW_EDAMAGED);
			ck_assert_uint_eq(opened.len, 0);
			/* nothing of the plain text is left in the buffer's room either */
			ck_assert(all_zero(opened.data, opened.cap));
			p[17 + len / 2] ^= 0x80;
		}
		/* the right bytes under another table are refused */
		ck_assert_int_eq(
			cw_vault_open(v, (uint8_t)(len + 1), key, klen, p, sealed.len, &opened),
			CW_EDAMAGED);
		cw_buf_free(&sealed);
		cw_buf_free(&opened);
	}
	cw_vault_free(v);
	sodium_memzero(vkey, sizeof vkey);
}
END_TEST

/* Values sealed before schema 9 (format 1: the whole 24-byte nonce stored, 41 bytes more than
 * the plain value) still open, at every length; neither format opens read as the other. */
START_TEST(format_1_values_still_open)
{
	uint8_t master[CW_VAULT_KEY_BYTES], vkey[CW_VAULT_KEY_BYTES], plainb[600], ad[8];
	struct cw_vault *v = NULL;
	struct cw_error err;

	randombytes_buf(master, sizeof master);
	values_key(master, vkey);
	ck_assert_int_eq(cw_vault_from_master(master, &v, &err), 0);
	for (size_t len = 0; len <= sizeof plainb; len += 7) {
		size_t adlen = make_ad(ad, 1, 5, (const uint8_t *)"rec1", 4);
		uint8_t old[1 + 24 + sizeof plainb + 16];
		struct cw_buf opened = {0}, sealed = {0};

		randombytes_buf(plainb, len);
		old[0] = 1;
		randombytes_buf(old + 1, 24);
		crypto_aead_xchacha20poly1305_ietf_encrypt_detached(old + 25, old + 25 + len, NULL,
								    plainb, len, ad, adlen, NULL,
								    old + 1, vkey);
		ck_assert_int_eq(cw_vault_open(v, 5, "rec1", 4, old, 41 + len, &opened), 0);
		ck_assert_uint_eq(opened.len, len);
		ck_assert(len == 0 || memcmp(opened.data, plainb, len) == 0);
		opened.len = 0;
		/* the same bytes called format 2 (their associated data differs) */
		old[0] = 2;
		ck_assert_int_eq(cw_vault_open(v, 5, "rec1", 4, old, 41 + len, &opened),
				 CW_EDAMAGED);
		ck_assert_uint_eq(opened.len, 0);
		/* and a value of format 2 called format 1 */
		ck_assert_int_eq(cw_vault_seal(v, 5, "rec1", 4, plainb, len, &sealed), 0);
		sealed.data[0] = 1;
		ck_assert_int_eq(cw_vault_open(v, 5, "rec1", 4, sealed.data, sealed.len, &opened),
				 CW_EDAMAGED);
		/* an unknown format */
		sealed.data[0] = 3;
		ck_assert_int_eq(cw_vault_open(v, 5, "rec1", 4, sealed.data, sealed.len, &opened),
				 CW_EDAMAGED);
		ck_assert_uint_eq(opened.len, 0);
		cw_buf_free(&opened);
		cw_buf_free(&sealed);
	}
	cw_vault_free(v);
	sodium_memzero(vkey, sizeof vkey);
}
END_TEST

/* Nonces come from a pool: a child process after fork must not take the nonces its parent
 * takes next. */
START_TEST(seal_nonce_fresh_after_fork)
{
	struct cw_buf before = {0}, mine = {0};
	uint8_t theirs[16];
	int fds[2], status;
	pid_t pid;

	seal(&before); /* the pool is filled */
	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct cw_buf child = {0};

		close(fds[0]);
		if (cw_vault_seal(vault, 3, "k1", 2, plain, sizeof plain, &child) != 0 ||
		    write(fds[1], child.data + 1, 16) != 16)
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	seal(&mine);
	ck_assert_int_eq(read(fds[0], theirs, sizeof theirs), (ssize_t)sizeof theirs);
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_ne(memcmp(mine.data + 1, theirs, sizeof theirs), 0);
	ck_assert_int_ne(memcmp(before.data + 1, theirs, sizeof theirs), 0);
	cw_buf_free(&before);
	cw_buf_free(&mine);
}
END_TEST

START_TEST(tags)
{
	struct cw_vault *other = new_vault();
	uint8_t t1[32], t2[32], t3[16], t4[8];

	cw_vault_tag(vault, 1, "art 494", 7, t1, sizeof t1);
	cw_vault_tag(vault, 1, "art 494", 7, t2, sizeof t2);
	ck_assert_mem_eq(t1, t2, sizeof t1);
	cw_vault_tag(vault, 2, "art 494", 7, t2, sizeof t2);
	ck_assert_int_ne(memcmp(t1, t2, sizeof t1), 0);
	cw_vault_tag(vault, 1, "art 495", 7, t2, sizeof t2);
	ck_assert_int_ne(memcmp(t1, t2, sizeof t1), 0);
	cw_vault_tag(other, 1, "art 494", 7, t2, sizeof t2);
	ck_assert_int_ne(memcmp(t1, t2, sizeof t1), 0);
	/* The purpose byte is not just glued to the data: (1, "\2x") differs from (2, "x")... */
	cw_vault_tag(vault, 2, "x", 1, t2, sizeof t2);
	cw_vault_tag(vault, 1, "\2x", 2, t1, sizeof t1);
	ck_assert_int_ne(memcmp(t1, t2, sizeof t1), 0);
	/* ...but shorter tags are the start of longer ones. */
	cw_vault_tag(vault, 1, "art 494", 7, t1, sizeof t1);
	cw_vault_tag(vault, 1, "art 494", 7, t3, sizeof t3);
	cw_vault_tag(vault, 1, "art 494", 7, t4, sizeof t4);
	ck_assert_mem_eq(t1, t3, sizeof t3);
	ck_assert_mem_eq(t1, t4, sizeof t4);
	cw_vault_free(other);
}
END_TEST

/* The same master key gives the same sub-keys: a vault rebuilt from the master key opens what
 * the first sealed and makes the same tags. */
START_TEST(from_master)
{
	struct cw_vault *copy = NULL;
	struct cw_buf sealed = {0}, back = {0};
	struct cw_error err;
	uint8_t t1[16], t2[16];

	ck_assert_int_eq(cw_vault_from_master(cw_vault_master(vault), &copy, &err), 0);
	ck_assert_mem_eq(cw_vault_master(copy), cw_vault_master(vault), CW_VAULT_KEY_BYTES);
	ck_assert_mem_eq(cw_vault_names_key(copy), cw_vault_names_key(vault), CW_VAULT_KEY_BYTES);
	ck_assert_int_ne(memcmp(cw_vault_names_key(vault), cw_vault_master(vault), 32), 0);
	seal(&sealed);
	ck_assert_int_eq(cw_vault_open(copy, 3, "k1", 2, sealed.data, sealed.len, &back), 0);
	cw_vault_tag(vault, 5, "a", 1, t1, sizeof t1);
	cw_vault_tag(copy, 5, "a", 1, t2, sizeof t2);
	ck_assert_mem_eq(t1, t2, sizeof t1);
	cw_vault_free(copy);
	cw_vault_free(NULL);
	cw_buf_free(&sealed);
	cw_buf_free(&back);
}
END_TEST

/* ---- key slots ----------------------------------------------------------------------------- */

static const struct cw_id db_id = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}};
static const char pass[] = "correct horse battery staple";

static void write_slot(void)
{
	struct cw_kdf_params p = cw_kdf_cheapest();
	struct cw_error err;

	ck_assert_msg(cw_keyslot_write(slot_path, vault, pass, strlen(pass), &p, &db_id, &err) == 0,
		      "%s", err.message);
}

static int open_slot(const char *pw, const struct cw_id *db, struct cw_error *err)
{
	struct cw_vault *v = NULL;
	int rc = cw_keyslot_open(slot_path, pw, strlen(pw), db, &v, err);

	if (rc == 0)
		ck_assert_mem_eq(cw_vault_master(v), cw_vault_master(vault), CW_VAULT_KEY_BYTES);
	else
		ck_assert_ptr_null(v);
	cw_vault_free(v);
	return rc;
}

static void read_file(const char *path, uint8_t *buf, size_t len)
{
	FILE *f = fopen(path, "rb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fread(buf, 1, len, f), len);
	fclose(f);
}

static void write_file(const char *path, const uint8_t *buf, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(buf, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

START_TEST(slot_round_trip)
{
	struct cw_error err;
	struct cw_id got;
	struct stat sb;
	uint8_t bytes[CW_KEYSLOT_SIZE];

	write_slot();
	ck_assert_int_eq(stat(slot_path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 07777, 0600);
	ck_assert_int_eq(sb.st_size, CW_KEYSLOT_SIZE);
	read_file(slot_path, bytes, sizeof bytes);
	ck_assert_mem_eq(bytes, "CWKEYSL1", 8);
	ck_assert_ptr_null(memmem(bytes, sizeof bytes, cw_vault_master(vault), 8));
	ck_assert_msg(open_slot(pass, &db_id, &err) == 0, "%s", err.message);
	ck_assert_int_eq(cw_keyslot_read_database(slot_path, &got, &err), 0);
	ck_assert_mem_eq(got.b, db_id.b, sizeof got.b);
	/* Writing again replaces the slot (new salt, new nonce) and still opens. */
	write_slot();
	ck_assert_msg(open_slot(pass, &db_id, &err) == 0, "%s", err.message);
	/* No temporary file is left beside it. */
	{
		char cmd[4400];

		snprintf(cmd, sizeof cmd, "test \"$(ls -A '%s')\" = key", dir);
		ck_assert_int_eq(system(cmd), 0);
	}
}
END_TEST

START_TEST(slot_wrong_passphrase)
{
	struct cw_error err;

	write_slot();
	ck_assert_int_eq(open_slot("correct horse battery stapler", &db_id, &err), CW_EKEY);
	ck_assert_ptr_nonnull(strstr(err.message, "wrong passphrase"));
	ck_assert_int_eq(open_slot("", &db_id, &err), CW_EKEY);
}
END_TEST

START_TEST(slot_other_database)
{
	struct cw_id other = db_id;
	struct cw_error err;

	write_slot();
	other.b[15] ^= 1;
	ck_assert_int_eq(open_slot(pass, &other, &err), CW_EDAMAGED);
	ck_assert_ptr_nonnull(strstr(err.message, "belongs to another database"));
}
END_TEST

/* Any flipped byte is refused: header bytes either fail the sanity checks or the seal. */
START_TEST(slot_flipped_byte)
{
	uint8_t good[CW_KEYSLOT_SIZE], bad[CW_KEYSLOT_SIZE];
	struct cw_error err;

	write_slot();
	read_file(slot_path, good, sizeof good);
	for (size_t i = 0; i < sizeof good; i++) {
		struct cw_id db = db_id;
		int rc;

		memcpy(bad, good, sizeof bad);
		bad[i] ^= 0x01;
		write_file(slot_path, bad, sizeof bad);
		/* Alter the database id and ask for the altered one: the seal still catches it. */
		if (i >= 42 && i < 58)
			db.b[i - 42] ^= 0x01;
		rc = open_slot(pass, &db, &err);
		ck_assert_msg(rc == CW_EKEY || rc == CW_EDAMAGED, "byte %zu: %d", i, rc);
	}
	write_file(slot_path, good, sizeof good);
	ck_assert_msg(open_slot(pass, &db_id, &err) == 0, "%s", err.message);
}
END_TEST

static void put_be64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

START_TEST(slot_absurd_parameters)
{
	uint8_t good[CW_KEYSLOT_SIZE], bad[CW_KEYSLOT_SIZE];
	struct cw_kdf_params p = cw_kdf_cheapest();
	struct cw_error err;
	struct cw_id got;
	time_t t0 = time(NULL);

	write_slot();
	read_file(slot_path, good, sizeof good);
	memcpy(bad, good, sizeof bad);
	put_be64(bad + 18, (uint64_t)100 << 30); /* 100 GiB */
	write_file(slot_path, bad, sizeof bad);
	ck_assert_int_eq(open_slot(pass, &db_id, &err), CW_EDAMAGED);
	ck_assert_int_eq(cw_keyslot_read_database(slot_path, &got, &err), CW_EDAMAGED);
	memcpy(bad, good, sizeof bad);
	put_be64(bad + 10, (uint64_t)1 << 40);
	write_file(slot_path, bad, sizeof bad);
	ck_assert_int_eq(open_slot(pass, &db_id, &err), CW_EDAMAGED);
	memcpy(bad, good, sizeof bad);
	put_be64(bad + 10, 0);
	write_file(slot_path, bad, sizeof bad);
	ck_assert_int_eq(open_slot(pass, &db_id, &err), CW_EDAMAGED);
	ck_assert_int_le(time(NULL) - t0, 5); /* refused before any expensive derivation */
	/* Nor will it write them. */
	p.memlimit = (size_t)1;
	ck_assert_int_eq(cw_keyslot_write(slot_path, vault, pass, 4, &p, &db_id, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "kdf");
}
END_TEST

START_TEST(slot_malformed)
{
	uint8_t good[CW_KEYSLOT_SIZE];
	struct cw_error err;
	struct cw_id got;

	write_slot();
	read_file(slot_path, good, sizeof good);
	write_file(slot_path, good, sizeof good - 1);
	ck_assert_int_eq(open_slot(pass, &db_id, &err), CW_EDAMAGED);
	write_file(slot_path, (const uint8_t *)"", 0);
	ck_assert_int_eq(open_slot(pass, &db_id, &err), CW_EDAMAGED);
	{
		uint8_t longer[CW_KEYSLOT_SIZE + 1] = {0};

		memcpy(longer, good, sizeof good);
		write_file(slot_path, longer, sizeof longer);
		ck_assert_int_eq(open_slot(pass, &db_id, &err), CW_EDAMAGED);
		ck_assert_int_eq(cw_keyslot_read_database(slot_path, &got, &err), CW_EDAMAGED);
	}
	ck_assert_int_eq(unlink(slot_path), 0);
	ck_assert_int_eq(open_slot(pass, &db_id, &err), CW_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(err.message, slot_path));
	ck_assert_int_eq(cw_keyslot_read_database(slot_path, &got, &err), CW_ENOTFOUND);
}
END_TEST

START_TEST(slot_destroy)
{
	struct cw_error err;
	struct timespec a, b;

	write_slot();
	clock_gettime(CLOCK_MONOTONIC, &a);
	ck_assert_msg(cw_keyslot_destroy(slot_path, &err) == 0, "%s", err.message);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ck_assert_int_lt((b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000, 1000);
	ck_assert_int_ne(access(slot_path, F_OK), 0);
	ck_assert_int_eq(open_slot(pass, &db_id, &err), CW_ENOTFOUND);
	ck_assert_int_eq(cw_keyslot_destroy(slot_path, &err), CW_ENOTFOUND);
}
END_TEST

/* A slot behind a symbolic link is refused by every path, in one line that names it and
 * what to do, and nothing changes: written over, the link was replaced and the old slot left
 * whole at its target, which the old passphrase still opened (a review); opened, it worked;
 * destroyed, it was refused. A recovery file may be reached through a link. */
START_TEST(slot_symlink_refused)
{
	struct cw_kdf_params p = cw_kdf_cheapest();
	char target[4300], want[9000];
	uint8_t before[CW_KEYSLOT_SIZE], back[CW_KEYSLOT_SIZE];
	struct cw_vault *v = NULL;
	struct cw_error err;
	struct cw_id got;
	struct stat sb;

	snprintf(target, sizeof target, "%s/stick-key", dir);
	ck_assert_msg(cw_keyslot_write(target, vault, pass, strlen(pass), &p, &db_id, &err) == 0,
		      "%s", err.message);
	read_file(target, before, sizeof before);
	ck_assert_int_eq(symlink(target, slot_path), 0);
	snprintf(want, sizeof want, "%s is a symbolic link: move the key slot itself into %s",
		 slot_path, dir);

	ck_assert_int_eq(cw_keyslot_write(slot_path, vault, "another one", 11, &p, &db_id, &err),
			 CW_EIO);
	ck_assert_msg(strstr(err.message, want), "%s", err.message);
	ck_assert_int_eq(open_slot(pass, &db_id, &err), CW_EIO);
	ck_assert_msg(strstr(err.message, want), "%s", err.message);
	ck_assert_int_eq(cw_keyslot_read_database(slot_path, &got, &err), CW_EIO);
	ck_assert_int_eq(cw_keyslot_read(slot_path, back, &err), CW_EIO);
	ck_assert_int_eq(cw_keyslot_destroy(slot_path, &err), CW_EIO);
	ck_assert_msg(strstr(err.message, want), "%s", err.message);

	ck_assert_int_eq(lstat(slot_path, &sb), 0);
	ck_assert(S_ISLNK(sb.st_mode));
	read_file(target, back, sizeof back);
	ck_assert_mem_eq(back, before, sizeof before);

	ck_assert_msg(cw_recovery_read_database(slot_path, &got, &err) == 0, "%s", err.message);
	ck_assert_msg(cw_recovery_open(slot_path, pass, strlen(pass), &db_id, &v, &err) == 0, "%s",
		      err.message);
	ck_assert_mem_eq(cw_vault_master(v), cw_vault_master(vault), CW_VAULT_KEY_BYTES);
	cw_vault_free(v);
}
END_TEST

/* A slot that is there but cannot be opened to be overwritten (here a FIFO, which would also
 * block an open for ever) is refused before anything changes, never renamed over. */
START_TEST(slot_not_overwritable_refused)
{
	struct cw_kdf_params p = cw_kdf_cheapest();
	struct cw_error err;
	struct stat sb;

	ck_assert_int_eq(mkfifo(slot_path, 0600), 0);
	ck_assert_int_eq(cw_keyslot_write(slot_path, vault, pass, strlen(pass), &p, &db_id, &err),
			 CW_EIO);
	ck_assert_msg(strstr(err.message, "nothing was changed"), "%s", err.message);
	ck_assert_int_eq(lstat(slot_path, &sb), 0);
	ck_assert(S_ISFIFO(sb.st_mode));
}
END_TEST

/* A recovery file appears only where nothing has the name, on both ways a file is made (an
 * unnamed file linked into place, and a named temporary): a file there is kept as it was, and
 * no temporary is left beside it. The check at the moment of linking is what counts: a review
 * replaced a file made while the key was being derived. */
START_TEST(slot_new_file_keeps_existing)
{
	struct cw_kdf_params p = cw_kdf_cheapest();
	struct cw_error err;
	uint8_t back[16];

	for (int tmpfile = 1; tmpfile >= 0; tmpfile--) {
		FILE *f = fopen(slot_path, "w");
		DIR *d;
		struct dirent *e;
		int others = 0;

		cw_outfile_use_tmpfile(tmpfile);
		ck_assert_ptr_nonnull(f);
		fputs("victim", f);
		fclose(f);
		ck_assert_int_eq(cw_keyslot_write_new(slot_path, vault, pass, strlen(pass), &p,
						      &db_id, &err),
				 CW_EREFUSED);
		ck_assert_ptr_nonnull(strstr(err.message, "exists"));
		read_file(slot_path, back, 6);
		ck_assert_mem_eq(back, "victim", 6);
		ck_assert_ptr_nonnull(d = opendir(dir));
		while ((e = readdir(d)))
			others += e->d_name[0] != '.' && strcmp(e->d_name, "key") != 0;
		closedir(d);
		ck_assert_int_eq(others, 0);
		/* where nothing is, it is written, and opens */
		ck_assert_int_eq(unlink(slot_path), 0);
		ck_assert_msg(cw_keyslot_write_new(slot_path, vault, pass, strlen(pass), &p, &db_id,
						   &err) == 0,
			      "%s", err.message);
		ck_assert_int_eq(open_slot(pass, &db_id, &err), 0);
		ck_assert_int_eq(unlink(slot_path), 0);
	}
	cw_outfile_use_tmpfile(1);
}
END_TEST

START_TEST(slot_unwritable_folder)
{
	struct cw_kdf_params p = cw_kdf_cheapest();
	struct cw_error err;
	char path[4300];

	snprintf(path, sizeof path, "%s/no/such/folder/key", dir);
	ck_assert_int_eq(cw_keyslot_write(path, vault, pass, 4, &p, &db_id, &err), CW_EIO);
	ck_assert_ptr_nonnull(strstr(err.message, path));
}
END_TEST

START_TEST(kdf_presets)
{
	struct cw_kdf_params d = cw_kdf_default(), c = cw_kdf_cheapest();

	ck_assert_uint_ge(d.opslimit, 3);
	ck_assert_uint_ge(d.memlimit, (size_t)64 << 20);
	ck_assert_uint_le(d.memlimit, (size_t)256 << 20);
	ck_assert_uint_le(c.opslimit, d.opslimit);
	ck_assert_uint_lt(c.memlimit, d.memlimit);
}
END_TEST

static Suite *vault_suite(void)
{
	Suite *s = suite_create("vault");
	TCase *tc = tcase_create("seal");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, seal_round_trip);
	tcase_add_test(tc, seal_appends);
	tcase_add_test(tc, seal_empty_value_and_key);
	tcase_add_test(tc, seal_long_key);
	tcase_add_test(tc, open_elsewhere_refused);
	tcase_add_test(tc, open_flipped_byte_refused);
	tcase_add_test(tc, open_truncated_refused);
	tcase_add_test(tc, seal_fresh_nonce);
	tcase_add_test(tc, seal_is_libsodium_aead);
	tcase_add_test(tc, format_1_values_still_open);
	tcase_add_test(tc, seal_nonce_fresh_after_fork);
	tcase_add_test(tc, tags);
	tcase_add_test(tc, from_master);
	suite_add_tcase(s, tc);

	tc = tcase_create("keyslot");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, slot_round_trip);
	tcase_add_test(tc, slot_wrong_passphrase);
	tcase_add_test(tc, slot_other_database);
	tcase_add_test(tc, slot_flipped_byte);
	tcase_add_test(tc, slot_absurd_parameters);
	tcase_add_test(tc, slot_malformed);
	tcase_add_test(tc, slot_destroy);
	tcase_add_test(tc, slot_symlink_refused);
	tcase_add_test(tc, slot_not_overwritable_refused);
	tcase_add_test(tc, slot_unwritable_folder);
	tcase_add_test(tc, slot_new_file_keeps_existing);
	tcase_add_test(tc, kdf_presets);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(vault_suite());
}
