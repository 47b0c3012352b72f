/* import.h - records from JSON Lines files: the demo seed, and `casewatch import`.
 *
 * One record a line, as `casewatch show --json` prints them; "ref" gives a readable stable id
 * and references name other records by ref or by id. The whole file is one write
 * transaction, read a line at a time (memory does not grow with the file): a bad line is
 * reported with the file, its number and the field, and nothing from the file is written.
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

struct cw_import_stats {
	size_t records; /* records in the file */
	size_t changed; /* new or changed in the database */
};

int cw_import_jsonl(struct cw_store *st, const char *path, struct cw_import_stats *stats,
		    struct cw_error *err);

#endif
