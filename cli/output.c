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
	for (int i = 0; i < t->ncols; i++)
		/* Every caller's titles are N_() msgids; "" is none (gettext("") is the header). */
		t->headers[i] = headers[i][0] ? _(headers[i]) : headers[i];
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

/* Narrows the shown columns of one fit, each time the widest (the rightmost of equals), each
 * down to `floor` or its min_width, whichever is wider (a column already narrower stays as it
 * is), until the table is no longer `*over` columns too wide. */
static void narrow(const struct cw_table *t, int *w, const int *shown, int fit, int floor,
		   int *over)
{
	while (*over > 0) {
		int best = -1;

		for (int c = 0; c < t->ncols; c++) {
			int f = floor > t->min_width[c] ? floor : t->min_width[c];

			if (shown[c] && t->fit[c] == fit && w[c] > f &&
			    (best < 0 || w[c] >= w[best]))
				best = c;
		}
		if (best < 0)
			return;
		w[best]--;
		(*over)--;
	}
}

/* The widths of the columns fitted to `width` (output.h says in what order they give room
 * back), and which are shown. From the whole widths each time a column is left out, so the
 * room it gave goes back to those that stay. */
static void layout(const struct cw_table *t, const int *whole, const int *empty, int width, int *w,
		   int *shown)
{
	static const int floors[] = {16, 8, 6};

	for (int c = 0; c < t->ncols; c++)
		shown[c] = 1;
	for (;;) {
		int over = -width, n = 0, drop = -1;

		for (int c = 0; c < t->ncols; c++)
			if (shown[c]) {
				w[c] = whole[c];
				over += w[c] + (n++ ? 2 : 0);
			}
		/* Too wide: a column with nothing in it goes first, before any text is cut (a
		 * list of prison visits, which name no article, cut every "access denied" to
		 * "access…" beside an empty ARTICLES column). */
		for (int c = t->ncols - 1; c >= 0 && over > 0 && drop < 0; c--)
			if (shown[c] && empty[c] && t->fit[c] != CW_COLUMN_WHOLE)
				drop = c;
		if (drop >= 0) {
			shown[drop] = 0;
			continue;
		}
		for (size_t i = 0; i < sizeof floors / sizeof floors[0]; i++) {
			narrow(t, w, shown, CW_COLUMN_FREE, floors[i], &over);
			narrow(t, w, shown, CW_COLUMN_CUT, floors[i], &over);
		}
		if (over <= 0)
			return;
		for (int c = t->ncols - 1; c >= 0 && drop < 0; c--)
			if (shown[c] && t->fit[c] == CW_COLUMN_FREE)
				drop = c;
		for (int c = t->ncols - 1; c >= 0 && drop < 0; c--)
			if (shown[c] && t->fit[c] == CW_COLUMN_CUT)
				drop = c;
		if (drop < 0)
			return; /* only whole columns left: the terminal wraps what it must */
		shown[drop] = 0;
	}
}

void cw_table_print(const struct cw_table *t, FILE *out, int width)
{
	int whole[CW_TABLE_MAX_COLS], w[CW_TABLE_MAX_COLS], shown[CW_TABLE_MAX_COLS], last = -1;
	int empty[CW_TABLE_MAX_COLS];
	char buf[4096];

	for (int c = 0; c < t->ncols; c++) {
		whole[c] = cw_text_width(t->headers[c]);
		empty[c] = t->rows > 0;
		for (size_t r = 0; r < t->rows; r++) {
			const char *cell = t->cells[r * (size_t)t->ncols + (size_t)c];
			int cw = cw_text_width(cell);

			if (cw > whole[c])
				whole[c] = cw;
			if (cell && cell[0])
				empty[c] = 0;
		}
		w[c] = whole[c];
		shown[c] = 1;
	}
	if (width > 0)
		layout(t, whole, empty, width, w, shown);
	for (int c = 0; c < t->ncols; c++)
		if (shown[c])
			last = c;
	for (size_t r = 0; r <= t->rows; r++) {
		int first = 1;

		for (int c = 0; c < t->ncols; c++) {
			const char *text =
				r == 0 ? t->headers[c]
				       : t->cells[(r - 1) * (size_t)t->ncols + (size_t)c];

			if (!shown[c])
				continue;
			fputs(first ? "" : "  ", out);
			first = 0;
			if (width <= 0) {
				/* Whole cells, however long, padded to their column. */
				fputs(text, out);
				if (c != last)
					fprintf(out, "%*s", w[c] - cw_text_width(text), "");
				continue;
			}
			cw_text_fit(text, w[c], c != last, buf, sizeof buf);
			fputs(buf, out);
		}
		fputc('\n', out);
	}
	/* Say what was left out, or a reader takes the table for all there is. */
	if (width > 0 && last >= 0) {
		char left[512] = "";

		/* (A column with nothing in it hides nothing.) */
		for (int c = 0, n = 0; c < t->ncols; c++)
			if (!shown[c] && !(empty[c] && t->fit[c] != CW_COLUMN_WHOLE)) {
				size_t used = strlen(left);

				snprintf(left + used, sizeof left - used, "%s%s", n++ ? ", " : "",
					 t->headers[c]);
			}
		if (left[0]) {
			char note[1024];

			snprintf(note, sizeof note,
				 _("not shown at this width: %s (a wider window, a file or a pipe "
				   "shows them)"),
				 left);
			cw_text_trim_utf8(note);
			cw_print_wrapped(out, note, width, 2);
		}
	}
}

void cw_print_wrapped(FILE *out, const char *text, int width, int indent)
{
	char *safe = cw_text_for_terminal(text ? text : "", 0);
	const char *p = safe;
	int first = 1;

	if (!safe)
		return;
	if (width <= 0 || indent >= width / 2) {
		fputs(safe, out);
		fputc('\n', out);
		free(safe);
		return;
	}
	do {
		size_t n = cw_text_wrap(p, first ? width : width - indent), keep = n;

		/* The space a line ends at is not shown; the next line starts at its word. */
		while (keep > 0 && p[keep - 1] == ' ')
			keep--;
		fprintf(out, "%*s%.*s\n", first ? 0 : indent, "", (int)keep, p);
		p += n;
		while (*p == ' ')
			p++;
		first = 0;
	} while (*p);
	free(safe);
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
