## report/: gathering a summary through the store's API and writing it (Markdown, HTML, CSV,
## JSON, PDF, iCalendar), exports, and the text of records for people. No curses, no options.
libcwreport_a_SOURCES += \
	report/report.c report/report.h \
	report/agenda.c report/agenda.h \
	report/rdoc.c report/rdoc.h \
	report/md.c report/html.c report/csv.c report/json.c report/ics.c \
	report/pdf_load.c report/pdf.h \
	report/write.c report/write.h \
	report/export.c report/export.h \
	report/record_text.c report/record_text.h \
	report/confidential.c report/confidential.h
libcwreport_a_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS)
libcwreport_a_CPPFLAGS = $(AM_CPPFLAGS) -DCW_MODULEDIR='"$(pdfexecdir)"'
REPORT_LIBS = libcwreport.a $(STORE_LIBS)

## report/pdf.so: the PDF writer (report/pdf.c), a module casewatch loads only when a PDF is
## asked for (report/pdf.h says why): built as a program linked -shared (the project has no
## libtool), so automake tracks its headers and installs it with the programs, in
## $(pkglibdir); found uninstalled through CASEWATCH_MODULEDIR (the tests set it to the build
## tree's report/).
pdfexecdir = $(pkglibdir)
pdfexec_PROGRAMS = report/pdf.so
report_pdf_so_SOURCES = report/pdf.c report/pdf.h
report_pdf_so_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) $(PANGOCAIRO_CFLAGS) $(ICU_CFLAGS) -fPIC
report_pdf_so_LDFLAGS = $(CW_SANITIZE) -shared
report_pdf_so_LDADD = $(PANGOCAIRO_LIBS) $(ICU_LIBS)

check_PROGRAMS += tests/check_report
tests_check_report_SOURCES = tests/check_report.c tests/testutil.h tests/store_fixture.h \
	tests/report_fixture.h tests/test_keys.h \
	tests/damage_fixture.h
tests_check_report_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(LMDB_CFLAGS)
tests_check_report_LDADD = $(REPORT_LIBS) $(CHECK_LIBS)

## The report and the agenda built with each allocation of report/report.c failing in turn:
## Makefile.am's tests/libreport_oom.a (report.c built with FAILALLOC_CFLAGS), first in the link
## (libcwreport.a's report.o is then not linked: the copy defines its symbols).
check_PROGRAMS += tests/check_report_oom
tests_check_report_oom_SOURCES = tests/check_report_oom.c tests/testutil.h \
	tests/store_fixture.h tests/report_fixture.h tests/test_keys.h
tests_check_report_oom_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(LMDB_CFLAGS) $(JANSSON_CFLAGS)
tests_check_report_oom_LDADD = tests/libreport_oom.a tests/libfailalloc.a $(REPORT_LIBS) \
	$(CHECK_LIBS)

## The report's pretrial detainees from the store's index, against the scan they replaced.
check_PROGRAMS += tests/check_detention
tests_check_detention_SOURCES = tests/check_detention.c tests/testutil.h tests/store_fixture.h \
	tests/test_keys.h
tests_check_detention_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(LMDB_CFLAGS)
tests_check_detention_LDADD = $(REPORT_LIBS) $(CHECK_LIBS)

SLOW_TESTS += tests/cli/report_fidelity.sh tests/cli/confidential.sh tests/cli/report_groups.sh
CLI_TESTS += tests/cli/report.sh tests/cli/report_formats.sh tests/cli/report_escaping.sh \
	tests/cli/report_partners.sh tests/cli/report_pdf.sh \
	tests/cli/report_detained.sh tests/cli/report_filter_summary.sh \
	tests/cli/hearing_defendants.sh tests/cli/verdict_detention.sh tests/cli/bail_detention.sh \
	tests/cli/agenda.sh tests/cli/upcoming_months.sh \
	tests/cli/export.sh tests/cli/confidential_articles.sh \
	tests/cli/confidential_case_mark.sh tests/cli/confidential_visit.sh \
	tests/cli/visits_by_article.sh tests/cli/demos_by_article.sh \
	tests/cli/report_conflicts.sh tests/cli/detention_order.sh
EXTRA_DIST += tests/golden/report-small.md tests/golden/report-small-empty.md
