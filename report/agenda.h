/* agenda.h - what is coming, day by day: hearings set, and prison visits whose follow-up falls
 * due, with the follow-ups already overdue first.
 *
 * A hearing is on the agenda on its own date, or on the next date another hearing of its case
 * set (when no hearing of the case is logged for that day): cw_report_upcoming_hearings's rule.
 * A next date known only to its month that overlaps the window is on it under that month, before
 * the month's days, until a hearing of its case is logged for a day of that month
 * (cw_report_upcoming_read_months); a calendar file leaves it out, needing a day.
 * A visit is on it on its follow-up date (follow_up_on; one due within a month under that
 * month, its day not known), and it stays there, overdue, until a
 * later visit to the same facility, dated on or before today (cw_date_today: one dated after
 * it has not been made), is logged: the follow-up is then done. Overdue follow-ups are
 * looked for CW_AGENDA_OVERDUE_DAYS back. Everything is read in one read transaction, but the
 * drafts to complete (which are not records).
 *
 * Drafts to complete (forms kept unfinished on this laptop) are listed beside the items, all of
 * them whatever the window (they are work to do, not events), each on a day: the date typed in
 * the draft's date field when it holds a whole date (the day of the hearing or visit it is
 * about), else the day it was last kept. They are not items: no calendar file, report or
 * export holds them (a draft is private, unfinished work). */
#ifndef CW_AGENDA_H
#define CW_AGENDA_H

#include <stddef.h>
#include <stdio.h>

#include "models/date.h"
#include "models/error.h"
#include "models/filter.h"
#include "models/record.h"
#include "report/record_text.h"
#include "report/report.h"
#include "store/store.h"

#define CW_AGENDA_DAYS         14 /* the window when none is asked for */
#define CW_AGENDA_OVERDUE_DAYS 90 /* how far back an undone follow-up is still shown */

enum cw_agenda_what {
	CW_AGENDA_HEARING,   /* a hearing dated that day */
	CW_AGENDA_NEXT_DATE, /* the next date a hearing (rec) set for its case */
	CW_AGENDA_FOLLOW_UP, /* a visit (rec) whose follow-up is due that day */
};

struct cw_agenda_item {
	struct cw_date day; /* day-precise; a month for a next date or follow-up known only to it */
	enum cw_agenda_what what;
	const struct cw_record *rec;
	int overdue; /* a follow-up due before the window and not done */
	/* Not 0: the items that share it are accounts of one hearing to come that give it
	 * different days, or the same (cw_report_upcoming_same: linked as the same event, or
	 * disputing it): one hearing, each day on the agenda with whose account gives it. */
	size_t hearing;
};

struct cw_agenda_draft {
	struct cw_date day;       /* day-precise */
	int dated;                /* the day is the draft's own date, not the day it was kept */
	const struct cw_draft *d; /* in cw_agenda.draft_store */
};

struct cw_agenda {
	struct cw_date from, to; /* the window, inclusive */
	struct cw_date today;    /* the day it was made on: later visits do no follow-up */
	int leaves_team;         /* made for others (a calendar file): no monitor is named in it */
	struct cw_agenda_item *items; /* overdue first, then by day; hearings before visits */
	size_t n;
	/* When nothing is in the window: the first day after it and the latest day anything the
	 * filter admits is set for (a hearing's date, a next date, a follow-up); unknown when
	 * there is none. Follow-ups a later visit has done are no such day; done_skipped counts
	 * those passed over. */
	struct cw_date next, latest;
	size_t done_skipped;
	/* Forms kept unfinished on this laptop: to complete (store.h, drafts), by day then
	 * label. */
	struct cw_agenda_draft *draft_items;
	size_t drafts;
	struct cw_draft *draft_store;
	/* What the items point into, and the people and cases they name (cw_report_ref). */
	struct cw_report refs;
	struct cw_record_list hearings, visits;
};

/* The agenda of [from, to] (day-precise, from <= to; to unknown: no end, as a calendar file
 * wants) for what the filter admits (its dates are not used; its kinds, when given, say whether
 * hearings, visits or both). shown: NULL for the team's own views; for what leaves the team
 * (a calendar file), the withheld set cw_agenda_leave_out_confidential is given after, so that
 * the hearings to come are read as if those it leaves out were not there
 * (cw_report_upcoming_read). The caller frees *out with cw_agenda_free, also on failure. */
int cw_agenda_build(struct cw_store *st, const struct cw_filter *filter, struct cw_date from,
		    struct cw_date to, struct cw_withheld *shown, struct cw_agenda *out,
		    struct cw_error *err);
void cw_agenda_free(struct cw_agenda *a);

/* For what leaves the team (a calendar file): takes out the items of confidential records,
 * counted once each in w, and withholds confidential fields, and the names of confidential
 * people and cases the items name (report/confidential.h). Nothing without w->leave_out.
 * CW_ENOMEM or 0. */
int cw_agenda_leave_out_confidential(struct cw_agenda *a, struct cw_withheld *w);

/* After cw_agenda_leave_out_confidential: takes out the items whose record the filter's free
 * text or articles find only through what is withheld (a word of confidential notes, the name
 * of a confidential person, the charges of a confidential case), counted once each in w
 * (cw_withheld_match_text's rule). Nothing without w->leave_out or the filter's text and
 * articles. An error of the store, CW_ENOMEM or 0. */
int cw_agenda_match_text_as_shown(struct cw_store *st, struct cw_agenda *a, struct cw_withheld *w,
				  const struct cw_filter *filter, struct cw_error *err);

/* What an item is about, as its row names it (not yet neutralised): the record's mark
 * ("[C] ", "[c] ": it stays within the team) and what sum, the item's record summarised, says
 * it is about; for a follow-up, whom the visit met, the first CW_AGENDA_DETAINEES_NAMED and
 * then how many more: "Prey Sar CC1 (Eng Sroy, Sok Meas and 2 others)". 0, or the error of
 * a person's record (report/record_text.h). */
#define CW_AGENDA_DETAINEES_NAMED 3
int cw_agenda_about(struct cw_store *st, const struct cw_agenda_item *it,
		    const struct cw_record_summary *sum, char *buf, size_t len,
		    struct cw_error *err);

/* "hearing", "next hearing", "follow-up visit". */
const char *cw_agenda_what_label(enum cw_agenda_what what);
/* A day as the agenda heads it: "Thu 2026-12-03". */
void cw_agenda_day_text(struct cw_date day, char *buf, size_t len);
/* Room for it: a weekday's name in Khmer alone takes up to 30 bytes. */
#define CW_AGENDA_DAY_TEXT_MAX 96
/* What the row of a->items[i] says beside who and where (not yet neutralised): a hearing's
 * time, the hearing that set a next date, a follow-up's text and the visit's date (OVERDUE
 * first); for one of several accounts of a hearing to come, whose account gives this day and
 * what day the others on the agenda give, first ("next date per the government's account; the
 * team's gives 2022-03-03"). */
void cw_agenda_note(const struct cw_agenda *a, size_t i, char *buf, size_t len);
/* The other accounts on the agenda of the hearing to come of a->items[i] and the days they
 * give ("the team's gives 2022-03-03, the UN's gives 2022-03-04"), in buf; how many (0: none,
 * buf ""). Those taken out of the agenda (withheld, or found only in what is) are not named. */
size_t cw_agenda_other_accounts(const struct cw_agenda *a, size_t i, char *buf, size_t len);
/* Whose account a record gives, as the agenda names it: "the government's", "the team's". */
const char *cw_agenda_whose(unsigned view);
/* How many hearings to come the agenda lists on several days, as their accounts differ. */
size_t cw_agenda_hearings_differ(const struct cw_agenda *a);

/* Why an empty agenda is empty, as one sentence (not yet neutralised: it holds only dates):
 * the next day anything is set for after the window, else the latest, else that nothing has a
 * date ("that matches" when `filtered`); with `cli`, how the command line shows the agenda
 * from that day ('--from DATE', an option the terminal interface has not). */
void cw_agenda_why_empty(const struct cw_agenda *a, int filtered, int cli, char *buf, size_t len);

/* The agenda as an iCalendar file (RFC 5545; report/ics.c): one event per item dated to a day
 * (a next date known only to its month is left out: a hearing is on one day, which the
 * calendar would have to make up); a follow-up due within a month is an all-day event over
 * the whole month, as its deadline runs. */
int cw_agenda_write_ics(const struct cw_agenda *a, FILE *out);

#endif
