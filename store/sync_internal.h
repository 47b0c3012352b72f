/* sync_internal.h - what sync's files share; not part of sync's contract (sync.h). Kept apart
 * from store_internal.h, which sync.h's own include of store.h would make a loop. */
#ifndef CW_SYNC_INTERNAL_H
#define CW_SYNC_INTERNAL_H

#include <jansson.h>

#include "store/store_internal.h"
#include "store/sync.h"

/* ---- heads and the merge rule (merge.c) ---------------------------------------------------- */

/* A list of versions: the heads of a record, or the version lines of a bundle. */
struct cw_item_list {
	struct cw_bundle_item *v;
	size_t n, cap;
};

/* Moves *rec into the list (rec is left empty); CW_ENOMEM when it cannot grow. */
int cw_item_list_push(struct cw_item_list *l, struct cw_record *rec, int deleted);
void cw_item_list_free(struct cw_item_list *l);

/* Every head of id, greatest first: the tombstone or the live record, then the conflicts.
 * *shown says whether the records table holds the record. */
int cw_sync_load_heads(struct cw_store *st, MDB_txn *txn, const struct cw_id *id,
		       struct cw_item_list *out, int *shown, struct cw_error *err);

/* Merges one version brought by a bundle; *changed says whether the heads of its record
 * changed, *conflicted whether it has more than one head now. */
int cw_sync_merge_version(struct cw_txn *t, struct cw_bundle_item *in, const struct cw_id *bundle,
			  const char *field, int *changed, int *conflicted, struct cw_error *err);

/* A version as bundles carry it (its header, an explicit version vector, not the local note
 * of the bundle that brought it; a deletion only as cw_version_make_tombstone leaves it), as
 * a "version" line; NULL when out of memory. */
json_t *cw_sync_version_json(const struct cw_record *rec, int deleted);

/* Reads a "version" line (the object cw_sync_version_json makes) into *rec and *deleted: a live
 * version is validated as any record, a deletion reduced to what a tombstone carries (an old
 * bundle's deletion may still hold the record's content). CW_EINVAL names the field at fault;
 * the caller adds the line. */
int cw_sync_version_parse(const json_t *obj, struct cw_record *rec, int *deleted,
			  struct cw_error *err);

/* ---- sets of record ids (merge.c) ---------------------------------------------------------- */

struct cw_idset {
	struct cw_id *v;
	size_t n, cap;
};

int cw_idset_add(struct cw_idset *s, const struct cw_id *id);
/* Sorts the set and drops repeated ids; cw_idset_has needs it sorted. */
void cw_idset_sort_unique(struct cw_idset *s);
int cw_idset_has(const struct cw_idset *s, const struct cw_id *id);
/* For a few ids added one by one, not worth sorting again after each. */
int cw_idset_has_linear(const struct cw_idset *s, const struct cw_id *id);
/* Adds every record key of a table (its first ID_LEN bytes). */
int cw_idset_add_table(struct cw_store *st, MDB_txn *txn, enum cw_db db, struct cw_idset *s,
		       struct cw_error *err);

/* ---- peers (peers.c) ----------------------------------------------------------------------- */

/* What bundles to a peer have carried: the last audit sequence and when (0 and 0 for a peer
 * never sent one). */
int cw_sync_peer_get(struct cw_store *st, MDB_txn *txn, const char *name, uint64_t *seq,
		     int64_t *time, struct cw_error *err);

/* Remembers, in a write of its own, that a bundle to `name` carried the log up to seq: made
 * only once the bundle is written, so a failed export sends the same changes next time. */
int cw_sync_peer_mark(struct cw_store *st, const char *name, uint64_t seq, struct cw_error *err);

/* Notes that a bundle `database` signed brought its log's entries (after, upto], as it numbers
 * them (its header's "sent"). *missing is 1 when what it brought does not continue everything
 * from that log's start that bundles brought here: a bundle that database wrote to this one
 * before was not imported here (lost on the way, or not yet imported). When nothing was noted
 * of that database yet and this one held some of its log already (heard_before: bundles came
 * from it before this was kept), the bundle is taken to continue what came before it.
 * *missing_later is 1 when it does continue them but a bundle that database wrote after it is
 * still missing here (one found late while a later one is lost). */
int cw_sync_received_add(struct cw_txn *t, const struct cw_id *database, uint64_t after,
			 uint64_t upto, int heard_before, int *missing, int *missing_later,
			 struct cw_error *err);

/* ---- the signed, encrypted envelope (envelope.c; used by bundle.c) -------------------------- */

/* Where a writer's bytes go (a file, a buffer): 0, or a CW_E* code with err filled. */
typedef int (*cw_envelope_put_fn)(void *ctx, const void *data, size_t len, struct cw_error *err);

/* Writes a bundle file (the layout is in sync.h) as the payload comes, holding one chunk: begin
 * writes the header, write takes payload bytes (JSON Lines) in any pieces, compresses and
 * chunks them, finish writes the last chunk and the signature. Signed by this database,
 * encrypted for the n recipients (n > 0; at most 255) or plain (n == 0). The stream state lives
 * in guarded memory and the file key is wiped once the stream has started. Free the writer
 * (wiping what it holds) also after a failure. */
#define CW_ENVELOPE_STORED 1 /* the payload as given, not compressed (for tests) */
struct cw_envelope_writer;
int cw_envelope_writer_begin(struct cw_store *st, const struct cw_identity_public *recipients,
			     size_t n, int flags, cw_envelope_put_fn fn, void *ctx,
			     struct cw_envelope_writer **w, struct cw_error *err);
int cw_envelope_writer_write(struct cw_envelope_writer *w, const void *data, size_t len,
			     struct cw_error *err);
int cw_envelope_writer_finish(struct cw_envelope_writer *w, struct cw_error *err);
void cw_envelope_writer_free(struct cw_envelope_writer *w);

/* Reads a bundle file in two passes, holding a chunk at a time whatever its size.
 *
 * cw_envelope_check, the first pass, reads f (a seekable file, from its start) in pieces: the
 * layout and the signature over every byte before it first (CW_EINVAL not a bundle, CW_EVERSION
 * another version, CW_EREFUSED an unsigned version-1 bundle, CW_EDAMAGED altered or truncated,
 * CW_EIO when f cannot be read twice), then who signed it, then whether it is for this
 * database, whose key then opens the file key. With `for_import`, an unknown signer and a
 * bundle for other recipients are refused (CW_EREFUSED), but with CW_ENVELOPE_ACCEPT_REMOVED a
 * signer whose key was removed here is taken (env->signer_removed); without it (inspect)
 * they are only
 * noted in *env, and for a bundle for others *r is NULL: its payload stays closed. The caller
 * frees env->recipients, also on failure.
 *
 * cw_envelope_read, the second pass, reads f again from its start and gives fn the payload,
 * decrypted and decompressed, in pieces of at most 64 KiB, as it goes; it hashes every byte
 * again and fails (CW_EDAMAGED) when they are not the bytes the first pass checked, so a caller
 * that applies what it is given in a transaction must abort it unless this returns 0. It can be
 * called again (a write retried). fn returns 0 or a CW_E* code that stops the reading. */
typedef int (*cw_envelope_data_fn)(void *ctx, const uint8_t *data, size_t len,
				   struct cw_error *err);
struct cw_envelope_reader;
#define CW_ENVELOPE_ACCEPT_REMOVED 2 /* for_import, a removed signer taken */
int cw_envelope_check(struct cw_store *st, FILE *f, int for_import, struct cw_bundle_envelope *env,
		      struct cw_envelope_reader **r, struct cw_error *err);
int cw_envelope_read(struct cw_envelope_reader *r, cw_envelope_data_fn fn, void *ctx,
		     struct cw_error *err);
void cw_envelope_reader_free(struct cw_envelope_reader *r);

/* The same for a whole bundle in memory (tests and fuzzing): seal appends the file around
 * `payload` to out; open checks data as the two passes do and opens its payload into *payload
 * (NUL-terminated, the NUL not counted; at most 16 MiB), setting env->opened. The caller frees
 * env->recipients and the payload (wiping it: it is the records in the clear) also on
 * failure. */
int cw_envelope_seal(struct cw_store *st, const struct cw_identity_public *recipients, size_t n,
		     int flags, const void *payload, size_t len, struct cw_buf *out,
		     struct cw_error *err);
int cw_envelope_open(struct cw_store *st, const uint8_t *data, size_t len, int for_import,
		     struct cw_bundle_envelope *env, struct cw_buf *payload, struct cw_error *err);

/* A test's hook (NULL otherwise): cw_bundle_import calls it with the file's path between its
 * two passes, so that a test can change the file there. */
extern void (*cw_bundle_between_passes)(const char *path);

#endif
