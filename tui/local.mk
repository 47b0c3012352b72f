## tui/: the curses front end: additions to the top-level Makefile.am (included by it).
