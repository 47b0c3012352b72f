/* bundle.c - fuzz target: a bundle's payload (store/bundle.c), below the signature check, and
 * the whole import path with it.
 *
 * The input is a payload (JSON Lines, sync.h). The fixed "sender" seals it in a valid plain
 * bundle, signed; the "receiver", which has enrolled the sender, reads it as `bundle inspect`
 * does and imports it as `bundle import` does. An import is one write: refused, it leaves the
 * database unchanged; accepted, the database passes `verify`, and is then made afresh so that
 * every input meets the same database. A payload the reader refuses, import refuses too. The
 * payload sealed encrypted for the receiver opens to the same bytes.
 *
 * With CW_FUZZ_MAKE_SEEDS=DIR and CW_FUZZ_SEED_JSONL=FILE, the first input instead imports
 * FILE into the sender and writes the seeds of this target and of the envelope target from a
 * real export of it: DIR/bundle-payload, DIR/envelope-plain, DIR/envelope-encrypted and
 * DIR/envelope-stored (plain, the payload not compressed). */
#include "config.h"

#include "seed/import.h"
#include "store/sync_internal.h"
#include "tests/fuzz/fuzz_store.h"
#include "tests/fuzz/fuzz_verify.h"

static struct cw_store *sender, *receiver;
static struct cw_identity_public receiver_pub;

static void close_stores(void)
{
	cw_store_close(sender);
	cw_store_close(receiver);
}

/* Writes a seed file DIR/name of len bytes. */
static void seed_file(const char *dir, const char *name, const void *data, size_t len)
{
	char path[4200];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fuzz_write_file(path, data, len);
	fprintf(stderr, "fuzz: wrote %s (%zu bytes)\n", path, len);
}

static void make_seeds(const char *dir, const char *jsonl)
{
	struct cw_bundle_options opt = {CW_BUNDLE_ALL, NULL, {0, 0, 0}, 1, 0, 0, 0, 0};
	struct cw_bundle_stats stats;
	struct cw_import_stats istats;
	struct cw_bundle_envelope env;
	struct cw_buf file = {0}, payload = {0}, enc = {0};
	struct cw_error err;
	char path[600];
	uint8_t chunk[4096];
	FILE *f;
	size_t n;

	fuzz_path(path, sizeof path, "export.cwb");
	FUZZ_CHECK(jsonl && cw_import_jsonl(sender, jsonl, &istats, &err) == 0, "%s",
		   jsonl ? err.message : "CW_FUZZ_SEED_JSONL is not set");
	FUZZ_CHECK(cw_bundle_export(sender, &opt, path, &stats, &err) == 0, "%s", err.message);
	FUZZ_CHECK((f = fopen(path, "rb")) != NULL, "%s", path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		FUZZ_CHECK(cw_buf_append(&file, chunk, n) == 0, "out of memory");
	fclose(f);
	FUZZ_CHECK(cw_envelope_open(sender, file.data, file.len, 0, &env, &payload, &err) == 0,
		   "%s", err.message);
	free(env.recipients);
	seed_file(dir, "bundle-payload", payload.data, payload.len);
	seed_file(dir, "envelope-plain", file.data, file.len - CW_IDENTITY_SIG_BYTES);
	FUZZ_CHECK(cw_envelope_seal(sender, &receiver_pub, 1, 0, payload.data, payload.len, &enc,
				    &err) == 0,
		   "%s", err.message);
	seed_file(dir, "envelope-encrypted", enc.data, enc.len - CW_IDENTITY_SIG_BYTES);
	enc.len = 0;
	FUZZ_CHECK(cw_envelope_seal(sender, NULL, 0, CW_ENVELOPE_STORED, payload.data, payload.len,
				    &enc, &err) == 0,
		   "%s", err.message);
	seed_file(dir, "envelope-stored", enc.data, enc.len - CW_IDENTITY_SIG_BYTES);
	cw_buf_free(&file);
	cw_buf_free(&payload);
	cw_buf_free(&enc);
}

static void check_encrypted(const uint8_t *data, size_t size)
{
	struct cw_bundle_envelope env;
	struct cw_buf sealed = {0}, payload = {0};
	struct cw_error err;

	FUZZ_CHECK(cw_envelope_seal(sender, &receiver_pub, 1, 0, data, size, &sealed, &err) == 0,
		   "%s", err.message);
	FUZZ_CHECK(cw_envelope_open(receiver, sealed.data, sealed.len, 1, &env, &payload, &err) ==
			   0,
		   "an encrypted bundle does not open: %s", err.message);
	FUZZ_CHECK(env.opened && env.encrypted && payload.len == size &&
			   (!size || !memcmp(payload.data, data, size)),
		   "an encrypted bundle opens to other bytes");
	free(env.recipients);
	cw_buf_free(&sealed);
	cw_buf_free(&payload);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[600];
	struct cw_bundle_stats stats;
	struct cw_bundle b;
	struct cw_buf file = {0};
	struct cw_error err;
	uint64_t before;
	int read_rc, rc;

	if (size > 1 << 20)
		return 0;
	if (!receiver) {
		fuzz_locale();
		fuzz_path(path, sizeof path, "input.cwb");
		sender = fuzz_store_create(FUZZ_SENDER);
		receiver = fuzz_store_create(FUZZ_RECEIVER);
		fuzz_public(FUZZ_RECEIVER, &receiver_pub);
		atexit(close_stores);
		if (getenv("CW_FUZZ_MAKE_SEEDS")) {
			make_seeds(getenv("CW_FUZZ_MAKE_SEEDS"), getenv("CW_FUZZ_SEED_JSONL"));
			exit(0);
		}
	}
	FUZZ_CHECK(cw_envelope_seal(sender, NULL, 0, 0, data, size, &file, &err) == 0, "%s",
		   err.message);
	fuzz_write_file(path, file.data, file.len);
	cw_buf_free(&file);

	read_rc = cw_bundle_read(receiver, path, &b, &err);
	fuzz_say("read", read_rc, err.field, err.message);
	if (read_rc == 0) {
		FUZZ_CHECK(b.env.opened && !b.env.encrypted && !strcmp(b.stats.signer, "sender"),
			   "read as another bundle");
		FUZZ_CHECK(b.stats.versions == b.n && b.stats.audit == b.naudit &&
				   b.stats.deleted <= b.n,
			   "counts");
		cw_bundle_free(&b);
	} else {
		FUZZ_CHECK(read_rc == err.code && err.message[0], "code %d without a message",
			   read_rc);
		FUZZ_CHECK(read_rc == CW_EINVAL || read_rc == CW_EVERSION,
			   "a payload refused with code %d: %s", read_rc, err.message);
	}

	before = cw_store_generation(receiver);
	rc = cw_bundle_import(receiver, path, &stats, &err);
	fuzz_say("import", rc, err.field, err.message);
	if (rc != 0) {
		FUZZ_CHECK(rc == err.code && err.message[0], "code %d without a message", rc);
		FUZZ_CHECK(rc != CW_EDB && rc != CW_ENOMEM && rc != CW_EIO && rc != CW_EKEY,
			   "import failed with code %d: %s: %s", rc, err.field, err.message);
		FUZZ_CHECK(cw_store_generation(receiver) == before,
			   "a refused bundle changed the database (%s: %s)", err.field,
			   err.message);
	} else {
		FUZZ_CHECK(read_rc == 0, "a payload `bundle inspect` refuses was imported");
		if (cw_store_generation(receiver) != before) {
			fuzz_verify(receiver, "a bundle import");
			cw_store_close(receiver);
			receiver = fuzz_store_create(FUZZ_RECEIVER);
		}
	}
	check_encrypted(data, size);
	return 0;
}
