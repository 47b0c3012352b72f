/* confidential.c - leaving confidential material out of what is written; see confidential.h. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/confidential.h"
#include "models/idmap.h"
#include "models/i18n.h"
#include "models/utf8.h"
#include "report/confidential.h"
#include "store/sync.h"

/* Counts a record once: a hearing can be in the period and among the upcoming ones. The
 * records counted are few (those marked), so a linear look is enough. */
static int count_once(struct cw_withheld *w, const struct cw_id *id, size_t *counter)
{
	for (size_t i = 0; i < w->n; i++)
		if (cw_id_equal(&w->ids[i], id))
			return 0;
	if (w->n == w->cap) {
		size_t cap = w->cap ? 2 * w->cap : 16;
		struct cw_id *ids = realloc(w->ids, cap * sizeof *ids);

		if (!ids)
			return CW_ENOMEM;
		w->ids = ids;
		w->cap = cap;
	}
	w->ids[w->n++] = *id;
	(*counter)++;
	return 0;
}

int cw_withheld_count(struct cw_withheld *w, const struct cw_id *id)
{
	if (w->leave_out && cw_withheld_as_shown(w))
		return 0;
	return count_once(w, id, w->leave_out ? &w->records : &w->shown);
}

static int id_order(const void *a, const void *b)
{
	return memcmp(a, b, sizeof(struct cw_id));
}

int cw_withheld_load(struct cw_withheld *w, struct cw_store *st, struct cw_error *err)
{
	struct cw_conflict *c = NULL;
	size_t n = 0;
	int rc;

	if (!w->leave_out)
		return 0;
	if ((rc = cw_sync_conflicts(st, &c, &n, err)) != 0)
		return rc;
	if (n && !(w->conflicted = calloc(n, sizeof *w->conflicted))) {
		cw_sync_conflicts_free(c, n);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		int any = 0;

		for (size_t k = 0; k < c[i].n && !any; k++)
			any = cw_record_has_confidential(&c[i].versions[k].rec);
		if (any)
			w->conflicted[w->nconflicted++] = c[i].id;
	}
	cw_sync_conflicts_free(c, n);
	if (w->nconflicted > 1)
		qsort(w->conflicted, w->nconflicted, sizeof *w->conflicted, id_order);
	return 0;
}

/* Whether what is written for others takes rec as confidential as a whole: it is, or one of its
 * concurrent versions holds confidential material (cw_withheld_load). */
static int withheld_whole(const struct cw_withheld *w, const struct cw_record *rec)
{
	return rec->confidential ||
	       (w->nconflicted && bsearch(&rec->id, w->conflicted, w->nconflicted,
					  sizeof *w->conflicted, id_order) != NULL);
}

int cw_withheld_leaves_out(const struct cw_withheld *w, const struct cw_record *rec)
{
	return w->leave_out && withheld_whole(w, rec);
}

void cw_withheld_by_text(struct cw_withheld *w, const struct cw_filter *f)
{
	w->by_text = w->leave_out && f->text[0];
	w->by_article = w->leave_out && f->narticles > 0;
	w->by_person = w->leave_out && f->person[0];
}

int cw_withheld_as_shown(const struct cw_withheld *w)
{
	return w->by_text || w->by_article;
}

int cw_withheld_mark(struct cw_withheld *w, struct cw_record_list *l, unsigned char *drop,
		     int count)
{
	int rc = 0;

	for (size_t i = 0; i < l->n && rc == 0; i++) {
		struct cw_record *rec = &l->items[i];
		size_t fields = 0;

		drop[i] = 0;
		if (!cw_record_has_confidential(rec) && !cw_withheld_leaves_out(w, rec))
			continue;
		if (!w->leave_out) {
			if (count)
				rc = count_once(w, &rec->id, &w->shown);
			continue;
		}
		if (cw_withheld_leaves_out(w, rec)) {
			drop[i] = 1;
			if (count && !cw_withheld_as_shown(w))
				rc = count_once(w, &rec->id, &w->records);
			continue;
		}
		/* Found for a person it names only in what is withheld: as if not found, so
		 * neither listed nor counted (by_person). */
		if (w->by_person && cw_record_people_confidential(rec)) {
			drop[i] = 1;
			continue;
		}
		/* Found by free text, a record's fields count once the text finds it as it reads
		 * (cw_withheld_match_text). */
		if ((rc = cw_record_withhold_fields(rec, &fields)) == 0 && count &&
		    !cw_withheld_as_shown(w))
			w->fields += fields;
	}
	return rc;
}

/* Appends the non-zero ids of n items of `size` bytes whose id lies at `at`. */
static int ids_add(struct cw_id **ids, size_t *n, size_t *cap, const void *items, size_t count,
		   size_t size, size_t at)
{
	for (size_t i = 0; i < count; i++) {
		const struct cw_id *id =
			(const struct cw_id *)((const char *)items + i * size + at);

		if (cw_id_is_zero(id))
			continue;
		if (*n == *cap) {
			size_t grown = *cap ? 2 * *cap : 8;
			struct cw_id *more = realloc(*ids, grown * sizeof *more);

			if (!more)
				return CW_ENOMEM;
			*ids = more;
			*cap = grown;
		}
		(*ids)[(*n)++] = *id;
	}
	return 0;
}

#define IDS_OF(list, type, member)                                                                 \
	ids_add(ids, n, &cap, (list).items, (list).n, sizeof(type), offsetof(type, member))

const struct cw_id *cw_withheld_case_of(const struct cw_record *rec)
{
	const struct cw_id *cid = rec->kind == CW_KIND_HEARING     ? &rec->u.hearing.case_id
				  : rec->kind == CW_KIND_MILESTONE ? &rec->u.milestone.case_id
				  : rec->kind == CW_KIND_INCIDENT  ? &rec->u.incident.case_id
								   : NULL;

	return cid && !cw_id_is_zero(cid) ? cid : NULL;
}

int cw_withheld_people_named(const struct cw_record *rec, const struct cw_record *kase,
			     struct cw_id **ids, size_t *n)
{
	size_t cap = 0;
	int rc = 0;

	*ids = NULL;
	*n = 0;
	if (rec->kind == CW_KIND_CASE)
		kase = rec;
	else if (!cw_withheld_case_of(rec) || (kase && kase->kind != CW_KIND_CASE))
		kase = NULL;
	if (kase)
		rc = IDS_OF(kase->u.kase.defendants, struct cw_defendant, person);
	/* A sentence's parts name whom they are for too (a row lists them): not read, such a
	 * person was "(deleted person …)" in the report. */
	if (rc == 0 && rec->kind == CW_KIND_HEARING &&
	    (rc = IDS_OF(rec->u.hearing.verdicts, struct cw_verdict, person)) == 0 &&
	    (rc = IDS_OF(rec->u.hearing.attendance, struct cw_attendance, person)) == 0)
		rc = IDS_OF(rec->u.hearing.sentence_parts, struct cw_sentence_part, person);
	if (rc == 0 && rec->kind == CW_KIND_MILESTONE &&
	    (rc = ids_add(ids, n, &cap, &rec->u.milestone.person, 1, sizeof(struct cw_id), 0)) == 0)
		rc = IDS_OF(rec->u.milestone.sentence_parts, struct cw_sentence_part, person);
	if (rc == 0 && rec->kind == CW_KIND_VISIT)
		rc = IDS_OF(rec->u.visit.detainees, struct cw_person_ref, person);
	if (rc == 0 && rec->kind == CW_KIND_DEMO)
		rc = IDS_OF(rec->u.demo.arrested, struct cw_person_ref, person);
	if (rc == 0 && rec->kind == CW_KIND_INCIDENT)
		rc = IDS_OF(rec->u.incident.persons, struct cw_person_ref, person);
	if (rc != 0) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

int cw_withheld_gives_id(const struct cw_withheld *w, const struct cw_record *named)
{
	if (!w->leave_out || !named)
		return 1;
	return !withheld_whole(w, named) && !cw_record_named_withheld(named);
}

/* Whether a record l's records name may keep its id: one l holds (sifted already: held, the
 * ids of l's records), or one the store holds that is not confidential. One not held here is
 * not known to be shown: 0. One that cannot be read is an error, kept in *rc and err: taken for
 * confidential, it would leave a link out without a word; taken for shown, it would give away
 * the id of one that may be. Once *rc is set the store is not read again: only the ids l holds
 * are kept. */
static int may_name(struct cw_store *st, const struct cw_idmap *held, const struct cw_id *id,
		    int *rc, struct cw_error *err)
{
	struct cw_record other;
	struct cw_error e;
	int got, shown;

	if (cw_idmap_get(held, id, NULL))
		return 1;
	if (*rc != 0)
		return 0;
	if ((got = cw_store_get(st, id, &other, &e)) != 0) {
		if (got != CW_ENOTFOUND) {
			*rc = got;
			if (err)
				*err = e;
		}
		return 0;
	}
	shown = !other.confidential;
	cw_record_free(&other);
	return shown;
}

int cw_withheld_links(const struct cw_withheld *w, struct cw_store *st, struct cw_record_list *l,
		      struct cw_error *err)
{
	struct cw_idmap held = {0};
	int rc = 0;

	if (!w->leave_out)
		return 0;
	/* The ids l holds, looked up once each (looking for each link's among all of l's
	 * records was O(links x records)). Without memory for them, none is known to be held:
	 * every link goes, and the error is returned. */
	for (size_t i = 0; rc == 0 && i < l->n; i++)
		if (cw_idmap_put(&held, &l->items[i].id, i, NULL) < 0) {
			cw_idmap_free(&held);
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
	/* Even past an error every record is gone through: what l holds then names nothing
	 * unsure, whatever a caller does with it. */
	for (size_t i = 0; i < l->n; i++) {
		struct cw_link *links = l->items[i].links.items;
		size_t kept = 0;

		for (size_t k = 0; k < l->items[i].links.n; k++)
			if (may_name(st, &held, &links[k].record, &rc, err))
				links[kept++] = links[k];
		l->items[i].links.n = kept;
		if (!cw_id_is_zero(&l->items[i].after) &&
		    !may_name(st, &held, &l->items[i].after, &rc, err))
			memset(&l->items[i].after, 0, sizeof l->items[i].after);
	}
	cw_idmap_free(&held);
	return rc;
}

int cw_withheld_sift(struct cw_withheld *w, struct cw_record_list *l, int count)
{
	unsigned char *drop;
	size_t kept = 0;
	int rc;

	if (!l->n)
		return 0;
	if (!(drop = calloc(l->n, 1)))
		return CW_ENOMEM;
	rc = cw_withheld_mark(w, l, drop, count);
	for (size_t i = 0; i < l->n; i++) {
		if (drop[i])
			cw_record_free(&l->items[i]);
		else
			l->items[kept++] = l->items[i];
	}
	l->n = kept;
	free(drop);
	return rc;
}

int cw_withheld_named(const struct cw_withheld *w, struct cw_record *rec)
{
	if (!w->leave_out || (!cw_record_has_confidential(rec) && !withheld_whole(w, rec)))
		return 0;
	return withheld_whole(w, rec) ? cw_record_withhold_all(rec)
				      : cw_record_withhold_fields(rec, NULL);
}

static void withheld_note(const struct cw_withheld *w, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	if (!w->leave_out && !w->shown) {
		snprintf(buf, len, "%s",
			 _("Confidential material included on request (--include-confidential): "
			   "this holds none"));
		return;
	}
	if (!w->leave_out) {
		snprintf(buf, len,
			 P_("CONFIDENTIAL: this holds %zu record with confidential material "
			    "(--include-confidential); keep it within the team",
			    "CONFIDENTIAL: this holds %zu records with confidential material "
			    "(--include-confidential); keep it within the team",
			    w->shown),
			 w->shown);
		return;
	}
	if (w->records && w->rows_only)
		n += (size_t)snprintf(buf, len,
				      P_("%zu confidential record is left out",
					 "%zu confidential records are left out", w->records),
				      w->records);
	else if (w->records)
		n += (size_t)snprintf(buf, len,
				      P_("%zu confidential record is not shown, and the "
					 "figures leave it out",
					 "%zu confidential records are not shown, and the "
					 "figures leave them out",
					 w->records),
				      w->records);
	if (w->fields && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s", n ? "; " : "");
	if (w->fields && n < len)
		n += (size_t)snprintf(buf + n, len - n,
				      P_("%zu confidential field is withheld (shown as "
					 "[confidential])",
					 "%zu confidential fields are withheld (shown as "
					 "[confidential])",
					 w->fields),
				      w->fields);
	/* The figures may be lower than the records' then: said, never silent. */
	if (w->by_text && w->by_article && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "; " : "",
				      _("the free text and the articles are looked for only in "
					"what is shown here: whatever is confidential is neither "
					"searched nor counted"));
	else if (w->by_text && n < len)
		n += (size_t)snprintf(
			buf + n, len - n, "%s%s", n ? "; " : "",
			_("the free text is looked for only in what is shown here: "
			  "whatever is confidential is neither searched nor counted"));
	else if (w->by_article && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "; " : "",
				      _("the articles are looked for only in what is shown here (a "
					"case's charges where the case is shown): whatever is "
					"confidential is neither searched nor counted"));
	/* Said whenever a person is asked for, found or not: said only when a record was left
	 * out, it would say that one names them in what is withheld. */
	if (w->by_person && n < len)
		snprintf(buf + n, len - n, "%s%s", n ? "; " : "",
			 _("a record that names the person only in a confidential field (a prison "
			   "visit's detainees) is neither shown nor counted"));
}

void cw_withheld_note(const struct cw_withheld *w, char *buf, size_t len)
{
	withheld_note(w, buf, len);
	cw_text_trim_utf8(buf); /* a smaller buffer's cut falls between characters */
}

void cw_withheld_free(struct cw_withheld *w)
{
	free(w->ids);
	w->ids = NULL;
	w->n = w->cap = 0;
	free(w->conflicted);
	w->conflicted = NULL;
	w->nconflicted = 0;
}

int cw_withheld_text_matcher(struct cw_reader *rd, struct cw_withheld *w, const struct cw_filter *f,
			     struct cw_matcher **out, struct cw_error *err)
{
	int rc;

	*out = NULL;
	cw_withheld_by_text(w, f);
	if (!w->leave_out || !cw_withheld_as_shown(w))
		return 0;
	if ((rc = cw_reader_matcher_as_shown(rd, f, UINT32_MAX, out, err)) == 0 &&
	    (rc = cw_matcher_withhold(*out, w->conflicted, w->nconflicted, err)) != 0) {
		cw_matcher_free(*out);
		*out = NULL;
	}
	return rc;
}

int cw_withheld_match_text(struct cw_matcher *m, struct cw_withheld *w, struct cw_record_list *l,
			   int count, struct cw_error *err)
{
	size_t kept = 0;
	int rc = 0;

	if (!m)
		return 0;
	for (size_t j = 0; j < l->n; j++) {
		int match = 1;

		if (rc == 0)
			rc = cw_matcher_test(m, &l->items[j], &match, err);
		if (rc == 0 && !match && count && cw_withheld_count(w, &l->items[j].id) != 0)
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		if (rc == 0 && match && count && cw_withheld_as_shown(w))
			w->fields += cw_record_withheld_fields(&l->items[j]);
		if (match || rc != 0)
			l->items[kept++] = l->items[j];
		else
			cw_record_free(&l->items[j]);
	}
	l->n = kept;
	return rc;
}
