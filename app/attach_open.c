/* attach_open.c - an attachment shown through a private temporary file; see attach_open.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/attach_open.h"
#include "app/child.h"
#include "app/settings.h"
#include "models/i18n.h"

void cw_opener(const char *config_path, char *out, size_t len)
{
	const char *env = getenv("CASEWATCH_OPENER");

	if (env && *env) {
		snprintf(out, len, "%s", env);
		return;
	}
	if (config_path && cw_config_get(config_path, "opener", out, len, NULL) == 0 && out[0])
		return;
	snprintf(out, len, "xdg-open");
}

/* ---- the temporary file --------------------------------------------------------------------- */

/* What a signal handler removes: set while the file exists. The signals that end the command
 * as a user or the system sends them: Ctrl-C, Ctrl-\ (SIGQUIT, which left the decrypted copy
 * in memory until the next reboot), a closed terminal and a shutdown. */
#define N_SIGS 4
static char sig_file[4096], sig_dir[4096];
static volatile sig_atomic_t sig_armed;
static struct sigaction old_act[N_SIGS];
static const int sigs[N_SIGS] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

static void on_signal(int sig)
{
	if (sig_armed) {
		unlink(sig_file);
		rmdir(sig_dir);
	}
	for (int i = 0; i < N_SIGS; i++)
		if (sigs[i] == sig)
			sigaction(sig, &old_act[i], NULL);
	raise(sig);
}

static void arm(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < N_SIGS; i++) {
		sigaction(sigs[i], NULL, &old_act[i]);
		if (old_act[i].sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
	sig_armed = 1;
}

static void disarm(void)
{
	sig_armed = 0;
	for (int i = 0; i < N_SIGS; i++)
		sigaction(sigs[i], &old_act[i], NULL);
}

/* The attachment's name made safe as a file name: no folders, no leading dot, no control
 * characters; its extension kept (viewers go by it). */
static void safe_name(const char *name, char *out, size_t len)
{
	size_t j = 0;

	for (size_t i = 0; name[i] && j + 1 < len; i++) {
		unsigned char c = (unsigned char)name[i];

		int bad = c == '/' || c < 0x20 || c == 0x7f || (j == 0 && c == '.');

		out[j++] = bad ? '_' : (char)c;
	}
	out[j] = '\0';
	if (!out[0])
		snprintf(out, len, "attachment");
}

struct sink {
	int fd;
	const char *path;
};

static int write_part(void *ctx, const void *data, size_t len, struct cw_error *err)
{
	struct sink *s = ctx;
	const char *p = data;

	while (len) {
		ssize_t w = write(s->fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return cw_error_set(err, CW_EIO, s->path, _("cannot write: %s"),
					    strerror(errno));
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Overwrites the decrypted copy before it goes (on a tmpfs the pages are freed; elsewhere the
 * blocks get zeros, as far as the file system writes in place). */
static void wipe_file(const char *path)
{
	static const char zeros[65536];
	struct stat sb;
	int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd >= 0) {
		if (fstat(fd, &sb) == 0)
			for (off_t left = sb.st_size; left > 0;) {
				size_t n = left < (off_t)sizeof zeros ? (size_t)left : sizeof zeros;
				ssize_t w = write(fd, zeros, n);

				if (w <= 0)
					break;
				left -= w;
			}
		fsync(fd);
		close(fd);
	}
	unlink(path);
}

static int run_opener(const char *opener, const char *path, struct cw_error *err)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return cw_error_set(err, CW_EIO, "opener", _("cannot run %s: %s"), opener,
				    strerror(errno));
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		if (null >= 0) {
			dup2(null, 0);
			close(null);
		}
		cw_child_close_fds(-1);
		execlp(opener, opener, path, (char *)NULL);
		fprintf(stderr, _("casewatch: opener: cannot run %s: %s\n"), opener,
			strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return cw_error_set(err, CW_EIO, "opener", _("lost %s: %s"), opener,
					    strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return cw_error_set(err, CW_EIO, "opener",
				    _("cannot run '%s' (set another with opener = PROGRAM in the "
				      "config file, or $CASEWATCH_OPENER)"),
				    opener);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return cw_error_set(err, CW_EIO, "opener", _("'%s' failed (status %d)"), opener,
				    WIFEXITED(status) ? WEXITSTATUS(status)
						      : 128 + WTERMSIG(status));
	return 0;
}

int cw_attachment_open(struct cw_store *st, const struct cw_id *id, const char *opener,
		       void (*done)(void *ctx, const char *path), void *ctx, struct cw_error *err)
{
	struct cw_attachment a;
	char name[256];
	struct sink s;
	int rc;

	if ((rc = cw_store_attachment_get(st, id, &a, err)) != 0)
		return rc;
	if (a.detached || a.missing) {
		/* Said by the read below, with the reason. */
		rc = cw_store_attachment_read(st, id, NULL, NULL, err);
		cw_attachment_free(&a);
		return rc ? rc : cw_error_set(err, CW_ENOTFOUND, "attachment", _("not held here"));
	}
	safe_name(a.name, name, sizeof name);
	cw_attachment_free(&a);
	/* An encrypted database's content only ever in memory (child.h). */
	if (cw_private_folder(cw_store_encrypted(st), "casewatch-open", sig_dir, sizeof sig_dir) !=
	    0)
		return errno == ENOENT
			       ? cw_error_set(err, CW_EIO, "XDG_RUNTIME_DIR",
					      _("no folder in memory to open the attachment from "
						"($XDG_RUNTIME_DIR, $TMPDIR or /dev/shm on tmpfs): "
						"it is not written to the disk in the clear"))
			       : cw_error_set(err, CW_EIO, "TMPDIR",
					      _("cannot make a private folder: %s"),
					      strerror(errno));
	snprintf(sig_file, sizeof sig_file, "%.2100s/%.255s", sig_dir, name);
	arm();
	s.path = sig_file;
	s.fd = open(sig_file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (s.fd < 0) {
		rc = cw_error_set(err, CW_EIO, sig_file, _("cannot create: %s"), strerror(errno));
	} else {
		fchmod(s.fd, 0600); /* whatever the umask */
		rc = cw_store_attachment_read(st, id, write_part, &s, err);
		if (close(s.fd) != 0 && rc == 0)
			rc = cw_error_set(err, CW_EIO, sig_file, _("cannot write: %s"),
					  strerror(errno));
		if (rc == 0)
			rc = run_opener(opener, sig_file, err);
		if (rc == 0 && done)
			done(ctx, sig_file);
		wipe_file(sig_file);
	}
	rmdir(sig_dir);
	disarm();
	return rc;
}
