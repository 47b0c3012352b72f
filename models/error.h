/* error.h - the project's error codes and the error detail a failing call fills.
 *
 * Contract: functions return 0 on success or a negative CW_E* code; when they take a
 * `struct cw_error *` they fill it with the field at fault and a message a user can act on.
 * Only main() turns an error into an exit status (cw_error_exit_status). */
#ifndef CW_ERROR_H
#define CW_ERROR_H

#include <stddef.h>

enum cw_errcode {
	CW_OK = 0,
	CW_EINVAL = -1,     /* bad input: a field failed validation */
	CW_ENOTFOUND = -2,  /* no such record */
	CW_EAMBIGUOUS = -3, /* a name or id prefix matches several records */
	CW_EREFUSED = -4,   /* the change would break a reference (e.g. delete a defendant) */
	CW_EDB = -5,        /* the database failed (I/O, corruption, full disk) */
	CW_EVERSION = -6,   /* database or record from a newer casewatch */
	CW_ENOMEM = -7,     /* out of memory */
	CW_EUSAGE = -8,     /* wrong command-line usage */
	CW_EIO = -9,        /* a file could not be read or written */
	CW_EKEY = -10,      /* no key: wrong passphrase, database locked, key destroyed */
	CW_EDAMAGED =
		-11,      /* a stored value or file failed its authentication: altered or damaged */
	CW_ECONFIG = -12, /* the config file holds a line casewatch cannot take */
};

/* The room of a message: a line a person reads, in Khmer too, where a letter takes three bytes
 * (320 bytes cut a field trial's Khmer messages short, mid-word). */
#define CW_MESSAGE_MAX 1024
/* The room of cw_error_format's line: the field, ": " and the message. */
#define CW_ERROR_LINE_MAX (CW_MESSAGE_MAX + 160)

struct cw_error {
	int code;
	char field[128];              /* the field at fault, "" when none */
	char message[CW_MESSAGE_MAX]; /* one line, no trailing newline */
};

/* Fills err (when not NULL) and returns code, so callers can write
 * `return cw_error_set(err, CW_EINVAL, "date", "month 13 does not exist");` */
int cw_error_set(struct cw_error *err, int code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Resets err to "no error". */
void cw_error_clear(struct cw_error *err);

/* Puts "list[index]." before the field err names (an error found in an item of a list, which
 * named the field within the item), as much of the inner path as fits; returns rc. Paths of
 * nested fields are made this way only for the field at fault: most fields are fine, and
 * saving is often bulk. err may be NULL. */
int cw_error_in_item(struct cw_error *err, const char *list, size_t index, int rc);

/* A short generic description of a code, for when no detail was given. */
const char *cw_error_name(int code);

/* The process exit status for a code, after sysexits(3): usage 2, bad input 65, not found 66,
 * out of memory 71, database or file trouble 74 (a full disk too), no key 77, a config file
 * casewatch cannot take 78; all documented in casewatch(1). */
int cw_error_exit_status(int code);

/* Writes "field: message" (or the message alone) into buf, always NUL-terminated. */
void cw_error_format(const struct cw_error *err, char *buf, size_t len);

/* Whether the file system holding path (or, with path NULL, the open file fd) has (almost) no
 * room left: below 1 MiB for this user. A write the disk takes only in part comes back as a
 * short write, which LMDB reports as EIO and stdio may report with no errno at all; right
 * after one, a disk this full was the cause. */
int cw_disk_full(const char *path, int fd);

/* What a failed write says to a user: "the disk is full" for ENOSPC, EDQUOT, or any error
 * when cw_disk_full(NULL, fd) (fd -1: not looked at), else strerror(errnum) ("write failed"
 * for 0), so that a full disk reads the same every time. */
const char *cw_write_error_text(int errnum, int fd);

#endif
