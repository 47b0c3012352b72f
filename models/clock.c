/* clock.c - the time casewatch takes as now; see clock.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "models/clock.h"

/* The offset CASEWATCH_NOW sets, kept while the variable keeps the same text. */
static int64_t test_clock_offset(int64_t real)
{
	static char seen[40];
	static int64_t offset;
	const char *text = getenv("CASEWATCH_NOW");
	struct tm tm;
	char z;
	time_t t;

	if (!text || !*text) {
		seen[0] = '\0';
		return 0;
	}
	if (!strcmp(text, seen))
		return offset;
	snprintf(seen, sizeof seen, "%s", text);
	offset = 0;
	memset(&tm, 0, sizeof tm);
	if (sscanf(text, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &z) == 7 &&
	    z == 'Z') {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		if ((t = timegm(&tm)) != (time_t)-1)
			offset = (int64_t)t * 1000000 - real;
	}
	return offset;
}

int64_t cw_now_us(void)
{
	struct timespec ts;
	int64_t now;

	clock_gettime(CLOCK_REALTIME, &ts);
	now = (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
	return now + test_clock_offset(now);
}
