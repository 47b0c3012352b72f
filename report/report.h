/* report.h - what a weekly summary says, gathered through the public store API.
 *
 * cw_report_build collects, for a date range and a filter, the records and figures a supervisor
 * sends partners: hearings (the team's own observations counted apart from hearings drawn from
 * documents, so that a UN or government account never passes for the team's), new arrests and
 * charges counted by article, verdicts, prison visits, demonstrations, hearings coming up in the 14
 * days after the range, the people held longest in pretrial detention, records dated only to a
 * month or a year that overlap the range, and counts compared with the range before. It formats
 * nothing: the front ends turn a struct cw_report into Markdown, HTML, CSV or JSON.
 *
 * Dates are calendar days as the monitors wrote them (Cambodia, UTC+7); "today" is the caller's
 * business, but for one thing: a range that holds today (cw_date_today) and runs past it
 * counts pretrial detention to today (held_to). A range is inclusive and day-precise. */
#ifndef CW_REPORT_H
#define CW_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "models/date.h"
#include "models/error.h"
#include "models/filter.h"
#include "models/idmap.h"
#include "models/record.h"
#include "models/timeline.h"
#include "report/confidential.h"
#include "store/store.h"

#define CW_REPORT_UPCOMING_DAYS 14  /* hearings listed after the range */
#define CW_REPORT_DETAINEES_MAX 10  /* named people listed under pretrial detention */
#define CW_REPORT_GROUP_LABEL   256 /* room for a group's label (NAME_MAX_BYTES and its end) */

/* ISO 8601 weeks: "2024-W06" is Monday 2024-02-05 to Sunday 2024-02-11. */
int cw_report_parse_week(const char *text, int *year, int *week, struct cw_error *err);
/* A week as a person types it, the same at the command line and in the terminal interface: an
 * ISO week, or a day in it ("2024-02-07", "yesterday", "last week", in Khmer digits and words
 * too), the days counted from `today`. CW_EINVAL naming "week" when it is neither. */
int cw_report_read_week(const char *text, struct cw_date today, int *year, int *week,
			struct cw_error *err);
/* The Monday and Sunday of a week; CW_EINVAL when the year has no such week. */
int cw_report_week_range(int year, int week, struct cw_date *from, struct cw_date *to);
/* The ISO week a day-precise date falls in. */
void cw_report_week_of(struct cw_date day, int *year, int *week);
/* The last complete week before `today` (the week before today's week). */
void cw_report_last_week(struct cw_date today, int *year, int *week);

/* One verdict line: a ruling in a hearing's verdict list (index), a hearing with a verdict
 * outcome but no itemised verdicts (index SIZE_MAX), or a milestone that records a ruling no
 * hearing in the range already gives (rec is then a milestone; index is the article of those
 * it names this line is for, SIZE_MAX when it names none). Lines are numbered by the
 * ruling they belong to (a hearing's verdict, or the milestones of one type, case and date)
 * and by the decision (what that ruling says of one defendant or group, over every charge its
 * lines list): counts of verdicts count decisions, so a ruling on three charges of one person
 * is one verdict, and one on nine people nine. */
struct cw_report_verdict {
	const struct cw_record *rec;
	size_t index;
	/* Whom the row rules on: a person, else a group of the case's unnamed defendants by its
	 * label (pointing into rec or its case), else no one (a hearing's verdict given
	 * unitemised, or a milestone that names no one). A hearing's verdict that names no one
	 * rules on every defendant of its case: a row for each, the same verdict (index). */
	struct cw_id person;
	const char *group;
	size_t ruling, decision;
	int linked; /* its hearing is one of several accounts of one, linked as the same event */
	int taken;  /* an unitemised account's decision, taken over by another account's row */
};

/* The article a verdict line rules on into *out: 1, or 0 when it names none (a hearing's
 * verdict on an offence with no article, a milestone on every charge). */
int cw_report_verdict_article(const struct cw_report_verdict *v, struct cw_article *out);
/* Whether a verdict row carries its record's sentence (and fine, and the parts of it that are
 * its defendant's): not a hearing's row that acquits, drops or overturns, whose hearing's
 * sentence is someone else's or no longer stands; a milestone's row carries its own. The one
 * rule every format gives a row's sentence by (a JSON row gave an acquitted co-defendant the
 * convicted one's prison term). */
int cw_report_verdict_carries_sentence(const struct cw_report_verdict *v);
struct cw_report;
/* Whether a verdict line was given in the defendant's absence: a verdict-in-absentia milestone,
 * or a hearing's verdict that such a milestone of the period gives too (one verdict, two
 * records: the hearing's row is the one shown), or whose case has the person or group tried in
 * absentia. "Convicted" alone would hide it. */
int cw_report_verdict_in_absentia(const struct cw_report *r, const struct cw_report_verdict *v);

/* Distinct articles charged in the range's arrests and charges, with how many of those events
 * name each (an event counts once per article). */
struct cw_report_article {
	struct cw_article article;
	size_t count;
	/* The people those events concern, each once (a person arrested and charged in the
	 * period is one; a group of unnamed defendants as the largest number its events give,
	 * "5 more" besides): what partners ask, beside the events. */
	size_t people;
};

/* A hearing in the window after the range: its own date, or the next date another hearing set
 * (from_next_date) when no hearing of the same case is logged for that day; that date may be
 * a month that overlaps the window (cw_report_upcoming_read_months), its day not known. */
struct cw_report_upcoming {
	const struct cw_record *hearing;
	struct cw_date date;
	int from_next_date;
	/* A next date given only to a month (a year): the day of the first hearing of the case
	 * logged in it that only ruled on bail, which is no sitting of it; unknown when none. */
	struct cw_date bail_heard;
};

/* A person still in pretrial detention at the end of the range, or a group of a case's unnamed
 * defendants (person zero, group its label). days is the least number of days the records'
 * dates allow, days_max the most (the same when the detention is dated to the day; -1 when
 * the records set no bound: models/timeline.h); days is -1 when they give no figure at all. */
/* One access of a detainee (to a lawyer, or to family) as a prison visit recorded it. */
struct cw_report_access {
	struct cw_id visit;   /* the visit's record; zero: no visit recorded it */
	struct cw_date date;  /* the visit's date */
	uint8_t view, access; /* its account (cw_words_view); the access (cw_words_access) */
	/* The latest visit of the same stretch surely after that one (its first day after the
	 * other's last) that met them and recorded no such access ("unknown": it did not ask, or
	 * was not told): its record (zero: none), date and account. The access above is then
	 * the last known, not what that visit found, and the row says both. */
	struct cw_id later;
	struct cw_date later_date;
	uint8_t later_view;
};

struct cw_report_detainee {
	struct cw_id person;
	/* A group: its label as the case gives it, and how many of it are held (-1: the sources
	 * give no number; cw_timeline_summarise_group). "" and 0 for a person. */
	char group[CW_REPORT_GROUP_LABEL];
	int64_t count;
	struct cw_id case_id;
	struct cw_date since;
	long days, days_max;
	/* Days in pretrial detention over every stretch (a detention before a release on bail,
	 * then an arrest again), least and most as the summary gives them (-1: not known): more
	 * than days when an earlier stretch is recorded. */
	long total, total_max;
	/* The day counted to: the period's end, or earlier when the source's account stops
	 * there (models/timeline.h says why: to_kind). */
	struct cw_date to;
	uint8_t to_kind;
	/* Counted to the period's end by the team's own record: its latest dated record
	 * (models/timeline.h: pretrial_news), said when old. */
	struct cw_date news;
	/* Whose account the count rests on: a bit (1 << enum cw_view) for each account of the
	 * arrests and detentions of the person (or group) in the case dated on `since`, the
	 * stretch's first day, and for the case's own, which says they are held. Only the case's
	 * when the stretch began in another case. */
	uint32_t views;
	/* A row of unstarted whose case's entry gives no date: the day the case was first
	 * recorded here, which the entry is known by (nobody here knew of it before). */
	struct cw_date recorded;
	/* A row of unstarted whose case's entry is known only after the period (the case opened,
	 * or was recorded here, since): the latest prison visit of the period that met them,
	 * and its day, which is what the records give of their being held then (zero: none).
	 * Held again in that case (`since`: their last detention logged in it ended before the
	 * visit), it is what finds them held after that end. */
	struct cw_id met_visit;
	struct cw_date met_on;
	/* A group some of which were taken after `since` ("3 more arrested"), up to the day
	 * counted to: the latest such day and how many it and the others took (-1: a number not
	 * given). They were held fewer days than `days`, which are the first ones'. */
	struct cw_date joined;
	int64_t joined_count;
	/* Another account of the stretch's first arrest or detention that dates it otherwise
	 * (unknown when none), whose account it is, and the days it gives (-1: the dates do not
	 * give them); `since` is then the account of start_view (models/timeline.h). */
	struct cw_date start_other;
	uint8_t start_view, start_other_view;
	long start_other_days;
	/* The records the two are from: the arrest or detention `since` is counted from (zero
	 * when not found), whose source the row cites, and the other account's (zero when none is
	 * quoted), whose source is cited where it is quoted. Both among the report's refs
	 * (cw_report_ref), as read for what is written: a confidential field of theirs reads as
	 * withheld. */
	struct cw_id start_id, start_other_id;
	/* Counted to an end (CW_PRETRIAL_TO_END) from another account than a record of the
	 * period that finds them held after it: the end's account, and the latest such record
	 * (its kind, a milestone's type, date and account: models/timeline.h held_after). Such a
	 * row is listed whatever its length: the accounts differ on whether they are still held,
	 * and a report that left them out would settle it for the end's (a partner's trial). */
	uint8_t end_view, held_after_kind, held_after_type, held_after_view;
	struct cw_date held_after;
	/* The detention order the stretch is held under, as recorded (a pretrial detention
	 * ordered or extended with the last day it runs to: models/timeline.h order_id):
	 * its record (zero when none), its account, its last day, and the days held after
	 * that day to `to`, least and most (0: not past it; -1: not known). */
	struct cw_id order_id;
	uint8_t order_view;
	struct cw_date order_until;
	long days_past_order, days_past_order_max;
	uint8_t order_held_otherwise; /* models/timeline.h, order_held_otherwise */
	/* Their access to a lawyer, and apart to family, at the latest prison visit dated in the
	 * stretch, from `since` wholly up to the period's end, that recorded that access (struct
	 * cw_detainee_access; of two accounts of one day, the team's own): each its own visit,
	 * since a later visit that saw the family only says nothing of the lawyer an earlier one
	 * was kept from; and a later visit that met them without recording it (struct
	 * cw_report_access: later) does not hide it either. Not a visit refused access, which
	 * met no one. A person's row only; read as the row's other records are (what is
	 * withheld and the accounts left out are not there). */
	struct cw_report_access lawyer_at_visit, family_at_visit;
	/* Listed whatever its length (arrested or detained in the period, or the accounts
	 * differ), not as one of the CW_REPORT_DETAINEES_MAX longest. */
	uint8_t kept;
};

/* The arrests of the demonstration event counted by demos->items[i] (counted as in
 * demo_counted, its accounts chained as in demo_next: both NULL when no demonstration is
 * linked): its own figure (cw_demo_arrests), else the first other account of the event in row
 * order that gives one; -1 when none does. *at_least when that figure is a least; *from the
 * record it is from. */
int64_t cw_report_event_arrests(const struct cw_record_list *demos, const size_t *counted,
				const size_t *next, size_t i, int *at_least, size_t *from);

/* Where demos->items[j], another account of a demonstration another row of the period counts
 * (demo_counted), gives its arrests otherwise than the figure the event is counted with
 * (cw_report_event_arrests): its own figure (*at_least when a least; the UN's 5 beside the
 * team's "at least 2"); -1 when it gives none, the same, or is the account counted or the
 * one the figure is from. */
int64_t cw_report_demo_arrests_differ(const struct cw_record_list *demos, const size_t *counted,
				      const size_t *next, size_t j, int *at_least);
/* The same two of the people injured at a demonstration (cw_demo_injured): the event's figure
 * and where it is from, and another account's that differs ("government gives 0 injured"
 * beside the team's 3), read as the arrests are. */
int64_t cw_report_event_injured(const struct cw_record_list *demos, const size_t *counted,
				const size_t *next, size_t i, int *at_least, size_t *from);
int64_t cw_report_demo_injured_differ(const struct cw_record_list *demos, const size_t *counted,
				      const size_t *next, size_t j, int *at_least);

/* The accounts a figure of demonstrations is kept apart by: enum cw_view, below this. */
#define CW_REPORT_VIEWS (CW_VIEW_OTHER + 1)

/* The k-th account (k < CW_REPORT_VIEWS) in the order figures kept apart by account are given:
 * the team's own first, as its hearings come before those documents report, then the others
 * in the order their list has them. */
static inline unsigned cw_report_view_at(size_t k)
{
	static const uint8_t order[CW_REPORT_VIEWS] = {
		CW_VIEW_OWN, CW_VIEW_UN,    CW_VIEW_GOVERNMENT, CW_VIEW_MEDIA,
		CW_VIEW_NGO, CW_VIEW_OTHER, CW_VIEW_UNKNOWN};

	return order[k];
}

/* A figure of a period's demonstrations, their arrests or the people injured at them, by whose
 * account it is: each event's figure goes to the account it is drawn from
 * (cw_report_event_arrests, cw_report_event_injured). What the period's figures are when
 * several accounts give them: never added in what a reader is given (the team's 5 arrests and
 * a government's 2, at what may be one demonstration, read "7 arrests"). */
struct cw_report_by_account {
	size_t n[CW_REPORT_VIEWS]; /* the figure of each account in `given` */
	uint32_t given;            /* a bit (1 << enum cw_view) for each account that gives one */
	/* Those whose figure is a least: a figure recorded as one, or another event the account
	 * is counted by (demo_counted) that no account gives a figure of. */
	uint32_t at_least;
	/* The accounts the period's events are counted by, whether they give a figure or not:
	 * one here and not in `given` gives none ("not recorded"); one in neither tells none of
	 * them (0). */
	uint32_t told;
};

/* Whether a set of accounts (bits 1 << enum cw_view) holds more than one. */
static inline int cw_report_several(uint32_t views)
{
	return (views & (views - 1)) != 0;
}

/* Whether a figure of the period and the previous one come from different accounts: each
 * period's given by some account, not by the same ones (the team's this week, the
 * government's the week before). They are not one source's figures to compare: the
 * comparison gives each account's apart, and JSON neither period's as one figure. */
static inline int cw_report_accounts_differ(const struct cw_report_by_account *cur,
					    const struct cw_report_by_account *prev)
{
	return cur->given && prev->given && cur->given != prev->given;
}

/* Whether demos->items[i] and demos->items[j] are accounts of two events the period counts
 * (demo_counted: neither counted in another period) that may be one demonstration, not linked
 * as the same event: the day and place, as logging warns of them (cw_demo_may_be_same). Their
 * figures are each counted; the report says they may be one. */
int cw_report_demo_unlinked(const struct cw_record_list *demos, const size_t *counted, size_t i,
			    size_t j);

/* The rows j of r->demos whose events the period counts (cw_report_counted) and that may be
 * the same demonstration as row i (cw_report_demo_unlinked), in row order, into *rows: how
 * many. Found once for the report, among the rows of the same day and place, where comparing
 * each row with every other took most of a year's report of 30,000 demonstrations. */
size_t cw_report_demo_same(const struct cw_report *r, size_t i, const size_t **rows);

/* Whether visits->items[j], another account of a prison visit another row of the period counts
 * (visit_counted), gives another access (granted, restricted, denied) than the account
 * counted, whose access the summary's figures count. */
int cw_report_visit_access_differs(const struct cw_record_list *visits, const size_t *counted,
				   size_t j);

/* How many detainees the period's prison visits (the accounts counted, as the figures) give
 * access to a lawyer (lawyer 1) or to family (0) denied or restricted, each person once
 * however many visits say it (struct cw_detainee_access). Not a visit refused access, which
 * met no one: what it records of their access was neither told nor seen there. */
size_t cw_report_visit_access_kept(const struct cw_report *r, int lawyer);

/* Accounts of one event dated in different periods (linked as the same event, or disputing
 * it, directly or through others) are counted once, in the period of the account the event is
 * counted by: the team's own (the first), else the earliest. A report follows the links of
 * its period's accounts, either way (a link is kept on the record that names the other, and
 * the index of links files it under the one named: cw_reader_linking), to every account of
 * its events however far apart they are dated, so every period decides alike. */
/* In visit_counted, demo_counted, hearing_counted, arrest_counted, incident_counted and
 * case_event_counted: the event is counted by an account dated in another period (struct
 * cw_report_elsewhere says which). */
#define CW_REPORT_ELSEWHERE SIZE_MAX
/* The account of another period an event is counted by. */
struct cw_report_elsewhere {
	struct cw_id id;
	struct cw_date date;
	uint8_t view;  /* enum cw_view */
	int8_t before; /* dated before the period (1) or after it (0) */
};

/* The account of another period the ruling of verdict line v is counted by (a line of
 * verdicts[nverdicts] on), or NULL when it is counted here. */
const struct cw_report_elsewhere *cw_report_verdict_elsewhere(const struct cw_report *r,
							      const struct cw_report_verdict *v);

/* Whether record i of a list whose counted accounts are `counted` (report.h: visit_counted,
 * demo_counted) is the one its event is counted by. */
static inline int cw_report_counted(const size_t *counted, size_t i)
{
	return !counted || counted[i] == i;
}

/* Counts compared with the previous range of the same length (whole calendar months: as many
 * whole months before). */
enum cw_report_metric {
	CW_METRIC_HEARINGS,          /* every hearing, whoever's account */
	CW_METRIC_HEARINGS_OWN,      /* the team's own observations (view own), the team admitted */
	CW_METRIC_HEARINGS_KEPT_OUT, /* the team's own hearings it was not admitted to: went to,
				      * not monitored */
	CW_METRIC_HEARINGS_REPORTED, /* the others: drawn from documents, or account not recorded */
	CW_METRIC_VERDICT_HEARINGS,
	CW_METRIC_ARRESTS,
	CW_METRIC_CHARGES,
	CW_METRIC_DETENTIONS, /* people a pretrial-detention milestone names, whether or not still
			       * held at the period's end */
	CW_METRIC_VERDICTS,   /* decisions: one per defendant (or group) and ruling */
	CW_METRIC_VISITS,
	CW_METRIC_VISIT_DETAINEES, /* people the period's prison visits met, each once (a visit
				    * refused access met no one) */
	CW_METRIC_DEMOS,
	CW_METRIC_DEMO_ARRESTS,
	CW_METRIC_DEMO_INJURED, /* people injured at demonstrations, read as their arrests */
	CW_METRIC_COUNT
};
#define CW_REPORT_NOT_RECORDED SIZE_MAX /* a metric no record gives (struct cw_report) */
/* Stable names used as keys in JSON and CSV: "hearings", "hearings_own", ... */
const char *cw_report_metric_name(enum cw_report_metric m);
/* What the metric counts, for people: "hearings monitored by the team", ... */
const char *cw_report_metric_label(enum cw_report_metric m);

/* Charge groups the issue asks to see on their own. An event may fall in several. */
enum cw_report_group {
	CW_GROUP_INCITEMENT,   /* 494 or 495 */
	CW_GROUP_LESE_MAJESTE, /* 437 bis */
	CW_GROUP_OTHER,        /* an article, none of the above */
	CW_GROUP_NO_ARTICLE,   /* no article recorded for the person in the case */
	CW_GROUP_COUNT
};
const char *cw_report_group_name(enum cw_report_group g);  /* "incitement_494_495", ... */
const char *cw_report_group_label(enum cw_report_group g); /* "494/495 incitement", ... */

/* Who a report is from and for and when it was made, said in its header in every format. The
 * caller sets it after cw_report_build (cw_report_build leaves it zero); the strings are
 * borrowed. */
struct cw_report_about {
	const char *organisation;    /* NULL or "": not given, the header leaves the line out */
	const char *author;          /* who writes it (the database's author), NULL: not given */
	const char *confidentiality; /* NULL: cw_report_confidentiality_default */
	int64_t generated_us;        /* when it was made (cw_now_us()); 0: not said */
	/* The fingerprint of the key that signs the file (--sign, sign_reports), so that the
	 * partner reads in the report itself that a signature comes with it; NULL: unsigned. */
	const char *signed_by;
};
/* "Confidential: for the named partners only", marked for translation. */
extern const char cw_report_confidentiality_default[];

/* The rows of the fair-trial table: the indicators of cw_words_indicator (1..n-1), then the
 * hearing's own answers to who was let in (public, press, monitors). */
#define CW_REPORT_FAIR_MAX 24
enum { CW_FAIR_SIDE_OWN, CW_FAIR_SIDE_REPORTED };
struct cw_report_fair {
	unsigned indicator; /* a cw_words_indicator value, or 0 for a field below */
	const char *field;  /* "public_admitted", "press_admitted", "monitors_admitted"; NULL */
	const char *label;  /* what people read, untranslated (N_): "public hearing" */
	/* Hearings of each side (the team's own, reported in documents) by answer: unknown
	 * (also: not recorded at that hearing), yes (met), no (not met), not applicable. */
	size_t answers[2][4];
};
/* Where another account of a hearing counted in a row answers otherwise: its answer is known
 * (met, not met, not applicable) and not the counted account's, which may be unknown. The
 * row, the account whose answer is counted (the one counted, or another of the team's
 * accounts of the hearing when that one leaves the row unanswered) and the other (places in
 * hearings). */
struct cw_report_fair_differ {
	size_t row;
	size_t counted, other;
};

/* Hearings of each side by outcome (cw_words_outcome values). */
#define CW_REPORT_OUTCOMES_MAX 16

/* A pretrial detention a release ended (cw_report release_ended): its first day and its
 * days, least and most (-1: not known; days -1: none). */
struct cw_report_ended {
	struct cw_date since;
	long days, days_max;
};

struct cw_report {
	struct cw_date from, to; /* the range, inclusive */
	/* The day pretrial detention is counted to: the range's end, or today when the range
	 * holds today and runs past it (days not yet lived are no days in detention). */
	struct cw_date held_to;
	struct cw_date prev_from, prev_to; /* the range before, same length or months */
	struct cw_date next_from, next_to; /* the upcoming window */
	int week_year, week;               /* the ISO week when the range is one, else 0 */
	struct cw_filter filter;           /* the caller's criteria, dates cleared */
	/* The criteria the report does not repeat as typed (CW_REPORT_WITHHELD_PERSON, _CASE,
	 * _TEXT): a person or case they name is confidential, or a person's name is (free text:
	 * is found in such a name), and what is written for others must not tell whom it is about
	 * (cw_report_filter_text). */
	unsigned filter_withheld;

	/* Day-dated records in the range, oldest first. */
	struct cw_record_list hearings; /* every account; cw_report_hearing_is_own tells them */
	/* Another account's hearings in the range that its source only set: no outcome, no
	 * verdict, and the source's account may be as of a day before the hearing ("a verdict
	 * will be announced on 14 June"). Counted nowhere: nothing says they were held. */
	struct cw_record_list hearings_set;
	struct cw_record_list arrests; /* milestones: arrest, charge */
	/* pretrial-detention milestones dated in the period (CW_METRIC_DETENTIONS counts their
	 * people; those still held are in detainees) */
	struct cw_record_list detentions;
	struct cw_record_list rulings; /* milestones: verdicts, sentences, appeal decisions */
	/* milestones that set someone free or would have: bail and release (granted, refused or
	 * not recorded), house arrest, judicial supervision, the end of a pretrial detention, a
	 * pardon */
	struct cw_record_list releases;
	/* For releases.items[i]: the person's pretrial detention it ended on its day, as the
	 * list of detainees reads a person's (cw_timeline_summarise to that day): the stretch's
	 * first day and its days, least and most (report.h, cw_report_detainee); days -1 when
	 * it ended none whose length the records give (a group's, a refused one, one that a
	 * later release carries out, a detention in another case running on). NULL when there
	 * are no releases. */
	struct cw_report_ended *release_ended;
	/* The same for hearings.items[i] that granted bail to the one person it is for
	 * (cw_report_hearing_bail_whom); NULL when there are no hearings. */
	struct cw_report_ended *hearing_ended;
	/* milestones of no list above: an appeal lodged, a trial suspended, resumed or
	 * postponed, and "other" (a killing, a disappearance), so that no event of a case dated
	 * in the range goes unsaid */
	struct cw_record_list case_events;
	struct cw_record_list visits;
	struct cw_record_list demos;
	struct cw_record_list incidents; /* outlets closed, accounts blocked, rights restored ... */
	/* For visits.items[i] (demos.items[i]): the index of the account its event is counted by
	 * (linked as the same event, or disputing it, directly or through others: the team's
	 * account, else the first listed), i itself for that one; NULL when none of them is
	 * linked. The counts take each event once (cw_report_counted). */
	size_t *visit_counted, *demo_counted;
	/* The accounts of each demonstration event, chained in row order: for the row
	 * demo_counted names, the first other account of its event, for another account the
	 * next after it; SIZE_MAX at the end of the chain and for a row counted in another period.
	 * NULL when demo_counted is. The figures read only an event's own accounts
	 * (cw_report_event_arrests), not all the period's rows for each event. */
	size_t *demo_next;
	/* The same for hearings (joined as the counts join them: the team's account, else the
	 * first) and for arrests and charges; NULL when none is linked. Any of the four may be
	 * CW_REPORT_ELSEWHERE: the event is counted in another period (accounts_across), by
	 * the account *_elsewhere[i] gives (NULL when no row is). */
	size_t *hearing_counted, *arrest_counted;
	/* The same for case_events and incidents (a killing the UN and a government tell,
	 * linked: one event), counted in one period as the others are: CW_REPORT_ELSEWHERE with
	 * *_elsewhere[i]; NULL when none is linked. */
	size_t *case_event_counted, *incident_counted;
	/* For arrests.items[i], an arrest whose people the detainees do not list: why not (enum
	 * cw_report_unlisted, read from their records as the list reads them); 0 for the others.
	 * NULL when there is no arrest. */
	uint8_t *arrest_unlisted;
	struct cw_report_elsewhere *visit_elsewhere, *demo_elsewhere, *hearing_elsewhere,
		*arrest_elsewhere, *incident_elsewhere, *case_event_elsewhere;
	/* For demos.items[i], the rows of other events the period counts that may be the same
	 * demonstration (cw_report_demo_same): demo_same[demo_same_at[i]] up to
	 * demo_same[demo_same_at[i + 1]], in row order. Read once, by day and place; NULL when
	 * there is no demonstration. */
	size_t *demo_same_at, *demo_same;
	/* The arrests at the period's demonstrations (counts[CW_METRIC_DEMO_ARRESTS]) are a
	 * least: people named with no number, or some events giving no figure; and the same of
	 * the previous period's. */
	int demo_arrests_at_least, previous_demo_arrests_at_least;
	/* The same of the people injured at them (counts[CW_METRIC_DEMO_INJURED]): a figure
	 * recorded as a least, or some events giving none. */
	int demo_injured_at_least, previous_demo_injured_at_least;
	/* Those two figures by whose account they are, of the period and the previous one: where
	 * several accounts give one, the report gives each apart (cw_report_several). */
	struct cw_report_by_account demo_arrests_by, previous_demo_arrests_by, demo_injured_by,
		previous_demo_injured_by;

	/* For hearings.items[i], another's account of a hearing the team observed too (linked as
	 * the same event, directly or through other accounts): the index in hearings of the
	 * team's own account, which the counts take; SIZE_MAX for any other hearing. NULL when
	 * nothing of the period is linked. */
	size_t *hearing_own;
	/* For hearings.items[i], its bail decision as counted (cw_report_hearing_bail), made once
	 * when the report is built. */
	uint8_t *hearing_bail;
	/* The people the filter's person criterion names, as a query resolves it (none when it
	 * names no one): a ruling's rows on a co-defendant are not theirs. */
	struct cw_id *filter_people;
	size_t nfilter_people;

	/* The verdict lines counted, then (verdicts[nverdicts] on, nverdicts_away of them) those
	 * of ruling milestones whose ruling another period counts (ruling_counted): listed, each
	 * with the account counted, numbered into no ruling and counted in no figure here. */
	struct cw_report_verdict *verdicts;
	size_t nverdicts, nverdicts_away;
	/* For rulings.items[i]: CW_REPORT_ELSEWHERE when the ruling it tells, linked as the same
	 * event to an account of another period, is counted there (the team's account, else the
	 * earliest dated to a day), with that account in ruling_elsewhere[i]; NULL when no ruling
	 * of the period is linked so. Rulings of the period linked as one are one ruling in it
	 * (struct cw_report_verdict's ruling). */
	size_t *ruling_counted;
	struct cw_report_elsewhere *ruling_elsewhere;
	size_t nrulings, ndecisions; /* over the verdict lines (struct cw_report_verdict) */
	int linked_rulings; /* a ruling's lines come from several accounts of its hearing */
	struct cw_report_article *articles; /* by law, number, suffix */
	size_t narticles;
	size_t groups[CW_GROUP_COUNT];
	size_t group_people[CW_GROUP_COUNT]; /* the people of each group's events, each once */

	struct cw_record_list upcoming_src;  /* hearings that give an upcoming date */
	struct cw_report_upcoming *upcoming; /* in date order */
	size_t nupcoming;
	/* For upcoming[i], the index of an earlier item that is another account of the same
	 * hearing to come (next dates set by accounts of one hearing linked as the same event,
	 * or disputing it, which may differ: the team's 14 May, the UN's 15 May), SIZE_MAX when
	 * none; NULL when no item is. The summary counts each hearing to come once. */
	size_t *upcoming_same;
	/* Hearings set for a day of the range that has gone by with nothing logged for it: the
	 * next date an earlier hearing of its case set (any account; once, as upcoming gives
	 * it: from_next_date), with no hearing of the case logged on that day in any account,
	 * and none held after the one that set it, up to the range's end or today when that comes
	 * first (one dated after today has not been held), that moved the case on
	 * (cw_timeline_next_date_superseded: as the timeline's "passed, nothing logged since").
	 * A week's report listed it under upcoming the week before; without it the week of the
	 * date would read as a quiet one. Days after today are not gone by. A next date given
	 * only to a month is one when the month ended in the range (by its end and before
	 * today) with no hearing of the case logged in it (cw_report_upcoming_read_months), its
	 * item's date that month. Items point into missed_src, in date order. */
	struct cw_record_list missed_src;
	struct cw_report_upcoming *missed;
	size_t nmissed;

	/* The named people held longest (at most CW_REPORT_DETAINEES_MAX of those whose length
	 * the records give, and every one whose length they do not give, who may be held longer)
	 * and every group of unnamed defendants held (groups are few, and a group is many
	 * people), longest first, unknown lengths last. */
	struct cw_report_detainee *detainees;
	size_t ndetainees;
	/* Of those: the rows that are groups, the people in the groups that give their number, and
	 * the groups that give none (then the people held are "at least" so many). */
	size_t detained_groups, detained_in_groups, detained_groups_uncounted;
	/* People and groups their case's entry says are detained, known so by the period's end,
	 * with no dated arrest or detention of theirs logged in it (cw_reader_detained_unstarted):
	 * no days can be counted for them, so they are not among the detainees above. Each row
	 * gives its person or group, case and views (the case's account), in `to` the date the
	 * entry is known by (unknown when none), and in `since`, for a person held again, the day
	 * their last detention logged ended (before the entry was known, or, met_on, before the
	 * visit; views then has the end's account and the visit's too); days are -1. Latest known
	 * first: at most CW_REPORT_DETAINEES_MAX people, and every group. A person's row gives
	 * their access at visits as a detainee's does (lawyer_at_visit), from any visit up to the
	 * period's end, or, held again, after `since`. unstarted_people counts the people found,
	 * listed or not, and the people of the groups (a group that gives no number as one:
	 * unstarted_uncounted such groups). */
	struct cw_report_detainee *unstarted;
	size_t nunstarted, unstarted_people, unstarted_named, unstarted_uncounted;
	/* Of unstarted_people, those held again after their last detention logged ended, and
	 * those a prison visit of the period met whose case's entry is known only after it
	 * (met_on): someone held again whom such a visit met is in both. */
	size_t unstarted_again, unstarted_met;

	/* Records dated only to a month or a year that overlaps the range (not counted above). */
	struct cw_record_list partial;
	/* Hearings, visits and demonstrations a source counts without listing them ("28
	 * hearings monitored", "at least 95 demonstrations": a tally, models/record.h), dated in
	 * the range or, undated, over a period that lies in it. Not counted above, where each
	 * would have been one event. */
	struct cw_record_list tallies;
	/* How many events matching the filter have no date at all (tallies aside, confidential
	 * ones left out as everywhere): no period's report counts them, and the report says so
	 * (a charge logged with no date vanished from every report without a word). */
	size_t undated;

	/* CW_REPORT_NOT_RECORDED where no record of the period gives the figure (arrests at
	 * demonstrations none of which recorded its arrests), which is not 0. */
	size_t counts[CW_METRIC_COUNT];
	size_t previous[CW_METRIC_COUNT];
	/* Whose accounts each figure is drawn from: a bit (1 << enum cw_view) for the account of
	 * each record it counts, this period's and the previous one's apart. Of an event several
	 * accounts tell, only the account it is counted by (a government's account linked to the
	 * UN's counted one adds nothing, whether it agrees or not: cw_report_demo_arrests_differ
	 * says where it gives another figure); of arrests at demonstrations, the account each
	 * event's figure is from (cw_report_event_arrests). */
	uint32_t counts_views[CW_METRIC_COUNT];
	uint32_t previous_views[CW_METRIC_COUNT];

	/* Figures the summary's sentences are made of, counted from the hearings above (the
	 * same rows the tables show): [CW_FAIR_SIDE_OWN or _REPORTED][...]. */
	size_t outcomes[2][CW_REPORT_OUTCOMES_MAX];
	struct cw_report_fair fair[CW_REPORT_FAIR_MAX];
	size_t nfair;
	/* Each hearing, row and other account that answers it otherwise, in the order of the
	 * hearings, then the rows, then the other accounts. */
	struct cw_report_fair_differ *fair_differ;
	size_t nfair_differ;

	struct cw_report_about about; /* the header: set by the caller */

	/* The people and cases the records above name, for their names. */
	struct cw_record_list refs;
	struct cw_idmap ref_index; /* refs by id: their position */
	struct cw_idmap ref_gone;  /* ids looked up and not there */

	/* How many of the records the report uses (its lists, the hearings its upcoming and
	 * missed items are from, the people and cases whose names it gives) wait with an
	 * unresolved conflict (store/sync.h): two laptops edited them apart, and the figures use
	 * the version shown until someone chooses (`casewatch conflicts`); the header says so. */
	size_t conflicted;
	/* How many of the records the report uses, counted alike, name one person twice with
	 * entries that
	 * differ (cw_store_doubled_ids): another laptop merged two people into one, and a figure
	 * read from such a record rests on one of two entries nobody chose until an edit makes
	 * them one (`casewatch conflicts` says how); the header says so. */
	size_t doubled;
	/* How many of the team's laptops have a bundle missing here (cw_sync_bundles_missing):
	 * whatever it held, of any date, is not in the figures; the header says so. */
	size_t bundles_missing;

	/* Confidential records left out and fields withheld (report/confidential.h): reports
	 * leave them out unless asked not to; a zeroed report (the lists' names, the agenda's)
	 * keeps them, and an export sets leave_out itself. */
	struct cw_withheld confidential;
	/* Set for the team's own views (list, show, timeline and agenda with --json), never for
	 * what is written for others: each record's JSON says whether the lists mark it
	 * (touches_confidential: cw_report_touches_confidential). */
	int team_marks;
	/* While the report is built: what the filter's free text finds as the report will show
	 * it (cw_withheld_text_matcher); NULL before and after. */
	struct cw_matcher *shown;
	/* A person's timeline exported for others (cw_export_timeline_json): set when the
	 * detention order their records give, read whole, is one left out
	 * (cw_report_order_withheld); its summary then gives no order. */
	int timeline_order_withheld;
};

enum { CW_REPORT_WITHHELD_PERSON = 1, CW_REPORT_WITHHELD_CASE = 2, CW_REPORT_WITHHELD_TEXT = 4 };

/* The filter line a report writes ("article:494/495 person:\"Ny Nak\""; "" for none), with a
 * criterion in r->filter_withheld written as "[confidential]". */
void cw_report_filter_text(const struct cw_report *r, char *buf, size_t len);

/* Gathers the report for [from, to] (day-precise, from <= to) and the records `filter` admits
 * (its since/until are ignored; its kinds, when given, limit which sections are filled).
 * The caller frees *out with cw_report_free, also on failure. */
int cw_report_build(struct cw_store *st, const struct cw_filter *filter, struct cw_date from,
		    struct cw_date to, struct cw_report *out, struct cw_error *err);
/* The same, with confidential records and fields included when include_confidential is set
 * (cw_report_build leaves them out, counted in out->confidential). */
int cw_report_build_with(struct cw_store *st, const struct cw_filter *filter, struct cw_date from,
			 struct cw_date to, int include_confidential, struct cw_report *out,
			 struct cw_error *err);
void cw_report_free(struct cw_report *r);
/* How many of a person's timeline's records (l, and the person's own) wait: *conflicted with an
 * unresolved conflict (cw_sync_conflicted_ids), *doubled naming one person twice with entries
 * that differ (cw_store_doubled_ids). The timeline, its JSON and its export say so under it
 * (r->conflicted and r->doubled for cw_export_timeline_json), as a report's header does. */
int cw_report_timeline_waiting(struct cw_store *st, const struct cw_id *person,
			       const struct cw_record_list *l, size_t *conflicted, size_t *doubled,
			       struct cw_error *err);

/* Whether the detention order person's records l give as of `to` (models/timeline.h:
 * order_id), read whole as --include-confidential reads them, is one w leaves out (an extension
 * marked confidential): read from the rest, what is written would say they were held past an
 * order the team knows was extended. 0 when w leaves nothing out or no order of theirs is
 * withheld; -1 out of memory. Call it before l is sifted. */
int cw_report_order_withheld(const struct cw_withheld *w, const struct cw_id *person,
			     const struct cw_record_list *l, struct cw_date to);

/* Whether a hearing is the team's own observation (its account is "own"); every other hearing
 * (UN, government, media, NGO, other, or no account recorded) is reported, not monitored. */
int cw_report_hearing_is_own(const struct cw_record *hearing);

/* The period's hearings of a side of the fair-trial table (enum cw_fair_side): the team's own,
 * those it was not admitted to among them, or the others. */
size_t cw_report_side_hearings(const struct cw_report *r, int side);

/* What a hearing of the period decided on bail (enum cw_decision): granted or refused, else
 * CW_DECISION_UNKNOWN. Such a hearing is a row of the bail table too (a bail granted at a
 * hearing ends a detention as a bail milestone does), unless another account of the same
 * hearing (linked, directly or through others) is the one counted: the team's when it gives a
 * decision, else the first listed that does; or a bail milestone
 * of the case of the same day with that outcome is in releases (it says whom the decision was
 * for: the same decision), unless the hearing says whom itself (cw_report_hearing_bail_whom)
 * and the milestone is another's. Decided for every hearing as cw_report_build builds r, with
 * the events its counts join (no memory for them fails the build): CW_DECISION_UNKNOWN for a
 * report it did not make. */
int cw_report_hearing_bail(const struct cw_report *r, size_t hearing);

/* Whom hearing `hearing`'s bail decision is for (models/record.h, cw_hearing_bail_whom, its case
 * as the report looked it up): the one its record names, else the case's only defendant, else
 * no one in particular (CW_HEARING_BAIL_NO_ONE: "not named in the record"). */
int cw_report_hearing_bail_whom(const struct cw_report *r, size_t hearing, struct cw_id *person,
				const char **group);

/* Whether releases.items[release] is a release (granted, or no outcome recorded) that carries
 * out a bail granted on the same day to the same person or group in the same case (a group's
 * release of no more than the bail's number), as a bail milestone of the period says, or a
 * hearing of the case that day that granted bail (cw_report_hearing_bail) to the person
 * (cw_report_hearing_bail_whom: the one its record names, or the case's only defendant): one
 * decision, which the summary counts once, by the bail. A release on another day is a decision
 * of its own. */
int cw_report_release_carries_bail(const struct cw_report *r, size_t release);

/* The bit of a record's account (1 << enum cw_view) in a set of accounts: what counts_views,
 * previous_views and a detainee's views hold. */
uint32_t cw_report_view_bit(const struct cw_record *rec);

/* How hearing h answered row f of the fair-trial table (enum cw_answer), and its note (NULL
 * when none) when note is not NULL. */
unsigned cw_report_fair_answer(const struct cw_hearing *h, const struct cw_report_fair *f,
			       const char **note);

/* True when nothing at all fell in the range (previous-range counts aside). */
int cw_report_is_empty(const struct cw_report *r);

/* The articles an arrest or charge (a milestone of the report's arrests) is counted and shown
 * under: the ones it names, else every article its case charges the person with that was laid
 * by the period's end (cw_case_event_articles_by). Into out (at most max); returns how many. */
size_t cw_report_arrest_articles(const struct cw_report *r, const struct cw_milestone *m,
				 struct cw_article *out, size_t max);
/* A person or case named by the report's records; NULL when it is not (or no longer) stored. */
const struct cw_record *cw_report_ref(const struct cw_report *r, const struct cw_id *id);

/* Whether the lists mark rec "[C]" or "[c]" (report/record_text.h): it is confidential or has
 * confidential fields, its case is confidential, or it names a person what others get reads as
 * "[confidential]" (cw_withheld_people_named, cw_record_named_withheld), each looked up among
 * the people and cases r has read (cw_report_add_refs, with nothing left out). *touches gets
 * it; CW_ENOMEM or 0. */
int cw_report_touches_confidential(const struct cw_report *r, const struct cw_record *rec,
				   int *touches);
/* How many unnamed defendants the group `label` of a case is, as the case says; -1 when it
 * does not say (or the case or the group is not there). */
int64_t cw_report_group_count(const struct cw_report *r, const struct cw_id *case_id,
			      const char *label);
/* How many a milestone about a group concerns: its own count, else its case's number for the
 * group (cw_report_group_count); -1 when neither gives one. */
int64_t cw_report_milestone_group_count(const struct cw_report *r, const struct cw_milestone *m);

/* One defendant a hearing concerned (cw_report_hearing_defendants): a person, or a group of
 * unnamed defendants (person zero; group its label, NULL for a case's group that has none). */
struct cw_report_hearing_defendant {
	struct cw_id person;
	const char *group; /* into the hearing or its case */
	int64_t count;     /* a group's number as its case gives it; -1 when none is given */
	int absent;        /* the hearing's attendance records them absent */
	int from_case;     /* the hearing's record does not say: the case's entry as it is now */
};
/* Whom a hearing concerned, from what its own record says, since a case's defendants are as
 * the case is now (a mass trial tried some of its accused at a sitting; a defendant added to
 * the case later was not at its earlier hearings). People: those its attendance lists, present
 * or absent, and those its verdicts and sentence name; when it lists no attendance and either
 * names no one or gives a verdict that names no one (one for every defendant), the case's too.
 * Groups: those its verdicts and sentence name, unless they name no one or one verdict does;
 * then the case's too (attendance cannot list a group, so its silence on them says nothing).
 * Those the hearing names come first, in the case's order and then the record's, those the
 * case fills in last (from_case). The rule is models/record.h's (cw_hearing_concerns), which
 * whose detention a hearing's verdict ends follows too. *out (NULL when none) to free;
 * CW_ENOMEM or 0. */
int cw_report_hearing_defendants(const struct cw_report *r, const struct cw_record *hearing,
				 struct cw_report_hearing_defendant **out, size_t *n);
/* Where a detainee stands at the period's end, as far as the accounts recorded say: only those
 * held at it may be said, in a sentence, total or figure, to be held at it. */
enum cw_detainee_standing {
	CW_HELD_AT_END,     /* counted to the period's end */
	CW_LAST_REPORTED,   /* the count stops before it, where the accounts recorded stop (a
			     * source's date, an as-of date): none says whether they still were */
	CW_MAY_BEGIN_LATER, /* the detention's start is dated only to a month or a year that runs
			     * past the period's end: it may have begun after it */
	CW_MAY_HAVE_ENDED,  /* its end (a release, bail, ...) is dated only to a month or a year
			     * that holds the period's end: it may have ended before it */
	CW_ACCOUNTS_DIFFER, /* ended in one account, found held after it in another
			     * (cw_report_detainee.held_after): neither settles it */
	CW_DETAINEE_STANDINGS
};
enum cw_detainee_standing cw_report_detainee_standing(const struct cw_report *r,
						      const struct cw_report_detainee *d);
/* The detainees of one standing, as the summary's sentence on them and JSON count them. */
struct cw_report_held {
	const struct cw_report_detainee *first; /* the longest of them (the list's order) */
	size_t rows, groups, in_groups, uncounted;
	size_t people;       /* a group as its number, one that gives none as one (uncounted) */
	uint32_t views;      /* whose accounts */
	struct cw_date last; /* CW_LAST_REPORTED: the latest date a count of them stops at */
};
void cw_report_held_tally(const struct cw_report *r, enum cw_detainee_standing standing,
			  struct cw_report_held *h);
/* How many people the pretrial-detention milestones of l (the report's detentions, or the
 * previous period's) name, each person or group once however many accounts or orders name
 * them (a group as its largest number, one when none is given: *partial then, plus the
 * count of each of its orders marked `more`, "5 more", once per linked accounts). *listed (when
 * not NULL): how many of them detainees lists, by where they stand at the period's end
 * (listed[CW_HELD_AT_END] ...: cw_report_detainee_standing). */
size_t cw_report_detention_people(const struct cw_report *r, const struct cw_record_list *l,
				  size_t listed[CW_DETAINEE_STANDINGS], int *partial);
/* Why people arrested in the period are not listed as held in pretrial detention: what their
 * records say (models/timeline.h: cw_not_held), or that the arrest names no case, or that
 * their records find them held in a case the report does not cover. */
enum cw_report_unlisted {
	CW_UNLISTED_ENDED = CW_NOT_HELD_ENDED,
	CW_UNLISTED_RULED = CW_NOT_HELD_RULED,
	CW_UNLISTED_ENFORCES = CW_NOT_HELD_ENFORCES,
	CW_UNLISTED_AFTER_VERDICT = CW_NOT_HELD_AFTER_VERDICT,
	CW_UNLISTED_NOT_DETAINED = CW_NOT_HELD_NOT_DETAINED,
	CW_UNLISTED_NO_CASE = CW_NOT_HELD_REASONS,
	CW_UNLISTED_OUTSIDE,
	/* OUTSIDE in what is written for others: held in a case the report does not show, which
	 * may be a confidential one, so not said to be a case. */
	CW_UNLISTED_NOT_SHOWN,
	CW_UNLISTED_REASONS
};
/* How many people the period's arrests (milestones of that type) name whom detainees does not
 * list, each arrest once however many accounts give it (a group as its number, one when it
 * gives none: *partial then); why[reason] (when not NULL): how many of them for each reason
 * (arrest_unlisted). */
size_t cw_report_arrests_unlisted(const struct cw_report *r, size_t why[CW_UNLISTED_REASONS],
				  int *partial);
/* Whether arrests.items[i] is one of those arrests (an arrest the detainees do not list,
 * counted in this period, the first account of it), and then why its people are not listed
 * (*why). The JSON's arrested_not_held and the CSV's rows of that section, one per arrest. */
int cw_report_arrest_unlisted(const struct cw_report *r, size_t i, enum cw_report_unlisted *why);
/* A reason's stable word for CSV and JSON: "released", "ruling_after_arrest",
 * "ruling_before_arrest", "post_verdict_stage", "case_not_detained", "no_case",
 * "case_not_covered". */
const char *cw_report_unlisted_word(enum cw_report_unlisted why);

/* The name of a person or case the report looked up (cw_report_ref), for
 * cw_record_json_add_names (models/json.h): ctx is the struct cw_report. NULL when the report
 * does not hold that record as a person or case of `kind`. */
const char *cw_report_name(void *ctx, const struct cw_id *id, enum cw_kind kind);

/* Whether what the report writes gives the id of a person or case it names (beside its name):
 * not, when it is written for others, for one whose name reads "[confidential]" (a
 * confidential person or case, or a person whose name is a confidential field), since the id
 * would link every appearance of that person across reports and exports
 * (cw_withheld_gives_id). A zero id, or one the report did not look up, is given as it is. For
 * cw_record_json_hide_ids too (ctx is the struct cw_report): 1 when the id is to be hidden. */
int cw_report_gives_id(const struct cw_report *r, const struct cw_id *id);
int cw_report_hides_id(void *ctx, const struct cw_id *id, enum cw_kind kind);
/* A person's id in a list of ids beside their names (CSV, and what is written for others):
 * empty for one cw_report_gives_id does not give, its place kept so that the ids still line
 * up with the names. */
void cw_report_person_hex(const struct cw_report *r, const struct cw_id *id,
			  char hex[CW_ID_HEX_LEN + 1]);

/* Looks up the people and cases the records of l name (a case's defendants, a hearing's case
 * and its defendants, ...) so that cw_report_ref finds them. For exports that build their own
 * struct cw_report (zeroed) around a list. */
int cw_report_add_refs(struct cw_store *st, struct cw_report *r, const struct cw_record_list *l,
		       struct cw_error *err);
/* The same through a reader, as one read among others (the agenda's). */
int cw_report_add_refs_read(struct cw_reader *rd, struct cw_report *r,
			    const struct cw_record_list *l, struct cw_error *err);

/* Looks up the people and cases among n ids (any kind may be named; others are kept too) so
 * that cw_report_ref finds them; for the audit log's records. */
int cw_report_add_ids(struct cw_store *st, struct cw_report *r, const struct cw_id *ids, size_t n,
		      struct cw_error *err);

/* Upcoming hearings for a calendar: hearings dated in [from, to] and next dates set in that
 * range (to unknown: no end). The hearings are copied into *src; *items point into it. */
int cw_report_upcoming_hearings(struct cw_store *st, const struct cw_filter *filter,
				struct cw_date from, struct cw_date to, struct cw_record_list *src,
				struct cw_report_upcoming **items, size_t *n, struct cw_error *err);
/* The same through a reader, as one read among others (the agenda's). With `shown` (what is
 * written for others: shown->leave_out), the list is made as if the records it leaves out
 * (cw_withheld_leaves_out) were not there: a withheld hearing logged for a day another set,
 * or one that moved its case on, takes no date off, and a withheld account of a hearing
 * joins no others into one; those records' own items stay in the list, for the caller to
 * take out and count. NULL: the team's own reading, everything counts. */
int cw_report_upcoming_read(struct cw_reader *rd, const struct cw_filter *filter,
			    struct cw_date from, struct cw_date to, struct cw_withheld *shown,
			    struct cw_record_list *src, struct cw_report_upcoming **items,
			    size_t *n, struct cw_error *err);
/* The same, with the next dates given only to a month that overlaps [from, to] too (a hearing
 * adjourned to "2024-07"): their item's date is that month, never a day of the window; one is
 * left out once a hearing of its case is logged for a day of that month after the hearing that
 * set it (the sitting the month was for; not one that only ruled on bail:
 * cw_timeline_next_date_superseded). The missed dates read days only. */
int cw_report_upcoming_read_months(struct cw_reader *rd, const struct cw_filter *filter,
				   struct cw_date from, struct cw_date to,
				   struct cw_withheld *shown, struct cw_record_list *src,
				   struct cw_report_upcoming **items, size_t *n,
				   struct cw_error *err);
/* For items[i] (of cw_report_upcoming_read: they point into src), the index of an earlier item
 * that is another account of the same hearing to come, SIZE_MAX when none: next dates set by
 * accounts of one hearing linked as the same event, or disputing it, whatever days they give
 * (the team's 3 March, the government's 10 March), or the hearing logged for the day one of
 * them set. Such an index is of an item that names none itself. *same is NULL when no item is
 * another's (most windows); the caller frees it. 0 or CW_ENOMEM. */
/* With `shown` (may be NULL), as what is written for others reads it: a link of a record it
 * leaves out joins nothing. */
int cw_report_upcoming_same(const struct cw_record_list *src, const struct cw_withheld *shown,
			    const struct cw_report_upcoming *items, size_t n, size_t **same);

#endif
