/* envelope.c - fuzz target: the bundle file's envelope (store/envelope.c, cw_envelope_open),
 * before and after its signature is checked.
 *
 * The input is a bundle file without its last 64 bytes. It is opened as it is, for inspection
 * and for import (a file anyone could make: refused at the signature). Then its signer field is
 * set to one of three fixed identities (the sender, enrolled at the receiver; the receiver
 * itself; a stranger): the one it names already, else the one its byte 10 picks; a valid
 * signature by that identity is appended and the file opened again, so that what follows the
 * signature check (the header, the signer and recipients, the decryption of an encrypted
 * payload in parts, the plain payload's length) meets bytes it has not seen. The corpus holds
 * real bundles sealed by the sender, plain and encrypted for the receiver. */
#include "config.h"

#include "store/sync_internal.h"
#include "tests/fuzz/fuzz_store.h"

#define OFF_SIGNER 10

static struct cw_store *receiver, *signers[3];
static const enum fuzz_party parties[3] = {FUZZ_SENDER, FUZZ_RECEIVER, FUZZ_STRANGER};

static void close_stores(void)
{
	for (int i = 0; i < 3; i++)
		if (signers[i] != receiver)
			cw_store_close(signers[i]);
	cw_store_close(receiver);
}

static void open_file(const uint8_t *data, size_t len, int signed_by)
{
	for (int for_import = 0; for_import < 2; for_import++) {
		struct cw_bundle_envelope env;
		struct cw_buf payload = {0};
		struct cw_error err;
		const char *what = signed_by < 0 ? "as it is" : for_import ? "import" : "inspect";
		int rc = cw_envelope_open(receiver, data, len, for_import, &env, &payload, &err);

		fuzz_say(what, rc, err.field, err.message);
		if (rc != 0) {
			FUZZ_CHECK(rc == err.code && err.message[0], "code %d without a message",
				   rc);
			FUZZ_CHECK(rc == CW_EINVAL || rc == CW_EVERSION || rc == CW_EREFUSED ||
					   rc == CW_EDAMAGED,
				   "code %d: %s", rc, err.message);
			FUZZ_CHECK(signed_by >= 0 || rc != CW_EREFUSED || len < 8 || data[0] == '{',
				   "an unsigned file refused as if signed: %s", err.message);
		} else {
			FUZZ_CHECK(signed_by >= 0, "a file nobody signed was accepted");
			FUZZ_CHECK(env.opened || !for_import, "imported without being opened");
			FUZZ_CHECK(!env.opened || payload.data[payload.len] == '\0',
				   "the payload is not NUL-terminated");
			FUZZ_CHECK(!for_import || parties[signed_by] != FUZZ_STRANGER,
				   "a stranger's bundle was accepted for import");
			FUZZ_CHECK(env.signer_here ==
					   (signed_by >= 0 && parties[signed_by] == FUZZ_RECEIVER),
				   "signed here or not");
		}
		free(env.recipients);
		cw_buf_free(&payload);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cw_signer *s;
	struct cw_error err;
	uint8_t *file;
	int who;

	if (size > 1 << 20)
		return 0;
	if (!receiver) {
		receiver = fuzz_store_create(FUZZ_RECEIVER);
		signers[0] = fuzz_store_create(FUZZ_SENDER);
		signers[1] = receiver;
		signers[2] = fuzz_store_create(FUZZ_STRANGER);
		atexit(close_stores);
	}
	open_file(data, size, -1);
	if (size < OFF_SIGNER + CW_IDENTITY_BYTES)
		return 0;
	/* A file that names one of the three keeps it; any other gets one its byte 10 picks. */
	who = data[OFF_SIGNER] % 3;
	for (int i = 0; i < 3; i++) {
		struct cw_identity_public pub;
		uint8_t raw[CW_IDENTITY_BYTES];

		fuzz_public(parties[i], &pub);
		cw_identity_bytes(&pub, raw);
		if (!memcmp(raw, data + OFF_SIGNER, sizeof raw))
			who = i;
	}
	if (!(file = malloc(size + CW_IDENTITY_SIG_BYTES)))
		abort();
	memcpy(file, data, size);
	{
		struct cw_identity_public pub;

		fuzz_public(parties[who], &pub);
		cw_identity_bytes(&pub, file + OFF_SIGNER);
	}
	FUZZ_CHECK(cw_signer_begin(signers[who], &s, &err) == 0, "%s", err.message);
	cw_signer_update(s, file, size);
	FUZZ_CHECK(cw_signer_final(s, file + size, &err) == 0, "%s", err.message);
	cw_signer_free(s);
	open_file(file, size + CW_IDENTITY_SIG_BYTES, who);
	free(file);
	return 0;
}
