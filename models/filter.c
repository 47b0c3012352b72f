/* filter.c - filter criteria and the filter-line parser; see filter.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "models/filter.h"
#include "models/i18n.h"
#include "models/text.h"

void cw_filter_init(struct cw_filter *f)
{
	memset(f, 0, sizeof *f);
}

int cw_filter_equal(const struct cw_filter *a, const struct cw_filter *b)
{
	if (a->kinds != b->kinds || a->narticles != b->narticles || a->accounts != b->accounts ||
	    a->undated != b->undated || a->visits_by_detainees != b->visits_by_detainees ||
	    cw_date_key(a->since) != cw_date_key(b->since) ||
	    cw_date_key(a->until) != cw_date_key(b->until) || strcmp(a->court, b->court) ||
	    strcmp(a->province, b->province) || strcmp(a->person, b->person) ||
	    strcmp(a->case_ref, b->case_ref) || strcmp(a->text, b->text))
		return 0;
	for (size_t i = 0; i < a->narticles; i++)
		if (!cw_article_same(&a->articles[i], &b->articles[i]) ||
		    a->articles[i].paragraph != b->articles[i].paragraph)
			return 0;
	return 1;
}

int cw_filter_is_empty(const struct cw_filter *f)
{
	return !f->kinds && !f->narticles && !cw_date_is_known(f->since) &&
	       !cw_date_is_known(f->until) && !f->court[0] && !f->province[0] && !f->person[0] &&
	       !f->case_ref[0] && !f->text[0] && !f->accounts && !f->undated;
}

static int set_text(char *dst, const char *value, const char *name, struct cw_error *err)
{
	int rc;

	/* "--person=" would quietly filter on nothing: say so, as an empty date does. */
	if (!*value)
		return cw_error_set(err, CW_EINVAL, name, "needs a value");
	rc = cw_text_validate(value, CW_FILTER_TEXT_MAX - 1, 0, name, err);

	/* The whole field is rewritten, so that two filters with the same criteria are the
	 * same bytes (what a test of the line's round trip compares). */
	if (rc == 0) {
		memset(dst, 0, CW_FILTER_TEXT_MAX);
		memcpy(dst, value, strlen(value));
	}
	return rc;
}

/* Free text is words: runs of spaces, and spaces at the ends, are not kept, so that the text
 * a filter holds is the text its description (words again) reads back as. */
static void squeeze_spaces(char *text)
{
	size_t n = 0;

	for (const char *q = text; *q; q++)
		if (*q != ' ' || (n && text[n - 1] != ' '))
			text[n++] = *q;
	while (n && text[n - 1] == ' ')
		n--;
	memset(text + n, 0, CW_FILTER_TEXT_MAX - n);
}

int cw_filter_set(struct cw_filter *f, const char *name, const char *value, struct cw_error *err)
{
	int rc;

	if (!strcmp(name, "article")) {
		size_t n;

		/* Khmer digits are 0-9 ("៤៩៤" is 494): cw_article_parse_list reads them. */
		rc = cw_article_parse_list(value, f->articles, CW_ARTICLE_LIST_MAX, &n, "article",
					   err);
		if (rc == 0)
			f->narticles = n;
		return rc;
	}
	if (!strcmp(name, "kind")) {
		char buf[128], *save = NULL;

		if (strlen(value) >= sizeof buf)
			return cw_error_set(err, CW_EINVAL, "kind", "too long");
		strcpy(buf, value);
		for (char *w = strtok_r(buf, ",/ ", &save); w; w = strtok_r(NULL, ",/ ", &save)) {
			enum cw_kind k = cw_kind_parse_typed(w);

			if (k == CW_KIND_NONE)
				return cw_error_set(err, CW_EINVAL, "kind",
						    "'%.30s' is not a kind; use hearing, visit, "
						    "demonstration, milestone, case or person",
						    w);
			f->kinds |= UINT32_C(1) << k;
		}
		return 0;
	}
	if (!strcmp(name, "account")) {
		char buf[128], *save = NULL;

		if (strlen(value) >= sizeof buf)
			return cw_error_set(err, CW_EINVAL, "account", "too long");
		strcpy(buf, value);
		for (char *w = strtok_r(buf, ",/ ", &save); w; w = strtok_r(NULL, ",/ ", &save)) {
			int v = cw_enum_parse(&cw_words_view, w);

			/* The list column's short forms ("gov") are accepted too. */
			for (unsigned k = 1; v < 0 && k < cw_words_view.n; k++)
				if (!strcasecmp(w, cw_view_short(k)))
					v = (int)k;
			if (v < 0)
				return cw_error_set(err, CW_EINVAL, "account",
						    "'%.30s' is not an account; use own, un, "
						    "government, media, ngo, other or unknown",
						    w);
			f->accounts |= UINT32_C(1) << v;
		}
		return 0;
	}
	/* An empty date would read as "no date" and quietly drop the bound asked for. */
	if ((!strcmp(name, "since") || !strcmp(name, "until")) && !*value)
		return cw_error_set(err, CW_EINVAL, name,
				    "needs a date: YYYY, YYYY-MM or YYYY-MM-DD");
	/* Typed by a person: "since:monday" and "until:yesterday" count from today. */
	if (!strcmp(name, "since") || !strcmp(name, "until")) {
		rc = cw_date_parse_relative(value, cw_date_today(),
					    name[0] == 's' ? &f->since : &f->until, name, err);
		if (rc == 0 && cw_date_is_relative(value))
			f->relative = 1;
		return rc;
	}
	if (!strcmp(name, "court"))
		return set_text(f->court, value, "court", err);
	if (!strcmp(name, "province"))
		return set_text(f->province, value, "province", err);
	if (!strcmp(name, "person"))
		return set_text(f->person, value, "person", err);
	if (!strcmp(name, "case"))
		return set_text(f->case_ref, value, "case", err);
	if (!strcmp(name, "text")) {
		int trc;

		/* Quotes group words in the filter line: a quote inside the text could not be
		 * written back in a line that reads as the same filter. */
		if (strchr(value, '"'))
			return cw_error_set(err, CW_EINVAL, "text",
					    "cannot hold a double quote (quotes group words in "
					    "the filter line)");
		trc = set_text(f->text, value, "text", err);

		if (trc == 0)
			squeeze_spaces(f->text);
		return trc;
	}
	return cw_error_set(err, CW_EINVAL, name, "%s", cw_filter_unknown_message());
}

const char *cw_filter_unknown_message(void)
{
	return _("unknown filter; use article, kind, account, since, until, court, province, "
		 "person, case or text");
}

/* The length of the name in a word that parses as name:value (a colon after a name of 1 to 31
 * bytes holding no space or quote), else 0. Parsing and writing back use the same test. */
static size_t name_length(const char *p)
{
	const char *colon = strchr(p, ':');
	size_t n = colon ? (size_t)(colon - p) : 0;

	if (n == 0 || n >= 32 || memchr(p, ' ', n) || memchr(p, '\t', n) || memchr(p, '"', n))
		return 0;
	return n;
}

int cw_filter_parse_line(const char *line, struct cw_filter *f, struct cw_error *err)
{
	char text[CW_FILTER_TEXT_MAX] = "";
	size_t tlen = 0;
	const char *p = line;

	while (*p) {
		char word[CW_FILTER_TEXT_MAX], name[32] = "";
		size_t wl = 0, nl;
		int rc;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		/* name:value, where name is a known criterion word (a word starting with a colon
		 * is text: there is no name to take) */
		if ((nl = name_length(p)) > 0) {
			memcpy(name, p, nl);
			name[nl] = '\0';
			p += nl + 1;
		}
		if (*p == '"') {
			const char *end = strchr(p + 1, '"');

			if (!end)
				return cw_error_set(err, CW_EINVAL, name[0] ? name : "filter",
						    "missing closing quote");
			wl = (size_t)(end - p - 1);
			if (wl >= sizeof word)
				return cw_error_set(err, CW_EINVAL, name[0] ? name : "filter",
						    "too long");
			memcpy(word, p + 1, wl);
			p = end + 1;
		} else {
			while (p[wl] && p[wl] != ' ' && p[wl] != '\t')
				wl++;
			if (wl >= sizeof word)
				return cw_error_set(err, CW_EINVAL, name[0] ? name : "filter",
						    "too long");
			memcpy(word, p, wl);
			/* Ended here, before it is read as a string: strspn ran on into what a
			 * longer word before had left, and took "15 jan" for no date when that
			 * was digits too (a test failed now and then under load). */
			word[wl] = '\0';
			p += wl;
			/* "since:last week", "until:next friday", "since:15 apr", "since:this
			 * week": a date in two words needs no quotes; the second word is taken with
			 * the first (a day's number is never a date alone). */
			if ((!strcmp(name, "since") || !strcmp(name, "until")) &&
			    ((wl == 4 && !strncasecmp(word, "next", 4)) ||
			     (wl == 4 && !strncasecmp(word, "last", 4)) ||
			     (wl == 4 && !strncasecmp(word, "this", 4)) ||
			     (wl >= 1 && wl <= 2 && strspn(word, "0123456789") == wl))) {
				const char *q = p, *w2;
				size_t l2 = 0;

				while (*q == ' ' || *q == '\t')
					q++;
				for (w2 = q; w2[l2] && w2[l2] != ' ' && w2[l2] != '\t'; l2++)
					;
				if (l2 && !name_length(w2) && wl + 1 + l2 < sizeof word) {
					word[wl++] = ' ';
					memcpy(word + wl, w2, l2);
					wl += l2;
					p = w2 + l2;
				}
			}
			/* "article:437 bis" as the Code writes it: the suffix is the article's, not
			 * text to search for (which found nothing, without a word). */
			if (!strcmp(name, "article") && wl < sizeof word - 8) {
				const char *q = p;
				size_t l2 = 0;

				while (*q == ' ' || *q == '\t')
					q++;
				while (q[l2] && q[l2] != ' ' && q[l2] != '\t')
					l2++;
				if (cw_article_suffix_word(q, l2) != CW_SUFFIX_NONE) {
					word[wl++] = ' ';
					memcpy(word + wl, q, l2);
					wl += l2;
					p = q + l2;
				}
			}
		}
		word[wl] = '\0';
		if (name[0] && !word[0])
			return cw_error_set(err, CW_EINVAL, name, "needs a value after '%.31s:'",
					    name);
		if (name[0]) {
			if ((rc = cw_filter_set(f, name, word, err)) != 0)
				return rc;
		} else {
			/* Room for the space before it (none before the first) and the end:
			 * text:"..." takes as many bytes, and its description, the same words
			 * bare, must read back (the fuzzer found one of 199 bytes refused). */
			if (tlen + (tlen ? 1 : 0) + wl >= sizeof text)
				return cw_error_set(err, CW_EINVAL, "text", "too long");
			tlen += (size_t)snprintf(text + tlen, sizeof text - tlen, "%s%s",
						 tlen ? " " : "", word);
		}
	}
	/* Free text is words: spaces inside quotes ("a  b", " a") are not kept, so that the
	 * description (words again) reads back as the same text. */
	tlen = 0;
	for (const char *q = text; *q; q++)
		if (*q != ' ' || (tlen && text[tlen - 1] != ' '))
			text[tlen++] = *q;
	while (tlen && text[tlen - 1] == ' ')
		tlen--;
	text[tlen] = '\0';
	if (tlen)
		return cw_filter_set(f, "text", text, err);
	return 0;
}

static void append(char *buf, size_t len, size_t *n, const char *name, const char *value)
{
	const char *quote = strchr(value, ' ') || value[0] == '"' ? "\"" : "";

	if (*n < len)
		*n += (size_t)snprintf(buf + *n, len - *n, "%s%s:%s%s%s", *n ? " " : "", name,
				       quote, value, quote);
}

/* Free text, word by word: a word the parser would take for name:value ("10:30", from a
 * quoted phrase) is written back quoted, so that the line reads back as the same filter. (A
 * word of free text never holds a quote there: a quoted phrase cannot, and an unquoted word
 * with one before its colon is not taken for a name.) */
static void append_text(char *buf, size_t len, size_t *n, const char *text)
{
	for (const char *p = text; *p && *n < len;) {
		size_t wl = strcspn(p, " ");
		char word[CW_FILTER_TEXT_MAX];
		const char *quote;

		if (wl == 0) {
			p++;
			continue;
		}
		snprintf(word, sizeof word, "%.*s", (int)wl, p);
		/* Quoted when it would read as something else: a criterion ("kind:x"), or an
		 * article's suffix, which an article just before it would take ("article:437
		 * bis"). */
		quote = (name_length(word) || cw_article_suffix_word(word, wl) != CW_SUFFIX_NONE) &&
					!strchr(word, '"')
				? "\""
				: "";
		*n += (size_t)snprintf(buf + *n, len - *n, "%s%s%s%s", *n ? " " : "", quote, word,
				       quote);
		p += wl;
	}
}

void cw_filter_describe(const struct cw_filter *f, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	if (f->narticles) {
		char list[CW_ARTICLE_LIST_MAX * CW_ARTICLE_TEXT_MAX] = "";
		size_t ln = 0;

		for (size_t i = 0; i < f->narticles; i++) {
			char a[CW_ARTICLE_TEXT_MAX];

			/* A list reads on in the law last named: after "LPD 1", "3" is LPD 3. */
			int cc = i && f->articles[i].law == CW_LAW_CC &&
				 f->articles[i - 1].law != CW_LAW_CC;

			cw_article_format(&f->articles[i], a);
			ln += (size_t)snprintf(list + ln, sizeof list - ln, "%s%s%s", i ? "/" : "",
					       cc ? "CC " : "", a);
		}
		append(buf, len, &n, "article", list);
	}
	if (f->kinds) {
		char list[128] = "";
		size_t ln = 0;

		for (int k = 1; k < CW_KIND_COUNT; k++)
			if (f->kinds & (UINT32_C(1) << k))
				ln += (size_t)snprintf(list + ln, sizeof list - ln, "%s%s",
						       ln ? "," : "", cw_kind_name(k));
		append(buf, len, &n, "kind", list);
	}
	if (f->accounts) {
		char list[128] = "";
		size_t ln = 0;

		for (unsigned v = 0; v < cw_words_view.n; v++)
			if (f->accounts & (UINT32_C(1) << v))
				ln += (size_t)snprintf(list + ln, sizeof list - ln, "%s%s",
						       ln ? "," : "",
						       cw_enum_word(&cw_words_view, v));
		append(buf, len, &n, "account", list);
	}
	if (cw_date_is_known(f->since)) {
		char d[CW_DATE_TEXT_MAX];

		cw_date_format(f->since, d);
		append(buf, len, &n, "since", d);
	}
	if (cw_date_is_known(f->until)) {
		char d[CW_DATE_TEXT_MAX];

		cw_date_format(f->until, d);
		append(buf, len, &n, "until", d);
	}
	if (f->court[0])
		append(buf, len, &n, "court", f->court);
	if (f->province[0])
		append(buf, len, &n, "province", f->province);
	if (f->person[0])
		append(buf, len, &n, "person", f->person);
	if (f->case_ref[0])
		append(buf, len, &n, "case", f->case_ref);
	if (f->text[0])
		append_text(buf, len, &n, f->text);
}

void cw_filter_date_keys(const struct cw_filter *f, uint32_t *lo, uint32_t *hi)
{
	*lo = cw_date_is_known(f->since) ? cw_date_key(f->since) : 0;
	*hi = cw_date_is_known(f->until) ? cw_date_key(cw_date_last_day(f->until))
					 : CW_DATE_KEY_UNKNOWN;
	/* A bounded range leaves out records of unknown date. */
	if (cw_date_is_known(f->since) && !cw_date_is_known(f->until))
		*hi = CW_DATE_KEY_UNKNOWN - 1;
	if (f->undated)
		*lo = *hi = CW_DATE_KEY_UNKNOWN;
}
