/* backup.c - backups and restoring them; see backup.h for the file's layout and why. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/i18n.h"
#include "store/backup.h"
#include "store/outfile.h"
#include "store/store_internal.h"
#include "store/vault.h"

#define MAGIC        "CWBACKUP"
#define HEADER_LEN   64
#define SUM_LEN      crypto_generichash_BYTES /* 32: BLAKE2b-256 */
#define KEYSLOT_MAX  65536
#define ENCRYPTED    1u
#define WITHOUT_KEY  2u /* encrypted, its key slot left out (version 2) */
#define RESIZE_TRIES 16

struct header {
	uint32_t version, flags;
	struct cw_id database;
	int64_t made;
	uint32_t keyslot_len;
	uint64_t data_len;
};

static void header_put(uint8_t out[HEADER_LEN], const struct header *h)
{
	memset(out, 0, HEADER_LEN);
	memcpy(out, MAGIC, 8);
	put_be32(out + 8, h->version);
	put_be32(out + 12, h->flags);
	memcpy(out + 16, h->database.b, ID_LEN);
	put_be64(out + 32, (uint64_t)h->made);
	put_be32(out + 40, h->keyslot_len);
	put_be64(out + 44, h->data_len);
}

static int header_get(const uint8_t in[HEADER_LEN], struct header *h)
{
	if (memcmp(in, MAGIC, 8) != 0)
		return -1;
	h->version = get_be32(in + 8);
	h->flags = get_be32(in + 12);
	memcpy(h->database.b, in + 16, ID_LEN);
	h->made = (int64_t)get_be64(in + 32);
	h->keyslot_len = get_be32(in + 40);
	h->data_len = get_be64(in + 44);
	return 0;
}

static int write_all(int fd, const void *data, size_t len)
{
	const uint8_t *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC; /* write(2) took nothing and said no more */
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Feeds bytes [from, to) of fd to the hash. */
static int hash_range(int fd, off_t from, off_t to, crypto_generichash_state *h)
{
	static uint8_t buf[1 << 16];

	while (from < to) {
		size_t want = (size_t)(to - from) < sizeof buf ? (size_t)(to - from) : sizeof buf;
		ssize_t n = pread(fd, buf, want, from);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO; /* shorter than it said: cut short under us */
			return -1;
		}
		crypto_generichash_update(h, buf, (size_t)n);
		from += n;
	}
	return 0;
}

/* Copies bytes [from, from + len) of in into a new file path (mode 0600), synced. */
static int copy_out(int in, off_t from, uint64_t len, const char *path)
{
	static uint8_t buf[1 << 16];
	int out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600), saved;

	if (out < 0)
		return -1;
	while (len > 0) {
		size_t want = len < sizeof buf ? (size_t)len : sizeof buf;
		ssize_t n = pread(in, buf, want, from);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || write_all(out, buf, (size_t)n) != 0) {
			if (n == 0)
				errno = EIO;
			goto fail;
		}
		from += n;
		len -= (uint64_t)n;
	}
	if (fsync(out) != 0)
		goto fail;
	return close(out);
fail:
	saved = errno;
	close(out);
	errno = saved;
	return -1;
}

/* Makes the rename of a file in dir (or of dir itself in its parent) last: syncs the folder. */
static int sync_dir_of(const char *path, int parent)
{
	char dir[4096];
	const char *slash;
	int fd, rc;

	snprintf(dir, sizeof dir, "%s", path);
	if (parent) {
		slash = strrchr(dir, '/');
		if (!slash)
			snprintf(dir, sizeof dir, ".");
		else if (slash == dir)
			dir[1] = '\0';
		else
			dir[slash - dir] = '\0';
	}
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* The key slot of an encrypted database, whole (it is small), read as store/vault.c reads
 * every slot: never through a link, never waiting on a FIFO, checked to be a slot. */
static int read_keyslot(const char *dir, struct cw_buf *out, struct cw_error *err)
{
	char path[4096];
	uint8_t raw[CW_KEYSLOT_SIZE];
	int rc;

	cw_store_keyslot_path(dir, path, sizeof path);
	if ((rc = cw_keyslot_read(path, raw, err)) == CW_ENOTFOUND)
		return cw_error_set(err, CW_EKEY, "key",
				    "the database in %.300s has no key slot (destroyed?): a backup "
				    "without it could never be opened",
				    dir);
	if (rc == 0 && cw_buf_append(out, raw, sizeof raw) != 0)
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return rc;
}

/* The compacted copy, from fd's position on; a map another process grew meanwhile is adopted
 * and the copy made again from the same place. Returns an LMDB or errno code. */
static int copy_data(struct cw_store *st, int fd, off_t start)
{
	int rc = MDB_MAP_RESIZED;

	for (int i = 0; i < RESIZE_TRIES && rc == MDB_MAP_RESIZED; i++) {
		if (ftruncate(fd, start) != 0 || lseek(fd, start, SEEK_SET) != start)
			return errno;
		if ((rc = mdb_env_copyfd2(st->env, fd, MDB_CP_COMPACT)) == MDB_MAP_RESIZED)
			mdb_env_set_mapsize(st->env, 0);
	}
	return rc;
}

int cw_store_backup(struct cw_store *st, const char *path, int without_key,
		    struct cw_backup_info *info, struct cw_error *err)
{
	/* Version 1 when the slot is in, as every backup was: an earlier casewatch restores
	 * it. */
	struct header h = {
		without_key ? CW_BACKUP_VERSION : 1, 0, st->database_id, cw_now_us(), 0, 0};
	uint8_t head[HEADER_LEN], sum[SUM_LEN];
	crypto_generichash_state hs;
	struct cw_buf slot = {0};
	struct cw_outfile out;
	off_t start, end;
	int fd, rc;

	memset(info, 0, sizeof *info);
	if ((rc = cw_outfile_check_target(path, err)) != 0)
		return rc;
	if (without_key && !st->vault)
		return cw_error_set(err, CW_EINVAL, "without-key",
				    "the database is not encrypted: it has no key to leave out");
	if (st->vault && without_key) {
		h.flags |= ENCRYPTED | WITHOUT_KEY;
	} else if (st->vault) {
		h.flags |= ENCRYPTED;
		if ((rc = read_keyslot(st->dir, &slot, err)) != 0) {
			cw_buf_free(&slot);
			return rc;
		}
	}
	h.keyslot_len = (uint32_t)slot.len;
	/* Made as every file casewatch writes is (store/outfile.h): unnamed until whole, or under
	 * a temporary name that an interrupt removes (a review found Ctrl-C left a whole copy of
	 * the database beside the target). Written through its descriptor, never its stream. */
	if ((rc = cw_outfile_open(&out, path, NULL, err)) != 0) {
		cw_buf_free(&slot);
		return rc;
	}
	fd = fileno(out.f);
	header_put(head, &h);
	start = (off_t)(HEADER_LEN + slot.len);
	rc = fchmod(fd, 0600) != 0 || write_all(fd, head, HEADER_LEN) != 0 ||
			     (slot.len && write_all(fd, slot.data, slot.len) != 0)
		     ? errno
		     : copy_data(st, fd, start);
	cw_buf_free(&slot);
	if (rc == 0 && (end = lseek(fd, 0, SEEK_END)) < start)
		rc = EIO;
	if (rc == 0) {
		/* The data's length in the header, then the checksum of everything, read back
		 * from the file: what it covers is what the disk holds. */
		h.data_len = (uint64_t)(end - start);
		header_put(head, &h);
		crypto_generichash_init(&hs, NULL, 0, SUM_LEN);
		if (pwrite(fd, head, HEADER_LEN, 0) != HEADER_LEN ||
		    hash_range(fd, 0, end, &hs) != 0 || lseek(fd, end, SEEK_SET) != end)
			rc = errno ? errno : EIO;
		crypto_generichash_final(&hs, sum, SUM_LEN);
		if (rc == 0 && (write_all(fd, sum, SUM_LEN) != 0 || fsync(fd) != 0))
			rc = errno;
	}
	if (rc != 0) {
		int full = cw_disk_full(NULL, fd);

		(void)cw_outfile_close(&out, CW_EIO, NULL);
		if (rc > 0 || rc == MDB_MAP_RESIZED)
			return cw_error_set(err, CW_EIO, "output", "cannot write %.300s: %s", path,
					    full || rc == ENOSPC ? "the disk is full"
					    : rc > 0             ? cw_write_error_text(rc, -1)
								 : mdb_strerror(rc));
		return cw_error_set(err, CW_EDB, "database", "cannot copy the database: %s",
				    mdb_strerror(rc));
	}
	if ((rc = cw_outfile_close(&out, 0, err)) != 0)
		return rc;
	info->database = h.database;
	info->encrypted = (h.flags & ENCRYPTED) != 0;
	info->without_key = (h.flags & WITHOUT_KEY) != 0;
	info->made = h.made;
	info->data_bytes = h.data_len;
	info->file_bytes = (uint64_t)end + SUM_LEN;
	return 0;
}

/* Opens a backup and checks it whole: header, lengths, checksum. *fd stays open on success. */
static int check_open(const char *path, int *fd, struct header *h, struct cw_error *err)
{
	uint8_t head[HEADER_LEN], sum[SUM_LEN], want[SUM_LEN];
	crypto_generichash_state hs;
	struct stat sb;
	uint64_t size, body;
	int flags;

	if (sodium_init() < 0)
		return cw_error_set(err, CW_EDB, "", "libsodium failed to start");
	/* Opened without waiting: a FIFO named as the backup would block the open until a writer
	 * came (a review's `restore FIFO` hung). A backup is read twice (checked whole, then
	 * copied out), so only a file will do. */
	if ((*fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return cw_error_set(err, errno == ENOENT ? CW_ENOTFOUND : CW_EIO, "file",
				    "cannot read %.300s: %s", path, strerror(errno));
	if (fstat(*fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(*fd);
		return cw_error_set(
			err, CW_EIO, "file",
			"%.300s is not a file: a backup is checked whole before anything "
			"is restored, so give the file itself",
			path);
	}
	if ((flags = fcntl(*fd, F_GETFL)) >= 0)
		(void)fcntl(*fd, F_SETFL, flags & ~O_NONBLOCK);
	size = (uint64_t)sb.st_size;
	if (size < HEADER_LEN + SUM_LEN || pread(*fd, head, HEADER_LEN, 0) != HEADER_LEN ||
	    header_get(head, h) != 0) {
		close(*fd);
		return cw_error_set(err, CW_EINVAL, "file", "%.300s is not a casewatch backup",
				    path);
	}
	if (h->version > CW_BACKUP_VERSION) {
		close(*fd);
		return cw_error_set(err, CW_EVERSION, "file",
				    "%.300s was made by a newer casewatch: upgrade casewatch",
				    path);
	}
	/* Lengths first (no sum wraps round), then the checksum of what they cover. */
	body = size - HEADER_LEN - SUM_LEN;
	if (h->keyslot_len > KEYSLOT_MAX || h->keyslot_len > body ||
	    h->data_len != body - h->keyslot_len ||
	    ((h->flags & WITHOUT_KEY) && !(h->flags & ENCRYPTED)) ||
	    ((h->flags & ENCRYPTED) && !(h->flags & WITHOUT_KEY)) != (h->keyslot_len > 0)) {
		close(*fd);
		return cw_error_set(err, CW_EDAMAGED, "file",
				    "%.300s is cut short or damaged: nothing was restored", path);
	}
	crypto_generichash_init(&hs, NULL, 0, SUM_LEN);
	if (hash_range(*fd, 0, (off_t)(size - SUM_LEN), &hs) != 0 ||
	    pread(*fd, want, SUM_LEN, (off_t)(size - SUM_LEN)) != SUM_LEN) {
		close(*fd);
		return cw_error_set(err, CW_EIO, "file", "cannot read %.300s: %s", path,
				    strerror(errno));
	}
	crypto_generichash_final(&hs, sum, SUM_LEN);
	if (sodium_memcmp(sum, want, SUM_LEN) != 0) {
		close(*fd);
		return cw_error_set(err, CW_EDAMAGED, "file",
				    "%.300s is damaged (its checksum does not match): nothing was "
				    "restored",
				    path);
	}
	return 0;
}

static void fill_info(const struct header *h, uint64_t size, struct cw_backup_info *info)
{
	info->database = h->database;
	info->encrypted = (h->flags & ENCRYPTED) != 0;
	info->without_key = (h->flags & WITHOUT_KEY) != 0;
	info->made = h->made;
	info->data_bytes = h->data_len;
	info->file_bytes = size;
}

int cw_backup_check(const char *path, struct cw_backup_info *info, struct cw_error *err)
{
	struct header h;
	int fd, rc;

	memset(info, 0, sizeof *info);
	if ((rc = check_open(path, &fd, &h, err)) != 0)
		return rc;
	close(fd);
	fill_info(&h, HEADER_LEN + h.keyslot_len + h.data_len + SUM_LEN, info);
	return 0;
}

/* Whether dir is free for a restore: absent, or an empty folder (which the rename of the
 * restored folder replaces). */
static int dir_free(const char *dir, struct cw_error *err)
{
	char path[4096];
	struct stat sb;
	struct dirent *e;
	DIR *d;
	int empty = 1;

	if (stat(dir, &sb) != 0)
		return errno == ENOENT
			       ? 0
			       : cw_error_set(err, CW_EIO, "db", "cannot look at %.300s: %s", dir,
					      strerror(errno));
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (access(path, F_OK) == 0)
		return cw_error_set(err, CW_EREFUSED, "db",
				    "a database is already in %.300s: restore into a new folder",
				    dir);
	if (!S_ISDIR(sb.st_mode))
		return cw_error_set(err, CW_EREFUSED, "db", "%.300s is not a folder", dir);
	if (!(d = opendir(dir)))
		return cw_error_set(err, CW_EIO, "db", "cannot read %.300s: %s", dir,
				    strerror(errno));
	while (empty && (e = readdir(d)))
		empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
	closedir(d);
	if (!empty)
		return cw_error_set(err, CW_EREFUSED, "db",
				    "%.300s is not empty: restore into a new folder", dir);
	return 0;
}

int cw_backup_restore(const char *path, const char *dir, struct cw_backup_info *info,
		      struct cw_error *err)
{
	char tmp[4096], file[4200];
	struct header h;
	int fd, rc, saved;

	memset(info, 0, sizeof *info);
	if ((rc = check_open(path, &fd, &h, err)) != 0)
		return rc;
	if ((rc = dir_free(dir, err)) != 0) {
		close(fd);
		return rc;
	}
	if (snprintf(tmp, sizeof tmp, "%s.restoring-XXXXXX", dir) >= (int)sizeof tmp ||
	    cw_make_private_folders(tmp, 0) != 0 || !mkdtemp(tmp)) {
		saved = errno;
		close(fd);
		return cw_error_set(err, CW_EIO, "db", "cannot create %.300s: %s", dir,
				    cw_write_error_text(saved, -1));
	}
	snprintf(file, sizeof file, "%s/key", tmp);
	rc = h.keyslot_len ? copy_out(fd, HEADER_LEN, h.keyslot_len, file) : 0;
	if (rc == 0) {
		snprintf(file, sizeof file, "%s/data.mdb", tmp);
		rc = copy_out(fd, (off_t)(HEADER_LEN + h.keyslot_len), h.data_len, file);
	}
	if (rc == 0 && (rc = sync_dir_of(tmp, 0)) == 0)
		rc = rename(tmp, dir);
	saved = errno;
	if (rc != 0) {
		int full = cw_disk_full(tmp, -1);

		snprintf(file, sizeof file, "%s/key", tmp);
		unlink(file);
		snprintf(file, sizeof file, "%s/data.mdb", tmp);
		unlink(file);
		rmdir(tmp);
		close(fd);
		return cw_error_set(err, CW_EIO, "db", "cannot restore into %.300s: %s", dir,
				    full ? "the disk is full" : cw_write_error_text(saved, -1));
	}
	sync_dir_of(dir, 1);
	close(fd);
	fill_info(&h, HEADER_LEN + h.keyslot_len + h.data_len + SUM_LEN, info);
	return 0;
}

int cw_store_note_backup(const char *dir, int64_t when, struct cw_error *err)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_envinfo ei;
	MDB_val k = {11, (void *)"last_backup"}, v;
	uint8_t be[8];
	int rc, lock_fd;

	put_be64(be, (uint64_t)when);
	/* A write, as a store's: not into a file a compact is about to replace. */
	if ((rc = cw_store_share_open_lock(dir, 0, &lock_fd, err)) != 0)
		return rc;
	if ((rc = mdb_env_create(&env)) != 0) {
		if (lock_fd >= 0)
			close(lock_fd);
		return cw_store_lmdb_error(NULL, rc, "noting the backup", err);
	}
	if ((rc = mdb_env_set_maxdbs(env, DB_COUNT)) != 0 ||
	    (rc = mdb_env_open(env, dir, MDB_NOTLS, 0600)) != 0) {
		mdb_env_close(env);
		if (lock_fd >= 0)
			close(lock_fd);
		return cw_error_set(err, CW_EIO, "database",
				    "cannot note the backup's time in %.300s: %s", dir,
				    rc == EROFS ? _("it is on read-only media") : mdb_strerror(rc));
	}
	/* The map may be full, or grown by another process: as cw_store_write does. */
	for (int i = 0; i < RESIZE_TRIES; i++) {
		if ((rc = mdb_txn_begin(env, NULL, 0, &txn)) == MDB_MAP_RESIZED) {
			mdb_env_set_mapsize(env, 0);
			continue;
		}
		if (rc != 0)
			break;
		v.mv_size = sizeof be;
		v.mv_data = be;
		if ((rc = mdb_dbi_open(txn, "meta", 0, &dbi)) != 0 ||
		    (rc = mdb_put(txn, dbi, &k, &v, 0)) != 0) {
			mdb_txn_abort(txn);
		} else {
			rc = mdb_txn_commit(txn);
		}
		if (rc != MDB_MAP_FULL)
			break;
		mdb_env_info(env, &ei);
		mdb_env_set_mapsize(env, ei.me_mapsize * 2);
	}
	mdb_env_close(env);
	if (lock_fd >= 0)
		close(lock_fd);
	if (rc != 0)
		return cw_error_set(err, CW_EIO, "database",
				    "cannot note the backup's time in %.300s: %s", dir,
				    rc == ENOSPC || cw_disk_full(dir, -1) ? "the disk is full"
									  : mdb_strerror(rc));
	return 0;
}

/* The time of the last backup noted in meta (0: none is). Only a key that is not there is
 * "none": a value that is not the 8 bytes cw_store_note_backup writes is damage (CW_EDAMAGED),
 * and a read that fails is the store's error, so that neither is taken for a database never
 * backed up (the terminal interface would say "no backup yet", destroy-key nothing of the
 * backups that keep the old key slot). A new backup notes the time again. */
static int last_backup_in(MDB_txn *txn, MDB_dbi meta, int64_t *when, struct cw_error *err)
{
	MDB_val k = {11, (void *)"last_backup"}, v;
	int rc;

	*when = 0;
	if ((rc = mdb_get(txn, meta, &k, &v)) == MDB_NOTFOUND)
		return 0;
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "reading the time of the last backup", err);
	if (v.mv_size != 8)
		return cw_error_set(err, CW_EDAMAGED, "last_backup",
				    "the time of the last backup noted cannot be read (%zu bytes, "
				    "not 8): the database was altered or is damaged ('casewatch "
				    "backup -o FILE' notes it again; 'casewatch verify' checks the "
				    "rest)",
				    v.mv_size);
	*when = (int64_t)get_be64(v.mv_data);
	return 0;
}

int cw_store_last_backup(const char *dir, int64_t *when, struct cw_error *err)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	int rc;

	*when = 0;
	if ((rc = cw_store_meta_peek(dir, &env, &txn, &dbi, err)) != 0)
		return rc;
	rc = last_backup_in(txn, dbi, when, err);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	return rc;
}

int cw_store_backup_age(struct cw_store *st, int64_t *last_backup, int64_t *oldest_change,
			struct cw_error *err)
{
	struct cw_audit_entry *log = NULL;
	MDB_txn *txn;
	size_t n = 0;
	int rc;

	*last_backup = *oldest_change = 0;
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	rc = last_backup_in(txn, st->dbi[DB_META], last_backup, err);
	mdb_txn_abort(txn);
	/* The oldest change matters only when no backup was ever noted: a backup noted is not
	 * hidden by an audit entry that cannot be read. */
	if (rc != 0 || *last_backup)
		return rc;
	if ((rc = cw_store_audit(st, 0, 1, &log, &n, err)) != 0)
		return rc;
	if (n)
		*oldest_change = log[0].time;
	free(log);
	return 0;
}
