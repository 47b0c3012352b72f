/* rdoc.h - a report as sections of plain-text rows, and what the format writers
 * (report/md.c, html.c, csv.c, json.c, ics.c) share. Internal to report/.
 * May use: models/, store/, report/. */
#ifndef CW_REPORT_RDOC_H
#define CW_REPORT_RDOC_H

#include <stdio.h>

#include "report/report.h"

/* A report as sections of plain-text rows (neutralised, not yet escaped). Every row has every
 * column; each section says which it shows under which heading. CSV writes all columns as one
 * long table with a section column; Markdown and HTML write each section's own. */
enum cw_rcol {
	CW_RC_LABEL,
	CW_RC_ID,
	CW_RC_DATE,
	CW_RC_ACCOUNT, /* whose account: "UN", "government", "own observation", "not recorded" */
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
	CW_RC_MET, /* fair-trial table: hearings that met the indicator, did not, ... */
	CW_RC_NOT_MET,
	CW_RC_NA,
	CW_RC_UNKNOWN,
	CW_RC_REPORTEDLY, /* "yes" when the source says the event reportedly happened (CSV only) */
	/* A count the dates give as a range (days in detention): the least and the most, the
	 * same when exact, the most empty when no bound is known; a figure known only as a least
	 * (arrests at a demonstration where people are named with no number): the least, the
	 * most and count empty (CSV only: the other formats say it in words). */
	CW_RC_AT_LEAST,
	CW_RC_AT_MOST,
	/* The comparison's previous figure when it is only a least ("at least 3" arrests at
	 * demonstrations): previous_count is then empty, as count is beside at_least (CSV
	 * only: the other formats say "at least"). */
	CW_RC_PREVIOUS_AT_LEAST,
	/* How many people a row's people cell names: 1 for a person, a group of unnamed
	 * defendants' number, the sum of a case's defendants; empty when a group among them
	 * gives no number (CSV only: the others write "(8 unnamed)" in the people cell). */
	CW_RC_PEOPLE_COUNT,
	/* The record's source as it gives it: "001 para 40", "own observation" (CSV only: the
	 * other formats give whose account it is). */
	CW_RC_SOURCE,
	/* Another account of an event another row counts (or another period: report.h,
	 * CW_REPORT_ELSEWHERE): the id of the account counted; empty for the row counted (CSV
	 * only: the other formats say it in the row's details). */
	CW_RC_COUNTED_IN,
	/* People injured at a demonstration: the figure, "at least 3" as the other formats say
	 * it (the CSV's is exact figures only), and a least's figure beside it (CSV only), as
	 * count and at_least. Last, so that the CSV's columns before them keep their places. */
	CW_RC_INJURED,
	CW_RC_INJURED_AT_LEAST,
	CW_RC_NCOLS
};
extern const char *const cw_rcol_names[CW_RC_NCOLS]; /* CSV header: "label", "record_id", ... */

#define CW_RSECTION_COLS 10

struct cw_rsection {
	const char *name;  /* stable: "hearings", "arrests_charges", ... */
	const char *title; /* "Hearings the team went to" */
	const char *empty; /* shown when there are no rows */
	char *note;        /* a line under the title, or NULL */
	int ncols;
	enum cw_rcol cols[CW_RSECTION_COLS];
	const char *headers[CW_RSECTION_COLS]; /* translated */
	int wants_note;
	/* Data for scripts alone (CSV): the formats people read leave it out, their summary
	 * saying it in words (Markdown, HTML, PDF). */
	int data_only;
	char **cells; /* nrows * CW_RC_NCOLS, NULL for empty */
	size_t nrows;
	/* Rows that are another account of an event another row, or another period, counts
	 * (report.h: visit_counted ...): listed, not counted. */
	size_t uncounted;
	/* What a heading says of its rows, translated: "3", or "3 rows, 2 counted" when some are
	 * not counted (cw_rsection_counted sections only; "" for the others). */
	char count[64];
};

#define CW_RDOC_SECTIONS 19

/* One line of the header: "Organisation: LICADHO". */
struct cw_rline {
	const char *key;   /* stable, for CSV and JSON: "organisation", "period", ... */
	const char *label; /* translated: "Organisation" */
	char *value;       /* neutralised */
};

#define CW_RDOC_HEADER_MAX  16
#define CW_RDOC_SUMMARY_MAX 16

struct cw_rdoc {
	char title[160];
	char period[96]; /* "2024-02-05 to 2024-02-11 (ISO week 2024-W06)" */
	char *filter;    /* the filter line, "" when none (neutralised) */
	int empty;       /* nothing in the range */
	size_t undated;  /* records matching the filter with no date at all (report.h) */
	/* The header, in the order every format shows it (cw_rdoc_header). */
	struct cw_rline header[CW_RDOC_HEADER_MAX];
	size_t nheader;
	/* The written summary: sentences made from the report's figures (cw_rdoc_summary). */
	char *summary[CW_RDOC_SUMMARY_MAX];
	size_t nsummary;
	struct cw_rsection sections[CW_RDOC_SECTIONS];
	size_t nsections;
};

int cw_rdoc_build(const struct cw_report *r, struct cw_rdoc *doc);
/* The header's lines alone (organisation, period, author, generated on, confidentiality,
 * filter): the one place a line is added to every format's header. 0 or CW_ENOMEM; the
 * caller frees with cw_rdoc_free. */
int cw_rdoc_header(const struct cw_report *r, struct cw_rdoc *doc);
/* The summary's sentences alone, from the report's figures. 0 or CW_ENOMEM. */
int cw_rdoc_summary(const struct cw_report *r, struct cw_rdoc *doc);
/* For the formats people read (Markdown, HTML, PDF): each row's source gets a number, in the
 * order sources first appear, written after the row's account ("UN [3]"), and a last section,
 * "sources", lists them ("[3]", "001 para 40"), when any row cites one. CSV and JSON give each
 * row's source in a column of its own and do not call it. 0 or CW_ENOMEM (the doc is then to be
 * freed). */
int cw_rdoc_cite_sources(struct cw_rdoc *doc);
void cw_rdoc_free(struct cw_rdoc *doc);
/* Whether a section's title carries its number of rows: not the tables that count something
 * else (charges by article, the comparison, the fair-trial indicators). */
int cw_rsection_counted(const struct cw_rsection *s);
#define CW_RDOC_CELL(s, row, col) ((s)->cells[(row)*CW_RC_NCOLS + (col)])

/* The sentence every format prints for a report with nothing in it, and the note on time
 * (untranslated: N_; translate with _() where printed). */
extern const char cw_report_empty_text[];
extern const char cw_report_time_note[];
/* Headings the writers print: "Summary". Untranslated (N_). */
extern const char cw_report_summary_title[];

/* Text helpers. cw_rtext returns a neutralised copy ("" for NULL; NULL only out of memory).
 * cw_person_text: "Name (Khmer name)", or the id's first 8 digits when the person is gone. */
char *cw_rtext(const char *s);
/* Whether cw_rtext keeps every mark stacked on one letter (the default: a file keeps every name
 * as recorded) or cuts them as text drawn on a terminal is cut (cw_rtext_for_terminal). */
void cw_rtext_all_marks(int all);
void cw_person_text(const struct cw_report *r, const struct cw_id *id, char *buf, size_t len);

int cw_report_write_md(const struct cw_rdoc *doc, FILE *out);
int cw_report_write_html(const struct cw_rdoc *doc, FILE *out);
int cw_report_write_csv(const struct cw_rdoc *doc, FILE *out);
/* PDF: the module report/pdf.h describes. */
int cw_report_write_json(const struct cw_report *r, FILE *out, struct cw_error *err);

/* CSV and iCalendar pieces the export reuses. */
void cw_csv_field(FILE *out, const char *text);
/* Writes one iCalendar content line: escapes `value` as TEXT when escape is set, folds at 75
 * octets without splitting a UTF-8 sequence, ends with CRLF. */
void cw_ics_line(FILE *out, const char *name, const char *value, int escape);

#endif
