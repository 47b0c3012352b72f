/* sync.h - moving records between databases that are never online together: bundles (files
 * carried on a USB stick or sent by a messaging app), the merge rule, conflicts and the audit
 * log that travels with them.
 *
 * Versions. Every record carries a version vector (cw_record.versions): for each database
 * that changed it, the time of the latest change this version includes. A version whose
 * vector includes every entry of another's came after it (an edit made on top of it);
 * otherwise the two were made concurrently, on two laptops. A deletion is a version too: a
 * tombstone holding the record's last content, stamped as a change.
 *
 * Merge rule. For each record a database keeps the versions no other version it holds came
 * after (the "heads"). The record shown is the greatest head in a total order: the later
 * `updated`, then the greater `edited_in` database id, then the greater encoding (bytes). The
 * other heads are the record's conflicts: kept, listed by `casewatch conflicts`, and carried
 * in bundles. The heads are a function of the set of versions received, so any set of bundles
 * in any order leaves the same content, and a bundle imported twice changes nothing.
 * Resolving a conflict makes a new version, after every head, with the content chosen.
 *
 * Deleted records that others still name. A person (or case) deleted on one laptop while
 * another laptop logged a record naming it is kept: when its greatest head is a tombstone and
 * a live record names it, the records table shows the tombstone's content (the person's last
 * details) and the deletion stays listed; when nothing names it any more it goes. The rule
 * depends only on the final versions, so it keeps order-independence, and it never drops a
 * monitor's hearing or milestone because a name was deleted elsewhere.
 *
 * Bundle format (version 1): UTF-8 JSON Lines.
 *   line 1   {"format":"casewatch-bundle","version":1,"bundle":ID,"database":ID,
 *             "author":TEXT,"created":TIME,"scope":"all"|"to NAME"|"since DATE"}
 *   then     {"type":"version","deleted":BOOL,"record":{... as `show --json`, with header}}
 *            one per head of every record changed in the scope, plus the heads of every
 *            record those name (so each bundle imports on its own)
 *   then     {"type":"audit","time":TIME,"action":WORD,"kind":WORD,"record":ID,
 *             "database":ID,"author":TEXT}
 *   last     {"type":"end","lines":N,"checksum":HEX}  N lines before it; checksum is
 *            BLAKE2b-256 (libsodium crypto_generichash) over every byte before this line.
 * A file that is not a bundle, of another version, truncated (no end line, wrong count),
 * corrupted (checksum) or holding an invalid line is refused whole; nothing is written. */
#ifndef CW_SYNC_H
#define CW_SYNC_H

#include <stdint.h>
#include <stdio.h>

#include "models/date.h"
#include "models/error.h"
#include "models/record.h"
#include "models/version.h"
#include "store/store.h"

#define CW_BUNDLE_VERSION 1

/* ---- bundles ------------------------------------------------------------------------------- */

enum cw_bundle_scope {
	CW_BUNDLE_ALL,   /* every record, deletion, conflict and audit entry */
	CW_BUNDLE_PEER,  /* what changed since the last bundle exported to `peer` */
	CW_BUNDLE_SINCE, /* what changed on or after `since` (a day, month or year) */
};

struct cw_bundle_options {
	enum cw_bundle_scope scope;
	const char *peer;
	struct cw_date since;
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
	size_t audit_added;
};

/* Writes a bundle to `path` ("-" for standard output); the file appears whole or not at all.
 * With CW_BUNDLE_PEER the peer's mark moves on only once the file is written. */
int cw_bundle_export(struct cw_store *st, const struct cw_bundle_options *opt, const char *path,
		     struct cw_bundle_stats *stats, struct cw_error *err);

/* Merges a bundle in one write transaction, or refuses it whole. */
int cw_bundle_import(struct cw_store *st, const char *path, struct cw_bundle_stats *stats,
		     struct cw_error *err);

/* A bundle read and checked without a database, for `bundle inspect`. */
struct cw_bundle_item {
	struct cw_record rec;
	int deleted;
};
struct cw_bundle {
	struct cw_bundle_stats stats;
	struct cw_bundle_item *items;
	size_t n;
	struct cw_audit_entry *audit;
	size_t naudit;
};
int cw_bundle_read(const char *path, struct cw_bundle *b, struct cw_error *err);
void cw_bundle_free(struct cw_bundle *b);

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

/* Resolves the conflicts of a record by choosing versions[choice] (as cw_sync_conflicts
 * lists them): a new version with that content, after every head, made here; audited. A
 * deletion can be chosen only while no live record names the record. */
int cw_sync_resolve(struct cw_store *st, const struct cw_id *id, size_t choice,
		    struct cw_error *err);

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
 * left out. Two databases hold the same content exactly when these are equal. */
int cw_sync_content(struct cw_store *st, FILE *out, struct cw_error *err);

#endif
