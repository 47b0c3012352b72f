/* signature.c - a file signed by this database's identity, and checked; see signature.h. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sodium.h>

#include "store/signature.h"

#define FIRST_LINE "casewatch signature 1\n"
/* A report or an export is read whole to be signed or checked: far smaller than this. */
#define FILE_MAX     ((size_t)1 << 30)
#define SIG_TEXT_MAX 512 /* the signature line's base64 of 64 bytes: 86 characters */

/* The file's bytes, whole. */
static int read_whole(const char *path, const char *field, uint8_t **data, size_t *len,
		      struct cw_error *err)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	size_t got;

	*data = NULL;
	*len = 0;
	if (!f)
		return cw_error_set(err, errno == ENOENT ? CW_ENOTFOUND : CW_EIO, field,
				    "cannot read %.300s: %s", path, strerror(errno));
	if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode) || (uint64_t)sb.st_size > FILE_MAX) {
		fclose(f);
		return cw_error_set(err, CW_EIO, field,
				    "%.300s is not a regular file of at most 1 GiB", path);
	}
	if (!(*data = malloc(sb.st_size ? (size_t)sb.st_size : 1))) {
		fclose(f);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	got = fread(*data, 1, (size_t)sb.st_size, f);
	if (got != (size_t)sb.st_size || ferror(f)) {
		fclose(f);
		free(*data);
		*data = NULL;
		return cw_error_set(err, CW_EIO, field, "cannot read %.300s", path);
	}
	fclose(f);
	*len = got;
	return 0;
}

/* The signed lines: the first, signer, signed and bytes. */
static void signed_head(char *out, size_t len, const char *signer, const char *signed_at,
			uint64_t bytes)
{
	snprintf(out, len, "%ssigner %s\nsigned %s\nbytes %" PRIu64 "\n", FIRST_LINE, signer,
		 signed_at, bytes);
}

int cw_file_sign(struct cw_store *st, const char *path, int64_t now_us, char **text,
		 struct cw_error *err)
{
	struct cw_identity_public pub;
	struct cw_signer *signer = NULL;
	struct cw_id database;
	uint8_t *data = NULL, sig[CW_IDENTITY_SIG_BYTES];
	char key[CW_IDENTITY_TEXT_MAX], fp[CW_FINGERPRINT_TEXT_MAX], when[CW_SIGNED_AT_MAX],
		head[512], b64[SIG_TEXT_MAX];
	time_t secs = (time_t)(now_us / 1000000);
	struct tm tm;
	size_t len, need;
	int rc;

	*text = NULL;
	if ((rc = cw_store_identity(st, &pub, err)) != 0)
		return rc;
	cw_store_database_id(st, &database);
	cw_identity_text_of_database(&pub, &database, key);
	cw_identity_fingerprint(&pub, fp);
	if (!gmtime_r(&secs, &tm) || !strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm))
		return cw_error_set(err, CW_EINVAL, "time", "the clock gives no date");
	if ((rc = read_whole(path, "output", &data, &len, err)) != 0)
		return rc;
	signed_head(head, sizeof head, key, when, (uint64_t)len);
	if ((rc = cw_signer_begin(st, &signer, err)) == 0) {
		cw_signer_update(signer, head, strlen(head));
		cw_signer_update(signer, data, len);
		rc = cw_signer_final(signer, sig, err);
	}
	cw_signer_free(signer);
	free(data);
	if (rc != 0)
		return rc;
	sodium_bin2base64(b64, sizeof b64, sig, sizeof sig,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	need = strlen(head) + strlen(fp) + strlen(b64) + 64;
	if (!(*text = malloc(need)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	snprintf(*text, need,
		 "%ssigner %s\nfingerprint %s\nsigned %s\nbytes %" PRIu64 "\nsignature %s\n",
		 FIRST_LINE, key, fp, when, (uint64_t)len, b64);
	return 0;
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

int cw_file_signature_check(const char *path, const char *text, struct cw_file_signature *out,
			    struct cw_error *err)
{
	char key[CW_IDENTITY_TEXT_MAX], fp[64], when[CW_SIGNED_AT_MAX], bytes[32],
		b64[SIG_TEXT_MAX], head[512], *endp;
	uint8_t *data = NULL, *msg, sig[CW_IDENTITY_SIG_BYTES];
	const char *p = text;
	size_t len, hlen, got;
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
	errno = 0;
	out->bytes = strtoull(bytes, &endp, 10);
	if (errno || *endp || bytes[0] < '0' || bytes[0] > '9')
		return cw_error_set(err, CW_EINVAL, "signature", "line 5 (bytes) is not a size");
	if (sodium_base642bin(sig, sizeof sig, b64, strlen(b64), NULL, &got, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    got != sizeof sig)
		return cw_error_set(err, CW_EINVAL, "signature",
				    "line 6 (signature) is not a signature");
	if ((rc = read_whole(path, "file", &data, &len, err)) != 0)
		return rc;
	if (len != out->bytes) {
		free(data);
		return cw_error_set(err, CW_EDAMAGED, "file",
				    "%.300s is not the file that was signed: it has %zu bytes, the "
				    "signed file %" PRIu64 " (changed, cut, or another file)",
				    path, len, out->bytes);
	}
	signed_head(head, sizeof head, key, when, out->bytes);
	hlen = strlen(head);
	if (!(msg = malloc(hlen + len + 1))) {
		free(data);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	memcpy(msg, head, hlen);
	memcpy(msg + hlen, data, len);
	free(data);
	rc = cw_identity_verify(&out->signer, msg, hlen + len, sig);
	free(msg);
	if (rc != 0)
		return cw_error_set(err, CW_EDAMAGED, "file",
				    "%.300s is not the file that was signed: changed since, or the "
				    "signature is another file's",
				    path);
	return 0;
}
