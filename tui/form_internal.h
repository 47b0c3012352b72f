/* form_internal.h - what the form's files share; not part of the form's contract. */
#ifndef CW_FORM_INTERNAL_H
#define CW_FORM_INTERNAL_H

#include "tui/form.h"

/* Frees the suggestions shown (form.c, since freeing the form frees them too); recomputing
 * them, moving to another field and Esc start from none. */
void cw_form_clear_suggestions(struct cw_form *fm);

#endif
