/* links.h - what a link to another account of an event (--same-event, --disputes, the form's
 * "same event as" and "disputes") may name: another monitoring record, whatever its kind (a
 * hearing's account and a milestone's of one sitting are one event to the timeline), never a
 * person or a case, which are no account of an event. The command line and the terminal
 * interface check a link they add here, alike, before saving. May use: models/, store/. */
#ifndef CW_APP_LINKS_H
#define CW_APP_LINKS_H

#include "models/error.h"
#include "models/record.h"
#include "store/store.h"

/* 0 when the record `id` is in the store and is a monitoring record; CW_EINVAL naming `field`
 * when it is a person or a case ("55db1ae9 is a person, not a monitoring record"), or the
 * store's error when it cannot be read (not there, damaged), its field set to `field`. Not
 * inside a write transaction (it reads the record). */
int cw_link_target_check(struct cw_store *st, const struct cw_id *id, const char *field,
			 struct cw_error *err);

/* How far cw_after_check follows a chain of `after` placements: a chain of records placed
 * each after the last (resumed, then the verdict, then the appeal) is a few long. One longer
 * is taken unchecked: the timeline, the only reader that follows placements, places nothing
 * on a loop (cw_timeline_order), so a loop a bundle or an import brings never stops a
 * reader. */
#define CW_AFTER_WALK_MAX 256

/* Placing `rec` after rec->after (--after) would make a loop: the record it names, or one that
 * record is placed after, and so on, is placed after `rec` ("edit A --after B" then "edit B
 * --after A"). CW_EINVAL naming `field` and the record that closes the loop; 0 when there is
 * none, when `rec` has no id yet (a new record: nothing can be placed after it), or a record
 * on the way is not here (placements are soft references). Another error when the store cannot
 * read one. Not inside a write transaction. */
int cw_after_check(struct cw_store *st, const struct cw_record *rec, const char *field,
		   struct cw_error *err);

#endif
