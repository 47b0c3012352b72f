/* advice.c - what a monitor should know about a record just saved; see advice.h. */
#include "config.h"

#include <stdio.h>

#include "app/advice.h"
#include "models/i18n.h"
#include "models/timeline.h"

/* A milestone of a person in a case that does not name them counts in no detention (the case
 * holds no custody for them and is not in their timeline) and moves no charge. */
static void advise_case_names_person(struct cw_store *st, const struct cw_record *rec,
				     const char *hex, cw_advice_fn fn, void *ctx)
{
	const struct cw_milestone *m = &rec->u.milestone;
	char what[400], fix[200], case_hex[CW_ID_HEX_LEN + 1], person_hex[CW_ID_HEX_LEN + 1];
	struct cw_record kase;
	int named;

	if (cw_id_is_zero(&m->person) || cw_id_is_zero(&m->case_id) ||
	    cw_store_get(st, &m->case_id, &kase, NULL) != 0)
		return;
	named = kase.kind != CW_KIND_CASE || cw_timeline_defendant(&kase, &m->person);
	cw_record_free(&kase);
	if (named)
		return;
	cw_id_hex(&m->case_id, case_hex);
	cw_id_hex(&m->person, person_hex);
	snprintf(what, sizeof what,
		 _("case %.8s does not name the person of this %s (%.8s) as a defendant, so it "
		   "counts in no pretrial detention and moves no charge"),
		 case_hex, cw_enum_label(&cw_words_milestone, m->type), hex);
	snprintf(fix, sizeof fix, _("to add them: casewatch edit %.8s --defendant %.8s"), case_hex,
		 person_hex);
	fn(ctx, what, fix);
}

/* An event recorded as having happened (a hearing with its outcome, a milestone, a visit, a
 * demonstration, an incident) dated after today is most likely a typo (2027 for 2023). Until
 * that day comes it counts nowhere: no detention runs from an arrest not yet made. */
static void advise_after_today(const struct cw_record *rec, const char *hex, cw_advice_fn fn,
			       void *ctx)
{
	struct cw_date d = cw_record_date(rec), today = cw_date_today();
	char dated[CW_DATE_TEXT_MAX], now[CW_DATE_TEXT_MAX], what[400], fix[200];

	if (!cw_date_is_known(d) || cw_date_compare(cw_date_first_day(d), today) <= 0 ||
	    (rec->kind == CW_KIND_HEARING && rec->u.hearing.outcome == CW_OUTCOME_UNKNOWN) ||
	    rec->kind == CW_KIND_PERSON || rec->kind == CW_KIND_CASE)
		return;
	cw_date_format(d, dated);
	cw_date_format(today, now);
	snprintf(what, sizeof what,
		 _("this %s is dated %s, after today (%s), so it counts nowhere until then"),
		 cw_kind_text(rec->kind), dated, now);
	snprintf(fix, sizeof fix, _("if that is a typo: casewatch edit %.8s --date DATE"), hex);
	fn(ctx, what, fix);
}

void cw_advise_saved(struct cw_store *st, const struct cw_record *rec, cw_advice_fn fn, void *ctx)
{
	char hex[CW_ID_HEX_LEN + 1], what[400], fix[200];

	cw_id_hex(&rec->id, hex);
	if (rec->kind == CW_KIND_MILESTONE) {
		const struct cw_milestone *m = &rec->u.milestone;
		const char *type = cw_enum_label(&cw_words_milestone, m->type);

		/* Pretrial detention is counted in a case (models/timeline.h): an arrest logged
		 * before its case exists counts nowhere until it names one. */
		if (cw_id_is_zero(&m->case_id) && cw_timeline_starts_detention(m)) {
			snprintf(what, sizeof what,
				 _("this %s names no case, so no pretrial detention counts from "
				   "it"),
				 type);
			snprintf(fix, sizeof fix,
				 _("once the case is logged: casewatch edit %.8s --case CASE"),
				 hex);
			fn(ctx, what, fix);
		}
		/* A bail or release with no outcome ends the detention (models/timeline.c: what
		 * such a milestone meant before outcomes were recorded); a monitor who only heard
		 * the request argued should know. */
		if ((m->type == CW_MS_BAIL || m->type == CW_MS_RELEASE) &&
		    m->outcome == CW_DECISION_UNKNOWN) {
			snprintf(what, sizeof what,
				 _("this %s has no outcome, so it is read as granted and ends the "
				   "pretrial detention"),
				 type);
			snprintf(fix, sizeof fix,
				 _("if it was refused: casewatch edit %.8s --outcome refused"),
				 hex);
			fn(ctx, what, fix);
		}
		advise_case_names_person(st, rec, hex, fn, ctx);
	}
	advise_after_today(rec, hex, fn, ctx);
}
