/* form_words.c - a field of several words of a table (a person's roles, a visit's concerns, a
 * demonstration's response, the confidential fields): words separated by spaces or commas, a
 * word named by any start that only it has, the word under the cursor completed by Tab or
 * picked from its suggestions. What is saved is the same set of words as before: the text is
 * written back as the table spells the words, in its order, separated by ", " (as a record's
 * value shows in the form), and read by the record's own parser. See form_internal.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "models/i18n.h"
#include "tui/form_internal.h"

/* The longest word of a table, in parts separated by spaces ("union leader"). */
#define WORD_PARTS_MAX 4

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

/* The word `key` names: exactly, or as the start of only one word. -1: none, -2: several. */
static int word_named(const struct cw_enum *w, const char *key)
{
	size_t klen = strlen(key);
	int found = -1;

	if (!klen)
		return -1;
	for (size_t k = 0; k < w->n; k++)
		if (w->words[k][0] && !strcmp(w->words[k], key))
			return (int)k;
	for (size_t k = 0; k < w->n; k++)
		if (w->words[k][0] && !strncmp(w->words[k], key, klen))
			found = found == -1 ? (int)k : -2;
	return found;
}

int cw_words_settle(const struct cw_enum *w, const char *text, char *out, size_t len, char *bad,
		    size_t badlen)
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
					      w->words[k]);
	return len == 0 || o < len ? 0 : CW_ENOMEM;
}

int cw_words_error(const struct cw_enum *w, const char *field, const char *bad,
		   struct cw_error *err)
{
	char key[256], list[400] = "";
	size_t n = 0, klen;
	int several;

	spelling(bad, strlen(bad), key, sizeof key);
	klen = strlen(key);
	several = word_named(w, key) == -2;
	for (size_t k = 0; k < w->n && n < sizeof list; k++)
		if (w->words[k][0] && (!several || !strncmp(w->words[k], key, klen)))
			n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "",
					      w->words[k]);
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
		for (size_t k = 0; k < ff->words->n; k++)
			if (ff->words->words[k][0] &&
			    !strncmp(ff->words->words[k], key, strlen(key))) {
				*from = s;
				return;
			}
	}
}

/* The words the typed text may mean: those whose word or label starts with it (pass 0), or
 * else holds it (pass 1), in the table's order; their count. */
static size_t candidates(const struct cw_enum *w, const char *typed, int pass, int *out, size_t max)
{
	char key[256];
	size_t n = 0, tlen = strlen(typed);

	spelling(typed, tlen, key, sizeof key);
	for (size_t k = 0; k < w->n && tlen; k++) {
		const char *word = w->words[k], *label = cw_enum_label(w, (unsigned)k);
		int fits = pass == 0 ? !strncmp(word, key, strlen(key)) ||
					       !strncasecmp(label, typed, tlen)
				     : strstr(word, key) || strcasestr(label, typed);

		if (!word[0] || !fits)
			continue;
		if (n < max)
			out[n] = (int)k;
		n++;
	}
	return n;
}

/* Replaces the part [from, to) of the field's text with word k; the cursor after it. */
static void put_word(struct cw_form_field *ff, size_t from, size_t to, int k)
{
	const char *text = cw_edit_text(&ff->edit), *word = ff->words->words[k];
	size_t len = strlen(text), wlen = strlen(word);
	char *buf = malloc(len + wlen + 1);

	if (!buf)
		return;
	memcpy(buf, text, from);
	memcpy(buf + from, word, wlen);
	memcpy(buf + from + wlen, text + to, len - to + 1);
	if (cw_edit_set(&ff->edit, buf) == 0)
		ff->edit.cursor = from + wlen;
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
	for (int pass = 0; pass < 2; pass++) {
		size_t n = candidates(ff->words, typed, pass, ks, CW_FORM_SUGGEST_MAX);

		for (size_t i = 0; i < n && i < CW_FORM_SUGGEST_MAX; i++) {
			const char *word = ff->words->words[ks[i]],
				   *label = cw_enum_label(ff->words, (unsigned)ks[i]);
			char shown[300], spelt[256];
			int dup = 0;

			for (size_t s = 0; s < fm->nsugg; s++)
				dup |= fm->sugg_choice[s] == ks[i];
			if (dup || fm->nsugg >= CW_FORM_SUGGEST_MAX)
				continue;
			/* The word, and its label when that says more than the word. */
			spelling(label, strlen(label), spelt, sizeof spelt);
			if (!strcmp(spelt, word))
				snprintf(shown, sizeof shown, "%s", word);
			else
				snprintf(shown, sizeof shown, "%s (%s)", word, label);
			if (!(fm->sugg[fm->nsugg] = strdup(shown)))
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
	put_word(ff, from, to, fm->sugg_choice[fm->sugg_sel]);
	ff->error[0] = '\0';
	fm->dirty = 1;
	cw_form_clear_suggestions(fm);
}

int cw_form_words_complete(struct cw_form *fm)
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
		if ((n = candidates(ff->words, typed, 0, ks, 2)) == 0)
			n = candidates(ff->words, typed, 1, ks, 2);
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
	put_word(ff, from, to, k);
	cw_form_clear_suggestions(fm);
	if (strcmp(typed, ff->words->words[k]) == 0)
		return 1; /* whole already: on to the next field */
	ff->error[0] = '\0';
	fm->dirty = 1;
	return 0; /* completed: stay, for another word */
}

void cw_form_words_settle(struct cw_form_field *ff)
{
	const char *text = cw_edit_text(&ff->edit);
	char out[1024];

	if (ff->widget == CW_W_WORDS &&
	    cw_words_settle(ff->words, text, out, sizeof out, NULL, 0) == 0 &&
	    strcmp(out, text) != 0)
		cw_edit_set(&ff->edit, out);
}
