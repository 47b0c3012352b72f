/* export.c - lists and timelines as CSV or JSON for other tools; see export.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "models/confidential.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "models/timeline.h"
#include "report/export.h"
#include "report/rdoc.h"
#include "report/write.h"

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

/* The id of a person or case a row names beside its name: empty when that reads "[confidential]"
 * in an export for others (cw_report_gives_id). */
static void named_hexof(const struct cw_report *r, const struct cw_id *id,
			char buf[CW_ID_HEX_LEN + 1])
{
	hexof(id, buf);
	if (!cw_report_gives_id(r, id))
		buf[0] = '\0';
}

/* Columns named after a field (sex, roles, court_level, stage, view) hold its stable word, as
 * JSON does, so that other tools can filter on them; the `what` column is written for people,
 * in labels. */
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

static const char *label(const struct cw_enum *e, unsigned v)
{
	return v ? cw_enum_label(e, v) : "";
}

static void case_people(const struct cw_report *r, const struct cw_record *k, char *ids,
			char *names, size_t len)
{
	size_t ni = 0, nn = 0, nids = 0;

	ids[0] = names[0] = '\0';
	for (size_t i = 0; k && k->kind == CW_KIND_CASE && i < k->u.kase.defendants.n; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)k->u.kase.defendants.items + i;
		char hex[CW_ID_HEX_LEN + 1], name[600];

		if (cw_id_is_zero(&d->person)) {
			if (d->unnamed_count > 0 || d->label) {
				snprintf(name, sizeof name, _("%s%s%lld unnamed%s"),
					 d->label ? d->label : "", d->label ? " (" : "",
					 (long long)(d->unnamed_count > 0 ? d->unnamed_count : 0),
					 d->label ? ")" : "");
				if (nn < len)
					nn += (size_t)snprintf(names + nn, len - nn, "%s%s",
							       nn ? "; " : "", name);
			}
			continue;
		}
		cw_report_person_hex(r, &d->person, hex);
		cw_person_text(r, &d->person, name, sizeof name);
		if (ni < len)
			ni += (size_t)snprintf(ids + ni, len - ni, "%s%s", nids++ ? " " : "", hex);
		if (nn < len)
			nn += (size_t)snprintf(names + nn, len - nn, "%s%s", nn ? "; " : "", name);
	}
}

/* A hearing's people as its row in the weekly report gives them: those its own record names,
 * not the case's as they are now (cw_report_hearing_defendants), the case's where it does not
 * say, said to be the case's when they could be read as the hearing's word. */
static int hearing_people(const struct cw_report *r, const struct cw_record *rec, char *ids,
			  char *names, size_t len)
{
	struct cw_report_hearing_defendant *defs;
	char told[4096], filled[4096];
	size_t n, ni = 0, nt = 0, nf = 0, nfilled = 0;

	ids[0] = names[0] = told[0] = filled[0] = '\0';
	/* Out of memory: the export fails, rather than write a hearing with no one. */
	if (cw_report_hearing_defendants(r, rec, &defs, &n) != 0)
		return CW_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const struct cw_report_hearing_defendant *d = &defs[i];
		char *to = d->from_case ? filled : told, name[600], hex[CW_ID_HEX_LEN + 1];
		size_t *at = d->from_case ? &nf : &nt;

		if (!cw_id_is_zero(&d->person)) {
			cw_person_text(r, &d->person, name, sizeof name);
			if (d->absent)
				snprintf(name + strlen(name), sizeof name - strlen(name), " %s",
					 _("(absent)"));
			cw_report_person_hex(r, &d->person, hex);
			if (ni < len)
				ni += (size_t)snprintf(ids + ni, len - ni, "%s%s", ni ? " " : "",
						       hex);
		} else if (d->count > 0) {
			char unnamed[64];

			snprintf(unnamed, sizeof unnamed,
				 P_("%lld unnamed", "%lld unnamed", d->count), (long long)d->count);
			if (d->group)
				snprintf(name, sizeof name, "%s (%s)", d->group, unnamed);
			else
				snprintf(name, sizeof name, "%s", unnamed);
		} else if (d->group) {
			snprintf(name, sizeof name, "%s", d->group);
		} else {
			continue;
		}
		nfilled += d->from_case;
		if (*at < sizeof told)
			*at += (size_t)snprintf(to + *at, sizeof told - *at, "%s%s",
						*at ? "; " : "", name);
	}
	free(defs);
	if (!filled[0])
		snprintf(names, len, "%s", told);
	else if (told[0])
		snprintf(names, len, _("%s; and, as the case has them now, %s"), told, filled);
	else if (nfilled > 1)
		snprintf(names, len, _("the case's defendants now: %s"), filled);
	else
		snprintf(names, len, "%s", filled);
	return 0;
}

static void list_people(const struct cw_report *r, const struct cw_list *l, char *ids, char *names,
			size_t len)
{
	size_t ni = 0, nn = 0;

	ids[0] = names[0] = '\0';
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_id *id = &((const struct cw_person_ref *)l->items)[i].person;
		char hex[CW_ID_HEX_LEN + 1], name[600];

		cw_report_person_hex(r, id, hex);
		cw_person_text(r, id, name, sizeof name);
		if (ni < len)
			ni += (size_t)snprintf(ids + ni, len - ni, "%s%s", i ? " " : "", hex);
		if (nn < len)
			nn += (size_t)snprintf(names + nn, len - nn, "%s%s", nn ? "; " : "", name);
	}
}

static const char *const person_cols[] = {
	"id",    "name",     "name_km", "sex",  "birth_year", "affiliation",
	"roles", "province", "source",  "view", "reportedly", "confidential"};
static const char *const case_cols[] = {"id",          "title",          "number",      "court",
					"court_level", "court_province", "stage",       "opened",
					"articles",    "defendant_ids",  "defendants",  "source",
					"view",        "reportedly",     "confidential"};
static const char *const record_cols[] = {"id",
					  "kind",
					  "date",
					  "time",
					  "case_id",
					  "case",
					  "person_ids",
					  "people",
					  "court_or_place",
					  "stage",
					  "what",
					  "articles",
					  "detail",
					  "source",
					  "view",
					  "reportedly",
					  "sentence",
					  "count",
					  "at_least",
					  "period_from",
					  "period_to",
					  "links",
					  "outcome",
					  "result",
					  "participants",
					  "participants_at_least",
					  "arrests_count",
					  "arrests_at_least",
					  "injured",
					  "injured_at_least",
					  "detainee_access",
					  "detainees_not_met",
					  "confidential"};

#define NCOLS(a) ((int)(sizeof a / sizeof a[0]))
#define BIG      4096

/* The confidential column: "yes" for a confidential record (in an export only when included),
 * else the words of its confidential fields ("name notes"), else empty. */
static const char *confidential_cell(const struct cw_record *rec, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	if (rec->confidential)
		return "yes";
	for (size_t i = 0; i < cw_words_confidential_field.n && n < len; i++)
		if (rec->confidential_fields & (UINT32_C(1) << i))
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? " " : "",
					      cw_words_confidential_field.words[i]);
	return buf;
}

static void export_person(FILE *out, const struct cw_report *r, const struct cw_record *rec)
{
	const struct cw_person *p = &rec->u.person;
	char hex[CW_ID_HEX_LEN + 1], year[24] = "", roles[512], conf[128];

	/* A person whose name is confidential is "[confidential]" without the id, as every row
	 * that names them gives them: the id would link their row to every other appearance. */
	hexof(&rec->id, hex);
	if (!cw_withheld_gives_id(&r->confidential, rec))
		hex[0] = '\0';
	if (p->birth_year >= 0)
		snprintf(year, sizeof year, "%lld", (long long)p->birth_year);
	words(&cw_words_roles, p->roles, roles, sizeof roles);
	csv_row(out,
		(const char *const[]){hex, p->name, p->name_km, w(&cw_words_sex, p->sex), year,
				      p->affiliation, roles, p->province, rec->source,
				      w(&cw_words_view, rec->view), rec->reportedly ? "yes" : "",
				      confidential_cell(rec, conf, sizeof conf)},
		NCOLS(person_cols));
}

static int export_case(FILE *out, const struct cw_report *r, const struct cw_record *rec)
{
	const struct cw_case *k = &rec->u.kase;
	char hex[CW_ID_HEX_LEN + 1], opened[CW_DATE_TEXT_MAX], arts[1024] = "", *ids, *names,
							       conf[128];
	struct cw_article a[64];
	size_t na, n = 0;

	ids = malloc(BIG);
	names = malloc(BIG);
	if (!ids || !names) { /* a row left out would read as no such record */
		free(ids);
		free(names);
		return CW_ENOMEM;
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
				      rec->reportedly ? "yes" : "",
				      confidential_cell(rec, conf, sizeof conf)},
		NCOLS(case_cols));
	free(ids);
	free(names);
	return 0;
}

/* A hearing's verdicts, each with whom and what it rules on: "acquitted: Ny Nak, 494/495;
 * convicted: NagaWorld union activists, 494/495"; "convicted: every defendant" for one that
 * names no one. */
static void hearing_results(const struct cw_report *r, const struct cw_hearing *h, char *buf,
			    size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < h->verdicts.n && n < len; i++) {
		const struct cw_verdict *v = (const struct cw_verdict *)h->verdicts.items + i;
		char who[600], art[CW_ARTICLE_TEXT_MAX] = "";

		if (v->group)
			snprintf(who, sizeof who, "%s", v->group);
		else if (!cw_id_is_zero(&v->person))
			cw_person_text(r, &v->person, who, sizeof who);
		else
			snprintf(who, sizeof who, "%s", _("every defendant"));
		if (v->article.law != CW_LAW_NONE)
			cw_article_format(&v->article, art);
		else if (v->offence)
			snprintf(art, sizeof art, "%s", v->offence);
		n += (size_t)snprintf(buf + n, len - n, "%s%s: %s%s%s", n ? "; " : "",
				      w(&cw_words_verdict, v->result), who, art[0] ? ", " : "",
				      art);
	}
}

/* A prison visit's detainee access, one entry a detainee it records, as JSON's detainee_access
 * gives it in stable words: "<person id>:lawyer=denied,family=restricted <id>:lawyer=granted"
 * (an entry says only what was recorded; the id is "[confidential]" where the person's is
 * withheld, and the cell "[confidential]" when the detainees are). Whether it is counted is
 * detainees_not_met's to say, as in JSON: a visit refused access met no one. Every entry whole,
 * however many (a visit holds up to 500: a cell of a fixed size cut the sixtieth in the middle
 * of its id, and left out the rest); NULL out of memory. */
static char *detainee_access_cell(const struct cw_report *r, const struct cw_record *rec)
{
	const struct cw_list *l = &rec->u.visit.detainee_access;
	const char *conf = cw_confidential_text();
	size_t n = 0, len = strlen(conf) + 1;
	char *buf;

	for (size_t i = 0; i < l->n; i++) {
		const struct cw_detainee_access *a =
			(const struct cw_detainee_access *)l->items + i;

		len += CW_ID_HEX_LEN + strlen(conf) + sizeof " :lawyer=,family=" +
		       strlen(cw_enum_word(&cw_words_access, a->lawyer_access)) +
		       strlen(cw_enum_word(&cw_words_access, a->family_access));
	}
	if (!(buf = malloc(len)))
		return NULL;
	buf[0] = '\0';
	if (cw_record_field_withheld(rec, CW_CONF_DETAINEES)) {
		snprintf(buf, len, "%s", conf);
		return buf;
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct cw_detainee_access *a =
			(const struct cw_detainee_access *)l->items + i;
		char hex[CW_ID_HEX_LEN + 1];

		if (!a->lawyer_access && !a->family_access)
			continue;
		cw_report_person_hex(r, &a->person, hex);
		n += (size_t)snprintf(buf + n, len - n, "%s%s:", n ? " " : "", hex[0] ? hex : conf);
		if (a->lawyer_access)
			n += (size_t)snprintf(buf + n, len - n, "lawyer=%s",
					      cw_enum_word(&cw_words_access, a->lawyer_access));
		if (a->family_access)
			n += (size_t)snprintf(buf + n, len - n, "%sfamily=%s",
					      a->lawyer_access ? "," : "",
					      cw_enum_word(&cw_words_access, a->family_access));
	}
	return buf;
}

static int export_event(FILE *out, const struct cw_report *r, const struct cw_record *rec)
{
	char hex[CW_ID_HEX_LEN + 1],
		cid[CW_ID_HEX_LEN + 1] = "", date[CW_DATE_TEXT_MAX], what[512] = "",
				    arts[1024] = "", *ids, *names, sentence[600] = "",
				    count[24] = "", from[CW_DATE_TEXT_MAX] = "",
				    to[CW_DATE_TEXT_MAX] = "", links[400] = "", conf[128],
				    result[1024] = "", participants[24] = "", arrests[24] = "",
				    injured[24] = "", *access = NULL;
	const char *outcome = "", *participants_at_least = "", *injured_at_least = "";
	const char *arrests_at_least = "";
	const struct cw_tally *tally;
	const char *time = NULL, *place = NULL, *stage = "", *detail = NULL, *title = NULL;
	const struct cw_record *k = NULL;
	struct cw_article a[64];
	size_t na = 0, n = 0;

	ids = malloc(BIG);
	names = malloc(BIG);
	if (!ids || !names) { /* a row left out would read as no such record */
		free(ids);
		free(names);
		return CW_ENOMEM;
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
		named_hexof(r, &h->case_id, cid);
		time = h->time;
		place = h->court ? h->court : k ? k->u.kase.court : NULL;
		stage = w(&cw_words_stage, h->stage);
		snprintf(what, sizeof what, "%s", label(&cw_words_outcome, h->outcome));
		outcome = h->bail > CW_BAIL_NOT_REQUESTED ? w(&cw_words_bail, h->bail) : "";
		hearing_results(r, h, result, sizeof result);
		detail = h->sentence ? h->sentence : h->adjourn_reason;
		cw_sentence_text(&h->sentence_parts, sentence, sizeof sentence);
		if (hearing_people(r, rec, ids, names, BIG) != 0) {
			free(ids);
			free(names);
			return CW_ENOMEM;
		}
		cw_case_articles(k, NULL, a, 64, &na);
		break;
	}
	case CW_KIND_MILESTONE: {
		const struct cw_milestone *m = &rec->u.milestone;

		k = cw_report_ref(r, &m->case_id);
		named_hexof(r, &m->case_id, cid);
		place = m->court;
		snprintf(what, sizeof what, "%s", label(&cw_words_milestone, m->type));
		/* A bail refused is not a bail: its outcome, and a ruling's result, in their
		 * own columns. */
		outcome = w(&cw_words_decision, m->outcome);
		snprintf(result, sizeof result, "%s", w(&cw_words_verdict, m->result));
		detail = m->detail;
		cw_sentence_text(&m->sentence_parts, sentence, sizeof sentence);
		if (m->group) { /* a group of unnamed defendants: its label and number */
			int64_t nr = cw_report_milestone_group_count(r, m);
			char unnamed[64];

			/* P_ (casewatch's catalogue), not a bare ngettext (the default
			 * domain, which holds none of casewatch's strings). */
			snprintf(unnamed, sizeof unnamed, P_("%lld unnamed", "%lld unnamed", nr),
				 (long long)nr);
			if (nr >= 0)
				snprintf(names, BIG, "%s (%s)", m->group, unnamed);
			else
				snprintf(names, BIG, "%s", m->group);
		} else {
			named_hexof(r, &m->person, ids);
			cw_person_text(r, &m->person, names, BIG);
		}
		na = cw_report_arrest_articles(r, m, a,
					       64); /* the ones it names, else its case's */
		break;
	}
	case CW_KIND_VISIT:
		place = rec->u.visit.facility;
		snprintf(what, sizeof what, _("access %s"),
			 rec->u.visit.access ? label(&cw_words_access, rec->u.visit.access)
					     : _("unknown"));
		detail = rec->u.visit.follow_up;
		list_people(r, &rec->u.visit.detainees, ids, names, BIG);
		/* Withheld: the cell says so, as a withheld text's does (no id: nobody). */
		if (cw_record_field_withheld(rec, CW_CONF_DETAINEES))
			snprintf(names, BIG, "%s", cw_confidential_text());
		if (!(access = detainee_access_cell(r, rec))) {
			free(ids);
			free(names);
			return CW_ENOMEM;
		}
		break;
	case CW_KIND_DEMO:
		place = rec->u.demo.place ? rec->u.demo.place : rec->u.demo.province;
		/* in the reader's language, as the access of a visit is */
		cw_set_text(&cw_words_response, rec->u.demo.response, what, sizeof what);
		detail = rec->u.demo.cause;
		list_people(r, &rec->u.demo.arrested, ids, names, BIG);
		/* The figures as the record holds them, as JSON gives them: a number, or an empty
		 * cell when not recorded (not recorded is not none), and "yes" beside a least as
		 * at_least beside count; the people named as arrested are in people. */
		if (rec->u.demo.participants >= 0) {
			snprintf(participants, sizeof participants, "%lld",
				 (long long)rec->u.demo.participants);
			participants_at_least = rec->u.demo.participants_at_least ? "yes" : "";
		}
		if (rec->u.demo.arrests_count >= 0) {
			snprintf(arrests, sizeof arrests, "%lld",
				 (long long)rec->u.demo.arrests_count);
			arrests_at_least = rec->u.demo.arrests_at_least ? "yes" : "";
		}
		if (cw_demo_injured(&rec->u.demo) >= 0) {
			snprintf(injured, sizeof injured, "%lld",
				 (long long)cw_demo_injured(&rec->u.demo));
			injured_at_least = cw_demo_injured_at_least(&rec->u.demo) ? "yes" : "";
		}
		break;
	case CW_KIND_INCIDENT: {
		const struct cw_incident *in = &rec->u.incident;

		k = cw_report_ref(r, &in->case_id);
		named_hexof(r, &in->case_id, cid);
		place = in->target ? in->target : in->province;
		snprintf(what, sizeof what, "%s", label(&cw_words_incident, in->type));
		detail = in->detail;
		list_people(r, &in->persons, ids, names, BIG);
		if (k)
			cw_case_articles(k, NULL, a, 64, &na);
		break;
	}
	case CW_KIND_PERSON:
		title = NULL;
		hexof(&rec->id, ids);
		cw_person_text(r, &rec->id, names, BIG);
		break;
	}
	/* "disputes:<id> same_event:<id>": the other accounts, by word and full id, to join on */
	for (size_t i = 0, m = 0; i < rec->links.n && m < sizeof links; i++) {
		const struct cw_link *l = (const struct cw_link *)rec->links.items + i;
		char lh[CW_ID_HEX_LEN + 1];

		cw_id_hex(&l->record, lh);
		m += (size_t)snprintf(links + m, sizeof links - m, "%s%s:%s", m ? " " : "",
				      cw_enum_word(&cw_words_link, l->relation), lh);
	}
	if ((tally = cw_record_tally(rec)) && tally->count >= 0) {
		snprintf(count, sizeof count, "%lld", (long long)tally->count);
		cw_date_format(tally->from, from);
		cw_date_format(tally->to, to);
	}
	if (k && k->kind == CW_KIND_CASE)
		title = k->u.kase.title;
	for (size_t i = 0; i < na; i++) {
		char t[CW_ARTICLE_TEXT_MAX];

		cw_article_format(&a[i], t);
		n += (size_t)snprintf(arts + n, sizeof arts - n, "%s%s", n ? "/" : "", t);
	}
	csv_row(out,
		(const char *const[]){hex,
				      cw_kind_name(rec->kind),
				      date,
				      time,
				      cid,
				      title,
				      ids,
				      names,
				      place,
				      stage,
				      what,
				      arts,
				      detail,
				      rec->source,
				      w(&cw_words_view, rec->view),
				      rec->reportedly ? "yes" : "",
				      sentence,
				      count,
				      tally && tally->at_least ? "yes" : "",
				      from,
				      to,
				      links,
				      outcome,
				      result,
				      participants,
				      participants_at_least,
				      arrests,
				      arrests_at_least,
				      injured,
				      injured_at_least,
				      access ? access : "",
				      cw_visit_detainees_not_met(rec) ? "yes" : "",
				      confidential_cell(rec, conf, sizeof conf)},
		NCOLS(record_cols));
	free(ids);
	free(names);
	free(access);
	return 0;
}

int cw_export_list_csv(FILE *out, const struct cw_report *r, const struct cw_record_list *l,
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
			export_person(out, r, &l->items[i]);
		else if (kind == CW_KIND_CASE && l->items[i].kind == CW_KIND_CASE
				 ? export_case(out, r, &l->items[i]) != 0
				 : export_event(out, r, &l->items[i]) != 0)
			return CW_ENOMEM;
	}
	return ferror(out) ? CW_EIO : 0;
}

static int dump_json(FILE *out, json_t *v, struct cw_error *err)
{
	int rc, saved;

	errno = 0;
	rc = v ? cw_json_dumpf(v, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : -1;
	saved = errno;
	json_decref(v);
	/* json_dumpf fails alike when the output cannot take the text (a full disk): that is
	 * the file's trouble, not memory's. */
	if (rc != 0 && ferror(out))
		return cw_write_failed(out, saved, err);
	if (rc != 0)
		return cw_error_set(err, CW_ENOMEM, "json", "cannot build the JSON export");
	fputc('\n', out);
	return ferror(out) ? cw_write_failed(out, errno, err) : 0;
}

json_t *cw_export_days_json(long days)
{
	return days >= 0 ? json_integer(days) : json_null();
}

json_t *cw_export_record_json(const struct cw_report *r, const struct cw_record *rec)
{
	json_t *obj = cw_record_to_json(rec, CW_JSON_HEADER);

	if (r) {
		cw_record_json_add_names(obj, rec->kind, cw_report_name, (void *)r);
		cw_record_json_hide_ids(obj, rec->kind, cw_report_hides_id, (void *)r);
		/* Its own id too, for a person whose name is withheld (export persons, a
		 * timeline's person), as the records that name them give them. */
		if (obj && !cw_withheld_gives_id(&r->confidential, rec))
			json_object_set_new(obj, "id", json_null());
	}
	/* A withheld list (a visit's concerns, its detainees) reads "[confidential]" in its
	 * place, as a withheld text does, rather than vanishing as if there were none. */
	for (unsigned w = CW_CONF_CONCERNS; obj && w <= CW_CONF_DETAINEES; w++)
		if (cw_record_field_withheld(rec, (enum cw_conf_field)w))
			json_object_set_new(obj, cw_words_confidential_field.words[w],
					    json_string(cw_confidential_text()));
	/* A prison visit's detainees not met (access refused), as a report's visit row says it
	 * (json.c): the detainees and detainee_access it lists would read as met, and heard or
	 * seen there. */
	if (obj && rec->kind == CW_KIND_VISIT &&
	    json_object_set_new(obj, "detainees_not_met",
				json_boolean(cw_visit_detainees_not_met(rec))) != 0) {
		json_decref(obj);
		obj = NULL;
	}
	if (obj && r && r->team_marks) {
		int touches;

		if (cw_report_touches_confidential(r, rec, &touches) != 0 ||
		    json_object_set_new(obj, "touches_confidential", json_boolean(touches)) != 0) {
			json_decref(obj);
			obj = NULL;
		}
	}
	return obj;
}

static json_t *list_json(const struct cw_report *r, const struct cw_record_list *l)
{
	json_t *arr = json_array();

	for (size_t i = 0; arr && i < l->n; i++)
		if (json_array_append_new(arr, cw_export_record_json(r, &l->items[i])) != 0) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

int cw_export_list_json(FILE *out, const struct cw_report *r, const struct cw_record_list *l,
			struct cw_error *err)
{
	return dump_json(out, list_json(r, l), err);
}

/* An account's word (enum cw_view), as the records' "view" gives it. */
static json_t *jview_of(uint8_t view)
{
	return json_string(cw_enum_word(&cw_words_view, view));
}

int cw_export_timeline_json(FILE *out, const struct cw_report *r, const struct cw_record *person,
			    const struct cw_id *id, const struct cw_record_list *l,
			    struct cw_date today, struct cw_error *err)
{
	static const char *const reasons[] = {NULL,          "ended",    "today",   "as_of",
					      "source",      "latest",   "unknown", "visit",
					      "visit_after", "ended_in", "refused", "ordered"};
	struct cw_timeline_summary sum;
	struct cw_day_range days;
	char next[CW_DATE_TEXT_MAX], to[CW_DATE_TEXT_MAX], news[CW_DATE_TEXT_MAX],
		held[CW_DATE_TEXT_MAX], other[CW_DATE_TEXT_MAX], since[CW_DATE_TEXT_MAX],
		until[CW_DATE_TEXT_MAX], order_hex[CW_ID_HEX_LEN + 1];
	json_t *doc, *summary;

	cw_timeline_summarise(id, l->items, l->n, today, &sum);
	/* The order their records give read whole is left out (cw_report_order_withheld): none
	 * rather than one the team knows was extended. */
	if (r->timeline_order_withheld)
		sum.order_until = (struct cw_date){0, 0, 0};
	cw_date_format(sum.order_until, until);
	named_hexof(r, &sum.order_id, order_hex);
	cw_date_format(sum.pretrial_to_kind == CW_PRETRIAL_TO_TODAY ? sum.pretrial_news
								    : (struct cw_date){0, 0, 0},
		       news);
	days = sum.pretrial_to_kind != CW_PRETRIAL_TO_NONE
		       ? cw_day_range_of(sum.pretrial_days, sum.pretrial_days_max)
		       : cw_day_range_of(-1, -1);
	/* The next hearing as the timeline's text says it (cw_next_hearing_text): one that passed
	 * with nothing logged since is given, and next_hearing_passed says so, rather than a null
	 * that reads as no hearing ever set (a chase-up list made from the JSON missed it). */
	cw_date_format(cw_date_is_known(sum.next_hearing) ? sum.next_hearing : sum.next_passed,
		       next);
	cw_date_format(sum.pretrial_to, to);
	/* pretrial_to: the day the count runs to, and why that day (timeline.h). No detention
	 * recorded is no figure at all: a 0 there would read as a detention of no days.
	 * pretrial_days is exact or null; the bounds say what dates not precise to the day allow
	 * (at_most null: no bound). */
	doc = json_pack("{s:o,s:{s:o,s:o,s:o,s:b,s:o,s:o,s:o,s:i,s:o,s:o,s:I},s:o}", "person",
			cw_export_record_json(r, person), "summary", "pretrial_days",
			cw_export_days_json(days.exact), "pretrial_days_at_least",
			cw_export_days_json(days.at_least), "pretrial_days_at_most",
			cw_export_days_json(days.at_most), "pretrial_ongoing", sum.pretrial_ongoing,
			"pretrial_to", to[0] ? json_string(to) : json_null(), "pretrial_to_reason",
			sum.pretrial_to_kind < sizeof reasons / sizeof reasons[0] &&
					reasons[sum.pretrial_to_kind]
				? json_string(reasons[sum.pretrial_to_kind])
				: json_null(),
			/* counted to today: the latest dated record it rests on */
			"pretrial_latest_record", news[0] ? json_string(news) : json_null(),
			"adjournments", sum.adjournments, "adjournment_views",
			cw_export_views_json(sum.adjournment_views), "next_hearing",
			next[0] ? json_string(next) : json_null(), "cases", (json_int_t)sum.cases,
			"entries", list_json(r, l));
	/* Counted to an end: whose account the end is, and another account's record that finds
	 * them held after it (timeline.h), null when none. */
	cw_date_format(sum.held_after, held);
	cw_date_format(sum.pretrial_start_other, other);
	cw_date_format(sum.pretrial_start_view ? sum.pretrial_since : (struct cw_date){0, 0, 0},
		       since);
	if (doc && (summary = json_object_get(doc, "summary")) &&
	    (json_object_set_new(summary, "next_hearing_passed",
				 json_boolean(!cw_date_is_known(sum.next_hearing) &&
					      cw_date_is_known(sum.next_passed))) != 0 ||
	     json_object_set_new(summary, "pretrial_end_view",
				 sum.pretrial_end_view ? jview_of(sum.pretrial_end_view)
						       : json_null()) != 0 ||
	     /* counted to the latest date recorded or to a refusal: whose record gives that
	      * day (a figure with no account named read as the case's) */
	     json_object_set_new(summary, "pretrial_to_view",
				 (sum.pretrial_to_kind == CW_PRETRIAL_TO_LATEST ||
				  sum.pretrial_to_kind == CW_PRETRIAL_TO_REFUSED ||
				  sum.pretrial_to_kind == CW_PRETRIAL_TO_ORDERED) &&
						 sum.pretrial_to_view
					 ? jview_of(sum.pretrial_to_view)
					 : json_null()) != 0 ||
	     /* still detained, or counted to an end: the start of the stretch counted, whose
	      * account it is, and another that dates it otherwise with the days in all as it
	      * counts them, to the same day (null: none) */
	     json_object_set_new(summary, "pretrial_start",
				 since[0] ? json_string(since) : json_null()) != 0 ||
	     json_object_set_new(summary, "pretrial_start_view",
				 sum.pretrial_start_view ? jview_of(sum.pretrial_start_view)
							 : json_null()) != 0 ||
	     json_object_set_new(
		     summary, "pretrial_start_disputed",
		     cw_date_is_known(sum.pretrial_start_other)
			     ? json_pack("{s:s,s:o,s:o}", "date", other, "view",
					 sum.pretrial_start_other_view
						 ? jview_of(sum.pretrial_start_other_view)
						 : json_null(),
					 "days",
					 cw_export_days_json(cw_timeline_start_other_total(&sum)))
			     : json_null()) != 0 ||
	     json_object_set_new(summary, "held_after_end",
				 sum.held_after_kind
					 ? json_pack("{s:s,s:o,s:s}", "date", held, "view",
						     jview_of(sum.held_after_view), "record",
						     sum.held_after_kind == CW_KIND_VISIT ? "visit"
						     : sum.held_after_kind == CW_KIND_HEARING
							     ? "hearing"
							     : cw_enum_word(&cw_words_milestone,
									    sum.held_after_type))
					 : json_null()) != 0 ||
	     /* the detention order the stretch counted is held under (null: none recorded
	      * with the day it runs to), as a report's row gives it */
	     json_object_set_new(
		     summary, "detention_order",
		     cw_date_is_known(sum.order_until)
			     ? json_pack("{s:o,s:o,s:s,s:o,s:o}", "record",
					 order_hex[0] ? json_string(order_hex) : json_null(),
					 "view",
					 sum.order_view ? jview_of(sum.order_view) : json_null(),
					 "until", until, "days_past_at_least",
					 cw_export_days_json(sum.order_days_past),
					 "days_past_at_most",
					 cw_export_days_json(sum.order_days_past_max))
			     : json_null()) != 0)) {
		json_decref(doc);
		doc = NULL;
	}
	/* What waits among its records (cw_report_timeline_waiting), as a report's JSON says
	 * it: its head figures read the version shown, or either of two entries. */
	if (doc && (json_object_set_new(doc, "unresolved_conflicts",
					json_integer((json_int_t)r->conflicted)) != 0 ||
		    json_object_set_new(doc, "doubled_entries",
					json_integer((json_int_t)r->doubled)) != 0)) {
		json_decref(doc);
		doc = NULL;
	}
	return dump_json(out, doc, err);
}
