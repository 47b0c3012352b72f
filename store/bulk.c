/* bulk.c - writing pages in place for the commands that write many records; see the bulk
 * option in store.h.
 *
 * A write transaction of LMDB keeps, in the heap, a copy of every page it changes until the
 * commit writes them out, and the environment keeps those copies for reuse until it is closed.
 * A batch of 10,000 records into a database of a million touches a page in nearly every leaf
 * of every index: the benchmark's load held 260 MiB of heap. Opened with MDB_WRITEMAP, LMDB
 * changes the pages in the file's map instead, and the commit writes them out with msync, as
 * durably as before. What comes with that, and how this file deals with it:
 *
 * - LMDB sets the file's length to the map's size whenever it maps the file (at open, and
 *   when the map is resized). Another casewatch process, not writing in place, may be in the
 *   middle of a commit just then, its new pages written past that length and its meta page
 *   not yet: a shorter file would lose those pages under a meta page that names them. So a
 *   bulk writer maps or resizes only while a child process holds LMDB's writer lock (no commit
 *   is under way anywhere), and only one bulk writer works on a folder at a time (a lock on
 *   the folder; a second one does not wait for it, it writes the usual way). Readers never
 *   look past the last page in use; writers that do not write in place extend the file
 *   themselves.
 * - A page of the map whose block the disk cannot give kills the process with SIGBUS instead
 *   of failing a write. So the file's blocks are allocated (fallocate) up to the map's size
 *   before LMDB maps it, and the map is no larger than the free space less a margin: a write
 *   that needs more finds the map full, and a map that cannot grow is a full disk, reported
 *   like any other, nothing saved. Only on file systems where an allocated block stays the
 *   page's (ext2-4, XFS, tmpfs): copy-on-write ones (btrfs, ZFS) take a new block to
 *   overwrite a page, network ones may not keep the allocation; there, and where fallocate
 *   or the map fails, the store writes the usual way.
 * - LMDB 0.9 unmaps the file before it sets its length: a resize whose ftruncate fails (a
 *   file size limit) leaves the environment without a map. Allocating first means LMDB's
 *   ftruncate never has to extend the file; should it fail anyway, the store is marked
 *   broken and touches the environment no more.
 * - The file stays as long as the map: at close, in a write transaction (so that no other
 *   writer is extending it), what lies past the last page in use is cut off again; a writable
 *   open that finds the file longer (a bulk writer was killed) does the same when no bulk
 *   writer has the folder. */
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
#include <sys/statfs.h>
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
	if (send(up, &rc, sizeof rc, MSG_NOSIGNAL) != (ssize_t)sizeof rc)
		rc = EPIPE; /* the parent is gone */
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

/* Whether fallocate's blocks stay the pages' on the file system holding dir. */
static int allocation_holds(const char *dir)
{
	struct statfs sf;

	if (statfs(dir, &sf) != 0)
		return 0;
	switch ((unsigned long)sf.f_type) {
	case 0xEF53UL:     /* ext2, ext3, ext4 */
	case 0x58465342UL: /* XFS */
	case 0x01021994UL: /* tmpfs */
		return 1;
	default:
		return 0;
	}
}

int cw_bulk_try(struct cw_store *st, const char *dir)
{
	int fd;

	if (!allocation_holds(dir) || (fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return 0;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd); /* another bulk writer has the folder */
		return 0;
	}
	st->bulk_fd = fd;
	return 1;
}

/* The bytes of the environment's pages in use (up to its last page); 0 when LMDB cannot say. */
static uint64_t pages_end(MDB_env *env)
{
	MDB_envinfo info;
	MDB_stat ms;

	if (mdb_env_info(env, &info) != 0 || mdb_env_stat(env, &ms) != 0)
		return 0;
	return ((uint64_t)info.me_last_pgno + 1) * ms.ms_psize;
}

/* Whether data.mdb is longer than its pages in use: then *fd is the file and *end where its
 * pages end. */
static int longer_than_pages(MDB_env *env, mdb_filehandle_t *fd, off_t *end)
{
	struct stat sb;
	uint64_t used = pages_end(env);

	if (!used || mdb_env_get_fd(env, fd) != 0 || fstat(*fd, &sb) != 0)
		return 0;
	*end = (off_t)used;
	return sb.st_size > *end;
}

/* Under a hold (a child has the writer lock): makes the map `want` bytes, at least the pages in
 * use, at most what the file holds and the disk has free less a margin (an eighth of what is
 * free, at most 512 MiB, for whatever else the laptop writes meanwhile); its blocks allocated
 * first. ENOSPC when that leaves the map no larger than `below` bytes (below > 0: a map that
 * must grow); then nothing changed. */
static int resize_locked(struct cw_store *st, size_t want, size_t below)
{
	MDB_envinfo info;
	MDB_stat ms;
	mdb_filehandle_t fd;
	struct statvfs sv;
	struct stat sb;
	uint64_t used_end, avail, margin, cap, target;
	int rc;

	if ((rc = mdb_env_info(st->env, &info)) != 0 || (rc = mdb_env_stat(st->env, &ms)) != 0 ||
	    (rc = mdb_env_get_fd(st->env, &fd)) != 0)
		return rc;
	if (fstat(fd, &sb) != 0 || fstatvfs(fd, &sv) != 0)
		return errno;
	used_end = pages_end(st->env);
	avail = (uint64_t)sv.f_bavail * sv.f_frsize;
	margin = avail / 8 < ((uint64_t)512 << 20) ? avail / 8 : (uint64_t)512 << 20;
	cap = (uint64_t)sb.st_blocks * 512 + (avail - margin);
	target = want > used_end ? want : used_end;
	target += (ms.ms_psize - target % ms.ms_psize) % ms.ms_psize;
	if (target > cap)
		target = cap - cap % ms.ms_psize > used_end ? cap - cap % ms.ms_psize : used_end;
	if (below && target <= below)
		return ENOSPC;
	if (target > SIZE_MAX || target > (uint64_t)INT64_MAX)
		return EFBIG;
	if (fallocate(fd, 0, 0, (off_t)target) != 0)
		return errno;
	if (target == info.me_mapsize)
		return 0;
	/* LMDB unmaps, sets the length (which the allocation made the file have, or more), maps
	 * again: a failure on the way leaves it with no map. */
	if ((rc = mdb_env_set_mapsize(st->env, (size_t)target)) != 0)
		st->broken = 1;
	return rc;
}

int cw_bulk_map(struct cw_store *st, size_t size, size_t below)
{
	struct cw_writer_hold h;
	int rc;

	if (!st->bulk)
		return mdb_env_set_mapsize(st->env, size);
	if ((rc = cw_bulk_hold_writers(st->dir, &h)) != 0)
		return rc;
	if (!size) {
		/* Another process wrote past this map: room for what it wrote, and an eighth. */
		MDB_envinfo info;

		mdb_env_info(st->env, &info);
		size = (size_t)pages_end(st->env);
		size += size / 8;
		if (size < info.me_mapsize)
			size = info.me_mapsize;
	}
	rc = resize_locked(st, size, below);
	cw_bulk_release_writers(&h);
	return rc;
}

int cw_bulk_open(struct cw_store *st, const char *dir, unsigned flags)
{
	struct cw_writer_hold h;
	MDB_envinfo info;
	int rc;

	if ((rc = cw_bulk_hold_writers(dir, &h)) != 0)
		return rc;
	if ((rc = mdb_env_open(st->env, dir, flags | MDB_WRITEMAP, 0600)) == 0 &&
	    (rc = mdb_env_info(st->env, &info)) == 0)
		rc = resize_locked(st, info.me_mapsize, 0);
	cw_bulk_release_writers(&h);
	return rc;
}

/* In a write transaction of its own (no other writer extending the file meanwhile): cuts the
 * file back to its last page in use. */
static void trim_to_used(struct cw_store *st)
{
	MDB_txn *txn;
	mdb_filehandle_t fd;
	off_t end;

	if (st->broken || mdb_txn_begin(st->env, NULL, 0, &txn) != 0)
		return;
	if (longer_than_pages(st->env, &fd, &end) && ftruncate(fd, end) != 0) {
		/* Best effort: the next writer's open or close tries again. */
	}
	mdb_txn_abort(txn);
}

void cw_bulk_trim(struct cw_store *st)
{
	if (st->bulk)
		trim_to_used(st);
}

void cw_bulk_trim_left(struct cw_store *st)
{
	mdb_filehandle_t fd;
	off_t end;
	int dfd;

	if (st->read_only || st->bulk || !longer_than_pages(st->env, &fd, &end))
		return;
	/* Longer than its pages: only when no bulk writer has the folder, whose map may lie
	 * there. */
	if ((dfd = open(st->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return;
	if (flock(dfd, LOCK_EX | LOCK_NB) == 0)
		trim_to_used(st);
	close(dfd);
}
