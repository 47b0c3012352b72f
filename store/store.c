/* store.c - the environment: opening and closing it, its named databases, write transactions
 * and growing the map; see store.h for the layout. */
#include "config.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "models/version.h"
#include "models/i18n.h"
#include "models/text.h"
#include "store/outfile.h"
#include "store/store_internal.h"
#include "store/vault.h"

#define DEFAULT_MAP_SIZE ((size_t)64 << 20)
#define MAX_WRITE_TRIES  24
/* The meta entry that says a database's deletions hold no content (strip_old_deletions). */
#define DELETIONS_BARE "deletions_bare"
/* How often a transaction may find the map grown by another process before it gives up: each
 * time it adopts the new size, so only a storm of growth in other processes exhausts it. */
#define MAX_RESIZE_TRIES 64

/* Not reflowed: a table added is then a line added, which merges with other changes. */
/* clang-format off */
static const char *const db_names[DB_COUNT] = {
	"meta",       "records",   "record_keys", "by_kind",     "by_date", "by_article",
	"by_person",  "by_case",   "by_court",    "by_province", "names",   "audit",
	"tombstones", "conflicts", "peers",       "audit_seen",  "counts",  "by_next_date",
	"trust",
	"detention",
	"drafts",
	"undo",
	"attachments",
	"attach_index",
	"blobs",
	"by_link",
	"by_name",
};
/* clang-format on */

const char *cw_store_table_name(enum cw_db db)
{
	return (unsigned)db < DB_COUNT ? db_names[db] : "?";
}

int cw_store_lmdb_error(struct cw_txn *t, int rc, const char *what, struct cw_error *err)
{
	const char *dir = t ? t->st->dir : NULL;

	if (rc < 0 && rc >= CW_EDAMAGED)
		return rc; /* a project code: err says it already */
	/* What it was doing is a msgid (xgettext takes the 3rd argument: po/Makevars). */
	what = what && *what ? _(what) : "";
	if (rc == MDB_MAP_FULL && t)
		t->map_full = 1;
	if (rc == MDB_NOTFOUND)
		return cw_error_set(err, CW_ENOTFOUND, "", "%s: not found", what);
	if (rc == ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "%s: out of memory", what);
	/* A full disk says so every time, however LMDB happened to meet it: ENOSPC, a short
	 * write (EIO), or a process whose earlier write failed for it (MDB_PANIC). */
	if (rc == ENOSPC || rc == EDQUOT ||
	    ((rc == EIO || rc == MDB_PANIC) && dir && cw_disk_full(dir, -1)))
		return cw_error_set(err, CW_EDB, "database",
				    "%s: the disk %s%.200s is full: nothing was saved; free some "
				    "space and try again",
				    what, dir ? _("holding ") : "", dir ? dir : "");
	if (rc == EROFS || rc == EACCES || rc == EPERM)
		return cw_error_set(err, CW_EDB, "database", "%s: %s", what,
				    rc == EROFS ? _("the database is on read-only media")
						: _("permission denied"));
	return cw_error_set(err, CW_EDB, "database", "%s: %s", what, mdb_strerror(rc));
}

int cw_store_txn_begin(struct cw_store *st, unsigned flags, MDB_txn **txn)
{
	int rc = MDB_MAP_RESIZED;

	if (st->broken)
		return MDB_PANIC;
	for (int i = 0; i < MAX_RESIZE_TRIES && rc == MDB_MAP_RESIZED; i++) {
		if ((rc = mdb_txn_begin(st->env, NULL, flags, txn)) == MDB_MAP_RESIZED) {
			MDB_envinfo info;
			int grown;

			/* Another process grew the map and wrote beyond ours: a size of 0 adopts
			 * the one in the file (no transaction of ours is open). */
			if ((grown = cw_bulk_map(st, 0, 0)) != 0)
				return grown;
			mdb_env_info(st->env, &info);
			st->map_size = info.me_mapsize;
		}
	}
	return rc;
}

int cw_store_begin_read(struct cw_store *st, MDB_txn **txn, struct cw_error *err)
{
	int rc = cw_store_txn_begin(st, MDB_RDONLY, txn);

	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "starting a read", err);
	return 0;
}

static int meta_get(struct cw_store *st, MDB_txn *txn, const char *name, MDB_val *out)
{
	MDB_val k = {strlen(name), (void *)name};

	return mdb_get(txn, st->dbi[DB_META], &k, out);
}

static int meta_put(struct cw_store *st, MDB_txn *txn, const char *name, const void *data,
		    size_t len)
{
	MDB_val k = {strlen(name), (void *)name}, v = {len, (void *)data};

	return mdb_put(txn, st->dbi[DB_META], &k, &v, 0);
}

/* An encrypted database keeps this text sealed in meta: the key that opens it is this
 * database's key, whatever the key slot or the keyring said. */
static const char key_check_text[] = "casewatch key check";
#define ENCRYPTION_XCHACHA20 1

/* Marks a new database as encrypted with the store's vault and seals its key check. */
static int put_encryption(struct cw_store *st, MDB_txn *txn)
{
	uint8_t scheme = ENCRYPTION_XCHACHA20;
	struct cw_buf sealed = {0};
	MDB_val k = {9, (void *)"key_check"};
	int rc;

	if ((rc = meta_put(st, txn, "encryption", &scheme, 1)) != 0)
		return rc;
	if (cw_vault_seal(st->vault, DB_META, k.mv_data, k.mv_size, key_check_text,
			  sizeof key_check_text, &sealed) != 0)
		return ENOMEM;
	rc = meta_put(st, txn, "key_check", sealed.data, sealed.len);
	cw_buf_free(&sealed);
	return rc;
}

/* Opens the named databases and reads (or, in a new database, writes) the meta entries. An
 * encrypted database's sealed key check is copied into *check (checked once the key is had,
 * outside this transaction: asking for a passphrase must not hold the database). */
static int open_databases(struct cw_store *st, int create, struct cw_buf *check,
			  struct cw_error *err)
{
	MDB_txn *txn;
	MDB_val v;
	int rc;

	rc = cw_store_txn_begin(st, st->read_only ? MDB_RDONLY : 0, &txn);
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "opening the database", err);
	st->sync_ready = 1;
	st->trust_ready = 1;
	st->drafts_ready = 1;
	st->undo_ready = 1;
	st->attach_ready = 1;
	for (int i = 0; i < DB_COUNT; i++) {
		rc = mdb_dbi_open(txn, db_names[i], st->read_only ? 0 : MDB_CREATE, &st->dbi[i]);
		if (rc == MDB_NOTFOUND && (i == DB_BY_LINK || i == DB_BY_NAME)) {
			/* Made before the index of links or of people's names, opened
			 * read-only: the schema version refuses it below (cw_store_upgrade),
			 * before anything reads the table. */
			continue;
		}
		if (rc == MDB_NOTFOUND && i >= DB_ATTACHMENTS) {
			/* Made before attachments, opened read-only: it has none. */
			st->attach_ready = 0;
			continue;
		}
		if (rc == MDB_NOTFOUND && i == DB_UNDO) {
			/* Made before undo, opened read-only: nothing to undo. */
			st->undo_ready = 0;
			continue;
		}
		if (rc == MDB_NOTFOUND && i == DB_DRAFTS) {
			/* Made before drafts, opened read-only: it has none. */
			st->drafts_ready = 0;
			continue;
		}
		if (rc == MDB_NOTFOUND && i == DB_DETENTION) {
			/* Made before the detention index, opened read-only: the schema version
			 * refuses it below (cw_store_upgrade), before anything reads the table. */
			continue;
		}
		if (rc == MDB_NOTFOUND && i == DB_TRUST) {
			/* Made before peers were enrolled, opened read-only: none are. */
			st->trust_ready = 0;
			continue;
		}
		if (rc == MDB_NOTFOUND && i >= DB_TOMBSTONES) {
			/* A database written before sync existed, opened read-only: it has no
			 * sync state yet, which reads treat as empty. */
			st->sync_ready = 0;
			continue;
		}
		if (rc == MDB_NOTFOUND) {
			mdb_txn_abort(txn);
			return cw_error_set(err, CW_EDB, "database",
					    "not a casewatch database (no '%s' table)",
					    db_names[i]);
		}
		if (rc != 0)
			goto fail;
	}
	rc = meta_get(st, txn, "schema_version", &v);
	if (rc == MDB_NOTFOUND && create && !st->read_only) {
		uint8_t be[4];

		put_be32(be, CW_SCHEMA_VERSION);
		if (cw_id_is_zero(&st->database_id))
			cw_id_random(&st->database_id);
		if ((rc = meta_put(st, txn, "schema_version", be, 4)) != 0 ||
		    (rc = meta_put(st, txn, CW_META_UNICODE, cw_text_fold_version(),
				   strlen(cw_text_fold_version()))) != 0 ||
		    (rc = meta_put(st, txn, "database_id", st->database_id.b, ID_LEN)) != 0 ||
		    (rc = meta_put(st, txn, DELETIONS_BARE, "\1", 1)) != 0)
			goto fail;
		/* A plain database hashes names with a key kept beside them (it hides names from
		 * a glance at the keys, no more); an encrypted one uses tags of its own key. */
		if (st->vault) {
			rc = put_encryption(st, txn);
		} else {
			randombytes_buf(st->name_key, sizeof st->name_key);
			rc = meta_put(st, txn, "name_key", st->name_key, sizeof st->name_key);
		}
		/* Its identity: the keys that sign its bundles and open those sent to it. */
		if (rc != 0 || (rc = cw_store_make_identity(st, txn)) != 0)
			goto fail;
		st->schema_version = CW_SCHEMA_VERSION;
	} else if (rc == MDB_NOTFOUND) {
		mdb_txn_abort(txn);
		return cw_error_set(err, CW_ENOTFOUND, "database",
				    "no casewatch database here; run 'casewatch init' first");
	} else if (rc != 0) {
		goto fail;
	} else {
		if (v.mv_size != 4) {
			mdb_txn_abort(txn);
			return cw_error_set(err, CW_EDB, "database", "schema version is corrupt");
		}
		st->schema_version = get_be32(v.mv_data);
		if (st->schema_version > CW_SCHEMA_VERSION) {
			mdb_txn_abort(txn);
			return cw_error_set(
				err, CW_EVERSION, "database",
				"made by a newer casewatch (schema %u; this one reads up "
				"to %u): upgrade casewatch",
				(unsigned)st->schema_version, CW_SCHEMA_VERSION);
		}
		if (st->vault) {
			/* A key for a new database, and a database is already there. */
			mdb_txn_abort(txn);
			return cw_error_set(err, CW_EREFUSED, "database",
					    "a casewatch database is already there");
		}
		if ((rc = meta_get(st, txn, "database_id", &v)) != 0 || v.mv_size != ID_LEN)
			goto corrupt;
		memcpy(st->database_id.b, v.mv_data, ID_LEN);
		/* The Unicode version its index of people by name was folded by: none said (made
		 * before it was recorded) is taken as another, to be made again. */
		if (meta_get(st, txn, CW_META_UNICODE, &v) == 0 &&
		    v.mv_size < sizeof st->fold_version)
			snprintf(st->fold_version, sizeof st->fold_version, "%.*s", (int)v.mv_size,
				 (const char *)v.mv_data);
		st->fold_stale = strcmp(st->fold_version, cw_text_fold_version()) != 0;
		if (meta_get(st, txn, "encryption", &v) == 0) {
			if (v.mv_size != 1 || *(uint8_t *)v.mv_data != ENCRYPTION_XCHACHA20) {
				mdb_txn_abort(txn);
				return cw_error_set(err, CW_EVERSION, "database",
						    "encrypted in a way this casewatch does not "
						    "know: upgrade casewatch");
			}
			if ((rc = meta_get(st, txn, "key_check", &v)) != 0 ||
			    cw_buf_append(check, v.mv_data, v.mv_size) != 0)
				goto corrupt;
		} else {
			if ((rc = meta_get(st, txn, "name_key", &v)) != 0 ||
			    v.mv_size != sizeof st->name_key)
				goto corrupt;
			memcpy(st->name_key, v.mv_data, sizeof st->name_key);
		}
	}
	/* Commit even a read-only transaction: handles opened in an aborted one are closed. */
	if ((rc = mdb_txn_commit(txn)) != 0)
		return cw_store_lmdb_error(NULL, rc, "opening the database", err);
	return 0;
corrupt:
	mdb_txn_abort(txn);
	return cw_error_set(err, CW_EDB, "database", "meta data is missing or corrupt");
fail:
	mdb_txn_abort(txn);
	return cw_store_lmdb_error(NULL, rc, "opening the database", err);
}

/* ---- deletions written before they lost their content ------------------------------------- */

/* Adds the first ID_LEN bytes of every key of db whose length is klen. */
static int collect_keys(struct cw_txn *t, enum cw_db db, size_t klen, struct cw_buf *out,
			struct cw_error *err)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op;

	if ((rc = mdb_cursor_open(t->txn, t->st->dbi[db], &cur)) != 0)
		return cw_store_lmdb_error(t, rc, "reading deletions", err);
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT)
		if (k.mv_size == klen && cw_buf_append(out, k.mv_data, klen) != 0) {
			rc = ENOMEM;
			break;
		}
	mdb_cursor_close(cur);
	return rc == MDB_NOTFOUND ? 0 : cw_store_lmdb_error(t, rc, "reading deletions", err);
}

/* Rewrites the deleted versions among the conflicts without their content. */
static int strip_deleted_conflicts(struct cw_txn *t, struct cw_error *err)
{
	enum { KEY_LEN = ID_LEN + 8 + ID_LEN };
	struct cw_buf keys = {0}, plain = {0}, enc = {0};
	int rc = collect_keys(t, DB_CONFLICTS, KEY_LEN, &keys, err);

	for (size_t at = 0; rc == 0 && at < keys.len; at += KEY_LEN) {
		MDB_val k = {KEY_LEN, keys.data + at}, v;
		struct cw_record rec;
		uint8_t deleted = 1;

		if ((rc = cw_val_get(t->st, t->txn, DB_CONFLICTS, &k, &v, &plain, err)) != 0) {
			rc = cw_store_lmdb_error(t, rc, "reading conflicts", err);
			break;
		}
		if (v.mv_size < 2 || ((uint8_t *)v.mv_data)[0] != 1)
			continue; /* a live version */
		if ((rc = cw_record_decode((uint8_t *)v.mv_data + 1, v.mv_size - 1, &rec, err)) !=
		    0) {
			cw_record_free(&rec); /* what it decoded before it failed */
			break;
		}
		cw_version_make_tombstone(&rec);
		enc.len = 0;
		rc = cw_buf_append(&enc, &deleted, 1) != 0 || cw_record_encode(&rec, &enc) != 0
			     ? cw_error_set(err, CW_ENOMEM, "", "out of memory")
			     : 0;
		cw_record_free(&rec);
		if (rc == 0 && (rc = cw_store_wipe(t, DB_CONFLICTS, &k, err)) == 0 &&
		    (rc = cw_val_put(t, DB_CONFLICTS, &k, enc.data, enc.len, 0)) != 0)
			rc = cw_store_lmdb_error(t, rc, "writing conflicts", err);
	}
	cw_buf_free(&keys);
	cw_buf_free(&plain);
	cw_buf_free(&enc);
	return rc;
}

/* Databases written before deletions carried no content keep the deleted record's last fields
 * in its tombstone and in deleted versions among the conflicts, and show a deleted person or
 * case in the records table while others name it. One transaction strips all of that (and the
 * file's free pages are cleared after it), the first time this casewatch opens the database
 * for writing. */
static int strip_deletions_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	struct cw_buf ids = {0}, plain = {0};
	MDB_val mk = {sizeof DELETIONS_BARE - 1, (void *)DELETIONS_BARE}, mv = {1, (void *)"\1"};
	int rc = collect_keys(t, DB_TOMBSTONES, ID_LEN, &ids, err);

	(void)ctx;
	for (size_t at = 0; rc == 0 && at < ids.len; at += ID_LEN) {
		MDB_val k = {ID_LEN, ids.data + at}, v;
		struct cw_record rec;

		if ((rc = cw_val_get(t->st, t->txn, DB_TOMBSTONES, &k, &v, &plain, err)) != 0) {
			rc = cw_store_lmdb_error(t, rc, "reading a deletion", err);
			break;
		}
		if ((rc = cw_record_decode(v.mv_data, v.mv_size, &rec, err)) != 0) {
			cw_record_free(&rec); /* what it decoded before it failed */
			break;
		}
		memcpy(rec.id.b, ids.data + at, ID_LEN);
		if ((rc = cw_store_put_tombstone(t, &rec, err)) == 0)
			rc = cw_store_unlink(t, &rec.id, err);
		cw_record_free(&rec);
	}
	if (rc == 0)
		rc = strip_deleted_conflicts(t, err);
	if (rc == 0 && (rc = mdb_put(t->txn, t->st->dbi[DB_META], &mk, &mv, 0)) != 0)
		rc = cw_store_lmdb_error(t, rc, "writing the database's meta data", err);
	cw_buf_free(&ids);
	cw_buf_free(&plain);
	return rc;
}

static int strip_old_deletions(struct cw_store *st, struct cw_error *err)
{
	MDB_txn *txn;
	MDB_val v;
	int rc;

	if (st->read_only || !st->sync_ready)
		return 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = meta_get(st, txn, DELETIONS_BARE, &v);
	mdb_txn_abort(txn);
	if (rc == 0)
		return 0;
	if (rc != MDB_NOTFOUND)
		return cw_store_lmdb_error(NULL, rc, "opening the database", err);
	return cw_store_write(st, strip_deletions_fn, NULL, err);
}

/* Asks the front end for the key of an encrypted database and checks it opens this one. */
static int take_key(struct cw_store *st, const char *dir, const struct cw_store_options *opt,
		    const struct cw_buf *check, struct cw_error *err)
{
	struct cw_buf plain = {0};
	int rc;

	if (st->vault) /* just created with it */
		return 0;
	if (!opt->get_key)
		return cw_error_set(err, CW_EKEY, "database",
				    "the database in %.300s is encrypted and no key was given",
				    dir);
	for (int attempt = 0;; attempt++) {
		if ((rc = opt->get_key(opt->key_ctx, dir, &st->database_id, &st->vault, err)) != 0)
			return rc;
		rc = cw_vault_open(st->vault, DB_META, "key_check", 9, check->data, check->len,
				   &plain);
		if (rc == 0 && (plain.len != sizeof key_check_text ||
				memcmp(plain.data, key_check_text, plain.len) != 0))
			rc = CW_EDAMAGED;
		cw_buf_free(&plain);
		if (rc == 0 || !opt->key_from_cache || !*opt->key_from_cache || attempt > 0)
			break;
		cw_vault_free(st->vault);
		st->vault = NULL;
	}
	if (rc != 0) {
		cw_vault_free(st->vault);
		st->vault = NULL;
		return cw_error_set(err, CW_EKEY, "database",
				    "this key does not open the database in %.300s (a key of "
				    "another database?)",
				    dir);
	}
	return 0;
}

/* Why the environment in dir did not open, in words a user can act on: a permission problem
 * is one, not a missing database. */
static int open_error(const char *dir, int rc, struct cw_error *err)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if ((rc == EACCES || rc == EPERM) && access(path, R_OK) != 0)
		return cw_error_set(err, CW_EIO, "database",
				    "cannot read %.300s: permission denied", dir);
	if (rc == EACCES || rc == EPERM || rc == EROFS)
		return cw_error_set(
			err, CW_EIO, "database",
			"cannot write to %.300s: %s; commands that only read (list, "
			"show, report, export, verify) still work",
			dir, rc == EROFS ? _("it is on read-only media") : _("permission denied"));
	return cw_error_set(err, CW_EDB, "database", "cannot open %.300s: %s", dir,
			    mdb_strerror(rc));
}

/* How long an open waits for a compact or an encrypt elsewhere to put its new file in place
 * (their hold lasts a rename, their copy synced before it), in 50 ms steps. */
#define OPEN_WAIT_STEPS 1200

int cw_store_share_open_lock(const char *dir, int read_only, int *out, struct cw_error *err)
{
	const struct timespec step = {0, 50 * 1000 * 1000};
	char path[4200];
	int fd, rc;

	*out = -1;
	snprintf(path, sizeof path, "%s/lock.mdb", dir);
	fd = open(path, (read_only ? O_RDONLY : O_RDWR | O_CREAT) | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return 0; /* not there read-only, or no right to it: LMDB says what it finds */
	for (int i = 0; (rc = flock(fd, LOCK_SH | LOCK_NB)) != 0; i++) {
		if ((errno != EWOULDBLOCK && errno != EINTR) || i >= OPEN_WAIT_STEPS)
			break;
		nanosleep(&step, NULL);
	}
	if (rc != 0 && errno == EWOULDBLOCK) {
		close(fd);
		return cw_error_set(err, CW_EREFUSED, "database",
				    "another casewatch has been replacing %.300s for a minute "
				    "(compact or encrypt): try again once it is done",
				    dir);
	}
	if (rc != 0) {
		close(fd); /* a file system without locks: nothing to wait for */
		return 0;
	}
	*out = fd;
	return 0;
}

/* Opens the environment. Read-only, it falls back to doing without the lock file when that
 * cannot be written (a write-protected stick, a folder of another user): readers then hold no
 * slot in it, so a writer elsewhere could reuse pages under them; the caller warns. */
static int open_env(struct cw_store *st, const char *dir, size_t map_size, struct cw_error *err)
{
	unsigned flags = MDB_NOTLS | MDB_NORDAHEAD | (st->read_only ? MDB_RDONLY : 0);
	struct statvfs sv;
	int rc = 0, dead;

	if ((rc = cw_store_share_open_lock(dir, st->read_only, &st->open_lock_fd, err)) != 0)
		return rc;
	/* Writing in place only where it is safe, one bulk writer at a time (bulk.c). */
	if (st->bulk && !cw_bulk_try(st, dir))
		st->bulk = 0;
	for (int nolock = 0; nolock < 2; nolock++) {
		if ((rc = mdb_env_create(&st->env)) != 0) {
			st->env = NULL;
			break;
		}
		if ((rc = mdb_env_set_maxdbs(st->env, DB_COUNT)) == 0 &&
		    (rc = mdb_env_set_mapsize(st->env, map_size)) == 0)
			rc = st->bulk ? cw_bulk_open(st, dir, flags)
				      : mdb_env_open(st->env, dir,
						     flags | (nolock ? MDB_NOLOCK : 0), 0600);
		if (rc == 0) {
			st->unlocked = nolock;
			break;
		}
		mdb_env_close(st->env); /* a failed open leaves a handle only fit to close */
		st->env = NULL;
		if (st->bulk) {
			/* Writing in place could not begin (no room for the map, a file size
			 * limit): the usual way, then. */
			st->bulk = 0;
			st->broken = 0;
			close(st->bulk_fd);
			st->bulk_fd = -1;
			nolock--;
			continue;
		}
		if (!st->read_only || !(rc == EACCES || rc == EPERM || rc == EROFS))
			break;
	}
	if (rc != 0)
		return open_error(dir, rc, err);
	/* On a read-only mount LMDB itself goes on without the lock file. */
	if (st->read_only && statvfs(dir, &sv) == 0 && (sv.f_flag & ST_RDONLY))
		st->unlocked = 1;
	/* Processes killed with a read transaction open (kill -9, a crash) leave their reader
	 * slots behind, which pin old pages until every process has closed the database: free
	 * them now. */
	if (!st->unlocked)
		mdb_reader_check(st->env, &dead);
	return 0;
}

/* The database file is there (or, creating, its folder can be made); a folder the user may
 * not read is said to be one, not taken for a missing database. */
static int check_dir(const char *dir, int create, struct cw_error *err)
{
	char path[4096];
	struct stat sb;

	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (stat(path, &sb) == 0)
		return 0;
	if (errno == EACCES)
		return cw_error_set(err, CW_EIO, "database",
				    "cannot read %.300s: permission denied", dir);
	if (!create)
		return cw_error_set(err, CW_ENOTFOUND, "database",
				    "no database in %.300s; run 'casewatch init' first", dir);
	if (cw_make_private_folders(dir, 1) != 0)
		return cw_error_set(err, CW_EIO, "database", "cannot create %.300s: %s", dir,
				    strerror(errno));
	return 0;
}

int cw_store_open(const char *dir, const struct cw_store_options *opt, struct cw_store **out,
		  struct cw_error *err)
{
	struct cw_store *st = NULL;
	MDB_envinfo info;
	struct cw_buf check = {0};
	int rc;

	*out = NULL;
	/* The new database's key is the store's from here on, also when opening fails. */
	if (sodium_init() < 0)
		rc = cw_error_set(err, CW_EDB, "", "libsodium failed to start");
	else
		rc = check_dir(dir, opt->create, err);
	if (rc == 0 && !(st = calloc(1, sizeof *st)))
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc != 0) {
		cw_vault_free(opt->vault);
		return rc;
	}
	st->vault = opt->vault; /* a new database is encrypted with it */
	st->read_only = opt->read_only;
	st->bulk = opt->bulk && !opt->read_only;
	st->bulk_fd = -1;
	st->open_lock_fd = -1;
	if (!(st->author = strdup(opt->author ? opt->author : "")) || !(st->dir = strdup(dir))) {
		cw_store_close(st);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	if ((rc = open_env(st, dir, opt->map_size ? opt->map_size : DEFAULT_MAP_SIZE, err)) != 0) {
		cw_store_close(st);
		return rc;
	}
	if (opt->database_id)
		st->database_id = *opt->database_id;
	if ((rc = open_databases(st, opt->create, &check, err)) != 0 ||
	    (check.len && (rc = take_key(st, dir, opt, &check, err)) != 0) ||
	    (rc = cw_store_upgrade(st, dir, err)) != 0 || (rc = cw_store_refold(st, err)) != 0) {
		cw_buf_free(&check);
		cw_store_close(st);
		return rc;
	}
	cw_buf_free(&check);
	cw_bulk_trim_left(st);
	mdb_env_info(st->env, &info);
	st->map_size = info.me_mapsize;
	if ((rc = strip_old_deletions(st, err)) != 0) {
		cw_store_close(st);
		return rc;
	}
	*out = st;
	return 0;
}

int cw_store_unlocked(const struct cw_store *st)
{
	return st->unlocked;
}

void cw_store_close(struct cw_store *st)
{
	if (!st)
		return;
	if (st->env) {
		cw_bulk_trim(st);
		mdb_env_close(st->env);
	}
	if (st->bulk_fd >= 0)
		close(st->bulk_fd); /* the next bulk writer's turn */
	if (st->open_lock_fd >= 0)
		close(st->open_lock_fd); /* after LMDB let go of data.mdb */
	cw_vault_free(st->vault);
	if (st->scratch.data)
		sodium_memzero(st->scratch.data,
			       st->scratch.cap); /* plaintext of the last record */
	cw_buf_free(&st->scratch);
	cw_kinds_clear(&st->kinds);
	cw_audit_own_free(st);
	sodium_memzero(st->name_key, sizeof st->name_key);
	free(st->people_order);
	cw_names_kept_free(st->kept[0]); /* wipes the names */
	cw_names_kept_free(st->kept[1]); /* and the cases' text */
	free(st->named_text);
	for (size_t i = 0; i < sizeof st->resolved / sizeof st->resolved[0]; i++) {
		free(st->resolved[i].text);
		free(st->resolved[i].ids);
	}
	free(st->named_ids);
	free(st->charged.keys);
	free(st->charged.ids);
	free(st->author);
	free(st->dir);
	free(st);
}

void cw_store_database_id(const struct cw_store *st, struct cw_id *out)
{
	*out = st->database_id;
}

int cw_store_encrypted(const struct cw_store *st)
{
	return st->vault != NULL;
}

const struct cw_vault *cw_store_vault(const struct cw_store *st)
{
	return st->vault;
}

int cw_store_meta_peek(const char *dir, MDB_env **env, MDB_txn **txn, MDB_dbi *meta,
		       struct cw_error *err)
{
	int rc;

	if ((rc = mdb_env_create(env)) != 0)
		return cw_store_lmdb_error(NULL, rc, "opening the database", err);
	if ((rc = mdb_env_set_maxdbs(*env, DB_COUNT)) != 0 ||
	    (rc = mdb_env_open(*env, dir, MDB_RDONLY | MDB_NOTLS, 0600)) != 0 ||
	    (rc = mdb_txn_begin(*env, NULL, MDB_RDONLY, txn)) != 0) {
		mdb_env_close(*env);
		return cw_error_set(err, CW_EDB, "database", "cannot open %.300s: %s", dir,
				    mdb_strerror(rc));
	}
	if ((rc = mdb_dbi_open(*txn, "meta", 0, meta)) != 0) {
		mdb_txn_abort(*txn);
		mdb_env_close(*env);
		return cw_error_set(err, CW_EDB, "database", "not a casewatch database: %.300s",
				    dir);
	}
	return 0;
}

int cw_store_identify(const char *dir, struct cw_id *id, int *encrypted, struct cw_error *err)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {11, (void *)"database_id"}, v;
	char path[4096];
	struct stat sb;
	int rc;

	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (stat(path, &sb) != 0)
		return cw_error_set(err, CW_ENOTFOUND, "database",
				    "no casewatch database in %.300s", dir);
	if ((rc = cw_store_meta_peek(dir, &env, &txn, &dbi, err)) != 0)
		return rc;
	if ((rc = mdb_get(txn, dbi, &k, &v)) == 0 && v.mv_size == ID_LEN) {
		memcpy(id->b, v.mv_data, ID_LEN);
		k.mv_size = 10;
		k.mv_data = (void *)"encryption";
		*encrypted = mdb_get(txn, dbi, &k, &v) == 0;
	} else {
		rc = rc ? rc : MDB_CORRUPTED;
	}
	mdb_txn_abort(txn);
	mdb_env_close(env);
	return rc ? cw_error_set(err, CW_EDB, "database", "not a casewatch database: %.300s", dir)
		  : 0;
}

void cw_store_keyslot_path(const char *dir, char *out, size_t len)
{
	snprintf(out, len, "%s/key", dir);
}

void cw_store_exposed(const char *dir, cw_exposed_fn fn, void *ctx)
{
	static const char *const files[] = {"data.mdb", "lock.mdb", "key"};
	char path[4096];
	struct stat sb;

	/* stat, not lstat: what others can reach is what a link leads to. */
	if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) && (sb.st_mode & 077))
		fn(ctx, dir, (unsigned)(sb.st_mode & 0777), 1);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, files[i]);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && (sb.st_mode & 077))
			fn(ctx, path, (unsigned)(sb.st_mode & 0777), 0);
	}
}

size_t cw_store_map_size(const struct cw_store *st)
{
	return st->map_size;
}

uint32_t cw_store_schema_version(const struct cw_store *st)
{
	return st->schema_version;
}

const char *cw_store_refolded_from(const struct cw_store *st)
{
	return st->refolded ? st->fold_version : NULL;
}

uint32_t cw_store_upgraded_from(const struct cw_store *st)
{
	return st->upgraded_from;
}

size_t cw_store_upgrade_left_out(const struct cw_store *st, struct cw_id *first)
{
	*first = st->upgrade_first_left_out;
	return st->upgrade_left_out;
}

static int grow_map(struct cw_store *st, struct cw_error *err)
{
	MDB_envinfo info;
	int rc;

	mdb_env_info(st->env, &info);
	if ((rc = cw_bulk_map(st, info.me_mapsize * 2, info.me_mapsize)) != 0) {
		struct cw_txn t = {.st = st};

		/* A bulk store's map is as large as the disk allows: a write that needs more
		 * does not fit on it. */
		return cw_store_lmdb_error(
			&t, rc,
			rc == ENOSPC || rc == EDQUOT ? "saving" : "growing the database map", err);
	}
	mdb_env_info(st->env, &info);
	st->map_size = info.me_mapsize;
	return 0;
}

int cw_store_reserve(struct cw_store *st, uint64_t bytes, struct cw_error *err)
{
	MDB_envinfo info;
	MDB_stat ms;
	uint64_t want;
	int rc;

	if (st->read_only)
		return 0;
	mdb_env_info(st->env, &info);
	mdb_env_stat(st->env, &ms);
	want = ((uint64_t)info.me_last_pgno + 1) * ms.ms_psize + bytes;
	want = (want + ((uint64_t)1 << 20) - 1) & ~(((uint64_t)1 << 20) - 1);
	if (want <= info.me_mapsize || want > SIZE_MAX / 2)
		return 0;
	if ((rc = cw_bulk_map(st, (size_t)want, 0)) != 0)
		return cw_store_lmdb_error(NULL, rc, "growing the database map", err);
	mdb_env_info(st->env, &info);
	st->map_size = info.me_mapsize;
	return 0;
}

/* ---- write transactions ---------------------------------------------------------------------- */

/* The error of a commit that failed. Writing in place (a bulk store), LMDB changes the meta
 * page in the map before it syncs it: when that sync is what failed, the write is in the
 * database already, every page of it written out but the meta page's sync unconfirmed (it is
 * there whole, or not at all, after a power cut). That is said rather than "nothing was
 * saved"; the status is still an error's (tests/crash/faults.sh, the bulk import). */
static int saving_failed(struct cw_txn *t, int mrc, struct cw_error *err)
{
	MDB_txn *probe;
	int prc;

	/* Only a meta page that failed to go out marks the environment for shutdown (every
	 * transaction is refused with MDB_PANIC from then on); asked at once, not by the last
	 * transaction's id, which another writer may have moved meanwhile. */
	if (!t->st->bulk)
		return cw_store_lmdb_error(t, mrc, "saving", err);
	if ((prc = mdb_txn_begin(t->st->env, NULL, MDB_RDONLY, &probe)) == 0)
		mdb_txn_abort(probe);
	if (prc == MDB_PANIC)
		return cw_error_set(
			err, CW_EDB, "database",
			"saving: the disk failed (%s) as it confirmed the write: it is in "
			"the database, but may not survive a power cut; check the disk, "
			"then run 'casewatch verify'",
			mdb_strerror(mrc));
	return cw_store_lmdb_error(t, mrc, "saving", err);
}

/* Runs fn in a write transaction (again, after growing the map, when it is full); *scrub says
 * whether fn wiped something whose old copies are now free pages. */
static int run_write(struct cw_store *st, cw_write_fn fn, void *ctx, int undoable, int *scrub,
		     struct cw_error *err)
{
	*scrub = 0;
	for (int attempt = 0; attempt < MAX_WRITE_TRIES; attempt++) {
		struct cw_txn t = {.st = st};
		struct cw_undo_journal journal = {0};
		int rc = cw_store_txn_begin(st, 0, &t.txn);

		if (rc != 0)
			return cw_store_lmdb_error(NULL, rc, "starting a write", err);
		t.defer = 1;
		t.index_defer = 1;
		st->index_txn = &t;
		cw_kinds_begin(st, &t);
		t.cases_on = 1;
		if (undoable && st->undo_ready)
			t.journal = &journal;
		rc = fn(&t, ctx, err);
		if (rc == 0)
			rc = cw_index_flush(&t, err);
		st->index_txn = NULL;
		t.index_defer = 0;
		cw_buf_free(&t.index_ops);
		t.cases_on = 0;
		cw_case_cache_clear(&t.cases);
		cw_tag_memo_free(&t);
		/* What an action changed becomes the note for undo; records changed by anything
		 * else make the last change no longer the one noted. */
		if (rc == 0)
			rc = cw_store_undo_finish(&t, err);
		cw_undo_journal_free(&journal);
		if (rc == 0)
			rc = cw_pending_flush(&t, err);
		cw_pending_free(&t);
		/* The last audit entry made here is signed, covering the chain before it. */
		if (rc == 0)
			rc = cw_store_audit_sign(&t, err);
		if (rc == 0) {
			size_t txnid = mdb_txn_id(t.txn);
			int mrc = mdb_txn_commit(t.txn);

			cw_audit_own_free(st);
			if (mrc == 0) {
				cw_kinds_commit(st, &t, txnid);
				*scrub = t.scrub;
				return 0;
			}
			rc = saving_failed(&t, mrc, err);
		} else {
			mdb_txn_abort(t.txn);
		}
		cw_kinds_clear(&t.kinds); /* found in what was not saved */
		cw_audit_own_free(st);
		if (!t.map_full)
			return rc;
		cw_error_clear(err);
		if ((rc = grow_map(st, err)) != 0)
			return rc;
	}
	return cw_error_set(err, CW_EDB, "database", "the database map cannot grow any further");
}

static int write_and_scrub(struct cw_store *st, cw_write_fn fn, void *ctx, int undoable,
			   struct cw_error *err)
{
	int rc, scrub;

	if (st->read_only)
		return cw_error_set(err, CW_EDB, "database", "opened read-only");
	if ((rc = run_write(st, fn, ctx, undoable, &scrub, err)) != 0 || !scrub)
		return rc;
	return cw_store_scrub(st, err);
}

int cw_store_write(struct cw_store *st, cw_write_fn fn, void *ctx, struct cw_error *err)
{
	return write_and_scrub(st, fn, ctx, 0, err);
}

int cw_store_write_undoable(struct cw_store *st, cw_write_fn fn, void *ctx, struct cw_error *err)
{
	return write_and_scrub(st, fn, ctx, 1, err);
}
