/* view_form.c - draws a form (form.h holds its data and keys): one row per field, the error
 * wrapped on the rows under the field it belongs to, suggestions under the field being typed,
 * and the field's hint at the bottom, on two rows when it is wider than the screen. The form
 * scrolls so the current field is always on screen. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/i18n.h"
#include "models/text.h"
#include "tui/view_app.h"

#define LABEL_W    22
#define NOTES_ROWS 3

#define INFO_ROWS  6
#define ERROR_ROWS 3 /* a field's error, wrapped under it */
#define HINT_ROWS  2 /* the hint at the bottom, when it is wider than the screen */
/* The columns a note beside a toggle's answers needs at least, or only the answer chosen shows
 * beside it. */
#define NOTE_ROOM_MIN 16

/* The rows a text takes wrapped at `width` columns, at most `max`: a case's defendants, a
 * field's error and the hint are shown whole, not cut at the screen's edge. */
static int wrapped_rows(const char *text, int width, int max)
{
	int rows = 0;

	for (size_t n; *text && rows < max; text += n ? n : 1, rows++)
		n = cw_text_wrap(text, width > 0 ? width : 1);
	return rows ? rows : 1;
}

/* Puts text wrapped at w columns on `rows` rows from y (not below `bottom`), the last one
 * ending with what is left, cut if it must be. Returns the row after the last one put. */
static int put_wrapped(int y, int bottom, int x, int w, const char *text, int rows,
		       enum cw_role role)
{
	for (int r = 0; r < rows && y < bottom; r++) {
		size_t n = cw_text_wrap(text, w > 0 ? w : 1);
		char *part = strndup(text, n);

		cw_screen_put(y++, x, w, r + 1 == rows ? text : part ? part : "", role);
		free(part);
		text += n ? n : 1;
	}
	return y;
}

#define THEIRS_ROWS 3 /* the other version's value, wrapped under the field */

/* The other version's value of a field both sides changed, as drawn under it. */
static void theirs_line(const struct cw_form_field *ff, char *buf, size_t len)
{
	/* TRANSLATORS: under a form's field that the user and another laptop (or process) both
	 * changed: what the other version says; saving keeps the user's text above it */
	snprintf(buf, len, _("  other version: %s"), *ff->theirs ? ff->theirs : _("(empty)"));
	cw_text_trim_utf8(buf);
}

/* "^ " and the field's error, as drawn under it. */
static void error_line(const struct cw_form_field *ff, char *buf, size_t len)
{
	snprintf(buf, len, "^ %s", ff->error);
}

/* A field's label as drawn: " *" after a required field's. */
static void label_text(const struct cw_form_field *ff, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s", ff->label, ff->required ? " *" : "");
}

/* The most rows a label takes: a fair-trial indicator in Khmer with its English name after it
 * ("... (counsel of own choosing)") takes three at 60 columns. */
#define LABEL_ROWS 4

/* A row of a label: its bytes from start, without the space (or zero width space) it breaks at. */
struct label_row {
	size_t start, len;
};

/* A label wider than the labels' column (lw) on as many rows as it needs, each no wider than
 * lw, broken after a space or a zero width space (Khmer's word break) where one fits, else
 * between two clusters (never inside one): the whole label is read, not cut with "…"
 * ("adequate time to" above "prepare the defence"; a Khmer indicator and its English name,
 * as the report names them, on three rows at 60 columns). Only a label wider than
 * LABEL_ROWS rows has its last row cut. Returns how many rows; the last one goes beside the
 * field's value, the others above it. */
static int label_rows(const char *label, int lw, struct label_row rows[LABEL_ROWS])
{
	size_t at = 0;
	int n = 0;

	while (n < LABEL_ROWS) {
		size_t len = strlen(label + at), shown;

		/* cw_text_wrap keeps a Khmer vowel sign with its letter past the width when no
		 * space fits: narrower, until the row fits the column. */
		for (int w = lw; n + 1 < LABEL_ROWS && w > 0; w--) {
			char *row = strndup(label + at, len = cw_text_wrap(label + at, w));

			if (!row || cw_text_width(row) <= lw || w == 1) {
				free(row);
				break;
			}
			free(row);
		}
		shown = len;

		if (at + len < strlen(label)) { /* a row above the last: its break left out */
			if (shown && label[at + shown - 1] == ' ')
				shown--;
			else if (shown >= 3 && !memcmp(label + at + shown - 3, "\xe2\x80\x8b", 3))
				shown -= 3;
		}
		rows[n].start = at;
		rows[n++].len = shown;
		at += len;
		if (!len || !label[at])
			break;
	}
	return n;
}

/* The list of the people a name matches (form_which.c), under its field: its title, the
 * columns' headings, and a row each. */
#define WHICH_HEAD_ROWS 2
/* The widest a column of text is made (the cases: a title or two). */
#define WHICH_COL_MAX 30

static int which_rows(const struct cw_form *fm)
{
	return fm->which ? WHICH_HEAD_ROWS + (int)fm->which->n : 0;
}

enum { W_ID, W_NAME, W_BORN, W_PROVINCE, W_AFFILIATION, W_CASES, W_VISIT, W_NCOLS };

/* The columns' headings (msgids: cw_columns_layout and the heading translate them). */
static const char *const which_titles[W_NCOLS] = {
	N_("id"),
	N_("name"),
	N_("born"),
	N_("province"),
	N_("affiliation"),
	N_("cases"),
	N_("last prison visit"),
};

/* The cells of one person, as the database holds them (cw_row_format neutralises them). */
static void which_cells(const struct cw_namesake *p, char cells[W_NCOLS][420])
{
	char day[CW_DATE_TEXT_MAX];

	snprintf(cells[W_ID], sizeof cells[W_ID], "%s", p->hex);
	if (p->other[0])
		snprintf(cells[W_NAME], sizeof cells[W_NAME], "%s / %s", p->name, p->other);
	else
		snprintf(cells[W_NAME], sizeof cells[W_NAME], "%s", p->name);
	cells[W_BORN][0] = '\0';
	if (p->born >= 0)
		snprintf(cells[W_BORN], sizeof cells[W_BORN], "%lld", (long long)p->born);
	snprintf(cells[W_PROVINCE], sizeof cells[W_PROVINCE], "%s", p->province);
	snprintf(cells[W_AFFILIATION], sizeof cells[W_AFFILIATION], "%s", p->affiliation);
	snprintf(cells[W_CASES], sizeof cells[W_CASES], "%s", p->cases);
	cells[W_VISIT][0] = '\0';
	if (p->facility[0]) {
		cw_date_format(p->seen, day);
		snprintf(cells[W_VISIT], sizeof cells[W_VISIT], "%s, %s", p->facility, day);
	}
	for (int c = 0; c < W_NCOLS; c++) /* a cell cut by its room: never inside a letter */
		cw_text_trim_utf8(cells[c]);
}

/* The display width of a cell as it is shown (neutralised). */
static int cell_width(const char *cell)
{
	char *safe = cw_text_for_terminal(cell, 0);
	int w = safe ? cw_text_width(safe) : (int)strlen(cell);

	free(safe);
	return w;
}

/* Draws the list from row y, the whole width of the screen, not below `bottom`: each person
 * on a row of columns lined up by display width (a Khmer name takes fewer columns than it has
 * bytes), a column no one has a value in left out; the id is never cut, since it is what tells
 * them apart for sure. The rows follow the one chosen when they do not all fit. Returns the
 * row after the last one drawn. */
static int draw_which(struct cw_form_which *w, int y, int bottom, int cols)
{
	char(*cells)[W_NCOLS][420] = calloc(w->n ? w->n : 1, sizeof *cells);
	struct cw_column colspec[W_NCOLS];
	const char *row[W_NCOLS];
	int shown[W_NCOLS], nshown = 0, widths[W_NCOLS], keep[W_NCOLS], room = bottom - y, head,
			    visible;
	char line[4096], title[600];

	if (!cells || room <= 0) {
		free(cells);
		return y;
	}
	for (size_t i = 0; i < w->n; i++)
		which_cells(&w->people[i], cells[i]);
	for (int c = 0; c < W_NCOLS; c++) {
		int natural = cw_text_width(which_titles[c]), any = c == W_ID || c == W_NAME;

		for (size_t i = 0; i < w->n; i++) {
			int cw = cell_width(cells[i][c]);

			natural = cw > natural ? cw : natural;
			any |= cells[i][c][0] != '\0';
		}
		if (!any)
			continue;
		colspec[nshown] = (struct cw_column){
			which_titles[c], natural < WHICH_COL_MAX ? natural : WHICH_COL_MAX, 0,
			NULL};
		keep[nshown] = c == W_ID || c == W_BORN ? natural : 0;
		shown[nshown++] = c;
	}
	/* No column takes the room left over; short of room, the widest gives first. */
	cw_columns_layout(colspec, nshown, cols - 3, keep, widths);
	head = room > WHICH_HEAD_ROWS ? WHICH_HEAD_ROWS : 0;
	visible = room - head < (int)w->n ? room - head : (int)w->n;
	if (w->sel < w->top)
		w->top = w->sel;
	if (w->sel >= w->top + (size_t)visible)
		w->top = w->sel - (size_t)visible + 1;
	if (w->top + (size_t)visible > w->n) /* a taller screen since: as many as fit */
		w->top = w->n - (size_t)visible;
	if (head) {
		/* TRANSLATORS: over the list of the people a name typed in a form matches */
		snprintf(title, sizeof title, _("'%s' matches %zu people: which one is meant?"),
			 w->part, w->n);
		cw_text_trim_utf8(title);
		cw_screen_put(y++, 2, cols - 3, title, CW_ROLE_TITLE);
		for (int k = 0; k < nshown; k++)
			row[k] = _(which_titles[shown[k]]);
		if (cw_row_format(row, widths, nshown, line, sizeof line) != 0)
			line[0] = '\0';
		cw_screen_put(y, 0, 2, "", CW_ROLE_NORMAL);
		cw_screen_put(y++, 2, cols - 3, line, CW_ROLE_HEADER);
	}
	for (size_t i = w->top; i < w->top + (size_t)visible && y < bottom; i++) {
		int sel = i == w->sel;

		for (int k = 0; k < nshown; k++)
			row[k] = cells[i][shown[k]];
		if (cw_row_format(row, widths, nshown, line, sizeof line) != 0)
			line[0] = '\0';
		cw_screen_put(y, 0, 2, sel ? ">" : "", sel ? CW_ROLE_SELECTED : CW_ROLE_NORMAL);
		cw_screen_put(y++, 2, cols - 3, line, sel ? CW_ROLE_SELECTED : CW_ROLE_NORMAL);
	}
	free(cells);
	return y;
}

/* Whether a field's error is shown under it: not while the list of the people a name of it
 * matches is open, whose title says what the error says. */
static int error_shown(const struct cw_form *fm, size_t i)
{
	return fm->fields[i].error[0] && !(fm->which && fm->which->field == i);
}

static int field_rows(const struct cw_form *fm, size_t i, int vw, int lw)
{
	const struct cw_form_field *ff = &fm->fields[i];
	int rows = ff->widget == CW_W_NOTES  ? NOTES_ROWS
		   : ff->widget == CW_W_INFO ? wrapped_rows(cw_edit_text(&ff->edit), vw, INFO_ROWS)
					     : 1;
	char label[200], error[CW_MESSAGE_MAX + 8], theirs[1200];
	struct label_row lr[LABEL_ROWS];

	label_text(ff, label, sizeof label);
	rows += label_rows(label, lw, lr) - 1; /* a label on rows of its own above the field's */
	error_line(ff, error, sizeof error);
	if (ff->theirs) {
		theirs_line(ff, theirs, sizeof theirs);
		rows += wrapped_rows(theirs, vw, THEIRS_ROWS);
	}
	return rows + (error_shown(fm, i) ? wrapped_rows(error, vw, ERROR_ROWS) : 0) +
	       (i == fm->cur ? (int)fm->nsugg + which_rows(fm) : 0);
}

/* The byte where a one-line text must start for the cursor to fit in width columns: the start
 * of a cluster, never a Khmer vowel sign or subscript cut from its letter (a field trial's
 * note showed as a lone "់" when a code point was the step). */
static size_t scroll_start(const char *text, size_t cursor, int width)
{
	size_t start = 0;

	while (start < cursor) {
		char *part = strndup(text + start, cursor - start);
		int w = part ? cw_text_width(part) : 0;

		free(part);
		if (w < width)
			break;
		start = cw_text_next_cluster(text, cursor, start);
	}
	return start;
}

/* An answer's short word as a toggle shows it, translated. */
static const char *answer_word(const char *word)
{
	/* TRANSLATORS: the short answers of a form's toggle, "yes no na unknown": na is "not
	 * applicable"; keep each short, the note beside them needs the room */
	static const char *const words[] = {N_("yes"), N_("no"), N_("na"), N_("unknown")};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcmp(word, words[i]))
			return _(words[i]);
	return word;
}

static void draw_choice(int y, int x, int width, const struct cw_form_field *ff, int active,
			int noting)
{
	char buf[600];
	size_t n = 0;

	/* Values show by their labels, in the interface's language, as lists and pickers show
	 * them; what is typed matches a label or a stored word. */
	if (ff->widget == CW_W_CHOICE) {
		/* While a word is typed, it shows beside the current one. */
		const char *now = cw_enum_label(ff->words, (unsigned)ff->choice);

		if (ff->edit.len)
			snprintf(buf, sizeof buf, "< %s >  %s", now, cw_edit_text(&ff->edit));
		else
			snprintf(buf, sizeof buf, "< %s >", now);
	} else {
		/* Toggles show every answer, the current one in brackets, each by its short word
		 * in the interface's language ("na", not "not applicable": the note needs the
		 * room). */
		int nwords = ff->widget == CW_W_BOOL ? 2 : (int)ff->words->n;
		const char *yesno[] = {_("no"), _("yes")};
		int noted = ff->edit.len || noting, only = -1, label_w;
		char label[100];

		snprintf(label, sizeof label, _(" note: %s%s"), "", "");
		label_w = cw_text_width(label);
		for (int pass = 0; pass < 2; pass++) {
			n = 0;
			buf[0] = '\0';
			for (int k = 0; k < nwords && n < sizeof buf; k++) {
				int order = ff->widget == CW_W_BOOL
						    ? k
						    : (k + 1) % nwords; /* unknown last */
				const char *w = ff->widget == CW_W_BOOL
							? yesno[order]
							: answer_word(cw_enum_word(
								  ff->words, (unsigned)order));

				if (only >= 0 && order != only)
					continue;
				n += (size_t)snprintf(buf + n, sizeof buf - n,
						      order == ff->choice ? "[%s] " : " %s  ", w);
			}
			/* A note beside every answer, in a language whose answers are long (Khmer
			 * at 80 columns), had no room left: only the answer chosen shows then. */
			if (only >= 0 || !noted ||
			    width - cw_text_width(buf) - label_w >= NOTE_ROOM_MIN)
				break;
			only = ff->choice;
		}
		/* A note beside the answer: while it is typed, the part that keeps the cursor
		 * in the field, and the cursor where the next character goes. */
		if ((ff->edit.len || noting) && n < sizeof buf) {
			const char *note = cw_edit_text(&ff->edit);
			size_t len = strlen(buf) + strlen(note) + 64, start = 0;
			char *line = malloc(len), *before = NULL;
			int lead = cw_text_width(buf), avail;

			if (!line)
				return;
			snprintf(line, len, _(" note: %s%s"), "", "");
			avail = width - lead - cw_text_width(line);
			if (noting)
				start = scroll_start(note, ff->edit.cursor, avail > 1 ? avail : 1);
			if (noting && (before = strndup(note + start, ff->edit.cursor - start))) {
				snprintf(line, len, _(" note: %s%s"), before, "");
				cw_screen_cursor(y, x + lead + cw_text_width(line));
				free(before);
			}
			snprintf(line, len, "%s", buf);
			snprintf(line + strlen(line), len - strlen(line), _(" note: %s%s"),
				 note + start, "");
			cw_screen_put(y, x, width, line,
				      active ? CW_ROLE_FIELD_ACTIVE : CW_ROLE_NORMAL);
			free(line);
			return;
		}
	}
	cw_screen_put(y, x, width, buf, active ? CW_ROLE_FIELD_ACTIVE : CW_ROLE_NORMAL);
}

/* A one-line text too long for its row shows its start, cut with "…" between clusters, until
 * a key edits it or moves its cursor (`typing`): then the cursor's neighbourhood, after a "…"
 * that says the text starts further back. A long case title showed only its end ("y and
 * Candlelight activists (Tbong Khmum) — incitement") as the edit form opened on it. The
 * terminal cursor stands where typing goes, or on the "…" when that is past the edge. */
static void draw_line(int y, int x, int width, const struct cw_form_field *ff, int active,
		      int typing)
{
	const char *text = cw_edit_text(&ff->edit);
	enum cw_role role = active ? CW_ROLE_FIELD_ACTIVE : CW_ROLE_FIELD;
	size_t start = typing ? scroll_start(text, ff->edit.cursor, width) : 0;
	int lead = 0;
	char *before;

	if (start && width > 2) {
		lead = 1;
		start = scroll_start(text, ff->edit.cursor, width - lead);
		cw_screen_put(y, x, lead, "\xe2\x80\xa6", role);
	}
	cw_screen_put(y, x + lead, width - lead, text + start, role);
	if (!active || !(before = strndup(text + start, ff->edit.cursor - start)))
		return;
	lead += cw_text_width(before);
	cw_screen_cursor(y, x + (lead < width ? lead : width - 1));
	free(before);
}

/* A multi-line text: wrapped over the field's rows, which follow the cursor's row while it is
 * typed in (the rows above it scroll away); a field left shows its start, and "…" when there is
 * more below. */
static void draw_notes(int y, int x, int width, struct cw_form_field *ff, int active)
{
	struct cw_wrap_row *rows;
	const char *text = cw_edit_text(&ff->edit);
	size_t n;
	int cur_row, cur_col, top = 0;

	ff->wrap_cols = width;
	n = cw_edit_wrap(&ff->edit, width, NULL, 0, &cur_row, &cur_col);
	if (!(rows = calloc(n, sizeof *rows)))
		return;
	cw_edit_wrap(&ff->edit, width, rows, n, &cur_row, &cur_col);
	if (active) {
		top = ff->top_row;
		if (cur_row < top)
			top = cur_row;
		if (cur_row >= top + NOTES_ROWS)
			top = cur_row - NOTES_ROWS + 1;
		if (top > (int)n - NOTES_ROWS)
			top = (int)n > NOTES_ROWS ? (int)n - NOTES_ROWS : 0;
		ff->top_row = top;
		cw_screen_cursor(y + cur_row - top, x + cur_col);
	}
	for (int r = 0; r < NOTES_ROWS; r++) {
		size_t k = (size_t)(top + r);
		char *part = NULL;

		/* A field left: its last row shown runs into what follows, cut with "…". */
		if (k < n && !active && r + 1 == NOTES_ROWS && k + 1 < n)
			part = strdup(text + rows[k].start);
		else if (k < n)
			part = strndup(text + rows[k].start, rows[k].len);
		cw_screen_put(y + r, x, width, part ? part : "",
			      active ? CW_ROLE_FIELD_ACTIVE : CW_ROLE_FIELD);
		free(part);
	}
	free(rows);
}

/* The labels' column: LABEL_W, chosen for the English labels; in another language as wide as
 * its widest label (display width), up to two fifths of the screen, so that translated labels
 * are not cut where the screen has room; below 58 columns, where two fifths are less than LABEL_W,
 * LABEL_W as in English (the widest Khmer label took 43 of 57 columns, and at 45 the whole row,
 * each label a lone "…" beside no value). In English, wider than LABEL_W only for a label that
 * needs it (the report's fair-trial indicators, "adequate time to prepare the defence") and
 * only as far as the values keep the room they have at 80 columns: the English layout at 80
 * columns stays as it was (such a label takes two rows there: label_rows), a note beside an
 * indicator's answers keeps its room, and a wider screen gives the label one row. */
static int label_width(const struct cw_form *fm, int cols)
{
	int lw = LABEL_W, en = !strcmp(cw_i18n_language(), "en");
	int most = cols * 2 / 5 > LABEL_W ? cols * 2 / 5 : LABEL_W;

	for (size_t i = 0; i < fm->n; i++) {
		const struct cw_form_field *ff = &fm->fields[i];
		int w = cw_text_width(ff->label) + (ff->required ? 2 : 0);

		if (w > lw)
			lw = w;
	}
	if (en)
		return lw < LABEL_W + cols - 80 ? lw : cols > 80 ? LABEL_W + cols - 80 : LABEL_W;
	return lw > most ? most : lw;
}

/* The hint: what the field is, its words, the keys that matter here. */
static void form_hint(const struct cw_form *fm, char *hint, size_t size)
{
	const struct cw_form_field *ff = fm->n ? &fm->fields[fm->cur] : NULL;
	size_t n;

	hint[0] = '\0';
	if (!ff)
		return;
	/* The list of the people a name matches: its keys alone work. */
	if (fm->which) {
		snprintf(hint, size, "%s",
			 _("Up, Down: choose | Enter: this one (the field names them with their "
			   "id) | Esc: back to the form, nothing changed"));
		return;
	}
	n = (size_t)snprintf(hint, size, "%s", ff->hint ? ff->hint : "");

	if (fm->nsugg && n < size)
		n += (size_t)snprintf(hint + n, size - n,
				      _(" | Enter takes the suggestion, C-n/C-p choose"));
	else if (ff->widget == CW_W_CHOICE && n < size)
		n += (size_t)snprintf(hint + n, size - n,
				      _(" | type to pick a word, Space for the next"));
	else if ((ff->widget == CW_W_PERSON || ff->widget == CW_W_CASE ||
		  ff->widget == CW_W_PEOPLE) &&
		 n < size)
		n += (size_t)snprintf(hint + n, size - n, _(" | type a name"));
	if (ff->f && ff->f->type == CW_F_DATE && n < size)
		n += (size_t)snprintf(
			hint + n, size - n,
			_(" | or today, yesterday, monday, next friday, +3d, 15 jan"));
	/* The answers' keys, Latin letters whatever the language: the hint says what each one
	 * means in it. */
	if (ff->widget == CW_W_TOGGLE && n < size)
		n += (size_t)snprintf(hint + n, size - n, _(" | y yes, n no, a na, u unknown"));
	if (ff->widget == CW_W_BOOL && n < size)
		n += (size_t)snprintf(hint + n, size - n, _(" | y yes, n no"));
	/* A note after ':' is offered on an answer to what was observed (who was admitted, a
	 * private interview), not on the switches that qualify the record or a number
	 * (confidential, reportedly, "arrests at least"), where a note means nothing: ':' there
	 * still takes one rather than reading its letters as answers, and the message line says
	 * where it goes. The record has no place for it beside the answer: it is a line of the
	 * notes, confidential when they are. */
	if (ff->widget == CW_W_TOGGLE && n < size)
		n += (size_t)snprintf(hint + n, size - n,
				      _(" | : then a note, a line of its own in the notes "
					"(confidential when they are)"));
	if (ff->widget == CW_W_NOTES && n < size)
		n += (size_t)snprintf(hint + n, size - n, _(" | Enter: new line, C-o: $EDITOR"));
	if (ff->widget == CW_W_WORDS && n < size) {
		n += (size_t)snprintf(hint + n, size - n,
				      _(" | words, spaces or commas between (Tab completes):"));
		/* By their labels, which may hold spaces: commas between them. Not a word the
		 * table leaves empty (one this kind has not: cw_confidential_words_for). */
		for (size_t k = 0, shown = 0; k < ff->words->n && n < size; k++)
			if (ff->words->words[k][0])
				n += (size_t)snprintf(hint + n, size - n, "%s %s",
						      shown++ ? "," : "",
						      cw_enum_label(ff->words, (unsigned)k));
	}
}

void cw_view_form_draw(struct cw_app *app, struct cw_pane *v, int top, int height)
{
	struct cw_form *fm = v->form;
	int cols = cw_screen_cols(), lw = label_width(fm, cols), vx = lw + 2, vw = cols - vx - 1, y,
	    avail, hint_rows = 1;
	char title[300], hint[600];
	size_t first;

	/* A hint wider than the screen takes a second row from the fields, not while a long
	 * message has its row, nor on a screen too short to spare it. A message longer than the
	 * status line takes the hint's rows above it, up to two (three rows in all, as a message
	 * on the status line has them), so that its end is read: a store's error ends with what to
	 * do ('casewatch verify'), and two rows of 80 columns cut it off. */
	form_hint(fm, hint, sizeof hint);
	if (!fm->jumping && height > 8)
		hint_rows = fm->message[0] && cw_text_width(fm->message) > cols
				    ? wrapped_rows(fm->message, cols, HINT_ROWS + 1) - 1
				    : wrapped_rows(hint, cols, HINT_ROWS);
	avail = height - 1 - hint_rows;

	if (vw < 10)
		vx = cols / 3, vw = cols - vx - 1;
	snprintf(title, sizeof title, _("%s %s%s   (C-s save, Esc leave, Tab next, F1 keys)"),
		 fm->editing ? _("Edit")
		 : fm->quick ? _("Quick")
			     : _("New"),
		 cw_kind_text(fm->kind), fm->dirty ? " *" : "");
	cw_screen_fill(top, CW_ROLE_TAB);
	cw_screen_put(top, 1, cols - 1, title, CW_ROLE_TAB);
	/* Scroll: the current field and its suggestions fit below the first field shown. */
	first = v->pg.top < fm->n ? v->pg.top : 0;
	if (fm->cur < first)
		first = fm->cur;
	for (;;) {
		int rows = 0;

		for (size_t i = first; i <= fm->cur && i < fm->n; i++)
			rows += field_rows(fm, i, vw, lw);
		if (rows <= avail || first == fm->cur)
			break;
		first++;
	}
	v->pg.top = first;
	y = top + 1;
	for (size_t i = first; i < fm->n && y < top + 1 + avail; i++) {
		struct cw_form_field *ff = &fm->fields[i];
		int active = i == fm->cur;
		char label[200];
		struct label_row lr[LABEL_ROWS];
		int nrows;

		label_text(ff, label, sizeof label);
		/* A label too wide for the column, on rows of its own above the field's rather
		 * than cut: the field's row keeps its place beside the others' (the answers'
		 * column, room for a note). Each row ends where the column does. */
		nrows = label_rows(label, lw, lr);
		if (y + nrows - 1 >= top + 1 + avail)
			break;
		for (int r = 0; r < nrows; r++) {
			char *part = strndup(label + lr[r].start, lr[r].len);
			int w = part ? cw_text_width(part) : 0;

			if (w > lw)
				w = lw;
			cw_screen_put(y, 0, lw - w, "", CW_ROLE_NORMAL);
			cw_screen_put(y, lw - w, w, part ? part : "",
				      active ? CW_ROLE_TITLE : CW_ROLE_NORMAL);
			free(part);
			if (r + 1 < nrows)
				y++;
		}
		cw_screen_put(y, lw, 2, ": ", CW_ROLE_NORMAL);
		if (ff->widget == CW_W_CHOICE || ff->widget == CW_W_TOGGLE ||
		    ff->widget == CW_W_INDICATOR || ff->widget == CW_W_BOOL) {
			draw_choice(y, vx, vw, ff, active, active && fm->noting);
			y++;
		} else if (ff->widget == CW_W_NOTES) {
			draw_notes(y, vx, vw, ff, active);
			y += NOTES_ROWS;
		} else if (ff->widget == CW_W_INFO) {
			const char *text = cw_edit_text(&ff->edit);

			y = put_wrapped(y, top + 1 + avail, vx, vw, text,
					wrapped_rows(text, vw, INFO_ROWS),
					active ? CW_ROLE_FIELD_ACTIVE : CW_ROLE_FIELD);
		} else {
			draw_line(y, vx, vw, ff, active, active && fm->typing == i + 1);
			y++;
		}
		if (ff->theirs) {
			char msg[1200];

			theirs_line(ff, msg, sizeof msg);
			y = put_wrapped(y, top + 1 + avail, vx, vw, msg,
					wrapped_rows(msg, vw, THEIRS_ROWS), CW_ROLE_HINT);
		}
		if (error_shown(fm, i)) {
			char msg[CW_MESSAGE_MAX + 8];

			error_line(ff, msg, sizeof msg);
			y = put_wrapped(y, top + 1 + avail, vx, vw, msg,
					wrapped_rows(msg, vw, ERROR_ROWS), CW_ROLE_ERROR);
		}
		if (active && fm->which)
			y = draw_which(fm->which, y, top + 1 + avail, cols);
		if (active)
			for (size_t s = 0; s < fm->nsugg && y < top + 1 + avail; s++) {
				char line[600];
				size_t at;

				at = (size_t)snprintf(line, sizeof line, "%s %s",
						      s == fm->sugg_sel ? ">" : " ", fm->sugg[s]);
				/* A case that does not name the form's person, after theirs. */
				if (fm->sugg_apart[s] && at < sizeof line)
					snprintf(line + at, sizeof line - at,
						 _("   (does not name %s)"), fm->sugg_for);
				cw_screen_put(y++, vx, vw, line,
					      s == fm->sugg_sel ? CW_ROLE_SELECTED : CW_ROLE_HINT);
			}
	}
	/* Going to a field: its name is typed on the hint's line. */
	if (fm->jumping) {
		char line[200];

		snprintf(line, sizeof line, _("go to the field named: %s"),
			 cw_edit_text(&fm->jump));
		cw_screen_put(top + height - 1, 0, cols, line, CW_ROLE_TITLE);
		cw_screen_cursor(top + height - 1, cw_text_width(line));
		return;
	}
	/* A message longer than the status line (a save refused, and why) takes the hint's rows
	 * too: what it says is what to do next. Its last part goes on the status line. */
	if (fm->message[0] && cw_text_width(fm->message) > cols) {
		const char *rest = fm->message;

		for (int r = 0; r < hint_rows && *rest; r++) {
			size_t n = cw_text_wrap(rest, cols > 0 ? cols : 1);
			char *head = strndup(rest, n);

			cw_screen_put(top + height - hint_rows + r, 0, cols, head ? head : "",
				      CW_ROLE_ERROR);
			free(head);
			rest += n ? n : 1;
		}
		snprintf(app->info, sizeof app->info, "%s", rest);
		return;
	}
	if (hint[0])
		put_wrapped(top + height - hint_rows, top + height, 0, cols, hint, hint_rows,
			    CW_ROLE_HINT);
	snprintf(app->info, sizeof app->info, "%s%s", fm->message[0] ? fm->message : _("field "),
		 "");
	if (!fm->message[0])
		snprintf(app->info, sizeof app->info, _("field %zu of %zu%s"), fm->cur + 1, fm->n,
			 fm->dirty ? _(" | changed") : "");
}
