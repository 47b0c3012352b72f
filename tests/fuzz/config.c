/* config.c - fuzz target: the config file (app/settings.h). The input is the file; both
 * settings are read from it, and the idle time checked: a value is read or refused in one line,
 * never silently turned into "never lock". The whole file is checked too: what the check
 * passes, every setting reads. */
#include "config.h"

#include "app/settings.h"
#include "app/unlock.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[600];
	char value[128];
	unsigned line, seconds, again;
	struct cw_error err;

	if (size > 8192)
		return 0;
	if (!path[0]) {
		fuzz_path(path, sizeof path, "config");
		unsetenv("CASEWATCH_LOCK_AFTER");
	}
	fuzz_write_file(path, data, size);
	if (cw_config_get(path, "author", value, sizeof value, &line) == 0)
		FUZZ_CHECK(strlen(value) < sizeof value && line >= 1, "author on line %u", line);
	if (cw_config_get(path, "lock_after", value, sizeof value, &line) == 0) {
		int rc = cw_lock_after_parse(value, &seconds, &err);

		FUZZ_CHECK(rc == 0 || rc == CW_EINVAL, "code %d", rc);
		FUZZ_CHECK(rc != 0 || seconds <= 7u * 24 * 3600, "'%s' is %u seconds", value,
			   seconds);
		FUZZ_CHECK(rc != 0 || seconds != 0 || !strcmp(value, "0") ||
				   !strcmp(value, "never"),
			   "'%s' turns locking off", value);
		rc = cw_lock_after_setting(path, &again, &err);
		FUZZ_CHECK(rc == 0 || rc == CW_EINVAL, "code %d", rc);
		FUZZ_CHECK(rc != 0 ? again == CW_LOCK_AFTER_DEFAULT : again == seconds,
			   "the setting says %u seconds, the value %u", again, seconds);
	} else {
		FUZZ_CHECK(cw_lock_after_setting(path, &again, &err) == 0 &&
				   again == CW_LOCK_AFTER_DEFAULT,
			   "no lock_after, yet %u seconds", again);
	}
	/* The whole file: a file the check passes is one every setting reads from. */
	{
		int rc = cw_config_check(path, &err);

		FUZZ_CHECK(rc == 0 || rc == CW_ECONFIG, "check: code %d", rc);
		FUZZ_CHECK(rc == 0 || strstr(err.message, path) == err.message,
			   "the refusal does not start with the file: %s", err.message);
		if (rc == 0 && cw_config_get(path, "lock_after", value, sizeof value, &line) == 0)
			FUZZ_CHECK(cw_lock_after_parse(value, &seconds, &err) == 0,
				   "checked, yet lock_after '%s' is refused", value);
		if (rc == 0 &&
		    cw_config_get(path, "backup_warn_after", value, sizeof value, &line) == 0)
			FUZZ_CHECK(cw_age_parse(value, &seconds, &err) == 0,
				   "checked, yet backup_warn_after '%s' is refused", value);
	}
	/* The value on its own, as the variable CASEWATCH_LOCK_AFTER gives it. */
	if (size < 64) {
		char *text = fuzz_string(data, size);
		int rc = cw_lock_after_parse(text, &seconds, &err);

		FUZZ_CHECK(rc == 0 || rc == CW_EINVAL, "code %d", rc);
		FUZZ_CHECK(rc != 0 || seconds != 0 || !strcmp(text, "0") || !strcmp(text, "never"),
			   "'%s' turns locking off", text);
		free(text);
	}
	return 0;
}
