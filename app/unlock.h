/* unlock.h - what a front end does to get a database's key: ask for the passphrase (terminal,
 * file or descriptor), keep the unlocked master key in the kernel keyring for a while so every
 * command does not ask again, keep secrets out of core dumps, and read "30m" as a duration.
 * Opening a key slot with the passphrase is store/vault.h's job; this is the part that talks to
 * the user and the kernel. May use: models/, store/. */
#ifndef CW_APP_UNLOCK_H
#define CW_APP_UNLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "models/record.h"

/* The longest passphrase read, in bytes; longer is refused rather than cut. */
#define CW_PASSPHRASE_MAX 1024

/* Where a passphrase comes from. fd >= 0: the first line read from that descriptor
 * (--passphrase-fd); else file not NULL: the first line of that file (--passphrase-file);
 * else (fd -1, file NULL) the terminal, /dev/tty, even when standard input is redirected. */
struct cw_passphrase_source {
	int fd;
	const char *file;
};

/* Reads a passphrase into *out (guarded memory, NUL-terminated, free with cw_passphrase_free)
 * and its length into *len. src NULL means the terminal. From the terminal: prompt, echo off
 * (restored afterwards, also on SIGINT, SIGTERM, SIGHUP or SIGQUIT, which then take their usual
 * course), and with `confirm` a second time, refused when the two differ. From a file or a
 * descriptor: the first line without its "\n" or "\r\n"; confirm does not apply. Errors:
 * CW_EINVAL (empty, longer than CW_PASSPHRASE_MAX, the two differ; field "passphrase"),
 * CW_EIO (the file or descriptor cannot be read; field "passphrase-file" or "passphrase-fd"),
 * CW_EKEY (no terminal and no file or descriptor given: the message names the options, or the
 * reading was interrupted). */
int cw_passphrase_read(const struct cw_passphrase_source *src, const char *prompt, int confirm,
		       char **out, size_t *len, struct cw_error *err);

/* Says on standard error, with the fix, when a passphrase file other users can read opened
 * the database: used (a script may have made it so), but it gives the database to anyone with
 * an account on the laptop. Said only once the passphrase proved right, so that a refusal
 * stays one line. */
void cw_passphrase_file_warn(const char *path);
/* The same sentence without the "casewatch: warning: " (for a status line) into what, and 1,
 * when path is a file others can read; else 0. */
int cw_passphrase_file_exposed(const char *path, char *what, size_t size);

/* Wipes and frees a passphrase from cw_passphrase_read; NULL is fine. */
void cw_passphrase_free(char *p);

/* The fewest characters (not bytes: Khmer letters take three) a new passphrase may have. */
#define CW_PASSPHRASE_MIN_CHARS 8

/* Whether a passphrase being chosen (init, encrypt, passphrase, key export, key import) is long
 * enough to stand up to a guessing program run over a seized disk: 0, or CW_EINVAL (field
 * "passphrase") saying how long it is and what to choose. The passphrase is not repeated. */
int cw_passphrase_check_new(const char *pass, size_t len, struct cw_error *err);

/* Keeps the master key of `database` in the kernel keyring for `seconds`, as a "user" key
 * described "casewatch:<32 hex digits of the id>", replacing any earlier one there. In the
 * session keyring when the process has one of its login (it then ends with the login); else in
 * the user keyring, readable by the same user's later processes (see unlock.c for why). The
 * kernel forgets it when the time runs out. CW_EINVAL (seconds 0; field "for"), CW_EKEY (no
 * usable keyring). */
int cw_keyring_store(const struct cw_id *database, const uint8_t master[32], unsigned seconds,
		     struct cw_error *err);

/* Removes every casewatch key from this session's keyring and the user keyring, whatever its
 * database (a database no longer at hand: a stick pulled out, a folder moved), and counts them
 * in *removed. CW_EKEY when one cannot be removed. */
int cw_keyring_remove_all(size_t *removed, struct cw_error *err);

/* Copies the cached master key of `database` into master. CW_ENOTFOUND when there is none (never
 * stored, expired, removed, or no keyring at all: ask for the passphrase), CW_EDAMAGED (a key by
 * that name is not 32 bytes), CW_EKEY (there but unreadable). */
int cw_keyring_load(const struct cw_id *database, uint8_t master[32], struct cw_error *err);

/* Forgets the cached master key of `database` (lock now) in both keyrings. Absent is not an
 * error; CW_EKEY when it is there and cannot be removed. */
int cw_keyring_remove(const struct cw_id *database, struct cw_error *err);

/* No core dumps and no ptrace by other processes of the user (RLIMIT_CORE 0, PR_SET_DUMPABLE 0),
 * so the keys in memory do not end up in a file. Harmless to call again. */
void cw_process_harden(void);

/* Reads a duration: "90" (seconds), "2s", "30m", "1h", "1d", "1h30m" (units in decreasing
 * order, each once). Refuses zero, signs, spaces, anything else, and more than 7 days, with
 * field "for". */
int cw_duration_parse(const char *text, unsigned *seconds, struct cw_error *err);

#endif
