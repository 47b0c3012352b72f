/* backup.h - backups a user can trust while casewatch is in use, and restoring them.
 *
 * A backup is one file: a header, the database's key slot, and a compacted copy of data.mdb
 * made with LMDB's own copy inside one read transaction (mdb_env_copyfd2, MDB_CP_COMPACT), so
 * it is consistent while other processes read and write, then a BLAKE2b-256 checksum of all
 * that. One file, not a folder: it is one thing to carry and to name, it appears whole or not
 * at all (written beside, synced, renamed), and a copy damaged or cut short on the way (a
 * flaky stick) is refused before anything is restored. The copy of an encrypted database is
 * encrypted as it is (its values are sealed already) and only its key slot opens it, so the
 * slot travels with it; the checksum guards against damage, the seals against tampering
 * (`verify` runs on what is restored).
 *
 * Layout (integers big-endian):
 *   "CWBACKUP"(8) version(4) flags(4: bit 0 encrypted, bit 1 without its key slot) database
 *   id(16) made(8: microseconds
 *   since the epoch) key slot length(4) data length(8) reserved(12, zero)
 *   key slot (as the file DIR/key holds it; none for a plain database, nor for one made
 *   without it: version 2, which an earlier casewatch refuses rather than restore a database
 *   it could never open)
 *   data.mdb, compacted
 *   BLAKE2b-256 of everything before it
 * May use: models/, store/. */
#ifndef CW_STORE_BACKUP_H
#define CW_STORE_BACKUP_H

#include <stdint.h>

#include "models/error.h"
#include "models/record.h"
#include "store/store.h"

#define CW_BACKUP_VERSION 2

struct cw_backup_info {
	struct cw_id database;
	int encrypted;
	/* Made without the key slot (cw_store_backup's without_key): only a recovery file opens
	 * what it restores, so crypto-erase (destroy-key) and a change of passphrase reach it. */
	int without_key;
	int64_t made;        /* microseconds since the epoch, UTC */
	uint64_t data_bytes; /* the compacted copy of data.mdb */
	uint64_t file_bytes; /* the whole backup file */
};

/* Writes a backup of the open database (read-only or not) to path, mode 0600: into a temporary
 * file beside it, synced, then renamed over path. Other processes may read and write
 * meanwhile. The database is not changed: cw_store_note_backup records the time. CW_EKEY
 * when an encrypted database has no key slot (the copy could never be opened); CW_EIO when
 * the file cannot be written ("the disk is full" when it is); nothing is left behind on
 * failure. With without_key, an encrypted database's copy goes without its key slot (CW_EINVAL
 * for a plain one, which has none). */
int cw_store_backup(struct cw_store *st, const char *path, int without_key,
		    struct cw_backup_info *info, struct cw_error *err);

/* Reads a backup's header and checks its length and checksum, writing nothing: CW_EINVAL
 * (not a casewatch backup), CW_EVERSION (a newer one), CW_EDAMAGED (cut short or altered),
 * CW_EIO. */
int cw_backup_check(const char *path, struct cw_backup_info *info, struct cw_error *err);

/* Restores the backup at path into dir, a new folder (an empty one may exist): the file is
 * checked whole first (cw_backup_check), then data.mdb and the key slot are written into a
 * temporary folder beside dir, synced, and renamed to dir. CW_EREFUSED when dir holds
 * anything (never over a database). The caller opens and verifies what was restored. */
int cw_backup_restore(const char *path, const char *dir, struct cw_backup_info *info,
		      struct cw_error *err);

/* Records `when` (microseconds since the epoch) as the time of the last backup in the meta
 * data of the database in dir ("last_backup", in the clear: a time, no user data). Opens the
 * database for that alone, without its key; call it while this process does not have the
 * database open (LMDB forbids two handles in one process). CW_EIO on read-only media. */
int cw_store_note_backup(const char *dir, int64_t when, struct cw_error *err);

/* The time of the last backup noted in the database in dir (0: never), read without its key and
 * without opening it as a store: for destroy-key, which runs without the passphrase. Call it
 * while this process does not have the database open. CW_EDB when it cannot be read,
 * CW_EDAMAGED when the time noted is not one (never read as "never"). */
int cw_store_last_backup(const char *dir, int64_t *when, struct cw_error *err);

/* When the last backup was made (0: never) and, when it never was, when the oldest change in
 * the audit log was (0: none), for telling a user that a backup is due. A time noted that
 * cannot be read (CW_EDAMAGED, CW_EDB) or an audit entry that fails its authentication is an
 * error, never "no backup" nor "nothing to back up". The audit log is read only when no
 * backup was noted, so that one noted is never hidden by an entry that cannot be read. */
int cw_store_backup_age(struct cw_store *st, int64_t *last_backup, int64_t *oldest_change,
			struct cw_error *err);

#endif
