/* filter.c - fuzz target: the filter line (models/filter.h). A line that parses is described
 * (what the status bar shows, and what the terminal interface offers to edit again); that
 * description must parse to the same filter, and describe to the same text. Any line is also
 * folded for search (models/text.h): valid UTF-8 finds itself, text that is not finds nothing. */
#include "config.h"

#include "models/filter.h"
#include "models/text.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cw_filter f, g;
	struct cw_error err;
	char line[4096], again[4096], *text, *folded;
	uint32_t lo, hi;

	if (size > 1024)
		return 0;
	fuzz_locale();
	text = fuzz_string(data, size);
	folded = cw_text_fold(text);
	FUZZ_CHECK(folded != NULL, "folding '%s' ran out of memory", text);
	FUZZ_CHECK(cw_text_contains_folded(text, folded) == !strchr(folded, '\xFF'),
		   "'%s' folded to '%s' does not find itself as it should", text, folded);
	free(folded);
	cw_filter_init(&f);
	if (cw_filter_parse_line(text, &f, &err) != 0) {
		FUZZ_CHECK(err.code == CW_EINVAL, "code %d", err.code);
		free(text);
		return 0;
	}
	cw_filter_describe(&f, line, sizeof line);
	cw_filter_init(&g);
	FUZZ_CHECK(cw_filter_parse_line(line, &g, &err) == 0,
		   "'%s' is described as '%s', which is refused: %s: %s", text, line, err.field,
		   err.message);
	FUZZ_CHECK(cw_filter_equal(&f, &g), "'%s' is described as '%s', another filter", text,
		   line);
	cw_filter_describe(&g, again, sizeof again);
	FUZZ_CHECK(!strcmp(line, again), "'%s' is described as '%s', then as '%s'", text, line,
		   again);
	FUZZ_CHECK(cw_filter_is_empty(&f) == !line[0], "'%s': empty or not", text);
	cw_filter_date_keys(&f, &lo, &hi);
	free(text);
	return 0;
}
