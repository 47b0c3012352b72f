/* cli.c - the commands of casewatch's command line; see cli.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "app/advice.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "report/export.h"

/* ---- options ---------------------------------------------------------------------------- */

static int flag_listed(const char *flags, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = flags; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len == n && !strncmp(p, name, n))
			return 1;
		p = comma ? comma + 1 : NULL;
	}
	return 0;
}

/* --passphrase-file FILE and --passphrase-fd N may stand among any command's options: every
 * command may need the key. Returns 1 when it took them, 0 when the option is another, or an
 * error. */
int cw_cli_passphrase_option(struct cw_cli *cli, const char *name, const char *value)
{
	char *end;
	long fd;

	struct cw_passphrase_source *src = &cli->session.pass;

	if (!strncmp(name, "new-", 4)) {
		src = &cli->session.new_pass;
		name += 4;
	}
	if (!strcmp(name, "passphrase-file")) {
		src->file = value;
		src->fd = -1;
		return 1;
	}
	if (strcmp(name, "passphrase-fd") != 0)
		return 0;
	fd = strtol(value, &end, 10);
	if (!*value || *end || fd < 0 || fd > 1023)
		return cw_error_set(&cli->err, CW_EUSAGE, name,
				    "'%.20s' is not a file descriptor number", value);
	src->fd = (int)fd;
	return 1;
}

static int next_opt(struct cw_cli *cli, int *i, const char *flags, struct cw_opt *opt);

/* -o FILE is --output's short form. */
static const char *option_said_as(const char *name)
{
	return !strcmp(name, "output") ? "o" : name;
}

/* The filters' options that add to what they select, given as often as wanted ("--kind
 * hearing --kind visit", two --filter lines), as add and edit take sets and lists: a review
 * found them refused. */
static int option_adds(const char *name)
{
	static const char *const adding[] = {"kind", "account", "filter"};

	for (size_t k = 0; k < sizeof adding / sizeof adding[0]; k++)
		if (!strcmp(name, adding[k]))
			return 1;
	return 0;
}

int cw_cli_given_once(struct cw_cli *cli, const char *name, int at)
{
	const char *as = option_said_as(name);

	if (!cli->once || option_adds(name))
		return 0;
	for (size_t k = 0; k < cli->ngiven; k++)
		if (!strcmp(cli->given[k].name, as))
			return cli->given[k].at == at
				       ? 0
				       : cw_error_set(&cli->err, CW_EUSAGE, name,
						      "is given twice; give it once");
	if (cli->ngiven < sizeof cli->given / sizeof cli->given[0] &&
	    strlen(as) < sizeof cli->given[0].name) {
		snprintf(cli->given[cli->ngiven].name, sizeof cli->given[0].name, "%s", as);
		cli->given[cli->ngiven++].at = at;
	}
	return 0;
}

int cw_cli_next_opt(struct cw_cli *cli, int *i, const char *flags, struct cw_opt *opt)
{
	for (;;) {
		int at = *i, rc = next_opt(cli, i, flags, opt);

		if (rc > 0 && !opt->value && !strcmp(opt->name, "no-pager"))
			continue; /* a global option, taken by run.c */
		if (rc <= 0 || !opt->value)
			return rc; /* the end, an error, or a flag */
		if ((rc = cw_cli_passphrase_option(cli, opt->name, opt->value)) == 1)
			continue;
		if (rc != 0)
			return rc; /* a bad descriptor */
		/* the caller's option */
		return (rc = cw_cli_given_once(cli, opt->name, at)) != 0 ? rc : 1;
	}
}

const char *cw_cli_quoted_arg(const char *arg, char *buf, size_t len)
{
	const char *eq = arg[0] == '-' ? strchr(arg, '=') : NULL;

	if (eq)
		snprintf(buf, len, _("'%.*s' (its value is not shown)"),
			 eq - arg < 40 ? (int)(eq - arg) : 40, arg);
	else
		snprintf(buf, len, "'%.40s'", arg);
	return buf;
}

int cw_cli_no_more(struct cw_cli *cli, int i, const char *usage)
{
	char quoted[CW_CLI_QUOTED_MAX];

	for (; i < cli->argc; i++) {
		const char *a = cli->argv[i];

		/* run.c's scan_flags has read these and left them in place */
		if (strcmp(a, "--json") && strcmp(a, "--yes") && strcmp(a, "--help") &&
		    strcmp(a, "-h"))
			return cw_error_set(&cli->err, CW_EUSAGE, "",
					    "unexpected argument %s; usage: %s",
					    cw_cli_quoted_arg(a, quoted, sizeof quoted), usage);
	}
	return 0;
}

int cw_cli_looks_like_option(const char *arg)
{
	return arg[0] == '-' && arg[1] == '-' &&
	       ((arg[2] >= 'a' && arg[2] <= 'z') || (arg[2] >= 'A' && arg[2] <= 'Z'));
}

static int next_opt(struct cw_cli *cli, int *i, const char *flags, struct cw_opt *opt)
{
	static char name[64];
	const char *arg, *eq;
	char quoted[CW_CLI_QUOTED_MAX];

	if (*i >= cli->argc)
		return 0;
	arg = cli->argv[(*i)++];
	if (strncmp(arg, "--", 2) != 0 || !arg[2])
		return cw_error_set(&cli->err, CW_EUSAGE, "", "unexpected argument %s",
				    cw_cli_quoted_arg(arg, quoted, sizeof quoted));
	arg += 2;
	eq = strchr(arg, '=');
	snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - arg) : (int)strlen(arg), arg);
	opt->name = name;
	opt->value = NULL;
	if (flag_listed(flags, name) || !strcmp(name, "no-pager")) {
		if (eq)
			return cw_error_set(&cli->err, CW_EUSAGE, name, "takes no value");
		return 1;
	}
	if (eq) {
		opt->value = eq + 1;
	} else {
		/* Last on the line: a known option missing its value, or a mistyped one
		 * (--oldest-frist); which, the caller's list knows, not this parser. */
		/* ... or one followed by another option: "--notes --confidential" saved the
		 * record in the open with the notes "--confidential". A value that begins so is
		 * given with '=' (--notes=--draft--). */
		if (*i >= cli->argc || cw_cli_looks_like_option(cli->argv[*i]))
			return cw_error_set(&cli->err, CW_EUSAGE, name,
					    "needs a value, or is not an option of this command "
					    "(see --help)");
		opt->value = cli->argv[(*i)++];
	}
	return 1;
}

/* ---- set-up ----------------------------------------------------------------------------- */

void cw_cli_bulk_for(struct cw_cli *cli, const char *path)
{
	struct stat sb;

	cli->session.bulk = path && stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
			    sb.st_size >= CW_CLI_BULK_BYTES;
}

int cw_cli_open_store(struct cw_cli *cli, int create)
{
	int rc = cw_session_open(&cli->session, create, &cli->err);
	char note[1024];

	if (rc == 0 && cw_store_unlocked(cli->session.store)) {
		char *dir = cw_text_for_terminal(cli->session.db_dir, 0);

		fprintf(stderr,
			_("casewatch: warning: %s is read-only, opened without its lock: no other "
			  "casewatch may write to it meanwhile\n"),
			dir ? dir : _("the database"));
		free(dir);
	}
	/* An upgrade at open left records that cannot be read out of every index: said on
	 * every command that made it, since it is the one time it is known. */
	if (rc == 0 && cw_session_upgrade_note(&cli->session, note, sizeof note) > 0)
		fprintf(stderr, _("casewatch: warning: %s\n"), note);
	return rc;
}

/* A text that names both a person (*id) and a case (kase; NULL: several cases): the person
 * when it is their whole name, else the case when it is its whole title, else CW_EAMBIGUOUS
 * naming both. */
static int person_or_case(struct cw_cli *cli, const char *arg, const char *field, struct cw_id *id,
			  const struct cw_id *kase)
{
	struct cw_record p, k;
	int whole_p, whole_k, rc;
	char hp[CW_ID_HEX_LEN + 1], hk[CW_ID_HEX_LEN + 1], *np, *nk;

	if ((rc = cw_store_get(cli->session.store, id, &p, &cli->err)) != 0)
		return rc;
	whole_p = !strcasecmp(cw_record_label(&p), arg) ||
		  (p.u.person.name_km && !strcmp(p.u.person.name_km, arg));
	if (!kase) { /* several cases match too: the person's whole name only */
		if (!whole_p) {
			np = cw_text_for_terminal(cw_record_label(&p), 0);
			cw_id_hex(id, hp);
			rc = cw_error_set(
				&cli->err, CW_EAMBIGUOUS, field,
				"'%.40s' names a person, %.60s (%.8s), and several cases; "
				"give an id",
				arg, np ? np : "?", hp);
			free(np);
		}
		cw_record_free(&p);
		return rc;
	}
	if ((rc = cw_store_get(cli->session.store, kase, &k, &cli->err)) != 0) {
		cw_record_free(&p);
		return rc;
	}
	whole_k = !strcasecmp(cw_record_label(&k), arg);
	if (whole_p || whole_k) {
		if (!whole_p)
			*id = *kase; /* a person's whole name first, as before */
	} else {
		np = cw_text_for_terminal(cw_record_label(&p), 0);
		nk = cw_text_for_terminal(cw_record_label(&k), 0);
		cw_id_hex(id, hp);
		cw_id_hex(kase, hk);
		rc = cw_error_set(&cli->err, CW_EAMBIGUOUS, field,
				  "'%.40s' names a person, %.60s (%.8s), and a case, %.60s (%.8s); "
				  "give an id",
				  arg, np ? np : "?", hp, nk ? nk : "?", hk);
		free(np);
		free(nk);
	}
	cw_record_free(&p);
	cw_record_free(&k);
	return rc;
}

int cw_cli_find_record(struct cw_cli *cli, const char *arg, const char *field, struct cw_id *id)
{
	struct cw_error keep;
	int rc;

	if (!strncmp(arg, "ref:", 4)) {
		/* The readable reference an import file gave the record ("ref:p-kem-sokha"). */
		struct cw_record rec;

		cw_id_from_ref(arg + 4, id);
		if ((rc = cw_store_get(cli->session.store, id, &rec, &cli->err)) == 0)
			cw_record_free(&rec);
		else if (rc == CW_ENOTFOUND)
			cw_error_set(&cli->err, rc, field, "no record has the reference '%.60s'",
				     arg + 4);
		return rc;
	}
	rc = cw_store_find_id(cli->session.store, arg, id, &cli->err);
	if (rc != CW_EINVAL && rc != CW_ENOTFOUND)
		return rc;
	/* Not an id: a person's name or a case's title. */
	keep = cli->err;
	cw_error_clear(&cli->err);
	rc = cw_cli_resolve(cli, CW_KIND_PERSON, arg, field, id);
	if (rc == CW_ENOTFOUND) {
		cw_error_clear(&cli->err);
		rc = cw_cli_resolve(cli, CW_KIND_CASE, arg, field, id);
	} else if (rc == 0) {
		struct cw_id kase;
		struct cw_error none;

		/* "Rainsy" for Sam Rainsy and for the Rainsy attack case: an edit meant for one
		 * must not go to the other unasked. */
		int krc =
			cw_store_resolve(cli->session.store, CW_KIND_CASE, arg, &kase, NULL, &none);

		if (krc == 0)
			rc = person_or_case(cli, arg, field, id, &kase);
		else if (krc == CW_EAMBIGUOUS)
			rc = person_or_case(cli, arg, field, id, NULL);
	}
	if (rc == CW_ENOTFOUND && keep.code == CW_ENOTFOUND)
		cli->err = keep; /* an id: "no record with id ..." says it best */
	else if (rc == CW_ENOTFOUND && keep.code == CW_EINVAL && strlen(arg) < 6 &&
		 strspn(arg, "0123456789abcdefABCDEF") == strlen(arg))
		/* "0ddc": the start of an id, too short to pick one out. */
		cw_error_set(&cli->err, rc, field,
			     "no person or case matches '%.60s', and an id needs at least 6 of "
			     "its hex digits",
			     arg);
	else if (rc == CW_ENOTFOUND)
		cw_error_set(&cli->err, rc, field, "no record, person or case matches '%.60s'",
			     arg);
	return rc;
}

int cw_cli_count(struct cw_cli *cli, const char *name, const char *value, size_t *out)
{
	unsigned long long v;
	char *end, digits[64];

	value = cw_text_latin_digits(value, digits, sizeof digits); /* "២" is 2 */
	/* strtoull takes "-1" (as its negation) and saturates past its range: neither may pass
	 * for a count. */
	errno = 0;
	v = strtoull(value, &end, 10);
	if (end == value || *end || value[0] == '-' || value[0] == '+' || value[0] == ' ')
		return cw_error_set(&cli->err, CW_EINVAL, name, "'%.20s' is not a whole number",
				    value);
	if (errno == ERANGE || v > SIZE_MAX)
		return cw_error_set(&cli->err, CW_EINVAL, name, "'%.24s' is too large", value);
	*out = (size_t)v;
	return 0;
}

int cw_cli_date(struct cw_cli *cli, const char *opt, const char *value, struct cw_date *out)
{
	char full[CW_DATE_TEXT_MAX];
	size_t n = strlen(cli->said);
	int rc;

	if ((rc = cw_date_parse_relative(value, cw_date_today(), out, opt, &cli->err)) != 0)
		return rc;
	if (cw_date_is_relative(value) && n < sizeof cli->said) {
		cw_date_format(*out, full);
		snprintf(cli->said + n, sizeof cli->said - n, "%s%.40s %s", n ? ", " : "", opt,
			 full);
	}
	return 0;
}

const char *cw_cli_said(const struct cw_cli *cli)
{
	static char buf[sizeof cli->said + 4];

	if (!cli->said[0])
		return "";
	snprintf(buf, sizeof buf, " (%s)", cli->said);
	return buf;
}

/* ---- printing ---------------------------------------------------------------------------- */

int cw_cli_print_json(struct cw_cli *cli, json_t *value)
{
	int rc = value ? cw_json_dumpf(value, cli->out, JSON_INDENT(2)) : -1;

	fputc('\n', cli->out);
	json_decref(value);
	return rc == 0 ? 0 : cw_error_set(&cli->err, CW_ENOMEM, "", "cannot write JSON");
}

int cw_cli_names(struct cw_cli *cli, const struct cw_record *items, size_t n, struct cw_report *r)
{
	/* The list is only read: cw_report_add_refs takes it whole. */
	struct cw_record_list l = {(struct cw_record *)items, n, n};

	memset(r, 0, sizeof *r);
	r->team_marks = 1; /* the team's own view: touches_confidential */
	return cw_report_add_refs(cli->session.store, r, &l, &cli->err);
}

int cw_cli_print_records_json_with(struct cw_cli *cli, const struct cw_record *rec,
				   const char *name, json_t *value)
{
	struct cw_report r;
	json_t *v = NULL;
	int rc = cw_cli_names(cli, rec, 1, &r);

	if (rc == 0 && (v = cw_export_record_json(&r, rec)) != NULL &&
	    json_object_set(v, name, value) != 0) {
		json_decref(v);
		v = NULL;
	}
	json_decref(value);
	if (rc == 0)
		rc = cw_cli_print_json(cli, v);
	cw_report_free(&r);
	return rc;
}

int cw_cli_print_records_json(struct cw_cli *cli, const struct cw_record *items, size_t n, int one)
{
	struct cw_report r;
	json_t *v = NULL;
	int rc = cw_cli_names(cli, items, n, &r);

	if (rc == 0 && one && n == 1) {
		v = cw_export_record_json(&r, &items[0]);
	} else if (rc == 0 && (v = json_array()) != NULL) {
		for (size_t i = 0; i < n; i++)
			if (json_array_append_new(v, cw_export_record_json(&r, &items[i])) != 0) {
				json_decref(v);
				v = NULL;
				break;
			}
	}
	if (rc == 0)
		rc = cw_cli_print_json(cli, v);
	cw_report_free(&r);
	return rc;
}

/* An article outside the built-in table is taken (the table cannot hold every law), with a
 * warning wherever one is typed (a charge, a verdict, a milestone's article, a filter), as the
 * man page promises: a typo (4944 for 494) would otherwise be saved, or filtered on, without a
 * word. */
void cw_cli_warn_article(const struct cw_article *a)
{
	char text[CW_ARTICLE_TEXT_MAX];

	if (a->number == 0 || cw_article_offence(a))
		return;
	cw_article_format(a, text);
	fprintf(stderr,
		_("casewatch: warning: article %s is not in the built-in "
		  "table; check it (casewatch articles)\n"),
		text);
}

int cw_cli_check_filter(struct cw_cli *cli, const struct cw_filter *f)
{
	/* As the terminal interface says it of its filter line (app/advice.h). */
	cw_advise_filter_articles(f, cw_cli_print_advice, NULL);
	return cw_store_filter_check(cli->session.store, f, &cli->err);
}
