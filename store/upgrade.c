/* upgrade.c - a database written by an earlier casewatch brought to this one's schema, in
 * place and in one write transaction; see store_internal.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "models/text.h"
#include "store/store_internal.h"

/* What each schema version changed, so that an upgrade knows what to redo:
 *   2  records carry as-of dates, placements, links, sentence parts, tallies; incidents; group
 *      events (a milestone naming no person is in no timeline); a record in the government's
 *      account is filed under article keys of its own. Records decode as they were (new
 *      fields are new tags), so the upgrade re-makes every record's index keys, names and
 *      counts with this version's rules.
 *   3  no list of each record's index keys (record_keys): a record's old keys are computed
 *      again from its stored version when it changes. The upgrade empties record_keys and
 *      every index, names and counts, and makes them again from the records: what is removed
 *      later must be exactly what this version's rules make.
 *   4  the pretrial-detention index (detention.c): hearings and milestones own entries in a new
 *      table, made by the same emptying and re-making of every record's keys.
 *   5  this database's own audit entries leave its id out (audit.c, AUDIT_HERE). Entries of
 *      schema 4 read as they are, so nothing is made again: the version is all that changes,
 *      and a database of schema 4 opened read-only as it is. The number changes so that an
 *      earlier casewatch, which would read the new entries wrongly, refuses the database.
 *   6  a milestone names several articles (a list of its own, tag 29) and is filed under the
 *      articles it names alone, as reports count it; one naming none, under its person's
 *      charges in its case as before. The upgrade makes every record's keys again, as 3 and 4
 *      did, since a milestone that named one article was filed under the case's; a database
 *      of schema 4 or 5 no longer opens read-only as it is (its article keys would answer
 *      filters by the old rule). An earlier casewatch, which would read a milestone on 494
 *      and 495 as on no article at all, refuses the database.
 *   7  the detention index files every end of a detention by its date too (detention.c,
 *      "ended"), so that a report of a past week finds who was held in it and released since.
 *      The upgrade makes every record's keys again, as 6 did; an earlier casewatch, which
 *      would not keep those entries, refuses the database.
 *   8  the detention index files the arrests and detentions of groups of a case's unnamed
 *      defendants by their date too (detention.c, "group"), so that a report counts a group
 *      held in pretrial detention. The upgrade makes every record's keys again, as 7 did; an
 *      earlier casewatch, which would not keep those entries, refuses the database.
 *   9  values are sealed with 16 stored nonce bytes, not 24 (vault.h, format 2). Values of
 *      format 1 open as they are, so from schema 8 only the version changes, as for 5, and a
 *      database of schema 8 opens read-only as it is. The number changes so that an earlier
 *      casewatch refuses the database rather than calling every new value damaged.
 *  10  a case files in the detention index each defendant its entry says is detained
 *      (detention.c, "cheld"), so that a report lists those held with no arrest or detention
 *      logged. The upgrade makes every record's keys again, as 8 did; an earlier casewatch,
 *      which would not keep those entries, refuses the database.
 *  11  an end in the detention index says whether it is a ruling on the person (detention.c,
 *      "end"), so that an arrest after a verdict, which enforces it, makes nobody a candidate
 *      for the longest in pretrial detention. The upgrade makes every record's keys again, as
 *      10 did; an earlier casewatch, which would read those entries as none, refuses the
 *      database.
 *  12  every link of a record is filed under the record it names too (by_link), so that a
 *      report finds the other accounts of an event from either side of the link. The upgrade
 *      makes every record's keys again, as 11 did; an earlier casewatch, which would not keep
 *      those entries, refuses the database.
 *  13  a defendant a case says is detained at a stage past the verdict is held after it, not
 *      before (models/timeline.h): their arrests and detentions own no "held" entry in the
 *      detention index. The upgrade makes every record's keys again, as 12 did; an earlier
 *      casewatch, which would keep such entries, refuses the database.
 *  14  a milestone that names no article, of a person (or group) its case does not name as a
 *      defendant, is filed under no article of the case (keys.c, keyset_from_case): they are
 *      charged with nothing in it, as the report counts it; it was filed under every charge of
 *      the case, so `list --article 494/495` found a bystander's arrest in the NagaWorld case
 *      and the counts table counted it. The upgrade makes every record's keys and counts again,
 *      as 13 did; an earlier casewatch, which would file such a milestone under the case's
 *      charges again when it changes (and find the keys it removes missing), refuses the
 *      database.
 *  15  the charges of a case an event takes its article keys from are filed under the
 *      government's keys only when the case is the government's account too (keys.c,
 *      keyset_from_case): the government's account of an arrest in a case in the team's
 *      account is under the plain 494/495 keys, where it was under the government's own, so
 *      `list --article 494/495` left out the government's date of a disputed arrest that the
 *      report's detention figures quoted. The articles an event names itself are still filed
 *      by its own account. The upgrade makes every record's keys and
 *      counts again, as 14 did; an earlier casewatch, which would look for such an event's
 *      keys under the government's and find them missing when it changes, refuses the
 *      database.
 *  16  an end in the detention index says whether it is a bail decision or a release
 *      (detention.c, "end"), since a release after a bail decision ends the detention in its
 *      place (models/timeline.h). The upgrade makes every record's keys and counts again, as
 *      15 did; an earlier casewatch, which would take a bail decision's entry for a ruling,
 *      refuses the database.
 *  17  a visit's concerns and detainees may be confidential fields (models/confidential.h,
 *      bits 6 and 7 of confidential_fields). Records decode as they were, and the index keys
 *      are the same, so only the version changes, as for 5 and 9, and a database of schema 16
 *      opens read-only as it is. The number changes so that an earlier casewatch, which
 *      would read those bits as nothing to withhold and write a named detainee's concerns
 *      into a partner report, refuses the database: it fails closed, never leaks.
 *  18  a hearing's verdict that names no one (or one given unitemised) ends the detention of
 *      those the hearing's own record names, its attendance, verdicts and sentence, and of the
 *      case's defendants only where it names no person (models/record.h, cw_hearing_concerns):
 *      a defendant added to the case after it, or one its attendance leaves out, was not tried
 *      at it, as the report's row for it says. So is a hearing's bail decision, granted or
 *      refused: the one person (or group) its record names, the case's only defendant where
 *      it names no one, no one where it names several (models/record.h, cw_hearing_bail_for;
 *      schema 18 was not released before it, and its upgrade makes those keys too). Its end
 *      entries in the detention index are then under each person it names, where one under
 *      everyone stood (detention.c, "end"). The upgrade makes every record's keys and counts
 *      again, as 16 did; an earlier casewatch, which would look for the entry under everyone
 *      when the hearing changes, and leave those under the people it names, refuses the
 *      database.
 *  19  the index of people by name (by_name): each person is filed under the keyed tag of
 *      their Latin name and of their Khmer name, folded as searches fold them, so that the
 *      people who bear exactly a name are a range of it, not a walk of every person (a form's
 *      namesakes: app/namesakes.h). The upgrade makes every record's keys again, as 18 did,
 *      which makes the new table's; a database of schema 18 no longer opens read-only as it
 *      is (it has no such index to read), and an earlier casewatch, which would add and
 *      change people without filing them there, refuses the database. */

/* The first schema whose index keys this version's rules still make: a database of it or
 * later needs only its version written, and opens read-only as it is. */
#define SAME_KEYS_SINCE 19

struct ids {
	struct cw_id *v;
	size_t n, cap;
};

/* Every record id (the keys of the records table are ids, never sealed). */
static int all_ids(struct cw_txn *t, struct ids *out, struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op;

	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[DB_RECORDS], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "upgrading the database", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		if (k.mv_size != ID_LEN)
			continue;
		if (out->n == out->cap) {
			size_t cap = out->cap ? out->cap * 2 : 256;
			struct cw_id *grown = realloc(out->v, cap * sizeof *grown);

			if (!grown) {
				mdb_cursor_close(cur);
				return cw_error_set(err, CW_ENOMEM, "", "out of memory");
			}
			out->v = grown;
			out->cap = cap;
		}
		memcpy(out->v[out->n++].b, k.mv_data, ID_LEN);
	}
	mdb_cursor_close(cur);
	return rc == MDB_NOTFOUND ? 0 : cw_store_lmdb_error(t, rc, "upgrading the database", err);
}

/* Records the Unicode version names are folded by here (CW_META_UNICODE): the index of people
 * by name has just been made by it. */
static int put_fold_version(struct cw_txn *t, struct cw_error *err)
{
	const char *version = cw_text_fold_version();
	MDB_val k = {sizeof CW_META_UNICODE - 1, (void *)CW_META_UNICODE},
		v = {strlen(version), (void *)version};
	int rc = mdb_put(t->txn, t->st->dbi[DB_META], &k, &v, 0);

	return rc ? cw_store_lmdb_error(t, rc, "upgrading the database", err) : 0;
}

/* Whether rc, from reading a record or making its keys, is the record's own (it fails its
 * authentication, does not decode, or is a newer casewatch's), so that an upgrade or a refold
 * leaves it out and goes on, rather than a disk or LMDB error, or no memory, which fails it. */
static int record_unreadable(int rc)
{
	return rc != 0 && rc != CW_ENOMEM && rc != CW_EDB;
}

/* What an upgrade did: the version it found and brought to CW_SCHEMA_VERSION (0: current
 * already, nothing made again, nothing to say), and the records it left out of every index. */
struct upgraded {
	uint32_t from;
	size_t left_out;
	struct cw_id first_left_out;
};

/* cw_store_upgrade's transaction. The schema version is read again inside it: another process
 * that opened the database for writing at the same time may have upgraded it first (LMDB runs
 * the two one after the other, and this one's transaction sees what the first wrote).
 *
 * A record that cannot be read (it fails its authentication or does not decode), or whose keys
 * cannot be made (they read a record that cannot be), is left out of every index rather than
 * the upgrade refused: refused, the database would be closed to every write and, being of an
 * earlier schema, to every read-only open too, and nothing mends one record in place (an edit,
 * a deletion or a bundle reads it first and stops at the damage, whatever the indexes hold):
 * only a backup restored does, and that brings its own indexes. verify goes on naming it, and
 * cw_store_upgrade_left_out says how many were left out. A disk or LMDB error, or no memory,
 * still fails the whole upgrade. */
static int upgrade_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	/* Everything made from the records, emptied to be made again. */
	static const enum cw_db rebuilt[] = {
		DB_RECORD_KEYS,  DB_BY_KIND,   DB_BY_DATE,     DB_BY_ARTICLE, DB_BY_PERSON,
		DB_BY_CASE,      DB_BY_COURT,  DB_BY_PROVINCE, DB_NAMES,      DB_COUNTS,
		DB_BY_NEXT_DATE, DB_DETENTION, DB_BY_LINK,     DB_BY_NAME,
	};
	struct upgraded *u = ctx;
	uint32_t found;
	struct ids ids = {0};
	uint8_t be[4];
	MDB_val k = {14, (void *)"schema_version"}, v;
	int rc;

	memset(u, 0, sizeof *u);
	if ((rc = mdb_get(t->txn, t->st->dbi[DB_META], &k, &v)) != 0)
		return cw_store_lmdb_error(t, rc, "upgrading the database", err);
	if (v.mv_size != 4)
		return cw_error_set(err, CW_EDB, "database", "schema version is corrupt");
	if ((found = get_be32(v.mv_data)) >= CW_SCHEMA_VERSION)
		return 0; /* upgraded by another process since this one opened it */
	if (found >= SAME_KEYS_SINCE)
		goto version;
	for (size_t i = 0; i < sizeof rebuilt / sizeof rebuilt[0]; i++)
		if ((rc = mdb_drop(t->txn, t->st->dbi[rebuilt[i]], 0)) != 0)
			return cw_store_lmdb_error(t, rc, "upgrading the database", err);
	if ((rc = all_ids(t, &ids, err)) == 0)
		for (size_t i = 0; i < ids.n && rc == 0; i++) {
			struct cw_record rec;

			if ((rc = cw_store_read_record(t->st, t->txn, &ids.v[i], &rec, err)) == 0) {
				rc = cw_store_write_keys(t, &rec, err);
				cw_record_free(&rec);
			}
			if (record_unreadable(rc)) {
				cw_error_clear(err); /* left out: verify names it */
				if (u->left_out++ == 0)
					u->first_left_out = ids.v[i];
				rc = 0;
			}
		}
	free(ids.v);
	if (rc != 0 || (rc = put_fold_version(t, err)) != 0)
		return rc;
version:
	put_be32(be, CW_SCHEMA_VERSION);
	v = (MDB_val){4, be};
	if ((rc = mdb_put(t->txn, t->st->dbi[DB_META], &k, &v, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "upgrading the database", err);
	u->from = found;
	return 0;
}

int cw_store_upgrade(struct cw_store *st, const char *dir, struct cw_error *err)
{
	struct upgraded u = {0};
	int rc;

	if (st->schema_version >= CW_SCHEMA_VERSION)
		return 0;
	if (st->read_only && st->schema_version >= SAME_KEYS_SINCE)
		return 0; /* read as it is; nothing is written */
	if (st->read_only)
		return cw_error_set(
			err, CW_EVERSION, "database",
			"written by an earlier casewatch (schema %u; this one uses %u): "
			"upgrade it in place with 'casewatch --db %.300s upgrade'",
			(unsigned)st->schema_version, CW_SCHEMA_VERSION, dir);
	if ((rc = cw_store_write(st, upgrade_fn, &u, err)) != 0)
		return rc;
	if (u.from && u.from < SAME_KEYS_SINCE)
		st->fold_stale = 0; /* every key made again, by_name's too */
	st->upgraded_from = u.from;
	st->upgrade_left_out = u.left_out;
	st->upgrade_first_left_out = u.first_left_out;
	st->schema_version = CW_SCHEMA_VERSION;
	return 0;
}

/* cw_store_refold's transaction: by_name emptied, then every person (by_kind's range of them)
 * filed under their names again. ctx: set to 1 when it did, 0 when meta already records this
 * version (another process opened the database for writing at the same time and made it
 * first: LMDB runs the two one after the other, and this one's transaction sees that). A
 * person whose record cannot be read (damaged, or a newer casewatch's) is filed under none of
 * their names rather than every write refused: verify names the record, and the names of a
 * record no one can read were no lookup's to find. */
static int refold_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	const char *version = cw_text_fold_version();
	uint8_t start = CW_KIND_PERSON;
	MDB_cursor *cur;
	MDB_val k = {sizeof CW_META_UNICODE - 1, (void *)CW_META_UNICODE}, v;
	int rc = 0, lrc, op;

	*(int *)ctx = 0;
	if ((lrc = mdb_get(t->txn, t->st->dbi[DB_META], &k, &v)) == 0 &&
	    v.mv_size == strlen(version) && memcmp(v.mv_data, version, v.mv_size) == 0)
		return 0;
	if (lrc != 0 && lrc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, lrc, "folding names again", err);
	k = (MDB_val){1, &start};
	if ((lrc = mdb_drop(t->txn, t->st->dbi[DB_BY_NAME], 0)) != 0 ||
	    (lrc = mdb_cursor_open(t->txn, t->st->dbi[DB_BY_KIND], &cur)) != 0)
		return cw_store_lmdb_error(t, lrc, "folding names again", err);
	for (op = MDB_SET_RANGE; rc == 0 && (lrc = mdb_cursor_get(cur, &k, &v, op)) == 0;
	     op = MDB_NEXT) {
		struct cw_record rec;
		struct cw_id id;

		if (k.mv_size != 1 + TAIL_LEN || *(const uint8_t *)k.mv_data != CW_KIND_PERSON)
			break;
		memcpy(id.b, (const uint8_t *)k.mv_data + 1 + DATE_LEN, ID_LEN);
		if ((rc = cw_store_read_record(t->st, t->txn, &id, &rec, err)) == 0) {
			rc = cw_store_write_name_keys(t, &rec, err);
			cw_record_free(&rec);
		} else if (record_unreadable(rc)) {
			cw_error_clear(err); /* unreadable: filed under none of their names */
			rc = 0;
		}
	}
	mdb_cursor_close(cur);
	if (rc != 0)
		return rc;
	if (lrc != 0 && lrc != MDB_NOTFOUND)
		return cw_store_lmdb_error(t, lrc, "folding names again", err);
	*(int *)ctx = 1;
	return put_fold_version(t, err);
}

int cw_store_refold(struct cw_store *st, struct cw_error *err)
{
	int made = 0, rc;

	if (!st->fold_stale || st->read_only)
		return 0;
	if ((rc = cw_store_write(st, refold_fn, &made, err)) != 0)
		return rc;
	st->fold_stale = 0;
	st->refolded = made;
	return 0;
}
