/* lockreq.c - the open interfaces' files and the requests lock writes in them; see lockreq.h. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/lockreq.h"

/* The one line an interface's file starts with: "casewatch-open 1 <32 hex digits>\n". */
#define MAGIC      "casewatch-open 1 "
#define HEADER_LEN (sizeof MAGIC - 1 + CW_ID_HEX_LEN + 1)
#define ASK        "lock\n"
#define ANSWER     "locked\n"
#define PREFIX     "open-"
#define TEMP       ".new-"
/* A temporary file older than this, whose flock nobody holds, was left by a killed interface
 * between making it and naming it. */
#define TEMP_STALE_SECONDS 60

static int is_dir(const char *path, uid_t owner, int check_owner)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && (!check_owner || sb.st_uid == owner);
}

void cw_lockreq_folder(char *dir, size_t len)
{
	const char *run = getenv("XDG_RUNTIME_DIR");
	unsigned uid = (unsigned)geteuid();
	char user_run[64];
	int n;

	snprintf(user_run, sizeof user_run, "/run/user/%u", uid);
	if (run && run[0] == '/' && is_dir(run, 0, 0))
		n = snprintf(dir, len, "%s/casewatch", run);
	else if (is_dir(user_run, (uid_t)uid, 1))
		n = snprintf(dir, len, "%s/casewatch", user_run);
	else if (is_dir("/dev/shm", 0, 0))
		n = snprintf(dir, len, "/dev/shm/casewatch-%u", uid);
	else
		n = snprintf(dir, len, "/tmp/casewatch-%u", uid);
	if (n < 0 || (size_t)n >= len)
		dir[0] = '\0';
}

/* Opens the folder (making it with `create`), refusing one that is not a folder of this user's,
 * and closing it to others when it is open to them. The descriptor in *fd; 1 when it is not
 * there (and not to be made). */
static int open_folder(const char *dir, int create, int *fd, struct cw_error *err)
{
	struct stat sb;
	int e;

	*fd = -1;
	if (!dir[0])
		return cw_error_set(
			err, CW_EIO, "XDG_RUNTIME_DIR",
			"no folder for the open terminal interfaces: the path is too long");
	if (create && mkdir(dir, 0700) != 0 && errno != EEXIST) {
		e = errno;
		return cw_error_set(err, CW_EIO, "XDG_RUNTIME_DIR", "cannot make %.300s: %s", dir,
				    strerror(e));
	}
	if ((*fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		e = errno;
		if (e == ENOENT && !create)
			return 1;
		return cw_error_set(err, CW_EIO, "XDG_RUNTIME_DIR", "cannot open %.300s: %s", dir,
				    strerror(e));
	}
	if (fstat(*fd, &sb) != 0 || !S_ISDIR(sb.st_mode) || sb.st_uid != geteuid()) {
		close(*fd);
		*fd = -1;
		return cw_error_set(err, CW_EIO, "XDG_RUNTIME_DIR",
				    "%.300s is not a folder of this user's: the open terminal "
				    "interfaces cannot be listed there",
				    dir);
	}
	if ((sb.st_mode & 077) && fchmod(*fd, 0700) != 0) {
		e = errno;
		close(*fd);
		*fd = -1;
		return cw_error_set(err, CW_EIO, "XDG_RUNTIME_DIR",
				    "%.300s is open to other users and cannot be closed: %s", dir,
				    strerror(e));
	}
	return 0;
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* ---- the interface's side ------------------------------------------------------------------ */

int cw_lockreq_join(struct cw_lockreq *r, const struct cw_id *database, struct cw_error *err)
{
	char dir[4096], tmp[4200], line[HEADER_LEN + 1], hex[CW_ID_HEX_LEN + 1];
	struct stat sb;
	int dfd, fd, rc, e;

	cw_lockreq_leave(r, 0);
	cw_lockreq_folder(dir, sizeof dir);
	if ((rc = open_folder(dir, 1, &dfd, err)) != 0)
		return rc;
	cw_id_hex(database, hex);
	snprintf(line, sizeof line, "%s%s\n", MAGIC, hex);
	snprintf(tmp, sizeof tmp, "%s/" TEMP "XXXXXX", dir);
	/* Made, held and written under a name lock never reads (TEMP), then renamed: lock sees
	 * only whole files, every one of them already held. */
	if ((fd = mkostemp(tmp, O_CLOEXEC)) < 0) {
		e = errno;
		close(dfd);
		return cw_error_set(err, CW_EIO, "XDG_RUNTIME_DIR",
				    "cannot make a file in %.300s: %s", dir, strerror(e));
	}
	snprintf(r->path, sizeof r->path, "%s/" PREFIX "%s", dir, strrchr(tmp, '-') + 1);
	if (fchmod(fd, 0600) != 0 || flock(fd, LOCK_EX | LOCK_NB) != 0 ||
	    write_all(fd, line, HEADER_LEN) != 0 || fsync(fd) != 0 ||
	    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_APPEND) != 0 || fstat(fd, &sb) != 0 ||
	    rename(tmp, r->path) != 0) {
		e = errno;
		unlink(tmp);
		close(fd);
		close(dfd);
		r->path[0] = '\0';
		return cw_error_set(err, CW_EIO, "XDG_RUNTIME_DIR",
				    "cannot write a file in %.300s: %s", dir, strerror(e));
	}
	(void)fsync(dfd); /* in memory as a rule; where it is on a disk, the name is there too */
	close(dfd);
	r->fd = fd;
	r->size = sb.st_size;
	r->dev = sb.st_dev;
	r->ino = sb.st_ino;
	r->joined = 1;
	return 0;
}

enum cw_lockreq_state cw_lockreq_asked(const struct cw_lockreq *r)
{
	struct stat sb;

	if (!r->joined || fstat(r->fd, &sb) != 0)
		return CW_LOCKREQ_NONE;
	if (sb.st_nlink == 0)
		return CW_LOCKREQ_LOST;
	return sb.st_size > r->size ? CW_LOCKREQ_ASKED : CW_LOCKREQ_NONE;
}

void cw_lockreq_leave(struct cw_lockreq *r, int locked)
{
	struct stat sb;

	if (!r->joined)
		return;
	if (locked)
		(void)write_all(r->fd, ANSWER, sizeof ANSWER - 1);
	/* Only its own file: never one that took the name meanwhile. */
	if (lstat(r->path, &sb) == 0 && sb.st_dev == r->dev && sb.st_ino == r->ino)
		unlink(r->path);
	close(r->fd); /* lets go of the flock: lock's wait ends */
	r->fd = -1;
	r->joined = 0;
	r->path[0] = '\0';
}

/* ---- lock's side --------------------------------------------------------------------------- */

/* Removes dir's entry `name` if it is still the file open at fd. */
static void remove_if_same(int dfd, const char *name, int fd)
{
	struct stat a, b;

	if (fstat(fd, &a) == 0 && fstatat(dfd, name, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		unlinkat(dfd, name, 0);
}

/* Whether the interface wrote its answer after its line. */
static int answered(int fd)
{
	char buf[256];
	ssize_t n = pread(fd, buf, sizeof buf - 1, (off_t)HEADER_LEN);

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return strstr(buf, ANSWER) != NULL;
}

/* A temporary file (TEMP) a killed interface left before naming it: removed once old. */
static void clean_temp(int dfd, const char *name)
{
	struct stat sb;
	int fd;

	if (fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(sb.st_mode) ||
	    time(NULL) - sb.st_mtime < TEMP_STALE_SECONDS)
		return;
	if ((fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) < 0)
		return;
	if (flock(fd, LOCK_SH | LOCK_NB) == 0)
		remove_if_same(dfd, name, fd);
	close(fd);
}

/* Asks the interface whose file is dir's `name`, when it is one of `database`'s (NULL: any).
 * The descriptor to wait on, or -1 (not asked: another database's, a killed interface's file,
 * now removed, or not a file of ours). */
static int ask(int dfd, const char *name, const struct cw_id *database)
{
	char line[HEADER_LEN + 1];
	struct cw_id id;
	struct stat sb;
	int fd = openat(dfd, name, O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	int whole;

	if (fd < 0)
		return -1;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_uid != geteuid()) {
		close(fd);
		return -1;
	}
	whole = pread(fd, line, HEADER_LEN, 0) == (ssize_t)HEADER_LEN &&
		!memcmp(line, MAGIC, sizeof MAGIC - 1) && line[HEADER_LEN - 1] == '\n';
	if (whole) {
		line[HEADER_LEN - 1] = '\0';
		whole = cw_id_parse_hex(line + sizeof MAGIC - 1, &id) == 0;
	}
	/* Nobody holds it: its interface was killed (or has just left). */
	if (flock(fd, LOCK_SH | LOCK_NB) == 0) {
		remove_if_same(dfd, name, fd);
		close(fd);
		return -1;
	}
	if (!whole || (database && !cw_id_equal(&id, database)) ||
	    write_all(fd, ASK, sizeof ASK - 1) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int cw_lockreq_send(const struct cw_id *database, unsigned wait_ms, struct cw_lockreq_sent *sent,
		    struct cw_error *err)
{
	char dir[4096];
	struct dirent *de;
	DIR *d;
	int dfd, rc, e, *asked = NULL;
	size_t n = 0, cap = 0;
	int64_t until;

	sent->locked = sent->waiting = 0;
	cw_lockreq_folder(dir, sizeof dir);
	if ((rc = open_folder(dir, 0, &dfd, err)) != 0)
		return rc == 1 ? 0 : rc;
	if (!(d = fdopendir(dfd))) {
		e = errno;
		close(dfd);
		return cw_error_set(err, CW_EIO, "XDG_RUNTIME_DIR", "cannot read %.300s: %s", dir,
				    strerror(e));
	}
	while ((de = readdir(d))) {
		int fd;

		if (!strncmp(de->d_name, TEMP, sizeof TEMP - 1)) {
			clean_temp(dirfd(d), de->d_name);
			continue;
		}
		if (strncmp(de->d_name, PREFIX, sizeof PREFIX - 1) != 0 ||
		    (fd = ask(dirfd(d), de->d_name, database)) < 0)
			continue;
		if (n == cap) {
			int *grown = realloc(asked, (cap ? cap * 2 : 8) * sizeof *asked);

			if (!grown) {
				close(fd); /* asked all the same: it locks, uncounted */
				sent->waiting++;
				continue;
			}
			asked = grown;
			cap = cap ? cap * 2 : 8;
		}
		asked[n++] = fd;
	}
	closedir(d);
	/* Each lets go of its file once it has locked (or ended). */
	until = now_ms() + wait_ms;
	for (;;) {
		size_t left = 0;

		for (size_t i = 0; i < n; i++) {
			if (flock(asked[i], LOCK_SH | LOCK_NB) != 0) {
				asked[left++] = asked[i];
				continue;
			}
			sent->locked += answered(asked[i]) != 0;
			close(asked[i]);
		}
		n = left;
		if (n == 0 || now_ms() >= until)
			break;
		nanosleep(&(struct timespec){0, 20 * 1000000L}, NULL);
	}
	for (size_t i = 0; i < n; i++)
		close(asked[i]);
	sent->waiting += n;
	free(asked);
	return 0;
}
