/* cmd_keys.c - the commands on a database's key: encrypt, unlock, lock, passphrase,
 * destroy-key, key export and key import; see commands.h. The key itself never passes through here
 * in the clear except to the keyring: store/vault.c wraps and unwraps it, app/unlock.c asks for
 * passphrases and talks to the kernel. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/lockreq.h"
#include "cli/commands.h"
#include "models/i18n.h"
#include "store/backup.h"

const char cw_keys_help[] = N_(
	"An encrypted database's master key is kept only wrapped by the passphrase (DIR/key,\n"
	"Argon2id). Every command that needs it asks for the passphrase on the terminal, or\n"
	"reads it with --passphrase-file FILE or --passphrase-fd N; a new or recovery\n"
	"passphrase is asked twice, or read with --new-passphrase-file or --new-passphrase-fd.\n"
	"  unlock [--for 30m]   keep the key in the kernel keyring for a while (default 30m,\n"
	"                       at most 7 days) so commands stop asking; 'lock' forgets it\n"
	"                       and locks the terminal interfaces open on the database,\n"
	"                       'lock --all' every database's\n"
	"  passphrase           change the passphrase (the key and the data stay as they are;\n"
	"                       backups made before with the key slot still open with the\n"
	"                       old one)\n"
	"  key export --to FILE a recovery file: the key wrapped with a second passphrase, to\n"
	"                       keep off the laptop, with someone the team trusts\n"
	"  key import FILE      restore access from a recovery file, with a new passphrase\n"
	"  destroy-key [--yes]  crypto-erase: overwrite the key slot; the database can never be\n"
	"                       opened again without a recovery file, but backups made before\n"
	"                       with the key slot hold their own copy and open with the\n"
	"                       passphrase of their day\n");

/* The options of a key command: --yes, --for, --to; anything else is refused. */
struct key_opts {
	const char *for_text, *to;
	int yes, all;
};

static int key_options(struct cw_cli *cli, int i, struct key_opts *o, const char *takes)
{
	struct cw_opt opt;
	int rc;

	memset(o, 0, sizeof *o);
	while ((rc = cw_cli_next_opt(cli, &i, "yes,all,help,json", &opt)) == 1) {
		if (!strcmp(opt.name, "help") || !strcmp(opt.name, "json"))
			continue;
		if (!strstr(takes, opt.name))
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "unknown option; see casewatch --help");
		if (!strcmp(opt.name, "yes"))
			o->yes = 1;
		else if (!strcmp(opt.name, "all"))
			o->all = 1;
		else if (!strcmp(opt.name, "for"))
			o->for_text = opt.value;
		else if (!strcmp(opt.name, "to"))
			o->to = opt.value;
	}
	return rc;
}

/* Opens the database and refuses a plain one: it has no key to manage. */
static int open_encrypted(struct cw_cli *cli)
{
	int rc = cw_cli_open_store(cli, 0);

	if (rc == 0 && !cw_store_encrypted(cli->session.store))
		return cw_error_set(&cli->err, CW_EUSAGE, "database",
				    "the database in %.300s is not encrypted; 'casewatch encrypt' "
				    "encrypts it",
				    cli->session.db_dir);
	return rc;
}

int cw_cmd_unlock(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct key_opts o;
	struct cw_id id;
	unsigned seconds = 30 * 60;
	int rc;

	(void)cmd;
	if ((rc = key_options(cli, first_arg, &o, "for")) != 0 ||
	    (o.for_text && (rc = cw_duration_parse(o.for_text, &seconds, &cli->err)) != 0))
		return rc;
	/* The passphrase itself unlocks: a key already cached is no proof of knowing it. */
	cli->session.no_keyring = 1;
	if ((rc = open_encrypted(cli)) != 0)
		return rc;
	cw_store_database_id(cli->session.store, &id);
	if ((rc = cw_keyring_store(&id, cw_vault_master(cw_store_vault(cli->session.store)),
				   seconds, &cli->err)) != 0)
		return rc;
	fprintf(cli->out, _("unlocked %s for %uh%02um%02us (casewatch lock forgets the key now)\n"),
		cli->session.db_dir, seconds / 3600, seconds / 60 % 60, seconds % 60);
	return 0;
}

const char cw_lock_help[] = N_(
	"Locks an encrypted database now: forgets its key in the kernel keyring (put there by\n"
	"'casewatch unlock'), and asks every terminal interface open on it and unlocked, in any\n"
	"terminal of this user, to lock as its L key does: the screen cleared, the key wiped, an\n"
	"unsaved form kept as a sealed draft, only the passphrase prompt left. Each does within\n"
	"about a second; lock waits for them up to 3 seconds and says how many locked. One that\n"
	"has not answered by then (stopped, or waiting for an editor started from it) is said\n"
	"apart: it locks as soon as it runs again.\n"
	"  --all   every database: every casewatch key in the keyring, the database at hand or\n"
	"          not (a stick pulled out), and every open terminal interface, whatever its\n"
	"          database\n"
	"An interface is reached through a small file it keeps while unlocked (its database's id,\n"
	"no name) in $XDG_RUNTIME_DIR/casewatch, else /run/user/UID/casewatch, else\n"
	"/dev/shm/casewatch-UID: one started with another $XDG_RUNTIME_DIR is not reached.\n");

/* How long lock waits for the open terminal interfaces: each looks at least once a second. */
#define LOCK_WAIT_MS 3000

/* What lock did to the open terminal interfaces, as it is: those that said they locked, and
 * those asked that had not answered when the wait ran out. */
static void say_interfaces(struct cw_cli *cli, const struct cw_lockreq_sent *sent, int all)
{
	if (sent->locked)
		fprintf(cli->out,
			P_("locked %zu open terminal interface: only its passphrase prompt is "
			   "left\n",
			   "locked %zu open terminal interfaces: only their passphrase prompts are "
			   "left\n",
			   sent->locked),
			sent->locked);
	if (sent->waiting)
		fprintf(cli->out,
			P_("asked %zu open terminal interface to lock, which has not answered yet "
			   "(stopped, or waiting for an editor): it locks as soon as it runs "
			   "again\n",
			   "asked %zu open terminal interfaces to lock, which have not answered "
			   "yet (stopped, or waiting for an editor): each locks as soon as it "
			   "runs again\n",
			   sent->waiting),
			sent->waiting);
	if (!sent->locked && !sent->waiting)
		fputs(all ? _("no terminal interface was open and unlocked\n")
			  : _("no terminal interface had it open and unlocked\n"),
		      cli->out);
}

int cw_cmd_lock(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_lockreq_sent sent;
	struct cw_error ring_err;
	struct key_opts o;
	struct cw_id id;
	int rc, ring, encrypted;

	(void)cmd;
	if ((rc = key_options(cli, first_arg, &o, "all")) != 0)
		return rc;
	/* Every database's key, this one at hand or not (a review could not lock a database
	 * whose stick was pulled out: lock reads its id from the file), and every open terminal
	 * interface: one whose passphrase was typed into it holds a key the keyring never had (a
	 * field trial's lock --all said "locked 0 databases" and left one showing the records). */
	if (o.all) {
		size_t removed;

		if ((ring = cw_keyring_remove_all(&removed, &ring_err)) == 0)
			fprintf(cli->out,
				P_("forgot the unlocked key of %zu database: the next commands ask "
				   "for the passphrase\n",
				   "forgot the unlocked keys of %zu databases: the next commands "
				   "ask for their passphrases\n",
				   removed),
				removed);
		if ((rc = cw_lockreq_send(NULL, LOCK_WAIT_MS, &sent, &cli->err)) == 0)
			say_interfaces(cli, &sent, 1);
		if (ring != 0) {
			cli->err = ring_err;
			return ring;
		}
		return rc;
	}
	if ((rc = cw_store_identify(cli->session.db_dir, &id, &encrypted, &cli->err)) != 0) {
		/* Its file gone, moved or unplugged: its key may still be in the keyring. */
		if (rc == CW_ENOTFOUND)
			cw_error_set(
				&cli->err, CW_ENOTFOUND, "database",
				"no casewatch database in %.300s, so which key to forget is not "
				"known; 'casewatch lock --all' forgets every unlocked key",
				cli->session.db_dir);
		return rc;
	}
	if (!encrypted)
		return cw_error_set(&cli->err, CW_EUSAGE, "database",
				    "the database in %.300s is not encrypted: nothing to lock",
				    cli->session.db_dir);
	/* The interfaces are asked whatever the keyring does: each holds its own key. */
	if ((ring = cw_keyring_remove(&id, &ring_err)) == 0)
		fprintf(cli->out, _("locked %s: the next command asks for the passphrase\n"),
			cli->session.db_dir);
	if ((rc = cw_lockreq_send(&id, LOCK_WAIT_MS, &sent, &cli->err)) == 0)
		say_interfaces(cli, &sent, 0);
	if (ring != 0) {
		cli->err = ring_err;
		return ring;
	}
	return rc;
}

/* A backup made with the key slot holds its own copy of it, wrapped with the passphrase in use
 * when it was made: a new passphrase, key import and destroy-key reach none of them, and the
 * old passphrase opens every one (a review restored one after both, with nothing said). So
 * each of them says it. The database notes only the time of its last backup, not which
 * backups held the slot (backup --without-key leaves it out), so the warning says what holds
 * for a backup with the slot rather than that every backup has one (a field trial's only
 * backups were made without it), with that time (last: 0 when there has been none, then
 * nothing is said; -1 when it could not be read, then it is said all the same). */
static void say_backups_keep_old_slot(int64_t last)
{
	char when[64] = "";
	time_t secs;
	struct tm tm;

	if (last == 0)
		return;
	secs = (time_t)(last / 1000000);
	if (last > 0 && localtime_r(&secs, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	/* A warning, on standard error as every other, after the line that says it is done. */
	if (when[0])
		fprintf(stderr,
			_("casewatch: warning: a backup made before now with the key slot (without "
			  "--without-key) holds its own copy of it, which still opens with the "
			  "passphrase in use when the backup was made (the last backup of either "
			  "kind was on %s): destroy such backups, or keep them away from anyone "
			  "who may know or force that passphrase\n"),
			when);
	else
		fprintf(stderr,
			_("casewatch: warning: a backup made before now with the key slot (without "
			  "--without-key), if any, holds its own copy of it, which still opens "
			  "with the passphrase in use when the backup was made: destroy such "
			  "backups, or keep them away from anyone who may know or force that "
			  "passphrase\n"));
}

/* The time of the last backup of the open database, or -1. */
static int64_t last_backup_open(struct cw_cli *cli)
{
	int64_t last, oldest;
	struct cw_error err;

	return cw_store_backup_age(cli->session.store, &last, &oldest, &err) == 0 ? last : -1;
}

/* A recovery passphrase that also opens the database's own key slot is refused: whoever forces
 * the passphrase out of a monitor would open the recovery file with it too (a red-team trial
 * made one so). One key derivation of the slot's cost, once per recovery file. */
static int not_the_database_passphrase(struct cw_cli *cli, const char *pass, size_t len,
				       const struct cw_id *id)
{
	char slot[4096];
	struct cw_vault *v = NULL;
	struct cw_error ignored;
	int rc;

	cw_store_keyslot_path(cli->session.db_dir, slot, sizeof slot);
	rc = cw_keyslot_open(slot, pass, len, id, &v, &ignored);
	cw_vault_free(v);
	if (rc == 0)
		return cw_error_set(&cli->err, CW_EREFUSED, "passphrase",
				    "is the database's own: a recovery file needs another, so that "
				    "whoever forces the one out of you cannot open the other");
	return 0;
}

/* The other way round: the database's new passphrase, after key import, is refused when it
 * opens the recovery file the key came from (its passphrase, just typed, is the one a monitor
 * types again). One key derivation of the file's cost. */
static int not_the_recovery_passphrase(struct cw_cli *cli, const char *recovery, const char *pass,
				       size_t len, const struct cw_id *id)
{
	struct cw_vault *v = NULL;
	struct cw_error ignored;
	int rc;

	rc = cw_recovery_open(recovery, pass, len, id, &v, &ignored);
	cw_vault_free(v);
	if (rc == 0)
		return cw_error_set(&cli->err, CW_EREFUSED, "passphrase",
				    "opens the recovery file %.300s too: the database needs "
				    "another, so that whoever forces the one out of you cannot "
				    "open the other",
				    recovery);
	return 0;
}

/* Writes the open database's key into a slot at path, wrapped by a new passphrase asked twice:
 * over the slot there, or (new_file, a recovery file) where nothing has the name. `recovery`:
 * the recovery file the key was restored from, whose passphrase is refused (NULL: none). */
static int rewrap(struct cw_cli *cli, const char *path, const char *what, const struct cw_id *id,
		  int new_file, const char *recovery)
{
	struct cw_kdf_params kdf = cw_kdf_default();
	char *pass;
	size_t len;
	int rc;

	if ((rc = cw_session_new_passphrase(&cli->session, what, &pass, &len, &cli->err)) != 0)
		return rc;
	if ((rc = cw_passphrase_check_new(pass, len, &cli->err)) != 0 ||
	    (new_file && (rc = not_the_database_passphrase(cli, pass, len, id)) != 0) ||
	    (recovery && (rc = not_the_recovery_passphrase(cli, recovery, pass, len, id)) != 0)) {
		cw_passphrase_free(pass);
		return rc;
	}
	rc = new_file ? cw_keyslot_write_new(path, cw_store_vault(cli->session.store), pass, len,
					     &kdf, id, &cli->err)
		      : cw_keyslot_write(path, cw_store_vault(cli->session.store), pass, len, &kdf,
					 id, &cli->err);
	cw_passphrase_free(pass);
	return rc;
}

int cw_cmd_passphrase(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct key_opts o;
	struct cw_id id;
	char path[4096];
	int rc;

	(void)cmd;
	cli->session.no_keyring = 1; /* the current passphrase, typed */
	if ((rc = key_options(cli, first_arg, &o, "")) != 0 || (rc = open_encrypted(cli)) != 0)
		return rc;
	cw_store_database_id(cli->session.store, &id);
	cw_store_keyslot_path(cli->session.db_dir, path, sizeof path);
	if ((rc = rewrap(cli, path, "New passphrase", &id, 0, NULL)) != 0)
		return rc;
	fprintf(cli->out, _("passphrase changed for %s\n"), cli->session.db_dir);
	say_backups_keep_old_slot(last_backup_open(cli));
	return 0;
}

int cw_cmd_key_export(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct key_opts o;
	struct cw_id id;
	struct stat sb;
	int rc;

	(void)cmd;
	cli->session.no_keyring = 1;
	if ((rc = key_options(cli, first_arg, &o, "to")) != 0)
		return rc;
	if (!o.to)
		return cw_error_set(&cli->err, CW_EUSAGE, "to", "is needed: the recovery file");
	if (lstat(o.to, &sb) == 0)
		return cw_error_set(&cli->err, CW_EREFUSED, "to",
				    "%.300s exists; a recovery file is never overwritten", o.to);
	if ((rc = open_encrypted(cli)) != 0)
		return rc;
	cw_store_database_id(cli->session.store, &id);
	rc = rewrap(cli, o.to, _("Recovery passphrase (not the database's)"), &id, 1, NULL);
	if (rc != 0)
		return rc;
	fprintf(cli->out,
		_("wrote %s: the key of %s wrapped with the recovery passphrase; keep the file and "
		  "the "
		  "passphrase apart, away from this laptop\n"),
		o.to, cli->session.db_dir);
	return 0;
}

/* The key provider for key import: the vault unwrapped from the recovery file. */
static int recovered_key(void *ctx, const char *dir, const struct cw_id *database,
			 struct cw_vault **out, struct cw_error *err)
{
	struct cw_vault **recovered = ctx;

	(void)dir;
	(void)database;
	(void)err;
	*out = *recovered;
	*recovered = NULL; /* the store owns it now */
	return 0;
}

int cw_cmd_key_import(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_store_options opt = {.author = cli->session.author};
	struct cw_vault *vault = NULL;
	struct cw_id id, file_id;
	char path[4096], *pass;
	const char *file;
	size_t len;
	int rc, encrypted, i = first_arg;
	struct key_opts o;

	(void)cmd;
	if (i >= cli->argc || cli->argv[i][0] == '-')
		return cw_error_set(&cli->err, CW_EUSAGE, "file", "name the recovery file");
	file = cli->argv[i++];
	if ((rc = key_options(cli, i, &o, "")) != 0 ||
	    (rc = cw_store_identify(cli->session.db_dir, &id, &encrypted, &cli->err)) != 0 ||
	    (rc = cw_recovery_read_database(file, &file_id, &cli->err)) != 0)
		return rc;
	if (!encrypted)
		return cw_error_set(&cli->err, CW_EUSAGE, "database",
				    "the database in %.300s is not encrypted", cli->session.db_dir);
	if (!cw_id_equal(&id, &file_id))
		return cw_error_set(&cli->err, CW_EREFUSED, "file",
				    "%.300s is the recovery file of another database", file);
	if ((rc = cw_session_passphrase(&cli->session, _("Recovery passphrase"), 0, &pass, &len,
					&cli->err)) != 0)
		return rc;
	rc = cw_recovery_open(file, pass, len, &id, &vault, &cli->err);
	cw_passphrase_free(pass);
	if (rc != 0)
		return rc;
	/* The recovered key must open the database before it replaces anything. */
	opt.get_key = recovered_key;
	opt.key_ctx = &vault;
	rc = cw_store_open(cli->session.db_dir, &opt, &cli->session.store, &cli->err);
	cw_vault_free(vault);
	if (rc != 0)
		return rc;
	cw_store_keyslot_path(cli->session.db_dir, path, sizeof path);
	if ((rc = rewrap(cli, path, "New passphrase", &id, 0, file)) != 0)
		return rc;
	fprintf(cli->out, _("key restored for %s with a new passphrase\n"), cli->session.db_dir);
	say_backups_keep_old_slot(last_backup_open(cli));
	return 0;
}

int cw_cmd_destroy_key(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct key_opts o;
	struct cw_id id;
	struct timespec t0, t1;
	struct cw_error ring_err = {0}, last_err;
	int64_t last;
	char path[4096], answer[32];
	int rc, encrypted, ring;

	(void)cmd;
	if ((rc = key_options(cli, first_arg, &o, "yes")) != 0 ||
	    (rc = cw_store_identify(cli->session.db_dir, &id, &encrypted, &cli->err)) != 0)
		return rc;
	if (!encrypted)
		return cw_error_set(&cli->err, CW_EUSAGE, "database",
				    "the database in %.300s is not encrypted: there is no key to "
				    "destroy",
				    cli->session.db_dir);
	/* Named by the command, as delete's are: "yes:" read as if --yes were at fault. */
	if (!o.yes && !cli->yes) {
		if (!isatty(STDIN_FILENO))
			return cw_error_set(
				&cli->err, CW_EUSAGE, "destroy-key",
				"not destroying the key without confirmation; add --yes");
		fprintf(stderr,
			_("This makes %s unreadable for ever, unless a recovery file exists.\n"
			  "Type 'destroy' to go on: "),
			cli->session.db_dir);
		if (!fgets(answer, sizeof answer, stdin) || strcmp(answer, "destroy\n") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, "destroy-key",
					    "not confirmed; nothing done");
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cw_store_keyslot_path(cli->session.db_dir, path, sizeof path);
	/* The unlocked key first: a destroy-key killed between the two must not leave a key that
	 * opens the database beside a slot of noise. The slot goes whatever happens to the key:
	 * a keyring that will not give it up is said after the slot is gone, not instead. */
	ring = cw_keyring_remove(&id, &ring_err);
	if ((rc = cw_keyslot_destroy(path, &cli->err)) != 0 && rc != CW_ENOTFOUND)
		return rc;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* Read after the slot is gone, not before: at the door, the slot first. */
	if (cw_store_last_backup(cli->session.db_dir, &last, &last_err) != 0)
		last = -1;
	if (ring != 0) {
		say_backups_keep_old_slot(last);
		return cw_error_set(&cli->err, ring, "keyring",
				    "the key slot of %.300s was destroyed, but %s; every command "
				    "reads the slot first, so that key opens nothing",
				    cli->session.db_dir, ring_err.message);
	}
	fprintf(cli->out,
		_("key destroyed in %.3f s: %s can no longer be opened; 'casewatch key import "
		  "FILE' "
		  "brings it back from a recovery file\n"),
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		cli->session.db_dir);
	say_backups_keep_old_slot(last);
	return 0;
}

/* ---- encrypt: a plain database made encrypted ----------------------------------------------- */

const char cw_encrypt_help[] =
	N_("Turns a plain database (made with 'init --no-encryption') into an encrypted one,\n"
	   "keeping every record, deletion, conflict, audit entry and peer exactly as it was.\n"
	   "Asks for the new passphrase twice (or reads it with --new-passphrase-file FILE or\n"
	   "--new-passphrase-fd N), writes the encrypted copy in DIR/.encrypting, checks it\n"
	   "against the original, and only then puts it in place of the plain file. If anything\n"
	   "fails before that, the plain database is left exactly as it was.\n"
	   "No other casewatch (nor the terminal interface) may have the database open meanwhile:\n"
	   "encrypt refuses to start, or to finish, while one does.\n"
	   "The old file's blocks may stay on the disk until they are overwritten: keep full-disk\n"
	   "encryption on as well.\n"
	   "  --kdf-cost minimal   the cheapest key derivation: for tests only, it protects "
	   "nothing\n");

/* The passphrase the copy's key slot was written with, to prove the slot opens the copy. */
struct slot_pass {
	const char *path, *pass;
	size_t len;
};

static int slot_key(void *ctx, const char *dir, const struct cw_id *database, struct cw_vault **out,
		    struct cw_error *err)
{
	const struct slot_pass *sp = ctx;

	(void)dir;
	return cw_keyslot_open(sp->path, sp->pass, sp->len, database, out, err);
}

/* Removes the work folder and what is in it (an earlier encrypt's, left by a crash, or this
 * one's after a failure), never following a symbolic link: only files casewatch put there go. */
static int remove_work_dir(const char *work, struct cw_error *err)
{
	int fd;
	struct dirent *e;
	struct stat sb;
	DIR *d;

	if (lstat(work, &sb) != 0)
		return errno == ENOENT
			       ? 0
			       : cw_error_set(err, CW_EIO, "database", "cannot look at %.300s: %s",
					      work, strerror(errno));
	if (S_ISLNK(sb.st_mode) || !S_ISDIR(sb.st_mode))
		return cw_error_set(
			err, CW_EIO, "database",
			"%.300s is in the way and is %s, not a folder an earlier encrypt "
			"left: look at it, remove it, and run encrypt again",
			work, S_ISLNK(sb.st_mode) ? _("a symbolic link") : _("a file"));
	/* Opened without following a link, should one have been put there since. */
	fd = open(work, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || !(d = fdopendir(fd))) {
		int saved = errno;

		if (fd >= 0)
			close(fd);
		return cw_error_set(err, CW_EIO, "database",
				    "%.300s is in the way and is not a folder an earlier encrypt "
				    "left (%s): look at it, remove it, and run encrypt again",
				    work, strerror(saved));
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (unlinkat(dirfd(d), e->d_name, 0) != 0) {
			int saved = errno;

			closedir(d);
			return cw_error_set(err, CW_EIO, "database",
					    "cannot remove %.300s/%.100s: %s", work, e->d_name,
					    strerror(saved));
		}
	}
	closedir(d);
	if (rmdir(work) != 0)
		return cw_error_set(err, CW_EIO, "database", "cannot remove %.300s: %s", work,
				    strerror(errno));
	return 0;
}

/* Flushes a folder, so that the renames in it survive a crash. */
static int sync_dir(const char *dir, struct cw_error *err)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd < 0)
		return cw_error_set(err, CW_EIO, "database", "cannot open %.300s: %s", dir,
				    strerror(errno));
	rc = fsync(fd);
	close(fd);
	return rc ? cw_error_set(err, CW_EIO, "database", "cannot flush %.300s: %s", dir,
				 strerror(errno))
		  : 0;
}

/* Refused while another process has the database open: it would go on reading and writing the
 * plain file after it is replaced, and its changes would be lost. */
static int refused_in_use(struct cw_cli *cli, long pid)
{
	if (!pid)
		return cw_error_set(&cli->err, CW_EREFUSED, "database",
				    "another process has %.300s open: close every casewatch on "
				    "it, then run encrypt again",
				    cli->session.db_dir);
	return cw_error_set(&cli->err, CW_EREFUSED, "database",
			    "another process (pid %ld) has %.300s open: close every casewatch "
			    "on it, then run encrypt again",
			    pid, cli->session.db_dir);
}

static int refuse_in_use(struct cw_cli *cli)
{
	long pid;
	int rc = cw_store_in_use(cli->session.db_dir, &pid, &cli->err);

	return rc <= 0 ? rc : refused_in_use(cli, pid);
}

/* Writes the encrypted copy in `work`: a new key, its slot, the store made with the plain one's
 * id and the copy, checked; then the slot is opened with the passphrase and must open the copy,
 * as the next command will. */
static int build_copy(struct cw_cli *cli, const char *work, const struct cw_kdf_params *kdf,
		      const char *pass, size_t len, struct cw_copy_stats *stats)
{
	struct cw_store *plain = cli->session.store, *enc = NULL;
	struct cw_store_options opt = {.author = cli->session.author, .create = 1};
	struct slot_pass sp = {NULL, pass, len};
	struct cw_vault *vault = NULL;
	const char *map = getenv("CASEWATCH_MAP_SIZE");
	char slot[4096], data[4096];
	struct cw_id id;
	struct stat sb;
	int rc;

	cw_store_database_id(plain, &id);
	snprintf(slot, sizeof slot, "%s/key", work);
	if ((rc = cw_vault_new(&vault, &cli->err)) != 0 ||
	    (rc = cw_keyslot_write(slot, vault, pass, len, kdf, &id, &cli->err)) != 0) {
		cw_vault_free(vault);
		return rc;
	}
	/* Room for the copy at once (sealed values are longer), so that the one transaction is
	 * not run again and again while the map grows; tests set a tiny map to force it. */
	snprintf(data, sizeof data, "%s/data.mdb", cli->session.db_dir);
	opt.map_size = cw_store_map_size(plain);
	if (stat(data, &sb) == 0 && (size_t)sb.st_size > opt.map_size / 2)
		opt.map_size = (size_t)sb.st_size * 2;
	if (map)
		opt.map_size = (size_t)strtoull(map, NULL, 10);
	opt.vault = vault; /* the store owns it now */
	opt.database_id = &id;
	if ((rc = cw_store_open(work, &opt, &enc, &cli->err)) != 0)
		return rc;
	rc = cw_store_copy_encrypted(plain, enc, stats, &cli->err);
	cw_store_close(enc);
	if (rc != 0)
		return rc;
	memset(&opt, 0, sizeof opt);
	opt.read_only = 1;
	opt.get_key = slot_key;
	sp.path = slot;
	opt.key_ctx = &sp;
	if ((rc = cw_store_open(work, &opt, &enc, &cli->err)) != 0)
		return rc;
	cw_store_close(enc);
	return 0;
}

/* Nobody has the plain database open, nobody opens it until the hold `a` ends (the swap is
 * done then), and nothing was written to it since it was copied: the copy is still the whole
 * of it. Called with it closed here; the caller ends the hold, whatever this returns. */
static int still_current(struct cw_cli *cli, const struct cw_copy_stats *stats,
			 struct cw_store_alone *a)
{
	uint64_t txn;
	long pid;
	int rc;

	if ((rc = cw_store_alone_begin(cli->session.db_dir, a, &pid, &cli->err)) == 1)
		return refused_in_use(cli, pid);
	if (rc != 0 || (rc = cw_store_last_txn(cli->session.db_dir, &txn, &cli->err)) != 0)
		return rc;
	if (txn != stats->txn)
		return cw_error_set(&cli->err, CW_EREFUSED, "database",
				    "%.300s was changed while it was being encrypted (another "
				    "casewatch?): run encrypt again",
				    cli->session.db_dir);
	return 0;
}

/* Puts the checked copy in place of the plain database. The key slot goes first: a crash
 * between the two renames then leaves the plain database with a spare slot beside it (which
 * the next encrypt replaces), never an encrypted file without its key. */
static int swap_in(struct cw_cli *cli, const char *work)
{
	const char *dir = cli->session.db_dir;
	char from[4096], to[4096];
	int rc;

	snprintf(from, sizeof from, "%s/key", work);
	cw_store_keyslot_path(dir, to, sizeof to);
	if (rename(from, to) != 0)
		return cw_error_set(&cli->err, CW_EIO, "database", "cannot move %.300s: %s", from,
				    strerror(errno));
	if ((rc = sync_dir(dir, &cli->err)) != 0) {
		unlink(to);
		return rc;
	}
	snprintf(from, sizeof from, "%s/data.mdb", work);
	snprintf(to, sizeof to, "%s/data.mdb", dir);
	if (rename(from, to) != 0) {
		rc = cw_error_set(&cli->err, CW_EIO, "database", "cannot move %.300s: %s", from,
				  strerror(errno));
		cw_store_keyslot_path(dir, to, sizeof to);
		unlink(to);
		return rc;
	}
	/* Done: the database is the encrypted one. What is left is tidying up (the copy's lock
	 * file holds nothing secret), so its failures are told, not returned. */
	if (sync_dir(dir, &cli->err) != 0 || remove_work_dir(work, &cli->err) != 0 ||
	    sync_dir(dir, &cli->err) != 0) {
		char msg[CW_ERROR_LINE_MAX];

		cw_error_format(&cli->err, msg, sizeof msg);
		fprintf(stderr, _("casewatch: warning: %s\n"), msg);
		cw_error_clear(&cli->err);
	}
	return 0;
}

/* After a failure before the swap: the work folder goes and the message says that the plain
 * database is as it was. */
static int abandon(struct cw_cli *cli, const char *work, int rc)
{
	struct cw_error cleanup = {0};
	size_t used = strlen(cli->err.message);
	const char *note = _("; the plain database was left as it was");

	if (remove_work_dir(work, &cleanup) != 0)
		note = _("; the plain database was left as it was, but the copy could not be "
			 "removed");
	if (used + strlen(note) < sizeof cli->err.message)
		memcpy(cli->err.message + used, note, strlen(note) + 1);
	return rc;
}

int cw_cmd_encrypt(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_kdf_params kdf = cw_kdf_default();
	struct cw_copy_stats stats;
	struct cw_store_alone alone = {-1};
	struct cw_session *s = &cli->session;
	struct cw_opt opt;
	struct cw_id id;
	char work[3900], *pass = NULL; /* room left for the names of the files in it */
	size_t len;
	int rc, i = first_arg, encrypted;

	(void)cmd;
	while ((rc = cw_cli_next_opt(cli, &i, "help,json", &opt)) == 1) {
		if (!strcmp(opt.name, "kdf-cost") && !strcmp(opt.value, "minimal"))
			kdf = cw_kdf_cheapest(); /* tests only: protects nothing */
		else if (!strcmp(opt.name, "kdf-cost") && strcmp(opt.value, "default") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, "kdf-cost",
					    "is 'default' or 'minimal' (tests only)");
		else if (strcmp(opt.name, "help") && strcmp(opt.name, "json") &&
			 strcmp(opt.name, "kdf-cost"))
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "unknown option; see casewatch encrypt --help");
	}
	if (rc < 0 || (rc = cw_store_identify(s->db_dir, &id, &encrypted, &cli->err)) != 0)
		return rc;
	if ((size_t)snprintf(work, sizeof work, "%s/.encrypting", s->db_dir) >= sizeof work)
		return cw_error_set(&cli->err, CW_EUSAGE, "db", "the folder's path is too long");
	if (encrypted)
		return cw_error_set(&cli->err, CW_EREFUSED, "database",
				    "the database in %.300s is encrypted already ('casewatch "
				    "passphrase' changes its passphrase)",
				    s->db_dir);
	if ((rc = refuse_in_use(cli)) != 0)
		return rc;
	/* Its first passphrase, as for init: --new-passphrase-* when given, else the usual
	 * source (the terminal asks twice). */
	rc = s->new_pass.fd >= 0 || s->new_pass.file
		     ? cw_session_new_passphrase(s, "New passphrase", &pass, &len, &cli->err)
		     : cw_session_passphrase(s, "New passphrase", 1, &pass, &len, &cli->err);
	if (rc == 0 && (rc = cw_passphrase_check_new(pass, len, &cli->err)) != 0)
		cw_passphrase_free(pass);
	if (rc != 0)
		return rc;
	s->encrypting = 1;
	if ((rc = cw_cli_open_store(cli, 0)) != 0)
		goto out;
	if (cw_store_encrypted(s->store)) { /* encrypted by someone else since it was looked at */
		rc = cw_error_set(&cli->err, CW_EREFUSED, "database",
				  "the database in %.300s is encrypted already", s->db_dir);
		goto out;
	}
	if ((rc = remove_work_dir(work, &cli->err)) != 0)
		goto out;
	if (mkdir(work, 0700) != 0) {
		rc = cw_error_set(&cli->err, CW_EIO, "database", "cannot create %.300s: %s", work,
				  strerror(errno));
		goto out;
	}
	rc = build_copy(cli, work, &kdf, pass, len, &stats);
	cw_session_close(s);
	if (rc == 0)
		rc = still_current(cli, &stats, &alone);
	if (rc == 0)
		rc = swap_in(cli, work);
	cw_store_alone_end(&alone);
	if (rc != 0) {
		rc = abandon(cli, work, rc);
		goto out;
	}
	/* Each number its own plural, as the bundle's summary does. */
	fprintf(cli->out, _("encrypted %s: "), s->db_dir);
	fprintf(cli->out, P_("%zu record, ", "%zu records, ", stats.records), stats.records);
	fprintf(cli->out, P_("%zu deletion, ", "%zu deletions, ", stats.tombstones),
		stats.tombstones);
	fprintf(cli->out,
		P_("%zu conflicting version, ", "%zu conflicting versions, ", stats.conflicts),
		stats.conflicts);
	fprintf(cli->out, P_("%zu audit entry and ", "%zu audit entries and ", stats.audit),
		stats.audit);
	fprintf(cli->out,
		P_("%zu enrolled peer copied and checked; ",
		   "%zu enrolled peers copied and checked; ", stats.enrolled),
		stats.enrolled);
	fprintf(cli->out, _("the plaintext file data.mdb was replaced by the encrypted copy\n"));
	fprintf(cli->out, _("Warning: the old file's blocks may remain on the disk until they are "
			    "overwritten; keep full-disk encryption on as well.\n"));
	/* The same words as init's, for any role. */
	fprintf(cli->out,
		_("Without the passphrase nothing in it can be read: write a recovery file "
		  "now with 'casewatch key export --to FILE' and keep it off this laptop, "
		  "with someone your team trusts to hold it.\n"));
out:
	cw_passphrase_free(pass);
	return rc;
}
