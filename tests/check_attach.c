/* check_attach.c - the store's attachments (store/attach.h), in process: content that comes
 * back byte for byte across part boundaries, kept once when attached twice, refused whole
 * (nothing written) when one file is wrong, detached with its content wiped only when no other
 * attachment holds it, a damaged part named, and the type read from the content. Runs on
 * encrypted stores (plain with CASEWATCH_TEST_PLAIN=1, as the other suites). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/codec.h"
#include "store/attach.h"
#include "tests/store_fixture.h"

static struct cw_id add_person(const char *name)
{
	struct cw_record r;
	struct cw_error err;
	struct cw_id id;

	cw_record_init(&r, CW_KIND_PERSON);
	r.u.person.name = strdup(name);
	ck_assert_msg(cw_store_put(st, &r, CW_PUT_NEW, &err) == 0, "%s", err.message);
	id = r.id;
	cw_record_free(&r);
	return id;
}

/* A file of n bytes in the test's folder, of a pattern that differs at every part. */
static char *make_file(const char *name, size_t n, unsigned seed)
{
	char *path = malloc(strlen(dir) + strlen(name) + 2);
	FILE *f;

	sprintf(path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	for (size_t i = 0; i < n; i++)
		fputc((int)((i * 7 + seed + i / CW_ATTACH_PART) & 0xff), f);
	fclose(f);
	return path;
}

static int collect(void *ctx, const void *data, size_t len, struct cw_error *err)
{
	(void)err;
	/* An empty file's one part is empty (cw_buf_append wants bytes). */
	return len && cw_buf_append(ctx, data, len) ? CW_ENOMEM : 0;
}

static void assert_content(const struct cw_id *id, const char *path)
{
	struct cw_buf got = {0};
	struct cw_error err;
	FILE *f = fopen(path, "rb");
	unsigned char *want;
	long n;

	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	ck_assert_msg(cw_store_attachment_read(st, id, collect, &got, &err) == 0, "%s",
		      err.message);
	ck_assert_uint_eq(got.len, (size_t)n);
	/* Every byte compared, with one assertion: check records each assertion that passes
	 * with a write(2), which for megabytes a byte at a time took most of the suite's time
	 * under the sanitizers. A difference names its first byte. */
	want = malloc(n ? (size_t)n : 1);
	ck_assert_ptr_nonnull(want);
	ck_assert_uint_eq(fread(want, 1, (size_t)n, f), (size_t)n);
	if (n && memcmp(got.data, want, (size_t)n) != 0) {
		long i = 0;

		while (got.data[i] == want[i])
			i++;
		ck_abort_msg("byte %ld of %ld: read %d, the file has %d", i, n, got.data[i],
			     want[i]);
	}
	free(want);
	fclose(f);
	cw_buf_free(&got);
}

static void no_problem(void *ctx, const char *line)
{
	(void)ctx;
	ck_abort_msg("verify: %s", line);
}

/* verify passes, and says how many attachments it read. */
static size_t verify_ok(void)
{
	struct cw_verify_stats s;
	struct cw_error err;

	ck_assert_msg(cw_store_verify(st, no_problem, NULL, &s, &err) == 0, "%s", err.message);
	ck_assert_uint_eq(s.problems, 0);
	return s.attachments;
}

START_TEST(round_trip_across_parts)
{
	struct cw_id p = add_person("Chhim Sithar");
	/* Empty, one byte short of a part, exactly two parts, and two and a bit. */
	size_t sizes[] = {0, CW_ATTACH_PART - 1, 2 * CW_ATTACH_PART, 2 * CW_ATTACH_PART + 5};
	const char *paths[4];
	char *owned[4];
	struct cw_attachment *made, *list;
	struct cw_verify_stats vs;
	struct cw_error err;
	size_t n;

	for (int i = 0; i < 4; i++) {
		char name[32];

		snprintf(name, sizeof name, "f%d.bin", i);
		paths[i] = owned[i] = make_file(name, sizes[i], (unsigned)i);
	}
	ck_assert_msg(cw_store_attach(st, &p, paths, 4, "summons", 0, &made, &err) == 0, "%s",
		      err.message);
	for (int i = 0; i < 4; i++) {
		ck_assert_uint_eq(made[i].size, sizes[i]);
		ck_assert_str_eq(made[i].caption, "summons");
		ck_assert_str_eq(made[i].author, "tester");
		assert_content(&made[i].id, paths[i]);
	}
	ck_assert_int_eq(cw_store_attachments(st, &p, 0, &list, &n, &err), 0);
	ck_assert_uint_eq(n, 4);
	for (size_t i = 0; i < n; i++) {
		ck_assert(!list[i].missing);
		ck_assert_str_eq(list[i].name, strrchr(paths[i], '/') + 1);
	}
	cw_attachments_free(list, n);
	ck_assert_int_eq(cw_store_verify(st, no_problem, NULL, &vs, &err), 0);
	ck_assert_uint_eq(vs.attachments, 4);
	ck_assert_uint_eq(vs.attachment_bytes, sizes[1] + sizes[2] + sizes[3]);
	cw_attachments_free(made, 4);
	for (int i = 0; i < 4; i++)
		free(owned[i]);
}
END_TEST

START_TEST(refused_whole)
{
	struct cw_id p = add_person("Kang Saran"), gone;
	char *small = make_file("small.txt", 10, 1), *big = make_file("big.jpg", 3000, 2);
	char missing[4096];
	const char *paths[2] = {small, big};
	struct cw_attachment *list;
	struct cw_error err;
	size_t n;

	/* Over the limit: the file is named, nothing is attached, the other file neither. */
	ck_assert_int_eq(cw_store_attach(st, &p, paths, 2, NULL, 1000, NULL, &err), CW_EREFUSED);
	ck_assert_str_eq(err.field, big);
	snprintf(missing, sizeof missing, "%s/nosuch", dir);
	paths[1] = missing;
	ck_assert_int_eq(cw_store_attach(st, &p, paths, 2, NULL, 0, NULL, &err), CW_ENOTFOUND);
	paths[1] = dir; /* a folder */
	ck_assert_int_eq(cw_store_attach(st, &p, paths, 2, NULL, 0, NULL, &err), CW_EREFUSED);
	/* A file whose name would disguise it (a bidi override: "invoice" + U+202E + "fdp.exe"
	 * shows as "invoiceexe.pdf") or drive a terminal: refused by its path, as a peer's
	 * bundle naming it would be; a caption too long likewise. */
	{
		char *rlo = make_file("invoice\xe2\x80\xae"
				      "fdp.exe",
				      10, 3),
		     *esc = make_file("esc\x1b[2J.txt", 10, 4), *caption = malloc(2002);

		paths[1] = rlo;
		ck_assert_int_eq(cw_store_attach(st, &p, paths, 2, NULL, 0, NULL, &err), CW_EINVAL);
		ck_assert_str_eq(err.field, rlo);
		ck_assert_ptr_nonnull(strstr(err.message, "U+202E"));
		paths[1] = esc;
		ck_assert_int_eq(cw_store_attach(st, &p, paths, 2, NULL, 0, NULL, &err), CW_EINVAL);
		ck_assert_str_eq(err.field, esc);
		memset(caption, 'c', 2001);
		caption[2001] = '\0';
		ck_assert_int_eq(cw_store_attach(st, &p, paths, 1, caption, 0, NULL, &err),
				 CW_EINVAL);
		ck_assert_str_eq(err.field, "caption");
		caption[2000] = '\0';
		ck_assert_int_eq(cw_store_attach(st, &p, paths, 1, caption, 0, NULL, &err), 0);
		ck_assert_int_eq(cw_store_attachments(st, &p, 1, &list, &n, &err), 0);
		ck_assert_uint_eq(n, 1);
		cw_attachments_free(list, n);
		free(rlo);
		free(esc);
		free(caption);
	}
	/* A record that is not there. */
	cw_id_random(&gone);
	ck_assert_int_eq(cw_store_attach(st, &gone, paths, 1, NULL, 0, NULL, &err), CW_ENOTFOUND);
	ck_assert_int_eq(cw_store_attachments(st, &p, 1, &list, &n, &err), 0);
	ck_assert_uint_eq(n, 1); /* small.txt, with the longest caption */
	cw_attachments_free(list, n);
	ck_assert_uint_eq(verify_ok(), 1);
	free(small);
	free(big);
}
END_TEST

START_TEST(same_content_kept_once)
{
	struct cw_id a = add_person("Ny Nak"), b = add_person("Kem Sokha");
	char *f = make_file("photo.jpg", CW_ATTACH_PART + 100, 3);
	const char *paths[1] = {f};
	struct cw_attachment *one, *two, was;
	struct cw_buf got = {0};
	struct cw_error err;

	ck_assert_int_eq(cw_store_attach(st, &a, paths, 1, NULL, 0, &one, &err), 0);
	ck_assert_int_eq(cw_store_attach(st, &b, paths, 1, "again", 0, &two, &err), 0);
	ck_assert(!cw_id_equal(&one[0].id, &two[0].id));
	ck_assert_mem_eq(one[0].sha256, two[0].sha256, 32);
	ck_assert_uint_eq(verify_ok(), 2);
	/* Detaching one keeps the content the other holds. */
	ck_assert_msg(cw_store_detach(st, &one[0].id, &was, &err) == 0, "%s", err.message);
	ck_assert_str_eq(was.name, "photo.jpg");
	cw_attachment_free(&was);
	ck_assert_int_eq(cw_store_detach(st, &one[0].id, NULL, &err), CW_EREFUSED);
	ck_assert_int_eq(cw_store_attachment_read(st, &one[0].id, collect, &got, &err),
			 CW_ENOTFOUND);
	assert_content(&two[0].id, f);
	ck_assert_uint_eq(verify_ok(), 2);
	/* The last one takes it: verify would name a part left behind. */
	ck_assert_int_eq(cw_store_detach(st, &two[0].id, NULL, &err), 0);
	ck_assert_uint_eq(verify_ok(), 2);
	{
		struct cw_attachment d;

		ck_assert_int_eq(cw_store_attachment_get(st, &two[0].id, &d, &err), 0);
		ck_assert(d.detached);
		ck_assert_str_eq(d.name, "");
		ck_assert_ptr_null(d.caption);
		ck_assert_str_eq(d.detached_by, "tester");
		cw_attachment_free(&d);
	}
	cw_buf_free(&got);
	cw_attachments_free(one, 1);
	cw_attachments_free(two, 1);
	free(f);
}
END_TEST

START_TEST(deleting_a_record_detaches)
{
	struct cw_id p = add_person("Meach Sovannara");
	char *f = make_file("s.txt", 40, 4);
	const char *paths[1] = {f};
	struct cw_attachment *made, d;
	struct cw_error err;

	ck_assert_int_eq(cw_store_attach(st, &p, paths, 1, NULL, 0, &made, &err), 0);
	ck_assert_msg(cw_store_delete(st, &p, &err) == 0, "%s", err.message);
	ck_assert_int_eq(cw_store_attachment_get(st, &made[0].id, &d, &err), 0);
	ck_assert(d.detached);
	cw_attachment_free(&d);
	ck_assert_uint_eq(verify_ok(), 1);
	cw_attachments_free(made, 1);
	free(f);
}
END_TEST

START_TEST(find_by_prefix)
{
	struct cw_id p = add_person("Theary Seng"), found;
	char *f = make_file("a.txt", 5, 5), hex[CW_ID_HEX_LEN + 1];
	const char *paths[1] = {f};
	struct cw_attachment *made;
	struct cw_error err;

	ck_assert_int_eq(cw_store_attach(st, &p, paths, 1, NULL, 0, &made, &err), 0);
	cw_id_hex(&made[0].id, hex);
	hex[8] = '\0';
	ck_assert_int_eq(cw_store_attachment_find(st, hex, &found, &err), 0);
	ck_assert(cw_id_equal(&found, &made[0].id));
	hex[7] = hex[7] == '0' ? '1' : '0';
	ck_assert_int_eq(cw_store_attachment_find(st, hex, &found, &err), CW_ENOTFOUND);
	ck_assert_int_eq(cw_store_attachment_find(st, "12ab", &found, &err), CW_EINVAL);
	ck_assert_int_eq(cw_store_attachment_find(st, "zzzzzzzz", &found, &err), CW_EINVAL);
	cw_attachments_free(made, 1);
	free(f);
}
END_TEST

START_TEST(types_from_content)
{
	static const uint8_t jpg[] = {0xff, 0xd8, 0xff, 0xe0, 0, 0x10};
	static const uint8_t png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	static const uint8_t heic[] = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
	static const uint8_t bin[] = {0, 1, 2, 3};
	const char *km = "សេចក្តីថ្លែងការណ៍\n";

	ck_assert_str_eq(cw_attach_detect_type(jpg, sizeof jpg, "x.txt"), "image/jpeg");
	ck_assert_str_eq(cw_attach_detect_type(png, sizeof png, NULL), "image/png");
	ck_assert_str_eq(cw_attach_detect_type(heic, sizeof heic, "IMG_1.HEIC"), "image/heic");
	ck_assert_str_eq(cw_attach_detect_type((const uint8_t *)"%PDF-1.7", 8, "v"),
			 "application/pdf");
	ck_assert_str_eq(cw_attach_detect_type((const uint8_t *)km, strlen(km), "s.txt"),
			 "text/plain");
	ck_assert_str_eq(cw_attach_detect_type(bin, sizeof bin, "rec.m4a"), "audio/mp4");
	ck_assert_str_eq(cw_attach_detect_type(bin, sizeof bin, "x"), "application/octet-stream");
	ck_assert_str_eq(cw_attach_detect_type((const uint8_t *)"PK\3\4", 4, "brief.docx"),
			 "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	/* A Khmer text cut in the middle of a character by the bytes looked at is still text. */
	ck_assert_str_eq(cw_attach_detect_type((const uint8_t *)km, 4, NULL), "text/plain");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("attachments");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, round_trip_across_parts);
	tcase_add_test(tc, refused_whole);
	tcase_add_test(tc, same_content_kept_once);
	tcase_add_test(tc, deleting_a_record_detaches);
	tcase_add_test(tc, find_by_prefix);
	tcase_add_test(tc, types_from_content);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
