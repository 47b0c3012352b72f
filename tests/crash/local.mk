## tests/crash/: writes killed at random moments (crash.sh) and writes whose disk fails under
## them (faults.sh, through faultshim.so, an LD_PRELOAD library); added to the top-level
## Makefile.am (included by it). make check runs both, short: 30 kills, and the first and last
## call of each kind failed. make crash-test runs CRASH_RUNS kills (default 1000) and fails
## every call in turn.
SLOW_TESTS += tests/crash/faults.sh tests/crash/crash.sh
EXTRA_DIST += tests/crash/common.sh tests/crash/faultshim.c

## The shim is a shared object built with a plain rule (the project has no libtool), without
## the sanitizers: it is loaded into processes that may not have them. Only make check builds it.
FAULTSHIM = tests/crash/faultshim.so
check_DATA = $(FAULTSHIM)
$(FAULTSHIM): $(srcdir)/tests/crash/faultshim.c
	@$(MKDIR_P) tests/crash
	$(AM_V_CC)$(CC) -std=c11 $(CW_WARN) $(CFLAGS) -shared -fPIC -o $@ \
		$(srcdir)/tests/crash/faultshim.c -ldl
CLEANFILES += $(FAULTSHIM)

## What a failed crash test keeps for a look: the database as it was after the kill.
clean-crash:
	rm -rf tests/crash/failed-*
.PHONY: clean-crash crash-test
crash-test: casewatch$(EXEEXT) $(FAULTSHIM)
	@$(AM_TESTS_ENVIRONMENT) CRASH_RUNS=$${CRASH_RUNS:-1000} FAULTSHIM='$(abs_top_builddir)/$(FAULTSHIM)'; \
	export CRASH_RUNS FAULTSHIM; \
	$(SHELL) $(srcdir)/tests/crash/crash.sh && \
	FAULT_ALL=1 $(SHELL) $(srcdir)/tests/crash/faults.sh
