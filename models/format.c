/* format.c - record values as text; see format.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/confidential.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "models/utf8.h"

struct cw_date cw_charge_laid(const struct cw_charge *ch)
{
	const struct cw_charge_step *steps = ch->history.items;
	struct cw_date laid = {0, 0, 0};

	/* Steps are in date order (models/record.c places them so). */
	for (size_t k = 0; k < ch->history.n; k++)
		if (steps[k].state == CW_CHARGE_CHARGED && cw_date_is_known(steps[k].date) &&
		    (!cw_date_is_known(laid) || cw_date_compare(steps[k].date, laid) < 0))
			laid = steps[k].date;
	return laid;
}

/* Whether a charge was laid after `by` (known), wholly: a charge laid "in March" counts for
 * an arrest of 10 March. */
static int laid_after(const struct cw_charge *ch, struct cw_date by)
{
	struct cw_date laid = cw_charge_laid(ch);

	return cw_date_is_known(by) && cw_date_is_known(laid) &&
	       cw_date_compare(cw_date_first_day(laid), cw_date_last_day(by)) > 0;
}

static void defendant_articles_by(const struct cw_defendant *d, struct cw_date by,
				  struct cw_article *out, size_t max, size_t *n)
{
	for (size_t j = 0; j < d->charges.n; j++) {
		const struct cw_charge *ch = (const struct cw_charge *)d->charges.items + j;
		const struct cw_article *a = &ch->article;

		if (a->law == CW_LAW_NONE || laid_after(ch, by))
			continue;
		if (!cw_article_in(a, out, *n) && *n < max)
			out[(*n)++] = *a;
	}
}

void cw_defendant_articles_add(const struct cw_defendant *d, struct cw_article *out, size_t max,
			       size_t *n)
{
	for (size_t j = 0; j < d->charges.n; j++) {
		const struct cw_article *a =
			&((const struct cw_charge *)d->charges.items)[j].article;
		if (a->law == CW_LAW_NONE)
			continue;
		if (!cw_article_in(a, out, *n) && *n < max)
			out[(*n)++] = *a;
	}
}

void cw_case_articles(const struct cw_record *kase, const struct cw_id *person,
		      struct cw_article *out, size_t max, size_t *n)
{
	*n = 0;
	if (!kase || kase->kind != CW_KIND_CASE)
		return;
	for (size_t i = 0; i < kase->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase->u.kase.defendants.items + i;

		if (!person || cw_id_equal(&d->person, person))
			cw_defendant_articles_add(d, out, max, n);
	}
}

static int is_event_defendant(const struct cw_defendant *d, const struct cw_id *person,
			      const char *group)
{
	if (person)
		return cw_id_equal(&d->person, person);
	return group && cw_id_is_zero(&d->person) && d->label && strcasecmp(d->label, group) == 0;
}

void cw_case_event_articles(const struct cw_record *kase, const struct cw_id *person,
			    const char *group, struct cw_article *out, size_t max, size_t *n)
{
	static const struct cw_date any = {0, 0, 0};

	cw_case_event_articles_by(kase, person, group, any, out, max, n);
}

void cw_case_event_articles_by(const struct cw_record *kase, const struct cw_id *person,
			       const char *group, struct cw_date by, struct cw_article *out,
			       size_t max, size_t *n)
{
	*n = 0;
	if (!kase || kase->kind != CW_KIND_CASE)
		return;
	if (person && cw_id_is_zero(person))
		person = NULL;
	if (group && !*group)
		group = NULL;
	/* An event of a person (or group) the case does not name is charged with nothing in it:
	 * not the case's charges of its defendants, whatever they are (a bystander arrested in
	 * the NagaWorld case is no 494/495 arrest). Only an event of no one is the whole case's. */
	for (size_t i = 0; i < kase->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase->u.kase.defendants.items + i;

		if ((!person && !group) || is_event_defendant(d, person, group))
			defendant_articles_by(d, by, out, max, n);
	}
}

void cw_articles_text(const struct cw_article *a, size_t n, char *buf, size_t len)
{
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	for (size_t i = 0; i < n && used < len; i++) {
		char text[CW_ARTICLE_TEXT_MAX];

		cw_article_format(&a[i], text);
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? "/" : "", text);
	}
}

void cw_case_articles_text(const struct cw_record *kase, const struct cw_id *person, char *buf,
			   size_t len)
{
	struct cw_article arts[64];
	size_t n;

	cw_case_articles(kase, person, arts, 64, &n);
	cw_articles_text(arts, n, buf, len);
}

void cw_articles_text_lead(char *text, size_t len, const struct cw_article *lead, size_t n)
{
	char *copy, *out;
	size_t used = 0;

	if (!n || !len || !text[0] || !(copy = strdup(text)))
		return;
	if (!(out = malloc(len))) {
		free(copy);
		return;
	}
	out[0] = '\0';
	/* Two passes over the parts: those led with, then the rest. */
	for (int pass = 0; pass < 2; pass++) {
		char *save = NULL, *work = strdup(copy);

		if (!work)
			break;
		for (char *part = strtok_r(work, "/", &save); part;
		     part = strtok_r(NULL, "/", &save)) {
			struct cw_article a;
			struct cw_error err;
			int led = 0;

			if (cw_article_parse(part, &a, "article", &err) == 0)
				for (size_t i = 0; i < n && !led; i++)
					led = cw_article_same(&a, &lead[i]);
			if (led == (pass == 0) && used < len)
				used += (size_t)snprintf(out + used, len - used, "%s%s",
							 used ? "/" : "", part);
		}
		free(work);
	}
	if (used < len)
		memcpy(text, out, used + 1);
	free(out);
	free(copy);
}

/* Where a charge stands on day `on`: its state, unless the rulings that set it (its last
 * steps, when the state is still the last step's: one set by hand since stands) are dated
 * after that day; then the state of the latest step dated by then, else "charged" (what
 * cw_case_unfollow_record falls back to). *pending is the latest step when it is dated after
 * `on`, else NULL. */
static uint8_t charge_state_on(const struct cw_charge *ch, struct cw_date on,
			       const struct cw_charge_step **pending)
{
	const struct cw_charge_step *h = ch->history.items;
	size_t k = ch->history.n;

	*pending = NULL;
	if (!k || h[k - 1].state != ch->state || !cw_date_is_known(h[k - 1].date) ||
	    cw_date_compare(cw_date_first_day(h[k - 1].date), on) <= 0)
		return ch->state;
	*pending = &h[k - 1];
	while (k > 0 && cw_date_is_known(h[k - 1].date) &&
	       cw_date_compare(cw_date_first_day(h[k - 1].date), on) > 0)
		k--;
	return k ? h[k - 1].state : CW_CHARGE_CHARGED;
}

/* The room of a charge's name: an offence whole (500 bytes at most, as typed input takes it). */
#define CHARGE_NAME_MAX 512

/* A charge's article, or its offence when it has none, whole: cut to 24 bytes, a field trial's
 * "Law on Negotiable Instruments art. 231" read "Law on Negotiable Instru", the article gone,
 * and an offence in Khmer could be cut inside a letter (bytes that are no UTF-8). */
static void charge_name(const struct cw_charge *c, char a[CHARGE_NAME_MAX])
{
	if (c->article.law)
		cw_article_format(&c->article, a);
	else if ((size_t)snprintf(a, CHARGE_NAME_MAX, "%s", c->offence ? c->offence : "?") >=
		 CHARGE_NAME_MAX)
		cw_text_trim_utf8(a);
}

void cw_charges_text(const struct cw_defendant *d, struct cw_date today, char *buf, size_t len)
{
	const struct cw_charge *cs = d->charges.items;
	size_t n = 0;

	if (len)
		buf[0] = '\0';
	for (size_t st = 0; st < cw_words_charge_state.n; st++) {
		int first = 1;

		for (size_t k = 0; k < d->charges.n && n < len; k++) {
			const struct cw_charge_step *pending;
			char a[CHARGE_NAME_MAX];

			if (charge_state_on(&cs[k], today, &pending) != st)
				continue;
			charge_name(&cs[k], a);
			n += (size_t)snprintf(
				buf + n, len - n, "%s%s%s%s", first ? (n ? "; " : "") : ", ",
				first ? cw_enum_label(&cw_words_charge_state, st) : "",
				first ? ": " : "", a);
			first = 0;
		}
	}
	/* Then what rulings dated after the day will make of them, by state and date: a verdict
	 * typed 2034 for 2024 is seen, and the charges read as the detention counts, today. */
	for (size_t k = 0; k < d->charges.n && n < len; k++) {
		const struct cw_charge_step *pk, *pj;
		char a[CHARGE_NAME_MAX], day[CW_DATE_TEXT_MAX];
		size_t j;

		(void)charge_state_on(&cs[k], today, &pk);
		if (!pk)
			continue;
		/* Once per state and date: at the first charge of the group. */
		for (j = 0; j < k; j++) {
			(void)charge_state_on(&cs[j], today, &pj);
			if (pj && pj->state == pk->state && !cw_date_compare(pj->date, pk->date))
				break;
		}
		if (j < k)
			continue;
		cw_date_format(pk->date, day);
		n += (size_t)snprintf(buf + n, len - n,
				      _("%s%s by a ruling dated %s, after today: "), n ? "; " : "",
				      cw_enum_label(&cw_words_charge_state, pk->state), day);
		for (j = k; j < d->charges.n && n < len; j++) {
			(void)charge_state_on(&cs[j], today, &pj);
			if (!pj || pj->state != pk->state || cw_date_compare(pj->date, pk->date))
				continue;
			charge_name(&cs[j], a);
			n += (size_t)snprintf(buf + n, len - n, "%s%s", j > k ? ", " : "", a);
		}
	}
	if (n >= len && len)
		cw_text_trim_utf8(buf);
}

void cw_defendants_text(const struct cw_case *c, char *buf, size_t len)
{
	long named = 0, unnamed = 0, groups = 0;
	size_t n = 0;

	for (size_t i = 0; i < c->defendants.n; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)c->defendants.items + i;

		if (!cw_id_is_zero(&d->person))
			named++;
		else if (d->unnamed_count > 0)
			unnamed += d->unnamed_count;
		else
			groups++;
	}
	if (len)
		buf[0] = '\0';
	if (named && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%ld", named);
	if (unnamed && n < len)
		n += (size_t)snprintf(buf + n, len - n, _("%s%ld unnamed"), n ? " + " : "",
				      unnamed);
	if (groups && n < len)
		n += (size_t)snprintf(buf + n, len - n, _("%s%s, number not given"), n ? " + " : "",
				      P_("a group", "groups", groups));
	if (!n && len)
		snprintf(buf, len, _("none"));
}

void cw_group_text(const char *label, int64_t size, char *buf, size_t len)
{
	if (size > 0)
		snprintf(buf, len, _("%s (%lld unnamed)"), label ? label : _("group"),
			 (long long)size);
	else
		snprintf(buf, len, _("%s (number not given)"), label ? label : _("group"));
}

void cw_links_text(const struct cw_record *rec, char *buf, size_t len)
{
	size_t n = 0;

	if (len)
		buf[0] = '\0';
	for (size_t i = 0; i < rec->links.n && n < len; i++) {
		const struct cw_link *l = (const struct cw_link *)rec->links.items + i;
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(&l->record, hex);
		n += (size_t)snprintf(buf + n, len - n, "%s%s %.8s", n ? ", " : "",
				      cw_enum_label(&cw_words_link, l->relation), hex);
	}
}

void cw_tally_text(const struct cw_tally *t, const char *noun, char *buf, size_t len)
{
	char from[CW_DATE_TEXT_MAX], to[CW_DATE_TEXT_MAX];
	size_t n;

	if (len == 0)
		return;
	buf[0] = '\0';
	if (!t || t->count < 0)
		return;
	n = (size_t)snprintf(buf, len, "%s%lld%s%s", t->at_least ? _("at least ") : "",
			     (long long)t->count, noun && *noun ? " " : "", noun ? noun : "");
	cw_date_format(t->from, from);
	cw_date_format(t->to, to);
	if (n < len && (from[0] || to[0])) {
		char range[2 * CW_DATE_TEXT_MAX + 64];

		snprintf(range, sizeof range, _("%s to %s"), from, to);
		snprintf(buf + n, len - n, " (%s)", range);
	}
}

int cw_sentence_part_concerns(const struct cw_sentence_part *p, const struct cw_id *person,
			      const char *group)
{
	int for_group = p->group && *p->group;

	if (cw_id_is_zero(&p->person) && !for_group)
		return 1;
	if (for_group) {
		char *folded = group ? cw_text_fold(group) : NULL;
		int same = folded && cw_text_equals_folded(p->group, folded);

		free(folded);
		return same;
	}
	return person && cw_id_equal(&p->person, person);
}

/* The parts that concern one defendant (all of them when `all`), each followed by the group
 * it was given for when `say_whom`. */
static void sentence_parts_text(const struct cw_list *parts, int all, const struct cw_id *person,
				const char *group, int say_whom, char *buf, size_t len)
{
	size_t n = 0;

	if (len)
		buf[0] = '\0';
	for (size_t i = 0; i < parts->n && n < len; i++) {
		const struct cw_sentence_part *p =
			(const struct cw_sentence_part *)parts->items + i;
		int whom = say_whom && p->group && *p->group;

		if (!all && !cw_sentence_part_concerns(p, person, group))
			continue;
		n += (size_t)snprintf(buf + n, len - n, "%s%s%s%s%s%s", n ? "; " : "",
				      cw_enum_label(&cw_words_sentence_part, p->part),
				      p->amount ? " " : "", p->amount ? p->amount : "",
				      p->detail ? " (" : "", p->detail ? p->detail : "");
		/* One bracket for what the part is and whom: "ban 5 years (standing for
		 * election; for: leaders)", not two in a row. */
		if (whom && n < len)
			n += (size_t)snprintf(buf + n, len - n,
					      p->detail ? _("; for: %s") : _(" (for: %s"),
					      p->group);
		if ((p->detail || whom) && n < len)
			n += (size_t)snprintf(buf + n, len - n, ")");
	}
}

void cw_views_text(uint32_t views, char *buf, size_t len)
{
	cw_set_text(&cw_words_view, views, buf, len);
}

void cw_set_text(const struct cw_enum *e, uint32_t set, char *buf, size_t len)
{
	size_t n = 0;

	if (len)
		buf[0] = '\0';
	for (unsigned i = 0; i < 32 && i < e->n && n < len; i++)
		if (set & (UINT32_C(1) << i))
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "",
					      cw_enum_label(e, i));
}

void cw_sentence_text(const struct cw_list *parts, char *buf, size_t len)
{
	sentence_parts_text(parts, 1, NULL, NULL, 1, buf, len);
}

void cw_sentence_text_for(const struct cw_list *parts, const struct cw_id *person,
			  const char *group, char *buf, size_t len)
{
	sentence_parts_text(parts, 0, person, group, 0, buf, len);
}

int cw_field_value_text(const void *base, const struct cw_field *f, char *buf, size_t len)
{
	const char *p = (const char *)base + f->offset;

	if (len == 0)
		return 0;
	buf[0] = '\0';
	switch (f->type) {
	case CW_F_DATE:
		if (!cw_date_is_known(*(const struct cw_date *)p))
			return 0;
		{
			char date[CW_DATE_TEXT_MAX];
			size_t n;

			cw_date_format(*(const struct cw_date *)p, date);
			n = strlen(date) < len ? strlen(date) : len - 1;
			memcpy(buf, date, n);
			buf[n] = '\0';
		}
		return 1;
	case CW_F_INT:
		if (*(const int64_t *)p < 0)
			return 0;
		snprintf(buf, len, "%lld", (long long)*(const int64_t *)p);
		return 1;
	case CW_F_ENUM:
		if (!*(const uint8_t *)p)
			return 0;
		snprintf(buf, len, "%s", cw_enum_label(f->words, *(const uint8_t *)p));
		return 1;
	case CW_F_BOOL:
		if (!*(const uint8_t *)p)
			return 0;
		snprintf(buf, len, _("yes"));
		return 1;
	case CW_F_SET:
		cw_set_text(f->words, *(const uint32_t *)p, buf, len);
		return buf[0] != '\0';
	case CW_F_ARTICLE: {
		const struct cw_article *a = (const struct cw_article *)p;
		char text[CW_ARTICLE_TEXT_MAX];
		const char *offence;

		if (a->law == CW_LAW_NONE)
			return 0;
		cw_article_format(a, text);
		if ((offence = cw_article_offence(a)))
			snprintf(buf, len, "%s (%s)", text, _(offence));
		else
			snprintf(buf, len, "%s", text);
		return 1;
	}
	default:
		return 0;
	}
}

void cw_record_provenance(const struct cw_record *rec, cw_pair_fn fn, void *ctx)
{
	char buf[400], t[CW_TIME_LOCAL_MAX], hex[CW_ID_HEX_LEN + 1];

	/* First, so nobody passes the record on without seeing it. */
	if (rec->confidential)
		fn(ctx, _("confidential"), _("yes: in no report, export or plain bundle"));
	if (rec->confidential_fields) {
		size_t n = 0;

		buf[0] = '\0';
		for (unsigned w = 0; w < CW_CONF_NFIELDS && n < sizeof buf; w++)
			if (rec->confidential_fields & (UINT32_C(1) << w))
				n += (size_t)snprintf(
					buf + n, sizeof buf - n, "%s%s", n ? ", " : "",
					cw_enum_label(&cw_words_confidential_field, w));
		/* By the fields' names as the reader's forms give them, not the words the
		 * options take ("source, notes" in a Khmer record view). */
		fn(ctx, _("kept confidential"), buf);
	}
	if (rec->source && *rec->source) {
		/* "own observation" in the reader's language, as a form shows it (a Khmer
		 * monitor read "ប្រភព own observation" on every record of theirs); the data
		 * keeps the words every laptop reads. */
		struct cw_record shown = {.source = strdup(rec->source)};

		if (shown.source && cw_source_says_own(shown.source, 0))
			(void)cw_record_source_in_language(&shown);
		fn(ctx,
		   cw_record_field_is_confidential(rec, "source") ? _("source (confidential)")
								  : N_("source"),
		   shown.source ? shown.source : rec->source);
		free(shown.source);
	}
	/* Always said, "not recorded" included: a reader must never take one side's account
	 * for established fact. */
	/* N_: the record view (report/record_text.c) and `show` translate these labels where
	 * they show them, as they label the fields. */
	fn(ctx, N_("account"), cw_enum_label(&cw_words_view, rec->view));
	if (rec->reportedly)
		fn(ctx, N_("reportedly"), _("yes"));
	if (cw_date_is_known(rec->reported_on)) {
		char d[CW_DATE_TEXT_MAX];

		cw_date_format(rec->reported_on, d);
		fn(ctx, N_("source's date"), d);
	}
	for (size_t i = 0; i < rec->links.n; i++) {
		const struct cw_link *l = (const struct cw_link *)rec->links.items + i;

		cw_id_hex(&l->record, hex);
		snprintf(buf, sizeof buf, "%.8s", hex);
		fn(ctx, cw_enum_label(&cw_words_link, l->relation), buf);
	}
	if (!cw_id_is_zero(&rec->after)) {
		cw_id_hex(&rec->after, hex);
		snprintf(buf, sizeof buf, "%.8s", hex);
		fn(ctx, _("placed after"), buf);
	}
	cw_time_local_format(rec->created, t);
	cw_id_hex(&rec->origin, hex);
	snprintf(buf, sizeof buf, _("%s by %.128s in database %.8s"), t,
		 rec->author && *rec->author ? rec->author : _("unknown"), hex);
	fn(ctx, N_("created"), buf);
	cw_time_local_format(rec->updated, t);
	cw_id_hex(&rec->edited_in, hex);
	snprintf(buf, sizeof buf, _("%s by %.128s in database %.8s"), t,
		 rec->editor && *rec->editor ? rec->editor : _("unknown"), hex);
	fn(ctx, N_("updated"), buf);
	if (!cw_id_is_zero(&rec->bundle)) {
		cw_id_hex(&rec->bundle, hex);
		fn(ctx, _("from bundle"), hex);
	}
	if (rec->versions.n > 1) {
		size_t n = 0;

		buf[0] = '\0';
		for (size_t i = 0; i < rec->versions.n && n + 10 < sizeof buf; i++) {
			cw_id_hex(&((const struct cw_version *)rec->versions.items)[i].database,
				  hex);
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%.8s", i ? ", " : "",
					      hex);
		}
		fn(ctx, _("changed in"), buf);
	}
}

void cw_size_text(uint64_t bytes, char *buf, size_t len)
{
	if (bytes >= (UINT64_C(1) << 20))
		snprintf(buf, len, _("%.1f MiB"), (double)bytes / 1048576.0);
	else if (bytes >= 1024)
		snprintf(buf, len, _("%.0f KiB"), (double)bytes / 1024.0);
	else
		snprintf(buf, len, _("%u B"), (unsigned)bytes);
}
