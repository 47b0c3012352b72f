/* filter.h - the one filter type, built from command-line options or from the TUI's filter
 * line ("article:494/495 kind:hearing since:2024-01 court:\"Phnom Penh\" free text").
 *
 * The store executes it (store/query.h). Names stay text here: the store resolves them to
 * people, courts and provinces, since only it can look them up. */
#ifndef CW_FILTER_H
#define CW_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "models/article.h"
#include "models/date.h"
#include "models/error.h"
#include "models/record.h"

#define CW_FILTER_TEXT_MAX 200

struct cw_filter {
	uint32_t kinds; /* bit (1 << kind); 0 means "the default for the list" */
	struct cw_article articles[CW_ARTICLE_LIST_MAX];
	size_t narticles;                  /* a record matches when it has any of them */
	struct cw_date since;              /* inclusive; unknown = open */
	struct cw_date until;              /* inclusive, to the last day it covers */
	char court[CW_FILTER_TEXT_MAX];    /* substring of a court name */
	char province[CW_FILTER_TEXT_MAX]; /* substring of a province name */
	char person[CW_FILTER_TEXT_MAX];   /* id, id prefix or part of a name */
	char case_ref[CW_FILTER_TEXT_MAX]; /* id, id prefix or part of a title */
	char text[CW_FILTER_TEXT_MAX];     /* free text in names, titles and notes */
	/* Whose account: bit (1 << view) per cw_words_view value wanted; 0 means any. A record
	 * matches on its own view (a person too, not their cases'), so "unknown" is asked for
	 * by name like any other account. */
	uint32_t accounts;
	/* since or until was typed counting from today ("since:monday"): a front end shows the
	 * filter's description, with the dates it gave, rather than the words. Not a criterion:
	 * cw_filter_equal does not compare it. */
	int relative;
	/* Only records of unknown date (since and until are then not looked at): a report's
	 * undated tallies. Not typed in a filter line. */
	int undated;
	/* How articles find prison visits, not a criterion: a visit names detainees, not
	 * charges, and is filed under no article, so by its own fields it matches none. Set, it
	 * matches an article when someone it met is charged under it in a case (store/query.c,
	 * visit_tails), and a demonstration when someone it records arrested is: what the report
	 * module writes for others, where a week with a visit to a 494/495 detainee must not read
	 * "No prison visits in this period", nor the week of a strike whose arrested are charged
	 * under 494/495 "No demonstrations in this period". Clear, as lists,
	 * counts and the terminal interface ask, the article's index alone answers (counts from
	 * its counters), unless `kinds` names prison visits: asked for by name, they are found
	 * through their detainees as here. Not typed in a filter line; without articles it
	 * changes nothing, so cw_filter_is_empty does not look at it. */
	int visits_by_detainees;
};

void cw_filter_init(struct cw_filter *f);

/* Whether two filters ask the same, field by field (bytes no parse wrote, such as what follows
 * a text's end, do not count). */
int cw_filter_equal(const struct cw_filter *a, const struct cw_filter *b);

/* Sets one criterion by name: article, kind, account, since, until, court, province, person,
 * case, text. "since" and "until" take what a person types (cw_date_parse_relative, from
 * cw_date_today: "since:monday"); the filter holds the date they give. "kind" and "account"
 * add to their sets (a list: "un,government" or
 * "un/government"; accounts by word, any case, or by their short form "gov"); the others
 * replace. Bad values fail with CW_EINVAL naming the criterion; an unknown name fails with
 * CW_EINVAL naming it, the message starting "unknown filter". */
int cw_filter_set(struct cw_filter *f, const char *name, const char *value, struct cw_error *err);

/* Parses a filter line: words "name:value" (value may be "quoted") set criteria; all other
 * words, joined by spaces, are free text. "since:" and "until:" followed by next or last take
 * the word after it too ("since:last week", "until:next friday"). */
int cw_filter_parse_line(const char *line, struct cw_filter *f, struct cw_error *err);

/* The message of an unknown filter name, in the language in use (callers compare with it). */
const char *cw_filter_unknown_message(void);

/* Writes the filter back as a filter line (for the status bar); "" when empty. */
void cw_filter_describe(const struct cw_filter *f, char *buf, size_t len);

int cw_filter_is_empty(const struct cw_filter *f);

/* The inclusive range of date keys the filter admits (0 .. CW_DATE_KEY_UNKNOWN when open). */
void cw_filter_date_keys(const struct cw_filter *f, uint32_t *lo, uint32_t *hi);

#endif
