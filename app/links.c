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
