/* form_keys.c - what a key does in a form: move, choose, edit, pick, save; see form.h. */
#include "config.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "models/i18n.h"
#include "models/text.h"
#include "tui/form_internal.h"
#include "tui/keys.h"

/* Puts the selected suggestion into the field. */
static void accept_suggestion(struct cw_form *fm)
{
	struct cw_form_field *ff = &fm->fields[fm->cur];
	const char *s = fm->sugg[fm->sugg_sel];

	if (ff->widget == CW_W_WORDS) {
		cw_form_words_take(fm);
		return;
	}
	if (ff->widget == CW_W_CHOICE) {
		ff->choice = fm->sugg_choice[fm->sugg_sel];
		cw_edit_set(&ff->edit, "");
	} else if (ff->widget == CW_W_PEOPLE || ff->widget == CW_W_LINKS ||
		   (ff->multi && strchr(cw_edit_text(&ff->edit), ';'))) {
		const char *text = cw_edit_text(&ff->edit), *semi = strrchr(text, ';');
		char buf[1200];

		snprintf(buf, sizeof buf, "%.*s%s%s", semi ? (int)(semi - text + 1) : 0, text,
			 semi ? " " : "", s);
		cw_edit_set(&ff->edit, buf);
	} else if (ff->widget == CW_W_PERSON || ff->widget == CW_W_CASE) {
		ff->picked = fm->sugg_id[fm->sugg_sel];
		snprintf(ff->picked_label, sizeof ff->picked_label, "%s", s);
		cw_edit_set(&ff->edit, s);
	} else {
		cw_edit_set(&ff->edit, s);
	}
	ff->error[0] = '\0';
	fm->dirty = 1;
	cw_form_clear_suggestions(fm);
}

unsigned cw_form_key_ctx(const struct cw_form *fm)
{
	const struct cw_form_field *ff = fm->n ? &fm->fields[fm->cur] : NULL;

	if (!ff)
		return 0;
	if (fm->which)
		return CW_CTX_WHICH; /* the list of people a name matches: its keys alone */
	switch (ff->widget) {
	case CW_W_INFO:
		return 0; /* to read: only the form's keys */
	case CW_W_CHOICE:
		return CW_CTX_CHOICE | CW_CTX_PICKER;
	case CW_W_TOGGLE:
	case CW_W_INDICATOR:
	case CW_W_BOOL:
		return CW_CTX_TOGGLE;
	case CW_W_WORDS:
	case CW_W_PERSON:
	case CW_W_PEOPLE:
	case CW_W_CASE:
	case CW_W_COURT:
	case CW_W_PRISON:
	case CW_W_PROVINCE:
	case CW_W_LINKS:
		return CW_CTX_PICKER | CW_CTX_EDIT;
	default:
		return CW_CTX_EDIT;
	}
}

/* Leaving a choice field with words typed: the word its picker shows is taken, as Enter
 * takes it (Tab after "adj" means adjourned, not an outcome left unknown); text that matched
 * nothing stays, for the error to point at: dropped, a typo for "refused" saved a bail with
 * no outcome, read as granted. A field of several words shows them as the table spells them
 * ("wat" is water) when each part names one; else it keeps what was typed, alike. */
static void settle_choice(struct cw_form *fm)
{
	struct cw_form_field *ff = fm->n ? &fm->fields[fm->cur] : NULL;

	if (ff && ff->widget == CW_W_WORDS)
		cw_form_words_settle(ff);
	if (!ff || ff->widget != CW_W_CHOICE || !ff->edit.len)
		return;
	if (fm->nsugg)
		accept_suggestion(fm);
}

static void move_field(struct cw_form *fm, int delta)
{
	struct cw_form_field *ff;
	int leaves;

	if (!fm->n)
		return;
	ff = &fm->fields[fm->cur];
	leaves = delta > 0 ? fm->cur + 1 < fm->n : fm->cur > 0;
	/* A field of words settles as it is left; on the first or the last field, which Tab
	 * does not leave, the separator after its last word stays, for the next word. */
	if (leaves || ff->widget != CW_W_WORDS)
		settle_choice(fm);
	/* A name that matches several people: the list of them, to choose one, before the
	 * cursor goes on (unless Esc closed it on this very text). */
	fm->amb_n = 0;
	if (cw_form_check_field(fm, fm->cur) == CW_EAMBIGUOUS && fm->amb_n &&
	    fm->amb_field == fm->cur &&
	    !(ff->declined && !strcmp(ff->declined, cw_edit_text(&ff->edit))) &&
	    cw_form_which_open(fm, delta))
		return;
	cw_form_account_follows(fm);
	fm->typing = 0;
	if (delta > 0 && fm->cur + 1 < fm->n)
		fm->cur++;
	else if (delta < 0 && fm->cur > 0)
		fm->cur--;
	cw_form_offer(fm);
}

void cw_form_move(struct cw_form *fm, int delta)
{
	move_field(fm, delta);
}

enum cw_form_result cw_form_save_key(struct cw_form *fm)
{
	struct cw_error err;
	int rc;

	settle_choice(fm);
	fm->tried_save = 1;
	fm->amb_n = 0;
	if ((rc = cw_form_save(fm, &err)) == 0)
		return CW_FORM_SAVED;
	cw_form_clear_suggestions(fm);
	/* Stopped at a name that matches several people: which one is meant (Enter then saves
	 * again). */
	if (rc == CW_EAMBIGUOUS && fm->amb_n && fm->amb_field == fm->cur)
		cw_form_which_open(fm, 0);
	return CW_FORM_CONTINUE;
}

/* How well typed text names word k of a choice field: 0 its stored word or its label
 * exactly, 1 the start of either, 2 held in either, 3 not at all (letter case aside). */
static int choice_rank(const struct cw_enum *words, size_t k, const char *typed, size_t tlen)
{
	const char *label = cw_enum_label(words, (unsigned)k), *word = words->words[k];

	if (!strcasecmp(word, typed) || !strcasecmp(label, typed))
		return 0;
	if (!strncasecmp(word, typed, tlen) || !strncasecmp(label, typed, tlen))
		return 1;
	return strcasestr(word, typed) || strcasestr(label, typed) ? 2 : 3;
}

/* Where typed text is held in word k's label or word, the earlier of the two (in bytes); for
 * choice_rank 2. */
static size_t choice_offset(const struct cw_enum *words, size_t k, const char *typed)
{
	const char *label = cw_enum_label(words, (unsigned)k), *word = words->words[k];
	const char *in_label = strcasestr(label, typed), *in_word = strcasestr(word, typed);
	size_t a = in_label ? (size_t)(in_label - label) : SIZE_MAX;
	size_t b = in_word ? (size_t)(in_word - word) : SIZE_MAX;

	return a < b ? a : b;
}

/* A choice field's picker: its words whose label or word holds what was typed, the one it
 * names exactly first, then those that start with it, then the rest, the earliest held first
 * (Khmer writes no space between words: "ជំនុំ" is held early in "ការជំនុំជម្រះ", trial, and
 * late in "រង់ចាំការជំនុំជម្រះ", awaiting trial, which a Khmer monitor was given), each group
 * otherwise in the table's order. The first is what Enter, Tab and C-s take, so a word typed
 * in full must be it: "un", the word --view takes, also starts "unknown", listed before it, and
 * a UN account was saved as "not recorded". */
static void narrow_choice(struct cw_form *fm, struct cw_form_field *ff)
{
	const char *typed = cw_edit_text(&ff->edit);
	size_t tlen = strlen(typed), start;

	cw_form_clear_suggestions(fm);
	if (!tlen)
		return;
	for (int rank = 0; rank < 3; rank++) {
		start = fm->nsugg;
		for (size_t k = 0; k < ff->words->n && fm->nsugg < CW_FORM_SUGGEST_MAX; k++) {
			if (choice_rank(ff->words, k, typed, tlen) != rank)
				continue;
			if (!(fm->sugg[fm->nsugg] = strdup(cw_enum_label(ff->words, (unsigned)k))))
				return;
			fm->sugg_choice[fm->nsugg++] = (int)k;
		}
		/* Those held inside, the earliest first; equal ones stay in the table's order. */
		for (size_t i = start + 1; rank == 2 && i < fm->nsugg; i++) {
			size_t at = choice_offset(ff->words, (size_t)fm->sugg_choice[i], typed);
			char *s = fm->sugg[i];
			int c = fm->sugg_choice[i];
			size_t j = i;

			for (; j > start &&
			       choice_offset(ff->words, (size_t)fm->sugg_choice[j - 1], typed) > at;
			     j--) {
				fm->sugg[j] = fm->sugg[j - 1];
				fm->sugg_choice[j] = fm->sugg_choice[j - 1];
			}
			fm->sugg[j] = s;
			fm->sugg_choice[j] = c;
		}
	}
}

/* C-g: the field whose label holds the text (its start first), or -1. */
static int field_named(const struct cw_form *fm, const char *text)
{
	size_t tlen = strlen(text);

	if (!tlen)
		return -1;
	/* The label or the English name exactly ("monitors" is the team in court, not
	 * "monitors admitted", which it begins); then by its label as shown, its start first;
	 * then by its English name (what the command line's options and the manual call it:
	 * "article" finds it on Khmer screens too). */
	for (int pass = 0; pass < 4; pass++)
		for (size_t i = 0; i < fm->n; i++)
			if (pass == 0 ? !strcasecmp(fm->fields[i].label, text) ||
						!strcasecmp(fm->fields[i].name, text)
			    : pass == 1 ? !strncasecmp(fm->fields[i].label, text, tlen)
			    : pass == 2 ? strcasestr(fm->fields[i].label, text) != NULL
					: strcasestr(fm->fields[i].name, text) != NULL)
				return (int)i;
	return -1;
}

static enum cw_form_result jump_key(struct cw_form *fm, int key)
{
	enum cw_action a = cw_keys_lookup(CW_CTX_EDIT, key);
	int i;

	if (a == CW_ACT_NONE)
		a = cw_keys_lookup(CW_CTX_FORM, key);
	switch (a) {
	case CW_ACT_ENTER:
		if ((i = field_named(fm, cw_edit_text(&fm->jump))) < 0) {
			cw_text_format(fm->message, sizeof fm->message,
				       _("no field is called '%.60s'"), cw_edit_text(&fm->jump));
			return CW_FORM_CONTINUE;
		}
		cw_form_check_field(fm, fm->cur);
		cw_form_account_follows(fm);
		fm->cur = (size_t)i;
		fm->jumping = 0;
		fm->message[0] = '\0';
		cw_form_offer(fm);
		return CW_FORM_CONTINUE;
	case CW_ACT_CANCEL:
		fm->jumping = 0;
		fm->message[0] = '\0';
		return CW_FORM_CONTINUE;
	case CW_ACT_BACKSPACE:
		cw_edit_backspace(&fm->jump);
		return CW_FORM_CONTINUE;
	case CW_ACT_KILL_LINE:
		cw_edit_set(&fm->jump, "");
		return CW_FORM_CONTINUE;
	default:
		if (!CW_KEY_IS_FN(key) && key >= 0x20 && key <= 0x10FFFF && fm->jump.len < 60)
			cw_edit_insert(&fm->jump, (unsigned)key);
		return CW_FORM_CONTINUE;
	}
}

/* What the message line says while a note is typed on a field that has no note of its own.
 * The record has no other place for it (a visit holds one answer for a private interview,
 * nothing beside it), so when the notes are confidential the note is withheld with them: said
 * then, since a plain fact ("a guard listened in") a monitor means for the report stays out
 * of it. */
static void no_note_message(const struct cw_form *fm, const struct cw_form_field *ff, char *buf,
			    size_t len)
{
	if (cw_form_notes_confidential(fm))
		snprintf(buf, len,
			 _("'%s' has no note of its own: this one goes into the notes, which are "
			   "confidential: it is left out of reports with them"),
			 ff->label);
	else
		snprintf(buf, len, _("'%s' has no note of its own: this one goes into the notes"),
			 ff->label);
	cw_text_trim_utf8(buf);
}

/* ':' on a field answered yes or no: an indicator's note; on another such field a note for the
 * notes, which the message line says at once (or that the form has no notes to put it in). */
static void start_note(struct cw_form *fm, struct cw_form_field *ff)
{
	cw_form_clear_suggestions(fm);
	if (ff->widget != CW_W_INDICATOR && cw_form_find(fm, "notes") < 0) {
		snprintf(fm->message, sizeof fm->message,
			 _("'%s' takes no note, and this form has no notes to put one in"),
			 ff->label);
		cw_text_trim_utf8(fm->message);
		return;
	}
	fm->noting = 1;
	if (ff->widget != CW_W_INDICATOR)
		no_note_message(fm, ff, fm->message, sizeof fm->message);
}

/* The note ends: kept beside an indicator, put into the notes from any other field. */
static void end_note(struct cw_form *fm, struct cw_form_field *ff)
{
	char said[sizeof fm->message];

	fm->noting = 0;
	if (ff->widget == CW_W_INDICATOR)
		return;
	no_note_message(fm, ff, said, sizeof said);
	if (!strcmp(fm->message, said))
		fm->message[0] = '\0';
	cw_form_note_into_notes(fm, (size_t)(ff - fm->fields));
}

/* A note after ':': the keys edit it until Enter, Tab or Esc ends it. */
static enum cw_form_result note_key(struct cw_form *fm, struct cw_form_field *ff, int key)
{
	enum cw_action a = cw_keys_lookup(CW_CTX_EDIT, key);

	if (a == CW_ACT_NONE)
		a = cw_keys_lookup(CW_CTX_FORM, key);
	switch (a) {
	case CW_ACT_ENTER:
	case CW_ACT_NEXT_FIELD:
	case CW_ACT_PREV_FIELD:
	case CW_ACT_CANCEL:
		end_note(fm, ff);
		if (a == CW_ACT_ENTER || a == CW_ACT_NEXT_FIELD)
			move_field(fm, 1);
		else if (a == CW_ACT_PREV_FIELD)
			move_field(fm, -1);
		return CW_FORM_CONTINUE;
	case CW_ACT_SAVE:
	case CW_ACT_SAVE_DRAFT:
	case CW_ACT_GO_TO_FIELD:
	case CW_ACT_FORM_HELP:
		/* The form's own keys work from a note too; the note stays as typed. */
		end_note(fm, ff);
		return cw_form_key(fm, key);
	case CW_ACT_BACKSPACE:
		cw_edit_backspace(&ff->edit);
		break;
	case CW_ACT_KILL_LINE:
		cw_edit_set(&ff->edit, "");
		break;
	case CW_ACT_KILL_WORD:
		cw_edit_kill_word(&ff->edit);
		break;
	case CW_ACT_CURSOR_LEFT:
		cw_edit_left(&ff->edit);
		return CW_FORM_CONTINUE;
	case CW_ACT_CURSOR_RIGHT:
		cw_edit_right(&ff->edit);
		return CW_FORM_CONTINUE;
	default:
		if (CW_KEY_IS_FN(key) || key < 0x20 || key > 0x10FFFF ||
		    cw_edit_insert(&ff->edit, (unsigned)key) != 0)
			return CW_FORM_CONTINUE;
		break;
	}
	fm->dirty = 1;
	ff->error[0] = '\0';
	return CW_FORM_CONTINUE;
}

static void choose(struct cw_form_field *ff, int value, int step)
{
	int n = ff->widget == CW_W_BOOL ? 2 : (int)ff->words->n;

	if (step)
		value = ((ff->choice + step) % n + n) % n;
	ff->choice = value;
	ff->error[0] = '\0';
}

/* Up or Down in a note wrapped over several rows, as it was last drawn: to the row above or
 * below (cw_edit_move_row). 0 when there is no such row: the key then moves between fields,
 * as on any other field. */
static int note_row_move(struct cw_form_field *ff, int delta)
{
	return ff->widget == CW_W_NOTES && cw_edit_move_row(&ff->edit, ff->wrap_cols, delta);
}

enum cw_form_result cw_form_key(struct cw_form *fm, int key)
{
	struct cw_form_field *ff = fm->n ? &fm->fields[fm->cur] : NULL;
	unsigned ctx = cw_form_key_ctx(fm);
	enum cw_action a = CW_ACT_NONE;

	if (!ff)
		return CW_FORM_CANCEL;
	fm->tried_save = 0;
	if (fm->which)
		return cw_form_which_key(fm, key);
	if (fm->jumping)
		return jump_key(fm, key);
	if (fm->noting)
		return note_key(fm, ff, key);
	if (cw_form_takes_note(ff) && key == ':') {
		start_note(fm, ff); /* the note, typed after the answer */
		return CW_FORM_CONTINUE;
	}
	/* The field's own keys first (a toggle's y/n), then the form's, then text editing. */
	if (ctx & (CW_CTX_CHOICE | CW_CTX_TOGGLE | CW_CTX_PICKER))
		a = cw_keys_lookup(ctx & (CW_CTX_CHOICE | CW_CTX_TOGGLE | CW_CTX_PICKER), key);
	if (a == CW_ACT_NONE)
		a = cw_keys_lookup(CW_CTX_FORM, key);
	if (a == CW_ACT_NONE && ((ctx & CW_CTX_EDIT) || ff->widget == CW_W_CHOICE))
		a = cw_keys_lookup(CW_CTX_EDIT, key);
	switch (a) {
	case CW_ACT_NEXT_FIELD:
		/* Down in a note of several rows goes to the row below first. */
		if (key == CW_FN(KEY_DOWN) && note_row_move(ff, 1))
			return CW_FORM_CONTINUE;
		/* A field of words: Tab completes the word at the cursor first, and stays to show
		 * the choices when several words fit it (or, on the last field, for another). */
		if (ff->widget == CW_W_WORDS &&
		    !cw_form_words_complete(fm, key != CW_FN(KEY_DOWN) && fm->cur + 1 >= fm->n))
			return CW_FORM_CONTINUE;
		move_field(fm, 1);
		return CW_FORM_CONTINUE;
	case CW_ACT_PREV_FIELD:
		if (key == CW_FN(KEY_UP) && note_row_move(ff, -1))
			return CW_FORM_CONTINUE;
		move_field(fm, -1);
		return CW_FORM_CONTINUE;
	case CW_ACT_ENTER:
		/* A suggestion taken, the field is done: on to the next one; but a field of words
		 * stays, with the separator after the word taken, for another word (a visit's
		 * second concern); Enter with nothing offered then goes on. */
		if (fm->nsugg) {
			int words = ff->widget == CW_W_WORDS;

			accept_suggestion(fm);
			if (!words)
				move_field(fm, 1);
		} else if (ff->widget == CW_W_NOTES) {
			cw_edit_insert(&ff->edit, '\n');
			fm->dirty = 1;
		} else {
			move_field(fm, 1);
		}
		return CW_FORM_CONTINUE;
	case CW_ACT_SAVE:
		return cw_form_save_key(fm);
	case CW_ACT_CANCEL:
		if (fm->nsugg) {                       /* first Esc closes the suggestions */
			if (ff->widget == CW_W_CHOICE) /* ... and a picker's words with them */
				cw_edit_set(&ff->edit, "");
			cw_form_clear_suggestions(fm);
			return CW_FORM_CONTINUE;
		}
		return CW_FORM_CANCEL;
	case CW_ACT_EDITOR:
		return ff->widget == CW_W_NOTES ? CW_FORM_EDITOR : CW_FORM_CONTINUE;
	case CW_ACT_FORM_HELP:
		return CW_FORM_HELP;
	case CW_ACT_SAVE_DRAFT:
		settle_choice(fm);
		cw_form_clear_suggestions(fm);
		return CW_FORM_DRAFT;
	case CW_ACT_GO_TO_FIELD:
		settle_choice(fm);
		fm->jumping = 1;
		cw_edit_set(&fm->jump, "");
		cw_form_clear_suggestions(fm);
		return CW_FORM_CONTINUE;
	case CW_ACT_CHOICE_NEXT:
	case CW_ACT_CHOICE_PREV:
		choose(ff, 0, a == CW_ACT_CHOICE_NEXT ? 1 : -1);
		if (ff->widget == CW_W_CHOICE) { /* cycling ends the typing */
			cw_edit_set(&ff->edit, "");
			cw_form_clear_suggestions(fm);
		}
		fm->dirty = 1;
		return CW_FORM_CONTINUE;
	case CW_ACT_ANSWER_YES:
	case CW_ACT_ANSWER_NO:
	case CW_ACT_ANSWER_NA:
	case CW_ACT_ANSWER_UNKNOWN: {
		int v = a == CW_ACT_ANSWER_YES  ? CW_ANSWER_YES
			: a == CW_ACT_ANSWER_NO ? CW_ANSWER_NO
			: a == CW_ACT_ANSWER_NA ? CW_ANSWER_NA
						: CW_ANSWER_UNKNOWN;

		if (ff->widget == CW_W_BOOL)
			v = v == CW_ANSWER_YES;
		choose(ff, v, 0);
		fm->dirty = 1;
		return CW_FORM_CONTINUE;
	}
	case CW_ACT_PICK_NEXT:
	case CW_ACT_PICK_PREV:
		if (!fm->nsugg && ff->widget == CW_W_CHOICE)
			narrow_choice(fm, ff);
		else if (!fm->nsugg && ff->widget == CW_W_LINKS)
			cw_form_links_suggest(fm, 1); /* every record near the date */
		else if (!fm->nsugg)
			cw_form_suggest(fm);
		else if (a == CW_ACT_PICK_NEXT)
			fm->sugg_sel = (fm->sugg_sel + 1) % fm->nsugg;
		else
			fm->sugg_sel = (fm->sugg_sel + fm->nsugg - 1) % fm->nsugg;
		fm->offered = fm->nsugg > 0; /* a field of words: Tab takes the one chosen */
		return CW_FORM_CONTINUE;
	case CW_ACT_CURSOR_LEFT:
	case CW_ACT_CURSOR_RIGHT:
	case CW_ACT_LINE_START:
	case CW_ACT_LINE_END:
		if (a == CW_ACT_CURSOR_LEFT)
			cw_edit_left(&ff->edit);
		else if (a == CW_ACT_CURSOR_RIGHT)
			cw_edit_right(&ff->edit);
		else if (a == CW_ACT_LINE_START)
			cw_edit_home(&ff->edit);
		else
			cw_edit_end(&ff->edit);
		fm->typing = fm->cur + 1;
		return CW_FORM_CONTINUE;
	case CW_ACT_BACKSPACE:
	case CW_ACT_DELETE_CHAR:
	case CW_ACT_KILL_LINE:
	case CW_ACT_KILL_WORD:
		if (ff->widget == CW_W_CHOICE) {
			/* a word typed wrong goes at once with the line's and word's keys */
			if (a == CW_ACT_KILL_LINE || a == CW_ACT_KILL_WORD)
				cw_edit_set(&ff->edit, "");
			else
				cw_edit_backspace(&ff->edit);
			ff->error[0] = '\0';
			narrow_choice(fm, ff);
			return CW_FORM_CONTINUE;
		}
		if (a == CW_ACT_BACKSPACE)
			cw_edit_backspace(&ff->edit);
		else if (a == CW_ACT_DELETE_CHAR)
			cw_edit_delete(&ff->edit);
		else if (a == CW_ACT_KILL_LINE)
			cw_edit_set(&ff->edit, "");
		else
			cw_edit_kill_word(&ff->edit);
		break;
	default:
		if (ff->widget == CW_W_CHOICE && !CW_KEY_IS_FN(key) && key > 0x20 &&
		    key <= 0x10FFFF && ff->edit.len < 40) {
			cw_edit_insert(&ff->edit, (unsigned)key);
			narrow_choice(fm, ff);
			return CW_FORM_CONTINUE;
		}
		if (!(ctx & CW_CTX_EDIT) || CW_KEY_IS_FN(key) || key < 0 || key > 0x10FFFF ||
		    cw_edit_insert(&ff->edit, (unsigned)key) != 0)
			return CW_FORM_CONTINUE;
		break;
	}
	/* The text changed. */
	fm->dirty = 1;
	fm->typing = fm->cur + 1;
	ff->error[0] = '\0';
	if (ctx & CW_CTX_PICKER)
		cw_form_suggest(fm);
	return CW_FORM_CONTINUE;
}
