/* output.h - aligned, terminal-safe text output for the command line.
 *
 * Every string from the database passes through cw_text_for_terminal before it is printed;
 * column widths are display widths (wcwidth), so Khmer names align. */
#ifndef CW_OUTPUT_H
#define CW_OUTPUT_H

#include <stdio.h>

#define CW_TABLE_MAX_COLS 8

struct cw_table {
	int ncols;
	const char *headers[CW_TABLE_MAX_COLS];
	int min_width[CW_TABLE_MAX_COLS]; /* columns that never shrink below this */
	char **cells;                     /* rows * ncols, neutralised copies */
	size_t rows;
	size_t cap;
};

/* headers: the column titles as N_() msgids, translated here. */
void cw_table_init(struct cw_table *t, int ncols, const char *const *headers);
/* Adds a row of ncols cells (NULL cells print empty). Returns 0 or CW_ENOMEM. */
int cw_table_add(struct cw_table *t, const char *const *cells);
/* Prints the table fitted to `width` columns: widest columns shrink first, cut text ends
 * with "…". A width of 0 or less prints every cell whole, the columns still aligned. */
void cw_table_print(const struct cw_table *t, FILE *out, int width);
void cw_table_free(struct cw_table *t);

/* The width to fit output to: 0 (no limit: whole cells) when out is not a terminal, else
 * the terminal's width, else $COLUMNS, else 160. */
int cw_output_width(FILE *out);

/* Prints text neutralised for the terminal (keep_newlines for multi-line notes). */
void cw_print_safe(FILE *out, const char *text, int keep_newlines);

#endif
