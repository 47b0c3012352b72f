/* codec.c - fuzz target: the record codec's decoder (models/codec.h), which reads what the
 * database holds and what a damaged or hostile file could put there. A record that decodes
 * encodes to bytes that decode again, and encode to the same bytes (the encoding of a decoded
 * record is canonical). */
#include "config.h"

#include "models/codec.h"
#include "models/record.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cw_record rec, again;
	struct cw_buf one = {0}, two = {0};
	struct cw_error err;
	enum cw_kind peek;

	if (size > 65536)
		return 0;
	fuzz_locale();
	peek = cw_record_peek_kind(data, size);
	if (cw_record_decode(data, size, &rec, &err) != 0) {
		cw_record_free(&rec);
		return 0;
	}
	FUZZ_CHECK(peek == rec.kind, "peek says kind %d, decode %d", (int)peek, (int)rec.kind);
	(void)cw_record_validate(&rec, &err);
	(void)cw_record_label(&rec);
	FUZZ_CHECK(cw_record_encode(&rec, &one) == 0, "a decoded record does not encode");
	FUZZ_CHECK(cw_record_decode(one.data, one.len, &again, &err) == 0,
		   "its encoding does not decode: %s: %s", err.field, err.message);
	FUZZ_CHECK(cw_record_encode(&again, &two) == 0, "a decoded record does not encode");
	FUZZ_CHECK(one.len == two.len && !memcmp(one.data, two.data, one.len),
		   "encode(decode(x)) changes when done twice (%zu, then %zu bytes)", one.len,
		   two.len);
	cw_record_free(&rec);
	cw_record_free(&again);
	cw_buf_free(&one);
	cw_buf_free(&two);
	return 0;
}
