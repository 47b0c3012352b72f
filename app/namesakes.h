/* namesakes.h - people who share a name. Two detainees may well both be Sok Dara (common in
 * Cambodia); the store keeps them apart by id, and a name typed that is both of theirs names
 * neither (cw_store_resolve: CW_EAMBIGUOUS). The forms of the terminal interface name such a
 * person by their name and the start of their id in parentheses, "Sok Dara (10f31149)", and
 * offer a list of the people a name matches, each with what tells them apart, to choose one
 * from; this is what they read and write. May use: models/, store/. */
#ifndef CW_APP_NAMESAKES_H
#define CW_APP_NAMESAKES_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "models/record.h"
#include "store/store.h"

/* The fewest digits of an id a form writes: as many as the lists show. */
#define CW_NAMESAKE_HEX_MIN 8
/* Room for any name and id cw_namesake_text writes, uncut: a name's 200 bytes, " (", all 32
 * digits, ")" and the end. */
#define CW_NAMESAKE_TEXT (200 + 2 + 32 + 1 + 1)

/* The start of a record's id that no other record's id starts with, 8 hex digits or more (ids
 * made one after another share their first seven), into hex. */
void cw_namesake_hex(struct cw_store *st, const struct cw_id *id, char hex[CW_ID_HEX_LEN + 1]);

/* How a form names a person whose name it cannot tell from another's, into buf: their name
 * (cw_record_label) and the start of their id in parentheses, "Sok Dara (10f31149)", the name
 * cut first when len is short (a text cut so is only to show: cw_namesake_resolve does not
 * take a part of a name; CW_NAMESAKE_TEXT bytes hold any). No walk of the people. */
void cw_namesake_text_id(struct cw_store *st, const struct cw_record *person, char *buf,
			 size_t len);

/* How a form names a person, into buf: their name when typing it finds them alone (no one
 * else bears it whole: a range of the index of people by name, cw_store_people_named, with
 * no walk of the people); else, or when that cannot be read (a namesake's record is damaged),
 * their name and id (cw_namesake_text_id). 0; err is kept for a failure to say (none now). */
int cw_namesake_text(struct cw_store *st, const struct cw_record *person, char *buf, size_t len,
		     struct cw_error *err);

/* The person a form's text names: "NAME (HEX)", HEX 8 to 32 hex digits that start one id,
 * which must be a person's whose Latin or Khmer name is NAME, whole (any case, folded as
 * searches fold; a typo in the digits that finds someone else, the next record made, is
 * refused, not saved under them); else a person whose name is the whole text ("Sok Dara
 * (19800101)"); anything else as cw_store_resolve reads it (a name, an id, "ref:"), the
 * candidates of a name that matches several in *cands (may be NULL): those whose name it is,
 * whole, when there are any (not Sok Darapheap beside two called Sok Dara; read from the index
 * of people by name, cw_store_people_named: only a name no one bears whole walks the people,
 * as cw_store_resolve searches for a part of one). 0, CW_ENOTFOUND
 * (no one, and no id given), CW_EAMBIGUOUS, CW_EINVAL (an id given that names no one, or
 * someone else), or the error of a read that failed; err says which (its field "person"). */
int cw_namesake_resolve(struct cw_store *st, const char *text, struct cw_id *out,
			struct cw_record_list *cands, struct cw_error *err);

/* Whether text names a person by name and id, as cw_namesake_text writes one (what
 * cw_namesake_resolve reads by the id). */
int cw_namesake_has_id(const char *text);

/* What tells a person apart from others of the same name, as far as the store gives it cheaply
 * (the person's record, and the cases and prison visits that name them: one walk of their
 * timeline's index). Text as the database holds it: neutralise it before it is shown. */
struct cw_namesake {
	struct cw_id id;
	char hex[CW_ID_HEX_LEN + 1]; /* cw_namesake_hex */
	char name[200];              /* cw_record_label */
	char other[200];       /* the Khmer name beside a Latin one ("" when there is no other) */
	int64_t born;          /* year of birth; -1 when not recorded */
	uint8_t sex;           /* cw_words_sex */
	char province[120];    /* of residence */
	char affiliation[120]; /* party, union, NGO, outlet */
	/* The titles of the cases that name them, the newest first, "; " between (cut at a
	 * whole character); how many there are. */
	char cases[300];
	size_t ncases;
	/* The latest prison visit that met them: where, and when ("" and unknown when none). */
	char facility[120];
	struct cw_date seen;
};

/* Fills *out for a person record. 0, or the error of a record that names them and cannot be
 * read (err: a list that left it out would tell the two apart wrongly). */
int cw_namesake_describe(struct cw_store *st, const struct cw_record *person,
			 struct cw_namesake *out, struct cw_error *err);

#endif
