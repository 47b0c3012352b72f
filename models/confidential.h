/* confidential.h - what must not leave the team: confidential records and fields.
 *
 * A record may be confidential as a whole (a witness, a source, a confidential interview), or
 * only some of its fields may be (a witness's name, a detainee's medical details in the notes).
 * Both are header fields (record.h: confidential, confidential_fields), kept and synced like any
 * other. The team's own views (list, show, timeline, the terminal interface) show everything and
 * mark it; what is written for others (reports, exports, plain bundles) leaves it out unless the
 * user asks otherwise, and says so. Bundles encrypted for enrolled peers carry it whole.
 *
 * A field word applies to the kinds that have it: name and affiliation to people (name hides
 * the Khmer name too), follow_up, concerns and detainees to prison visits (detainees hides
 * each detainee's access to a lawyer and family too), detail to milestones
 * and incidents, notes and source to every kind.
 *
 * Not a field of their own: a demonstration's arrested people (an arrest at a public gathering
 * is public, and the report's arrests and detentions are counted from them; a person who must
 * not be named there has their name marked), a hearing's indicators and their notes (what the
 * court did in public; what a defendant confided goes in the notes), and a milestone's person
 * (its subject: a milestone without its person says nothing, so it is withheld whole). */
#ifndef CW_CONFIDENTIAL_H
#define CW_CONFIDENTIAL_H

#include <stddef.h>

#include "models/error.h"
#include "models/record.h"

/* Bits of confidential_fields, in the order of cw_words_confidential_field. */
enum cw_conf_field {
	CW_CONF_NAME,
	CW_CONF_AFFILIATION,
	CW_CONF_SOURCE,
	CW_CONF_NOTES,
	CW_CONF_FOLLOW_UP,
	CW_CONF_DETAIL,
	CW_CONF_CONCERNS,
	CW_CONF_DETAINEES,
	CW_CONF_NFIELDS
};

/* What stands in the place of withheld text: "[confidential]" (translated). */
const char *cw_confidential_text(void);

/* Whether records of `kind` have the field confidential word `word` names. */
int cw_confidential_field_applies(enum cw_kind kind, unsigned word);

/* cw_words_confidential_field with only the words records of `kind` have: the others are empty
 * (as a word no longer offered is), so that a word keeps its bit. For what offers the words
 * (a form's field, a kind's help): a prison visit's form offered "name" and "affiliation",
 * refused on saving. A static table, valid for the process's life. */
const struct cw_enum *cw_confidential_words_for(enum cw_kind kind);

/* Checks that every confidential field a record names is one its kind has ("confidential_fields:
 * a hearing has no name"). Part of cw_record_validate. */
int cw_confidential_validate(const struct cw_record *rec, struct cw_error *err);

/* Whether a record holds anything confidential: it is, or one of its fields is. */
int cw_record_has_confidential(const struct cw_record *rec);

/* Whether field `name` of the record's body (or the header's "source") is confidential. */
int cw_record_field_is_confidential(const struct cw_record *rec, const char *name);

/* cw_record_take_field, the field staying as confidential as it was where it came from: dst
 * gets src's mark of that field (a person's name and Khmer name share one), and is
 * confidential as a whole when src was; a mark of dst's own stays. Taking content never lowers
 * what protects it. Its codes. */
int cw_confidential_take_field(struct cw_record *dst, const struct cw_record *src,
			       const char *name);

/* cw_record_join_field, the text staying as confidential as it was where it came from, as
 * above. Its codes. */
int cw_confidential_join_field(struct cw_record *dst, const struct cw_record *src, const char *name,
			       const char *who);
/* Whether what is written for others, where another record names this one (a person in a
 * hearing, a case), reads it as "[confidential]" alone, without its id: it is confidential, or
 * it is a person whose name is a confidential field. The one rule for that: reports and
 * exports (report/confidential.h), the search of what they show (store/query.c) and the mark
 * of a list row that names such a record (report/record_text.h). */
int cw_record_named_withheld(const struct cw_record *rec);

/* The mark lists put before a record's name or title: "[C] " for a confidential record, "[c] "
 * for one with confidential fields, "" otherwise. */
const char *cw_confidential_mark(const struct cw_record *rec);

/* Replaces the text of each confidential field that holds any with cw_confidential_text() (a
 * person's Khmer name goes with the name: emptied), so a reader sees that something is held
 * back. A field of no text (a visit's concerns, its detainees) that holds any is emptied and
 * its bit set in rec->withheld_fields, for what is written to say cw_confidential_text() in
 * its place (cw_record_field_withheld); emptied, nothing counted or found from it afterwards
 * can give it away. *withheld (may be NULL) gets how many fields were. CW_ENOMEM or 0. */
int cw_record_withhold_fields(struct cw_record *rec, size_t *withheld);

/* How many of a record's fields cw_record_withhold_fields has withheld: its confidential
 * fields that read cw_confidential_text(), and those it emptied. */
size_t cw_record_withheld_fields(const struct cw_record *rec);

/* Whether cw_record_withhold_fields emptied the field of word `word` (enum cw_conf_field) of
 * rec: what is written says cw_confidential_text() where its words or names would be. */
int cw_record_field_withheld(const struct cw_record *rec, enum cw_conf_field word);
/* Whether the detainees a prison visit (rec) lists were not met: it met no one
 * (cw_visit_met_no_one) and lists someone, or listed them in a field withheld from this copy
 * ("[confidential]" says that it did). A report's, a timeline's and a record's JSON say it as
 * "detainees_not_met", a report's column of the detainees seen as "not met". 0 for any other
 * kind of record. */
int cw_visit_detainees_not_met(const struct cw_record *rec);

/* Whether every person rec is filed under (a person filter and a person's timeline find it
 * through them) is named in a confidential field: a visit whose detainees are confidential.
 * Found for a person, such a record is found only through what others must not read: what is
 * written for them leaves it out, and counts it nowhere (report/confidential.h, by_person). */
int cw_record_people_confidential(const struct cw_record *rec);
/* A confidential record that another record names: replaced by one that keeps its id, kind and
 * confidential mark and nothing else, with cw_confidential_text() as a person's name or a case's
 * title. CW_ENOMEM or 0 (rec is then unchanged). */
int cw_record_withhold_all(struct cw_record *rec);

#endif
