/* form_which.c - a name typed in a form that matches several people: the list of them, to
 * choose the one meant; see form_internal.h and struct cw_form_which.
 *
 * Two detainees may both be called Sok Dara. The store keeps them apart by id, and a form's
 * field took them by name alone: a visit naming one of them could not be saved without
 * typing an id the monitor had no way to see. Now saving (or leaving the field) lists them,
 * each with what tells them apart (their id, year of birth, province, cases, the last prison
 * visit that met them: app/namesakes.h), and the one chosen is written into the field by
 * name and id, "Sok Dara (10f31149)", which is what saving then reads: the form's text still
 * says who is meant, a draft keeps it, and an edit opens with it (form.c writes a shared name
 * so). Esc writes nothing and changes nothing. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/i18n.h"
#include "models/text.h"
#include "tui/form_internal.h"
#include "tui/keys.h"

/* Whether p's Latin or Khmer name is `folded` (cw_text_fold), whole. */
static int bears(const struct cw_person *p, const char *folded)
{
	return folded && ((p->name && cw_text_equals_folded(p->name, folded)) ||
			  (p->name_km && cw_text_equals_folded(p->name_km, folded)));
}

int cw_form_which_fits(const char *part, const struct cw_record_list *cands)
{
	char *folded;
	size_t whole = 0;

	if (cands->n < 2)
		return 0;
	if (cands->n <= CW_FORM_WHICH_MAX)
		return 1;
	/* More than a list of a part of a name takes: all listed when the name is theirs whole,
	 * which no more of it typed would tell apart. */
	if (!(folded = cw_text_fold(part)))
		return 0;
	for (size_t i = 0; i < cands->n && whole == i; i++)
		whole += bears(&cands->items[i].u.person, folded);
	free(folded);
	return whole == cands->n;
}

void cw_form_which_note(struct cw_form *fm, const struct cw_form_field *ff, const char *part,
			const struct cw_record_list *cands)
{
	struct cw_id *ids;
	char *folded;
	size_t n = 0;

	if (fm->amb_n || fm->amb_quiet || !ff || ff < fm->fields || ff >= fm->fields + fm->n ||
	    !cw_form_which_fits(part, cands) || strlen(part) >= sizeof fm->amb_part)
		return;
	if (!(ids = malloc(cands->n * sizeof *ids)))
		return; /* not listed: the field's error says what to type */
	free(fm->amb_ids);
	fm->amb_ids = ids;
	/* Those whose whole name was typed first, then those whose name holds it. */
	folded = cw_text_fold(part);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < cands->n; i++) {
			int whole = bears(&cands->items[i].u.person, folded);

			if (whole == !pass)
				fm->amb_ids[n++] = cands->items[i].id;
		}
	free(folded);
	fm->amb_field = (size_t)(ff - fm->fields);
	snprintf(fm->amb_part, sizeof fm->amb_part, "%s", part);
	fm->amb_n = n;
}

static void which_free(struct cw_form_which *w)
{
	if (w)
		free(w->people);
	free(w);
}

void cw_form_which_close(struct cw_form *fm)
{
	which_free(fm->which);
	fm->which = NULL;
}

int cw_form_which_open(struct cw_form *fm, int move)
{
	struct cw_form_which *w;
	struct cw_error err;
	int rc = 0;

	cw_form_which_close(fm);
	if (!fm->amb_n || fm->amb_field >= fm->n || !fm->st)
		return 0;
	if (!(w = calloc(1, sizeof *w)) || !(w->people = calloc(fm->amb_n, sizeof *w->people))) {
		which_free(w);
		snprintf(fm->message, sizeof fm->message, "%s", _("out of memory"));
		return 0;
	}
	cw_error_clear(&err);
	/* Each one read and described; one that cannot be read is said, and no list shown: a
	 * list that left them out would offer the other as the only one. */
	for (size_t i = 0; i < fm->amb_n && rc == 0; i++) {
		struct cw_record rec;

		if ((rc = cw_store_get(fm->st, &fm->amb_ids[i], &rec, &err)) != 0)
			break;
		rc = cw_namesake_describe(fm->st, &rec, &w->people[i], &err);
		cw_record_free(&rec);
	}
	if (rc != 0) {
		which_free(w);
		cw_error_format(&err, fm->message, sizeof fm->message);
		return 0;
	}
	w->n = fm->amb_n;
	w->field = fm->amb_field;
	w->move = move;
	snprintf(w->part, sizeof w->part, "%s", fm->amb_part);
	cw_form_clear_suggestions(fm);
	fm->which = w;
	fm->cur = w->field;
	return 1;
}

/* Where `part` stands in text as a whole name: a part of a list "A; B", the name of a
 * detainee's access "NAME=WORD", or of a verdict "ARTICLES=RESULT@NAME" (after the start, ';'
 * or '@', before the end, ';' or '=', spaces aside); the first such place, as the fields are
 * read. NULL when it is nowhere. */
static const char *find_name(const char *text, const char *part)
{
	size_t len = strlen(part);

	for (const char *at = len ? strstr(text, part) : NULL; at; at = strstr(at + 1, part)) {
		const char *before = at, *after = at + len;

		while (before > text && before[-1] == ' ')
			before--;
		while (*after == ' ')
			after++;
		if ((before == text || before[-1] == ';' || before[-1] == '@') &&
		    (!*after || *after == ';' || *after == '='))
			return at;
	}
	return NULL;
}

/* The person chosen put in the field in place of the name typed, by name and id
 * (cw_namesake_text). 0, or an error in err. */
static int take(struct cw_form *fm, struct cw_error *err)
{
	struct cw_form_which *w = fm->which;
	struct cw_form_field *ff = &fm->fields[w->field];
	const struct cw_id *id = &w->people[w->sel].id;
	const char *text = cw_edit_text(&ff->edit), *at = find_name(text, w->part);
	char name[CW_FORM_NAME_BYTES], *buf;
	struct cw_record rec;
	size_t len;
	int rc;

	if (!at) /* not typed so any more: nothing to put it in place of */
		return cw_error_set(err, CW_ENOTFOUND, ff->name,
				    "'%.60s' is no longer in the field", w->part);
	if ((rc = cw_store_get(fm->st, id, &rec, err)) != 0)
		return rc;
	rc = cw_namesake_text(fm->st, &rec, name, sizeof name, err);
	cw_record_free(&rec);
	if (rc != 0)
		return rc;
	len = strlen(text) - strlen(w->part) + strlen(name) + 1;
	if (!(buf = malloc(len)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	snprintf(buf, len, "%.*s%s%s", (int)(at - text), text, name, at + strlen(w->part));
	rc = cw_edit_set(&ff->edit, buf);
	free(buf);
	if (rc != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* A field of one person reads the one taken as a suggestion taken is read. */
	if (ff->widget == CW_W_PERSON && !ff->multi && strlen(name) < sizeof ff->picked_label) {
		ff->picked = *id;
		memcpy(ff->picked_label, name, strlen(name) + 1);
	}
	ff->error[0] = '\0';
	fm->dirty = 1;
	return 0;
}

enum cw_form_result cw_form_which_key(struct cw_form *fm, int key)
{
	struct cw_form_which *w = fm->which;
	struct cw_form_field *ff = &fm->fields[w->field];
	struct cw_error err;
	int move;

	switch (cw_keys_lookup(CW_CTX_WHICH, key)) {
	case CW_ACT_UP:
		if (w->sel > 0)
			w->sel--;
		return CW_FORM_CONTINUE;
	case CW_ACT_DOWN:
		if (w->sel + 1 < w->n)
			w->sel++;
		return CW_FORM_CONTINUE;
	case CW_ACT_FORM_HELP:
		return CW_FORM_HELP;
	case CW_ACT_WHICH_BACK:
		/* Leaving the field does not ask again about the same text; saving does. */
		free(ff->declined);
		ff->declined = strdup(cw_edit_text(&ff->edit));
		cw_form_which_close(fm);
		return CW_FORM_CONTINUE;
	case CW_ACT_WHICH_TAKE:
		cw_error_clear(&err);
		move = w->move;
		if (take(fm, &err) != 0) {
			cw_form_which_close(fm);
			cw_error_format(&err, fm->message, sizeof fm->message);
			return CW_FORM_CONTINUE;
		}
		cw_form_which_close(fm);
		/* On with what asked: the save, or the move out of the field. */
		if (!move)
			return cw_form_save_key(fm);
		cw_form_move(fm, move);
		return CW_FORM_CONTINUE;
	default:
		return CW_FORM_CONTINUE; /* the list's keys only, while it is open */
	}
}
