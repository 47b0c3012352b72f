/* session.c - database folder, author, open and close; see session.h. */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/session.h"
#include "app/settings.h"
#include "app/unlock.h"
#include "models/i18n.h"
#include "models/text.h"
#include "store/outfile.h"
#include "store/vault.h"

/* $CASEWATCH_AUTHOR, else `author = NAME` in the config file, else the login name. */
static void find_author(struct cw_session *s)
{
	const char *env = getenv("CASEWATCH_AUTHOR");
	char value[256];
	struct passwd *pw;

	if (env && *env && cw_text_validate(env, 100, 0, "author", NULL) == 0) {
		snprintf(s->author, sizeof s->author, "%s", env);
		return;
	}
	if (cw_config_get(cw_config_path(), "author", value, sizeof value, NULL) == 0 && *value &&
	    cw_text_validate(value, 100, 0, "author", NULL) == 0) {
		snprintf(s->author, sizeof s->author, "%.127s", value);
		return;
	}
	pw = getpwuid(getuid());
	snprintf(s->author, sizeof s->author, "%s", pw && pw->pw_name ? pw->pw_name : "unknown");
}

const char *cw_session_data_dir(const char *name)
{
	static char path[1024];
	const char *data = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (data && *data)
		snprintf(path, sizeof path, "%s/%s", data, name);
	else
		snprintf(path, sizeof path, "%s/.local/share/%s", home ? home : ".", name);
	return path;
}

void cw_session_init(struct cw_session *s)
{
	const char *env_db = getenv("CASEWATCH_DB");

	memset(s, 0, sizeof *s);
	s->pass.fd = -1;
	s->new_pass.fd = -1;
	s->db_given = env_db && *env_db;
	s->db_dir = s->db_given ? env_db : cw_session_data_dir("casewatch");
	find_author(s);
}

int cw_session_key_gone(struct cw_session *s)
{
	char slot[4200];
	struct cw_error err;
	struct cw_id database;
	struct stat sb;
	int rc;

	if (!s->store || !cw_store_encrypted(s->store)) /* no key to lose */
		return 0;
	cw_store_keyslot_path(s->db_dir, slot, sizeof slot);
	if (stat(slot, &sb) != 0)
		return errno == ENOENT;
	if (sb.st_ino == s->slot_seen.ino && sb.st_size == s->slot_seen.size &&
	    sb.st_ctim.tv_sec == s->slot_seen.ctime.tv_sec &&
	    sb.st_ctim.tv_nsec == s->slot_seen.ctime.tv_nsec)
		return 0;
	/* Changed (a new passphrase writes a new slot; destroy-key overwrites it with noise):
	 * read whether it is still a key slot, without the passphrase. */
	rc = cw_keyslot_read_database(slot, &database, &err);
	if (rc == CW_EDAMAGED || rc == CW_ENOTFOUND)
		return 1;
	if (rc == 0) {
		s->slot_seen.ino = sb.st_ino;
		s->slot_seen.size = sb.st_size;
		s->slot_seen.ctime = sb.st_ctim;
	}
	return 0;
}

int cw_session_db_exists(const char *dir)
{
	char path[4096];
	struct stat sb;

	snprintf(path, sizeof path, "%s/data.mdb", dir);
	return stat(path, &sb) == 0;
}

int cw_session_passphrase(struct cw_session *s, const char *what, int confirm, char **out,
			  size_t *len, struct cw_error *err)
{
	char prompt[512];

	snprintf(prompt, sizeof prompt, _("%s for %.400s: "), what, s->db_dir);
	return cw_passphrase_read(&s->pass, prompt, confirm, out, len, err);
}

int cw_session_new_passphrase(struct cw_session *s, const char *what, char **out, size_t *len,
			      struct cw_error *err)
{
	char prompt[512];

	snprintf(prompt, sizeof prompt, _("%s for %.400s: "), what, s->db_dir);
	return cw_passphrase_read(&s->new_pass, prompt, 1, out, len, err);
}

/* Says that the passphrase file is readable by others: on standard error, or kept for the
 * front end (keep_warning). */
static void passphrase_file_said(struct cw_session *s, const char *path)
{
	if (!s->keep_warning)
		cw_passphrase_file_warn(path);
	else if (!cw_passphrase_file_exposed(path, s->warning, sizeof s->warning))
		s->warning[0] = '\0';
}

/* The store's key provider: the keyring first (unlocked for a while), then the passphrase. */
static int get_key(void *ctx, const char *dir, const struct cw_id *database, struct cw_vault **out,
		   struct cw_error *err)
{
	struct cw_session *s = ctx;
	char path[4096], *pass;
	struct cw_id in_slot;
	uint8_t *master;
	size_t len;
	int rc;

	/* The slot first, even with a key unlocked: after destroy-key nothing opens the database,
	 * not a key another login session unlocked before (a review found one still did), whose
	 * keyring this process cannot reach; this session's entry goes at once. */
	cw_store_keyslot_path(dir, path, sizeof path);
	if ((rc = cw_keyslot_read_database(path, &in_slot, err)) == CW_ENOTFOUND) {
		(void)cw_keyring_remove(database, NULL);
		return cw_error_set(err, CW_EKEY, "key",
				    "the database in %.300s has no key slot (destroyed with "
				    "destroy-key?); 'casewatch key import FILE' restores it from a "
				    "recovery file",
				    dir);
	}
	if (rc != 0)
		return rc;
	if (!s->no_keyring && !s->keyring_tried && cw_id_equal(&in_slot, database) &&
	    (master = sodium_malloc(CW_VAULT_KEY_BYTES))) {
		rc = cw_keyring_load(database, master, NULL);
		if (rc == 0)
			rc = cw_vault_from_master(master, out, err);
		sodium_free(master);
		if (rc == 0) {
			s->keyring_tried = 1;
			return 0;
		}
	}
	/* Typed at the terminal, a wrong (or empty) passphrase may be typed again, up to s->tries
	 * times, as sudo asks three times; each is wiped before the next is read. */
	for (int attempt = 1;; attempt++) {
		int typed = s->pass.fd < 0 && !s->pass.file, wrong;
		char what[CW_MESSAGE_MAX + 100];

		if (attempt == 1)
			snprintf(what, sizeof what, "%s", _("Passphrase"));
		else
			snprintf(what, sizeof what, _("%s; try again (%d of %d).\nPassphrase"),
				 err->message, attempt, s->tries);
		if ((rc = cw_session_passphrase(s, what, 0, &pass, &len, err)) == 0) {
			rc = cw_keyslot_open(path, pass, len, database, out, err);
			cw_passphrase_free(pass);
			wrong = rc == CW_EKEY;
			if (rc == 0 && s->pass.fd < 0 && s->pass.file)
				passphrase_file_said(s, s->pass.file);
		} else {
			wrong = rc == CW_EINVAL && !strcmp(err->field, "passphrase"); /* empty */
		}
		if (!wrong || !typed || s->tries <= 1)
			return rc;
		if (attempt >= s->tries)
			return cw_error_set(err, CW_EKEY, "passphrase",
					    "%d wrong passphrases: %.300s stays locked", attempt,
					    dir);
		if (rc == CW_EKEY) /* said before the next prompt: short */
			cw_error_set(err, CW_EKEY, "passphrase", "wrong passphrase");
	}
}

/* The key slot's passphrase, typed: cw_session_open_with_passphrase's key provider. */
struct typed {
	const char *pass;
	size_t len;
};

static int key_from_typed(void *ctx, const char *dir, const struct cw_id *database,
			  struct cw_vault **out, struct cw_error *err)
{
	const struct typed *t = ctx;
	char path[4096];
	int rc;

	cw_store_keyslot_path(dir, path, sizeof path);
	rc = cw_keyslot_open(path, t->pass, t->len, database, out, err);
	if (rc == CW_ENOTFOUND)
		return cw_error_set(err, CW_EKEY, "key",
				    "the database in %.300s has no key slot (destroyed with "
				    "destroy-key?)",
				    dir);
	return rc;
}

int cw_session_open_with_passphrase(struct cw_session *s, const char *pass, size_t len,
				    struct cw_error *err)
{
	struct cw_store_options opt = {.author = s->author};
	const char *map = getenv("CASEWATCH_MAP_SIZE");
	struct typed t = {pass, len};
	int rc;

	if (s->store)
		return 0;
	if (map)
		opt.map_size = (size_t)strtoull(map, NULL, 10);
	opt.get_key = key_from_typed;
	opt.key_ctx = &t;
	if ((rc = cw_store_open(s->db_dir, &opt, &s->store, err)) != 0)
		return rc;
	if (!cw_store_encrypted(s->store)) {
		cw_session_close(s);
		return cw_error_set(
			err, CW_EREFUSED, "database",
			"the database in %.300s is not encrypted: no passphrase opens it",
			s->db_dir);
	}
	return 0;
}

/* What of the database others may reach, for one line: the first path found, and the chmod
 * that closes every one. */
struct exposure {
	char first[4096];
	unsigned mode;
	int files; /* how many the "chmod 600" names */
	char fix[2048];
	size_t n;
};

static void exposed_one(void *ctx, const char *path, unsigned mode, int is_dir)
{
	struct exposure *e = ctx;
	size_t room;

	if (!e->first[0]) {
		snprintf(e->first, sizeof e->first, "%s", path);
		e->mode = mode;
	}
	if (e->n >= sizeof e->fix)
		return;
	room = sizeof e->fix - e->n;
	if (is_dir)
		e->n += (size_t)snprintf(e->fix + e->n, room, "chmod 700 %.300s", path);
	else if (!e->files++)
		e->n += (size_t)snprintf(e->fix + e->n, room, "%schmod 600 %.300s",
					 e->n ? " && " : "", path);
	else
		e->n += (size_t)snprintf(e->fix + e->n, room, " %.300s", path);
}

/* A database others may reach (its folder, data.mdb, lock.mdb or the key slot open to the
 * group or others: a folder made 0777 before init, a copy unpacked with a loose umask) is said
 * once, on one line that names it and gives the chmod that closes it; the command still runs:
 * the files are the user's to fix, and refusing would keep a monitor from their records.
 * Kept for the front end, as the other warnings, when one is not there already. */
static void exposure_said(struct cw_session *s)
{
	struct exposure e = {0};
	char msg[sizeof s->warning], *safe;

	if (s->exposure_said)
		return;
	cw_store_exposed(s->db_dir, exposed_one, &e);
	if (!e.first[0])
		return;
	s->exposure_said = 1;
	/* TRANSLATORS: a path, its permissions, then the command that closes them: "/home/m/db
	 * is open to other users (mode 777): chmod 700 /home/m/db" */
	snprintf(msg, sizeof msg, _("%.300s is open to other users (mode %03o): %s"), e.first,
		 e.mode, e.fix);
	if (!(safe = cw_text_for_terminal(msg, 0))) /* a path's control characters as ^X */
		return;
	if (!s->keep_warning)
		fprintf(stderr, _("casewatch: warning: %s\n"), safe);
	else if (!s->warning[0])
		snprintf(s->warning, sizeof s->warning, "%s", safe);
	free(safe);
}

int cw_session_create_encrypted(struct cw_session *s, const struct cw_kdf_params *kdf,
				struct cw_error *err)
{
	struct cw_store_options opt = {.author = s->author, .create = 1};
	struct cw_vault *vault = NULL;
	struct cw_id id;
	char path[4096], *pass = NULL;
	size_t len;
	int rc;

	if (cw_session_db_exists(s->db_dir))
		return cw_error_set(err, CW_EREFUSED, "database",
				    "a casewatch database is already in %.300s", s->db_dir);
	/* As a plain database's folder is made (store.c): private, a folder there made so. */
	if (cw_make_private_folders(s->db_dir, 1) != 0)
		return cw_error_set(err, CW_EIO, "database", "cannot create %.300s: %s", s->db_dir,
				    strerror(errno));
	/* A new database's passphrase: --new-passphrase-* when given, else the usual source. */
	rc = s->new_pass.fd >= 0 || s->new_pass.file
		     ? cw_session_new_passphrase(s, _("New passphrase"), &pass, &len, err)
		     : cw_session_passphrase(s, _("New passphrase"), 1, &pass, &len, err);
	if (rc != 0)
		return rc;
	if ((rc = cw_passphrase_check_new(pass, len, err)) != 0) {
		cw_passphrase_free(pass);
		return rc;
	}
	cw_id_random(&id);
	cw_store_keyslot_path(s->db_dir, path, sizeof path);
	if ((rc = cw_vault_new(&vault, err)) == 0)
		rc = cw_keyslot_write(path, vault, pass, len, kdf, &id, err);
	cw_passphrase_free(pass);
	if (rc != 0) {
		cw_vault_free(vault);
		return rc;
	}
	opt.vault = vault; /* the store owns it now */
	opt.database_id = &id;
	if ((rc = cw_store_open(s->db_dir, &opt, &s->store, err)) != 0) {
		unlink(path);
		return rc;
	}
	exposure_said(s); /* a folder init could not make private */
	/* The file the passphrase was set from, if others can read it: said now, when it is
	 * made, as every command that reads it says. */
	if (s->new_pass.fd < 0 && s->new_pass.file)
		passphrase_file_said(s, s->new_pass.file);
	else if (s->new_pass.fd < 0 && s->pass.fd < 0 && s->pass.file)
		passphrase_file_said(s, s->pass.file);
	return 0;
}

/* A plain database with a key slot beside it is one whose encrypt stopped between putting the
 * slot in place and the encrypted file (swap_in in cli/cmd_keys.c): it looks encrypted to
 * anyone who lists the folder and is not. Said at every opening, as the passphrase file is, until
 * encrypt is run again. */
static void interrupted_encrypt_said(struct cw_session *s)
{
	char path[4096], msg[sizeof s->warning];
	struct stat sb;

	if (s->encrypting || cw_store_encrypted(s->store))
		return;
	cw_store_keyslot_path(s->db_dir, path, sizeof path);
	if (lstat(path, &sb) != 0)
		return;
	snprintf(msg, sizeof msg,
		 _("the database in %.300s is NOT encrypted, though a key slot is beside it: an "
		   "encrypt was interrupted; run 'casewatch encrypt' again"),
		 s->db_dir);
	if (!s->keep_warning)
		fprintf(stderr, _("casewatch: warning: %s\n"), msg);
	else
		snprintf(s->warning, sizeof s->warning, "%s", msg);
}

size_t cw_session_upgrade_note(const struct cw_session *s, char *buf, size_t len)
{
	char hex[CW_ID_HEX_LEN + 1];
	struct cw_id first;
	size_t left = s->store ? cw_store_upgrade_left_out(s->store, &first) : 0;

	if (len)
		buf[0] = '\0';
	if (!left)
		return 0;
	cw_id_hex(&first, hex);
	/* Cut, if ever, between two letters (a translation's), never inside one. */
	cw_text_format(
		buf, len,
		/* TRANSLATORS: %zu is how many records, %s the id of the first. */
		P_("the upgrade left %zu record that cannot be read out of every index, %s "
		   "(damaged): lists and reports leave it out; run 'casewatch verify', which "
		   "names it, and restore a backup made before the damage to have it back",
		   "the upgrade left %zu records that cannot be read out of every index, e.g. %s "
		   "(damaged): lists and reports leave them out; run 'casewatch verify', which "
		   "names each, and restore a backup made before the damage to have them back",
		   left),
		left, hex);
	return left;
}

/* Whether path is there and is no folder (a file, a device). */
static int is_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && !S_ISDIR(sb.st_mode);
}

int cw_session_open(struct cw_session *s, int create, struct cw_error *err)
{
	struct cw_store_options opt = {.author = s->author, .create = create};
	const char *map = getenv("CASEWATCH_MAP_SIZE");
	int rc;

	if (s->store)
		return 0;
	if (map)
		opt.map_size = (size_t)strtoull(map, NULL, 10);
	opt.get_key = get_key;
	opt.key_ctx = s;
	opt.key_from_cache = &s->keyring_tried;
	s->keyring_tried = 0;
	opt.read_only = s->read_only && !create;
	opt.bulk = s->bulk;
	rc = cw_store_open(s->db_dir, &opt, &s->store, err);
	if (rc == 0 && !create)
		interrupted_encrypt_said(s);
	if (rc == 0)
		exposure_said(s);
	if (rc == CW_ENOTFOUND && !create && !strcmp(err->field, "database") &&
	    is_file(s->db_dir) && s->db_given && !s->db_option)
		/* init cannot make a database there: the advice below would fail ("Not a
		 * directory"). A mistyped $CASEWATCH_DB names a file as often as --db does, and
		 * "give the folder with --db" sent the monitor looking for an option they had not
		 * typed. */
		cw_error_set(err, CW_ENOTFOUND, "database",
			     "%.300s is a file, not a database folder; give the folder in "
			     "CASEWATCH_DB (or with --db)",
			     s->db_dir);
	else if (rc == CW_ENOTFOUND && !create && !strcmp(err->field, "database") &&
		 is_file(s->db_dir))
		/* ... and so is a mistyped --db, as often as a folder. */
		cw_error_set(err, CW_ENOTFOUND, "database",
			     "%.300s is a file, not a database folder; give the folder with --db",
			     s->db_dir);
	else if (rc == CW_ENOTFOUND && !create && !strcmp(err->field, "database"))
		/* Name the command that creates it, with the folder when it is not the default. */
		cw_error_set(err, CW_ENOTFOUND, "database",
			     "no casewatch database in %.300s; create one with 'casewatch%s%.300s "
			     "init'",
			     s->db_dir, s->db_given ? " --db " : "", s->db_given ? s->db_dir : "");
	return rc;
}

void cw_session_close(struct cw_session *s)
{
	if (s->store)
		cw_store_close(s->store);
	s->store = NULL;
}
