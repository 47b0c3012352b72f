/* links.c - what a link to another account of an event may name; see links.h. */
#include "config.h"

#include <stdio.h>

#include "app/links.h"

int cw_link_target_check(struct cw_store *st, const struct cw_id *id, const char *field,
			 struct cw_error *err)
{
	struct cw_record rec;
	enum cw_kind kind;
	char hex[CW_ID_HEX_LEN + 1];
	int rc;

	if ((rc = cw_store_get(st, id, &rec, err)) != 0) {
		snprintf(err->field, sizeof err->field, "%s", field);
		return rc;
	}
	kind = rec.kind;
	cw_record_free(&rec);
	if (CW_KIND_IS_EVENT(kind))
		return 0;
	cw_id_hex(id, hex);
	/* A person's or a case's id typed where an account was meant links nothing a timeline or
	 * a report reads: it was saved, and the event stayed counted twice. */
	return cw_error_set(err, CW_EINVAL, field,
			    "%.8s is a %s, not a monitoring record: name a hearing, visit, "
			    "demonstration, milestone or incident",
			    hex, cw_kind_text(kind));
}

int cw_after_check(struct cw_store *st, const struct cw_record *rec, const char *field,
		   struct cw_error *err)
{
	struct cw_id at = rec->after;

	if (cw_id_is_zero(&rec->id) || cw_id_is_zero(&at))
		return 0;
	for (int steps = 0; steps < CW_AFTER_WALK_MAX; steps++) {
		struct cw_record r;
		struct cw_id next;
		char hex[CW_ID_HEX_LEN + 1], named[CW_ID_HEX_LEN + 1];
		int rc;

		if (cw_id_equal(&at, &rec->id))
			return cw_error_set(err, CW_EINVAL, field, "a record cannot name itself");
		if ((rc = cw_store_get(st, &at, &r, err)) == CW_ENOTFOUND)
			return 0; /* deleted, or not synced here yet: the chain ends */
		if (rc != 0) {
			snprintf(err->field, sizeof err->field, "%s", field);
			return rc;
		}
		next = r.after;
		cw_record_free(&r);
		if (cw_id_equal(&next, &rec->id)) {
			/* Each would come after the other: the timeline would place neither, and
			 * nothing said so. */
			cw_id_hex(&at, hex);
			if (cw_id_equal(&at, &rec->after))
				return cw_error_set(
					err, CW_EINVAL, field,
					"%.8s is placed after this record already: it "
					"cannot come after it too (that would be a loop)",
					hex);
			cw_id_hex(&rec->after, named);
			return cw_error_set(
				err, CW_EINVAL, field,
				"%.8s comes after this record already, through %.8s: it "
				"cannot come after it too (that would be a loop)",
				named, hex);
		}
		if (cw_id_is_zero(&next))
			return 0;
		at = next;
	}
	return 0;
}
