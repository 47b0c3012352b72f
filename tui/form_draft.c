/* form_draft.c - a form written down as a draft and filled in again from one; see form.h.
 *
 * The body is JSON: {"fields": {NAME: TEXT}, "choices": {NAME: N}, "picked": {NAME: ID},
 * "cur": N, "quick_case": ID}: every field as typed (even text that does not validate yet: a draft
 * keeps what was typed; a date in words as the date it gave), the word chosen in a field of words,
 * the record a suggestion chose; a quick hearing's case, so that reopening it makes the same quick
 * form (with what it filled in and does not show: the court, the defendants present, the account).
 * An edit's draft also holds "base": the same three objects as the form opened, so that only
 * what the user changed is put on the record when it has changed since (a bundle, another
 * laptop's edit): a field's text is the unit of a change, as it is of typing.
 */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "models/i18n.h"
#include "models/text.h"
#include "tui/form_internal.h"

static int has_choice(const struct cw_form_field *ff)
{
	return ff->widget == CW_W_CHOICE || ff->widget == CW_W_TOGGLE ||
	       ff->widget == CW_W_INDICATOR || ff->widget == CW_W_BOOL;
}

/* A field's text as a draft keeps it: a field of words by the table's words, which read the
 * same in any language (the field shows labels); any other, or words that name none yet, as
 * typed. `text` or buf. */
static const char *kept_text(const struct cw_form_field *ff, const char *text, char *buf,
			     size_t len)
{
	if (ff->widget == CW_W_WORDS && cw_words_settle(ff->words, text, buf, len, NULL, 0) == 0)
		return buf;
	return text;
}

/* A draft's text put back in a field: a field of words shows its labels. */
static void put_text(struct cw_form_field *ff, const char *text)
{
	char shown[1024];

	if (ff->widget == CW_W_WORDS &&
	    cw_words_show(ff->words, text, shown, sizeof shown, NULL, 0) == 0)
		text = shown;
	cw_edit_set(&ff->edit, text);
}

int cw_form_draft_body(const struct cw_form *fm, char **out)
{
	json_t *doc = json_object(), *fields = json_object(), *choices = json_object(),
	       *picked = json_object();
	int bad = !doc || !fields || !choices || !picked;

	*out = NULL;
	for (size_t i = 0; i < fm->n && !bad; i++) {
		const struct cw_form_field *ff = &fm->fields[i];
		char hex[CW_ID_HEX_LEN + 1];

		char full[CW_DATE_TEXT_MAX], words[1024];
		const char *text = kept_text(ff, cw_edit_text(&ff->edit), words, sizeof words);
		struct cw_date d;

		/* Every field as it stands, emptied ones too (reopening fills the form from the
		 * record first: a note cleared must stay cleared). A field of words keeps its word,
		 * its edit being only the picker's typing; what is only to read is not kept. */
		if (ff->widget == CW_W_INFO)
			continue;
		/* A date in words is kept as the day it meant: "yesterday" in a draft finished next
		 * week is still the day of the hearing. */
		if (ff->f && ff->f->type == CW_F_DATE && cw_date_is_relative(text) &&
		    cw_date_parse_relative(text, cw_date_today(), &d, ff->name, NULL) == 0) {
			cw_date_format(d, full);
			text = full;
		}
		/* A choice field's edit is only the picker's typing, kept when it names no word
		 * (the form refuses to save it: a draft must not make "refsued" no outcome). */
		if (ff->widget != CW_W_CHOICE || ff->edit.len)
			bad |= json_object_set_new(fields, ff->name, json_string(text));
		if (has_choice(ff))
			bad |= json_object_set_new(choices, ff->name, json_integer(ff->choice));
		if (!cw_id_is_zero(&ff->picked) &&
		    !strcmp(cw_edit_text(&ff->edit), ff->picked_label)) {
			cw_id_hex(&ff->picked, hex);
			bad |= json_object_set_new(picked, ff->name, json_string(hex));
		}
	}
	if (fm->quick && fm->kind == CW_KIND_HEARING && !bad) {
		char hex[CW_ID_HEX_LEN + 1];

		cw_id_hex(&fm->rec.u.hearing.case_id, hex);
		bad |= json_object_set_new(doc, "quick_case", json_string(hex));
	}
	bad |= json_object_set_new(doc, "fields", fields) ||
	       json_object_set_new(doc, "choices", choices) ||
	       json_object_set_new(doc, "picked", picked) ||
	       json_object_set_new(doc, "cur", json_integer((json_int_t)fm->cur));
	if (fm->base && !bad) {
		json_t *base = json_loads(fm->base, 0, NULL);

		bad |= !json_is_object(base);
		json_object_del(base, "cur");
		bad |= json_object_set_new(doc, "base", base);
	}
	if (!bad)
		*out = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(doc);
	return *out ? 0 : CW_ENOMEM;
}

/* A field changed on both sides: its label into `both`, once, and the other version's value
 * (`now`, as the field shows it) kept beside the user's. */
static void note_both(struct cw_form_field *ff, const char *now, char *both, size_t len)
{
	size_t at;

	free(ff->theirs);
	ff->theirs = strdup(now);
	if (!both || len == 0 || strstr(both, ff->label))
		return;
	at = strlen(both);
	snprintf(both + at, len - at, "%s%s", at ? ", " : "", ff->label);
}

/* Whether `mine` is what the form opened with (base's entry for the field): then the user did
 * not change it, and the form's value of now stays. Without a base (a new record's draft),
 * every entry is the user's. */
static int left_as_opened(const json_t *group, const char *name, const json_t *mine)
{
	const json_t *opened = json_object_get(group, name);

	return opened && json_equal(opened, mine);
}

int cw_form_apply_draft(struct cw_form *fm, const char *body, char *both, size_t len)
{
	json_t *doc = json_loads(body, 0, NULL), *fields, *choices, *picked, *cur, *base;
	const char *name;
	json_t *value;

	if (both && len)
		both[0] = '\0';
	if (!doc || !json_is_object(doc)) {
		json_decref(doc);
		return CW_EINVAL;
	}
	fields = json_object_get(doc, "fields");
	choices = json_object_get(doc, "choices");
	picked = json_object_get(doc, "picked");
	base = json_object_get(doc, "base");
	json_object_foreach (picked, name, value) {
		struct cw_id id;
		int i = cw_form_find(fm, name);

		if (i >= 0 && json_is_string(value) &&
		    !left_as_opened(json_object_get(base, "picked"), name, value) &&
		    cw_id_parse_hex(json_string_value(value), &id) == 0)
			cw_form_preset_ref(fm, name, &id);
	}
	/* The text as typed wins over a picked record's name (it may have been changed since). */
	json_object_foreach (fields, name, value) {
		const json_t *opened = json_object_get(json_object_get(base, "fields"), name);
		int i = cw_form_find(fm, name);
		const char *now;
		char words[1024];

		if (i < 0 || !json_is_string(value) || fm->fields[i].widget == CW_W_INFO ||
		    left_as_opened(json_object_get(base, "fields"), name, value))
			continue;
		now = kept_text(&fm->fields[i], cw_edit_text(&fm->fields[i].edit), words,
				sizeof words);
		if (json_is_string(opened) && strcmp(now, json_string_value(opened)) &&
		    strcmp(now, json_string_value(value)))
			note_both(&fm->fields[i], cw_edit_text(&fm->fields[i].edit), both, len);
		put_text(&fm->fields[i], json_string_value(value));
	}
	json_object_foreach (choices, name, value) {
		const json_t *opened = json_object_get(json_object_get(base, "choices"), name);
		int i = cw_form_find(fm, name);
		json_int_t c = json_is_integer(value) ? json_integer_value(value) : -1;
		int n;

		if (i < 0 || !has_choice(&fm->fields[i]) ||
		    left_as_opened(json_object_get(base, "choices"), name, value))
			continue;
		n = fm->fields[i].widget == CW_W_BOOL ? 2 : (int)fm->fields[i].words->n;
		if (c < 0 || c >= n)
			continue;
		if (json_is_integer(opened) && fm->fields[i].choice != json_integer_value(opened) &&
		    fm->fields[i].choice != (int)c)
			note_both(&fm->fields[i],
				  fm->fields[i].widget == CW_W_BOOL
					  ? (fm->fields[i].choice ? _("yes") : _("no"))
					  : cw_enum_label(fm->fields[i].words,
							  (unsigned)fm->fields[i].choice),
				  both, len);
		fm->fields[i].choice = (int)c;
	}
	cur = json_object_get(doc, "cur");
	if (json_is_integer(cur) && json_integer_value(cur) >= 0 &&
	    (size_t)json_integer_value(cur) < fm->n)
		fm->cur = (size_t)json_integer_value(cur);
	json_decref(doc);
	fm->dirty = 1;
	return 0;
}

int cw_form_rebase(struct cw_form *fm, char *both, size_t len, struct cw_error *err)
{
	struct cw_form next;
	struct cw_record now;
	char *body = NULL;
	int rc;

	if (!fm->editing)
		return cw_error_set(err, CW_EINVAL, "record", "a new record has no newer version");
	if (cw_form_draft_body(fm, &body) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory");
	if ((rc = cw_store_get(fm->st, &fm->rec.id, &now, err)) == 0) {
		rc = cw_form_open(&next, fm->st, (enum cw_kind)now.kind, &now, err);
		cw_record_free(&now);
	}
	if (rc == 0 && cw_form_apply_draft(&next, body, both, len) != 0) {
		cw_form_free(&next);
		rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
	}
	free(body);
	if (rc != 0)
		return rc;
	next.draft_id = fm->draft_id;
	next.twice_ok = fm->twice_ok;
	cw_form_free(fm);
	*fm = next;
	return 0;
}

void cw_form_draft_label(const struct cw_form *fm, char *buf, size_t len)
{
	static const char *const first[] = {"case",     "person", "title", "name",
					    "facility", "cause",  "place", "defendant"};

	buf[0] = '\0';
	for (size_t k = 0; k < sizeof first / sizeof first[0]; k++) {
		int i = cw_form_find(fm, first[k]);

		if (i >= 0 && fm->fields[i].edit.len) {
			snprintf(buf, len, "%s", cw_edit_text(&fm->fields[i].edit));
			cw_text_trim_utf8(buf);
			return;
		}
	}
	for (size_t i = 0; i < fm->n; i++)
		if (fm->fields[i].widget != CW_W_CHOICE && fm->fields[i].widget != CW_W_INFO &&
		    fm->fields[i].edit.len) {
			snprintf(buf, len, "%s: %s", fm->fields[i].label,
				 cw_edit_text(&fm->fields[i].edit));
			cw_text_trim_utf8(buf);
			return;
		}
}

int cw_form_draft_quick_case(const char *body, struct cw_id *case_id)
{
	json_t *doc = json_loads(body, 0, NULL), *q = json_object_get(doc, "quick_case");
	int quick = json_is_string(q) && cw_id_parse_hex(json_string_value(q), case_id) == 0;

	json_decref(doc);
	return quick;
}
