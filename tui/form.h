/* form.h - the forms that add and edit records, as data: fields made from the field tables of
 * models/record.h, the text the user typed, an inline error per field, type-ahead suggestions,
 * and the keys that drive them. Nothing here draws (view_form.c does), so the validation and
 * key handling are tested without a terminal.
 *
 * Typed text is never lost: a field keeps what was typed until the user changes it, whatever
 * the validation says. Saving builds the whole record from the texts, validates it with
 * cw_record_validate, and writes it with one cw_store_put (one transaction). An error names
 * the form field it belongs to and moves the cursor there.
 *
 * form.c makes the fields from the record; form_build.c makes the record from the fields;
 * form_suggest.c finds the suggestions; form_keys.c does what each key says. */
#ifndef CW_FORM_H
#define CW_FORM_H

#include <stddef.h>

#include "app/namesakes.h"
#include "models/record.h"
#include "store/store.h"
#include "tui/widget.h"

enum cw_form_widget {
	CW_W_TEXT,      /* typed text: strings, dates, numbers, article lists */
	CW_W_NOTES,     /* multi-line text */
	CW_W_CHOICE,    /* one word of a table: typing narrows a picker, Space cycles */
	CW_W_WORDS,     /* several words of a table, typed: Tab completes the one at the cursor */
	CW_W_TOGGLE,    /* yes / no / na / unknown */
	CW_W_BOOL,      /* yes / no */
	CW_W_PERSON,    /* a person, with suggestions */
	CW_W_CASE,      /* a case, with suggestions */
	CW_W_PEOPLE,    /* several people separated by ';', suggestions for the last one */
	CW_W_COURT,     /* a court name, suggestions from the names in use */
	CW_W_PRISON,    /* a facility name, likewise */
	CW_W_PROVINCE,  /* a province name, likewise */
	CW_W_INDICATOR, /* one fair-trial indicator's answer (a toggle) */
	CW_W_INFO,      /* text to read, not to type in (a case's defendants while editing it) */
	CW_W_LINKS,     /* other accounts of the event, separated by ';' (form_links.c) */
};

/* New people a case's form adds in one save, at most. */
#define CW_FORM_NEW_PEOPLE 8
/* Room for a new person's name as typed in a list of people: a person's longest (200 bytes)
 * and more, so that one too long is said so, not cut inside a character. */
#define CW_FORM_NAME_BYTES  256
#define CW_FORM_SUGGEST_MAX 6
/* The most people a part of their names may match for the form to list them to choose one
 * (more: type more of the name, or C-n). Those who bear the whole name typed are all listed,
 * however many (the list scrolls): more of the name would not tell them apart. */
#define CW_FORM_WHICH_MAX 20

struct cw_form_field {
	char name[40];   /* what errors name: the schema field, or "defendant", "charges" ... */
	char label[160]; /* shown before the value, translated (UTF-8: Khmer takes 3 bytes a letter)
			  */
	enum cw_form_widget widget;
	const struct cw_field *f;    /* schema field, NULL for the case's defendant fields */
	int header;                  /* f is in cw_schema_header */
	int indicator;               /* CW_W_INDICATOR: index in cw_words_indicator */
	const struct cw_enum *words; /* CHOICE, TOGGLE, BOOL, INDICATOR */
	int choice;                  /* their current word */
	struct cw_edit edit;         /* the others: the text as typed */
	struct cw_id picked;         /* PERSON, CASE: the record a suggestion chose */
	char picked_label[CW_NAMESAKE_TEXT]; /* ... its name, to see whether the text says it */
	int multi;    /* PERSON: takes several names separated by ';' (a case's defendants) */
	int required; /* saving needs it given (cw_record_requires): its label is marked " *" */
	char error[CW_MESSAGE_MAX]; /* inline error, "" when none */
	const char *hint;
	int top_row; /* NOTES: the first wrapped row shown (the view keeps the cursor's in view) */
	int wrap_cols; /* NOTES: the width it was last drawn at (Up and Down move by its rows) */
	/* Changed on both sides (a save refused because the record changed since, a draft of an
	 * edit): the other version's value, shown under the user's until the form is saved
	 * (malloc'd; NULL when none). */
	char *theirs;
	/* The text as it was when Esc closed the list of the people a name of it matches:
	 * leaving the field does not list them again until the text changes (saving does).
	 * malloc'd; NULL when none. */
	char *declined;
};

/* A name typed that matches several people (two detainees called Sok Dara): the list of them,
 * under the field, each with what tells them apart, to choose the one meant (form_which.c).
 * Up and Down move, Enter puts the one chosen in the field by their name and id, "Sok Dara
 * (10f31149)" (app/namesakes.h), Esc goes back to the form with nothing changed. */
struct cw_form_which {
	size_t field;                  /* the field whose text names them */
	char part[CW_FORM_NAME_BYTES]; /* the name as typed there */
	struct cw_namesake *people;    /* those it matches, its whole name first */
	size_t n, sel, top;            /* top: the first shown (view_form.c keeps sel shown) */
	/* What asked: a save (0; Enter saves again once one is chosen), or leaving the field
	 * (the move it stopped, +1 or -1: Enter makes it). */
	int move;
};

/* A person the form opened with, and the text it wrote for them (malloc'd) in one field (its
 * index), as many times as it wrote it there. */
struct cw_form_named {
	char *text;
	struct cw_id id;
	size_t field;
	size_t count;
};

struct cw_form {
	struct cw_store *st;
	enum cw_kind kind;
	int editing;          /* an existing record */
	struct cw_record rec; /* the record edited (header, lists the form does not show) */
	/* Editing: the form's draft body as it opened, what the record said (malloc'd JSON).
	 * A draft or a refused save carries it, so that the user's changes, and only them, are
	 * put on a newer version of the record (cw_form_apply_draft, cw_form_rebase). */
	char *base;
	struct cw_form_field *fields;
	size_t n, cur;
	int dirty;     /* something was typed since the form opened */
	int unchanged; /* CW_FORM_SAVED of an edit that changed nothing: nothing was written */
	/* Suggestions for the current field. */
	char *sugg[CW_FORM_SUGGEST_MAX];
	struct cw_id sugg_id[CW_FORM_SUGGEST_MAX];
	int sugg_choice[CW_FORM_SUGGEST_MAX]; /* a choice field's picker: the word's index */
	/* A case picker beside a person (a milestone's): a case that does not name them, after
	 * their own cases; sugg_for is the person's name, as the field says it. */
	unsigned char sugg_apart[CW_FORM_SUGGEST_MAX];
	char sugg_for[200];
	size_t nsugg, sugg_sel;
	int offered; /* a field of words: Tab showed the words the one typed may be, to choose */
	/* What the suggestions put in `message` when a read they need failed (form_suggest.c),
	 * taken back with them unless another message took its place; "" when none. */
	char sugg_said[CW_MESSAGE_MAX];
	/* 1 + the field whose text or cursor a key changed since the cursor came to it (0: none):
	 * a one-line text shows the cursor's neighbourhood then, its start before (view_form.c). */
	size_t typing;
	/* Going to a field by name (C-g): the text typed, while `jumping`. */
	int jumping;
	struct cw_edit jump;
	int noting;                   /* typing the note of the current indicator (after ':') */
	char message[CW_MESSAGE_MAX]; /* a form-wide message (store errors with no field) */
	struct cw_id saved_id;        /* after a save */
	int quick;          /* a short form over a prefilled record (cw_form_open_quick) */
	int own_by_default; /* a new hearing, visit or demo: the team's own until the source
			     * says otherwise (form.c) */
	int view_auto; /* ... the account the form itself put in the account field, which follows
			  the source until the user picks another (cw_form_account_follows) */
	struct cw_id draft_id; /* the draft it was opened from (zero: none), gone once saved */
	int lock_draft;        /* draft_id was made by the lock, not asked for: discarding the form
				  discards it too */
	int twice_ok; /* the user said a new person close to one already there is another one */
	/* A case's defendants, or those a visit met, a demonstration's arrested or an incident's
	 * people, typed who are no person yet (names separated by ';'): saving says so (missing,
	 * for the text missing_for of the field missing_field), the front end asks about each
	 * in turn (agreed: how many said yes); once the user agrees to all (add_missing), saving
	 * adds them with the case, in one write (their ids in added while it runs). */
	char missing[CW_FORM_NEW_PEOPLE][CW_FORM_NAME_BYTES];
	struct cw_id added[CW_FORM_NEW_PEOPLE];
	size_t nmissing, agreed;
	char missing_for[1024];
	char missing_field[32]; /* the field they were typed in: "defendant", "detainees", ... */
	int add_missing;
	/* A name that matched several people, as the fields were read last (the first such name
	 * since amb_n was set to 0): its field, the name, and whom it matched (those whose whole
	 * name it is first). Saving, or leaving the field, then lists them (which). */
	size_t amb_field, amb_n;
	char amb_part[CW_FORM_NAME_BYTES];
	struct cw_id *amb_ids; /* amb_n of them (malloc'd) */
	int amb_quiet; /* reading a field only for another's sake: what it matches is not kept */
	struct cw_form_which *which; /* the list open; NULL when none */
	int tried_save; /* the last key tried to save (C-s, or Enter on the list a save opened) */
	/* The people the form opened with, each by the text it wrote for them: a name typed so
	 * (left as the form opened) names them again without looking the name up among all the
	 * people (a walk of them: seconds on a database of 100,000). Their name alone, or, for
	 * two the form names that share a name, their name and id (app/namesakes.h). */
	struct cw_form_named *opened;
	size_t nopened;
	/* While the form opens: the people written with their id (two of its people share a
	 * name), and whether another opening must write more so. */
	struct cw_id *with_id;
	size_t nwith_id;
	int named_alike;
	/* A visit's detainees' access to family [0] and to a lawyer [1] as the form opened with
	 * it: a field left so keeps the record's entries (malloc'd; NULL when none). */
	char *access_opened[2];
};

/* Whether the form's record is marked confidential as a whole (its "confidential" field). */
int cw_form_confidential(const struct cw_form *fm);

/* Opens a form for a new record of `kind` (rec NULL) or for editing rec (copied). */
int cw_form_open(struct cw_form *fm, struct cw_store *st, enum cw_kind kind,
		 const struct cw_record *rec, struct cw_error *err);
void cw_form_free(struct cw_form *fm);

/* A short form for a new record made from `prefill` (its id zero): only the fields named in
 * `show`, in that order, are on it, filled from prefill; everything else prefill holds is
 * saved as it is. The cursor starts on the field named `start`. */
int cw_form_open_quick(struct cw_form *fm, struct cw_store *st, const struct cw_record *prefill,
		       const char *const *show, size_t nshow, const char *start,
		       struct cw_error *err);

/* Fills a person or case field (by form field name) with a record, as a suggestion would:
 * "log a milestone" from a timeline starts with the person given. CW_ENOTFOUND when the form
 * has no such field; a record the store holds and cannot read leaves the field's text empty
 * and is said in fm->message (the store's error, naming it), and its code returned. */
int cw_form_preset_ref(struct cw_form *fm, const char *name, const struct cw_id *id);

/* A new hearing, visit or demonstration is the team's own account while its source says "own
 * observation": called as the cursor leaves a field, when that is the source field the account
 * field shows what a save
 * will keep ("not recorded" once the source names a document or an interview, own again when
 * it says own observation), unless the user picked an account there. */
void cw_form_account_follows(struct cw_form *fm);

/* Finds a field by form field name; -1 when there is none. */
int cw_form_find(const struct cw_form *fm, const char *name);
/* The field an error's field path belongs to ("indicators[2].note" -> the first indicator,
 * "defendants[1]" -> "defendant"); -1 when none. */
int cw_form_field_for_error(const struct cw_form *fm, const char *path);

/* Sets the text of a text field (from $EDITOR, or tests); marks the form changed. */
int cw_form_set_text(struct cw_form *fm, size_t i, const char *text);
/* The value as shown: the text, or the chosen word. */
const char *cw_form_value(const struct cw_form_field *ff);

/* Checks one field on its own (when the cursor leaves it); fills ff->error, and marks again
 * the fields saving requires (cw_form_mark_required). */
int cw_form_check_field(struct cw_form *fm, size_t i);
/* Marks each field saving requires (ff->required), by the rules that refuse the save
 * (cw_record_requires) read on what the form holds now: a Khmer name typed takes the mark off
 * the name, a count of several off the date and the hearing's case, a group off the
 * milestone's person. */
void cw_form_mark_required(struct cw_form *fm);

/* Builds the record from every field into *out (the caller frees it). On error, the field's
 * inline error is set, fm->cur moves to it, and the error is returned in err. */
int cw_form_build(struct cw_form *fm, struct cw_record *out, struct cw_error *err);

/* Builds, validates and writes the record in one transaction. An edit refused because the
 * record changed since the form opened (CW_EREFUSED: another process, a bundle) is put on
 * the stored version by cw_form_rebase and left for the user to check and save again; what
 * they and the other change both touched is named in fm->message. */
int cw_form_save(struct cw_form *fm, struct cw_error *err);

/* Drafts (form_draft.c): the form written down as a draft's body (malloc'd JSON; CW_ENOMEM),
 * filled in again from one (CW_EINVAL when it is not one), and what a list of drafts shows of
 * it (a case, a name, a title ... as typed).
 *
 * A draft of an edit holds the texts the form opened with (fm->base). Applied to a form opened
 * on the record as it is now, a field the user left as it was keeps the record's text of now,
 * and a field the user changed takes the user's text; the labels of the fields that changed on
 * both sides (the user's text kept) go into `both` (", " between; "" when none; NULL: not
 * wanted). */
int cw_form_draft_body(const struct cw_form *fm, char **out);
int cw_form_apply_draft(struct cw_form *fm, const char *body, char *both, size_t len);
/* An edit form put on the record's stored version: reopened on it, with the user's changes
 * applied as a draft's are (above). CW_ENOTFOUND when the record is gone; the form is as it
 * was on any error. */
int cw_form_rebase(struct cw_form *fm, char *both, size_t len, struct cw_error *err);
void cw_form_draft_label(const struct cw_form *fm, char *buf, size_t len);
/* Whether a draft's body is a quick hearing's (cw_form_open_quick), and of which case. */
int cw_form_draft_quick_case(const char *body, struct cw_id *case_id);

/* Recomputes the suggestions for the current field from the store. */
void cw_form_suggest(struct cw_form *fm);

enum cw_form_result {
	CW_FORM_CONTINUE,
	CW_FORM_SAVED,  /* written; fm->saved_id names the record */
	CW_FORM_DRAFT,  /* the user wants it kept as a draft, unfinished (C-t, F3) */
	CW_FORM_CANCEL, /* the user wants to leave: ask first when fm->dirty */
	CW_FORM_EDITOR, /* open $EDITOR on the current field */
	CW_FORM_HELP,
};

/* Handles one key (see keys.h, contexts FORM, CHOICE, TOGGLE, PICKER and EDIT). Enter takes
 * the suggestion shown (or the word picked) and moves to the next field. In a choice field,
 * typing narrows its words to those containing the text (those starting with it first). C-g
 * asks for a field's name (any part of its label) and goes there. A name that matches several
 * people, met by a save or by leaving its field, opens the list of them (fm->which), whose
 * keys (context WHICH) then go to it alone. */
enum cw_form_result cw_form_key(struct cw_form *fm, int key);

/* The key context of the current field (for the help line). */
unsigned cw_form_key_ctx(const struct cw_form *fm);

#endif
