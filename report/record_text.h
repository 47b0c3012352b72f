/* record_text.h - what people read of a record, for both front ends and the reports: the
 * columns of a list row and a record's fields as labelled lines. Text is not yet neutralised:
 * the caller does that for its output. May use: models/, store/, report/confidential.h.
 *
 * The records a record names (its case, its people, the accounts it links to) are read to
 * name them. One the store does not hold is told as such ("(person not held here)",
 * "(deleted case)"); one it holds but cannot read (CW_EDAMAGED: it fails its authentication;
 * CW_EDB) is never told as missing: the functions that read them return that error, with err
 * naming the record, and what they wrote is not to be shown. */
#ifndef CW_REPORT_RECORD_TEXT_H
#define CW_REPORT_RECORD_TEXT_H

#include "models/idmap.h"
#include "models/record.h"
#include "store/store.h"

/* What a list shows of a record in its columns (not yet neutralised): who or what it is about
 * (a case title, a person, a prison, a demonstration's cause), where (court, place), the
 * articles charged in its case, and what happened. Hearings and milestones take their case's
 * title, court and articles, their own court when they name one. */
struct cw_record_summary {
	/* The mark a list puts before `who` (models/confidential.h): the record's own, "[C] " or
	 * "[c] "; else "[c] " for a record whose case is confidential, or that names a person
	 * what others get reads as "[confidential]" (cw_record_named_withheld: a confidential
	 * person, or one whose name is confidential), a defendant of its case among them
	 * (report/confidential.h: cw_withheld_people_named). Such a record is not left out of
	 * what others get (its date, outcome and notes are written), but its case or that person
	 * is, as "[confidential]" (with the court, defendants and articles that come from a
	 * case): the row shows the team what others will not read, as a confidential field's
	 * mark does. */
	char mark[8];
	char who[400];
	char where[400];
	char articles[400];
	/* Room for the longest a record gives: a detail `log` takes whole (500 bytes) after its
	 * labels, sentence parts and links, in Khmer too (three bytes a letter); a list written
	 * to a file keeps every cell whole, and at 400 bytes it lost a detail's end unmarked. */
	char what[1200];
};
/* 0, or the error of a record it names (above). */
int cw_record_summarise(struct cw_store *st, const struct cw_record *r,
			struct cw_record_summary *out, struct cw_error *err);

/* What the rows of one list look up once for all of them rather than row by row: whether each
 * person they name reads as "[confidential]" to others. A screen shows 40 rows, and every
 * hearing of a case names all its defendants. Zeroed to start; cw_list_memo_free once the
 * list is drawn or printed, so that the next draw reads a person marked since. */
struct cw_list_memo {
	struct cw_idmap people; /* value 1: read as "[confidential]" */
};
void cw_list_memo_free(struct cw_list_memo *memo);

/* cw_record_summarise for a row of a list, the people it names looked up in memo. */
int cw_record_summarise_in(struct cw_store *st, struct cw_list_memo *memo,
			   const struct cw_record *r, struct cw_record_summary *out,
			   struct cw_error *err);

/* The mark a list puts before a person's name or a case's title, as `mark` above, into *mark
 * (a static string): the record's own, else "[c] " for a case one of whose defendants reads as
 * "[confidential]". 0, or the error of a defendant's record (above). */
int cw_record_list_mark(struct cw_store *st, struct cw_list_memo *memo, const struct cw_record *r,
			const char **mark, struct cw_error *err);

/* The detainees a prison visit met, for a row that names the visit by its prison (the
 * agenda's follow-up): "Eng Sroy, Sok Meas and Kong Lina", the first `most` of them and then
 * "and 2 others"; "" for another kind of record or a visit that names no one. Not yet
 * neutralised. 0, or the error of a person's record (above). */
int cw_record_people_met(struct cw_store *st, const struct cw_record *r, size_t most, char *buf,
			 size_t len, struct cw_error *err);

/* What a record is, in a few words, for a heading or a question ("Delete hearing ...?"): a
 * person's name or a case's title; an event by what a list shows it is about (its case, its
 * person, its prison, its cause) after its date: "2023-05-25, NagaWorld strike" (a narrow
 * line cuts the end). Not yet neutralised. */
int cw_record_title(struct cw_store *st, const struct cw_record *r, char *buf, size_t len,
		    struct cw_error *err);

/* The record of id that a caller holds outside the store, or NULL: a bundle's people and cases
 * before it is imported. */
typedef const struct cw_record *(*cw_record_source_fn)(void *ctx, const struct cw_id *id);

/* cw_record_title naming the people and cases r refers to by own's records first (a bundle may
 * bring them, or rename them), the store's where own has none. */
int cw_record_title_from(struct cw_store *st, cw_record_source_fn own, void *ctx,
			 const struct cw_record *r, char *buf, size_t len, struct cw_error *err);

/* Another account of an event, as a monitor tells it from the one in hand: its kind, date and
 * whose account, what it is about (its case, prison, cause or person) and where, then its
 * short id: "hearing 2024-05-09, account: UN, Chhim Sithar — incitement, Court of Appeal
 * (41364c56)"; "(deleted record 41364c56)" or "(record not held here 41364c56)" when the
 * store has none. The id is never cut. Not yet neutralised. */
int cw_record_account_text(struct cw_store *st, const struct cw_id *id, char *buf, size_t len,
			   struct cw_error *err);

/* The pretrial detention of each group of unnamed defendants the case lists, as its events
 * say on `today` by the rules the weekly report counts it by (models/timeline.h:
 * cw_timeline_summarise_group), for each group whose records give one: fn(ctx, who, days) with
 * "NagaWorld union activists (8 unnamed)" and "39 days and counting". Beside the case's
 * custody field, which says what the case records, as a person's timeline says theirs. Not
 * yet neutralised. 0, or an error. */
typedef void (*cw_group_detention_fn)(void *ctx, const char *who, const char *days);
int cw_case_group_detention(struct cw_store *st, const struct cw_record *kase, struct cw_date today,
			    cw_group_detention_fn fn, void *ctx, struct cw_error *err);

/* A record's own fields as lines, in table order, by their schema names (the paths
 * cw_record_diff matches fields by): (indent, name, value) with value as written (a string may
 * hold newlines), an id as "name (1a2b3c4d)", a list item as a heading line "name[i]" (value
 * NULL) followed by its fields indented. Values are not yet neutralised. The header is left
 * to cw_record_provenance. */
typedef void (*cw_line_fn)(void *ctx, int indent, const char *name, const char *value);
int cw_record_field_lines(struct cw_store *st, const struct cw_record *rec, cw_line_fn fn,
			  void *ctx, struct cw_error *err);

/* The same lines for people (`show`), each field named as the record view names it
 * (cw_record_reading: translated, a confidential field of the record's own "notes
 * (confidential)"), a list item's heading as its list's label and number ("verdict per charge
 * 2"), each item of a flat list (people met) under the list's label. */
int cw_record_labelled_lines(struct cw_store *st, const struct cw_record *rec, cw_line_fn fn,
			     void *ctx, struct cw_error *err);

/* The fields in which two versions of one record differ, for people choosing between them
 * (conflicts): fn gets each field as the record view labels it, with the list items it is in
 * numbered as that view numbers them and named by whom they are about ("court", "defendants
 * 2, Ny Nak (8829a27f) › custody status"; fields are matched by their paths,
 * "defendants[2].custody"), and its value in a and in b (NULL where that version has none;
 * a list of words as one value, "a; b"), in b's order, then those only a has. First the
 * header's: the confidential mark (given both ways: "no: in reports, ..."), the fields kept
 * confidential, the links to other accounts and the record it is placed after (each told as
 * cw_record_account_text tells it); then the body and the source; not the stamps (times,
 * editor), which always differ. Labels and values are not yet neutralised. How many differ
 * into *differ; 0, or the error of a record they name (above). */
typedef void (*cw_diff_fn)(void *ctx, const char *field, const char *in_a, const char *in_b);
int cw_record_diff(struct cw_store *st, const struct cw_record *a, const struct cw_record *b,
		   cw_diff_fn fn, void *ctx, size_t *differ, struct cw_error *err);

/* A record for people to read, as lines fitted to `cols` display columns: its own fields under
 * a heading of its kind, each list with items under its label (items numbered), each text of
 * its own (notes, follow-up) under its label, then "Source and history" (whose account, the
 * source, created and updated); labels, not field names; empty fields left out; long values
 * wrapped under their label, never cut (Khmer is wrapped at zero-width spaces, never inside a
 * letter). fn gets each line (not yet neutralised), with heading set on the headings. */
typedef void (*cw_read_fn)(void *ctx, int heading, const char *line);
/* The records whose links name the one of id (a link is kept on the record that names the
 * other: the index of links gives them from this side), each with how it bears on it (enum
 * cw_link_relation), in the order of their dates. 0, or an error (nothing is called): one of
 * them that cannot be read is that error, never left out. */
typedef void (*cw_linked_fn)(void *ctx, uint8_t relation, const struct cw_id *from);
int cw_record_linked_from(struct cw_store *st, const struct cw_id *id, cw_linked_fn fn, void *ctx,
			  struct cw_error *err);
const char *cw_record_linked_label(uint8_t relation);
int cw_record_reading(struct cw_store *st, const struct cw_record *rec, int cols, cw_read_fn fn,
		      void *ctx, struct cw_error *err);

#endif
