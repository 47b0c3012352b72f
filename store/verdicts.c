/* verdicts.c - a verdict logged at a hearing or as a milestone moves the state of the charges
 * it rules on, a charge milestone adds the charges it names, and an appeal or a Supreme Court
 * decision moves the case's stage on, in the same write transaction; see store_internal.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

/* Whether a hearing sat on appeal: its stage, else the case's. */
static int hearing_on_appeal(const struct cw_hearing *h, const struct cw_case *c)
{
	uint8_t stage = h->stage ? h->stage : c->stage;

	return stage == CW_STAGE_APPEAL || stage == CW_STAGE_SUPREME;
}

static int same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

int cw_store_rulings_equal(const struct cw_record *a, const struct cw_record *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == CW_KIND_HEARING) {
		const struct cw_hearing *x = &a->u.hearing, *y = &b->u.hearing;
		const struct cw_verdict *vx = x->verdicts.items, *vy = y->verdicts.items;

		if (!cw_id_equal(&x->case_id, &y->case_id) || cw_date_compare(x->date, y->date) ||
		    x->stage != y->stage || x->verdicts.n != y->verdicts.n)
			return 0;
		for (size_t i = 0; i < x->verdicts.n; i++)
			if (!cw_id_equal(&vx[i].person, &vy[i].person) ||
			    !same_text(vx[i].group, vy[i].group) ||
			    !cw_article_same(&vx[i].article, &vy[i].article) ||
			    !same_text(vx[i].offence, vy[i].offence) ||
			    vx[i].result != vy[i].result)
				return 0;
		/* A verdict that names no one rules on those the hearing names (its attendance,
		 * its sentence's parts): an attendance edited moves the charges it rules on. */
		if (cw_hearing_rules_unnamed(x) || cw_hearing_rules_unnamed(y)) {
			const struct cw_attendance *ax = x->attendance.items,
						   *ay = y->attendance.items;
			const struct cw_sentence_part *px = x->sentence_parts.items,
						      *py = y->sentence_parts.items;

			if (x->attendance.n != y->attendance.n ||
			    x->sentence_parts.n != y->sentence_parts.n)
				return 0;
			for (size_t i = 0; i < x->attendance.n; i++)
				if (!cw_id_equal(&ax[i].person, &ay[i].person))
					return 0;
			for (size_t i = 0; i < x->sentence_parts.n; i++)
				if (!cw_id_equal(&px[i].person, &py[i].person) ||
				    !same_text(px[i].group, py[i].group))
					return 0;
		}
		return 1;
	}
	if (a->kind == CW_KIND_MILESTONE) {
		const struct cw_milestone *x = &a->u.milestone, *y = &b->u.milestone;
		struct cw_article ax[CW_ARTICLE_LIST_MAX], ay[CW_ARTICLE_LIST_MAX];
		size_t nx = cw_milestone_articles(x, ax), ny = cw_milestone_articles(y, ay);

		if (!cw_id_equal(&x->case_id, &y->case_id) ||
		    !cw_id_equal(&x->person, &y->person) || !same_text(x->group, y->group) ||
		    x->type != y->type || x->result != y->result ||
		    cw_date_compare(x->date, y->date) || nx != ny)
			return 0;
		for (size_t i = 0; i < nx; i++)
			if (!cw_article_same(&ax[i], &ay[i]))
				return 0;
		return 1;
	}
	return 1;
}

/* The steps record `by` put in kase's charge histories: whether there is one, the earliest
 * one's date in *date, and in *place where its first is among every step of every charge (the
 * number of steps when it has none). */
static int find_steps(const struct cw_case *kase, const struct cw_id *by, struct cw_date *date,
		      size_t *place)
{
	size_t at = 0;
	int found = 0;

	for (size_t i = 0; i < kase->defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase->defendants.items + i;

		for (size_t j = 0; j < d->charges.n; j++) {
			const struct cw_charge *ch = (const struct cw_charge *)d->charges.items + j;
			const struct cw_charge_step *s = ch->history.items;

			for (size_t k = 0; k < ch->history.n; k++, at++) {
				if (!cw_id_equal(&s[k].record, by))
					continue;
				if (!found)
					*place = at;
				if (!found || cw_ruling_date_compare(s[k].date, *date) < 0)
					*date = s[k].date;
				found = 1;
			}
		}
	}
	if (!found)
		*place = at;
	return found;
}

static int follow_record(struct cw_case *kase, const struct cw_record *rec, int *changed);

/* A ruling of the case to follow again: its record, date, and place among the histories'
 * steps (ties of a date keep it). */
struct later_ruling {
	struct cw_record rec;
	struct cw_date date;
	size_t order;
};

static int later_ruling_order(const void *pa, const void *pb)
{
	const struct later_ruling *a = pa, *b = pb;
	int c = cw_ruling_date_compare(a->date, b->date);

	return c ? c : (a->order > b->order) - (a->order < b->order);
}

/* Whether a ruling of rec moves a charge by the state before it (cw_verdict_reads_state). */
static int reads_state_before(const struct cw_record *rec)
{
	if (rec->kind == CW_KIND_HEARING) {
		for (size_t i = 0; i < rec->u.hearing.verdicts.n; i++) {
			const struct cw_verdict *v =
				(const struct cw_verdict *)rec->u.hearing.verdicts.items + i;

			if (cw_verdict_reads_state(v->result, v->article.law != CW_LAW_NONE ||
								      (v->offence && *v->offence)))
				return 1;
		}
		return 0;
	}
	if (rec->kind == CW_KIND_MILESTONE) {
		struct cw_article arts[CW_ARTICLE_LIST_MAX];

		return cw_verdict_reads_state(rec->u.milestone.result,
					      cw_milestone_articles(&rec->u.milestone, arts) > 0);
	}
	return 0;
}

/* Follows again, in the order of their dates, the rulings of the case (its hearings'
 * verdicts, its milestones' results; not its charge milestones) dated on or after `from`,
 * other than `self`. A ruling's step is worked out from the state before it (an appeal
 * upheld, a conviction that names no charge), so one placed, moved or taken away before
 * later ones leaves their steps as worked out from a history that no longer holds: a review
 * found an acquittal logged after the appeal that upheld it read "convicted (counts not
 * stated)". Taken back all, then followed in date order, each is the latest when followed.
 * Read from the case's records, not its histories: a ruling that moved nothing then may move
 * a charge now. Only when one of them reads the state before it: the others stand as they
 * are, and following them again would lose a state the case's entry gave before its first
 * ruling (not kept: the documents give many). 0, CW_ENOMEM or the store's error. */
static int follow_later_again(struct cw_txn *t, struct cw_case *kase, const struct cw_id *case_id,
			      const struct cw_id *self, struct cw_date from, int *changed,
			      struct cw_error *err)
{
	struct later_ruling *later = NULL;
	struct cw_id *ids = NULL;
	size_t n = 0, nids = 0;
	int rc, reads = 0;

	if ((rc = cw_store_case_records(t, case_id, &ids, &nids, err)) != 0)
		return rc;
	if (nids && !(later = calloc(nids, sizeof *later))) {
		free(ids);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	for (size_t i = 0; rc == 0 && i < nids; i++) {
		struct later_ruling *l = &later[n];
		struct cw_date first;
		int ruling;

		if (cw_id_equal(&ids[i], self))
			continue;
		if ((rc = cw_txn_get(t, &ids[i], &l->rec, err)) != 0) {
			if (rc == CW_ENOTFOUND) {
				cw_error_clear(err);
				rc = 0;
			}
			continue;
		}
		ruling = (l->rec.kind == CW_KIND_HEARING && l->rec.u.hearing.verdicts.n > 0 &&
			  cw_id_equal(&l->rec.u.hearing.case_id, case_id)) ||
			 (l->rec.kind == CW_KIND_MILESTONE && l->rec.u.milestone.result &&
			  l->rec.u.milestone.type != CW_MS_CHARGE &&
			  cw_id_equal(&l->rec.u.milestone.case_id, case_id));
		l->date = cw_record_date(&l->rec);
		if (!ruling || cw_ruling_date_compare(l->date, from) < 0) {
			cw_record_free(&l->rec);
			continue;
		}
		/* Ties of a date keep the histories' order; one with no step (it moved nothing:
		 * an appeal upheld of a charge acquitted) after them, in the case's order. */
		if (!find_steps(kase, &l->rec.id, &first, &l->order))
			l->order += i;
		reads |= reads_state_before(&l->rec);
		n++;
	}
	free(ids);
	if (rc == 0 && n && reads) {
		qsort(later, n, sizeof *later, later_ruling_order);
		for (size_t i = 0; i < n; i++) {
			int moved;

			cw_case_unfollow_record(kase, &later[i].rec.id, &moved);
			*changed |= moved;
		}
		for (size_t i = 0; rc == 0 && i < n; i++) {
			int moved;

			if (follow_record(kase, &later[i].rec, &moved) != 0)
				rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			*changed |= moved;
		}
	}
	for (size_t i = 0; i < n; i++)
		cw_record_free(&later[i].rec);
	free(later);
	return rc;
}

int cw_store_unfollow_verdicts(struct cw_txn *t, const struct cw_id *by,
			       const struct cw_id *case_id, struct cw_error *err)
{
	struct cw_record kase;
	int rc, changed;

	if (cw_id_is_zero(case_id))
		return 0;
	if ((rc = cw_txn_get(t, case_id, &kase, err)) != 0) {
		if (rc != CW_ENOTFOUND)
			return rc;
		cw_error_clear(err);
		return 0; /* gone: nothing of it to take back */
	}
	if (kase.kind == CW_KIND_CASE) {
		struct cw_date from;
		size_t place;
		int found = find_steps(&kase.u.kase, by, &from, &place);

		cw_case_unfollow_record(&kase.u.kase, by, &changed);
		/* The rulings after it were worked out with it in place. */
		if (found)
			rc = follow_later_again(t, &kase.u.kase, case_id, by, from, &changed, err);
		if (rc == 0 && changed)
			rc = cw_txn_put(t, &kase, 0, NULL, err);
	}
	cw_record_free(&kase);
	return rc;
}

const struct cw_id *cw_store_ruling_case(const struct cw_record *r)
{
	const struct cw_id *id = r->kind == CW_KIND_HEARING     ? &r->u.hearing.case_id
				 : r->kind == CW_KIND_MILESTONE ? &r->u.milestone.case_id
								: NULL;

	return id && !cw_id_is_zero(id) ? id : NULL;
}

/* The stage rec puts its case at (0: none it says): an appeal lodged or decided is the case on
 * appeal, a Supreme Court decision before the Supreme Court, a hearing's verdicts at either
 * stage that stage. */
static uint8_t stage_of(const struct cw_record *rec)
{
	if (rec->kind == CW_KIND_HEARING && rec->u.hearing.verdicts.n &&
	    (rec->u.hearing.stage == CW_STAGE_APPEAL || rec->u.hearing.stage == CW_STAGE_SUPREME))
		return rec->u.hearing.stage;
	if (rec->kind != CW_KIND_MILESTONE)
		return 0;
	if (rec->u.milestone.type == CW_MS_APPEAL_LODGED ||
	    rec->u.milestone.type == CW_MS_APPEAL_DECIDED)
		return CW_STAGE_APPEAL;
	return rec->u.milestone.type == CW_MS_SUPREME_DECISION ? CW_STAGE_SUPREME : 0;
}

/* Moves kase's stage (or its defendants') on to the one rec puts it at: a case whose
 * conviction was upheld on appeal does not read "trial". A hearing's verdicts name their
 * people; whoever they name, the hearing was the case's, so its stage moves with theirs. */
static void follow_stage(struct cw_case *kase, const struct cw_record *rec, int *changed)
{
	uint8_t stage = stage_of(rec);
	int moved = 0;

	if (!stage)
		return;
	if (rec->kind == CW_KIND_HEARING) {
		const struct cw_hearing *h = &rec->u.hearing;

		for (size_t i = 0; i < h->verdicts.n; i++) {
			const struct cw_verdict *vd =
				(const struct cw_verdict *)h->verdicts.items + i;
			struct cw_verdict_event v = {
				.person = vd->person, .group = vd->group, .date = h->date};

			cw_case_follow_stage(kase, &v, stage, &moved);
			*changed |= moved;
		}
	} else {
		const struct cw_milestone *m = &rec->u.milestone;
		struct cw_verdict_event v = {
			.person = m->person, .group = m->group, .date = m->date};

		cw_case_follow_stage(kase, &v, stage, &moved);
		*changed |= moved;
	}
}

/* Moves the charges of kase by what rec rules: each verdict of a hearing, a milestone's result
 * on each article it names (every charge when it names none); a charge milestone charges its
 * person or group under each article it names. CW_ENOMEM or 0. */
static int follow_record(struct cw_case *kase, const struct cw_record *rec, int *changed)
{
	int rc = 0;

	*changed = 0;
	if (rec->kind == CW_KIND_HEARING) {
		const struct cw_hearing *h = &rec->u.hearing;
		int on_appeal = hearing_on_appeal(h, kase);

		for (size_t i = 0; rc == 0 && i < h->verdicts.n; i++) {
			const struct cw_verdict *vd =
				(const struct cw_verdict *)h->verdicts.items + i;
			/* One that names no one rules on those the hearing tried, as it ends
			 * their detention (models/record.h, cw_hearing_concerns): a co-defendant
			 * the sitting did not try read "convicted" beside a detention running. */
			struct cw_verdict_event v = {.person = vd->person,
						     .group = vd->group,
						     .article = vd->article,
						     .offence = vd->offence,
						     .result = vd->result,
						     .on_appeal = on_appeal,
						     .date = h->date,
						     .by = rec->id,
						     .tried = h};
			int moved;

			rc = cw_case_follow_verdict(kase, &v, &moved);
			*changed |= moved;
		}
	} else if (rec->kind == CW_KIND_MILESTONE && rec->u.milestone.type == CW_MS_CHARGE) {
		/* New charges: the articles a charge milestone names, each a charge of its
		 * person or group from its date when they had none under it. */
		const struct cw_milestone *m = &rec->u.milestone;
		struct cw_article arts[CW_ARTICLE_LIST_MAX];
		size_t n = cw_milestone_articles(m, arts);
		struct cw_verdict_event v = {
			.person = m->person, .group = m->group, .date = m->date, .by = rec->id};

		for (size_t i = 0; rc == 0 && i < n; i++) {
			int moved;

			v.article = arts[i];
			rc = cw_case_follow_charge(kase, &v, &moved);
			*changed |= moved;
		}
	} else if (rec->kind == CW_KIND_MILESTONE && rec->u.milestone.result) {
		const struct cw_milestone *m = &rec->u.milestone;
		struct cw_article arts[CW_ARTICLE_LIST_MAX];
		size_t n = cw_milestone_articles(m, arts);
		struct cw_verdict_event v = {.person = m->person,
					     .group = m->group,
					     .result = m->result,
					     .on_appeal = m->type == CW_MS_APPEAL_DECIDED ||
							  m->type == CW_MS_SUPREME_DECISION,
					     .date = m->date,
					     .by = rec->id};

		/* A verdict on 494 and 495 moves both charges; one that names none, every one. */
		for (size_t i = 0; rc == 0 && i < (n ? n : 1); i++) {
			int moved;

			if (n)
				v.article = arts[i];
			rc = cw_case_follow_verdict(kase, &v, &moved);
			*changed |= moved;
		}
	}
	if (rc == 0)
		follow_stage(kase, rec, changed);
	return rc;
}

/* Reads the case a ruling names into *kase (*found 1), or finds none: a case deleted on another
 * laptop while the record named it (its charges are gone with it, and the record can still be
 * edited or deleted), or an id that is not a case's. 0, or the store's error. */
static int read_ruling_case(struct cw_txn *t, const struct cw_id *case_id, struct cw_record *kase,
			    int *found, struct cw_error *err)
{
	int rc;

	*found = 0;
	if ((rc = cw_txn_get(t, case_id, kase, err)) != 0) {
		if (rc != CW_ENOTFOUND)
			return rc;
		cw_error_clear(err);
		return 0;
	}
	if (kase->kind != CW_KIND_CASE) {
		cw_record_free(kase);
		return 0;
	}
	*found = 1;
	return 0;
}

int cw_store_follow_verdicts(struct cw_txn *t, const struct cw_record *rec,
			     const struct cw_id *old_case, struct cw_error *err)
{
	const struct cw_id *case_id = cw_store_ruling_case(rec);
	int rulings = (rec->kind == CW_KIND_HEARING && rec->u.hearing.verdicts.n > 0) ||
		      (rec->kind == CW_KIND_MILESTONE &&
		       (rec->u.milestone.result || rec->u.milestone.type == CW_MS_CHARGE)) ||
		      stage_of(rec) != 0; /* an appeal lodged, with no result, moves the stage */
	struct cw_record kase;
	struct cw_date from, date = cw_record_date(rec);
	size_t place;
	int rc, found, changed = 0;

	/* An edit first takes back what the version before moved, in the case it named. */
	if (old_case && !cw_id_is_zero(old_case) && !(case_id && cw_id_equal(old_case, case_id)) &&
	    (rc = cw_store_unfollow_verdicts(t, &rec->id, old_case, err)) != 0)
		return rc;
	if (!case_id || (!rulings && !old_case))
		return 0;
	if ((rc = read_ruling_case(t, case_id, &kase, &found, err)) != 0 || !found)
		return rc;
	/* Where its steps were, or go: the rulings after that are followed again. */
	found = find_steps(&kase.u.kase, &rec->id, &from, &place);
	if (old_case)
		cw_case_unfollow_record(&kase.u.kase, &rec->id, &changed);
	if (rulings) {
		int moved;

		if (follow_record(&kase.u.kase, rec, &moved) != 0)
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		changed |= moved;
	}
	if (!found || cw_ruling_date_compare(date, from) < 0)
		from = date;
	if (rc == 0 && changed)
		rc = follow_later_again(t, &kase.u.kase, case_id, &rec->id, from, &changed, err);
	if (rc == 0 && changed) /* an edit of the case, with its own audit entry */
		rc = cw_txn_put(t, &kase, 0, NULL, err);
	cw_record_free(&kase);
	return rc;
}

int cw_store_stage_left(struct cw_txn *t, const struct cw_record *rec, uint8_t *stage,
			struct cw_error *err)
{
	const struct cw_id *case_id = cw_store_ruling_case(rec);
	uint8_t to = stage_of(rec);
	struct cw_record kase;
	struct cw_id *ids = NULL;
	size_t n = 0;
	int rc, found, stands = 0;

	*stage = 0;
	if (!to || !case_id)
		return 0;
	if ((rc = read_ruling_case(t, case_id, &kase, &found, err)) != 0 || !found)
		return rc;
	if (rec->kind == CW_KIND_HEARING) {
		const struct cw_hearing *h = &rec->u.hearing;

		for (size_t i = 0; i < h->verdicts.n && !stands; i++) {
			const struct cw_verdict *vd =
				(const struct cw_verdict *)h->verdicts.items + i;
			struct cw_verdict_event v = {
				.person = vd->person, .group = vd->group, .date = h->date};

			stands = cw_case_stands_at(&kase.u.kase, &v, to);
		}
	} else {
		const struct cw_milestone *m = &rec->u.milestone;
		struct cw_verdict_event v = {
			.person = m->person, .group = m->group, .date = m->date};

		stands = cw_case_stands_at(&kase.u.kase, &v, to);
	}
	cw_record_free(&kase);
	/* Another ruling of the case that puts it at that stage keeps it there. */
	if (stands && (rc = cw_store_case_records(t, case_id, &ids, &n, err)) != 0)
		return rc;
	for (size_t i = 0; i < n && stands; i++) {
		struct cw_record other;

		if (cw_id_equal(&ids[i], &rec->id))
			continue;
		if ((rc = cw_txn_get(t, &ids[i], &other, err)) != 0) {
			if (rc != CW_ENOTFOUND)
				break;
			cw_error_clear(err);
			rc = 0;
			continue;
		}
		if (stage_of(&other) == to)
			stands = 0;
		cw_record_free(&other);
	}
	free(ids);
	if (rc == 0 && stands)
		*stage = to;
	return rc;
}
