/* text.c - UTF-8 validation, neutralising and width; see text.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>

#include "models/text.h"

char *cw_text_vprintf(const char *fmt, va_list ap)
{
	char *out;

	return vasprintf(&out, fmt, ap) < 0 ? NULL : out;
}

char *cw_text_printf(const char *fmt, ...)
{
	va_list ap;
	char *out;

	va_start(ap, fmt);
	out = cw_text_vprintf(fmt, ap);
	va_end(ap);
	return out;
}

int cw_text_is_control(uint32_t c)
{
	return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

int cw_text_is_hiding(uint32_t c)
{
	/* direction marks: they reorder the text around them as well */
	return c == 0x200E || c == 0x200F || c == 0x061C ||
	       /* line and paragraph separators: a break a terminal line does not show */
	       c == 0x2028 || c == 0x2029 ||
	       /* deprecated format characters, interlinear annotations, tags: invisible */
	       (c >= 0x206A && c <= 0x206F) || (c >= 0xFFF9 && c <= 0xFFFB) ||
	       (c >= 0xE0001 && c <= 0xE007F);
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

/* Khmer and Khmer Symbols: a script written without spaces between words. */
static int is_khmer(uint32_t c)
{
	return (c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF);
}

int cw_text_is_khmer_script(const char *text)
{
	size_t n = strlen(text);
	int khmer = 0;

	for (size_t off = 0; off < n;) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);
		utf8proc_category_t cat;

		if (len == 0)
			return 0;
		off += len;
		cat = utf8proc_category((utf8proc_int32_t)c);
		if (is_khmer(c))
			khmer |= cat == UTF8PROC_CATEGORY_LO;
		else if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
			return 0;
	}
	return khmer;
}

/* A folded text's code points, newly allocated, in *n; NULL when out of memory or invalid. */
static uint32_t *code_points(const char *text, size_t *n)
{
	char *folded = cw_text_fold_unaccented(text);
	size_t len = folded ? strlen(folded) : 0;
	uint32_t *cp = folded ? malloc((len + 1) * sizeof *cp) : NULL;

	*n = 0;
	for (size_t off = 0; cp && off < len;) {
		size_t step = cw_utf8_decode(folded + off, len - off, &cp[*n]);

		if (step == 0) {
			free(cp);
			cp = NULL;
			break;
		}
		off += step;
		(*n)++;
	}
	free(folded);
	return cp;
}

int cw_text_typo_allowance(const char *typed)
{
	size_t chars = 0;

	for (const char *p = typed; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	return chars < 5 ? 1 : chars < 20 ? 2 : 3;
}

int cw_text_typo_distance(const char *a, const char *b, int max)
{
	size_t na, nb;
	uint32_t *ca = code_points(a, &na), *cb = code_points(b, &nb);
	int *row = ca && cb ? malloc((nb + 1) * sizeof *row) : NULL, result = max + 1;

	/* Names far apart in length are no typo of each other: not compared. */
	if (row && (na > nb ? na - nb : nb - na) <= (size_t)max) {
		for (size_t j = 0; j <= nb; j++)
			row[j] = (int)j;
		for (size_t i = 1; i <= na; i++) {
			int diagonal = row[0], least;

			row[0] = (int)i;
			least = row[0];
			for (size_t j = 1; j <= nb; j++) {
				int above = row[j];
				int best = diagonal + (ca[i - 1] != cb[j - 1]);

				if (above + 1 < best)
					best = above + 1;
				if (row[j - 1] + 1 < best)
					best = row[j - 1] + 1;
				diagonal = above;
				row[j] = best;
				least = best < least ? best : least;
			}
			if (least > max)
				break; /* every path is over already */
		}
		if (row[nb] <= max)
			result = row[nb];
	}
	free(row);
	free(ca);
	free(cb);
	return result;
}

long cw_text_find_invisible(const char *text, uint32_t *cp)
{
	size_t n = strlen(text);

	for (size_t off = 0; off < n;) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);

		if (len == 0) {
			off++;
			continue;
		}
		if (c == ' ' ? off > 0 && text[off - 1] == ' '
			     : is_invisible(c) || utf8proc_category((utf8proc_int32_t)c) ==
							  UTF8PROC_CATEGORY_ZS) {
			*cp = c;
			return (long)off;
		}
		off += len;
	}
	return -1;
}

int cw_text_validate(const char *text, size_t max_bytes, unsigned flags, const char *field,
		     struct cw_error *err)
{
	size_t n = strlen(text), off = 0;

	if (n > max_bytes) {
		/* Bytes, as stored; a reader counting Khmer letters is told why they count more
		 * (a Khmer field trial read "14 bytes, at most 5" for five letters). */
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)text[i] >= 0x80)
				return cw_error_set(err, CW_EINVAL, field,
						    "too long: %zu bytes, at most %zu (a letter of "
						    "Khmer script takes 3 bytes)",
						    n, max_bytes);
		return cw_error_set(err, CW_EINVAL, field, "too long: %zu bytes, at most %zu", n,
				    max_bytes);
	}
	while (off < n) {
		uint32_t c;
		size_t len;

		/* Printable ASCII, most of most texts, is taken a byte at a time. */
		if ((unsigned char)text[off] >= 0x20 && (unsigned char)text[off] < 0x7F) {
			off++;
			continue;
		}
		if ((len = cw_utf8_decode(text + off, n - off, &c)) == 0)
			return cw_error_set(err, CW_EINVAL, field,
					    "invalid UTF-8 at byte %zu; save the text as UTF-8",
					    off + 1);
		if (cw_text_is_control(c) &&
		    !((flags & CW_TEXT_MULTILINE) && (c == '\n' || c == '\t')))
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

/* Marks stacked on one letter beyond what a script writes (Khmer puts three at most after a
 * consonant or its subscript, Vietnamese two, pointed Hebrew four) draw over the rows above
 * and below in some terminals: a name sent to smear the screen shows its letters with their
 * first marks only. What is stored is not changed. */
#define MARKS_PER_LETTER_MAX 5

static int is_nonspacing_mark(uint32_t c)
{
	utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);

	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME;
}

char *cw_text_for_terminal(const char *text, int flags)
{
	size_t n = strlen(text), off = 0, o = 0;
	/* Worst case: every byte becomes U+FFFD (3 bytes). */
	char *out = malloc(n * 3 + 1);
	int keep_newlines = flags & CW_TEXT_KEEP_NEWLINES;
	int marks = 0; /* nonspacing marks since the last character that takes a column */

	if (!out)
		return NULL;
	while (off < n) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);

		/* A joiner or another character of no column between the marks draws them on the
		 * same letter all the same: only one that takes a column (or a space) starts anew.
		 */
		if (len != 0 && c >= 0x300 && is_nonspacing_mark(c)) {
			if (++marks > MARKS_PER_LETTER_MAX && !(flags & CW_TEXT_ALL_MARKS)) {
				off += len;
				continue;
			}
		} else if (len == 0 || c < 0x300 || cw_utf8_width(c) > 0) {
			marks = 0;
		}
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
		} else if (cw_text_is_control(c) || cw_text_is_hiding(c)) {
			c = 0xFFFD;
		}
		o += put_utf8(out + o, c);
		off += len;
	}
	out[o] = '\0';
	return out;
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
		cols += cw_utf8_width(c);
		off += len;
	}
	return cols;
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
		 * before it: a mark without a column, or a Khmer vowel or sign that takes one.
		 * Such a sign takes its whole word to the next line when there is a space before
		 * it: the line kept it past the width, cut with "…" ("ថ្ងៃនេះ" ending a help). */
		if (used + w > cols && i > 0 && (brk || cw_utf8_cluster_starts(cp, w, prev)))
			return brk ? brk : i;
		used += w;
		i += n;
		prev = cp;
		if (cp == ' ' || cp == 0x200B)
			brk = i;
	}
	return len;
}

const char *cw_text_latin_digits(const char *text, char *buf, size_t len)
{
	size_t o = 0;
	int any = 0;

	for (const char *p = text; *p; p++) {
		/* U+17E0-U+17E9: E1 9F A0 .. E1 9F A9 */
		if ((unsigned char)p[0] == 0xE1 && (unsigned char)p[1] == 0x9F &&
		    (unsigned char)p[2] >= 0xA0 && (unsigned char)p[2] <= 0xA9) {
			if (o + 1 >= len)
				return text;
			buf[o++] = (char)('0' + ((unsigned char)p[2] - 0xA0));
			p += 2;
			any = 1;
			continue;
		}
		if (o + 1 >= len)
			return text;
		buf[o++] = *p;
	}
	if (!any || len == 0)
		return text;
	buf[o] = '\0';
	return buf;
}

const char *cw_text_typed_time(const char *text, char *buf, size_t len)
{
	const char *t = cw_text_latin_digits(text, buf, len);
	char hm[5];

	/* "8:30": a monitor's hearing at half past eight was refused, "write HH:MM". */
	if (strlen(t) == 4 && t[0] >= '0' && t[0] <= '9' && t[1] == ':' && t[2] >= '0' &&
	    t[2] <= '9' && t[3] >= '0' && t[3] <= '9' && len >= 6) {
		memcpy(hm, t, 4);
		buf[0] = '0';
		memcpy(buf + 1, hm, 4);
		buf[5] = '\0';
		return buf;
	}
	return t;
}

/* Bytes of the digit (0-9, or a Khmer digit ០-៩: E1 9F A0-A9) that starts at s (len bytes
 * there), or 0. */
static size_t digit_at(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	if (len >= 1 && u[0] >= '0' && u[0] <= '9')
		return 1;
	if (len >= 3 && u[0] == 0xE1 && u[1] == 0x9F && u[2] >= 0xA0 && u[2] <= 0xA9)
		return 3;
	return 0;
}

/* Bytes of the digit that ends at s + len, or 0. */
static size_t digit_before(const char *s, size_t len)
{
	if (len >= 1 && digit_at(s + len - 1, 1))
		return 1;
	if (len >= 3 && digit_at(s + len - 3, 3) == 3)
		return 3;
	return 0;
}

/* Inside a number, a separator between its digits: "1,500", "2.5", "2024-03-04", "09:30",
 * "494/495". */
static int number_separator(char c)
{
	return c == ',' || c == '.' || c == '-' || c == '/' || c == ':';
}

/* Where text is cut at `rest` inside a number, takes the number off the *o bytes of out and
 * returns the columns taken off (one a digit or separator, Khmer digits too); 0 otherwise.
 * "150 participants" cut after "15" read as fifteen: a figure is whole or not shown, as
 * cw_articles_fit keeps articles whole. */
static int cut_number_off(const char *out, size_t *o, const char *rest)
{
	size_t rl = strlen(rest), d;
	int cols = 0;

	if (!digit_before(out, *o) ||
	    !(digit_at(rest, rl) ||
	      (rl > 1 && number_separator(rest[0]) && digit_at(rest + 1, rl - 1))))
		return 0;
	for (;; cols++) {
		if ((d = digit_before(out, *o)) != 0)
			*o -= d;
		else if (*o >= 2 && number_separator(out[*o - 1]) && digit_before(out, *o - 1))
			*o -= 1;
		else
			return cols;
	}
}

int cw_text_fit(const char *text, int cols, int pad, char *out, size_t out_len)
{
	static const char ellipsis[] = "\xE2\x80\xA6";
	size_t n = strlen(text), off = 0, o = 0, start_o = 0, start_off = 0;
	int used = 0, start_used = 0, total = cw_text_width(text);
	int budget = total > cols ? cols - 1 : cols; /* keep a column for the ellipsis */
	uint32_t prev = 0;

	if (out_len == 0)
		return 0;
	while (off < n && budget > 0) {
		uint32_t c;
		size_t len = cw_utf8_decode(text + off, n - off, &c);
		int w;

		if (len == 0)
			len = 1, c = 0xFFFD;
		w = cw_utf8_width(c);
		if (cw_utf8_cluster_starts(c, w, prev)) {
			start_o = o;
			start_off = off;
			start_used = used;
		}
		if (used + w > budget || o + len + 4 >= out_len) {
			/* Cut before the cluster this character belongs to, not inside it. */
			o = start_o;
			off = start_off;
			used = start_used;
			break;
		}
		memcpy(out + o, text + off, len);
		o += len;
		used += w;
		off += len;
		prev = c;
	}
	if (off < n)
		used -= cut_number_off(out, &o, text + off);
	/* "សំណុំរឿង …" reads as a word and then nothing: the ellipsis goes against the word. */
	while (off < n && o > 0 && out[o - 1] == ' ') {
		o--;
		used--;
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

/* ---- folding for search -------------------------------------------------------------------- */

/* NFC (COMPOSE), full case folding, default-ignorable code points dropped (IGNORE). */
#define FOLD_OPTIONS                                                                               \
	((utf8proc_option_t)(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |              \
			     UTF8PROC_IGNORE))

/* What a byte that is not UTF-8 becomes: 0xFF is in no UTF-8 text, so in no folded needle. */
#define FOLD_INVALID '\xFF'

/* Folded text being built: in `small` while it fits, then on the heap. */
struct folded {
	char *s;
	size_t len, cap;
	int space;      /* white space seen since the last character written */
	int khmer;      /* the last character written is Khmer */
	int unaccented; /* accents are dropped (cw_text_fold_unaccented) */
	int oom;
	char small[512];
};

static void folded_init(struct folded *f)
{
	f->s = f->small;
	f->len = 0;
	f->cap = sizeof f->small;
	f->space = 0;
	f->khmer = 0;
	f->unaccented = 0;
	f->oom = 0;
	f->small[0] = '\0';
}

static void folded_free(struct folded *f)
{
	if (f->s != f->small)
		free(f->s);
}

/* Makes room for n more bytes and the terminating NUL; 0, or -1 when out of memory. */
static int folded_reserve(struct folded *f, size_t n)
{
	size_t cap;
	char *s;

	if (f->oom)
		return -1;
	if (f->len + n + 1 <= f->cap)
		return 0;
	cap = (f->len + n + 1) * 2;
	if (!(s = f->s == f->small ? malloc(cap) : realloc(f->s, cap))) {
		f->oom = 1;
		return -1;
	}
	if (f->s == f->small)
		memcpy(s, f->small, f->len);
	f->s = s;
	f->cap = cap;
	return 0;
}

static int fold_is_space(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= 0x09 && c <= 0x0D);
	return c == 0x85 || c == 0x2028 || c == 0x2029 ||
	       utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

/* One character of folded text, into room reserved (5 bytes): white space is held back, to be
 * written as one space before the next character (none at the start or the end), and not at
 * all between two Khmer characters (text.h). */
static void folded_char(struct folded *f, int32_t c)
{
	int khmer;

	if (fold_is_space(c)) {
		f->space = 1;
		return;
	}
	khmer = is_khmer((uint32_t)c);
	if (f->space && f->len > 0 && !(khmer && f->khmer))
		f->s[f->len++] = ' ';
	f->space = 0;
	f->khmer = khmer;
	if (c < 0x80)
		f->s[f->len++] = (char)c;
	else
		f->len += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)f->s + f->len);
}

/* A byte that is not UTF-8. */
static void folded_invalid(struct folded *f)
{
	if (folded_reserve(f, 1) == 0) {
		f->space = 0;
		f->khmer = 0;
		f->s[f->len++] = FOLD_INVALID;
	}
}

/* The accents cw_text_fold_unaccented drops: the combining diacritical marks of Latin, Greek,
 * Cyrillic and Vietnamese letters and their supplements. Other scripts' combining signs are
 * not among them (Khmer's vowel signs and COENG, U+17B6-17D3, are part of its letters). */
static int fold_is_accent(int32_t c)
{
	return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
	       (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
	       (c >= 0xFE20 && c <= 0xFE2F);
}

/* Drops the accents of decomposed text (utf8proc_decompose's): its new length. */
static utf8proc_ssize_t drop_accents(utf8proc_int32_t *cps, utf8proc_ssize_t len)
{
	utf8proc_ssize_t n = 0;

	for (utf8proc_ssize_t i = 0; i < len; i++)
		if (!fold_is_accent(cps[i]))
			cps[n++] = cps[i];
	return n;
}

/* Folds a run of well-formed UTF-8: decomposed, case folded and ignorables dropped by
 * utf8proc (and accents, when f->unaccented), then composed again. */
static void fold_run(struct folded *f, const char *run, size_t n)
{
	utf8proc_int32_t small[256], *cps = small;
	utf8proc_ssize_t len, cap = sizeof small / sizeof small[0];

	for (;;) {
		len = utf8proc_decompose((const utf8proc_uint8_t *)run, (utf8proc_ssize_t)n, cps,
					 cap, FOLD_OPTIONS);
		if (len <= cap)
			break;
		if (cps != small)
			free(cps);
		cap = len;
		if (!(cps = malloc((size_t)cap * sizeof *cps))) {
			f->oom = 1;
			return;
		}
	}
	if (len >= 0 && f->unaccented)
		len = drop_accents(cps, len);
	if (len >= 0)
		len = utf8proc_normalize_utf32(cps, len, FOLD_OPTIONS);
	if (len < 0) /* utf8proc refused what cw_utf8_decode accepted: match it as not UTF-8 */
		folded_invalid(f);
	else if (folded_reserve(f, (size_t)len * 5) == 0)
		for (utf8proc_ssize_t i = 0; i < len; i++)
			folded_char(f, cps[i]);
	if (cps != small)
		free(cps);
}

static void fold(struct folded *f, const char *text, int unaccented)
{
	size_t n = strlen(text), off = 0;
	int ascii = 1;

	folded_init(f);
	f->unaccented = unaccented;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)text[i] < 0x80;
	if (ascii) {
		/* ASCII folds by itself (no marks to compose, nothing ignorable): the common
		 * case, without utf8proc. Its letters are lowered as utf8proc folds them, not by
		 * tolower(3), which follows the locale: in Turkish it leaves "I" as it is, and a
		 * name's index key (store/keys.c) made there was not the one made elsewhere. */
		if (folded_reserve(f, n) == 0)
			for (size_t i = 0; i < n; i++) {
				int c = (unsigned char)text[i];

				folded_char(f, c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
			}
		if (!f->oom)
			f->s[f->len] = '\0';
		return;
	}
	while (off < n) {
		size_t end = off, len;
		uint32_t c;

		while (end < n && (len = cw_utf8_decode(text + end, n - end, &c)) != 0)
			end += len;
		if (end > off)
			fold_run(f, text + off, end - off);
		if (end < n) {
			folded_invalid(f);
			end++;
		}
		off = end;
	}
	if (!f->oom)
		f->s[f->len] = '\0';
}

static char *fold_copy(const char *text, int unaccented)
{
	struct folded f;
	char *out;

	fold(&f, text, unaccented);
	if (f.oom) {
		folded_free(&f);
		return NULL;
	}
	if (f.s != f.small)
		return f.s;
	if ((out = malloc(f.len + 1)) != NULL)
		memcpy(out, f.s, f.len + 1);
	return out;
}

const char *cw_text_fold_version(void)
{
	return utf8proc_unicode_version();
}

char *cw_text_fold(const char *text)
{
	return fold_copy(text, 0);
}

char *cw_text_fold_unaccented(const char *text)
{
	return fold_copy(text, 1);
}

int cw_text_contains_folded(const char *haystack, const char *folded)
{
	struct folded f;
	int yes;

	if (!*folded)
		return 1;
	if (strchr(folded, FOLD_INVALID))
		return 0;
	fold(&f, haystack, 0);
	yes = !f.oom && strstr(f.s, folded) != NULL;
	folded_free(&f);
	return yes;
}

int cw_text_equals_folded(const char *text, const char *folded)
{
	struct folded f;
	int yes;

	if (strchr(folded, FOLD_INVALID))
		return 0;
	fold(&f, text, 0);
	yes = !f.oom && strcmp(f.s, folded) == 0;
	folded_free(&f);
	return yes;
}

int cw_text_contains(const char *haystack, const char *needle)
{
	struct folded f;
	int yes;

	fold(&f, needle, 0);
	yes = !f.oom && cw_text_contains_folded(haystack, f.s);
	folded_free(&f);
	return yes;
}
