/* cmd_backup.c - `casewatch backup`, `casewatch restore` and `casewatch compact`; see
 * commands.h and store/backup.h (the file's layout, and why it is one file). */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "store/backup.h"

const char cw_backup_help[] =
	N_("Writes a consistent, compacted copy of the database while others read and write it:\n"
	   "one file holding data.mdb and, for an encrypted database, its key slot (the copy\n"
	   "stays encrypted: only the passphrase, or a recovery file, opens it), with a checksum.\n"
	   "The file appears whole or not at all (mode 0600; an older one of the same name is\n"
	   "replaced). The time is noted in the database: the terminal interface says when the\n"
	   "last backup is older than backup_warn_after in the config file (7d by default).\n"
	   "  -o FILE, --output FILE   the backup file (required; not - : a backup is a file)\n"
	   "  --without-key            leave the key slot out: only a recovery file (casewatch\n"
	   "                           key export) opens the copy, and destroy-key or a new\n"
	   "                           passphrase reaches it as it reaches the database\n"
	   "  --json                   {\"file\", \"database\", \"encrypted\", \"key_slot\",\n"
	   "                           \"made\", \"bytes\"}\n");

const char cw_restore_help[] = N_(
	"Restores a backup into a new folder (--db DIR, or $CASEWATCH_DB): never over a\n"
	"database, nor into a folder that holds anything. The file is checked whole first (a\n"
	"backup cut short or damaged is refused before anything is written), then `verify` runs\n"
	"on what was restored (with the key: the passphrase the database had when the backup\n"
	"was made) and says what it found. A backup made --without-key restores with no key\n"
	"slot: give it the key with 'casewatch --db DIR key import RECOVERY-FILE', then run\n"
	"'casewatch --db DIR verify'. The restored database is the same database (same id):\n"
	"use it instead of the lost one, not beside it.\n"
	"  --json   {\"restored\": {...}, \"verify\": {...}}\n");

const char cw_compact_help[] =
	N_("Rewrites the database file without its free pages: LMDB never gives back the old\n"
	   "copies of pages that writes leave, so after a large import or bundle a third of the\n"
	   "file or more can be free. The copy is LMDB's own compacting copy, written beside\n"
	   "data.mdb (mode 0600, synced) and put in its place only when no other casewatch has\n"
	   "the database open and nothing was written meanwhile; otherwise nothing changes. No\n"
	   "passphrase is needed: the sealed values are copied as they are. import and seed\n"
	   "compact by themselves when a fifth or more of a file over 8 MiB is free.\n"
	   "  --json   {\"db\", \"before\", \"after\", \"free_before\"} in bytes\n");

static json_t *info_json(const char *file, const char *dir, const struct cw_backup_info *info)
{
	char id[CW_ID_HEX_LEN + 1], made[32];

	cw_id_hex(&info->database, id);
	cw_time_format(info->made, made);
	return json_pack("{s:s,s:s,s:s,s:b,s:b,s:s,s:I,s:I}", "file", file, "db", dir, "database",
			 id, "encrypted", info->encrypted, "key_slot",
			 info->encrypted && !info->without_key, "made", made, "bytes",
			 (json_int_t)info->file_bytes, "data_bytes", (json_int_t)info->data_bytes);
}

/* Sizes for people: 12 KiB, 3.4 MiB. */
static void human(uint64_t bytes, char *out, size_t len)
{
	if (bytes < 1024 * 1024)
		snprintf(out, len, _("%llu KiB"), (unsigned long long)((bytes + 1023) / 1024));
	else
		snprintf(out, len, _("%.1f MiB"), (double)bytes / (1024.0 * 1024.0));
}

int cw_cmd_backup(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_backup_info info;
	struct cw_opt opt;
	struct cw_error note;
	const char *file = NULL;
	char *dir = NULL, size[32], was[32] = "";
	struct stat sb;
	int rc, i = first_arg, without_key = 0;

	(void)cmd;
	for (;;) {
		if (i < cli->argc && !strcmp(cli->argv[i], "-o")) {
			if (i + 1 >= cli->argc || cw_cli_looks_like_option(cli->argv[i + 1]))
				return cw_error_set(&cli->err, CW_EUSAGE, "o", "needs a file name");
			if ((rc = cw_cli_given_once(cli, "o", i)) != 0)
				return rc;
			file = cli->argv[i + 1];
			i += 2;
			continue;
		}
		if ((rc = cw_cli_next_opt(cli, &i, "json,help,without-key", &opt)) != 1)
			break;
		if (!strcmp(opt.name, "output"))
			file = opt.value;
		else if (!strcmp(opt.name, "without-key"))
			without_key = 1;
		else if (strcmp(opt.name, "json") && strcmp(opt.name, "help"))
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	}
	if (rc < 0)
		return rc;
	if (!file || !*file)
		return cw_error_set(&cli->err, CW_EUSAGE, "output",
				    "say where: casewatch backup -o FILE");
	/* Not standard output, as for reports and bundles: a backup is rewritten and read back
	 * as it is made (its lengths, its checksum), and must appear whole or not at all, which
	 * a stream cannot do. Refused like -o /dev/stdout, rather than written to a file named
	 * "-" in the current folder (a review found one there). */
	if (!strcmp(file, "-"))
		return cw_error_set(&cli->err, CW_EINVAL, "output",
				    "a backup cannot go to standard output (-): it is checked and "
				    "put in place whole, so give a file name");
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_store_backup(cli->session.store, file, without_key, &info, &cli->err)) != 0)
		return rc;
	{
		char path[4200];

		snprintf(path, sizeof path, "%s/data.mdb", cli->session.db_dir);
		if (stat(path, &sb) == 0)
			human((uint64_t)sb.st_size, was, sizeof was);
	}
	human(info.file_bytes, size, sizeof size);
	if (cli->json) {
		if ((rc = cw_cli_print_json(cli, info_json(file, cli->session.db_dir, &info))) != 0)
			return rc;
	} else {
		char *safe = cw_text_for_terminal(file, 0);

		fprintf(cli->out, _("backup written to %s: %s"), safe ? safe : _("the file"), size);
		if (was[0])
			fprintf(cli->out, _(" (the database file: %s)"), was);
		fprintf(cli->out, ", %s\n",
			!info.encrypted    ? _("NOT encrypted")
			: info.without_key ? _("encrypted, without its key slot: only a recovery "
					       "file opens it")
					   : _("encrypted, with its key slot"));
		free(safe);
	}
	/* The time goes into the database itself, which this process must have closed first
	 * (LMDB allows one handle per process). A database on read-only media cannot take it:
	 * the backup is good all the same. */
	if (!(dir = strdup(cli->session.db_dir)))
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	cw_session_close(&cli->session);
	if (cw_store_note_backup(dir, info.made, &note) != 0) {
		char line[CW_ERROR_LINE_MAX], *safe;

		cw_error_format(&note, line, sizeof line);
		safe = cw_text_for_terminal(line, 0);
		fprintf(stderr, _("casewatch: warning: %s\n"), safe ? safe : line);
		free(safe);
	}
	free(dir);
	return 0;
}

int cw_cmd_restore(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_backup_info info;
	struct cw_opt opt;
	json_t *report = NULL;
	const char *file = NULL;
	char made[32], size[32];
	int rc, vrc, i = first_arg;

	(void)cmd;
	if (i < cli->argc && strncmp(cli->argv[i], "--", 2) != 0)
		file = cli->argv[i++];
	while ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) == 1) {
		if (!strcmp(opt.name, "db")) {
			cli->session.db_dir = opt.value;
			cli->session.db_given = cli->session.db_option = 1;
		} else if (strcmp(opt.name, "json") && strcmp(opt.name, "help")) {
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
		}
	}
	if (rc < 0)
		return rc;
	if (!file)
		return cw_error_set(&cli->err, CW_EUSAGE, "file",
				    "give the backup: casewatch restore FILE --db DIR");
	if ((rc = cw_backup_restore(file, cli->session.db_dir, &info, &cli->err)) != 0)
		return rc;
	cw_time_format(info.made, made);
	human(info.file_bytes, size, sizeof size);
	if (!cli->json) {
		char *f = cw_text_for_terminal(file, 0),
		     *d = cw_text_for_terminal(cli->session.db_dir, 0);

		fprintf(cli->out, _("restored %s (made %s, %s, %s) into %s\n"),
			f ? f : _("the backup"), made, size,
			info.encrypted ? _("encrypted") : _("NOT encrypted"),
			d ? d : _("the folder"));
		if (info.without_key)
			fprintf(cli->out,
				_("it was made without its key slot: give it the key with "
				  "'casewatch --db %s key import RECOVERY-FILE', then run "
				  "'casewatch --db %s verify'\n"),
				d ? d : "DIR", d ? d : "DIR");
		free(f);
		free(d);
		fflush(cli->out); /* before a passphrase prompt */
	}
	/* No key to open it with: checked whole (the checksum), verified once the key is in. */
	if (info.without_key) {
		if (cli->json)
			return cw_cli_print_json(
				cli,
				json_pack("{s:o,s:n}", "restored",
					  info_json(file, cli->session.db_dir, &info), "verify"));
		return 0;
	}
	/* What was restored is checked as `verify` checks it, opened read-only with its key. */
	if ((rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	vrc = cw_cli_verify_open(cli, cli->json ? &report : NULL);
	if (cli->json && (vrc == 0 || vrc == CW_EDAMAGED)) {
		struct cw_error keep = cli->err;

		if ((rc = cw_cli_print_json(cli,
					    json_pack("{s:o,s:o}", "restored",
						      info_json(file, cli->session.db_dir, &info),
						      "verify", report))) != 0)
			return rc;
		cli->err = keep;
	}
	/* The restored database is the state of that backup: its last backup is the one it
	 * came from (so the terminal interface does not call it never backed up). */
	if (vrc == 0) {
		char *dir = strdup(cli->session.db_dir);
		struct cw_error note;

		cw_session_close(&cli->session);
		if (dir && cw_store_note_backup(dir, info.made, &note) != 0)
			vrc = cw_error_set(&cli->err, note.code, note.field, "%s", note.message);
		free(dir);
	}
	return vrc;
}

int cw_cmd_compact(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_compact_stats stats;
	struct cw_opt opt;
	char before[32], after[32];
	int rc, i = first_arg;

	(void)cmd;
	while ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) == 1)
		if (strcmp(opt.name, "json") && strcmp(opt.name, "help"))
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "unknown option; see casewatch compact --help");
	if (rc < 0)
		return rc;
	cw_session_close(&cli->session); /* the store must not be open in this process */
	if ((rc = cw_store_compact(cli->session.db_dir, &stats, &cli->err)) != 0)
		return rc;
	if (cli->json)
		return cw_cli_print_json(
			cli, json_pack("{s:s,s:I,s:I,s:I}", "db", cli->session.db_dir, "before",
				       (json_int_t)stats.before, "after", (json_int_t)stats.after,
				       "free_before", (json_int_t)stats.free_before));
	human(stats.before, before, sizeof before);
	human(stats.after, after, sizeof after);
	fprintf(cli->out, _("compacted %s: %s -> %s\n"), cli->session.db_dir, before, after);
	return 0;
}

int cw_cli_compact_if_worth(struct cw_cli *cli)
{
	uint64_t file, free_bytes;
	struct cw_compact_stats stats;
	struct cw_error err;
	char before[32], after[32];

	cw_session_close(&cli->session);
	if (cw_store_free_space(cli->session.db_dir, &file, &free_bytes, &err) != 0 ||
	    file < ((uint64_t)8 << 20) || free_bytes * 5 < file)
		return 0;
	/* Best effort: the import is done and durable whatever happens here. */
	if (cw_store_compact(cli->session.db_dir, &stats, &err) != 0) {
		char line[CW_ERROR_LINE_MAX], *safe;

		cw_error_format(&err, line, sizeof line);
		safe = cw_text_for_terminal(line, 0);
		fprintf(stderr, _("casewatch: note: not compacted (%s)\n"), safe ? safe : line);
		free(safe);
		return 0;
	}
	human(stats.before, before, sizeof before);
	human(stats.after, after, sizeof after);
	fprintf(cli->out, _("compacted the database file: %s -> %s\n"), before, after);
	return 0;
}
