/* quick.h - quick capture: a hearing already filled in from what the database knows, so that a
 * monitor in court types only what happened ("adjourned to DATE").
 *
 * From a case, a hearing or milestone of it, or a person (their latest case): the case; the
 * date and time given (today, now); the team's own observation; the court, stage, lawyers,
 * the team's monitors, judge and prosecutor of the case's last hearing (the per-case
 * defaults: what the monitors wrote last time), else the case's own court and stage; every
 * named defendant of the case present or absent as that last hearing had them (present when
 * it did not say, or there is none). The form shows the monitors to correct; the court,
 * lawyers, judge and prosecutor are kept as they were (the full form, e, changes them). May use:
 * models/, store/. */
#ifndef CW_APP_QUICK_H
#define CW_APP_QUICK_H

#include "models/date.h"
#include "models/error.h"
#include "models/record.h"
#include "store/store.h"

/* The fields a quick hearing form shows, in order, and the one it starts on. */
extern const char *const cw_quick_hearing_fields[];
extern const size_t cw_quick_hearing_nfields;
extern const char cw_quick_hearing_start[];

/* Makes *out (initialised here; the caller frees it with cw_record_free, also on failure): a
 * new hearing (id zero) of the case `from` names, dated `today` at `time` ("HH:MM", or NULL).
 * CW_ENOTFOUND, naming "case", when from is not a case, a hearing or milestone of one, or a
 * person with a case. */
int cw_quick_hearing(struct cw_store *st, const struct cw_id *from, struct cw_date today,
		     const char *time, struct cw_record *out, struct cw_error *err);

/* A person's latest case (the last of their cases in date order), the one a quick hearing of
 * theirs is of: 0 with *case_id (zero when they have none), or an error. */
int cw_person_latest_case(struct cw_store *st, const struct cw_id *person, struct cw_id *case_id,
			  struct cw_error *err);

#endif
