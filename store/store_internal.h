/* store_internal.h - what the store's files share; not part of the store's contract. */
#ifndef CW_STORE_INTERNAL_H
#define CW_STORE_INTERNAL_H

#include <lmdb.h>
#include <sys/types.h>

#include "models/codec.h"
#include "models/idmap.h"
#include "store/store.h"

enum cw_db {
	DB_META,
	DB_RECORDS,
	/* Each record's list of index keys, up to schema 2; now recomputed from the record (see
	 * cw_store_remove_keys) and left empty. Kept so that the other tables keep their numbers,
	 * which counts keys and the sealing's associated data hold. */
	DB_RECORD_KEYS,
	DB_BY_KIND,
	DB_BY_DATE,
	DB_BY_ARTICLE,
	DB_BY_PERSON,
	DB_BY_CASE,
	DB_BY_COURT,
	DB_BY_PROVINCE,
	DB_NAMES,
	DB_AUDIT,
	DB_TOMBSTONES,   /* id -> a deletion: id, kind, who, where, when, vector; no content */
	DB_CONFLICTS,    /* id + updated(8) + edited_in(16) -> state(1) + a concurrent version */
	DB_PEERS,        /* peer name -> audit sequence(8) and time(8) of the last bundle sent */
	DB_AUDIT_SEEN,   /* database(16) time(8) record(16) action(1): audit entries held */
	DB_COUNTS,       /* db(1) + an index prefix + kind(1) -> entries under it (u64) */
	DB_BY_NEXT_DATE, /* a hearing's next date(4) id(16) kind(1): upcoming hearings */
	DB_TRUST,        /* enrolled peers: tag of the name -> keys, name, when (trust.c) */
	DB_DETENTION,    /* pretrial detention: starts, ends and who is held (detention.c) */
	DB_DRAFTS,       /* forms saved unfinished, this laptop's only (drafts.c) */
	DB_UNDO,         /* the last change made here, to take back (undo.c) */
	DB_ATTACHMENTS,  /* attachment id -> its description (attach.c) */
	DB_ATTACH_INDEX, /* record id + attachment id: a record's attachments */
	DB_BLOBS,        /* content tag + part -> a part of an attachment's content */
	DB_BY_LINK,      /* a linked record's id(16), then the linking one's date, id, kind */
	DB_BY_NAME,      /* a person's name's keyed tag(8), then their date, id, kind (schema 19) */
	DB_COUNT
};

#define NAME_HASH_LEN 8
#define ID_LEN        16
#define DATE_LEN      4
#define KIND_LEN      1
/* Every index key ends with date, id and the record's kind: the date orders it, and the kind
 * lets a filter on kinds skip looking the record up. */
#define TAIL_LEN (DATE_LEN + ID_LEN + KIND_LEN)

/* Big-endian integers: keys sort by their bytes. */
static inline void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline void put_be64(uint8_t *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (uint8_t)v;
}

static inline uint64_t get_be64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

/* The kinds of records found stored (kinds.c): an open-addressed table of ids. */
struct cw_kinds {
	uint8_t *slots;
	size_t cap, n;
	size_t txnid; /* the last transaction of this process's the table is good after */
};

/* The cases a write transaction has opened for index keys (cases.c): an open-addressed table
 * of ids and decoded records, at most CW_CASES_KEPT_MOST of them. */
#define CW_CASES_KEPT_MOST 16384
struct cw_case_slot;
struct cw_case_cache {
	struct cw_case_slot *slots;
	size_t cap, n;
};

struct cw_store {
	/* The ids of all people in name order, made for paging the list of people (names are
	 * never in keys, so no index can keep that order); good while the database is at the
	 * transaction it was made from. */
	struct cw_id *people_order;
	size_t npeople;
	size_t people_txnid;
	/* The records free text names through their people and cases (query.c, text_names),
	 * for the last text asked (folded), good while the database is at the transaction they
	 * were found in: the terminal interface asks the same filter for its count and its rows
	 * at every refresh, and names are sealed, so finding them opens every person and case. */
	char *named_text;
	struct cw_id *named_ids;
	size_t nnamed;
	size_t named_txnid;
	/* The people's names and the cases' titles for type-ahead (query.c,
	 * cw_store_people_by_part, cw_store_cases_by_part), each good while the database is at
	 * the transaction they were read in; wiped when dropped. [0] people, [1] cases. */
	struct cw_names_kept *kept[2];
	/* The people and the cases a filter's person or case names (query.c, resolve_refs), for
	 * the last text asked of each kind, good while the database is at the transaction they
	 * were found in: a report asks the same filter of each of its sections, and a name is
	 * found by opening every person or case. [0] people, [1] cases. */
	struct cw_resolved {
		char *text;
		struct cw_id *ids;
		size_t n;
		size_t txnid;
	} resolved[2];
	/* The people charged under the last articles a filter asked of prison visits (query.c,
	 * charged_people), sorted, good while the database is at the transaction they were found
	 * in: a report asks its visits of each of its periods, and finding them reads every case
	 * filed under the articles. keys: the articles' index keys as the filter gave them. */
	struct {
		uint8_t (*keys)[ID_LEN];
		size_t nkeys, len;
		struct cw_id *ids;
		size_t n;
		size_t txnid;
	} charged;
	MDB_env *env;
	MDB_dbi dbi[DB_COUNT];
	struct cw_id database_id;
	uint8_t name_key[32];
	uint32_t schema_version;
	uint32_t upgraded_from; /* the schema version an upgrade at open found; 0: none */
	/* Records that upgrade left out of every index (they cannot be read): how many, the
	 * first. */
	size_t upgrade_left_out;
	struct cw_id upgrade_first_left_out;
	/* The Unicode version the index of people by name was folded by when the database was
	 * opened (meta unicode_version, "" when it did not say; kept as found when the open
	 * makes it again, for cw_store_refolded_from to say), and whether it is not this
	 * casewatch's (cw_text_fold_version): a store opened for writing makes the index again
	 * at open (cw_store_refold); one opened read-only finds people by name by a walk, and
	 * verify says the index is stale. refolded: the open made it again. */
	char fold_version[24];
	int fold_stale, refolded;
	size_t map_size;
	char *author;
	char *dir; /* the database folder, for messages (a full disk names it) and backups */
	int read_only;
	/* Opened read-only without the lock file (read-only media): no reader slot guards what
	 * this process reads, so no other process may write meanwhile. */
	int unlocked;
	int sync_ready; /* sync tables exist (an old database opened read-only lacks them) */
	/* The trust table exists (an old database opened read-only lacks it too). */
	int trust_ready;
	int drafts_ready; /* the drafts table exists (likewise) */
	int undo_ready;   /* the undo table exists (likewise) */
	int attach_ready; /* the attachment tables exist (likewise) */
	/* Opened for a bulk write (cw_store_options.bulk) and writing in place: LMDB writes its
	 * pages in the map (bulk.c); bulk_fd holds the bulk writer's lock on the folder. broken:
	 * a resize failed half way, the environment has no map (only closed from then on). */
	int bulk;
	int bulk_fd;
	int broken;
	/* The lock file with a shared flock on it, from before LMDB opens data.mdb until the
	 * store is closed, so that nothing replaces the file under it (cw_store_alone_begin); -1
	 * where the lock file cannot be opened (read-only media: nothing replaces it there). */
	int open_lock_fd;
	struct cw_vault *vault; /* the key of an encrypted database; NULL for a plain one */
	/* Where cw_store_read_record opens a record before decoding it (decoding copies out),
	 * kept between reads so that a walk over many records does not allocate for each. */
	struct cw_buf scratch;
	/* The kinds of records referenced so far, for reference checks (kinds.c). */
	struct cw_kinds kinds;
	/* The write transaction whose index changes are gathered, while one is (keys.c). */
	struct cw_txn *index_txn;
	/* This database's own audit entries (time, record, action), sorted, gathered by the write
	 * transaction txnid when one came back in a bundle (audit.c). */
	struct {
		uint8_t *keys;
		size_t n, txnid;
		int ready;
	} own_log;
};

/* ---- bulk.c: writing pages in place (cw_store_options.bulk) ---- */

/* A child process holding LMDB's writer lock for the environment in a folder. */
struct cw_writer_hold {
	pid_t pid;
	int down; /* a byte sent on it lets the child go */
};

/* Forks a child that holds the writer lock of the environment in dir (waiting for it like any
 * writer): no other process is committing until cw_bulk_release_writers. 0, or an errno or
 * LMDB code. The caller holds no write transaction of its own. */
int cw_bulk_hold_writers(const char *dir, struct cw_writer_hold *h);
void cw_bulk_release_writers(struct cw_writer_hold *h);
/* Takes the shared lock on dir's lock file that every process with the database open holds
 * (cw_store_alone_begin in store.h): *fd the lock file, to be closed once LMDB let go of
 * data.mdb, or -1 where it cannot be opened or locked (read-only media, a file system without
 * locks: nothing to wait for). 0, or CW_EREFUSED when another process has held the database
 * alone for longer than a compact's rename could take. */
int cw_store_share_open_lock(const char *dir, int read_only, int *fd, struct cw_error *err);

/* Whether a store opened as a bulk writer may write in place: the folder's file system keeps
 * the blocks fallocate gives, and no other bulk writer has the folder (not waited for); then
 * st->bulk_fd holds the folder's lock. */
int cw_bulk_try(struct cw_store *st, const char *dir);
/* Opens st->env in dir (flags as for mdb_env_open, MDB_WRITEMAP added) while a child holds
 * the writer lock, the map no larger than the disk can give and its blocks allocated. An
 * error: the caller closes the environment and opens it the usual way. */
int cw_bulk_open(struct cw_store *st, const char *dir, unsigned flags);
/* mdb_env_set_mapsize(size) (0: another process's larger map); for a bulk store under a
 * hold, its blocks allocated first, the map cut to what the disk can give: ENOSPC, nothing
 * changed, when that is no more than `below` bytes. A failed resize may leave the
 * environment without a map: st->broken. */
int cw_bulk_map(struct cw_store *st, size_t size, size_t below);
/* Closing a bulk store: cuts the file back to its last page in use. */
void cw_bulk_trim(struct cw_store *st);
/* Opening a writable store the usual way: a file longer than its pages (a bulk writer killed
 * before its close) is cut back, when no bulk writer has the folder. */
void cw_bulk_trim_left(struct cw_store *st);

struct cw_tag_memo;
struct cw_txn {
	struct cw_store *st;
	MDB_txn *txn;
	int map_full; /* set when LMDB said MDB_MAP_FULL: the writer grows the map and retries */
	/* The last audit entry this transaction made in this database: signed before commit. */
	uint64_t sign_seq;
	int scrub; /* something was wiped: clear the file's free pages after the commit */
	/* Changes to names and counts are gathered (pending.c) and written before the commit;
	 * 0 in transactions that write them at once (verify's, which writes nothing). */
	int defer;
	struct cw_pending *pending;
	int records_changed; /* a record was put or deleted: the undo note is this one's or none */
	/* A front end's action (cw_store_write_undoable): every record it changes is noted here
	 * as it goes, to be taken back as one (undo.c). NULL in every other write. */
	struct cw_undo_journal *journal;
	/* Kinds of records found in this transaction, joining the store's at commit; kinds_on
	 * only in cw_store_write's transactions; kinds_gone: a record or tombstone was removed. */
	struct cw_kinds kinds;
	int kinds_on, kinds_gone;
	/* Index changes gathered to be written in key order (keys.c, cw_index_flush): entries
	 * db(1) add(1) length(1) key; only in cw_store_write's transactions (index_defer). */
	int index_defer;
	struct cw_buf index_ops;
	/* Cases opened and tags of names and articles computed for index keys (cases.c,
	 * keys.c); kept only in cw_store_write's transactions (cases_on). */
	struct cw_case_cache cases;
	struct cw_tag_memo *tags; /* keys.c */
	int cases_on;
	struct cw_audit_cover *cover; /* a bundle's import only (audit.c) */
	/* A bundle's import: take the changes of a removed key's database (CW_IMPORT_ACCEPT_
	 * REMOVED), counting them and naming the first one's database; else they refuse it. */
	int accept_removed;
	size_t removed_entries, removed_versions, removed_attachments;
	struct cw_id removed_database;
	int any_removed; /* whether any database's key was removed here; -1: not looked yet */
};

/* ---- undo (undo.c) --------------------------------------------------------------------------
 * What one action changed, in the order it changed it: each record once, with the stored value
 * it had before the action's first change of it (opened, not sealed) or none when the action
 * added it. */
struct cw_undo_entry {
	struct cw_id id;
	uint8_t state; /* 'a' added, 'e' edited, 'd' deleted (by the action) */
	uint8_t kind;
	struct cw_buf before;
};
struct cw_undo_journal {
	struct cw_undo_entry *v;
	size_t n, cap;
	struct cw_id about;       /* the record the user acted on (cw_txn_undo_about) */
	int about_set;            /* else: the first record changed */
	struct cw_id merged_into; /* a merge: the person kept (`about` is the one merged away) */
	int merge;
};
/* A put (state 'a' or 'e') or delete ('d') of id is about to change it: noted with its stored
 * value unless the action changed it before (a delete then marks it deleted). No-op without a
 * journal. */
int cw_undo_journal_note(struct cw_txn *t, const struct cw_id *id, int kind, int state,
			 struct cw_error *err);
void cw_undo_journal_free(struct cw_undo_journal *j);
/* Before a write commits (cw_store_write): a journal that noted something replaces the undo
 * note; records changed without one (an import, a bundle, an undo) forget it. A note replaced
 * or forgotten that held a deleted record's content is wiped (cw_store_wipe), so the commit
 * clears the file's free space as a deletion's does. */
int cw_store_undo_finish(struct cw_txn *t, struct cw_error *err);
int cw_store_undo_forget(struct cw_txn *t, struct cw_error *err);

/* cw_txn_put's flag for an undo: a record brought back after its deletion keeps when and by
 * whom it was made, and where (it is no new record). Not in store.h: only undo.c puts so. */
#define CW_PUT_RESTORE 0x100u

/* cw_txn_delete, the tombstone saying the person went into `into` (a merge; NULL: none). */
int cw_txn_delete_into(struct cw_txn *t, const struct cw_id *id, const struct cw_id *into,
		       struct cw_error *err);
/* people.c: points every record that names person `from` at `to`, each a change made here;
 * *moved counts them, and doubled (NULL: not asked) gets those left naming `to` twice with
 * entries that differ (struct cw_doubled in store.h). And, at the end of a bundle's import,
 * the same for every person whose deletion says where they were merged into. */
int cw_txn_repoint_person(struct cw_txn *t, const struct cw_id *from, const struct cw_id *to,
			  size_t *moved, struct cw_doubled *doubled, struct cw_error *err);
int cw_store_repoint_merged(struct cw_txn *t, size_t *moved, struct cw_doubled *doubled,
			    struct cw_error *err);

/* ---- kinds of stored records (kinds.c) ------------------------------------------------------
 * cw_kinds_get: the kind kept for id, or CW_KIND_NONE. cw_kinds_begin: at the start of a write
 * transaction (empties the store's when another process wrote since). cw_kinds_commit: once it
 * committed as transaction txnid. */
enum cw_kind cw_kinds_get(const struct cw_kinds *c, const struct cw_id *id);
void cw_kinds_put(struct cw_kinds *c, const struct cw_id *id, enum cw_kind kind);
void cw_kinds_clear(struct cw_kinds *c);
void cw_kinds_begin(struct cw_store *st, struct cw_txn *t);
void cw_kinds_commit(struct cw_store *st, struct cw_txn *t, size_t txnid);

/* ---- cases opened for index keys (cases.c) --------------------------------------------------
 * cw_case_cache_read: like cw_store_read_record (0, CW_ENOTFOUND or another code), but *out
 * points at the record: one kept in the transaction's table (valid until the next call or
 * cw_case_cache_forget) or `own`, which the caller frees with cw_record_free either way.
 * cw_case_cache_forget: before a stored record is put or removed. cw_case_cache_clear: when
 * the transaction ends. */
int cw_case_cache_read(struct cw_txn *t, const struct cw_id *id, struct cw_record *own,
		       const struct cw_record **out, struct cw_error *err);
void cw_case_cache_forget(struct cw_txn *t, const struct cw_id *id);
void cw_case_cache_clear(struct cw_case_cache *c);
/* keys.c: wipes and frees the tags a transaction kept. */
void cw_tag_memo_free(struct cw_txn *t);

/* ---- names and counts gathered per write transaction (pending.c) -------------------------- */

/* Adds delta to the use count of a names key (text: the name, for a new entry) or to a counts
 * key, in memory. 0, CW_ENOMEM, or CW_EINVAL for a key longer than 32 bytes. */
int cw_pending_add(struct cw_txn *t, enum cw_db db, const uint8_t *key, size_t len, int delta,
		   const char *text);
/* Writes what was gathered, each key once and in key order, and forgets it: called before the
 * commit, and before anything in the transaction reads names or counts. */
int cw_pending_flush(struct cw_txn *t, struct cw_error *err);
/* Forgets what was gathered (an aborted transaction). */
void cw_pending_free(struct cw_txn *t);

/* Signs the audit entry t->sign_seq (if any) with this database's identity: called by
 * cw_store_write just before it commits (audit.c). */
int cw_store_audit_sign(struct cw_txn *t, struct cw_error *err);

/* The hash of the newest audit entry of `database` this store holds (all zeros and 0 when
 * none), and setting it (audit.c; kept in meta as "chain" + the database id). */
int cw_store_audit_head(struct cw_txn *t, const struct cw_id *database,
			uint8_t out[CW_AUDIT_HASH_BYTES], int *found, struct cw_error *err);

/* Signs msg with this database's identity inside the write transaction t (made first when the
 * database predates identities); the secret keys are read and wiped within (identity.c). */
int cw_store_sign_in_txn(struct cw_txn *t, const void *msg, size_t len,
			 uint8_t sig[CW_AUDIT_SIG_BYTES], struct cw_error *err);

/* Remembers that the bundles of `database` are signed by `signer`, so that the signatures of
 * its audit entries can be checked, also when they arrive relayed by another laptop; refused
 * when another key signed its bundles before, or the signer's key speaks for another
 * database (audit.c). enrolling: the binding comes with the key's enrolment (trust.c), which
 * may not name this database; else with a bundle's import, whose messages it speaks of. */
struct cw_identity_public;
int cw_store_bind_database(struct cw_txn *t, const struct cw_id *database,
			   const struct cw_identity_public *signer, int enrolling,
			   struct cw_error *err);

/* cw_peer_by_key inside a transaction (trust.c). */
struct cw_peer_key;
int cw_peer_by_key_txn(struct cw_txn *t, const struct cw_identity_public *key,
		       struct cw_peer_key *out, struct cw_error *err);

/* A removed peer's key, remembered as removed with the database it spoke for (audit.c): what
 * it signs is refused, and so are the audit entries of that database a bundle brings that are
 * not here yet, unless the import accepts them (cw_txn.accept_removed). */
int cw_store_revoke_key(struct cw_txn *t, const struct cw_identity_public *key,
			struct cw_error *err);
/* Whether `key` was removed, and when (microseconds; may be NULL). */
int cw_store_key_revoked(MDB_txn *txn, struct cw_store *st, const struct cw_identity_public *key,
			 int64_t *when, int *revoked, struct cw_error *err);
/* Whether `database` spoke for a removed key, when it was removed and the key (may be NULL). */
int cw_store_database_revoked(MDB_txn *txn, struct cw_store *st, const struct cw_id *database,
			      int64_t *when, struct cw_identity_public *key, int *revoked,
			      struct cw_error *err);
/* A change a bundle brings that is new here (an audit entry, a record's version), made in
 * `database`: when that database spoke for a removed key (and no other key's own bundle speaks
 * for it since), CW_EREFUSED saying so, or, with t->accept_removed, counted in
 * t->removed_versions, removed_attachments or removed_entries by `which`; `what` says what the
 * change is, for the refusal. 0 otherwise. */
enum { CW_REMOVED_ENTRY, CW_REMOVED_VERSION, CW_REMOVED_ATTACHMENT };
int cw_store_removed_change(struct cw_txn *t, const struct cw_id *database, int which,
			    const char *what, struct cw_error *err);
/* Every removed key (trust.h's cw_removed_key), the latest removed first; *out freed by the
 * caller. */
struct cw_removed_key;
int cw_store_removed_keys(MDB_txn *txn, struct cw_store *st, struct cw_removed_key **out, size_t *n,
			  struct cw_error *err);
/* Forgets that `key`, and the database it spoke for, were removed (enrolled again on purpose). */
int cw_store_unrevoke_key(struct cw_txn *t, const struct cw_identity_public *key,
			  struct cw_error *err);

/* Forgets every database bound to `key` (a peer removed: audit.c). */
int cw_store_unbind_key(struct cw_txn *t, const struct cw_identity_public *key,
			struct cw_error *err);

/* Audit entries that came unsigned in a bundle, of databases whose key is known here: only
 * a transaction's last entry is signed, so each must be vouched for by a signed entry of its
 * database later in the same bundle whose chain leads back to it (audit.c). A bundle import
 * points cw_txn.cover at one, and refuses the bundle when any is left open at its end. */
/* The unsigned entries are held as runs: entries each of which follows the one before it, from
 * the hash the first follows to the last's hash (the first 16 bytes of each, all a lookup
 * takes). A log's entries come in a bundle in the order they were made, so each run grows by
 * its next entry, and a signed entry that follows a run's last vouches for the whole run and
 * ends it: what is held is a run per transaction still waiting for its signature, not an
 * entry per entry of the bundle (a million-entry bundle held 100 MB so). Entries that come out
 * of order make more runs, joined as the entries between them come. */
struct cw_audit_cover_run {
	struct cw_id from; /* the hash the run's first entry follows */
	struct cw_id to;   /* the hash of its last */
	struct cw_id database;
	size_t entries;
};
struct cw_audit_cover {
	struct cw_idmap by_to;   /* a run's last hash -> its place in v */
	struct cw_idmap by_from; /* the hash a run follows -> its place in v */
	struct cw_audit_cover_run *v;
	size_t n, cap;
	size_t open; /* entries in the runs */
	size_t most; /* the most runs held at once (tests) */
};
/* An unsigned entry with hash `hash` that follows `prev` (whole hashes), of `database`: 0 or
 * CW_ENOMEM. */
int cw_audit_cover_add(struct cw_audit_cover *c, const uint8_t hash[CW_AUDIT_HASH_BYTES],
		       const uint8_t prev[CW_AUDIT_HASH_BYTES], const struct cw_id *database);
/* A signed entry that follows `prev`: vouches for the run that ends there. */
void cw_audit_cover_walk(struct cw_audit_cover *c, const uint8_t prev[CW_AUDIT_HASH_BYTES]);
/* 0, or CW_EDAMAGED naming the database of an entry no signature vouched for. */
int cw_audit_cover_check(const struct cw_audit_cover *c, struct cw_error *err);
void cw_audit_cover_free(struct cw_audit_cover *c);

/* The identity that signs the audit entries of `database` (this one's, or the key its bundles
 * were signed with): *known says whether there is one (audit.c). */
int cw_store_identity_of(struct cw_txn *t, const struct cw_id *database,
			 struct cw_identity_public *pub, int *known, struct cw_error *err);

/* An entry's value: the encoding of the audit table (both formats) and back. */
/* Reads an audit entry's value; `here`: this database's id, which its own entries leave out. */
int cw_audit_decode(const uint8_t *p, size_t len, const struct cw_id *here,
		    struct cw_audit_entry *e);
/* Frees what audit.c gathered of this database's own entries in a write transaction. */
void cw_audit_own_free(struct cw_store *st);

/* ---- index changes in key order (keys.c) -----------------------------------------------------
 * A write transaction of cw_store_write gathers the index keys it adds and removes instead of
 * writing each at once, and writes them sorted per table with one cursor: keys of one table
 * that follow each other land on the same or the next leaf, where LMDB finds them without a
 * search from the root (measured: bench/RESULTS.md). What was gathered is written
 * (cw_index_flush) before the commit, when it grows past a bound, and before anything reads an
 * index in that transaction (cw_index_settle, called by every reader of an index table), so
 * that a read always sees the transaction's own changes. */
int cw_index_flush(struct cw_txn *t, struct cw_error *err);
int cw_index_settle(struct cw_store *st, MDB_txn *txn, struct cw_error *err);
/* The order cw_index_flush writes gathered changes in (entries db(1) add(1) length(1) key):
 * by table, then key, then the order they were gathered in (a key removed and added again
 * stays so). *order: the entries' offsets in ops, which the caller frees; -1 when memory is
 * short. */
int cw_index_ops_sorted(const uint8_t *ops, size_t len, size_t **order, size_t *n);

/* The index keys rec should own, as entries db(1) length(1) key, into *out (the caller frees
 * it): what `verify` checks the indexes against. */
int cw_store_expected_keys(struct cw_txn *t, const struct cw_record *rec, struct cw_buf *out,
			   struct cw_error *err);

/* Gives the store of `to` (in its write transaction) the identity of `from` (read in ftxn),
 * the secret keys sealed with to's key: a database keeps its identity when `encrypt` rewrites
 * it, so its peers need not enrol it again (identity.c). */
int cw_store_copy_identity(struct cw_txn *to, struct cw_store *from, MDB_txn *ftxn,
			   struct cw_error *err);
/* Copies the enrolled peers of `from` into `to`, under to's keys (trust.c); and checks that
 * every peer of `from` is in `enc` unchanged. */
int cw_trust_copy(struct cw_txn *to, struct cw_store *from, MDB_txn *ftxn, size_t *n,
		  struct cw_error *err);
int cw_trust_same(struct cw_store *from, MDB_txn *ftxn, struct cw_store *enc, MDB_txn *etxn,
		  struct cw_error *err);

/* ---- clearing what deletions leave in the file (scrub.c; used by store.c) ------------------ */

/* After a commit that wiped deleted values: overwrites with zeros every byte of the data file
 * that no snapshot can read (free pages, the unused middle of pages, the tail of a value's last
 * overflow page), where LMDB leaves old copies of what was deleted. Costs one more commit and
 * a read of the whole file. */
int cw_store_scrub(struct cw_store *st, struct cw_error *err);

/* ---- sealing (seal.c) ---------------------------------------------------------------------- */

struct cw_vault;
struct cw_article;

/* Tables whose values hold user data: records, tombstones, conflicts, the audit log and peers.
 * Their values are sealed when the database is encrypted; other tables hold only keys,
 * counters and ids. The names table is sealed in part (cw_store_name_open). */
int cw_store_sealed_table(enum cw_db db);

/* A names entry is a use count (4 bytes, big-endian) and the name: the name sealed when the
 * database is encrypted, the count in the clear so that using a name again costs no sealing
 * (it tells no more than the index entries under the name's tag). */
int cw_store_name_open(struct cw_store *st, const MDB_val *k, const MDB_val *v, struct cw_buf *buf,
		       uint32_t *count, MDB_val *text, struct cw_error *err);
/* Appends the body of a names entry for text (sealed or not) to out; 0 or CW_ENOMEM. */
int cw_store_name_body(const struct cw_store *st, const MDB_val *k, const char *text,
		       struct cw_buf *out);

/* mdb_put of a value, sealed (bound to table and key) when the database is encrypted. Returns
 * an LMDB code (ENOMEM when sealing runs out of memory). */
int cw_val_put(struct cw_txn *t, enum cw_db db, MDB_val *k, const void *data, size_t len,
	       unsigned flags);

/* Opens a value read from a table: *out is v itself (plain database, other tables) or the
 * plaintext in buf, which the caller frees. CW_EDAMAGED (err names the record) when it fails
 * its authentication: nothing of it is returned. */
int cw_val_open(struct cw_store *st, enum cw_db db, const MDB_val *k, const MDB_val *v,
		struct cw_buf *buf, MDB_val *out, struct cw_error *err);

/* mdb_get then cw_val_open: 0, an LMDB code (MDB_NOTFOUND, ...) or CW_EDAMAGED. */
int cw_val_get(struct cw_store *st, MDB_txn *txn, enum cw_db db, MDB_val *k, MDB_val *out,
	       struct cw_buf *buf, struct cw_error *err);

/* An article in index keys: its 4-byte key in a plain database, a keyed tag in an encrypted
 * one (a 4-byte tag would let articles collide). Returns the length written. A record in the
 * government's account is filed under a key of its own for the same article (gov 1): an
 * article filter finds it only when it asks for that account, so the government's word on
 * who is charged with what never reads as established fact. */
#define ARTICLE_TAG_LEN 8
size_t cw_store_article_key(const struct cw_store *st, const struct cw_article *a, int gov,
			    uint8_t out[ARTICLE_TAG_LEN]);

/* The keyed tag of a name in an encrypted database (returns 1): a court's, province's or
 * facility's normalised (person 0), or a person's folded (person 1: by_name), each under a
 * purpose of its own, so that a person called as a province is does not share its tag. 0 for
 * a plain database, whose names are hashed with the key kept in meta (keys.c). */
int cw_store_name_tag(const struct cw_store *st, int person, const char *name, size_t len,
		      uint8_t out[NAME_HASH_LEN]);

/* The key of a peer in the peers table: its name (plain), its keyed tag (encrypted; the name
 * is then in the sealed value). Returns the length. */
#define PEER_KEY_MAX 127
#define PEER_TAG_LEN 16
size_t cw_store_peer_key(const struct cw_store *st, const char *name, uint8_t out[PEER_KEY_MAX]);

/* The name of a table, as LMDB knows it ("records", "by_kind"), for messages. */
const char *cw_store_table_name(enum cw_db db);

/* Maps an LMDB return code to a project error with a message saying what was being done.
 * A project code (CW_E*, err already filled, e.g. CW_EDAMAGED from cw_val_get) passes
 * through unchanged. */
int cw_store_lmdb_error(struct cw_txn *t, int rc, const char *what, struct cw_error *err);

/* Begins a read transaction, adopting a map grown by another process. */
int cw_store_begin_read(struct cw_store *st, MDB_txn **txn, struct cw_error *err);

/* mdb_txn_begin (flags: 0 or MDB_RDONLY) that adopts a map another process grew meanwhile
 * (MDB_MAP_RESIZED) and tries again; returns an LMDB code. */
int cw_store_txn_begin(struct cw_store *st, unsigned flags, MDB_txn **txn);

/* Frees (wiping) what cw_store_people_by_part or cw_store_cases_by_part keeps (query.c);
 * accepts NULL. */
struct cw_names_kept;
void cw_names_kept_free(struct cw_names_kept *k);

/* Reads and decodes a record inside any transaction (records.c). cw_store_find_record is the
 * same but says nothing in err when there is no such record (CW_ENOTFOUND): for callers to
 * whom that is an answer, not an error (a put asking whether it replaces a record). */
int cw_store_read_record(struct cw_store *st, MDB_txn *txn, const struct cw_id *id,
			 struct cw_record *rec, struct cw_error *err);
int cw_store_find_record(struct cw_store *st, MDB_txn *txn, const struct cw_id *id,
			 struct cw_record *rec, struct cw_error *err);

/* ---- identity (identity.c; used by store.c) ---------------------------------------------- */

/* Makes this database's signing and encryption keys in meta inside txn, unless it has them
 * (store/identity.h). Returns an LMDB code, or ENOMEM. */
int cw_store_make_identity(struct cw_store *st, MDB_txn *txn);

/* ---- the pretrial-detention index (detention.c; its keys are written by keys.c) ----------- */

/* Every key of the detention table: a type, then ids and dates (a start adds how a detention
 * still running is counted: a byte and a date), then the id and kind of the record that owns
 * it (as every index key ends), nothing else: no names, no articles. */
#define DETENTION_KEY_LEN (1 + ID_LEN + ID_LEN + DATE_LEN + ID_LEN + KIND_LEN)
#define DETENTION_KEY_MAX (DETENTION_KEY_LEN + 1 + DATE_LEN)

/* Gives emit(ctx, key, len) every detention key rec owns: a hearing's or milestone's, computed
 * with its case `kase` as stored now (NULL when it has none, or it was deleted). Other records
 * own none. keys.c adds them to the record's keys, so every change of the record (or re-index
 * around a change of its case) replaces them, and verify checks them. */
typedef void (*cw_key_emit_fn)(void *ctx, const uint8_t *key, size_t len);
void cw_store_detention_keys(const struct cw_record *rec, const struct cw_record *kase,
			     cw_key_emit_fn emit, void *ctx);

/* A read transaction for many reads (store.h: cw_store_reader_begin). */
/* Opens the database in dir read-only, without its key and without opening it as a store, for
 * one of its meta values in the clear (its id, whether it is encrypted, the last backup's
 * time): *env and *txn open on success (the caller aborts and closes them), meta the table.
 * CW_EDB with the reason otherwise. */
int cw_store_meta_peek(const char *dir, MDB_env **env, MDB_txn **txn, MDB_dbi *meta,
		       struct cw_error *err);

struct cw_reader {
	struct cw_store *st;
	MDB_txn *txn;
};

/* ---- index keys (keys.c; used by records.c) ----------------------------------------------- */

/* Writes the keys of rec. A hearing's or milestone's keys include its case's: the case is
 * read. */
int cw_store_write_keys(struct cw_txn *t, const struct cw_record *rec, struct cw_error *err);

/* The key of a name in the names table: its type, then the keyed hash of the name with case
 * and spacing normalised (so every spelling that matches shares it). */
void cw_store_name_key(const struct cw_store *st, enum cw_name_type type, const char *name,
		       uint8_t out[1 + NAME_HASH_LEN]);

/* The key under which by_name files a person's Latin or Khmer name: the keyed tag of the name
 * folded as searches fold it (cw_text_fold: any case, any spacing, NFC), so that "which people
 * bear exactly this name" is a range of it. 0, 1 when the name folds to nothing (no key), or
 * CW_ENOMEM. */
int cw_store_person_name_key(const struct cw_store *st, const char *name,
			     uint8_t out[NAME_HASH_LEN]);

/* Removes the keys a stored record owns, computed again from old (its stored version) against
 * the database as it is: no list of keys is kept. That gives back exactly the keys written as
 * long as what a record's keys are made from has not changed since: its own value, and a
 * hearing's, milestone's or incident's case, whose records are therefore re-indexed around
 * every change of the case (cw_store_reindex_records before and after it). A change to what
 * compute_keys makes needs a schema version whose upgrade rebuilds every index. */
int cw_store_remove_keys(struct cw_txn *t, const struct cw_record *old, struct cw_error *err);

/* The ids of the records filed under an id in an index keyed by it (by_case, by_person), each
 * once (a record has one key under one id), into *ids (the caller frees it). */
int cw_store_records_under(struct cw_txn *t, enum cw_db db, const struct cw_id *owner,
			   struct cw_id **ids, size_t *n, struct cw_error *err);
/* The same for a case (by_case). */
int cw_store_case_records(struct cw_txn *t, const struct cw_id *case_id, struct cw_id **ids,
			  size_t *n, struct cw_error *err);

/* Removes (delta -1) or writes (+1) the keys of each of the records ids, read as stored: a
 * case's records are unindexed before the case changes or goes, and indexed again after. */
int cw_store_reindex_records(struct cw_txn *t, const struct cw_id *ids, size_t n, int delta,
			     struct cw_error *err);

/* Brings a database of an earlier schema version to CW_SCHEMA_VERSION in one write
 * transaction (every record's index keys, names and counts made again, then the version); a
 * read-only store is refused with CW_EVERSION naming the command that upgrades it (dir).
 * Nothing to do at the current version. upgrade.c. */
int cw_store_upgrade(struct cw_store *st, const char *dir, struct cw_error *err);
/* The meta entry that says which Unicode version (cw_text_fold_version) the index of people by
 * name was folded by; written at init, by an upgrade that makes every key again, and by
 * cw_store_refold. */
#define CW_META_UNICODE "unicode_version"
/* With st->fold_stale, opened for writing: makes the index of people by name again, every
 * person under their names folded by this casewatch's Unicode version, and records that
 * version, in one write transaction; nothing otherwise. upgrade.c. */
int cw_store_refold(struct cw_store *st, struct cw_error *err);
/* Writes only the by_name keys of rec, a person (cw_store_refold). keys.c. */
int cw_store_write_name_keys(struct cw_txn *t, const struct cw_record *rec, struct cw_error *err);

/* After a hearing or milestone that gives a verdict is put: moves the state of the charges
 * it rules on in its case (cw_case_follow_verdict) and puts the case, in the same transaction
 * (cw_txn_put with CW_PUT_FOLLOW_VERDICTS calls it). An edit (old_case: the case the version
 * before named, NULL for a new record) whose rulings changed (cw_store_rulings_equal says they
 * did not: nothing is done) first takes back what the version before moved
 * (cw_case_unfollow_record), in that case and in this one. A ruling made again this way
 * follows the rulings after it in the charge's history; its state is what the rules give
 * from the charge's state then. verdicts.c. */
int cw_store_follow_verdicts(struct cw_txn *t, const struct cw_record *rec,
			     const struct cw_id *old_case, struct cw_error *err);
/* Whether two versions of a hearing or milestone rule the same way: the same case, date,
 * stage or type, and the same verdicts (whom, which charge, which result). */
int cw_store_rulings_equal(const struct cw_record *a, const struct cw_record *b);
/* The case a hearing's or milestone's version rules in; NULL for none (another kind, or no
 * case named). verdicts.c. */
const struct cw_id *cw_store_ruling_case(const struct cw_record *r);
/* Takes back what the record `by` moved in a case's charges and puts the case when that
 * changed it (a hearing or milestone deleted here). A case that is gone has nothing to take
 * back. */
int cw_store_unfollow_verdicts(struct cw_txn *t, const struct cw_id *by,
			       const struct cw_id *case_id, struct cw_error *err);
/* The stage rec (a hearing or milestone about to be deleted) puts its case at, when the case
 * (or a defendant it names) stands there and no other record of the case puts it there too:
 * deleting rec leaves the stage as rec may have moved it, since the stage before a move is
 * not kept (cw_case_follow_stage). 0 in *stage otherwise. verdicts.c. */
int cw_store_stage_left(struct cw_txn *t, const struct cw_record *rec, uint8_t *stage,
			struct cw_error *err);

/* ---- deletions (records.c; used by merge.c, bundle.c and store.c) ------------------------- */

/* Writes the tombstone of a deleted record: rec reduced to what a deletion carries (id, kind,
 * who, where, when, its vector: cw_version_make_tombstone), whatever rec holds. */
int cw_store_put_tombstone(struct cw_txn *t, const struct cw_record *rec, struct cw_error *err);
int cw_store_del_tombstone(struct cw_txn *t, const struct cw_id *id, struct cw_error *err);

/* Removes a record from the records table with its index keys, its value wiped first; a
 * deleted case's hearings and milestones are re-indexed without what they took from it. The
 * records that name it keep the id (shown as a deleted person or case). 0 when it is not
 * there. */
int cw_store_unlink(struct cw_txn *t, const struct cw_id *id, struct cw_error *err);

/* Overwrites the value of k in db with zeros where it lies, before it is deleted or replaced
 * (LMDB would leave the bytes in the page's free middle), and asks cw_store_write to clear the
 * free pages of the file once the transaction commits (the old copies of every page this
 * transaction changed still hold them). 0 when k is not there. */
int cw_store_wipe(struct cw_txn *t, enum cw_db db, MDB_val *k, struct cw_error *err);

/* Whether a live record names id, a person or case (of `kind`; others are never named). */
int cw_store_is_named(struct cw_txn *t, const struct cw_id *id, uint8_t kind, int *named,
		      struct cw_error *err);

/* The ids a record names (cases, persons), each once; the caller frees *ids. */
int cw_store_record_refs(const struct cw_record *rec, struct cw_id **ids, size_t *n);
/* Those, and every other record it names: the accounts it links to, the one it comes after, the
 * person a merge's tombstone points to; each once. CW_ENOMEM (nothing to free) or 0. */
int cw_store_record_names(const struct cw_record *rec, struct cw_id **ids, size_t *n);

/* Appends a copy of rec (taking ownership of its contents) to the list. */
int cw_record_list_push(struct cw_record_list *l, struct cw_record *rec);

/* ---- the audit log (audit.c; used by bundle.c) -------------------------------------------- */

/* Appends an audit entry unless an identical one (database, time, record, action) is held;
 * *added (may be NULL) says whether it was. Entries made elsewhere keep their database. */
int cw_store_audit_append(struct cw_txn *t, const struct cw_audit_entry *e, int check_seen,
			  int *added, struct cw_error *err);

/* ---- attachments (attach.c; used by bundle.c, verify.c, encrypt.c, records.c) ------------- */

#include <jansson.h>

struct cw_attachment;
#define CW_ATTACH_TAG_LEN      32
#define CW_ATTACH_BLOB_KEY_LEN (CW_ATTACH_TAG_LEN + 4)

/* The tag a content is stored under: the keyed tag of its SHA-256 (encrypted), the hash
 * itself (plain). seal.c. */
void cw_store_blob_tag(const struct cw_store *st, const uint8_t sha256[32],
		       uint8_t out[CW_ATTACH_TAG_LEN]);
/* The key of part `part` of a content. */
void cw_attach_blob_key(const struct cw_store *st, const uint8_t sha256[32], uint32_t part,
			uint8_t out[CW_ATTACH_BLOB_KEY_LEN]);
/* How many parts a content of `size` bytes has (an empty one has one, empty). */
size_t cw_attach_parts(uint64_t size);
/* A description as JSON (with its local "stored" stamp when local), and back. */
json_t *cw_attach_json(const struct cw_attachment *a, int local);
int cw_attach_parse(const json_t *o, struct cw_attachment *a, struct cw_error *err);
/* Reads a description in any transaction (missing set from the blobs); CW_ENOTFOUND. */
int cw_attach_load(struct cw_store *st, MDB_txn *txn, const struct cw_id *id,
		   struct cw_attachment *a, struct cw_error *err);
/* Writes a description and its index entry, stamped stored now. */
int cw_attach_store(struct cw_txn *t, struct cw_attachment *a, struct cw_error *err);
/* The attachments of a record in txn. */
int cw_attach_list_txn(struct cw_store *st, MDB_txn *txn, const struct cw_id *record,
		       int with_detached, struct cw_attachment **out, size_t *n,
		       struct cw_error *err);
/* Detaches one (before: may be NULL) / every live one of a record, inside a write. */
int cw_attach_detach_in_txn(struct cw_txn *t, const struct cw_id *id, struct cw_attachment *before,
			    struct cw_error *err);
int cw_attach_detach_record(struct cw_txn *t, const struct cw_id *record, struct cw_error *err);
/* The content's parts through fn, each part's seal and the whole's hash checked. */
typedef int (*cw_attach_sink)(void *ctx, const void *data, size_t len, struct cw_error *err);
int cw_attach_read_txn(struct cw_store *st, MDB_txn *txn, const struct cw_attachment *a,
		       cw_attach_sink fn, void *ctx, struct cw_error *err);
/* Bundles: every description in id order; merging one that arrived (*changed: what it did
 * here, CW_ATTACH_ADDED, CW_ATTACH_DETACHED and/or CW_ATTACH_CAPTIONED (a caption changed
 * later than this one's), or 0; *want_content: the content is wanted
 * here, being neither held nor detached); a part of a content put. */
enum { CW_ATTACH_ADDED = 1, CW_ATTACH_DETACHED = 2, CW_ATTACH_CAPTIONED = 4 };
int cw_attach_walk(struct cw_store *st, MDB_txn *txn,
		   int (*fn)(void *ctx, const struct cw_attachment *a, struct cw_error *err),
		   void *ctx, struct cw_error *err);
int cw_attach_merge(struct cw_txn *t, struct cw_attachment *in, int *changed, int *want_content,
		    struct cw_error *err);
int cw_attach_put_part(struct cw_txn *t, const uint8_t sha256[32], uint32_t part, const void *data,
		       size_t len, struct cw_error *err);
/* verify's part: a line through problem() per damaged, unindexed or orphaned attachment or
 * part; *checked descriptions and *bytes of content read. */
int cw_attach_verify(struct cw_store *st, MDB_txn *txn,
		     void (*problem)(void *ctx, const char *line), void *ctx, size_t *checked,
		     uint64_t *bytes, struct cw_error *err);

#endif
