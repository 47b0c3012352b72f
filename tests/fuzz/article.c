/* article.c - fuzz target: charges by article (models/article.h). Every article of a list
 * that parses formats to its canonical text, which parses back to the same article (same law,
 * number, suffix and paragraph); its index key gives the same charge back. */
#include "config.h"

#include "models/article.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cw_article list[CW_ARTICLE_LIST_MAX], one, back;
	uint8_t key[CW_ARTICLE_KEY_LEN];
	char buf[CW_ARTICLE_TEXT_MAX];
	struct cw_error err;
	size_t n = 0;
	char *text;

	if (size > 512)
		return 0;
	text = fuzz_string(data, size);
	if (cw_article_parse_list(text, list, CW_ARTICLE_LIST_MAX, &n, "article", &err) != 0)
		FUZZ_CHECK(err.code == CW_EINVAL, "code %d", err.code);
	else
		FUZZ_CHECK(n >= 1 && n <= CW_ARTICLE_LIST_MAX, "%zu articles", n);
	for (size_t i = 0; i < n; i++) {
		cw_article_format(&list[i], buf);
		FUZZ_CHECK(cw_article_parse(buf, &one, "article", &err) == 0,
			   "'%s' (from '%s') does not parse: %s", buf, text, err.message);
		FUZZ_CHECK(cw_article_same(&one, &list[i]) && one.paragraph == list[i].paragraph,
			   "'%s' came back as another article", buf);
		cw_article_key(&list[i], key);
		cw_article_from_key(key, &back);
		FUZZ_CHECK(cw_article_same(&back, &list[i]), "the key of '%s'", buf);
		(void)cw_article_offence(&list[i]);
	}
	if (cw_article_parse(text, &one, "article", &err) == 0) {
		cw_article_format(&one, buf);
		FUZZ_CHECK(cw_article_parse(buf, &back, "article", &err) == 0 &&
				   cw_article_same(&one, &back) && one.paragraph == back.paragraph,
			   "'%s' from '%s'", buf, text);
	}
	free(text);
	return 0;
}
