/* detention.c - the pretrial-detention index: the keys hearings and milestones own in the
 * detention table, and the people who may still be detained at the end of a day, found from
 * them without reading a record; see store.h.
 *
 * The table holds three kinds of entry, each owned by one hearing or milestone (it ends with
 * the record's id and kind, and the record's key list names it, like every index entry):
 *   start  1 person(16) case(16) date(4) counted(1) to(4) id(16) kind(1)
 *                                                         an arrest or detention milestone of
 *                                                         a person in a case, with what the
 *                                                         case says a detention still running
 *                                                         is counted to (cw_timeline_running_to:
 *                                                         not at all, a date, the day asked
 *                                                         about, the latest date recorded but
 *                                                         not before `to`, the opening)
 *   held   2 date(4) person(16) case(16) id(16) kind(1)  the same, while the case's entry for
 *                                                         the person says detained
 *   end    3 case(16) person(16) date(4) what(1) id(16) kind(1)
 *                                                         an event of the case that ends the
 *                                                         person's detention; person zero: a
 *                                                         hearing that ends every defendant's
 *                                                         (its record names no person: a
 *                                                         verdict naming no one is then the
 *                                                         case's, and bail the only
 *                                                         defendant's; one that names people
 *                                                         ends theirs under each, bail the one
 *                                                         it names alone: schema 18);
 *                                                         `what` (END_*): 1 when it is a ruling
 *                                                         on them (a verdict, verdict in
 *                                                         absentia or sentence of theirs, a
 *                                                         hearing's verdict): an arrest dated
 *                                                         after it enforces the ruling
 *                                                         and starts no pretrial detention
 *                                                         (schema 11); 2 a bail decision, 3 a
 *                                                         release, which may end the stretch
 *                                                         in its place (models/timeline.h;
 *                                                         schema 16); 0 any other end
 *   ended  4 date(4) case(16) person(16) id(16) kind(1)  the same by date, with a hearing that
 *                                                         ends everyone's under each named
 *                                                         defendant: who was released after a
 *                                                         day, found without a scan of all
 *   gheld  5 date(4) case(16) id(16) kind(1)              an arrest or detention of a group of
 *                                                         the case's unnamed defendants while
 *                                                         the case's entry for the group says
 *                                                         detained (schema 8)
 *   gstart 6 case(16) date(4) id(16) kind(1)              every such arrest or detention
 *   gended 7 date(4) case(16) id(16) kind(1)              an event of the case that may end a
 *                                                         group's detention: a group's milestone
 *                                                         that ends it, a hearing that rules
 *                                                         on a group (by name, or by a verdict
 *                                                         naming no one that is for it)
 *   cheld  8 date(4) person(16) case(16) id(16) kind(1)   owned by a case: a named defendant its
 *                                                         entry says is held before a verdict
 *                                                         (cw_timeline_entry_held_pretrial),
 *                                                         dated as that entry is known
 *                                                         (cw_timeline_entry_known; 0: no date):
 *                                                         found with no start of theirs in the
 *                                                         case, they are held with no arrest or
 *                                                         detention logged (schema 10)
 *   gcheld 9 date(4) case(16) id(16) kind(1)              the same for a labelled group of the
 *                                                         case's unnamed defendants
 * Only dated events count (the summary starts and ends nothing at an unknown date), and only
 * while the event's case exists: what its entries say depends on the case (who is held, how
 * many defendants it has), and when the case changes or goes, keys.c indexes its hearings and
 * milestones again in the same transaction (cw_store_reindex_records). Dates, ids and kinds
 * only: nothing in these keys is sealed or needs to be.
 *
 * Why the candidates are right: cw_timeline_summarise reads a person's detention in a case
 * stretch by stretch (models/timeline.h): from a start to the first end dated from it on, then
 * from the first start dated after that end (an end dated only to the month or the year that
 * holds a start may end that stretch too; the index leaves it out, which keeps a candidate the
 * summary then finds released, never the reverse); the last stretch, with no end, runs while the
 * case's (last) entry for them says detained. So they are still detained at `to` in the case,
 * in the records dated up to `to`, exactly when (a) the case's entry says detained and (b) some
 * start of theirs in the case at a date key <= key(to) (a date's first day is on or before
 * `to` exactly when its key is) has (c) no milestone of theirs in the case nor hearing of the
 * case that ends it (models/timeline.h) dated from it to `to`: such a start is in the last
 * stretch, whose own start then has no end either; or when (a') the first end of their last
 * start up to `to` is dated after `to` (the stretch ran on `to`, whatever the case says now)
 * and (c) holds. Each start of (a) has a held entry, and each end of (a') an ended entry dated
 * after `to`, under the person (a hearing's for everyone, under each defendant the case names;
 * one it does not name has no start); (c) means no end entry of (case, person) nor of (case,
 * everyone) lies in [start, to]:
 * each end entry is one such event, and each such event in the person's records has one (their
 * milestones name them; a hearing of the case that ends theirs either names them, in its
 * attendance, verdicts or sentence, or names no person and ends everyone's:
 * models/record.h, cw_hearing_concerns, and for its bail cw_hearing_bail_for). A bail decision,
 * which a release may replace (models/timeline.h), is not taken for an end in (c): the
 * stretch's true end is the decision or the release that replaces it, and that release is the
 * first end after the decision that is no bail decision, so the first end from the start that
 * is none comes no earlier than the true end; leaving decisions out keeps every person held
 * (and some the summary then finds released). The summary
 * counts each day of every stretch of every case once; a stretch still running counts to `to`
 * when it ended after `to`, else nothing when the case does not hold the person, else to the
 * day the case's start entries give, or
 * the day asked about, or the latest date the case's records give (no later than the latest
 * entry of the case in by_case, every record of the case, dated up to `to`, nor than its
 * opening), or to the day of a later prison visit that met the person (never later than the
 * latest entry of the person in by_person up to `to`, which the bound takes for it), never
 * past `to`. The bound adds, over every case with a start, the days from its
 * first start's first day to the last day of the first end of its last start up to `to` that
 * is no bail decision (or, with none and a bail decision or any end after `to`, `to`; with
 * no end at all, the day that stretch runs to; of that start itself when it does not run), capped
 * at `to`, or nothing when that is negative: at least the stretches' days, which lie in that
 * span; partial dates make the summary's figure unknown (nothing), never more.
 *
 * Groups of unnamed defendants (cw_timeline_summarise_group) are few, and the report reads
 * the records of each case that may hold one: a group is held at `to` in its case only after
 * a start of its own dated up to `to`, and then either its last stretch has no end up to `to`
 * and the case's entry for it says detained (that start has a gheld entry dated up to `to`),
 * or the stretch ended after `to` (by a group's milestone or a hearing of the case that ends
 * it, each of which has a gended entry dated after `to`, and the start a gstart entry). So
 * the cases with a gheld entry up to `to`, and those with a gended entry after it and a
 * gstart up to it, hold every group held. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "models/timeline.h"
#include "store/store_internal.h"

enum {
	DET_START = 1,
	DET_HELD = 2,
	DET_END = 3,
	DET_ENDED = 4,
	DET_GHELD = 5,
	DET_GSTART = 6,
	DET_GENDED = 7,
	DET_CHELD = 8,
	DET_GCHELD = 9
};

/* An end entry holds a byte more than the others of DETENTION_KEY_LEN: what it is. */
#define END_KEY_LEN   (DETENTION_KEY_LEN + 1)
#define END_WHAT(key) ((const uint8_t *)(key))[1 + PAIR_LEN + DATE_LEN]

enum { END_PLAIN = 0, END_RULING = 1, END_BAIL = 2, END_RELEASE = 3 };

/* What an end is, for its entry: a ruling, a bail decision, a release, or another end. */
static uint8_t end_what(const struct cw_record *rec)
{
	if (rec->kind == CW_KIND_HEARING && cw_timeline_hearing_rules(&rec->u.hearing))
		return END_RULING;
	if (rec->kind == CW_KIND_MILESTONE && cw_timeline_milestone_rules(&rec->u.milestone))
		return END_RULING;
	if (cw_timeline_decides_bail(rec))
		return END_BAIL;
	if (rec->kind == CW_KIND_MILESTONE && rec->u.milestone.type == CW_MS_RELEASE)
		return END_RELEASE;
	return END_PLAIN;
}

#define GROUP_KEY_LEN (1 + DATE_LEN + ID_LEN + ID_LEN + KIND_LEN)

/* A group entry: its type, the date and the case (the case first for gstart), the owner. */
static void emit_group(cw_key_emit_fn emit, void *ctx, uint8_t type, uint32_t date,
		       const struct cw_id *kase, const struct cw_record *owner)
{
	uint8_t key[GROUP_KEY_LEN];
	int case_first = type == DET_GSTART;

	key[0] = type;
	put_be32(key + 1 + (case_first ? ID_LEN : 0), date);
	memcpy(key + 1 + (case_first ? 0 : DATE_LEN), kase->b, ID_LEN);
	memcpy(key + 1 + DATE_LEN + ID_LEN, owner->id.b, ID_LEN);
	key[1 + DATE_LEN + ID_LEN + ID_LEN] = owner->kind;
	emit(ctx, key, sizeof key);
}

/* Whether a hearing may end a group's detention: one its record does not name (a verdict that
 * names no one, where it names no group), or one its verdicts or sentence name
 * (cw_timeline_hearing_ends_group_detention). */
static int hearing_ends_a_group(const struct cw_hearing *h, const struct cw_record *kase)
{
	if (cw_timeline_hearing_ends_group_detention(h, kase, NULL))
		return 1;
	for (size_t i = 0; i < h->verdicts.n; i++) {
		const struct cw_verdict *v = (const struct cw_verdict *)h->verdicts.items + i;

		if (v->group && *v->group &&
		    cw_timeline_hearing_ends_group_detention(h, kase, v->group))
			return 1;
	}
	for (size_t i = 0; i < h->sentence_parts.n; i++) {
		const struct cw_sentence_part *p =
			(const struct cw_sentence_part *)h->sentence_parts.items + i;

		if (p->group && *p->group &&
		    cw_timeline_hearing_ends_group_detention(h, kase, p->group))
			return 1;
	}
	return 0;
}

#define PAIR_LEN (ID_LEN + ID_LEN)

/* ---- keys --------------------------------------------------------------------------------- */

/* type, the two ids and the date in the type's order, a start's counting (`counted`, `to`) or
 * what an end is (`counted`: END_*), then the owner's id and kind. */
static void emit_entry(cw_key_emit_fn emit, void *ctx, uint8_t type, const struct cw_id *a,
		       const struct cw_id *b, uint32_t date, uint8_t counted, uint32_t to,
		       const struct cw_record *owner)
{
	uint8_t key[DETENTION_KEY_MAX], *p = key + 1;

	key[0] = type;
	if (type == DET_HELD || type == DET_ENDED) {
		put_be32(p, date);
		p += DATE_LEN;
	}
	memcpy(p, a->b, ID_LEN);
	memcpy(p + ID_LEN, b->b, ID_LEN);
	p += PAIR_LEN;
	if (type != DET_HELD && type != DET_ENDED) {
		put_be32(p, date);
		p += DATE_LEN;
	}
	if (type == DET_START) {
		*p++ = counted;
		put_be32(p, to);
		p += DATE_LEN;
	} else if (type == DET_END) {
		*p++ = counted;
	}
	memcpy(p, owner->id.b, ID_LEN);
	p[ID_LEN] = owner->kind;
	emit(ctx, key, (size_t)(p + ID_LEN + KIND_LEN - key));
}

/* A case's own entries: each defendant its entry says is detained (cheld, gcheld). */
static void case_keys(const struct cw_record *kase, cw_key_emit_fn emit, void *ctx)
{
	const struct cw_case *k = &kase->u.kase;

	for (size_t i = 0; i < k->defendants.n; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)k->defendants.items + i;
		struct cw_date known = cw_timeline_entry_known(kase, d);
		uint32_t date = cw_date_is_known(known) ? cw_date_key(known) : 0;

		if (!cw_timeline_entry_held_pretrial(kase, d))
			continue;
		if (!cw_id_is_zero(&d->person)) {
			uint8_t key[DETENTION_KEY_LEN], *p = key;

			*p++ = DET_CHELD;
			put_be32(p, date);
			p += DATE_LEN;
			memcpy(p, d->person.b, ID_LEN);
			memcpy(p + ID_LEN, kase->id.b, ID_LEN);
			p += PAIR_LEN;
			memcpy(p, kase->id.b, ID_LEN);
			p[ID_LEN] = kase->kind;
			emit(ctx, key, sizeof key);
		} else if (d->label && *d->label) {
			emit_group(emit, ctx, DET_GCHELD, date, &kase->id, kase);
		}
	}
}

/* The end and ended entries of a hearing for a person its record names, when it ends their
 * detention. */
static void hearing_person_end(const struct cw_id *p, const struct cw_record *rec,
			       const struct cw_record *kase, cw_key_emit_fn emit, void *ctx)
{
	const struct cw_hearing *h = &rec->u.hearing;
	uint32_t date = cw_date_key(h->date);

	if (cw_id_is_zero(p) || !cw_timeline_hearing_ends_detention(h, kase, p))
		return;
	emit_entry(emit, ctx, DET_END, &h->case_id, p, date, end_what(rec), 0, rec);
	emit_entry(emit, ctx, DET_ENDED, &h->case_id, p, date, 0, 0, rec);
}

void cw_store_detention_keys(const struct cw_record *rec, const struct cw_record *kase,
			     cw_key_emit_fn emit, void *ctx)
{
	static const struct cw_id everyone;

	if (!kase || kase->kind != CW_KIND_CASE)
		return;
	if (rec == kase) {
		case_keys(kase, emit, ctx);
		return;
	}
	if (rec->kind == CW_KIND_MILESTONE) {
		const struct cw_milestone *m = &rec->u.milestone;
		uint32_t date = cw_date_key(m->date);

		if (!cw_date_is_known(m->date) || !cw_id_equal(&m->case_id, &kase->id))
			return;
		/* A group's milestone names no person: it starts and ends nobody's. Its arrest or
		 * detention names the case, where the report reads the group's records (groups are
		 * few: everything else about them is read from the records). */
		if (cw_id_is_zero(&m->person)) {
			const struct cw_defendant *d;

			if (!m->group || !*m->group)
				return;
			if (cw_timeline_starts_detention(m)) {
				emit_group(emit, ctx, DET_GSTART, date, &m->case_id, rec);
				if ((d = cw_timeline_group_defendant(kase, m->group)) &&
				    d->custody == CW_CUSTODY_DETAINED)
					emit_group(emit, ctx, DET_GHELD, date, &m->case_id, rec);
			}
			if (cw_timeline_milestone_ends_detention(m))
				emit_group(emit, ctx, DET_GENDED, date, &m->case_id, rec);
			return;
		}
		if (cw_timeline_starts_detention(m)) {
			struct cw_date to = {0, 0, 0};
			uint8_t counted = (uint8_t)cw_timeline_running_to(kase, &m->person, &to);

			emit_entry(emit, ctx, DET_START, &m->person, &m->case_id, date, counted,
				   cw_date_is_known(to) ? cw_date_key(to) : 0, rec);
			if (counted != CW_PRETRIAL_TO_NONE)
				emit_entry(emit, ctx, DET_HELD, &m->person, &m->case_id, date, 0, 0,
					   rec);
		}
		if (cw_timeline_milestone_ends_detention(m)) {
			emit_entry(emit, ctx, DET_END, &m->case_id, &m->person, date, end_what(rec),
				   0, rec);
			emit_entry(emit, ctx, DET_ENDED, &m->case_id, &m->person, date, 0, 0, rec);
		}
	} else if (rec->kind == CW_KIND_HEARING) {
		const struct cw_hearing *h = &rec->u.hearing;
		uint32_t date = cw_date_key(h->date);

		if (!cw_date_is_known(h->date) || !cw_id_equal(&h->case_id, &kase->id))
			return;
		if (hearing_ends_a_group(h, kase))
			emit_group(emit, ctx, DET_GENDED, date, &h->case_id, rec);
		/* Ending it for the zero id is ending it for every defendant, named or not. */
		if (cw_timeline_hearing_ends_detention(h, kase, &everyone)) {
			const struct cw_defendant *d = kase->u.kase.defendants.items;

			emit_entry(emit, ctx, DET_END, &h->case_id, &everyone, date, end_what(rec),
				   0, rec);
			for (size_t i = 0; i < kase->u.kase.defendants.n; i++)
				if (!cw_id_is_zero(&d[i].person))
					emit_entry(emit, ctx, DET_ENDED, &h->case_id, &d[i].person,
						   date, 0, 0, rec);
			return;
		}
		/* Otherwise only people its record names: those its verdicts name, and those a
		 * verdict that names no one is for, its attendance's and its sentence's
		 * (models/record.h, cw_hearing_concerns; keys.c writes a key once). */
		for (size_t i = 0; i < h->verdicts.n; i++)
			hearing_person_end(
				&((const struct cw_verdict *)h->verdicts.items)[i].person, rec,
				kase, emit, ctx);
		for (size_t i = 0; i < h->attendance.n; i++)
			hearing_person_end(
				&((const struct cw_attendance *)h->attendance.items)[i].person, rec,
				kase, emit, ctx);
		for (size_t i = 0; i < h->sentence_parts.n; i++)
			hearing_person_end(
				&((const struct cw_sentence_part *)h->sentence_parts.items)[i]
					 .person,
				rec, kase, emit, ctx);
	}
}

/* ---- sets of ids -------------------------------------------------------------------------- */

/* Open addressing over keys of `len` bytes (a person, or a person and a case), placed by the
 * hash of their first id (cw_id_hash: ids made here begin with a sequence number, so their first
 * bytes alone would crowd together). The zero key is never stored: no record has it. */
struct idtable {
	uint8_t *slots;
	size_t cap, n, len;
};

static size_t slot_of(const struct idtable *s, const uint8_t *key)
{
	struct cw_id id;

	memcpy(id.b, key, ID_LEN);
	return (size_t)cw_id_hash(&id) & (s->cap - 1);
}

static int is_zero(const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i])
			return 0;
	return 1;
}

/* 1 when key was added, 0 when it was there, CW_ENOMEM. */
static int idtable_put(struct idtable *s, const uint8_t *key)
{
	size_t i;

	if (2 * (s->n + 1) > s->cap) {
		struct idtable bigger = {NULL, s->cap ? s->cap * 2 : 256, 0, s->len};

		if (!(bigger.slots = calloc(bigger.cap, bigger.len)))
			return CW_ENOMEM;
		for (size_t k = 0; k < s->cap; k++)
			if (!is_zero(s->slots + k * s->len, s->len))
				idtable_put(&bigger, s->slots + k * s->len);
		free(s->slots);
		*s = bigger;
	}
	for (i = slot_of(s, key); !is_zero(s->slots + i * s->len, s->len);
	     i = (i + 1) & (s->cap - 1))
		if (memcmp(s->slots + i * s->len, key, s->len) == 0)
			return 0;
	memcpy(s->slots + i * s->len, key, s->len);
	s->n++;
	return 1;
}

/* ---- the candidates ----------------------------------------------------------------------- */

/* What a reader of the index sees (store.h: cw_detention_sight): with `shown`, no confidential
 * record; with `views`, only records of those accounts (cases aside). */
struct news_reader {
	struct cw_store *st;
	MDB_txn *txn;
	struct cw_detention_sight sight;
};

/* The record `id` an index entry names, into *rec: 1, or 0 when it cannot be read (an index
 * ahead of its records is a bug verify reports, not a reason to fail a report). */
static int owner_record(const struct news_reader *nr, const uint8_t *id, struct cw_record *rec)
{
	struct cw_id rid;

	memcpy(rid.b, id, ID_LEN);
	return cw_store_read_record(nr->st, nr->txn, &rid, rec, NULL) == 0;
}

/* Whether the record `id` is out of the reader's sight: confidential for a reader that leaves
 * such records out (only_accounts 0), or of an account the reader leaves out; 0 when it cannot
 * be read (owner_record). Reads the record only when the reader leaves something out. */
static int out_of_sight(const struct news_reader *nr, const uint8_t *id, int only_accounts)
{
	int shown = nr->sight.shown && !only_accounts;
	struct cw_record rec;
	int yes;

	if (!shown && !nr->sight.views)
		return 0;
	if (!owner_record(nr, id, &rec))
		return 0;
	yes = (shown && rec.confidential) ||
	      (nr->sight.views && !(nr->sight.views & cw_view_bit(rec.view)));
	cw_record_free(&rec);
	return yes;
}

/* Whether the end entry k is of an account the reader leaves out: a report of some accounts
 * takes no end from another. A confidential end still ends a detention here, for every
 * reader, which leaves such a person out of a report for others (a limit the README states):
 * telling it would read every end's record. */
static int end_out_of_sight(const struct news_reader *nr, const MDB_val *k)
{
	return nr->sight.views &&
	       out_of_sight(nr, (const uint8_t *)k->mv_data + k->mv_size - ID_LEN - KIND_LEN, 1);
}

/* The earliest end of (case, person) dated in [from, to] (date keys) that the reader sees
 * (end_out_of_sight), 0 when none; with no_bail, a bail decision is not taken for one (a
 * release after it may end the stretch in its place: models/timeline.h), which keeps a
 * candidate the summary may find released. */
static int first_end(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *kase,
		     const uint8_t *person, uint32_t from, uint32_t to, int no_bail, uint32_t *end)
{
	uint8_t start[1 + PAIR_LEN + DATE_LEN];
	MDB_val k = {sizeof start, start}, v;
	int rc, op;

	*end = 0;
	start[0] = DET_END;
	memcpy(start + 1, kase, ID_LEN);
	memcpy(start + 1 + ID_LEN, person, ID_LEN);
	put_be32(start + 1 + PAIR_LEN, from);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		uint32_t date;

		if (k.mv_size != END_KEY_LEN || memcmp(k.mv_data, start, 1 + PAIR_LEN) != 0 ||
		    (date = get_be32((uint8_t *)k.mv_data + 1 + PAIR_LEN)) > to)
			return 0;
		if ((no_bail && END_WHAT(k.mv_data) == END_BAIL) || end_out_of_sight(nr, &k))
			continue;
		*end = date;
		return 0;
	}
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* The earliest end for a person in a case, theirs or everyone's, in [from, to]; 0: none. */
static int first_end_of(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *kase,
			const uint8_t *person, uint32_t from, uint32_t to, int no_bail,
			uint32_t *end)
{
	static const uint8_t everyone[ID_LEN];
	uint32_t a, b;
	int rc;

	if ((rc = first_end(nr, cur, kase, person, from, to, no_bail, &a)) != 0 ||
	    (rc = first_end(nr, cur, kase, everyone, from, to, no_bail, &b)) != 0)
		return rc;
	*end = a && (!b || a < b) ? a : b;
	return 0;
}

/* Whether an end's date key is a month or a year that runs past `to` (its first day is on or
 * before it: a key up to `to`'s is). */
static int partial_past(uint32_t end, uint32_t to)
{
	struct cw_date e = cw_date_from_key(end);

	return cw_date_precision(e) != CW_DATE_DAY &&
	       cw_date_compare(cw_date_last_day(e), cw_date_from_key(to)) > 0;
}

/* Whether (case, person) has an end the reader sees dated to a day in [from, to], a bail
 * decision aside. */
static int day_end_in(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *kase,
		      const uint8_t *person, uint32_t from, uint32_t to, int *found)
{
	uint8_t start[1 + PAIR_LEN + DATE_LEN];
	MDB_val k = {sizeof start, start}, v;
	int rc, op;

	*found = 0;
	start[0] = DET_END;
	memcpy(start + 1, kase, ID_LEN);
	memcpy(start + 1 + ID_LEN, person, ID_LEN);
	put_be32(start + 1 + PAIR_LEN, from);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		uint32_t date;

		if (k.mv_size != END_KEY_LEN || memcmp(k.mv_data, start, 1 + PAIR_LEN) != 0 ||
		    (date = get_be32((uint8_t *)k.mv_data + 1 + PAIR_LEN)) > to)
			return 0;
		if (END_WHAT(k.mv_data) != END_BAIL &&
		    cw_date_precision(cw_date_from_key(date)) == CW_DATE_DAY &&
		    !end_out_of_sight(nr, &k)) {
			*found = 1;
			return 0;
		}
	}
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* The end that stops a person's stretch from `from` by `to` (first_end_of), 0 when none does:
 * an end dated only to a month or a year that runs past `to`, with no end of theirs or
 * everyone's dated to a day from `from` to `to`, may come after `to` (models/timeline.h), and
 * the stretch may still run. */
static int end_by(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *kase,
		  const uint8_t *person, uint32_t from, uint32_t to, uint32_t *end)
{
	static const uint8_t everyone[ID_LEN];
	int rc, a = 0, b = 0;

	if ((rc = first_end_of(nr, cur, kase, person, from, to, 1, end)) != 0 || !*end ||
	    !partial_past(*end, to))
		return rc;
	if ((rc = day_end_in(nr, cur, kase, person, from, to, &a)) != 0 ||
	    (rc = day_end_in(nr, cur, kase, everyone, from, to, &b)) != 0)
		return rc;
	if (!a && !b)
		*end = 0;
	return 0;
}

static long day_number(uint32_t key, int last)
{
	struct cw_date d = cw_date_from_key(key);

	return cw_date_to_days(last ? cw_date_last_day(d) : cw_date_first_day(d));
}

/* The date key of the last entry under `prefix` (plen bytes, then a date key) dated up to `to`,
 * among keys of key_len bytes; 0 when none: seeks just past `to` and steps back. */
static int last_dated(MDB_cursor *cur, const uint8_t *prefix, size_t plen, size_t key_len,
		      uint32_t to, uint32_t *date)
{
	uint8_t seek[1 + PAIR_LEN + DATE_LEN];
	MDB_val k = {plen + DATE_LEN, seek}, v;
	int rc;

	*date = 0;
	memcpy(seek, prefix, plen);
	put_be32(seek + plen, to + 1);
	rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
	rc = rc == MDB_NOTFOUND ? mdb_cursor_get(cur, &k, &v, MDB_LAST)
	     : rc == 0          ? mdb_cursor_get(cur, &k, &v, MDB_PREV)
				: rc;
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc != 0)
		return rc;
	if (k.mv_size == key_len && memcmp(k.mv_data, prefix, plen) == 0 &&
	    get_be32((uint8_t *)k.mv_data + plen) <= to)
		*date = get_be32((uint8_t *)k.mv_data + plen);
	return 0;
}

/* The latest date key of a record of the case (by_case) up to `to`; 0 when none. */
static int latest_of_case(MDB_cursor *cur, const uint8_t *kase, uint32_t to, uint32_t *latest)
{
	return last_dated(cur, kase, ID_LEN, ID_LEN + TAIL_LEN, to, latest);
}

/* Whether a record of the case dated after `after` and up to `to` gives the count of a detention
 * there a length (models/timeline.c, latest_recorded): a hearing of the case, or a milestone of
 * the person in it. by_case's keys end with the record's kind; a milestone of the case is the
 * person's when by_person holds the same date, id and kind under them. Walks back from `to`, no
 * further than `after`. */
/* Whether a record the reader sees of the case dated after `after` and up to `to` gives the
 * count of a detention there a length (models/timeline.c, latest_recorded): a hearing of the
 * case, or a milestone of the person in it. by_case's keys end with the record's kind; a
 * milestone of the case is the person's when by_person holds the same date, id and kind under
 * them. Walks back from `to`, no further than `after`. */
static int news_between(const struct news_reader *nr, MDB_cursor *cur, MDB_cursor *people,
			const uint8_t *kase, const uint8_t *person, uint32_t after, uint32_t to,
			int *found)
{
	uint8_t seek[ID_LEN + DATE_LEN], mine[ID_LEN + TAIL_LEN];
	MDB_val k = {sizeof seek, seek}, v;
	int rc, op;

	*found = 0;
	memcpy(seek, kase, ID_LEN);
	put_be32(seek + ID_LEN, to + 1);
	rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
	op = rc == MDB_NOTFOUND ? MDB_LAST : MDB_PREV;
	if (rc != 0 && rc != MDB_NOTFOUND)
		return rc;
	while ((rc = mdb_cursor_get(cur, &k, &v, op)) == 0) {
		const uint8_t *key = k.mv_data;
		uint8_t kind;

		op = MDB_PREV;
		if (k.mv_size != ID_LEN + TAIL_LEN || memcmp(key, kase, ID_LEN) != 0 ||
		    get_be32(key + ID_LEN) <= after)
			return 0;
		if (get_be32(key + ID_LEN) > to)
			continue;
		if ((kind = key[ID_LEN + TAIL_LEN - 1]) == CW_KIND_MILESTONE) {
			MDB_val pk = {sizeof mine, mine}, pv;

			memcpy(mine, person, ID_LEN);
			memcpy(mine + ID_LEN, key + ID_LEN, TAIL_LEN);
			if ((rc = mdb_cursor_get(people, &pk, &pv, MDB_SET)) == MDB_NOTFOUND)
				continue;
			if (rc != 0)
				return rc;
		} else if (kind != CW_KIND_HEARING) {
			continue;
		}
		if (!out_of_sight(nr, key + ID_LEN + DATE_LEN, 0)) {
			*found = 1;
			return 0;
		}
	}
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* Whether the ruling `id` sets the person free (cw_timeline_ruling_acquits), read only for a
 * ruling of a start's own day, where it decides; 0 when it cannot be read. */
static int ruling_sets_free(const struct news_reader *nr, const uint8_t *id, const uint8_t *person)
{
	struct cw_record rec;
	struct cw_id pid;
	int yes;

	if (!owner_record(nr, id, &rec))
		return 0;
	memcpy(pid.b, person, ID_LEN);
	yes = cw_timeline_ruling_acquits(&rec, &pid);
	cw_record_free(&rec);
	return yes;
}

/* Whether a ruling on the person in the case, theirs or everyone's (end entries that rule),
 * comes before the start dated `start` (cw_timeline_ruling_precedes): the start then enforces
 * the ruling and begins no pretrial detention (models/timeline.h). A ruling the reader does not see
 * (confidential, or of an account left out) voids nothing, as the summary over what it sees would
 * not. */
static int ruled_before(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *kase,
			const uint8_t *person, uint32_t start, int *voided)
{
	static const uint8_t everyone[ID_LEN];
	const uint8_t *whom[2] = {person, everyone};

	*voided = 0;
	for (int w = 0; w < 2; w++) {
		uint8_t seek[1 + PAIR_LEN];
		MDB_val k = {sizeof seek, seek}, v;
		int rc, op;

		seek[0] = DET_END;
		memcpy(seek + 1, kase, ID_LEN);
		memcpy(seek + 1 + ID_LEN, whom[w], ID_LEN);
		/* A ruling whose date key is after the start's does not come before it. */
		for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0;
		     op = MDB_NEXT) {
			const uint8_t *key = k.mv_data, *owner;
			uint32_t date;

			if (k.mv_size != END_KEY_LEN || memcmp(key, seek, sizeof seek) != 0 ||
			    (date = get_be32(key + 1 + PAIR_LEN)) > start)
				break;
			owner = key + END_KEY_LEN - ID_LEN - KIND_LEN;
			if (END_WHAT(key) != END_RULING ||
			    !cw_timeline_ruling_precedes(
				    cw_date_from_key(date),
				    date == start && ruling_sets_free(nr, owner, person),
				    cw_date_from_key(start)) ||
			    out_of_sight(nr, owner, 0))
				continue;
			*voided = 1;
			return 0;
		}
		if (rc != 0 && rc != MDB_NOTFOUND)
			return rc;
	}
	return 0;
}

/* The days one case's starts may count up to `to` (case_bound below): from the first start to
 * the end of the stretch the last start up to `to` is in, to `to` when that end is after it,
 * or while it runs to the day the start entry's counting gives (nothing when the case does
 * not hold the person). */
static int case_bound(const struct news_reader *nr, MDB_cursor *ends, MDB_cursor *cases,
		      MDB_cursor *people, const uint8_t *person, const uint8_t *kase,
		      uint32_t first, uint32_t last, const uint8_t *counting, uint32_t to,
		      uint32_t person_latest, int person_after, long *days, int *maybe_unknown)
{
	uint32_t end, until_key = to;
	long from, until, to_day = day_number(to, 0);
	int rc;

	*days = 0;
	/* A bail decision may give way to a release after it (models/timeline.h), which is
	 * no later than the first end after it that is no bail decision. */
	if ((rc = first_end_of(nr, ends, kase, person, last, to, 1, &end)) != 0)
		return rc;
	if (end) {
		until_key = end;
	} else if ((rc = first_end_of(nr, ends, kase, person, last, UINT32_MAX, 0, &end)) != 0) {
		return rc;
	} else if (end) {
		/* It ended after `to`, or at a bail decision up to `to` that a release may
		 * follow: it ran up to `to` at most. */
		until_key = to;
	} else {
		switch (counting[0]) {
		case CW_PRETRIAL_TO_TODAY:
			break;
		case CW_PRETRIAL_TO_AS_OF:
		case CW_PRETRIAL_TO_SOURCE:
			until_key = get_be32(counting + 1);
			break;
		case CW_PRETRIAL_TO_LATEST:
			/* The latest of the case's records up to `to` (the start is one), or its
			 * opening. */
			if ((rc = latest_of_case(cases, kase, to, &until_key)) != 0)
				return rc;
			if (get_be32(counting + 1) > until_key)
				until_key = get_be32(counting + 1);
			break;
		default: /* not held, and nothing ended the last stretch: it counts nothing */
			if (first == last)
				return 0;
			/* The stretches before it ended before it began. */
			until_key = last;
			break;
		}
		/* A prison visit that met the person later counts in place of a date (models/
		 * timeline.h): no later than the latest record naming them. */
		if ((counting[0] == CW_PRETRIAL_TO_AS_OF || counting[0] == CW_PRETRIAL_TO_SOURCE ||
		     counting[0] == CW_PRETRIAL_TO_LATEST) &&
		    person_latest > until_key)
			until_key = person_latest;
		/* A visit after `to` that met them has them held on `to` itself: any record
		 * naming them dated after it allows that. */
		if ((counting[0] == CW_PRETRIAL_TO_AS_OF || counting[0] == CW_PRETRIAL_TO_SOURCE ||
		     counting[0] == CW_PRETRIAL_TO_LATEST) &&
		    person_after)
			until_key = to;
		/* Counted to the latest record of the case: no length when no hearing of the
		 * case, nor milestone of theirs in it, nor visit that met them, is dated after
		 * the start (models/timeline.c). Whether a visit met them takes the visit
		 * itself: with neither of the others, the caller reads their records. */
		if (counting[0] == CW_PRETRIAL_TO_LATEST) {
			int news = 0;

			if ((rc = news_between(nr, cases, people, kase, person, last, to, &news)) !=
			    0)
				return rc;
			if (!news)
				*maybe_unknown = 1;
		}
	}
	from = day_number(first, 0);
	until = until_key && until_key <= to ? day_number(until_key, 1) : to_day;
	if (until > to_day)
		until = to_day;
	if (until > from)
		*days = until - from;
	return 0;
}

/* At least the days the summary counts for a person up to `to`: over each case with a start
 * up to then, what case_bound gives (the summary counts a day of two cases once, and a case's
 * days between its stretches not at all), never below 0. */
static int person_bound(const struct news_reader *nr, MDB_cursor *cur, MDB_cursor *ends,
			MDB_cursor *cases, MDB_cursor *people, const uint8_t *person, uint32_t to,
			long *bound, int *maybe_unknown)
{
	uint8_t prefix[1 + ID_LEN], kase[ID_LEN], counting[1 + DATE_LEN];
	MDB_val k = {sizeof prefix, prefix}, v;
	uint32_t first = 0, last = 0, latest, latest_all;
	int rc, op, have_case = 0, after;
	long days;

	*bound = 0;
	/* The latest record naming them up to `to` (by_person): a visit among them; and
	 * whether one is dated after it (the latest of all is). */
	if ((rc = last_dated(people, person, ID_LEN, ID_LEN + TAIL_LEN, to, &latest)) != 0 ||
	    (rc = last_dated(people, person, ID_LEN, ID_LEN + TAIL_LEN, UINT32_MAX - 1,
			     &latest_all)) != 0)
		return rc;
	after = latest_all > to;
	prefix[0] = DET_START;
	memcpy(prefix + 1, person, ID_LEN);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		const uint8_t *key = k.mv_data;
		uint32_t start;

		if (k.mv_size != DETENTION_KEY_MAX || memcmp(key, prefix, sizeof prefix) != 0)
			break;
		/* A case's starts are in date order: its first up to `to`, then its last. */
		if ((start = get_be32(key + 1 + PAIR_LEN)) > to)
			continue;
		if (have_case && memcmp(key + 1 + ID_LEN, kase, ID_LEN) != 0) {
			if ((rc = case_bound(nr, ends, cases, people, person, kase, first, last,
					     counting, to, latest, after, &days, maybe_unknown)) !=
			    0)
				return rc;
			*bound += days;
			have_case = 0;
		}
		if (!have_case) {
			memcpy(kase, key + 1 + ID_LEN, ID_LEN);
			first = start;
			have_case = 1;
		}
		last = start;
		memcpy(counting, key + 1 + PAIR_LEN + DATE_LEN, sizeof counting);
	}
	if (rc != 0 && rc != MDB_NOTFOUND)
		return rc;
	if (have_case) {
		if ((rc = case_bound(nr, ends, cases, people, person, kase, first, last, counting,
				     to, latest, after, &days, maybe_unknown)) != 0)
			return rc;
		*bound += days;
	}
	return 0;
}

static int by_person(const void *pa, const void *pb)
{
	const struct cw_detention_candidate *a = pa, *b = pb;

	return memcmp(a->person.b, b->person.b, ID_LEN);
}

static int candidate_order(const void *pa, const void *pb)
{
	const struct cw_detention_candidate *a = pa, *b = pb;

	if (a->bound != b->bound)
		return a->bound > b->bound ? -1 : 1;
	return memcmp(a->person.b, b->person.b, ID_LEN);
}

/* The people found so far, each once. */
struct candidates {
	struct idtable people;
	struct cw_detention_candidate *v;
	size_t n, cap;
};

/* 0 or CW_ENOMEM. */
static int candidate_add(struct candidates *c, const uint8_t *person)
{
	int added = idtable_put(&c->people, person);

	if (added <= 0)
		return added;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct cw_detention_candidate *grown = realloc(c->v, cap * sizeof *grown);

		if (!grown)
			return CW_ENOMEM;
		c->v = grown;
		c->cap = cap;
	}
	memcpy(c->v[c->n].person.b, person, ID_LEN);
	c->v[c->n].maybe_unknown = 0;
	c->v[c->n++].bound = 0;
	return 0;
}

/* The date key of the person's last start in the case up to `to`; 0 when none. */
static int last_start(MDB_cursor *cur, const uint8_t *person, const uint8_t *kase, uint32_t to,
		      uint32_t *start)
{
	uint8_t prefix[1 + PAIR_LEN];

	prefix[0] = DET_START;
	memcpy(prefix + 1, person, ID_LEN);
	memcpy(prefix + 1 + ID_LEN, kase, ID_LEN);
	return last_dated(cur, prefix, sizeof prefix, DETENTION_KEY_MAX, to, start);
}

/* A person and a case (in that order), with the last start of the one in the other up to
 * the day asked about. */
struct pair_start {
	uint8_t pair[PAIR_LEN];
	uint32_t start;
};

static int by_person_case(const void *a, const void *b)
{
	return memcmp(a, b, PAIR_LEN);
}

static int by_case_person(const void *pa, const void *pb)
{
	const uint8_t *a = pa, *b = pb;
	int d = memcmp(a + ID_LEN, b + ID_LEN, ID_LEN);

	return d ? d : memcmp(a, b, ID_LEN);
}

/* The (person, case) pairs an end found by ended_after names, each once. */
struct pairs {
	struct idtable seen;
	struct pair_start *v;
	size_t n, cap;
};

/* Adds the pairs of the ENDED entries dated from `from` to `until` (date keys). 0, an LMDB
 * error, CW_ENOMEM. */
static int pairs_ended(MDB_cursor *walk, uint32_t from, uint32_t until, struct pairs *p)
{
	uint8_t first[1 + DATE_LEN];
	MDB_val k = {sizeof first, first}, val;
	int rc, op;

	first[0] = DET_ENDED;
	put_be32(first + 1, from);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(walk, &k, &val, op)) == 0; op = MDB_NEXT) {
		const uint8_t *key = k.mv_data, *kase = key + 1 + DATE_LEN;
		uint8_t pair[PAIR_LEN];
		int added;

		if (k.mv_size != DETENTION_KEY_LEN || key[0] != DET_ENDED ||
		    get_be32(key + 1) > until)
			break;
		memcpy(pair, kase + ID_LEN, ID_LEN);
		memcpy(pair + ID_LEN, kase, ID_LEN);
		if ((added = idtable_put(&p->seen, pair)) < 0)
			return CW_ENOMEM;
		if (!added)
			continue;
		if (p->n == p->cap) {
			size_t cap = p->cap ? p->cap * 2 : 256;
			struct pair_start *grown = realloc(p->v, cap * sizeof *grown);

			if (!grown)
				return CW_ENOMEM;
			p->v = grown;
			p->cap = cap;
		}
		memcpy(p->v[p->n++].pair, pair, PAIR_LEN);
	}
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* Adds to c whoever an end dated after `to` ends, or an end dated only to the month or the
 * year that holds `to` (which may come after it: end_by), when their last start up to `to` in
 * that case has no end from it to `to` (end_by). Each (person, case) is looked at once however
 * many ends it has since, and the lookups go in the order of the keys they read (starts by
 * person, then ends by case), so that a report of a week long past, which reads every end
 * since, walks each part of the index forwards instead of at random. 0, an LMDB error,
 * CW_ENOMEM. */
static int ended_after(const struct news_reader *nr, MDB_cursor *walk, MDB_cursor *look,
		       uint32_t to, struct candidates *c)
{
	struct pairs p = {{NULL, 0, 0, PAIR_LEN}, NULL, 0, 0};
	struct cw_date day = cw_date_from_key(to);
	uint32_t year = cw_date_key((struct cw_date){day.year, 0, 0});
	uint32_t month = cw_date_key((struct cw_date){day.year, day.month, 0});
	size_t kept = 0;
	int rc;

	if ((rc = pairs_ended(walk, year, year, &p)) != 0 ||
	    (rc = pairs_ended(walk, month, month, &p)) != 0 ||
	    (rc = pairs_ended(walk, to + 1, UINT32_MAX, &p)) != 0)
		goto out;
	if (p.n > 1)
		qsort(p.v, p.n, sizeof *p.v, by_person_case);
	for (size_t i = 0; i < p.n && rc == 0; i++)
		if ((rc = last_start(look, p.v[i].pair, p.v[i].pair + ID_LEN, to, &p.v[i].start)) ==
			    0 &&
		    p.v[i].start)
			p.v[kept++] = p.v[i];
	if (kept > 1)
		qsort(p.v, kept, sizeof *p.v, by_case_person);
	for (size_t i = 0; i < kept && rc == 0; i++) {
		uint32_t end;

		if ((rc = end_by(nr, look, p.v[i].pair + ID_LEN, p.v[i].pair, p.v[i].start, to,
				 &end)) == 0 &&
		    !end)
			rc = candidate_add(c, p.v[i].pair);
	}
out:
	free(p.v);
	free(p.seen.slots);
	return rc;
}

int cw_reader_detention_candidates(struct cw_reader *rd, struct cw_date to,
				   struct cw_detention_sight sight,
				   struct cw_detention_candidate **out, size_t *n,
				   struct cw_error *err)
{
	struct news_reader nr = {rd->st, rd->txn, sight};
	struct candidates c = {{NULL, 0, 0, ID_LEN}, NULL, 0, 0};
	MDB_cursor *held = NULL, *ends = NULL, *cases = NULL, *people = NULL;
	uint8_t first = DET_HELD;
	MDB_val k = {1, &first}, v;
	uint32_t to_key = cw_date_key(to);
	int rc, op;

	*out = NULL;
	*n = 0;
	if (cw_date_precision(to) != CW_DATE_DAY)
		return cw_error_set(err, CW_EINVAL, "to", "pretrial detention is counted to a day");
	if ((rc = cw_index_settle(rd->st, rd->txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(rd->txn, rd->st->dbi[DB_DETENTION], &held)) != 0 ||
	    (rc = mdb_cursor_open(rd->txn, rd->st->dbi[DB_DETENTION], &ends)) != 0 ||
	    (rc = mdb_cursor_open(rd->txn, rd->st->dbi[DB_BY_CASE], &cases)) != 0 ||
	    (rc = mdb_cursor_open(rd->txn, rd->st->dbi[DB_BY_PERSON], &people)) != 0)
		goto fail;
	/* The starts of people held, earliest first, up to `to`: a person is held at `to` in a
	 * case when one of its starts up to then has no end from it to `to` (then the last
	 * start has none either, and the summary's last stretch is still running). */
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(held, &k, &v, op)) == 0; op = MDB_NEXT) {
		const uint8_t *key = k.mv_data, *pair = key + 1 + DATE_LEN;
		uint32_t start, end;
		int voided = 0;

		if (k.mv_size != DETENTION_KEY_LEN || key[0] != DET_HELD ||
		    (start = get_be32(key + 1)) > to_key)
			break;
		if ((rc = end_by(&nr, ends, pair + ID_LEN, pair, start, to_key, &end)) != 0 ||
		    (!end &&
		     (rc = ruled_before(&nr, ends, pair + ID_LEN, pair, start, &voided)) != 0))
			goto fail;
		if (!end && !voided && candidate_add(&c, pair) != 0)
			goto oom;
	}
	if (rc != 0 && rc != MDB_NOTFOUND)
		goto fail;
	/* The ends dated after `to`: whoever one ends was held at `to` in the case when their
	 * last start up to then has no end from it to `to`, whatever the case says now. A report
	 * of last week reads few of these; one of years ago, every end since (ended_after). */
	if ((rc = ended_after(&nr, held, ends, to_key, &c)) == CW_ENOMEM)
		goto oom;
	if (rc != 0)
		goto fail;
	/* In the order of the starts' keys (by person), then longest first. */
	if (c.n > 1)
		qsort(c.v, c.n, sizeof *c.v, by_person);
	for (size_t i = 0; i < c.n && rc == 0; i++)
		rc = person_bound(&nr, held, ends, cases, people, c.v[i].person.b, to_key,
				  &c.v[i].bound, &c.v[i].maybe_unknown);
	if (rc != 0)
		goto fail;
	if (c.n > 1)
		qsort(c.v, c.n, sizeof *c.v, candidate_order);
	*out = c.v;
	*n = c.n;
	c.v = NULL;
	goto out;
oom:
	rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	goto out;
fail:
	rc = cw_store_lmdb_error(NULL, rc, "reading the pretrial-detention index", err);
out:
	if (held)
		mdb_cursor_close(held);
	if (ends)
		mdb_cursor_close(ends);
	if (cases)
		mdb_cursor_close(cases);
	if (people)
		mdb_cursor_close(people);
	free(c.v);
	free(c.people.slots);
	return rc;
}

/* ---- groups of unnamed defendants --------------------------------------------------------- */

static int by_id(const void *a, const void *b)
{
	return memcmp(a, b, ID_LEN);
}

/* Whether the case has a start of a group dated up to `to` (its first gstart entry is). */
static int group_started(MDB_cursor *cur, const uint8_t *kase, uint32_t to, int *started)
{
	uint8_t seek[1 + ID_LEN];
	MDB_val k = {sizeof seek, seek}, v;
	int rc;

	*started = 0;
	seek[0] = DET_GSTART;
	memcpy(seek + 1, kase, ID_LEN);
	if ((rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE)) == MDB_NOTFOUND)
		return 0;
	if (rc != 0)
		return rc;
	*started = k.mv_size == GROUP_KEY_LEN && memcmp(k.mv_data, seek, sizeof seek) == 0 &&
		   get_be32((uint8_t *)k.mv_data + 1 + ID_LEN) <= to;
	return 0;
}

/* Into *v, each once, the cases of the entries of `type` (date first) dated from `from` up
 * to `to`; with `look`, only those with a group's start up to `started_by` too. 0, an LMDB
 * error, CW_ENOMEM. */
static int group_cases_of(MDB_cursor *walk, MDB_cursor *look, uint8_t type, uint32_t from,
			  uint32_t to, uint32_t started_by, struct idtable *seen, struct cw_id **v,
			  size_t *n, size_t *cap)
{
	uint8_t first[1 + DATE_LEN];
	MDB_val k = {sizeof first, first}, val;
	int rc, op;

	first[0] = type;
	put_be32(first + 1, from);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(walk, &k, &val, op)) == 0; op = MDB_NEXT) {
		const uint8_t *key = k.mv_data, *kase = key + 1 + DATE_LEN;
		int added, started = 1;

		if (k.mv_size != GROUP_KEY_LEN || key[0] != type || get_be32(key + 1) > to)
			break;
		if ((added = idtable_put(seen, kase)) < 0)
			return CW_ENOMEM;
		if (!added)
			continue;
		if (look && (rc = group_started(look, kase, started_by, &started)) != 0)
			return rc;
		if (!started)
			continue;
		if (*n == *cap) {
			struct cw_id *grown =
				realloc(*v, (*cap = *cap ? *cap * 2 : 16) * sizeof **v);

			if (!grown)
				return CW_ENOMEM;
			*v = grown;
		}
		memcpy((*v)[(*n)++].b, kase, ID_LEN);
	}
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* What a walk of the index to the end of `to` begins with: a day to count to, the index
 * settled, and two cursors on it (one to walk, one to look things up), closed again on
 * failure. 0, or the error, set. */
static int walk_begin(struct cw_reader *rd, struct cw_date to, MDB_cursor **walk, MDB_cursor **look,
		      struct cw_error *err)
{
	int rc;

	*walk = *look = NULL;
	if (cw_date_precision(to) != CW_DATE_DAY)
		return cw_error_set(err, CW_EINVAL, "to", "pretrial detention is counted to a day");
	if ((rc = cw_index_settle(rd->st, rd->txn, err)) != 0)
		return rc;
	if ((rc = mdb_cursor_open(rd->txn, rd->st->dbi[DB_DETENTION], walk)) != 0 ||
	    (rc = mdb_cursor_open(rd->txn, rd->st->dbi[DB_DETENTION], look)) != 0) {
		if (*walk)
			mdb_cursor_close(*walk);
		*walk = NULL;
		return cw_store_lmdb_error(NULL, rc, "reading the pretrial-detention index", err);
	}
	return 0;
}

int cw_reader_detention_group_cases(struct cw_reader *rd, struct cw_date to, struct cw_id **out,
				    size_t *n, struct cw_error *err)
{
	struct idtable held = {NULL, 0, 0, ID_LEN}, ended = {NULL, 0, 0, ID_LEN};
	struct cw_id *v = NULL;
	size_t cap = 0;
	MDB_cursor *walk = NULL, *look = NULL;
	uint32_t to_key = cw_date_key(to);
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = walk_begin(rd, to, &walk, &look, err)) != 0)
		return rc;
	/* The cases whose entry for a group says detained since a start up to `to`; then those
	 * where an event after `to` may have ended a group's detention begun by then. */
	if ((rc = group_cases_of(walk, NULL, DET_GHELD, 0, to_key, 0, &held, &v, n, &cap)) != 0)
		goto out;
	{
		/* Ends dated only to the month or the year that holds `to` may come after it
		 * (models/timeline.h): their keys sort before its day's. */
		uint32_t year = cw_date_key((struct cw_date){to.year, 0, 0});
		uint32_t month = cw_date_key((struct cw_date){to.year, to.month, 0});

		if ((rc = group_cases_of(walk, look, DET_GENDED, year, year, to_key, &ended, &v, n,
					 &cap)) == 0 &&
		    (rc = group_cases_of(walk, look, DET_GENDED, month, month, to_key, &ended, &v,
					 n, &cap)) == 0)
			rc = group_cases_of(walk, look, DET_GENDED, to_key + 1, UINT32_MAX, to_key,
					    &ended, &v, n, &cap);
	}
	/* A case found both ways once. */
	if (rc == 0 && *n > 1) {
		size_t kept = 1;

		qsort(v, *n, sizeof *v, by_id);
		for (size_t i = 1; i < *n; i++)
			if (memcmp(v[i].b, v[kept - 1].b, ID_LEN) != 0)
				v[kept++] = v[i];
		*n = kept;
	}
out:
	if (walk)
		mdb_cursor_close(walk);
	if (look)
		mdb_cursor_close(look);
	free(held.slots);
	free(ended.slots);
	if (rc != 0) {
		free(v);
		*n = 0;
		return rc == CW_ENOMEM
			       ? cw_error_set(err, CW_ENOMEM, "", "out of memory")
			       : cw_store_lmdb_error(NULL, rc,
						     "reading the pretrial-detention index", err);
	}
	*out = v;
	return 0;
}

/* ---- held with no arrest or detention logged ----------------------------------------------- */

/* Whether (person, case) has a start dated up to `to` (a date key) that the reader sees: with
 * sight.shown, a confidential arrest or detention is not one (what is written for others does
 * not show it: the case's entry alone says they are held), nor, with sight.views, one of an
 * account the reader leaves out. */
static int has_start(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *person,
		     const uint8_t *kase, uint32_t to, int *yes)
{
	uint8_t seek[1 + PAIR_LEN];
	MDB_val k = {sizeof seek, seek}, v;
	int rc, op;

	*yes = 0;
	seek[0] = DET_START;
	memcpy(seek + 1, person, ID_LEN);
	memcpy(seek + 1 + ID_LEN, kase, ID_LEN);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		const uint8_t *key = k.mv_data;

		if (k.mv_size != DETENTION_KEY_MAX || memcmp(key, seek, sizeof seek) != 0 ||
		    get_be32(key + sizeof seek) > to)
			return 0;
		/* the owner's id: after the date, the counting (1) and the day counted to */
		if (!out_of_sight(nr, key + sizeof seek + DATE_LEN + 1 + DATE_LEN, 0)) {
			*yes = 1;
			return 0;
		}
	}
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* The first start of (person, case) dated after `to` (a date key) that the reader sees, as
 * has_start sees them; 0 when none. */
static int start_after(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *person,
		       const uint8_t *kase, uint32_t to, uint32_t *first)
{
	uint8_t seek[1 + PAIR_LEN + DATE_LEN];
	MDB_val k = {sizeof seek, seek}, v;
	int rc, op;

	*first = 0;
	if (to == UINT32_MAX)
		return 0;
	seek[0] = DET_START;
	memcpy(seek + 1, person, ID_LEN);
	memcpy(seek + 1 + ID_LEN, kase, ID_LEN);
	put_be32(seek + 1 + PAIR_LEN, to + 1);
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		const uint8_t *key = k.mv_data;

		if (k.mv_size != DETENTION_KEY_MAX || memcmp(key, seek, 1 + PAIR_LEN) != 0)
			return 0;
		if (!out_of_sight(nr, key + 1 + PAIR_LEN + DATE_LEN + 1 + DATE_LEN, 0)) {
			*first = get_be32(key + 1 + PAIR_LEN);
			return 0;
		}
	}
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* Whether the owner of the index entry under the cursor (its id 17 bytes from the key's end)
 * is out of the reader's sight (out_of_sight); 0 otherwise. */
static int owner_withheld(const struct news_reader *nr, MDB_cursor *cur)
{
	MDB_val k, v;

	if ((!nr->sight.shown && !nr->sight.views) ||
	    mdb_cursor_get(cur, &k, &v, MDB_GET_CURRENT) != 0 || k.mv_size < ID_LEN + KIND_LEN)
		return 0;
	return out_of_sight(nr, (const uint8_t *)k.mv_data + k.mv_size - ID_LEN - KIND_LEN, 0);
}

/* After a bail decision of (case, person) dated to the day `day` (a date key): the release
 * that ends the stretch in its place (models/timeline.h), in *release (0: none) with its owner:
 * the first end of theirs or everyone's from that day on that is no bail decision and that the
 * reader sees (of a day, another end before a release: the entries' order), when it is a
 * release dated to a day and no start of theirs the reader sees comes between. */
static int release_after_bail(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *kase,
			      const uint8_t *person, uint32_t day, uint32_t *release,
			      uint8_t owner[ID_LEN])
{
	static const uint8_t everyone[ID_LEN];
	const uint8_t *whom[2] = {person, everyone};
	uint32_t next = 0;
	uint8_t next_what = 0, next_owner[ID_LEN] = {0};
	uint8_t seek[1 + PAIR_LEN + DATE_LEN];
	MDB_val k = {sizeof seek, seek}, v;
	int rc, op;

	*release = 0;
	for (int w = 0; w < 2; w++) {
		seek[0] = DET_END;
		memcpy(seek + 1, kase, ID_LEN);
		memcpy(seek + 1 + ID_LEN, whom[w], ID_LEN);
		put_be32(seek + 1 + PAIR_LEN, day);
		k.mv_size = sizeof seek;
		k.mv_data = seek;
		for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0;
		     op = MDB_NEXT) {
			const uint8_t *key = k.mv_data;
			uint32_t date;

			if (k.mv_size != END_KEY_LEN || memcmp(key, seek, 1 + PAIR_LEN) != 0 ||
			    (date = get_be32(key + 1 + PAIR_LEN)) > (next ? next : UINT32_MAX))
				break;
			if (END_WHAT(key) == END_BAIL || owner_withheld(nr, cur))
				continue;
			if (!next || date < next || END_WHAT(key) < next_what) {
				next = date;
				next_what = END_WHAT(key);
				memcpy(next_owner, key + k.mv_size - ID_LEN - KIND_LEN, ID_LEN);
			}
			break;
		}
		if (rc != 0 && rc != MDB_NOTFOUND)
			return rc;
	}
	/* A release dated after today has not happened; one dated only to a month or a year
	 * counts when all of it comes after the decision's day (models/timeline.h). A month's
	 * key sorts before its first day: after today only when that day is. */
	if (!next || next_what != END_RELEASE ||
	    (cw_date_precision(cw_date_from_key(next)) != CW_DATE_DAY &&
	     cw_date_compare(cw_date_first_day(cw_date_from_key(next)), cw_date_from_key(day)) <=
		     0) ||
	    next > cw_date_key(cw_date_today()))
		return 0;
	/* A start of theirs after the decision, up to the release: arrested again first. */
	seek[0] = DET_START;
	memcpy(seek + 1, person, ID_LEN);
	memcpy(seek + 1 + ID_LEN, kase, ID_LEN);
	put_be32(seek + 1 + PAIR_LEN, day + 1);
	k.mv_size = sizeof seek;
	k.mv_data = seek;
	for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		const uint8_t *key = k.mv_data;

		if (k.mv_size != DETENTION_KEY_MAX || memcmp(key, seek, 1 + PAIR_LEN) != 0 ||
		    get_be32(key + 1 + PAIR_LEN) > next)
			break;
		if (!owner_withheld(nr, cur))
			return 0;
	}
	if (rc != 0 && rc != MDB_NOTFOUND)
		return rc;
	*release = next;
	memcpy(owner, next_owner, ID_LEN);
	return 0;
}

/* The earliest end of (case, person) or (case, everyone) dated from `from` to `to` (date
 * keys) and over by `to` (an end dated only to a month or a year that runs past `to` may come
 * after it: models/timeline.h), of an account the reader sees (end_out_of_sight); 0 when
 * none. *hidden: the earliest such end is a confidential one the reader does not see. A
 * bail decision a release follows gives way to the release (release_after_bail, never one
 * after today); one after `to` leaves the stretch running (0). */
static int end_seen(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *kase,
		    const uint8_t *person, uint32_t from, uint32_t to, uint32_t *end, int *hidden,
		    uint8_t owner[ID_LEN])
{
	static const uint8_t everyone[ID_LEN];
	const uint8_t *whom[2] = {person, everyone};
	struct cw_date last = cw_date_from_key(to);
	uint8_t what = END_PLAIN;

	*end = 0;
	*hidden = 0;
	for (int w = 0; w < 2; w++) {
		uint8_t seek[1 + PAIR_LEN + DATE_LEN];
		MDB_val k = {sizeof seek, seek}, v;
		int rc, op;

		seek[0] = DET_END;
		memcpy(seek + 1, kase, ID_LEN);
		memcpy(seek + 1 + ID_LEN, whom[w], ID_LEN);
		put_be32(seek + 1 + PAIR_LEN, from);
		for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0;
		     op = MDB_NEXT) {
			uint32_t date;

			if (k.mv_size != END_KEY_LEN ||
			    memcmp(k.mv_data, seek, 1 + PAIR_LEN) != 0 ||
			    (date = get_be32((uint8_t *)k.mv_data + 1 + PAIR_LEN)) > to ||
			    (*end && date >= *end))
				break;
			if (cw_date_compare(cw_date_last_day(cw_date_from_key(date)), last) > 0 ||
			    end_out_of_sight(nr, &k))
				continue; /* may come after `to`, or of an account left out */
			*end = date;
			what = END_WHAT(k.mv_data);
			*hidden = owner_withheld(nr, cur);
			memcpy(owner, (const uint8_t *)k.mv_data + k.mv_size - ID_LEN - KIND_LEN,
			       ID_LEN);
			break;
		}
		if (rc != 0 && rc != MDB_NOTFOUND)
			return rc;
	}
	if (*end && !*hidden && what == END_BAIL &&
	    cw_date_precision(cw_date_from_key(*end)) == CW_DATE_DAY) {
		uint32_t release;
		uint8_t by[ID_LEN] = {0};
		int rc = release_after_bail(nr, cur, kase, person, *end, &release, by);

		if (rc != 0)
			return rc;
		/* A release after `to`, or dated only to a month or a year that runs past it (it
		 * may come after), leaves the stretch running on `to`. */
		if (release && release <= to &&
		    cw_date_compare(cw_date_last_day(cw_date_from_key(release)), last) <= 0) {
			*end = release;
			memcpy(owner, by, ID_LEN);
		} else if (release) {
			*end = 0;
		}
	}
	return 0;
}

/* The last start of (person, case) dated up to `to` that the reader sees (owner_withheld), 0
 * when none: the stretch the summary over what it sees ends last (a UN report's last arrest
 * is the UN's, whatever the government logged after it). */
static int last_start_seen(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *person,
			   const uint8_t *kase, uint32_t to, uint32_t *start)
{
	uint8_t prefix[1 + PAIR_LEN];
	MDB_val k, v;
	int rc;

	if ((rc = last_start(cur, person, kase, to, start)) != 0 || !*start)
		return rc;
	prefix[0] = DET_START;
	memcpy(prefix + 1, person, ID_LEN);
	memcpy(prefix + 1 + ID_LEN, kase, ID_LEN);
	while (owner_withheld(nr, cur)) {
		*start = 0;
		if ((rc = mdb_cursor_get(cur, &k, &v, MDB_PREV)) != 0)
			return rc == MDB_NOTFOUND ? 0 : rc;
		if (k.mv_size != DETENTION_KEY_MAX || memcmp(k.mv_data, prefix, sizeof prefix) != 0)
			return 0;
		*start = get_be32((const uint8_t *)k.mv_data + sizeof prefix);
	}
	return 0;
}

/* For an entry dated `known` of (person, case) with a start up to `to`: the end of their
 * last stretch the reader sees (last_start_seen), when it came before the entry was known
 * (they are held again, and no arrest or detention since is logged); 0 otherwise, or when
 * the reader sees no start or does not see the end (what is written for others does not
 * show them). */
static int ended_before(const struct news_reader *nr, MDB_cursor *cur, const uint8_t *person,
			const uint8_t *kase, uint32_t known, uint32_t to, uint32_t *ended,
			uint8_t by[ID_LEN])
{
	uint32_t start, end;
	int rc, hidden;

	*ended = 0;
	if ((rc = last_start_seen(nr, cur, person, kase, to, &start)) != 0 || !start)
		return rc;
	if ((rc = end_seen(nr, cur, kase, person, start, to, &end, &hidden, by)) != 0)
		return rc;
	/* Over before the entry's day (a release dated only to the month of the entry may have
	 * come after it: then nothing says they were taken again). */
	if (end && !hidden &&
	    cw_date_compare(cw_date_last_day(cw_date_from_key(end)),
			    cw_date_first_day(cw_date_from_key(known))) < 0)
		*ended = end;
	return 0;
}

static int unstarted_add(struct cw_unstarted **v, size_t *n, size_t *cap, const uint8_t *person,
			 const uint8_t *kase, uint32_t date)
{
	if (*n == *cap) {
		size_t bigger = *cap ? *cap * 2 : 64;
		struct cw_unstarted *grown = realloc(*v, bigger * sizeof *grown);

		if (!grown)
			return CW_ENOMEM;
		*v = grown;
		*cap = bigger;
	}
	memset(&(*v)[*n], 0, sizeof(*v)[*n]);
	if (person)
		memcpy((*v)[*n].person.b, person, ID_LEN);
	memcpy((*v)[*n].case_id.b, kase, ID_LEN);
	(*v)[*n].known = date ? cw_date_from_key(date) : (struct cw_date){0, 0, 0};
	(*n)++;
	return 0;
}

/* Latest known first, then by case and person; a group's case once. */
static int unstarted_order(const void *pa, const void *pb)
{
	const struct cw_unstarted *a = pa, *b = pb;
	uint32_t ka = cw_date_is_known(a->known) ? cw_date_key(a->known) : 0;
	uint32_t kb = cw_date_is_known(b->known) ? cw_date_key(b->known) : 0;
	int c;

	if (ka != kb)
		return ka > kb ? -1 : 1;
	if ((c = memcmp(a->case_id.b, b->case_id.b, ID_LEN)) != 0)
		return c;
	return memcmp(a->person.b, b->person.b, ID_LEN);
}

int cw_reader_detained_unstarted(struct cw_reader *rd, struct cw_date to,
				 struct cw_detention_sight sight, struct cw_unstarted **out,
				 size_t *n, struct cw_error *err)
{
	struct news_reader nr = {rd->st, rd->txn, sight};
	struct cw_unstarted *v = NULL;
	size_t cap = 0;
	MDB_cursor *walk = NULL, *look = NULL;
	uint32_t to_key = cw_date_key(to);
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = walk_begin(rd, to, &walk, &look, err)) != 0)
		return rc;
	/* People: every cheld entry known by `to` whose (person, case) has no start up to `to`
	 * (one with such a start is counted from it), and every undated one with no start at
	 * all. */
	{
		uint8_t seek[1] = {DET_CHELD};
		MDB_val k = {sizeof seek, seek}, val;
		int op;

		for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(walk, &k, &val, op)) == 0;
		     op = MDB_NEXT) {
			const uint8_t *key = k.mv_data;
			uint8_t by[ID_LEN] = {0};
			uint32_t date, ended;
			int started;

			if (k.mv_size != DETENTION_KEY_LEN || key[0] != DET_CHELD ||
			    (date = get_be32(key + 1)) > to_key)
				break;
			/* An entry dated by `to` holds them then, whatever comes after; an
			 * undated one does not say when, and a start after `to` says they were
			 * taken only then. */
			if ((rc = has_start(&nr, look, key + 1 + DATE_LEN,
					    key + 1 + DATE_LEN + ID_LEN, date ? to_key : UINT32_MAX,
					    &started)) != 0)
				goto out;
			/* Held again since their last stretch ended, by an entry known after
			 * that end, with no arrest or detention logged since. */
			ended = 0;
			if (started && date &&
			    (rc = ended_before(&nr, look, key + 1 + DATE_LEN,
					       key + 1 + DATE_LEN + ID_LEN, date, to_key, &ended,
					       by)) != 0)
				goto out;
			if ((!started || ended) &&
			    (rc = unstarted_add(&v, n, &cap, key + 1 + DATE_LEN,
						key + 1 + DATE_LEN + ID_LEN, date)) != 0)
				goto out;
			if (ended) {
				v[*n - 1].ended = cw_date_from_key(ended);
				memcpy(v[*n - 1].ended_by.b, by, ID_LEN);
			}
			if ((!started || ended) && date) {
				uint32_t later;

				if ((rc = start_after(&nr, look, key + 1 + DATE_LEN,
						      key + 1 + DATE_LEN + ID_LEN, to_key,
						      &later)) != 0)
					goto out;
				if (later)
					v[*n - 1].taken_later = cw_date_from_key(later);
			}
		}
		if (rc != 0 && rc != MDB_NOTFOUND)
			goto out;
	}
	/* Groups: the cases with a gcheld entry known by `to`, each with its latest such date;
	 * the caller reads them to find which of their groups has no start. */
	{
		uint8_t seek[1] = {DET_GCHELD};
		MDB_val k = {sizeof seek, seek}, val;
		size_t people = *n;
		int op;

		for (op = MDB_SET_RANGE; (rc = mdb_cursor_get(walk, &k, &val, op)) == 0;
		     op = MDB_NEXT) {
			const uint8_t *key = k.mv_data;
			uint32_t date;
			size_t i;

			if (k.mv_size != GROUP_KEY_LEN || key[0] != DET_GCHELD ||
			    (date = get_be32(key + 1)) > to_key)
				break;
			for (i = people; i < *n; i++)
				if (memcmp(v[i].case_id.b, key + 1 + DATE_LEN, ID_LEN) == 0)
					break;
			if (i < *n) {
				if (date)
					v[i].known = cw_date_from_key(date);
				continue;
			}
			if ((rc = unstarted_add(&v, n, &cap, NULL, key + 1 + DATE_LEN, date)) != 0)
				goto out;
		}
		rc = rc == MDB_NOTFOUND ? 0 : rc;
	}
	if (rc == 0 && *n > 1)
		qsort(v, *n, sizeof *v, unstarted_order);
out:
	if (walk)
		mdb_cursor_close(walk);
	if (look)
		mdb_cursor_close(look);
	if (rc != 0) {
		free(v);
		*n = 0;
		return rc == CW_ENOMEM
			       ? cw_error_set(err, CW_ENOMEM, "", "out of memory")
			       : cw_store_lmdb_error(NULL, rc,
						     "reading the pretrial-detention index", err);
	}
	*out = v;
	return 0;
}
