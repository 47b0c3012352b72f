/* tui.h - the curses front end, opened by `casewatch` with no command. */
#ifndef CW_TUI_H
#define CW_TUI_H

#include "cli.h"

/* Runs the terminal interface on cli->db_dir until the user quits. Returns a CW_E* code with
 * cli->err filled on failure. */
int cw_tui_main(struct cw_cli *cli);

#endif
