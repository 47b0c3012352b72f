/* cmd_records.c - the commands on records: init, seed, add (person, case, log), edit, delete,
 * list, show, timeline, import, articles; see commands.h. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/advice.h"
#include "app/people.h"
#include "cli/commands.h"
#include "models/confidential.h"
#include "cli/output.h"
#include "models/codec.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "models/timeline.h"
#include "report/export.h"
#include "report/record_text.h"
#include "seed/import.h"
#include "store/attach.h"
#include "store/sync.h"

/* Ids in tables: the first 8 hex digits, enough to tell records apart by eye. */
#define SHORT_ID 8
/* `show`'s labels column: as wide as the record view's, whose labels it gives (a label there
 * is up to 20 columns: "name in Latin script"). */
#define SHOW_LABEL 20

/* ---- printing records ------------------------------------------------------------------- */

/* label, padded by display width (a label in Khmer takes 3 bytes a column) to the values'
 * column; a wider one on a line of its own, the value under it where values stand, as the
 * record view does (a field trial saw "participants at least" push its value out of line). */
static void print_label(FILE *out, int indent, const char *label)
{
	int w = cw_text_width(label);

	if (w > SHOW_LABEL)
		fprintf(out, "%*s%s\n%*s ", indent, "", label, indent + SHOW_LABEL, "");
	else
		fprintf(out, "%*s%s%*s ", indent, "", label, SHOW_LABEL - w, "");
}

static void print_line(void *ctx, int indent, const char *name, const char *value)
{
	if (!value) {
		fprintf(ctx, "%*s%s\n", indent, "", name);
		return;
	}
	print_label(ctx, indent, name);
	cw_print_safe(ctx, value, 1); /* notes keep their lines */
	fputc('\n', ctx);
}

/* label a msgid (the provenance's) or a text already translated, which gettext gives back. */
static void print_pair(void *ctx, const char *label, const char *value)
{
	print_label(ctx, 0, _(label));
	cw_print_safe(ctx, value, 0);
	fputc('\n', ctx);
}

/* A record that links to the one shown: "same event as", "disputed by", then its id. */
struct linked_lines {
	FILE *out;
	json_t *json;
	int failed;
};

static void print_linked(void *ctx, uint8_t relation, const struct cw_id *from)
{
	struct linked_lines *ll = ctx;
	char hex[CW_ID_HEX_LEN + 1];

	cw_id_hex(from, hex);
	if (ll->json) {
		if (json_array_append_new(ll->json,
					  json_pack("{s:s,s:s}", "relation",
						    cw_enum_word(&cw_words_link, relation),
						    "record", hex)) != 0)
			ll->failed = 1;
		return;
	}
	print_pair(ll->out, cw_record_linked_label(relation), hex);
}

/* 0, or the error of a record it names that cannot be read (then out holds part of it). */
static int print_record(struct cw_cli *cli, FILE *out, const struct cw_record *rec)
{
	struct linked_lines ll = {out, NULL, 0};
	char hex[CW_ID_HEX_LEN + 1];
	int rc;

	/* Every line named as the record view names it, in the reader's language: a Khmer field
	 * trial read follow_up and notes here beside the labels of the lines after them. */
	cw_id_hex(&rec->id, hex);
	print_pair(out, N_("record id"), hex);
	/* TRANSLATORS: `show`'s line naming what a record is (hearing, visit, ...). */
	print_pair(out, N_("kind"), cw_kind_text(rec->kind));
	if ((rc = cw_record_labelled_lines(cli->session.store, rec, print_line, out, &cli->err)) !=
	    0)
		return rc;
	cw_record_provenance(rec, print_pair, out);
	/* The accounts that link to it, as its own links are shown: a link is kept on the
	 * record that names the other (a sync trial saw it from one side only). */
	return cw_record_linked_from(cli->session.store, &rec->id, print_linked, &ll, &cli->err);
}

/* lead: the filter whose articles come first in the articles column (NULL: none). */
static int print_record_table(struct cw_cli *cli, const struct cw_record_list *l, int kind,
			      const struct cw_filter *lead)
{
	/* ACCOUNT says whose account each row is (UN, gov, own, ...): a government account must
	 * never read as established fact beside the UN's. */
	static const char *const person_cols[] = {N_("ID"),          N_("NAME"),  N_("KHMER"),
						  N_("AFFILIATION"), N_("ROLES"), N_("PROVINCE"),
						  N_("ACCOUNT")};
	static const char *const case_cols[] = {N_("ID"),         N_("OPENED"), N_("ACCOUNT"),
						N_("TITLE"),      N_("COURT"),  N_("ARTICLES"),
						N_("DEFENDANTS"), N_("STAGE")};
	static const char *const event_cols[] = {
		N_("ID"),       N_("DATE"),          N_("KIND"),
		N_("ACCOUNT"),  N_("CASE / PERSON"), N_("COURT / PLACE"),
		N_("ARTICLES"), N_("OUTCOME")};
	struct cw_table t;
	/* The people the rows name, each read once for the table (cw_record_list_mark). */
	struct cw_list_memo memo = {0};
	int rc = 0, oom = 0;

	/* On a narrow terminal ids, dates, kinds and accounts stay whole (an id is typed back,
	 * a date and a kind are what a row is found by); long free text gives room first. */
	static const unsigned char person_fit[] = {CW_COLUMN_WHOLE, CW_COLUMN_CUT,  CW_COLUMN_CUT,
						   CW_COLUMN_FREE,  CW_COLUMN_FREE, CW_COLUMN_CUT,
						   CW_COLUMN_WHOLE};
	static const unsigned char case_fit[] = {CW_COLUMN_WHOLE, CW_COLUMN_WHOLE, CW_COLUMN_WHOLE,
						 CW_COLUMN_CUT,   CW_COLUMN_FREE,  CW_COLUMN_CUT,
						 CW_COLUMN_CUT,   CW_COLUMN_CUT};
	static const unsigned char event_fit[] = {CW_COLUMN_WHOLE, CW_COLUMN_WHOLE, CW_COLUMN_WHOLE,
						  CW_COLUMN_WHOLE, CW_COLUMN_CUT,   CW_COLUMN_FREE,
						  CW_COLUMN_CUT,   CW_COLUMN_FREE};
	const unsigned char *fit;

	if (kind == CW_KIND_PERSON) {
		cw_table_init(&t, 7, person_cols);
		fit = person_fit;
		t.min_width[1] = 12; /* a name, enough to tell people apart */
	} else if (kind == CW_KIND_CASE) {
		cw_table_init(&t, 8, case_cols);
		fit = case_fit;
	} else {
		cw_table_init(&t, 8, event_cols);
		fit = event_fit;
	}
	memcpy(t.fit, fit, (size_t)t.ncols);
	/* rc: a record a row names that cannot be read (it fails its authentication) ends the
	 * table unprinted, never shown as one not held here; oom: the table's own memory. */
	for (size_t i = 0; i < l->n && rc == 0 && !oom; i++) {
		const struct cw_record *r = &l->items[i];
		char hex[CW_ID_HEX_LEN + 1], date[CW_DATE_TEXT_MAX], a[512], b[512], named[600];
		const char *mark;

		cw_id_hex(&r->id, hex);
		hex[SHORT_ID] = '\0';
		cw_date_format(cw_record_date(r), date);
		if (r->kind == CW_KIND_PERSON && kind == CW_KIND_PERSON) {
			const struct cw_person *p = &r->u.person;

			cw_set_text(&cw_words_roles, p->roles, a, sizeof a);
			/* "[C] " or "[c] " where the eye starts, as in the terminal interface; a
			 * person known only in Khmer under that name, not an empty cell. */
			snprintf(named, sizeof named, "%s%s", cw_confidential_mark(r),
				 cw_person_name(p));
			oom = cw_table_add(
				&t, (const char *const[]){hex, named,
							  p->name && *p->name ? p->name_km : NULL,
							  p->affiliation, a, p->province,
							  cw_view_short(r->view)});
		} else if (r->kind == CW_KIND_CASE && kind == CW_KIND_CASE) {
			const struct cw_case *k = &r->u.kase;

			cw_case_articles_text(r, NULL, a, sizeof a);
			if (lead)
				cw_articles_text_lead(a, sizeof a, lead->articles, lead->narticles);
			cw_defendants_text(k, b, sizeof b);
			if ((rc = cw_record_list_mark(cli->session.store, &memo, r, &mark,
						      &cli->err)) != 0)
				break;
			snprintf(named, sizeof named, "%s%s", mark, k->title ? k->title : "");
			oom = cw_table_add(
				&t,
				(const char *const[]){
					hex, date, cw_view_short(r->view), named, k->court, a, b,
					k->stage ? cw_enum_label(&cw_words_stage, k->stage) : ""});
		} else {
			struct cw_record_summary sum;

			if ((rc = cw_record_summarise_in(cli->session.store, &memo, r, &sum,
							 &cli->err)) != 0)
				break;
			if (lead)
				cw_articles_text_lead(sum.articles, sizeof sum.articles,
						      lead->articles, lead->narticles);
			snprintf(named, sizeof named, "%s%s", sum.mark, sum.who);
			oom = cw_table_add(
				&t, (const char *const[]){hex, date, cw_kind_text(r->kind),
							  cw_view_short(r->view), named, sum.where,
							  sum.articles, sum.what});
		}
	}
	cw_list_memo_free(&memo);
	if (rc == 0 && !oom)
		cw_table_print(&t, cli->out, cw_output_width(cli->out));
	cw_table_free(&t);
	return rc ? rc : oom ? cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory") : 0;
}

/* ---- commands --------------------------------------------------------------------------- */

/* Every option init takes, each said: the man page gave --kdf-cost and --new-passphrase-file
 * and the help only --no-encryption (a field trial). */
const char cw_init_help[] =
	N_("Creates the database, encrypted: asks for a new passphrase twice (without echo, at\n"
	   "least 8 characters) and makes a random master key, kept only wrapped by a key derived\n"
	   "from the passphrase (Argon2id). The folder is made private to you (mode 0700). On a\n"
	   "database that is there already it says so and changes nothing. Write a recovery file\n"
	   "at once with 'casewatch key export'.\n"
	   "Options:\n"
	   "  --no-encryption             a plain database, for tests and demonstrations only\n"
	   "  --kdf-cost default|minimal  how costly the key derivation is: minimal is for tests\n"
	   "                              only and protects nothing\n"
	   "  --new-passphrase-file FILE  read the new passphrase from the first line of FILE\n"
	   "                              instead of asking for it on the terminal\n"
	   "  --new-passphrase-fd N       the same from the open file descriptor N\n"
	   "  --passphrase-file FILE      read the passphrase from the first line of FILE: that\n"
	   "                              of the database there already, or the new one when\n"
	   "                              no new passphrase option is given\n"
	   "  --passphrase-fd N           the same from the open file descriptor N\n");

int cw_cmd_init(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_kdf_params kdf = cw_kdf_default();
	struct cw_id id;
	char hex[CW_ID_HEX_LEN + 1];
	struct cw_opt opt;
	int rc, i = first_arg, plain = 0, existed;

	(void)cmd;
	while ((rc = cw_cli_next_opt(cli, &i, "help,no-encryption", &opt)) > 0) {
		if (!strcmp(opt.name, "no-encryption"))
			plain = 1;
		else if (!strcmp(opt.name, "kdf-cost") && !strcmp(opt.value, "minimal"))
			kdf = cw_kdf_cheapest(); /* tests only: protects nothing */
		else if (!strcmp(opt.name, "kdf-cost") && strcmp(opt.value, "default") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, "kdf-cost",
					    "is 'default' or 'minimal' (tests only)");
		else if (strcmp(opt.name, "help") != 0 && strcmp(opt.name, "kdf-cost") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	}
	if (rc < 0)
		return rc;
	existed = cw_session_db_exists(cli->session.db_dir);
	if (existed || plain)
		rc = cw_cli_open_store(cli, 1);
	else
		rc = cw_session_create_encrypted(&cli->session, &kdf, &cli->err);
	if (rc != 0)
		return rc;
	cw_store_database_id(cli->session.store, &id);
	cw_id_hex(&id, hex);
	/* TRANSLATORS: "casewatch database ready in DIR (database id ID), encrypted"; the first
	 * %s is "ready" or "already" (it was there), the last "encrypted" or "NOT encrypted: ..."
	 */
	fprintf(cli->out, _("casewatch database %s in %s (database id %s), %s\n"),
		existed ? _("already") : _("ready"), cli->session.db_dir, hex,
		cw_store_encrypted(cli->session.store)
			? _("encrypted")
			: _("NOT encrypted: for tests and demonstrations only"));
	/* Said to whoever runs init, monitor or supervisor: where the file goes names no
	 * role (a supervisor was told to give it to "your supervisor"). */
	if (!existed && cw_store_encrypted(cli->session.store))
		fprintf(cli->out,
			_("Without the passphrase nothing in it can be read: write a recovery file "
			  "now with 'casewatch key export --to FILE' and keep it off this laptop, "
			  "with someone your team trusts to hold it.\n"));
	return 0;
}

/* person add, case add, log KIND: a new record from options, saved in one transaction. */
/* A person close to one already there (app/people.h) is added only when the user says so:
 * --yes, or y at the question when a terminal is there to answer it. */
static int check_not_twice(struct cw_cli *cli, const struct cw_record *rec)
{
	struct cw_record like;
	char hex[CW_ID_HEX_LEN + 1], answer[16];
	char *safe;
	int rc = cw_person_like(cli->session.store, rec->u.person.name, rec->u.person.name_km, NULL,
				&like, &cli->err);

	if (rc <= 0 || cli->yes) {
		if (rc > 0)
			cw_record_free(&like);
		return rc < 0 ? rc : 0;
	}
	cw_id_hex(&like.id, hex);
	safe = cw_text_for_terminal(cw_record_label(&like), 0);
	cw_record_free(&like);
	if (isatty(STDIN_FILENO) && isatty(STDERR_FILENO)) {
		fprintf(stderr,
			_("casewatch: %s (%.8s) is already in the database: add another "
			  "person with this name? [y/N] "),
			safe ? safe : "", hex);
		if (fgets(answer, sizeof answer, stdin) && (answer[0] == 'y' || answer[0] == 'Y')) {
			free(safe);
			return 0;
		}
	}
	rc = cw_error_set(&cli->err, CW_EREFUSED, "name",
			  "%.200s (%.8s) is already in the database: use that person, or give "
			  "--yes to add another one with this name",
			  safe ? safe : "", hex);
	free(safe);
	return rc;
}

/* The warning of a person added whose name is a letter or two from `like`'s, with the merge
 * that makes them one (KEEP first: the one already there). */
static void warn_typo(const struct cw_record *like, const struct cw_record *added)
{
	char like_hex[CW_ID_HEX_LEN + 1], added_hex[CW_ID_HEX_LEN + 1], what[400], fix[200];

	cw_id_hex(&like->id, like_hex);
	cw_id_hex(&added->id, added_hex);
	snprintf(what, sizeof what, _("%.200s (%.8s) has a name a letter or two from this one"),
		 cw_record_label(like), like_hex);
	snprintf(fix, sizeof fix, _("if they are one person: casewatch person merge %.8s %.8s"),
		 like_hex, added_hex);
	cw_cli_print_advice(NULL, what, fix);
}

/* Whether the options name an account (--view, even "unknown"). */
static int view_given(const struct cw_cli *cli, int first_arg)
{
	for (int i = first_arg; i < cli->argc; i++)
		if (!strcmp(cli->argv[i], "--view") || !strncmp(cli->argv[i], "--view=", 7))
			return 1;
	return 0;
}

/* What the monitor should know about a record saved (app/advice.h), on standard error. */
void cw_cli_print_advice(void *ctx, const char *what, const char *fix)
{
	/* A group's label is in some: text of the database, made safe for the terminal. */
	char *safe_what = cw_text_for_terminal(what, 0), *safe_fix = cw_text_for_terminal(fix, 0);

	(void)ctx;
	fprintf(stderr, _("casewatch: warning: %s; %s\n"), safe_what ? safe_what : "",
		safe_fix ? safe_fix : "");
	free(safe_what);
	free(safe_fix);
}

/* A field a refusal names, named as its option is spelled ("next-date: is before the
 * hearing's own date", for --next-date), not as the JSON key (next_date); a path into a list
 * ("verdicts[0].result") stays as it is. Returns rc. */
static int field_as_option(struct cw_cli *cli, int rc)
{
	char *f = cli->err.field;

	if (rc != 0 && f[0] && !f[strspn(f, "abcdefghijklmnopqrstuvwxyz_")])
		for (; *f; f++)
			if (*f == '_')
				*f = '-';
	return rc;
}

/* Checks a record built from command-line options as logging it asks (app/advice.h). */
static int check_from_options(struct cw_cli *cli, const struct cw_record *rec,
			      const struct cw_record *was)
{
	return field_as_option(cli, cw_check_logged(cli->session.store, rec, was, &cli->err));
}

/* Saves a record built from command-line options. */
static int put_from_options(struct cw_cli *cli, struct cw_record *rec, unsigned flags)
{
	return field_as_option(cli, cw_store_put(cli->session.store, rec, flags, &cli->err));
}

int cw_cmd_add(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_record rec;
	struct cw_record typo;
	struct cw_error typo_err; /* a failed search only leaves the warning out */
	char hex[CW_ID_HEX_LEN + 1];
	int rc, have_typo = 0, typo_found = 0;

	if ((rc = cw_cli_check_record_option_names(cli, (int)cmd->kind, first_arg)) != 0 ||
	    (rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	cw_record_init(&rec, cmd->kind);
	rc = cw_cli_apply_record_options(cli, &rec, first_arg);
	if (rc == 0 && !view_given(cli, first_arg))
		cw_record_view_from_source(&rec, 1);
	/* Documents may describe a hearing without its date; a monitor logging one knows it. A
	 * milestone's case names its person (app/advice.h). */
	if (rc == 0)
		rc = check_from_options(cli, &rec, NULL);
	if (rc == 0 && rec.kind == CW_KIND_PERSON)
		rc = check_not_twice(cli, &rec);
	/* A name a letter or two from a person's is added, with a warning that names them (a
	 * supervisor's trial added "Eng Sroyy" beside Eng Sroy unwarned); close ones were asked
	 * about above. */
	if (rc == 0 && rec.kind == CW_KIND_PERSON &&
	    (typo_found = cw_person_typo(cli->session.store, cw_person_name(&rec.u.person), &typo,
					 &typo_err)) > 0)
		have_typo = !cw_names_close(cw_person_name(&typo.u.person),
					    cw_person_name(&rec.u.person));
	if (rc == 0 &&
	    (rc = put_from_options(cli, &rec, CW_PUT_NEW | CW_PUT_FOLLOW_VERDICTS)) == 0) {
		cw_id_hex(&rec.id, hex);
		if (cli->json)
			rc = cw_cli_print_records_json(cli, &rec, 1, 1);
		else
			fprintf(cli->out, _("added %s %s%s\n"), cw_kind_text(rec.kind), hex,
				cw_cli_said(cli));
		if (have_typo)
			warn_typo(&typo, &rec);
		cw_advise_saved(cli->session.store, &rec, cw_cli_print_advice, NULL);
	}
	if (typo_found > 0)
		cw_record_free(&typo);
	cw_record_free(&rec);
	return rc;
}

/* The first argument: an id, an id prefix, ref:REF, or (for persons and cases) a name. */
static int record_argument(struct cw_cli *cli, int first_arg, const char *what, struct cw_id *id)
{
	const char *arg = first_arg < cli->argc ? cli->argv[first_arg] : NULL;

	if (!arg || !strncmp(arg, "--", 2))
		return cw_error_set(&cli->err, CW_EUSAGE, what, "give the record's id");
	return cw_cli_find_record(cli, arg, what, id);
}

int cw_cmd_edit(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_record rec, was;
	struct cw_id id;
	int rc;

	(void)cmd;
	/* `edit ID` alone would save the record as it is and say "saved". */
	if (first_arg < cli->argc && first_arg + 1 >= cli->argc)
		return cw_error_set(
			&cli->err, CW_EUSAGE, "edit",
			"give the fields to change after the id, e.g. casewatch edit ID "
			"--notes TEXT (casewatch edit --help lists them)");
	if ((rc = cw_cli_check_record_option_names(cli, -1, first_arg + 1)) != 0 ||
	    (rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = record_argument(cli, first_arg, "id", &id)) != 0 ||
	    (rc = cw_store_get(cli->session.store, &id, &rec, &cli->err)) != 0)
		return rc;
	/* What logging the record requires, an edit does not take away (app/advice.h): the
	 * stored version says what it had. */
	if ((rc = cw_record_copy(&was, &rec)) != 0) {
		cw_record_free(&rec);
		return cw_error_set(&cli->err, rc, "", "out of memory");
	}
	if ((rc = cw_cli_apply_record_options(cli, &rec, first_arg + 1)) == 0 &&
	    (rc = check_from_options(cli, &rec, &was)) == 0 &&
	    (rc = put_from_options(cli, &rec, CW_PUT_FOLLOW_VERDICTS | CW_PUT_IF_UNCHANGED)) == 0) {
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(&rec.id, hex);
		fprintf(cli->out, _("saved %s %s%s\n"), cw_kind_text(rec.kind), hex,
			cw_cli_said(cli));
		cw_advise_saved(cli->session.store, &rec, cw_cli_print_advice, NULL);
	}
	cw_record_free(&was);
	cw_record_free(&rec);
	return rc;
}

int cw_cmd_delete(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_delete_note note;
	enum cw_kind kind;
	struct cw_record rec;
	struct cw_id id;
	char hex[CW_ID_HEX_LEN + 1];
	struct cw_opt opt;
	size_t attached = 0;
	int rc, i = first_arg + 1;

	(void)cmd;
	/* Usage before the database: a usage error is 2 whatever the database. */
	if (first_arg >= cli->argc || !strncmp(cli->argv[first_arg], "--", 2))
		return cw_error_set(&cli->err, CW_EUSAGE, "id", "give the record's id");
	while ((rc = cw_cli_next_opt(cli, &i, "yes,help,json", &opt)) == 1)
		if (strcmp(opt.name, "yes") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	if (rc < 0 || (rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = record_argument(cli, first_arg, "id", &id)) != 0)
		return rc;
	if ((rc = cw_store_get(cli->session.store, &id, &rec, &cli->err)) != 0)
		return rc;
	if ((rc = cw_store_attachment_count(cli->session.store, &id, &attached, &cli->err)) != 0) {
		cw_record_free(&rec);
		return rc;
	}
	cw_id_hex(&id, hex);
	if (!cli->yes) {
		char answer[16] = "";

		if (!isatty(STDIN_FILENO)) {
			cw_record_free(&rec);
			return cw_error_set(&cli->err, CW_EUSAGE, "delete",
					    "not deleting without confirmation; add --yes");
		}
		fprintf(stderr, _("Delete %s %.8s \""), cw_kind_text(rec.kind), hex);
		cw_print_safe(stderr, cw_record_label(&rec), 0);
		fprintf(stderr, "\"");
		if (attached)
			fprintf(stderr,
				P_(" and detach its %zu attached file (undo does not bring it "
				   "back)",
				   " and detach its %zu attached files (undo does not bring them "
				   "back)",
				   attached),
				attached);
		fprintf(stderr, "? [y/N] ");
		if (!fgets(answer, sizeof answer, stdin) ||
		    (answer[0] != 'y' && answer[0] != 'Y')) {
			cw_record_free(&rec);
			fprintf(cli->out, _("not deleted\n"));
			return 0;
		}
	}
	kind = rec.kind;
	cw_record_free(&rec);
	if ((rc = cw_store_delete_noting(cli->session.store, &id, &note, &cli->err)) != 0)
		return rc;
	fprintf(cli->out,
		_("deleted %s: `casewatch undo` brings it back until the next change; "
		  "`casewatch undo --forget` wipes it from the file now\n"),
		hex);
	if (note.stage) {
		/* The stage a ruling moved stays (the stage before is not kept): said, so that
		 * the monitor sets it back by hand where it should go back. */
		char kase[CW_ID_HEX_LEN + 1], what[300], fix[200];

		cw_id_hex(&note.case_id, kase);
		snprintf(what, sizeof what,
			 _("case %.8s stays at stage \"%s\", where this %s may have moved it: "
			   "the stage before is not kept"),
			 kase, cw_enum_label(&cw_words_stage, note.stage), cw_kind_text(kind));
		snprintf(fix, sizeof fix,
			 _("if it should go back, set it: casewatch edit %.8s --stage STAGE"),
			 kase);
		cw_cli_print_advice(NULL, what, fix);
	}
	if (attached)
		fprintf(cli->out,
			P_("%zu attached file was detached: undo does not bring it back\n",
			   "%zu attached files were detached: undo does not bring them back\n",
			   attached),
			attached);
	return 0;
}

/* Filter options shared by list (and later report and export). */
static int parse_filter_options(struct cw_cli *cli, int first_arg, struct cw_filter *f,
				size_t *limit, size_t *offset, int *oldest_first)
{
	struct cw_opt opt;
	int rc, i = first_arg;

	while ((rc = cw_cli_next_opt(cli, &i, "json,help,oldest-first", &opt)) == 1) {
		if (!strcmp(opt.name, "json") || !strcmp(opt.name, "help"))
			continue;
		if (!strcmp(opt.name, "oldest-first")) {
			*oldest_first = 1;
			continue;
		}
		if (!strcmp(opt.name, "limit") || !strcmp(opt.name, "offset")) {
			if ((rc = cw_cli_count(cli, opt.name, opt.value,
					       strcmp(opt.name, "limit") ? offset : limit)) != 0)
				return rc;
			continue;
		}
		if (!strcmp(opt.name, "filter")) {
			if ((rc = cw_filter_parse_line(opt.value, f, &cli->err)) != 0)
				return rc;
			continue;
		}
		if ((rc = cw_filter_set(f, opt.name, opt.value, &cli->err)) != 0)
			return rc == CW_EINVAL && !strcmp(cli->err.message,
							  cw_filter_unknown_message())
				       ? cw_error_set(&cli->err, CW_EUSAGE, opt.name,
						      "unknown option; see casewatch list --help")
				       : rc;
	}
	if (rc == 0 && cw_date_is_known(f->since) && cw_date_is_known(f->until) &&
	    cw_date_compare(f->since, f->until) > 0)
		return cw_error_set(&cli->err, CW_EINVAL, "until", "is before --since");
	return rc;
}

int cw_cmd_list(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_filter f;
	struct cw_record_list l;
	const char *what = first_arg < cli->argc ? cli->argv[first_arg] : "";
	uint32_t kinds;
	size_t limit = 0, offset = 0;
	int rc, oldest = 0, kind;

	(void)cmd;
	cw_filter_init(&f);
	if (!strcmp(what, "persons") || !strcmp(what, "people") || !strcmp(what, "person"))
		kind = CW_KIND_PERSON;
	else if (!strcmp(what, "cases") || !strcmp(what, "case"))
		kind = CW_KIND_CASE;
	else if (!strcmp(what, "records") || !strcmp(what, "record"))
		kind = CW_KIND_NONE;
	else
		return cw_error_set(&cli->err, CW_EUSAGE, "list",
				    "say what to list: persons, cases or records");
	if ((rc = parse_filter_options(cli, first_arg + 1, &f, &limit, &offset, &oldest)) != 0)
		return rc;
	if (kind != CW_KIND_NONE && f.kinds)
		return cw_error_set(&cli->err, CW_EUSAGE, "kind",
				    "--kind applies to 'list records'");
	if ((rc = cw_cli_open_store(cli, 0)) != 0 || (rc = cw_cli_check_filter(cli, &f)) != 0)
		return rc;
	kinds = kind ? CW_KIND_BIT(kind) : CW_KINDS_EVENTS;
	if (kind && f.kinds == 0)
		f.kinds = kinds;
	rc = cw_store_list(cli->session.store, &f, kinds,
			   oldest ? CW_ORDER_OLDEST_FIRST : CW_ORDER_NEWEST_FIRST, offset, limit,
			   &l, &cli->err);
	if (rc != 0)
		return rc;
	if (cli->json)
		rc = cw_cli_print_records_json(cli, l.items, l.n, 0);
	else if (l.n == 0)
		fprintf(cli->out, _("no matching %s\n"), kind ? cw_kind_text(kind) : _("records"));
	else
		rc = print_record_table(cli, &l, kind, &f);
	cw_record_list_free(&l);
	return rc;
}

/* Under a case's fields, its groups of unnamed defendants' pretrial detention as their events
 * say (a named defendant's is in their timeline): "  NagaWorld union activists (8 unnamed): 39
 * days and counting", under one heading. */
struct group_lines {
	FILE *out;
	int lines;
};

static void group_detention_line(void *ctx, const char *who, const char *days)
{
	struct group_lines *g = ctx;

	if (!g->lines++)
		fprintf(g->out, "%s\n", _("pretrial detention of unnamed defendants"));
	fputs("  ", g->out);
	cw_print_safe(g->out, who, 0);
	fputs(": ", g->out);
	cw_print_safe(g->out, days, 0);
	fputc('\n', g->out);
}

int cw_cmd_show(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_record rec;
	struct cw_id id;
	int rc;

	(void)cmd;
	if (first_arg >= cli->argc || !strncmp(cli->argv[first_arg], "--", 2))
		return cw_error_set(&cli->err, CW_EUSAGE, "id", "give the record's id");
	if ((rc = cw_cli_no_more(cli, first_arg + 1, "casewatch show ID [--json]")) != 0 ||
	    (rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = record_argument(cli, first_arg, "id", &id)) != 0 ||
	    (rc = cw_store_get(cli->session.store, &id, &rec, &cli->err)) != 0)
		return rc;
	if (cli->json) {
		struct linked_lines ll = {NULL, json_array(), 0};

		/* "linked_from": [{relation, record}], the accounts that link to it. */
		if (!ll.json)
			rc = cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
		else if ((rc = cw_record_linked_from(cli->session.store, &rec.id, print_linked, &ll,
						     &cli->err)) == 0 &&
			 ll.failed)
			rc = cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
		if (rc == 0)
			rc = cw_cli_print_records_json_with(cli, &rec, "linked_from", ll.json);
		else
			json_decref(ll.json);
		ll.json = NULL;
	} else {
		/* Whole or not at all: a record it names that cannot be read ends it, and the
		 * lines before must not stand as the record. */
		char *text = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&text, &len);
		struct group_lines g = {mem, 0};

		if (!mem)
			rc = cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
		else if ((rc = print_record(cli, mem, &rec)) == 0)
			rc = cw_case_group_detention(cli->session.store, &rec, cw_date_today(),
						     group_detention_line, &g, &cli->err);
		if (mem && fclose(mem) != 0 && rc == 0)
			rc = cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
		if (rc == 0)
			fwrite(text, 1, len, cli->out);
		free(text);
	}
	cw_record_free(&rec);
	return rc;
}

/* What set a person free, as the timeline names it ("bail granted", "release"), and whose
 * account it is when not the case's ("release granted (account: NGO)"), and its date in on. */
static void freed_by_text(const struct cw_record *r, const struct cw_record *kase, char *buf,
			  size_t len, char on[CW_DATE_TEXT_MAX])
{
	size_t n;

	if (r->kind == CW_KIND_HEARING)
		/* A hearing's bail decision (timeline.h: the only way a hearing sets one free). */
		snprintf(buf, len, "%s %s", cw_enum_label(&cw_words_milestone, CW_MS_BAIL),
			 cw_enum_label(&cw_words_bail, r->u.hearing.bail));
	else if (r->u.milestone.outcome)
		snprintf(buf, len, "%s %s", cw_enum_label(&cw_words_milestone, r->u.milestone.type),
			 cw_enum_label(&cw_words_decision, r->u.milestone.outcome));
	else
		snprintf(buf, len, "%s", cw_enum_label(&cw_words_milestone, r->u.milestone.type));
	/* Another account's end is said as that account's. */
	if (r->view && kase->view && r->view != kase->view && (n = strlen(buf)) < len)
		snprintf(buf + n, len - n, _(" (account: %s)"),
			 cw_enum_label(&cw_words_view, r->view));
	cw_date_format(cw_record_date(r), on);
}

/* One line of the timeline's head, wrapped to the terminal (on a file or a pipe, whole), its
 * continuation lines under the text after the label. */
static void head_line(struct cw_cli *cli, int width, int indent, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void head_line(struct cw_cli *cli, int width, int indent, const char *fmt, ...)
{
	char line[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	cw_text_trim_utf8(line);
	cw_print_wrapped(cli->out, line, width, indent);
}

static void print_timeline_header(struct cw_cli *cli, const struct cw_record *person,
				  const struct cw_record_list *l)
{
	const struct cw_person *p = &person->u.person;
	struct cw_timeline_summary sum;
	char pre[CW_PRETRIAL_TEXT_MAX], next[CW_NEXT_HEARING_TEXT_MAX];
	int width = cw_output_width(cli->out);
	struct cw_date today = cw_date_today();

	cw_timeline_summarise(&person->id, l->items, l->n, today, &sum);
	head_line(cli, width, 2, "%s%s%s%s%s", cw_person_name(p),
		  p->name && p->name_km ? " / " : "", p->name && p->name_km ? p->name_km : "",
		  p->affiliation ? " — " : "", p->affiliation ? p->affiliation : "");
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_record *r = &l->items[i];

		if (r->kind != CW_KIND_CASE)
			continue;
		for (size_t j = 0; j < r->u.kase.defendants.n; j++) {
			const struct cw_defendant *d =
				(const struct cw_defendant *)r->u.kase.defendants.items + j;
			const struct cw_record *freed, *ruled;
			char arts[600], custody[600], account[200], stage_text[300] = "";
			enum cw_cleared cleared;
			uint8_t stage;
			int on_appeal;

			if (!cw_id_equal(&d->person, &person->id))
				continue;
			cw_charges_text(d, today, arts, sizeof arts);
			snprintf(account, sizeof account, _(" (account: %s)"),
				 cw_enum_label(&cw_words_view, r->view));
			head_line(cli, width, 6, "%s%s%s", _("  case: "), r->u.kase.title, account);
			head_line(cli, width, 6, "%s%s", _("    charges: "),
				  arts[0] ? arts : _("none recorded"));
			snprintf(custody, sizeof custody, "%s",
				 d->custody ? cw_enum_label(&cw_words_custody, d->custody)
					    : "unknown");
			/* A case entry still saying "detained" beside the bail that ended the
			 * detention: say which is older, or the reader believes the stale one. */
			if ((freed = cw_timeline_custody_outdated(&person->id, r, l->items, l->n,
								  today))) {
				char what[200], on[CW_DATE_TEXT_MAX];

				freed_by_text(freed, r, what, sizeof what, on);
				snprintf(custody, sizeof custody,
					 cw_date_precision(cw_record_date(freed)) == CW_DATE_DAY
						 ? _("%s (as the case records it; %s on %s ended "
						     "the "
						     "pretrial detention)")
						 : _("%s (as the case records it; %s in %s ended "
						     "the "
						     "pretrial detention)"),
					 cw_enum_label(&cw_words_custody, d->custody), what, on);
			} else if ((freed = cw_timeline_released_after_ruling(
					    &person->id, r, l->items, l->n, today))) {
				/* Released after the ruling, the entry older: said the same way. */
				char what[200], on[CW_DATE_TEXT_MAX];

				freed_by_text(freed, r, what, sizeof what, on);
				snprintf(custody, sizeof custody,
					 /* TRANSLATORS: "detained (as the case records it; release
					  * granted (account: NGO) on 2026-11-15 came after the
					  * ruling)" */
					 _("%s (as the case records it; %s on %s came after the "
					   "ruling)"),
					 cw_enum_label(&cw_words_custody, d->custody), what, on);
			} else if ((freed = cw_timeline_cleared_outdated(&person->id, r, l->items,
									 l->n, today, &cleared))) {
				/* "charges: acquitted" above "custody: detained": which is older,
				 * and whose account the ruling is when not the case's. */
				char on[CW_DATE_TEXT_MAX], acct[200] = "";

				cw_date_format(cw_record_date(freed), on);
				if (freed->view && r->view && freed->view != r->view)
					snprintf(acct, sizeof acct, _(" (account: %s)"),
						 cw_enum_label(&cw_words_view, freed->view));
				snprintf(custody, sizeof custody,
					 cleared == CW_CLEARED_ACQUITTED
						 ? _("%s (as the case records it; the ruling of "
						     "%s%s acquitted them)")
					 : cleared == CW_CLEARED_DROPPED
						 ? _("%s (as the case records it; the ruling of "
						     "%s%s dropped every charge)")
						 : _("%s (as the case records it; the ruling of "
						     "%s%s acquitted them and dropped the other "
						     "charges)"),
					 cw_enum_label(&cw_words_custody, d->custody), on, acct);
			}
			stage = d->stage ? d->stage : r->u.kase.stage;
			if (stage)
				snprintf(stage_text, sizeof stage_text, _("; stage: %s"),
					 cw_enum_label(&cw_words_stage, stage));
			/* "awaiting trial" beside a verdict logged since: say which is older. */
			if ((ruled = cw_timeline_stage_outdated(&person->id, r, l->items, l->n,
								today, &on_appeal))) {
				char on[CW_DATE_TEXT_MAX];

				cw_date_format(cw_record_date(ruled), on);
				snprintf(
					stage_text, sizeof stage_text,
					on_appeal
						? _("; stage: %s (as the case records it; a ruling "
						    "on appeal on %s came after)")
						: _("; stage: %s (as the case records it; a "
						    "verdict "
						    "on %s came after)"),
					cw_enum_label(&cw_words_stage, stage), on);
			}
			head_line(cli, width, 6, "%s%s%s", _("    custody: "), custody, stage_text);
		}
	}
	cw_pretrial_text(&sum, pre, sizeof pre);
	if (pre[0])
		head_line(cli, width, 4, _("  pretrial detention: %s"), pre);
	/* Whose word the count is: a government's "trial suspended" is not the UN's. */
	if (sum.adjournments) {
		char views[400];

		cw_views_text(sum.adjournment_views, views, sizeof views);
		fprintf(cli->out, _("  adjournments: %d (account: %s)\n"), sum.adjournments, views);
	} else {
		fprintf(cli->out, _("  adjournments: %d\n"), sum.adjournments);
	}
	cw_next_hearing_text(&sum, next, sizeof next);
	fprintf(cli->out, _("  next hearing: %s\n"), next);
}

/* How many of a timeline's records (the person's own too) wait with an unresolved conflict,
 * or name one person twice with entries that differ (a merge taken from another laptop), said
 * under it as a report says it in its header: the head lines read from the case shown (a
 * field trial's timeline read "charges: charged" from one laptop's version of the case while
 * another's gave the conviction, and nothing said two versions waited). */
static int timeline_conflicts(struct cw_cli *cli, const struct cw_id *person,
			      const struct cw_record_list *l)
{
	size_t n, twice;
	int rc;

	if ((rc = cw_report_timeline_waiting(cli->session.store, person, l, &n, &twice,
					     &cli->err)) != 0)
		return rc;
	if (n)
		fprintf(cli->out,
			P_("\n%zu record of this timeline has an unresolved conflict (two laptops "
			   "edited it apart): it shows the version shown; 'casewatch conflicts' "
			   "lists the versions and resolves it\n",
			   "\n%zu records of this timeline have unresolved conflicts (two laptops "
			   "edited them apart): it shows the versions shown; 'casewatch conflicts' "
			   "lists the versions and resolves them\n",
			   n),
			n);
	if (twice)
		fprintf(cli->out,
			P_("\n%zu record of this timeline names one person twice with entries that "
			   "differ (another laptop merged two people into one): its figures may "
			   "use "
			   "either entry; 'casewatch conflicts' lists it and says how to make them "
			   "one\n",
			   "\n%zu records of this timeline name one person twice with entries that "
			   "differ (another laptop merged two people into one): their figures may "
			   "use "
			   "either entry; 'casewatch conflicts' lists them and says how to make "
			   "them "
			   "one\n",
			   twice),
			twice);
	return 0;
}

int cw_cmd_timeline(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	char quoted[CW_CLI_QUOTED_MAX];
	struct cw_record person;
	struct cw_record_list l;
	struct cw_id id;
	const char *arg = first_arg < cli->argc ? cli->argv[first_arg] : NULL;
	int rc;

	(void)cmd;
	if (!arg || !strncmp(arg, "--", 2))
		return cw_error_set(&cli->err, CW_EUSAGE, "person", "give a name or an id");
	if (first_arg + 1 < cli->argc && strcmp(cli->argv[first_arg + 1], "--json") != 0)
		return cw_error_set(
			&cli->err, CW_EUSAGE, "", "unexpected argument %s",
			cw_cli_quoted_arg(cli->argv[first_arg + 1], quoted, sizeof quoted));
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_cli_resolve(cli, CW_KIND_PERSON, arg, "person", &id)) != 0 ||
	    (rc = cw_store_get(cli->session.store, &id, &person, &cli->err)) != 0)
		return rc;
	if ((rc = cw_store_timeline_for_person(cli->session.store, &id, &l, &cli->err)) != 0) {
		cw_record_free(&person);
		return rc;
	}
	if (cli->json) {
		/* The same document as 'export timeline': the person, the summary (pretrial
		 * detention with the day it is counted to and why), the entries. */
		struct cw_report r;

		if ((rc = cw_cli_names(cli, l.items, l.n, &r)) == 0 &&
		    (rc = cw_report_timeline_waiting(cli->session.store, &id, &l, &r.conflicted,
						     &r.doubled, &cli->err)) == 0)
			rc = cw_export_timeline_json(cli->out, &r, &person, &id, &l,
						     cw_date_today(), &cli->err);
		cw_report_free(&r);
	} else {
		print_timeline_header(cli, &person, &l);
		fputc('\n', cli->out);
		if (l.n)
			rc = print_record_table(cli, &l, CW_KIND_NONE, NULL);
		else
			fprintf(cli->out, _("no records name this person yet\n"));
		if (rc == 0)
			rc = timeline_conflicts(cli, &id, &l);
	}
	cw_record_list_free(&l);
	cw_record_free(&person);
	return rc;
}

/* ---- import ------------------------------------------------------------------------------ */

/* A file refused for several bad lines: each on a line of its own, as the one error would be,
 * then the error says how many and that nothing was written. One bad line is the error alone. */
static int import_problems(struct cw_cli *cli, const struct cw_import_stats *s, const char *path,
			   int rc)
{
	char line[CW_ERROR_LINE_MAX], *safe;

	if (s->nproblems < 2)
		return rc;
	for (size_t i = 0; i < s->nproblems; i++) {
		cw_error_format(&s->problems[i], line, sizeof line);
		/* The lines quote the file: whatever it holds, the terminal gets none of it raw. */
		safe = cw_text_for_terminal(line, 0);
		fprintf(stderr, "casewatch: %s\n", safe ? safe : line);
		free(safe);
	}
	if (s->more)
		return cw_error_set(
			&cli->err, rc, "file",
			_("the first %zu bad records of %.200s are listed above, and there "
			  "are more; nothing from it was imported"),
			s->nproblems, path);
	return cw_error_set(&cli->err, rc, "file",
			    _("%zu bad records in %.200s, listed above; nothing from it was "
			      "imported"),
			    s->nproblems, path);
}

int cw_cmd_import(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *path = first_arg < cli->argc ? cli->argv[first_arg] : NULL;
	struct cw_import_stats stats;
	int rc;

	(void)cmd;
	stats.nproblems = 0;
	if (!path || !strncmp(path, "--", 2) || first_arg + 1 < cli->argc)
		return cw_error_set(&cli->err, CW_EUSAGE, "file", "give one file to import");
	cw_cli_bulk_for(cli, path);
	if ((rc = cw_cli_open_store(cli, 0)) == 0 &&
	    (rc = cw_import_jsonl(cli->session.store, path, &stats, &cli->err)) == 0) {
		fprintf(cli->out, _("imported %zu records (%zu new or changed)\n"), stats.records,
			stats.changed);
		if (stats.changed)
			cw_cli_compact_if_worth(cli);
	}
	return rc == 0 ? 0 : import_problems(cli, &stats, path, rc);
}

int cw_cmd_seed(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *candidates[] = {first_arg < cli->argc ? cli->argv[first_arg] : NULL,
				    getenv("CASEWATCH_SEED"), CW_SEED_INSTALLED, CW_SEED_SOURCE};
	struct cw_import_stats stats;
	int rc;

	(void)cmd;
	/* One file at most, and no option but the global ones: "--bogus" is a typo, not a file
	 * name (a file whose name begins with a dash is given as ./-name). */
	if (first_arg < cli->argc && cli->argv[first_arg][0] == '-' &&
	    cw_cli_no_more(cli, first_arg, "casewatch seed [FILE]") != 0)
		return CW_EUSAGE;
	if (first_arg + 1 < cli->argc &&
	    cw_cli_no_more(cli, first_arg + 1, "casewatch seed [FILE]") != 0)
		return CW_EUSAGE;
	if (first_arg < cli->argc && cli->argv[first_arg][0] == '-')
		candidates[0] = NULL; /* --json and the like, read by run.c */
	/* The demo goes into a database of its own unless --db names one: it must never mix
	 * with a monitor's real records by accident. $CASEWATCH_DB does not count, since a
	 * monitor sets it once for every command, to the real database (a field trial seeded
	 * its own database so). */
	if (!cli->session.db_option) {
		cli->session.db_dir = cw_session_data_dir("casewatch-demo");
		cli->session.db_given = 0;
	}
	for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		if (!candidates[i] || access(candidates[i], R_OK) != 0) {
			if (i == 0 && candidates[0])
				return cw_error_set(
					&cli->err, errno == ENOENT ? CW_ENOTFOUND : CW_EIO, "file",
					"cannot read %.200s: %s", candidates[0], strerror(errno));
			continue;
		}
		cw_cli_bulk_for(cli, candidates[i]);
		if ((rc = cw_cli_open_store(cli, 1)) != 0)
			return rc;
		if ((rc = cw_import_jsonl(cli->session.store, candidates[i], &stats, &cli->err)) ==
		    0)
			fprintf(cli->out,
				_("demo data: %zu records from the UN and government documents "
				  "(%zu new or changed) in %s%s%s%s\n"),
				stats.records, stats.changed, cli->session.db_dir,
				cw_store_encrypted(cli->session.store)
					? ""
					: _(" (not encrypted: a demonstration database)"),
				cli->session.db_given ? "" : _("; open it with casewatch --db "),
				cli->session.db_given ? "" : cli->session.db_dir);
		if (rc == 0 && stats.changed)
			cw_cli_compact_if_worth(cli);
		return rc;
	}
	return cw_error_set(&cli->err, CW_EIO, "seed",
			    "demo data not found; give its path: casewatch seed FILE");
}

int cw_cmd_articles(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	static const char *const cols[] = {N_("ARTICLE"), N_("LAW"), N_("OFFENCE")};
	struct cw_table t;
	struct cw_article a;
	const char *offence;
	json_t *arr;

	(void)cmd;
	if (cw_cli_no_more(cli, first_arg, "casewatch articles [--json]") != 0)
		return CW_EUSAGE;
	arr = cli->json ? json_array() : NULL;
	cw_table_init(&t, 3, cols);
	/* The article whole; the law's long name gives room first, then the offence. */
	t.fit[0] = CW_COLUMN_WHOLE;
	t.fit[1] = CW_COLUMN_FREE;
	t.fit[2] = CW_COLUMN_CUT;
	t.fit[0] = CW_COLUMN_WHOLE;
	t.fit[2] = CW_COLUMN_FREE;
	for (size_t i = 0; cw_article_table_entry(i, &a, &offence) == 0; i++) {
		char text[CW_ARTICLE_TEXT_MAX];

		cw_article_format(&a, text);
		if (arr)
			json_array_append_new(arr,
					      json_pack("{s:s,s:s,s:s}", "article", text, "law",
							cw_law_name(a.law), "offence", offence));
		else
			cw_table_add(
				&t, (const char *const[]){text, _(cw_law_name(a.law)), _(offence)});
	}
	if (arr)
		cw_cli_print_json(cli, arr);
	else
		cw_table_print(&t, cli->out, cw_output_width(cli->out));
	cw_table_free(&t);
	return 0;
}

/* ---- undo ---------------------------------------------------------------------------------- */

const char cw_undo_help[] = N_(
	"Takes back the last change made on this laptop by an add, an edit, a delete or a merge\n"
	"(from the command line or the terminal interface), as one new change that travels in\n"
	"bundles like any other: an edit by putting back the version it replaced, an addition by\n"
	"deleting the record, a deletion by bringing the record back under its id, a merge by\n"
	"bringing back the person merged away with every record that named them; everything the\n"
	"action wrote (a case with the new people it names, a verdict and its case's charges) "
	"goes\n"
	"back together. A deleted record's content stays in the database file, for undo, until "
	"the\n"
	"next change; then it is wiped. After an import, a bundle or an undo there is nothing to\n"
	"undo.\n"
	"  --show    say what would be taken back, change nothing\n"
	"  --forget  forget it now: a deleted record's content is wiped from the file at once\n"
	"  --json    what was (or would be) taken back as JSON\n");

static const char *undo_words(enum cw_undo_action a)
{
	return a == CW_UNDO_ADDED    ? _("the addition of")
	       : a == CW_UNDO_EDITED ? _("the edit of")
	       : a == CW_UNDO_MERGED ? _("the merge of")
				     : _("the deletion of");
}

static const char *const undo_change[] = {"added", "edited", "deleted", "merged"};

int cw_cmd_undo(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_undo_info info;
	struct cw_opt opt;
	char hex[CW_ID_HEX_LEN + 1], *safe, *into;
	int rc, i = first_arg, show = 0, forget = 0, had = 0;

	(void)cmd;
	while ((rc = cw_cli_next_opt(cli, &i, "json,help,show,forget", &opt)) > 0) {
		if (!strcmp(opt.name, "show"))
			show = 1;
		else if (!strcmp(opt.name, "forget"))
			forget = 1;
		else if (strcmp(opt.name, "json") != 0 && strcmp(opt.name, "help") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	}
	if (rc < 0)
		return rc;
	if (show && forget)
		return cw_error_set(&cli->err, CW_EUSAGE, "forget",
				    "give --show or --forget, not both");
	if ((rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	if (forget) {
		if ((rc = cw_store_undo_forget_now(cli->session.store, &had, &cli->err)) != 0)
			return rc;
		if (cli->json)
			return cw_cli_print_json(cli, json_pack("{s:b}", "forgotten", had));
		fprintf(cli->out, "%s\n",
			had ? _("forgotten: nothing to undo now, and what it kept is wiped from "
				"the file")
			    : _("there was nothing to undo"));
		return 0;
	}
	rc = show ? cw_store_undo_peek(cli->session.store, &info, &cli->err)
		  : cw_store_undo(cli->session.store, NULL, &info, &cli->err);
	if (rc != 0)
		return rc;
	cw_id_hex(&info.id, hex);
	if (cli->json) {
		json_t *o =
			json_pack("{s:b,s:s,s:s,s:s,s:s,s:I}", "undone", !show, "change",
				  undo_change[info.action], "kind", cw_kind_name(info.kind), "id",
				  hex, "label", info.label, "others", (json_int_t)info.others);

		if (o && info.action == CW_UNDO_MERGED &&
		    json_object_set_new(o, "into", json_string(info.into)) != 0) {
			json_decref(o);
			o = NULL;
		}
		return cw_cli_print_json(cli, o);
	}
	safe = cw_text_for_terminal(info.label, 0);
	into = cw_text_for_terminal(info.into, 0);
	fprintf(cli->out, "%s %s %s \"%s\" (%.8s)", show ? _("would take back") : _("took back"),
		undo_words(info.action), cw_kind_text(info.kind), safe ? safe : "", hex);
	if (info.action == CW_UNDO_MERGED)
		fprintf(cli->out, _(" into \"%s\""), into ? into : "");
	if (info.others)
		fprintf(cli->out, _(", with %zu other record(s) it changed"), info.others);
	fprintf(cli->out, "%s\n",
		show ? "" : _(": a new change, which travels in bundles like any other"));
	free(safe);
	free(into);
	return 0;
}

/* ---- person merge -------------------------------------------------------------------------- */

const char cw_merge_help[] = N_(
	"One person recorded twice becomes one: every record that names OTHER names KEEP (each a\n"
	"change made here, audited), KEEP takes what only OTHER had (a Khmer name, a province,\n"
	"roles ...; a field OTHER kept confidential stays so, and a confidential OTHER makes KEEP\n"
	"confidential), and OTHER is deleted with a tombstone naming KEEP. The merge travels in\n"
	"bundles: a laptop that takes it points its own records at KEEP as the import ends. KEEP\n"
	"and OTHER are names, parts of names or ids, as for --person.\n"
	"A record naming both that gives them different entries (a case's custody, stage,\n"
	"custody date or the state of one charge; a hearing's presence in court or its verdict on\n"
	"one charge) refuses the merge, each difference on a line, and nothing is changed: edit\n"
	"the record so both say the same, or take one out, then merge. Entries that agree, or\n"
	"where one records nothing, become one.\n");

/* A merge refused for several entries the two are given differently: each on a line of its
 * own, then how many and how to go on. One is the error alone. */
static int merge_differences(struct cw_cli *cli, const struct cw_merge_stats *s, int rc)
{
	size_t listed =
		s->nconflicts < CW_MERGE_CONFLICTS_MAX ? s->nconflicts : CW_MERGE_CONFLICTS_MAX;
	char line[CW_ERROR_LINE_MAX], *safe;

	for (size_t i = 0; i < listed; i++) {
		cw_error_format(&s->conflicts[i], line, sizeof line);
		/* The lines quote names and titles as stored: none reaches the terminal raw. */
		safe = cw_text_for_terminal(line, 0);
		fprintf(stderr, "casewatch: %s\n", safe ? safe : line);
		free(safe);
	}
	if (listed < s->nconflicts)
		return cw_error_set(&cli->err, rc, "other",
				    "%zu entries of records naming both differ, the first %zu "
				    "listed above; a merge would keep one of each, which nobody "
				    "chose: edit the records so both say the same (or take one "
				    "out), then merge; nothing was changed",
				    s->nconflicts, listed);
	return cw_error_set(&cli->err, rc, "other",
			    "%zu entries of records naming both differ, listed above; a merge "
			    "would keep one of each, which nobody chose: edit the records so both "
			    "say the same (or take one out), then merge; nothing was changed",
			    s->nconflicts);
}

int cw_cmd_merge(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_merge_stats stats;
	struct cw_record keep, other;
	struct cw_id k, o;
	struct cw_opt opt;
	char hex[CW_ID_HEX_LEN + 1], *a, *b;
	const char *kt, *ot;
	int rc, i = first_arg;

	(void)cmd;
	if (i + 1 >= cli->argc || cli->argv[i][0] == '-' || cli->argv[i + 1][0] == '-')
		return cw_error_set(&cli->err, CW_EUSAGE, "person",
				    "give the person to keep, then the one to merge into them");
	kt = cli->argv[i++];
	ot = cli->argv[i++];
	while ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) > 0)
		if (strcmp(opt.name, "json") != 0 && strcmp(opt.name, "help") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	if (rc < 0 || (rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_cli_resolve(cli, CW_KIND_PERSON, kt, "keep", &k)) != 0 ||
	    (rc = cw_cli_resolve(cli, CW_KIND_PERSON, ot, "other", &o)) != 0 ||
	    (rc = cw_store_get(cli->session.store, &k, &keep, &cli->err)) != 0)
		return rc;
	if ((rc = cw_store_get(cli->session.store, &o, &other, &cli->err)) != 0) {
		cw_record_free(&keep);
		return rc;
	}
	if ((rc = cw_store_merge_people(cli->session.store, &k, &o, &stats, &cli->err)) != 0 &&
	    stats.nconflicts > 1)
		rc = merge_differences(cli, &stats, rc);
	if (rc == 0) {
		cw_id_hex(&k, hex);
		if (cli->json) {
			json_t *j = json_object();

			if (j && (json_object_set_new(j, "kept", json_string(hex)) ||
				  json_object_set_new(j, "kept_name",
						      json_string(cw_record_label(&keep))) ||
				  json_object_set_new(j, "merged_name",
						      json_string(cw_record_label(&other))) ||
				  json_object_set_new(j, "records_moved",
						      json_integer((json_int_t)stats.moved)))) {
				json_decref(j);
				j = NULL;
			}
			rc = cw_cli_print_json(cli, j);
		} else {
			a = cw_text_for_terminal(cw_record_label(&other), 0);
			b = cw_text_for_terminal(cw_record_label(&keep), 0);
			fprintf(cli->out,
				P_("merged %s into %s (%.8s): %zu record now names them\n",
				   "merged %s into %s (%.8s): %zu records now name them\n",
				   stats.moved),
				a ? a : "", b ? b : "", hex, stats.moved);
			free(a);
			free(b);
		}
	}
	cw_record_free(&keep);
	cw_record_free(&other);
	return rc;
}
