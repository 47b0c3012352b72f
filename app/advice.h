/* advice.h - what a monitor should know about a record just saved that the store takes as it
 * is, since a source or another laptop may give it so: an arrest that names no case, a bail
 * or release with no outcome, a milestone in a case that does not name its person, a bail or
 * release that names no case or is dated before every arrest of its person in the case, a
 * group's milestone that counts more of it than its case gives the group, a hearing whose verdict
 * or attendance names someone who is not a defendant, or whose verdict rules on an article its
 * case does not charge them with, a verdict (or other ruling) milestone that rules on such an
 * article, a demonstration whose arrest count is below
 * the people named as arrested, an event recorded as having happened after today, a hearing or
 * milestone dated before its case began, a hearing, visit, demonstration or milestone another
 * record already records (not linked to it as the same event), a visit whose notes are
 * confidential that gives ill-treatment beside the detainees it names, a visit that meets
 * someone their cases say is out of prison or whose release is logged before it, a record
 * whose source
 * says "own observation" given another account than the team's. Each counts (or is
 * written for others) differently from what its author most likely meant, and says so: the command
 * line on standard error, the terminal interface in its status line. May use: models/, store/. */
#ifndef CW_APP_ADVICE_H
#define CW_APP_ADVICE_H

#include "models/filter.h"
#include "models/record.h"
#include "store/store.h"

/* what: the sentence ("this arrest names no case, so no pretrial detention counts from it");
 * fix: how to put it right from the command line ("once the case is logged: casewatch edit
 * 1a2b3c4d --case CASE"). Both translated; they hold ids, dates and a group's label, which
 * is text from the database: print them through the terminal filter (models/text.h). */
typedef void (*cw_advice_fn)(void *ctx, const char *what, const char *fix);
/* Room for every `what` of one record, joined by "; ". */
#define CW_ADVICE_TEXT_MAX 2400

/* What a monitor logging or editing a record must give that the store does not ask for: the
 * store takes records as a document or another laptop gives them (an import, a bundle), so
 * these are the front ends' own rules, the same for the command line and the form, checked
 * before they save. `was`: the stored version an edit starts from, NULL for a new record; an
 * edit is refused only what it takes away or chooses anew, so a record that came without (an
 * import's) can still have its other fields edited.
 *
 * cw_check_logged_date: CW_EINVAL with err on "date" ("is required for a new demo"; for
 * an edit, "a demo cannot be left without one: ...") when rec is a hearing, visit,
 * demonstration or incident of unknown date that counts one event (cw_record_date_expected),
 * and was is NULL or met that rule (`edit --clear date`, a form's date emptied: a field
 * trial's demonstration lost its date so).
 * cw_check_case_names: whether case kase names person as a defendant (cw_timeline_defendant):
 * 1 or 0; 1 when the case cannot be read (nothing to refuse: the store's error on saving
 * would say nothing of the pair).
 * cw_check_logged: the rules of what a person types (cw_record_validate_typed: a year of
 * birth after this year, one person both present and absent, named), the date, then a
 * milestone's case: CW_EINVAL on "case" when rec is a
 * milestone of a person (not a group) in a case that does not name them, a pair was did not
 * have (it would count in no detention and move no charge, yet reports count the event: a
 * field trial's weekly report counted a 4th arrest in a case of 3 named). 0 otherwise. */
int cw_check_logged_date(const struct cw_record *rec, const struct cw_record *was,
			 struct cw_error *err);
int cw_check_case_names(struct cw_store *st, const struct cw_id *kase, const struct cw_id *person);
int cw_check_logged(struct cw_store *st, const struct cw_record *rec, const struct cw_record *was,
		    struct cw_error *err);

/* Calls fn for each thing to know about rec as saved (its id set), in the order above. */
void cw_advise_saved(struct cw_store *st, const struct cw_record *rec, cw_advice_fn fn, void *ctx);

/* Each article rec names (a case's charges, a milestone's articles, a hearing's verdicts) that
 * the built-in table does not know, once: "4945" typed for 494/495 keeps a case out of the
 * 494/495 filter and the report's incitement count. The command line says so as it reads the
 * option; the terminal interface, which has no such moment, after the save. */
void cw_advise_articles(const struct cw_record *rec, cw_advice_fn fn, void *ctx);
/* The same for each article a filter names (the command line's --article, the terminal
 * interface's article:): a filter on an article the table does not know ("999") finds no
 * record, which would read as a quiet week rather than a typo. */
void cw_advise_filter_articles(const struct cw_filter *f, cw_advice_fn fn, void *ctx);

/* After a bundle import, for a hearing it brought that is the team's own account: each other
 * own hearing of the same case on the same day that neither links as the same event (two
 * monitors logged one hearing apart: it counts twice until they are linked), with the edit
 * that links them. */
void cw_advise_same_hearing(struct cw_store *st, const struct cw_id *hearing,
			    const struct cw_id *told, size_t ntold, cw_advice_fn fn, void *ctx);
/* (told: hearings already advised on, whose pairs with this one were said then.) */

#endif
