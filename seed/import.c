/* import.c - JSON Lines import in one transaction; see import.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "models/i18n.h"
#include "seed/import.h"
#include "models/json.h"
#include "models/text.h"

#define LINE_MAX_BYTES (1 << 20)

/* The file is read inside the write transaction, one line at a time: memory stays that of one
 * record whatever the file's size, and a bad line aborts the transaction, so nothing of the
 * file is written. The transaction may run again (after the map grows): it reads from the
 * start each time. */
struct import_ctx {
	FILE *f;
	size_t records;
	size_t changed;
};

/* Prefixes the error's field with "line N: ". */
static int at_line(struct cw_error *err, size_t line, int rc)
{
	char field[sizeof err->field];

	if (!err)
		return rc;
	snprintf(field, sizeof field, "%s", err->field);
	snprintf(err->field, sizeof err->field, _("line %zu: %.80s"), line, field);
	return rc;
}

/* Parses and validates one line into rec (freed by the caller whatever happens); *view_given
 * says whether the line names an account. */
static int parse_line(struct cw_record *rec, const char *line, size_t len, int *view_given,
		      struct cw_error *err)
{
	json_error_t jerr;
	json_t *obj;
	int rc;

	cw_record_init(rec, CW_KIND_PERSON);
	if ((rc = cw_text_validate(line, LINE_MAX_BYTES, CW_TEXT_MULTILINE, "line", err)) != 0)
		return rc;
	if (!(obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr)))
		return cw_error_set(err, CW_EINVAL, "json", "%s (column %d)", jerr.text,
				    jerr.column);
	cw_record_free(rec);
	rc = cw_record_from_json(obj, NULL, rec, err);
	*view_given = json_object_get(obj, "view") != NULL;
	json_decref(obj);
	if (rc == 0 && cw_id_is_zero(&rec->id))
		rc = cw_error_set(err, CW_EINVAL, "ref",
				  "every imported record needs an id or a ref");
	if (rc == 0)
		rc = cw_record_validate(rec, err);
	return rc;
}

/* As when it is logged, a new record whose source is "own observation" and which names no
 * account is the team's own (the English words only: a file reads the same in any language).
 * A record the database holds already keeps its account: importing it again changes nothing. */
static int own_account(struct cw_txn *txn, struct cw_record *rec, struct cw_error *err)
{
	struct cw_record held;
	int rc = cw_txn_get(txn, &rec->id, &held, err);

	if (rc == 0) {
		cw_record_free(&held);
		return 0;
	}
	if (rc != CW_ENOTFOUND)
		return rc;
	cw_error_clear(err);
	cw_record_view_from_source(rec, 0);
	return 0;
}

static int write_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct import_ctx *im = ctx;
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t len;
	int rc = 0;

	im->records = im->changed = 0;
	rewind(im->f);
	while (rc == 0 && (len = getline(&line, &cap, im->f)) >= 0) {
		struct cw_record rec;
		int changed = 0, view_given = 0;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#') /* blank lines and comments */
			continue;
		rc = parse_line(&rec, line, (size_t)len, &view_given, err);
		if (rc == 0 && !view_given && rec.source)
			rc = own_account(txn, &rec, err);
		if (rc == 0)
			rc = cw_txn_put(txn, &rec, 0, &changed, err);
		cw_record_free(&rec);
		if (rc != 0)
			at_line(err, lineno, rc);
		im->records++;
		im->changed += (size_t)changed;
	}
	free(line);
	if (rc == 0 && ferror(im->f))
		rc = cw_error_set(err, CW_EIO, "file", "cannot read the file");
	return rc;
}

int cw_import_jsonl(struct cw_store *st, const char *path, struct cw_import_stats *stats,
		    struct cw_error *err)
{
	struct import_ctx im = {fopen(path, "r"), 0, 0};
	const char *base = strrchr(path, '/');
	int rc;

	stats->records = stats->changed = 0;
	if (!im.f)
		return cw_error_set(err, CW_EIO, "file", "cannot read %.200s: %s", path,
				    strerror(errno));
	/* Room for the file's records at once (they take a few times their JSON in the database
	 * with their index keys), so the one transaction is not run again as the map grows. */
	{
		struct stat sb;

		rc = fstat(fileno(im.f), &sb) == 0
			     ? cw_store_reserve(st, (uint64_t)sb.st_size * 8, err)
			     : 0;
	}
	if (rc == 0)
		rc = cw_store_write(st, write_fn, &im, err);
	fclose(im.f);
	if (rc != 0 && err && strncmp(err->field, "line ", 5) == 0) {
		char field[sizeof err->field];

		snprintf(field, sizeof field, "%s", err->field);
		snprintf(err->field, sizeof err->field, "%.20s %.90s", base ? base + 1 : path,
			 field);
	}
	if (rc != 0 && err && strcmp(err->field, "file") == 0 &&
	    strcmp(err->message, _("cannot read the file")) == 0)
		cw_error_set(err, CW_EIO, "file", "cannot read %.200s", path);
	if (rc == 0) {
		stats->records = im.records;
		stats->changed = im.changed;
	}
	return rc;
}
