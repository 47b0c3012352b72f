/* text.c - UTF-8 validation, neutralising and width; see text.h. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "models/text.h"

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

static int is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* Characters that take space but draw nothing, or draw nothing at all. */
static int is_invisible(uint32_t c)
{
	static const uint32_t ranges[][2] = {
		{0x0009, 0x000D},   {0x0020, 0x0020},   {0x0085, 0x0085},   {0x00A0, 0x00A0},
		{0x00AD, 0x00AD},   {0x034F, 0x034F},   {0x061C, 0x061C},   {0x115F, 0x1160},
		{0x1680, 0x1680},   {0x17B4, 0x17B5},   {0x180B, 0x180F},   {0x2000, 0x200F},
		{0x2028, 0x202F},   {0x205F, 0x206F},   {0x2800, 0x2800},   {0x3000, 0x3000},
		{0x3164, 0x3164},   {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0},
		{0x1BCA0, 0x1BCA3}, {0xE0000, 0xE007F}, {0xE0100, 0xE01EF},
	};

	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (c >= ranges[i][0] && c <= ranges[i][1])
			return 1;
	return 0;
}

int cw_text_is_blank(const char *text)
{
	size_t n = strlen(text);

	for (size_t off = 0; off < n;) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);

		if (len == 0 || !is_invisible(c))
			return 0;
		off += len;
	}
	return 1;
}

int cw_text_validate(const char *text, size_t max_bytes, unsigned flags, const char *field,
		     struct cw_error *err)
{
	size_t n = strlen(text), off = 0;

	if (n > max_bytes)
		return cw_error_set(err, CW_EINVAL, field, "too long: %zu bytes, at most %zu", n,
				    max_bytes);
	while (off < n) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);

		if (len == 0)
			return cw_error_set(err, CW_EINVAL, field,
					    "invalid UTF-8 at byte %zu; save the text as UTF-8",
					    off + 1);
		if (is_control(c) && !((flags & CW_TEXT_MULTILINE) && (c == '\n' || c == '\t')))
			return cw_error_set(err, CW_EINVAL, field,
					    "control character U+%04X at byte %zu is not allowed",
					    (unsigned)c, off + 1);
		off += len;
	}
	return 0;
}

static size_t put_utf8(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | c >> 12);
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | c >> 18);
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

char *cw_text_for_terminal(const char *text, int keep_newlines)
{
	size_t n = strlen(text), off = 0, o = 0;
	/* Worst case: every byte becomes U+FFFD (3 bytes). */
	char *out = malloc(n * 3 + 1);

	if (!out)
		return NULL;
	while (off < n) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);

		if (len == 0) {
			c = 0xFFFD;
			len = 1;
		} else if ((c == '\n' || c == '\t') && keep_newlines) {
			/* kept */
		} else if (c == '\n' || c == '\t' || c == '\r') {
			c = ' ';
		} else if (c < 0x20 || c == 0x7F) {
			out[o++] = '^';
			c = c == 0x7F ? '?' : c + 0x40;
		} else if (is_control(c)) {
			c = 0xFFFD;
		}
		o += put_utf8(out + o, c);
		off += len;
	}
	out[o] = '\0';
	return out;
}

static int char_width(uint32_t c)
{
	int w = wcwidth((wchar_t)c);

	return w < 0 ? 1 : w;
}

int cw_text_width(const char *text)
{
	size_t n = strlen(text), off = 0;
	int cols = 0;

	while (off < n) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);

		if (len == 0) {
			len = 1;
			c = 0xFFFD;
		}
		cols += char_width(c);
		off += len;
	}
	return cols;
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

size_t cw_text_wrap(const char *text, int cols)
{
	size_t len = strlen(text), i = 0, brk = 0;
	uint32_t prev = 0;
	int used = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = cw_utf8_decode(text + i, len - i, &cp);
		int w;

		if (!n) /* not UTF-8: one byte, one column */
			n = 1, cp = 0xFFFD;
		if (cp == '\n')
			return i + n;
		if ((w = wcwidth((wchar_t)cp)) < 0)
			w = 1;
		/* A character that does not fit starts the next line, unless it belongs to the one
		 * before it: a mark without a column, or a Khmer vowel or sign that takes one
		 * (U+17B6-U+17D3, U+17DD: written after, above or below its letter). */
		if (w > 0 && used + w > cols && i > 0 &&
		    !((cp >= 0x17B6 && cp <= 0x17D3) || cp == 0x17DD) && prev != 0x17D2)
			return brk ? brk : i;
		used += w;
		i += n;
		prev = cp;
		if (cp == ' ' || cp == 0x200B)
			brk = i;
	}
	return len;
}

int cw_text_fit(const char *text, int cols, int pad, char *out, size_t out_len)
{
	static const char ellipsis[] = "\xE2\x80\xA6";
	size_t n = strlen(text), off = 0, o = 0;
	int used = 0, total = cw_text_width(text);
	int budget = total > cols ? cols - 1 : cols; /* keep a column for the ellipsis */

	if (out_len == 0)
		return 0;
	while (off < n && budget > 0) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);
		int w;

		if (len == 0)
			len = 1, c = 0xFFFD;
		w = char_width(c);
		if (used + w > budget || o + len + 4 >= out_len)
			break;
		memcpy(out + o, text + off, len);
		o += len;
		used += w;
		off += len;
	}
	/* Combining marks that follow the last base character belong to it. */
	while (off < n) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);

		if (len == 0 || wcwidth((wchar_t)c) != 0 || o + len + 4 >= out_len)
			break;
		memcpy(out + o, text + off, len);
		o += len;
		off += len;
	}
	if (off < n && cols > 0 && o + sizeof ellipsis < out_len) {
		memcpy(out + o, ellipsis, sizeof ellipsis - 1);
		o += sizeof ellipsis - 1;
		used++;
	}
	while (pad && used < cols && o + 1 < out_len) {
		out[o++] = ' ';
		used++;
	}
	out[o] = '\0';
	return used;
}

int cw_text_contains(const char *haystack, const char *needle)
{
	size_t hn = strlen(haystack), nn = strlen(needle);

	if (nn == 0)
		return 1;
	for (size_t i = 0; i + nn <= hn; i++) {
		size_t j = 0;

		while (j < nn &&
		       tolower((unsigned char)haystack[i + j]) == tolower((unsigned char)needle[j]))
			j++;
		if (j == nn)
			return 1;
	}
	return 0;
}
