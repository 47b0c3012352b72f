/* cli_report.h - weekly summaries and exports: the `report` and `export` commands, the function
 * the TUI binds to a key, and (below the line) what the format modules tui/report_*.c share.
 *
 * A summary is gathered by store/report.h and written here as Markdown, HTML, CSV or JSON.
 * Every string from the database is neutralised (cw_text_for_terminal, newlines kept) and
 * then escaped for its format, so no record can break a table, a cell or a file. Dates are
 * calendar days as monitors wrote them, local to Cambodia (UTC+7, Asia/Phnom_Penh). */
#ifndef CW_CLI_REPORT_H
#define CW_CLI_REPORT_H

#include <stdio.h>

#include "cli.h"
#include "models/filter.h"
#include "store/report.h"

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
 * in path_out. The file appears whole or not at all (written beside, then renamed). `dir` NULL
 * means the current directory. */
int cw_report_write_file(struct cw_store *st, const struct cw_filter *filter, struct cw_date today,
			 enum cw_report_format fmt, const char *dir, char *path_out,
			 size_t path_len, struct cw_error *err);

/* The commands, for cli.c's table. */
int cw_cmd_report(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
int cw_cmd_export(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
extern const char cw_report_help[];
extern const char cw_export_help[];

/* ---- shared by tui/report_*.c only ------------------------------------------------------- */

/* A report as sections of plain-text rows (neutralised, not yet escaped). Every row has every
 * column; each section says which it shows under which heading. CSV writes all columns as one
 * long table with a section column; Markdown and HTML write each section's own. */
enum cw_rcol {
	CW_RC_LABEL,
	CW_RC_ID,
	CW_RC_DATE,
	CW_RC_CASE_ID,
	CW_RC_CASE,
	CW_RC_PERSON_IDS,
	CW_RC_PEOPLE,
	CW_RC_PLACE,
	CW_RC_STAGE,
	CW_RC_OUTCOME,
	CW_RC_ARTICLES,
	CW_RC_NEXT_DATE,
	CW_RC_CONCERNS,
	CW_RC_DETAIL,
	CW_RC_COUNT,
	CW_RC_PREVIOUS,
	CW_RC_NCOLS
};
extern const char *const cw_rcol_names[CW_RC_NCOLS]; /* CSV header: "label", "record_id", ... */

#define CW_RSECTION_COLS 10

struct cw_rsection {
	const char *name;  /* stable: "hearings", "arrests_charges", ... */
	const char *title; /* "Hearings monitored" */
	const char *empty; /* shown when there are no rows */
	char *note;        /* a line under the title, or NULL */
	int ncols;
	enum cw_rcol cols[CW_RSECTION_COLS];
	const char *headers[CW_RSECTION_COLS];
	char header_text[CW_RSECTION_COLS][48];
	int wants_note;
	char **cells; /* nrows * CW_RC_NCOLS, NULL for empty */
	size_t nrows;
};

#define CW_RDOC_SECTIONS 12

struct cw_rdoc {
	char title[160];
	char period[96]; /* "2024-02-05 to 2024-02-11 (ISO week 2024-W06)" */
	char *filter;    /* the filter line, "" when none (neutralised) */
	int empty;       /* nothing in the range */
	struct cw_rsection sections[CW_RDOC_SECTIONS];
	size_t nsections;
};

int cw_rdoc_build(const struct cw_report *r, struct cw_rdoc *doc);
void cw_rdoc_free(struct cw_rdoc *doc);
#define CW_RDOC_CELL(s, row, col) ((s)->cells[(row)*CW_RC_NCOLS + (col)])

/* The sentence every format prints for a report with nothing in it, and the note on time. */
extern const char cw_report_empty_text[];
extern const char cw_report_time_note[];

/* Text helpers. cw_rtext returns a neutralised copy ("" for NULL; NULL only out of memory).
 * cw_person_text: "Name (Khmer name)", or the id's first 8 digits when the person is gone. */
char *cw_rtext(const char *s);
void cw_person_text(const struct cw_report *r, const struct cw_id *id, char *buf, size_t len);

int cw_report_write_md(const struct cw_rdoc *doc, FILE *out);
int cw_report_write_html(const struct cw_rdoc *doc, FILE *out);
int cw_report_write_csv(const struct cw_rdoc *doc, FILE *out);
int cw_report_write_json(const struct cw_report *r, FILE *out, struct cw_error *err);

/* Upcoming hearings as an iCalendar file; r gives the names (cw_report_add_refs). */
int cw_report_write_ics(const struct cw_report *r, const struct cw_report_upcoming *items, size_t n,
			FILE *out);

/* CSV and iCalendar pieces the export reuses. */
void cw_csv_field(FILE *out, const char *text);
/* Writes one iCalendar content line: escapes `value` as TEXT when escape is set, folds at 75
 * octets without splitting a UTF-8 sequence, ends with CRLF. */
void cw_ics_line(FILE *out, const char *name, const char *value, int escape);

#endif
