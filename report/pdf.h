/* pdf.h - the contract between casewatch and its PDF writer, a module of its own (pdf.so).
 *
 * Why a module: the PDF is laid out with Pango and drawn with cairo, which bring HarfBuzz,
 * fontconfig, FreeType and GLib: 37 of the 49 shared libraries the program loaded at every
 * start, for one format of one command. casewatch loads the module (pdf_load.c) only when a
 * PDF is asked for. The module links none of casewatch's own code: what it needs from rdoc.c
 * comes in the job. Internal to report/. */
#ifndef CW_REPORT_PDF_H
#define CW_REPORT_PDF_H

#include <stdint.h>
#include <stdio.h>

#include "models/error.h"
#include "report/rdoc.h"

/* A report to write as PDF: the document, and the words and the rule of rdoc.c that every
 * writer shares (untranslated: the module translates them as the others do). */
struct cw_pdf_job {
	const struct cw_rdoc *doc;
	const char *time_note;                       /* cw_report_time_note */
	const char *empty_text;                      /* cw_report_empty_text */
	const char *summary_title;                   /* cw_report_summary_title */
	int (*counted)(const struct cw_rsection *s); /* cw_rsection_counted */
};

/* The module's entry point, "cw_pdf_write": 0, CW_ENOMEM, or CW_EIO when the stream failed. */
typedef int (*cw_pdf_write_fn)(const struct cw_pdf_job *job, FILE *out);
int cw_pdf_write(const struct cw_pdf_job *job, FILE *out);

/* What a module and the program that loads it must agree on, both exported by the module
 * ("cw_pdf_version", "cw_pdf_layout"): a module left over from another casewatch, whose
 * structs or tables may differ, is refused instead of being handed a document it would read
 * wrong. The layout folds in the sizes of what the module reads and the counts that shape it
 * (a row of cells is CW_RC_NCOLS long), so a change to rdoc.h changes it without anyone
 * remembering to. */
#define CW_PDF_LAYOUT                                                                              \
	((uint64_t)sizeof(struct cw_pdf_job) << 52 ^ (uint64_t)sizeof(struct cw_rdoc) << 32 ^      \
	 (uint64_t)sizeof(struct cw_rsection) << 20 ^ (uint64_t)sizeof(struct cw_rline) << 14 ^    \
	 (uint64_t)CW_RC_NCOLS << 8 ^ (uint64_t)CW_RSECTION_COLS << 4 ^                            \
	 (uint64_t)CW_RDOC_SECTIONS)
extern const char cw_pdf_version[];
extern const uint64_t cw_pdf_layout;

/* The module's writer, loaded once per process from $CASEWATCH_MODULEDIR (an absolute path;
 * the tests run casewatch uninstalled) or else from where `make install` puts it. 0, or
 * CW_EIO with a line that says what to do when it cannot be loaded or is from another
 * casewatch (the module stays loaded then: its libraries cannot be unloaded). From one thread
 * at a time: the front ends' main thread. */
int cw_pdf_writer(cw_pdf_write_fn *out, struct cw_error *err);

#endif
