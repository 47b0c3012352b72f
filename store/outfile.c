/* outfile.c - files that appear whole, private to their owner, and leave nothing behind when
 * the run is interrupted; see outfile.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "models/i18n.h"
#include "store/outfile.h"

/* ---- the registry the signal handler cleans ------------------------------------------------ */

/* Files are written one after another; a few slots leave room for a report written while a
 * bundle is, should a front end ever do that. */
#define REGISTRY_SLOTS 8

/* Ctrl-C, Ctrl-\ (SIGQUIT: a red-team trial left a decrypted file behind with it), a closed
 * terminal, a shutdown. */
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
#define N_SIGNALS (sizeof cleanup_signals / sizeof cleanup_signals[0])

/* Written only with the cleanup signals blocked, so the handler never sees half a path. */
static char registry[REGISTRY_SLOTS][sizeof((struct cw_outfile *)0)->tmp];
static volatile sig_atomic_t registry_used[REGISTRY_SLOTS];
static struct sigaction previous[N_SIGNALS];
static volatile sig_atomic_t handler_installed;
static int try_tmpfile = 1;

/* Async-signal-safe only: unlink, sigaction and raise. The previous disposition (the default
 * action, or a front end's own handler such as curses restoring the terminal) is put back and
 * the signal raised again; it is delivered as soon as this handler returns. */
static void on_signal(int sig)
{
	for (size_t i = 0; i < REGISTRY_SLOTS; i++)
		if (registry_used[i])
			unlink(registry[i]);
	for (size_t i = 0; i < N_SIGNALS; i++)
		if (cleanup_signals[i] == sig)
			sigaction(sig, &previous[i], NULL);
	handler_installed = 0;
	raise(sig);
}

static void block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < N_SIGNALS; i++)
		sigaddset(&set, cleanup_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void restore_signals(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

/* Called with the signals blocked. A signal the process ignores (nohup, a background job's
 * SIGINT) stays ignored: whoever started us chose that. */
static void install_handler(void)
{
	struct sigaction sa;

	if (handler_installed)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	for (size_t i = 0; i < N_SIGNALS; i++) {
		if (sigaction(cleanup_signals[i], NULL, &previous[i]) != 0 ||
		    (!(previous[i].sa_flags & SA_SIGINFO) && previous[i].sa_handler == SIG_IGN))
			continue;
		sigaction(cleanup_signals[i], &sa, NULL);
	}
	handler_installed = 1;
}

/* Called with the signals blocked: the slot of path, or -1 when all are taken. */
static int registry_add(const char *path)
{
	for (int i = 0; i < REGISTRY_SLOTS; i++) {
		if (registry_used[i])
			continue;
		snprintf(registry[i], sizeof registry[i], "%s", path);
		registry_used[i] = 1;
		return i;
	}
	return -1;
}

/* Removes o's temporary name, from the folder and from the registry. */
static void drop_temporary(struct cw_outfile *o, int unlink_it)
{
	sigset_t old;

	if (!o->tmp[0])
		return;
	block_signals(&old);
	if (unlink_it)
		unlink(o->tmp);
	if (o->slot >= 0)
		registry_used[o->slot] = 0;
	o->slot = -1;
	o->tmp[0] = '\0';
	restore_signals(&old);
}

/* ---- folders ------------------------------------------------------------------------------- */

void cw_outfile_folder_of(const char *path, char *dir, size_t len)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(dir, len, ".");
	else if (slash == path)
		snprintf(dir, len, "/");
	else
		snprintf(dir, len, "%.*s", (int)(slash - path), path);
}

/* Flushes the folder of path, so the new name survives a power cut. */
int cw_outfile_sync_folder(const char *path, struct cw_error *err)
{
	char dir[sizeof((struct cw_outfile *)0)->tmp];
	int fd;

	cw_outfile_folder_of(path, dir, sizeof dir);
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return cw_error_set(err, CW_EIO, "output", "cannot open the folder %.200s: %s", dir,
				    strerror(errno));
	/* Some filesystems cannot sync a folder (EINVAL): nothing more can be done there. */
	if (fsync(fd) != 0 && errno != EINVAL) {
		int e = errno;

		close(fd);
		return cw_error_set(err, CW_EIO, "output", "cannot flush the folder %.200s: %s",
				    dir, strerror(e));
	}
	close(fd);
	return 0;
}

/* ---- opening ------------------------------------------------------------------------------- */

void cw_outfile_use_tmpfile(int on)
{
	try_tmpfile = on;
}

/* linkat needs the unnamed file's /proc/self/fd entry (AT_EMPTY_PATH would need a
 * capability); without /proc the mkstemp path is taken from the start. */
static int proc_fd_usable(void)
{
	static int usable = -1;

	if (usable < 0)
		usable = access("/proc/self/fd", X_OK) == 0;
	return usable;
}

/* "cannot write FILE: the disk is full" whenever it is (a short write comes back as EIO). */
static int write_error(const struct cw_outfile *o, int e, struct cw_error *err)
{
	return cw_error_set(err, CW_EIO, "output", "cannot write %.200s: %s", o->path,
			    cw_write_error_text(e, o->f ? fileno(o->f) : -1));
}

/* Whether a path lies in /proc or /dev. */
static int in_proc_or_dev(const char *p)
{
	return !strncmp(p, "/proc/", 6) || !strncmp(p, "/dev/", 5) || !strcmp(p, "/proc") ||
	       !strcmp(p, "/dev");
}

/* `path` with its folder resolved (every link in it followed), its last name kept; as it is
 * when the folder cannot be resolved. */
static void folder_resolved(const char *path, char *out, size_t len)
{
	const char *slash = strrchr(path, '/');
	char dir[4096], *resolved;

	if (slash && slash != path && (size_t)(slash - path) < sizeof dir) {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
		if ((resolved = realpath(dir, NULL))) {
			snprintf(out, len, "%s%s", resolved, slash);
			free(resolved);
			return;
		}
	}
	snprintf(out, len, "%s", path);
}

/* Whether the link at `path`, followed link by link, leads into /proc or /dev: a relative
 * target is taken from its link's folder, and each step is checked before it is followed
 * (/dev/stdout names /proc/self/fd/1, which names wherever standard output goes). */
static int leads_into_proc_or_dev(const char *path)
{
	char cur[8192], target[4096], joined[8192];

	snprintf(cur, sizeof cur, "%s", path);
	for (int hop = 0; hop < 40; hop++) {
		const char *slash = strrchr(cur, '/');
		size_t dir = 0, tlen;
		ssize_t n = readlink(cur, target, sizeof target - 1);

		if (n <= 0)
			return 0; /* not a link: where the chain ends */
		target[n] = '\0';
		tlen = (size_t)n;
		if (target[0] != '/' && slash)
			dir = (size_t)(slash - cur) + 1; /* the link's folder and its slash */
		if (dir + tlen >= sizeof joined)
			return 1; /* longer than any path: not followed, not replaced */
		memcpy(joined, cur, dir);
		memcpy(joined + dir, target, tlen + 1);
		folder_resolved(joined, cur, sizeof cur);
		if (in_proc_or_dev(cur))
			return 1;
	}
	return 0;
}

int cw_outfile_check_target(const char *path, struct cw_error *err)
{
	struct stat st;
	char to[4096];

	/* The file is renamed over whatever has the name: a device or a pipe there would be
	 * replaced by a file (run as root, -o /dev/null would leave the system without one). */
	if (lstat(path, &st) != 0)
		return 0; /* nothing there (or a folder we may not read: the write says so) */
	if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
		return cw_error_set(
			err, CW_EINVAL, "output",
			"%.200s is not a regular file (a device, a pipe or a folder): "
			"casewatch writes only where a file or nothing is; give another "
			"name, or - for standard output",
			path);
	/* A link into /proc or /dev (/dev/stdout is one to /proc/self/fd/1) stands for a stream
	 * or a device, not a file: replacing it would leave the system without it, and what
	 * was meant is standard output. So does one that gets there by a relative target
	 * (../../dev/null) or through other links. Other links are replaced, never followed. */
	if (S_ISLNK(st.st_mode)) {
		ssize_t n = readlink(path, to, sizeof to - 1);

		to[n > 0 ? n : 0] = '\0';
		if (in_proc_or_dev(to) || leads_into_proc_or_dev(path))
			return cw_error_set(
				err, CW_EINVAL, "output",
				"%.200s is a link to %s (standard output, a device or "
				"a process's file), which casewatch would replace: give - "
				"for standard output, or another name",
				path, to);
	}
	return 0;
}

int cw_outfile_open(struct cw_outfile *o, const char *path, FILE *std, struct cw_error *err)
{
	int fd = -1, e, rc;

	o->path = path;
	o->f = std;
	o->tmp[0] = '\0';
	o->slot = -1;
	o->keep_existing = 0;
	if (!path)
		return 0;
	if (!*path || strlen(path) + sizeof ".XXXXXX" > sizeof o->tmp)
		return cw_error_set(err, CW_EINVAL, "output",
				    "give a file name shorter than %zu "
				    "bytes",
				    sizeof o->tmp - sizeof ".XXXXXX");
	if ((rc = cw_outfile_check_target(path, err)) != 0)
		return rc;
	if (try_tmpfile && proc_fd_usable()) {
		char dir[sizeof o->tmp];

		cw_outfile_folder_of(path, dir, sizeof dir);
		/* Readable too: a backup reads back what it wrote, to checksum it. */
		fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
		/* Filesystems and kernels without O_TMPFILE say so in one of these ways. */
		if (fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
			return write_error(o, errno, err);
	}
	if (fd < 0) {
		sigset_t old;

		snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", path);
		block_signals(&old);
		install_handler();
		fd = mkostemp(o->tmp, O_CLOEXEC);
		e = errno;
		if (fd >= 0 && (o->slot = registry_add(o->tmp)) < 0) {
			unlink(o->tmp);
			close(fd);
			fd = -1;
			e = EMFILE;
		}
		restore_signals(&old);
		if (fd < 0) {
			o->tmp[0] = '\0';
			return write_error(o, e, err);
		}
	}
	/* mkstemp and O_TMPFILE give 0600 already; said again so that no umask or libc can
	 * make a report of names readable to others. */
	if (fchmod(fd, 0600) != 0 || !(o->f = fdopen(fd, "w"))) {
		e = errno;
		close(fd);
		drop_temporary(o, 1);
		return write_error(o, e, err);
	}
	return 0;
}

/* ---- closing ------------------------------------------------------------------------------- */

static int exists_error(const struct cw_outfile *o, struct cw_error *err)
{
	return cw_error_set(err, CW_EREFUSED, "output",
			    "%.200s exists (made while it was being written?): not written over",
			    o->path);
}

static int rename_into_place(struct cw_outfile *o, struct cw_error *err)
{
	sigset_t old;
	int rc, e;

	/* Blocked, so that a signal comes either before the rename (the temporary is removed)
	 * or after it (the file is complete where it belongs), never between. A link never
	 * replaces a name: where nothing may be replaced, the temporary is linked, then removed. */
	block_signals(&old);
	rc = o->keep_existing ? link(o->tmp, o->path) : rename(o->tmp, o->path);
	e = errno;
	restore_signals(&old);
	drop_temporary(o, rc != 0 || o->keep_existing);
	if (rc != 0 && e == EEXIST && o->keep_existing)
		return exists_error(o, err);
	return rc ? write_error(o, e, err) : 0;
}

/* Gives the unnamed file of fd its name. linkat never replaces a name, so when the target
 * exists the file is linked under a fresh random name beside it and renamed over it. */
static int link_into_place(struct cw_outfile *o, int fd, struct cw_error *err)
{
	static const char chars[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	char proc[64];
	int e = 0;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, o->path, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != EEXIST)
		return write_error(o, errno, err);
	if (o->keep_existing)
		return exists_error(o, err);
	if (sodium_init() < 0)
		return write_error(o, EAGAIN, err);
	for (int tries = 0; tries < 100; tries++) {
		size_t len = (size_t)snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", o->path);
		sigset_t old;
		int rc;

		for (size_t i = len - 6; i < len; i++)
			o->tmp[i] = chars[randombytes_uniform(sizeof chars - 1)];
		block_signals(&old);
		install_handler();
		rc = linkat(AT_FDCWD, proc, AT_FDCWD, o->tmp, AT_SYMLINK_FOLLOW);
		e = errno;
		if (rc == 0 && (o->slot = registry_add(o->tmp)) < 0) {
			unlink(o->tmp);
			rc = -1;
			e = EMFILE;
		}
		restore_signals(&old);
		if (rc == 0)
			return rename_into_place(o, err);
		o->tmp[0] = '\0';
		if (e != EEXIST) /* EEXIST: that name is taken (perhaps planted): another */
			break;
	}
	return write_error(o, e ? e : EEXIST, err);
}

int cw_outfile_close(struct cw_outfile *o, int rc, struct cw_error *err)
{
	int fd, e = 0, named = o->tmp[0] != '\0';

	if (!o->path) {
		if (fflush(o->f) != 0 && rc == 0)
			rc = cw_error_set(err, CW_EIO, "output", "cannot write: %s",
					  cw_write_error_text(errno, fileno(o->f)));
		return rc;
	}
	fd = fileno(o->f);
	if (rc == 0 && (fflush(o->f) != 0 || fsync(fd) != 0))
		e = errno;
	/* Whether the disk is full is asked while the file still holds what it took. */
	if (e && cw_disk_full(NULL, fd))
		e = ENOSPC;
	if (named || rc != 0 || e) {
		/* A named temporary is renamed once closed; an unnamed one that is not wanted
		 * vanishes as it is closed. */
		if (fclose(o->f) != 0 && !e)
			e = errno;
		o->f = NULL;
	}
	if (rc == 0 && e)
		rc = write_error(o, e, err);
	if (rc == 0)
		rc = named ? rename_into_place(o, err) : link_into_place(o, fd, err);
	if (o->f && fclose(o->f) != 0 && rc == 0)
		rc = write_error(o, errno, err);
	/* A write that failed before the end (cw_write_failed) did not know the file's name. */
	/* Compared in the language it was written in: the text before its %s. */
	const char *unnamed = _("cannot write: %s");
	size_t plen = strstr(unnamed, "%s") ? (size_t)(strstr(unnamed, "%s") - unnamed) : 0;

	if (rc == CW_EIO && err && plen && !strncmp(err->message, unnamed, plen)) {
		char why[sizeof err->message];

		snprintf(why, sizeof why, "%s", err->message + plen);
		cw_error_set(err, CW_EIO, "output", "cannot write %.200s: %s", o->path, why);
	}
	o->f = NULL;
	drop_temporary(o, 1);
	if (rc == 0)
		rc = cw_outfile_sync_folder(o->path, err);
	return rc;
}

int cw_outfile_write(const char *path, const void *data, size_t len, struct cw_error *err)
{
	struct cw_outfile o;
	int rc;

	if ((rc = cw_outfile_open(&o, strcmp(path, "-") ? path : NULL, stdout, err)) != 0)
		return rc;
	if (len && fwrite(data, 1, len, o.f) != len)
		rc = cw_error_set(err, CW_EIO, "output", "cannot write %.200s: %s", path,
				  cw_write_error_text(errno, fileno(o.f)));
	return cw_outfile_close(&o, rc, err);
}

int cw_outfile_write_new(const char *path, const void *data, size_t len, struct cw_error *err)
{
	struct cw_outfile o;
	int rc;

	if ((rc = cw_outfile_open(&o, path, NULL, err)) != 0)
		return rc;
	o.keep_existing = 1;
	if (len && fwrite(data, 1, len, o.f) != len)
		rc = cw_error_set(err, CW_EIO, "output", "cannot write %.200s: %s", path,
				  cw_write_error_text(errno, fileno(o.f)));
	return cw_outfile_close(&o, rc, err);
}

int cw_make_private_folders(const char *path, int last)
{
	char buf[4096];
	size_t len = strlen(path);

	if (len == 0 || len >= sizeof buf) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(buf, path, len + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (last && mkdir(buf, 0700) != 0) {
		struct stat sb;

		if (errno != EEXIST)
			return -1;
		if (stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode) && (sb.st_mode & 077))
			(void)chmod(buf, 0700);
	}
	return 0;
}
