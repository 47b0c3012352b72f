/* run.h - the command line's entry: `casewatch [--db DIR] [COMMAND ...]`; with no command, the
 * terminal interface. */
#ifndef CW_CLI_RUN_H
#define CW_CLI_RUN_H

#include "cli/cli.h"

/* Runs the command line; returns a CW_E* code with cli->err filled on failure. */
int cw_cli_run(struct cw_cli *cli, int argc, char **argv);

#endif
