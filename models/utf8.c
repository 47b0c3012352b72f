/* utf8.c - UTF-8 characters and the clusters a cut keeps whole; see utf8.h. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "models/utf8.h"

size_t cw_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t len;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

int cw_utf8_width(uint32_t c)
{
	int w = wcwidth((wchar_t)c);

	return w < 0 ? 1 : w;
}

void cw_text_trim_utf8(char *text)
{
	size_t len = strlen(text), start = len;
	uint32_t cp;

	/* The last character's first byte: at most three continuation bytes back. */
	while (start > 0 && len - start < 4 && ((unsigned char)text[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0 && len - start < 4 && ((unsigned char)text[start - 1] & 0x80))
		start--;
	if (start < len && cw_utf8_decode(text + start, len - start, &cp) != len - start)
		text[start] = '\0';
}

/* Whether c, after prev, begins a cluster a cut may come before: it takes a column and is no
 * Khmer vowel or sign written with the letter before it (U+17B6-U+17D3, U+17DD), nor a
 * subscript consonant after a COENG (U+17D2). Cutting there leaves every letter whole: "ល" cut
 * from "លែ" reads as another syllable, "ឆ្" ends on a sign that draws under nothing. */
int cw_utf8_cluster_starts(uint32_t c, int w, uint32_t prev)
{
	return w > 0 && !((c >= 0x17B6 && c <= 0x17D3) || c == 0x17DD) && prev != 0x17D2;
}

/* The character at text[at] (a byte that is not UTF-8: U+FFFD, one byte) into *cp; its
 * length. */
static size_t char_at(const char *text, size_t len, size_t at, uint32_t *cp)
{
	size_t n = cw_utf8_decode(text + at, len - at, cp);

	if (!n) {
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

/* The start of the character before text[at]. */
static size_t char_before(const char *text, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)text[at] & 0xC0) == 0x80)
		at--;
	return at;
}

size_t cw_text_next_cluster(const char *text, size_t len, size_t at)
{
	uint32_t prev, cp;

	if (at >= len)
		return len;
	at += char_at(text, len, at, &prev);
	while (at < len) {
		size_t n = char_at(text, len, at, &cp);

		if (cw_utf8_cluster_starts(cp, cw_utf8_width(cp), prev))
			break;
		at += n;
		prev = cp;
	}
	return at;
}

size_t cw_text_prev_cluster(const char *text, size_t len, size_t at)
{
	uint32_t cp, prev;

	if (at > len)
		at = len;
	while (at > 0) {
		at = char_before(text, at);
		if (at == 0)
			break;
		char_at(text, len, at, &cp);
		char_at(text, len, char_before(text, at), &prev);
		if (cw_utf8_cluster_starts(cp, cw_utf8_width(cp), prev))
			break;
	}
	return at;
}
