/* clock.h - the time casewatch takes as now: the system clock, or the test clock
 * CASEWATCH_NOW. Every "now" and "today" of the program comes from here, so a test that sets
 * the variable sees one consistent moment. */
#ifndef CW_CLOCK_H
#define CW_CLOCK_H

#include <stdint.h>

/* Microseconds since the epoch, UTC. A test hook: CASEWATCH_NOW=2030-01-01T00:00:00Z in the
 * environment sets the clock to that time (read again whenever the variable changes), from
 * which it runs on; tests play laptops whose clocks are wrong with it. Unset or unreadable, the
 * system clock is used. */
int64_t cw_now_us(void);

#endif
