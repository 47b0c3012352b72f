/* undo.c - taking back the last change made on this laptop; see "undo" in store.h.
 *
 * A front end's action runs with a journal (cw_store_write_undoable): cw_txn_put and
 * cw_txn_delete_into note each record before the action first changes it, with its stored
 * value, and before the commit the journal becomes the note:
 *
 *   undo: "last" -> 'N' flags(1) count(4) about(4) merged_into(16), then for each record in
 *                   the order changed: state(1) kind(1) id(16) length(4) value before
 *
 * sealed like a record (flags: 1 it holds a deleted record's content, 2 a merge, 4 it holds a
 * version an edit replaced). Notes written before this format are one record: action(1) id(16)
 * and an edit's version before; a deletion's held nothing. Any other write that changes records
 * forgets the note, so what is noted is always the last change. A note that held deleted or
 * replaced content is wiped where it lies when it is replaced or forgotten, and the commit then
 * clears the free space (scrub.c), as after the deletion itself: that also clears the pages the
 * edit's own commit freed, which held the version it replaced (a name pseudonymised, a note
 * taken back), so that after the next change nothing of it is left in the file. An undo takes
 * the records back in the reverse order (what names a record goes before it), as changes
 * stamped here, which travel like any other. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "models/codec.h"
#include "models/i18n.h"
#include "models/text.h"
#include "models/utf8.h"
#include "store/store_internal.h"

#define UNDO_KEY "last"

enum { UNDO_ADDED = 'a', UNDO_EDITED = 'e', UNDO_DELETED = 'd', NOTE_FORMAT = 'N' };
enum { HOLDS_DELETED = 1, MERGE = 2, HOLDS_REPLACED = 4 };
#define NOTE_HEAD  (1 + 1 + 4 + 4 + ID_LEN)
#define ENTRY_HEAD (1 + 1 + ID_LEN + 4)

/* ---- the journal of one action ------------------------------------------------------------ */

static void wipe_buf(struct cw_buf *b)
{
	if (b->data)
		sodium_memzero(b->data, b->cap);
	cw_buf_free(b);
}

void cw_undo_journal_free(struct cw_undo_journal *j)
{
	for (size_t i = 0; i < j->n; i++)
		wipe_buf(&j->v[i].before);
	free(j->v);
	memset(j, 0, sizeof *j);
}

int cw_undo_journal_note(struct cw_txn *t, const struct cw_id *id, int kind, int state,
			 struct cw_error *err)
{
	struct cw_undo_journal *j = t->journal;
	struct cw_undo_entry *e;
	MDB_val k = {ID_LEN, (void *)id->b}, v;
	struct cw_buf open = {0};
	int rc;

	if (!j)
		return 0;
	for (size_t i = 0; i < j->n; i++) {
		if (!cw_id_equal(&j->v[i].id, id))
			continue;
		/* Changed before in this action: its version before that stays what comes back. */
		if (state == UNDO_DELETED && j->v[i].state != UNDO_ADDED)
			j->v[i].state = UNDO_DELETED;
		return 0;
	}
	if (j->n == j->cap) {
		size_t cap = j->cap ? j->cap * 2 : 8;
		struct cw_undo_entry *grown = realloc(j->v, cap * sizeof *grown);

		if (!grown)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		j->v = grown;
		j->cap = cap;
	}
	e = &j->v[j->n];
	memset(e, 0, sizeof *e);
	e->id = *id;
	e->kind = (uint8_t)kind;
	e->state = (uint8_t)state;
	if (state != UNDO_ADDED) {
		rc = cw_val_get(t->st, t->txn, DB_RECORDS, &k, &v, &open, err);
		/* A copy: the map's pages move as this transaction writes. */
		if (rc == 0 && cw_buf_append(&e->before, v.mv_data, v.mv_size) != 0)
			rc = CW_ENOMEM;
		wipe_buf(&open);
		if (rc == CW_ENOMEM) {
			wipe_buf(&e->before);
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
		if (rc != 0) {
			wipe_buf(&e->before);
			return cw_store_lmdb_error(t, rc, "reading a record", err);
		}
	}
	j->n++;
	return 0;
}

void cw_txn_undo_about(struct cw_txn *t, const struct cw_id *id)
{
	if (t->journal) {
		t->journal->about = *id;
		t->journal->about_set = 1;
	}
}

/* ---- the note ----------------------------------------------------------------------------- */

struct note_entry {
	uint8_t state, kind;
	struct cw_id id;
	const uint8_t *before; /* into note.raw; NULL when the record was added */
	size_t len;
};

struct note {
	uint8_t flags;
	size_t about;
	struct cw_id into;
	struct note_entry *v;
	size_t n;
	int old_deletion; /* a deletion noted by an earlier casewatch: nothing kept */
	struct cw_buf raw;
	uint8_t token[16];
};

static void note_free(struct note *nt)
{
	wipe_buf(&nt->raw);
	free(nt->v);
	memset(nt, 0, sizeof *nt);
}

static int damaged(struct cw_error *err)
{
	return cw_error_set(err, CW_EDAMAGED, "undo", "what to undo is damaged");
}

/* The note's bytes (opened) into entries pointing into them. */
static int parse_note(struct note *nt, struct cw_error *err)
{
	const uint8_t *p = nt->raw.data, *end = p + nt->raw.len;
	size_t count;

	if (nt->raw.len < 1 + ID_LEN)
		return damaged(err);
	if (p[0] != NOTE_FORMAT) {
		/* One record, as noted before several could be. */
		if (p[0] != UNDO_ADDED && p[0] != UNDO_EDITED && p[0] != UNDO_DELETED)
			return damaged(err);
		if (!(nt->v = calloc(1, sizeof *nt->v)))
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		nt->n = 1;
		nt->v[0].state = p[0];
		memcpy(nt->v[0].id.b, p + 1, ID_LEN);
		if (p[0] == UNDO_EDITED) {
			nt->v[0].before = p + 1 + ID_LEN;
			nt->v[0].len = nt->raw.len - 1 - ID_LEN;
			nt->v[0].kind = (uint8_t)cw_record_peek_kind(nt->v[0].before, nt->v[0].len);
		}
		nt->old_deletion = p[0] == UNDO_DELETED;
		return 0;
	}
	if (nt->raw.len < NOTE_HEAD)
		return damaged(err);
	nt->flags = p[1];
	count = get_be32(p + 2);
	nt->about = get_be32(p + 6);
	memcpy(nt->into.b, p + 10, ID_LEN);
	if (count == 0 || nt->about >= count || count > nt->raw.len / ENTRY_HEAD)
		return damaged(err);
	if (!(nt->v = calloc(count, sizeof *nt->v)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	p += NOTE_HEAD;
	for (nt->n = 0; nt->n < count; nt->n++) {
		struct note_entry *e = &nt->v[nt->n];

		if ((size_t)(end - p) < ENTRY_HEAD)
			return damaged(err);
		e->state = p[0];
		e->kind = p[1];
		memcpy(e->id.b, p + 2, ID_LEN);
		e->len = get_be32(p + 2 + ID_LEN);
		p += ENTRY_HEAD;
		if ((size_t)(end - p) < e->len ||
		    (e->state != UNDO_ADDED && e->state != UNDO_EDITED &&
		     e->state != UNDO_DELETED) ||
		    (e->state == UNDO_ADDED) != (e->len == 0))
			return damaged(err);
		e->before = e->len ? p : NULL;
		p += e->len;
	}
	return p == end ? 0 : damaged(err);
}

/* The note, read in txn: 0, or CW_ENOTFOUND naming "undo" when there is none. */
static int read_note(struct cw_store *st, MDB_txn *txn, struct note *nt, struct cw_error *err)
{
	MDB_val k = {sizeof UNDO_KEY - 1, (void *)UNDO_KEY}, v;
	struct cw_buf open = {0};
	int rc;

	memset(nt, 0, sizeof *nt);
	if (!st->undo_ready)
		return cw_error_set(err, CW_ENOTFOUND, "undo", "there is nothing to undo");
	rc = cw_val_get(st, txn, DB_UNDO, &k, &v, &open, err);
	if (rc == MDB_NOTFOUND)
		/* Said with what the user can do instead: a field trial's monitor, undoing an
		 * import of the wrong file, was told only what the last change was not. */
		return cw_error_set(
			err, CW_ENOTFOUND, "undo",
			"there is nothing to undo: the last change here was not an add, an edit, a "
			"delete or a merge (an import, a bundle, a conflict resolved or an undo is "
			"not taken back, nor is a change forgotten); to take back records an "
			"import added, 'casewatch audit' lists each change's records and "
			"'casewatch delete ID --yes' deletes one");
	if (rc != 0) {
		wipe_buf(&open); /* a note that fails its authentication leaves buf allocated */
		return cw_store_lmdb_error(NULL, rc, "reading what to undo", err);
	}
	rc = cw_buf_append(&nt->raw, v.mv_data, v.mv_size) != 0 ? CW_ENOMEM : 0;
	wipe_buf(&open);
	if (rc != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	crypto_generichash(nt->token, sizeof nt->token, nt->raw.data, nt->raw.len, NULL, 0);
	if ((rc = parse_note(nt, err)) != 0)
		note_free(nt);
	return rc;
}

/* Whether the note stored now holds a deleted record's content (0 when there is none). */
static int holds_deleted(struct cw_txn *t, int *yes, struct cw_error *err)
{
	MDB_val k = {sizeof UNDO_KEY - 1, (void *)UNDO_KEY}, v;
	struct cw_buf open = {0};
	int rc = cw_val_get(t->st, t->txn, DB_UNDO, &k, &v, &open, err);

	*yes = rc == 0 && v.mv_size >= 2 && ((const uint8_t *)v.mv_data)[0] == NOTE_FORMAT &&
	       (((const uint8_t *)v.mv_data)[1] & (HOLDS_DELETED | HOLDS_REPLACED));
	wipe_buf(&open);
	return rc == 0 || rc == MDB_NOTFOUND
		       ? 0
		       : cw_store_lmdb_error(t, rc, "reading what to undo", err);
}

/* Removes the note; wiped first where it lies when it held deleted or replaced content, or
 * always. */
static int remove_note(struct cw_txn *t, int always_wipe, int *had, struct cw_error *err)
{
	MDB_val k = {sizeof UNDO_KEY - 1, (void *)UNDO_KEY}, v;
	int rc, wipe = always_wipe;

	if (had)
		*had = 0;
	if (!t->st->undo_ready)
		return 0;
	if ((rc = mdb_get(t->txn, t->st->dbi[DB_UNDO], &k, &v)) == MDB_NOTFOUND)
		return 0;
	if (rc != 0)
		return cw_store_lmdb_error(t, rc, "reading what to undo", err);
	if (had)
		*had = 1;
	if (!wipe && (rc = holds_deleted(t, &wipe, err)) != 0)
		return rc;
	if (wipe && (rc = cw_store_wipe(t, DB_UNDO, &k, err)) != 0)
		return rc;
	rc = mdb_del(t->txn, t->st->dbi[DB_UNDO], &k, NULL);
	return rc == 0 || rc == MDB_NOTFOUND ? 0 : cw_store_lmdb_error(t, rc, "forgetting", err);
}

int cw_store_undo_forget(struct cw_txn *t, struct cw_error *err)
{
	return remove_note(t, 0, NULL, err);
}

/* The journal, written as the note. */
static int write_note(struct cw_txn *t, struct cw_error *err)
{
	struct cw_undo_journal *j = t->journal;
	MDB_val k = {sizeof UNDO_KEY - 1, (void *)UNDO_KEY};
	struct cw_buf val = {0};
	uint8_t head[NOTE_HEAD] = {NOTE_FORMAT};
	size_t about = 0;
	int rc;

	for (size_t i = 0; i < j->n; i++) {
		if (j->v[i].state == UNDO_DELETED)
			head[1] |= HOLDS_DELETED;
		else if (j->v[i].state == UNDO_EDITED)
			head[1] |= HOLDS_REPLACED;
		if (j->about_set && cw_id_equal(&j->v[i].id, &j->about))
			about = i;
	}
	if (j->merge)
		head[1] |= MERGE;
	put_be32(head + 2, (uint32_t)j->n);
	put_be32(head + 6, (uint32_t)about);
	memcpy(head + 10, j->merged_into.b, ID_LEN);
	rc = cw_buf_append(&val, head, sizeof head);
	for (size_t i = 0; i < j->n && rc == 0; i++) {
		const struct cw_undo_entry *e = &j->v[i];
		uint8_t eh[ENTRY_HEAD];

		eh[0] = e->state;
		eh[1] = e->kind;
		memcpy(eh + 2, e->id.b, ID_LEN);
		put_be32(eh + 2 + ID_LEN, (uint32_t)e->before.len);
		rc = cw_buf_append(&val, eh, sizeof eh);
		if (rc == 0 && e->before.len)
			rc = cw_buf_append(&val, e->before.data, e->before.len);
	}
	if (rc != 0) {
		wipe_buf(&val);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	/* The note replaced goes as a forgotten one does: wiped when it held deleted or replaced
	 * content. Otherwise (an add's) replaced as any edit replaces a value, so that an add
	 * after an add does not clear the free space after its commit. */
	if ((rc = remove_note(t, 0, NULL, err)) == 0 &&
	    (rc = cw_val_put(t, DB_UNDO, &k, val.data, val.len, 0)) != 0)
		rc = cw_store_lmdb_error(t, rc, "noting the change for undo", err);
	wipe_buf(&val);
	return rc;
}

int cw_store_undo_finish(struct cw_txn *t, struct cw_error *err)
{
	if (!t->st->undo_ready)
		return 0;
	if (t->journal)
		return t->journal->n ? write_note(t, err) : 0;
	return t->records_changed ? cw_store_undo_forget(t, err) : 0;
}

/* ---- what it says ------------------------------------------------------------------------- */

static void label_of(const struct cw_record *rec, char *out, size_t size)
{
	const char *label = rec ? cw_record_label(rec) : "";
	char date[CW_DATE_TEXT_MAX];

	/* A hearing has no name of its own: its date says which. */
	if (rec && !*label) {
		cw_date_format(cw_record_date(rec), date);
		snprintf(out, size, _("of %s"), *date ? date : _("unknown date"));
	} else {
		snprintf(out, size, "%s", label);
	}
	cw_text_trim_utf8(out);
}

/* A milestone as the undo question names it: "release of Chea Vannak on 2026-12-06", a group
 * by its label, a person no longer held by nobody. */
static void milestone_label(struct cw_store *st, MDB_txn *txn, const struct cw_milestone *m,
			    char *out, size_t size)
{
	char who[200] = "", date[CW_DATE_TEXT_MAX];
	struct cw_record person;

	/* cw_text_format: a name cut to its room ends between letters, never inside one. */
	if (m->group)
		cw_text_format(who, sizeof who, "%s", m->group);
	else if (!cw_id_is_zero(&m->person) &&
		 cw_store_read_record(st, txn, &m->person, &person, NULL) == 0) {
		cw_text_format(who, sizeof who, "%s", cw_record_label(&person));
		cw_record_free(&person);
	}
	cw_date_format(m->date, date);
	if (*who)
		/* TRANSLATORS: a milestone in the undo question: what it is, whose, and its
		 * date ("release of Chea Vannak on 2026-12-06") */
		cw_text_format(out, size, _("%s of %.150s on %s"),
			       cw_enum_label(&cw_words_milestone, m->type), who,
			       *date ? date : _("unknown date"));
	else
		cw_text_format(out, size, _("%s on %s"),
			       cw_enum_label(&cw_words_milestone, m->type),
			       *date ? date : _("unknown date"));
}

/* The version of an entry to name it by: as stored now, else as it was before. */
static int version_of(struct cw_store *st, MDB_txn *txn, const struct note_entry *e,
		      struct cw_record *rec)
{
	if (cw_store_read_record(st, txn, &e->id, rec, NULL) == 0)
		return 0;
	if (e->len && cw_record_decode(e->before, e->len, rec, NULL) == 0) {
		rec->id = e->id;
		return 0;
	}
	cw_record_free(rec);
	return -1;
}

static void describe(struct cw_store *st, MDB_txn *txn, const struct note *nt,
		     struct cw_undo_info *out)
{
	const struct note_entry *e = &nt->v[nt->about];
	struct cw_record rec;

	memset(out, 0, sizeof *out);
	out->id = e->id;
	out->kind = (enum cw_kind)e->kind;
	out->others = nt->n - 1;
	out->held_deleted = (nt->flags & HOLDS_DELETED) != 0;
	memcpy(out->token, nt->token, sizeof out->token);
	out->action = nt->flags & MERGE         ? CW_UNDO_MERGED
		      : e->state == UNDO_ADDED  ? CW_UNDO_ADDED
		      : e->state == UNDO_EDITED ? CW_UNDO_EDITED
						: CW_UNDO_DELETED;
	if (version_of(st, txn, e, &rec) == 0) {
		struct cw_record kase;

		out->kind = (enum cw_kind)rec.kind;
		label_of(&rec, out->label, sizeof out->label);
		/* A hearing's court does not say which hearing it was: its case and date do. */
		if (rec.kind == CW_KIND_HEARING &&
		    cw_store_read_record(st, txn, &rec.u.hearing.case_id, &kase, NULL) == 0) {
			char date[CW_DATE_TEXT_MAX];

			cw_date_format(rec.u.hearing.date, date);
			snprintf(out->label, sizeof out->label, _("%.150s on %s"),
				 cw_record_label(&kase), *date ? date : _("unknown date"));
			cw_text_trim_utf8(out->label);
			cw_record_free(&kase);
		}
		/* Nor does a milestone's date alone ("of 2026-12-06"): what it is, and whose. */
		if (rec.kind == CW_KIND_MILESTONE)
			milestone_label(st, txn, &rec.u.milestone, out->label, sizeof out->label);
		cw_record_free(&rec);
	}
	if ((nt->flags & MERGE) && cw_store_read_record(st, txn, &nt->into, &rec, NULL) == 0) {
		label_of(&rec, out->into, sizeof out->into);
		cw_record_free(&rec);
	}
}

static int refuse_old_deletion(struct cw_error *err)
{
	return cw_error_set(err, CW_EREFUSED, "undo",
			    "the last change was a deletion made by an earlier casewatch, which "
			    "wiped what the record held when it was deleted: it cannot be brought "
			    "back");
}

int cw_store_undo_peek(struct cw_store *st, struct cw_undo_info *out, struct cw_error *err)
{
	struct note nt;
	MDB_txn *txn;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = read_note(st, txn, &nt, err)) == 0) {
		if (nt.old_deletion)
			rc = refuse_old_deletion(err);
		else
			describe(st, txn, &nt, out);
		note_free(&nt);
	}
	mdb_txn_abort(txn);
	return rc;
}

/* ---- taking it back ----------------------------------------------------------------------- */

/* One record as it was before the action: its version put back (over its tombstone when the
 * action deleted it), or, when the action added it, deleted. */
static int take_back(struct cw_txn *t, const struct note_entry *e, struct cw_error *err)
{
	struct cw_record rec;
	int rc;

	if (!e->len) {
		rc = cw_txn_delete(t, &e->id, err);
		if (rc == CW_ENOTFOUND) { /* added and deleted by the same action */
			cw_error_clear(err);
			rc = 0;
		}
		return rc;
	}
	if ((rc = cw_record_decode(e->before, e->len, &rec, err)) != 0) {
		cw_record_free(&rec); /* what it decoded before it failed */
		return rc;
	}
	rec.id = e->id;
	/* A person merged away and brought back is nobody else: laptops that take this version
	 * drop the tombstone saying where they went, and with it their repointing. */
	memset(&rec.merged_into, 0, sizeof rec.merged_into);
	rc = cw_txn_put(t, &rec, CW_PUT_RESTORE, NULL, err);
	cw_record_free(&rec);
	return rc;
}

struct undo_ctx {
	struct cw_undo_info *info;
	const struct cw_undo_info *expect;
};

static int undo_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	struct undo_ctx *u = ctx;
	struct note nt;
	int rc;

	if ((rc = read_note(t->st, t->txn, &nt, err)) != 0)
		return rc;
	if (nt.old_deletion) {
		note_free(&nt);
		return refuse_old_deletion(err);
	}
	/* What the user was asked about, and nothing else (another process may have changed
	 * something since). */
	if (u->expect && memcmp(u->expect->token, nt.token, sizeof nt.token) != 0) {
		note_free(&nt);
		return cw_error_set(err, CW_EREFUSED, "undo",
				    "the last change is another one now (made meanwhile): "
				    "nothing was taken back; ask again");
	}
	describe(t->st, t->txn, &nt, u->info);
	/* The last change first: a record added names those added before it (a case its new
	 * defendant), and a record brought back is there before the records that name it again. */
	for (size_t i = nt.n; i-- > 0 && rc == 0;)
		rc = take_back(t, &nt.v[i], err);
	note_free(&nt);
	/* Forgotten even when nothing needed writing (the records were as they had been). */
	if (rc == 0)
		rc = cw_store_undo_forget(t, err);
	return rc;
}

int cw_store_undo(struct cw_store *st, const struct cw_undo_info *expect, struct cw_undo_info *out,
		  struct cw_error *err)
{
	struct cw_undo_info want;
	struct undo_ctx u = {out, expect ? &want : NULL};

	if (expect)
		want = *expect; /* expect may be out */
	memset(out, 0, sizeof *out);
	if (st->read_only)
		return cw_error_set(err, CW_EDB, "database", "opened read-only");
	return cw_store_write(st, undo_fn, &u, err);
}

static int forget_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	return remove_note(t, 1, ctx, err);
}

int cw_store_undo_forget_now(struct cw_store *st, int *had, struct cw_error *err)
{
	*had = 0;
	if (st->read_only)
		return cw_error_set(err, CW_EDB, "database", "opened read-only");
	if (!st->undo_ready)
		return 0;
	return cw_store_write(st, forget_fn, had, err);
}
