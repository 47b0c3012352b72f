/* version.h - the merge rule's vocabulary: each record carries a version vector (per
 * database, the time of its latest change there), so an edit made on top of another is told
 * from two edits made concurrently. Pure functions of records: store/merge.c merges bundles with
 * them and store/records.c stamps every write with them. May use: models/. */
#ifndef CW_MODELS_VERSION_H
#define CW_MODELS_VERSION_H

#include <stdint.h>

#include "models/record.h"

enum cw_vv_order {
	CW_VV_EQUAL,      /* the same version */
	CW_VV_BEFORE,     /* a came before b: b includes every change a includes */
	CW_VV_AFTER,      /* a came after b */
	CW_VV_CONCURRENT, /* made on two laptops without seeing each other */
};

/* Compares the version vectors of a and b. A record without a vector (written before sync
 * existed) counts as {edited_in: updated}. */
enum cw_vv_order cw_vv_compare(const struct cw_record *a, const struct cw_record *b);

/* The total order that picks the version shown: <0, 0 or >0 as a is below, the same as or
 * above b (later `updated`, then greater `edited_in`, then greater encoding). */
int cw_version_cmp(const struct cw_record *a, const struct cw_record *b);

/* Version vector helpers: empty it; include every entry of src (entry-wise maximum); set the
 * entry of one database; the latest time in it. Return 0 or CW_ENOMEM. */
void cw_vv_clear(struct cw_record *r);
int cw_vv_merge(struct cw_record *dst, const struct cw_record *src);
int cw_vv_stamp(struct cw_record *r, const struct cw_id *database, int64_t time);
int64_t cw_vv_latest(const struct cw_record *r);

#endif
