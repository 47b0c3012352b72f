/* check_store.c - unit tests of store/: every index through the filters, timeline order,
 * rollback, map growth, schema version, references, audit, two processes at once, and the files
 * written for people (store/outfile.h). Each test makes its LMDB environment in a fresh
 * temporary directory. */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <lmdb.h>
#include <signal.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "models/codec.h"
#include "models/text.h"
#include "models/version.h"
#include "store/outfile.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "store/vault.h"
#include "tests/failalloc.h"
#include "tests/test_keys.h"
#include "tests/testutil.h"

static char *dir;
static struct cw_store *st;

static struct cw_store *open_store(size_t map_size)
{
	struct cw_store_options opt = {.map_size = map_size, .author = "tester", .create = 1};
	struct cw_store *s = NULL;
	struct cw_error err;

	test_key_options(&opt, dir);
	ck_assert_msg(cw_store_open(dir, &opt, &s, &err) == 0, "%s", err.message);
	return s;
}

static void setup(void)
{
	dir = make_temp_dir();
	ck_assert_ptr_nonnull(dir);
	st = open_store(0);
}

static void teardown(void)
{
	cw_store_close(st);
	st = NULL;
	rm_tree(dir);
}

static struct cw_date D(const char *text) {
	struct cw_date d;

	/* Quiet while it holds (testutil.h): the large writes parse one for each of their tens
	 * of thousands of hearings. */
	require_msg(cw_date_parse(text, &d, "date", NULL) == 0, "date '%s'", text);
	return d;
}

static struct cw_id
add_person(const char *name, const char *province)
{
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_PERSON);
	r.u.person.name = strdup(name);
	if (province)
		r.u.person.province = strdup(province);
	ck_assert_msg(cw_store_put(st, &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

/* A case with one defendant charged under `articles`. */
static struct cw_id add_case(const char *title, const struct cw_id *person, const char *articles,
			     const char *court, const char *opened)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	struct cw_article arts[8];
	struct cw_defendant *d;
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;
	size_t n;

	cw_record_init(&r, CW_KIND_CASE);
	r.u.kase.title = strdup(title);
	r.u.kase.court = court ? strdup(court) : NULL;
	r.u.kase.court_province = strdup("Phnom Penh");
	r.u.kase.opened = D(opened);
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = *person;
	d->custody = CW_CUSTODY_DETAINED;
	ck_assert_int_eq(cw_article_parse_list(articles, arts, 8, &n, "a", NULL), 0);
	for (size_t i = 0; i < n; i++) {
		struct cw_charge *c = cw_list_append(&d->charges, cf->sub);

		c->article = arts[i];
	}
	ck_assert_msg(cw_store_put(st, &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

static struct cw_id add_hearing(const struct cw_id *kase, const char *date, const char *notes)
{
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_HEARING);
	r.u.hearing.case_id = *kase;
	r.u.hearing.date = D(date);
	r.u.hearing.outcome = CW_OUTCOME_ADJOURNED;
	if (notes)
		r.u.hearing.notes = strdup(notes);
	ck_assert_msg(cw_store_put(st, &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

static struct cw_id add_milestone(const struct cw_id *person, const struct cw_id *kase,
				  const char *date, int type)
{
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_MILESTONE);
	r.u.milestone.person = *person;
	if (kase)
		r.u.milestone.case_id = *kase;
	r.u.milestone.date = D(date);
	r.u.milestone.type = (uint8_t)type;
	ck_assert_msg(cw_store_put(st, &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

static size_t count(const char *line, uint32_t kinds)
{
	struct cw_filter f;
	struct cw_error err;
	size_t n;

	cw_filter_init(&f);
	ck_assert_msg(cw_filter_parse_line(line, &f, &err) == 0, "%s", err.message);
	ck_assert_msg(cw_store_count(st, &f, kinds, &n, &err) == 0, "%s", err.message);
	return n;
}

START_TEST(open_creates_and_reopens)
{
	struct cw_id a, b;

	cw_store_database_id(st, &a);
	ck_assert(!cw_id_is_zero(&a));
	ck_assert_uint_eq(cw_store_schema_version(st), CW_SCHEMA_VERSION);
	cw_store_close(st);
	st = open_store(0);
	cw_store_database_id(st, &b);
	ck_assert(cw_id_equal(&a, &b));
}
END_TEST

START_TEST(open_missing_database_without_create)
{
	struct cw_store_options opt = {.author = "x"};
	struct cw_store *s;
	struct cw_error err;
	char path[4200];

	snprintf(path, sizeof path, "%s/nothing-here", dir);
	ck_assert_int_eq(cw_store_open(path, &opt, &s, &err), CW_ENOTFOUND);
	ck_assert(strstr(err.message, "casewatch init") != NULL);
}
END_TEST

START_TEST(read_only_open_reads)
{
	struct cw_store_options opt = {.author = "reader", .read_only = 1};
	struct cw_store *ro;
	struct cw_error err;
	struct cw_record r;
	struct cw_id p = add_person("Read Only", NULL);

	test_key_options(&opt, dir);
	ck_assert_int_eq(cw_store_open(dir, &opt, &ro, &err), 0);
	ck_assert_int_eq(cw_store_get(ro, &p, &r, &err), 0);
	ck_assert_str_eq(r.u.person.name, "Read Only");
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_put(ro, &r, 0, &err), CW_EDB);
	cw_store_close(ro);
}
END_TEST

/* Writes a schema version behind the store's back. */
static void set_schema_version(uint32_t version)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {14, "schema_version"}, v;
	uint8_t be[4] = {0, 0, (uint8_t)(version >> 8), (uint8_t)version};

	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	ck_assert_int_eq(mdb_env_open(env, dir, 0, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &dbi), 0);
	v.mv_size = 4;
	v.mv_data = be;
	ck_assert_int_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

START_TEST(newer_schema_is_refused)
{
	struct cw_store_options opt = {.author = "x"};
	struct cw_store *s;
	struct cw_error err;

	cw_store_close(st);
	st = NULL;
	set_schema_version(CW_SCHEMA_VERSION + 1);
	ck_assert_int_eq(cw_store_open(dir, &opt, &s, &err), CW_EVERSION);
	ck_assert(strstr(err.message, "newer casewatch") != NULL);
}
END_TEST

static void count_problems(void *ctx, const char *line)
{
	(void)line;
	(*(int *)ctx)++;
}

/* An earlier schema is upgraded at open, in one transaction, its indexes made again; opened
 * read-only it is refused with the command that upgrades it. */
START_TEST(earlier_schema_is_upgraded_at_open)
{
	struct cw_store_options ro = {.author = "reader", .read_only = 1};
	struct cw_id p = add_person("Sam Rainsy", NULL);
	/* Its defendant: a milestone of someone the case does not name is under no article of
	 * it, in any account (schema 14). The government's account of its own case is under
	 * keys of its own (schema 15). */
	struct cw_id c = add_case("9 November", &p, "451/495", NULL, "2019");
	struct cw_id gov = add_milestone(&p, &c, "2019-11-09", CW_MS_OTHER);
	struct cw_verify_stats stats;
	struct cw_store *s;
	struct cw_error err;
	struct cw_record r;
	int problems = 0;

	add_person("Someone Else", NULL);
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	r.view = CW_VIEW_GOVERNMENT;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_get(st, &gov, &r, &err), 0);
	r.view = CW_VIEW_GOVERNMENT;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	ck_assert_uint_eq(count("article:495", CW_KINDS_EVENTS), 0);
	cw_store_close(st);
	st = NULL;
	set_schema_version(1);
	test_key_options(&ro, dir);
	ck_assert_int_eq(cw_store_open(dir, &ro, &s, &err), CW_EVERSION);
	ck_assert(strstr(err.message, "upgrade") != NULL);
	st = open_store(0);
	ck_assert_uint_eq(cw_store_upgraded_from(st), 1);
	ck_assert_uint_eq(cw_store_schema_version(st), CW_SCHEMA_VERSION);
	ck_assert_int_eq(cw_store_verify(st, count_problems, &problems, &stats, &err), 0);
	ck_assert_int_eq(problems, 0);
	ck_assert_uint_eq(stats.records, 4);
	ck_assert_uint_eq(count("article:495", CW_KINDS_EVENTS), 0);
	ck_assert_uint_eq(count("article:495 account:government", CW_KINDS_EVENTS), 1);
	cw_store_close(st);
	st = open_store(0);
	ck_assert_uint_eq(cw_store_upgraded_from(st), 0);
}
END_TEST

/* Schema 5 changed only what is written (this database's own audit entries leave its id out),
 * schema 6 how a milestone naming its articles is filed: a database of schema 4 or 5 is
 * refused read-only (its article keys answer by the old rule) and upgraded when opened for
 * writing, its keys made again. Its entries, in both formats, read back with this database's
 * id and verify. */
START_TEST(schema_4_and_5_upgrade_with_their_keys)
{
	struct cw_store_options ro = {.author = "reader", .read_only = 1};
	struct cw_id p = add_person("Before Six", NULL), db;
	struct cw_audit_entry *log;
	struct cw_verify_stats stats;
	struct cw_store *s;
	struct cw_error err;
	size_t n;
	int problems = 0;

	cw_store_database_id(st, &db);
	for (uint32_t version = 4; version <= 5; version++) {
		cw_store_close(st);
		st = NULL;
		set_schema_version(version);
		test_key_options(&ro, dir);
		ck_assert_int_eq(cw_store_open(dir, &ro, &s, &err), CW_EVERSION);
		ck_assert(strstr(err.message, "upgrade") != NULL);
		st = open_store(0);
		ck_assert_uint_eq(cw_store_upgraded_from(st), version);
		ck_assert_uint_eq(cw_store_schema_version(st), CW_SCHEMA_VERSION);
	}
	ck_assert_int_eq(cw_store_audit(st, 0, 0, &log, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert(cw_id_equal(&log[0].database, &db) && cw_id_equal(&log[0].record, &p));
	free(log);
	add_person("After Six", NULL);
	ck_assert_int_eq(cw_store_audit(st, 0, 0, &log, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert(cw_id_equal(&log[1].database, &db) && !strcmp(log[1].author, "tester"));
	free(log);
	ck_assert_int_eq(cw_store_verify(st, count_problems, &problems, &stats, &err), 0);
	ck_assert_int_eq(problems, 0);
}
END_TEST

/* Puts key -> "" into table name behind the store's back. */
static void put_raw(const char *name, const char *key)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {strlen(key), (void *)key}, v = {0, ""};

	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	ck_assert_int_eq(mdb_env_open(env, dir, 0, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, name, 0, &dbi), 0);
	ck_assert_int_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

/* Whether table name holds key. */
static int has_raw(const char *name, const char *key)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {strlen(key), (void *)key}, v;
	int rc;

	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	ck_assert_int_eq(mdb_env_open(env, dir, MDB_RDONLY, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, name, 0, &dbi), 0);
	rc = mdb_get(txn, dbi, &k, &v);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	return rc == 0;
}

/* Schema 15 files the government's account of an event in a case that is not the
 * government's under the case's plain article keys (schema 14 filed it under the
 * government's): a database of schema 14 (or earlier) is refused read-only, as its
 * by_article index and counts may hold such keys, and opened for writing has its keys made
 * again (an entry planted in an index is gone) with its records as they were. */
START_TEST(schema_14_has_its_keys_made_again)
{
	struct cw_store_options ro = {.author = "reader", .read_only = 1};
	struct cw_id p = add_person("Before Eleven", NULL);
	struct cw_store *s = NULL;
	struct cw_error err;
	struct cw_record r;
	char want[64];

	cw_store_close(st);
	st = NULL;
	set_schema_version(14);
	put_raw("by_kind", "planted");
	test_key_options(&ro, dir);
	ck_assert_int_eq(cw_store_open(dir, &ro, &s, &err), CW_EVERSION);
	snprintf(want, sizeof want, "schema 14; this one uses %u", (unsigned)CW_SCHEMA_VERSION);
	ck_assert_msg(strstr(err.message, want) != NULL, "%s", err.message);
	st = open_store(0);
	ck_assert_uint_eq(cw_store_upgraded_from(st), 14);
	ck_assert_uint_eq(cw_store_schema_version(st), CW_SCHEMA_VERSION);
	cw_store_close(st);
	st = NULL;
	ck_assert(!has_raw("by_kind", "planted"));
	st = open_store(0);
	ck_assert_int_eq(cw_store_get(st, &p, &r, &err), 0);
	ck_assert_str_eq(r.u.person.name, "Before Eleven");
	cw_record_free(&r);
}
END_TEST

/* Schema 18 files the end of a detention that a hearing's verdict naming no one makes under
 * each person the hearing's record names, where schema 17 (and 16, whose keys 17 kept) filed it
 * under everyone: a database of either is refused read-only, as its detention index may hold
 * such an entry, and opened for writing has its keys made again (an entry planted in the
 * index is gone), its records as they were. */
START_TEST(schema_16_and_17_have_their_keys_made_again)
{
	struct cw_store_options ro = {.author = "reader", .read_only = 1};
	struct cw_id p = add_person("Before Eighteen", NULL);
	struct cw_store *s = NULL;
	struct cw_error err;
	struct cw_record r;
	char want[64];

	for (uint32_t version = 16; version <= 17; version++) {
		cw_store_close(st);
		st = NULL;
		set_schema_version(version);
		put_raw("detention", "planted");
		test_key_options(&ro, dir);
		ck_assert_int_eq(cw_store_open(dir, &ro, &s, &err), CW_EVERSION);
		snprintf(want, sizeof want, "schema %u; this one uses %u", (unsigned)version,
			 (unsigned)CW_SCHEMA_VERSION);
		ck_assert_msg(strstr(err.message, want) != NULL, "%s", err.message);
		st = open_store(0);
		ck_assert_uint_eq(cw_store_upgraded_from(st), version);
		ck_assert_uint_eq(cw_store_schema_version(st), CW_SCHEMA_VERSION);
		cw_store_close(st);
		st = NULL;
		ck_assert(!has_raw("detention", "planted"));
		st = open_store(0);
		ck_assert_int_eq(cw_store_get(st, &p, &r, &err), 0);
		ck_assert_str_eq(r.u.person.name, "Before Eighteen");
		cw_record_free(&r);
	}
}
END_TEST

/* The people who bear exactly a name, as the index of people by name gives them. */
static size_t named(const char *name)
{
	struct cw_record_list l;
	struct cw_error err;
	size_t n;

	ck_assert_msg(cw_store_people_named(st, name, 0, &l, &err) == 0, "%s", err.message);
	n = l.n;
	cw_record_list_free(&l);
	return n;
}

/* The problems verify finds, one line each, into buf (cut when long). */
struct problem_lines {
	char text[4096];
	int n;
};

static void keep_problem(void *ctx, const char *line)
{
	struct problem_lines *p = ctx;
	size_t at = strlen(p->text);

	p->n++;
	snprintf(p->text + at, sizeof p->text - at, "%s\n", line);
}

static struct problem_lines verified(void)
{
	struct problem_lines p = {"", 0};
	struct cw_verify_stats vs;
	struct cw_error err;

	ck_assert_msg(cw_store_verify(st, keep_problem, &p, &vs, &err) == 0, "%s", err.message);
	return p;
}

/* Two people named Sok Dara, the first (p) with a Khmer name too; the store closed after, so a
 * test can change the file under it. */
static void namesakes_closed(const struct cw_id *p)
{
	struct cw_error err;
	struct cw_record r;

	add_person("Sok Dara", "Kandal");
	ck_assert_int_eq(cw_store_get(st, p, &r, &err), 0);
	r.u.person.name_km = strdup("សុខ ដារ៉ា");
	ck_assert_msg(cw_store_put(st, &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);
	cw_store_close(st);
	st = NULL;
}

/* Drops the index of people by name, table and all, as a database of schema 18 is. */
static void drop_by_name(void)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;

	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	ck_assert_int_eq(mdb_env_open(env, dir, 0, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "by_name", 0, &dbi), 0);
	ck_assert_int_eq(mdb_drop(txn, dbi, 1), 0);
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

/* Schema 19 files every person under their names (by_name): a database of schema 18, which has
 * no such table, is refused read-only and, opened for writing, has it made, every person under
 * each of their names, and verifies. */
START_TEST(schema_18_has_its_people_filed_by_name)
{
	struct cw_store_options ro = {.author = "reader", .read_only = 1};
	struct cw_id p = add_person("Sok Dara", NULL);
	struct cw_store *s = NULL;
	struct cw_error err;
	struct problem_lines pl;
	char want[64];

	namesakes_closed(&p);
	set_schema_version(18);
	drop_by_name();
	test_key_options(&ro, dir);
	ck_assert_int_eq(cw_store_open(dir, &ro, &s, &err), CW_EVERSION);
	snprintf(want, sizeof want, "schema 18; this one uses %u", (unsigned)CW_SCHEMA_VERSION);
	ck_assert_msg(strstr(err.message, want) != NULL, "%s", err.message);
	st = open_store(0);
	ck_assert_uint_eq(cw_store_upgraded_from(st), 18);
	ck_assert_uint_eq(cw_store_schema_version(st), CW_SCHEMA_VERSION);
	ck_assert_uint_eq(named("sok dara"), 2);
	ck_assert_uint_eq(named("សុខដារ៉ា"), 1);
	pl = verified();
	ck_assert_msg(pl.n == 0, "%s", pl.text);
}
END_TEST

/* The Unicode version meta says the names were folded by (value NULL: deleted); and the index
 * of people by name emptied but for one entry under a tag no name of theirs folds to now: the
 * test-only stand-in for names that a later utf8proc folds otherwise. */
static void set_fold_version(const char *value, const struct cw_id *someone)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi meta, by_name;
	MDB_val k = {sizeof CW_META_UNICODE - 1, CW_META_UNICODE}, v;
	uint8_t stale[NAME_HASH_LEN + TAIL_LEN] = {0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE};

	memcpy(stale + NAME_HASH_LEN + DATE_LEN, someone->b, ID_LEN);
	stale[sizeof stale - 1] = CW_KIND_PERSON;
	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	ck_assert_int_eq(mdb_env_open(env, dir, 0, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "by_name", 0, &by_name), 0);
	if (value) {
		v.mv_size = strlen(value);
		v.mv_data = (void *)value;
		ck_assert_int_eq(mdb_put(txn, meta, &k, &v, 0), 0);
	} else {
		ck_assert_int_eq(mdb_del(txn, meta, &k, NULL), 0);
	}
	ck_assert_int_eq(mdb_drop(txn, by_name, 0), 0);
	k.mv_size = sizeof stale;
	k.mv_data = stale;
	v.mv_size = 0;
	v.mv_data = NULL;
	ck_assert_int_eq(mdb_put(txn, by_name, &k, &v, 0), 0);
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
}

/* What meta says the names were folded by ("" when it says nothing). */
static void fold_version(char *out, size_t len)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi meta;
	MDB_val k = {sizeof CW_META_UNICODE - 1, CW_META_UNICODE}, v;

	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	ck_assert_int_eq(mdb_env_open(env, dir, MDB_RDONLY, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
	if (mdb_get(txn, meta, &k, &v) == 0)
		snprintf(out, len, "%.*s", (int)v.mv_size, (const char *)v.mv_data);
	else
		snprintf(out, len, "%s", "");
	mdb_txn_abort(txn);
	mdb_env_close(env);
}

/* The index of people by name keys on names folded by the installed utf8proc: meta records its
 * Unicode version. Another one there (a utf8proc upgraded since: its tags may all differ) is
 * read-only found by a walk of the people, verify saying so in one line; opened for writing,
 * the index is made again at open and the version recorded. A database that says none (made
 * before it was recorded) is taken the same way. */
START_TEST(names_folded_by_another_unicode_are_filed_again)
{
	struct cw_store_options ro = {.author = "reader", .read_only = 1};
	struct cw_id p = add_person("Sok Dara", NULL);
	struct problem_lines pl;
	struct cw_error err;
	char got[32], want[64];

	namesakes_closed(&p);
	fold_version(got, sizeof got);
	ck_assert_str_eq(got, cw_text_fold_version());

	set_fold_version("1.0.0", &p);
	test_key_options(&ro, dir);
	ck_assert_int_eq(cw_store_open(dir, &ro, &st, &err), 0);
	ck_assert_ptr_null(cw_store_refolded_from(st));
	ck_assert_uint_eq(named("sok dara"), 2);
	ck_assert_uint_eq(named("សុខដារ៉ា"), 1);
	pl = verified();
	ck_assert_msg(pl.n == 1, "%s", pl.text);
	snprintf(want, sizeof want, "by Unicode 1.0.0, and this casewatch folds them by Unicode %s",
		 cw_text_fold_version());
	ck_assert_msg(strstr(pl.text, want) && strstr(pl.text, "casewatch upgrade"), "%s", pl.text);
	cw_store_close(st);
	fold_version(got, sizeof got);
	ck_assert_str_eq(got, "1.0.0"); /* read-only: nothing written */

	st = open_store(0);
	ck_assert_ptr_nonnull(cw_store_refolded_from(st));
	ck_assert_str_eq(cw_store_refolded_from(st), "1.0.0");
	ck_assert_uint_eq(named("sok dara"), 2);
	ck_assert_uint_eq(named("សុខដារ៉ា"), 1);
	pl = verified(); /* the stale entry gone, every name filed */
	ck_assert_msg(pl.n == 0, "%s", pl.text);
	cw_store_close(st);
	fold_version(got, sizeof got);
	ck_assert_str_eq(got, cw_text_fold_version());
	st = open_store(0);
	ck_assert_ptr_null(cw_store_refolded_from(st));
	cw_store_close(st);

	set_fold_version(NULL, &p);
	st = open_store(0);
	ck_assert_ptr_nonnull(cw_store_refolded_from(st));
	ck_assert_str_eq(cw_store_refolded_from(st), "");
	ck_assert_uint_eq(named("sok dara"), 2);
	pl = verified();
	ck_assert_msg(pl.n == 0, "%s", pl.text);
}
END_TEST

/* Two casewatch processes that open one database for writing at once both read at open that
 * its index was folded by another version; LMDB runs their refolds one after the other. The
 * second, whose write transaction sees the version the first recorded, makes nothing again and
 * does not say it did. */
START_TEST(a_refold_another_writer_made_is_not_made_again)
{
	struct cw_error err;

	add_person("Sok Dara", NULL);
	st->fold_stale = 1; /* as read at open, before the other process committed its refold */
	snprintf(st->fold_version, sizeof st->fold_version, "%s", "1.0.0");
	ck_assert_msg(cw_store_refold(st, &err) == 0, "%s", err.message);
	ck_assert_ptr_null(cw_store_refolded_from(st));
	ck_assert_int_eq(st->fold_stale, 0);
	ck_assert_uint_eq(named("sok dara"), 1);
}
END_TEST

/* Files a person that is not there in by_kind, as no rebuild of the indexes would. */
static int put_stray_entry(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	uint8_t key[1 + TAIL_LEN] = {CW_KIND_PERSON};
	MDB_val k = {sizeof key, key}, v = {0, NULL};
	int rc;

	(void)ctx;
	memset(key + 1 + DATE_LEN, 0xAB, ID_LEN);
	if ((rc = mdb_put(t->txn, t->st->dbi[DB_BY_KIND], &k, &v, 0)) != 0)
		return cw_store_lmdb_error(t, rc, "test", err);
	return 0;
}

/* Two casewatch processes that open a database of an earlier schema for writing at once both
 * read its version at open; LMDB runs their upgrades one after the other. The second, whose
 * write transaction sees the version the first wrote, makes no index again and does not say it
 * upgraded anything: an entry no rebuild would make is still there after it. */
START_TEST(an_upgrade_another_writer_made_is_not_made_again)
{
	struct problem_lines pl, before;
	struct cw_error err;

	add_person("Sok Dara", NULL);

	ck_assert_msg(cw_store_write(st, put_stray_entry, NULL, &err) == 0, "%s", err.message);
	before = verified();
	ck_assert_msg(strstr(before.text, "abababab, which does not exist"), "%s", before.text);
	/* As read at open, before the other process committed its upgrade. */
	st->schema_version = 1;
	ck_assert_msg(cw_store_upgrade(st, dir, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(cw_store_upgraded_from(st), 0);
	ck_assert_uint_eq(cw_store_schema_version(st), CW_SCHEMA_VERSION);
	pl = verified(); /* the stray entry still there: nothing was made again */
	ck_assert_msg(pl.n == before.n && strcmp(pl.text, before.text) == 0, "%s", pl.text);
	ck_assert_uint_eq(named("sok dara"), 1);
}
END_TEST

/* The people who bear a name are found by it, whole (any case and spacing), by their Latin or
 * Khmer name, through every write that adds, changes or removes a person: an add, an edit, a
 * deletion, a merge of two people, and a store writing in bulk; a part of a name is no one's
 * whole name. verify agrees with the index after each. */
START_TEST(people_by_name_follow_every_write)
{
	struct cw_store_options bulk = {.author = "tester", .bulk = 1};
	struct cw_id a = add_person("Sok Dara", NULL), b = add_person("sok  DARA", "Kandal");
	struct cw_id c = add_person("Sok Darapheap", NULL);
	struct cw_id keep = add_person("Chea Vannath", NULL),
		     other = add_person("Chea Vanath", NULL);
	struct cw_record_list l;
	struct cw_merge_stats ms;
	struct problem_lines pl;
	struct cw_error err;
	struct cw_record r;

	ck_assert_uint_eq(named("Sok Dara"), 2);
	ck_assert_uint_eq(named(" SOK   dara "), 2);
	ck_assert_uint_eq(named("Sok Darapheap"), 1);
	ck_assert_uint_eq(named("Sok"), 0);
	ck_assert_uint_eq(named("Dara"), 0);
	ck_assert_uint_eq(named("  "), 0);
	ck_assert_int_eq(cw_store_people_named(st, "Sok Dara", 1, &l, &err), 0);
	ck_assert_uint_eq(l.n, 1); /* at most one asked for */
	cw_record_list_free(&l);
	ck_assert_int_eq(cw_store_people_named(st, "Sok Darapheap", 0, &l, &err), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert(cw_id_equal(&l.items[0].id, &c));
	ck_assert_str_eq(l.items[0].u.person.name, "Sok Darapheap");
	cw_record_list_free(&l);

	/* A Khmer name beside the Latin one: found by either, listed once. */
	ck_assert_int_eq(cw_store_get(st, &a, &r, &err), 0);
	r.u.person.name_km = strdup("សុខ ដារ៉ា");
	ck_assert_msg(cw_store_put(st, &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);
	ck_assert_uint_eq(named("សុខដារ៉ា"), 1);
	ck_assert_uint_eq(named("Sok Dara"), 2);

	/* An edit of the name files them under the new one only. */
	ck_assert_int_eq(cw_store_get(st, &b, &r, &err), 0);
	free(r.u.person.name);
	r.u.person.name = strdup("Sok Dara Kandal");
	ck_assert_msg(cw_store_put(st, &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);
	ck_assert_uint_eq(named("Sok Dara"), 1);
	ck_assert_uint_eq(named("Sok Dara Kandal"), 1);

	/* Deleted: no one's any more. */
	ck_assert_msg(cw_store_delete(st, &c, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(named("Sok Darapheap"), 0);

	/* Merged: the one merged away goes, the one kept takes their Khmer name. */
	ck_assert_int_eq(cw_store_get(st, &other, &r, &err), 0);
	r.u.person.name_km = strdup("ជា វណ្ណាត");
	ck_assert_msg(cw_store_put(st, &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);
	ck_assert_msg(cw_store_merge_people(st, &keep, &other, &ms, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(named("Chea Vanath"), 0);
	ck_assert_int_eq(cw_store_people_named(st, "ជាវណ្ណាត", 0, &l, &err), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert(cw_id_equal(&l.items[0].id, &keep));
	cw_record_list_free(&l);
	pl = verified();
	ck_assert_msg(pl.n == 0, "%s", pl.text);

	/* A store writing in bulk (an import's) files them as any other does. */
	cw_store_close(st);
	test_key_options(&bulk, dir);
	ck_assert_msg(cw_store_open(dir, &bulk, &st, &err) == 0, "%s", err.message);
	add_person("Sok Dara", "Takeo");
	cw_store_close(st);
	st = open_store(0);
	ck_assert_uint_eq(named("Sok Dara"), 2);
	pl = verified();
	ck_assert_msg(pl.n == 0, "%s", pl.text);
}
END_TEST

/* The first key of by_name, into key (its length returned), or a key put there, raw. */
static size_t by_name_raw(int del, uint8_t *key, size_t len)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_cursor *cur;
	MDB_val k = {len, key}, v = {0, ""};

	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 32);
	ck_assert_int_eq(mdb_env_open(env, dir, 0, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "by_name", 0, &dbi), 0);
	if (len) {
		ck_assert_int_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	} else {
		ck_assert_int_eq(mdb_cursor_open(txn, dbi, &cur), 0);
		ck_assert_int_eq(mdb_cursor_get(cur, &k, &v, MDB_FIRST), 0);
		memcpy(key, k.mv_data, k.mv_size);
		len = k.mv_size;
		if (del)
			ck_assert_int_eq(mdb_cursor_del(cur, 0), 0);
		mdb_cursor_close(cur);
	}
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	return len;
}

/* verify finds a person's entry missing from by_name, and one there that no person owns: under
 * a name they do not bear, or naming no record at all. */
START_TEST(verify_finds_people_by_name_wrong)
{
	uint8_t key[64], wrong[64];
	struct problem_lines pl;
	size_t len;

	add_person("Sok Dara", NULL);
	cw_store_close(st);
	st = NULL;
	len = by_name_raw(1, key, 0);
	ck_assert_uint_eq(len, 8 + 4 + 16 + 1);
	st = open_store(0);
	pl = verified();
	ck_assert_msg(pl.n == 1 && strstr(pl.text, "its by_name index entry is missing"), "%s",
		      pl.text);
	cw_store_close(st);
	st = NULL;
	memcpy(wrong, key, len);
	wrong[0] ^= 0x80; /* another name's tag */
	by_name_raw(0, wrong, len);
	by_name_raw(0, key, len);     /* the entry back */
	memset(wrong + 12, 0x5A, 16); /* no record's id */
	by_name_raw(0, wrong, len);
	st = open_store(0);
	pl = verified();
	ck_assert_msg(pl.n == 2 && strstr(pl.text, "by_name: an entry names record") &&
			      strstr(pl.text, "which does not own it") &&
			      strstr(pl.text, "which does not exist"),
		      "%s", pl.text);
}
END_TEST

/* The size of an audit entry as stored, without its seal when the database is encrypted. */
static size_t stored_audit_len(uint64_t seq)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	uint8_t key[8];
	MDB_val k = {8, key}, v;
	size_t len;

	for (int i = 0; i < 8; i++)
		key[i] = (uint8_t)(seq >> (56 - 8 * i));
	ck_assert_int_eq(mdb_env_create(&env), 0);
	mdb_env_set_maxdbs(env, 64);
	ck_assert_int_eq(mdb_env_open(env, dir, MDB_RDONLY, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "audit", 0, &dbi), 0);
	ck_assert_int_eq(mdb_get(txn, dbi, &k, &v), 0);
	len = v.mv_size;
	mdb_txn_abort(txn);
	mdb_env_close(env);
	return st && cw_store_encrypted(st) ? len - cw_vault_overhead() : len;
}

/* This database's own entry leaves the database id out: time 8, action 1, kind 1, record 16,
 * previous hash 32, flags 1, signature 64 (the last entry of a write is signed), author. */
START_TEST(own_audit_entries_leave_the_id_out)
{
	add_person("Short Entry", NULL);
	ck_assert_uint_eq(stored_audit_len(1), 8 + 1 + 1 + 16 + 32 + 1 + 64 + strlen("tester"));
}
END_TEST

START_TEST(put_get_stamps_header)
{
	uint64_t before = cw_store_generation(st);
	struct cw_id p = add_person("Ny Nak", NULL);
	struct cw_record r;
	struct cw_error err;
	struct cw_id dbid;
	int64_t created;

	ck_assert_int_eq(cw_store_get(st, &p, &r, &err), 0);
	ck_assert_str_eq(r.u.person.name, "Ny Nak");
	ck_assert_uint_gt(cw_store_generation(st), before); /* a commit is seen */
	ck_assert_str_eq(r.author, "tester");
	cw_store_database_id(st, &dbid);
	ck_assert(cw_id_equal(&r.origin, &dbid));
	ck_assert(r.created > 0 && r.created == r.updated);
	created = r.created;
	free(r.u.person.affiliation);
	r.u.person.affiliation = strdup("social commentator");
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_get(st, &p, &r, &err), 0);
	ck_assert_int_eq(r.created, created);
	ck_assert(r.updated > created);
	ck_assert_str_eq(r.u.person.affiliation, "social commentator");
	cw_record_free(&r);
}
END_TEST

static int put_twice_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	int *changed = ctx, rc;
	struct cw_record r;

	cw_record_init(&r, CW_KIND_PERSON);
	cw_id_from_ref("p-same", &r.id);
	r.u.person.name = strdup("Same Person");
	rc = cw_txn_put(txn, &r, 0, &changed[0], err);
	cw_record_free(&r);
	return rc;
}

START_TEST(identical_put_is_no_change)
{
	int changed[1];
	struct cw_error err;
	struct cw_audit_entry *log;
	size_t n;

	ck_assert_int_eq(cw_store_write(st, put_twice_fn, changed, &err), 0);
	ck_assert_int_eq(changed[0], 1);
	ck_assert_int_eq(cw_store_write(st, put_twice_fn, changed, &err), 0);
	ck_assert_int_eq(changed[0], 0);
	ck_assert_int_eq(cw_store_audit(st, 0, 0, &log, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(log[0].action, CW_AUDIT_CREATE);
	free(log);
}
END_TEST

START_TEST(index_by_article_kind_date_court_person_case)
{
	struct cw_id sithar = add_person("Chhim Sithar", NULL);
	struct cw_id saran = add_person("Kang Saran", "Banteay Meanchey");
	struct cw_id c1 = add_case("NagaWorld", &sithar, "494/495",
				   "Phnom Penh Court of First Instance", "2022-01-04");
	struct cw_id c2 = add_case("Kang Saran", &saran, "437 bis/307",
				   "Banteay Meanchey Court of First Instance", "2023-07-04");

	add_hearing(&c1, "2023-05-25", "verdict day");
	add_hearing(&c1, "2023-10-16", NULL);
	add_hearing(&c2, "2023-11-22", NULL);
	add_milestone(&saran, &c2, "2024-02-15", CW_MS_APPEAL_DECIDED);
	(void)c2;

	ck_assert_uint_eq(count("article:494", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("article:494/495", CW_KINDS_EVENTS), 2); /* no duplicates */
	ck_assert_uint_eq(count("article:\"437 bis\"", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("article:437", CW_KINDS_EVENTS), 0);
	ck_assert_uint_eq(count("article:437bis/494", CW_KINDS_EVENTS), 4);
	ck_assert_uint_eq(count("article:494", CW_KIND_BIT(CW_KIND_CASE)), 1);
	ck_assert_uint_eq(count("kind:hearing", CW_KINDS_EVENTS), 3);
	ck_assert_uint_eq(count("kind:milestone", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("", CW_KINDS_EVENTS), 4);
	ck_assert_uint_eq(count("since:2023-10 until:2023", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("since:2024", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("court:banteay", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("court:\"phnom penh court\"", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("court:nowhere", CW_KINDS_EVENTS), 0);
	ck_assert_uint_eq(count("province:banteay", CW_KIND_BIT(CW_KIND_PERSON)), 1);
	ck_assert_uint_eq(count("province:phnom", CW_KINDS_EVENTS), 4);
	ck_assert_uint_eq(count("person:Sithar", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("person:\"Kang Saran\" kind:milestone", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("case:NagaWorld", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("verdict", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:494 person:Saran", CW_KINDS_EVENTS), 0);
}
END_TEST

START_TEST(list_orders_newest_first_and_pages)
{
	struct cw_id p = add_person("Thach Setha", NULL);
	struct cw_id c = add_case("Setha", &p, "494", NULL, "2023-01");
	struct cw_filter f;
	struct cw_record_list l;
	struct cw_error err;
	char d[CW_DATE_TEXT_MAX];

	add_hearing(&c, "2023-09-21", NULL);
	add_hearing(&c, "2023-10", NULL);
	add_hearing(&c, "2023-10-18", NULL);
	add_hearing(&c, "2024", NULL);
	add_hearing(&c, "", NULL); /* a date the sources do not give */
	cw_filter_init(&f);
	ck_assert_int_eq(
		cw_store_list(st, &f, CW_KINDS_EVENTS, CW_ORDER_NEWEST_FIRST, 0, 0, &l, &err), 0);
	ck_assert_uint_eq(l.n, 5);
	/* Unknown dates come last, newest first as oldest first. */
	ck_assert(!cw_date_is_known(cw_record_date(&l.items[4])));
	/* The reversed order is exactly newest first read backwards (for paging from the end). */
	{
		struct cw_record_list r;

		add_hearing(&c, "", NULL); /* two undated: their order must mirror too */
		cw_record_list_free(&l);
		ck_assert_int_eq(cw_store_list(st, &f, CW_KINDS_EVENTS, CW_ORDER_NEWEST_FIRST, 0, 0,
					       &l, &err),
				 0);
		ck_assert_int_eq(cw_store_list(st, &f, CW_KINDS_EVENTS,
					       CW_ORDER_NEWEST_FIRST_REVERSED, 0, 0, &r, &err),
				 0);
		ck_assert_uint_eq(l.n, 6);
		ck_assert_uint_eq(r.n, 6);
		for (size_t i = 0; i < l.n; i++)
			ck_assert(cw_id_equal(&l.items[i].id, &r.items[r.n - 1 - i].id));
		cw_record_list_free(&r);
	}
	cw_date_format(cw_record_date(&l.items[0]), d);
	ck_assert_str_eq(d, "2024");
	cw_date_format(cw_record_date(&l.items[1]), d);
	ck_assert_str_eq(d, "2023-10-18");
	cw_date_format(cw_record_date(&l.items[2]), d);
	ck_assert_str_eq(d, "2023-10");
	cw_record_list_free(&l);
	ck_assert_int_eq(
		cw_store_list(st, &f, CW_KINDS_EVENTS, CW_ORDER_OLDEST_FIRST, 1, 2, &l, &err), 0);
	ck_assert_uint_eq(l.n, 2);
	cw_date_format(cw_record_date(&l.items[0]), d);
	ck_assert_str_eq(d, "2023-10");
	cw_record_list_free(&l);
}
END_TEST

START_TEST(timeline_in_date_order_unknown_last)
{
	struct cw_id p = add_person("Kem Sokha", NULL);
	struct cw_id other = add_person("Someone Else", NULL);
	struct cw_id c = add_case("Kem Sokha — treason", &p, "439/443",
				  "Phnom Penh Court of First Instance", "2017-09-03");
	struct cw_record_list l;
	struct cw_error err;
	struct cw_record r;

	add_milestone(&p, &c, "2023-03", CW_MS_HOUSE_ARREST);
	add_milestone(&p, &c, "", CW_MS_VERDICT);
	add_hearing(&c, "2024-01", NULL);
	add_milestone(&p, &c, "2017-09-03", CW_MS_ARREST);
	add_milestone(&other, NULL, "2020", CW_MS_ARREST);
	ck_assert_int_eq(cw_store_timeline_for_person(st, &p, &l, &err), 0);
	ck_assert_uint_eq(l.n, 5); /* case (2017-09-03), arrest, house arrest, hearing, verdict */
	ck_assert_int_eq(l.items[0].kind == CW_KIND_CASE || l.items[1].kind == CW_KIND_CASE, 1);
	ck_assert_int_eq(cw_date_compare(cw_record_date(&l.items[2]), D("2023-03")), 0);
	ck_assert_int_eq(l.items[3].kind, CW_KIND_HEARING);
	ck_assert_int_eq(l.items[4].kind, CW_KIND_MILESTONE);
	ck_assert_int_eq(l.items[4].u.milestone.type, CW_MS_VERDICT);
	ck_assert(!cw_date_is_known(cw_record_date(&l.items[4])));
	cw_record_list_free(&l);
	(void)r;
}
END_TEST

/* Deletes a case as a bundle's deletion does (a tombstone, the record unlinked), though its
 * hearings still name it: *ctx is the case. */
static int case_deleted_elsewhere_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	const struct cw_id *id = ctx;
	struct cw_record tomb;
	int rc;

	ck_assert_int_eq(cw_txn_get(txn, id, &tomb, err), 0);
	cw_version_make_tombstone(&tomb);
	rc = cw_store_put_tombstone(txn, &tomb, err);
	cw_record_free(&tomb);
	return rc ? rc : cw_store_unlink(txn, id, err);
}

/* A case deleted (by a bundle) leaves its hearings only their own keys; when it comes back,
 * they are filed under its articles again. */
START_TEST(case_back_after_deletion_refiles_its_hearings)
{
	struct cw_id p = add_person("Back Again", NULL);
	struct cw_id c = add_case("Comes back", &p, "494", NULL, "2024-01-10");
	struct cw_record kase;
	struct cw_error err;

	add_hearing(&c, "2024-02-01", NULL);
	ck_assert_uint_eq(count("article:494 kind:hearing", CW_KINDS_EVENTS), 1);
	ck_assert_int_eq(cw_store_get(st, &c, &kase, &err), 0);
	ck_assert_msg(cw_store_write(st, case_deleted_elsewhere_fn, &c, &err) == 0, "%s",
		      err.message);
	ck_assert_uint_eq(count("article:494 kind:hearing", CW_KINDS_EVENTS), 0);
	ck_assert_msg(cw_store_put(st, &kase, 0, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(count("article:494 kind:hearing", CW_KINDS_EVENTS), 1);
	cw_record_free(&kase);
}
END_TEST

START_TEST(case_change_reindexes_its_hearings)
{
	struct cw_id p = add_person("Chao Veasna", NULL);
	struct cw_id q = add_person("Added Later", NULL);
	struct cw_id c = add_case("Veasna", &p, "494", NULL, "2023-07-23");
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	struct cw_defendant *d;
	struct cw_record r;
	struct cw_error err;

	add_hearing(&c, "2024-02-07", NULL);
	ck_assert_uint_eq(count("article:307", CW_KINDS_EVENTS), 0);
	ck_assert_uint_eq(count("person:\"Added Later\"", CW_KINDS_EVENTS), 0);
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	d = r.u.kase.defendants.items;
	cw_article_parse("307", &((struct cw_charge *)d->charges.items)[0].article, "a", NULL);
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = q;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	ck_assert_uint_eq(count("article:307", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:494", CW_KINDS_EVENTS), 0);
	ck_assert_uint_eq(count("person:\"Added Later\"", CW_KINDS_EVENTS), 1);
}
END_TEST

static void assert_counts_agree(void);

static void assert_verifies(const char *after)
{
	struct cw_verify_stats stats;
	struct cw_error err;
	int problems = 0;

	ck_assert_int_eq(cw_store_verify(st, count_problems, &problems, &stats, &err), 0);
	ck_assert_msg(problems == 0, "%d problems after %s", problems, after);
}

/* No list of a record's keys is kept: an update removes the keys its old version computes,
 * against the database as it is. Cases whose charges, court and defendants change, hearings
 * and milestones moved between cases and deleted, cases deleted and made again: after each
 * step every index holds exactly the keys the records make (verify), and the counters agree
 * with walks. */
START_TEST(indexes_stay_exact_through_random_changes)
{
	static const char *const arts[] = {"494", "495", "494/495", "437 bis", "307", "451/495"};
	static const char *const courts[] = {"Phnom Penh Court of First Instance",
					     "Court of Appeal", "Kandal Provincial Court", NULL};
	struct cw_id people[5], cases[4], events[24];
	size_t nevents = 0;
	unsigned seed = 20241202;
	struct cw_error err;
	char step[64];

	for (int i = 0; i < 5; i++) {
		char name[32];

		snprintf(name, sizeof name, "Person %d", i);
		people[i] = add_person(name, i % 2 ? "Kandal" : NULL);
	}
	for (int i = 0; i < 4; i++) {
		char title[32];

		snprintf(title, sizeof title, "Case %d", i);
		cases[i] = add_case(title, &people[i], arts[i], courts[i], "2023-01-05");
	}
	for (int round = 0; round < 60; round++) {
		unsigned r = (unsigned)rand_r(&seed);
		struct cw_record rec;
		int op = (int)(r % 6);

		if (op <= 1 && nevents < sizeof events / sizeof events[0]) {
			/* a new hearing or milestone of a random case */
			const struct cw_id *c = &cases[(r >> 3) % 4];

			events[nevents++] = op == 0 ? add_hearing(c, "2024-03-01", NULL)
						    : add_milestone(&people[(r >> 5) % 5], c,
								    "2024-02-01", CW_MS_ARREST);
		} else if (op == 2) {
			/* a case's charges, court and defendants change */
			const struct cw_field *df =
				cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
			struct cw_defendant *d;

			ck_assert_int_eq(cw_store_get(st, &cases[(r >> 3) % 4], &rec, &err), 0);
			d = rec.u.kase.defendants.items;
			if (d && d->charges.n)
				cw_article_parse(arts[(r >> 6) % 6],
						 &((struct cw_charge *)d->charges.items)[0].article,
						 "a", NULL);
			free(rec.u.kase.court);
			rec.u.kase.court =
				courts[(r >> 9) % 4] ? strdup(courts[(r >> 9) % 4]) : NULL;
			if ((r >> 11) & 1) {
				d = cw_list_append(&rec.u.kase.defendants, df->sub);
				d->person = people[(r >> 12) % 5];
			}
			ck_assert_msg(cw_store_put(st, &rec, 0, &err) == 0, "%s", err.message);
			cw_record_free(&rec);
		} else if (op == 3 && nevents) {
			/* a hearing or milestone moves to another case, or a milestone to another
			 * person */
			const struct cw_id *e = &events[(r >> 3) % nevents];

			ck_assert_int_eq(cw_store_get(st, e, &rec, &err), 0);
			if (rec.kind == CW_KIND_HEARING)
				rec.u.hearing.case_id = cases[(r >> 8) % 4];
			else
				rec.u.milestone.person = people[(r >> 8) % 5];
			ck_assert_msg(cw_store_put(st, &rec, 0, &err) == 0, "%s", err.message);
			cw_record_free(&rec);
		} else if (op == 4 && nevents) {
			/* a hearing or milestone deleted */
			size_t k = (r >> 3) % nevents;

			ck_assert_msg(cw_store_delete(st, &events[k], &err) == 0, "%s",
				      err.message);
			events[k] = events[--nevents];
		} else {
			/* an event of no case: a court of its own */
			cw_record_init(&rec, CW_KIND_MILESTONE);
			rec.u.milestone.person = people[(r >> 5) % 5];
			rec.u.milestone.date = D("2022-05-05");
			rec.u.milestone.type = CW_MS_ARREST;
			rec.u.milestone.court = strdup(courts[(r >> 3) % 3]);
			ck_assert_msg(cw_store_put(st, &rec, CW_PUT_NEW, &err) == 0, "%s",
				      err.message);
			cw_record_free(&rec);
		}
		snprintf(step, sizeof step, "step %d (operation %d)", round, op);
		assert_verifies(step);
		assert_counts_agree();
	}
}
END_TEST

static int fail_after_put_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct cw_record r;
	int rc;

	(void)ctx;
	cw_record_init(&r, CW_KIND_PERSON);
	r.u.person.name = strdup("Half Written");
	rc = cw_txn_put(txn, &r, 0, NULL, err);
	cw_record_free(&r);
	ck_assert_int_eq(rc, 0);
	return cw_error_set(err, CW_EINVAL, "second", "the second step failed");
}

/* Writes a case and a hearing of it (whose check finds the case's kind), then fails: *ctx gets
 * the case's id. */
static int case_then_fail_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct cw_record c, h;
	int rc;

	cw_record_init(&c, CW_KIND_CASE);
	c.u.kase.title = strdup("Never saved");
	ck_assert_int_eq(cw_txn_put(txn, &c, 0, NULL, err), 0);
	*(struct cw_id *)ctx = c.id;
	cw_record_init(&h, CW_KIND_HEARING);
	h.u.hearing.case_id = c.id;
	h.u.hearing.date = D("2024-01-01");
	rc = cw_txn_put(txn, &h, 0, NULL, err);
	cw_record_free(&c);
	cw_record_free(&h);
	ck_assert_int_eq(rc, 0);
	return cw_error_set(err, CW_EINVAL, "second", "the second step failed");
}

/* A case record, not saved: one defendant, charged under `article` when one is given. */
static void case_record(struct cw_record *r, const char *title, const char *court,
			const struct cw_id *person, const char *article)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	struct cw_defendant *d;

	cw_record_init(r, CW_KIND_CASE);
	r->u.kase.title = strdup(title);
	r->u.kase.court = court ? strdup(court) : NULL;
	d = cw_list_append(&r->u.kase.defendants, df->sub);
	d->person = *person;
	if (article) {
		struct cw_charge *ch = cw_list_append(&d->charges, cf->sub);

		require_msg(cw_article_parse(article, &ch->article, "a", NULL) == 0, "article '%s'",
			    article);
	}
}

/* The first charge of a case_record's defendant. */
static struct cw_article *case_article(struct cw_record *r)
{
	const struct cw_defendant *d = r->u.kase.defendants.items;

	return &((struct cw_charge *)d->charges.items)->article;
}

/* In one write: a person, a case naming them under 494, a hearing of the case; then the case's
 * charge moves to 307 (its hearings are found through by_case to be filed again) and the person
 * is deleted (refused: the case names them, which only by_person says). Index changes are
 * gathered and written in key order at the end (store_internal.h): each of these reads must
 * see the ones gathered before it. */
static int reads_own_writes_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct cw_record p, c, h;
	int rc;

	(void)ctx;
	cw_record_init(&p, CW_KIND_PERSON);
	p.u.person.name = strdup("Same Write");
	ck_assert_int_eq(cw_txn_put(txn, &p, CW_PUT_NEW, NULL, err), 0);
	case_record(&c, "One transaction", NULL, &p.id, "494");
	ck_assert_int_eq(cw_txn_put(txn, &c, CW_PUT_NEW, NULL, err), 0);
	cw_record_init(&h, CW_KIND_HEARING);
	h.u.hearing.case_id = c.id;
	h.u.hearing.date = D("2024-02-01");
	ck_assert_int_eq(cw_txn_put(txn, &h, CW_PUT_NEW, NULL, err), 0);
	ck_assert_int_eq(cw_article_parse("307", case_article(&c), "a", NULL), 0);
	ck_assert_int_eq(cw_txn_put(txn, &c, 0, NULL, err), 0);
	/* Another person, a case naming them, and no index read since: deleting the person must
	 * still find that the case names them. */
	cw_record_free(&p);
	cw_record_init(&p, CW_KIND_PERSON);
	p.u.person.name = strdup("Named Since");
	ck_assert_int_eq(cw_txn_put(txn, &p, CW_PUT_NEW, NULL, err), 0);
	cw_record_free(&c);
	case_record(&c, "Another case", NULL, &p.id, NULL);
	ck_assert_int_eq(cw_txn_put(txn, &c, CW_PUT_NEW, NULL, err), 0);
	rc = cw_txn_delete(txn, &p.id, err);
	ck_assert_int_eq(rc, CW_EREFUSED);
	cw_error_clear(err);
	cw_record_free(&p);
	cw_record_free(&c);
	cw_record_free(&h);
	return 0;
}

/* A case, its hearings and a change of its charges and court, all in one transaction: the
 * cases a write opens for index keys are kept (store/cases.c), and so are the tags of names and
 * articles (keys.c); a kept case must never outlive its change. */
static int keeps_cases_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct cw_record p, c, gov, h;

	(void)ctx;
	cw_record_init(&p, CW_KIND_PERSON);
	p.u.person.name = strdup("Kept Case");
	ck_assert_int_eq(cw_txn_put(txn, &p, CW_PUT_NEW, NULL, err), 0);
	case_record(&c, "Changes in the batch", "Phnom Penh Municipal Court", &p.id, "494");
	ck_assert_int_eq(cw_txn_put(txn, &c, CW_PUT_NEW, NULL, err), 0);
	/* The government's account of the same charge and court, its name spelled otherwise. */
	case_record(&gov, "The government's account", "phnom penh  MUNICIPAL court", &p.id, "494");
	gov.view = CW_VIEW_GOVERNMENT;
	ck_assert_int_eq(cw_txn_put(txn, &gov, CW_PUT_NEW, NULL, err), 0);
	for (int i = 0; i < 3; i++) {
		cw_record_init(&h, CW_KIND_HEARING);
		h.u.hearing.case_id = i == 1 ? gov.id : c.id;
		h.u.hearing.date = D(i == 0 ? "2024-02-01" : "2024-02-02");
		ck_assert_int_eq(cw_txn_put(txn, &h, CW_PUT_NEW, NULL, err), 0);
		cw_record_free(&h);
	}
	/* The case changes: its hearings are indexed again, and one more comes after. */
	ck_assert_int_eq(cw_article_parse("307", case_article(&c), "a", NULL), 0);
	free(c.u.kase.court);
	c.u.kase.court = strdup("Kandal Provincial Court");
	ck_assert_int_eq(cw_txn_put(txn, &c, 0, NULL, err), 0);
	cw_record_init(&h, CW_KIND_HEARING);
	h.u.hearing.case_id = c.id;
	h.u.hearing.date = D("2024-03-01");
	ck_assert_int_eq(cw_txn_put(txn, &h, CW_PUT_NEW, NULL, err), 0);
	cw_record_free(&h);
	cw_record_free(&p);
	cw_record_free(&c);
	cw_record_free(&gov);
	return 0;
}

/* The counters answer "article:X" and "kind:Y" alone; a date bound forces a walk. Both must
 * agree after adds, a case whose charges change (its hearings are re-indexed) and deletes. */
static void assert_counts_agree(void)
{
	static const char *const lines[] = {
		"article:494",    "article:307", "article:\"437 bis\"",  "kind:hearing",
		"kind:milestone", "kind:case",   "article:494 kind:case"};
	char walked[128];

	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		snprintf(walked, sizeof walked, "%s since:1900", lines[i]);
		ck_assert_msg(count(lines[i], CW_KINDS_EVENTS | CW_KIND_BIT(CW_KIND_CASE)) ==
				      count(walked, CW_KINDS_EVENTS | CW_KIND_BIT(CW_KIND_CASE)),
			      "%s", lines[i]);
	}
}

START_TEST(counters_agree_with_walks)
{
	struct cw_id p = add_person("Chao Veasna", NULL);
	struct cw_id c = add_case("Veasna", &p, "494/495", NULL, "2023-07-23");
	struct cw_id c2 = add_case("Saran", &p, "437 bis", NULL, "2023-07-04");
	struct cw_id h = add_hearing(&c, "2024-02-07", NULL);
	struct cw_record r;
	struct cw_error err;

	add_hearing(&c, "2024-01-10", NULL);
	add_hearing(&c2, "2023-11-22", NULL);
	add_milestone(&p, &c, "2023-07-23", CW_MS_ARREST);
	assert_counts_agree();
	ck_assert_uint_eq(count("article:494", CW_KINDS_EVENTS), 3);
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	cw_article_parse("307",
			 &((struct cw_charge *)((struct cw_defendant *)r.u.kase.defendants.items)
				   ->charges.items)[0]
				  .article,
			 "a", NULL);
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	assert_counts_agree();
	ck_assert_uint_eq(count("article:494", CW_KINDS_EVENTS), 0);
	ck_assert_uint_eq(count("article:307", CW_KINDS_EVENTS), 3);
	ck_assert_int_eq(cw_store_delete(st, &h, &err), 0);
	assert_counts_agree();
	ck_assert_uint_eq(count("kind:hearing", CW_KINDS_EVENTS), 2);
}
END_TEST

/* count() and a list, with the filter's visits_by_detainees set or clear. */
static size_t count_visits_asked(const char *line, int by_detainees, size_t *listed)
{
	struct cw_filter f;
	struct cw_record_list l;
	struct cw_error err;
	size_t n;

	cw_filter_init(&f);
	ck_assert_msg(cw_filter_parse_line(line, &f, &err) == 0, "%s", err.message);
	f.visits_by_detainees = by_detainees;
	ck_assert_msg(cw_store_count(st, &f, CW_KINDS_EVENTS, &n, &err) == 0, "%s", err.message);
	ck_assert_msg(
		cw_store_list(st, &f, CW_KINDS_EVENTS, CW_ORDER_NEWEST_FIRST, 0, 0, &l, &err) == 0,
		"%s", err.message);
	*listed = l.n;
	cw_record_list_free(&l);
	return n;
}

/* A prison visit is filed under no article. Asked so (what the report module writes), or
 * asked for by kind, it is under an article when someone it met is charged under it in a
 * case, counted and listed, whether the articles drive the walk, a date or the person;
 * otherwise, as lists, counts and the terminal interface ask among every kind, it is under
 * none and the counters answer as before. */
START_TEST(visits_match_articles_through_detainees_only_when_asked)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_VISIT), "detainees");
	struct cw_id p = add_person("Eng Sroy", NULL);
	struct cw_id q = add_person("Sok Lese", NULL);
	struct cw_id c = add_case("Eng Sroy incitement", &p, "494/495", NULL, "2024-01-02");
	static const char *const lines[] = {"article:494", "article:494 since:1900",
					    "article:494 person:\"Eng Sroy\"",
					    "article:\"437 bis\" kind:visit"};
	/* Asked for by kind (the last line), visits are found through their detainees
	 * whatever the flag says. */
	static const size_t asked[] = {2, 2, 2, 1}, not_asked[] = {1, 1, 1, 1};
	size_t n, listed;

	add_case("Sok Lese", &q, "437 bis", NULL, "2024-01-02");
	add_hearing(&c, "2024-02-20", NULL);
	for (int i = 0; i < 2; i++) {
		struct cw_person_ref *met;
		struct cw_record r;
		struct cw_error err;

		cw_record_init(&r, CW_KIND_VISIT);
		r.u.visit.facility = strdup("Prey Sar");
		r.u.visit.date = D(i ? "2024-04-04" : "2024-04-03");
		met = cw_list_append(&r.u.visit.detainees, df->sub);
		met->person = i ? q : p;
		ck_assert_msg(cw_store_put(st, &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
		cw_record_free(&r);
	}
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		n = count_visits_asked(lines[i], 0, &listed);
		ck_assert_msg(n == not_asked[i] && listed == n, "%s: %zu, %zu listed", lines[i], n,
			      listed);
		n = count_visits_asked(lines[i], 1, &listed);
		ck_assert_msg(n == asked[i] && listed == n, "%s asked: %zu, %zu listed", lines[i],
			      n, listed);
	}
	/* Without articles the flag asks nothing. */
	ck_assert_uint_eq(count_visits_asked("kind:visit", 1, &listed), 2);
	ck_assert_uint_eq(listed, 2);
}
END_TEST

/* A milestone that names no article is filed under its person's charges in its case; of
 * someone the case does not name (a bystander's arrest in the NagaWorld case), under none: they
 * are charged with nothing in it, and the report counts it under no article (a field trial
 * found `list --article 494/495` and the report's counts taking it for a 494/495 arrest). Once
 * the case names them, their charges. */
START_TEST(milestone_of_someone_not_a_defendant_is_under_no_article)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	struct cw_id sithar = add_person("Chhim Sithar", NULL);
	struct cw_id srey = add_person("Kim Srey", NULL);
	struct cw_id c = add_case("NagaWorld", &sithar, "494/495", NULL, "2022-01-04");
	struct cw_defendant *d;
	struct cw_charge *charge;
	struct cw_record r;
	struct cw_error err;

	add_milestone(&sithar, &c, "2022-01-04", CW_MS_ARREST);
	add_milestone(&srey, &c, "2024-02-16", CW_MS_ARREST);
	assert_counts_agree();
	ck_assert_uint_eq(count("case:NagaWorld kind:milestone", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("article:494/495 kind:milestone", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:495 person:Srey", CW_KINDS_EVENTS), 0);
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = srey;
	charge = cw_list_append(&d->charges, cf->sub);
	ck_assert_int_eq(cw_article_parse("495", &charge->article, "a", NULL), 0);
	ck_assert_msg(cw_store_put(st, &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);
	assert_counts_agree();
	ck_assert_uint_eq(count("article:495 person:Srey", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:494 kind:milestone", CW_KINDS_EVENTS), 1);
}
END_TEST

/* Gives a stored record another account. */
static void set_view(const struct cw_id *id, int view)
{
	struct cw_record r;
	struct cw_error err;

	ck_assert_int_eq(cw_store_get(st, id, &r, &err), 0);
	r.view = (uint8_t)view;
	ck_assert_msg(cw_store_put(st, &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);
}

/* Whose account is not in the index keys: every path that answers without decoding (the
 * counters, the people's name order, people through their cases) must step aside for it. */
START_TEST(account_filter_reads_each_records_view)
{
	struct cw_id p = add_person("Kem Sokha", NULL), q = add_person("Rong Chhun", NULL);
	struct cw_id c = add_case("Kem Sokha", &p, "439/443", NULL, "2017-09-03");
	struct cw_id gov = add_milestone(&p, &c, "2019", CW_MS_SUPERVISION);
	struct cw_id h = add_hearing(&c, "2024-01-10", NULL);
	struct cw_record_list l;
	struct cw_filter f;
	struct cw_error err;

	add_case("Rong Chhun", &q, "495", NULL, "2020-07-31");
	add_milestone(&p, &c, "2023-03", CW_MS_HOUSE_ARREST); /* account not recorded */
	set_view(&gov, CW_VIEW_GOVERNMENT);
	set_view(&h, CW_VIEW_UN);
	set_view(&p, CW_VIEW_UN);
	set_view(&q, CW_VIEW_GOVERNMENT);
	ck_assert_uint_eq(count("", CW_KINDS_EVENTS), 3);
	ck_assert_uint_eq(count("account:government", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("account:un", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("account:unknown", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("account:un,government", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("account:own", CW_KINDS_EVENTS), 0);
	/* the counters would answer these without the account; the government's account of an
	 * event in a case that is not the government's is under the case's charges as any other
	 * account is (schema 15) */
	ck_assert_uint_eq(count("article:439", CW_KINDS_EVENTS), 3);
	ck_assert_uint_eq(count("article:439 account:government", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:439 account:un,government", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("article:439 account:un,government,unknown", CW_KINDS_EVENTS), 3);
	ck_assert_uint_eq(count("article:495", CW_KIND_BIT(CW_KIND_PERSON)), 1);
	ck_assert_uint_eq(count("article:495", CW_KIND_BIT(CW_KIND_CASE)), 1);
	ck_assert_uint_eq(count("kind:milestone account:gov", CW_KINDS_EVENTS), 1);
	/* people: their own account, also when found through their cases */
	ck_assert_uint_eq(count("account:government", CW_KIND_BIT(CW_KIND_PERSON)), 1);
	ck_assert_uint_eq(count("article:439/495 account:un", CW_KIND_BIT(CW_KIND_PERSON)), 1);
	ck_assert_uint_eq(count("account:unknown", CW_KIND_BIT(CW_KIND_CASE)), 2);
	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_parse_line("account:government", &f, &err), 0);
	ck_assert_int_eq(cw_store_list(st, &f, CW_KIND_BIT(CW_KIND_PERSON), CW_ORDER_NEWEST_FIRST,
				       0, 0, &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.items[0].u.person.name, "Rong Chhun");
	cw_record_list_free(&l);
	ck_assert_int_eq(
		cw_store_list(st, &f, CW_KINDS_EVENTS, CW_ORDER_NEWEST_FIRST, 0, 0, &l, &err), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert(cw_id_equal(&l.items[0].id, &gov));
	ck_assert_uint_eq(l.items[0].view, CW_VIEW_GOVERNMENT);
	cw_record_list_free(&l);
}
END_TEST

/* The government's account of an event is filed under its case's charges as the team's
 * account is, unless the case is the government's account too: a 494/495 filter finds both
 * accounts of a disputed arrest in a case the team follows (a field trial lost the
 * government's date, which the report still quoted), and not the government's account of its
 * own prosecution (Rong Chhun's), unless it asks for the government's account. A case that
 * becomes the government's account takes its events' keys along. */
static void no_problem(void *ctx, const char *problem);

START_TEST(government_account_is_filed_as_its_case)
{
	struct cw_id p = add_person("Sok Chanthea", NULL);
	struct cw_id team = add_case("Svay Rieng", &p, "494/495", NULL, "2026-11-02");
	struct cw_id own = add_case("Border statements", &p, "495", NULL, "2020-07-31");
	struct cw_id ngo = add_milestone(&p, &team, "2026-11-02", CW_MS_ARREST);
	struct cw_id gov = add_milestone(&p, &team, "2026-11-04", CW_MS_ARREST);
	struct cw_id gov_own = add_milestone(&p, &own, "2020-07-31", CW_MS_ARREST);
	struct cw_id un_own = add_milestone(&p, &own, "2020-08-01", CW_MS_ARREST);
	struct cw_verify_stats stats;
	struct cw_record_list l;
	struct cw_filter f;
	struct cw_error err;

	set_view(&own, CW_VIEW_GOVERNMENT);
	set_view(&ngo, CW_VIEW_NGO);
	set_view(&gov, CW_VIEW_GOVERNMENT);
	set_view(&gov_own, CW_VIEW_GOVERNMENT);
	set_view(&un_own, CW_VIEW_UN);
	/* the counters, and a walk of the index */
	ck_assert_uint_eq(count("article:494", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("article:494 kind:milestone since:2026-01-01", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("article:495", CW_KINDS_EVENTS), 3);
	ck_assert_uint_eq(count("article:495 account:government", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("article:494 account:government", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:495 account:ngo", CW_KINDS_EVENTS), 1);
	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_parse_line("article:494/495", &f, &err), 0);
	ck_assert_int_eq(
		cw_store_list(st, &f, CW_KINDS_EVENTS, CW_ORDER_OLDEST_FIRST, 0, 0, &l, &err), 0);
	ck_assert_uint_eq(l.n, 3);
	ck_assert(cw_id_equal(&l.items[0].id, &un_own));
	ck_assert(cw_id_equal(&l.items[1].id, &ngo));
	ck_assert(cw_id_equal(&l.items[2].id, &gov));
	cw_record_list_free(&l);
	/* the team's case recorded as the government's account from now on */
	set_view(&team, CW_VIEW_GOVERNMENT);
	ck_assert_uint_eq(count("article:494", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:494 account:government", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:494 account:ngo,government", CW_KINDS_EVENTS), 2);
	ck_assert_int_eq(cw_store_verify(st, no_problem, NULL, &stats, &err), 0);
	ck_assert_uint_eq(stats.problems, 0);
}
END_TEST

START_TEST(next_hearing_dates_are_indexed)
{
	struct cw_id p = add_person("Ny Nak", NULL);
	struct cw_id c = add_case("Ny Nak", &p, "494", NULL, "2024-01");
	struct cw_id c2 = add_case("Other", &p, "307", NULL, "2024-01");
	struct cw_id h = add_hearing(&c, "2024-02-01", NULL);
	struct cw_record r;
	struct cw_record_list l;
	struct cw_filter f;
	struct cw_error err;

	add_hearing(&c2, "2024-02-02", NULL);
	ck_assert_int_eq(cw_store_get(st, &h, &r, &err), 0);
	r.u.hearing.next_date = D("2024-03-15");
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	cw_filter_init(&f);
	ck_assert_int_eq(cw_store_list_next_dates(st, &f, CW_KIND_BIT(CW_KIND_HEARING),
						  D("2024-03-10"), D("2024-03-20"),
						  CW_ORDER_OLDEST_FIRST, 0, &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert(cw_id_equal(&l.items[0].id, &h));
	cw_record_list_free(&l);
	/* The window excludes it; the filter's other criteria apply; no end means open. */
	ck_assert_int_eq(cw_store_list_next_dates(st, &f, CW_KIND_BIT(CW_KIND_HEARING),
						  D("2024-03-16"), D("2024-03-20"),
						  CW_ORDER_OLDEST_FIRST, 0, &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 0);
	cw_filter_set(&f, "article", "307", NULL);
	ck_assert_int_eq(cw_store_list_next_dates(st, &f, CW_KIND_BIT(CW_KIND_HEARING),
						  D("2024-01-01"), D(""), CW_ORDER_OLDEST_FIRST, 0,
						  &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 0);
	cw_filter_set(&f, "article", "494", NULL);
	ck_assert_int_eq(cw_store_list_next_dates(st, &f, CW_KIND_BIT(CW_KIND_HEARING),
						  D("2024-01-01"), D(""), CW_ORDER_OLDEST_FIRST, 0,
						  &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 1);
	cw_record_list_free(&l);
	/* A visit's follow-up date is in the same index, told apart by kind; newest first with
	 * a limit gives the latest one. */
	cw_filter_init(&f);
	cw_record_init(&r, CW_KIND_VISIT);
	r.u.visit.facility = strdup("Prey Sar");
	r.u.visit.follow_up_on = D("2024-03-12");
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_list_next_dates(st, &f, CW_KIND_BIT(CW_KIND_VISIT),
						  D("2024-03-10"), D("2024-03-20"),
						  CW_ORDER_OLDEST_FIRST, 0, &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.items[0].kind, CW_KIND_VISIT);
	cw_record_list_free(&l);
	ck_assert_int_eq(cw_store_list_next_dates(st, &f, CW_KIND_BIT(CW_KIND_HEARING),
						  D("2024-03-10"), D("2024-03-20"),
						  CW_ORDER_OLDEST_FIRST, 0, &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert(cw_id_equal(&l.items[0].id, &h));
	cw_record_list_free(&l);
	ck_assert_int_eq(cw_store_list_next_dates(
				 st, &f, CW_KIND_BIT(CW_KIND_HEARING) | CW_KIND_BIT(CW_KIND_VISIT),
				 D(""), D(""), CW_ORDER_NEWEST_FIRST, 1, &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert(cw_id_equal(&l.items[0].id, &h)); /* 2024-03-15, after the visit's 03-12 */
	cw_record_list_free(&l);
}
END_TEST

START_TEST(people_page_in_name_order)
{
	struct cw_filter f;
	struct cw_record_list l;
	struct cw_error err;

	add_person("Thach Setha", NULL);
	add_person("Chao Veasna", NULL);
	add_person("Kang Saran", NULL);
	cw_filter_init(&f);
	ck_assert_int_eq(cw_store_list(st, &f, CW_KIND_BIT(CW_KIND_PERSON), CW_ORDER_NEWEST_FIRST,
				       1, 1, &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.items[0].u.person.name, "Kang Saran");
	cw_record_list_free(&l);
	/* A write in between: the next page sees the new person in its place. */
	add_person("Eng Sroy", NULL);
	ck_assert_int_eq(cw_store_list(st, &f, CW_KIND_BIT(CW_KIND_PERSON), CW_ORDER_NEWEST_FIRST,
				       1, 2, &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.items[0].u.person.name, "Eng Sroy");
	ck_assert_str_eq(l.items[1].u.person.name, "Kang Saran");
	cw_record_list_free(&l);
	ck_assert_int_eq(cw_store_list(st, &f, CW_KIND_BIT(CW_KIND_PERSON), CW_ORDER_NEWEST_FIRST,
				       3, 0, &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.items[0].u.person.name, "Thach Setha");
	cw_record_list_free(&l);
}
END_TEST

/* Free text finds a record by the names of its people and case (issue 16): a hearing of his
 * case, a milestone of someone else in his case, a hearing whose notes name him; and the
 * answer kept for the next query with the same text follows writes. */
START_TEST(text_finds_records_by_their_people_and_case)
{
	struct cw_id kem = add_person("Kem Sokha", NULL), sam = add_person("Sam Rainsy", NULL);
	struct cw_id treason = add_case("Treason case", &kem, "439/443", NULL, "2017-09");
	struct cw_id defamation = add_case("Defamation case", &sam, "305", NULL, "2019-01");
	struct cw_id h1 = add_hearing(&treason, "2024-01-10", NULL);
	struct cw_id m1 = add_milestone(&sam, &treason, "2024-02", CW_MS_OTHER);
	struct cw_id h2 = add_hearing(&defamation, "2024-03-01", "KEM SOKHA attended");
	struct cw_filter f;
	struct cw_record_list l;
	struct cw_error err;

	add_hearing(&defamation, "2024-03-02", NULL);
	add_milestone(&sam, &defamation, "2024-03-03", CW_MS_OTHER);
	ck_assert_uint_eq(count("kem sokha", CW_KINDS_EVENTS), 3);
	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_parse_line("Kem Sokha", &f, &err), 0);
	ck_assert_int_eq(
		cw_store_list(st, &f, CW_KINDS_EVENTS, CW_ORDER_OLDEST_FIRST, 0, 0, &l, &err), 0);
	ck_assert_uint_eq(l.n, 3);
	ck_assert(cw_id_equal(&l.items[0].id, &h1));
	ck_assert(cw_id_equal(&l.items[1].id, &m1));
	ck_assert(cw_id_equal(&l.items[2].id, &h2));
	cw_record_list_free(&l);
	/* The case by its defendant, and the records of a case by its title. */
	ck_assert_uint_eq(count("kem sokha", CW_KIND_BIT(CW_KIND_CASE)), 1);
	ck_assert_uint_eq(count("treason", CW_KINDS_EVENTS), 2);
	ck_assert_uint_eq(count("rainsy", CW_KINDS_EVENTS), 4);
	/* Asked again after a write: the record written is found. */
	ck_assert_uint_eq(count("kem sokha", CW_KINDS_EVENTS), 3);
	add_hearing(&treason, "2024-04-01", NULL);
	ck_assert_uint_eq(count("kem sokha", CW_KINDS_EVENTS), 4);
	add_person("Kem Sokha Junior", NULL);
	ck_assert_uint_eq(count("kem sokha", CW_KIND_BIT(CW_KIND_PERSON)), 2);
}
END_TEST

/* A filter's person or case found by name is kept for the next query at the same transaction
 * (a report asks it of every section); after a write it is looked for again. */
static size_t count_filter(const char *key, const char *value)
{
	struct cw_filter f;
	struct cw_error err;
	size_t n;

	cw_filter_init(&f);
	ck_assert_int_eq(cw_filter_set(&f, key, value, &err), 0);
	ck_assert_msg(cw_store_count(st, &f, CW_KINDS_EVENTS, &n, &err) == 0, "%s", err.message);
	return n;
}

START_TEST(person_and_case_names_found_again_after_a_write)
{
	struct cw_id kem = add_person("Kem Sokha", NULL);
	struct cw_id treason = add_case("Treason case", &kem, "439/443", NULL, "2017-09");
	struct cw_id monh, defamation;

	add_hearing(&treason, "2024-01-10", NULL);
	ck_assert_uint_eq(count_filter("person", "Kem Sokha"), 1);
	ck_assert_uint_eq(count_filter("person", "Kem Sokha"), 1);
	ck_assert_uint_eq(count_filter("person", "Kem Monovithya"), 0);
	ck_assert_uint_eq(count_filter("case", "Treason"), 1);
	ck_assert_uint_eq(count_filter("case", "Defamation"), 0);
	/* The same texts after writes that make them name someone, or more. */
	monh = add_person("Kem Monovithya", NULL);
	add_milestone(&monh, &treason, "2024-02-01", CW_MS_OTHER);
	ck_assert_uint_eq(count_filter("person", "Kem Monovithya"), 1);
	ck_assert_uint_eq(count_filter("person", "Kem"), 2);
	defamation = add_case("Defamation case", &monh, "305", NULL, "2019-01");
	add_hearing(&defamation, "2024-03-01", NULL);
	ck_assert_uint_eq(count_filter("case", "Defamation"), 1);
	ck_assert_uint_eq(count_filter("case", "Treason"), 2);
	/* A person and a case of the same text are kept apart. */
	ck_assert_uint_eq(count_filter("person", "Treason"), 0);
}
END_TEST

/* A case for the suggestions' tests: its title, one defendant (none when NULL), the date it
 * was opened (unknown when NULL), its court and notes. */
static struct cw_id add_titled_case(const char *title, const struct cw_id *person,
				    const char *opened, const char *court, const char *notes)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_CASE);
	r.u.kase.title = strdup(title);
	r.u.kase.court = court ? strdup(court) : NULL;
	r.u.kase.notes = notes ? strdup(notes) : NULL;
	if (opened)
		r.u.kase.opened = D(opened);
	if (person)
		((struct cw_defendant *)cw_list_append(&r.u.kase.defendants, df->sub))->person =
			*person;
	ck_assert_msg(cw_store_put(st, &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

/* How a title holds the text (both folded), as a case field ranks it: its start, a word's
 * start, inside a word, not at all. */
static int title_fit(const char *title, const char *text)
{
	const char *at;
	int fit = 3;

	if (!strncmp(title, text, strlen(text)))
		return 0;
	for (at = strstr(title, text); at; at = strstr(at + 1, text)) {
		if (at > title && (at[-1] == ' ' || at[-1] == '-'))
			return 1;
		fit = 2;
	}
	return fit;
}

/* What a case field suggests for the text (cw_store_cases_by_part, from the cases it keeps) is
 * what the lists' search gives without them: every case cw_store_list's free text finds,
 * newest first, ranked by how its title holds the text, each title once, at most 6. */
static void cases_suggest_as_search(const char *text)
{
	struct cw_name_hit *hits;
	struct cw_record_list l;
	struct cw_filter f;
	struct cw_error err;
	const char *want[6];
	struct cw_id want_id[6];
	char *folded = cw_text_fold(text);
	size_t n, nwant = 0;

	ck_assert_ptr_nonnull(folded);
	cw_filter_init(&f);
	f.kinds = CW_KIND_BIT(CW_KIND_CASE);
	snprintf(f.text, sizeof f.text, "%s", text);
	ck_assert_msg(cw_store_list(st, &f, f.kinds, CW_ORDER_NEWEST_FIRST, 0, 0, &l, &err) == 0,
		      "%s", err.message);
	for (int band = 0; band < 4; band++)
		for (size_t i = 0; i < l.n && nwant < 6; i++) {
			const char *title = l.items[i].u.kase.title;
			char *t = cw_text_fold(title);
			int fit = title_fit(t, folded), seen = 0;

			free(t);
			for (size_t j = 0; j < nwant; j++)
				seen |= !strcmp(want[j], title);
			if (fit == band && !seen) {
				want_id[nwant] = l.items[i].id;
				want[nwant++] = title;
			}
		}
	ck_assert_msg(cw_store_cases_by_part(st, text, 6, &hits, &n, &err) == 0, "%s", err.message);
	ck_assert_msg(n == nwant, "'%s': %zu suggested, the search gives %zu", text, n, nwant);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(!strcmp(hits[i].label, want[i]), "'%s' #%zu: %s, the search gives %s",
			      text, i, hits[i].label, want[i]);
		ck_assert(cw_id_equal(&hits[i].id, &want_id[i]));
	}
	cw_name_hits_free(hits, n);
	cw_record_list_free(&l);
	free(folded);
}

/* A case field's suggestions are read from the cases kept by the store (cw_store_cases_by_part:
 * at 50,000 cases every key read each of them), and answer as the search the lists make, key
 * after key (a text that holds the last one looks only among the cases that one found), by
 * title, court, notes and a defendant's name in either script; a write, to a case or to a
 * person a case names, drops what was kept, and the next key finds the database as it is. */
START_TEST(case_suggestions_kept_answer_as_the_search)
{
	const char *texts[] = {"s",     "so", "sok",    "sokh",    "sokha", "sokha ",
			       "kem",   "កឹម", "កឹម សុខា", "treason", "case",  "rainsy",
			       "tbong", "x",  "dara 1", "-",       "naga",  "sithar"};
	struct cw_record rec;
	struct cw_error err;
	struct cw_id kem = add_person("Kem Sokha", NULL), sam = add_person("Sam Rainsy", NULL);
	struct cw_id dara = add_person("Sok Dara", NULL), sithar = add_person("Chhim Sithar", NULL);
	struct cw_id strike;
	struct cw_names_kept *kept;
	struct cw_name_hit *hits;
	char title[64];
	size_t n;

	ck_assert_int_eq(cw_store_get(st, &kem, &rec, &err), 0);
	rec.u.person.name_km = strdup("កឹម សុខា");
	ck_assert_int_eq(cw_store_put(st, &rec, 0, &err), 0);
	cw_record_free(&rec);
	add_titled_case("Treason case", &kem, "2017-09", "Phnom Penh Court", NULL);
	add_titled_case("Treason case", &sam, "2021-02-03", NULL, NULL); /* a namesake, newer */
	add_titled_case("Defamation case", &sam, "2019-01", "Tbong Khmum Court", "Sokha testified");
	add_titled_case("Prosecutor v. Kem Sokha", &kem, NULL, NULL, NULL); /* undated: last */
	add_titled_case("Sokha-era land case", NULL, "2015", NULL, NULL);
	add_titled_case("Insokhable", NULL, "2016-05-05", NULL, NULL);
	strike = add_titled_case("NagaWorld strike", &sithar, "2022-01-04", NULL, NULL);
	for (int i = 0; i < 12; i++) {
		snprintf(title, sizeof title, "Sok Dara case %d", i);
		add_titled_case(title, &dara, i % 3 ? "2020-06" : NULL, NULL, NULL);
	}
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		cases_suggest_as_search(texts[i]);
	/* Kept: asked again with nothing written, nothing is read again. */
	kept = st->kept[1];
	ck_assert_ptr_nonnull(kept);
	cases_suggest_as_search("sokha");
	ck_assert_ptr_eq(st->kept[1], kept);
	/* A case added: found at the next key, however narrow the last. */
	add_titled_case("Sokha support group", NULL, "2024-03-01", NULL, NULL);
	cases_suggest_as_search("sokha");
	cases_suggest_as_search("sokha s");
	/* A person renamed: the cases naming them follow, by the new name only. */
	ck_assert_int_eq(cw_store_get(st, &sam, &rec, &err), 0);
	free(rec.u.person.name);
	rec.u.person.name = strdup("Sam Rangsi");
	ck_assert_int_eq(cw_store_put(st, &rec, 0, &err), 0);
	cw_record_free(&rec);
	cases_suggest_as_search("rainsy");
	cases_suggest_as_search("rangsi");
	/* A case deleted: no longer offered. */
	cases_suggest_as_search("naga");
	ck_assert_int_eq(cw_store_delete(st, &strike, &err), 0);
	cases_suggest_as_search("naga");
	cases_suggest_as_search("sithar");
	/* Every case found is ranked, not the 50 newest: an older title that starts with the
	 * text comes before 60 newer cases whose notes hold it. */
	add_titled_case("Borei Keila eviction", NULL, "2012-01-03", NULL, NULL);
	for (int i = 0; i < 60; i++) {
		snprintf(title, sizeof title, "Land case %d", i);
		add_titled_case(title, NULL, "2023-05", NULL, "families of Borei Keila");
	}
	cases_suggest_as_search("borei");
	ck_assert_int_eq(cw_store_cases_by_part(st, "borei", 6, &hits, &n, &err), 0);
	ck_assert_uint_eq(n, 6);
	ck_assert_str_eq(hits[0].label, "Borei Keila eviction");
	cw_name_hits_free(hits, n);
}
END_TEST

/* How many people the lists' search finds by the text (cw_store_list's free text). */
static size_t people_found(const char *text)
{
	struct cw_record_list l;
	struct cw_filter f;
	struct cw_error err;
	size_t n;

	cw_filter_init(&f);
	f.kinds = CW_KIND_BIT(CW_KIND_PERSON);
	snprintf(f.text, sizeof f.text, "%s", text);
	ck_assert_msg(cw_store_list(st, &f, f.kinds, CW_ORDER_NEWEST_FIRST, 0, 0, &l, &err) == 0,
		      "%s", err.message);
	n = l.n;
	cw_record_list_free(&l);
	return n;
}

/* What type-ahead keeps of a record's other text (a person's affiliation, province and notes,
 * a case's number, court and notes) is each field apart, as the lists' search reads them: a
 * text that runs from the end of one field into the start of the next is in neither, and
 * finds nothing. Folded as one text, the line between two fields became a space (and nothing
 * at all between two Khmer letters), and such a text found the record. */
START_TEST(suggestions_find_the_text_within_one_field)
{
	struct cw_record rec;
	struct cw_error err;
	struct cw_name_hit *hits;
	struct cw_id mony = add_person("Chea Mony", "Kandal");
	size_t n;

	ck_assert_int_eq(cw_store_get(st, &mony, &rec, &err), 0);
	rec.u.person.affiliation = strdup("Free Trade Union");
	rec.u.person.notes = strdup("សហជីព");
	ck_assert_int_eq(cw_store_put(st, &rec, 0, &err), 0);
	cw_record_free(&rec);
	add_titled_case("Strike case", NULL, "2022-01-04", "Kandal Court", "union leaders held");
	add_titled_case("Eviction case", NULL, "2021-03-02", "តុលាការ", "សហជីព");
	/* Within a field: found, by both. */
	ck_assert_uint_eq(people_found("union"), 1);
	ck_assert_int_eq(cw_store_people_by_part(st, "union", 6, &hits, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	cw_name_hits_free(hits, n);
	cases_suggest_as_search("union");
	cases_suggest_as_search("សហជីព");
	/* Across two fields (affiliation and province, province and notes; a case's court and
	 * notes, in Latin letters and in Khmer): found by neither. */
	for (size_t i = 0; i < 2; i++) {
		const char *across = i ? "kandal សហ" : "union kandal";

		ck_assert_uint_eq(people_found(across), 0);
		ck_assert_int_eq(cw_store_people_by_part(st, across, 6, &hits, &n, &err), 0);
		ck_assert_msg(n == 0, "'%s' (two of a person's fields) suggests %s", across,
			      hits[0].label);
		cw_name_hits_free(hits, n);
	}
	cases_suggest_as_search("court union");
	cases_suggest_as_search("ការសហ");
}
END_TEST

/* The state of the first charge of a case's first defendant, and how many rulings its history
 * holds. */
static uint8_t charge_state(const struct cw_id *kase, size_t *steps)
{
	const struct cw_defendant *d;
	const struct cw_charge *c;
	struct cw_record r;
	struct cw_error err;
	uint8_t state;

	ck_assert_msg(cw_store_get(st, kase, &r, &err) == 0, "%s", err.message);
	d = r.u.kase.defendants.items;
	c = d[0].charges.items;
	state = c[0].state;
	*steps = c[0].history.n;
	cw_record_free(&r);
	return state;
}

/* A ruling milestone on every charge of the person in the case, which moves them (a conviction
 * that names no article: "convicted (counts not stated)"). */
static struct cw_id add_ruling(const struct cw_id *person, const struct cw_id *kase,
			       const char *date, int type, int result)
{
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_MILESTONE);
	r.u.milestone.person = *person;
	r.u.milestone.case_id = *kase;
	r.u.milestone.date = D(date);
	r.u.milestone.type = (uint8_t)type;
	r.u.milestone.result = (uint8_t)result;
	ck_assert_msg(cw_store_put(st, &r, CW_PUT_NEW | CW_PUT_FOLLOW_VERDICTS, &err) == 0, "%s",
		      err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

/* Edits a ruling as the command line and the forms do: notes, or its result. */
static void edit_ruling(const struct cw_id *id, const char *notes, int result)
{
	struct cw_record r;
	struct cw_error err;

	ck_assert_msg(cw_store_get(st, id, &r, &err) == 0, "%s", err.message);
	if (notes) {
		free(r.u.milestone.notes);
		r.u.milestone.notes = strdup(notes);
	}
	if (result)
		r.u.milestone.result = (uint8_t)result;
	ck_assert_msg(cw_store_put(st, &r, CW_PUT_FOLLOW_VERDICTS | CW_PUT_IF_UNCHANGED, &err) == 0,
		      "%s", err.message);
	cw_record_free(&r);
}

/* A verdict corrected or deleted takes back what it moved in the case's charges; an edit that
 * rules the same way keeps the charge's history whole. */
START_TEST(a_verdict_corrected_or_deleted_is_taken_back)
{
	struct cw_id p = add_person("Ry Sovandy", NULL);
	struct cw_id c = add_case("Naga2", &p, "494", NULL, "2022-01");
	struct cw_id v = add_ruling(&p, &c, "2023-05-25", CW_MS_VERDICT, CW_VERDICT_CONVICTED);
	struct cw_id a;
	struct cw_undo_info info;
	struct cw_error err;
	size_t steps;

	ck_assert_uint_eq(charge_state(&c, &steps), CW_CHARGE_CONVICTED_UNSTATED);
	ck_assert_uint_eq(steps, 1);
	a = add_ruling(&p, &c, "2024-01-10", CW_MS_APPEAL_DECIDED, CW_VERDICT_OVERTURNED);
	ck_assert_uint_eq(charge_state(&c, &steps), CW_CHARGE_OVERTURNED);
	ck_assert_uint_eq(steps, 2);
	/* The verdict's notes: the same ruling, the history as it was. */
	edit_ruling(&v, "read out in court", 0);
	ck_assert_uint_eq(charge_state(&c, &steps), CW_CHARGE_OVERTURNED);
	ck_assert_uint_eq(steps, 2);
	/* The appeal decision deleted: convicted again, as the verdict left it. */
	ck_assert_msg(cw_store_delete(st, &a, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(charge_state(&c, &steps), CW_CHARGE_CONVICTED_UNSTATED);
	ck_assert_uint_eq(steps, 1);
	/* The verdict corrected: acquitted, one ruling. */
	edit_ruling(&v, NULL, CW_VERDICT_ACQUITTED);
	ck_assert_uint_eq(charge_state(&c, &steps), CW_CHARGE_ACQUITTED);
	ck_assert_uint_eq(steps, 1);
	/* The verdict deleted: charged, as logged. */
	ck_assert_msg(cw_store_delete(st, &v, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(charge_state(&c, &steps), CW_CHARGE_CHARGED);
	ck_assert_uint_eq(steps, 0);
	/* Undo takes the deletion and what it took back together. */
	ck_assert_msg(cw_store_undo(st, NULL, &info, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(charge_state(&c, &steps), CW_CHARGE_ACQUITTED);
	ck_assert_uint_eq(steps, 1);
}
END_TEST

START_TEST(failed_action_writes_nothing)
{
	struct cw_error err;
	struct cw_record r;
	struct cw_id p = add_person("Eng Sroy", NULL), c;

	ck_assert_int_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 1);
	ck_assert_int_eq(cw_store_write(st, fail_after_put_fn, NULL, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "second");
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 1);
	/* A hearing naming a case that does not exist is refused whole. */
	cw_record_init(&r, CW_KIND_HEARING);
	cw_id_from_ref("no-such-case", &r.u.hearing.case_id);
	r.u.hearing.date = D("2024-01-01");
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "case");
	ck_assert(cw_id_is_zero(&r.id));
	/* ... and naming a person where a case belongs too. */
	r.u.hearing.case_id = p;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), CW_EINVAL);
	ck_assert(strstr(err.message, "is not a case") != NULL);
	/* The kinds found while checking references are kept (store/kinds.c), but not those
	 * found in a write that failed: the case it wrote is not there. */
	ck_assert_int_eq(cw_store_write(st, case_then_fail_fn, &c, &err), CW_EINVAL);
	memset(&r.id, 0, sizeof r.id);
	r.u.hearing.case_id = c;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), CW_EINVAL);
	ck_assert(strstr(err.message, "no case with id") != NULL);
	cw_record_free(&r);
	ck_assert_uint_eq(count("", CW_KINDS_EVENTS), 0);
}
END_TEST

/* Verify's problems, each a failure of the test. */
static void no_problem(void *ctx, const char *problem)
{
	(void)ctx;
	ck_abort_msg("verify: %s", problem);
}

START_TEST(one_write_reads_its_own_index_changes)
{
	struct cw_error err;
	struct cw_verify_stats stats;

	ck_assert_msg(cw_store_write(st, reads_own_writes_fn, NULL, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(count("article:307 kind:hearing", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:494", CW_KINDS_EVENTS | CW_KIND_BIT(CW_KIND_CASE)), 0);
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 2);
	ck_assert_int_eq(cw_store_verify(st, no_problem, NULL, &stats, &err), 0);
	ck_assert_uint_eq(stats.problems, 0);
}
END_TEST

/* One write larger than what it keeps: more cases than the case table holds, more court and
 * province names than the tag memo keeps before it starts again, names that differ in one
 * character, cases changed after their hearings were indexed, hearings of cases kept and of
 * cases not kept. verify computes every key again without either. A multiple of 30, so that
 * the counts below are whole (every third case changed, every fifth the government's). */
enum { MANY_CASES = (CW_CASES_KEPT_MOST / 30 + 15) * 30 };

static struct cw_id many_case_ids[MANY_CASES];

static void many_case(struct cw_record *c, const struct cw_id *person, int i, int changed)
{
	char title[32], court[32], article[8];

	snprintf(title, sizeof title, "Case %d", i);
	snprintf(court, sizeof court, "Court %d", (i * 7 + changed * 11) % 600);
	snprintf(article, sizeof article, "%d", changed ? 305 : 494 + i % 2);
	case_record(c, title, court, person, article);
	snprintf(court, sizeof court, "Province %d", (i + changed) % 300);
	c->u.kase.court_province = strdup(court);
	if (i % 5 == 0)
		c->view = CW_VIEW_GOVERNMENT;
}

static int many_hearing(struct cw_txn *txn, int i, const char *date, struct cw_error *err)
{
	struct cw_record h;
	int rc;

	cw_record_init(&h, CW_KIND_HEARING);
	h.u.hearing.case_id = many_case_ids[i];
	h.u.hearing.date = D(date);
	rc = cw_txn_put(txn, &h, CW_PUT_NEW, NULL, err);
	cw_record_free(&h);
	return rc;
}

static int many_cases_fn(struct cw_txn *txn, void *ctx, struct cw_error *err)
{
	struct cw_record p, c;
	int rc;

	(void)ctx;
	cw_record_init(&p, CW_KIND_PERSON);
	p.u.person.name = strdup("Many Cases");
	ck_assert_int_eq(cw_txn_put(txn, &p, CW_PUT_NEW, NULL, err), 0);
	for (int i = 0; i < MANY_CASES; i++) {
		many_case(&c, &p.id, i, 0);
		require_msg(cw_txn_put(txn, &c, CW_PUT_NEW, NULL, err) == 0, "case %d: %s: %s", i,
			    err->field, err->message);
		many_case_ids[i] = c.id;
		cw_record_free(&c);
		if ((rc = many_hearing(txn, i, "2024-01-01", err)) != 0)
			return rc;
	}
	for (int i = 0; i < MANY_CASES; i++)
		if ((rc = many_hearing(txn, (i * 31) % MANY_CASES, "2024-01-02", err)) != 0)
			return rc;
	for (int i = 0; i < MANY_CASES; i += 3) {
		many_case(&c, &p.id, i, 1);
		c.id = many_case_ids[i];
		rc = cw_txn_put(txn, &c, 0, NULL, err);
		cw_record_free(&c);
		if (rc != 0 ||
		    (rc = many_hearing(txn, (i * 17) % MANY_CASES, "2024-01-03", err)) != 0)
			return rc;
	}
	cw_record_free(&p);
	return 0;
}

START_TEST(one_large_write_keeps_every_key_right)
{
	struct cw_error err;
	struct cw_verify_stats stats;

	ck_assert_msg(cw_store_write(st, many_cases_fn, NULL, &err) == 0, "%s", err.message);
	ck_assert_uint_gt(MANY_CASES, CW_CASES_KEPT_MOST);
	ck_assert_uint_eq(count("kind:hearing", CW_KINDS_EVENTS), 2 * MANY_CASES + MANY_CASES / 3);
	/* Every third case was changed to 305 after two of its hearings were indexed, and got a
	 * third hearing after; the others keep 494 or 495 and two hearings each. */
	ck_assert_uint_eq(count("article:305 kind:hearing", CW_KINDS_EVENTS), MANY_CASES);
	ck_assert_uint_eq(count("article:494 kind:hearing", CW_KINDS_EVENTS), 2 * MANY_CASES / 3);
	ck_assert_uint_eq(count("article:495 kind:hearing", CW_KINDS_EVENTS), 2 * MANY_CASES / 3);
	ck_assert_uint_eq(
		count("article:305 kind:case account:government", CW_KIND_BIT(CW_KIND_CASE)),
		MANY_CASES / 15);
	ck_assert_int_eq(cw_store_verify(st, no_problem, NULL, &stats, &err), 0);
	ck_assert_uint_eq(stats.problems, 0);
}
END_TEST

START_TEST(one_write_keeps_its_cases_up_to_date)
{
	struct cw_error err;
	struct cw_verify_stats stats;

	ck_assert_msg(cw_store_write(st, keeps_cases_fn, NULL, &err) == 0, "%s", err.message);
	/* Three hearings of the changed case, under its new charge and court only. */
	ck_assert_uint_eq(count("article:307 kind:hearing", CW_KINDS_EVENTS), 3);
	ck_assert_uint_eq(count("court:kandal kind:hearing", CW_KINDS_EVENTS), 3);
	ck_assert_uint_eq(count("court:\"phnom penh municipal\" kind:hearing", CW_KINDS_EVENTS), 1);
	ck_assert_uint_eq(count("article:494 kind:hearing", CW_KINDS_EVENTS), 1);
	/* The same article's tag differs by the account it is filed under. */
	ck_assert_uint_eq(count("article:494 kind:case", CW_KIND_BIT(CW_KIND_CASE)), 0);
	ck_assert_uint_eq(
		count("article:494 kind:case account:government", CW_KIND_BIT(CW_KIND_CASE)), 1);
	ck_assert_uint_eq(count("article:307 kind:case", CW_KIND_BIT(CW_KIND_CASE)), 1);
	/* verify computes every key again without anything kept. */
	ck_assert_int_eq(cw_store_verify(st, no_problem, NULL, &stats, &err), 0);
	ck_assert_uint_eq(stats.problems, 0);
}
END_TEST

/* The order index changes are written in, against the plainest sort there is: insertion by
 * the rule (table, key bytes, shorter first, then the order gathered), over changes shaped
 * like the store's: keys sharing 8-20 first bytes (a court's tag, a person), keys that are
 * prefixes of others or end in zeros, keys alike but for one byte, the same key removed and
 * added again. */
static const uint8_t *sort_ops_buf;

static int sort_rule(size_t a, size_t b)
{
	const uint8_t *x = sort_ops_buf + a, *y = sort_ops_buf + b;
	size_t lx = x[2], ly = y[2];
	int c;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	if ((c = memcmp(x + 3, y + 3, lx < ly ? lx : ly)) != 0)
		return c;
	if (lx != ly)
		return lx < ly ? -1 : 1;
	return a < b ? -1 : a > b; /* offsets grow in the order gathered */
}

START_TEST(index_changes_sort_by_table_key_and_order)
{
	enum { N = 3000 };
	struct cw_buf ops = {0};
	size_t offs[N], *order, n;
	uint64_t rng = 0x9e3779b97f4a7c15u;

	for (int i = 0; i < N; i++) {
		uint8_t e[3 + 40];
		size_t len;

		rng = rng * 6364136223846793005u + 1442695040888963407u;
		e[0] = (uint8_t)(rng >> 60 & 3);    /* four tables */
		e[1] = (uint8_t)(rng >> 59 & 1);    /* add or remove */
		len = (size_t)(rng >> 40 & 31) + 1; /* 1-32 bytes */
		/* The first bytes from a few shared prefixes, the rest varied and often zero. */
		for (size_t k = 0; k < len; k++) {
			rng = rng * 6364136223846793005u + 1442695040888963407u;
			e[3 + k] = k < 8 + (rng >> 62) * 4 ? (uint8_t)(0x30 + (i % 3))
							   : (uint8_t)((rng >> 56) % 3);
		}
		e[2] = (uint8_t)len;
		if (i % 5 == 4) {
			/* Keys alike but for one byte past the first word: sorted by one pass. */
			e[0] = 3;
			len = 20;
			memset(e + 3, 'Z', len);
			e[3 + 10] = (uint8_t)(rng >> 50 & 7);
			e[2] = (uint8_t)len;
		}
		if (i % 7 == 6) /* the same key as a change before it */
			memcpy(e, ops.data + offs[i - 3], 3 + ops.data[offs[i - 3] + 2]), e[1] ^= 1;
		offs[i] = ops.len;
		require_msg(cw_buf_append(&ops, e, 3 + e[2]) == 0, "out of memory");
	}
	ck_assert_int_eq(cw_index_ops_sorted(ops.data, ops.len, &order, &n), 0);
	ck_assert_uint_eq(n, N);
	/* The plain sort, by insertion. */
	sort_ops_buf = ops.data;
	for (size_t i = 1; i < N; i++) {
		size_t v = offs[i], j = i;

		for (; j > 0 && sort_rule(offs[j - 1], v) > 0; j--)
			offs[j] = offs[j - 1];
		offs[j] = v;
	}
	for (size_t i = 0; i < N; i++)
		require_msg(order[i] == offs[i], "change %zu: offset %zu, the rule says %zu", i,
			    order[i], offs[i]);
	free(order);
	cw_buf_free(&ops);
}
END_TEST

/* A reference to a record that is not there, or not of its kind, is refused, naming the field
 * and where it sits in the record; nothing is written. */
START_TEST(bad_references_name_their_field)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	struct cw_id p = add_person("Koeut Saray", NULL), nobody;
	struct cw_id c = add_case("Saray", &p, "494/495", NULL, "2024-04-05");
	struct cw_defendant *d;
	struct cw_record r;
	struct cw_error err;
	char hex[CW_ID_HEX_LEN + 1];

	memset(nobody.b, 0x5a, sizeof nobody.b);
	cw_id_hex(&nobody, hex);
	cw_record_init(&r, CW_KIND_CASE);
	r.u.kase.title = strdup("Two defendants");
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = p;
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = nobody;
	ck_assert_int_eq(cw_store_put(st, &r, CW_PUT_NEW, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "defendants[2].person");
	ck_assert(strstr(err.message, "no person with id") && strstr(err.message, hex));
	((struct cw_defendant *)r.u.kase.defendants.items)[1].person = c;
	ck_assert_int_eq(cw_store_put(st, &r, CW_PUT_NEW, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "defendants[2].person");
	ck_assert(strstr(err.message, "is not a person"));
	cw_record_free(&r);

	cw_record_init(&r, CW_KIND_HEARING);
	r.u.hearing.case_id = p;
	r.u.hearing.date = D("2024-05-01");
	ck_assert_int_eq(cw_store_put(st, &r, CW_PUT_NEW, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "case");
	ck_assert(strstr(err.message, "is not a case"));
	cw_record_free(&r);
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_CASE) | CW_KINDS_EVENTS), 1);
}
END_TEST

START_TEST(delete_refused_while_named)
{
	struct cw_id p = add_person("Koeut Saray", NULL);
	struct cw_id c = add_case("Saray", &p, "494/495", NULL, "2024-04-05");
	struct cw_id h = add_hearing(&c, "2024-05-01", NULL);
	struct cw_error err;
	struct cw_audit_entry *log;
	size_t n;

	ck_assert_int_eq(cw_store_delete(st, &p, &err), CW_EREFUSED);
	ck_assert(strstr(err.message, "named by") != NULL);
	ck_assert_int_eq(cw_store_delete(st, &c, &err), CW_EREFUSED);
	ck_assert_int_eq(cw_store_delete(st, &h, &err), 0);
	ck_assert_int_eq(cw_store_delete(st, &c, &err), 0);
	ck_assert_int_eq(cw_store_delete(st, &p, &err), 0);
	ck_assert_uint_eq(count("", CW_KINDS_EVENTS | CW_KIND_BIT(CW_KIND_CASE) |
					    CW_KIND_BIT(CW_KIND_PERSON)),
			  0);
	ck_assert_uint_eq(count("article:494", CW_KIND_BIT(CW_KIND_CASE)), 0);
	ck_assert_int_eq(cw_store_delete(st, &p, &err), CW_ENOTFOUND);
	ck_assert_int_eq(cw_store_audit(st, 0, 0, &log, &n, &err), 0);
	ck_assert_uint_eq(n, 6);
	ck_assert_int_eq(log[5].action, CW_AUDIT_DELETE);
	ck_assert_str_eq(log[5].author, "tester");
	free(log);
}
END_TEST

/* n people of Kampong Cham with long names: enough, at 600, to outgrow a map of 64 KiB. */
static void add_many_people(int n)
{
	for (int i = 0; i < n; i++) {
		char name[64];

		snprintf(name, sizeof name, "Person number %d with a long enough name", i);
		add_person(name, "Kampong Cham");
	}
}

START_TEST(map_grows_when_full)
{
	struct cw_error err;
	size_t before;

	cw_store_close(st);
	rm_tree(dir);
	dir = make_temp_dir();
	st = open_store(64 * 1024); /* deliberately tiny */
	before = cw_store_map_size(st);
	add_many_people(600);
	ck_assert_uint_gt(cw_store_map_size(st), before);
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 600);
	ck_assert_uint_eq(count("province:kampong", CW_KIND_BIT(CW_KIND_PERSON)), 600);
	/* Room made ahead of a large write: at least that much beyond the pages in use, and a
	 * smaller request changes nothing. */
	before = cw_store_map_size(st);
	ck_assert_int_eq(cw_store_reserve(st, (uint64_t)64 << 20, &err), 0);
	ck_assert_uint_ge(cw_store_map_size(st), (size_t)64 << 20);
	before = cw_store_map_size(st);
	ck_assert_int_eq(cw_store_reserve(st, 4096, &err), 0);
	ck_assert_uint_eq(cw_store_map_size(st), before);
	add_person("After the reserve", NULL);
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 601);
}
END_TEST

/* The file's length and the bytes of its pages in use, read with LMDB itself. */
static void file_and_used(off_t *file, off_t *used)
{
	char path[4096];
	struct stat sb;
	MDB_env *env;
	MDB_envinfo info;
	MDB_stat ms;

	snprintf(path, sizeof path, "%s/data.mdb", dir);
	ck_assert_int_eq(stat(path, &sb), 0);
	*file = sb.st_size;
	ck_assert_int_eq(mdb_env_create(&env), 0);
	ck_assert_int_eq(mdb_env_open(env, dir, MDB_RDONLY, 0600), 0);
	mdb_env_info(env, &info);
	mdb_env_stat(env, &ms);
	*used = (off_t)(info.me_last_pgno + 1) * ms.ms_psize;
	mdb_env_close(env);
}

/* A bulk store (pages written in place) grows its map as any other does, and its file is cut
 * back to the pages in use when it closes. */
START_TEST(bulk_store_grows_and_gives_back)
{
	struct cw_store_options opt = {.map_size = 64 * 1024, .author = "tester", .bulk = 1};
	struct cw_error err;
	size_t before;
	off_t file, used;

	cw_store_close(st);
	test_key_options(&opt, dir);
	ck_assert_msg(cw_store_open(dir, &opt, &st, &err) == 0, "%s", err.message);
	before = cw_store_map_size(st);
	add_many_people(600);
	ck_assert_uint_gt(cw_store_map_size(st), before);
	ck_assert_uint_eq(count("province:kampong", CW_KIND_BIT(CW_KIND_PERSON)), 600);
	ck_assert_int_eq(cw_store_reserve(st, (uint64_t)32 << 20, &err), 0);
	cw_store_close(st);
	file_and_used(&file, &used);
	ck_assert_int_eq(file, used);
	st = open_store(0);
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 600);
}
END_TEST

/* While a bulk writer maps the file, a child holds LMDB's writer lock: a writer in another
 * process waits until it is let go, and then saves. */
/* ---- what signed audit entries vouch for (audit.c) ------------------------------------------ */

/* A made-up entry hash: n in its first bytes (a lookup takes 16), the rest a pattern. */
static void made_hash(unsigned n, uint8_t out[CW_AUDIT_HASH_BYTES])
{
	memset(out, 0xA5, CW_AUDIT_HASH_BYTES);
	out[0] = (uint8_t)(n >> 16);
	out[1] = (uint8_t)(n >> 8);
	out[2] = (uint8_t)n;
}

/* Entry n of a made-up log follows entry n - 1: unsigned ones are added, signed ones vouch. */
static void cover_unsigned(struct cw_audit_cover *c, unsigned n, const struct cw_id *db)
{
	uint8_t h[CW_AUDIT_HASH_BYTES], p[CW_AUDIT_HASH_BYTES];

	made_hash(n, h);
	made_hash(n - 1, p);
	require_msg(cw_audit_cover_add(c, h, p, db) == 0, "entry %u", n);
}

static void cover_signed(struct cw_audit_cover *c, unsigned n)
{
	uint8_t p[CW_AUDIT_HASH_BYTES];

	made_hash(n - 1, p);
	cw_audit_cover_walk(c, p);
}

/* A signed entry vouches for the unsigned ones before it, however they came: in order (held
 * as one run, whatever its length), in any order, two logs at once; and not for one after it,
 * one that comes after it, or one that leads to it only through an entry that is missing. */
START_TEST(signed_entries_vouch_for_the_run_before)
{
	static const unsigned shuffled[] = {14, 15, 11, 12, 16, 13, 18, 17};
	struct cw_id a, b;
	struct cw_audit_cover c;
	struct cw_error err;

	memset(&a, 0xAA, sizeof a);
	memset(&b, 0xBB, sizeof b);
	/* One transaction's 100,000 entries, then its signed one: one run held, never more. */
	memset(&c, 0, sizeof c);
	for (unsigned n = 1001; n <= 101000; n++)
		cover_unsigned(&c, n, &a);
	ck_assert_uint_eq(c.open, 100000);
	ck_assert_uint_eq(c.most, 1);
	ck_assert_int_eq(cw_audit_cover_check(&c, &err), CW_EDAMAGED);
	ck_assert_msg(strstr(err.message, "100000 audit entries of database aaaaaaaa") != NULL,
		      "%s", err.message);
	cover_signed(&c, 101001);
	ck_assert_uint_eq(c.open, 0);
	ck_assert_int_eq(cw_audit_cover_check(&c, &err), 0);
	cw_audit_cover_free(&c);

	/* Out of order: the runs join as the entries between them come. */
	memset(&c, 0, sizeof c);
	for (size_t i = 0; i < sizeof shuffled / sizeof shuffled[0]; i++)
		cover_unsigned(&c, shuffled[i], &a);
	ck_assert_uint_eq(c.n, 1);
	ck_assert_uint_le(c.most, 3);
	cover_signed(&c, 19);
	ck_assert_int_eq(cw_audit_cover_check(&c, &err), 0);
	cw_audit_cover_free(&c);

	/* Two logs at once, each with its own signature. */
	memset(&c, 0, sizeof c);
	for (unsigned n = 1; n <= 50; n++) {
		cover_unsigned(&c, n, &a);
		cover_unsigned(&c, 200000 + n, &b);
	}
	ck_assert_uint_eq(c.most, 2);
	cover_signed(&c, 51);
	ck_assert_int_eq(cw_audit_cover_check(&c, &err), CW_EDAMAGED);
	ck_assert_msg(strstr(err.message, "50 audit entries of database bbbbbbbb") != NULL, "%s",
		      err.message);
	cover_signed(&c, 200051);
	ck_assert_int_eq(cw_audit_cover_check(&c, &err), 0);
	cw_audit_cover_free(&c);

	/* A signature after entry 2 of 1..3 leaves 3 with none (and the run is refused). */
	memset(&c, 0, sizeof c);
	for (unsigned n = 1; n <= 3; n++)
		cover_unsigned(&c, n, &a);
	cover_signed(&c, 3); /* follows entry 2 */
	ck_assert_int_eq(cw_audit_cover_check(&c, &err), CW_EDAMAGED);
	cw_audit_cover_free(&c);

	/* An entry that comes after the signature behind it is vouched for by none. */
	memset(&c, 0, sizeof c);
	cover_unsigned(&c, 2, &a);
	cover_signed(&c, 3);
	ck_assert_int_eq(cw_audit_cover_check(&c, &err), 0);
	cover_unsigned(&c, 1, &a);
	ck_assert_int_eq(cw_audit_cover_check(&c, &err), CW_EDAMAGED);
	cw_audit_cover_free(&c);

	/* With entry 2 missing, the signature after 3 vouches for 3 alone. */
	memset(&c, 0, sizeof c);
	cover_unsigned(&c, 1, &a);
	cover_unsigned(&c, 3, &a);
	cover_signed(&c, 4);
	ck_assert_uint_eq(c.open, 1);
	ck_assert_int_eq(cw_audit_cover_check(&c, &err), CW_EDAMAGED);
	cw_audit_cover_free(&c);
}
END_TEST

/* A log that went on twice from one signed entry (a database restored from a backup): each
 * branch needs its own signature. */
START_TEST(each_branch_of_a_log_needs_its_signature)
{
	uint8_t h[CW_AUDIT_HASH_BYTES], p[CW_AUDIT_HASH_BYTES];
	struct cw_audit_cover c;
	struct cw_error err;
	struct cw_id a;

	memset(&a, 0xAA, sizeof a);
	for (int signed_both = 0; signed_both < 2; signed_both++) {
		memset(&c, 0, sizeof c);
		/* 10 (signed, held) -> 11 -> 12, and 10 -> 500 -> 501. */
		cover_unsigned(&c, 11, &a);
		cover_unsigned(&c, 12, &a);
		made_hash(10, p);
		made_hash(500, h);
		ck_assert_int_eq(cw_audit_cover_add(&c, h, p, &a), 0);
		cover_unsigned(&c, 501, &a);
		ck_assert_uint_eq(c.n, 2);
		cover_signed(&c, 502);
		if (signed_both)
			cover_signed(&c, 13);
		ck_assert_int_eq(cw_audit_cover_check(&c, &err), signed_both ? 0 : CW_EDAMAGED);
		cw_audit_cover_free(&c);
	}
}
END_TEST

START_TEST(bulk_hold_keeps_writers_waiting)
{
	struct cw_writer_hold h;
	int status = -1;
	pid_t writer;

	ck_assert_int_eq(cw_bulk_hold_writers(dir, &h), 0);
	if ((writer = fork()) == 0) {
		struct cw_store *mine = NULL;
		struct cw_store_options opt = {.author = "writer"};
		struct cw_record r;
		struct cw_error err;
		int rc;

		test_key_options(&opt, dir);
		if (cw_store_open(dir, &opt, &mine, &err) != 0)
			_exit(2);
		cw_record_init(&r, CW_KIND_PERSON);
		r.u.person.name = strdup("Written While Held");
		rc = cw_store_put(mine, &r, CW_PUT_NEW, &err);
		cw_record_free(&r);
		cw_store_close(mine);
		_exit(rc == 0 ? 0 : 3);
	}
	ck_assert_int_gt(writer, 0);
	usleep(300 * 1000);
	ck_assert_int_eq(waitpid(writer, &status, WNOHANG), 0); /* still waiting */
	cw_bulk_release_writers(&h);
	ck_assert_int_eq(waitpid(writer, &status, 0), writer);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	cw_store_close(st);
	st = open_store(0);
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 1);
}
END_TEST

START_TEST(find_id_prefix_and_resolve_names)
{
	struct cw_id a = add_person("Sam Rainsy", NULL), got;
	struct cw_record_list cands = {0};
	struct cw_error err;
	char hex[CW_ID_HEX_LEN + 1];

	add_person("Sam Rainsy Junior", NULL);
	add_person("Rong Chhun", NULL);
	cw_id_hex(&a, hex);
	hex[10] = '\0';
	ck_assert_int_eq(cw_store_find_id(st, hex, &got, &err), 0);
	ck_assert(cw_id_equal(&a, &got));
	ck_assert_int_eq(cw_store_find_id(st, "zzzzzz", &got, &err), CW_EINVAL);
	/* An exact name wins over a longer one that contains it. */
	ck_assert_int_eq(cw_store_resolve(st, CW_KIND_PERSON, "sam rainsy", &got, NULL, &err), 0);
	ck_assert(cw_id_equal(&a, &got));
	ck_assert_int_eq(cw_store_resolve(st, CW_KIND_PERSON, "Chhun", &got, NULL, &err), 0);
	ck_assert_int_eq(cw_store_resolve(st, CW_KIND_PERSON, "Sam", &got, &cands, &err),
			 CW_EAMBIGUOUS);
	ck_assert_uint_eq(cands.n, 2);
	cw_record_list_free(&cands);
	ck_assert_int_eq(cw_store_resolve(st, CW_KIND_PERSON, "Nobody", &got, NULL, &err),
			 CW_ENOTFOUND);
}
END_TEST

/* New ids follow this database's sequence: each goes after the last (so the records table
 * appends) and the 8 hex digits people read differ from one record to the next; the sequence
 * survives closing the store. */
START_TEST(new_ids_follow_the_sequence)
{
	struct cw_id ids[4];
	char a[CW_ID_HEX_LEN + 1], b[CW_ID_HEX_LEN + 1];

	ids[0] = add_person("First", NULL);
	ids[1] = add_person("Second", NULL);
	cw_store_close(st);
	st = open_store(0);
	ids[2] = add_person("Third", NULL);
	ids[3] = add_person("Fourth", NULL);
	for (int i = 0; i < 3; i++) {
		uint32_t x = (uint32_t)ids[i].b[0] << 24 | (uint32_t)ids[i].b[1] << 16 |
			     (uint32_t)ids[i].b[2] << 8 | ids[i].b[3];
		uint32_t y = (uint32_t)ids[i + 1].b[0] << 24 | (uint32_t)ids[i + 1].b[1] << 16 |
			     (uint32_t)ids[i + 1].b[2] << 8 | ids[i + 1].b[3];

		ck_assert_uint_eq(y, x + 1);
		cw_id_hex(&ids[i], a);
		cw_id_hex(&ids[i + 1], b);
		ck_assert(strncmp(a, b, 8) != 0);
		/* The rest is random: two records never share it. */
		ck_assert(memcmp(ids[i].b + 4, ids[i + 1].b + 4, 12) != 0);
	}
}
END_TEST

START_TEST(names_dictionary_for_pickers)
{
	struct cw_id p = add_person("Someone", NULL);
	char **names;
	size_t n;
	struct cw_error err;

	add_case("A", &p, "494", "Phnom Penh Court of First Instance", "2023");
	add_case("B", &p, "494", "phnom penh court of first instance", "2023");
	add_case("C", &p, "494", "Court of Appeal", "2023");
	ck_assert_int_eq(cw_store_names(st, CW_NAME_COURT, NULL, &names, &n, &err), 0);
	ck_assert_uint_eq(n, 2); /* the same court in other case is one name */
	cw_store_names_free(names, n);
	ck_assert_int_eq(cw_store_names(st, CW_NAME_COURT, "appeal", &names, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(names[0], "Court of Appeal");
	cw_store_names_free(names, n);
}
END_TEST

START_TEST(reader_and_writer_processes_at_once)
{
	int ready[2], go[2];
	pid_t child;
	int status;
	char byte = 0;
	struct cw_filter f;
	struct cw_record_list l;
	struct cw_error err;

	/* The environment must not cross fork(): close it, and each process opens its own. */
	cw_store_close(st);
	st = NULL;
	ck_assert_int_eq(pipe(ready), 0);
	ck_assert_int_eq(pipe(go), 0);
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		st = open_store(0);
		if (read(go[0], &byte, 1) != 1)
			_exit(3);
		for (int i = 0; i < 50; i++) {
			char name[32];

			snprintf(name, sizeof name, "Writer %d", i);
			add_person(name, NULL);
		}
		cw_store_close(st);
		_exit(0);
	}
	st = open_store(0);
	/* A read in progress in this process while the other one writes. */
	cw_filter_init(&f);
	ck_assert_int_eq(write(go[1], &byte, 1), 1);
	for (int i = 0; i < 20; i++) {
		ck_assert_int_eq(cw_store_list(st, &f, CW_KIND_BIT(CW_KIND_PERSON),
					       CW_ORDER_NEWEST_FIRST, 0, 0, &l, &err),
				 0);
		ck_assert_uint_le(l.n, 50);
		cw_record_list_free(&l);
	}
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 50);
	close(ready[0]);
	close(ready[1]);
	close(go[0]);
	close(go[1]);
}
END_TEST

/* A case's records between two dates, by date order: the report's hearings to come read only
 * those that can supersede a next date (report/report.c, drop_superseded). A date given to the
 * month sorts before its first day. */
START_TEST(case_records_between_two_dates)
{
	struct cw_id p = add_person("Between Dates", NULL);
	struct cw_id kase = add_case("Dated case", &p, "494", NULL, "2023-01-01");
	struct cw_id other = add_case("Other case", &p, "494", NULL, "2023-01-01");
	struct cw_record_list l;
	struct cw_reader *rd;
	struct cw_error err;
	char date[CW_DATE_TEXT_MAX];

	add_hearing(&kase, "2023-01-10", NULL);
	add_hearing(&kase, "2023-02", NULL);
	add_hearing(&kase, "2023-02-15", NULL);
	add_hearing(&kase, "2023-03-01", NULL);
	add_hearing(&other, "2023-02-01", NULL);
	ck_assert_int_eq(cw_store_reader_begin(st, &rd, &err), 0);
	ck_assert_int_eq(cw_reader_case_records_between(rd, &kase, CW_KIND_BIT(CW_KIND_HEARING),
							D("2023-01-10"), D("2023-02-28"), &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 3);
	cw_date_format(l.items[1].u.hearing.date, date);
	ck_assert_str_eq(date, "2023-02");
	cw_record_list_free(&l);
	ck_assert_int_eq(cw_reader_case_records_between(rd, &kase, CW_KIND_BIT(CW_KIND_HEARING),
							D("2023-01-11"), D("2023-02-14"), &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 1);
	cw_record_list_free(&l);
	ck_assert_int_eq(cw_reader_case_records_between(rd, &kase, CW_KIND_BIT(CW_KIND_HEARING),
							D("2023-03-02"), D("2023-01-01"), &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 0);
	cw_record_list_free(&l);
	ck_assert_int_eq(cw_reader_case_records(rd, &kase, CW_KIND_BIT(CW_KIND_HEARING), &l, &err),
			 0);
	ck_assert_uint_eq(l.n, 4);
	cw_record_list_free(&l);
	cw_reader_end(rd);
}
END_TEST

/* A command that replaces data.mdb (compact, encrypt) holds the database alone from its last
 * check to the rename: a store opened elsewhere meanwhile waits, then writes into the new file.
 * (Without the wait, a person added between the check and the rename went into the old file and
 * was lost: seen beside a bulk import's compaction.) The hold is refused while a store is open,
 * and the open that waited finds the file the hold left. */
START_TEST(an_open_waits_for_a_replacement_of_the_file)
{
	struct cw_store_alone alone;
	struct cw_compact_stats stats;
	struct cw_error err;
	pid_t child;
	long pid;
	int status, waited;

	add_person("Before The Hold", NULL);
	/* Refused while this process has the store open (as any other process would be). */
	ck_assert_int_eq(cw_store_alone_begin(dir, &alone, &pid, &err), 1);
	ck_assert_int_eq(alone.fd, -1);
	cw_store_close(st);
	st = NULL;
	ck_assert_int_eq(cw_store_alone_begin(dir, &alone, &pid, &err), 0);
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		close(alone.fd); /* the hold is the parent's (a flock goes with the descriptor) */
		st = open_store(0);
		add_person("During The Hold", NULL);
		cw_store_close(st);
		_exit(0);
	}
	/* The child waits in its open for as long as the hold lasts. */
	usleep(400 * 1000);
	waited = waitpid(child, &status, WNOHANG) == 0;
	/* The file is replaced meanwhile, as compact does: here by a copy of itself. */
	{
		char from[4200], to[4200], cmd[9000];

		snprintf(from, sizeof from, "%s/data.mdb", dir);
		snprintf(to, sizeof to, "%s/data.mdb.new", dir);
		snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
		ck_assert_int_eq(system(cmd), 0);
		ck_assert_int_eq(rename(to, from), 0);
	}
	cw_store_alone_end(&alone);
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_msg(waited, "a store opened while the database was held did not wait");
	st = open_store(0);
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 2);
	/* compact itself is refused while a store is open, and works once it is closed. */
	ck_assert_int_eq(cw_store_compact(dir, &stats, &err), CW_EREFUSED);
	ck_assert_ptr_nonnull(strstr(err.message, "has"));
	cw_store_close(st);
	ck_assert_msg(cw_store_compact(dir, &stats, &err) == 0, "%s", err.message);
	st = open_store(0);
	ck_assert_uint_eq(count("", CW_KIND_BIT(CW_KIND_PERSON)), 2);
}
END_TEST

/* A new encrypted store beside the plain one: in dir/enc, with `id` (the plain one's). */
static struct cw_store *open_encrypted(const char *sub, const struct cw_id *id)
{
	struct cw_store_options opt = {.author = "tester", .create = 1};
	struct cw_store *s = NULL;
	struct cw_vault *v = NULL;
	struct cw_error err;
	char path[4200];

	snprintf(path, sizeof path, "%s/%s", dir, sub);
	ck_assert_msg(cw_vault_new(&v, &err) == 0, "%s", err.message);
	opt.vault = v;
	opt.database_id = id;
	ck_assert_msg(cw_store_open(path, &opt, &s, &err) == 0, "%s", err.message);
	return s;
}

static size_t count_in(struct cw_store *s, const char *line, uint32_t kinds)
{
	struct cw_store *saved = st;
	size_t n;

	st = s;
	n = count(line, kinds);
	st = saved;
	return n;
}

/* The copy holds the same records (same encodings, headers and all), deletions and audit
 * entries, and every index answers the same through the new key's tags; names keep the
 * spelling that was shown. */
START_TEST(copy_encrypted_keeps_everything)
{
	static const char *const spellings[] = {"Phnom Penh Court", "PHNOM PENH COURT",
						"phnom penh court", "Phnom  Penh Court",
						"phnom Penh court", "Phnom penh COURT"};
	static const char *const filters[] = {"",
					      "article:494",
					      "article:\"437 bis\"",
					      "court:phnom",
					      "province:phnom",
					      "person:Chhim"};
	struct cw_id p, id, c = {{0}}, h;
	struct cw_copy_stats stats;
	struct cw_audit_entry *a1, *a2;
	struct cw_record r1, r2;
	struct cw_store *enc;
	struct cw_error err;
	size_t n1, n2;
	char **names;

	/* The fixture's store is encrypted (tests/test_keys.h); this copy starts from a plain
	 * one, as `casewatch encrypt` does. Each test runs in its own process. */
	cw_store_close(st);
	rm_tree(dir);
	dir = make_temp_dir();
	setenv("CASEWATCH_TEST_PLAIN", "1", 1);
	st = open_store(0);
	p = add_person("Chhim Sithar", "Phnom Penh");
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++)
		c = add_case(spellings[i], &p, i % 2 ? "494/495" : "437 bis", spellings[i], "2023");
	h = add_hearing(&c, "2023-05-25", "verdict day");
	add_hearing(&c, "2023-06-01", "second");
	add_milestone(&p, &c, "2023-05-25", CW_MS_VERDICT);
	ck_assert_msg(cw_store_delete(st, &h, &err) == 0, "%s", err.message);
	cw_store_database_id(st, &id);
	enc = open_encrypted("enc", &id);
	ck_assert_msg(cw_store_copy_encrypted(st, enc, &stats, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(stats.records, 1 + 6 + 1 + 1);
	ck_assert_uint_eq(stats.tombstones, 1);
	ck_assert_uint_eq(stats.conflicts, 0);
	ck_assert_uint_eq(stats.audit, 1 + 6 + 2 + 1 + 1);
	/* Every record, header and version vector included. */
	ck_assert_int_eq(cw_store_get(st, &c, &r1, &err), 0);
	ck_assert_int_eq(cw_store_get(enc, &c, &r2, &err), 0);
	ck_assert_int_eq(r1.updated, r2.updated);
	ck_assert_str_eq(r1.author, r2.author);
	ck_assert_uint_eq(r1.versions.n, r2.versions.n);
	cw_record_free(&r1);
	cw_record_free(&r2);
	ck_assert_int_eq(cw_store_get(enc, &h, &r2, &err), CW_ENOTFOUND);
	/* Filters through tags: articles, courts, provinces, people, cases. */
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
		ck_assert_uint_eq(count_in(st, filters[i], 0xff), count_in(enc, filters[i], 0xff));
	ck_assert_uint_eq(count_in(enc, "article:494", CW_KIND_BIT(CW_KIND_CASE)), 3);
	/* The audit log, entry for entry. */
	ck_assert_int_eq(cw_store_audit(st, 0, 0, &a1, &n1, &err), 0);
	ck_assert_int_eq(cw_store_audit(enc, 0, 0, &a2, &n2, &err), 0);
	ck_assert_uint_eq(n1, n2);
	for (size_t i = 0; i < n1; i++) {
		ck_assert_uint_eq(a1[i].seq, a2[i].seq);
		ck_assert_int_eq(a1[i].time, a2[i].time);
		ck_assert_uint_eq(a1[i].action, a2[i].action);
		ck_assert_uint_eq(a1[i].kind, a2[i].kind);
		ck_assert(cw_id_equal(&a1[i].record, &a2[i].record));
		ck_assert(cw_id_equal(&a1[i].database, &a2[i].database));
		ck_assert_str_eq(a1[i].author, a2[i].author);
	}
	free(a1);
	free(a2);
	/* The court is one name, shown as it was first written, not as the copy met it. */
	ck_assert_int_eq(cw_store_names(enc, CW_NAME_COURT, NULL, &names, &n1, &err), 0);
	ck_assert_uint_eq(n1, 1);
	ck_assert_str_eq(names[0], spellings[0]);
	cw_store_names_free(names, n1);
	/* Nothing is copied twice, nor into a store of another id, nor from an encrypted one. */
	ck_assert_int_eq(cw_store_copy_encrypted(st, enc, &stats, &err), CW_EREFUSED);
	ck_assert_int_eq(cw_store_copy_encrypted(enc, enc, &stats, &err), CW_EINVAL);
	cw_store_close(enc);
	cw_id_random(&id);
	enc = open_encrypted("other", &id);
	ck_assert_int_eq(cw_store_copy_encrypted(st, enc, &stats, &err), CW_EINVAL);
	cw_store_close(enc);
}
END_TEST

/* A database whose records, deletion, names and audit log give the codec work: a person, a
 * case naming them under two articles, a hearing, a milestone and a hearing deleted. */
static void fill_for_oom(void)
{
	struct cw_id p = add_person("Chhim Sithar", "Phnom Penh"), c, h;
	struct cw_error err;

	c = add_case("Prosecutor v. Chhim Sithar", &p, "494/495", "Phnom Penh Court", "2023");
	h = add_hearing(&c, "2023-05-25", "verdict day");
	add_hearing(&c, "2023-06-01", "second");
	add_milestone(&p, &c, "2023-05-25", CW_MS_VERDICT);
	ck_assert_msg(cw_store_delete(st, &h, &err) == 0, "%s", err.message);
}

/* Verify with each allocation of the codec failing in turn (a record decoded, a value opened
 * into a buffer): out of memory, "out of memory", and not one problem, which would tell a
 * monitor the database is damaged (and advise a restore) when the laptop is short of memory.
 * With memory enough, no problem either. */
START_TEST(verify_out_of_memory_is_no_damage)
{
	int failed = 0;

	fill_for_oom();
	for (long at = 1;; at++) {
		struct problem_lines p = {"", 0};
		struct cw_verify_stats vs;
		struct cw_error err = {0};
		int rc;

		cw_failalloc_arm(at);
		rc = cw_store_verify(st, keep_problem, &p, &vs, &err);
		cw_failalloc_arm(0);
		ck_assert_msg(p.n == 0 && vs.problems == 0, "allocation %ld failing: %s", at,
			      p.text);
		if (rc == 0 && !cw_failalloc_fired())
			break;
		ck_assert_msg(rc == CW_ENOMEM, "allocation %ld failing: %d (%s)", at, rc,
			      err.message);
		ck_assert_str_eq(err.message, "out of memory");
		failed++;
	}
	ck_assert_int_gt(failed, 0);
}
END_TEST

/* The copy into an encrypted database with each allocation of the codec failing in turn (a
 * record of the plain one decoded to make its keys, the copy's decoded to check it, a value
 * sealed): out of memory, never "does not decode" and CW_EDAMAGED, which say the plain
 * database is damaged. With memory enough the copy is made. */
START_TEST(copy_encrypted_out_of_memory_is_no_damage)
{
	struct cw_copy_stats stats;
	struct cw_error err = {0};
	struct cw_store *enc;
	struct cw_id id;
	int failed = 0;

	cw_store_close(st);
	rm_tree(dir);
	dir = make_temp_dir();
	setenv("CASEWATCH_TEST_PLAIN", "1", 1);
	st = open_store(0);
	fill_for_oom();
	cw_store_database_id(st, &id);
	for (long at = 1;; at++) {
		char sub[32];
		int rc;

		snprintf(sub, sizeof sub, "enc%ld", at);
		enc = open_encrypted(sub, &id);
		cw_failalloc_arm(at);
		rc = cw_store_copy_encrypted(st, enc, &stats, &err);
		cw_failalloc_arm(0);
		cw_store_close(enc);
		if (rc == 0 && !cw_failalloc_fired())
			break;
		ck_assert_msg(rc == CW_ENOMEM && strstr(err.message, "out of memory") &&
				      !strstr(err.message, "decode"),
			      "allocation %ld failing: %d (%s)", at, rc, err.message);
		failed++;
	}
	ck_assert_int_gt(failed, 0);
}
END_TEST

/* An undo of a deletion with each allocation of the codec failing in turn (the deleted
 * record's content decoded from the note, the values sealed): out of memory, the case still
 * deleted and the undo still there to take, until memory is enough and the case is back. The
 * half-decoded content is freed (the sanitizers' build checks for the leak). */
START_TEST(undo_out_of_memory_writes_nothing)
{
	struct cw_id p = add_person("Chhim Sithar", "Phnom Penh"), c;
	struct cw_undo_info info;
	struct cw_record r;
	struct cw_error err = {0};
	int failed = 0;

	c = add_case("Prosecutor v. Chhim Sithar", &p, "494/495", "Phnom Penh Court", "2023");
	ck_assert_msg(cw_store_delete(st, &c, &err) == 0, "%s", err.message);
	for (long at = 1;; at++) {
		int rc;

		cw_failalloc_arm(at);
		rc = cw_store_undo(st, NULL, &info, &err);
		cw_failalloc_arm(0);
		if (rc == 0 && !cw_failalloc_fired())
			break;
		if (rc == 0) { /* one it does without (the label it names the undo by): again */
			ck_assert_msg(cw_store_delete(st, &c, &err) == 0, "%s", err.message);
			continue;
		}
		ck_assert_msg(rc == CW_ENOMEM, "allocation %ld failing: %d (%s)", at, rc,
			      err.message);
		ck_assert_int_eq(cw_store_get(st, &c, &r, &err), CW_ENOTFOUND);
		failed++;
	}
	ck_assert_int_gt(failed, 0);
	ck_assert_msg(cw_store_get(st, &c, &r, &err) == 0, "%s", err.message);
	cw_record_free(&r);
}
END_TEST

/* Another process that has the database open is seen (its lock on lock.mdb); every write
 * moves the last transaction on. */
/* Whether the file holds the bytes of text anywhere. */
static int file_contains(const char *path, const char *text)
{
	FILE *f = fopen(path, "rb");
	size_t len = 0, cap = 0, n, tlen = strlen(text);
	char *buf = NULL, chunk[65536];
	int found;

	ck_assert_ptr_nonnull(f);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (len + n > cap) {
			cap = (len + n) * 2;
			buf = realloc(buf, cap);
			ck_assert_ptr_nonnull(buf);
		}
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(f);
	found = buf && memmem(buf, len, text, tlen) != NULL;
	free(buf);
	return found;
}

/* Drafts: saved, read back, listed last saved first, saved again under the same id, deleted;
 * none of it is a record (no list or count sees it), and in an encrypted database a draft's
 * words are not in the file. */
START_TEST(drafts_are_kept_apart_and_wiped)
{
	struct cw_draft a = {0}, b = {0}, got, *all;
	struct cw_record_list l;
	struct cw_filter f;
	struct cw_error err;
	size_t n, count;
	char path[4200];

	a.kind = CW_KIND_HEARING;
	a.label = strdup("NagaWorld strike");
	a.body = strdup("{\"fields\":{\"notes\":\"zyxwvu secret words\"}}");
	ck_assert_int_eq(cw_store_draft_put(st, &a, &err), 0);
	ck_assert(!cw_id_is_zero(&a.id));
	b.kind = CW_KIND_VISIT;
	b.label = strdup("Prey Sar");
	b.body = strdup("{}");
	ck_assert_int_eq(cw_store_draft_put(st, &b, &err), 0);
	ck_assert_int_eq(cw_store_draft_get(st, &a.id, &got, &err), 0);
	ck_assert_str_eq(got.label, "NagaWorld strike");
	ck_assert_str_eq(got.body, a.body);
	ck_assert_int_eq(got.kind, CW_KIND_HEARING);
	cw_draft_free(&got);
	ck_assert_int_eq(cw_store_drafts(st, &all, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(all[0].label, "Prey Sar"); /* the last saved first */
	cw_drafts_free(all, n);
	/* Saved again: the same draft, changed, and first now. */
	free(a.label);
	a.label = strdup("NagaWorld strike, 2nd");
	ck_assert_int_eq(cw_store_draft_put(st, &a, &err), 0);
	ck_assert_int_eq(cw_store_drafts(st, &all, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(all[0].label, "NagaWorld strike, 2nd");
	cw_drafts_free(all, n);
	/* Not records. */
	cw_filter_init(&f);
	ck_assert_int_eq(cw_store_count(st, &f, CW_KINDS_EVENTS, &count, &err), 0);
	ck_assert_uint_eq(count, 0);
	ck_assert_int_eq(
		cw_store_list(st, &f, CW_KINDS_EVENTS, CW_ORDER_NEWEST_FIRST, 0, 0, &l, &err), 0);
	ck_assert_uint_eq(l.n, 0);
	cw_record_list_free(&l);
	/* Sealed in an encrypted database (the suite's default): the words are not in the file. */
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (cw_store_encrypted(st))
		ck_assert(!file_contains(path, "zyxwvu secret"));
	/* Deleted: gone, and its bytes with it. */
	ck_assert_int_eq(cw_store_draft_delete(st, &a.id, &err), 0);
	ck_assert_int_eq(cw_store_draft_get(st, &a.id, &got, &err), CW_ENOTFOUND);
	ck_assert_str_eq(err.field, "draft");
	ck_assert_int_eq(cw_store_draft_delete(st, &a.id, &err), CW_ENOTFOUND);
	ck_assert_int_eq(cw_store_drafts(st, &all, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	cw_drafts_free(all, n);
	cw_store_close(st);
	st = NULL;
	ck_assert(!file_contains(path, "zyxwvu secret"));
	st = open_store(0);
	cw_draft_free(&a);
	cw_draft_free(&b);
}
END_TEST

/* Undo: the last add, edit or delete made here. An edit's earlier version comes back as a new
 * change (a newer version, an audit entry), an addition is deleted, a deletion brought back
 * under its id, made when and by whom it was; an edit of the case re-indexes as any edit does;
 * after an undo, or a change not made by a front end's action, there is nothing to undo. */
START_TEST(undo_takes_back_the_last_change)
{
	struct cw_undo_info info, asked;
	struct cw_record r, back;
	struct cw_error err;
	struct cw_id p, c, q;
	struct cw_verify_stats vs;
	struct cw_filter f;
	size_t n, problems = 0;
	int64_t created;

	ck_assert_int_eq(cw_store_undo_peek(st, &info, &err), CW_ENOTFOUND);
	p = add_person("Ny Nak", "Phnom Penh");
	c = add_case("Ny Nak defamation", &p, "494", "Phnom Penh Court", "2024-01-05");
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	free(r.u.kase.title);
	r.u.kase.title = strdup("Ny Nak incitement");
	((struct cw_charge *)((struct cw_defendant *)r.u.kase.defendants.items)[0].charges.items)
		->article.number = 495;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_undo_peek(st, &info, &err), 0);
	ck_assert_int_eq(info.action, CW_UNDO_EDITED);
	ck_assert_str_eq(info.label, "Ny Nak incitement");
	ck_assert_uint_eq(info.others, 0);
	ck_assert_int_eq(info.held_deleted, 0);
	ck_assert_int_eq(cw_store_undo(st, NULL, &info, &err), 0);
	ck_assert_int_eq(cw_store_get(st, &c, &back, &err), 0);
	ck_assert_str_eq(back.u.kase.title, "Ny Nak defamation");
	ck_assert_uint_ge(back.versions.n, 1);
	cw_record_free(&back);
	/* The indexes follow: 494 again, not 495. */
	cw_filter_init(&f);
	cw_filter_set(&f, "article", "494", NULL);
	ck_assert_int_eq(cw_store_count(st, &f, CW_KIND_BIT(CW_KIND_CASE), &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	cw_filter_set(&f, "article", "495", NULL);
	ck_assert_int_eq(cw_store_count(st, &f, CW_KIND_BIT(CW_KIND_CASE), &n, &err), 0);
	ck_assert_uint_eq(n, 0);
	/* Undone once: nothing more. */
	ck_assert_int_eq(cw_store_undo(st, NULL, &info, &err), CW_ENOTFOUND);
	ck_assert_str_eq(err.field, "undo");
	/* An addition is taken back by deleting it. */
	q = add_person("Kem Sokha", NULL);
	ck_assert_int_eq(cw_store_undo(st, NULL, &info, &err), 0);
	ck_assert_int_eq(info.action, CW_UNDO_ADDED);
	ck_assert_int_eq(cw_store_get(st, &q, &r, &err), CW_ENOTFOUND);
	/* A deletion comes back under its id, as made when and by whom it was, a version newer
	 * than its deletion. */
	q = add_person("Kang Saran", "Kandal");
	ck_assert_int_eq(cw_store_get(st, &q, &r, &err), 0);
	created = r.created;
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_delete(st, &q, &err), 0);
	ck_assert_int_eq(cw_store_undo_peek(st, &asked, &err), 0);
	ck_assert_int_eq(asked.action, CW_UNDO_DELETED);
	ck_assert_str_eq(asked.label, "Kang Saran");
	ck_assert_int_eq(asked.held_deleted, 1);
	ck_assert_int_eq(cw_store_undo(st, &asked, &info, &err), 0);
	ck_assert_int_eq(cw_store_get(st, &q, &r, &err), 0);
	ck_assert_str_eq(r.u.person.province, "Kandal");
	ck_assert(r.created == created);
	ck_assert_str_eq(r.author, "tester");
	ck_assert(r.updated > created);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_undo(st, NULL, &info, &err), CW_ENOTFOUND);
	/* A peek answers for that change only: another one made since is not taken back. */
	ck_assert_int_eq(cw_store_delete(st, &q, &err), 0);
	ck_assert_int_eq(cw_store_undo_peek(st, &asked, &err), 0);
	add_person("Thach Setha", NULL);
	ck_assert_int_eq(cw_store_undo(st, &asked, &info, &err), CW_EREFUSED);
	ck_assert_int_eq(cw_store_get(st, &q, &r, &err), CW_ENOTFOUND);
	/* Forgotten: nothing to undo. */
	ck_assert_int_eq(cw_store_undo_forget_now(st, &(int){0}, &err), 0);
	ck_assert_int_eq(cw_store_undo_peek(st, &info, &err), CW_ENOTFOUND);
	/* The file still checks out, audit chain and all. */
	ck_assert_msg(cw_store_verify(st, count_problems, &problems, &vs, &err) == 0, "%s",
		      err.message);
	ck_assert_uint_eq(vs.problems, 0);
}
END_TEST

/* A deletion's content stays in the file, in the undo note, until the next change or a
 * forget, and then is gone from every byte of it (a plain store, where it would be readable;
 * in an encrypted one it is never readable). */
START_TEST(undo_note_of_a_deletion_is_wiped)
{
	struct cw_error err;
	struct cw_id q;
	char path[4200];
	int had = 0;

	cw_store_close(st);
	rm_tree(dir);
	dir = make_temp_dir();
	setenv("CASEWATCH_TEST_PLAIN", "1", 1);
	st = open_store(0);
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	q = add_person("Zebulon Quixotic", "Kandal");
	ck_assert(file_contains(path, "Zebulon Quixotic"));
	ck_assert_int_eq(cw_store_delete(st, &q, &err), 0);
	ck_assert(file_contains(path, "Zebulon Quixotic")); /* kept for undo */
	add_person("Ny Nak", NULL);                         /* the next change */
	ck_assert(!file_contains(path, "Zebulon Quixotic"));
	ck_assert(file_contains(path, "Ny Nak"));
	/* Or at once, when asked. */
	q = add_person("Xavier Quill", NULL);
	ck_assert_int_eq(cw_store_delete(st, &q, &err), 0);
	ck_assert(file_contains(path, "Xavier Quill"));
	ck_assert_int_eq(cw_store_undo_forget_now(st, &had, &err), 0);
	ck_assert_int_eq(had, 1);
	ck_assert(!file_contains(path, "Xavier Quill"));
	ck_assert_int_eq(cw_store_undo_forget_now(st, &had, &err), 0);
	ck_assert_int_eq(had, 0);
	unsetenv("CASEWATCH_TEST_PLAIN");
}
END_TEST

/* Writes the undo note as an earlier casewatch did (one record: action, id, an edit's version
 * before) straight into a plain store's file. */
static void old_note(char action, const struct cw_id *id, const struct cw_record *before)
{
	struct cw_buf val = {0};
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_val k = {4, "last"}, v;

	ck_assert_int_eq(cw_buf_append(&val, &action, 1), 0);
	ck_assert_int_eq(cw_buf_append(&val, id->b, 16), 0);
	if (before)
		ck_assert_int_eq(cw_record_encode(before, &val), 0);
	cw_store_close(st);
	ck_assert_int_eq(mdb_env_create(&env), 0);
	ck_assert_int_eq(mdb_env_set_maxdbs(env, 64), 0);
	ck_assert_int_eq(mdb_env_open(env, dir, 0, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "undo", 0, &dbi), 0);
	v.mv_size = val.len;
	v.mv_data = val.data;
	ck_assert_int_eq(mdb_put(txn, dbi, &k, &v, 0), 0);
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	cw_buf_free(&val);
	st = open_store(0);
}

/* A note written by the casewatch before notes held several records is read as it was meant:
 * an edit is taken back; a deletion, whose content that casewatch wiped, is refused. */
START_TEST(undo_reads_notes_of_the_earlier_format)
{
	struct cw_undo_info info;
	struct cw_record r, before;
	struct cw_error err;
	struct cw_id p;

	cw_store_close(st);
	rm_tree(dir);
	dir = make_temp_dir();
	setenv("CASEWATCH_TEST_PLAIN", "1", 1);
	st = open_store(0);
	p = add_person("Ny Nak", "Phnom Penh");
	ck_assert_int_eq(cw_store_get(st, &p, &before, &err), 0);
	ck_assert_int_eq(cw_store_get(st, &p, &r, &err), 0);
	free(r.u.person.province);
	r.u.person.province = strdup("Kandal");
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	old_note('e', &p, &before);
	cw_record_free(&before);
	ck_assert_int_eq(cw_store_undo_peek(st, &info, &err), 0);
	ck_assert_int_eq(info.action, CW_UNDO_EDITED);
	ck_assert_str_eq(info.label, "Ny Nak");
	ck_assert_int_eq(cw_store_undo(st, &info, &info, &err), 0);
	ck_assert_int_eq(cw_store_get(st, &p, &r, &err), 0);
	ck_assert_str_eq(r.u.person.province, "Phnom Penh");
	cw_record_free(&r);
	old_note('d', &p, NULL);
	ck_assert_int_eq(cw_store_undo_peek(st, &info, &err), CW_EREFUSED);
	ck_assert_ptr_nonnull(strstr(err.message, "earlier casewatch"));
	ck_assert_int_eq(cw_store_undo(st, NULL, &info, &err), CW_EREFUSED);
	unsetenv("CASEWATCH_TEST_PLAIN");
}
END_TEST

/* A person and the case that names them, one action: taken back as one, the case first. */
struct two {
	struct cw_id person, kase;
};

static int person_and_case_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	struct two *two = ctx;
	struct cw_record p, c;
	struct cw_defendant *d;
	int rc;

	cw_record_init(&p, CW_KIND_PERSON);
	p.u.person.name = strdup("Sam Rainsy");
	rc = cw_txn_put(t, &p, CW_PUT_NEW, NULL, err);
	two->person = p.id;
	cw_record_free(&p);
	if (rc != 0)
		return rc;
	cw_record_init(&c, CW_KIND_CASE);
	c.u.kase.title = strdup("Rainsy incitement");
	d = cw_list_append(&c.u.kase.defendants, df->sub);
	d->person = two->person;
	rc = cw_txn_put(t, &c, CW_PUT_NEW, NULL, err);
	two->kase = c.id;
	cw_txn_undo_about(t, &c.id);
	cw_record_free(&c);
	return rc;
}

START_TEST(undo_takes_back_a_whole_action)
{
	struct cw_undo_info info;
	struct cw_record r;
	struct cw_error err;
	struct two two;

	ck_assert_int_eq(cw_store_write_undoable(st, person_and_case_fn, &two, &err), 0);
	ck_assert_int_eq(cw_store_undo_peek(st, &info, &err), 0);
	ck_assert_int_eq(info.action, CW_UNDO_ADDED);
	ck_assert_int_eq(info.kind, CW_KIND_CASE);
	ck_assert_str_eq(info.label, "Rainsy incitement");
	ck_assert_uint_eq(info.others, 1);
	ck_assert_int_eq(cw_store_undo(st, &info, &info, &err), 0);
	ck_assert_int_eq(cw_store_get(st, &two.kase, &r, &err), CW_ENOTFOUND);
	ck_assert_int_eq(cw_store_get(st, &two.person, &r, &err), CW_ENOTFOUND);
	/* The same through a plain write: nothing to undo. */
	ck_assert_int_eq(cw_store_write(st, person_and_case_fn, &two, &err), 0);
	ck_assert_int_eq(cw_store_undo_peek(st, &info, &err), CW_ENOTFOUND);
}
END_TEST

/* A merge of two people a record gives different custody is refused whole, naming the record,
 * the field and both values: the record, both people and the undo step as they were. Where
 * one entry records nothing, the other's stands in the one kept. */
START_TEST(merge_refuses_differing_entries)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	struct cw_merge_stats ms;
	struct cw_undo_info before, after;
	struct cw_record r;
	struct cw_error err;
	struct cw_id keep, other, c;
	struct cw_defendant *d;
	char hex[CW_ID_HEX_LEN + 1];

	keep = add_person("Vorn Pov", NULL);
	other = add_person("Vorn Pove", NULL);
	c = add_case("Pov case", &keep, "494", NULL, "2023-05-01");
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = other;
	d->custody = CW_CUSTODY_BAIL;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_undo_peek(st, &before, &err), 0);

	ck_assert_int_eq(cw_store_merge_people(st, &keep, &other, &ms, &err), CW_EREFUSED);
	ck_assert_uint_eq(ms.nconflicts, 1);
	ck_assert_uint_eq(ms.moved, 0);
	ck_assert_str_eq(ms.conflicts[0].field, "custody");
	/* Nothing written: the last change is still the case's edit. */
	ck_assert_int_eq(cw_store_undo_peek(st, &after, &err), 0);
	ck_assert_int_eq(after.action, CW_UNDO_EDITED);
	ck_assert_int_eq(after.action, before.action);
	ck_assert(cw_id_equal(&after.id, &c));
	ck_assert_str_eq(err.field, "custody");
	cw_id_hex(&c, hex);
	hex[8] = '\0';
	ck_assert_ptr_nonnull(strstr(err.message, hex));
	ck_assert_ptr_nonnull(strstr(err.message, "Vorn Pov ("));
	ck_assert_ptr_nonnull(strstr(err.message, ") detained and Vorn Pove ("));
	ck_assert_ptr_nonnull(strstr(err.message, ") bail"));
	ck_assert_int_eq(cw_store_get(st, &other, &r, &err), 0);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	ck_assert_uint_eq(r.u.kase.defendants.n, 2);
	d = r.u.kase.defendants.items;
	ck_assert(cw_id_equal(&d[1].person, &other) && d[1].custody == CW_CUSTODY_BAIL);
	/* Not recorded for the other: merged, the one kept detained. */
	d[1].custody = CW_CUSTODY_UNKNOWN;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_merge_people(st, &keep, &other, &ms, &err), 0);
	ck_assert_uint_eq(ms.nconflicts, 0);
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	ck_assert_uint_eq(r.u.kase.defendants.n, 1);
	d = r.u.kase.defendants.items;
	ck_assert(cw_id_equal(&d[0].person, &keep) && d[0].custody == CW_CUSTODY_DETAINED);
	cw_record_free(&r);
}
END_TEST

/* Entries that do not differ become one with what each recorded: a presence in court one
 * entry leaves unknown is the other's, and a charge only the other had comes with its state
 * (an earlier merge kept the article alone: a conviction read "charged"). */
START_TEST(merge_joins_what_each_entry_recorded)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *af =
		cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "attendance");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	struct cw_merge_stats ms;
	struct cw_record r;
	struct cw_error err;
	struct cw_id keep, other, c, h;
	struct cw_defendant *d;
	struct cw_attendance *a;
	struct cw_charge *ch;

	keep = add_person("Vorn Pov", NULL);
	other = add_person("Vorn Pove", NULL);
	c = add_case("Pov case", &keep, "494", NULL, "2023-05-01");
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = other;
	ch = cw_list_append(&d->charges, cf->sub);
	ck_assert_int_eq(cw_article_parse("495", &ch->article, "a", NULL), 0);
	ch->state = CW_CHARGE_CONVICTED;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	h = add_hearing(&c, "2023-06-01", NULL);
	ck_assert_int_eq(cw_store_get(st, &h, &r, &err), 0);
	a = cw_list_append(&r.u.hearing.attendance, af->sub);
	a->person = keep;
	a->present = CW_ANSWER_UNKNOWN;
	a = cw_list_append(&r.u.hearing.attendance, af->sub);
	a->person = other;
	a->present = CW_ANSWER_YES;
	ck_assert_msg(cw_store_put(st, &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);

	ck_assert_msg(cw_store_merge_people(st, &keep, &other, &ms, &err) == 0, "%s", err.message);
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	ck_assert_uint_eq(r.u.kase.defendants.n, 1);
	d = r.u.kase.defendants.items;
	ck_assert_uint_eq(d->charges.n, 2);
	ch = (struct cw_charge *)d->charges.items + 1;
	ck_assert_uint_eq(ch->article.number, 495);
	ck_assert_int_eq(ch->state, CW_CHARGE_CONVICTED);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_get(st, &h, &r, &err), 0);
	ck_assert_uint_eq(r.u.hearing.attendance.n, 1);
	a = r.u.hearing.attendance.items;
	ck_assert(cw_id_equal(&a->person, &keep));
	ck_assert_int_eq(a->present, CW_ANSWER_YES);
	cw_record_free(&r);
}
END_TEST

/* A merge taken back: the person merged away is back under their id, no longer merged, and
 * every record names whom it named before (a case that named both has both again). */
START_TEST(undo_takes_back_a_merge)
{
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	struct cw_merge_stats ms;
	struct cw_undo_info info;
	struct cw_record r;
	struct cw_error err;
	struct cw_id keep, other, c, m;
	struct cw_verify_stats vs;
	size_t problems = 0;
	struct cw_defendant *d;

	keep = add_person("Chhim Sithar", "Phnom Penh");
	other = add_person("chhim sithar", NULL);
	c = add_case("NagaWorld strike", &keep, "494", "Phnom Penh Court", "2022-01-05");
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	d = cw_list_append(&r.u.kase.defendants, df->sub);
	d->person = other;
	ck_assert_int_eq(cw_store_put(st, &r, 0, &err), 0);
	cw_record_free(&r);
	m = add_milestone(&other, &c, "2022-01-04", CW_MS_ARREST);
	ck_assert_int_eq(cw_store_merge_people(st, &keep, &other, &ms, &err), 0);
	ck_assert_int_eq(cw_store_get(st, &other, &r, &err), CW_ENOTFOUND);
	ck_assert_int_eq(cw_store_undo_peek(st, &info, &err), 0);
	ck_assert_int_eq(info.action, CW_UNDO_MERGED);
	ck_assert(cw_id_equal(&info.id, &other));
	ck_assert_str_eq(info.label, "chhim sithar");
	ck_assert_str_eq(info.into, "Chhim Sithar");
	ck_assert_uint_eq(info.others, 2);
	ck_assert_int_eq(info.held_deleted, 1);
	ck_assert_int_eq(cw_store_undo(st, &info, &info, &err), 0);
	ck_assert_int_eq(cw_store_get(st, &other, &r, &err), 0);
	ck_assert(cw_id_is_zero(&r.merged_into));
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_get(st, &c, &r, &err), 0);
	ck_assert_uint_eq(r.u.kase.defendants.n, 2);
	ck_assert(
		cw_id_equal(&((struct cw_defendant *)r.u.kase.defendants.items)[1].person, &other));
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_get(st, &m, &r, &err), 0);
	ck_assert(cw_id_equal(&r.u.milestone.person, &other));
	cw_record_free(&r);
	ck_assert_msg(cw_store_verify(st, count_problems, &problems, &vs, &err) == 0, "%s",
		      err.message);
	ck_assert_uint_eq(vs.problems, 0);
}
END_TEST

START_TEST(in_use_and_last_txn)
{
	int go[2], ready[2];
	uint64_t t1, t2;
	struct cw_error err;
	pid_t child;
	long pid;
	int status;
	char byte = 0;

	add_person("Someone", NULL);
	cw_store_close(st);
	st = NULL;
	ck_assert_int_eq(cw_store_in_use(dir, &pid, &err), 0);
	ck_assert_int_eq(cw_store_last_txn(dir, &t1, &err), 0);
	ck_assert_int_eq(pipe(go), 0);
	ck_assert_int_eq(pipe(ready), 0);
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		st = open_store(0);
		if (write(ready[1], &byte, 1) != 1 || read(go[0], &byte, 1) != 1)
			_exit(3);
		add_person("Another", NULL);
		cw_store_close(st);
		_exit(0);
	}
	ck_assert_int_eq(read(ready[0], &byte, 1), 1);
	ck_assert_int_eq(cw_store_in_use(dir, &pid, &err), 1);
	ck_assert_int_eq(pid, child);
	ck_assert_int_eq(write(go[1], &byte, 1), 1);
	ck_assert_int_eq(waitpid(child, &status, 0), child);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ck_assert_int_eq(cw_store_in_use(dir, &pid, &err), 0);
	ck_assert_int_eq(cw_store_last_txn(dir, &t2, &err), 0);
	ck_assert_uint_gt(t2, t1);
	close(go[0]);
	close(go[1]);
	close(ready[0]);
	close(ready[1]);
	st = open_store(0);
}
END_TEST

/* ---- files written whole (store/outfile.h) ------------------------------------------------- */

static int entries_in(const char *folder)
{
	DIR *d = opendir(folder);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static char *slurp(const char *path)
{
	static char buf[256];
	FILE *f = fopen(path, "r");
	size_t n;

	ck_assert_ptr_nonnull(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Both ways of writing (an unnamed file linked into place, a mkstemp name renamed): mode 0600
 * with no umask at all, a symlink at the target replaced rather than followed, a failed write
 * leaving the old file as it was and nothing beside it. */
START_TEST(outfile_private_whole_and_not_through_links)
{
	struct cw_error err;
	int before = entries_in(dir);

	umask(0);
	for (int tmpfile = 1; tmpfile >= 0; tmpfile--) {
		char target[4200], victim[4200];
		struct cw_outfile o;
		struct stat sb;

		cw_outfile_use_tmpfile(tmpfile);
		snprintf(target, sizeof target, "%s/out-%d.md", dir, tmpfile);
		snprintf(victim, sizeof victim, "%s/victim-%d", dir, tmpfile);
		ck_assert_int_eq(cw_outfile_write(victim, "not yours", 9, &err), 0);
		ck_assert_int_eq(symlink(victim, target), 0);
		ck_assert_msg(cw_outfile_write(target, "report", 6, &err) == 0, "%s", err.message);
		ck_assert_str_eq(slurp(victim), "not yours");
		ck_assert_str_eq(slurp(target), "report");
		ck_assert_int_eq(lstat(target, &sb), 0);
		ck_assert(S_ISREG(sb.st_mode));
		ck_assert_int_eq(sb.st_mode & 07777, 0600);
		/* a write that fails half-way: the old file stays, nothing is left beside it */
		ck_assert_int_eq(cw_outfile_open(&o, target, NULL, &err), 0);
		fputs("half a repo", o.f);
		ck_assert_int_eq(cw_outfile_close(&o, CW_EIO, &err), CW_EIO);
		ck_assert_str_eq(slurp(target), "report");
		/* twice over the same name, and into a folder that is not there */
		ck_assert_int_eq(cw_outfile_write(target, "again", 5, &err), 0);
		ck_assert_str_eq(slurp(target), "again");
		snprintf(target, sizeof target, "%s/no/such/folder.md", dir);
		ck_assert_int_eq(cw_outfile_write(target, "x", 1, &err), CW_EIO);
		ck_assert_str_eq(err.field, "output");
	}
	/* the two targets and the two victims, nothing else */
	ck_assert_int_eq(entries_in(dir), before + 4);
	cw_outfile_use_tmpfile(1);
}
END_TEST

/* A file being written when SIGINT, SIGTERM, SIGHUP or SIGQUIT arrives is gone with the
 * process; the named (mkstemp) temporary is unlinked by the handler. SIGKILL leaves nothing of
 * an unnamed file. */
START_TEST(outfile_interrupted_leaves_nothing)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGKILL};
	char folder[4200];
	int has_tmpfile;

	snprintf(folder, sizeof folder, "%s/out", dir);
	ck_assert_int_eq(mkdir(folder, 0700), 0);
	{
		int fd = open(folder, O_TMPFILE | O_WRONLY, 0600);

		has_tmpfile = fd >= 0;
		if (fd >= 0)
			close(fd);
	}
	for (int tmpfile = 1; tmpfile >= 0; tmpfile--) {
		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
			char target[4300];
			pid_t pid;
			int status;

			if (sigs[i] == SIGKILL && !(tmpfile && has_tmpfile))
				continue; /* cannot be caught: a FILE.XXXXXX may stay */
			snprintf(target, sizeof target, "%s/week.md", folder);
			pid = fork();
			ck_assert_int_ge(pid, 0);
			if (pid == 0) {
				struct cw_outfile o;
				struct cw_error err;

				signal(sigs[i], SIG_DFL);
				/* SIGQUIT's default dumps core: not into the test's folder. */
				setrlimit(RLIMIT_CORE, &(struct rlimit){0, 0});
				cw_outfile_use_tmpfile(tmpfile);
				if (cw_outfile_open(&o, target, NULL, &err) != 0)
					_exit(2);
				fputs("half a report", o.f);
				fflush(o.f);
				/* the named temporary is there until the signal */
				if (entries_in(folder) != (tmpfile && has_tmpfile ? 0 : 1))
					_exit(3);
				raise(sigs[i]);
				_exit(4);
			}
			ck_assert_int_eq(waitpid(pid, &status, 0), pid);
			ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == sigs[i],
				      "signal %d, tmpfile %d: status %d", sigs[i], tmpfile, status);
			ck_assert_msg(entries_in(folder) == 0, "signal %d, tmpfile %d left a file",
				      sigs[i], tmpfile);
		}
	}
}
END_TEST

/* Keys of table "idx" of the repack test, in the order they are written: a shuffle, as an index
 * of people or articles is filled. */
static void repack_key(unsigned i, uint8_t key[24])
{
	unsigned x = (i * 7919u) % 20000u; /* a permutation of 0..19999: 7919 is prime */

	memset(key, 'k', 24);
	for (int b = 0; b < 4; b++)
		key[20 + b] = (uint8_t)(x >> (24 - 8 * b));
}

static size_t leaf_pages(const char *path, const char *table, size_t *entries)
{
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	MDB_stat ms;

	ck_assert_int_eq(mdb_env_create(&env), 0);
	ck_assert_int_eq(mdb_env_set_maxdbs(env, 8), 0);
	ck_assert_int_eq(mdb_env_open(env, path, MDB_RDONLY, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, table, 0, &dbi), 0);
	ck_assert_int_eq(mdb_stat(txn, dbi, &ms), 0);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	*entries = ms.ms_entries;
	return ms.ms_leaf_pages;
}

/* compact rewrites each table in key order with full pages: a table filled in random order
 * (every index is) shrinks to the fewest leaves its entries fit in, and every table, empty or
 * not, and the main table's own entries, come through byte for byte. */
START_TEST(compact_fills_the_pages)
{
	char *raw = make_temp_dir();
	struct cw_compact_stats stats;
	struct cw_error err;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi idx, empty, main_dbi;
	MDB_val k, v;
	uint8_t key[24], val[8];
	size_t n, before, after, fewest;

	ck_assert_ptr_nonnull(raw);
	ck_assert_int_eq(mdb_env_create(&env), 0);
	ck_assert_int_eq(mdb_env_set_maxdbs(env, 8), 0);
	ck_assert_int_eq(mdb_env_set_mapsize(env, (size_t)64 << 20), 0);
	ck_assert_int_eq(mdb_env_open(env, raw, 0, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "idx", MDB_CREATE, &idx), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "empty", MDB_CREATE, &empty), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, NULL, 0, &main_dbi), 0);
	for (unsigned i = 0; i < 20000; i++) {
		repack_key(i, key);
		memcpy(val, key + 16, 8);
		k = (MDB_val){sizeof key, key};
		v = (MDB_val){sizeof val, val};
		require_msg(mdb_put(txn, idx, &k, &v, 0) == 0, "key %u", i);
	}
	k = (MDB_val){5, "plain"};
	v = (MDB_val){3, "yes"};
	ck_assert_int_eq(mdb_put(txn, main_dbi, &k, &v, 0), 0);
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);

	/* A leaf holds (4096 - 16) / (8 + 24 + 8 + 2) = 97 such entries. */
	fewest = (20000 + 96) / 97;
	before = leaf_pages(raw, "idx", &n);
	ck_assert_uint_eq(n, 20000);
	ck_assert_msg(before > fewest * 6 / 5, "random inserts already fill the pages: %zu",
		      before);
	/* Through a named temporary, then through an unnamed one (O_TMPFILE, which LMDB opens by
	 * its descriptor's path). */
	cw_outfile_use_tmpfile(0);
	ck_assert_msg(cw_store_compact(raw, &stats, &err) == 0, "%s", err.message);
	cw_outfile_use_tmpfile(1);
	after = leaf_pages(raw, "idx", &n);
	ck_assert_uint_eq(n, 20000);
	ck_assert_msg(after <= fewest + 1, "%zu leaves after compact, %zu would do", after, fewest);
	ck_assert_uint_lt(stats.after, stats.before);
	ck_assert_msg(cw_store_compact(raw, &stats, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(leaf_pages(raw, "idx", &n), after);
	ck_assert_uint_eq(n, 20000);
	{
		char path[4200];
		struct stat sb;

		snprintf(path, sizeof path, "%s/data.mdb", raw);
		ck_assert_int_eq(stat(path, &sb), 0);
		ck_assert_int_eq(sb.st_mode & 0777, 0600);
	}

	ck_assert_int_eq(mdb_env_create(&env), 0);
	ck_assert_int_eq(mdb_env_set_maxdbs(env, 8), 0);
	ck_assert_int_eq(mdb_env_open(env, raw, MDB_RDONLY, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, MDB_RDONLY, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "idx", 0, &idx), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "empty", 0, &empty), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, NULL, 0, &main_dbi), 0);
	for (unsigned i = 0; i < 20000; i++) {
		repack_key(i, key);
		k = (MDB_val){sizeof key, key};
		require_msg(mdb_get(txn, idx, &k, &v) == 0 && v.mv_size == 8 &&
				    memcmp(v.mv_data, key + 16, 8) == 0,
			    "key %u: not there, or not its value", i);
	}
	k = (MDB_val){5, "plain"};
	ck_assert_int_eq(mdb_get(txn, main_dbi, &k, &v), 0);
	ck_assert_uint_eq(v.mv_size, 3);
	ck_assert_mem_eq(v.mv_data, "yes", 3);
	mdb_txn_abort(txn);
	mdb_env_close(env);
	ck_assert_int_eq(entries_in(raw), 2); /* data.mdb and lock.mdb: no temporary left */
	rm_tree(raw);
}
END_TEST

/* An edit saved over what was read: refused when the record changed or went since, and then
 * nothing changes; saved when it is still the version read. */
START_TEST(put_if_unchanged_refuses_a_stale_edit)
{
	struct cw_id id = add_person("Stale Edit", "Kandal");
	struct cw_record read, other, again;
	struct cw_error err;

	ck_assert_int_eq(cw_store_get(st, &id, &read, &err), 0);
	/* Another edit lands first. */
	ck_assert_int_eq(cw_store_get(st, &id, &other, &err), 0);
	free(other.u.person.province);
	other.u.person.province = strdup("Takeo");
	ck_assert_msg(cw_store_put(st, &other, CW_PUT_IF_UNCHANGED, &err) == 0, "%s", err.message);
	/* The edit of the older version is refused, and the other edit stays. */
	free(read.u.person.notes);
	read.u.person.notes = strdup("from the stale form");
	ck_assert_int_eq(cw_store_put(st, &read, CW_PUT_IF_UNCHANGED, &err), CW_EREFUSED);
	ck_assert_str_eq(err.field, "record");
	ck_assert_ptr_nonnull(strstr(err.message, "changed since it was opened"));
	/* When, in local time with its offset, as every time a person reads. */
	ck_assert_msg(strstr(err.message, " (UTC+") || strstr(err.message, " (UTC-"), "%s",
		      err.message);
	ck_assert_int_eq(cw_store_get(st, &id, &again, &err), 0);
	ck_assert_str_eq(again.u.person.province, "Takeo");
	ck_assert_ptr_null(again.u.person.notes);
	/* The record as given is given back as it was: no stamp of the refused attempt. */
	ck_assert_ptr_nonnull(read.u.person.notes);
	ck_assert_str_eq(read.u.person.province, "Kandal");
	cw_record_free(&read);
	/* Read again, the edit is saved. */
	free(again.u.person.notes);
	again.u.person.notes = strdup("on the latest version");
	ck_assert_msg(cw_store_put(st, &again, CW_PUT_IF_UNCHANGED, &err) == 0, "%s", err.message);
	cw_record_free(&other);
	ck_assert_int_eq(cw_store_get(st, &id, &other, &err), 0);
	ck_assert_str_eq(other.u.person.notes, "on the latest version");
	ck_assert_str_eq(other.u.person.province, "Takeo");
	/* Deleted meanwhile: refused, not made again. */
	ck_assert_int_eq(cw_store_delete(st, &id, &err), 0);
	ck_assert_int_eq(cw_store_put(st, &again, CW_PUT_IF_UNCHANGED, &err), CW_EREFUSED);
	ck_assert_ptr_nonnull(strstr(err.message, "deleted since it was opened"));
	cw_record_free(&other);
	ck_assert_int_eq(cw_store_get(st, &id, &other, &err), CW_ENOTFOUND);
	cw_record_free(&other);
	cw_record_free(&again);
}
END_TEST

static Suite *store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, open_creates_and_reopens);
	tcase_add_test(tc, open_missing_database_without_create);
	tcase_add_test(tc, newer_schema_is_refused);
	tcase_add_test(tc, earlier_schema_is_upgraded_at_open);
	tcase_add_test(tc, schema_4_and_5_upgrade_with_their_keys);
	tcase_add_test(tc, schema_14_has_its_keys_made_again);
	tcase_add_test(tc, schema_16_and_17_have_their_keys_made_again);
	tcase_add_test(tc, schema_18_has_its_people_filed_by_name);
	tcase_add_test(tc, names_folded_by_another_unicode_are_filed_again);
	tcase_add_test(tc, a_refold_another_writer_made_is_not_made_again);
	tcase_add_test(tc, an_upgrade_another_writer_made_is_not_made_again);
	tcase_add_test(tc, people_by_name_follow_every_write);
	tcase_add_test(tc, verify_finds_people_by_name_wrong);
	tcase_add_test(tc, own_audit_entries_leave_the_id_out);
	tcase_add_test(tc, read_only_open_reads);
	tcase_add_test(tc, put_get_stamps_header);
	tcase_add_test(tc, identical_put_is_no_change);
	tcase_add_test(tc, put_if_unchanged_refuses_a_stale_edit);
	tcase_add_test(tc, index_by_article_kind_date_court_person_case);
	tcase_add_test(tc, milestone_of_someone_not_a_defendant_is_under_no_article);
	tcase_add_test(tc, list_orders_newest_first_and_pages);
	tcase_add_test(tc, timeline_in_date_order_unknown_last);
	tcase_add_test(tc, case_change_reindexes_its_hearings);
	tcase_add_test(tc, case_back_after_deletion_refiles_its_hearings);
	tcase_add_test(tc, counters_agree_with_walks);
	tcase_add_test(tc, visits_match_articles_through_detainees_only_when_asked);
	tcase_add_test(tc, account_filter_reads_each_records_view);
	tcase_add_test(tc, government_account_is_filed_as_its_case);
	tcase_add_test(tc, next_hearing_dates_are_indexed);
	tcase_add_test(tc, people_page_in_name_order);
	tcase_add_test(tc, text_finds_records_by_their_people_and_case);
	tcase_add_test(tc, person_and_case_names_found_again_after_a_write);
	tcase_add_test(tc, case_suggestions_kept_answer_as_the_search);
	tcase_add_test(tc, suggestions_find_the_text_within_one_field);
	tcase_add_test(tc, a_verdict_corrected_or_deleted_is_taken_back);
	tcase_add_test(tc, failed_action_writes_nothing);
	tcase_add_test(tc, delete_refused_while_named);
	tcase_add_test(tc, bad_references_name_their_field);
	tcase_add_test(tc, one_write_reads_its_own_index_changes);
	tcase_add_test(tc, one_write_keeps_its_cases_up_to_date);
	tcase_add_test(tc, index_changes_sort_by_table_key_and_order);
	tcase_add_test(tc, map_grows_when_full);
	tcase_add_test(tc, find_id_prefix_and_resolve_names);
	tcase_add_test(tc, new_ids_follow_the_sequence);
	tcase_add_test(tc, indexes_stay_exact_through_random_changes);
	tcase_add_test(tc, names_dictionary_for_pickers);
	tcase_add_test(tc, reader_and_writer_processes_at_once);
	tcase_add_test(tc, copy_encrypted_keeps_everything);
	tcase_add_test(tc, copy_encrypted_out_of_memory_is_no_damage);
	tcase_add_test(tc, verify_out_of_memory_is_no_damage);
	tcase_add_test(tc, undo_out_of_memory_writes_nothing);
	tcase_add_test(tc, drafts_are_kept_apart_and_wiped);
	tcase_add_test(tc, undo_takes_back_the_last_change);
	tcase_add_test(tc, undo_note_of_a_deletion_is_wiped);
	tcase_add_test(tc, undo_takes_back_a_whole_action);
	tcase_add_test(tc, merge_refuses_differing_entries);
	tcase_add_test(tc, merge_joins_what_each_entry_recorded);
	tcase_add_test(tc, undo_takes_back_a_merge);
	tcase_add_test(tc, undo_reads_notes_of_the_earlier_format);
	tcase_add_test(tc, in_use_and_last_txn);
	tcase_add_test(tc, compact_fills_the_pages);
	tcase_add_test(tc, an_open_waits_for_a_replacement_of_the_file);
	tcase_add_test(tc, case_records_between_two_dates);
	tcase_add_test(tc, outfile_private_whole_and_not_through_links);
	tcase_add_test(tc, outfile_interrupted_leaves_nothing);
	suite_add_tcase(s, tc);
	/* More cases in one write than a write keeps: seconds under the sanitizers. */
	tc = tcase_create("large");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, one_large_write_keeps_every_key_right);
	tcase_add_test(tc, bulk_store_grows_and_gives_back);
	tcase_add_test(tc, bulk_hold_keeps_writers_waiting);
	tcase_add_test(tc, signed_entries_vouch_for_the_run_before);
	tcase_add_test(tc, each_branch_of_a_log_needs_its_signature);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(store_suite());
}
