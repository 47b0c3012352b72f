/* record.c - record lifecycle, field access and validation; see record.h. */
#include "config.h"

#include <ctype.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "models/record.h"
#include "models/text.h"

void *cw_record_body(struct cw_record *rec)
{
	return &rec->u;
}

const void *cw_record_body_const(const struct cw_record *rec)
{
	return &rec->u;
}

void cw_struct_init(void *base, const struct cw_schema *s)
{
	memset(base, 0, s->size);
	for (size_t i = 0; i < s->nfields; i++)
		if (s->fields[i].type == CW_F_INT && !(s->fields[i].flags & CW_FF_HEADER))
			*(int64_t *)((char *)base + s->fields[i].offset) = -1;
}

void cw_field_free(void *base, const struct cw_field *f)
{
	char *p = (char *)base + f->offset;

	if (f->type == CW_F_STR) {
		free(*(char **)p);
		*(char **)p = NULL;
	} else if (f->type == CW_F_LIST) {
		struct cw_list *l = (struct cw_list *)p;

		for (size_t i = 0; i < l->n; i++)
			cw_struct_free((char *)l->items + i * f->sub->size, f->sub);
		free(l->items);
		l->items = NULL;
		l->n = 0;
	}
}

void cw_struct_free(void *base, const struct cw_schema *s)
{
	for (size_t i = 0; i < s->nfields; i++)
		cw_field_free(base, &s->fields[i]);
}

void *cw_list_append(struct cw_list *list, const struct cw_schema *sub)
{
	void *item;

	/* The capacity is the next power of two at or above n, so a list of n items is grown
	 * log n times, not n times (decoding a record appends one item at a time). */
	if (list->n == 0 || (list->n & (list->n - 1)) == 0) {
		size_t cap = list->n ? list->n * 2 : 1;
		void *items = realloc(list->items, cap * sub->size);

		if (!items)
			return NULL;
		list->items = items;
	}
	item = (char *)list->items + list->n * sub->size;
	cw_struct_init(item, sub);
	list->n++;
	return item;
}

int cw_hearing_add_verdicts(struct cw_hearing *h, const char *spec, cw_name_resolver resolve,
			    void *ctx, const char *field, struct cw_error *err)
{
	const struct cw_field *vf =
		cw_schema_field(cw_schema_for_kind(CW_KIND_HEARING), "verdicts");
	struct cw_article arts[CW_ARTICLE_LIST_MAX];
	struct cw_id person = {{0}};
	char buf[600], *result, *name;
	size_t n;
	int res, rc;

	if (strlen(spec) >= sizeof buf)
		return cw_error_set(err, CW_EINVAL, field, "too long");
	strcpy(buf, spec);
	if ((name = strrchr(buf, '@')))
		*name++ = '\0';
	if (!(result = strchr(buf, '=')))
		return cw_error_set(err, CW_EINVAL, field,
				    "write ARTICLES=RESULT[@PERSON], e.g. "
				    "494/495=convicted@\"Chhim Sithar\"");
	*result++ = '\0';
	while (*result == ' ')
		result++;
	for (char *end = result + strlen(result); end > result && end[-1] == ' ';)
		*--end = '\0';
	if ((res = cw_enum_parse(&cw_words_verdict, result)) <= 0)
		return cw_error_set(err, CW_EINVAL, field,
				    "'%.30s' is not a result: convicted, acquitted, dropped, "
				    "requalified, upheld, overturned",
				    result);
	if ((rc = cw_article_parse_list(buf, arts, CW_ARTICLE_LIST_MAX, &n, field, err)) != 0)
		return rc;
	if (name) {
		while (*name == ' ')
			name++;
		if ((rc = resolve(ctx, name, &person, err)) != 0)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		struct cw_verdict *v = cw_list_append(&h->verdicts, vf->sub);

		if (!v)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		v->person = person;
		v->article = arts[i];
		v->result = (uint8_t)res;
	}
	return 0;
}

struct cw_charge *cw_defendant_charge(struct cw_defendant *d, const struct cw_article *a)
{
	/* schema.c keeps the item tables to itself: a defendant's is the case's "defendants". */
	const struct cw_field *df = cw_schema_field(cw_schema_for_kind(CW_KIND_CASE), "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	struct cw_charge *c;

	for (size_t j = 0; j < d->charges.n; j++)
		if (cw_article_same(&((struct cw_charge *)d->charges.items)[j].article, a))
			return (struct cw_charge *)d->charges.items + j;
	if ((c = cw_list_append(&d->charges, cf->sub)))
		c->article = *a;
	return c;
}

void cw_record_init(struct cw_record *rec, enum cw_kind kind)
{
	const struct cw_schema *s = cw_schema_for_kind(kind);

	memset(rec, 0, sizeof *rec);
	rec->kind = (uint8_t)kind;
	if (s)
		cw_struct_init(&rec->u, s);
}

void cw_record_free(struct cw_record *rec)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);

	cw_struct_free(rec, &cw_schema_header);
	if (s)
		cw_struct_free(&rec->u, s);
	memset(rec, 0, sizeof *rec);
}

static int copy_struct(void *dst, const void *src, const struct cw_schema *s)
{
	memcpy(dst, src, s->size);
	/* Detach the owned pointers first so a failure leaves dst freeable. */
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		char *p = (char *)dst + f->offset;

		if (f->type == CW_F_STR)
			*(char **)p = NULL;
		else if (f->type == CW_F_LIST)
			memset(p, 0, sizeof(struct cw_list));
	}
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		const char *sp = (const char *)src + f->offset;
		char *dp = (char *)dst + f->offset;

		if (f->type == CW_F_STR && *(char *const *)sp) {
			if (!(*(char **)dp = strdup(*(char *const *)sp)))
				return CW_ENOMEM;
		} else if (f->type == CW_F_LIST) {
			const struct cw_list *sl = (const struct cw_list *)sp;
			struct cw_list *dl = (struct cw_list *)dp;

			for (size_t j = 0; j < sl->n; j++) {
				void *item = cw_list_append(dl, f->sub);

				if (!item)
					return CW_ENOMEM;
				if (copy_struct(item, (const char *)sl->items + j * f->sub->size,
						f->sub) != 0)
					return CW_ENOMEM;
			}
		}
	}
	return 0;
}

int cw_record_copy(struct cw_record *dst, const struct cw_record *src)
{
	const struct cw_schema *s = cw_schema_for_kind(src->kind);
	int rc;

	cw_record_init(dst, src->kind);
	rc = copy_struct(dst, src, &cw_schema_header);
	dst->kind = src->kind;
	if (rc == 0 && s)
		rc = copy_struct(&dst->u, &src->u, s);
	if (rc != 0)
		cw_record_free(dst);
	return rc;
}

static int is_hhmm(const char *s)
{
	return strlen(s) == 5 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       s[2] == ':' && isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4]) &&
	       (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6';
}

static int field_is_given(const void *base, const struct cw_field *f)
{
	const char *p = (const char *)base + f->offset;

	switch (f->type) {
	case CW_F_STR:
		return *(char *const *)p != NULL && **(char *const *)p != '\0';
	case CW_F_DATE:
		return cw_date_is_known(*(const struct cw_date *)p);
	case CW_F_INT:
		return *(const int64_t *)p >= 0;
	case CW_F_ENUM:
	case CW_F_BOOL:
		return *(const uint8_t *)p != 0;
	case CW_F_SET:
		return *(const uint32_t *)p != 0;
	case CW_F_ID:
		return !cw_id_is_zero((const struct cw_id *)p);
	case CW_F_ARTICLE:
		return ((const struct cw_article *)p)->law != CW_LAW_NONE;
	case CW_F_LIST:
		return ((const struct cw_list *)p)->n > 0;
	}
	return 0;
}

static int validate_struct(const void *base, const struct cw_schema *s, const char *prefix,
			   struct cw_error *err);

static int validate_field(const void *base, const struct cw_field *f, const char *path,
			  struct cw_error *err)
{
	const char *p = (const char *)base + f->offset;

	if (!field_is_given(base, f)) {
		if (f->flags & CW_FF_REQUIRED)
			return cw_error_set(err, CW_EINVAL, path, "is required");
		return 0;
	}
	switch (f->type) {
	case CW_F_STR: {
		const char *text = *(char *const *)p;
		int rc = cw_text_validate(text, (size_t)f->max,
					  f->flags & CW_FF_MULTILINE ? CW_TEXT_MULTILINE : 0, path,
					  err);
		if (rc != 0)
			return rc;
		if ((f->flags & CW_FF_HHMM) && !is_hhmm(text))
			return cw_error_set(err, CW_EINVAL, path,
					    "'%.20s' is not a time; write HH:MM (24-hour)", text);
		return 0;
	}
	case CW_F_INT: {
		int64_t v = *(const int64_t *)p;

		if (v < f->min || v > f->max)
			return cw_error_set(err, CW_EINVAL, path,
					    "%lld is out of range (%lld-%lld)", (long long)v,
					    (long long)f->min, (long long)f->max);
		return 0;
	}
	case CW_F_ENUM:
		if (*(const uint8_t *)p >= f->words->n)
			return cw_error_set(err, CW_EINVAL, path, "value %u is not known",
					    (unsigned)*(const uint8_t *)p);
		return 0;
	case CW_F_SET:
		if (f->words->n < 32 && (*(const uint32_t *)p >> f->words->n) != 0)
			return cw_error_set(err, CW_EINVAL, path, "unknown value in set");
		return 0;
	case CW_F_DATE: {
		struct cw_date d = *(const struct cw_date *)p;
		char text[CW_DATE_TEXT_MAX];
		struct cw_date check;

		cw_date_format(d, text);
		if ((d.month == 0 && d.day != 0) || cw_date_parse(text, &check, path, err) != 0)
			return cw_error_set(err, CW_EINVAL, path, "is not a valid date");
		return 0;
	}
	case CW_F_LIST: {
		const struct cw_list *l = (const struct cw_list *)p;

		if ((int64_t)l->n > f->max)
			return cw_error_set(err, CW_EINVAL, path,
					    "too many items: %zu, at most %lld", l->n,
					    (long long)f->max);
		for (size_t i = 0; i < l->n; i++) {
			char sub[80];
			int rc;

			snprintf(sub, sizeof sub, "%.50s[%zu]", path, (size_t)(i + 1) % 100000);
			rc = validate_struct((const char *)l->items + i * f->sub->size, f->sub, sub,
					     err);
			if (rc != 0)
				return rc;
		}
		return 0;
	}
	default:
		return 0;
	}
}

static int validate_struct(const void *base, const struct cw_schema *s, const char *prefix,
			   struct cw_error *err)
{
	for (size_t i = 0; i < s->nfields; i++) {
		char path[80];
		int rc;

		/* Top-level fields are named as they are; a nested one's path is built only for
		 * it (saving is often bulk: no formatting for the fields that are fine). */
		if (!prefix[0]) {
			rc = validate_field(base, &s->fields[i], s->fields[i].name, err);
		} else {
			snprintf(path, sizeof path, "%.50s.%.20s", prefix, s->fields[i].name);
			rc = validate_field(base, &s->fields[i], path, err);
		}
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Rules that span fields. */
static int validate_kind_rules(const struct cw_record *rec, struct cw_error *err)
{
	if (rec->kind == CW_KIND_CASE) {
		const struct cw_list *ds = &rec->u.kase.defendants;

		for (size_t i = 0; i < ds->n; i++) {
			const struct cw_defendant *d = (const struct cw_defendant *)ds->items + i;
			char path[80];

			snprintf(path, sizeof path, "defendants[%zu]", i + 1);
			/* A group the sources describe without names has a count, a label or
			 * both ("a handful of reporters"); names are never invented. */
			if (cw_id_is_zero(&d->person) && d->unnamed_count < 1 &&
			    !(d->label && *d->label))
				return cw_error_set(err, CW_EINVAL, path,
						    "give a person, or a count or label of unnamed "
						    "defendants");
			if (!cw_id_is_zero(&d->person) &&
			    (d->unnamed_count >= 0 || (d->label && *d->label)))
				return cw_error_set(
					err, CW_EINVAL, path,
					"a named defendant has no unnamed count or label");
			for (size_t j = 0; j < d->charges.n; j++) {
				const struct cw_charge *c =
					(const struct cw_charge *)d->charges.items + j;

				if (c->article.law == CW_LAW_NONE && !(c->offence && *c->offence)) {
					snprintf(path, sizeof path, "defendants[%zu].charges[%zu]",
						 i + 1, j + 1);
					return cw_error_set(err, CW_EINVAL, path,
							    "give an article or an offence");
				}
			}
		}
	} else if (rec->kind == CW_KIND_HEARING) {
		const struct cw_hearing *h = &rec->u.hearing;

		if (h->time && *h->time && cw_date_precision(h->date) != CW_DATE_DAY)
			return cw_error_set(err, CW_EINVAL, "date",
					    "a hearing with a time needs a full date (YYYY-MM-DD)");
		if (cw_date_is_known(h->next_date) && cw_date_compare(h->next_date, h->date) < 0)
			return cw_error_set(err, CW_EINVAL, "next_date",
					    "is before the hearing's own date");
	}
	return 0;
}

int cw_record_validate(const struct cw_record *rec, struct cw_error *err)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	int rc;

	if (!s)
		return cw_error_set(err, CW_EINVAL, "kind", "unknown record kind %u",
				    (unsigned)rec->kind);
	if ((rc = validate_struct(rec, &cw_schema_header, "", err)) != 0)
		return rc;
	if ((rc = validate_struct(&rec->u, s, "", err)) != 0)
		return rc;
	return validate_kind_rules(rec, err);
}

struct cw_date cw_record_date(const struct cw_record *rec)
{
	static const struct cw_date unknown = {0, 0, 0};

	switch (rec->kind) {
	case CW_KIND_CASE:
		return rec->u.kase.opened;
	case CW_KIND_HEARING:
		return rec->u.hearing.date;
	case CW_KIND_VISIT:
		return rec->u.visit.date;
	case CW_KIND_DEMO:
		return rec->u.demo.date;
	case CW_KIND_MILESTONE:
		return rec->u.milestone.date;
	default:
		return unknown;
	}
}

const char *cw_record_label(const struct cw_record *rec)
{
	const char *s = NULL;

	switch (rec->kind) {
	case CW_KIND_PERSON:
		s = rec->u.person.name;
		break;
	case CW_KIND_CASE:
		s = rec->u.kase.title;
		break;
	case CW_KIND_HEARING:
		s = rec->u.hearing.court;
		break;
	case CW_KIND_VISIT:
		s = rec->u.visit.facility;
		break;
	case CW_KIND_DEMO:
		s = rec->u.demo.cause ? rec->u.demo.cause : rec->u.demo.place;
		break;
	case CW_KIND_MILESTONE:
		s = rec->u.milestone.detail;
		break;
	}
	return s ? s : "";
}

int cw_field_set_text(void *base, const struct cw_field *f, const char *text, struct cw_error *err)
{
	char *p = (char *)base + f->offset;

	switch (f->type) {
	case CW_F_STR: {
		char *copy = NULL;

		if (*text && !(copy = strdup(text)))
			return CW_ENOMEM;
		free(*(char **)p);
		*(char **)p = copy;
		return 0;
	}
	case CW_F_DATE:
		return cw_date_parse(text, (struct cw_date *)p, f->name, err);
	case CW_F_INT: {
		char *end;
		long long v;

		if (*text == '\0') {
			*(int64_t *)p = -1;
			return 0;
		}
		v = strtoll(text, &end, 10);
		if (*end || end == text || v < f->min || v > f->max)
			return cw_error_set(err, CW_EINVAL, f->name,
					    "'%.30s' is not a whole number from %lld to %lld", text,
					    (long long)f->min, (long long)f->max);
		*(int64_t *)p = v;
		return 0;
	}
	case CW_F_ENUM: {
		int v = *text ? cw_enum_parse(f->words, text) : 0;

		if (v < 0) {
			char list[256] = "";
			size_t n = 0;

			for (size_t i = 0; i < f->words->n && n < sizeof list; i++)
				if (f->words->words[i][0])
					n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
							      n ? ", " : "", f->words->words[i]);
			return cw_error_set(err, CW_EINVAL, f->name, "'%.30s' is not one of: %s",
					    text, list);
		}
		*(uint8_t *)p = (uint8_t)v;
		return 0;
	}
	case CW_F_SET: {
		/* Comma-separated words; each adds to the set. */
		char buf[512], *save = NULL, *tok;

		if (strlen(text) >= sizeof buf)
			return cw_error_set(err, CW_EINVAL, f->name, "too long");
		strcpy(buf, text);
		for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			int v;

			while (*tok == ' ')
				tok++;
			v = cw_enum_parse(f->words, tok);
			if (v < 0) {
				char list[256] = "";
				size_t n = 0;

				for (size_t i = 0; i < f->words->n && n < sizeof list; i++)
					n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
							      n ? ", " : "", f->words->words[i]);
				return cw_error_set(err, CW_EINVAL, f->name,
						    "'%.30s' is not one of: %s", tok, list);
			}
			*(uint32_t *)p |= UINT32_C(1) << v;
		}
		return 0;
	}
	case CW_F_BOOL:
		if (cw_enum_parse(&cw_words_answer, text) == CW_ANSWER_YES ||
		    !strcmp(text, "true") || !strcmp(text, "1"))
			*(uint8_t *)p = 1;
		else if (cw_enum_parse(&cw_words_answer, text) == CW_ANSWER_NO ||
			 !strcmp(text, "false") || !strcmp(text, "0") || !*text)
			*(uint8_t *)p = 0;
		else
			return cw_error_set(err, CW_EINVAL, f->name, "'%.30s' is not yes or no",
					    text);
		return 0;
	case CW_F_ARTICLE:
		if (*text == '\0') {
			memset(p, 0, sizeof(struct cw_article));
			return 0;
		}
		return cw_article_parse(text, (struct cw_article *)p, f->name, err);
	case CW_F_ID:
		if (cw_id_parse_hex(text, (struct cw_id *)p) != 0)
			return cw_error_set(err, CW_EINVAL, f->name, "'%.40s' is not a record id",
					    text);
		return 0;
	default:
		return cw_error_set(err, CW_EINVAL, f->name, "cannot be set from text");
	}
}

void cw_id_random(struct cw_id *id)
{
	randombytes_buf(id->b, sizeof id->b);
}

void cw_id_from_ref(const char *ref, struct cw_id *id)
{
	static const unsigned char context[] = "casewatch record reference v1";

	crypto_generichash(id->b, sizeof id->b, (const unsigned char *)ref, strlen(ref), context,
			   sizeof context - 1);
}

int cw_id_is_zero(const struct cw_id *id)
{
	for (size_t i = 0; i < sizeof id->b; i++)
		if (id->b[i])
			return 0;
	return 1;
}

int cw_id_equal(const struct cw_id *a, const struct cw_id *b)
{
	return memcmp(a->b, b->b, sizeof a->b) == 0;
}

void cw_id_hex(const struct cw_id *id, char buf[CW_ID_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < sizeof id->b; i++) {
		buf[2 * i] = digits[id->b[i] >> 4];
		buf[2 * i + 1] = digits[id->b[i] & 15];
	}
	buf[CW_ID_HEX_LEN] = '\0';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int cw_id_parse_hex(const char *hex, struct cw_id *id)
{
	if (strlen(hex) != CW_ID_HEX_LEN)
		return -1;
	for (size_t i = 0; i < sizeof id->b; i++) {
		int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		id->b[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

int64_t cw_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
