/* child.c - descriptors a started program must not inherit; see child.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <unistd.h>
#include <linux/magic.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

#include "app/child.h"

/* The highest descriptor tried when the kernel cannot close a range at once. */
#define CW_CHILD_FD_MAX 65536

/* Closes [from, to]; close_range(2) where the kernel has it (Linux 5.9), else one by one. */
static void close_span(unsigned from, unsigned to)
{
	if (from > to)
		return;
#if defined(__linux__) && defined(SYS_close_range)
	if (syscall(SYS_close_range, from, to, 0) == 0)
		return;
#endif
	for (unsigned fd = from; fd <= to && fd < CW_CHILD_FD_MAX; fd++)
		close((int)fd);
}

void cw_child_close_fds(int keep)
{
	int saved = errno;

	if (keep < 3) {
		close_span(3, ~0u);
	} else {
		close_span(3, (unsigned)keep - 1);
		close_span((unsigned)keep + 1, ~0u);
	}
	errno = saved;
}

/* Whether a folder is one we may write in and lies in memory. */
static int in_memory(const char *dir)
{
	struct statfs fs;

	return dir && dir[0] == '/' && access(dir, W_OK | X_OK) == 0 && statfs(dir, &fs) == 0 &&
	       (fs.f_type == TMPFS_MAGIC || fs.f_type == RAMFS_MAGIC);
}

int cw_private_folder(int encrypted, const char *prefix, char *dir, size_t len)
{
	const char *run = getenv("XDG_RUNTIME_DIR"), *tmp = getenv("TMPDIR");
	/* /dev/shm: where no login session made $XDG_RUNTIME_DIR (ssh without logind, a
	 * container), still memory. */
	const char *base = in_memory(run)          ? run
			   : in_memory(tmp)        ? tmp
			   : in_memory("/dev/shm") ? "/dev/shm"
						   : NULL;

	if (!base && encrypted) {
		errno = ENOENT;
		return -1;
	}
	if (!base)
		base = tmp && tmp[0] == '/' && access(tmp, W_OK | X_OK) == 0 ? tmp : "/tmp";
	if (strlen(base) > 2048 ||
	    (size_t)snprintf(dir, len, "%s/%s-XXXXXX", base, prefix) >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return mkdtemp(dir) ? 0 : -1;
}
