/* scrub.c - clearing what a deletion leaves in the data file; see cw_store_scrub in
 * store_internal.h.
 *
 * Why: LMDB never changes a page in place. A write copies the page, and the old copy becomes a
 * free page that keeps its bytes until LMDB happens to reuse it; the new copy is built in a
 * buffer LMDB recycles from earlier transactions without clearing it, and only the used parts
 * of the page are copied into it, so the unused middle of a live page (between the node
 * offsets and the nodes) and the tail of a value's last overflow page can hold bytes of other,
 * older pages. A deleted record wiped in place (cw_store_wipe) can therefore still be read
 * from the file by anyone with a hex editor. This pass overwrites all of that with zeros.
 *
 * How, safely: while holding LMDB's writer lock (an empty write transaction), so that no
 * writer in any process reuses a page meanwhile, it reads the free list of the last snapshot
 * and the whole file with pread, and writes zeros with pwrite only over bytes no snapshot
 * reads: whole free pages that LMDB itself would reuse (freed before the last snapshot and
 * before the oldest snapshot a reader holds), and the unused bytes of every other page. Node
 * offsets, nodes, headers and values are never written; a reader in another process that maps
 * the file sees no change in anything it reads. This reads LMDB's page layout, stable through
 * 0.9 (lmdb.h's MDB_page and MDB_node): a page whose header does not name its own page number
 * is left alone. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store_internal.h"

/* ---- LMDB's page layout ----------------------------------------------------------------- */

/* Page header: page number (pgno_t, a size_t), pad (2), flags (2), then lower and upper
 * offsets (2 + 2), or for the first page of an overflow run its page count (4). */
#define PG_HDR       (sizeof(size_t) + 8)
#define PG_OFF_FLAGS (sizeof(size_t) + 2)
#define PG_OFF_LOWER (sizeof(size_t) + 4)
#define PG_OFF_UPPER (sizeof(size_t) + 6)
#define PG_BRANCH    0x01
#define PG_LEAF      0x02
#define PG_OVERFLOW  0x04
#define PG_META      0x08
#define PG_LEAF2     0x20
#define PG_SUBP      0x40
/* Node: data size low and high halves (2 + 2, in native order), flags (2), key size (2),
 * then the key and the data (or, with NODE_BIGDATA, the number of its first overflow page). */
#define NODE_HDR     8
#define NODE_BIGDATA 0x01

static uint16_t u16_at(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof v);
	return v;
}

static uint32_t node_data_size(const uint8_t *node)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (uint32_t)u16_at(node + 2) | (uint32_t)u16_at(node) << 16;
#else
	return (uint32_t)u16_at(node) | (uint32_t)u16_at(node + 2) << 16;
#endif
}

/* ---- the free list and the readers ----------------------------------------------------------- */

enum { PAGE_LIVE = 0, PAGE_FREE_REUSABLE = 1, PAGE_FREE_HELD = 2 };

struct reader_scan {
	size_t oldest; /* the oldest snapshot a reader in any process holds */
	int any;
};

/* mdb_reader_list calls this with one line per reader slot in use, "pid thread txnid" (txnid
 * "-" when the slot holds no snapshot), and a header line, which does not parse. */
static int reader_line(const char *msg, void *ctx)
{
	struct reader_scan *r = ctx;
	char txn[32], *end;
	unsigned long long id;
	int pid;
	size_t thread;

	if (sscanf(msg, "%d %zx %31s", &pid, &thread, txn) != 3 || txn[0] == '-')
		return 0;
	id = strtoull(txn, &end, 10);
	if (*end == '\0' && (!r->any || id < r->oldest)) {
		r->oldest = (size_t)id;
		r->any = 1;
	}
	return 0;
}

/* Marks in state[] (one byte per page up to last) the pages on the free list of snapshot r:
 * reusable when freed by a transaction older than `limit`. */
static int mark_free_pages(MDB_txn *r, size_t limit, uint8_t *state, size_t last)
{
	MDB_cursor *cur;
	MDB_val k, v;
	int rc, op;

	/* Database 0 is LMDB's free list: key the id of the transaction that freed the pages,
	 * value their count then their numbers (an MDB_IDL of size_t). */
	if ((rc = mdb_cursor_open(r, 0, &cur)) != 0)
		return rc;
	for (op = MDB_FIRST; (rc = mdb_cursor_get(cur, &k, &v, op)) == 0; op = MDB_NEXT) {
		size_t freed_by, n, pg;

		if (k.mv_size != sizeof freed_by || v.mv_size < sizeof n)
			continue;
		memcpy(&freed_by, k.mv_data, sizeof freed_by);
		memcpy(&n, v.mv_data, sizeof n);
		if (v.mv_size / sizeof n < n + 1)
			continue;
		for (size_t i = 1; i <= n; i++) {
			memcpy(&pg, (const uint8_t *)v.mv_data + i * sizeof pg, sizeof pg);
			if (pg <= last)
				state[pg] = freed_by < limit ? PAGE_FREE_REUSABLE : PAGE_FREE_HELD;
		}
	}
	mdb_cursor_close(cur);
	return rc == MDB_NOTFOUND ? 0 : rc;
}

/* ---- overwriting ------------------------------------------------------------------------------
 */

struct scrubber {
	int fd;
	size_t psize;
	int failed; /* errno of a failed pread or pwrite */
	/* the values stored in overflow pages: their first page and size, for their tails */
	struct overflow {
		size_t pgno;
		size_t size;
	} * ov;
	size_t nov, capov;
};

/* Overwrites [from, to) of page pg, whose bytes are `page`, with zeros unless they are. */
static void zero_range(struct scrubber *s, size_t pg, const uint8_t *page, size_t from, size_t to)
{
	static const uint8_t zeros[256];
	size_t at = from;

	while (at < to && !page[at])
		at++;
	if (at >= to)
		return;
	for (; from < to && !s->failed;) {
		size_t n = to - from < sizeof zeros ? to - from : sizeof zeros;

		if (pwrite(s->fd, zeros, n, (off_t)(pg * s->psize + from)) != (ssize_t)n)
			s->failed = errno ? errno : EIO;
		from += n;
	}
}

/* A branch or leaf page: its unused middle; a leaf's overflow values are remembered. */
static void scrub_node_page(struct scrubber *s, size_t pg, const uint8_t *page, uint16_t flags,
			    int live)
{
	size_t lower = u16_at(page + PG_OFF_LOWER), upper = u16_at(page + PG_OFF_UPPER);

	if (lower < PG_HDR || lower > upper || upper > s->psize || (lower - PG_HDR) % 2)
		return; /* not a page this understands: left alone */
	zero_range(s, pg, page, lower, upper);
	if (!(flags & PG_LEAF) || !live)
		return;
	for (size_t i = 0; i < (lower - PG_HDR) / 2; i++) {
		size_t at = u16_at(page + PG_HDR + 2 * i), ksize;
		struct overflow *grown;

		if (at < upper || at + NODE_HDR > s->psize)
			continue;
		ksize = u16_at(page + at + 6);
		if (!(u16_at(page + at + 4) & NODE_BIGDATA) ||
		    at + NODE_HDR + ksize + sizeof(size_t) > s->psize)
			continue;
		if (s->nov == s->capov) {
			size_t cap = s->capov ? s->capov * 2 : 64;

			if (!(grown = realloc(s->ov, cap * sizeof *grown))) {
				s->failed = ENOMEM;
				return;
			}
			s->ov = grown;
			s->capov = cap;
		}
		memcpy(&s->ov[s->nov].pgno, page + at + NODE_HDR + ksize, sizeof(size_t));
		s->ov[s->nov].size = node_data_size(page + at);
		s->nov++;
	}
}

/* The tail of the last page of each value kept in overflow pages, past the value. */
static void scrub_overflow_tails(struct scrubber *s, size_t last, uint8_t *page)
{
	for (size_t i = 0; i < s->nov && !s->failed; i++) {
		size_t used = PG_HDR + s->ov[i].size, pages = (used + s->psize - 1) / s->psize;
		size_t pg = s->ov[i].pgno + pages - 1, tail = used - (pages - 1) * s->psize;

		if (s->ov[i].pgno < 2 || pg > last || tail >= s->psize)
			continue;
		if (pread(s->fd, page, s->psize, (off_t)(pg * s->psize)) != (ssize_t)s->psize) {
			s->failed = errno ? errno : EIO;
			break;
		}
		zero_range(s, pg, page, tail, s->psize);
	}
}

/* Walks pages 2..last (0 and 1 are LMDB's meta pages) in order. */
static void scrub_pages(struct scrubber *s, const uint8_t *state, size_t last)
{
	enum { CHUNK = 64 };
	uint8_t *buf = malloc(CHUNK * s->psize);
	size_t skip_to = 0; /* pages of a live overflow run: values, not headers */

	if (!buf) {
		s->failed = ENOMEM;
		return;
	}
	for (size_t first = 2; first <= last && !s->failed; first += CHUNK) {
		size_t n = last - first + 1 < CHUNK ? last - first + 1 : CHUNK;
		ssize_t got = pread(s->fd, buf, n * s->psize, (off_t)(first * s->psize));

		if (got < 0 || (size_t)got < n * s->psize) {
			s->failed = got < 0 && errno ? errno : EIO;
			break;
		}
		for (size_t i = 0; i < n && !s->failed; i++) {
			size_t pg = first + i, hdr_pgno;
			const uint8_t *page = buf + i * s->psize;
			uint16_t flags;

			if (pg < skip_to)
				continue;
			if (state[pg] == PAGE_FREE_REUSABLE) {
				zero_range(s, pg, page, 0, s->psize);
				continue;
			}
			memcpy(&hdr_pgno, page, sizeof hdr_pgno);
			flags = u16_at(page + PG_OFF_FLAGS);
			if (hdr_pgno != pg || (flags & (PG_META | PG_LEAF2 | PG_SUBP)))
				continue;
			if (flags & PG_OVERFLOW) {
				uint32_t count;

				memcpy(&count, page + PG_OFF_LOWER, sizeof count);
				if (state[pg] == PAGE_LIVE && count > 0)
					skip_to = pg + count;
				continue;
			}
			if (flags & (PG_BRANCH | PG_LEAF))
				scrub_node_page(s, pg, page, flags, state[pg] == PAGE_LIVE);
		}
	}
	if (!s->failed)
		scrub_overflow_tails(s, last, buf);
	free(buf);
}

/* ---- the pass ------------------------------------------------------------------------------- */

static int age_fn(struct cw_txn *t, void *ctx, struct cw_error *err)
{
	MDB_val k = {8, (void *)"scrubbed"}, v;
	uint8_t when[8];
	int rc;

	(void)ctx;
	put_be64(when, (uint64_t)cw_now_us());
	v.mv_size = sizeof when;
	v.mv_data = when;
	rc = mdb_put(t->txn, t->st->dbi[DB_META], &k, &v, 0);
	return rc ? cw_store_lmdb_error(t, rc, "clearing free space", err) : 0;
}

int cw_store_scrub(struct cw_store *st, struct cw_error *err)
{
	struct reader_scan readers = {0, 0};
	struct scrubber s;
	MDB_envinfo info;
	MDB_stat ms;
	MDB_txn *w, *r;
	uint8_t *state = NULL;
	size_t limit;
	int rc, dead;

	memset(&s, 0, sizeof s);
	/* One more commit first: LMDB reuses the pages a transaction freed only after the next
	 * one (a crash may fall back on the snapshot before the last), and so does this. */
	if ((rc = cw_store_write(st, age_fn, NULL, err)) != 0)
		return rc;
	if ((rc = mdb_txn_begin(st->env, NULL, 0, &w)) != 0)
		return cw_store_lmdb_error(NULL, rc, "clearing free space", err);
	mdb_reader_check(st->env, &dead);
	mdb_reader_list(st->env, reader_line, &readers);
	if ((rc = mdb_txn_begin(st->env, NULL, MDB_RDONLY, &r)) != 0) {
		mdb_txn_abort(w);
		return cw_store_lmdb_error(NULL, rc, "clearing free space", err);
	}
	/* LMDB's own rule for reusing a page: freed before the last snapshot and before the
	 * oldest snapshot a reader holds. */
	limit = mdb_txn_id(r);
	if (readers.any && readers.oldest < limit)
		limit = readers.oldest;
	if ((rc = mdb_env_stat(st->env, &ms)) != 0 || (rc = mdb_env_info(st->env, &info)) != 0 ||
	    (rc = mdb_env_get_fd(st->env, &s.fd)) != 0)
		goto out;
	s.psize = ms.ms_psize;
	if (!(state = calloc(info.me_last_pgno + 1, 1))) {
		rc = ENOMEM;
		goto out;
	}
	if ((rc = mark_free_pages(r, limit, state, info.me_last_pgno)) != 0)
		goto out;
	/* Pages past the end of the file were never written (an overflow run a transaction
	 * allocated and freed again before its commit, as a large value replaced and deleted in
	 * one write is): they hold nothing to clear, and reading them would come up short. */
	{
		struct stat sb;
		size_t last = info.me_last_pgno;

		if (fstat(s.fd, &sb) == 0 && (size_t)sb.st_size / s.psize <= last)
			last = (size_t)sb.st_size / s.psize - 1;
		scrub_pages(&s, state, last);
	}
	if (!s.failed && fdatasync(s.fd) != 0)
		s.failed = errno;
	rc = s.failed;
out:
	mdb_txn_abort(r);
	mdb_txn_abort(w);
	free(state);
	free(s.ov);
	if (rc != 0)
		return cw_error_set(
			err, CW_EDB, "database",
			"the change is saved, but clearing the space it freed failed: %s",
			rc > 0 ? strerror(rc) : mdb_strerror(rc));
	return 0;
}
