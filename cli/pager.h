/* pager.h - long output through a pager, as git does it.
 *
 * When standard output is a terminal, a command whose output may be long prints into the
 * stream cw_paging_begin returns. It holds the text until it is longer than the screen: then it
 * starts the pager ($CASEWATCH_PAGER, else $PAGER, else "less -FX"), gives it what it held and
 * passes the rest through; output that fits is written to the terminal when the command ends,
 * with no pager. Only for commands that ask nothing (passphrase prompts go to /dev/tty before
 * any output; the terminal interface never pages). Errors go to standard error, never paged.
 *
 * A pager quit early is not an error: what is left is dropped, no SIGPIPE, no message, and the
 * command's exit status stays its own. */
#ifndef CW_CLI_PAGER_H
#define CW_CLI_PAGER_H

#include <stdio.h>

/* The pager command to use, or NULL for none: none when `disabled` (--no-pager), when
 * standard output is not a terminal, when TERM is "dumb", or when the variable that decides
 * ($CASEWATCH_PAGER when set, else $PAGER) is empty or "cat". */
const char *cw_paging_command(int disabled);

/* The stream to print to: a paging stream when cw_paging_command gives a pager, else out
 * itself. */
FILE *cw_paging_begin(FILE *out, int disabled);

/* Ends what cw_paging_begin started (nothing when out is not its stream): writes what is held
 * or closes the pager's pipe and waits for the pager to exit. 0, or -1 with errno when the
 * terminal could not take the output. */
int cw_paging_end(FILE *out);

/* The descriptor that out finally reaches: standard output's for the paging stream (so that
 * tables fit the terminal's width), else fileno(out). */
int cw_paging_fileno(FILE *out);

#endif
