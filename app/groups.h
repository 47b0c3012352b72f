/* groups.h - a case's groups of unnamed defendants, named as people type them: a milestone's
 * `group`, or a verdict's, is the label of one of its case's groups ("NagaWorld union
 * activists"), and pretrial detention and charges find the group by that label. The command
 * line and the terminal interface resolve what was typed here, alike, before saving.
 * May use: models/, store/. */
#ifndef CW_APP_GROUPS_H
#define CW_APP_GROUPS_H

#include "models/error.h"
#include "models/record.h"
#include "store/store.h"

/* Replaces *group (allocated; NULL or "" leaves it) by the label of the case's group it
 * names: the whole label, or a part that only one of the case's unnamed defendants' labels
 * holds, compared folded (models/text.h) as every search is. CW_EINVAL naming `field` when
 * the case is not given, or the text is none or several of its groups; another error when
 * the case cannot be read. Not inside a write transaction (it reads the case). */
int cw_case_group_resolve(struct cw_store *st, const struct cw_id *case_id, char **group,
			  const char *field, struct cw_error *err);

/* The same for every group a record names: a milestone's (field "group"), a hearing's
 * verdicts' (field "verdict"). */
int cw_record_groups_resolve(struct cw_store *st, struct cw_record *rec, struct cw_error *err);

/* The case's group of unnamed defendants that "N LABEL" names ("8 union activists", or a
 * label alone), added to c when it has none with that label (compared folded, as searches
 * are), its number set when one is given (in ASCII or Khmer digits, "២ សកម្មជន"); *out the group. A
 * number is one only when a space or nothing follows it: "3rd district protesters" is a label. A
 * group with no label (an import's) cannot be named by its events: "N LABEL" gives the case's one
 * such group of N that label, and "N" alone is the case's one such group; "N" alone is refused
 * otherwise, as a new group no event could name. The command line's --unnamed and the terminal
 * interface's case form read it alike. CW_EINVAL naming `field` for text with neither, or a number
 * alone so refused; CW_ENOMEM. */
int cw_case_group_add(struct cw_case *c, const char *text, const char *field,
		      struct cw_defendant **out, struct cw_error *err);

#endif
