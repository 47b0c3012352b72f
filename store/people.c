/* people.c - one person recorded twice, merged; see "merging people" in store.h.
 *
 * A merge points every reference to the person given up at the one kept, as changes made here
 * (new versions, audited, travelling in bundles), fills the one kept with what only the other
 * had, and deletes the other with a tombstone that says where it went (merged_into). A laptop
 * that takes the tombstone from a bundle points its own records at the one kept when the
 * import ends (cw_store_repoint_merged), so that every laptop comes to the same records. */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/article.h"
#include "models/confidential.h"
#include "models/date.h"
#include "models/i18n.h"
#include "models/text.h"
#include "store/attach.h"
#include "store/store_internal.h"
#include "store/sync_internal.h"

/* Points the person fields of base (and of its lists' items) that hold `from` at `to`: the
 * number changed. */
static size_t repoint(void *base, const struct cw_schema *s, const struct cw_id *from,
		      const struct cw_id *to)
{
	size_t changed = 0;

	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		char *p = (char *)base + f->offset;

		if (f->type == CW_F_ID && f->ref_kind == CW_KIND_PERSON &&
		    cw_id_equal((struct cw_id *)p, from)) {
			*(struct cw_id *)p = *to;
			changed++;
		} else if (f->type == CW_F_LIST) {
			struct cw_list *l = (struct cw_list *)p;

			for (size_t j = 0; j < l->n; j++)
				changed += repoint((char *)l->items + j * f->sub->size, f->sub,
						   from, to);
		}
	}
	return changed;
}

/* Whether two charges (or the charges two verdicts rule on) are one: the same article, else
 * (neither has one) the same offence, or none named by either. */
static int one_charge(const struct cw_article *a, const char *ao, const struct cw_article *b,
		      const char *bo)
{
	if (a->law != CW_LAW_NONE || b->law != CW_LAW_NONE)
		return cw_article_same(a, b);
	ao = ao ? ao : "";
	bo = bo ? bo : "";
	return strcasecmp(ao, bo) == 0;
}

/* The steps of from's history that to's does not name (by record), put in to's in the order
 * of the rulings' dates: one charge of two entries for one person keeps the rulings of both.
 * The state is left as it is: a merge made here takes only charges whose states agree. */
static int take_steps(struct cw_charge *to, const struct cw_charge *from, const struct cw_field *hf)
{
	for (size_t i = 0; i < from->history.n; i++) {
		const struct cw_charge_step *s =
			(const struct cw_charge_step *)from->history.items + i;
		struct cw_charge_step *steps = to->history.items;
		size_t at, named = 0;

		for (size_t j = 0; j < to->history.n && !named; j++)
			named = cw_id_equal(&steps[j].record, &s->record);
		if (named || (int64_t)to->history.n >= hf->max)
			continue;
		if (!cw_list_append(&to->history, hf->sub))
			return CW_ENOMEM;
		steps = to->history.items;
		at = to->history.n - 1;
		while (at > 0 && cw_ruling_date_compare(steps[at - 1].date, s->date) > 0) {
			steps[at] = steps[at - 1];
			at--;
		}
		steps[at] = *s;
	}
	return 0;
}

/* ---- entries of one person that differ ----------------------------------------------------- */

/* Told of one field two entries of one person give differently: its name as `edit` names it
 * and the two values as the options give them. */
typedef void (*difference_fn)(void *ctx, const char *field, const char *a, const char *b);

/* A word of an enum, "" for a value past its words (a newer casewatch's). */
static const char *word(const struct cw_enum *e, unsigned v)
{
	return v < e->n ? e->words[v] : "";
}

/* A charge as the lines name it: its article, else its offence. */
static void charge_text(const struct cw_article *a, const char *offence, const char *state,
			char *buf, size_t len)
{
	char art[CW_ARTICLE_TEXT_MAX];

	if (a->law != CW_LAW_NONE)
		cw_article_format(a, art);
	snprintf(buf, len, "%.60s %s",
		 a->law != CW_LAW_NONE ? art
		 : offence             ? offence
				       : "-",
		 state);
}

/* Presence in court as the options give it (--present, --absent). */
static const char *presence(uint8_t answer)
{
	return answer == CW_ANSWER_YES  ? "present"
	       : answer == CW_ANSWER_NO ? "absent"
					: word(&cw_words_answer, answer);
}

/* The fields two entries of a case's defendants both give, differently: custody, stage, the
 * day they are known as of, the state of one charge. Each is told to fn (NULL: counted only);
 * the number. Entries with none can be one. */
static size_t defendant_differences(const struct cw_defendant *a, const struct cw_defendant *b,
				    difference_fn fn, void *ctx)
{
	char av[100], bv[100];
	size_t n = 0;

	if (a->custody && b->custody && a->custody != b->custody && ++n && fn)
		fn(ctx, "custody", word(&cw_words_custody, a->custody),
		   word(&cw_words_custody, b->custody));
	if (a->stage && b->stage && a->stage != b->stage && ++n && fn)
		fn(ctx, "defendant-stage", word(&cw_words_stage, a->stage),
		   word(&cw_words_stage, b->stage));
	if (cw_date_is_known(a->as_of) && cw_date_is_known(b->as_of) &&
	    cw_date_compare(a->as_of, b->as_of) != 0 && ++n && fn) {
		cw_date_format(a->as_of, av);
		cw_date_format(b->as_of, bv);
		fn(ctx, "custody-as-of", av, bv);
	}
	for (size_t i = 0; i < b->charges.n; i++) {
		const struct cw_charge *bc = (const struct cw_charge *)b->charges.items + i;

		for (size_t j = 0; j < a->charges.n; j++) {
			const struct cw_charge *ac = (const struct cw_charge *)a->charges.items + j;

			if (!one_charge(&ac->article, ac->offence, &bc->article, bc->offence))
				continue;
			if (ac->state != bc->state && ++n && fn) {
				charge_text(&ac->article, ac->offence,
					    word(&cw_words_charge_state, ac->state), av, sizeof av);
				charge_text(&bc->article, bc->offence,
					    word(&cw_words_charge_state, bc->state), bv, sizeof bv);
				fn(ctx, "charge", av, bv);
			}
			break;
		}
	}
	return n;
}

/* The same for two entries of a hearing's attendance: present for one, absent for the other. */
static size_t attendance_differences(const struct cw_attendance *a, const struct cw_attendance *b,
				     difference_fn fn, void *ctx)
{
	if (!a->present || !b->present || a->present == b->present)
		return 0;
	if (fn)
		fn(ctx, "attendance", presence(a->present), presence(b->present));
	return 1;
}

/* The same for two verdicts of a hearing: one charge, two results. A hearing rules once on a
 * charge: two results for one would leave the charge's state to whichever is read last. */
static size_t verdict_differences(const struct cw_verdict *a, const struct cw_verdict *b,
				  difference_fn fn, void *ctx)
{
	char av[100], bv[100];

	if (!a->result || !b->result || a->result == b->result ||
	    !one_charge(&a->article, a->offence, &b->article, b->offence))
		return 0;
	if (fn) {
		charge_text(&a->article, a->offence, word(&cw_words_verdict, a->result), av,
			    sizeof av);
		charge_text(&b->article, b->offence, word(&cw_words_verdict, b->result), bv,
			    sizeof bv);
		fn(ctx, "verdict", av, bv);
	}
	return 1;
}

/* The same for two entries of a visit's detainee access: the access to a lawyer, or to family,
 * both give differently. */
static size_t access_differences(const struct cw_detainee_access *a,
				 const struct cw_detainee_access *b, difference_fn fn, void *ctx)
{
	size_t n = 0;

	if (a->lawyer_access && b->lawyer_access && a->lawyer_access != b->lawyer_access && ++n &&
	    fn)
		fn(ctx, "lawyer-access", word(&cw_words_access, a->lawyer_access),
		   word(&cw_words_access, b->lawyer_access));
	if (a->family_access && b->family_access && a->family_access != b->family_access && ++n &&
	    fn)
		fn(ctx, "family-access", word(&cw_words_access, a->family_access),
		   word(&cw_words_access, b->family_access));
	return n;
}

/* What the second entry of one person in a case's defendants brings to the first: a custody,
 * stage or date the first has not, and its charges: one the first has takes its rulings, one
 * it lacks comes whole (state, offence and rulings; an earlier version kept only the article,
 * so that a conviction read "charged" after the merge). The second is freed, whatever happens. */
static int join_defendant(struct cw_defendant *first, struct cw_defendant *d)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	const struct cw_field *hf = cw_schema_field(cf->sub, "history");
	struct cw_charge *theirs = d->charges.items;
	int rc = 0;

	/* Custody and the day it is known as of are one account: taken together, or the day
	 * only with the custody it dates (a review saw the other's day date the kept entry's
	 * custody, and make a detention of 5 days no entry gave). */
	if (!first->custody && d->custody) {
		first->custody = d->custody;
		first->as_of = d->as_of;
	} else if (first->custody && first->custody == d->custody &&
		   !cw_date_is_known(first->as_of)) {
		first->as_of = d->as_of;
	}
	if (!first->stage)
		first->stage = d->stage;
	for (size_t c = 0; c < d->charges.n && rc == 0; c++) {
		struct cw_charge *mine = NULL, *ch;

		for (size_t j = 0; j < first->charges.n && !mine; j++) {
			ch = (struct cw_charge *)first->charges.items + j;
			if (one_charge(&ch->article, ch->offence, &theirs[c].article,
				       theirs[c].offence))
				mine = ch;
		}
		if (mine)
			rc = take_steps(mine, &theirs[c], hf);
		else if ((int64_t)first->charges.n >= cf->max)
			continue; /* past the limit validation sets: not taken */
		else if (!(ch = cw_list_append(&first->charges, cf->sub)))
			rc = CW_ENOMEM;
		else {
			*ch = theirs[c];
			memset(&theirs[c], 0, sizeof theirs[c]);
		}
	}
	cw_struct_free(d, df->sub);
	return rc;
}

/* A hearing's verdicts on the one kept: one that says what an earlier one says (the same charge
 * and result) goes, freed (a review saw a conviction the two entries both gave listed twice
 * after the merge). Those that differ stay: a merge made here has refused them. 0. */
static int one_verdict_each(struct cw_list *l, const struct cw_id *to)
{
	const struct cw_field *vf =
		cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "verdicts");
	struct cw_verdict *v = l->items;
	size_t keep = 0;

	for (size_t i = 0; i < l->n; i++) {
		int same = 0;

		for (size_t k = 0; k < keep && !same && cw_id_equal(&v[i].person, to); k++)
			same = cw_id_equal(&v[k].person, to) && v[k].result == v[i].result &&
			       !v[k].group && !v[i].group &&
			       one_charge(&v[k].article, v[k].offence, &v[i].article,
					  v[i].offence) &&
			       v[k].article.paragraph == v[i].article.paragraph;
		if (same)
			cw_struct_free(&v[i], vf->sub);
		else
			v[keep++] = v[i];
	}
	l->n = keep;
	return 0;
}

/* After a merge a list may name the one kept twice: a case's defendants become one
 * (join_defendant); people met, present or arrested are named once, and presence in court as
 * the entry that records it says. A merge made here has refused entries that differ
 * (refuse_differing); one taken from a bundle keeps both, and says so (doubled_line): keeping
 * the first, as it did, kept what nobody chose without a word. CW_ENOMEM or 0. */
static int one_each(struct cw_record *rec, const struct cw_id *to)
{
	int rc = 0;

	if (rec->kind == CW_KIND_CASE) {
		struct cw_list *l = &rec->u.kase.defendants;
		struct cw_defendant *d = l->items;
		size_t keep = 0;

		for (size_t i = 0; i < l->n; i++) {
			struct cw_defendant *into = NULL;

			for (size_t k = 0; k < keep && !into && rc == 0; k++)
				if (cw_id_equal(&d[k].person, to) &&
				    defendant_differences(&d[k], &d[i], NULL, NULL) == 0)
					into = &d[k];
			if (!cw_id_equal(&d[i].person, to) || !into)
				d[keep++] = d[i]; /* after a failure too: kept, to be freed whole */
			else
				rc = join_defendant(into, &d[i]);
		}
		l->n = keep;
		return rc;
	}
	if (rec->kind == CW_KIND_HEARING) {
		struct cw_list *l = &rec->u.hearing.attendance;
		struct cw_attendance *a = l->items;
		size_t keep = 0;

		for (size_t i = 0; i < l->n; i++) {
			struct cw_attendance *into = NULL;

			for (size_t k = 0; k < keep && !into; k++)
				if (cw_id_equal(&a[k].person, to) &&
				    attendance_differences(&a[k], &a[i], NULL, NULL) == 0)
					into = &a[k];
			if (!cw_id_equal(&a[i].person, to) || !into)
				a[keep++] = a[i];
			else if (into->present == CW_ANSWER_UNKNOWN)
				into->present = a[i].present;
		}
		l->n = keep;
		return one_verdict_each(&rec->u.hearing.verdicts, to);
	}
	if (rec->kind == CW_KIND_VISIT) { /* each detainee's access once, unless they differ */
		struct cw_list *l = &rec->u.visit.detainee_access;
		struct cw_detainee_access *a = l->items;
		size_t keep = 0;

		for (size_t i = 0; i < l->n; i++) {
			struct cw_detainee_access *into = NULL;

			for (size_t k = 0; k < keep && !into; k++)
				if (cw_id_equal(&a[k].person, to) &&
				    access_differences(&a[k], &a[i], NULL, NULL) == 0)
					into = &a[k];
			if (!cw_id_equal(&a[i].person, to) || !into) {
				a[keep++] = a[i];
				continue;
			}
			if (!into->lawyer_access)
				into->lawyer_access = a[i].lawyer_access;
			if (!into->family_access)
				into->family_access = a[i].family_access;
		}
		l->n = keep;
	}
	{
		struct cw_list *l = rec->kind == CW_KIND_VISIT      ? &rec->u.visit.detainees
				    : rec->kind == CW_KIND_DEMO     ? &rec->u.demo.arrested
				    : rec->kind == CW_KIND_INCIDENT ? &rec->u.incident.persons
								    : NULL;
		struct cw_person_ref *p = l ? l->items : NULL;
		size_t keep = 0, seen = 0;

		for (size_t i = 0; l && i < l->n; i++)
			if (!cw_id_equal(&p[i].person, to) || !seen++)
				p[keep++] = p[i];
		if (l)
			l->n = keep;
	}
	return 0;
}

/* The fields a record's entries of one person give differently, gathered for its line. */
struct doubled_text {
	char text[600];
	const char *first; /* the first field that differs */
	size_t n;
};

static void doubled_add(void *ctx, const char *field, const char *a, const char *b)
{
	struct doubled_text *d = ctx;
	size_t len = strlen(d->text);

	if (!d->n++)
		d->first = field;
	if (len && len + 2 < sizeof d->text)
		memcpy(d->text + len, "; ", 3), len += 2;
	/* TRANSLATORS: one field two entries of one person in a record give differently, in the
	 * line that lists them: "custody detained and bail" (the field as `edit` names it) */
	snprintf(d->text + len, sizeof d->text - len, _("%s %.60s and %.60s"), field, a, b);
}

/* Whether rec names `who` twice with entries that differ (as one_each leaves them); if so,
 * *line says so, naming the record, the person (who_name: their label) and each field that
 * differs with its two values. */
static int doubled_line(const struct cw_record *rec, const struct cw_id *who, const char *who_name,
			struct cw_error *line)
{
	struct doubled_text d = {"", NULL, 0};
	char id[CW_ID_HEX_LEN + 1], pid[CW_ID_HEX_LEN + 1], date[CW_DATE_TEXT_MAX] = "";
	const char *title = cw_record_label(rec);

	if (rec->kind == CW_KIND_CASE) {
		const struct cw_defendant *v = rec->u.kase.defendants.items;
		size_t n = rec->u.kase.defendants.n;

		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n && cw_id_equal(&v[i].person, who); j++)
				if (cw_id_equal(&v[j].person, who))
					defendant_differences(&v[i], &v[j], doubled_add, &d);
	} else if (rec->kind == CW_KIND_HEARING) {
		const struct cw_attendance *a = rec->u.hearing.attendance.items;
		const struct cw_verdict *v = rec->u.hearing.verdicts.items;
		size_t na = rec->u.hearing.attendance.n, nv = rec->u.hearing.verdicts.n;

		for (size_t i = 0; i < na; i++)
			for (size_t j = i + 1; j < na && cw_id_equal(&a[i].person, who); j++)
				if (cw_id_equal(&a[j].person, who))
					attendance_differences(&a[i], &a[j], doubled_add, &d);
		for (size_t i = 0; i < nv; i++)
			for (size_t j = i + 1; j < nv && cw_id_equal(&v[i].person, who); j++)
				if (cw_id_equal(&v[j].person, who))
					verdict_differences(&v[i], &v[j], doubled_add, &d);
	} else if (rec->kind == CW_KIND_VISIT) {
		const struct cw_detainee_access *a = rec->u.visit.detainee_access.items;
		size_t n = rec->u.visit.detainee_access.n;

		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n && cw_id_equal(&a[i].person, who); j++)
				if (cw_id_equal(&a[j].person, who))
					access_differences(&a[i], &a[j], doubled_add, &d);
	}
	if (!d.n)
		return 0;
	cw_id_hex(&rec->id, id);
	cw_id_hex(who, pid);
	if (rec->kind == CW_KIND_HEARING)
		cw_date_format(rec->u.hearing.date, date), title = date;
	if (*title)
		/* TRANSLATORS: a record of this laptop's that names one person twice after another
		 * laptop merged two people into them; after the field's name: "case 1a2b3c4d
		 * (NagaWorld strike) names Chhim Sithar (5e6f7a8b) twice, two people merged into
		 * one whose entries differ: custody detained and bail" */
		cw_error_set(line, CW_EINVAL, d.first,
			     "%s %.8s (%.60s) names %.60s (%.8s) twice, two people merged into one "
			     "whose entries differ: %s",
			     cw_kind_text((enum cw_kind)rec->kind), id, title, who_name, pid,
			     d.text);
	else
		/* TRANSLATORS: the same, for a record with no title or date */
		cw_error_set(line, CW_EINVAL, d.first,
			     "%s %.8s names %.60s (%.8s) twice, two people merged into one whose "
			     "entries differ: %s",
			     cw_kind_text((enum cw_kind)rec->kind), id, who_name, pid, d.text);
	return 1;
}

static void doubled_note(struct cw_doubled *d, const struct cw_error *line)
{
	if (d->n < CW_DOUBLED_MAX)
		d->lines[d->n] = *line;
	d->n++;
}

int cw_record_join_doubled(struct cw_record *rec)
{
	struct cw_id named[64];
	size_t n = 0;

	/* The people the record names in the lists a merge joins, each once (at most 64 are
	 * looked at: a record names a few). */
	if (rec->kind == CW_KIND_CASE) {
		const struct cw_defendant *d = rec->u.kase.defendants.items;

		for (size_t i = 0; i < rec->u.kase.defendants.n && n < 64; i++)
			if (!cw_id_is_zero(&d[i].person))
				named[n++] = d[i].person;
	} else if (rec->kind == CW_KIND_HEARING) {
		const struct cw_attendance *a = rec->u.hearing.attendance.items;
		const struct cw_verdict *v = rec->u.hearing.verdicts.items;

		for (size_t i = 0; i < rec->u.hearing.attendance.n && n < 64; i++)
			named[n++] = a[i].person;
		for (size_t i = 0; i < rec->u.hearing.verdicts.n && n < 64; i++)
			if (!cw_id_is_zero(&v[i].person))
				named[n++] = v[i].person;
	} else if (rec->kind == CW_KIND_VISIT) {
		const struct cw_detainee_access *a = rec->u.visit.detainee_access.items;

		for (size_t i = 0; i < rec->u.visit.detainee_access.n && n < 64; i++)
			named[n++] = a[i].person;
	}
	for (size_t i = 0; i < n; i++) {
		int before = 0, rc;

		for (size_t k = 0; k < i && !before; k++)
			before = cw_id_equal(&named[k], &named[i]);
		if (!before && (rc = one_each(rec, &named[i])) != 0)
			return rc;
	}
	return 0;
}

/* The label of person `who` here, for a line naming them ("" when it is not here). */
static void person_label(struct cw_txn *t, const struct cw_id *who, char *buf, size_t len)
{
	struct cw_record p;

	*buf = '\0';
	if (cw_store_read_record(t->st, t->txn, who, &p, NULL) == 0)
		snprintf(buf, len, "%s", cw_record_label(&p));
	cw_record_free(&p);
}

int cw_txn_repoint_person(struct cw_txn *t, const struct cw_id *from, const struct cw_id *to,
			  size_t *moved, struct cw_doubled *doubled, struct cw_error *err)
{
	struct cw_id *ids;
	char to_name[200] = "";
	size_t n;
	int rc;

	/* Records that name the person, and a case's hearings and milestones under its
	 * defendants: every record filed under them. */
	if ((rc = cw_store_records_under(t, DB_BY_PERSON, from, &ids, &n, err)) != 0)
		return rc;
	if (doubled && n)
		person_label(t, to, to_name, sizeof to_name);
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct cw_record rec;
		struct cw_error line;

		if ((rc = cw_store_read_record(t->st, t->txn, &ids[i], &rec, err)) != 0)
			break;
		/* Records under a case's defendants that name no one themselves move with the
		 * case's own change. */
		if (repoint(&rec.u, cw_schema_for_kind((enum cw_kind)rec.kind), from, to) +
			    repoint(&rec, &cw_schema_header, from, to) >
		    0) {
			if ((rc = one_each(&rec, to)) != 0)
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			else if ((rc = cw_txn_put(t, &rec, 0, NULL, err)) == 0 && moved)
				(*moved)++;
			if (rc == 0 && doubled && doubled_line(&rec, to, to_name, &line))
				doubled_note(doubled, &line);
		}
		cw_record_free(&rec);
	}
	free(ids);
	return rc;
}

/* ---- merging ---------------------------------------------------------------------------- */

struct merge_ctx {
	const struct cw_id *keep, *other;
	struct cw_merge_stats *stats;
	const char *keep_name, *other_name; /* their labels, for the differences listed */
};

/* ---- what one record gives the two: refused where it differs ---------------------------- */

/* Notes one difference: `field` of `rec` is kv for the one kept and ov for the other. The
 * record is named by its kind, id and title (a hearing by its date), the people by name and id,
 * as two spellings of one name may read alike. */
static void differ(struct merge_ctx *m, const struct cw_record *rec, const char *field,
		   const char *kv, const char *ov)
{
	struct cw_merge_stats *s = m->stats;
	char id[CW_ID_HEX_LEN + 1], kid[CW_ID_HEX_LEN + 1], oid[CW_ID_HEX_LEN + 1],
		date[CW_DATE_TEXT_MAX] = "";
	const char *title = cw_record_label(rec);

	if (s->nconflicts++ >= CW_MERGE_CONFLICTS_MAX)
		return;
	cw_id_hex(&rec->id, id);
	cw_id_hex(m->keep, kid);
	cw_id_hex(m->other, oid);
	if (rec->kind == CW_KIND_HEARING)
		cw_date_format(rec->u.hearing.date, date), title = date;
	/* TRANSLATORS: one entry a record gives two people differently, which `person merge`
	 * refuses to choose between; after the field's name: "case 1a2b3c4d (NagaWorld strike)
	 * gives Chhim Sithar (5e6f7a8b) detained and chhim sithar (9c0d1e2f) bail" */
	if (*title)
		cw_error_set(&s->conflicts[s->nconflicts - 1], CW_EREFUSED, field,
			     "%s %.8s (%.60s) gives %.60s (%.8s) %.60s and %.60s (%.8s) %.60s",
			     cw_kind_text((enum cw_kind)rec->kind), id, title, m->keep_name, kid,
			     kv, m->other_name, oid, ov);
	else
		/* TRANSLATORS: the same, for a record with no title or date */
		cw_error_set(&s->conflicts[s->nconflicts - 1], CW_EREFUSED, field,
			     "%s %.8s gives %.60s (%.8s) %.60s and %.60s (%.8s) %.60s",
			     cw_kind_text((enum cw_kind)rec->kind), id, m->keep_name, kid, kv,
			     m->other_name, oid, ov);
}

/* The first item of a list naming `who` (items of `size` bytes, each starting with its
 * person's id), or NULL. */
static const void *item_of(const struct cw_list *l, size_t size, const struct cw_id *who)
{
	for (size_t i = 0; i < l->n; i++)
		if (cw_id_equal((const struct cw_id *)((const char *)l->items + i * size), who))
			return (const char *)l->items + i * size;
	return NULL;
}

/* differ, for one record, as defendant_differences and the others tell it. */
struct differ_at {
	struct merge_ctx *m;
	const struct cw_record *rec;
};

static void differ_cb(void *ctx, const char *field, const char *kv, const char *ov)
{
	struct differ_at *at = ctx;

	differ(at->m, at->rec, field, kv, ov);
}

static void defendants_differ(struct merge_ctx *m, const struct cw_record *rec)
{
	const struct cw_list *l = &rec->u.kase.defendants;
	const struct cw_defendant *k = item_of(l, sizeof *k, m->keep),
				  *o = item_of(l, sizeof *o, m->other);
	struct differ_at at = {m, rec};

	if (k && o)
		defendant_differences(k, o, differ_cb, &at);
}

static void hearing_differs(struct merge_ctx *m, const struct cw_record *rec)
{
	const struct cw_hearing *h = &rec->u.hearing;
	const struct cw_attendance *k = item_of(&h->attendance, sizeof *k, m->keep),
				   *o = item_of(&h->attendance, sizeof *o, m->other);
	const struct cw_verdict *v = h->verdicts.items;
	struct differ_at at = {m, rec};

	if (k && o)
		attendance_differences(k, o, differ_cb, &at);
	for (size_t i = 0; i < h->verdicts.n; i++) {
		if (!cw_id_equal(&v[i].person, m->other) || !v[i].result)
			continue;
		for (size_t j = 0; j < h->verdicts.n; j++) {
			if (!cw_id_equal(&v[j].person, m->keep) || !v[j].result ||
			    !one_charge(&v[j].article, v[j].offence, &v[i].article, v[i].offence))
				continue;
			verdict_differences(&v[j], &v[i], differ_cb, &at);
			break;
		}
	}
}

/* A visit's access to a lawyer and to family, as the options give them. */
static void visit_differs(struct merge_ctx *m, const struct cw_record *rec)
{
	const struct cw_list *l = &rec->u.visit.detainee_access;
	const struct cw_detainee_access *k = item_of(l, sizeof *k, m->keep),
					*o = item_of(l, sizeof *o, m->other);
	struct differ_at at = {m, rec};

	if (k && o)
		access_differences(k, o, differ_cb, &at);
}

/* Every record naming the other that names the one kept too and gives them different entries,
 * noted in m->stats; CW_EREFUSED naming the first, with how to go on, when there is any. A
 * visit's detainees (their access to a lawyer and family aside), a demonstration's arrests and
 * an incident's people carry nothing but the person: named once, they lose nothing. */
static int refuse_differing(struct cw_txn *t, struct merge_ctx *m, struct cw_error *err)
{
	struct cw_merge_stats *s = m->stats;
	struct cw_id *ids;
	size_t n;
	int rc;

	s->nconflicts = 0;
	if ((rc = cw_store_records_under(t, DB_BY_PERSON, m->other, &ids, &n, err)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct cw_record rec;

		if ((rc = cw_store_read_record(t->st, t->txn, &ids[i], &rec, err)) != 0)
			break;
		if (rec.kind == CW_KIND_CASE)
			defendants_differ(m, &rec);
		else if (rec.kind == CW_KIND_HEARING)
			hearing_differs(m, &rec);
		else if (rec.kind == CW_KIND_VISIT)
			visit_differs(m, &rec);
		cw_record_free(&rec);
	}
	free(ids);
	if (rc != 0 || s->nconflicts == 0)
		return rc;
	if (s->nconflicts == 1)
		return cw_error_set(err, CW_EREFUSED, s->conflicts[0].field,
				    "%s: a merge would keep one of the two, which nobody chose; "
				    "edit the record so both say the same (or take one out), then "
				    "merge; nothing was changed",
				    s->conflicts[0].message);
	{
		char first[CW_ERROR_LINE_MAX];

		cw_error_format(&s->conflicts[0], first, sizeof first);
		return cw_error_set(err, CW_EREFUSED, "other",
				    "%zu entries of records naming both differ, the first: %s; a "
				    "merge would keep one of each, which nobody chose: edit the "
				    "records so both say the same (or take one out), then merge; "
				    "nothing was changed",
				    s->nconflicts, first);
	}
}

static int fill_str(char **dst, const char *src, int *changed)
{
	if (*dst && **dst)
		return 0;
	if (!src || !*src)
		return 0;
	free(*dst);
	if (!(*dst = strdup(src)))
		return CW_ENOMEM;
	*changed = 1;
	return 0;
}

/* Whether the one kept took other's text for a field: it had none, and other had some. */
static int takes(const char *mine, const char *theirs)
{
	return (!mine || !*mine) && theirs && *theirs;
}

/* The one kept takes what only the other had: a Khmer name, a province ... and what the
 * other kept from reports and plain bundles stays so: a field taken keeps its confidential
 * mark, and a person confidential as a whole makes the one kept so too (a merge made them
 * public: a sync trial found a confidential affiliation in the clear in an export). */
static int fill_person(struct cw_record *keep_rec, const struct cw_record *other_rec, int *changed)
{
	struct cw_person *keep = &keep_rec->u.person;
	const struct cw_person *other = &other_rec->u.person;
	static const struct {
		size_t offset;
		enum cw_conf_field mark;
	} marked[] = {
		{offsetof(struct cw_person, name), CW_CONF_NAME},
		{offsetof(struct cw_person, name_km), CW_CONF_NAME},
		{offsetof(struct cw_person, affiliation), CW_CONF_AFFILIATION},
	};
	int rc = 0;

	for (size_t i = 0; i < sizeof marked / sizeof marked[0]; i++) {
		const char *mine = *(char *const *)((const char *)keep + marked[i].offset),
			   *theirs = *(char *const *)((const char *)other + marked[i].offset);
		uint32_t bit = UINT32_C(1) << marked[i].mark;

		if (takes(mine, theirs) && (other_rec->confidential_fields & bit) &&
		    !(keep_rec->confidential_fields & bit))
			keep_rec->confidential_fields |= bit, *changed = 1;
	}
	if (other_rec->confidential && !keep_rec->confidential)
		keep_rec->confidential = 1, *changed = 1;
	/* The one kept may be known only in Khmer script, the other in Latin: both stay. */
	if (fill_str(&keep->name, other->name, changed) ||
	    fill_str(&keep->name_km, other->name_km, changed) ||
	    fill_str(&keep->affiliation, other->affiliation, changed) ||
	    fill_str(&keep->province, other->province, changed))
		rc = CW_ENOMEM;
	if (!keep->sex && other->sex)
		keep->sex = other->sex, *changed = 1;
	if (keep->birth_year <= 0 && other->birth_year > 0)
		keep->birth_year = other->birth_year, *changed = 1;
	if ((keep->roles | other->roles) != keep->roles)
		keep->roles |= other->roles, *changed = 1;
	return rc;
}

/* Whether the one kept's names hold `name` as search finds it (letter case, Unicode form,
 * spacing set aside; accents count): the other's spelling is not lost then. */
static int name_held(const struct cw_person *keep, const char *name)
{
	char *folded;
	int held;

	if (!name || !*name)
		return 1;
	if (!(folded = cw_text_fold(name)))
		return -1;
	held = (keep->name && cw_text_equals_folded(keep->name, folded)) ||
	       (keep->name_km && cw_text_equals_folded(keep->name_km, folded));
	free(folded);
	return held;
}

/* A newly allocated printf-formatted text; NULL when out of memory. */
/* Where the other's word came from, for its line in the notes: "source: LRSU spreadsheet 2025;
 * account: NGO", either alone when the other is not recorded. NULL when out of memory. */
static char *provenance(const struct cw_record *other)
{
	const char *account = _(cw_words_view.labels[other->view]);

	if (other->source && *other->source && other->view)
		/* TRANSLATORS: where a person merged away was reported, in the line `person merge`
		 * puts into the notes of the one kept: "source: SOURCE; account: NGO" */
		return cw_text_printf(_("source: %s; account: %s"), other->source, account);
	if (other->source && *other->source)
		return cw_text_printf(_("source: %s"), other->source);
	return cw_text_printf(_("account: %s"), account);
}

/* What the one merged away said goes into the notes of the one kept, saying where it came from:
 * its name as it spelled it, its source and whose account it was, and its notes. A field trial
 * found the NGO's notes of a merged spelling under the kept person's "own observation", and
 * the spelling itself gone, so that search found the person by it no more. Added when the other
 * had notes, or a spelling the one kept's names do not hold (search finds the one kept by it
 * through these notes); not when the merge loses neither. The notes of the one kept become
 * confidential when any of what is put in them was (name, source or notes). Runs after
 * fill_person, which may have given the one kept the other's Khmer name. */
static int merge_notes(struct cw_record *keep_rec, const struct cw_record *other_rec, int *changed,
		       struct cw_error *err)
{
	struct cw_person *keep = &keep_rec->u.person;
	const struct cw_person *other = &other_rec->u.person;
	const struct cw_field *nf = cw_schema_field(cw_schema_for_kind(CW_KIND_PERSON), "notes");
	uint32_t conf = (UINT32_C(1) << CW_CONF_NAME) | (UINT32_C(1) << CW_CONF_SOURCE) |
			(UINT32_C(1) << CW_CONF_NOTES);
	int latin = name_held(keep, other->name), khmer = name_held(keep, other->name_km);
	int has_notes = other->notes && *other->notes, has_km = other->name_km && *other->name_km;
	const char *mine = keep->notes && *keep->notes ? keep->notes : NULL;
	char *names = NULL, *from = NULL, *line = NULL, *notes = NULL;

	if (latin < 0 || khmer < 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (!has_notes && latin && khmer)
		return 0;
	names = cw_text_printf("%s%s%s", other->name ? other->name : "",
			       other->name && *other->name && has_km ? " / " : "",
			       has_km ? other->name_km : "");
	from = provenance(other_rec);
	if (names && from)
		line = has_notes ?
				 /* TRANSLATORS: the line `person merge` puts into the notes of the
				  * person kept: "Merged from Sok Sithar (source: LRSU spreadsheet
				  * 2025; account: NGO): the notes of the one merged away" */
			       cw_text_printf(_("Merged from %s (%s): %s"), names, from,
					      other->notes)
				 /* TRANSLATORS: the same, when the one merged away had no notes */
				 : cw_text_printf(_("Merged from %s (%s)."), names, from);
	if (line)
		notes = mine ? cw_text_printf("%s\n\n%s", mine, line) : cw_text_printf("%s", line);
	free(names);
	free(from);
	free(line);
	if (!notes)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (nf && (int64_t)strlen(notes) > nf->max) {
		free(notes);
		return cw_error_set(err, CW_EINVAL, "notes",
				    "the two people's notes together, with where the other's came "
				    "from, are longer than %lld bytes: shorten them first",
				    (long long)nf->max);
	}
	free(keep->notes);
	keep->notes = notes;
	if (other_rec->confidential_fields & conf)
		keep_rec->confidential_fields |= UINT32_C(1) << CW_CONF_NOTES;
	*changed = 1;
	return 0;
}

/* The one merged away goes the way of a deletion, which detaches its files and wipes their
 * content; an attachment's record never changes (store/attach.h), so they cannot follow the
 * merge. Refused instead of losing them: the user attaches them to the one kept first. */
static int refuse_attached(struct cw_txn *t, const struct cw_id *other, struct cw_error *err)
{
	struct cw_attachment *v = NULL;
	size_t n = 0;
	int rc;

	if (!t->st->attach_ready)
		return 0;
	if ((rc = cw_attach_list_txn(t->st, t->txn, other, 0, &v, &n, err)) != 0)
		return rc;
	cw_attachments_free(v, n);
	if (n)
		return cw_error_set(
			err, CW_EREFUSED, "other",
			"has %zu attached file(s), which a merge would detach and wipe: "
			"attach them to the person kept and detach them here first",
			n);
	return 0;
}

static int merge_fn(struct cw_txn *t, void *vctx, struct cw_error *err)
{
	struct merge_ctx *m = vctx;
	struct cw_record keep, other;
	int rc, changed = 0;

	m->stats->moved = 0;
	if (cw_id_equal(m->keep, m->other))
		return cw_error_set(err, CW_EINVAL, "other", "is the person kept");
	if ((rc = cw_store_read_record(t->st, t->txn, m->keep, &keep, err)) != 0)
		return rc;
	if ((rc = cw_store_read_record(t->st, t->txn, m->other, &other, err)) != 0) {
		cw_record_free(&keep);
		return rc;
	}
	if (keep.kind != CW_KIND_PERSON || other.kind != CW_KIND_PERSON)
		rc = cw_error_set(err, CW_EINVAL, keep.kind != CW_KIND_PERSON ? "keep" : "other",
				  "is not a person");
	if (rc == 0)
		rc = refuse_attached(t, m->other, err);
	m->keep_name = cw_record_label(&keep);
	m->other_name = cw_record_label(&other);
	if (rc == 0)
		rc = refuse_differing(t, m, err);
	if (rc == 0)
		rc = cw_txn_repoint_person(t, m->other, m->keep, &m->stats->moved, NULL, err);
	if (rc == 0 && (rc = fill_person(&keep, &other, &changed)) != 0)
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc == 0)
		rc = merge_notes(&keep, &other, &changed, err);
	if (rc == 0 && changed)
		rc = cw_txn_put(t, &keep, 0, NULL, err);
	if (rc == 0)
		rc = cw_txn_delete_into(t, m->other, m->keep, err);
	/* Undone as one: the one merged away comes back, and every record named them again. */
	cw_txn_undo_about(t, m->other);
	if (t->journal) {
		t->journal->merge = 1;
		t->journal->merged_into = *m->keep;
	}
	cw_record_free(&keep);
	cw_record_free(&other);
	return rc;
}

int cw_store_merge_people(struct cw_store *st, const struct cw_id *keep, const struct cw_id *other,
			  struct cw_merge_stats *stats, struct cw_error *err)
{
	struct merge_ctx m = {keep, other, stats, "", ""};

	memset(stats, 0, sizeof *stats);
	if (st->read_only)
		return cw_error_set(err, CW_EDB, "database", "opened read-only");
	return cw_store_write_undoable(st, merge_fn, &m, err);
}

/* The confidential marks any version here of a person merged away elsewhere holds, carried to
 * the one kept, as a merge made here carries them (fill_person). Another laptop (a partner's,
 * which never saw the marks) may merge a person this database has since made confidential:
 * without the marks, the records pointed at the one kept would name no confidential person,
 * and plain bundles and bundles for partners would carry them (a review found a case against a
 * confidential person reach a partner so). */
static int carry_marks(struct cw_txn *t, const struct cw_id *from, const struct cw_id *to,
		       struct cw_error *err)
{
	struct cw_item_list heads = {0};
	struct cw_record keep;
	uint32_t fields = 0;
	int shown, whole = 0, rc;

	if ((rc = cw_sync_load_heads(t->st, t->txn, from, &heads, &shown, err)) != 0)
		return rc;
	for (size_t h = 0; h < heads.n; h++) {
		whole |= heads.v[h].rec.confidential;
		fields |= heads.v[h].rec.confidential_fields;
	}
	cw_item_list_free(&heads);
	if (!whole && !fields)
		return 0;
	/* The merge put the other's name, source and notes into the notes of the one kept
	 * (merge_notes): the notes are as confidential as any of those was here. */
	if (fields & ((UINT32_C(1) << CW_CONF_NAME) | (UINT32_C(1) << CW_CONF_SOURCE) |
		      (UINT32_C(1) << CW_CONF_NOTES)))
		fields |= UINT32_C(1) << CW_CONF_NOTES;
	if (cw_store_read_record(t->st, t->txn, to, &keep, NULL) != 0)
		return 0; /* the one kept is not here (yet): nothing names it */
	if (keep.kind == CW_KIND_PERSON &&
	    ((whole && !keep.confidential) ||
	     (keep.confidential_fields | fields) != keep.confidential_fields)) {
		keep.confidential |= (uint8_t)whole;
		keep.confidential_fields |= fields;
		rc = cw_txn_put(t, &keep, 0, NULL, err);
	}
	cw_record_free(&keep);
	return rc;
}

/* A person merged away and the one they are in now: a merge into one merged in turn is
 * followed to the end. */
struct merged_pair {
	struct cw_id from, to;
};

/* Every person whose deletion here says where they went (merged_into), with where they are
 * now, into *pairs (the caller frees it). */
static int merged_pairs(struct cw_txn *t, struct merged_pair **out, size_t *count,
			struct cw_error *err)
{
	struct merged_pair *pairs = NULL;
	size_t n = 0, cap = 0;
	struct cw_buf buf = {0};
	MDB_cursor *cur;
	MDB_val k, v, plain;
	int rc, op;

	*out = NULL;
	*count = 0;
	if (!t->st->sync_ready)
		return 0;
	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_TOMBSTONES], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "reading the deletions", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		struct cw_record tomb;

		if (k.mv_size != ID_LEN)
			continue;
		if ((rc = cw_val_open(t->st, DB_TOMBSTONES, &k, &v, &buf, &plain, err)) != 0)
			break;
		if (cw_record_peek_kind(plain.mv_data, plain.mv_size) != CW_KIND_PERSON)
			continue;
		if ((rc = cw_record_decode(plain.mv_data, plain.mv_size, &tomb, err)) != 0) {
			cw_record_free(&tomb); /* what it decoded before it failed */
			break;
		}
		if (!cw_id_is_zero(&tomb.merged_into)) {
			if (n == cap) {
				void *grown =
					realloc(pairs, (cap = cap ? cap * 2 : 8) * sizeof *pairs);

				if (!grown) {
					cw_record_free(&tomb);
					rc = ENOMEM;
					break;
				}
				pairs = grown;
			}
			memcpy(pairs[n].from.b, k.mv_data, ID_LEN);
			pairs[n++].to = tomb.merged_into;
		}
		cw_record_free(&tomb);
	}
	mdb_cursor_close(cur);
	cw_buf_free(&buf);
	if (rc == MDB_NOTFOUND)
		rc = 0;
	else if (rc == ENOMEM)
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	else if (rc > 0)
		rc = cw_store_lmdb_error(t, rc, "reading the deletions", err);
	if (rc != 0) {
		free(pairs);
		return rc;
	}
	/* Merged into one merged in turn: followed to the end (a few steps at most). */
	for (size_t i = 0; i < n; i++) {
		for (size_t hop = 0; hop < n; hop++) {
			size_t j = 0;

			while (j < n && !cw_id_equal(&pairs[j].from, &pairs[i].to))
				j++;
			if (j == n)
				break;
			pairs[i].to = pairs[j].to;
		}
	}
	*out = pairs;
	*count = n;
	return 0;
}

int cw_store_repoint_merged(struct cw_txn *t, size_t *moved, struct cw_doubled *doubled,
			    struct cw_error *err)
{
	struct merged_pair *pairs;
	size_t n;
	int rc;

	if ((rc = merged_pairs(t, &pairs, &n, err)) != 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t here = 0;

		/* The marks only with records pointed anew: once a later import finds nothing
		 * left to point, a mark the user took off the one kept stays off. */
		rc = cw_txn_repoint_person(t, &pairs[i].from, &pairs[i].to, &here, doubled, err);
		if (moved)
			*moved += here;
		if (rc == 0 && here)
			rc = carry_marks(t, &pairs[i].from, &pairs[i].to, err);
	}
	free(pairs);
	return rc;
}

int cw_store_doubled_each(struct cw_store *st, cw_doubled_fn fn, void *ctx, struct cw_error *err)
{
	struct cw_txn t;
	struct merged_pair *pairs = NULL;
	size_t n = 0;
	int rc;

	memset(&t, 0, sizeof t);
	t.st = st;
	if ((rc = cw_store_begin_read(st, &t.txn, err)) != 0)
		return rc;
	rc = merged_pairs(&t, &pairs, &n, err);
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct cw_id *ids = NULL;
		size_t nids = 0, seen = 0;
		char name[200];

		/* One look at each person kept, however many were merged into them. */
		for (size_t k = 0; k < i && !seen; k++)
			seen = cw_id_equal(&pairs[k].to, &pairs[i].to);
		if (seen || (rc = cw_store_records_under(&t, DB_BY_PERSON, &pairs[i].to, &ids,
							 &nids, err)) != 0)
			continue;
		person_label(&t, &pairs[i].to, name, sizeof name);
		for (size_t r = 0; r < nids && rc == 0; r++) {
			struct cw_record rec;
			struct cw_error line;

			if ((rc = cw_store_read_record(st, t.txn, &ids[r], &rec, err)) != 0)
				break;
			if (doubled_line(&rec, &pairs[i].to, name, &line))
				rc = fn(ctx, &line, &rec, &pairs[i].to, err);
			cw_record_free(&rec);
		}
		free(ids);
	}
	free(pairs);
	mdb_txn_abort(t.txn);
	return rc;
}

static int doubled_note_fn(void *ctx, const struct cw_error *line, const struct cw_record *rec,
			   const struct cw_id *who, struct cw_error *err)
{
	(void)rec;
	(void)who;
	(void)err;
	doubled_note(ctx, line);
	return 0;
}

int cw_store_doubled_entries(struct cw_store *st, struct cw_doubled *out, struct cw_error *err)
{
	memset(out, 0, sizeof *out);
	return cw_store_doubled_each(st, doubled_note_fn, out, err);
}

static int doubled_id_fn(void *ctx, const struct cw_error *line, const struct cw_record *rec,
			 const struct cw_id *who, struct cw_error *err)
{
	(void)line;
	(void)who;
	if (cw_idset_add(ctx, &rec->id) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return 0;
}

int cw_store_doubled_ids(struct cw_store *st, struct cw_id **ids, size_t *n, struct cw_error *err)
{
	struct cw_idset set = {0};
	int rc;

	*ids = NULL;
	*n = 0;
	if ((rc = cw_store_doubled_each(st, doubled_id_fn, &set, err)) != 0 || !set.n) {
		free(set.v);
		return rc;
	}
	cw_idset_sort_unique(&set);
	*ids = set.v;
	*n = set.n;
	return 0;
}
