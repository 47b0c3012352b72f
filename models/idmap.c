/* idmap.c - ids to numbers; see idmap.h. */
#include "config.h"

#include <stdlib.h>

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

void cw_idmap_free(struct cw_idmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}
