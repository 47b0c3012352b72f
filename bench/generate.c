/* generate.c - the synthetic database of the benchmarks; see generate.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/generate.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- random numbers ----------------------------------------------------------------------- */

/* splitmix64: small, fast, and good enough to shape test data; one stream per record. */
struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

static struct rng rng_for(uint64_t seed, uint64_t stream, uint64_t n)
{
	struct rng r = {seed ^ (stream * UINT64_C(0xD1B54A32D192ED03))};

	r.s ^= n * UINT64_C(0x8CB92BA72F3D8DD7);
	rng_next(&r);
	return r;
}

/* 0 .. n-1 */
static uint32_t rng_below(struct rng *r, uint32_t n)
{
	return n ? (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32) : 0;
}

/* true with probability pct/100 */
static int rng_pct(struct rng *r, unsigned pct)
{
	return rng_below(r, 100) < pct;
}

/* An index into a table of weights. */
static size_t rng_weighted(struct rng *r, const unsigned *w, size_t n)
{
	unsigned total = 0, x;

	for (size_t i = 0; i < n; i++)
		total += w[i];
	x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

/* ---- vocabulary --------------------------------------------------------------------------- */

struct name {
	const char *latin, *khmer;
};

static const struct name family_names[] = {
	{"Sok", "សុខ"},   {"Chan", "ចាន់"},  {"Kim", "គឹម"},   {"Heng", "ហេង"},  {"Ly", "លី"},
	{"Meas", "មាស"}, {"Chea", "ជា"},   {"Keo", "កែវ"},  {"Seng", "សេង"},  {"Prak", "ប្រាក់"},
	{"Sam", "សំ"},    {"Nhem", "ញឹម"},   {"Ouk", "អ៊ុក"},   {"Pen", "ប៉ែន"},   {"Mao", "ម៉ៅ"},
	{"Ros", "រស់"},   {"Long", "ឡុង"},   {"Chhim", "ឈឹម"}, {"Thach", "ថាច់"}, {"Kem", "កឹម"},
	{"Ny", "នី"},     {"Eng", "អេង"},   {"Chao", "ចៅ"},  {"Kang", "កាំង"},  {"Hem", "ហែម"},
	{"Touch", "ទូច"}, {"Yim", "យឹម"},    {"Phan", "ផាន"}, {"Nuon", "នួន"},   {"Tep", "ទេព"},
	{"Vann", "វ៉ាន់"}, {"Koeut", "កើត"},
};

static const struct name given_names[] = {
	{"Dara", "ដារា"},       {"Sophea", "សុភា"},  {"Vanna", "វណ្ណា"},   {"Sothea", "សុធា"},
	{"Sreymom", "ស្រីមុំ"},     {"Bopha", "បុប្ផា"},  {"Chantha", "ចន្ថា"}, {"Rith", "រិទ្ធ"},
	{"Piseth", "ពិសិដ្ឋ"},     {"Sokha", "សុខា"},   {"Vibol", "វិបុល"},    {"Kosal", "កុសល"},
	{"Rattana", "រតនា"},    {"Phalla", "ផល្លា"}, {"Sithar", "ស៊ីថា"},   {"Nary", "ណារី"},
	{"Sopheap", "សុភាព"},    {"Thida", "ធីតា"},   {"Veasna", "វាសនា"}, {"Setha", "សេដ្ឋា"},
	{"Sroy", "ស្រួយ"},        {"Saran", "សារ៉ន"},  {"Nak", "នាគ"},      {"Saray", "សារ៉ាយ"},
	{"Channary", "ចាន់ណារី"}, {"Vuthy", "វុធី"},    {"Rachana", "រចនា"}, {"Sovann", "សុវណ្ណ"},
	{"Kunthea", "គន្ធា"},    {"Sina", "ស៊ីណា"},    {"Makara", "មករា"},  {"Bunthoeun", "ប៊ុនធឿន"},
};

/* The 25 provinces; weights follow where the reports place cases (the capital first). */
static const char *const provinces[] = {
	"Phnom Penh",     "Banteay Meanchey", "Battambang", "Kampong Cham",   "Kampong Chhnang",
	"Kampong Speu",   "Kampong Thom",     "Kampot",     "Kandal",         "Kep",
	"Koh Kong",       "Kratie",           "Mondulkiri", "Oddar Meanchey", "Pailin",
	"Preah Sihanouk", "Preah Vihear",     "Prey Veng",  "Pursat",         "Ratanakiri",
	"Siem Reap",      "Stung Treng",      "Svay Rieng", "Takeo",          "Tbong Khmum",
};
static const unsigned province_weights[] = {
	300, 40, 45, 35, 20, 30, 25, 20, 35, 5,  15, 15, 10,
	15,  5,  25, 30, 25, 15, 15, 35, 10, 20, 25, 35,
};

static const char *const appeal_courts[] = {
	"Court of Appeal",          "Battambang Appeal Court",   "Preah Sihanouk Appeal Court",
	"Tbong Khmum Appeal Court", "Kampong Cham Appeal Court",
};
static const char *const appeal_provinces[] = {
	"Phnom Penh", "Battambang", "Preah Sihanouk", "Tbong Khmum", "Kampong Cham",
};

static const struct {
	uint8_t law, suffix;
	uint16_t number;
	unsigned weight;
} articles[] = {
	{CW_LAW_CC, 0, 494, 250},
	{CW_LAW_CC, 0, 495, 200},
	{CW_LAW_CC, CW_SUFFIX_BIS, 437, 70},
	{CW_LAW_CC, 0, 305, 60},
	{CW_LAW_CC, 0, 307, 50},
	{CW_LAW_CC, 0, 496, 40},
	{CW_LAW_CC, 0, 502, 35},
	{CW_LAW_CC, 0, 439, 30},
	{CW_LAW_CC, 0, 443, 30},
	{CW_LAW_CC, 0, 451, 30},
	{CW_LAW_CC, 0, 302, 25},
	{CW_LAW_CC, 0, 453, 20},
	{CW_LAW_CC, 0, 88, 20},
	{CW_LAW_CC, 0, 425, 20},
	{CW_LAW_CC, 0, 522, 20},
	{CW_LAW_CC, 0, 27, 10},
	{CW_LAW_LNIPT, 0, 231, 10},
	{CW_LAW_NONE, 0, 0, 60}, /* a free-text offence with no article */
};
#define ART_NONE (NELEM(articles) - 1)

static const char *const free_offences[] = {
	"premeditated murder",  "unauthorised use of a weapon", "falsification of thumbprints",
	"clearing forest land", "insulting the power base",     "illegal logging",
};

static const char *const affiliations[] = {
	"Candlelight Party",
	"former CNRP",
	"Labour Rights Supported Union of Khmer Employees of NagaWorld (LRSU)",
	"Cambodian Confederation of Unions",
	"Khmer Student Intellectual League Association",
	"Cambodian National Heart Party",
	"Voice of Democracy",
	"Coalition of Cambodian Farmer Community",
	"Independent Teachers Association",
	"Prey Lang Community Network",
};

static const char *const facilities_extra[] = {
	"Correctional Center 1", "Correctional Center 2", "Correctional Center 3",
	"Correctional Center 4", "Prey Sar Prison",
};

static const char *const places[] = {
	"Freedom Park",
	"in front of the NagaWorld casino",
	"outside the municipal court",
	"Ministry of Labour",
	"provincial hall",
	"Independence Monument",
	"village road",
};

static const char *const organisers[] = {
	"LRSU",
	"Cambodian Confederation of Unions",
	"Candlelight Party youth",
	"Preah Vihear villagers",
	"Boeung Kak Lake community",
	"garment workers",
	"Khmer Student Intellectual League Association",
	"families of detained activists",
};

static const char *const causes[] = {
	"wage dispute and mass dismissals at NagaWorld",
	"release of detained union leaders",
	"land dispute and eviction",
	"deforestation in a protected area",
	"release of political prisoners",
	"election irregularities",
	"rising cost of living",
	"factory closure without severance pay",
};

static const char *const note_sentences[] = {
	"Hearing adjourned because the presiding judge was absent.",
	"The defendant appeared tired; the lawyer raised health concerns.",
	"Monitors were admitted to the back of the courtroom only.",
	"Police checked the identity of everyone entering the court compound.",
	"The prosecution relied on screenshots of Facebook posts.",
	"Family members were not allowed to speak to the detainee.",
	"The lawyer said he had needed the prosecutor's authorisation to meet his client.",
	"The verdict was read out in the absence of the defendants.",
	"Cell leaders reportedly charge money for access to the health post.",
	"Detainees said the water filter had been broken for weeks.",
	"ការជំនុំជម្រះត្រូវបានពន្យារពេល។",
	"មេធាវីមិនបានជួបកូនក្ដីទេ។",
	"ក្រុមគ្រួសារមិនត្រូវបានអនុញ្ញាតឱ្យចូលទេ។",
	"Supporters gathered outside; several were photographed by plain-clothes officers.",
};

static const char *const adjourn_reasons[] = {
	"judge absent",  "defence requested more time", "prosecution witness absent",
	"defendant ill", "COVID-19 measures",           "court schedule",
};

static const char *const sentences[] = {
	"6 months",
	"1 year",
	"18 months",
	"2 years",
	"3 years and 5-year electoral ban",
	"5 years",
	"2 years, 1 suspended",
	"20 months",
};

/* ---- the generator ------------------------------------------------------------------------ */

/* What events need of a case, kept small: 50,000 cases cost well under a megabyte. */
struct gdef {
	uint32_t person;
	uint8_t art[3]; /* indexes into articles[] */
	uint8_t nart;
};

struct gcase {
	uint32_t first_def; /* into defs */
	uint16_t ndef;      /* named defendants */
	uint16_t unnamed;   /* size of an unnamed group, 0 when none */
	uint8_t court;      /* see case_court() */
	uint8_t level;
	int32_t opened; /* days since 1970 of the first day the opening date covers */
	struct cw_date opened_date;
};

struct cw_gen {
	struct cw_gen_params p;
	long first_day, last_day; /* the ten years, as days since 1970 */
	struct gcase *cases;
	struct gdef *defs;
	size_t ndefs;
};

enum { STREAM_PERSON = 1, STREAM_CASE, STREAM_EVENT, STREAM_ID };

void cw_gen_params_scaled(struct cw_gen_params *p, size_t events)
{
	memset(p, 0, sizeof *p);
	p->events = events;
	p->persons = events / 10 > 500 ? events / 10 : 500;
	p->cases = events / 20 > 250 ? events / 20 : 250;
	p->seed = UINT64_C(20240531);
	p->first_year = 2015;
	p->years = 10;
}

static void make_id(const struct cw_gen *g, unsigned stream, size_t n, struct cw_id *id)
{
	/* As casewatch makes them (store/records.c): a sequence number in load order (people,
	 * then cases, then events) from a start fixed by the seed, then random-looking bytes;
	 * reproducible, so both databases hold the same ids. */
	struct rng r = rng_for(g->p.seed, STREAM_ID * 16 + stream, n);
	uint64_t a = rng_next(&r), b = rng_next(&r);
	size_t order = stream == STREAM_PERSON ? n
		       : stream == STREAM_CASE ? g->p.persons + n
					       : g->p.persons + g->p.cases + n;
	uint32_t seq = (uint32_t)(g->p.seed >> 8) + (uint32_t)order;

	for (int i = 0; i < 4; i++)
		id->b[i] = (uint8_t)(seq >> (24 - 8 * i));
	for (int i = 0; i < 4; i++)
		id->b[4 + i] = (uint8_t)(a >> (56 - 8 * i));
	for (int i = 0; i < 8; i++)
		id->b[8 + i] = (uint8_t)(b >> (56 - 8 * i));
}

void cw_gen_person_id(const struct cw_gen *g, size_t person, struct cw_id *id)
{
	make_id(g, STREAM_PERSON, person, id);
}

static void case_id(const struct cw_gen *g, size_t c, struct cw_id *id)
{
	make_id(g, STREAM_CASE, c, id);
}

/* A date in [lo, hi] (days), given to the day, the month or the year in the shares asked. */
static struct cw_date partial_date(struct rng *r, long lo, long hi, unsigned pct_day,
				   unsigned pct_month, unsigned pct_year)
{
	struct cw_date d = cw_date_from_days(lo + (long)rng_below(r, (uint32_t)(hi - lo + 1)));
	unsigned x = rng_below(r, 100);

	if (x < pct_day)
		return d;
	d.day = 0;
	if (x < pct_day + pct_month)
		return d;
	d.month = 0;
	if (x < pct_day + pct_month + pct_year)
		return d;
	return (struct cw_date){0, 0, 0};
}

static const char *case_court(uint8_t court, const char **province, char *buf, size_t len)
{
	/* 0-24: first instance in that province; 25-29: appeal courts; 30: Supreme Court. */
	if (court < NELEM(provinces)) {
		*province = provinces[court];
		if (court == 0)
			snprintf(buf, len, "Phnom Penh Municipal Court of First Instance");
		else
			snprintf(buf, len, "%s Court of First Instance", provinces[court]);
		return buf;
	}
	if (court < NELEM(provinces) + NELEM(appeal_courts)) {
		*province = appeal_provinces[court - NELEM(provinces)];
		return appeal_courts[court - NELEM(provinces)];
	}
	*province = "Phnom Penh";
	return "Supreme Court";
}

int cw_gen_new(const struct cw_gen_params *p, struct cw_gen **out)
{
	struct cw_gen *g = calloc(1, sizeof *g);
	size_t cap;

	*out = NULL;
	if (!g)
		return CW_ENOMEM;
	g->p = *p;
	g->first_day = cw_date_to_days((struct cw_date){(uint16_t)p->first_year, 1, 1});
	g->last_day =
		cw_date_to_days((struct cw_date){(uint16_t)(p->first_year + p->years - 1), 12, 31});
	cap = p->cases * 2 + 64;
	g->cases = calloc(p->cases ? p->cases : 1, sizeof *g->cases);
	g->defs = malloc(cap * sizeof *g->defs);
	if (!g->cases || !g->defs || p->persons == 0 || p->cases == 0) {
		cw_gen_free(g);
		return CW_ENOMEM;
	}
	for (size_t c = 0; c < p->cases; c++) {
		struct rng r = rng_for(p->seed, STREAM_CASE, c);
		struct gcase *k = &g->cases[c];
		unsigned x = rng_below(&r, 1000);
		size_t n = x < 560   ? 1
			   : x < 840 ? 2
			   : x < 940 ? 3
			   : x < 997 ? 4 + rng_below(&r, 5)
				     : 15 + rng_below(&r, 46);

		/* Mass trials (0.3%) are the 15-60 defendant cases, often with an unnamed group. */
		if (n > p->persons)
			n = p->persons;
		if (g->ndefs + n > cap) {
			struct gdef *grown = realloc(g->defs, (cap = cap * 2 + n) * sizeof *grown);

			if (!grown) {
				cw_gen_free(g);
				return CW_ENOMEM;
			}
			g->defs = grown;
		}
		k->first_def = (uint32_t)g->ndefs;
		k->ndef = (uint16_t)n;
		k->unnamed = n >= 15 && rng_pct(&r, 60) ? (uint16_t)(20 + rng_below(&r, 100)) : 0;
		x = rng_below(&r, 100);
		k->court =
			x < 70   ? (uint8_t)rng_weighted(&r, province_weights, NELEM(provinces))
			: x < 92 ? (uint8_t)(NELEM(provinces) + rng_below(&r, NELEM(appeal_courts)))
				 : (uint8_t)(NELEM(provinces) + NELEM(appeal_courts));
		k->level = x < 70 ? 1 : x < 92 ? 2 : 3;
		k->opened_date = partial_date(&r, g->first_day, g->last_day, 85, 11, 4);
		k->opened = cw_date_is_known(k->opened_date)
				    ? (int32_t)cw_date_to_days(cw_date_first_day(k->opened_date))
				    : (int32_t)g->first_day;
		for (size_t i = 0; i < n; i++) {
			struct gdef *d = &g->defs[g->ndefs++];
			size_t a = rng_weighted(&r, (const unsigned[]){55, 35, 10}, 3) + 1;

			d->person = rng_below(&r, (uint32_t)p->persons);
			d->nart = 0;
			for (size_t j = 0; j < a; j++) {
				unsigned w[NELEM(articles)];
				size_t pick;

				for (size_t t = 0; t < NELEM(articles); t++)
					w[t] = articles[t].weight;
				/* 494 and 495 travel together in the reports. */
				if (j > 0 && d->art[0] == 0 && rng_pct(&r, 60))
					pick = 1;
				else
					pick = rng_weighted(&r, w, NELEM(articles));
				for (size_t t = 0; t < d->nart; t++)
					if (d->art[t] == pick)
						pick = NELEM(articles);
				if (pick < NELEM(articles))
					d->art[d->nart++] = (uint8_t)pick;
			}
		}
	}
	*out = g;
	return 0;
}

void cw_gen_free(struct cw_gen *g)
{
	if (!g)
		return;
	free(g->cases);
	free(g->defs);
	free(g);
}

size_t cw_gen_total(const struct cw_gen *g)
{
	return g->p.persons + g->p.cases + g->p.events;
}

long cw_gen_defendant(const struct cw_gen *g, size_t n)
{
	if (g->ndefs == 0)
		return -1;
	return (long)g->defs[(n * UINT64_C(7919) + n / g->ndefs) % g->ndefs].person;
}

/* ---- building records --------------------------------------------------------------------- */

/* Out of memory while filling a record: remembered, reported once at the end. */
struct fill {
	struct rng r;
	int oom;
};

static char *dup(struct fill *f, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	char *s;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (!(s = strdup(buf)))
		f->oom = 1;
	return s;
}

static void person_name(const struct cw_gen *g, size_t person, char *latin, char *khmer, size_t len)
{
	struct rng r = rng_for(g->p.seed, STREAM_PERSON, person);
	const struct name *fam = &family_names[rng_below(&r, NELEM(family_names))];
	const struct name *giv = &given_names[rng_below(&r, NELEM(given_names))];

	snprintf(latin, len, "%s %s", fam->latin, giv->latin);
	snprintf(khmer, len, "%s %s", fam->khmer, giv->khmer);
}

/* One to three sentences of notes, mixing English and Khmer. */
static char *notes(struct fill *f)
{
	char buf[1024];
	size_t n = 0, k = 1 + rng_below(&f->r, 3);

	for (size_t i = 0; i < k; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? " " : "",
				      note_sentences[rng_below(&f->r, NELEM(note_sentences))]);
	return dup(f, "%s", buf);
}

static void header(struct fill *f, struct cw_record *rec)
{
	static const unsigned view_w[] = {0, 20, 10, 20, 10, 40, 0};
	unsigned x = rng_below(&f->r, 100);

	if (x < 45)
		rec->source = dup(f, "own observation");
	else if (x < 80)
		rec->source = dup(f, "monitoring report %u/%u", 1 + rng_below(&f->r, 400),
				  2015 + rng_below(&f->r, 10));
	else if (x < 92)
		rec->source = dup(f, "00%u para %u", rng_below(&f->r, 5), 1 + rng_below(&f->r, 80));
	rec->view = (uint8_t)rng_weighted(&f->r, view_w, NELEM(view_w));
	rec->reportedly = rng_pct(&f->r, 10);
}

static void fill_person(const struct cw_gen *g, size_t person, struct fill *f,
			struct cw_record *rec)
{
	struct cw_person *p = &rec->u.person;
	char latin[128], khmer[128];

	cw_record_init(rec, CW_KIND_PERSON);
	cw_gen_person_id(g, person, &rec->id);
	person_name(g, person, latin, khmer, sizeof latin);
	f->r = rng_for(g->p.seed, STREAM_PERSON + 100, person);
	header(f, rec);
	p->name = dup(f, "%s", latin);
	if (rng_pct(&f->r, 70))
		p->name_km = dup(f, "%s", khmer);
	p->sex = (uint8_t)rng_weighted(&f->r, (const unsigned[]){10, 35, 55}, 3);
	if (rng_pct(&f->r, 60))
		p->birth_year = 1950 + rng_below(&f->r, 56);
	if (rng_pct(&f->r, 55))
		p->affiliation = dup(f, "%s", affiliations[rng_below(&f->r, NELEM(affiliations))]);
	p->roles = UINT32_C(1) << rng_below(&f->r, (uint32_t)cw_words_roles.n);
	if (rng_pct(&f->r, 40))
		p->province =
			dup(f, "%s",
			    provinces[rng_weighted(&f->r, province_weights, NELEM(provinces))]);
	if (rng_pct(&f->r, 30))
		p->notes = notes(f);
}

static void set_article(struct cw_article *a, size_t t)
{
	memset(a, 0, sizeof *a);
	a->law = articles[t].law;
	a->number = articles[t].number;
	a->suffix = articles[t].suffix;
}

int cw_gen_case_record(const struct cw_gen *g, size_t c, struct cw_record *rec)
{
	const struct cw_schema *cs = cw_schema_for_kind(CW_KIND_CASE);
	const struct cw_field *df = cw_schema_field(cs, "defendants");
	const struct cw_field *cf = cw_schema_field(df->sub, "charges");
	const struct gcase *k = &g->cases[c];
	struct fill f = {rng_for(g->p.seed, STREAM_CASE + 100, c), 0};
	struct cw_case *kc = &rec->u.kase;
	char latin[128], khmer[128], court[128];
	const char *province;

	cw_record_init(rec, CW_KIND_CASE);
	case_id(g, c, &rec->id);
	header(&f, rec);
	person_name(g, g->defs[k->first_def].person, latin, khmer, sizeof latin);
	if (k->ndef >= 15)
		kc->title = dup(&f, "Mass trial of %u opposition members and supporters (%u)",
				(unsigned)(k->ndef + k->unnamed),
				(unsigned)(k->opened_date.year ? k->opened_date.year : 2020));
	else if (k->ndef > 1)
		kc->title =
			dup(&f, "Prosecution of %s and %u others", latin, (unsigned)k->ndef - 1);
	else
		kc->title = dup(&f, "Prosecution of %s", latin);
	if (rng_pct(&f.r, 70))
		kc->number = dup(&f, "%u/%u", 1 + rng_below(&f.r, 2000),
				 k->opened_date.year ? k->opened_date.year : 2019);
	kc->court = dup(&f, "%s", case_court(k->court, &province, court, sizeof court));
	kc->court_province = dup(&f, "%s", province);
	kc->court_level = k->level;
	kc->stage = (uint8_t)(1 + rng_below(&f.r, (uint32_t)cw_words_stage.n - 1));
	kc->opened = k->opened_date;
	for (size_t i = 0; i < k->ndef && !f.oom; i++) {
		const struct gdef *gd = &g->defs[k->first_def + i];
		struct cw_defendant *d = cw_list_append(&kc->defendants, df->sub);

		if (!d) {
			f.oom = 1;
			break;
		}
		cw_gen_person_id(g, gd->person, &d->person);
		d->custody = (uint8_t)rng_below(&f.r, (uint32_t)cw_words_custody.n);
		for (size_t j = 0; j < gd->nart; j++) {
			struct cw_charge *ch = cw_list_append(&d->charges, cf->sub);

			if (!ch) {
				f.oom = 1;
				break;
			}
			set_article(&ch->article, gd->art[j]);
			if (gd->art[j] == ART_NONE)
				ch->offence =
					dup(&f, "%s",
					    free_offences[rng_below(&f.r, NELEM(free_offences))]);
			ch->state = (uint8_t)rng_below(&f.r, (uint32_t)cw_words_charge_state.n);
		}
	}
	if (k->unnamed && !f.oom) {
		struct cw_defendant *d = cw_list_append(&kc->defendants, df->sub);

		if (d) {
			d->unnamed_count = k->unnamed;
			d->label = dup(&f, "unnamed co-accused");
		} else {
			f.oom = 1;
		}
	}
	if (rng_pct(&f.r, 35))
		kc->notes = notes(&f);
	return f.oom ? CW_ENOMEM : 0;
}

/* Which case a hearing or milestone follows: long-running cases get more of them. */
static size_t pick_case(const struct cw_gen *g, struct rng *r)
{
	double u = (double)(rng_next(r) >> 11) / 9007199254740992.0;

	return (size_t)(u * u * (double)g->p.cases) % g->p.cases;
}

/* A date some time after the case opened, inside the ten years. */
static struct cw_date case_event_date(const struct cw_gen *g, const struct gcase *k, struct rng *r,
				      unsigned day, unsigned month, unsigned year)
{
	long lo = k->opened, hi = lo + 1100;

	if (hi > g->last_day)
		hi = g->last_day;
	return partial_date(r, lo, hi, day, month, year);
}

static void person_ref(const struct cw_gen *g, struct fill *f, struct cw_list *l)
{
	const struct cw_field *rf = cw_schema_field(cw_schema_for_kind(CW_KIND_VISIT), "detainees");
	struct cw_person_ref *p = cw_list_append(l, rf->sub);

	if (!p) {
		f->oom = 1;
		return;
	}
	cw_gen_person_id(g, rng_below(&f->r, (uint32_t)g->p.persons), &p->person);
}

static void fill_hearing(const struct cw_gen *g, size_t c, struct fill *f, struct cw_record *rec)
{
	const struct cw_schema *hs = cw_schema_for_kind(CW_KIND_HEARING);
	const struct cw_field *af = cw_schema_field(hs, "attendance");
	const struct cw_field *inf = cw_schema_field(hs, "indicators");
	const struct cw_field *vf = cw_schema_field(hs, "verdicts");
	const struct gcase *k = &g->cases[c];
	struct cw_hearing *h = &rec->u.hearing;
	char latin[128], khmer[128];
	static const unsigned outcome_w[] = {10, 35, 10, 10, 30, 5};

	case_id(g, c, &h->case_id);
	h->date = case_event_date(g, k, &f->r, 96, 4, 0);
	if (cw_date_precision(h->date) == CW_DATE_DAY && rng_pct(&f->r, 60))
		h->time = dup(
			f, "%s",
			(const char *[]){"08:00", "08:30", "09:00", "14:00"}[rng_below(&f->r, 4)]);
	if (rng_pct(&f->r, 8)) /* heard elsewhere, e.g. on appeal */
		h->court = dup(f, "%s", appeal_courts[rng_below(&f->r, NELEM(appeal_courts))]);
	h->stage = (uint8_t)(2 + rng_below(&f->r, 5));
	if (rng_pct(&f->r, 50)) {
		person_name(g, rng_below(&f->r, (uint32_t)g->p.persons), latin, khmer,
			    sizeof latin);
		h->judge = dup(f, "Judge %s", latin);
	}
	if (rng_pct(&f->r, 30)) {
		person_name(g, rng_below(&f->r, (uint32_t)g->p.persons), latin, khmer,
			    sizeof latin);
		h->prosecutor = dup(f, "%s", latin);
	}
	for (size_t i = 0; i < k->ndef && i < 4 && !f->oom; i++) {
		struct cw_attendance *a = cw_list_append(&h->attendance, af->sub);

		if (!a) {
			f->oom = 1;
			break;
		}
		cw_gen_person_id(g, g->defs[k->first_def + i].person, &a->person);
		a->present = (uint8_t)rng_weighted(&f->r, (const unsigned[]){10, 75, 15}, 3);
	}
	if (rng_pct(&f->r, 40)) {
		person_name(g, rng_below(&f->r, (uint32_t)g->p.persons), latin, khmer,
			    sizeof latin);
		h->lawyers = dup(f, "%s (defence)", latin);
	}
	h->public_admitted = (uint8_t)rng_below(&f->r, 3);
	h->press_admitted = (uint8_t)rng_below(&f->r, 3);
	h->monitors_admitted = (uint8_t)rng_weighted(&f->r, (const unsigned[]){10, 80, 10}, 3);
	for (size_t i = 0, n = rng_pct(&f->r, 30) ? 1 + rng_below(&f->r, 3) : 0; i < n; i++) {
		struct cw_indicator *in = cw_list_append(&h->indicators, inf->sub);

		if (!in) {
			f->oom = 1;
			break;
		}
		in->name = (uint8_t)(1 + rng_below(&f->r, (uint32_t)cw_words_indicator.n - 1));
		in->answer = (uint8_t)(1 + rng_below(&f->r, 2));
	}
	h->outcome = (uint8_t)rng_weighted(&f->r, outcome_w, NELEM(outcome_w));
	if (h->outcome == CW_OUTCOME_ADJOURNED) {
		if (rng_pct(&f->r, 70))
			h->adjourn_reason = dup(
				f, "%s", adjourn_reasons[rng_below(&f->r, NELEM(adjourn_reasons))]);
		if (cw_date_precision(h->date) == CW_DATE_DAY)
			h->next_date = cw_date_from_days(cw_date_to_days(h->date) + 7 +
							 (long)rng_below(&f->r, 84));
	}
	if (h->outcome == CW_OUTCOME_BAIL_DECISION)
		h->bail = (uint8_t)(2 + rng_below(&f->r, 2));
	if (h->outcome == CW_OUTCOME_VERDICT) {
		for (size_t i = 0; i < k->ndef && i < 4 && !f->oom; i++) {
			const struct gdef *d = &g->defs[k->first_def + i];

			for (size_t j = 0; j < d->nart; j++) {
				struct cw_verdict *v = cw_list_append(&h->verdicts, vf->sub);

				if (!v) {
					f->oom = 1;
					break;
				}
				cw_gen_person_id(g, d->person, &v->person);
				set_article(&v->article, d->art[j]);
				if (d->art[j] == ART_NONE)
					v->offence = dup(f, "%s", free_offences[0]);
				v->result = (uint8_t)rng_weighted(
					&f->r, (const unsigned[]){5, 70, 10, 5, 5, 3, 2}, 7);
			}
		}
		h->sentence = dup(f, "%s", sentences[rng_below(&f->r, NELEM(sentences))]);
		if (rng_pct(&f->r, 30))
			h->fine = dup(f, "%u,000,000 riels", 1 + rng_below(&f->r, 10));
	}
	if (rng_pct(&f->r, 40))
		h->notes = notes(f);
}

static void fill_milestone(const struct cw_gen *g, size_t c, struct fill *f, struct cw_record *rec)
{
	static const unsigned type_w[] = {2, 15, 15, 12, 8, 8, 3, 5, 10, 6, 6, 4, 2, 2, 2, 2};
	struct cw_milestone *m = &rec->u.milestone;
	const struct gcase *k = &g->cases[c];
	const char *province;
	char court[128];

	m->type = (uint8_t)rng_weighted(&f->r, type_w, NELEM(type_w));
	if (m->type == 0)
		m->type = CW_MS_OTHER;
	if (rng_pct(&f->r, 92)) {
		case_id(g, c, &m->case_id);
		cw_gen_person_id(g, g->defs[k->first_def + rng_below(&f->r, k->ndef)].person,
				 &m->person);
		m->date = case_event_date(g, k, &f->r, 78, 15, 5);
		if (rng_pct(&f->r, 15))
			m->court =
				dup(f, "%s", case_court(k->court, &province, court, sizeof court));
	} else {
		/* Arrests and releases known before, or without, a case. */
		cw_gen_person_id(g, rng_below(&f->r, (uint32_t)g->p.persons), &m->person);
		m->date = partial_date(&f->r, g->first_day, g->last_day, 70, 20, 8);
		if (rng_pct(&f->r, 50))
			m->court = dup(f, "%s",
				       case_court((uint8_t)rng_weighted(&f->r, province_weights,
									NELEM(provinces)),
						  &province, court, sizeof court));
	}
	if (rng_pct(&f->r, 50))
		m->detail =
			dup(f, "%s",
			    m->type == CW_MS_SENTENCE
				    ? sentences[rng_below(&f->r, NELEM(sentences))]
				    : adjourn_reasons[rng_below(&f->r, NELEM(adjourn_reasons))]);
	if (rng_pct(&f->r, 15))
		m->notes = notes(f);
}

static void fill_visit(const struct cw_gen *g, struct fill *f, struct cw_record *rec)
{
	struct cw_visit *v = &rec->u.visit;
	size_t fac = rng_below(&f->r, (uint32_t)(NELEM(facilities_extra) + NELEM(provinces) - 1));

	if (fac < NELEM(facilities_extra)) {
		v->facility = dup(f, "%s", facilities_extra[fac]);
		v->facility_province = dup(f, "%s", fac == 4 ? "Phnom Penh" : "Kandal");
	} else {
		const char *p = provinces[1 + fac - NELEM(facilities_extra)];

		v->facility = dup(f, "%s Provincial Prison", p);
		v->facility_province = dup(f, "%s", p);
	}
	v->date = partial_date(&f->r, g->first_day, g->last_day, 97, 3, 0);
	for (size_t i = 0, n = rng_pct(&f->r, 60) ? 1 + rng_below(&f->r, 4) : 0; i < n; i++)
		person_ref(g, f, &v->detainees);
	v->access = (uint8_t)rng_weighted(&f->r, (const unsigned[]){5, 60, 30, 5}, 4);
	v->private_interview = (uint8_t)rng_below(&f->r, 3);
	v->concerns = (uint32_t)(rng_next(&f->r) & ((UINT32_C(1) << cw_words_concerns.n) - 1) &
				 rng_next(&f->r));
	if (rng_pct(&f->r, 30))
		v->follow_up = dup(f, "Raise with the General Department of Prisons.");
	if (rng_pct(&f->r, 50))
		v->notes = notes(f);
}

static void fill_demo(const struct cw_gen *g, struct fill *f, struct cw_record *rec)
{
	struct cw_demo *d = &rec->u.demo;

	d->date = partial_date(&f->r, g->first_day, g->last_day, 90, 8, 2);
	if (rng_pct(&f->r, 70))
		d->place = dup(f, "%s", places[rng_below(&f->r, NELEM(places))]);
	d->province =
		dup(f, "%s", provinces[rng_weighted(&f->r, province_weights, NELEM(provinces))]);
	if (rng_pct(&f->r, 80))
		d->organiser = dup(f, "%s", organisers[rng_below(&f->r, NELEM(organisers))]);
	if (rng_pct(&f->r, 90))
		d->cause = dup(f, "%s", causes[rng_below(&f->r, NELEM(causes))]);
	if (rng_pct(&f->r, 80))
		d->participants = 10 + rng_below(&f->r, 5000);
	d->response = (uint32_t)(rng_next(&f->r) & ((UINT32_C(1) << cw_words_response.n) - 1) &
				 rng_next(&f->r));
	if (rng_pct(&f->r, 15)) {
		size_t n = 1 + rng_below(&f->r, 3);

		for (size_t i = 0; i < n; i++)
			person_ref(g, f, &d->arrested);
		d->arrests_count = (int64_t)n + rng_below(&f->r, 5);
	}
	if (rng_pct(&f->r, 40))
		d->notes = notes(f);
}

/* The kind of monitoring record number e: hearings 42%, milestones 43%, visits 8%, demos 7%. */
static enum cw_kind event_kind(struct rng *r)
{
	unsigned x = rng_below(r, 100);

	return x < 42   ? CW_KIND_HEARING
	       : x < 85 ? CW_KIND_MILESTONE
	       : x < 93 ? CW_KIND_VISIT
			: CW_KIND_DEMO;
}

long cw_gen_case_of(const struct cw_gen *g, size_t i)
{
	struct rng r;
	enum cw_kind kind;

	if (i < g->p.persons + g->p.cases)
		return -1;
	r = rng_for(g->p.seed, STREAM_EVENT, i - g->p.persons - g->p.cases);
	kind = event_kind(&r);
	if (kind != CW_KIND_HEARING && kind != CW_KIND_MILESTONE)
		return -1;
	return (long)pick_case(g, &r);
}

int cw_gen_record(const struct cw_gen *g, size_t i, struct cw_record *rec)
{
	struct fill f = {{0}, 0};
	size_t e, c = 0;
	enum cw_kind kind;

	if (i < g->p.persons) {
		fill_person(g, i, &f, rec);
		return f.oom ? CW_ENOMEM : 0;
	}
	i -= g->p.persons;
	if (i < g->p.cases)
		return cw_gen_case_record(g, i, rec);
	e = i - g->p.cases;
	f.r = rng_for(g->p.seed, STREAM_EVENT, e);
	kind = event_kind(&f.r);
	if (kind == CW_KIND_HEARING || kind == CW_KIND_MILESTONE)
		c = pick_case(g, &f.r);
	cw_record_init(rec, kind);
	make_id(g, STREAM_EVENT, e, &rec->id);
	header(&f, rec);
	switch (kind) {
	case CW_KIND_HEARING:
		fill_hearing(g, c, &f, rec);
		break;
	case CW_KIND_MILESTONE:
		fill_milestone(g, c, &f, rec);
		break;
	case CW_KIND_VISIT:
		fill_visit(g, &f, rec);
		break;
	default:
		fill_demo(g, &f, rec);
		break;
	}
	return f.oom ? CW_ENOMEM : 0;
}
