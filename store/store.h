/* store.h - casewatch's database: one LMDB environment with named databases for records and
 * their indexes. The only module that includes <lmdb.h>; nothing above it sees LMDB types.
 *
 * Layout (all keys big-endian, names and free text never in keys; every index key ends with
 * the record's kind byte after its id):
 *   meta         "schema_version" u32, "database_id" 16 bytes, "name_key" 32 bytes,
 *                "identity" and "identity_secret" (this database's keys: store/identity.h)
 *   records      id(16)                                -> encoded record (models/codec.h)
 *   record_keys  (empty since schema 3; see below)
 *   by_kind      kind(1) date(4) id(16)
 *   by_date      date(4) id(16)                        (monitoring records)
 *   by_article   law(1) number(2) suffix(1) date(4) id(16)
 *   by_person    person id(16) date(4) id(16)          (timelines)
 *   by_case      case id(16) date(4) id(16)
 *   by_court     keyed hash of court name(8) date(4) id(16)
 *   by_province  keyed hash of province name(8) date(4) id(16)
 *   by_next_date a hearing's next date or a visit's follow-up date(4) id(16) (the agenda)
 *   by_link      linked record's id(16) date(4) id(16) (a record under each record it links to)
 *   by_name      keyed tag of a person's name, folded(8) date(4) id(16)  (people: each under
 *                their Latin name and their Khmer name; which people bear exactly a name is
 *                a range of it, cw_store_people_named)
 *   counts       db(1) prefix kind(1)                  -> entries under that prefix (u64)
 *   names        type(1) keyed hash(8)                 -> use count(4) and the name as written
 *   audit        sequence(8)                           -> one change: time, action, kind, record
 *                                                         id, database id, author (append-only)
 *   tombstones   id(16)                                -> a deletion: id, kind, who, where, when
 *                                                         and its vector, no content
 *   conflicts    id(16) updated(8) edited_in(16)       -> deleted(1) + a concurrent version
 *                                                         (a deletion without content)
 *   peers        name                                  -> last audit sequence sent(8), time(8)
 *   audit_seen   database(16) time(8) record(16) action(1)  (entries that came in bundles: held)
 *   trust        peer name (a tag when encrypted)      -> its public keys, name, when enrolled
 *                                                         (the peers it trusts: store/trust.h)
 *   detention    type(1) ids and a date, id(16) kind(1) pretrial detention: who was arrested or
 *                                                         detained in which case and when, what
 *                                                         ended it, who is held (detention.c)
 *   drafts       draft id(16)                          -> saved(8) kind(1) record(16) label body:
 *                                                         forms saved unfinished (drafts.c)
 *   undo         "last"                                -> what the last action changed: each
 *                                                         record's id and version before (undo.c)
 * meta also holds "deletions_bare" (deletions were stripped of content: store.c) and
 * "scrubbed" (when free space was last cleared: scrub.c).
 * Sync by bundle, versions and conflicts: store/sync.h.
 * Hearings and milestones are indexed under their case's articles, court and defendants; when
 * a case changes, its records are re-indexed in the same transaction. An update removes the
 * keys of the old version computed again from it (no list of them is kept: until schema 2,
 * `record_keys` held one, a fifth of the file), which gives exactly the keys it wrote because
 * everything they are made from is re-indexed around its own changes; `verify` checks that
 * every index holds exactly the keys the records make.
 *
 * Every user action is one write transaction (cw_store_write): it commits wholly or changes
 * nothing. When the map is full the transaction is aborted, the map doubled and the action run
 * again. Reads use short read transactions and copy everything out before they end. */
#ifndef CW_STORE_H
#define CW_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "models/filter.h"
#include "models/record.h"

/* 2: as-of dates, placements, links, sentence parts, tallies, incidents, group events, and
 * the government's account under article keys of its own; 3: no record_keys; 4: the
 * pretrial-detention index; 5: this database's own audit entries without its id; 6: a
 * milestone's articles, a list, and the milestone filed under them alone; 7: the ends of
 * detentions filed by date in the detention index too; 8: the arrests and detentions of groups
 * of unnamed defendants in it too; 9: values sealed with a 16-byte stored nonce (store/vault.h);
 * 10: the defendants a case says are detained, in it too; 14: a milestone of someone its case
 * does not name under no article of the case; 16: bail decisions and releases told apart among
 * the detention index's ends; 17: a visit's concerns and detainees may be confidential, which an
 * earlier casewatch would not withhold; 18: a hearing's verdict that names no one, and its bail,
 * end the detention of those its record names, under each of them in the detention index, and
 * everyone's only where it names no person; 19: the index of people by name (store/upgrade.c). */
#define CW_SCHEMA_VERSION 19

struct cw_store;
struct cw_txn;

struct cw_vault;

/* Asked for the key when the database turns out to be encrypted (after the meta data is read,
 * outside any transaction): fills *out, which the store then owns, or fails (CW_EKEY). */
typedef int (*cw_key_fn)(void *ctx, const char *dir, const struct cw_id *database,
			 struct cw_vault **out, struct cw_error *err);

struct cw_store_options {
	size_t map_size;    /* initial map size in bytes; 0 for the default (64 MiB) */
	const char *author; /* monitor name written into new and changed records */
	int create;         /* create the database when it does not exist */
	/* Open without writing anything. Where the lock file cannot be written (read-only
	 * media, a folder of another user) the database opens without it: see
	 * cw_store_unlocked. */
	int read_only;
	/* Creating: encrypt the new database with this key (the store owns it from the call on,
	 * also when it fails); refused when a database is already there. NULL: a plain database
	 * (tests, the demo). */
	struct cw_vault *vault;
	const struct cw_id *database_id; /* creating: the new database's id (its key slot names
					  * it); NULL: a random one */
	cw_key_fn get_key; /* opening an encrypted database; NULL: refused with CW_EKEY */
	void *key_ctx;
	/* Set by get_key when the key it gave came from a cache (the kernel keyring): a cached
	 * key of a copy of the database, encrypted apart, has the same database id, so when it
	 * does not open this one get_key is asked once more (and reads the passphrase). NULL:
	 * never asked again. */
	int *key_from_cache;
	/* A command that writes many records (an import, a bundle, the benchmark's load): LMDB
	 * writes its pages in place in the file's map instead of keeping a copy of each changed
	 * page in the heap until the commit (and for reuse after it), so the heap does not grow
	 * with the batch. Each commit is as durable as any other. Only one bulk writer works in
	 * place on a folder at a time, and only on file systems where allocated blocks stay put
	 * (ext2-4, XFS, tmpfs); otherwise, and when the map cannot be made at open, the store
	 * writes the usual way. The map is no larger than the disk can give: a write that needs
	 * more fails as on a full disk. At close the file is cut back to its pages in use. A
	 * write refused or interrupted part way leaves what it wrote in pages no record uses
	 * (sealed, in an encrypted database): the content is as before, the file's bytes not
	 * always. store/bulk.c says why each of these is needed. Ignored read-only. */
	int bulk;
};

/* Opens (and with opt->create, creates) the database in directory `dir`. Refuses a database
 * whose schema version is newer than this casewatch's with CW_EVERSION. Frees the reader slots
 * that killed processes left behind. A folder or file the user may not read is CW_EIO
 * ("cannot read DIR: permission denied"), never taken for a missing database (CW_ENOTFOUND);
 * a writable open of a database on read-only media is CW_EIO too.
 * One of an earlier version is upgraded in place, in one write transaction, before the call
 * returns; opened read-only, it is refused with CW_EVERSION and the command that upgrades it. */
int cw_store_open(const char *dir, const struct cw_store_options *opt, struct cw_store **out,
		  struct cw_error *err);
void cw_store_close(struct cw_store *st);

/* Whether the database was opened read-only without its lock file (read-only media): nothing
 * then stops another process from writing to it meanwhile and changing pages under this one's
 * reads, so the front end warns that none may. */
int cw_store_unlocked(const struct cw_store *st);

/* Whether values are sealed with a key (the database was created encrypted). */
int cw_store_encrypted(const struct cw_store *st);
/* The key of an encrypted database (NULL for a plain one), for re-wrapping it under a new
 * passphrase or caching it; it stays the store's. */
const struct cw_vault *cw_store_vault(const struct cw_store *st);
/* The id of the database in dir and whether it is encrypted, read without its key (to lock it,
 * or to check that a recovery file is this database's). */
int cw_store_identify(const char *dir, struct cw_id *id, int *encrypted, struct cw_error *err);

/* Checks the database without trusting it (read-only, one read transaction): every sealed
 * value opens with its key, every record decodes and owns exactly the index keys its content
 * gives, every index entry belongs to the record it names, the counters and names' use counts
 * equal a recount, every record has an entry in the audit log. fn gets one line per problem;
 * returns 0 when the walk finished (problems or not: see stats) or an error. No memory to open
 * or decode a value is CW_ENOMEM, never a problem: it says nothing of the database. */
typedef void (*cw_verify_fn)(void *ctx, const char *problem);
struct cw_verify_stats {
	size_t records, index_entries, audit_entries, problems;
	/* Of the problems, those that are an index to make again, no record or value altered:
	 * by_name folded by another Unicode version ('casewatch upgrade' makes it again). */
	size_t reindex;
	size_t attachments;        /* attachments checked (store/attach.h) */
	uint64_t attachment_bytes; /* bytes of their content read and checked against its hash */
};
int cw_store_verify(struct cw_store *st, cw_verify_fn fn, void *ctx, struct cw_verify_stats *stats,
		    struct cw_error *err);

/* The key slot of the database in dir: its master key wrapped by a passphrase. */
void cw_store_keyslot_path(const char *dir, char *out, size_t len);

/* What of the database in dir other users may reach: its folder, data.mdb, lock.mdb and the
 * key slot, in that order, each that is there with any permission for the group or others
 * given to fn with its path and permission bits (is_dir: the folder). casewatch makes them
 * 0700 and 0600; a folder made 0777 before, or a copy unpacked with a loose umask, is not.
 * A folder others cannot enter hides its files, but a file open to them stays so wherever
 * the folder is copied: both are given. */
typedef void (*cw_exposed_fn)(void *ctx, const char *path, unsigned mode, int is_dir);
void cw_store_exposed(const char *dir, cw_exposed_fn fn, void *ctx);

/* Encrypting a plain database (encrypt.c): the command writes a new encrypted environment
 * beside the plain one, copies everything into it with this, then swaps the files. */
struct cw_copy_stats {
	size_t records, tombstones, conflicts, audit;
	size_t peers;    /* peers' bundle marks (what was exported to whom) */
	size_t enrolled; /* enrolled peers: the keys this database trusts */
	uint64_t txn;    /* the plain database's last transaction when it was copied */
};

/* Copies everything of the open plain database `plain` into `enc`, a newly created, empty
 * encrypted database with the same id, in one write transaction of enc, holding plain's write
 * lock throughout so that no other process changes it meanwhile. Records, deletions, conflicts,
 * audit entries (same sequence numbers), audit marks and peers keep their content exactly
 * (headers, stamps, version vectors); index keys, names and counts are made again under enc's
 * key. Then checks the copy: every table holds as many entries as plain's, every sealed value
 * opens to the original's bytes, every record, deletion and conflict decodes, the indexes of
 * dates, kinds and ids are identical and every name and peer is found by its new tag. plain
 * is only read. CW_EINVAL (plain encrypted, enc plain, the ids differ, either read-only),
 * CW_EREFUSED (enc not empty), CW_EDAMAGED (a value of plain does not decode, or the copy
 * differs: err says where), CW_EDB, CW_ENOMEM. */
int cw_store_copy_encrypted(struct cw_store *plain, struct cw_store *enc,
			    struct cw_copy_stats *stats, struct cw_error *err);

/* Whether a process other than this one has the database in dir open (every process that opens
 * it holds a lock on its lock file while it does): 1, with that process's id in *pid (may be
 * NULL), or 0. Call it while this process does not have the database open itself: its own lock
 * cannot be seen, and closing the probe's descriptor would drop it. CW_EIO. */
int cw_store_in_use(const char *dir, long *pid, struct cw_error *err);

/* Holding the database in dir alone, for a command that replaces data.mdb (compact, encrypt):
 * a process that opened the old file would go on writing into it, and whatever it wrote after
 * the last check and before the replacement would be lost. Every store holds a shared lock
 * (flock) on the lock file from before LMDB opens data.mdb until it is closed; the hold is the
 * exclusive lock, so while it lasts no other process has the database open, and a
 * cw_store_open elsewhere waits for its end (at most a minute), then opens the file now there.
 * Call it with the database not open in this process. 0: held; 1: another process has it open
 * (its id in *pid when known, else 0; pid may be NULL), nothing held; CW_EIO. */
struct cw_store_alone {
	int fd; /* the lock file, locked; -1 when nothing is held */
};
int cw_store_alone_begin(const char *dir, struct cw_store_alone *a, long *pid,
			 struct cw_error *err);
void cw_store_alone_end(struct cw_store_alone *a);

/* Compaction (compact.c): the bytes of data.mdb in use and, of those, in free pages (old
 * copies left by writes, reused by later ones but never given back), read briefly read-only. */
int cw_store_free_space(const char *dir, uint64_t *file_bytes, uint64_t *free_bytes,
			struct cw_error *err);

struct cw_compact_stats {
	uint64_t before, after; /* bytes of data.mdb */
	uint64_t free_before;   /* bytes of free pages before */
};

/* Rewrites data.mdb in dir without its free pages (LMDB's compacting copy, written beside it,
 * synced, renamed over it). The database must not be open in this process. CW_EREFUSED when
 * another process has it open, or wrote to it while it was copied (nothing changes);
 * CW_EIO when the disk is full (nothing changes either). Needs no key: sealed values are
 * copied as they are. */
int cw_store_compact(const char *dir, struct cw_compact_stats *stats, struct cw_error *err);

/* The number of the last transaction committed to the database in dir (its meta pages read
 * briefly, the lock file untouched): it changes with every write, so a copy can tell whether
 * it is still current. */
int cw_store_last_txn(const char *dir, uint64_t *txn, struct cw_error *err);

/* This database's random id, made when it was created. */
void cw_store_database_id(const struct cw_store *st, struct cw_id *out);
/* The current map size in bytes (grows when full). */
size_t cw_store_map_size(const struct cw_store *st);
/* Makes the map at least `bytes` larger than the pages in use, before a large write (an import,
 * a bundle): a write that fills the map is run again from the start after the map doubles, so a
 * large one into a small database would run several times. The map is address space, not disk:
 * the file grows only as pages are written. Call it outside any transaction of this process. */
int cw_store_reserve(struct cw_store *st, uint64_t bytes, struct cw_error *err);
/* The schema version stored in the database. */
uint32_t cw_store_schema_version(const struct cw_store *st);
/* The version the database had when this open upgraded it; 0 when it was current. */
uint32_t cw_store_upgraded_from(const struct cw_store *st);
/* How many records that upgrade left out of every index since they cannot be read (damaged:
 * verify names each), and the first in *first; 0 when none, or no upgrade. */
size_t cw_store_upgrade_left_out(const struct cw_store *st, struct cw_id *first);
/* When this open (for writing) made the index of people by name again, because its names were
 * folded by another Unicode version than this casewatch folds by: that version ("" when the
 * database did not say); else NULL. */
const char *cw_store_refolded_from(const struct cw_store *st);

/* Runs fn inside one write transaction and commits it; any error from fn aborts it and the
 * database is unchanged. fn may run more than once (after growing a full map), so it must not
 * have effects outside the transaction. */
typedef int (*cw_write_fn)(struct cw_txn *txn, void *ctx, struct cw_error *err);
int cw_store_write(struct cw_store *st, cw_write_fn fn, void *ctx, struct cw_error *err);

enum cw_put_flags {
	CW_PUT_KEEP_HEADER = 1, /* an import: keep the record's timestamps, author and origin */
	CW_PUT_NEW = 2,         /* refuse when the id exists already */
	CW_PUT_QUIET = 4,       /* sync: the caller writes the audit entry itself */
	/* A person logging a verdict (at a hearing, or a milestone with a result): the charges
	 * it rules on move in the same transaction, with their history (imports and sync bring
	 * records as they are, and never move other records). */
	CW_PUT_FOLLOW_VERDICTS = 8,
	/* An import: a new record (none stored under its id) that names no account and whose
	 * source says "own observation" is the team's own account (cw_record_view_from_source);
	 * one stored already keeps its account, so importing it again changes nothing. */
	CW_PUT_OWN_IF_NEW = 16,
	/* The caller has validated rec (cw_record_validate) and not changed it since: an import
	 * validates each record on the thread that parses it, not again on the one that writes. */
	CW_PUT_VALIDATED = 32,
	/* An edit of what was read earlier (a form, `edit`): refused (CW_EREFUSED) when the
	 * stored record is no longer the version rec was read as (changed or deleted since,
	 * by another process or a bundle), so that saving it does not silently undo that. */
	CW_PUT_IF_UNCHANGED = 64,
};

/* Inside a write: validates rec (unless CW_PUT_VALIDATED), checks that every id it names
 * exists with the right kind, stamps the header (unless CW_PUT_KEEP_HEADER), writes it and all
 * its index keys. A record with a zero id gets a fresh random id, written back into rec.
 * *changed (may be NULL) says whether anything was written: putting a record identical to the
 * stored one is a no-op. */
int cw_txn_put(struct cw_txn *txn, struct cw_record *rec, unsigned flags, int *changed,
	       struct cw_error *err);
/* Inside a write: deletes a record; refused (CW_EREFUSED) while other records name it. It
 * leaves a tombstone without content (store/sync.h), and its fields are overwritten in the
 * file, not just unlinked: once the write commits, cw_store_write clears the free space LMDB
 * left behind (one more commit and a pass over the file). Inside cw_store_write_undoable the
 * undo note keeps the record until the next change (see "undo"). */
int cw_txn_delete(struct cw_txn *txn, const struct cw_id *id, struct cw_error *err);
/* Inside a write: reads a record (the caller frees it). */
int cw_txn_get(struct cw_txn *txn, const struct cw_id *id, struct cw_record *rec,
	       struct cw_error *err);

/* One-transaction conveniences. */
int cw_store_put(struct cw_store *st, struct cw_record *rec, unsigned flags, struct cw_error *err);
int cw_store_delete(struct cw_store *st, const struct cw_id *id, struct cw_error *err);
/* The same, saying what the deletion left that its user should know: a hearing or milestone
 * that puts its case at a stage (an appeal lodged or decided, a Supreme Court decision, a
 * hearing's verdicts on appeal) may have moved the case's stage there (cw_case_follow_stage),
 * and the stage before is not kept, so deleting it leaves the stage as it is; when the case,
 * or a defendant the record names, stands at that stage and no other record of the case puts
 * it there, note->case_id and note->stage say so (zero otherwise). Read in the transaction
 * that deletes. note may be NULL. */
struct cw_delete_note {
	struct cw_id case_id;
	uint8_t stage; /* cw_words_stage; 0: nothing to say */
};
int cw_store_delete_noting(struct cw_store *st, const struct cw_id *id, struct cw_delete_note *note,
			   struct cw_error *err);
int cw_store_get(struct cw_store *st, const struct cw_id *id, struct cw_record *rec,
		 struct cw_error *err);
/* Whether a record was deleted or merged away here, or in a bundle taken here (a tombstone
 * holds its id): what a record naming one that cannot be read says of it, rather than of one
 * this database never held (a bundle's record looked at before its import). */
int cw_store_deleted(struct cw_store *st, const struct cw_id *id);

/* A list of decoded records, owned by the list. */
struct cw_record_list {
	struct cw_record *items;
	size_t n;
	size_t cap;
};
void cw_record_list_free(struct cw_record_list *l);
/* Moves *rec into the list (rec is left empty); CW_ENOMEM when it cannot grow. */
int cw_record_list_push(struct cw_record_list *l, struct cw_record *rec);

/* Finds the record an id or a unique id prefix (at least 6 hex digits) names. */
int cw_store_find_id(struct cw_store *st, const char *hex, struct cw_id *out, struct cw_error *err);
/* The same among the records held and those with conflicting versions: a record whose shown
 * version is a deletion (deleted here, or by a bundle that won) has no row, but its other
 * versions still name it for `conflicts resolve`. A prefix two of them share is ambiguous. */
int cw_store_find_conflicted_id(struct cw_store *st, const char *hex, struct cw_id *out,
				struct cw_error *err);

/* Resolves a person (or, with kind CW_KIND_CASE, a case) from an id, an id prefix or a name
 * (a title): an exact name (any case) wins, else a unique substring of the Latin or Khmer
 * name. No match is CW_ENOTFOUND; several are CW_EAMBIGUOUS with the candidates in *cands
 * (may be NULL). */
int cw_store_resolve(struct cw_store *st, enum cw_kind kind, const char *text, struct cw_id *out,
		     struct cw_record_list *cands, struct cw_error *err);

/* The people whose Latin or Khmer name is `name`, whole, folded as searches fold (any case and
 * spacing: models/text.h), into *out (the caller frees it), each once, at most `most` of them
 * (0: all; 2 tells whether a name is shared): a range of the index of people by name
 * (by_name), reading only them, never a walk of every person (but when that index was folded
 * by another Unicode version than this casewatch's and the database is opened read-only: then
 * the people are walked, as a store opened for writing makes the index again at open). A
 * name that folds to nothing is
 * no one's. 0, CW_ENOMEM, or the error of a read that failed (a record of theirs that is
 * damaged). */
int cw_store_people_named(struct cw_store *st, const char *name, size_t most,
			  struct cw_record_list *out, struct cw_error *err);

/* The suggestions of a field of people as a name is typed (the forms' pickers): the people
 * whose Latin or Khmer name holds `text`, folded as searches fold, into *out (freed with
 * cw_name_hits_free): those whose name starts with it first, then those with a word that does
 * (after a space or '-'), then those holding it inside a word, then those whose other text
 * holds it (source, affiliation, province, notes, where a merge keeps the spelling of the one
 * merged away: what a search finds them by besides their names), in name order within each (a
 * list of people's order: any case, then id); at most `most` names, and with each every other
 * person who bears it, wherever they come (a name two people bear is neither's). No walk at
 * each key: the first request reads every person once and keeps each one's id, label and
 * folded text, in guarded memory (sodium_malloc) wiped when dropped; later ones look only at
 * that text, and a text that holds the last one only at the people that one found; kept
 * until the database changes (any write, from any process) or the store is closed. A person
 * that cannot be read is the request's error (nothing kept: the next tries again). 0,
 * CW_ENOMEM or that error. */
enum cw_name_fit { CW_FIT_START, CW_FIT_WORD, CW_FIT_INSIDE, CW_FIT_ELSEWHERE };
struct cw_name_hit {
	struct cw_id id;
	char *label; /* the name a suggestion shows (cw_record_label) */
};
int cw_store_people_by_part(struct cw_store *st, const char *text, size_t most,
			    struct cw_name_hit **out, size_t *n, struct cw_error *err);
/* The same for a case field (its label the title): the cases cw_store_list's free text finds
 * (by any of their text, or a defendant's Latin or Khmer name), those whose title starts with
 * `text` first, then those with a word that does, then those holding it inside a word, then
 * the rest, newest first within each (CW_ORDER_NEWEST_FIRST); at most `most` hits, each title
 * once (the first of those that bear it). Kept as the people's names are (the first request
 * reads every case, and the people with them, at one transaction), and dropped the same way. */
int cw_store_cases_by_part(struct cw_store *st, const char *text, size_t most,
			   struct cw_name_hit **out, size_t *n, struct cw_error *err);
/* Frees the hits, wiping their names first. */
void cw_name_hits_free(struct cw_name_hit *hits, size_t n);

/* The person (or case) whose name (Latin or Khmer; a case's title) is closest to `text` as a
 * typo of it, within cw_text_typo_allowance (models/text.h): 1 with its id in *id, 0 when
 * none is that close, or an error. shown_only: only names that what is written for others
 * shows (cw_store_resolve's suggestion, printed beside what was typed). */
int cw_store_closest(struct cw_store *st, enum cw_kind kind, const char *text, int shown_only,
		     struct cw_id *id, struct cw_error *err);

/* Newest first puts records of unknown date after the dated ones; its exact reverse (undated
 * first, then the oldest) lets a view page from the end of a long list cheaply. */
enum cw_order { CW_ORDER_NEWEST_FIRST, CW_ORDER_OLDEST_FIRST, CW_ORDER_NEWEST_FIRST_REVERSED };

/* Records matching the filter, in date order, skipping `offset`, at most `limit` (0: all).
 * With no kind in the filter, `default_kinds` (a bit mask of 1 << kind) applies. Walks the
 * most selective index and checks the other criteria on each record's index keys, decoding
 * only what it returns (and what free text must look into). */
int cw_store_list(struct cw_store *st, const struct cw_filter *f, uint32_t default_kinds,
		  enum cw_order order, size_t offset, size_t limit, struct cw_record_list *out,
		  struct cw_error *err);

/* CW_ENOTFOUND, with the criterion as its field, when the filter's person, case, court or
 * province names nothing in the database (a typo would otherwise read as a quiet week);
 * 0 when each names something. */
int cw_store_filter_check(struct cw_store *st, const struct cw_filter *f, struct cw_error *err);

/* Counts what cw_store_list would return. */
int cw_store_count(struct cw_store *st, const struct cw_filter *f, uint32_t default_kinds,
		   size_t *count, struct cw_error *err);

/* Hearings whose next date and prison visits whose follow-up is due in [from, to] (to unknown:
 * no end), of the kinds asked for (a mask of 1 << kind: hearings, visits or both), by that
 * date (CW_ORDER_OLDEST_FIRST or CW_ORDER_NEWEST_FIRST), at most limit of them (0: all),
 * matching the filter's other criteria (its own dates and kinds are not used). */
int cw_store_list_next_dates(struct cw_store *st, const struct cw_filter *f, uint32_t kinds,
			     struct cw_date from, struct cw_date to, enum cw_order order,
			     size_t limit, struct cw_record_list *out, struct cw_error *err);

/* Everything that names a person, oldest first, unknown dates last, and undated events where
 * the sources place them (cw_timeline_order): cases, milestones, hearings, prison visits and
 * demonstrations. */
int cw_store_timeline_for_person(struct cw_store *st, const struct cw_id *person,
				 struct cw_record_list *out, struct cw_error *err);

/* The records of some kinds (a mask of 1 << kind) that name a person, oldest first: the
 * timeline's walk, reading only the kinds asked for (the index keys give each one's kind). */
int cw_store_person_records(struct cw_store *st, const struct cw_id *person, uint32_t kinds,
			    struct cw_record_list *out, struct cw_error *err);

/* ---- drafts ------------------------------------------------------------------------------
 * A draft is a form saved unfinished, to be completed later: what was typed, kept on this
 * laptop only. It is not a record: no list, count, report, export or bundle sees it, and it
 * is sealed like a record. Deleting one (or completing it) wipes its bytes. */
struct cw_draft {
	struct cw_id id;     /* the draft's own id (random) */
	int64_t saved;       /* when it was last saved, microseconds since the epoch */
	uint8_t kind;        /* the kind of record it is to be */
	struct cw_id record; /* the record it edits; zero for a new one */
	char *label;         /* what a list of drafts shows: a case's title, a name ... */
	char *body;          /* the form as the front end wrote it down (its own format) */
};
/* Saves d (a new draft when d->id is zero: the id is set), stamping d->saved. */
int cw_store_draft_put(struct cw_store *st, struct cw_draft *d, struct cw_error *err);
/* One draft into *out (cw_draft_free); CW_ENOTFOUND naming "draft". */
int cw_store_draft_get(struct cw_store *st, const struct cw_id *id, struct cw_draft *out,
		       struct cw_error *err);
/* Every draft, the last saved first (cw_drafts_free). */
int cw_store_drafts(struct cw_store *st, struct cw_draft **out, size_t *n, struct cw_error *err);
/* cw_store_put of the record a draft becomes, and the draft wiped and removed, in one write
 * transaction (a draft finished never outlives the record it made). */
int cw_store_put_completing(struct cw_store *st, struct cw_record *rec, unsigned flags,
			    const struct cw_id *draft, struct cw_error *err);
/* The same inside a write transaction of the caller's (a form that writes more than one
 * record); CW_ENOTFOUND when there is no such draft. */
int cw_txn_draft_delete(struct cw_txn *t, const struct cw_id *id, struct cw_error *err);
/* Wipes and removes a draft; CW_ENOTFOUND naming "draft". */
int cw_store_draft_delete(struct cw_store *st, const struct cw_id *id, struct cw_error *err);
void cw_draft_free(struct cw_draft *d);
void cw_drafts_free(struct cw_draft *v, size_t n);

/* ---- merging people --------------------------------------------------------------------------
 * One person recorded twice (two laptops each added them) becomes one: every record that names
 * the other names the one kept (a change made here, each audited), the one kept takes what only
 * the other had (a Khmer name, a province, roles ...) and, in its notes, the other's notes and
 * spelling with where they came from ("Merged from NAME (source: ...; account: ...): notes"; so
 * search finds the one kept by the spelling merged away), and the other is deleted with a
 * tombstone that names the one kept. Laptops that take that tombstone from a bundle point their
 * own records at the one kept as the import ends, so every laptop converges on the merge. One
 * write transaction, which undo takes back as one (see "undo"). */
#define CW_MERGE_CONFLICTS_MAX 16
struct cw_merge_stats {
	size_t moved; /* records now naming the one kept instead of the other */
	/* Refused (CW_EREFUSED, database unchanged) when a record names both and gives them
	 * different entries: a case's custody, stage or as-of date, or the state of one charge;
	 * a hearing's presence in court, or its verdict on one charge. The merge would have kept
	 * one that nobody chose, and the figures that follow from it (days in detention, who
	 * attended) with it. Entries that agree, or where one is not recorded, become one as
	 * before. Each difference is an error naming the field, the record and the two values,
	 * in the order of the records: the first CW_MERGE_CONFLICTS_MAX of nconflicts; err
	 * says how many, names the first and how to go on. */
	struct cw_error conflicts[CW_MERGE_CONFLICTS_MAX];
	size_t nconflicts;
};
int cw_store_merge_people(struct cw_store *st, const struct cw_id *keep, const struct cw_id *other,
			  struct cw_merge_stats *stats, struct cw_error *err);

/* A merge of people taken from a bundle (another laptop merged them) may find, in a record of
 * this laptop's own that names both, entries that differ: a case's custody, stage, custody date
 * or the state of one charge, a hearing's presence in court or its verdict on one charge, as
 * `person merge` made here refuses them. Neither can be chosen there, nor refused (the merge
 * was made elsewhere), nor made a conflict (both versions would be this laptop's, one after the
 * other): both entries are kept, naming the one kept, and said. Entries that agree become one.
 * One line per record and person: the field is the first field that differs, the message names
 * the record, the person and each field's two values. */
#define CW_DOUBLED_MAX 16
struct cw_doubled {
	struct cw_error lines[CW_DOUBLED_MAX];
	size_t n; /* records found, also past the first CW_DOUBLED_MAX given a line */
};
/* Every record that names someone a merge kept (a deletion that says where its person went)
 * twice with entries that differ, as above: what `conflicts` and the terminal interface's `X`
 * list beside versions (the first CW_DOUBLED_MAX, and how many more), until an edit makes the
 * entries one. */
int cw_store_doubled_entries(struct cw_store *st, struct cw_doubled *out, struct cw_error *err);
/* The same records, every one of them, each given to fn with its line and the person it names
 * twice (a record naming two such people, once for each), in one read; fn's non-zero return
 * (its error in err) stops the walk and is returned. */
typedef int (*cw_doubled_fn)(void *ctx, const struct cw_error *line, const struct cw_record *rec,
			     const struct cw_id *who, struct cw_error *err);
int cw_store_doubled_each(struct cw_store *st, cw_doubled_fn fn, void *ctx, struct cw_error *err);
/* The ids of those records, all of them, sorted, each once (*ids NULL when none): what a
 * report's header, a timeline and the terminal interface's status line count beside the
 * records whose conflicts wait (cw_sync_conflicted_ids), since a figure read from such a
 * record rests on one of two entries nobody chose. */
int cw_store_doubled_ids(struct cw_store *st, struct cw_id **ids, size_t *n, struct cw_error *err);
/* Entries of one person a record names twice that agree (an edit made them so) become one, as
 * a merge makes them: a case's defendants, a hearing's attendance and identical verdicts.
 * 0 or CW_ENOMEM. */
int cw_record_join_doubled(struct cw_record *rec);

/* ---- undo ----------------------------------------------------------------------------------
 * The last change made on this laptop by one of the front ends' actions can be taken back, as
 * one write and a new change that travels like any other: an add, edit or delete
 * (cw_store_put, cw_store_delete), a merge of people, or whatever one action wrote through
 * cw_store_write_undoable (a case saved with the new people it names, a verdict that moved its
 * case's charges). Each record it changed gets back the version it had before (a new version
 * that follows the current one), a record it added is deleted, and a record it deleted comes
 * back under the same id, made again over its tombstone (a person merged away is no longer
 * merged: other laptops stop pointing their records at the one kept; the files attached to it
 * stay detached, store/attach.h). Any other change to records (an import, a bundle, an undo)
 * leaves nothing to undo.
 *
 * The note lies in the undo table, sealed like a record: the versions replaced and, after a
 * deletion or merge, the deleted record's content, which is thus in the file until the next
 * change to records (or cw_store_undo_forget_now); then it is wiped, and the commit clears the
 * file's free space as a deletion's does. */
enum cw_undo_action { CW_UNDO_ADDED, CW_UNDO_EDITED, CW_UNDO_DELETED, CW_UNDO_MERGED };
struct cw_undo_info {
	enum cw_undo_action action; /* what the action did to the record it was about */
	enum cw_kind kind;
	struct cw_id id;
	char label[200];   /* the record's label, not yet neutralised */
	char into[200];    /* a merge: the label of the person kept */
	size_t others;     /* other records the action changed, taken back with it */
	int held_deleted;  /* the note keeps a deleted record's content */
	uint8_t token[16]; /* which note this is (a hash of it) */
};
/* Runs fn as cw_store_write does, noting every record it changes so that the action can be
 * taken back as one. A run that changes no record leaves the last note as it was. */
int cw_store_write_undoable(struct cw_store *st, cw_write_fn fn, void *ctx, struct cw_error *err);
/* Inside cw_store_write_undoable: the record the user acted on, named when the undo is offered
 * (by default the first one changed). */
void cw_txn_undo_about(struct cw_txn *t, const struct cw_id *id);
/* What an undo would take back; CW_ENOTFOUND naming "undo" when nothing (CW_EREFUSED for a
 * deletion noted by an earlier casewatch, which kept no content). */
int cw_store_undo_peek(struct cw_store *st, struct cw_undo_info *out, struct cw_error *err);
/* Takes it back in one write transaction; CW_ENOTFOUND and CW_EREFUSED as above. With `expect`
 * (a peek's answer, or NULL), only that change: CW_EREFUSED when the last change is another
 * one by now. */
int cw_store_undo(struct cw_store *st, const struct cw_undo_info *expect, struct cw_undo_info *out,
		  struct cw_error *err);
/* Forgets what there is to undo now, the note wiped from the file (its free space cleared as
 * after a deletion); *had says whether there was one. */
int cw_store_undo_forget_now(struct cw_store *st, int *had, struct cw_error *err);

/* ---- one reading of many records ---------------------------------------------------------
 * A reader is one read transaction: everything read through it is the database at one moment,
 * whatever other processes write meanwhile, and it costs one transaction however many records
 * it reads. Keep it short (LMDB keeps the pages it sees until it ends); never across a wait
 * for the user. */
struct cw_reader;
int cw_store_reader_begin(struct cw_store *st, struct cw_reader **out, struct cw_error *err);
void cw_reader_end(struct cw_reader *rd);
/* cw_store_get, cw_store_list, cw_store_list_next_dates and cw_store_person_records read
 * through the reader. */
int cw_reader_get(struct cw_reader *rd, const struct cw_id *id, struct cw_record *rec,
		  struct cw_error *err);
/* cw_store_count in the reader's transaction: index keys only, unless the filter asks for
 * text or names only records hold. */
int cw_reader_count(struct cw_reader *rd, const struct cw_filter *f, uint32_t default_kinds,
		    size_t *count, struct cw_error *err);
int cw_reader_list(struct cw_reader *rd, const struct cw_filter *f, uint32_t default_kinds,
		   enum cw_order order, size_t offset, size_t limit, struct cw_record_list *out,
		   struct cw_error *err);
int cw_reader_list_next_dates(struct cw_reader *rd, const struct cw_filter *f, uint32_t kinds,
			      struct cw_date from, struct cw_date to, enum cw_order order,
			      size_t limit, struct cw_record_list *out, struct cw_error *err);
/* The same, of the next dates given as exactly `given` (a year: "2025", not its months or
 * days), which a range cannot ask for: a year's key sorts before its first month's, and a
 * range that ends at a year runs to its last day. They are added to the end of *out, which
 * the caller has (a range's records, say) and frees, also on failure. */
int cw_reader_add_next_dates_given(struct cw_reader *rd, const struct cw_filter *f, uint32_t kinds,
				   struct cw_date given, struct cw_record_list *out,
				   struct cw_error *err);
int cw_reader_person_records(struct cw_reader *rd, const struct cw_id *person, uint32_t kinds,
			     struct cw_record_list *out, struct cw_error *err);

/* The people (kind CW_KIND_PERSON) or cases (CW_KIND_CASE) a filter's person or case
 * criterion `text` names, as a query resolves it: an id, an id prefix, or the records whose
 * name or title holds it. *ids (NULL when none) is freed by the caller. */
int cw_reader_filter_refs(struct cw_reader *rd, enum cw_kind kind, const char *text,
			  struct cw_id **ids, size_t *n, struct cw_error *err);
/* Whether a filter's free text is found in a name or title that what is written for others
 * withholds (a confidential person or case, a person's confidential name): then the text
 * itself tells whom it is about, and a report writes it as [confidential]. */
int cw_reader_text_names_withheld(struct cw_reader *rd, const char *text, int *withheld,
				  struct cw_error *err);
/* A filter made ready to test records one by one (people and cases named in it resolved once):
 * a record passes exactly when cw_store_list with the filter, its dates aside, would list it
 * (with no kind in the filter, default_kinds applies). Only for records read through rd. */
struct cw_matcher;
int cw_reader_matcher(struct cw_reader *rd, const struct cw_filter *f, uint32_t default_kinds,
		      struct cw_matcher **out, struct cw_error *err);
/* The same, for what is written for others: its free text finds records by the names of
 * people and the titles of cases only where those are shown there, not through a confidential
 * person or case, nor a person's confidential name (models/confidential.h); and its articles
 * find a hearing, milestone or incident through its case's charges, and a person through
 * theirs, only where the case is shown (not confidential, nor withheld by
 * cw_matcher_withhold): otherwise by the articles the record names itself alone. */
int cw_reader_matcher_as_shown(struct cw_reader *rd, const struct cw_filter *f,
			       uint32_t default_kinds, struct cw_matcher **out,
			       struct cw_error *err);
/* Cases an as-shown matcher takes as withheld besides those marked confidential (ones a
 * concurrent version of marks: report/confidential.h). CW_ENOMEM or 0. */
int cw_matcher_withhold(struct cw_matcher *m, const struct cw_id *ids, size_t n,
			struct cw_error *err);
int cw_matcher_test(struct cw_matcher *m, const struct cw_record *rec, int *match,
		    struct cw_error *err);
/* Whether the filter admits the person: it names no person, or names this one among those its
 * text finds (a case matches a filter naming any of its defendants; a co-defendant does not). */
int cw_matcher_admits_person(const struct cw_matcher *m, const struct cw_id *person);
void cw_matcher_free(struct cw_matcher *m);

/* ---- pretrial detention (detention.c) ----------------------------------------------------
 * The store keeps an index of pretrial detention in the transactions that write cases,
 * hearings and milestones: every arrest or detention of a defendant, every event that ends
 * one (models/timeline.h gives the rules), and which of the starts are of a person their case
 * says is held. From it, the people who may still be in pretrial detention at the end of a day
 * `to`, as cw_timeline_summarise reads their records on that day, are found without reading a
 * record: every person it finds still detained is among them (a person is left out only when
 * the index shows that none of their detentions can still run on `to`: no start, ended by then,
 * or not held now and not ended after `to`).
 * Each comes with `bound`, at least the days cw_timeline_summarise counts for them up to `to`,
 * so that a caller wanting the longest detentions reads the records of the first ones only.
 * Sorted by bound, longest first, then by person id. */
struct cw_detention_candidate {
	struct cw_id person;
	long bound;
	/* The records may give no length for them at all (a detention still running, counted to
	 * the latest record, and none of the case or the person dated after its start): a caller
	 * that lists the longest reads them whatever their bound, as their length is unknown. */
	int maybe_unknown;
};
/* What the caller reads of a detention: with `shown`, what is written for others
 * (report/confidential.h), no confidential hearing or milestone; with `views` (bits 1 <<
 * CW_VIEW_*; 0: every account), the hearings and milestones of those accounts only (cases
 * are read whatever their account): a report of some accounts takes no start, end or length
 * from another's records. The index gives the people and bounds of what the caller sees. */
struct cw_detention_sight {
	int shown;
	uint32_t views;
};
int cw_reader_detention_candidates(struct cw_reader *rd, struct cw_date to,
				   struct cw_detention_sight sight,
				   struct cw_detention_candidate **out, size_t *n,
				   struct cw_error *err);
/* The cases where a group of unnamed defendants may be held in pretrial detention at the end
 * of `to`, each once, by id: those with an arrest or detention of a group (a milestone naming
 * a group) dated up to then while the case's entry for the group says detained, and those
 * with such a start where an event dated after `to` may have ended it (detention.c argues
 * that no case where cw_timeline_summarise_group finds a group held is left out). The caller
 * reads their records to decide (groups are few). *out is freed by the caller. */
int cw_reader_detention_group_cases(struct cw_reader *rd, struct cw_date to, struct cw_id **out,
				    size_t *n, struct cw_error *err);
/* The defendants a case's entry says are held before a verdict, known so by `to`
 * (cw_timeline_entry_known, up to `to`) with no arrest or detention of theirs in the case
 * dated up to `to` or since their last one ended (before the entry was known), or undated
 * with none dated at all (a start after `to` says when they were taken); the index keeps a
 * detention by its start, so these are in neither list above, and
 * a start the caller does not see (sight) is not counted, as what it reads does not show it:
 * each named one (person set), and each case with a labelled group so detained
 * (person zero: the caller reads the case's records to tell which of its groups has no start
 * of its own). `known` is that date, the latest of a case's groups; unknown when none. Latest
 * known first, the undated last. *out is freed by the caller. */
struct cw_unstarted {
	struct cw_id person, case_id;
	struct cw_date known;
	/* A person whose last stretch in the case (started by `to`) ended on this day, before
	 * their entry was known: held again, with no arrest or detention logged since. Unknown
	 * for everyone else (their start, if any, is after `to`). */
	struct cw_date ended;
	struct cw_id ended_by; /* the record of that end */
	/* A dated entry's person: the first arrest or detention of theirs in the case dated after
	 * `to` that the reader sees; unknown when none. An entry dated only by the case's opening
	 * (cw_timeline_entry_dated) yields to it, as an undated one does: it says when they were
	 * taken. */
	struct cw_date taken_later;
};
int cw_reader_detained_unstarted(struct cw_reader *rd, struct cw_date to,
				 struct cw_detention_sight sight, struct cw_unstarted **out,
				 size_t *n, struct cw_error *err);
/* The hearings, milestones and incidents filed under a case (kinds: which of them), oldest
 * first. */
int cw_reader_case_records(struct cw_reader *rd, const struct cw_id *kase, uint32_t kinds,
			   struct cw_record_list *out, struct cw_error *err);
/* The same, of the records dated from `from` to `to` in date order (cw_date_key: a date given
 * to the month sorts before the month's first day, one given to the year before the year's),
 * both ends included; none with an unknown date. */
int cw_reader_case_records_between(struct cw_reader *rd, const struct cw_id *kase, uint32_t kinds,
				   struct cw_date from, struct cw_date to,
				   struct cw_record_list *out, struct cw_error *err);
/* The ids of the records whose links name `target` (links are kept on the record that names
 * the other: this finds them from the other side), each once, in the order of their dates.
 * *out is freed by the caller. */
int cw_reader_linking(struct cw_reader *rd, const struct cw_id *target, struct cw_id **out,
		      size_t *n, struct cw_error *err);

/* Names of courts, provinces and facilities in use, for pickers (substring match, any case). */
enum cw_name_type { CW_NAME_COURT = 1, CW_NAME_PROVINCE = 2, CW_NAME_FACILITY = 3 };
int cw_store_names(struct cw_store *st, enum cw_name_type type, const char *substring,
		   char ***names, size_t *count, struct cw_error *err);
void cw_store_names_free(char **names, size_t count);

/* The audit log: every change, appended in the transaction that makes it. */
enum cw_audit_action {
	CW_AUDIT_CREATE = 1,
	CW_AUDIT_EDIT = 2,
	CW_AUDIT_DELETE = 3,
	CW_AUDIT_IMPORT = 4,  /* written by an import that keeps the record's own header */
	CW_AUDIT_RESOLVE = 5, /* a conflict resolved by a person */
	CW_AUDIT_ATTACH = 6,  /* a file attached to the record (store/attach.h) */
	CW_AUDIT_DETACH = 7,  /* a file detached from it */
	CW_AUDIT_CAPTION = 8, /* the caption of one of its attachments changed */
};

#define CW_AUDIT_HASH_BYTES 32
#define CW_AUDIT_SIG_BYTES  64
struct cw_audit_entry {
	uint64_t seq;
	int64_t time; /* microseconds since the epoch, UTC */
	uint8_t action;
	uint8_t kind;
	struct cw_id record;
	struct cw_id database; /* where the change was made */
	char author[128];
	/* The chain: the hash of the previous entry made in the same database (all zeros for
	 * its first), and a signature by that database's identity over this entry's hash on the
	 * last entry each write transaction made there (it covers every earlier one through the
	 * chain). Entries written before the chain existed have neither. */
	int chained;
	int is_signed;
	uint8_t prev[CW_AUDIT_HASH_BYTES];
	uint8_t sig[CW_AUDIT_SIG_BYTES];
};

/* The hash that the next entry of the same database carries as `prev`, and that a signature
 * signs: BLAKE2b-256 over the entry's content (not its local sequence number) and its prev. */
void cw_audit_hash(const struct cw_audit_entry *e, uint8_t out[CW_AUDIT_HASH_BYTES]);

const char *cw_audit_action_name(enum cw_audit_action action);

/* Inside a write: appends an entry stamped now, by this database and its author. */
int cw_txn_audit(struct cw_txn *txn, enum cw_audit_action action, enum cw_kind kind,
		 const struct cw_id *record, struct cw_error *err);
/* The same, stamped with `time`: a change's entry carries the change's own `updated`, so that
 * `verify` can find the entry of every record's latest version. */
int cw_txn_audit_at(struct cw_txn *txn, enum cw_audit_action action, enum cw_kind kind,
		    const struct cw_id *record, int64_t time, struct cw_error *err);

/* Entries with seq > after, oldest first, at most limit (0: all); the caller frees *out. */
int cw_store_audit(struct cw_store *st, uint64_t after, size_t limit, struct cw_audit_entry **out,
		   size_t *count, struct cw_error *err);

/* A number that changes whenever any process commits a write to the database: a view can
 * skip re-reading while it stays the same. */
uint64_t cw_store_generation(struct cw_store *st);

/* Mask helpers. */
#define CW_KIND_BIT(k) (UINT32_C(1) << (k))
#define CW_KINDS_EVENTS                                                                            \
	(CW_KIND_BIT(CW_KIND_HEARING) | CW_KIND_BIT(CW_KIND_VISIT) | CW_KIND_BIT(CW_KIND_DEMO) |   \
	 CW_KIND_BIT(CW_KIND_MILESTONE) | CW_KIND_BIT(CW_KIND_INCIDENT))

#endif
