## tui/: reports and exports: additions to the top-level Makefile.am (included by it).
## store/report.c gathers a summary through the public store API; tui/report_*.c write it.
libcwstore_a_SOURCES += store/report.c store/report.h
casewatch_SOURCES += tui/cli_report.c tui/cli_report.h tui/report_rows.c tui/report_md.c \
	tui/report_html.c tui/report_csv.c tui/report_json.c tui/report_ics.c

check_PROGRAMS += tests/check_report
tests_check_report_SOURCES = tests/check_report.c tests/testutil.h tests/store_fixture.h
tests_check_report_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(LMDB_CFLAGS)
tests_check_report_LDADD = $(STORE_LIBS) $(CHECK_LIBS)

CLI_TESTS += tests/cli/report.sh tests/cli/report_formats.sh tests/cli/report_escaping.sh \
	tests/cli/export.sh
EXTRA_DIST += tests/golden/report-small.md tests/golden/report-small-empty.md
