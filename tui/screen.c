/* screen.c - curses set-up, colours, text, keys and dumps; see screen.h. */
#include "config.h"

#include <curses.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "tui/keys.h"
#include "models/text.h"
#include "tui/screen.h"

static SCREEN *scr;
static FILE *scr_out, *scr_in;
static int scripted_mode, cursor_y = -1, cursor_x;
static attr_t roles[CW_ROLE_COUNT];

/* Colours when the terminal has them and the user has not asked for none (no-color.org: a
 * NO_COLOR that is set and not empty); attributes alone otherwise, so monochrome works. */
static void setup_roles(void)
{
	const char *no_color = getenv("NO_COLOR");
	int colour = !scripted_mode && has_colors() && !(no_color && *no_color);

	roles[CW_ROLE_NORMAL] = A_NORMAL;
	roles[CW_ROLE_TAB] = A_NORMAL;
	roles[CW_ROLE_TAB_ACTIVE] = A_REVERSE | A_BOLD;
	roles[CW_ROLE_HEADER] = A_BOLD | A_UNDERLINE;
	roles[CW_ROLE_SELECTED] = A_REVERSE;
	roles[CW_ROLE_STATUS] = A_REVERSE;
	roles[CW_ROLE_ERROR] = A_BOLD;
	roles[CW_ROLE_FIELD] = A_UNDERLINE;
	roles[CW_ROLE_FIELD_ACTIVE] = A_REVERSE;
	roles[CW_ROLE_HINT] = A_DIM;
	roles[CW_ROLE_TITLE] = A_BOLD;
	if (!colour)
		return;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE); /* bars */
	init_pair(2, COLOR_RED, -1);           /* errors */
	init_pair(3, COLOR_CYAN, -1);          /* headers and titles */
	init_pair(4, COLOR_BLACK, COLOR_CYAN); /* selection */
	init_pair(5, COLOR_YELLOW, -1);        /* hints */
	roles[CW_ROLE_TAB] = COLOR_PAIR(1);
	roles[CW_ROLE_TAB_ACTIVE] = COLOR_PAIR(4) | A_BOLD;
	roles[CW_ROLE_HEADER] = COLOR_PAIR(3) | A_BOLD;
	roles[CW_ROLE_SELECTED] = COLOR_PAIR(4);
	roles[CW_ROLE_STATUS] = COLOR_PAIR(1);
	roles[CW_ROLE_ERROR] = COLOR_PAIR(2) | A_BOLD;
	roles[CW_ROLE_HINT] = COLOR_PAIR(5);
	roles[CW_ROLE_TITLE] = COLOR_PAIR(3) | A_BOLD;
	roles[CW_ROLE_FIELD_ACTIVE] = COLOR_PAIR(4);
}

int cw_screen_open(int scripted, int cols, int lines)
{
	scripted_mode = scripted;
	if (scripted) {
		/* No terminal: curses draws into memory and writes its output to /dev/null. */
		if (!(scr_out = fopen("/dev/null", "w")) || !(scr_in = fopen("/dev/null", "r")))
			return -1;
		if (!(scr = newterm("xterm", scr_out, scr_in)))
			return -1;
		set_term(scr);
		resizeterm(lines, cols);
	} else {
		/* The terminal's own size wins over a stale COLUMNS or LINES in the environment
		 * (shells and test harnesses export them): curses would believe those, also
		 * after a resize. */
		unsetenv("COLUMNS");
		unsetenv("LINES");
		use_tioctl(TRUE);
		if (!(scr = newterm(NULL, stdout, stdin)))
			return -1;
		set_term(scr);
	}
	raw(); /* C-s, C-q and C-c reach the key table instead of the tty driver */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(40);
	setup_roles();
	curs_set(0);
	return 0;
}

void cw_screen_close(void)
{
	if (!scr)
		return;
	endwin();
	delscreen(scr);
	scr = NULL;
	if (scr_out)
		fclose(scr_out);
	if (scr_in)
		fclose(scr_in);
	scr_out = scr_in = NULL;
}

void cw_screen_suspend(void)
{
	def_prog_mode();
	endwin();
}

void cw_screen_resume(void)
{
	reset_prog_mode();
	clearok(stdscr, TRUE);
	refresh();
}

int cw_screen_cols(void)
{
	return COLS;
}

int cw_screen_lines(void)
{
	return LINES;
}

void cw_screen_resize(int cols, int lines)
{
	resizeterm(lines, cols);
}

void cw_screen_repaint(void)
{
	/* The terminal reflowed its old contents: what curses thinks is on it is wrong. */
	clearok(curscr, TRUE);
}

int cw_screen_key(int timeout_ms)
{
	wint_t wc;
	int rc;

	wtimeout(stdscr, timeout_ms);
	rc = wget_wch(stdscr, &wc);
	if (rc == KEY_CODE_YES)
		return CW_FN((int)wc);
	if (rc == OK)
		return (int)wc;
	/* A closed terminal makes every read fail at once, which curses reports as no key: the
	 * loop would spin on it for ever, holding the form, when no SIGHUP came (the shell that
	 * owned the terminal did not pass it on). A terminal hung up says so to poll. */
	if (!scripted_mode) {
		struct pollfd p = {STDIN_FILENO, POLLIN, 0};

		if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
			return CW_KEY_HANGUP;
	}
	return -1;
}

void cw_screen_clear(void)
{
	werase(stdscr);
	cursor_y = -1;
}

void cw_screen_put(int y, int x, int width, const char *text, enum cw_role role)
{
	char *safe, *fitted;
	size_t len;

	if (width <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + width > COLS)
		width = COLS - x;
	if (!(safe = cw_text_for_terminal(text ? text : "", 0)))
		return;
	len = (size_t)width * 12 + 16;
	if ((fitted = malloc(len))) {
		cw_text_fit(safe, width, 1, fitted, len);
		wattrset(stdscr, roles[role]);
		mvwaddstr(stdscr, y, x, fitted);
		wattrset(stdscr, A_NORMAL);
		free(fitted);
	}
	free(safe);
}

void cw_screen_fill(int y, enum cw_role role)
{
	cw_screen_put(y, 0, COLS, "", role);
}

void cw_screen_cursor(int y, int x)
{
	cursor_y = y;
	cursor_x = x;
}

void cw_screen_refresh(void)
{
	if (cursor_y >= 0 && cursor_y < LINES && cursor_x < COLS) {
		wmove(stdscr, cursor_y, cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	wrefresh(stdscr);
}

void cw_screen_dump(FILE *out)
{
	size_t cap = (size_t)COLS * 4 + 8;
	wchar_t *line = malloc(cap * sizeof *line);
	char *bytes = malloc(cap * MB_LEN_MAX + 1);

	if (!line || !bytes) {
		free(line);
		free(bytes);
		return;
	}
	for (int y = 0; y < LINES; y++) {
		size_t n = 0;
		mbstate_t st;
		int got = mvwinnwstr(stdscr, y, 0, line, (int)cap - 1);

		if (got < 0)
			got = 0;
		line[got] = L'\0';
		memset(&st, 0, sizeof st);
		for (int i = 0; i < got; i++) {
			size_t k = wcrtomb(bytes + n, line[i], &st);

			if (k != (size_t)-1)
				n += k;
		}
		while (n > 0 && bytes[n - 1] == ' ')
			n--;
		bytes[n] = '\0';
		fprintf(out, "%s\n", bytes);
	}
	free(line);
	free(bytes);
}
