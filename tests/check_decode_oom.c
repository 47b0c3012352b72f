/* check_decode_oom.c - a record of each kind, every field and every nested list of it filled,
 * decoded with one allocation of the codec and of the record's code failing, each in turn: the
 * decoding fails with CW_ENOMEM and "out of memory" and leaves a record cw_record_free frees
 * whole, or gives the record it gives with memory enough, never a crash, a leak (the sanitizer
 * build checks for leaks) or another answer. The same for encoding and for cw_record_copy.
 *
 * The test links copies of models/codec.c and models/record.c compiled with malloc, calloc,
 * realloc and strdup renamed to tests/failalloc.h's (Makefile.am): only their allocations
 * fail. The records are filled through their schemas: a hearing with its
 * attendance, indicators, verdicts on several charges and sentence; a case with defendants
 * charged under several articles, each with its history; a visit with the detainees seen and
 * their access; and the others, each with the header's versions and links. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/codec.h"
#include "models/record.h"
#include "tests/failalloc.h"
#include "tests/testutil.h"

/* Each field of base (schema s) given a value, each list three items filled the same way,
 * down to the lists of their items; seed makes the values differ. */
static void fill(void *base, const struct cw_schema *s, unsigned seed)
{
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		char *p = (char *)base + f->offset;
		unsigned v = seed * 31 + (unsigned)i + 1;

		switch (f->type) {
		case CW_F_STR: {
			char text[32];

			snprintf(text, sizeof text, "%s %u", f->name, v);
			ck_assert_ptr_nonnull(*(char **)p = __builtin_strdup(text));
			break;
		}
		case CW_F_DATE:
			*(struct cw_date *)p = (struct cw_date){2024, (uint8_t)(v % 12 + 1), 8};
			break;
		case CW_F_INT:
			*(int64_t *)p = v % 7 + 1;
			break;
		case CW_F_ENUM:
		case CW_F_BOOL:
			*(uint8_t *)p = 1;
			break;
		case CW_F_SET:
			*(uint32_t *)p = 1;
			break;
		case CW_F_ID:
			memset(p, (int)(v & 0xff) | 1, sizeof(struct cw_id));
			break;
		case CW_F_ARTICLE:
			*(struct cw_article *)p = (struct cw_article){CW_LAW_CC, CW_SUFFIX_NONE,
								      (uint16_t)(490 + v % 9), 0};
			break;
		case CW_F_LIST:
			for (unsigned j = 0; j < 3; j++) {
				void *item = cw_list_append((struct cw_list *)p, f->sub);

				ck_assert_ptr_nonnull(item);
				fill(item, f->sub, v * 3 + j);
			}
			break;
		}
	}
}

/* A record of kind k with everything filled, encoded into *bytes. */
static void filled_record(enum cw_kind k, struct cw_record *rec, struct cw_buf *bytes)
{
	cw_record_init(rec, k);
	fill(rec, &cw_schema_header, 1);
	fill(&rec->u, cw_schema_for_kind(k), 2);
	*bytes = (struct cw_buf){0};
	ck_assert_int_eq(cw_record_encode(rec, bytes), 0);
}

/* Whether the record (as its encoding) is want's bytes. */
static int encodes_as(const struct cw_record *rec, const struct cw_buf *want)
{
	struct cw_buf got = {0};
	int same;

	ck_assert_int_eq(cw_record_encode(rec, &got), 0);
	same = got.len == want->len && !memcmp(got.data, want->data, got.len);
	cw_buf_free(&got);
	return same;
}

/* The sweep: run(at) with allocation at failing, for at = 1, 2, ... until one run makes fewer
 * allocations than that; each returns its code, and whether its answer is the one wanted. */
typedef int (*run_fn)(const struct cw_record *rec, const struct cw_buf *bytes, long at, int *same,
		      struct cw_error *err);

static void each_allocation_fails(enum cw_kind k, run_fn run, const char *what)
{
	struct cw_record rec;
	struct cw_buf bytes;
	struct cw_error err;
	long at, failed = 0;
	int rc, same;

	filled_record(k, &rec, &bytes);
	/* Every list of the record was filled and kept: its encoding holds them. */
	ck_assert_uint_gt(bytes.len, 200);
	rc = run(&rec, &bytes, 0, &same, &err);
	ck_assert_msg(rc == 0 && same, "%s %s: with memory: %d %s", what, cw_kind_name(k), rc,
		      err.message);
	for (at = 1;; at++) {
		rc = run(&rec, &bytes, at, &same, &err);
		if (!cw_failalloc_fired()) {
			require_msg(rc == 0 && same, "%s %s: no fault", what, cw_kind_name(k));
			break;
		}
		if (rc != 0) {
			require_msg(rc == CW_ENOMEM && strstr(err.message, "out of memory"),
				    "%s %s: allocation %ld failed: %d %s", what, cw_kind_name(k),
				    at, rc, err.message);
			failed++;
		} else {
			require_msg(same,
				    "%s %s: allocation %ld failed and it went on, another record",
				    what, cw_kind_name(k), at);
		}
	}
	/* Not a sweep over nothing: allocations were made and some failed. */
	ck_assert_msg(at > 10 && failed > 0, "%s %s: %ld allocations, %ld failed", what,
		      cw_kind_name(k), at - 1, failed);
	cw_buf_free(&bytes);
	cw_record_free(&rec);
}

/* Decodes the bytes; a record half built on failure is freed as the store frees it. */
static int run_decode(const struct cw_record *rec, const struct cw_buf *bytes, long at, int *same,
		      struct cw_error *err)
{
	struct cw_record out;
	int rc;

	(void)rec;
	cw_failalloc_arm(at);
	rc = cw_record_decode(bytes->data, bytes->len, &out, err);
	cw_failalloc_arm(0);
	*same = rc == 0 && encodes_as(&out, bytes);
	cw_record_free(&out);
	return rc;
}

/* Encodes the record, appended to a buffer that already holds some bytes, as the store's. */
static int run_encode(const struct cw_record *rec, const struct cw_buf *bytes, long at, int *same,
		      struct cw_error *err)
{
	struct cw_buf out = {0};
	int rc;

	ck_assert_int_eq(cw_buf_append(&out, "xy", 2), 0);
	cw_failalloc_arm(at);
	rc = cw_record_encode(rec, &out);
	cw_failalloc_arm(0);
	if (rc != 0)
		cw_error_set(err, rc, "record", "out of memory");
	*same = rc == 0 && out.len == bytes->len + 2 && !memcmp(out.data, "xy", 2) &&
		!memcmp(out.data + 2, bytes->data, bytes->len);
	cw_buf_free(&out);
	return rc;
}

/* Copies the record: a copy that failed is freed already, and freeing it again is safe. */
static int run_copy(const struct cw_record *rec, const struct cw_buf *bytes, long at, int *same,
		    struct cw_error *err)
{
	struct cw_record out;
	int rc;

	cw_failalloc_arm(at);
	rc = cw_record_copy(&out, rec);
	cw_failalloc_arm(0);
	if (rc != 0)
		cw_error_set(err, rc, "record", "out of memory");
	*same = rc == 0 && encodes_as(&out, bytes);
	cw_record_free(&out);
	return rc;
}

static const struct {
	run_fn run;
	const char *what;
} runs[] = {{run_decode, "decode"}, {run_encode, "encode"}, {run_copy, "copy"}};

START_TEST(no_memory_never_crashes_nor_leaks)
{
	/* _i: the kind (from 1) times the three operations. */
	enum cw_kind k = (enum cw_kind)(_i / 3 + 1);

	each_allocation_fails(k, runs[_i % 3].run, runs[_i % 3].what);
}
END_TEST

/* A hearing's verdicts on several charges, as the report met them: each verdict read back. */
START_TEST(a_hearing_with_verdicts_decodes_them_all)
{
	struct cw_record rec, out;
	struct cw_buf bytes;
	struct cw_error err;

	filled_record(CW_KIND_HEARING, &rec, &bytes);
	ck_assert_uint_eq(rec.u.hearing.verdicts.n, 3);
	ck_assert_int_eq(cw_record_decode(bytes.data, bytes.len, &out, &err), 0);
	ck_assert_uint_eq(out.u.hearing.verdicts.n, 3);
	ck_assert_uint_eq(out.u.hearing.attendance.n, 3);
	ck_assert_uint_eq(out.u.hearing.indicators.n, 3);
	for (size_t i = 0; i < 3; i++) {
		const struct cw_verdict
			*a = (const struct cw_verdict *)rec.u.hearing.verdicts.items + i,
			*b = (const struct cw_verdict *)out.u.hearing.verdicts.items + i;

		ck_assert_str_eq(b->offence, a->offence);
		ck_assert_int_eq(cw_article_same(&b->article, &a->article), 1);
	}
	cw_record_free(&out);
	cw_buf_free(&bytes);
	cw_record_free(&rec);
}
END_TEST

static Suite *decode_oom_suite(void)
{
	Suite *s = suite_create("decode_oom");
	TCase *tc = tcase_create("decode_oom");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, a_hearing_with_verdicts_decodes_them_all);
	tcase_add_loop_test(tc, no_memory_never_crashes_nor_leaks, 0, (CW_KIND_COUNT - 1) * 3);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return run_suite(decode_oom_suite());
}
