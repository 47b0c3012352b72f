/* form_links.c - an event's form names the other accounts of the event, as the command line's
 * --same-event and --disputes do; see form_internal.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/links.h"
#include "models/i18n.h"
#include "models/text.h"
#include "report/record_text.h"
#include "tui/form_internal.h"

#define NEAR_DAYS 7 /* a picker's records: this many days either side of the form's date */

/* The relation a link field gives, by its name. */
static uint8_t field_relation(const struct cw_form_field *ff)
{
	return !strcmp(ff->name, "disputes") ? CW_LINK_DISPUTES : CW_LINK_SAME_EVENT;
}

/* A link's record as the field tells it: no ';' inside (the field's separator). 0, or the
 * error of a record it names that cannot be read (err, when not NULL): then its id alone, never
 * "not held here"; saving keeps the link, and `verify` names the record. */
static int link_text(struct cw_store *st, const struct cw_id *id, char *buf, size_t len,
		     struct cw_error *err)
{
	char *safe;
	int rc;

	if ((rc = cw_record_account_text(st, id, buf, len, err)) != 0) {
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(id, hex);
		snprintf(buf, len, "(%.8s)", hex);
		return rc;
	}
	/* Neutralised, as all database text on the screen: a title's control characters would
	 * also make the field's text one that saving refuses. */
	if ((safe = cw_text_for_terminal(buf, 0))) {
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(id, hex);
		if (strlen(safe) < len)
			snprintf(buf, len, "%s", safe);
		else /* the id, which is what the field is read by, over a cut description */
			snprintf(buf, len, "(%.8s)", hex);
		free(safe);
	}
	for (char *p = buf; *p; p++)
		if (*p == ';')
			*p = ',';
	return 0;
}

int cw_form_links_add(struct cw_form *fm)
{
	static const char *const names[] = {"same_event", "disputes"};
	static const uint8_t relations[] = {CW_LINK_SAME_EVENT, CW_LINK_DISPUTES};

	if (!CW_KIND_IS_EVENT(fm->kind))
		return 0;
	for (size_t k = 0; k < 2; k++) {
		struct cw_form_field *ff;
		char *text = NULL;
		size_t n = 0;

		/* Labelled as the record view says the link: "same event as", "disputes". */
		if (!(ff = cw_form_add_field(fm, names[k], k ? "disputes" : "same event as",
					     CW_W_LINKS)))
			return CW_ENOMEM;
		ff->hint = k ? _("another account of the event that this one disputes: C-n lists "
				 "those of its kind near its date, or type an id (several: ; "
				 "between)")
			     : _("another account of this very event (the UN's of a hearing the "
				 "team saw): C-n lists those of its kind near its date, or type an "
				 "id (several: ; between)");
		for (size_t i = 0; i < fm->rec.links.n; i++) {
			const struct cw_link *l = (const struct cw_link *)fm->rec.links.items + i;
			char one[600];
			char *grown;

			if (l->relation != relations[k])
				continue;
			(void)link_text(fm->st, &l->record, one, sizeof one, NULL);
			if (!(grown = realloc(text, n + strlen(one) + 3))) {
				free(text);
				return CW_ENOMEM;
			}
			text = grown;
			n += (size_t)sprintf(text + n, "%s%s", n ? "; " : "", one);
		}
		if (text && cw_edit_set(&ff->edit, text) != 0) {
			free(text);
			return CW_ENOMEM;
		}
		free(text);
	}
	return 0;
}

/* The id a part of the field names: what is in its last parentheses when they hold hex digits
 * (a record as the picker gives it), else the whole part. */
static void part_ref(const char *part, char *ref, size_t len)
{
	const char *open = strrchr(part, '('), *close = strrchr(part, ')');

	if (open && close && close > open + 6 && close[1] == '\0' &&
	    strspn(open + 1, "0123456789abcdefABCDEF") == (size_t)(close - open - 1)) {
		snprintf(ref, len, "%.*s", (int)(close - open - 1), open + 1);
		return;
	}
	snprintf(ref, len, "%s", part);
}

/* The record a part names, as the command line finds --same-event's: by id, unique prefix or
 * "ref:"; a record it finds by id must be there. */
static int part_record(struct cw_form *fm, const struct cw_form_field *ff, const char *part,
		       struct cw_id *id, struct cw_error *err)
{
	char ref[200];
	int rc;

	part_ref(part, ref, sizeof ref);
	if (!strncmp(ref, "ref:", 4)) {
		/* A readable ref may name a record not here yet (an import or a bundle still to
		 * come): kept, as import keeps it. One that is here is checked as an id is: a
		 * person's ref ("ref:p-chhim-sithar") linked the event to no account of it. */
		cw_id_from_ref(ref + 4, id);
		if ((rc = cw_link_target_check(fm->st, fm->kind, id, ff->name, err)) ==
		    CW_ENOTFOUND) {
			cw_error_clear(err);
			return 0;
		}
		return rc;
	}
	/* A link the record has already stays, even to a record deleted since or not synced
	 * here yet: the command line checks only the links an edit adds. */
	for (size_t i = 0; strlen(ref) >= 8 && i < fm->rec.links.n; i++) {
		char hex[CW_ID_HEX_LEN + 1];

		*id = ((const struct cw_link *)fm->rec.links.items)[i].record;
		cw_id_hex(id, hex);
		if (!strncmp(hex, ref, strlen(ref)))
			return 0;
	}
	/* A person or a case is refused as the command line refuses it (app/links.h), saying
	 * what it is. */
	if ((rc = cw_store_find_id(fm->st, ref, id, err)) == 0 &&
	    (rc = cw_link_target_check(fm->st, fm->kind, id, ff->name, err)) == CW_EINVAL)
		return rc;
	/* What is typed that names no one record is said so. A store that cannot read what it
	 * names (a damaged record, the database failing) keeps its own error, naming the record,
	 * on the field, as on the command line: "no record is" would send the monitor looking
	 * for another. */
	if (rc == CW_EINVAL || rc == CW_ENOTFOUND || rc == CW_EAMBIGUOUS)
		cw_error_set(err, rc, ff->name,
			     "no record is '%.60s': pick one (C-n), or type its id (8 hex digits)",
			     part);
	else if (rc != 0 && rc != CW_ENOMEM)
		snprintf(err->field, sizeof err->field, "%s", ff->name);
	return rc;
}

int cw_form_links_apply(struct cw_form *fm, struct cw_record *rec, const struct cw_form_field *ff,
			struct cw_error *err)
{
	const struct cw_field *lf = cw_schema_field(&cw_schema_header, "links");
	uint8_t relation = field_relation(ff);
	struct cw_link *l = rec->links.items;
	struct cw_id ids[64];
	char buf[4096], *save = NULL;
	size_t n = 0, had = 0, keep = 0;
	int rc, same = 1;

	if ((rc = cw_text_validate(cw_edit_text(&ff->edit), sizeof buf - 1, 0, ff->name, err)) != 0)
		return rc;
	snprintf(buf, sizeof buf, "%s", cw_edit_text(&ff->edit));
	for (char *t = strtok_r(buf, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
		struct cw_id id;
		char *end;

		while (*t == ' ')
			t++;
		end = t + strlen(t);
		while (end > t && end[-1] == ' ')
			*--end = '\0';
		if (!*t)
			continue;
		if (n == sizeof ids / sizeof ids[0])
			return cw_error_set(err, CW_EINVAL, ff->name, "too many records");
		if ((rc = part_record(fm, ff, t, &id, err)) != 0)
			return rc;
		if (cw_id_equal(&id, &fm->rec.id) && !cw_id_is_zero(&id))
			return cw_error_set(err, CW_EINVAL, ff->name,
					    "a record cannot name itself");
		for (size_t i = 0; i < n; i++)
			if (cw_id_equal(&ids[i], &id))
				return cw_error_set(err, CW_EINVAL, ff->name,
						    "the record is linked to that one already");
		for (size_t i = 0; i < rec->links.n; i++)
			if (l[i].relation != relation && cw_id_equal(&l[i].record, &id))
				return cw_error_set(err, CW_EINVAL, ff->name,
						    "the record is linked to that one already");
		ids[n++] = id;
	}
	/* The links the record has, in its order, when the field names the same: left as they
	 * are, so that an edit that changes nothing writes nothing. */
	for (size_t i = 0; i < rec->links.n; i++)
		if (l[i].relation == relation)
			same &= had < n && cw_id_equal(&l[i].record, &ids[had++]);
	if (same && had == n)
		return 0;
	for (size_t i = 0; i < rec->links.n; i++)
		if (l[i].relation != relation)
			l[keep++] = l[i];
	rec->links.n = keep;
	for (size_t i = 0; i < n; i++) {
		struct cw_link *link = cw_list_append(&rec->links, lf->sub);

		if (!link)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		link->relation = relation;
		link->record = ids[i];
	}
	return 0;
}

/* The date the form gives (its "date" field, typed as people say it); unknown when none. */
static struct cw_date form_date(const struct cw_form *fm)
{
	struct cw_date d = {0, 0, 0};
	int i = cw_form_find(fm, "date");
	struct cw_record scratch;

	if (i < 0 || !fm->fields[i].f || fm->fields[i].f->type != CW_F_DATE)
		return d;
	cw_record_init(&scratch, fm->kind);
	if (cw_field_set_typed(&scratch.u, fm->fields[i].f, cw_edit_text(&fm->fields[i].edit),
			       cw_date_today(), NULL) == 0)
		d = *(const struct cw_date *)((const char *)&scratch.u + fm->fields[i].f->offset);
	cw_record_free(&scratch);
	return d;
}

/* The case the form names (the suggestion taken); zero when none. */
static struct cw_id form_case(const struct cw_form *fm)
{
	struct cw_id none = {{0}};
	int i = cw_form_find(fm, "case");
	const struct cw_form_field *ff = i >= 0 ? &fm->fields[i] : NULL;

	if (ff && !cw_id_is_zero(&ff->picked) && !strcmp(cw_edit_text(&ff->edit), ff->picked_label))
		return ff->picked;
	return ff && ff->f ? *(const struct cw_id *)((const char *)&fm->rec.u + ff->f->offset)
			   : none;
}

/* Whether one of the form's link fields names the record already. */
static int named_already(const struct cw_form *fm, const struct cw_id *id)
{
	char hex[CW_ID_HEX_LEN + 1], paren[16];

	cw_id_hex(id, hex);
	snprintf(paren, sizeof paren, "(%.8s)", hex);
	for (size_t i = 0; i < fm->n; i++)
		if (fm->fields[i].widget == CW_W_LINKS &&
		    strstr(cw_edit_text(&fm->fields[i].edit), paren))
			return 1;
	return 0;
}

void cw_form_links_suggest(struct cw_form *fm, int untyped)
{
	const struct cw_form_field *ff = fm->n ? &fm->fields[fm->cur] : NULL;
	const char *typed = ff ? cw_edit_text(&ff->edit) : "", *semi = strrchr(typed, ';');
	struct cw_date d = form_date(fm);
	struct cw_id kase = form_case(fm);
	struct cw_record_list l;
	struct cw_filter f;
	struct cw_error err;
	size_t order[50], n = 0;
	long day = cw_date_is_known(d) ? cw_date_to_days(cw_date_first_day(d)) : 0;
	int rc;

	cw_form_clear_suggestions(fm);
	if (!ff || ff->widget != CW_W_LINKS || !fm->st)
		return;
	for (typed = semi ? semi + 1 : typed; *typed == ' ';)
		typed++;
	/* Typing narrows the records; only C-n lists them all (Enter must not link one the
	 * monitor did not choose). */
	if (!*typed && !untyped)
		return;
	cw_filter_init(&f);
	f.kinds = CW_KIND_BIT(fm->kind);
	if (day) {
		f.since = cw_date_from_days(day - NEAR_DAYS);
		f.until = cw_date_from_days(day + NEAR_DAYS);
	}
	/* A record near the date that cannot be read: said, and none offered (the list would
	 * leave it out, and the monitor link another account, or none, for want of it). */
	cw_error_clear(&err);
	if ((rc = cw_store_list(fm->st, &f, CW_KIND_BIT(fm->kind), CW_ORDER_NEWEST_FIRST, 0, 50, &l,
				&err)) != 0) {
		if (cw_form_unread(rc))
			cw_form_suggest_unread(fm, _("no suggestions: %s"), rc, &err);
		return;
	}
	for (size_t i = 0; i < l.n && n < 50; i++)
		if (!cw_id_equal(&l.items[i].id, &fm->rec.id) && !named_already(fm, &l.items[i].id))
			order[n++] = i;
	/* Those of the form's case first, then by how far their day is from the form's. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0; j--) {
			const struct cw_record *a = &l.items[order[j - 1]], *b = &l.items[order[j]];
			struct cw_id ca = {{0}}, cb = {{0}};
			long da, db;
			int sa, sb;

			if (a->kind == CW_KIND_HEARING)
				ca = a->u.hearing.case_id, cb = b->u.hearing.case_id;
			else if (a->kind == CW_KIND_MILESTONE)
				ca = a->u.milestone.case_id, cb = b->u.milestone.case_id;
			else if (a->kind == CW_KIND_INCIDENT)
				ca = a->u.incident.case_id, cb = b->u.incident.case_id;
			sa = !cw_id_is_zero(&kase) && cw_id_equal(&ca, &kase);
			sb = !cw_id_is_zero(&kase) && cw_id_equal(&cb, &kase);
			da = labs(cw_date_to_days(cw_date_first_day(cw_record_date(a))) - day);
			db = labs(cw_date_to_days(cw_date_first_day(cw_record_date(b))) - day);
			if (sb > sa || (sb == sa && day && db < da)) {
				size_t t = order[j];

				order[j] = order[j - 1];
				order[j - 1] = t;
			} else {
				break;
			}
		}
	for (size_t k = 0; k < n && fm->nsugg < CW_FORM_SUGGEST_MAX; k++) {
		const struct cw_record *r = &l.items[order[k]];
		char text[600];

		/* One whose account cannot be told (a record it names cannot be read) is offered
		 * by its id whatever was typed, and why is said: the text cannot show it matches,
		 * nor that it does not. */
		cw_error_clear(&err);
		if ((rc = link_text(fm->st, &r->id, text, sizeof text, &err)) != 0 &&
		    cw_form_unread(rc))
			cw_form_suggest_unread(fm, _("a suggestion shows only its id: %s"), rc,
					       &err);
		else if (*typed && !cw_text_contains(text, typed))
			continue;
		if (!(fm->sugg[fm->nsugg] = strdup(text)))
			break;
		fm->sugg_id[fm->nsugg] = r->id;
		fm->sugg_apart[fm->nsugg] = 0;
		fm->nsugg++;
	}
	cw_record_list_free(&l);
}
