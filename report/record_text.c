/* record_text.c - what people read of a record: list columns and field lines; see
 * record_text.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/confidential.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/text.h"
#include "models/timeline.h"
#include "report/confidential.h"
#include "report/record_text.h"

#define PUT(field, ...) snprintf(out->field, sizeof out->field, __VA_ARGS__)

/* Marks the line of a record linked to another account ("[disputes 7886aa0e] ..."), so the
 * two read side by side as two accounts, never as one. */
static void mark_links(const struct cw_record *r, struct cw_record_summary *out)
{
	char links[160], what[sizeof out->what];

	if (!r->links.n)
		return;
	cw_links_text(r, links, sizeof links);
	snprintf(what, sizeof what, "%s", out->what);
	/* The link first: a long outcome is what gets cut. */
	if (snprintf(out->what, sizeof out->what, "[%s]%s%s", links, what[0] ? " " : "", what) < 0)
		out->what[0] = '\0';
}

/* Marks an event the source says only reportedly happened ("Eng Sroy was reportedly
 * charged"), after what happened: "charge (reportedly)". A long outcome is cut to make room,
 * never the mark: the line must not read as established. People and cases are not events. */
static void mark_reportedly(const struct cw_record *r, struct cw_record_summary *out)
{
	char what[sizeof out->what];
	int room;

	if (!r->reportedly || r->kind == CW_KIND_PERSON || r->kind == CW_KIND_CASE)
		return;
	if (!out->what[0]) {
		PUT(what, "%s", _("(reportedly)"));
		return;
	}
	/* TRANSLATORS: what happened, said to have happened: "charge (reportedly)" */
	room = (int)sizeof what - 1 - snprintf(NULL, 0, _("%s (reportedly)"), "");
	if (room < 0)
		return;
	snprintf(what, sizeof what, "%.*s", room, out->what);
	cw_text_trim_utf8(what);
	for (size_t n = strlen(what); n > 0 && what[n - 1] == ' '; n--)
		what[n - 1] = '\0'; /* cut after a word: one space before the mark */
	PUT(what, _("%s (reportedly)"), what);
}

/* Where a summary looks up the people and cases a record names: the records `own` gives first
 * (a bundle's, read before it is imported: it may bring them, or rename them), else the
 * store's. */
struct lookup {
	struct cw_store *st;
	cw_record_source_fn own; /* NULL: the store alone */
	void *ctx;
	/* The first record named that the store holds but cannot read (it fails its
	 * authentication, the database failed), into err: such a record is never told as one not
	 * held here. Sticky, so the text is written in a straight line and checked once. */
	int rc;
	struct cw_error *err;
};

/* Reads id from the store into *rec: 0, or CW_ENOTFOUND when it holds none (any other
 * failure is kept in lk, and read as none too). */
static int look_in_store(struct lookup *lk, const struct cw_id *id, struct cw_record *rec)
{
	struct cw_error e;
	int rc;

	if (!lk->st || lk->rc)
		return CW_ENOTFOUND;
	if ((rc = cw_store_get(lk->st, id, rec, &e)) == 0 || rc == CW_ENOTFOUND)
		return rc;
	lk->rc = rc;
	if (lk->err)
		*lk->err = e;
	return CW_ENOTFOUND;
}

/* The record id names: own's, else read from the store into *tmp; NULL when neither holds
 * it. Give what it returns to look_done. */
static const struct cw_record *look_up(struct lookup *lk, const struct cw_id *id,
				       struct cw_record *tmp)
{
	const struct cw_record *r = lk->own ? lk->own(lk->ctx, id) : NULL;

	if (r)
		return r;
	return look_in_store(lk, id, tmp) == 0 ? tmp : NULL;
}

static void look_done(const struct cw_record *r, struct cw_record *tmp)
{
	if (r == tmp)
		cw_record_free(tmp);
}

/* What stands for a person or case neither holds: deleted here, or not held here. */
static const char *look_missing(const struct lookup *lk, const struct cw_id *id, int is_case)
{
	if (lk->st && cw_store_deleted(lk->st, id))
		return is_case ? _("(deleted case)") : _("(deleted person)");
	return is_case ? _("(case not held here)") : _("(person not held here)");
}

static void summarise(struct lookup *lk, struct cw_list_memo *memo, const struct cw_record *r,
		      struct cw_record_summary *out);

void cw_list_memo_free(struct cw_list_memo *memo)
{
	cw_idmap_free(&memo->people);
}

/* Whether r names a person what is written for others reads as "[confidential]", the people
 * those reports look it up by (kase: its case as read, NULL when it is not), each read once
 * for the list in memo. One not held here names no one; out of memory, nothing is marked. */
static int names_withheld_person(struct lookup *lk, struct cw_list_memo *memo,
				 const struct cw_record *r, const struct cw_record *kase)
{
	struct cw_id *people;
	size_t n, withheld = 0;

	if (cw_withheld_people_named(r, kase, &people, &n) != 0)
		return 0;
	for (size_t i = 0; i < n && !withheld; i++) {
		struct cw_record p;

		if (cw_idmap_get(&memo->people, &people[i], &withheld))
			continue;
		if (look_in_store(lk, &people[i], &p) == 0) {
			withheld = (size_t)cw_record_named_withheld(&p);
			cw_record_free(&p);
		}
		if (lk->rc) /* never remembered as one not held here */
			break;
		(void)cw_idmap_put(&memo->people, &people[i], withheld, NULL); /* else read again */
	}
	free(people);
	return withheld != 0;
}

int cw_record_list_mark(struct cw_store *st, struct cw_list_memo *memo, const struct cw_record *r,
			const char **mark, struct cw_error *err)
{
	struct lookup lk = {st, NULL, NULL, 0, err};

	*mark = cw_confidential_mark(r);
	if (**mark || r->kind != CW_KIND_CASE)
		return 0;
	*mark = names_withheld_person(&lk, memo, r, NULL) ? "[c] " : "";
	return lk.rc;
}

int cw_record_title(struct cw_store *st, const struct cw_record *r, char *buf, size_t len,
		    struct cw_error *err)
{
	return cw_record_title_from(st, NULL, NULL, r, buf, len, err);
}

int cw_record_title_from(struct cw_store *st, cw_record_source_fn own, void *ctx,
			 const struct cw_record *r, char *buf, size_t len, struct cw_error *err)
{
	struct lookup lk = {st, own, ctx, 0, err};
	struct cw_record_summary sum;
	char date[CW_DATE_TEXT_MAX];

	if (r->kind == CW_KIND_PERSON || r->kind == CW_KIND_CASE) {
		snprintf(buf, len, "%s", cw_record_label(r));
		return 0;
	}
	summarise(&lk, NULL, r, &sum);
	cw_date_format(cw_record_date(r), date);
	if (!sum.who[0])
		snprintf(sum.who, sizeof sum.who, "%s", cw_record_label(r));
	if (date[0] && !sum.who[0])
		snprintf(buf, len, "%s", date);
	else if (date[0]) /* the date first: a narrow line cuts the end */
		/* TRANSLATORS: a record in a heading or a question: its date, then what it is
		 * about ("2023-05-25, NagaWorld strike") */
		snprintf(buf, len, _("%s, %.150s"), date, sum.who);
	else
		snprintf(buf, len, "%.150s", sum.who);
	cw_text_trim_utf8(buf);
	return lk.rc;
}

/* cw_record_account_text, its failures kept in lk. */
static void account_text(struct lookup *lk, const struct cw_id *id, char *buf, size_t len)
{
	struct cw_record r;
	struct cw_record_summary sum;
	char hex[CW_ID_HEX_LEN + 1], date[CW_DATE_TEXT_MAX];
	size_t n;

	cw_id_hex(id, hex);
	if (look_in_store(lk, id, &r) != 0) {
		snprintf(buf, len,
			 lk->st && cw_store_deleted(lk->st, id) ? _("(deleted record %.8s)")
								: _("(record not held here %.8s)"),
			 hex);
		return;
	}
	summarise(lk, NULL, &r, &sum);
	cw_date_format(cw_record_date(&r), date);
	if (!sum.who[0])
		snprintf(sum.who, sizeof sum.who, "%s", cw_record_label(&r));
	/* TRANSLATORS: another account of an event: its kind, date and whose account it is
	 * ("hearing 2024-05-09, account: UN"); what it is about and where follow */
	n = (size_t)snprintf(buf, len, _("%s %s, account: %s"), cw_kind_text(r.kind),
			     date[0] ? date : _("(no date)"),
			     cw_enum_label(&cw_words_view, r.view));
	if (sum.who[0] && n < len)
		n += (size_t)snprintf(buf + n, len - n, ", %.150s", sum.who);
	if (sum.where[0] && strcmp(sum.where, sum.who) && n < len)
		n += (size_t)snprintf(buf + n, len - n, ", %.150s", sum.where);
	if (n + 12 > len) /* the id stays whole: it is what names the record */
		n = len > 12 ? len - 12 : 0;
	buf[n] = '\0';
	cw_text_trim_utf8(buf);
	n = strlen(buf);
	snprintf(buf + n, len - n, " (%.8s)", hex);
	cw_record_free(&r);
}

int cw_record_account_text(struct cw_store *st, const struct cw_id *id, char *buf, size_t len,
			   struct cw_error *err)
{
	struct lookup lk = {st, NULL, NULL, 0, err};

	account_text(&lk, id, buf, len);
	return lk.rc;
}

int cw_record_summarise(struct cw_store *st, const struct cw_record *r,
			struct cw_record_summary *out, struct cw_error *err)
{
	struct cw_list_memo memo = {0};
	int rc = cw_record_summarise_in(st, &memo, r, out, err);

	cw_list_memo_free(&memo);
	return rc;
}

int cw_record_summarise_in(struct cw_store *st, struct cw_list_memo *memo,
			   const struct cw_record *r, struct cw_record_summary *out,
			   struct cw_error *err)
{
	struct lookup lk = {st, NULL, NULL, 0, err};

	summarise(&lk, *cw_confidential_mark(r) ? NULL : memo, r, out);
	if (*cw_confidential_mark(r)) /* the record's own mark says more */
		PUT(mark, "%s", cw_confidential_mark(r));
	mark_reportedly(r, out);
	mark_links(r, out);
	/* Cut to the columns' buffers, never inside a character (JSON refuses broken UTF-8). */
	cw_text_trim_utf8(out->who);
	cw_text_trim_utf8(out->where);
	cw_text_trim_utf8(out->articles);
	cw_text_trim_utf8(out->what);
	return lk.rc;
}

/* What a hearing's verdicts decided, for whom: "convicted (Chhim Sithar), acquitted (Sun
 * Sreypich)", each result and person or group once however many charges it names, so that a
 * line in another defendant's timeline does not read as theirs. Empty when it gives none. */
static void verdicts_text(struct lookup *lk, const struct cw_hearing *h, char *buf, size_t len)
{
	const struct cw_verdict *v = h->verdicts.items;
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < h->verdicts.n; i++) {
		char who[200] = "", item[300];
		struct cw_record tmp;
		const struct cw_record *p;
		int said = 0;

		for (size_t j = 0; j < i && !said; j++)
			said = v[j].result == v[i].result &&
			       cw_id_equal(&v[j].person, &v[i].person) &&
			       !strcmp(v[j].group ? v[j].group : "", v[i].group ? v[i].group : "");
		if (said)
			continue;
		if (v[i].group)
			snprintf(who, sizeof who, "%s", v[i].group);
		else if (cw_id_is_zero(&v[i].person))
			snprintf(who, sizeof who, "%s", _("every defendant"));
		else if ((p = look_up(lk, &v[i].person, &tmp))) {
			snprintf(who, sizeof who, "%s", cw_record_label(p));
			look_done(p, &tmp);
		} else
			snprintf(who, sizeof who, "%s", look_missing(lk, &v[i].person, 0));
		cw_text_trim_utf8(who);
		snprintf(item, sizeof item, "%s%s (%s)", n ? ", " : "",
			 v[i].result ? cw_enum_label(&cw_words_verdict, v[i].result)
				     : _("result not recorded"),
			 who);
		cw_text_trim_utf8(item);
		/* Whole entries only, never a name cut in the middle: what does not fit is
		 * said to be there. */
		if (n + strlen(item) + sizeof ", …" > len) {
			if (n + sizeof ", …" <= len)
				memcpy(buf + n, ", …", sizeof ", …");
			return;
		}
		memcpy(buf + n, item, strlen(item) + 1);
		n += strlen(item);
	}
}

/* The articles a milestone that names none is about, as the store files it: every charge the
 * case gives its person, or its group of unnamed defendants (by label), not the whole case's
 * (an article list would otherwise show charges `list --article` does not find it under). */
static void milestone_case_articles(const struct cw_record *kase, const struct cw_milestone *m,
				    char *buf, size_t len)
{
	struct cw_article a[64];
	size_t n = 0;

	cw_case_event_articles(kase, &m->person, m->group, a, 64, &n);
	cw_articles_text(a, n, buf, len);
}

/* The people a demonstration's record names as arrested, up to three, then how many more:
 * "Theng Savoeun, Sok Dara and 2 others". */
static void names_at_most(struct lookup *lk, const struct cw_list *arrested, size_t most, char *buf,
			  size_t len)
{
	const struct cw_person_ref *p = arrested->items;
	size_t n = 0, shown = arrested->n > most ? most : arrested->n;

	buf[0] = '\0';
	for (size_t i = 0; i < shown; i++) {
		struct cw_record tmp;
		const struct cw_record *rec;
		const char *sep = i == 0                                   ? ""
				  : i + 1 == shown && shown == arrested->n ? _(" and ")
									   : ", ";

		if ((rec = look_up(lk, &p[i].person, &tmp))) {
			n += (size_t)snprintf(buf + n, n < len ? len - n : 0, "%s%s", sep,
					      cw_record_label(rec));
			look_done(rec, &tmp);
		} else {
			n += (size_t)snprintf(buf + n, n < len ? len - n : 0, "%s%s", sep,
					      look_missing(lk, &p[i].person, 0));
		}
	}
	if (arrested->n > shown && n < len)
		snprintf(buf + n, len - n,
			 P_(" and %zu other", " and %zu others", arrested->n - shown),
			 arrested->n - shown);
	cw_text_trim_utf8(buf); /* a name or the tail cut short ends on a whole character */
}

static void arrested_names(struct lookup *lk, const struct cw_list *arrested, char *buf, size_t len)
{
	names_at_most(lk, arrested, 3, buf, len);
}

int cw_record_people_met(struct cw_store *st, const struct cw_record *r, size_t most, char *buf,
			 size_t len, struct cw_error *err)
{
	struct lookup lk = {st, NULL, NULL, 0, err};

	buf[0] = '\0';
	if (r->kind == CW_KIND_VISIT && r->u.visit.detainees.n && most > 0)
		names_at_most(&lk, &r->u.visit.detainees, most, buf, len);
	return lk.rc;
}

/* What a visit heard or saw of its detainees' access to a lawyer and family where it was not
 * granted: "lawyer access denied: Hun Kimlong; family access restricted: Sok Dara", so that
 * a detainee's timeline says it on the visit's line, after the visit's access and "; ". A visit
 * refused access met no one: what such a record holds all the same (imported; typed, it is
 * refused: models/validate.c) is said as the report's row says it, not counted (rdoc.c,
 * detainee_access_cell), never as access the visit was told of or saw. */
static void detainee_access_text(struct lookup *lk, const struct cw_visit *v,
				 struct cw_record_summary *out)
{
	static const uint8_t bad[] = {CW_ACCESS_DENIED, CW_ACCESS_RESTRICTED};
	const struct cw_detainee_access *a = v->detainee_access.items;
	struct cw_person_ref *who;
	char said[sizeof out->what] = "", head[sizeof out->what];
	int rc;

	if (!v->detainee_access.n || !(who = calloc(v->detainee_access.n, sizeof *who)))
		return;
	for (int lawyer = 1; lawyer >= 0; lawyer--)
		for (size_t b = 0; b < sizeof bad; b++) {
			struct cw_list l = {who, 0};
			char names[400];
			size_t n = strlen(said);

			for (size_t i = 0; i < v->detainee_access.n; i++)
				if ((lawyer ? a[i].lawyer_access : a[i].family_access) == bad[b])
					who[l.n++].person = a[i].person;
			if (!l.n || n >= sizeof said)
				continue;
			arrested_names(lk, &l, names, sizeof names);
			snprintf(said + n, sizeof said - n,
				 lawyer ? _("%slawyer access %s: %s") : _("%sfamily access %s: %s"),
				 n ? "; " : "", cw_enum_label(&cw_words_access, bad[b]), names);
		}
	free(who);
	if (!said[0])
		return;
	cw_text_trim_utf8(said);
	snprintf(head, sizeof head, "%s", out->what);
	if (cw_visit_met_no_one(v))
		rc = snprintf(out->what, sizeof out->what,
			      /* TRANSLATORS: a list's or a timeline's line of a prison visit
			       * refused access that records detainees' access all the same: the
			       * visit's access ("access denied"), then "lawyer access denied: Eng
			       * Sroy; ..." */
			      _("%s; recorded at a visit that did not meet them, not counted: %s"),
			      head, said);
	else
		rc = snprintf(out->what, sizeof out->what, "%s%s%s", head, head[0] ? "; " : "",
			      said);
	if (rc < 0)
		out->what[0] = '\0';
	cw_text_trim_utf8(out->what);
}

/* memo: the people marked rows name, looked up there (NULL: no row's mark). */
static void summarise(struct lookup *lk, struct cw_list_memo *memo, const struct cw_record *r,
		      struct cw_record_summary *out)
{
	const struct cw_id *cid = r->kind == CW_KIND_HEARING     ? &r->u.hearing.case_id
				  : r->kind == CW_KIND_MILESTONE ? &r->u.milestone.case_id
				  : r->kind == CW_KIND_INCIDENT  ? &r->u.incident.case_id
								 : NULL;
	struct cw_record tmp;
	const struct cw_record *other;
	int cased = 0;
	/* A hearing's bail decision, by its case (cw_hearing_bail_whom; -1: case not here). */
	int bail_whom = -1;

	memset(out, 0, sizeof *out);
	if (cid && !cw_id_is_zero(cid)) {
		/* A case deleted (on another laptop) while this record named it is gone: only
		 * its id is left, and the record keeps its own fields. */
		if ((other = look_up(lk, cid, &tmp)) && other->kind != CW_KIND_CASE) {
			/* An id that names no case (a crafted bundle's): as not held. */
			look_done(other, &tmp);
			other = NULL;
		}
		if (other) {
			cased = 1;
			if (r->kind == CW_KIND_HEARING)
				bail_whom = cw_hearing_bail_whom(&r->u.hearing, &other->u.kase,
								 NULL, NULL);
			/* The case as read here gives its defendants: no second read. */
			if (other->confidential ||
			    (memo && names_withheld_person(lk, memo, r, other)))
				PUT(mark, "%s", "[c] ");
			PUT(who, "%s", other->u.kase.title ? other->u.kase.title : "");
			PUT(where, "%s", other->u.kase.court ? other->u.kase.court : "");
			if (r->kind == CW_KIND_MILESTONE)
				milestone_case_articles(other, &r->u.milestone, out->articles,
							sizeof out->articles);
			else
				cw_case_articles_text(other, NULL, out->articles,
						      sizeof out->articles);
			look_done(other, &tmp);
		} else {
			PUT(who, "%s", look_missing(lk, cid, 1));
		}
	}
	if (memo && !cased && names_withheld_person(lk, memo, r, NULL))
		PUT(mark, "%s", "[c] ");
	switch (r->kind) {
	case CW_KIND_PERSON:
		PUT(who, "%s", cw_person_name(&r->u.person));
		break;
	case CW_KIND_CASE:
		PUT(who, "%s", r->u.kase.title ? r->u.kase.title : "");
		PUT(where, "%s", r->u.kase.court ? r->u.kase.court : "");
		cw_case_articles_text(r, NULL, out->articles, sizeof out->articles);
		PUT(what, "%s",
		    r->u.kase.stage ? cw_enum_label(&cw_words_stage, r->u.kase.stage) : "");
		break;
	case CW_KIND_HEARING: {
		const struct cw_hearing *h = &r->u.hearing;

		if (h->court)
			PUT(where, "%s", h->court);
		if (h->tally.count >= 0) { /* "28 hearings (2023-06-01 to 2024-05-31)" */
			char t[200];

			cw_tally_text(&h->tally, P_("hearing", "hearings", h->tally.count), t,
				      sizeof t);
			PUT(what, "%s", t);
		} else if (h->outcome == CW_OUTCOME_BAIL_DECISION &&
			   h->bail > CW_BAIL_NOT_REQUESTED) {
			/* "bail granted (Sok Dara)": whose bail it was when the record names one
			 * person or group (models/record.h, cw_hearing_bail_whom), as a verdict's
			 * line names whom it was for, so that the line in a co-defendant's
			 * timeline does not read as theirs. */
			struct cw_id whom;
			const char *group = NULL;
			char name[200] = "";

			if (cw_hearing_bail_whom(h, NULL, &whom, &group) == CW_HEARING_BAIL_NAMED) {
				if (group)
					snprintf(name, sizeof name, "%s", group);
				else if ((other = look_up(lk, &whom, &tmp))) {
					snprintf(name, sizeof name, "%s", cw_record_label(other));
					look_done(other, &tmp);
				} else
					snprintf(name, sizeof name, "%s",
						 look_missing(lk, &whom, 0));
				cw_text_trim_utf8(name);
			}
			if (name[0])
				/* TRANSLATORS: "bail granted (Sok Dara)": the decision, then whose
				 * bail it was */
				PUT(what, _("bail %s (%s)"), cw_enum_label(&cw_words_bail, h->bail),
				    name);
			else if (bail_whom == CW_HEARING_BAIL_NO_ONE)
				/* A record that names several, or none of a case of several: on
				 * each co-defendant's timeline a bare "bail granted" read as theirs
				 * (Eng Sroy's, who stayed held while four were bailed: 001 para
				 * 34). TRANSLATORS: "bail granted (whose bail is not recorded)" */
				PUT(what, _("bail %s (whose bail is not recorded)"),
				    cw_enum_label(&cw_words_bail, h->bail));
			else
				PUT(what, _("bail %s"), cw_enum_label(&cw_words_bail, h->bail));
		} else {
			/* "verdict: convicted (Chhim Sithar); prison term 2 years" */
			char decided[300], parts[200] = "";
			const char *sentence = parts;

			verdicts_text(lk, h, decided, sizeof decided);
			if (h->sentence_parts.n)
				cw_sentence_text(&h->sentence_parts, parts, sizeof parts);
			else if (h->sentence)
				sentence = h->sentence;
			if (!decided[0] && !sentence[0] && h->outcome &&
			    (h->adjourn_reason || cw_date_is_known(h->next_date))) {
				/* "adjourned: prosecution witness absent; next hearing
				 * 2025-03-07": a timeline's count of adjournments is read from
				 * these lines, so each says why and until when. */
				char next[CW_DATE_TEXT_MAX], then[CW_DATE_TEXT_MAX + 64] = "";

				cw_date_format(h->next_date, next);
				if (next[0])
					snprintf(then, sizeof then, _("; next hearing %s"), next);
				PUT(what, "%s%s%s%s", cw_enum_label(&cw_words_outcome, h->outcome),
				    h->adjourn_reason ? ": " : "",
				    h->adjourn_reason ? h->adjourn_reason : "", then);
				break;
			}
			PUT(what, "%s%s%s%s%s",
			    h->outcome ? cw_enum_label(&cw_words_outcome, h->outcome)
			    : decided[0] || sentence[0] ? _("sentence")
							: "",
			    decided[0] || sentence[0] ? ": " : "", decided,
			    decided[0] && sentence[0] ? "; " : "", sentence);
		}
		break;
	}
	case CW_KIND_MILESTONE: {
		const struct cw_milestone *m = &r->u.milestone;

		if (m->group) { /* a group of the case's unnamed defendants: by name and number */
			if (m->count > 0 && m->more)
				/* TRANSLATORS: "5 more NagaWorld union activists": a count of a
				 * group beside those already held, then the group's label. */
				PUT(who, _("%lld more %s"), (long long)m->count, m->group);
			else if (m->count > 0)
				PUT(who, "%lld %s", (long long)m->count, m->group);
			else
				PUT(who, "%s", m->group);
		} else if ((other = look_up(lk, &m->person, &tmp))) {
			PUT(who, "%s", cw_record_label(other));
			look_done(other, &tmp);
		} else {
			PUT(who, "%s", look_missing(lk, &m->person, 0));
		}
		if (m->court)
			PUT(where, "%s", m->court);
		{ /* the charges it is about, when it names them, not the whole case's */
			struct cw_article a[CW_ARTICLE_LIST_MAX];
			size_t na = cw_milestone_articles(m, a);

			if (na)
				cw_articles_text(a, na, out->articles, sizeof out->articles);
		}
		/* "bail refused": a refused bail is not a release, and the line must say so;
		 * "verdict: convicted", "appeal decided: upheld": what a ruling decided, not only
		 * that there was one. */
		if (m->sentence_parts.n || m->result) {
			char parts[200] = "";
			const char *result =
				m->result ? cw_enum_label(&cw_words_verdict, m->result) : "";
			/* "upheld on appeal" says the appeal already: not "appeal decided: upheld
			 * on appeal" (the report's Result column reads the same). */
			int says_appeal = m->type == CW_MS_APPEAL_DECIDED &&
					  (m->result == CW_VERDICT_UPHELD ||
					   m->result == CW_VERDICT_OVERTURNED);

			/* A detail beside the result ("read out in court") comes after it, never
			 * instead of it (a field trial's conviction read "verdict: read out in
			 * court"); one that says the result already ("convicted with eight other
			 * union activists") is not preceded by it again. */
			if (m->detail && *result && strcasestr(m->detail, result))
				result = "";
			if (m->sentence_parts.n)
				cw_sentence_text(&m->sentence_parts, parts, sizeof parts);
			if (!*result && !parts[0])
				goto plain;
			PUT(what, "%s%s%s%s%s%s%s",
			    says_appeal && *result ? ""
						   : cw_enum_label(&cw_words_milestone, m->type),
			    says_appeal && *result ? "" : ": ", result,
			    *result && parts[0] ? "; " : "", parts, m->detail ? "; " : "",
			    m->detail ? m->detail : "");
			break;
		}
	plain:
		if (cw_date_is_known(m->until)) {
			/* The day a detention order runs to, which the days held are read
			 * against: "pretrial detention extended to 2023-07-05: 4 months". */
			char until[CW_DATE_TEXT_MAX];

			cw_date_format(m->until, until);
			/* TRANSLATORS: a detention order and its last day: "pretrial detention
			 * to 2023-07-05" */
			PUT(what, _("%s to %s%s%s"), cw_enum_label(&cw_words_milestone, m->type),
			    until, m->detail ? ": " : "", m->detail ? m->detail : "");
			break;
		}
		PUT(what, "%s%s%s%s%s", cw_enum_label(&cw_words_milestone, m->type),
		    m->outcome ? " " : "",
		    m->outcome ? cw_enum_label(&cw_words_decision, m->outcome) : "",
		    m->detail ? ": " : "", m->detail ? m->detail : "");
		break;
	}
	case CW_KIND_VISIT: {
		const struct cw_visit *v = &r->u.visit;
		char t[200] = "";

		PUT(who, "%s", v->facility ? v->facility : "");
		PUT(where, "%s", v->facility_province ? v->facility_province : "");
		if (v->tally.count >= 0 && v->facilities > 0) { /* "18 visits to 9 prisons" */
			char noun[200];                         /* Khmer takes 3 bytes a letter */

			snprintf(noun, sizeof noun,
				 P_("%s to %lld prison", "%s to %lld prisons", v->facilities),
				 v->tally.count == 1 ? _("visit") : _("visits"),
				 (long long)v->facilities);
			cw_tally_text(&v->tally, noun, t, sizeof t);
		} else {
			cw_tally_text(&v->tally, v->tally.count == 1 ? _("visit") : _("visits"), t,
				      sizeof t);
		}
		PUT(what, _("%s%saccess %s"), t, t[0] ? "; " : "",
		    v->access ? cw_enum_label(&cw_words_access, v->access) : _("unknown"));
		detainee_access_text(lk, v, out);
		break;
	}
	case CW_KIND_DEMO:
		PUT(who, "%s",
		    r->u.demo.cause       ? r->u.demo.cause
		    : r->u.demo.organiser ? r->u.demo.organiser
					  : "");
		PUT(where, "%s",
		    r->u.demo.place      ? r->u.demo.place
		    : r->u.demo.province ? r->u.demo.province
					 : "");
		if (r->u.demo.tally.count >= 0) {
			char t[200];

			cw_tally_text(&r->u.demo.tally,
				      r->u.demo.tally.count == 1 ? _("demonstration")
								 : _("demonstrations"),
				      t, sizeof t);
			PUT(what, "%s", t);
		} else {
			/* "2 arrests, 60 participants": a person arrested there sees it on the
			 * demonstration's line of their timeline. A count not recorded is not
			 * "0 arrests". */
			const struct cw_demo *dm = &r->u.demo;
			long long arrests = dm->arrests_count > (int64_t)dm->arrested.n
						    ? (long long)dm->arrests_count
						    : (long long)dm->arrested.n;
			char part[256] = "", arr[256] = ""; /* Khmer takes 3 bytes a letter */

			/* "at least 50" as `show` and the report say it: a list that dropped it
			 * read an estimate's floor as the count (a field trial). */
			if (dm->participants >= 0 && dm->participants_at_least)
				snprintf(part, sizeof part,
					 /* TRANSLATORS: a demonstration's participants, a number
					    the source gives as a floor ("at least 50") */
					 P_("at least %lld participant",
					    "at least %lld participants",
					    (unsigned long)dm->participants),
					 (long long)dm->participants);
			else if (dm->participants >= 0)
				snprintf(part, sizeof part,
					 P_("%lld participant", "%lld participants",
					    (unsigned long)dm->participants),
					 (long long)dm->participants);
			char names[400] = "";

			/* The words of the report's rows (rdoc.c, arrests_text). */
			if ((dm->arrests_count >= 0 || dm->arrested.n) &&
			    cw_demo_arrests_at_least(dm))
				snprintf(arr, sizeof arr,
					 P_("at least %zu arrest", "at least %zu arrests",
					    (size_t)arrests),
					 (size_t)arrests);
			else if (dm->arrests_count >= 0 || dm->arrested.n)
				snprintf(arr, sizeof arr,
					 P_("%zu arrest", "%zu arrests", (size_t)arrests),
					 (size_t)arrests);
			/* Who was arrested, as far as the record names them: "2 arrests (Theng
			 * Savoeun)" tells a timeline's reader that they were the one. */
			arrested_names(lk, &dm->arrested, names, sizeof names);
			/* "..., 3 injured": not recorded says nothing, as the arrests. */
			char inj[256] = "";

			if (dm->injured >= 0 && dm->injured_at_least)
				snprintf(inj, sizeof inj,
					 /* TRANSLATORS: people injured at a demonstration */
					 P_("at least %lld injured", "at least %lld injured",
					    (unsigned long)dm->injured),
					 (long long)dm->injured);
			else if (dm->injured >= 0)
				snprintf(inj, sizeof inj,
					 /* TRANSLATORS: people injured at a demonstration */
					 P_("%lld injured", "%lld injured",
					    (unsigned long)dm->injured),
					 (long long)dm->injured);
			/* Arrests first, then the injured, then the crowd: a list's column cut
			 * to fit kept "at least 100 participants" and lost the arrests (a field
			 * trial at 100 columns). */
			PUT(what, "%s%s%s%s%s%s%s%s", arr, names[0] ? " (" : "", names,
			    names[0] ? ")" : "", inj[0] && arr[0] ? ", " : "", inj,
			    part[0] && (arr[0] || inj[0]) ? ", " : "", part);
		}
		break;
	case CW_KIND_INCIDENT: {
		const struct cw_incident *in = &r->u.incident;
		char t[200];

		if (!cid || cw_id_is_zero(cid))
			PUT(who, "%s", in->target ? in->target : in->actor ? in->actor : "");
		if (in->province)
			PUT(where, "%s", in->province);
		cw_tally_text(&in->tally, in->unit, t, sizeof t);
		PUT(what, "%s%s%s%s%s", cw_enum_label(&cw_words_incident, in->type),
		    t[0] ? ": " : "", t, in->detail ? (t[0] ? "; " : ": ") : "",
		    in->detail ? in->detail : "");
		break;
	}
	}
}

/* The walk of a record's fields into lines: by their names (paths, which two versions are
 * compared by) or, for people, by their labels. */
struct field_walk {
	struct lookup *lk;
	const struct cw_record *rec; /* by labels: the record, whose confidential fields say so */
	cw_line_fn fn;
	void *ctx;
};

#define READ_LABEL 20 /* columns of the labels */

static void field_label(const struct cw_field *f, size_t most, char *buf, size_t len);
static void confidential_label(const struct cw_record *rec, const char *field, char *label,
			       size_t len);
static void unmet_label(const struct cw_record *rec, const struct cw_field *f, char *label,
			size_t len);
static void struct_field_lines(const struct field_walk *w, const void *base,
			       const struct cw_schema *s, int indent);

/* What a visit that met no one (cw_visit_met_no_one) says of the detainees' access it holds all
 * the same (imported), where its record lists that access (f): in the words of a report's row
 * and a timeline's line, so that the record does not read as access told or seen there. NULL
 * for any other list or record. */
static const char *uncounted_note(const struct cw_record *rec, const struct cw_field *f)
{
	if (rec->kind != CW_KIND_VISIT || strcmp(f->name, "detainee_access") != 0 ||
	    !cw_visit_met_no_one(&rec->u.visit) || !rec->u.visit.detainee_access.n)
		return NULL;
	/* TRANSLATORS: said of a prison visit refused access where its record lists the
	 * detainees' access it holds all the same (show, the record view), as "%s; recorded at
	 * a visit that did not meet them, not counted: %s" says it in a list or a report */
	return _("recorded at a visit that did not meet them, not counted");
}

/* A record another names, as people read it: a person or a case by its name or title, an
 * event by its kind and date ("hearing 2023-05-25"), which say what it is where its label
 * would not (a hearing's label is its court, often left to the case's), then its short id. */
static void ref_text(const struct cw_record *r, const char *hex, char *buf, size_t len)
{
	const char *label = cw_record_label(r);
	char date[CW_DATE_TEXT_MAX];

	if ((r->kind == CW_KIND_PERSON || r->kind == CW_KIND_CASE) && label[0]) {
		snprintf(buf, len, "%s (%.8s)", label, hex);
		return;
	}
	cw_date_format(cw_record_date(r), date);
	snprintf(buf, len, "%s%s%s (%.8s)", cw_kind_text(r->kind), date[0] ? " " : "", date, hex);
}

/* A field's value as people read it: a string as stored (whole, however long), an id as its
 * record's label and short id (into buf), anything else as its text (into buf). NULL when the
 * field is empty (or a list, which has no one value). */
static const char *field_value(struct lookup *lk, const void *base, const struct cw_field *f,
			       char *buf, size_t len)
{
	const char *p = (const char *)base + f->offset;

	buf[0] = '\0';
	switch (f->type) {
	case CW_F_STR:
		return *(char *const *)p && **(char *const *)p ? *(char *const *)p : NULL;
	case CW_F_ID: {
		const struct cw_id *id = (const struct cw_id *)p;
		char hex[CW_ID_HEX_LEN + 1];
		struct cw_record r;
		int rc = 0;

		if (cw_id_is_zero(id))
			return NULL;
		cw_id_hex(id, hex);
		if (lk->st && (rc = look_in_store(lk, id, &r)) == 0) {
			ref_text(&r, hex, buf, len);
			cw_record_free(&r);
		} else if (lk->st && !lk->rc && f->ref_kind) {
			/* Deleted (perhaps on another laptop) while this record named it. */
			snprintf(buf, len, _("(deleted %s %.8s)"), cw_kind_text(f->ref_kind), hex);
		} else if (lk->st && !lk->rc) {
			snprintf(buf, len, _("(deleted record %.8s)"), hex);
		} else { /* no store, or one that cannot read it: lk->rc says why */
			snprintf(buf, len, "(%.8s)", hex);
		}
		break;
	}
	case CW_F_LIST:
		return NULL;
	default:
		cw_field_value_text(base, f, buf, len);
		break;
	}
	cw_text_trim_utf8(buf);
	return buf[0] ? buf : NULL;
}

/* One field's lines. By labels, a list item's heading is its list's label and number
 * ("verdict per charge 2") and a flat list's items each stand under the list's label, where the
 * names give "verdicts[2]" and the item's field ("person"). */
static void field_lines(const struct field_walk *w, const void *base, const struct cw_field *f,
			int indent)
{
	char buf[4096], label[256];
	const char *value;

	if (w->rec)
		field_label(f, f->type == CW_F_LIST ? 30 : READ_LABEL, label, sizeof label);
	if (f->type == CW_F_LIST) {
		const struct cw_list *l = (const struct cw_list *)((const char *)base + f->offset);

		/* A confidential list of the record's own (a visit's detainees) is marked as a
		 * text is: "detainees met (confidential)" on each of its lines. */
		if (w->rec && !indent && (f->flags & CW_FF_FLAT)) {
			unmet_label(w->rec, f, label, sizeof label);
			confidential_label(w->rec, f->name, label, sizeof label);
		}
		/* A refused visit's access, before its items: "detainee access  recorded at a
		 * visit that did not meet them, not counted". */
		if (w->rec && !indent && (value = uncounted_note(w->rec, f)))
			w->fn(w->ctx, indent, label, value);
		for (size_t i = 0; i < l->n; i++) {
			const void *item = (const char *)l->items + i * f->sub->size;
			char heading[300];

			if (f->flags & CW_FF_FLAT) {
				if (!w->rec)
					field_lines(w, item, &f->sub->fields[0], indent);
				else if ((value = field_value(w->lk, item, &f->sub->fields[0], buf,
							      sizeof buf)))
					w->fn(w->ctx, indent, label, value);
				continue;
			}
			snprintf(heading, sizeof heading, w->rec ? "%s %zu" : "%.40s[%zu]",
				 w->rec ? label : f->name, i + 1);
			w->fn(w->ctx, indent, heading, NULL);
			struct_field_lines(w, item, f->sub, indent + 2);
		}
		return;
	}
	if (!(value = field_value(w->lk, base, f, buf, sizeof buf)))
		return;
	if (!w->rec) {
		w->fn(w->ctx, indent, f->name, value);
		return;
	}
	/* As the record view marks the record's own fields: "notes (confidential)". */
	if (!indent)
		confidential_label(w->rec, f->name, label, sizeof label);
	w->fn(w->ctx, indent, label, value);
}

static void struct_field_lines(const struct field_walk *w, const void *base,
			       const struct cw_schema *s, int indent)
{
	for (size_t i = 0; i < s->nfields; i++)
		field_lines(w, base, &s->fields[i], indent);
}

int cw_record_field_lines(struct cw_store *st, const struct cw_record *rec, cw_line_fn fn,
			  void *ctx, struct cw_error *err)
{
	struct lookup lk = {st, NULL, NULL, 0, err};
	struct field_walk w = {&lk, NULL, fn, ctx};

	struct_field_lines(&w, &rec->u, cw_schema_for_kind(rec->kind), 0);
	return lk.rc;
}

int cw_record_labelled_lines(struct cw_store *st, const struct cw_record *rec, cw_line_fn fn,
			     void *ctx, struct cw_error *err)
{
	struct lookup lk = {st, NULL, NULL, 0, err};
	struct field_walk w = {&lk, rec, fn, ctx};

	struct_field_lines(&w, &rec->u, cw_schema_for_kind(rec->kind), 0);
	return lk.rc;
}

/* ---- two versions, field by field ---------------------------------------------------------- */

struct field_pair {
	char *path, *value;
};

struct field_pairs {
	struct field_pair *items;
	size_t n, cap;
	char heading[4][64]; /* the list items the lines are in, by depth */
	int oom;
};

static struct field_pair *pair_find(const struct field_pairs *p, const char *path)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->items[i].path, path))
			return &p->items[i];
	return NULL;
}

static void pair_line(void *ctx, int indent, const char *name, const char *value)
{
	struct field_pairs *p = ctx;
	size_t depth = (size_t)indent / 2;
	char path[300] = "";
	struct field_pair *have;

	if (p->oom || depth >= sizeof p->heading / sizeof p->heading[0])
		return;
	for (size_t i = 0; i < depth; i++)
		snprintf(path + strlen(path), sizeof path - strlen(path), "%s.", p->heading[i]);
	if (!value) { /* a list item's heading: the fields after it are its own */
		snprintf(p->heading[depth], sizeof p->heading[depth], "%s", name);
		return;
	}
	snprintf(path + strlen(path), sizeof path - strlen(path), "%s", name);
	if ((have = pair_find(p, path))) { /* a list of words: one value */
		size_t len = strlen(have->value) + strlen(value) + 3;
		char *joined = malloc(len);

		if (!joined) {
			p->oom = 1;
			return;
		}
		snprintf(joined, len, "%s; %s", have->value, value);
		free(have->value);
		have->value = joined;
		return;
	}
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		struct field_pair *grown = realloc(p->items, cap * sizeof *grown);

		if (!grown) {
			p->oom = 1;
			return;
		}
		p->items = grown;
		p->cap = cap;
	}
	p->items[p->n].path = strdup(path);
	p->items[p->n].value = strdup(value);
	if (!p->items[p->n].path || !p->items[p->n].value) {
		free(p->items[p->n].path);
		free(p->items[p->n].value);
		p->oom = 1;
		return;
	}
	p->n++;
}

static void pairs_of(struct lookup *lk, const struct cw_record *rec, struct field_pairs *p)
{
	const struct field_walk w = {lk, NULL, pair_line, p};

	memset(p, 0, sizeof *p);
	struct_field_lines(&w, &rec->u, cw_schema_for_kind(rec->kind), 0);
	if (rec->source && *rec->source)
		pair_line(p, 0, "source", rec->source);
}

/* What the header says of what may leave the team and of the other records this one names, as
 * pairs whose paths start with '@' (no field's does; path_label names them): the confidential
 * mark (both ways: the version without it goes to partners), the fields kept confidential, the
 * links to other accounts (one path a relation, its accounts as a list of words) and the record
 * it is placed after, each account told as the record view tells it. */
static void header_pairs_of(struct lookup *lk, const struct cw_record *rec, struct field_pairs *p)
{
	char buf[600], path[32];

	memset(p, 0, sizeof *p);
	pair_line(p, 0, "@confidential",
		  rec->confidential ? _("yes: in no report, export or plain bundle")
				    : _("no: in reports, exports and plain bundles"));
	if (rec->confidential_fields) {
		cw_set_text(&cw_words_confidential_field, rec->confidential_fields, buf,
			    sizeof buf);
		pair_line(p, 0, "@confidential_fields", buf);
	}
	for (size_t i = 0; i < rec->links.n; i++) {
		const struct cw_link *l = (const struct cw_link *)rec->links.items + i;

		snprintf(path, sizeof path, "@link%u", (unsigned)l->relation);
		account_text(lk, &l->record, buf, sizeof buf);
		pair_line(p, 0, path, buf);
	}
	if (!cw_id_is_zero(&rec->after)) {
		account_text(lk, &rec->after, buf, sizeof buf);
		pair_line(p, 0, "@after", buf);
	}
}

static void pairs_free(struct field_pairs *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->items[i].path);
		free(p->items[i].value);
	}
	free(p->items);
}

/* The field of schema s a path's segment names ("charges[2]": "charges"), and whether it is an
 * item of a flat list (people met: the list's one field, named by it). */
static const struct cw_field *segment_field(const struct cw_schema *s, const char *name, size_t len,
					    const struct cw_field **flat)
{
	*flat = NULL;
	for (size_t i = 0; s && i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];

		if (strlen(f->name) == len && !strncmp(f->name, name, len))
			return f;
		if ((f->flags & CW_FF_FLAT) && f->sub && f->sub->nfields &&
		    strlen(f->sub->fields[0].name) == len &&
		    !strncmp(f->sub->fields[0].name, name, len)) {
			*flat = f;
			return f;
		}
	}
	return NULL;
}

/* Who or what a list's item is, as its first field (a defendant's person) or its label (a
 * group of unnamed defendants) gives it; "" when neither does. */
static void item_name(struct lookup *lk, const void *item, const struct cw_schema *sub, char *out,
		      size_t len)
{
	const char *value = NULL;

	out[0] = '\0';
	if (sub->nfields && sub->fields[0].type == CW_F_ID)
		value = field_value(lk, item, &sub->fields[0], out, len);
	for (size_t i = 0; !value && i < sub->nfields; i++)
		if (!strcmp(sub->fields[i].name, "label") && sub->fields[i].type == CW_F_STR)
			value = field_value(lk, item, &sub->fields[i], out, len);
	if (value && value != out)
		snprintf(out, len, "%s", value);
	else if (!value)
		out[0] = '\0';
}

/* A field's path in rec ("defendants[2].charges[1].state") as people read it, with the labels
 * and the item numbers the record view shows, and whom an item is about: "defendants 2, Ny
 * Nak (8829a27e) › charges 1 › state". A segment the schema does not have (the
 * source) is shown by its name. Not yet neutralised. */
static void path_label(struct lookup *lk, const struct cw_record *rec, const char *path, char *out,
		       size_t len)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	const void *base = &rec->u;
	size_t n = 0;

	out[0] = '\0';
	/* The header's (header_pairs_of), labelled as the record view labels them. */
	if (!strcmp(path, "@confidential")) {
		snprintf(out, len, "%s", _("confidential"));
		return;
	}
	if (!strcmp(path, "@confidential_fields")) {
		snprintf(out, len, "%s", _("kept confidential"));
		return;
	}
	if (!strcmp(path, "@after")) {
		snprintf(out, len, "%s", _("placed after"));
		return;
	}
	if (!strncmp(path, "@link", 5)) {
		snprintf(out, len, "%s",
			 cw_enum_label(&cw_words_link, (unsigned)strtoul(path + 5, NULL, 10)));
		return;
	}
	for (const char *p = path; *p && n + 1 < len;) {
		size_t seg = strcspn(p, ".["), index = 0;
		const struct cw_field *f, *flat;
		char label[256], who[300] = "";

		f = segment_field(s, p, seg, &flat);
		if (f)
			field_label(f, 30, label, sizeof label);
		else if (seg == 6 && !strncmp(p, "source", 6))
			snprintf(label, sizeof label, "%s", _("source"));
		else
			snprintf(label, sizeof label, "%.*s", (int)seg, p);
		p += seg;
		if (*p == '[') {
			index = strtoul(p + 1, NULL, 10);
			p += strcspn(p, "]");
			if (*p == ']')
				p++;
		}
		if (*p == '.')
			p++;
		/* Into the item the rest of the path is about. */
		if (f && !flat && f->type == CW_F_LIST && f->sub && base && index) {
			const struct cw_list *l =
				(const struct cw_list *)((const char *)base + f->offset);

			base = index <= l->n ? (const char *)l->items + (index - 1) * f->sub->size
					     : NULL;
			if (base)
				item_name(lk, base, f->sub, who, sizeof who);
		} else {
			base = NULL;
		}
		n += (size_t)snprintf(out + n, len - n, "%s%s", n ? " \u203a " : "", label);
		if (index && n < len)
			n += (size_t)snprintf(out + n, len - n, who[0] ? " %zu, %s" : " %zu", index,
					      who);
		s = f && !flat ? f->sub : NULL;
	}
}

/* The pairs that differ between a's and b's, in b's order, then those only a has. */
static size_t pairs_diff(struct lookup *lk, const struct cw_record *a, const struct cw_record *b,
			 const struct field_pairs *pa, const struct field_pairs *pb, cw_diff_fn fn,
			 void *ctx)
{
	size_t differ = 0;
	char label[400];

	for (size_t i = 0; i < pb->n; i++) {
		const struct field_pair *in_a = pair_find(pa, pb->items[i].path);

		if (!in_a || strcmp(in_a->value, pb->items[i].value) != 0) {
			path_label(lk, b, pb->items[i].path, label, sizeof label);
			fn(ctx, label, in_a ? in_a->value : NULL, pb->items[i].value);
			differ++;
		}
	}
	for (size_t i = 0; i < pa->n; i++)
		if (!pair_find(pb, pa->items[i].path)) {
			path_label(lk, a, pa->items[i].path, label, sizeof label);
			fn(ctx, label, pa->items[i].value, NULL);
			differ++;
		}
	return differ;
}

int cw_record_diff(struct cw_store *st, const struct cw_record *a, const struct cw_record *b,
		   cw_diff_fn fn, void *ctx, size_t *differ, struct cw_error *err)
{
	struct lookup lk = {st, NULL, NULL, 0, err};
	struct field_pairs pa, pb;

	/* The header's first: a screen that shows only the first few differences must not leave
	 * out the one that decides whether the record goes to partners. */
	header_pairs_of(&lk, a, &pa);
	header_pairs_of(&lk, b, &pb);
	*differ = pairs_diff(&lk, a, b, &pa, &pb, fn, ctx);
	pairs_free(&pa);
	pairs_free(&pb);
	pairs_of(&lk, a, &pa);
	pairs_of(&lk, b, &pb);
	*differ += pairs_diff(&lk, a, b, &pa, &pb, fn, ctx);
	pairs_free(&pa);
	pairs_free(&pb);
	return lk.rc;
}

/* ---- a record for reading ----------------------------------------------------------------- */

struct reading {
	struct lookup *lk;
	int cols;
	cw_read_fn fn;
	void *ctx;
	const struct cw_record *rec; /* the record read: its links told by cw_record_account_text */
	size_t next_link;            /* the provenance's next link, in the record's order */
};

/* A field's label: a short one of our own where the field's help reads badly as a label, else
 * the help when it has at most `most` characters, else the field's name in words. */
static void field_label(const struct cw_field *f, size_t most, char *buf, size_t len)
{
	static const struct {
		const char *name, *label;
	} own[] = {
		{"as_of", N_("known as of")},
		{"follow_up_on", N_("follow-up due")},
		{"facilities", N_("prisons visited")},
		{"label", N_("who they are")},
		{"time", N_("time")},
		{"answer", N_("answer")},
		{"relation", N_("relation")},
		{"detail", N_("detail")},
	};
	char name[128];

	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (!strcmp(f->name, own[i].name)) {
			snprintf(buf, len, "%s", _(own[i].label));
			return;
		}
	/* Measured in the language shown: a Khmer help takes 3 bytes a letter. */
	if (f->help && (size_t)cw_text_width(_(f->help)) <= most) {
		snprintf(buf, len, "%s", _(f->help));
		return;
	}
	/* The field's name in words, as forms show it (tui/form.c lists them for the catalogue). */
	snprintf(name, sizeof name, "%s", f->name);
	for (char *p = name; *p; p++)
		if (*p == '_')
			*p = ' ';
	snprintf(buf, len, "%s", _(name));
}

/* label, then the value wrapped into the columns after it (under the value, not the label). */
static void read_value(struct reading *r, int indent, const char *label, const char *value)
{
	int width = r->cols - indent - READ_LABEL - 1;
	const char *p = value;
	char line[4200];
	int first = 1;

	if (width < 12)
		width = 12; /* a very narrow screen: the lines are cut where they end */
	/* A label wider than its column has a line of its own, the value under it where values
	 * stand: cut, "participants at leas" read as a word missing (a trial of the interface). */
	if (cw_text_width(label) > READ_LABEL) {
		snprintf(line, sizeof line, "%*s%s", indent, "", label);
		r->fn(r->ctx, 0, line);
		first = 0;
	}
	do {
		size_t n = cw_text_wrap(p, width), show = n;

		while (show && (p[show - 1] == '\n' || p[show - 1] == ' '))
			show--;
		if (!first || (size_t)cw_text_width(label) == strlen(label)) {
			snprintf(line, sizeof line, "%*s%-*.*s %.*s", indent, "", READ_LABEL,
				 READ_LABEL, first ? label : "", (int)show, p);
		} else {
			/* A label in Khmer (or any letter of more than one byte) is padded and cut
			 * by display columns, so the values line up under each other. */
			char fit[READ_LABEL * 12 + 16];

			cw_text_fit(label, READ_LABEL, 1, fit, sizeof fit);
			snprintf(line, sizeof line, "%*s%s %.*s", indent, "", fit, (int)show, p);
		}
		r->fn(r->ctx, 0, line);
		first = 0;
		p += n;
	} while (*p);
}

/* A text of its own (notes), wrapped to the whole width under its heading. */
static void read_text(struct reading *r, int indent, const char *text)
{
	int width = r->cols - indent > 12 ? r->cols - indent : 12;
	char line[4200];

	for (const char *p = text; *p;) {
		size_t n = cw_text_wrap(p, width), show = n;

		while (show && (p[show - 1] == '\n' || p[show - 1] == ' '))
			show--;
		snprintf(line, sizeof line, "%*s%.*s", indent, "", (int)show, p);
		r->fn(r->ctx, 0, line);
		p += n;
	}
}

static int is_text_of_its_own(const struct cw_field *f)
{
	return f->type == CW_F_STR && (f->flags & CW_FF_MULTILINE);
}

static void read_struct(struct reading *r, const void *base, const struct cw_schema *s, int indent);

/* A list's items: a flat list (people met) one line each, else each item numbered with its
 * fields under it. */
static void read_list(struct reading *r, const void *base, const struct cw_field *f, int indent)
{
	const struct cw_list *l = (const struct cw_list *)((const char *)base + f->offset);
	char buf[4096], label[256];
	const char *value;

	for (size_t i = 0; i < l->n; i++) {
		const void *item = (const char *)l->items + i * f->sub->size;

		if (f->flags & CW_FF_FLAT) {
			if ((value = field_value(r->lk, item, &f->sub->fields[0], buf,
						 sizeof buf))) {
				snprintf(label, sizeof label, "%zu.", i + 1);
				read_value(r, indent, label, value);
			}
			continue;
		}
		snprintf(label, sizeof label, "%*s%zu.", indent, "", i + 1);
		r->fn(r->ctx, 0, label);
		read_struct(r, item, f->sub, indent + 2);
	}
}

/* A struct's fields with values, labelled; a list inside it under its own label. */
static void read_struct(struct reading *r, const void *base, const struct cw_schema *s, int indent)
{
	char buf[4096], label[256], line[512];
	const char *value;

	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];

		field_label(f, f->type == CW_F_LIST ? 30 : READ_LABEL, label, sizeof label);
		if (f->type == CW_F_LIST) {
			if (((const struct cw_list *)((const char *)base + f->offset))->n) {
				snprintf(line, sizeof line, "%*s%s", indent, "", label);
				r->fn(r->ctx, 0, line);
				read_list(r, base, f, indent + 2);
			}
		} else if ((value = field_value(r->lk, base, f, buf, sizeof buf))) {
			read_value(r, indent, label, value);
		}
	}
}

static void read_pair(void *ctx, const char *label, const char *value)
{
	struct reading *r = ctx;
	char other[600];

	/* A link: the provenance gives 8 hex digits, which tell a reader nothing; the account it
	 * names is told by its kind, date, account and case or place. */
	if (r->rec && r->next_link < r->rec->links.n) {
		const struct cw_link *l =
			(const struct cw_link *)r->rec->links.items + r->next_link;
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(&l->record, hex);
		if (!strcmp(label, cw_enum_label(&cw_words_link, l->relation)) &&
		    !strncmp(value, hex, 8)) {
			r->next_link++;
			account_text(r->lk, &l->record, other, sizeof other);
			value = other;
		}
	}
	read_value(r, 2, _(label), value); /* the provenance's labels are msgids */
}

int cw_record_linked_from(struct cw_store *st, const struct cw_id *id, cw_linked_fn fn, void *ctx,
			  struct cw_error *err)
{
	struct cw_reader *rd;
	struct cw_id *ids = NULL;
	uint8_t *relation = NULL;
	size_t n = 0, kept = 0;
	int rc;

	if ((rc = cw_store_reader_begin(st, &rd, err)) != 0)
		return rc;
	if ((rc = cw_reader_linking(rd, id, &ids, &n, err)) == 0 && n && !(relation = calloc(n, 1)))
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct cw_record from;
		int got = cw_reader_get(rd, &ids[i], &from, err);

		/* One gone since it was indexed links to nothing; one that cannot be read is
		 * said, never left out as if it linked to nothing. */
		if (got == CW_ENOTFOUND)
			continue;
		if ((rc = got) != 0)
			break;
		for (size_t k = 0; k < from.links.n; k++) {
			const struct cw_link *l = (const struct cw_link *)from.links.items + k;

			if (cw_id_equal(&l->record, id)) {
				ids[kept] = ids[i];
				relation[kept++] = l->relation;
				break;
			}
		}
		cw_record_free(&from);
	}
	cw_reader_end(rd);
	for (size_t i = 0; rc == 0 && i < kept; i++)
		fn(ctx, relation[i], &ids[i]);
	free(relation);
	free(ids);
	return rc;
}

/* What a record that links to another says of it, seen from the other: "same event as",
 * "disputed by" (translated). */
const char *cw_record_linked_label(uint8_t relation)
{
	return relation == CW_LINK_DISPUTES     ? _("disputed by")
	       : relation == CW_LINK_SAME_EVENT ? _(cw_enum_label(&cw_words_link, relation))
						: _("linked from");
}

static void read_one_linked(void *ctx, uint8_t relation, const struct cw_id *from)
{
	struct reading *r = ctx;
	char other[600];

	account_text(r->lk, from, other, sizeof other);
	read_value(r, 2, cw_record_linked_label(relation), other);
}

/* The accounts that link to the record read: told as its own links are, so the UN's account
 * of a hearing says that the team's account of it exists, not only the team's that the UN's
 * does (a trial's link was seen from one side only). */
static void read_linked_from(struct reading *r)
{
	struct cw_error e;
	int rc;

	if (!r->lk->st || r->lk->rc)
		return;
	if ((rc = cw_record_linked_from(r->lk->st, &r->rec->id, read_one_linked, r, &e)) != 0) {
		r->lk->rc = rc;
		if (r->lk->err)
			*r->lk->err = e;
	}
}

/* A confidential field's label says so: "notes (confidential)". */
/* A visit refused access lists the detainees the team asked to see (cw_visit_met_no_one): its
 * list is not called "detainees met", as the report's row calls it "not met". */
static void unmet_label(const struct cw_record *rec, const struct cw_field *f, char *label,
			size_t len)
{
	if (rec->kind == CW_KIND_VISIT && !strcmp(f->name, "detainees") &&
	    cw_visit_met_no_one(&rec->u.visit))
		/* TRANSLATORS: the label of a prison visit's list of detainees where the visit was
		 * refused access (show, the record view), for "detainees met" */
		snprintf(label, len, "%s", _("detainees not met (access denied)"));
}

static void confidential_label(const struct cw_record *rec, const char *field, char *label,
			       size_t len)
{
	size_t n = strlen(label);

	if (cw_record_field_is_confidential(rec, field) && n < len)
		snprintf(label + n, len - n, " %s", _("(confidential)"));
}

int cw_record_reading(struct cw_store *st, const struct cw_record *rec, int cols, cw_read_fn fn,
		      void *ctx, struct cw_error *err)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	struct lookup lk = {st, NULL, NULL, 0, err};
	struct reading r = {&lk, cols, fn, ctx, rec, 0};
	char buf[4096], label[256], heading[400];
	const char *kind = cw_kind_text(rec->kind), *value;

	/* The record's own fields, under its kind. */
	snprintf(heading, sizeof heading, "%c%s", kind[0] - 32 * (kind[0] >= 'a' && kind[0] <= 'z'),
		 kind + 1);
	fn(ctx, 1, heading);
	if (rec->confidential)
		fn(ctx, 0, _("  CONFIDENTIAL: in no report, export or plain bundle"));
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];

		if (f->type == CW_F_LIST || is_text_of_its_own(f) ||
		    !(value = field_value(&lk, &rec->u, f, buf, sizeof buf)))
			continue;
		field_label(f, READ_LABEL, label, sizeof label);
		confidential_label(rec, f->name, label, sizeof label);
		read_value(&r, 2, label, value);
	}
	/* Each list with items, then each text of its own, under its label. */
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		const struct cw_list *l =
			(const struct cw_list *)((const char *)&rec->u + f->offset);

		if (f->type != CW_F_LIST || !l->n)
			continue;
		field_label(f, 30, label, sizeof label);
		unmet_label(rec, f, label, sizeof label);
		confidential_label(rec, f->name, label, sizeof label);
		snprintf(heading, sizeof heading, "%c%s (%zu)",
			 label[0] - 32 * (label[0] >= 'a' && label[0] <= 'z'), label + 1, l->n);
		fn(ctx, 1, heading);
		if ((value = uncounted_note(rec, f)))
			read_text(&r, 2, value);
		read_list(&r, &rec->u, f, 2);
	}
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];

		if (!is_text_of_its_own(f) ||
		    !(value = field_value(&lk, &rec->u, f, buf, sizeof buf)))
			continue;
		field_label(f, 30, label, sizeof label);
		confidential_label(rec, f->name, label, sizeof label);
		snprintf(heading, sizeof heading, "%c%s",
			 label[0] - 32 * (label[0] >= 'a' && label[0] <= 'z'), label + 1);
		fn(ctx, 1, heading);
		read_text(&r, 2, value);
	}
	fn(ctx, 1, _("Source and history"));
	cw_record_provenance(rec, read_pair, &r);
	read_linked_from(&r);
	return lk.rc;
}

int cw_case_group_detention(struct cw_store *st, const struct cw_record *kase, struct cw_date today,
			    cw_group_detention_fn fn, void *ctx, struct cw_error *err)
{
	const struct cw_list *defs = &kase->u.kase.defendants;
	struct cw_record_list l;
	struct cw_reader *rd;
	size_t groups = 0;
	int rc;

	if (kase->kind != CW_KIND_CASE)
		return 0;
	for (size_t i = 0; i < defs->n; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)defs->items + i;

		groups += cw_id_is_zero(&d->person) && d->label && *d->label;
	}
	if (!groups)
		return 0;
	if ((rc = cw_store_reader_begin(st, &rd, err)) != 0)
		return rc;
	rc = cw_reader_case_records(rd, &kase->id,
				    CW_KIND_BIT(CW_KIND_MILESTONE) | CW_KIND_BIT(CW_KIND_HEARING),
				    &l, err);
	cw_reader_end(rd);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < defs->n; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)defs->items + i;
		struct cw_timeline_summary sum;
		char who[600], days[CW_PRETRIAL_TEXT_MAX];
		int64_t count;

		/* Each group once, by the case's last entry for it (as the summary reads it). */
		if (!cw_id_is_zero(&d->person) || !d->label || !*d->label ||
		    cw_timeline_group_defendant(kase, d->label) != d)
			continue;
		cw_timeline_summarise_group(kase, d->label, l.items, l.n, today, &sum, &count);
		cw_pretrial_text(&sum, days, sizeof days);
		if (!days[0])
			continue;
		cw_group_text(d->label, count > 0 ? count : d->unnamed_count, who, sizeof who);
		fn(ctx, who, days);
	}
	cw_record_list_free(&l);
	return 0;
}
