/* codec.c - binary record encoding; see codec.h. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "models/codec.h"

enum { WIRE_VARINT = 0, WIRE_FIXED32 = 1, WIRE_BYTES = 2 };

void cw_buf_free(struct cw_buf *b)
{
	if (b->data) /* it may have held plain text opened from the vault */
		explicit_bzero(b->data, b->cap);
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int cw_buf_reserve(struct cw_buf *b, size_t extra)
{
	size_t need, cap = b->cap ? b->cap : 256;
	uint8_t *data;

	if (extra > SIZE_MAX - b->len)
		return CW_ENOMEM;
	need = b->len + extra;
	if (need <= b->cap)
		return 0;
	while (cap < need)
		cap = cap <= SIZE_MAX / 2 ? cap * 2 : need;
	/* Not realloc: a buffer may hold a record opened from the vault, and the block realloc
	 * leaves behind would keep that plain text in freed memory. Copied, then wiped. */
	if (!(data = malloc(cap)))
		return CW_ENOMEM;
	if (b->data) {
		memcpy(data, b->data, b->len);
		explicit_bzero(b->data, b->cap);
		free(b->data);
	}
	b->data = data;
	b->cap = cap;
	return 0;
}

int cw_buf_append(struct cw_buf *b, const void *data, size_t len)
{
	if (cw_buf_reserve(b, len) != 0)
		return CW_ENOMEM;
	memcpy(b->data + b->len, data, len);
	b->len += len;
	return 0;
}

static int put_varint(struct cw_buf *b, uint64_t v)
{
	uint8_t tmp[10];
	size_t n = 0;

	do {
		tmp[n] = (uint8_t)(v & 0x7F);
		v >>= 7;
		if (v)
			tmp[n] |= 0x80;
		n++;
	} while (v);
	return cw_buf_append(b, tmp, n);
}

static int put_key(struct cw_buf *b, unsigned tag, unsigned wire)
{
	return put_varint(b, (uint64_t)tag << 3 | wire);
}

static int put_bytes(struct cw_buf *b, unsigned tag, const void *data, size_t len)
{
	int rc = put_key(b, tag, WIRE_BYTES);

	if (rc == 0)
		rc = put_varint(b, len);
	if (rc == 0)
		rc = cw_buf_append(b, data, len);
	return rc;
}

static uint64_t zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static int encode_struct(const void *base, const struct cw_schema *s, struct cw_buf *out);

static int encode_field(const void *base, const struct cw_field *f, struct cw_buf *out)
{
	const char *p = (const char *)base + f->offset;
	int rc = 0;

	switch (f->type) {
	case CW_F_STR: {
		const char *text = *(char *const *)p;

		if (text && *text)
			rc = put_bytes(out, f->tag, text, strlen(text));
		break;
	}
	case CW_F_DATE: {
		const struct cw_date *d = (const struct cw_date *)p;
		uint32_t key = cw_date_key(*d);
		uint8_t be[4] = {(uint8_t)(key >> 24), (uint8_t)(key >> 16), (uint8_t)(key >> 8),
				 (uint8_t)key};

		if (cw_date_is_known(*d) && (rc = put_key(out, f->tag, WIRE_FIXED32)) == 0)
			rc = cw_buf_append(out, be, 4);
		break;
	}
	case CW_F_INT: {
		int64_t v = *(const int64_t *)p;

		if (v >= 0 && (rc = put_key(out, f->tag, WIRE_VARINT)) == 0)
			rc = put_varint(out, zigzag(v));
		break;
	}
	case CW_F_ENUM:
	case CW_F_BOOL:
		if (*(const uint8_t *)p && (rc = put_key(out, f->tag, WIRE_VARINT)) == 0)
			rc = put_varint(out, *(const uint8_t *)p);
		break;
	case CW_F_SET:
		if (*(const uint32_t *)p && (rc = put_key(out, f->tag, WIRE_VARINT)) == 0)
			rc = put_varint(out, *(const uint32_t *)p);
		break;
	case CW_F_ID:
		if (!cw_id_is_zero((const struct cw_id *)p))
			rc = put_bytes(out, f->tag, p, sizeof(struct cw_id));
		break;
	case CW_F_ARTICLE: {
		const struct cw_article *a = (const struct cw_article *)p;
		uint8_t bytes[5];

		if (a->law == CW_LAW_NONE)
			break;
		cw_article_key(a, bytes);
		bytes[4] = a->paragraph;
		rc = put_bytes(out, f->tag, bytes, sizeof bytes);
		break;
	}
	case CW_F_LIST: {
		const struct cw_list *l = (const struct cw_list *)p;

		for (size_t i = 0; i < l->n && rc == 0; i++) {
			struct cw_buf item = {0};

			rc = encode_struct((const char *)l->items + i * f->sub->size, f->sub,
					   &item);
			if (rc == 0)
				rc = put_bytes(out, f->tag, item.data ? item.data : (uint8_t *)"",
					       item.len);
			cw_buf_free(&item);
		}
		break;
	}
	}
	return rc;
}

static int encode_struct(const void *base, const struct cw_schema *s, struct cw_buf *out)
{
	for (size_t i = 0; i < s->nfields; i++) {
		int rc = encode_field(base, &s->fields[i], out);

		if (rc != 0)
			return rc;
	}
	return 0;
}

int cw_record_encode(const struct cw_record *rec, struct cw_buf *out)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	uint8_t head[2] = {CW_CODEC_VERSION, rec->kind};
	int rc;

	if (!s)
		return CW_EINVAL;
	if ((rc = cw_buf_append(out, head, 2)) != 0)
		return rc;
	if ((rc = encode_struct(rec, &cw_schema_header, out)) != 0)
		return rc;
	return encode_struct(&rec->u, s, out);
}

struct reader {
	const uint8_t *p;
	const uint8_t *end;
};

static int get_varint_long(struct reader *r, uint64_t *v)
{
	uint64_t out = 0;

	for (unsigned shift = 0; shift < 64; shift += 7) {
		if (r->p >= r->end)
			return -1;
		uint8_t byte = *r->p++;
		out |= (uint64_t)(byte & 0x7F) << shift;
		if (!(byte & 0x80)) {
			*v = out;
			return 0;
		}
	}
	return -1;
}

/* Most varints are one byte (a header field's key, most lengths and words) or two (a body
 * field's key, tag 16 and up): read inline. */
static inline int get_varint(struct reader *r, uint64_t *v)
{
	if (r->p < r->end && !(r->p[0] & 0x80)) {
		*v = *r->p++;
		return 0;
	}
	if (r->end - r->p >= 2 && !(r->p[1] & 0x80)) {
		*v = (uint64_t)(r->p[0] & 0x7F) | (uint64_t)r->p[1] << 7;
		r->p += 2;
		return 0;
	}
	return get_varint_long(r, v);
}

/* The field of a tag in s, through the schema's tag index (decoding is a large part of every
 * list and timeline: a lookup per field stored). */
static const struct cw_field *find_tag(const struct cw_schema *s, const uint8_t *index,
				       unsigned tag)
{
	return index[tag] ? &s->fields[index[tag] - 1] : NULL;
}

static int decode_struct(struct reader *r, void *base, const struct cw_schema *s,
			 const struct cw_schema *also, void *also_base);

/* Decodes one field value of wire type `wire` into f, or skips it when f is NULL or its
 * type does not match the wire (a field whose type changed would be a new tag). */
static int decode_value(struct reader *r, unsigned wire, void *base, const struct cw_field *f)
{
	char *p = f ? (char *)base + f->offset : NULL;
	uint64_t v, len;

	switch (wire) {
	case WIRE_VARINT:
		if (get_varint(r, &v) != 0)
			return -1;
		if (!f)
			return 0;
		/* The encoder writes no negative number: one here was not written by casewatch,
		 * and would not survive being written again. */
		if (f->type == CW_F_INT && unzigzag(v) < 0)
			return -1;
		if (f->type == CW_F_INT)
			*(int64_t *)p = unzigzag(v);
		else if (f->type == CW_F_ENUM || f->type == CW_F_BOOL)
			*(uint8_t *)p = (uint8_t)(v > 255 ? 255 : v);
		else if (f->type == CW_F_SET)
			*(uint32_t *)p = (uint32_t)v;
		return 0;
	case WIRE_FIXED32:
		if (r->end - r->p < 4)
			return -1;
		v = (uint64_t)r->p[0] << 24 | (uint64_t)r->p[1] << 16 | (uint64_t)r->p[2] << 8 |
		    r->p[3];
		r->p += 4;
		if (f && f->type == CW_F_DATE)
			*(struct cw_date *)p = cw_date_from_key((uint32_t)v);
		return 0;
	case WIRE_BYTES:
		if (get_varint(r, &len) != 0 || len > (uint64_t)(r->end - r->p))
			return -1;
		if (f && f->type == CW_F_STR) {
			char *text = malloc(len + 1);

			if (!text)
				return CW_ENOMEM;
			memcpy(text, r->p, len);
			text[len] = '\0';
			free(*(char **)p);
			*(char **)p = text;
		} else if (f && f->type == CW_F_ID) {
			if (len != sizeof(struct cw_id))
				return -1;
			memcpy(p, r->p, len);
		} else if (f && f->type == CW_F_ARTICLE) {
			if (len != 5)
				return -1;
			cw_article_from_key(r->p, (struct cw_article *)p);
			((struct cw_article *)p)->paragraph = r->p[4];
		} else if (f && f->type == CW_F_LIST) {
			struct reader sub = {r->p, r->p + len};
			void *item = cw_list_append((struct cw_list *)p, f->sub);
			int rc;

			if (!item)
				return CW_ENOMEM;
			/* An item's own list or text that found no memory is that, not damage:
			 * the item stays in the list, freed with the record. */
			if ((rc = decode_struct(&sub, item, f->sub, NULL, NULL)) != 0)
				return rc;
		}
		r->p += len;
		return 0;
	default:
		return -1; /* an unknown wire type cannot be skipped */
	}
}

static int decode_struct(struct reader *r, void *base, const struct cw_schema *s,
			 const struct cw_schema *also, void *also_base)
{
	const uint8_t *index = cw_schema_tag_index(s);
	const uint8_t *also_index = also ? cw_schema_tag_index(also) : NULL;

	while (r->p < r->end) {
		uint64_t key;
		const struct cw_field *f = NULL;
		void *target = base;
		unsigned tag;
		int rc;

		if (get_varint(r, &key) != 0 || key >> 3 >= CW_SCHEMA_TAGS)
			return -1;
		tag = (unsigned)(key >> 3);
		/* The header's tags (1-15) are looked up in the header first. */
		if (!also || tag >= 16 || !(f = find_tag(also, also_index, tag)))
			f = find_tag(s, index, tag);
		else
			target = also_base;
		if (!f && also && tag >= 16 && (f = find_tag(also, also_index, tag)))
			target = also_base;
		if ((rc = decode_value(r, (unsigned)(key & 7), target, f)) != 0)
			return rc;
	}
	return 0;
}

int cw_record_decode(const uint8_t *data, size_t len, struct cw_record *rec, struct cw_error *err)
{
	struct reader r = {data + 2, data + len};
	const struct cw_schema *s;
	int rc;

	memset(rec, 0, sizeof *rec);
	if (len < 2)
		return cw_error_set(err, CW_EDB, "record", "stored record is truncated");
	if (data[0] > CW_CODEC_VERSION)
		return cw_error_set(err, CW_EVERSION, "record",
				    "stored with codec version %u; this casewatch reads up to %u: "
				    "upgrade casewatch",
				    data[0], CW_CODEC_VERSION);
	if (!(s = cw_schema_for_kind((enum cw_kind)data[1])))
		return cw_error_set(err, CW_EVERSION, "record",
				    "record kind %u is unknown to this casewatch", data[1]);
	cw_record_init(rec, (enum cw_kind)data[1]);
	/* Header tags (1-15) and body tags (16+) share one tag space. */
	rc = decode_struct(&r, &rec->u, s, &cw_schema_header, rec);
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "record", "out of memory");
	if (rc != 0)
		return cw_error_set(err, CW_EDB, "record", "stored record is corrupt");
	return 0;
}

enum cw_kind cw_record_peek_kind(const uint8_t *data, size_t len)
{
	if (len < 2 || data[0] > CW_CODEC_VERSION || !cw_schema_for_kind((enum cw_kind)data[1]))
		return CW_KIND_NONE;
	return (enum cw_kind)data[1];
}
