/* sync.h - moving records between databases that are never online together: bundles (files
 * carried on a USB stick or sent by a messaging app), the merge rule, conflicts and the audit
 * log that travels with them.
 *
 * Versions. Every record carries a version vector (cw_record.versions): for each database
 * that changed it, the time of the latest change this version includes. A version whose
 * vector includes every entry of another's came after it (an edit made on top of it);
 * otherwise the two were made concurrently, on two laptops. A deletion is a version too: a
 * tombstone, stamped as a change, that holds only the record's id and kind, who deleted it,
 * in which database and when, and its vector (cw_version_make_tombstone); the content goes
 * from every table and, wiped and scrubbed, from the file.
 *
 * Merge rule. For each record a database keeps the versions no other version it holds
 * supersedes (the "heads"): a version supersedes another by ancestry only, never by its time
 * (models/version.h). The record shown is the greatest head in a total order (the later
 * `updated`, then the greater `edited_in` database id, then the greater encoding) among those
 * not dated more than a day after this machine's clock. The other heads are the record's
 * conflicts: kept, listed by `casewatch conflicts`, and carried in bundles. The heads are a
 * function of the set of versions received, so any set of bundles in any order leaves the same
 * content, and a bundle imported twice changes nothing.
 *
 * Clocks. A version dated more than a day after the importing machine's clock (its `updated`
 * or any entry of its vector: a laptop set to the wrong year, or a forgery) supersedes nothing
 * and is never shown over another head, so it cannot make a real later correction vanish.
 * Which versions are kept thus depends on the importer's clock only through that test, which
 * every laptop with a roughly right clock answers the same way until the date comes; what may
 * differ meanwhile is only which head a machine with a wrong clock shows. Resolving a conflict
 * makes a new version that supersedes every head: it takes the vectors of those not dated in
 * the future and sets the others aside (by edited_in and updated), so it is not dated in the
 * future itself and the forged version stays superseded wherever it arrives again.
 *
 * Deleted records that others still name. A person (or case) deleted on one laptop while
 * another laptop logged a record naming it is deleted there too when the deletion wins: there
 * is no content left to show, and keeping it would mean carrying deleted people's details
 * around. The record naming it stays, keeps the id, and shows "(deleted person)"; it can still
 * be edited, and a hearing of a deleted case keeps only the index keys of its own fields. The
 * rule depends only on the winning version, so every laptop converges. Deleting locally, and
 * choosing a deletion when resolving a conflict, are still refused while records name it.
 *
 * Bundle file (format version 3, written since issue 15; version 2 is still read): a binary
 * envelope around a compressed JSON Lines payload, made and read as a stream. Integers are
 * big-endian.
 *   offset  size
 *        0     8  magic "CWBUNDLE"
 *        8     1  format version, 3 (2 is read as below; 1 was the bare JSON Lines, unsigned:
 *                 refused)
 *        9     1  flags: bit 0 set = the payload is encrypted; bit 1 set = it is compressed
 *                 with zstd (always, as casewatch writes it); the other bits are 0
 *       10    64  the signer's public identity: Ed25519 key, then X25519 key (identity.h)
 *       74     2  R, the number of recipients: 1..255 when encrypted, 0 when plain
 *       76 100*R  per recipient: its id (20 bytes, BLAKE2b-160 of its 64-byte identity), then
 *                 the 32-byte file key sealed to its X25519 key (crypto_box_seal, 80 bytes)
 *   H = 76 + 100*R: bytes 0..H-1 are the header.
 *   encrypted:    24  crypto_secretstream_xchacha20poly1305 header, then
 *   both:             chunks, each a 4-byte word and L bytes: bit 31 of the word is set on the
 *                     last chunk and on no other, bits 0..30 are L. Plain, the L bytes (at most
 *                     64 KiB) are the next piece of the payload; encrypted, they are at most 64
 *                     KiB of it and its 17-byte secretstream tag, the header is the associated
 *                     data of the first chunk, and the last chunk, and only it, carries
 *                     TAG_FINAL. An empty payload is one empty final chunk.
 *   last          64  Ed25519ph signature (crypto_sign_init/update/final_create) over every
 *                     byte before it, computed as the file is written
 * The payload the chunks carry, put together and decrypted, is one zstd frame (level 3, no
 * checksum: the signature covers it) of the JSON Lines below; a frame asking for a window over
 * 8 MiB is refused, and so is a line over 16 MiB (its number named): a few bytes that would
 * decompress without end cannot exhaust memory. The file key is random for each bundle.
 *
 * Reading, in two passes over the file, holding a chunk at a time. The first reads the whole
 * file in pieces: its layout (each chunk's length within the file and the bounds above, a last
 * chunk marked, nothing after it) and the signature over every byte (a truncated file, a chunk
 * altered, reordered or removed, the last one included, all fail here), then who signed it and
 * whom it is for; nothing in it is believed before the signature verifies, nothing is written.
 * The second pass, which import runs inside its one write transaction (cw_store_write, as any
 * change; retried from the file's start if the map must grow), reads the file again from its
 * start: decrypts, checks each chunk's tag and the last chunk's mark, decompresses, cuts lines
 * and merges each as it comes, hashing every byte again; unless that hash verifies against the
 * same signature at the end (the file was changed between the passes), or anything else fails,
 * the transaction is aborted and nothing is committed. So a bundle is still refused whole, and
 * what is held besides LMDB's own pages of the transaction is a chunk, zstd's window and a line.
 * A file that cannot be read twice (standard input from a pipe) is refused: give the file.
 *
 * Version 2 differed in this: the flags had no compression bit; plain, the payload followed
 * the header as an 8-byte length N and N bytes; encrypted, the chunk words were the length
 * alone (the last chunk marked by TAG_FINAL only); its payload lists the audit entries after
 * the versions. It is read by the same two passes, its payload twice in the second (its audit
 * entries first, then its versions, so that the log is appended in the same order).
 *
 * Payload: UTF-8 JSON Lines, in this order (a payload out of order is refused, naming the line).
 *   line 1   {"format":"casewatch-bundle","version":3,"bundle":ID,"database":ID,
 *             "author":TEXT,"created":TIME,"scope":"all"|"to NAME[, NAME]"|"since DATE",
 *             "confidential":"left out"|"included"}  (the last since issue 17: a plain
 *            bundle, and an encrypted one written without confidential material (for a
 *            partner, or --without-confidential), leaves out every record with confidential
 *            material and every record
 *            that names one it left out (links and "after" too, to a fixed point), with
 *            their audit entries and the entries no signature in it vouches for then;
 *            nothing in it counts or names them: store/bundle.c, plain_withheld)
 *            (the version is the envelope's: 2 in a version-2 file)
 *            and, in an encrypted bundle with no partner among its readers, when the
 *            signer removed peers' keys: "removed_keys":[{"key":"cwid1:...","removed":TIME}]
 *            (the latest removed first, at most CW_BUNDLE_REMOVALS_MAX), so that a teammate
 *            who still trusts a taken laptop's key hears of it; readers before it ignore it
 *            and, in a bundle --to peers or --all that leaves nothing out,
 *            "sent":{"after":N,"upto":M}: it holds every entry of the signer's log numbered
 *            after N up to M (the log as the signer numbers it), so that the reader can tell
 *            when a bundle written to it before was never imported (cw_bundle_stats
 *            .missing_before); readers before it ignore it
 *   then     {"type":"audit","time":TIME,"action":WORD,"kind":WORD,"record":ID,
 *             "database":ID,"author":TEXT[,"prev":HASH[,"sig":SIG]]}
 *            every audit entry in the scope, oldest first (version 2: after the versions)
 *   then     {"type":"version","deleted":BOOL,"record":{... as `show --json`, with header}}
 *            one per head of every record changed in the scope, plus the heads of every
 *            record those name (so each bundle imports on its own), people first, then cases,
 *            then the other records, so that an import merging them as they come has what
 *            each names; a deletion's record is only id, kind, updated, editor, edited_in,
 *            versions (and set_aside); content in a deletion from an older casewatch is
 *            dropped as it is read
 *   then     {"type":"attachment","attachment":{...}} for every attachment stored or changed
 *            in the scope (store/attach.h: id, record, author, added (microseconds), added_in,
 *            and sha256, size, type, name, caption while attached, or detached_by,
 *            detached_at, detached_in), each followed, unless the bundle was written
 *            --no-attachments or the content was sent earlier in it, by its content:
 *            {"type":"blob","sha256":HEX,"part":I,"parts":N,"data":BASE64}, parts 0..N-1 in
 *            order, 1 MiB each but the last, checked against the hash as they arrive (a
 *            content that does not match refuses the bundle). A bundle without attachments
 *            has none of these lines, so an older casewatch still reads it; one with them is
 *            refused there naming the line. The records they are attached to go in the
 *            bundle too.
 *   last     {"type":"end","lines":N}  N lines before it; nothing follows it.
 * Version 1 ended with an unkeyed BLAKE2b checksum: anyone could recompute it, so it proved
 * nothing the signature does not; versions 2 and 3 keep only the line count as a check of the
 * writer. A payload of another version, out of order or holding an invalid line is refused
 * whole; nothing is written. */
#ifndef CW_SYNC_H
#define CW_SYNC_H

#include <stdint.h>
#include <stdio.h>

#include "models/date.h"
#include "models/error.h"
#include "models/record.h"
#include "models/version.h"
#include "store/identity.h"
#include "store/store.h"
#include "store/trust.h"

#define CW_BUNDLE_VERSION 3

/* ---- bundles ------------------------------------------------------------------------------- */

enum cw_bundle_scope {
	CW_BUNDLE_ALL,   /* every record, deletion, conflict and audit entry */
	CW_BUNDLE_PEER,  /* what changed since the last bundle exported to `peer` */
	CW_BUNDLE_SINCE, /* what changed on or after `since` (a day, month or year) */
};

struct cw_bundle_options {
	enum cw_bundle_scope scope;
	/* Enrolled peers the bundle is for, "NAME" or "NAME,NAME,...": it is encrypted for them.
	 * With CW_BUNDLE_PEER they are also the scope (what any of them has not had yet), and
	 * their marks move on once the file is written (also with CW_BUNDLE_ALL). */
	const char *peer;
	struct cw_date since;
	/* Signed but not encrypted (peer, when given, is then the scope only). Without it, peer
	 * is required. A plain bundle never carries confidential material (see the payload). */
	int plain;
	/* Attachments' descriptions only, not their content: the receiving side lists them as
	 * missing (store/attach.h). */
	int no_attachments;
	/* Encrypted, but without confidential material: what a plain bundle leaves out, this
	 * leaves out (the same selection). A bundle for a peer enrolled as a partner
	 * (CW_PEER_PARTNER) is always written so. */
	int without_confidential;
	/* Asked for confidential material: refused (CW_EREFUSED) when a peer it is for is a
	 * partner. */
	int include_confidential;
	/* The file appears only where nothing has the name (CW_EREFUSED otherwise, even for a
	 * file made while the bundle was written): a bundle replaced before it was imported is
	 * lost, and the marks say its records were sent. 0 replaces what is there. */
	int keep_existing;
};

#define CW_BUNDLE_OWN_HEARINGS_MAX 64
#define CW_BUNDLE_REMOVALS_MAX     32

/* A key the signer of a bundle removed from its peers (its header's "removed_keys"), as the
 * importer sees it. */
struct cw_bundle_removal {
	struct cw_identity_public key;
	int64_t removed;                 /* when the signer removed it (its clock) */
	char name[CW_PEER_NAME_MAX + 1]; /* the peer enrolled here with that key */
};

struct cw_bundle_stats {
	struct cw_id bundle;   /* the bundle's own id */
	struct cw_id database; /* the database that wrote it */
	char author[128];
	char scope[160];
	int64_t created;
	size_t versions;  /* version lines */
	size_t deleted;   /* of which deletions */
	size_t audit;     /* audit lines */
	size_t changed;   /* import: records whose versions changed */
	size_t conflicts; /* import: records left with conflicts among those */
	size_t repointed; /* import: records of this laptop that named a person merged away */
	/* import: of those, the ones left naming the one kept twice with entries that differ
	 * (store.h, "merging people") */
	struct cw_doubled doubled;
	size_t audit_added;
	size_t attachments;           /* attachment lines (descriptions) */
	size_t attachment_contents;   /* contents carried (each once, however many attach it) */
	uint64_t attachment_bytes;    /* their bytes */
	size_t attachments_added;     /* import: descriptions new here */
	size_t attachments_detached;  /* import: attachments detached here (new ones too) */
	size_t attachments_captioned; /* import: captions changed here */
	char signer[CW_PEER_NAME_MAX + 1]; /* import: the enrolled peer that signed it, "" here */
	/* import: the hearings it brought or changed that are the team's own accounts (the
	 * first CW_BUNDLE_OWN_HEARINGS_MAX): the same hearing logged by two monitors apart is
	 * two records until someone links them, and the importer is told (app/advice.h). */
	struct cw_id own_hearings[CW_BUNDLE_OWN_HEARINGS_MAX];
	size_t nown_hearings;
	/* export --plain, or without confidential material: records left out as confidential,
	 * or as naming one left out */
	size_t withheld;
	/* export: the first peer it is for that is a partner (why confidential material was left
	 * out), "" when none is; and whether a peer of the team it is for had its mark kept (it
	 * was sent less than it may read: its next bundle sends again what changed since). */
	char partner[CW_PEER_NAME_MAX + 1];
	int team_mark_kept;
	/* What the header says of confidential records: "left out" (plain, or encrypted without
	 * them), "included" (encrypted), "" (a bundle from before they existed); export sets it
	 * too. */
	char confidential[16];
	/* import: audit entries and versions of a removed key's database taken
	 * (CW_IMPORT_ACCEPT_REMOVED) */
	size_t removed_entries, removed_versions, removed_attachments;
	struct cw_id removed_database;
	/* import: keys the signer removed from its peers that are enrolled here (and not
	 * removed here): said to the importer, never applied (a bundle must not decide whom
	 * this laptop trusts); none from a peer enrolled here as a partner. export: how many it
	 * names. */
	struct cw_bundle_removal removals[CW_BUNDLE_REMOVALS_MAX];
	size_t nremovals;
	/* export: of those, removed since the last bundle to the peers it is for (the ones they
	 * hear of first in it; every one when it is not for peers) */
	size_t nremovals_new;
	/* What its header says of the signer's own log (its "sent"): the entries (after, upto]
	 * as the signer numbers them; has_sent 0 when it says nothing (a bundle --since, one
	 * that left something out, or from an earlier casewatch). */
	int has_sent;
	uint64_t sent_after, sent_upto;
	/* import: a bundle the signer wrote to this database before this one was not imported
	 * here (cw_sync_received_add), so what it held is missing until it is. */
	int missing_before;
	/* import: not so, but a bundle the signer wrote after this one and before one imported
	 * here already is still missing (a stick found late while another is lost). */
	int missing_after;
	/* import: signed by a removed key, taken with CW_IMPORT_ACCEPT_REMOVED (signer is ""):
	 * that key's fingerprint */
	int signer_removed;
	char signer_fingerprint[32];
};

/* How many databases' bundles reached this one with one missing between them (lost on the
 * way, or not imported yet: cw_bundle_stats.missing_before), not counting those whose key was
 * removed here, whose gap nothing can close any more: what the missing ones held is in no
 * report until it is imported, or a bundle of everything comes. */
int cw_sync_bundles_missing(struct cw_store *st, size_t *n, struct cw_error *err);

/* Writes a bundle to `path` ("-" for standard output), signed by this database and encrypted
 * for opt->peer's names (or plain with opt->plain); the file appears whole or not at all, mode
 * 0600. CW_ENOTFOUND when a name is not an enrolled peer; CW_EINVAL when neither peers nor
 * plain are given; CW_EREFUSED when opt->keep_existing and something has the name. With
 * CW_BUNDLE_PEER the peers' marks move on only once the file is written. */
int cw_bundle_export(struct cw_store *st, const struct cw_bundle_options *opt, const char *path,
		     struct cw_bundle_stats *stats, struct cw_error *err);

/* Checks a bundle's signature, its signer (this database or an enrolled peer: else
 * CW_EREFUSED naming its fingerprint and the `peer add` command), that it is for this database
 * (else CW_EREFUSED), opens it (CW_EDAMAGED: altered, truncated) and merges it in one write
 * transaction, or refuses it whole: nothing is written. The file is read twice, a chunk at a
 * time (see the reading above): path must be a file ("-": standard input, when it is one). */
int cw_bundle_import(struct cw_store *st, const char *path, struct cw_bundle_stats *stats,
		     struct cw_error *err);
/* The same, with flags. A bundle signed by a removed peer's key (cw_peer_remove) is refused
 * (CW_EREFUSED, saying when it was removed, never inviting to enrol it); so is one that carries
 * audit entries of the database that key spoke for that are not here yet (relayed by a
 * teammate), versions of records or changes of attachments made there, unless flags has
 * CW_IMPORT_ACCEPT_REMOVED: then they are imported and counted in stats->removed_entries,
 * removed_versions and removed_attachments (the first one's database in
 * stats->removed_database), to review. With it, a bundle the removed key signed itself (the
 * monitor's backup, restored and handed over in person with what was never sent) is taken the
 * same way (stats->signer_removed), when it speaks for the database that key spoke for here;
 * one that claims another database is refused all the same. */
#define CW_IMPORT_ACCEPT_REMOVED 1
int cw_bundle_import_with(struct cw_store *st, const char *path, int flags,
			  struct cw_bundle_stats *stats, struct cw_error *err);

/* What a bundle's envelope says, checked (its signature verified) but not trusted. */
struct cw_bundle_recipient {
	uint8_t id[CW_IDENTITY_ID_BYTES];
	char name[CW_PEER_NAME_MAX + 1]; /* the enrolled peer's name, "" when unknown */
	int here;                        /* this database */
};
struct cw_bundle_envelope {
	int version;
	int encrypted;
	struct cw_identity_public signer;
	char signer_name[CW_PEER_NAME_MAX +
			 1]; /* the enrolled peer's name, "" when unknown (or here) */
	int signer_here;     /* signed by this database */
	/* signed by a key removed from the peers here (cw_peer_remove), and when: refused by an
	 * import unless it was asked to take it (CW_IMPORT_ACCEPT_REMOVED: a monitor's backup,
	 * handed over in person), never offered for enrolment */
	int signer_removed;
	int64_t signer_removed_at;
	struct cw_bundle_recipient *recipients;
	size_t nrecipients;
	int for_here; /* this database is a recipient */
	int opened;   /* the payload was read: the rest of struct cw_bundle is filled */
};

/* A bundle read and checked, for `bundle inspect`. */
struct cw_bundle_item {
	struct cw_record rec;
	int deleted;
};
struct cw_bundle {
	struct cw_bundle_envelope env;
	struct cw_bundle_stats stats;
	struct cw_bundle_item *items;
	size_t n;
	struct cw_audit_entry *audit;
	size_t naudit;
	/* All the payload holds; items and audit keep the first ones (cw_bundle_read_first). */
	size_t versions_total, audit_total;
};
/* Checks the envelope (refused as by import when altered, truncated or not a bundle) and, when
 * the bundle is plain or for this database, reads the payload (env.opened), every version and
 * audit entry of it into memory: for showing, not for bundles of a whole large database. An unknown
 * signer or other recipients are not refused here: b->env says so. */
int cw_bundle_read(struct cw_store *st, const char *path, struct cw_bundle *b,
		   struct cw_error *err);
/* The same, keeping only the first `limit` versions and audit entries in memory (0: all) and
 * counting the rest (versions_total, audit_total): memory stays bounded whatever the bundle's
 * size, and the whole file is still checked and read. */
int cw_bundle_read_first(struct cw_store *st, const char *path, size_t limit, struct cw_bundle *b,
			 struct cw_error *err);
void cw_bundle_free(struct cw_bundle *b);
/* Whether the file at path begins as a bundle does (its magic), for a message that points a
 * reader to `bundle inspect`; 0 when it cannot be read. Nothing of it is checked. */
int cw_bundle_file_looks_like(const char *path);

/* ---- conflicts ----------------------------------------------------------------------------- */

/* A record with more than one head: versions[0] is the one shown, the others follow in the
 * merge order, greatest first. */
struct cw_conflict {
	struct cw_id id;
	uint8_t kind;
	struct cw_bundle_item *versions;
	size_t n;
};

int cw_sync_conflicts(struct cw_store *st, struct cw_conflict **out, size_t *n,
		      struct cw_error *err);
void cw_sync_conflicts_free(struct cw_conflict *c, size_t n);
/* The ids of the records cw_sync_conflicts lists, sorted, each once (*ids NULL when none),
 * read from the conflicts table's keys alone: nothing is decoded, so a report can say which of
 * its records wait to be resolved and a status line how many do, at the cost of a walk over a
 * few keys (conflicts wait for a person to resolve them). */
int cw_sync_conflicted_ids(struct cw_store *st, struct cw_id **ids, size_t *n,
			   struct cw_error *err);

/* Resolves the conflicts of a record by choosing versions[choice] (as cw_sync_conflicts
 * lists them): a new version with that content, after every head, made here; audited. A
 * deletion can be chosen only while no live record names the record. */
int cw_sync_resolve(struct cw_store *st, const struct cw_id *id, size_t choice,
		    struct cw_error *err);

/* A field to take from another version when resolving: its name as `edit` names it
 * (cw_record_take_field) and the version's index as cw_sync_conflicts lists them. */
struct cw_take {
	const char *field;
	size_t version; /* CW_TAKE_ALL: a field of several lines, every version's text joined */
};
#define CW_TAKE_ALL SIZE_MAX

/* The same, with some fields from other versions (each laptop changed another field: both
 * changes are kept); the version made is checked as a record typed in is, and refused whole
 * (nothing written) when it is not valid, naming the field. Nothing can be taken into or from
 * a deletion. */
int cw_sync_resolve_taking(struct cw_store *st, const struct cw_id *id, size_t choice,
			   const struct cw_take *takes, size_t ntakes, struct cw_error *err);

/* ---- peers and content --------------------------------------------------------------------- */

struct cw_peer {
	char name[128];
	uint64_t seq; /* the last audit entry sent */
	int64_t time; /* when */
};
int cw_sync_peers(struct cw_store *st, struct cw_peer **out, size_t *n, struct cw_error *err);

/* Writes the database's content as sync sees it, canonically: for every record in id order,
 * each head (greatest first) as one JSON line with sorted keys, whether it is deleted and
 * whether the records table shows it; the local note of which bundle brought a version is
 * left out; then every attachment's description in id order ({"attachment": ...}, as bundles
 * carry it: attached or detached, not whether its content is held here). Two databases hold
 * the same content exactly when these are equal. */
int cw_sync_content(struct cw_store *st, FILE *out, struct cw_error *err);

#endif
