/* i18n.h - marking the text a user reads for translation (gettext; catalogues in po/).
 *
 * _("...") translates now; N_("...") only marks a string that is translated later, where it is
 * used (tables of labels, static initialisers). Everything a user reads goes through one of
 * them: screens, help, messages, form labels, report headings and labels of enum values.
 * Names, notes and other text from the database never do. */
#ifndef CW_I18N_H
#define CW_I18N_H

#include <libintl.h>

#define _(msgid)  dgettext("casewatch", msgid)
#define N_(msgid) msgid

#endif
