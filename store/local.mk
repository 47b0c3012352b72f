## store/: sync, bundles and audit: additions to the top-level Makefile.am (included by it).
