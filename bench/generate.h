/* generate.h - a realistic synthetic casewatch database for the benchmarks.
 *
 * A national team's decade of monitoring: people with Latin and Khmer names, cases at the
 * courts of first instance, appeal and the Supreme Court, and the monitoring records (hearings,
 * milestones, prison visits, demonstrations) over ten years. Charges follow the reports: 494 and
 * 495 (incitement) most often, then 437 bis, 305/307, 439/443, 496, 502, LNIPT 231 and the rest,
 * with some free-text offences that have no article. Dates are partial in the share the reports
 * give them ("June 2023", "2021").
 *
 * Every record is a pure function of (seed, its number), so the casewatch and SQLite loads see
 * the same records, and any record can be made again without keeping the others. */
#ifndef CW_BENCH_GENERATE_H
#define CW_BENCH_GENERATE_H

#include <stddef.h>
#include <stdint.h>

#include "models/record.h"

struct cw_gen_params {
	size_t persons; /* 100,000 at full size */
	size_t cases;   /* 50,000 */
	size_t events;  /* 1,000,000 monitoring records */
	uint64_t seed;
	int first_year; /* records span first_year-01-01 .. first_year + years - 1 */
	int years;
};

/* The full-size database the issue asks for, scaled by events / 1,000,000 (people and cases
 * shrink in proportion, never below a few hundred). */
void cw_gen_params_scaled(struct cw_gen_params *p, size_t events);

struct cw_gen;

int cw_gen_new(const struct cw_gen_params *p, struct cw_gen **out);
void cw_gen_free(struct cw_gen *g);

/* persons + cases + events: the records in load order (people, then cases, then monitoring
 * records, so every reference names a record loaded before it). */
size_t cw_gen_total(const struct cw_gen *g);

/* Fills rec (which the caller frees with cw_record_free) with record number i, id included. */
int cw_gen_record(const struct cw_gen *g, size_t i, struct cw_record *rec);

/* Ids, for sampling queries. */
void cw_gen_person_id(const struct cw_gen *g, size_t person, struct cw_id *id);
/* The index of the n-th (0-based) person named as a defendant, cycling; -1 if none. */
long cw_gen_defendant(const struct cw_gen *g, size_t n);

/* The case a hearing or milestone belongs to as a record (for index keys, like the store's
 * lookup): fills rec for case number c. */
int cw_gen_case_record(const struct cw_gen *g, size_t c, struct cw_record *rec);
/* The case number of a record made by cw_gen_record(i), or -1 when it has none. */
long cw_gen_case_of(const struct cw_gen *g, size_t i);

#endif
