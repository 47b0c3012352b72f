/* schema.c - the field tables of every record kind, their words and kind names; see record.h. */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "models/record.h"

/* Every enumeration is one list of values, each a stable word beside its label for people:
 * the word is what JSON, the options and filters use and never changes; the label is what
 * screens and reports show, written as a Cambodia trial monitor would say it (a later gettext
 * catalogue translates the labels, so they stay plain literals here and nowhere else). One list
 * expands into both arrays, so a word cannot lose or swap its label. */
#define WORD_OF(word, label)  word,
#define LABEL_OF(word, label) label,
#define WORDS(name, VALUES)                                                                        \
	static const char *const name##_words[] = {VALUES(WORD_OF)};                               \
	static const char *const name##_labels[] = {VALUES(LABEL_OF)};                             \
	const struct cw_enum name = {name##_words, sizeof name##_words / sizeof name##_words[0],   \
				     name##_labels}

#define KINDS(V)                                                                                   \
	V("", "record")                                                                            \
	V("person", "person")                                                                      \
	V("case", "case")                                                                          \
	V("hearing", "hearing")                                                                    \
	V("visit", "prison visit")                                                                 \
	V("demo", "demonstration")                                                                 \
	V("milestone", "milestone")                                                                \
	V("incident", "incident")
WORDS(cw_words_kind, KINDS);

#define SEXES(V)                                                                                   \
	V("unknown", "not recorded")                                                               \
	V("female", "female")                                                                      \
	V("male", "male")                                                                          \
	V("other", "other")
WORDS(cw_words_sex, SEXES);

/* Whose account a record gives (DOMAIN: "who says what"). cw_view_short has the list column's
 * short forms, in the same order. */
#define VIEWS(V)                                                                                   \
	V("unknown", "not recorded")                                                               \
	V("un", "UN")                                                                              \
	V("government", "government")                                                              \
	V("media", "media")                                                                        \
	V("ngo", "NGO")                                                                            \
	V("own", "own observation")                                                                \
	V("other", "other")
WORDS(cw_words_view, VIEWS);

#define ROLES(V)                                                                                   \
	V("hrd", "human rights defender")                                                          \
	V("journalist", "journalist")                                                              \
	V("commentator", "social commentator")                                                     \
	V("union_leader", "union leader")                                                          \
	V("union_member", "union member")                                                          \
	V("land_activist", "land activist")                                                        \
	V("environmental_activist", "environmental activist")                                      \
	V("opposition", "opposition politician")                                                   \
	V("monk", "Buddhist monk")                                                                 \
	V("student", "student")                                                                    \
	V("lawyer", "lawyer")                                                                      \
	V("youth_activist", "youth activist")                                                      \
	V("other", "other")
WORDS(cw_words_roles, ROLES);

#define CUSTODIES(V)                                                                               \
	V("unknown", "unknown")                                                                    \
	V("detained", "detained")                                                                  \
	V("bail", "on bail")                                                                       \
	V("judicial_supervision", "under judicial supervision")                                    \
	V("house_arrest", "under house arrest")                                                    \
	V("released", "released")                                                                  \
	V("at_large", "at large")                                                                  \
	V("in_absentia", "tried in absentia")
WORDS(cw_words_custody, CUSTODIES);

/* Where a charge stands; verdicts move it (cw_case_follow_verdict). The documents need a
 * conviction whose counts they do not itemise (Kang Saran, Chao Veasna: 001 paras 35, 39) and
 * a conviction overturned on appeal (Chhorn Phalla: 001 para 38). */
#define CHARGE_STATES(V)                                                                           \
	V("charged", "charged")                                                                    \
	V("requalified", "requalified")                                                            \
	V("convicted", "convicted")                                                                \
	V("acquitted", "acquitted")                                                                \
	V("dropped", "dropped")                                                                    \
	V("convicted_unstated", "convicted (counts not stated)")                                   \
	V("overturned", "conviction overturned on appeal")                                         \
	V("acquitted_on_appeal", "acquitted on appeal")
WORDS(cw_words_charge_state, CHARGE_STATES);

#define COURT_LEVELS(V)                                                                            \
	V("unknown", "unknown")                                                                    \
	V("first_instance", "court of first instance")                                             \
	V("appeal", "appeal court")                                                                \
	V("supreme", "Supreme Court")                                                              \
	V("eccc", "Extraordinary Chambers (ECCC)")
WORDS(cw_words_court_level, COURT_LEVELS);

#define STAGES(V)                                                                                  \
	V("unknown", "unknown")                                                                    \
	V("investigation", "investigation")                                                        \
	V("pretrial", "awaiting trial")                                                            \
	V("trial", "trial")                                                                        \
	V("verdict", "verdict")                                                                    \
	V("appeal", "appeal")                                                                      \
	V("supreme", "before the Supreme Court")                                                   \
	V("closed", "closed")
WORDS(cw_words_stage, STAGES);

#define ANSWERS(V)                                                                                 \
	V("unknown", "unknown")                                                                    \
	V("yes", "yes")                                                                            \
	V("no", "no")                                                                              \
	V("na", "not applicable")
WORDS(cw_words_answer, ANSWERS);

/* Fair-trial indicators, worded so that "no" is the concern (ICCPR art. 14). */
#define INDICATORS(V)                                                                              \
	V("unknown", "unknown")                                                                    \
	V("public_hearing", "public hearing")                                                      \
	V("informed_of_charge", "informed of the charges")                                         \
	V("time_to_prepare", "adequate time to prepare the defence")                               \
	V("counsel_of_choice", "counsel of own choosing")                                          \
	V("presumption_of_innocence", "presumption of innocence")                                  \
	V("independent_tribunal", "independent and impartial court")                               \
	V("equality_of_arms", "equality of arms")                                                  \
	V("no_coerced_confession", "no coerced confession")                                        \
	V("reasoned_judgment", "reasoned judgment")                                                \
	V("interpreter", "interpreter provided")                                                   \
	V("undue_delay", "tried without undue delay")
WORDS(cw_words_indicator, INDICATORS);

#define OUTCOMES(V)                                                                                \
	V("unknown", "unknown")                                                                    \
	V("adjourned", "adjourned")                                                                \
	V("bail_decision", "bail decision")                                                        \
	V("verdict", "verdict")                                                                    \
	V("continued", "continued")                                                                \
	V("other", "other")                                                                        \
	V("suspended", "trial suspended")                                                          \
	V("postponed", "postponed")
WORDS(cw_words_outcome, OUTCOMES);

#define BAILS(V)                                                                                   \
	V("unknown", "unknown")                                                                    \
	V("not_requested", "not requested")                                                        \
	V("granted", "granted")                                                                    \
	V("refused", "refused")
WORDS(cw_words_bail, BAILS);

#define VERDICTS(V)                                                                                \
	V("unknown", "unknown")                                                                    \
	V("convicted", "convicted")                                                                \
	V("acquitted", "acquitted")                                                                \
	V("dropped", "charge dropped")                                                             \
	V("requalified", "charge requalified")                                                     \
	V("upheld", "upheld on appeal")                                                            \
	V("overturned", "overturned on appeal")
WORDS(cw_words_verdict, VERDICTS);

#define ACCESSES(V)                                                                                \
	V("unknown", "unknown")                                                                    \
	V("granted", "granted")                                                                    \
	V("restricted", "restricted")                                                              \
	V("denied", "denied")
WORDS(cw_words_access, ACCESSES);

#define CONCERNS(V)                                                                                \
	V("health", "health")                                                                      \
	V("water", "clean water")                                                                  \
	V("food", "food")                                                                          \
	V("overcrowding", "overcrowding")                                                          \
	V("sanitation", "toilets and washing")                                                     \
	V("ill_treatment", "ill-treatment")                                                        \
	V("bribery", "bribery")                                                                    \
	V("lawyer_access", "access to a lawyer")                                                   \
	V("family_contact", "family contact")                                                      \
	V("womens_needs", "women's needs")
WORDS(cw_words_concerns, CONCERNS);

#define RESPONSES(V)                                                                               \
	V("none", "none")                                                                          \
	V("monitored", "monitored")                                                                \
	V("obstructed", "obstructed")                                                              \
	V("dispersed", "dispersed")                                                                \
	V("arrests", "arrests")                                                                    \
	V("force", "force used")                                                                   \
	V("monitors_blocked", "monitors kept out")
WORDS(cw_words_response, RESPONSES);

#define MILESTONES(V)                                                                              \
	V("unknown", "unknown")                                                                    \
	V("arrest", "arrest")                                                                      \
	V("charge", "charge")                                                                      \
	V("pretrial_detention", "pretrial detention")                                              \
	V("bail", "bail")                                                                          \
	V("release", "release")                                                                    \
	V("house_arrest", "house arrest")                                                          \
	V("judicial_supervision", "judicial supervision")                                          \
	V("verdict", "verdict")                                                                    \
	V("sentence", "sentence")                                                                  \
	V("appeal_lodged", "appeal lodged")                                                        \
	V("appeal_decided", "appeal decided")                                                      \
	V("supreme_decision", "Supreme Court decision")                                            \
	V("pardon", "pardon")                                                                      \
	V("in_absentia_verdict", "verdict in absentia")                                            \
	V("other", "other")                                                                        \
	V("pretrial_end", "end of pretrial detention")                                             \
	V("trial_suspended", "trial suspended")                                                    \
	V("trial_resumed", "trial resumed")                                                        \
	V("postponed", "hearing postponed")
WORDS(cw_words_milestone, MILESTONES);

/* The parts of a sentence (001 para 35: three years' imprisonment, a five-year ban on voting
 * in and standing for elections, compensation to the National Election Committee). */
#define SENTENCE_PARTS(V)                                                                          \
	V("unknown", "unknown")                                                                    \
	V("prison", "prison term")                                                                 \
	V("suspended", "suspended part")                                                           \
	V("fine", "fine")                                                                          \
	V("compensation", "compensation")                                                          \
	V("ban", "ban")                                                                            \
	V("other", "other")
WORDS(cw_words_sentence_part, SENTENCE_PARTS);

/* Incidents: what is not a hearing, a visit, a demonstration or a case's milestone (001 para
 * 43: an outlet closed, accounts and websites blocked; para 32: a party kept off the ballot;
 * 004 line 201: political rights restored; prison policy in 000 and 004). */
#define INCIDENTS(V)                                                                               \
	V("unknown", "unknown")                                                                    \
	V("media_closure", "media outlet closed")                                                  \
	V("blocking", "websites or accounts blocked")                                              \
	V("candidate_removal", "candidates or party kept off an election")                         \
	V("political_ban", "ban from political activity")                                          \
	V("rights_restored", "political rights restored")                                          \
	V("policy", "policy or law")                                                               \
	V("statement", "public statement")                                                         \
	V("other", "other")
WORDS(cw_words_incident, INCIDENTS);

/* How a record bears on another account of an event (links in the header). */
#define LINKS(V)                                                                                   \
	V("unknown", "linked to")                                                                  \
	V("disputes", "disputes")                                                                  \
	V("same_event", "same event as")
WORDS(cw_words_link, LINKS);

/* What came of a request a milestone records (bail, release): a refused bail keeps pretrial
 * detention running, a granted one ends it. */
#define DECISIONS(V)                                                                               \
	V("unknown", "unknown")                                                                    \
	V("granted", "granted")                                                                    \
	V("refused", "refused")
WORDS(cw_words_decision, DECISIONS);

/* The short forms of cw_words_view for a narrow list column, in the same order. */
static const char *const view_short[] = {"?", "UN", "gov", "media", "NGO", "own", "other"};
_Static_assert(sizeof view_short / sizeof view_short[0] ==
		       sizeof cw_words_view_words / sizeof cw_words_view_words[0],
	       "a short form for every account");

/* Field table helpers: F(struct, member, name, tag, type, flags, max, help). */
#define FLD(S, m, nm, tg, ty, fl, mx, h)                                                           \
	{                                                                                          \
		.name = nm, .tag = tg, .type = ty, .flags = fl, .offset = offsetof(S, m),          \
		.max = mx, .help = h                                                               \
	}
#define STR(S, m, tg, fl, mx, h) FLD(S, m, #m, tg, CW_F_STR, fl, mx, h)
#define DATE(S, m, tg, fl, h)    FLD(S, m, #m, tg, CW_F_DATE, fl, 0, h)
#define INT(S, m, tg, lo, hi, h)                                                                   \
	{                                                                                          \
		.name = #m, .tag = tg, .type = CW_F_INT, .offset = offsetof(S, m), .max = hi,      \
		.min = lo, .help = h                                                               \
	}
#define ENUM(S, m, tg, fl, w, h)                                                                   \
	{                                                                                          \
		.name = #m, .tag = tg, .type = CW_F_ENUM, .flags = fl, .offset = offsetof(S, m),   \
		.words = &w, .help = h                                                             \
	}
#define SET(S, m, tg, w, h)                                                                        \
	{                                                                                          \
		.name = #m, .tag = tg, .type = CW_F_SET, .offset = offsetof(S, m), .words = &w,    \
		.help = h                                                                          \
	}
#define ID(S, m, nm, tg, fl, k, h)                                                                 \
	{                                                                                          \
		.name = nm, .tag = tg, .type = CW_F_ID, .flags = fl, .offset = offsetof(S, m),     \
		.ref_kind = k, .help = h                                                           \
	}
#define ART(S, m, tg, h) FLD(S, m, #m, tg, CW_F_ARTICLE, 0, 0, h)
#define LIST(S, m, tg, fl, mx, sc, h)                                                              \
	{                                                                                          \
		.name = #m, .tag = tg, .type = CW_F_LIST, .flags = fl, .offset = offsetof(S, m),   \
		.max = mx, .sub = &sc, .help = h                                                   \
	}
/* A tally's four fields (struct cw_tally at member m), named flat in JSON and options. */
#define TALLY_FIELD(S, mem, nm, tg, ty, lo, hi, h)                                                 \
	{                                                                                          \
		.name = nm, .tag = tg, .type = ty, .offset = offsetof(S, mem), .min = lo,          \
		.max = hi, .help = h                                                               \
	}
#define TALLY(S, m, tg)                                                                            \
	TALLY_FIELD(S, m.count, "count", tg, CW_F_INT, 1, 100000000,                               \
		    "how many events it stands for (an incident: how many of --unit)"),            \
		TALLY_FIELD(S, m.at_least, "at_least", tg + 1, CW_F_BOOL, 0, 0,                    \
			    "the count is a minimum (\"at least 95\")"),                           \
		TALLY_FIELD(S, m.from, "period_from", tg + 2, CW_F_DATE, 0, 0,                     \
			    "first day of the period counted"),                                    \
		TALLY_FIELD(S, m.to, "period_to", tg + 3, CW_F_DATE, 0, 0,                         \
			    "last day of the period counted")
#define SCHEMA(var, nm, S, tbl)                                                                    \
	const struct cw_schema var = {nm, sizeof(S), tbl, sizeof tbl / sizeof tbl[0]}

#define NAME_MAX_BYTES  200
#define LINE_MAX_BYTES  500
#define NOTES_MAX_BYTES 8000

static const struct cw_field version_fields[] = {
	ID(struct cw_version, database, "database", 1, CW_FF_REQUIRED, 0, "database id"),
	{.name = "time",
	 .tag = 2,
	 .type = CW_F_INT,
	 .flags = CW_FF_REQUIRED,
	 .offset = offsetof(struct cw_version, time),
	 .max = INT64_MAX,
	 .min = 0,
	 .help = "latest change made there, microseconds since the epoch"},
};
static SCHEMA(version_schema, "version", struct cw_version, version_fields);

static const struct cw_field link_fields[] = {
	ENUM(struct cw_link, relation, 1, CW_FF_REQUIRED, cw_words_link, "disputes or same_event"),
	ID(struct cw_link, record, "record", 2, CW_FF_REQUIRED, 0, "the other account"),
};
static SCHEMA(link_schema, "link", struct cw_link, link_fields);

static const struct cw_field header_fields[] = {
	{.name = "created",
	 .tag = 2,
	 .type = CW_F_INT,
	 .flags = CW_FF_HEADER,
	 .offset = offsetof(struct cw_record, created),
	 .max = INT64_MAX,
	 .min = 0},
	{.name = "updated",
	 .tag = 3,
	 .type = CW_F_INT,
	 .flags = CW_FF_HEADER,
	 .offset = offsetof(struct cw_record, updated),
	 .max = INT64_MAX,
	 .min = 0},
	STR(struct cw_record, author, 4, CW_FF_HEADER, NAME_MAX_BYTES, "who created it"),
	ID(struct cw_record, origin, "origin", 5, CW_FF_HEADER, 0, "database that created it"),
	STR(struct cw_record, editor, 6, CW_FF_HEADER, NAME_MAX_BYTES, "who changed it last"),
	ID(struct cw_record, edited_in, "edited_in", 7, CW_FF_HEADER, 0,
	   "database where it was changed last"),
	STR(struct cw_record, source, 8, 0, LINE_MAX_BYTES,
	    "who reported it: document and paragraph, or \"own observation\""),
	ENUM(struct cw_record, view, 9, 0, cw_words_view, "whose account this is"),
	{.name = "reportedly",
	 .tag = 10,
	 .type = CW_F_BOOL,
	 .offset = offsetof(struct cw_record, reportedly),
	 .help = "the source says \"reportedly\""},
	ID(struct cw_record, bundle, "bundle", 11, CW_FF_HEADER, 0,
	   "bundle the current version arrived in"),
	LIST(struct cw_record, versions, 12, CW_FF_HEADER, 4096, version_schema,
	     "version vector: the latest change from each database this version includes"),
	LIST(struct cw_record, set_aside, 13, CW_FF_HEADER, 4096, version_schema,
	     "versions dated in the future this one was made over: database and time of each"),
	DATE(struct cw_record, reported_on, 14, 0,
	     "the date the source's account is as of (the end of its reporting period)"),
	ID(struct cw_record, after, "after", 1, 0, 0,
	   "the record this one comes after, when the dates do not say"),
	LIST(struct cw_record, links, 15, 0, 32, link_schema,
	     "other accounts of the event: one it disputes, or one that describes it too"),
	/* A tag far above the kinds' (16 on): the header's first fifteen are taken. */
	ID(struct cw_record, merged_into, "merged_into", 120, CW_FF_HEADER, 0,
	   "the person a deleted person was merged into"),
};
SCHEMA(cw_schema_header, "header", struct cw_record, header_fields);

static const struct cw_field person_fields[] = {
	STR(struct cw_person, name, 16, CW_FF_REQUIRED, NAME_MAX_BYTES, "name in Latin script"),
	STR(struct cw_person, name_km, 17, 0, NAME_MAX_BYTES, "name in Khmer script"),
	ENUM(struct cw_person, sex, 18, 0, cw_words_sex, "sex"),
	INT(struct cw_person, birth_year, 19, 1900, 2199, "year of birth"),
	STR(struct cw_person, affiliation, 20, 0, NAME_MAX_BYTES,
	    "party, union, NGO or media outlet"),
	SET(struct cw_person, roles, 21, cw_words_roles, "roles"),
	STR(struct cw_person, province, 22, 0, NAME_MAX_BYTES, "province of residence"),
	STR(struct cw_person, notes, 23, CW_FF_MULTILINE, NOTES_MAX_BYTES, "notes"),
};
static SCHEMA(person_schema, "person", struct cw_person, person_fields);

static const struct cw_field charge_step_fields[] = {
	ENUM(struct cw_charge_step, state, 16, 0, cw_words_charge_state, "state it moved to"),
	DATE(struct cw_charge_step, date, 17, 0, "date of the ruling"),
	ID(struct cw_charge_step, record, "record", 18, 0, 0,
	   "the hearing or milestone that moved it"),
};
static SCHEMA(charge_step_schema, "step", struct cw_charge_step, charge_step_fields);

static const struct cw_field charge_fields[] = {
	ART(struct cw_charge, article, 16, "law and article, e.g. 494 or \"437 bis\""),
	STR(struct cw_charge, offence, 17, 0, LINE_MAX_BYTES, "offence as worded"),
	ENUM(struct cw_charge, state, 18, 0, cw_words_charge_state, "state of the charge"),
	LIST(struct cw_charge, history, 19, 0, 32, charge_step_schema,
	     "the rulings that moved it, oldest first"),
};
static SCHEMA(charge_schema, "charge", struct cw_charge, charge_fields);

static const struct cw_field defendant_fields[] = {
	ID(struct cw_defendant, person, "person", 16, 0, CW_KIND_PERSON, "the defendant"),
	INT(struct cw_defendant, unnamed_count, 17, 1, 100000, "number of unnamed defendants"),
	STR(struct cw_defendant, label, 18, 0, NAME_MAX_BYTES, "who the unnamed defendants are"),
	ENUM(struct cw_defendant, custody, 19, 0, cw_words_custody, "custody status"),
	LIST(struct cw_defendant, charges, 20, 0, 32, charge_schema, "charges"),
	ENUM(struct cw_defendant, stage, 21, 0, cw_words_stage, "stage for this defendant"),
	DATE(struct cw_defendant, as_of, 22, 0,
	     "the date this defendant's custody and stage were known to be so"),
};
static SCHEMA(defendant_schema, "defendant", struct cw_defendant, defendant_fields);

static const struct cw_field case_fields[] = {
	STR(struct cw_case, title, 16, CW_FF_REQUIRED, LINE_MAX_BYTES, "title"),
	STR(struct cw_case, number, 17, 0, NAME_MAX_BYTES, "court case number"),
	STR(struct cw_case, court, 18, 0, NAME_MAX_BYTES, "court"),
	ENUM(struct cw_case, court_level, 19, 0, cw_words_court_level, "level of the court"),
	STR(struct cw_case, court_province, 20, 0, NAME_MAX_BYTES, "province of the court"),
	ENUM(struct cw_case, stage, 21, 0, cw_words_stage, "current stage"),
	DATE(struct cw_case, opened, 22, 0, "date of arrest or first charge"),
	LIST(struct cw_case, defendants, 23, 0, 500, defendant_schema, "defendants"),
	STR(struct cw_case, notes, 24, CW_FF_MULTILINE, NOTES_MAX_BYTES, "notes"),
	DATE(struct cw_case, as_of, 25, 0, "the date the stage and custody were known to be so"),
};
static SCHEMA(case_schema, "case", struct cw_case, case_fields);

static const struct cw_field attendance_fields[] = {
	ID(struct cw_attendance, person, "person", 16, CW_FF_REQUIRED, CW_KIND_PERSON, "defendant"),
	ENUM(struct cw_attendance, present, 17, 0, cw_words_answer, "present in court"),
};
static SCHEMA(attendance_schema, "attendance", struct cw_attendance, attendance_fields);

static const struct cw_field indicator_fields[] = {
	ENUM(struct cw_indicator, name, 16, CW_FF_REQUIRED, cw_words_indicator,
	     "fair-trial indicator"),
	ENUM(struct cw_indicator, answer, 17, 0, cw_words_answer, "yes, no, na or unknown"),
	STR(struct cw_indicator, note, 18, 0, LINE_MAX_BYTES, "note"),
};
static SCHEMA(indicator_schema, "indicator", struct cw_indicator, indicator_fields);

static const struct cw_field sentence_part_fields[] = {
	ENUM(struct cw_sentence_part, part, 16, CW_FF_REQUIRED, cw_words_sentence_part,
	     "prison, suspended, fine, compensation, ban or other"),
	STR(struct cw_sentence_part, amount, 17, 0, NAME_MAX_BYTES,
	    "how long or how much, as given (\"3 years\", \"2 million riels\")"),
	STR(struct cw_sentence_part, detail, 18, 0, LINE_MAX_BYTES,
	    "what a ban covers, whom compensation goes to"),
	ID(struct cw_sentence_part, person, "person", 19, 0, CW_KIND_PERSON,
	   "the person sentenced, when the record names several"),
	STR(struct cw_sentence_part, group, 20, 0, NAME_MAX_BYTES,
	    "the unnamed defendants sentenced, by their label"),
};
static SCHEMA(sentence_part_schema, "sentence part", struct cw_sentence_part, sentence_part_fields);

static const struct cw_field verdict_fields[] = {
	ID(struct cw_verdict, person, "person", 16, 0, CW_KIND_PERSON, "defendant"),
	ART(struct cw_verdict, article, 17, "article ruled on"),
	STR(struct cw_verdict, offence, 18, 0, LINE_MAX_BYTES, "offence as worded"),
	ENUM(struct cw_verdict, result, 19, 0, cw_words_verdict, "result"),
	STR(struct cw_verdict, group, 20, 0, NAME_MAX_BYTES,
	    "instead of a person: the case's unnamed defendants, by their label"),
};
static SCHEMA(verdict_schema, "verdict", struct cw_verdict, verdict_fields);

static const struct cw_field hearing_fields[] = {
	ID(struct cw_hearing, case_id, "case", 16, 0, CW_KIND_CASE,
	   "the case heard (required, unless the record counts several hearings)"),
	DATE(struct cw_hearing, date, 17, 0, "date"),
	STR(struct cw_hearing, time, 18, CW_FF_HHMM, 5, "time, HH:MM"),
	STR(struct cw_hearing, court, 19, 0, NAME_MAX_BYTES, "court"),
	ENUM(struct cw_hearing, stage, 20, 0, cw_words_stage, "stage"),
	STR(struct cw_hearing, judge, 21, 0, NAME_MAX_BYTES, "presiding judge"),
	STR(struct cw_hearing, prosecutor, 22, 0, NAME_MAX_BYTES, "prosecutor"),
	LIST(struct cw_hearing, attendance, 23, 0, 500, attendance_schema,
	     "defendants present or absent"),
	STR(struct cw_hearing, lawyers, 24, 0, LINE_MAX_BYTES, "lawyers present"),
	ENUM(struct cw_hearing, public_admitted, 25, 0, cw_words_answer, "public admitted"),
	ENUM(struct cw_hearing, press_admitted, 26, 0, cw_words_answer, "press admitted"),
	ENUM(struct cw_hearing, monitors_admitted, 27, 0, cw_words_answer, "monitors admitted"),
	LIST(struct cw_hearing, indicators, 28, 0, 32, indicator_schema, "fair-trial indicators"),
	ENUM(struct cw_hearing, outcome, 29, 0, cw_words_outcome, "outcome"),
	STR(struct cw_hearing, adjourn_reason, 30, 0, LINE_MAX_BYTES, "reason for adjournment"),
	DATE(struct cw_hearing, next_date, 31, 0, "next hearing date"),
	ENUM(struct cw_hearing, bail, 32, 0, cw_words_bail, "bail decision"),
	LIST(struct cw_hearing, verdicts, 33, 0, 500, verdict_schema, "verdict per charge"),
	STR(struct cw_hearing, sentence, 34, 0, LINE_MAX_BYTES, "sentence as pronounced"),
	STR(struct cw_hearing, fine, 35, 0, NAME_MAX_BYTES, "fine or compensation"),
	STR(struct cw_hearing, notes, 36, CW_FF_MULTILINE, NOTES_MAX_BYTES, "notes"),
	LIST(struct cw_hearing, sentence_parts, 37, 0, 64, sentence_part_schema,
	     "the parts of the sentence: prison term, suspended part, fine, compensation, bans"),
	/* Last on the form, so the fields before keep their places; tag 42 (38-41 are the
	 * tally's), which an older casewatch skips (models/codec.h). */
	STR(struct cw_hearing, monitors, 42, 0, LINE_MAX_BYTES,
	    "the team's monitors in court (names)"),
	TALLY(struct cw_hearing, tally, 38),
};
static SCHEMA(hearing_schema, "hearing", struct cw_hearing, hearing_fields);

static const struct cw_field person_ref_fields[] = {
	ID(struct cw_person_ref, person, "person", 16, CW_FF_REQUIRED, CW_KIND_PERSON, "person"),
};
static SCHEMA(person_ref_schema, "person", struct cw_person_ref, person_ref_fields);

static const struct cw_field visit_fields[] = {
	STR(struct cw_visit, facility, 16, CW_FF_REQUIRED, NAME_MAX_BYTES, "prison or facility"),
	STR(struct cw_visit, facility_province, 17, 0, NAME_MAX_BYTES, "province of the facility"),
	DATE(struct cw_visit, date, 18, 0, "date"),
	LIST(struct cw_visit, detainees, 19, CW_FF_FLAT, 500, person_ref_schema, "detainees met"),
	ENUM(struct cw_visit, access, 20, 0, cw_words_access, "access"),
	ENUM(struct cw_visit, private_interview, 21, 0, cw_words_answer,
	     "private interview possible"),
	SET(struct cw_visit, concerns, 22, cw_words_concerns, "concerns"),
	STR(struct cw_visit, follow_up, 23, CW_FF_MULTILINE, NOTES_MAX_BYTES, "follow-up"),
	DATE(struct cw_visit, follow_up_on, 30, 0, "the day the follow-up visit is due"),
	STR(struct cw_visit, notes, 24, CW_FF_MULTILINE, NOTES_MAX_BYTES, "notes"),
	TALLY(struct cw_visit, tally, 25),
	INT(struct cw_visit, facilities, 29, 1, 100000, "how many prisons the visits went to"),
};
static SCHEMA(visit_schema, "visit", struct cw_visit, visit_fields);

static const struct cw_field demo_fields[] = {
	DATE(struct cw_demo, date, 16, 0, "date"),
	STR(struct cw_demo, place, 17, 0, NAME_MAX_BYTES, "place"),
	STR(struct cw_demo, province, 18, 0, NAME_MAX_BYTES, "province"),
	STR(struct cw_demo, organiser, 19, 0, NAME_MAX_BYTES, "organiser"),
	STR(struct cw_demo, cause, 20, 0, LINE_MAX_BYTES, "cause"),
	INT(struct cw_demo, participants, 21, 0, 10000000, "estimated participants"),
	SET(struct cw_demo, response, 22, cw_words_response, "authorities' response"),
	LIST(struct cw_demo, arrested, 23, CW_FF_FLAT, 500, person_ref_schema, "people arrested"),
	INT(struct cw_demo, arrests_count, 24, 0, 1000000, "number of arrests"),
	STR(struct cw_demo, notes, 25, CW_FF_MULTILINE, NOTES_MAX_BYTES, "notes"),
	TALLY(struct cw_demo, tally, 26),
};
static SCHEMA(demo_schema, "demo", struct cw_demo, demo_fields);

static const struct cw_field incident_fields[] = {
	DATE(struct cw_incident, date, 16, 0, "date"),
	ENUM(struct cw_incident, type, 17, CW_FF_REQUIRED, cw_words_incident, "what happened"),
	ID(struct cw_incident, case_id, "case", 18, 0, CW_KIND_CASE, "the case it belongs to"),
	LIST(struct cw_incident, persons, 19, CW_FF_FLAT, 500, person_ref_schema,
	     "people it concerns"),
	STR(struct cw_incident, actor, 20, 0, NAME_MAX_BYTES, "who did it"),
	STR(struct cw_incident, target, 21, 0, LINE_MAX_BYTES, "what or whom it touched"),
	STR(struct cw_incident, province, 22, 0, NAME_MAX_BYTES, "province"),
	STR(struct cw_incident, unit, 23, 0, NAME_MAX_BYTES,
	    "what the count counts (\"social media accounts\")"),
	TALLY(struct cw_incident, tally, 24),
	STR(struct cw_incident, detail, 28, 0, LINE_MAX_BYTES, "what the source says, briefly"),
	STR(struct cw_incident, notes, 29, CW_FF_MULTILINE, NOTES_MAX_BYTES, "notes"),
};
static SCHEMA(incident_schema, "incident", struct cw_incident, incident_fields);

static const struct cw_field milestone_fields[] = {
	ID(struct cw_milestone, person, "person", 16, 0, CW_KIND_PERSON,
	   "person (or --group, for a case's unnamed defendants)"),
	ID(struct cw_milestone, case_id, "case", 17, 0, CW_KIND_CASE, "case"),
	DATE(struct cw_milestone, date, 18, 0, "date"),
	ENUM(struct cw_milestone, type, 19, CW_FF_REQUIRED, cw_words_milestone, "what happened"),
	STR(struct cw_milestone, detail, 20, 0, LINE_MAX_BYTES, "detail, e.g. the sentence"),
	STR(struct cw_milestone, court, 21, 0, NAME_MAX_BYTES, "court"),
	STR(struct cw_milestone, notes, 22, CW_FF_MULTILINE, NOTES_MAX_BYTES, "notes"),
	ENUM(struct cw_milestone, outcome, 23, 0, cw_words_decision,
	     "granted or refused (bail, release)"),
	ENUM(struct cw_milestone, result, 24, 0, cw_words_verdict,
	     "a verdict's result: moves the person's charges in the case"),
	ART(struct cw_milestone, article, 25, "the charge a verdict rules on (none: all of them)"),
	LIST(struct cw_milestone, sentence_parts, 26, 0, 64, sentence_part_schema,
	     "the parts of the sentence: prison term, suspended part, fine, compensation, bans"),
	STR(struct cw_milestone, group, 27, 0, NAME_MAX_BYTES,
	    "instead of a person: the case's unnamed defendants it concerns, by their label"),
	INT(struct cw_milestone, count, 28, 1, 100000, "how many of that group it concerns"),
};
static SCHEMA(milestone_schema, "milestone", struct cw_milestone, milestone_fields);

const struct cw_schema *cw_schema_for_kind(enum cw_kind kind)
{
	switch (kind) {
	case CW_KIND_PERSON:
		return &person_schema;
	case CW_KIND_CASE:
		return &case_schema;
	case CW_KIND_HEARING:
		return &hearing_schema;
	case CW_KIND_VISIT:
		return &visit_schema;
	case CW_KIND_DEMO:
		return &demo_schema;
	case CW_KIND_MILESTONE:
		return &milestone_schema;
	case CW_KIND_INCIDENT:
		return &incident_schema;
	default:
		return NULL;
	}
}

const struct cw_field *cw_schema_field(const struct cw_schema *s, const char *name)
{
	for (size_t i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].name, name) == 0)
			return &s->fields[i];
	return NULL;
}

const char *cw_kind_name(enum cw_kind kind)
{
	return (unsigned)kind < CW_KIND_COUNT && kind ? cw_words_kind.words[kind] : "unknown";
}

const char *cw_kind_label(enum cw_kind kind)
{
	return (unsigned)kind < CW_KIND_COUNT && kind ? cw_words_kind.labels[kind] : "record";
}

enum cw_kind cw_kind_parse(const char *word)
{
	static const struct {
		const char *word;
		enum cw_kind kind;
	} forms[] = {
		{"person", CW_KIND_PERSON},
		{"persons", CW_KIND_PERSON},
		{"people", CW_KIND_PERSON},
		{"p", CW_KIND_PERSON},
		{"case", CW_KIND_CASE},
		{"cases", CW_KIND_CASE},
		{"c", CW_KIND_CASE},
		{"hearing", CW_KIND_HEARING},
		{"hearings", CW_KIND_HEARING},
		{"h", CW_KIND_HEARING},
		{"visit", CW_KIND_VISIT},
		{"visits", CW_KIND_VISIT},
		{"prison-visit", CW_KIND_VISIT},
		{"v", CW_KIND_VISIT},
		{"demo", CW_KIND_DEMO},
		{"demos", CW_KIND_DEMO},
		{"demonstration", CW_KIND_DEMO},
		{"demonstrations", CW_KIND_DEMO},
		{"d", CW_KIND_DEMO},
		{"milestone", CW_KIND_MILESTONE},
		{"milestones", CW_KIND_MILESTONE},
		{"ms", CW_KIND_MILESTONE},
		{"m", CW_KIND_MILESTONE},
		{"incident", CW_KIND_INCIDENT},
		{"incidents", CW_KIND_INCIDENT},
		{"inc", CW_KIND_INCIDENT},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strcasecmp(word, forms[i].word) == 0)
			return forms[i].kind;
	return CW_KIND_NONE;
}

/* Compares a user's word with an enum word: case-insensitive, ' ' and '-' match '_'. */
static int word_matches(const char *typed, const char *word)
{
	for (; *typed && *word; typed++, word++) {
		char a = (char)tolower((unsigned char)*typed);

		if (a == ' ' || a == '-')
			a = '_';
		if (a != *word)
			return 0;
	}
	return *typed == '\0' && *word == '\0';
}

int cw_enum_parse(const struct cw_enum *e, const char *word)
{
	for (size_t i = 0; i < e->n; i++)
		if (e->words[i][0] && word_matches(word, e->words[i]))
			return (int)i;
	return -1;
}

const char *cw_enum_word(const struct cw_enum *e, unsigned value)
{
	return value < e->n ? e->words[value] : "?";
}

const char *cw_enum_label(const struct cw_enum *e, unsigned value)
{
	return value < e->n ? e->labels[value] : "?";
}

const char *cw_view_short(unsigned view)
{
	return view < sizeof view_short / sizeof view_short[0] ? view_short[view] : "?";
}
