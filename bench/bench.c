/* bench.c - casewatch's benchmark at a million records, side by side with SQLite.
 *
 *   bench [--events N] [--runs R] [--load-runs L] [--batch B] [--timelines T]
 *         [--casewatch PATH] [--dir DIR] [--keep]
 *
 * generates the synthetic database (generate.h) into casewatch and into SQLite with the
 * equivalent schema, times the bulk load, the queries a supervisor asks (counts by article,
 * first screenfuls of filtered lists, defendants' timelines, a weekly summary) and the time
 * from starting casewatch to its first screen, and prints each figure with its SQLite
 * counterpart and the ratio casewatch/SQLite. Every phase runs in its own process, so the
 * memory printed is the phase's own: its peak RSS, and apart, the anonymous memory it holds
 * (RssAnon) and the file pages it has mapped (RssFile), at its end and, for RssAnon, sampled
 * while it runs. These are measurements, never assertions: nothing here fails a build or a
 * test. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <poll.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench/bench.h"
#include "models/codec.h"
#include "report/report.h"
#include "store/store.h"
#include "store/vault.h"

const struct bench_query_def bench_queries[Q_COUNT] = {
	[Q_COUNT_494] = {"count_494", "count, article 494", "article:494", 0},
	[Q_COUNT_437BIS] = {"count_437bis", "count, article 437 bis", "article:\"437 bis\"", 0},
	[Q_SCREEN_494_495] = {"screen_494_495", "first screen, article 494/495", "article:494/495",
			      1},
	[Q_SCREEN_437BIS_HEARINGS] = {"screen_437bis", "first screen, 437 bis hearings since 2020",
				      "article:\"437 bis\" kind:hearing since:2020", 1},
	[Q_TIMELINES] = {"timelines", "timelines (all, total)", "", 0},
	[Q_WEEK] = {"week", "weekly summary (counts + records)",
		    "since:" BENCH_WEEK_SINCE " until:" BENCH_WEEK_UNTIL, 0},
	[Q_REPORT] = {"report", "weekly report (cw_report_build)",
		      "since:" BENCH_WEEK_SINCE " until:" BENCH_WEEK_UNTIL, 0},
};

double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double bench_median(double *v, size_t n)
{
	if (n == 0)
		return NAN;
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

uint64_t bench_hash(uint64_t h, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * UINT64_C(1099511628211);
	return h;
}

void bench_timeline_people(const struct cw_gen *g, size_t n, struct cw_id *out)
{
	for (size_t i = 0; i < n; i++)
		cw_gen_person_id(g, (size_t)cw_gen_defendant(g, i), &out[i]);
}

/* ---- the store's index keys, for the SQLite side ------------------------------------------ */

static void keys_person(struct bench_keys *k, const struct cw_id *id)
{
	if (cw_id_is_zero(id))
		return;
	for (size_t i = 0; i < k->npersons; i++)
		if (cw_id_equal(&k->persons[i], id))
			return;
	if (k->npersons < sizeof k->persons / sizeof k->persons[0])
		k->persons[k->npersons++] = *id;
}

static void keys_article(struct bench_keys *k, const struct cw_article *a)
{
	uint32_t key = bench_article_key(a, k->gov);

	if (a->law == CW_LAW_NONE)
		return;
	for (size_t i = 0; i < k->narticles; i++)
		if (k->articles[i] == key)
			return;
	if (k->narticles < sizeof k->articles / sizeof k->articles[0])
		k->articles[k->narticles++] = key;
}

/* As store.c's keyset_from_case: a milestone carries only its own person's (or group's)
 * charges, none when the case does not name that one, and none when it names its own articles
 * (articles 0); the charges are under the government's keys only when the record and the case
 * are both the government's account. */
static void keys_from_case(struct bench_keys *k, const struct cw_record *kase,
			   const struct cw_id *only_person, const char *only_group, int persons,
			   int articles)
{
	const struct cw_case *c = &kase->u.kase;
	int record_gov = k->gov;

	k->gov = record_gov && kase->view == CW_VIEW_GOVERNMENT;
	if (only_person && cw_id_is_zero(only_person))
		only_person = NULL;
	if (only_group && !*only_group)
		only_group = NULL;
	for (size_t i = 0; i < c->defendants.n; i++) {
		const struct cw_defendant *d = (const struct cw_defendant *)c->defendants.items + i;

		if (only_person && !cw_id_equal(&d->person, only_person))
			continue;
		if (!only_person && only_group &&
		    !(cw_id_is_zero(&d->person) && d->label && !strcasecmp(d->label, only_group)))
			continue;
		for (size_t j = 0; articles && j < d->charges.n; j++)
			keys_article(k, &((const struct cw_charge *)d->charges.items)[j].article);
		if (persons)
			keys_person(k, &d->person);
	}
	k->gov = record_gov;
	k->court = c->court;
	k->province = c->court_province;
}

uint32_t bench_article_key(const struct cw_article *a, int gov)
{
	/* As cw_store_article_key: the law byte is below 0x80, its high bit marks a record in the
	 * government's account, which an article filter finds only when it asks for that account.
	 */
	return (uint32_t)(a->law | (gov ? 0x80 : 0)) << 24 | (uint32_t)a->number << 8 | a->suffix;
}

void bench_keys_of(const struct cw_record *rec, const struct cw_record *kase, struct bench_keys *k)
{
	memset(k, 0, sizeof *k);
	k->gov = rec->view == CW_VIEW_GOVERNMENT;
	switch (rec->kind) {
	case CW_KIND_PERSON:
		k->province = rec->u.person.province;
		break;
	case CW_KIND_CASE:
		keys_from_case(k, rec, NULL, NULL, 1, 1);
		break;
	case CW_KIND_HEARING: {
		const struct cw_hearing *h = &rec->u.hearing;

		k->kase = h->case_id;
		k->has_case = 1;
		if (kase)
			keys_from_case(k, kase, NULL, NULL, 1, 1);
		if (h->court && *h->court)
			k->court = h->court;
		for (size_t i = 0; i < h->attendance.n; i++)
			keys_person(k,
				    &((const struct cw_attendance *)h->attendance.items)[i].person);
		for (size_t i = 0; i < h->verdicts.n; i++) {
			const struct cw_verdict *v =
				(const struct cw_verdict *)h->verdicts.items + i;

			keys_article(k, &v->article);
			keys_person(k, &v->person);
		}
		break;
	}
	case CW_KIND_MILESTONE: {
		const struct cw_milestone *m = &rec->u.milestone;
		struct cw_article arts[CW_ARTICLE_LIST_MAX];
		size_t na = cw_milestone_articles(m, arts);

		keys_person(k, &m->person);
		for (size_t i = 0; i < na; i++)
			keys_article(k, &arts[i]);
		if (!kase) {
			k->court = m->court;
			break;
		}
		k->kase = m->case_id;
		k->has_case = 1;
		keys_from_case(k, kase, &m->person, m->group, 0, na == 0);
		if (m->court && *m->court)
			k->court = m->court;
		break;
	}
	case CW_KIND_VISIT:
		for (size_t i = 0; i < rec->u.visit.detainees.n; i++)
			keys_person(k,
				    &((const struct cw_person_ref *)rec->u.visit.detainees.items)[i]
					     .person);
		k->facility = rec->u.visit.facility;
		k->province = rec->u.visit.facility_province;
		break;
	case CW_KIND_DEMO:
		for (size_t i = 0; i < rec->u.demo.arrested.n; i++)
			keys_person(k,
				    &((const struct cw_person_ref *)rec->u.demo.arrested.items)[i]
					     .person);
		k->province = rec->u.demo.province;
		break;
	}
}

/* ---- casewatch: bulk load ---------------------------------------------------------------- */

struct load_batch {
	struct cw_record *recs;
	size_t n;
};

static int load_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct load_batch *b = ctx;
	int rc;

	for (size_t i = 0; i < b->n; i++)
		if ((rc = cw_txn_put(txn, &b->recs[i], CW_PUT_NEW, NULL, err)) != 0)
			return rc;
	return 0;
}

/* Records [from, to) of the generator, `batch` to a write transaction (b->recs has room for
 * a batch); *busy gets the time inside the writes. 0, or -1 with a message. The bulk load and
 * the load into the loaded database both go this way. */
static int load_range(struct cw_store *st, const struct cw_gen *g, size_t from, size_t to,
		      size_t batch, struct load_batch *b, double *busy)
{
	struct cw_error err;
	int rc = 0;

	for (size_t i = from; i < to && rc == 0;) {
		double t0;

		for (b->n = 0; b->n < batch && i < to; b->n++, i++)
			if (cw_gen_record(g, i, &b->recs[b->n]) != 0) {
				fprintf(stderr, "bench: out of memory generating records\n");
				rc = -1;
				break;
			}
		t0 = bench_now();
		if (rc == 0 && cw_store_write(st, load_fn, b, &err) != 0) {
			fprintf(stderr, "bench: loading record %zu: %s: %s\n", i, err.field,
				err.message);
			rc = -1;
		}
		*busy += bench_now() - t0;
		for (size_t j = 0; j < b->n; j++)
			cw_record_free(&b->recs[j]);
		b->n = 0;
	}
	return rc;
}

static struct cw_gen *make_gen(const struct bench_opts *o)
{
	struct cw_gen_params p;
	struct cw_gen *g;

	cw_gen_params_scaled(&p, o->events);
	if (cw_gen_new(&p, &g) != 0) {
		fprintf(stderr, "bench: out of memory making the generator\n");
		return NULL;
	}
	return g;
}

/* Reads RssAnon, RssFile and, with hwm, VmHWM (KiB) from a /proc/.../status file; -1 where
 * absent. */
static void read_status(const char *path, long *anon, long *file, long *hwm)
{
	FILE *f = fopen(path, "r");
	char line[256];

	*anon = *file = -1;
	if (hwm)
		*hwm = -1;
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		sscanf(line, "RssAnon: %ld", anon);
		sscanf(line, "RssFile: %ld", file);
		if (hwm)
			sscanf(line, "VmHWM: %ld", hwm);
	}
	fclose(f);
}

/* The end-of-phase memory: anonymous and file-backed resident pages (the map) from
 * /proc/self/status, so a reader can tell LMDB's mapped file from the heap, and the peak. */
void bench_print_memory(const char *phase)
{
	long anon, file, hwm;

	read_status("/proc/self/status", &anon, &file, &hwm);
	printf("%s_rss_anon_kib %ld\n%s_rss_file_kib %ld\n%s_hwm_kib %ld\n", phase, anon, phase,
	       file, phase, hwm);
}

static long dir_bytes(const char *path)
{
	char file[4096 + 16];
	struct stat sb;

	snprintf(file, sizeof file, "%s/data.mdb", path);
	if (stat(file, &sb) != 0)
		return -1;
	return (long)sb.st_blocks * 512;
}

/* The benchmark's encrypted database is keyed like a monitor's, but its key slot uses the
 * cheapest Argon2id so that query and start-up figures measure sealing, not the passphrase;
 * the default derivation is timed on its own ("unlock"). */
static const char bench_pass[] = "bench passphrase";

static int bench_key(void *ctx, const char *dir, const struct cw_id *database,
		     struct cw_vault **out, struct cw_error *err)
{
	char slot[4200];

	(void)ctx;
	cw_store_keyslot_path(dir, slot, sizeof slot);
	return cw_keyslot_open(slot, bench_pass, sizeof bench_pass - 1, database, out, err);
}

/* Makes the key of a new encrypted bench database: the slot and a passphrase file for the
 * casewatch binary (--passphrase-file). */
static int bench_new_key(const char *path, struct cw_store_options *so, struct cw_id *id,
			 struct cw_error *err)
{
	struct cw_kdf_params cheap = cw_kdf_cheapest();
	char slot[4200], file[4200];
	FILE *f;
	int fd = -1;

	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return cw_error_set(err, CW_EIO, "dir", "cannot make %s", path);
	cw_id_random(id);
	so->database_id = id;
	cw_store_keyslot_path(path, slot, sizeof slot);
	snprintf(file, sizeof file, "%s/../passphrase", path);
	if (cw_vault_new(&so->vault, err) != 0 ||
	    cw_keyslot_write(slot, so->vault, bench_pass, sizeof bench_pass - 1, &cheap, id, err) !=
		    0)
		return -1;
	/* 0600, as casewatch asks of a passphrase file (else it warns on every start). */
	if ((fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 || !(f = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		return cw_error_set(err, CW_EIO, "dir", "cannot write %s", file);
	}
	fprintf(f, "%s\n", bench_pass);
	return fclose(f) == 0 ? 0 : -1;
}

static int phase_load_cw(const struct bench_opts *o)
{
	char path[4096];
	struct cw_gen *g = make_gen(o);
	struct cw_store *st = NULL;
	struct cw_error err;
	/* A bulk writer, as `casewatch import` is: pages written in place, not copied in heap. */
	struct cw_store_options so = {.author = "bench", .create = 1, .bulk = 1};
	struct cw_id id;
	struct load_batch b = {NULL, 0};
	double busy = 0;
	size_t total;
	int rc = -1;

	if (!g)
		return -1;
	total = cw_gen_total(g);
	/* Sized for the whole load up front (about 2 KiB per record), so no batch is run twice
	 * after a full map; the file only grows as pages are used. */
	so.map_size = total * 2048 > ((size_t)64 << 20) ? total * 2048 : (size_t)64 << 20;
	snprintf(path, sizeof path, "%s/cw", o->dir);
	if (!o->plain && bench_new_key(path, &so, &id, &err) != 0) {
		cw_vault_free(so.vault);
		fprintf(stderr, "bench: %s\n", err.message);
		goto out;
	}
	if (cw_store_open(path, &so, &st, &err) != 0) { /* owns so.vault from here on */
		fprintf(stderr, "bench: %s\n", err.message);
		goto out;
	}
	if (!(b.recs = calloc(o->batch, sizeof *b.recs)) ||
	    load_range(st, g, 0, total, o->batch, &b, &busy) != 0)
		goto out;
	printf("load_seconds %.6f\nload_records %zu\n", busy, total);
	bench_print_memory("load");
	cw_store_close(st);
	st = NULL;
	printf("load_bytes %ld\n", dir_bytes(path));
	/* What `casewatch compact` (and an import, by itself) leaves: the queries run on it. */
	{
		struct cw_compact_stats cs;
		double t0 = bench_now();

		if (cw_store_compact(path, &cs, &err) != 0) {
			fprintf(stderr, "bench: compacting: %s\n", err.message);
			goto out;
		}
		printf("compact_seconds %.6f\ncompact_bytes %ld\n", bench_now() - t0,
		       dir_bytes(path));
	}
	rc = 0;
out:
	for (size_t j = 0; j < b.n; j++)
		cw_record_free(&b.recs[j]);
	free(b.recs);
	cw_store_close(st);
	cw_gen_free(g);
	return rc;
}

/* ---- casewatch: a load into the loaded database --------------------------------------- */

/* The issue asks, beside the load into an empty database, for the rate of one into a database
 * that already holds the benchmark's records: a tenth more monitoring records (at least 1,000;
 * new ids, naming the people and cases loaded), into a copy of the loaded database, so that the
 * queries' database stays as the load and compaction left it. */
size_t bench_more_records(const struct bench_opts *o)
{
	return o->events / 10 > 1000 ? o->events / 10 : 1000;
}

/* Copies a file the benchmark made (0600); 0 or -1 with a message. */
static int copy_file(const char *from, const char *to)
{
	static char buf[1 << 16];
	int in = open(from, O_RDONLY | O_CLOEXEC), out = -1, rc = -1;
	ssize_t n = 0;

	if (in >= 0)
		out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	while (out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			break;
	if (in >= 0 && out >= 0 && n == 0)
		rc = 0;
	if (out >= 0 && close(out) != 0)
		rc = -1;
	if (in >= 0)
		close(in);
	if (rc != 0)
		fprintf(stderr, "bench: cannot copy %s to %s: %s\n", from, to, strerror(errno));
	return rc;
}

/* Removes the copy phase_more_cw made. */
static void remove_copy(const char *path)
{
	static const char *const names[] = {"data.mdb", "lock.mdb", "key"};
	char file[4200];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(file, sizeof file, "%s/%s", path, names[i]);
		unlink(file);
	}
	rmdir(path);
}

static int phase_more_cw(const struct bench_opts *o)
{
	char from[4096], path[4096], a[4200], b_[4200];
	struct cw_gen *g = make_gen(o);
	struct cw_store_options so = {.author = "bench", .bulk = 1};
	struct cw_store *st = NULL;
	struct cw_error err;
	struct load_batch b = {NULL, 0};
	size_t first, more = bench_more_records(o);
	double busy = 0;
	struct stat sb;
	int rc = -1;

	if (!g)
		return -1;
	first = cw_gen_total(g);
	snprintf(from, sizeof from, "%s/cw", o->dir);
	snprintf(path, sizeof path, "%s/cw-more", o->dir);
	if (mkdir(path, 0700) != 0) {
		fprintf(stderr, "bench: cannot make %s: %s\n", path, strerror(errno));
		goto out;
	}
	snprintf(a, sizeof a, "%s/data.mdb", from);
	snprintf(b_, sizeof b_, "%s/data.mdb", path);
	if (copy_file(a, b_) != 0 || stat(b_, &sb) != 0)
		goto out;
	snprintf(a, sizeof a, "%s/key", from);
	snprintf(b_, sizeof b_, "%s/key", path);
	if (!o->plain && copy_file(a, b_) != 0)
		goto out;
	/* As in the load: room for all of it up front, so no batch runs twice. */
	so.map_size = (size_t)sb.st_size + more * 2048;
	so.get_key = bench_key;
	if (cw_store_open(path, &so, &st, &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.message);
		goto out;
	}
	if (!(b.recs = calloc(o->batch, sizeof *b.recs)) ||
	    load_range(st, g, first, first + more, o->batch, &b, &busy) != 0)
		goto out;
	printf("more_seconds %.6f\nmore_records %zu\n", busy, more);
	bench_print_memory("more");
	rc = 0;
out:
	for (size_t j = 0; j < b.n; j++)
		cw_record_free(&b.recs[j]);
	free(b.recs);
	cw_store_close(st);
	cw_gen_free(g);
	remove_copy(path);
	return rc;
}

/* ---- casewatch: queries ------------------------------------------------------------------ */

static uint64_t hash_list(uint64_t h, const struct cw_record_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		h = bench_hash(h, l->items[i].id.b, sizeof l->items[i].id.b);
	return h;
}

/* One run of a query; *check gets the result's hash. */
static int run_cw_query(struct cw_store *st, enum bench_query q, const struct cw_filter *f,
			const struct cw_id *people, size_t npeople, uint64_t *check,
			struct cw_error *err)
{
	struct cw_record_list l;
	uint64_t h = BENCH_HASH_INIT;
	size_t count;
	int rc;

	switch (q) {
	case Q_TIMELINES:
		for (size_t i = 0; i < npeople; i++) {
			if ((rc = cw_store_timeline_for_person(st, &people[i], &l, err)) != 0)
				return rc;
			h = hash_list(h, &l);
			cw_record_list_free(&l);
		}
		break;
	case Q_WEEK: {
		/* What a weekly summary needs: the count of each kind of monitoring record in
		 * the week, and the week's records themselves, oldest first. */
		static const enum cw_kind kinds[] = {CW_KIND_HEARING, CW_KIND_VISIT, CW_KIND_DEMO,
						     CW_KIND_MILESTONE};
		struct cw_filter one = *f;

		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			one.kinds = CW_KIND_BIT(kinds[k]);
			if ((rc = cw_store_count(st, &one, CW_KINDS_EVENTS, &count, err)) != 0)
				return rc;
			h = bench_hash(h, &count, sizeof count);
		}
		if ((rc = cw_store_list(st, f, CW_KINDS_EVENTS, CW_ORDER_OLDEST_FIRST, 0, 0, &l,
					err)) != 0)
			return rc;
		h = hash_list(h, &l);
		cw_record_list_free(&l);
		break;
	}
	case Q_REPORT: {
		/* The whole weekly report as `casewatch report` gathers it: sections, articles,
		 * upcoming hearings, pretrial detainees, the previous week's counts. */
		struct cw_report rep;
		struct cw_filter none;

		cw_filter_init(&none);
		rc = cw_report_build(st, &none, f->since, f->until, &rep, err);
		if (rc == 0)
			h = bench_hash(h, rep.counts, sizeof rep.counts);
		cw_report_free(&rep);
		if (rc != 0)
			return rc;
		break;
	}
	default:
		if (bench_queries[q].list) {
			if ((rc = cw_store_list(st, f, CW_KINDS_EVENTS, CW_ORDER_NEWEST_FIRST, 0,
						BENCH_SCREEN, &l, err)) != 0)
				return rc;
			h = hash_list(h, &l);
			cw_record_list_free(&l);
		} else {
			if ((rc = cw_store_count(st, f, CW_KINDS_EVENTS, &count, err)) != 0)
				return rc;
			h = bench_hash(h, &count, sizeof count);
		}
	}
	*check = h;
	return 0;
}

/* What a monitor waits for at every passphrase: Argon2id at the default cost, in a process
 * of its own (its 128 MiB would otherwise count in the queries' memory). */
static int phase_unlock_cw(const struct bench_opts *o)
{
	struct cw_kdf_params kdf = cw_kdf_default();
	struct cw_vault *v = NULL;
	struct cw_error err;
	struct cw_id id;
	char slot[4200];
	double t0;
	int rc = -1;

	snprintf(slot, sizeof slot, "%s/unlock-slot", o->dir);
	cw_id_random(&id);
	if (cw_vault_new(&v, &err) == 0 &&
	    cw_keyslot_write(slot, v, bench_pass, sizeof bench_pass - 1, &kdf, &id, &err) == 0) {
		cw_vault_free(v);
		v = NULL;
		t0 = bench_now();
		if (cw_keyslot_open(slot, bench_pass, sizeof bench_pass - 1, &id, &v, &err) == 0) {
			printf("unlock_seconds %.6f\n", bench_now() - t0);
			rc = 0;
		}
	}
	if (rc != 0)
		fprintf(stderr, "bench: unlock: %s\n", err.message);
	cw_vault_free(v);
	unlink(slot);
	return rc;
}

static int phase_queries_cw(const struct bench_opts *o)
{
	char path[4096];
	struct cw_gen *g = make_gen(o);
	struct cw_store_options so = {.author = "bench"};
	struct cw_store *st = NULL;
	struct cw_error err;
	struct cw_id *people = NULL;
	double *times = NULL;
	int rc = -1;

	if (!g)
		return -1;
	snprintf(path, sizeof path, "%s/cw", o->dir);
	if (!(people = calloc(o->timelines, sizeof *people)) ||
	    !(times = calloc((size_t)o->runs, sizeof *times)))
		goto out;
	bench_timeline_people(g, o->timelines, people);
	cw_gen_free(g);
	g = NULL;
	so.get_key = bench_key;
	if (cw_store_open(path, &so, &st, &err) != 0) {
		fprintf(stderr, "bench: %s\n", err.message);
		goto out;
	}
	for (int q = 0; q < Q_COUNT; q++) {
		struct cw_filter f;
		uint64_t check = 0;

		if (o->only && strcmp(o->only, bench_queries[q].name))
			continue;

		cw_filter_init(&f);
		if (cw_filter_parse_line(bench_queries[q].filter, &f, &err) != 0) {
			fprintf(stderr, "bench: %s: %s\n", bench_queries[q].filter, err.message);
			goto out;
		}
		/* One untimed run first: the figures are for a program already running. */
		for (int r = -1; r < o->runs; r++) {
			double t0 = bench_now();

			if (run_cw_query(st, (enum bench_query)q, &f, people, o->timelines, &check,
					 &err) != 0) {
				fprintf(stderr, "bench: %s: %s: %s\n", bench_queries[q].name,
					err.field, err.message);
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
	cw_store_close(st);
	cw_gen_free(g);
	free(people);
	free(times);
	return rc;
}

/* ---- the driver -------------------------------------------------------------------------- */

struct phase_result {
	char *out;   /* what the phase printed */
	double wall; /* seconds from fork to exit (less the time the child was held at its exit) */
	long maxrss; /* peak RSS (ru_maxrss), KiB */
	/* From /proc/PID/status: the largest RssAnon and RssFile seen in samples taken every
	 * BENCH_SAMPLE_MS while the child ran (and at its exit when traced), and both at the
	 * child's exit when it was traced; KiB, -1 when never read. */
	long peak_anon, peak_file, exit_anon, exit_file;
	long exit_hwm; /* VmHWM at the traced child's exit, KiB; -1 when not read */
	int ok;
};

#define BENCH_SAMPLE_MS 10
/* The first screen is over in a few milliseconds: its runs are sampled every millisecond. */
#define BENCH_SAMPLE_SHORT_MS 1

static const char *self_path;

static void sample_child(pid_t pid, struct phase_result *res, int at_exit)
{
	char path[64];
	long anon, file;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	read_status(path, &anon, &file, at_exit ? &res->exit_hwm : NULL);
	if (anon > res->peak_anon)
		res->peak_anon = anon;
	if (file > res->peak_file)
		res->peak_file = file;
	if (at_exit) {
		res->exit_anon = anon;
		res->exit_file = file;
	}
}

/* Runs argv in a child with stdout into a pipe; collects output, wall time and peak RSS, and
 * samples the child's resident memory every BENCH_SAMPLE_MS. With trace (the first screens, a
 * few milliseconds each), the samples come every BENCH_SAMPLE_SHORT_MS and the child is traced
 * (ptrace) only to be held for a moment when it exits, while its memory is still there: its
 * RssAnon, RssFile and VmHWM are read then (casewatch cannot print them itself). By then it
 * has closed its database, so its map is gone: VmHWM and the samples are what it held while it
 * ran. Where ptrace is refused, the run goes on untraced. */
static int run_child(char *const argv[], int trace, struct phase_result *res)
{
	int fd[2], sfd = -1, status = 0, done = 0, eof = 0;
	pid_t pid;
	size_t len = 0, cap = 4096;
	struct rusage ru;
	sigset_t chld, old;
	double t0, next, every, held = 0;

	memset(res, 0, sizeof *res);
	res->peak_anon = res->peak_file = res->exit_anon = res->exit_file = res->exit_hwm = -1;
	if (!(res->out = malloc(cap)) || pipe(fd) != 0)
		return -1;
	/* SIGCHLD is read from a signalfd, so that a child stopped at its exit wakes the loop
	 * below at once; the child gets the old mask back before exec. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	if (sigprocmask(SIG_BLOCK, &chld, &old) != 0 ||
	    (sfd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC)) < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	fflush(NULL);
	t0 = bench_now();
	if ((pid = fork()) < 0) {
		close(fd[0]);
		close(fd[1]);
		close(sfd);
		sigprocmask(SIG_SETMASK, &old, NULL);
		return -1;
	}
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		if (trace)
			ptrace(PTRACE_TRACEME, 0, NULL, NULL); /* untraced if refused */
		execv(argv[0], argv);
		fprintf(stderr, "bench: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fd[1]);
	every = (trace ? BENCH_SAMPLE_SHORT_MS : BENCH_SAMPLE_MS) / 1000.0;
	next = t0 + every;
	while (!done || !eof) {
		/* Once the child is gone, only the rest of its output is left to read. */
		struct pollfd pfd[2] = {{eof ? -1 : fd[0], POLLIN, 0},
					{done ? -1 : sfd, POLLIN, 0}};
		double now = bench_now();
		int timeout = done ? -1 : now >= next ? 0 : (int)((next - now) * 1000) + 1;
		struct signalfd_siginfo si;

		if (poll(pfd, 2, timeout) < 0 && errno != EINTR)
			break;
		if (pfd[0].revents) {
			ssize_t n;

			if (len + 1 >= cap) {
				char *grown = realloc(res->out, cap *= 2);

				if (!grown)
					break;
				res->out = grown;
			}
			n = read(fd[0], res->out + len, cap - len - 1);
			if (n > 0)
				len += (size_t)n;
			else if (n == 0 || errno != EINTR)
				eof = 1;
		}
		if (done)
			continue;
		if (bench_now() >= next) {
			sample_child(pid, res, 0);
			next = bench_now() + every;
		}
		while (read(sfd, &si, sizeof si) == (ssize_t)sizeof si)
			;
		while (!done && wait4(pid, &status, WNOHANG, &ru) > 0) {
			int sig = WIFSTOPPED(status) ? WSTOPSIG(status) : 0;

			if (!WIFSTOPPED(status)) {
				res->wall = bench_now() - t0 - held;
				done = 1;
			} else if (status >> 8 == (SIGTRAP | PTRACE_EVENT_EXIT << 8)) {
				double t = bench_now();

				sample_child(pid, res, 1); /* its memory as it ends */
				held += bench_now() - t;
				ptrace(PTRACE_CONT, pid, NULL, NULL);
			} else if (sig == SIGTRAP) {
				/* Stopped at exec: from here on, stop it only at its exit. */
				ptrace(PTRACE_SETOPTIONS, pid, NULL,
				       (void *)(long)(PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL));
				ptrace(PTRACE_CONT, pid, NULL, NULL);
			} else {
				ptrace(PTRACE_CONT, pid, NULL,
				       (void *)(long)sig); /* its own signal */
			}
		}
	}
	res->out[len] = '\0';
	close(fd[0]);
	close(sfd);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (!done) { /* out of memory reading the output */
		kill(pid, SIGKILL);
		wait4(pid, &status, 0, &ru);
		return -1;
	}
	res->maxrss = ru.ru_maxrss;
	res->ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	return res->ok ? 0 : -1;
}

/* A value printed by a phase: "name VALUE [CHECK]". */
static int field(const struct phase_result *r, const char *name, double *value, char *check,
		 size_t clen)
{
	size_t n = strlen(name);

	for (const char *p = r->out; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		char c[64] = "";

		if (strncmp(p, name, n) != 0 || p[n] != ' ')
			continue;
		if (sscanf(p + n + 1, "%lf %63s", value, c) < 1)
			return -1;
		if (check)
			snprintf(check, clen, "%s", c);
		return 0;
	}
	return -1;
}

static int run_phase(const struct bench_opts *o, const char *phase, struct phase_result *res)
{
	char events[32], batch[32], runs[32], tl[32];
	char *argv[] = {(char *)self_path,
			"--phase",
			(char *)phase,
			"--dir",
			(char *)o->dir,
			"--events",
			events,
			"--batch",
			batch,
			"--runs",
			runs,
			"--timelines",
			tl,
			NULL,
			NULL};

	snprintf(events, sizeof events, "%zu", o->events);
	snprintf(batch, sizeof batch, "%zu", o->batch);
	snprintf(runs, sizeof runs, "%d", o->runs);
	snprintf(tl, sizeof tl, "%zu", o->timelines);
	if (o->plain)
		argv[13] = "--plain";
	if (run_child(argv, 0, res) != 0) {
		fprintf(stderr, "bench: phase %s failed\n", phase);
		free(res->out);
		res->out = NULL;
		return -1;
	}
	return 0;
}

static int remove_tree(const char *path)
{
	char *argv[] = {"/bin/rm", "-rf", (char *)path, NULL};
	struct phase_result r;
	int rc = run_child(argv, 0, &r);

	free(r.out);
	return rc;
}

/* Removes what the benchmark made in dir, then dir itself if that leaves it empty. */
static void remove_databases(const char *dir)
{
	static const char *const names[] = {
		"cw",      "sqlite.db",      "sqlite.db-wal",      "sqlite.db-shm",
		"cw-more", "sqlite-more.db", "sqlite-more.db-wal", "sqlite-more.db-shm"};
	char path[4096];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		remove_tree(path);
	}
	rmdir(dir);
}

/* A row of the table. */
struct row {
	const char *label;
	const char *unit; /* "ms", "rec/s", "MiB" */
	double cw, sql;   /* NAN when not measured */
	const char *target;
	int met; /* 1 met, 0 missed, -1 no target */
	int higher_better;
};

static void fmt_value(char *buf, size_t len, double v, const char *unit)
{
	if (isnan(v))
		snprintf(buf, len, "-");
	else if (!strcmp(unit, "rec/s"))
		snprintf(buf, len, "%.0f", v);
	else if (v < 10)
		snprintf(buf, len, "%.3f", v);
	else
		snprintf(buf, len, "%.1f", v);
}

/* Prints a row of the table; with tsv, also "EVENTS<tab>FIGURE (UNIT)<tab>CASEWATCH<tab>SQLITE<tab>
 * CASEWATCH IS" there, for bench/scale.sh. */
static void print_row(const struct row *r, FILE *tsv, size_t events)
{
	char a[32], b[32], ratio[32], speed[32], label[64];

	snprintf(label, sizeof label, "%s (%s)", r->label, r->unit);
	fmt_value(a, sizeof a, r->cw, r->unit);
	fmt_value(b, sizeof b, r->sql, r->unit);
	if (isnan(r->cw) || isnan(r->sql) || r->sql == 0 || r->cw == 0) {
		snprintf(ratio, sizeof ratio, "-");
		snprintf(speed, sizeof speed, "-");
	} else {
		double x = r->cw / r->sql, faster = r->higher_better ? x : 1 / x;
		int size = !strcmp(r->unit, "MiB"); /* larger or smaller, not slower or faster */

		snprintf(ratio, sizeof ratio, "%.3f", x);
		snprintf(speed, sizeof speed, "%.1fx %s", faster >= 1 ? faster : 1 / faster,
			 faster >= 1 ? (size ? "smaller" : "faster")
				     : (size ? "larger" : "slower"));
	}
	printf("| %-52s | %11s | %11s | %9s | %13s | %-14s | %-6s |\n", label, a, b, ratio, speed,
	       r->target ? r->target : "",
	       r->met < 0 ? ""
	       : r->met   ? "met"
			  : "MISSED");
	if (tsv)
		fprintf(tsv, "%zu\t%s\t%s\t%s\t%s\n", events, label, a, b, speed);
}

static int usage(void)
{
	fprintf(stderr,
		"usage: bench [--events N] [--runs R] [--load-runs L] [--batch B] [--timelines T]\n"
		"             [--casewatch PATH] [--dir DIR] [--keep] [--plain] [--tsv FILE]\n"
		"  --events N     monitoring records (default 1000000; people N/10, cases N/20)\n"
		"  --runs R       timed runs of each query and of the first screen (default 5)\n"
		"  --load-runs L  bulk loads into fresh databases (default 1)\n"
		"  --batch B      records per write transaction (default 10000)\n"
		"  --timelines T  defendants' timelines per run (default 1000)\n"
		"  --plain        casewatch's database unencrypted (default: encrypted)\n"
		"  --casewatch P  the casewatch binary for the start-to-first-screen figure\n"
		"  --dir DIR      where the databases go (default a new directory in $TMPDIR)\n"
		"  --keep         keep the databases afterwards\n"
		"  --skip-load    reuse the databases a run with --keep left in --dir\n"
		"  --tsv FILE     also append the table's rows to FILE, tab-separated "
		"(bench/scale.sh)\n"
		"  --phase queries-cw --dir DIR --only Q   casewatch's query Q alone (timelines,\n"
		"                 week, report, ...) on a kept database, for a profiler\n");
	return 2;
}

static double ms(double seconds)
{
	return seconds * 1000;
}

static double mib(long kib)
{
	return kib < 0 ? NAN : (double)kib / 1024;
}

/* What a phase held, the largest over its runs (KiB; -1 where not measured). */
struct mem {
	long peak;               /* VmHWM: the peak RSS, anonymous and file pages together */
	long end_anon, end_file; /* RssAnon, RssFile at the end of the phase */
	long peak_anon; /* the largest RssAnon sampled (every BENCH_SAMPLE_MS, and at end) */
};

enum { PH_LOAD, PH_QUERIES, PH_SCREEN, PH_COUNT };

static void mem_init(struct mem *m)
{
	m->peak = m->end_anon = m->end_file = m->peak_anon = -1;
}

static long max_kib(long a, long b)
{
	return a > b ? a : b;
}

/* Adds a run of a phase. The end figures are the phase's own lines (PREFIX_rss_anon_kib,
 * PREFIX_rss_file_kib and PREFIX_hwm_kib, read in the phase before it closes its database) when
 * prefix is given, else those read at the traced child's exit. The peak is VmHWM, the process's
 * own, read the same way as the other figures (ru_maxrss would also take the driver's pages the
 * child held between fork and exec, were they more). ru_maxrss stands in where VmHWM could not
 * be read. */
static void mem_add(struct mem *m, const struct phase_result *r, const char *prefix)
{
	long anon = r->exit_anon, file = r->exit_file, hwm = r->exit_hwm;
	char name[64];
	double v;

	if (prefix) {
		snprintf(name, sizeof name, "%s_rss_anon_kib", prefix);
		anon = field(r, name, &v, NULL, 0) == 0 ? (long)v : -1;
		snprintf(name, sizeof name, "%s_rss_file_kib", prefix);
		file = field(r, name, &v, NULL, 0) == 0 ? (long)v : -1;
		snprintf(name, sizeof name, "%s_hwm_kib", prefix);
		hwm = field(r, name, &v, NULL, 0) == 0 ? (long)v : -1;
	}
	m->peak = max_kib(m->peak, hwm >= 0 ? hwm : r->maxrss);
	m->end_anon = max_kib(m->end_anon, anon);
	m->end_file = max_kib(m->end_file, file);
	m->peak_anon = max_kib(m->peak_anon, max_kib(r->peak_anon, anon));
}

/* Times `casewatch --db DIR list records --limit 40` (or the SQLite equivalent) from fork to
 * exit, runs times; returns the median and adds each run's memory to m (its end figures read
 * as the process exits, the same way for both engines). */
static int time_screen(const struct bench_opts *o, const char *casewatch, int sqlite, int tui,
		       double *median, struct mem *m)
{
	char db[4096], runs[32], events[32];
	double *t = calloc((size_t)o->runs, sizeof *t);
	char pass[4200];
	char *list_argv[] = {(char *)casewatch, "--db", db,   "list", "records",
			     "--limit",         "40",   NULL, NULL,   NULL};
	char *tui_argv[] = {(char *)casewatch, "--db", db, NULL, NULL, NULL};
	char **cw_argv = tui ? tui_argv : list_argv;
	char *sql_argv[] = {(char *)self_path, "--phase", "screen-sql", "--dir", (char *)o->dir,
			    "--events",        events,    "--runs",     runs,    NULL};
	int rc = 0;

	if (!t)
		return -1;
	snprintf(db, sizeof db, "%s/cw", o->dir);
	snprintf(pass, sizeof pass, "%s/passphrase", o->dir);
	if (!o->plain) {
		list_argv[7] = tui_argv[3] = "--passphrase-file";
		list_argv[8] = tui_argv[4] = pass;
	}
	snprintf(runs, sizeof runs, "%d", o->runs);
	snprintf(events, sizeof events, "%zu", o->events);
	setenv("COLUMNS", "120", 1);
	for (int r = -1; r < o->runs && rc == 0; r++) {
		struct phase_result res;

		rc = run_child(sqlite ? sql_argv : cw_argv, 1, &res);
		if (rc == 0 &&
		    (strlen(res.out) < 100 || (tui && !strstr(res.out, "-- end of screen --"))))
			rc = -1; /* not a screenful */
		if (r >= 0)
			t[r] = res.wall;
		mem_add(m, &res, NULL);
		free(res.out);
	}
	*median = bench_median(t, (size_t)o->runs);
	free(t);
	return rc;
}

static int driver(struct bench_opts *o, int load_runs, const char *casewatch, int keep)
{
	struct phase_result r;
	struct row rows[32];
	size_t nrows = 0;
	double *lc = calloc((size_t)load_runs, sizeof *lc),
	       *ls = calloc((size_t)load_runs, sizeof *ls);
	double v, w, records = 0, cw_bytes = NAN, sql_bytes = NAN, screen_cw = NAN,
		     cw_bytes_loaded = NAN, cw_compact_s = NAN, screen_sql = NAN, unlock = NAN,
		     more_cw = NAN, more_sql = NAN;
	struct mem mem_cw[PH_COUNT], mem_sql[PH_COUNT];
	char checks_cw[Q_COUNT][64] = {{0}}, checks_sql[Q_COUNT][64] = {{0}};
	double q_cw[Q_COUNT], q_sql[Q_COUNT];
	double t_start = bench_now();
	static char labels[Q_COUNT][64], mem_labels[PH_COUNT][4][64];
	int agree = 1, tui = 1;
	struct cw_gen_params p;
	char keys[4096 + 32];
	FILE *kf, *tsv = NULL;

	for (int i = 0; i < PH_COUNT; i++) {
		mem_init(&mem_cw[i]);
		mem_init(&mem_sql[i]);
	}
	if (!lc || !ls)
		goto fail;
	cw_gen_params_scaled(&p, o->events);
	for (int i = 0; i < load_runs && !o->skip_load; i++) {
		remove_databases(o->dir);
		if (mkdir(o->dir, 0700) != 0 && errno != EEXIST) {
			fprintf(stderr, "bench: cannot make %s: %s\n", o->dir, strerror(errno));
			goto fail;
		}
		fprintf(stderr, "bench: bulk load %d of %d (casewatch)...\n", i + 1, load_runs);
		if (run_phase(o, "load-cw", &r) != 0 || field(&r, "load_seconds", &v, NULL, 0) ||
		    field(&r, "load_records", &records, NULL, 0))
			goto fail;
		lc[i] = records / v;
		mem_add(&mem_cw[PH_LOAD], &r, "load");
		if (field(&r, "load_bytes", &v, NULL, 0) == 0)
			cw_bytes_loaded = v;
		if (field(&r, "compact_bytes", &v, NULL, 0) == 0)
			cw_bytes = v;
		if (field(&r, "compact_seconds", &v, NULL, 0) == 0)
			cw_compact_s = v;
		fputs(r.out, stderr);
		free(r.out);
		fprintf(stderr, "bench: bulk load %d of %d (SQLite)...\n", i + 1, load_runs);
		if (run_phase(o, "load-sql", &r) != 0 || field(&r, "load_seconds", &v, NULL, 0))
			goto fail;
		ls[i] = records / v;
		mem_add(&mem_sql[PH_LOAD], &r, "load");
		if (field(&r, "load_bytes", &w, NULL, 0) == 0)
			sql_bytes = w;
		fputs(r.out, stderr);
		free(r.out);
	}
	fprintf(stderr, "bench: queries (casewatch)...\n");
	if (run_phase(o, "queries-cw", &r) != 0)
		goto fail;
	fputs(r.out, stderr);
	mem_add(&mem_cw[PH_QUERIES], &r, "queries");
	for (int q = 0; q < Q_COUNT; q++)
		if (field(&r, bench_queries[q].name, &q_cw[q], checks_cw[q], sizeof checks_cw[q]))
			q_cw[q] = NAN;
	free(r.out);
	if (!o->plain) {
		if (run_phase(o, "unlock-cw", &r) != 0)
			goto fail;
		if (field(&r, "unlock_seconds", &unlock, NULL, 0))
			unlock = NAN;
		free(r.out);
	}
	fprintf(stderr, "bench: queries (SQLite)...\n");
	if (run_phase(o, "queries-sql", &r) != 0)
		goto fail;
	fputs(r.out, stderr);
	mem_add(&mem_sql[PH_QUERIES], &r, "queries");
	for (int q = 0; q < Q_COUNT; q++)
		if (field(&r, bench_queries[q].name, &q_sql[q], checks_sql[q],
			  sizeof checks_sql[q]))
			q_sql[q] = NAN;
	free(r.out);
	fprintf(stderr, "bench: start to first screen...\n");
	/* The terminal interface's scripted mode draws the first screen on a virtual 80x24
	 * terminal and dumps it; without that mode, the command line's first page stands in. */
	snprintf(keys, sizeof keys, "%s/first-screen.keys", o->dir);
	if ((kf = fopen(keys, "w"))) {
		fputs("<Dump>\n", kf);
		fclose(kf);
		setenv("CASEWATCH_TUI_SCRIPT", keys, 1);
	}
	if (casewatch && time_screen(o, casewatch, 0, 1, &screen_cw, &mem_cw[PH_SCREEN]) != 0) {
		fprintf(stderr, "bench: no scripted terminal interface; timing 'list records'\n");
		tui = 0;
		if (time_screen(o, casewatch, 0, 0, &screen_cw, &mem_cw[PH_SCREEN]) != 0)
			fprintf(stderr, "bench: %s did not print a screenful\n", casewatch);
	}
	unsetenv("CASEWATCH_TUI_SCRIPT");
	remove(keys);
	if (time_screen(o, casewatch, 1, 0, &screen_sql, &mem_sql[PH_SCREEN]) != 0)
		fprintf(stderr, "bench: the SQLite first screen failed\n");

	/* Last: a copy of each loaded database takes a tenth more, so the figures above stand
	 * on the databases as loaded. */
	fprintf(stderr, "bench: a load into the loaded database (casewatch)...\n");
	if (run_phase(o, "more-cw", &r) != 0 || field(&r, "more_seconds", &v, NULL, 0) ||
	    field(&r, "more_records", &w, NULL, 0))
		goto fail;
	more_cw = w / v;
	fputs(r.out, stderr);
	free(r.out);
	fprintf(stderr, "bench: a load into the loaded database (SQLite)...\n");
	if (run_phase(o, "more-sql", &r) != 0 || field(&r, "more_seconds", &v, NULL, 0) ||
	    field(&r, "more_records", &w, NULL, 0))
		goto fail;
	more_sql = w / v;
	fputs(r.out, stderr);
	free(r.out);

	for (int q = 0; q < Q_COUNT; q++)
		if (q != Q_REPORT && strcmp(checks_cw[q], checks_sql[q]) != 0) {
			fprintf(stderr, "bench: %s: casewatch and SQLite answered differently\n",
				bench_queries[q].name);
			agree = 0;
		}

	v = o->skip_load ? NAN : bench_median(lc, (size_t)load_runs);
	w = o->skip_load ? NAN : bench_median(ls, (size_t)load_runs);
	if (o->skip_load)
		records = (double)(p.persons + p.cases + p.events);
	rows[nrows++] = (struct row){"bulk load", "rec/s", v, w, ">= 300,000", v >= 300000, 1};
	rows[nrows++] = (struct row){"load into the loaded database (+10%)",
				     "rec/s",
				     more_cw,
				     more_sql,
				     ">= 50,000, 5x",
				     more_cw >= 50000 && more_cw >= 5 * more_sql,
				     1};
	for (int q = 0; q < Q_COUNT; q++) {
		static const char *const targets[Q_COUNT] = {
			"< 1 ms", "< 1 ms", "< 1 ms", "< 1 ms", "< 20 ms", "< 50 ms", "< 50 ms"};
		static const double limits[Q_COUNT] = {1, 1, 1, 1, 20, 50, 50};
		char *label = labels[q];
		double x = ms(q_cw[q]), y = ms(q_sql[q]);

		if (q == Q_TIMELINES)
			snprintf(label, 64, "%zu timelines (total)", o->timelines);
		else
			snprintf(label, 64, "%s", bench_queries[q].label);
		/* Every query must also be at least 2x faster than SQLite. */
		rows[nrows++] = (struct row){
			label, "ms", x, y, targets[q], x < limits[q] && (isnan(y) || x * 2 <= y),
			0};
	}
	rows[nrows++] = (struct row){
		"start to first screen", "ms", ms(screen_cw), ms(screen_sql), "< 100 ms",
		ms(screen_cw) < 100,     0};
	if (!o->plain)
		rows[nrows++] = (struct row){"unlock: Argon2id at the default cost",
					     "ms",
					     ms(unlock),
					     NAN,
					     "~500 ms old laptop",
					     -1,
					     0};
	for (int ph = 0; ph < PH_COUNT; ph++) {
		static const char *const names[PH_COUNT] = {"bulk load", "queries",
							    "start to first screen"};
		const struct mem *c = &mem_cw[ph], *q = &mem_sql[ph];

		snprintf(mem_labels[ph][0], 64, "peak RSS, %s", names[ph]);
		snprintf(mem_labels[ph][1], 64, "RssAnon at end, %s", names[ph]);
		snprintf(mem_labels[ph][2], 64, "RssFile at end, %s", names[ph]);
		snprintf(mem_labels[ph][3], 64, "peak RssAnon (sampled), %s", names[ph]);
		rows[nrows++] = (struct row){mem_labels[ph][0],
					     "MiB",
					     mib(c->peak),
					     mib(q->peak),
					     "< 64 MiB",
					     c->peak < 0 ? -1 : mib(c->peak) < 64,
					     0};
		rows[nrows++] = (struct row){
			mem_labels[ph][1], "MiB", mib(c->end_anon), mib(q->end_anon), NULL, -1, 0};
		rows[nrows++] = (struct row){
			mem_labels[ph][2], "MiB", mib(c->end_file), mib(q->end_file), NULL, -1, 0};
		rows[nrows++] = (struct row){mem_labels[ph][3],
					     "MiB",
					     mib(c->peak_anon),
					     mib(q->peak_anon),
					     "< 64 MiB anon",
					     c->peak_anon < 0 ? -1 : mib(c->peak_anon) < 64,
					     0};
	}
	rows[nrows++] =
		(struct row){"database size, compacted (casewatch compact)",
			     "MiB",
			     cw_bytes / 1048576,
			     sql_bytes / 1048576,
			     "<= 1.2x SQLite",
			     isnan(cw_bytes) || isnan(sql_bytes) ? -1 : cw_bytes <= 1.2 * sql_bytes,
			     0};
	rows[nrows++] = (struct row){"database size after the load, before compact",
				     "MiB",
				     cw_bytes_loaded / 1048576,
				     sql_bytes / 1048576,
				     NULL,
				     -1,
				     0};
	rows[nrows++] =
		(struct row){"compact after the load", "ms", cw_compact_s * 1000, NAN, NULL, -1, 0};

	printf("\ncasewatch benchmark: %.0f records (%zu people, %zu cases, %zu monitoring "
	       "records over %d years)\n",
	       records, p.persons, p.cases, p.events, p.years);
	printf("casewatch's database %s\n",
	       o->plain
		       ? "NOT encrypted (--plain)"
		       : "encrypted (XChaCha20-Poly1305 values, keyed tags; --plain for the cost)");
	printf("medians of %d runs (bulk load: %d run%s, %zu records per transaction); "
	       "ratio = casewatch/SQLite\n\n",
	       o->runs, load_runs, load_runs == 1 ? "" : "s", o->batch);
	printf("| %-52s | %11s | %11s | %9s | %13s | %-14s | %-6s |\n", "figure", "casewatch",
	       "SQLite", "ratio", "casewatch is", "target", "");
	printf("|%.54s|%.13s|%.13s|%.11s|%.15s|%.16s|%.8s|\n",
	       "------------------------------------------------------", "-------------",
	       "-------------", "-----------", "---------------", "----------------", "--------");
	if (o->tsv && !(tsv = fopen(o->tsv, "a")))
		fprintf(stderr, "bench: cannot write %s: %s\n", o->tsv, strerror(errno));
	for (size_t i = 0; i < nrows; i++)
		print_row(&rows[i], tsv, o->events);
	if (tsv) {
		fprintf(tsv, "%zu\tanswers\t%s\t\t\n", o->events, agree ? "agree" : "DIFFER");
		if (fclose(tsv) != 0)
			fprintf(stderr, "bench: cannot write %s\n", o->tsv);
	}
	printf("\nQuery targets also require casewatch to be at least 2x faster than SQLite.\n");
	printf("Memory: peak RSS is VmHWM (anonymous and file pages together); RssAnon (heap, "
	       "SQLite's page cache) and RssFile (mapped file pages: LMDB's map, SQLite's mmap) "
	       "come from /proc/PID/status, at the end of the phase (load, queries: read by the "
	       "phase before it closes its database; first screen: read as the process exits, "
	       "held there with ptrace, after it closed its database), and RssAnon sampled every "
	       "%d ms while the phase runs (first screen: every %d ms), its largest sample with "
	       "the end included.\n",
	       BENCH_SAMPLE_MS, BENCH_SAMPLE_SHORT_MS);
	printf("Results %s between casewatch and SQLite.\n",
	       agree ? "agree (counts and ids in order)" : "DIFFER: see the messages above");
	if (casewatch && tui)
		printf("Start to first screen: `casewatch --db DIR` in its scripted mode "
		       "(CASEWATCH_TUI_SCRIPT, one <Dump>, 80x24), exec to exit; SQLite: a process "
		       "that opens the database and prints the 40 newest records with their "
		       "cases.\n");
	else if (casewatch)
		printf("Start to first screen: `casewatch --db DIR list records --limit 40` to a "
		       "pipe (no scripted terminal interface in this build).\n");
	printf("Benchmark wall time: %.0f s.\n", bench_now() - t_start);
	if (!keep)
		remove_databases(o->dir);
	else
		printf("Databases kept in %s.\n", o->dir);
	free(lc);
	free(ls);
	return agree ? 0 : 1;
fail:
	free(lc);
	free(ls);
	return 1;
}

int main(int argc, char **argv)
{
	struct bench_opts o = {.events = 1000000, .batch = 10000, .runs = 5, .timelines = 1000};
	const char *phase = NULL, *casewatch = NULL;
	char tmpl[4096];
	int load_runs = 1, keep = 0;

	self_path = "/proc/self/exe";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--keep") || !strcmp(a, "--skip-load")) {
			*(a[2] == 'k' ? &keep : &o.skip_load) = 1;
			continue;
		}
		if (!strcmp(a, "--plain")) {
			o.plain = 1;
			continue;
		}
		if (!val)
			return usage();
		i++;
		if (!strcmp(a, "--phase"))
			phase = val;
		else if (!strcmp(a, "--dir"))
			o.dir = val;
		else if (!strcmp(a, "--casewatch"))
			casewatch = val;
		else if (!strcmp(a, "--tsv"))
			o.tsv = val;
		else if (!strcmp(a, "--only"))
			o.only = val;
		else if (!strcmp(a, "--events"))
			o.events = strtoull(val, NULL, 10);
		else if (!strcmp(a, "--batch"))
			o.batch = strtoull(val, NULL, 10);
		else if (!strcmp(a, "--timelines"))
			o.timelines = strtoull(val, NULL, 10);
		else if (!strcmp(a, "--runs"))
			o.runs = atoi(val);
		else if (!strcmp(a, "--load-runs"))
			load_runs = atoi(val);
		else
			return usage();
	}
	if (o.events < 100 || o.batch < 1 || o.runs < 1 || load_runs < 1 || o.timelines < 1)
		return usage();
	if (phase) {
		int rc;

		if (!o.dir)
			return usage();
		if (!strcmp(phase, "load-cw"))
			rc = phase_load_cw(&o);
		else if (!strcmp(phase, "queries-cw"))
			rc = phase_queries_cw(&o);
		else if (!strcmp(phase, "unlock-cw"))
			rc = phase_unlock_cw(&o);
		else if (!strcmp(phase, "more-cw"))
			rc = phase_more_cw(&o);
		else if (!strcmp(phase, "more-sql"))
			rc = bench_sqlite_more(&o);
		else if (!strcmp(phase, "load-sql"))
			rc = bench_sqlite_load(&o);
		else if (!strcmp(phase, "queries-sql"))
			rc = bench_sqlite_queries(&o);
		else if (!strcmp(phase, "screen-sql"))
			rc = bench_sqlite_screen(&o);
		else
			return usage();
		return rc == 0 ? 0 : 1;
	}
	if (!o.dir) {
		const char *tmp = getenv("TMPDIR");

		snprintf(tmpl, sizeof tmpl, "%s/casewatch-bench-XXXXXX",
			 tmp && *tmp ? tmp : P_tmpdir);
		if (!mkdtemp(tmpl)) {
			fprintf(stderr, "bench: cannot make %s: %s\n", tmpl, strerror(errno));
			return 1;
		}
		o.dir = tmpl;
	} else if (mkdir(o.dir, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "bench: cannot make %s: %s\n", o.dir, strerror(errno));
		return 1;
	}
	return driver(&o, load_runs, casewatch, keep);
}
