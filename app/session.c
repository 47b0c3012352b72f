/* session.c - database folder, author, open and close; see session.h. */
#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/session.h"
#include "models/text.h"

/* $CASEWATCH_AUTHOR, else `author = NAME` in the config file, else the login name. */
static void find_author(struct cw_session *s)
{
	const char *env = getenv("CASEWATCH_AUTHOR"), *cfg = getenv("XDG_CONFIG_HOME"),
		   *home = getenv("HOME");
	char path[1024], line[256];
	struct passwd *pw;
	FILE *f;

	if (env && *env && cw_text_validate(env, 100, 0, "author", NULL) == 0) {
		snprintf(s->author, sizeof s->author, "%s", env);
		return;
	}
	if (cfg && *cfg)
		snprintf(path, sizeof path, "%s/casewatch/config", cfg);
	else
		snprintf(path, sizeof path, "%s/.config/casewatch/config", home ? home : ".");
	if ((f = fopen(path, "r"))) {
		while (fgets(line, sizeof line, f)) {
			char *v;

			line[strcspn(line, "\r\n")] = '\0';
			if (strncmp(line, "author", 6) != 0 || !(v = strchr(line, '=')))
				continue;
			for (v++; *v == ' '; v++)
				;
			if (*v && cw_text_validate(v, 100, 0, "author", NULL) == 0) {
				snprintf(s->author, sizeof s->author, "%s", v);
				fclose(f);
				return;
			}
		}
		fclose(f);
	}
	pw = getpwuid(getuid());
	snprintf(s->author, sizeof s->author, "%s", pw && pw->pw_name ? pw->pw_name : "unknown");
}

const char *cw_session_data_dir(const char *name)
{
	static char path[1024];
	const char *data = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (data && *data)
		snprintf(path, sizeof path, "%s/%s", data, name);
	else
		snprintf(path, sizeof path, "%s/.local/share/%s", home ? home : ".", name);
	return path;
}

void cw_session_init(struct cw_session *s)
{
	const char *env_db = getenv("CASEWATCH_DB");

	memset(s, 0, sizeof *s);
	s->db_given = env_db && *env_db;
	s->db_dir = s->db_given ? env_db : cw_session_data_dir("casewatch");
	find_author(s);
}

int cw_session_open(struct cw_session *s, int create, struct cw_error *err)
{
	struct cw_store_options opt = {0, s->author, create, 0};
	const char *map = getenv("CASEWATCH_MAP_SIZE");
	int rc;

	if (s->store)
		return 0;
	if (map)
		opt.map_size = (size_t)strtoull(map, NULL, 10);
	rc = cw_store_open(s->db_dir, &opt, &s->store, err);
	if (rc == CW_ENOTFOUND && !create && !strcmp(err->field, "database"))
		/* Name the command that creates it, with the folder when it is not the default. */
		cw_error_set(err, CW_ENOTFOUND, "database",
			     "no casewatch database in %.300s; create one with 'casewatch%s%.300s "
			     "init'",
			     s->db_dir, s->db_given ? " --db " : "", s->db_given ? s->db_dir : "");
	return rc;
}

void cw_session_close(struct cw_session *s)
{
	if (s->store)
		cw_store_close(s->store);
	s->store = NULL;
}
