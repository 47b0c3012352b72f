/* i18n.c - locale at start and the language of messages; see i18n.h. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/i18n.h"

/* Where glibc's gettext counts changes of catalogues: bumping it drops the translations it has
 * cached, so that a new LANGUAGE takes effect at once (the gettext manual's way). */
extern int _nl_msg_cat_cntr;

/* LANGUAGE as the environment gave it after cw_i18n_init ("" when unset), for cw_i18n_use(NULL). */
static char start_language[64];
static int start_language_set;
static char start_messages[64] = "C";

/* "km" from "km", "km_KH", "km_KH.UTF-8", "km:en"; NULL for anything casewatch cannot show. */
static const char *language_code(const char *lang)
{
	if (!lang || !*lang)
		return NULL;
	if (!strncmp(lang, "km", 2) && !((lang[2] >= 'a' && lang[2] <= 'z')))
		return "km";
	if (!strncmp(lang, "en", 2) && !((lang[2] >= 'a' && lang[2] <= 'z')))
		return "en";
	if (!strcmp(lang, "C") || !strncmp(lang, "C.", 2) || !strcmp(lang, "POSIX"))
		return "en";
	return NULL;
}

int cw_i18n_known(const char *lang)
{
	return language_code(lang) != NULL;
}

static void catalogues_changed(void)
{
	++_nl_msg_cat_cntr;
}

void cw_i18n_init(const char *localedir)
{
	const char *asked = NULL, *now;

	if (!setlocale(LC_ALL, "")) {
		const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};

		for (size_t i = 0; i < sizeof names / sizeof names[0] && !asked; i++) {
			const char *v = getenv(names[i]);

			if (v && *v)
				asked = v;
		}
		setlocale(LC_ALL, "C.UTF-8");
		/* The locale asked for is not generated here: gettext still finds its language
		 * through LANGUAGE, which glibc reads in C.UTF-8 (not in "C"). */
		if (asked && language_code(asked) && !strcmp(language_code(asked), "km") &&
		    !(getenv("LANGUAGE") && *getenv("LANGUAGE")))
			setenv("LANGUAGE", "km", 1);
	}
	/* Widths of Khmer text come from wcwidth, which needs a UTF-8 character type. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	now = setlocale(LC_MESSAGES, NULL);
	snprintf(start_messages, sizeof start_messages, "%s", now ? now : "C");
	snprintf(start_language, sizeof start_language, "%s",
		 getenv("LANGUAGE") ? getenv("LANGUAGE") : "");
	start_language_set = getenv("LANGUAGE") != NULL;
	if (localedir && *localedir)
		bindtextdomain(CW_TEXTDOMAIN, localedir);
	/* Catalogues are UTF-8 and so is every terminal casewatch writes to (above). */
	bind_textdomain_codeset(CW_TEXTDOMAIN, "UTF-8");
}

int cw_i18n_use(const char *lang)
{
	const char *code;

	if (!lang || !*lang) {
		if (start_language_set)
			setenv("LANGUAGE", start_language, 1);
		else
			unsetenv("LANGUAGE");
		setlocale(LC_MESSAGES, start_messages);
		catalogues_changed();
		return 0;
	}
	if (!(code = language_code(lang)))
		return -1;
	/* LANGUAGE outranks LC_MESSAGES in glibc's gettext whenever the locale is not "C"; in
	 * "C" it is ignored, so messages move to C.UTF-8 (the same text, UTF-8 characters). */
	setenv("LANGUAGE", code, 1);
	if (!strcmp(setlocale(LC_MESSAGES, NULL), "C") ||
	    !strcmp(setlocale(LC_MESSAGES, NULL), "POSIX"))
		setlocale(LC_MESSAGES, "C.UTF-8");
	catalogues_changed();
	return 0;
}

const char *cw_i18n_localedir(void)
{
	const char *dir = bindtextdomain(CW_TEXTDOMAIN, NULL);

	return dir ? dir : "";
}

const char *cw_i18n_language(void)
{
	/* What gettext itself does: the catalogue's own header names its language. */
	static const char header_msgid[] = "";
	const char *header = dgettext(CW_TEXTDOMAIN, header_msgid);

	return header && strstr(header, "Language: km") ? "km" : "en";
}
