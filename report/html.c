/* html.c - a summary as one self-contained, printable HTML file; see rdoc.h.
 *
 * No scripts, no external style sheets or fonts: the file prints the same anywhere. Every piece
 * of text is escaped for element content and attributes alike. */
#include "config.h"

#include "report/rdoc.h"
#include "models/i18n.h"

static void html_text(FILE *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		case '\n':
			fputs("<br>", out);
			break;
		case '\r':
			break;
		default:
			fputc(*s, out);
		}
	}
}

static const char style[] =
	"body{font-family:'Noto Sans','Noto Sans Khmer','Khmer OS',sans-serif;margin:2em;"
	"color:#111}\n"
	"h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em;border-bottom:1px solid #999}\n"
	"table{border-collapse:collapse;width:100%;font-size:.9em}\n"
	"th,td{border:1px solid #999;padding:.25em .4em;text-align:left;vertical-align:top;"
	"overflow-wrap:anywhere}\n"
	"th{background:#eee}.note,.meta{color:#333}.empty,.confidentiality,.confidential{"
	"font-weight:bold}\n"
	"@media "
	"print{body{margin:0}section{break-inside:avoid-page}thead{display:table-header-group}}\n";

int cw_report_write_html(const struct cw_rdoc *doc, FILE *out)
{
	/* The language the headings are in: a browser picks fonts and hyphenation by it. */
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n", cw_i18n_language());
	fputs("<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
	      out);
	html_text(out, doc->title);
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", style);
	html_text(out, doc->title);
	fputs("</h1>\n<p class=\"meta\">", out);
	for (size_t i = 0; i < doc->nheader; i++) {
		fprintf(out, "<span class=\"%s\">", doc->header[i].key);
		html_text(out, doc->header[i].label);
		fputs(": ", out);
		html_text(out, doc->header[i].value);
		fputs("</span><br>\n", out);
	}
	html_text(out, _(cw_report_time_note));
	fputs("</p>\n", out);
	if (doc->empty) {
		fputs("<p class=\"empty\">", out);
		html_text(out, _(cw_report_empty_text));
		fputs("</p>\n", out);
	}
	fputs("<section id=\"summary\">\n<h2>", out);
	html_text(out, _(cw_report_summary_title));
	fputs("</h2>\n<p>", out);
	for (size_t i = 0; i < doc->nsummary; i++) {
		html_text(out, doc->summary[i]);
		fputs(i + 1 < doc->nsummary ? " " : "", out);
	}
	fputs("</p>\n</section>\n", out);
	for (size_t i = 0; i < doc->nsections; i++) {
		const struct cw_rsection *s = &doc->sections[i];

		if (s->data_only) /* for scripts: the summary says it */
			continue;
		fprintf(out, "<section id=\"%s\">\n<h2>", s->name);
		html_text(out, s->title);
		/* counted as in Markdown and the PDF: the three said the same thing differently */
		if (cw_rsection_counted(s))
			fprintf(out, " (%s)", s->count);
		fputs("</h2>\n", out);
		if (s->note) {
			fputs("<p class=\"note\">", out);
			html_text(out, s->note);
			fputs("</p>\n", out);
		}
		if (s->nrows == 0) {
			fputs("<p class=\"none\">", out);
			html_text(out, s->empty);
			fputs("</p>\n</section>\n", out);
			continue;
		}
		fputs("<table>\n<thead><tr>", out);
		for (int c = 0; c < s->ncols; c++) {
			fputs("<th>", out);
			html_text(out, s->headers[c]);
			fputs("</th>", out);
		}
		fputs("</tr></thead>\n<tbody>\n", out);
		for (size_t r = 0; r < s->nrows; r++) {
			fputs("<tr>", out);
			for (int c = 0; c < s->ncols; c++) {
				fputs("<td>", out);
				html_text(out, CW_RDOC_CELL(s, r, s->cols[c]));
				fputs("</td>", out);
			}
			fputs("</tr>\n", out);
		}
		fputs("</tbody>\n</table>\n</section>\n", out);
	}
	fputs("</body>\n</html>\n", out);
	return ferror(out) ? CW_EIO : 0;
}
