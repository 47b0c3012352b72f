/* links.h - what a link to another account of an event (--same-event, --disputes, the form's
 * "same event as" and "disputes") may name: another monitoring record, whatever its kind (a
 * hearing's account and a milestone's of one sitting are one event to the timeline), never a
 * person or a case, which are no account of an event; and what a placement (--after) may
 * name: an event, never one placed after the record already. The command line and the
 * terminal interface check what they add here, alike, before saving; `import` applies the
 * same rules (models/timeline.h) in its own transaction. May use: models/, store/. */
#ifndef CW_APP_LINKS_H
#define CW_APP_LINKS_H

#include "models/error.h"
#include "models/record.h"
#include "models/timeline.h"
#include "store/store.h"

/* 0 when the record `id` is in the store and is another account of what a record of kind
 * `from` tells (cw_timeline_link_kind_check): of an event, a monitoring record; of a case, a
 * case. CW_EINVAL naming `field` when it is not ("55db1ae9 is a person, not a monitoring
 * record"), or the store's error when it cannot be read (not there, damaged), its field set to
 * `field`. Not inside a write transaction (it reads the record). */
int cw_link_target_check(struct cw_store *st, enum cw_kind from, const struct cw_id *id,
			 const char *field, struct cw_error *err);

/* What rec->after (--after) names: an account of an event, as a link does (a person's id placed
 * the record nowhere, without a word), and not one placed after `rec` already, directly or
 * through others ("edit A --after B" then "edit B --after A": a loop, which the timeline places
 * none of; cw_timeline_after_loop_check). CW_EINVAL naming `field` and the record found; 0 when
 * rec->after names none, or a record that is not here (placements are soft references), and
 * when `rec` has no id yet (a new record: nothing can be placed after it) for the loop.
 * Another error when the store cannot read one. Not inside a write transaction. */
int cw_after_check(struct cw_store *st, const struct cw_record *rec, const char *field,
		   struct cw_error *err);

#endif
