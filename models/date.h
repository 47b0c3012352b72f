/* date.h - partial calendar dates as the reports give them: 2023, 2023-01 or 2023-01-05.
 *
 * A date keeps its precision and displays as given. Its sort key orders "2023-07" after
 * "2023-06-30" and before "2023-07-04"; an unknown date sorts after every known one. */
#ifndef CW_DATE_H
#define CW_DATE_H

#include <stdint.h>
#include <stddef.h>

#include "models/error.h"

struct cw_date {
	uint16_t year; /* 0: unknown */
	uint8_t month; /* 0: year precision */
	uint8_t day;   /* 0: month (or year) precision */
};

enum cw_date_precision { CW_DATE_UNKNOWN, CW_DATE_YEAR, CW_DATE_MONTH, CW_DATE_DAY };

#define CW_DATE_KEY_UNKNOWN UINT32_C(0xFFFFFFFF)
#define CW_DATE_TEXT_MAX    11 /* "YYYY-MM-DD" and NUL */

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (year 1900-2199). An empty string is an unknown
 * date. Anything else, and days that do not exist (2023-02-30), fail with CW_EINVAL naming
 * `field` (a date written without its zeros, "2024-2-6", is told the date it would be). */
int cw_date_parse(const char *text, struct cw_date *out, const char *field, struct cw_error *err);

enum cw_date_precision cw_date_precision(struct cw_date d);
/* What JSON calls it: "day", "month", "year" ("" when unknown); not translated. */
const char *cw_date_precision_word(struct cw_date d);
int cw_date_is_known(struct cw_date d);

/* Writes the date as given ("2023", "2023-01", "2023-01-05"; "" when unknown). */
void cw_date_format(struct cw_date d, char buf[CW_DATE_TEXT_MAX]);

/* A 32-bit key whose numeric order is the order described above. */
uint32_t cw_date_key(struct cw_date d);
struct cw_date cw_date_from_key(uint32_t key);

/* -1, 0 or 1 by cw_date_key order. */
int cw_date_compare(struct cw_date a, struct cw_date b);

int cw_date_days_in_month(int year, int month);

/* Day-precision helpers for ranges: the first and last day a partial date covers. */
struct cw_date cw_date_first_day(struct cw_date d);
struct cw_date cw_date_last_day(struct cw_date d);

/* Days since 1970-01-01 of a day-precision date. */
long cw_date_to_days(struct cw_date d);
struct cw_date cw_date_from_days(long days);

/* Today's date in local time, by cw_now_us (models/clock.h): the test clock CASEWATCH_NOW
 * moves it too. */
struct cw_date cw_date_today(void);
/* The local date of a time in microseconds since the epoch (a record's created); unknown for
 * none (0 or less). */
struct cw_date cw_date_of_time(int64_t us);
/* A time in microseconds since the epoch as people read it, in local time with its offset:
 * "2026-12-06 06:25:33 (UTC+7)"; "?" for none (0 or less). Files and JSON keep UTC
 * (cw_time_format): a record created at 06:25 in Phnom Penh read "2026-12-05T23:25:33Z" on
 * screen, the day before its own date (a field trial). */
#define CW_TIME_LOCAL_MAX 40
void cw_time_local_format(int64_t us, char buf[CW_TIME_LOCAL_MAX]);

/* 0 Monday .. 6 Sunday, of a day-precision date. */
int cw_date_weekday(struct cw_date d);

/* A date as a person types it, counted from `today` (a day-precision date), for what people
 * type: the command line's date options, the filter line and the forms. Files, imports and
 * bundles keep cw_date_parse: what they hold must not change with the day it is read.
 *
 *   today, yesterday, tomorrow
 *   monday .. sunday, mon .. sun   the last such day on or before today (today on a Monday
 *                                  for "monday"): monitors log what happened
 *   next monday, last friday       the first such day after today, the last before it (1 to
 *                                  7 days away, never today)
 *   +3d, -2d, +1w, -2w             days or weeks from today (up to 5 digits)
 *   this week, next week, last week the Monday of this, the next or the previous week (weeks run
 *                                  Monday to Sunday, as the weekly reports' ISO weeks do);
 *   friday next week,              with a weekday before, that day of the week; in Khmer
 *   friday of last week            សប្តាហ៍ក្រោយ, ថ្ងៃសុក្រ(នៃ)សប្តាហ៍មុន (date.c)
 *   15 jan, jan 15, 15 january     a day of a month named in English (full or its first three
 *                                  letters), in the year that puts it nearest today (within
 *                                  half a year: "15 jan" in December is next January, "28 nov"
 *                                  in December is last November), one rule for every date
 *                                  field; a day no nearby year has ("31 feb") is refused
 *   6 feb 2024, feb 6 2024,        a day of a month with its year: that day, whatever today
 *   6 february 2024                is (a day that does not exist is refused as cw_date_parse
 *                                  refuses it written in full)
 *   feb 2024, february 2024        a month with its year: the month, as "2024-02" is
 *   2024-2-6, 2024-2               the numbers without their leading zeros: 2024-02-06,
 *                                  2024-02
 *
 * Words in any case, separated by spaces; spaces around the text are ignored. Anything else
 * is read by cw_date_parse, so "2023", "2023-07" and "2023-07-04" mean what they always did.
 * The result is a day-precision date (or unknown for ""), but for a month with its year and
 * what cw_date_parse reads; one outside 1900-2199, or text that is no date, fails with
 * CW_EINVAL naming `field`. */
int cw_date_parse_relative(const char *text, struct cw_date today, struct cw_date *out,
			   const char *field, struct cw_error *err);

/* Whether text is one of the forms above other than a date written in full as stored: those
 * that count from today, and a date in words or without its zeros ("6 feb 2024", "2024-2-6").
 * A front end shows the date they gave, as it is stored. */
int cw_date_is_relative(const char *text);

#endif
