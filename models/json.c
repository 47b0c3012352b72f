/* json.c - records to and from JSON; see json.h. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"

void cw_time_format(int64_t us, char buf[32])
{
	time_t secs = (time_t)(us / 1000000);
	struct tm tm;

	gmtime_r(&secs, &tm);
	/* The modulos bound each field's width for the compiler; the values are in range. */
	snprintf(buf, 32, "%04u-%02u-%02uT%02u:%02u:%02u.%06uZ",
		 (unsigned)(tm.tm_year + 1900) % 10000u, (unsigned)(tm.tm_mon + 1) % 100u,
		 (unsigned)tm.tm_mday % 100u, (unsigned)tm.tm_hour % 100u,
		 (unsigned)tm.tm_min % 100u, (unsigned)tm.tm_sec % 100u, (unsigned)(us % 1000000));
}

int cw_time_parse(const char *text, int64_t *us)
{
	static const char layout[] = "dddd-dd-ddTdd:dd:dd";
	int y, mo, d, h, mi, s, n = 0;
	long frac = 0;
	struct cw_date date;

	/* Exactly the digits cw_time_format writes: sscanf alone would take "20-2-7T9:3:0Z". */
	for (int i = 0; layout[i]; i++)
		if (layout[i] == 'd' ? !isdigit((unsigned char)text[i]) : text[i] != layout[i])
			return -1;
	if (sscanf(text, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &n) != 6)
		return -1;
	text += n;
	if (*text == '.') {
		int digits = 0;

		text++;
		while (*text >= '0' && *text <= '9' && digits < 6) {
			frac = frac * 10 + (*text++ - '0');
			digits++;
		}
		while (digits++ < 6)
			frac *= 10;
	}
	/* Only the times cw_time_format writes: none before 1970 (a negative time, which it
	 * cannot write) and no leap second (:60: the clock's times have none; in year 9999 it
	 * would roll over into a year of five digits). */
	if (strcmp(text, "Z") != 0 || y < 1970 || mo < 1 || mo > 12 || d < 1 ||
	    d > cw_date_days_in_month(y, mo) || h > 23 || mi > 59 || s > 59)
		return -1;
	date.year = (uint16_t)y;
	date.month = (uint8_t)mo;
	date.day = (uint8_t)d;
	*us = ((int64_t)cw_date_to_days(date) * 86400 + h * 3600 + mi * 60 + s) * 1000000 + frac;
	return 0;
}

static json_t *struct_to_json(const void *base, const struct cw_schema *s);

static json_t *field_to_json(const void *base, const struct cw_field *f)
{
	const char *p = (const char *)base + f->offset;

	switch (f->type) {
	case CW_F_STR: {
		const char *text = *(char *const *)p;

		return text && *text ? json_string(text) : NULL;
	}
	case CW_F_DATE: {
		char buf[CW_DATE_TEXT_MAX];

		cw_date_format(*(const struct cw_date *)p, buf);
		return buf[0] ? json_string(buf) : NULL;
	}
	case CW_F_INT: {
		int64_t v = *(const int64_t *)p;

		return v >= 0 ? json_integer((json_int_t)v) : NULL;
	}
	case CW_F_ENUM: {
		uint8_t v = *(const uint8_t *)p;

		return v ? json_string(cw_enum_word(f->words, v)) : NULL;
	}
	case CW_F_BOOL:
		return *(const uint8_t *)p ? json_true() : NULL;
	case CW_F_SET: {
		uint32_t v = *(const uint32_t *)p;
		json_t *arr;

		if (!v || !(arr = json_array()))
			return NULL;
		for (size_t i = 0; i < f->words->n && i < 32; i++)
			if (v & (UINT32_C(1) << i))
				json_array_append_new(arr, json_string(f->words->words[i]));
		return arr;
	}
	case CW_F_ID: {
		char hex[CW_ID_HEX_LEN + 1];

		if (cw_id_is_zero((const struct cw_id *)p))
			return NULL;
		cw_id_hex((const struct cw_id *)p, hex);
		return json_string(hex);
	}
	case CW_F_ARTICLE: {
		char text[CW_ARTICLE_TEXT_MAX];

		if (((const struct cw_article *)p)->law == CW_LAW_NONE)
			return NULL;
		cw_article_format((const struct cw_article *)p, text);
		return json_string(text);
	}
	case CW_F_LIST: {
		const struct cw_list *l = (const struct cw_list *)p;
		json_t *arr;

		if (l->n == 0 || !(arr = json_array()))
			return NULL;
		for (size_t i = 0; i < l->n; i++) {
			const void *item = (const char *)l->items + i * f->sub->size;

			if (f->flags & CW_FF_FLAT)
				json_array_append_new(arr, field_to_json(item, &f->sub->fields[0]));
			else
				json_array_append_new(arr, struct_to_json(item, f->sub));
		}
		return arr;
	}
	}
	return NULL;
}

static json_t *struct_to_json(const void *base, const struct cw_schema *s)
{
	json_t *obj = json_object();

	if (!obj)
		return NULL;
	for (size_t i = 0; i < s->nfields; i++) {
		json_t *v = field_to_json(base, &s->fields[i]);

		if (v)
			json_object_set_new(obj, s->fields[i].name, v);
	}
	return obj;
}

json_t *cw_record_to_json(const struct cw_record *rec, unsigned flags)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	json_t *obj = json_object(), *body;
	char hex[CW_ID_HEX_LEN + 1];

	if (!obj || !s)
		return obj;
	cw_id_hex(&rec->id, hex);
	json_object_set_new(obj, "id", json_string(hex));
	json_object_set_new(obj, "kind", json_string(cw_kind_name(rec->kind)));
	for (size_t i = 0; i < cw_schema_header.nfields; i++) {
		const struct cw_field *f = &cw_schema_header.fields[i];
		json_t *v;

		if ((f->flags & CW_FF_HEADER) && !(flags & CW_JSON_HEADER))
			continue;
		if (f->type == CW_F_INT) { /* timestamps; a deletion has no `created` */
			char buf[32];
			int64_t us = *(const int64_t *)((const char *)rec + f->offset);

			if (!us)
				continue;
			cw_time_format(us, buf);
			v = json_string(buf);
		} else {
			v = field_to_json(rec, f);
		}
		if (v)
			json_object_set_new(obj, f->name, v);
	}
	body = struct_to_json(&rec->u, s);
	json_object_update(obj, body);
	json_decref(body);
	return obj;
}

/* ---- names beside ids --------------------------------------------------------------------- */

/* A field that holds the id of a person or a case: those have names. */
static int named_id(const struct cw_field *f)
{
	return f->type == CW_F_ID && (f->ref_kind == CW_KIND_PERSON || f->ref_kind == CW_KIND_CASE);
}

/* A plain array of such ids (detainees, arrested, persons). */
static int named_id_list(const struct cw_field *f)
{
	return f->type == CW_F_LIST && (f->flags & CW_FF_FLAT) && f->sub->nfields &&
	       named_id(&f->sub->fields[0]);
}

static const char *name_of(const json_t *v, enum cw_kind kind, cw_json_namer name, void *ctx)
{
	struct cw_id id;

	if (!json_is_string(v) || cw_id_parse_hex(json_string_value(v), &id) != 0)
		return NULL;
	return name(ctx, &id, kind);
}

/* Moves every K_name or K_names key to just after K, so that a reader sees the name beside
 * the id (jansson keeps keys in the order they were set). */
static void names_beside(json_t *obj)
{
	json_t *sorted = json_object(), *v;
	const char *key;
	char name_key[80];

	if (!sorted)
		return;
	json_object_foreach (obj, key, v) {
		if (json_object_get(sorted, key))
			continue; /* placed already, beside its id */
		json_object_set(sorted, key, v);
		for (int plural = 0; plural < 2; plural++) {
			json_t *n;

			snprintf(name_key, sizeof name_key, "%s_name%s", key, plural ? "s" : "");
			if ((n = json_object_get(obj, name_key)) != NULL)
				json_object_set(sorted, name_key, n);
		}
	}
	json_object_clear(obj);
	json_object_update(obj, sorted);
	json_decref(sorted);
}

static void struct_add_names(json_t *obj, const struct cw_schema *s, cw_json_namer name, void *ctx)
{
	for (size_t i = 0; json_is_object(obj) && i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		json_t *v = json_object_get(obj, f->name);
		char key[80];

		if (!v)
			continue;
		if (named_id(f)) {
			const char *n = name_of(v, (enum cw_kind)f->ref_kind, name, ctx);

			snprintf(key, sizeof key, "%s_name", f->name);
			if (n)
				json_object_set_new(obj, key, json_string(n));
		} else if (named_id_list(f) && json_is_array(v)) {
			json_t *names = json_array();

			for (size_t j = 0; names && j < json_array_size(v); j++) {
				const char *n = name_of(json_array_get(v, j),
							(enum cw_kind)f->sub->fields[0].ref_kind,
							name, ctx);

				json_array_append_new(names, n ? json_string(n) : json_null());
			}
			snprintf(key, sizeof key, "%s_names", f->name);
			json_object_set_new(obj, key, names);
		} else if (f->type == CW_F_LIST && !(f->flags & CW_FF_FLAT) && json_is_array(v)) {
			for (size_t j = 0; j < json_array_size(v); j++)
				struct_add_names(json_array_get(v, j), f->sub, name, ctx);
		}
	}
	if (json_is_object(obj))
		names_beside(obj);
}

void cw_record_json_add_names(json_t *obj, enum cw_kind kind, cw_json_namer name, void *ctx)
{
	const struct cw_schema *s = cw_schema_for_kind(kind);

	if (obj && s && name)
		struct_add_names(obj, s, name, ctx);
}

static int hides(const json_t *v, enum cw_kind kind, cw_json_hider hide, void *ctx)
{
	struct cw_id id;

	return json_is_string(v) && cw_id_parse_hex(json_string_value(v), &id) == 0 &&
	       hide(ctx, &id, kind);
}

static void struct_hide_ids(json_t *obj, const struct cw_schema *s, cw_json_hider hide, void *ctx)
{
	for (size_t i = 0; json_is_object(obj) && i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		json_t *v = json_object_get(obj, f->name);

		if (!v)
			continue;
		if (named_id(f) && hides(v, (enum cw_kind)f->ref_kind, hide, ctx))
			json_object_set_new(obj, f->name, json_null());
		else if (named_id_list(f) && json_is_array(v))
			for (size_t j = 0; j < json_array_size(v); j++) {
				if (hides(json_array_get(v, j),
					  (enum cw_kind)f->sub->fields[0].ref_kind, hide, ctx))
					json_array_set_new(v, j, json_null());
			}
		else if (f->type == CW_F_LIST && !(f->flags & CW_FF_FLAT) && json_is_array(v))
			for (size_t j = 0; j < json_array_size(v); j++)
				struct_hide_ids(json_array_get(v, j), f->sub, hide, ctx);
	}
}

void cw_record_json_hide_ids(json_t *obj, enum cw_kind kind, cw_json_hider hide, void *ctx)
{
	const struct cw_schema *s = cw_schema_for_kind(kind);

	if (obj && s && hide)
		struct_hide_ids(obj, s, hide, ctx);
}

/* A key cw_record_json_add_names wrote: K_name beside a named id K, K_names beside a plain
 * array of them. Read back and ignored, so that `show --json` output imports. */
static int derived_name_key(const struct cw_schema *s, const char *key)
{
	size_t n = strlen(key);
	char base[64];
	const struct cw_field *f;

	if (n > 5 && n - 5 < sizeof base && !strcmp(key + n - 5, "_name")) {
		snprintf(base, sizeof base, "%.*s", (int)(n - 5), key);
		return (f = cw_schema_field(s, base)) != NULL && named_id(f);
	}
	if (n > 6 && n - 6 < sizeof base && !strcmp(key + n - 6, "_names")) {
		snprintf(base, sizeof base, "%.*s", (int)(n - 6), key);
		return (f = cw_schema_field(s, base)) != NULL && named_id_list(f);
	}
	return 0;
}

int cw_json_ref_id(const char *text, struct cw_id *out)
{
	if (cw_id_parse_hex(text, out) == 0)
		return 0;
	cw_id_from_ref(strncmp(text, "ref:", 4) ? text : text + 4, out);
	return 1;
}

static int default_resolve(const char *text, struct cw_id *out)
{
	cw_json_ref_id(text, out);
	return 0;
}

static int struct_from_json(const json_t *obj, void *base, const struct cw_schema *s,
			    const struct cw_schema *also, void *also_base, const char *prefix,
			    const struct cw_ref_resolver *res, struct cw_error *err);

static const char *type_name(const struct cw_field *f)
{
	switch (f->type) {
	case CW_F_INT:
		return _("a whole number");
	case CW_F_SET:
	case CW_F_LIST:
		return _("an array");
	case CW_F_BOOL:
		return _("true or false");
	default:
		return "a string";
	}
}

static int field_from_json(const json_t *v, void *base, const struct cw_field *f, const char *path,
			   const struct cw_ref_resolver *res, struct cw_error *err)
{
	char *p = (char *)base + f->offset;
	int rc;

	/* An empty list of articles is none given, as null is: it never empties "articles". */
	if (json_is_null(v) ||
	    ((f->flags & CW_FF_LIST_TEXT) && json_is_string(v) && !*json_string_value(v)))
		return 0;
	switch (f->type) {
	case CW_F_INT:
		if (!json_is_integer(v))
			break;
		/* A negative number is stored as "not given" (-1): taking it would drop it
		 * without a word. */
		if (json_integer_value(v) < f->min || json_integer_value(v) > f->max)
			return cw_error_set(err, CW_EINVAL, path,
					    "%lld is not a whole number from %lld to %lld",
					    (long long)json_integer_value(v), (long long)f->min,
					    (long long)f->max);
		*(int64_t *)p = json_integer_value(v);
		return 0;
	case CW_F_BOOL:
		if (!json_is_boolean(v))
			break;
		*(uint8_t *)p = json_is_true(v);
		return 0;
	case CW_F_SET:
		if (!json_is_array(v))
			break;
		for (size_t i = 0; i < json_array_size(v); i++) {
			const json_t *w = json_array_get(v, i);
			int bit = json_is_string(w) ? cw_enum_parse(f->words, json_string_value(w))
						    : -1;

			if (bit < 0)
				return cw_error_set(err, CW_EINVAL, path,
						    "item %zu is not a known word", i + 1);
			*(uint32_t *)p |= UINT32_C(1) << bit;
		}
		return 0;
	case CW_F_LIST: {
		struct cw_list *l = (struct cw_list *)p;

		if (!json_is_array(v))
			break;
		if ((int64_t)json_array_size(v) > f->max)
			return cw_error_set(err, CW_EINVAL, path, "too many items, at most %lld",
					    (long long)f->max);
		for (size_t i = 0; i < json_array_size(v); i++) {
			const json_t *w = json_array_get(v, i);
			void *item = cw_list_append(l, f->sub);
			char sub[80];

			if (!item)
				return CW_ENOMEM;
			snprintf(sub, sizeof sub, "%.50s[%zu]", path, i + 1);
			if (f->flags & CW_FF_FLAT)
				rc = field_from_json(w, item, &f->sub->fields[0], sub, res, err);
			else if (json_is_object(w))
				rc = struct_from_json(w, item, f->sub, NULL, NULL, sub, res, err);
			else
				rc = cw_error_set(err, CW_EINVAL, sub, "must be an object");
			if (rc != 0)
				return rc;
		}
		return 0;
	}
	case CW_F_ID: {
		const char *text;

		if (!json_is_string(v))
			break;
		text = json_string_value(v);
		if (!*text)
			return 0;
		if (res && res->resolve)
			return res->resolve(res->ctx, text, (enum cw_kind)f->ref_kind,
					    (struct cw_id *)p, err);
		return default_resolve(text, (struct cw_id *)p);
	}
	default: /* text-typed: string, date, enum, article */
		if (!json_is_string(v))
			break;
		rc = cw_field_set_text(base, f, json_string_value(v), err);
		if (rc != 0 && err)
			snprintf(err->field, sizeof err->field, "%s", path);
		return rc;
	}
	return cw_error_set(err, CW_EINVAL, path, "must be %s", type_name(f));
}

static int struct_from_json(const json_t *obj, void *base, const struct cw_schema *s,
			    const struct cw_schema *also, void *also_base, const char *prefix,
			    const struct cw_ref_resolver *res, struct cw_error *err)
{
	const char *key;
	const json_t *v;

	json_object_foreach ((json_t *)obj, key, v) {
		const struct cw_field *f = cw_schema_field(s, key);
		void *target = base;
		char path[80];
		const char *at = key; /* the field's path: a record's own fields by their key */
		int rc;

		if (!f && also) {
			f = cw_schema_field(also, key);
			target = also_base;
		}
		if (prefix[0]) {
			snprintf(path, sizeof path, "%.50s.%.20s", prefix, key);
			at = path;
		}
		if (!f && derived_name_key(s, key))
			continue;
		if (!f) {
			/* linked_from: what `show --json` adds of the records that link to this
			 * one, theirs to carry, not this record's; touches_confidential: what
			 * the team's views say of it, made from the records it names;
			 * detainees_not_met: what a timeline's entry says of a prison visit,
			 * made from its access and detainees (cw_visit_detainees_not_met). */
			if (!prefix[0] &&
			    (!strcmp(key, "kind") || !strcmp(key, "id") || !strcmp(key, "ref") ||
			     !strcmp(key, "linked_from") || !strcmp(key, "touches_confidential") ||
			     (s == cw_schema_for_kind(CW_KIND_VISIT) &&
			      !strcmp(key, "detainees_not_met"))))
				continue;
			return cw_error_set(err, CW_EINVAL, at, "unknown field");
		}
		if (f->flags & CW_FF_HEADER && f->type == CW_F_INT) {
			int64_t us;

			if (!json_is_string(v) || cw_time_parse(json_string_value(v), &us) != 0)
				return cw_error_set(err, CW_EINVAL, at,
						    "must be a UTC time like 2024-02-07T09:30:00Z");
			*(int64_t *)((char *)target + f->offset) = us;
			continue;
		}
		if ((rc = field_from_json(v, target, f, at, res, err)) != 0)
			return rc;
	}
	/* Articles given in both keys, or one in the list, are kept as casewatch writes them: one
	 * in the field, two or more in the list (an older casewatch reads the one). */
	for (size_t i = 0; i < s->nfields; i++) {
		int rc;

		if ((s->fields[i].flags & CW_FF_LIST_TEXT) &&
		    (rc = cw_field_tidy_articles(base, &s->fields[i], err)) != 0)
			return rc;
	}
	return 0;
}

int cw_record_from_json(const json_t *obj, const struct cw_ref_resolver *resolver,
			struct cw_record *rec, struct cw_error *err)
{
	const json_t *kind = json_object_get(obj, "kind");
	const json_t *id = json_object_get(obj, "id");
	const json_t *ref = json_object_get(obj, "ref");
	enum cw_kind k;

	memset(rec, 0, sizeof *rec);
	if (!json_is_object(obj))
		return cw_error_set(err, CW_EINVAL, "record", "must be a JSON object");
	if (!json_is_string(kind) || (k = cw_kind_parse(json_string_value(kind))) == CW_KIND_NONE)
		return cw_error_set(err, CW_EINVAL, "kind",
				    "missing or unknown; use person, case, hearing, visit, demo, "
				    "milestone or incident");
	cw_record_init(rec, k);
	if (id && (!json_is_string(id) || cw_id_parse_hex(json_string_value(id), &rec->id) != 0))
		return cw_error_set(err, CW_EINVAL, "id", "must be 32 hex digits");
	if (ref) {
		if (!json_is_string(ref) || !json_string_length(ref))
			return cw_error_set(err, CW_EINVAL, "ref", "must be a non-empty string");
		if (id)
			return cw_error_set(err, CW_EINVAL, "ref",
					    "give either id or ref, not both");
		cw_id_from_ref(json_string_value(ref), &rec->id);
	}
	return struct_from_json(obj, &rec->u, cw_schema_for_kind(k), &cw_schema_header, rec, "",
				resolver, err);
}

/* ---- output for a terminal ---------------------------------------------------------------- */

struct safe_out {
	FILE *f;
	unsigned char pending[4]; /* a sequence cut between two of jansson's pieces */
	size_t npending, need;
};

/* One whole UTF-8 sequence: escaped when it is a control character. */
static void put_sequence(FILE *f, const unsigned char *seq, size_t len)
{
	uint32_t c;

	if (cw_utf8_decode((const char *)seq, len, &c) != len ||
	    !(cw_text_is_control(c) || cw_text_is_hiding(c)))
		fwrite(seq, 1, len, f);
	else if (c > 0xFFFF) /* as JSON writes it: a surrogate pair */
		fprintf(f, "\\u%04x\\u%04x", (unsigned)(0xD800 + ((c - 0x10000) >> 10)),
			(unsigned)(0xDC00 + ((c - 0x10000) & 0x3FF)));
	else
		fprintf(f, "\\u%04x", (unsigned)c);
}

/* The bytes of a sequence led by p that may be one escaped (cw_text_is_control, _hiding):
 * DEL (0x7F, the one control of ASCII jansson writes raw: it escapes those below 0x20),
 * 0xC2 U+0080-00BF, 0xD8 U+0600-063F, 0xE2 U+2000-2FFF, 0xEF U+F000-FFFF, 0xF3 U+C0000-
 * FFFFF (the tags); 0 for any other byte. */
static size_t escapable(unsigned char p)
{
	return p == 0x7F                ? 1
	       : p == 0xC2 || p == 0xD8 ? 2
	       : p == 0xE2 || p == 0xEF ? 3
	       : p == 0xF3              ? 4
					: 0;
}

/* Only sequences escapable() names can be the characters escaped; everything else goes out as
 * it comes, in runs. */
static int safe_piece(const char *buffer, size_t size, void *data)
{
	struct safe_out *o = data;
	const unsigned char *p = (const unsigned char *)buffer;
	size_t i = 0, run;

	while (o->npending && i < size) {
		o->pending[o->npending++] = p[i++];
		if (o->npending == o->need) {
			put_sequence(o->f, o->pending, o->npending);
			o->npending = 0;
		}
	}
	for (run = i; i < size; i++) {
		size_t need;

		if (!(need = escapable(p[i])))
			continue;
		fwrite(p + run, 1, i - run, o->f);
		if (i + need > size) {
			memcpy(o->pending, p + i, size - i);
			o->npending = size - i;
			o->need = need;
			return ferror(o->f) ? -1 : 0;
		}
		put_sequence(o->f, p + i, need);
		i += need - 1;
		run = i + 1;
	}
	fwrite(p + run, 1, size - run, o->f);
	return ferror(o->f) ? -1 : 0;
}

int cw_json_dumpf(const json_t *value, FILE *out, size_t flags)
{
	struct safe_out o = {out, {0}, 0, 0};
	int rc = json_dump_callback(value, safe_piece, &o, flags);

	if (o.npending) /* not a whole sequence: as it was */
		fwrite(o.pending, 1, o.npending, out);
	return rc == 0 && !ferror(out) ? 0 : -1;
}
