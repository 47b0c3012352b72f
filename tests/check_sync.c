/* check_sync.c - unit tests of sync (store/sync.h): the merge rule (version vectors, the total
 * order that picks the version shown) and bundles between stores in temporary directories: every
 * order of three bundles gives the same content, a deletion against an edit, re-imports. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "store/sync.h"
#include "tests/test_keys.h"
#include "tests/testutil.h"

static struct cw_id db(int n)
{
	struct cw_id id;

	memset(&id, 0, sizeof id);
	id.b[0] = (uint8_t)n;
	return id;
}

/* A person version made in database `in` at `t`, on top of the vector of `base` (may be NULL). */
static void version(struct cw_record *r, const struct cw_record *base, int in, int64_t t)
{
	struct cw_id d = db(in);

	cw_record_init(r, CW_KIND_PERSON);
	r->u.person.name = strdup("Ny Nak");
	if (base)
		ck_assert_int_eq(cw_vv_merge(r, base), 0);
	ck_assert_int_eq(cw_vv_stamp(r, &d, t), 0);
	r->updated = t;
	r->edited_in = d;
}

START_TEST(vv_tells_later_from_concurrent)
{
	struct cw_record a, b, c, d;

	version(&a, NULL, 1, 100);
	version(&b, &a, 2, 200); /* made on top of a */
	version(&c, &a, 3, 150); /* also on top of a, without seeing b */
	version(&d, &b, 1, 120); /* on top of b, with a slow clock */
	ck_assert_int_eq(cw_vv_compare(&a, &b), CW_VV_BEFORE);
	ck_assert_int_eq(cw_vv_compare(&b, &a), CW_VV_AFTER);
	ck_assert_int_eq(cw_vv_compare(&b, &c), CW_VV_CONCURRENT);
	ck_assert_int_eq(cw_vv_compare(&c, &b), CW_VV_CONCURRENT);
	ck_assert_int_eq(cw_vv_compare(&b, &b), CW_VV_EQUAL);
	/* d came after b although its clock is behind: ancestry, not time, says so */
	ck_assert_int_eq(cw_vv_compare(&d, &b), CW_VV_AFTER);
	ck_assert_int_eq(cw_vv_latest(&d), 200);
	/* the entries stay in database order, so equal vectors encode the same */
	ck_assert_int_eq(memcmp(((struct cw_version *)d.versions.items)[0].database.b,
				((struct cw_version *)d.versions.items)[1].database.b, 16) < 0,
			 1);
	cw_record_free(&a);
	cw_record_free(&b);
	cw_record_free(&c);
	cw_record_free(&d);
}
END_TEST

START_TEST(order_later_wins_tie_by_database)
{
	struct cw_record a, b, c;

	version(&a, NULL, 1, 100);
	version(&b, NULL, 2, 100); /* same time, greater database id */
	version(&c, NULL, 1, 101);
	ck_assert_int_lt(cw_version_cmp(&a, &b), 0);
	ck_assert_int_gt(cw_version_cmp(&b, &a), 0);
	ck_assert_int_gt(cw_version_cmp(&c, &b), 0);
	ck_assert_int_eq(cw_version_cmp(&a, &a), 0);
	/* same time and database, different content: still one answer, both ways round */
	free(b.u.person.name);
	b.u.person.name = strdup("Ny Nak (commentator)");
	b.edited_in = a.edited_in;
	ck_assert_int_eq(cw_version_cmp(&a, &b), -cw_version_cmp(&b, &a));
	ck_assert_int_ne(cw_version_cmp(&a, &b), 0);
	cw_record_free(&a);
	cw_record_free(&b);
	cw_record_free(&c);
}
END_TEST

START_TEST(record_without_vector_counts_as_its_last_edit)
{
	struct cw_record old, next;
	struct cw_id d1 = db(1);

	cw_record_init(&old, CW_KIND_PERSON);
	old.updated = 50;
	old.edited_in = d1;
	version(&next, &old, 2, 60);
	ck_assert_int_eq(next.versions.n, 2);
	ck_assert_int_eq(cw_vv_compare(&old, &next), CW_VV_BEFORE);
	cw_record_free(&old);
	cw_record_free(&next);
}
END_TEST

/* ---- bundles between stores ---------------------------------------------------------------- */

static char *dirs[6];
static struct cw_store *st[6];

static struct cw_store *open_at(int i, const char *author)
{
	struct cw_store_options opt = {0, author, 1, 0};
	struct cw_error err;

	if (!dirs[i])
		dirs[i] = make_temp_dir();
	test_key_options(&opt, dirs[i]);
	ck_assert_msg(cw_store_open(dirs[i], &opt, &st[i], &err) == 0, "%s", err.message);
	return st[i];
}

static void teardown(void)
{
	for (int i = 0; i < 6; i++) {
		cw_store_close(st[i]);
		st[i] = NULL;
		rm_tree(dirs[i]);
		dirs[i] = NULL;
	}
}

static char *path_in(int i, const char *name)
{
	static char buf[4][4200];
	static int n;

	snprintf(buf[n & 3], sizeof buf[0], "%s/%s", dirs[i], name);
	return buf[n++ & 3];
}

static void export_to(int from, const char *peer, const char *file)
{
	struct cw_bundle_options o = {CW_BUNDLE_PEER, peer, {0, 0, 0}};
	struct cw_bundle_stats s;
	struct cw_error err;

	ck_assert_msg(cw_bundle_export(st[from], &o, file, &s, &err) == 0, "%s", err.message);
}

static size_t import(int into, const char *file)
{
	struct cw_bundle_stats s;
	struct cw_error err;

	ck_assert_msg(cw_bundle_import(st[into], file, &s, &err) == 0, "%s: %s", err.field,
		      err.message);
	return s.changed;
}

static char *content(int i)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct cw_error err;

	ck_assert_ptr_nonnull(f);
	ck_assert_msg(cw_sync_content(st[i], f, &err) == 0, "%s", err.message);
	fclose(f);
	return text;
}

static struct cw_id put_person(int i, const char *name)
{
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_PERSON);
	r.u.person.name = strdup(name);
	ck_assert_msg(cw_store_put(st[i], &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

static void edit_person(int i, const struct cw_id *id, const char *notes)
{
	struct cw_record r;
	struct cw_error err;

	ck_assert_int_eq(cw_store_get(st[i], id, &r, &err), 0);
	free(r.u.person.notes);
	r.u.person.notes = strdup(notes);
	ck_assert_msg(cw_store_put(st[i], &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);
}

START_TEST(three_bundles_every_order_same_content)
{
	static const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
					 {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
	struct cw_error err;
	struct cw_id p, q;
	char *files[3], *first = NULL;
	struct cw_conflict *c;
	size_t n;

	/* Laptop 0 makes two people and shares them with laptop 1 (through a bundle). */
	open_at(0, "alice");
	open_at(1, "bob");
	p = put_person(0, "Chhim Sithar");
	q = put_person(0, "Kang Saran");
	export_to(0, "bob", path_in(0, "seed.b"));
	ck_assert_uint_eq(import(1, path_in(0, "seed.b")), 2);
	/* Offline: both edit p; laptop 0 deletes q; laptop 1 edits q afterwards (the edit is
	 * later, so it wins and the deletion is kept as the conflict). */
	edit_person(0, &p, "from alice");
	ck_assert_int_eq(cw_store_delete(st[0], &q, &err), 0);
	edit_person(1, &p, "from bob");
	edit_person(1, &q, "still here");
	files[0] = strdup(path_in(0, "a.b"));
	files[1] = strdup(path_in(1, "b.b"));
	files[2] = strdup(path_in(0, "seed2.b"));
	export_to(0, "sup", files[0]);
	export_to(1, "sup", files[1]);
	export_to(0, "other", files[2]); /* everything laptop 0 holds, again */
	for (int o = 0; o < 6; o++) {
		char *text;

		cw_store_close(st[0]);
		st[0] = NULL;
		open_at(2 + (o % 4), "sup");
		for (int k = 0; k < 3; k++)
			import(2 + (o % 4), files[orders[o][k]]);
		/* re-importing everything changes nothing */
		for (int k = 0; k < 3; k++)
			ck_assert_uint_eq(import(2 + (o % 4), files[k]), 0);
		text = content(2 + (o % 4));
		if (!first)
			first = text;
		else {
			ck_assert_str_eq(text, first);
			free(text);
		}
		ck_assert_int_eq(cw_sync_conflicts(st[2 + (o % 4)], &c, &n, &err), 0);
		ck_assert_uint_eq(n, 2);
		for (size_t i = 0; i < n; i++) {
			ck_assert_uint_eq(c[i].n, 2);
			if (cw_id_equal(&c[i].id, &p)) {
				ck_assert_str_eq(c[i].versions[0].rec.u.person.notes, "from bob");
				ck_assert_str_eq(c[i].versions[1].rec.u.person.notes, "from alice");
			} else {
				ck_assert(cw_id_equal(&c[i].id, &q));
				ck_assert_int_eq(c[i].versions[0].deleted, 0);
				ck_assert_int_eq(c[i].versions[1].deleted, 1);
			}
		}
		cw_sync_conflicts_free(c, n);
		cw_store_close(st[2 + (o % 4)]);
		st[2 + (o % 4)] = NULL;
		rm_tree(dirs[2 + (o % 4)]);
		dirs[2 + (o % 4)] = NULL;
		open_at(0, "alice");
	}
	free(first);
	for (int k = 0; k < 3; k++)
		free(files[k]);
}
END_TEST

START_TEST(resolve_makes_one_version_that_travels)
{
	struct cw_error err;
	struct cw_id p;
	struct cw_conflict *c;
	struct cw_record r;
	size_t n;
	char *a, *b;

	open_at(0, "alice");
	open_at(1, "bob");
	p = put_person(0, "Ny Nak");
	export_to(0, "bob", path_in(0, "1.b"));
	import(1, path_in(0, "1.b"));
	edit_person(0, &p, "A");
	edit_person(1, &p, "B");
	export_to(0, "bob", path_in(0, "2.b"));
	import(1, path_in(0, "2.b"));
	ck_assert_int_eq(cw_sync_conflicts(st[1], &c, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	cw_sync_conflicts_free(c, n);
	ck_assert_int_eq(cw_sync_resolve(st[1], &p, 5, &err), CW_EINVAL);
	ck_assert_int_eq(cw_sync_resolve(st[1], &p, 1, &err), 0); /* keep alice's */
	ck_assert_int_eq(cw_store_get(st[1], &p, &r, &err), 0);
	ck_assert_str_eq(r.u.person.notes, "A");
	ck_assert_str_eq(r.editor, "bob");
	cw_record_free(&r);
	ck_assert_int_eq(cw_sync_resolve(st[1], &p, 0, &err), CW_ENOTFOUND);
	export_to(1, "alice", path_in(1, "3.b"));
	import(0, path_in(1, "3.b"));
	ck_assert_int_eq(cw_sync_conflicts(st[0], &c, &n, &err), 0);
	ck_assert_uint_eq(n, 0);
	a = content(0);
	b = content(1);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
}
END_TEST

START_TEST(local_edit_after_import_is_not_a_conflict)
{
	struct cw_error err;
	struct cw_id p;
	struct cw_conflict *c;
	size_t n;

	open_at(0, "alice");
	open_at(1, "sup");
	p = put_person(0, "Koeut Saray");
	export_to(0, "sup", path_in(0, "1.b"));
	import(1, path_in(0, "1.b"));
	edit_person(1, &p, "supervisor's note");
	export_to(1, "alice", path_in(1, "2.b"));
	ck_assert_uint_eq(import(0, path_in(1, "2.b")), 1);
	ck_assert_int_eq(cw_sync_conflicts(st[0], &c, &n, &err), 0);
	ck_assert_uint_eq(n, 0);
	/* and the older bundle arriving late changes nothing */
	ck_assert_uint_eq(import(1, path_in(0, "1.b")), 0);
}
END_TEST

static Suite *sync_suite(void)
{
	Suite *s = suite_create("sync");
	TCase *rule = tcase_create("merge rule"), *tc = tcase_create("bundles");

	tcase_add_test(rule, vv_tells_later_from_concurrent);
	tcase_add_test(rule, order_later_wins_tie_by_database);
	tcase_add_test(rule, record_without_vector_counts_as_its_last_edit);
	suite_add_tcase(s, rule);
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, three_bundles_every_order_same_content);
	tcase_add_test(tc, resolve_makes_one_version_that_travels);
	tcase_add_test(tc, local_edit_after_import_is_not_a_conflict);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(sync_suite());
}
