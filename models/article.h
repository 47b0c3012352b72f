/* article.h - charges by law and article, in one canonical form.
 *
 * People type and documents print articles many ways: "494", "Art. 494", "437 bis", "437bis",
 * "437 (bis)", "437-bis", lists such as "494/495" or "494, 495 and 496", and other laws
 * ("LNIPT 231", "Law on Negotiable Instruments and Payment Transactions art. 231"). All parse to
 * the same struct cw_article, whose canonical text is "494", "437 bis", "LNIPT 231". */
#ifndef CW_ARTICLE_H
#define CW_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"

enum cw_law {
	CW_LAW_NONE = 0,  /* no article: a free-text offence */
	CW_LAW_CC = 1,    /* Criminal Code of the Kingdom of Cambodia (2009) */
	CW_LAW_LNIPT = 2, /* Law on Negotiable Instruments and Payment Transactions */
	CW_LAW_LPD = 3,   /* Law on Peaceful Demonstrations */
	CW_LAW_COUNT
};

enum cw_article_suffix { CW_SUFFIX_NONE, CW_SUFFIX_BIS, CW_SUFFIX_TER, CW_SUFFIX_QUATER };

struct cw_article {
	uint8_t law;       /* enum cw_law */
	uint8_t suffix;    /* enum cw_article_suffix */
	uint16_t number;   /* 1-9999 */
	uint8_t paragraph; /* 0: not given */
};

#define CW_ARTICLE_TEXT_MAX 32
#define CW_ARTICLE_KEY_LEN  4 /* bytes of an index key: law, number (big-endian), suffix */
#define CW_ARTICLE_LIST_MAX 16

/* Parses one article or a list into out[0..*count); Khmer digits (U+17E0-U+17E9) read as 0-9,
 * as a Khmer keyboard types them ("៤៩៤/៤៩៥"). Fails with CW_EINVAL naming `field` and
 * the offending word when the text is not an article list. Unknown articles parse fine: ask
 * cw_article_offence() whether the table knows them. */
int cw_article_parse_list(const char *text, struct cw_article *out, size_t max, size_t *count,
			  const char *field, struct cw_error *err);

/* Parses exactly one article. */
int cw_article_parse(const char *text, struct cw_article *out, const char *field,
		     struct cw_error *err);

/* "494", "437 bis", "305 para 2", "LNIPT 231". */
void cw_article_format(const struct cw_article *a, char buf[CW_ARTICLE_TEXT_MAX]);

/* The offence name from the built-in table, in English (what JSON gives; display it through
 * _() for the reader's language), or NULL when the article is not in it. */
const char *cw_article_offence(const struct cw_article *a);

/* Short and long names of a law ("CC", "Criminal Code"). */
const char *cw_law_code(enum cw_law law);
const char *cw_law_name(enum cw_law law);

/* The suffix a word of len bytes names ("bis", any case), or CW_SUFFIX_NONE for none: what the
 * filter line joins to an article written just before it ("article:437 bis"). */
enum cw_article_suffix cw_article_suffix_word(const char *w, size_t len);

/* The index key: same article (any paragraph) gives the same key; keys sort by law, number,
 * suffix. */
void cw_article_key(const struct cw_article *a, uint8_t key[CW_ARTICLE_KEY_LEN]);
void cw_article_from_key(const uint8_t key[CW_ARTICLE_KEY_LEN], struct cw_article *a);

/* Equal as charges (law, number and suffix; paragraph ignored). */
int cw_article_same(const struct cw_article *a, const struct cw_article *b);

/* Whether list[0..n) holds the same charge as a (cw_article_same). */
int cw_article_in(const struct cw_article *a, const struct cw_article *list, size_t n);

/* Whether the lists a[0..na) and b[0..nb) share a charge: a case's articles and a filter's. */
int cw_articles_meet(const struct cw_article *a, size_t na, const struct cw_article *b, size_t nb);

/* Iterates the built-in table: returns 0 and fills *a and *offence for i < count, else -1. */
int cw_article_table_entry(size_t i, struct cw_article *a, const char **offence);

#endif
