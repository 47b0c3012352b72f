/* verdicts.c - a verdict logged at a hearing or as a milestone moves the state of the charges
 * it rules on, in the same write transaction; see store_internal.h. */
#include "config.h"

#include <string.h>

#include "store/store_internal.h"

/* Whether a hearing sat on appeal: its stage, else the case's. */
static int hearing_on_appeal(const struct cw_hearing *h, const struct cw_case *c)
{
	uint8_t stage = h->stage ? h->stage : c->stage;

	return stage == CW_STAGE_APPEAL || stage == CW_STAGE_SUPREME;
}

int cw_store_follow_verdicts(struct cw_txn *t, const struct cw_record *rec, struct cw_error *err)
{
	const struct cw_id *case_id = rec->kind == CW_KIND_HEARING     ? &rec->u.hearing.case_id
				      : rec->kind == CW_KIND_MILESTONE ? &rec->u.milestone.case_id
								       : NULL;
	struct cw_record kase;
	int rc, changed = 0;

	if (!case_id || cw_id_is_zero(case_id))
		return 0;
	if (rec->kind == CW_KIND_HEARING && rec->u.hearing.verdicts.n == 0)
		return 0;
	if (rec->kind == CW_KIND_MILESTONE && !rec->u.milestone.result)
		return 0;
	if ((rc = cw_txn_get(t, case_id, &kase, err)) != 0)
		return rc;
	if (rec->kind == CW_KIND_HEARING) {
		const struct cw_hearing *h = &rec->u.hearing;
		int on_appeal = hearing_on_appeal(h, &kase.u.kase);

		for (size_t i = 0; rc == 0 && i < h->verdicts.n; i++) {
			const struct cw_verdict *vd =
				(const struct cw_verdict *)h->verdicts.items + i;
			struct cw_verdict_event v = {.person = vd->person,
						     .group = vd->group,
						     .article = vd->article,
						     .offence = vd->offence,
						     .result = vd->result,
						     .on_appeal = on_appeal,
						     .date = h->date,
						     .by = rec->id};
			int moved;

			rc = cw_case_follow_verdict(&kase.u.kase, &v, &moved);
			changed |= moved;
		}
	} else {
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
			rc = cw_case_follow_verdict(&kase.u.kase, &v, &moved);
			changed |= moved;
		}
	}
	if (rc != 0)
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	else if (changed) /* an edit of the case, with its own audit entry */
		rc = cw_txn_put(t, &kase, 0, NULL, err);
	cw_record_free(&kase);
	return rc;
}
