/* run.c - the table of commands, help and usage, and dispatch; see run.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/settings.h"
#include "cli/commands.h"
#include "cli/pager.h"
#include "cli/run.h"
#include "models/i18n.h"
#include "tui/tui.h"

/* Global flags may stand anywhere among a command's options. */
/* The flags every command takes. --no-pager is the front end's own, before the command or
 * after it (as the man page has it): taken out of the arguments the command reads, so that
 * no command's own parsing calls it unexpected. The passphrase options (and their values)
 * likewise, after the command: each command's parser knew them or not, so `identity
 * --passphrase-file F` was an unexpected argument and a command that opened the database
 * before reading its options asked the terminal instead. Taken here, every command has them
 * before it opens anything. Fails only on a --passphrase-fd that is not a number. */
/* The passphrase options, each with a value: "--passphrase-file F" or "--passphrase-file=F". */
static const char *const with_value[] = {"passphrase-file", "passphrase-fd", "new-passphrase-file",
					 "new-passphrase-fd"};

/* Whether arg is one of them: alone ("--passphrase-fd") or, with `joined`, with its value after
 * '=' ("--passphrase-fd=3"). */
static int passphrase_option(const char *arg, int joined)
{
	if (strncmp(arg, "--", 2) != 0)
		return 0;
	for (size_t k = 0; k < sizeof with_value / sizeof with_value[0]; k++) {
		size_t n = strlen(with_value[k]);

		if (!strncmp(arg + 2, with_value[k], n) && arg[2 + n] == (joined ? '=' : '\0'))
			return 1;
	}
	return 0;
}

static int scan_flags(struct cw_cli *cli, int first)
{
	int kept = 0, rc;

	for (int i = 0; i < cli->argc; i++) {
		const char *a = cli->argv[i];
		int taken = 0;

		if (!strcmp(a, "--json"))
			cli->json = 1;
		else if (!strcmp(a, "--yes"))
			cli->yes = 1;
		else if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			cli->help = 1;
		else if (!strcmp(a, "--no-pager")) {
			cli->no_pager = 1;
			if (i >= first) /* before the command, the arguments' places stay */
				continue;
		}
		/* Before the command, cw_cli_run has taken them already. Without its value (the
		 * last argument), it stays for the command to say so. */
		for (size_t o = 0;
		     i >= first && !taken && o < sizeof with_value / sizeof *with_value; o++) {
			size_t n = strlen(with_value[o]);

			if (strncmp(a, "--", 2) != 0 || strncmp(a + 2, with_value[o], n) != 0)
				continue;
			if (a[2 + n] == '=')
				taken = 1;
			else if (!a[2 + n] && i + 1 < cli->argc &&
				 !cw_cli_looks_like_option(cli->argv[i + 1]))
				taken = 2; /* "--passphrase-file --json" took --json for the file */
			else
				continue;
			if ((rc = cw_cli_passphrase_option(cli, with_value[o],
							   taken == 1 ? a + 3 + n
								      : cli->argv[i + 1])) < 0)
				return rc;
		}
		if (taken) {
			i += taken - 1;
			continue;
		}
		cli->argv[kept++] = cli->argv[i];
	}
	cli->argc = kept;
	return 0;
}

static const char filter_help[] =
	N_("Filters:\n"
	   "  --article LIST      any of these articles: 494/495, \"437 bis\", \"LNIPT 231\"\n"
	   "                      (with --kind visit or demonstration: also those that met,\n"
	   "                      or record arrested, someone a case charges under them)\n"
	   "  --kind KINDS        hearing, visit, demonstration, milestone, incident (short: h, v, "
	   "d,\n"
	   "                      ms, inc)\n"
	   "  --account LIST      whose account: own, un, government, media, ngo, other, unknown\n"
	   "                      (several: un,government); a person's own account for people\n"
	   "  --since DATE        on or after; DATE is YYYY, YYYY-MM or YYYY-MM-DD, or today,\n"
	   "                      yesterday, monday, last friday, -2d, last week ...\n"
	   "  --until DATE        on or before (the whole month or year when partial)\n"
	   "  --court TEXT        court name contains TEXT\n"
	   "  --province TEXT     province name contains TEXT\n"
	   "  --person TEXT       a person's name, part of it, or id\n"
	   "  --case TEXT         a case title, part of it, or id\n"
	   "  --text TEXT         free text in names, titles, notes and sources, and in the\n"
	   "                      names of a record's people and case; any letter case, NFC\n"
	   "                      or NFD, zero-width characters ignored\n"
	   "  --filter LINE       all of the above as one line: article:494/495 kind:hearing ...\n"
	   "  --limit N, --offset N, --oldest-first, --json\n");

static const struct cw_command commands[] = {
	{"init", NULL, cw_cmd_init, 0,
	 "casewatch init [--no-encryption] [--kdf-cost default|minimal] "
	 "[--new-passphrase-file FILE | --new-passphrase-fd N]",
	 N_("create the database (encrypted: asks for a passphrase)"), cw_init_help, 0, 0},
	{"seed", NULL, cw_cmd_seed, 0, "casewatch [--db DIR] seed [FILE]",
	 N_("load the demo data from the UN documents (idempotent; into its own demo database "
	    "unless --db names one)"),
	 NULL, 0, 0},
	{"person", "add", cw_cmd_add, CW_KIND_PERSON,
	 "casewatch person add --name NAME | --name-km NAME [options]", N_("add a person"), NULL, 0,
	 0},
	{"person", "merge", cw_cmd_merge, 0, "casewatch person merge KEEP OTHER [--json]",
	 N_("one person recorded twice becomes one: OTHER's records name KEEP"), cw_merge_help, 0,
	 0},
	{"case", "add", cw_cmd_add, CW_KIND_CASE,
	 "casewatch case add --title TITLE [--defendant PERSON --charge ARTICLES ...] [options]",
	 N_("add a case with its defendants and charges"), NULL, 0, 0},
	{"log", "hearing", cw_cmd_add, CW_KIND_HEARING,
	 "casewatch log hearing --case CASE --date DATE [options]", N_("log a trial hearing"), NULL,
	 0, 0},
	{"log", "visit", cw_cmd_add, CW_KIND_VISIT,
	 "casewatch log visit --facility PRISON --date DATE [options]", N_("log a prison visit"),
	 NULL, 0, 0},
	{"log", "demo", cw_cmd_add, CW_KIND_DEMO, "casewatch log demo --date DATE [options]",
	 N_("log a demonstration"), NULL, 0, 0},
	{"log", "milestone", cw_cmd_add, CW_KIND_MILESTONE,
	 "casewatch log milestone (--person PERSON | --case CASE --group LABEL) --type TYPE "
	 "[--case CASE] [--date DATE] [options]",
	 N_("log a milestone in a person's case"), NULL, 0, 0},
	{"log", "incident", cw_cmd_add, CW_KIND_INCIDENT,
	 "casewatch log incident --type TYPE --date DATE [options]",
	 N_("log an incident: an outlet closed, accounts blocked, candidates removed, rights "
	    "restored, "
	    "a policy"),
	 NULL, 0, 0},
	{"edit", NULL, cw_cmd_edit, 0, "casewatch edit ID [options of the record's kind]",
	 N_("change fields of a record"), NULL, 0, 0},
	{"delete", NULL, cw_cmd_delete, 0, "casewatch delete ID [--yes]", N_("delete a record"),
	 NULL, 0, 0},
	{"undo", NULL, cw_cmd_undo, 0, "casewatch undo [--show | --forget] [--json]",
	 N_("take back the last add, edit, delete or merge made on this laptop"), cw_undo_help, 0,
	 0},
	{"list", NULL, cw_cmd_list, 0, "casewatch list persons|cases|records [filters] [--json]",
	 N_("list records, newest first"), NULL, 1, 1},
	{"show", NULL, cw_cmd_show, 0, "casewatch show ID [--json]", N_("show one record in full"),
	 NULL, 1, 1},
	{"timeline", NULL, cw_cmd_timeline, 0, "casewatch timeline PERSON [--json]",
	 N_("a defendant's cases, charges and events in date order"), NULL, 1, 1},
	{"import", NULL, cw_cmd_import, 0, "casewatch import FILE.jsonl",
	 N_("import records (one JSON object a line) in one transaction"), NULL, 0, 0},
	{"articles", NULL, cw_cmd_articles, 0, "casewatch articles [--json]",
	 N_("the built-in table of charge articles"), NULL, 0, 1},
	{"agenda", NULL, cw_cmd_agenda, 0,
	 "casewatch agenda [--days N] [--from DATE] [filters] [--json]",
	 N_("hearings set and follow-up visits due in the coming days, grouped by day"),
	 cw_agenda_help, 1, 1},
	{"drafts", "delete", cw_cmd_drafts, 0, "casewatch drafts delete ID",
	 N_("delete a draft and wipe what it held"), cw_drafts_help, 0, 0},
	{"drafts", NULL, cw_cmd_drafts, 0, "casewatch drafts [--json]",
	 N_("forms kept unfinished in the terminal interface, to complete"), cw_drafts_help, 1, 1},
	/* files kept with records */
	{"attach", NULL, cw_cmd_attach, 0,
	 N_("casewatch attach RECORD FILE... [--caption TEXT] [--json]"),
	 N_("keep files with a record (photos, scans, recordings), encrypted"), cw_attach_help, 0,
	 0},
	{"attachments", NULL, cw_cmd_attachments, 0,
	 N_("casewatch attachments RECORD [--detached] [--json]"),
	 N_("list a record's attachments; \"missing\" when a bundle left the content out"),
	 cw_attachments_help, 1, 1},
	{"open", NULL, cw_cmd_open, 0, N_("casewatch open ATTACHMENT [-o FILE]"),
	 N_("open an attachment with its viewer, through a private temporary file"), cw_open_help,
	 1, 0},
	{"caption", NULL, cw_cmd_caption, 0, N_("casewatch caption ATTACHMENT TEXT | --clear"),
	 N_("change an attachment's caption"), cw_caption_help, 0, 0},
	{"detach", NULL, cw_cmd_detach, 0, N_("casewatch detach ATTACHMENT"),
	 N_("detach an attachment and wipe its content"), cw_detach_help, 0, 0},
	/* report and export commands */
	{"report", NULL, cw_cmd_report, 0,
	 "casewatch report [--week YYYY-Www | --from DATE --to DATE] [filters] "
	 "[--organisation NAME] [--confidentiality TEXT] [--lang km|en] "
	 "[--format md|html|csv|json|pdf] [-o FILE]",
	 N_("a weekly summary for partners: hearings, arrests, verdicts, visits, demonstrations"),
	 cw_report_help, 1, 1},
	{"export", NULL, cw_cmd_export, 0,
	 "casewatch export [persons|cases|records] --format csv|json|ics [filters] "
	 "[--timeline PERSON] [-o FILE]",
	 N_("records, a timeline or the agenda as CSV, JSON or iCalendar"), cw_export_help, 1, 1},
	/* sync commands */
	{"bundle", "export", cw_cmd_bundle_export, 0,
	 "casewatch bundle export -o FILE [--force] --to PEER[,PEER...] [--since DATE | --all] "
	 "[--without-confidential] | --plain (--since DATE | --all) [--no-attachments]",
	 N_("write a signed bundle of changes, encrypted for enrolled peers"),
	 cw_bundle_export_help, 0, 0},
	{"bundle", "import", cw_cmd_bundle_import, 0,
	 "casewatch bundle import FILE [--accept-removed] [--json]",
	 N_("merge a bundle from another database (all or nothing)"), cw_bundle_import_help, 0, 0},
	{"bundle", "inspect", cw_cmd_bundle_inspect, 0,
	 "casewatch bundle inspect FILE [--all] [--json]",
	 N_("check a bundle: who signed it, for whom, what it holds; without importing"),
	 cw_bundle_inspect_help, 1, 1},
	{"bundle", "content", cw_cmd_bundle_content, 0, "casewatch bundle content [--digest]",
	 N_("the database's content as sync compares it"), cw_bundle_content_help, 1, 1},
	{"bundle", "peers", cw_cmd_bundle_peers, 0, "casewatch bundle peers",
	 N_("peers bundles were exported to, and when"), NULL, 1, 1},
	{"conflicts", "resolve", cw_cmd_conflicts, 0,
	 "casewatch conflicts resolve ID --keep N [--take FIELD=M[,FIELD=M]]",
	 N_("resolve a conflict by choosing one version"), cw_conflicts_help, 0, 0},
	{"conflicts", NULL, cw_cmd_conflicts, 0, "casewatch conflicts [--json]",
	 N_("records whose versions from different laptops conflict"), cw_conflicts_help, 1, 1},
	{"audit", NULL, cw_cmd_audit, 0, "casewatch audit [--record ID] [--limit N] [--json]",
	 N_("who changed what, where and when, here and in the field"), cw_audit_help, 1, 1},
	{"verify", NULL, cw_cmd_verify, 0, "casewatch verify [--json]",
	 N_("check the database without trusting it; nothing is written"), cw_verify_help, 1, 1},
	/* who this database is, and whom it trusts */
	{"identity", NULL, cw_cmd_identity, 0, "casewatch identity [--key] [--json]",
	 N_("this database's public key and fingerprint, to give to peers"), cw_identity_help, 0,
	 1},
	{"peer", "add", cw_cmd_peer_add, 0, "casewatch peer add NAME KEY [--partner] [--readmit]",
	 N_("trust another laptop's key: accept its bundles, encrypt bundles for it"), cw_peer_help,
	 0, 0},
	{"peer", "list", cw_cmd_peer_list, 0, "casewatch peer list [--removed] [--json]",
	 N_("the enrolled peers, with their roles and fingerprints"), cw_peer_help, 1, 1},
	{"peer", "role", cw_cmd_peer_role, 0, "casewatch peer role NAME team|partner",
	 N_("make a peer one of the team or a partner (which gets no confidential material)"),
	 cw_peer_help, 0, 0},
	{"peer", "remove", cw_cmd_peer_remove, 0, "casewatch peer remove NAME",
	 N_("stop trusting a peer's key"), cw_peer_help, 0, 0},
	{"check-signature", NULL, cw_cmd_check_signature, 0,
	 "casewatch check-signature FILE [SIGNATURE] [--fingerprint FINGERPRINT] [--json]",
	 N_("check that a file written with --sign is every byte its signer wrote, and who"),
	 cw_check_signature_help, 1, 0},
	/* backups */
	{"backup", NULL, cw_cmd_backup, 0, "casewatch backup -o FILE [--without-key] [--json]",
	 N_("write a consistent, compacted backup while others read and write"), cw_backup_help, 1,
	 0},
	{"restore", NULL, cw_cmd_restore, 0, "casewatch restore FILE --db DIR [--json]",
	 N_("restore a backup into a new folder and verify it"), cw_restore_help, 1, 0},
	{"compact", NULL, cw_cmd_compact, 0, "casewatch compact [--json]",
	 N_("rewrite the database file without its free pages (no other casewatch may have it "
	    "open)"),
	 cw_compact_help, 0, 0},
	{"upgrade", NULL, cw_cmd_upgrade, 0, "casewatch upgrade",
	 N_("bring a database written by an earlier casewatch to this one's schema, in place"),
	 cw_upgrade_help, 0, 0},
	/* the database's key */
	{"encrypt", NULL, cw_cmd_encrypt, 0, "casewatch encrypt",
	 N_("turn a plain database into an encrypted one (no other casewatch may have it open)"),
	 cw_encrypt_help, 0, 0},
	{"unlock", NULL, cw_cmd_unlock, 0, "casewatch unlock [--for 30m]",
	 N_("keep the key in the kernel keyring for a while so commands do not ask"), cw_keys_help,
	 0, 0},
	{"lock", NULL, cw_cmd_lock, 0, "casewatch lock [--all]",
	 N_("forget the unlocked key and lock the open terminal interfaces now"), cw_lock_help, 0,
	 0},
	{"passphrase", NULL, cw_cmd_passphrase, 0, "casewatch passphrase",
	 N_("change the passphrase (the data is not rewritten)"), cw_keys_help, 0, 0},
	{"key", "export", cw_cmd_key_export, 0, "casewatch key export --to FILE",
	 N_("write a recovery file: the key wrapped with a second passphrase"), cw_keys_help, 0, 0},
	{"key", "import", cw_cmd_key_import, 0, "casewatch key import FILE",
	 N_("restore access from a recovery file, with a new passphrase"), cw_keys_help, 0, 0},
	{"destroy-key", NULL, cw_cmd_destroy_key, 0, "casewatch destroy-key [--yes]",
	 N_("crypto-erase: the database can never be opened again without a recovery file"),
	 cw_keys_help, 0, 0},
};

static void print_usage(FILE *out)
{
	fputs(_("usage: casewatch [--db DIR] [--no-pager] COMMAND [options]\n\n"
		"Offline case monitoring for human-rights field teams: trial hearings, prison\n"
		"visits, demonstrations and defendants' timelines, filtered by the article "
		"charged.\n\n"
		"Commands:\n"),
	      out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		char name[48];

		snprintf(name, sizeof name, "%s%s%s", commands[i].name, commands[i].sub ? " " : "",
			 commands[i].sub ? commands[i].sub : "");
		fprintf(out, "  %-18s %s\n", name, _(commands[i].summary));
	}
	fputs(_("\nOptions before the command:\n"
		"  --db DIR            the database folder\n"
		"  --passphrase-file FILE, --passphrase-fd N\n"
		"                      read the passphrase from a file or a descriptor\n"
		"  --no-pager          never page the output\n"
		"  -h, --help          this text\n"
		"  -V, --version       print the version and exit\n"),
	      out);
	fputs(_("\nThe database is --db DIR, else $CASEWATCH_DB, else $XDG_DATA_HOME/casewatch.\n"
		"New records are signed with $CASEWATCH_AUTHOR, else 'author = NAME' in\n"
		"$XDG_CONFIG_HOME/casewatch/config, else the login name.\n"
		"On a terminal, output longer than the screen goes through $CASEWATCH_PAGER, else\n"
		"$PAGER, else 'less -FX'; --no-pager, or either set empty or to 'cat', turns it "
		"off.\n"
		"A line of the config file casewatch cannot take stops every command (FILE:LINE).\n"
		"Dates may be typed as YYYY-MM-DD (or YYYY, YYYY-MM), today, yesterday, tomorrow,\n"
		"monday (the last one, today included), next monday, last friday, +3d, -1w, next\n"
		"week or last week (their Monday).\n"
		"'casewatch COMMAND --help' explains a command's options. Exit status: 0 done,\n"
		"2 usage, 65 bad input, 66 not found, 71 out of memory, 74 database or file\n"
		"trouble (a full disk too), 77 no key, 78 a bad config file.\n"),
	      out);
}

const struct cw_command *cw_cli_commands(size_t *n)
{
	*n = sizeof commands / sizeof commands[0];
	return commands;
}

/* What cw_cli_run takes before the command (keep the two together). */
const char cw_cli_global_options[] = "--db --no-pager --passphrase-file --passphrase-fd "
				     "--new-passphrase-file --new-passphrase-fd --help --version";

void cw_cli_print_command_help(FILE *out, const struct cw_command *cmd)
{
	fprintf(out, _("usage: %s\n\n%s.\n\n"), cmd->usage, _(cmd->summary));
	if (cmd->help)
		fputs(_(cmd->help), out);
	else if (cmd->kind)
		cw_cli_print_record_options(out, cmd->kind);
	else if (cmd->run == cw_cmd_list)
		fputs(_(filter_help), out);
	else if (cmd->run == cw_cmd_edit)
		fputs(_("Takes the options of 'person add', 'case add' or 'log KIND' for the "
			"record's\n"
			"kind. Text fields are replaced, list options add, --clear FIELD "
			"empties.\n"),
		      out);
	else if (cmd->run == cw_cmd_delete)
		fputs(_("Asks before deleting unless --yes is given. People and cases that other\n"
			"records name cannot be deleted until those records are changed.\n"),
		      out);
	else if (cmd->run == cw_cmd_timeline || cmd->run == cw_cmd_show)
		fputs(_("PERSON or ID may be a full id, an id prefix of 6 or more digits, a name\n"
			"(an exact name, or a part that matches one person), or ref:REF for a "
			"record\n"
			"imported with a readable reference (ref:p-kem-sokha).\n"),
		      out);
	else if (cmd->run == cw_cmd_import) {
		fputs(_("Each line is a JSON object with \"kind\" and the kind's fields, as\n"
			"'show --json' prints them; \"ref\" gives a readable stable id. Bad "
			"lines\n"
			"are reported with their numbers (up to 20) and nothing from the file is "
			"written.\n"),
		      out);
		fputs(_("What 'list --json', 'export --format json' and 'show --json' print "
			"imports\n"
			"too. A file gives each record once. FILE - is standard input.\n"),
		      out);
	}
}

/* The second words of a command group ("hearing|visit|demo|milestone" for log) into buf;
 * returns how many there are (0: `name` is no group). A group may also have a command of its
 * own (conflicts). */
static int group_subs(const char *name, char *buf, size_t len)
{
	int n = 0;
	size_t used = 0;

	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
		if (strcmp(commands[c].name, name) != 0 || !commands[c].sub)
			continue;
		if (buf && used < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", n ? "|" : "",
						 commands[c].sub);
		n++;
	}
	return n;
}

static void print_group_help(FILE *out, const char *name)
{
	fprintf(out, _("'casewatch %s' takes one of these:\n\n"), name);
	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
		if (!strcmp(commands[c].name, name))
			fprintf(out, "  %s\n      %s\n", commands[c].usage, _(commands[c].summary));
	fprintf(out, _("\n'casewatch %s WORD --help' explains one of them.\n"), name);
}

/* Whether arg is one of the passphrase options given as --name=VALUE. */
int cw_cli_run(struct cw_cli *cli, int argc, char **argv)
{
	int i = 1, rc;

	cli->out = stdout;
	cw_session_init(&cli->session);
	/* A passphrase typed at the terminal may be mistyped: asked again, three times in all, as
	 * the terminal interface and sudo do (one from a file or descriptor is read once). */
	cli->session.tries = 3;
	while (i < argc && argv[i][0] == '-') {
		/* Two folders before the command: the last was taken, and a command meant for
		 * the one could change the other without a word, as another option given twice
		 * is refused (cw_cli_given_once). */
		if (cli->session.db_option &&
		    (!strcmp(argv[i], "--db") || !strncmp(argv[i], "--db=", 5)))
			return cw_error_set(&cli->err, CW_EUSAGE, "db",
					    "is given twice; give it once");
		if (!strcmp(argv[i], "--db") && i + 1 < argc &&
		    !cw_cli_looks_like_option(argv[i + 1])) {
			cli->session.db_dir = argv[i + 1];
			cli->session.db_given = 1;
			cli->session.db_option = 1;
			i += 2;
		} else if (!strncmp(argv[i], "--db=", 5)) {
			cli->session.db_dir = argv[i] + 5;
			cli->session.db_given = 1;
			cli->session.db_option = 1;
			i++;
		} else if (passphrase_option(argv[i], 0) && i + 1 < argc &&
			   !cw_cli_looks_like_option(argv[i + 1])) {
			if ((rc = cw_cli_passphrase_option(cli, argv[i] + 2, argv[i + 1])) < 0)
				return rc;
			i += 2;
		} else if (passphrase_option(argv[i], 1)) {
			/* --passphrase-file=FILE, as --db=DIR is taken (a trial had it refused) */
			char name[32];
			size_t n = (size_t)(strchr(argv[i], '=') - argv[i]) - 2;

			memcpy(name, argv[i] + 2, n);
			name[n] = '\0';
			if ((rc = cw_cli_passphrase_option(cli, name, argv[i] + 2 + n + 1)) < 0)
				return rc;
			i++;
		} else if (!strcmp(argv[i], "--no-pager")) {
			cli->no_pager = 1;
			i++;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cli->out = cw_paging_begin(cli->out, cli->no_pager);
			print_usage(cli->out);
			return 0;
		} else if (!strcmp(argv[i], "--version") || !strcmp(argv[i], "-V")) {
			fprintf(cli->out, "casewatch %s\n", PACKAGE_VERSION);
			return 0;
		} else if (!strcmp(argv[i], "--db") || passphrase_option(argv[i], 0)) {
			/* Last on the line, or before another option, with no value: one of
			 * these, not an unknown option. */
			return cw_error_set(&cli->err, CW_EUSAGE, argv[i] + 2,
					    "needs a value, or is not an option of this command "
					    "(see --help)");
		} else {
			char quoted[CW_CLI_QUOTED_MAX];

			return cw_error_set(&cli->err, CW_EUSAGE, "",
					    "unknown option %s; see casewatch --help",
					    cw_cli_quoted_arg(argv[i], quoted, sizeof quoted));
		}
	}
	/* --db "" would be the current folder to some commands and no folder to others: "no
	 * casewatch database in ; create one with 'casewatch --db  init'". */
	if (cli->session.db_option && !*cli->session.db_dir)
		return cw_error_set(&cli->err, CW_EUSAGE, "db", "is empty");
	if (i >= argc)
		return cw_tui_main(&cli->session, &cli->ended_by, &cli->err);
	if (!strcmp(argv[i], "completion"))
		return cw_cmd_completion(cli, argc - i - 1, argv + i + 1);
	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
		const struct cw_command *cmd = &commands[c];
		int first = i + 1;

		if (strcmp(argv[i], cmd->name) != 0)
			continue;
		if (cmd->sub) {
			if (first >= argc || strcmp(argv[first], cmd->sub) != 0)
				continue;
			first++;
		}
		cli->argc = argc;
		cli->argv = argv;
		if ((rc = scan_flags(cli, first)) < 0)
			return rc;
		if (cli->help || cmd->pages)
			cli->out = cw_paging_begin(cli->out, cli->no_pager);
		if (cli->help) {
			cw_cli_print_command_help(cli->out, cmd);
			return 0;
		}
		/* A mistyped config file stops a command before it does anything: a setting that
		 * was meant would otherwise be replaced by its default without a word. */
		if ((rc = cw_config_check(cw_config_path(), &cli->err)) != 0 ||
		    (rc = cw_author_env_check(&cli->err)) != 0)
			return rc;
		cli->session.read_only = cmd->reads;
		cli->once = cmd->reads;
		rc = cmd->run(cli, cmd, first);
		return rc;
	}
	if (group_subs(argv[i], NULL, 0)) {
		char subs[160];

		group_subs(argv[i], subs, sizeof subs);
		for (int a = i + 1; a < argc; a++)
			if (!strcmp(argv[a], "--help") || !strcmp(argv[a], "-h")) {
				cli->out = cw_paging_begin(cli->out, cli->no_pager);
				print_group_help(cli->out, argv[i]);
				return 0;
			}
		return cw_error_set(&cli->err, CW_EUSAGE, argv[i],
				    "say what: %s %s (casewatch %s --help)", argv[i], subs,
				    argv[i]);
	}
	return cw_error_set(&cli->err, CW_EUSAGE, "",
			    "unknown command '%.40s'; see casewatch --help", argv[i]);
}
