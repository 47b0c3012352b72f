/* timeline.h - what a defendant's timeline says at a glance: days in pretrial detention,
 * adjournments and the next hearing, computed from the records that name the person. */
#ifndef CW_TIMELINE_H
#define CW_TIMELINE_H

#include "models/date.h"
#include "models/record.h"

struct cw_timeline_summary {
	long pretrial_days;   /* -1 when the records do not give day-precise dates */
	int pretrial_ongoing; /* still detained before a verdict */
	int adjournments;     /* hearings of the person's cases adjourned, suspended or postponed */
	struct cw_date next_hearing; /* the earliest hearing or next date on or after today */
	size_t cases;
};

/* records: the person's timeline (any order). today: the date "ongoing" is counted to. */
void cw_timeline_summarise(const struct cw_id *person, const struct cw_record *records, size_t n,
			   struct cw_date today, struct cw_timeline_summary *out);

#endif
