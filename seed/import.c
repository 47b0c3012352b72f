/* import.c - JSON Lines import in one transaction; see import.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "models/i18n.h"
#include "seed/import.h"
#include "models/json.h"
#include "models/text.h"

#define LINE_MAX_BYTES (1 << 20)

/* The file is read inside the write transaction, one line at a time: memory stays that of a
 * few batches of records whatever the file's size, and a bad line aborts the transaction, so
 * nothing of the file is written. The transaction may run again (after the map grows): it reads
 * from the start each time. */
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

/* Parses one line into rec (freed by the caller whatever happens); *view_given
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
	/* The record itself is checked when it is written (cw_txn_put validates it). */
	return rc;
}

/* ---- lines parsed on a second core ------------------------------------------------------
 * Parsing a line's JSON and checking the record is about half of what an import does, and
 * needs nothing from the database (callgrind, `casewatch import` of 100,000 lines: jansson
 * 29%, the record from its JSON 9%, checking it 8%; writing it 53%). A second thread parses
 * and checks lines while the transaction's thread writes the lines parsed before them. Lines
 * travel in batches, in the file's order, through a ring of a few batches, so memory stays
 * bounded; the writer takes them in order, so the first bad line in the file is the one
 * reported, as when one thread did both. Only the writer touches the transaction. */
#define BATCH_LINES  64
#define RING_BATCHES 4

struct parsed_line {
	struct cw_record rec;
	size_t lineno;
	int view_given;
};

struct batch {
	struct parsed_line lines[BATCH_LINES];
	size_t n;            /* lines parsed and valid */
	int rc;              /* after them: the parser's error (its line in err), or 0 */
	int last;            /* nothing follows: the end of the file or an error */
	struct cw_error err; /* the parser's error */
};

struct line_ring {
	FILE *f;
	char *line; /* the parser's getline buffer */
	size_t cap, lineno;
	struct batch slots[RING_BATCHES];
	pthread_mutex_t mu;
	pthread_cond_t moved; /* a batch was filled or emptied, or the writer stopped */
	size_t head, filled;  /* the oldest batch not yet written; how many are filled */
	int stop;             /* the writer gives up: the parser ends without filling more */
};

/* Reads and parses up to BATCH_LINES lines into b. Runs on the parser's thread (or the
 * writer's, when no thread could be started); touches only b and the ring's reading state. */
static void fill_batch(struct line_ring *r, struct batch *b)
{
	ssize_t len;

	b->n = 0;
	b->rc = 0;
	b->last = 0;
	while (b->n < BATCH_LINES) {
		struct parsed_line *pl = &b->lines[b->n];
		int rc;

		if ((len = getline(&r->line, &r->cap, r->f)) < 0) {
			b->last = 1;
			if (ferror(r->f))
				b->rc = cw_error_set(&b->err, CW_EIO, "file",
						     "cannot read the file");
			return;
		}
		r->lineno++;
		while (len > 0 && (r->line[len - 1] == '\n' || r->line[len - 1] == '\r'))
			r->line[--len] = '\0';
		if (len == 0 || r->line[0] == '#') /* blank lines and comments */
			continue;
		pl->lineno = r->lineno;
		pl->view_given = 0;
		if ((rc = parse_line(&pl->rec, r->line, (size_t)len, &pl->view_given, &b->err)) !=
		    0) {
			cw_record_free(&pl->rec);
			b->rc = at_line(&b->err, r->lineno, rc);
			b->last = 1;
			return;
		}
		b->n++;
	}
}

static void *parser_main(void *arg)
{
	struct line_ring *r = arg;
	size_t tail = 0;
	int last = 0;

	while (!last) {
		pthread_mutex_lock(&r->mu);
		while (r->filled == RING_BATCHES && !r->stop)
			pthread_cond_wait(&r->moved, &r->mu);
		if (r->stop) {
			pthread_mutex_unlock(&r->mu);
			break;
		}
		pthread_mutex_unlock(&r->mu);
		/* The slot at the tail is neither filled nor being written: it is the parser's. */
		fill_batch(r, &r->slots[tail]);
		last = r->slots[tail].last;
		tail = (tail + 1) % RING_BATCHES;
		pthread_mutex_lock(&r->mu);
		r->filled++;
		pthread_cond_signal(&r->moved);
		pthread_mutex_unlock(&r->mu);
	}
	return NULL;
}

/* Starts the parser with every signal blocked, so that signals still reach the thread that
 * handled them before (the interrupt handler of the command line). 0 when it runs. */
static int start_parser(struct line_ring *r, pthread_t *thread)
{
	sigset_t all, old;
	int rc;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(thread, NULL, parser_main, r);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

static int write_batch(struct cw_txn *txn, struct import_ctx *im, struct batch *b,
		       struct cw_error *err)
{
	int rc = 0;
	size_t i;

	for (i = 0; i < b->n && rc == 0; i++) {
		struct parsed_line *pl = &b->lines[i];
		int changed = 0;

		/* As when it is logged, a new record from "own observation" that names no
		 * account is the team's own (the English words only: a file reads the same in
		 * any language). */
		rc = cw_txn_put(txn, &pl->rec, pl->view_given ? 0 : CW_PUT_OWN_IF_NEW, &changed,
				err);
		if (rc != 0)
			at_line(err, pl->lineno, rc);
		im->records++;
		im->changed += (size_t)changed;
	}
	for (i = 0; i < b->n; i++)
		cw_record_free(&b->lines[i].rec);
	b->n = 0;
	if (rc == 0 && b->rc != 0) {
		if (err)
			*err = b->err;
		rc = b->rc;
	}
	return rc;
}

static int write_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct import_ctx *im = ctx;
	struct line_ring *r = calloc(1, sizeof *r);
	pthread_t parser;
	int rc = 0, threaded, last = 0;

	im->records = im->changed = 0;
	if (!r)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	rewind(im->f);
	r->f = im->f;
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->moved, NULL);
	/* Without a second thread (none could be started), the writer parses each batch itself. */
	threaded = start_parser(r, &parser) == 0;
	while (rc == 0 && !last) {
		struct batch *b = &r->slots[r->head];

		if (threaded) {
			pthread_mutex_lock(&r->mu);
			while (r->filled == 0)
				pthread_cond_wait(&r->moved, &r->mu);
			pthread_mutex_unlock(&r->mu);
		} else {
			fill_batch(r, b);
		}
		last = b->last;
		rc = write_batch(txn, im, b, err);
		r->head = (r->head + 1) % RING_BATCHES;
		if (threaded) {
			pthread_mutex_lock(&r->mu);
			r->filled--;
			pthread_cond_signal(&r->moved);
			pthread_mutex_unlock(&r->mu);
		}
	}
	if (threaded) {
		pthread_mutex_lock(&r->mu);
		r->stop = 1;
		pthread_cond_signal(&r->moved);
		pthread_mutex_unlock(&r->mu);
		pthread_join(parser, NULL);
		/* Batches the parser filled after the writer stopped. */
		for (; r->filled > 0; r->filled--, r->head = (r->head + 1) % RING_BATCHES)
			for (size_t i = 0; i < r->slots[r->head].n; i++)
				cw_record_free(&r->slots[r->head].lines[i].rec);
	}
	pthread_cond_destroy(&r->moved);
	pthread_mutex_destroy(&r->mu);
	free(r->line);
	free(r);
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
