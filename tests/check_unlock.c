/* check_unlock.c - unit tests of app/unlock.c: passphrases from a file, a pipe and a pseudo
 * terminal (echo off, confirmation, echo restored after Ctrl-C), the kernel keyring (round trip,
 * replacement, expiry, removal, another process), process hardening and durations. The keyring
 * tests are left out, with the reason printed, where the kernel keyring does not exist. */
#include "config.h"

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <keyutils.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "app/settings.h"
#include "app/unlock.h"
#include "tests/testutil.h"

static char *dir;

static void setup(void)
{
	ck_assert_int_ge(sodium_init(), 0);
	dir = make_temp_dir();
	ck_assert_ptr_nonnull(dir);
}

static void teardown(void)
{
	rm_tree(dir);
	dir = NULL;
}

/* Writes text to dir/name and returns the path (static buffer). */
static const char *file_with(const char *name, const char *text, size_t len)
{
	static char path[4300];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	ck_assert_ptr_nonnull(f = fopen(path, "wb"));
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

/* The passphrase read from a file holding text, or the error code. */
static int from_file(const char *text, size_t len, char **out, size_t *outlen, struct cw_error *err)
{
	struct cw_passphrase_source src = {-1, file_with("pass", text, len)};

	return cw_passphrase_read(&src, "unused", 1, out, outlen, err);
}

START_TEST(passphrase_file)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"secret\n", "secret"},         {"secret\r\n", "secret"},
		{"secret", "secret"},           {"two words \n", "two words "},
		{"first\nsecond\n", "first"},   {"first\r\nsecond", "first"},
		{"tab\there\n\n", "tab\there"},
	};
	struct cw_error err;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *p = NULL;
		size_t len = 0;

		ck_assert_msg(from_file(cases[i].text, strlen(cases[i].text), &p, &len, &err) == 0,
			      "%s", err.message);
		ck_assert_str_eq(p, cases[i].want);
		ck_assert_uint_eq(len, strlen(cases[i].want));
		cw_passphrase_free(p);
	}
	cw_passphrase_free(NULL);
}
END_TEST

START_TEST(passphrase_file_refused)
{
	static const char *const empty[] = {"", "\n", "\r\n", "\nsecond line\n"};
	struct cw_passphrase_source src = {-1, NULL};
	char *p = (char *)"sentinel", longer[CW_PASSPHRASE_MAX + 2], path[4300];
	struct cw_error err;
	size_t len = 99;

	for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
		ck_assert_int_eq(from_file(empty[i], strlen(empty[i]), &p, &len, &err), CW_EINVAL);
		ck_assert_str_eq(err.field, "passphrase");
		ck_assert_ptr_nonnull(strstr(err.message, "empty"));
		ck_assert_ptr_null(p);
		ck_assert_uint_eq(len, 0);
	}
	memset(longer, 'x', sizeof longer);
	longer[sizeof longer - 1] = '\n';
	ck_assert_int_eq(from_file(longer, sizeof longer, &p, &len, &err), CW_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.message, "longer than"));
	/* Exactly the longest is fine. */
	ck_assert_int_eq(from_file(longer + 1, sizeof longer - 1, &p, &len, &err), 0);
	ck_assert_uint_eq(len, CW_PASSPHRASE_MAX);
	cw_passphrase_free(p);

	snprintf(path, sizeof path, "%s/no-such-file", dir);
	src.file = path;
	ck_assert_int_eq(cw_passphrase_read(&src, "", 0, &p, &len, &err), CW_ENOTFOUND);
	ck_assert_str_eq(err.field, "passphrase-file");
	ck_assert_ptr_nonnull(strstr(err.message, path));
	ck_assert_ptr_null(p);
}
END_TEST

/* From a descriptor only the first line is taken: the rest stays for whoever reads next. */
START_TEST(passphrase_fd)
{
	struct cw_passphrase_source src = {-1, NULL};
	struct cw_error err;
	char *p = NULL, rest[16] = {0};
	size_t len = 0;
	int fds[2];

	ck_assert_int_eq(pipe(fds), 0);
	ck_assert_int_eq(write(fds[1], "pipe pass\r\nrest", 15), 15);
	ck_assert_int_eq(close(fds[1]), 0);
	src.fd = fds[0];
	src.file = "ignored when fd is given";
	ck_assert_msg(cw_passphrase_read(&src, NULL, 0, &p, &len, &err) == 0, "%s", err.message);
	ck_assert_str_eq(p, "pipe pass");
	ck_assert_uint_eq(len, 9);
	cw_passphrase_free(p);
	ck_assert_int_eq(read(fds[0], rest, sizeof rest - 1), 4);
	ck_assert_str_eq(rest, "rest");
	/* The caller's descriptor is left open; at its end, nothing is left: empty. */
	ck_assert_int_eq(cw_passphrase_read(&src, NULL, 0, &p, &len, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "passphrase");
	ck_assert_int_eq(close(fds[0]), 0);
	/* A closed descriptor cannot be read. */
	ck_assert_int_eq(cw_passphrase_read(&src, NULL, 0, &p, &len, &err), CW_EIO);
	ck_assert_str_eq(err.field, "passphrase-fd");
}
END_TEST

/* Without a controlling terminal (a new session has none), the terminal cannot be asked. The
 * test runs in a child: check made this process a group leader, which cannot start a session. */
START_TEST(passphrase_no_terminal)
{
	pid_t child;
	int status;

	ck_assert_int_ge(child = fork(), 0);
	if (child == 0) {
		struct cw_error err;
		char *p = NULL;
		size_t len;

		if (setsid() < 0)
			_exit(2);
		if (cw_passphrase_read(NULL, "Passphrase: ", 0, &p, &len, &err) != CW_EKEY || p)
			_exit(3);
		_exit(strstr(err.message, "--passphrase-file") &&
				      strstr(err.message, "--passphrase-fd")
			      ? 0
			      : 4);
	}
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %d", status);
}
END_TEST

/* ---- a pseudo terminal ------------------------------------------------------------------- */

struct pty {
	int master, slave; /* the test keeps a slave open so the terminal outlives the child */
	char out[4096];    /* everything the child wrote to the terminal */
	size_t outlen;
	pid_t child;
};

/* Starts a child that makes the pty its controlling terminal and reads a passphrase from it.
 * The child exits 0 when it read `want`, 10 + (-code) on an error code. */
static void pty_start(struct pty *t, int confirm, const char *want)
{
	char *name;

	memset(t, 0, sizeof *t);
	ck_assert_int_ge(t->master = posix_openpt(O_RDWR | O_NOCTTY), 0);
	ck_assert_int_eq(grantpt(t->master), 0);
	ck_assert_int_eq(unlockpt(t->master), 0);
	ck_assert_ptr_nonnull(name = ptsname(t->master));
	ck_assert_int_ge(t->slave = open(name, O_RDWR | O_NOCTTY), 0);
	ck_assert_int_ge(t->child = fork(), 0);
	if (t->child == 0) {
		struct cw_error err;
		char *p = NULL;
		size_t len;
		int fd, rc;

		/* As a program starts: check's own SIGINT handler would kill the process group. */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		if (setsid() < 0 || (fd = open(name, O_RDWR)) < 0) /* the controlling terminal */
			_exit(2);
		close(fd);
		rc = cw_passphrase_read(NULL, "Pass: ", confirm, &p, &len, &err);
		if (rc != 0)
			_exit(10 - rc);
		rc = strcmp(p, want) == 0 && len == strlen(want) ? 0 : 3;
		cw_passphrase_free(p);
		_exit(rc);
	}
}

/* Reads the child's output until it contains text (at most 10 s). */
static void pty_expect(struct pty *t, const char *text)
{
	for (int waited = 0; waited < 100; waited++) {
		struct pollfd pfd = {t->master, POLLIN, 0};
		ssize_t n;

		t->out[t->outlen] = '\0';
		if (strstr(t->out, text))
			return;
		if (poll(&pfd, 1, 100) == 1) {
			n = read(t->master, t->out + t->outlen, sizeof t->out - 1 - t->outlen);
			if (n > 0)
				t->outlen += (size_t)n;
		}
	}
	ck_abort_msg("the terminal never showed \"%s\"; it showed \"%s\"", text, t->out);
}

static void pty_type(struct pty *t, const char *text)
{
	ck_assert_int_eq(write(t->master, text, strlen(text)), (ssize_t)strlen(text));
}

static int pty_wait(struct pty *t)
{
	int status;

	ck_assert_int_eq(waitpid(t->child, &status, 0), t->child);
	return status;
}

static void pty_close(struct pty *t)
{
	close(t->slave);
	close(t->master);
}

START_TEST(passphrase_terminal)
{
	struct termios term;
	struct pty t;
	int status;

	pty_start(&t, 1, "hunter2 hunter2");
	pty_expect(&t, "Pass: ");
	pty_type(&t, "hunter2 hunter2\n");
	pty_expect(&t, "Repeat");
	pty_type(&t, "hunter2 hunter2\r\n");
	status = pty_wait(&t);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %d", status);
	ck_assert_msg(!strstr(t.out, "hunter"), "the passphrase was echoed: %s", t.out);
	/* The echo is back on afterwards (the test's own slave keeps the terminal alive). */
	ck_assert_int_eq(tcgetattr(t.slave, &term), 0);
	ck_assert(term.c_lflag & ECHO);
	pty_close(&t);
}
END_TEST

START_TEST(passphrase_terminal_differ)
{
	struct pty t;
	int status;

	pty_start(&t, 1, "one two three");
	pty_expect(&t, "Pass: ");
	pty_type(&t, "one two three\n");
	pty_expect(&t, "Repeat");
	pty_type(&t, "four five six\n");
	status = pty_wait(&t);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 10 - CW_EINVAL, "status %d",
		      status);
	pty_close(&t);
	/* A new passphrase too short is refused before it is asked again. */
	pty_start(&t, 1, "one");
	pty_expect(&t, "Pass: ");
	pty_type(&t, "one\n");
	status = pty_wait(&t);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 10 - CW_EINVAL, "status %d",
		      status);
	ck_assert_msg(!strstr(t.out, "Repeat"), "asked again: %s", t.out);
	pty_close(&t);
}
END_TEST

/* Ctrl-C at the prompt ends the program as usual, and the echo is back on. */
START_TEST(passphrase_terminal_interrupted)
{
	struct termios term;
	struct pty t;
	int status;

	pty_start(&t, 0, "x");
	pty_expect(&t, "Pass: ");
	ck_assert_int_eq(tcgetattr(t.slave, &term), 0);
	ck_assert(!(term.c_lflag & ECHO)); /* off while asking */
	pty_type(&t, "half typed");
	ck_assert_int_eq(kill(t.child, SIGINT), 0);
	status = pty_wait(&t);
	ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT, "status %d", status);
	ck_assert_int_eq(tcgetattr(t.slave, &term), 0);
	ck_assert(term.c_lflag & ECHO);
	pty_close(&t);
}
END_TEST

/* ---- kernel keyring ---------------------------------------------------------------------- */

static struct cw_id random_id(void)
{
	struct cw_id id;

	randombytes_buf(id.b, sizeof id.b);
	return id;
}

START_TEST(keyring_round_trip)
{
	struct cw_id db = random_id();
	uint8_t master[32], back[32];
	key_serial_t session;
	struct cw_error err;
	pid_t child;
	int status;

	randombytes_buf(master, sizeof master);
	ck_assert_int_eq(cw_keyring_load(&db, back, &err), CW_ENOTFOUND);
	session = keyctl_get_keyring_ID(KEY_SPEC_SESSION_KEYRING, 0);
	ck_assert_msg(cw_keyring_store(&db, master, 60, &err) == 0, "%s", err.message);
	/* Storing did not start a session keyring of this process alone (which the next command
	 * would not share): the process is in the session it was in. */
	ck_assert_int_eq(keyctl_get_keyring_ID(KEY_SPEC_SESSION_KEYRING, 0), session);
	ck_assert_msg(cw_keyring_load(&db, back, &err) == 0, "%s", err.message);
	ck_assert_mem_eq(back, master, sizeof master);
	/* Another process of the same user (here a child: same session) finds it too. */
	ck_assert_int_ge(child = fork(), 0);
	if (child == 0) {
		uint8_t other[32];

		_exit(cw_keyring_load(&db, other, NULL) == 0 && memcmp(other, master, 32) == 0 ? 0
											       : 1);
	}
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* Another database has no key. */
	{
		struct cw_id other = random_id();

		ck_assert_int_eq(cw_keyring_load(&other, back, &err), CW_ENOTFOUND);
	}
	ck_assert_int_eq(cw_keyring_remove(&db, &err), 0);
	ck_assert_int_eq(cw_keyring_load(&db, back, &err), CW_ENOTFOUND);
	ck_assert_int_eq(cw_keyring_remove(&db, &err), 0); /* absent is fine */
	ck_assert_int_eq(cw_keyring_store(&db, master, 0, &err), CW_EINVAL);
}
END_TEST

START_TEST(keyring_replace)
{
	struct cw_id db = random_id();
	uint8_t a[32], b[32], back[32];
	struct cw_error err;

	randombytes_buf(a, sizeof a);
	randombytes_buf(b, sizeof b);
	ck_assert_msg(cw_keyring_store(&db, a, 60, &err) == 0, "%s", err.message);
	ck_assert_msg(cw_keyring_store(&db, b, 60, &err) == 0, "%s", err.message);
	ck_assert_int_eq(cw_keyring_load(&db, back, &err), 0);
	ck_assert_mem_eq(back, b, sizeof b);
	ck_assert_int_eq(cw_keyring_remove(&db, &err), 0);
	ck_assert_int_eq(cw_keyring_load(&db, back, &err), CW_ENOTFOUND);
}
END_TEST

/* The one test that waits: the kernel forgets the key when its time runs out. */
START_TEST(keyring_expires)
{
	struct cw_id db = random_id();
	uint8_t master[32], back[32];
	struct cw_error err;

	randombytes_buf(master, sizeof master);
	ck_assert_msg(cw_keyring_store(&db, master, 1, &err) == 0, "%s", err.message);
	ck_assert_int_eq(cw_keyring_load(&db, back, &err), 0);
	sleep(2);
	ck_assert_int_eq(cw_keyring_load(&db, back, &err), CW_ENOTFOUND);
	ck_assert_ptr_nonnull(strstr(err.message, "locked"));
	ck_assert_int_eq(cw_keyring_remove(&db, &err), 0);
}
END_TEST

/* ---- process and durations --------------------------------------------------------------- */

START_TEST(harden)
{
	struct rlimit rl;

	cw_process_harden();
	cw_process_harden();
	ck_assert_int_eq(getrlimit(RLIMIT_CORE, &rl), 0);
	ck_assert_uint_eq(rl.rlim_cur, 0);
	ck_assert_uint_eq(rl.rlim_max, 0);
	ck_assert_int_eq(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
}
END_TEST

START_TEST(durations)
{
	static const struct {
		const char *text;
		unsigned seconds;
	} good[] = {
		{"90", 90},      {"2s", 2},          {"30m", 1800},           {"1h", 3600},
		{"1h30m", 5400}, {"1d", 86400},      {"7d", 604800},          {"1h0m5s", 3605},
		{"0h5m", 300},   {"604800", 604800}, {"6d23h59m59s", 604799},
	};
	static const char *const bad[] = {
		"",     "0",    "0s",     "0h0m",  "-5",
		"+5",   "5x",   "m",      "h30",   "1h30",
		"30 m", " 30m", "30m ",   "30m1h", "1m1m",
		"1.5h", "7d1s", "604801", "8d",    "99999999999999999999",
		"1H",
	};
	struct cw_error err;
	unsigned s;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		s = 0;
		ck_assert_msg(cw_duration_parse(good[i].text, &s, &err) == 0, "%s: %s",
			      good[i].text, err.message);
		ck_assert_msg(s == good[i].seconds, "%s: %u", good[i].text, s);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		s = 12345;
		ck_assert_msg(cw_duration_parse(bad[i], &s, &err) == CW_EINVAL, "%s", bad[i]);
		ck_assert_str_eq(err.field, "for");
		ck_assert_uint_eq(s, 12345);
	}
}
END_TEST

/* backup_warn_after: days and more, past lock_after's week. */
START_TEST(ages)
{
	static const struct {
		const char *text;
		unsigned seconds;
	} good[] = {
		{"7d", 604800}, {"30d", 2592000},    {"36h", 129600}, {"1d12h", 129600},
		{"90", 90},     {"never", 0},        {"0", 0},        {"3650d", 315360000},
		{"1s", 1},      {"1d1h1m1s", 90061},
	};
	static const char *const bad[] = {
		"",
		"0s",
		"-7d",
		"+7d",
		"7x",
		"d",
		"7d7d",
		"1h1d",
		" 7d",
		"7d ",
		"3651d",
		"7.5d",
		"99999999999999999999",
		"soon",
	};
	struct cw_error err;
	unsigned s;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		s = 12345;
		ck_assert_msg(cw_age_parse(good[i].text, &s, &err) == 0, "%s: %s", good[i].text,
			      err.message);
		ck_assert_msg(s == good[i].seconds, "%s: %u", good[i].text, s);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		s = 12345;
		ck_assert_msg(cw_age_parse(bad[i], &s, &err) == CW_EINVAL, "%s", bad[i]);
		ck_assert_str_eq(err.field, "backup_warn_after");
		ck_assert_uint_eq(s, 12345);
	}
}
END_TEST

/* Whether this kernel (or its sandbox) has keyrings at all; the reason when not. */
static const char *keyring_missing(void)
{
	if (keyctl_get_keyring_ID(KEY_SPEC_USER_KEYRING, 0) >= 0)
		return NULL;
	if (errno == ENOSYS)
		return "the kernel has no keyrings (ENOSYS)";
	if (errno == EPERM)
		return "keyring calls are forbidden here (EPERM, e.g. a container's seccomp "
		       "profile)";
	return NULL; /* anything else is a failure the tests should show */
}

static Suite *unlock_suite(void)
{
	Suite *s = suite_create("unlock");
	TCase *tc = tcase_create("passphrase");
	const char *missing;

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, passphrase_file);
	tcase_add_test(tc, passphrase_file_refused);
	tcase_add_test(tc, passphrase_fd);
	tcase_add_test(tc, passphrase_no_terminal);
	tcase_add_test(tc, passphrase_terminal);
	tcase_add_test(tc, passphrase_terminal_differ);
	tcase_add_test(tc, passphrase_terminal_interrupted);
	suite_add_tcase(s, tc);

	if ((missing = keyring_missing())) {
		printf("check_unlock: keyring tests skipped: %s\n", missing);
	} else {
		tc = tcase_create("keyring");
		tcase_add_checked_fixture(tc, setup, teardown);
		tcase_add_test(tc, keyring_round_trip);
		tcase_add_test(tc, keyring_replace);
		tcase_add_test(tc, keyring_expires);
		suite_add_tcase(s, tc);
	}

	tc = tcase_create("process");
	tcase_add_test(tc, harden);
	tcase_add_test(tc, durations);
	tcase_add_test(tc, ages);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(unlock_suite());
}
