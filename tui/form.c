/* form.c - a form's fields, made from the field tables and the record edited; see form.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/form_internal.h"
#include "models/article.h"
#include "models/confidential.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/text.h"

/* Every label a form shows: the field's name with spaces for underscores, translated (the
 * options and JSON keep the name). Listed here so that xgettext sees them. */
static const char *const form_labels[] = {
	/* TRANSLATORS: labels of form fields; the form keeps 22 columns for them. */
	N_("absent"),
	N_("access"),
	N_("actor"),
	N_("adjourn reason"),
	N_("affiliation"),
	N_("after"),
	N_("arrested"),
	N_("arrests at least"),
	N_("arrests count"),
	N_("article"),
	N_("articles"),
	N_("as of"),
	N_("at least"),
	N_("attendance"),
	N_("author"),
	N_("bail"),
	N_("birth year"),
	N_("bundle"),
	N_("case"),
	N_("cause"),
	N_("charges"),
	N_("concerns"),
	N_("confidential"),
	N_("confidential fields"),
	N_("counsel of choice"),
	N_("count"),
	N_("court"),
	N_("court level"),
	N_("court province"),
	N_("created"),
	N_("custody"),
	N_("date"),
	N_("defendant"),
	N_("defendants"),
	N_("detail"),
	N_("detainee access"),
	N_("detainees"),
	N_("disputes"),
	N_("edited in"),
	N_("editor"),
	N_("equality of arms"),
	N_("facilities"),
	N_("facility"),
	N_("facility province"),
	N_("family access"),
	N_("fine"),
	N_("follow up"),
	N_("follow up on"),
	N_("group"),
	N_("in the case"),
	N_("independent tribunal"),
	N_("indicators"),
	N_("informed of charge"),
	N_("injured"),
	N_("injured at least"),
	N_("interpreter"),
	N_("judge"),
	N_("lawyer access"),
	N_("lawyers"),
	N_("links"),
	N_("merged into"),
	N_("monitors"),
	N_("monitors admitted"),
	N_("more"),
	N_("name"),
	N_("name km"),
	N_("next date"),
	N_("no coerced confession"),
	N_("notes"),
	N_("number"),
	N_("opened"),
	N_("organiser"),
	N_("origin"),
	N_("outcome"),
	N_("participants"),
	N_("participants at least"),
	N_("period from"),
	N_("period to"),
	N_("person"),
	N_("persons"),
	N_("place"),
	N_("present"),
	N_("press admitted"),
	N_("presumption of innocence"),
	N_("private interview"),
	N_("prosecutor"),
	N_("province"),
	N_("public admitted"),
	N_("public hearing"),
	N_("reasoned judgment"),
	N_("reported on"),
	N_("reportedly"),
	N_("response"),
	N_("result"),
	N_("roles"),
	N_("same event as"),
	N_("sentence"),
	N_("sentence parts"),
	N_("set aside"),
	N_("sex"),
	N_("source"),
	N_("stage"),
	N_("target"),
	N_("time"),
	N_("time to prepare"),
	N_("title"),
	N_("type"),
	N_("undue delay"),
	N_("unit"),
	N_("unnamed defendants"),
	N_("until"),
	N_("updated"),
	N_("verdicts"),
	N_("versions"),
	N_("view"),
};

/* The label of a field for people: its translation when the catalogue has one. */
static const char *form_label(const char *english)
{
	for (size_t i = 0; i < sizeof form_labels / sizeof form_labels[0]; i++)
		if (!strcmp(form_labels[i], english))
			return _(form_labels[i]);
	return english;
}

int cw_form_label_listed(const char *english)
{
	return form_label(english) != english;
}

static struct cw_form_field *add_field(struct cw_form *fm, const char *name, const char *label,
				       enum cw_form_widget w)
{
	char english[sizeof((struct cw_form_field *)0)->label];

	struct cw_form_field *grown = realloc(fm->fields, (fm->n + 1) * sizeof *grown), *ff;

	if (!grown)
		return NULL;
	fm->fields = grown;
	ff = &fm->fields[fm->n++];
	memset(ff, 0, sizeof *ff);
	snprintf(ff->name, sizeof ff->name, "%s", name);
	snprintf(english, sizeof english, "%s", label);
	for (char *p = english; *p; p++)
		if (*p == '_')
			*p = ' ';
	snprintf(ff->label, sizeof ff->label, "%s", form_label(english));
	ff->widget = w;
	ff->edit.multiline = w == CW_W_NOTES;
	return ff;
}

struct cw_form_field *cw_form_add_field(struct cw_form *fm, const char *name, const char *label,
					enum cw_form_widget w)
{
	return add_field(fm, name, label, w);
}

static enum cw_form_widget widget_for(const struct cw_field *f, enum cw_kind kind)
{
	switch (f->type) {
	case CW_F_STR:
		if (f->flags & CW_FF_MULTILINE)
			return CW_W_NOTES;
		if (!strcmp(f->name, "court"))
			return CW_W_COURT;
		if (!strcmp(f->name, "facility") && kind == CW_KIND_VISIT)
			return CW_W_PRISON;
		if (strstr(f->name, "province"))
			return CW_W_PROVINCE;
		return CW_W_TEXT;
	case CW_F_ENUM:
		return f->words == &cw_words_answer ? CW_W_TOGGLE : CW_W_CHOICE;
	case CW_F_SET:
		return CW_W_WORDS;
	case CW_F_BOOL:
		return CW_W_BOOL;
	case CW_F_ID:
		return f->ref_kind == CW_KIND_CASE ? CW_W_CASE : CW_W_PERSON;
	default:
		return CW_W_TEXT;
	}
}

static int among_ids(const struct cw_id *ids, size_t n, const struct cw_id *id)
{
	for (size_t i = 0; i < n; i++)
		if (cw_id_equal(&ids[i], id))
			return 1;
	return 0;
}

static int add_with_id(struct cw_form *fm, const struct cw_id *id)
{
	struct cw_id *grown;

	if (among_ids(fm->with_id, fm->nwith_id, id))
		return 0;
	if (!(grown = realloc(fm->with_id, (fm->nwith_id + 1) * sizeof *grown)))
		return CW_ENOMEM;
	fm->with_id = grown;
	fm->with_id[fm->nwith_id++] = *id;
	return 0;
}

/* Keeps the text the form wrote for a person in field `field`, to read it back as them
 * (cw_form_opened). The same text written for another person too: both are to be written
 * with their id (the form then opens again: open_form). */
static int keep_opened(struct cw_form *fm, size_t field, const char *text, const struct cw_id *id)
{
	struct cw_form_named *grown;

	for (size_t i = 0; i < fm->nopened; i++) {
		if (strcmp(fm->opened[i].text, text))
			continue;
		if (!cw_id_equal(&fm->opened[i].id, id)) {
			fm->named_alike = 1;
			if (add_with_id(fm, id) != 0 || add_with_id(fm, &fm->opened[i].id) != 0)
				return CW_ENOMEM;
		} else if (fm->opened[i].field == field) {
			fm->opened[i].count++;
			return 0;
		}
	}
	if (!(grown = realloc(fm->opened, (fm->nopened + 1) * sizeof *grown)))
		return CW_ENOMEM;
	fm->opened = grown;
	if (!(fm->opened[fm->nopened].text = strdup(text)))
		return CW_ENOMEM;
	fm->opened[fm->nopened].id = *id;
	fm->opened[fm->nopened].field = field;
	fm->opened[fm->nopened++].count = 1;
	return 0;
}

/* Whether one part of a field ("Sok Dara", "494=convicted@Sok Dara", "Sok Dara=denied") names
 * the person written `text`. */
static int part_names(const char *part, size_t len, const char *text)
{
	size_t n = strlen(text);
	const char *at = memchr(part, '=', len);

	for (const char *p = part + len; p > part; p--)
		if (p[-1] == '@') {
			at = NULL;
			len -= (size_t)(p - part);
			part = p;
			break;
		}
	if (at) /* NAME=WORD */
		len = (size_t)(at - part);
	while (len && *part == ' ')
		part++, len--;
	while (len && part[len - 1] == ' ')
		len--;
	return len == n && !memcmp(part, text, n);
}

/* How many of the parts of a field's text (separated by ;) name the person written `text`. */
static size_t parts_naming(const char *field_text, const char *text)
{
	size_t n = 0;

	for (const char *p = field_text;; p++) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		n += part_names(p, len, text);
		if (!end)
			return n;
		p = end;
	}
}

/* The person field fi opened with whose text is `text`: NULL when none, when two, or when the
 * field now names them more often than it opened with them (the one more was typed, and may
 * be another of the name). */
static const struct cw_id *opened_in(const struct cw_form *fm, size_t fi, const char *text)
{
	const struct cw_id *found = NULL;
	size_t count = 0;

	for (size_t i = 0; i < fm->nopened; i++) {
		if (fm->opened[i].field != fi || strcmp(fm->opened[i].text, text))
			continue;
		if (found && !cw_id_equal(found, &fm->opened[i].id))
			return NULL; /* two of them: neither */
		found = &fm->opened[i].id;
		count += fm->opened[i].count;
	}
	if (found && parts_naming(cw_edit_text(&fm->fields[fi].edit), text) > count)
		return NULL;
	return found;
}

const struct cw_id *cw_form_opened(const struct cw_form *fm, const struct cw_form_field *ff,
				   const char *text)
{
	const struct cw_id *found;
	int di;

	if (ff < fm->fields || ff >= fm->fields + fm->n)
		return NULL;
	if ((found = opened_in(fm, (size_t)(ff - fm->fields), text)))
		return found;
	/* A detainee's access names one of the detainees the visit met. */
	if (fm->kind == CW_KIND_VISIT &&
	    (!strcmp(ff->name, "lawyer_access") || !strcmp(ff->name, "family_access")) &&
	    (di = cw_form_find(fm, "detainees")) >= 0)
		return opened_in(fm, (size_t)di, text);
	return NULL;
}

/* A record's name for an id, for the text of a picker: "" when the store holds none. One it
 * holds and cannot read (it fails its authentication, the database failed) is an error, with
 * the store's message naming it: a blank name read as no one, and saving the form then left
 * the person out of the list it was in (attendance, verdicts, the people a visit met).
 *
 * A person is written by their name, or, when another person bears it too (a range of the
 * index of people by name: cw_namesake_text), by their name and id, "Sok Dara (10f31149)"
 * (app/namesakes.h), as is one without a name, and two people of the form who share a name
 * however that read went. The form keeps which person that text named (keep_opened): an edit
 * that leaves it so saves them again with no lookup of the name. The text is kept as field
 * fi's. */
static int label_in(struct cw_store *st, struct cw_form *fm, size_t fi, const struct cw_id *id,
		    char *buf, size_t len, struct cw_error *err)
{
	struct cw_record r;
	int rc = 0;

	buf[0] = '\0';
	if (cw_id_is_zero(id) || !st)
		return 0;
	if ((rc = cw_store_get(st, id, &r, err)) != 0) {
		if (rc != CW_ENOTFOUND)
			return rc;
		cw_error_clear(err);
		return 0;
	}
	if (r.kind != CW_KIND_PERSON)
		snprintf(buf, len, "%s", cw_record_label(&r));
	else if (fm && (!*cw_record_label(&r) || among_ids(fm->with_id, fm->nwith_id, id)))
		cw_namesake_text_id(st, &r, buf, len);
	else
		rc = cw_namesake_text(st, &r, buf, len, err);
	if (rc == 0 && fm && r.kind == CW_KIND_PERSON && keep_opened(fm, fi, buf, id) != 0)
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	cw_record_free(&r);
	return rc;
}

/* label_in, for the field the form is writing as it opens (the last it added). */
static int label_of(struct cw_store *st, struct cw_form *fm, const struct cw_id *id, char *buf,
		    size_t len, struct cw_error *err)
{
	return label_in(st, fm, fm ? fm->n - 1 : 0, id, buf, len, err);
}

void cw_form_name_person(void *st, const struct cw_id *id, char *buf, size_t len)
{
	/* A name in a validation message only: one that cannot be read is named by its id
	 * there, and saving reads it again and fails with the store's error. */
	if (label_of(st, NULL, id, buf, len, NULL) != 0)
		buf[0] = '\0';
}

/* "Chhim Sithar (detained; charged: 494/495); 8 unnamed union activists" */
static int defendants_summary(struct cw_form *fm, char *buf, size_t len, struct cw_error *err)
{
	const struct cw_list *l = &fm->rec.u.kase.defendants;
	size_t n = 0;
	int rc;

	buf[0] = '\0';
	for (size_t i = 0; i < l->n && n < len; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)l->items + i;
		char who[300], charges[600];

		if (!cw_id_is_zero(&d->person)) {
			if ((rc = label_of(fm->st, fm, &d->person, who, sizeof who, err)) != 0)
				return rc;
		} else if (d->unnamed_count > 0)
			snprintf(who, sizeof who, _("%lld unnamed %s"), (long long)d->unnamed_count,
				 d->label ? d->label : "");
		else
			snprintf(who, sizeof who, _("%s (number not given)"),
				 d->label ? d->label : "");
		cw_charges_text(d, cw_date_today(), charges, sizeof charges);
		n += (size_t)snprintf(buf + n, len - n, "%s%s (%s%s%s)", n ? "; " : "", who,
				      d->custody ? cw_enum_label(&cw_words_custody, d->custody)
						 : _("custody not recorded"),
				      charges[0] ? "; " : "", charges);
	}
	cw_text_trim_utf8(buf);
	return 0;
}

static int set_picked(struct cw_form *fm, struct cw_form_field *ff, const struct cw_id *id,
		      struct cw_error *err)
{
	int rc;

	ff->picked = *id;
	if ((rc = label_in(fm->st, fm, (size_t)(ff - fm->fields), id, ff->picked_label,
			   sizeof ff->picked_label, err)) != 0)
		return rc;
	cw_edit_set(&ff->edit, ff->picked_label);
	return 0;
}

/* The text of a schema field's current value. 0, or the error of a record it names that
 * cannot be read (label_of). */
static int value_text(struct cw_form *fm, const void *base, const struct cw_field *f,
		      struct cw_form_field *ff, struct cw_error *err)
{
	const char *p = (const char *)base + f->offset;
	char buf[600] = "";
	int rc;

	switch (f->type) {
	case CW_F_STR:
		cw_edit_set(&ff->edit, *(char *const *)p);
		return 0;
	case CW_F_DATE:
		cw_date_format(*(const struct cw_date *)p, buf);
		break;
	case CW_F_INT:
		if (*(const int64_t *)p >= 0)
			snprintf(buf, sizeof buf, "%lld", (long long)*(const int64_t *)p);
		break;
	case CW_F_ENUM:
	case CW_F_BOOL:
		ff->choice = *(const uint8_t *)p;
		return 0;
	case CW_F_SET: { /* by their labels, as the field shows words (form_words.c) */
		size_t n = 0;

		for (size_t i = 0; i < f->words->n && n < sizeof buf; i++)
			if (*(const uint32_t *)p & (UINT32_C(1) << i))
				n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
						      n ? ", " : "",
						      cw_enum_label(f->words, (unsigned)i));
		break;
	}
	case CW_F_ID:
		return set_picked(fm, ff, (const struct cw_id *)p, err);
	case CW_F_ARTICLE: { /* a milestone's: every article it names, "494/495" */
		struct cw_article arts[CW_ARTICLE_LIST_MAX];

		cw_articles_text(arts, cw_field_articles(base, f, arts), buf, sizeof buf);
		break;
	}
	case CW_F_LIST: {
		/* A flat list of people: their names, separated by "; ". */
		const struct cw_list *l = (const struct cw_list *)p;
		size_t n = 0;

		for (size_t i = 0; i < l->n && n < sizeof buf; i++) {
			char name[CW_NAMESAKE_TEXT];

			if ((rc = label_of(fm->st, fm,
					   (const struct cw_id *)((const char *)l->items +
								  i * f->sub->size),
					   name, sizeof name, err)) != 0)
				return rc;
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? "; " : "", name);
		}
		break;
	}
	}
	cw_edit_set(&ff->edit, buf);
	return 0;
}

/* The names of the hearing's defendants marked present (or absent), "A; B". */
static int attendance_text(struct cw_form *fm, struct cw_form_field *ff, int answer,
			   struct cw_error *err)
{
	const struct cw_list *l = &fm->rec.u.hearing.attendance;
	char buf[600] = "";
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < l->n && n < sizeof buf; i++) {
		const struct cw_attendance *a = (const struct cw_attendance *)l->items + i;
		char name[CW_NAMESAKE_TEXT];

		if (a->present != answer)
			continue;
		if ((rc = label_of(fm->st, fm, &a->person, name, sizeof name, err)) != 0)
			return rc;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? "; " : "", name);
	}
	cw_edit_set(&ff->edit, buf);
	return 0;
}

/* The hearing's verdicts as typed: "494=convicted@Chhim Sithar; 495=convicted@Chhim Sithar". */
static int verdicts_text(struct cw_form *fm, struct cw_form_field *ff, struct cw_error *err)
{
	const struct cw_list *l = &fm->rec.u.hearing.verdicts;
	char buf[1000] = "";
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < l->n && n < sizeof buf; i++) {
		const struct cw_verdict *v = (const struct cw_verdict *)l->items + i;
		char art[CW_ARTICLE_TEXT_MAX] = "", name[CW_NAMESAKE_TEXT] = "";

		if (v->article.law)
			cw_article_format(&v->article, art);
		else
			continue; /* a verdict on an offence with no article is kept as it is */
		if ((rc = label_of(fm->st, fm, &v->person, name, sizeof name, err)) != 0)
			return rc;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s=%s%s%s", n ? "; " : "", art,
				      cw_enum_word(&cw_words_verdict, v->result),
				      name[0] ? "@" : "", name);
	}
	cw_edit_set(&ff->edit, buf);
	return 0;
}

/* A visit's detainees' access to a lawyer (lawyer) or to family, as the form shows it and
 * takes it: "Eng Sroy=denied; Sok Meas=granted", the record's entries with that access
 * known, in order. *out is malloc'd; 0, CW_ENOMEM or the error of a person who cannot be
 * read. */
static int access_text(struct cw_form *fm, int lawyer, char **out, struct cw_error *err)
{
	const struct cw_list *l = &fm->rec.u.visit.detainee_access;
	size_t n = 0, cap = 1;
	char *buf = calloc(1, cap);
	int rc;

	*out = NULL;
	if (!buf)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	for (size_t i = 0; fm->rec.kind == CW_KIND_VISIT && i < l->n; i++) {
		const struct cw_detainee_access *a =
			(const struct cw_detainee_access *)l->items + i;
		unsigned word = lawyer ? a->lawyer_access : a->family_access;
		char name[CW_NAMESAKE_TEXT], *grown;
		size_t need;

		if (!word)
			continue;
		if ((rc = label_of(fm->st, fm, &a->person, name, sizeof name, err)) != 0) {
			free(buf);
			return rc;
		}
		need = n + strlen(name) + strlen(cw_enum_word(&cw_words_access, word)) + 4;
		if (need > cap) {
			if (!(grown = realloc(buf, cap = need * 2))) {
				free(buf);
				return cw_error_set(err, CW_ENOMEM, "", "out of memory");
			}
			buf = grown;
		}
		n += (size_t)snprintf(buf + n, cap - n, "%s%s=%s", n ? "; " : "", name,
				      cw_enum_word(&cw_words_access, word));
	}
	*out = buf;
	return 0;
}

/* A visit's fields for each detainee's access, after the monitors' own (access): to a lawyer,
 * then to family, each "PERSON=WORD; ..." as --lawyer-access and --family-access take it. */
static int add_access_fields(struct cw_form *fm, struct cw_error *err)
{
	for (int lawyer = 1; lawyer >= 0; lawyer--) {
		const char *nm = lawyer ? "lawyer_access" : "family_access";
		struct cw_form_field *ff = add_field(fm, nm, nm, CW_W_TEXT);
		char *text;
		int rc;

		if (!ff)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		/* TRANSLATORS: the words after = stay in English, as the command line takes them */
		ff->hint = lawyer ? _("each detainee met: their access to a lawyer, NAME=WORD; ... "
				      "(granted, restricted, denied or unknown), e.g. Eng "
				      "Sroy=denied")
				  : _("each detainee met: their access to family, NAME=WORD; ... "
				      "(granted, restricted, denied or unknown)");
		if ((rc = access_text(fm, lawyer, &text, err)) != 0)
			return rc;
		/* Kept as opened: saving tells a field left as it was from one changed. */
		free(fm->access_opened[lawyer]);
		fm->access_opened[lawyer] = text;
		if (cw_edit_set(&ff->edit, text) != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	return 0;
}

/* One opening of the form, the people of with_id (its n) written with their id: the form
 * takes them (*with_id set to NULL) once it writes its fields. */
static int open_once(struct cw_form *fm, struct cw_store *st, enum cw_kind kind,
		     const struct cw_record *rec, struct cw_id **with_id, size_t n,
		     struct cw_error *err)
{
	const struct cw_schema *s = cw_schema_for_kind(rec ? (enum cw_kind)rec->kind : kind);
	static const char *const header[] = {"source", "view", "reportedly", "confidential",
					     "confidential_fields"};
	int rc;

	memset(fm, 0, sizeof *fm);
	if (!s)
		return cw_error_set(err, CW_EINVAL, "kind", "no form for this kind of record");
	fm->st = st;
	fm->kind = rec ? (enum cw_kind)rec->kind : kind;
	fm->editing = rec != NULL;
	if (rec ? cw_record_copy(&fm->rec, rec) != 0 : (cw_record_init(&fm->rec, kind), 0))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* The data's "own observation" is shown in the monitor's language, as a new record's
	 * default is; saving keeps the data's words (cw_record_source_in_data_words). */
	if (rec && cw_record_source_in_language(&fm->rec) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	/* A hearing, a visit or a demonstration logged here is, unless the monitor says
	 * otherwise, what the team saw (as Q fills in): the source field is far down the form,
	 * and one left empty made the hearing "reported in documents" in every report. */
	if (!rec && (kind == CW_KIND_HEARING || kind == CW_KIND_VISIT || kind == CW_KIND_DEMO)) {
		if (!(fm->rec.source = strdup(_("own observation"))))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		fm->rec.view = CW_VIEW_OWN;
		fm->own_by_default = 1;
		fm->view_auto = CW_VIEW_OWN;
	}
	fm->with_id = *with_id;
	fm->nwith_id = n;
	*with_id = NULL;
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		struct cw_form_field *ff;

		if (f->flags & CW_FF_MORE) /* typed in the field before it */
			continue;
		if (f->type == CW_F_LIST && !(f->flags & CW_FF_FLAT)) {
			if (!strcmp(f->name, "indicators")) {
				/* One toggle per fair-trial indicator. */
				for (size_t k = 1; k < cw_words_indicator.n; k++) {
					const struct cw_list *l = &fm->rec.u.hearing.indicators;

					if (!(ff = add_field(fm, cw_words_indicator.words[k],
							     cw_words_indicator.words[k],
							     CW_W_INDICATOR)))
						goto nomem;
					ff->indicator = (int)k;
					/* As the report names it, in every language: a Khmer form's
					 * "អ្នកបកប្រែ" was the report's "មានអ្នកបកប្រែផ្តល់ជូន", an
					 * English one's "counsel of choice" its "counsel of own
					 * choosing" (a field trial). The labels column makes room
					 * (tui/view_form.c). */
					snprintf(ff->label, sizeof ff->label, "%s",
						 cw_enum_label(&cw_words_indicator, k));
					ff->words = &cw_words_answer;
					ff->hint = _(
						"fair-trial indicator: y, n, a (na), u (unknown); "
						": then a note");
					for (size_t j = 0; j < l->n; j++) {
						const struct cw_indicator *in =
							(const struct cw_indicator *)l->items + j;

						if (in->name == k) {
							ff->choice = in->answer;
							cw_edit_set(&ff->edit, in->note);
						}
					}
				}
			} else if (!strcmp(f->name, "defendants")) {
				/* Editing a case: every defendant it has, to read, above the
				 * fields that add one or change one. */
				if (fm->rec.u.kase.defendants.n) {
					char buf[1500];

					if (!(ff = add_field(fm, "in_the_case", "in the case",
							     CW_W_INFO)))
						goto nomem;
					if ((rc = defendants_summary(fm, buf, sizeof buf, err)) !=
					    0)
						goto unread;
					cw_edit_set(&ff->edit, buf);
					ff->hint =
						_("the case's defendants: name one below to change "
						  "them, or a new one to add");
				}
				/* Adds a defendant, or changes one already named. */
				if (!(ff = add_field(fm, "defendant", "defendant", CW_W_PERSON)))
					goto nomem;
				ff->multi = 1;
				ff->hint = _("add defendants, names separated by ; (or change ones "
					     "already in the case)");
				if (!(ff = add_field(fm, "custody", "custody", CW_W_CHOICE)))
					goto nomem;
				ff->words = &cw_words_custody;
				ff->hint = _("custody of those defendants");
				if (!(ff = add_field(fm, "charges", "charges", CW_W_TEXT)))
					goto nomem;
				ff->hint = _("articles charged, e.g. 494/495 or \"437 bis\"");
				/* A group the sources do not name ("8 union activists"): its
				 * number and label, given the custody and charges above as
				 * the people are. After them, so that the people's keys stay
				 * as they were. */
				if (!(ff = add_field(fm, "unnamed", "unnamed defendants",
						     CW_W_TEXT)))
					goto nomem;
				/* TRANSLATORS: the example is a group as a monitor writing
				 * in your language types it: translate its label ("8
				 * union activists"), the number kept */
				ff->hint = _("groups the sources do not name, given that custody "
					     "and those charges: a number and a label, e.g. 8 "
					     "union activists; separated by ;");
			} else if (!strcmp(f->name, "attendance")) {
				/* Two lists of names: who was in court and who was not. */
				for (int present = 1; present >= 0; present--) {
					const char *nm = present ? "present" : "absent";

					if (!(ff = add_field(fm, nm, nm, CW_W_PEOPLE)))
						goto nomem;
					ff->hint =
						present ? _("defendants present (names; separated "
							    "by ;)")
							: _("defendants absent (names; separated "
							    "by ;)");
					if ((rc = attendance_text(
						     fm, ff, present ? CW_ANSWER_YES : CW_ANSWER_NO,
						     err)) != 0)
						goto unread;
				}
			} else if (!strcmp(f->name, "verdicts")) {
				if (!(ff = add_field(fm, "verdicts", "verdicts", CW_W_TEXT)))
					goto nomem;
				ff->hint = _("ARTICLES=RESULT@PERSON; ..., e.g. "
					     "494/495=convicted@Chhim Sithar");
				if ((rc = verdicts_text(fm, ff, err)) != 0)
					goto unread;
			}
			continue;
		}
		if (!(ff = add_field(fm, f->name, f->name,
				     f->type == CW_F_LIST ? CW_W_PEOPLE : widget_for(f, kind))))
			goto nomem;
		ff->f = f;
		ff->hint = _(f->help);
		ff->words = f->words;
		if ((rc = value_text(fm, &fm->rec.u, f, ff, err)) != 0)
			goto unread;
		if (fm->kind == CW_KIND_VISIT && !strcmp(f->name, "access") &&
		    (rc = add_access_fields(fm, err)) != 0) {
			if (rc == CW_ENOMEM)
				goto nomem;
			goto unread;
		}
	}
	for (size_t i = 0; i < sizeof header / sizeof header[0]; i++) {
		const struct cw_field *f = cw_schema_field(&cw_schema_header, header[i]);
		struct cw_form_field *ff = add_field(fm, f->name, f->name, widget_for(f, kind));

		if (!ff)
			goto nomem;
		ff->f = f;
		ff->header = 1;
		ff->hint = _(f->help);
		ff->words = f->type == CW_F_BOOL ? &cw_words_answer : f->words;
		if (!strcmp(f->name, "confidential_fields"))
			ff->words = cw_confidential_words_for(fm->kind);
		if ((rc = value_text(fm, &fm->rec, f, ff, err)) != 0)
			goto unread;
		/* After whose account it is: the other accounts of the event. */
		if (!strcmp(f->name, "view") && cw_form_links_add(fm) != 0)
			goto nomem;
	}
	cw_form_mark_required(fm);
	return 0;
nomem:
	cw_form_free(fm);
	return cw_error_set(err, CW_ENOMEM, "", "out of memory");
unread:
	/* A record the form names that cannot be read: no form, the store's error instead (the
	 * front end says it), rather than fields whose saving would drop that record. */
	cw_form_free(fm);
	return rc;
}

static int open_form(struct cw_form *fm, struct cw_store *st, enum cw_kind kind,
		     const struct cw_record *rec, struct cw_error *err)
{
	struct cw_id *ids = NULL;
	int rc = open_once(fm, st, kind, rec, &ids, 0, err);

	/* Two people it names share a name (two detainees called Sok Dara): opened again, with
	 * those two written by name and id, which the first opening knew only on meeting the
	 * second. Whether anyone else has a name is not looked up: that walks all the people. */
	if (rc == 0 && fm->named_alike) {
		size_t n = fm->nwith_id;

		ids = fm->with_id;
		fm->with_id = NULL;
		cw_form_free(fm);
		rc = open_once(fm, st, kind, rec, &ids, n, err);
		free(ids);
	}
	return rc;
}

int cw_form_open(struct cw_form *fm, struct cw_store *st, enum cw_kind kind,
		 const struct cw_record *rec, struct cw_error *err)
{
	int rc = open_form(fm, st, kind, rec, err);

	if (rc == 0 && rec && cw_form_draft_body(fm, &fm->base) != 0) {
		cw_form_free(fm);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	return rc;
}

int cw_form_open_quick(struct cw_form *fm, struct cw_store *st, const struct cw_record *prefill,
		       const char *const *show, size_t nshow, const char *start,
		       struct cw_error *err)
{
	struct cw_form_field *kept;
	size_t n = 0;
	int rc;

	/* Opened as an edit of the prefilled record, so every field shows its value; then made
	 * a new record's form with only the fields asked for. */
	if ((rc = open_form(fm, st, (enum cw_kind)prefill->kind, prefill, err)) != 0)
		return rc;
	fm->editing = 0;
	fm->quick = 1;
	memset(&fm->rec.id, 0, sizeof fm->rec.id);
	if (!(kept = calloc(nshow ? nshow : 1, sizeof *kept))) {
		cw_form_free(fm);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	for (size_t k = 0; k < nshow; k++) {
		int i = cw_form_find(fm, show[k]);

		if (i < 0)
			continue;
		kept[n] = fm->fields[i];
		memset(&fm->fields[i], 0, sizeof fm->fields[i]); /* moved */
		if (!strcmp(show[k], start))
			fm->cur = n;
		n++;
	}
	for (size_t i = 0; i < fm->n; i++)
		cw_edit_free(&fm->fields[i].edit);
	free(fm->fields);
	fm->fields = kept;
	fm->n = n;
	fm->dirty = 0;
	return 0;
}

int cw_form_takes_note(const struct cw_form_field *ff)
{
	return ff->widget == CW_W_INDICATOR || ff->widget == CW_W_TOGGLE || ff->widget == CW_W_BOOL;
}

void cw_form_note_into_notes(struct cw_form *fm, size_t i)
{
	struct cw_form_field *ff = &fm->fields[i], *notes;
	const char *old;
	size_t len;
	char *buf;
	int k = cw_form_find(fm, "notes");

	if (ff->widget == CW_W_INDICATOR || !cw_form_takes_note(ff) || !ff->edit.len || k < 0)
		return;
	notes = &fm->fields[k];
	old = cw_edit_text(&notes->edit);
	len = strlen(old) + strlen(ff->label) + ff->edit.len + 8;
	if (!(buf = malloc(len)))
		return;
	/* On a line of its own, after what the notes hold, and ended: the notes' cursor waits on
	 * the next line, so that what is typed there next starts a line of its own (a field
	 * trial's "private interview: a guard listened" ran straight into the account typed
	 * after it). Saving drops the empty line left when nothing was (form_build.c). */
	snprintf(buf, len, "%s%s%s: %s\n", old, *old && old[strlen(old) - 1] != '\n' ? "\n" : "",
		 ff->label, cw_edit_text(&ff->edit));
	if (cw_edit_set(&notes->edit, buf) == 0) {
		cw_edit_set(&ff->edit, "");
		notes->error[0] = '\0';
		fm->dirty = 1;
	}
	free(buf);
}

void cw_form_clear_suggestions(struct cw_form *fm)
{
	/* They are people's names and cases' titles: wiped, as the record text they came from. */
	for (size_t i = 0; i < fm->nsugg; i++) {
		explicit_bzero(fm->sugg[i], strlen(fm->sugg[i]));
		free(fm->sugg[i]);
	}
	memset(fm->sugg_apart, 0, sizeof fm->sugg_apart); /* a choice's or a word's: never apart */
	fm->nsugg = fm->sugg_sel = 0;
	fm->offered = 0;
	if (fm->sugg_said[0] && !strcmp(fm->message, fm->sugg_said))
		fm->message[0] = '\0';
	fm->sugg_said[0] = '\0';
}

void cw_form_free(struct cw_form *fm)
{
	cw_edit_free(&fm->jump);
	for (size_t i = 0; i < fm->n; i++) {
		cw_edit_free(&fm->fields[i].edit);
		free(fm->fields[i].theirs);
		free(fm->fields[i].declined);
	}
	free(fm->fields);
	cw_form_clear_suggestions(fm);
	cw_form_which_close(fm);
	for (size_t i = 0; i < fm->nopened; i++)
		free(fm->opened[i].text);
	free(fm->opened);
	free(fm->with_id);
	free(fm->amb_ids);
	free(fm->access_opened[0]);
	free(fm->access_opened[1]);
	cw_record_free(&fm->rec);
	free(fm->base);
	memset(fm, 0, sizeof *fm);
}

int cw_form_find(const struct cw_form *fm, const char *name)
{
	for (size_t i = 0; i < fm->n; i++)
		if (!strcmp(fm->fields[i].name, name))
			return (int)i;
	return -1;
}

void cw_form_account_follows(struct cw_form *fm)
{
	int src = cw_form_find(fm, "source"), view = cw_form_find(fm, "view");
	int own;

	if (!fm->own_by_default || fm->editing || src < 0 || view < 0 || fm->cur != (size_t)src ||
	    fm->fields[view].choice != fm->view_auto)
		return; /* the user's choice stays */
	own = cw_source_says_own(cw_edit_text(&fm->fields[src].edit), 1);
	fm->view_auto = own ? CW_VIEW_OWN : CW_VIEW_UNKNOWN;
	fm->fields[view].choice = fm->view_auto;
}

int cw_form_field_for_error(const struct cw_form *fm, const char *path)
{
	char head[64];
	size_t n = strcspn(path, "[.");
	int i;

	if ((i = cw_form_find(fm, path)) >= 0)
		return i;
	snprintf(head, sizeof head, "%.*s", (int)(n < sizeof head ? n : sizeof head - 1), path);
	if ((i = cw_form_find(fm, head)) >= 0)
		return i;
	if (!strcmp(head, "defendants"))
		return cw_form_find(fm, "defendant");
	if (!strcmp(head, "detainee_access"))
		return cw_form_find(fm, "lawyer_access");
	if (!strcmp(head, "indicators"))
		return fm->n && cw_form_find(fm, cw_words_indicator.words[1]) >= 0
			       ? cw_form_find(fm, cw_words_indicator.words[1])
			       : -1;
	return -1;
}

int cw_form_preset_ref(struct cw_form *fm, const char *name, const struct cw_id *id)
{
	struct cw_error err;
	int i = cw_form_find(fm, name), rc;

	if (i < 0)
		return CW_ENOTFOUND;
	if ((rc = set_picked(fm, &fm->fields[i], id, &err)) != 0)
		cw_error_format(&err, fm->message, sizeof fm->message);
	return rc;
}

int cw_form_set_text(struct cw_form *fm, size_t i, const char *text)
{
	if (i >= fm->n)
		return CW_EINVAL;
	fm->dirty = 1;
	fm->fields[i].error[0] = '\0';
	return cw_edit_set(&fm->fields[i].edit, text);
}

const char *cw_form_value(const struct cw_form_field *ff)
{
	switch (ff->widget) {
	case CW_W_CHOICE:
	case CW_W_TOGGLE:
	case CW_W_INDICATOR:
		return ff->choice ? cw_enum_word(ff->words, (unsigned)ff->choice) : "unknown";
	case CW_W_BOOL:
		return ff->choice ? "yes" : "no";
	default:
		return cw_edit_text(&ff->edit);
	}
}
