/* quick.c - a hearing already filled in; see quick.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/quick.h"

/* The common hearing in court is "adjourned to DATE": the outcome first, the next date right
 * after it. Then what a bail hearing decided: its outcome alone, "bail decision", granted or
 * refused nothing (a field trial's monitor found no field for it). */
const char *const cw_quick_hearing_fields[] = {"case",      "date",           "time",     "outcome",
					       "next_date", "adjourn_reason", "bail",     "present",
					       "absent",    "stage",          "monitors", "notes"};
const size_t cw_quick_hearing_nfields =
	sizeof cw_quick_hearing_fields / sizeof cw_quick_hearing_fields[0];
const char cw_quick_hearing_start[] = "outcome";

int cw_person_latest_case(struct cw_store *st, const struct cw_id *person, struct cw_id *case_id,
			  struct cw_error *err)
{
	struct cw_record_list l;
	int rc;

	memset(case_id, 0, sizeof *case_id);
	/* Oldest first: the last is the latest. */
	if ((rc = cw_store_person_records(st, person, CW_KIND_BIT(CW_KIND_CASE), &l, err)) != 0)
		return rc;
	if (l.n)
		*case_id = l.items[l.n - 1].id;
	cw_record_list_free(&l);
	return 0;
}

/* The case a record leads to: itself, its case, or a person's latest case. 0 with *case_id, or
 * CW_ENOTFOUND. */
static int case_of(struct cw_store *st, const struct cw_id *from, struct cw_id *case_id,
		   struct cw_error *err)
{
	struct cw_record rec;
	int rc;

	if ((rc = cw_store_get(st, from, &rec, err)) != 0)
		return rc;
	memset(case_id, 0, sizeof *case_id);
	if (rec.kind == CW_KIND_CASE)
		*case_id = rec.id;
	else if (rec.kind == CW_KIND_HEARING)
		*case_id = rec.u.hearing.case_id;
	else if (rec.kind == CW_KIND_MILESTONE)
		*case_id = rec.u.milestone.case_id;
	else if (rec.kind == CW_KIND_INCIDENT)
		*case_id = rec.u.incident.case_id;
	if (rec.kind == CW_KIND_PERSON)
		rc = cw_person_latest_case(st, from, case_id, err);
	cw_record_free(&rec);
	if (rc != 0)
		return rc;
	if (cw_id_is_zero(case_id))
		return cw_error_set(err, CW_ENOTFOUND, "case",
				    "no case here: a quick hearing starts from a case, a record of "
				    "one, or a defendant");
	return 0;
}

static int dup_into(char **dst, const char *src)
{
	if (!src || !*src)
		return 0;
	return (*dst = strdup(src)) ? 0 : CW_ENOMEM;
}

/* Whether a hearing had the person present or absent: CW_ANSWER_NO when it lists them absent
 * only, else CW_ANSWER_YES. */
static uint8_t last_attendance(const struct cw_hearing *h, const struct cw_id *person)
{
	const struct cw_attendance *a = h->attendance.items;
	int absent = 0;

	for (size_t i = 0; i < h->attendance.n; i++) {
		if (!cw_id_equal(&a[i].person, person))
			continue;
		if (a[i].present == CW_ANSWER_YES)
			return CW_ANSWER_YES;
		absent |= a[i].present == CW_ANSWER_NO;
	}
	return absent ? CW_ANSWER_NO : CW_ANSWER_YES;
}

int cw_quick_hearing(struct cw_store *st, const struct cw_id *from, struct cw_date today,
		     const char *time, struct cw_record *out, struct cw_error *err)
{
	struct cw_record kase, last;
	struct cw_record_list l = {0};
	struct cw_hearing *h = &out->u.hearing;
	struct cw_filter f;
	struct cw_id case_id;
	char hex[CW_ID_HEX_LEN + 1];
	size_t named = 0;
	int rc;

	cw_record_init(out, CW_KIND_HEARING);
	if ((rc = case_of(st, from, &case_id, err)) != 0 ||
	    (rc = cw_store_get(st, &case_id, &kase, err)) != 0)
		return rc;
	/* The case's last hearing holds what the monitors wrote last time. */
	cw_filter_init(&f);
	cw_id_hex(&case_id, hex);
	if ((rc = cw_filter_set(&f, "case", hex, err)) == 0)
		rc = cw_store_list(st, &f, CW_KIND_BIT(CW_KIND_HEARING), CW_ORDER_NEWEST_FIRST, 0,
				   1, &l, err);
	if (rc != 0) {
		cw_record_free(&kase);
		return rc;
	}
	memset(&last, 0, sizeof last);
	if (l.n)
		last = l.items[0];
	h->case_id = case_id;
	h->date = today;
	/* Whose account, as the full form gives a new hearing: a source left empty made the
	 * export's source column '' beside the other forms' "own observation". */
	out->view = CW_VIEW_OWN;
	rc = dup_into(&out->source, "own observation");
	h->stage = l.n && last.u.hearing.stage ? last.u.hearing.stage : kase.u.kase.stage;
	if (rc == 0)
		rc = dup_into(&h->time, time);
	if (rc == 0)
		rc = dup_into(&h->court, l.n && last.u.hearing.court ? last.u.hearing.court
								     : kase.u.kase.court);
	/* Who was there for the case last time: the defence, the team's monitors, the bench and
	 * the prosecution, as a case usually keeps them from one hearing to the next. */
	if (rc == 0 && l.n)
		rc = dup_into(&h->lawyers, last.u.hearing.lawyers);
	if (rc == 0 && l.n)
		rc = dup_into(&h->monitors, last.u.hearing.monitors);
	if (rc == 0 && l.n)
		rc = dup_into(&h->judge, last.u.hearing.judge);
	if (rc == 0 && l.n)
		rc = dup_into(&h->prosecutor, last.u.hearing.prosecutor);
	/* Every named defendant as the last hearing had them, present or absent (one tried in
	 * absentia is absent again), and present when it did not say (a first hearing, one
	 * added to the case since): the monitor corrects the one who came or stayed away. */
	for (size_t i = 0; i < kase.u.kase.defendants.n; i++)
		named += !cw_id_is_zero(
			&((const struct cw_defendant *)kase.u.kase.defendants.items)[i].person);
	if (rc == 0 && named) {
		struct cw_attendance *a = calloc(named, sizeof *a);

		if (!a) {
			rc = CW_ENOMEM;
		} else {
			for (size_t i = 0; i < kase.u.kase.defendants.n; i++) {
				const struct cw_defendant *d =
					(const struct cw_defendant *)kase.u.kase.defendants.items +
					i;
				int seen = 0;

				for (size_t k = 0; k < h->attendance.n && !seen; k++)
					seen = cw_id_equal(&a[k].person, &d->person);
				if (cw_id_is_zero(&d->person) || seen)
					continue;
				a[h->attendance.n].person = d->person;
				a[h->attendance.n++].present =
					l.n ? last_attendance(&last.u.hearing, &d->person)
					    : CW_ANSWER_YES;
			}
			h->attendance.items = a;
		}
	}
	cw_record_list_free(&l);
	cw_record_free(&kase);
	return rc == CW_ENOMEM ? cw_error_set(err, CW_ENOMEM, "", "out of memory") : rc;
}
