/* groups.c - a case's groups of unnamed defendants, named as people type them; see groups.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/groups.h"
#include "models/i18n.h"
#include "models/text.h"

/* The refusal of a group the case does not have, naming those it has (up to three), so that
 * the label can be typed as the case gives it: a field trial's monitor typed --group as
 * --unnamed took it, "7 NagaWorld union activists", and was told only that it was none. */
static int no_such_group(const struct cw_case *c, const char *typed, const char *field,
			 struct cw_error *err)
{
	char names[200] = "";
	size_t n = 0, len = 0;

	for (size_t i = 0; i < c->defendants.n; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)c->defendants.items + i;

		if (!cw_id_is_zero(&d->person) || !d->label || !*d->label)
			continue;
		if (++n <= 3 && len < sizeof names)
			len += (size_t)snprintf(names + len, sizeof names - len, "%s'%.50s'",
						n > 1 ? ", " : "", d->label);
	}
	cw_text_trim_utf8(names);
	if (!n)
		return cw_error_set(err, CW_EINVAL, field,
				    "'%.40s': the case has no group of unnamed defendants", typed);
	if (n > 3)
		return cw_error_set(err, CW_EINVAL, field,
				    "'%.40s' is none of the case's groups of unnamed defendants "
				    "(%s and %zu more): give one by its label",
				    typed, names, n - 3);
	return cw_error_set(err, CW_EINVAL, field,
			    "'%.40s' is none of the case's groups of unnamed defendants (%s): give "
			    "one by its label",
			    typed, names);
}

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
	else if (hits > 1)
		rc = cw_error_set(err, CW_EINVAL, field,
				  "'%.40s' %s of the case's groups of unnamed defendants", *group,
				  _("matches several"));
	else if (!hits)
		rc = no_such_group(&kase.u.kase, *group, field, err);
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

/* The case's group with this label (compared folded); none for "". */
static struct cw_defendant *find_group(struct cw_case *c, const char *label)
{
	struct cw_defendant *d = c->defendants.items, *found = NULL;
	char *folded;

	if (!*label || !(folded = cw_text_fold(label)))
		return NULL;
	for (size_t i = 0; i < c->defendants.n && !found; i++)
		if (cw_id_is_zero(&d[i].person) && d[i].label &&
		    cw_text_equals_folded(d[i].label, folded))
			found = &d[i];
	free(folded);
	return found;
}

/* The number "N LABEL" starts with, as strtol reads it, in ASCII or Khmer digits ("២ សកម្មជន"
 * is 2, as a Khmer keyboard types it); *end is where it ends in text, the label after it kept
 * as typed (its own digits too). */
static long group_count(const char *text, const char **end)
{
	char head[48], digits[sizeof head], *stop;
	const char *conv, *t = text;
	size_t len = strlen(text) < sizeof head - 1 ? strlen(text) : sizeof head - 1;
	long n;

	/* A count is a few digits: only the start of a long label is looked at. */
	memcpy(head, text, len);
	head[len] = '\0';
	conv = cw_text_latin_digits(head, digits, sizeof digits);
	n = strtol(conv, &stop, 10);
	/* Back to text: a Khmer digit is three bytes there, one in conv. */
	for (const char *c = conv; c < stop; c++)
		t += (*c >= '0' && *c <= '9' && (unsigned char)*t == 0xE1) ? 3 : 1;
	*end = t;
	return n;
}

int cw_case_group_add(struct cw_case *c, const char *text, const char *field,
		      struct cw_defendant **out, struct cw_error *err)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const char *label = text, *end;
	long n = group_count(text, &end);
	int counted = end != text && n > 0 && (*end == ' ' || *end == '\0');

	const struct cw_field *cf =
		df && df->sub ? cw_schema_field(df->sub, "unnamed_count") : NULL;

	/* A number too large for a group is said as typed, on this field, not as the number
	 * strtol made of it on the record's. */
	if (counted && cf && cf->max > 0 && n > cf->max)
		return cw_error_set(err, CW_EINVAL, field,
				    "'%.60s': a group has at most %lld people", text,
				    (long long)cf->max);
	if (end != text && !counted && (*end == ' ' || *end == '\0'))
		return cw_error_set(
			err, CW_EINVAL, field,
			"'%.60s' is no number of people: give 1 or more, or only a label", text);
	/* "8 union activists": a count, then the label. */
	if (counted)
		label = end;
	while (*label == ' ')
		label++;
	if (!counted && !*label)
		return cw_error_set(err, CW_EINVAL, field,
				    "give a number, a label or both: \"8 union activists\"");
	/* A group the case has already is that group, as a person's name is that defendant: a
	 * number given corrects theirs. */
	if (!(*out = find_group(c, label)) && counted) {
		/* A group with no label (an import's, or an older casewatch's) cannot be named
		 * by its events: "8 LABEL" gives the case's one such group of 8 its label, and
		 * "8" alone is the case's one such group, or is refused. */
		struct cw_defendant *d = c->defendants.items, *same = NULL;
		size_t unlabelled = 0, matching = 0;

		for (size_t i = 0; i < c->defendants.n; i++)
			if (cw_id_is_zero(&d[i].person) && !(d[i].label && *d[i].label)) {
				unlabelled++;
				if (!*label || d[i].unnamed_count == n)
					matching++, same = &d[i];
			}
		if (matching != 1)
			same = NULL;
		if (!*label && !same && unlabelled)
			return cw_error_set(err, CW_EINVAL, field,
					    "'%.60s': the case has %zu groups with no label; give "
					    "this one its label too, e.g. \"%ld union activists\"",
					    text, unlabelled, n);
		if (!*label && !same)
			return cw_error_set(
				err, CW_EINVAL, field,
				"'%.60s': give the group a label too, e.g. \"%ld union "
				"activists\", so that its arrests, releases and verdicts "
				"can name it",
				text, n);
		if (same && *label && !(same->label = strdup(label)))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		*out = same;
	}
	if (!*out) {
		if (!df || !(*out = cw_list_append(&c->defendants, df->sub)))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		if (*label && !((*out)->label = strdup(label)))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	if (counted)
		(*out)->unnamed_count = n;
	return 0;
}
