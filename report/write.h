/* write.h - a gathered report written as Markdown, HTML, CSV, JSON or PDF, to a file through
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
#include "store/signature.h"
#include "store/outfile.h"

enum cw_report_format {
	CW_REPORT_MD,
	CW_REPORT_HTML,
	CW_REPORT_CSV,
	CW_REPORT_JSON,
	CW_REPORT_PDF, /* laid out with Pango (Khmer shaped by HarfBuzz), drawn by cairo */
};

/* "md", "html", "csv", "json", "pdf" (also "markdown"); -1 when none. */
int cw_report_format_parse(const char *word);
/* File extension without the dot: "md", "html", "csv", "json", "pdf". */
const char *cw_report_format_ext(enum cw_report_format fmt);

/* Whether the writers cut marks stacked on one letter, as text drawn on a terminal is cut
 * (models/text.h): for a document written to a terminal (a name sent to smear the rows around
 * it). A file keeps every name as recorded (it may be signed). Off until set, for the process
 * (report/write.c). */
void cw_rtext_for_terminal(int on);
/* Writes a gathered report in a format. */
int cw_report_write(const struct cw_report *r, enum cw_report_format fmt, FILE *out,
		    struct cw_error *err);

/* The file name of a week's summary: "casewatch-summary-2024-W06.md", and with what the
 * filter asks when it asks anything (its dates aside: the week is the period), so that two
 * summaries of one week for two filters are two files, each saying what it holds:
 * "casewatch-summary-2024-W06-article-494-495.md". filter may be NULL. `withheld` is the
 * report's filter_withheld (CW_REPORT_WITHHELD_*): those criteria are named "confidential", as
 * the header names them, since the file's name travels with it. At most
 * CW_REPORT_WEEK_FILE_MAX bytes with its NUL. */
#define CW_REPORT_FILTER_SLUG_MAX 64
#define CW_REPORT_WEEK_FILE_MAX   (40 + CW_REPORT_FILTER_SLUG_MAX + 24)
void cw_report_week_file(int year, int week, const struct cw_filter *filter, unsigned withheld,
			 enum cw_report_format fmt, char *out, size_t len);

/* For the terminal interface's W: gathers the summary of an ISO week for what the filter admits
 * (its own dates are not used); confidential records are left out unless include_confidential
 * (out->confidential.records says how many were). The caller frees *out with cw_report_free,
 * also on failure. */
int cw_report_week_build(struct cw_store *st, const struct cw_filter *filter, int year, int week,
			 int include_confidential, struct cw_report *out, struct cw_error *err);
/* Writes a gathered summary in fmt to `path`, whole or not at all, mode 0600
 * (store/outfile.h), making its folder (mode 0700) when it is missing, with `about` in its
 * header (may be NULL). When `text` is not NULL it receives the same summary as Markdown, to
 * show (malloc'd; the caller frees it). With `sign` (a store, not NULL), PATH.sig too:
 * its signature of the bytes written (cw_signing_open). */
int cw_report_write_built(struct cw_report *r, const struct cw_report_about *about,
			  enum cw_report_format fmt, const char *path, struct cw_store *sign,
			  char **text, struct cw_error *err);
/* Both at once. */
int cw_report_write_week(struct cw_store *st, const struct cw_filter *filter, int year, int week,
			 const struct cw_report_about *about, int include_confidential,
			 enum cw_report_format fmt, const char *path, int sign, char **text,
			 struct cw_error *err);

/* Signing what is written (store/signature.h): a stream in front of the file's own that
 * passes every byte on and through a digest, so that what is signed is what was written,
 * never what is at the path when it would be read back. */
struct cw_signing {
	FILE *to;
	struct cw_file_digest digest;
};
/* The stream to write to: `to` itself when !sign, else one in front of it (NULL: out of
 * memory). */
FILE *cw_signing_open(struct cw_signing *s, FILE *to, int sign);
/* Puts what the stream holds into `to` (nothing when it is `to`); rc, or the failure. */
int cw_signing_end(FILE *stream, FILE *to, int rc, struct cw_error *err);
/* Before anything is written at path: refuses (as cw_outfile_check_target) a PATH.sig that
 * cannot be replaced by a signature (a folder, a device, a pipe), so that a signed write that
 * would fail at its end fails first, with the file at path as it was. */
int cw_signing_check(const char *path, struct cw_error *err);
/* Once the file is in place at path: PATH.sig, whole or not at all, signed by st's identity
 * at now_us. When it cannot be made, the file is removed too (it says in its header that it is
 * signed) and so is any PATH.sig left from before, and the error says so. */
int cw_signing_write(struct cw_store *st, struct cw_signing *s, const char *path, int64_t now_us,
		     struct cw_error *err);
/* After an unsigned file is written at path: a PATH.sig there is another content's signature,
 * which would read as tampering; it is removed. */
void cw_signing_forget(const char *path);

/* The error of writing to out having failed (ferror): CW_EIO, field "output", saying "the disk
 * is full" whenever it is (cw_write_error_text), with errnum the errno of the failure (0 when
 * lost). */
int cw_write_failed(FILE *out, int errnum, struct cw_error *err);

#endif
