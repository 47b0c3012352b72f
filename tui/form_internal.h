/* form_internal.h - what the form's files share; not part of the form's contract. */
#ifndef CW_FORM_INTERNAL_H
#define CW_FORM_INTERNAL_H

#include "tui/form.h"

/* Adds a field to the form, its label translated (form.c); NULL when out of memory. */
struct cw_form_field *cw_form_add_field(struct cw_form *fm, const char *name, const char *label,
					enum cw_form_widget w);

/* Whether a field's name in words ("arrests at least") is in the list of labels that gives the
 * catalogue their translations (form.c). */
int cw_form_label_listed(const char *english);

/* A cw_person_namer (models/record.h) over the form's database, ctx the struct cw_store: the
 * label of the record id names, "" when it cannot be read (form.c). */
void cw_form_name_person(void *st, const struct cw_id *id, char *buf, size_t len);

/* The person the form opened with whose text, in field ff, is `text`, as it wrote it there
 * (their name, or name and id); a detainee's access, also as the visit's detainees field
 * wrote it. NULL when none, when two, or when the field names them more often than it
 * opened with them (one typed, maybe another of the name), or when written only in another
 * field (a verdict typed for a name the attendance opened with) (form.c). Text left as the
 * form opened names them without a lookup of the name (cw_store_resolve walks every
 * person). */
const struct cw_id *cw_form_opened(const struct cw_form *fm, const struct cw_form_field *ff,
				   const char *text);

/* Frees the suggestions shown (form.c, since freeing the form frees them too); recomputing
 * them, moving to another field and Esc start from none. What the suggestions said of a read
 * that failed (cw_form_suggest_unread) goes with them. */
void cw_form_clear_suggestions(struct cw_form *fm);

/* Whether rc, from a read the suggestions need, is a failure to say: not 0, none found,
 * several, nor a text that names nothing, but a record that fails its authentication, the
 * database failing, no memory. */
int cw_form_unread(int rc);
/* Says such a failure in fm->message (form_suggest.c): `what`, a translated format with one
 * %s, takes the store's message, which names the record and what to do ('casewatch verify',
 * a backup restored). Left out without a word, a damaged record read as one not held here,
 * and the monitor might type the person in again as new. */
void cw_form_suggest_unread(struct cw_form *fm, const char *what, int rc,
			    const struct cw_error *err);

/* A note typed on a field answered yes or no that is no fair-trial indicator (who was
 * admitted, a private interview ...): the record has no place for it beside the answer, so it
 * goes into the record's notes as a line "LABEL: note", and the field's text is emptied
 * (form.c). A no-op when there is no such note, or the form has no notes field. */
void cw_form_note_into_notes(struct cw_form *fm, size_t i);
/* Whether a field takes a note after ':' (an indicator's own, or one for the notes). */
int cw_form_takes_note(const struct cw_form_field *ff);
/* Whether the form's notes are confidential: the whole record is, or its confidential fields
 * name the notes (as typed so far; words that name nothing yet count as not naming them). A
 * note put into the notes is withheld with them (form_build.c). */
int cw_form_notes_confidential(const struct cw_form *fm);

/* Fields of several words of a table (form_words.c). Words are separated by spaces or commas;
 * a word is named by its label in the interface's language or its table spelling, in any case,
 * with spaces or '-' for '_', or by a start of either that only it has; several spaced parts
 * that together name a word are that word ("union leader").
 *
 * cw_words_settle writes text as the table spells its words, in the table's order, separated
 * by ", " (what cw_field_set reads, and what a draft keeps: it reads the same in any
 * language); cw_words_show writes the same set by their labels (what the field shows). Each
 * returns 0; or, when parts name no word or several, leaves out unchanged and returns how
 * many, the first into bad. */
int cw_words_settle(const struct cw_enum *w, const char *text, char *out, size_t len, char *bad,
		    size_t badlen);
int cw_words_show(const struct cw_enum *w, const char *text, char *out, size_t len, char *bad,
		  size_t badlen);
/* The error for a part that names no word, or several (listing those, by their labels). */
int cw_words_error(const struct cw_enum *w, const char *field, const char *bad,
		   struct cw_error *err);
/* The current field's text shown by its labels, when every part names one word. */
void cw_form_words_settle(struct cw_form_field *ff);
/* The suggestions for the word at the cursor, by their labels: the words whose spelling or
 * label starts with it, then those holding it. */
void cw_form_words_suggest(struct cw_form *fm);
/* The suggestion chosen put in place of the word at the cursor (its label). */
void cw_form_words_take(struct cw_form *fm);
/* Tab: completes the word at the cursor when only one word fits it, and returns 0: the cursor
 * stays, for another word. When several fit, the first Tab shows them and returns 0; Tab again
 * (or after choosing with C-n, C-p) takes the one chosen and returns 0 too. 1 when there is
 * nothing to complete (the word is whole, or none fits: leaving the field says so): Tab then
 * moves on. On the `last` field of the form, which Tab cannot leave, a whole word at the end
 * of the text gets the separator ", " after it, as a completed word does (when some word of
 * the table is not in the field yet), and 0 is returned: what is typed next starts a word. */
int cw_form_words_complete(struct cw_form *fm, int last);

/* A form's case beside its person (form_cases.c): only a milestone pairs one of each.
 *
 * cw_form_person: the person the form names (the suggestion taken, else a name or id that
 * matches one person), its id and the field's text into name; CW_ENOTFOUND when the form
 * pairs none or names none, CW_EAMBIGUOUS several, or the error of a read that failed (err,
 * when not NULL, says it: cw_form_unread). cw_form_person_cases: the cases that list a person
 * as a defendant, oldest first (the caller frees them); 0 or the store's error, in err.
 * cw_form_check_case: 0, or CW_EINVAL
 * with err on the field "case" when the case chosen does not name the person (not when an
 * edit keeps the pair the record had: that is not the user's choice now). */
int cw_form_person(struct cw_form *fm, struct cw_id *id, char *name, size_t len,
		   struct cw_error *err);
int cw_form_person_cases(struct cw_form *fm, const struct cw_id *person, struct cw_record_list *out,
			 struct cw_error *err);
int cw_form_check_case(struct cw_form *fm, struct cw_error *err);

/* The cursor came to a field (form_suggest.c): a case field beside a person shows the
 * person's cases at once, before anything is typed (Enter takes one; Tab passes it by). */
void cw_form_offer(struct cw_form *fm);

/* A name that matches several people (form_which.c; see struct cw_form_which).
 *
 * cw_form_which_note: the people a name typed in ff matched (cands, as cw_store_resolve gives
 * them), kept in fm->amb_* unless a name was kept there already since amb_n was set to 0:
 * those whose whole name it is first. cw_form_which_open: opens the list of those kept, on
 * their field, each described (cw_namesake_describe); `move` as struct cw_form_which has it.
 * 1 when it opened; 0 when none was kept for the current field, or when one cannot be read
 * (then said in fm->message, the store's words naming it). cw_form_which_key: a key while it
 * is open. cw_form_which_close: closes it, nothing changed. */
void cw_form_which_note(struct cw_form *fm, const struct cw_form_field *ff, const char *part,
			const struct cw_record_list *cands);
/* Whether the people a name typed matched (cands) are listed to choose from: two or more, and
 * at most CW_FORM_WHICH_MAX unless every one bears the whole name typed. */
int cw_form_which_fits(const char *part, const struct cw_record_list *cands);
int cw_form_which_open(struct cw_form *fm, int move);
enum cw_form_result cw_form_which_key(struct cw_form *fm, int key);
void cw_form_which_close(struct cw_form *fm);

/* The keys' moves and save, for the list above to go on with what asked it (form_keys.c):
 * cw_form_move leaves the field by delta (+1, -1) as Tab and Up do; cw_form_save_key saves as
 * C-s does, opening the list again for the next name that matches several. */
void cw_form_move(struct cw_form *fm, int delta);
enum cw_form_result cw_form_save_key(struct cw_form *fm);

/* The links to other accounts of the event (form_links.c): a field "same_event" and one
 * "disputes" on the form of an event, each of records separated by ';', each named as
 * cw_record_account_text tells it (the id in its last parentheses is what counts), or by an
 * id, a unique prefix of one, or "ref:" and a reference (a record not synced here yet), as
 * the command line's --same-event and --disputes take them.
 *
 * cw_form_links_add: the two fields, filled from the record's links. cw_form_links_apply:
 * the field's links put on rec in place of those of its relation, refused as the command line
 * refuses them (no such record, the record itself, a record linked already, in either field).
 * cw_form_links_suggest: records of the form's kind near the date the form gives (those of its
 * case first, the closest days first), narrowed by the text typed after the last ';', without
 * the record itself and those the fields name already; with nothing typed, only when `untyped`
 * (C-n), so that Enter never links a record the monitor did not choose. */
int cw_form_links_add(struct cw_form *fm);
int cw_form_links_apply(struct cw_form *fm, struct cw_record *rec, const struct cw_form_field *ff,
			struct cw_error *err);
void cw_form_links_suggest(struct cw_form *fm, int untyped);

#endif
