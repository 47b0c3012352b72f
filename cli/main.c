/* main.c - casewatch's entry point: the only place that exits. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "app/unlock.h"
#include "cli/run.h"

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
	if (fflush(stdout) != 0 && rc == 0) {
		fprintf(stderr, "casewatch: cannot write output\n");
		return 74;
	}
	if (rc != 0) {
		char line[512];

		if (!cli.err.code)
			cli.err.code = rc;
		cw_error_format(&cli.err, line, sizeof line);
		fprintf(stderr, "casewatch: %s\n", line);
		return cw_error_exit_status(rc);
	}
	return 0;
}
