/* article.c - article parsing, canonical form and the offence table; see article.h. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "models/article.h"
#include "models/i18n.h"
#include "models/text.h"

struct offence_entry {
	uint8_t law;
	uint16_t number;
	uint8_t suffix;
	const char *offence;
};

/* Offence names as the UN reports and the Criminal Code's English translation give them. */
static const struct offence_entry offences[] = {
	{CW_LAW_CC, 27, 0, N_("attempt to commit a felony")},
	{CW_LAW_CC, 88, 0, N_("repeat offence (recidivism)")},
	{CW_LAW_CC, 302, 0, N_("defamation")},
	{CW_LAW_CC, 305, 0, N_("public defamation")},
	{CW_LAW_CC, 307, 0, N_("public insult")},
	{CW_LAW_CC, 309, 0, N_("defamation or insult through the media")},
	{CW_LAW_CC, 425, 0, N_("falsification of information")},
	{CW_LAW_CC, 437, CW_SUFFIX_BIS, N_("insulting the King (lese-majeste)")},
	{CW_LAW_CC, 439, 0, N_("treason")},
	{CW_LAW_CC, 443, 0, N_("conspiracy with a foreign power")},
	{CW_LAW_CC, 451, 0, N_("attack (endangering the institutions)")},
	{CW_LAW_CC, 453, 0, N_("plot against the Government")},
	{CW_LAW_CC, 494, 0, N_("incitement to commit a felony")},
	{CW_LAW_CC, 495, 0, N_("incitement to disturb social security")},
	{CW_LAW_CC, 496, 0, N_("incitement to discriminate")},
	{CW_LAW_CC, 502, 0, N_("insulting a public official")},
	{CW_LAW_CC, 522, 0, N_("pressuring the judiciary")},
	{CW_LAW_LNIPT, 231, 0, N_("issuing a cheque without sufficient funds")},
	{CW_LAW_LPD, 5, 0, N_("demonstration without notification")},
};

static const char *const law_codes[CW_LAW_COUNT] = {"", "CC", "LNIPT", "LPD"};
static const char *const law_names[CW_LAW_COUNT] = {
	"", N_("Criminal Code"), N_("Law on Negotiable Instruments and Payment Transactions"),
	N_("Law on Peaceful Demonstrations")};
static const char *const suffixes[] = {"", "bis", "ter", "quater"};

const char *cw_law_code(enum cw_law law)
{
	return (unsigned)law < CW_LAW_COUNT ? law_codes[law] : "?";
}

const char *cw_law_name(enum cw_law law)
{
	return (unsigned)law < CW_LAW_COUNT ? law_names[law] : "unknown law";
}

enum cw_article_suffix cw_article_suffix_word(const char *w, size_t len)
{
	for (size_t i = 1; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (len == strlen(suffixes[i]) && !strncasecmp(w, suffixes[i], len))
			return (enum cw_article_suffix)i;
	return CW_SUFFIX_NONE;
}

/* A cursor over the lower-cased input. */
struct scan {
	const char *s;
	const char *field;
	struct cw_error *err;
};

static void skip_space(struct scan *sc)
{
	while (*sc->s && isspace((unsigned char)*sc->s))
		sc->s++;
}

/* Consumes `word` (case-insensitive) when it stands at the cursor followed by a non-letter. */
static int take_word(struct scan *sc, const char *word)
{
	size_t n = strlen(word);

	if (strncasecmp(sc->s, word, n) != 0 || isalpha((unsigned char)sc->s[n]))
		return 0;
	sc->s += n;
	return 1;
}

static int take_law(struct scan *sc, uint8_t *law)
{
	static const struct {
		const char *text;
		uint8_t law;
	} names[] = {
		{"law on negotiable instruments and payment transactions", CW_LAW_LNIPT},
		{"law on negotiable instruments", CW_LAW_LNIPT},
		{"lnipt", CW_LAW_LNIPT},
		{"law on peaceful demonstrations", CW_LAW_LPD},
		{"lpd", CW_LAW_LPD},
		{"criminal code", CW_LAW_CC},
		{"cc", CW_LAW_CC},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (take_word(sc, names[i].text)) {
			*law = names[i].law;
			sc->s += sc->s[0] == ':'; /* "CC:437bis", the key form */
			return 1;
		}
	}
	return 0;
}

/* Skips "art", "art.", "arts.", "article(s)", "of the", "of". */
static void skip_article_words(struct scan *sc)
{
	for (;;) {
		skip_space(sc);
		if (take_word(sc, "articles") || take_word(sc, "article") ||
		    take_word(sc, "arts") || take_word(sc, "art") || take_word(sc, "of") ||
		    take_word(sc, "the")) {
			if (*sc->s == '.')
				sc->s++;
			continue;
		}
		return;
	}
}

static int take_suffix(struct scan *sc, uint8_t *suffix)
{
	const char *save = sc->s;
	int paren;

	skip_space(sc);
	if (*sc->s == '-')
		sc->s++;
	skip_space(sc);
	paren = *sc->s == '(';
	sc->s += paren;
	for (uint8_t i = 1; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		if (take_word(sc, suffixes[i])) {
			if (paren) {
				if (*sc->s != ')')
					break;
				sc->s++;
			}
			*suffix = i;
			return 1;
		}
	}
	sc->s = save;
	return 0;
}

static int take_number(struct scan *sc, unsigned max, unsigned *value)
{
	unsigned v = 0;
	const char *p = sc->s;

	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p)) {
		v = v * 10 + (unsigned)(*p - '0');
		if (v > max)
			return -1;
		p++;
	}
	sc->s = p;
	*value = v;
	return 1;
}

static int take_paragraph(struct scan *sc, uint8_t *paragraph)
{
	const char *save = sc->s;
	unsigned v;
	int paren;

	skip_space(sc);
	paren = *sc->s == '(';
	if (paren)
		sc->s++;
	else if (!(take_word(sc, "paragraph") || take_word(sc, "para") || take_word(sc, "al"))) {
		sc->s = save;
		return 0;
	}
	if (*sc->s == '.')
		sc->s++;
	skip_space(sc);
	if (take_number(sc, 99, &v) != 1 || v == 0 || (paren && *sc->s++ != ')')) {
		sc->s = save;
		return 0;
	}
	*paragraph = (uint8_t)v;
	return 1;
}

/* A separator between items: one of "/", ",", ";", "&", "+", "-" (before a number), then
 * optionally "and" or "or" ("494, and 495"); or "and"/"or" alone. */
static int take_separator(struct scan *sc)
{
	int any = 0;

	skip_space(sc);
	if (*sc->s && strchr("/,;&+", *sc->s)) {
		sc->s++;
		any = 1;
	} else if (*sc->s == '-' && isdigit((unsigned char)sc->s[1])) {
		sc->s++;
		any = 1;
	}
	skip_space(sc);
	if (take_word(sc, "and") || take_word(sc, "or"))
		any = 1;
	return any;
}

int cw_article_parse_list(const char *text, struct cw_article *out, size_t max, size_t *count,
			  const char *field, struct cw_error *err)
{
	struct scan sc;
	uint8_t law = CW_LAW_CC;
	size_t n = 0;
	char digits[512];

	/* A Khmer keyboard types Khmer digits: "៤៩៤/៤៩៥" is 494/495, wherever an article is
	 * read (options, forms, filters, imports). */
	text = cw_text_latin_digits(text, digits, sizeof digits);
	sc = (struct scan){text, field, err};
	*count = 0;
	for (;;) {
		struct cw_article a = {0, 0, 0, 0};
		unsigned number;
		int rc;

		skip_space(&sc);
		if (!*sc.s)
			break;
		if (n > 0 && !take_separator(&sc))
			return cw_error_set(err, CW_EINVAL, field,
					    "unexpected '%.20s' in article list '%.60s'", sc.s,
					    text);
		skip_space(&sc);
		if (!*sc.s)
			return cw_error_set(err, CW_EINVAL, field, "'%.60s' ends with a separator",
					    text);
		take_law(&sc, &law);
		skip_article_words(&sc);
		take_law(&sc,
			 &law); /* "art. 231 of the LNIPT" is not supported; "LNIPT art. 231" is */
		skip_article_words(&sc);
		rc = take_number(&sc, 9999, &number);
		if (rc == 0 || number == 0)
			return cw_error_set(
				err, CW_EINVAL, field,
				"'%.60s' is not an article: expected a number at '%.20s'", text,
				sc.s);
		if (rc < 0)
			return cw_error_set(err, CW_EINVAL, field,
					    "article number too large in '%.60s'", text);
		a.law = law;
		a.number = (uint16_t)number;
		take_suffix(&sc, &a.suffix);
		take_paragraph(&sc, &a.paragraph);
		if (n == max)
			return cw_error_set(err, CW_EINVAL, field,
					    "more than %zu articles in one list", max);
		out[n++] = a;
	}
	if (n == 0)
		return cw_error_set(err, CW_EINVAL, field, "no article given");
	*count = n;
	return 0;
}

int cw_article_parse(const char *text, struct cw_article *out, const char *field,
		     struct cw_error *err)
{
	struct cw_article list[2];
	size_t n;
	int rc = cw_article_parse_list(text, list, 2, &n, field, err);

	if (rc == 0 && n != 1)
		return cw_error_set(err, CW_EINVAL, field, "'%.60s' names %zu articles; give one",
				    text, n);
	if (rc != 0)
		return rc;
	*out = list[0];
	return 0;
}

void cw_article_format(const struct cw_article *a, char buf[CW_ARTICLE_TEXT_MAX])
{
	int n = 0;

	if (a->law != CW_LAW_CC)
		n = snprintf(buf, CW_ARTICLE_TEXT_MAX, "%s ", cw_law_code(a->law));
	n += snprintf(buf + n, CW_ARTICLE_TEXT_MAX - (size_t)n, "%u", (unsigned)a->number);
	if (a->suffix && a->suffix < sizeof suffixes / sizeof suffixes[0])
		n += snprintf(buf + n, CW_ARTICLE_TEXT_MAX - (size_t)n, " %s", suffixes[a->suffix]);
	if (a->paragraph)
		snprintf(buf + n, CW_ARTICLE_TEXT_MAX - (size_t)n, " para %u",
			 (unsigned)a->paragraph);
}

const char *cw_article_offence(const struct cw_article *a)
{
	for (size_t i = 0; i < sizeof offences / sizeof offences[0]; i++)
		if (offences[i].law == a->law && offences[i].number == a->number &&
		    offences[i].suffix == a->suffix)
			return offences[i].offence;
	return NULL;
}

int cw_article_table_entry(size_t i, struct cw_article *a, const char **offence)
{
	if (i >= sizeof offences / sizeof offences[0])
		return -1;
	a->law = offences[i].law;
	a->number = offences[i].number;
	a->suffix = offences[i].suffix;
	a->paragraph = 0;
	*offence = offences[i].offence;
	return 0;
}

void cw_article_key(const struct cw_article *a, uint8_t key[CW_ARTICLE_KEY_LEN])
{
	key[0] = a->law;
	key[1] = (uint8_t)(a->number >> 8);
	key[2] = (uint8_t)a->number;
	key[3] = a->suffix;
}

void cw_article_from_key(const uint8_t key[CW_ARTICLE_KEY_LEN], struct cw_article *a)
{
	a->law = key[0];
	a->number = (uint16_t)(key[1] << 8 | key[2]);
	a->suffix = key[3];
	a->paragraph = 0;
}

int cw_article_same(const struct cw_article *a, const struct cw_article *b)
{
	return a->law == b->law && a->number == b->number && a->suffix == b->suffix;
}

int cw_article_in(const struct cw_article *a, const struct cw_article *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cw_article_same(a, &list[i]))
			return 1;
	return 0;
}

int cw_articles_meet(const struct cw_article *a, size_t na, const struct cw_article *b, size_t nb)
{
	for (size_t i = 0; i < na; i++)
		if (cw_article_in(&a[i], b, nb))
			return 1;
	return 0;
}
