## bench/: benchmarks: additions to the top-level Makefile.am (included by it).
## The benchmark is built with everything else when SQLite is there (so a change that breaks it
## fails the build), never installed and never run by `make check`: its figures are
## measurements, not tests. `make bench` runs it at a million monitoring records,
## `make bench-quick` at 20,000, `make bench-scale` at each of BENCH_SIZES one after the other
## with one table of every figure by size (bench/scale.sh; its files go to the build
## directory). Without SQLite (configure says so) they say what to install.
EXTRA_DIST += bench/RESULTS.md bench/scale.sh
BENCH_FLAGS =
BENCH_SIZES = 20000 200000 1000000
BENCH_SCALE_FLAGS = --runs 5 --load-runs 1
MOSTLYCLEANFILES = bench-scale.md bench-scale.tsv bench-scale-*.txt bench-scale-*.log
.PHONY: bench bench-quick bench-scale

if HAVE_SQLITE
noinst_PROGRAMS += bench/bench
bench_bench_SOURCES = bench/bench.c bench/bench.h bench/bench_sqlite.c \
	bench/generate.c bench/generate.h
## SQLite (Debian's libsqlite3-dev) is found by configure with pkg-config.
bench_bench_CFLAGS = $(AM_CFLAGS) $(LMDB_CFLAGS) $(SQLITE3_CFLAGS)
bench_bench_LDADD = libcwreport.a $(STORE_LIBS) $(SQLITE3_LIBS) -lm

bench: bench/bench$(EXEEXT) casewatch$(EXEEXT)
	./bench/bench$(EXEEXT) --casewatch ./casewatch$(EXEEXT) --events 1000000 --runs 5 \
		--load-runs 3 $(BENCH_FLAGS)
bench-quick: bench/bench$(EXEEXT) casewatch$(EXEEXT)
	./bench/bench$(EXEEXT) --casewatch ./casewatch$(EXEEXT) --events 20000 --runs 7 \
		--load-runs 3 $(BENCH_FLAGS)
bench-scale: bench/bench$(EXEEXT) casewatch$(EXEEXT)
	$(SHELL) $(srcdir)/bench/scale.sh ./bench/bench$(EXEEXT) ./casewatch$(EXEEXT) \
		"$(BENCH_SIZES)" $(BENCH_SCALE_FLAGS) $(BENCH_FLAGS)
else
EXTRA_DIST += bench/bench.c bench/bench.h bench/bench_sqlite.c bench/generate.c \
	bench/generate.h
bench bench-quick bench-scale:
	@echo "The benchmarks compare casewatch with SQLite, which configure did not find."
	@echo "Install it (apt-get install libsqlite3-dev), then run ./configure again."
	@false
endif

## What photos cost (issue 17): 1,000 files of 3 MiB attached, verified, bundled, imported
## (bench/attachments.sh; needs about 12 GB of free disk under $TMPDIR; ATTACH_BENCH to change
## "N SIZE_MIB BATCH").
ATTACH_BENCH = 1000 3 100
EXTRA_DIST += bench/attachments.sh
.PHONY: bench-attachments
bench-attachments: casewatch$(EXEEXT)
	$(SHELL) $(srcdir)/bench/attachments.sh ./casewatch$(EXEEXT) $(ATTACH_BENCH)
