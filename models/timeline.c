/* timeline.c - the timeline summary; see timeline.h. */
#include "config.h"

#include <string.h>

#include "models/timeline.h"

static int starts_detention(uint8_t type)
{
	return type == CW_MS_ARREST || type == CW_MS_PRETRIAL_DETENTION;
}

static int ends_pretrial(uint8_t type)
{
	return type == CW_MS_BAIL || type == CW_MS_RELEASE || type == CW_MS_HOUSE_ARREST ||
	       type == CW_MS_SUPERVISION || type == CW_MS_VERDICT || type == CW_MS_SENTENCE ||
	       type == CW_MS_IN_ABSENTIA_VERDICT;
}

/* Pretrial detention per case: from the first arrest or detention to the first bail, release
 * or verdict after it; a detention with no end counts to today while the person's custody in
 * that case is still "detained". Partial dates make the figure unknown rather than wrong. */
static long pretrial_for_case(const struct cw_id *person, const struct cw_record *kase,
			      const struct cw_record *recs, size_t n, struct cw_date today,
			      int *unknown, int *ongoing)
{
	struct cw_date start = {0, 0, 0}, end = {0, 0, 0};
	int detained_now = 0;

	for (size_t i = 0; i < kase->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)kase->u.kase.defendants.items + i;

		if (cw_id_equal(&d->person, person))
			detained_now = d->custody == CW_CUSTODY_DETAINED;
	}
	for (size_t i = 0; i < n; i++) {
		const struct cw_milestone *m = &recs[i].u.milestone;

		if (recs[i].kind != CW_KIND_MILESTONE || !cw_id_equal(&m->case_id, &kase->id) ||
		    !cw_id_equal(&m->person, person) || !starts_detention(m->type))
			continue;
		if (!cw_date_is_known(start) || cw_date_compare(m->date, start) < 0)
			start = m->date;
	}
	if (!cw_date_is_known(start))
		return 0;
	for (size_t i = 0; i < n; i++) {
		const struct cw_milestone *m = &recs[i].u.milestone;

		if (recs[i].kind != CW_KIND_MILESTONE || !cw_id_equal(&m->case_id, &kase->id) ||
		    !cw_id_equal(&m->person, person) || !ends_pretrial(m->type) ||
		    !cw_date_is_known(m->date) || cw_date_compare(m->date, start) < 0)
			continue;
		if (!cw_date_is_known(end) || cw_date_compare(m->date, end) < 0)
			end = m->date;
	}
	if (!cw_date_is_known(end)) {
		if (!detained_now)
			return 0;
		end = today;
		*ongoing = 1;
	}
	if (cw_date_precision(start) != CW_DATE_DAY || cw_date_precision(end) != CW_DATE_DAY) {
		*unknown = 1;
		return 0;
	}
	return cw_date_to_days(end) - cw_date_to_days(start);
}

void cw_timeline_summarise(const struct cw_id *person, const struct cw_record *records, size_t n,
			   struct cw_date today, struct cw_timeline_summary *out)
{
	int unknown = 0;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		const struct cw_record *r = &records[i];

		if (r->kind == CW_KIND_CASE) {
			out->cases++;
			out->pretrial_days += pretrial_for_case(person, r, records, n, today,
								&unknown, &out->pretrial_ongoing);
		} else if (r->kind == CW_KIND_HEARING) {
			const struct cw_hearing *h = &r->u.hearing;
			struct cw_date cands[2] = {h->date, h->next_date};

			if (h->outcome == CW_OUTCOME_ADJOURNED)
				out->adjournments++;
			for (int j = 0; j < 2; j++)
				if (cw_date_is_known(cands[j]) &&
				    cw_date_compare(cands[j], today) >= 0 &&
				    (!cw_date_is_known(out->next_hearing) ||
				     cw_date_compare(cands[j], out->next_hearing) < 0))
					out->next_hearing = cands[j];
		}
	}
	if (unknown && out->pretrial_days == 0)
		out->pretrial_days = -1;
}
