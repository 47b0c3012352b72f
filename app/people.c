/* people.c - names close to one another; see people.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app/people.h"
#include "models/text.h"

/* The name as compared: ASCII letters in lower case, spaces and characters that draw nothing
 * left out ("Chhim  Sithar", "chhim sithar" and "ChhimSithar" are one name; in Khmer a space,
 * a zero-width space or none between the names likewise). */
static char *fold(const char *s)
{
	size_t len = strlen(s), n = 0;
	char *out = malloc(len + 1);

	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = cw_utf8_decode(s + i, len - i, &cp);

		if (!k) { /* not UTF-8: taken byte by byte */
			out[n++] = s[i++];
			continue;
		}
		if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
		    cp == 0x00AD) {
			i += k;
			continue;
		}
		if (cp == ' ' || cp == '\t' || cp == 0x00A0 || cp == 0x3000) {
			i += k;
			continue;
		}
		if (k == 1 && cp >= 'A' && cp <= 'Z')
			out[n++] = (char)(cp - 'A' + 'a');
		else
			memcpy(out + n, s + i, k), n += k;
		i += k;
	}
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
	close = fa && fb && *fa && !strcmp(fa, fb);
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
