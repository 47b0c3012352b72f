/* md.c - a summary as Markdown, for email; see rdoc.h.
 *
 * Database text only ever lands inside a table cell or after a label, never at the start of a
 * line, and is escaped so that it stays text: pipes, Markdown punctuation and the ampersand
 * that would start an entity get a backslash,
 * tabs become spaces, and so do newlines, except in a table cell, where a line of a note
 * (a table row is one line of Markdown) ends with <br>, the break GitHub's and most other
 * renderers take in a cell: lines joined by a space ran together ("gallery full Judge
 * refused"). */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "report/rdoc.h"
#include "models/i18n.h"

static int word_char(int c)
{
	return c != 0 && (isalnum(c) || (c & 0x80));
}

/* Writes neutralised text as inline Markdown; in a cell (breaks), each line break as <br>. */
static void md_text_in(FILE *out, const char *s, int breaks)
{
	for (size_t i = 0; s && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '\r':
			if (s[i + 1] == '\n') /* CR LF is one break */
				break;
			/* fall through */
		case '\n':
			fputs(breaks ? "<br>" : " ", out);
			break;
		case '\t':
			fputc(' ', out);
			break;
		case '_':
			/* Inside a word (public_hearing) an underscore is never emphasis. */
			if (i == 0 || !word_char((unsigned char)s[i - 1]) ||
			    !word_char((unsigned char)s[i + 1]))
				fputc('\\', out);
			fputc(c, out);
			break;
		case '\\':
		case '|':
		case '*':
		case '`':
		case '<':
		case '>':
		case '[':
		case ']':
		case '#':
		case '~':
		case '&': /* "&amp;" in a name is text, not an entity */
			fputc('\\', out);
			fputc(c, out);
			break;
		default:
			fputc(c, out);
		}
	}
}

static void md_text(FILE *out, const char *s)
{
	md_text_in(out, s, 0);
}

int cw_report_write_md(const struct cw_rdoc *doc, FILE *out)
{
	fputs("# ", out);
	md_text(out, doc->title);
	fputs("\n\n", out);
	for (size_t i = 0; i < doc->nheader; i++) {
		fprintf(out, "%s: ", doc->header[i].label);
		md_text(out, doc->header[i].value);
		fputs("  \n", out);
	}
	fprintf(out, "%s\n", _(cw_report_time_note));
	if (doc->empty)
		fprintf(out, "\n**%s**\n", _(cw_report_empty_text));
	fprintf(out, "\n## %s\n\n", _(cw_report_summary_title));
	for (size_t i = 0; i < doc->nsummary; i++) {
		md_text(out, doc->summary[i]);
		fputs(i + 1 < doc->nsummary ? " " : "\n", out);
	}
	for (size_t i = 0; i < doc->nsections; i++) {
		const struct cw_rsection *s = &doc->sections[i];

		if (s->data_only) /* for scripts: the summary says it */
			continue;
		fprintf(out, "\n## %s", s->title);
		if (cw_rsection_counted(s))
			fprintf(out, " (%s)", s->count);
		fputs("\n\n", out);
		if (s->note)
			fprintf(out, "%s\n\n", s->note);
		if (s->nrows == 0) {
			fprintf(out, "%s\n", s->empty);
			continue;
		}
		for (int c = 0; c < s->ncols; c++)
			fprintf(out, "| %s ", s->headers[c]);
		fputs("|\n", out);
		for (int c = 0; c < s->ncols; c++)
			fputs("| --- ", out);
		fputs("|\n", out);
		for (size_t r = 0; r < s->nrows; r++) {
			for (int c = 0; c < s->ncols; c++) {
				fputs("| ", out);
				md_text_in(out, CW_RDOC_CELL(s, r, s->cols[c]), 1);
				fputc(' ', out);
			}
			fputs("|\n", out);
		}
	}
	return ferror(out) ? CW_EIO : 0;
}
