/* trust.h - the peers a database trusts: the other laptops (and the supervisor) whose public
 * identity someone enrolled here by name, after comparing its fingerprint by phone. A bundle is
 * imported only when an enrolled peer (or this database) signed it, and `bundle export --to
 * NAME` encrypts for enrolled peers only.
 *
 * Table `trust` (sealed when the database is encrypted): key = the name in a plain database, a
 * keyed tag of it (16 bytes) in an encrypted one, so no peer's name is readable in the file;
 * value = format(1) = 1, added(8, microseconds, big-endian), Ed25519 key(32), X25519 key(32),
 * the name (the rest): a peer of the team. A partner is written as format 2, with its role(1)
 * before the name; a team peer keeps format 1, so a database that enrols no partner reads in an
 * earlier casewatch as before (which takes a partner's entry for a damaged one, and so sends
 * it nothing rather than everything). No schema change: format 1 reads as a team peer. A
 * name is enrolled once and a key under one name only. */
#ifndef CW_STORE_TRUST_H
#define CW_STORE_TRUST_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "store/identity.h"
#include "store/store.h"

#define CW_PEER_NAME_MAX 64 /* bytes */

/* What a peer may read of the confidential records and fields (models/confidential.h). */
enum cw_peer_role {
	CW_PEER_TEAM = 0,    /* the team's own laptops: encrypted bundles carry them whole */
	CW_PEER_PARTNER = 1, /* another organisation: every bundle for it leaves them out, as a
			      * plain bundle does, whatever the command line says */
};

struct cw_peer_key {
	char name[CW_PEER_NAME_MAX + 1];
	struct cw_identity_public key;
	int64_t added; /* when it was enrolled (cw_now_us) */
	int role;      /* enum cw_peer_role */
};

/* Checks a peer's name: 1 to 64 bytes of UTF-8 without control characters, no comma (lists of
 * names are written with commas), not starting with '-' (it would read as an option). CW_EINVAL
 * naming `field`. */
int cw_peer_name_validate(const char *name, const char *field, struct cw_error *err);
/* What a new peer's name must be besides: every character visible and told apart from a
 * space (cw_text_find_invisible: no no-break or other Unicode spaces, no zero-width spaces or
 * joiners, no direction marks, not two spaces in a row), and only Latin or Khmer letters
 * besides ASCII (a Cyrillic "а" reads as a Latin "a"). Names enrolled before keep working
 * with cw_peer_name_validate, so they can still be named to be removed. */
int cw_peer_name_validate_new(const char *name, const char *field, struct cw_error *err);

/* Enrols key under name. CW_EINVAL (bad name: cw_peer_name_validate_new), CW_EREFUSED (the name,
 * or one that reads the same once folded as searches fold it: letter case, NFC or NFD, is
 * enrolled already, the key is enrolled under another name, or it is this database's own key),
 * with the message saying what is there. */
int cw_peer_add(struct cw_store *st, const char *name, const struct cw_identity_public *key,
		struct cw_error *err);
/* The same, with the database the key speaks for (what `casewatch identity` prints names it:
 * identity.h): bound to the key in the same transaction, so that no other peer can claim it
 * first. Refused (CW_EREFUSED, field "key") when it is this database, when another key's
 * bundles came from it, or when the key spoke for another database. NULL or zero: the key
 * alone, as cw_peer_add. */
int cw_peer_add_for(struct cw_store *st, const char *name, const struct cw_identity_public *key,
		    const struct cw_id *database, struct cw_error *err);
/* The same, enrolled in a role (enum cw_peer_role). */
int cw_peer_add_as(struct cw_store *st, const char *name, const struct cw_identity_public *key,
		   const struct cw_id *database, int role, struct cw_error *err);

/* Or'ed into cw_peer_add_as's role: enrol a key that was removed (cw_peer_remove), which is
 * refused without it (CW_EREFUSED, field "key", saying when it was removed). */
#define CW_PEER_READMIT 0x100

/* Changes an enrolled peer's role; *was (may be NULL) gets the one it had. A partner made a
 * peer of the team has its export mark forgotten, as by cw_peer_remove: the bundles it had
 * left out what it may now read, so its next bundle holds everything. CW_ENOTFOUND, CW_EINVAL
 * (not a role). */
int cw_peer_set_role(struct cw_store *st, const char *name, int role, int *was,
		     struct cw_error *err);

/* Removes an enrolled peer, and the note of how far bundles to it have gone (a laptop enrolled
 * again under that name gets everything in its next bundle). Its key is remembered as removed,
 * with the database it spoke for: bundles it signs are refused, and so are bundles that relay
 * changes of that database not here at its removal (unless imported with
 * CW_IMPORT_ACCEPT_REMOVED), and enrolling it again needs CW_PEER_READMIT. CW_ENOTFOUND. */
int cw_peer_remove(struct cw_store *st, const char *name, struct cw_error *err);

/* Every enrolled peer, by name; the caller frees *out. */
int cw_peer_list(struct cw_store *st, struct cw_peer_key **out, size_t *n, struct cw_error *err);

/* A key removed with cw_peer_remove and not enrolled again since. Its name is not kept (no
 * peer's name is readable in the file): the fingerprint and the time say which it was. */
struct cw_removed_key {
	struct cw_identity_public key;
	int64_t removed; /* when (cw_now_us) */
};

/* Every removed key, the latest removed first; the caller frees *out. */
int cw_peer_removed_list(struct cw_store *st, struct cw_removed_key **out, size_t *n,
			 struct cw_error *err);

/* The enrolled peer of that name, or of that key: 0, CW_ENOTFOUND (err filled), or another
 * error. */
int cw_peer_by_name(struct cw_store *st, const char *name, struct cw_peer_key *out,
		    struct cw_error *err);
int cw_peer_by_key(struct cw_store *st, const struct cw_identity_public *key,
		   struct cw_peer_key *out, struct cw_error *err);

#endif
