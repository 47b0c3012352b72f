/* cmd_sync.c - the sync commands; see commands.h. */
#include "config.h"

#include <jansson.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/advice.h"
#include "cli/commands.h"
#include "models/i18n.h"
#include "models/json.h"
#include "report/export.h"
#include "report/record_text.h"
#include "cli/output.h"
#include "models/i18n.h"
#include "models/text.h"
#include "store/sync.h"
#include "store/trust.h"

#define SHORT_ID 8

const char cw_bundle_export_help[] =
	N_("Writes every record changed since the last bundle exported to the same peers\n"
	   "(--to NAME, or --to NAME,NAME: what any of them has not had; the first bundle to a\n"
	   "peer holds everything), or since a date (--since YYYY[-MM[-DD]], or words such as\n"
	   "--since monday or --since -2w), or everything\n"
	   "(--all). Deletions travel as tombstones (who deleted what, where and when; no\n"
	   "content), conflicts and the audit log travel too, and every record a changed one\n"
	   "names is included so the bundle imports on its own.\n"
	   "The bundle is signed with this database's key and encrypted for the peers named\n"
	   "with --to (enrolled with 'casewatch peer add'): only they can read it. --plain\n"
	   "writes it signed but unencrypted, readable by anyone who gets the file. It is\n"
	   "compressed and written a chunk at a time, whatever its size. The file is created\n"
	   "readable by you alone, and appears whole or not at all.\n"
	   "Options:\n"
	   "  -o FILE, --output FILE  the bundle to write (- for standard output); a FILE that\n"
	   "                          exists is refused\n"
	   "  --force                 replace FILE if it exists: a bundle there that was never\n"
	   "                          imported is lost, and its records count as sent (only\n"
	   "                          --all sends them again)\n"
	   "  --to PEER[,PEER...]     who it is for (and, alone, what to send)\n"
	   "  --since DATE | --all    what to send, when not what the peers have not had\n"
	   "  --plain                 do not encrypt (with --since or --all, or --to)\n"
	   "  --without-confidential  encrypted, but without confidential material, as a\n"
	   "                          --plain bundle leaves it out (for a partner)\n"
	   "  --no-attachments        attachments' descriptions only, not the files: the other\n"
	   "                          side lists them as missing\n"
	   "Confidential records and fields travel only encrypted: a --plain bundle leaves out\n"
	   "every record with confidential material, and every record that names one it left\n"
	   "out, and says how many (--include-confidential with --plain is refused). So does\n"
	   "every bundle for a peer enrolled as a partner ('casewatch peer add NAME KEY\n"
	   "--partner'), whatever the options; the summary says how many it left out.\n");
const char cw_bundle_import_help[] =
	N_("Checks the bundle's signature first: it must be whole and unchanged, and signed by\n"
	   "this database or an enrolled peer (an unknown signer is refused with its\n"
	   "fingerprint and the 'casewatch peer add' line that would trust it); an encrypted\n"
	   "bundle must be for this database. Then it merges it in one transaction. Importing\n"
	   "it twice changes nothing, and any set of bundles gives the same content in any\n"
	   "order. A version made on top of another replaces it whatever the clocks said; of\n"
	   "two made concurrently the later is shown (a tie goes to the greater database id)\n"
	   "and the other is kept and listed by 'casewatch conflicts'. A version dated more\n"
	   "than a day ahead of this machine's clock replaces nothing and is never shown over\n"
	   "another: it is listed as dated in the future until someone resolves it. A deletion\n"
	   "that wins removes the record's fields here too; a record that names a deleted one\n"
	   "stays and shows it as deleted. A bundle that is refused is refused whole: nothing\n"
	   "from it is written. The file is read twice, a chunk at a time (its signature\n"
	   "first, then its lines as they are merged), so give a file: - reads standard input\n"
	   "only when it is a file, not a pipe. Bundles of casewatch's first format (unsigned\n"
	   "JSON Lines) are refused: nothing says who wrote them.\n"
	   "A bundle signed by a key removed with 'casewatch peer remove' is refused, and so\n"
	   "is one that relays changes of the database that key spoke for that were not here\n"
	   "when it was removed (whoever holds the key of a laptop that was taken can write\n"
	   "them, and a teammate who has not heard yet passes them on):\n"
	   "  --accept-removed  take them anyway, to review: the import says how many; also\n"
	   "                    a bundle the removed key signed itself for the database it\n"
	   "                    spoke for (a monitor's backup, handed over in person)\n"
	   "A bundle from a laptop that removed a key this one still trusts says so, with\n"
	   "the 'casewatch peer remove' line to type; it never removes it by itself.\n"
	   "A bundle that does not continue what its signer's bundles brought before (one\n"
	   "written between was lost, or is not imported yet) is imported and warned of, at\n"
	   "each import until that one is imported or a bundle --all comes.\n");
const char cw_bundle_inspect_help[] = N_(
	"Checks a bundle's signature and shows who signed it (the peer's name when enrolled,\n"
	"and its fingerprint), whom it is for, whether it is encrypted, and, when this\n"
	"database can open it, what it holds; without importing it (--json for JSON).\n"
	"The whole file is checked and counted; the first 100 versions and audit entries are\n"
	"listed (memory stays small whatever the bundle's size).\n"
	"  --all    list every version and audit entry (a bundle of a whole database is long)\n");
const char cw_bundle_content_help[] =
	N_("Prints the database's content as sync sees it, one JSON line per version of each\n"
	   "record in id order (the note of which bundle brought it left out): two databases\n"
	   "that have exchanged the same bundles print the same. --digest prints its BLAKE2b.\n");
const char cw_conflicts_help[] =
	N_("Lists records whose versions from different laptops conflict: version 1 is the\n"
	   "one shown, the others were kept; a version dated more than a day ahead of this\n"
	   "machine's clock says so. 'casewatch conflicts resolve ID --keep N' makes\n"
	   "version N the record's content on every database the resolution reaches (it\n"
	   "travels in bundles and is written to the audit log); '--take notes=2' keeps\n"
	   "version 2's notes in it too (a field as edit names it; several: notes=2,\n"
	   "next-date=3); '--take notes=all' adds every other version's notes to the ones\n"
	   "kept, each under its editor's name. --json for JSON.\n");
const char cw_audit_help[] =
	N_("The append-only log of changes: create, edit, delete, import, resolve, and attach\n"
	   "and detach (a file to or from the record), with the time, the author, the database\n"
	   "the change was made in and the record. Entries made\n"
	   "on other laptops arrive with bundles and keep their own database id.\n"
	   "Options: --record ID, --limit N (the latest N), --json\n");

/* A translated text with one %s, the text `what` (from a bundle: printed safe) in its place. */
static void print_around(FILE *out, const char *fmt, const char *what)
{
	const char *at = strstr(fmt, "%s");

	if (!at) { /* a catalogue that lost it: the words, then the text */
		fprintf(out, "%s ", fmt);
		cw_print_safe(out, what, 0);
		return;
	}
	fwrite(fmt, 1, (size_t)(at - fmt), out);
	cw_print_safe(out, what, 0);
	fputs(at + 2, out);
}

/* A bundle's scope as its header keeps it ("to sokha, dara", "since 2024-05-01", "all": the
 * same words from every laptop, which the JSON gives as they are), said in the reader's
 * language: the names and the date as written, anything else (a newer casewatch's) as it is. */
static void print_scope(FILE *out, const char *scope)
{
	if (!strncmp(scope, "to ", 3)) {
		/* TRANSLATORS: a bundle's scope: the peers it is for, by the names given them
		 * ("to sokha, dara"); %s is where the names go */
		print_around(out, _("to %s"), scope + 3);
	} else if (!strncmp(scope, "since ", 6)) {
		/* TRANSLATORS: a bundle's scope: the changes since a date (2024-05-01) */
		print_around(out, _("since %s"), scope + 6);
	} else if (!strcmp(scope, "all")) {
		/* TRANSLATORS: a bundle's scope: every record of the database */
		fputs(_("all"), out);
	} else {
		cw_print_safe(out, scope, 0);
	}
}

static const char *short_hex(const struct cw_id *id, char buf[CW_ID_HEX_LEN + 1])
{
	cw_id_hex(id, buf);
	buf[SHORT_ID] = '\0';
	return buf;
}

/* The one file argument of import and inspect. */
/* The one bundle file among the arguments; --json, --help and `flag` (an option of the
 * command's own, or NULL) are let through. */
static int file_argument(struct cw_cli *cli, int first_arg, const char *flag, const char **path)
{
	char quoted[CW_CLI_QUOTED_MAX];

	*path = NULL;
	for (int i = first_arg; i < cli->argc; i++) {
		if (!strcmp(cli->argv[i], "--json") || !strcmp(cli->argv[i], "--help") ||
		    (flag && !strcmp(cli->argv[i], flag)))
			continue;
		if (*path || (cli->argv[i][0] == '-' && cli->argv[i][1]))
			return cw_error_set(&cli->err, CW_EUSAGE, "file",
					    "unexpected argument %s; give one bundle file",
					    cw_cli_quoted_arg(cli->argv[i], quoted, sizeof quoted));
		*path = cli->argv[i];
	}
	if (!*path)
		return cw_error_set(&cli->err, CW_EUSAGE, "file", "give the bundle file");
	return 0;
}

int cw_cmd_bundle_export(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_bundle_options o = {CW_BUNDLE_PEER, NULL, {0, 0, 0}, 0, 0, 0, 0, 0};
	struct cw_bundle_stats s;
	const char *path = NULL;
	struct cw_opt opt;
	int rc, i = first_arg, scopes = 0, include_confidential = 0, force = 0;
	char hex[CW_ID_HEX_LEN + 1];
	struct stat sb;
	FILE *note;

	(void)cmd;
	for (;;) {
		if (i < cli->argc && !strcmp(cli->argv[i], "-o")) {
			if (i + 1 >= cli->argc || cw_cli_looks_like_option(cli->argv[i + 1]))
				return cw_error_set(&cli->err, CW_EUSAGE, "o", "needs a file name");
			path = cli->argv[i + 1];
			i += 2;
			continue;
		}
		if ((rc = cw_cli_next_opt(
			     cli, &i,
			     "all,plain,include-confidential,without-confidential,json,help,"
			     "no-attachments,force",
			     &opt)) <= 0)
			break;
		if (!strcmp(opt.name, "output")) {
			path = opt.value;
		} else if (!strcmp(opt.name, "to")) {
			o.peer = opt.value;
		} else if (!strcmp(opt.name, "since")) {
			o.scope = CW_BUNDLE_SINCE;
			if ((rc = cw_cli_date(cli, "since", opt.value, &o.since)) != 0)
				return rc;
			scopes++;
		} else if (!strcmp(opt.name, "all")) {
			o.scope = CW_BUNDLE_ALL;
			scopes++;
		} else if (!strcmp(opt.name, "plain")) {
			o.plain = 1;
		} else if (!strcmp(opt.name, "no-attachments")) {
			o.no_attachments = 1;
		} else if (!strcmp(opt.name, "include-confidential")) {
			include_confidential = 1;
		} else if (!strcmp(opt.name, "without-confidential")) {
			o.without_confidential = 1;
		} else if (!strcmp(opt.name, "force")) {
			force = 1;
		} else if (strcmp(opt.name, "json") && strcmp(opt.name, "help")) {
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "unknown option; see casewatch bundle export --help");
		}
	}
	if (rc < 0)
		return rc;
	if (!path)
		return cw_error_set(&cli->err, CW_EUSAGE, "output",
				    "give the file to write: -o FILE");
	if (!o.peer && !o.plain)
		return cw_error_set(&cli->err, CW_EUSAGE, "to",
				    "say who may read the bundle: --to PEER (enrolled with "
				    "'casewatch peer add'), or --plain to write it unencrypted");
	/* Confidential material never leaves unencrypted; an encrypted bundle carries it anyway. */
	if (include_confidential && o.plain)
		return cw_error_set(&cli->err, CW_EREFUSED, "include-confidential",
				    "a plain bundle never carries confidential records: send them "
				    "encrypted, with --to PEER");
	if (include_confidential && o.without_confidential)
		return cw_error_set(
			&cli->err, CW_EUSAGE, "without-confidential",
			"give --include-confidential or --without-confidential, not both");
	o.include_confidential = include_confidential;
	if (scopes > 1 || (!o.peer && scopes == 0))
		return cw_error_set(&cli->err, CW_EUSAGE, "to",
				    "say what to send: --to NAME (what it has not had), --since "
				    "DATE or --all");
	if (!strcmp(path, "-") && isatty(STDOUT_FILENO))
		return cw_error_set(&cli->err, CW_EUSAGE, "output",
				    "a bundle is binary: give a file with -o FILE, or redirect "
				    "standard output");
	/* A bundle written over is lost with everything it held, and the marks moved past those
	 * records when it was written: re-exporting a week to the same name on a stick lost them
	 * for the recipient for good (a field trial). Refused before the passphrase is asked, as
	 * key export refuses; checked again as the file is put in place. */
	if (strcmp(path, "-") != 0 && !force && lstat(path, &sb) == 0)
		return cw_error_set(&cli->err, CW_EREFUSED, "output",
				    "%.300s exists: give another name, or add --force to replace "
				    "it (what a bundle there holds is marked sent, and only "
				    "'bundle export --all' would send it again)",
				    path);
	o.keep_existing = !force;
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_bundle_export(cli->session.store, &o, path, &s, &cli->err)) != 0)
		return rc;
	/* With -o - the bundle is standard output: the summary goes to standard error. */
	note = strcmp(path, "-") ? cli->out : stderr;
	fprintf(note, _("wrote bundle %s ("), short_hex(&s.bundle, hex));
	print_scope(note, s.scope);
	/* Each number its own plural: "1 version, 0 of them deletions, 1 audit entry". */
	fprintf(note, P_("): %zu version", "): %zu versions", s.versions), s.versions);
	fprintf(note, P_(", %zu of them a deletion", ", %zu of them deletions", s.deleted),
		s.deleted);
	fprintf(note, P_(", %zu audit entry; ", ", %zu audit entries; ", s.audit), s.audit);
	if (s.attachments) {
		fprintf(note, P_("%zu attachment, ", "%zu attachments, ", s.attachments),
			s.attachments);
		fprintf(note,
			P_("%zu file (%.1f MiB) with them; ", "%zu files (%.1f MiB) with them; ",
			   s.attachment_contents),
			s.attachment_contents, (double)s.attachment_bytes / 1048576.0);
	}
	if (o.plain) {
		fprintf(note, _("signed, NOT encrypted\n"));
		fprintf(stderr,
			_("casewatch: warning: the bundle is not encrypted: anyone who gets the "
			  "file can read it (it is signed, so a change to it is detected)\n"));
		if (s.withheld)
			fprintf(stderr,
				P_("casewatch: note: %zu record left out: it is confidential, has "
				   "a "
				   "confidential field or names a confidential record, and travels "
				   "only in encrypted bundles\n",
				   "casewatch: note: %zu records left out: each is confidential, "
				   "has "
				   "a confidential field or names a confidential record, and "
				   "travels "
				   "only in encrypted bundles\n",
				   s.withheld),
				s.withheld);
	} else {
		fprintf(note, _("signed, encrypted for "));
		cw_print_safe(note, o.peer, 0);
		/* What it left out, counted, never named: the summary is read over shoulders. */
		if (!strcmp(s.confidential, "left out")) {
			fprintf(note,
				P_(", without confidential material: %zu record left out (it is "
				   "confidential, has a confidential field or names a confidential "
				   "record)",
				   ", without confidential material: %zu records left out (each is "
				   "confidential, has a confidential field or names a confidential "
				   "record)",
				   s.withheld),
				s.withheld);
			if (s.partner[0]) {
				fprintf(note, _("; '"));
				cw_print_safe(note, s.partner, 0);
				fprintf(note, _("' is enrolled as a partner"));
			}
		}
		fputc('\n', note);
	}
	if (s.team_mark_kept)
		fprintf(stderr,
			_("casewatch: note: the team's peers it is for may read what it left out: "
			  "their next bundle sends again what changed since their last whole "
			  "one\n"));
	/* Said while it is news to them: every bundle names every removed key, but a note at
	 * each export for months would be read as noise. */
	if (s.nremovals_new)
		fprintf(stderr,
			P_("casewatch: note: it tells them of %zu key removed from the peers here "
			   "since their last bundle (casewatch peer list --removed); each decides "
			   "on its own laptop\n",
			   "casewatch: note: it tells them of %zu keys removed from the peers here "
			   "since their last bundle (casewatch peer list --removed); each decides "
			   "on its own laptop\n",
			   s.nremovals_new),
			s.nremovals_new);
	return 0;
}

/* A name as a shell reads it back as one word: in single quotes when it holds anything a shell
 * would read otherwise (a peer's name may hold spaces). */
static void print_shell_word(FILE *f, const char *word)
{
	char quoted[4 * CW_PEER_NAME_MAX + 8]; /* each ' is four: '\'' */
	size_t n = 0;

	if (word[0] && !word[strcspn(word, " \t'\"$`\\;&|<>()*?[]{}~#!")]) {
		cw_print_safe(f, word, 0);
		return;
	}
	quoted[n++] = '\'';
	for (const char *p = word; *p && n + 6 <= sizeof quoted; p++) {
		if (*p == '\'') {
			memcpy(quoted + n, "'\\''", 4);
			n += 4;
		} else {
			quoted[n++] = *p;
		}
	}
	quoted[n++] = '\'';
	quoted[n] = '\0';
	cw_print_safe(f, quoted, 0);
}

/* The keys the bundle's signer removed that this laptop still trusts: said where
 * they cannot be missed, with what to do. Never applied: whom this laptop trusts is decided
 * here, by whoever can phone the signer. */
static void say_removals(const struct cw_bundle_stats *s)
{
	for (size_t i = 0; i < s->nremovals; i++) {
		const struct cw_bundle_removal *r = &s->removals[i];
		char fp[CW_FINGERPRINT_TEXT_MAX], day[CW_TIME_LOCAL_MAX];

		cw_identity_fingerprint(&r->key, fp);
		cw_time_local_format(r->removed, day);
		fprintf(stderr, _("casewatch: warning: "));
		cw_print_safe(stderr, s->signer[0] ? s->signer : _("this database"), 0);
		fprintf(stderr, _(" removed the key of '"));
		cw_print_safe(stderr, r->name, 0);
		fprintf(stderr,
			_("' (%s) from its peers on %s (a laptop taken or lost?); it is still "
			  "trusted here: phone them, then casewatch peer remove "),
			fp, day);
		print_shell_word(stderr, r->name);
		fputc('\n', stderr);
	}
}

/* Records of this laptop that a merge of people made elsewhere left naming the one kept twice
 * with entries that differ (store.h, "merging people"): one line each, names neutralised, on
 * stderr as the import's warnings are, or on `out` as `conflicts` lists them. Said at the
 * import (a field trial's laptop kept the first of two custody dates without a word) and
 * until an edit makes them one. */
static void say_doubled(FILE *out, const struct cw_doubled *d, int import)
{
	size_t listed = d->n < CW_DOUBLED_MAX ? d->n : CW_DOUBLED_MAX;
	char line[CW_ERROR_LINE_MAX], *safe;

	for (size_t i = 0; i < listed; i++) {
		cw_error_format(&d->lines[i], line, sizeof line);
		safe = cw_text_for_terminal(line, 0);
		if (import)
			fprintf(stderr,
				_("casewatch: warning: %s; both are kept, as nobody chose one: "
				  "casewatch conflicts says how to make them one\n"),
				safe ? safe : line);
		else
			fprintf(out, "  %s\n", safe ? safe : line);
		free(safe);
	}
	if (listed < d->n)
		fprintf(import ? stderr : out,
			P_("%s%zu more record names one person twice with entries that differ: "
			   "casewatch conflicts lists the first %zu\n",
			   "%s%zu more records name one person twice with entries that differ: "
			   "casewatch conflicts lists the first %zu\n",
			   d->n - listed),
			import ? _("casewatch: warning: ") : "  ", d->n - listed, listed);
}

int cw_cmd_bundle_import(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_bundle_stats s;
	const char *path;
	char b[CW_ID_HEX_LEN + 1], d[CW_ID_HEX_LEN + 1];
	int rc, flags = 0;

	(void)cmd;
	if ((rc = file_argument(cli, first_arg, "--accept-removed", &path)) != 0)
		return rc;
	for (int i = first_arg; i < cli->argc; i++)
		if (!strcmp(cli->argv[i], "--accept-removed"))
			flags |= CW_IMPORT_ACCEPT_REMOVED;
	cw_cli_bulk_for(cli, path);
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_bundle_import_with(cli->session.store, path, flags, &s, &cli->err)) != 0)
		return rc;
	say_removals(&s);
	/* A bundle lost between: its records reach this laptop only when it is imported, or
	 * with a bundle of everything, since its peer counts them as sent. */
	if (s.missing_before || s.missing_after) {
		const char *who = s.signer[0] ? s.signer : _("this database");

		fprintf(stderr, _("casewatch: warning: a bundle "));
		cw_print_safe(stderr, who, 0);
		fprintf(stderr, s.missing_before ? _(" wrote before this one was not imported here "
						     "(lost on the way, "
						     "or not imported yet): what it held is "
						     "missing here until it is "
						     "imported, or until ")
						 : _(" wrote after this one is still missing here "
						     "(lost on the way, or "
						     "not imported yet): what it held is missing "
						     "until it is imported, "
						     "or until "));
		cw_print_safe(stderr, who, 0);
		fprintf(stderr, _(" sends a bundle of everything (casewatch bundle export --all "
				  "--to NAME, NAME being what it calls this laptop)\n"));
	}
	/* Taken on purpose: said, where it cannot be missed, with what to review. */
	if (s.removed_entries || s.removed_versions || s.removed_attachments) {
		short_hex(&s.removed_database, d);
		fprintf(stderr, _("casewatch: warning: took "));
		fprintf(stderr,
			P_("%zu record's version", "%zu records' versions", s.removed_versions),
			s.removed_versions);
		fprintf(stderr,
			P_(", %zu attachment's change", ", %zu attachments' changes",
			   s.removed_attachments),
			s.removed_attachments);
		fprintf(stderr,
			P_(" and %zu audit entry", " and %zu audit entries", s.removed_entries),
			s.removed_entries);
		fprintf(stderr,
			_(" made in database %s after its key was removed from the peers here: "
			  "whoever holds that key may have made them; review them (casewatch audit "
			  "lists each change with its database)\n"),
			d);
	}
	short_hex(&s.bundle, b);
	short_hex(&s.database, d);
	if (cli->json) {
		json_t *o = json_pack("{s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:I}", "bundle", b, "database",
				      d, "author", s.author, "signer",
				      s.signer_removed ? "removed key"
				      : s.signer[0]    ? s.signer
						       : "this database",
				      "versions", (json_int_t)s.versions, "changed",
				      (json_int_t)s.changed, "conflicts", (json_int_t)s.conflicts,
				      "audit_added", (json_int_t)s.audit_added);
		json_t *gone = json_array();

		for (size_t i = 0; o && gone && i < s.nremovals; i++) {
			char fp[CW_FINGERPRINT_TEXT_MAX], when[32];

			cw_identity_fingerprint(&s.removals[i].key, fp);
			cw_time_format(s.removals[i].removed, when);
			json_array_append_new(gone,
					      json_pack("{s:s,s:s,s:s}", "fingerprint", fp, "peer",
							s.removals[i].name, "removed", when));
		}
		/* Keys the signer removed that are still trusted here. */
		if (o && gone)
			json_object_set_new(o, "removed_keys", gone);
		else
			json_decref(gone);
		if (o && s.doubled.n) {
			json_t *lines = json_array();
			char line[CW_ERROR_LINE_MAX];

			for (size_t i = 0; lines && i < s.doubled.n && i < CW_DOUBLED_MAX; i++) {
				cw_error_format(&s.doubled.lines[i], line, sizeof line);
				json_array_append_new(lines, json_string(line));
			}
			json_object_set_new(o, "doubled", lines);
			json_object_set_new(o, "doubled_count",
					    json_integer((json_int_t)s.doubled.n));
		}
		if (o) {
			json_object_set_new(o, "missing_before", json_boolean(s.missing_before));
			json_object_set_new(o, "missing_after", json_boolean(s.missing_after));
		}
		return cw_cli_print_json(cli, o);
	}
	/* The author is what the bundle says of itself; the signer, the peer enrolled here. */
	fprintf(cli->out, _("imported bundle %s from database %s (its author as it says: "), b, d);
	cw_print_safe(cli->out, s.author, 0);
	fprintf(cli->out, _("), signed by "));
	if (s.signer_removed)
		fprintf(cli->out, _("the removed key %s"), s.signer_fingerprint);
	else
		cw_print_safe(cli->out, s.signer[0] ? s.signer : _("this database"), 0);
	fprintf(cli->out, P_(": %zu version", ": %zu versions", s.versions), s.versions);
	fprintf(cli->out, P_(", %zu record changed", ", %zu records changed", s.changed),
		s.changed);
	fprintf(cli->out,
		P_(", %zu audit entry added\n", ", %zu audit entries added\n", s.audit_added),
		s.audit_added);
	if (s.attachments) {
		fprintf(cli->out, P_("%zu attachment (", "%zu attachments (", s.attachments),
			s.attachments);
		fprintf(cli->out, P_("%zu new here, ", "%zu new here, ", s.attachments_added),
			s.attachments_added);
		if (s.attachments_captioned)
			fprintf(cli->out,
				P_("%zu with a new caption here, ", "%zu with a new caption here, ",
				   s.attachments_captioned),
				s.attachments_captioned);
		fprintf(cli->out,
			P_("%zu detached here), ", "%zu detached here), ", s.attachments_detached),
			s.attachments_detached);
		fprintf(cli->out,
			P_("%zu file (%.1f MiB) with them\n", "%zu files (%.1f MiB) with them\n",
			   s.attachment_contents),
			s.attachment_contents, (double)s.attachment_bytes / 1048576.0);
	}
	if (s.conflicts)
		fprintf(cli->out,
			P_("%zu changed record has conflicting versions: see casewatch "
			   "conflicts\n",
			   "%zu changed records have conflicting versions: see casewatch "
			   "conflicts\n",
			   s.conflicts),
			s.conflicts);
	say_doubled(stderr, &s.doubled, 1);
	/* The same hearing logged by two monitors apart: said, with the link that makes it one
	 * (a trial's report said "2 hearings: 1 adjourned, 1 continued" for one hearing). */
	for (size_t i = 0; i < s.nown_hearings; i++)
		cw_advise_same_hearing(cli->session.store, &s.own_hearings[i], s.own_hearings, i,
				       cw_cli_print_advice, NULL);
	return 0;
}

/* An audit entry; with name (and its ctx), the name of a person or case beside its id, as
 * every --json output gives it. */
static json_t *audit_entry_json(const struct cw_audit_entry *e, const struct cw_id *here,
				cw_json_namer name, void *ctx)
{
	char t[32], rec[CW_ID_HEX_LEN + 1], db[CW_ID_HEX_LEN + 1];
	const char *n = name && (e->kind == CW_KIND_PERSON || e->kind == CW_KIND_CASE)
				? name(ctx, &e->record, (enum cw_kind)e->kind)
				: NULL;
	json_t *o;

	cw_time_format(e->time, t);
	cw_id_hex(&e->record, rec);
	cw_id_hex(&e->database, db);
	o = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:b}", "seq", (json_int_t)e->seq, "time", t,
		      "action", cw_audit_action_name(e->action), "kind", cw_kind_name(e->kind),
		      "record", rec, "database", db, "author", e->author, "here",
		      here && cw_id_equal(here, &e->database));
	if (o && n)
		json_object_set_new(o, "record_name", json_string(n));
	return o;
}

/* Who signed a bundle, as this database knows it. */
static void signer_text(const struct cw_bundle_envelope *e, int64_t removed, char *buf, size_t len)
{
	char fp[CW_FINGERPRINT_TEXT_MAX], day[CW_TIME_LOCAL_MAX];

	cw_identity_fingerprint(&e->signer, fp);
	if (e->signer_here) {
		snprintf(buf, len, _("this database (fingerprint %s)"), fp);
	} else if (e->signer_name[0]) {
		snprintf(buf, len, _("%s (fingerprint %s), enrolled here"), e->signer_name, fp);
	} else if (removed) {
		cw_time_local_format(removed, day);
		snprintf(buf, len, _("a key removed from the peers here on %s (fingerprint %s)"),
			 day, fp);
	} else {
		snprintf(buf, len, _("a laptop NOT enrolled here (fingerprint %s)"), fp);
	}
}

static json_t *envelope_json(const struct cw_bundle_envelope *e, int64_t removed)
{
	char fp[CW_FINGERPRINT_TEXT_MAX], key[CW_IDENTITY_TEXT_MAX], when[32];
	json_t *rs = json_array(), *o;

	for (size_t i = 0; i < e->nrecipients; i++) {
		const struct cw_bundle_recipient *r = &e->recipients[i];

		cw_identity_id_fingerprint(r->id, fp);
		json_array_append_new(rs, json_pack("{s:s?,s:s,s:b}", "name",
						    r->name[0] ? r->name : NULL, "fingerprint", fp,
						    "here", r->here));
	}
	cw_identity_fingerprint(&e->signer, fp);
	cw_identity_text(&e->signer, key);
	if (removed)
		cw_time_format(removed, when);
	o = json_pack("{s:i,s:b,s:{s:s?,s:s,s:s,s:b,s:b,s:s?},s:o,s:b}", "version", e->version,
		      "encrypted", e->encrypted, "signer", "name",
		      e->signer_name[0] ? e->signer_name : NULL, "fingerprint", fp, "key", key,
		      "enrolled", e->signer_name[0] != 0, "here", e->signer_here, "removed",
		      removed ? when : NULL, "recipients", rs, "opened", e->opened);
	return o;
}

/* Names for `bundle inspect --json`: the bundle's own versions of people and cases first (it
 * may bring people this database does not have yet, or rename them), else this database's. */
struct bundle_names {
	const struct cw_record **own; /* the bundle's people and cases, sorted by id */
	size_t n;
	struct cw_report here;
};

static int by_id(const void *a, const void *b)
{
	return memcmp(&(*(const struct cw_record *const *)a)->id,
		      &(*(const struct cw_record *const *)b)->id, sizeof(struct cw_id));
}

/* The bundle's own version of a person or case (NULL: it brings none), for names. */
static const struct cw_record *bundle_own(void *ctx, const struct cw_id *id)
{
	const struct bundle_names *bn = ctx;
	struct cw_record key, *pkey = &key;
	const struct cw_record **hit;

	key.id = *id;
	hit = bn->n ? bsearch(&pkey, bn->own, bn->n, sizeof *bn->own, by_id) : NULL;
	/* A later version of the same record in the bundle sorts beside it: any one names it. */
	return hit ? *hit : NULL;
}

static const char *bundle_name(void *ctx, const struct cw_id *id, enum cw_kind kind)
{
	struct bundle_names *bn = ctx;
	const struct cw_record *own = bundle_own(bn, id);

	if (own && own->kind == kind)
		return kind == CW_KIND_PERSON ? cw_person_name(&own->u.person) : own->u.kase.title;
	return cw_report_name(&bn->here, id, kind);
}

/* The bundle's people and cases, sorted for bundle_own. */
static int bundle_own_init(struct cw_cli *cli, const struct cw_bundle *b, struct bundle_names *bn)
{
	memset(bn, 0, sizeof *bn);
	if (b->n && !(bn->own = malloc(b->n * sizeof *bn->own)))
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	for (size_t i = 0; i < b->n; i++) {
		const struct cw_record *r = &b->items[i].rec;

		if (!b->items[i].deleted && (r->kind == CW_KIND_PERSON || r->kind == CW_KIND_CASE))
			bn->own[bn->n++] = r;
	}
	if (bn->n)
		qsort(bn->own, bn->n, sizeof *bn->own, by_id);
	return 0;
}

/* bundle_own_init, and this database's names of what the bundle refers to, for the JSON. */
static int bundle_names_init(struct cw_cli *cli, const struct cw_bundle *b, struct bundle_names *bn)
{
	int rc = bundle_own_init(cli, b, bn);

	for (size_t i = 0; i < b->n && rc == 0; i++) {
		struct cw_record_list l = {(struct cw_record *)&b->items[i].rec, 1, 1};

		rc = cw_report_add_refs(cli->session.store, &bn->here, &l, &cli->err);
	}
	for (size_t i = 0; i < b->naudit && rc == 0; i++)
		if (b->audit[i].kind == CW_KIND_PERSON || b->audit[i].kind == CW_KIND_CASE)
			rc = cw_report_add_ids(cli->session.store, &bn->here, &b->audit[i].record,
					       1, &cli->err);
	return rc;
}

static void bundle_names_free(struct bundle_names *bn)
{
	free(bn->own);
	cw_report_free(&bn->here);
}

/* What `bundle inspect` lists without --all. */
#define INSPECT_LISTED 100

int cw_cmd_bundle_inspect(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	static const char *const cols[] = {N_("KIND"),   N_("ID"), N_("STATE"), N_("UPDATED"),
					   N_("EDITOR"), N_("IN"), N_("LABEL")};
	struct cw_bundle b;
	struct cw_table t;
	const char *path;
	char hex[CW_ID_HEX_LEN + 1], db[CW_ID_HEX_LEN + 1], created[CW_TIME_LOCAL_MAX], who[320];
	size_t limit = INSPECT_LISTED;
	int64_t removed;
	int rc, failed = 0;

	(void)cmd;
	for (int i = first_arg; i < cli->argc; i++)
		if (!strcmp(cli->argv[i], "--all"))
			limit = 0;
	if ((rc = file_argument(cli, first_arg, "--all", &path)) != 0 ||
	    (rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_bundle_read_first(cli->session.store, path, limit, &b, &cli->err)) != 0)
		return rc;
	/* When its signer was removed here, else 0: said so, never offered for enrolment. */
	removed = b.env.signer_removed ? b.env.signer_removed_at : 0;
	cw_id_hex(&b.stats.bundle, hex);
	cw_id_hex(&b.stats.database, db);
	cw_time_format(b.stats.created, created);
	if (cli->json) {
		json_t *obj = envelope_json(&b.env, removed);

		if (b.env.opened) {
			json_t *vs = json_array(), *as = json_array();
			char key[CW_IDENTITY_TEXT_MAX];
			struct bundle_names bn;

			if ((rc = bundle_names_init(cli, &b, &bn)) != 0) {
				bundle_names_free(&bn);
				cw_bundle_free(&b);
				json_decref(obj);
				json_decref(vs);
				json_decref(as);
				return rc;
			}

			/* The key with the database it signs for (cwid2), as the text offers it
			 * for enrolment: not the key alone, which would let it claim another. */
			cw_identity_text_of_database(&b.env.signer, &b.stats.database, key);
			json_object_set_new(json_object_get(obj, "signer"), "key",
					    json_string(key));
			json_object_set_new(obj, "bundle", json_string(hex));
			json_object_set_new(obj, "database", json_string(db));
			json_object_set_new(obj, "author", json_string(b.stats.author));
			json_object_set_new(obj, "created", json_string(created));
			json_object_set_new(obj, "scope", json_string(b.stats.scope));
			if (b.stats.confidential[0])
				json_object_set_new(obj, "confidential",
						    json_string(b.stats.confidential));
			for (size_t i = 0; i < b.n; i++) {
				json_t *r = cw_record_to_json(&b.items[i].rec, CW_JSON_HEADER);

				cw_record_json_add_names(r, b.items[i].rec.kind, bundle_name, &bn);
				json_object_set_new(r, "deleted", json_boolean(b.items[i].deleted));
				json_array_append_new(vs, r);
			}
			for (size_t i = 0; i < b.naudit; i++)
				json_array_append_new(
					as, audit_entry_json(&b.audit[i], NULL, bundle_name, &bn));
			bundle_names_free(&bn);
			json_object_set_new(obj, "versions", vs);
			json_object_set_new(obj, "audit", as);
			json_object_set_new(obj, "versions_total",
					    json_integer((json_int_t)b.versions_total));
			json_object_set_new(obj, "audit_total",
					    json_integer((json_int_t)b.audit_total));
			json_object_set_new(obj, "attachments",
					    json_integer((json_int_t)b.stats.attachments));
			json_object_set_new(obj, "attachment_files",
					    json_integer((json_int_t)b.stats.attachment_contents));
			json_object_set_new(obj, "attachment_bytes",
					    json_integer((json_int_t)b.stats.attachment_bytes));
		}
		cw_bundle_free(&b);
		return cw_cli_print_json(cli, obj);
	}
	signer_text(&b.env, removed, who, sizeof who);
	fprintf(cli->out, _("format version %d, %s\nsigned by "), b.env.version,
		b.env.encrypted ? _("encrypted")
				: _("NOT encrypted (anyone with the file can read it)"));
	cw_print_safe(cli->out, who, 0);
	fputc('\n', cli->out);
	if (removed) {
		/* As import refuses it: its owner would read the same fingerprint by phone, and
		 * whoever holds the laptop too. */
		fprintf(cli->out, _("  import refuses it: a laptop that was taken, or a database "
				    "restored from its backup, still holds that key; a new laptop "
				    "makes a new one (casewatch init there)\n"));
	} else if (!b.env.signer_here && !b.env.signer_name[0] && b.env.opened) {
		char key[CW_IDENTITY_TEXT_MAX], dbhex[CW_ID_HEX_LEN + 1];

		/* The key with the database its payload says it writes for (cwid2), so that
		 * enrolling binds the two, as `identity` prints it there; not the key alone. */
		cw_identity_text_of_database(&b.env.signer, &b.stats.database, key);
		cw_id_hex(&b.stats.database, dbhex);
		fprintf(cli->out,
			_("  import refuses it until its key is enrolled; if its owner reads you "
			  "the same fingerprint and database (%.8s) by phone:\n"
			  "  casewatch peer add NAME %s\n"),
			dbhex, key);
	} else if (!b.env.signer_here && !b.env.signer_name[0]) {
		/* Closed here, it does not say its database: the key to enrol is the one
		 * `identity` prints on that laptop. */
		fprintf(cli->out,
			_("  import refuses it until its key is enrolled: the key 'casewatch "
			  "identity' prints on that laptop, once its owner has read you the "
			  "same fingerprint by phone\n"));
	}
	if (b.env.encrypted) {
		fprintf(cli->out, _("for %zu recipient%s:"), b.env.nrecipients,
			b.env.nrecipients == 1 ? "" : "s");
		for (size_t i = 0; i < b.env.nrecipients; i++) {
			const struct cw_bundle_recipient *r = &b.env.recipients[i];
			char fp[CW_FINGERPRINT_TEXT_MAX];

			cw_identity_id_fingerprint(r->id, fp);
			fputs(i ? ", " : " ", cli->out);
			if (r->here)
				fprintf(cli->out, _("this database"));
			else if (r->name[0])
				cw_print_safe(cli->out, r->name, 0);
			else
				fprintf(cli->out, _("unknown (fingerprint %s)"), fp);
		}
		fputc('\n', cli->out);
	}
	if (!b.env.opened) {
		fprintf(cli->out, _("its content is for its recipients: this database cannot open "
				    "it\n"));
		cw_bundle_free(&b);
		return 0;
	}
	fprintf(cli->out, _("bundle %s from database %s by "), hex, db);
	cw_print_safe(cli->out, b.stats.author, 0);
	/* Local, with its offset, as every time a person reads (the JSON keeps UTC). */
	cw_time_local_format(b.stats.created, created);
	fprintf(cli->out, _(", written %s\nscope: "), created);
	print_scope(cli->out, b.stats.scope);
	/* Each number its own plural: "1 version (0 deletions), 3 audit entries". */
	fprintf(cli->out, P_("\n%zu version", "\n%zu versions", b.versions_total),
		b.versions_total);
	fprintf(cli->out, P_(" (%zu deletion)", " (%zu deletions)", b.stats.deleted),
		b.stats.deleted);
	fprintf(cli->out, P_(", %zu audit entry\n", ", %zu audit entries\n", b.audit_total),
		b.audit_total);
	if (!strcmp(b.stats.confidential, "left out") && b.env.encrypted)
		fprintf(cli->out, "%s\n",
			_("confidential records: left out (a bundle for a partner, or written "
			  "--without-confidential)"));
	else if (!strcmp(b.stats.confidential, "left out"))
		fprintf(cli->out, "%s\n", _("confidential records: left out (a plain bundle)"));
	else if (!strcmp(b.stats.confidential, "included"))
		fprintf(cli->out, "%s\n", _("confidential records: included (encrypted)"));
	if (b.stats.attachments) {
		fprintf(cli->out, P_("%zu attachment, ", "%zu attachments, ", b.stats.attachments),
			b.stats.attachments);
		fprintf(cli->out,
			P_("%zu file (%.1f MiB) with them\n", "%zu files (%.1f MiB) with them\n",
			   b.stats.attachment_contents),
			b.stats.attachment_contents, (double)b.stats.attachment_bytes / 1048576.0);
	}
	if (b.n) {
		struct bundle_names bn;

		if ((rc = bundle_own_init(cli, &b, &bn)) != 0) {
			cw_bundle_free(&b);
			return rc;
		}
		fputc('\n', cli->out);
		cw_table_init(&t, 7, cols);
		/* The kind, the id, the state and the database stay whole on a narrow terminal;
		 * the time (local, with its offset) keeps its minute ("2024-06-03 09:15…"), the
		 * label gives room first. */
		t.fit[0] = t.fit[1] = t.fit[2] = t.fit[5] = CW_COLUMN_WHOLE;
		t.fit[6] = CW_COLUMN_FREE;
		t.min_width[3] = 16;
		for (size_t i = 0; i < b.n && rc == 0 && !failed; i++) {
			const struct cw_record *r = &b.items[i].rec;
			char id[CW_ID_HEX_LEN + 1], in[CW_ID_HEX_LEN + 1], up[CW_TIME_LOCAL_MAX];
			char what[200] = "";

			cw_time_local_format(r->updated, up);
			/* An event by its date and what it is about (its own label, a hearing's
			 * court, is often empty); a deletion carries no content to name it by. A
			 * record of this database it names that cannot be read ends the list. */
			if (!b.items[i].deleted &&
			    (failed = cw_record_title_from(cli->session.store, bundle_own, &bn, r,
							   what, sizeof what, &cli->err)) != 0)
				break;
			rc = cw_table_add(&t,
					  (const char *const[]){
						  cw_kind_text(r->kind), short_hex(&r->id, id),
						  /* TRANSLATORS: a version in a bundle
						   * that is no deletion (the record as
						   * it is) */
						  b.items[i].deleted ? _("deleted") : _("live"), up,
						  r->editor, short_hex(&r->edited_in, in), what});
		}
		if (rc == 0 && !failed)
			cw_table_print(&t, cli->out, cw_output_width(cli->out));
		cw_table_free(&t);
		bundle_names_free(&bn);
		if (failed) {
			cw_bundle_free(&b);
			return failed;
		}
		if (b.versions_total > b.n) {
			char more[400];

			snprintf(more, sizeof more,
				 _("... and %zu more versions (the first %zu are listed; --all "
				   "lists "
				   "every one)\n"),
				 b.versions_total - b.n, b.n);
			more[strcspn(more, "\n")] = '\0'; /* the line ends where it is wrapped */
			cw_print_wrapped(cli->out, more, cw_output_width(cli->out), 4);
		}
	}
	cw_bundle_free(&b);
	return rc ? cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory") : 0;
}

int cw_cmd_bundle_content(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_opt opt;
	int rc, i = first_arg, digest = 0;

	(void)cmd;
	while ((rc = cw_cli_next_opt(cli, &i, "digest,help", &opt)) == 1) {
		if (!strcmp(opt.name, "digest"))
			digest = 1;
		else if (strcmp(opt.name, "help"))
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	}
	if (rc < 0 || (rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	if (digest) {
		char *text = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&text, &len);
		unsigned char sum[32];
		char hex[65];

		if (!mem)
			return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
		rc = cw_sync_content(cli->session.store, mem, &cli->err);
		fclose(mem);
		if (rc == 0) {
			crypto_generichash(sum, sizeof sum, (unsigned char *)text, len, NULL, 0);
			sodium_bin2hex(hex, sizeof hex, sum, sizeof sum);
			fprintf(cli->out, "%s\n", hex);
		}
		free(text);
		return rc;
	}
	return cw_sync_content(cli->session.store, cli->out, &cli->err);
}

int cw_cmd_bundle_peers(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	static const char *const cols[] = {N_("PEER"), N_("LAST BUNDLE"), N_("AUDIT SEQ")};
	struct cw_peer *p;
	struct cw_table t;
	size_t n;
	int rc;

	(void)cmd;
	if ((rc = cw_cli_no_more(cli, first_arg, "casewatch bundle peers")) != 0 ||
	    (rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_sync_peers(cli->session.store, &p, &n, &cli->err)) != 0)
		return rc;
	if (n == 0) {
		fprintf(cli->out,
			_("no bundle exported to a peer yet (bundle export --to NAME)\n"));
		free(p);
		return 0;
	}
	cw_table_init(&t, 3, cols);
	t.fit[1] = t.fit[2] = CW_COLUMN_WHOLE; /* the time local, its offset kept */
	for (size_t i = 0; i < n && rc == 0; i++) {
		char when[CW_TIME_LOCAL_MAX], seq[24];

		cw_time_local_format(p[i].time, when);
		snprintf(seq, sizeof seq, "%llu", (unsigned long long)p[i].seq);
		rc = cw_table_add(&t, (const char *const[]){p[i].name, when, seq});
	}
	if (rc == 0)
		cw_table_print(&t, cli->out, cw_output_width(cli->out));
	cw_table_free(&t);
	free(p);
	return rc ? cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory") : 0;
}

/* What a version is about, as a list shows it: a hearing by its case, not by a court it may
 * not name (into *label, a static buffer). 0, or the error of a record it names that cannot be
 * read (never shown as one not held here). */
static int version_label(struct cw_cli *cli, const struct cw_record *r, const char **label)
{
	static struct cw_record_summary sum;
	static char dated[CW_DATE_TEXT_MAX + sizeof sum.who + 2];
	char day[CW_DATE_TEXT_MAX];
	int rc = cw_record_summarise(cli->session.store, r, &sum, &cli->err);
	struct cw_date date = cw_record_date(r);

	*label = sum.who[0] ? sum.who : cw_record_label(r);
	/* A record of a day (a hearing, a visit) begins with it: two hearings of one case read
	 * alike by the case alone (a field trial's two conflicts both read "Thach Setha
	 * (Candlelight Party)", and the supervisor could not tell which to keep). */
	if (r->kind != CW_KIND_PERSON && r->kind != CW_KIND_CASE && cw_date_is_known(date)) {
		cw_date_format(date, day);
		snprintf(dated, sizeof dated, "%s %s", day, *label);
		*label = dated;
	}
	return rc;
}

/* One field in which a version differs from the one shown: "      province: Takeo (shown:
 * Kandal)", its text made safe for the terminal. */
static void print_difference(void *ctx, const char *field, const char *in_a, const char *in_b)
{
	FILE *out = ctx;

	fputs("      ", out);
	cw_print_safe(out, field, 0);
	fputs(": ", out);
	cw_print_safe(out, in_b ? in_b : _("(none)"), 0);
	fputs(_("   (shown: "), out);
	cw_print_safe(out, in_a ? in_a : _("(none)"), 0);
	fputs(")\n", out);
}

/* The records `conflicts` lists as naming one person twice (say_doubled), in its JSON
 * (cw_store_doubled_each): each record's item gets "doubled", one {person, field, message}
 * for each person it names twice, its message the line `conflicts` prints; a record with no
 * conflict besides is an item of its own with no versions, so that the list's length counts
 * what waits. Every one of them, also past the first CW_DOUBLED_MAX the plain list names (a
 * script reading the JSON has no "and N more" line to go by). */
static int doubled_json(void *ctx, const struct cw_error *line, const struct cw_record *rec,
			const struct cw_id *who, struct cw_error *err)
{
	json_t *arr = ctx, *item = NULL, *list;
	char hex[CW_ID_HEX_LEN + 1], person[CW_ID_HEX_LEN + 1], text[CW_ERROR_LINE_MAX];

	cw_id_hex(&rec->id, hex);
	cw_id_hex(who, person);
	cw_error_format(line, text, sizeof text);
	for (size_t k = 0; k < json_array_size(arr) && !item; k++) {
		json_t *id = json_object_get(json_array_get(arr, k), "id");

		if (id && !strcmp(json_string_value(id), hex))
			item = json_array_get(arr, k);
	}
	if (!item) {
		item = json_pack("{s:s,s:s,s:[]}", "id", hex, "kind",
				 cw_kind_name((enum cw_kind)rec->kind), "versions");
		if (!item || json_array_append_new(arr, item) != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	if (!(list = json_object_get(item, "doubled"))) {
		if (!(list = json_array()) || json_object_set_new(item, "doubled", list) != 0)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	if (json_array_append_new(list, json_pack("{s:s,s:s,s:s}", "person", person, "field",
						  line->field, "message", text)) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	return 0;
}

static int conflicts_list(struct cw_cli *cli)
{
	static struct cw_doubled doubled; /* some 20 KiB: not on the stack */
	struct cw_conflict *c;
	size_t n;
	int rc, shown_w;
	char pad[64];
	int64_t now = cw_now_us();

	if ((!cli->json &&
	     (rc = cw_store_doubled_entries(cli->session.store, &doubled, &cli->err)) != 0) ||
	    (rc = cw_sync_conflicts(cli->session.store, &c, &n, &cli->err)) != 0)
		return rc;
	if (cli->json) {
		json_t *arr = json_array();
		struct cw_report names;

		memset(&names, 0, sizeof names);
		for (size_t i = 0; i < n && rc == 0; i++) {
			struct cw_record_list l = {&c[i].versions[0].rec, 1, 1};

			for (size_t j = 0; j < c[i].n && rc == 0; j++) {
				l.items = &c[i].versions[j].rec;
				rc = cw_report_add_refs(cli->session.store, &names, &l, &cli->err);
			}
		}
		for (size_t i = 0; i < n && rc == 0; i++) {
			json_t *vs = json_array();
			char hex[CW_ID_HEX_LEN + 1];

			cw_id_hex(&c[i].id, hex);
			for (size_t j = 0; j < c[i].n; j++) {
				json_t *r = cw_export_record_json(&names, &c[i].versions[j].rec);

				json_object_set_new(r, "deleted",
						    json_boolean(c[i].versions[j].deleted));
				if (cw_version_in_future(&c[i].versions[j].rec, now)) {
					char d[32];

					cw_time_format(cw_version_dated(&c[i].versions[j].rec), d);
					json_object_set_new(r, "dated_in_future", json_string(d));
				}
				json_array_append_new(vs, r);
			}
			json_array_append_new(arr,
					      json_pack("{s:s,s:s,s:o}", "id", hex, "kind",
							cw_kind_name(c[i].kind), "versions", vs));
		}
		cw_sync_conflicts_free(c, n);
		cw_report_free(&names);
		if (rc == 0)
			rc = cw_store_doubled_each(cli->session.store, doubled_json, arr,
						   &cli->err);
		if (rc != 0) {
			json_decref(arr);
			return rc;
		}
		return cw_cli_print_json(cli, arr);
	}
	if (n == 0 && doubled.n == 0)
		fprintf(cli->out, _("no conflicts\n"));
	/* The other versions' times line up under the first's, in any language: spaces as wide
	 * as " (shown)" is in it. */
	shown_w = cw_text_width(_(" (shown)"));
	snprintf(pad, sizeof pad, "%*s", shown_w < (int)sizeof pad ? shown_w : 0, "");
	for (size_t i = 0; i < n && rc == 0; i++) {
		char hex[CW_ID_HEX_LEN + 1];
		size_t named = 0;
		const char *label;

		/* Named by a version that has content: a deletion shown has none. */
		while (named + 1 < c[i].n && c[i].versions[named].deleted)
			named++;
		if ((rc = version_label(cli, &c[i].versions[named].rec, &label)) != 0)
			break;
		cw_id_hex(&c[i].id, hex);
		fprintf(cli->out, "%s %s \"", cw_kind_text(c[i].kind), hex);
		cw_print_safe(cli->out, label, 0);
		fprintf(cli->out, _("\": %zu versions\n"), c[i].n);
		for (size_t j = 0; j < c[i].n && rc == 0; j++) {
			const struct cw_record *r = &c[i].versions[j].rec;
			char t[CW_TIME_LOCAL_MAX], db[CW_ID_HEX_LEN + 1];
			size_t differ;

			if (!c[i].versions[j].deleted && (rc = version_label(cli, r, &label)) != 0)
				break;
			cw_time_local_format(r->updated, t);
			fprintf(cli->out, _("  %zu%s %s by "), j + 1, j == 0 ? _(" (shown)") : pad,
				t);
			cw_print_safe(cli->out, r->editor ? r->editor : "?", 0);
			fprintf(cli->out, _(" in %s: "), short_hex(&r->edited_in, db));
			if (c[i].versions[j].deleted) {
				fputs(_("deleted"), cli->out);
			} else {
				fputc('"', cli->out);
				cw_print_safe(cli->out, label, 0);
				fputc('"', cli->out);
			}
			/* A wrong clock or a forgery: kept, never shown over another version. */
			if (cw_version_in_future(r, now)) {
				cw_time_local_format(cw_version_dated(r), t);
				fprintf(cli->out, _(" (dated in the future: %.10s)"), t);
			}
			fputc('\n', cli->out);
			/* How it differs from the one shown, so the choice is not made blind. */
			if (j > 0 && !c[i].versions[j].deleted && !c[i].versions[0].deleted)
				rc = cw_record_diff(cli->session.store, &c[i].versions[0].rec, r,
						    print_difference, cli->out, &differ, &cli->err);
		}
	}
	if (rc != 0) {
		cw_sync_conflicts_free(c, n);
		return rc;
	}
	if (n)
		fprintf(cli->out,
			_("choose with: casewatch conflicts resolve ID --keep N, and --take "
			  "FIELD=M "
			  "to keep a field of version M too (casewatch show --json and conflicts "
			  "--json give every field)\n"));
	cw_sync_conflicts_free(c, n);
	if (doubled.n) {
		fprintf(cli->out,
			_("records naming one person twice, with entries that differ (another "
			  "laptop merged two people into one; neither entry was chosen):\n"));
		say_doubled(cli->out, &doubled, 0);
		fprintf(cli->out,
			_("make them one with casewatch edit: in a case, --defendant PERSON and "
			  "what it is to say (--custody, --custody-as-of, --defendant-stage, "
			  "--charge ARTICLES:STATE) sets every entry of that person, and entries "
			  "that agree become one; in a hearing, --clear attendance with --present "
			  "or --absent for each defendant, and --verdict "
			  "ARTICLES=RESULT@PERSON; in a visit, --lawyer-access or --family-access "
			  "PERSON=WORD sets every entry of that detainee\n"));
	}
	return 0;
}

/* "--take notes=2,next-date=1": each field and the version it comes from (numbered from 1, as
 * `conflicts` lists them), added to takes (names copied into names). */
static int parse_takes(struct cw_cli *cli, const char *value, struct cw_take takes[32],
		       char names[32][64], size_t *n)
{
	const char *p = value;

	while (*p) {
		size_t len = strcspn(p, ","), eq;
		char item[80], *end;
		long v;

		if (len >= sizeof item || !(eq = strcspn(p, "=")) || eq >= len || eq >= 64)
			return cw_error_set(&cli->err, CW_EUSAGE, "take",
					    "'%.40s' is not FIELD=N (a field as edit names it, "
					    "and the version to take it from)",
					    p);
		memcpy(item, p, len);
		item[len] = '\0';
		/* notes=all: every version's text joined (store/sync.h) */
		v = !strcmp(item + eq + 1, "all") ? 0 : strtol(item + eq + 1, &end, 10);
		if (v == 0 && !strcmp(item + eq + 1, "all"))
			end = item + len;
		else if (*end || end == item + eq + 1 || v < 1)
			return cw_error_set(
				&cli->err, CW_EINVAL, "take",
				"'%.40s' is not a version number from the list, nor all",
				item + eq + 1);
		if (*n == 32)
			return cw_error_set(&cli->err, CW_EUSAGE, "take",
					    "at most 32 fields can be taken at once");
		memcpy(names[*n], item, eq);
		names[*n][eq] = '\0';
		takes[*n].field = names[*n];
		takes[*n].version = v == 0 ? CW_TAKE_ALL : (size_t)v - 1;
		(*n)++;
		p += len + (p[len] == ',');
	}
	return 0;
}

int cw_cmd_conflicts(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *arg = first_arg < cli->argc ? cli->argv[first_arg] : NULL;
	struct cw_opt opt;
	struct cw_id id;
	struct cw_take takes[32];
	char take_names[32][64];
	size_t ntakes = 0;
	long keep = 0;
	int rc, i = first_arg + 1;
	char hex[CW_ID_HEX_LEN + 1];

	/* Usage is checked before the database is opened (a usage error is 2, whatever the
	 * database). */
	if (!cmd->sub) {
		i = first_arg;
		while ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) == 1)
			if (strcmp(opt.name, "json") && strcmp(opt.name, "help"))
				return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
						    "unknown option");
		if (rc < 0 || (rc = cw_cli_open_store(cli, 0)) != 0)
			return rc;
		return conflicts_list(cli);
	}
	if (!arg || !strncmp(arg, "--", 2))
		return cw_error_set(&cli->err, CW_EUSAGE, "id",
				    "give the record's id: conflicts resolve ID --keep N");
	while ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) == 1) {
		char *end;

		if (!strcmp(opt.name, "keep")) {
			keep = strtol(opt.value, &end, 10);
			if (*end || end == opt.value || keep < 1)
				return cw_error_set(&cli->err, CW_EINVAL, "keep",
						    "'%.20s' is not a version number from the list",
						    opt.value);
		} else if (!strcmp(opt.name, "take")) {
			/* --take FIELD=N[,FIELD=N]: that field from version N. */
			if ((rc = parse_takes(cli, opt.value, takes, take_names, &ntakes)) != 0)
				return rc;
		} else if (strcmp(opt.name, "json") && strcmp(opt.name, "help")) {
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
		}
	}
	if (rc < 0)
		return rc;
	if (!keep)
		return cw_error_set(&cli->err, CW_EUSAGE, "keep",
				    "say which version to keep: --keep N as 'casewatch conflicts' "
				    "numbers them");
	if ((rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	/* A record whose shown version is a deletion has no row, but its conflicts name it, by
	 * the short id `conflicts` shows too. */
	if ((rc = cw_store_find_conflicted_id(cli->session.store, arg, &id, &cli->err)) ==
		    CW_ENOTFOUND &&
	    strlen(arg) == CW_ID_HEX_LEN) {
		/* A record deleted here with no conflict left: its full id still names it (for
		 * resolve to say so). */
		cw_error_clear(&cli->err);
		rc = cw_id_parse_hex(arg, &id) == 0 ? 0 : CW_ENOTFOUND;
	}
	if (rc != 0)
		return rc;
	if ((rc = cw_sync_resolve_taking(cli->session.store, &id, (size_t)keep - 1, takes, ntakes,
					 &cli->err)) != 0)
		return rc;
	cw_id_hex(&id, hex);
	fprintf(cli->out, _("resolved %s: kept version %ld"), hex, keep);
	for (size_t t = 0; t < ntakes; t++)
		if (takes[t].version == CW_TAKE_ALL)
			fprintf(cli->out,
				t ? _(", %s joined from every version")
				  : _(", with %s joined from every version"),
				takes[t].field);
		else
			fprintf(cli->out,
				t ? _(", %s from version %zu") : _(", with %s from version %zu"),
				takes[t].field, takes[t].version + 1);
	fputc('\n', cli->out);
	return 0;
}

int cw_cmd_audit(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	static const char *const cols[] = {N_("SEQ"),    N_("TIME"), N_("ACTION"), N_("KIND"),
					   N_("RECORD"), N_("IN"),   N_("AUTHOR")};
	struct cw_audit_entry *log;
	struct cw_opt opt;
	struct cw_id only, here;
	const char *record = NULL;
	int rc, i = first_arg, have_only = 0;
	size_t n, limit = 0, from = 0, w = 0;

	(void)cmd;
	/* The options first: a usage error is said as one (2) before the database is opened,
	 * and a passphrase option among them is had before the key is asked for. */
	while ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) == 1) {
		if (!strcmp(opt.name, "record")) {
			record = opt.value;
		} else if (!strcmp(opt.name, "limit")) {
			if ((rc = cw_cli_count(cli, "limit", opt.value, &limit)) != 0)
				return rc;
			if (limit == 0)
				return cw_error_set(&cli->err, CW_EINVAL, "limit",
						    "'%.20s' is not a whole number", opt.value);
		} else if (strcmp(opt.name, "json") && strcmp(opt.name, "help")) {
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
		}
	}
	if (rc < 0 || (rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	if (record) {
		/* A deleted record has no row to find: its full id still names it. */
		if ((rc = cw_cli_find_record(cli, record, "record", &only)) != 0 &&
		    cw_id_parse_hex(record, &only) != 0)
			return rc;
		cw_error_clear(&cli->err);
		have_only = 1;
	}
	if ((rc = cw_store_audit(cli->session.store, 0, 0, &log, &n, &cli->err)) != 0)
		return rc;
	cw_store_database_id(cli->session.store, &here);
	for (size_t k = 0; k < n; k++)
		if (!have_only || cw_id_equal(&log[k].record, &only))
			log[w++] = log[k];
	n = w;
	if (limit && n > limit)
		from = n - limit;
	if (cli->json) {
		json_t *arr = json_array();
		struct cw_report names;
		struct cw_id *ids = malloc((n - from + 1) * sizeof *ids);
		size_t nids = 0;

		memset(&names, 0, sizeof names);
		if (!ids) {
			free(log);
			json_decref(arr);
			return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
		}
		for (size_t k = from; k < n; k++)
			if (log[k].kind == CW_KIND_PERSON || log[k].kind == CW_KIND_CASE)
				ids[nids++] = log[k].record;
		rc = cw_report_add_ids(cli->session.store, &names, ids, nids, &cli->err);
		for (size_t k = from; k < n && rc == 0; k++)
			json_array_append_new(
				arr, audit_entry_json(&log[k], &here, cw_report_name, &names));
		free(ids);
		free(log);
		cw_report_free(&names);
		if (rc != 0) {
			json_decref(arr);
			return rc;
		}
		return cw_cli_print_json(cli, arr);
	}
	if (n == 0) {
		fprintf(cli->out, _("the audit log is empty\n"));
	} else {
		struct cw_table t;

		cw_table_init(&t, 7, cols);
		for (int c = 0; c < 6; c++) /* all but the author, who may be cut */
			t.fit[c] = CW_COLUMN_WHOLE;
		for (size_t k = from; k < n && rc == 0; k++) {
			char seq[24], tm[CW_TIME_LOCAL_MAX], rec[CW_ID_HEX_LEN + 1],
				db[CW_ID_HEX_LEN + 1];

			snprintf(seq, sizeof seq, "%llu", (unsigned long long)log[k].seq);
			/* Local, with its offset, as every time shown is (a trial read UTC with no
			 * zone as local time); JSON keeps UTC. */
			cw_time_local_format(log[k].time, tm);
			short_hex(&log[k].record, rec);
			if (cw_id_equal(&log[k].database, &here))
				snprintf(db, sizeof db, _("here"));
			else
				short_hex(&log[k].database, db);
			rc = cw_table_add(&t, (const char *const[]){
						      seq, tm, cw_audit_action_name(log[k].action),
						      cw_kind_text(log[k].kind), rec, db,
						      log[k].author});
		}
		if (rc == 0)
			cw_table_print(&t, cli->out, cw_output_width(cli->out));
		cw_table_free(&t);
	}
	free(log);
	return rc ? cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory") : 0;
}
