/* id.c - record ids: random, derived from a reference, written and read as hex; see record.h. */
#include "config.h"

#include <ctype.h>
#include <sodium.h>
#include <string.h>

#include "models/record.h"

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

uint64_t cw_id_hash(const struct cw_id *id)
{
	uint64_t a, b, h;

	memcpy(&a, id->b, sizeof a);
	memcpy(&b, id->b + 8, sizeof b);
	/* Both halves, then a finaliser that spreads every bit over the low ones (MurmurHash3's).
	 */
	h = a ^ (b * UINT64_C(0x9e3779b97f4a7c15));
	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	return h ^ h >> 33;
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

int cw_id_prefix_typed(const char *text)
{
	size_t len = strlen(text);

	return len >= 6 && len <= CW_ID_HEX_LEN && strspn(text, "0123456789abcdefABCDEF") == len;
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
