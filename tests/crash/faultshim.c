/* faultshim.c - an LD_PRELOAD library for the I/O-fault tests (tests/crash/faults.sh): makes
 * one call that writes or syncs a regular file fail, as a failing disk or a full one would.
 *
 *   FAULT_CALL   which call: pwrite, writev, write, fdatasync, fsync, msync, rename
 *   FAULT_N      fail its Nth call in this process (1 = the first); 0 or unset: fail none
 *   FAULT_ERRNO  EIO (default) or ENOSPC, or a number
 *   FAULT_STICKY 1: fail every call from the Nth on, of every kind listed above (a disk that
 *                stays full), not only the Nth
 *   FAULT_AFTER  a call of the list above: FAULT_N counts only the calls made after the first
 *                of that one (fdatasync: after the first write committed)
 *   FAULT_REPORT a file to append one line to at exit: how many calls of each kind the process
 *                made, then whether the fault happened: "pwrite=3 writev=2 ... fired=1"
 *
 * Only calls on regular files count (not the terminal or a pipe: the error message must still
 * get out), and a failed call changes nothing: no byte is written, nothing renamed.
 *
 * One call reads: verify, libsodium's crypto_verify_16, with which a sealed value is checked as
 * it is opened (store/vault.c). Failed, the value reads as one that fails its authentication,
 * as a page the disk damaged after it was written would: how the tests make a record written
 * a moment before fail as it is read back, within one process. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *const kinds[] = {"pwrite", "writev", "write",  "fdatasync",
				    "fsync",  "msync",  "rename", "verify"};
#define NKINDS (sizeof kinds / sizeof kinds[0])
static const char *fault_call, *fault_after;
static long fault_n, calls[NKINDS], before; /* before: FAULT_CALL's calls before FAULT_AFTER's */
static int fault_errno = EIO, sticky, fired, ready;

static void report(void)
{
	const char *path = getenv("FAULT_REPORT");
	FILE *f;

	if (!path || !(f = fopen(path, "a")))
		return;
	for (size_t i = 0; i < NKINDS; i++)
		fprintf(f, "%s=%ld ", kinds[i], calls[i]);
	fprintf(f, "fired=%d\n", fired);
	fclose(f);
}

static void setup(void)
{
	const char *e;

	if (ready)
		return;
	ready = 1;
	fault_call = getenv("FAULT_CALL");
	fault_after = getenv("FAULT_AFTER");
	fault_n = (e = getenv("FAULT_N")) ? strtol(e, NULL, 10) : 0;
	sticky = (e = getenv("FAULT_STICKY")) && !strcmp(e, "1");
	if ((e = getenv("FAULT_ERRNO"))) {
		if (!strcmp(e, "ENOSPC"))
			fault_errno = ENOSPC;
		else if (!strcmp(e, "EIO"))
			fault_errno = EIO;
		else
			fault_errno = atoi(e);
	}
	atexit(report);
}

static int regular(int fd)
{
	struct stat sb;

	return fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* Counts a call of kind `name` (on a regular file) and says whether it fails. */
static int fail(const char *name)
{
	long n = 0;

	setup();
	for (size_t i = 0; i < NKINDS; i++)
		if (!strcmp(kinds[i], name))
			n = ++calls[i];
	if (!fault_call)
		return 0;
	if (fault_after && !strcmp(name, fault_call)) {
		long after = 0;

		for (size_t i = 0; i < NKINDS; i++)
			if (!strcmp(kinds[i], fault_after))
				after = calls[i];
		if (!after)
			before = n;
		n -= before;
	}
	if (sticky && fired)
		return 1;
	if (strcmp(name, fault_call) != 0 || n != fault_n)
		return 0;
	fired = 1;
	return 1;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	if (regular(fd) && fail("pwrite")) {
		errno = fault_errno;
		return -1;
	}
	return REAL(pwrite)(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	if (regular(fd) && fail("pwrite")) {
		errno = fault_errno;
		return -1;
	}
	return REAL(pwrite64)(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	if (regular(fd) && fail("writev")) {
		errno = fault_errno;
		return -1;
	}
	return REAL(writev)(fd, iov, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	if (regular(fd) && fail("write")) {
		errno = fault_errno;
		return -1;
	}
	return REAL(write)(fd, buf, n);
}

int fdatasync(int fd)
{
	if (regular(fd) && fail("fdatasync")) {
		errno = fault_errno;
		return -1;
	}
	return REAL(fdatasync)(fd);
}

int fsync(int fd)
{
	if (regular(fd) && fail("fsync")) {
		errno = fault_errno;
		return -1;
	}
	return REAL(fsync)(fd);
}

int msync(void *addr, size_t len, int flags)
{
	if (fail("msync")) {
		errno = fault_errno;
		return -1;
	}
	return REAL(msync)(addr, len, flags);
}

int rename(const char *from, const char *to)
{
	if (fail("rename")) {
		errno = fault_errno;
		return -1;
	}
	return REAL(rename)(from, to);
}

/* The check of a sealed value as it is opened: a failed one is a value that does not open.
 * Declared here: the shim is built without libsodium's headers. */
int crypto_verify_16(const unsigned char *x, const unsigned char *y);
int crypto_verify_16(const unsigned char *x, const unsigned char *y)
{
	if (fail("verify"))
		return -1;
	return REAL(crypto_verify_16)(x, y);
}
