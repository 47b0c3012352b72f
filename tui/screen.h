/* screen.h - the one module that talks to curses directly for set-up, colours, text output,
 * keys and the screen dump of the scripted test mode.
 *
 * Two ways to open it: on the user's terminal, or scripted (CASEWATCH_TUI_SCRIPT): curses
 * then writes to /dev/null on a virtual screen of a given size, keys come from the script,
 * and the screen's text can be dumped to stdout (read back with winnwstr, as tig's tests do). */
#ifndef CW_SCREEN_H
#define CW_SCREEN_H

#include <stdio.h>

/* What a piece of text is, for its colour or (monochrome) attribute. */
enum cw_role {
	CW_ROLE_NORMAL,
	CW_ROLE_TAB,
	CW_ROLE_TAB_ACTIVE,
	CW_ROLE_HEADER,
	CW_ROLE_SELECTED,
	CW_ROLE_STATUS,
	CW_ROLE_ERROR,
	CW_ROLE_FIELD,
	CW_ROLE_FIELD_ACTIVE,
	CW_ROLE_HINT,
	CW_ROLE_TITLE,
	CW_ROLE_COUNT
};

/* Opens curses on the terminal (scripted 0) or on a virtual cols x lines screen. */
int cw_screen_open(int scripted, int cols, int lines);
void cw_screen_close(void);
/* Leaves curses for a while (to run $EDITOR) and comes back. */
void cw_screen_suspend(void);
void cw_screen_resume(void);

int cw_screen_cols(void);
int cw_screen_lines(void);
/* Scripted: a new virtual size, as a terminal resize would give. */
void cw_screen_resize(int cols, int lines);
/* After a resize: the next refresh redraws everything. */
void cw_screen_repaint(void);

/* Next key from the terminal within timeout_ms (-1 on timeout); see keys.h for key values.
 * CW_KEY_HANGUP when the terminal is gone (closed, its connection lost). */
int cw_screen_key(int timeout_ms);

void cw_screen_clear(void);
/* Writes text at (y, x) in exactly `width` columns: neutralised for the terminal, cut with
 * "…" when too wide, padded with spaces. */
void cw_screen_put(int y, int x, int width, const char *text, enum cw_role role);
/* Fills a whole line with one role (e.g. the status bar background). */
void cw_screen_fill(int y, enum cw_role role);
/* Shows the cursor at (y, x), or hides it with y < 0. */
void cw_screen_cursor(int y, int x);
void cw_screen_refresh(void);

/* Writes the screen's text, one line per row with trailing spaces removed. */
void cw_screen_dump(FILE *out);

#endif
