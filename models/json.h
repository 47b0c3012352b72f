/* json.h - records as JSON objects (jansson), for `--json` output, import files and bundles.
 *
 * Field names are the table names of record.h; enums are their words, sets arrays of words,
 * dates "YYYY[-MM[-DD]]", articles their canonical text ("437 bis"), ids 32 hex digits. Empty
 * fields are left out. The same shape is read back, so an export re-imports unchanged. */
#ifndef CW_JSON_H
#define CW_JSON_H

#include <jansson.h>
#include <stdio.h>

#include "models/error.h"
#include "models/record.h"

/* How a reference in an input file becomes an id. The default (resolve == NULL) takes 32 hex
 * digits as an id and anything else as a readable reference (cw_id_from_ref). A front end may
 * resolve names instead. */
struct cw_ref_resolver {
	int (*resolve)(void *ctx, const char *text, enum cw_kind kind, struct cw_id *out,
		       struct cw_error *err);
	void *ctx;
};

enum cw_json_flags {
	CW_JSON_HEADER = 1, /* include created, updated, author, origin, editor, edited_in */
};

/* A new JSON object for rec (NULL when out of memory). */
json_t *cw_record_to_json(const struct cw_record *rec, unsigned flags);

/* Names beside ids, for output read by people and scripts (never for bundles or stored data):
 * beside every key K that holds the id of a person or a case, K_name holds what `name` returns
 * for it (a person's name, a case's title); beside a plain array K of such ids, K_names holds
 * their names in the same order (null for an id with no name). Objects inside lists get their
 * own K_name keys. Ids `name` does not know (NULL) get no key. obj is what cw_record_to_json
 * returned for a record of `kind`. cw_record_from_json reads these keys back and ignores them,
 * so the output still imports. */
typedef const char *(*cw_json_namer)(void *ctx, const struct cw_id *id, enum cw_kind kind);
void cw_record_json_add_names(json_t *obj, enum cw_kind kind, cw_json_namer name, void *ctx);

/* After cw_record_json_add_names, for output written for others: every id of a person or case
 * (in the places that function names) for which `hide` returns 1 becomes null, its name kept
 * ("[confidential]"): the id would link every appearance of a protected person. Such output
 * no longer imports those references. */
typedef int (*cw_json_hider)(void *ctx, const struct cw_id *id, enum cw_kind kind);
void cw_record_json_hide_ids(json_t *obj, enum cw_kind kind, cw_json_hider hide, void *ctx);

/* Fills rec (initialised here; free with cw_record_free also on failure) from a JSON object
 * with "kind" and the kind's fields. "id" (hex) or "ref" (readable reference) gives the id;
 * without either the id stays zero. Unknown keys and values of the wrong type fail with
 * CW_EINVAL naming the key. Header timestamps are read when present. */
int cw_record_from_json(const json_t *obj, const struct cw_ref_resolver *resolver,
			struct cw_record *rec, struct cw_error *err);
/* A reference as files write it, what a resolver-less cw_record_from_json makes of it: 32 hex
 * digits are the id; anything else is a readable ref ("c-kang-saran", also written
 * "ref:c-kang-saran" as on the command line), whose id cw_id_from_ref gives. 1 for a ref, 0
 * for an id. */
int cw_json_ref_id(const char *text, struct cw_id *out);

/* json_dumpf for output people may read on a terminal: the same JSON, with every control
 * character jansson leaves raw (DEL, C1, bidi embeddings, overrides and isolates:
 * cw_text_is_control; it escapes those below 0x20 itself) written as a \uXXXX escape. Such
 * characters are refused on input, but a database changed by hand could still hold them, and
 * a terminal may act on them. Only strings can hold them, so the document reads back the
 * same. Every JSON a command prints goes through here. 0, or -1. */
int cw_json_dumpf(const json_t *value, FILE *out, size_t flags);

/* ISO 8601 UTC text of a cw_now_us() time, "2024-02-07T09:30:00.000000Z". */
void cw_time_format(int64_t us, char buf[32]);
/* Reads what cw_time_format writes (the fraction may be shorter or left out): a time from
 * 1970 on, its digits exactly where they belong; 0, or -1 for anything else. */
int cw_time_parse(const char *text, int64_t *us);

#endif
