/* envelope.c - the bundle file around the JSON Lines payload: signed by the database that
 * wrote it, encrypted for the peers it is for (a random file key sealed to each, the payload
 * streamed with crypto_secretstream in chunks), compressed with zstd, and checked in the order
 * that keeps a forged or damaged file from being believed: signature, signer, recipient, then
 * decryption. Both directions stream: the writer holds one chunk, the reader one chunk and what
 * zstd needs, whatever the size of the bundle. The layout is in sync.h. */
#include "config.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <zstd.h>
#include <zstd_errors.h>

#include "models/i18n.h"
#include "store/sync_internal.h"
#include "store/trust.h"

#define MAGIC          "CWBUNDLE"
#define MAGIC_LEN      8
#define FLAG_ENCRYPTED 1
#define FLAG_ZSTD      2 /* version 3 only */
#define OFF_SIGNER     10
#define OFF_COUNT      (OFF_SIGNER + CW_IDENTITY_BYTES)
#define HEAD_FIXED     (OFF_COUNT + 2)
#define FILE_KEY_LEN   crypto_secretstream_xchacha20poly1305_KEYBYTES
#define SEALED_KEY_LEN (crypto_box_SEALBYTES + FILE_KEY_LEN)
#define RECIPIENT_LEN  (CW_IDENTITY_ID_BYTES + SEALED_KEY_LEN)
#define MAX_RECIPIENTS 255
#define STREAM_HEAD    crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define CHUNK          65536
#define CHUNK_TAG      crypto_secretstream_xchacha20poly1305_ABYTES
#define FINAL_BIT      UINT32_C(0x80000000)
#define SIG_LEN        CW_IDENTITY_SIG_BYTES
/* The least a file takes: a plain bundle of an empty payload (version 2: its 8-byte length;
 * version 3: one empty final chunk). */
#define MIN_FILE_V2 (HEAD_FIXED + 8 + SIG_LEN)
#define MIN_FILE_V3 (HEAD_FIXED + 4 + SIG_LEN)
/* zstd: the level bundles are written at, and the largest window a reader accepts (2^23 = 8
 * MiB; level 3 uses 2 MiB), so that a crafted frame cannot make it allocate more. */
#define ZSTD_LEVEL      3
#define ZSTD_WINDOW_MAX 23
/* What cw_envelope_open (bundles in memory: tests and fuzzing) accepts at most. */
#define OPEN_IN_MEMORY_MAX ((size_t)16 << 20)

static int damaged(struct cw_error *err, const char *what)
{
	return cw_error_set(err, CW_EDAMAGED, "bundle", "%s; ask for it again", what);
}

static int oom(struct cw_error *err)
{
	return cw_error_set(err, CW_ENOMEM, "", "out of memory");
}

/* ---- writing ------------------------------------------------------------------------------- */

struct cw_envelope_writer {
	cw_envelope_put_fn put;
	void *put_ctx;
	struct cw_signer *signer;
	crypto_secretstream_xchacha20poly1305_state *ss; /* NULL: plain */
	uint8_t *head;                                   /* the header: the first chunk's AD */
	size_t hlen;
	ZSTD_CCtx *zc;  /* NULL: stored as given */
	uint8_t *chunk; /* the payload of the chunk being filled (compressed when zc) */
	size_t fill;
	uint8_t *out; /* a chunk as written: its length word, then its bytes (and tag) */
	int first;
};

/* Writes bytes of the file, signing them. */
static int put(struct cw_envelope_writer *w, const void *data, size_t len, struct cw_error *err)
{
	int rc;

	if (len && (rc = w->put(w->put_ctx, data, len, err)) != 0)
		return rc;
	cw_signer_update(w->signer, data, len);
	return 0;
}

/* Writes the chunk filled so far; the last one, and only it, is marked final. */
static int emit_chunk(struct cw_envelope_writer *w, int final, struct cw_error *err)
{
	uint32_t word = final ? FINAL_BIT : 0;
	int rc;

	if (w->ss) {
		unsigned long long clen;

		/* The first chunk binds the header (signer, recipients) to the stream. */
		crypto_secretstream_xchacha20poly1305_push(
			w->ss, w->out + 4, &clen, w->chunk, w->fill, w->first ? w->head : NULL,
			w->first ? w->hlen : 0,
			final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
			      : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
		put_be32(w->out, word | (uint32_t)clen);
		rc = put(w, w->out, 4 + (size_t)clen, err);
	} else {
		put_be32(w->out, word | (uint32_t)w->fill);
		if ((rc = put(w, w->out, 4, err)) == 0)
			rc = put(w, w->chunk, w->fill, err);
	}
	sodium_memzero(w->chunk, w->fill);
	w->fill = 0;
	w->first = 0;
	return rc;
}

void cw_envelope_writer_free(struct cw_envelope_writer *w)
{
	if (!w)
		return;
	cw_signer_free(w->signer);
	sodium_free(w->ss);
	ZSTD_freeCCtx(w->zc); /* NULL is fine */
	if (w->chunk)
		sodium_memzero(w->chunk, CHUNK);
	free(w->chunk);
	free(w->out);
	free(w->head);
	free(w);
}

/* The header and, for an encrypted bundle, each recipient's sealed copy of a new file key and
 * the stream's start. */
static int write_head(struct cw_store *st, struct cw_envelope_writer *w,
		      const struct cw_identity_public *to, size_t n, struct cw_error *err)
{
	struct cw_identity_public self;
	uint8_t *key = NULL, shead[STREAM_HEAD];
	int rc;

	if ((rc = cw_store_identity(st, &self, err)) != 0)
		return rc;
	w->hlen = HEAD_FIXED + n * RECIPIENT_LEN;
	if (!(w->head = malloc(w->hlen)))
		return oom(err);
	memcpy(w->head, MAGIC, MAGIC_LEN);
	w->head[8] = CW_BUNDLE_VERSION;
	w->head[9] = (uint8_t)((n ? FLAG_ENCRYPTED : 0) | (w->zc ? FLAG_ZSTD : 0));
	cw_identity_bytes(&self, w->head + OFF_SIGNER);
	w->head[OFF_COUNT] = (uint8_t)(n >> 8);
	w->head[OFF_COUNT + 1] = (uint8_t)n;
	if (n) {
		if (!(w->ss = sodium_malloc(sizeof *w->ss)) || !(key = sodium_malloc(FILE_KEY_LEN)))
			return oom(err);
		crypto_secretstream_xchacha20poly1305_keygen(key);
		for (size_t i = 0; i < n && rc == 0; i++) {
			uint8_t *entry = w->head + HEAD_FIXED + i * RECIPIENT_LEN;

			cw_identity_id(&to[i], entry);
			if (crypto_box_seal(entry + CW_IDENTITY_ID_BYTES, key, FILE_KEY_LEN,
					    to[i].box) != 0)
				rc = cw_error_set(err, CW_EINVAL, "to",
						  "the key of recipient %zu cannot be sealed to",
						  i + 1);
		}
		if (rc == 0)
			crypto_secretstream_xchacha20poly1305_init_push(w->ss, shead, key);
		sodium_free(key); /* wipes it: the stream state holds what it needs */
	}
	if (rc == 0)
		rc = put(w, w->head, w->hlen, err);
	if (rc == 0 && n)
		rc = put(w, shead, sizeof shead, err);
	return rc;
}

int cw_envelope_writer_begin(struct cw_store *st, const struct cw_identity_public *recipients,
			     size_t n, int flags, cw_envelope_put_fn fn, void *ctx,
			     struct cw_envelope_writer **out, struct cw_error *err)
{
	struct cw_envelope_writer *w;
	int rc;

	*out = NULL;
	if (n > MAX_RECIPIENTS)
		return cw_error_set(err, CW_EINVAL, "to", "a bundle is for at most %d peers",
				    MAX_RECIPIENTS);
	if (!(w = calloc(1, sizeof *w)))
		return oom(err);
	w->put = fn;
	w->put_ctx = ctx;
	w->first = 1;
	if (!(w->chunk = malloc(CHUNK)) || !(w->out = malloc(4 + CHUNK + CHUNK_TAG))) {
		rc = oom(err);
		goto fail;
	}
	if (!(flags & CW_ENVELOPE_STORED)) {
		if (!(w->zc = ZSTD_createCCtx())) {
			rc = oom(err);
			goto fail;
		}
		/* No checksum: the signature covers every byte. */
		if (ZSTD_isError(
			    ZSTD_CCtx_setParameter(w->zc, ZSTD_c_compressionLevel, ZSTD_LEVEL)) ||
		    ZSTD_isError(ZSTD_CCtx_setParameter(w->zc, ZSTD_c_checksumFlag, 0))) {
			rc = cw_error_set(err, CW_EINVAL, "bundle", "zstd refuses its settings");
			goto fail;
		}
	}
	if ((rc = cw_signer_begin(st, &w->signer, err)) != 0 ||
	    (rc = write_head(st, w, recipients, n, err)) != 0)
		goto fail;
	*out = w;
	return 0;
fail:
	cw_envelope_writer_free(w);
	return rc;
}

/* One call of the compressor into the chunk being filled, after sending it on when it is full
 * (never as the last: more follows). *left is what zstd still holds for ZSTD_e_end. */
static int compress_step(struct cw_envelope_writer *w, ZSTD_inBuffer *in, ZSTD_EndDirective mode,
			 size_t *left, struct cw_error *err)
{
	ZSTD_outBuffer ob;
	int rc;

	if (w->fill == CHUNK && (rc = emit_chunk(w, 0, err)) != 0)
		return rc;
	ob.dst = w->chunk;
	ob.size = CHUNK;
	ob.pos = w->fill;
	*left = ZSTD_compressStream2(w->zc, &ob, in, mode);
	w->fill = ob.pos;
	if (ZSTD_isError(*left))
		return cw_error_set(err, CW_ENOMEM, "", "cannot compress: %s",
				    ZSTD_getErrorName(*left));
	return 0;
}

int cw_envelope_writer_write(struct cw_envelope_writer *w, const void *data, size_t len,
			     struct cw_error *err)
{
	const uint8_t *p = data;
	int rc;

	if (!w->zc) {
		while (len) {
			size_t m = CHUNK - w->fill < len ? CHUNK - w->fill : len;

			if (m == 0) { /* full, and more comes: not the last */
				if ((rc = emit_chunk(w, 0, err)) != 0)
					return rc;
				continue;
			}
			memcpy(w->chunk + w->fill, p, m);
			w->fill += m;
			p += m;
			len -= m;
		}
		return 0;
	}
	{
		ZSTD_inBuffer in = {data, len, 0};
		size_t left;

		while (in.pos < in.size)
			if ((rc = compress_step(w, &in, ZSTD_e_continue, &left, err)) != 0)
				return rc;
	}
	return 0;
}

int cw_envelope_writer_finish(struct cw_envelope_writer *w, struct cw_error *err)
{
	uint8_t sig[SIG_LEN];
	int rc;

	if (w->zc) {
		ZSTD_inBuffer in = {NULL, 0, 0};
		size_t left;

		do
			if ((rc = compress_step(w, &in, ZSTD_e_end, &left, err)) != 0)
				return rc;
		while (left);
	}
	if ((rc = emit_chunk(w, 1, err)) != 0 || (rc = cw_signer_final(w->signer, sig, err)) != 0)
		return rc;
	/* The signature itself is the one part not signed. */
	return w->put(w->put_ctx, sig, sizeof sig, err);
}

/* ---- reading ------------------------------------------------------------------------------- */

struct cw_envelope_reader {
	FILE *f;
	off_t size;  /* the file's, in the first pass */
	int version; /* 2 or 3 */
	int flags;
	uint8_t *head; /* the header as the first pass read it */
	size_t hlen;
	uint8_t sig[SIG_LEN];
	struct cw_identity_public signer;
	uint8_t *key; /* the file key, guarded (encrypted bundles) */
	/* The second pass. */
	crypto_sign_state state;
	crypto_secretstream_xchacha20poly1305_state *ss;
	ZSTD_DCtx *dz;
	uint8_t *in;    /* a chunk as read */
	uint8_t *plain; /* a chunk decrypted, then what zstd gave */
	int frame_done;
};

void cw_envelope_reader_free(struct cw_envelope_reader *r)
{
	if (!r)
		return;
	sodium_free(r->key);
	free(r->head);
	free(r);
}

static uint16_t get_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Reads exactly n bytes into buf, adding them to the signature's hash. 1 when the file ended
 * first (it is shorter than it was), or a CW_E* code. */
static int read_hashed(FILE *f, crypto_sign_state *state, uint8_t *buf, size_t n,
		       struct cw_error *err)
{
	if (n && fread(buf, 1, n, f) != n) {
		if (ferror(f))
			return cw_error_set(err, CW_EIO, "file", "cannot read the bundle: %s",
					    strerror(errno));
		return 1;
	}
	crypto_sign_update(state, buf, n);
	return 0;
}

/* The second pass found the file other than the first did. */
static int changed(struct cw_error *err)
{
	return cw_error_set(err, CW_EDAMAGED, "bundle",
			    "changed while it was being read (it no longer matches its "
			    "signature): nothing was written; import it again once nothing else "
			    "writes to it");
}

/* The first pass: the structure of the body after the header, read and hashed in pieces up to
 * the signature. NULL when it holds together, else what is wrong (the file is then not read
 * further: it is refused whatever its signature says). */
static const char *walk_body(struct cw_envelope_reader *r, crypto_sign_state *state, uint8_t *buf,
			     int *rc, struct cw_error *err)
{
	off_t left = r->size - SIG_LEN - (off_t)r->hlen;
	int encrypted = r->flags & FLAG_ENCRYPTED, final = 0;
	const char *cut = _("is truncated or damaged: its parts do not add up to its size");

#define READ(n)                                                                                    \
	do {                                                                                       \
		if ((*rc = read_hashed(r->f, state, buf, (n), err)) != 0) {                        \
			if (*rc > 0)                                                               \
				*rc = changed(err);                                                \
			return "";                                                                 \
		}                                                                                  \
		left -= (off_t)(n);                                                                \
	} while (0)

	*rc = 0;
	if (r->version == 2 && !encrypted) {
		uint64_t n;

		if (left < 8)
			return cut;
		READ(8);
		n = get_be64(buf);
		if (n != (uint64_t)left)
			return cut;
		while (left > 0) {
			size_t m = left > CHUNK ? CHUNK : (size_t)left;

			READ(m);
		}
		return NULL;
	}
	if (encrypted) {
		if (left < STREAM_HEAD)
			return cut;
		READ(STREAM_HEAD);
	}
	while (left > 0) {
		uint32_t word, len;

		if (final)
			return _("is damaged: it goes on after its last part");
		if (left < 4)
			return cut;
		READ(4);
		word = get_be32(buf);
		len = r->version == 2 ? word : word & ~FINAL_BIT;
		final = r->version > 2 && (word & FINAL_BIT);
		if ((off_t)len > left ||
		    (encrypted && (len < CHUNK_TAG || len > CHUNK + CHUNK_TAG)) ||
		    (!encrypted && len > CHUNK))
			return cut;
		READ(len);
	}
#undef READ
	/* Version 2 marks its last part inside the encryption only (the second pass checks). */
	if (r->version > 2 && !final)
		return _("is truncated: its last part is missing");
	return NULL;
}

/* Who signed it and whom it is for, by name where this database knows them. */
static int name_parties(struct cw_store *st, const uint8_t *head, size_t nrec,
			struct cw_bundle_envelope *env, struct cw_error *err)
{
	struct cw_identity_public self;
	uint8_t self_id[CW_IDENTITY_ID_BYTES];
	struct cw_peer_key *peers = NULL, found;
	size_t npeers = 0;
	int rc;

	if ((rc = cw_store_identity(st, &self, err)) != 0)
		return rc;
	cw_identity_id(&self, self_id);
	env->signer_here = cw_identity_equal(&env->signer, &self);
	if (!env->signer_here) {
		rc = cw_peer_by_key(st, &env->signer, &found, err);
		if (rc == 0)
			snprintf(env->signer_name, sizeof env->signer_name, "%s", found.name);
		else if (rc != CW_ENOTFOUND)
			return rc;
		cw_error_clear(err);
	}
	/* Not enrolled: a key removed here, maybe (a taken laptop's), which every reader of the
	 * envelope tells apart from a stranger's. */
	if (!env->signer_here && !env->signer_name[0]) {
		MDB_txn *txn;

		if ((rc = cw_store_begin_read(st, &txn, err)) != 0)
			return rc;
		rc = cw_store_key_revoked(txn, st, &env->signer, &env->signer_removed_at,
					  &env->signer_removed, err);
		mdb_txn_abort(txn);
		if (rc != 0)
			return rc;
	}
	if (nrec && !(env->recipients = calloc(nrec, sizeof *env->recipients)))
		return oom(err);
	env->nrecipients = nrec;
	if ((rc = cw_peer_list(st, &peers, &npeers, err)) != 0)
		return rc;
	for (size_t i = 0; i < nrec; i++) {
		struct cw_bundle_recipient *r = &env->recipients[i];

		memcpy(r->id, head + HEAD_FIXED + i * RECIPIENT_LEN, CW_IDENTITY_ID_BYTES);
		r->here = sodium_memcmp(r->id, self_id, sizeof self_id) == 0;
		env->for_here |= r->here;
		for (size_t p = 0; p < npeers && !r->here && !r->name[0]; p++) {
			uint8_t id[CW_IDENTITY_ID_BYTES];

			cw_identity_id(&peers[p].key, id);
			if (memcmp(id, r->id, sizeof id) == 0)
				snprintf(r->name, sizeof r->name, "%s", peers[p].name);
		}
	}
	free(peers);
	return 0;
}

/* The layout and the signature over every byte before it, read in pieces. */
static int check_signed(struct cw_envelope_reader *r, struct cw_error *err)
{
	crypto_sign_state state;
	uint8_t *buf = malloc(CHUNK + CHUNK_TAG);
	const char *wrong;
	size_t nrec;
	int rc;

	if (!buf)
		return oom(err);
	crypto_sign_init(&state);
	if ((rc = read_hashed(r->f, &state, buf, HEAD_FIXED, err)) != 0)
		goto out;
	nrec = get_be16(buf + OFF_COUNT);
	r->hlen = HEAD_FIXED + nrec * RECIPIENT_LEN;
	r->flags = buf[9];
	cw_identity_from_bytes(buf + OFF_SIGNER, &r->signer);
	if ((off_t)r->hlen > r->size - SIG_LEN) {
		rc = damaged(err,
			     _("is truncated or damaged: its parts do not add up to its size"));
		goto out;
	}
	if (!(r->head = malloc(r->hlen))) {
		rc = oom(err);
		goto out;
	}
	memcpy(r->head, buf, HEAD_FIXED);
	if ((rc = read_hashed(r->f, &state, r->head + HEAD_FIXED, r->hlen - HEAD_FIXED, err)) != 0)
		goto out;
	if ((wrong = walk_body(r, &state, buf, &rc, err)) != NULL) {
		if (rc == 0)
			rc = damaged(err, wrong);
		goto out;
	}
	if (fread(r->sig, 1, SIG_LEN, r->f) != SIG_LEN) {
		rc = 1;
		goto out;
	}
	/* Before anything in it is believed: the signature over every byte before it, by the
	 * key the file names. Whether that key is one to trust comes next. */
	if (crypto_sign_final_verify(&state, r->sig, r->signer.sign) != 0)
		rc = damaged(err,
			     _("its signature does not match its content: it was altered after "
			       "it was signed"));
out:
	if (rc > 0)
		rc = changed(err);
	free(buf);
	sodium_memzero(&state, sizeof state);
	return rc;
}

int cw_envelope_check(struct cw_store *st, FILE *f, int for_import, struct cw_bundle_envelope *env,
		      struct cw_envelope_reader **out, struct cw_error *err)
{
	struct cw_envelope_reader *r;
	uint8_t first[200];
	size_t got, nrec, mine = 0;
	int rc;

	memset(env, 0, sizeof *env);
	*out = NULL;
	if (!(r = calloc(1, sizeof *r)))
		return oom(err);
	r->f = f;
	/* Unbuffered: each pass reads the file itself (a buffer kept from the first pass would
	 * hide a change made since), a chunk at a time in as many calls. */
	setvbuf(f, NULL, _IONBF, 0);
	if (fseeko(f, 0, SEEK_END) != 0 || (r->size = ftello(f)) < 0 ||
	    fseeko(f, 0, SEEK_SET) != 0) {
		rc = cw_error_set(
			err, CW_EIO, "file",
			"cannot be read twice (a pipe?): a bundle is checked whole before "
			"anything in it is used, so give it as a file");
		goto fail;
	}
	got = fread(first, 1, sizeof first, f);
	if (got == 0 && ferror(f)) {
		rc = cw_error_set(err, CW_EIO, "file", "cannot read the bundle: %s",
				  strerror(errno));
		goto fail;
	}
	if (r->size == 0 || got == 0) {
		rc = cw_error_set(err, CW_EINVAL, "bundle", "is empty");
		goto fail;
	}
	if (first[0] == '{' && got > 30 && memmem(first, got, "casewatch-bundle", 16)) {
		rc = cw_error_set(err, CW_EREFUSED, "bundle",
				  "is an unsigned bundle of an older casewatch (format 1): "
				  "anyone could have written it, so it is refused; ask for it "
				  "again from a casewatch that signs bundles");
		goto fail;
	}
	if (got < MAGIC_LEN || memcmp(first, MAGIC, MAGIC_LEN) != 0) {
		rc = cw_error_set(err, CW_EINVAL, "bundle", "not a casewatch bundle");
		goto fail;
	}
	if (got > MAGIC_LEN && first[MAGIC_LEN] != 2 && first[MAGIC_LEN] != CW_BUNDLE_VERSION) {
		rc = cw_error_set(err, CW_EVERSION, "bundle",
				  "format version %d is not one this casewatch reads (2 and %d); "
				  "upgrade casewatch",
				  first[MAGIC_LEN], CW_BUNDLE_VERSION);
		goto fail;
	}
	r->version = got > MAGIC_LEN ? first[MAGIC_LEN] : CW_BUNDLE_VERSION;
	if (r->size < (r->version == 2 ? MIN_FILE_V2 : MIN_FILE_V3)) {
		char what[96];

		snprintf(what, sizeof what,
			 _("is truncated (%lld bytes; a bundle has at least %d)"),
			 (long long)r->size, r->version == 2 ? MIN_FILE_V2 : MIN_FILE_V3);
		rc = damaged(err, what);
		goto fail;
	}
	if (fseeko(f, 0, SEEK_SET) != 0) {
		rc = cw_error_set(err, CW_EIO, "file", "cannot read the bundle: %s",
				  strerror(errno));
		goto fail;
	}
	if ((rc = check_signed(r, err)) != 0)
		goto fail;
	/* From here on the bytes are what the signer wrote. */
	env->version = r->version;
	env->signer = r->signer;
	env->encrypted = r->flags & FLAG_ENCRYPTED;
	nrec = get_be16(r->head + OFF_COUNT);
	if (r->flags & ~(FLAG_ENCRYPTED | (r->version > 2 ? FLAG_ZSTD : 0))) {
		rc = cw_error_set(err, CW_EVERSION, "bundle",
				  "uses a feature this casewatch does not know (flags %#x); "
				  "upgrade casewatch",
				  (unsigned)r->flags);
		goto fail;
	}
	if (env->encrypted != (nrec > 0)) {
		rc = damaged(err, _("its header is inconsistent"));
		goto fail;
	}
	if ((rc = name_parties(st, r->head, nrec, env, err)) != 0)
		goto fail;
	/* A removed key's own bundle, asked for, goes on: what it speaks for is checked at the
	 * import. */
	if (for_import && !env->signer_here && !env->signer_name[0] &&
	    !(for_import == CW_ENVELOPE_ACCEPT_REMOVED && env->signer_removed)) {
		char fp[CW_FINGERPRINT_TEXT_MAX];

		/* Not the key alone ("cwid1:"), which leaves the signer's database unbound: the
		 * import (bundle.c) says the key with its database when the payload names it. */
		cw_identity_fingerprint(&env->signer, fp);
		rc = cw_error_set(err, CW_EREFUSED, "bundle",
				  "signed by a laptop not enrolled here (fingerprint %s); if "
				  "its owner reads you the same fingerprint by phone, enrol the "
				  "key 'casewatch identity' prints there: casewatch peer add NAME "
				  "KEY",
				  fp);
		goto fail;
	}
	if (env->encrypted) {
		while (mine < nrec && !env->recipients[mine].here)
			mine++;
		if (mine == nrec) {
			cw_envelope_reader_free(r);
			if (!for_import)
				return 0; /* inspect shows the envelope alone */
			if (env->signer_here)
				return cw_error_set(err, CW_EREFUSED, "bundle",
						    "was written by this database, for other "
						    "readers (%zu): what it holds is here already",
						    nrec);
			return cw_error_set(err, CW_EREFUSED, "bundle",
					    "is for other recipients (%zu), not this database: "
					    "ask its sender for one exported with --to and this "
					    "laptop's name",
					    nrec);
		}
		if (!(r->key = sodium_malloc(FILE_KEY_LEN))) {
			rc = oom(err);
			goto fail;
		}
		if ((rc = cw_store_open_sealed(
			     st, r->head + HEAD_FIXED + mine * RECIPIENT_LEN + CW_IDENTITY_ID_BYTES,
			     SEALED_KEY_LEN, r->key, FILE_KEY_LEN, err)) != 0)
			goto fail;
	}
	*out = r;
	return 0;
fail:
	cw_envelope_reader_free(r);
	return rc;
}

/* Gives fn what the compressed bytes of a chunk decompress to, in pieces of at most CHUNK
 * bytes written to `out`. */
static int decompress_chunk(struct cw_envelope_reader *r, const uint8_t *data, size_t len,
			    uint8_t *out, cw_envelope_data_fn fn, void *ctx, struct cw_error *err)
{
	ZSTD_inBuffer in = {data, len, 0};
	int rc;

	if (len && r->frame_done)
		return damaged(err, _("is damaged: its compressed content goes on after its end"));
	while (len) {
		ZSTD_outBuffer ob = {out, CHUNK, 0};
		size_t ret = ZSTD_decompressStream(r->dz, &ob, &in);

		if (ZSTD_isError(ret)) {
			char what[160];

			if (ZSTD_getErrorCode(ret) == ZSTD_error_frameParameter_windowTooLarge)
				return cw_error_set(
					err, CW_EINVAL, "bundle",
					"its compressed content asks for more memory "
					"than casewatch gives it (a window over %d MiB)",
					1 << (ZSTD_WINDOW_MAX - 20));
			snprintf(what, sizeof what, _("its compressed content is damaged (%s)"),
				 ZSTD_getErrorName(ret));
			return damaged(err, what);
		}
		if (ob.pos && (rc = fn(ctx, out, ob.pos, err)) != 0)
			return rc;
		if (ret == 0) {
			r->frame_done = 1;
			if (in.pos < in.size)
				return damaged(err, _("is damaged: its compressed content goes on "
						      "after its end"));
			break;
		}
		/* Everything read, and zstd holds nothing more to give. */
		if (in.pos == in.size && ob.pos < ob.size)
			break;
	}
	return 0;
}

/* The body of the second pass: every chunk read, hashed, opened and handed on. */
static int read_body(struct cw_envelope_reader *r, cw_envelope_data_fn fn, void *ctx,
		     struct cw_error *err)
{
	off_t left = r->size - SIG_LEN - (off_t)r->hlen;
	int encrypted = r->flags & FLAG_ENCRYPTED, final = 0, first = 1, rc;

#define READ(buf, n)                                                                               \
	do {                                                                                       \
		if ((rc = read_hashed(r->f, &r->state, (buf), (n), err)) != 0)                     \
			return rc > 0 ? changed(err) : rc;                                         \
		left -= (off_t)(n);                                                                \
	} while (0)

	if (r->version == 2 && !encrypted) {
		READ(r->in, 8);
		if (get_be64(r->in) != (uint64_t)left)
			return changed(err);
		while (left > 0) {
			size_t m = left > CHUNK ? CHUNK : (size_t)left;

			READ(r->in, m);
			if ((rc = fn(ctx, r->in, m, err)) != 0)
				return rc;
		}
		return 0;
	}
	if (encrypted) {
		READ(r->in, STREAM_HEAD);
		if (crypto_secretstream_xchacha20poly1305_init_pull(r->ss, r->in, r->key) != 0)
			return damaged(err, _("its encrypted content has no valid start"));
	}
	while (!final) {
		uint32_t word, len;
		/* What the chunk holds of the payload, and a buffer free for what it decompresses
		 * to. */
		uint8_t *data = r->in, *spare = r->plain;
		size_t dlen;

		if (left < 4)
			return changed(err);
		READ(r->in, 4);
		word = get_be32(r->in);
		len = r->version == 2 ? word : word & ~FINAL_BIT;
		final = r->version > 2 && (word & FINAL_BIT);
		if ((off_t)len > left ||
		    (encrypted && (len < CHUNK_TAG || len > CHUNK + CHUNK_TAG)) ||
		    (!encrypted && len > CHUNK))
			return changed(err);
		READ(r->in, len);
		dlen = len;
		if (encrypted) {
			unsigned long long mlen;
			uint8_t tag;

			if (crypto_secretstream_xchacha20poly1305_pull(
				    r->ss, r->plain, &mlen, &tag, r->in, len,
				    first ? r->head : NULL, first ? r->hlen : 0) != 0)
				return damaged(err,
					       _("a part of its content does not decrypt: it was "
						 "altered"));
			/* Version 3 says which part is the last both outside and inside the
			 * encryption; the two must agree. */
			if (r->version == 2)
				final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
			else if (final != (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL))
				return damaged(err,
					       _("its last part is not the one its writer marked"));
			data = r->plain;
			spare = r->in;
			dlen = (size_t)mlen;
		}
		first = 0;
		if (r->dz)
			rc = decompress_chunk(r, data, dlen, spare, fn, ctx, err);
		else
			rc = dlen ? fn(ctx, data, dlen, err) : 0;
		if (rc != 0)
			return rc;
		if (!final && left == 0)
			return r->version == 2
				       ? damaged(err, _("is truncated: its last part is missing"))
				       : changed(err);
	}
#undef READ
	if (left != 0)
		return r->version == 2
			       ? damaged(err, _("is damaged: it goes on after its last part"))
			       : changed(err);
	if (r->dz && !r->frame_done)
		return damaged(err, _("is damaged: its compressed content is cut short"));
	return 0;
}

int cw_envelope_read(struct cw_envelope_reader *r, cw_envelope_data_fn fn, void *ctx,
		     struct cw_error *err)
{
	uint8_t sig[SIG_LEN];
	int rc = 0;

	crypto_sign_init(&r->state);
	r->frame_done = 0;
	if (!(r->in = malloc(CHUNK + CHUNK_TAG)) || !(r->plain = malloc(CHUNK + CHUNK_TAG)) ||
	    ((r->flags & FLAG_ENCRYPTED) && !(r->ss = sodium_malloc(sizeof *r->ss)))) {
		rc = oom(err);
		goto out;
	}
	if (r->flags & FLAG_ZSTD) {
		if (!(r->dz = ZSTD_createDCtx())) {
			rc = oom(err);
			goto out;
		}
		if (ZSTD_isError(
			    ZSTD_DCtx_setParameter(r->dz, ZSTD_d_windowLogMax, ZSTD_WINDOW_MAX))) {
			rc = cw_error_set(err, CW_EINVAL, "bundle", "zstd refuses its settings");
			goto out;
		}
	}
	/* The same file as the first pass read, from its start: its header again, unchanged. */
	if (fseeko(r->f, 0, SEEK_SET) != 0) {
		rc = cw_error_set(err, CW_EIO, "file", "cannot read the bundle: %s",
				  strerror(errno));
		goto out;
	}
	for (size_t off = 0; off < r->hlen; off += CHUNK) {
		size_t m = r->hlen - off < CHUNK ? r->hlen - off : CHUNK;

		if ((rc = read_hashed(r->f, &r->state, r->in, m, err)) != 0 ||
		    memcmp(r->in, r->head + off, m) != 0) {
			rc = rc < 0 ? rc : changed(err);
			goto out;
		}
	}
	if ((rc = read_body(r, fn, ctx, err)) != 0)
		goto out;
	/* Every byte read this time is what was signed: the signature verifies again over them,
	 * and nothing follows it. */
	if (fread(sig, 1, SIG_LEN, r->f) != SIG_LEN || sodium_memcmp(sig, r->sig, SIG_LEN) != 0 ||
	    crypto_sign_final_verify(&r->state, sig, r->signer.sign) != 0 || fgetc(r->f) != EOF)
		rc = changed(err);
out:
	if (r->plain)
		sodium_memzero(r->plain, CHUNK + CHUNK_TAG);
	if (r->in)
		sodium_memzero(r->in, CHUNK + CHUNK_TAG);
	free(r->plain);
	free(r->in);
	sodium_free(r->ss);
	ZSTD_freeDCtx(r->dz);
	r->plain = r->in = NULL;
	r->ss = NULL;
	r->dz = NULL;
	return rc;
}

/* ---- whole bundles in memory (tests and fuzzing) ------------------------------------------ */

static int put_buf(void *ctx, const void *data, size_t len, struct cw_error *err)
{
	return cw_buf_append(ctx, data, len) == 0 ? 0 : oom(err);
}

int cw_envelope_seal(struct cw_store *st, const struct cw_identity_public *recipients, size_t n,
		     int flags, const void *payload, size_t len, struct cw_buf *out,
		     struct cw_error *err)
{
	struct cw_envelope_writer *w;
	size_t start = out->len;
	int rc;

	if ((rc = cw_envelope_writer_begin(st, recipients, n, flags, put_buf, out, &w, err)) == 0 &&
	    (rc = cw_envelope_writer_write(w, payload, len, err)) == 0)
		rc = cw_envelope_writer_finish(w, err);
	cw_envelope_writer_free(w);
	if (rc != 0)
		out->len = start;
	return rc;
}

static int append_capped(void *ctx, const uint8_t *data, size_t len, struct cw_error *err)
{
	struct cw_buf *b = ctx;

	if (b->len + len > OPEN_IN_MEMORY_MAX)
		return cw_error_set(err, CW_EINVAL, "bundle",
				    "its content is over %zu MiB, more than is opened in memory",
				    OPEN_IN_MEMORY_MAX >> 20);
	return cw_buf_append(b, data, len) == 0 ? 0 : oom(err);
}

int cw_envelope_open(struct cw_store *st, const uint8_t *data, size_t len, int for_import,
		     struct cw_bundle_envelope *env, struct cw_buf *payload, struct cw_error *err)
{
	struct cw_envelope_reader *r = NULL;
	FILE *f;
	int rc;

	memset(env, 0, sizeof *env);
	payload->len = 0;
	if (len == 0)
		return cw_error_set(err, CW_EINVAL, "bundle", "is empty");
	if (!(f = fmemopen((void *)data, len, "rb")))
		return oom(err);
	rc = cw_envelope_check(st, f, for_import, env, &r, err);
	if (rc == 0 && r) {
		rc = cw_envelope_read(r, append_capped, payload, err);
		if (rc == 0 && cw_buf_append(payload, "", 1) != 0)
			rc = oom(err);
		if (rc == 0) {
			payload->len--; /* the NUL stays after the text, uncounted */
			env->opened = 1;
		}
	}
	cw_envelope_reader_free(r);
	fclose(f);
	return rc;
}

int cw_bundle_file_looks_like(const char *path)
{
	char head[MAGIC_LEN];
	FILE *f = fopen(path, "rb");
	int is;

	if (!f)
		return 0;
	is = fread(head, 1, MAGIC_LEN, f) == MAGIC_LEN && memcmp(head, MAGIC, MAGIC_LEN) == 0;
	fclose(f);
	return is;
}
