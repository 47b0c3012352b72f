/* tui.h - the curses front end, opened by `casewatch` with no command. */
#ifndef CW_TUI_H
#define CW_TUI_H

#include "app/session.h"
#include "models/error.h"

/* Runs the terminal interface on session->db_dir until the user quits, or until SIGHUP (the
 * terminal closed) or SIGTERM (a shutdown) comes: then the forms with unsaved changes are kept
 * as drafts, the terminal is given back, and *ended_by says which signal it was (else 0), for
 * the caller to end the process as that signal would once the database is closed. Returns a
 * CW_E* code with err filled on failure. */
int cw_tui_main(struct cw_session *session, int *ended_by, struct cw_error *err);

#endif
