/* kinds.c - the kinds of the records this process has found stored, for reference checks.
 *
 * Every record saved has its references checked: a hearing's case must be a case, a
 * defendant a person. Finding a stored record's kind means opening it (sealed: decrypting all
 * of it, a case with its defendants and charges), and a bulk load checks the same few
 * thousand cases and people over and over: 12% of the benchmark's load was these openings
 * (perf). An id's kind never changes, so once found it is kept here.
 *
 * What could make a kept kind wrong, and what is done about it:
 *   - the transaction that found it (or wrote the record) is abandoned: kinds found in a write
 *     transaction are kept apart in it, and join the store's only when it commits;
 *   - the record is deleted and its tombstone goes (a deleted record stays nameable through
 *     its tombstone while that is there): a transaction that deletes a record or a tombstone
 *     empties the store's kinds when it commits;
 *   - another process writes to the database: the kinds are kept only while every
 *     transaction since the last one of this process's was this process's own.
 * See store_internal.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

#define SLOT_LEN    (ID_LEN + 1) /* the id, then its kind (0: an empty slot) */
#define KINDS_FIRST 1024         /* slots of a new table */
#define KINDS_MOST  (1u << 19)   /* slots at most (9 MiB); a table as full as that starts again */

static uint8_t *slot_of(const struct cw_kinds *c, const struct cw_id *id)
{
	size_t i = (size_t)cw_id_hash(id) & (c->cap - 1);

	for (;;) {
		uint8_t *s = c->slots + i * SLOT_LEN;

		if (!s[ID_LEN] || !memcmp(s, id->b, ID_LEN))
			return s;
		i = (i + 1) & (c->cap - 1);
	}
}

enum cw_kind cw_kinds_get(const struct cw_kinds *c, const struct cw_id *id)
{
	return c->n ? (enum cw_kind)slot_of(c, id)[ID_LEN] : CW_KIND_NONE;
}

void cw_kinds_clear(struct cw_kinds *c)
{
	free(c->slots);
	c->slots = NULL;
	c->cap = c->n = 0;
}

/* Doubles the table; 0, or -1 when memory is short (the table is then left as it was). */
static int grow(struct cw_kinds *c)
{
	struct cw_kinds bigger = {NULL, c->cap ? c->cap * 2 : KINDS_FIRST, 0, c->txnid};

	if (!(bigger.slots = calloc(bigger.cap, SLOT_LEN)))
		return -1;
	for (size_t i = 0; i < c->cap; i++) {
		const uint8_t *s = c->slots + i * SLOT_LEN;

		if (s[ID_LEN]) {
			memcpy(slot_of(&bigger, (const struct cw_id *)s), s, SLOT_LEN);
			bigger.n++;
		}
	}
	free(c->slots);
	*c = bigger;
	return 0;
}

void cw_kinds_put(struct cw_kinds *c, const struct cw_id *id, enum cw_kind kind)
{
	uint8_t *s;

	if (kind == CW_KIND_NONE)
		return;
	/* Half full at most, so that a search ends soon. */
	if ((c->n + 1) * 2 > c->cap) {
		if (c->cap >= KINDS_MOST)
			cw_kinds_clear(c);
		if (grow(c) != 0)
			return; /* only a shortcut is lost */
	}
	s = slot_of(c, id);
	if (!s[ID_LEN])
		c->n++;
	memcpy(s, id->b, ID_LEN);
	s[ID_LEN] = (uint8_t)kind;
}

void cw_kinds_begin(struct cw_store *st, struct cw_txn *t)
{
	/* A transaction of another process came in between: it may have deleted anything. */
	if (mdb_txn_id(t->txn) != st->kinds.txnid + 1)
		cw_kinds_clear(&st->kinds);
	t->kinds_on = 1;
}

void cw_kinds_commit(struct cw_store *st, struct cw_txn *t, size_t txnid)
{
	if (t->kinds_gone) {
		cw_kinds_clear(&st->kinds);
	} else {
		for (size_t i = 0; i < t->kinds.cap; i++) {
			const uint8_t *s = t->kinds.slots + i * SLOT_LEN;

			if (s[ID_LEN])
				cw_kinds_put(&st->kinds, (const struct cw_id *)s,
					     (enum cw_kind)s[ID_LEN]);
		}
	}
	st->kinds.txnid = txnid;
	cw_kinds_clear(&t->kinds);
}
