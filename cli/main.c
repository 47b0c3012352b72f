/* main.c - casewatch's entry point: the only place that exits. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/settings.h"
#include "app/unlock.h"
#include "cli/pager.h"
#include "cli/run.h"
#include "models/i18n.h"
#include "models/text.h"

int main(int argc, char **argv)
{
	struct cw_cli cli;
	const char *localedir;
	char lang[32], *tz;
	int rc;

	/* The locale, UTF-8 characters for widths, and the catalogues: installed ones, or the
	 * build tree's when $CASEWATCH_LOCALEDIR says so (the tests run casewatch uninstalled). */
	localedir = getenv("CASEWATCH_LOCALEDIR");
	cw_i18n_init(localedir && *localedir ? localedir : LOCALEDIR);
	/* The config file's `language` outranks the environment: it is said for casewatch alone. A
	 * value it cannot take is named by cw_config_check; until then the environment's holds. */
	if (cw_config_get(cw_config_path(), "language", lang, sizeof lang, NULL) == 0 &&
	    cw_i18n_known(lang))
		cw_i18n_use(lang);
	/* Before anything reads the clock: "today" is the team's day. */
	tz = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	if (cw_time_zone_use(cw_config_path())) {
		char *safe = tz ? cw_text_for_terminal(tz, 0) : NULL;

		fprintf(stderr,
			_("casewatch: warning: TZ=%s names no time zone this machine knows: "
			  "using %s\n"),
			safe ? safe : "?", CW_TIME_ZONE_DEFAULT);
		free(safe);
	}
	free(tz);
	/* Keys live in this process's memory: no core dump may carry them to a file. */
	cw_process_harden();
	memset(&cli, 0, sizeof cli);
	rc = cw_cli_run(&cli, argc, argv);
	if (cli.session.store)
		cw_store_close(cli.session.store);
	/* The terminal interface ended by SIGHUP or SIGTERM, its forms kept and the terminal
	 * given back: the process ends as that signal ends one, so whatever sent it (a shell, a
	 * shutdown) sees so (a shell's status 129 or 143). Before the output check below: a
	 * closed terminal takes no more output, which is no failure of this process. */
	if (rc == 0 && cli.ended_by) {
		(void)fflush(stdout);
		signal(cli.ended_by, SIG_DFL);
		raise(cli.ended_by);
		return 128 + cli.ended_by; /* not reached unless the signal is blocked */
	}
	/* Waits for the pager to be quit, so that an error line comes after it, not under it. */
	if ((cw_paging_end(cli.out) != 0 || fflush(stdout) != 0) && rc == 0) {
		fprintf(stderr, _("casewatch: output: cannot write: %s\n"),
			cw_write_error_text(errno, fileno(stdout)));
		return 74;
	}
	if (rc != 0) {
		char line[CW_ERROR_LINE_MAX], *safe;

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
