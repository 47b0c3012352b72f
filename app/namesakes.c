/* namesakes.c - people who share a name: how a form names one, and what tells them apart; see
 * namesakes.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/namesakes.h"
#include "models/text.h"
#include "models/utf8.h"

void cw_namesake_hex(struct cw_store *st, const struct cw_id *id, char hex[CW_ID_HEX_LEN + 1])
{
	char full[CW_ID_HEX_LEN + 1];

	cw_id_hex(id, full);
	for (int n = CW_NAMESAKE_HEX_MIN; n < CW_ID_HEX_LEN; n += 4) {
		struct cw_id found;

		snprintf(hex, CW_ID_HEX_LEN + 1, "%.*s", n, full);
		/* Unique now: a start another record shares finds none (CW_EAMBIGUOUS). One not
		 * here (a record not read back yet) takes the fewest digits. */
		if (cw_store_find_id(st, hex, &found, NULL) != CW_EAMBIGUOUS)
			return;
	}
	memcpy(hex, full, sizeof full);
}

void cw_namesake_text_id(struct cw_store *st, const struct cw_record *person, char *buf, size_t len)
{
	const char *label = cw_record_label(person);
	char hex[CW_ID_HEX_LEN + 1];

	/* The id says which, after the name, which is cut first when the room is short. */
	cw_namesake_hex(st, &person->id, hex);
	if (strlen(label) + strlen(hex) + 4 > len && len > strlen(hex) + 4) {
		snprintf(buf, len - strlen(hex) - 3, "%s", label);
		cw_text_trim_utf8(buf);
		snprintf(buf + strlen(buf), len - strlen(buf), " (%s)", hex);
	} else {
		snprintf(buf, len, "%s (%s)", label, hex);
	}
}

/* Whether cw_store_resolve reads text as a name, not as a reference or the start of an id:
 * then the people whose whole name it is are the answer when there are any (an exact name
 * wins), and the index of people by name gives them with no walk of the people. */
static int typed_as_name(const char *text)
{
	return strncmp(text, "ref:", 4) != 0 && !cw_id_prefix_typed(text);
}

int cw_namesake_text(struct cw_store *st, const struct cw_record *person, char *buf, size_t len,
		     struct cw_error *err)
{
	const char *label = cw_record_label(person);
	int shared = 1;

	(void)err;
	if (*label) {
		struct cw_id found;
		struct cw_error none;
		struct cw_record_list l;
		int rc;

		/* A read that fails (another person's record damaged) cannot say: the id is
		 * written then, which names them whatever the others are. */
		cw_error_clear(&none);
		if (typed_as_name(label)) {
			/* Typing their name finds them alone when no one else bears it whole. */
			rc = cw_store_people_named(st, label, 2, &l, &none);
			shared = rc != 0 || l.n != 1 || !cw_id_equal(&l.items[0].id, &person->id);
			if (rc == 0)
				cw_record_list_free(&l);
		} else {
			rc = cw_store_resolve(st, CW_KIND_PERSON, label, &found, NULL, &none);
			shared = rc != 0 || !cw_id_equal(&found, &person->id);
		}
	}
	if (shared)
		cw_namesake_text_id(st, person, buf, len);
	else
		snprintf(buf, len, "%s", label);
	return 0;
}

/* "NAME (HEX)": the name, trimmed, into name and the digits into hex; 0 when text is not so. */
static int split_named(const char *text, char *name, size_t nlen, char hex[CW_ID_HEX_LEN + 1])
{
	const char *open = strrchr(text, '('), *close = text + strlen(text);
	size_t digits, n;

	while (close > text && close[-1] == ' ')
		close--;
	if (!open || close == text || close[-1] != ')')
		return 0;
	close--;
	digits = (size_t)(close - open - 1);
	if (digits < CW_NAMESAKE_HEX_MIN || digits > CW_ID_HEX_LEN ||
	    strspn(open + 1, "0123456789abcdefABCDEF") != digits)
		return 0;
	snprintf(hex, CW_ID_HEX_LEN + 1, "%.*s", (int)digits, open + 1);
	for (n = (size_t)(open - text); n && text[n - 1] == ' '; n--)
		;
	while (n && *text == ' ')
		text++, n--;
	if (n >= nlen)
		return 0; /* longer than any name: no name of one */
	snprintf(name, nlen, "%.*s", (int)n, text);
	return 1;
}

int cw_namesake_has_id(const char *text)
{
	char name[256], hex[CW_ID_HEX_LEN + 1];

	return split_named(text, name, sizeof name, hex);
}

/* Whether `name` is a person's Latin or Khmer name, whole (both folded as searches fold): a
 * name that only holds it is another person's (Sok Darapheap is not Sok Dara). */
static int name_is(const struct cw_person *p, const char *name)
{
	char *folded = cw_text_fold(name);
	int yes;

	if (!folded)
		return 0;
	yes = (p->name && cw_text_equals_folded(p->name, folded)) ||
	      (p->name_km && cw_text_equals_folded(p->name_km, folded));
	free(folded);
	return yes;
}

/* The person "NAME (HEX)" names by the id: 0, or why not (CW_EINVAL: no such id, a start
 * several ids share, another kind's id, a name that is not theirs), or the error of a read that
 * failed. */
static int by_id(struct cw_store *st, const char *text, const char *name, const char *hex,
		 struct cw_id *out, struct cw_error *err)
{
	struct cw_record rec;
	int rc = cw_store_find_id(st, hex, out, err);

	if (rc == CW_ENOTFOUND || rc == CW_EINVAL)
		return cw_error_set(err, CW_EINVAL, "person",
				    "no person here has the id %.32s ('%.60s')", hex, text);
	if (rc == CW_EAMBIGUOUS)
		return cw_error_set(err, CW_EINVAL, "person",
				    "%.32s starts several ids: give more of its digits ('%.60s')",
				    hex, text);
	if (rc != 0 || (rc = cw_store_get(st, out, &rec, err)) != 0)
		return rc;
	if (rec.kind != CW_KIND_PERSON)
		rc = cw_error_set(err, CW_EINVAL, "person", "%.32s is a %s's id, not a person's",
				  hex, cw_kind_text(rec.kind));
	else if (*name && !name_is(&rec.u.person, name))
		rc = cw_error_set(err, CW_EINVAL, "person",
				  "%.32s is the id of %.60s, not of '%.60s': give the name and id "
				  "of one person",
				  hex, cw_record_label(&rec), name);
	cw_record_free(&rec);
	return rc;
}

/* cw_store_resolve, a person: of the candidates of a name that matches several, those whose
 * name it is whole, when there are any (two called Sok Dara, not Sok Darapheap with them: the
 * name was typed in full, and an exact name wins as cw_store_resolve has it), read from the
 * index of people by name; the search for a part of a name only when no one bears it whole. */
static int resolve_name(struct cw_store *st, const char *text, struct cw_id *out,
			struct cw_record_list *cands, struct cw_error *err)
{
	size_t whole = 0;
	int rc;

	/* Those who bear the whole name, from the index of people by name: no walk of the
	 * people unless no one does (a part of a name, a typo: cw_store_resolve's search). */
	if (typed_as_name(text)) {
		struct cw_record_list named;
		size_t n;

		if ((rc = cw_store_people_named(st, text, 0, &named, err)) != 0)
			return rc;
		if ((n = named.n) == 1)
			*out = named.items[0].id;
		if (n > 1 && cands)
			*cands = named; /* theirs now */
		else
			cw_record_list_free(&named);
		if (n == 1)
			return 0;
		if (n > 1)
			return cw_error_set(err, CW_EAMBIGUOUS, "person",
					    "'%.60s' matches %zu %s records; give more of the name "
					    "or an id",
					    text, n, cw_kind_text(CW_KIND_PERSON));
	}
	rc = cw_store_resolve(st, CW_KIND_PERSON, text, out, cands, err);

	if (rc != CW_EAMBIGUOUS || !cands)
		return rc;
	for (size_t i = 0; i < cands->n; i++)
		whole += name_is(&cands->items[i].u.person, text);
	if (!whole || whole == cands->n)
		return rc;
	for (size_t i = 0, k = 0; i < cands->n; i++) {
		if (name_is(&cands->items[i].u.person, text))
			cands->items[k++] = cands->items[i];
		else
			cw_record_free(&cands->items[i]);
	}
	cands->n = whole;
	return cw_error_set(err, rc, "person",
			    "'%.60s' matches %zu %s records; give more of the name or an id", text,
			    whole, cw_kind_text(CW_KIND_PERSON));
}

int cw_namesake_resolve(struct cw_store *st, const char *text, struct cw_id *out,
			struct cw_record_list *cands, struct cw_error *err)
{
	char name[256], hex[CW_ID_HEX_LEN + 1];
	struct cw_error why;
	int rc, named;

	if (!split_named(text, name, sizeof name, hex))
		return resolve_name(st, text, out, cands, err);
	cw_error_clear(&why);
	if ((rc = by_id(st, text, name, hex, out, &why)) != CW_EINVAL) {
		if (err)
			*err = why;
		return rc;
	}
	/* A name of its own that ends so, "Sok Dara (19800101)" (a date of birth written to
	 * tell two apart): a name. Else what the id says; never CW_ENOTFOUND, which a form reads
	 * as a new person to add, who would be named with another's id. */
	named = resolve_name(st, text, out, cands, err);
	if (named != CW_ENOTFOUND)
		return named;
	if (err)
		*err = why;
	return rc;
}

/* Appends a case's title to the list of them ("; " between), while the whole title fits. */
static void add_case(struct cw_namesake *ns, const char *title)
{
	size_t at = strlen(ns->cases);

	ns->ncases++;
	if (!*title || at + strlen(title) + 3 > sizeof ns->cases)
		return;
	snprintf(ns->cases + at, sizeof ns->cases - at, "%s%s", at ? "; " : "", title);
}

int cw_namesake_describe(struct cw_store *st, const struct cw_record *person,
			 struct cw_namesake *out, struct cw_error *err)
{
	const struct cw_person *p = &person->u.person;
	struct cw_record_list l;
	int rc;

	memset(out, 0, sizeof *out);
	out->id = person->id;
	out->born = -1;
	cw_namesake_hex(st, &person->id, out->hex);
	snprintf(out->name, sizeof out->name, "%s", cw_record_label(person));
	cw_text_trim_utf8(out->name);
	/* The label is the Latin name when there is one: the Khmer one beside it. */
	if (p->name && *p->name && p->name_km && *p->name_km) {
		snprintf(out->other, sizeof out->other, "%s", p->name_km);
		cw_text_trim_utf8(out->other);
	}
	out->born = p->birth_year >= 0 ? p->birth_year : -1;
	out->sex = p->sex;
	snprintf(out->province, sizeof out->province, "%s", p->province ? p->province : "");
	cw_text_trim_utf8(out->province);
	snprintf(out->affiliation, sizeof out->affiliation, "%s",
		 p->affiliation ? p->affiliation : "");
	cw_text_trim_utf8(out->affiliation);
	if ((rc = cw_store_person_records(st, &person->id,
					  CW_KIND_BIT(CW_KIND_CASE) | CW_KIND_BIT(CW_KIND_VISIT),
					  &l, err)) != 0)
		return rc;
	/* Oldest first, undated ones last: walked back from the end, the newest case comes
	 * first, and the first visit met is the latest (a visit is dated when logged). */
	for (size_t i = l.n; i-- > 0;) {
		const struct cw_record *r = &l.items[i];

		if (r->kind == CW_KIND_CASE)
			add_case(out, cw_record_label(r));
		else if (r->kind == CW_KIND_VISIT && !out->facility[0] && r->u.visit.facility) {
			snprintf(out->facility, sizeof out->facility, "%s", r->u.visit.facility);
			cw_text_trim_utf8(out->facility);
			out->seen = r->u.visit.date;
		}
	}
	cw_record_list_free(&l);
	return 0;
}
