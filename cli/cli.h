/* cli.h - what every command of the command line uses: the parsed state, the option parser,
 * opening the store, resolving names and record options. Only main() exits.
 * May use every layer below: models/, store/, report/, app/, seed/, tui/. */
#ifndef CW_CLI_H
#define CW_CLI_H

#include <jansson.h>
#include <stdio.h>
#include <sys/types.h>

#include "app/session.h"
#include "models/error.h"
#include "models/record.h"
#include "report/report.h"
#include "store/store.h"

struct cw_cli {
	struct cw_session session; /* database folder, author, the open store */
	struct cw_error err;
	FILE *out;
	int json;     /* --json */
	int yes;      /* --yes */
	int help;     /* --help */
	int no_pager; /* --no-pager: never page (cli/pager.h) */
	int argc;     /* the command's own arguments, options and all */
	char **argv;
	/* Dates typed in words ("yesterday", "next monday") and the days they gave, "date
	 * 2024-02-06, next-date 2024-02-09": add and edit show them after the record's id. */
	char said[256];
	/* The signal that ended the terminal interface (SIGHUP, SIGTERM), else 0: main ends the
	 * process as that signal would, once the database is closed. */
	int ended_by;
	/* A command that only reads (cw_command.reads): an option with a value given twice is
	 * refused, as add and edit refuse a field of one value given twice (which --since was
	 * meant cannot be told). None of these commands' options is marked repeatable. The
	 * options seen, each by the argument it stands at, so that a second pass over the same
	 * arguments is no second giving. */
	int once;
	struct {
		char name[32];
		int at;
	} given[64];
	size_t ngiven;
};

/* A command: `casewatch NAME [SUB] options...`. run() gets the index of the first argument
 * after the command words. Commands are listed in cli.c's table, which also makes --help. */
struct cw_command {
	const char *name;
	const char *sub; /* second word, or NULL */
	int (*run)(struct cw_cli *cli, const struct cw_command *cmd, int first_arg);
	enum cw_kind kind; /* the record kind a command adds, else 0 */
	const char *usage;
	const char *summary;
	const char *help; /* more lines for `casewatch NAME --help`, or NULL */
	/* Only reads the database: it is opened read-only, so the command works on read-only
	 * media (a write-protected stick, a read-only mount) and never blocks a writer. */
	int reads;
	/* Its output may be long and it asks nothing while printing: on a terminal, output
	 * longer than the screen goes through the pager (cli/pager.h). */
	int pages;
};

/* Takes --passphrase-file and --passphrase-fd (which may stand among any command's options;
 * cw_cli_next_opt does so itself, and skips --no-pager): 1 when name was one of them, 0 when not,
 * or an error. */
int cw_cli_passphrase_option(struct cw_cli *cli, const char *name, const char *value);

/* Opens cli->session.store (creating the database when `create`). */
int cw_cli_open_store(struct cw_cli *cli, int create);
/* Before cw_cli_open_store: the store is to be opened as a bulk writer (pages written in
 * place; see cw_store_options.bulk) when the file it will write from holds at least
 * CW_CLI_BULK_BYTES. Smaller writes keep LMDB's usual way, in which a refused or interrupted
 * one leaves the file byte for byte as it was. */
#define CW_CLI_BULK_BYTES ((off_t)1 << 20)
void cw_cli_bulk_for(struct cw_cli *cli, const char *path);

/* Room for cw_cli_quoted_arg's text. */
#define CW_CLI_QUOTED_MAX 256
/* An argument as an error message quotes it: 'ARG' (its first 40 bytes), but an option given
 * a value after '=' ("--passphrase=SECRET", "-p=SECRET") as its name alone, "'--passphrase' (its
 * value is not shown)": the value may be a secret typed where a file was meant, and an error
 * line ends up on screens, in scrollback and in logs. Into buf; returns buf. */
const char *cw_cli_quoted_arg(const char *arg, char *buf, size_t len);

/* An option parser over cli->argv: "--name value" or "--name=value". */
struct cw_opt {
	const char *name; /* without the dashes */
	const char *value;
};
/* Returns 1 and fills *opt for the next option, 0 at the end, or CW_EUSAGE for a stray
 * argument (a positional where none is expected is an error). `flags` names the options that
 * take no value ("json,yes,help"). */
int cw_cli_next_opt(struct cw_cli *cli, int *i, const char *flags, struct cw_opt *opt);
/* For a command that only reads (cli->once): CW_EUSAGE naming `name` when the option was seen
 * already at another argument than `at` ("is given twice; give it once"), else 0 and it is
 * noted. -o and --output are one option; the filters' options that add (--kind, --account,
 * --filter) are taken as often as given. cw_cli_next_opt does it for every option it returns
 * with a value; commands that read -o themselves call it for -o. */
int cw_cli_given_once(struct cw_cli *cli, const char *name, int at);
/* Whether an argument is an option's name (--word), so never an option's value: a value may
 * begin with one dash ("-2d") or be "--" alone, not "--" and a letter ("--notes --confidential"
 * is --notes without its value, not notes reading "--confidential"). */
int cw_cli_looks_like_option(const char *arg);

/* 0 when nothing but the flags every command takes (--json, --yes, --help) stands from
 * argv[i] on, else CW_EUSAGE naming the first other argument: for commands that take no options of
 * their own, before they open the database, so that a mistyped option is a usage error (2) whatever
 * the database. */
int cw_cli_no_more(struct cw_cli *cli, int i, const char *usage);

/* "casewatch: warning: article X is not in the built-in table" on stderr when it is not (the
 * table cannot hold every law, so such an article is taken, with a word). */
void cw_cli_warn_article(const struct cw_article *a);

/* Before a filtered list, export or report: a warning for each article outside the table, and
 * CW_ENOTFOUND (66) naming the criterion when a person, case, court or province in the filter
 * names nothing in the database (cw_store_filter_check): a typo must not read as a quiet
 * week. The store is open. */
int cw_cli_check_filter(struct cw_cli *cli, const struct cw_filter *f);

/* Builds or edits a record from command-line options (record_options.c). Unknown options and bad
 * values fail naming the option. Date options take what cw_date_parse_relative reads, from
 * today; those typed in words are noted in cli->said. */
int cw_cli_apply_record_options(struct cw_cli *cli, struct cw_record *rec, int first_arg);
/* The option names from first_arg on, checked before the database is opened (a typo is a
 * usage error, 2, even with no passphrase at hand): those of a record of `kind`, or of any
 * kind (-1: edit, before the record is read). Values are checked when applied. */
int cw_cli_check_record_option_names(struct cw_cli *cli, int kind, int first_arg);

/* Resolves a person or case from a name, id or id prefix; the error lists candidates, their
 * names neutralised for the terminal. */
int cw_cli_resolve(struct cw_cli *cli, enum cw_kind kind, const char *text, const char *field,
		   struct cw_id *out);

/* The record an argument names: ref:REF, an id or id prefix, else a person's name or a case's
 * title (as the man page says ID may be). Errors name `field`. */
int cw_cli_find_record(struct cw_cli *cli, const char *arg, const char *field, struct cw_id *id);

/* A count option (--limit, --offset): digits only, refused past what a size holds, so that
 * "-1" or 2^64 is never read as a huge or wrapped number. CW_EINVAL naming `name`. */
int cw_cli_count(struct cw_cli *cli, const char *name, const char *value, size_t *out);

/* Looks up the people and cases that n records name (all zeroed r; the caller frees it with
 * cw_report_free), for cw_export_record_json: --json gives their names beside their ids. */
int cw_cli_names(struct cw_cli *cli, const struct cw_record *items, size_t n, struct cw_report *r);
/* n records as a JSON array (one: the object alone), names beside ids; printed to cli->out. */
int cw_cli_print_records_json(struct cw_cli *cli, const struct cw_record *items, size_t n, int one);
/* One record's JSON with one more member, name: value (value is taken, whatever happens). */
int cw_cli_print_records_json_with(struct cw_cli *cli, const struct cw_record *rec,
				   const char *name, json_t *value);

/* Prints a JSON value to cli->out (taking its reference); CW_ENOMEM when value is NULL. */
int cw_cli_print_json(struct cw_cli *cli, json_t *value);

/* Reads a date option as a person types it (cw_date_parse_relative, from today), noting in
 * cli->said what one typed in words gave. CW_EINVAL naming `opt`. */
int cw_cli_date(struct cw_cli *cli, const char *opt, const char *value, struct cw_date *out);

/* " (date 2024-02-06)" when cli->said holds dates typed in words, else "". */
const char *cw_cli_said(const struct cw_cli *cli);
/* An advice of app/advice.h on standard error: "casewatch: warning: WHAT; FIX", made safe for
 * the terminal. ctx is unused. */
void cw_cli_print_advice(void *ctx, const char *what, const char *fix);

/* Prints the help for the record options of a kind. */
void cw_cli_print_record_options(FILE *out, enum cw_kind kind);

#endif
