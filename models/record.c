/* record.c - record lifecycle and field access; see record.h. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "models/i18n.h"
#include "models/record.h"
#include "models/text.h"

void *cw_record_body(struct cw_record *rec)
{
	return &rec->u;
}

const void *cw_record_body_const(const struct cw_record *rec)
{
	return &rec->u;
}

void cw_struct_init(void *base, const struct cw_schema *s)
{
	memset(base, 0, s->size);
	for (size_t i = 0; i < s->nfields; i++)
		if (s->fields[i].type == CW_F_INT && !(s->fields[i].flags & CW_FF_HEADER))
			*(int64_t *)((char *)base + s->fields[i].offset) = -1;
}

void cw_field_free(void *base, const struct cw_field *f)
{
	char *p = (char *)base + f->offset;

	if (f->type == CW_F_STR) {
		char *text = *(char **)p;

		/* Names and notes opened from the vault: not left in freed memory, where a
		 * locked terminal interface or a dump of the process would still hold them. */
		if (text)
			explicit_bzero(text, strlen(text));
		free(text);
		*(char **)p = NULL;
	} else if (f->type == CW_F_LIST) {
		struct cw_list *l = (struct cw_list *)p;

		for (size_t i = 0; i < l->n; i++)
			cw_struct_free((char *)l->items + i * f->sub->size, f->sub);
		free(l->items);
		l->items = NULL;
		l->n = 0;
	}
}

void cw_struct_free(void *base, const struct cw_schema *s)
{
	/* Only texts and lists own memory; every record read is freed field by field. */
	for (size_t i = 0; i < s->nfields; i++)
		if (s->fields[i].type == CW_F_STR || s->fields[i].type == CW_F_LIST)
			cw_field_free(base, &s->fields[i]);
}

/* Adds a to out[0..*n) unless an article there is the same charge. */
static void add_article(struct cw_article *out, size_t *n, const struct cw_article *a)
{
	if (!cw_article_in(a, out, *n) && *n < CW_ARTICLE_LIST_MAX)
		out[(*n)++] = *a;
}

size_t cw_field_articles(const void *base, const struct cw_field *f,
			 struct cw_article out[CW_ARTICLE_LIST_MAX])
{
	const struct cw_article *a = (const struct cw_article *)((const char *)base + f->offset);
	size_t n = 0;

	if (a->law != CW_LAW_NONE)
		add_article(out, &n, a);
	if (f->flags & CW_FF_LIST_TEXT) {
		const struct cw_field *more = f + 1;
		const struct cw_list *l =
			(const struct cw_list *)((const char *)base + more->offset);

		for (size_t i = 0; i < l->n; i++) {
			a = &((const struct cw_article_ref *)l->items)[i].article;
			if (a->law != CW_LAW_NONE)
				add_article(out, &n, a);
		}
	}
	return n;
}

int cw_field_set_articles(void *base, const struct cw_field *f, const struct cw_article *a,
			  size_t n, struct cw_error *err)
{
	struct cw_article *one = (struct cw_article *)((char *)base + f->offset),
			  kept[CW_ARTICLE_LIST_MAX];
	const struct cw_field *more = f + 1; /* the table puts the list right after the field */
	struct cw_list *l = (struct cw_list *)((char *)base + more->offset);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (cw_article_in(&a[i], kept, k)) /* the same charge again ("494/494 para 2") */
			continue;
		if (k == CW_ARTICLE_LIST_MAX)
			return cw_error_set(err, CW_EINVAL, f->name,
					    "more than %zu articles in one list",
					    (size_t)CW_ARTICLE_LIST_MAX);
		kept[k++] = a[i];
	}
	cw_field_free(base, more);
	memset(one, 0, sizeof *one);
	if (k == 1)
		*one = kept[0];
	for (size_t i = 0; k > 1 && i < k; i++) {
		struct cw_article_ref *r = cw_list_append(l, more->sub);

		if (!r)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		r->article = kept[i];
	}
	return 0;
}

int cw_field_tidy_articles(void *base, const struct cw_field *f, struct cw_error *err)
{
	const struct cw_article *one = (const struct cw_article *)((const char *)base + f->offset);
	const struct cw_list *l = (const struct cw_list *)((const char *)base + (f + 1)->offset);
	struct cw_article all[CW_ARTICLE_LIST_MAX + 1];
	size_t n = 0;

	if (one->law != CW_LAW_NONE)
		all[n++] = *one;
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_article *a = &((const struct cw_article_ref *)l->items)[i].article;

		if (a->law == CW_LAW_NONE)
			continue;
		if (n == sizeof all / sizeof all[0])
			return cw_error_set(err, CW_EINVAL, f->name,
					    "more than %zu articles in one list",
					    (size_t)CW_ARTICLE_LIST_MAX);
		all[n++] = *a;
	}
	return cw_field_set_articles(base, f, all, n, err);
}

size_t cw_milestone_articles(const struct cw_milestone *m,
			     struct cw_article out[CW_ARTICLE_LIST_MAX])
{
	return cw_field_articles(
		m, cw_schema_field(cw_schema_for_kind(CW_KIND_MILESTONE), "article"), out);
}

void *cw_list_append(struct cw_list *list, const struct cw_schema *sub)
{
	void *item;

	/* The capacity is the next power of two at or above n, so a list of n items is grown
	 * log n times, not n times (decoding a record appends one item at a time). */
	if (list->n == 0 || (list->n & (list->n - 1)) == 0) {
		size_t cap = list->n ? list->n * 2 : 1;
		void *items = realloc(list->items, cap * sub->size);

		if (!items)
			return NULL;
		list->items = items;
	}
	item = (char *)list->items + list->n * sub->size;
	cw_struct_init(item, sub);
	list->n++;
	return item;
}

int cw_hearing_add_verdicts(struct cw_hearing *h, const char *spec, cw_name_resolver resolve,
			    void *ctx, const char *field, struct cw_error *err)
{
	const struct cw_field *vf =
		cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "verdicts");
	struct cw_article arts[CW_ARTICLE_LIST_MAX];
	struct cw_id person = {{0}};
	char buf[600], *result, *name, *group = NULL;
	size_t n;
	int res, rc;

	if (strlen(spec) >= sizeof buf)
		return cw_error_set(err, CW_EINVAL, field, "too long");
	strcpy(buf, spec);
	if ((name = strrchr(buf, '@')))
		*name++ = '\0';
	if (!(result = strchr(buf, '=')))
		return cw_error_set(err, CW_EINVAL, field,
				    "write ARTICLES=RESULT[@PERSON], e.g. "
				    "494/495=convicted@\"Chhim Sithar\"");
	*result++ = '\0';
	while (*result == ' ')
		result++;
	for (char *end = result + strlen(result); end > result && end[-1] == ' ';)
		*--end = '\0';
	if ((res = cw_enum_parse(&cw_words_verdict, result)) <= 0)
		return cw_error_set(err, CW_EINVAL, field,
				    "'%.30s' is not a result: convicted, acquitted, dropped, "
				    "requalified, upheld, overturned",
				    result);
	if ((rc = cw_article_parse_list(buf, arts, CW_ARTICLE_LIST_MAX, &n, field, err)) != 0)
		return rc;
	if (name) {
		while (*name == ' ')
			name++;
		if (!strncmp(name, "group:", 6)) /* a group of unnamed defendants, by its label */
			group = name + 6;
		else if ((rc = resolve(ctx, name, &person, err)) != 0)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		struct cw_verdict *v = NULL;

		/* A hearing rules once on a person's (or group's) charge: a verdict given again
		 * for it corrects the one there instead of standing beside it; every one there (a
		 * merge of two people another laptop made keeps two that differed, which then
		 * agree and become one). */
		for (size_t j = 0; j < h->verdicts.n; j++) {
			struct cw_verdict *o = (struct cw_verdict *)h->verdicts.items + j;

			if (cw_id_equal(&o->person, &person) &&
			    !strcmp(o->group ? o->group : "", group ? group : "") &&
			    cw_article_same(&o->article, &arts[i])) {
				o->result = (uint8_t)res;
				v = o;
			}
		}
		if (!v && (!(v = cw_list_append(&h->verdicts, vf->sub)) ||
			   (group && *group && !(v->group = strdup(group)))))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		v->person = person;
		v->article = arts[i];
		v->result = (uint8_t)res;
	}
	return 0;
}

int cw_sentence_part_add(struct cw_list *parts, const char *spec, const char *field,
			 struct cw_error *err)
{
	const struct cw_field *sf =
		cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "sentence_parts");
	struct cw_sentence_part *sp;
	char buf[600], *amount, *detail;
	int part;

	if (strlen(spec) >= sizeof buf)
		return cw_error_set(err, CW_EINVAL, field, "too long");
	strcpy(buf, spec);
	if ((detail = strchr(buf, ':')))
		*detail++ = '\0';
	if ((amount = strchr(buf, '=')))
		*amount++ = '\0';
	if ((part = cw_enum_parse(&cw_words_sentence_part, buf)) <= 0)
		return cw_error_set(err, CW_EINVAL, field,
				    "'%.30s' is not a sentence part: prison, suspended, fine, "
				    "compensation, ban or other; write PART[=AMOUNT][:DETAIL]",
				    buf);
	if (!(sp = cw_list_append(parts, sf->sub)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	sp->part = (uint8_t)part;
	if ((amount && *amount && !(sp->amount = strdup(amount))) ||
	    (detail && *detail && !(sp->detail = strdup(detail))))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return 0;
}

static const char *label_of(const char *label)
{
	return label && *label ? label : NULL;
}

int cw_hearing_names(const struct cw_hearing *h, const struct cw_id *person, const char *group)
{
	group = label_of(group);
	if (!group && (!person || cw_id_is_zero(person)))
		return 0;
	for (size_t i = 0; i < h->attendance.n && !group; i++)
		if (cw_id_equal(&((const struct cw_attendance *)h->attendance.items)[i].person,
				person))
			return 1;
	for (size_t i = 0; i < h->verdicts.n; i++) {
		const struct cw_verdict *v = (const struct cw_verdict *)h->verdicts.items + i;

		if (group ? cw_id_is_zero(&v->person) && label_of(v->group) &&
				    !strcasecmp(v->group, group)
			  : cw_id_equal(&v->person, person))
			return 1;
	}
	for (size_t i = 0; i < h->sentence_parts.n; i++) {
		const struct cw_sentence_part *p =
			(const struct cw_sentence_part *)h->sentence_parts.items + i;

		if (group ? cw_id_is_zero(&p->person) && label_of(p->group) &&
				    !strcasecmp(p->group, group)
			  : cw_id_equal(&p->person, person))
			return 1;
	}
	return 0;
}

/* Whether the hearing's verdicts and sentence name anyone, a person or a group (*names), and
 * whether one of its verdicts names no one (*everyone). */
static void hearing_verdicts_name(const struct cw_hearing *h, int *names, int *everyone)
{
	*names = *everyone = 0;
	for (size_t i = 0; i < h->verdicts.n; i++) {
		const struct cw_verdict *v = (const struct cw_verdict *)h->verdicts.items + i;
		int someone = !cw_id_is_zero(&v->person) || label_of(v->group);

		*names |= someone;
		*everyone |= !someone;
	}
	for (size_t i = 0; i < h->sentence_parts.n; i++) {
		const struct cw_sentence_part *p =
			(const struct cw_sentence_part *)h->sentence_parts.items + i;

		*names |= !cw_id_is_zero(&p->person) || label_of(p->group) != NULL;
	}
}

/* The attendance is the list of the people tried; verdicts that name everyone they rule on say
 * whom the hearing was about too, but one that names no one is for every defendant, whom only
 * the attendance, else the case, says. */
int cw_hearing_names_people(const struct cw_hearing *h)
{
	int names, everyone;

	hearing_verdicts_name(h, &names, &everyone);
	return h->attendance.n > 0 || (names && !everyone);
}

int cw_hearing_names_groups(const struct cw_hearing *h)
{
	int names, everyone;

	hearing_verdicts_name(h, &names, &everyone);
	return names && !everyone;
}

int cw_hearing_concerns(const struct cw_hearing *h, const struct cw_id *person, const char *group)
{
	if (label_of(group) || !person)
		return cw_hearing_names(h, NULL, group) || !cw_hearing_names_groups(h);
	return cw_hearing_names(h, person, NULL) || !cw_hearing_names_people(h);
}

int cw_hearing_rules_unnamed(const struct cw_hearing *h)
{
	if (h->verdicts.n == 0)
		return h->outcome == CW_OUTCOME_VERDICT;
	for (size_t i = 0; i < h->verdicts.n; i++) {
		const struct cw_verdict *v = (const struct cw_verdict *)h->verdicts.items + i;

		if (cw_id_is_zero(&v->person) && !label_of(v->group))
			return 1;
	}
	return 0;
}

/* Counts one whom a hearing's record names (a person, else a group by its label) into *n, up to
 * 2 (several), keeping the first in *person or *group. */
static void bail_named(const struct cw_id *p, const char *label, int *n, struct cw_id *person,
		       const char **group)
{
	label = label_of(label);
	if (!cw_id_is_zero(p))
		label = NULL;
	else if (!label)
		return;
	if (*n > 0 &&
	    (label ? *group && !strcasecmp(*group, label) : !*group && cw_id_equal(person, p)))
		return;
	if (++*n == 1) {
		*person = *p;
		*group = label;
	}
	if (*n > 2)
		*n = 2;
}

int cw_hearing_bail_whom(const struct cw_hearing *h, const struct cw_case *kase,
			 struct cw_id *person, const char **group)
{
	struct cw_id who;
	const char *label = NULL;
	int n = 0, whom;

	memset(&who, 0, sizeof who);
	for (size_t i = 0; i < h->attendance.n; i++)
		bail_named(&((const struct cw_attendance *)h->attendance.items)[i].person, NULL, &n,
			   &who, &label);
	for (size_t i = 0; i < h->verdicts.n; i++) {
		const struct cw_verdict *v = (const struct cw_verdict *)h->verdicts.items + i;

		bail_named(&v->person, v->group, &n, &who, &label);
	}
	for (size_t i = 0; i < h->sentence_parts.n; i++) {
		const struct cw_sentence_part *p =
			(const struct cw_sentence_part *)h->sentence_parts.items + i;

		bail_named(&p->person, p->group, &n, &who, &label);
	}
	whom = n == 1                                      ? CW_HEARING_BAIL_NAMED
	       : n == 0 && kase && kase->defendants.n == 1 ? CW_HEARING_BAIL_CASE
							   : CW_HEARING_BAIL_NO_ONE;
	if (whom == CW_HEARING_BAIL_CASE) {
		const struct cw_defendant *d = kase->defendants.items;

		who = d->person;
		label = cw_id_is_zero(&d->person) ? label_of(d->label) : NULL;
	} else if (whom == CW_HEARING_BAIL_NO_ONE) {
		memset(&who, 0, sizeof who);
		label = NULL;
	}
	if (person)
		*person = who;
	if (group)
		*group = label;
	return whom;
}

int cw_hearing_bail_for(const struct cw_hearing *h, const struct cw_case *kase,
			const struct cw_id *person, const char *group)
{
	struct cw_id who;
	const char *label;

	switch (cw_hearing_bail_whom(h, kase, &who, &label)) {
	case CW_HEARING_BAIL_NAMED:
		if (label_of(group))
			return label && !strcasecmp(label, group);
		return !label && person && !cw_id_is_zero(person) && cw_id_equal(&who, person);
	case CW_HEARING_BAIL_CASE:
		return 1;
	default:
		return 0;
	}
}

/* The state a verdict moves a charge to, or -1 when it leaves the charge as it is. */
static int verdict_state(uint8_t cur, const struct cw_verdict_event *v)
{
	int named = v->article.law != CW_LAW_NONE || (v->offence && *v->offence);
	int pending = cur == CW_CHARGE_CHARGED || cur == CW_CHARGE_REQUALIFIED;
	int convicted = cur == CW_CHARGE_CONVICTED || cur == CW_CHARGE_CONVICTED_UNSTATED;

	switch (v->result) {
	case CW_VERDICT_CONVICTED:
	case CW_VERDICT_UPHELD:
		if (convicted)
			return v->result == CW_VERDICT_CONVICTED && named ? CW_CHARGE_CONVICTED
									  : cur;
		/* A conviction that names the charge convicts it whatever ruling came before (an
		 * acquittal the prosecution appealed); one that names none, or a ruling upheld,
		 * is of what is left: a charge acquitted, dropped or overturned stays so. */
		if (!pending && !(v->result == CW_VERDICT_CONVICTED && named))
			return -1;
		return named ? CW_CHARGE_CONVICTED : CW_CHARGE_CONVICTED_UNSTATED;
	case CW_VERDICT_OVERTURNED:
		return CW_CHARGE_OVERTURNED;
	case CW_VERDICT_ACQUITTED:
		return v->on_appeal ? CW_CHARGE_ACQUITTED_ON_APPEAL : CW_CHARGE_ACQUITTED;
	case CW_VERDICT_DROPPED:
		return CW_CHARGE_DROPPED;
	case CW_VERDICT_REQUALIFIED:
		return CW_CHARGE_REQUALIFIED;
	default:
		return -1;
	}
}

int cw_verdict_reads_state(uint8_t result, int names_charge)
{
	/* verdict_state's cases that read `cur` for their outcome, not only to skip */
	return result == CW_VERDICT_UPHELD || (result == CW_VERDICT_CONVICTED && !names_charge);
}

/* Whether a verdict concerns a defendant. */
static int verdict_names(const struct cw_verdict_event *v, const struct cw_defendant *d)
{
	if (!cw_id_is_zero(&v->person))
		return cw_id_equal(&v->person, &d->person);
	if (v->group && *v->group)
		return cw_id_is_zero(&d->person) && d->label && strcasecmp(d->label, v->group) == 0;
	if (v->tried)
		return cw_id_is_zero(&d->person) ? cw_hearing_concerns(v->tried, NULL, d->label)
						 : cw_hearing_concerns(v->tried, &d->person, NULL);
	return 1;
}

int cw_ruling_date_compare(struct cw_date a, struct cw_date b)
{
	int ka = cw_date_is_known(a), kb = cw_date_is_known(b);

	if (!ka || !kb)
		return ka - kb; /* undated first: a dated ruling is never placed before one */
	return cw_date_compare(a, b);
}

/* The step of n a charge's state follows: the latest ruling by date, of those of one date
 * the last (the last step, in a history in date order; one written before histories were
 * kept so may not be); a "charged" step (cw_case_follow_charge) is no ruling, and is the one
 * only when every step is. n > 0. */
static size_t latest_step(const struct cw_charge_step *steps, size_t n)
{
	size_t latest = n - 1;
	int found = 0;

	for (size_t k = 0; k < n; k++)
		if (steps[k].state != CW_CHARGE_CHARGED &&
		    (!found || cw_ruling_date_compare(steps[k].date, steps[latest].date) >= 0)) {
			latest = k;
			found = 1;
		}
	return latest;
}

/* Where a step of date `date` goes in a history in date order: after every step of that date
 * or before. */
static size_t step_place(const struct cw_charge_step *steps, size_t n, struct cw_date date)
{
	while (n > 0 && cw_ruling_date_compare(steps[n - 1].date, date) > 0)
		n--;
	return n;
}

int cw_case_follow_verdict(struct cw_case *c, const struct cw_verdict_event *v, int *changed)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	const struct cw_field *hf = cw_schema_field(cf->sub, "history");

	if (changed)
		*changed = 0;
	for (size_t i = 0; i < c->defendants.n; i++) {
		struct cw_defendant *d = (struct cw_defendant *)c->defendants.items + i;

		if (!verdict_names(v, d))
			continue;
		for (size_t j = 0; j < d->charges.n; j++) {
			struct cw_charge *ch = (struct cw_charge *)d->charges.items + j;
			struct cw_charge_step *steps = ch->history.items, *step;
			size_t at;
			uint8_t from;
			int to, last, put, seen = 0;

			if (v->article.law != CW_LAW_NONE
				    ? !cw_article_same(&ch->article, &v->article)
				    : v->offence && *v->offence &&
					      !(ch->offence &&
						strcasecmp(ch->offence, v->offence) == 0))
				continue;
			/* Its place in the history, which is in the order of the rulings' dates
			 * (one of the same date after those there): a ruling dated before the
			 * latest ruling there moves the charge from the state before it, and
			 * leaves the charge's state to the later one. */
			at = step_place(steps, ch->history.n, v->date);
			if ((last = !ch->history.n) == 0) {
				const struct cw_charge_step *l =
					steps + latest_step(steps, ch->history.n);

				last = l->state == CW_CHARGE_CHARGED ||
				       cw_ruling_date_compare(l->date, v->date) <= 0;
			}
			from = last ? ch->state : at > 0 ? steps[at - 1].state : CW_CHARGE_CHARGED;
			if ((to = verdict_state(from, v)) < 0)
				continue;
			for (size_t k = 0; k < ch->history.n; k++)
				seen |= cw_id_equal(&steps[k].record, &v->by) &&
					steps[k].state == to;
			if (seen && (!last || ch->state == to))
				continue;
			/* A history full keeps the latest rulings: one older than every one
			 * there is not put in it. */
			put = !seen;
			if (put && (int64_t)ch->history.n >= hf->max) {
				if (at == 0 && !last)
					continue;
				put = at > 0;
				if (put) {
					memmove(steps, steps + 1,
						--ch->history.n * sizeof(struct cw_charge_step));
					at--;
				}
			}
			if (put) {
				if (!(step = cw_list_append(&ch->history, hf->sub)))
					return CW_ENOMEM;
				steps = ch->history.items;
				memmove(steps + at + 1, steps + at,
					(ch->history.n - 1 - at) * sizeof *steps);
				step = steps + at;
				step->state = (uint8_t)to;
				step->date = v->date;
				step->record = v->by;
			}
			if (last)
				ch->state = (uint8_t)to;
			if (changed)
				*changed = 1;
		}
	}
	return 0;
}

/* Appends to a charge's history the "charged" step of the charge milestone v. CW_ENOMEM or 0. */
static int charged_step(struct cw_charge *ch, const struct cw_field *hf,
			const struct cw_verdict_event *v)
{
	size_t at = step_place(ch->history.items, ch->history.n, v->date);
	struct cw_charge_step *step = cw_list_append(&ch->history, hf->sub);

	if (!step)
		return CW_ENOMEM;
	/* In its place by date, as cw_case_follow_verdict puts a ruling. */
	step = (struct cw_charge_step *)ch->history.items + at;
	memmove(step + 1, step, (ch->history.n - 1 - at) * sizeof *step);
	step->state = CW_CHARGE_CHARGED;
	step->date = v->date;
	step->record = v->by;
	return 0;
}

int cw_case_follow_charge(struct cw_case *c, const struct cw_verdict_event *v, int *changed)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	const struct cw_field *hf = cw_schema_field(cf->sub, "history");

	if (changed)
		*changed = 0;
	if (v->article.law == CW_LAW_NONE ||
	    (cw_id_is_zero(&v->person) && !(v->group && *v->group)))
		return 0; /* a charge names whom and what */
	for (size_t i = 0; i < c->defendants.n; i++) {
		struct cw_defendant *d = (struct cw_defendant *)c->defendants.items + i;
		struct cw_charge *ch;
		size_t j;

		if (!verdict_names(v, d))
			continue;
		for (j = 0; j < d->charges.n &&
			    !cw_article_same(&((struct cw_charge *)d->charges.items)[j].article,
					     &v->article);
		     j++)
			;
		if (j < d->charges.n) {
			/* Charged already. A charge that charge milestones made (its history
			 * has a "charged" step) takes a step for this one too, so that it
			 * stays while any of them does; one the case itself lists, none. */
			int made = 0, seen = 0;

			ch = (struct cw_charge *)d->charges.items + j;
			for (size_t k = 0; k < ch->history.n; k++) {
				const struct cw_charge_step *h =
					(const struct cw_charge_step *)ch->history.items + k;

				made |= h->state == CW_CHARGE_CHARGED;
				seen |= cw_id_equal(&h->record, &v->by);
			}
			if (!made || seen || (int64_t)ch->history.n >= hf->max)
				continue;
			if (charged_step(ch, hf, v) != 0)
				return CW_ENOMEM;
			if (changed)
				*changed = 1;
			continue;
		}
		if ((int64_t)d->charges.n >= cf->max)
			continue; /* as many charges as a defendant can have: the case says so */
		if (!(ch = cw_list_append(&d->charges, cf->sub)))
			return CW_ENOMEM;
		ch->article = v->article;
		ch->article.paragraph = 0;
		ch->state = CW_CHARGE_CHARGED;
		if (charged_step(ch, hf, v) != 0)
			return CW_ENOMEM;
		if (changed)
			*changed = 1;
	}
	return 0;
}

int64_t cw_demo_arrests(const struct cw_demo *d)
{
	if (d->arrests_count >= 0 && (size_t)d->arrests_count >= d->arrested.n)
		return d->arrests_count;
	return d->arrested.n ? (int64_t)d->arrested.n : -1;
}

int cw_demo_arrests_at_least(const struct cw_demo *d)
{
	return (d->arrests_at_least && d->arrests_count >= 0) ||
	       (d->arrested.n &&
		(d->arrests_count < 0 || (size_t)d->arrests_count < d->arrested.n));
}

int64_t cw_demo_injured(const struct cw_demo *d)
{
	return d->injured >= 0 ? d->injured : -1;
}

int cw_demo_injured_at_least(const struct cw_demo *d)
{
	return d->injured >= 0 && d->injured_at_least;
}

int cw_demo_may_be_same(const struct cw_demo *a, const struct cw_demo *b)
{
	return cw_date_precision(a->date) == CW_DATE_DAY &&
	       cw_date_compare(a->date, b->date) == 0 && a->place && *a->place && b->place &&
	       strcasecmp(a->place, b->place) == 0 &&
	       !(a->cause && *a->cause && b->cause && *b->cause &&
		 strcasecmp(a->cause, b->cause) != 0);
}

int cw_visit_met_no_one(const struct cw_visit *v)
{
	return v->access == CW_ACCESS_DENIED;
}

/* Whether an entry with stage `now`, known as of `as_of`, is to move to `stage` by an event of
 * `date`: a later stage (the enum is in the order a case goes through), not past "closed", and
 * the entry not written knowing of it. */
static int stage_moves(uint8_t now, struct cw_date as_of, uint8_t stage, struct cw_date date)
{
	/* A stage not recorded stays so: the figures read "unknown" as the monitor not having
	 * said (advice asks for it), not as a stage before any verdict. */
	if (now == CW_STAGE_UNKNOWN || now >= stage || now == CW_STAGE_CLOSED)
		return 0;
	if (!cw_date_is_known(as_of))
		return 1;
	return cw_date_is_known(date) && cw_date_compare(as_of, date) < 0;
}

void cw_case_follow_stage(struct cw_case *c, const struct cw_verdict_event *v, uint8_t stage,
			  int *changed)
{
	int whole = c->defendants.n == 0;

	if (changed)
		*changed = 0;
	for (size_t i = 0; i < c->defendants.n; i++) {
		struct cw_defendant *d = (struct cw_defendant *)c->defendants.items + i;

		if (!verdict_names(v, d))
			continue;
		if (!d->stage) {
			whole = 1; /* they stand where the case stands */
			continue;
		}
		if (stage_moves(d->stage, cw_date_is_known(d->as_of) ? d->as_of : c->as_of, stage,
				v->date)) {
			d->stage = stage;
			if (changed)
				*changed = 1;
		}
	}
	if (!whole || !stage_moves(c->stage, c->as_of, stage, v->date))
		return;
	/* The others who stood where the case stood stay there: one defendant's appeal is not
	 * the co-accused's. */
	for (size_t i = 0; i < c->defendants.n; i++) {
		struct cw_defendant *d = (struct cw_defendant *)c->defendants.items + i;

		if (!d->stage && !verdict_names(v, d))
			d->stage = c->stage;
	}
	c->stage = stage;
	if (changed)
		*changed = 1;
}

int cw_case_stands_at(const struct cw_case *c, const struct cw_verdict_event *v, uint8_t stage)
{
	int whole = c->defendants.n == 0;

	for (size_t i = 0; i < c->defendants.n; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)c->defendants.items + i;

		if (!verdict_names(v, d))
			continue;
		if (!d->stage)
			whole = 1;
		else if (d->stage == stage)
			return 1;
	}
	return whole && c->stage == stage;
}

void cw_case_unfollow_record(struct cw_case *c, const struct cw_id *by, int *changed)
{
	if (changed)
		*changed = 0;
	for (size_t i = 0; i < c->defendants.n; i++) {
		struct cw_defendant *d = (struct cw_defendant *)c->defendants.items + i;

		for (size_t j = 0; j < d->charges.n; j++) {
			struct cw_charge *ch = (struct cw_charge *)d->charges.items + j;
			struct cw_charge_step *steps = ch->history.items;
			size_t kept = 0;
			int last_was_by, charged_by = 0;

			if (!ch->history.n)
				continue;
			/* The step the state follows: the last, the latest by date. */
			last_was_by =
				cw_id_equal(&steps[ch->history.n - 1].record, by) ||
				cw_id_equal(&steps[latest_step(steps, ch->history.n)].record, by);
			for (size_t k = 0; k < ch->history.n; k++)
				if (!cw_id_equal(&steps[k].record, by))
					steps[kept++] = steps[k];
				else
					charged_by |= steps[k].state == CW_CHARGE_CHARGED;
			if (kept == ch->history.n)
				continue;
			if (kept == 0 && charged_by) {
				/* A charge the record made (cw_case_follow_charge), nothing else
				 * left of it: gone with it. */
				const struct cw_field *cf = cw_schema_field(
					cw_schema_field(cw_schema_for_kind(CW_KIND_CASE),
							"defendants")
						->sub,
					"charges");

				ch->history.n = 0;
				cw_struct_free(ch, cf->sub);
				memmove(ch, ch + 1, (d->charges.n - j - 1) * sizeof *ch);
				d->charges.n--;
				j--;
				if (changed)
					*changed = 1;
				continue;
			}
			ch->history.n = kept;
			if (last_was_by)
				ch->state = kept ? steps[latest_step(steps, kept)].state
						 : CW_CHARGE_CHARGED;
			if (changed)
				*changed = 1;
		}
	}
}

/* The defendant of c that d is: the same person, or the group of the same label. */
static const struct cw_defendant *same_defendant(const struct cw_case *c,
						 const struct cw_defendant *d)
{
	for (size_t i = 0; i < c->defendants.n; i++) {
		const struct cw_defendant *e = (const struct cw_defendant *)c->defendants.items + i;

		if (!cw_id_is_zero(&d->person)
			    ? cw_id_equal(&e->person, &d->person)
			    : cw_id_is_zero(&e->person) && e->label && d->label &&
				      strcasecmp(e->label, d->label) == 0)
			return e;
	}
	return NULL;
}

/* The charge of d that ch is: the same article, else (neither has one) the same offence. */
static const struct cw_charge *same_charge(const struct cw_defendant *d, const struct cw_charge *ch)
{
	for (size_t i = 0; i < d->charges.n; i++) {
		const struct cw_charge *x = (const struct cw_charge *)d->charges.items + i;

		if (ch->article.law != CW_LAW_NONE
			    ? cw_article_same(&x->article, &ch->article)
			    : x->article.law == CW_LAW_NONE && x->offence && ch->offence &&
				      strcasecmp(x->offence, ch->offence) == 0)
			return x;
	}
	return NULL;
}

static int step_named(const struct cw_list *history, const struct cw_id *record)
{
	for (size_t i = 0; i < history->n; i++)
		if (cw_id_equal(&((const struct cw_charge_step *)history->items)[i].record, record))
			return 1;
	return 0;
}

/* A step of a merged history: whose it was, for the order of one date. */
struct merged_step {
	struct cw_charge_step step;
	int kept;
	size_t index;
};

static int merged_step_order(const void *pa, const void *pb)
{
	const struct merged_step *a = pa, *b = pb;
	int c = cw_ruling_date_compare(a->step.date, b->step.date);

	if (c)
		return c;
	if (a->kept != b->kept)
		return a->kept - b->kept;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* One charge of kept, with the same charge of the other version (NULL: none). */
static int merge_charge(struct cw_charge *ch, const struct cw_charge *theirs,
			int (*held)(void *ctx, const struct cw_id *record), void *ctx, size_t max,
			int *changed)
{
	size_t ours = ch->history.n, more = theirs ? theirs->history.n : 0, n = 0, skip, latest;
	int last_is_ours;
	const struct cw_charge_step *mine = ch->history.items;
	struct merged_step *all;
	struct cw_charge_step *steps;
	int moved = 0;
	/* A state set by hand after the latest ruling kept's history holds (a conviction
	 * corrected to "overturned" in the case form): it stands while that ruling is still the
	 * latest. The latest ruling by date, as cw_case_follow_verdict reads it: a "charged" step
	 * dated after it is not the state. */
	size_t my_latest = ours ? latest_step(mine, ours) : 0;
	int by_hand = ours && ch->state != mine[my_latest].state;
	uint8_t hand_state = ch->state;

	if (ours + more == 0)
		return 0;
	if (!(all = malloc((ours + more) * sizeof *all)))
		return CW_ENOMEM;
	for (size_t i = 0; i < ours; i++) {
		if (held(ctx, &mine[i].record))
			all[n++] = (struct merged_step){mine[i], 1, i};
		else
			moved = 1;
	}
	for (size_t i = 0; i < more; i++) {
		const struct cw_charge_step *s =
			(const struct cw_charge_step *)theirs->history.items + i;

		if (!step_named(&ch->history, &s->record) && held(ctx, &s->record)) {
			all[n++] = (struct merged_step){*s, 0, i};
			moved = 1;
		}
	}
	if (!moved) {
		free(all);
		return 0;
	}
	qsort(all, n, sizeof *all, merged_step_order);
	/* At most max steps, as cw_case_follow_verdict keeps them: the latest rulings. */
	skip = n > max ? n - max : 0;
	steps = NULL;
	if (n > skip && !(steps = malloc((n - skip) * sizeof *steps))) {
		free(all);
		return CW_ENOMEM;
	}
	for (size_t i = skip; i < n; i++)
		steps[i - skip] = all[i].step;
	latest = n > skip ? skip + latest_step(steps, n - skip) : 0;
	last_is_ours = n > skip && all[latest].kept && all[latest].index == my_latest;
	free(all);
	free(ch->history.items);
	ch->history.items = steps;
	ch->history.n = n - skip;
	if (by_hand && n && last_is_ours)
		ch->state = hand_state;
	else
		ch->state = ch->history.n ? steps[latest - skip].state : CW_CHARGE_CHARGED;
	*changed = 1;
	return 0;
}

/* Takes into d a charge oc of the other version that d lacks and that a charge milestone made
 * there (a "charged" step whose record is held here), with the steps held here; its state is
 * its latest ruling's (latest_step). CW_ENOMEM or 0. */
static int take_made_charge(struct cw_defendant *d, const struct cw_charge *oc,
			    const struct cw_field *cf, const struct cw_field *hf,
			    int (*held)(void *ctx, const struct cw_id *record), void *ctx,
			    int *changed)
{
	const struct cw_charge_step *os = oc->history.items;
	struct cw_charge *ch;
	int made = 0;

	if (same_charge(d, oc) || (int64_t)d->charges.n >= cf->max)
		return 0;
	for (size_t k = 0; k < oc->history.n; k++)
		made |= os[k].state == CW_CHARGE_CHARGED && held(ctx, &os[k].record);
	if (!made)
		return 0;
	if (!(ch = cw_list_append(&d->charges, cf->sub)))
		return CW_ENOMEM;
	ch->article = oc->article;
	if (oc->offence && !(ch->offence = strdup(oc->offence)))
		return CW_ENOMEM;
	ch->state = CW_CHARGE_CHARGED;
	for (size_t k = 0; k < oc->history.n && (int64_t)ch->history.n < hf->max; k++) {
		struct cw_charge_step *step;

		if (!held(ctx, &os[k].record))
			continue;
		if (!(step = cw_list_append(&ch->history, hf->sub)))
			return CW_ENOMEM;
		*step = os[k];
	}
	/* The latest ruling's, as cw_case_follow_verdict reads a history. */
	if (ch->history.n) {
		const struct cw_charge_step *steps = ch->history.items;

		ch->state = steps[latest_step(steps, ch->history.n)].state;
	}
	*changed = 1;
	return 0;
}

int cw_case_merge_rulings(struct cw_case *kept, const struct cw_case *other,
			  int (*held)(void *ctx, const struct cw_id *record), void *ctx,
			  int *changed)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	const struct cw_field *hf = cw_schema_field(cf->sub, "history");

	*changed = 0;
	for (size_t i = 0; i < kept->defendants.n; i++) {
		struct cw_defendant *d = (struct cw_defendant *)kept->defendants.items + i;
		const struct cw_defendant *od = same_defendant(other, d);
		size_t had = d->charges.n;
		int rc;

		for (size_t j = 0; j < had; j++) {
			struct cw_charge *ch = (struct cw_charge *)d->charges.items + j;

			if ((rc = merge_charge(ch, od ? same_charge(od, ch) : NULL, held, ctx,
					       (size_t)hf->max, changed)) != 0)
				return rc;
		}
		/* A charge a charge milestone made in the other version (cw_case_follow_charge):
		 * taken with the steps whose records are held here. */
		for (size_t j = 0; od && j < od->charges.n; j++)
			if ((rc = take_made_charge(d,
						   (const struct cw_charge *)od->charges.items + j,
						   cf, hf, held, ctx, changed)) != 0)
				return rc;
	}
	return 0;
}

struct cw_charge *cw_defendant_charge(struct cw_defendant *d, const struct cw_article *a)
{
	/* schema.c keeps the item tables to itself: a defendant's is the case's "defendants". */
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	struct cw_charge *c;

	for (size_t j = 0; j < d->charges.n; j++)
		if (cw_article_same(&((struct cw_charge *)d->charges.items)[j].article, a))
			return (struct cw_charge *)d->charges.items + j;
	if ((c = cw_list_append(&d->charges, cf->sub)))
		c->article = *a;
	return c;
}

/* Whether text begins with the words, in any letter case, and then ends, or goes on with the
 * monitors' names after a mark or "by": "own observation (Dara)", "Own observation by Dara
 * and Vuthy", "own observation, 3 monitors", "own observation: courtroom 2"; not "own
 * observations of the NGO", nor "own observation of LICADHO monitors", another's (a review). */
static int begins_with_words(const char *text, const char *words)
{
	static const char *const marks[] = {"(", ",", ":", ";", "-", "/", "\u2013", "\u2014"};
	size_t len = strlen(words);

	while (*text == ' ' || *text == '\t')
		text++;
	if (strncasecmp(text, words, len) != 0)
		return 0;
	text += len;
	while (*text == ' ' || *text == '\t')
		text++;
	if (!*text || (!strncasecmp(text, "by ", 3) && text[-1] == ' '))
		return 1;
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (!strncmp(text, marks[i], strlen(marks[i])))
			return 1;
	return 0;
}

int cw_source_says_own(const char *source, int in_language)
{
	return source && (begins_with_words(source, "own observation") ||
			  (in_language && begins_with_words(source, _("own observation"))));
}

/* *source with its leading `from` words (begins_with_words) said as `to`, what follows kept:
 * "own observation (Dara)" -> "ការសង្កេតផ្ទាល់ (Dara)". 1 when changed, 0 when it does not
 * begin so, CW_ENOMEM (then unchanged). */
static int swap_own_words(char **source, const char *from, const char *to)
{
	const char *text = *source, *rest;
	char *out;
	size_t tlen;

	if (!text || !begins_with_words(text, from))
		return 0;
	while (*text == ' ' || *text == '\t')
		text++;
	rest = text + strlen(from);
	tlen = strlen(to);
	if (!(out = malloc(tlen + strlen(rest) + 1)))
		return CW_ENOMEM;
	memcpy(out, to, tlen);
	strcpy(out + tlen, rest);
	explicit_bzero(*source, strlen(*source));
	free(*source);
	*source = out;
	return 1;
}

int cw_record_source_in_data_words(struct cw_record *rec)
{
	int rc;

	if (!strcmp(_("own observation"), "own observation") || cw_source_says_own(rec->source, 0))
		return 0;
	rc = swap_own_words(&rec->source, _("own observation"), "own observation");
	return rc < 0 ? rc : 0;
}

int cw_record_source_in_language(struct cw_record *rec)
{
	int rc;

	if (!strcmp(_("own observation"), "own observation"))
		return 0;
	rc = swap_own_words(&rec->source, "own observation", _("own observation"));
	return rc < 0 ? rc : 0;
}

int cw_record_view_from_source(struct cw_record *rec, int in_language)
{
	if (rec->view != CW_VIEW_UNKNOWN || !cw_source_says_own(rec->source, in_language))
		return 0;
	rec->view = CW_VIEW_OWN;
	return 1;
}

const char *cw_record_notes(const struct cw_record *rec)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	const struct cw_field *f = s ? cw_schema_field(s, "notes") : NULL;

	if (!f || f->type != CW_F_STR)
		return NULL;
	return *(const char *const *)((const char *)cw_record_body_const(rec) + f->offset);
}

void cw_record_init(struct cw_record *rec, enum cw_kind kind)
{
	const struct cw_schema *s = cw_schema_for_kind(kind);

	memset(rec, 0, sizeof *rec);
	rec->kind = (uint8_t)kind;
	if (s)
		cw_struct_init(&rec->u, s);
}

void cw_record_free(struct cw_record *rec)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);

	cw_struct_free(rec, &cw_schema_header);
	if (s)
		cw_struct_free(&rec->u, s);
	memset(rec, 0, sizeof *rec);
}

static int copy_struct(void *dst, const void *src, const struct cw_schema *s)
{
	memcpy(dst, src, s->size);
	/* Detach the owned pointers first so a failure leaves dst freeable. */
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		char *p = (char *)dst + f->offset;

		if (f->type == CW_F_STR)
			*(char **)p = NULL;
		else if (f->type == CW_F_LIST)
			memset(p, 0, sizeof(struct cw_list));
	}
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		const char *sp = (const char *)src + f->offset;
		char *dp = (char *)dst + f->offset;

		if (f->type == CW_F_STR && *(char *const *)sp) {
			if (!(*(char **)dp = strdup(*(char *const *)sp)))
				return CW_ENOMEM;
		} else if (f->type == CW_F_LIST) {
			const struct cw_list *sl = (const struct cw_list *)sp;
			struct cw_list *dl = (struct cw_list *)dp;

			for (size_t j = 0; j < sl->n; j++) {
				void *item = cw_list_append(dl, f->sub);

				if (!item)
					return CW_ENOMEM;
				if (copy_struct(item, (const char *)sl->items + j * f->sub->size,
						f->sub) != 0)
					return CW_ENOMEM;
			}
		}
	}
	return 0;
}

int cw_record_copy(struct cw_record *dst, const struct cw_record *src)
{
	const struct cw_schema *s = cw_schema_for_kind(src->kind);
	int rc;

	cw_record_init(dst, src->kind);
	rc = copy_struct(dst, src, &cw_schema_header);
	dst->kind = src->kind;
	/* The header's struct is the whole record: the body it copied holds src's texts and
	 * lists, which a failure would free with dst. Emptied until its own copy is made. */
	if (s)
		cw_struct_init(&dst->u, s);
	if (rc == 0 && s)
		rc = copy_struct(&dst->u, &src->u, s);
	if (rc != 0)
		cw_record_free(dst);
	return rc;
}

/* The bytes a field takes in its struct. */
static size_t field_bytes(const struct cw_field *f)
{
	switch (f->type) {
	case CW_F_STR:
		return sizeof(char *);
	case CW_F_DATE:
		return sizeof(struct cw_date);
	case CW_F_INT:
		return sizeof(int64_t);
	case CW_F_SET:
		return sizeof(uint32_t);
	case CW_F_ID:
		return sizeof(struct cw_id);
	case CW_F_ARTICLE:
		return sizeof(struct cw_article);
	case CW_F_LIST:
		return sizeof(struct cw_list);
	default:
		return sizeof(uint8_t); /* ENUM, BOOL */
	}
}

/* One field's value from src into dst, deep: dst's old value is freed only once the copy is
 * made, so a failure leaves it as it was. */
static int copy_field(void *dst, const void *src, const struct cw_field *f)
{
	char *dp = (char *)dst + f->offset;
	const char *sp = (const char *)src + f->offset;

	if (f->type == CW_F_STR) {
		char *text = NULL;

		if (*(char *const *)sp && !(text = strdup(*(char *const *)sp)))
			return CW_ENOMEM;
		cw_field_free(dst, f);
		*(char **)dp = text;
	} else if (f->type == CW_F_LIST) {
		const struct cw_list *sl = (const struct cw_list *)sp;
		struct cw_list copy = {NULL, 0};

		for (size_t j = 0; j < sl->n; j++) {
			void *item = cw_list_append(&copy, f->sub);

			if (!item ||
			    copy_struct(item, (const char *)sl->items + j * f->sub->size, f->sub)) {
				for (size_t k = 0; k < copy.n; k++)
					cw_struct_free((char *)copy.items + k * f->sub->size,
						       f->sub);
				free(copy.items);
				return CW_ENOMEM;
			}
		}
		cw_field_free(dst, f);
		*(struct cw_list *)dp = copy;
	} else {
		memcpy(dp, sp, field_bytes(f));
	}
	return 0;
}

/* The field of a record of schema s a person names as `edit` and `show --json` do: "next-date"
 * or "next_date", "account" for view, "defendant" for the list "defendants", "articles" for the
 * article field that keeps them; *header when it is the header's. NULL for none, and for the
 * store's stamps. */
static const struct cw_field *field_named(const struct cw_schema *s, const char *name, int *header)
{
	const struct cw_field *f;
	char field[64];
	size_t n;

	snprintf(field, sizeof field, "%s", !strcmp(name, "account") ? "view" : name);
	for (char *p = field; *p; p++)
		if (*p == '-')
			*p = '_';
	*header = 0;
	if ((f = cw_schema_field(s, field)))
		return (f->flags & CW_FF_MORE) && f > s->fields ? f - 1 : f;
	n = strlen(field);
	if (n + 1 < sizeof field) {
		field[n] = 's';
		field[n + 1] = '\0';
		if ((f = cw_schema_field(s, field)) && f->type == CW_F_LIST &&
		    !(f->flags & CW_FF_MORE))
			return f;
		field[n] = '\0';
	}
	*header = 1;
	f = cw_schema_field(&cw_schema_header, field);
	return f && !(f->flags & CW_FF_HEADER) ? f : NULL;
}

int cw_record_take_field(struct cw_record *dst, const struct cw_record *src, const char *name,
			 const char **field)
{
	const struct cw_schema *s = cw_schema_for_kind(dst->kind);
	const struct cw_field *f;
	int rc, header;

	if (!s || src->kind != dst->kind || !(f = field_named(s, name, &header)))
		return CW_ENOTFOUND;
	if (!header) {
		if ((rc = copy_field(&dst->u, &src->u, f)) != 0)
			return rc;
		/* An article field keeps its second and further articles in the list after
		 * it (record.h: CW_FF_LIST_TEXT). */
		if ((f->flags & CW_FF_LIST_TEXT) && (rc = copy_field(&dst->u, &src->u, f + 1)) != 0)
			return rc;
	} else if ((rc = copy_field(dst, src, f)) != 0) {
		return rc;
	}
	if (field)
		*field = f->name;
	return 0;
}

int cw_record_join_field(struct cw_record *dst, const struct cw_record *src, const char *name,
			 const char *who, const char **field)
{
	const struct cw_schema *s = cw_schema_for_kind(dst->kind);
	const struct cw_field *f;
	const char *theirs, *ours;
	char **slot, *joined;
	size_t need;
	int header;

	if (!s || src->kind != dst->kind || !(f = field_named(s, name, &header)))
		return CW_ENOTFOUND;
	if (header || f->type != CW_F_STR || !(f->flags & CW_FF_MULTILINE))
		return CW_EINVAL;
	if (field)
		*field = f->name;
	slot = (char **)((char *)&dst->u + f->offset);
	theirs = *(char *const *)((const char *)&src->u + f->offset);
	ours = *slot;
	if (!theirs || !*theirs || (ours && strstr(ours, theirs)))
		return 0;
	who = who && *who ? who : "?";
	need = (ours ? strlen(ours) + 2 : 0) + strlen(who) + 2 + strlen(theirs) + 1;
	if (!(joined = malloc(need)))
		return CW_ENOMEM;
	snprintf(joined, need, "%s%s%s: %s", ours ? ours : "", ours && *ours ? "\n\n" : "", who,
		 theirs);
	free(*slot);
	*slot = joined;
	return 0;
}

struct cw_date cw_record_date(const struct cw_record *rec)
{
	static const struct cw_date unknown = {0, 0, 0};

	switch (rec->kind) {
	case CW_KIND_CASE:
		return rec->u.kase.opened;
	case CW_KIND_HEARING:
		return rec->u.hearing.date;
	case CW_KIND_VISIT:
		return rec->u.visit.date;
	case CW_KIND_DEMO:
		return rec->u.demo.date;
	case CW_KIND_MILESTONE:
		return rec->u.milestone.date;
	case CW_KIND_INCIDENT:
		return rec->u.incident.date;
	default:
		return unknown;
	}
}

int cw_record_date_expected(const struct cw_record *rec)
{
	const struct cw_tally *t = cw_record_tally(rec);

	return CW_KIND_IS_EVENT(rec->kind) && rec->kind != CW_KIND_MILESTONE &&
	       !(t && t->count >= 0);
}

const struct cw_tally *cw_record_tally(const struct cw_record *rec)
{
	switch (rec->kind) {
	case CW_KIND_HEARING:
		return &rec->u.hearing.tally;
	case CW_KIND_VISIT:
		return &rec->u.visit.tally;
	case CW_KIND_DEMO:
		return &rec->u.demo.tally;
	case CW_KIND_INCIDENT:
		return &rec->u.incident.tally;
	default:
		return NULL;
	}
}

const char *cw_record_label(const struct cw_record *rec)
{
	const char *s = NULL;

	switch (rec->kind) {
	case CW_KIND_PERSON:
		s = cw_person_name(&rec->u.person);
		break;
	case CW_KIND_CASE:
		s = rec->u.kase.title;
		break;
	case CW_KIND_HEARING:
		s = rec->u.hearing.court;
		break;
	case CW_KIND_VISIT:
		s = rec->u.visit.facility;
		break;
	case CW_KIND_DEMO:
		s = rec->u.demo.cause ? rec->u.demo.cause : rec->u.demo.place;
		break;
	case CW_KIND_MILESTONE:
		s = rec->u.milestone.detail;
		break;
	case CW_KIND_INCIDENT:
		s = rec->u.incident.target ? rec->u.incident.target : rec->u.incident.detail;
		break;
	}
	return s ? s : "";
}

const char *cw_person_name(const struct cw_person *p)
{
	return p->name && *p->name ? p->name : p->name_km ? p->name_km : "";
}

int cw_field_set_text(void *base, const struct cw_field *f, const char *text, struct cw_error *err)
{
	char *p = (char *)base + f->offset;

	switch (f->type) {
	case CW_F_STR: {
		char *copy = NULL;

		if (*text && !(copy = strdup(text)))
			return CW_ENOMEM;
		free(*(char **)p);
		*(char **)p = copy;
		return 0;
	}
	case CW_F_DATE:
		return cw_date_parse(text, (struct cw_date *)p, f->name, err);
	case CW_F_INT: {
		char *end;
		long long v;

		if (*text == '\0') {
			*(int64_t *)p = -1;
			return 0;
		}
		/* strtoll skips leading spaces and takes a sign: " 1950" or "+5" is no number a
		 * person meant to type. */
		v = strtoll(text, &end, 10);
		if (*end || end == text || !(isdigit((unsigned char)text[0]) || text[0] == '-') ||
		    v < f->min || v > f->max)
			return cw_error_set(err, CW_EINVAL, f->name,
					    "'%.30s' is not a whole number from %lld to %lld", text,
					    (long long)f->min, (long long)f->max);
		*(int64_t *)p = v;
		return 0;
	}
	case CW_F_ENUM: {
		int v = *text ? cw_enum_parse(f->words, text) : 0;

		if (v < 0) {
			char list[256] = "";
			size_t n = 0;

			for (size_t i = 0; i < f->words->n && n < sizeof list; i++)
				if (f->words->words[i][0])
					n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
							      n ? ", " : "", f->words->words[i]);
			return cw_error_set(err, CW_EINVAL, f->name, "'%.30s' is not one of: %s",
					    text, list);
		}
		*(uint8_t *)p = (uint8_t)v;
		return 0;
	}
	case CW_F_SET: {
		/* Comma-separated words; each adds to the set. */
		char buf[512], *save = NULL, *tok;

		if (strlen(text) >= sizeof buf)
			return cw_error_set(err, CW_EINVAL, f->name, "too long");
		strcpy(buf, text);
		for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			int v;

			while (*tok == ' ')
				tok++;
			v = cw_enum_parse(f->words, tok);
			if (v < 0) {
				char list[256] = "";
				size_t n = 0;

				for (size_t i = 0; i < f->words->n && n < sizeof list; i++)
					n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
							      n ? ", " : "", f->words->words[i]);
				return cw_error_set(err, CW_EINVAL, f->name,
						    "'%.30s' is not one of: %s", tok, list);
			}
			*(uint32_t *)p |= UINT32_C(1) << v;
		}
		return 0;
	}
	case CW_F_BOOL:
		if (cw_enum_parse(&cw_words_answer, text) == CW_ANSWER_YES ||
		    !strcmp(text, "true") || !strcmp(text, "1"))
			*(uint8_t *)p = 1;
		else if (cw_enum_parse(&cw_words_answer, text) == CW_ANSWER_NO ||
			 !strcmp(text, "false") || !strcmp(text, "0") || !*text)
			*(uint8_t *)p = 0;
		else
			return cw_error_set(err, CW_EINVAL, f->name, "'%.30s' is not yes or no",
					    text);
		return 0;
	case CW_F_ARTICLE:
		if (f->flags & CW_FF_LIST_TEXT) {
			struct cw_article arts[CW_ARTICLE_LIST_MAX];
			size_t n = 0;
			int rc;

			if (*text && (rc = cw_article_parse_list(text, arts, CW_ARTICLE_LIST_MAX,
								 &n, f->name, err)) != 0)
				return rc;
			return cw_field_set_articles(base, f, arts, n, err);
		}
		if (*text == '\0') {
			memset(p, 0, sizeof(struct cw_article));
			return 0;
		}
		return cw_article_parse(text, (struct cw_article *)p, f->name, err);
	case CW_F_ID:
		if (cw_id_parse_hex(text, (struct cw_id *)p) != 0)
			return cw_error_set(err, CW_EINVAL, f->name, "'%.40s' is not a record id",
					    text);
		return 0;
	default:
		return cw_error_set(err, CW_EINVAL, f->name, "cannot be set from text");
	}
}

int cw_field_set_typed(void *base, const struct cw_field *f, const char *text, struct cw_date today,
		       struct cw_error *err)
{
	char digits[64];

	/* A Khmer keyboard types Khmer digits: a number, a time or an article reads them as 0-9
	 * (a date too: cw_date_parse_relative reads them itself). */
	if (f->type == CW_F_INT || f->type == CW_F_ARTICLE)
		text = cw_text_latin_digits(text, digits, sizeof digits);
	else if (f->type == CW_F_STR && (f->flags & CW_FF_HHMM))
		text = cw_text_typed_time(text, digits, sizeof digits); /* "8:30" too */
	if (f->type == CW_F_DATE)
		return cw_date_parse_relative(
			text, today, (struct cw_date *)((char *)base + f->offset), f->name, err);
	return cw_field_set_text(base, f, text, err);
}
