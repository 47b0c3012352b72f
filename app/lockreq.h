/* lockreq.h - how `casewatch lock` reaches the terminal interfaces that are open and unlocked,
 * so that they lock as their L key does: no daemon, and no key, name, folder or passphrase in
 * any file or variable.
 *
 * A field trial locked with `casewatch lock --all` before a (drilled) raid and was told "locked
 * 0 databases" while an interface in another terminal went on showing the records, its key in
 * memory: lock only forgot the keys of the kernel keyring, and an interface whose passphrase
 * was typed into it has none there. Nothing else knew that interface was open: lock --all
 * finds databases by the keyring alone, and a database's folder may be anywhere (a stick).
 *
 * So each terminal interface that holds a database's key keeps, while it does, one small file
 * in a folder of the user's own (below): "open-XXXXXX", mode 0600, holding one line, a version
 * and the database's id (its 32 hex digits, as the keyring's key names already hold it: which
 * database, never its name or its folder), and holds an exclusive flock on it.
 *   - `casewatch lock` (the interfaces of one database: those of its id, whatever path they
 *     opened it by) or `lock --all` (every one) appends a request line to the file;
 *   - the interface looks at its file on every turn of its loop (one fstat, at least once a
 *     second), sees it grow, locks as L does, appends "locked", removes the file and closes it,
 *     which lets go of the flock;
 *   - lock waits a little for that (the flock free again) and counts the interfaces that said
 *     "locked"; one that does not answer (stopped, or waiting for an editor it started) is
 *     counted apart: it locks as soon as it runs again, the request being in its file.
 * A file whose flock nobody holds was left by a killed interface: the next lock removes it.
 * Unlocking again makes a new file, so a request made to the old one can never lock the
 * interface again. An interface whose file is removed by anything else locks too (it could no
 * longer be reached).
 *
 * The folder: $XDG_RUNTIME_DIR/casewatch (in memory, the user's own, gone at logout); without
 * $XDG_RUNTIME_DIR, /run/user/UID/casewatch when /run/user/UID is the user's (what every login
 * session of the user has as $XDG_RUNTIME_DIR, ssh's and a desktop's alike); else
 * /dev/shm/casewatch-UID, else /tmp/casewatch-UID. The first of these that is there is used,
 * the same by the interface and by lock, so an interface started with another $XDG_RUNTIME_DIR
 * than lock's is not reached. The folder is made 0700 and must be the user's: one another user
 * made at that name is refused, never used.
 *
 * Contract: functions return 0 or a negative CW_E* code with err filled. May use: models/. */
#ifndef CW_APP_LOCKREQ_H
#define CW_APP_LOCKREQ_H

#include <stddef.h>
#include <sys/types.h>

#include "models/error.h"
#include "models/record.h"

/* An interface's file, while it holds a key. Zeroed: not there (a calloc'd one too). */
struct cw_lockreq {
	int joined; /* the file is there and fd holds its flock */
	int fd;
	off_t size; /* as written: larger means a lock was asked for */
	dev_t dev;
	ino_t ino;
	char path[4200];
};

/* What the request did: how many interfaces said they locked, and how many were asked and had
 * not answered when the wait ran out. */
struct cw_lockreq_sent {
	size_t locked;
	size_t waiting;
};

enum cw_lockreq_state {
	CW_LOCKREQ_NONE,  /* nothing asked (or nothing there to ask) */
	CW_LOCKREQ_ASKED, /* `casewatch lock` asked this interface to lock */
	CW_LOCKREQ_LOST,  /* the file was removed by something else: lock cannot reach it now */
};

/* The interface holds the key of `database` now (opened, or unlocked): makes its file (any
 * earlier one left first). CW_EIO when the folder cannot be made or is not the user's: the
 * interface then says that lock cannot reach it. */
int cw_lockreq_join(struct cw_lockreq *r, const struct cw_id *database, struct cw_error *err);

/* Whether lock asked for this interface to lock (one fstat). NONE when not joined. */
enum cw_lockreq_state cw_lockreq_asked(const struct cw_lockreq *r);

/* The interface holds the key no more: with `locked`, says it locked (for lock's count); then
 * removes the file and lets go of it. A no-op when not joined. */
void cw_lockreq_leave(struct cw_lockreq *r, int locked);

/* Asks every open interface of `database` (NULL: of every database) to lock, and waits for
 * them up to wait_ms; removes the files killed interfaces left. No folder: none open, 0. CW_EIO
 * when the folder is there and cannot be read, or is not the user's. */
int cw_lockreq_send(const struct cw_id *database, unsigned wait_ms, struct cw_lockreq_sent *sent,
		    struct cw_error *err);

/* The folder lock looks in (above), for messages; "" when no name fits. */
void cw_lockreq_folder(char *dir, size_t len);

#endif
