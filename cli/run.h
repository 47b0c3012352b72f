/* run.h - the command line's entry: `casewatch [--db DIR] [COMMAND ...]`; with no command, the
 * terminal interface. */
#ifndef CW_CLI_RUN_H
#define CW_CLI_RUN_H

#include "cli/cli.h"

/* Runs the command line; returns a CW_E* code with cli->err filled on failure. */
int cw_cli_run(struct cw_cli *cli, int argc, char **argv);

/* The table of commands, n of them (run.c). */
const struct cw_command *cw_cli_commands(size_t *n);
/* What `casewatch NAME [SUB] --help` prints. */
void cw_cli_print_command_help(FILE *out, const struct cw_command *cmd);
/* The options that may stand before the command, space-separated. */
extern const char cw_cli_global_options[];

/* `casewatch completion bash|zsh` (completion.c): prints the completion script for the shell;
 * argv holds the words after "completion". Not in --help: for the shells, not for people. */
int cw_cmd_completion(struct cw_cli *cli, int argc, char **argv);

#endif
