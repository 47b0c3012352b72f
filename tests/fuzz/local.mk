## tests/fuzz/: fuzz targets, added to the top-level Makefile.am (included by it).
## Each target is a program tests/fuzz/NAME.fuzz. Where configure found libFuzzer (clang), it
## is built with it under AddressSanitizer and UndefinedBehaviorSanitizer, linked with copies
## of the libraries compiled with its coverage instrumentation; elsewhere it is built with
## replay.c's main() and the ordinary libraries. `make check` runs tests/fuzz/run.sh on each:
## its corpus (tests/fuzz/corpus/NAME/) replayed, then, with libFuzzer, a few seconds of
## fuzzing. `make fuzz` fuzzes each for FUZZ_SECONDS (default 300).
FUZZ_TARGETS = date article filter codec config import envelope bundle signature
FUZZ_PROGS = tests/fuzz/date.fuzz tests/fuzz/article.fuzz tests/fuzz/filter.fuzz \
	tests/fuzz/codec.fuzz tests/fuzz/config.fuzz tests/fuzz/import.fuzz \
	tests/fuzz/envelope.fuzz tests/fuzz/bundle.fuzz tests/fuzz/signature.fuzz
check_PROGRAMS += $(FUZZ_PROGS)
FUZZ_HDRS = tests/fuzz/fuzz.h tests/fuzz/fuzz_store.h tests/fuzz/fuzz_verify.h
FUZZ_DEP_CFLAGS = $(LMDB_CFLAGS) $(JANSSON_CFLAGS) $(SODIUM_CFLAGS) $(KEYUTILS_CFLAGS) \
	$(ZSTD_CFLAGS) $(UTF8PROC_CFLAGS)

if HAVE_LIBFUZZER
FUZZ_MAIN =
FUZZ_COMPILE = $(AM_CFLAGS) $(FUZZ_CFLAGS) $(FUZZ_DEP_CFLAGS)
FUZZ_LINK = $(AM_LDFLAGS) $(FUZZ_CFLAGS)
FUZZ_LINK_LIBS = tests/fuzz/libcwfuzz.a $(JANSSON_LIBS) $(SODIUM_LIBS) $(LMDB_LIBS) $(KEYUTILS_LIBS) \
	$(ZSTD_LIBS) $(UTF8PROC_LIBS)
check_LIBRARIES += tests/fuzz/libcwfuzz.a
tests_fuzz_libcwfuzz_a_SOURCES = $(libcwmodels_a_SOURCES) $(libcwstore_a_SOURCES) \
	$(libcwseed_a_SOURCES) $(libcwapp_a_SOURCES)
tests_fuzz_libcwfuzz_a_CFLAGS = $(AM_CFLAGS) $(FUZZ_LIB_CFLAGS) $(FUZZ_DEP_CFLAGS)
else
FUZZ_MAIN = tests/fuzz/replay.c
FUZZ_COMPILE = $(AM_CFLAGS) $(FUZZ_DEP_CFLAGS)
FUZZ_LINK = $(AM_LDFLAGS)
FUZZ_LINK_LIBS = libcwapp.a $(SEED_LIBS) $(KEYUTILS_LIBS)
endif

tests_fuzz_date_fuzz_SOURCES = tests/fuzz/date.c $(FUZZ_HDRS) $(FUZZ_MAIN)
tests_fuzz_date_fuzz_CFLAGS = $(FUZZ_COMPILE)
tests_fuzz_date_fuzz_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_date_fuzz_LDADD = $(FUZZ_LINK_LIBS)
tests_fuzz_article_fuzz_SOURCES = tests/fuzz/article.c $(FUZZ_HDRS) $(FUZZ_MAIN)
tests_fuzz_article_fuzz_CFLAGS = $(FUZZ_COMPILE)
tests_fuzz_article_fuzz_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_article_fuzz_LDADD = $(FUZZ_LINK_LIBS)
tests_fuzz_filter_fuzz_SOURCES = tests/fuzz/filter.c $(FUZZ_HDRS) $(FUZZ_MAIN)
tests_fuzz_filter_fuzz_CFLAGS = $(FUZZ_COMPILE)
tests_fuzz_filter_fuzz_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_filter_fuzz_LDADD = $(FUZZ_LINK_LIBS)
tests_fuzz_codec_fuzz_SOURCES = tests/fuzz/codec.c $(FUZZ_HDRS) $(FUZZ_MAIN)
tests_fuzz_codec_fuzz_CFLAGS = $(FUZZ_COMPILE)
tests_fuzz_codec_fuzz_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_codec_fuzz_LDADD = $(FUZZ_LINK_LIBS)
tests_fuzz_config_fuzz_SOURCES = tests/fuzz/config.c $(FUZZ_HDRS) $(FUZZ_MAIN)
tests_fuzz_config_fuzz_CFLAGS = $(FUZZ_COMPILE)
tests_fuzz_config_fuzz_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_config_fuzz_LDADD = $(FUZZ_LINK_LIBS)
tests_fuzz_import_fuzz_SOURCES = tests/fuzz/import.c $(FUZZ_HDRS) $(FUZZ_MAIN)
tests_fuzz_import_fuzz_CFLAGS = $(FUZZ_COMPILE)
tests_fuzz_import_fuzz_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_import_fuzz_LDADD = $(FUZZ_LINK_LIBS)
tests_fuzz_signature_fuzz_SOURCES = tests/fuzz/signature.c $(FUZZ_HDRS) $(FUZZ_MAIN)
tests_fuzz_signature_fuzz_CFLAGS = $(FUZZ_COMPILE)
tests_fuzz_signature_fuzz_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_signature_fuzz_LDADD = $(FUZZ_LINK_LIBS)
tests_fuzz_envelope_fuzz_SOURCES = tests/fuzz/envelope.c $(FUZZ_HDRS) $(FUZZ_MAIN)
tests_fuzz_envelope_fuzz_CFLAGS = $(FUZZ_COMPILE)
tests_fuzz_envelope_fuzz_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_envelope_fuzz_LDADD = $(FUZZ_LINK_LIBS)
tests_fuzz_bundle_fuzz_SOURCES = tests/fuzz/bundle.c $(FUZZ_HDRS) $(FUZZ_MAIN)
tests_fuzz_bundle_fuzz_CFLAGS = $(FUZZ_COMPILE)
tests_fuzz_bundle_fuzz_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_bundle_fuzz_LDADD = $(FUZZ_LINK_LIBS)

## The corpus is every file under tests/fuzz/corpus/ (a folder per target).
EXTRA_DIST += tests/fuzz/run.sh tests/fuzz/corpus tests/RELIABILITY.md
FUZZ_LOG_COMPILER = $(SHELL) $(top_srcdir)/tests/fuzz/run.sh
AM_FUZZ_LOG_FLAGS = check
.PHONY: fuzz
if HAVE_LIBFUZZER
fuzz: $(FUZZ_PROGS)
	@failed=""; for t in $(FUZZ_TARGETS); do \
		FUZZ_ENGINE=libfuzzer FUZZ_CORPUS='$(abs_top_srcdir)/tests/fuzz/corpus' \
			$(SHELL) $(top_srcdir)/tests/fuzz/run.sh fuzz tests/fuzz/$$t.fuzz || \
			failed="$$failed $$t"; \
	done; \
	if test -n "$$failed"; then echo "make fuzz: failed:$$failed"; exit 1; fi
else
fuzz:
	@echo "make fuzz needs clang's libFuzzer, which $(CC) does not have. Install clang and its"
	@echo "runtime (apt-get install clang libclang-rt-dev), then configure a build with CC=clang"
	@echo "(e.g. ./configure CC=clang --enable-sanitizers). make check replays the corpus here."
	@false
endif
## What fuzzing left in the build: a grown corpus and the inputs that crashed.
clean-fuzz:
	rm -rf tests/fuzz/work tests/fuzz/crashes
.PHONY: clean-fuzz
