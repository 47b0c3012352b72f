/* cli_report.c - the `report` and `export` commands and the TUI's summary file; see
 * cli_report.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_report.h"
#include "models/format.h"
#include "models/json.h"
#include "models/text.h"
#include "models/timeline.h"

const char cw_report_help[] =
	"Period (default: the last complete ISO week, Monday to Sunday):\n"
	"  --week YYYY-Www     an ISO 8601 week, e.g. 2024-W06 (5 to 11 February 2024)\n"
	"  --from DATE --to DATE\n"
	"                      any range; a partial DATE (2024-02) means its first or last day\n"
	"Filters (as for list): --article, --kind, --court, --province, --person, --case,\n"
	"  --text, --filter LINE\n"
	"Output:\n"
	"  --format FORMAT     md (default, for email), html (one printable file), csv (one long\n"
	"                      table with a section column), json (documented in casewatch(1))\n"
	"  -o FILE, --output FILE\n"
	"                      write FILE (whole or not at all) instead of standard output\n"
	"Sections: hearings monitored; new arrests and charges, counted by article with 494/495\n"
	"and 437 bis apart; verdicts and sentences; prison visits; demonstrations; hearings in "
	"the\n"
	"14 days after the period; people longest in pretrial detention; records dated only to a\n"
	"month or year that overlap the period; counts compared with the period before.\n"
	"Dates are local to Cambodia (UTC+7, Asia/Phnom_Penh).\n";

const char cw_export_help[] =
	"  persons|cases|records   what to export (default records: hearings, visits,\n"
	"                      demonstrations and milestones)\n"
	"  --format csv|json|ics   csv: one row per record with ids to join on; json: the\n"
	"                      records as 'show --json' prints them; ics: upcoming hearings\n"
	"  --timeline PERSON   a person's timeline instead of a list (csv or json)\n"
	"  --from DATE, --to DATE  same as --since and --until; for ics the window of hearings\n"
	"                      (default: from today, no end)\n"
	"Filters (as for list): --article, --kind, --since, --until, --court, --province,\n"
	"  --person, --case, --text, --filter LINE\n"
	"  -o FILE, --output FILE  write FILE (whole or not at all) instead of standard output\n"
	"Ids are the records' 32-digit ids, the same in every export and in 'show'.\n"
	"iCalendar: one event per hearing with the record id as UID; times are Cambodian local\n"
	"time (Asia/Phnom_Penh); a hearing without a time is an all-day event; notes are never\n"
	"included.\n";

int cw_report_format_parse(const char *word)
{
	if (!strcmp(word, "md") || !strcmp(word, "markdown"))
		return CW_REPORT_MD;
	if (!strcmp(word, "html"))
		return CW_REPORT_HTML;
	if (!strcmp(word, "csv"))
		return CW_REPORT_CSV;
	if (!strcmp(word, "json"))
		return CW_REPORT_JSON;
	return -1;
}

const char *cw_report_format_ext(enum cw_report_format fmt)
{
	static const char *const ext[] = {"md", "html", "csv", "json"};

	return (unsigned)fmt < sizeof ext / sizeof ext[0] ? ext[fmt] : "txt";
}

int cw_report_write(const struct cw_report *r, enum cw_report_format fmt, FILE *out,
		    struct cw_error *err)
{
	struct cw_rdoc doc;
	int rc;

	if (fmt == CW_REPORT_JSON)
		return cw_report_write_json(r, out, err);
	if (cw_rdoc_build(r, &doc) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory while writing the report");
	if (fmt == CW_REPORT_HTML)
		rc = cw_report_write_html(&doc, out);
	else if (fmt == CW_REPORT_CSV)
		rc = cw_report_write_csv(&doc, out);
	else
		rc = cw_report_write_md(&doc, out);
	cw_rdoc_free(&doc);
	return rc ? cw_error_set(err, CW_EIO, "output", "write failed: %s", strerror(errno)) : 0;
}

/* ---- files written whole ---------------------------------------------------------------- */

struct output {
	FILE *f;
	const char *path; /* NULL: standard output */
	char tmp[4096];
};

static int output_open(struct output *o, const char *path, FILE *std, struct cw_error *err)
{
	int fd;

	o->path = path;
	o->f = std;
	if (!path)
		return 0;
	if (snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", path) >= (int)sizeof o->tmp)
		return cw_error_set(err, CW_EINVAL, "output", "path too long");
	if ((fd = mkstemp(o->tmp)) < 0)
		return cw_error_set(err, CW_EIO, "output", "cannot write %.200s: %s", path,
				    strerror(errno));
	if (!(o->f = fdopen(fd, "w"))) {
		close(fd);
		unlink(o->tmp);
		return cw_error_set(err, CW_EIO, "output", "cannot write %.200s: %s", path,
				    strerror(errno));
	}
	return 0;
}

/* Finishes the file: renamed into place when rc is 0 and everything reached the disk, else
 * removed, so a failed run never leaves half a report behind. */
static int output_close(struct output *o, int rc, struct cw_error *err)
{
	int bad;

	if (!o->path) {
		if (fflush(o->f) != 0 && rc == 0)
			rc = cw_error_set(err, CW_EIO, "output", "write failed: %s",
					  strerror(errno));
		return rc;
	}
	bad = fflush(o->f) != 0 || fsync(fileno(o->f)) != 0;
	bad |= fclose(o->f) != 0;
	if (rc == 0 && bad)
		rc = cw_error_set(err, CW_EIO, "output", "cannot write %.200s: %s", o->path,
				  strerror(errno));
	if (rc == 0 && rename(o->tmp, o->path) != 0)
		rc = cw_error_set(err, CW_EIO, "output", "cannot write %.200s: %s", o->path,
				  strerror(errno));
	if (rc != 0)
		unlink(o->tmp);
	return rc;
}

/* ---- options ---------------------------------------------------------------------------- */

struct report_opts {
	struct cw_filter filter;
	const char *week, *from, *to, *format, *output, *timeline;
	const char *what; /* export: persons, cases, records */
};

static int parse_opts(struct cw_cli *cli, int first_arg, int export, struct report_opts *o)
{
	struct cw_opt opt;
	int rc, i = first_arg;

	memset(o, 0, sizeof *o);
	cw_filter_init(&o->filter);
	if (export && i < cli->argc && cli->argv[i][0] != '-')
		o->what = cli->argv[i++];
	for (;;) {
		if (i < cli->argc && !strcmp(cli->argv[i], "-o")) {
			if (i + 1 >= cli->argc)
				return cw_error_set(&cli->err, CW_EUSAGE, "o", "needs a file name");
			o->output = cli->argv[i + 1];
			i += 2;
			continue;
		}
		if ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) <= 0)
			return rc;
		rc = 0;
		if (!strcmp(opt.name, "json") || !strcmp(opt.name, "help"))
			continue;
		if (!strcmp(opt.name, "format"))
			o->format = opt.value;
		else if (!strcmp(opt.name, "output"))
			o->output = opt.value;
		else if (!export && !strcmp(opt.name, "week"))
			o->week = opt.value;
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
			 !strcmp(opt.name, "court") || !strcmp(opt.name, "province") ||
			 !strcmp(opt.name, "person") || !strcmp(opt.name, "case") ||
			 !strcmp(opt.name, "text"))
			rc = cw_filter_set(&o->filter, opt.name, opt.value, &cli->err);
		else
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name,
					    "unknown option; see casewatch %s --help",
					    export ? "export" : "report");
		if (rc != 0)
			return rc;
	}
}

static int parse_date(struct cw_cli *cli, const char *text, const char *field, int last,
		      struct cw_date *out)
{
	int rc = cw_date_parse(text, out, field, &cli->err);

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
				    "'%.20s' is not a format; use md, html, csv or json",
				    o->format);
	return 0;
}

/* ---- report ----------------------------------------------------------------------------- */

int cw_cmd_report(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct report_opts o;
	struct cw_report r;
	struct cw_date from, to;
	struct output out;
	int rc, fmt, y, w;

	(void)cmd;
	if ((rc = parse_opts(cli, first_arg, 0, &o)) != 0 ||
	    (rc = output_format(cli, &o, &fmt)) != 0)
		return rc;
	if (o.week && (o.from || o.to))
		return cw_error_set(&cli->err, CW_EUSAGE, "week",
				    "give --week or --from and --to, "
				    "not both");
	if (!o.week && (!o.from) != (!o.to))
		return cw_error_set(&cli->err, CW_EUSAGE, o.from ? "to" : "from",
				    "is needed too: give --from and --to together");
	if (o.week) {
		if ((rc = cw_report_parse_week(o.week, &y, &w, &cli->err)) != 0)
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
	if ((rc = cw_cli_open_store(cli, 0)) != 0)
		return rc;
	if ((rc = cw_report_build(cli->store, &o.filter, from, to, &r, &cli->err)) == 0 &&
	    (rc = output_open(&out, o.output, cli->out, &cli->err)) == 0) {
		rc = cw_report_write(&r, (enum cw_report_format)fmt, out.f, &cli->err);
		rc = output_close(&out, rc, &cli->err);
		if (rc == 0 && o.output)
			fprintf(cli->out, "wrote %s\n", o.output);
	}
	cw_report_free(&r);
	return rc;
}

int cw_report_write_file(struct cw_store *st, const struct cw_filter *filter, struct cw_date today,
			 enum cw_report_format fmt, const char *dir, char *path_out,
			 size_t path_len, struct cw_error *err)
{
	struct cw_report r;
	struct cw_date from, to;
	struct output out;
	char name[96];
	int rc, y, w;

	if (cw_date_is_known(filter->since) || cw_date_is_known(filter->until)) {
		/* The filter's own range; an open end is today. */
		from = cw_date_is_known(filter->since) ? cw_date_first_day(filter->since) : today;
		to = cw_date_is_known(filter->until) ? cw_date_last_day(filter->until) : today;
		if (cw_date_compare(from, to) > 0)
			return cw_error_set(err, CW_EINVAL, "until", "is before since");
	} else {
		cw_report_week_of(today, &y, &w);
		cw_report_week_range(y, w, &from, &to);
	}
	if ((rc = cw_report_build(st, filter, from, to, &r, err)) != 0) {
		cw_report_free(&r);
		return rc;
	}
	if (r.week) {
		snprintf(name, sizeof name, "casewatch-summary-%04d-W%02d.%s", r.week_year, r.week,
			 cw_report_format_ext(fmt));
	} else {
		char a[CW_DATE_TEXT_MAX], b[CW_DATE_TEXT_MAX];

		cw_date_format(from, a);
		cw_date_format(to, b);
		snprintf(name, sizeof name, "casewatch-summary-%s_%s.%s", a, b,
			 cw_report_format_ext(fmt));
	}
	if ((size_t)snprintf(path_out, path_len, "%s%s%s", dir ? dir : "",
			     dir && *dir && dir[strlen(dir) - 1] != '/' ? "/" : "",
			     name) >= path_len)
		rc = cw_error_set(err, CW_EINVAL, "dir", "path too long");
	if (rc == 0 && (rc = output_open(&out, path_out, NULL, err)) == 0) {
		rc = cw_report_write(&r, fmt, out.f, err);
		rc = output_close(&out, rc, err);
	}
	cw_report_free(&r);
	return rc;
}

/* ---- export ----------------------------------------------------------------------------- */

static void csv_row(FILE *out, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++) {
		char *t = cw_rtext(cells[i]);

		if (i)
			fputc(',', out);
		cw_csv_field(out, t ? t : "");
		free(t);
	}
	fputs("\r\n", out);
}

static void hexof(const struct cw_id *id, char buf[CW_ID_HEX_LEN + 1])
{
	buf[0] = '\0';
	if (!cw_id_is_zero(id))
		cw_id_hex(id, buf);
}

static void words(const struct cw_enum *e, uint32_t set, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < e->n && n < len; i++)
		if (set & (UINT32_C(1) << i))
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "," : "", e->words[i]);
}

static const char *w(const struct cw_enum *e, unsigned v)
{
	return v ? cw_enum_word(e, v) : "";
}

static void case_people(const struct cw_report *r, const struct cw_record *k, char *ids,
			char *names, size_t len)
{
	size_t ni = 0, nn = 0;

	ids[0] = names[0] = '\0';
	for (size_t i = 0; k && k->kind == CW_KIND_CASE && i < k->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)k->u.kase.defendants.items + i;
		char hex[CW_ID_HEX_LEN + 1], name[600];

		if (cw_id_is_zero(&d->person)) {
			if (d->unnamed_count > 0 || d->label) {
				snprintf(name, sizeof name, "%s%s%lld unnamed%s",
					 d->label ? d->label : "", d->label ? " (" : "",
					 (long long)(d->unnamed_count > 0 ? d->unnamed_count : 0),
					 d->label ? ")" : "");
				if (nn < len)
					nn += (size_t)snprintf(names + nn, len - nn, "%s%s",
							       nn ? "; " : "", name);
			}
			continue;
		}
		cw_id_hex(&d->person, hex);
		cw_person_text(r, &d->person, name, sizeof name);
		if (ni < len)
			ni += (size_t)snprintf(ids + ni, len - ni, "%s%s", ni ? " " : "", hex);
		if (nn < len)
			nn += (size_t)snprintf(names + nn, len - nn, "%s%s", nn ? "; " : "", name);
	}
}

static void list_people(const struct cw_report *r, const struct cw_list *l, char *ids, char *names,
			size_t len)
{
	size_t ni = 0, nn = 0;

	ids[0] = names[0] = '\0';
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_id *id = &((const struct cw_person_ref *)l->items)[i].person;
		char hex[CW_ID_HEX_LEN + 1], name[600];

		cw_id_hex(id, hex);
		cw_person_text(r, id, name, sizeof name);
		if (ni < len)
			ni += (size_t)snprintf(ids + ni, len - ni, "%s%s", ni ? " " : "", hex);
		if (nn < len)
			nn += (size_t)snprintf(names + nn, len - nn, "%s%s", nn ? "; " : "", name);
	}
}

static const char *const person_cols[] = {"id",         "name",        "name_km",   "sex",
					  "birth_year", "affiliation", "roles",     "province",
					  "source",     "view",        "reportedly"};
static const char *const case_cols[] = {"id",          "title",          "number",     "court",
					"court_level", "court_province", "stage",      "opened",
					"articles",    "defendant_ids",  "defendants", "source",
					"view",        "reportedly"};
static const char *const record_cols[] = {
	"id",         "kind",   "date",           "time",      "case_id", "case",
	"person_ids", "people", "court_or_place", "stage",     "what",    "articles",
	"detail",     "source", "view",           "reportedly"};

#define NCOLS(a) ((int)(sizeof a / sizeof a[0]))
#define BIG      4096

static void export_person(FILE *out, const struct cw_record *rec)
{
	const struct cw_person *p = &rec->u.person;
	char hex[CW_ID_HEX_LEN + 1], year[24] = "", roles[512];

	hexof(&rec->id, hex);
	if (p->birth_year >= 0)
		snprintf(year, sizeof year, "%lld", (long long)p->birth_year);
	words(&cw_words_roles, p->roles, roles, sizeof roles);
	csv_row(out,
		(const char *const[]){hex, p->name, p->name_km, w(&cw_words_sex, p->sex), year,
				      p->affiliation, roles, p->province, rec->source,
				      w(&cw_words_view, rec->view), rec->reportedly ? "yes" : ""},
		NCOLS(person_cols));
}

static void export_case(FILE *out, const struct cw_report *r, const struct cw_record *rec)
{
	const struct cw_case *k = &rec->u.kase;
	char hex[CW_ID_HEX_LEN + 1], opened[CW_DATE_TEXT_MAX], arts[1024] = "", *ids, *names;
	struct cw_article a[64];
	size_t na, n = 0;

	ids = malloc(BIG);
	names = malloc(BIG);
	if (!ids || !names) {
		free(ids);
		free(names);
		return;
	}
	hexof(&rec->id, hex);
	cw_date_format(k->opened, opened);
	cw_case_articles(rec, NULL, a, 64, &na);
	for (size_t i = 0; i < na; i++) {
		char t[CW_ARTICLE_TEXT_MAX];

		cw_article_format(&a[i], t);
		n += (size_t)snprintf(arts + n, sizeof arts - n, "%s%s", n ? "/" : "", t);
	}
	case_people(r, rec, ids, names, BIG);
	csv_row(out,
		(const char *const[]){hex, k->title, k->number, k->court,
				      w(&cw_words_court_level, k->court_level), k->court_province,
				      w(&cw_words_stage, k->stage), opened, arts, ids, names,
				      rec->source, w(&cw_words_view, rec->view),
				      rec->reportedly ? "yes" : ""},
		NCOLS(case_cols));
	free(ids);
	free(names);
}

static void export_event(FILE *out, const struct cw_report *r, const struct cw_record *rec)
{
	char hex[CW_ID_HEX_LEN + 1], cid[CW_ID_HEX_LEN + 1] = "", date[CW_DATE_TEXT_MAX],
							 what[512] = "", arts[1024] = "", *ids,
							 *names;
	const char *time = NULL, *place = NULL, *stage = "", *detail = NULL, *title = NULL;
	const struct cw_record *k = NULL;
	struct cw_article a[64];
	size_t na = 0, n = 0;

	ids = malloc(BIG);
	names = malloc(BIG);
	if (!ids || !names) {
		free(ids);
		free(names);
		return;
	}
	ids[0] = names[0] = '\0';
	hexof(&rec->id, hex);
	cw_date_format(cw_record_date(rec), date);
	switch (rec->kind) {
	case CW_KIND_CASE:
		k = rec;
		hexof(&rec->id, cid);
		place = rec->u.kase.court;
		stage = w(&cw_words_stage, rec->u.kase.stage);
		case_people(r, k, ids, names, BIG);
		cw_case_articles(k, NULL, a, 64, &na);
		break;
	case CW_KIND_HEARING: {
		const struct cw_hearing *h = &rec->u.hearing;

		k = cw_report_ref(r, &h->case_id);
		hexof(&h->case_id, cid);
		time = h->time;
		place = h->court ? h->court : k ? k->u.kase.court : NULL;
		stage = w(&cw_words_stage, h->stage);
		snprintf(what, sizeof what, "%s", w(&cw_words_outcome, h->outcome));
		detail = h->sentence ? h->sentence : h->adjourn_reason;
		case_people(r, k, ids, names, BIG);
		cw_case_articles(k, NULL, a, 64, &na);
		break;
	}
	case CW_KIND_MILESTONE: {
		const struct cw_milestone *m = &rec->u.milestone;

		k = cw_report_ref(r, &m->case_id);
		hexof(&m->case_id, cid);
		place = m->court;
		snprintf(what, sizeof what, "%s", w(&cw_words_milestone, m->type));
		detail = m->detail;
		hexof(&m->person, ids);
		cw_person_text(r, &m->person, names, BIG);
		cw_case_articles(k, &m->person, a, 64, &na);
		break;
	}
	case CW_KIND_VISIT:
		place = rec->u.visit.facility;
		snprintf(what, sizeof what, "access %s",
			 rec->u.visit.access ? w(&cw_words_access, rec->u.visit.access)
					     : "unknown");
		detail = rec->u.visit.follow_up;
		list_people(r, &rec->u.visit.detainees, ids, names, BIG);
		break;
	case CW_KIND_DEMO:
		place = rec->u.demo.place ? rec->u.demo.place : rec->u.demo.province;
		words(&cw_words_response, rec->u.demo.response, what, sizeof what);
		detail = rec->u.demo.cause;
		list_people(r, &rec->u.demo.arrested, ids, names, BIG);
		break;
	case CW_KIND_PERSON:
		title = NULL;
		hexof(&rec->id, ids);
		cw_person_text(r, &rec->id, names, BIG);
		break;
	}
	if (k && k->kind == CW_KIND_CASE)
		title = k->u.kase.title;
	for (size_t i = 0; i < na; i++) {
		char t[CW_ARTICLE_TEXT_MAX];

		cw_article_format(&a[i], t);
		n += (size_t)snprintf(arts + n, sizeof arts - n, "%s%s", n ? "/" : "", t);
	}
	csv_row(out,
		(const char *const[]){hex, cw_kind_name(rec->kind), date, time, cid, title, ids,
				      names, place, stage, what, arts, detail, rec->source,
				      w(&cw_words_view, rec->view), rec->reportedly ? "yes" : ""},
		NCOLS(record_cols));
	free(ids);
	free(names);
}

static int export_list_csv(FILE *out, const struct cw_report *r, const struct cw_record_list *l,
			   enum cw_kind kind)
{
	const char *const *cols = kind == CW_KIND_PERSON ? person_cols
				  : kind == CW_KIND_CASE ? case_cols
							 : record_cols;
	int ncols = kind == CW_KIND_PERSON ? NCOLS(person_cols)
		    : kind == CW_KIND_CASE ? NCOLS(case_cols)
					   : NCOLS(record_cols);

	csv_row(out, cols, ncols);
	for (size_t i = 0; i < l->n; i++) {
		if (kind == CW_KIND_PERSON && l->items[i].kind == CW_KIND_PERSON)
			export_person(out, &l->items[i]);
		else if (kind == CW_KIND_CASE && l->items[i].kind == CW_KIND_CASE)
			export_case(out, r, &l->items[i]);
		else
			export_event(out, r, &l->items[i]);
	}
	return ferror(out) ? CW_EIO : 0;
}

static int dump_json(FILE *out, json_t *v, struct cw_error *err)
{
	int rc = v ? json_dumpf(v, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : -1;

	json_decref(v);
	if (rc != 0)
		return cw_error_set(err, CW_ENOMEM, "json", "cannot build the JSON export");
	fputc('\n', out);
	return ferror(out) ? cw_error_set(err, CW_EIO, "output", "write failed") : 0;
}

static json_t *list_json(const struct cw_record_list *l)
{
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < l->n; i++)
		if (json_array_append_new(arr, cw_record_to_json(&l->items[i], CW_JSON_HEADER)) !=
		    0) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

static int export_timeline(struct cw_cli *cli, const struct report_opts *o, int fmt, FILE *out)
{
	struct cw_record person;
	struct cw_record_list l;
	struct cw_report r;
	struct cw_id id;
	int rc;

	memset(&r, 0, sizeof r);
	if ((rc = cw_cli_resolve(cli, CW_KIND_PERSON, o->timeline, "timeline", &id)) != 0 ||
	    (rc = cw_store_get(cli->store, &id, &person, &cli->err)) != 0)
		return rc;
	if ((rc = cw_store_timeline_for_person(cli->store, &id, &l, &cli->err)) != 0) {
		cw_record_free(&person);
		return rc;
	}
	if ((rc = cw_report_add_refs(cli->store, &r, &l, &cli->err)) == 0) {
		if (fmt == CW_REPORT_CSV) {
			rc = export_list_csv(out, &r, &l, CW_KIND_NONE);
		} else {
			struct cw_timeline_summary sum;
			char next[CW_DATE_TEXT_MAX];

			cw_timeline_summarise(&id, l.items, l.n, cw_date_today(), &sum);
			cw_date_format(sum.next_hearing, next);
			rc = dump_json(out,
				       json_pack("{s:o,s:{s:o,s:b,s:i,s:o,s:I},s:o}", "person",
						 cw_record_to_json(&person, CW_JSON_HEADER),
						 "summary", "pretrial_days",
						 sum.pretrial_days >= 0
							 ? json_integer(sum.pretrial_days)
							 : json_null(),
						 "pretrial_ongoing", sum.pretrial_ongoing,
						 "adjournments", sum.adjournments, "next_hearing",
						 next[0] ? json_string(next) : json_null(), "cases",
						 (json_int_t)sum.cases, "entries", list_json(&l)),
				       &cli->err);
		}
	}
	cw_report_free(&r);
	cw_record_list_free(&l);
	cw_record_free(&person);
	return rc;
}

static int export_ics(struct cw_cli *cli, struct report_opts *o, FILE *out)
{
	struct cw_record_list src;
	struct cw_report_upcoming *items;
	struct cw_report r;
	struct cw_date from = cw_date_today(), to = {0, 0, 0};
	size_t n;
	int rc;

	if ((o->from && (rc = parse_date(cli, o->from, "from", 0, &from)) != 0) ||
	    (o->to && (rc = parse_date(cli, o->to, "to", 1, &to)) != 0))
		return rc;
	if (cw_date_is_known(to) && cw_date_compare(from, to) > 0)
		return cw_error_set(&cli->err, CW_EINVAL, "to", "is before --from");
	memset(&r, 0, sizeof r);
	if ((rc = cw_report_upcoming_hearings(cli->store, &o->filter, from, to, &src, &items, &n,
					      &cli->err)) != 0)
		return rc;
	if ((rc = cw_report_add_refs(cli->store, &r, &src, &cli->err)) == 0 &&
	    cw_report_write_ics(&r, items, n, out) != 0)
		rc = cw_error_set(&cli->err, CW_EIO, "output", "write failed");
	cw_report_free(&r);
	free(items);
	cw_record_list_free(&src);
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
	if ((rc = cw_store_list(cli->store, &o->filter, kinds, CW_ORDER_OLDEST_FIRST, 0, 0, &l,
				&cli->err)) != 0)
		return rc;
	memset(&r, 0, sizeof r);
	if (fmt == CW_REPORT_JSON)
		rc = dump_json(out, list_json(&l), &cli->err);
	else if ((rc = cw_report_add_refs(cli->store, &r, &l, &cli->err)) == 0 &&
		 export_list_csv(out, &r, &l, kind) != 0)
		rc = cw_error_set(&cli->err, CW_EIO, "output", "write failed");
	cw_report_free(&r);
	cw_record_list_free(&l);
	return rc;
}

int cw_cmd_export(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct report_opts o;
	struct output out;
	int rc, fmt, ics = 0;

	(void)cmd;
	if ((rc = parse_opts(cli, first_arg, 1, &o)) != 0)
		return rc;
	if (o.what && strcmp(o.what, "persons") && strcmp(o.what, "people") &&
	    strcmp(o.what, "person") && strcmp(o.what, "cases") && strcmp(o.what, "case") &&
	    strcmp(o.what, "records") && strcmp(o.what, "record"))
		return cw_error_set(&cli->err, CW_EUSAGE, "export",
				    "say what to export: persons, cases or records");
	if (o.format && !strcmp(o.format, "ics")) {
		ics = 1;
		fmt = -1;
	} else if (!o.format) {
		fmt = cli->json ? CW_REPORT_JSON : -1;
	} else {
		fmt = cw_report_format_parse(o.format);
	}
	if (!ics && fmt != CW_REPORT_CSV && fmt != CW_REPORT_JSON)
		return cw_error_set(&cli->err, CW_EUSAGE, "format",
				    o.format ? "use csv, json or ics"
					     : "is needed: csv, json or ics");
	if (ics && (o.timeline || (o.what && strncmp(o.what, "record", 6))))
		return cw_error_set(&cli->err, CW_EUSAGE, "format",
				    "ics exports upcoming hearings only");
	if (o.timeline && o.what)
		return cw_error_set(&cli->err, CW_EUSAGE, "timeline",
				    "exports one person's timeline; leave out '%.20s'", o.what);
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = output_open(&out, o.output, cli->out, &cli->err)) != 0)
		return rc;
	if (ics)
		rc = export_ics(cli, &o, out.f);
	else if (o.timeline)
		rc = export_timeline(cli, &o, fmt, out.f);
	else
		rc = export_list(cli, &o, fmt, out.f);
	rc = output_close(&out, rc, &cli->err);
	if (rc == 0 && o.output)
		fprintf(cli->out, "wrote %s\n", o.output);
	return rc;
}
