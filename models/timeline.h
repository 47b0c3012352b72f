/* timeline.h - what a defendant's timeline says at a glance: days in pretrial detention,
 * adjournments and the next hearing, computed from the records that name the person. */
#ifndef CW_TIMELINE_H
#define CW_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "models/date.h"
#include "models/record.h"

/* The day a pretrial detention is counted to, and why that day: the records never say more
 * than they know, so a detention a document reports stops at the document's date. */
enum cw_pretrial_to {
	CW_PRETRIAL_TO_NONE,       /* no pretrial detention recorded */
	CW_PRETRIAL_TO_END,        /* an event ended it (release, bail granted, verdict, ...) */
	CW_PRETRIAL_TO_TODAY,      /* the team's own record says still detained: "and counting" */
	CW_PRETRIAL_TO_AS_OF,      /* the date the custody was recorded as of */
	CW_PRETRIAL_TO_SOURCE,     /* the source's reporting date (reported_on) */
	CW_PRETRIAL_TO_LATEST,     /* no as-of date: the latest date the records give */
	CW_PRETRIAL_TO_UNKNOWN,    /* still detained, and no date to count to */
	CW_PRETRIAL_TO_SEEN,       /* the last prison visit that met them, later than the account
				    * of custody */
	CW_PRETRIAL_TO_SEEN_AFTER, /* the day asked about: a prison visit after it met them, and
				    * nothing recorded ended the detention before it */
	CW_PRETRIAL_TO_ENDED_IN,   /* an end dated only to a month or a year that runs past the
				    * day asked about (pretrial_to): it may have run on that day */
	CW_PRETRIAL_TO_REFUSED,    /* the last refusal of their bail or release (a milestone, or a
				    * hearing of the case that refused bail when they are its only
				    * defendant), later than the account of custody
				    * and than any visit that met them: held on its day */
	CW_PRETRIAL_TO_ORDERED,    /* the last extension of their detention or transfer between
				    * prisons, later than all of those: held on its day */
};

struct cw_timeline_summary {
	/* Days in pretrial detention, each day once across stretches and cases: the least the
	 * records' dates allow, and the most (pretrial_days_max). They are equal when every date
	 * is precise to the day; a start dated only to a month counts at least from its last day
	 * and at most from its first; an end dated only to a month at least to its first day, or
	 * to a later day of it that a record dated to the day finds them still held (a bail
	 * decided, a bail or release refused, a detention ordered, a visit that met them), and at
	 * most to its last. pretrial_days is -1 when the records give no figure (still
	 * detained with no date to count to, and nothing else); pretrial_days_max is -1 when they
	 * set no upper bound (such a detention beside others: "at least"). */
	long pretrial_days, pretrial_days_max;
	/* A stretch no record says they were held in (an arrest, then a ruling, and nothing
	 * else: models/timeline.c custody_known): its days count in the most, not the least. */
	int pretrial_unsure;
	int pretrial_ongoing;       /* still detained before a verdict, as far as the records go */
	struct cw_date pretrial_to; /* the day the detention is counted to */
	uint8_t pretrial_to_kind;   /* enum cw_pretrial_to: why that day */
	/* Counted to today (the team's own record): the latest record of the detention (the
	 * case's latest of the person, or a later visit that met them); shown when older than
	 * CW_TIMELINE_NEWS_DAYS, since "and counting" then rests on old news. */
	struct cw_date pretrial_news;
	/* CW_PRETRIAL_TO_REFUSED: the refusal's account; CW_PRETRIAL_TO_ORDERED: the extension's
	 * or the transfer's; CW_PRETRIAL_TO_LATEST: the account of
	 * the record that gives the latest date (enum cw_view; 0 when not recorded) */
	uint8_t pretrial_to_view;
	/* Still detained: the first day of the stretch held without a break up to pretrial_to
	 * (across cases: a second case's detention that overlaps is the same stretch; the start
	 * as recorded when it is not dated to the day), and its days, least and most as above
	 * (-1 when not known). Counted to an end (CW_PRETRIAL_TO_END, none running): the same
	 * of the stretch that end closes, so that the figure says whose start it counts from. */
	struct cw_date pretrial_since;
	long pretrial_stretch_days, pretrial_stretch_days_max;
	/* The last day of that stretch as its days count it (a day number, cw_date_to_days),
	 * least and most: an end dated only to a month at least to its first day, or a later day a
	 * record finds them held, and at most to its last, never past the day counted to; -1 when
	 * not known (no such stretch, or one no record says they were held in: no least). The days
	 * held past a detention order are counted to these, so that they agree with the stretch's
	 * own days. */
	long pretrial_end_least, pretrial_end_most;
	/* Counted to an end (CW_PRETRIAL_TO_END): whose account that end is (enum cw_view) and
	 * its case's; and the latest record of another account than the end's, dated after it up
	 * to today with no arrest or detention between, that finds the person held (a bail or
	 * release refused, at a hearing too, a prison visit that met them): the accounts differ
	 * on whether it ended, and a reader must be told (held_after_kind 0: none;
	 * CW_KIND_MILESTONE with held_after_type, CW_KIND_HEARING, or CW_KIND_VISIT).
	 * pretrial_case_view is given for every day counted to but one the case gives as its
	 * custody's as-of date: the case whose count it is (not the team's own: not counted on to
	 * today). */
	uint8_t pretrial_end_view, pretrial_case_view;
	struct cw_id pretrial_end_case; /* CW_PRETRIAL_TO_END: the case of that end */
	/* Still detained, or counted to an end: whose account the start of the stretch counted
	 * (pretrial_since) is (enum cw_view, 0 when not recorded), and another account of that
	 * arrest or detention (linked as the same event or disputing it) that dates it otherwise,
	 * with the stretch's days as that account counts them, to the same day (least, -1 when
	 * the dates do not give them): a government that dates an arrest two weeks later says the
	 * detention is two weeks shorter, and a reader must see both, after its end too (unknown
	 * pretrial_start_other when there is none). */
	uint8_t pretrial_start_view, pretrial_start_other_view;
	struct cw_date pretrial_start_other;
	long pretrial_start_other_days;
	/* That other account's record, and whether it is confidential, or its source, which a
	 * report cites (a report that quotes it counts it among what it holds). Only one dated by
	 * the day counted to is named: a report of a past week reads nothing dated after it. */
	struct cw_id pretrial_start_other_id;
	uint8_t pretrial_start_other_confidential;
	/* The record the start (pretrial_since) is counted from, whose account is
	 * pretrial_start_view (zero when none was found), and whether it, or its source, is
	 * confidential: a report's row cites its source. */
	struct cw_id pretrial_start_id;
	uint8_t pretrial_start_confidential;
	struct cw_date held_after;
	uint8_t held_after_view, held_after_kind, held_after_type; /* kind: or CW_KIND_HEARING */
	/* Still detained, or counted to an end: the detention order the stretch is held under
	 * (models/timeline.c detention_order, each case's own over its own stretch: of the cases
	 * still holding them the one that runs latest; over, that of the case whose end the stretch
	 * is counted to; never one of a case whose detention of them is over while another
	 * holds them): its record (zero when none gives a last day), its account, its last day,
	 * and the days held after it to pretrial_to (0: not past it; -1: no day counted to). */
	struct cw_id order_id;
	uint8_t order_view;
	uint8_t order_confidential; /* the order's record is: a report that gives it holds it */
	struct cw_date order_until;
	long order_days_past, order_days_past_max;
	/* The least of those days is lower (0: "perhaps held past" it) because a case that records
	 * no order held them too from a day before (models/timeline.c summarise, `unordered`):
	 * not because the order is dated only to a month, which the text then does not say. */
	uint8_t order_held_otherwise;
	/* Hearings of the person's cases adjourned, suspended or postponed; two accounts linked
	 * as the same event count once. */
	int adjournments;
	uint32_t adjournment_views; /* their accounts, each linked one's too (1 << enum cw_view) */
	/* The earliest hearing or next date on or after today; a hearing of today with an
	 * outcome recorded has been held, and only the date it set counts. A next date a later
	 * hearing held by today superseded (cw_timeline_next_date_superseded) is none. */
	struct cw_date next_hearing;
	/* No next hearing: the latest next date set that has passed with no later hearing of
	 * its case logged by today that supersedes it (nobody recorded what happened);
	 * unknown when none, or when there is a next hearing. */
	struct cw_date next_passed;
	size_t cases;
};

/* Whether one of two records names the other as another account of the same event (a link
 * "same_event", or "disputes": an account that says otherwise of it): such accounts count
 * once. */
int cw_timeline_same_event(const struct cw_record *a, const struct cw_record *b);
/* How the two are linked, either way: CW_LINK_DISPUTES when either disputes the other, else
 * CW_LINK_SAME_EVENT when either names the other so, else CW_LINK_UNKNOWN (not linked). */
int cw_timeline_link_between(const struct cw_record *a, const struct cw_record *b);

/* Whether hearings named at courts a and b (NULL or "" when a hearing names none) can be at one
 * court: a hearing that names none was at its case's, case_court (may be NULL), and a court
 * unknown either way may be any. The one rule for a date set at one court and a hearing logged
 * at another (the appeal court's bail hearing is not the trial court's session). */
int cw_timeline_courts_may_match(const char *a, const char *b, const char *case_court);

/* Whether `later` puts an end to the next date the hearing `set` gave: a hearing of the same
 * case dated wholly after it, at the same court when both name one, a hearing that names none
 * being at case_court, its case's (may be NULL: a bail appeal heard at the Appeal Court does
 * not move the trial court's date), that moved the case on (set a date of its own, gave a
 * verdict or a sentence, or suspended the trial: a bail hearing between two sessions does not,
 * nor one logged ahead of its day or only announced) or was logged on the very day set, or
 * on a day of the month set when only the month is given (whatever it decided, as the
 * report's hearings missed read it)
 * and is not another account of the same event (linked either way). Whatever account either
 * gives: the government's "next hearing 10 March" is done with once the team logged the
 * hearing of 3 March that set 17 March. Only the dates are compared: the caller decides
 * whether `later` had been held by the day it reads for (a report's period, today). */
int cw_timeline_next_date_superseded(const struct cw_record *set, const struct cw_record *later,
				     const char *case_court);

/* Pretrial detention is read stretch by stretch: in each case, from an arrest or detention to
 * the first event that ends it, then from the next arrest or detention after that (a release on
 * bail and an arrest again are two stretches; an end dated only to the month or the year that
 * holds a start dated to a day may have come after it, and ends that stretch unless it ended
 * the one before, or an end dated to a day of that month or year from the start on does);
 * the days of every stretch of every case are
 * counted once each (two cases holding a person at once are one detention).
 * records: the person's timeline (any order). today: the date a detention the team itself
 * records as ongoing is counted to, and the latest day any detention is counted to (a report
 * of a past week passes its last day). A detention a source reports as ongoing is counted to
 * the date it holds as of: the defendant's or the case's as_of, else the case's reported_on,
 * else (a document's account with no date) the latest date its records give; or to the day of
 * a later prison visit that met the person (listed among its detainees, access not denied),
 * or of a later refusal of their bail or release (CW_PRETRIAL_TO_REFUSED), or of a later
 * extension of their detention or transfer between prisons (CW_PRETRIAL_TO_ORDERED), which
 * finds them still held then whatever its account (never past today; the team's own record
 * counts to today anyway). */
void cw_timeline_summarise(const struct cw_id *person, const struct cw_record *records, size_t n,
			   struct cw_date today, struct cw_timeline_summary *out);

/* What held_after says (cw_timeline_summary): "a prison visit on 2026-12-05, own observation,
 * finds them held after it", "bail refused at a hearing on ...". Not yet neutralised. */
void cw_timeline_held_after_text(uint8_t kind, uint8_t type, struct cw_date date, uint8_t view,
				 char *buf, size_t len);

/* The latest prison visit dated from `since` up to `today` (wholly: a month that runs past it
 * is not) that met the person: one that lists them among its detainees, not a tally, with
 * access not denied; NULL when none. */
const struct cw_record *cw_timeline_last_visit(const struct cw_id *person,
					       const struct cw_record *recs, size_t n,
					       struct cw_date since, struct cw_date today);

/* The first such visit dated wholly after `today`; NULL when none. */
const struct cw_record *cw_timeline_visit_after(const struct cw_id *person,
						const struct cw_record *recs, size_t n,
						struct cw_date today);

/* The same for a group of the case's unnamed defendants, named by its label (any letter case)
 * as its milestones name it (models/record.h: `group`), by the same rules: the group's arrests
 * and detentions in the case start it, the group's bail or release not refused, house arrest,
 * judicial supervision, verdict or explicit end ends it, and so does a hearing of the case that
 * names the group in its verdicts, or gives a verdict naming no one when it concerned the group
 * (cw_hearing_concerns: its verdicts and sentence name it, or name no group), unless a
 * verdict milestone of the group's of that day gives the verdict with a count (it says whom
 * the hearing's verdict was for); but such a milestone that counts fewer than are held then
 * ("3 of the 8 released on bail", "3 of the 8 convicted") frees only those, and the stretch
 * runs on with the rest; so does one that counts some when no number
 * is known (whether any are left is not known). A stretch with no end runs while the case's
 * entry for the group (cw_timeline_group_defendant) says detained, counted as a person's is.
 * records: the case's hearings and milestones (any order; case records among them are
 * ignored). *count (when not NULL): how many of the group are held on `today`, -1 when not
 * given: in the stretch still running, the count of its first arrest or detention that gives
 * one, raised by a later one that gives more, else the group's size in the case, less those
 * released in part since (a later start that counts no more than are held adds none: a
 * detention order for those still held is not a re-arrest; one marked `more`, "5 more
 * arrested", adds its count); -1 too when it is not held. */
void cw_timeline_summarise_group(const struct cw_record *kase, const char *label,
				 const struct cw_record *records, size_t n, struct cw_date today,
				 struct cw_timeline_summary *out, int64_t *count);

/* Whether the person's pretrial detention in this case was still running on `today`, as
 * cw_timeline_summarise reads it from the records (the person's timeline, any order). */
int cw_timeline_held_in_case(const struct cw_id *person, const struct cw_record *kase,
			     const struct cw_record *records, size_t n, struct cw_date today);

/* Why the records do not find a person (or, with person NULL, the group `group` of the case's
 * unnamed defendants) held in pretrial detention in the case on `today`, as
 * cw_timeline_summarise reads it (records: their timeline, or the case's records for a group):
 * what ended their last stretch, or why none runs. */
enum cw_not_held {
	CW_NOT_HELD_NO,            /* they are (or may be) held: the stretch runs on `today` */
	CW_NOT_HELD_ENDED,         /* a release, bail, house arrest, judicial supervision or an
				    * explicit end ended it */
	CW_NOT_HELD_RULED,         /* a ruling on them (a verdict, sentence, a hearing's verdict)
				    * after the start ended its pretrial part */
	CW_NOT_HELD_ENFORCES,      /* their arrest came after a ruling on them in the case:
				    * it enforces the ruling, no pretrial detention */
	CW_NOT_HELD_AFTER_VERDICT, /* nothing recorded ended it; the case's entry says detained
				    * at a stage after a verdict */
	CW_NOT_HELD_NOT_DETAINED,  /* nothing recorded ended it (or nothing started one), and the
				    * case's entry does not say detained */
	CW_NOT_HELD_REASONS
};
enum cw_not_held cw_timeline_not_held(const struct cw_id *person, const char *group,
				      const struct cw_record *kase, const struct cw_record *records,
				      size_t n, struct cw_date today);

/* The event that set the person free after their last pretrial detention in the case (bail
 * or a release granted, house arrest, judicial supervision; a hearing's bail granted), by
 * `today`, while the case's entry for them still says "detained" and is not known as of that
 * day or later: the entry is older than the event, and a reader must be told which to
 * believe. NULL otherwise: no detention recorded, one still running, one ended by a verdict
 * or a sentence (which may well keep the person detained), or an entry known as of a later
 * day. The event is one of records. */
/* A ruling on the person in the case (a hearing's verdict that names them, or names no one at
 * a hearing that concerned them: cw_hearing_concerns; a verdict, in-absentia verdict,
 * sentence, appeal or Supreme Court decision of theirs), the latest by `today`, while the case's
 * entry for them still gives a stage before any verdict (investigation, awaiting trial, trial) and
 * is not known as of that day or later: a reader told "awaiting trial" of someone convicted must be
 * told which to believe. At the stage "verdict", only a ruling on appeal counts (*on_appeal is then
 * set). NULL otherwise. One of records. */
const struct cw_record *cw_timeline_stage_outdated(const struct cw_id *person,
						   const struct cw_record *kase,
						   const struct cw_record *records, size_t n,
						   struct cw_date today, int *on_appeal);
/* A release or pardon of the person in the case (not refused), the latest by `today`, dated
 * after a ruling on them there, while the case's entry still says "detained" and is not known
 * as of that day or later, and no arrest of theirs in the case comes after it: the entry may
 * speak of the sentence served before it (a partner's trial read "custody: detained" beside an
 * NGO's release after the appeal). NULL otherwise. One of records. */
const struct cw_record *cw_timeline_released_after_ruling(const struct cw_id *person,
							  const struct cw_record *kase,
							  const struct cw_record *records, size_t n,
							  struct cw_date today);
/* How a ruling cleared someone of every charge it named them in. */
enum cw_cleared { CW_CLEARED_ACQUITTED, CW_CLEARED_DROPPED, CW_CLEARED_BOTH };
/* The latest ruling on the person in the case by `today` (a hearing's verdict, a verdict or a
 * decision of theirs, at any instance), when it acquits them of, or drops, every charge it
 * rules on for them (a hearing's verdicts that name them or no one, or a milestone's result),
 * while the case's entry still says "detained", is not known as of that day or later, and no
 * arrest or detention of theirs in the case comes after it: a timeline read "charges:
 * acquitted" above "custody: detained" with no word of which is older (a field trial). *how
 * says whether it acquitted, dropped or did both. NULL otherwise. One of records. */
const struct cw_record *cw_timeline_cleared_outdated(const struct cw_id *person,
						     const struct cw_record *kase,
						     const struct cw_record *records, size_t n,
						     struct cw_date today, enum cw_cleared *how);
const struct cw_record *cw_timeline_custody_outdated(const struct cw_id *person,
						     const struct cw_record *kase,
						     const struct cw_record *records, size_t n,
						     struct cw_date today);

/* The rules cw_timeline_summarise reads pretrial detention by, given for the store's index of
 * detentions (store/detention.c), which must find exactly the people the summary finds:
 *   - it starts at a milestone of the person in the case that is an arrest or a detention
 *     (after an end: the first such dated after it), unless a ruling on them in the case (a
 *     verdict, verdict in absentia or sentence, a hearing's verdict that ends theirs, below)
 *     comes before it (cw_timeline_ruling_precedes): that arrest enforces the ruling (the
 *     index leaves such a start out: its end entries say which are rulings);
 *   - a milestone of the person in the case ends it when it is a bail or release not refused,
 *     a move out of prison, a verdict of any kind or an explicit end;
 *   - a hearing of the case ends it for `person` with a verdict that names them, or one that
 *     names no one (or is given unitemised) when the hearing concerned them (models/record.h,
 *     cw_hearing_concerns: its attendance, verdicts or sentence name them, or its record names
 *     no person and the case does; a defendant added to the case after it, or one its
 *     attendance leaves out, was not tried at it), or bail granted to them (models/record.h,
 *     cw_hearing_bail_for: the one person its record names, when it names exactly one; where
 *     it names no one, the case's only defendant; where it names several, or none of a case
 *     of several, no one); for the zero id (every defendant, whoever), when its record names
 *     no person and it gives such a verdict, or names no one and grants bail on a case of one
 *     defendant; a verdict on a group names the group, not the people;
 *   - an end that is a bail decision (cw_timeline_decides_bail) dated to a day gives way to a
 *     release of theirs in the case (of a group: one that gives no number, or no fewer than
 *     the decision's), when that release is the
 *     first end from the decision's day on that is no bail decision (of one day, any other
 *     end comes before a release), is dated to a day (or to a month or a year that begins
 *     after the decision's day: then an end that may come after the day asked about, as
 *     any end so dated), and no start of theirs in the case
 *     comes after the decision up to it: they were held until they walked out (a field
 *     trial's bail granted on 22 June, released from prison on 1 July, was counted to 22
 *     June). Of several ends of the stretch's first day, one that is no bail decision is the
 *     end. A release dated after the clock's today has not happened, and the decision stays
 *     the end, whatever day is asked about. The index marks bail decisions and releases
 *     among its end entries; it does not take a bail decision for an end when it looks for
 *     people held, and bounds their days by the next end that is none (keeping a candidate
 *     the summary then finds released, never the reverse);
 *   - an end dated only to the month or the year that holds the start ends it too (above);
 *     the index does not read such ends, and keeps the person among its candidates;
 *   - only starts and ends whose first day is on or before the day asked about count; one
 *     whose end lies wholly after that day was running on it, counted to it, whatever the
 *     case says of the person now; a person's end dated only to a month or a year that runs
 *     past that day, with no other end of the stretch dated to a day up to it, may have come
 *     after it: the stretch is "ongoing" then, counted to that month or year
 *     (CW_PRETRIAL_TO_ENDED_IN: at least to its first day, at most to the day asked about);
 *   - one with no end is still running only while the case's entry for the person (the last
 *     one naming them: cw_timeline_defendant) says detained at no stage past a verdict (their
 *     own stage, else the case's: verdict, appeal, Supreme Court or closed is held after a
 *     verdict; none recorded says nothing), and is counted to what
 *     cw_timeline_running_to says: CW_PRETRIAL_TO_NONE when not so; AS_OF or SOURCE to
 *     the date it gives; TODAY to the day asked about; LATEST to the latest date up to the
 *     day asked about the records of the case give for the person, which is never before the
 *     case's opening (*to), and
 *     unknown when that is not after the start. Never past the day asked about. */
int cw_timeline_starts_detention(const struct cw_milestone *m);
/* Whether a ruling dated `ruled` comes before an arrest or detention dated `start`, which then
 * enforces it: the ruling is dated wholly before the start (its last day before the start's
 * first), or both are dated to the same day and the ruling does not set them free (taken into
 * custody after a conviction, at the court's door: a monitor's trial found such an arrest
 * counted as "0 days" of pretrial detention; an arrest before a ruling of the same day would
 * be no more than that day). An arrest on the day of an acquittal, or of charges dropped
 * (sets_free: cw_timeline_ruling_acquits), carries out nothing. */
int cw_timeline_ruling_precedes(struct cw_date ruled, int sets_free, struct cw_date start);
/* Whether ruling r sets the person free: an acquittal or charges dropped (a milestone's result,
 * or every verdict of a hearing that names them or no one). */
int cw_timeline_ruling_acquits(const struct cw_record *r, const struct cw_id *person);
int cw_timeline_milestone_ends_detention(const struct cw_milestone *m);
/* Whether an end is a bail decision (the rule above): a milestone of bail (not refused), or a
 * hearing that grants bail and gives no verdict. A decision may precede the release by days:
 * the physical release, when it is recorded, is the end. */
int cw_timeline_decides_bail(const struct cw_record *r);
/* Whether a milestone or hearing is a ruling (the first rule above): a verdict, verdict in
 * absentia or sentence; a hearing with a verdict. A hearing rules on those whose detention it
 * ends (cw_timeline_hearing_ends_detention). */
int cw_timeline_milestone_rules(const struct cw_milestone *m);
int cw_timeline_hearing_rules(const struct cw_hearing *h);

/* Whether a milestone says for how many of a group a verdict given unitemised at a hearing of
 * its day was ("3 of the 8 convicted"): a verdict of a group, with a count. Such a hearing
 * then ends no more of the group's detention than the milestone frees, and reports list the
 * milestone's decision instead of a verdict for the whole case. */
int cw_timeline_itemises_group_verdict(const struct cw_milestone *m);
/* Whether milestone m itemises hearing h's verdict for a group so: such a milestone
 * (cw_timeline_itemises_group_verdict) of the hearing's case dated as the hearing is. */
int cw_timeline_itemises_hearing(const struct cw_milestone *m, const struct cw_hearing *h);
int cw_timeline_hearing_ends_detention(const struct cw_hearing *h, const struct cw_record *kase,
				       const struct cw_id *person);
const struct cw_defendant *cw_timeline_defendant(const struct cw_record *kase,
						 const struct cw_id *person);
/* For a group: a hearing ends its detention when it grants the group bail (cw_hearing_bail_for:
 * the one its record names, or, where it names no one, the case's only defendant), or with a
 * verdict that names the group, or one that names no one (no person and no group: or given
 * unitemised) when the hearing concerned the group
 * (cw_hearing_concerns; label NULL: a group its record does not name); the case's (last) entry
 * for the group, by its label. */
int cw_timeline_hearing_ends_group_detention(const struct cw_hearing *h,
					     const struct cw_record *kase, const char *label);
const struct cw_defendant *cw_timeline_group_defendant(const struct cw_record *kase,
						       const char *label);
/* Whether a case's entry for a defendant says they are held in pretrial detention: detained, at
 * a stage before a verdict (investigation, pretrial or trial), their own stage or else the
 * case's. A stage not recorded is not one: "still in detention" may be after a verdict (a
 * supervisor's trial found the 37 of 002 para 27 read as pretrial detainees). Held so with no
 * dated arrest or detention of theirs in the case, no days can be counted for them: reports
 * list them apart. */
int cw_timeline_entry_held_pretrial(const struct cw_record *kase, const struct cw_defendant *d);
/* The date such an entry is known by: its own as-of date, else the case's, else the date its
 * source's account is as of, else the case's opening; unknown when none is given. */
struct cw_date cw_timeline_entry_known(const struct cw_record *kase, const struct cw_defendant *d);
/* Whether that date is one an account gives for the entry (its as-of date, the case's, or the
 * date its source's account is as of), not the case's opening alone: the day a case opened is
 * no day anyone was seen held, so an arrest or detention of theirs in the case dated later
 * says when they were taken, as for an undated entry. */
int cw_timeline_entry_dated(const struct cw_record *kase, const struct cw_defendant *d);
enum cw_pretrial_to cw_timeline_running_to(const struct cw_record *kase, const struct cw_id *person,
					   struct cw_date *to);

/* Days in detention as the exports give them as numbers: `exact` when the dates give one
 * figure, else -1; `at_least` when a figure is known (else -1); `at_most` when a bound is
 * known too (else -1). From a least and a most as the summary gives them (-1: none). */
struct cw_day_range {
	long exact, at_least, at_most;
};
struct cw_day_range cw_day_range_of(long least, long most);

/* How old the latest record of a detention counted to today may be before its text says how
 * old it is ("970 days and counting; its latest dated record is of 2024-04-10"). */
#define CW_TIMELINE_NEWS_DAYS 30

/* Whether news (the latest record) is more than CW_TIMELINE_NEWS_DAYS before `to`. */
int cw_timeline_news_old(struct cw_date news, struct cw_date to);

/* The days in pretrial detention in all (pretrial_days) as the other account of the start
 * (pretrial_start_other) counts them: the stretch's days as it counts them, with the other
 * stretches'; -1 when there is no such account or the dates do not give one figure. What the
 * timeline's text and its JSON give beside the figure. */
long cw_timeline_start_other_total(const struct cw_timeline_summary *s);

/* What a detention order says beside the days held (cw_timeline_summary order_*): "the
 * detention order (UN) runs to 2023-07-17", "held 40 days past the last day of the detention
 * order (UN), 2023-07-17"; "" when there is none. otherwise: order_held_otherwise. Not yet
 * neutralised (nothing in it is free text). */
void cw_timeline_order_text(struct cw_date until, uint8_t view, long days_past, long days_past_max,
			    int otherwise, char *buf, size_t len);

/* The longest text cw_pretrial_text writes, with room for Khmer (three bytes a letter). */
#define CW_PRETRIAL_TEXT_MAX 1024

/* "141 days", "12 days and counting", "56 days to 2024-05-31, the source's date", "224 to 254
 * days and counting (dates not precise to the day)", "at least 30 days (...)", "unknown (still
 * detained, and no date it is known as of)"; "" when there was no pretrial detention. */
void cw_pretrial_text(const struct cw_timeline_summary *s, char *buf, size_t len);

/* The longest text cw_next_hearing_text writes, with room for Khmer. */
#define CW_NEXT_HEARING_TEXT_MAX 256

/* The next hearing as a timeline says it: "2024-06-12"; "2022-03-17 (passed, nothing logged
 * since)" when the last date set has passed with no hearing logged; "none scheduled". */
void cw_next_hearing_text(const struct cw_timeline_summary *s, char *buf, size_t len);

/* Puts a timeline (records oldest first, as the store lists them) in the order the sources
 * give: a record linked to another account of the event (disputes, same event) comes right
 * after that one, side by side; a record placed after another (its `after`) comes right after
 * it when its own date does not say otherwise (it has none, or a partial one that covers the
 * other's date), and
 * records placed after the same one follow it in date order. Other records keep their order:
 * partial dates by what is known, undated ones last. A placement that loops, or names a
 * record not in the list, is ignored. CW_ENOMEM or 0. */
int cw_timeline_order(struct cw_record *records, size_t n);

/* ---- what a placement or a link may name --------------------------------------------------
 * `after` and `links` name other records softly (not pinned: the record named may be deleted,
 * or not synced here yet). What they name when it is here is checked alike by the command
 * line and the terminal interface (app/links.h, reading the store) and by `import` (reading
 * its own write transaction, which holds the file's records written so far). */

/* Reads the record `id` names for the checks below: 0 and *rec (the caller frees it),
 * CW_ENOTFOUND when no record is there, or another error (a damaged record, the database
 * failing). */
typedef int (*cw_timeline_get_fn)(void *ctx, const struct cw_id *id, struct cw_record *rec,
				  struct cw_error *err);

/* A record of kind `kind`, `id`, named in `field` (a placement or a link) is an account of an
 * event: a hearing, visit, demonstration, milestone or incident. 0 when it is; CW_EINVAL naming
 * `field` when it is a person or a case ("55db1ae9 is a person, not a monitoring record"),
 * which is no event a timeline can place anything after or beside. */
int cw_timeline_ref_kind_check(enum cw_kind kind, const struct cw_id *id, const char *field,
			       struct cw_error *err);

/* The same of a link (`links`: disputes, same event) from a record of kind `from` to the record
 * `id`, of kind `kind`: another account of an event is an event, whatever its kind (a hearing's
 * account and a milestone's of one sitting are one event to the timeline); another account of
 * a case is a case (the government's account of a trial beside the UN's, as the demo data
 * holds them), of a person a person. CW_EINVAL naming `field` otherwise. */
int cw_timeline_link_kind_check(enum cw_kind from, enum cw_kind kind, const struct cw_id *id,
				const char *field, struct cw_error *err);

/* How far cw_timeline_after_loop_check follows a chain of `after` placements: a chain of
 * records placed each after the last (resumed, then the verdict, then the appeal) is a few
 * long. One longer is taken unchecked: the timeline, the only reader that follows placements,
 * places nothing on a loop (cw_timeline_order), so a loop a bundle brings never stops a
 * reader. */
#define CW_AFTER_WALK_MAX 256

/* `rec` placed after rec->after would make a loop: it names itself, or the record it names, or
 * one that record is placed after, and so on, is placed after `rec` ("edit A --after B" then
 * "edit B --after A"). CW_EINVAL naming `field` and the record that closes the loop; 0 when
 * there is none, when `rec` has no id yet (a new record: nothing can be placed after it), or
 * a record on the way is not there (get says CW_ENOTFOUND). Another error, its field set to
 * `field`, when get cannot read one. */
int cw_timeline_after_loop_check(const struct cw_record *rec, cw_timeline_get_fn get, void *ctx,
				 const char *field, struct cw_error *err);

#endif
