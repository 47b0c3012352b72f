/* output.h - aligned, terminal-safe text output for the command line.
 *
 * Every string from the database passes through cw_text_for_terminal before it is printed;
 * column widths are display widths (wcwidth), so Khmer names align. */
#ifndef CW_OUTPUT_H
#define CW_OUTPUT_H

#include <stdio.h>

#define CW_TABLE_MAX_COLS 8

/* How a column gives room back when a table is wider than the terminal. A monitor reads a
 * list by its ids, dates and kinds (an id cut is an id that cannot be typed back), so those
 * stay whole; long free text says least at a glance, so it is narrowed first and left out
 * first. */
enum cw_column_fit {
	CW_COLUMN_CUT = 0, /* names, titles, articles: narrowed after free text */
	CW_COLUMN_WHOLE,   /* ids, dates, kinds, short words: never cut */
	CW_COLUMN_FREE,    /* notes, outcomes, places: narrowed first, left out first */
};

struct cw_table {
	int ncols;
	const char *headers[CW_TABLE_MAX_COLS];
	int min_width[CW_TABLE_MAX_COLS]; /* a column that is cut keeps at least this (0: none) */
	unsigned char fit[CW_TABLE_MAX_COLS]; /* enum cw_column_fit; CW_COLUMN_CUT unless set */
	char **cells;                         /* rows * ncols, neutralised copies */
	size_t rows;
	size_t cap;
};

/* headers: the column titles as N_() msgids, translated here. */
void cw_table_init(struct cw_table *t, int ncols, const char *const *headers);
/* Adds a row of ncols cells (NULL cells print empty). Returns 0 or CW_ENOMEM. */
int cw_table_add(struct cw_table *t, const char *const *cells);
/* Prints the table fitted to `width` display columns (by wcwidth, so Khmer aligns). Too wide,
 * columns give room back by their fit, each time from the widest: free text down to 16
 * columns, then the others that may be cut; then both down to 8, then to 6 (never below
 * min_width); cut text ends with "…" and a Khmer cluster is never split. Still too wide,
 * columns are left out, free text first and from the right, and a line after the table
 * names them. The whole columns are never cut: a terminal narrower than they are wraps them.
 * A width of 0 or less prints every cell whole, the columns still aligned. */
void cw_table_print(const struct cw_table *t, FILE *out, int width);
void cw_table_free(struct cw_table *t);

/* Prints text (not yet neutralised) wrapped to `width` display columns at spaces (Khmer at
 * its zero-width spaces, never inside a cluster), the lines after the first indented by
 * `indent` columns, then a newline. A width of 0 or less prints it on one line. */
void cw_print_wrapped(FILE *out, const char *text, int width, int indent);

/* The width to fit output to: 0 (no limit: whole cells) when out is not a terminal, else
 * the terminal's width, else $COLUMNS, else 160. */
int cw_output_width(FILE *out);

/* Prints text neutralised for the terminal (keep_newlines for multi-line notes). */
void cw_print_safe(FILE *out, const char *text, int keep_newlines);

#endif
