/* utf8.c - UTF-8 characters, the clusters a cut keeps whole, and messages cut between them;
 * see utf8.h. */
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
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

/* ---- messages: a value bound by a precision is cut between clusters -------------------------- */

/* A bound this long or longer ("%.20s" and up) bounds a text someone wrote, marked "…" when it
 * is cut; a shorter one takes a fixed start (an id's 8 hex digits, a time's 16 characters). */
#define FORMAT_MARK_FROM 20
/* The arguments a format may take; one with more is formatted by vsnprintf as it is. */
#define FORMAT_ARGS_MAX 32
#define ELLIPSIS        "\xE2\x80\xA6"
#define ELLIPSIS_LEN    (sizeof ELLIPSIS - 1)

/* The most bytes of text (n bytes) up to `max` that end between two clusters. */
static size_t cut_at_cluster(const char *text, size_t n, size_t max)
{
	size_t at = 0, next;

	while ((next = cw_text_next_cluster(text, n, at)) > at && next <= max)
		at = next;
	return at;
}

/* The bytes of text[0, n) up to the end of its last whole character. */
static size_t whole_chars(const char *text, size_t n)
{
	size_t start = n;
	uint32_t cp;

	while (start > 0 && n - start < 4 && ((unsigned char)text[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0 && ((unsigned char)text[start - 1] & 0x80))
		start--;
	return start == n || cw_utf8_decode(text + start, n - start, &cp) == n - start ? n : start;
}

enum fmt_type {
	FT_NONE,
	FT_INT,
	FT_UINT,
	FT_LONG,
	FT_ULONG,
	FT_LLONG,
	FT_ULLONG,
	FT_SSIZE,
	FT_SIZE,
	FT_INTMAX,
	FT_UINTMAX,
	FT_PTRDIFF,
	FT_DOUBLE,
	FT_LDOUBLE,
	FT_STR,
	FT_PTR,
};

union fmt_value {
	int i;
	unsigned u;
	long l;
	unsigned long ul;
	long long ll;
	unsigned long long ull;
	ssize_t ss;
	size_t z;
	intmax_t j;
	uintmax_t uj;
	ptrdiff_t t;
	double d;
	long double ld;
	const char *s;
	void *p;
};

/* One conversion of a format, from its '%' to its letter. */
struct fmt_spec {
	const char *end;          /* just after it */
	int arg, warg, parg;      /* the value's, the width's, the precision's argument; -1 */
	int width, prec;          /* written in the format; -1 when not */
	char flags[8], length[3]; /* as written */
	char conv;                /* the letter */
	enum fmt_type type;       /* of the value */
};

/* A number written in the format at *p (at most 6 digits), or -1. */
static int fmt_number(const char **p)
{
	int n = 0, digits = 0;

	while (**p >= '0' && **p <= '9' && digits < 6) {
		n = n * 10 + (**p - '0');
		(*p)++;
		digits++;
	}
	return digits ? n : -1;
}

/* An argument's index written as "N$" at *p, or -1 (and *p as it was) when there is none. */
static int fmt_position(const char **p)
{
	const char *q = *p;
	int n = fmt_number(&q);

	if (n < 1 || *q != '$')
		return -1;
	*p = q + 1;
	return n - 1;
}

/* Reads the conversion at p (its '%'), numbering the arguments it takes from *next, or by the
 * positions it gives (*positional: 1 when they are given, 0 when not, -1 before the first).
 * 0, or -1 for what this does not take ("%n", "%ls", arguments numbered and not). */
static int fmt_parse(const char *p, struct fmt_spec *sp, int *next, int *positional)
{
	static const char *const lengths[] = {"hh", "h", "ll", "l", "z", "j", "t", "L"};
	int pos, unsign, len = 0;
	size_t nf = 0;

	memset(sp, 0, sizeof *sp);
	sp->arg = sp->warg = sp->parg = sp->width = sp->prec = -1;
	p++;
	pos = fmt_position(&p);
	if (*positional == -1)
		*positional = pos >= 0;
	if ((pos >= 0) != *positional)
		return -1;
	while (*p && strchr("-+ #0'", *p) && nf + 1 < sizeof sp->flags)
		sp->flags[nf++] = *p++;
	if (*p == '*') {
		p++;
		if ((sp->warg = *positional ? fmt_position(&p) : (*next)++) < 0)
			return -1;
	} else {
		sp->width = fmt_number(&p);
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			p++;
			if ((sp->parg = *positional ? fmt_position(&p) : (*next)++) < 0)
				return -1;
		} else if ((sp->prec = fmt_number(&p)) < 0) {
			sp->prec = 0;
		}
	}
	for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++)
		if (!strncmp(p, lengths[k], strlen(lengths[k]))) {
			len = (int)strlen(lengths[k]);
			memcpy(sp->length, p, (size_t)len);
			break;
		}
	p += len;
	sp->conv = *p;
	sp->end = p + 1;
	sp->arg = *positional ? pos : (*next)++;
	unsign = strchr("ouxX", sp->conv) != NULL;
	if (sp->conv && strchr("dicouxX", sp->conv)) {
		char l = sp->length[0], l2 = sp->length[1];

		if (sp->conv == 'c' && l)
			return -1; /* a wide character */
		sp->type = l == 'l' && l2 == 'l' ? (unsign ? FT_ULLONG : FT_LLONG)
			   : l == 'l'            ? (unsign ? FT_ULONG : FT_LONG)
			   : l == 'z'            ? (unsign ? FT_SIZE : FT_SSIZE)
			   : l == 'j'            ? (unsign ? FT_UINTMAX : FT_INTMAX)
			   : l == 't'            ? FT_PTRDIFF
			   : l == 'L'            ? FT_NONE
						 : (unsign ? FT_UINT : FT_INT);
	} else if (sp->conv && strchr("fFeEgGaA", sp->conv)) {
		sp->type = sp->length[0] == 'L' ? FT_LDOUBLE : sp->length[0] ? FT_NONE : FT_DOUBLE;
	} else if (sp->conv == 's' && !sp->length[0]) {
		sp->type = FT_STR;
	} else if (sp->conv == 'p' && !sp->length[0]) {
		sp->type = FT_PTR;
	}
	return sp->type == FT_NONE ? -1 : 0;
}

/* Text formatted so far: what fits in buf, and how long all of it is. */
struct fmt_out {
	char *buf;
	size_t len, n;
};

static void fmt_put(struct fmt_out *o, const char *s, size_t n)
{
	if (o->n < o->len) {
		size_t room = o->len - o->n - 1;

		memcpy(o->buf + o->n, s, n < room ? n : room);
		o->buf[o->n + (n < room ? n : room)] = '\0';
	}
	o->n += n;
}

static void fmt_pad(struct fmt_out *o, int cols)
{
	while (cols-- > 0)
		fmt_put(o, " ", 1);
}

/* A string bound by a precision written in the format: whole when it fits, else cut between
 * clusters, and marked "…" within the bound when that is long enough to be a text's. */
static void fmt_bounded(struct fmt_out *o, const struct fmt_spec *sp, int left, int width,
			const char *s)
{
	size_t prec = (size_t)sp->prec, n, keep;
	const char *mark = "";
	int shown;

	if (!s)
		s = "(null)";
	if (prec < FORMAT_MARK_FROM) {
		/* A fixed start: no further than the bound, as printf reads (an id's 8 digits
		 * may be an array of 8), without a character cut there. */
		n = strnlen(s, prec);
		keep = n < prec ? n : cut_at_cluster(s, whole_chars(s, n), n);
	} else if ((n = strnlen(s, prec + 1)) <= prec) {
		keep = n;
	} else {
		/* A text's: the byte after the bound says it goes on; a character that starts
		 * before the mark's room ends within the bound, so its cluster is seen. */
		keep = cut_at_cluster(s, n, prec - ELLIPSIS_LEN);
		while (keep > 0 && s[keep - 1] == ' ')
			keep--;
		mark = ELLIPSIS;
	}
	shown = (int)(keep + strlen(mark));
	if (!left)
		fmt_pad(o, width - shown);
	fmt_put(o, s, keep);
	fmt_put(o, mark, strlen(mark));
	if (left)
		fmt_pad(o, width - shown);
}

/* One conversion other than a bound string, by snprintf: its flags (and '-' when `left`), its
 * width and precision (-1: none), its length and letter. */
static void fmt_one(struct fmt_out *o, const struct fmt_spec *sp, int left, int width, int prec,
		    const union fmt_value *v)
{
	char spec[64];
	size_t room = o->n < o->len ? o->len - o->n : 0;
	char *dst = room ? o->buf + o->n : NULL;
	int n = -1, k;

	k = snprintf(spec, sizeof spec, "%%%s%s", sp->flags, left ? "-" : "");
	if (width >= 0)
		k += snprintf(spec + k, sizeof spec - (size_t)k, "%d", width);
	if (prec >= 0)
		k += snprintf(spec + k, sizeof spec - (size_t)k, ".%d", prec);
	snprintf(spec + k, sizeof spec - (size_t)k, "%s%c", sp->length, sp->conv);
	switch (sp->type) {
	case FT_INT:
		n = snprintf(dst, room, spec, v->i);
		break;
	case FT_UINT:
		n = snprintf(dst, room, spec, v->u);
		break;
	case FT_LONG:
		n = snprintf(dst, room, spec, v->l);
		break;
	case FT_ULONG:
		n = snprintf(dst, room, spec, v->ul);
		break;
	case FT_LLONG:
		n = snprintf(dst, room, spec, v->ll);
		break;
	case FT_ULLONG:
		n = snprintf(dst, room, spec, v->ull);
		break;
	case FT_SSIZE:
		n = snprintf(dst, room, spec, v->ss);
		break;
	case FT_SIZE:
		n = snprintf(dst, room, spec, v->z);
		break;
	case FT_INTMAX:
		n = snprintf(dst, room, spec, v->j);
		break;
	case FT_UINTMAX:
		n = snprintf(dst, room, spec, v->uj);
		break;
	case FT_PTRDIFF:
		n = snprintf(dst, room, spec, v->t);
		break;
	case FT_DOUBLE:
		n = snprintf(dst, room, spec, v->d);
		break;
	case FT_LDOUBLE:
		n = snprintf(dst, room, spec, v->ld);
		break;
	case FT_STR:
		n = snprintf(dst, room, spec, v->s);
		break;
	case FT_PTR:
		n = snprintf(dst, room, spec, v->p);
		break;
	case FT_NONE:
		break;
	}
	if (n > 0)
		o->n += (size_t)n;
}

/* The format with each value bound by a precision written in it cut by fmt_bounded; as
 * vsnprintf. -2, with ap untouched, for a format this does not take. */
static int format_bounded(char *buf, size_t len, const char *fmt, va_list ap)
{
	enum fmt_type types[FORMAT_ARGS_MAX] = {FT_NONE};
	union fmt_value vals[FORMAT_ARGS_MAX];
	struct fmt_spec sp;
	struct fmt_out o = {buf, len, 0};
	int next = 0, positional = -1, nargs = 0, bounded = 0;

	/* Every argument's type, from the conversions that take it. */
	for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
		int idx[3];

		if (p[1] == '%') {
			p += 2;
			continue;
		}
		if (fmt_parse(p, &sp, &next, &positional) != 0)
			return -2;
		idx[0] = sp.warg, idx[1] = sp.parg, idx[2] = sp.arg;
		for (int k = 0; k < 3; k++) {
			enum fmt_type t = k < 2 ? FT_INT : sp.type;

			if (idx[k] < 0)
				continue;
			if (idx[k] >= FORMAT_ARGS_MAX || (types[idx[k]] && types[idx[k]] != t))
				return -2;
			types[idx[k]] = t;
			nargs = idx[k] + 1 > nargs ? idx[k] + 1 : nargs;
		}
		bounded |= sp.conv == 's' && sp.prec > 0 && sp.parg < 0;
		p = sp.end;
	}
	if (!bounded)
		return -2; /* nothing to cut: vsnprintf does it all */
	for (int k = 0; k < nargs; k++)
		if (types[k] == FT_NONE)
			return -2; /* an argument no conversion takes: its type is unknown */
	for (int k = 0; k < nargs; k++)
		switch (types[k]) {
		case FT_INT:
			vals[k].i = va_arg(ap, int);
			break;
		case FT_UINT:
			vals[k].u = va_arg(ap, unsigned);
			break;
		case FT_LONG:
			vals[k].l = va_arg(ap, long);
			break;
		case FT_ULONG:
			vals[k].ul = va_arg(ap, unsigned long);
			break;
		case FT_LLONG:
			vals[k].ll = va_arg(ap, long long);
			break;
		case FT_ULLONG:
			vals[k].ull = va_arg(ap, unsigned long long);
			break;
		case FT_SSIZE:
			vals[k].ss = va_arg(ap, ssize_t);
			break;
		case FT_SIZE:
			vals[k].z = va_arg(ap, size_t);
			break;
		case FT_INTMAX:
			vals[k].j = va_arg(ap, intmax_t);
			break;
		case FT_UINTMAX:
			vals[k].uj = va_arg(ap, uintmax_t);
			break;
		case FT_PTRDIFF:
			vals[k].t = va_arg(ap, ptrdiff_t);
			break;
		case FT_DOUBLE:
			vals[k].d = va_arg(ap, double);
			break;
		case FT_LDOUBLE:
			vals[k].ld = va_arg(ap, long double);
			break;
		case FT_STR:
			vals[k].s = va_arg(ap, const char *);
			break;
		case FT_PTR:
			vals[k].p = va_arg(ap, void *);
			break;
		case FT_NONE:
			break;
		}
	/* Then the text, with the values. */
	if (len)
		buf[0] = '\0';
	next = 0;
	positional = -1;
	for (const char *p = fmt; *p;) {
		const char *pct = strchr(p, '%');
		int width, prec, left;

		if (!pct) {
			fmt_put(&o, p, strlen(p));
			break;
		}
		fmt_put(&o, p, (size_t)(pct - p));
		if (pct[1] == '%') {
			fmt_put(&o, "%", 1);
			p = pct + 2;
			continue;
		}
		fmt_parse(pct, &sp, &next, &positional);
		width = sp.warg >= 0 ? vals[sp.warg].i : sp.width;
		left = strchr(sp.flags, '-') != NULL;
		if (width < 0 && sp.warg >= 0) { /* a width given as a negative argument */
			left = 1;
			width = width == INT_MIN ? INT_MAX : -width;
		}
		prec = sp.parg >= 0 ? (vals[sp.parg].i < 0 ? -1 : vals[sp.parg].i) : sp.prec;
		if (sp.conv == 's' && sp.prec > 0 && sp.parg < 0)
			fmt_bounded(&o, &sp, left, width, vals[sp.arg].s);
		else
			fmt_one(&o, &sp, left && !strchr(sp.flags, '-'), width, prec,
				&vals[sp.arg]);
		p = sp.end;
	}
	return o.n > INT_MAX ? -1 : (int)o.n;
}

static int format_once(char *buf, size_t len, const char *fmt, va_list ap)
{
	int n = format_bounded(buf, len, fmt, ap);

	return n == -2 ? vsnprintf(buf, len, fmt, ap) : n;
}

int cw_text_vformat(char *buf, size_t len, const char *fmt, va_list ap)
{
	va_list again;
	char *full;
	int n;

	va_copy(again, ap);
	n = format_once(buf, len, fmt, ap);
	if (n >= 0 && (size_t)n >= len && len > 0) {
		/* Longer than buf: formatted again whole, and cut between clusters, with "…". */
		if (len > ELLIPSIS_LEN && (full = malloc((size_t)n + 1)) != NULL) {
			size_t keep;

			format_once(full, (size_t)n + 1, fmt, again);
			keep = cut_at_cluster(full, (size_t)n, len - 1 - ELLIPSIS_LEN);
			memcpy(buf, full, keep);
			memcpy(buf + keep, ELLIPSIS, ELLIPSIS_LEN + 1);
			free(full);
		} else {
			cw_text_trim_utf8(buf);
		}
	}
	va_end(again);
	return n;
}

int cw_text_format(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = cw_text_vformat(buf, len, fmt, ap);
	va_end(ap);
	return n;
}
