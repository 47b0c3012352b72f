/* record.h - casewatch's records: people, cases and the monitoring records, described by
 * field tables.
 *
 * Every record is a struct cw_record: a common header (id, kind, timestamps, author, source)
 * and a body per kind. Each body is described by a table of struct cw_field (name, codec tag,
 * type, limits). One table drives validation, the binary codec (codec.h), JSON (json.h), the
 * command-line options and the `show` output, so a field added to a table is handled
 * everywhere at once. Codec tags are never reused: a removed field's tag stays retired.
 *
 * schema.c holds the tables and their words; validate.c checks records against them; id.c
 * makes and reads ids; record.c holds a record's life and field access. */
#ifndef CW_RECORD_H
#define CW_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "models/article.h"
#include "models/clock.h"
#include "models/date.h"
#include "models/error.h"

enum cw_kind {
	CW_KIND_NONE = 0,
	CW_KIND_PERSON = 1,
	CW_KIND_CASE = 2,
	CW_KIND_HEARING = 3,
	CW_KIND_VISIT = 4,
	CW_KIND_DEMO = 5,
	CW_KIND_MILESTONE = 6,
	CW_KIND_INCIDENT = 7,
	CW_KIND_COUNT
};

/* Monitoring records: the ones that carry a date and appear in timelines and reports. */
#define CW_KIND_IS_EVENT(k) ((k) >= CW_KIND_HEARING && (k) < CW_KIND_COUNT)

struct cw_id {
	uint8_t b[16];
};

#define CW_ID_HEX_LEN 32

struct cw_list {
	void *items;
	size_t n;
};

enum cw_ftype {
	CW_F_STR,     /* char *, NULL when empty */
	CW_F_DATE,    /* struct cw_date */
	CW_F_INT,     /* int64_t, -1 when not given */
	CW_F_ENUM,    /* uint8_t index into the word table; 0 is "unknown" */
	CW_F_SET,     /* uint32_t bit mask over the word table */
	CW_F_ID,      /* struct cw_id, all zero when not given */
	CW_F_ARTICLE, /* struct cw_article, law 0 when not given */
	CW_F_BOOL,    /* uint8_t */
	CW_F_LIST,    /* struct cw_list of sub-schema structs */
};

enum cw_field_flags {
	CW_FF_REQUIRED = 1,  /* must be given */
	CW_FF_MULTILINE = 2, /* newlines and tabs allowed */
	CW_FF_FLAT = 4,      /* a list of one-field structs, shown as a plain array */
	CW_FF_HHMM = 8,      /* a string of the form HH:MM */
	CW_FF_HEADER = 16,   /* kept by the store, not typed by users */
	/* An article field that takes a list as typed ("494/495"): it holds one article itself,
	 * and two or more go to the CW_FF_MORE list right after it in the table (one article
	 * stays where every casewatch reads it; cw_field_articles reads both). */
	CW_FF_LIST_TEXT = 32,
	/* The list a CW_FF_LIST_TEXT field keeps two or more articles in (struct cw_article_ref):
	 * typed through that field, it has no option or form field of its own. */
	CW_FF_MORE = 64,
};

/* An enumeration: n values, each a stable word (JSON, options, filters; never changes once
 * released) and a label for people (screens and reports), at the same index. */
struct cw_enum {
	const char *const *words;
	size_t n;
	const char *const *labels; /* n entries, none empty */
};

struct cw_schema;

struct cw_field {
	const char *name; /* JSON key; the command-line option is the same with '-' for '_' */
	uint8_t tag;      /* codec tag, 1-127, unique within a schema, never reused */
	uint8_t type;     /* enum cw_ftype */
	uint16_t flags;   /* enum cw_field_flags */
	size_t offset;    /* in the struct the schema describes */
	int64_t max;      /* STR: bytes; INT: largest value; LIST: items */
	int64_t min;      /* INT: smallest value */
	const struct cw_enum *words; /* ENUM and SET */
	const struct cw_schema *sub; /* LIST */
	uint8_t ref_kind;            /* ID: the kind it must name, 0 for any */
	const char *help;
};

/* Field tags run from 1 to 127; a stored record may carry any tag up to 255 (one written by a
 * later casewatch), which the codec skips. */
#define CW_SCHEMA_TAGS 256

struct cw_schema {
	const char *name;
	size_t size; /* of the struct described */
	const struct cw_field *fields;
	size_t nfields;
	/* Each tag's field index + 1 (0: no such field), filled once by cw_schema_tag_index;
	 * read only through it. */
	uint8_t *tag_index;
};

/* Enumerations. Word 0 of each table is the "not given" value. */
enum cw_sex { CW_SEX_UNKNOWN, CW_SEX_FEMALE, CW_SEX_MALE, CW_SEX_OTHER };
enum cw_view {
	CW_VIEW_UNKNOWN,
	CW_VIEW_UN,
	CW_VIEW_GOVERNMENT,
	CW_VIEW_MEDIA,
	CW_VIEW_NGO,
	CW_VIEW_OWN,
	CW_VIEW_OTHER
};
enum cw_custody {
	CW_CUSTODY_UNKNOWN,
	CW_CUSTODY_DETAINED,
	CW_CUSTODY_BAIL,
	CW_CUSTODY_SUPERVISION,
	CW_CUSTODY_HOUSE_ARREST,
	CW_CUSTODY_RELEASED,
	CW_CUSTODY_AT_LARGE,
	CW_CUSTODY_IN_ABSENTIA
};
enum cw_milestone_type {
	CW_MS_UNKNOWN,
	CW_MS_ARREST,
	CW_MS_CHARGE,
	CW_MS_PRETRIAL_DETENTION,
	CW_MS_BAIL,
	CW_MS_RELEASE,
	CW_MS_HOUSE_ARREST,
	CW_MS_SUPERVISION,
	CW_MS_VERDICT,
	CW_MS_SENTENCE,
	CW_MS_APPEAL_LODGED,
	CW_MS_APPEAL_DECIDED,
	CW_MS_SUPREME_DECISION,
	CW_MS_PARDON,
	CW_MS_IN_ABSENTIA_VERDICT,
	CW_MS_OTHER,
	CW_MS_PRETRIAL_END,
	CW_MS_TRIAL_SUSPENDED,
	CW_MS_TRIAL_RESUMED,
	CW_MS_POSTPONED,
	CW_MS_DETENTION_EXTENDED,
	CW_MS_TRANSFER
};
enum cw_decision { CW_DECISION_UNKNOWN, CW_DECISION_GRANTED, CW_DECISION_REFUSED };
enum cw_stage {
	CW_STAGE_UNKNOWN,
	CW_STAGE_INVESTIGATION,
	CW_STAGE_PRETRIAL,
	CW_STAGE_TRIAL,
	CW_STAGE_VERDICT,
	CW_STAGE_APPEAL,
	CW_STAGE_SUPREME,
	CW_STAGE_CLOSED
};
enum cw_charge_state {
	CW_CHARGE_CHARGED,
	CW_CHARGE_REQUALIFIED,
	CW_CHARGE_CONVICTED,
	CW_CHARGE_ACQUITTED,
	CW_CHARGE_DROPPED,
	CW_CHARGE_CONVICTED_UNSTATED,
	CW_CHARGE_OVERTURNED,
	CW_CHARGE_ACQUITTED_ON_APPEAL
};
enum cw_answer { CW_ANSWER_UNKNOWN, CW_ANSWER_YES, CW_ANSWER_NO, CW_ANSWER_NA };
enum cw_outcome {
	CW_OUTCOME_UNKNOWN,
	CW_OUTCOME_ADJOURNED,
	CW_OUTCOME_BAIL_DECISION,
	CW_OUTCOME_VERDICT,
	CW_OUTCOME_CONTINUED,
	CW_OUTCOME_OTHER,
	CW_OUTCOME_SUSPENDED,
	CW_OUTCOME_POSTPONED
};
enum cw_bail { CW_BAIL_UNKNOWN, CW_BAIL_NOT_REQUESTED, CW_BAIL_GRANTED, CW_BAIL_REFUSED };
/* A prison visit's access to the detainees (cw_words_access). */
enum cw_access { CW_ACCESS_UNKNOWN, CW_ACCESS_GRANTED, CW_ACCESS_RESTRICTED, CW_ACCESS_DENIED };
enum cw_verdict_result {
	CW_VERDICT_UNKNOWN,
	CW_VERDICT_CONVICTED,
	CW_VERDICT_ACQUITTED,
	CW_VERDICT_DROPPED,
	CW_VERDICT_REQUALIFIED,
	CW_VERDICT_UPHELD,
	CW_VERDICT_OVERTURNED
};

extern const struct cw_enum cw_words_sex, cw_words_view, cw_words_roles, cw_words_custody,
	cw_words_charge_state, cw_words_court_level, cw_words_stage, cw_words_answer,
	cw_words_indicator, cw_words_outcome, cw_words_bail, cw_words_verdict, cw_words_access,
	cw_words_concerns, cw_words_response, cw_words_milestone, cw_words_kind, cw_words_decision,
	cw_words_sentence_part, cw_words_incident, cw_words_link, cw_words_confidential_field;

/* Bodies. Strings are owned by the record and freed by cw_record_free. */
struct cw_person {
	char *name;
	char *name_km;
	uint8_t sex;
	int64_t birth_year;
	char *affiliation;
	uint32_t roles;
	char *province;
	char *notes;
};

/* One ruling that moved a charge: the state it moved to, when, and which record said so. */
struct cw_charge_step {
	uint8_t state; /* cw_words_charge_state */
	struct cw_date date;
	struct cw_id record;
};

struct cw_charge {
	struct cw_article article;
	char *offence;          /* free text, alone when the charge has no article */
	uint8_t state;          /* cw_words_charge_state */
	struct cw_list history; /* struct cw_charge_step, oldest first */
};

struct cw_defendant {
	struct cw_id person; /* zero for an unnamed group */
	int64_t unnamed_count;
	char *label;
	uint8_t custody;
	struct cw_list charges; /* struct cw_charge */
	uint8_t stage;        /* where this defendant's part of the case stands (cw_words_stage) */
	struct cw_date as_of; /* the date custody and stage were known to be so */
};

struct cw_case {
	char *title;
	char *number;
	char *court;
	uint8_t court_level;
	char *court_province;
	uint8_t stage;
	struct cw_date opened;
	struct cw_list defendants; /* struct cw_defendant */
	char *notes;
	struct cw_date as_of; /* the date stage and custody were known to be so */
};

/* A record that stands for several events the source counts without listing them ("18 visits
 * to nine prisons", "at least 95 demonstrations", "28 hearings monitored"), over the period
 * they cover. count -1: one event, not a tally. */
struct cw_tally {
	int64_t count;
	uint8_t at_least; /* the source gives a minimum ("at least 95") */
	struct cw_date from, to;
};

struct cw_attendance {
	struct cw_id person;
	uint8_t present; /* cw_words_answer */
};

struct cw_indicator {
	uint8_t name;   /* cw_words_indicator */
	uint8_t answer; /* cw_words_answer */
	char *note;
};

/* One part of a sentence, as the source gives it. */
struct cw_sentence_part {
	uint8_t part;        /* cw_words_sentence_part */
	char *amount;        /* "3 years", "2 million riels" */
	char *detail;        /* "voting in and standing for elections", "to the NEC" */
	struct cw_id person; /* zero: the record's person or every defendant it names */
	char *group;         /* or the case's unnamed defendants sentenced, by their label */
};

struct cw_verdict {
	struct cw_id person;
	struct cw_article article;
	char *offence;
	uint8_t result; /* cw_words_verdict */
	char *group;    /* instead of a person: the case's unnamed defendants, by their label */
};

struct cw_hearing {
	struct cw_id case_id;
	struct cw_date date;
	char *time;
	char *court;
	uint8_t stage;
	char *judge;
	char *prosecutor;
	struct cw_list attendance; /* struct cw_attendance */
	char *lawyers;
	char *monitors; /* the team's monitors in court, names as written */
	uint8_t public_admitted;
	uint8_t press_admitted;
	uint8_t monitors_admitted;
	struct cw_list indicators; /* struct cw_indicator */
	uint8_t outcome;
	char *adjourn_reason;
	struct cw_date next_date;
	uint8_t bail;
	struct cw_list verdicts; /* struct cw_verdict */
	char *sentence;
	char *fine;
	char *notes;
	struct cw_list sentence_parts; /* struct cw_sentence_part */
	struct cw_tally tally;         /* "28 hearings monitored": then no case is needed */
};

struct cw_person_ref {
	struct cw_id person;
};

/* What one detainee a prison visit met said of their access to a lawyer and to their
 * family, or what the monitors saw of it on that visit (001 para 36: a lawyer needs the
 * prosecutor's prior authorisation; 002 para 28: no family access for a child detainee).
 * The person is one of the visit's detainees (models/validate.c). */
struct cw_detainee_access {
	struct cw_id person;
	uint8_t lawyer_access; /* cw_words_access */
	uint8_t family_access; /* cw_words_access */
};

struct cw_visit {
	char *facility;
	char *facility_province;
	struct cw_date date;
	struct cw_list detainees;       /* struct cw_person_ref */
	uint8_t access;                 /* the monitors' own access to the detainees */
	struct cw_list detainee_access; /* struct cw_detainee_access, one a detainee */
	uint8_t private_interview;      /* cw_words_answer */
	uint32_t concerns;
	char *follow_up;
	struct cw_date follow_up_on; /* the day the next visit is due: it is on the agenda */
	char *notes;
	struct cw_tally tally; /* "18 visits ..." */
	int64_t facilities;    /* "... to nine prisons" */
};

struct cw_demo {
	struct cw_date date;
	char *place;
	char *province;
	char *organiser;
	char *cause;
	int64_t participants;
	uint8_t participants_at_least; /* participants is a least ("at least 30") */
	uint32_t response;
	struct cw_list arrested; /* struct cw_person_ref */
	int64_t arrests_count;
	uint8_t arrests_at_least; /* arrests_count is a least ("at least 28 arrested") */
	/* People injured when the demonstration was dispersed (-1: not recorded, which is not
	 * none), and whether that is a least ("at least 3 injured"). */
	int64_t injured;
	uint8_t injured_at_least;
	char *notes;
	struct cw_tally tally; /* "at least 95 demonstrations" */
};

/* What a monitor logs that is not a hearing, a visit, a demonstration or a milestone of a
 * case: an outlet closed, accounts blocked, candidates removed from lists, political rights
 * restored, a policy or law; with what and how many it touched, and the period it covers. */
struct cw_incident {
	struct cw_date date;
	uint8_t type; /* cw_words_incident */
	struct cw_id case_id;
	struct cw_list persons; /* struct cw_person_ref */
	char *actor;            /* who did it: "Telecommunication Regulator of Cambodia" */
	char *target;           /* what or whom it touched: "Voice of Democracy" */
	char *province;
	char *unit; /* what the count counts: "social media accounts" */
	struct cw_tally tally;
	char *detail;
	char *notes;
};

/* One article of a list. */
struct cw_article_ref {
	struct cw_article article;
};

struct cw_milestone {
	struct cw_id person;
	struct cw_id case_id;
	struct cw_date date;
	uint8_t type;
	char *detail;
	char *court;
	char *notes;
	uint8_t outcome; /* cw_words_decision: a bail or release granted or refused */
	uint8_t result;  /* cw_words_verdict: a verdict's result, which moves the charges */
	/* The charges it is about ("charged under articles 494 and 495"), a verdict the ones it
	 * rules on; none: every charge of its person or group in the case. One article is in
	 * `article`, two or more in `articles` (struct cw_article_ref) and none in `article`:
	 * read them with cw_milestone_articles. */
	struct cw_article article;
	struct cw_list articles;
	struct cw_list sentence_parts; /* struct cw_sentence_part */
	/* Instead of a person: a group of the case's unnamed defendants, by its label ("NagaWorld
	 * union activists"), and how many of them it concerns (-1: not given). */
	char *group;
	int64_t count;
	/* The count is of people beside those of the group already held ("5 more arrested"),
	 * not of everyone held: it adds to the number held (models/timeline.h). */
	uint8_t more;
	/* A pretrial detention ordered or extended: the last day the order runs to, as the
	 * source gives it ("detained for six months", "extended to 17 July"); unknown when not
	 * given. The legal maximum is read against it (models/timeline.c, detention_order). */
	struct cw_date until;
};

/* A record's link to another account of an event: it disputes that record, or describes the
 * same event. Both stay whole, side by side: a link never merges them. */
enum cw_link_relation { CW_LINK_UNKNOWN, CW_LINK_DISPUTES, CW_LINK_SAME_EVENT };
struct cw_link {
	uint8_t relation; /* cw_words_link */
	struct cw_id record;
};

/* One entry of a record's version vector: the time of the latest change made in `database`
 * that this version includes. A version that includes another's every entry came after it;
 * two versions that each lack an entry of the other were made concurrently (store/sync.h). */
struct cw_version {
	struct cw_id database;
	int64_t time; /* microseconds since the epoch, UTC */
};

struct cw_record {
	uint8_t kind;
	struct cw_id id;
	int64_t created; /* microseconds since the epoch, UTC */
	int64_t updated;
	char *author;           /* who created it */
	struct cw_id origin;    /* database that created it */
	char *editor;           /* who changed it last */
	struct cw_id edited_in; /* database where it was changed last */
	char *source;           /* who reported it: document and paragraph, or "own observation" */
	uint8_t view;           /* whose account: cw_words_view */
	uint8_t reportedly;
	struct cw_id bundle;     /* bundle the current version arrived in; zero when made here */
	struct cw_list versions; /* struct cw_version: the version vector sync compares */
	/* struct cw_version: versions dated in the future that this one was made over, each named
	 * by (edited_in, updated); see models/version.h */
	struct cw_list set_aside;
	/* The date the source's account is as of: the end of a report's period ("as at 31 May
	 * 2024"); what it says of custody holds to that day, not to today. */
	struct cw_date reported_on;
	/* The record this one comes after when the dates do not say (an undated verdict after
	 * the trial's resumption): timelines place it there (models/timeline.h). */
	struct cw_id after;
	struct cw_list links; /* struct cw_link: other accounts it disputes or describes too */
	/* A person's deletion that merged them into another (a tombstone's): every laptop that
	 * takes the deletion points its own records at this one (store/people.c). */
	struct cw_id merged_into;
	/* Confidential material (models/confidential.h): the whole record, or some of its fields
	 * (a bit per word of cw_words_confidential_field). */
	uint8_t confidential;
	uint32_t confidential_fields;
	/* The confidential fields cw_record_withhold_fields emptied that hold no text to put
	 * "[confidential]" in (a visit's concerns, its detainees), a bit each as above: what is
	 * written for others says "[confidential]" in their place, and a field that was empty
	 * anyway is not among them. In memory only (no schema field): never stored, sent or
	 * read from JSON. */
	uint32_t withheld_fields;
	union {
		struct cw_person person;
		struct cw_case kase;
		struct cw_hearing hearing;
		struct cw_visit visit;
		struct cw_demo demo;
		struct cw_milestone milestone;
		struct cw_incident incident;
	} u;
};

/* The header's table (offsets in struct cw_record) and each kind's body table (offsets in
 * the body struct). */
extern const struct cw_schema cw_schema_header;
const struct cw_schema *cw_schema_for_kind(enum cw_kind kind);
const struct cw_field *cw_schema_field(const struct cw_schema *s, const char *name);

/* The field of each tag of s, as field index + 1 (0 where s has no field of that tag), for
 * the codec: a table of CW_SCHEMA_TAGS entries. Every schema reachable from the header and
 * the kinds is indexed the first time any is asked for, once per process, from any thread. */
const uint8_t *cw_schema_tag_index(const struct cw_schema *s);

/* Kind names: "person", "case", "hearing", "visit", "demo", "milestone", "incident". cw_kind_parse
 * also accepts plurals and short forms ("demonstration", "h", "ms"). Returns CW_KIND_NONE when the
 * word names no kind. */
const char *cw_kind_name(enum cw_kind kind);
enum cw_kind cw_kind_parse(const char *word);
/* What a person types for a kind, in a filter or an option: cw_kind_parse's words, or the kind
 * as the reader's language names it (cw_kind_text, cw_kind_label: "សវនាការ" in Khmer). Files
 * and bundles keep cw_kind_parse. */
enum cw_kind cw_kind_parse_typed(const char *word);

/* The kind name as people read it in lists and messages: cw_kind_name's word, translated
 * ("hearing", "visit", ...; never for JSON, options or files, which keep cw_kind_name). */
const char *cw_kind_text(enum cw_kind kind);

/* Kind labels for people: "prison visit", "demonstration", ... */
const char *cw_kind_label(enum cw_kind kind);

/* Enum words. cw_enum_parse accepts the word, its spelling with spaces or dashes for '_' and
 * any case; -1 when it is none of them. */
int cw_enum_parse(const struct cw_enum *e, const char *word);
const char *cw_enum_word(const struct cw_enum *e, unsigned value);
/* The label people read for a value ("supreme_decision" -> "Supreme Court decision"); "?" for
 * a value outside the table. JSON and options keep the words. */
const char *cw_enum_label(const struct cw_enum *e, unsigned value);
/* Whose account, short enough for a list column: "UN", "gov", "media", "NGO", "own",
 * "other", and "?" when it is not recorded. */
const char *cw_view_short(unsigned view);
/* An account as a bit of a set of accounts (a filter's, a figure's): 1 << view; 0 for a value
 * no set can hold. The one rule the store's filters, the index and the reports test by. */
uint32_t cw_view_bit(unsigned view);

/* A fresh record of `kind`: zero, with "not given" integers set to -1. */
void cw_record_init(struct cw_record *rec, enum cw_kind kind);
/* A record being added whose source is "own observation" (the words the source field asks
 * for, in English, or also in the language in use when in_language; alone or followed by
 * more, "own observation (Dara)", as cw_source_says_own reads it) and whose account is not
 * given is the team's own account: sets view to own and returns 1; otherwise changes nothing
 * and returns 0. Every figure says whose account it is, so the words must not leave it "?".
 * The caller applies it to new records only, and not when an account was given as "unknown". */
int cw_record_view_from_source(struct cw_record *rec, int in_language);
/* Whether a source is "own observation" (and, with in_language, its translation in the user's
 * language), alone or followed by more after a mark that is no letter or digit: monitors
 * write their names beside it ("own observation (Dara)", "own observation by Dara"). */
int cw_source_says_own(const char *source, int in_language);
/* A source of "own observation" in the user's language (as a form fills it in, or typed so) is
 * kept in the data's own words, which a report in any language reads as the team's: a Khmer
 * form's default was listed as a document in an English report. What follows the words (the
 * monitors' names: "ការសង្កេតផ្ទាល់ (Dara)") is kept. 0, or CW_ENOMEM. */
int cw_record_source_in_data_words(struct cw_record *rec);
/* The other way, for a form: the data's "own observation" in the user's language, what follows
 * it kept (an edit in Khmer had "own observation (Dara)" shown and saved as "own observation",
 * the names gone). 0, or CW_ENOMEM. */
int cw_record_source_in_language(struct cw_record *rec);
void cw_record_free(struct cw_record *rec);
/* Deep copy. 0, or CW_ENOMEM with dst freed (empty: freeing it again is safe) and src as it
 * was. */
int cw_record_copy(struct cw_record *dst, const struct cw_record *src);
/* Gives dst the value src has of the field a person names as `edit` does (its option name,
 * "next-date" or "next_date", "account" for view; a list whole, "defendants"; an article
 * field with the list of its further articles): two laptops' versions of one record each
 * changed a field, and the person resolving the conflict keeps both changes. The stamps
 * (times, editor, vector) are the store's and cannot be named. *field (may be NULL) gets the
 * field's schema name. 0, CW_ENOTFOUND when the record's kind has no such field, CW_ENOMEM
 * (dst keeps its old value). The field's confidential mark is not moved: callers take fields
 * with cw_confidential_take_field, which moves it too. */
int cw_record_take_field(struct cw_record *dst, const struct cw_record *src, const char *name,
			 const char **field);

/* Adds src's text of a field of several lines (notes, follow-up; named as above) to dst's as
 * a paragraph of its own, "WHO: text" (who: the editor of src's version), unless it is empty
 * or dst's text already holds it: two monitors each wrote notes, and the person resolving the
 * conflict keeps both. 0, CW_ENOTFOUND when the kind has no such field, CW_EINVAL when the
 * field is not text of several lines, CW_ENOMEM (dst as it was). The mark as above. */
int cw_record_join_field(struct cw_record *dst, const struct cw_record *src, const char *name,
			 const char *who, const char **field);

/* The body struct of a record, described by cw_schema_for_kind(rec->kind). */
void *cw_record_body(struct cw_record *rec);
const void *cw_record_body_const(const struct cw_record *rec);
/* The record's notes, whatever its kind (every kind has them); NULL when none. */
const char *cw_record_notes(const struct cw_record *rec);

/* Checks every field against its table and the per-kind rules (a defendant is a person or an
 * unnamed count; a time needs a day-precision date; ...). The error names the field path, e.g.
 * "defendants[2].charges[1].offence". References are checked by the store, not here. */
int cw_record_validate(const struct cw_record *rec, struct cw_error *err);
/* Whether saving a record like rec needs `field` (a field of its kind's table, by name) given,
 * as a form marks it: the table's CW_FF_REQUIRED fields, those the kind's rules above require
 * of such a record (a person's name, unless they have a Khmer one; a hearing's case, unless it
 * counts several hearings; a milestone's person, unless it names a group), and the date a
 * monitor logging an event knows (cw_record_date_expected), which the front ends require
 * (app/advice.h), except in an edit of a record that came without one (was: the stored version
 * an edit starts from, NULL for a new record). 1 or 0. */
int cw_record_requires(const struct cw_record *rec, const struct cw_record *was, const char *field);

/* Writes into buf (len bytes, always terminated) the name of the person `id` names, for a
 * message; "" when it has none to give (the message then names them by their id). */
typedef void (*cw_person_namer)(void *ctx, const struct cw_id *id, char *buf, size_t len);
/* The rules of what a person types, which the front ends check before they save (the form;
 * the command line's add and edit, by cw_check_logged in app/advice.h), each naming its field:
 *   a year of birth after today's year (on "birth_year"; the schema's range, to 2199, only
 *   bounds what a record may hold), today given (cw_date_today(), as the rules of
 *   cw_charges_text take it);
 *   a hearing that lists one person both present and absent (on "absent": it cannot be both),
 *   the person named by name_fn (NULL: by the start of their id) as the user typed them;
 *   a demonstration's response of "none" beside another (cw_record_validate_response);
 *   a prison visit refused access (access denied) that records a detainee's lawyer or family
 *   access (on "detainee_access": it met no one, so it neither heard nor saw it).
 * Not part of cw_record_validate, which the store applies to what it is given whole: a bundle
 * was checked by its sender's clock (a laptop whose clock is behind would refuse it), and a
 * record an older casewatch saved would have every bundle that carries it refused. `was`: the
 * stored version an edit starts from (NULL for a new record); what it broke already is not
 * refused again, so that an edit of another field saves. 0 or CW_EINVAL. */
int cw_record_validate_typed(const struct cw_record *rec, const struct cw_record *was,
			     struct cw_date today, cw_person_namer name_fn, void *ctx,
			     struct cw_error *err);
/* A demonstration's response that says "none" and something else ("none,arrests"): the
 * authorities did nothing and arrested people cannot both be the account. CW_EINVAL on
 * "response", unless `was` (the stored version an edit starts from, or NULL) had the same
 * response. Part of cw_record_validate_typed; `import` applies it too, as a monitor's own
 * file is what a person made, not a bundle another laptop checked. */
int cw_record_validate_response(const struct cw_record *rec, const struct cw_record *was,
				struct cw_error *err);
/* A hearing that answers one fair-trial indicator twice ({"name": "public_hearing", "answer":
 * "no"} and another "yes"): which answer is the account cannot be told, and reports counted
 * both. CW_EINVAL on "indicators[N]", N the second answer's place, naming the indicator. The
 * command line keeps one answer an indicator and the form has one field each; `import`
 * applies it, as it applies cw_record_validate_response. */
int cw_record_validate_indicators(const struct cw_record *rec, struct cw_error *err);
/* Checks the kind and the header fields only: what a deletion (a tombstone) has. */
int cw_record_validate_header(const struct cw_record *rec, struct cw_error *err);

/* The record's own date: the event date, a case's opening date; unknown for people. */
struct cw_date cw_record_date(const struct cw_record *rec);

/* Whether a monitor logging the record knows its date, so the front ends ask for it: a
 * hearing, visit, demonstration or incident, unless it counts several events over a period
 * (documents may give neither; a milestone's date may be unknown). */
int cw_record_date_expected(const struct cw_record *rec);

/* The tally of a hearing, visit, demonstration or incident (NULL for other kinds); its count is
 * -1 when the record is one event. */
const struct cw_tally *cw_record_tally(const struct cw_record *rec);

/* A one-line label: a person's name, a case title, "hearing: <case title unknown>" ... */
const char *cw_record_label(const struct cw_record *rec);

/* The name a person is known by: the Latin-script one, or the Khmer-script one when that is
 * all the sources give (a court list read in Khmer); "" for neither. */
const char *cw_person_name(const struct cw_person *p);

/* Generic field access for front ends. A CW_FF_LIST_TEXT article field takes a list of
 * articles ("494/495"; "" for none) and sets its CW_FF_MORE list too. */
int cw_field_set_text(void *base, const struct cw_field *f, const char *text, struct cw_error *err);
/* The same for what a person typed: a date field also takes the forms that count from today
 * (cw_date_parse_relative: "yesterday", "next monday", "+3d"). */
int cw_field_set_typed(void *base, const struct cw_field *f, const char *text, struct cw_date today,
		       struct cw_error *err);
void cw_field_free(void *base, const struct cw_field *f);
/* The articles a CW_FF_LIST_TEXT field holds with its CW_FF_MORE list, in order and each once
 * (articles compared as charges are, paragraphs aside), into out: how many, at most
 * CW_ARTICLE_LIST_MAX. For any other article field, the one it holds (0 or 1). */
size_t cw_field_articles(const void *base, const struct cw_field *f,
			 struct cw_article out[CW_ARTICLE_LIST_MAX]);
/* Makes a CW_FF_LIST_TEXT field and its list hold a[0..n), each once: none empties both, one
 * goes in the field, several in the list. CW_EINVAL (naming the field) for more than
 * CW_ARTICLE_LIST_MAX, CW_ENOMEM, or 0. */
int cw_field_set_articles(void *base, const struct cw_field *f, const struct cw_article *a,
			  size_t n, struct cw_error *err);
/* Puts what a CW_FF_LIST_TEXT field and its list hold in the form cw_field_set_articles gives
 * (a file may name one article in the list, or some in each): the same errors. */
int cw_field_tidy_articles(void *base, const struct cw_field *f, struct cw_error *err);
/* The same read for a milestone: the articles it names (0: every charge of its person or
 * group in its case). */
size_t cw_milestone_articles(const struct cw_milestone *m,
			     struct cw_article out[CW_ARTICLE_LIST_MAX]);
/* Appends a zeroed element to a list field and returns it (NULL when out of memory). */
void *cw_list_append(struct cw_list *list, const struct cw_schema *sub);
void cw_struct_init(void *base, const struct cw_schema *s);
/* Parses one verdict as people write it, "ARTICLES=RESULT[@PERSON]" ("494/495=convicted@Chhim
 * Sithar"), appending a verdict per article to the hearing, or correcting the one it has for
 * that person (or group) and article (a hearing rules once on a charge). The person's name is
 * handed to
 * resolve (a front end looks names up in the store); "@group:LABEL" names a group of the
 * case's unnamed defendants instead; without "@" the verdicts name no one. Errors name
 * `field`. */
typedef int (*cw_name_resolver)(void *ctx, const char *name, struct cw_id *out,
				struct cw_error *err);
int cw_hearing_add_verdicts(struct cw_hearing *h, const char *spec, cw_name_resolver resolve,
			    void *ctx, const char *field, struct cw_error *err);

/* Whom a hearing concerned, as its own record says, since a case's defendants are as the case
 * is now (a sitting of a mass trial tries some of its accused; a defendant added to the case
 * later was at none of its earlier hearings). The one rule for whom a hearing's row lists
 * (report.h: cw_report_hearing_defendants) and whose detention its verdict ends
 * (models/timeline.h):
 *   - it names a person in its attendance (present or absent) or in a verdict or a sentence's
 *     part, a group of unnamed defendants in a verdict or a sentence's part (an attendance
 *     lists people only): cw_hearing_names;
 *   - a verdict that names no one (no person, no group), or one given unitemised (outcome
 *     verdict, no verdict listed), is for those it names;
 *   - where it names none, its case says, as the case is now: the people, when it lists no
 *     attendance and either names no one or gives a verdict that names no one (one for every
 *     defendant); the groups, when its verdicts and sentence name no one or a verdict names no
 *     one (cw_hearing_names_people, cw_hearing_names_groups say the record does). */
int cw_hearing_names(const struct cw_hearing *h, const struct cw_id *person, const char *group);
int cw_hearing_names_people(const struct cw_hearing *h);
int cw_hearing_names_groups(const struct cw_hearing *h);
/* Whether the hearing concerned the person (group NULL) or the group `group` (by its label, in
 * any letter case): its record names them, or names none of their kind, when the case does
 * (the caller's to say whether the case lists them). A zero person, or a group with no label,
 * is one the record cannot name: concerned only where the case says. */
int cw_hearing_concerns(const struct cw_hearing *h, const struct cw_id *person, const char *group);
/* Whether a hearing gives a verdict that names no one: a verdict listed with no person and no
 * group, or a verdict given unitemised (outcome verdict, none listed). It is for those the
 * hearing concerned (cw_hearing_concerns). */
int cw_hearing_rules_unnamed(const struct cw_hearing *h);
/* Whom a hearing's bail decision (its `bail`, granted or refused) is for, by the same record:
 * a bail hearing of one of several co-defendants lists the one it heard (co-defendants' bail is
 * often decided apart: 001 para 34), and the decision names no one itself. The one rule for the
 * detention it ends or finds running (models/timeline.h), the index of detentions, the
 * report's bail table and its list of those found held:
 *   - its record names exactly one defendant, in its attendance (present or absent), a
 *     verdict or a sentence's part (cw_hearing_names): one person, or one group of unnamed
 *     defendants and no person: theirs (CW_HEARING_BAIL_NAMED; *person, or *group the label
 *     as the record gives it);
 *   - it names no one: the case's only defendant, when the case (NULL: not known) has exactly
 *     one entry (CW_HEARING_BAIL_CASE; *person, or *group, that entry's);
 *   - it names several, or no one of a case of several: no one in particular
 *     (CW_HEARING_BAIL_NO_ONE; *person zero, *group NULL).
 * person and group may be NULL. */
enum cw_hearing_bail_whom { CW_HEARING_BAIL_NO_ONE, CW_HEARING_BAIL_NAMED, CW_HEARING_BAIL_CASE };
int cw_hearing_bail_whom(const struct cw_hearing *h, const struct cw_case *kase,
			 struct cw_id *person, const char **group);
/* Whether that decision is for the person (group NULL) or the group `group` (by its label, in
 * any letter case): the one the record names; where it names no one, anyone of a case that has
 * one defendant (the caller's to say whether the case lists them). The zero id, or a group with
 * no label: every defendant, whoever (a decision whose record names no one, of a case of
 * one). */
int cw_hearing_bail_for(const struct cw_hearing *h, const struct cw_case *kase,
			const struct cw_id *person, const char *group);

/* A verdict as it bears on a case's charges: whom it concerns (a person; else a group of
 * unnamed defendants by its label; else, when neither is given, every defendant), which charge
 * (an article, else an offence as worded, else every one), its result (cw_words_verdict), whether
 * an appeal court gave it, its date and the record that gave it. */
struct cw_verdict_event {
	struct cw_id person;
	const char *group;
	struct cw_article article;
	const char *offence; /* with no article: the charge by its offence, as worded */
	uint8_t result;
	int on_appeal;
	struct cw_date date;
	struct cw_id by;
	/* A verdict that names no one, given at this hearing: for the defendants it concerned
	 * (cw_hearing_concerns), as the detention it ends; NULL: every defendant. */
	const struct cw_hearing *tried;
};

/* The order of rulings in a charge's history, as cw_date_compare (a partial date before the
 * days it covers) but an undated ruling before every dated one: -1, 0 or 1. */
int cw_ruling_date_compare(struct cw_date a, struct cw_date b);
/* Whether what a ruling of `result` moves a charge to depends on the charge's state before it
 * (cw_case_follow_verdict): an appeal upheld, or a conviction that names no charge (by article
 * or offence), which are of what is left. */
int cw_verdict_reads_state(uint8_t result, int names_charge);

/* Moves the charges a verdict covers and puts a step in each one's history (the same record
 * and state is not put twice). The history is in the order of the rulings' dates
 * (cw_ruling_date_compare; one of the same date after those there), and a charge's state
 * follows the latest ruling by date, not the last one entered: a verdict dated before a ruling
 * the charge has already had takes its place in the history, its state worked out from the
 * step before it ("charged" when none), and leaves the charge's state as it is; so rulings
 * entered in either order give the same state. Convicted makes a charge named by article or
 * offence "convicted" and, when no charge is named, a charge still pending "convicted (counts
 * not stated)"; upheld does the same but keeps a conviction as it was; overturned, acquitted
 * (on appeal: "acquitted on appeal"), dropped and requalified set their state. A conviction
 * naming no charge, and an upheld one, do not revive a charge acquitted, dropped or
 * overturned. A history full keeps the latest rulings. *changed (may be NULL) says whether the
 * case changed. CW_ENOMEM or 0. */
int cw_case_follow_verdict(struct cw_case *c, const struct cw_verdict_event *v, int *changed);

/* A charge milestone's article as it bears on the case: the person (or group) it names is
 * charged under it from its date, a charge added with the state "charged" and one step of
 * history (by the milestone), when they are not charged under it already ("new charges filed
 * just before the maximum pretrial period ends": 001 para 37); a charge another charge
 * milestone made takes a "charged" step for this one too, one the case itself lists none.
 * Nothing is added past the number of charges a defendant may have. v's result is not read.
 * A charge so made goes when the last of its steps is taken back and a "charged" one was
 * among them (cw_case_unfollow_record): a ruling on it since keeps it. *changed (may be
 * NULL) says whether the case changed. CW_ENOMEM or 0. */
int cw_case_follow_charge(struct cw_case *c, const struct cw_verdict_event *v, int *changed);

/* A case moved on by what was logged in it: an appeal lodged or decided (a hearing's verdicts
 * at the appeal stage too) puts it at "appeal", a Supreme Court decision at "supreme", so that
 * the case does not read "trial" beside its ruling on appeal. Only forward, never from a
 * stage not recorded (unknown: the monitor's to set), never past "closed", and never where the
 * entry was known as of the event's day or later (it was written knowing of it; an event of
 * unknown date does not move a dated entry). The stage moved is the defendant's own, for a
 * defendant v names who has one, else the case's (v naming no one, a defendant that follows
 * the case's stage, or a case with none listed); defendants v does not name who followed the
 * case's stage keep it as their own. v's article and result are not read. The step is not taken
 * back when the record is (the state before it is not kept; deleting it is said instead:
 * store.h, cw_store_delete_noting). *changed (may be NULL) says whether the case changed. */
void cw_case_follow_stage(struct cw_case *c, const struct cw_verdict_event *v, uint8_t stage,
			  int *changed);
/* Whether the entry cw_case_follow_stage moves for v stands at `stage` now: a defendant v
 * names who has a stage of their own, or the case's where v moves the case's. */
int cw_case_stands_at(const struct cw_case *c, const struct cw_verdict_event *v, uint8_t stage);

/* Arrests at a demonstration: the number recorded, or the people named as arrested when they
 * are more; -1 when neither is recorded (not observed is not none). */
int64_t cw_demo_arrests(const struct cw_demo *d);
/* Whether that figure is a least: the number recorded so ("at least 28 arrested"), or the
 * people named, with no number given (or a number smaller than them): "a number of trade
 * unionists" with one named is at least 1, not 1. */
int cw_demo_arrests_at_least(const struct cw_demo *d);
/* People injured at a demonstration: the number recorded; -1 when not recorded (not observed
 * is not none). */
int64_t cw_demo_injured(const struct cw_demo *d);
/* Whether that figure is a least ("at least 3 injured"). */
int cw_demo_injured_at_least(const struct cw_demo *d);
/* Whether two demonstrations may be one told twice: both dated to the same day (a day known,
 * not a month), at the same place (letter case aside; a place given), their causes not
 * differing where both give one. Logging warns of such a record not linked to the other
 * (app/advice.c), and reports say where two they count are not linked (report/report.h). */
int cw_demo_may_be_same(const struct cw_demo *a, const struct cw_demo *b);
/* Whether a prison visit was refused access (access denied): it met no one, so the detainees it
 * lists were not met, and what it records of their access to a lawyer or family (an imported
 * record may hold it; typed, it is refused: cw_record_validate_typed) was neither told nor
 * seen there. The one rule of every place that counts a visit's detainees or their access, or
 * says that it does not. */
int cw_visit_met_no_one(const struct cw_visit *v);

/* Takes back what the record `by` moved (a verdict corrected or deleted): removes its steps
 * from every charge's history and, where its step was the last (the latest ruling by date:
 * cw_case_follow_verdict), sets the charge to the state of the step before it, the latest
 * ruling left, or "charged" when none is left (the state a charge had before its first
 * ruling is not kept; "charged" is what a charge is logged as). *changed (may be NULL) says
 * whether the case changed. */
void cw_case_unfollow_record(struct cw_case *c, const struct cw_id *by, int *changed);

/* Takes into `kept` (the version of a case a conflict is resolved to) the rulings another
 * version of it followed and kept did not: each charge of kept (its defendant found in
 * `other` by person, a group by label; the charge by article, else by offence) takes the
 * steps of the other's same charge whose record none of its own names. A step whose record
 * `held` says is not held here (a ruling deleted, on either side) is dropped from both. The
 * history is then in date order (cw_ruling_date_compare), kept's own steps last among those
 * of one date (the version
 * chosen wins a tie), and the charge's state is its last step's ("charged" when none is
 * left); a charge with no step taken or dropped is left as it is, its state set by hand
 * included. A charge of the other's that kept lacks and that a charge milestone held here made
 * there (cw_case_follow_charge) is taken, with its steps held here. *changed says whether kept
 * changed. CW_ENOMEM or 0. */
int cw_case_merge_rulings(struct cw_case *kept, const struct cw_case *other,
			  int (*held)(void *ctx, const struct cw_id *record), void *ctx,
			  int *changed);

/* Parses one sentence part as people write it, "PART[=AMOUNT][:DETAIL]" ("prison=3 years",
 * "ban=5 years:voting in and standing for elections", "compensation:to the National Election
 * Committee"), appending it to parts. Errors name `field`. */
int cw_sentence_part_add(struct cw_list *parts, const char *spec, const char *field,
			 struct cw_error *err);

/* The defendant's charge under article a: the one there, else a new one (state "charged").
 * NULL when out of memory. */
struct cw_charge *cw_defendant_charge(struct cw_defendant *d, const struct cw_article *a);
void cw_struct_free(void *base, const struct cw_schema *s);

/* Ids. */
void cw_id_random(struct cw_id *id);
/* A stable id for a readable reference ("p-kem-sokha"): the same text always gives the same id
 * (BLAKE2b of a fixed context and the text). */
void cw_id_from_ref(const char *ref, struct cw_id *id);
int cw_id_is_zero(const struct cw_id *id);
int cw_id_equal(const struct cw_id *a, const struct cw_id *b);
/* A hash of all 16 bytes for hash tables: ids made here begin with a sequence number, so their
 * first bytes alone are nearly all alike. */
uint64_t cw_id_hash(const struct cw_id *id);
void cw_id_hex(const struct cw_id *id, char buf[CW_ID_HEX_LEN + 1]);
/* Parses exactly 32 hex digits. */
int cw_id_parse_hex(const char *hex, struct cw_id *id);
/* Whether text, as typed, could be the start of an id: 6 to 32 hex digits (CW_ID_HEX_LEN),
 * either case, nothing else. Fewer digits pick out no record among many; text that is not so
 * is a name, a reference or nothing, never an id. */
int cw_id_prefix_typed(const char *text);

#endif
