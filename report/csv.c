/* csv.c - a summary as one long CSV table with a section column; see rdoc.h.
 *
 * RFC 4180: CRLF line ends, a header row, fields with commas, quotes or line breaks in double
 * quotes with quotes doubled. UTF-8 without a byte-order mark. */
#include "config.h"

#include <string.h>

#include "report/rdoc.h"

void cw_csv_field(FILE *out, const char *s)
{
	int guard;

	if (!s)
		s = "";
	/* A spreadsheet would run a cell that starts like a formula: keep it text with a leading
	 * apostrophe, inside the field (a quote before an opening '"' would break RFC 4180). A
	 * tab or carriage return first counts too (OWASP's list): spreadsheets skip it and read
	 * the formula after it. */
	guard = s[0] && strchr("=+-@\t\r", s[0]);
	if (!s[strcspn(s, ",\"\r\n")]) {
		if (guard)
			fputc('\'', out);
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (guard)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* The columns a spreadsheet sums: whole numbers only. */
static int numeric_column(int c)
{
	return c == CW_RC_COUNT || c == CW_RC_PREVIOUS || c == CW_RC_MET || c == CW_RC_NOT_MET ||
	       c == CW_RC_NA || c == CW_RC_UNKNOWN || c == CW_RC_AT_LEAST || c == CW_RC_AT_MOST ||
	       c == CW_RC_PEOPLE_COUNT || c == CW_RC_PREVIOUS_AT_LEAST || c == CW_RC_INJURED ||
	       c == CW_RC_INJURED_AT_LEAST;
}

static int whole_number(const char *s)
{
	return *s && s[strspn(s, "0123456789")] == '\0';
}

static void row(FILE *out, const char *section, char *const *cells)
{
	cw_csv_field(out, section);
	for (int c = 0; c < CW_RC_NCOLS; c++) {
		const char *t = cells ? cells[c] : NULL;

		/* A figure no record gives ("not recorded" in the other formats) is an empty cell,
		 * as JSON gives null: text in a column of numbers breaks a spreadsheet's sum. */
		if (t && numeric_column(c) && !whole_number(t))
			t = NULL;
		fputc(',', out);
		cw_csv_field(out, t);
	}
	fputs("\r\n", out);
}

static void meta(FILE *out, const char *label, const char *detail, const char *count)
{
	char *cells[CW_RC_NCOLS] = {NULL};

	cells[CW_RC_LABEL] = (char *)label;
	cells[CW_RC_DETAIL] = (char *)detail;
	cells[CW_RC_COUNT] = (char *)count;
	row(out, "report", cells);
}

int cw_report_write_csv(const struct cw_rdoc *doc, FILE *out)
{
	fputs("section", out);
	for (int c = 0; c < CW_RC_NCOLS; c++)
		fprintf(out, ",%s", cw_rcol_names[c]);
	fputs("\r\n", out);
	meta(out, "title", doc->title, NULL);
	for (size_t i = 0; i < doc->nheader; i++)
		meta(out, doc->header[i].key, doc->header[i].value, NULL);
	meta(out, "timezone", "Asia/Phnom_Penh (UTC+7)", NULL);
	meta(out, "empty", doc->empty ? "yes" : "no", NULL);
	{ /* what the other formats say under the records dated only to a month or a year */
		char n[32];

		snprintf(n, sizeof n, "%zu", doc->undated);
		meta(out, "undated_records",
		     "records matching the filter with no date: in no period", n);
	}
	for (size_t i = 0; i < doc->nsections; i++) {
		char n[32];

		snprintf(n, sizeof n, "%zu", doc->sections[i].nrows);
		meta(out, doc->sections[i].name, "rows in this section", n);
	}
	for (size_t i = 0; i < doc->nsummary; i++) {
		char *cells[CW_RC_NCOLS] = {NULL};

		cells[CW_RC_LABEL] = (char *)"sentence";
		cells[CW_RC_DETAIL] = doc->summary[i];
		row(out, "summary", cells);
	}
	for (size_t i = 0; i < doc->nsections; i++) {
		const struct cw_rsection *s = &doc->sections[i];

		for (size_t r = 0; r < s->nrows; r++)
			row(out, s->name, &CW_RDOC_CELL(s, r, 0));
	}
	return ferror(out) ? CW_EIO : 0;
}
