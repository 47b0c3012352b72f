/* export.h - lists and timelines as CSV (one row per record, ids to join on) or JSON (records
 * as `show --json` prints them), for other tools. Names come from a cw_report filled by
 * cw_report_add_refs. May use: models/, store/, report/. */
#ifndef CW_REPORT_EXPORT_H
#define CW_REPORT_EXPORT_H

#include <jansson.h>
#include <stdio.h>

#include "report/report.h"

/* A list as CSV: persons, cases, or events (any other kind) with their own columns. Returns 0,
 * CW_ENOMEM (a row could not be made: what is written is not whole) or CW_EIO. */
int cw_export_list_csv(FILE *out, const struct cw_report *r, const struct cw_record_list *l,
		       enum cw_kind kind);
/* A record as `show --json` prints it: the JSON of models/json.h with its header, and the
 * names of the people and cases it names beside their ids (cw_record_json_add_names) as r knows
 * them (cw_report_add_refs; r NULL: ids alone), and a prison visit's detainees_not_met
 * (cw_visit_detainees_not_met), which import skips. NULL when out of memory. */
json_t *cw_export_record_json(const struct cw_report *r, const struct cw_record *rec);
/* A count of days as JSON: the number, or null when it is -1 (none: cw_day_range). */
json_t *cw_export_days_json(long days);

/* A set of accounts (bits 1 << enum cw_view) as their words, in the order of the enum; NULL
 * when out of memory (json_pack then fails). */
json_t *cw_export_views_json(uint32_t views);
/* A list as a JSON array of such records. */
int cw_export_list_json(FILE *out, const struct cw_report *r, const struct cw_record_list *l,
			struct cw_error *err);
/* A person's timeline as JSON: the person, the summary as of `today`, the entries. */
int cw_export_timeline_json(FILE *out, const struct cw_report *r, const struct cw_record *person,
			    const struct cw_id *id, const struct cw_record_list *l,
			    struct cw_date today, struct cw_error *err);

#endif
