/* idmap.c - ids to numbers; see idmap.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "models/error.h"
#include "models/idmap.h"

/* The slot of id, or the empty slot where it would go. */
static struct cw_idmap_slot *find(const struct cw_idmap *m, const struct cw_id *id)
{
	size_t i = (size_t)cw_id_hash(id) & (m->cap - 1);

	while (!cw_id_is_zero(&m->slots[i].id) && !cw_id_equal(&m->slots[i].id, id))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static int grow(struct cw_idmap *m)
{
	struct cw_idmap bigger = {NULL, m->cap ? m->cap * 2 : 64, m->n};

	if (bigger.cap < m->cap || !(bigger.slots = calloc(bigger.cap, sizeof *bigger.slots)))
		return CW_ENOMEM;
	for (size_t k = 0; k < m->cap; k++)
		if (!cw_id_is_zero(&m->slots[k].id))
			*find(&bigger, &m->slots[k].id) = m->slots[k];
	free(m->slots);
	*m = bigger;
	return 0;
}

int cw_idmap_put(struct cw_idmap *m, const struct cw_id *id, size_t value, size_t *old)
{
	struct cw_idmap_slot *s;

	if (cw_id_is_zero(id))
		return 0;
	if (2 * (m->n + 1) > m->cap && grow(m) != 0)
		return CW_ENOMEM;
	s = find(m, id);
	if (!cw_id_is_zero(&s->id)) {
		if (old)
			*old = s->value;
		return 0;
	}
	s->id = *id;
	s->value = value;
	m->n++;
	return 1;
}

int cw_idmap_get(const struct cw_idmap *m, const struct cw_id *id, size_t *value)
{
	const struct cw_idmap_slot *s;

	if (!m->cap || cw_id_is_zero(id))
		return 0;
	s = find(m, id);
	if (cw_id_is_zero(&s->id))
		return 0;
	if (value)
		*value = s->value;
	return 1;
}

/* Linear probing without tombstones: the slots after the one emptied, up to the next empty one,
 * move back into it when their home slot does not lie between it and them, so that every id
 * is still found from its home slot without crossing an empty one. */
int cw_idmap_del(struct cw_idmap *m, const struct cw_id *id)
{
	struct cw_idmap_slot *s;
	size_t hole, j, mask = m->cap - 1;

	if (!m->cap || cw_id_is_zero(id))
		return 0;
	s = find(m, id);
	if (cw_id_is_zero(&s->id))
		return 0;
	hole = (size_t)(s - m->slots);
	for (j = (hole + 1) & mask; !cw_id_is_zero(&m->slots[j].id); j = (j + 1) & mask) {
		size_t home = (size_t)cw_id_hash(&m->slots[j].id) & mask;

		/* Stays when its home is in (hole, j], going round the end of the table. */
		if (hole <= j ? (hole < home && home <= j) : (hole < home || home <= j))
			continue;
		m->slots[hole] = m->slots[j];
		hole = j;
	}
	memset(&m->slots[hole], 0, sizeof m->slots[hole]);
	m->n--;
	return 1;
}

void cw_idmap_free(struct cw_idmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}
