/* widget.c - paging, columns, fitted rows and the line editor; see widget.h. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "models/error.h"
#include "models/i18n.h"
#include "store/store.h"
#include "models/text.h"
#include "tui/widget.h"

/* ---- paging ----------------------------------------------------------------------------- */

static void pager_clamp(struct cw_pager *p)
{
	size_t h = (size_t)(p->height > 0 ? p->height : 1);

	if (p->count == 0) {
		p->cursor = p->top = 0;
		return;
	}
	if (p->cursor >= p->count)
		p->cursor = p->count - 1;
	if (p->cursor < p->top)
		p->top = p->cursor;
	if (p->cursor >= p->top + h)
		p->top = p->cursor - h + 1;
	/* No empty rows below the last item while earlier items are hidden. */
	if (p->top + h > p->count)
		p->top = p->count > h ? p->count - h : 0;
}

void cw_pager_update(struct cw_pager *p, size_t count, int height)
{
	p->count = count;
	p->height = height > 0 ? height : 1;
	pager_clamp(p);
}

void cw_pager_move(struct cw_pager *p, long delta)
{
	if (delta < 0 && (size_t)-delta > p->cursor)
		p->cursor = 0;
	else
		p->cursor = (size_t)((long)p->cursor + delta);
	pager_clamp(p);
}

void cw_pager_page(struct cw_pager *p, int down)
{
	size_t h = (size_t)(p->height > 0 ? p->height : 1);

	if (down) {
		p->top += h;
		p->cursor += h;
	} else {
		p->top = p->top > h ? p->top - h : 0;
		p->cursor = p->cursor > h ? p->cursor - h : 0;
	}
	pager_clamp(p);
}

void cw_pager_home(struct cw_pager *p)
{
	p->cursor = p->top = 0;
}

void cw_pager_end(struct cw_pager *p)
{
	p->cursor = p->count ? p->count - 1 : 0;
	pager_clamp(p);
}

/* ---- columns ---------------------------------------------------------------------------- */

/* Takes columns back until `*spare` is 0: one at a time from the column furthest above its
 * floor (the rightmost of equals), among those `which` says. */
static void columns_take(int *out, const int *floor, const struct cw_column *cols, int ncols,
			 int which, int *spare)
{
	while (*spare < 0) {
		int best = -1;

		for (int i = 0; i < ncols; i++)
			if ((which < 0 || (cols[i].weight > 0) == which) && out[i] > floor[i] &&
			    (best < 0 || out[i] - floor[i] >= out[best] - floor[best]))
				best = i;
		if (best < 0)
			return;
		out[best]--;
		(*spare)++;
	}
}

void cw_columns_layout(const struct cw_column *cols, int ncols, int width, const int *keep,
		       int *out)
{
	int used = ncols > 0 ? ncols - 1 : 0, weights = 0, spare, given = 0, last = -1;
	int base[CW_COLUMNS_MAX] = {0}, floor[CW_COLUMNS_MAX] = {0};

	if (ncols > CW_COLUMNS_MAX) /* a programming error: no row has that many */
		ncols = CW_COLUMNS_MAX;
	for (int i = 0; i < ncols; i++) {
		/* The minimums were chosen for the English titles: a translated title as wide as
		 * it is in its language, so it is never cut where there is room (the English
		 * layout stays as it was). */
		const char *title = cols[i].title ? _(cols[i].title) : NULL;
		int tw = title && title != cols[i].title ? cw_text_width(title) : 0,
		    k = keep && keep[i] > 0 ? keep[i] : 0,
		    words = cols[i].translated_width ? cols[i].translated_width() : 0;

		/* So are the words of the column, translated ("ដំណាក់កាលសំខាន់" is wider than
		 * "milestone"; it was cut at any width). */
		if (words > tw)
			tw = words;

		base[i] = k > cols[i].min ? k : cols[i].min;
		/* In a column of fixed width (the kind of record) those words are its data, as
		 * its min is in English: kept like it, not given back first as a heading's extra
		 * is (at 60 columns "ដំណាក់កាលសំ…" hid which kind of record a row is, while the
		 * free text beside it had room to give). */
		if (!cols[i].weight && words > base[i])
			base[i] = words;
		out[i] = tw > base[i] ? tw : base[i];
		used += out[i];
		weights += cols[i].weight;
		if (cols[i].weight)
			last = i;
	}
	spare = width - used;
	if (spare >= 0) {
		for (int i = 0; i < ncols && weights; i++) {
			int extra = spare * cols[i].weight / weights;

			out[i] += extra;
			given += extra;
		}
		if (last >= 0)
			out[last] += spare - given; /* rounding leftovers */
		return;
	}
	/* Narrower than that: first the titles' extra, so headings are cut before data ... */
	columns_take(out, base, cols, ncols, -1, &spare);
	/* ... then text that can be cut, down to what it keeps, the fixed columns next ... */
	for (int i = 0; i < ncols; i++) {
		int k = keep && keep[i] > 0 ? keep[i] : 0;

		floor[i] = k ? k : base[i] < CW_COLUMN_KEEP ? base[i] : CW_COLUMN_KEEP;
	}
	columns_take(out, floor, cols, ncols, 1, &spare);
	columns_take(out, floor, cols, ncols, 0, &spare);
	/* ... and at last from the right-hand (least important) end. */
	for (int i = ncols - 1; i >= 0 && spare < 0; i--) {
		int take = out[i] - 1 < -spare ? out[i] - 1 : -spare;

		out[i] -= take;
		spare += take;
	}
}

int cw_row_format(const char *const *cells, const int *widths, int ncols, char *out, size_t len)
{
	size_t n = 0;

	if (len == 0)
		return CW_ENOMEM;
	out[0] = '\0';
	for (int i = 0; i < ncols; i++) {
		char *safe = cw_text_for_terminal(cells[i] ? cells[i] : "", 0);
		/* A cell's bytes: up to 4 per column plus combining marks; be generous. */
		size_t cell_len = (size_t)widths[i] * 12 + 16;
		char *cell = malloc(cell_len);

		if (!safe || !cell) {
			free(safe);
			free(cell);
			return CW_ENOMEM;
		}
		cw_text_fit(safe, widths[i], 1, cell, cell_len);
		if (n + strlen(cell) + 2 >= len) {
			free(safe);
			free(cell);
			return CW_ENOMEM;
		}
		n += (size_t)snprintf(out + n, len - n, "%s%s", i ? " " : "", cell);
		free(safe);
		free(cell);
	}
	return 0;
}

#define ELLIPSIS "\xE2\x80\xA6"

int cw_articles_fit(const char *text, int cols, char *out, size_t len)
{
	size_t keep = 0; /* bytes of the whole articles kept, their last "/" included */
	int used = 0;

	if (len == 0)
		return 0;
	out[0] = '\0';
	if (cols <= 0 || len < sizeof ELLIPSIS)
		return 0;
	if (cw_text_width(text) <= cols && strlen(text) < len) {
		memcpy(out, text, strlen(text) + 1);
		return cw_text_width(out);
	}
	/* The articles up to each "/" in turn, measured as written, while they and the ellipsis
	 * fit (out holds them as they are measured). */
	for (const char *slash = strchr(text, '/'); slash; slash = strchr(slash + 1, '/')) {
		size_t n = (size_t)(slash - text) + 1;
		int w;

		if (n + sizeof ELLIPSIS > len)
			break;
		memcpy(out, text, n);
		out[n] = '\0';
		if ((w = cw_text_width(out)) + 1 > cols)
			break;
		keep = n, used = w;
	}
	/* Not even the first article fits: a law's name before it is shown as far as it fits
	 * ("LNIPT…" for "LNIPT 231/494", rather than "…" alone), never its number
	 * (cw_text_fit cuts before one); an article of the Criminal Code starts with its number,
	 * and "437…" would read as article 437: "…" alone. */
	if (keep == 0 && !isdigit((unsigned char)text[0])) {
		size_t first = strcspn(text, "/");
		char *one = strndup(text, first);
		int w = one ? cw_text_fit(one, cols, 0, out, len) : 0;

		free(one);
		if (w > 1) /* a letter of the name at least */
			return w;
	}
	memcpy(out + keep, ELLIPSIS, sizeof ELLIPSIS);
	return used + 1;
}

int cw_day_fit(const char *text, int cols, char *out, size_t len)
{
	const char *space = strrchr(text, ' ');
	const char *date = space ? space + 1 : text;
	int dw = cw_text_width(date), used;
	char *name;

	if (len == 0)
		return 0;
	if (cw_text_width(text) <= cols || dw >= cols - 1 || !space)
		/* Whole; or the date alone, cut only when even it is wider than the column. */
		return cw_text_fit(cw_text_width(text) <= cols ? text : date, cols, 0, out, len);
	if (!(name = strndup(text, (size_t)(space - text))))
		return cw_text_fit(date, cols, 0, out, len);
	used = cw_text_fit(name, cols - dw - 1, 0, out, len);
	free(name);
	/* Not one letter of the name fits: the date alone, rather than "… 2026-12-06". */
	if (strcmp(out, ELLIPSIS) == 0 || used == 0)
		return cw_text_fit(date, cols, 0, out, len);
	if (strlen(out) + 1 + strlen(date) >= len)
		return cw_text_fit(date, cols, 0, out, len);
	strcat(out, " ");
	strcat(out, date);
	return used + 1 + dw;
}

/* ---- line editor ------------------------------------------------------------------------ */

static int edit_reserve(struct cw_edit *e, size_t more)
{
	if (e->len + more + 1 > e->cap) {
		size_t cap = e->cap ? e->cap : 64;
		char *grown;

		while (cap < e->len + more + 1)
			cap *= 2;
		/* Not realloc: what was typed (a witness's name) is wiped from the block left. */
		if (!(grown = malloc(cap)))
			return CW_ENOMEM;
		if (!e->buf) { /* a fresh edit is the empty text */
			grown[0] = '\0', e->len = e->cursor = 0;
		} else {
			memcpy(grown, e->buf, e->len + 1);
			explicit_bzero(e->buf, e->cap);
			free(e->buf);
		}
		e->buf = grown;
		e->cap = cap;
	}
	return 0;
}

int cw_edit_set(struct cw_edit *e, const char *text)
{
	size_t n = text ? strlen(text) : 0;

	e->len = e->cursor = 0;
	if (edit_reserve(e, n) != 0)
		return CW_ENOMEM;
	memcpy(e->buf, text ? text : "", n);
	e->len = e->cursor = n;
	e->buf[n] = '\0';
	return 0;
}

void cw_edit_free(struct cw_edit *e)
{
	if (e->buf)
		explicit_bzero(e->buf, e->cap);
	free(e->buf);
	e->buf = NULL;
	e->len = e->cap = e->cursor = 0;
}

const char *cw_edit_text(const struct cw_edit *e)
{
	return e->buf ? e->buf : "";
}

int cw_edit_insert(struct cw_edit *e, unsigned cp)
{
	char u[4];
	size_t n;

	if ((cp < 0x20 && !(cp == '\n' && e->multiline)) || cp == 0x7F ||
	    (cp >= 0x80 && cp < 0xA0) || cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
		return CW_EINVAL;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	if (edit_reserve(e, n) != 0)
		return CW_ENOMEM;
	memmove(e->buf + e->cursor + n, e->buf + e->cursor, e->len - e->cursor + 1);
	memcpy(e->buf + e->cursor, u, n);
	e->len += n;
	e->cursor += n;
	return 0;
}

/* Byte offset of the character before / after `at`. */
static size_t prev_char(const struct cw_edit *e, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)e->buf[at] & 0xC0) == 0x80)
		at--;
	return at;
}

/* The cursor steps over whole clusters (a Khmer vowel sign stays with its letter), so text
 * typed is never put inside one; Backspace still takes one character, to mend a sign. */
void cw_edit_left(struct cw_edit *e)
{
	e->cursor = cw_text_prev_cluster(e->buf ? e->buf : "", e->len, e->cursor);
}

void cw_edit_right(struct cw_edit *e)
{
	e->cursor = cw_text_next_cluster(e->buf ? e->buf : "", e->len, e->cursor);
}

void cw_edit_home(struct cw_edit *e)
{
	e->cursor = 0;
}

void cw_edit_end(struct cw_edit *e)
{
	e->cursor = e->len;
}

static void edit_remove(struct cw_edit *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
}

void cw_edit_backspace(struct cw_edit *e)
{
	edit_remove(e, prev_char(e, e->cursor), e->cursor);
}

void cw_edit_delete(struct cw_edit *e)
{
	edit_remove(e, e->cursor, cw_text_next_cluster(e->buf ? e->buf : "", e->len, e->cursor));
}

void cw_edit_kill_word(struct cw_edit *e)
{
	size_t at = e->cursor;

	while (at > 0 && (e->buf[at - 1] == ' ' || e->buf[at - 1] == '\n'))
		at--;
	while (at > 0 && e->buf[at - 1] != ' ' && e->buf[at - 1] != '\n')
		at--;
	edit_remove(e, at, e->cursor);
}

/* The columns of the character at text[off] (before `to`), as cw_text_wrap counts them, and
 * its length into *len. */
static int char_cols(const char *text, size_t off, size_t to, size_t *len)
{
	uint32_t cp;
	int w;

	if ((*len = cw_utf8_decode(text + off, to - off, &cp)) == 0)
		*len = 1, cp = 0xFFFD;
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

/* The display width of text[from, to). */
static int span_width(const char *text, size_t from, size_t to)
{
	int cols = 0;

	for (size_t off = from, len; off < to; off += len)
		cols += char_cols(text, off, to, &len);
	return cols;
}

size_t cw_edit_wrap(const struct cw_edit *e, int cols, struct cw_wrap_row *rows, size_t max,
		    int *cur_row, int *cur_col)
{
	const char *text = cw_edit_text(e);
	size_t len = strlen(text), off = 0, n = 0;
	int width = cols > 1 ? cols - 1 : 1, found = 0;

	*cur_row = *cur_col = 0;
	for (;;) {
		size_t step = off < len ? cw_text_wrap(text + off, width) : 0, next = off + step,
		       shown = step;
		int newline = step && text[next - 1] == '\n';

		if (newline)
			shown--;
		if (n < max)
			rows[n] = (struct cw_wrap_row){off, shown};
		/* The cursor is on this row before its end; at its end only when the row ends the
		 * text or a line (a wrapped row's end is the next row's start). */
		if (!found && e->cursor >= off &&
		    (e->cursor < off + shown ||
		     (e->cursor == off + shown && (newline || next >= len)))) {
			found = 1;
			*cur_row = (int)n;
			*cur_col = span_width(text, off, e->cursor);
			if (*cur_col > width)
				*cur_col = width;
		}
		n++;
		if (next >= len && !newline)
			return n;
		off = next;
	}
}

int cw_edit_move_row(struct cw_edit *e, int cols, int delta)
{
	const char *text = cw_edit_text(e);
	struct cw_wrap_row *rows;
	size_t n, off, end, len;
	int row, col, used = 0, wrapped, w;

	if (cols <= 0)
		return 0;
	n = cw_edit_wrap(e, cols, NULL, 0, &row, &col);
	if (row + delta < 0 || (size_t)(row + delta) >= n || !(rows = calloc(n, sizeof *rows)))
		return 0;
	cw_edit_wrap(e, cols, rows, n, &row, &col);
	off = rows[row + delta].start;
	end = off + rows[row + delta].len;
	/* The end of a row wrapped there is where the next one starts, which shows the cursor on
	 * that next row: stay before its last character instead. */
	wrapped = (size_t)(row + delta) + 1 < n && text[end] != '\n';
	free(rows);
	for (; off < end; off += len, used += w) {
		w = char_cols(text, off, end, &len);
		if ((w > 0 && used + w > col) || (wrapped && off + len >= end))
			break;
	}
	e->cursor = off;
	return 1;
}

void cw_edit_cursor_pos(const struct cw_edit *e, int *line, int *col)
{
	size_t start = 0;

	*line = 0;
	for (size_t i = 0; i < e->cursor; i++)
		if (e->buf[i] == '\n') {
			(*line)++;
			start = i + 1;
		}
	*col = e->buf ? span_width(e->buf, start, e->cursor) : 0;
}

/* ---- the filter line ------------------------------------------------------------------- */

void cw_filter_state_init(struct cw_filter_state *s)
{
	s->line[0] = '\0';
	cw_filter_init(&s->f);
}

int cw_filter_state_apply(struct cw_filter_state *s, const char *line, struct cw_error *err)
{
	struct cw_filter f;
	int rc;

	if (strlen(line) >= sizeof s->line)
		return cw_error_set(err, CW_EINVAL, "filter", "too long");
	cw_filter_init(&f);
	if ((rc = cw_filter_parse_line(line, &f, err)) != 0)
		return rc;
	if (cw_date_is_known(f.since) && cw_date_is_known(f.until) &&
	    cw_date_compare(f.since, f.until) > 0)
		return cw_error_set(err, CW_EINVAL, "until", "is before since");
	s->f = f;
	/* "since:monday" shows as the day it gave. */
	if (f.relative)
		cw_filter_describe(&s->f, s->line, sizeof s->line);
	else
		snprintf(s->line, sizeof s->line, "%s", line);
	return 0;
}

void cw_filter_state_clear(struct cw_filter_state *s)
{
	cw_filter_state_init(s);
}

int cw_filter_state_quick(struct cw_filter_state *s, const char *articles, struct cw_error *err)
{
	struct cw_filter f = s->f;
	struct cw_article want[CW_ARTICLE_LIST_MAX];
	size_t n;
	int same;
	int rc;

	if ((rc = cw_article_parse_list(articles, want, CW_ARTICLE_LIST_MAX, &n, "article", err)) !=
	    0)
		return rc;
	same = n == f.narticles;
	for (size_t i = 0; same && i < n; i++)
		same = cw_article_same(&want[i], &f.articles[i]);
	if (same) {
		f.narticles = 0;
	} else {
		memcpy(f.articles, want, n * sizeof want[0]);
		f.narticles = n;
	}
	s->f = f;
	cw_filter_describe(&s->f, s->line, sizeof s->line);
	return 0;
}

void cw_filter_state_for_list(const struct cw_filter_state *s, enum cw_kind list_kind,
			      struct cw_filter *out, uint32_t *default_kinds, int *kind_ignored)
{
	*out = s->f;
	*kind_ignored = 0;
	if (list_kind == CW_KIND_NONE) {
		*default_kinds = CW_KINDS_EVENTS;
		return;
	}
	*kind_ignored = out->kinds != 0;
	out->kinds = CW_KIND_BIT(list_kind);
	*default_kinds = CW_KIND_BIT(list_kind);
}
