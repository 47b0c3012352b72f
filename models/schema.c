/* schema.c - the field tables of every record kind, their words and kind names; see record.h. */
#include "config.h"

#include <ctype.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "models/i18n.h"
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
	V("", N_("record"))                                                                        \
	V("person", N_("person"))                                                                  \
	V("case", N_("case"))                                                                      \
	V("hearing", N_("hearing"))                                                                \
	V("visit", N_("prison visit"))                                                             \
	V("demo", N_("demonstration"))                                                             \
	V("milestone", N_("milestone"))                                                            \
	V("incident", N_("incident"))
WORDS(cw_words_kind, KINDS);

#define SEXES(V)                                                                                   \
	V("unknown", N_("not recorded"))                                                           \
	V("female", N_("female"))                                                                  \
	V("male", N_("male"))                                                                      \
	V("other", N_("other"))
WORDS(cw_words_sex, SEXES);

/* Whose account a record gives (DOMAIN: "who says what"). cw_view_short has the list column's
 * short forms, in the same order. */
#define VIEWS(V)                                                                                   \
	V("unknown", N_("not recorded"))                                                           \
	V("un", N_("UN"))                                                                          \
	V("government", N_("government"))                                                          \
	V("media", N_("media"))                                                                    \
	V("ngo", N_("NGO"))                                                                        \
	V("own", N_("own observation"))                                                            \
	V("other", N_("other"))
WORDS(cw_words_view, VIEWS);

#define ROLES(V)                                                                                   \
	V("hrd", N_("human rights defender"))                                                      \
	V("journalist", N_("journalist"))                                                          \
	V("commentator", N_("social commentator"))                                                 \
	V("union_leader", N_("union leader"))                                                      \
	V("union_member", N_("union member"))                                                      \
	V("land_activist", N_("land activist"))                                                    \
	V("environmental_activist", N_("environmental activist"))                                  \
	V("opposition", N_("opposition politician"))                                               \
	V("monk", N_("Buddhist monk"))                                                             \
	V("student", N_("student"))                                                                \
	V("lawyer", N_("lawyer"))                                                                  \
	V("youth_activist", N_("youth activist"))                                                  \
	V("other", N_("other"))
WORDS(cw_words_roles, ROLES);

#define CUSTODIES(V)                                                                               \
	V("unknown", N_("unknown"))                                                                \
	V("detained", N_("detained"))                                                              \
	V("bail", N_("on bail"))                                                                   \
	V("judicial_supervision", N_("under judicial supervision"))                                \
	V("house_arrest", N_("under house arrest"))                                                \
	V("released", N_("released"))                                                              \
	V("at_large", N_("at large"))                                                              \
	V("in_absentia", N_("tried in absentia"))
WORDS(cw_words_custody, CUSTODIES);

/* Where a charge stands; verdicts move it (cw_case_follow_verdict). The documents need a
 * conviction whose counts they do not itemise (Kang Saran, Chao Veasna: 001 paras 35, 39) and
 * a conviction overturned on appeal (Chhorn Phalla: 001 para 38). */
#define CHARGE_STATES(V)                                                                           \
	V("charged", N_("charged"))                                                                \
	V("requalified", N_("requalified"))                                                        \
	V("convicted", N_("convicted"))                                                            \
	V("acquitted", N_("acquitted"))                                                            \
	V("dropped", N_("dropped"))                                                                \
	V("convicted_unstated", N_("convicted (counts not stated)"))                               \
	V("overturned", N_("conviction overturned on appeal"))                                     \
	V("acquitted_on_appeal", N_("acquitted on appeal"))
WORDS(cw_words_charge_state, CHARGE_STATES);

#define COURT_LEVELS(V)                                                                            \
	V("unknown", N_("unknown"))                                                                \
	V("first_instance", N_("court of first instance"))                                         \
	V("appeal", N_("appeal court"))                                                            \
	V("supreme", N_("Supreme Court"))                                                          \
	V("eccc", N_("Extraordinary Chambers (ECCC)"))
WORDS(cw_words_court_level, COURT_LEVELS);

#define STAGES(V)                                                                                  \
	V("unknown", N_("unknown"))                                                                \
	V("investigation", N_("investigation"))                                                    \
	V("pretrial", N_("awaiting trial"))                                                        \
	V("trial", N_("trial"))                                                                    \
	V("verdict", N_("verdict"))                                                                \
	V("appeal", N_("appeal"))                                                                  \
	V("supreme", N_("before the Supreme Court"))                                               \
	V("closed", N_("closed"))
WORDS(cw_words_stage, STAGES);

#define ANSWERS(V)                                                                                 \
	V("unknown", N_("unknown"))                                                                \
	V("yes", N_("yes"))                                                                        \
	V("no", N_("no"))                                                                          \
	V("na", N_("not applicable"))
WORDS(cw_words_answer, ANSWERS);

/* Fair-trial indicators, worded so that "no" is the concern (ICCPR art. 14). */
#define INDICATORS(V)                                                                              \
	V("unknown", N_("unknown"))                                                                \
	V("public_hearing", N_("public hearing"))                                                  \
	V("informed_of_charge", N_("informed of the charges"))                                     \
	V("time_to_prepare", N_("adequate time to prepare the defence"))                           \
	V("counsel_of_choice", N_("counsel of own choosing"))                                      \
	V("presumption_of_innocence", N_("presumption of innocence"))                              \
	V("independent_tribunal", N_("independent and impartial court"))                           \
	V("equality_of_arms", N_("equality of arms"))                                              \
	V("no_coerced_confession", N_("no coerced confession"))                                    \
	V("reasoned_judgment", N_("reasoned judgment"))                                            \
	V("interpreter", N_("interpreter provided"))                                               \
	V("undue_delay", N_("tried without undue delay"))
WORDS(cw_words_indicator, INDICATORS);

#define OUTCOMES(V)                                                                                \
	V("unknown", N_("unknown"))                                                                \
	V("adjourned", N_("adjourned"))                                                            \
	V("bail_decision", N_("bail decision"))                                                    \
	V("verdict", N_("verdict"))                                                                \
	V("continued", N_("continued"))                                                            \
	V("other", N_("other"))                                                                    \
	V("suspended", N_("trial suspended"))                                                      \
	V("postponed", N_("postponed"))
WORDS(cw_words_outcome, OUTCOMES);

#define BAILS(V)                                                                                   \
	V("unknown", N_("unknown"))                                                                \
	V("not_requested", N_("not requested"))                                                    \
	V("granted", N_("granted"))                                                                \
	V("refused", N_("refused"))
WORDS(cw_words_bail, BAILS);

#define VERDICTS(V)                                                                                \
	V("unknown", N_("unknown"))                                                                \
	V("convicted", N_("convicted"))                                                            \
	V("acquitted", N_("acquitted"))                                                            \
	V("dropped", N_("charge dropped"))                                                         \
	V("requalified", N_("charge requalified"))                                                 \
	V("upheld", N_("upheld on appeal"))                                                        \
	V("overturned", N_("overturned on appeal"))
WORDS(cw_words_verdict, VERDICTS);

#define ACCESSES(V)                                                                                \
	V("unknown", N_("unknown"))                                                                \
	V("granted", N_("granted"))                                                                \
	V("restricted", N_("restricted"))                                                          \
	V("denied", N_("denied"))
WORDS(cw_words_access, ACCESSES);

#define CONCERNS(V)                                                                                \
	V("health", N_("health"))                                                                  \
	V("water", N_("clean water"))                                                              \
	V("food", N_("food"))                                                                      \
	V("overcrowding", N_("overcrowding"))                                                      \
	V("sanitation", N_("toilets and washing"))                                                 \
	V("ill_treatment", N_("ill-treatment"))                                                    \
	V("bribery", N_("bribery"))                                                                \
	V("lawyer_access", N_("access to a lawyer"))                                               \
	V("family_contact", N_("family contact"))                                                  \
	V("womens_needs", N_("women's needs"))
WORDS(cw_words_concerns, CONCERNS);

#define RESPONSES(V)                                                                               \
	V("none", N_("none"))                                                                      \
	V("monitored", N_("monitored"))                                                            \
	V("obstructed", N_("obstructed"))                                                          \
	V("dispersed", N_("dispersed"))                                                            \
	V("arrests", N_("arrests"))                                                                \
	V("force", N_("force used"))                                                               \
	V("monitors_blocked", N_("monitors kept out"))
WORDS(cw_words_response, RESPONSES);

#define MILESTONES(V)                                                                              \
	V("unknown", N_("unknown"))                                                                \
	V("arrest", N_("arrest"))                                                                  \
	V("charge", N_("charge"))                                                                  \
	V("pretrial_detention", N_("pretrial detention"))                                          \
	V("bail", N_("bail"))                                                                      \
	V("release", N_("release"))                                                                \
	V("house_arrest", N_("house arrest"))                                                      \
	V("judicial_supervision", N_("judicial supervision"))                                      \
	V("verdict", N_("verdict"))                                                                \
	V("sentence", N_("sentence"))                                                              \
	V("appeal_lodged", N_("appeal lodged"))                                                    \
	V("appeal_decided", N_("appeal decided"))                                                  \
	V("supreme_decision", N_("Supreme Court decision"))                                        \
	V("pardon", N_("pardon"))                                                                  \
	V("in_absentia_verdict", N_("verdict in absentia"))                                        \
	V("other", N_("other"))                                                                    \
	V("pretrial_end", N_("end of pretrial detention"))                                         \
	V("trial_suspended", N_("trial suspended"))                                                \
	V("trial_resumed", N_("trial resumed"))                                                    \
	V("postponed", N_("hearing postponed"))                                                    \
	V("detention_extended", N_("pretrial detention extended"))                                 \
	V("transfer", N_("transfer to another prison"))
WORDS(cw_words_milestone, MILESTONES);

/* The parts of a sentence (001 para 35: three years' imprisonment, a five-year ban on voting
 * in and standing for elections, compensation to the National Election Committee). */
#define SENTENCE_PARTS(V)                                                                          \
	V("unknown", N_("unknown"))                                                                \
	V("prison", N_("prison term"))                                                             \
	V("suspended", N_("suspended part"))                                                       \
	V("fine", N_("fine"))                                                                      \
	V("compensation", N_("compensation"))                                                      \
	V("ban", N_("ban"))                                                                        \
	V("other", N_("other"))
WORDS(cw_words_sentence_part, SENTENCE_PARTS);

/* Incidents: what is not a hearing, a visit, a demonstration or a case's milestone (001 para
 * 43: an outlet closed, accounts and websites blocked; para 32: a party kept off the ballot;
 * 004 line 201: political rights restored; prison policy in 000 and 004). */
#define INCIDENTS(V)                                                                               \
	V("unknown", N_("unknown"))                                                                \
	V("media_closure", N_("media outlet closed"))                                              \
	V("blocking", N_("websites or accounts blocked"))                                          \
	V("candidate_removal", N_("candidates or party kept off an election"))                     \
	V("political_ban", N_("ban from political activity"))                                      \
	V("rights_restored", N_("political rights restored"))                                      \
	V("policy", N_("policy or law"))                                                           \
	V("statement", N_("public statement"))                                                     \
	V("other", N_("other"))
WORDS(cw_words_incident, INCIDENTS);

/* How a record bears on another account of an event (links in the header). */
#define LINKS(V)                                                                                   \
	V("unknown", N_("linked to"))                                                              \
	V("disputes", N_("disputes"))                                                              \
	V("same_event", N_("same event as"))
WORDS(cw_words_link, LINKS);

/* What came of a request a milestone records (bail, release): a refused bail keeps pretrial
 * detention running, a granted one ends it. */
#define DECISIONS(V)                                                                               \
	V("unknown", N_("unknown"))                                                                \
	V("granted", N_("granted"))                                                                \
	V("refused", N_("refused"))
WORDS(cw_words_decision, DECISIONS);

/* The fields of a record that can be marked confidential on their own (the header's
 * confidential_fields), chosen for what exposes people at risk (DOMAIN: reprisals against
 * defenders and their sources, confidential interviews with detainees): who a witness or source
 * is (a person's name, Latin and Khmer, and affiliation; a record's source), what they said or
 * what ails them (notes: statements, interview notes, medical details), and the follow-up of a
 * prison visit and a milestone's or incident's detail, which often name them; and a prison
 * visit's concerns and the detainees it met, since together they tell who complained of what
 * (a field trial's partner report read a named detainee beside "ill-treatment" while the
 * notes were withheld). New words go at the end: a bit's meaning never changes, and an older
 * casewatch refuses a record with a bit it does not know (models/confidential.c) rather than
 * writing the field. models/confidential.h says which kinds have which. */
#define CONFIDENTIAL_FIELDS(V)                                                                     \
	V("name", N_("name (Latin and Khmer script)"))                                             \
	V("affiliation", N_("affiliation"))                                                        \
	V("source", N_("source"))                                                                  \
	V("notes", N_("notes"))                                                                    \
	V("follow_up", N_("follow-up"))                                                            \
	V("detail", N_("detail"))                                                                  \
	V("concerns", N_("concerns"))                                                              \
	V("detainees", N_("detainees"))
WORDS(cw_words_confidential_field, CONFIDENTIAL_FIELDS);

/* The short forms of cw_words_view for a narrow list column, in the same order. */
/* TRANSLATORS: whose account, in a list column of 7: keep each as short. */
static const char *const view_short[] = {"?",       N_("UN"),  N_("gov"),  N_("media"),
					 N_("NGO"), N_("own"), N_("other")};
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
		    N_("how many events it stands for (an incident: how many of --unit)")),        \
		TALLY_FIELD(S, m.at_least, "at_least", tg + 1, CW_F_BOOL, 0, 0,                    \
			    N_("the count is a minimum (\"at least 95\")")),                       \
		TALLY_FIELD(S, m.from, "period_from", tg + 2, CW_F_DATE, 0, 0,                     \
			    N_("first day of the period counted")),                                \
		TALLY_FIELD(S, m.to, "period_to", tg + 3, CW_F_DATE, 0, 0,                         \
			    N_("last day of the period counted"))
/* A schema and the storage of its tag index (cw_schema_tag_index). */
#define SCHEMA_OF(linkage, var, nm, S, tbl)                                                        \
	static uint8_t var##_tag_index[CW_SCHEMA_TAGS];                                            \
	linkage const struct cw_schema var = {nm, sizeof(S), tbl, sizeof tbl / sizeof tbl[0],      \
					      var##_tag_index}
#define SCHEMA(var, nm, S, tbl)       SCHEMA_OF(, var, nm, S, tbl)
#define LOCAL_SCHEMA(var, nm, S, tbl) SCHEMA_OF(static, var, nm, S, tbl)

#define NAME_MAX_BYTES  200
#define LINE_MAX_BYTES  500
#define NOTES_MAX_BYTES 8000

static const struct cw_field version_fields[] = {
	ID(struct cw_version, database, "database", 1, CW_FF_REQUIRED, 0, N_("database id")),
	{.name = "time",
	 .tag = 2,
	 .type = CW_F_INT,
	 .flags = CW_FF_REQUIRED,
	 .offset = offsetof(struct cw_version, time),
	 .max = INT64_MAX,
	 .min = 0,
	 .help = N_("latest change made there, microseconds since the epoch")},
};
LOCAL_SCHEMA(version_schema, "version", struct cw_version, version_fields);

static const struct cw_field link_fields[] = {
	ENUM(struct cw_link, relation, 1, CW_FF_REQUIRED, cw_words_link,
	     N_("disputes or same_event")),
	ID(struct cw_link, record, "record", 2, CW_FF_REQUIRED, 0, N_("the other account")),
};
LOCAL_SCHEMA(link_schema, "link", struct cw_link, link_fields);

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
	STR(struct cw_record, author, 4, CW_FF_HEADER, NAME_MAX_BYTES, N_("who created it")),
	ID(struct cw_record, origin, "origin", 5, CW_FF_HEADER, 0, N_("database that created it")),
	STR(struct cw_record, editor, 6, CW_FF_HEADER, NAME_MAX_BYTES, N_("who changed it last")),
	ID(struct cw_record, edited_in, "edited_in", 7, CW_FF_HEADER, 0,
	   N_("database where it was changed last")),
	STR(struct cw_record, source, 8, 0, LINE_MAX_BYTES,
	    N_("who reported it: document and paragraph, or \"own observation\"")),
	ENUM(struct cw_record, view, 9, 0, cw_words_view, N_("whose account this is")),
	{.name = "reportedly",
	 .tag = 10,
	 .type = CW_F_BOOL,
	 .offset = offsetof(struct cw_record, reportedly),
	 .help = N_("the source says \"reportedly\"")},
	ID(struct cw_record, bundle, "bundle", 11, CW_FF_HEADER, 0,
	   N_("bundle the current version arrived in")),
	LIST(struct cw_record, versions, 12, CW_FF_HEADER, 4096, version_schema,
	     N_("version vector: the latest change from each database this version includes")),
	LIST(struct cw_record, set_aside, 13, CW_FF_HEADER, 4096, version_schema,
	     N_("versions dated in the future this one was made over: database and time of each")),
	DATE(struct cw_record, reported_on, 14, 0,
	     N_("the date the source's account is as of (the end of its reporting period)")),
	ID(struct cw_record, after, "after", 1, 0, 0,
	   N_("the record this one comes after, when the dates do not say")),
	LIST(struct cw_record, links, 15, 0, 32, link_schema,
	     N_("other accounts of the event: one it disputes, or one that describes it too")),
	/* A tag far above the kinds' (16 on): the header's first fifteen are taken. */
	ID(struct cw_record, merged_into, "merged_into", 120, CW_FF_HEADER, 0,
	   N_("the person a deleted person was merged into")),
	/* Confidential material (models/confidential.h): left out of reports, exports and plain
	 * bundles. Records written before these tags have neither: not confidential. */
	{.name = "confidential",
	 .tag = 121,
	 .type = CW_F_BOOL,
	 .offset = offsetof(struct cw_record, confidential),
	 .help = N_("the whole record is confidential: in no report, export or plain bundle")},
	SET(struct cw_record, confidential_fields, 122, cw_words_confidential_field,
	    N_("fields that are confidential: left out of reports, exports and plain bundles")),
};
SCHEMA(cw_schema_header, "header", struct cw_record, header_fields);

static const struct cw_field person_fields[] = {
	/* One of the two names is required (models/validate.c). */
	STR(struct cw_person, name, 16, 0, NAME_MAX_BYTES, N_("name in Latin script")),
	STR(struct cw_person, name_km, 17, 0, NAME_MAX_BYTES, N_("name in Khmer script")),
	ENUM(struct cw_person, sex, 18, 0, cw_words_sex, N_("sex")),
	INT(struct cw_person, birth_year, 19, 1900, 2199, N_("year of birth")),
	STR(struct cw_person, affiliation, 20, 0, NAME_MAX_BYTES,
	    N_("party, union, NGO or media outlet")),
	SET(struct cw_person, roles, 21, cw_words_roles, N_("roles")),
	STR(struct cw_person, province, 22, 0, NAME_MAX_BYTES, N_("province of residence")),
	STR(struct cw_person, notes, 23, CW_FF_MULTILINE, NOTES_MAX_BYTES, N_("notes")),
};
LOCAL_SCHEMA(person_schema, "person", struct cw_person, person_fields);

static const struct cw_field charge_step_fields[] = {
	ENUM(struct cw_charge_step, state, 16, 0, cw_words_charge_state, N_("state it moved to")),
	DATE(struct cw_charge_step, date, 17, 0, N_("date of the ruling")),
	ID(struct cw_charge_step, record, "record", 18, 0, 0,
	   N_("the hearing or milestone that moved it")),
};
LOCAL_SCHEMA(charge_step_schema, "step", struct cw_charge_step, charge_step_fields);

static const struct cw_field charge_fields[] = {
	ART(struct cw_charge, article, 16, N_("law and article, e.g. 494 or \"437 bis\"")),
	STR(struct cw_charge, offence, 17, 0, LINE_MAX_BYTES, N_("offence as worded")),
	ENUM(struct cw_charge, state, 18, 0, cw_words_charge_state, N_("state of the charge")),
	LIST(struct cw_charge, history, 19, 0, 32, charge_step_schema,
	     N_("the rulings that moved it, oldest first")),
};
LOCAL_SCHEMA(charge_schema, "charge", struct cw_charge, charge_fields);

static const struct cw_field defendant_fields[] = {
	ID(struct cw_defendant, person, "person", 16, 0, CW_KIND_PERSON, N_("the defendant")),
	INT(struct cw_defendant, unnamed_count, 17, 1, 100000, N_("number of unnamed defendants")),
	STR(struct cw_defendant, label, 18, 0, NAME_MAX_BYTES,
	    N_("who the unnamed defendants are")),
	ENUM(struct cw_defendant, custody, 19, 0, cw_words_custody, N_("custody status")),
	LIST(struct cw_defendant, charges, 20, 0, 32, charge_schema, N_("charges")),
	ENUM(struct cw_defendant, stage, 21, 0, cw_words_stage, N_("stage for this defendant")),
	DATE(struct cw_defendant, as_of, 22, 0,
	     N_("the date this defendant's custody and stage were known to be so")),
};
LOCAL_SCHEMA(defendant_schema, "defendant", struct cw_defendant, defendant_fields);

static const struct cw_field case_fields[] = {
	STR(struct cw_case, title, 16, CW_FF_REQUIRED, LINE_MAX_BYTES, N_("title")),
	STR(struct cw_case, number, 17, 0, NAME_MAX_BYTES, N_("court case number")),
	STR(struct cw_case, court, 18, 0, NAME_MAX_BYTES, N_("court")),
	ENUM(struct cw_case, court_level, 19, 0, cw_words_court_level, N_("level of the court")),
	STR(struct cw_case, court_province, 20, 0, NAME_MAX_BYTES, N_("province of the court")),
	ENUM(struct cw_case, stage, 21, 0, cw_words_stage, N_("current stage")),
	DATE(struct cw_case, opened, 22, 0, N_("date of arrest or first charge")),
	LIST(struct cw_case, defendants, 23, 0, 500, defendant_schema, N_("defendants")),
	STR(struct cw_case, notes, 24, CW_FF_MULTILINE, NOTES_MAX_BYTES, N_("notes")),
	DATE(struct cw_case, as_of, 25, 0,
	     N_("the date the stage and custody were known to be so")),
};
LOCAL_SCHEMA(case_schema, "case", struct cw_case, case_fields);

static const struct cw_field attendance_fields[] = {
	ID(struct cw_attendance, person, "person", 16, CW_FF_REQUIRED, CW_KIND_PERSON,
	   N_("defendant")),
	ENUM(struct cw_attendance, present, 17, 0, cw_words_answer, N_("present in court")),
};
LOCAL_SCHEMA(attendance_schema, "attendance", struct cw_attendance, attendance_fields);

static const struct cw_field indicator_fields[] = {
	ENUM(struct cw_indicator, name, 16, CW_FF_REQUIRED, cw_words_indicator,
	     N_("fair-trial indicator")),
	ENUM(struct cw_indicator, answer, 17, 0, cw_words_answer, N_("yes, no, na or unknown")),
	STR(struct cw_indicator, note, 18, 0, LINE_MAX_BYTES, N_("note")),
};
LOCAL_SCHEMA(indicator_schema, "indicator", struct cw_indicator, indicator_fields);

static const struct cw_field sentence_part_fields[] = {
	ENUM(struct cw_sentence_part, part, 16, CW_FF_REQUIRED, cw_words_sentence_part,
	     N_("prison, suspended, fine, compensation, ban or other")),
	STR(struct cw_sentence_part, amount, 17, 0, NAME_MAX_BYTES,
	    N_("how long or how much, as given (\"3 years\", \"2 million riels\")")),
	STR(struct cw_sentence_part, detail, 18, 0, LINE_MAX_BYTES,
	    N_("what a ban covers, whom compensation goes to")),
	ID(struct cw_sentence_part, person, "person", 19, 0, CW_KIND_PERSON,
	   N_("the person sentenced, when the record names several")),
	STR(struct cw_sentence_part, group, 20, 0, NAME_MAX_BYTES,
	    N_("the unnamed defendants sentenced, by their label")),
};
LOCAL_SCHEMA(sentence_part_schema, "sentence part", struct cw_sentence_part, sentence_part_fields);

static const struct cw_field verdict_fields[] = {
	ID(struct cw_verdict, person, "person", 16, 0, CW_KIND_PERSON, N_("defendant")),
	ART(struct cw_verdict, article, 17, N_("article ruled on")),
	STR(struct cw_verdict, offence, 18, 0, LINE_MAX_BYTES, N_("offence as worded")),
	ENUM(struct cw_verdict, result, 19, 0, cw_words_verdict, N_("result")),
	STR(struct cw_verdict, group, 20, 0, NAME_MAX_BYTES,
	    N_("instead of a person: the case's unnamed defendants, by their label")),
};
LOCAL_SCHEMA(verdict_schema, "verdict", struct cw_verdict, verdict_fields);

static const struct cw_field hearing_fields[] = {
	ID(struct cw_hearing, case_id, "case", 16, 0, CW_KIND_CASE,
	   N_("the case heard (required, unless the record counts several hearings)")),
	DATE(struct cw_hearing, date, 17, 0, N_("date")),
	STR(struct cw_hearing, time, 18, CW_FF_HHMM, 5, N_("time, HH:MM")),
	STR(struct cw_hearing, court, 19, 0, NAME_MAX_BYTES, N_("court")),
	ENUM(struct cw_hearing, stage, 20, 0, cw_words_stage, N_("stage")),
	STR(struct cw_hearing, judge, 21, 0, NAME_MAX_BYTES, N_("presiding judge")),
	STR(struct cw_hearing, prosecutor, 22, 0, NAME_MAX_BYTES, N_("prosecutor")),
	LIST(struct cw_hearing, attendance, 23, 0, 500, attendance_schema,
	     N_("defendants present or absent")),
	STR(struct cw_hearing, lawyers, 24, 0, LINE_MAX_BYTES, N_("lawyers present")),
	ENUM(struct cw_hearing, public_admitted, 25, 0, cw_words_answer, N_("public admitted")),
	ENUM(struct cw_hearing, press_admitted, 26, 0, cw_words_answer, N_("press admitted")),
	ENUM(struct cw_hearing, monitors_admitted, 27, 0, cw_words_answer, N_("monitors admitted")),
	LIST(struct cw_hearing, indicators, 28, 0, 32, indicator_schema,
	     N_("fair-trial indicators")),
	ENUM(struct cw_hearing, outcome, 29, 0, cw_words_outcome, N_("outcome")),
	STR(struct cw_hearing, adjourn_reason, 30, 0, LINE_MAX_BYTES, N_("reason for adjournment")),
	DATE(struct cw_hearing, next_date, 31, 0, N_("next hearing date")),
	ENUM(struct cw_hearing, bail, 32, 0, cw_words_bail, N_("bail decision")),
	LIST(struct cw_hearing, verdicts, 33, 0, 500, verdict_schema, N_("verdict per charge")),
	STR(struct cw_hearing, sentence, 34, 0, LINE_MAX_BYTES, N_("sentence as pronounced")),
	STR(struct cw_hearing, fine, 35, 0, NAME_MAX_BYTES, N_("fine or compensation")),
	STR(struct cw_hearing, notes, 36, CW_FF_MULTILINE, NOTES_MAX_BYTES, N_("notes")),
	LIST(struct cw_hearing, sentence_parts, 37, 0, 64, sentence_part_schema,
	     N_("the parts of the sentence: prison term, suspended part, fine, compensation, "
		"bans")),
	/* Last on the form, so the fields before keep their places; tag 42 (38-41 are the
	 * tally's), which an older casewatch skips (models/codec.h). */
	STR(struct cw_hearing, monitors, 42, 0, LINE_MAX_BYTES,
	    N_("the team's monitors in court (names)")),
	TALLY(struct cw_hearing, tally, 38),
};
LOCAL_SCHEMA(hearing_schema, "hearing", struct cw_hearing, hearing_fields);

static const struct cw_field person_ref_fields[] = {
	ID(struct cw_person_ref, person, "person", 16, CW_FF_REQUIRED, CW_KIND_PERSON,
	   N_("person")),
};
LOCAL_SCHEMA(person_ref_schema, "person", struct cw_person_ref, person_ref_fields);

static const struct cw_field detainee_access_fields[] = {
	ID(struct cw_detainee_access, person, "person", 16, CW_FF_REQUIRED, CW_KIND_PERSON,
	   N_("detainee")),
	ENUM(struct cw_detainee_access, lawyer_access, 17, 0, cw_words_access,
	     N_("the detainee's access to a lawyer")),
	ENUM(struct cw_detainee_access, family_access, 18, 0, cw_words_access,
	     N_("the detainee's access to their family")),
};
LOCAL_SCHEMA(detainee_access_schema, "detainee access", struct cw_detainee_access,
	     detainee_access_fields);

static const struct cw_field visit_fields[] = {
	STR(struct cw_visit, facility, 16, CW_FF_REQUIRED, NAME_MAX_BYTES,
	    N_("prison or facility")),
	STR(struct cw_visit, facility_province, 17, 0, NAME_MAX_BYTES,
	    N_("province of the facility")),
	DATE(struct cw_visit, date, 18, 0, N_("date")),
	LIST(struct cw_visit, detainees, 19, CW_FF_FLAT, 500, person_ref_schema,
	     N_("detainees met")),
	ENUM(struct cw_visit, access, 20, 0, cw_words_access, N_("access")),
	ENUM(struct cw_visit, private_interview, 21, 0, cw_words_answer,
	     N_("private interview possible")),
	SET(struct cw_visit, concerns, 22, cw_words_concerns, N_("concerns")),
	STR(struct cw_visit, follow_up, 23, CW_FF_MULTILINE, NOTES_MAX_BYTES, N_("follow-up")),
	DATE(struct cw_visit, follow_up_on, 30, 0, N_("the day the follow-up visit is due")),
	STR(struct cw_visit, notes, 24, CW_FF_MULTILINE, NOTES_MAX_BYTES, N_("notes")),
	TALLY(struct cw_visit, tally, 25),
	INT(struct cw_visit, facilities, 29, 1, 100000, N_("how many prisons the visits went to")),
	/* Tag 31, which a casewatch from before skips, and whose JSON key it refuses
	 * (models/codec.h). */
	LIST(struct cw_visit, detainee_access, 31, 0, 500, detainee_access_schema,
	     N_("each detainee's access to a lawyer and to their family")),
};
LOCAL_SCHEMA(visit_schema, "visit", struct cw_visit, visit_fields);

static const struct cw_field demo_fields[] = {
	DATE(struct cw_demo, date, 16, 0, N_("date")),
	STR(struct cw_demo, place, 17, 0, NAME_MAX_BYTES, N_("place")),
	STR(struct cw_demo, province, 18, 0, NAME_MAX_BYTES, N_("province")),
	STR(struct cw_demo, organiser, 19, 0, NAME_MAX_BYTES, N_("organiser")),
	STR(struct cw_demo, cause, 20, 0, LINE_MAX_BYTES, N_("cause")),
	INT(struct cw_demo, participants, 21, 0, 10000000, N_("estimated participants")),
	/* A casewatch from before skips tag 30, and refuses the JSON key (models/codec.h). */
	{.name = "participants_at_least",
	 .tag = 30,
	 .type = CW_F_BOOL,
	 .offset = offsetof(struct cw_demo, participants_at_least),
	 .help = N_("the number of participants is a least (\"at least 30\")")},
	SET(struct cw_demo, response, 22, cw_words_response, N_("authorities' response")),
	LIST(struct cw_demo, arrested, 23, CW_FF_FLAT, 500, person_ref_schema,
	     N_("people arrested")),
	INT(struct cw_demo, arrests_count, 24, 0, 1000000, N_("number of arrests")),
	/* A casewatch from before skips tag 33, and refuses the JSON key (models/codec.h). */
	{.name = "arrests_at_least",
	 .tag = 33,
	 .type = CW_F_BOOL,
	 .offset = offsetof(struct cw_demo, arrests_at_least),
	 .help = N_("the number of arrests is a least (\"at least 28\")")},
	/* A casewatch from before skips tags 31 and 32, and refuses the JSON keys
	 * (models/codec.h): a record from before has them not recorded. */
	INT(struct cw_demo, injured, 31, 0, 1000000,
	    N_("number of people injured (when the demonstration was dispersed)")),
	{.name = "injured_at_least",
	 .tag = 32,
	 .type = CW_F_BOOL,
	 .offset = offsetof(struct cw_demo, injured_at_least),
	 .help = N_("the number injured is a least (\"at least 3\")")},
	STR(struct cw_demo, notes, 25, CW_FF_MULTILINE, NOTES_MAX_BYTES, N_("notes")),
	TALLY(struct cw_demo, tally, 26),
};
LOCAL_SCHEMA(demo_schema, "demo", struct cw_demo, demo_fields);

static const struct cw_field incident_fields[] = {
	DATE(struct cw_incident, date, 16, 0, N_("date")),
	ENUM(struct cw_incident, type, 17, CW_FF_REQUIRED, cw_words_incident, N_("what happened")),
	ID(struct cw_incident, case_id, "case", 18, 0, CW_KIND_CASE, N_("the case it belongs to")),
	LIST(struct cw_incident, persons, 19, CW_FF_FLAT, 500, person_ref_schema,
	     N_("people it concerns")),
	STR(struct cw_incident, actor, 20, 0, NAME_MAX_BYTES, N_("who did it")),
	STR(struct cw_incident, target, 21, 0, LINE_MAX_BYTES, N_("what or whom it touched")),
	STR(struct cw_incident, province, 22, 0, NAME_MAX_BYTES, N_("province")),
	STR(struct cw_incident, unit, 23, 0, NAME_MAX_BYTES,
	    N_("what the count counts (\"social media accounts\")")),
	TALLY(struct cw_incident, tally, 24),
	STR(struct cw_incident, detail, 28, 0, LINE_MAX_BYTES, N_("what the source says, briefly")),
	STR(struct cw_incident, notes, 29, CW_FF_MULTILINE, NOTES_MAX_BYTES, N_("notes")),
};
LOCAL_SCHEMA(incident_schema, "incident", struct cw_incident, incident_fields);

static const struct cw_field article_ref_fields[] = {
	ART(struct cw_article_ref, article, 16, N_("law and article, e.g. 494 or \"437 bis\"")),
};
LOCAL_SCHEMA(article_ref_schema, "article", struct cw_article_ref, article_ref_fields);

static const struct cw_field milestone_fields[] = {
	ID(struct cw_milestone, person, "person", 16, 0, CW_KIND_PERSON,
	   N_("person (or group, for a case's unnamed defendants)")),
	ID(struct cw_milestone, case_id, "case", 17, 0, CW_KIND_CASE, N_("case")),
	DATE(struct cw_milestone, date, 18, 0, N_("date")),
	ENUM(struct cw_milestone, type, 19, CW_FF_REQUIRED, cw_words_milestone,
	     N_("what happened")),
	STR(struct cw_milestone, detail, 20, 0, LINE_MAX_BYTES, N_("detail, e.g. the sentence")),
	STR(struct cw_milestone, court, 21, 0, NAME_MAX_BYTES, N_("court")),
	STR(struct cw_milestone, notes, 22, CW_FF_MULTILINE, NOTES_MAX_BYTES, N_("notes")),
	ENUM(struct cw_milestone, outcome, 23, 0, cw_words_decision,
	     N_("granted or refused (bail, release)")),
	ENUM(struct cw_milestone, result, 24, 0, cw_words_verdict,
	     N_("a verdict's result: moves the person's charges in the case")),
	/* One article where every casewatch reads it (tag 25); two or more in articles, tag 29,
	 * which a casewatch from before skips and whose JSON key it refuses (models/codec.h). */
	{.name = "article",
	 .tag = 25,
	 .type = CW_F_ARTICLE,
	 .flags = CW_FF_LIST_TEXT,
	 .offset = offsetof(struct cw_milestone, article),
	 .help = N_("the articles it concerns, e.g. 494/495 (a verdict: those it rules on; "
		    "none: every charge)")},
	LIST(struct cw_milestone, articles, 29, CW_FF_FLAT | CW_FF_MORE, CW_ARTICLE_LIST_MAX,
	     article_ref_schema, N_("the articles it concerns, when it names two or more")),
	LIST(struct cw_milestone, sentence_parts, 26, 0, 64, sentence_part_schema,
	     N_("the parts of the sentence: prison term, suspended part, fine, compensation, "
		"bans")),
	STR(struct cw_milestone, group, 27, 0, NAME_MAX_BYTES,
	    N_("instead of a person: the case's unnamed defendants it concerns, by their label")),
	INT(struct cw_milestone, count, 28, 1, 100000, N_("how many of that group it concerns")),
	/* A casewatch from before skips tag 30, and refuses the JSON key (models/codec.h). */
	{.name = "more",
	 .tag = 30,
	 .type = CW_F_BOOL,
	 .offset = offsetof(struct cw_milestone, more),
	 .help = N_("the count is of more of the group, beside those already held (\"5 more "
		    "arrested\")")},
	/* A casewatch from before skips tag 31, and refuses the JSON key (models/codec.h). */
	DATE(struct cw_milestone, until, 31, 0,
	     N_("a detention ordered or extended: the last day the order runs to")),
};
LOCAL_SCHEMA(milestone_schema, "milestone", struct cw_milestone, milestone_fields);

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

/* Indexes s and every schema its lists hold. A schema reached twice is indexed twice, the
 * same way. */
static void index_schema(const struct cw_schema *s)
{
	for (size_t i = 0; i < s->nfields; i++) {
		s->tag_index[s->fields[i].tag] = (uint8_t)(i + 1);
		if (s->fields[i].type == CW_F_LIST)
			index_schema(s->fields[i].sub);
	}
}

static void index_all_schemas(void)
{
	index_schema(&cw_schema_header);
	for (int k = CW_KIND_NONE + 1; k < CW_KIND_COUNT; k++)
		index_schema(cw_schema_for_kind((enum cw_kind)k));
}

const uint8_t *cw_schema_tag_index(const struct cw_schema *s)
{
	static pthread_once_t indexed = PTHREAD_ONCE_INIT;

	pthread_once(&indexed, index_all_schemas);
	return s->tag_index;
}

const struct cw_field *cw_schema_field(const struct cw_schema *s, const char *name)
{
	/* The first letters differ for most fields: an import looks up every key of every
	 * line here, and whole comparisons were 4% of it (callgrind). */
	for (size_t i = 0; i < s->nfields; i++)
		if (s->fields[i].name[0] == name[0] && strcmp(s->fields[i].name, name) == 0)
			return &s->fields[i];
	return NULL;
}

const char *cw_kind_name(enum cw_kind kind)
{
	return (unsigned)kind < CW_KIND_COUNT && kind ? cw_words_kind.words[kind] : "unknown";
}

const char *cw_kind_text(enum cw_kind kind)
{
	/* TRANSLATORS: kinds of record, short, as list columns and messages name them. */
	static const char *const texts[] = {N_("unknown"),   N_("person"),  N_("case"),
					    N_("hearing"),   N_("visit"),   N_("demo"),
					    N_("milestone"), N_("incident")};
	_Static_assert(sizeof texts / sizeof texts[0] == CW_KIND_COUNT, "a text for every kind");

	return (unsigned)kind < CW_KIND_COUNT ? _(texts[kind]) : _("unknown");
}

const char *cw_kind_label(enum cw_kind kind)
{
	return (unsigned)kind < CW_KIND_COUNT && kind ? _(cw_words_kind.labels[kind]) : _("record");
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

enum cw_kind cw_kind_parse_typed(const char *word)
{
	enum cw_kind k = cw_kind_parse(word);

	for (int i = CW_KIND_NONE + 1; k == CW_KIND_NONE && i < CW_KIND_COUNT; i++)
		if (strcasecmp(word, cw_kind_text((enum cw_kind)i)) == 0 ||
		    strcasecmp(word, cw_kind_label((enum cw_kind)i)) == 0)
			k = (enum cw_kind)i;
	return k;
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
	return value < e->n ? _(e->labels[value]) : "?";
}

const char *cw_view_short(unsigned view)
{
	return view < sizeof view_short / sizeof view_short[0] && view ? _(view_short[view]) : "?";
}

uint32_t cw_view_bit(unsigned view)
{
	return view < 32 ? UINT32_C(1) << view : 0;
}
