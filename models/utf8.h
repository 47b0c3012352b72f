/* utf8.h - UTF-8 characters and the clusters a cut keeps whole (a Khmer letter with its vowel
 * signs and subscripts), below text.h, so that error.h, which text.h includes, may use them. */
#ifndef CW_UTF8_H
#define CW_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 sequence at s (n bytes available). Returns its length and the code point
 * in *cp, or 0 when the bytes are not well-formed UTF-8 (overlong forms, surrogates and code
 * points above U+10FFFF are not). */
size_t cw_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Display columns of the character c, by wcwidth; a non-printable one counts 1. */
int cw_utf8_width(uint32_t c);

/* Whether c (of `w` columns), after prev, begins a cluster a cut may come before: not a
 * character without a column, a Khmer vowel or sign written with the letter before it, nor
 * a subscript consonant after a COENG (U+17D2). */
int cw_utf8_cluster_starts(uint32_t c, int w, uint32_t prev);

/* Where a cursor may stand in text (len bytes), never inside a cluster as cw_text_wrap keeps
 * them whole (a Khmer vowel sign with its letter, a subscript with its COENG): the next such
 * place after `at`, and the one before it (len and 0 at the ends). */
size_t cw_text_next_cluster(const char *text, size_t len, size_t at);
size_t cw_text_prev_cluster(const char *text, size_t len, size_t at);

/* Cuts text back to its last whole UTF-8 character: what a fixed buffer (snprintf) cut in
 * the middle of one leaves well-formed (for JSON, which refuses broken UTF-8). */
void cw_text_trim_utf8(char *text);

#endif
