/* cmd_report.c - the `report` and `export` commands; see commands.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/settings.h"
#include "cli/commands.h"
#include "report/agenda.h"
#include "report/export.h"
#include "report/write.h"
#include "store/outfile.h"
#include "store/identity.h"
#include "store/signature.h"
#include "models/format.h"
#include "models/clock.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "models/timeline.h"

const char cw_report_help[] = N_(
	"Period (default: the last complete ISO week, Monday to Sunday):\n"
	"  --week YYYY-Www     an ISO 8601 week, e.g. 2024-W06 (5 to 11 February 2024), or a\n"
	"                      day in it: --week 2024-02-07, --week \"last week\"\n"
	"  --from DATE --to DATE\n"
	"                      any range; a partial DATE (2024-02) means its first or last day;\n"
	"                      words count from today: --from \"last week\" --to yesterday\n"
	"Filters (as for list): --article, --kind, --account, --court, --province, --person,\n"
	"  --case, --text, --filter LINE\n"
	"Output:\n"
	"  --format FORMAT     md (default, for email), html (one printable file), csv (one long\n"
	"                      table with a section column), json (documented in casewatch(1)),\n"
	"                      pdf (A4, Khmer shaped; needs -o FILE or a pipe)\n"
	"  -o FILE, --output FILE\n"
	"                      write FILE (whole or not at all) instead of standard output\n"
	"  --sign              also write FILE.sig: this database's signature of FILE, which\n"
	"                      'casewatch check-signature FILE' checks anywhere, without a\n"
	"                      database (the partner compares the fingerprint it prints)\n"
	"Header (every format): organisation, period, author, when it was generated and a\n"
	"confidentiality note:\n"
	"  --organisation NAME the organisation sending it (else `organisation` in the config\n"
	"                      file; without either the line is left out)\n"
	"  --confidentiality TEXT\n"
	"                      the note (else `confidentiality` in the config file, else\n"
	"                      \"Confidential: for the named partners only\")\n"
	"  --lang km|en        headings, labels and sentences in Khmer or English (else the\n"
	"                      language casewatch speaks: LANG, or `language` in the config file)\n"
	"Then a short written summary made from the figures, and the fair-trial indicators\n"
	"across the period's hearings (met, not met, not applicable, unknown, with the notes).\n"
	"Sections: hearings monitored by the team (account own), and apart from them hearings\n"
	"reported in documents (UN, government, media, NGO...); new arrests and charges, counted\n"
	"by article with 494/495 and 437 bis apart; verdicts and sentences; prison visits;\n"
	"demonstrations; hearings in the 14 days after the period; people longest in pretrial\n"
	"detention; records dated only to a month or year that overlap the period; counts\n"
	"compared with the period before. Every row says whose account it is.\n"
	"Confidential records are left out (the report says how many, and its figures leave\n"
	"them out) and confidential fields read [confidential], unless\n"
	"  --include-confidential  puts them in; the report's header then says so\n"
	"Dates are local to Cambodia (UTC+7, Asia/Phnom_Penh).\n");

const char cw_export_help[] = N_(
	"  persons|cases|records   what to export (default records: hearings, visits,\n"
	"                      demonstrations and milestones)\n"
	"  --format csv|json|ics   csv: one row per record with ids to join on; json: the\n"
	"                      records as 'show --json' prints them; ics: the agenda\n"
	"                      (hearings set and follow-up visits due, as 'casewatch agenda')\n"
	"  --timeline PERSON   a person's timeline instead of a list (csv or json)\n"
	"  --from DATE, --to DATE  same as --since and --until; for ics the window (default:\n"
	"                      from today, no end); an empty calendar says why on stderr\n"
	"Filters (as for list): --article, --kind, --account, --since, --until, --court,\n"
	"  --province, --person, --case, --text, --filter LINE\n"
	"  -o FILE, --output FILE  write FILE (whole or not at all) instead of standard output\n"
	"  --sign              also write FILE.sig, this database's signature of FILE (see\n"
	"                      'casewatch check-signature')\n"
	"Ids are the records' 32-digit ids, the same in every export and in 'show'.\n"
	"iCalendar: one event per hearing and per follow-up visit due, with the record id in\n"
	"its UID; times are Cambodian local time (Asia/Phnom_Penh); a hearing without a time is\n"
	"an all-day event; notes, follow-up texts and the detainees met are never included.\n"
	"Confidential records are left out (standard error says how many) and confidential\n"
	"fields read [confidential], unless\n"
	"  --include-confidential  puts them in; standard error then says so, and the CSV's\n"
	"                      confidential column marks them\n");

/* --sign: FILE.sig beside the file just written (report/write.h: what is signed is what was
 * written, through a stream in front of the file), said once it is there. */
static void say_signed(struct cw_cli *cli, const char *path)
{
	struct cw_identity_public pub;
	char sig[4200], fp[CW_FINGERPRINT_TEXT_MAX];

	snprintf(sig, sizeof sig, "%s%s", path, CW_SIGNATURE_SUFFIX);
	fprintf(cli->out, _("signed it: %s\n"), sig);
	/* What the partner will need to hear from the author, said where the author sees it. */
	if (cw_store_identity(cli->session.store, &pub, &cli->err) == 0) {
		cw_identity_fingerprint(&pub, fp);
		fprintf(cli->out,
			_("whoever checks it ('casewatch check-signature FILE') should hear this "
			  "fingerprint from you, not read it from a file: %s\n"),
			fp);
	}
}

/* ---- options ---------------------------------------------------------------------------- */

struct report_opts {
	struct cw_filter filter;
	const char *week, *from, *to, *format, *output, *timeline;
	const char *organisation, *confidentiality; /* report: the header */
	const char *lang;                           /* report: its language */
	const char *what;                           /* export: persons, cases, records */
	int include_confidential;
	int sign; /* --sign: FILE.sig beside FILE */
};

static int parse_opts(struct cw_cli *cli, int first_arg, int export, struct report_opts *o)
{
	struct cw_opt opt;
	int rc, i = first_arg;

	memset(o, 0, sizeof *o);
	cw_filter_init(&o->filter);
	if (export && i < cli->argc && cli->argv[i][0] != '-') {
		o->what = cli->argv[i++];
		/* Said before the arguments after it: `export timeline "Chhim Sithar"` read
		 * "unexpected argument 'Chhim Sithar'", which said nothing of --timeline. */
		if (!strcmp(o->what, "timeline") || !strcmp(o->what, "timelines"))
			return cw_error_set(
				&cli->err, CW_EUSAGE, "export",
				"a person's timeline is exported with --timeline "
				"PERSON (casewatch export --timeline NAME --format csv)");
		if (strcmp(o->what, "persons") && strcmp(o->what, "people") &&
		    strcmp(o->what, "person") && strcmp(o->what, "cases") &&
		    strcmp(o->what, "case") && strcmp(o->what, "records") &&
		    strcmp(o->what, "record"))
			return cw_error_set(&cli->err, CW_EUSAGE, "export",
					    "say what to export: persons, cases or records");
	}
	for (;;) {
		if (i < cli->argc && !strcmp(cli->argv[i], "-o")) {
			if (i + 1 >= cli->argc || cw_cli_looks_like_option(cli->argv[i + 1]))
				return cw_error_set(&cli->err, CW_EUSAGE, "o", "needs a file name");
			if ((rc = cw_cli_given_once(cli, "o", i)) != 0)
				return rc;
			/* "-" is standard output, as for bundle export and open. */
			o->output = strcmp(cli->argv[i + 1], "-") ? cli->argv[i + 1] : NULL;
			i += 2;
			continue;
		}
		if ((rc = cw_cli_next_opt(cli, &i, "json,help,include-confidential,sign", &opt)) <=
		    0)
			return rc == 0 && o->sign && !o->output
				       ? cw_error_set(&cli->err, CW_EUSAGE, "sign",
						      "needs -o FILE: the signature is written "
						      "beside the file, as FILE.sig")
				       : rc;
		rc = 0;
		if (!strcmp(opt.name, "json") || !strcmp(opt.name, "help"))
			continue;
		if (!strcmp(opt.name, "sign")) {
			o->sign = 1;
			continue;
		}
		if (!strcmp(opt.name, "include-confidential")) {
			o->include_confidential = 1;
			continue;
		}
		if (!strcmp(opt.name, "format"))
			o->format = opt.value;
		else if (!strcmp(opt.name, "output"))
			o->output = strcmp(opt.value, "-") ? opt.value : NULL;
		else if (!export && !strcmp(opt.name, "week"))
			o->week = opt.value;
		else if (!export && !strcmp(opt.name, "organisation"))
			rc = cw_text_validate(o->organisation = opt.value, 200, 0, "organisation",
					      &cli->err);
		else if (!export && !strcmp(opt.name, "lang")) {
			/* A value outside the choices, as --format's: a usage error. */
			if (!cw_i18n_known(o->lang = opt.value))
				return cw_error_set(&cli->err, CW_EUSAGE, "lang",
						    "'%.20s' is no language casewatch writes "
						    "reports in: km (Khmer) or en (English)",
						    opt.value);
		} else if (!export && !strcmp(opt.name, "confidentiality"))
			rc = cw_text_validate(o->confidentiality = opt.value, 300, 0,
					      "confidentiality", &cli->err);
		else if (!strcmp(opt.name, "from") || (export && !strcmp(opt.name, "since")))
			o->from = opt.value;
		else if (!strcmp(opt.name, "to") || (export && !strcmp(opt.name, "until")))
			o->to = opt.value;
		else if (export && !strcmp(opt.name, "timeline"))
			o->timeline = opt.value;
		else if (!strcmp(opt.name, "filter"))
			rc = cw_filter_parse_line(opt.value, &o->filter, &cli->err);
		else if (!strcmp(opt.name, "since") || !strcmp(opt.name, "until"))
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "a report takes --week, or --from and --to");
		else if (!strcmp(opt.name, "article") || !strcmp(opt.name, "kind") ||
			 !strcmp(opt.name, "account") || !strcmp(opt.name, "court") ||
			 !strcmp(opt.name, "province") || !strcmp(opt.name, "person") ||
			 !strcmp(opt.name, "case") || !strcmp(opt.name, "text"))
			rc = cw_filter_set(&o->filter, opt.name, opt.value, &cli->err);
		else
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "unknown option; see casewatch %s --help",
					    export ? "export" : "report");
		if (rc != 0)
			return rc;
	}
}

/* What report and export do once they have written: the signing stream's bytes into the
 * file (none when it could not open), the file put in place, signed with --sign, then said, or
 * an old FILE.sig beside it removed. rc, or the first failure. */
static int output_end(struct cw_cli *cli, struct cw_outfile *out, FILE *sink, struct cw_signing *t,
		      const struct report_opts *o, int rc)
{
	rc = sink ? cw_signing_end(sink, out->f, rc, &cli->err) : rc;
	rc = cw_outfile_close(out, rc, &cli->err);
	if (rc == 0 && o->sign)
		rc = cw_signing_write(cli->session.store, t, o->output, cw_now_us(), &cli->err);
	if (rc == 0 && o->output)
		fprintf(cli->out, _("wrote %s\n"), o->output);
	if (rc == 0 && o->sign)
		say_signed(cli, o->output);
	else if (rc == 0 && o->output)
		cw_signing_forget(o->output);
	return rc;
}

static int parse_date(struct cw_cli *cli, const char *text, const char *field, int last,
		      struct cw_date *out)
{
	int rc = cw_cli_date(cli, field, text, out);

	if (rc == 0 && !cw_date_is_known(*out))
		return cw_error_set(&cli->err, CW_EINVAL, field, "is empty");
	if (rc == 0)
		*out = last ? cw_date_last_day(*out) : cw_date_first_day(*out);
	return rc;
}

static int output_format(struct cw_cli *cli, const struct report_opts *o, int *fmt)
{
	if (!o->format) {
		*fmt = cli->json ? CW_REPORT_JSON : CW_REPORT_MD;
		return 0;
	}
	if ((*fmt = cw_report_format_parse(o->format)) < 0)
		return cw_error_set(&cli->err, CW_EUSAGE, "format",
				    "'%.20s' is not a format; use md, html, csv, json or pdf",
				    o->format);
	return 0;
}

/* ---- report ----------------------------------------------------------------------------- */

/* The header: the options, else the config file (checked whole before any command runs). */
static void report_about(struct cw_cli *cli, const struct report_opts *o, struct cw_report *r,
			 char *org, char *conf, size_t len)
{
	const char *path = cw_config_path();

	r->about.organisation = o->organisation;
	if (!o->organisation && cw_config_get(path, "organisation", org, len, NULL) == 0)
		r->about.organisation = org;
	r->about.confidentiality = o->confidentiality;
	if (!o->confidentiality && cw_config_get(path, "confidentiality", conf, len, NULL) == 0)
		r->about.confidentiality = conf;
	r->about.author = cli->session.author;
	r->about.generated_us = cw_now_us();
}

int cw_cmd_report(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct report_opts o;
	struct cw_report r;
	struct cw_date from, to;
	struct cw_outfile out;
	char org[512], conf[512], fp[CW_FINGERPRINT_TEXT_MAX];
	char user_lang[8]; /* the language casewatch speaks to its user: "km" or "en" */
	int rc, fmt, y, w;

	(void)cmd;
	if ((rc = parse_opts(cli, first_arg, 0, &o)) != 0 ||
	    (rc = output_format(cli, &o, &fmt)) != 0)
		return rc;
	if (fmt == CW_REPORT_PDF && !o.output && isatty(STDOUT_FILENO))
		return cw_error_set(&cli->err, CW_EUSAGE, "output",
				    "a PDF is binary: give a file with -o FILE, or redirect "
				    "standard output");
	if (o.week && (o.from || o.to))
		return cw_error_set(&cli->err, CW_EUSAGE, "week",
				    "give --week or --from and --to, "
				    "not both");
	if (!o.week && (!o.from) != (!o.to))
		return cw_error_set(&cli->err, CW_EUSAGE, o.from ? "to" : "from",
				    "is needed too: give --from and --to together");
	if (o.week) {
		if ((rc = cw_report_read_week(o.week, cw_date_today(), &y, &w, &cli->err)) != 0)
			return rc;
		cw_report_week_range(y, w, &from, &to);
	} else if (o.from) {
		if ((rc = parse_date(cli, o.from, "from", 0, &from)) != 0 ||
		    (rc = parse_date(cli, o.to, "to", 1, &to)) != 0)
			return rc;
		if (cw_date_compare(from, to) > 0)
			return cw_error_set(&cli->err, CW_EINVAL, "to", "is before --from");
	} else {
		cw_report_last_week(cw_date_today(), &y, &w);
		cw_report_week_range(y, w, &from, &to);
	}
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_cli_check_filter(cli, &o.filter)) != 0)
		return rc;
	if ((rc = cw_report_build_with(cli->session.store, &o.filter, from, to,
				       o.include_confidential, &r, &cli->err)) == 0)
		report_about(cli, &o, &r, org, conf, sizeof org);
	/* Signed: the report says so in its header, with the key's fingerprint. */
	if (rc == 0 && o.sign) {
		struct cw_identity_public pub;

		if ((rc = cw_store_identity(cli->session.store, &pub, &cli->err)) == 0) {
			cw_identity_fingerprint(&pub, fp);
			r.about.signed_by = fp;
		}
	}
	/* The report's headings, labels and sentences in the language asked for; the database's
	 * own text stays as it was written. Only while it is written: --lang is the reader's
	 * language, and what is said at the terminal ("wrote FILE", the signature's fingerprint,
	 * an error) is for the user, in theirs. A Khmer report asked for and not possible (no
	 * catalogue installed) is refused before anything is written: an English one sent as
	 * Khmer would go unnoticed. */
	snprintf(user_lang, sizeof user_lang, "%s", cw_i18n_language());
	if (rc == 0 && o.lang) {
		cw_i18n_use(o.lang);
		if (!strncmp(o.lang, "km", 2) && strcmp(cw_i18n_language(), "km") != 0) {
			cw_i18n_use(user_lang);
			rc = cw_error_set(&cli->err, CW_EIO, "lang",
					  "no Khmer translation is installed (casewatch.mo under "
					  "%s), so the report cannot be written in Khmer",
					  cw_i18n_localedir());
		}
	}
	/* A signature that could not be written would take the file with it: refused first. */
	if (rc == 0 && o.sign)
		rc = cw_signing_check(o.output, &cli->err);
	/* Drawn on a terminal: marks stacked on one letter cut as everywhere else there. */
	cw_rtext_for_terminal(!o.output && isatty(STDOUT_FILENO));
	if (rc == 0 && (rc = cw_outfile_open(&out, o.output, cli->out, &cli->err)) == 0) {
		struct cw_signing t;
		FILE *sink = cw_signing_open(&t, out.f, o.sign);

		rc = sink ? cw_report_write(&r, (enum cw_report_format)fmt, sink, &cli->err)
			  : cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
		if (o.lang)
			cw_i18n_use(user_lang);
		rc = output_end(cli, &out, sink, &t, &o, rc);
	}
	if (o.lang)
		cw_i18n_use(user_lang);
	cw_report_free(&r);
	return rc;
}

/* ---- export ----------------------------------------------------------------------------- */

/* What an export left out as confidential, or that it holds confidential material, on
 * standard error: the file itself stays what other tools read. */
static void confidential_note(const struct cw_withheld *w, int figures)
{
	char note[CW_WITHHELD_NOTE_MAX];
	struct cw_withheld said = *w; /* read only: its lists are w's */

	if (w->leave_out && !w->records && !w->fields && !cw_withheld_as_shown(w) && !w->by_person)
		return;
	/* Rows alone (a list, a calendar) have no figures to leave anything out of: "and the
	 * figures leave it out" is said of a timeline's days in detention only. */
	said.rows_only = !figures;
	cw_withheld_note(&said, note, sizeof note);
	fprintf(stderr, w->leave_out ? _("casewatch: note: %s\n") : _("casewatch: warning: %s\n"),
		note);
}

/* cw_export_list_csv, its failure said: out of memory, or the output's trouble. */
static int list_csv(struct cw_cli *cli, FILE *out, const struct cw_report *r,
		    const struct cw_record_list *l, enum cw_kind kind)
{
	int rc = cw_export_list_csv(out, r, l, kind);

	if (rc == CW_ENOMEM)
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	return rc != 0 ? cw_write_failed(out, errno, &cli->err) : 0;
}

static int export_timeline(struct cw_cli *cli, const struct report_opts *o, int fmt, FILE *out)
{
	struct cw_record person;
	struct cw_record_list l;
	struct cw_report r;
	struct cw_id id;
	int rc;

	memset(&r, 0, sizeof r);
	r.confidential.leave_out = !o->include_confidential;
	if ((rc = cw_withheld_load(&r.confidential, cli->session.store, &cli->err)) != 0 ||
	    (rc = cw_cli_resolve(cli, CW_KIND_PERSON, o->timeline, "timeline", &id)) != 0 ||
	    (rc = cw_store_get(cli->session.store, &id, &person, &cli->err)) != 0)
		return rc;
	if (person.confidential && r.confidential.leave_out) {
		cw_record_free(&person);
		return cw_error_set(&cli->err, CW_EREFUSED, "timeline",
				    "the person is confidential: their timeline leaves the team "
				    "only with --include-confidential");
	}
	if ((rc = cw_store_timeline_for_person(cli->session.store, &id, &l, &cli->err)) != 0) {
		cw_record_free(&person);
		return rc;
	}
	/* The records are the person's: one that names them only in a withheld field (a visit
	 * whose detainees are confidential) would show them met there, withheld or not. */
	r.confidential.by_person = r.confidential.leave_out;
	/* The order their records give, read whole, may be one left out: the summary then
	 * gives none, as a report's row does (not "held past" an order the team knows was
	 * extended). */
	if ((r.timeline_order_withheld =
		     cw_report_order_withheld(&r.confidential, &id, &l, cw_date_today())) < 0 ||
	    (rc = cw_withheld_sift(&r.confidential, &l, 1)) != 0 ||
	    (rc = cw_withheld_named(&r.confidential, &person)) != 0)
		rc = cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	else if ((rc = cw_report_add_refs(cli->session.store, &r, &l, &cli->err)) != 0 ||
		 (rc = cw_withheld_links(&r.confidential, cli->session.store, &l, &cli->err)) != 0)
		;
	else if (fmt == CW_REPORT_CSV)
		rc = list_csv(cli, out, &r, &l, CW_KIND_NONE);
	else if ((rc = cw_report_timeline_waiting(cli->session.store, &id, &l, &r.conflicted,
						  &r.doubled, &cli->err)) == 0)
		rc = cw_export_timeline_json(out, &r, &person, &id, &l, cw_date_today(), &cli->err);
	if (rc == 0)
		confidential_note(&r.confidential, fmt == CW_REPORT_JSON);
	cw_report_free(&r);
	cw_record_list_free(&l);
	cw_record_free(&person);
	return rc;
}

/* An empty calendar says why, on stderr (the file itself stays a valid calendar): what is set
 * after the window, or the latest day set, or that nothing has a date. */
static void empty_calendar_note(const struct cw_agenda *a, int filtered)
{
	char from[CW_DATE_TEXT_MAX], to[CW_DATE_TEXT_MAX], day[CW_DATE_TEXT_MAX];

	cw_date_format(a->from, from);
	cw_date_format(a->to, to);
	if (cw_date_is_known(a->next)) {
		cw_date_format(a->next, day);
		fprintf(stderr,
			_("casewatch: note: the calendar is empty: nothing is set from %s to %s; "
			  "the "
			  "next day set is %s ('--to' a later day exports it)\n"),
			from, to, day);
	} else if (cw_date_is_known(a->latest)) {
		cw_date_format(a->latest, day);
		fprintf(stderr,
			_("casewatch: note: the calendar is empty: nothing is set on or after %s; "
			  "the "
			  "latest day set is %s ('--from %s' exports from then)\n"),
			from, day, day);
	} else {
		fprintf(stderr,
			_("casewatch: note: the calendar is empty: no hearing or follow-up visit%s "
			  "has "
			  "a date set\n"),
			filtered ? _(" that matches") : "");
	}
}

/* Whether the hearing to come of a->items[i] is in the calendar on a day another of its
 * accounts gives (cw_agenda_item.hearing). */
static int on_a_day_per_another_account(const struct cw_agenda *a, size_t i)
{
	for (size_t k = 0; a->items[i].hearing && k < a->n; k++)
		if (a->items[k].hearing == a->items[i].hearing &&
		    cw_date_precision(a->items[k].day) == CW_DATE_DAY)
			return 1;
	return 0;
}

/* Whether a->items[i] is the first item of its hearing to come (accounts of one hearing share
 * cw_agenda_item.hearing). */
static int first_of_its_hearing(const struct cw_agenda *a, size_t i)
{
	for (size_t k = 0; a->items[i].hearing && k < i; k++)
		if (a->items[k].hearing == a->items[i].hearing)
			return 0;
	return 1;
}

/* The next dates known only to their month (or year) that the agenda holds and the calendar
 * leaves out (a hearing is on one day), on stderr: a hearing adjourned to "2024-07" must not
 * vanish from the calendar without a word. Hearings are counted, not accounts: two accounts
 * of one hearing giving two months are one hearing, and one whose other account gives a day
 * is in the calendar on that day (a review counted accounts). */
static void months_left_out_note(const struct cw_agenda *a)
{
	char month[CW_DATE_TEXT_MAX] = "";
	size_t n = 0;
	int years = 0;

	for (size_t i = 0; i < a->n; i++)
		if (a->items[i].what != CW_AGENDA_FOLLOW_UP &&
		    cw_date_precision(a->items[i].day) != CW_DATE_DAY &&
		    !on_a_day_per_another_account(a, i) && first_of_its_hearing(a, i)) {
			years |= cw_date_precision(a->items[i].day) == CW_DATE_YEAR;
			if (n++ == 0)
				cw_date_format(a->items[i].day, month);
		}
	if (n && years)
		fprintf(stderr,
			P_("casewatch: note: %zu hearing set only for a month or a year (%s) is "
			   "not "
			   "in the calendar, an event needing a day; 'casewatch agenda' lists it\n",
			   "casewatch: note: %zu hearings set only for a month or a year (the "
			   "first: %s) are not in the calendar, an event needing a day; 'casewatch "
			   "agenda' lists them\n",
			   n),
			n, month);
	else if (n)
		fprintf(stderr,
			P_("casewatch: note: %zu hearing set only for a month (%s) is not in the "
			   "calendar, an event needing a day; 'casewatch agenda' lists it\n",
			   "casewatch: note: %zu hearings set only for a month (the first: %s) are "
			   "not in the calendar, an event needing a day; 'casewatch agenda' lists "
			   "them\n",
			   n),
			n, month);
}

static int export_ics(struct cw_cli *cli, struct report_opts *o, FILE *out)
{
	struct cw_filter none;
	struct cw_withheld w = {0};
	struct cw_agenda a;
	struct cw_date from = cw_date_today(), to = {0, 0, 0};
	int rc;

	if ((o->from && (rc = parse_date(cli, o->from, "from", 0, &from)) != 0) ||
	    (o->to && (rc = parse_date(cli, o->to, "to", 1, &to)) != 0))
		return rc;
	if (cw_date_is_known(to) && cw_date_compare(from, to) > 0)
		return cw_error_set(&cli->err, CW_EINVAL, "to", "is before --from");
	if (o->filter.kinds & ~(CW_KIND_BIT(CW_KIND_HEARING) | CW_KIND_BIT(CW_KIND_VISIT)))
		return cw_error_set(&cli->err, CW_EUSAGE, "kind",
				    "a calendar holds hearings and follow-up visits only");
	cw_filter_init(&none);
	memset(&a, 0, sizeof a);
	/* What is withheld is known before the agenda is read: a calendar for others is read as
	 * if the hearings it leaves out were not there (cw_agenda_build). */
	w.leave_out = !o->include_confidential;
	cw_withheld_by_text(&w, &o->filter);
	if ((rc = cw_withheld_load(&w, cli->session.store, &cli->err)) == 0 &&
	    (rc = cw_agenda_build(cli->session.store, &o->filter, from, to, &w, &a, &cli->err)) ==
		    0) {
		if (cw_agenda_leave_out_confidential(&a, &w) != 0)
			rc = cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
		if (rc == 0)
			rc = cw_agenda_match_text_as_shown(cli->session.store, &a, &w, &o->filter,
							   &cli->err);
		if (rc == 0 && cw_agenda_write_ics(&a, out) != 0)
			rc = cw_write_failed(out, errno, &cli->err);
		if (rc == 0 && a.n == 0)
			empty_calendar_note(&a, !cw_filter_equal(&o->filter, &none));
		if (rc == 0)
			months_left_out_note(&a);
		if (rc == 0)
			confidential_note(&w, 0);
	}
	cw_withheld_free(&w);
	cw_agenda_free(&a);
	return rc;
}

/* An export's records found by the filter's text or articles only in what it withholds are
 * left out (cw_withheld_match_text), in a read transaction of their own. */
static int withheld_match_text(struct cw_store *st, struct cw_withheld *w,
			       const struct cw_filter *f, struct cw_record_list *l,
			       struct cw_error *err)
{
	struct cw_reader *rd;
	struct cw_matcher *m = NULL;
	int rc;

	if (!w->leave_out || (!f->text[0] && !f->narticles))
		return 0;
	if ((rc = cw_store_reader_begin(st, &rd, err)) != 0)
		return rc;
	if ((rc = cw_withheld_text_matcher(rd, w, f, &m, err)) == 0)
		rc = cw_withheld_match_text(m, w, l, 1, err);
	cw_matcher_free(m);
	cw_reader_end(rd);
	return rc;
}

static int export_list(struct cw_cli *cli, struct report_opts *o, int fmt, FILE *out)
{
	struct cw_record_list l;
	struct cw_report r;
	enum cw_kind kind = CW_KIND_NONE;
	uint32_t kinds;
	int rc;

	if (o->what && (!strcmp(o->what, "persons") || !strcmp(o->what, "people") ||
			!strcmp(o->what, "person")))
		kind = CW_KIND_PERSON;
	else if (o->what && (!strcmp(o->what, "cases") || !strcmp(o->what, "case")))
		kind = CW_KIND_CASE;
	if (kind != CW_KIND_NONE && o->filter.kinds)
		return cw_error_set(&cli->err, CW_EUSAGE, "kind",
				    "--kind applies to 'export records'");
	if ((o->from && (rc = cw_filter_set(&o->filter, "since", o->from, &cli->err)) != 0) ||
	    (o->to && (rc = cw_filter_set(&o->filter, "until", o->to, &cli->err)) != 0))
		return rc;
	if (cw_date_is_known(o->filter.since) && cw_date_is_known(o->filter.until) &&
	    cw_date_compare(o->filter.since, o->filter.until) > 0)
		return cw_error_set(&cli->err, CW_EINVAL, "until", "is before --since");
	kinds = kind ? CW_KIND_BIT(kind) : CW_KINDS_EVENTS;
	if (kind)
		o->filter.kinds = kinds;
	/* An export is written for others, as the report is: a prison visit is found by an
	 * article as the report finds it, through the people it met (models/filter.h). */
	o->filter.visits_by_detainees = 1;
	if ((rc = cw_store_list(cli->session.store, &o->filter, kinds, CW_ORDER_OLDEST_FIRST, 0, 0,
				&l, &cli->err)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	r.confidential.leave_out = !o->include_confidential;
	cw_withheld_by_text(&r.confidential, &o->filter);
	if ((rc = cw_withheld_load(&r.confidential, cli->session.store, &cli->err)) == 0 &&
	    cw_withheld_sift(&r.confidential, &l, 1) != 0)
		rc = cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	else if ((rc = withheld_match_text(cli->session.store, &r.confidential, &o->filter, &l,
					   &cli->err)) != 0)
		;
	else if ((rc = cw_report_add_refs(cli->session.store, &r, &l, &cli->err)) != 0)
		;
	/* For others: no link to a record they do not get (report/confidential.h). */
	else if ((rc = cw_withheld_links(&r.confidential, cli->session.store, &l, &cli->err)) != 0)
		;
	else {
		if (fmt == CW_REPORT_JSON)
			rc = cw_export_list_json(out, &r, &l, &cli->err);
		else
			rc = list_csv(cli, out, &r, &l, kind);
	}
	if (rc == 0)
		confidential_note(&r.confidential, 0);
	cw_report_free(&r);
	cw_record_list_free(&l);
	return rc;
}

int cw_cmd_export(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct report_opts o;
	struct cw_outfile out;
	int rc, fmt, ics = 0;

	(void)cmd;
	if ((rc = parse_opts(cli, first_arg, 1, &o)) != 0)
		return rc;
	if (o.format && !strcmp(o.format, "ics")) {
		ics = 1;
		fmt = -1;
	} else if (!o.format) {
		fmt = cli->json ? CW_REPORT_JSON : -1;
	} else {
		fmt = cw_report_format_parse(o.format);
	}
	if (!ics && fmt != CW_REPORT_CSV && fmt != CW_REPORT_JSON)
		return cw_error_set(&cli->err, CW_EUSAGE, "format", "%s",
				    o.format ? _("use csv, json or ics")
					     : _("is needed: csv, json or ics"));
	if (ics && (o.timeline || (o.what && strncmp(o.what, "record", 6))))
		return cw_error_set(&cli->err, CW_EUSAGE, "format",
				    "ics exports upcoming hearings only");
	if (o.timeline && o.what)
		return cw_error_set(&cli->err, CW_EUSAGE, "timeline",
				    "exports one person's timeline; leave out '%.20s'", o.what);
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_cli_check_filter(cli, &o.filter)) != 0 ||
	    (o.sign && (rc = cw_signing_check(o.output, &cli->err)) != 0) ||
	    (rc = cw_outfile_open(&out, o.output, cli->out, &cli->err)) != 0)
		return rc;
	cw_rtext_for_terminal(!o.output && isatty(STDOUT_FILENO));
	{
		struct cw_signing t;
		FILE *w = cw_signing_open(&t, out.f, o.sign);

		if (!w)
			rc = cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
		else if (ics)
			rc = export_ics(cli, &o, w);
		else if (o.timeline)
			rc = export_timeline(cli, &o, fmt, w);
		else
			rc = export_list(cli, &o, fmt, w);
		rc = output_end(cli, &out, w, &t, &o, rc);
	}
	return rc;
}
