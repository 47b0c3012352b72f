/* confidential.h - what reports, exports and calendars leave out: confidential records and
 * fields (models/confidential.h), unless the user includes them, and the line that says which.
 *
 * A confidential record is taken out of what is written, and counted once however many
 * sections it would have been in; the figures are made from what remains, and the output says
 * how many were left out, so a count is never silently lower. A record named by another (a
 * person in a hearing, a case) that is confidential keeps only its id: its name reads
 * "[confidential]". The confidential fields of the records written read "[confidential]".
 * With leave_out unset (--include-confidential) nothing is left out, and a report says it holds
 * confidential material.
 * May use: models/, store/. */
#ifndef CW_REPORT_CONFIDENTIAL_H
#define CW_REPORT_CONFIDENTIAL_H

#include <stddef.h>

#include "models/record.h"
#include "store/store.h"

struct cw_withheld {
	/* Set for what is written for others (reports, exports): confidential material is left
	 * out. Zero, as the team's own views (lists, the agenda, names beside ids) have it:
	 * nothing is, and nothing is counted. */
	int leave_out;
	size_t records; /* confidential records left out (each once) */
	size_t fields;  /* confidential fields withheld in the records written */
	size_t shown;   /* kept: records with confidential material, included */
	/* Set (cw_withheld_by_text) when what is written was found by a filter's free text and
	 * is matched again as it will read: what is left out is then not counted. A confidential
	 * record reads as nothing, and a record the text finds only in what is withheld is not
	 * found as it reads, so neither is among what the filter finds, and "1 confidential
	 * record is not shown" under "Filter: beating" would tell the reader that the word is in
	 * the withheld notes. */
	int by_text;
	/* The same for a filter's articles (cw_withheld_by_text): a record found through the
	 * charges of a case written as "[confidential]" is not found as it reads, and "1
	 * confidential record is not shown" under "Filter: article:494/495" would tell the reader
	 * that a withheld record, or case, is about that article. */
	int by_article;
	/* Set (cw_withheld_by_text) when what is written was found for a person (a filter's
	 * person; a person's timeline sets it itself): a record that names people only in a
	 * confidential field (cw_record_people_confidential: a visit whose detainees are) was
	 * found only through it, and is left out uncounted. A prison visit listed under "Filter:
	 * person:Eng Sroy" with its detainees "[confidential]", or "1 confidential record is not
	 * shown" there, would tell the reader whom the withheld field names. */
	int by_person;
	/* What is written is rows, no figures (an export): the note says what is left out, not
	 * that "the figures leave it out". */
	int rows_only;
	struct cw_id *ids; /* the records counted above, to count each once */
	size_t n, cap;
	/* Records one of whose concurrent versions, kept beside the one shown after two laptops
	 * edited them apart, holds confidential material (cw_withheld_load): left out as
	 * confidential records, so that a later edit on another laptop does not undo one
	 * laptop's decision to withhold (a sync trial saw it undone). Sorted. */
	struct cw_id *conflicted;
	size_t nconflicted;
};
/* With w->leave_out, reads which records have such a concurrent version (few: conflicts wait
 * for a person to resolve them). CW_ENOMEM, a store error, or 0. */
int cw_withheld_load(struct cw_withheld *w, struct cw_store *st, struct cw_error *err);

/* Takes the confidential records out of l, counting them in w->records when `count` (a
 * report's earlier period is sifted too, for figures that compare like with like, but not
 * counted), and withholds the confidential fields of the others; with w->by_person, takes out
 * uncounted those that name people only in a confidential field. Without w->leave_out, counts
 * what it keeps instead. CW_ENOMEM or 0. */
int cw_withheld_sift(struct cw_withheld *w, struct cw_record_list *l, int count);

/* With w->leave_out, the links of l's records (another account: --disputes, --same-event) lose
 * those to confidential records, and a record that comes after a confidential one (--after)
 * loses that: an id of one left out would say that record exists, and which event it tells. A link
 * to a record l holds is kept as it is; to another, the record is read from st (one not held here
 * is left out, as it cannot be known to be shown). Call it on the list as it will be written.
 * Nothing without leave_out. A record that cannot be read is the store's error, naming it:
 * nothing is to be written then (an export without its links would not say why). Even so, l is
 * left naming no record it does not hold that was not read as shown. */
int cw_withheld_links(const struct cw_withheld *w, struct cw_store *st, struct cw_record_list *l,
		      struct cw_error *err);

/* Whether what is written gives the id of `named`, a person or case it names beside its name
 * or title: not, with w->leave_out, when that reads "[confidential]" (the record is
 * confidential, or a person's name is a confidential field): the id would link every
 * appearance of a protected witness across reports and exports. JSON writes null for it, CSV
 * an empty cell, or "-" in a list of ids (so that the ids still line up with the names).
 * Always without leave_out, or when named is NULL (not looked up: a deleted record). */
int cw_withheld_gives_id(const struct cw_withheld *w, const struct cw_record *named);

/* The people a record names, each of whom what is written for others reads by name (as
 * "[confidential]" for one cw_record_named_withheld takes so): a case's defendants; a hearing's,
 * a milestone's or an incident's case's defendants (kase: that case as read, NULL when it is
 * not), then a hearing's people of its verdicts and attendance, a milestone's person, an
 * incident's persons; a visit's detainees; a demonstration's arrested. The ones a report looks
 * up for the records it writes, and the ones a list row is marked "[c]" for. *ids (the caller
 * frees it) gets them in that order, zero ids left out, an id maybe twice. CW_ENOMEM (nothing
 * to free) or 0. */
int cw_withheld_people_named(const struct cw_record *rec, const struct cw_record *kase,
			     struct cw_id **ids, size_t *n);

/* The case a hearing, milestone or incident is of (NULL: another kind, or none named). */
const struct cw_id *cw_withheld_case_of(const struct cw_record *rec);

/* Whether what is written for others leaves rec out as a whole (w->leave_out, and rec is
 * confidential or one of its concurrent versions holds confidential material:
 * cw_withheld_load): the rule cw_withheld_sift and cw_withheld_mark drop records by. What is
 * derived for others from records not written (a hearing that answers or supersedes a date)
 * reads by it too, so that a figure is made as if the withheld records were not there. */
int cw_withheld_leaves_out(const struct cw_withheld *w, const struct cw_record *rec);

/* The same for records that other lists point into (upcoming hearings): the records stay in
 * place; *drop[i] is set for each one left out (drop has l->n entries). */
int cw_withheld_mark(struct cw_withheld *w, struct cw_record_list *l, unsigned char *drop,
		     int count);

/* Counts a confidential record left out by the caller (or, without leave_out, kept), once
 * however often it is met.
 * CW_ENOMEM or 0. */
int cw_withheld_count(struct cw_withheld *w, const struct cw_id *id);

/* A record named by the records written (its name or title read for them): a confidential one
 * keeps its id and kind only (cw_record_withhold_all), another its confidential fields
 * withheld. Nothing without w->leave_out. CW_ENOMEM or 0. */
int cw_withheld_named(const struct cw_withheld *w, struct cw_record *rec);

/* A filter's free text must not be matched by what is withheld: a hearing found by a word of
 * its confidential notes, or by the name of a confidential person it names, written with
 * "[confidential]" under a header (or beside a command) that gives the word, would tell a
 * reader what the notes say or who was there. cw_withheld_text_matcher sets w->by_text
 * (cw_withheld_by_text) and makes the matcher of f
 * as what is written will read (cw_reader_matcher_as_shown; one for a whole report or export:
 * it reads every person's and case's name), *out NULL when there is nothing to test again
 * (nothing left out, or neither free text nor articles); free it with cw_matcher_free before rd
 * ends. After cw_withheld_sift, cw_withheld_match_text drops from l each record m does not match,
 * counting it in w->records when `count`; nothing when m is NULL. An error of the store, CW_ENOMEM
 * or 0. */
/* Sets w->by_text when w leaves confidential material out and f has free text,
 * w->by_article when f has articles and w->by_person when it names a person: to be called
 * before anything is sifted or counted. The
 * matcher cw_withheld_text_matcher makes then finds articles as shown too (store.h:
 * cw_reader_matcher_as_shown), and cw_withheld_match_text drops what they find only through
 * what is withheld. */
void cw_withheld_by_text(struct cw_withheld *w, const struct cw_filter *f);
/* Whether what is written is matched again as it reads (w->by_text or w->by_article): then
 * nothing withheld is counted. */
int cw_withheld_as_shown(const struct cw_withheld *w);
int cw_withheld_text_matcher(struct cw_reader *rd, struct cw_withheld *w, const struct cw_filter *f,
			     struct cw_matcher **out, struct cw_error *err);
int cw_withheld_match_text(struct cw_matcher *m, struct cw_withheld *w, struct cw_record_list *l,
			   int count, struct cw_error *err);

/* The sentence an output says about it, "" when there is nothing to say (no confidential
 * record near it). CW_WITHHELD_NOTE_MAX holds it whole in any language (a Khmer letter is
 * three bytes: a field trial's Khmer note was cut at 400 in the middle of a word); what a
 * smaller buf cuts is cut between characters. */
#define CW_WITHHELD_NOTE_MAX 2048
void cw_withheld_note(const struct cw_withheld *w, char *buf, size_t len);

void cw_withheld_free(struct cw_withheld *w);

#endif
