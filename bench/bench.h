/* bench.h - what the benchmark's two sides (casewatch in bench.c, SQLite in bench_sqlite.c)
 * share: the workload, the timing helpers and the way a phase reports to the driver.
 *
 * The driver runs every phase in a fresh process (bench --phase NAME ...) so that each phase's
 * peak RSS is its own. A phase prints lines "NAME VALUE [CHECK]" on stdout; CHECK is a hash of
 * the result (counts, ids in order) so the driver can tell that both sides answered the same. */
#ifndef CW_BENCH_H
#define CW_BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "bench/generate.h"
#include "models/filter.h"
#include "models/record.h"

struct bench_opts {
	const char *dir;  /* working directory: cw/ and sqlite.db inside */
	size_t events;    /* monitoring records; people and cases scale with them */
	size_t batch;     /* records per write transaction during the bulk load */
	int runs;         /* timed repetitions of each query (the median is reported) */
	size_t timelines; /* people per timeline run */
	int skip_load;    /* reuse the databases in dir (kept by an earlier --keep) */
	int plain; /* casewatch's database unencrypted (--plain), to show what sealing costs */
	const char *tsv;  /* the driver appends its table's rows there too (--tsv), or NULL */
	const char *only; /* --phase queries-cw: this query alone (its name), for a profiler */
};

/* The queries both sides answer. The filters are built once from these descriptions. */
enum bench_query {
	Q_COUNT_494,
	Q_COUNT_437BIS,
	Q_SCREEN_494_495,
	Q_SCREEN_437BIS_HEARINGS,
	Q_TIMELINES,
	Q_WEEK,
	Q_REPORT, /* casewatch's own weekly report (report/report.h); no SQLite counterpart */
	Q_COUNT
};

struct bench_query_def {
	const char *name;   /* key in the phase output */
	const char *label;  /* row of the table */
	const char *filter; /* a filter line (models/filter.h), "" for timelines */
	int list;           /* a first screenful: newest first, BENCH_SCREEN rows */
};

#define BENCH_SCREEN 40 /* rows of a first screenful */

extern const struct bench_query_def bench_queries[Q_COUNT];

/* The week the summary covers: Monday 2023-06-05 to Sunday 2023-06-11 (inside the ten years of
 * the generated data, and a week with hearings, visits and demonstrations at every size). */
#define BENCH_WEEK_SINCE "2023-06-05"
#define BENCH_WEEK_UNTIL "2023-06-11"

/* Seconds on the monotonic clock. */
double bench_now(void);

/* Median of n values (sorts them). */
double bench_median(double *v, size_t n);

/* FNV-1a over bytes, chained: the result checks. */
uint64_t bench_hash(uint64_t h, const void *data, size_t len);
#define BENCH_HASH_INIT UINT64_C(14695981039346656037)

/* The people whose timelines are read: defendants spread over the whole population. */
void bench_timeline_people(const struct cw_gen *g, size_t n, struct cw_id *out);

/* The index keys the store writes for a record (store.h's layout), for the SQLite side:
 * articles as bench_article_key, people, the case, court and province names. */
struct bench_keys {
	int gov; /* the record is the government's account: its articles under keys of their own */
	uint32_t articles[64];
	size_t narticles;
	struct cw_id persons[600];
	size_t npersons;
	struct cw_id kase;
	int has_case;
	const char *court, *province, *facility;
};
/* An article as an integer key: law << 24 | number << 8 | suffix, the law's high bit set for
 * the government's account (gov). */
uint32_t bench_article_key(const struct cw_article *a, int gov);
/* kase: the record's case (for hearings and milestones that name one), else NULL. */
void bench_keys_of(const struct cw_record *rec, const struct cw_record *kase, struct bench_keys *k);

/* The SQLite side's phases (bench_sqlite.c). Each prints its lines and returns 0 or -1. */
int bench_sqlite_load(const struct bench_opts *o);
int bench_sqlite_queries(const struct bench_opts *o);
int bench_sqlite_screen(const struct bench_opts *o);
/* The load into the loaded database (a copy of it): bench_more_records records after the
 * generator's last, in batches of o->batch; prints more_seconds and more_records. */
int bench_sqlite_more(const struct bench_opts *o);
size_t bench_more_records(const struct bench_opts *o);

/* Prints the phase's resident memory at its end: anonymous pages (heap, SQLite's page cache)
 * and file pages (LMDB's map, SQLite's mmap) from /proc/self/status, and the peak, as
 * "PHASE_rss_anon_kib N", "PHASE_rss_file_kib N" and "PHASE_hwm_kib N" lines. Call it before
 * closing the database: what the phase holds is what counts. */
void bench_print_memory(const char *phase);

#endif
