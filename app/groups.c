/* groups.c - a case's groups of unnamed defendants, named as people type them; see groups.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/groups.h"
#include "models/i18n.h"
#include "models/text.h"

int cw_case_group_resolve(struct cw_store *st, const struct cw_id *case_id, char **group,
			  const char *field, struct cw_error *err)
{
	struct cw_record kase;
	const char *found = NULL;
	char *folded;
	size_t hits = 0;
	int rc;

	if (!*group || !**group)
		return 0;
	if (cw_id_is_zero(case_id))
		return cw_error_set(err, CW_EINVAL, field,
				    "a group is one of a case's unnamed defendants: give --case");
	if ((rc = cw_store_get(st, case_id, &kase, err)) != 0)
		return rc;
	if (kase.kind != CW_KIND_CASE || !(folded = cw_text_fold(*group))) {
		rc = kase.kind != CW_KIND_CASE
			     ? cw_error_set(err, CW_EINVAL, field, "names no case")
			     : cw_error_set(err, CW_ENOMEM, "", "out of memory");
		cw_record_free(&kase);
		return rc;
	}
	for (size_t i = 0; i < kase.u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase.u.kase.defendants.items + i;

		if (!cw_id_is_zero(&d->person) || !d->label)
			continue;
		if (cw_text_equals_folded(d->label, folded)) {
			found = d->label, hits = 1;
			break;
		}
		if (cw_text_contains_folded(d->label, folded))
			found = d->label, hits++;
	}
	free(folded);
	if (hits == 1 && !(found = strdup(found)))
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	else if (hits != 1)
		rc = cw_error_set(err, CW_EINVAL, field,
				  "'%.40s' %s of the case's groups of unnamed defendants", *group,
				  hits ? _("matches several") : _("is none"));
	cw_record_free(&kase);
	if (rc == 0) {
		free(*group);
		*group = (char *)found;
	}
	return rc;
}

int cw_record_groups_resolve(struct cw_store *st, struct cw_record *rec, struct cw_error *err)
{
	int rc = 0;

	if (rec->kind == CW_KIND_MILESTONE)
		return cw_case_group_resolve(st, &rec->u.milestone.case_id, &rec->u.milestone.group,
					     "group", err);
	if (rec->kind == CW_KIND_HEARING)
		for (size_t i = 0; rc == 0 && i < rec->u.hearing.verdicts.n; i++)
			rc = cw_case_group_resolve(
				st, &rec->u.hearing.case_id,
				&((struct cw_verdict *)rec->u.hearing.verdicts.items)[i].group,
				"verdict", err);
	return rc;
}
