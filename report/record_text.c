/* record_text.c - what people read of a record: list columns and field lines; see
 * record_text.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/format.h"
#include "models/text.h"
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

static void summarise(struct cw_store *st, const struct cw_record *r,
		      struct cw_record_summary *out);

void cw_record_summarise(struct cw_store *st, const struct cw_record *r,
			 struct cw_record_summary *out)
{
	summarise(st, r, out);
	mark_links(r, out);
}

static void summarise(struct cw_store *st, const struct cw_record *r, struct cw_record_summary *out)
{
	const struct cw_id *cid = r->kind == CW_KIND_HEARING     ? &r->u.hearing.case_id
				  : r->kind == CW_KIND_MILESTONE ? &r->u.milestone.case_id
				  : r->kind == CW_KIND_INCIDENT  ? &r->u.incident.case_id
								 : NULL;
	struct cw_record other;

	memset(out, 0, sizeof *out);
	if (cid && !cw_id_is_zero(cid)) {
		/* A case deleted (on another laptop) while this record named it is gone: only
		 * its id is left, and the record keeps its own fields. */
		if (cw_store_get(st, cid, &other, NULL) == 0) {
			PUT(who, "%s", other.u.kase.title ? other.u.kase.title : "");
			PUT(where, "%s", other.u.kase.court ? other.u.kase.court : "");
			cw_case_articles_text(&other, NULL, out->articles, sizeof out->articles);
			cw_record_free(&other);
		} else {
			PUT(who, "(deleted case)");
		}
	}
	switch (r->kind) {
	case CW_KIND_PERSON:
		PUT(who, "%s", r->u.person.name ? r->u.person.name : "");
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

			cw_tally_text(&h->tally, h->tally.count == 1 ? "hearing" : "hearings", t,
				      sizeof t);
			PUT(what, "%s", t);
		} else if (h->outcome == CW_OUTCOME_BAIL_DECISION &&
			   h->bail > CW_BAIL_NOT_REQUESTED)
			PUT(what, "bail %s", cw_enum_label(&cw_words_bail, h->bail));
		else if (h->sentence_parts.n) {
			char parts[200];

			cw_sentence_text(&h->sentence_parts, parts, sizeof parts);
			PUT(what, "%s: %s",
			    h->outcome ? cw_enum_label(&cw_words_outcome, h->outcome) : "sentence",
			    parts);
		} else
			PUT(what, "%s%s%s",
			    h->outcome ? cw_enum_label(&cw_words_outcome, h->outcome) : "",
			    h->sentence ? ": " : "", h->sentence ? h->sentence : "");
		break;
	}
	case CW_KIND_MILESTONE: {
		const struct cw_milestone *m = &r->u.milestone;

		if (m->group) { /* a group of the case's unnamed defendants: by name and number */
			if (m->count > 0)
				PUT(who, "%lld %s", (long long)m->count, m->group);
			else
				PUT(who, "%s", m->group);
		} else if (cw_store_get(st, &m->person, &other, NULL) == 0) {
			PUT(who, "%s", cw_record_label(&other));
			cw_record_free(&other);
		} else {
			PUT(who, "(deleted person)");
		}
		if (m->court)
			PUT(where, "%s", m->court);
		/* "bail refused": a refused bail is not a release, and the line must say so. */
		if (!m->detail && m->sentence_parts.n) {
			char parts[200];

			cw_sentence_text(&m->sentence_parts, parts, sizeof parts);
			PUT(what, "%s: %s", cw_enum_label(&cw_words_milestone, m->type), parts);
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
			char noun[64];

			snprintf(noun, sizeof noun, "%s to %lld prison%s",
				 v->tally.count == 1 ? "visit" : "visits", (long long)v->facilities,
				 v->facilities == 1 ? "" : "s");
			cw_tally_text(&v->tally, noun, t, sizeof t);
		} else {
			cw_tally_text(&v->tally, v->tally.count == 1 ? "visit" : "visits", t,
				      sizeof t);
		}
		PUT(what, "%s%saccess %s", t, t[0] ? "; " : "",
		    v->access ? cw_enum_label(&cw_words_access, v->access) : "unknown");
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
				      r->u.demo.tally.count == 1 ? "demonstration"
								 : "demonstrations",
				      t, sizeof t);
			PUT(what, "%s", t);
		} else if (r->u.demo.participants >= 0) {
			PUT(what, "%lld participants", (long long)r->u.demo.participants);
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

static void struct_field_lines(struct cw_store *st, const void *base, const struct cw_schema *s,
			       int indent, cw_line_fn fn, void *ctx);

static void field_lines(struct cw_store *st, const void *base, const struct cw_field *f, int indent,
			cw_line_fn fn, void *ctx)
{
	const char *p = (const char *)base + f->offset;
	char buf[1200] = "";

	switch (f->type) {
	case CW_F_STR:
		if (*(char *const *)p)
			fn(ctx, indent, f->name, *(char *const *)p);
		return;
	case CW_F_ID: {
		const struct cw_id *id = (const struct cw_id *)p;
		char hex[CW_ID_HEX_LEN + 1];
		struct cw_record r;
		int rc = 0;

		if (cw_id_is_zero(id))
			return;
		cw_id_hex(id, hex);
		if (st && (rc = cw_store_get(st, id, &r, NULL)) == 0) {
			snprintf(buf, sizeof buf, "%s (%.8s)", cw_record_label(&r), hex);
			cw_record_free(&r);
		} else if (st && rc == CW_ENOTFOUND && f->ref_kind) {
			/* Deleted (perhaps on another laptop) while this record named it. */
			snprintf(buf, sizeof buf, "(deleted %s %.8s)", cw_kind_name(f->ref_kind),
				 hex);
		} else {
			snprintf(buf, sizeof buf, "(%.8s)", hex);
		}
		break;
	}
	case CW_F_LIST: {
		const struct cw_list *l = (const struct cw_list *)p;

		for (size_t i = 0; i < l->n; i++) {
			const void *item = (const char *)l->items + i * f->sub->size;
			char heading[64];

			if (f->flags & CW_FF_FLAT) {
				field_lines(st, item, &f->sub->fields[0], indent, fn, ctx);
				continue;
			}
			snprintf(heading, sizeof heading, "%.40s[%zu]", f->name, i + 1);
			fn(ctx, indent, heading, NULL);
			struct_field_lines(st, item, f->sub, indent + 2, fn, ctx);
		}
		return;
	}
	default:
		cw_field_value_text(base, f, buf, sizeof buf);
		break;
	}
	if (buf[0])
		fn(ctx, indent, f->name, buf);
}

static void struct_field_lines(struct cw_store *st, const void *base, const struct cw_schema *s,
			       int indent, cw_line_fn fn, void *ctx)
{
	for (size_t i = 0; i < s->nfields; i++)
		field_lines(st, base, &s->fields[i], indent, fn, ctx);
}

void cw_record_field_lines(struct cw_store *st, const struct cw_record *rec, cw_line_fn fn,
			   void *ctx)
{
	struct_field_lines(st, &rec->u, cw_schema_for_kind(rec->kind), 0, fn, ctx);
}
