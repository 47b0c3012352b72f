/* links.c - what a link to another account of an event, or a placement after one, may name;
 * see links.h. The rules are the timeline's (models/timeline.h), read here from the store. */
#include "config.h"

#include <stdio.h>

#include "app/links.h"

int cw_link_target_check(struct cw_store *st, const struct cw_id *id, const char *field,
			 struct cw_error *err)
{
	struct cw_record rec;
	enum cw_kind kind;
	int rc;

	if ((rc = cw_store_get(st, id, &rec, err)) != 0) {
		snprintf(err->field, sizeof err->field, "%s", field);
		return rc;
	}
	kind = rec.kind;
	cw_record_free(&rec);
	return cw_timeline_ref_kind_check(kind, id, field, err);
}

static int store_get(void *ctx, const struct cw_id *id, struct cw_record *rec, struct cw_error *err)
{
	return cw_store_get(ctx, id, rec, err);
}

int cw_after_check(struct cw_store *st, const struct cw_record *rec, const char *field,
		   struct cw_error *err)
{
	int rc;

	if (cw_id_is_zero(&rec->after))
		return 0;
	if (cw_id_equal(&rec->after, &rec->id))
		return cw_error_set(err, CW_EINVAL, field, "a record cannot name itself");
	if ((rc = cw_link_target_check(st, &rec->after, field, err)) == CW_ENOTFOUND)
		cw_error_clear(err);
	else if (rc != 0)
		return rc;
	return cw_timeline_after_loop_check(rec, store_get, st, field, err);
}
