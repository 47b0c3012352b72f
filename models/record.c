/* record.c - field tables, record lifecycle and validation; see record.h. */
#include "config.h"

#include <ctype.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "models/record.h"
#include "models/text.h"

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

void *cw_record_body(struct cw_record *rec)
{
	return &rec->u;
}

const void *cw_record_body_const(const struct cw_record *rec)
{
	return &rec->u;
}

void cw_struct_init(void *base, const struct cw_schema *s)
{
	memset(base, 0, s->size);
	for (size_t i = 0; i < s->nfields; i++)
		if (s->fields[i].type == CW_F_INT && !(s->fields[i].flags & CW_FF_HEADER))
			*(int64_t *)((char *)base + s->fields[i].offset) = -1;
}

void cw_field_free(void *base, const struct cw_field *f)
{
	char *p = (char *)base + f->offset;

	if (f->type == CW_F_STR) {
		free(*(char **)p);
		*(char **)p = NULL;
	} else if (f->type == CW_F_LIST) {
		struct cw_list *l = (struct cw_list *)p;

		for (size_t i = 0; i < l->n; i++)
			cw_struct_free((char *)l->items + i * f->sub->size, f->sub);
		free(l->items);
		l->items = NULL;
		l->n = 0;
	}
}

void cw_struct_free(void *base, const struct cw_schema *s)
{
	for (size_t i = 0; i < s->nfields; i++)
		cw_field_free(base, &s->fields[i]);
}

void *cw_list_append(struct cw_list *list, const struct cw_schema *sub)
{
	void *item;

	/* The capacity is the next power of two at or above n, so a list of n items is grown
	 * log n times, not n times (decoding a record appends one item at a time). */
	if (list->n == 0 || (list->n & (list->n - 1)) == 0) {
		size_t cap = list->n ? list->n * 2 : 1;
		void *items = realloc(list->items, cap * sub->size);

		if (!items)
			return NULL;
		list->items = items;
	}
	item = (char *)list->items + list->n * sub->size;
	cw_struct_init(item, sub);
	list->n++;
	return item;
}

int cw_hearing_add_verdicts(struct cw_hearing *h, const char *spec, cw_name_resolver resolve,
			    void *ctx, const char *field, struct cw_error *err)
{
	const struct cw_field *vf = cw_schema_field(&hearing_schema, "verdicts");
	struct cw_article arts[CW_ARTICLE_LIST_MAX];
	struct cw_id person = {{0}};
	char buf[600], *result, *name;
	size_t n;
	int res, rc;

	if (strlen(spec) >= sizeof buf)
		return cw_error_set(err, CW_EINVAL, field, "too long");
	strcpy(buf, spec);
	if ((name = strrchr(buf, '@')))
		*name++ = '\0';
	if (!(result = strchr(buf, '=')))
		return cw_error_set(err, CW_EINVAL, field,
				    "write ARTICLES=RESULT[@PERSON], e.g. "
				    "494/495=convicted@\"Chhim Sithar\"");
	*result++ = '\0';
	while (*result == ' ')
		result++;
	for (char *end = result + strlen(result); end > result && end[-1] == ' ';)
		*--end = '\0';
	if ((res = cw_enum_parse(&cw_words_verdict, result)) <= 0)
		return cw_error_set(err, CW_EINVAL, field,
				    "'%.30s' is not a result: convicted, acquitted, dropped, "
				    "requalified, upheld, overturned",
				    result);
	if ((rc = cw_article_parse_list(buf, arts, CW_ARTICLE_LIST_MAX, &n, field, err)) != 0)
		return rc;
	if (name) {
		while (*name == ' ')
			name++;
		if ((rc = resolve(ctx, name, &person, err)) != 0)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		struct cw_verdict *v = cw_list_append(&h->verdicts, vf->sub);

		if (!v)
			return cw_error_set(err, CW_ENOMEM, "", "out of memory");
		v->person = person;
		v->article = arts[i];
		v->result = (uint8_t)res;
	}
	return 0;
}

struct cw_charge *cw_defendant_charge(struct cw_defendant *d, const struct cw_article *a)
{
	const struct cw_field *cf = cw_schema_field(&defendant_schema, "charges");
	struct cw_charge *c;

	for (size_t j = 0; j < d->charges.n; j++)
		if (cw_article_same(&((struct cw_charge *)d->charges.items)[j].article, a))
			return (struct cw_charge *)d->charges.items + j;
	if ((c = cw_list_append(&d->charges, cf->sub)))
		c->article = *a;
	return c;
}

void cw_record_init(struct cw_record *rec, enum cw_kind kind)
{
	const struct cw_schema *s = cw_schema_for_kind(kind);

	memset(rec, 0, sizeof *rec);
	rec->kind = (uint8_t)kind;
	if (s)
		cw_struct_init(&rec->u, s);
}

void cw_record_free(struct cw_record *rec)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);

	cw_struct_free(rec, &cw_schema_header);
	if (s)
		cw_struct_free(&rec->u, s);
	memset(rec, 0, sizeof *rec);
}

static int copy_struct(void *dst, const void *src, const struct cw_schema *s)
{
	memcpy(dst, src, s->size);
	/* Detach the owned pointers first so a failure leaves dst freeable. */
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		char *p = (char *)dst + f->offset;

		if (f->type == CW_F_STR)
			*(char **)p = NULL;
		else if (f->type == CW_F_LIST)
			memset(p, 0, sizeof(struct cw_list));
	}
	for (size_t i = 0; i < s->nfields; i++) {
		const struct cw_field *f = &s->fields[i];
		const char *sp = (const char *)src + f->offset;
		char *dp = (char *)dst + f->offset;

		if (f->type == CW_F_STR && *(char *const *)sp) {
			if (!(*(char **)dp = strdup(*(char *const *)sp)))
				return CW_ENOMEM;
		} else if (f->type == CW_F_LIST) {
			const struct cw_list *sl = (const struct cw_list *)sp;
			struct cw_list *dl = (struct cw_list *)dp;

			for (size_t j = 0; j < sl->n; j++) {
				void *item = cw_list_append(dl, f->sub);

				if (!item)
					return CW_ENOMEM;
				if (copy_struct(item, (const char *)sl->items + j * f->sub->size,
						f->sub) != 0)
					return CW_ENOMEM;
			}
		}
	}
	return 0;
}

int cw_record_copy(struct cw_record *dst, const struct cw_record *src)
{
	const struct cw_schema *s = cw_schema_for_kind(src->kind);
	int rc;

	cw_record_init(dst, src->kind);
	rc = copy_struct(dst, src, &cw_schema_header);
	dst->kind = src->kind;
	if (rc == 0 && s)
		rc = copy_struct(&dst->u, &src->u, s);
	if (rc != 0)
		cw_record_free(dst);
	return rc;
}

static int is_hhmm(const char *s)
{
	return strlen(s) == 5 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       s[2] == ':' && isdigit((unsigned char)s[3]) && isdigit((unsigned char)s[4]) &&
	       (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6';
}

static int field_is_given(const void *base, const struct cw_field *f)
{
	const char *p = (const char *)base + f->offset;

	switch (f->type) {
	case CW_F_STR:
		return *(char *const *)p != NULL && **(char *const *)p != '\0';
	case CW_F_DATE:
		return cw_date_is_known(*(const struct cw_date *)p);
	case CW_F_INT:
		return *(const int64_t *)p >= 0;
	case CW_F_ENUM:
	case CW_F_BOOL:
		return *(const uint8_t *)p != 0;
	case CW_F_SET:
		return *(const uint32_t *)p != 0;
	case CW_F_ID:
		return !cw_id_is_zero((const struct cw_id *)p);
	case CW_F_ARTICLE:
		return ((const struct cw_article *)p)->law != CW_LAW_NONE;
	case CW_F_LIST:
		return ((const struct cw_list *)p)->n > 0;
	}
	return 0;
}

static int validate_struct(const void *base, const struct cw_schema *s, const char *prefix,
			   struct cw_error *err);

static int validate_field(const void *base, const struct cw_field *f, const char *path,
			  struct cw_error *err)
{
	const char *p = (const char *)base + f->offset;

	if (!field_is_given(base, f)) {
		if (f->flags & CW_FF_REQUIRED)
			return cw_error_set(err, CW_EINVAL, path, "is required");
		return 0;
	}
	switch (f->type) {
	case CW_F_STR: {
		const char *text = *(char *const *)p;
		int rc = cw_text_validate(text, (size_t)f->max,
					  f->flags & CW_FF_MULTILINE ? CW_TEXT_MULTILINE : 0, path,
					  err);
		if (rc != 0)
			return rc;
		if ((f->flags & CW_FF_HHMM) && !is_hhmm(text))
			return cw_error_set(err, CW_EINVAL, path,
					    "'%.20s' is not a time; write HH:MM (24-hour)", text);
		return 0;
	}
	case CW_F_INT: {
		int64_t v = *(const int64_t *)p;

		if (v < f->min || v > f->max)
			return cw_error_set(err, CW_EINVAL, path,
					    "%lld is out of range (%lld-%lld)", (long long)v,
					    (long long)f->min, (long long)f->max);
		return 0;
	}
	case CW_F_ENUM:
		if (*(const uint8_t *)p >= f->words->n)
			return cw_error_set(err, CW_EINVAL, path, "value %u is not known",
					    (unsigned)*(const uint8_t *)p);
		return 0;
	case CW_F_SET:
		if (f->words->n < 32 && (*(const uint32_t *)p >> f->words->n) != 0)
			return cw_error_set(err, CW_EINVAL, path, "unknown value in set");
		return 0;
	case CW_F_DATE: {
		struct cw_date d = *(const struct cw_date *)p;
		char text[CW_DATE_TEXT_MAX];
		struct cw_date check;

		cw_date_format(d, text);
		if ((d.month == 0 && d.day != 0) || cw_date_parse(text, &check, path, err) != 0)
			return cw_error_set(err, CW_EINVAL, path, "is not a valid date");
		return 0;
	}
	case CW_F_LIST: {
		const struct cw_list *l = (const struct cw_list *)p;

		if ((int64_t)l->n > f->max)
			return cw_error_set(err, CW_EINVAL, path,
					    "too many items: %zu, at most %lld", l->n,
					    (long long)f->max);
		for (size_t i = 0; i < l->n; i++) {
			char sub[80];
			int rc;

			snprintf(sub, sizeof sub, "%.50s[%zu]", path, (size_t)(i + 1) % 100000);
			rc = validate_struct((const char *)l->items + i * f->sub->size, f->sub, sub,
					     err);
			if (rc != 0)
				return rc;
		}
		return 0;
	}
	default:
		return 0;
	}
}

static int validate_struct(const void *base, const struct cw_schema *s, const char *prefix,
			   struct cw_error *err)
{
	for (size_t i = 0; i < s->nfields; i++) {
		char path[80];
		int rc;

		/* Top-level fields are named as they are; a nested one's path is built only for
		 * it (saving is often bulk: no formatting for the fields that are fine). */
		if (!prefix[0]) {
			rc = validate_field(base, &s->fields[i], s->fields[i].name, err);
		} else {
			snprintf(path, sizeof path, "%.50s.%.20s", prefix, s->fields[i].name);
			rc = validate_field(base, &s->fields[i], path, err);
		}
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Rules that span fields. */
static int validate_kind_rules(const struct cw_record *rec, struct cw_error *err)
{
	if (rec->kind == CW_KIND_CASE) {
		const struct cw_list *ds = &rec->u.kase.defendants;

		for (size_t i = 0; i < ds->n; i++) {
			const struct cw_defendant *d = (const struct cw_defendant *)ds->items + i;
			char path[80];

			snprintf(path, sizeof path, "defendants[%zu]", i + 1);
			/* A group the sources describe without names has a count, a label or
			 * both ("a handful of reporters"); names are never invented. */
			if (cw_id_is_zero(&d->person) && d->unnamed_count < 1 &&
			    !(d->label && *d->label))
				return cw_error_set(err, CW_EINVAL, path,
						    "give a person, or a count or label of unnamed "
						    "defendants");
			if (!cw_id_is_zero(&d->person) &&
			    (d->unnamed_count >= 0 || (d->label && *d->label)))
				return cw_error_set(
					err, CW_EINVAL, path,
					"a named defendant has no unnamed count or label");
			for (size_t j = 0; j < d->charges.n; j++) {
				const struct cw_charge *c =
					(const struct cw_charge *)d->charges.items + j;

				if (c->article.law == CW_LAW_NONE && !(c->offence && *c->offence)) {
					snprintf(path, sizeof path, "defendants[%zu].charges[%zu]",
						 i + 1, j + 1);
					return cw_error_set(err, CW_EINVAL, path,
							    "give an article or an offence");
				}
			}
		}
	} else if (rec->kind == CW_KIND_HEARING) {
		const struct cw_hearing *h = &rec->u.hearing;

		if (h->time && *h->time && cw_date_precision(h->date) != CW_DATE_DAY)
			return cw_error_set(err, CW_EINVAL, "date",
					    "a hearing with a time needs a full date (YYYY-MM-DD)");
		if (cw_date_is_known(h->next_date) && cw_date_compare(h->next_date, h->date) < 0)
			return cw_error_set(err, CW_EINVAL, "next_date",
					    "is before the hearing's own date");
	}
	return 0;
}

int cw_record_validate(const struct cw_record *rec, struct cw_error *err)
{
	const struct cw_schema *s = cw_schema_for_kind(rec->kind);
	int rc;

	if (!s)
		return cw_error_set(err, CW_EINVAL, "kind", "unknown record kind %u",
				    (unsigned)rec->kind);
	if ((rc = validate_struct(rec, &cw_schema_header, "", err)) != 0)
		return rc;
	if ((rc = validate_struct(&rec->u, s, "", err)) != 0)
		return rc;
	return validate_kind_rules(rec, err);
}

struct cw_date cw_record_date(const struct cw_record *rec)
{
	static const struct cw_date unknown = {0, 0, 0};

	switch (rec->kind) {
	case CW_KIND_CASE:
		return rec->u.kase.opened;
	case CW_KIND_HEARING:
		return rec->u.hearing.date;
	case CW_KIND_VISIT:
		return rec->u.visit.date;
	case CW_KIND_DEMO:
		return rec->u.demo.date;
	case CW_KIND_MILESTONE:
		return rec->u.milestone.date;
	default:
		return unknown;
	}
}

const char *cw_record_label(const struct cw_record *rec)
{
	const char *s = NULL;

	switch (rec->kind) {
	case CW_KIND_PERSON:
		s = rec->u.person.name;
		break;
	case CW_KIND_CASE:
		s = rec->u.kase.title;
		break;
	case CW_KIND_HEARING:
		s = rec->u.hearing.court;
		break;
	case CW_KIND_VISIT:
		s = rec->u.visit.facility;
		break;
	case CW_KIND_DEMO:
		s = rec->u.demo.cause ? rec->u.demo.cause : rec->u.demo.place;
		break;
	case CW_KIND_MILESTONE:
		s = rec->u.milestone.detail;
		break;
	}
	return s ? s : "";
}

int cw_field_set_text(void *base, const struct cw_field *f, const char *text, struct cw_error *err)
{
	char *p = (char *)base + f->offset;

	switch (f->type) {
	case CW_F_STR: {
		char *copy = NULL;

		if (*text && !(copy = strdup(text)))
			return CW_ENOMEM;
		free(*(char **)p);
		*(char **)p = copy;
		return 0;
	}
	case CW_F_DATE:
		return cw_date_parse(text, (struct cw_date *)p, f->name, err);
	case CW_F_INT: {
		char *end;
		long long v;

		if (*text == '\0') {
			*(int64_t *)p = -1;
			return 0;
		}
		v = strtoll(text, &end, 10);
		if (*end || end == text || v < f->min || v > f->max)
			return cw_error_set(err, CW_EINVAL, f->name,
					    "'%.30s' is not a whole number from %lld to %lld", text,
					    (long long)f->min, (long long)f->max);
		*(int64_t *)p = v;
		return 0;
	}
	case CW_F_ENUM: {
		int v = *text ? cw_enum_parse(f->words, text) : 0;

		if (v < 0) {
			char list[256] = "";
			size_t n = 0;

			for (size_t i = 0; i < f->words->n && n < sizeof list; i++)
				if (f->words->words[i][0])
					n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
							      n ? ", " : "", f->words->words[i]);
			return cw_error_set(err, CW_EINVAL, f->name, "'%.30s' is not one of: %s",
					    text, list);
		}
		*(uint8_t *)p = (uint8_t)v;
		return 0;
	}
	case CW_F_SET: {
		/* Comma-separated words; each adds to the set. */
		char buf[512], *save = NULL, *tok;

		if (strlen(text) >= sizeof buf)
			return cw_error_set(err, CW_EINVAL, f->name, "too long");
		strcpy(buf, text);
		for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			int v;

			while (*tok == ' ')
				tok++;
			v = cw_enum_parse(f->words, tok);
			if (v < 0) {
				char list[256] = "";
				size_t n = 0;

				for (size_t i = 0; i < f->words->n && n < sizeof list; i++)
					n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
							      n ? ", " : "", f->words->words[i]);
				return cw_error_set(err, CW_EINVAL, f->name,
						    "'%.30s' is not one of: %s", tok, list);
			}
			*(uint32_t *)p |= UINT32_C(1) << v;
		}
		return 0;
	}
	case CW_F_BOOL:
		if (cw_enum_parse(&cw_words_answer, text) == CW_ANSWER_YES ||
		    !strcmp(text, "true") || !strcmp(text, "1"))
			*(uint8_t *)p = 1;
		else if (cw_enum_parse(&cw_words_answer, text) == CW_ANSWER_NO ||
			 !strcmp(text, "false") || !strcmp(text, "0") || !*text)
			*(uint8_t *)p = 0;
		else
			return cw_error_set(err, CW_EINVAL, f->name, "'%.30s' is not yes or no",
					    text);
		return 0;
	case CW_F_ARTICLE:
		if (*text == '\0') {
			memset(p, 0, sizeof(struct cw_article));
			return 0;
		}
		return cw_article_parse(text, (struct cw_article *)p, f->name, err);
	case CW_F_ID:
		if (cw_id_parse_hex(text, (struct cw_id *)p) != 0)
			return cw_error_set(err, CW_EINVAL, f->name, "'%.40s' is not a record id",
					    text);
		return 0;
	default:
		return cw_error_set(err, CW_EINVAL, f->name, "cannot be set from text");
	}
}

void cw_id_random(struct cw_id *id)
{
	randombytes_buf(id->b, sizeof id->b);
}

void cw_id_from_ref(const char *ref, struct cw_id *id)
{
	static const unsigned char context[] = "casewatch record reference v1";

	crypto_generichash(id->b, sizeof id->b, (const unsigned char *)ref, strlen(ref), context,
			   sizeof context - 1);
}

int cw_id_is_zero(const struct cw_id *id)
{
	for (size_t i = 0; i < sizeof id->b; i++)
		if (id->b[i])
			return 0;
	return 1;
}

int cw_id_equal(const struct cw_id *a, const struct cw_id *b)
{
	return memcmp(a->b, b->b, sizeof a->b) == 0;
}

void cw_id_hex(const struct cw_id *id, char buf[CW_ID_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < sizeof id->b; i++) {
		buf[2 * i] = digits[id->b[i] >> 4];
		buf[2 * i + 1] = digits[id->b[i] & 15];
	}
	buf[CW_ID_HEX_LEN] = '\0';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int cw_id_parse_hex(const char *hex, struct cw_id *id)
{
	if (strlen(hex) != CW_ID_HEX_LEN)
		return -1;
	for (size_t i = 0; i < sizeof id->b; i++) {
		int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		id->b[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

int64_t cw_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
