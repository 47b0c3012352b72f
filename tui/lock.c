/* lock.c - locking the terminal interface: L, or no key for lock_after (the config file).
 *
 * A laptop left open in a courtroom corridor must show nothing and hold no key. Locking
 * forgets what the screens copied from the database (the lists' windows, every screen above
 * them, the filter, a question or message that may name a record) and a form in progress, once
 * it is kept as a draft (sealed in the database like a record; opened again after unlocking,
 * so a hearing listened to for longer than lock_after loses nothing typed), closes
 * the store, which wipes the key (the vault lives in sodium_malloc'd memory), takes the key out
 * of the kernel keyring too (else `casewatch list` in another terminal would still read the
 * database without the passphrase), and clears the terminal itself, not only curses' copy.
 * Until the right passphrase is typed only the lock screen is drawn: fixed text, the database
 * folder and what happened at the last try (or why it locked), wrapped to be read whole. The
 * passphrase is typed into guarded memory and wiped after each try; it is checked by opening
 * the key slot, as the command line does.
 *
 * The stack below the lock's frame, where drawing left record text, is wiped too. What the
 * heap still holds (records the screens freed, curses' own buffers of what it drew, the lines
 * of a list) is not wiped piece by piece: once the store is closed and the forms kept, the
 * process starts itself again (execv of its own program with its own arguments), straight onto
 * the lock screen, with the little it must remember in the environment (RESUME_ENV: the
 * database's id, the tab, the drafts to open again, the lock screen's line; no data, no key).
 * A new process image has none of the old one's memory: a dump of the locked process, or a
 * laptop hibernated with it, holds nothing of the database. Should the exec fail, it stays
 * locked in this process, as before. A script (tests) locks in this process. */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "app/unlock.h"
#include "models/i18n.h"
#include "models/text.h"
#include "tui/view_app.h"

/* Milliseconds on a clock that keeps running while the laptop sleeps (CLOCK_BOOTTIME), so a
 * lid closed for an hour locks at the first turn of the loop after it opens; a script's clock
 * is its ticks, so tests need not wait. */
static int64_t now_ms(const struct cw_app *app)
{
	struct timespec ts;

	if (app->scripted)
		return app->script_ms;
#ifdef CLOCK_BOOTTIME
	if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
		return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
#endif
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void pass_wipe(struct cw_app *app)
{
	if (app->pass)
		sodium_memzero(app->pass, CW_PASSPHRASE_MAX + 1);
	app->pass_len = app->pass_chars = 0;
}

/* Everything the screens keep that came from the database, or that the user typed about it. */
static void forget_screens(struct cw_app *app)
{
	while (app->depth > 0)
		cw_app_pop(app);
	for (int i = 0; i < CW_TAB_COUNT; i++) {
		cw_record_list_free(&app->tabs[i].win);
		cw_pager_home(&app->tabs[i].pg);
	}
	cw_agenda_free(&app->agenda);
	cw_app_forget_report(app);
	if (app->warnings)
		app->warnings_wiped = 1;
	cw_app_forget_warnings(app);
	cw_app_forget_doubled(app);
	cw_drafts_free(app->drafts, app->ndrafts);
	app->drafts = NULL;
	app->ndrafts = 0;
	sodium_memzero(app->filter.line, sizeof app->filter.line);
	cw_filter_state_clear(&app->filter);
	app->prompting = CW_PROMPT_NONE;
	if (app->prompt.buf)
		sodium_memzero(app->prompt.buf, app->prompt.cap);
	cw_edit_free(&app->prompt);
	app->question = CW_Q_NONE;
	sodium_memzero(app->question_text, sizeof app->question_text);
	sodium_memzero(app->status, sizeof app->status);
	sodium_memzero(app->info, sizeof app->info);
}

/* Every form with unsaved changes kept as a draft, sealed in the database like a record,
 * before the store closes: a monitor who listens to a hearing for ten minutes without a key
 * must find the form again, not lose it. Returns how many forms had changes; *lost says how
 * many of them could not be kept, and why[] why. */
static int keep_forms(struct cw_app *app, int keep, int *lost, char *why, size_t len)
{
	int changed = 0;

	*lost = 0;
	app->nlock_drafts = 0;
	for (int i = 1; i <= app->depth; i++) {
		struct cw_form *fm = app->stack[i].type == CW_V_FORM ? app->stack[i].form : NULL;
		struct cw_error err;
		int made;

		if (!fm || !fm->dirty)
			continue;
		changed++;
		made = cw_id_is_zero(&fm->draft_id) || fm->lock_draft;
		if (!keep) {
			(*lost)++;
		} else if (cw_app_keep_draft(app, fm, &err) != 0) {
			(*lost)++;
			cw_error_format(&err, why, len);
		} else if (app->nlock_drafts < CW_LOCK_DRAFTS) {
			app->lock_made[app->nlock_drafts] = made;
			app->lock_drafts[app->nlock_drafts++] = fm->draft_id;
		}
	}
	return changed;
}

/* Drawing passed record text through buffers on the stack (a list's lines, a form's fields),
 * in frames deeper than the lock screen's calls reach: wiped below the caller's frame, in a
 * frame of its own (noinline), with a wipe the compiler keeps. */
static __attribute__((noinline)) void wipe_stack_below(void)
{
	unsigned char below[256 * 1024];

	sodium_memzero(below, sizeof below);
}

/* Adds a sentence to the lock screen's line. */
static void note_add(struct cw_app *app, const char *text)
{
	size_t at = strlen(app->lock_note);

	snprintf(app->lock_note + at, sizeof app->lock_note - at, "%s%s", at ? "; " : "", text);
}

/* keep: the unsaved forms are kept as drafts (not when the key is gone for good). */
static void lock_now(struct cw_app *app, int keep)
{
	int filtered = app->filter.line[0] != '\0', lost, changed;
	struct cw_error err;
	char why[CW_MESSAGE_MAX] = "";

	cw_store_database_id(app->st, &app->database);
	changed = keep_forms(app, keep, &lost, why, sizeof why);
	forget_screens(app);
	cw_session_close(app->session);
	app->st = NULL;
	app->locked = 1;
	if (!app->pass)
		app->pass = sodium_malloc(CW_PASSPHRASE_MAX + 1);
	pass_wipe(app);
	/* What became of the user's typing is worth a line on the lock screen: they see it
	 * before typing. */
	if (lost)
		snprintf(app->lock_note, sizeof app->lock_note,
			 _("the unsaved form was discarded%s%.200s"), why[0] ? ": " : "", why);
	else if (changed)
		snprintf(app->lock_note, sizeof app->lock_note,
			 _("the unsaved form was kept as a draft: it opens again once unlocked"));
	else
		app->lock_note[0] = '\0';
	if (filtered)
		note_add(app, _("the filter was cleared"));
	if (!app->pass)
		snprintf(app->lock_note, sizeof app->lock_note,
			 _("out of memory for the passphrase: C-c quits"));
	if (cw_keyring_remove(&app->database, &err) != 0)
		snprintf(app->lock_note, sizeof app->lock_note,
			 _("the key is still in the kernel keyring: run casewatch lock"));
	/* The next refresh rewrites the whole terminal, not only what curses thinks changed. */
	cw_screen_repaint();
	wipe_stack_below();
}

/* ---- starting again, locked ------------------------------------------------------------- */

#define RESUME_ENV     "CASEWATCH_LOCKED_RESUME"
#define RESUME_VERSION 1

/* The process's own arguments, from /proc/self/cmdline (NUL-separated); NULL when unreadable.
 * The caller frees the vector and *text. */
static char **own_argv(char **text)
{
	size_t cap = 4096, len = 0, n = 0;
	char *buf = malloc(cap), **argv;
	int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
	ssize_t got;

	*text = NULL;
	if (!buf || fd < 0) {
		free(buf);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	while ((got = read(fd, buf + len, cap - len - 1)) > 0) {
		len += (size_t)got;
		if (len + 1 == cap) {
			char *grown = realloc(buf, cap * 2);

			if (!grown) {
				len = 0;
				break;
			}
			buf = grown;
			cap *= 2;
		}
	}
	close(fd);
	if (got < 0 || len == 0) {
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	for (size_t i = 0; i < len; i++)
		n += buf[i] == '\0';
	if (buf[len - 1] != '\0')
		n++;
	if (!(argv = calloc(n + 1, sizeof *argv))) {
		free(buf);
		return NULL;
	}
	for (size_t i = 0, k = 0; i < len && k < n; k++) {
		argv[k] = buf + i;
		i += strlen(buf + i) + 1;
	}
	*text = buf;
	return argv;
}

/* What the new process needs, as text: version, database id, tab, warnings wiped, the drafts
 * (id and whether the lock made it), then the lock screen's line in hex. */
static int resume_state(const struct cw_app *app, char *out, size_t len)
{
	char hex[CW_ID_HEX_LEN + 1];
	size_t at;
	int n;

	cw_id_hex(&app->database, hex);
	n = snprintf(out, len, "%d %s %d %d %zu", RESUME_VERSION, hex, (int)app->tab,
		     app->warnings_wiped, app->nlock_drafts);
	if (n < 0 || (size_t)n >= len)
		return -1;
	at = (size_t)n;
	for (size_t i = 0; i < app->nlock_drafts; i++) {
		cw_id_hex(&app->lock_drafts[i], hex);
		n = snprintf(out + at, len - at, " %s:%d", hex, app->lock_made[i] != 0);
		if (n < 0 || (size_t)n >= len - at)
			return -1;
		at += (size_t)n;
	}
	if (at + 2 >= len)
		return -1;
	out[at++] = ' ';
	out[at++] = '-'; /* the line follows, maybe empty */
	for (const unsigned char *c = (const unsigned char *)app->lock_note; *c; c++) {
		if (at + 3 >= len)
			return -1;
		snprintf(out + at, 3, "%02x", *c);
		at += 2;
	}
	out[at] = '\0';
	return 0;
}

/* Starts this program again on the lock screen (above); returns only when it could not. Every
 * lock ends here, once its line is written. */
static void relaunch_locked(struct cw_app *app)
{
	char state[CW_LOCK_DRAFTS * 40 + 1024], *text = NULL, **argv;

	/* The lock screen on the terminal first, then "locked" said to a `casewatch lock` that
	 * waits for it, which counts it: only what is done is said. Leaving makes `lock` reach
	 * this process no more; unlocking makes a new file, so that no request made before can
	 * lock it again. */
	if (app->locked && app->reach.joined) {
		cw_lock_draw(app);
		cw_lockreq_leave(&app->reach, 1);
	}
	if (app->scripted || !app->locked || resume_state(app, state, sizeof state) != 0 ||
	    !(argv = own_argv(&text)))
		return;
	cw_screen_close(); /* the terminal's own modes back, for the new process to take */
	if (setenv(RESUME_ENV, state, 1) == 0) {
		char self[4096];
		ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);

		/* By its own path, so that it keeps its name (ps, top); by /proc/self/exe when
		 * that path is gone (casewatch upgraded while it ran). */
		if (n > 0 && (size_t)n < sizeof self - 1) {
			self[n] = '\0';
			execv(self, argv);
		}
		execv("/proc/self/exe", argv);
	}
	/* Still here: locked in this process, as the lock always was. */
	unsetenv(RESUME_ENV);
	free(argv);
	free(text);
	if (cw_screen_open(0, 0, 0) != 0)
		app->quit = 1;
	cw_screen_repaint();
}

/* Started again from /proc/self/exe (its file was gone: casewatch upgraded while it ran), the
 * process is named "exe" in ps and top: it takes its file's name back. */
static void name_again(void)
{
	char comm[32] = "", self[4096], *base, *gone;
	ssize_t n;
	FILE *f = fopen("/proc/self/comm", "r");

	if (!f)
		return;
	if (!fgets(comm, sizeof comm, f))
		comm[0] = '\0';
	fclose(f);
	if (strcmp(comm, "exe\n") != 0 ||
	    (n = readlink("/proc/self/exe", self, sizeof self - 1)) <= 0)
		return;
	self[n] = '\0';
	if ((gone = strstr(self, " (deleted)")) && gone[10] == '\0')
		*gone = '\0';
	base = strrchr(self, '/') ? strrchr(self, '/') + 1 : self;
	if (*base)
		prctl(PR_SET_NAME, base, 0, 0, 0); /* the kernel keeps its first 15 bytes */
}

int cw_lock_resume(struct cw_app *app)
{
	const char *env = getenv(RESUME_ENV);
	char state[CW_LOCK_DRAFTS * 40 + 1024], hex[CW_ID_HEX_LEN + 1], *p, *end;
	int version, tab, wiped, used;
	size_t n, at = 0;

	if (!env)
		return 0;
	name_again();
	snprintf(state, sizeof state, "%s", env);
	unsetenv(RESUME_ENV); /* not for the programs this one starts */
	if (sscanf(state, "%d %32s %d %d %zu%n", &version, hex, &tab, &wiped, &n, &used) != 5 ||
	    version != RESUME_VERSION || cw_id_parse_hex(hex, &app->database) != 0 || tab < 0 ||
	    tab >= CW_TAB_COUNT || n > CW_LOCK_DRAFTS)
		return 0;
	p = state + used;
	for (size_t i = 0; i < n; i++) {
		int made;

		if (sscanf(p, " %32[0-9a-f]:%d%n", hex, &made, &used) != 2 ||
		    cw_id_parse_hex(hex, &app->lock_drafts[i]) != 0)
			return 0;
		app->lock_made[i] = made != 0;
		p += used;
	}
	if (strncmp(p, " -", 2) != 0)
		return 0;
	p += 2;
	for (end = p; *end && at + 1 < sizeof app->lock_note; end += 2) {
		unsigned int c;

		if (!end[1] || sscanf(end, "%2x", &c) != 1)
			return 0;
		app->lock_note[at++] = (char)c;
	}
	app->lock_note[at] = '\0';
	app->nlock_drafts = n;
	app->tab = tab;
	app->warnings_wiped = wiped != 0;
	/* Nothing opened yet has readied libsodium in this process. */
	if (sodium_init() < 0 || !(app->pass = sodium_malloc(CW_PASSPHRASE_MAX + 1)))
		snprintf(app->lock_note, sizeof app->lock_note,
			 _("out of memory for the passphrase: C-c quits"));
	pass_wipe(app);
	app->st = NULL;
	app->locked = 1;
	return 1;
}

/* Once unlocked: the forms kept when it locked, opened again from their drafts (an edit's
 * changes put on the record as it is now, should a bundle have changed it meanwhile). */
static void reopen_forms(struct cw_app *app)
{
	size_t n = app->nlock_drafts;

	app->nlock_drafts = 0;
	for (size_t i = 0; i < n; i++) {
		struct cw_draft d;
		struct cw_error err;

		if (cw_store_draft_get(app->st, &app->lock_drafts[i], &d, &err) != 0) {
			cw_app_error(app, &err);
			continue;
		}
		cw_app_open_draft(app, &d);
		if (cw_app_top(app)->type == CW_V_FORM &&
		    cw_id_equal(&cw_app_top(app)->form->draft_id, &d.id))
			cw_app_top(app)->form->lock_draft = app->lock_made[i];
		cw_draft_free(&d);
	}
}

void cw_app_lock(struct cw_app *app)
{
	if (app->locked)
		return;
	if (!cw_store_encrypted(app->st)) {
		cw_app_status(app, 1, "this database is not encrypted: there is no key to lock");
		return;
	}
	lock_now(app, 1);
	relaunch_locked(app);
}

int cw_app_lock_if_key_gone(struct cw_app *app)
{
	if (app->locked || !app->st || !cw_session_key_gone(app->session))
		return 0;
	lock_now(app, 0);
	snprintf(app->lock_note, sizeof app->lock_note, "%s",
		 _("the key was destroyed (destroy-key): this database cannot be opened again "
		   "unless 'casewatch key import FILE' restores it"));
	relaunch_locked(app);
	return 1;
}

int cw_app_lock_if_asked(struct cw_app *app)
{
	enum cw_lockreq_state state;

	if (app->locked || !app->st || (state = cw_lockreq_asked(&app->reach)) == CW_LOCKREQ_NONE)
		return 0;
	lock_now(app, 1);
	/* Said, so that a monitor whose screen locks by itself knows why. */
	note_add(app,
		 state == CW_LOCKREQ_ASKED
			 ? _("locked by casewatch lock in another terminal")
			 : _("locked: the file by which casewatch lock reaches it was removed"));
	relaunch_locked(app);
	return 1;
}

void cw_app_reachable(struct cw_app *app)
{
	struct cw_error err;
	struct cw_id id;
	char why[CW_ERROR_LINE_MAX];

	if (app->scripted || app->locked || !app->st || !cw_store_encrypted(app->st))
		return;
	cw_store_database_id(app->st, &id);
	if (cw_lockreq_join(&app->reach, &id, &err) == 0)
		return;
	cw_error_format(&err, why, sizeof why);
	cw_app_status(app, 1,
		      "casewatch lock cannot reach this terminal interface (%s): L locks it", why);
}

int cw_app_keep_forms_at_exit(struct cw_app *app, char *why, size_t len)
{
	int lost = 0;

	if (len)
		why[0] = '\0';
	if (app->locked || !app->st)
		return 0;
	keep_forms(app, 1, &lost, why, len);
	return lost;
}

int64_t cw_app_now_ms(const struct cw_app *app)
{
	return now_ms(app);
}

void cw_app_touch(struct cw_app *app)
{
	app->last_key_ms = now_ms(app);
}

int cw_app_idle(struct cw_app *app, int key)
{
	int idle = key < 0 || key == CW_KEY_TICK || key == CW_FN(KEY_RESIZE);
	int64_t now;

	if (app->scripted && key == CW_KEY_TICK)
		app->script_ms += CW_TICK_MS;
	now = now_ms(app);
	/* Checked before a key counts as presence: after a long sleep, the first key pressed
	 * must not reveal the screen it would otherwise have kept. */
	if (!app->locked && app->lock_after && cw_store_encrypted(app->st) &&
	    now - app->last_key_ms >= (int64_t)app->lock_after * 1000) {
		lock_now(app, 1);
		app->last_key_ms = now;
		relaunch_locked(app);
		return 1;
	}
	if (!idle)
		app->last_key_ms = now;
	return 0;
}

void cw_lock_end(struct cw_app *app)
{
	cw_lockreq_leave(&app->reach, 0);
	pass_wipe(app);
	sodium_free(app->pass);
	app->pass = NULL;
}

/* ---- the lock screen -------------------------------------------------------------------- */

/* Puts text on the rows from y to last (at most), wrapped at `width` columns as they show (a
 * Khmer cluster is never split, a line ends after a space where one fits); the last row
 * takes what is left, cut with "…" if it must be. The lock screen's lines are read whole:
 * destroy-key's explanation, cut at 80 columns, ended "cannot be opened again unl…" (a field
 * trial). Returns the row after the last one put. */
static int put_wrapped(int y, int last, int x, int width, const char *text, enum cw_role role)
{
	char *safe = cw_text_for_terminal(text, 0);
	const char *p = safe ? safe : "";

	for (; *p && y <= last; y++) {
		size_t n = cw_text_wrap(p, width > 0 ? width : 1);
		char *row = y < last ? strndup(p, n) : NULL;

		cw_screen_put(y, x, width, row ? row : p, role);
		free(row);
		p += n ? n : 1;
	}
	free(safe);
	return y;
}

void cw_lock_draw(struct cw_app *app)
{
	const char *prompt = _("casewatch is locked — passphrase: ");
	int lines = cw_screen_lines(), cols = cw_screen_cols(), y = lines / 2 - 3, x = 2;
	char line[400], where[600];
	size_t stars = app->pass_chars < 40 ? app->pass_chars : 40;
	int at, row;

	if (y < 0)
		y = 0;
	if (cols < 20)
		x = 0;
	snprintf(line, sizeof line, "%s%.*s", prompt, (int)stars,
		 "****************************************");
	cw_screen_clear();
	cw_screen_put(y, x, cols - x, line, CW_ROLE_TITLE);
	at = x + cw_text_width(line);
	if (at < cols)
		cw_screen_cursor(y, at);
	snprintf(where, sizeof where, _("database: %.500s"), app->session->db_dir);
	/* Every line whole, above the status line: the folder on two rows at most, what
	 * happened on the rest. */
	row = put_wrapped(y + 2, y + 3 < lines - 2 ? y + 3 : lines - 2, x, cols - x, where,
			  CW_ROLE_HINT);
	if (app->lock_note[0])
		put_wrapped(row, lines - 2, x, cols - x, app->lock_note, CW_ROLE_ERROR);
	cw_screen_fill(lines - 1, CW_ROLE_STATUS);
	cw_screen_put(lines - 1, 0, cols, _("locked | Enter unlocks | C-u clears | C-c quits"),
		      CW_ROLE_STATUS);
	cw_screen_refresh();
}

/* Appends one code point to the passphrase, as UTF-8. */
static void pass_add(struct cw_app *app, uint32_t cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80)
		u[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F)),
		u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	else
		u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3F)),
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	if (app->pass_len + n > CW_PASSPHRASE_MAX) {
		snprintf(app->lock_note, sizeof app->lock_note,
			 _("longer than any passphrase casewatch takes (%d bytes)"),
			 CW_PASSPHRASE_MAX);
		return;
	}
	memcpy(app->pass + app->pass_len, u, n);
	app->pass_len += n;
	app->pass[app->pass_len] = '\0';
	app->pass_chars++;
	sodium_memzero(u, sizeof u);
}

static void pass_backspace(struct cw_app *app)
{
	if (app->pass_len == 0)
		return;
	/* Back over continuation bytes to the start of the last character. */
	do
		app->pass[--app->pass_len] = '\0';
	while (app->pass_len > 0 && ((unsigned char)app->pass[app->pass_len] & 0xC0) == 0x80);
	app->pass_chars--;
}

static void try_unlock(struct cw_app *app)
{
	struct cw_session *s = app->session;
	struct cw_error err;
	struct cw_id id;
	int rc;

	if (app->pass_len == 0) {
		snprintf(app->lock_note, sizeof app->lock_note,
			 _("type the passphrase, then Enter"));
		return;
	}
	/* Deriving the key takes about half a second: say so rather than look frozen. */
	snprintf(app->lock_note, sizeof app->lock_note, _("checking the passphrase…"));
	cw_lock_draw(app);
	cw_error_clear(&err);
	rc = cw_session_open_with_passphrase(s, app->pass, app->pass_len, &err);
	pass_wipe(app);
	if (rc == 0) {
		cw_store_database_id(s->store, &id);
		if (!cw_id_equal(&id, &app->database)) {
			/* Another database put in its folder while locked: not what was locked. */
			cw_session_close(s);
			rc = cw_error_set(&err, CW_EREFUSED, "database",
					  "the database in this folder is not the one that was "
					  "locked");
		}
	}
	if (rc == CW_EKEY && !strcmp(err.field, "passphrase")) {
		snprintf(app->lock_note, sizeof app->lock_note,
			 _("wrong passphrase: still locked"));
		return;
	}
	if (rc != 0) {
		cw_error_format(&err, app->lock_note, sizeof app->lock_note);
		return;
	}
	app->st = s->store;
	app->locked = 0;
	app->lock_note[0] = '\0';
	app->generation = cw_store_generation(app->st);
	cw_app_invalidate(app);
	cw_app_touch(app);
	cw_screen_repaint();
	if (app->nlock_drafts)
		cw_app_status(app, 0, "unlocked: the form is open again as it was");
	else
		cw_app_status(app, 0, "unlocked");
	cw_app_reachable(app);
	reopen_forms(app);
	/* A database upgraded at this opening (an earlier copy of it put back in its folder
	 * while locked): over the forms, which Esc shows again. */
	cw_app_upgrade_note(app);
}

void cw_lock_key(struct cw_app *app, int key)
{
	switch (cw_keys_lookup(CW_CTX_LOCK, key)) {
	case CW_ACT_QUIT:
		app->quit = 1;
		return;
	case CW_ACT_UNLOCK:
		if (app->pass)
			try_unlock(app);
		return;
	case CW_ACT_BACKSPACE:
		if (app->pass)
			pass_backspace(app);
		return;
	case CW_ACT_KILL_LINE:
		pass_wipe(app);
		return;
	default:
		break;
	}
	/* Printable characters only: Esc, arrows and other control keys are not passphrases. */
	if (app->pass && !CW_KEY_IS_FN(key) && key >= 0x20 && key != 0x7F && key <= 0x10FFFF &&
	    !(key >= 0xD800 && key <= 0xDFFF))
		pass_add(app, (uint32_t)key);
}
