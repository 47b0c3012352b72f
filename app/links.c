/* links.c - what a link to another account of an event, or a placement after one, may name;
 * see links.h. The rules are the timeline's (models/timeline.h), read here from the store. */
#include "config.h"

#include <stdio.h>

#include "app/links.h"

/* The kind of the record `id`, read from the store; the store's error, its field set to
 * `field`, when it cannot be read. */
static int stored_kind(struct cw_store *st, const struct cw_id *id, const char *field,
		       enum cw_kind *kind, struct cw_error *err)
{
	struct cw_record rec;
	int rc;

	if ((rc = cw_store_get(st, id, &rec, err)) != 0) {
		snprintf(err->field, sizeof err->field, "%s", field);
		return rc;
	}
	*kind = rec.kind;
	cw_record_free(&rec);
	return 0;
}

int cw_link_target_check(struct cw_store *st, enum cw_kind from, const struct cw_id *id,
			 const char *field, struct cw_error *err)
{
	enum cw_kind kind;
	int rc;

	if ((rc = stored_kind(st, id, field, &kind, err)) != 0)
		return rc;
	return cw_timeline_link_kind_check(from, kind, id, field, err);
}

static int store_get(void *ctx, const struct cw_id *id, struct cw_record *rec, struct cw_error *err)
{
	return cw_store_get(ctx, id, rec, err);
}

int cw_after_check(struct cw_store *st, const struct cw_record *rec, const char *field,
		   struct cw_error *err)
{
	enum cw_kind kind;
	int rc;

	if (cw_id_is_zero(&rec->after))
		return 0;
	if (cw_id_equal(&rec->after, &rec->id))
		return cw_error_set(err, CW_EINVAL, field, "a record cannot name itself");
	if ((rc = stored_kind(st, &rec->after, field, &kind, err)) == CW_ENOTFOUND)
		cw_error_clear(err);
	else if (rc != 0 || (rc = cw_timeline_ref_kind_check(kind, &rec->after, field, err)) != 0)
		return rc;
	return cw_timeline_after_loop_check(rec, store_get, st, field, err);
}
