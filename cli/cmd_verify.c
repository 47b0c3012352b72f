/* cmd_verify.c - `casewatch verify`: the database checked without trusting it; see commands.h
 * and cw_store_verify in store/store.h. */
#include "config.h"

#include <jansson.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "models/i18n.h"
#include "models/text.h"

const char cw_verify_help[] = N_(
	"Reads the whole database (nothing is written) and checks what it can without trusting\n"
	"the file: every stored value opens with its key, every record decodes and owns exactly\n"
	"the index keys its content gives, every index entry belongs to the record it names,\n"
	"the counters equal a recount, every record has an entry in the audit log.\n"
	"Prints one line per problem and a summary; exit status 0 when nothing is wrong, 74\n"
	"when anything is (when the only problem is an index of people by name folded by\n"
	"another Unicode version, the last line says so: the records are intact, and 'casewatch\n"
	"upgrade' makes it again). --json prints {\"problems\": [...], \"records\": N, ...},\n"
	"with \"reindex\": true in that case.\n");

struct found {
	struct cw_cli *cli;
	json_t *list; /* --json */
};

static void print_problem(void *ctx, const char *line)
{
	struct found *f = ctx;

	if (f->list) {
		json_array_append_new(f->list, json_string(line));
		return;
	}
	cw_print_safe(f->cli->out, line, 0);
	fputc('\n', f->cli->out);
}

int cw_cli_verify_open(struct cw_cli *cli, json_t **out)
{
	struct cw_verify_stats stats;
	struct found f = {cli, NULL};
	int rc, reindex_only;

	if (out && !(f.list = json_array()))
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	if ((rc = cw_store_verify(cli->session.store, print_problem, &f, &stats, &cli->err)) != 0) {
		json_decref(f.list);
		return rc;
	}
	if (out)
		*out = json_pack("{s:o,s:I,s:I,s:I,s:b}", "problems", f.list, "records",
				 (json_int_t)stats.records, "index_entries",
				 (json_int_t)stats.index_entries, "audit_entries",
				 (json_int_t)stats.audit_entries, "encrypted",
				 cw_store_encrypted(cli->session.store));
	/* reindex: what the text's last line says when it is so, for a script to tell the two
	 * apart (74 either way): every problem found is an index to make again, the records
	 * intact, 'casewatch upgrade' mends it; false when there is none, or anything else. */
	reindex_only = stats.problems && stats.problems == stats.reindex;
	if (out && *out &&
	    (json_object_set_new(*out, "attachments",
				 json_integer((json_int_t)stats.attachments)) ||
	     json_object_set_new(*out, "attachment_bytes",
				 json_integer((json_int_t)stats.attachment_bytes)) ||
	     json_object_set_new(*out, "reindex", json_boolean(reindex_only)))) {
		json_decref(*out);
		*out = NULL;
	}
	if (!out) {
		char att[96] = "";

		/* Said only where there are any, so the line of a database without stays as it
		 * was. */
		if (stats.attachments)
			snprintf(att, sizeof att, _(", %zu attachments (%.1f MiB)"),
				 stats.attachments, (double)stats.attachment_bytes / 1048576.0);
		fprintf(cli->out,
			_("%s: %zu records, %zu index entries, %zu audit entries%s checked; %zu "
			  "problem%s\n"),
			cli->session.db_dir, stats.records, stats.index_entries,
			stats.audit_entries, att, stats.problems, stats.problems == 1 ? "" : "s");
	}
	if (out && !*out)
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	/* An index to make again under this casewatch's Unicode version is no damage: every
	 * value opened and every record decoded. It still needs doing (74: not clean), and the
	 * line says what it is and what does it. */
	if (reindex_only)
		return cw_error_set(
			&cli->err, CW_EDAMAGED, "database",
			"the index of people by name is to be made again for this "
			"casewatch's Unicode version; the records are intact and nothing "
			"else is wrong: run 'casewatch --db %.300s upgrade'",
			cli->session.db_dir);
	if (stats.problems)
		return cw_error_set(&cli->err, CW_EDAMAGED, "database",
				    "%zu problem%s found: the database was altered or is damaged",
				    stats.problems, stats.problems == 1 ? "" : "s");
	return 0;
}

int cw_cmd_verify(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_opt opt;
	json_t *report = NULL;
	int rc, i = first_arg;

	(void)cmd;
	while ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) == 1)
		if (strcmp(opt.name, "json") && strcmp(opt.name, "help"))
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	if (rc < 0)
		return rc;
	cli->session.read_only = 1;
	if ((rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	rc = cw_cli_verify_open(cli, cli->json ? &report : NULL);
	/* The report is printed whatever it found: the problems are in it. */
	if (report && (rc == 0 || rc == CW_EDAMAGED)) {
		struct cw_error keep = cli->err;
		int prc = cw_cli_print_json(cli, report);

		if (prc != 0)
			return prc;
		cli->err = keep;
	} else {
		json_decref(report);
	}
	return rc;
}

/* ---- upgrade: an earlier casewatch's database brought to this one's schema ---------------- */

const char cw_upgrade_help[] = N_(
	"Opens the database for writing, which upgrades a database written by an earlier\n"
	"casewatch to this one's schema in place, in one transaction (every record's index keys\n"
	"made again under this version's rules; the records themselves are kept as they are;\n"
	"from schema 8, only the version is written). Any command that writes does the same on\n"
	"the way; read-only commands (verify) refuse an earlier database and name this command\n"
	"(one of schema 8 they read as it is). Says which version it found. Names folded by\n"
	"another Unicode version than this casewatch's (a newer utf8proc) have their index of\n"
	"people by name made again the same way, and this says so.\n");

int cw_cmd_upgrade(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	char quoted[CW_CLI_QUOTED_MAX];
	const char *unicode;
	uint32_t from;
	int rc;

	(void)cmd;
	if (first_arg < cli->argc)
		return cw_error_set(&cli->err, CW_EUSAGE, "", "unexpected argument %s",
				    cw_cli_quoted_arg(cli->argv[first_arg], quoted, sizeof quoted));
	cli->session.read_only = 0;
	if ((rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	from = cw_store_upgraded_from(cli->session.store);
	if ((unicode = cw_store_refolded_from(cli->session.store)) != NULL)
		fprintf(cli->out,
			_("%s: the index of people by name made again, for Unicode %s (it was "
			  "folded by Unicode %s)\n"),
			cli->session.db_dir, cw_text_fold_version(),
			*unicode ? unicode : _("(unrecorded)"));
	if (from)
		fprintf(cli->out, _("%s: upgraded from schema %u to %u\n"), cli->session.db_dir,
			(unsigned)from, (unsigned)cw_store_schema_version(cli->session.store));
	else
		fprintf(cli->out, _("%s: schema %u, nothing to upgrade\n"), cli->session.db_dir,
			(unsigned)cw_store_schema_version(cli->session.store));
	return 0;
}
