/* date.c - fuzz target: partial dates and dates typed in words (models/date.h) and the UTC times of
 * record headers (models/json.h). A date that parses formats back to text that parses to the same
 * date, its sort key gives it back, and its first and last days bound it; a time that parses
 * formats back to a time that parses to the same instant. */
#include "config.h"

#include "models/date.h"
#include "models/json.h"
#include "models/text.h"
#include "tests/fuzz/fuzz.h"

static void check_date(const char *text)
{
	struct cw_date d, again, first, last;
	char buf[CW_DATE_TEXT_MAX];
	struct cw_error err;

	if (cw_date_parse(text, &d, "date", &err) != 0) {
		FUZZ_CHECK(err.code == CW_EINVAL, "code %d", err.code);
		return;
	}
	cw_date_format(d, buf);
	FUZZ_CHECK(cw_date_parse(buf, &again, "date", &err) == 0, "'%s' from '%s': %s", buf, text,
		   err.message);
	FUZZ_CHECK(again.year == d.year && again.month == d.month && again.day == d.day,
		   "'%s' came back as '%s'", text, buf);
	again = cw_date_from_key(cw_date_key(d));
	FUZZ_CHECK(cw_date_compare(again, d) == 0 && again.day == d.day, "key of '%s'", text);
	if (!cw_date_is_known(d))
		return;
	first = cw_date_first_day(d);
	last = cw_date_last_day(d);
	FUZZ_CHECK(cw_date_precision(first) == CW_DATE_DAY &&
			   cw_date_precision(last) == CW_DATE_DAY,
		   "days of '%s'", text);
	FUZZ_CHECK(cw_date_compare(first, last) <= 0, "'%s' ends before it starts", text);
	FUZZ_CHECK(cw_date_compare(cw_date_from_days(cw_date_to_days(last)), last) == 0,
		   "days since 1970 of '%s'", text);
	FUZZ_CHECK(cw_date_to_days(last) - cw_date_to_days(first) < 366, "'%s' is over a year",
		   text);
}

/* A date typed in words, counted from a fixed day: a day-precision date in range, or
 * unknown for "", or refused in one line; what is not in words reads as cw_date_parse reads
 * it, once Khmer digits are read as 0-9 (as cw_date_parse_relative does, with a buffer of the
 * same size). */
static void check_relative(const char *text)
{
	static const struct cw_date today = {2024, 2, 7};
	struct cw_date d, plain;
	struct cw_error err;
	char digits[64];
	int rc = cw_date_parse_relative(text, today, &d, "date", &err);
	const char *latin = cw_text_latin_digits(text, digits, sizeof digits);

	if (rc != 0) {
		FUZZ_CHECK(rc == CW_EINVAL && err.code == CW_EINVAL, "code %d", rc);
		return;
	}
	if (!cw_date_is_relative(latin)) {
		FUZZ_CHECK(cw_date_parse(latin, &plain, "date", &err) == 0 &&
				   cw_date_compare(plain, d) == 0 && plain.day == d.day,
			   "'%s' reads otherwise in words", text);
		return;
	}
	/* A month in words or without its zero ("feb 2024", "2024-2") is a month, as 2024-02 is. */
	FUZZ_CHECK((cw_date_precision(d) == CW_DATE_DAY || cw_date_precision(d) == CW_DATE_MONTH) &&
			   d.year >= 1900 && d.year <= 2199,
		   "'%s' gave no day or month in range", text);
	if (cw_date_precision(d) == CW_DATE_MONTH) {
		char buf[CW_DATE_TEXT_MAX];

		cw_date_format(d, buf);
		FUZZ_CHECK(cw_date_parse(buf, &plain, "date", &err) == 0 &&
				   cw_date_compare(plain, d) == 0,
			   "'%s' gave a month that does not read back", text);
		return;
	}
	FUZZ_CHECK(cw_date_compare(cw_date_from_days(cw_date_to_days(d)), d) == 0,
		   "'%s' gave no calendar day", text);
}

static void check_time(const char *text)
{
	int64_t us, again;
	char buf[32];

	if (cw_time_parse(text, &us) != 0)
		return;
	cw_time_format(us, buf);
	FUZZ_CHECK(cw_time_parse(buf, &again) == 0, "'%s' from '%s' does not parse", buf, text);
	FUZZ_CHECK(again == us, "'%s' came back as '%s'", text, buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (size > 64)
		return 0;
	text = fuzz_string(data, size);
	check_date(text);
	check_relative(text);
	check_time(text);
	free(text);
	return 0;
}
