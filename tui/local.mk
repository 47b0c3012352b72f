## tui/: the curses front end. It opens the store through app/ and writes reports through
## report/; it never sees the command line's option parser.
libcwtui_a_SOURCES += \
	tui/tui.c tui/tui.h \
	tui/keys.c tui/keys.h \
	tui/widget.c tui/widget.h \
	tui/form.c tui/form.h \
	tui/form_build.c \
	tui/form_suggest.c \
	tui/form_cases.c \
	tui/form_keys.c \
	tui/form_words.c \
	tui/form_draft.c \
	tui/form_links.c \
	tui/form_which.c \
	tui/form_internal.h \
	tui/screen.c tui/screen.h \
	tui/lock.c \
	tui/view_app.h \
	tui/view_list.c \
	tui/view_detail.c \
	tui/view_form.c
libcwtui_a_CFLAGS = $(AM_CFLAGS) $(NCURSESW_CFLAGS) $(JANSSON_CFLAGS) $(SODIUM_CFLAGS)

## The logic that does not draw (keys, paging, columns, fitting, filter line, forms), tested
## without a terminal; linked with ncursesw only for the key codes of curses.h.
check_PROGRAMS += tests/check_tui
tests_check_tui_SOURCES = tests/check_tui.c tests/testutil.h tests/store_fixture.h tests/test_keys.h \
	tests/damage_fixture.h
tests_check_tui_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(NCURSESW_CFLAGS) $(LMDB_CFLAGS)
## With the codec whose allocations the test can fail (Makefile.am's tests/libcodec_oom.a):
## its object itself, as this test calls the codec only through the store.
tests_check_tui_LDADD = $(tests_libcodec_oom_a_OBJECTS) tests/libfailalloc.a libcwtui.a libcwreport.a $(APP_LIBS) \
	$(NCURSESW_LIBS) $(CHECK_LIBS)

CLI_TESTS += \
	tests/tui/scripted.sh \
	tests/tui/tmux.sh \
	tests/tui/links.sh \
	tests/tui/timeline_small.sh \
	tests/tui/stale_edit.sh \
	tests/tui/agenda.sh \
	tests/tui/visit_access.sh \
	tests/tui/quick.sh \
	tests/tui/search.sh \
	tests/tui/conflicts.sh \
	tests/tui/doubled.sh \
	tests/tui/lock.sh \
	tests/tui/lock_command.sh \
	tests/tui/hangup.sh \
	tests/tui/editor.sh \
	tests/tui/new_people.sh \
	tests/tui/attachments.sh \
	tests/tui/dates.sh \
	tests/tui/defendants.sh tests/tui/group_detention.sh tests/tui/group_label.sh \
	tests/tui/case_groups.sh \
	tests/tui/khmer.sh tests/tui/khmer_prompts.sh tests/tui/khmer_timeline.sh \
	tests/tui/confidential.sh tests/tui/confidential_words.sh \
	tests/tui/week.sh tests/tui/week_fields.sh \
	tests/tui/fields.sh tests/tui/form_cuts.sh \
	tests/tui/word_labels.sh \
	tests/tui/words_last_field.sh \
	tests/tui/account_follows.sh \
	tests/tui/person_picker.sh \
	tests/tui/namesakes.sh \
	tests/tui/milestone_case.sh \
	tests/tui/edit_required.sh \
	tests/tui/advice.sh \
	tests/tui/damaged_names.sh \
	tests/tui/damaged_saved.sh \
	tests/tui/damaged_view.sh \
	tests/tui/damaged_suggest.sh \
	tests/tui/damaged_backup.sh \
	tests/tui/upgrade_damaged.sh \
	tests/tui/pane_resize.sh \
	tests/tui/start_passphrase.sh \
	tests/tui/timeline_from_records.sh
EXTRA_DIST += tests/tui/lib.sh tests/tui/stack_scan.py
