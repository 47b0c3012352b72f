/* idmap.h - a map from record ids to a number: which ids a pass has met, and where.
 *
 * Open addressing over the ids' hash (cw_id_hash); the zero id, which no record has, marks an
 * empty slot and cannot be a key. Memory: 24 bytes a slot, at most half of them in use (the
 * most ever in it at once: taking ids out does not shrink it). */
#ifndef CW_IDMAP_H
#define CW_IDMAP_H

#include <stddef.h>

#include "models/record.h"

struct cw_idmap_slot {
	struct cw_id id;
	size_t value;
};

struct cw_idmap {
	struct cw_idmap_slot *slots;
	size_t cap, n;
};

/* Adds id with value: 1 when it was not there; 0 when it was (its value kept, and given in
 * *old when old is not NULL); CW_ENOMEM. A zero id is never added (0). */
int cw_idmap_put(struct cw_idmap *m, const struct cw_id *id, size_t value, size_t *old);
/* 1 and *value (when not NULL) when id is there, else 0. */
int cw_idmap_get(const struct cw_idmap *m, const struct cw_id *id, size_t *value);
/* Takes id out: 1 when it was there, else 0. The table keeps its size. */
int cw_idmap_del(struct cw_idmap *m, const struct cw_id *id);
void cw_idmap_free(struct cw_idmap *m);

#endif
