/* main.c - casewatch's entry point: the only place that exits. */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/unlock.h"
#include "cli/pager.h"
#include "cli/run.h"
#include "models/text.h"

int main(int argc, char **argv)
{
	struct cw_cli cli;
	int rc;

	/* Widths of Khmer text come from wcwidth, which needs a UTF-8 character type. */
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* Keys live in this process's memory: no core dump may carry them to a file. */
	cw_process_harden();
	memset(&cli, 0, sizeof cli);
	rc = cw_cli_run(&cli, argc, argv);
	if (cli.session.store)
		cw_store_close(cli.session.store);
	/* Waits for the pager to be quit, so that an error line comes after it, not under it. */
	if ((cw_paging_end(cli.out) != 0 || fflush(stdout) != 0) && rc == 0) {
		fprintf(stderr, "casewatch: output: cannot write: %s\n",
			cw_write_error_text(errno, fileno(stdout)));
		return 74;
	}
	if (rc != 0) {
		char line[512], *safe;

		if (!cli.err.code)
			cli.err.code = rc;
		cw_error_format(&cli.err, line, sizeof line);
		/* Messages quote what was typed and what is stored: whatever either holds, the
		 * terminal gets one line with no control sequence in it. */
		safe = cw_text_for_terminal(line, 0);
		fprintf(stderr, "casewatch: %s\n", safe ? safe : line);
		free(safe);
		return cw_error_exit_status(rc);
	}
	return 0;
}
