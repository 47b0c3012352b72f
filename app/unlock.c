/* unlock.c - passphrases, the kernel keyring, core dumps and durations; see unlock.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <keyutils.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "app/unlock.h"
#include "models/i18n.h"

/* ---- passphrases --------------------------------------------------------------------------- */

enum { READ_OK = 0, READ_TOO_LONG = 1, READ_ERROR = -1, READ_INTERRUPTED = -2 };

/* The signals that end a passphrase prompt. Caught while echo is off, so the terminal is put
 * back before they take their usual course. */
static const int prompt_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
#define N_PROMPT_SIGNALS (sizeof prompt_signals / sizeof prompt_signals[0])

static volatile sig_atomic_t caught_signal;

static void on_prompt_signal(int sig)
{
	caught_signal = sig;
}

/* Reads one line (up to "\n" or end of file) from fd into buf (room for CW_PASSPHRASE_MAX bytes
 * and a NUL), dropping the "\n" and a "\r" before it. A longer line is read to its end and
 * reported. With `wait_mask`, signals are blocked and each read first waits in ppoll with
 * wait_mask, so a caught signal interrupts the wait with no race. */
static int read_line(int fd, char *buf, size_t *len, const sigset_t *wait_mask)
{
	size_t n = 0;
	int too_long = 0;
	char c;

	for (;;) {
		ssize_t r;

		if (wait_mask) {
			struct pollfd pfd = {fd, POLLIN, 0};

			if (caught_signal)
				return READ_INTERRUPTED;
			if (ppoll(&pfd, 1, NULL, wait_mask) < 0) {
				if (errno == EINTR)
					continue;
				return READ_ERROR;
			}
		}
		r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return READ_ERROR;
		if (r == 0 || c == '\n')
			break;
		if (n < CW_PASSPHRASE_MAX)
			buf[n++] = c;
		else
			too_long = 1;
	}
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	*len = n;
	return too_long ? READ_TOO_LONG : READ_OK;
}

static void write_text(int fd, const char *s)
{
	size_t n = strlen(s);

	while (n) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

/* Prompts on the terminal tty and reads a line with echo off. The terminal settings, signal
 * handlers and signal mask are all put back before returning; a caught signal is then raised
 * again, so Ctrl-C still ends the program (with its echo restored). */
static int read_tty(int tty, const char *prompt, char *buf, size_t *len)
{
	struct sigaction sa, old_sa[N_PROMPT_SIGNALS];
	struct termios old_term, quiet;
	sigset_t block, old_mask;
	int rc, sig;

	if (tcgetattr(tty, &old_term) != 0)
		return READ_ERROR;
	sigemptyset(&block);
	for (size_t i = 0; i < N_PROMPT_SIGNALS; i++)
		sigaddset(&block, prompt_signals[i]);
	sigprocmask(SIG_BLOCK, &block, &old_mask);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_prompt_signal;
	sigemptyset(&sa.sa_mask);
	caught_signal = 0;
	for (size_t i = 0; i < N_PROMPT_SIGNALS; i++)
		sigaction(prompt_signals[i], &sa, &old_sa[i]);

	quiet = old_term;
	quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
	while (tcsetattr(tty, TCSAFLUSH, &quiet) != 0 && errno == EINTR)
		;
	write_text(tty, prompt);
	rc = read_line(tty, buf, len, &old_mask);
	write_text(tty, "\n");
	while (tcsetattr(tty, TCSAFLUSH, &old_term) != 0 && errno == EINTR)
		;

	for (size_t i = 0; i < N_PROMPT_SIGNALS; i++)
		sigaction(prompt_signals[i], &old_sa[i], NULL);
	sig = caught_signal;
	if (sig)
		raise(sig); /* pending until the mask is restored, then as if never caught */
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	if (sig) {
		sodium_memzero(buf, CW_PASSPHRASE_MAX + 1);
		return READ_INTERRUPTED;
	}
	return rc;
}

static int no_terminal(struct cw_error *err)
{
	return cw_error_set(err, CW_EKEY, "passphrase",
			    "no terminal to ask for the passphrase: give it with "
			    "--passphrase-file FILE or --passphrase-fd N");
}

static int from_terminal(const char *prompt, int confirm, char *buf, size_t *len,
			 struct cw_error *err)
{
	char *again = NULL;
	size_t len2 = 0;
	int tty, rc, rc2 = READ_OK;

	if ((tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) < 0)
		return no_terminal(err);
	if (!isatty(tty)) {
		close(tty);
		return no_terminal(err);
	}
	rc = read_tty(tty, prompt ? prompt : _("Passphrase: "), buf, len);
	/* A new passphrase (asked twice) too short is refused before it is typed again: a trial
	 * typed it twice to be told so. */
	if (rc == READ_OK && *len > 0 && confirm &&
	    (rc = cw_passphrase_check_new(buf, *len, err)) != 0) {
		close(tty);
		return rc;
	}
	if (rc == READ_OK && *len > 0 && confirm) {
		if (!(again = sodium_malloc(CW_PASSPHRASE_MAX + 1))) {
			close(tty);
			return cw_error_set(err, CW_ENOMEM, "passphrase", "out of memory");
		}
		rc2 = read_tty(tty, _("Repeat the passphrase: "), again, &len2);
	}
	close(tty);
	if (rc == READ_OK && rc2 != READ_OK)
		rc = rc2;
	if (rc == READ_OK && again && (len2 != *len || sodium_memcmp(again, buf, *len) != 0))
		rc = cw_error_set(err, CW_EINVAL, "passphrase", "the two passphrases differ");
	else if (rc == READ_INTERRUPTED)
		rc = cw_error_set(err, CW_EKEY, "passphrase", "interrupted");
	else if (rc == READ_TOO_LONG)
		rc = cw_error_set(err, CW_EINVAL, "passphrase",
				  "the passphrase is longer than %d bytes", CW_PASSPHRASE_MAX);
	else if (rc == READ_ERROR)
		rc = cw_error_set(err, CW_EKEY, "passphrase",
				  "cannot read the passphrase from the terminal");
	sodium_free(again);
	return rc;
}

int cw_passphrase_file_exposed(const char *path, char *what, size_t size)
{
	char shown[4200];
	struct stat sb;
	size_t n = 0;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || !(sb.st_mode & (S_IRWXG | S_IRWXO)))
		return 0;
	for (const char *p = path; *p && n + 1 < sizeof shown; p++) /* controls shown as '?' */
		shown[n++] = (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p;
	shown[n] = '\0';
	snprintf(what, size,
		 _("the passphrase file can be read by other users (mode %03o): chmod 600 %s"),
		 (unsigned)(sb.st_mode & 0777), shown);
	return 1;
}

void cw_passphrase_file_warn(const char *path)
{
	char what[4400];

	if (cw_passphrase_file_exposed(path, what, sizeof what))
		fprintf(stderr, _("casewatch: warning: %s\n"), what);
}

int cw_passphrase_read(const struct cw_passphrase_source *src, const char *prompt, int confirm,
		       char **out, size_t *len, struct cw_error *err)
{
	const char *where = NULL, *field = "passphrase";
	char fd_name[32], *buf;
	int rc, fd = -1;

	*out = NULL;
	*len = 0;
	if (sodium_init() < 0)
		return cw_error_set(err, CW_EKEY, "", "the cryptography library could not start");
	if (!(buf = sodium_malloc(CW_PASSPHRASE_MAX + 1)))
		return cw_error_set(err, CW_ENOMEM, "passphrase", "out of memory");
	if (src && src->fd >= 0) {
		snprintf(fd_name, sizeof fd_name, _("descriptor %d"), src->fd);
		where = fd_name;
		field = "passphrase-fd";
		fd = src->fd;
		/* No program casewatch starts may read it after us (app/child.h closes it in
		 * those we start ourselves; this covers any other). */
		if (fcntl(fd, F_GETFD) >= 0)
			fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
	} else if (src && src->file) {
		where = src->file;
		field = "passphrase-file";
		if ((fd = open(src->file, O_RDONLY | O_CLOEXEC)) < 0) {
			/* not there: not found (66), as every input file that is not */
			rc = cw_error_set(err, errno == ENOENT ? CW_ENOTFOUND : CW_EIO, field,
					  "cannot read the passphrase file %s: %s", src->file,
					  strerror(errno));
			goto fail;
		}
	}
	if (!where) {
		if ((rc = from_terminal(prompt, confirm, buf, len, err)) != 0)
			goto fail;
	} else {
		int e;

		rc = read_line(fd, buf, len, NULL);
		e = errno;
		if (src->fd < 0)
			close(fd);
		if (rc == READ_ERROR) {
			rc = cw_error_set(err, CW_EIO, field,
					  "cannot read the passphrase from %s: %s", where,
					  strerror(e));
			goto fail;
		}
		if (rc == READ_TOO_LONG) {
			rc = cw_error_set(err, CW_EINVAL, "passphrase",
					  "the passphrase in %s is longer than %d bytes", where,
					  CW_PASSPHRASE_MAX);
			goto fail;
		}
	}
	if (*len == 0) {
		rc = where ? cw_error_set(err, CW_EINVAL, "passphrase",
					  "the passphrase is empty (the first line of %s)", where)
			   : cw_error_set(err, CW_EINVAL, "passphrase", "the passphrase is empty");
		goto fail;
	}
	*out = buf;
	return 0;
fail:
	sodium_free(buf);
	*len = 0;
	return rc;
}

void cw_passphrase_free(char *p)
{
	sodium_free(p); /* wipes the whole allocation; accepts NULL */
}

int cw_passphrase_check_new(const char *pass, size_t len, struct cw_error *err)
{
	size_t chars = 0;

	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)pass[i] & 0xC0) != 0x80; /* UTF-8: not a continuation */
	if (chars >= CW_PASSPHRASE_MIN_CHARS)
		return 0;
	return cw_error_set(err, CW_EINVAL, "passphrase",
			    "is too short (%zu characters): choose at least %d; a few words are "
			    "easy to type and hard to guess",
			    chars, CW_PASSPHRASE_MIN_CHARS);
}

/* ---- kernel keyring ------------------------------------------------------------------------ */

static void key_description(const struct cw_id *database, char desc[64])
{
	char hex[2 * sizeof database->b + 1];

	sodium_bin2hex(hex, sizeof hex, database->b, sizeof database->b);
	snprintf(desc, 64, "casewatch:%s", hex);
}

/* Sets the timeout on a freshly added key and reads it back: the proof that this process, and
 * so the next one, can use it. */
static int key_usable(key_serial_t k, const uint8_t master[32], unsigned seconds)
{
	uint8_t back[64];
	long n;
	int ok;

	if (keyctl_set_timeout(k, seconds) != 0)
		return 0;
	n = keyctl_read(k, (char *)back, sizeof back);
	ok = n == 32 && sodium_memcmp(back, master, 32) == 0;
	sodium_memzero(back, sizeof back);
	return ok;
}

/* Whether this process belongs to a real session keyring, one that the next command of the same
 * login shares. Without one (no PAM session: containers, CI, cron, su without pam_keyinit), the
 * kernel hands out the user's default session keyring for reading, but add_key to
 * KEY_SPEC_SESSION_KEYRING quietly makes a new anonymous session keyring for this process alone:
 * the key is added, its timeout set and read back fine, and it is gone with the process, so the
 * next command would ask for the passphrase again. (Measured in this project's sandbox and CI:
 * a key added with `keyctl add ... @s` cannot be timed or read by the next keyctl, EACCES, since
 * it sits in the first keyctl's private session keyring.) */
static int have_session_keyring(void)
{
	key_serial_t session = keyctl_get_keyring_ID(KEY_SPEC_SESSION_KEYRING, 0),
		     user_session = keyctl_get_keyring_ID(KEY_SPEC_USER_SESSION_KEYRING, 0);

	return session >= 0 && session != user_session;
}

/* The session keyring is the right place: it ends with the login. Without a real one (see
 * have_session_keyring), or when it will not take the key, the key goes to the user keyring
 * instead, with the user (not only a possessor) allowed to view, read, search and set its
 * timeout, so the same user's later processes, which do not possess it, find it. The timeout
 * bounds how long it stays there either way. */
int cw_keyring_store(const struct cw_id *database, const uint8_t master[32], unsigned seconds,
		     struct cw_error *err)
{
	char desc[64];
	key_serial_t k;
	int e;

	if (seconds == 0)
		return cw_error_set(err, CW_EINVAL, "for", "the time to stay unlocked is zero");
	key_description(database, desc);
	if (have_session_keyring() &&
	    (k = add_key("user", desc, master, 32, KEY_SPEC_SESSION_KEYRING)) >= 0) {
		if (key_usable(k, master, seconds))
			return 0;
		/* Not usable from here: take it out again rather than leave it without timeout. */
		if (keyctl_invalidate(k) != 0)
			keyctl_unlink(k, KEY_SPEC_SESSION_KEYRING);
	}
	k = add_key("user", desc, master, 32, KEY_SPEC_USER_KEYRING);
	if (k < 0) {
		e = errno;
		return cw_error_set(err, CW_EKEY, "",
				    "the kernel keyring cannot keep the key (%s): unlock for each "
				    "command instead",
				    strerror(e));
	}
	if (keyctl_setperm(k, KEY_POS_ALL | KEY_USR_VIEW | KEY_USR_READ | KEY_USR_SEARCH |
				      KEY_USR_SETATTR) != 0 ||
	    !key_usable(k, master, seconds)) {
		e = errno;
		if (keyctl_invalidate(k) != 0)
			keyctl_unlink(k, KEY_SPEC_USER_KEYRING);
		return cw_error_set(err, CW_EKEY, "",
				    "the kernel keyring took the key but will not let it expire or "
				    "give it back (%s): unlock for each command instead",
				    strerror(e));
	}
	return 0;
}

/* The key of desc in the session keyring (which also reaches the user keyring when it is linked
 * there), else in the user keyring; -1 with errno when neither has it. */
static key_serial_t find_key(const char *desc)
{
	key_serial_t k = (key_serial_t)keyctl_search(KEY_SPEC_SESSION_KEYRING, "user", desc, 0);

	if (k < 0)
		k = (key_serial_t)keyctl_search(KEY_SPEC_USER_KEYRING, "user", desc, 0);
	return k;
}

static int gone(int e)
{
	return e == ENOKEY || e == EKEYEXPIRED || e == EKEYREVOKED || e == ENOENT || e == ENOSYS;
}

int cw_keyring_load(const struct cw_id *database, uint8_t master[32], struct cw_error *err)
{
	uint8_t back[64];
	char desc[64];
	key_serial_t k;
	long n;
	int e;

	key_description(database, desc);
	if ((k = find_key(desc)) < 0) {
		e = errno;
		if (gone(e) || e == EACCES || e == EPERM)
			return cw_error_set(
				err, CW_ENOTFOUND, "",
				"the database is locked: no unlocked key in the keyring");
		return cw_error_set(err, CW_EKEY, "", "cannot search the kernel keyring: %s",
				    strerror(e));
	}
	n = keyctl_read(k, (char *)back, sizeof back);
	e = errno;
	if (n == 32)
		memcpy(master, back, 32);
	sodium_memzero(back, sizeof back);
	if (n == 32)
		return 0;
	if (n < 0 && gone(e))
		return cw_error_set(err, CW_ENOTFOUND, "",
				    "the database is locked: the unlocked key has expired");
	if (n < 0)
		return cw_error_set(err, CW_EKEY, "", "cannot read the key from the keyring: %s",
				    strerror(e));
	return cw_error_set(err, CW_EDAMAGED, "",
			    "the keyring entry %s is not a casewatch key (%ld bytes, not 32)", desc,
			    n);
}

int cw_keyring_remove(const struct cw_id *database, struct cw_error *err)
{
	char desc[64];
	key_serial_t k;
	int e;

	key_description(database, desc);
	/* A few rounds: one key may be linked from both keyrings, or two may exist (one in each).
	 */
	for (int round = 0; round < 4; round++) {
		if ((k = find_key(desc)) < 0)
			return 0;
		if (keyctl_invalidate(k) == 0)
			continue;
		e = errno;
		if (gone(e))
			return 0;
		/* Without invalidation (older kernels), unlinking from both makes it unreachable.
		 */
		if (keyctl_unlink(k, KEY_SPEC_SESSION_KEYRING) != 0 &&
		    keyctl_unlink(k, KEY_SPEC_USER_KEYRING) != 0)
			return cw_error_set(err, CW_EKEY, "",
					    "cannot remove the unlocked key from the keyring: %s",
					    strerror(e));
	}
	return 0;
}

/* Whether a key's description (keyctl_describe: "type;uid;gid;perm;name") is one of ours. */
static int ours(const char *described)
{
	const char *name = strrchr(described, ';');

	return !strncmp(described, "user;", 5) && name && !strncmp(name + 1, "casewatch:", 10) &&
	       strlen(name + 1) == 10 + 2 * sizeof((struct cw_id *)0)->b;
}

int cw_keyring_remove_all(size_t *removed, struct cw_error *err)
{
	static const key_serial_t rings[] = {KEY_SPEC_SESSION_KEYRING, KEY_SPEC_USER_KEYRING};

	*removed = 0;
	for (size_t r = 0; r < sizeof rings / sizeof rings[0]; r++) {
		key_serial_t *keys;
		void *buf = NULL;
		long n = keyctl_read_alloc(rings[r], &buf);

		if (n < 0)
			continue; /* no such keyring: nothing in it */
		keys = buf;
		for (size_t i = 0; i < (size_t)n / sizeof *keys; i++) {
			char *described = NULL;

			if (keyctl_describe_alloc(keys[i], &described) < 0)
				continue; /* gone meanwhile, or not ours to see */
			if (ours(described)) {
				if (keyctl_invalidate(keys[i]) != 0 && !gone(errno) &&
				    keyctl_unlink(keys[i], rings[r]) != 0 && !gone(errno)) {
					int e = errno;

					free(described);
					free(buf);
					return cw_error_set(err, CW_EKEY, "",
							    "cannot remove an unlocked key from "
							    "the keyring: %s",
							    strerror(e));
				}
				(*removed)++;
			}
			free(described);
		}
		free(buf);
	}
	return 0;
}

/* ---- the process --------------------------------------------------------------------------- */

void cw_process_harden(void)
{
	struct rlimit none = {0, 0};

	(void)setrlimit(RLIMIT_CORE, &none);
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

/* ---- durations ----------------------------------------------------------------------------- */

#define MAX_DURATION (7u * 24 * 3600)

static int bad_duration(const char *text, struct cw_error *err)
{
	return cw_error_set(err, CW_EINVAL, "for",
			    "cannot read \"%s\" as a duration: write it like 90 (seconds), 2s, "
			    "30m, 1h, 1d or 1h30m",
			    text);
}

int cw_duration_parse(const char *text, unsigned *seconds, struct cw_error *err)
{
	static const struct {
		char unit;
		unsigned seconds;
	} units[] = {{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
	const char *p = text;
	unsigned long long total = 0;
	size_t next_unit = 0;

	if (!text || !*text)
		return bad_duration(text ? text : "", err);
	while (*p) {
		unsigned long long n = 0;
		int first = p == text;
		size_t u;

		if (*p < '0' || *p > '9')
			return bad_duration(text, err);
		for (; *p >= '0' && *p <= '9'; p++) {
			n = n * 10 + (unsigned)(*p - '0');
			if (n > MAX_DURATION)
				n = MAX_DURATION + 1; /* saturate: too long, whatever the unit */
		}
		if (!*p) {
			if (first) { /* a bare number: seconds */
				total = n;
				break;
			}
			return bad_duration(text, err); /* "1h30": 30 what? */
		}
		for (u = next_unit; u < sizeof units / sizeof units[0]; u++)
			if (units[u].unit == *p)
				break;
		if (u == sizeof units / sizeof units[0])
			return bad_duration(text, err);
		total += n * units[u].seconds;
		if (total > MAX_DURATION)
			total = MAX_DURATION + 1;
		next_unit = u + 1;
		p++;
	}
	if (total == 0)
		return cw_error_set(err, CW_EINVAL, "for", "the duration \"%s\" is zero", text);
	if (total > MAX_DURATION)
		return cw_error_set(err, CW_EINVAL, "for",
				    "\"%s\" is longer than the 7 days a database may stay unlocked",
				    text);
	*seconds = (unsigned)total;
	return 0;
}
