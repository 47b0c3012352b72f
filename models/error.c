/* error.c - error detail and exit statuses; see error.h. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "models/error.h"
#include "models/i18n.h"
#include "models/utf8.h"

int cw_error_set(struct cw_error *err, int code, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	snprintf(err->field, sizeof err->field, "%s", field ? field : "");
	/* The message is translated here, so that the hundreds of call sites stay as they are:
	 * xgettext takes cw_error_set's 4th argument as a c-format msgid (po/Makevars). A value
	 * quoted with a bound ("'%.40s'") is cut between clusters, with "…" (cw_text_vformat):
	 * printf cut Khmer in the middle of a letter or between a letter and its vowel sign. */
	va_start(ap, fmt);
	if (fmt && *fmt) /* "" is no msgid: gettext("") is the catalogue's header */
		cw_text_vformat(err->message, sizeof err->message, _(fmt), ap);
	else
		err->message[0] = '\0';
	va_end(ap);
	return code;
}

void cw_error_clear(struct cw_error *err)
{
	if (!err)
		return;
	err->code = 0;
	err->field[0] = '\0';
	err->message[0] = '\0';
}

int cw_error_in_item(struct cw_error *err, const char *list, size_t index, int rc)
{
	char path[sizeof err->field];
	int n;

	if (!err)
		return rc;
	n = snprintf(path, sizeof path, "%.50s[%zu].", list, index % 100000);
	if (n > 0 && (size_t)n < sizeof path) {
		size_t room = sizeof path - (size_t)n - 1, len = strlen(err->field);

		memcpy(path + n, err->field, len < room ? len : room);
		path[(size_t)n + (len < room ? len : room)] = '\0';
		memcpy(err->field, path, sizeof path);
	}
	return rc;
}

const char *cw_error_name(int code)
{
	switch (code) {
	case CW_OK:
		return _("no error");
	case CW_EINVAL:
		return _("invalid input");
	case CW_ENOTFOUND:
		return _("not found");
	case CW_EAMBIGUOUS:
		return _("ambiguous");
	case CW_EREFUSED:
		return _("refused");
	case CW_EDB:
		return _("database error");
	case CW_EVERSION:
		return _("made by a newer casewatch");
	case CW_ENOMEM:
		return _("out of memory");
	case CW_EUSAGE:
		return _("usage error");
	case CW_EIO:
		return _("input/output error");
	case CW_EKEY:
		return _("no key for this database");
	case CW_EDAMAGED:
		return _("altered or damaged");
	case CW_ECONFIG:
		return _("bad config file");
	}
	return _("unknown error");
}

int cw_error_exit_status(int code)
{
	switch (code) {
	case CW_OK:
		return 0;
	case CW_EUSAGE:
		return 2;
	case CW_EINVAL:
	case CW_EAMBIGUOUS:
	case CW_EREFUSED:
		return 65; /* EX_DATAERR */
	case CW_ENOTFOUND:
		return 66; /* EX_NOINPUT */
	case CW_ENOMEM:
		return 71; /* EX_OSERR */
	case CW_EIO:
		return 74; /* EX_IOERR */
	case CW_EDB:
	case CW_EVERSION:
	case CW_EDAMAGED:
		return 74;
	case CW_EKEY:
		return 77; /* EX_NOPERM */
	case CW_ECONFIG:
		return 78; /* EX_CONFIG */
	}
	return 1;
}

void cw_error_format(const struct cw_error *err, char *buf, size_t len)
{
	const char *msg = err->message[0] ? err->message : cw_error_name(err->code);

	/* cut to buf, if need be, as a message is: between clusters, with "…" */
	if (err->field[0])
		cw_text_format(buf, len, "%s: %s", err->field, msg);
	else
		cw_text_format(buf, len, "%s", msg);
}

int cw_disk_full(const char *path, int fd)
{
	struct statvfs sv;
	unsigned long long avail;

	if (path ? statvfs(path, &sv) != 0 : fd < 0 || fstatvfs(fd, &sv) != 0)
		return 0;
	/* root may write into the blocks kept back for it */
	avail = (unsigned long long)(geteuid() == 0 ? sv.f_bfree : sv.f_bavail) * sv.f_frsize;
	return avail < (1ull << 20);
}

const char *cw_write_error_text(int errnum, int fd)
{
	if (errnum == ENOSPC || errnum == EDQUOT || cw_disk_full(NULL, fd))
		return _("the disk is full");
	return errnum ? strerror(errnum) : _("write failed");
}
