## store/: sync (merge rule, bundles and their signed envelope, export marks), this database's
## identity and the peers it trusts; added to the top-level Makefile.am (included by it).
libcwstore_a_SOURCES += \
	store/sync.h store/sync_internal.h \
	store/merge.c store/bundle.c store/peers.c \
	store/identity.c store/identity.h store/trust.c store/trust.h store/envelope.c \
	store/signature.c store/signature.h
libcwstore_a_CFLAGS += $(JANSSON_CFLAGS) $(ZSTD_CFLAGS)

## The merge rule, bundles and their envelope in-process (stores in temporary directories), and
## the real binary: laptops and a supervisor exchanging bundles in different orders, bundles
## refused, and signed, encrypted bundles against forgers.
check_PROGRAMS += tests/check_sync
tests_check_sync_SOURCES = tests/check_sync.c tests/testutil.h tests/test_keys.h
tests_check_sync_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(LMDB_CFLAGS) $(JANSSON_CFLAGS) \
	$(ZSTD_CFLAGS)
tests_check_sync_LDADD = $(STORE_LIBS) $(CHECK_LIBS)

SLOW_TESTS += tests/cli/sync.sh tests/cli/bundles_signed.sh
CLI_TESTS += tests/cli/sync_refused.sh tests/cli/peer_removed.sh tests/cli/peer_removed_told.sh \
	tests/cli/sync_clocks.sh tests/cli/deletions.sh tests/cli/bundles_stream.sh \
	tests/cli/signatures.sh tests/cli/signature_target.sh tests/cli/resolve_fields.sh \
	tests/cli/delete_ruling_stage.sh \
	tests/cli/bundles_v2.sh tests/cli/bundle_output.sh tests/cli/bundle_lost.sh \
	tests/cli/bundle_lost_two.sh tests/cli/inspect_removed.sh tests/cli/inspect_key.sh \
	tests/cli/peer_removed_name.sh \
	tests/cli/report_bundle_missing.sh
