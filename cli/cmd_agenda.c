/* cmd_agenda.c - the `agenda` command: hearings set and follow-up visits due, day by day; see
 * report/agenda.h for what is on it. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/output.h"
#include "models/confidential.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "report/agenda.h"
#include "report/record_text.h"

const char cw_agenda_help[] =
	N_("What is coming, grouped by day: hearings dated in the window, the next dates hearings\n"
	   "set for their cases, and prison visits whose follow-up falls due (a visit's\n"
	   "--follow-up-on). A follow-up is done once a later visit to the same facility, made by\n"
	   "today, is logged; until then it stays on the agenda, overdue, for 90 days.\n"
	   "  --days N            the window's length in days (default 14)\n"
	   "  --from DATE         its first day (default today; words too: monday, next week)\n"
	   "Filters (as for list): --article, --kind (hearing, visit), --account, --court,\n"
	   "  --province, --person, --case, --text, --filter LINE\n"
	   "  --json              the same as one JSON document\n");

struct agenda_opts {
	struct cw_filter filter;
	const char *from;
	long days;
};

static int parse_opts(struct cw_cli *cli, int first_arg, struct agenda_opts *o)
{
	struct cw_opt opt;
	int rc, i = first_arg;

	cw_filter_init(&o->filter);
	o->from = NULL;
	o->days = CW_AGENDA_DAYS;
	while ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) > 0) {
		char *end;

		rc = 0;
		if (!strcmp(opt.name, "json") || !strcmp(opt.name, "help"))
			continue;
		if (!strcmp(opt.name, "days")) {
			char digits[64];
			const char *v = cw_text_latin_digits(opt.value, digits, sizeof digits);

			o->days = strtol(v, &end, 10);
			if (*v == '\0' || *end != '\0' || o->days < 1 || o->days > 3660)
				return cw_error_set(&cli->err, CW_EUSAGE, "days",
						    "is a number of days from 1 to 3660");
		} else if (!strcmp(opt.name, "from")) {
			o->from = opt.value;
		} else if (!strcmp(opt.name, "filter")) {
			rc = cw_filter_parse_line(opt.value, &o->filter, &cli->err);
		} else if (!strcmp(opt.name, "article") || !strcmp(opt.name, "kind") ||
			   !strcmp(opt.name, "account") || !strcmp(opt.name, "court") ||
			   !strcmp(opt.name, "province") || !strcmp(opt.name, "person") ||
			   !strcmp(opt.name, "case") || !strcmp(opt.name, "text")) {
			rc = cw_filter_set(&o->filter, opt.name, opt.value, &cli->err);
		} else {
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "unknown option; see casewatch agenda --help");
		}
		if (rc != 0)
			return rc;
	}
	if (rc < 0)
		return rc;
	if (o->filter.kinds & ~(CW_KIND_BIT(CW_KIND_HEARING) | CW_KIND_BIT(CW_KIND_VISIT)))
		return cw_error_set(&cli->err, CW_EUSAGE, "kind",
				    "the agenda holds hearings and visits only");
	return 0;
}

/* The drafts to complete, by day (agenda.h says which day), each with its kind, what it is
 * about and its id: they are work to do like the items, but no record yet. */
static int print_drafts_line(struct cw_cli *cli, const struct cw_agenda *a)
{
	static const char *const cols[] = {N_("DAY"), N_("KIND"), N_("ABOUT"), N_("ID"),
					   N_("NOTE")};
	struct cw_table t;
	int rc = 0;

	if (!a->drafts)
		return 0;
	fprintf(cli->out,
		P_("\n%zu draft to complete ('casewatch drafts' lists them; 5 in the terminal "
		   "interface):\n\n",
		   "\n%zu drafts to complete ('casewatch drafts' lists them; 5 in the terminal "
		   "interface):\n\n",
		   a->drafts),
		a->drafts);
	cw_table_init(&t, 5, cols);
	t.fit[0] = t.fit[1] = t.fit[3] = CW_COLUMN_WHOLE; /* the day, the kind, the id */
	t.fit[4] = CW_COLUMN_FREE;
	for (size_t i = 0; i < a->drafts && rc == 0; i++) {
		const struct cw_agenda_draft *dr = &a->draft_items[i];
		char day[CW_AGENDA_DAY_TEXT_MAX], hex[CW_ID_HEX_LEN + 1];

		day[0] = '\0';
		if (i == 0 || cw_date_compare(dr->day, a->draft_items[i - 1].day) != 0)
			cw_agenda_day_text(dr->day, day, sizeof day);
		cw_id_hex(&dr->d->id, hex);
		hex[8] = '\0';
		rc = cw_table_add(
			&t,
			(const char *const[]){
				day, cw_kind_text(dr->d->kind), dr->d->label ? dr->d->label : "",
				hex, dr->dated ? "" : _("no date typed: the day it was kept")});
	}
	if (rc == 0)
		cw_table_print(&t, cli->out, cw_output_width(cli->out));
	cw_table_free(&t);
	return rc ? cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory") : 0;
}

static int print_text(struct cw_cli *cli, const struct cw_agenda *a, int filtered)
{
	static const char *const cols[] = {
		N_("DAY"),           N_("WHAT"), N_("ACCOUNT"), N_("CASE / PRISON"),
		N_("COURT / PLACE"), N_("NOTE"), N_("ID")};
	char from[CW_AGENDA_DAY_TEXT_MAX], to[CW_AGENDA_DAY_TEXT_MAX];
	struct cw_list_memo memo = {0}; /* the people the rows name, each read once */
	struct cw_table t;
	size_t differ;
	int rc = 0, failed = 0;

	cw_agenda_day_text(a->from, from, sizeof from);
	cw_agenda_day_text(a->to, to, sizeof to);
	if (a->n == 0) {
		char why[200];

		/* Say why it is empty: an agenda of a database whose hearings are all in the past
		 * must not look like a broken one. */
		cw_agenda_why_empty(a, filtered, 1, why, sizeof why);
		fprintf(cli->out, _("Nothing on the agenda from %s to %s.\n%s\n"), from, to, why);
		return print_drafts_line(cli, a);
	}
	fprintf(cli->out, _("Agenda from %s to %s\n\n"), from, to);
	cw_table_init(&t, 7, cols);
	/* The day, what is due, whose account and the id stay whole on a narrow terminal; the
	 * place and the note give room first. */
	t.fit[0] = t.fit[1] = t.fit[2] = t.fit[6] = CW_COLUMN_WHOLE;
	t.fit[4] = t.fit[5] = CW_COLUMN_FREE;
	for (size_t i = 0; i < a->n && rc == 0; i++) {
		const struct cw_agenda_item *it = &a->items[i];
		struct cw_record_summary sum;
		char day[CW_AGENDA_DAY_TEXT_MAX], hex[CW_ID_HEX_LEN + 1], note[700], named[900];

		/* The day once, at the head of its group (the overdue follow-ups come first). */
		day[0] = '\0';
		if (i == 0 || it->overdue != a->items[i - 1].overdue ||
		    cw_date_compare(it->day, a->items[i - 1].day) != 0)
			cw_agenda_day_text(it->day, day, sizeof day);
		cw_id_hex(&it->rec->id, hex);
		hex[8] = '\0';
		/* A record it names that cannot be read ends the agenda: never "not held here". */
		if ((failed = cw_record_summarise_in(cli->session.store, &memo, it->rec, &sum,
						     &cli->err)) != 0)
			break;
		cw_agenda_note(a, i, note, sizeof note);
		/* Marked as the lists mark it ("[C] ", "[c] "), a next date set at a confidential
		 * hearing too: whoever reads the agenda out or copies it for others sees that it
		 * stays within the team; a follow-up visit with whom it is to see again. */
		if ((failed = cw_agenda_about(cli->session.store, it, &sum, named, sizeof named,
					      &cli->err)) != 0)
			break;
		rc = cw_table_add(&t, (const char *const[]){day, cw_agenda_what_label(it->what),
							    cw_view_short(it->rec->view), named,
							    sum.where, note, hex});
	}
	cw_list_memo_free(&memo);
	if (rc == 0 && !failed)
		cw_table_print(&t, cli->out, cw_output_width(cli->out));
	cw_table_free(&t);
	if (failed)
		return failed;
	if (rc != 0)
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	/* One hearing on several days: not one to attend as certain, nor two. */
	if ((differ = cw_agenda_hearings_differ(a)) != 0)
		fprintf(cli->out,
			P_("\nThe accounts of %zu hearing give it different dates: each is listed "
			   "on its day, with whose account gives it.\n",
			   "\nThe accounts of %zu hearings give them different dates: each is "
			   "listed on its day, with whose account gives it.\n",
			   differ),
			differ);
	return print_drafts_line(cli, a);
}

static const char *what_word(enum cw_agenda_what what)
{
	return what == CW_AGENDA_HEARING     ? "hearing"
	       : what == CW_AGENDA_NEXT_DATE ? "next_hearing"
					     : "follow_up";
}

/* [{ "day", "dated", "id", "kind", "about" }]: the drafts to complete, by day. */
static json_t *drafts_day_json(const struct cw_agenda *a)
{
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < a->drafts; i++) {
		const struct cw_agenda_draft *dr = &a->draft_items[i];
		char id[CW_ID_HEX_LEN + 1], date[CW_DATE_TEXT_MAX];
		json_t *o = json_object();

		cw_id_hex(&dr->d->id, id);
		cw_date_format(dr->day, date);
		if (!o || json_object_set_new(o, "day", json_string(date)) ||
		    json_object_set_new(o, "dated", json_boolean(dr->dated)) ||
		    json_object_set_new(o, "id", json_string(id)) ||
		    json_object_set_new(o, "kind", json_string(cw_kind_name(dr->d->kind))) ||
		    json_object_set_new(o, "about",
					json_string(dr->d->label ? dr->d->label : "")) ||
		    json_array_append_new(arr, o)) {
			json_decref(o);
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

/* [{ "day", "account", "record" }]: the other accounts on the agenda of the hearing to come of
 * item i, and the day each gives (cw_agenda_other_accounts); [] for most items. */
static json_t *other_accounts_json(const struct cw_agenda *a, size_t i)
{
	json_t *arr = json_array();

	for (size_t k = 0; arr && a->items[i].hearing && k < a->n; k++) {
		const struct cw_agenda_item *o = &a->items[k];
		char id[CW_ID_HEX_LEN + 1], date[CW_DATE_TEXT_MAX];

		if (k == i || o->hearing != a->items[i].hearing)
			continue;
		cw_id_hex(&o->rec->id, id);
		cw_date_format(o->day, date);
		if (json_array_append_new(arr, json_pack("{s:s,s:s,s:s}", "day", date, "account",
							 cw_enum_word(&cw_words_view, o->rec->view),
							 "record", id))) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

/* { "from", "to", "items": [{ "day", "what", "overdue", "about", "where", "note",
 * "other_accounts", "record" (as 'show --json' gives it, touches_confidential too) }], "next",
 * "latest" }: names beside
 * the ids a script would need; "next" and "latest" (or null) only when the window is empty.
 * Into *out; 0, or an error: a record the items name that cannot be read is that error, not
 * "out of memory". */
static int agenda_json(struct cw_cli *cli, const struct cw_agenda *a, json_t **out)
{
	json_t *doc = json_object(), *items = json_array();
	char date[CW_DATE_TEXT_MAX];
	int bad = !doc || !items, rc = 0;
	struct cw_report names;
	struct cw_list_memo memo = {0}; /* the people the items name, each read once */

	/* The records name their people and case beside the ids, as --json does everywhere. */
	memset(&names, 0, sizeof names);
	for (size_t i = 0; i < a->n && !bad && rc == 0; i++) {
		struct cw_record_list l = {(struct cw_record *)a->items[i].rec, 1, 1};

		rc = cw_report_add_refs(cli->session.store, &names, &l, &cli->err);
	}

	cw_date_format(a->from, date);
	bad |= json_object_set_new(doc, "from", json_string(date));
	cw_date_format(a->to, date);
	bad |= json_object_set_new(doc, "to", json_string(date));
	for (size_t i = 0; i < a->n && !bad && rc == 0; i++) {
		const struct cw_agenda_item *it = &a->items[i];
		struct cw_record_summary sum;
		json_t *o = json_object(), *rec = cw_record_to_json(it->rec, 0);
		char note[700], about[900];
		int touches = 0;

		cw_record_json_add_names(rec, it->rec->kind, cw_report_name, &names);
		/* What the text's mark says ("[C] ", "[c] "), as list --json says it. */
		bad |= cw_report_touches_confidential(&names, it->rec, &touches) != 0 || !rec ||
		       json_object_set_new(rec, "touches_confidential", json_boolean(touches));
		if ((rc = cw_record_summarise_in(cli->session.store, &memo, it->rec, &sum,
						 &cli->err)) != 0) {
			json_decref(o);
			json_decref(rec);
			break;
		}
		if ((rc = cw_agenda_about(cli->session.store, it, &sum, about, sizeof about,
					  &cli->err)) != 0) {
			json_decref(o);
			json_decref(rec);
			break;
		}
		cw_agenda_note(a, i, note, sizeof note);
		cw_date_format(it->day, date);
		if (!o || json_object_set_new(o, "day", json_string(date)) ||
		    json_object_set_new(o, "what", json_string(what_word(it->what))) ||
		    /* "month": a next date or a follow-up known only to its month ("day":
		     * "2024-07"); "year" likewise */
		    json_object_set_new(o, "precision",
					json_string(cw_date_precision_word(it->day))) ||
		    json_object_set_new(o, "overdue", json_boolean(it->overdue)) ||
		    json_object_set_new(o, "about", json_string(about)) ||
		    json_object_set_new(o, "where", json_string(sum.where)) ||
		    json_object_set_new(o, "note", json_string(note)) ||
		    json_object_set_new(o, "other_accounts", other_accounts_json(a, i)) ||
		    json_object_set(o, "record", rec)) {
			json_decref(o);
			bad = 1;
		} else {
			bad |= json_array_append_new(items, o); /* takes o, also when it fails */
		}
		json_decref(rec);
	}
	bad |= json_object_set_new(doc, "items", items);
	bad |= json_object_set_new(doc, "drafts", drafts_day_json(a));
	cw_date_format(a->next, date);
	bad |= json_object_set_new(doc, "next", *date ? json_string(date) : json_null());
	cw_date_format(a->latest, date);
	bad |= json_object_set_new(doc, "latest", *date ? json_string(date) : json_null());
	cw_report_free(&names);
	cw_list_memo_free(&memo);
	if (rc || bad) {
		json_decref(doc);
		*out = NULL;
		return rc ? rc : cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	}
	*out = doc;
	return 0;
}

int cw_cmd_agenda(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct agenda_opts o;
	struct cw_filter none;
	struct cw_agenda a;
	struct cw_date from = cw_date_today(), to;
	int rc;

	(void)cmd;
	if ((rc = parse_opts(cli, first_arg, &o)) != 0)
		return rc;
	if (o.from) {
		if ((rc = cw_cli_date(cli, "from", o.from, &from)) != 0)
			return rc;
		if (!cw_date_is_known(from))
			return cw_error_set(&cli->err, CW_EINVAL, "from", "is empty");
		from = cw_date_first_day(from);
	}
	to = cw_date_from_days(cw_date_to_days(from) + o.days - 1);
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_cli_check_filter(cli, &o.filter)) != 0)
		return rc;
	/* The team's own view: everything counts, and is marked. */
	if ((rc = cw_agenda_build(cli->session.store, &o.filter, from, to, NULL, &a, &cli->err)) ==
	    0) {
		json_t *doc;

		cw_filter_init(&none);
		if (cli->json) {
			if ((rc = agenda_json(cli, &a, &doc)) == 0)
				rc = cw_cli_print_json(cli, doc);
		} else {
			rc = print_text(cli, &a, !cw_filter_equal(&o.filter, &none));
		}
	}
	cw_agenda_free(&a);
	return rc;
}

/* ---- drafts ----------------------------------------------------------------------------- */

const char cw_drafts_help[] =
	N_("Drafts are forms kept unfinished in the terminal interface (C-t in a form): what was\n"
	   "typed, on this laptop only, in no list, report, export or bundle until finished there\n"
	   "(the 5 list, Enter). This lists them, last kept first; 'drafts delete ID' deletes one "
	   "(its\n"
	   "id or the first 8 or more digits of it) and wipes what it held.\n");

/* A draft by its id or a prefix of it (8 digits or more). */
static int find_draft(struct cw_cli *cli, const char *text, struct cw_draft *list, size_t n,
		      size_t *at)
{
	size_t len = strlen(text), found = 0;

	if (len < 8 || len > CW_ID_HEX_LEN || strspn(text, "0123456789abcdefABCDEF") != len)
		return cw_error_set(&cli->err, CW_EUSAGE, "draft",
				    "give a draft's id, or its first 8 digits or more");
	for (size_t i = 0; i < n; i++) {
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(&list[i].id, hex);
		if (!strncasecmp(hex, text, len)) {
			*at = i;
			found++;
		}
	}
	if (found == 0)
		return cw_error_set(&cli->err, CW_ENOTFOUND, "draft", "no draft %.40s", text);
	if (found > 1)
		return cw_error_set(&cli->err, CW_EAMBIGUOUS, "draft",
				    "%.40s is the start of several drafts' ids: give more digits",
				    text);
	return 0;
}

static json_t *drafts_json(const struct cw_draft *v, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < n; i++) {
		char id[CW_ID_HEX_LEN + 1], rec[CW_ID_HEX_LEN + 1];
		json_t *o = json_object();

		cw_id_hex(&v[i].id, id);
		cw_id_hex(&v[i].record, rec);
		if (!o || json_object_set_new(o, "id", json_string(id)) ||
		    json_object_set_new(o, "kind", json_string(cw_kind_name(v[i].kind))) ||
		    json_object_set_new(o, "about", json_string(v[i].label ? v[i].label : "")) ||
		    json_object_set_new(o, "kept",
					json_integer((json_int_t)(v[i].saved / 1000000))) ||
		    json_object_set_new(o, "edits",
					cw_id_is_zero(&v[i].record) ? json_null()
								    : json_string(rec)) ||
		    json_array_append_new(arr, o)) {
			json_decref(o);
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

int cw_cmd_drafts(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_draft *v = NULL;
	struct cw_opt opt;
	const char *target = NULL;
	size_t n = 0, at = 0;
	int rc, i = first_arg, del = cmd->sub && !strcmp(cmd->sub, "delete");

	if (del && i < cli->argc && cli->argv[i][0] != '-')
		target = cli->argv[i++];
	while ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) > 0)
		if (strcmp(opt.name, "json") != 0 && strcmp(opt.name, "help") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, "unknown option");
	if (rc < 0)
		return rc;
	if (del && !target)
		return cw_error_set(&cli->err, CW_EUSAGE, "draft", "give the draft's id");
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_store_drafts(cli->session.store, &v, &n, &cli->err)) != 0)
		return rc;
	if (del) {
		if ((rc = find_draft(cli, target, v, n, &at)) == 0 &&
		    (rc = cw_store_draft_delete(cli->session.store, &v[at].id, &cli->err)) == 0)
			fprintf(cli->out, _("deleted the draft of a %s\n"),
				cw_kind_text(v[at].kind));
	} else if (cli->json) {
		rc = cw_cli_print_json(cli, drafts_json(v, n));
	} else if (n == 0) {
		fprintf(cli->out, _("no drafts\n"));
	} else {
		static const char *const cols[] = {N_("ID"), N_("KEPT"), N_("KIND"), N_("ABOUT")};
		struct cw_table t;

		cw_table_init(&t, 4, cols);
		t.fit[0] = t.fit[1] = t.fit[2] = CW_COLUMN_WHOLE; /* the id, when, the kind */
		for (size_t k = 0; k < n && rc == 0; k++) {
			char hex[CW_ID_HEX_LEN + 1], kept[32] = "";
			time_t secs = (time_t)(v[k].saved / 1000000);
			struct tm tm;

			cw_id_hex(&v[k].id, hex);
			hex[8] = '\0';
			if (localtime_r(&secs, &tm))
				strftime(kept, sizeof kept, "%Y-%m-%d %H:%M", &tm);
			rc = cw_table_add(&t,
					  (const char *const[]){hex, kept, cw_kind_text(v[k].kind),
								v[k].label});
		}
		if (rc == 0)
			cw_table_print(&t, cli->out, cw_output_width(cli->out));
		cw_table_free(&t);
		if (rc != 0)
			rc = cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	}
	cw_drafts_free(v, n);
	return rc;
}
