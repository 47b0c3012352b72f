/* tui.c - the curses front end (being built: for now it points to the command line). */
#include "config.h"

#include "tui.h"

int cw_tui_main(struct cw_cli *cli)
{
	return cw_error_set(&cli->err, CW_EUSAGE, "",
			    "the terminal interface is not built yet; see casewatch --help");
}
