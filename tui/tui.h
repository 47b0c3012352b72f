/* tui.h - the curses front end, opened by `casewatch` with no command. */
#ifndef CW_TUI_H
#define CW_TUI_H

#include "app/session.h"
#include "models/error.h"

/* Runs the terminal interface on session->db_dir until the user quits. Returns a CW_E* code
 * with err filled on failure. */
int cw_tui_main(struct cw_session *session, struct cw_error *err);

#endif
