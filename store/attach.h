/* attach.h - files kept with a record (photos of summonses, charge sheets, verdicts, prison
 * registers; recorded statements), in the database itself.
 *
 * Where: in the LMDB environment, beside the records, not in a folder of files. One user action
 * (attach, detach, a bundle's import) is then one write transaction that holds the file's
 * content and what says it is there: a crash or a full disk leaves all of it or none, never a
 * record pointing at a missing file nor a file of no record, and the crash tests, `verify`,
 * `backup`, `compact` and `encrypt` cover attachments without a second set of rules. The cost is
 * a larger data.mdb (the photos' own size plus LMDB's page rounding, about 0.4%) and, after a
 * detach, free pages that `compact` gives back.
 *
 * Tables (store_internal.h):
 *   attachments    attachment id(16)             -> its description (JSON; sealed when the
 *                                                   database is encrypted), see struct below
 *   attach_index   record id(16) attachment id(16) (empty value): a record's attachments
 *   blobs          content tag(32) part(4)        -> up to CW_ATTACH_PART bytes of the content
 *                                                   (sealed, bound to table and key)
 * Content is addressed by its SHA-256: the same photo attached twice is kept once. In an
 * encrypted database the key of its parts is a keyed BLAKE2b tag of that hash (the vault's tag
 * sub-key, purpose 'b'), so the file reveals neither content nor hash; in a plain database
 * (the demo) it is the hash itself, and the content is in the clear as the records are.
 * Parts are sealed one by one (1 MiB each), so reading, bundling and verifying hold one part at
 * a time, and a damaged part is named.
 *
 * Versions. An attachment is added once and detached once, and its caption may be changed
 * while it is attached (`caption`: caption_at and caption_in say when and where). Its state
 * therefore merges by rules that converge whatever the order of bundles: detached wins over
 * attached, and of two detachments the earlier one (then the smaller database id) is kept; of
 * two captions the one changed last (then the larger database id) is kept, the caption it was
 * attached with counting as changed at no time. A detachment keeps only who attached it, to which
 * record, who detached it and when: its name, caption, type and hash go, and its content too
 * (wiped in place, the free pages cleared after the commit as for a deleted record) unless
 * another attachment holds the same content. Deleting a record detaches its attachments in
 * the same transaction. */
#ifndef CW_STORE_ATTACH_H
#define CW_STORE_ATTACH_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "models/record.h"
#include "store/store.h"

#define CW_ATTACH_PART (1u << 20)
/* The largest file attached unless the config file says otherwise (attachment_limit). */
#define CW_ATTACH_LIMIT_DEFAULT (UINT64_C(64) << 20)
/* The most the setting may be: a bigger file is a video, and the whole file is read twice. */
#define CW_ATTACH_LIMIT_MAX (UINT64_C(2) << 30)

struct cw_attachment {
	struct cw_id id;
	struct cw_id record;
	char author[128];      /* who attached it */
	int64_t added;         /* when, microseconds since the epoch */
	struct cw_id added_in; /* in which database */
	/* Live attachments only (empty once detached): */
	uint8_t sha256[32];
	uint64_t size;
	char type[64];  /* a MIME type, from the content (and the name when the content says
			 * nothing) */
	char name[256]; /* the file's name when attached, without its folder */
	char *caption;  /* may be NULL */
	/* When and in which database the caption was last changed; 0 and zero when it is the
	 * one the file was attached with. */
	int64_t caption_at;
	struct cw_id caption_in;
	/* A detachment: */
	int detached;
	char detached_by[128];
	int64_t detached_at;
	struct cw_id detached_in;
	/* Local: whether the content is held here (a bundle written --no-attachments carries
	 * the description without it), and when this database last stored a change of it (what
	 * bundles scoped by time go by). */
	int missing;
	int64_t stored;
};

/* The longest caption, in bytes: what `attach --caption` takes, and a bundle too. */
#define CW_ATTACH_CAPTION_MAX 2000

void cw_attachment_free(struct cw_attachment *a);

/* Checks a description as typed input is checked, wherever it comes from (a file attached
 * here, a peer's bundle): author, detached_by, type, name and caption valid UTF-8 without
 * control characters (C0, DEL, C1, bidi overrides: cw_text_validate); a name that is a file's
 * name alone (not empty, ".", "..", and without '/'); a type of the form type/subtype; a
 * caption of at most CW_ATTACH_CAPTION_MAX bytes. CW_EINVAL naming the field. Descriptions
 * read back from the database are not checked again: one stored by an earlier casewatch
 * still lists (neutralised), opens and detaches. */
int cw_attach_check(const struct cw_attachment *a, struct cw_error *err);
void cw_attachments_free(struct cw_attachment *v, size_t n);

/* Attaches n files to the record `record` (any kind, not deleted), each with the same caption
 * (may be NULL), in one write transaction: all of them or none. Each file must be a regular
 * file of at most `limit` bytes (0: CW_ATTACH_LIMIT_DEFAULT); one that is not, is larger or
 * cannot be read is refused before anything is written (CW_EREFUSED or CW_EIO, err->field the
 * file's path). A file that changes while it is read is refused too (CW_EIO). out (may be NULL)
 * gets the n new attachments (cw_attachments_free). */
int cw_store_attach(struct cw_store *st, const struct cw_id *record, const char *const *paths,
		    size_t n, const char *caption, uint64_t limit, struct cw_attachment **out,
		    struct cw_error *err);

/* The attachments of a record, in the order they were attached; detached ones only when
 * with_detached. */
int cw_store_attachments(struct cw_store *st, const struct cw_id *record, int with_detached,
			 struct cw_attachment **out, size_t *n, struct cw_error *err);

/* How many files are attached to a record now (not counting detached ones): a deletion
 * detaches them, and undo does not bring them back, so the front ends say so first. */
int cw_store_attachment_count(struct cw_store *st, const struct cw_id *record, size_t *n,
			      struct cw_error *err);

/* Finds an attachment by its id or an id prefix of at least 6 hex digits. CW_ENOTFOUND,
 * CW_EAMBIGUOUS (err names "attachment"). */
int cw_store_attachment_find(struct cw_store *st, const char *hex, struct cw_id *out,
			     struct cw_error *err);
/* One attachment's description. */
int cw_store_attachment_get(struct cw_store *st, const struct cw_id *id, struct cw_attachment *out,
			    struct cw_error *err);

/* Gives fn the content of a live attachment, a part at a time, in one read transaction, and
 * checks it against its hash as it goes: CW_EDAMAGED (naming the attachment) when a part fails
 * its authentication or the whole its hash, after fn has had the parts before; CW_ENOTFOUND
 * when the content is not held here (a bundle without attachments brought its description) or
 * it was detached. */
typedef int (*cw_attach_sink)(void *ctx, const void *data, size_t len, struct cw_error *err);
int cw_store_attachment_read(struct cw_store *st, const struct cw_id *id, cw_attach_sink fn,
			     void *ctx, struct cw_error *err);

/* Detaches an attachment (one write transaction): see the header's top. CW_EREFUSED when it
 * was detached already. out (may be NULL) gets it as it was before. */
int cw_store_detach(struct cw_store *st, const struct cw_id *id, struct cw_attachment *out,
		    struct cw_error *err);

/* Gives a live attachment another caption (NULL, or a text that shows nothing: none), in one
 * write transaction with its
 * audit entry ("caption", naming the record). CW_EREFUSED when it is detached or already has
 * that caption (nothing is written), CW_EINVAL naming "caption" for a text cw_attach_check
 * refuses. out (may be NULL) gets it as it is after. */
int cw_store_attachment_caption(struct cw_store *st, const struct cw_id *id, const char *caption,
				struct cw_attachment *out, struct cw_error *err);

/* The MIME type of a file from its first bytes (up to 512) and its name (may be NULL). */
const char *cw_attach_detect_type(const uint8_t *head, size_t len, const char *name);

#endif
