/* import.h - records from JSON Lines files: the demo seed, and `casewatch import`.
 *
 * One record a line, as `casewatch show --json` prints them; "ref" gives a readable stable id
 * and references name other records by ref or by id. The whole file is one write
 * transaction, read a line at a time (memory does not grow with the file): a bad line is
 * reported with the file, its number and the field, and nothing from the file is written.
 * Every line's form is checked (its JSON and the record it makes) even after a bad one, so
 * that one run names the first CW_IMPORT_PROBLEMS_MAX bad lines, not only the first; what
 * the database is asked (references, a record given twice) is checked line by line up to the
 * first bad one, since later lines may name what a bad one would have made. What the file
 * changes in a record's soft references (`after`, `links`) is checked once it is all written, as
 * the command line checks --after, --same-event and --disputes: the record itself, a person or
 * a case where an event is meant, or a placement that closes a loop with the file's records or
 * the database's, refuses the file by the line; a record named that is in neither stays a
 * soft reference (a bundle may bring it later). Bundles are not checked so: they bring what
 * another database holds, as it holds it.
 * Importing the same file twice changes nothing the second time; one file gives each record
 * once. path "-" is standard input; standard input, a pipe or a terminal is read whole into
 * memory first, since the transaction may have to read its input again. A file whose first
 * line opens a JSON document (what list --json and show --json print) is read whole as one,
 * and its records are named by their place. */
#ifndef CW_IMPORT_H
#define CW_IMPORT_H

#include <stddef.h>

#include "models/error.h"
#include "store/store.h"

#define CW_IMPORT_PROBLEMS_MAX 20

struct cw_import_stats {
	size_t records; /* records in the file */
	size_t changed; /* new or changed in the database */
	/* When the file is refused for its lines: each bad line's error, in the file's order
	 * (problems[0] is the one returned in err), and `more` when reading stopped at
	 * CW_IMPORT_PROBLEMS_MAX with lines left unread. 0 problems for any other failure. */
	struct cw_error problems[CW_IMPORT_PROBLEMS_MAX];
	size_t nproblems;
	int more;
};

int cw_import_jsonl(struct cw_store *st, const char *path, struct cw_import_stats *stats,
		    struct cw_error *err);

#endif
