/* cli.c - the commands of casewatch's command line; see cli.h. */
#include "config.h"

#include <jansson.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_report.h"
#include "cli_sync.h"
#include "models/codec.h"
#include "models/format.h"
#include "models/json.h"
#include "models/text.h"
#include "models/timeline.h"
#include "output.h"
#include "seed/import.h"
#include "tui.h"

#define SHORT_ID 8

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

int cw_cli_next_opt(struct cw_cli *cli, int *i, const char *flags, struct cw_opt *opt)
{
	static char name[64];
	const char *arg, *eq;

	if (*i >= cli->argc)
		return 0;
	arg = cli->argv[(*i)++];
	if (strncmp(arg, "--", 2) != 0 || !arg[2])
		return cw_error_set(&cli->err, CW_EUSAGE, "", "unexpected argument '%.40s'", arg);
	arg += 2;
	eq = strchr(arg, '=');
	snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - arg) : (int)strlen(arg), arg);
	opt->name = name;
	opt->value = NULL;
	if (flag_listed(flags, name)) {
		if (eq)
			return cw_error_set(&cli->err, CW_EUSAGE, name, "takes no value");
		return 1;
	}
	if (eq) {
		opt->value = eq + 1;
	} else {
		if (*i >= cli->argc)
			return cw_error_set(&cli->err, CW_EUSAGE, name, "needs a value");
		opt->value = cli->argv[(*i)++];
	}
	return 1;
}

/* Global flags may stand anywhere among a command's options. */
static void scan_flags(struct cw_cli *cli)
{
	for (int i = 0; i < cli->argc; i++) {
		if (!strcmp(cli->argv[i], "--json"))
			cli->json = 1;
		else if (!strcmp(cli->argv[i], "--yes"))
			cli->yes = 1;
		else if (!strcmp(cli->argv[i], "--help") || !strcmp(cli->argv[i], "-h"))
			cli->help = 1;
	}
}

/* ---- set-up ----------------------------------------------------------------------------- */

static void find_author(struct cw_cli *cli)
{
	const char *env = getenv("CASEWATCH_AUTHOR"), *cfg = getenv("XDG_CONFIG_HOME"),
		   *home = getenv("HOME");
	char path[1024], line[256];
	struct passwd *pw;
	FILE *f;

	if (env && *env && cw_text_validate(env, 100, 0, "author", NULL) == 0) {
		snprintf(cli->author, sizeof cli->author, "%s", env);
		return;
	}
	if (cfg && *cfg)
		snprintf(path, sizeof path, "%s/casewatch/config", cfg);
	else
		snprintf(path, sizeof path, "%s/.config/casewatch/config", home ? home : ".");
	if ((f = fopen(path, "r"))) {
		while (fgets(line, sizeof line, f)) {
			char *v;

			line[strcspn(line, "\r\n")] = '\0';
			if (strncmp(line, "author", 6) != 0 || !(v = strchr(line, '=')))
				continue;
			for (v++; *v == ' '; v++)
				;
			if (*v && cw_text_validate(v, 100, 0, "author", NULL) == 0) {
				snprintf(cli->author, sizeof cli->author, "%s", v);
				fclose(f);
				return;
			}
		}
		fclose(f);
	}
	pw = getpwuid(getuid());
	snprintf(cli->author, sizeof cli->author, "%s",
		 pw && pw->pw_name ? pw->pw_name : "unknown");
}

/* $XDG_DATA_HOME/NAME, else ~/.local/share/NAME. */
static const char *data_dir(const char *name)
{
	static char path[1024];
	const char *data = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (data && *data)
		snprintf(path, sizeof path, "%s/%s", data, name);
	else
		snprintf(path, sizeof path, "%s/.local/share/%s", home ? home : ".", name);
	return path;
}

int cw_cli_open_store(struct cw_cli *cli, int create)
{
	struct cw_store_options opt = {0, cli->author, create, 0};
	const char *map = getenv("CASEWATCH_MAP_SIZE"); /* tests: a tiny map to force growth */

	if (cli->store)
		return 0;
	if (map)
		opt.map_size = (size_t)strtoull(map, NULL, 10);
	return cw_store_open(cli->db_dir, &opt, &cli->store, &cli->err);
}

/* ---- printing records ------------------------------------------------------------------- */

static void print_line(void *ctx, int indent, const char *name, const char *value)
{
	if (!value) {
		fprintf(ctx, "%*s%s\n", indent, "", name);
		return;
	}
	fprintf(ctx, "%*s%-18s ", indent, "", name);
	cw_print_safe(ctx, value, 1); /* notes keep their lines */
	fputc('\n', ctx);
}

static void print_pair(void *ctx, const char *label, const char *value)
{
	fprintf(ctx, "%-18s ", label);
	cw_print_safe(ctx, value, 0);
	fputc('\n', ctx);
}

static void print_record(struct cw_cli *cli, FILE *out, const struct cw_record *rec)
{
	char hex[CW_ID_HEX_LEN + 1];

	cw_id_hex(&rec->id, hex);
	fprintf(out, "%-18s %s\n%-18s %s\n", "id", hex, "kind", cw_kind_name(rec->kind));
	cw_record_field_lines(cli->store, rec, print_line, out);
	cw_record_provenance(rec, print_pair, out);
}

static int print_json(struct cw_cli *cli, json_t *value)
{
	int rc = value ? json_dumpf(value, cli->out, JSON_INDENT(2) | JSON_ENSURE_ASCII * 0) : -1;

	fputc('\n', cli->out);
	json_decref(value);
	return rc == 0 ? 0 : cw_error_set(&cli->err, CW_ENOMEM, "", "cannot write JSON");
}

static json_t *list_to_json(const struct cw_record_list *l)
{
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < l->n; i++)
		json_array_append_new(arr, cw_record_to_json(&l->items[i], CW_JSON_HEADER));
	return arr;
}

static int print_record_table(struct cw_cli *cli, const struct cw_record_list *l, int kind)
{
	static const char *const person_cols[] = {"ID",          "NAME",  "KHMER",
						  "AFFILIATION", "ROLES", "PROVINCE"};
	static const char *const case_cols[] = {"ID",       "OPENED",     "TITLE", "COURT",
						"ARTICLES", "DEFENDANTS", "STAGE"};
	static const char *const event_cols[] = {
		"ID", "DATE", "KIND", "CASE / PERSON", "COURT / PLACE", "ARTICLES", "OUTCOME"};
	struct cw_table t;
	int rc = 0;

	if (kind == CW_KIND_PERSON)
		cw_table_init(&t, 6, person_cols);
	else if (kind == CW_KIND_CASE)
		cw_table_init(&t, 7, case_cols);
	else
		cw_table_init(&t, 7, event_cols);
	t.min_width[0] = SHORT_ID;
	t.min_width[1] = kind == CW_KIND_PERSON ? 12 : 10;
	for (size_t i = 0; i < l->n && rc == 0; i++) {
		const struct cw_record *r = &l->items[i];
		char hex[CW_ID_HEX_LEN + 1], date[CW_DATE_TEXT_MAX], a[512], b[512];

		cw_id_hex(&r->id, hex);
		hex[SHORT_ID] = '\0';
		cw_date_format(cw_record_date(r), date);
		if (r->kind == CW_KIND_PERSON && kind == CW_KIND_PERSON) {
			const struct cw_person *p = &r->u.person;
			size_t n = 0;

			a[0] = '\0';
			for (size_t k = 0; k < cw_words_roles.n; k++)
				if (p->roles & (UINT32_C(1) << k))
					n += (size_t)snprintf(a + n, sizeof a - n, "%s%s",
							      n ? "," : "",
							      cw_words_roles.words[k]);
			rc = cw_table_add(&t,
					  (const char *const[]){hex, p->name, p->name_km,
								p->affiliation, a, p->province});
		} else if (r->kind == CW_KIND_CASE && kind == CW_KIND_CASE) {
			const struct cw_case *k = &r->u.kase;
			long named = 0, unnamed = 0;

			for (size_t j = 0; j < k->defendants.n; j++) {
				const struct cw_defendant *df =
					(const struct cw_defendant *)k->defendants.items + j;

				if (!cw_id_is_zero(&df->person))
					named++;
				else if (df->unnamed_count > 0)
					unnamed += df->unnamed_count;
			}
			cw_case_articles_text(r, NULL, a, sizeof a);
			if (unnamed)
				snprintf(b, sizeof b, "%ld + %ld unnamed", named, unnamed);
			else
				snprintf(b, sizeof b, "%ld", named);
			rc = cw_table_add(
				&t,
				(const char *const[]){
					hex, date, k->title, k->court, a, b,
					k->stage ? cw_enum_word(&cw_words_stage, k->stage) : ""});
		} else {
			struct cw_record_summary sum;

			cw_record_summarise(cli->store, r, &sum);
			rc = cw_table_add(
				&t, (const char *const[]){hex, date, cw_kind_name(r->kind), sum.who,
							  sum.where, sum.articles, sum.what});
		}
	}
	if (rc == 0)
		cw_table_print(&t, cli->out, cw_output_width(cli->out));
	cw_table_free(&t);
	return rc ? cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory") : 0;
}

/* ---- commands --------------------------------------------------------------------------- */

static int cmd_init(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_id id;
	char hex[CW_ID_HEX_LEN + 1];
	struct cw_opt opt;
	int rc, i = first_arg;

	(void)cmd;
	if ((rc = cw_cli_next_opt(cli, &i, "help", &opt)) != 0)
		return rc < 0 ? rc : cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	if ((rc = cw_cli_open_store(cli, 1)) != 0)
		return rc;
	cw_store_database_id(cli->store, &id);
	cw_id_hex(&id, hex);
	fprintf(cli->out, "casewatch database ready in %s (database id %s)\n", cli->db_dir, hex);
	return 0;
}

/* person add, case add, log KIND: a new record from options, saved in one transaction. */
static int cmd_add(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_record rec;
	char hex[CW_ID_HEX_LEN + 1];
	int rc;

	if ((rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	cw_record_init(&rec, cmd->kind);
	rc = cw_cli_apply_record_options(cli, &rec, first_arg);
	/* Documents may describe a hearing without its date; a monitor logging one knows it. */
	if (rc == 0 && CW_KIND_IS_EVENT(rec.kind) && rec.kind != CW_KIND_MILESTONE &&
	    !cw_date_is_known(cw_record_date(&rec)))
		rc = cw_error_set(&cli->err, CW_EINVAL, "date", "is required when logging a %s",
				  cw_kind_name(rec.kind));
	if (rc == 0 && (rc = cw_store_put(cli->store, &rec, CW_PUT_NEW, &cli->err)) == 0) {
		cw_id_hex(&rec.id, hex);
		if (cli->json)
			rc = print_json(cli, cw_record_to_json(&rec, CW_JSON_HEADER));
		else
			fprintf(cli->out, "added %s %s\n", cw_kind_name(rec.kind), hex);
	}
	cw_record_free(&rec);
	return rc;
}

/* The first argument: an id, an id prefix, or (for persons and cases) a name. */
static int record_argument(struct cw_cli *cli, int first_arg, const char *what, struct cw_id *id)
{
	const char *arg = first_arg < cli->argc ? cli->argv[first_arg] : NULL;
	int rc;

	if (!arg || !strncmp(arg, "--", 2))
		return cw_error_set(&cli->err, CW_EUSAGE, what, "give the record's id");
	if (!strncmp(arg, "ref:", 4)) {
		/* The readable reference an import file gave the record ("ref:p-kem-sokha"). */
		struct cw_record rec;

		cw_id_from_ref(arg + 4, id);
		if ((rc = cw_store_get(cli->store, id, &rec, &cli->err)) == 0)
			cw_record_free(&rec);
		return rc;
	}
	rc = cw_store_find_id(cli->store, arg, id, &cli->err);
	if (rc == CW_EINVAL || rc == CW_ENOTFOUND) {
		/* Not an id: try a person's name, then a case title. */
		struct cw_error keep = cli->err;

		cw_error_clear(&cli->err);
		rc = cw_cli_resolve(cli, CW_KIND_PERSON, arg, what, id);
		if (rc == CW_ENOTFOUND) {
			cw_error_clear(&cli->err);
			rc = cw_cli_resolve(cli, CW_KIND_CASE, arg, what, id);
		}
		if (rc == CW_ENOTFOUND)
			cli->err = keep, rc = keep.code;
	}
	return rc;
}

static int cmd_edit(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_record rec;
	struct cw_id id;
	int rc;

	(void)cmd;
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = record_argument(cli, first_arg, "id", &id)) != 0 ||
	    (rc = cw_store_get(cli->store, &id, &rec, &cli->err)) != 0)
		return rc;
	if ((rc = cw_cli_apply_record_options(cli, &rec, first_arg + 1)) == 0 &&
	    (rc = cw_store_put(cli->store, &rec, 0, &cli->err)) == 0) {
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(&rec.id, hex);
		fprintf(cli->out, "saved %s %s\n", cw_kind_name(rec.kind), hex);
	}
	cw_record_free(&rec);
	return rc;
}

static int cmd_delete(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_record rec;
	struct cw_id id;
	char hex[CW_ID_HEX_LEN + 1];
	struct cw_opt opt;
	int rc, i = first_arg + 1;

	(void)cmd;
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = record_argument(cli, first_arg, "id", &id)) != 0)
		return rc;
	while ((rc = cw_cli_next_opt(cli, &i, "yes,help,json", &opt)) == 1)
		if (strcmp(opt.name, "yes") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	if (rc < 0)
		return rc;
	if ((rc = cw_store_get(cli->store, &id, &rec, &cli->err)) != 0)
		return rc;
	cw_id_hex(&id, hex);
	if (!cli->yes) {
		char answer[16] = "";

		if (!isatty(STDIN_FILENO)) {
			cw_record_free(&rec);
			return cw_error_set(&cli->err, CW_EUSAGE, "yes",
					    "not deleting without confirmation; add --yes");
		}
		fprintf(stderr, "Delete %s %.8s \"", cw_kind_name(rec.kind), hex);
		cw_print_safe(stderr, cw_record_label(&rec), 0);
		fprintf(stderr, "\"? [y/N] ");
		if (!fgets(answer, sizeof answer, stdin) ||
		    (answer[0] != 'y' && answer[0] != 'Y')) {
			cw_record_free(&rec);
			fprintf(cli->out, "not deleted\n");
			return 0;
		}
	}
	cw_record_free(&rec);
	if ((rc = cw_store_delete(cli->store, &id, &cli->err)) == 0)
		fprintf(cli->out, "deleted %s\n", hex);
	return rc;
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
			char *end;
			unsigned long long v = strtoull(opt.value, &end, 10);

			if (*end || end == opt.value || opt.value[0] == '-')
				return cw_error_set(&cli->err, CW_EINVAL, opt.name,
						    "'%.20s' is not a whole number", opt.value);
			*(strcmp(opt.name, "limit") ? offset : limit) = (size_t)v;
			continue;
		}
		if (!strcmp(opt.name, "filter")) {
			if ((rc = cw_filter_parse_line(opt.value, f, &cli->err)) != 0)
				return rc;
			continue;
		}
		if ((rc = cw_filter_set(f, opt.name, opt.value, &cli->err)) != 0)
			return rc == CW_EINVAL &&
					       !strcmp(cli->err.message,
						       "unknown filter; use article, kind, since, "
						       "until, court, province, person, case or "
						       "text")
				       ? cw_error_set(&cli->err, CW_EUSAGE, opt.name,
						      "unknown option; see casewatch list --help")
				       : rc;
	}
	if (rc == 0 && cw_date_is_known(f->since) && cw_date_is_known(f->until) &&
	    cw_date_compare(f->since, f->until) > 0)
		return cw_error_set(&cli->err, CW_EINVAL, "until", "is before --since");
	return rc;
}

static int cmd_list(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
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
	if ((rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	kinds = kind ? CW_KIND_BIT(kind) : CW_KINDS_EVENTS;
	if (kind && f.kinds == 0)
		f.kinds = kinds;
	rc = cw_store_list(cli->store, &f, kinds,
			   oldest ? CW_ORDER_OLDEST_FIRST : CW_ORDER_NEWEST_FIRST, offset, limit,
			   &l, &cli->err);
	if (rc != 0)
		return rc;
	if (cli->json)
		rc = print_json(cli, list_to_json(&l));
	else if (l.n == 0)
		fprintf(cli->out, "no matching %s\n", kind ? cw_kind_name(kind) : "records");
	else
		rc = print_record_table(cli, &l, kind);
	cw_record_list_free(&l);
	return rc;
}

static int cmd_show(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_record rec;
	struct cw_id id;
	int rc;

	(void)cmd;
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = record_argument(cli, first_arg, "id", &id)) != 0 ||
	    (rc = cw_store_get(cli->store, &id, &rec, &cli->err)) != 0)
		return rc;
	if (first_arg + 1 < cli->argc && strcmp(cli->argv[first_arg + 1], "--json") != 0)
		rc = cw_error_set(&cli->err, CW_EUSAGE, "", "unexpected argument '%.40s'",
				  cli->argv[first_arg + 1]);
	else if (cli->json)
		rc = print_json(cli, cw_record_to_json(&rec, CW_JSON_HEADER));
	else
		print_record(cli, cli->out, &rec);
	cw_record_free(&rec);
	return rc;
}

static void print_timeline_header(struct cw_cli *cli, const struct cw_record *person,
				  const struct cw_record_list *l)
{
	const struct cw_person *p = &person->u.person;
	struct cw_timeline_summary sum;
	char date[CW_DATE_TEXT_MAX];
	FILE *out = cli->out;

	cw_timeline_summarise(&person->id, l->items, l->n, cw_date_today(), &sum);
	cw_print_safe(out, p->name, 0);
	if (p->name_km) {
		fputs(" / ", out);
		cw_print_safe(out, p->name_km, 0);
	}
	if (p->affiliation) {
		fputs(" — ", out);
		cw_print_safe(out, p->affiliation, 0);
	}
	fputc('\n', out);
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_record *r = &l->items[i];

		if (r->kind != CW_KIND_CASE)
			continue;
		for (size_t j = 0; j < r->u.kase.defendants.n; j++) {
			const struct cw_defendant *d =
				(const struct cw_defendant *)r->u.kase.defendants.items + j;
			char arts[600];
			uint8_t stage;

			if (!cw_id_equal(&d->person, &person->id))
				continue;
			cw_charges_text(d, arts, sizeof arts);
			fputs("  case: ", out);
			cw_print_safe(out, r->u.kase.title, 0);
			fputs("\n    charges: ", out);
			cw_print_safe(out, arts[0] ? arts : "none recorded", 0);
			fprintf(out, "\n    custody: %s",
				d->custody ? cw_enum_word(&cw_words_custody, d->custody)
					   : "unknown");
			stage = d->stage ? d->stage : r->u.kase.stage;
			if (stage)
				fprintf(out, "; stage: %s", cw_enum_word(&cw_words_stage, stage));
			fputc('\n', out);
		}
	}
	if (sum.pretrial_days < 0)
		fprintf(out, "  pretrial detention: unknown (dates not precise to the day)\n");
	else if (sum.pretrial_days > 0)
		fprintf(out, "  pretrial detention: %ld days%s\n", sum.pretrial_days,
			sum.pretrial_ongoing ? " and counting" : "");
	fprintf(out, "  adjournments: %d\n", sum.adjournments);
	cw_date_format(sum.next_hearing, date);
	fprintf(out, "  next hearing: %s\n", date[0] ? date : "none scheduled");
}

static int cmd_timeline(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_record person;
	struct cw_record_list l;
	struct cw_id id;
	const char *arg = first_arg < cli->argc ? cli->argv[first_arg] : NULL;
	int rc;

	(void)cmd;
	if (!arg || !strncmp(arg, "--", 2))
		return cw_error_set(&cli->err, CW_EUSAGE, "person", "give a name or an id");
	if (first_arg + 1 < cli->argc && strcmp(cli->argv[first_arg + 1], "--json") != 0)
		return cw_error_set(&cli->err, CW_EUSAGE, "", "unexpected argument '%.40s'",
				    cli->argv[first_arg + 1]);
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_cli_resolve(cli, CW_KIND_PERSON, arg, "person", &id)) != 0 ||
	    (rc = cw_store_get(cli->store, &id, &person, &cli->err)) != 0)
		return rc;
	if ((rc = cw_store_timeline_for_person(cli->store, &id, &l, &cli->err)) != 0) {
		cw_record_free(&person);
		return rc;
	}
	if (cli->json) {
		json_t *obj = json_object();

		json_object_set_new(obj, "person", cw_record_to_json(&person, CW_JSON_HEADER));
		json_object_set_new(obj, "entries", list_to_json(&l));
		rc = print_json(cli, obj);
	} else {
		print_timeline_header(cli, &person, &l);
		fputc('\n', cli->out);
		if (l.n)
			rc = print_record_table(cli, &l, CW_KIND_NONE);
		else
			fprintf(cli->out, "no records name this person yet\n");
	}
	cw_record_list_free(&l);
	cw_record_free(&person);
	return rc;
}

/* ---- import ------------------------------------------------------------------------------ */

static int cmd_import(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *path = first_arg < cli->argc ? cli->argv[first_arg] : NULL;
	struct cw_import_stats stats;
	int rc;

	(void)cmd;
	if (!path || !strncmp(path, "--", 2) || first_arg + 1 < cli->argc)
		return cw_error_set(&cli->err, CW_EUSAGE, "file", "give one file to import");
	if ((rc = cw_cli_open_store(cli, 0)) == 0 &&
	    (rc = cw_import_jsonl(cli->store, path, &stats, &cli->err)) == 0)
		fprintf(cli->out, "imported %zu records (%zu new or changed)\n", stats.records,
			stats.changed);
	return rc;
}

static int cmd_seed(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *candidates[] = {first_arg < cli->argc ? cli->argv[first_arg] : NULL,
				    getenv("CASEWATCH_SEED"), CW_SEED_INSTALLED, CW_SEED_SOURCE};
	struct cw_import_stats stats;
	int rc;

	(void)cmd;
	/* The demo goes into a database of its own unless one is named: it must never mix with
	 * a monitor's real records by accident. */
	if (!cli->db_given)
		cli->db_dir = data_dir("casewatch-demo");
	for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
		if (!candidates[i] || access(candidates[i], R_OK) != 0) {
			if (i == 0 && candidates[0])
				return cw_error_set(&cli->err, CW_EIO, "file", "cannot read %.200s",
						    candidates[0]);
			continue;
		}
		if ((rc = cw_cli_open_store(cli, 1)) != 0)
			return rc;
		if ((rc = cw_import_jsonl(cli->store, candidates[i], &stats, &cli->err)) == 0)
			fprintf(cli->out,
				"demo data: %zu records from the UN and government documents "
				"(%zu new or changed) in %s%s%s\n",
				stats.records, stats.changed, cli->db_dir,
				cli->db_given ? "" : "; open it with casewatch --db ",
				cli->db_given ? "" : cli->db_dir);
		return rc;
	}
	return cw_error_set(&cli->err, CW_EIO, "seed",
			    "demo data not found; give its path: casewatch seed FILE");
}

static int cmd_articles(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	static const char *const cols[] = {"ARTICLE", "LAW", "OFFENCE"};
	struct cw_table t;
	struct cw_article a;
	const char *offence;
	json_t *arr = cli->json ? json_array() : NULL;

	(void)cmd;
	(void)first_arg;
	cw_table_init(&t, 3, cols);
	for (size_t i = 0; cw_article_table_entry(i, &a, &offence) == 0; i++) {
		char text[CW_ARTICLE_TEXT_MAX];

		cw_article_format(&a, text);
		if (arr)
			json_array_append_new(arr,
					      json_pack("{s:s,s:s,s:s}", "article", text, "law",
							cw_law_name(a.law), "offence", offence));
		else
			cw_table_add(&t, (const char *const[]){text, cw_law_name(a.law), offence});
	}
	if (arr)
		print_json(cli, arr);
	else
		cw_table_print(&t, cli->out, cw_output_width(cli->out));
	cw_table_free(&t);
	return 0;
}

static const char filter_help[] =
	"Filters:\n"
	"  --article LIST      any of these articles: 494/495, \"437 bis\", \"LNIPT 231\"\n"
	"  --kind KINDS        hearing, visit, demonstration, milestone (short: h, v, d, ms)\n"
	"  --since DATE        on or after; DATE is YYYY, YYYY-MM or YYYY-MM-DD\n"
	"  --until DATE        on or before (the whole month or year when partial)\n"
	"  --court TEXT        court name contains TEXT\n"
	"  --province TEXT     province name contains TEXT\n"
	"  --person TEXT       a person's name, part of it, or id\n"
	"  --case TEXT         a case title, part of it, or id\n"
	"  --text TEXT         free text in names, titles, notes and sources\n"
	"  --filter LINE       all of the above as one line: article:494/495 kind:hearing ...\n"
	"  --limit N, --offset N, --oldest-first, --json\n";

static const struct cw_command commands[] = {
	{"init", NULL, cmd_init, 0, "casewatch init", "create the database"},
	{"seed", NULL, cmd_seed, 0, "casewatch [--db DIR] seed [FILE]",
	 "load the demo data from the UN documents (idempotent; into its own demo database "
	 "unless --db names one)"},
	{"person", "add", cmd_add, CW_KIND_PERSON, "casewatch person add --name NAME [options]",
	 "add a person"},
	{"case", "add", cmd_add, CW_KIND_CASE,
	 "casewatch case add --title TITLE [--defendant PERSON --charge ARTICLES ...] [options]",
	 "add a case with its defendants and charges"},
	{"log", "hearing", cmd_add, CW_KIND_HEARING,
	 "casewatch log hearing --case CASE --date DATE [options]", "log a trial hearing"},
	{"log", "visit", cmd_add, CW_KIND_VISIT,
	 "casewatch log visit --facility PRISON --date DATE [options]", "log a prison visit"},
	{"log", "demo", cmd_add, CW_KIND_DEMO, "casewatch log demo --date DATE [options]",
	 "log a demonstration"},
	{"log", "milestone", cmd_add, CW_KIND_MILESTONE,
	 "casewatch log milestone --person PERSON --type TYPE [--case CASE] [--date DATE] "
	 "[options]",
	 "log a milestone in a person's case"},
	{"edit", NULL, cmd_edit, 0, "casewatch edit ID [options of the record's kind]",
	 "change fields of a record"},
	{"delete", NULL, cmd_delete, 0, "casewatch delete ID [--yes]", "delete a record"},
	{"list", NULL, cmd_list, 0, "casewatch list persons|cases|records [filters] [--json]",
	 "list records, newest first"},
	{"show", NULL, cmd_show, 0, "casewatch show ID [--json]", "show one record in full"},
	{"timeline", NULL, cmd_timeline, 0, "casewatch timeline PERSON [--json]",
	 "a defendant's cases, charges and events in date order"},
	{"import", NULL, cmd_import, 0, "casewatch import FILE.jsonl",
	 "import records (one JSON object a line) in one transaction"},
	{"articles", NULL, cmd_articles, 0, "casewatch articles [--json]",
	 "the built-in table of charge articles"},
	/* report and export commands */
	{"report", NULL, cw_cmd_report, 0,
	 "casewatch report [--week YYYY-Www | --from DATE --to DATE] [filters] "
	 "[--format md|html|csv|json] [-o FILE]",
	 "a weekly summary for partners: hearings, arrests, verdicts, visits, demonstrations",
	 cw_report_help},
	{"export", NULL, cw_cmd_export, 0,
	 "casewatch export [persons|cases|records] --format csv|json|ics [filters] "
	 "[--timeline PERSON] [-o FILE]",
	 "records, a timeline or upcoming hearings as CSV, JSON or iCalendar", cw_export_help},
	/* sync commands */
	{"bundle", "export", cw_cmd_bundle_export, 0,
	 "casewatch bundle export -o FILE (--to NAME | --since DATE | --all)",
	 "write a bundle of changes to carry to another database", cw_bundle_export_help},
	{"bundle", "import", cw_cmd_bundle_import, 0, "casewatch bundle import FILE [--json]",
	 "merge a bundle from another database (all or nothing)", cw_bundle_import_help},
	{"bundle", "inspect", cw_cmd_bundle_inspect, 0, "casewatch bundle inspect FILE [--json]",
	 "check a bundle and list what it holds, without importing", cw_bundle_inspect_help},
	{"bundle", "content", cw_cmd_bundle_content, 0, "casewatch bundle content [--digest]",
	 "the database's content as sync compares it", cw_bundle_content_help},
	{"bundle", "peers", cw_cmd_bundle_peers, 0, "casewatch bundle peers",
	 "peers bundles were exported to, and when", NULL},
	{"conflicts", "resolve", cw_cmd_conflicts, 0, "casewatch conflicts resolve ID --keep N",
	 "resolve a conflict by choosing one version", cw_conflicts_help},
	{"conflicts", NULL, cw_cmd_conflicts, 0, "casewatch conflicts [--json]",
	 "records whose versions from different laptops conflict", cw_conflicts_help},
	{"audit", NULL, cw_cmd_audit, 0, "casewatch audit [--record ID] [--limit N] [--json]",
	 "who changed what, where and when, here and in the field", cw_audit_help},
};

static void print_usage(FILE *out)
{
	fputs("usage: casewatch [--db DIR] COMMAND [options]\n\n"
	      "Offline case monitoring for human-rights field teams: trial hearings, prison\n"
	      "visits, demonstrations and defendants' timelines, filtered by the article "
	      "charged.\n\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		char name[48];

		snprintf(name, sizeof name, "%s%s%s", commands[i].name, commands[i].sub ? " " : "",
			 commands[i].sub ? commands[i].sub : "");
		fprintf(out, "  %-18s %s\n", name, commands[i].summary);
	}
	fputs("\nThe database is --db DIR, else $CASEWATCH_DB, else $XDG_DATA_HOME/casewatch.\n"
	      "New records are signed with $CASEWATCH_AUTHOR, else 'author = NAME' in\n"
	      "$XDG_CONFIG_HOME/casewatch/config, else the login name.\n"
	      "'casewatch COMMAND --help' explains a command's options. Exit status: 0 done,\n"
	      "2 usage, 65 bad input, 66 not found, 74 database or file trouble.\n",
	      out);
}

static void print_command_help(FILE *out, const struct cw_command *cmd)
{
	fprintf(out, "usage: %s\n\n%s.\n\n", cmd->usage, cmd->summary);
	if (cmd->help)
		fputs(cmd->help, out);
	else if (cmd->kind)
		cw_cli_print_record_options(out, cmd->kind);
	else if (cmd->run == cmd_list)
		fputs(filter_help, out);
	else if (cmd->run == cmd_edit)
		fputs("Takes the options of 'person add', 'case add' or 'log KIND' for the "
		      "record's\n"
		      "kind. Text fields are replaced, list options add, --clear FIELD empties.\n",
		      out);
	else if (cmd->run == cmd_delete)
		fputs("Asks before deleting unless --yes is given. People and cases that other\n"
		      "records name cannot be deleted until those records are changed.\n",
		      out);
	else if (cmd->run == cmd_timeline || cmd->run == cmd_show)
		fputs("PERSON or ID may be a full id, an id prefix of 6 or more digits, a name\n"
		      "(an exact name, or a part that matches one person), or ref:REF for a "
		      "record\n"
		      "imported with a readable reference (ref:p-kem-sokha).\n",
		      out);
	else if (cmd->run == cmd_import)
		fputs("Each line is a JSON object with \"kind\" and the kind's fields, as\n"
		      "'show --json' prints them; \"ref\" gives a readable stable id. A bad line\n"
		      "is reported with its number and nothing from the file is written.\n",
		      out);
}

int cw_cli_run(struct cw_cli *cli, int argc, char **argv)
{
	int i = 1, rc;
	const char *env_db = getenv("CASEWATCH_DB");

	cli->out = stdout;
	cli->db_given = env_db && *env_db;
	cli->db_dir = cli->db_given ? env_db : data_dir("casewatch");
	find_author(cli);
	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			cli->db_dir = argv[i + 1];
			cli->db_given = 1;
			i += 2;
		} else if (!strncmp(argv[i], "--db=", 5)) {
			cli->db_dir = argv[i] + 5;
			cli->db_given = 1;
			i++;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			print_usage(cli->out);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			fprintf(cli->out, "casewatch %s\n", PACKAGE_VERSION);
			return 0;
		} else {
			return cw_error_set(&cli->err, CW_EUSAGE, "",
					    "unknown option '%.40s'; see "
					    "casewatch --help",
					    argv[i]);
		}
	}
	if (i >= argc)
		return cw_tui_main(cli);
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
		scan_flags(cli);
		if (cli->help) {
			print_command_help(cli->out, cmd);
			return 0;
		}
		rc = cmd->run(cli, cmd, first);
		return rc;
	}
	if (!strcmp(argv[i], "log") || !strcmp(argv[i], "person") || !strcmp(argv[i], "case"))
		return cw_error_set(&cli->err, CW_EUSAGE, argv[i], "say what: %s",
				    !strcmp(argv[i], "log") ? "log hearing|visit|demo|milestone"
							    : "add");
	return cw_error_set(&cli->err, CW_EUSAGE, "",
			    "unknown command '%.40s'; see casewatch --help", argv[i]);
}
