/* signature.h - a file this database wrote (a report, an export), signed by its identity in a
 * file of its own beside it, so that a partner who receives both can check that the laptop
 * whose fingerprint they know wrote it and that nothing in it changed since: a report attacked
 * as fabricated can be shown to be what its authors wrote.
 *
 * What is signed is the bytes as they are written (cw_file_digest, fed by the writer), never
 * the file read back by its name: another process that swaps the file in between must not get
 * its content signed.
 *
 * The signature file is text, one field a line, in this order and nothing else:
 *   casewatch signature 1
 *   signer cwid2:...              the key and the database it says it speaks for
 *   fingerprint 1a2b 3c4d ...     the key's, for a person to compare by phone
 *   signed 2026-12-05T03:40:00Z   when, in UTC, as the signer's clock said
 *   bytes 12345                   the size of the file signed, in canonical decimal
 *   signature BASE64              Ed25519 (URL-safe base64, no padding) over the statement:
 *                                 the first line, the signer, signed and bytes lines, each
 *                                 with its newline, then "blake2b-512 " and the file's
 *                                 BLAKE2b-512 in lower-case hex and a newline
 * The fingerprint line is what the signer line gives, checked, not signed. Checking needs no
 * database and no key: only the two files. It proves who holds the signing key (the laptop's
 * database, sealed under its passphrase), not who was at the keyboard, and not which database
 * or time the signer claims: only a fingerprint compared out of band says whose key it is.
 *
 * Contract: functions return 0 or a negative CW_E* code with err filled. May use: models/,
 * store/identity.h. */
#ifndef CW_STORE_SIGNATURE_H
#define CW_STORE_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "models/record.h"
#include "store/identity.h"
#include "store/store.h"

#define CW_SIGNATURE_SUFFIX ".sig"
#define CW_SIGNED_AT_MAX    32 /* "2026-12-05T03:40:00Z" and NUL, with room */

/* The bytes of a file as they are written: a running BLAKE2b-512 and a count. */
struct cw_file_digest {
	uint8_t state[512] __attribute__((aligned(64))); /* crypto_generichash_state */
	uint64_t bytes;
};
void cw_file_digest_init(struct cw_file_digest *d);
void cw_file_digest_update(struct cw_file_digest *d, const void *data, size_t len);

/* Signs the file whose bytes went through `d` (and nothing else may go through it after), at
 * now_us (microseconds since the epoch, cw_now_us), with this database's identity; *text (the
 * caller frees it) is the signature file's content. CW_EKEY when the secret key cannot be
 * read. */
int cw_file_sign(struct cw_store *st, struct cw_file_digest *d, int64_t now_us, char **text,
		 struct cw_error *err);

struct cw_file_signature {
	struct cw_identity_public signer;
	struct cw_id database; /* what the signer line says; zero when it says none */
	char fingerprint[CW_FINGERPRINT_TEXT_MAX];
	char signed_at[CW_SIGNED_AT_MAX];
	uint64_t bytes;
};

/* Checks that `text` (a signature file's content) signs the file at `path` as it is now, and
 * fills *out with the key that signed it and what it says. CW_EINVAL (field "signature", the
 * line named) for a signature file that is not one; CW_EDAMAGED (field "file") when the file
 * is not what was signed: changed since, cut, or another file; CW_ENOTFOUND when the file is
 * not there, or is not a regular file that can be read (a folder, a pipe, a device); CW_EIO
 * when reading it fails midway. */
int cw_file_signature_check(const char *path, const char *text, struct cw_file_signature *out,
			    struct cw_error *err);

/* Opens a file to read without blocking on a pipe or a device, and refuses anything but a
 * regular file (CW_ENOTFOUND, naming `field`); *fd is the open descriptor. */
int cw_file_open_regular(const char *path, const char *field, int *fd, struct cw_error *err);

#endif
