/* pdf.c - a summary as PDF, laid out with Pango and drawn with cairo; see rdoc.h.
 *
 * Why cairo and Pango rather than a converter: Pango shapes text with HarfBuzz, which Khmer
 * needs (subscript consonants, vowels written before the consonant they follow), and finds a
 * font for every script through fontconfig; cairo writes the PDF to a stream, so the file goes
 * through store/outfile.h like every other report (mode 0600, whole or not at all) with no
 * temporary file and no other program. pandoc would need LaTeX (hundreds of megabytes, and
 * XeLaTeX set up for Khmer); weasyprint is a Python program around the same Pango.
 *
 * The page is A4 landscape: the widest tables have ten columns. Text is set with
 * pango_layout_set_text, never markup, so nothing from the database is read as formatting.
 * Every page ends with the confidentiality note and "page N of M": the document is laid out
 * twice, first to count its pages. A table row or a paragraph taller than a page goes on over
 * the next ones, whole lines on each (flow_lines).
 *
 * This file is the module pdf.so (pdf.h): it links Pango and cairo, and nothing of casewatch. */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "models/i18n.h"
#include "report/pdf.h"
#include "report/rdoc.h"

#define PAGE_W     841.89 /* A4 landscape, in points */
#define PAGE_H     595.28
#define MARGIN     36.0
#define FOOTER     18.0 /* room kept at the bottom for the footer */
#define CELL_PAD   3.0
#define TALL_START 40.0 /* room a row taller than a page needs to begin on a page: 4 lines */
#define FONTS      "DejaVu Sans, Noto Sans, Khmer OS, Noto Sans Khmer, sans-serif"

struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	double y;
	int page;
	int pages; /* how many there are: counted by a first pass that draws nothing */
	int dry;   /* that first pass */
	const struct cw_rdoc *doc;
	const char *footer;     /* the confidentiality note */
	UBreakIterator *breaks; /* ICU's line breaks, Khmer's dictionary with them; NULL: none */
};

/* ---- Khmer words --------------------------------------------------------------------------- */

/* Khmer writes no space between words, and Pango finds no break inside a run of Khmer letters:
 * a heading or a cell wider than its column was cut anywhere, inside a word ("ជនជាប់ចោ" / "ទ"),
 * and it set every Khmer column's least width to its whole text. ICU's line breaking knows
 * Khmer words (a dictionary); where it finds a break between two Khmer letters, a zero-width
 * space (U+200B, which Khmer writers type between words themselves) lets Pango break there. */
static int is_khmer(UChar c)
{
	return (c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF);
}

/* text with a zero-width space at each break ICU finds between two Khmer letters, in memory
 * the caller frees; NULL when it has no Khmer (or ICU cannot tell): text is used as it is. */
static char *with_word_breaks(struct pdf *p, const char *text)
{
	UErrorCode e = U_ZERO_ERROR;
	UChar stack[512], *u = stack;
	int32_t n = 0, at = 0;
	char *out = NULL;
	size_t len = 0, cap;

	if (!p->breaks || !text || (!strstr(text, "\xE1\x9E") && !strstr(text, "\xE1\x9F")))
		return NULL;
	u_strFromUTF8(NULL, 0, &n, text, -1, &e);
	if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
		return NULL;
	if (n + 1 > (int32_t)(sizeof stack / sizeof stack[0]) &&
	    !(u = malloc((size_t)(n + 1) * sizeof *u)))
		return NULL;
	e = U_ZERO_ERROR;
	u_strFromUTF8(u, n + 1, NULL, text, -1, &e);
	if (!U_FAILURE(e))
		ubrk_setText(p->breaks, u, n, &e);
	cap = strlen(text) * 2 + 4;
	if (U_FAILURE(e) || !(out = malloc(cap)))
		goto done;
	for (int32_t b = ubrk_next(p->breaks); b != UBRK_DONE; b = ubrk_next(p->breaks)) {
		int32_t got = 0;

		e = U_ZERO_ERROR;
		u_strToUTF8(out + len, (int32_t)(cap - len - 4), &got, u + at, b - at, &e);
		if (U_FAILURE(e) || got < 0 || (size_t)got >= cap - len - 4) {
			free(out);
			out = NULL;
			goto done;
		}
		len += (size_t)got;
		at = b;
		if (b < n && is_khmer(u[b - 1]) && is_khmer(u[b])) {
			memcpy(out + len, "\xE2\x80\x8B", 3);
			len += 3;
		}
		if (len + 8 > cap) {
			char *grown = realloc(out, cap * 2);

			if (!grown) {
				free(out);
				out = NULL;
				goto done;
			}
			out = grown;
			cap *= 2;
		}
	}
	out[len] = '\0';
done:
	if (u != stack)
		free(u);
	return out;
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, (FILE *)closure) == len ? CAIRO_STATUS_SUCCESS
							    : CAIRO_STATUS_WRITE_ERROR;
}

/* Sets the layout to text in a font size (points), bold or not, wrapped at width (points; 0:
 * no wrapping). */
static void set(struct pdf *p, const char *text, double size, int bold, double width)
{
	PangoFontDescription *fd = pango_font_description_from_string(FONTS);

	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(p->layout, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(p->layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(p->layout, PANGO_WRAP_WORD_CHAR);
	{
		char *broken = with_word_breaks(p, text);

		pango_layout_set_text(p->layout, broken ? broken : text ? text : "", -1);
		free(broken);
	}
}

static double height(struct pdf *p)
{
	int w, h;

	pango_layout_get_size(p->layout, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double width(struct pdf *p)
{
	int w, h;

	pango_layout_get_size(p->layout, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void draw_at(struct pdf *p, double x, double y)
{
	if (p->dry)
		return;
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
}

static void footer(struct pdf *p)
{
	char text[600];

	if (p->dry)
		return;
	snprintf(text, sizeof text, _("%s · page %d of %d"), p->footer, p->page, p->pages);
	cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
	set(p, text, 7, 0, PAGE_W - 2 * MARGIN);
	draw_at(p, MARGIN, PAGE_H - MARGIN + 4);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void new_page(struct pdf *p)
{
	if (p->page > 0 && !p->dry) {
		footer(p);
		cairo_show_page(p->cr);
	}
	p->page++;
	p->y = MARGIN;
}

static double bottom(void)
{
	return PAGE_H - MARGIN - FOOTER;
}

/* Text that flows over pages: a layout of its own (set() and the footer reuse p->layout), and
 * its next line to draw. */
struct flow {
	PangoLayout *layout;
	PangoLayoutIter *it; /* at the next line; NULL once every line is drawn */
	double top;          /* that line's top in the layout, in points */
};

/* 0, or -1 out of memory (the flow then draws nothing). */
static int flow_start(struct pdf *p, struct flow *f, const char *text, double size, int bold,
		      double width)
{
	set(p, text, size, bold, width);
	f->top = 0;
	f->it = NULL;
	if (!(f->layout = pango_layout_copy(p->layout)))
		return -1;
	f->it = pango_layout_get_iter(f->layout);
	return 0;
}

static void flow_end(struct flow *f)
{
	if (f->it)
		pango_layout_iter_free(f->it);
	if (f->layout)
		g_object_unref(f->layout);
	memset(f, 0, sizeof *f);
}

/* Draws at (x, y) the next lines of f that fit in `room` points, whole lines only, each at its
 * baseline (nothing of a line outside the room is drawn, not even hidden), and at least one, so
 * that a flow always goes on. Returns the height used; *done once every line is drawn. */
static double flow_lines(struct pdf *p, struct flow *f, double x, double y, double room, int *done)
{
	double used = 0;

	while (f->it) {
		PangoRectangle line;
		double end;

		pango_layout_iter_get_line_extents(f->it, NULL, &line);
		end = (double)(line.y + line.height) / PANGO_SCALE - f->top;
		if (end > room && used > 0)
			break;
		if (!p->dry) {
			double base = (double)pango_layout_iter_get_baseline(f->it) / PANGO_SCALE;

			cairo_move_to(p->cr, x + (double)line.x / PANGO_SCALE, y + base - f->top);
			pango_cairo_show_layout_line(p->cr,
						     pango_layout_iter_get_line_readonly(f->it));
		}
		used = end;
		if (!pango_layout_iter_next_line(f->it)) {
			pango_layout_iter_free(f->it);
			f->it = NULL;
		}
	}
	if (f->it) {
		PangoRectangle next;

		pango_layout_iter_get_line_extents(f->it, NULL, &next);
		f->top = (double)next.y / PANGO_SCALE;
	}
	*done = !f->it;
	return used;
}

/* The part of a paragraph that must begin on a page: all of it when short, else its first
 * lines (TALL_START). */
static double paragraph_start(struct pdf *p, const char *text, double size, int bold)
{
	set(p, text, size, bold, PAGE_W - 2 * MARGIN);
	return height(p) < TALL_START ? height(p) : TALL_START;
}

/* A block of text across the page: begun here when its first lines fit (and going on over the
 * next pages), else on a new page. A long summary moved whole to the next page left its heading
 * alone on the first, under a page of nothing (found in a Khmer report, whose sentences are
 * longer). */
static void paragraph(struct pdf *p, const char *text, double size, int bold, double after)
{
	struct flow f;
	int done = 0;

	if (p->y + paragraph_start(p, text, size, bold) > bottom() && p->y > MARGIN)
		new_page(p);
	if (flow_start(p, &f, text, size, bold, PAGE_W - 2 * MARGIN) == 0)
		for (;;) {
			p->y += flow_lines(p, &f, MARGIN, p->y, bottom() - p->y, &done);
			if (done)
				break;
			new_page(p);
		}
	flow_end(&f);
	p->y += after;
}

/* The length of the word at text: up to a space or a zero-width space (a Khmer word's end). */
static size_t word_length(const char *text)
{
	size_t n = 0;

	while (text[n] && text[n] != ' ' && strncmp(text + n, "\xE2\x80\x8B", 3) != 0)
		n++;
	return n;
}

/* The widest word of text, in points (a column is never narrower), at most cap. */
static double widest_word(struct pdf *p, const char *text, int bold, double cap)
{
	char *broken = with_word_breaks(p, text);
	const char *t = broken ? broken : text;
	double most = 0;
	char word[256];

	while (t && *t) {
		size_t n = word_length(t);

		if (n) {
			snprintf(word, sizeof word, "%.*s", (int)(n < 255 ? n : 255), t);
			set(p, word, 7.5, bold, 0);
			if (width(p) > most)
				most = width(p);
		}
		t += n;
		while (*t == ' ' || !strncmp(t, "\xE2\x80\x8B", 3))
			t += *t == ' ' ? 1 : 3;
	}
	free(broken);
	return most < cap ? most : cap;
}

/* Column widths, as browsers lay out tables: each column at least its widest word, the rest of
 * the page shared in proportion to how much wider than that each column's text would be on one
 * line; columns that all fit on one line are spread to the page's width. */
static void column_widths(struct pdf *p, const struct cw_rsection *s, double *w)
{
	double natural[CW_RSECTION_COLS], least[CW_RSECTION_COLS], avail = PAGE_W - 2 * MARGIN;
	double total = 0, total_least = 0, extra = 0;

	for (int c = 0; c < s->ncols; c++) {
		set(p, s->headers[c], 7.5, 1, 0);
		natural[c] = width(p);
		least[c] = widest_word(p, s->headers[c], 1, 90);
		for (size_t r = 0; r < s->nrows; r++) {
			const char *t = CW_RDOC_CELL(s, r, s->cols[c]);
			double ww = widest_word(p, t, 0, 90);

			set(p, t, 7.5, 0, 0);
			if (width(p) > natural[c])
				natural[c] = width(p);
			if (ww > least[c])
				least[c] = ww;
		}
		natural[c] += 2 * CELL_PAD + 1;
		least[c] += 2 * CELL_PAD + 1;
		total += natural[c];
		total_least += least[c];
		extra += natural[c] - least[c];
	}
	for (int c = 0; c < s->ncols; c++) {
		if (total <= avail)
			w[c] = natural[c] * avail / total;
		else if (total_least >= avail || extra <= 0)
			w[c] = least[c] * avail / total_least;
		else
			w[c] = least[c] + (natural[c] - least[c]) * (avail - total_least) / extra;
	}
}

/* One table row: every cell wrapped in its column; a new page (with the header row again)
 * when it does not fit. Returns the row's height. */
static double row_height(struct pdf *p, const struct cw_rsection *s, const double *w, size_t r,
			 int header)
{
	double h = 0;

	for (int c = 0; c < s->ncols; c++) {
		set(p, header ? s->headers[c] : CW_RDOC_CELL(s, r, s->cols[c]), 7.5, header,
		    w[c] - 2 * CELL_PAD);
		if (height(p) > h)
			h = height(p);
	}
	return h + 2 * CELL_PAD;
}

static void draw_row(struct pdf *p, const struct cw_rsection *s, const double *w, size_t r,
		     int header, double h)
{
	double x = MARGIN;

	for (int c = 0; c < s->ncols && !p->dry; c++) {
		if (header) {
			cairo_set_source_rgb(p->cr, 0.92, 0.92, 0.92);
			cairo_rectangle(p->cr, x, p->y, w[c], h);
			cairo_fill(p->cr);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
		}
		cairo_set_line_width(p->cr, 0.4);
		cairo_rectangle(p->cr, x, p->y, w[c], h);
		cairo_stroke(p->cr);
		set(p, header ? s->headers[c] : CW_RDOC_CELL(s, r, s->cols[c]), 7.5, header,
		    w[c] - 2 * CELL_PAD);
		draw_at(p, x + CELL_PAD, p->y + CELL_PAD);
		x += w[c];
	}
	p->y += h;
}

/* A row taller than a page, continued from page to page: each cell goes on with its next whole
 * line (flow_lines), under the header row again, until every cell has all its text. */
static void draw_tall_row(struct pdf *p, const struct cw_rsection *s, const double *w, size_t r,
			  double hh)
{
	struct flow f[CW_RSECTION_COLS];
	int more = 1, slice = 0;

	memset(f, 0, sizeof f);
	for (int c = 0; c < s->ncols; c++)
		flow_start(p, &f[c], CW_RDOC_CELL(s, r, s->cols[c]), 7.5, 0, w[c] - 2 * CELL_PAD);
	while (more) {
		double room = bottom() - p->y - 2 * CELL_PAD, used = 0, x = MARGIN;

		more = 0;
		for (int c = 0; c < s->ncols; c++) {
			int done = 1;
			double h = f[c].it ? flow_lines(p, &f[c], x + CELL_PAD, p->y + CELL_PAD,
							room, &done)
					   : 0;

			if (h > used)
				used = h;
			more |= !done;
			x += w[c];
		}
		/* On the pages after the first, a first cell that has all its text on an earlier
		 * one says the row goes on, so that a page of notes alone is not a row of nothing.
		 */
		if (slice++ > 0 && !f[0].it) {
			set(p, _("(continued)"), 7.5, 0, w[0] - 2 * CELL_PAD);
			if (height(p) > used)
				used = height(p);
			draw_at(p, MARGIN + CELL_PAD, p->y + CELL_PAD);
		}
		x = MARGIN;
		for (int c = 0; c < s->ncols && !p->dry; c++) {
			cairo_set_line_width(p->cr, 0.4);
			cairo_rectangle(p->cr, x, p->y, w[c], used + 2 * CELL_PAD);
			cairo_stroke(p->cr);
			x += w[c];
		}
		p->y += used + 2 * CELL_PAD;
		if (more) {
			new_page(p);
			draw_row(p, s, w, 0, 1, hh);
		}
	}
	for (int c = 0; c < s->ncols; c++)
		flow_end(&f[c]);
}

/* The height of a table's first row, or of the part of it that must begin on a page when it
 * is taller than a page (it goes on over the next: draw_tall_row). */
static double first_part(struct pdf *p, const struct cw_rsection *s, const double *w, double hh)
{
	double h = row_height(p, s, w, 0, 0);

	return h > bottom() - MARGIN - hh ? TALL_START + 2 * CELL_PAD : h;
}

static void table(struct pdf *p, const struct cw_rsection *s)
{
	double w[CW_RSECTION_COLS], hh;

	column_widths(p, s, w);
	hh = row_height(p, s, w, 0, 1);
	if (p->y + hh + first_part(p, s, w, hh) > bottom())
		new_page(p);
	draw_row(p, s, w, 0, 1, hh);
	for (size_t r = 0; r < s->nrows; r++) {
		double h = row_height(p, s, w, r, 0);

		/* A row is kept whole on a page; one taller than a page goes on from page to
		 * page, begun where the last row ended unless little room is left there. */
		if (h > bottom() - MARGIN - hh) {
			if (bottom() - p->y < TALL_START + 2 * CELL_PAD) {
				new_page(p);
				draw_row(p, s, w, 0, 1, hh);
			}
			draw_tall_row(p, s, w, r, hh);
			continue;
		}
		if (p->y + h > bottom()) {
			new_page(p);
			draw_row(p, s, w, 0, 1, hh);
		}
		draw_row(p, s, w, r, 0, h);
	}
	p->y += 10;
}

/* The height of a section's heading, note, and its table's header row and first row (or the
 * sentence saying it has none), as paragraph() and table() will draw them. */
static double keep_with(struct pdf *p, const struct cw_rsection *s, const char *heading)
{
	double w[CW_RSECTION_COLS], h, hh;

	set(p, heading, 12, 1, PAGE_W - 2 * MARGIN);
	h = height(p) + 3;
	if (s->note) {
		set(p, s->note, 8, 0, PAGE_W - 2 * MARGIN);
		h += height(p) + 4;
	}
	if (s->nrows == 0) {
		set(p, s->empty, 8.5, 0, PAGE_W - 2 * MARGIN);
		return h + height(p);
	}
	column_widths(p, s, w);
	hh = row_height(p, s, w, 0, 1);
	return h + hh + first_part(p, s, w, hh);
}

static const char *header_value(const struct cw_rdoc *doc, const char *key)
{
	for (size_t i = 0; i < doc->nheader; i++)
		if (!strcmp(doc->header[i].key, key))
			return doc->header[i].value;
	return NULL;
}

/* The whole document, page by page: 0, or 1 when out of memory. */
static int lay_out(struct pdf *p, const struct cw_pdf_job *job)
{
	const struct cw_rdoc *doc = job->doc;
	char line[1200];
	size_t len = 0;
	char *summary;
	int oom = 0;

	new_page(p);

	paragraph(p, doc->title, 16, 1, 8);
	for (size_t i = 0; i < doc->nheader; i++) {
		snprintf(line, sizeof line, "%s: %s", doc->header[i].label, doc->header[i].value);
		paragraph(p, line, 9, !strcmp(doc->header[i].key, "confidentiality"), 1);
	}
	paragraph(p, _(job->time_note), 8, 0, 6);
	if (doc->empty)
		paragraph(p, _(job->empty_text), 9, 1, 6);

	for (size_t i = 0; i < doc->nsummary; i++)
		len += strlen(doc->summary[i]) + 1;
	if ((summary = calloc(1, len + 1))) {
		double heading;

		for (size_t i = 0; i < doc->nsummary; i++) {
			strcat(summary, doc->summary[i]);
			if (i + 1 < doc->nsummary)
				strcat(summary, " ");
		}
		/* The heading keeps the summary's first lines with it. */
		set(p, _(job->summary_title), 12, 1, PAGE_W - 2 * MARGIN);
		heading = height(p) + 4;
		if (p->y + heading + paragraph_start(p, summary, 9, 0) > bottom() && p->y > MARGIN)
			new_page(p);
		paragraph(p, _(job->summary_title), 12, 1, 4);
		paragraph(p, summary, 9, 0, 10);
		free(summary);
	} else {
		oom = 1;
	}

	for (size_t i = 0; i < doc->nsections; i++) {
		const struct cw_rsection *s = &doc->sections[i];

		if (s->data_only) /* for scripts: the summary says it */
			continue;
		if (job->counted(s))
			snprintf(line, sizeof line, "%s (%s)", s->title, s->count);
		else
			snprintf(line, sizeof line, "%s", s->title);
		/* A heading is not left alone at the foot of a page: it keeps its note and the
		 * table's header row and first row (or the sentence saying it has none). */
		if (p->y + keep_with(p, s, line) > bottom() && p->y > MARGIN)
			new_page(p);
		paragraph(p, line, 12, 1, 3);
		if (s->note)
			paragraph(p, s->note, 8, 0, 4);
		if (s->nrows == 0)
			paragraph(p, s->empty, 8.5, 0, 10);
		else
			table(p, s);
	}
	return oom;
}

const char cw_pdf_version[] = PACKAGE_VERSION;
const uint64_t cw_pdf_layout = CW_PDF_LAYOUT;

int cw_pdf_write(const struct cw_pdf_job *job, FILE *out)
{
	const struct cw_rdoc *doc = job->doc;
	struct pdf p = {0};
	cairo_status_t st;
	int oom;
	PangoFontMap *fonts;
	PangoContext *ctx;

	p.doc = doc;
	p.footer = header_value(doc, "confidentiality");
	if (!p.footer)
		p.footer = "";
	p.surface = cairo_pdf_surface_create_for_stream(write_out, out, PAGE_W, PAGE_H);
	p.cr = cairo_create(p.surface);
	/* A font map of its own, given back below with everything it cached. */
	fonts = pango_cairo_font_map_new();
	ctx = pango_font_map_create_context(fonts);
	pango_cairo_update_context(p.cr, ctx);
	p.layout = pango_layout_new(ctx);
	{
		UErrorCode e = U_ZERO_ERROR;

		/* Without it (no ICU data): Khmer wraps where Pango can, as before. */
		p.breaks = ubrk_open(UBRK_LINE, "km", NULL, 0, &e);
		if (U_FAILURE(e))
			p.breaks = NULL;
	}
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_TITLE, doc->title);
	if (header_value(doc, "author"))
		cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_AUTHOR,
					       header_value(doc, "author"));
	cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATOR, "casewatch");
	/* Twice: first to count the pages ("page 2 of 5"), drawing nothing, then to draw. */
	p.dry = 1;
	oom = lay_out(&p, job);
	p.pages = p.page;
	p.dry = 0;
	p.page = 0;
	oom |= lay_out(&p, job);
	footer(&p);
	cairo_show_page(p.cr);
	g_object_unref(p.layout);
	if (p.breaks)
		ubrk_close(p.breaks);
	g_object_unref(ctx);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surface);
	st = cairo_surface_status(p.surface);
	cairo_surface_destroy(p.surface);
	/* The font map of this PDF goes with it. cairo's and fontconfig's static caches stay
	 * for the life of the process: cairo_debug_reset_static_data and FcFini, which gave them
	 * back, assert that no font is still referenced, and Pango may still hold one from its
	 * fontconfig thread, which aborted the process now and then (exit 134, an assertion in
	 * _cairo_hash_table_destroy, seen once in tests/cli/confidential.sh). */
	g_object_unref(fonts);
	if (oom)
		return CW_ENOMEM;
	return st == CAIRO_STATUS_SUCCESS && !ferror(out) ? 0 : CW_EIO;
}
