/* form_suggest.c - the type-ahead suggestions of a form's pickers, from the store; see form.h.
 * A case picker beside a person offers the person's cases first (form_cases.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/i18n.h"
#include "models/text.h"
#include "tui/form_internal.h"

int cw_form_unread(int rc)
{
	return rc != 0 && rc != CW_ENOTFOUND && rc != CW_EAMBIGUOUS && rc != CW_EINVAL;
}

void cw_form_suggest_unread(struct cw_form *fm, const char *what, int rc,
			    const struct cw_error *err)
{
	cw_text_format(fm->message, sizeof fm->message, what,
		       err->message[0] ? err->message : cw_error_name(rc));
	snprintf(fm->sugg_said, sizeof fm->sugg_said, "%s", fm->message);
}

/* What the suggestions say when a read they need failed: none are shown, rather than a list
 * that leaves out the record that cannot be read. */
static void none_offered(struct cw_form *fm, int rc, const struct cw_error *err)
{
	cw_form_clear_suggestions(fm);
	cw_form_suggest_unread(fm, _("no suggestions: %s"), rc, err);
}

/* A suggestion; `apart`: a case that does not name the form's person (shown so). */
static void add_suggestion(struct cw_form *fm, const char *text, const struct cw_id *id, int apart)
{
	/* Those shown are looked at even when no more can be: another person of a name shown
	 * (the next in name order, past the last shown) makes it the name of two. */
	for (size_t i = 0; i < fm->nsugg; i++)
		if (!strcmp(fm->sugg[i], text) || (id && cw_id_equal(&fm->sugg_id[i], id))) {
			/* Two people of one name: the suggestion is the name, which neither is
			 * taken for; leaving the field lists them, to choose (form_which.c). */
			if (id && fm->fields[fm->cur].widget != CW_W_CASE &&
			    !cw_id_equal(&fm->sugg_id[i], id))
				memset(&fm->sugg_id[i], 0, sizeof fm->sugg_id[i]);
			return;
		}
	if (fm->nsugg >= CW_FORM_SUGGEST_MAX || !(fm->sugg[fm->nsugg] = strdup(text)))
		return;
	memset(&fm->sugg_id[fm->nsugg], 0, sizeof fm->sugg_id[0]);
	if (id)
		fm->sugg_id[fm->nsugg] = *id;
	fm->sugg_apart[fm->nsugg] = (unsigned char)apart;
	fm->nsugg++;
}

/* A case field beside a person (a milestone's): the person's cases come first, those whose
 * title holds the text typed (every one when nothing is typed, or when the case the field
 * holds is not theirs: what to pick instead), newest first. 1 when the form has a person,
 * their cases left in *cases (the caller frees them), so that the other cases found are
 * marked as not naming them; 0, and nothing added, when it has none; -1 when the person or
 * their cases cannot be read (said, none offered). */
static int person_cases_first(struct cw_form *fm, const struct cw_form_field *ff, const char *typed,
			      struct cw_record_list *cases)
{
	struct cw_error err;
	struct cw_id person;
	int theirs = 0, chosen = !cw_id_is_zero(&ff->picked) && !strcmp(typed, ff->picked_label);
	int rc;

	memset(cases, 0, sizeof *cases);
	cw_error_clear(&err);
	if ((rc = cw_form_person(fm, &person, fm->sugg_for, sizeof fm->sugg_for, &err)) == 0)
		rc = cw_form_person_cases(fm, &person, cases, &err);
	if (cw_form_unread(rc)) {
		none_offered(fm, rc, &err);
		return -1;
	}
	if (rc != 0)
		return 0;
	if (chosen)
		for (size_t i = 0; i < cases->n; i++)
			theirs |= cw_id_equal(&cases->items[i].id, &ff->picked);
	for (size_t i = cases->n; i-- > 0 && !theirs;) {
		const char *title = cw_record_label(&cases->items[i]);

		if (*title && (!*typed || chosen || cw_text_contains(title, typed)))
			add_suggestion(fm, title, &cases->items[i].id, 0);
	}
	return 1;
}

/* Whether the case `id` is among cases. */
static int among(const struct cw_record_list *cases, const struct cw_id *id)
{
	for (size_t i = 0; i < cases->n; i++)
		if (cw_id_equal(&cases->items[i].id, id))
			return 1;
	return 0;
}

/* The part of a picker's text suggestions are for: after the last ';' in a list of people. */
static const char *typed_part(const struct cw_form_field *ff)
{
	const char *text = cw_edit_text(&ff->edit), *semi;

	if ((ff->widget == CW_W_PEOPLE || ff->multi) && (semi = strrchr(text, ';'))) {
		text = semi + 1;
		while (*text == ' ')
			text++;
	}
	return text;
}

/* A field of people: those whose Latin or Khmer name holds the text, best fit first, in name
 * order within each (cw_store_people_by_part, which keeps the people's names: a key reads no
 * one). A name typed whole that several bear is offered once, as no one of them. */
static void people_suggest(struct cw_form *fm, const struct cw_form_field *ff, const char *typed)
{
	struct cw_name_hit *hits;
	struct cw_error err;
	size_t n;
	int rc;

	if (!*typed || (!cw_id_is_zero(&ff->picked) && !strcmp(typed, ff->picked_label)) ||
	    cw_text_validate(typed, CW_FILTER_TEXT_MAX - 1, 0, "text", NULL) != 0)
		return;
	cw_error_clear(&err);
	if ((rc = cw_store_people_by_part(fm->st, typed, CW_FORM_SUGGEST_MAX, &hits, &n, &err)) !=
	    0) {
		if (cw_form_unread(rc))
			none_offered(fm, rc, &err);
		return;
	}
	for (size_t i = 0; i < n; i++)
		add_suggestion(fm, hits[i].label, &hits[i].id, 0);
	cw_name_hits_free(hits, n);
}

/* A case field: the cases whose title holds the text first (its start, then a word's, then
 * inside a word), then those that hold it elsewhere (their court, notes or charges, a
 * defendant's name: what the lists' search finds them by), newest first within each
 * (cw_store_cases_by_part, which keeps the cases' text: a key reads no case). theirs: the
 * cases of the form's person (NULL: it has none); a case found that is not among them is
 * marked as not naming them. One of theirs found by other text than its title (their own
 * name, a defendant's) is theirs all the same, never marked. */
static void cases_suggest(struct cw_form *fm, const struct cw_form_field *ff, const char *typed,
			  const struct cw_record_list *theirs)
{
	struct cw_name_hit *hits;
	struct cw_error err;
	size_t n;
	int rc;

	if (!*typed || (!cw_id_is_zero(&ff->picked) && !strcmp(typed, ff->picked_label)) ||
	    cw_text_validate(typed, CW_FILTER_TEXT_MAX - 1, 0, "text", NULL) != 0)
		return;
	/* A record that cannot be read among the cases or their people: said, and none offered
	 * (the list would leave it out, as though no such case were held). */
	cw_error_clear(&err);
	if ((rc = cw_store_cases_by_part(fm->st, typed, CW_FORM_SUGGEST_MAX, &hits, &n, &err)) !=
	    0) {
		if (cw_form_unread(rc))
			none_offered(fm, rc, &err);
		return;
	}
	for (size_t i = 0; i < n; i++)
		add_suggestion(fm, hits[i].label, &hits[i].id,
			       theirs && !among(theirs, &hits[i].id));
	cw_name_hits_free(hits, n);
}

void cw_form_suggest(struct cw_form *fm)
{
	struct cw_form_field *ff = fm->n ? &fm->fields[fm->cur] : NULL;
	const char *typed;

	cw_form_clear_suggestions(fm);
	if (ff && ff->widget == CW_W_WORDS) {
		cw_form_words_suggest(fm);
		return;
	}
	if (ff && ff->widget == CW_W_LINKS) {
		cw_form_links_suggest(fm, 0);
		return;
	}
	if (!ff || !fm->st)
		return;
	typed = typed_part(ff);
	switch (ff->widget) {
	case CW_W_PERSON:
	case CW_W_PEOPLE:
		people_suggest(fm, ff, typed);
		return;
	case CW_W_CASE: {
		struct cw_record_list theirs;
		int person = person_cases_first(fm, ff, typed, &theirs);

		if (person >= 0)
			cases_suggest(fm, ff, typed, person ? &theirs : NULL);
		cw_record_list_free(&theirs);
		return;
	}
	case CW_W_COURT:
	case CW_W_PRISON:
	case CW_W_PROVINCE: {
		enum cw_name_type t = ff->widget == CW_W_COURT    ? CW_NAME_COURT
				      : ff->widget == CW_W_PRISON ? CW_NAME_FACILITY
								  : CW_NAME_PROVINCE;
		struct cw_error err;
		char **names;
		size_t count;
		int rc;

		cw_error_clear(&err);
		if ((rc = cw_store_names(fm->st, t, typed, &names, &count, &err)) != 0) {
			if (cw_form_unread(rc))
				none_offered(fm, rc, &err);
			return;
		}
		for (size_t i = 0; i < count; i++)
			if (strcmp(names[i], typed) != 0)
				add_suggestion(fm, names[i], NULL, 0);
		cw_store_names_free(names, count);
		return;
	}
	default:
		return;
	}
}

void cw_form_offer(struct cw_form *fm)
{
	const struct cw_form_field *ff = fm->n ? &fm->fields[fm->cur] : NULL;
	struct cw_id person;
	char name[200];
	int rc;

	cw_form_clear_suggestions(fm);
	/* A person that cannot be read: cw_form_suggest says so. */
	if (ff && ff->widget == CW_W_CASE &&
	    ((rc = cw_form_person(fm, &person, name, sizeof name, NULL)) == 0 ||
	     cw_form_unread(rc)))
		cw_form_suggest(fm);
}
