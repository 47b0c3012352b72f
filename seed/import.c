/* import.c - JSON Lines import in one transaction; see import.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seed/import.h"
#include "models/json.h"
#include "models/text.h"

#define LINE_MAX_BYTES (1 << 20)

struct import_ctx {
	struct cw_record *recs;
	size_t *lines; /* the line each record came from */
	size_t n;
	size_t alloc;
	size_t changed;
};

/* Prefixes the error's field with "line N: ". */
static int at_line(struct cw_error *err, size_t line, int rc)
{
	char field[sizeof err->field];

	if (!err)
		return rc;
	snprintf(field, sizeof field, "%s", err->field);
	snprintf(err->field, sizeof err->field, "line %zu: %.80s", line, field);
	return rc;
}

static int write_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct import_ctx *im = ctx;

	im->changed = 0;
	for (size_t i = 0; i < im->n; i++) {
		int changed, rc = cw_txn_put(txn, &im->recs[i], 0, &changed, err);

		if (rc != 0)
			return at_line(err, im->lines[i], rc);
		im->changed += (size_t)changed;
	}
	return 0;
}

static int grow(struct import_ctx *im)
{
	size_t alloc = im->alloc ? im->alloc * 2 : 256;
	struct cw_record *recs = realloc(im->recs, alloc * sizeof *recs);
	size_t *lines;

	if (!recs)
		return CW_ENOMEM;
	im->recs = recs;
	if (!(lines = realloc(im->lines, alloc * sizeof *lines)))
		return CW_ENOMEM;
	im->lines = lines;
	im->alloc = alloc;
	return 0;
}

/* Parses and validates one line into the next record. */
static int parse_line(struct import_ctx *im, const char *line, size_t len, size_t lineno,
		      struct cw_error *err)
{
	struct cw_record *rec;
	json_error_t jerr;
	json_t *obj;
	int rc;

	if (im->n == im->alloc && grow(im) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if ((rc = cw_text_validate(line, LINE_MAX_BYTES, CW_TEXT_MULTILINE, "line", err)) != 0)
		return rc;
	if (!(obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr)))
		return cw_error_set(err, CW_EINVAL, "json", "%s (column %d)", jerr.text,
				    jerr.column);
	rec = &im->recs[im->n];
	rc = cw_record_from_json(obj, NULL, rec, err);
	json_decref(obj);
	im->lines[im->n++] = lineno; /* counted even on failure, so that it is freed */
	if (rc == 0 && cw_id_is_zero(&rec->id))
		rc = cw_error_set(err, CW_EINVAL, "ref",
				  "every imported record needs an id or a ref");
	if (rc == 0)
		rc = cw_record_validate(rec, err);
	return rc;
}

int cw_import_jsonl(struct cw_store *st, const char *path, struct cw_import_stats *stats,
		    struct cw_error *err)
{
	struct import_ctx im = {NULL, NULL, 0, 0, 0};
	FILE *f = fopen(path, "r");
	const char *base = strrchr(path, '/');
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t len;
	int rc = 0;

	stats->records = stats->changed = 0;
	if (!f)
		return cw_error_set(err, CW_EIO, "file", "cannot read %.200s: %s", path,
				    strerror(errno));
	while (rc == 0 && (len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#') /* blank lines and comments */
			continue;
		if ((rc = parse_line(&im, line, (size_t)len, lineno, err)) != 0)
			at_line(err, lineno, rc);
	}
	free(line);
	if (rc == 0 && ferror(f))
		rc = cw_error_set(err, CW_EIO, "file", "cannot read %.200s", path);
	fclose(f);
	if (rc == 0)
		rc = cw_store_write(st, write_fn, &im, err);
	for (size_t i = 0; i < im.n; i++)
		cw_record_free(&im.recs[i]);
	free(im.recs);
	free(im.lines);
	if (rc != 0 && err && strncmp(err->field, "line ", 5) == 0) {
		char field[sizeof err->field];

		snprintf(field, sizeof field, "%s", err->field);
		snprintf(err->field, sizeof err->field, "%.20s %.90s", base ? base + 1 : path,
			 field);
	}
	if (rc == 0) {
		stats->records = im.n;
		stats->changed = im.changed;
	}
	return rc;
}
