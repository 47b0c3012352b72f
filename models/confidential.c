/* confidential.c - confidential records and fields; see confidential.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "models/confidential.h"
#include "models/i18n.h"

_Static_assert(CW_CONF_NFIELDS <= 32, "a bit per confidential field");

const char *cw_confidential_text(void)
{
	return _("[confidential]");
}

/* The body field (or header field, NULL schema) a word stands for in a kind. */
static const struct cw_field *word_field(enum cw_kind kind, unsigned word, int *header)
{
	const struct cw_schema *s = cw_schema_for_kind(kind);

	*header = 0;
	if (!s || word >= CW_CONF_NFIELDS)
		return NULL;
	switch ((enum cw_conf_field)word) {
	case CW_CONF_NAME:
	case CW_CONF_AFFILIATION:
		return kind == CW_KIND_PERSON
			       ? cw_schema_field(s, word == CW_CONF_NAME ? "name" : "affiliation")
			       : NULL;
	case CW_CONF_SOURCE:
		*header = 1;
		return cw_schema_field(&cw_schema_header, "source");
	case CW_CONF_NOTES:
		return cw_schema_field(s, "notes");
	case CW_CONF_FOLLOW_UP:
		return kind == CW_KIND_VISIT ? cw_schema_field(s, "follow_up") : NULL;
	case CW_CONF_DETAIL:
		return kind == CW_KIND_MILESTONE || kind == CW_KIND_INCIDENT
			       ? cw_schema_field(s, "detail")
			       : NULL;
	case CW_CONF_CONCERNS:
		return kind == CW_KIND_VISIT ? cw_schema_field(s, "concerns") : NULL;
	case CW_CONF_DETAINEES:
		return kind == CW_KIND_VISIT ? cw_schema_field(s, "detainees") : NULL;
	case CW_CONF_NFIELDS:
		break;
	}
	return NULL;
}

int cw_confidential_field_applies(enum cw_kind kind, unsigned word)
{
	int header;

	return word_field(kind, word, &header) != NULL;
}

const struct cw_enum *cw_confidential_words_for(enum cw_kind kind)
{
	static const char *words[CW_KIND_COUNT][CW_CONF_NFIELDS];
	static struct cw_enum tables[CW_KIND_COUNT];

	if ((unsigned)kind >= CW_KIND_COUNT)
		kind = CW_KIND_NONE; /* no word applies */
	/* Filled on every call with the same words: no state to get wrong. */
	for (unsigned w = 0; w < CW_CONF_NFIELDS && w < cw_words_confidential_field.n; w++)
		words[kind][w] = cw_confidential_field_applies(kind, w)
					 ? cw_words_confidential_field.words[w]
					 : "";
	tables[kind].words = words[kind];
	tables[kind].n = cw_words_confidential_field.n < CW_CONF_NFIELDS
				 ? cw_words_confidential_field.n
				 : CW_CONF_NFIELDS;
	tables[kind].labels = cw_words_confidential_field.labels;
	return &tables[kind];
}

int cw_confidential_validate(const struct cw_record *rec, struct cw_error *err)
{
	for (unsigned w = 0; w < 32; w++) {
		if (!(rec->confidential_fields & (UINT32_C(1) << w)))
			continue;
		if (w >= CW_CONF_NFIELDS)
			return cw_error_set(err, CW_EINVAL, "confidential_fields",
					    "names a field this casewatch does not know");
		if (!cw_confidential_field_applies((enum cw_kind)rec->kind, w))
			return cw_error_set(err, CW_EINVAL, "confidential_fields",
					    "a %s has no field '%s'",
					    cw_kind_name((enum cw_kind)rec->kind),
					    cw_words_confidential_field.words[w]);
	}
	return 0;
}

int cw_record_has_confidential(const struct cw_record *rec)
{
	return rec->confidential || rec->confidential_fields;
}

/* The bit of rec's confidential_fields that marks its field `name` (the body's, or the header's
 * "source"; a person's "name_km" goes with the name), when that bit is set; 0 otherwise. */
static uint32_t field_mark(const struct cw_record *rec, const char *name)
{
	for (unsigned w = 0; w < CW_CONF_NFIELDS; w++) {
		const struct cw_field *f;
		int header;

		if (!(rec->confidential_fields & (UINT32_C(1) << w)) ||
		    !(f = word_field((enum cw_kind)rec->kind, w, &header)))
			continue;
		if (!strcmp(f->name, name) || (w == CW_CONF_NAME && !strcmp(name, "name_km")) ||
		    (w == CW_CONF_DETAINEES && !strcmp(name, "detainee_access")))
			return UINT32_C(1) << w;
	}
	return 0;
}

/* After content of src's field (schema name) went into dst: what protected it there protects
 * it in dst. Returns rc, the taking's code, unchanged. */
static int keep_marks(int rc, struct cw_record *dst, const struct cw_record *src, const char *name)
{
	if (rc != 0)
		return rc;
	if (src->confidential)
		dst->confidential = 1;
	dst->confidential_fields |= field_mark(src, name);
	return 0;
}

int cw_confidential_take_field(struct cw_record *dst, const struct cw_record *src, const char *name)
{
	int rc = cw_record_take_field(dst, src, name, &name);

	return keep_marks(rc, dst, src, name);
}

int cw_confidential_join_field(struct cw_record *dst, const struct cw_record *src, const char *name,
			       const char *who)
{
	int rc = cw_record_join_field(dst, src, name, who, &name);

	return keep_marks(rc, dst, src, name);
}

const char *cw_confidential_mark(const struct cw_record *rec)
{
	return rec->confidential ? "[C] " : rec->confidential_fields ? "[c] " : "";
}

int cw_record_field_is_confidential(const struct cw_record *rec, const char *name)
{
	return field_mark(rec, name) != 0;
}

int cw_record_named_withheld(const struct cw_record *rec)
{
	return rec->confidential ||
	       (rec->kind == CW_KIND_PERSON && cw_record_field_is_confidential(rec, "name"));
}

/* Puts the placeholder in a string field that holds text. */
static int withhold_text(char **p, size_t *n)
{
	char *text;

	if (!*p || !**p)
		return 0;
	if (!(text = strdup(cw_confidential_text())))
		return CW_ENOMEM;
	free(*p);
	*p = text;
	(*n)++;
	return 0;
}

/* Empties a confidential field that has no text to stand "[confidential]" in (a set of words,
 * a list of people), marking it withheld when it held anything. */
static void withhold_other(struct cw_record *rec, unsigned w, const struct cw_field *f, size_t *n)
{
	char *p = (char *)cw_record_body(rec) + f->offset;

	/* Each detainee's access to a lawyer and family names them: it goes with them. */
	if (w == CW_CONF_DETAINEES && rec->kind == CW_KIND_VISIT)
		cw_field_free(
			cw_record_body(rec),
			cw_schema_field(cw_schema_for_kind(CW_KIND_VISIT), "detainee_access"));
	if (f->type == CW_F_SET && *(uint32_t *)p) {
		*(uint32_t *)p = 0;
	} else if (f->type == CW_F_LIST && ((struct cw_list *)p)->n) {
		cw_field_free(cw_record_body(rec), f);
	} else {
		return;
	}
	rec->withheld_fields |= UINT32_C(1) << w;
	(*n)++;
}

int cw_record_withhold_fields(struct cw_record *rec, size_t *withheld)
{
	size_t n = 0;
	int rc = 0;

	for (unsigned w = 0; w < CW_CONF_NFIELDS && rc == 0; w++) {
		const struct cw_field *f;
		int header;

		if (!(rec->confidential_fields & (UINT32_C(1) << w)) ||
		    !(f = word_field((enum cw_kind)rec->kind, w, &header)))
			continue;
		if (f->type != CW_F_STR) {
			if (!header)
				withhold_other(rec, w, f, &n);
			continue;
		}
		rc = withhold_text(
			(char **)((char *)(header ? (void *)rec : cw_record_body(rec)) + f->offset),
			&n);
		if (rc == 0 && w == CW_CONF_NAME && rec->u.person.name_km) {
			/* Known only in Khmer script: the placeholder takes the name's place,
			 * so the person still has one. */
			if (!rec->u.person.name) {
				if (!(rec->u.person.name = strdup(cw_confidential_text())))
					rc = CW_ENOMEM;
				n++;
			}
			free(rec->u.person.name_km);
			rec->u.person.name_km = NULL;
		}
	}
	if (withheld)
		*withheld = n;
	return rc;
}

size_t cw_record_withheld_fields(const struct cw_record *rec)
{
	size_t n = 0;

	for (unsigned w = 0; w < CW_CONF_NFIELDS; w++) {
		const struct cw_field *f;
		const char *text;
		int header;

		if (!(rec->confidential_fields & (UINT32_C(1) << w)) ||
		    !(f = word_field((enum cw_kind)rec->kind, w, &header)) || f->type != CW_F_STR)
			continue;
		text = *(const char *const *)((const char *)(header ? (const void *)rec
								    : cw_record_body_const(rec)) +
					      f->offset);
		n += text && !strcmp(text, cw_confidential_text());
	}
	for (unsigned w = 0; w < CW_CONF_NFIELDS; w++)
		n += cw_record_field_withheld(rec, (enum cw_conf_field)w);
	return n;
}

int cw_record_field_withheld(const struct cw_record *rec, enum cw_conf_field word)
{
	return (unsigned)word < 32 && (rec->withheld_fields & (UINT32_C(1) << word)) != 0;
}

int cw_visit_detainees_not_met(const struct cw_record *rec)
{
	return rec->kind == CW_KIND_VISIT && cw_visit_met_no_one(&rec->u.visit) &&
	       (rec->u.visit.detainees.n || cw_record_field_withheld(rec, CW_CONF_DETAINEES));
}

int cw_record_people_confidential(const struct cw_record *rec)
{
	/* A visit is filed under its detainees alone (store/keys.c). */
	return rec->kind == CW_KIND_VISIT &&
	       (rec->confidential_fields & (UINT32_C(1) << CW_CONF_DETAINEES));
}

int cw_record_withhold_all(struct cw_record *rec)
{
	struct cw_record bare;
	char *text = strdup(cw_confidential_text());

	if (!text)
		return CW_ENOMEM;
	cw_record_init(&bare, (enum cw_kind)rec->kind);
	bare.id = rec->id;
	bare.confidential = 1;
	if (rec->kind == CW_KIND_PERSON)
		bare.u.person.name = text;
	else if (rec->kind == CW_KIND_CASE)
		bare.u.kase.title = text;
	else
		free(text);
	cw_record_free(rec);
	*rec = bare;
	return 0;
}
