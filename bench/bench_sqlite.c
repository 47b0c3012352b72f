/* bench_sqlite.c - the SQLite side of the benchmark: the same records, the equivalent schema,
 * the same queries, tuned as a good engineer would tune SQLite for this workload.
 *
 * Schema once loaded (mirrors store.h's layout; keys and their order are the same, so both
 * sides return the same ids in the same order):
 *   records(id BLOB 16, kind, date_key, body)      WITHOUT ROWID, primary key id
 *     by_kind  index (kind, date_key [, id])       = store's by_kind
 *     by_date  partial index (date_key [, id]) WHERE kind >= 3 (monitoring records) = by_date
 *   by_article(article, date_key, id, kind)        WITHOUT ROWID = by_article
 *   by_person(person, date_key, id, kind)          WITHOUT ROWID = by_person
 *   by_case(case_id, date_key, id, kind)           WITHOUT ROWID = by_case
 *   by_court / by_province(name, date_key, id, kind) WITHOUT ROWID = by_court, by_province
 *   counts(idx, prefix, kind, n)                   WITHOUT ROWID = counts: entries per
 *                                                  (article, kind) (idx 1) and per kind (idx 0)
 *   names(type, name, uses), audit(seq, ...)       = names, audit
 * The body is the record in casewatch's own codec, so both sides pay the same encoding and
 * decoding and the figures compare the storage engines and their indexes. The index tables
 * also carry the record's kind, as the store's index keys do since they end with it.
 *
 * The bulk load (what a tuner does for SQLite; casewatch's store has no bulk path yet):
 *   - the same batches as casewatch (--batch, 10,000 records), one transaction each, with the
 *     work per record this schema needs, done as the store does it: validate, check references,
 *     encode, read the case of a hearing or milestone for its keys, count names, append an
 *     audit entry (no sealing, no record_keys, no look-up of tombstones: SQLite has none);
 *   - the index rows go to staging tables (plain rowid tables, appended to) in the same
 *     transaction as their records, and the counts table is updated by the loader's own
 *     statements in that transaction (an upsert per kind and per article of each record): a
 *     committed batch holds its records, index rows and counts. No index row repeats (a
 *     record's keys are distinct and its id is new); the build below would fail if one did;
 *   - after the last batch one transaction builds the index tables from the staging tables in
 *     key order (INSERT ... SELECT ... ORDER BY: SQLite sorts, then writes each B-tree left to
 *     right) and drops the staging tables, then creates by_kind and by_date. Each table built
 *     reuses the pages the previous staging table freed, so the file keeps little free space.
 *     That transaction and the final checkpoint are timed as part of the load;
 *   - every statement is prepared once and reused.
 * Pragmas: see `pragmas` below (durability as casewatch's, a page cache that holds the whole
 * database, reads through mmap like LMDB's). */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench/bench.h"
#include "models/codec.h"
#include "store/store.h"

/* What the load starts with: the records table without its secondary indexes, staging tables
 * for the index rows, and the tables kept up to date row by row (counts, names, audit). */
static const char schema[] =
	"CREATE TABLE records(id BLOB PRIMARY KEY, kind INTEGER NOT NULL,"
	" date_key INTEGER NOT NULL, body BLOB NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE stage_article(article INTEGER, date_key INTEGER, id BLOB, kind INTEGER);"
	"CREATE TABLE stage_person(person BLOB, date_key INTEGER, id BLOB, kind INTEGER);"
	"CREATE TABLE stage_case(case_id BLOB, date_key INTEGER, id BLOB, kind INTEGER);"
	"CREATE TABLE stage_court(name TEXT, date_key INTEGER, id BLOB, kind INTEGER);"
	"CREATE TABLE stage_province(name TEXT, date_key INTEGER, id BLOB, kind INTEGER);"
	"CREATE TABLE counts(idx INTEGER, prefix INTEGER, kind INTEGER, n INTEGER NOT NULL,"
	" PRIMARY KEY(idx, prefix, kind)) WITHOUT ROWID;"
	"CREATE TABLE names(type INTEGER, name TEXT, uses INTEGER,"
	" PRIMARY KEY(type, name)) WITHOUT ROWID;"
	"CREATE TABLE audit(seq INTEGER PRIMARY KEY, time INTEGER, action INTEGER, kind INTEGER,"
	" record BLOB, db BLOB, author TEXT);";

/* After the last batch, in one transaction: each index table built in key order from its
 * staging table, which is then dropped so that the next table takes its pages; a small one last,
 * whose pages the records' two indexes, made at the end, take up. If the machine fails during
 * this transaction, it rolls back to the staging tables, from which it can run again. */
static const char build[] =
	"BEGIN;"
	"CREATE TABLE by_article(article INTEGER, date_key INTEGER, id BLOB, kind INTEGER,"
	" PRIMARY KEY(article, date_key, id)) WITHOUT ROWID;"
	"INSERT INTO by_article SELECT * FROM stage_article ORDER BY 1, 2, 3;"
	"DROP TABLE stage_article;"
	"CREATE TABLE by_person(person BLOB, date_key INTEGER, id BLOB, kind INTEGER,"
	" PRIMARY KEY(person, date_key, id)) WITHOUT ROWID;"
	"INSERT INTO by_person SELECT * FROM stage_person ORDER BY 1, 2, 3;"
	"DROP TABLE stage_person;"
	"CREATE TABLE by_case(case_id BLOB, date_key INTEGER, id BLOB, kind INTEGER,"
	" PRIMARY KEY(case_id, date_key, id)) WITHOUT ROWID;"
	"INSERT INTO by_case SELECT * FROM stage_case ORDER BY 1, 2, 3;"
	"DROP TABLE stage_case;"
	"CREATE TABLE by_court(name TEXT, date_key INTEGER, id BLOB, kind INTEGER,"
	" PRIMARY KEY(name, date_key, id)) WITHOUT ROWID;"
	"INSERT INTO by_court SELECT * FROM stage_court ORDER BY 1, 2, 3;"
	"DROP TABLE stage_court;"
	"CREATE TABLE by_province(name TEXT, date_key INTEGER, id BLOB, kind INTEGER,"
	" PRIMARY KEY(name, date_key, id)) WITHOUT ROWID;"
	"INSERT INTO by_province SELECT * FROM stage_province ORDER BY 1, 2, 3;"
	"DROP TABLE stage_province;"
	"CREATE INDEX by_kind ON records(kind, date_key);"
	"CREATE INDEX by_date ON records(date_key) WHERE kind >= 3;"
	"COMMIT;";

/* Durability equal to casewatch's: LMDB with its default flags makes each commit durable
 * before it returns (fdatasync of the data pages, then of the meta page), so a committed batch
 * survives a power loss. SQLite gives that in WAL mode with synchronous=FULL: the WAL is synced
 * at every commit, and the commit is in the WAL. WAL with synchronous=NORMAL would not (commits
 * since the last checkpoint may roll back after a power loss), nor would a rollback journal with
 * synchronous=FULL: there a commit is the journal's deletion, which only synchronous=EXTRA
 * syncs (the directory after the unlink), so a power loss right after a commit may leave a hot
 * journal that rolls it back. At 200,000 records WAL+FULL and DELETE+FULL loaded at the same rate
 * here; WAL also lets readers run beside the writer, as LMDB does.
 * The page cache (1 GiB, allocated only as pages are used) holds the whole database at a million
 * records, as the OS page cache holds LMDB's map; reads go through mmap like LMDB's. */
static const char pragmas[] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
			      "PRAGMA cache_size=-1048576; PRAGMA mmap_size=17179869184;";

static int db_open(const struct bench_opts *o, int create, sqlite3 **db)
{
	char path[4096];
	char *msg = NULL;

	snprintf(path, sizeof path, "%s/sqlite.db", o->dir);
	if (sqlite3_open_v2(path, db,
			    create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
				   : SQLITE_OPEN_READONLY,
			    NULL) != SQLITE_OK ||
	    sqlite3_exec(*db, pragmas, NULL, NULL, &msg) != SQLITE_OK ||
	    (create && sqlite3_exec(*db, schema, NULL, NULL, &msg) != SQLITE_OK)) {
		fprintf(stderr, "bench: sqlite: %s\n", msg ? msg : sqlite3_errmsg(*db));
		sqlite3_free(msg);
		sqlite3_close(*db);
		*db = NULL;
		return -1;
	}
	return 0;
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
		fprintf(stderr, "bench: sqlite: %s: %s\n", sqlite3_errmsg(db), sql);
	return s;
}

static int step_done(sqlite3 *db, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "bench: sqlite: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* ---- bulk load ---------------------------------------------------------------------------- */

enum {
	S_REC,
	S_ART,
	S_PERSON,
	S_CASE,
	S_COURT,
	S_PROVINCE,
	S_NAME,
	S_AUDIT,
	S_KIND,
	S_BODY,
	S_COUNTS,
	S_COUNT
};

/* The index of the counts table a row counts under, as the store's counts key starts with the
 * index it counts. */
enum { COUNT_BY_KIND, COUNT_BY_ARTICLE };

static const char *const load_sql[S_COUNT] = {
	"INSERT INTO records(id, kind, date_key, body) VALUES(?1, ?2, ?3, ?4)",
	"INSERT INTO stage_article VALUES(?1, ?2, ?3, ?4)",
	"INSERT INTO stage_person VALUES(?1, ?2, ?3, ?4)",
	"INSERT INTO stage_case VALUES(?1, ?2, ?3, ?4)",
	"INSERT INTO stage_court VALUES(?1, ?2, ?3, ?4)",
	"INSERT INTO stage_province VALUES(?1, ?2, ?3, ?4)",
	"INSERT INTO names VALUES(?1, ?2, 1) ON CONFLICT(type, name) DO UPDATE SET uses = uses + 1",
	"INSERT INTO audit(time, action, kind, record, db, author) VALUES(?1, 1, ?2, ?3, ?4, ?5)",
	"SELECT kind FROM records WHERE id = ?1",
	"SELECT body FROM records WHERE id = ?1",
	("INSERT INTO counts VALUES(?1, ?2, ?3, 1) ON CONFLICT(idx, prefix, kind) DO UPDATE SET "
	 "n = n + 1"),
};

struct loader {
	sqlite3 *db;
	sqlite3_stmt *s[S_COUNT];
	struct cw_id database;
};

/* The load's statements; the index rows go to the staging tables (staged: the bulk load, which
 * builds the index tables at its end) or straight into the index tables (a load into the
 * loaded database, which has them). */
static int loader_prepare(struct loader *l, int staged)
{
	static const char *const built[] = {"by_article", "by_person", "by_case", "by_court",
					    "by_province"};

	for (int i = 0; i < S_COUNT; i++) {
		char sql[128];
		const char *text = load_sql[i];

		if (!staged && i >= S_ART && i <= S_PROVINCE) {
			snprintf(sql, sizeof sql, "INSERT INTO %s VALUES(?1, ?2, ?3, ?4)",
				 built[i - S_ART]);
			text = sql;
		}
		if (!(l->s[i] = prep(l->db, text)))
			return -1;
	}
	return 0;
}

/* An index row: key, date, id, kind. */
static int put_index(struct loader *l, int which, const void *key, int klen, int is_text,
		     uint32_t date, const struct cw_record *rec)
{
	sqlite3_stmt *s = l->s[which];

	if (klen < 0)
		sqlite3_bind_int64(s, 1, *(const uint32_t *)key);
	else if (is_text)
		sqlite3_bind_text(s, 1, key, klen, SQLITE_STATIC);
	else
		sqlite3_bind_blob(s, 1, key, klen, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, date);
	sqlite3_bind_blob(s, 3, rec->id.b, 16, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, rec->kind);
	return step_done(l->db, s);
}

/* One more entry under (index, prefix, kind), as the store's count_adjust. */
static int put_count(struct loader *l, int idx, uint32_t prefix, int kind)
{
	sqlite3_bind_int(l->s[S_COUNTS], 1, idx);
	sqlite3_bind_int64(l->s[S_COUNTS], 2, prefix);
	sqlite3_bind_int(l->s[S_COUNTS], 3, kind);
	return step_done(l->db, l->s[S_COUNTS]);
}

static int put_name(struct loader *l, int type, const char *name)
{
	if (!name || !*name)
		return 0;
	sqlite3_bind_int(l->s[S_NAME], 1, type);
	sqlite3_bind_text(l->s[S_NAME], 2, name, -1, SQLITE_STATIC);
	return step_done(l->db, l->s[S_NAME]);
}

/* Every id the record names must exist with the right kind, as the store checks. */
static int check_ref(struct loader *l, const struct cw_id *id, int kind)
{
	sqlite3_stmt *s = l->s[S_KIND];
	int rc, ok;

	if (cw_id_is_zero(id))
		return 0;
	sqlite3_bind_blob(s, 1, id->b, 16, SQLITE_STATIC);
	rc = sqlite3_step(s);
	ok = rc == SQLITE_ROW && sqlite3_column_int(s, 0) == kind;
	sqlite3_reset(s);
	if (!ok)
		fprintf(stderr, "bench: sqlite: a record names a missing %s\n",
			cw_kind_name((enum cw_kind)kind));
	return ok ? 0 : -1;
}

static int check_refs(struct loader *l, const struct cw_record *rec)
{
	int rc = 0;

	switch (rec->kind) {
	case CW_KIND_CASE:
		for (size_t i = 0; i < rec->u.kase.defendants.n && rc == 0; i++)
			rc = check_ref(
				l,
				&((const struct cw_defendant *)rec->u.kase.defendants.items)[i]
					 .person,
				CW_KIND_PERSON);
		break;
	case CW_KIND_HEARING: {
		const struct cw_hearing *h = &rec->u.hearing;

		rc = check_ref(l, &h->case_id, CW_KIND_CASE);
		for (size_t i = 0; i < h->attendance.n && rc == 0; i++)
			rc = check_ref(
				l, &((const struct cw_attendance *)h->attendance.items)[i].person,
				CW_KIND_PERSON);
		for (size_t i = 0; i < h->verdicts.n && rc == 0; i++)
			rc = check_ref(l, &((const struct cw_verdict *)h->verdicts.items)[i].person,
				       CW_KIND_PERSON);
		break;
	}
	case CW_KIND_MILESTONE:
		rc = check_ref(l, &rec->u.milestone.person, CW_KIND_PERSON);
		if (rc == 0)
			rc = check_ref(l, &rec->u.milestone.case_id, CW_KIND_CASE);
		break;
	case CW_KIND_VISIT:
		for (size_t i = 0; i < rec->u.visit.detainees.n && rc == 0; i++)
			rc = check_ref(
				l,
				&((const struct cw_person_ref *)rec->u.visit.detainees.items)[i]
					 .person,
				CW_KIND_PERSON);
		break;
	case CW_KIND_DEMO:
		for (size_t i = 0; i < rec->u.demo.arrested.n && rc == 0; i++)
			rc = check_ref(
				l,
				&((const struct cw_person_ref *)rec->u.demo.arrested.items)[i]
					 .person,
				CW_KIND_PERSON);
		break;
	}
	return rc;
}

/* Reads and decodes a record by id (the case of a hearing, as the store reads it). */
static int read_body(sqlite3 *db, sqlite3_stmt *s, const struct cw_id *id, struct cw_record *rec)
{
	int rc;

	memset(rec, 0, sizeof *rec);
	sqlite3_bind_blob(s, 1, id->b, 16, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rc = cw_record_decode(sqlite3_column_blob(s, 0), (size_t)sqlite3_column_bytes(s, 0),
				      rec, NULL);
	else
		fprintf(stderr, "bench: sqlite: %s\n",
			rc == SQLITE_DONE ? "record not found" : sqlite3_errmsg(db));
	sqlite3_reset(s);
	if (rc == 0)
		rec->id = *id;
	return rc == 0 ? 0 : -1;
}

/* What cw_txn_put does for a new record, done with SQLite. */
static int sqlite_put(struct loader *l, struct cw_record *rec, struct cw_buf *enc)
{
	struct cw_record kase;
	const struct cw_id *case_ref = NULL;
	struct bench_keys k;
	uint32_t date;
	int rc = 0, have_case = 0;

	if (cw_record_validate(rec, NULL) != 0 || check_refs(l, rec) != 0)
		return -1;
	rec->created = rec->updated = cw_now_us();
	free(rec->author);
	free(rec->editor);
	rec->author = strdup("bench");
	rec->editor = strdup("bench");
	rec->origin = rec->edited_in = l->database;
	enc->len = 0;
	if (!rec->author || !rec->editor || cw_record_encode(rec, enc) != 0)
		return -1;
	date = cw_date_key(cw_record_date(rec));
	sqlite3_bind_blob(l->s[S_REC], 1, rec->id.b, 16, SQLITE_STATIC);
	sqlite3_bind_int(l->s[S_REC], 2, rec->kind);
	sqlite3_bind_int64(l->s[S_REC], 3, date);
	sqlite3_bind_blob(l->s[S_REC], 4, enc->data, (int)enc->len, SQLITE_STATIC);
	if (step_done(l->db, l->s[S_REC]) != 0 || put_count(l, COUNT_BY_KIND, rec->kind, rec->kind))
		return -1;
	if (rec->kind == CW_KIND_HEARING)
		case_ref = &rec->u.hearing.case_id;
	else if (rec->kind == CW_KIND_MILESTONE && !cw_id_is_zero(&rec->u.milestone.case_id))
		case_ref = &rec->u.milestone.case_id;
	if (case_ref) {
		if (read_body(l->db, l->s[S_BODY], case_ref, &kase) != 0)
			return -1;
		have_case = 1;
	}
	bench_keys_of(rec, have_case ? &kase : NULL, &k);
	for (size_t i = 0; i < k.narticles && rc == 0; i++)
		if ((rc = put_index(l, S_ART, &k.articles[i], -1, 0, date, rec)) == 0)
			rc = put_count(l, COUNT_BY_ARTICLE, k.articles[i], rec->kind);
	for (size_t i = 0; i < k.npersons && rc == 0; i++)
		rc = put_index(l, S_PERSON, k.persons[i].b, 16, 0, date, rec);
	if (rc == 0 && k.has_case)
		rc = put_index(l, S_CASE, k.kase.b, 16, 0, date, rec);
	if (rc == 0 && k.court && *k.court)
		rc = put_index(l, S_COURT, k.court, (int)strlen(k.court), 1, date, rec);
	if (rc == 0 && k.province && *k.province)
		rc = put_index(l, S_PROVINCE, k.province, (int)strlen(k.province), 1, date, rec);
	if (rc == 0)
		rc = put_name(l, CW_NAME_COURT, k.court);
	if (rc == 0)
		rc = put_name(l, CW_NAME_PROVINCE, k.province);
	if (rc == 0)
		rc = put_name(l, CW_NAME_FACILITY, k.facility);
	if (have_case)
		cw_record_free(&kase);
	if (rc != 0)
		return -1;
	sqlite3_bind_int64(l->s[S_AUDIT], 1, cw_now_us());
	sqlite3_bind_int(l->s[S_AUDIT], 2, rec->kind);
	sqlite3_bind_blob(l->s[S_AUDIT], 3, rec->id.b, 16, SQLITE_STATIC);
	sqlite3_bind_blob(l->s[S_AUDIT], 4, l->database.b, 16, SQLITE_STATIC);
	sqlite3_bind_text(l->s[S_AUDIT], 5, "bench", -1, SQLITE_STATIC);
	return step_done(l->db, l->s[S_AUDIT]);
}

/* The file's pages and how many of them are free, for the log. */
static void print_pages(sqlite3 *db)
{
	sqlite3_stmt *s = prep(db, "SELECT page_count, freelist_count FROM pragma_page_count, "
				   "pragma_freelist_count");

	if (s && sqlite3_step(s) == SQLITE_ROW)
		fprintf(stderr, "bench: sqlite: %lld pages, %lld of them free\n",
			(long long)sqlite3_column_int64(s, 0),
			(long long)sqlite3_column_int64(s, 1));
	sqlite3_finalize(s);
}

static struct cw_gen *make_gen(const struct bench_opts *o)
{
	struct cw_gen_params p;
	struct cw_gen *g;

	cw_gen_params_scaled(&p, o->events);
	return cw_gen_new(&p, &g) == 0 ? g : NULL;
}

/* Records [from, to) of the generator in transactions of `batch` records, each made durable
 * at its commit; *busy gets the time inside the transactions. */
static int load_range(struct loader *l, const struct cw_gen *g, size_t from, size_t to,
		      size_t batch, struct cw_record *recs, struct cw_buf *enc, double *busy)
{
	size_t n = 0;
	int rc = 0;

	for (size_t i = from; i < to && rc == 0;) {
		double t0;
		int bad;

		for (n = 0; n < batch && i < to; n++, i++)
			if (cw_gen_record(g, i, &recs[n]) != 0) {
				rc = -1;
				break;
			}
		if (rc != 0)
			break;
		t0 = bench_now();
		bad = sqlite3_exec(l->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK;
		for (size_t j = 0; j < n && !bad; j++)
			bad = sqlite_put(l, &recs[j], enc) != 0;
		if (bad || sqlite3_exec(l->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(stderr, "bench: sqlite: loading near record %zu: %s\n", i,
				sqlite3_errmsg(l->db));
			rc = -1;
		}
		*busy += bench_now() - t0;
		for (size_t j = 0; j < n; j++)
			cw_record_free(&recs[j]);
		n = 0;
	}
	for (size_t j = 0; j < n; j++)
		cw_record_free(&recs[j]);
	return rc;
}

int bench_sqlite_load(const struct bench_opts *o)
{
	struct loader l = {0};
	struct cw_gen *g = make_gen(o);
	struct cw_record *recs = calloc(o->batch, sizeof *recs);
	struct cw_buf enc = {0};
	double busy = 0;
	size_t total;
	char path[4096];
	struct stat sb;
	long bytes = 0;
	int rc = -1;

	if (!g || !recs || db_open(o, 1, &l.db) != 0)
		goto out;
	cw_id_random(&l.database);
	if (loader_prepare(&l, 1) != 0)
		goto out;
	total = cw_gen_total(g);
	if (load_range(&l, g, 0, total, o->batch, recs, &enc, &busy) != 0)
		goto out;
	/* The index tables from their staging tables, then the WAL folded into the database as a
	 * checkpoint would: both are part of the load. */
	{
		double t0 = bench_now();
		char *msg = NULL;

		if (sqlite3_exec(l.db, build, NULL, NULL, &msg) != SQLITE_OK) {
			fprintf(stderr, "bench: sqlite: building the indexes: %s\n", msg);
			sqlite3_free(msg);
			goto out;
		}
		sqlite3_wal_checkpoint_v2(l.db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
		busy += bench_now() - t0;
		fprintf(stderr, "bench: sqlite: index tables built and checkpointed in %.3f s\n",
			bench_now() - t0);
	}
	printf("load_seconds %.6f\nload_records %zu\n", busy, total);
	print_pages(l.db);
	bench_print_memory("load");
	snprintf(path, sizeof path, "%s/sqlite.db", o->dir);
	if (stat(path, &sb) == 0)
		bytes = (long)sb.st_blocks * 512;
	printf("load_bytes %ld\n", bytes);
	rc = 0;
out:
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(l.s[i]);
	if (l.db)
		sqlite3_close(l.db);
	cw_buf_free(&enc);
	free(recs);
	cw_gen_free(g);
	return rc;
}

int bench_sqlite_more(const struct bench_opts *o)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	struct loader l = {0};
	struct cw_gen *g = make_gen(o);
	struct cw_record *recs = calloc(o->batch, sizeof *recs);
	struct cw_buf enc = {0};
	sqlite3 *src = NULL;
	sqlite3_backup *copy = NULL;
	char from[4096], to[4096], file[4200], *msg = NULL;
	size_t first, more = bench_more_records(o);
	double busy = 0, t0;
	int rc = -1;

	snprintf(from, sizeof from, "%s/sqlite.db", o->dir);
	snprintf(to, sizeof to, "%s/sqlite-more.db", o->dir);
	if (!g || !recs)
		goto out;
	/* The copy, through SQLite's backup API (whatever the loaded database's WAL holds). */
	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_open_v2(to, &l.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
		    SQLITE_OK ||
	    !(copy = sqlite3_backup_init(l.db, "main", src, "main")) ||
	    sqlite3_backup_step(copy, -1) != SQLITE_DONE) {
		fprintf(stderr, "bench: sqlite: copying the database: %s\n", sqlite3_errmsg(l.db));
		goto out;
	}
	sqlite3_backup_finish(copy);
	copy = NULL;
	sqlite3_close(src);
	src = NULL;
	if (sqlite3_exec(l.db, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "bench: sqlite: %s\n", msg ? msg : sqlite3_errmsg(l.db));
		sqlite3_free(msg);
		goto out;
	}
	cw_id_random(&l.database);
	if (loader_prepare(&l, 0) != 0)
		goto out;
	first = cw_gen_total(g);
	if (load_range(&l, g, first, first + more, o->batch, recs, &enc, &busy) != 0)
		goto out;
	/* The WAL folded into the database, as at the end of the bulk load. */
	t0 = bench_now();
	sqlite3_wal_checkpoint_v2(l.db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	busy += bench_now() - t0;
	printf("more_seconds %.6f\nmore_records %zu\n", busy, more);
	bench_print_memory("more");
	rc = 0;
out:
	if (copy)
		sqlite3_backup_finish(copy);
	if (src)
		sqlite3_close(src);
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(l.s[i]);
	if (l.db)
		sqlite3_close(l.db);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(file, sizeof file, "%s%s", to, suffixes[i]);
		unlink(file);
	}
	cw_buf_free(&enc);
	free(recs);
	cw_gen_free(g);
	return rc;
}

/* ---- queries ------------------------------------------------------------------------------ */

static int list_push(struct cw_record_list *l, struct cw_record *rec)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct cw_record *items = realloc(l->items, cap * sizeof *items);

		if (!items)
			return -1;
		l->items = items;
		l->cap = cap;
	}
	l->items[l->n++] = *rec;
	return 0;
}

/* Decodes the rows' (id, body) columns into a list. */
static int collect(sqlite3 *db, sqlite3_stmt *s, struct cw_record_list *out)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct cw_record rec;

		if (cw_record_decode(sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1),
				     &rec, NULL) != 0 ||
		    list_push(out, &rec) != 0) {
			cw_record_free(&rec);
			sqlite3_reset(s);
			return -1;
		}
		memcpy(out->items[out->n - 1].id.b, sqlite3_column_blob(s, 0), 16);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "bench: sqlite: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* Prints a statement and its query plan on stderr (BENCH_SQL_PLAN=1 in the environment). */
static void print_plan(sqlite3 *db, const char *sql)
{
	char plan[4200];
	sqlite3_stmt *s;

	snprintf(plan, sizeof plan, "EXPLAIN QUERY PLAN %s", sql);
	if (!(s = prep(db, plan)))
		return;
	fprintf(stderr, "bench: sqlite: %s\n", sql);
	while (sqlite3_step(s) == SQLITE_ROW)
		fprintf(stderr, "bench: sqlite:   %d %d %s\n", sqlite3_column_int(s, 0),
			sqlite3_column_int(s, 1), (const char *)sqlite3_column_text(s, 3));
	sqlite3_finalize(s);
}

/* Prepares a query; with BENCH_SQL_PLAN set, prints it and its plan first. */
static sqlite3_stmt *prep_query(sqlite3 *db, const char *sql)
{
	if (getenv("BENCH_SQL_PLAN"))
		print_plan(db, sql);
	return prep(db, sql);
}

/* Appends "SELECT date_key, id FROM by_article WHERE ... UNION ..." over f's articles (the
 * bench's filters do not ask for the government's account, so only the plain article keys). */
static size_t union_of_articles(char *sql, size_t size, size_t n, const struct cw_filter *f,
				uint32_t lo, uint32_t hi, const char *kinds)
{
	for (size_t i = 0; i < f->narticles && n < size; i++)
		n += (size_t)snprintf(
			sql + n, size - n,
			"%sSELECT date_key, id FROM by_article WHERE article = %u AND "
			"date_key BETWEEN %u AND %u AND %s",
			i ? " UNION " : "", bench_article_key(&f->articles[i], 0), lo, hi, kinds);
	return n;
}

/* The statement that answers a filter: articles (any of them), kinds, a date range.
 *   - A count of one article over all dates sums the counts table, as casewatch reads its
 *     counters; any other count walks the articles' ranges.
 *   - A first screenful is a compound select with its own ORDER BY and LIMIT: each article is
 *     an ordered range of by_article, so SQLite merges the ranges (a co-routine per range, no
 *     sort) and stops at the 40th row; UNION drops a record charged under two of the articles.
 *     Undated records come after the dated ones, as casewatch lists them: the dated part is one
 *     such merge, the undated part another, joined by UNION ALL under one LIMIT. */
static sqlite3_stmt *filter_stmt(sqlite3 *db, const struct cw_filter *f, int count)
{
	char sql[4096], kinds[128] = "kind >= 3";
	size_t n = 0;
	uint32_t lo, hi;

	cw_filter_date_keys(f, &lo, &hi);
	if (f->kinds) {
		size_t k = (size_t)snprintf(kinds, sizeof kinds, "kind IN (");

		for (int i = 1; i < CW_KIND_COUNT; i++)
			if (f->kinds & CW_KIND_BIT(i))
				k += (size_t)snprintf(kinds + k, sizeof kinds - k, "%s%d",
						      kinds[k - 1] == '(' ? "" : ",", i);
		snprintf(kinds + k, sizeof kinds - k, ")");
	}
	if (count && f->narticles == 1 && lo == 0 && hi == CW_DATE_KEY_UNKNOWN) {
		snprintf(
			sql, sizeof sql,
			"SELECT coalesce(sum(n), 0) FROM counts WHERE idx = %d AND prefix = %u AND "
			"%s",
			COUNT_BY_ARTICLE, bench_article_key(&f->articles[0], 0), kinds);
	} else if (count) {
		n += (size_t)snprintf(sql + n, sizeof sql - n, "SELECT count(*) FROM (");
		n = union_of_articles(sql, sizeof sql, n, f, lo, hi, kinds);
		snprintf(sql + n, sizeof sql - n, ")");
	} else if (hi < CW_DATE_KEY_UNKNOWN) {
		n = union_of_articles(sql, sizeof sql, n, f, lo, hi, kinds);
		snprintf(sql + n, sizeof sql - n, " ORDER BY 1 DESC, 2 DESC LIMIT %d",
			 BENCH_SCREEN);
	} else {
		n += (size_t)snprintf(sql + n, sizeof sql - n, "SELECT * FROM (");
		n = union_of_articles(sql, sizeof sql, n, f, lo, hi - 1, kinds);
		n += (size_t)snprintf(
			sql + n, sizeof sql - n,
			" ORDER BY 1 DESC, 2 DESC LIMIT %d) UNION ALL SELECT * FROM (",
			BENCH_SCREEN);
		n = union_of_articles(sql, sizeof sql, n, f, hi, hi, kinds);
		snprintf(sql + n, sizeof sql - n, " ORDER BY 1 DESC, 2 DESC LIMIT %d) LIMIT %d",
			 BENCH_SCREEN, BENCH_SCREEN);
	}
	return prep_query(db, sql);
}

struct sql_queries {
	sqlite3 *db;
	sqlite3_stmt *filter[Q_COUNT];
	sqlite3_stmt *body, *timeline, *week_count, *week_list;
	uint32_t week_lo, week_hi;
};

static uint64_t hash_list(uint64_t h, const struct cw_record_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		h = bench_hash(h, l->items[i].id.b, sizeof l->items[i].id.b);
	return h;
}

static int run_sql_query(struct sql_queries *s, enum bench_query q, const struct cw_id *people,
			 size_t npeople, uint64_t *check)
{
	struct cw_record_list l = {0};
	uint64_t h = BENCH_HASH_INIT;
	size_t count;
	int rc = 0;

	switch (q) {
	case Q_TIMELINES:
		for (size_t i = 0; i < npeople && rc == 0; i++) {
			sqlite3_bind_blob(s->timeline, 1, people[i].b, 16, SQLITE_STATIC);
			rc = collect(s->db, s->timeline, &l);
			h = hash_list(h, &l);
			cw_record_list_free(&l);
		}
		break;
	case Q_WEEK: {
		static const int kinds[] = {CW_KIND_HEARING, CW_KIND_VISIT, CW_KIND_DEMO,
					    CW_KIND_MILESTONE};

		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			sqlite3_bind_int(s->week_count, 1, kinds[k]);
			sqlite3_bind_int64(s->week_count, 2, s->week_lo);
			sqlite3_bind_int64(s->week_count, 3, s->week_hi);
			if (sqlite3_step(s->week_count) != SQLITE_ROW)
				rc = -1;
			count = (size_t)sqlite3_column_int64(s->week_count, 0);
			sqlite3_reset(s->week_count);
			h = bench_hash(h, &count, sizeof count);
		}
		sqlite3_bind_int64(s->week_list, 1, s->week_lo);
		sqlite3_bind_int64(s->week_list, 2, s->week_hi);
		if (rc == 0)
			rc = collect(s->db, s->week_list, &l);
		h = hash_list(h, &l);
		cw_record_list_free(&l);
		break;
	}
	default: {
		sqlite3_stmt *st = s->filter[q];

		if (!bench_queries[q].list) {
			if (sqlite3_step(st) != SQLITE_ROW)
				rc = -1;
			count = (size_t)sqlite3_column_int64(st, 0);
			sqlite3_reset(st);
			h = bench_hash(h, &count, sizeof count);
			break;
		}
		/* The screenful's ids in order, then each record, as the store does. */
		while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
			struct cw_id id;
			struct cw_record rec;

			memcpy(id.b, sqlite3_column_blob(st, 1), 16);
			if ((rc = read_body(s->db, s->body, &id, &rec)) == 0 &&
			    (rc = list_push(&l, &rec)) != 0)
				cw_record_free(&rec);
		}
		sqlite3_reset(st);
		h = hash_list(h, &l);
		cw_record_list_free(&l);
	}
	}
	*check = h;
	return rc;
}

int bench_sqlite_queries(const struct bench_opts *o)
{
	struct sql_queries s = {0};
	struct cw_gen *g = make_gen(o);
	struct cw_id *people = calloc(o->timelines, sizeof *people);
	double *times = calloc((size_t)o->runs, sizeof *times);
	struct cw_filter week;
	int rc = -1;

	if (!g || !people || !times || db_open(o, 0, &s.db) != 0)
		goto out;
	bench_timeline_people(g, o->timelines, people);
	cw_filter_init(&week);
	if (cw_filter_parse_line(bench_queries[Q_WEEK].filter, &week, NULL) != 0)
		goto out;
	cw_filter_date_keys(&week, &s.week_lo, &s.week_hi);
	/* Statements are prepared once, outside the timing: an advantage SQLite keeps. */
	for (int q = 0; q < Q_COUNT; q++) {
		struct cw_filter f;

		if (q == Q_TIMELINES || q == Q_WEEK || q == Q_REPORT)
			continue;
		cw_filter_init(&f);
		if (cw_filter_parse_line(bench_queries[q].filter, &f, NULL) != 0 ||
		    !(s.filter[q] = filter_stmt(s.db, &f, !bench_queries[q].list)))
			goto out;
	}
	if (!(s.body = prep_query(s.db, "SELECT body FROM records WHERE id = ?1")) ||
	    !(s.timeline =
		      prep_query(s.db, "SELECT r.id, r.body FROM by_person p JOIN records r ON "
				       "r.id = p.id WHERE p.person = ?1 AND p.kind >= 2 ORDER BY "
				       "p.date_key, p.id")) ||
	    !(s.week_count = prep_query(s.db, "SELECT count(*) FROM records WHERE kind = ?1 AND "
					      "date_key BETWEEN ?2 AND ?3")) ||
	    !(s.week_list = prep_query(s.db, "SELECT id, body FROM records WHERE kind >= 3 AND "
					     "date_key BETWEEN ?1 AND ?2 ORDER BY date_key, id")))
		goto out;
	for (int q = 0; q < Q_COUNT; q++) {
		uint64_t check = 0;

		if (q == Q_REPORT)
			continue; /* casewatch's own report: no SQLite counterpart */

		for (int r = -1; r < o->runs; r++) {
			double t0 = bench_now();

			if (run_sql_query(&s, (enum bench_query)q, people, o->timelines, &check) !=
			    0) {
				fprintf(stderr, "bench: sqlite: %s failed\n",
					bench_queries[q].name);
				goto out;
			}
			if (r >= 0)
				times[r] = bench_now() - t0;
		}
		printf("%s %.9f %016llx\n", bench_queries[q].name,
		       bench_median(times, (size_t)o->runs), (unsigned long long)check);
		fflush(stdout);
	}
	bench_print_memory("queries");
	rc = 0;
out:
	for (int q = 0; q < Q_COUNT; q++)
		sqlite3_finalize(s.filter[q]);
	sqlite3_finalize(s.body);
	sqlite3_finalize(s.timeline);
	sqlite3_finalize(s.week_count);
	sqlite3_finalize(s.week_list);
	if (s.db)
		sqlite3_close(s.db);
	cw_gen_free(g);
	free(people);
	free(times);
	return rc;
}

/* The SQLite counterpart of `casewatch list records --limit 40`: a fresh process opens the
 * database, reads the 40 newest monitoring records and each one's case, and prints a line per
 * record. */
int bench_sqlite_screen(const struct bench_opts *o)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *list = NULL, *body = NULL;
	struct cw_record_list l = {0};
	int rc = -1;

	if (db_open(o, 0, &db) != 0 ||
	    !(list = prep(db,
			  "SELECT * FROM (SELECT id, body FROM records WHERE kind >= 3 AND "
			  "date_key < 4294967295 ORDER BY date_key DESC, id DESC LIMIT 40) "
			  "UNION ALL SELECT * FROM (SELECT id, body FROM records WHERE kind >= 3 "
			  "AND date_key = 4294967295 ORDER BY id DESC LIMIT 40) LIMIT 40")) ||
	    !(body = prep(db, "SELECT body FROM records WHERE id = ?1")) || collect(db, list, &l))
		goto out;
	for (size_t i = 0; i < l.n; i++) {
		const struct cw_record *r = &l.items[i];
		const struct cw_id *cid = r->kind == CW_KIND_HEARING     ? &r->u.hearing.case_id
					  : r->kind == CW_KIND_MILESTONE ? &r->u.milestone.case_id
									 : NULL;
		struct cw_record kase;
		char hex[CW_ID_HEX_LEN + 1], date[CW_DATE_TEXT_MAX];

		cw_id_hex(&r->id, hex);
		cw_date_format(cw_record_date(r), date);
		if (cid && !cw_id_is_zero(cid) && read_body(db, body, cid, &kase) == 0) {
			printf("%.8s  %-10s  %-9s  %s\n", hex, date, cw_kind_name(r->kind),
			       cw_record_label(&kase));
			cw_record_free(&kase);
		} else {
			printf("%.8s  %-10s  %-9s  %s\n", hex, date, cw_kind_name(r->kind),
			       cw_record_label(r));
		}
	}
	rc = 0;
out:
	cw_record_list_free(&l);
	sqlite3_finalize(list);
	sqlite3_finalize(body);
	if (db)
		sqlite3_close(db);
	return rc;
}
