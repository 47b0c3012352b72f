/* form_words.c - a field of several words of a table (a person's roles, a visit's concerns, a
 * demonstration's response, the confidential fields): words separated by spaces or commas, a
 * word named by its label in the interface's language or by its stored word, or by any start
 * that only it has, the word under the cursor completed by Tab or picked from its suggestions.
 * The field shows and completes labels, as a choice field shows its label: a monitor reads
 * "union leader" (or its Khmer), never "union_leader". What is saved is the same set of stable
 * words as before: the text is settled into the table's words, in its order, separated by ", ",
 * and read by the record's own parser. See form_internal.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/i18n.h"
#include "models/text.h"
#include "tui/form_internal.h"

/* The longest word or label of a table, in parts separated by spaces ("name (Latin and Khmer
 * script)" has five); check_tui's test_words_labels_round_trip holds every table to it. */
#define WORD_PARTS_MAX 8

static int is_sep(char c)
{
	return c == ',' || c == ' ' || c == '\t' || c == '\n';
}

/* Typed text as a table spells its words: lower case, '_' for each run of spaces and for '-'
 * (as the record's parser compares them). */
static void spelling(const char *typed, size_t n, char *out, size_t len)
{
	size_t o = 0;

	for (size_t i = 0; i < n && o + 1 < len; i++) {
		char c = typed[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '-') {
			if (o && out[o - 1] == '_')
				continue;
			c = '_';
		} else if (c >= 'A' && c <= 'Z') {
			c = (char)(c - 'A' + 'a');
		}
		out[o++] = c;
	}
	out[o] = '\0';
}

/* The label of word k, in the interface's language, spelt as spelling() spells typed text
 * ("Buddhist monk" -> "buddhist_monk"), so that either is compared the same way. */
static void label_spelling(const struct cw_enum *w, size_t k, char *out, size_t len)
{
	const char *label = cw_enum_label(w, (unsigned)k);

	spelling(label, strlen(label), out, len);
}

/* Whether word k is named by `key` (a spelling): exactly (whole), or by its start. */
static int names(const struct cw_enum *w, size_t k, const char *key, int whole)
{
	char label[256];
	size_t klen = strlen(key);

	if (!w->words[k][0])
		return 0;
	label_spelling(w, k, label, sizeof label);
	if (whole)
		return !strcmp(w->words[k], key) || !strcmp(label, key);
	return !strncmp(w->words[k], key, klen) || !strncmp(label, key, klen);
}

/* The word `key` names: its word or label exactly, or the start of only one word's word or
 * label. -1: none, -2: several. */
static int word_named(const struct cw_enum *w, const char *key)
{
	int found = -1;

	if (!key[0])
		return -1;
	for (size_t k = 0; k < w->n; k++)
		if (names(w, k, key, 1))
			return (int)k;
	for (size_t k = 0; k < w->n; k++)
		if (names(w, k, key, 0))
			found = found == -1 ? (int)k : -2;
	return found;
}

/* Whether some word or label starts with `key`. */
static int starts_some(const struct cw_enum *w, const char *key)
{
	for (size_t k = 0; k < w->n; k++)
		if (names(w, k, key, 0))
			return 1;
	return 0;
}

/* The text as a set of words, written as their words or, when `labels`, their labels. */
static int settle(const struct cw_enum *w, const char *text, int labels, char *out, size_t len,
		  char *bad, size_t badlen)
{
	uint32_t set = 0;
	size_t o = 0, at = 0, textlen = strlen(text);
	int nbad = 0;

	if (badlen)
		bad[0] = '\0';
	while (at < textlen) {
		size_t start[WORD_PARTS_MAX], end[WORD_PARTS_MAX], nt = 0, took = 0;
		char key[256];
		int k = -1;

		/* The next tokens of the same part (a comma ends a part), up to a word's length. */
		for (size_t p = at; p < textlen && nt < WORD_PARTS_MAX;) {
			while (p < textlen && is_sep(text[p]) && text[p] != ',')
				p++;
			if (p >= textlen || text[p] == ',')
				break;
			start[nt] = p;
			while (p < textlen && !is_sep(text[p]))
				p++;
			end[nt++] = p;
		}
		if (!nt) { /* only separators up to the next comma */
			at += strspn(text + at, " \t\n");
			at += at < textlen && text[at] == ',';
			continue;
		}
		/* The most tokens that name one word ("union leader" before "union"). */
		for (took = nt; took > 0; took--) {
			spelling(text + start[0], end[took - 1] - start[0], key, sizeof key);
			if ((k = word_named(w, key)) >= 0)
				break;
		}
		if (took) {
			set |= k < 32 ? UINT32_C(1) << k : 0; /* a set holds 32 words */
		} else {
			if (!nbad++ && badlen)
				snprintf(bad, badlen, "%.*s", (int)(end[0] - start[0]),
					 text + start[0]);
			took = 1;
		}
		at = end[took - 1];
	}
	if (nbad)
		return nbad;
	if (len)
		out[0] = '\0';
	for (size_t k = 0; k < w->n && k < 32 && len; k++)
		if (set & (UINT32_C(1) << k))
			o += (size_t)snprintf(out + o, o < len ? len - o : 0, "%s%s", o ? ", " : "",
					      labels ? cw_enum_label(w, (unsigned)k) : w->words[k]);
	return len == 0 || o < len ? 0 : CW_ENOMEM;
}

int cw_words_settle(const struct cw_enum *w, const char *text, char *out, size_t len, char *bad,
		    size_t badlen)
{
	return settle(w, text, 0, out, len, bad, badlen);
}

int cw_words_show(const struct cw_enum *w, const char *text, char *out, size_t len, char *bad,
		  size_t badlen)
{
	return settle(w, text, 1, out, len, bad, badlen);
}

int cw_words_error(const struct cw_enum *w, const char *field, const char *bad,
		   struct cw_error *err)
{
	char key[256], list[1200] = "";
	size_t n = 0;
	int several;

	/* The words are listed as the field shows them: by their labels. */
	spelling(bad, strlen(bad), key, sizeof key);
	several = word_named(w, key) == -2;
	for (size_t k = 0; k < w->n && n < sizeof list; k++)
		if (w->words[k][0] && (!several || names(w, k, key, 0)))
			n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "",
					      cw_enum_label(w, (unsigned)k));
	cw_text_trim_utf8(list); /* Khmer labels take 3 bytes a letter: never cut one */
	if (several)
		return cw_error_set(err, CW_EINVAL, field, "'%.30s' could be %s: type more of it",
				    bad, list);
	return cw_error_set(err, CW_EINVAL, field,
			    "'%.30s' is none of the words (spaces or commas between them): %s", bad,
			    list);
}

/* The part of the text the cursor is in that suggestions are for: its word, with the words
 * before it in the same part when together they start a word ("union l"). */
static void current_span(const struct cw_form_field *ff, size_t *from, size_t *to)
{
	const char *text = cw_edit_text(&ff->edit);
	size_t cur = ff->edit.cursor, part = cur, word = cur;

	*to = cur;
	while (text[*to] && !is_sep(text[*to]))
		(*to)++;
	while (word > 0 && !is_sep(text[word - 1]))
		word--;
	while (part > 0 && text[part - 1] != ',')
		part--;
	*from = word;
	if (word == *to)
		return;
	for (size_t s = part; s < word; s++) {
		char key[256];

		if (is_sep(text[s]) || (s > part && !is_sep(text[s - 1])))
			continue;
		spelling(text + s, *to - s, key, sizeof key);
		if (starts_some(ff->words, key)) {
			*from = s;
			return;
		}
	}
}

/* The words the typed text may mean: those whose word or label it is (pass 0), or starts
 * with it (pass 1), or else holds it (pass 2), in the table's order; their count. */
static size_t candidates(const struct cw_enum *w, const char *typed, int pass, int *out, size_t max)
{
	char key[256], label[256];
	size_t n = 0;

	spelling(typed, strlen(typed), key, sizeof key);
	for (size_t k = 0; k < w->n && key[0]; k++) {
		int fits;

		label_spelling(w, k, label, sizeof label);
		fits = pass < 2 ? names(w, k, key, pass == 0)
				: strstr(w->words[k], key) != NULL || strstr(label, key) != NULL;
		if (!w->words[k][0] || !fits)
			continue;
		if (n < max)
			out[n] = (int)k;
		n++;
	}
	return n;
}

/* Replaces the part [from, to) of the field's text with word k's label; the cursor after it. */
/* Puts word k over text[from, to). With `more`, a word put at the end is followed by ", ", so
 * that the next one is typed straight after it (leaving the field takes the separator away:
 * cw_form_words_settle). */
static void put_word(struct cw_form_field *ff, size_t from, size_t to, int k, int more)
{
	const char *text = cw_edit_text(&ff->edit), *word = cw_enum_label(ff->words, (unsigned)k);
	size_t len = strlen(text), wlen = strlen(word);
	const char *sep = more && !text[to] ? ", " : "";
	size_t slen = strlen(sep);
	char *buf = malloc(len + wlen + slen + 1);

	if (!buf)
		return;
	memcpy(buf, text, from);
	memcpy(buf + from, word, wlen);
	memcpy(buf + from + wlen, sep, slen);
	memcpy(buf + from + wlen + slen, text + to, len - to + 1);
	if (cw_edit_set(&ff->edit, buf) == 0)
		ff->edit.cursor = from + wlen + slen;
	free(buf);
}

void cw_form_words_suggest(struct cw_form *fm)
{
	struct cw_form_field *ff = &fm->fields[fm->cur];
	size_t from, to;
	int ks[CW_FORM_SUGGEST_MAX];
	char typed[256];

	cw_form_clear_suggestions(fm);
	current_span(ff, &from, &to);
	if (from == to || to - from >= sizeof typed)
		return;
	snprintf(typed, sizeof typed, "%.*s", (int)(to - from), cw_edit_text(&ff->edit) + from);
	/* The word typed in full first: Enter takes the first, and a word that starts another
	 * listed before it must not give way to it (as in a choice field: form_keys.c). */
	for (int pass = 0; pass < 3; pass++) {
		size_t n = candidates(ff->words, typed, pass, ks, CW_FORM_SUGGEST_MAX);

		for (size_t i = 0; i < n && i < CW_FORM_SUGGEST_MAX; i++) {
			int dup = 0;

			for (size_t s = 0; s < fm->nsugg; s++)
				dup |= fm->sugg_choice[s] == ks[i];
			if (dup || fm->nsugg >= CW_FORM_SUGGEST_MAX)
				continue;
			/* By its label, as the field shows it once taken. */
			if (!(fm->sugg[fm->nsugg] =
				      strdup(cw_enum_label(ff->words, (unsigned)ks[i]))))
				return;
			memset(&fm->sugg_id[fm->nsugg], 0, sizeof fm->sugg_id[0]);
			fm->sugg_choice[fm->nsugg++] = ks[i];
		}
	}
}

void cw_form_words_take(struct cw_form *fm)
{
	struct cw_form_field *ff = &fm->fields[fm->cur];
	size_t from, to;

	if (!fm->nsugg)
		return;
	current_span(ff, &from, &to);
	put_word(ff, from, to, fm->sugg_choice[fm->sugg_sel], 1);
	ff->error[0] = '\0';
	fm->dirty = 1;
	cw_form_clear_suggestions(fm);
}

/* Whether the field's text leaves some word of its table out: one more may be typed. */
static int room_for_more(const struct cw_form_field *ff)
{
	char out[1024];
	size_t taken = 0, words = 0;

	if (cw_words_settle(ff->words, cw_edit_text(&ff->edit), out, sizeof out, NULL, 0) != 0)
		return 1; /* a part names no word: saving will say so; another may follow */
	for (const char *p = out; *p; p++)
		taken += p == out || (p[0] == ',' && p[1] == ' ');
	for (size_t k = 0; k < ff->words->n && k < 32; k++)
		words += ff->words->words[k][0] != '\0';
	return taken < words;
}

int cw_form_words_complete(struct cw_form *fm, int last)
{
	struct cw_form_field *ff = &fm->fields[fm->cur];
	size_t from, to, n;
	char typed[256], key[256];
	int ks[2], k;

	current_span(ff, &from, &to);
	if (from == to || to - from >= sizeof typed)
		return 1;
	snprintf(typed, sizeof typed, "%.*s", (int)(to - from), cw_edit_text(&ff->edit) + from);
	spelling(typed, strlen(typed), key, sizeof key);
	/* A word written out, or a start only one word has, a label's included. */
	if ((k = word_named(ff->words, key)) < 0) {
		if ((n = candidates(ff->words, typed, 1, ks, 2)) == 0)
			n = candidates(ff->words, typed, 2, ks, 2);
		if (n == 0)
			return 1; /* none: leaving the field says so */
		if (n > 1) {
			/* Several: the choices are shown; Tab again takes the one chosen. */
			if (fm->offered && fm->nsugg) {
				cw_form_words_take(fm);
				return 0;
			}
			cw_form_words_suggest(fm);
			fm->offered = 1;
			return 0;
		}
		k = ks[0];
	}
	if (strcmp(typed, cw_enum_label(ff->words, (unsigned)k)) == 0) {
		cw_form_clear_suggestions(fm);
		/* Whole already, as shown: on to the next field. The last field has none to go
		 * to: Tab stays there, as on every form's last field, and puts the separator after
		 * the word, as it does after one it completes, so that what is typed next is
		 * another word ("notes" then "follow" was "notesfollow"). */
		if (!last || cw_edit_text(&ff->edit)[to] || !room_for_more(ff))
			return 1;
		put_word(ff, from, to, k, 1);
		fm->dirty = 1;
		return 0;
	}
	put_word(ff, from, to, k, 1);
	cw_form_clear_suggestions(fm);
	ff->error[0] = '\0';
	fm->dirty = 1;
	return 0; /* completed: stay, for another word */
}

void cw_form_words_settle(struct cw_form_field *ff)
{
	const char *text = cw_edit_text(&ff->edit);
	char out[1024];

	if (ff->widget == CW_W_WORDS &&
	    cw_words_show(ff->words, text, out, sizeof out, NULL, 0) == 0 && strcmp(out, text) != 0)
		cw_edit_set(&ff->edit, out);
}
