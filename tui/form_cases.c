/* form_cases.c - a form's case beside its person (a milestone's): the person's cases are the
 * cases that list them as a defendant, which the case picker offers first; a case that does
 * not name the person is refused when it is chosen anew. See form_internal.h.
 *
 * Why refuse rather than warn: a milestone counts only in a case that names its person (the
 * detention index starts nobody's detention in a case that does not, store/detention.c; a
 * verdict moves only the charges the case gives them), so such a milestone is counted nowhere
 * and reported wrong, with nothing on the screen to say so. The fix is one step away, and the
 * message names the key that shows the person's cases (else the case's form adds them to
 * it). A record that already pairs them (an import, a bundle) is not refused for an edit of
 * its other fields. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "app/advice.h"
#include "app/namesakes.h"
#include "models/text.h"
#include "tui/form_internal.h"

/* The form's person and case fields, when its kind pairs them: only a milestone names one
 * person and one case (an incident names several people, a hearing's are its case's). */
static int paired(const struct cw_form *fm, int *person, int *kase)
{
	if (fm->kind != CW_KIND_MILESTONE)
		return 0;
	*person = cw_form_find(fm, "person");
	*kase = cw_form_find(fm, "case");
	return *person >= 0 && *kase >= 0;
}

/* The record a person or case field names: the suggestion taken, else its text read as a name
 * or id that matches one record. 0, or an error (none named, several, none found, or a read
 * that failed: err, when not NULL, says it). */
static int named(struct cw_form *fm, const struct cw_form_field *ff, enum cw_kind kind,
		 struct cw_id *out, struct cw_error *err)
{
	const char *text = cw_edit_text(&ff->edit);

	if (!*text)
		return CW_ENOTFOUND;
	if (!cw_id_is_zero(&ff->picked) && !strcmp(text, ff->picked_label)) {
		*out = ff->picked;
		return 0;
	}
	if (kind == CW_KIND_PERSON && cw_form_opened(fm, ff, text)) {
		*out = *cw_form_opened(fm, ff, text);
		return 0;
	}
	return kind == CW_KIND_PERSON ? cw_namesake_resolve(fm->st, text, out, NULL, err)
				      : cw_store_resolve(fm->st, kind, text, out, NULL, err);
}

int cw_form_person(struct cw_form *fm, struct cw_id *id, char *name, size_t len,
		   struct cw_error *err)
{
	int person, kase, rc;

	if (!fm->st || !paired(fm, &person, &kase))
		return CW_ENOTFOUND;
	if ((rc = named(fm, &fm->fields[person], CW_KIND_PERSON, id, err)) != 0)
		return rc;
	snprintf(name, len, "%s", cw_edit_text(&fm->fields[person].edit));
	cw_text_trim_utf8(name);
	return 0;
}

int cw_form_person_cases(struct cw_form *fm, const struct cw_id *person, struct cw_record_list *out,
			 struct cw_error *err)
{
	return cw_store_person_records(fm->st, person, CW_KIND_BIT(CW_KIND_CASE), out, err);
}

int cw_form_check_case(struct cw_form *fm, struct cw_error *err)
{
	const struct cw_milestone *was = &fm->rec.u.milestone;
	struct cw_id person, kase;
	char who[200];
	int pi, ci;

	if (!fm->st || !paired(fm, &pi, &ci) ||
	    cw_form_person(fm, &person, who, sizeof who, NULL) != 0 ||
	    named(fm, &fm->fields[ci], CW_KIND_CASE, &kase, NULL) != 0)
		return 0; /* nothing to compare; a name that matches none is the field's own error
			   */
	if (fm->editing && cw_id_equal(&person, &was->person) && cw_id_equal(&kase, &was->case_id))
		return 0; /* as the record had it */
	/* The command line's rule (app/advice.h), in words for the form: short enough for the
	 * row under the field, which shows the case: what is wrong, and the key that shows the
	 * cases to pick from instead. */
	if (cw_check_case_names(fm->st, &kase, &person))
		return 0;
	return cw_error_set(err, CW_EINVAL, "case",
			    "does not name %.40s as a defendant: C-n shows their cases", who);
}
