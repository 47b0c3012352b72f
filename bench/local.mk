## bench/: benchmarks: additions to the top-level Makefile.am (included by it).
## The benchmark is built with everything else (so a change that breaks it fails the build),
## never installed and never run by `make check`: its figures are measurements, not tests.
## `make bench` runs it at a million monitoring records, `make bench-quick` at 20,000.
noinst_PROGRAMS = bench/bench
bench_bench_SOURCES = bench/bench.c bench/bench.h bench/bench_sqlite.c \
	bench/generate.c bench/generate.h
## SQLite (Debian's libsqlite3-dev) is found with pkg-config when the benchmark is compiled.
BENCH_PC = $(PKG_CONFIG) sqlite3 --
BENCH_SQLITE_CFLAGS = `$(BENCH_PC)cflags`
BENCH_SQLITE_LIBS = `$(BENCH_PC)libs`
bench_bench_CFLAGS = $(AM_CFLAGS) $(LMDB_CFLAGS) $(BENCH_SQLITE_CFLAGS)
bench_bench_LDADD = $(STORE_LIBS) $(BENCH_SQLITE_LIBS) -lm
bench_bench_DEPENDENCIES = libcwstore.a libcwmodels.a
EXTRA_DIST += bench/RESULTS.md

BENCH_FLAGS =
.PHONY: bench bench-quick
bench: bench/bench$(EXEEXT) casewatch$(EXEEXT)
	./bench/bench$(EXEEXT) --casewatch ./casewatch$(EXEEXT) --events 1000000 --runs 5 \
		--load-runs 3 $(BENCH_FLAGS)
bench-quick: bench/bench$(EXEEXT) casewatch$(EXEEXT)
	./bench/bench$(EXEEXT) --casewatch ./casewatch$(EXEEXT) --events 20000 --runs 7 \
		--load-runs 3 $(BENCH_FLAGS)
