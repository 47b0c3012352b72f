/* codec.h - the one versioned binary encoding of a record, as the store keeps it.
 *
 * Layout: a version byte, the kind byte, then fields as (varint key = tag << 3 | wire type,
 * value). Wire types: 0 varint, 1 four bytes big-endian, 2 length-prefixed bytes. A list is its
 * tag repeated, one length-prefixed element each. Decoding skips tags it does not know, so a
 * record written by an older casewatch always decodes; a record whose version byte is newer
 * is refused with CW_EVERSION. A later issue encrypts these bytes as a whole: nothing outside
 * this module may depend on the layout. */
#ifndef CW_CODEC_H
#define CW_CODEC_H

#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "models/record.h"

#define CW_CODEC_VERSION 1

/* A growable byte buffer. */
struct cw_buf {
	uint8_t *data;
	size_t len;
	size_t cap;
};

void cw_buf_free(struct cw_buf *b);
int cw_buf_append(struct cw_buf *b, const void *data, size_t len);
/* Makes room for extra more bytes after len without changing len. 0 or CW_ENOMEM. */
int cw_buf_reserve(struct cw_buf *b, size_t extra);

/* Appends the encoding of rec to out (out->len is not reset). */
int cw_record_encode(const struct cw_record *rec, struct cw_buf *out);

/* Decodes into rec, which the caller frees with cw_record_free (also on failure). The id is not
 * part of the encoding: the store keeps it as the key. */
int cw_record_decode(const uint8_t *data, size_t len, struct cw_record *rec, struct cw_error *err);

/* The kind byte of an encoded record without decoding it (CW_KIND_NONE if malformed). */
enum cw_kind cw_record_peek_kind(const uint8_t *data, size_t len);

#endif
