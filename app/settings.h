/* settings.h - the user's config file, $XDG_CONFIG_HOME/casewatch/config (else
 * ~/.config/casewatch/config): one `name = value` a line, spaces around the `=` optional, blank
 * lines and lines starting with `#` ignored. What it sets: `author` (the monitor's name,
 * app/session.c), `lock_after` (how long the terminal interface waits without a key before it
 * locks itself), `backup_warn_after` (how old the last backup may get before the terminal
 * interface says one is due), `reports_dir` (where it writes reports), `language` (km or en:
 * the language of screens and messages, over the environment's; cli/main.c), for a report's
 * header `organisation` and `confidentiality` (its note; else a default), `attachment_limit`
 * (the largest file `attach` takes), `opener` (the program that opens attachments) and
 * `sign_reports` (yes: the terminal interface's W signs the summaries it writes) and
 * `time_zone` (the zone casewatch's days and times follow; Phnom Penh's by default).
 * cw_config_check refuses anything else, so a mistyped file is never ignored silently. May use:
 * models/. */
#ifndef CW_APP_SETTINGS_H
#define CW_APP_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"

/* The idle time before the terminal interface locks itself when nothing sets it: long enough
 * not to interrupt a monitor reading a record, short enough that a laptop left open in a
 * courtroom corridor does not stay open for long. */
#define CW_LOCK_AFTER_DEFAULT (10u * 60)

/* The config file's path, in a static buffer. */
const char *cw_config_path(void);

/* Checks the whole config file at path: every line blank, a comment, or `name = value` with a
 * name of the settings above, set once, and a value that setting can take. 0 when it is so or
 * there is no file (or none this user can see: stat fails); else CW_ECONFIG with the message
 * "PATH:LINE: what is wrong" (field ""), or CW_EIO when the file is there but cannot be
 * read. */
int cw_config_check(const char *path, struct cw_error *err);

/* $CASEWATCH_AUTHOR, when set, as the config file's `author` is checked: 0 when it is unset,
 * empty or a name new records can be signed with; else CW_ECONFIG "CASEWATCH_AUTHOR: what is
 * wrong" (a name refused would otherwise be replaced by the login name without a word). */
int cw_author_env_check(struct cw_error *err);

/* The value of `name` in the config file at path, without the spaces around it, into value;
 * the line it is on into *line (may be NULL). 0, or CW_ENOTFOUND when the file cannot be read
 * or does not set the name. A value longer than len - 1 bytes is cut. */
int cw_config_get(const char *path, const char *name, char *value, size_t len, unsigned *line);

/* Reads an idle time: "0" or "never" (0: never lock), else a duration as cw_duration_parse
 * reads it ("90", "2s", "10m", "1h30m"; at most 7 days). CW_EINVAL with field "lock_after". */
int cw_lock_after_parse(const char *text, unsigned *seconds, struct cw_error *err);

/* The terminal interface's idle time: $CASEWATCH_LOCK_AFTER when set (tests set it), else
 * `lock_after` in the config file at path, else CW_LOCK_AFTER_DEFAULT. A value that cannot be
 * read leaves the default in *seconds and returns CW_EINVAL, the message naming where it came
 * from (the variable, or the file and its line), so a typo never silently turns locking off. */
int cw_lock_after_setting(const char *path, unsigned *seconds, struct cw_error *err);

/* How old the last backup may get before the terminal interface says so, when nothing sets
 * it: a week of work is as much as a seized or broken laptop should take with it. */
#define CW_BACKUP_WARN_DEFAULT (7u * 86400)

/* Reads an age: "0" or "never" (0: never warn), else numbers with units in this order, each
 * once: "7d", "36h", "1d12h", "30m", "90s", or a bare number of seconds; at most 3650 days.
 * CW_EINVAL with field "backup_warn_after". */
int cw_age_parse(const char *text, unsigned *seconds, struct cw_error *err);

/* Whether the terminal interface signs the summaries it writes (`sign_reports = yes`; no by
 * default, and when the file cannot be read). */
int cw_sign_reports_setting(const char *path);

/* The zone casewatch's days and times follow when nothing else is said: the records are
 * Cambodia's (reports and calendar files say their times are Phnom Penh's). */
#define CW_TIME_ZONE_DEFAULT "Asia/Phnom_Penh"

/* Sets TZ for this process, so that "today", the week, days in detention counted to today and
 * every time shown (a quick hearing's "now", the audit's times) are the team's, not whatever
 * zone the laptop was set to (a laptop bought abroad, or left at UTC, would date an evening's
 * hearing the next or the previous day, and propose a court time seven hours off): `time_zone`
 * in the config file at path when it names a zone of this machine's time zone database
 * ("Asia/Phnom_Penh"; it outranks $TZ, as the file's `language` outranks the environment's),
 * else $TZ when set (a script's or a test's), else CW_TIME_ZONE_DEFAULT. A `time_zone` that
 * names no zone is left to cw_config_check to say. 1 when $TZ named a zone this machine has no
 * file for and CW_TIME_ZONE_DEFAULT was used instead (the caller warns), else 0. */
int cw_time_zone_use(const char *path);

/* Where the terminal interface writes reports: `reports_dir` in the config file at path (a
 * leading "~/" is the home folder), else casewatch-reports in the user's documents folder
 * ($XDG_DOCUMENTS_DIR, else its line in $XDG_CONFIG_HOME/user-dirs.dirs, which
 * xdg-user-dirs keeps, else ~/Documents). Never the folder casewatch was started from: a
 * report must not land wherever the terminal happened to be. */
void cw_reports_dir(const char *path, char *out, size_t len);

/* $HOME/rest for "~/rest" or "$HOME/rest" ($HOME itself for "~"), else rest as it is: a folder
 * named in the config file or typed where a file is asked for. */
void cw_home_path(const char *rest, char *out, size_t len);

/* `backup_warn_after` in the config file at path, else CW_BACKUP_WARN_DEFAULT. A value that
 * cannot be read leaves the default in *seconds and returns CW_EINVAL, the message naming the
 * file and its line. */
int cw_backup_warn_setting(const char *path, unsigned *seconds, struct cw_error *err);

/* Reads a size: bytes, or a number with K, M or G (KiB, MiB, GiB; "64M", "1.5G" is refused:
 * whole numbers only), from 1 byte to CW_ATTACH_LIMIT_MAX. CW_EINVAL naming `field`. */
int cw_size_parse(const char *text, uint64_t *bytes, const char *field, struct cw_error *err);

/* The largest file attach takes: `attachment_limit` in the config file at path, else
 * CW_ATTACH_LIMIT_DEFAULT; CW_ECONFIG naming the file and line when it cannot be read. */
int cw_attachment_limit(const char *path, uint64_t *bytes, struct cw_error *err);

#endif
