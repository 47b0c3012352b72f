/* check_sync.c - unit tests of sync (store/sync.h): the merge rule (version vectors, the total
 * order that picks the version shown, versions dated in the future) and bundles between stores
 * in temporary directories: every order of three bundles gives the same content, a deletion
 * against an edit, re-imports, a forged version from 2030, deletions that carry no content
 * (in bundles, in the file, in databases written before); the signed, encrypted envelope
 * (store/envelope.c): every part of a file altered or cut is refused, unknown signers and other
 * recipients are refused, payloads span chunks; and payloads a trusted peer signed that are
 * still invalid (a bad line, a record nobody has). */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "models/codec.h"
#include "store/attach.h"
#include "store/identity.h"
#include "store/store.h"
#include "store/sync.h"
#include "store/sync_internal.h"
#include "store/trust.h"
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

START_TEST(ancestry_not_time_decides)
{
	struct cw_record a, b, x, c;
	int64_t now = 1000000000000000; /* the machine reading them: 2001-09-09 */

	version(&a, NULL, 1, 500);
	version(&b, &a, 2, 50); /* on top of a, from a laptop whose clock is far behind */
	ck_assert_int_eq(cw_version_supersedes(&b, &a), 1);
	ck_assert_int_eq(cw_version_supersedes(&a, &b), 0);
	ck_assert_int_lt(cw_version_cmp(&b, &a), 0); /* the order alone would have shown a */
	/* a version claiming a change made two days after `now` (in any entry) is dated in the
	 * future; one day ahead is a clock that drifted */
	version(&x, &a, 3, now + CW_FUTURE_SLACK_US);
	ck_assert_int_eq(cw_version_in_future(&x, now), 0);
	cw_record_free(&x);
	version(&x, &a, 3, 600);
	ck_assert_int_eq(cw_vv_stamp(&x, &(struct cw_id){{1}}, now + 2 * CW_FUTURE_SLACK_US), 0);
	ck_assert_int_eq(cw_version_in_future(&x, now), 1);
	ck_assert_int_eq(cw_version_dated(&x), now + 2 * CW_FUTURE_SLACK_US);
	/* set aside: supersedes x without taking its vector, and what is made on top of it
	 * keeps x set aside */
	version(&c, &a, 1, 700);
	ck_assert_int_eq(cw_version_supersedes(&c, &x), 0);
	ck_assert_int_eq(cw_version_set_aside(&c, &x), 0);
	ck_assert_int_eq(cw_version_set_aside(&c, &x), 0);
	ck_assert_uint_eq(c.set_aside.n, 1);
	ck_assert_int_eq(cw_version_supersedes(&c, &x), 1);
	ck_assert_int_eq(cw_version_in_future(&c, now), 0);
	cw_record_free(&b);
	version(&b, &c, 2, 800);
	ck_assert_int_eq(cw_version_supersedes(&b, &x), 1);
	cw_record_free(&a);
	cw_record_free(&b);
	cw_record_free(&c);
	cw_record_free(&x);
}
END_TEST

/* ---- bundles between stores ---------------------------------------------------------------- */

#define NSTORES 7
static char *dirs[NSTORES];
static struct cw_store *st[NSTORES];

/* Opens (making it the first time) database i; `as` gives a new one the id of another, the
 * way someone forging a laptop's bundles would claim to be it. */
static struct cw_store *open_as(int i, const char *author, const struct cw_id *as)
{
	struct cw_store_options opt = {.author = author, .create = 1};
	struct cw_error err;

	if (!dirs[i])
		dirs[i] = make_temp_dir();
	test_key_options(&opt, dirs[i]);
	opt.database_id = as;
	ck_assert_msg(cw_store_open(dirs[i], &opt, &st[i], &err) == 0, "%s", err.message);
	return st[i];
}

static struct cw_store *open_at(int i, const char *author)
{
	return open_as(i, author, NULL);
}

/* A plain database, whose file would show any text left in it. */
static struct cw_store *open_plain(int i, const char *author)
{
	struct cw_store_options opt = {.author = author, .create = 1};
	struct cw_error err;

	if (!dirs[i])
		dirs[i] = make_temp_dir();
	ck_assert_msg(cw_store_open(dirs[i], &opt, &st[i], &err) == 0, "%s", err.message);
	return st[i];
}

/* Whether the bytes of a file hold `word` anywhere. */
static int file_has(const char *path, const char *word)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, cap = 0, got;
	int found;

	ck_assert_ptr_nonnull(f);
	do {
		if (len == cap && !(data = realloc(data, cap = cap ? cap * 2 : 65536)))
			ck_abort_msg("out of memory");
		got = fread(data + len, 1, cap - len, f);
		len += got;
	} while (got);
	fclose(f);
	found = memmem(data, len, word, strlen(word)) != NULL;
	free(data);
	return found;
}

static void teardown(void)
{
	for (int i = 0; i < NSTORES; i++) {
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

/* Store `at` enrols store `whose` under name. */
static void enroll(int at, int whose, const char *name)
{
	struct cw_identity_public pub;
	struct cw_error err;

	ck_assert_msg(cw_store_identity(st[whose], &pub, &err) == 0, "%s", err.message);
	ck_assert_msg(cw_peer_add(st[at], name, &pub, &err) == 0, "%s", err.message);
}

static void export_scope(int from, enum cw_bundle_scope scope, const char *peer, int plain,
			 const char *file)
{
	struct cw_bundle_options o = {scope, peer, {0, 0, 0}, plain, 0, 0, 0, 0};
	struct cw_bundle_stats s;
	struct cw_error err;

	ck_assert_msg(cw_bundle_export(st[from], &o, file, &s, &err) == 0, "%s", err.message);
}

/* What the peer has not had, encrypted for it. */
static void export_to(int from, const char *peer, const char *file)
{
	export_scope(from, CW_BUNDLE_PEER, peer, 0, file);
}

/* Signed but not encrypted: for tests where several stores read the same bundle. */
static void export_plain_to(int from, const char *peer, const char *file)
{
	export_scope(from, CW_BUNDLE_PEER, peer, 1, file);
}

/* Every one of the first n stores trusts the others, under the names given. */
static void mesh(int n, const char *const *names)
{
	for (int i = 0; i < n; i++)
		for (int j = 0; j < n; j++)
			if (i != j)
				enroll(i, j, names[j]);
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

/* How many people store i finds by the whole name, from its index of people by name. */
static size_t named_at(int i, const char *name)
{
	struct cw_record_list l;
	struct cw_error err;
	size_t n;

	ck_assert_msg(cw_store_people_named(st[i], name, 0, &l, &err) == 0, "%s", err.message);
	n = l.n;
	cw_record_list_free(&l);
	return n;
}

static void no_problem_line(void *ctx, const char *line)
{
	ck_abort_msg("verify %s: %s", (const char *)ctx, line);
}

/* A bundle's people are filed by name where it is taken, as they are where they were written:
 * new ones, one renamed, one deleted; verify agrees. */
START_TEST(bundle_files_its_people_by_name)
{
	struct cw_verify_stats vs;
	struct cw_record r;
	struct cw_error err;
	struct cw_id p, q;

	open_at(0, "alice");
	open_at(1, "bob");
	enroll(0, 1, "bob");
	enroll(1, 0, "alice");
	p = put_person(0, "Sok Dara");
	q = put_person(0, "Sok Dara");
	export_to(0, "bob", path_in(0, "one.b"));
	ck_assert_uint_eq(import(1, path_in(0, "one.b")), 2);
	ck_assert_uint_eq(named_at(1, "sok dara"), 2);
	ck_assert_int_eq(cw_store_get(st[0], &p, &r, &err), 0);
	free(r.u.person.name);
	r.u.person.name = strdup("Sok Dara Kandal");
	ck_assert_msg(cw_store_put(st[0], &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_delete(st[0], &q, &err), 0);
	put_person(0, "Sok Dara");
	export_to(0, "bob", path_in(0, "two.b"));
	import(1, path_in(0, "two.b"));
	ck_assert_uint_eq(named_at(1, "Sok Dara"), 1);
	ck_assert_uint_eq(named_at(1, "Sok Dara Kandal"), 1);
	ck_assert_msg(cw_store_verify(st[1], no_problem_line, "bob", &vs, &err) == 0, "%s",
		      err.message);
}
END_TEST

START_TEST(three_bundles_every_order_same_content)
{
	static const int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
					 {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
	struct cw_error err;
	struct cw_id p, q;
	char *files[3], *first = NULL;
	struct cw_conflict *c;
	size_t n;

	/* Laptop 0 makes two people and shares them with laptop 1 (through a bundle). The
	 * supervisor's database (6) is copied afresh for each order, so every copy has the key
	 * the bundles are encrypted for. */
	open_at(0, "alice");
	open_at(1, "bob");
	open_at(6, "sup");
	enroll(0, 1, "bob");
	enroll(1, 0, "alice");
	enroll(0, 6, "sup");
	enroll(1, 6, "sup");
	enroll(6, 0, "alice");
	enroll(6, 1, "bob");
	cw_store_close(st[6]);
	st[6] = NULL;
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
	/* everything laptop 0 holds, again */
	export_scope(0, CW_BUNDLE_ALL, "sup", 0, files[2]);
	for (int o = 0; o < 6; o++) {
		char *text, cmd[9000];

		cw_store_close(st[0]);
		st[0] = NULL;
		dirs[2 + (o % 4)] = make_temp_dir();
		snprintf(cmd, sizeof cmd, "cp '%s/data.mdb' '%s/'", dirs[6], dirs[2 + (o % 4)]);
		ck_assert_int_eq(system(cmd), 0);
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
	enroll(0, 1, "bob");
	enroll(1, 0, "alice");
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
	enroll(0, 1, "sup");
	enroll(1, 0, "alice");
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

/* ---- the envelope: what a carrier or a stranger could do to a bundle ---------------------- */

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = malloc(1 << 22);

	ck_assert_ptr_nonnull(f);
	*len = fread(data, 1, 1 << 22, f);
	fclose(f);
	return data;
}

static void spit(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	fclose(f);
}

static int import_rc(int into, const char *file, struct cw_error *err)
{
	struct cw_bundle_stats s;

	cw_error_clear(err);
	return cw_bundle_import(st[into], file, &s, err);
}

START_TEST(every_altered_or_cut_byte_is_refused)
{
	struct cw_error err;
	uint8_t *good, *bad;
	size_t len;
	char *before, *after;

	open_at(0, "alice");
	open_at(1, "sup");
	enroll(0, 1, "sup");
	enroll(1, 0, "alice");
	put_person(0, "Chhim Sithar");
	put_person(1, "Someone Here");
	export_to(0, "sup", path_in(0, "good.b"));
	good = slurp(path_in(0, "good.b"), &len);
	bad = malloc(len);
	before = content(1);
	/* One bit flipped anywhere: magic, version, flags, signer, recipients, sealed key,
	 * stream, chunk lengths, ciphertext, signature. */
	for (size_t i = 0; i < len; i++) {
		int rc;

		memcpy(bad, good, len);
		bad[i] ^= 0x10;
		spit(path_in(1, "bad.b"), bad, len);
		rc = import_rc(1, path_in(1, "bad.b"), &err);
		ck_assert_msg(rc != 0, "byte %zu flipped was imported", i);
		ck_assert_int_eq(rc, i < 8 ? CW_EINVAL : i == 8 ? CW_EVERSION : CW_EDAMAGED);
	}
	/* Cut anywhere. */
	for (size_t cut = 0; cut < len; cut += cut < 200 ? 1 : 37) {
		spit(path_in(1, "cut.b"), good, cut);
		ck_assert_msg(import_rc(1, path_in(1, "cut.b"), &err) != 0, "cut at %zu imported",
			      cut);
	}
	/* One byte more. */
	memcpy(bad, good, len);
	spit(path_in(1, "long.b"), good, len);
	{
		FILE *f = fopen(path_in(1, "long.b"), "ab");

		fputc(0, f);
		fclose(f);
	}
	ck_assert_int_eq(import_rc(1, path_in(1, "long.b"), &err), CW_EDAMAGED);
	after = content(1);
	ck_assert_str_eq(before, after);
	ck_assert_uint_eq(import(1, path_in(0, "good.b")), 1);
	free(before);
	free(after);
	free(good);
	free(bad);
}
END_TEST

START_TEST(unknown_signers_and_other_recipients_are_refused)
{
	struct cw_error err;
	struct cw_identity_public bob;
	struct cw_bundle b;
	struct cw_id bob_db;
	char fp[CW_FINGERPRINT_TEXT_MAX], key[CW_IDENTITY_TEXT_MAX], alone[CW_IDENTITY_TEXT_MAX];

	open_at(0, "alice");
	open_at(1, "sup");
	open_at(2, "bob");
	enroll(0, 1, "sup");
	enroll(2, 1, "sup");
	enroll(0, 2, "bob");
	enroll(1, 0, "alice");
	put_person(0, "Chhim Sithar");
	put_person(2, "Kang Saran");
	/* Bob's laptop is not enrolled at the supervisor's: refused, naming how to trust it. */
	export_to(2, "sup", path_in(2, "bob.b"));
	ck_assert_int_eq(import_rc(1, path_in(2, "bob.b"), &err), CW_EREFUSED);
	ck_assert_int_eq(cw_store_identity(st[2], &bob, &err), 0);
	cw_identity_fingerprint(&bob, fp);
	/* with the key that binds Bob's database (cwid2), never the key alone */
	cw_store_database_id(st[2], &bob_db);
	cw_identity_text_of_database(&bob, &bob_db, key);
	cw_identity_text(&bob, alone);
	ck_assert_ptr_nonnull(strstr(err.message, fp));
	ck_assert_ptr_nonnull(strstr(err.message, "casewatch peer add NAME"));
	ck_assert_ptr_nonnull(strstr(err.message, key));
	ck_assert_ptr_null(strstr(err.message, alone));
	/* inspect still shows who signed it */
	ck_assert_int_eq(cw_bundle_read(st[1], path_in(2, "bob.b"), &b, &err), 0);
	ck_assert_int_eq(b.env.opened, 1);
	ck_assert_str_eq(b.env.signer_name, "");
	ck_assert_int_eq(b.env.signer_here, 0);
	ck_assert_int_eq(b.env.recipients[0].here, 1);
	cw_bundle_free(&b);
	/* Alice's bundle for Bob, at the supervisor's: for other recipients. */
	export_to(0, "bob", path_in(0, "tobob.b"));
	ck_assert_int_eq(import_rc(1, path_in(0, "tobob.b"), &err), CW_EREFUSED);
	ck_assert_ptr_nonnull(strstr(err.message, "other recipients"));
	ck_assert_int_eq(cw_bundle_read(st[1], path_in(0, "tobob.b"), &b, &err), 0);
	ck_assert_int_eq(b.env.opened, 0);
	ck_assert_str_eq(b.env.signer_name, "alice");
	ck_assert_uint_eq(b.env.nrecipients, 1);
	ck_assert_int_eq(b.env.recipients[0].here, 0);
	ck_assert_uint_eq(b.n, 0);
	cw_bundle_free(&b);
	/* Enrolled, Bob's bundle imports; removed, Alice's next one is refused. */
	enroll(1, 2, "bob");
	ck_assert_uint_eq(import(1, path_in(2, "bob.b")), 1);
	ck_assert_int_eq(cw_peer_remove(st[1], "alice", &err), 0);
	export_to(0, "sup", path_in(0, "a.b"));
	ck_assert_int_eq(import_rc(1, path_in(0, "a.b"), &err), CW_EREFUSED);
	ck_assert_int_eq(cw_peer_remove(st[1], "alice", &err), CW_ENOTFOUND);
}
END_TEST

START_TEST(peers_one_name_one_key)
{
	struct cw_error err;
	struct cw_identity_public a, self;
	struct cw_peer_key *list, found;
	size_t n;

	open_at(0, "alice");
	open_at(1, "sup");
	ck_assert_int_eq(cw_store_identity(st[0], &a, &err), 0);
	ck_assert_int_eq(cw_store_identity(st[1], &self, &err), 0);
	ck_assert_int_eq(cw_peer_add(st[1], "alice", &a, &err), 0);
	ck_assert_int_eq(cw_peer_add(st[1], "alice", &a, &err), CW_EREFUSED);
	ck_assert_int_eq(cw_peer_add(st[1], "alice2", &a, &err), CW_EREFUSED);
	ck_assert_ptr_nonnull(strstr(err.message, "'alice'"));
	ck_assert_int_eq(cw_peer_add(st[1], "me", &self, &err), CW_EREFUSED);
	ck_assert_int_eq(cw_peer_add(st[1], "a,b", &self, &err), CW_EINVAL);
	ck_assert_int_eq(cw_peer_add(st[1], "tab\there", &self, &err), CW_EINVAL);
	ck_assert_int_eq(cw_peer_add(st[1], "", &self, &err), CW_EINVAL);
	ck_assert_int_eq(cw_peer_add(st[1], "-x", &self, &err), CW_EINVAL);
	ck_assert_int_eq(cw_peer_by_name(st[1], "alice", &found, &err), 0);
	ck_assert(cw_identity_equal(&found.key, &a));
	ck_assert_int_eq(cw_peer_by_key(st[1], &a, &found, &err), 0);
	ck_assert_str_eq(found.name, "alice");
	ck_assert_int_eq(cw_peer_list(st[1], &list, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	free(list);
	/* A peer of the team (the entry's first format, as every entry before roles); made a
	 * partner and back, by name and by key, name and key kept. */
	ck_assert_int_eq(found.role, CW_PEER_TEAM);
	{
		int was = -1;

		ck_assert_int_eq(cw_peer_set_role(st[1], "alice", CW_PEER_PARTNER, &was, &err), 0);
		ck_assert_int_eq(was, CW_PEER_TEAM);
		ck_assert_int_eq(cw_peer_by_key(st[1], &a, &found, &err), 0);
		ck_assert_str_eq(found.name, "alice");
		ck_assert_int_eq(found.role, CW_PEER_PARTNER);
		ck_assert_int_eq(cw_peer_set_role(st[1], "alice", CW_PEER_TEAM, &was, &err), 0);
		ck_assert_int_eq(was, CW_PEER_PARTNER);
		ck_assert_int_eq(cw_peer_by_name(st[1], "alice", &found, &err), 0);
		ck_assert_int_eq(found.role, CW_PEER_TEAM);
		ck_assert(cw_identity_equal(&found.key, &a));
		ck_assert_int_eq(cw_peer_set_role(st[1], "nobody", CW_PEER_TEAM, &was, &err),
				 CW_ENOTFOUND);
		ck_assert_int_eq(cw_peer_set_role(st[1], "alice", 7, &was, &err), CW_EINVAL);
	}
	/* the identity stays the same across reopening */
	cw_store_close(st[0]);
	open_at(0, "alice");
	ck_assert_int_eq(cw_store_identity(st[0], &self, &err), 0);
	ck_assert(cw_identity_equal(&self, &a));
}
END_TEST

START_TEST(identity_text_round_trip)
{
	struct cw_error err;
	struct cw_identity_public a, b;
	char text[CW_IDENTITY_TEXT_MAX], fp[CW_FINGERPRINT_TEXT_MAX];
	char cut[CW_IDENTITY_TEXT_MAX + 4]; /* the text with what a test puts around it */

	open_at(0, "alice");
	ck_assert_int_eq(cw_store_identity(st[0], &a, &err), 0);
	cw_identity_text(&a, text);
	ck_assert_uint_eq(strlen(text), 6 + 86);
	ck_assert_int_eq(cw_identity_parse(text, &b, NULL, &err), 0);
	ck_assert(cw_identity_equal(&a, &b));
	cw_identity_fingerprint(&a, fp);
	ck_assert_uint_eq(strlen(fp), 29);
	snprintf(cut, sizeof cut, "%.80s", text);
	ck_assert_int_eq(cw_identity_parse(cut, &b, NULL, &err), CW_EINVAL);
	ck_assert_int_eq(cw_identity_parse(text + 6, &b, NULL, &err), CW_EINVAL);
	snprintf(cut, sizeof cut, "%sA", text);
	ck_assert_int_eq(cw_identity_parse(cut, &b, NULL, &err), CW_EINVAL);
	snprintf(cut, sizeof cut, "  %s\n", text);
	ck_assert_int_eq(cw_identity_parse(cut, &b, NULL, &err), 0);
	/* With the database it speaks for: both come back; the key alone names none. */
	{
		struct cw_id db, got;

		cw_store_database_id(st[0], &db);
		cw_identity_text_of_database(&a, &db, text);
		ck_assert_uint_eq(strlen(text), 6 + 107);
		ck_assert_int_eq(strncmp(text, "cwid2:", 6), 0);
		ck_assert_int_eq(cw_identity_parse(text, &b, &got, &err), 0);
		ck_assert(cw_identity_equal(&a, &b) && cw_id_equal(&db, &got));
		snprintf(cut, sizeof cut, "%.100s", text);
		ck_assert_int_eq(cw_identity_parse(cut, &b, &got, &err), CW_EINVAL);
		ck_assert_msg(strstr(err.message, "a key has 107") != NULL, "%s", err.message);
		cw_identity_text(&a, text);
		ck_assert_int_eq(cw_identity_parse(text, &b, &got, &err), 0);
		ck_assert(cw_id_is_zero(&got));
		/* No database has the zero id: a key naming it is refused. */
		memset(&got, 0, sizeof got);
		cw_identity_text_of_database(&a, &got, text);
		ck_assert_int_eq(cw_identity_parse(text, &b, &got, &err), CW_EINVAL);
		ck_assert_msg(strstr(err.message, "names no database") != NULL, "%s", err.message);
	}
}
END_TEST

/* Payloads of every size around the chunk size come back byte for byte, for each of several
 * recipients, compressed (random bytes stay as large) and stored as they are. */
START_TEST(payloads_span_chunks_and_recipients)
{
	static const size_t sizes[] = {0, 1, 65535, 65536, 65537, 200000, 300000};
	static const int modes[] = {0, CW_ENVELOPE_STORED};
	struct cw_identity_public to[2];
	struct cw_bundle_envelope env;
	struct cw_error err;
	struct cw_buf file = {0}, out = {0};
	char *payload = malloc(300000);

	randombytes_buf(payload, 300000);
	open_at(0, "alice");
	open_at(1, "sup");
	open_at(2, "bob");
	enroll(1, 0, "alice");
	enroll(2, 0, "alice");
	ck_assert_int_eq(cw_store_identity(st[1], &to[0], &err), 0);
	ck_assert_int_eq(cw_store_identity(st[2], &to[1], &err), 0);
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		for (int plain = 0; plain < 2; plain++) {
			for (size_t m = 0; m < 2; m++) {
				file.len = 0;
				ck_assert_int_eq(cw_envelope_seal(st[0], to, plain ? 0 : 2,
								  modes[m], payload, sizes[k],
								  &file, &err),
						 0);
				for (int r = 1; r <= 2; r++) {
					ck_assert_msg(cw_envelope_open(st[r], file.data, file.len,
								       1, &env, &out, &err) == 0,
						      "%zu bytes: %s", sizes[k], err.message);
					ck_assert_uint_eq(out.len, sizes[k]);
					ck_assert_int_eq(memcmp(out.data, payload, sizes[k]), 0);
					ck_assert_int_eq(env.encrypted, !plain);
					ck_assert_int_eq(env.version, 3);
					ck_assert_str_eq(env.signer_name, "alice");
					free(env.recipients);
				}
				/* plain text appears in a plain stored file, never in an encrypted
				 * one */
				if (sizes[k] >= 65536 && (modes[m] || !plain))
					ck_assert_int_eq(memmem(file.data, file.len, payload, 64) !=
								 NULL,
							 plain);
			}
		}
	}
	cw_buf_free(&file);
	cw_buf_free(&out);
	free(payload);
}
END_TEST

/* ---- payloads a trusted peer signed that are still wrong ----------------------------------- */

#define P_ID "e4805d89d937ad8e0f2f47c5d8524390"
#define C_ID "4e738810ae94f933d82ac51333063804"
#define DB   "a12820d81a0cb1b38eedf7df20a5f201"
#define HDR(v)                                                                                     \
	"{\"author\":\"alice\",\"bundle\":\"060f73dcb192389dd7cb6315f697da49\",\"created\":"       \
	"\"2024-02-10T09:00:00.000000Z\",\"database\":\"" DB "\",\"format\":\"casewatch-"          \
	"bundle\",\"scope\":\"all\",\"version\":" #v "}"
#define VERSION_OF(body)                                                                           \
	"{\"deleted\":false,\"record\":{\"author\":\"alice\",\"created\":\"2024-02-10T08:00:00."   \
	"000000Z\",\"edited_in\":\"" DB "\",\"editor\":\"alice\",\"origin\":\"" DB "\","           \
	"\"updated\":\"2024-02-10T08:00:00.000000Z\",\"versions\":[{\"database\":\"" DB "\","      \
	"\"time\":1707552000000000}]," body "},\"type\":\"version\"}"
#define PERSON VERSION_OF("\"id\":\"" P_ID "\",\"kind\":\"person\",\"name\":\"Chhim Sithar\"")
#define CASE                                                                                       \
	VERSION_OF("\"id\":\"" C_ID "\",\"kind\":\"case\",\"title\":\"NagaWorld strike\","         \
		   "\"defendants\":[{\"person\":\"" P_ID "\"}]")

/* An entry relayed from a database whose key is unknown here (the format before the chain):
 * one of the signer's own database would have to be chained and signed. */
#define RELAYED_DB "5e1f0c3a9b8d7e6f5a4b3c2d1e0f9a8b"
#define AUDIT                                                                                      \
	"{\"action\":\"create\",\"author\":\"alice\",\"database\":\"" RELAYED_DB "\",\"kind\":"    \
	"\"person\",\"record\":\"" P_ID "\",\"time\":\"2024-02-10T08:00:00.000000Z\","             \
	"\"type\":\"audit\"}"

/* Signs lines (and an end line counting them, plus `extra`) as st[0] for st[1], imports it
 * into st[1]; returns the result and leaves the error in err. */
static int import_signed(const char *const *lines, size_t n, int extra, struct cw_error *err)
{
	struct cw_identity_public to;
	struct cw_buf text = {0}, file = {0};
	char end[64];
	int rc;

	for (size_t i = 0; i < n; i++) {
		ck_assert_int_eq(cw_buf_append(&text, lines[i], strlen(lines[i])), 0);
		ck_assert_int_eq(cw_buf_append(&text, "\n", 1), 0);
	}
	snprintf(end, sizeof end, "{\"lines\":%d,\"type\":\"end\"}\n", (int)n + extra);
	ck_assert_int_eq(cw_buf_append(&text, end, strlen(end)), 0);
	ck_assert_int_eq(cw_store_identity(st[1], &to, err), 0);
	ck_assert_int_eq(cw_envelope_seal(st[0], &to, 1, 0, text.data, text.len, &file, err), 0);
	spit(path_in(1, "signed.b"), file.data, file.len);
	cw_buf_free(&text);
	cw_buf_free(&file);
	rc = import_rc(1, path_in(1, "signed.b"), err);
	return rc;
}

START_TEST(signed_but_invalid_payloads_are_refused)
{
	const char *bad_time[] = {HDR(3), PERSON, CASE};
	const char *dangling[] = {HDR(3), CASE};
	const char *v9[] = {HDR(9), PERSON};
	const char *v1[] = {HDR(1), PERSON};
	const char *garbage[] = {HDR(3), "{\"type\":\"version\",", PERSON};
	const char *unknown[] = {HDR(3), "{\"type\":\"rumour\"}"};
	const char *good[] = {HDR(3), AUDIT, PERSON, CASE};
	const char *audit_late[] = {HDR(3), PERSON, AUDIT};
	const char *case_first[] = {HDR(3), CASE, PERSON};
	struct cw_error err;
	char *before, *after;
	char bad[1024];

	open_at(0, "alice");
	open_at(1, "sup");
	enroll(0, 1, "sup");
	enroll(1, 0, "alice");
	put_person(1, "Someone Here");
	before = content(1);
	/* a field that fails validation, named by its line */
	snprintf(bad, sizeof bad, "%s", CASE);
	memcpy(strstr(bad, "2024-02-10T08:00:00.000000Z"), "2024-02-10T25:99:00.000000Z", 27);
	bad_time[2] = bad;
	ck_assert_int_eq(import_signed(bad_time, 3, 0, &err), CW_EINVAL);
	ck_assert_msg(strstr(err.field, "bundle line 3") != NULL, "%s: %s", err.field, err.message);
	/* a case naming a person neither the bundle nor the database has */
	ck_assert_int_ne(import_signed(dangling, 2, 0, &err), 0);
	ck_assert_msg(strstr(err.message, "neither this database nor the bundle") != NULL, "%s",
		      err.message);
	/* out of order: the log after the versions, a case before the person it names */
	ck_assert_int_eq(import_signed(audit_late, 3, 0, &err), CW_EINVAL);
	ck_assert_msg(strstr(err.field, "bundle line 3") != NULL, "%s: %s", err.field, err.message);
	ck_assert_ptr_nonnull(strstr(err.message, "audit entries first"));
	ck_assert_int_ne(import_signed(case_first, 3, 0, &err), 0);
	{
		/* import meets the case's missing person first; inspect reads on to the order */
		struct cw_bundle b;

		ck_assert_int_eq(cw_bundle_read(st[1], path_in(1, "signed.b"), &b, &err),
				 CW_EINVAL);
		ck_assert_msg(strstr(err.field, "bundle line 3") != NULL, "%s: %s", err.field,
			      err.message);
		ck_assert_ptr_nonnull(strstr(err.message, "a person after the cases"));
	}
	/* a line lost (the end line counts one more) */
	ck_assert_int_eq(import_signed(good, 4, 1, &err), CW_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.message, "lacks lines"));
	/* payloads of other versions */
	ck_assert_int_eq(import_signed(v9, 2, 0, &err), CW_EVERSION);
	ck_assert_int_eq(import_signed(v1, 2, 0, &err), CW_EVERSION);
	/* not JSON, an unknown entry */
	ck_assert_int_eq(import_signed(garbage, 3, 0, &err), CW_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.field, "bundle line 2"));
	ck_assert_int_eq(import_signed(unknown, 2, 0, &err), CW_EINVAL);
	after = content(1);
	ck_assert_str_eq(before, after);
	free(after);
	/* the same lines, right, import */
	ck_assert_int_eq(import_signed(good, 4, 0, &err), 0);
	after = content(1);
	ck_assert_str_ne(before, after);
	free(before);
	free(after);
}
END_TEST

/* An attachment's description from a peer, as bundle.c reads it: the attachment A_ID of the
 * person P_ID, its fields given as JSON text (name, type, author already quoted; caption
 * "" for none, else ",\"caption\":..."). */
#define A_ID  "5323e8f461d18b47dee18eaa67033acd"
#define A_SHA "98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4"
static const char *attachment_line(const char *author, const char *name, const char *type,
				   const char *caption)
{
	static char line[4096];

	snprintf(line, sizeof line,
		 "{\"attachment\":{\"added\":1707552000000000,\"added_in\":\"" DB "\",\"author\":"
		 "%s%s,\"id\":\"" A_ID "\",\"name\":%s,\"record\":\"" P_ID "\",\"sha256\":\"" A_SHA
		 "\",\"size\":3,\"type\":%s},\"type\":\"attachment\"}",
		 author, caption, name, type);
	return line;
}

/* The number of attachments of P_ID in store 1, detached ones too. */
static size_t attachments_of_person(void)
{
	struct cw_attachment *v;
	struct cw_error err;
	struct cw_id p;
	size_t n;

	ck_assert_int_eq(cw_id_parse_hex(P_ID, &p), 0);
	ck_assert_msg(cw_store_attachments(st[1], &p, 1, &v, &n, &err) == 0, "%s", err.message);
	cw_attachments_free(v, n);
	return n;
}

/* An attachment's name, type, caption and author from a peer are checked as `attach` checks
 * what is typed here: a name that climbs out of a folder, names one, is empty, or holds an
 * escape, a C1 control or a bidi override is refused, naming the bundle's line and the field,
 * and nothing of the bundle is written; the same description, well formed, imports. */
START_TEST(hostile_attachment_descriptions_are_refused)
{
	static const struct {
		const char *author, *name, *type, *caption, *field;
	} bad[] = {
		{"\"alice\"", "\"../../../../tmp/x.sh\"", "\"text/plain\"", "", "name"},
		{"\"alice\"", "\"/abs.txt\"", "\"text/plain\"", "", "name"},
		{"\"alice\"", "\"\"", "\"text/plain\"", "", "name"},
		{"\"alice\"", "\"..\"", "\"text/plain\"", "", "name"},
		{"\"alice\"", "\".\"", "\"text/plain\"", "", "name"},
		{"\"alice\"", "\"invoice\\u202efdp.exe\"", "\"text/plain\"", "", "name"},
		{"\"alice\"", "\"a\\u001b[2J.txt\"", "\"text/plain\"", "", "name"},
		{"\"alice\"", "\"a.txt\"", "\"text/plain\"", ",\"caption\":\"see \\u001b[31m\"",
		 "caption"},
		{"\"alice\"", "\"a.txt\"", "\"text/plain\"", ",\"caption\":\"x\\u009by\"",
		 "caption"},
		{"\"alice\"", "\"a.txt\"", "\"text/\\u0085plain\"", "", "type"},
		{"\"alice\"", "\"a.txt\"", "\"plain\"", "", "type"},
		{"\"alice\\u009b\"", "\"a.txt\"", "\"text/plain\"", "", "author"},
		{"\"ali\\u202ece\"", "\"a.txt\"", "\"text/plain\"", "", "author"},
	};
	const char *lines[] = {HDR(3), AUDIT, PERSON, NULL};
	const char *detached =
		"{\"attachment\":{\"added\":1707552000000000,\"added_in\":\"" DB "\",\"author\":"
		"\"alice\",\"detached_at\":1707552000000001,\"detached_by\":\"al\\u001bice\","
		"\"detached_in\":\"" DB "\",\"id\":\"" A_ID "\",\"record\":\"" P_ID "\"},"
		"\"type\":\"attachment\"}";
	char caption[2100];
	struct cw_error err;
	char *before, *after;
	size_t len_before, len_after;
	uint8_t *file_before, *file_after;

	open_at(0, "alice");
	open_at(1, "sup");
	enroll(1, 0, "alice");
	put_person(1, "Someone Here");
	before = content(1);
	file_before = slurp(path_in(1, "data.mdb"), &len_before);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char want[64];

		lines[3] = attachment_line(bad[i].author, bad[i].name, bad[i].type, bad[i].caption);
		ck_assert_msg(import_signed(lines, 4, 0, &err) == CW_EINVAL, "case %zu imported",
			      i);
		snprintf(want, sizeof want, "bundle line 4: %s", bad[i].field);
		ck_assert_msg(!strcmp(err.field, want), "case %zu: %s: %s", i, err.field,
			      err.message);
	}
	lines[3] = detached;
	ck_assert_int_eq(import_signed(lines, 4, 0, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "bundle line 4: detached_by");
	/* A caption longer than `attach --caption` takes. */
	memset(caption, 'c', sizeof caption);
	memcpy(caption, ",\"caption\":\"", 12);
	caption[12 + CW_ATTACH_CAPTION_MAX + 1] = '"';
	caption[12 + CW_ATTACH_CAPTION_MAX + 2] = '\0';
	lines[3] = attachment_line("\"alice\"", "\"a.txt\"", "\"text/plain\"", caption);
	ck_assert_int_eq(import_signed(lines, 4, 0, &err), CW_EINVAL);
	ck_assert_str_eq(err.field, "bundle line 4: caption");
	/* Nothing of any of them was written: not the person, not the attachment. */
	after = content(1);
	ck_assert_str_eq(before, after);
	free(after);
	ck_assert_uint_eq(attachments_of_person(), 0);
	file_after = slurp(path_in(1, "data.mdb"), &len_after);
	ck_assert(len_before == len_after && !memcmp(file_before, file_after, len_after));
	free(file_after);
	/* Well formed, the same lines import: the attachment is listed, its content missing. */
	caption[12 + CW_ATTACH_CAPTION_MAX] = '"';
	caption[12 + CW_ATTACH_CAPTION_MAX + 1] = '\0';
	lines[3] =
		attachment_line("\"alice\"", "\"summons, 3 May.jpg\"", "\"image/jpeg\"", caption);
	ck_assert_msg(import_signed(lines, 4, 0, &err) == 0, "%s: %s", err.field, err.message);
	ck_assert_uint_eq(attachments_of_person(), 1);
	free(file_before);
	free(before);
}
END_TEST

/* A payload of several hundred lines is parsed on a second thread, 64 lines at a time, while
 * the first merges the lines before them: the first bad line is the one named, whether the
 * parsing finds it (not JSON) or the merge (a case naming a person nobody has), and the
 * database is as it was. */
/* A header as the given store's would be, claiming database `db`. */
static const char *header_claiming(const struct cw_id *db)
{
	static char line[400];
	char hex[CW_ID_HEX_LEN + 1];

	cw_id_hex(db, hex);
	snprintf(line, sizeof line,
		 "{\"author\":\"alice\",\"bundle\":\"160f73dcb192389dd7cb6315f697da49\","
		 "\"created\":\"2024-02-10T09:00:00.000000Z\",\"database\":\"%s\",\"format\":"
		 "\"casewatch-bundle\",\"scope\":\"all\",\"version\":3}",
		 hex);
	return line;
}

/* An audit entry of database `db`: unchained, chained after `prev` unsigned, or signed with
 * a made-up signature. */
static const char *entry_of(const struct cw_id *db, const char *prev, int sign)
{
	static char line[2][600];
	static int n;
	char hex[CW_ID_HEX_LEN + 1], *out = line[n++ & 1];
	int len;

	cw_id_hex(db, hex);
	len = snprintf(out, sizeof line[0],
		       "{\"action\":\"edit\",\"author\":\"forger\",\"database\":\"%s\","
		       "\"kind\":\"person\",\"record\":\"%s\",\"time\":"
		       "\"2024-02-11T08:00:00.000000Z\",\"type\":\"audit\"",
		       hex, P_ID);
	if (prev)
		len += snprintf(out + len, sizeof line[0] - (size_t)len, ",\"prev\":\"%s\"", prev);
	if (sign)
		len += snprintf(out + len, sizeof line[0] - (size_t)len, ",\"sig\":\"%0128d\"", 7);
	snprintf(out + len, sizeof line[0] - (size_t)len, "}");
	return out;
}

#define SOME_HASH "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

/* An enrolled peer cannot write another database's log, nor this one's: an entry of a database
 * whose key is known here must be in its chain, and signed, or vouched for by a signed entry
 * after it; a bundle with one that is not is refused whole. */
START_TEST(forged_audit_entries_are_refused)
{
	const char *const names[] = {"alice", "sup", "bob"};
	struct cw_id alice, sup, bob;
	struct cw_error err;
	char *before, *after;
	const char *lines[3];

	open_at(0, "alice");
	open_at(1, "sup");
	open_at(2, "bob");
	mesh(3, names);
	put_person(0, "Chhim Sithar");
	put_person(2, "Kang Saran");
	export_to(0, "sup", path_in(0, "a.b"));
	import(1, path_in(0, "a.b"));
	export_to(2, "sup", path_in(2, "b.b"));
	import(1, path_in(2, "b.b"));
	cw_store_database_id(st[0], &alice);
	cw_store_database_id(st[1], &sup);
	cw_store_database_id(st[2], &bob);
	before = content(1);
	lines[0] = header_claiming(&alice);
	/* Outside the chain, in alice's own name, in bob's, in this database's. */
	lines[1] = entry_of(&alice, NULL, 0);
	ck_assert_int_eq(import_signed(lines, 2, 0, &err), CW_EDAMAGED);
	ck_assert_msg(strstr(err.message, "outside its signed chain") != NULL, "%s", err.message);
	lines[1] = entry_of(&bob, NULL, 0);
	ck_assert_int_eq(import_signed(lines, 2, 0, &err), CW_EDAMAGED);
	lines[1] = entry_of(&sup, NULL, 0);
	ck_assert_int_eq(import_signed(lines, 2, 0, &err), CW_EDAMAGED);
	/* In the chain but with no signature behind it. */
	lines[1] = entry_of(&bob, SOME_HASH, 0);
	ck_assert_int_eq(import_signed(lines, 2, 0, &err), CW_EDAMAGED);
	ck_assert_msg(strstr(err.message, "no signature of that database behind them") != NULL,
		      "%s", err.message);
	lines[1] = entry_of(&sup, SOME_HASH, 0);
	ck_assert_int_eq(import_signed(lines, 2, 0, &err), CW_EDAMAGED);
	/* Signed, but not by bob. */
	lines[1] = entry_of(&bob, SOME_HASH, 0);
	lines[2] = entry_of(&bob, SOME_HASH, 1);
	ck_assert_int_eq(import_signed(lines, 3, 0, &err), CW_EDAMAGED);
	ck_assert_msg(strstr(err.message, "fails its signature") != NULL, "%s", err.message);
	after = content(1);
	ck_assert_str_eq(before, after);
	free(after);
	/* The real ones still come in, relayed: bob's log through alice. */
	export_to(2, "alice", path_in(2, "ba.b"));
	import(0, path_in(2, "ba.b"));
	put_person(0, "Thach Setha");
	export_to(0, "sup", path_in(0, "a2.b"));
	import(1, path_in(0, "a2.b"));
	free(before);
}
END_TEST

/* A database upgraded from before the chain has its old entries out of it, first in its log:
 * its first bundle brings them before any chained entry of it is held here, and they come
 * in. (Once part of its chain is held, forged_audit_entries_are_refused above.) */
START_TEST(entries_from_before_the_chain_come_first)
{
	const char *const names[] = {"alice", "sup"};
	struct cw_id alice;
	struct cw_error err;
	const char *lines[2];
	char later[600];

	open_at(0, "alice");
	open_at(1, "sup");
	mesh(2, names);
	cw_store_database_id(st[0], &alice);
	lines[0] = header_claiming(&alice);
	lines[1] = entry_of(&alice, NULL, 0);
	ck_assert_msg(import_signed(lines, 2, 0, &err) == 0, "%s", err.message);
	/* Her chain held here, another entry out of it is refused (the one held already is
	 * simply held). */
	put_person(0, "Chhim Sithar");
	export_to(0, "sup", path_in(0, "a.b"));
	import(1, path_in(0, "a.b"));
	ck_assert_msg(import_signed(lines, 2, 0, &err) == 0, "%s", err.message);
	snprintf(later, sizeof later, "%s", entry_of(&alice, NULL, 0));
	memcpy(strstr(later, "2024-02-11"), "2024-02-12", 10);
	lines[1] = later;
	ck_assert_int_eq(import_signed(lines, 2, 0, &err), CW_EDAMAGED);
}
END_TEST

/* A peer's key speaks for one database: once its bundles came from one, it cannot claim
 * another's; and if its first bundle claimed a database not its own (locking that laptop's
 * bundles out), removing the peer forgets what its key spoke for. */
START_TEST(a_peer_cannot_claim_another_database)
{
	const char *const names[] = {"alice", "sup", "bob"};
	struct cw_id bob;
	struct cw_error err;
	const char *lines[1];

	open_at(0, "alice");
	open_at(1, "sup");
	open_at(2, "bob");
	mesh(3, names);
	cw_store_database_id(st[2], &bob);
	put_person(2, "Kang Saran");
	export_to(2, "sup", path_in(2, "b.b"));
	/* alice's first bundle claims bob's database: nothing here says otherwise yet. */
	lines[0] = header_claiming(&bob);
	ck_assert_msg(import_signed(lines, 1, 0, &err) == 0, "%s", err.message);
	/* bob's own bundle is then refused, naming who holds his database's name. */
	ck_assert_int_eq(import_rc(1, path_in(2, "b.b"), &err), CW_EREFUSED);
	ck_assert_msg(strstr(err.message, "which alice's key speaks for here") != NULL &&
			      strstr(err.message, "casewatch peer remove alice") != NULL,
		      "%s", err.message);
	/* Removing alice lets bob in: the database alice's key spoke for is bob's own now, by
	 * his bundle, so its entries are not those of a removed key's database. */
	ck_assert_msg(cw_peer_remove(st[1], "alice", &err) == 0, "%s", err.message);
	import(1, path_in(2, "b.b"));
	/* alice again (a removed key, enrolled on purpose), with a real bundle first: then bob's
	 * name is refused at once. */
	{
		struct cw_identity_public alice_key;

		ck_assert_int_eq(cw_store_identity(st[0], &alice_key, &err), 0);
		ck_assert_int_eq(cw_peer_add(st[1], "alice", &alice_key, &err), CW_EREFUSED);
		ck_assert_msg(cw_peer_add_as(st[1], "alice", &alice_key, NULL,
					     CW_PEER_TEAM | CW_PEER_READMIT, &err) == 0,
			      "%s", err.message);
	}
	put_person(0, "Chhim Sithar");
	export_to(0, "sup", path_in(0, "a.b"));
	import(1, path_in(0, "a.b"));
	ck_assert_int_eq(import_signed(lines, 1, 0, &err), CW_EREFUSED);
	ck_assert_msg(strstr(err.message, "a key speaks for one database") != NULL, "%s",
		      err.message);
}
END_TEST

/* A removed key's own bundle, taken on purpose (the monitor's backup, handed over in person):
 * only for the database that key spoke for here. Under a database id never seen here its
 * changes would count as nobody's removed ones, so it is refused even so. */
START_TEST(a_removed_key_is_taken_only_for_its_own_database)
{
	struct cw_bundle_stats s;
	struct cw_id alice, other;
	struct cw_error err;
	const char *lines[1];
	struct cw_identity_public to;
	struct cw_buf text = {0}, file = {0};
	char end[64];

	open_at(0, "alice");
	open_at(1, "sup");
	enroll(0, 1, "sup");
	enroll(1, 0, "alice");
	cw_store_database_id(st[0], &alice);
	put_person(0, "Kang Saran");
	export_to(0, "sup", path_in(0, "a.b"));
	import(1, path_in(0, "a.b"));
	ck_assert_msg(cw_peer_remove(st[1], "alice", &err) == 0, "%s", err.message);
	ck_assert_int_eq(cw_store_identity(st[1], &to, &err), 0);
	randombytes_buf(other.b, sizeof other.b);
	for (int i = 0; i < 2; i++) {
		lines[0] = header_claiming(i ? &alice : &other);
		cw_buf_free(&text);
		cw_buf_free(&file);
		ck_assert_int_eq(cw_buf_append(&text, lines[0], strlen(lines[0])), 0);
		snprintf(end, sizeof end, "\n{\"lines\":1,\"type\":\"end\"}\n");
		ck_assert_int_eq(cw_buf_append(&text, end, strlen(end)), 0);
		ck_assert_int_eq(
			cw_envelope_seal(st[0], &to, 1, 0, text.data, text.len, &file, &err), 0);
		spit(path_in(1, "removed.b"), file.data, file.len);
		/* Without the flag, refused as a removed key's. */
		ck_assert_int_eq(import_rc(1, path_in(1, "removed.b"), &err), CW_EREFUSED);
		ck_assert_msg(strstr(err.message, "removed") != NULL, "%s", err.message);
		cw_error_clear(&err);
		if (!i) {
			ck_assert_int_eq(cw_bundle_import_with(st[1], path_in(1, "removed.b"),
							       CW_IMPORT_ACCEPT_REMOVED, &s, &err),
					 CW_EREFUSED);
			ck_assert_msg(strstr(err.message, "which that key did not speak for") !=
					      NULL,
				      "%s", err.message);
		} else {
			ck_assert_msg(cw_bundle_import_with(st[1], path_in(1, "removed.b"),
							    CW_IMPORT_ACCEPT_REMOVED, &s,
							    &err) == 0,
				      "%s", err.message);
			ck_assert_int_eq(s.signer_removed, 1);
			ck_assert_str_eq(s.signer, "");
		}
	}
	cw_buf_free(&text);
	cw_buf_free(&file);
}
END_TEST

/* A key enrolled with its database (what `casewatch identity` prints) holds that database's
 * name from the start: a peer's bundle claiming it before that laptop's first one is refused,
 * naming who holds it, and the laptop's own bundles come in. Enrolling a key with this
 * database's id, or with one another key's bundles came from, is refused and changes nothing. */
START_TEST(an_enrolled_database_cannot_be_claimed_first)
{
	struct cw_identity_public bob_key, carol_key;
	struct cw_id bob, self;
	struct cw_error err;
	const char *lines[1];
	struct cw_peer_key *peers;
	size_t n;

	open_at(0, "alice");
	open_at(1, "sup");
	open_at(2, "bob");
	open_at(3, "carol");
	enroll(0, 1, "sup");
	enroll(1, 0, "alice");
	enroll(2, 1, "sup");
	cw_store_database_id(st[2], &bob);
	cw_store_database_id(st[1], &self);
	ck_assert_int_eq(cw_store_identity(st[2], &bob_key, &err), 0);
	ck_assert_int_eq(cw_store_identity(st[3], &carol_key, &err), 0);
	/* Refused: a key with this database's own id. */
	ck_assert_int_eq(cw_peer_add_for(st[1], "bob", &bob_key, &self, &err), CW_EREFUSED);
	ck_assert_msg(strstr(err.message, "which is this database") != NULL, "%s", err.message);
	/* bob as his identity says. */
	ck_assert_msg(cw_peer_add_for(st[1], "bob", &bob_key, &bob, &err) == 0, "%s", err.message);
	/* Refused: carol's key with bob's database, and nothing of it stays. */
	ck_assert_int_eq(cw_peer_add_for(st[1], "carol", &carol_key, &bob, &err), CW_EREFUSED);
	ck_assert_msg(strstr(err.message, "which bob's key speaks for here") != NULL, "%s",
		      err.message);
	ck_assert_int_eq(cw_peer_list(st[1], &peers, &n, &err), 0);
	ck_assert_uint_eq(n, 2); /* alice and bob */
	free(peers);
	put_person(2, "Kang Saran");
	export_to(2, "sup", path_in(2, "b.b"));
	/* alice's first bundle claims bob's database: refused, naming bob. */
	lines[0] = header_claiming(&bob);
	ck_assert_int_eq(import_signed(lines, 1, 0, &err), CW_EREFUSED);
	ck_assert_msg(strstr(err.message, "which bob's key speaks for here") != NULL, "%s",
		      err.message);
	import(1, path_in(2, "b.b"));
}
END_TEST

START_TEST(long_payloads_name_their_first_bad_line)
{
	enum { N = 260 };
	const char *lines[N], *const names[] = {"alice", "sup"};
	struct cw_error err;
	char *before, *after;

	open_at(0, "alice");
	open_at(1, "sup");
	mesh(2, names);
	put_person(1, "Someone Here");
	before = content(1);
	lines[0] = HDR(3);
	for (int i = 1; i < N; i++)
		lines[i] = AUDIT;
	/* The merge's error (line 202) before the parse's (line 250). */
	lines[201] = CASE;
	lines[249] = "{\"type\":\"version\",";
	ck_assert_int_ne(import_signed(lines, N, 0, &err), 0);
	ck_assert_msg(strstr(err.message, "neither this database nor the bundle") != NULL, "%s: %s",
		      err.field, err.message);
	/* The parse's error (line 150) before the merge's (line 202). */
	lines[149] = "{\"type\":\"version\",";
	ck_assert_int_eq(import_signed(lines, N, 0, &err), CW_EINVAL);
	ck_assert_msg(strstr(err.field, "bundle line 150") != NULL, "%s: %s", err.field,
		      err.message);
	after = content(1);
	ck_assert_str_eq(before, after);
	free(after);
	/* Without them, all of it imports. */
	lines[149] = lines[201] = lines[249] = AUDIT;
	ck_assert_int_eq(import_signed(lines, N, 0, &err), 0);
	free(before);
}
END_TEST

/* ---- streamed bundles: what a signer could still get wrong, and a file changed midway ------- */

/* Seals payload as st[0] (plain, or for st[1]; flags as cw_envelope_seal's) into st[1]'s
 * folder as `name`; returns the file's size. */
static size_t seal_to_file(const void *payload, size_t len, int encrypted, int flags,
			   const char *name)
{
	struct cw_identity_public to;
	struct cw_buf file = {0};
	struct cw_error err;
	size_t n;

	ck_assert_int_eq(cw_store_identity(st[1], &to, &err), 0);
	ck_assert_msg(cw_envelope_seal(st[0], &to, encrypted, flags, payload, len, &file, &err) ==
			      0,
		      "%s", err.message);
	spit(path_in(1, name), file.data, file.len);
	n = file.len;
	cw_buf_free(&file);
	return n;
}

/* A small chunk that decompresses to one line longer than any record (a zip bomb): refused at
 * the line limit, naming the line, with the database as it was. */
START_TEST(zstd_bomb_is_refused)
{
	static const size_t huge = (size_t)40 << 20;
	const char *head = HDR(3) "\n";
	char *payload = malloc(strlen(head) + huge);
	struct cw_bundle b;
	struct cw_error err;
	char *before, *after;
	size_t size;

	ck_assert_ptr_nonnull(payload);
	memcpy(payload, head, strlen(head));
	memset(payload + strlen(head), 'a', huge);
	open_at(0, "alice");
	open_at(1, "sup");
	enroll(0, 1, "sup");
	enroll(1, 0, "alice");
	before = content(1);
	for (int encrypted = 0; encrypted < 2; encrypted++) {
		size = seal_to_file(payload, strlen(head) + huge, encrypted, 0, "bomb.b");
		ck_assert_msg(size < 8192, "the bomb takes %zu bytes", size);
		ck_assert_int_eq(import_rc(1, path_in(1, "bomb.b"), &err), CW_EINVAL);
		ck_assert_msg(strstr(err.field, "bundle line 2") != NULL, "%s", err.field);
		ck_assert_msg(strstr(err.message, "longer than 16 MiB") != NULL, "%s", err.message);
		ck_assert_int_eq(cw_bundle_read(st[1], path_in(1, "bomb.b"), &b, &err), CW_EINVAL);
		ck_assert_ptr_nonnull(strstr(err.field, "bundle line 2"));
	}
	after = content(1);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	free(payload);
}
END_TEST

/* A zstd frame that asks for a window larger than readers allow is refused before zstd
 * allocates it. The file is made by hand: a valid, signed format-3 bundle around it. */
START_TEST(zstd_window_over_the_limit_is_refused)
{
	static const char text[] = HDR(3) "\n";
	uint8_t file[4096], *p = file;
	struct cw_identity_public self;
	struct cw_signer *signer;
	struct cw_error err;
	ZSTD_CCtx *zc = ZSTD_createCCtx();
	ZSTD_inBuffer in = {text, sizeof text - 1, 0};
	ZSTD_outBuffer out;
	size_t left;

	open_at(0, "alice");
	open_at(1, "sup");
	enroll(1, 0, "alice");
	ck_assert_int_eq(cw_store_identity(st[0], &self, &err), 0);
	memcpy(p, "CWBUNDLE\x03\x02", 10);
	cw_identity_bytes(&self, p + 10);
	p[74] = p[75] = 0;
	p += 76 + 4;
	ck_assert_int_eq(ZSTD_isError(ZSTD_CCtx_setParameter(zc, ZSTD_c_windowLog, 27)), 0);
	out.dst = p;
	out.size = sizeof file - (size_t)(p - file) - 64;
	out.pos = 0;
	ck_assert_int_eq(ZSTD_isError(ZSTD_compressStream2(zc, &out, &in, ZSTD_e_continue)), 0);
	do
		left = ZSTD_compressStream2(zc, &out, &in, ZSTD_e_end);
	while (left && !ZSTD_isError(left));
	ck_assert_int_eq(left, 0);
	ZSTD_freeCCtx(zc);
	put_be32(p - 4, UINT32_C(0x80000000) | (uint32_t)out.pos);
	p += out.pos;
	ck_assert_int_eq(cw_signer_begin(st[0], &signer, &err), 0);
	cw_signer_update(signer, file, (size_t)(p - file));
	ck_assert_int_eq(cw_signer_final(signer, p, &err), 0);
	cw_signer_free(signer);
	spit(path_in(1, "window.b"), file, (size_t)(p - file) + 64);
	ck_assert_int_eq(import_rc(1, path_in(1, "window.b"), &err), CW_EINVAL);
	ck_assert_msg(strstr(err.message, "a window over 8 MiB") != NULL, "%s", err.message);
}
END_TEST

/* The second pass finds the file other than the first pass checked it (here a record's notes
 * changed, which parses and merges well): the transaction is aborted at the end, nothing is
 * committed. */
static void change_notes(const char *path)
{
	size_t len;
	uint8_t *data = slurp(path, &len), *at = memmem(data, len, "aaaaaaaa", 8);

	ck_assert_ptr_nonnull(at);
	memcpy(at, "bbbbbbbb", 8);
	spit(path, data, len); /* the same file, written over in place */
	free(data);
}

START_TEST(file_changed_between_passes_commits_nothing)
{
	static const char text[] = HDR(3) "\n" VERSION_OF(
		"\"id\":\"" P_ID "\",\"kind\":\"person\",\"name\":\"Chhim "
		"Sithar\",\"notes\":\"aaaaaaaa\"") "\n"
						   "{\"lines\":2,\"type\":\"end\"}\n";
	struct cw_error err;
	char *before, *after;

	open_at(0, "alice");
	open_at(1, "sup");
	enroll(1, 0, "alice");
	before = content(1);
	seal_to_file(text, sizeof text - 1, 0, CW_ENVELOPE_STORED, "changed.b");
	cw_bundle_between_passes = change_notes;
	ck_assert_int_eq(import_rc(1, path_in(1, "changed.b"), &err), CW_EDAMAGED);
	cw_bundle_between_passes = NULL;
	ck_assert_msg(strstr(err.message, "changed while it was being read") != NULL, "%s",
		      err.message);
	after = content(1);
	ck_assert_str_eq(before, after);
	free(after);
	/* untouched, the same bundle imports */
	seal_to_file(text, sizeof text - 1, 0, CW_ENVELOPE_STORED, "changed.b");
	ck_assert_uint_eq(import(1, path_in(1, "changed.b")), 1);
	after = content(1);
	ck_assert_ptr_nonnull(strstr(after, "aaaaaaaa"));
	free(before);
	free(after);
}
END_TEST

/* A bundle written over before it was imported is lost, and the mark says its records were
 * sent: with keep_existing, a file at the name (one made while the bundle was written, too:
 * the check is made as it is put in place) is left as it is, and the mark stays. */
START_TEST(a_bundle_kept_from_writing_over_a_file_moves_no_mark)
{
	struct cw_bundle_options o = {CW_BUNDLE_PEER, "sup", {0, 0, 0}, 0, 0, 0, 0, 1};
	struct cw_bundle_stats s;
	struct cw_error err;
	char *there, buf[16] = "";
	FILE *f;

	open_at(0, "alice");
	open_at(1, "sup");
	enroll(0, 1, "sup");
	enroll(1, 0, "alice");
	there = path_in(0, "week.b");
	put_person(0, "Sok Chan");
	ck_assert_ptr_nonnull(f = fopen(there, "w"));
	fputs("last week", f);
	fclose(f);
	ck_assert_int_eq(cw_bundle_export(st[0], &o, there, &s, &err), CW_EREFUSED);
	ck_assert_str_eq(err.field, "output");
	ck_assert_ptr_nonnull(f = fopen(there, "r"));
	ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
	fclose(f);
	ck_assert_str_eq(buf, "last week");
	/* the mark stayed: the next bundle to the peer carries the person */
	ck_assert_int_eq(cw_bundle_export(st[0], &o, path_in(0, "other.b"), &s, &err), 0);
	ck_assert_uint_eq(s.versions, 1);
	/* without keep_existing the file is replaced */
	o.keep_existing = 0;
	o.scope = CW_BUNDLE_ALL;
	ck_assert_int_eq(cw_bundle_export(st[0], &o, there, &s, &err), 0);
	ck_assert_uint_eq(import(1, there), 1);
}
END_TEST

START_TEST(several_peers_share_one_bundle)
{
	struct cw_bundle_options o = {CW_BUNDLE_PEER, "sup,bob", {0, 0, 0}, 0, 0, 0, 0, 0};
	struct cw_bundle_stats s;
	struct cw_error err;
	char *a, *b, *c;

	open_at(0, "alice");
	open_at(1, "sup");
	open_at(2, "bob");
	enroll(0, 1, "sup");
	enroll(0, 2, "bob");
	enroll(1, 0, "alice");
	enroll(2, 0, "alice");
	for (int i = 0; i < 300; i++) {
		char name[64];

		snprintf(name, sizeof name, "Person %03d of a long list of people", i);
		put_person(0, name);
	}
	ck_assert_int_eq(cw_bundle_export(st[0], &o, path_in(0, "both.b"), &s, &err), 0);
	ck_assert_uint_eq(s.versions, 300);
	ck_assert_uint_eq(import(1, path_in(0, "both.b")), 300);
	ck_assert_uint_eq(import(2, path_in(0, "both.b")), 300);
	a = content(0);
	b = content(1);
	c = content(2);
	ck_assert_str_eq(a, b);
	ck_assert_str_eq(a, c);
	/* both marks moved: nothing new for either (names may be written with spaces) */
	o.peer = " bob , sup";
	ck_assert_int_eq(cw_bundle_export(st[0], &o, path_in(0, "again.b"), &s, &err), 0);
	ck_assert_uint_eq(s.versions, 0);
	/* a name not enrolled, a name twice, and no one at all are refused */
	o.peer = "sup,nobody";
	ck_assert_int_eq(cw_bundle_export(st[0], &o, path_in(0, "x.b"), &s, &err), CW_ENOTFOUND);
	ck_assert_str_eq(err.field, "to");
	o.peer = "sup,sup";
	ck_assert_int_eq(cw_bundle_export(st[0], &o, path_in(0, "x.b"), &s, &err), CW_EINVAL);
	o.peer = NULL;
	o.scope = CW_BUNDLE_ALL;
	ck_assert_int_eq(cw_bundle_export(st[0], &o, path_in(0, "x.b"), &s, &err), CW_EINVAL);
	free(a);
	free(b);
	free(c);
}
END_TEST

/* What a database made before identities and enrolled peers becomes: no identity and no trust
 * table until it is opened for writing. */
static int make_old_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	MDB_val k = {8, (void *)"identity"};

	(void)ctx;
	(void)err;
	ck_assert_int_eq(mdb_del(t->txn, t->st->dbi[DB_META], &k, NULL), 0);
	k.mv_size = 15;
	k.mv_data = (void *)"identity_secret";
	ck_assert_int_eq(mdb_del(t->txn, t->st->dbi[DB_META], &k, NULL), 0);
	ck_assert_int_eq(mdb_drop(t->txn, t->st->dbi[DB_TRUST], 1), 0);
	return 0;
}

START_TEST(old_database_gets_identity_at_first_use)
{
	struct cw_store_options opt = {.author = "alice", .read_only = 1};
	struct cw_identity_public first, again;
	struct cw_peer_key *list;
	struct cw_error err;
	size_t n;

	open_at(0, "alice");
	open_at(1, "sup");
	/* Before anything is written: a database older than identities has no chained, signed
	 * audit entries either. */
	ck_assert_int_eq(cw_store_write(st[0], make_old_fn, NULL, &err), 0);
	cw_store_close(st[0]);
	/* read-only: it has no identity and no peers, and says how to get one */
	test_key_options(&opt, dirs[0]);
	ck_assert_msg(cw_store_open(dirs[0], &opt, &st[0], &err) == 0, "%s", err.message);
	ck_assert_int_eq(cw_store_identity(st[0], &first, &err), CW_EREFUSED);
	ck_assert_int_eq(cw_peer_list(st[0], &list, &n, &err), 0);
	ck_assert_uint_eq(n, 0);
	free(list);
	cw_store_close(st[0]);
	/* opened for writing, it gets them, once (the first change signs with it) */
	open_at(0, "alice");
	put_person(0, "Chhim Sithar");
	ck_assert_int_eq(cw_store_identity(st[0], &first, &err), 0);
	ck_assert_int_eq(cw_store_identity(st[0], &again, &err), 0);
	ck_assert(cw_identity_equal(&first, &again));
	enroll(0, 1, "sup");
	enroll(1, 0, "alice");
	export_to(0, "sup", path_in(0, "1.b"));
	ck_assert_uint_eq(import(1, path_in(0, "1.b")), 1);
}
END_TEST

static char *notes_of(int i, const struct cw_id *id)
{
	static char buf[200];
	struct cw_record r;
	struct cw_error err;

	ck_assert_msg(cw_store_get(st[i], id, &r, &err) == 0, "%s", err.message);
	snprintf(buf, sizeof buf, "%s", r.u.person.notes ? r.u.person.notes : "");
	cw_record_free(&r);
	return buf;
}

/* The forged bundle of issue 12: a version claiming laptop 0's database id, stamped in 2030.
 * It must not be preferred, must not make laptop 0's later correction disappear, and must stay
 * listed until someone resolves it; every order of the bundles keeps the same versions. */
START_TEST(future_dated_version_does_not_win)
{
	struct cw_error err;
	struct cw_id p, a_id;
	struct cw_conflict *c;
	size_t n;
	char *text[2];

	static const char *const names[] = {"alice", "sup", "wrong clock", "sup2"};

	open_at(0, "alice");
	open_at(1, "sup");
	open_at(2, "wrong clock");
	open_at(3, "sup2");
	mesh(4, names);
	cw_store_database_id(st[0], &a_id);
	p = put_person(0, "Ny Nak");
	edit_person(0, &p, "detained");
	export_plain_to(0, "sup", path_in(0, "1.b"));
	ck_assert_uint_eq(import(1, path_in(0, "1.b")), 1);
	/* A trusted laptop whose clock says 2030 (or a forger holding its key: a bundle claiming
	 * another laptop's database is refused before any merging) releases the defendant. */
	setenv("CASEWATCH_NOW", "2030-01-01T00:00:00Z", 1);
	import(2, path_in(0, "1.b"));
	edit_person(2, &p, "released");
	export_plain_to(2, "sup", path_in(2, "forged.b"));
	unsetenv("CASEWATCH_NOW");
	/* Alice's real correction, made after the forgery but dated before it. */
	edit_person(0, &p, "detained; hearing moved");
	export_plain_to(0, "sup", path_in(0, "2.b"));

	/* The forged version arrives first: kept and listed, the version held stays shown. */
	ck_assert_uint_eq(import(1, path_in(2, "forged.b")), 1);
	ck_assert_str_eq(notes_of(1, &p), "detained");
	ck_assert_int_eq(cw_sync_conflicts(st[1], &c, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(c[0].n, 2);
	ck_assert_str_eq(c[0].versions[0].rec.u.person.notes, "detained");
	ck_assert_str_eq(c[0].versions[1].rec.u.person.notes, "released");
	ck_assert_int_eq(cw_version_in_future(&c[0].versions[1].rec, cw_now_us()), 1);
	cw_sync_conflicts_free(c, n);
	/* The correction arrives: its vector dominates Alice's earlier version, which it
	 * replaces; the forged one claims to come after it (2030) but supersedes nothing. */
	ck_assert_uint_eq(import(1, path_in(0, "2.b")), 1);
	ck_assert_str_eq(notes_of(1, &p), "detained; hearing moved");
	ck_assert_int_eq(cw_sync_conflicts(st[1], &c, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(c[0].n, 2);
	ck_assert_str_eq(c[0].versions[1].rec.u.person.notes, "released");
	cw_sync_conflicts_free(c, n);

	/* The other order, on another supervisor's laptop: the same versions, the same shown. */
	import(3, path_in(0, "1.b"));
	import(3, path_in(0, "2.b"));
	ck_assert_uint_eq(import(3, path_in(2, "forged.b")), 1);
	ck_assert_str_eq(notes_of(3, &p), "detained; hearing moved");
	text[0] = content(1);
	text[1] = content(3);
	ck_assert_str_eq(text[0], text[1]);
	free(text[0]);
	free(text[1]);

	/* The supervisor keeps Alice's version: the forged one is set aside, here and wherever
	 * the resolution goes, and the forged bundle arriving again changes nothing. */
	ck_assert_int_eq(cw_sync_resolve(st[1], &p, 0, &err), 0);
	ck_assert_int_eq(cw_sync_conflicts(st[1], &c, &n, &err), 0);
	ck_assert_uint_eq(n, 0);
	export_plain_to(1, "sup2", path_in(1, "3.b"));
	ck_assert_uint_eq(import(3, path_in(1, "3.b")), 1);
	ck_assert_uint_eq(import(3, path_in(2, "forged.b")), 0);
	ck_assert_uint_eq(import(1, path_in(2, "forged.b")), 0);
	ck_assert_int_eq(cw_sync_conflicts(st[3], &c, &n, &err), 0);
	ck_assert_uint_eq(n, 0);
	ck_assert_str_eq(notes_of(3, &p), "detained; hearing moved");
	/* and Alice's laptop, which never saw the forgery, ends the same */
	ck_assert_uint_eq(import(0, path_in(1, "3.b")), 1);
	text[0] = content(0);
	text[1] = content(3);
	ck_assert_str_eq(text[0], text[1]);
	free(text[0]);
	free(text[1]);
}
END_TEST

/* A record that exists only as a version dated in the future is shown (there is nothing else),
 * and an edit made of it here does not inherit its date: it sets it aside. */
START_TEST(edit_over_future_version_is_not_dated_in_the_future)
{
	struct cw_error err;
	struct cw_id q;
	struct cw_record r;
	struct cw_conflict *c;
	size_t n;

	setenv("CASEWATCH_NOW", "2031-06-01T12:00:00Z", 1);
	open_at(0, "fast clock");
	open_at(1, "sup");
	enroll(0, 1, "sup");
	enroll(1, 0, "fast");
	q = put_person(0, "Kem Ley");
	export_to(0, "sup", path_in(0, "1.b"));
	unsetenv("CASEWATCH_NOW");
	ck_assert_uint_eq(import(1, path_in(0, "1.b")), 1);
	edit_person(1, &q, "checked by the supervisor");
	ck_assert_int_eq(cw_store_get(st[1], &q, &r, &err), 0);
	ck_assert_int_eq(cw_version_in_future(&r, cw_now_us()), 0);
	ck_assert_uint_eq(r.set_aside.n, 1);
	cw_record_free(&r);
	export_to(1, "fast", path_in(1, "2.b"));
	setenv("CASEWATCH_NOW", "2031-06-01T13:00:00Z", 1);
	ck_assert_uint_eq(import(0, path_in(1, "2.b")), 1);
	unsetenv("CASEWATCH_NOW");
	ck_assert_str_eq(notes_of(0, &q), "checked by the supervisor");
	ck_assert_int_eq(cw_sync_conflicts(st[0], &c, &n, &err), 0);
	ck_assert_uint_eq(n, 0);
}
END_TEST

/* ---- deletions carry no content ------------------------------------------------------------ */

static char *db_file(int i)
{
	return path_in(i, "data.mdb");
}

/* After `delete` and the next change (or undo forgotten), the database file holds none of the
 * deleted person's words, a bundle never does, and the deletion merged elsewhere removes them
 * from that file too. */
START_TEST(deletion_carries_no_content)
{
	struct cw_error err;
	struct cw_bundle b;
	struct cw_record r;
	struct cw_id p;
	char *text[2];
	int found = 0;

	open_plain(0, "alice");
	open_plain(1, "bob");
	enroll(0, 1, "bob");
	enroll(1, 0, "alice");
	p = put_person(0, "Zebulon Quixotic");
	edit_person(0, &p, "secretnoteword");
	edit_person(0, &p, "secretnoteword, again");
	put_person(0, "Ny Nak");
	export_to(0, "bob", path_in(0, "1.b"));
	import(1, path_in(0, "1.b"));
	ck_assert(file_has(db_file(1), "Zebulon")); /* a plain file shows what it holds */
	ck_assert_int_eq(cw_store_delete(st[0], &p, &err), 0);
	/* Kept for undo until the next change, or until undo is forgotten: then wiped. */
	ck_assert(file_has(db_file(0), "Zebulon"));
	ck_assert_int_eq(cw_store_undo_forget_now(st[0], &found, &err), 0);
	ck_assert_int_eq(found, 1);
	found = 0;
	ck_assert(!file_has(db_file(0), "Zebulon"));
	ck_assert(!file_has(db_file(0), "secretnoteword"));
	ck_assert(file_has(db_file(0), "Ny Nak"));
	/* The bundle: the deletion is who, where, when and the vector. */
	export_to(0, "bob", path_in(0, "2.b"));
	ck_assert(!file_has(path_in(0, "2.b"), "Zebulon"));
	ck_assert(!file_has(path_in(0, "2.b"), "secretnoteword"));
	/* (the bundle is encrypted for bob: bob reads it) */
	ck_assert_int_eq(cw_bundle_read(st[1], path_in(0, "2.b"), &b, &err), 0);
	for (size_t i = 0; i < b.n; i++) {
		if (!cw_id_equal(&b.items[i].rec.id, &p))
			continue;
		found = 1;
		ck_assert_int_eq(b.items[i].deleted, 1);
		ck_assert_ptr_null(b.items[i].rec.u.person.name);
		ck_assert_ptr_null(b.items[i].rec.author);
		ck_assert_str_eq(b.items[i].rec.editor, "alice");
		ck_assert_uint_ge(b.items[i].rec.versions.n, 1);
	}
	cw_bundle_free(&b);
	ck_assert(found);
	/* Merged into a database that held the person: gone from its file as well. */
	ck_assert_uint_eq(import(1, path_in(0, "2.b")), 1);
	ck_assert_int_eq(cw_store_get(st[1], &p, &r, &err), CW_ENOTFOUND);
	ck_assert(!file_has(db_file(1), "Zebulon"));
	ck_assert(!file_has(db_file(1), "secretnoteword"));
	text[0] = content(0);
	text[1] = content(1);
	ck_assert_str_eq(text[0], text[1]);
	ck_assert_ptr_null(strstr(text[0], "Zebulon"));
	free(text[0]);
	free(text[1]);
}
END_TEST

/* A deletion against an edit made before it on another laptop: the deletion is shown in every
 * order, the edit kept and listed (with its content: it is a live version). */
START_TEST(deletion_wins_over_older_edit)
{
	struct cw_error err;
	struct cw_record r;
	struct cw_conflict *c;
	struct cw_id p;
	size_t n;
	char *text[2];

	open_at(0, "alice");
	open_at(1, "bob");
	enroll(0, 1, "bob");
	enroll(1, 0, "alice");
	p = put_person(0, "Kem Sokha");
	export_to(0, "bob", path_in(0, "1.b"));
	import(1, path_in(0, "1.b"));
	edit_person(1, &p, "older edit");
	ck_assert_int_eq(cw_store_delete(st[0], &p, &err), 0);
	export_to(0, "bob", path_in(0, "del.b"));
	export_to(1, "alice", path_in(1, "edit.b"));
	ck_assert_uint_eq(import(0, path_in(1, "edit.b")), 1);
	ck_assert_uint_eq(import(1, path_in(0, "del.b")), 1);
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(cw_store_get(st[i], &p, &r, &err), CW_ENOTFOUND);
		ck_assert_int_eq(cw_sync_conflicts(st[i], &c, &n, &err), 0);
		ck_assert_uint_eq(n, 1);
		ck_assert_int_eq(c[0].versions[0].deleted, 1);
		ck_assert_ptr_null(c[0].versions[0].rec.u.person.name);
		ck_assert_str_eq(c[0].versions[1].rec.u.person.notes, "older edit");
		cw_sync_conflicts_free(c, n);
	}
	text[0] = content(0);
	text[1] = content(1);
	ck_assert_str_eq(text[0], text[1]);
	free(text[0]);
	free(text[1]);
	/* keeping the edit brings the person back everywhere */
	ck_assert_int_eq(cw_sync_resolve(st[1], &p, 1, &err), 0);
	ck_assert_int_eq(cw_store_get(st[1], &p, &r, &err), 0);
	ck_assert_str_eq(r.u.person.notes, "older edit");
	cw_record_free(&r);
}
END_TEST

/* A record whose shown version is a deletion has no row; its conflicts still name it by a
 * short id (a field trial: `conflicts resolve 4c6ffd3c` said "no record"), and a prefix it
 * shares with a live record is ambiguous as any other. */
START_TEST(short_id_finds_a_conflict_shown_deleted)
{
	struct cw_error err;
	struct cw_record r;
	struct cw_id p, got, near;
	char hex[CW_ID_HEX_LEN + 1];

	open_at(0, "alice");
	open_at(1, "bob");
	enroll(0, 1, "bob");
	enroll(1, 0, "alice");
	p = put_person(0, "Kem Sokha");
	export_to(0, "bob", path_in(0, "1.b"));
	import(1, path_in(0, "1.b"));
	edit_person(0, &p, "edited on A");
	ck_assert_int_eq(cw_store_delete(st[1], &p, &err), 0);
	export_to(1, "alice", path_in(1, "del.b"));
	ck_assert_uint_eq(import(0, path_in(1, "del.b")), 1);
	cw_id_hex(&p, hex);
	hex[8] = '\0';
	ck_assert_int_eq(cw_store_find_id(st[0], hex, &got, &err), CW_ENOTFOUND);
	ck_assert_msg(cw_store_find_conflicted_id(st[0], hex, &got, &err) == 0, "%s", err.message);
	ck_assert(cw_id_equal(&got, &p));
	/* a live record whose id starts alike */
	near = p;
	near.b[sizeof near.b - 1] ^= 1;
	cw_record_init(&r, CW_KIND_PERSON);
	r.id = near;
	r.u.person.name = strdup("Kem Monovithya");
	ck_assert_msg(cw_store_put(st[0], &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_find_conflicted_id(st[0], hex, &got, &err), CW_EAMBIGUOUS);
	cw_id_hex(&p, hex);
	ck_assert_int_eq(cw_store_find_conflicted_id(st[0], hex, &got, &err), 0);
	ck_assert(cw_id_equal(&got, &p));
	ck_assert_int_eq(cw_sync_resolve(st[0], &got, 1, &err), 0);
	ck_assert_int_eq(cw_store_get(st[0], &p, &r, &err), 0);
	ck_assert_str_eq(r.u.person.notes, "edited on A");
	cw_record_free(&r);
}
END_TEST

static struct cw_id put_milestone(int i, const struct cw_id *person)
{
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_MILESTONE);
	r.u.milestone.person = *person;
	r.u.milestone.type = CW_MS_ARREST;
	ck_assert_int_eq(cw_date_parse("2024-02-10", &r.u.milestone.date, "date", NULL), 0);
	ck_assert_msg(cw_store_put(st[i], &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

/* A person deleted on one laptop while another logged a milestone naming them: the deletion
 * applies there too (there is no content left to show), the milestone stays naming the
 * deleted person and can still be edited; both orders converge. */
START_TEST(deletion_of_a_named_person_applies)
{
	struct cw_error err;
	struct cw_record r;
	struct cw_id p, m;
	char *text[2];

	open_at(0, "alice");
	open_at(1, "bob");
	enroll(0, 1, "bob");
	enroll(1, 0, "alice");
	p = put_person(0, "Kang Saran");
	export_to(0, "bob", path_in(0, "1.b"));
	import(1, path_in(0, "1.b"));
	m = put_milestone(1, &p);
	ck_assert_int_eq(cw_store_delete(st[0], &p, &err), 0);
	export_to(0, "bob", path_in(0, "2.b"));
	export_to(1, "alice", path_in(1, "3.b"));
	ck_assert_uint_eq(import(1, path_in(0, "2.b")), 1);
	ck_assert_int_eq(cw_store_get(st[1], &p, &r, &err), CW_ENOTFOUND);
	ck_assert_uint_eq(import(0, path_in(1, "3.b")), 1);
	for (int i = 0; i < 2; i++) {
		ck_assert_int_eq(cw_store_get(st[i], &m, &r, &err), 0);
		ck_assert(cw_id_equal(&r.u.milestone.person, &p));
		cw_record_free(&r);
	}
	/* a local delete of the person is still refused while the milestone names them, but
	 * the milestone can be changed */
	ck_assert_int_eq(cw_store_get(st[1], &m, &r, &err), 0);
	r.u.milestone.detail = strdup("arrested at home");
	ck_assert_msg(cw_store_put(st[1], &r, 0, &err) == 0, "%s", err.message);
	cw_record_free(&r);
	export_to(1, "alice", path_in(1, "4.b"));
	ck_assert_uint_eq(import(0, path_in(1, "4.b")), 1);
	text[0] = content(0);
	text[1] = content(1);
	ck_assert_str_eq(text[0], text[1]);
	free(text[0]);
	free(text[1]);
}
END_TEST

/* A case deleted on one laptop while another logged a hearing of it: the hearing stays, and
 * can still be corrected there as the forms and the command line do (following verdicts):
 * its date, and its verdict, which moves nothing, its case being gone. */
START_TEST(a_hearing_of_a_case_deleted_elsewhere_can_be_corrected)
{
	const struct cw_field *vf =
		cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "verdicts");
	struct cw_verdict *v;
	struct cw_error err;
	struct cw_record r;
	struct cw_id p, c, h;

	open_at(0, "alice");
	open_at(1, "bob");
	enroll(0, 1, "bob");
	enroll(1, 0, "alice");
	p = put_person(0, "Kang Saran");
	cw_record_init(&r, CW_KIND_CASE);
	r.u.kase.title = strdup("Saran case");
	ck_assert_msg(cw_store_put(st[0], &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	c = r.id;
	cw_record_free(&r);
	export_to(0, "bob", path_in(0, "1.b"));
	import(1, path_in(0, "1.b"));
	cw_record_init(&r, CW_KIND_HEARING);
	r.u.hearing.case_id = c;
	r.u.hearing.outcome = CW_OUTCOME_ADJOURNED;
	ck_assert_int_eq(cw_date_parse("2024-02-10", &r.u.hearing.date, "date", NULL), 0);
	ck_assert_msg(cw_store_put(st[1], &r, CW_PUT_NEW | CW_PUT_FOLLOW_VERDICTS, &err) == 0, "%s",
		      err.message);
	h = r.id;
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_delete(st[0], &c, &err), 0);
	export_to(0, "bob", path_in(0, "2.b"));
	ck_assert_uint_eq(import(1, path_in(0, "2.b")), 1);
	ck_assert_int_eq(cw_store_get(st[1], &c, &r, &err), CW_ENOTFOUND);
	ck_assert_int_eq(cw_store_get(st[1], &h, &r, &err), 0);
	ck_assert_int_eq(cw_date_parse("2024-02-11", &r.u.hearing.date, "date", NULL), 0);
	r.u.hearing.outcome = CW_OUTCOME_VERDICT;
	v = cw_list_append(&r.u.hearing.verdicts, vf->sub);
	v->person = p;
	v->result = CW_VERDICT_CONVICTED;
	ck_assert_msg(cw_store_put(st[1], &r, CW_PUT_FOLLOW_VERDICTS | CW_PUT_IF_UNCHANGED, &err) ==
			      0,
		      "%s", err.message);
	cw_record_free(&r);
	ck_assert_int_eq(cw_store_get(st[1], &h, &r, &err), 0);
	ck_assert_int_eq(cw_date_compare(r.u.hearing.date, (struct cw_date){2024, 2, 11}), 0);
	cw_record_free(&r);
	ck_assert_msg(cw_store_delete(st[1], &h, &err) == 0, "%s", err.message);
}
END_TEST

/* A bundle from a casewatch that still sent deleted content: it is dropped as it is read. */
START_TEST(old_deletion_line_loses_its_content)
{
	json_t *line = json_loads(
		"{\"type\":\"version\",\"deleted\":true,\"record\":{\"kind\":\"person\","
		"\"id\":\"0123456789abcdef0123456789abcdef\",\"name\":\"Zebulon\",\"notes\":"
		"\"secret\",\"author\":\"alice\",\"editor\":\"bob\",\"edited_in\":"
		"\"11111111111111111111111111111111\",\"updated\":\"2024-01-02T00:00:00Z\","
		"\"created\":\"2023-01-02T00:00:00Z\",\"versions\":[{\"database\":"
		"\"11111111111111111111111111111111\",\"time\":1704153600000000}]}}",
		0, NULL);
	struct cw_record rec;
	struct cw_error err;
	json_t *again;
	int deleted;

	ck_assert_ptr_nonnull(line);
	ck_assert_msg(cw_sync_version_parse(line, &rec, &deleted, &err) == 0, "%s", err.message);
	ck_assert_int_eq(deleted, 1);
	ck_assert_ptr_null(rec.u.person.name);
	ck_assert_ptr_null(rec.u.person.notes);
	ck_assert_ptr_null(rec.author);
	ck_assert_int_eq(rec.created, 0);
	ck_assert_str_eq(rec.editor, "bob");
	again = cw_sync_version_json(&rec, 1);
	ck_assert_ptr_null(json_object_get(json_object_get(again, "record"), "created"));
	json_decref(again);
	cw_record_free(&rec);
	/* the same line as a live version is a person without a name: refused */
	json_object_set_new(line, "deleted", json_false());
	json_object_del(json_object_get(line, "record"), "name");
	ck_assert_int_eq(cw_sync_version_parse(line, &rec, &deleted, &err), CW_EINVAL);
	json_decref(line);
}
END_TEST

/* A database written before deletions lost their content: tombstones with the record's
 * fields, a deleted person still shown because another laptop named them, a deleted version
 * with its content among the conflicts. The first open for writing strips all of it, from the
 * tables and from the file. */
START_TEST(old_deletions_are_stripped_on_open)
{
	struct cw_error err;
	struct cw_record full, conflict;
	struct cw_buf enc = {0};
	struct cw_id p, q, other = db(9);
	struct cw_conflict *c;
	size_t n;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi tomb, conf, meta;
	MDB_val k, v;
	uint8_t key[40], flag = 1;

	open_plain(0, "alice");
	p = put_person(0, "Zebulon Quixotic");
	edit_person(0, &p, "pinnednoteword");
	q = put_person(0, "Quentin Quarry");
	ck_assert_int_eq(cw_store_get(st[0], &p, &full, &err), 0);
	ck_assert_int_eq(cw_store_get(st[0], &q, &conflict, &err), 0);
	cw_store_close(st[0]);
	st[0] = NULL;
	/* What the older casewatch left: p deleted but shown (named elsewhere), its tombstone
	 * holding its fields; a deletion of q made elsewhere, kept as a conflict with them. */
	ck_assert_int_eq(mdb_env_create(&env), 0);
	ck_assert_int_eq(mdb_env_set_maxdbs(env, 32), 0);
	ck_assert_int_eq(mdb_env_open(env, dirs[0], 0, 0600), 0);
	ck_assert_int_eq(mdb_txn_begin(env, NULL, 0, &txn), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "tombstones", 0, &tomb), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "conflicts", 0, &conf), 0);
	ck_assert_int_eq(mdb_dbi_open(txn, "meta", 0, &meta), 0);
	full.updated += 10;
	ck_assert_int_eq(cw_vv_stamp(&full, &other, full.updated), 0);
	ck_assert_int_eq(cw_record_encode(&full, &enc), 0);
	k.mv_size = 16;
	k.mv_data = p.b;
	v.mv_size = enc.len;
	v.mv_data = enc.data;
	ck_assert_int_eq(mdb_put(txn, tomb, &k, &v, 0), 0);
	enc.len = 0;
	free(conflict.u.person.notes);
	conflict.u.person.notes = strdup("conflictnoteword");
	conflict.edited_in = other;
	ck_assert_int_eq(cw_buf_append(&enc, &flag, 1), 0);
	ck_assert_int_eq(cw_record_encode(&conflict, &enc), 0);
	memcpy(key, q.b, 16);
	for (int i = 0; i < 8; i++)
		key[16 + i] = (uint8_t)((uint64_t)conflict.updated >> (56 - 8 * i));
	memcpy(key + 24, other.b, 16);
	k.mv_size = sizeof key;
	k.mv_data = key;
	v.mv_size = enc.len;
	v.mv_data = enc.data;
	ck_assert_int_eq(mdb_put(txn, conf, &k, &v, 0), 0);
	k.mv_size = strlen("deletions_bare");
	k.mv_data = "deletions_bare";
	ck_assert_int_eq(mdb_del(txn, meta, &k, NULL), 0);
	ck_assert_int_eq(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	cw_buf_free(&enc);
	cw_record_free(&full);
	cw_record_free(&conflict);
	ck_assert(file_has(db_file(0), "conflictnoteword"));

	open_plain(0, "alice");
	ck_assert_int_eq(cw_store_get(st[0], &p, &full, &err), CW_ENOTFOUND);
	ck_assert(!file_has(db_file(0), "Zebulon"));
	ck_assert(!file_has(db_file(0), "pinnednoteword"));
	ck_assert(!file_has(db_file(0), "conflictnoteword"));
	ck_assert_int_eq(cw_sync_conflicts(st[0], &c, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert(cw_id_equal(&c[0].id, &q));
	ck_assert_int_eq(c[0].versions[1].deleted, 1);
	ck_assert_ptr_null(c[0].versions[1].rec.u.person.name);
	cw_sync_conflicts_free(c, n);
	ck_assert_int_eq(cw_store_get(st[0], &q, &full, &err), 0);
	ck_assert_str_eq(full.u.person.name, "Quentin Quarry");
	cw_record_free(&full);
}
END_TEST

static Suite *sync_suite(void)
{
	Suite *s = suite_create("sync");
	TCase *rule = tcase_create("merge rule"), *tc = tcase_create("bundles");

	tcase_add_test(rule, vv_tells_later_from_concurrent);
	tcase_add_test(rule, order_later_wins_tie_by_database);
	tcase_add_test(rule, record_without_vector_counts_as_its_last_edit);
	tcase_add_test(rule, ancestry_not_time_decides);
	suite_add_tcase(s, rule);
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, bundle_files_its_people_by_name);
	tcase_add_test(tc, three_bundles_every_order_same_content);
	tcase_add_test(tc, resolve_makes_one_version_that_travels);
	tcase_add_test(tc, local_edit_after_import_is_not_a_conflict);
	tcase_add_test(tc, short_id_finds_a_conflict_shown_deleted);
	tcase_add_test(tc, every_altered_or_cut_byte_is_refused);
	tcase_add_test(tc, unknown_signers_and_other_recipients_are_refused);
	tcase_add_test(tc, peers_one_name_one_key);
	tcase_add_test(tc, identity_text_round_trip);
	tcase_add_test(tc, payloads_span_chunks_and_recipients);
	tcase_add_test(tc, zstd_bomb_is_refused);
	tcase_add_test(tc, zstd_window_over_the_limit_is_refused);
	tcase_add_test(tc, file_changed_between_passes_commits_nothing);
	tcase_add_test(tc, signed_but_invalid_payloads_are_refused);
	tcase_add_test(tc, long_payloads_name_their_first_bad_line);
	tcase_add_test(tc, forged_audit_entries_are_refused);
	tcase_add_test(tc, a_peer_cannot_claim_another_database);
	tcase_add_test(tc, a_removed_key_is_taken_only_for_its_own_database);
	tcase_add_test(tc, an_enrolled_database_cannot_be_claimed_first);
	tcase_add_test(tc, entries_from_before_the_chain_come_first);
	tcase_add_test(tc, hostile_attachment_descriptions_are_refused);
	tcase_add_test(tc, several_peers_share_one_bundle);
	tcase_add_test(tc, a_bundle_kept_from_writing_over_a_file_moves_no_mark);
	tcase_add_test(tc, old_database_gets_identity_at_first_use);
	tcase_add_test(tc, future_dated_version_does_not_win);
	tcase_add_test(tc, edit_over_future_version_is_not_dated_in_the_future);
	tcase_add_test(tc, deletion_carries_no_content);
	tcase_add_test(tc, deletion_wins_over_older_edit);
	tcase_add_test(tc, deletion_of_a_named_person_applies);
	tcase_add_test(tc, a_hearing_of_a_case_deleted_elsewhere_can_be_corrected);
	tcase_add_test(tc, old_deletion_line_loses_its_content);
	tcase_add_test(tc, old_deletions_are_stripped_on_open);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(sync_suite());
}
