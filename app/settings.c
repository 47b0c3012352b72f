/* settings.c - the config file; see settings.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "app/settings.h"
#include "app/unlock.h"
#include "models/i18n.h"
#include "models/text.h"
#include "store/attach.h"

const char *cw_config_path(void)
{
	static char path[1024];
	const char *cfg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (cfg && *cfg)
		snprintf(path, sizeof path, "%s/casewatch/config", cfg);
	else
		snprintf(path, sizeof path, "%s/.config/casewatch/config", home ? home : ".");
	return path;
}

int cw_config_get(const char *path, const char *name, char *value, size_t len, unsigned *line)
{
	size_t nlen = strlen(name);
	char text[1024];
	unsigned n = 0;
	FILE *f;

	if (!path || !(f = fopen(path, "r")))
		return CW_ENOTFOUND;
	while (fgets(text, sizeof text, f)) {
		char *p = text, *end;

		n++;
		text[strcspn(text, "\r\n")] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		/* The whole name, then `=`: "lock_after_x" or "author2" are other names. */
		if (*p == '#' || strncmp(p, name, nlen) != 0)
			continue;
		for (p += nlen; *p == ' ' || *p == '\t'; p++)
			;
		if (*p != '=')
			continue;
		for (p++; *p == ' ' || *p == '\t'; p++)
			;
		for (end = p + strlen(p); end > p && (end[-1] == ' ' || end[-1] == '\t'); end--)
			;
		snprintf(value, len, "%.*s", (int)(end - p), p);
		if (line)
			*line = n;
		fclose(f);
		return 0;
	}
	fclose(f);
	return CW_ENOTFOUND;
}

/* The longest idle time read: cw_lock_after_setting keeps 127 bytes of the value, so a longer
 * one the config check passed ("000...0007962", 7962 seconds) would be cut to zeros and
 * refused when read (the fuzz target found it). */
#define LOCK_TEXT_MAX 40

int cw_lock_after_parse(const char *text, unsigned *seconds, struct cw_error *err)
{
	struct cw_error why;

	if (!strcmp(text, "0") || !strcmp(text, "never")) {
		*seconds = 0;
		return 0;
	}
	if (strlen(text) <= LOCK_TEXT_MAX && cw_duration_parse(text, seconds, &why) == 0)
		return 0;
	return cw_error_set(err, CW_EINVAL, "lock_after",
			    "cannot read \"%.40s\" as an idle time: write it like 10m, 90 "
			    "(seconds), 1h30m (at most 7d), or never",
			    text);
}

int cw_lock_after_setting(const char *path, unsigned *seconds, struct cw_error *err)
{
	const char *env = getenv("CASEWATCH_LOCK_AFTER");
	char value[128], where[1040];
	struct cw_error why;
	unsigned line = 0, s = 0;

	*seconds = CW_LOCK_AFTER_DEFAULT;
	if (env) {
		snprintf(value, sizeof value, "%s", env);
		snprintf(where, sizeof where, "CASEWATCH_LOCK_AFTER");
	} else if (cw_config_get(path, "lock_after", value, sizeof value, &line) == 0) {
		snprintf(where, sizeof where, "%.1000s:%u: lock_after", path, line);
	} else {
		return 0;
	}
	/* The place first: a status line cut at the screen's edge still says where to look. */
	if (cw_lock_after_parse(value, &s, &why) != 0)
		return cw_error_set(err, CW_EINVAL, "", "%.200s: %s; locking after %u minutes",
				    where, why.message, CW_LOCK_AFTER_DEFAULT / 60);
	*seconds = s;
	return 0;
}

#define AGE_MAX (3650ull * 86400)
/* The longest age text read: cw_backup_warn_setting keeps 127 bytes of the value, so a longer
 * one the config check passed ("000...0007d") would be cut and refused when read. */
#define AGE_TEXT_MAX 40

int cw_age_parse(const char *text, unsigned *seconds, struct cw_error *err)
{
	static const struct {
		char unit;
		unsigned seconds;
	} units[] = {{'d', 86400}, {'h', 3600}, {'m', 60}, {'s', 1}};
	unsigned long long total = 0;
	size_t next = 0;
	const char *p = text;

	if (!strcmp(text, "0") || !strcmp(text, "never")) {
		*seconds = 0;
		return 0;
	}
	while (*p >= '0' && *p <= '9') {
		unsigned long long n = 0;
		size_t u;

		for (; *p >= '0' && *p <= '9'; p++)
			if ((n = n * 10 + (unsigned)(*p - '0')) > AGE_MAX)
				n = AGE_MAX + 1; /* too long whatever the unit */
		if (!*p && p != text && total == 0 && next == 0) {
			total = n; /* a bare number: seconds */
			break;
		}
		for (u = next; u < sizeof units / sizeof units[0] && units[u].unit != *p; u++)
			;
		if (u == sizeof units / sizeof units[0])
			break;
		total += n * units[u].seconds;
		if (total > AGE_MAX)
			total = AGE_MAX + 1;
		next = u + 1;
		p++;
	}
	if (p == text || *p || total == 0 || total > AGE_MAX || (size_t)(p - text) > AGE_TEXT_MAX)
		return cw_error_set(err, CW_EINVAL, "backup_warn_after",
				    "cannot read \"%.40s\" as an age: write it like 7d, 36h, 1d12h "
				    "(at most 3650d), or never",
				    text);
	*seconds = (unsigned)total;
	return 0;
}

int cw_backup_warn_setting(const char *path, unsigned *seconds, struct cw_error *err)
{
	char value[128];
	struct cw_error why;
	unsigned line = 0, s = 0;

	*seconds = CW_BACKUP_WARN_DEFAULT;
	if (cw_config_get(path, "backup_warn_after", value, sizeof value, &line) != 0)
		return 0;
	if (cw_age_parse(value, &s, &why) != 0)
		return cw_error_set(err, CW_EINVAL, "",
				    "%.900s:%u: backup_warn_after: %s; warning after %u days", path,
				    line, why.message, CW_BACKUP_WARN_DEFAULT / 86400);
	*seconds = s;
	return 0;
}

void cw_home_path(const char *rest, char *out, size_t len)
{
	const char *home = getenv("HOME");

	if (!home || !*home)
		home = ".";
	if (!strncmp(rest, "~/", 2))
		snprintf(out, len, "%s/%s", home, rest + 2);
	else if (!strncmp(rest, "$HOME/", 6))
		snprintf(out, len, "%s/%s", home, rest + 6);
	else if (!strcmp(rest, "~") || !strcmp(rest, "$HOME"))
		snprintf(out, len, "%s", home);
	else
		snprintf(out, len, "%s", rest);
}

/* The documents folder as xdg-user-dirs writes it: XDG_DOCUMENTS_DIR="$HOME/Documents". */
static int user_dirs_documents(char *out, size_t len)
{
	const char *cfg = getenv("XDG_CONFIG_HOME");
	char path[1100], value[1024];

	if (cfg && *cfg)
		snprintf(path, sizeof path, "%s/user-dirs.dirs", cfg);
	else
		cw_home_path("~/.config/user-dirs.dirs", path, sizeof path);
	if (cw_config_get(path, "XDG_DOCUMENTS_DIR", value, sizeof value, NULL) != 0)
		return CW_ENOTFOUND;
	/* The value is quoted shell text; only $HOME is expanded in it, as the spec says. */
	if (value[0] == '"') {
		size_t n = strlen(value);

		if (n < 2 || value[n - 1] != '"')
			return CW_ENOTFOUND;
		value[n - 1] = '\0';
		memmove(value, value + 1, n - 1);
	}
	if (!value[0] || (value[0] != '/' && strncmp(value, "$HOME", 5) != 0))
		return CW_ENOTFOUND;
	cw_home_path(value, out, len);
	return 0;
}

void cw_reports_dir(const char *path, char *out, size_t len)
{
	const char *env = getenv("XDG_DOCUMENTS_DIR");
	char value[1024], docs[1024];

	if (cw_config_get(path, "reports_dir", value, sizeof value, NULL) == 0 && value[0]) {
		cw_home_path(value, out, len);
		return;
	}
	if (env && *env)
		snprintf(docs, sizeof docs, "%s", env);
	else if (user_dirs_documents(docs, sizeof docs) != 0)
		cw_home_path("~/Documents", docs, sizeof docs);
	snprintf(out, len, "%.900s/casewatch-reports", docs);
}

int cw_size_parse(const char *text, uint64_t *bytes, const char *field, struct cw_error *err)
{
	uint64_t v = 0, unit = 1;
	const char *p = text;

	if (*p < '0' || *p > '9')
		goto bad;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > (UINT64_MAX - 9) / 10)
			goto bad;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (*p == 'K' || *p == 'k')
		unit = UINT64_C(1) << 10;
	else if (*p == 'M' || *p == 'm')
		unit = UINT64_C(1) << 20;
	else if (*p == 'G' || *p == 'g')
		unit = UINT64_C(1) << 30;
	if (unit > 1)
		p++;
	if (*p || v == 0 || v > CW_ATTACH_LIMIT_MAX / unit)
		goto bad;
	*bytes = v * unit;
	return 0;
bad:
	return cw_error_set(err, CW_EINVAL, field,
			    _("'%.40s' is not a size from 1 byte to 2G (bytes, or a whole number "
			      "with K, M or G: 64M)"),
			    text);
}

int cw_attachment_limit(const char *path, uint64_t *bytes, struct cw_error *err)
{
	char value[64];
	unsigned line = 0;
	struct cw_error why;

	*bytes = CW_ATTACH_LIMIT_DEFAULT;
	if (!path || cw_config_get(path, "attachment_limit", value, sizeof value, &line) != 0)
		return 0;
	memset(&why, 0, sizeof why);
	if (cw_size_parse(value, bytes, "attachment_limit", &why) != 0) {
		*bytes = CW_ATTACH_LIMIT_DEFAULT;
		return cw_error_set(err, CW_ECONFIG, "", "%s:%u: attachment_limit: %s", path, line,
				    why.message);
	}
	return 0;
}

/* ---- the whole file ------------------------------------------------------------------------ */

static int check_author(const char *value, struct cw_error *err)
{
	/* What app/session.c takes: a name it would refuse would quietly become the login name. */
	return cw_text_validate(value, 100, 0, "author", err);
}

int cw_author_env_check(struct cw_error *err)
{
	const char *env = getenv("CASEWATCH_AUTHOR");
	struct cw_error why;

	if (!env || !*env || check_author(env, &why) == 0)
		return 0;
	return cw_error_set(err, CW_ECONFIG, "", "CASEWATCH_AUTHOR: %s", why.message);
}

static int check_lock_after(const char *value, struct cw_error *err)
{
	unsigned s;

	return cw_lock_after_parse(value, &s, err);
}

static int check_backup_warn(const char *value, struct cw_error *err)
{
	unsigned s;

	return cw_age_parse(value, &s, err);
}

static int check_reports_dir(const char *value, struct cw_error *err)
{
	/* A folder's name: cw_reports_dir keeps 900 bytes of it and expands ~/ and $HOME/. */
	return cw_text_validate(value, 900, 0, "reports_dir", err);
}

static int check_language(const char *value, struct cw_error *err)
{
	/* What cli/main.c hands to cw_i18n_use: a language with a catalogue, or English. */
	if (!cw_i18n_known(value))
		return cw_error_set(
			err, CW_EINVAL, "language",
			"\"%.40s\" is no language casewatch speaks: write km (Khmer) or "
			"en (English)",
			value);
	return 0;
}

static int check_organisation(const char *value, struct cw_error *err)
{
	/* The organisation a report's header names. */
	return cw_text_validate(value, 200, 0, "organisation", err);
}

static int check_confidentiality(const char *value, struct cw_error *err)
{
	/* The note a report's header carries instead of the default one. */
	return cw_text_validate(value, 300, 0, "confidentiality", err);
}

static int check_attachment_limit(const char *value, struct cw_error *err)
{
	uint64_t bytes;

	return cw_size_parse(value, &bytes, "attachment_limit", err);
}

static int check_yes_no(const char *value, struct cw_error *err)
{
	if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
		return cw_error_set(err, CW_EINVAL, "sign_reports",
				    "write yes or no, not \"%.40s\"", value);
	return 0;
}

int cw_sign_reports_setting(const char *path)
{
	char value[16];

	return cw_config_get(path, "sign_reports", value, sizeof value, NULL) == 0 &&
	       !strcmp(value, "yes");
}

static int check_opener(const char *value, struct cw_error *err)
{
	/* A program's name or path, run with the file as its one argument (no shell). */
	return cw_text_validate(value, 900, 0, "opener", err);
}

/* Whether name is a zone file of this machine's time zone database ($TZDIR, else the system's
 * zoneinfo folder): a relative path of letters, digits and "_+-", no "." or ".." part, to a
 * regular file that begins as zone files do ("TZif"). The C library reads any other TZ as UTC
 * without a word, which would move every "today" by hours. */
static int zone_known(const char *name)
{
	const char *dir = getenv("TZDIR"), *part = name;
	char path[1200], magic[4];
	struct stat sb;
	size_t len = strlen(name);
	FILE *f;
	int ok;

	if (!len || len > 100 || name[0] == '/')
		return 0;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || strchr("_+-/.", *p)))
			return 0;
	while (part) {
		const char *slash = strchr(part, '/');
		size_t n = slash ? (size_t)(slash - part) : strlen(part);

		if (n == 0 || (n == 1 && part[0] == '.') || (n == 2 && !strncmp(part, "..", 2)))
			return 0;
		part = slash ? slash + 1 : NULL;
	}
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || !(f = fopen(path, "rb")))
		return 0;
	ok = fread(magic, 1, sizeof magic, f) == sizeof magic && !memcmp(magic, "TZif", 4);
	fclose(f);
	return ok;
}

static int check_time_zone(const char *value, struct cw_error *err)
{
	if (!zone_known(value))
		return cw_error_set(err, CW_EINVAL, "time_zone",
				    "\"%.60s\" is no time zone this machine knows: write a name "
				    "such as Asia/Phnom_Penh",
				    value);
	return 0;
}

int cw_time_zone_use(const char *path)
{
	const char *env = getenv("TZ");
	char zone[128];
	int ignored = 0;

	if (cw_config_get(path, "time_zone", zone, sizeof zone, NULL) == 0 && zone_known(zone)) {
		if (setenv("TZ", zone, 1) == 0)
			tzset();
		return 0;
	}
	/* A zone's name the machine has no file for (a typo: "Asia/Phnom_Pen"): the C library
	 * would run on UTC without a word. Rules ("UTC0", "<+07>-7") are the C library's. */
	if (env && *env && strchr(env, '/') && !zone_known(env[0] == ':' ? env + 1 : env))
		ignored = 1;
	else if (env && *env)
		return 0; /* said for this run: a script's, a test's */
	/* The records' days and times are Cambodia's, as reports and calendar files say; a
	 * machine without the zone file gets its rule (UTC+7 all year). */
	if (setenv("TZ", zone_known(CW_TIME_ZONE_DEFAULT) ? CW_TIME_ZONE_DEFAULT : "<+07>-7", 1) ==
	    0)
		tzset();
	return ignored;
}

/* Every setting the file may hold: a name added here is known to the check. */
static const struct {
	const char *name;
	int (*check)(const char *value, struct cw_error *err);
} settings[] = {
	{"author", check_author},
	{"lock_after", check_lock_after},
	{"backup_warn_after", check_backup_warn},
	{"reports_dir", check_reports_dir},
	{"language", check_language},
	{"organisation", check_organisation},
	{"confidentiality", check_confidentiality},
	{"attachment_limit", check_attachment_limit},
	{"opener", check_opener},
	{"sign_reports", check_yes_no},
	{"time_zone", check_time_zone},
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

/* One line, without its end of line: 0, or CW_ECONFIG with the message. */
static int check_line(char *text, const char *path, unsigned n, unsigned first[NSETTINGS],
		      struct cw_error *err)
{
	char *p = text, *eq, *end, *value;
	struct cw_error why;
	size_t k;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p || *p == '#')
		return 0;
	if (!(eq = strchr(p, '=')))
		return cw_error_set(err, CW_ECONFIG, "",
				    "%.200s:%u: \"%.40s\" is no setting: write NAME = VALUE, or # "
				    "before a comment",
				    path, n, p);
	for (end = eq; end > p && (end[-1] == ' ' || end[-1] == '\t'); end--)
		;
	*end = '\0';
	if (!*p)
		return cw_error_set(err, CW_ECONFIG, "", "%.200s:%u: no name before '='", path, n);
	for (k = 0; k < NSETTINGS && strcmp(p, settings[k].name) != 0; k++)
		;
	if (k == NSETTINGS) {
		char names[160];
		size_t used = 0;

		for (size_t i = 0; i < NSETTINGS && used < sizeof names; i++)
			used += (size_t)snprintf(names + used, sizeof names - used, "%s%s",
						 i == 0               ? ""
						 : i + 1 == NSETTINGS ? _(" and ")
								      : ", ",
						 settings[i].name);
		return cw_error_set(err, CW_ECONFIG, "",
				    "%.200s:%u: unknown setting \"%.40s\"; the settings are %s",
				    path, n, p, names);
	}
	if (first[k])
		return cw_error_set(err, CW_ECONFIG, "",
				    "%.200s:%u: %s is set again (first on line %u)", path, n,
				    settings[k].name, first[k]);
	first[k] = n;
	for (value = eq + 1; *value == ' ' || *value == '\t'; value++)
		;
	for (end = value + strlen(value); end > value && (end[-1] == ' ' || end[-1] == '\t'); end--)
		;
	*end = '\0';
	if (!*value)
		return cw_error_set(err, CW_ECONFIG, "", "%.200s:%u: %s: needs a value", path, n,
				    settings[k].name);
	cw_error_clear(&why);
	if (settings[k].check(value, &why) != 0)
		return cw_error_set(err, CW_ECONFIG, "", "%.200s:%u: %s: %s", path, n,
				    settings[k].name, why.message);
	return 0;
}

int cw_config_check(const char *path, struct cw_error *err)
{
	unsigned first[NSETTINGS] = {0}, n = 0;
	struct stat sb;
	char text[1024];
	int rc = 0;
	FILE *f;

	/* No file is no mistake: the defaults. Nor is a file behind folders this user may not
	 * enter (another user's $HOME, kept by sudo): stat fails the same way for it. A file
	 * that is there and cannot be read is one. */
	if (!path || stat(path, &sb) != 0)
		return 0;
	if (!(f = fopen(path, "r")))
		return cw_error_set(err, CW_EIO, "", "%.200s: cannot read: %s", path,
				    strerror(errno));
	while (rc == 0 && fgets(text, sizeof text, f)) {
		size_t len = strlen(text);

		n++;
		/* cw_config_get reads a line in pieces of this size: a longer one would be read
		 * as several. */
		if (len == sizeof text - 1 && text[len - 1] != '\n' && !feof(f)) {
			rc = cw_error_set(err, CW_ECONFIG, "",
					  "%.200s:%u: the line is longer than %zu bytes", path, n,
					  sizeof text - 2);
			break;
		}
		text[strcspn(text, "\r\n")] = '\0';
		rc = check_line(text, path, n, first, err);
	}
	if (rc == 0 && ferror(f))
		rc = cw_error_set(err, CW_EIO, "", "%.200s: cannot read: %s", path,
				  strerror(errno ? errno : EIO));
	fclose(f);
	return rc;
}
