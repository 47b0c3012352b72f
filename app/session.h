/* session.h - what both front ends need before they can work: which database (--db,
 * $CASEWATCH_DB, else $XDG_DATA_HOME/casewatch), who is writing (the author), and opening and
 * closing the store. Below the command line and the terminal interface, so neither depends on
 * the other to open a database. May use: models/, store/. */
#ifndef CW_APP_SESSION_H
#define CW_APP_SESSION_H

#include "models/error.h"
#include "store/store.h"

struct cw_session {
	const char *db_dir; /* the database folder */
	int db_given;       /* --db or $CASEWATCH_DB named it (else it is the default) */
	char author[128];   /* $CASEWATCH_AUTHOR, the config file, else the login name */
	struct cw_store *store;
};

/* Fills the database folder from $CASEWATCH_DB (else the default) and the author. A front end
 * that takes --db sets db_dir and db_given afterwards. */
void cw_session_init(struct cw_session *s);

/* $XDG_DATA_HOME/NAME, else ~/.local/share/NAME, in a static buffer. */
const char *cw_session_data_dir(const char *name);

/* Opens s->store on s->db_dir (creating the database when `create`); a no-op when open.
 * $CASEWATCH_MAP_SIZE sets the initial map size (tests use a tiny map to force growth). */
int cw_session_open(struct cw_session *s, int create, struct cw_error *err);

void cw_session_close(struct cw_session *s);

#endif
