/* i18n.h - marking the text a user reads for translation (gettext; catalogues in po/), and
 * choosing the language it is shown in.
 *
 * _("...") translates now; N_("...") only marks a string that is translated later, where it is
 * used (tables of labels, static initialisers). Everything a user reads goes through one of
 * them: screens, help, messages, form labels, report headings and labels of enum values.
 * Names, notes and other text from the database never do. cw_error_set translates its format
 * itself (models/error.c), so its call sites stay unmarked: xgettext takes its 4th argument.
 *
 * P_("%zu hearing", "%zu hearings", n) is a sentence with a number in it: the catalogue gives
 * each language its plural forms (ngettext); xgettext takes it with --keyword=P_:1,2. */
#ifndef CW_I18N_H
#define CW_I18N_H

#include <libintl.h>

#define CW_TEXTDOMAIN        "casewatch"
#define _(msgid)             dgettext(CW_TEXTDOMAIN, msgid)
#define N_(msgid)            msgid
#define P_(msgid, plural, n) dngettext(CW_TEXTDOMAIN, msgid, plural, (unsigned long)(n))

/* At the start of the program, once: takes the locale from the environment (setlocale(LC_ALL,
 * "")), makes sure characters are UTF-8 (widths of Khmer come from wcwidth) and finds the
 * catalogues in localedir (DIR/km/LC_MESSAGES/casewatch.mo).
 *
 * A fresh Debian generates no km_KH.UTF-8 locale, so setlocale fails for LANG=km_KH.UTF-8;
 * glibc's gettext then sees the locale "C" and would ignore every catalogue. When that happens
 * and the environment names a language (LC_ALL, LC_MESSAGES or LANG, first set wins, as POSIX
 * says), the locale becomes C.UTF-8 and the language is kept for gettext in LANGUAGE (which
 * glibc honours in any locale but exactly "C"), unless LANGUAGE was set already. */
void cw_i18n_init(const char *localedir);

/* Switches the language of every message and label from now on (the config file's `language`,
 * `report --lang`): "km" or "en" (a longer locale name such as "km_KH.UTF-8" counts by its
 * first two letters), or NULL / "" to go back to what the environment chose at cw_i18n_init.
 * 0, or -1 for a language casewatch has no catalogue for (nothing changes then). */
int cw_i18n_use(const char *lang);

/* The language now in use for messages: "km" or "en" (English, the text in the source). */
const char *cw_i18n_language(void);

/* The folder the catalogues are looked for in (LOCALEDIR, or $CASEWATCH_LOCALEDIR), to say
 * where a missing one was expected. */
const char *cw_i18n_localedir(void);

/* Whether lang names a language cw_i18n_use takes ("en", "km", or a locale name of one). */
int cw_i18n_known(const char *lang);

#endif
