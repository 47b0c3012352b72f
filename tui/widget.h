/* widget.h - the parts of the terminal interface that do not draw: list paging, column
 * layout, rows of fitted cells, and the line editor. Tested without a terminal
 * (tests/check_tui.c). */
#ifndef CW_WIDGET_H
#define CW_WIDGET_H

#include <stddef.h>
#include <stdint.h>

#include "models/filter.h"

/* ---- paging ----------------------------------------------------------------------------- */

/* A window of `height` rows over `count` items, with a cursor. The view fetches only the items
 * [top, top + height) from the store. */
struct cw_pager {
	size_t count;  /* items that match */
	size_t top;    /* first visible item */
	size_t cursor; /* selected item */
	int height;    /* visible rows, at least 1 */
};

/* Sets count and height (after a refresh or a resize) and clamps cursor and top so that the
 * cursor stays visible and no rows are wasted at the end. */
void cw_pager_update(struct cw_pager *p, size_t count, int height);
/* Moves the cursor by delta rows (clamped), scrolling as little as needed. */
void cw_pager_move(struct cw_pager *p, long delta);
/* Page down/up: the cursor and the window move by a screenful. */
void cw_pager_page(struct cw_pager *p, int down);
void cw_pager_home(struct cw_pager *p);
void cw_pager_end(struct cw_pager *p);

/* ---- columns ---------------------------------------------------------------------------- */

struct cw_column {
	const char *title;
	int min;    /* never narrower (unless the screen is) */
	int weight; /* share of the spare width; 0 keeps the column at min */
	/* A column of a few words the program writes (the kind of record, a case's stage): the
	 * width of the widest in the reader's language when it is not English (0 otherwise),
	 * given as a translated title's is, where there is room. NULL: none. */
	int (*translated_width)(void);
};

/* The columns a cell that can be cut keeps on a narrow screen, unless told otherwise. */
#define CW_COLUMN_KEEP 4
#define CW_COLUMNS_MAX 16

/* Widths for ncols (at most CW_COLUMNS_MAX) columns separated by one space in `width` columns. Each
 * column is at least its min, its title's display width in a translation (a translated title is not
 * cut where there is room), and keep[i] when keep is not NULL (what a cell must show: the articles
 * filtered on); the spare width goes by weight. Narrower than that, the room is taken back in
 * this order, each time from the widest column first (the rightmost of equals): the width
 * translated titles took beyond their min (a heading is cut before the data under it); the
 * columns with a weight, down to keep[i], else CW_COLUMN_KEEP; the others likewise; then any
 * column, the rightmost first, down to one. */
void cw_columns_layout(const struct cw_column *cols, int ncols, int width, const int *keep,
		       int *out);

/* Writes one line of cells fitted to the widths (display columns, by wcwidth): each cell
 * neutralised for the terminal, cut with "…" and padded, separated by one space. The line is
 * exactly the sum of widths plus separators wide. Returns 0 or CW_ENOMEM. */
int cw_row_format(const char *const *cells, const int *widths, int ncols, char *out, size_t len);

/* Cells cut in their own way, before cw_row_format (which then leaves them whole), each not
 * padded and returning the columns it wrote. */

/* An articles text as the lists write it ("494/495/437 bis") fitted to cols columns: whole when
 * it fits, else cut after the last whole article that fits, with "…" ("494/495/…"), never
 * inside one: "494/49…" read as article 49, "494/495/43…" hid 437 bis. When not even the
 * first article fits: the law's name before its number as far as it fits ("LNIPT…"), else
 * just "…". */
int cw_articles_fit(const char *text, int cols, char *out, size_t len);

/* A day as the agenda writes it, a weekday's name and a date ("Sun 2026-12-06"), fitted to cols
 * columns: the date (the last word) is never cut; the name before it is shortened with "…" (by
 * cw_text_fit: never inside a Khmer cluster), and left out when not one letter of it fits. The
 * date itself is cut only when it is wider than cols. */
int cw_day_fit(const char *text, int cols, char *out, size_t len);

/* ---- line editor ------------------------------------------------------------------------ */

/* UTF-8 text with a cursor (a byte offset on a character boundary). */
struct cw_edit {
	char *buf;
	size_t len, cap, cursor;
	int multiline; /* newlines may be inserted */
};

int cw_edit_set(struct cw_edit *e, const char *text);
void cw_edit_free(struct cw_edit *e);
const char *cw_edit_text(const struct cw_edit *e); /* never NULL */
/* Inserts a code point at the cursor. Control characters other than a newline (in a
 * multi-line edit) are refused with CW_EINVAL. */
int cw_edit_insert(struct cw_edit *e, unsigned cp);
void cw_edit_left(struct cw_edit *e);
void cw_edit_right(struct cw_edit *e);
void cw_edit_home(struct cw_edit *e);
void cw_edit_end(struct cw_edit *e);
void cw_edit_backspace(struct cw_edit *e);
void cw_edit_delete(struct cw_edit *e);
void cw_edit_kill_word(struct cw_edit *e);
/* The display column of the cursor within its line, and the line number (multi-line). */
void cw_edit_cursor_pos(const struct cw_edit *e, int *line, int *col);

/* One row of a wrapped text: the bytes [start, start + len) of it (without the newline that
 * ends the row, if one does). */
struct cw_wrap_row {
	size_t start, len;
};

/* A multi-line edit as a field of `cols` columns shows it: wrapped as cw_text_wrap wraps (by
 * display width, after a space or a Khmer word break where one fits, never inside a character
 * or a Khmer cluster), at cols - 1 so that the cursor after a row's last character is still in
 * the field. Fills rows[0..max) and returns how many rows there are (max or more when they did
 * not all fit): one at least, and an empty one after a final newline. *cur_row and *cur_col
 * say where the cursor shows: a cursor where a row was wrapped is at the start of the next
 * one, where the next character typed goes. */
size_t cw_edit_wrap(const struct cw_edit *e, int cols, struct cw_wrap_row *rows, size_t max,
		    int *cur_row, int *cur_col);
/* Up (delta -1) or Down (+1) in such a text: the cursor to the row above or below at the
 * display column it is at (never inside a character; marks that take no column stay with
 * theirs, and where a row was wrapped, before its last character, so that it shows on that
 * row). 0, the cursor where it was, when there is no such row. */
int cw_edit_move_row(struct cw_edit *e, int cols, int delta);

/* ---- the filter line ------------------------------------------------------------------- */

#define CW_FILTER_LINE_MAX 400

/* The active filter and the line that made it. A line that fails to parse changes nothing. */
struct cw_filter_state {
	char line[CW_FILTER_LINE_MAX];
	struct cw_filter f;
};

void cw_filter_state_init(struct cw_filter_state *s);
/* Parses line with cw_filter_parse_line (the command line's syntax); on success it becomes
 * the active filter, on error the old one stays and err names the criterion. */
int cw_filter_state_apply(struct cw_filter_state *s, const char *line, struct cw_error *err);
void cw_filter_state_clear(struct cw_filter_state *s);
/* A quick key: filters on these articles (keeping the other criteria), or, when exactly
 * these articles are the article filter already, removes it. */
int cw_filter_state_quick(struct cw_filter_state *s, const char *articles, struct cw_error *err);
/* The filter for one list: the records list honours kind:, the lists of cases and people
 * show their own kind (and *kind_ignored says a kind: was left out). */
void cw_filter_state_for_list(const struct cw_filter_state *s, enum cw_kind list_kind,
			      struct cw_filter *out, uint32_t *default_kinds, int *kind_ignored);

#endif
