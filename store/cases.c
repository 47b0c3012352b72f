/* cases.c - the cases a write transaction has opened to compute index keys.
 *
 * A hearing or milestone is indexed under its case's articles, court and defendants, so
 * writing one opens its case: reads it at a random place of the records table, decrypts it
 * and decodes it with all its defendants and charges. A batch of an import or a bundle names
 * the same cases again and again (a long-running case has dozens of hearings), and at
 * 200,000 records these openings were 8% of the benchmark's load (perf). The cases a write
 * opens are kept here, decoded, up to 16,384 of them (CW_CASES_KEPT_MOST): those met first, which
 * in a batch are mostly the busy ones. A kept case is about half a KiB of heap (maximum RSS of an
 * import of 10,000 cases and 70,000 hearings: 102 MiB keeping 4,096, 107 MiB keeping them all,
 * which took 7% of the writing thread's instructions away: callgrind).
 *
 * A kept case must be exactly what the transaction would read: the two places that change a
 * stored record (records.c: its put and its removal) call cw_case_cache_forget first, which
 * empties the table when it holds that id, and the table lives and dies with its
 * transaction, so nothing kept outlives an abort. Only cw_store_write's transactions keep
 * cases (cases_on); others, such as verify's, open the case each time. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

#define CASES_FIRST 256 /* slots of a new table */
/* Slots at most; half of them used at most (about 8 MiB of cases). */
#define CASES_MOST (2 * CW_CASES_KEPT_MOST)

struct cw_case_slot {
	struct cw_id id;
	struct cw_record *rec; /* NULL: an empty slot */
};

static struct cw_case_slot *slot_of(const struct cw_case_cache *c, const struct cw_id *id)
{
	size_t i = (size_t)cw_id_hash(id) & (c->cap - 1);

	for (;;) {
		struct cw_case_slot *s = &c->slots[i];

		if (!s->rec || cw_id_equal(&s->id, id))
			return s;
		i = (i + 1) & (c->cap - 1);
	}
}

void cw_case_cache_clear(struct cw_case_cache *c)
{
	for (size_t i = 0; i < c->cap; i++) {
		if (c->slots[i].rec) {
			cw_record_free(c->slots[i].rec);
			free(c->slots[i].rec);
		}
	}
	free(c->slots);
	c->slots = NULL;
	c->cap = c->n = 0;
}

void cw_case_cache_forget(struct cw_txn *t, const struct cw_id *id)
{
	/* Removing one entry of an open-addressed table would break the searches that went
	 * past it; a case changed in the same batch that opened it is rare, so all go. */
	if (t->cases.n && slot_of(&t->cases, id)->rec)
		cw_case_cache_clear(&t->cases);
}

/* Makes room for one more entry; -1 when memory is short or the table is as large as it may
 * be (it is then as it was). A full table keeps what it holds rather than starting again: the
 * cases met first in a batch are mostly the busy ones, named again and again (the benchmark's
 * load, which names cases as unevenly as real monitoring does, found more of them so). */
static int make_room(struct cw_case_cache *c)
{
	struct cw_case_cache bigger;

	if ((c->n + 1) * 2 <= c->cap)
		return 0;
	if (c->cap >= CASES_MOST)
		return -1;
	bigger.cap = c->cap ? c->cap * 2 : CASES_FIRST;
	bigger.n = 0;
	if (!(bigger.slots = calloc(bigger.cap, sizeof *bigger.slots)))
		return -1;
	for (size_t i = 0; i < c->cap; i++) {
		if (c->slots[i].rec) {
			*slot_of(&bigger, &c->slots[i].id) = c->slots[i];
			bigger.n++;
		}
	}
	free(c->slots);
	*c = bigger;
	return 0;
}

int cw_case_cache_read(struct cw_txn *t, const struct cw_id *id, struct cw_record *own,
		       const struct cw_record **out, struct cw_error *err)
{
	struct cw_case_slot *s;
	struct cw_record *rec;
	int rc;

	memset(own, 0, sizeof *own);
	*out = NULL;
	if (t->cases_on && t->cases.n && (s = slot_of(&t->cases, id))->rec) {
		*out = s->rec;
		return 0;
	}
	if ((rc = cw_store_read_record(t->st, t->txn, id, own, err)) != 0)
		return rc;
	*out = own;
	/* Kept only when there is memory for it: otherwise the caller has it in `own`. */
	if (!t->cases_on || make_room(&t->cases) != 0 || !(rec = malloc(sizeof *rec)))
		return 0;
	*rec = *own;
	memset(own, 0, sizeof *own);
	s = slot_of(&t->cases, id);
	s->id = *id;
	s->rec = rec;
	t->cases.n++;
	*out = rec;
	return 0;
}
