/* record_options.c - records from command-line options, driven by the field tables of
 * models/record.h: every scalar field `foo_bar` is the option --foo-bar; lists have the
 * options below. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/groups.h"
#include "app/links.h"
#include "cli/cli.h"
#include "models/article.h"
#include "models/confidential.h"
#include "models/i18n.h"
#include "models/text.h"

/* Options for list fields, per kind. */
static const struct list_option {
	enum cw_kind kind;
	const char *option;
	const char *arg;
	const char *help;
} list_options[] = {
	{CW_KIND_CASE, "defendant", "PERSON",
	 N_("add a defendant (name or id); selects it for "
	    "--charge and --custody when already there")},
	{CW_KIND_CASE, "unnamed", "\"N LABEL\"",
	 N_("add unnamed defendants: a count, a label or both")},
	{CW_KIND_CASE, "custody", "STATUS", N_("custody of the last defendant")},
	{CW_KIND_CASE, "custody-as-of", "DATE",
	 N_("the date the last defendant's custody and stage were known to be so")},
	{CW_KIND_CASE, "defendant-stage", "STAGE",
	 N_("where the last defendant's part of the case stands (when it differs from --stage)")},
	{CW_KIND_CASE, "charge", "ARTICLES[:STATE]",
	 N_("charge the last defendant, e.g. \"494/495\" or \"437 bis:convicted\"")},
	{CW_KIND_CASE, "offence", "TEXT",
	 N_("charge the last defendant with an offence with no article")},
	{CW_KIND_HEARING, "present", "PERSON", N_("a defendant present in court")},
	{CW_KIND_HEARING, "absent", "PERSON", N_("a defendant absent from court")},
	{CW_KIND_HEARING, "indicator", "NAME=ANSWER[:NOTE]",
	 N_("a fair-trial indicator, e.g. public_hearing=no:\"gallery closed\"")},
	{CW_KIND_HEARING, "verdict", "ARTICLES=RESULT[@PERSON]",
	 N_("verdict per charge, e.g. \"494/495=convicted@Chhim Sithar\"")},
	{CW_KIND_HEARING, "sentence-part", "PART[=AMOUNT][:DETAIL]",
	 N_("a part of the sentence, e.g. \"prison=3 years\", \"ban=5 years:standing for "
	    "election\" (repeatable)")},
	{CW_KIND_VISIT, "lawyer-access", "PERSON=WORD",
	 N_("a detainee's access to a lawyer, as told or seen on the visit, e.g. \"Eng "
	    "Sroy=restricted\" (one of --detainee; repeatable)")},
	{CW_KIND_VISIT, "family-access", "PERSON=WORD",
	 N_("a detainee's access to their family, as told or seen on the visit, e.g. \"Eng "
	    "Sroy=denied\" (one of --detainee; repeatable)")},
	{CW_KIND_MILESTONE, "sentence-part", "PART[=AMOUNT][:DETAIL]",
	 N_("a part of the sentence, e.g. \"prison=3 years\", \"compensation:to the NEC\" "
	    "(repeatable)")},
};

int cw_cli_resolve(struct cw_cli *cli, enum cw_kind kind, const char *text, const char *field,
		   struct cw_id *out)
{
	struct cw_record_list cands = {0};
	int rc = cw_store_resolve(cli->session.store, kind, text, out, &cands, &cli->err);

	if (rc == CW_EAMBIGUOUS && cands.n) {
		char list[200] = "";
		size_t n = 0;

		for (size_t i = 0; i < cands.n && n < sizeof list - 1; i++) {
			char hex[CW_ID_HEX_LEN + 1];
			/* A stored name may hold anything a bundle brought: it reaches the
			 * terminal neutralised like every other stored text. */
			char *label = cw_text_for_terminal(cw_record_label(&cands.items[i]), 0);

			cw_id_hex(&cands.items[i].id, hex);
			n += (size_t)snprintf(list + n, sizeof list - n, "%s%s (%.8s)",
					      i ? ", " : "", label ? label : "?", hex);
			free(label);
		}
		cw_error_set(&cli->err, rc, field, "'%.40s' matches several: %s; give an id", text,
			     list);
	} else if (rc != 0) {
		snprintf(cli->err.field, sizeof cli->err.field, "%s", field);
	}
	cw_record_list_free(&cands);
	return rc;
}

/* The option name of a field: underscores become dashes. */
static void option_name(const char *field, char *buf, size_t len)
{
	snprintf(buf, len, "%s", field);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = '-';
}

static const struct cw_field *find_field(const struct cw_schema *s, const char *opt)
{
	for (size_t i = 0; i < s->nfields; i++) {
		char name[64];
		size_t n;

		if (s->fields[i].flags & CW_FF_MORE) /* typed through the field before it */
			continue;
		option_name(s->fields[i].name, name, sizeof name);
		if (!strcmp(name, opt))
			return &s->fields[i];
		/* --role for roles, --concern for concerns, --detainee for detainees */
		n = strlen(name);
		if ((s->fields[i].type == CW_F_SET || s->fields[i].type == CW_F_LIST) && n > 1 &&
		    name[n - 1] == 's' && strlen(opt) == n - 1 && !strncmp(name, opt, n - 1))
			return &s->fields[i];
	}
	return NULL;
}

/* A record of any kind named by its id, an id prefix or ref:REF (--after ID). */
static int any_record(struct cw_cli *cli, const char *value, const char *opt, struct cw_id *id)
{
	struct cw_record rec;
	int rc;

	if (!strncmp(value, "ref:", 4))
		cw_id_from_ref(value + 4, id);
	else if ((rc = cw_store_find_id(cli->session.store, value, id, &cli->err)) != 0)
		goto named;
	if ((rc = cw_store_get(cli->session.store, id, &rec, &cli->err)) == 0)
		cw_record_free(&rec);
named:
	if (rc != 0)
		snprintf(cli->err.field, sizeof cli->err.field, "%s", opt);
	return rc;
}

/* Applies text to a field and names the option on failure. */
static int set_field(struct cw_cli *cli, void *base, const struct cw_field *f, const char *opt,
		     const char *value)
{
	int rc;

	/* A text field says its own limit here, so that text too long is refused with that
	 * limit however long it is (a trial read "at most 8000" and "at most 65536" of notes).
	 * Not a time: "០៩:៣០" is 13 bytes and reads as 09:30, and "ម៉ោង ៩" is no time rather
	 * than too long (the record's validation says which). */
	rc = f->flags & CW_FF_HHMM
		     ? 0
		     : cw_text_validate(value,
					f->type == CW_F_STR && f->max > 0 ? (size_t)f->max : 65536,
					CW_TEXT_MULTILINE, opt, &cli->err);
	if (rc != 0)
		return rc;
	if (f->type == CW_F_ID) {
		struct cw_id id;

		if (!*value) {
			memset((char *)base + f->offset, 0, sizeof id);
			return 0;
		}
		rc = f->ref_kind ? cw_cli_resolve(cli, f->ref_kind, value, opt, &id)
				 : any_record(cli, value, opt, &id);
		if (rc != 0)
			return rc;
		memcpy((char *)base + f->offset, &id, sizeof id);
		return 0;
	}
	if (f->type == CW_F_DATE)
		return cw_cli_date(cli, opt, value, (struct cw_date *)((char *)base + f->offset));
	rc = cw_field_set_typed(base, f, value, cw_date_today(), &cli->err);
	if (rc != 0) {
		snprintf(cli->err.field, sizeof cli->err.field, "%s", opt);
	} else if (f->type == CW_F_ARTICLE) { /* a milestone's --article 494/495: each */
		struct cw_article arts[CW_ARTICLE_LIST_MAX];
		size_t n = cw_field_articles(base, f, arts);

		for (size_t i = 0; i < n; i++)
			cw_cli_warn_article(&arts[i]);
	}
	return rc;
}

static struct cw_defendant *find_defendant(struct cw_case *c, const struct cw_id *person)
{
	for (size_t i = 0; i < c->defendants.n; i++) {
		struct cw_defendant *d = (struct cw_defendant *)c->defendants.items + i;

		if (cw_id_equal(&d->person, person))
			return d;
	}
	return NULL;
}

static const struct cw_schema *list_schema(enum cw_kind kind, const char *field)
{
	const struct cw_field *f = cw_schema_field(cw_schema_for_kind(kind), field);

	return f ? f->sub : NULL;
}

/* Splits "A:B" at the last colon into a and b (b NULL when there is none). */
static void split_last(char *text, char sep, char **b)
{
	char *p = strrchr(text, sep);

	*b = NULL;
	if (p) {
		*p = '\0';
		*b = p + 1;
	}
}

static int add_charges(struct cw_cli *cli, struct cw_defendant *d, const char *value)
{
	struct cw_article arts[CW_ARTICLE_LIST_MAX];
	char buf[256], *state_text;
	size_t n;
	int state = 0, rc;

	if (strlen(value) >= sizeof buf)
		return cw_error_set(&cli->err, CW_EINVAL, "charge", "too long");
	strcpy(buf, value);
	split_last(buf, ':', &state_text);
	if (state_text && (state = cw_enum_parse(&cw_words_charge_state, state_text)) < 0)
		return cw_error_set(&cli->err, CW_EINVAL, "charge",
				    "'%.30s' is not a charge state: charged, requalified, "
				    "convicted, acquitted, dropped, convicted_unstated, "
				    "overturned or acquitted_on_appeal",
				    state_text);
	if ((rc = cw_article_parse_list(buf, arts, CW_ARTICLE_LIST_MAX, &n, "charge", &cli->err)) !=
	    0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		struct cw_charge *c = cw_defendant_charge(d, &arts[i]);

		if (!c)
			return CW_ENOMEM;
		c->state = (uint8_t)state;
		cw_cli_warn_article(&arts[i]);
	}
	return 0;
}

/* A verdict's person, named on the command line; the hearing's case, for a hint. */
struct verdict_ctx {
	struct cw_cli *cli;
	const struct cw_id *case_id;
};

/* Whether the case has a group of unnamed defendants with this label (compared folded): 1 or
 * 0; a case held here that cannot be read, its error in cli->err (never "no such group": the
 * name would be refused as no person, and the damage not said). */
static int case_has_group(struct cw_cli *cli, const struct cw_id *case_id, const char *label)
{
	struct cw_record kase;
	struct cw_error err;
	char *folded;
	int found = 0, rc;

	if (cw_id_is_zero(case_id))
		return 0;
	if ((rc = cw_store_get(cli->session.store, case_id, &kase, &err)) != 0) {
		if (rc == CW_ENOTFOUND)
			return 0;
		cli->err = err;
		return rc;
	}
	if (kase.kind == CW_KIND_CASE && (folded = cw_text_fold(label))) {
		for (size_t i = 0; i < kase.u.kase.defendants.n && !found; i++) {
			const struct cw_defendant *d =
				(const struct cw_defendant *)kase.u.kase.defendants.items + i;

			found = cw_id_is_zero(&d->person) && d->label &&
				cw_text_equals_folded(d->label, folded);
		}
		free(folded);
	}
	cw_record_free(&kase);
	return found;
}

static int resolve_verdict_person(void *vctx, const char *name, struct cw_id *out,
				  struct cw_error *err)
{
	struct verdict_ctx *c = vctx;
	int rc = cw_cli_resolve(c->cli, CW_KIND_PERSON, name, "verdict", out), group = 0;

	(void)err; /* cw_cli_resolve fills the command line's error */
	/* "494=convicted@union activists": a group's label where a person's name goes. */
	if (rc == CW_ENOTFOUND && (group = case_has_group(c->cli, c->case_id, name)) < 0)
		rc = group;
	else if (rc == CW_ENOTFOUND && group)
		rc = cw_error_set(&c->cli->err, CW_EINVAL, "verdict",
				  "'%.60s' is a group of the case's unnamed defendants, not a "
				  "person: write @group:%.60s",
				  name, name);
	return rc;
}

/* --lawyer-access PERSON=WORD, --family-access PERSON=WORD: the detainee's entry (one a
 * person, as validation wants: an edit changes the one the record has), the other access as it
 * was. An entry left with neither known goes: "=unknown" takes back what was given. */
static int set_detainee_access(struct cw_cli *cli, struct cw_visit *v, const char *opt,
			       const char *value)
{
	struct cw_detainee_access *a = NULL;
	char buf[1001], *word;
	struct cw_id id;
	int access, rc;

	snprintf(buf, sizeof buf, "%s", value);
	split_last(buf, '=', &word);
	if (!word || !buf[0])
		return cw_error_set(&cli->err, CW_EINVAL, opt,
				    "write PERSON=WORD, e.g. \"Eng Sroy=denied\"");
	if ((access = cw_enum_parse(&cw_words_access, word)) < 0)
		return cw_error_set(&cli->err, CW_EINVAL, opt,
				    "'%.30s' is not an access: granted, restricted, denied or "
				    "unknown",
				    word);
	if ((rc = cw_cli_resolve(cli, CW_KIND_PERSON, buf, opt, &id)) != 0)
		return rc;
	/* Every entry of theirs: a merge another laptop made may have kept two that differed
	 * (cw_record_join_doubled makes them one once they agree). */
	for (size_t k = 0; k < v->detainee_access.n; k++) {
		struct cw_detainee_access *e =
			(struct cw_detainee_access *)v->detainee_access.items + k;

		if (!cw_id_equal(&e->person, &id))
			continue;
		if (!strcmp(opt, "lawyer-access"))
			e->lawyer_access = (uint8_t)access;
		else
			e->family_access = (uint8_t)access;
		a = e;
	}
	if (!a) {
		if (!(a = cw_list_append(&v->detainee_access,
					 list_schema(CW_KIND_VISIT, "detainee_access"))))
			return CW_ENOMEM;
		a->person = id;
		if (!strcmp(opt, "lawyer-access"))
			a->lawyer_access = (uint8_t)access;
		else
			a->family_access = (uint8_t)access;
	}
	for (size_t k = 0; k < v->detainee_access.n;) {
		a = (struct cw_detainee_access *)v->detainee_access.items + k;
		if (!cw_id_equal(&a->person, &id) || a->lawyer_access || a->family_access) {
			k++;
			continue;
		}
		memmove(a, a + 1, (v->detainee_access.n - k - 1) * sizeof *a);
		v->detainee_access.n--;
	}
	return 0;
}

/* What an edit gives a defendant goes into every entry of theirs, not the first alone: a case
 * that names a person twice (a merge another laptop made kept two entries that differed, see
 * "merging people" in store/store.h) then comes to agree where the edit says, and the entries
 * become one once the options are read (cw_record_join_doubled). Else the first entry alone
 * could be changed, and the second's value never given up. */
static int each_entry(struct cw_cli *cli, struct cw_case *c, const struct cw_defendant *cur,
		      const char *opt, const char *value)
{
	int rc = 0;

	for (size_t i = 0; i < c->defendants.n && rc == 0; i++) {
		struct cw_defendant *d = (struct cw_defendant *)c->defendants.items + i;

		if (d == cur || cw_id_is_zero(&cur->person) ||
		    !cw_id_equal(&d->person, &cur->person))
			continue;
		if (!strcmp(opt, "custody"))
			d->custody = cur->custody;
		else if (!strcmp(opt, "custody-as-of"))
			d->as_of = cur->as_of;
		else if (!strcmp(opt, "defendant-stage"))
			d->stage = cur->stage;
		else if (!strcmp(opt, "charge"))
			rc = add_charges(cli, d, value);
	}
	return rc;
}

static int apply_list_option(struct cw_cli *cli, struct cw_record *rec, const char *opt,
			     const char *value, struct cw_defendant **current)
{
	struct cw_id id;
	int rc;

	if ((rc = cw_text_validate(value, 1000, 0, opt, &cli->err)) != 0)
		return rc;
	if (rec->kind == CW_KIND_CASE) {
		struct cw_case *c = &rec->u.kase;
		const struct cw_schema *ds = list_schema(CW_KIND_CASE, "defendants");

		if (!strcmp(opt, "defendant")) {
			if ((rc = cw_cli_resolve(cli, CW_KIND_PERSON, value, opt, &id)) != 0)
				return rc;
			if (!(*current = find_defendant(c, &id))) {
				if (!(*current = cw_list_append(&c->defendants, ds)))
					return CW_ENOMEM;
				(*current)->person = id;
			}
			return 0;
		}
		/* Editing a case with --unnamed "8 union activists" --charge 494 charges the
		 * group it has, it does not add eight more (app/groups.h). */
		if (!strcmp(opt, "unnamed"))
			return cw_case_group_add(c, value, opt, current, &cli->err);
		if (!*current && c->defendants.n == 1)
			*current = c->defendants.items;
		if (!*current)
			return cw_error_set(
				&cli->err, CW_EINVAL, opt,
				"name the defendant first with --defendant or --unnamed");
		if (!strcmp(opt, "custody")) {
			int v = cw_enum_parse(&cw_words_custody, value);

			if (v < 0)
				return cw_error_set(
					&cli->err, CW_EINVAL, opt,
					"'%.30s' is not a custody status: detained, bail, "
					"judicial_supervision, house_arrest, released, "
					"at_large, in_absentia",
					value);
			(*current)->custody = (uint8_t)v;
			return each_entry(cli, c, *current, opt, value);
		}
		if (!strcmp(opt, "custody-as-of"))
			return (rc = cw_cli_date(cli, opt, value, &(*current)->as_of)) != 0
				       ? rc
				       : each_entry(cli, c, *current, opt, value);
		if (!strcmp(opt, "defendant-stage")) {
			int v = cw_enum_parse(&cw_words_stage, value);

			if (v < 0)
				return cw_error_set(
					&cli->err, CW_EINVAL, opt,
					"'%.30s' is not a stage: investigation, pretrial, "
					"trial, verdict, appeal, supreme, closed",
					value);
			(*current)->stage = (uint8_t)v;
			return each_entry(cli, c, *current, opt, value);
		}
		if (!strcmp(opt, "charge"))
			return (rc = add_charges(cli, *current, value)) != 0
				       ? rc
				       : each_entry(cli, c, *current, opt, value);
		if (!strcmp(opt, "offence")) {
			const struct cw_field *cf = cw_schema_field(ds, "charges");
			struct cw_charge *ch = cw_list_append(&(*current)->charges, cf->sub);

			if (!ch || !(ch->offence = strdup(value)))
				return CW_ENOMEM;
			return 0;
		}
	} else if (rec->kind == CW_KIND_HEARING) {
		struct cw_hearing *h = &rec->u.hearing;

		if (!strcmp(opt, "present") || !strcmp(opt, "absent")) {
			struct cw_attendance *a;

			if ((rc = cw_cli_resolve(cli, CW_KIND_PERSON, value, opt, &id)) != 0)
				return rc;
			/* Named so already (twice on the line, or by the record an edit
			 * starts from): once, as the form keeps them. */
			for (size_t k = 0; k < h->attendance.n; k++) {
				a = (struct cw_attendance *)h->attendance.items + k;
				if (cw_id_equal(&a->person, &id) &&
				    a->present == (!strcmp(opt, "present") ? CW_ANSWER_YES
									   : CW_ANSWER_NO))
					return 0;
			}
			if (!(a = cw_list_append(&h->attendance,
						 list_schema(CW_KIND_HEARING, "attendance"))))
				return CW_ENOMEM;
			a->person = id;
			a->present = !strcmp(opt, "present") ? CW_ANSWER_YES : CW_ANSWER_NO;
			return 0;
		}
		if (!strcmp(opt, "indicator")) {
			char buf[600], *answer, *note;
			struct cw_indicator *ind;
			int name, ans;

			snprintf(buf, sizeof buf, "%s", value);
			answer = strchr(buf, '=');
			if (!answer)
				return cw_error_set(&cli->err, CW_EINVAL, opt,
						    "write NAME=ANSWER[:NOTE], e.g. "
						    "public_hearing=no");
			*answer++ = '\0';
			note = strchr(answer, ':');
			if (note)
				*note++ = '\0';
			if ((name = cw_enum_parse(&cw_words_indicator, buf)) <= 0)
				return cw_error_set(
					&cli->err, CW_EINVAL, opt,
					"'%.30s' is not an indicator (see casewatch log "
					"hearing --help)",
					buf);
			if ((ans = cw_enum_parse(&cw_words_answer, answer)) < 0)
				return cw_error_set(&cli->err, CW_EINVAL, opt,
						    "'%.30s' is not yes, no, na or unknown",
						    answer);
			ind = NULL;
			for (size_t i = 0; i < h->indicators.n; i++)
				if (((struct cw_indicator *)h->indicators.items)[i].name == name)
					ind = (struct cw_indicator *)h->indicators.items + i;
			if (!ind &&
			    !(ind = cw_list_append(&h->indicators,
						   list_schema(CW_KIND_HEARING, "indicators"))))
				return CW_ENOMEM;
			ind->name = (uint8_t)name;
			ind->answer = (uint8_t)ans;
			free(ind->note);
			ind->note = note && *note ? strdup(note) : NULL;
			return 0;
		}
		if (!strcmp(opt, "verdict")) {
			size_t had = h->verdicts.n;

			struct verdict_ctx vc = {cli, &h->case_id};

			if ((rc = cw_hearing_add_verdicts(h, value, resolve_verdict_person, &vc,
							  opt, &cli->err)) != 0)
				return rc;
			for (size_t i = had; i < h->verdicts.n; i++)
				cw_cli_warn_article(
					&((struct cw_verdict *)h->verdicts.items)[i].article);
			return 0;
		}
		if (!strcmp(opt, "sentence-part"))
			return cw_sentence_part_add(&h->sentence_parts, value, opt, &cli->err);
	} else if (rec->kind == CW_KIND_VISIT) {
		if (!strcmp(opt, "lawyer-access") || !strcmp(opt, "family-access"))
			return set_detainee_access(cli, &rec->u.visit, opt, value);
	} else if (rec->kind == CW_KIND_MILESTONE) {
		if (!strcmp(opt, "sentence-part"))
			return cw_sentence_part_add(&rec->u.milestone.sentence_parts, value, opt,
						    &cli->err);
	}
	return cw_error_set(&cli->err, CW_EUSAGE, opt, "unknown option for a %s; see --help",
			    cw_kind_text(rec->kind));
}

/* Groups named by options are checked against the case and spelled as it spells them
 * (app/groups.h). */
static int resolve_groups(struct cw_cli *cli, struct cw_record *rec)
{
	return cw_record_groups_resolve(cli->session.store, rec, &cli->err);
}

/* --disputes ID, --same-event ID: a link to another account of the event (once each). */
static int add_link(struct cw_cli *cli, struct cw_record *rec, const char *opt, const char *value)
{
	const struct cw_field *lf = cw_schema_field(&cw_schema_header, "links");
	uint8_t relation = !strcmp(opt, "disputes") ? CW_LINK_DISPUTES : CW_LINK_SAME_EVENT;
	struct cw_link *link;
	struct cw_id id;
	int rc;

	if (!strncmp(value, "ref:", 4))
		cw_id_from_ref(value + 4, &id);
	else if ((rc = cw_store_find_id(cli->session.store, value, &id, &cli->err)) != 0) {
		snprintf(cli->err.field, sizeof cli->err.field, "%s", opt);
		return rc;
	}
	if ((rc = cw_link_target_check(cli->session.store, (enum cw_kind)rec->kind, &id, opt,
				       &cli->err)) != 0)
		return rc;
	if (cw_id_equal(&id, &rec->id))
		return cw_error_set(&cli->err, CW_EINVAL, opt, "a record cannot name itself");
	for (size_t i = 0; i < rec->links.n; i++)
		if (cw_id_equal(&((struct cw_link *)rec->links.items)[i].record, &id))
			return cw_error_set(&cli->err, CW_EINVAL, opt,
					    "the record is linked to that one already");
	if (!(link = cw_list_append(&rec->links, lf->sub)))
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	link->relation = relation;
	link->record = id;
	return 0;
}

/* A header field people type (source, view, reported_on, ...), by its field name; NULL for
 * the fields the store keeps (stamps, authors, versions) and for lists. */
static const struct cw_field *header_field(const char *name)
{
	const struct cw_field *f = cw_schema_field(&cw_schema_header, name);

	return f && !(f->flags & CW_FF_HEADER) && f->type != CW_F_LIST ? f : NULL;
}

/* The same by option name (--reported-on). */
static const struct cw_field *header_option(const char *opt)
{
	char name[64];

	/* Whose account a record is: "account" where lists, reports and show say it, "view"
	 * where the record holds it; both set it. */
	snprintf(name, sizeof name, "%s", !strcmp(opt, "account") ? "view" : opt);
	for (char *p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	return header_field(name);
}

static int is_list_option(enum cw_kind kind, const char *opt)
{
	for (size_t i = 0; i < sizeof list_options / sizeof list_options[0]; i++)
		if (list_options[i].kind == kind && !strcmp(list_options[i].option, opt))
			return 1;
	return 0;
}

/* A group given twice in one command ("--unnamed '8 activists' ... --unnamed '5 activists'")
 * is refused, as the case form refuses it: which number, custody or charges are meant cannot
 * be told. Groups are remembered by position, since the list may move as it grows. */
static int group_once(struct cw_cli *cli, const struct cw_case *c, const struct cw_defendant *d,
		      const char *value, size_t *given, size_t *n, size_t cap)
{
	size_t at = (size_t)(d - (const struct cw_defendant *)c->defendants.items);

	for (size_t i = 0; i < *n; i++)
		if (given[i] == at)
			return cw_error_set(&cli->err, CW_EINVAL, "unnamed",
					    "'%.60s' names a group given already in this command: "
					    "give each group once",
					    value);
	if (*n < cap)
		given[(*n)++] = at;
	return 0;
}

/* Whether the last person of a list of people (--detainee, --arrested, --person) is named
 * before it in the list: given twice on the line, or by the record an edit starts from. Such
 * a person is kept once, as the form keeps them ("--arrested X --arrested X" stored X twice,
 * and a report counted two arrests). */
static int listed_before(const struct cw_list *l, const struct cw_schema *sub)
{
	const struct cw_field *pf = &sub->fields[0];
	const char *last;

	if (pf->type != CW_F_ID || l->n < 2)
		return 0;
	last = (const char *)l->items + (l->n - 1) * sub->size + pf->offset;
	for (size_t i = 0; i + 1 < l->n; i++)
		if (cw_id_equal((const struct cw_id *)((const char *)l->items + i * sub->size +
						       pf->offset),
				(const struct cw_id *)last))
			return 1;
	return 0;
}

/* A field of one value (a date, a time, an outcome, a source: not a set or a list, which
 * --help marks repeatable) given twice in one command is refused: the command line cannot
 * say which was meant ("--date 2024-01-01 --date 2024-01-02" saved the second without a
 * word). */
static int field_once(struct cw_cli *cli, const struct cw_field *f, const char *opt,
		      const struct cw_field **given, size_t *n, size_t cap)
{
	if (f->type == CW_F_SET || f->type == CW_F_LIST)
		return 0;
	for (size_t i = 0; i < *n; i++)
		if (given[i] == f)
			return cw_error_set(&cli->err, CW_EUSAGE, opt,
					    "is given twice; give it once");
	if (*n < cap)
		given[(*n)++] = f;
	return 0;
}

int cw_cli_apply_record_options(struct cw_cli *cli, struct cw_record *rec, int first_arg)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	struct cw_defendant *current = NULL;
	size_t groups[64], ngroups = 0;    /* the groups --unnamed gave, by position */
	const struct cw_field *given[128]; /* the fields of one value given, for field_once */
	size_t ngiven = 0;
	struct cw_opt opt;
	int i = first_arg, rc;

	while ((rc = cw_cli_next_opt(cli, &i, "reportedly,confidential,yes,json,help", &opt)) ==
	       1) {
		const struct cw_field *f;

		if (!strcmp(opt.name, "yes") || !strcmp(opt.name, "json") ||
		    !strcmp(opt.name, "help"))
			continue;
		if (!strcmp(opt.name, "reportedly")) {
			rec->reportedly = 1;
			continue;
		}
		if (!strcmp(opt.name, "confidential")) {
			rec->confidential = 1;
			continue;
		}
		/* --confidential-field WORD[,WORD], repeatable: adds to the record's set. */
		if (!strcmp(opt.name, "confidential-field")) {
			if ((rc = set_field(
				     cli, rec,
				     cw_schema_field(&cw_schema_header, "confidential_fields"),
				     opt.name, opt.value)) != 0)
				return rc;
			continue;
		}
		if (!strcmp(opt.name, "clear")) {
			char name[64];

			snprintf(name, sizeof name, "%s", opt.value);
			for (char *p = name; *p; p++)
				if (*p == '-')
					*p = '_';
			if ((f = cw_schema_field(s, name))) {
				cw_field_free(&rec->u, f);
				/* Reset the field to "not given". */
				switch (f->type) {
				case CW_F_INT:
					*(int64_t *)((char *)&rec->u + f->offset) = -1;
					break;
				case CW_F_STR:
				case CW_F_LIST:
					break;
				case CW_F_DATE:
					memset((char *)&rec->u + f->offset, 0,
					       sizeof(struct cw_date));
					break;
				case CW_F_ID:
					memset((char *)&rec->u + f->offset, 0,
					       sizeof(struct cw_id));
					break;
				case CW_F_ARTICLE: /* a milestone's list of articles too */
					cw_field_set_text(&rec->u, f, "", NULL);
					break;
				case CW_F_SET:
					*(uint32_t *)((char *)&rec->u + f->offset) = 0;
					break;
				default:
					*(uint8_t *)((char *)&rec->u + f->offset) = 0;
				}
				continue;
			}
			if (!strcmp(name, "links")) { /* every --disputes and --same-event */
				cw_field_free(rec, cw_schema_field(&cw_schema_header, "links"));
				continue;
			}
			if ((f = header_field(name))) {
				cw_field_free(rec, f);
				if (f->type == CW_F_DATE)
					memset((char *)rec + f->offset, 0, sizeof(struct cw_date));
				else if (f->type == CW_F_ID)
					memset((char *)rec + f->offset, 0, sizeof(struct cw_id));
				else if (f->type == CW_F_SET)
					*(uint32_t *)((char *)rec + f->offset) = 0;
				else if (f->type != CW_F_STR && f->type != CW_F_LIST)
					*(uint8_t *)((char *)rec + f->offset) = 0;
				continue;
			}
			return cw_error_set(&cli->err, CW_EUSAGE, "clear",
					    "a %s has no field '%.40s'", cw_kind_text(rec->kind),
					    opt.value);
		}
		if (!strcmp(opt.name, "disputes") || !strcmp(opt.name, "same-event")) {
			if ((rc = add_link(cli, rec, opt.name, opt.value)) != 0)
				return rc;
			continue;
		}
		if ((f = header_option(opt.name))) {
			if ((rc = field_once(cli, f, opt.name, given, &ngiven,
					     sizeof given / sizeof given[0])) != 0 ||
			    (rc = set_field(cli, rec, f, opt.name, opt.value)) != 0)
				return rc;
			/* --after its own id, a person's or a case's, or a record that comes
			 * after this one, directly or through others, placed the record nowhere
			 * without a word (app/links.h). */
			if (!strcmp(opt.name, "after") &&
			    (rc = cw_after_check(cli->session.store, rec, opt.name, &cli->err)) !=
				    0)
				return rc;
			continue;
		}
		if (is_list_option(rec->kind, opt.name)) {
			if ((rc = apply_list_option(cli, rec, opt.name, opt.value, &current)) != 0)
				return rc == CW_ENOMEM
					       ? cw_error_set(&cli->err, rc, "", "out of memory")
					       : rc;
			if (rec->kind == CW_KIND_CASE && !strcmp(opt.name, "unnamed") &&
			    (rc = group_once(cli, &rec->u.kase, current, opt.value, groups,
					     &ngroups, sizeof groups / sizeof groups[0])) != 0)
				return rc;
			continue;
		}
		f = find_field(s, opt.name);
		if (f && f->type == CW_F_LIST && (f->flags & CW_FF_FLAT)) {
			void *item = cw_list_append((struct cw_list *)((char *)&rec->u + f->offset),
						    f->sub);

			if (!item)
				return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
			if ((rc = set_field(cli, item, &f->sub->fields[0], opt.name, opt.value)) !=
			    0)
				return rc;
			if (listed_before((struct cw_list *)((char *)&rec->u + f->offset), f->sub))
				((struct cw_list *)((char *)&rec->u + f->offset))->n--;
			continue;
		}
		if (!f || f->type == CW_F_LIST)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "unknown option for a %s; see casewatch %s --help",
					    cw_kind_text(rec->kind),
					    rec->kind == CW_KIND_PERSON ? "person add"
					    : rec->kind == CW_KIND_CASE ? "case add"
									: "log");
		if ((rc = field_once(cli, f, opt.name, given, &ngiven,
				     sizeof given / sizeof given[0])) != 0 ||
		    (rc = set_field(cli, &rec->u, f, opt.name, opt.value)) != 0)
			return rc;
	}
	if (rc == 0 && cw_record_source_in_data_words(rec) != 0)
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	/* Entries of one person an edit made agree become one (see each_entry). */
	if (rc == 0 && cw_record_join_doubled(rec) != 0)
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	return rc == 0 ? resolve_groups(cli, rec) : rc;
}

/* Whether opt names an option of a record of this kind. */
static int known_option(enum cw_kind kind, const char *opt)
{
	static const char *const always[] = {"yes",        "json",         "help",
					     "reportedly", "confidential", "confidential-field",
					     "clear",      "disputes",     "same-event"};
	const struct cw_field *f = find_field(cw_schema_for_kind(kind), opt);

	for (size_t i = 0; i < sizeof always / sizeof always[0]; i++)
		if (!strcmp(opt, always[i]))
			return 1;
	return header_option(opt) || is_list_option(kind, opt) ||
	       (f && (f->type != CW_F_LIST || (f->flags & CW_FF_FLAT)));
}

int cw_cli_check_record_option_names(struct cw_cli *cli, int kind, int first_arg)
{
	struct cw_opt opt;
	int i = first_arg, rc;

	while ((rc = cw_cli_next_opt(cli, &i, "reportedly,confidential,yes,json,help", &opt)) ==
	       1) {
		int known = 0;

		for (int k = 0; k < CW_KIND_COUNT && !known; k++)
			known = (kind < 0 || k == kind) && cw_schema_for_kind((enum cw_kind)k) &&
				known_option((enum cw_kind)k, opt.name);
		if (!known)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    kind < 0 ? "unknown option; see casewatch edit --help"
						     : "unknown option for a %s; see --help",
					    kind < 0 ? "" : cw_kind_text((enum cw_kind)kind));
	}
	return rc < 0 ? rc : 0;
}

static const char *type_arg(const struct cw_field *f)
{
	switch (f->type) {
	case CW_F_DATE:
		return "DATE";
	case CW_F_INT:
		return "N";
	case CW_F_ENUM:
		return "WORD";
	case CW_F_SET:
		return "WORD[,WORD]";
	case CW_F_ID:
		return f->ref_kind == CW_KIND_CASE ? "CASE" : "PERSON";
	case CW_F_ARTICLE:
		return f->flags & CW_FF_LIST_TEXT ? "ARTICLES" : "ARTICLE";
	case CW_F_BOOL:
		return "yes|no";
	case CW_F_LIST:
		return "PERSON";
	default:
		return f->flags & CW_FF_HHMM ? "HH:MM" : "TEXT";
	}
}

static void print_words(FILE *out, const struct cw_enum *e)
{
	fputs(_("            one of:"), out);
	for (size_t i = 0; i < e->n; i++)
		if (e->words[i][0])
			fprintf(out, " %s", e->words[i]);
	fputc('\n', out);
}

/* Whether logging a record of `kind` needs its date: one record of an event does, one that
 * counts several (--count) may go without (cw_record_requires; `log visit --help` said "date"
 * alone while saving refused a visit without one). */
static int date_required(enum cw_kind kind)
{
	struct cw_record r;
	int required;

	cw_record_init(&r, kind);
	required = cw_record_requires(&r, NULL, "date");
	cw_record_free(&r);
	return required;
}

void cw_cli_print_record_options(FILE *out, enum cw_kind kind)
{
	const struct cw_schema *s = cw_schema_for_kind(kind);

	fputs(_("Fields:\n"), out);
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		char name[64], left[96];

		if ((f->type == CW_F_LIST && !(f->flags & CW_FF_FLAT)) || (f->flags & CW_FF_MORE))
			continue;
		option_name(f->name, name, sizeof name);
		if (f->type == CW_F_LIST || f->type == CW_F_SET)
			name[strlen(name) - 1] =
				name[strlen(name) - 1] == 's' ? '\0' : name[strlen(name) - 1];
		snprintf(left, sizeof left, "--%s %s", name, type_arg(f));
		fprintf(out, "  %-34s %s%s%s\n", left, _(f->help),
			f->flags & CW_FF_REQUIRED ? _(" (required)")
			: !strcmp(f->name, "date") && date_required(kind)
				? _(" (required, unless --count is given)")
				: "",
			f->type == CW_F_LIST || f->type == CW_F_SET ? _(" (repeatable)") : "");
		if (f->words)
			print_words(out, f->words);
	}
	for (size_t i = 0; i < sizeof list_options / sizeof list_options[0]; i++) {
		char left[96];

		if (list_options[i].kind != kind)
			continue;
		snprintf(left, sizeof left, "--%s %s", list_options[i].option, list_options[i].arg);
		fprintf(out, "  %-34s %s\n", left, _(list_options[i].help));
		if (!strcmp(list_options[i].option, "custody"))
			print_words(out, &cw_words_custody);
		if (strstr(list_options[i].option, "-access"))
			print_words(out, &cw_words_access);
		if (!strcmp(list_options[i].option, "indicator")) {
			print_words(out, &cw_words_indicator);
		}
	}
	fputs(_("Every record:\n"
		"  --source TEXT                      who reported it: document and paragraph, or\n"
		"                                     \"own observation\"\n"
		"  --view WORD                        whose account: un, government, media, ngo, "
		"own,\n"
		"                                     other\n"
		"  --reportedly                       the source says \"reportedly\"\n"
		"  --reported-on DATE                 the date the source's account is as of (the "
		"end of\n"
		"                                     its reporting period)\n"
		"  --after ID                         comes after that record when the dates do "
		"not say\n"
		"                                     (an id, a prefix or ref:REF)\n"
		"  --disputes ID                      another account of the event, which this one "
		"disputes\n"
		"  --same-event ID                    another account that describes the same "
		"event\n"
		"  --confidential                     the whole record is confidential: in no "
		"report,\n"
		"                                     export or plain bundle\n"),
	      out);
	/* The fields this kind has: `log visit --help` offered a person's name, which saving
	 * refused. */
	fputs(_("  --confidential-field WORD[,WORD]   a confidential field, left out of reports,\n"
		"                                     exports and plain bundles (repeatable)\n"),
	      out);
	print_words(out, cw_confidential_words_for(kind));
	fputs(_("  --clear FIELD                      (edit) empty a field; --clear confidential,\n"
		"                                     --clear confidential-fields take the marks "
		"off\n"
		"A DATE is YYYY-MM-DD (or YYYY, YYYY-MM when that is all the source gives), or\n"
		"counted from today: today, yesterday, tomorrow, monday .. sunday (the last one,\n"
		"today included), next monday, last friday, +3d, -2d, +1w, next week, last week\n"
		"(their Monday). The full date is stored, and shown after the record's id.\n"),
	      out);
}
