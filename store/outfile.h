/* outfile.h - the files casewatch writes for people to carry or read (bundles, reports,
 * exports, key slots): they appear whole or not at all, only their owner can read them, and an
 * interrupted run leaves nothing behind.
 *
 * How: the file is written unnamed in its target folder (O_TMPFILE) and linked into place once
 * complete; where the filesystem cannot do that, under a fresh name beside the target made by
 * mkstemp (PATH.XXXXXX). Either way it is created with mode 0600 whatever the umask and with
 * O_EXCL, so no symlink planted at a temporary name is followed; its data is fsynced, it is
 * renamed over the target (a symlink at the target is replaced, never followed) and the folder
 * is fsynced. While a named temporary exists its path is in a small registry that a handler
 * for SIGINT, SIGTERM and SIGHUP unlinks before the signal takes its course (installed when
 * the first named temporary is made; a signal the process ignores stays ignored). SIGKILL
 * cannot be caught: an unnamed file simply vanishes with the process, but in the mkstemp
 * fallback a killed run can leave a PATH.XXXXXX of mode 0600.
 *
 * Contract: functions return 0 or a negative CW_E* code with err filled ("output" names the
 * field). May use: models/. */
#ifndef CW_STORE_OUTFILE_H
#define CW_STORE_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

#include "models/error.h"

struct cw_outfile {
	FILE *f;
	const char *path; /* the target; NULL: standard output */
	char tmp[4096];   /* the temporary name while the file has one, else "" */
	int slot;         /* its entry in the signal handler's registry, or -1 */
	/* Set after opening: the file appears only where nothing has the name, checked as it is
	 * linked into place (a file made meanwhile is kept, and the write refused). */
	int keep_existing;
};

/* Opens a file that will appear at `path` only when cw_outfile_close succeeds. With path NULL
 * the output is `std` and close only flushes it. */
int cw_outfile_open(struct cw_outfile *o, const char *path, FILE *std, struct cw_error *err);

/* Makes the folders of `path` that are missing, private to the user (0700): every folder
 * above its last part, and the last part too when `last` (a database's folder), which, when it
 * is there already and open to the group or others (made 0777 before init), is made 0700 as
 * a restored database's is: what a database holds is no one else's to list. One this user may
 * not change is left as it is (opening the database then warns). 0, or -1 with errno. */
int cw_make_private_folders(const char *path, int last);

/* Refuses (CW_EINVAL) a target that is there and is neither a regular file nor a symlink
 * (which is replaced, never followed): a device, a pipe or a folder would be replaced by the
 * file. cw_outfile_open checks it; other writers that rename into place call it first. */
int cw_outfile_check_target(const char *path, struct cw_error *err);

/* Finishes what cw_outfile_open began: when rc is 0, flushes, syncs and moves the file into
 * place (then syncs the folder); otherwise, or when that fails, removes it. Returns rc, or the
 * error that made the file fail. */
int cw_outfile_close(struct cw_outfile *o, int rc, struct cw_error *err);

/* The folder that holds path: "." for a bare name, "/" for one at the root. */
void cw_outfile_folder_of(const char *path, char *dir, size_t len);

/* Flushes the folder that holds path, so a rename or an unlink in it survives a power cut. */
int cw_outfile_sync_folder(const char *path, struct cw_error *err);

/* Writes len bytes to path the same way ("-" for standard output). */
int cw_outfile_write(const char *path, const void *data, size_t len, struct cw_error *err);

/* The same, where nothing has the name yet: CW_EREFUSED when something does, even if it was
 * made while the data was written (a recovery file is never written over another file). */
int cw_outfile_write_new(const char *path, const void *data, size_t len, struct cw_error *err);

/* Whether to try O_TMPFILE first (the default, 1); 0 makes every file take the mkstemp path,
 * for tests of that path on filesystems that have both. */
void cw_outfile_use_tmpfile(int on);

#endif
