#!/bin/sh
# store_plain.sh - the store's check suite once more on plain (unencrypted) stores: the demo
# database and databases made with init --no-encryption keep the layout they always had.
CASEWATCH_TEST_PLAIN=1 exec "${CHECK_STORE:-./tests/check_store}"
