/* format.h - record values as text for people: the one place the command line, the terminal
 * interface and the reports turn field values and a case's charges into words. The text is
 * not yet neutralised for a terminal (callers do that where they print). */
#ifndef CW_FORMAT_H
#define CW_FORMAT_H

#include <stddef.h>

#include "models/record.h"

/* The articles a case charges one defendant with (every defendant when person is NULL), each
 * once and in the order first charged, into out[0..*n), at most max. */
void cw_case_articles(const struct cw_record *kase, const struct cw_id *person,
		      struct cw_article *out, size_t max, size_t *n);

/* Adds the articles one defendant is charged under to out[0..*n) (at most max), each once. */
void cw_defendant_articles_add(const struct cw_defendant *d, struct cw_article *out, size_t max,
			       size_t *n);

/* Articles as one text, as they are typed: "307/494/495/437 bis"; "" for none. */
void cw_articles_text(const struct cw_article *a, size_t n, char *buf, size_t len);

/* The articles an event of the case is filed under (store/keys.c files it so, and a filter
 * by article finds it by them): the charges of its person, or of its group of unnamed
 * defendants (by label, any letter case); none when the case gives that defendant no charge
 * or does not name them at all (they are charged with nothing in it). person NULL or zero
 * and group NULL: every charge. */
void cw_case_event_articles(const struct cw_record *kase, const struct cw_id *person,
			    const char *group, struct cw_article *out, size_t max, size_t *n);

/* The same, of the charges laid by `by` (a known date; unknown: every charge): a charge that
 * charge milestones made counts from the first of them (cw_charge_laid), one the case lists
 * itself always. A week's report counts an arrest under the charges known by the week's end,
 * so that a charge laid months later does not change a figure partners already read. */
void cw_case_event_articles_by(const struct cw_record *kase, const struct cw_id *person,
			       const char *group, struct cw_date by, struct cw_article *out,
			       size_t max, size_t *n);

/* When a charge was laid: the date of its first "charged" step, when charge milestones made
 * it; unknown when the case lists it itself (then it is the case's from the start). */
struct cw_date cw_charge_laid(const struct cw_charge *ch);

/* cw_case_articles as one text, "307/494/495/437 bis"; "" for none or when kase is not a case. */
void cw_case_articles_text(const struct cw_record *kase, const struct cw_id *person, char *buf,
			   size_t len);

/* Puts the articles of `lead` (a filter's) first in an articles text as the two functions above
 * write it ("307/494/495/437 bis" led by 437 bis: "437 bis/307/494/495"), the others in their
 * order, so that a column cut short still shows what the list is filtered on. */
void cw_articles_text_lead(char *text, size_t len, const struct cw_article *lead, size_t n);

/* A defendant's charges grouped by state (its label), each by article (or offence when there
 * is none): "charged: 494, 495; convicted: 307"; "" when there are none. The states are those
 * of today (cw_date_today(), given): a ruling dated after it does not move them yet
 * (its step is in the charge's history, and the case holds the state it sets, so nothing need
 * be saved when the day comes), and is said after them: "charged: 494, 495; convicted by a
 * ruling dated 2034-02-27, after today: 494, 495", as pretrial detention is counted to today
 * through a verdict dated later. */
void cw_charges_text(const struct cw_defendant *d, struct cw_date today, char *buf, size_t len);

/* A case's defendants in a few words: "1", "1 + 8 unnamed", "8 unnamed", "a group, number
 * not given", "none": groups of unnamed defendants count by their size, and one the sources
 * give no number for is said so rather than counted as nobody. */
void cw_defendants_text(const struct cw_case *c, char *buf, size_t len);

/* A group of unnamed defendants, or the part of one an event concerns: "NagaWorld union
 * activists (8 unnamed)", "a handful of reporters (number not given)"; with count >= 0 the
 * event's own number: "Candlelight Party activists arrested with Eng Sroy (3)". */
void cw_group_text(const char *label, int64_t size, char *buf, size_t len);

/* A record's links to other accounts, for a list line: "disputes 7886aa0e, same event as
 * 5efe1c42"; "" for none. */
void cw_links_text(const struct cw_record *rec, char *buf, size_t len);

/* A tally as people say it: "18 visits (2023-06-01 to 2024-05-31)", "at least 95
 * demonstrations", "9 social media accounts"; "" when the record is one event. noun is the
 * plural of what is counted (may be "" or NULL). */
void cw_tally_text(const struct cw_tally *t, const char *noun, char *buf, size_t len);

/* A sentence's parts as one text: "prison term 3 years; ban 5 years (voting in and standing
 * for elections); compensation (to the National Election Committee)"; "" for none. A part
 * given for a group says so: "prison term 10 years (for: CNRP leaders)". */
void cw_sentence_text(const struct cw_list *parts, char *buf, size_t len);

/* Whether a sentence part is one defendant's: a part that names no one is every defendant's
 * its record names; one that names a person or a group is theirs alone. */
int cw_sentence_part_concerns(const struct cw_sentence_part *p, const struct cw_id *person,
			      const char *group);

/* The parts of a sentence that concern one defendant (a person, or a group by its label), as
 * cw_sentence_text gives them but without saying whom each is for. */
void cw_sentence_text_for(const struct cw_list *parts, const struct cw_id *person,
			  const char *group, char *buf, size_t len);
/* The labels of a set of accounts (bits 1 << enum cw_view), in the order of enum cw_view and
 * in the reader's language: "UN, own observation"; "" for none. */
void cw_views_text(uint32_t views, char *buf, size_t len);

/* The labels of the words a set holds (bit 1 << i is word i of e: roles, concerns, response),
 * in the table's order and in the reader's language (cw_enum_label, as the reports give them):
 * "journalist, union leader"; "" for none. For people to read: JSON, options and CSV's word
 * columns keep the words. */
void cw_set_text(const struct cw_enum *e, uint32_t set, char *buf, size_t len);

/* A size in bytes as people read it: "3.1 MiB", "812 KiB", "20 B" (a small file is not
 * "0 KiB", which reads as empty). */
void cw_size_text(uint64_t bytes, char *buf, size_t len);

/* The value of a scalar field as text: a date as given, a number, an enum's label, "yes", a
 * set's labels joined by ", ", an article with its offence name ("494 (incitement to commit a
 * felony)"). Returns 1 when the field holds a value, 0 when it is not given or is a string, an
 * id or a list (which each caller shows in its own way). */
int cw_field_value_text(const void *base, const struct cw_field *f, char *buf, size_t len);

/* The header as label and value pairs, in the order a person reads them: source, whose
 * account (always, "not recorded" included), "reportedly", the source's date, the accounts
 * it disputes or describes too and the record it is placed after (8 hex digits), when and by
 * whom it was created
 * and last changed (with the databases, as 8 hex digits), the bundle it arrived in, and the
 * databases whose changes it holds. Other empty values are left out. */
typedef void (*cw_pair_fn)(void *ctx, const char *label, const char *value);
void cw_record_provenance(const struct cw_record *rec, cw_pair_fn fn, void *ctx);

#endif
