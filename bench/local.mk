## bench/: benchmarks: additions to the top-level Makefile.am (included by it).
