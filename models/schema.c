/* schema.c - the field tables of every record kind, their words and kind names; see record.h. */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "models/record.h"

#define WORDS(name, ...)                                                                           \
	static const char *const name##_list[] = {__VA_ARGS__};                                    \
	const struct cw_enum name = {name##_list, sizeof name##_list / sizeof name##_list[0]}

WORDS(cw_words_kind, "", "person", "case", "hearing", "visit", "demo", "milestone");
WORDS(cw_words_sex, "unknown", "female", "male", "other");
WORDS(cw_words_view, "unknown", "un", "government", "media", "ngo", "own", "other");
WORDS(cw_words_roles, "hrd", "journalist", "commentator", "union_leader", "union_member",
      "land_activist", "environmental_activist", "opposition", "monk", "student", "lawyer",
      "youth_activist", "other");
WORDS(cw_words_custody, "unknown", "detained", "bail", "judicial_supervision", "house_arrest",
      "released", "at_large", "in_absentia");
WORDS(cw_words_charge_state, "charged", "requalified", "convicted", "acquitted", "dropped");
WORDS(cw_words_court_level, "unknown", "first_instance", "appeal", "supreme", "eccc");
WORDS(cw_words_stage, "unknown", "investigation", "pretrial", "trial", "verdict", "appeal",
      "supreme", "closed");
WORDS(cw_words_answer, "unknown", "yes", "no", "na");
WORDS(cw_words_indicator, "unknown", "public_hearing", "informed_of_charge", "time_to_prepare",
      "counsel_of_choice", "presumption_of_innocence", "independent_tribunal", "equality_of_arms",
      "no_coerced_confession", "reasoned_judgment", "interpreter", "undue_delay");
WORDS(cw_words_outcome, "unknown", "adjourned", "bail_decision", "verdict", "continued", "other");
WORDS(cw_words_bail, "unknown", "not_requested", "granted", "refused");
WORDS(cw_words_verdict, "unknown", "convicted", "acquitted", "dropped", "requalified", "upheld",
      "overturned");
WORDS(cw_words_access, "unknown", "granted", "restricted", "denied");
WORDS(cw_words_concerns, "health", "water", "food", "overcrowding", "sanitation", "ill_treatment",
      "bribery", "lawyer_access", "family_contact", "womens_needs");
WORDS(cw_words_response, "none", "monitored", "obstructed", "dispersed", "arrests", "force",
      "monitors_blocked");
WORDS(cw_words_milestone, "unknown", "arrest", "charge", "pretrial_detention", "bail", "release",
      "house_arrest", "judicial_supervision", "verdict", "sentence", "appeal_lodged",
      "appeal_decided", "supreme_decision", "pardon", "in_absentia_verdict", "other");

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

static const struct cw_field charge_fields[] = {
	ART(struct cw_charge, article, 16, "law and article, e.g. 494 or \"437 bis\""),
	STR(struct cw_charge, offence, 17, 0, LINE_MAX_BYTES, "offence as worded"),
	ENUM(struct cw_charge, state, 18, 0, cw_words_charge_state, "state of the charge"),
};
static SCHEMA(charge_schema, "charge", struct cw_charge, charge_fields);

static const struct cw_field defendant_fields[] = {
	ID(struct cw_defendant, person, "person", 16, 0, CW_KIND_PERSON, "the defendant"),
	INT(struct cw_defendant, unnamed_count, 17, 1, 100000, "number of unnamed defendants"),
	STR(struct cw_defendant, label, 18, 0, NAME_MAX_BYTES, "who the unnamed defendants are"),
	ENUM(struct cw_defendant, custody, 19, 0, cw_words_custody, "custody status"),
	LIST(struct cw_defendant, charges, 20, 0, 32, charge_schema, "charges"),
	ENUM(struct cw_defendant, stage, 21, 0, cw_words_stage, "stage for this defendant"),
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

static const struct cw_field verdict_fields[] = {
	ID(struct cw_verdict, person, "person", 16, 0, CW_KIND_PERSON, "defendant"),
	ART(struct cw_verdict, article, 17, "article ruled on"),
	STR(struct cw_verdict, offence, 18, 0, LINE_MAX_BYTES, "offence as worded"),
	ENUM(struct cw_verdict, result, 19, 0, cw_words_verdict, "result"),
};
static SCHEMA(verdict_schema, "verdict", struct cw_verdict, verdict_fields);

static const struct cw_field hearing_fields[] = {
	ID(struct cw_hearing, case_id, "case", 16, CW_FF_REQUIRED, CW_KIND_CASE, "the case heard"),
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
	STR(struct cw_visit, notes, 24, CW_FF_MULTILINE, NOTES_MAX_BYTES, "notes"),
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
};
static SCHEMA(demo_schema, "demo", struct cw_demo, demo_fields);

static const struct cw_field milestone_fields[] = {
	ID(struct cw_milestone, person, "person", 16, CW_FF_REQUIRED, CW_KIND_PERSON, "person"),
	ID(struct cw_milestone, case_id, "case", 17, 0, CW_KIND_CASE, "case"),
	DATE(struct cw_milestone, date, 18, 0, "date"),
	ENUM(struct cw_milestone, type, 19, CW_FF_REQUIRED, cw_words_milestone, "what happened"),
	STR(struct cw_milestone, detail, 20, 0, LINE_MAX_BYTES, "detail, e.g. the sentence"),
	STR(struct cw_milestone, court, 21, 0, NAME_MAX_BYTES, "court"),
	STR(struct cw_milestone, notes, 22, CW_FF_MULTILINE, NOTES_MAX_BYTES, "notes"),
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
