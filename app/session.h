/* session.h - what both front ends need before they can work: which database (--db,
 * $CASEWATCH_DB, else $XDG_DATA_HOME/casewatch), who is writing (the author), and opening and
 * closing the store. Below the command line and the terminal interface, so neither depends on
 * the other to open a database. May use: models/, store/. */
#ifndef CW_APP_SESSION_H
#define CW_APP_SESSION_H

#include <sys/types.h>
#include <time.h>

#include "app/unlock.h"
#include "models/error.h"
#include "store/store.h"
#include "store/vault.h"

struct cw_session {
	const char *db_dir; /* the database folder */
	int db_given;       /* --db or $CASEWATCH_DB named it (else it is the default) */
	int db_option;      /* --db named it on this command line */
	char author[128];   /* $CASEWATCH_AUTHOR, the config file, else the login name */
	struct cw_store *store;
	/* Where the passphrase comes from: the terminal unless --passphrase-file or
	 * --passphrase-fd said otherwise. */
	struct cw_passphrase_source pass;
	/* Where a new passphrase comes from (init, passphrase, key export and import): the
	 * terminal, asked twice, unless --new-passphrase-file or --new-passphrase-fd. */
	struct cw_passphrase_source new_pass;
	int no_keyring; /* ask for the passphrase even when the key is cached (passphrase, key
			 * export: proof that the person knows it) */
	int tries;      /* how many times a passphrase typed at the terminal may be wrong (or
			 * empty) before opening fails: each time it says so and asks again (the
			 * terminal interface, which one typo should not close: 3). 0 or 1: once. A
			 * file or descriptor is read once. */
	/* A warning about how the database was opened (a passphrase file others can read): on
	 * standard error, or, when keep_warning is set, kept here for the front end to show (the
	 * terminal interface's screen would hide a line on standard error at once). */
	int keep_warning;
	char warning[4400];
	/* Set by encrypt, which opens a plain database to encrypt it: a key slot beside it is the
	 * interrupted encrypt it finishes, not one to warn about (cw_session_open). */
	int encrypting;
	/* The database's folder or files were found open to other users, and said so (once a
	 * process: the terminal interface opens the database again at each unlock). */
	int exposure_said;
	/* The key the keyring gave did not open the database (another copy of it, encrypted
	 * apart, was unlocked): the store asks again, and the passphrase is read. */
	int keyring_tried;
	int read_only; /* open without writing anything (the commands that only read): works
			* on read-only media, where the store may open without its lock
			* (cw_store_unlocked) */
	int bulk;      /* open for a command that writes many records (cw_store_options.bulk) */
	/* The key slot as cw_session_key_gone last found it whole (inode, size, change time). */
	struct {
		ino_t ino;
		off_t size;
		struct timespec ctime;
	} slot_seen;
};

/* Fills the database folder from $CASEWATCH_DB (else the default) and the author. A front end
 * that takes --db sets db_dir and db_given afterwards. */
void cw_session_init(struct cw_session *s);

/* $XDG_DATA_HOME/NAME, else ~/.local/share/NAME, in a static buffer. */
const char *cw_session_data_dir(const char *name);

/* Opens s->store on s->db_dir (creating a plain database when `create`); a no-op when open.
 * An encrypted database's key comes from the keyring (`casewatch unlock`), else from the
 * passphrase (s->pass, asked up to s->tries times at the terminal) and the key slot.
 * $CASEWATCH_MAP_SIZE sets the initial map size (tests use a tiny map to force growth). */
int cw_session_open(struct cw_session *s, int create, struct cw_error *err);

/* Opens s->store on s->db_dir with a passphrase the caller read itself (the terminal
 * interface's lock screen, inside curses, where cw_passphrase_read cannot ask): the key slot is
 * opened with it, never the keyring, so a cached key cannot stand in for the passphrase.
 * CW_EKEY (field "passphrase") for a wrong one; CW_EREFUSED (field "database") when the
 * database is not encrypted, since then nothing checks the passphrase; a no-op when open. */
int cw_session_open_with_passphrase(struct cw_session *s, const char *pass, size_t len,
				    struct cw_error *err);

/* Creates a new encrypted database in s->db_dir and opens it: asks for a passphrase twice,
 * makes a random master key, writes the key slot (wrapped with Argon2id at `kdf`) and the
 * database. Refused when a database is already there; nothing is left behind on failure. */
int cw_session_create_encrypted(struct cw_session *s, const struct cw_kdf_params *kdf,
				struct cw_error *err);

/* Reads the passphrase from s->pass with a prompt naming the database. */
int cw_session_passphrase(struct cw_session *s, const char *what, int confirm, char **out,
			  size_t *len, struct cw_error *err);
/* Reads a new passphrase from s->new_pass (from the terminal: asked twice). */
int cw_session_new_passphrase(struct cw_session *s, const char *what, char **out, size_t *len,
			      struct cw_error *err);

/* Whether the key slot of s->db_dir is gone: removed, or overwritten by `destroy-key` (in this
 * process or another) so that it no longer reads as a key slot. A front end that holds the key
 * (the terminal interface) asks it as it goes, and locks when it is: after a crypto-erase the
 * screen must not stay readable. Cheap while the slot is unchanged (one stat); 0 when it
 * cannot tell. */
int cw_session_key_gone(struct cw_session *s);

/* What the upgrade this open made left out of every index (cw_store_upgrade_left_out: records
 * that cannot be read), as one line for a front end to show after its own "warning: ", in one
 * wording for both (the command line on standard error, the terminal interface in a pane):
 * how many, the first's id, what lists and reports do without them and what to do. Returns
 * how many (0: nothing to say, buf ""); the store must be open. */
size_t cw_session_upgrade_note(const struct cw_session *s, char *buf, size_t len);

/* Whether dir holds a database (data.mdb). */
int cw_session_db_exists(const char *dir);

void cw_session_close(struct cw_session *s);

#endif
