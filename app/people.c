/* people.c - names close to one another; see people.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/people.h"
#include "models/text.h"

/* The name as compared: folded as every search folds (models/text.h: letter case, NFC or
 * NFD, characters that draw nothing such as zero-width spaces and joiners) and without accents
 * ("Sok Sithar" is the "Sok Sīthar" there, typed without the macron; a Khmer vowel sign is no
 * accent), then without its spaces ("Chhim  Sithar", "chhim sithar" and "ChhimSithar" are one
 * name; in Khmer a space, a zero-width space or none between the names likewise). */
static char *fold(const char *s)
{
	char *out = cw_text_fold_unaccented(s);
	size_t n = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; out[i]; i++)
		if (out[i] != ' ')
			out[n++] = out[i];
	out[n] = '\0';
	return out;
}

int cw_names_close(const char *a, const char *b)
{
	char *fa, *fb;
	int close;

	if (!a || !b || !*a || !*b)
		return 0;
	fa = fold(a);
	fb = fold(b);
	/* A byte that is not UTF-8 folds to 0xFF whatever it was: such names are close only when
	 * they are the same bytes. */
	close = fa && fb && *fa && !strcmp(fa, fb) && (!strchr(fa, '\xFF') || !strcmp(a, b));
	free(fa);
	free(fb);
	return close;
}

static int person_close(const struct cw_person *p, const char *name, const char *name_km)
{
	const char *theirs[2] = {p->name, p->name_km}, *ours[2] = {name, name_km};

	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			if (cw_names_close(theirs[i], ours[j]))
				return 1;
	return 0;
}

int cw_person_like(struct cw_store *st, const char *name, const char *name_km,
		   const struct cw_id *self, struct cw_record *found, struct cw_error *err)
{
	struct cw_record_list l;
	struct cw_filter f;
	int rc, hit = 0;

	memset(found, 0, sizeof *found);
	cw_filter_init(&f);
	f.kinds = CW_KIND_BIT(CW_KIND_PERSON);
	if ((rc = cw_store_list(st, &f, f.kinds, CW_ORDER_OLDEST_FIRST, 0, 0, &l, err)) != 0)
		return rc;
	for (size_t i = 0; i < l.n && !hit; i++) {
		if (self && cw_id_equal(&l.items[i].id, self))
			continue;
		if (person_close(&l.items[i].u.person, name, name_km)) {
			if (cw_record_copy(found, &l.items[i]) != 0) {
				cw_record_list_free(&l);
				return cw_error_set(err, CW_ENOMEM, "", "out of memory");
			}
			hit = 1;
		}
	}
	cw_record_list_free(&l);
	return hit;
}

/* The digits of a name, in order, Khmer digits as the ASCII ones they are, into out (at most
 * size - 1 of them). */
static void digits_of(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p && n + 1 < size;
	     p++) {
		if (*p >= '0' && *p <= '9')
			out[n++] = (char)*p;
		else if (p[0] == 0xE1 && p[1] == 0x9F && p[2] >= 0xA0 &&
			 p[2] <= 0xA9) /* U+17E0.. */
			out[n++] = (char)('0' + (p[2] - 0xA0)), p += 2;
	}
	out[n] = '\0';
}

/* Whether two names give the same digits: "Detainee 12" is not a typo of "Detainee 13". */
static int same_digits(const char *a, const char *b)
{
	char da[64], db[64];

	digits_of(a, da, sizeof da);
	digits_of(b, db, sizeof db);
	return strcmp(da, db) == 0;
}

int cw_person_typo(struct cw_store *st, const char *name, struct cw_record *found,
		   struct cw_error *err)
{
	struct cw_id id;
	int rc;

	memset(found, 0, sizeof *found);
	if ((rc = cw_store_closest(st, CW_KIND_PERSON, name, 0, &id, err)) <= 0)
		return rc;
	if ((rc = cw_store_get(st, &id, found, err)) != 0)
		return rc;
	/* Only a name the person has: an absent one has no digits to tell it by ("Prisoner"
	 * beside "Prisoner 7" known only in Latin script). */
	if ((found->u.person.name && *found->u.person.name &&
	     same_digits(name, found->u.person.name)) ||
	    (found->u.person.name_km && *found->u.person.name_km &&
	     same_digits(name, found->u.person.name_km)))
		return 1;
	cw_record_free(found);
	memset(found, 0, sizeof *found);
	return 0;
}
