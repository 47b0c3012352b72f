/* envelope.c - the bundle file around the JSON Lines payload: signed by the database that
 * wrote it, encrypted for the peers it is for (a random file key sealed to each, the payload
 * streamed with crypto_secretstream in chunks), and checked in the order that keeps a forged or
 * damaged file from being believed: signature, signer, recipient, then decryption. The layout is
 * in sync.h. */
#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sync_internal.h"
#include "store/trust.h"

#define MAGIC            "CWBUNDLE"
#define MAGIC_LEN        8
#define ENVELOPE_VERSION 2
#define FLAG_ENCRYPTED   1
#define OFF_SIGNER       10
#define OFF_COUNT        (OFF_SIGNER + CW_IDENTITY_BYTES)
#define HEAD_FIXED       (OFF_COUNT + 2)
#define FILE_KEY_LEN     crypto_secretstream_xchacha20poly1305_KEYBYTES
#define SEALED_KEY_LEN   (crypto_box_SEALBYTES + FILE_KEY_LEN)
#define RECIPIENT_LEN    (CW_IDENTITY_ID_BYTES + SEALED_KEY_LEN)
#define MAX_RECIPIENTS   255
#define STREAM_HEAD      crypto_secretstream_xchacha20poly1305_HEADERBYTES
#define CHUNK            65536
#define CHUNK_TAG        crypto_secretstream_xchacha20poly1305_ABYTES
#define SIG_LEN          CW_IDENTITY_SIG_BYTES
#define MIN_FILE         (HEAD_FIXED + 8 + SIG_LEN) /* a plain bundle of an empty payload */

/* ---- writing ------------------------------------------------------------------------------- */

/* Where the envelope goes: each byte appended is signed as it is written. */
struct sink {
	struct cw_buf *out;
	struct cw_signer *signer;
};

static int put(struct sink *w, const void *data, size_t len)
{
	if (len && cw_buf_append(w->out, data, len) != 0)
		return CW_ENOMEM;
	cw_signer_update(w->signer, data, len);
	return 0;
}

/* The recipients' entries and the encrypted payload. */
static int put_encrypted(struct sink *w, size_t start, const struct cw_identity_public *to,
			 size_t n, const uint8_t *payload, size_t len, struct cw_error *err)
{
	crypto_secretstream_xchacha20poly1305_state *ss = sodium_malloc(sizeof *ss);
	uint8_t *key = sodium_malloc(FILE_KEY_LEN), *ct = malloc(4 + CHUNK + CHUNK_TAG);
	uint8_t entry[RECIPIENT_LEN], head[STREAM_HEAD];
	size_t off = 0, hlen;
	int rc = 0, first = 1;

	if (!ss || !key || !ct) {
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		goto out;
	}
	crypto_secretstream_xchacha20poly1305_keygen(key);
	for (size_t i = 0; i < n && rc == 0; i++) {
		cw_identity_id(&to[i], entry);
		if (crypto_box_seal(entry + CW_IDENTITY_ID_BYTES, key, FILE_KEY_LEN, to[i].box) !=
		    0)
			rc = cw_error_set(err, CW_EINVAL, "to",
					  "the key of recipient %zu cannot be sealed to", i + 1);
		else
			rc = put(w, entry, sizeof entry);
	}
	if (rc != 0)
		goto out;
	hlen = w->out->len - start;
	crypto_secretstream_xchacha20poly1305_init_push(ss, head, key);
	if ((rc = put(w, head, sizeof head)) != 0)
		goto out;
	/* Chunks of 64 KiB: the last, and only it, is marked final. An empty payload is one
	 * empty final chunk. The first binds the header (signer, recipients) to the stream. */
	do {
		size_t m = len - off > CHUNK ? CHUNK : len - off;
		unsigned long long clen;

		crypto_secretstream_xchacha20poly1305_push(
			ss, ct + 4, &clen, len ? payload + off : payload, m,
			first ? w->out->data + start : NULL, first ? hlen : 0,
			off + m == len ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
				       : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
		put_be32(ct, (uint32_t)clen);
		if ((rc = put(w, ct, 4 + (size_t)clen)) != 0)
			goto out;
		off += m;
		first = 0;
	} while (off < len);
out:
	if (rc == CW_ENOMEM)
		cw_error_set(err, CW_ENOMEM, "", "out of memory");
	sodium_free(ss);
	sodium_free(key);
	free(ct);
	return rc;
}

int cw_envelope_seal(struct cw_store *st, const struct cw_identity_public *recipients, size_t n,
		     const void *payload, size_t len, struct cw_buf *out, struct cw_error *err)
{
	struct cw_identity_public self;
	struct sink w = {out, NULL};
	uint8_t head[HEAD_FIXED], sig[SIG_LEN], plen[8];
	size_t start = out->len;
	int rc;

	if (n > MAX_RECIPIENTS)
		return cw_error_set(err, CW_EINVAL, "to", "a bundle is for at most %d peers",
				    MAX_RECIPIENTS);
	if ((rc = cw_store_identity(st, &self, err)) != 0 ||
	    (rc = cw_signer_begin(st, &w.signer, err)) != 0)
		return rc;
	memcpy(head, MAGIC, MAGIC_LEN);
	head[8] = ENVELOPE_VERSION;
	head[9] = n ? FLAG_ENCRYPTED : 0;
	cw_identity_bytes(&self, head + OFF_SIGNER);
	head[OFF_COUNT] = (uint8_t)(n >> 8);
	head[OFF_COUNT + 1] = (uint8_t)n;
	if ((rc = put(&w, head, sizeof head)) != 0)
		goto oom;
	if (n) {
		rc = put_encrypted(&w, start, recipients, n, payload, len, err);
	} else {
		put_be64(plen, (uint64_t)len);
		if ((rc = put(&w, plen, sizeof plen)) != 0 || (rc = put(&w, payload, len)) != 0)
			goto oom;
	}
	if (rc == 0 && (rc = cw_signer_final(w.signer, sig, err)) == 0 &&
	    cw_buf_append(out, sig, sizeof sig) != 0)
		goto oom;
	goto out;
oom:
	rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
out:
	cw_signer_free(w.signer);
	if (rc != 0)
		out->len = start;
	return rc;
}

/* ---- reading ------------------------------------------------------------------------------- */

static uint16_t get_be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Whether the parts of a file add up to its size (read before the signature is checked, only
 * to say "truncated" rather than "altered" when it fails). */
static int parts_add_up(const uint8_t *data, size_t len)
{
	size_t end = len - SIG_LEN,
	       p = HEAD_FIXED + (size_t)get_be16(data + OFF_COUNT) * RECIPIENT_LEN;

	if (p > end)
		return 0;
	if (!(data[9] & FLAG_ENCRYPTED))
		return end - p >= 8 && get_be64(data + p) == end - p - 8;
	if (end - p < STREAM_HEAD)
		return 0;
	for (p += STREAM_HEAD; p < end;) {
		size_t l;

		if (end - p < 4)
			return 0;
		l = get_be32(data + p);
		p += 4;
		if (l > end - p)
			return 0;
		p += l;
	}
	return p == end;
}

static int damaged(struct cw_error *err, const char *what)
{
	return cw_error_set(err, CW_EDAMAGED, "bundle", "%s; ask for it again", what);
}

/* Who signed it and whom it is for, by name where this database knows them. */
static int name_parties(struct cw_store *st, const uint8_t *data, size_t nrec,
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
	if (nrec && !(env->recipients = calloc(nrec, sizeof *env->recipients)))
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	env->nrecipients = nrec;
	if ((rc = cw_peer_list(st, &peers, &npeers, err)) != 0)
		return rc;
	for (size_t i = 0; i < nrec; i++) {
		struct cw_bundle_recipient *r = &env->recipients[i];

		memcpy(r->id, data + HEAD_FIXED + i * RECIPIENT_LEN, CW_IDENTITY_ID_BYTES);
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

/* The payload of an encrypted bundle whose recipient entry `mine` is this database's. */
static int decrypt(struct cw_store *st, const uint8_t *data, size_t len, size_t mine,
		   struct cw_buf *payload, struct cw_error *err)
{
	crypto_secretstream_xchacha20poly1305_state *ss = sodium_malloc(sizeof *ss);
	uint8_t *key = sodium_malloc(FILE_KEY_LEN), *m = malloc(CHUNK), tag = 0;
	size_t end = len - SIG_LEN;
	size_t head = HEAD_FIXED + (size_t)get_be16(data + OFF_COUNT) * RECIPIENT_LEN, p = head;
	int rc, first = 1, final = 0;

	if (!ss || !key || !m) {
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		goto out;
	}
	if ((rc = cw_store_open_sealed(
		     st, data + HEAD_FIXED + mine * RECIPIENT_LEN + CW_IDENTITY_ID_BYTES,
		     SEALED_KEY_LEN, key, FILE_KEY_LEN, err)) != 0)
		goto out;
	if (end - p < STREAM_HEAD ||
	    crypto_secretstream_xchacha20poly1305_init_pull(ss, data + p, key) != 0) {
		rc = damaged(err, "its encrypted content has no valid start");
		goto out;
	}
	for (p += STREAM_HEAD; p < end; first = 0) {
		unsigned long long mlen;
		size_t l;

		if (final) {
			rc = damaged(err, "it goes on after its last part");
			goto out;
		}
		if (end - p < 4 || (l = get_be32(data + p)) < CHUNK_TAG || l > CHUNK + CHUNK_TAG ||
		    l > end - p - 4) {
			rc = damaged(err, "its parts do not add up to its size");
			goto out;
		}
		p += 4;
		if (crypto_secretstream_xchacha20poly1305_pull(ss, m, &mlen, &tag, data + p, l,
							       first ? data : NULL,
							       first ? head : 0) != 0) {
			rc = damaged(err, "a part of its content does not decrypt: it was altered");
			goto out;
		}
		if (mlen && cw_buf_append(payload, m, (size_t)mlen) != 0) {
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
			goto out;
		}
		p += l;
		final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
	}
	rc = final ? 0 : damaged(err, "is truncated: its last part is missing");
out:
	if (m)
		sodium_memzero(m, CHUNK);
	free(m);
	sodium_free(key);
	sodium_free(ss);
	return rc;
}

int cw_envelope_open(struct cw_store *st, const uint8_t *data, size_t len, int for_import,
		     struct cw_bundle_envelope *env, struct cw_buf *payload, struct cw_error *err)
{
	size_t nrec, head, mine = 0;
	int rc;

	memset(env, 0, sizeof *env);
	payload->len = 0;
	if (len == 0)
		return cw_error_set(err, CW_EINVAL, "bundle", "is empty");
	if (data[0] == '{' && len > 30 &&
	    memmem(data, len < 200 ? len : 200, "casewatch-bundle", 16))
		return cw_error_set(err, CW_EREFUSED, "bundle",
				    "is an unsigned bundle of an older casewatch (format 1): "
				    "anyone could have written it, so it is refused; ask for it "
				    "again from a casewatch that signs bundles");
	if (len < MAGIC_LEN || memcmp(data, MAGIC, MAGIC_LEN) != 0)
		return cw_error_set(err, CW_EINVAL, "bundle", "not a casewatch bundle");
	if (len > MAGIC_LEN && data[MAGIC_LEN] != ENVELOPE_VERSION)
		return cw_error_set(err, CW_EVERSION, "bundle",
				    "format version %d is not one this casewatch reads (%d); "
				    "upgrade casewatch",
				    data[MAGIC_LEN], ENVELOPE_VERSION);
	if (len < MIN_FILE) {
		char what[96];

		snprintf(what, sizeof what, "is truncated (%zu bytes; a bundle has at least %d)",
			 len, MIN_FILE);
		return damaged(err, what);
	}
	/* Before anything in it is believed: the signature over every byte before it, by the
	 * key the file names. Whether that key is one to trust comes next. */
	cw_identity_from_bytes(data + OFF_SIGNER, &env->signer);
	if (cw_identity_verify(&env->signer, data, len - SIG_LEN, data + len - SIG_LEN) != 0)
		return damaged(err, parts_add_up(data, len)
					    ? "its signature does not match its content: it was "
					      "altered after it was signed"
					    : "is truncated or damaged: its parts do not add up to "
					      "its size");
	/* From here on the bytes are what the signer wrote. */
	env->version = data[MAGIC_LEN];
	env->encrypted = data[9] & FLAG_ENCRYPTED;
	nrec = get_be16(data + OFF_COUNT);
	head = HEAD_FIXED + nrec * RECIPIENT_LEN;
	if (data[9] & ~FLAG_ENCRYPTED)
		return cw_error_set(err, CW_EVERSION, "bundle",
				    "uses a feature this casewatch does not know (flags %#x); "
				    "upgrade casewatch",
				    data[9]);
	if (env->encrypted != (nrec > 0) || head > len - SIG_LEN)
		return damaged(err, "its header is inconsistent");
	if ((rc = name_parties(st, data, nrec, env, err)) != 0)
		return rc;
	if (for_import && !env->signer_here && !env->signer_name[0]) {
		char fp[CW_FINGERPRINT_TEXT_MAX], key[CW_IDENTITY_TEXT_MAX];

		cw_identity_fingerprint(&env->signer, fp);
		cw_identity_text(&env->signer, key);
		return cw_error_set(err, CW_EREFUSED, "bundle",
				    "signed by a laptop not enrolled here (fingerprint %s); if "
				    "its owner reads you the same fingerprint by phone, enrol it: "
				    "casewatch peer add NAME %s",
				    fp, key);
	}
	if (env->encrypted) {
		while (mine < nrec && !env->recipients[mine].here)
			mine++;
		if (mine == nrec) {
			if (!for_import)
				return 0; /* inspect shows the envelope alone */
			return cw_error_set(err, CW_EREFUSED, "bundle",
					    "is for other recipients (%zu), not this database: "
					    "ask its sender for one exported with --to and this "
					    "laptop's name",
					    nrec);
		}
		rc = decrypt(st, data, len, mine, payload, err);
	} else if (len - SIG_LEN - head < 8 || get_be64(data + head) != len - SIG_LEN - head - 8) {
		rc = damaged(err, "its parts do not add up to its size");
	} else if (len - SIG_LEN - head - 8 > 0 &&
		   cw_buf_append(payload, data + head + 8, len - SIG_LEN - head - 8) != 0) {
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	if (rc == 0 && cw_buf_append(payload, "", 1) != 0)
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if (rc != 0)
		return rc;
	payload->len--; /* the NUL stays after the text, uncounted */
	env->opened = 1;
	return 0;
}
