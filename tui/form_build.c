/* form_build.c - a form's typed text made into a record, checked and saved; see form.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/form_internal.h"
#include "app/advice.h"
#include "app/groups.h"
#include "app/namesakes.h"
#include "models/article.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "models/version.h"

#define LINE_NOTE_MAX 2000 /* an indicator's note: a line or two */

static int field_error(struct cw_form *fm, size_t i, struct cw_error *err)
{
	struct cw_form_field *ff = &fm->fields[i];

	snprintf(ff->error, sizeof ff->error, "%s", err->message);
	snprintf(err->field, sizeof err->field, "%s", ff->name);
	return err->code ? err->code : CW_EINVAL;
}

/* Whether id is one of the people a list of struct cw_person_ref names. */
static int among_them(const struct cw_list *among, const struct cw_id *id)
{
	const struct cw_person_ref *refs = among->items;

	for (size_t k = 0; k < among->n; k++)
		if (cw_id_equal(&refs[k].person, id))
			return 1;
	return 0;
}

/* Resolves a person or case from typed text: the suggestion chosen, else a name or id, a
 * person also by name and id, "Sok Dara (10f31149)" (app/namesakes.h). A name that matches
 * several people, among them one of `among` only (struct cw_person_ref; NULL: none), is that
 * one: a visit's detainee's access names one of the detainees it met. Else the people it
 * matches (those of `among`, when several are) are kept for the list that asks which one
 * (cw_form_which_note). */
static int resolve_among(struct cw_form *fm, const struct cw_form_field *ff, enum cw_kind kind,
			 const char *text, const struct cw_list *among, struct cw_id *out,
			 struct cw_error *err)
{
	struct cw_record_list cands = {0};
	const struct cw_id *opened;
	int rc;

	if (!cw_id_is_zero(&ff->picked) && !strcmp(text, ff->picked_label)) {
		*out = ff->picked;
		return 0;
	}
	/* A person's name as the form opened with it: that person, whoever else has it. */
	if (kind == CW_KIND_PERSON && (opened = cw_form_opened(fm, ff, text))) {
		*out = *opened;
		return 0;
	}
	if ((rc = cw_text_validate(text, 400, 0, ff->name, err)) != 0)
		return rc;
	rc = kind == CW_KIND_PERSON ? cw_namesake_resolve(fm->st, text, out, &cands, err)
				    : cw_store_resolve(fm->st, kind, text, out, &cands, err);
	if (rc == CW_EAMBIGUOUS && among && among->n) {
		size_t keep = 0;

		for (size_t i = 0; i < cands.n; i++)
			keep += among_them(among, &cands.items[i].id);
		/* None among them: every one is listed (the save then says why not). */
		for (size_t i = 0, k = 0; keep && i < cands.n; i++) {
			if (among_them(among, &cands.items[i].id))
				cands.items[k++] = cands.items[i];
			else
				cw_record_free(&cands.items[i]);
		}
		if (keep)
			cands.n = keep;
		if (keep == 1) {
			*out = cands.items[0].id;
			cw_error_clear(err);
			rc = 0;
		}
	}
	if (rc == CW_EAMBIGUOUS && cands.n && kind == CW_KIND_PERSON &&
	    cw_form_which_fits(text, &cands)) {
		cw_form_which_note(fm, ff, text, &cands);
		cw_error_set(err, rc, ff->name,
			     "'%.40s' matches %zu people: saving lists them, to choose the one "
			     "meant",
			     text, cands.n);
	} else if (rc == CW_EAMBIGUOUS && cands.n && kind == CW_KIND_PERSON) {
		cw_error_set(err, rc, ff->name,
			     "'%.40s' matches %zu people: type more of the name, or pick one (C-n)",
			     text, cands.n);
	} else if (rc == CW_EAMBIGUOUS && cands.n) {
		char list[200] = "";
		size_t n = 0;

		for (size_t i = 0; i < cands.n && i < 4 && n < sizeof list; i++)
			n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "",
					      cw_record_label(&cands.items[i]));
		cw_error_set(err, rc, ff->name, "'%.40s' matches several: %s; pick one (C-n)", text,
			     list);
	} else if (rc == CW_ENOTFOUND && !(kind == CW_KIND_PERSON && cw_namesake_has_id(text))) {
		cw_error_set(err, rc, ff->name, "no %s matches '%.40s'; add it first",
			     cw_kind_text(kind), text);
	}
	cw_record_list_free(&cands);
	return rc;
}

static int resolve_ref(struct cw_form *fm, const struct cw_form_field *ff, enum cw_kind kind,
		       const char *text, struct cw_id *out, struct cw_error *err)
{
	return resolve_among(fm, ff, kind, text, NULL, out, err);
}

/* Splits "a; b; c" into trimmed parts; calls fn on each non-empty one. The whole text, however
 * long (a visit may meet many): CW_ENOMEM when it cannot be copied. */
static int each_part(const char *text, int (*fn)(void *ctx, const char *part), void *ctx)
{
	char *buf = strdup(text), *save = NULL;
	int rc = 0;

	if (!buf)
		return CW_ENOMEM;
	for (char *t = strtok_r(buf, ";", &save); t && rc == 0; t = strtok_r(NULL, ";", &save)) {
		char *end;

		while (*t == ' ')
			t++;
		end = t + strlen(t);
		while (end > t && end[-1] == ' ')
			*--end = '\0';
		if (*t)
			rc = fn(ctx, t);
	}
	free(buf);
	return rc;
}

/* Names typed that are no person yet, each once: saving asks to add them (names_unknown). */
struct new_names {
	char names[CW_FORM_NEW_PEOPLE][CW_FORM_NAME_BYTES];
	size_t n;
	int too_many; /* more than a save adds */
};

/* A name typed that is no person yet, kept to be added; one longer than a person's name may be
 * is said so on the field (a field trial's 231-byte Khmer name was cut at 199 bytes, inside a
 * letter, and refused as "invalid UTF-8"). 0 or CW_EINVAL. */
static int new_names_add(struct new_names *nn, const char *name, const char *field,
			 struct cw_error *err)
{
	const struct cw_field *nf = cw_schema_field(cw_schema_for_kind(CW_KIND_PERSON), "name");
	size_t max = nf && nf->max > 0 && (size_t)nf->max < CW_FORM_NAME_BYTES
			     ? (size_t)nf->max
			     : CW_FORM_NAME_BYTES - 1;
	int rc;

	if ((rc = cw_text_validate(name, max, 0, field, err)) != 0)
		return rc;
	for (size_t i = 0; i < nn->n; i++)
		if (!strcmp(nn->names[i], name))
			return 0;
	if (nn->n == CW_FORM_NEW_PEOPLE)
		nn->too_many = 1;
	else
		snprintf(nn->names[nn->n++], sizeof nn->names[0], "%s", name);
	return 0;
}

struct people_ctx {
	struct cw_form *fm;
	const struct cw_form_field *ff;
	struct cw_list *list;
	struct cw_error *err;
	struct new_names unknown; /* in a field that may add them (new_people_field) */
};

/* The lists of people whose names a monitor often meets for the first time there: those a
 * prison visit met, those arrested at a demonstration, those an incident touched. Saving adds
 * them as it adds a case's new defendants, once asked. */
static int new_people_field(const char *name)
{
	return !strcmp(name, "detainees") || !strcmp(name, "arrested") || !strcmp(name, "persons");
}

/* The id given in this very save to a name that was no person yet; zero when none. */
static struct cw_id added_in_save(const struct cw_form *fm, const char *field, const char *name)
{
	struct cw_id id = {{0}};

	for (size_t i = 0; fm->add_missing && !strcmp(fm->missing_field, field) && i < fm->nmissing;
	     i++)
		if (!cw_id_is_zero(&fm->added[i]) && !strcmp(fm->missing[i], name))
			id = fm->added[i];
	return id;
}

/* The error of a field that names people who are not in the database yet: the first of them,
 * and how many others (a case's defendants named only the first, a demonstration's arrested
 * said "and 1 other"). again: after a save, which then asks; else on leaving the field. */
static int unknown_names_error(const char *field, const struct new_names *nn, int again,
			       struct cw_error *err)
{
	char msg[600]; /* Khmer takes 3 bytes a letter */
	size_t others = nn->n - 1;

	if (nn->n == 1 && again)
		return cw_error_set(err, CW_ENOTFOUND, field,
				    "'%.60s' is not in the database yet: saving again asks to add "
				    "them",
				    nn->names[0]);
	if (nn->n == 1)
		return cw_error_set(err, CW_ENOTFOUND, field,
				    "'%.60s' is not in the database yet: saving asks to add them",
				    nn->names[0]);
	if (again)
		cw_text_format(msg, sizeof msg,
			       P_("'%.60s' and %zu other are not in the database yet: saving "
				  "again asks to add them",
				  "'%.60s' and %zu others are not in the database yet: saving "
				  "again asks to add them",
				  others),
			       nn->names[0], others);
	else
		cw_text_format(msg, sizeof msg,
			       P_("'%.60s' and %zu other are not in the database yet: saving "
				  "asks to add them",
				  "'%.60s' and %zu others are not in the database yet: saving "
				  "asks to add them",
				  others),
			       nn->names[0], others);
	return cw_error_set(err, CW_ENOTFOUND, field, "%s", msg);
}

/* Names in `field` (whose text is `text`) that are no person yet: kept for the front end to
 * ask about one by one before the save that adds them, and said as the field's error. */
static int names_unknown(struct cw_form *fm, const char *field, const char *text,
			 const struct new_names *nn, struct cw_error *err)
{
	const char(*unknown)[CW_FORM_NAME_BYTES] = nn->names;
	size_t n = nn->n;

	if (!fm->add_missing || strcmp(fm->missing_for, text) != 0 ||
	    strcmp(fm->missing_field, field) != 0 || fm->nmissing != n) {
		memcpy(fm->missing, unknown, n * sizeof unknown[0]);
		fm->nmissing = n;
		fm->agreed = 0;
		fm->add_missing = 0;
		snprintf(fm->missing_for, sizeof fm->missing_for, "%s", text);
		snprintf(fm->missing_field, sizeof fm->missing_field, "%s", field);
	}
	return unknown_names_error(field, nn, 1, err);
}

static int add_person_part(void *ctx, const char *part)
{
	struct people_ctx *pc = ctx;
	struct cw_id id = added_in_save(pc->fm, pc->ff->name, part);
	struct cw_person_ref *ref;
	int rc;

	if (cw_id_is_zero(&id) &&
	    (rc = resolve_ref(pc->fm, pc->ff, CW_KIND_PERSON, part, &id, pc->err)) != 0) {
		if (rc != CW_ENOTFOUND || !new_people_field(pc->ff->name))
			return rc;
		/* Nobody by that name: saving can add them with the record, once asked. */
		cw_error_clear(pc->err);
		return new_names_add(&pc->unknown, part, pc->ff->name, pc->err);
	}
	for (size_t i = 0; i < pc->list->n; i++)
		if (cw_id_equal(&((struct cw_person_ref *)pc->list->items)[i].person, &id))
			return 0;
	if (!(ref = cw_list_append(pc->list, pc->ff->f->sub)))
		return cw_error_set(pc->err, CW_ENOMEM, "", "out of memory");
	ref->person = id;
	return 0;
}

/* Applies one field to the record. */
static int apply_field(struct cw_form *fm, struct cw_record *rec, struct cw_form_field *ff,
		       struct cw_error *err)
{
	void *base = ff->header ? (void *)rec : (void *)&rec->u;
	const char *text = cw_edit_text(&ff->edit);
	const struct cw_field *f = ff->f;
	char words[1024], *trimmed = NULL;
	int rc;

	cw_error_clear(err);
	switch (ff->widget) {
	case CW_W_INFO:
		return 0; /* to read, nothing typed */
	case CW_W_LINKS:
		return cw_form_links_apply(fm, rec, ff, err);
	case CW_W_CHOICE:
		/* Typed text that names none of the words: refused, never dropped. */
		if (ff->edit.len && ff->words)
			return cw_words_error(ff->words, ff->name, text, err);
		/* fall through */
	case CW_W_TOGGLE:
	case CW_W_BOOL:
		if (f)
			*((uint8_t *)base + f->offset) = (uint8_t)ff->choice;
		return 0;
	case CW_W_INDICATOR: {
		struct cw_list *l = &rec->u.hearing.indicators;
		const struct cw_field *lf =
			cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "indicators");
		struct cw_indicator *in = NULL;

		for (size_t j = 0; j < l->n; j++)
			if (((struct cw_indicator *)l->items)[j].name == ff->indicator)
				in = (struct cw_indicator *)l->items + j;
		if (!in && ff->choice == CW_ANSWER_UNKNOWN && !ff->edit.len)
			return 0;
		if ((rc = cw_text_validate(text, LINE_NOTE_MAX, 0, ff->name, err)) != 0)
			return rc;
		if (!in && !(in = cw_list_append(l, lf->sub)))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		in->name = (uint8_t)ff->indicator;
		in->answer = (uint8_t)ff->choice;
		/* The note typed after ':' (what made the answer no, say); none clears it. */
		free(in->note);
		in->note = NULL;
		if (ff->edit.len && !(in->note = strdup(text)))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		return 0;
	}
	default:
		break;
	}
	if ((rc = cw_text_validate(text, 65536, ff->widget == CW_W_NOTES ? CW_TEXT_MULTILINE : 0,
				   ff->name, err)) != 0)
		return rc;
	/* Words separated by spaces or commas, named by a start only they have: read as the
	 * table spells them, so the record's parser gets the text it always got. */
	if (ff->widget == CW_W_WORDS) {
		char bad[200];

		if ((rc = cw_words_settle(ff->words, text, words, sizeof words, bad, sizeof bad)) !=
		    0)
			return bad[0] ? cw_words_error(ff->words, ff->name, bad, err)
				      : cw_error_set(err, CW_ENOMEM, ff->name, "out of memory");
		text = words;
	}
	if (!f) /* defendant, custody and charges are applied together */
		return 0;
	if (ff->widget == CW_W_PEOPLE) {
		struct people_ctx pc;

		memset(&pc, 0, sizeof pc);
		pc.fm = fm;
		pc.ff = ff;
		pc.list = (struct cw_list *)((char *)base + f->offset);
		pc.err = err;
		cw_field_free(base, f);
		if ((rc = each_part(text, add_person_part, &pc)) != 0)
			return rc;
		if (pc.unknown.too_many)
			return cw_error_set(err, CW_EINVAL, ff->name,
					    "at most %d new people in one save: save the record "
					    "with some, then add the others",
					    CW_FORM_NEW_PEOPLE);
		return pc.unknown.n ? names_unknown(fm, ff->name, text, &pc.unknown, err) : 0;
	}
	if (f->type == CW_F_ID) {
		struct cw_id id = {{0}};

		if (*text &&
		    (rc = resolve_ref(fm, ff,
				      f->ref_kind ? (enum cw_kind)f->ref_kind : CW_KIND_PERSON,
				      text, &id, err)) != 0)
			return rc;
		memcpy((char *)base + f->offset, &id, sizeof id);
		return 0;
	}
	/* A note put into the notes from a field answered yes or no ends its line, the cursor
	 * waiting on the next one (cw_form_note_into_notes): the empty line left there when
	 * nothing was typed after it is no part of the notes, as a file's last newline is none of
	 * the text $EDITOR gives. Notes the record holds so are kept as they are: an edit that
	 * changed nothing writes nothing. */
	if (ff->widget == CW_W_NOTES && f->type == CW_F_STR && ff->edit.len &&
	    text[ff->edit.len - 1] == '\n') {
		const char *was = *(char *const *)((const char *)base + f->offset);

		if (!was || strcmp(was, text)) {
			size_t n = ff->edit.len;

			while (n && text[n - 1] == '\n')
				n--;
			if (!(trimmed = strndup(text, n)))
				return cw_error_set(err, CW_ENOMEM, "", "out of memory");
			text = trimmed;
		}
	}
	cw_field_free(base, f);
	if (f->type == CW_F_SET)
		*(uint32_t *)((char *)base + f->offset) = 0;
	/* Dates may be typed as people say them ("yesterday", "next monday"). */
	if ((rc = cw_field_set_typed(base, f, text, cw_date_today(), err)) != 0 && !err->code)
		cw_error_set(err, rc, ff->name, "out of memory");
	free(trimmed);
	return rc;
}

struct hearing_ctx {
	struct cw_form *fm;
	struct cw_form_field *ff;
	struct cw_hearing *h;
	uint8_t present;
	struct cw_error *err;
};

static int resolve_in_form(void *ctx, const char *name, struct cw_id *out, struct cw_error *err)
{
	struct hearing_ctx *hc = ctx;

	return resolve_ref(hc->fm, hc->ff, CW_KIND_PERSON, name, out, err);
}

static int add_attendance_part(void *ctx, const char *part)
{
	struct hearing_ctx *hc = ctx;
	const struct cw_field *af =
		cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "attendance");
	struct cw_attendance *a;
	struct cw_id id;
	int rc;

	if ((rc = resolve_ref(hc->fm, hc->ff, CW_KIND_PERSON, part, &id, hc->err)) != 0)
		return rc;
	if (!(a = cw_list_append(&hc->h->attendance, af->sub)))
		return cw_error_set(hc->err, CW_ENOMEM, "", "out of memory");
	a->person = id;
	a->present = hc->present;
	return 0;
}

static int add_verdict_part(void *ctx, const char *part)
{
	struct hearing_ctx *hc = ctx;

	return cw_hearing_add_verdicts(hc->h, part, resolve_in_form, hc, "verdicts", hc->err);
}

/* The hearing's attendance and verdicts, rebuilt from the text of their fields; verdicts on an
 * offence with no article (which the field does not show) are kept. */
static int apply_hearing_lists(struct cw_form *fm, struct cw_record *rec, struct cw_error *err)
{
	struct cw_hearing *h = &rec->u.hearing;
	const struct cw_schema *hs = cw_schema_for_kind(CW_KIND_HEARING);
	struct hearing_ctx hc = {fm, NULL, h, 0, err};
	int pi = cw_form_find(fm, "present"), ai = cw_form_find(fm, "absent"),
	    vi = cw_form_find(fm, "verdicts");
	size_t keep = 0;
	int rc = 0;

	/* A quick form shows who was there but no verdicts: each part when on the form. */
	if (pi < 0 || ai < 0)
		return 0;
	cw_field_free(h, cw_schema_field(hs, "attendance"));
	for (int k = 0; k < 2 && rc == 0; k++) {
		hc.ff = &fm->fields[k ? ai : pi];
		hc.present = k ? CW_ANSWER_NO : CW_ANSWER_YES;
		rc = each_part(cw_edit_text(&hc.ff->edit), add_attendance_part, &hc);
	}
	if (rc != 0 || vi < 0)
		return rc;
	for (size_t i = 0; i < h->verdicts.n; i++) {
		struct cw_verdict *v = (struct cw_verdict *)h->verdicts.items + i;

		if (v->article.law) {
			free(v->offence);
			continue;
		}
		((struct cw_verdict *)h->verdicts.items)[keep++] = *v;
	}
	h->verdicts.n = keep;
	if (keep == 0) {
		free(h->verdicts.items);
		h->verdicts.items = NULL;
	}
	hc.ff = &fm->fields[vi];
	return each_part(cw_edit_text(&hc.ff->edit), add_verdict_part, &hc);
}

/* The case's defendant fields: people (names separated by ';'), their custody, their charges,
 * the same for each. Names that are no person yet are gathered in fm->missing. */
struct defendants_ctx {
	struct cw_form *fm;
	struct cw_form_field *ff;
	struct cw_record *rec;
	const struct cw_article *arts;
	size_t narts;
	int custody;
	struct new_names unknown;
	struct cw_error *err;
	size_t groups[64]; /* the groups the field named so far, by position in the case */
	size_t ngroups;
};

/* The custody and the charges the form gives its defendants, to one of them. */
static int give_custody_and_charges(struct defendants_ctx *dc, struct cw_defendant *d)
{
	if (dc->custody)
		d->custody = (uint8_t)dc->custody;
	for (size_t i = 0; i < dc->narts; i++)
		if (!cw_defendant_charge(d, &dc->arts[i]))
			return cw_error_set(dc->err, CW_ENOMEM, "", "out of memory");
	return 0;
}

static int add_defendant_part(void *ctx, const char *part)
{
	struct defendants_ctx *dc = ctx;
	struct cw_form *fm = dc->fm;
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	struct cw_defendant *d = NULL;
	struct cw_id id = {{0}};
	int rc, found = 0;

	/* Added with the case in this very save: the id it was given. */
	id = added_in_save(fm, "defendant", part);
	if (cw_id_is_zero(&id) &&
	    (rc = resolve_ref(fm, dc->ff, CW_KIND_PERSON, part, &id, dc->err)) != 0) {
		/* Nobody by that name: saving can add them with the case, once asked. */
		if (rc != CW_ENOTFOUND)
			return rc;
		cw_error_clear(dc->err);
		return new_names_add(&dc->unknown, part, dc->ff->name, dc->err);
	}
	/* Every entry of theirs, as `edit --defendant` sets them: a merge another laptop made may
	 * have kept two that differed (store.h, "merging people"); given one custody and the same
	 * charges they come to agree, and apply_defendant makes them one. Changing the first alone
	 * left the second's value standing, and the case named them twice. */
	for (size_t i = 0; i < dc->rec->u.kase.defendants.n; i++) {
		d = (struct cw_defendant *)dc->rec->u.kase.defendants.items + i;
		if (cw_id_equal(&d->person, &id) && (rc = give_custody_and_charges(dc, d)) != 0)
			return rc;
		if (cw_id_equal(&d->person, &id))
			found = 1;
	}
	if (found)
		return 0;
	if (!(d = cw_list_append(&dc->rec->u.kase.defendants, df->sub)))
		return cw_error_set(dc->err, CW_ENOMEM, "", "out of memory");
	d->person = id;
	return give_custody_and_charges(dc, d);
}

/* A group of unnamed defendants the case form names ("8 union activists"), given the
 * custody and charges the people named beside it are given. A group named twice in the field
 * ("3 villagers; 4 villagers") is refused: which number is meant cannot be told (naming a
 * group the case has, with another number, corrects its number). */
static int add_group_part(void *ctx, const char *part)
{
	struct defendants_ctx *dc = ctx;
	struct cw_defendant *d;
	int rc;

	if ((rc = cw_case_group_add(&dc->rec->u.kase, part, "unnamed", &d, dc->err)) != 0)
		return rc;
	size_t at = (size_t)(d - (struct cw_defendant *)dc->rec->u.kase.defendants.items);

	for (size_t i = 0; i < dc->ngroups; i++)
		if (dc->groups[i] == at)
			return cw_error_set(dc->err, CW_EINVAL, "unnamed",
					    "'%.60s' names a group given already in this field: "
					    "give each group once",
					    part);
	/* The list may move as it grows: remembered by position. */
	if (dc->ngroups < sizeof dc->groups / sizeof dc->groups[0])
		dc->groups[dc->ngroups++] = at;
	return give_custody_and_charges(dc, d);
}

static int apply_defendant(struct cw_form *fm, struct cw_record *rec, struct cw_error *err)
{
	int di = cw_form_find(fm, "defendant"), ci = cw_form_find(fm, "custody"),
	    ai = cw_form_find(fm, "charges"), ui = cw_form_find(fm, "unnamed");
	struct cw_article arts[CW_ARTICLE_LIST_MAX];
	struct defendants_ctx dc;
	const char *who, *charges, *groups;
	size_t n = 0;
	int rc;

	if (di < 0 || ci < 0 || ai < 0)
		return 0;
	who = cw_edit_text(&fm->fields[di].edit);
	charges = cw_edit_text(&fm->fields[ai].edit);
	groups = ui >= 0 ? cw_edit_text(&fm->fields[ui].edit) : "";
	if (!*who && !*groups) {
		if (*charges || fm->fields[ci].choice)
			return field_error(
				fm, (size_t)di,
				(cw_error_set(err, CW_EINVAL, "defendant",
					      "name the defendant these charges are for"),
				 err));
		return 0;
	}
	if (*charges && (rc = cw_article_parse_list(charges, arts, CW_ARTICLE_LIST_MAX, &n,
						    "charges", err)) != 0)
		return field_error(fm, (size_t)ai, err);
	memset(&dc, 0, sizeof dc);
	dc.fm = fm;
	dc.ff = &fm->fields[di];
	dc.rec = rec;
	dc.arts = arts;
	dc.narts = n;
	dc.custody = fm->fields[ci].choice;
	dc.err = err;
	if ((rc = each_part(who, add_defendant_part, &dc)) != 0)
		return field_error(fm, (size_t)di, err);
	if (*groups && (rc = each_part(groups, add_group_part, &dc)) != 0)
		return field_error(fm, (size_t)ui, err);
	if (dc.unknown.too_many)
		return field_error(fm, (size_t)di,
				   (cw_error_set(err, CW_EINVAL, "defendant",
						 "at most %d new people in one save: save the case "
						 "with some, then add the others",
						 CW_FORM_NEW_PEOPLE),
				    err));
	if (dc.unknown.n) {
		/* Asked about by the front end, one by one, before the save that adds them. */
		names_unknown(fm, "defendant", who, &dc.unknown, err);
		return field_error(fm, (size_t)di, err);
	}
	/* A person's entries the form made agree become one (add_defendant_part). */
	if (cw_record_join_doubled(rec) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return 0;
}

/* A visit's detainees' access, as its two fields give it (form.c): "NAME=WORD; ...", read as
 * --lawyer-access and --family-access read theirs. */
struct access_ctx {
	struct cw_form *fm;
	struct cw_form_field *ff;
	struct cw_visit *v;
	int lawyer;
	struct cw_error *err;
	/* The people this save adds (typed_in_detainees) named in the field so far, each with
	 * the word it was given: one given two is refused before the save asks to add them. */
	char adding[CW_FORM_NEW_PEOPLE][CW_FORM_NAME_BYTES];
	uint8_t adding_word[CW_FORM_NEW_PEOPLE];
	size_t nadding;
};

static uint8_t *access_of(struct cw_detainee_access *a, int lawyer)
{
	return lawyer ? &a->lawyer_access : &a->family_access;
}

/* Whether name is one of the names the detainees field holds as typed: someone this save adds
 * (once asked), whose access is given when they are (with_people_fn builds the visit again
 * with their id). */
static int typed_in_detainees(const struct cw_form *fm, const char *name)
{
	int i = cw_form_find(fm, "detainees");
	const char *p = i >= 0 ? cw_edit_text(&fm->fields[i].edit) : "";
	size_t len = strlen(name);

	while (*p) {
		size_t n = strcspn(p, ";");
		const char *t = p, *end = p + n;

		while (t < end && *t == ' ')
			t++;
		while (end > t && end[-1] == ' ')
			end--;
		if ((size_t)(end - t) == len && !strncmp(t, name, len))
			return 1;
		p += n + (p[n] == ';');
	}
	return 0;
}

static int given_twice(struct access_ctx *ac, const char *name, unsigned was, unsigned word)
{
	return cw_error_set(ac->err, CW_EINVAL, ac->ff->name,
			    "'%.60s' is given twice, %s and %s: give each detainee's access once",
			    name, cw_enum_word(&cw_words_access, was),
			    cw_enum_word(&cw_words_access, word));
}

/* A detainee this save adds, given `word` (0: unknown) in the field: refused if given
 * another before, or given one at a visit refused access (models/validate.c, which names them
 * once they have an id: by a person not yet written), as one already in the database is
 * (their entry waits for their id), before the save asks to add them. */
static int adding_access(struct access_ctx *ac, const char *name, unsigned word)
{
	if (word && cw_visit_met_no_one(ac->v))
		return cw_error_set(
			ac->err, CW_EINVAL, ac->ff->name,
			"'%.100s' was not met: the visit was refused access (access "
			"denied), so it cannot record their lawyer or family access; "
			"give it at a visit that met them, or say in the notes who told "
			"of it",
			name);
	for (size_t i = 0; i < ac->nadding; i++) {
		if (strcmp(ac->adding[i], name) != 0)
			continue;
		if (word && ac->adding_word[i] && ac->adding_word[i] != word)
			return given_twice(ac, name, ac->adding_word[i], word);
		if (word)
			ac->adding_word[i] = (uint8_t)word;
		return 0;
	}
	/* More than a save adds is said on the detainees field (too_many). */
	if (ac->nadding < CW_FORM_NEW_PEOPLE && strlen(name) < CW_FORM_NAME_BYTES) {
		snprintf(ac->adding[ac->nadding], sizeof ac->adding[0], "%s", name);
		ac->adding_word[ac->nadding++] = (uint8_t)word;
	}
	return 0;
}

/* One "NAME=WORD": the detainee's entries given that access (every entry of theirs, as the
 * command line does: a merge from a bundle may have kept two), or a new entry. */
static int add_access_part(void *ctx, const char *part)
{
	struct access_ctx *ac = ctx;
	struct cw_list *l = &ac->v->detainee_access;
	const char *eq = strrchr(part, '='), *w;
	char *name;
	struct cw_detainee_access *a = NULL;
	struct cw_id id;
	size_t n;
	int word, rc;

	if (!eq || eq == part)
		return cw_error_set(ac->err, CW_EINVAL, ac->ff->name,
				    "'%.60s': write NAME=WORD, e.g. Eng Sroy=denied", part);
	for (w = eq + 1; *w == ' '; w++)
		;
	if ((word = cw_enum_parse(&cw_words_access, w)) < 0)
		return cw_error_set(ac->err, CW_EINVAL, ac->ff->name,
				    "'%.30s' is not an access: granted, restricted, denied or "
				    "unknown",
				    w);
	for (n = (size_t)(eq - part); n && part[n - 1] == ' '; n--)
		;
	if (!(name = strndup(part, n)))
		return cw_error_set(ac->err, CW_ENOMEM, "", "out of memory");
	id = added_in_save(ac->fm, "detainees", name);
	/* Of two detainees with one name, the one the visit met when it met only one of them. */
	if (cw_id_is_zero(&id) && (rc = resolve_among(ac->fm, ac->ff, CW_KIND_PERSON, name,
						      &ac->v->detainees, &id, ac->err)) != 0) {
		if (rc == CW_ENOTFOUND && typed_in_detainees(ac->fm, name)) {
			cw_error_clear(ac->err);
			rc = adding_access(ac, name, (unsigned)word);
		}
		free(name);
		return rc;
	}
	for (size_t i = 0; word && i < l->n; i++) {
		struct cw_detainee_access *e = (struct cw_detainee_access *)l->items + i;

		if (!cw_id_equal(&e->person, &id))
			continue;
		if (*access_of(e, ac->lawyer) && *access_of(e, ac->lawyer) != word) {
			rc = given_twice(ac, name, *access_of(e, ac->lawyer), (unsigned)word);
			free(name);
			return rc;
		}
		*access_of(e, ac->lawyer) = (uint8_t)word;
		a = e;
	}
	free(name);
	if (!word) /* unknown: no entry says it */
		return 0;
	if (!a) {
		const struct cw_field *lf =
			cw_schema_field(cw_schema_for_kind(CW_KIND_VISIT), "detainee_access");

		if (!(a = cw_list_append(l, lf->sub)))
			return cw_error_set(ac->err, CW_ENOMEM, "", "out of memory");
		a->person = id;
		*access_of(a, ac->lawyer) = (uint8_t)word;
	}
	return 0;
}

/* Each part of a field "A=denied; B=granted". */
static int each_access_part(struct access_ctx *ac)
{
	int rc = each_part(cw_edit_text(&ac->ff->edit), add_access_part, ac);

	return rc == CW_ENOMEM ? cw_error_set(ac->err, CW_ENOMEM, "", "out of memory") : rc;
}

/* The visit's detainee access from its two fields. A field left as the form opened it keeps
 * the record's entries of that access (two of one person that a merge from a bundle kept, see
 * store.h, stay until one is chosen); a field changed gives that access anew, to the
 * detainees it names. Each named must be one the visit met, as on the command line: a
 * detainee taken out of the people met is taken out of these fields too, else the save is
 * refused, naming them on the field. */
static int apply_detainee_access(struct cw_form *fm, struct cw_record *rec, struct cw_error *err)
{
	struct cw_visit *v = &rec->u.visit;
	struct access_ctx ac = {.fm = fm, .v = v, .err = err};
	int changed = 0, rc;

	for (int lawyer = 1; lawyer >= 0; lawyer--) {
		int i = cw_form_find(fm, lawyer ? "lawyer_access" : "family_access");
		const char *opened = fm->access_opened[lawyer] ? fm->access_opened[lawyer] : "";

		if (i < 0 || !strcmp(opened, cw_edit_text(&fm->fields[i].edit)))
			continue;
		changed = 1;
		for (size_t k = 0; k < v->detainee_access.n; k++)
			*access_of((struct cw_detainee_access *)v->detainee_access.items + k,
				   lawyer) = 0;
		ac.ff = &fm->fields[i];
		ac.lawyer = lawyer;
		ac.nadding = 0;
		if ((rc = each_access_part(&ac)) != 0)
			return rc;
	}
	if (changed) {
		struct cw_detainee_access *a = v->detainee_access.items;
		size_t keep = 0;

		for (size_t k = 0; k < v->detainee_access.n; k++)
			if (a[k].lawyer_access || a[k].family_access)
				a[keep++] = a[k];
		v->detainee_access.n = keep;
		if (cw_record_join_doubled(rec) != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	for (size_t k = 0; k < v->detainee_access.n; k++) {
		const struct cw_detainee_access *a =
			(const struct cw_detainee_access *)v->detainee_access.items + k;
		const struct cw_person_ref *met = v->detainees.items;
		char name[200];
		int seen = 0;

		for (size_t m = 0; m < v->detainees.n && !seen; m++)
			seen = cw_id_equal(&met[m].person, &a->person);
		if (seen)
			continue;
		cw_form_name_person(fm->st, &a->person, name, sizeof name);
		return cw_error_set(
			err, CW_EINVAL, a->lawyer_access ? "lawyer_access" : "family_access",
			"'%.60s' is not among the detainees the visit met: name them in "
			"detainees, or take their access out",
			name);
	}
	return 0;
}

/* Leaving the defendant field: each name is one person, or one that saving asks to add; those
 * are said together, as a list of people does (unknown_names_error). */
struct check_part {
	struct cw_form *fm;
	const struct cw_form_field *ff;
	struct new_names unknown;
	struct cw_error *err;
};

static int check_person_part(void *ctx, const char *part)
{
	struct check_part *cp = ctx;
	struct cw_id id;
	int rc = resolve_ref(cp->fm, cp->ff, CW_KIND_PERSON, part, &id, cp->err);

	if (rc != CW_ENOTFOUND)
		return rc;
	cw_error_clear(cp->err);
	return new_names_add(&cp->unknown, part, cp->ff->name, cp->err);
}

/* The same rule as the record's validation, checked as soon as the cursor leaves the field
 * (the record's own check would first stop at other fields still empty). */
static int is_hhmm(const char *s)
{
	return strlen(s) == 5 && s[0] >= '0' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' &&
	       s[2] == ':' && s[3] >= '0' && s[3] <= '5' && s[4] >= '0' && s[4] <= '9' &&
	       (s[0] - '0') * 10 + (s[1] - '0') < 24;
}

/* The fields whose value frees another of being required (cw_record_requires): a Khmer name
 * the name, a count the date and the hearing's case, a group the milestone's person. */
static const char *const frees_another[] = {"name_km", "count", "group"};

void cw_form_mark_required(struct cw_form *fm)
{
	struct cw_record now;
	struct cw_error err;
	int k;

	/* The record as opened, with what is typed now in those fields (one typed wrong has its
	 * own error said on it; the mark reads what applying it left). Out of memory for the
	 * copy: the marks of a new record. */
	if (cw_record_copy(&now, &fm->rec) != 0)
		cw_record_init(&now, fm->kind);
	for (size_t j = 0; j < sizeof frees_another / sizeof frees_another[0]; j++)
		if ((k = cw_form_find(fm, frees_another[j])) >= 0)
			(void)apply_field(fm, &now, &fm->fields[k], &err);
	/* Marked as saving requires them, by the rules that refuse the save: the schema's
	 * flag alone left out the date of a visit, a demonstration, a hearing or an incident;
	 * read once on opening, the name stayed marked after a Khmer name was typed. */
	for (size_t i = 0; i < fm->n; i++)
		fm->fields[i].required = fm->fields[i].f && !fm->fields[i].header &&
					 cw_record_requires(&now, fm->editing ? &fm->rec : NULL,
							    fm->fields[i].f->name);
	cw_record_free(&now);
}

int cw_form_check_field(struct cw_form *fm, size_t i)
{
	struct cw_record scratch;
	struct cw_error err;
	struct cw_form_field *ff;
	const char *typed;
	char digits[64];
	int rc, k;

	if (i >= fm->n)
		return 0;
	ff = &fm->fields[i];
	ff->error[0] = '\0';
	typed = cw_edit_text(&ff->edit);
	cw_record_init(&scratch, fm->kind);
	rc = apply_field(fm, &scratch, ff, &err);
	if (rc == 0 && !strcmp(ff->name, "charges") && *cw_edit_text(&ff->edit)) {
		struct cw_article arts[CW_ARTICLE_LIST_MAX];
		size_t n;

		rc = cw_article_parse_list(cw_edit_text(&ff->edit), arts, CW_ARTICLE_LIST_MAX, &n,
					   "charges", &err);
	}
	/* A detainee's access: each part's form, word and person said on leaving it (whether
	 * the visit met them is checked on saving, the detainees being typed in any order). */
	if (rc == 0 && fm->kind == CW_KIND_VISIT &&
	    (!strcmp(ff->name, "lawyer_access") || !strcmp(ff->name, "family_access"))) {
		struct access_ctx ac = {.fm = fm,
					.ff = ff,
					.v = &scratch.u.visit,
					.lawyer = !strcmp(ff->name, "lawyer_access"),
					.err = &err};
		int di = cw_form_find(fm, "detainees");
		struct cw_error ignored;

		/* The detainees met, as saving has them (resolve_among): their field's own
		 * errors are its own, and so are the names it matches. */
		if (di >= 0) {
			fm->amb_quiet++;
			(void)apply_field(fm, &scratch, &fm->fields[di], &ignored);
			fm->amb_quiet--;
		}
		rc = each_access_part(&ac);
	}
	if (rc == 0 && !ff->f && ff->widget == CW_W_PERSON && *cw_edit_text(&ff->edit)) {
		struct check_part cp;

		memset(&cp, 0, sizeof cp);
		cp.fm = fm;
		cp.ff = ff;
		cp.err = &err;
		rc = each_part(cw_edit_text(&ff->edit), check_person_part, &cp);
		if (rc == 0 && cp.unknown.too_many)
			rc = cw_error_set(&err, CW_EINVAL, ff->name,
					  "at most %d new people in one save: save the case with "
					  "some, then add the others",
					  CW_FORM_NEW_PEOPLE);
		else if (rc == 0 && cp.unknown.n)
			rc = unknown_names_error(ff->name, &cp.unknown, 0, &err);
	}
	/* A string's length and characters are checked by the record's validation, on the text
	 * it gets: a time in Khmer digits ("០៩:៣០", 13 bytes) is read as 09:30 first, and "8:30"
	 * as 08:30, as cw_field_set_typed reads it on saving (and the command line's --time). */
	if (ff->f && ff->f->type == CW_F_STR && (ff->f->flags & CW_FF_HHMM))
		typed = cw_text_typed_time(typed, digits, sizeof digits);
	/* A time first: "ម៉ោង ៩" (nine o'clock) is not a time, rather than 14 bytes too long. */
	if (rc == 0 && ff->f && ff->f->type == CW_F_STR && (ff->f->flags & CW_FF_HHMM) && *typed &&
	    !is_hhmm(typed))
		rc = cw_error_set(&err, CW_EINVAL, ff->name,
				  "'%.20s' is not a time; write HH:MM (24-hour)",
				  cw_edit_text(&ff->edit));
	if (rc == 0 && ff->f && ff->f->type == CW_F_STR && *typed)
		rc = cw_text_validate(typed, (size_t)ff->f->max,
				      ff->f->flags & CW_FF_MULTILINE ? CW_TEXT_MULTILINE : 0,
				      ff->name, &err);
	/* A date typed in words shows the day it gave once the cursor leaves it: what is stored
	 * is the full date, and the monitor sees which one before saving. */
	if (rc == 0 && ff->f && ff->f->type == CW_F_DATE && ff->widget == CW_W_TEXT &&
	    cw_date_is_relative(cw_edit_text(&ff->edit))) {
		char full[CW_DATE_TEXT_MAX];
		const void *base = ff->header ? (const void *)&scratch : (const void *)&scratch.u;

		cw_date_format(*(const struct cw_date *)((const char *)base + ff->f->offset), full);
		if (cw_edit_set(&ff->edit, full) != 0)
			rc = cw_error_set(&err, CW_ENOMEM, ff->name, "out of memory");
	}
	/* A year of birth after this year is said on leaving it, as saving would refuse it. */
	if (rc == 0 && ff->f && !strcmp(ff->f->name, "birth_year") && *typed)
		rc = cw_record_validate_typed(&scratch, fm->editing ? &fm->rec : NULL,
					      cw_date_today(), NULL, NULL, &err);
	/* A milestone's case must name its person: said on leaving the case, and again on
	 * leaving the person with a case chosen (the case's error, on the case). */
	if (rc == 0 && !strcmp(ff->name, "case"))
		rc = cw_form_check_case(fm, &err);
	if (rc != 0)
		snprintf(ff->error, sizeof ff->error, "%s", err.message);
	cw_record_free(&scratch);
	if (rc == 0 && fm->kind == CW_KIND_MILESTONE && !strcmp(ff->name, "person") &&
	    (k = cw_form_find(fm, "case")) >= 0 && fm->fields[k].edit.len)
		cw_form_check_field(fm, (size_t)k);
	cw_form_mark_required(fm);
	return rc;
}

/* Whether a field's error is only that it names people who are no person yet (names_unknown),
 * whom saving asks to add. */
static int only_new_people(const struct cw_form *fm, int rc, const struct cw_error *err)
{
	return rc == CW_ENOTFOUND && fm->nmissing && !strcmp(err->field, fm->missing_field);
}

int cw_form_build(struct cw_form *fm, struct cw_record *out, struct cw_error *err)
{
	/* New people are asked about only once everything else is valid: a field trial was
	 * asked to add "30" (typed in arrested), said yes, and only then told that its
	 * participants, 'abc', is not a whole number. Their error waits here. */
	struct cw_error people_err;
	size_t people_at = 0;
	int rc, i, people = 0, asking = 0;

	cw_error_clear(err);
	if (cw_record_copy(out, &fm->rec) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	for (size_t k = 0; k < fm->n; k++)
		fm->fields[k].error[0] = '\0';
	for (size_t k = 0; k < fm->n; k++) {
		if ((rc = apply_field(fm, out, &fm->fields[k], err)) != 0) {
			if (rc != CW_ENOMEM)
				field_error(fm, k, err);
			if (rc != CW_ENOMEM && only_new_people(fm, rc, err)) {
				people_err = *err;
				people_at = k;
				people = 1;
				continue;
			}
			if (rc != CW_ENOMEM)
				fm->cur = k;
			goto fail;
		}
	}
	if (out->kind == CW_KIND_VISIT && (rc = apply_detainee_access(fm, out, err)) != 0) {
		if ((i = cw_form_field_for_error(fm, err->field)) >= 0) {
			snprintf(fm->fields[i].error, sizeof fm->fields[i].error, "%s",
				 err->message);
			fm->cur = (size_t)i;
		}
		goto fail;
	}
	if (out->kind == CW_KIND_HEARING && (rc = apply_hearing_lists(fm, out, err)) != 0) {
		if ((i = cw_form_field_for_error(fm, err->field)) >= 0) {
			snprintf(fm->fields[i].error, sizeof fm->fields[i].error, "%s",
				 err->message);
			fm->cur = (size_t)i;
		}
		goto fail;
	}
	if (out->kind == CW_KIND_CASE && (rc = apply_defendant(fm, out, err)) != 0) {
		i = cw_form_field_for_error(fm, err->field);
		if (only_new_people(fm, rc, err) && i >= 0) {
			people_err = *err;
			people_at = (size_t)i;
			people = 1;
		} else {
			if (i >= 0)
				fm->cur = (size_t)i;
			goto fail;
		}
	}
	if ((rc = cw_form_check_case(fm, err)) != 0) {
		if ((i = cw_form_field_for_error(fm, err->field)) >= 0) {
			snprintf(fm->fields[i].error, sizeof fm->fields[i].error, "%s",
				 err->message);
			fm->cur = (size_t)i;
		}
		goto fail;
	}
	/* The command line's rules: "own observation" says whose account a new record is; a
	 * monitor logging a hearing, a visit or a demonstration knows its date. */
	/* The account the form gave a new hearing, visit or demo by default follows its source: a
	 * document's paragraph typed there is not the team's own observation. */
	if (!fm->editing && fm->own_by_default && out->view == fm->view_auto)
		out->view = CW_VIEW_UNKNOWN; /* the form's, not the user's: the source decides */
	if (cw_record_source_in_data_words(out) != 0) {
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		goto fail;
	}
	if (!fm->editing)
		cw_record_view_from_source(out, 1);
	/* The record's own rules, and a date missing from a new event or emptied in an edit
	 * (app/advice.h, as the command line): both said, the cursor on the one first on the
	 * form (an empty hearing named its date before its case). */
	{
		struct cw_error date_err;
		int vi = -1, di = -1,
		    missing_date = cw_check_logged_date(out, fm->editing ? &fm->rec : NULL,
							&date_err) != 0;

		rc = cw_record_validate(out, err);
		if (rc == 0)
			rc = cw_record_validate_typed(out, fm->editing ? &fm->rec : NULL,
						      cw_date_today(), cw_form_name_person, fm->st,
						      err);
		if (rc != 0 && (vi = cw_form_field_for_error(fm, err->field)) >= 0)
			snprintf(fm->fields[vi].error, sizeof fm->fields[vi].error, "%s",
				 err->message);
		if (missing_date) {
			if ((di = cw_form_field_for_error(fm, "date")) >= 0)
				snprintf(fm->fields[di].error, sizeof fm->fields[di].error, "%s",
					 date_err.message);
			if (rc == 0 || (di >= 0 && (vi < 0 || di < vi))) {
				*err = date_err;
				rc = CW_EINVAL;
				vi = di;
			}
		}
		if (rc != 0) {
			if (vi >= 0)
				fm->cur = (size_t)vi;
			goto fail;
		}
	}
	if (!people)
		return 0;
	/* Everything else is valid: now the new people, for the front end to ask about. */
	*err = people_err;
	fm->cur = people_at;
	rc = CW_ENOTFOUND;
	asking = 1;
fail:
	/* The other fields' own errors stay shown, as each showed when the cursor left it: a
	 * trial saw one error at a time, an earlier one gone when the save showed the next. */
	if (rc != CW_ENOMEM)
		for (size_t k = 0; k < fm->n; k++)
			if (!fm->fields[k].error[0] && k != fm->cur)
				cw_form_check_field(fm, k);
	/* Stopped by something else: no question about new people (checking the fields, above,
	 * notes them again), until a save finds all else valid. */
	if (!asking)
		fm->nmissing = fm->agreed = 0;
	cw_record_free(out);
	return rc;
}

/* A case and the defendants it names who are no person yet, in one write: the people first
 * (so the case's references hold), then the case built from the form with their ids. */
struct with_people {
	struct cw_form *fm;
	struct cw_record *rec;
};

int cw_form_confidential(const struct cw_form *fm)
{
	int i = cw_form_find(fm, "confidential");

	return i >= 0 && fm->fields[i].choice != 0;
}

int cw_form_notes_confidential(const struct cw_form *fm)
{
	int i = cw_form_find(fm, "confidential_fields");
	char words[1024], bad[200];

	if (cw_form_confidential(fm))
		return 1;
	if (i < 0 || cw_words_settle(fm->fields[i].words, cw_edit_text(&fm->fields[i].edit), words,
				     sizeof words, bad, sizeof bad) != 0)
		return 0;
	/* The table's spellings, separated by ", ". */
	for (const char *w = words; *w; w += strspn(w, ", ")) {
		size_t n = strcspn(w, ", ");

		if (n == 5 && !strncmp(w, "notes", 5))
			return 1;
		w += n;
	}
	return 0;
}

static int with_people_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	struct with_people *w = ctx;
	struct cw_form *fm = w->fm;
	int rc = 0;

	cw_record_free(w->rec); /* run again after the map grew: built afresh */
	memset(fm->added, 0, sizeof fm->added);
	for (size_t i = 0; i < fm->nmissing && rc == 0; i++) {
		struct cw_record person;
		char **slot;

		cw_record_init(&person, CW_KIND_PERSON);
		/* Named first in a confidential record (a witness met in prison): confidential
		 * too, or their name would go where the record does not. */
		person.confidential = (uint8_t)cw_form_confidential(fm);
		/* A name typed in Khmer script is the Khmer name; the Latin one stays unknown
		 * until someone gives it, rather than holding the Khmer spelling. */
		slot = cw_text_is_khmer_script(fm->missing[i]) ? &person.u.person.name_km
							       : &person.u.person.name;
		if (!(*slot = strdup(fm->missing[i])))
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		else if ((rc = cw_txn_put(t, &person, CW_PUT_NEW, NULL, err)) == 0)
			fm->added[i] = person.id;
		cw_record_free(&person);
	}
	if (rc != 0)
		return rc;
	if ((rc = cw_form_build(fm, w->rec, err)) != 0 ||
	    (rc = cw_txn_put(t, w->rec,
			     CW_PUT_FOLLOW_VERDICTS |
				     (fm->editing ? CW_PUT_IF_UNCHANGED : CW_PUT_NEW),
			     NULL, err)) != 0)
		return rc;
	cw_txn_undo_about(t, &w->rec->id); /* u offers the case, with the people added */
	/* A draft finished goes in the same write. */
	if (!cw_id_is_zero(&fm->draft_id) &&
	    (rc = cw_txn_draft_delete(t, &fm->draft_id, err)) != 0 && rc == CW_ENOTFOUND) {
		cw_error_clear(err);
		rc = 0;
	}
	return rc;
}

/* The record changed since the form opened: the user's changes go on its stored version, to be
 * checked and saved again (a save that overwrote the other change would undo it unseen). */
static void stale(struct cw_form *fm, const struct cw_error *refused)
{
	char both[200], when[CW_TIME_LOCAL_MAX], who[80];
	struct cw_error err;
	size_t at;

	if (cw_form_rebase(fm, both, sizeof both, &err) != 0) {
		/* Deleted since, or no memory: the refusal says what to do. */
		cw_error_format(refused, fm->message, sizeof fm->message);
		return;
	}
	/* In local time, as every other time on the screen: the change was made minutes ago,
	 * and a monitor compares it with the clock on the wall. */
	cw_time_local_format(fm->rec.updated, when);
	snprintf(who, sizeof who, "%s", fm->rec.editor ? fm->rec.editor : "?");
	cw_text_trim_utf8(who);
	snprintf(fm->message, sizeof fm->message,
		 _("not saved: changed since it was opened (by %s, %s); your changes are now on "
		   "that version: check them and save again"),
		 who, when);
	at = strlen(fm->message);
	if (both[0])
		snprintf(fm->message + at, sizeof fm->message - at,
			 _("; changed there too, your text kept: %s"), both);
	cw_text_trim_utf8(fm->message);
}

int cw_form_save(struct cw_form *fm, struct cw_error *err)
{
	struct cw_record rec;
	int rc, i, di = cw_form_find(fm, fm->missing_field[0] ? fm->missing_field : "defendant");

	fm->message[0] = '\0';
	fm->unchanged = 0;
	/* A note on a field that has none of its own (a draft kept while one was typed) goes
	 * into the notes, where the form shows it and the record keeps it. */
	for (size_t k = 0; k < fm->n; k++)
		cw_form_note_into_notes(fm, k);
	fm->noting = 0;
	/* Every new person agreed to, for the names as they still stand. */
	if (fm->add_missing && fm->nmissing && di >= 0 &&
	    !strcmp(cw_edit_text(&fm->fields[di].edit), fm->missing_for)) {
		struct with_people w = {fm, &rec};

		memset(&rec, 0, sizeof rec);
		rc = cw_store_write_undoable(fm->st, with_people_fn, &w, err);
		memset(fm->added, 0, sizeof fm->added);
		if (rc == 0)
			fm->nmissing = fm->agreed = 0;
	} else {
		fm->nmissing = fm->agreed = 0;
		fm->add_missing = 0;
		/* A group typed in part ("Boeung") is the case's group that holds it, spelled as
		 * the case spells it, as on the command line; a label the case lacks is refused,
		 * since detention and charges find a group by its label. */
		if ((rc = cw_form_build(fm, &rec, err)) != 0)
			return rc;
		if ((rc = cw_record_groups_resolve(fm->st, &rec, err)) != 0)
			goto refused;
		/* An edit that changes nothing writes nothing: a new version of the same content
		 * would travel to every laptop, and meet their edits as a conflict. */
		fm->unchanged = fm->editing && cw_id_is_zero(&fm->draft_id) &&
				cw_version_same_content(&rec, &fm->rec) == 1;
		if (fm->unchanged)
			goto refused;
		/* A draft finished is deleted in the same write as the record it made. */
		rc = cw_store_put_completing(
			fm->st, &rec,
			CW_PUT_FOLLOW_VERDICTS | (fm->editing ? CW_PUT_IF_UNCHANGED : CW_PUT_NEW),
			cw_id_is_zero(&fm->draft_id) ? NULL : &fm->draft_id, err);
	}
refused:
	if (rc == 0) {
		fm->saved_id = rec.id;
		fm->dirty = 0;
	} else if (rc == CW_EREFUSED && fm->editing && !strcmp(err->field, "record")) {
		stale(fm, err);
	} else if ((i = cw_form_field_for_error(fm, err->field)) >= 0) {
		snprintf(fm->fields[i].error, sizeof fm->fields[i].error, "%s", err->message);
		fm->cur = (size_t)i;
	} else {
		cw_error_format(err, fm->message, sizeof fm->message);
	}
	cw_record_free(&rec);
	return rc;
}
