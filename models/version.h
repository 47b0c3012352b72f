/* version.h - the merge rule's vocabulary: each record carries a version vector (per
 * database, the time of its latest change there), so an edit made on top of another is told
 * from two edits made concurrently. Pure functions of records: store/merge.c merges bundles with
 * them and store/records.c stamps every write with them.
 *
 * Wall clocks are not trusted. A version supersedes another only by ancestry: its vector
 * dominates the other's, or it names the other in its `set_aside` list. Times decide nothing
 * between versions except which of two concurrent ones is shown (cw_version_cmp), and a version
 * dated more than a day after the reading machine's clock (its `updated` or any entry of its
 * vector: cw_version_in_future) supersedes nothing and is not shown over another. Since a
 * vector entry in the future would make every version built on it look future-dated too, a
 * version made here over a future-dated one does not take its vector: it names it in
 * `set_aside` (by edited_in and updated), which supersedes it wherever the new version goes.
 * May use: models/. */
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

/* The total order that picks the version shown among concurrent ones, the same on every
 * machine: <0, 0 or >0 as a is below, the same as or above b (later `updated`, then greater
 * `edited_in`, then greater encoding). It does not say which version came after which:
 * cw_version_supersedes does. */
int cw_version_cmp(const struct cw_record *a, const struct cw_record *b);

/* How far ahead of this machine's clock a version may be dated (clocks drift, time zones get
 * set wrong) before it counts as dated in the future: a day, in microseconds. */
#define CW_FUTURE_SLACK_US ((int64_t)24 * 3600 * 1000000)

/* The latest time r claims: its `updated` or any entry of its vector. */
int64_t cw_version_dated(const struct cw_record *r);

/* Whether r is dated more than CW_FUTURE_SLACK_US after `now` (cw_now_us() of the machine
 * reading it). Such a version is kept and listed but supersedes nothing and is shown only when
 * no other version of its record is left. */
int cw_version_in_future(const struct cw_record *r, int64_t now);

/* Whether w supersedes v: w's vector dominates v's, or w sets v aside. Says nothing about
 * whether w can be trusted; the caller checks cw_version_in_future(w) first. */
int cw_version_supersedes(const struct cw_record *w, const struct cw_record *v);

/* Names v in r's set_aside list: r supersedes v without taking its vector. 0 or CW_ENOMEM. */
int cw_version_set_aside(struct cw_record *r, const struct cw_record *v);

/* Whether two versions of a record hold the same content: equal but for when, where and by
 * whom the version was made (updated, edited_in, editor), its vector, set_aside list and the
 * local note of the bundle it came in. 1, 0, or CW_ENOMEM (negative). */
int cw_version_same_content(const struct cw_record *a, const struct cw_record *b);

/* Reduces r to what a deletion (a tombstone) carries: its kind and id, when (`updated`), who
 * (`editor`) and where (`edited_in`) it was deleted, and its vector and set_aside list, which
 * order the deletion against edits made elsewhere, and whether it held confidential material
 * (`confidential`, set when the record or any of its fields was), which keeps a plain bundle
 * from naming it. Every other field is freed and emptied: a deleted record's content is kept
 * nowhere and travels nowhere. */
void cw_version_make_tombstone(struct cw_record *r);

/* Version vector helpers: empty it (and the set_aside list); include every entry of src
 * (entry-wise maximum) and every version src sets aside; set the entry of one database; the
 * latest time in it. Return 0 or CW_ENOMEM. */
void cw_vv_clear(struct cw_record *r);
int cw_vv_merge(struct cw_record *dst, const struct cw_record *src);
int cw_vv_stamp(struct cw_record *r, const struct cw_id *database, int64_t time);
int64_t cw_vv_latest(const struct cw_record *r);

#endif
