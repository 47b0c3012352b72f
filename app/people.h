/* people.h - the same person added twice: a name close to one already in the database.
 *
 * Two names are close when they read the same once letter case, Unicode normalisation (NFC or
 * NFD), accents ("Thach" for "Thạch", "Sithar" for "Sīthar"), spaces and characters that draw
 * nothing (zero-width spaces and joiners, which Khmer text often carries) are set aside, folded
 * as searches are but without accents (cw_text_fold_unaccented, models/text.h: Khmer's vowel
 * signs are letters, not accents, and count); a
 * person's Latin and Khmer names are both compared with both of the other's, so a Khmer name typed
 * where the Latin one goes is found too. May use: models/, store/. */
#ifndef CW_APP_PEOPLE_H
#define CW_APP_PEOPLE_H

#include <stddef.h>

#include "models/error.h"
#include "models/record.h"
#include "store/store.h"

/* Whether two names are close (see above). NULL or empty names are never close. */
int cw_names_close(const char *a, const char *b);

/* Looks for a person other than `self` (zero: none) with a name close to `name` or `name_km`
 * (either may be NULL): 1 with the first found in *found (the caller frees it), 0 when there
 * is none, or an error. */
int cw_person_like(struct cw_store *st, const char *name, const char *name_km,
		   const struct cw_id *self, struct cw_record *found, struct cw_error *err);

/* The person whose name (Latin or Khmer) is closest to `name` as a typo of it, within what
 * cw_text_typo_allowance allows (models/text.h): 1 with them in *found (the caller frees
 * it), 0 when none is that close, or an error. For a name about to be added as a new person:
 * a field trial's "Chao Vesna" became a second Chao Veasna. Names whose digits differ are
 * no typos of each other ("Detainee 12", "Detainee 13"). */
int cw_person_typo(struct cw_store *st, const char *name, struct cw_record *found,
		   struct cw_error *err);

#endif
