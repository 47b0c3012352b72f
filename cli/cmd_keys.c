/* cmd_keys.c - the commands on a database's key: unlock, lock, passphrase, destroy-key, key
 * export and key import; see commands.h. The key itself never passes through here in the
 * clear except to the keyring: store/vault.c wraps and unwraps it, app/unlock.c asks for
 * passphrases and talks to the kernel. */
#include "config.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"

const char cw_keys_help[] =
	"An encrypted database's master key is kept only wrapped by the passphrase (DIR/key,\n"
	"Argon2id). Every command that needs it asks for the passphrase on the terminal, or\n"
	"reads it with --passphrase-file FILE or --passphrase-fd N; a new or recovery\n"
	"passphrase is asked twice, or read with --new-passphrase-file or --new-passphrase-fd.\n"
	"  unlock [--for 30m]   keep the key in the kernel keyring for a while (default 30m,\n"
	"                       at most 7 days) so commands stop asking; 'lock' forgets it\n"
	"  passphrase           change the passphrase (the key and the data stay as they are)\n"
	"  key export --to FILE a recovery file: the key wrapped with a second passphrase, for\n"
	"                       the supervisor to keep\n"
	"  key import FILE      restore access from a recovery file, with a new passphrase\n"
	"  destroy-key [--yes]  crypto-erase: overwrite the key slot; the database can never be\n"
	"                       opened again without a recovery file\n";

/* The options of a key command: --yes, --for, --to; anything else is refused. */
struct key_opts {
	const char *for_text, *to;
	int yes;
};

static int key_options(struct cw_cli *cli, int i, struct key_opts *o, const char *takes)
{
	struct cw_opt opt;
	int rc;

	memset(o, 0, sizeof *o);
	while ((rc = cw_cli_next_opt(cli, &i, "yes,help,json", &opt)) == 1) {
		if (!strcmp(opt.name, "help") || !strcmp(opt.name, "json"))
			continue;
		if (!strstr(takes, opt.name))
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "unknown option; see casewatch --help");
		if (!strcmp(opt.name, "yes"))
			o->yes = 1;
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
	fprintf(cli->out, "unlocked %s for %uh%02um%02us (casewatch lock forgets the key now)\n",
		cli->session.db_dir, seconds / 3600, seconds / 60 % 60, seconds % 60);
	return 0;
}

int cw_cmd_lock(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct key_opts o;
	struct cw_id id;
	int rc, encrypted;

	(void)cmd;
	if ((rc = key_options(cli, first_arg, &o, "")) != 0 ||
	    (rc = cw_store_identify(cli->session.db_dir, &id, &encrypted, &cli->err)) != 0)
		return rc;
	if (!encrypted)
		return cw_error_set(&cli->err, CW_EUSAGE, "database",
				    "the database in %.300s is not encrypted: nothing to lock",
				    cli->session.db_dir);
	if ((rc = cw_keyring_remove(&id, &cli->err)) != 0)
		return rc;
	fprintf(cli->out, "locked %s: the next command asks for the passphrase\n",
		cli->session.db_dir);
	return 0;
}

/* Writes the open database's key into a slot at path, wrapped by a new passphrase asked twice. */
static int rewrap(struct cw_cli *cli, const char *path, const char *what, const struct cw_id *id)
{
	struct cw_kdf_params kdf = cw_kdf_default();
	char *pass;
	size_t len;
	int rc;

	if ((rc = cw_session_new_passphrase(&cli->session, what, &pass, &len, &cli->err)) != 0)
		return rc;
	rc = cw_keyslot_write(path, cw_store_vault(cli->session.store), pass, len, &kdf, id,
			      &cli->err);
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
	if ((rc = rewrap(cli, path, "New passphrase", &id)) != 0)
		return rc;
	fprintf(cli->out, "passphrase changed for %s\n", cli->session.db_dir);
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
	if ((rc = rewrap(cli, o.to, "Recovery passphrase (not the database's)", &id)) != 0)
		return rc;
	fprintf(cli->out,
		"wrote %s: the key of %s wrapped with the recovery passphrase; keep the file and "
		"the "
		"passphrase apart, away from this laptop\n",
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
	struct cw_store_options opt = {0, cli->session.author, 0, 0};
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
	    (rc = cw_keyslot_read_database(file, &file_id, &cli->err)) != 0)
		return rc;
	if (!encrypted)
		return cw_error_set(&cli->err, CW_EUSAGE, "database",
				    "the database in %.300s is not encrypted", cli->session.db_dir);
	if (!cw_id_equal(&id, &file_id))
		return cw_error_set(&cli->err, CW_EREFUSED, "file",
				    "%.300s is the recovery file of another database", file);
	if ((rc = cw_session_passphrase(&cli->session, "Recovery passphrase", 0, &pass, &len,
					&cli->err)) != 0)
		return rc;
	rc = cw_keyslot_open(file, pass, len, &id, &vault, &cli->err);
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
	if ((rc = rewrap(cli, path, "New passphrase", &id)) != 0)
		return rc;
	fprintf(cli->out, "key restored for %s with a new passphrase\n", cli->session.db_dir);
	return 0;
}

int cw_cmd_destroy_key(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct key_opts o;
	struct cw_id id;
	struct timespec t0, t1;
	char path[4096], answer[32];
	int rc, encrypted;

	(void)cmd;
	if ((rc = key_options(cli, first_arg, &o, "yes")) != 0 ||
	    (rc = cw_store_identify(cli->session.db_dir, &id, &encrypted, &cli->err)) != 0)
		return rc;
	if (!encrypted)
		return cw_error_set(&cli->err, CW_EUSAGE, "database",
				    "the database in %.300s is not encrypted: there is no key to "
				    "destroy",
				    cli->session.db_dir);
	if (!o.yes && !cli->yes) {
		if (!isatty(STDIN_FILENO))
			return cw_error_set(
				&cli->err, CW_EUSAGE, "yes",
				"not destroying the key without confirmation; add --yes");
		fprintf(stderr,
			"This makes %s unreadable for ever, unless a recovery file exists.\n"
			"Type 'destroy' to go on: ",
			cli->session.db_dir);
		if (!fgets(answer, sizeof answer, stdin) || strcmp(answer, "destroy\n") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, "yes",
					    "not confirmed; nothing done");
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cw_store_keyslot_path(cli->session.db_dir, path, sizeof path);
	if ((rc = cw_keyslot_destroy(path, &cli->err)) != 0 && rc != CW_ENOTFOUND)
		return rc;
	if ((rc = cw_keyring_remove(&id, &cli->err)) != 0)
		return rc;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(cli->out,
		"key destroyed in %.3f s: %s can no longer be opened; 'casewatch key import FILE' "
		"brings it back from a recovery file\n",
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		cli->session.db_dir);
	return 0;
}
