/* utf8.h - UTF-8 characters, the clusters a cut keeps whole (a Khmer letter with its vowel
 * signs and subscripts), and messages whose quoted values are cut between them. Below text.h
 * and error.h, which both use it: error messages are formatted here. */
#ifndef CW_UTF8_H
#define CW_UTF8_H

#include <stdarg.h>
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

/* vsnprintf, for messages that quote what someone wrote: a string bound by a precision of 20
 * bytes or more written in the format ("'%.40s' is not a date"), a text's, is cut when longer
 * at the last place between two clusters that fits (never inside a UTF-8 character, nor
 * between a Khmer letter and its vowel sign or subscript) and ends in "…", within the bound,
 * so that a reader sees it was cut; it must end in a NUL (the byte after the bound says it goes
 * on). A shorter bound takes a fixed start (an id's "%.8s"), unmarked, read no further than
 * printf reads, and never ends inside a character. A precision given as an argument ("%.*s":
 * an exact part) is printf's. A whole text longer than buf is cut between clusters, with "…".
 * Takes what printf takes but "%n" and wide characters (formatted by vsnprintf as they are);
 * returns as vsnprintf. */
int cw_text_vformat(char *buf, size_t len, const char *fmt, va_list ap);
int cw_text_format(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
