/* bulk.c - writing pages in place for the commands that write many records; see the bulk
 * option in store.h.
 *
 * A write transaction of LMDB keeps, in the heap, a copy of every page it changes until the
 * commit writes them out, and the environment keeps those copies for reuse until it is closed.
 * A batch of 10,000 records into a database of a million touches a page in nearly every leaf
 * of every index: the benchmark's load held 260 MiB of heap. Opened with MDB_WRITEMAP, LMDB
 * changes the pages in the file's map instead, and the commit writes them out with msync, as
 * durably as before. Three things come with that, and this file deals with them:
 *
 * - LMDB sets the file's length to the map's size whenever it maps the file (at open, and
 *   when the map is resized). Another casewatch process, not writing in place, may be in the
 *   middle of a commit just then, its new pages written past that length and its meta page
 *   not yet: a shorter file would lose those pages under a meta page that names them. So a
 *   bulk writer maps or resizes only while a child process holds LMDB's writer lock (no commit
 *   is under way anywhere), and bulk writers take turns, by a lock on the database folder.
 *   Readers never look past the last page in use, and writers that do not write in place
 *   extend the file themselves.
 * - A page of the map whose block the disk cannot give kills the process with SIGBUS instead
 *   of failing a write. So whenever the map is made, the file's blocks are allocated up to its
 *   size (fallocate), and where the disk has less room than the map, the map is made smaller:
 *   a write that needs more finds the map full, and a map that cannot grow is a full disk,
 *   like any other (nothing is saved).
 * - The file stays as long as the map: at close, in a write transaction (so that no other
 *   writer is extending it), what lies past the last page in use is cut off again. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store_internal.h"

#define RESIZE_TRIES 64

/* In the child: opens the environment on its own (not in place), begins a write transaction,
 * says so on `up` (0, or the LMDB or errno code that stopped it) and holds the writer lock
 * until a byte comes on `down` or it closes (the parent is done, or gone). */
static void hold_in_child(const char *dir, int up, int down)
{
	MDB_env *env = NULL;
	MDB_txn *txn = NULL;
	int rc = mdb_env_create(&env);
	char c;

	if (rc == 0)
		rc = mdb_env_open(env, dir, MDB_NOTLS | MDB_NORDAHEAD, 0600);
	for (int i = 0; rc == 0 && !txn && i < RESIZE_TRIES; i++)
		if ((rc = mdb_txn_begin(env, NULL, 0, &txn)) == MDB_MAP_RESIZED) {
			txn = NULL;
			rc = mdb_env_set_mapsize(env, 0); /* another process grew the map */
		}
	if (rc == 0 && !txn)
		rc = MDB_MAP_RESIZED;
	if (write(up, &rc, sizeof rc) != (ssize_t)sizeof rc)
		rc = EPIPE;
	if (rc == 0)
		while (read(down, &c, 1) < 0 && errno == EINTR)
			;
	if (txn)
		mdb_txn_abort(txn);
	if (env)
		mdb_env_close(env);
	_exit(0);
}

int cw_bulk_hold_writers(const char *dir, struct cw_writer_hold *h)
{
	int up[2], down[2], rc = 0;
	ssize_t n;

	h->pid = -1;
	h->down = -1;
	/* Sockets, not pipes: the release is a byte sent without SIGPIPE should the child be
	 * gone, and it reaches the child even when another process inherited the sending end. */
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, up) != 0)
		return errno;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, down) != 0) {
		rc = errno;
		close(up[0]);
		close(up[1]);
		return rc;
	}
	if ((h->pid = fork()) == 0) {
		close(up[0]);
		close(down[1]);
		hold_in_child(dir, up[1], down[0]);
	}
	if (h->pid < 0)
		rc = errno;
	close(up[1]);
	close(down[0]);
	h->down = down[1];
	while (rc == 0 && (n = read(up[0], &rc, sizeof rc)) != (ssize_t)sizeof rc)
		if (n >= 0 || errno != EINTR) {
			rc = EIO; /* the child died before it said */
			break;
		}
	close(up[0]);
	if (rc != 0)
		cw_bulk_release_writers(h);
	return rc;
}

void cw_bulk_release_writers(struct cw_writer_hold *h)
{
	if (h->down >= 0) {
		/* The child's read returns: it aborts its transaction and exits. */
		while (send(h->down, "", 1, MSG_NOSIGNAL) < 0 && errno == EINTR)
			;
		close(h->down);
	}
	h->down = -1;
	if (h->pid > 0)
		while (waitpid(h->pid, NULL, 0) < 0 && errno == EINTR)
			;
	h->pid = -1;
}

int cw_bulk_lock_folder(const char *dir, int *fd)
{
	int rc;

	if ((*fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return errno;
	while ((rc = flock(*fd, LOCK_EX)) != 0 && errno == EINTR)
		;
	if (rc == 0)
		return 0;
	rc = errno;
	close(*fd);
	*fd = -1;
	return rc;
}

/* Writes zeros over [from, to) of the file, for a file system without fallocate; called
 * under a hold, past the last page in use, where no one else's page is. */
static int fill_zeros(int fd, off_t from, off_t to)
{
	static const char zeros[1 << 16];

	while (from < to) {
		size_t len = to - from < (off_t)sizeof zeros ? (size_t)(to - from) : sizeof zeros;
		ssize_t n = pwrite(fd, zeros, len, from);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? errno : EIO;
		from += n;
	}
	return 0;
}

static int allocate(int fd, off_t used_end, off_t map_end)
{
	if (fallocate(fd, 0, 0, map_end) == 0)
		return 0;
	if (errno != EOPNOTSUPP && errno != ENOSYS)
		return errno;
	return fill_zeros(fd, used_end, map_end);
}

/* Under a hold, the map just made: allocates the file's blocks up to the map's size. Where the
 * disk cannot give them all, the map is made as large as the disk allows, and at least the
 * pages in use (the map is only room to grow into: a write that needs more finds it full).
 * ENOSPC when a map of more than `below` bytes was asked (below > 0) and the disk holds no
 * more than that. */
static int cover_map(struct cw_store *st, size_t below)
{
	MDB_envinfo info;
	MDB_stat ms;
	mdb_filehandle_t fd;
	struct statvfs sv;
	struct stat sb;
	off_t used_end;
	uint64_t fit;
	int rc;

	if ((rc = mdb_env_info(st->env, &info)) != 0 || (rc = mdb_env_stat(st->env, &ms)) != 0 ||
	    (rc = mdb_env_get_fd(st->env, &fd)) != 0)
		return rc;
	used_end = (off_t)(info.me_last_pgno + 1) * ms.ms_psize;
	if ((rc = allocate(fd, used_end, (off_t)info.me_mapsize)) != ENOSPC && rc != EDQUOT)
		return rc;
	/* What the file holds already and what the disk has free. */
	if (fstat(fd, &sb) != 0 || fstatvfs(fd, &sv) != 0)
		return rc;
	fit = (uint64_t)sb.st_blocks * 512 + (uint64_t)sv.f_bavail * sv.f_frsize;
	fit -= fit % ms.ms_psize;
	if (fit >= info.me_mapsize)
		fit = 0; /* full, yet room for all of it by its count: take only what is in use */
	if (fit < (uint64_t)used_end)
		fit = (uint64_t)used_end;
	if (fit < below)
		fit = below;
	if ((rc = mdb_env_set_mapsize(st->env, (size_t)fit)) != 0 ||
	    (rc = allocate(fd, used_end, (off_t)fit)) != 0)
		return rc;
	return below && fit <= below ? ENOSPC : 0;
}

int cw_bulk_map(struct cw_store *st, size_t size, size_t below)
{
	struct cw_writer_hold h;
	int rc;

	if (!st->bulk)
		return mdb_env_set_mapsize(st->env, size);
	if ((rc = cw_bulk_hold_writers(st->dir, &h)) != 0)
		return rc;
	if ((rc = mdb_env_set_mapsize(st->env, size)) == 0)
		rc = cover_map(st, below);
	cw_bulk_release_writers(&h);
	return rc;
}

int cw_bulk_open(struct cw_store *st, const char *dir, unsigned flags)
{
	struct cw_writer_hold h;
	int rc;

	if ((rc = cw_bulk_hold_writers(dir, &h)) != 0)
		return rc;
	if ((rc = mdb_env_open(st->env, dir, flags | MDB_WRITEMAP, 0600)) == 0)
		rc = cover_map(st, 0);
	cw_bulk_release_writers(&h);
	return rc;
}

void cw_bulk_trim(struct cw_store *st)
{
	MDB_envinfo info;
	MDB_stat ms;
	MDB_txn *txn;
	mdb_filehandle_t fd;

	if (!st->bulk || mdb_txn_begin(st->env, NULL, 0, &txn) != 0)
		return;
	if (mdb_env_info(st->env, &info) == 0 && mdb_env_stat(st->env, &ms) == 0 &&
	    mdb_env_get_fd(st->env, &fd) == 0 &&
	    ftruncate(fd, (off_t)(info.me_last_pgno + 1) * ms.ms_psize) != 0) {
		/* Best effort: the file keeps its blocks until the next bulk writer's close. */
	}
	mdb_txn_abort(txn);
}
