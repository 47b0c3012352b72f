/* pager.c - long output through a pager; see pager.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/child.h"
#include "cli/pager.h"
#include "models/i18n.h"
#include "models/text.h"

/* No -R: everything casewatch prints from the database is neutralised and it writes no colour,
 * so there is no escape sequence for less to pass; should one ever slip through, less shows it
 * as ESC in reverse video instead of letting the terminal act on it. -F: quit when the text
 * fits after all (a resized window); -X: leave the text on the screen after quitting. */
#define DEFAULT_PAGER  "less -FX"
#define FALLBACK_PAGER "more"

enum state {
	HOLD,   /* not sure yet that the text is longer than the screen */
	PIPE,   /* the pager runs: text goes to it */
	DIRECT, /* no pager after all: text goes to the terminal */
	DROP,   /* the pager was quit: the rest is dropped */
};

static const int caught[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
#define N_CAUGHT (sizeof caught / sizeof caught[0])

static struct {
	FILE *stream;
	const char *command;
	enum state state;
	char *held;
	size_t n, cap, line_start;
	long rows_used;
	int rows, cols;
	struct sigaction old_pipe, old[N_CAUGHT];
} pg;

/* Read by the signal handler: the pager's pipe and process. */
static volatile sig_atomic_t pager_fd = -1;
static volatile pid_t pager_pid = -1;

const char *cw_paging_command(int disabled)
{
	const char *cmd = getenv("CASEWATCH_PAGER"), *term = getenv("TERM");

	if (disabled || !isatty(STDOUT_FILENO) || (term && !strcmp(term, "dumb")))
		return NULL;
	if (!cmd)
		cmd = getenv("PAGER");
	if (!cmd)
		return DEFAULT_PAGER;
	cmd += strspn(cmd, " \t");
	if (!*cmd || !strcmp(cmd, "cat"))
		return NULL;
	return cmd;
}

static int write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		ssize_t w = write(fd, buf, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Interrupted while the pager runs (C-c reaches both): let the pager finish with the terminal
 * first, then end as the signal says. Only async-signal-safe calls. */
static void on_signal(int sig)
{
	if (pager_fd >= 0)
		close(pager_fd);
	if (pager_pid > 0)
		while (waitpid(pager_pid, NULL, 0) < 0 && errno == EINTR)
			;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Splits a command of plain words (no shell syntax) into argv; 0 when it needs a shell. */
static int plain_words(char *cmd, char **argv, int max)
{
	int n = 0;

	if (cmd[strcspn(cmd, "|&;<>()$`\\\"'*?[]#~=%{}\n")])
		return 0;
	for (char *p = strtok(cmd, " \t"); p; p = strtok(NULL, " \t")) {
		if (n == max - 1)
			return 0;
		argv[n++] = p;
	}
	argv[n] = NULL;
	return n;
}

/* Starts cmd reading a pipe; 0, or -1 with errno when it could not be run (exec failed). */
static int spawn(const char *cmd)
{
	char copy[1024], *argv[32];
	int p[2], st[2], e = 0, plain;
	pid_t pid;
	ssize_t got;

	/* Set here, before the fork: setenv allocates, which a child of a process with threads
	 * must not do before exec. casewatch writes UTF-8 whatever the locale says (main.c); less
	 * keeps the searches typed in it in ~/.lesshst, on the disk, and a defendant's name
	 * searched for must not outlive the session. */
	if (!getenv("LESSCHARSET"))
		setenv("LESSCHARSET", "utf-8", 1);
	setenv("LESSHISTFILE", "-", 1);
	/* A command of plain words runs without a shell (split here, before the fork). */
	snprintf(copy, sizeof copy, "%s", cmd);
	plain = strlen(cmd) < sizeof copy && plain_words(copy, argv, 32);
	if (pipe2(p, O_CLOEXEC) != 0)
		return -1;
	if (pipe2(st, O_CLOEXEC) != 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if ((pid = fork()) < 0) {
		e = errno;
		close(p[0]);
		close(p[1]);
		close(st[0]);
		close(st[1]);
		errno = e;
		return -1;
	}
	if (pid == 0) {
		dup2(p[0], STDIN_FILENO);
		/* Only the status pipe: not the database's files nor a --passphrase-fd. */
		cw_child_close_fds(st[1]);
		signal(SIGPIPE, SIG_DFL);
		if (plain)
			execvp(argv[0], argv);
		else
			execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		e = errno;
		if (write(st[1], &e, sizeof e) < 0)
			_exit(127);
		_exit(127);
	}
	close(p[0]);
	close(st[1]);
	while ((got = read(st[0], &e, sizeof e)) < 0 && errno == EINTR)
		;
	close(st[0]);
	if (got == (ssize_t)sizeof e) {
		close(p[1]);
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		errno = e;
		return -1;
	}
	pager_pid = pid;
	pager_fd = p[1];
	return 0;
}

static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	/* A pager quit early closes the pipe: a write then fails with EPIPE, and the rest of
	 * the output is dropped, with no message. */
	sigaction(SIGPIPE, &sa, &pg.old_pipe);
	sa.sa_handler = on_signal;
	for (size_t i = 0; i < N_CAUGHT; i++)
		sigaction(caught[i], &sa, &pg.old[i]);
}

static void restore_signals(void)
{
	for (size_t i = 0; i < N_CAUGHT; i++)
		sigaction(caught[i], &pg.old[i], NULL);
	sigaction(SIGPIPE, &pg.old_pipe, NULL);
}

static int to_pager(const char *buf, size_t n)
{
	if (write_all(pager_fd, buf, n) != 0)
		pg.state =
			DROP; /* quit early (EPIPE), or gone otherwise: not the command's fault */
	return 0;
}

/* The text is longer than the screen: start the pager and give it what was held. */
static int start_pager(void)
{
	int rc = 0;

	if (spawn(pg.command) == 0 ||
	    (!strcmp(pg.command, DEFAULT_PAGER) && spawn(FALLBACK_PAGER) == 0)) {
		catch_signals();
		pg.state = PIPE;
		rc = to_pager(pg.held, pg.n);
	} else {
		if (strcmp(pg.command, DEFAULT_PAGER) != 0) {
			char *safe = cw_text_for_terminal(pg.command, 0);

			fprintf(stderr, _("casewatch: warning: cannot run the pager '%s': %s\n"),
				safe ? safe : "?", strerror(errno));
			free(safe);
		}
		pg.state = DIRECT;
		rc = write_all(STDOUT_FILENO, pg.held, pg.n);
	}
	free(pg.held);
	pg.held = NULL;
	pg.n = pg.cap = 0;
	return rc;
}

/* Counts the screen rows of the lines completed in held[from..n). */
static void count_rows(size_t from)
{
	for (size_t i = from; i < pg.n && pg.rows_used < pg.rows; i++) {
		int w;

		if (pg.held[i] != '\n')
			continue;
		pg.held[i] = '\0';
		w = cw_text_width(pg.held + pg.line_start);
		pg.held[i] = '\n';
		pg.rows_used += w > pg.cols ? (w + pg.cols - 1) / pg.cols : 1;
		pg.line_start = i + 1;
	}
}

static ssize_t stream_write(void *cookie, const char *buf, size_t size)
{
	(void)cookie;
	switch (pg.state) {
	case DROP:
		return (ssize_t)size;
	case PIPE:
		to_pager(buf, size);
		return (ssize_t)size;
	case DIRECT:
		return write_all(STDOUT_FILENO, buf, size) == 0 ? (ssize_t)size : -1;
	case HOLD:
		break;
	}
	if (pg.n + size + 1 > pg.cap) {
		size_t cap = (pg.n + size + 1) * 2;
		char *grown = realloc(pg.held, cap);

		if (!grown) {
			/* Cannot hold it: print what there is, without a pager. */
			pg.state = DIRECT;
			if (write_all(STDOUT_FILENO, pg.held, pg.n) != 0)
				return -1;
			return write_all(STDOUT_FILENO, buf, size) == 0 ? (ssize_t)size : -1;
		}
		pg.held = grown;
		pg.cap = cap;
	}
	memcpy(pg.held + pg.n, buf, size);
	pg.n += size;
	count_rows(pg.n - size);
	/* Longer than the screen, with the line the shell's prompt will take. */
	if (pg.rows_used >= pg.rows && start_pager() != 0)
		return -1;
	return (ssize_t)size;
}

FILE *cw_paging_begin(FILE *out, int disabled)
{
	static const cookie_io_functions_t io = {NULL, stream_write, NULL, NULL};
	const char *cmd = cw_paging_command(disabled);
	struct winsize ws;
	FILE *f;

	if (!cmd || pg.stream)
		return out;
	memset(&pg, 0, sizeof pg);
	pg.command = cmd;
	pg.rows = 24;
	pg.cols = 80;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
		pg.rows = ws.ws_row;
		pg.cols = ws.ws_col;
	}
	if (!(f = fopencookie(NULL, "w", io)))
		return out;
	fflush(out);
	pg.stream = f;
	return f;
}

int cw_paging_end(FILE *out)
{
	int rc = 0, e = 0;

	if (!out || out != pg.stream)
		return 0;
	if (fflush(out) != 0) {
		rc = -1;
		e = errno;
	}
	if (pg.state == HOLD) {
		/* The last line may lack its newline: count it too. */
		if (pg.n > pg.line_start) {
			pg.held[pg.n] = '\0';
			pg.rows_used += 1 + cw_text_width(pg.held + pg.line_start) / pg.cols;
		}
		if (pg.rows_used >= pg.rows) {
			if (start_pager() != 0 && !rc) {
				rc = -1;
				e = errno;
			}
		} else if (pg.n && write_all(STDOUT_FILENO, pg.held, pg.n) != 0 && !rc) {
			rc = -1;
			e = errno;
		}
	}
	fclose(out);
	free(pg.held);
	pg.stream = NULL;
	if (pager_pid > 0) {
		close(pager_fd);
		pager_fd = -1;
		while (waitpid(pager_pid, NULL, 0) < 0 && errno == EINTR)
			;
		pager_pid = -1;
		restore_signals();
	}
	errno = e;
	return rc;
}

int cw_paging_fileno(FILE *out)
{
	return out && out == pg.stream ? STDOUT_FILENO : fileno(out);
}
