/* text.h - UTF-8 text: validation of input, neutralising for the terminal, display width.
 *
 * Everything stored is valid UTF-8 without control characters (multi-line fields may hold
 * newlines and tabs). Everything shown goes through cw_text_for_terminal first, because text
 * can arrive from other people's bundles. Widths come from wcwidth(), never strlen(): Khmer
 * combining marks take no column. */
#ifndef CW_TEXT_H
#define CW_TEXT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "models/error.h"
#include "models/utf8.h" /* characters and clusters, and messages cut between them */

/* printf into memory of its own (the caller frees it); NULL when out of memory. */
char *cw_text_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *cw_text_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

enum cw_text_flags {
	CW_TEXT_MULTILINE = 1, /* newline and tab allowed */
};

/* Checks that text is valid UTF-8, at most max_bytes long, and free of control characters
 * (C0, DEL, C1, and the bidi overrides U+202A-U+202E, U+2066-U+2069 that can disguise text).
 * Fails with CW_EINVAL naming `field`. */
int cw_text_validate(const char *text, size_t max_bytes, unsigned flags, const char *field,
		     struct cw_error *err);

/* Whether text shows nothing: empty, or only spaces and characters that draw nothing
 * (zero-width spaces and joiners, the byte order mark, soft hyphens, variation selectors,
 * direction marks, Hangul fillers, Khmer's invisible inherent vowels, ...). A name made of
 * them could not be told apart from another, or found. Invalid UTF-8 is not blank. */
int cw_text_is_blank(const char *text);

/* Whether a name is written in Khmer script: it has Khmer letters and no letters of another
 * script ("សុខ ចាន់ថា", not "Sok ចាន់ថា" or "Sok Chanthea"), for the field it belongs in. */
int cw_text_is_khmer_script(const char *text);

/* For names that must be told apart on sight (a peer's): the byte offset of the first
 * character a reader cannot see or cannot tell from a space, with it in *cp; -1 when there is
 * none. That is every character cw_text_is_blank skips (no-break and other Unicode spaces,
 * tabs, zero-width spaces and joiners, direction marks, the byte order mark, soft hyphens,
 * ...) and every other space separator (Unicode category Zs), except U+0020 itself, which
 * counts only when it follows another (two spaces look like one). Invalid UTF-8 is left to
 * cw_text_validate. */
long cw_text_find_invisible(const char *text, uint32_t *cp);

/* Whether c is a control character a terminal may act on: C0, DEL, C1, and the bidi
 * embeddings, overrides and isolates (U+202A-202E, U+2066-2069). Input refuses them. */
int cw_text_is_control(uint32_t c);
/* Whether c reorders or hides text where it is shown, with no place in a name or a note: the
 * direction marks (U+200E, U+200F, U+061C), the line and paragraph separators (U+2028,
 * U+2029), the deprecated format characters (U+206A-206F), the interlinear annotations
 * (U+FFF9-FFFB) and the tags (U+E0001-E007F). Input takes them, as casewatch always has (a
 * bundle from another laptop may hold them, and refusing it would stop sync), and every
 * output shows them as U+FFFD, or in JSON as an escape. Khmer's zero-width space and joiners
 * (U+200B-200D) are text, not these. */
int cw_text_is_hiding(uint32_t c);

/* Returns a newly allocated copy safe to print: invalid bytes become U+FFFD, control
 * characters become their caret form in the ASCII range (ESC -> "^[") or U+FFFD, and, unless
 * flags has CW_TEXT_KEEP_NEWLINES, newlines and tabs become spaces. Marks stacked on one letter
 * past what a script writes (a name sent to smear the rows around it) are cut to the first
 * five, unless flags has CW_TEXT_ALL_MARKS: what reports and exports write (they are signed,
 * and a name in them is the name as recorded). NULL only when out of memory. */
#define CW_TEXT_KEEP_NEWLINES 1
#define CW_TEXT_ALL_MARKS     2
char *cw_text_for_terminal(const char *text, int flags);

/* Display columns of (valid) UTF-8 text, by wcwidth; a non-printable character counts 1. */
int cw_text_width(const char *text);

/* Writes text into out (size out_len) cut to at most `cols` columns, ending with "…" when cut,
 * and padded with spaces to exactly `cols` columns when pad is set. Cut before a Khmer
 * cluster, never inside one, and before a number, never inside one ("150" is never "15…").
 * Text must already be neutralised. Returns the columns written. */
int cw_text_fit(const char *text, int cols, int pad, char *out, size_t out_len);

/* Typed numbers and dates in Khmer digits (០-៩, U+17E0-U+17E9), as a Khmer keyboard gives
 * them, read as the digits 0-9: text with them is copied into buf (len bytes) with each one
 * replaced and buf returned; text without them (or too long for buf) is returned as it is. */
const char *cw_text_latin_digits(const char *text, char *buf, size_t len);
/* A time as typed, read as cw_text_latin_digits reads it, with an hour of one digit given its
 * leading zero: "8:30" and "៨:៣០" are "08:30" (in buf); other text as cw_text_latin_digits
 * returns it, for the HH:MM check to take or refuse. */
const char *cw_text_typed_time(const char *text, char *buf, size_t len);

/* Wrapping: the length in bytes of the first line of text that fits in `cols` columns. The
 * line ends after the last space or zero-width space (U+200B, Khmer's word break) that fits;
 * when none fits, after the last character that fits, never before a character that takes no
 * column (a Khmer vowel sign stays with its letter), nor inside a Khmer cluster (a subscript
 * consonant stays with the COENG, U+17D2, before it). A newline ends a line and is part of it.
 * At least one character unless text is empty. Text must already be neutralised. */
size_t cw_text_wrap(const char *text, int cols);

/* Search: every text match of the tool (free text, names, pickers) compares folded text, so
 * what a monitor types finds what is stored however either was written. Folding (utf8proc)
 * normalises to NFC (a precomposed "ạ" and "a" + U+0323 are the same), folds case fully (Latin,
 * and any other script with case; Khmer has none; whatever the locale: "I" is "i" in Turkish too),
 * drops default-ignorable characters (zero width space U+200B, the joiners U+200C and U+200D, the
 * byte order mark U+FEFF, the soft hyphen, Khmer's invisible inherent vowels, ...), and makes every
 * run of white space (tabs, newlines, no-break spaces) one space, with none at the ends, and none
 * at all between two Khmer characters: Khmer is written without spaces between words, or with a
 * zero width space (dropped) where a Latin text has a space, or with a space; "កឹម សុខា" and
 * "កឹម\u200bសុខា" and "កឹមសុខា" are one text. Latin keeps its spaces: "Sam Sokong" does not find
 * "SamSokong". Accents are kept: "Thach" does not find "Thạch". A byte that is not UTF-8 becomes
 * the byte 0xFF, which no UTF-8 text holds: it matches nothing, and a needle holding one finds
 * nothing. */

/* The folded text: newly allocated, NULL only when out of memory. */
char *cw_text_fold(const char *text);
/* The version of Unicode cw_text_fold folds by (utf8proc's tables, "15.1.0"): a later one may
 * fold a name otherwise, so what is kept folded (the store's index of people by name) says
 * which it was made by. */
const char *cw_text_fold_version(void);

/* For names that may be one person's (app/people.h), not for search: folded as cw_text_fold,
 * and without accents, so "Thạch" folds as "Thach" and "Sīthar" as "Sithar": the combining
 * diacritical marks a Latin, Greek, Cyrillic or Vietnamese letter decomposes into (U+0300-036F
 * and their supplements) are dropped. Other scripts' combining signs are vowels and parts of
 * letters, not accents, and stay: Khmer's vowel signs and COENG (U+17B6-17D3) are folded as
 * cw_text_fold folds them. Letters that are not a base and a mark (đ, ø, ł) stay as they are.
 * Newly allocated, NULL only when out of memory. */
char *cw_text_fold_unaccented(const char *text);

/* How many characters (code points) must be typed in, taken out or changed to make one name of
 * the other, both folded as cw_text_fold_unaccented folds them ("Chao Vesna" and "Chao
 * Veasna": 1), for a name mistyped: the count when it is at most `max`, else max + 1 (and
 * max + 1 when out of memory or either is not UTF-8). */
int cw_text_typo_distance(const char *a, const char *b, int max);

/* How far a name typed may be from one there to be offered as what was meant: a letter for a
 * short name (under 5 characters), two under 20, three for a longer one. */
int cw_text_typo_allowance(const char *typed);

/* Whether haystack, folded, contains `folded` (from cw_text_fold): fold a needle once, then
 * test many haystacks. An empty needle is in every text. 0 when out of memory. */
int cw_text_contains_folded(const char *haystack, const char *folded);

/* Whether text, folded, is exactly `folded` (a name typed in full). */
int cw_text_equals_folded(const char *text, const char *folded);

/* Whether haystack contains needle, both folded. */
int cw_text_contains(const char *haystack, const char *needle);

#endif
