/* signature.h - a file this database wrote (a report, an export), signed by its identity in a
 * file of its own beside it, so that a partner who receives both can check that the laptop
 * whose fingerprint they know wrote it and that nothing in it changed since: a report attacked
 * as fabricated can be shown to be what its authors wrote.
 *
 * The signature file is text, one field a line, in this order and nothing else:
 *   casewatch signature 1
 *   signer cwid2:...              the key and the database it speaks for (store/identity.h)
 *   fingerprint 1a2b 3c4d ...     the key's, for a person to compare by phone
 *   signed 2026-12-05T03:40:00Z   when, in UTC
 *   bytes 12345                   the size of the file signed
 *   signature BASE64              Ed25519ph (URL-safe base64, no padding) over the first line,
 *                                 the signer, signed and bytes lines, each with its newline,
 *                                 then every byte of the file
 * The fingerprint line is what the signer line gives, checked, not signed. Checking needs no
 * database and no key: only the two files. What it proves is who holds the signing key (the
 * laptop's database, sealed under its passphrase), not who was at the keyboard.
 *
 * Contract: functions return 0 or a negative CW_E* code with err filled. May use: models/,
 * store/identity.h. */
#ifndef CW_STORE_SIGNATURE_H
#define CW_STORE_SIGNATURE_H

#include <stdint.h>

#include "models/error.h"
#include "models/record.h"
#include "store/identity.h"
#include "store/store.h"

#define CW_SIGNATURE_SUFFIX ".sig"
#define CW_SIGNED_AT_MAX    32 /* "2026-12-05T03:40:00Z" and NUL, with room */

/* Signs the file at `path` as it is on the disk now, at now_us (microseconds since the epoch,
 * cw_now_us), with this database's identity; *text (the caller frees it) is the signature
 * file's content. CW_ENOTFOUND/CW_EIO for the file (field "output"), CW_EKEY when the secret
 * key cannot be read. */
int cw_file_sign(struct cw_store *st, const char *path, int64_t now_us, char **text,
		 struct cw_error *err);

struct cw_file_signature {
	struct cw_identity_public signer;
	struct cw_id database; /* zero when the signer line gives none */
	char fingerprint[CW_FINGERPRINT_TEXT_MAX];
	char signed_at[CW_SIGNED_AT_MAX];
	uint64_t bytes;
};

/* Checks that `text` (a signature file's content) signs the file at `path` as it is now, and
 * fills *out with who signed it and when. CW_EINVAL (field "signature", the line named) for a
 * signature file that is not one; CW_EDAMAGED (field "file") when the file is not what was
 * signed: changed since, cut, or another file; CW_ENOTFOUND/CW_EIO for the file itself. */
int cw_file_signature_check(const char *path, const char *text, struct cw_file_signature *out,
			    struct cw_error *err);

#endif
