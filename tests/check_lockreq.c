/* check_lockreq.c - unit tests of app/lockreq.c: the file an open terminal interface keeps
 * (0600, in a 0700 folder, one line with no name), lock's request and the answer it counts
 * (from another process, as the interface is), requests for another database left alone, an
 * interface that does not answer counted apart, a killed one's file cleared, a file removed
 * from under an interface, and a new file after unlocking that no earlier request reaches. The
 * tmux test of the whole is tests/tui/lock_command.sh. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/lockreq.h"
#include "tests/testutil.h"

static char *dir;
static char folder[4200];
static const struct cw_id db_a = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}};
static const struct cw_id db_b = {{16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}};

static void setup(void)
{
	dir = make_temp_dir();
	ck_assert_ptr_nonnull(dir);
	ck_assert_int_eq(setenv("XDG_RUNTIME_DIR", dir, 1), 0);
	snprintf(folder, sizeof folder, "%s/casewatch", dir);
}

static void teardown(void)
{
	rm_tree(dir);
	dir = NULL;
}

/* How many entries the folder holds. */
static int entries(void)
{
	DIR *d = opendir(folder);
	struct dirent *de;
	int n = 0;

	if (!d)
		return 0;
	while ((de = readdir(d)))
		n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
	closedir(d);
	return n;
}

START_TEST(folder_is_xdg_runtime_dir)
{
	char got[4200];

	cw_lockreq_folder(got, sizeof got);
	ck_assert_str_eq(got, folder);
	/* Gone (a stale variable): the next candidate, never a folder that is not there. */
	ck_assert_int_eq(setenv("XDG_RUNTIME_DIR", "/nonexistent-casewatch-run", 1), 0);
	cw_lockreq_folder(got, sizeof got);
	ck_assert_ptr_null(strstr(got, "nonexistent"));
}
END_TEST

START_TEST(join_and_leave)
{
	struct cw_lockreq r = {0};
	struct cw_error err;
	struct stat sb;
	char text[128], want[128], hex[CW_ID_HEX_LEN + 1];
	FILE *f;
	size_t n;

	ck_assert_int_eq(cw_lockreq_join(&r, &db_a, &err), 0);
	ck_assert_int_eq(r.joined, 1);
	ck_assert_int_eq(stat(folder, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 0777, 0700);
	ck_assert_int_eq(stat(r.path, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 0777, 0600);
	ck_assert_ptr_nonnull(strstr(r.path, "/casewatch/open-"));
	/* One line: a version and the database's id, nothing else. */
	ck_assert_ptr_nonnull(f = fopen(r.path, "r"));
	n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	cw_id_hex(&db_a, hex);
	snprintf(want, sizeof want, "casewatch-open 1 %s\n", hex);
	ck_assert_str_eq(text, want);
	ck_assert_int_eq(entries(), 1);
	ck_assert_int_eq(cw_lockreq_asked(&r), CW_LOCKREQ_NONE);
	cw_lockreq_leave(&r, 0);
	ck_assert_int_eq(r.joined, 0);
	ck_assert_int_eq(entries(), 0);
	cw_lockreq_leave(&r, 0); /* a no-op */
	ck_assert_int_eq(cw_lockreq_asked(&r), CW_LOCKREQ_NONE);
}
END_TEST

/* A folder left open to others (made by hand) is closed again; nothing is listed there. */
START_TEST(folder_closed_to_others)
{
	struct cw_lockreq r = {0};
	struct cw_lockreq_sent sent;
	struct cw_error err;
	struct stat sb;

	ck_assert_int_eq(cw_lockreq_send(NULL, 0, &sent, &err), 0); /* no folder: none open */
	ck_assert_uint_eq(sent.locked + sent.waiting, 0);
	ck_assert_int_eq(mkdir(folder, 0755), 0);
	ck_assert_int_eq(chmod(folder, 0755), 0);
	ck_assert_int_eq(cw_lockreq_join(&r, &db_a, &err), 0);
	ck_assert_int_eq(stat(folder, &sb), 0);
	ck_assert_uint_eq(sb.st_mode & 0777, 0700);
	cw_lockreq_leave(&r, 0);
	/* Another user's folder at that name is refused (only root can make one here). */
	if (geteuid() == 0) {
		ck_assert_int_eq(chown(folder, 65534, 65534), 0);
		ck_assert_int_eq(cw_lockreq_join(&r, &db_a, &err), CW_EIO);
		ck_assert_ptr_nonnull(strstr(err.message, "not a folder of this user's"));
		ck_assert_int_eq(cw_lockreq_send(NULL, 0, &sent, &err), CW_EIO);
		ck_assert_int_eq(r.joined, 0);
	}
}
END_TEST

/* The interface, in a child as it is in another process: joins, says so on `ready`, waits
 * for the request (up to 10 s), then leaves saying it locked. Exits 0 when it was asked. */
static pid_t interface(const struct cw_id *database, int *ready_fd)
{
	int p[2];
	pid_t pid;

	ck_assert_int_eq(pipe(p), 0);
	ck_assert_int_ge(pid = fork(), 0);
	if (pid == 0) {
		struct cw_lockreq r = {0};
		struct cw_error err;
		int asked = 0;

		close(p[0]);
		if (cw_lockreq_join(&r, database, &err) != 0)
			_exit(2);
		if (write(p[1], "r", 1) != 1)
			_exit(3);
		for (int i = 0; i < 1000 && !asked; i++) {
			asked = cw_lockreq_asked(&r) == CW_LOCKREQ_ASKED;
			if (!asked)
				usleep(10000);
		}
		cw_lockreq_leave(&r, asked);
		_exit(asked ? 0 : 1);
	}
	close(p[1]);
	*ready_fd = p[0];
	return pid;
}

static void wait_ready(int fd)
{
	char c;

	ck_assert_int_eq(read(fd, &c, 1), 1);
	close(fd);
}

START_TEST(request_and_answer)
{
	struct cw_lockreq_sent sent;
	struct cw_error err;
	int ready, status;
	pid_t pid = interface(&db_a, &ready);

	wait_ready(ready);
	ck_assert_int_eq(entries(), 1);
	/* Another database's lock does not reach it. */
	ck_assert_int_eq(cw_lockreq_send(&db_b, 300, &sent, &err), 0);
	ck_assert_uint_eq(sent.locked, 0);
	ck_assert_uint_eq(sent.waiting, 0);
	/* Its own does: lock waits for the answer, and counts it. */
	ck_assert_int_eq(cw_lockreq_send(&db_a, 5000, &sent, &err), 0);
	ck_assert_uint_eq(sent.locked, 1);
	ck_assert_uint_eq(sent.waiting, 0);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(entries(), 0);
}
END_TEST

START_TEST(request_all)
{
	struct cw_lockreq_sent sent;
	struct cw_error err;
	int ready_a, ready_b, status;
	pid_t a = interface(&db_a, &ready_a), b = interface(&db_b, &ready_b);

	wait_ready(ready_a);
	wait_ready(ready_b);
	ck_assert_int_eq(cw_lockreq_send(NULL, 5000, &sent, &err), 0);
	ck_assert_uint_eq(sent.locked, 2);
	ck_assert_uint_eq(sent.waiting, 0);
	ck_assert_int_eq(waitpid(a, &status, 0), a);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(waitpid(b, &status, 0), b);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(entries(), 0);
}
END_TEST

/* Killed (no leave): its file stays, held by nobody; the next lock clears it, counting none. */
START_TEST(killed_interface)
{
	struct cw_lockreq_sent sent;
	struct cw_error err;
	int status;
	pid_t pid;

	ck_assert_int_ge(pid = fork(), 0);
	if (pid == 0) {
		struct cw_lockreq r = {0};

		_exit(cw_lockreq_join(&r, &db_a, &err) == 0 ? 0 : 1);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(entries(), 1);
	ck_assert_int_eq(cw_lockreq_send(NULL, 300, &sent, &err), 0);
	ck_assert_uint_eq(sent.locked, 0);
	ck_assert_uint_eq(sent.waiting, 0);
	ck_assert_int_eq(entries(), 0);
}
END_TEST

/* One that does not answer (busy: here the same process, which does not look) is counted
 * apart; once it looks, it finds the request. Unlocked again, its new file holds none. */
START_TEST(no_answer_then_new_file)
{
	struct cw_lockreq r = {0};
	struct cw_lockreq_sent sent;
	struct cw_error err;

	ck_assert_int_eq(cw_lockreq_join(&r, &db_a, &err), 0);
	ck_assert_int_eq(cw_lockreq_send(&db_a, 100, &sent, &err), 0);
	ck_assert_uint_eq(sent.locked, 0);
	ck_assert_uint_eq(sent.waiting, 1);
	ck_assert_int_eq(cw_lockreq_asked(&r), CW_LOCKREQ_ASKED);
	cw_lockreq_leave(&r, 1);
	ck_assert_int_eq(entries(), 0);
	ck_assert_int_eq(cw_lockreq_join(&r, &db_a, &err), 0);
	ck_assert_int_eq(cw_lockreq_asked(&r), CW_LOCKREQ_NONE);
	cw_lockreq_leave(&r, 0);
}
END_TEST

/* Its file removed by something else: lock can no longer reach it, which it is told. */
START_TEST(file_removed)
{
	struct cw_lockreq r = {0};
	struct cw_error err;
	char path[sizeof r.path];

	ck_assert_int_eq(cw_lockreq_join(&r, &db_a, &err), 0);
	snprintf(path, sizeof path, "%s", r.path);
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(cw_lockreq_asked(&r), CW_LOCKREQ_LOST);
	/* A file that took the name meanwhile is not its to remove. */
	{
		FILE *f = fopen(path, "w");

		ck_assert_ptr_nonnull(f);
		fclose(f);
	}
	cw_lockreq_leave(&r, 1);
	ck_assert_int_eq(access(path, F_OK), 0);
}
END_TEST

/* A temporary file a killed interface left before naming it goes once it is a minute old. */
START_TEST(old_temporary_cleared)
{
	struct cw_lockreq r = {0};
	struct cw_lockreq_sent sent;
	struct cw_error err;
	char old[4300], young[4300];
	struct timeval then[2];
	FILE *f;

	ck_assert_int_eq(cw_lockreq_join(&r, &db_a, &err), 0);
	cw_lockreq_leave(&r, 0);
	snprintf(old, sizeof old, "%s/.new-AAAAAA", folder);
	snprintf(young, sizeof young, "%s/.new-BBBBBB", folder);
	ck_assert_ptr_nonnull(f = fopen(old, "w"));
	fclose(f);
	ck_assert_ptr_nonnull(f = fopen(young, "w"));
	fclose(f);
	gettimeofday(&then[0], NULL);
	then[0].tv_sec -= 120;
	then[1] = then[0];
	ck_assert_int_eq(utimes(old, then), 0);
	ck_assert_int_eq(cw_lockreq_send(NULL, 0, &sent, &err), 0);
	ck_assert_int_eq(access(old, F_OK), -1);
	ck_assert_int_eq(access(young, F_OK), 0);
}
END_TEST

static Suite *lockreq_suite(void)
{
	Suite *s = suite_create("lockreq");
	TCase *tc = tcase_create("lockreq");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, folder_is_xdg_runtime_dir);
	tcase_add_test(tc, join_and_leave);
	tcase_add_test(tc, folder_closed_to_others);
	tcase_add_test(tc, request_and_answer);
	tcase_add_test(tc, request_all);
	tcase_add_test(tc, killed_interface);
	tcase_add_test(tc, no_answer_then_new_file);
	tcase_add_test(tc, file_removed);
	tcase_add_test(tc, old_temporary_cleared);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(lockreq_suite());
}
