/* date.c - partial dates; see date.h. */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "models/clock.h"
#include "models/date.h"
#include "models/i18n.h"
#include "models/text.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cw_date_days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && is_leap(year));
}

/* Reads exactly n digits at s into *value. */
static int read_digits(const char *s, int n, int *value)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*value = v;
	return 0;
}

static int unpadded(const char *text, char iso[32]);

int cw_date_parse(const char *text, struct cw_date *out, const char *field, struct cw_error *err)
{
	size_t len = strlen(text);
	int y = 0, m = 0, d = 0;
	char iso[32];

	memset(out, 0, sizeof *out);
	if (len == 0)
		return 0;
	if ((len != 4 && len != 7 && len != 10) || read_digits(text, 4, &y) != 0 ||
	    (len >= 7 && (text[4] != '-' || read_digits(text + 5, 2, &m) != 0)) ||
	    (len == 10 && (text[7] != '-' || read_digits(text + 8, 2, &d) != 0))) {
		/* A file keeps to the form written in full (its dates must not be guessed), but
		 * says which date a hand-written "2024-2-6" would be. */
		if (unpadded(text, iso))
			return cw_error_set(err, CW_EINVAL, field,
					    "'%.40s' is not a date; write YYYY-MM-DD (did you mean "
					    "%s?)",
					    text, iso);
		return cw_error_set(err, CW_EINVAL, field,
				    "'%.40s' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
				    text);
	}
	if (y < 1900 || y > 2199)
		return cw_error_set(err, CW_EINVAL, field, "year %d is out of range (1900-2199)",
				    y);
	if (len >= 7 && (m < 1 || m > 12))
		return cw_error_set(err, CW_EINVAL, field, "month %02d does not exist", m);
	if (len == 10 && (d < 1 || d > cw_date_days_in_month(y, m)))
		return cw_error_set(err, CW_EINVAL, field, "%.10s does not exist", text);
	out->year = (uint16_t)y;
	out->month = (uint8_t)m;
	out->day = (uint8_t)d;
	return 0;
}

enum cw_date_precision cw_date_precision(struct cw_date d)
{
	if (d.year == 0)
		return CW_DATE_UNKNOWN;
	if (d.month == 0)
		return CW_DATE_YEAR;
	if (d.day == 0)
		return CW_DATE_MONTH;
	return CW_DATE_DAY;
}

const char *cw_date_precision_word(struct cw_date d)
{
	static const char *const words[] = {"", "year", "month", "day"};

	return words[cw_date_precision(d)];
}

int cw_date_is_known(struct cw_date d)
{
	return d.year != 0;
}

void cw_date_format(struct cw_date d, char buf[CW_DATE_TEXT_MAX])
{
	switch (cw_date_precision(d)) {
	case CW_DATE_UNKNOWN:
		buf[0] = '\0';
		break;
	case CW_DATE_YEAR:
		snprintf(buf, CW_DATE_TEXT_MAX, "%04u", d.year % 10000u);
		break;
	case CW_DATE_MONTH:
		snprintf(buf, CW_DATE_TEXT_MAX, "%04u-%02u", d.year % 10000u, d.month % 100u);
		break;
	case CW_DATE_DAY:
		snprintf(buf, CW_DATE_TEXT_MAX, "%04u-%02u-%02u", d.year % 10000u, d.month % 100u,
			 d.day % 100u);
		break;
	}
}

/* A month-only date sorts as day 0 of its month and a year-only date as month 0 of its
 * year: after everything earlier, before every day inside it. */
uint32_t cw_date_key(struct cw_date d)
{
	if (d.year == 0)
		return CW_DATE_KEY_UNKNOWN;
	return (uint32_t)d.year << 16 | (uint32_t)d.month << 8 | d.day;
}

struct cw_date cw_date_from_key(uint32_t key)
{
	struct cw_date d = {0, 0, 0};

	if (key == CW_DATE_KEY_UNKNOWN)
		return d;
	d.year = (uint16_t)(key >> 16);
	d.month = (uint8_t)(key >> 8);
	d.day = (uint8_t)key;
	return d;
}

int cw_date_compare(struct cw_date a, struct cw_date b)
{
	uint32_t ka = cw_date_key(a), kb = cw_date_key(b);

	return ka < kb ? -1 : ka > kb;
}

struct cw_date cw_date_first_day(struct cw_date d)
{
	if (d.year == 0)
		return d;
	if (d.month == 0)
		d.month = 1;
	if (d.day == 0)
		d.day = 1;
	return d;
}

struct cw_date cw_date_last_day(struct cw_date d)
{
	if (d.year == 0)
		return d;
	if (d.month == 0)
		d.month = 12;
	if (d.day == 0)
		d.day = (uint8_t)cw_date_days_in_month(d.year, d.month);
	return d;
}

/* Howard Hinnant's days-from-civil algorithm: exact for the proleptic Gregorian calendar. */
long cw_date_to_days(struct cw_date d)
{
	long y = d.year, m = d.month, dd = d.day;

	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct cw_date cw_date_from_days(long z)
{
	struct cw_date out;

	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	out.year = (uint16_t)(y + (m <= 2));
	out.month = (uint8_t)m;
	out.day = (uint8_t)d;
	return out;
}

struct cw_date cw_date_today(void)
{
	return cw_date_of_time(cw_now_us());
}

void cw_time_local_format(int64_t us, char buf[CW_TIME_LOCAL_MAX])
{
	time_t when = (time_t)(us / 1000000);
	struct tm tm;
	size_t n;
	long off;
	int h, m;

	if (us <= 0 || !localtime_r(&when, &tm) ||
	    !(n = strftime(buf, CW_TIME_LOCAL_MAX, "%Y-%m-%d %H:%M:%S", &tm))) {
		snprintf(buf, CW_TIME_LOCAL_MAX, "?");
		return;
	}
	off = tm.tm_gmtoff < 0 ? -tm.tm_gmtoff : tm.tm_gmtoff;
	h = (int)(off / 3600 % 100);
	m = (int)(off % 3600 / 60);
	if (m)
		snprintf(buf + n, CW_TIME_LOCAL_MAX - n, " (UTC%c%d:%02d)",
			 tm.tm_gmtoff < 0 ? '-' : '+', h, m);
	else
		snprintf(buf + n, CW_TIME_LOCAL_MAX - n, " (UTC%c%d)", tm.tm_gmtoff < 0 ? '-' : '+',
			 h);
}

struct cw_date cw_date_of_time(int64_t us)
{
	time_t when = (time_t)(us / 1000000);
	struct tm tm;
	struct cw_date d = {0, 0, 0};

	if (us > 0 && localtime_r(&when, &tm)) {
		d.year = (uint16_t)(tm.tm_year + 1900);
		d.month = (uint8_t)(tm.tm_mon + 1);
		d.day = (uint8_t)tm.tm_mday;
	}
	return d;
}

int cw_date_weekday(struct cw_date d)
{
	/* 1970-01-01 was a Thursday (3, counting from Monday). */
	return (int)(((cw_date_to_days(d) % 7) + 7 + 3) % 7);
}

static const char *const weekdays[7] = {"monday", "tuesday",  "wednesday", "thursday",
					"friday", "saturday", "sunday"};

/* The weekdays in Khmer, Monday first, in the spellings in use, with or without the word for
 * day before them ("ថ្ងៃច័ន្ទ", "ច័ន្ទ"). */
static const char *const khmer_weekdays[][2] = {
	{"ច័ន្ទ", "ចន្ទ"}, {"អង្គារ", NULL}, {"ពុធ", NULL},   {"ព្រហស្បតិ៍", "ព្រហស្បត្តិ៍"},
	{"សុក្រ", NULL},  {"សៅរ៍", "សៅរ"},  {"អាទិត្យ", NULL}};

/* The weekday a Khmer word names, with ថ្ងៃ (day) before it or without (*with_day says which);
 * -1 when none. */
static int khmer_weekday_word(const char *w, int *with_day)
{
	static const char day[] = "ថ្ងៃ";

	if ((*with_day = !strncmp(w, day, sizeof day - 1)))
		w += sizeof day - 1;
	for (int i = 0; i < 7; i++)
		for (int v = 0; v < 2; v++)
			if (khmer_weekdays[i][v] && !strcmp(w, khmer_weekdays[i][v]))
				return i;
	return -1;
}

/* The weekday a word names, full or in its first three letters, or in Khmer; -1 when none. */
static int weekday_word(const char *w)
{
	int with_day;

	for (int i = 0; i < 7; i++)
		if (!strcmp(w, weekdays[i]) || (strlen(w) == 3 && !strncmp(w, weekdays[i], 3)))
			return i;
	return khmer_weekday_word(w, &with_day);
}

/* "Next" and "last" before a weekday said in Khmer, where the word comes after the day's name
 * (ថ្ងៃច័ន្ទក្រោយ, "Monday after": next Monday), with a space between or none, as Khmer is
 * written: ក្រោយ (after), បន្ទាប់ (following) and ខាងមុខ (ahead) for next, មុន (before) and
 * កន្លងទៅ (gone by) for last. The weekday and *next (1 next, 0 last); -1 when w is none.
 * Sunday only after ថ្ងៃ: អាទិត្យ alone is also the week, and អាទិត្យក្រោយ says "next week"
 * as often as "next Sunday". The word before the day (ក្រោយថ្ងៃច័ន្ទ) is not read: it says
 * "after Monday", another thing. */
static int khmer_weekday_qualified(const char *w, int *next)
{
	static const struct {
		const char *word;
		int next;
	} after_day[] = {{"ក្រោយ", 1}, {"បន្ទាប់", 1}, {"ខាងមុខ", 1}, {"មុន", 0}, {"កន្លងទៅ", 0}};
	size_t n = strlen(w);

	for (size_t i = 0; i < sizeof after_day / sizeof after_day[0]; i++) {
		size_t q = strlen(after_day[i].word), m = n - q;
		char day[96];
		int wd, with_day;

		if (n <= q || n >= sizeof day + q || strcmp(w + m, after_day[i].word) != 0)
			continue;
		if (w[m - 1] == ' ')
			m--;
		memcpy(day, w, m);
		day[m] = '\0';
		if ((wd = khmer_weekday_word(day, &with_day)) >= 0 && (wd != 6 || with_day)) {
			*next = after_day[i].next;
			return wd;
		}
	}
	return -1;
}

/* Whether the first n bytes of s end with the word (its length, to take off, or 0). */
static size_t ends_with(const char *s, size_t n, const char *word)
{
	size_t q = strlen(word);

	return n >= q && !strncmp(s + n - q, word, q) ? q : 0;
}

/* A week named from today and a day of it: "next week", "last week" and "this week" (its
 * Monday), "friday next week" and "friday of next week" (that week's Friday), and the same said
 * in Khmer, the word for the week before the word that moves it and the day before both, with
 * spaces between or none: សប្តាហ៍ក្រោយ (or សប្ដាហ៍, the other spelling; ក្រោយ, បន្ទាប់ or ខាងមុខ)
 * is next week, សប្តាហ៍មុន (or កន្លងទៅ) last week, សប្តាហ៍នេះ this week, ថ្ងៃសុក្រសប្តាហ៍ក្រោយ
 * (នៃ, "of", between them or not) Friday of next week (a Khmer field trial had only the
 * English). អាទិត្យក្រោយ is not read: អាទិត្យ is the week and Sunday alike. Weeks run Monday to
 * Sunday, as the weekly reports' ISO weeks do. 1 and the day in *days, or 0 when w is none. */
static int week_phrase(const char *w, struct cw_date today, long *days)
{
	static const struct {
		const char *word;
		int weeks;
	} moves[] = {{" next week", 1}, {" last week", -1}, {" this week", 0},
		     {"ក្រោយ", 1},       {"បន្ទាប់", 1},       {"ខាងមុខ", 1},
		     {"មុន", -1},        {"កន្លងទៅ", -1},     {"នេះ", 0}};
	static const char *const khmer_weeks[] = {"សប្តាហ៍", "សប្ដាហ៍"};
	char day[96];
	size_t n = strlen(w) + 1;

	/* A space before the words: "next week" alone reads as " next week". */
	if (n >= sizeof day)
		return 0;
	day[0] = ' ';
	memcpy(day + 1, w, n);
	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		size_t m = n, q = strlen(moves[i].word);
		int khmer = moves[i].word[0] != ' ', of = 0, with_day, wd = 0;

		if (m < q || strcmp(day + m - q, moves[i].word) != 0)
			continue;
		m -= q;
		if (khmer) {
			size_t k = 0;

			m -= ends_with(day, m, " ");
			while (k < 2 && !ends_with(day, m, khmer_weeks[k]))
				k++;
			if (k == 2)
				return 0;
			m -= strlen(khmer_weeks[k]);
			m -= ends_with(day, m, " ");
			if ((of = ends_with(day, m, "នៃ")) != 0)
				m -= strlen("នៃ");
			m -= ends_with(day, m, " ");
		} else if (m > 3 && (of = ends_with(day, m, " of")) != 0) {
			m -= 3;
		}
		day[m] = '\0';
		/* What is left is nothing, the leading space alone, or it and a weekday. */
		if (m > 1) {
			if ((wd = khmer ? khmer_weekday_word(day + 1, &with_day)
					: weekday_word(day + 1)) < 0)
				return 0;
		} else if (of) {
			return 0; /* "of next week" names no day of it */
		}
		*days = cw_date_to_days(today) - cw_date_weekday(today) + 7L * moves[i].weeks + wd;
		return 1;
	}
	return 0;
}

/* The day a weekday after "next" names (the first such day after today) or after "last" (the
 * last before today). */
static long next_or_last_weekday(long base, struct cw_date today, int wd, int next)
{
	return next ? base + 7 - (cw_date_weekday(today) - wd + 7) % 7
		    : base - 7 + (wd - cw_date_weekday(today) + 7) % 7;
}

/* The months as a message names them, in the reader's language (a Khmer monitor read "ខែ
 * february" in the error for "៣១ កុម្ភៈ"). */
static const char *const month_texts[12] = {N_("January"), N_("February"), N_("March"),
					    N_("April"),   N_("May"),      N_("June"),
					    N_("July"),    N_("August"),   N_("September"),
					    N_("October"), N_("November"), N_("December")};

static const char *const months[12] = {"january",   "february", "march",    "april",
				       "may",       "june",     "july",     "august",
				       "september", "october",  "november", "december"};

/* The months in Khmer, as a Khmer keyboard types them ("១ កក្កដា" is 1 July), with or
 * without the word for month before them ("ខែកក្កដា"). */
static const char *const khmer_months[12] = {"មករា",  "កុម្ភៈ", "មីនា",  "មេសា", "ឧសភា",  "មិថុនា",
					     "កក្កដា", "សីហា",  "កញ្ញា", "តុលា",  "វិច្ឆិកា", "ធ្នូ"};

/* The month a word names, full or in its first three letters, or in Khmer (1-12); 0 when
 * none. */
static int month_word(const char *w)
{
	static const char khmer_month_word[] = "ខែ";

	for (int i = 0; i < 12; i++)
		if (!strcmp(w, months[i]) || (strlen(w) == 3 && !strncmp(w, months[i], 3)))
			return i + 1;
	if (!strncmp(w, khmer_month_word, sizeof khmer_month_word - 1))
		w += sizeof khmer_month_word - 1;
	for (int i = 0; i < 12; i++)
		if (!strcmp(w, khmer_months[i]))
			return i + 1;
	return 0;
}

/* A day of the month, 1 or 2 digits; 0 when w is none. */
static int day_word(const char *w)
{
	size_t n = strlen(w);

	if (n < 1 || n > 2 || !isdigit((unsigned char)w[0]) ||
	    (n == 2 && !isdigit((unsigned char)w[1])))
		return 0;
	return n == 1 ? w[0] - '0' : (w[0] - '0') * 10 + (w[1] - '0');
}

/* "15 jan", "jan 15" (date.h): the nearest such day to today, a year either side (the later
 * one when two are as near); 1 and *days, 0 when a and b are no such pair, or -2 and
 * month * 100 + day in *days when the day is in none of those years ("31 feb"). */
static int day_month_days(const char *a, const char *b, struct cw_date today, long *days)
{
	int day, month, found = 0;
	long base = cw_date_to_days(today), best = 0;

	if (!((day = day_word(a)) && (month = month_word(b))) &&
	    !((day = day_word(b)) && (month = month_word(a))))
		return 0;
	for (int y = today.year - 1; y <= today.year + 1; y++) {
		long d, dist;

		if (y < 1 || day > cw_date_days_in_month(y, month))
			continue;
		d = cw_date_to_days((struct cw_date){(uint16_t)y, (uint8_t)month, (uint8_t)day});
		dist = labs(d - base);
		if (!found || dist <= labs(best - base))
			best = d;
		found = 1;
	}
	*days = found ? best : month * 100L + day;
	return found ? 1 : -2;
}

/* A year of four digits; 0 when w is none. Its range is cw_date_parse's to check. */
static int year_word(const char *w)
{
	int y;

	return strlen(w) == 4 && read_digits(w, 4, &y) == 0 ? y : 0;
}

/* A date said in words with its year (date.h): "6 feb 2024", "feb 6 2024" and "6 february
 * 2024" a day, "feb 2024" a month (as "2024-02" is). Words are lower case and one space apart
 * (typed_date makes them so). Writes the date as cw_date_parse reads it ("2024-02-06",
 * "2024-02") in iso, so that a day or year that does not exist is refused in its words; 1, or
 * 0 when the words are none of these. A monitor writing up last year's hearings types the
 * year, and the nearest-year rule of "6 feb" must not guess it. */
static int year_words(const char *buf, char iso[32])
{
	char w[3][32];
	int n = 0, day = 0, month = 0, year;
	const char *p = buf;

	while (*p && n < 3) {
		size_t len = strcspn(p, " ");

		if (len >= sizeof w[0])
			return 0;
		memcpy(w[n], p, len);
		w[n++][len] = '\0';
		p += len + (p[len] == ' ');
	}
	if (*p || n < 2 || !(year = year_word(w[n - 1])))
		return 0;
	if (n == 2 && (month = month_word(w[0])))
		return snprintf(iso, 32, "%04d-%02d", year, month) > 0;
	if (n == 3 && (((day = day_word(w[0])) && (month = month_word(w[1]))) ||
		       ((day = day_word(w[1])) && (month = month_word(w[0])))))
		return snprintf(iso, 32, "%04d-%02d-%02d", year, month, day) > 0;
	return 0;
}

/* "2024-2-6" and "2024-2": the numbers of a date without their leading zeros, as people
 * write them by hand. Writes the date with them ("2024-02-06") in iso; 1, or 0 when text is
 * not such a date (or is one written in full: cw_date_parse reads that as it is). */
static int unpadded(const char *text, char iso[32])
{
	int part[2] = {0, 0}, n = 0, year, short_part = 0;

	if (read_digits(text, 4, &year) != 0)
		return 0;
	for (text += 4; *text == '-' && n < 2; n++) {
		size_t len = strspn(++text, "0123456789");

		if (len < 1 || len > 2)
			return 0;
		part[n] = len == 1 ? text[0] - '0' : (text[0] - '0') * 10 + (text[1] - '0');
		short_part |= len == 1;
		text += len;
	}
	if (*text || !n || !short_part)
		return 0;
	if (n == 1)
		return snprintf(iso, 32, "%04d-%02d", year, part[0]) > 0;
	return snprintf(iso, 32, "%04d-%02d-%02d", year, part[0], part[1]) > 0;
}

/* Today, yesterday and tomorrow in Khmer, the last two also after "ថ្ងៃ" (day). */
static const struct {
	const char *word;
	int offset;
} khmer_days[] = {{"ថ្ងៃនេះ", 0}, {"ម្សិលមិញ", -1}, {"ថ្ងៃម្សិលមិញ", -1}, {"ស្អែក", 1}, {"ថ្ងៃស្អែក", 1}};

/* The forms of date.h other than a date written in full: 1 and *days (since 1970) when text
 * is one counting from today, -1 when it is one whose count is too long to mean anything, -2
 * and month * 100 + day in *days when it names a day and month none of the years around today
 * has ("31 feb"), 2 and the date written in full in iso when it gives its year ("6 feb 2024",
 * "2024-2-6": for cw_date_parse to read, today plays no part), 0 when it is none. */
static int typed_date(const char *text, struct cw_date today, long *days, char iso[32])
{
	char buf[96], *word2; /* a Khmer month is up to 30 bytes */
	size_t n = 0;
	long base = cw_date_to_days(today);
	int wd, rel, next;

	/* Lower case, spaces squeezed and trimmed: "  Next  Monday " reads as "next monday". */
	for (const char *p = text; *p; p++) {
		if (*p == ' ' || *p == '\t') {
			if (n && buf[n - 1] != ' ' && n < sizeof buf - 1)
				buf[n++] = ' ';
			continue;
		}
		if (n >= sizeof buf - 1)
			return 0;
		buf[n++] = (char)tolower((unsigned char)*p);
	}
	while (n && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	if (year_words(buf, iso) || unpadded(buf, iso))
		return 2;
	if (!strcmp(buf, "today") || !strcmp(buf, "yesterday") || !strcmp(buf, "tomorrow")) {
		*days = base + (buf[0] == 'y' ? -1 : buf[2] == 'm' ? 1 : 0);
		return 1;
	}
	/* The same said in Khmer: a Khmer field trial typed "ម្សិលមិញ" (yesterday) and was
	 * told only of YYYY-MM-DD. */
	for (size_t i = 0; i < sizeof khmer_days / sizeof khmer_days[0]; i++)
		if (!strcmp(buf, khmer_days[i].word)) {
			*days = base + khmer_days[i].offset;
			return 1;
		}
	if ((wd = weekday_word(buf)) >= 0) {
		*days = base - (cw_date_weekday(today) - wd + 7) % 7;
		return 1;
	}
	/* ... and next and last before one (a Khmer field trial had them only in English). */
	if ((wd = khmer_weekday_qualified(buf, &next)) >= 0) {
		*days = next_or_last_weekday(base, today, wd, next);
		return 1;
	}
	/* "this week" (a trial typed it where a week is asked), "next week", "friday of last
	 * week", and in Khmer. */
	if (week_phrase(buf, today, days))
		return 1;
	if ((buf[0] == '+' || buf[0] == '-') && n >= 3 &&
	    (buf[n - 1] == 'd' || buf[n - 1] == 'w')) {
		long count = 0;

		for (size_t i = 1; i < n - 1; i++)
			if (!isdigit((unsigned char)buf[i]))
				return 0;
		if (n - 2 > 5)
			return -1;
		for (size_t i = 1; i < n - 1; i++)
			count = count * 10 + (buf[i] - '0');
		count *= buf[n - 1] == 'w' ? 7 : 1;
		*days = base + (buf[0] == '-' ? -count : count);
		return 1;
	}
	if (!(word2 = strchr(buf, ' ')))
		return 0;
	*word2++ = '\0';
	if (!strchr(word2, ' ') && (rel = day_month_days(buf, word2, today, days)) != 0)
		return rel;
	if (strcmp(buf, "next") != 0 && strcmp(buf, "last") != 0)
		return 0;
	if ((wd = weekday_word(word2)) < 0)
		return 0;
	*days = next_or_last_weekday(base, today, wd, buf[0] == 'n');
	return 1;
}

int cw_date_is_relative(const char *text)
{
	static const struct cw_date some_day = {2000, 1, 1};
	char digits[64], iso[32];
	long days;

	/* As cw_date_parse_relative reads it: "២៤ មេសា" is a day in words as "24 apr" is (a
	 * form showed the day it meant for the one and not the other). */
	text = cw_text_latin_digits(text, digits, sizeof digits);
	return typed_date(text, some_day, &days, iso) != 0;
}

/* Letters, a script's other than Latin included (bytes of a multi-byte character). */
static int has_letter(const char *text)
{
	for (; *text; text++)
		if (isalpha((unsigned char)*text) || (unsigned char)*text >= 0x80)
			return 1;
	return 0;
}

int cw_date_parse_relative(const char *text, struct cw_date today, struct cw_date *out,
			   const char *field, struct cw_error *err)
{
	static const struct cw_date first = {1900, 1, 1}, last = {2199, 12, 31};
	char digits[64], iso[32];
	long days = 0;
	int rel, rc;

	memset(out, 0, sizeof *out);
	/* Typed on a Khmer keyboard: "២០២៦-១២-០៤" is 2026-12-04, "+៣d" three days on. */
	text = cw_text_latin_digits(text, digits, sizeof digits);
	if ((rel = typed_date(text, today, &days, iso)) == 2)
		return cw_date_parse(iso, out, field, err);
	if (rel != 0) {
		if (cw_date_precision(today) != CW_DATE_DAY)
			return cw_error_set(
				err, CW_EINVAL, field,
				"'%.40s' counts from today, and today's date is unknown", text);
		if (rel == -2) {
			/* "31 feb": the words are right, the day is not (2000 was a leap year). */
			int month = (int)(days / 100), day = (int)(days % 100),
			    most = cw_date_days_in_month(2000, month);

			if (day > most)
				return cw_error_set(
					err, CW_EINVAL, field,
					"'%.40s' does not exist: %s has at most %d days", text,
					_(month_texts[month - 1]), most);
			return cw_error_set(err, CW_EINVAL, field,
					    "'%.40s' is in none of the years %d to %d; write the "
					    "date with its year (YYYY-MM-DD)",
					    text, today.year - 1, today.year + 1);
		}
		if (rel < 0 || days < cw_date_to_days(first) || days > cw_date_to_days(last))
			return cw_error_set(err, CW_EINVAL, field,
					    "'%.40s' is out of range (1900-2199)", text);
		*out = cw_date_from_days(days);
		return 0;
	}
	if ((rc = cw_date_parse(text, out, field, err)) != 0 &&
	    (text[0] == '+' || text[0] == '-' || strpbrk(text, " \t") || has_letter(text)))
		/* Words that are no date ("3d", "2 days ago" too): say the words that are. */
		cw_error_set(err, rc, field,
			     "'%.40s' is not a date; write YYYY-MM-DD (or YYYY, YYYY-MM), today, "
			     "yesterday, monday, next monday, last friday, +3d, -1w, next week or "
			     "15 jan",
			     text);
	return rc;
}
