/* cmd_attach.c - attach, attachments, open, caption, detach: files kept with a record
 * (store/attach.h), shown through a private temporary file (app/attach_open.h). */
#include "config.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/attach_open.h"
#include "app/settings.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "models/format.h"
#include "models/i18n.h"
#include "models/json.h"
#include "models/text.h"
#include "store/attach.h"
#include "store/outfile.h"

const char cw_attach_help[] = N_(
	"Files are kept in the database, encrypted with its key (a plain database keeps them in\n"
	"the clear, as it keeps its records). The same file attached twice is stored once.\n"
	"A file larger than attachment_limit in the config file (default 64M) is refused.\n"
	"  --caption TEXT      what the files show (the same for each file given)\n"
	"  --json              the attachments made, as JSON\n");
const char cw_attachments_help[] =
	N_("Lists a record's attachments: id, type, size, caption, who attached them and when.\n"
	   "\"missing\": a bundle brought the attachment without its content (--no-attachments).\n"
	   "  --detached          also those detached (who detached them, and when)\n"
	   "  --json              as JSON, with the SHA-256 of each file\n");
const char cw_open_help[] = N_(
	"Decrypts the attachment into a private temporary file (mode 0600, in a folder of its\n"
	"own in memory: $XDG_RUNTIME_DIR, else $TMPDIR, else /dev/shm, on tmpfs; for an\n"
	"unencrypted database $TMPDIR or /tmp when none is) and opens it with\n"
	"$CASEWATCH_OPENER, else opener = PROGRAM in the config file, else xdg-open. As viewers\n"
	"often keep running after xdg-open returns, on a terminal casewatch waits for Enter\n"
	"before it removes the file; otherwise it removes it once the opener has ended.\n"
	"  -o FILE             write the decrypted file to FILE instead (mode 0600)\n");
const char cw_caption_help[] =
	N_("Gives an attachment another caption (TEXT), or none (--clear); the change travels in\n"
	   "bundles, and where two laptops changed one caption, the change made last is kept.\n");
const char cw_detach_help[] =
	N_("Detaches an attachment: its content is wiped from the database (unless another\n"
	   "attachment holds the same file) and the detachment travels in bundles.\n");

static void local_time(int64_t us, char *out, size_t len)
{
	time_t secs = (time_t)(us / 1000000);
	struct tm tm;

	out[0] = '\0';
	if (localtime_r(&secs, &tm))
		strftime(out, len, "%Y-%m-%d %H:%M", &tm);
}

/* A text of a description as JSON. Descriptions are checked when they arrive
 * (cw_attach_check), but one stored by an earlier casewatch may hold anything a peer sent; the
 * JSON writer escapes only C0, so C1 controls and bidi overrides would reach the terminal or
 * the script raw: neutralised as every text shown is (^X, U+FFFD). */
static json_t *safe_string(const char *text)
{
	char *safe = cw_text_for_terminal(text, 0);
	json_t *v = safe ? json_string(safe) : NULL;

	free(safe);
	return v;
}

static json_t *attachment_json(const struct cw_attachment *a)
{
	char id[CW_ID_HEX_LEN + 1], rec[CW_ID_HEX_LEN + 1], in[CW_ID_HEX_LEN + 1], t[32];
	json_t *o;

	cw_id_hex(&a->id, id);
	cw_id_hex(&a->record, rec);
	cw_id_hex(&a->added_in, in);
	cw_time_format(a->added, t);
	o = json_pack("{s:s,s:s,s:o,s:s,s:s}", "id", id, "record", rec, "author",
		      safe_string(a->author), "added", t, "added_in", in);
	if (!o)
		return NULL;
	if (a->detached) {
		char din[CW_ID_HEX_LEN + 1], dt[32];

		cw_id_hex(&a->detached_in, din);
		cw_time_format(a->detached_at, dt);
		json_object_set_new(o, "state", json_string("detached"));
		json_object_set_new(o, "detached_by", safe_string(a->detached_by));
		json_object_set_new(o, "detached_at", json_string(dt));
		json_object_set_new(o, "detached_in", json_string(din));
	} else {
		char sha[65];

		for (int i = 0; i < 32; i++)
			snprintf(sha + 2 * i, 3, "%02x", a->sha256[i]);
		json_object_set_new(o, "state", json_string(a->missing ? "missing" : "held"));
		json_object_set_new(o, "name", safe_string(a->name));
		json_object_set_new(o, "type", safe_string(a->type));
		json_object_set_new(o, "size", json_integer((json_int_t)a->size));
		json_object_set_new(o, "sha256", json_string(sha));
		json_object_set_new(o, "caption",
				    a->caption ? safe_string(a->caption) : json_null());
	}
	return o;
}

static int print_list(struct cw_cli *cli, const struct cw_attachment *v, size_t n)
{
	static const char *const cols[] = {N_("ID"),      N_("NAME"),  N_("TYPE"), N_("SIZE"),
					   N_("CAPTION"), N_("ADDED"), N_("BY"),   N_("STATE")};
	struct cw_table t;
	int rc = 0;

	cw_table_init(&t, 8, cols);
	/* The id (typed back to open or detach), the size and when stay whole; the caption gives
	 * room first on a narrow terminal. */
	t.fit[0] = t.fit[3] = t.fit[5] = CW_COLUMN_WHOLE;
	t.fit[4] = t.fit[7] = CW_COLUMN_FREE;
	for (size_t k = 0; k < n && rc == 0; k++) {
		const struct cw_attachment *a = &v[k];
		char hex[CW_ID_HEX_LEN + 1], size[32] = "", added[32], state[200];

		cw_id_hex(&a->id, hex);
		hex[8] = '\0';
		local_time(a->added, added, sizeof added);
		if (a->detached) {
			char when[32];

			local_time(a->detached_at, when, sizeof when);
			snprintf(state, sizeof state, _("detached %s by %s"), when, a->detached_by);
		} else {
			cw_size_text(a->size, size, sizeof size);
			snprintf(state, sizeof state, "%s", a->missing ? _("missing") : _("held"));
		}
		/* cw_table_print neutralises every cell for the terminal. */
		rc = cw_table_add(&t, (const char *const[]){hex, a->name, a->type, size,
							    a->caption ? a->caption : "", added,
							    a->author, state});
	}
	if (rc == 0)
		cw_table_print(&t, cli->out, cw_output_width(cli->out));
	cw_table_free(&t);
	return rc ? cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory") : 0;
}

int cw_cmd_attach(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char **files = NULL;
	const char *record = NULL, *caption = NULL;
	struct cw_attachment *made = NULL;
	struct cw_id id;
	uint64_t limit;
	size_t n = 0;
	int rc = 0, i = first_arg, only_files = 0;

	(void)cmd;
	if (!(files = calloc((size_t)cli->argc + 1, sizeof *files)))
		return cw_error_set(&cli->err, CW_ENOMEM, "", "out of memory");
	while (i < cli->argc && rc == 0) {
		const char *arg = cli->argv[i];
		struct cw_opt opt;

		if (!only_files && !strcmp(arg, "--")) {
			only_files = 1;
			i++;
		} else if (!only_files && !strncmp(arg, "--", 2)) {
			if ((rc = cw_cli_next_opt(cli, &i, "json,help", &opt)) < 0)
				break;
			rc = 0;
			if (!strcmp(opt.name, "caption"))
				caption = opt.value;
			else if (strcmp(opt.name, "json") != 0 && strcmp(opt.name, "help") != 0)
				rc = cw_error_set(&cli->err, CW_EUSAGE, opt.name,
						  _("unknown option"));
		} else if (!record) {
			record = cli->argv[i++];
		} else {
			files[n++] = cli->argv[i++];
		}
	}
	if (rc == 0 && (!record || n == 0))
		rc = cw_error_set(&cli->err, CW_EUSAGE, record ? "file" : "record",
				  _("usage: casewatch attach RECORD FILE... [--caption TEXT]"));
	if (rc == 0 && caption)
		rc = cw_text_validate(caption, CW_ATTACH_CAPTION_MAX, 0, "caption", &cli->err);
	if (rc == 0)
		rc = cw_attachment_limit(cw_config_path(), &limit, &cli->err);
	if (rc == 0)
		rc = cw_cli_open_store(cli, 0);
	if (rc == 0)
		rc = cw_cli_find_record(cli, record, "record", &id);
	if (rc == 0)
		rc = cw_store_attach(cli->session.store, &id, files, n, caption, limit, &made,
				     &cli->err);
	if (rc == 0 && cli->json) {
		json_t *arr = json_array();

		for (size_t k = 0; k < n && arr; k++)
			if (json_array_append_new(arr, attachment_json(&made[k])) != 0) {
				json_decref(arr);
				arr = NULL;
			}
		rc = cw_cli_print_json(cli, arr);
	} else if (rc == 0) {
		for (size_t k = 0; k < n; k++) {
			char hex[CW_ID_HEX_LEN + 1], size[32];

			cw_id_hex(&made[k].id, hex);
			cw_size_text(made[k].size, size, sizeof size);
			fprintf(cli->out, _("attached %.8s: "), hex);
			cw_print_safe(cli->out, made[k].name, 0);
			fprintf(cli->out, " (%s, %s)\n", made[k].type, size);
		}
	}
	cw_attachments_free(made, made ? n : 0);
	free(files);
	return rc;
}

int cw_cmd_attachments(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_attachment *v = NULL;
	const char *record = NULL;
	struct cw_opt opt;
	struct cw_id id;
	size_t n = 0;
	int rc, i = first_arg, detached = 0;

	(void)cmd;
	if (i < cli->argc && strncmp(cli->argv[i], "--", 2) != 0)
		record = cli->argv[i++];
	while ((rc = cw_cli_next_opt(cli, &i, "json,help,detached", &opt)) > 0) {
		if (!strcmp(opt.name, "detached"))
			detached = 1;
		else if (strcmp(opt.name, "json") != 0 && strcmp(opt.name, "help") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, _("unknown option"));
	}
	if (rc < 0)
		return rc;
	if (!record)
		return cw_error_set(&cli->err, CW_EUSAGE, "record",
				    _("usage: casewatch attachments RECORD [--json]"));
	if ((rc = cw_cli_open_store(cli, 0)) != 0 ||
	    (rc = cw_cli_find_record(cli, record, "record", &id)) != 0 ||
	    (rc = cw_store_attachments(cli->session.store, &id, detached, &v, &n, &cli->err)) != 0)
		return rc;
	if (cli->json) {
		json_t *arr = json_array();

		for (size_t k = 0; k < n && arr; k++)
			if (json_array_append_new(arr, attachment_json(&v[k])) != 0) {
				json_decref(arr);
				arr = NULL;
			}
		rc = cw_cli_print_json(cli, arr);
	} else if (n == 0) {
		fprintf(cli->out, "%s\n", _("no attachments"));
	} else {
		rc = print_list(cli, v, n);
	}
	cw_attachments_free(v, n);
	return rc;
}

/* Finds the attachment an argument names. */
static int find(struct cw_cli *cli, const char *arg, struct cw_id *id)
{
	int rc = cw_cli_open_store(cli, 0);

	if (rc == 0)
		rc = cw_store_attachment_find(cli->session.store, arg, id, &cli->err);
	return rc;
}

static void wait_enter(void *ctx, const char *path)
{
	struct cw_cli *cli = ctx;
	char line[64];

	(void)path;
	/* A viewer may still be reading the file after the opener returned: on a terminal the
	 * user says when it may go; a script's opener is done when it returns. */
	if (!isatty(0) || !isatty(2))
		return;
	fflush(cli->out);
	fprintf(stderr, "%s",
		_("Opened. Press Enter when you have closed it: its decrypted copy is "
		  "then removed. "));
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin))
		fputc('\n', stderr);
}

struct to_file {
	FILE *f;
};

static int write_out(void *ctx, const void *data, size_t len, struct cw_error *err)
{
	struct to_file *t = ctx;

	if (fwrite(data, 1, len, t->f) != len)
		return cw_error_set(err, CW_EIO, "output", _("cannot write"));
	return 0;
}

int cw_cmd_open(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	const char *arg = NULL, *outpath = NULL;
	struct cw_opt opt;
	struct cw_id id;
	char opener[1024];
	int rc, i = first_arg;

	(void)cmd;
	if (i < cli->argc && strncmp(cli->argv[i], "-", 1) != 0)
		arg = cli->argv[i++];
	while (i < cli->argc) {
		if (!strcmp(cli->argv[i], "-o") && i + 1 < cli->argc &&
		    !cw_cli_looks_like_option(cli->argv[i + 1])) {
			if ((rc = cw_cli_given_once(cli, "o", i)) != 0)
				return rc;
			outpath = cli->argv[i + 1];
			i += 2;
			continue;
		}
		if ((rc = cw_cli_next_opt(cli, &i, "help", &opt)) < 0)
			return rc;
		if (rc == 0)
			break;
		if (!strcmp(opt.name, "output"))
			outpath = opt.value;
		else if (strcmp(opt.name, "help") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, _("unknown option"));
	}
	if (!arg)
		return cw_error_set(&cli->err, CW_EUSAGE, "attachment",
				    _("usage: casewatch open ATTACHMENT"));
	/* A file's bytes are anyone's (attachments come in bundles): on a terminal, its escape
	 * sequences would be the terminal's commands. */
	if (outpath && !strcmp(outpath, "-") && isatty(STDOUT_FILENO))
		return cw_error_set(&cli->err, CW_EUSAGE, "output",
				    "an attached file is not shown on a terminal: give a file "
				    "with -o FILE, or redirect standard output");
	if ((rc = find(cli, arg, &id)) != 0)
		return rc;
	if (outpath) {
		struct cw_outfile o;
		struct to_file t;

		if ((rc = cw_outfile_open(&o, strcmp(outpath, "-") ? outpath : NULL, stdout,
					  &cli->err)) != 0)
			return rc;
		t.f = o.f;
		rc = cw_store_attachment_read(cli->session.store, &id, write_out, &t, &cli->err);
		return cw_outfile_close(&o, rc, &cli->err);
	}
	cw_opener(cw_config_path(), opener, sizeof opener);
	return cw_attachment_open(cli->session.store, &id, opener, wait_enter, cli, &cli->err);
}

int cw_cmd_detach(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_attachment was;
	const char *arg = NULL;
	struct cw_opt opt;
	struct cw_id id;
	int rc, i = first_arg;

	(void)cmd;
	if (i < cli->argc && strncmp(cli->argv[i], "--", 2) != 0)
		arg = cli->argv[i++];
	while ((rc = cw_cli_next_opt(cli, &i, "help,yes", &opt)) > 0)
		if (strcmp(opt.name, "help") != 0 && strcmp(opt.name, "yes") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, _("unknown option"));
	if (rc < 0)
		return rc;
	if (!arg)
		return cw_error_set(&cli->err, CW_EUSAGE, "attachment",
				    _("usage: casewatch detach ATTACHMENT"));
	if ((rc = find(cli, arg, &id)) != 0 ||
	    (rc = cw_store_detach(cli->session.store, &id, &was, &cli->err)) != 0)
		return rc;
	fprintf(cli->out, "%s", _("detached "));
	cw_print_safe(cli->out, was.name, 0);
	fputc('\n', cli->out);
	cw_attachment_free(&was);
	return 0;
}

int cw_cmd_caption(struct cw_cli *cli, const struct cw_command *cmd, int first_arg)
{
	struct cw_attachment now;
	const char *arg = NULL, *text = NULL;
	struct cw_opt opt;
	struct cw_id id;
	int rc, i = first_arg, clear = 0;

	(void)cmd;
	if (i < cli->argc && strncmp(cli->argv[i], "--", 2) != 0)
		arg = cli->argv[i++];
	if (i < cli->argc && strncmp(cli->argv[i], "--", 2) != 0)
		text = cli->argv[i++];
	while ((rc = cw_cli_next_opt(cli, &i, "help,clear", &opt)) > 0) {
		if (!strcmp(opt.name, "clear"))
			clear = 1;
		else if (strcmp(opt.name, "help") != 0)
			return cw_error_set(&cli->err, CW_EUSAGE, opt.name, _("unknown option"));
	}
	if (rc < 0)
		return rc;
	if (!arg || (!text && !clear) || (text && clear))
		return cw_error_set(&cli->err, CW_EUSAGE, "caption",
				    _("usage: casewatch caption ATTACHMENT TEXT | --clear"));
	if (text && cw_text_is_blank(text))
		return cw_error_set(&cli->err, CW_EUSAGE, "caption",
				    _("is empty: give a text, or --clear to remove the caption"));
	if ((rc = find(cli, arg, &id)) != 0 ||
	    (rc = cw_store_attachment_caption(cli->session.store, &id, text, &now, &cli->err)) != 0)
		return rc;
	cw_print_safe(cli->out, now.name, 0);
	if (now.caption) {
		fprintf(cli->out, "%s", _(": caption now "));
		cw_print_safe(cli->out, now.caption, 0);
	} else {
		fprintf(cli->out, "%s", _(": no caption now"));
	}
	fputc('\n', cli->out);
	cw_attachment_free(&now);
	return 0;
}
