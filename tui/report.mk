## tui/: reports and exports: additions to the top-level Makefile.am (included by it).
