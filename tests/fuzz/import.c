/* import.c - fuzz target: `casewatch import` (seed/import.h). The input is a JSON Lines file,
 * imported into a plain store made once per process. An import is one write: when it fails,
 * the database must not have changed at all; when it wrote something, the store is made
 * afresh, so that every input meets the same empty database and a crash replays. */
#include "config.h"

#include "seed/import.h"
#include "tests/fuzz/fuzz_store.h"

static struct cw_store *st;

static void close_store(void)
{
	cw_store_close(st);
	st = NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[600];
	struct cw_import_stats stats;
	struct cw_error err;
	uint64_t before;
	int rc;

	if (size > 65536)
		return 0;
	if (!st) {
		fuzz_locale();
		fuzz_path(path, sizeof path, "input.jsonl");
		st = fuzz_store_create(FUZZ_RECEIVER);
		atexit(close_store);
	}
	fuzz_write_file(path, data, size);
	before = cw_store_generation(st);
	rc = cw_import_jsonl(st, path, &stats, &err);
	fuzz_say("import", rc, err.field, err.message);
	if (rc != 0) {
		FUZZ_CHECK(err.code == rc && err.message[0], "code %d without a message", rc);
		FUZZ_CHECK(rc == CW_EINVAL || rc == CW_EREFUSED || rc == CW_ENOTFOUND ||
				   rc == CW_EAMBIGUOUS,
			   "import failed with code %d: %s: %s", rc, err.field, err.message);
		FUZZ_CHECK(cw_store_generation(st) == before,
			   "a refused import changed the database (%s: %s)", err.field,
			   err.message);
		return 0;
	}
	FUZZ_CHECK(stats.changed <= stats.records, "%zu changed of %zu", stats.changed,
		   stats.records);
	if (cw_store_generation(st) != before) {
		cw_store_close(st);
		st = fuzz_store_create(FUZZ_RECEIVER);
	}
	return 0;
}
