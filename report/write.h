/* write.h - a gathered report written as Markdown, HTML, CSV or JSON, to a file through
 * store/outfile.h (whole or not at all, mode 0600). Used by both front ends; no curses, no
 * option parsing.
 *
 * Every string from the database is neutralised (cw_text_for_terminal, newlines kept) and then
 * escaped for its format, so no record can break a table, a cell or a file. Dates are calendar
 * days as monitors wrote them, local to Cambodia (UTC+7, Asia/Phnom_Penh).
 * May use: models/, store/, report/. */
#ifndef CW_REPORT_WRITE_H
#define CW_REPORT_WRITE_H

#include <stdio.h>

#include "models/filter.h"
#include "report/report.h"
#include "store/outfile.h"

enum cw_report_format {
	CW_REPORT_MD,
	CW_REPORT_HTML,
	CW_REPORT_CSV,
	CW_REPORT_JSON,
};

/* "md", "html", "csv", "json" (also "markdown"); -1 when none. */
int cw_report_format_parse(const char *word);
/* File extension without the dot: "md", "html", "csv", "json". */
const char *cw_report_format_ext(enum cw_report_format fmt);

/* Writes a gathered report in a format. */
int cw_report_write(const struct cw_report *r, enum cw_report_format fmt, FILE *out,
		    struct cw_error *err);

/* For the TUI's key: gathers and writes the summary of the filter's own date range when it has
 * one (since/until), else of the ISO week that contains `today`, to
 * DIR/casewatch-summary-2024-W06.md (or -2024-02-01_2024-02-29 for a range) and puts the path
 * in path_out. The file appears whole or not at all, mode 0600 (store/outfile.h). `dir` NULL
 * means the current directory. */
int cw_report_write_file(struct cw_store *st, const struct cw_filter *filter, struct cw_date today,
			 enum cw_report_format fmt, const char *dir, char *path_out,
			 size_t path_len, struct cw_error *err);

/* The error of writing to out having failed (ferror): CW_EIO, field "output", saying "the disk
 * is full" whenever it is (cw_write_error_text), with errnum the errno of the failure (0 when
 * lost). */
int cw_write_failed(FILE *out, int errnum, struct cw_error *err);

#endif
