/* undo.c - taking back the last change made on this laptop; see "undo" in store.h.
 *
 * undo: "last" -> action(1) record id(16) and, for an edit, the version it replaced (its
 * encoding), sealed like a record. cw_store_put and cw_store_delete (one record, what the
 * front ends' add, edit and delete do) note their change here in their own transaction; any
 * other write that changes records (an import, a bundle, an undo) forgets it in its own, so
 * what is noted is always the last change. The version noted lies in the file, sealed, until
 * the next change, and then in its free space like any replaced version. An undo is a new change
 * stamped here, which travels like any other. A deletion is noted only to say it cannot be undone:
 * its content was wiped from the file when it was deleted, on purpose. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "models/codec.h"
#include "models/text.h"
#include "store/store_internal.h"

#define UNDO_KEY "last"

enum { UNDO_ADDED = 'a', UNDO_EDITED = 'e', UNDO_DELETED = 'd' };

int cw_store_undo_note(struct cw_txn *t, int action, const struct cw_id *id, const void *before,
		       size_t len, struct cw_error *err)
{
	MDB_val k = {sizeof UNDO_KEY - 1, (void *)UNDO_KEY};
	uint8_t *val = malloc(1 + ID_LEN + len);
	int rc;

	if (!val)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	val[0] = (uint8_t)action;
	memcpy(val + 1, id->b, ID_LEN);
	if (len)
		memcpy(val + 1 + ID_LEN, before, len);
	/* Replaced as any edit replaces a value: not wiped, so that an add or an edit does not
	 * clear the free space after its commit (only deletions do: scrub.c). */
	if ((rc = cw_val_put(t, DB_UNDO, &k, val, 1 + ID_LEN + len, 0)) != 0)
		rc = cw_store_lmdb_error(t, rc, "noting the change for undo", err);
	sodium_memzero(val, 1 + ID_LEN + len);
	free(val);
	if (rc == 0)
		t->undo_noted = 1;
	return rc;
}

int cw_store_undo_forget(struct cw_txn *t, struct cw_error *err)
{
	MDB_val k = {sizeof UNDO_KEY - 1, (void *)UNDO_KEY};
	int rc;

	if (!t->st->undo_ready)
		return 0;
	rc = mdb_del(t->txn, t->st->dbi[DB_UNDO], &k, NULL);
	return rc == 0 || rc == MDB_NOTFOUND ? 0 : cw_store_lmdb_error(t, rc, "forgetting", err);
}

/* The noted change, read in txn: 0 with *action, *id and (for an edit) the version replaced in
 * *before (decoded; freed by the caller); CW_ENOTFOUND when there is none. */
static int read_note(struct cw_store *st, MDB_txn *txn, int *action, struct cw_id *id,
		     struct cw_record *before, struct cw_error *err)
{
	MDB_val k = {sizeof UNDO_KEY - 1, (void *)UNDO_KEY}, v;
	struct cw_buf buf = {0};
	const uint8_t *p;
	int rc;

	memset(before, 0, sizeof *before);
	if (!st->undo_ready)
		return cw_error_set(err, CW_ENOTFOUND, "undo", "there is nothing to undo");
	rc = cw_val_get(st, txn, DB_UNDO, &k, &v, &buf, err);
	if (rc == MDB_NOTFOUND)
		return cw_error_set(err, CW_ENOTFOUND, "undo",
				    "there is nothing to undo: the last change was not made by "
				    "an add, an edit or a delete on this laptop, or was undone");
	if (rc != 0)
		return cw_store_lmdb_error(NULL, rc, "reading what to undo", err);
	p = v.mv_data;
	if (v.mv_size < 1 + ID_LEN) {
		rc = cw_error_set(err, CW_EDAMAGED, "undo", "what to undo is damaged");
		goto out;
	}
	*action = p[0];
	memcpy(id->b, p + 1, ID_LEN);
	if (*action == UNDO_EDITED) {
		rc = cw_record_decode(p + 1 + ID_LEN, v.mv_size - 1 - ID_LEN, before, err);
		before->id = *id;
	}
out:
	if (buf.data)
		sodium_memzero(buf.data, buf.cap);
	cw_buf_free(&buf);
	return rc;
}

static void describe(int action, const struct cw_record *rec, enum cw_kind kind,
		     struct cw_undo_info *out)
{
	const char *label = rec ? cw_record_label(rec) : "";
	char date[CW_DATE_TEXT_MAX];

	out->kind = kind;
	out->action = action == UNDO_ADDED    ? CW_UNDO_ADDED
		      : action == UNDO_EDITED ? CW_UNDO_EDITED
					      : CW_UNDO_DELETED;
	/* A hearing has no name of its own: its date says which. */
	if (rec && !*label) {
		cw_date_format(cw_record_date(rec), date);
		snprintf(out->label, sizeof out->label, "of %s", *date ? date : "unknown date");
	} else {
		snprintf(out->label, sizeof out->label, "%s", label);
	}
	cw_text_trim_utf8(out->label);
}

static int refuse_deletion(struct cw_error *err)
{
	return cw_error_set(err, CW_EREFUSED, "undo",
			    "the last change was a deletion: what the record held was wiped from "
			    "the file when it was deleted, so it cannot be brought back");
}

int cw_store_undo_peek(struct cw_store *st, struct cw_undo_info *out, struct cw_error *err)
{
	struct cw_record before, now;
	MDB_txn *txn;
	int rc, action = 0, have_now;

	memset(out, 0, sizeof *out);
	if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
		return rc;
	if ((rc = read_note(st, txn, &action, &out->id, &before, err)) == 0 &&
	    action == UNDO_DELETED)
		rc = refuse_deletion(err);
	if (rc == 0) {
		have_now = cw_store_read_record(st, txn, &out->id, &now, NULL) == 0;
		describe(action,
			 have_now                ? &now
			 : action == UNDO_EDITED ? &before
						 : NULL,
			 have_now ? (enum cw_kind)now.kind : (enum cw_kind)before.kind, out);
		if (have_now)
			cw_record_free(&now);
	}
	cw_record_free(&before);
	mdb_txn_abort(txn);
	return rc;
}

struct undo_ctx {
	struct cw_undo_info *info;
	const struct cw_undo_info *expect;
};

static int undo_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	struct undo_ctx *u = ctx;
	struct cw_undo_info *info = u->info;
	struct cw_record before, now;
	int rc, action = 0;

	if ((rc = read_note(t->st, t->txn, &action, &info->id, &before, err)) != 0) {
		cw_record_free(&before);
		return rc;
	}
	if (action == UNDO_DELETED) {
		cw_record_free(&before);
		return refuse_deletion(err);
	}
	/* What the user was asked about, and nothing else (another process may have changed
	 * something since). */
	if (u->expect &&
	    (!cw_id_equal(&u->expect->id, &info->id) ||
	     u->expect->action != (action == UNDO_ADDED ? CW_UNDO_ADDED : CW_UNDO_EDITED))) {
		cw_record_free(&before);
		return cw_error_set(err, CW_EREFUSED, "undo",
				    "the last change is another one now (made meanwhile): "
				    "nothing was taken back; ask again");
	}
	if ((rc = cw_store_read_record(t->st, t->txn, &info->id, &now, err)) != 0) {
		cw_record_free(&before);
		return rc == CW_ENOTFOUND ? cw_error_set(err, CW_ENOTFOUND, "undo",
							 "the record changed last is gone")
					  : rc;
	}
	describe(action, &now, (enum cw_kind)now.kind, info);
	cw_record_free(&now);
	/* A new change either way, stamped here: the edit's earlier version put back, or the
	 * record added deleted. */
	if (action == UNDO_EDITED)
		rc = cw_txn_put(t, &before, 0, NULL, err);
	else
		rc = cw_txn_delete(t, &info->id, err);
	cw_record_free(&before);
	if (rc == 0)
		rc = cw_store_undo_forget(t, err);
	t->undo_noted = 1; /* forgotten here already */
	return rc;
}

int cw_store_undo(struct cw_store *st, const struct cw_undo_info *expect, struct cw_undo_info *out,
		  struct cw_error *err)
{
	struct undo_ctx u = {out, expect};

	memset(out, 0, sizeof *out);
	if (st->read_only)
		return cw_error_set(err, CW_EDB, "database", "opened read-only");
	return cw_store_write(st, undo_fn, &u, err);
}
