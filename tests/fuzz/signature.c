/* signature.c - fuzz target: a signed file's signature (store/signature.c,
 * cw_file_signature_check), as a partner checks what they received.
 *
 * A fixed file is signed once by the sender's identity at a fixed time, and that signature
 * must check. Then the input is tried both ways: as the signature file of the fixed file, and
 * as the file the fixed signature is checked against. Either is refused (a signature file that
 * is not one, or a file that is not the one signed) or it checks; and what checks says what was
 * signed: the sender, that time, that size, and, for the second way, exactly those bytes. The
 * corpus holds the valid signature and a few broken ones. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "models/clock.h"
#include "store/signature.h"
#include "tests/fuzz/fuzz_store.h"

static const char content[] = "casewatch fuzz: the file that was signed\n";
#define SIGNED_US INT64_C(1715310000000000) /* 2024-05-10T03:00:00Z */

static char file_path[600], input_path[600], *valid;
static struct cw_identity_public sender;

static void init(void)
{
	struct cw_store *st;
	struct cw_file_signature sig;
	struct cw_file_digest d;
	struct cw_error err;

	fuzz_locale();
	fuzz_path(file_path, sizeof file_path, "signed");
	fuzz_path(input_path, sizeof input_path, "input");
	fuzz_write_file(file_path, content, strlen(content));
	st = fuzz_store_create(FUZZ_SENDER);
	fuzz_public(FUZZ_SENDER, &sender);
	cw_file_digest_init(&d);
	cw_file_digest_update(&d, content, strlen(content));
	FUZZ_CHECK(cw_file_sign(st, &d, SIGNED_US, &valid, &err) == 0, "sign: %s", err.message);
	cw_store_close(st);
	FUZZ_CHECK(cw_file_signature_check(file_path, valid, &sig, &err) == 0,
		   "the valid signature does not check: %s", err.message);
}

/* What a signature that checks must say. */
static void says_what_was_signed(const struct cw_file_signature *sig)
{
	FUZZ_CHECK(cw_identity_equal(&sig->signer, &sender), "checked, by another key");
	FUZZ_CHECK(!strcmp(sig->signed_at, "2024-05-10T03:00:00Z"), "checked, signed at %s",
		   sig->signed_at);
	FUZZ_CHECK(sig->bytes == strlen(content), "checked, %llu bytes",
		   (unsigned long long)sig->bytes);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cw_file_signature sig;
	struct cw_error err;
	char *text;
	int rc;

	if (!valid)
		init();
	if (size > 8192)
		return 0;
	/* The input as the signature file (NUL-terminated, as check-signature reads it). */
	if ((text = fuzz_string(data, size))) {
		rc = cw_file_signature_check(file_path, text, &sig, &err);
		fuzz_say("as the signature", rc, err.field, err.message);
		FUZZ_CHECK(rc == 0 || rc == CW_EINVAL || rc == CW_EDAMAGED, "code %d", rc);
		if (rc == 0)
			says_what_was_signed(&sig);
		free(text);
	}
	/* The input as the file the valid signature is checked against. */
	fuzz_write_file(input_path, data, size);
	rc = cw_file_signature_check(input_path, valid, &sig, &err);
	FUZZ_CHECK(rc == 0 || rc == CW_EDAMAGED, "as the file: code %d", rc);
	FUZZ_CHECK(rc != 0 || (size == strlen(content) && !memcmp(data, content, size)),
		   "another file checks against the signature");
	return 0;
}
