/* signature.c - a file signed by this database's identity, and checked; see signature.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "store/signature.h"

#define FIRST_LINE   "casewatch signature 1\n"
#define SIG_TEXT_MAX 512 /* the signature line: base64 of 64 bytes is 86 characters */
#define HASH_BYTES   crypto_generichash_BYTES_MAX /* 64: BLAKE2b-512 */

_Static_assert(sizeof(crypto_generichash_state) <= sizeof(((struct cw_file_digest *)0)->state),
	       "struct cw_file_digest holds libsodium's hash state");

void cw_file_digest_init(struct cw_file_digest *d)
{
	if (sodium_init() < 0)
		abort(); /* no random source: nothing of libsodium can work */
	crypto_generichash_init((crypto_generichash_state *)d->state, NULL, 0, HASH_BYTES);
	d->bytes = 0;
}

void cw_file_digest_update(struct cw_file_digest *d, const void *data, size_t len)
{
	crypto_generichash_update((crypto_generichash_state *)d->state, data, len);
	d->bytes += len;
}

/* The statement the signature is over (signature.h). */
static void statement(char *out, size_t len, const char *signer, const char *signed_at,
		      uint64_t bytes, const uint8_t hash[HASH_BYTES])
{
	char hex[2 * HASH_BYTES + 1];

	sodium_bin2hex(hex, sizeof hex, hash, HASH_BYTES);
	snprintf(out, len, "%ssigner %s\nsigned %s\nbytes %" PRIu64 "\nblake2b-512 %s\n",
		 FIRST_LINE, signer, signed_at, bytes, hex);
}

int cw_file_sign(struct cw_store *st, struct cw_file_digest *d, int64_t now_us, char **text,
		 struct cw_error *err)
{
	struct cw_identity_public pub;
	struct cw_signer *signer = NULL;
	struct cw_id database;
	uint8_t hash[HASH_BYTES], sig[CW_IDENTITY_SIG_BYTES];
	char key[CW_IDENTITY_TEXT_MAX], fp[CW_FINGERPRINT_TEXT_MAX], when[CW_SIGNED_AT_MAX],
		said[640], b64[SIG_TEXT_MAX];
	time_t secs = (time_t)(now_us / 1000000);
	struct tm tm;
	size_t need;
	int rc;

	*text = NULL;
	crypto_generichash_final((crypto_generichash_state *)d->state, hash, sizeof hash);
	if ((rc = cw_store_identity(st, &pub, err)) != 0)
		return rc;
	cw_store_database_id(st, &database);
	cw_identity_text_of_database(&pub, &database, key);
	cw_identity_fingerprint(&pub, fp);
	if (!gmtime_r(&secs, &tm) || !strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm))
		return cw_error_set(err, CW_EINVAL, "time", "the clock gives no date");
	statement(said, sizeof said, key, when, d->bytes, hash);
	if ((rc = cw_signer_begin(st, &signer, err)) == 0) {
		cw_signer_update(signer, said, strlen(said));
		rc = cw_signer_final(signer, sig, err);
	}
	cw_signer_free(signer);
	if (rc != 0)
		return rc;
	sodium_bin2base64(b64, sizeof b64, sig, sizeof sig,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	need = strlen(key) + strlen(fp) + strlen(b64) + 160;
	if (!(*text = malloc(need)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	snprintf(*text, need,
		 "%ssigner %s\nfingerprint %s\nsigned %s\nbytes %" PRIu64 "\nsignature %s\n",
		 FIRST_LINE, key, fp, when, d->bytes, b64);
	return 0;
}

int cw_file_open_regular(const char *path, const char *field, int *fd, struct cw_error *err)
{
	struct stat sb;
	int flags;

	/* Not blocking: a pipe or a device named as the file must be refused, not waited on. */
	*fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (*fd < 0)
		return cw_error_set(err, CW_ENOTFOUND, field, "cannot read %.300s: %s", path,
				    strerror(errno));
	if (fstat(*fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(*fd);
		*fd = -1;
		return cw_error_set(err, CW_ENOTFOUND, field, "%.300s is not a regular file", path);
	}
	if ((flags = fcntl(*fd, F_GETFL)) >= 0)
		fcntl(*fd, F_SETFL, flags & ~O_NONBLOCK);
	return 0;
}

/* The file's BLAKE2b-512 and size, read in pieces. */
static int digest_file(const char *path, uint8_t hash[HASH_BYTES], uint64_t *bytes,
		       struct cw_error *err)
{
	struct cw_file_digest d;
	uint8_t buf[65536];
	ssize_t got;
	int fd, rc;

	if ((rc = cw_file_open_regular(path, "file", &fd, err)) != 0)
		return rc;
	cw_file_digest_init(&d);
	while ((got = read(fd, buf, sizeof buf)) > 0 || (got < 0 && errno == EINTR))
		if (got > 0)
			cw_file_digest_update(&d, buf, (size_t)got);
	rc = got < 0 ? cw_error_set(err, CW_EIO, "file", "cannot read %.300s: %s", path,
				    strerror(errno))
		     : 0;
	close(fd);
	crypto_generichash_final((crypto_generichash_state *)d.state, hash, HASH_BYTES);
	*bytes = d.bytes;
	return rc;
}

/* The value of line `n` (1-based) of text, which must begin with `name` and a space; into out.
 * Advances *p past the line. */
static int field(const char **p, int n, const char *name, char *out, size_t len,
		 struct cw_error *err)
{
	const char *line = *p, *end = strchr(line, '\n');
	size_t nlen = strlen(name), vlen;

	if (!end || strncmp(line, name, nlen) != 0 || line[nlen] != ' ')
		return cw_error_set(err, CW_EINVAL, "signature",
				    "line %d should be \"%s ...\": this is not a casewatch "
				    "signature file, or it was cut",
				    n, name);
	vlen = (size_t)(end - (line + nlen + 1));
	if (vlen == 0)
		return cw_error_set(err, CW_EINVAL, "signature", "line %d (%s) is empty", n, name);
	if (vlen >= len)
		return cw_error_set(err, CW_EINVAL, "signature", "line %d (%s) is too long", n,
				    name);
	memcpy(out, line + nlen + 1, vlen);
	out[vlen] = '\0';
	*p = end + 1;
	return 0;
}

/* A size as the signer writes it: decimal digits, no sign, no leading zero (but "0"). */
static int canonical_size(const char *text, uint64_t *out)
{
	uint64_t v = 0;

	if (!text[0] || (text[0] == '0' && text[1]))
		return -1;
	for (const char *c = text; *c; c++) {
		if (*c < '0' || *c > '9' || v > (UINT64_MAX - (uint64_t)(*c - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*c - '0');
	}
	*out = v;
	return 0;
}

int cw_file_signature_check(const char *path, const char *text, struct cw_file_signature *out,
			    struct cw_error *err)
{
	char key[CW_IDENTITY_TEXT_MAX], fp[64], when[CW_SIGNED_AT_MAX], bytes[32],
		b64[SIG_TEXT_MAX], said[640], *endp;
	uint8_t hash[HASH_BYTES], sig[CW_IDENTITY_SIG_BYTES];
	const char *p = text;
	uint64_t size;
	size_t got;
	struct tm tm;
	int rc;

	memset(out, 0, sizeof *out);
	if (sodium_init() < 0)
		return cw_error_set(err, CW_ENOMEM, "", "libsodium cannot start");
	if (strncmp(p, FIRST_LINE, strlen(FIRST_LINE)) != 0)
		return cw_error_set(err, CW_EINVAL, "signature",
				    "line 1 should be \"casewatch signature 1\": this is not a "
				    "casewatch signature file, or one of a later casewatch");
	p += strlen(FIRST_LINE);
	if ((rc = field(&p, 2, "signer", key, sizeof key, err)) != 0 ||
	    (rc = field(&p, 3, "fingerprint", fp, sizeof fp, err)) != 0 ||
	    (rc = field(&p, 4, "signed", when, sizeof when, err)) != 0 ||
	    (rc = field(&p, 5, "bytes", bytes, sizeof bytes, err)) != 0 ||
	    (rc = field(&p, 6, "signature", b64, sizeof b64, err)) != 0)
		return rc;
	if (*p)
		return cw_error_set(err, CW_EINVAL, "signature",
				    "holds more than its six lines: it was changed");
	if ((rc = cw_identity_parse(key, &out->signer, &out->database, err)) != 0)
		return cw_error_set(err, CW_EINVAL, "signature", "line 2 (signer): %.300s",
				    err->message);
	cw_identity_fingerprint(&out->signer, out->fingerprint);
	if (strcmp(fp, out->fingerprint) != 0)
		return cw_error_set(err, CW_EINVAL, "signature",
				    "line 3 (fingerprint) is not the signer's: it was changed");
	memset(&tm, 0, sizeof tm);
	endp = strptime(when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (!endp || *endp)
		return cw_error_set(err, CW_EINVAL, "signature",
				    "line 4 (signed) is not a time like 2026-12-05T03:40:00Z");
	snprintf(out->signed_at, sizeof out->signed_at, "%s", when);
	if (canonical_size(bytes, &out->bytes) != 0)
		return cw_error_set(err, CW_EINVAL, "signature", "line 5 (bytes) is not a size");
	if (sodium_base642bin(sig, sizeof sig, b64, strlen(b64), NULL, &got, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    got != sizeof sig)
		return cw_error_set(err, CW_EINVAL, "signature",
				    "line 6 (signature) is not a signature");
	if ((rc = digest_file(path, hash, &size, err)) != 0)
		return rc;
	if (size != out->bytes)
		return cw_error_set(err, CW_EDAMAGED, "file",
				    "%.300s is not the file that was signed: it has %" PRIu64
				    " bytes, the signed file %" PRIu64
				    " (changed, cut, or another file)",
				    path, size, out->bytes);
	statement(said, sizeof said, key, when, out->bytes, hash);
	if (cw_identity_verify(&out->signer, said, strlen(said), sig) != 0)
		return cw_error_set(err, CW_EDAMAGED, "file",
				    "%.300s is not the file that was signed: changed since, or the "
				    "signature is another file's",
				    path);
	return 0;
}
