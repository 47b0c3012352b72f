/* output.c - tables and safe printing; see output.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "models/error.h"
#include "models/i18n.h"
#include "models/text.h"
#include "cli/output.h"
#include "cli/pager.h"

void cw_table_init(struct cw_table *t, int ncols, const char *const *headers)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols > CW_TABLE_MAX_COLS ? CW_TABLE_MAX_COLS : ncols;
	for (int i = 0; i < t->ncols; i++) {
		/* Every caller's titles are N_() msgids; "" is none (gettext("") is the header). */
		t->headers[i] = headers[i][0] ? _(headers[i]) : headers[i];
		t->min_width[i] = cw_text_width(headers[i]);
	}
}

int cw_table_add(struct cw_table *t, const char *const *cells)
{
	if (t->rows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		char **grown = realloc(t->cells, cap * (size_t)t->ncols * sizeof *grown);

		if (!grown)
			return CW_ENOMEM;
		t->cells = grown;
		t->cap = cap;
	}
	for (int i = 0; i < t->ncols; i++) {
		char *safe = cw_text_for_terminal(cells[i] ? cells[i] : "", 0);

		if (!safe) {
			for (int j = 0; j < i; j++)
				free(t->cells[t->rows * (size_t)t->ncols + (size_t)j]);
			return CW_ENOMEM;
		}
		t->cells[t->rows * (size_t)t->ncols + (size_t)i] = safe;
	}
	t->rows++;
	return 0;
}

void cw_table_print(const struct cw_table *t, FILE *out, int width)
{
	int w[CW_TABLE_MAX_COLS], total = 0;
	char buf[4096];

	for (int c = 0; c < t->ncols; c++) {
		w[c] = cw_text_width(t->headers[c]);
		for (size_t r = 0; r < t->rows; r++) {
			int cw = cw_text_width(t->cells[r * (size_t)t->ncols + (size_t)c]);

			if (cw > w[c])
				w[c] = cw;
		}
		total += w[c] + (c ? 2 : 0);
	}
	/* Shrink the widest column until the table fits (or nothing can shrink). */
	while (width > 0 && total > width) {
		int widest = -1;

		for (int c = 0; c < t->ncols; c++)
			if (w[c] > t->min_width[c] && w[c] > 8 && (widest < 0 || w[c] > w[widest]))
				widest = c;
		if (widest < 0)
			break;
		w[widest]--;
		total--;
	}
	for (size_t r = 0; r <= t->rows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			const char *text =
				r == 0 ? t->headers[c]
				       : t->cells[(r - 1) * (size_t)t->ncols + (size_t)c];
			int last = c == t->ncols - 1;

			if (width <= 0) {
				/* Whole cells, however long, padded to their column. */
				fprintf(out, "%s%s", c ? "  " : "", text);
				if (!last)
					fprintf(out, "%*s", w[c] - cw_text_width(text), "");
				continue;
			}
			cw_text_fit(text, w[c], !last, buf, sizeof buf);
			fprintf(out, "%s%s", c ? "  " : "", buf);
		}
		fputc('\n', out);
	}
}

void cw_table_free(struct cw_table *t)
{
	for (size_t i = 0; i < t->rows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

int cw_output_width(FILE *out)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	int fd = cw_paging_fileno(out); /* the terminal's under the pager */

	/* A file or a pipe gets whole cells: what reads it (grep, a spreadsheet, a person
	 * scrolling sideways in less -S) would lose what a cut hides. Under the pager, the
	 * terminal it shows on is what counts. */
	if (!isatty(fd))
		return 0;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (env && atoi(env) > 20)
		return atoi(env);
	return 160;
}

void cw_print_safe(FILE *out, const char *text, int keep_newlines)
{
	char *safe = cw_text_for_terminal(text ? text : "", keep_newlines);

	if (safe) {
		fputs(safe, out);
		free(safe);
	}
}
