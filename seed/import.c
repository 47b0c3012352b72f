/* import.c - JSON Lines import in one transaction; see import.h. */
#include "config.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "models/i18n.h"
#include "models/idmap.h"
#include "seed/import.h"
#include "models/json.h"
#include "models/pipe.h"
#include "models/text.h"
#include "models/timeline.h"

#define LINE_MAX_BYTES (1 << 20)

/* The file is read inside the write transaction, one line at a time: memory stays that of a
 * few batches of records whatever the file's size, and a bad line aborts the transaction, so
 * nothing of the file is written. The transaction may run again (after the map grows): it reads
 * from the start each time, so the input must be one that can be read again (input_open). */
struct import_ctx {
	FILE *f;
	off_t start; /* where the input begins in f: a file given as standard input may not at 0 */
	size_t records;
	size_t changed;
	struct cw_import_stats *stats; /* its problems, filled when the file is refused */
};

/* Prefixes the error's field with "line N: ", or "record N: " for the N-th record of a
 * document (read_document). */
static int at_place(struct cw_error *err, int in_document, size_t n, int rc)
{
	char field[sizeof err->field];

	if (!err)
		return rc;
	snprintf(field, sizeof field, "%s", err->field);
	snprintf(err->field, sizeof err->field,
		 in_document ? _("record %zu: %.80s") : _("line %zu: %.80s"), n, field);
	return rc;
}

/* A readable reference the line gave (not an id), to name it if the record it names is not
 * there: the id alone, a hash of the text, appears nowhere in the file. */
struct named_ref {
	struct cw_id id;
	char text[48];
};

#define NAMED_REFS 4

/* A line parsed: its record, and what the writer needs to know of the line. */
struct parsed_line {
	struct cw_record rec;
	size_t lineno;
	int view_given;  /* the line names an account */
	int by_ref;      /* the line names its record by "ref", not "id" */
	int in_document; /* lineno is the record's place in a document (read_document) */
	struct named_ref refs[NAMED_REFS];
	unsigned nrefs;
};

/* The default resolution (cw_json_ref_id), keeping the first few readable references. */
static int keep_ref(void *ctx, const char *text, enum cw_kind kind, struct cw_id *out,
		    struct cw_error *err)
{
	struct parsed_line *pl = ctx;
	struct named_ref *n;
	size_t len;

	(void)kind;
	(void)err;
	if (cw_json_ref_id(text, out) == 0 || pl->nrefs == NAMED_REFS)
		return 0;
	n = &pl->refs[pl->nrefs++];
	n->id = *out;
	len = strlen(text);
	if (len >= sizeof n->text) /* cut at a character's start */
		for (len = sizeof n->text - 1; len > 0 && (text[len] & 0xC0) == 0x80; len--)
			;
	memcpy(n->text, text, len);
	n->text[len] = '\0';
	return 0;
}

/* Makes and validates pl->rec (freed by the caller whatever happens) from a record's JSON. */
static int parse_object(struct parsed_line *pl, const json_t *obj, struct cw_error *err)
{
	struct cw_ref_resolver keep = {keep_ref, pl};
	struct cw_record *rec = &pl->rec;
	int rc;

	pl->view_given = pl->by_ref = 0;
	pl->nrefs = 0;
	cw_record_free(rec);
	rc = cw_record_from_json(obj, &keep, rec, err);
	pl->view_given = json_object_get(obj, "view") != NULL;
	pl->by_ref = json_object_get(obj, "ref") != NULL;
	if (rc == 0 && cw_id_is_zero(&rec->id))
		rc = cw_error_set(err, CW_EINVAL, "ref",
				  "every imported record needs an id or a ref");
	/* Checked here, on the parsing thread, so that the writing one need not (and a batch
	 * of invalid records is not kept waiting). */
	if (rc == 0)
		rc = cw_record_validate(rec, err);
	if (rc == 0)
		rc = cw_record_validate_response(rec, NULL, err);
	if (rc == 0)
		rc = cw_record_validate_indicators(rec, err);
	return rc;
}

/* Parses and validates one line into pl->rec (freed by the caller whatever happens). */
static int parse_line(struct parsed_line *pl, const char *line, size_t len, struct cw_error *err)
{
	json_error_t jerr;
	json_t *obj;
	int rc;

	cw_record_init(&pl->rec, CW_KIND_PERSON);
	if ((rc = cw_text_validate(line, LINE_MAX_BYTES, CW_TEXT_MULTILINE, "line", err)) != 0)
		return rc;
	if (!(obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr)))
		return cw_error_set(err, CW_EINVAL, "json", "%s (column %d)", jerr.text,
				    jerr.column);
	rc = parse_object(pl, obj, err);
	json_decref(obj);
	return rc;
}

/* ---- lines parsed on a second core ------------------------------------------------------
 * Parsing a line's JSON and making the record is about half of what an import does, and
 * needs nothing from the database (callgrind, `casewatch import` of 100,000 lines: jansson
 * 29%, the record from its JSON 9%). A second thread parses lines (models/pipe.h) while the
 * transaction's thread writes the lines parsed before them, in the file's order, so the first
 * bad line in the file is the one reported, as when one thread did both. Only the writer
 * touches the transaction. After a bad line the parser hands on no more lines but goes on
 * checking them, to name the others in the same run (a field team's spreadsheet export had
 * one bad date a row, found one per run). */
#define BATCH_LINES 64

/* The parser's side: the file, its line buffer, and its error (read by the writer once it has
 * the parser's last batch). */
struct line_reader {
	FILE *f;
	off_t start; /* where the input begins in f */
	char *line;
	size_t cap, lineno;
	int rc;
	struct cw_error err;
	/* The bad lines' errors, in order (the first is also in err), and whether reading
	 * stopped with more to read. */
	struct cw_error problems[CW_IMPORT_PROBLEMS_MAX];
	size_t nproblems;
	int more;
};

/* Notes the error in r->err, of the line or record at place n, which failed with rc. A bad
 * line (CW_EINVAL) is kept among the problems and reading goes on (0), until the list is
 * full; anything else (the file unreadable, memory gone) ends the reading (-1). */
static int line_problem(struct line_reader *r, int in_document, size_t n, int rc)
{
	at_place(&r->err, in_document, n, rc);
	if (rc != CW_EINVAL) {
		r->rc = rc;
		r->nproblems = 0;
		return -1;
	}
	if (!r->rc)
		r->rc = rc;
	if (r->nproblems == CW_IMPORT_PROBLEMS_MAX) {
		r->more = 1;
		return -1;
	}
	r->problems[r->nproblems++] = r->err;
	r->err = r->problems[0];
	return 0;
}

/* After parsing a line or record into pl (rc its result): hands it on, of about `bytes`, or
 * notes it as bad; after a bad one nothing is handed on, the others only checked. -1 when
 * reading stops (line_problem). */
static int parsed(struct cw_pipe *pipe, struct line_reader *r, struct parsed_line *pl, int rc,
		  size_t bytes)
{
	if (rc != 0 || r->rc != 0)
		cw_record_free(&pl->rec);
	if (rc != 0)
		return line_problem(r, pl->in_document, pl->lineno, rc);
	if (r->rc == 0)
		cw_pipe_push(pipe, bytes);
	return 0;
}

/* Whether to stop before the next line: after a bad line nothing is handed on, so
 * cw_pipe_slot begins no batch and does not see the caller stop (a transaction run again as
 * the map grows need not wait for the rest). */
static int stopped(struct cw_pipe *pipe, const struct line_reader *r)
{
	return r->rc != 0 && cw_pipe_stopped(pipe);
}

/* What `list --json` and `export --format json` print (an array of records) and what `show
 * --json` prints (one record over several lines): one JSON document, not a record a line.
 * Read whole (such output was made whole too); its records are named by their place. */
static void read_document(struct cw_pipe *pipe, struct line_reader *r)
{
	struct parsed_line *pl;
	json_error_t jerr;
	char mark[3];
	size_t n;
	json_t *doc;

	/* From the start again, past a byte-order mark as read_lines goes past it. */
	if (fseeko(r->f, r->start, SEEK_SET) != 0 ||
	    ((fread(mark, 1, sizeof mark, r->f) != sizeof mark ||
	      memcmp(mark, "\xEF\xBB\xBF", sizeof mark) != 0) &&
	     fseeko(r->f, r->start, SEEK_SET) != 0)) {
		r->rc = cw_error_set(&r->err, CW_EIO, "file", "cannot read the file");
		return;
	}
	if (!(doc = json_loadf(r->f, JSON_REJECT_DUPLICATES, &jerr))) {
		cw_error_set(&r->err, CW_EINVAL, "json", "%s (column %d)", jerr.text, jerr.column);
		line_problem(r, 0, jerr.line > 0 ? (size_t)jerr.line : 1, CW_EINVAL);
		return;
	}
	n = json_is_array(doc) ? json_array_size(doc) : 1;
	for (size_t i = 0; i < n && (pl = cw_pipe_slot(pipe)); i++) {
		json_t *obj = json_is_array(doc) ? json_array_get(doc, i) : doc;
		int rc;

		if (stopped(pipe, r))
			break;
		pl->lineno = i + 1;
		pl->in_document = 1;
		cw_record_init(&pl->rec, CW_KIND_PERSON);
		if (!json_is_object(obj))
			rc = cw_error_set(&r->err, CW_EINVAL, "json",
					  "is not a record (an object)");
		else
			rc = parse_object(pl, obj, &r->err);
		if (parsed(pipe, r, pl, rc, 1024) != 0)
			break;
	}
	json_decref(doc);
}

/* Whether a file's first line opens a document rather than holding a record: "[" begins an
 * array, and "{" alone the first of a record's lines. */
static int opens_document(const char *line)
{
	while (*line == ' ' || *line == '\t')
		line++;
	if (*line == '[')
		return 1;
	if (*line++ != '{')
		return 0;
	while (*line == ' ' || *line == '\t')
		line++;
	return *line == '\0';
}

/* How much of a line is kept: the longest a record's line may be, its byte-order mark and one
 * byte more, which tells a line too long. Spaces, tabs and '\r' past it are kept out too: a
 * line of the longest record and trailing spaces is no longer than that record. */
#define LINE_KEPT_BYTES (LINE_MAX_BYTES + 4)

/* The next line into r->line, as getline reads it, but never more than LINE_KEPT_BYTES of it:
 * a longer line is read to its end without being kept, its length counted (a file with no
 * newline grew the memory until the import failed, before its length was refused). -1 at the
 * end of the file; *too_long the length of a line that is, else 0, and *high whether it has a
 * byte of a letter outside ASCII (cw_text_validate says why Khmer counts more). */
static ssize_t read_bounded_line(struct line_reader *r, size_t *too_long, int *high)
{
	size_t len = 0, past = 0, blanks = 0;
	int c = EOF;

	*too_long = 0;
	*high = 0;
	static const unsigned char mark[3] = {0xEF, 0xBB, 0xBF};

	while ((c = getc_unlocked(r->f)) != EOF) {
		/* The first line's byte-order mark is no letter (a review saw an ASCII line told
		 * of Khmer script). */
		int in_mark = r->lineno == 0 && !past && len < 3 && c == mark[len] &&
			      (len == 0 || !memcmp(r->line, mark, len));

		*high |= c >= 0x80 && !in_mark;
		if (len < LINE_KEPT_BYTES && !past) {
			if (len + 2 > r->cap) {
				size_t cap = r->cap ? r->cap * 2 : 4096;
				char *grown;

				if (cap > LINE_KEPT_BYTES + 2)
					cap = LINE_KEPT_BYTES + 2;
				if (!(grown = malloc(cap)))
					return -2;
				/* Copied and wiped rather than realloc'd, which could leave the
				 * text behind (as slurp does). */
				if (r->line) {
					memcpy(grown, r->line, len);
					explicit_bzero(r->line, r->cap);
					free(r->line);
				}
				r->line = grown;
				r->cap = cap;
			}
			r->line[len++] = (char)c;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			blanks++;
		} else if (c != '\n') {
			past += blanks + 1; /* what came between was no trailing blank */
			blanks = 0;
		}
		if (c == '\n')
			break;
	}
	if (c == EOF && ferror(r->f))
		return -1;
	if (len == 0 && c == EOF)
		return -1;
	r->line[len] = '\0';
	if (past)
		*too_long = len + past;
	return (ssize_t)len;
}

static void read_lines(struct cw_pipe *pipe, void *ctx)
{
	struct line_reader *r = ctx;
	struct parsed_line *pl;
	int seen_record = 0, high;
	size_t too_long;
	ssize_t len = 0;

	while ((pl = cw_pipe_slot(pipe)) && (len = read_bounded_line(r, &too_long, &high)) >= 0) {
		char *line = r->line;
		int rc;

		r->lineno++;
		if (too_long) {
			const char *start = r->line;

			/* A document on one line (an array of records a tool wrote compact) is
			 * read whole, as a document always was. The mark is no part of the line's
			 * length. */
			if (r->lineno == 1 && !memcmp(start, "\xEF\xBB\xBF", 3)) {
				start += 3;
				too_long -= 3;
			}
			start += strspn(start, " \t");
			if (!seen_record && *start == '[') {
				read_document(pipe, r);
				return;
			}
			/* A comment is skipped however long (a review found a long one refused). */
			if (*start == '#')
				continue;
			/* Else refused as cw_text_validate refuses a line it was given whole. */
			cw_record_init(&pl->rec, CW_KIND_PERSON);
			pl->lineno = r->lineno;
			pl->in_document = 0;
			seen_record = 1;
			if (high)
				rc = cw_error_set(&r->err, CW_EINVAL, "line",
						  "too long: %zu bytes, at most %zu (a letter of "
						  "Khmer script takes 3 bytes)",
						  too_long, (size_t)LINE_MAX_BYTES);
			else
				rc = cw_error_set(&r->err, CW_EINVAL, "line",
						  "too long: %zu bytes, at most %zu", too_long,
						  (size_t)LINE_MAX_BYTES);
			if (stopped(pipe, r) || parsed(pipe, r, pl, rc, 0) != 0)
				return;
			continue;
		}
		/* The line's end, and spaces and tabs before it: a line of nothing else (a
		 * spreadsheet's last row, an editor's indentation) is a blank line, not a record
		 * ("'[' or '{' expected near end of file"). */
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
				   line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = '\0';
		/* A byte-order mark, which some Windows editors put first, is no part of the
		 * records. */
		if (r->lineno == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
			line += 3;
			len -= 3;
		}
		if (len == 0 || line[0] == '#') /* blank lines and comments */
			continue;
		if (!seen_record && opens_document(line)) {
			read_document(pipe, r);
			return;
		}
		seen_record = 1;
		pl->lineno = r->lineno;
		pl->in_document = 0;
		if (stopped(pipe, r))
			return;
		rc = parse_line(pl, line, (size_t)len, &r->err);
		/* A record holds about what its line did. */
		if (parsed(pipe, r, pl, rc, (size_t)len) != 0)
			return;
	}
	if (pl && len == -2)
		r->rc = cw_error_set(&r->err, CW_ENOMEM, "", "out of memory");
	else if (pl && ferror(r->f))
		r->rc = cw_error_set(&r->err, CW_EIO, "file", "cannot read the file");
}

static void drop_line(void *ctx, void *entry)
{
	(void)ctx;
	cw_record_free(&((struct parsed_line *)entry)->rec);
}

/* A record the file wrote that names others anew (`after`, `links`): checked once the whole
 * file is written, since it may name a record of a later line. */
struct naming_line {
	struct cw_id id;
	size_t lineno;
	int in_document;
	int after, links; /* which it names anew: those are checked */
};

/* The writer's side: the transaction, the counts, and the line each record was on. */
struct line_writer {
	struct cw_txn *txn;
	struct import_ctx *im;
	struct cw_idmap lines;
	int rc; /* the first bad line's (CW_EINVAL), after which nothing more is written */
	struct cw_error err;
	struct naming_line *naming; /* in the file's order */
	size_t nnaming, naming_cap;
};

/* A reference that names nothing in the database is said by its id; the line wrote its ref:
 * put that after the id ("no case with id 60f7... (the file's "c-kang-sarn")"). */
static void name_refs(const struct parsed_line *pl, struct cw_error *err)
{
	for (unsigned i = 0; err && i < pl->nrefs; i++) {
		char hex[CW_ID_HEX_LEN + 1], *at, rest[sizeof err->message];
		size_t head;

		cw_id_hex(&pl->refs[i].id, hex);
		if (!(at = strstr(err->message, hex)))
			continue;
		head = (size_t)(at - err->message) + CW_ID_HEX_LEN;
		snprintf(rest, sizeof rest, "%s", err->message + head);
		snprintf(err->message + head, sizeof err->message - head,
			 _(" (the file's \"%s\")%s"), pl->refs[i].text, rest);
		return;
	}
}

/* Whether two lists of links are the same, in the same order. */
static int same_links(const struct cw_list *a, const struct cw_list *b)
{
	const struct cw_link *la = a->items, *lb = b->items;

	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (la[i].relation != lb[i].relation || !cw_id_equal(&la[i].record, &lb[i].record))
			return 0;
	return 1;
}

/* Notes rec to be checked for what it names anew, against the record stored under its id
 * before it is written: only what the file changes is checked, so that a record it gives as
 * the database holds it (an export imported again, a note corrected) keeps what a bundle
 * brought it, as it was. */
static int note_naming(struct line_writer *w, const struct parsed_line *pl, struct cw_error *err)
{
	const struct cw_record *rec = &pl->rec;
	struct naming_line n = {rec->id, pl->lineno, pl->in_document, 0, 0};
	struct cw_record stored;
	int rc;

	if (cw_id_is_zero(&rec->after) && !rec->links.n)
		return 0;
	if ((rc = cw_txn_get(w->txn, &rec->id, &stored, err)) == CW_ENOTFOUND) {
		n.after = !cw_id_is_zero(&rec->after);
		n.links = rec->links.n > 0;
	} else if (rc == 0) {
		n.after = !cw_id_is_zero(&rec->after) && !cw_id_equal(&rec->after, &stored.after);
		n.links = rec->links.n > 0 && !same_links(&rec->links, &stored.links);
		cw_record_free(&stored);
	} else {
		/* Not read (damaged): the put that follows says so, naming the line. */
		cw_error_clear(err);
		return 0;
	}
	if (!n.after && !n.links)
		return 0;
	if (w->nnaming == w->naming_cap) {
		size_t cap = w->naming_cap ? w->naming_cap * 2 : 64;
		struct naming_line *grown = realloc(w->naming, cap * sizeof *grown);

		if (!grown)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		w->naming = grown;
		w->naming_cap = cap;
	}
	w->naming[w->nnaming++] = n;
	return 0;
}

static int write_one(struct line_writer *w, struct parsed_line *pl, struct cw_error *err)
{
	size_t first = 0;
	int changed = 0, rc;

	/* A record given twice in one file is a mistake (two monitors' files put together, each
	 * with its "h1"), not a change: the later line would replace the earlier one unseen while
	 * the count said both were imported. */
	if ((rc = cw_idmap_put(&w->lines, &pl->rec.id, pl->lineno, &first)) < 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc == 0) {
		cw_error_set(err, CW_EINVAL, pl->by_ref ? "ref" : "id",
			     pl->in_document ? _("names record %zu again: a file gives each record "
						 "once")
					     : _("names the record of line %zu again: a file gives "
						 "each record once"),
			     first);
		return at_place(err, pl->in_document, pl->lineno, CW_EINVAL);
	}

	if ((rc = note_naming(w, pl, err)) != 0)
		return rc;
	/* As when it is logged, a new record from "own observation" that names no account is
	 * the team's own (the English words only: a file reads the same in any language). */
	rc = cw_txn_put(w->txn, &pl->rec,
			CW_PUT_VALIDATED | (pl->view_given ? 0 : CW_PUT_OWN_IF_NEW), &changed, err);
	if (rc == CW_EINVAL)
		name_refs(pl, err);
	if (rc != 0)
		at_place(err, pl->in_document, pl->lineno, rc);
	w->im->records++;
	w->im->changed += (size_t)changed;
	return rc;
}

/* After a bad line the writer writes nothing more but goes on taking lines, so that the
 * parser reads to the end and names every line whose form is bad, whatever the timing. Any
 * other failure (the map full, the disk) ends the transaction at once. */
static int write_line(void *ctx, void *entry, struct cw_error *err)
{
	struct line_writer *w = ctx;
	int rc;

	if (w->rc != 0)
		return 0;
	if ((rc = write_one(w, entry, &w->err)) == CW_EINVAL)
		w->rc = rc;
	else if (rc != 0 && err)
		*err = w->err;
	return rc == CW_EINVAL ? 0 : rc;
}

static int txn_get(void *ctx, const struct cw_id *id, struct cw_record *rec, struct cw_error *err)
{
	return cw_txn_get(ctx, id, rec, err);
}

/* What one of the file's records names, as the command line checks what --after, --same-event
 * and --disputes name (app/links.h): a record of the file or of the database that is a person
 * or a case, the record itself, or a placement that closes a loop. A record named that is
 * neither in the file nor in the database stays a soft reference, as a bundle's may (it may
 * come later). CW_EINVAL naming the field, 0, or the store's error. */
static int names_rightly(struct cw_txn *txn, const struct cw_record *rec,
			 const struct naming_line *n, struct cw_error *err)
{
	const struct cw_link *l = rec->links.items;
	struct cw_record named;
	int rc;

	for (size_t i = n->links ? 0 : rec->links.n; i <= rec->links.n; i++) {
		const struct cw_id *id = i < rec->links.n ? &l[i].record : &rec->after;
		const char *field = i < rec->links.n ? "links" : "after";

		if (cw_id_is_zero(id) || (i == rec->links.n && !n->after))
			continue;
		/* A record placed after itself, or linked to itself, is placed nowhere. */
		if (cw_id_equal(id, &rec->id))
			return cw_error_set(err, CW_EINVAL, field, "a record cannot name itself");
		if ((rc = cw_txn_get(txn, id, &named, err)) == CW_ENOTFOUND)
			continue;
		if (rc != 0) {
			snprintf(err->field, sizeof err->field, "%s", field);
			return rc;
		}
		rc = i < rec->links.n
			     ? cw_timeline_link_kind_check((enum cw_kind)rec->kind,
							   (enum cw_kind)named.kind, id, field, err)
			     : cw_timeline_ref_kind_check((enum cw_kind)named.kind, id, field, err);
		cw_record_free(&named);
		if (rc != 0)
			return rc;
	}
	return n->after ? cw_timeline_after_loop_check(rec, txn_get, txn, "after", err) : 0;
}

/* The file's records that name others, each read as written (a later line of the file may
 * have given the record it names), in the file's order: the first bad one is reported. */
static int check_naming(struct line_writer *w, struct cw_error *err)
{
	for (size_t i = 0; i < w->nnaming; i++) {
		struct cw_record rec;
		int rc;

		if ((rc = cw_txn_get(w->txn, &w->naming[i].id, &rec, err)) == 0) {
			rc = names_rightly(w->txn, &rec, &w->naming[i], err);
			cw_record_free(&rec);
		}
		if (rc != 0)
			return at_place(err, w->naming[i].in_document, w->naming[i].lineno, rc);
	}
	return 0;
}

static int write_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct import_ctx *im = ctx;
	struct line_reader r = {.f = im->f, .start = im->start};
	struct line_writer w = {txn, im, {0}, 0, {0}, NULL, 0, 0};
	struct cw_import_stats *s = im->stats;
	struct cw_pipe *pipe;
	int rc;

	im->records = im->changed = 0;
	s->nproblems = 0;
	s->more = 0;
	/* Never a transaction over what is left of the input: that would save the end of it
	 * and say it was the whole. */
	if (fseeko(im->f, im->start, SEEK_SET) != 0)
		return cw_error_set(err, CW_EIO, "file",
				    "cannot read the input again from its start");
	clearerr(im->f);
	if (cw_pipe_start(&pipe, sizeof(struct parsed_line), BATCH_LINES, read_lines, drop_line,
			  &r) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory (starting a thread)");
	rc = cw_pipe_drain(pipe, write_line, &w, err);
	cw_pipe_stop(pipe); /* the parser has returned: r is settled */
	if (rc == 0 && r.rc != 0 && r.rc != CW_EINVAL) {
		if (err) /* the file could not be read */
			*err = r.err;
		rc = r.rc;
	} else if (rc == 0 && (w.rc != 0 || r.rc != 0)) {
		/* The writer's bad line came before every one the parser found: it is handed no
		 * line after the parser's first. */
		if (w.rc != 0)
			s->problems[s->nproblems++] = w.err;
		for (size_t i = 0; i < r.nproblems; i++) {
			if (s->nproblems == CW_IMPORT_PROBLEMS_MAX) {
				r.more = 1;
				break;
			}
			s->problems[s->nproblems++] = r.problems[i];
		}
		s->more = r.more;
		rc = CW_EINVAL;
		if (err)
			*err = s->problems[0];
	} else if (rc == 0 && (rc = check_naming(&w, &w.err)) != 0) {
		if (rc == CW_EINVAL) /* a bad line, as those above */
			s->problems[s->nproblems++] = w.err;
		if (err)
			*err = w.err;
	}
	free(w.naming);
	cw_idmap_free(&w.lines);
	if (r.line)
		explicit_bzero(r.line, r.cap);
	free(r.line);
	return rc;
}

/* Standard input, a pipe or a terminal is read into memory first: the transaction may have to
 * run again from the start (when the database's map grows), and such an input cannot be read
 * twice. Not into a temporary file: the lines are records in the clear. */
static int slurp(FILE *in, const char *path, char **buf, size_t *len, struct cw_error *err)
{
	size_t cap = 1 << 16, n = 0, got;
	char *b = malloc(cap), *bigger;

	while (b && (got = fread(b + n, 1, cap - n, in)) > 0) {
		n += got;
		if (n < cap)
			continue;
		if (cap > SIZE_MAX / 2 || !(bigger = malloc(cap * 2))) {
			explicit_bzero(b, n);
			free(b);
			b = NULL;
			break;
		}
		/* Copied and wiped rather than realloc'd, which could leave the text behind. */
		memcpy(bigger, b, n);
		explicit_bzero(b, n);
		free(b);
		b = bigger;
		cap *= 2;
	}
	if (!b)
		return cw_error_set(err, CW_ENOMEM, "file",
				    "out of memory reading %.200s: give the file itself", path);
	if (ferror(in)) {
		explicit_bzero(b, n);
		free(b);
		return cw_error_set(err, CW_EIO, "file", "cannot read %.200s: %s", path,
				    strerror(errno));
	}
	*buf = b;
	*len = n;
	return 0;
}

/* The input, as a stream that can be read again from its start, and its size. "-" is
 * standard input. *buf holds what a stream that cannot be read again held (NULL for a file). */
static int input_open(const char *path, FILE **f, off_t *start, char **buf, size_t *len,
		      struct cw_error *err)
{
	FILE *in = strcmp(path, "-") ? fopen(path, "r") : stdin;
	struct stat sb;
	int rc;

	*f = NULL;
	*start = 0;
	*buf = NULL;
	*len = 0;
	if (!in) /* a file that is not there is not found (66), as everywhere */
		return cw_error_set(err, errno == ENOENT ? CW_ENOTFOUND : CW_EIO, "file",
				    "cannot read %.200s: %s", path, strerror(errno));
	if (fstat(fileno(in), &sb) != 0) {
		rc = cw_error_set(err, CW_EIO, "file", "cannot read %.200s: %s", path,
				  strerror(errno));
	} else if (S_ISREG(sb.st_mode) || S_ISDIR(sb.st_mode)) { /* a folder fails as it reads */
		*f = in;
		*start = S_ISREG(sb.st_mode) && ftello(in) > 0 ? ftello(in) : 0;
		*len = sb.st_size > *start ? (size_t)(sb.st_size - *start) : 0;
		return 0;
	} else if ((rc = slurp(in, path, buf, len, err)) == 0 && *len > 0 &&
		   !(*f = fmemopen(*buf, *len, "r"))) {
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	if (in != stdin)
		fclose(in);
	if ((rc != 0 || !*f) && *buf) { /* failed, or nothing in it */
		explicit_bzero(*buf, *len);
		free(*buf);
		*buf = NULL;
	}
	return rc;
}

/* Puts the file's name before a line's or a record's place: "cases.jsonl line 4: date". */
static void in_file(struct cw_error *err, const char *name)
{
	char field[sizeof err->field];

	if (!err ||
	    (strncmp(err->field, "line ", 5) != 0 && strncmp(err->field, "record ", 7) != 0))
		return;
	snprintf(field, sizeof field, "%s", err->field);
	snprintf(err->field, sizeof err->field, "%.20s %.90s", name, field);
}

int cw_import_jsonl(struct cw_store *st, const char *path, struct cw_import_stats *stats,
		    struct cw_error *err)
{
	struct import_ctx im = {NULL, 0, 0, 0, stats};
	const char *base = strcmp(path, "-") ? strrchr(path, '/') : "/stdin";
	char *buf;
	size_t len;
	int rc;

	stats->records = stats->changed = stats->nproblems = 0;
	stats->more = 0;
	if ((rc = input_open(path, &im.f, &im.start, &buf, &len, err)) != 0)
		return rc;
	if (!im.f) /* an empty pipe: nothing to import */
		return 0;
	/* Room for the file's records at once (they take a few times their JSON in the database
	 * with their index keys), so the one transaction is not run again as the map grows. */
	rc = cw_store_reserve(st, (uint64_t)len * 8, err);
	if (rc == 0)
		rc = cw_store_write(st, write_fn, &im, err);
	if (im.f != stdin)
		fclose(im.f);
	if (buf) {
		explicit_bzero(buf, len);
		free(buf);
	}
	if (rc != 0) {
		in_file(err, base ? base + 1 : path);
		for (size_t i = 0; i < stats->nproblems; i++)
			in_file(&stats->problems[i], base ? base + 1 : path);
	} else {
		stats->nproblems = 0;
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
