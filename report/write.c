/* write.c - a gathered report written in a format, and to a file; see write.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/pdf.h"
#include "report/rdoc.h"
#include "report/write.h"
#include "models/clock.h"
#include "models/confidential.h"
#include "models/utf8.h"

int cw_report_format_parse(const char *word)
{
	if (!strcmp(word, "md") || !strcmp(word, "markdown"))
		return CW_REPORT_MD;
	if (!strcmp(word, "html"))
		return CW_REPORT_HTML;
	if (!strcmp(word, "csv"))
		return CW_REPORT_CSV;
	if (!strcmp(word, "json"))
		return CW_REPORT_JSON;
	if (!strcmp(word, "pdf"))
		return CW_REPORT_PDF;
	return -1;
}

const char *cw_report_format_ext(enum cw_report_format fmt)
{
	static const char *const ext[] = {"md", "html", "csv", "json", "pdf"};

	return (unsigned)fmt < sizeof ext / sizeof ext[0] ? ext[fmt] : "txt";
}

int cw_report_write(const struct cw_report *r, enum cw_report_format fmt, FILE *out,
		    struct cw_error *err)
{
	cw_pdf_write_fn pdf = NULL;
	struct cw_rdoc doc;
	int rc, saved;

	if (fmt == CW_REPORT_JSON)
		return cw_report_write_json(r, out, err);
	if (fmt == CW_REPORT_PDF && (rc = cw_pdf_writer(&pdf, err)) != 0)
		return rc;
	if (cw_rdoc_build(r, &doc) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory while writing the report");
	if (fmt != CW_REPORT_CSV && cw_rdoc_cite_sources(&doc) != 0) {
		cw_rdoc_free(&doc);
		return cw_error_set(err, CW_ENOMEM, "", "out of memory while writing the report");
	}
	errno = 0; /* a failed write says why; loading the PDF writer leaves an errno behind */
	if (fmt == CW_REPORT_HTML)
		rc = cw_report_write_html(&doc, out);
	else if (fmt == CW_REPORT_CSV)
		rc = cw_report_write_csv(&doc, out);
	else if (fmt == CW_REPORT_PDF) {
		struct cw_pdf_job job = {&doc, cw_report_time_note, cw_report_empty_text,
					 cw_report_summary_title, cw_rsection_counted};

		rc = pdf(&job, out);
	} else
		rc = cw_report_write_md(&doc, out);
	saved = errno;
	cw_rdoc_free(&doc);
	if (rc == CW_ENOMEM)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory while writing the report");
	return rc ? cw_write_failed(out, saved, err) : 0;
}

int cw_write_failed(FILE *out, int errnum, struct cw_error *err)
{
	return cw_error_set(err, CW_EIO, "output", "cannot write: %s",
			    cw_write_error_text(errnum, out ? fileno(out) : -1));
}

/* Whether a character outside ASCII is one a file name may show: not a C1 control, a space
 * or an invisible one that turns or hides text (bidi overrides and marks, zero widths, line
 * and paragraph separators, the byte-order mark), which would make the name read as another
 * in a file manager. */
static int name_char(uint32_t cp)
{
	return cp > 0xA0 && !(cp >= 0x2000 && cp <= 0x200F) && !(cp >= 0x2028 && cp <= 0x202F) &&
	       !(cp >= 0x205F && cp <= 0x206F) && cp != 0x3000 && cp != 0xFEFF;
}

/* Appends `from` to the name at *n as file-name text: ASCII letters and digits (lower case),
 * and letters of other scripts whole (a Khmer case title reads as itself); anything else
 * (spaces, quotes, '/', ':', control characters, invisible ones) becomes one '-' between
 * words, so that no filter can make a path, a hidden file or a name a shell trips on. */
static void slug_append(char *buf, size_t len, size_t *n, const char *from)
{
	size_t flen = strlen(from);

	for (size_t i = 0; i < flen && *n + 1 < len;) {
		uint32_t cp;
		size_t k = cw_utf8_decode(from + i, flen - i, &cp);
		int keep = k == 1 ? isalnum((unsigned char)from[i]) : k > 1 && name_char(cp);

		if (!keep) {
			if (*n && buf[*n - 1] != '-')
				buf[(*n)++] = '-';
			i += k ? k : 1;
			continue;
		}
		if (*n + k >= len)
			break;
		for (size_t j = 0; j < k; j++)
			buf[(*n)++] =
				k == 1 ? (char)tolower((unsigned char)from[i + j]) : from[i + j];
		i += k;
	}
	buf[*n] = '\0';
}

/* The filter as a part of a file name: "article-494-495", "case-nagaworld", "text-sithar";
 * "" when it admits everything. Its dates are left out: the summary's week is its period. A
 * criterion withheld (cw_report_week_file) is "confidential", and neither it nor its hash is
 * in the name (a red-team trial's summary read person:[confidential] inside and was named
 * "...-person-" and the witness's name). A name cut to fit ends in a hash of the whole filter,
 * so that two long filters alike in their first words are still two files. */
static void filter_slug(const struct cw_filter *given, unsigned withheld, char *out, size_t len)
{
	char described[1024], slug[CW_REPORT_FILTER_SLUG_MAX + 16];
	struct cw_filter f, shown;
	const struct cw_filter *filter = &shown;
	size_t n = 0;
	uint32_t hash = 2166136261u; /* FNV-1a: stable from one run to the next */

	out[0] = '\0';
	if (!given)
		return;
	shown = *given;
	if (withheld & CW_REPORT_WITHHELD_PERSON)
		snprintf(shown.person, sizeof shown.person, "%s", cw_confidential_text());
	if (withheld & CW_REPORT_WITHHELD_CASE)
		snprintf(shown.case_ref, sizeof shown.case_ref, "%s", cw_confidential_text());
	if (withheld & CW_REPORT_WITHHELD_TEXT)
		snprintf(shown.text, sizeof shown.text, "%s", cw_confidential_text());
	f = shown;
	f.since = f.until = (struct cw_date){0}; /* unknown: open */
	f.relative = f.undated = 0;
	f.text[0] = '\0'; /* free text is named as such below, unlike "article:494" */
	cw_filter_describe(&f, described, sizeof described);
	slug_append(slug, sizeof slug, &n, described);
	if (filter->text[0]) {
		slug_append(slug, sizeof slug, &n, n ? " text " : "text ");
		slug_append(slug, sizeof slug, &n, filter->text);
	}
	while (n && slug[n - 1] == '-')
		slug[--n] = '\0';
	if (n == 0)
		return;
	if (n > CW_REPORT_FILTER_SLUG_MAX) {
		/* Cut between clusters (a Khmer letter keeps its vowel signs), then the hash of all
		 * the filter asks, dates aside. */
		size_t cut = cw_text_prev_cluster(slug, n, CW_REPORT_FILTER_SLUG_MAX + 1);

		for (const char *p = described; *p; p++)
			hash = (hash ^ (unsigned char)*p) * 16777619u;
		for (const char *p = filter->text; *p; p++)
			hash = (hash ^ (unsigned char)*p) * 16777619u;
		while (cut && slug[cut - 1] == '-')
			cut--;
		snprintf(slug + cut, sizeof slug - cut, "-%08x", (unsigned)hash);
	}
	snprintf(out, len, "-%s", slug);
}

void cw_report_week_file(int year, int week, const struct cw_filter *filter, unsigned withheld,
			 enum cw_report_format fmt, char *out, size_t len)
{
	char slug[CW_REPORT_FILTER_SLUG_MAX + 24]; /* "-", the slug, a hash cut to fit */

	filter_slug(filter, withheld, slug, sizeof slug);
	snprintf(out, len, "casewatch-summary-%04d-W%02d%s.%s", year, week, slug,
		 cw_report_format_ext(fmt));
}

int cw_report_week_build(struct cw_store *st, const struct cw_filter *filter, int year, int week,
			 int include_confidential, struct cw_report *out, struct cw_error *err)
{
	struct cw_date from, to;

	memset(out, 0, sizeof *out);
	if (cw_report_week_range(year, week, &from, &to) != 0)
		return cw_error_set(err, CW_EINVAL, "week", "%04d has no week %d", year, week);
	return cw_report_build_with(st, filter, from, to, include_confidential, out, err);
}

/* ---- signing what is written ------------------------------------------------------------ */

static ssize_t signing_write(void *cookie, const char *buf, size_t len)
{
	struct cw_signing *s = cookie;
	size_t n = fwrite(buf, 1, len, s->to);

	cw_file_digest_update(&s->digest, buf, n);
	return n ? (ssize_t)n : -1;
}

static int signing_close(void *cookie)
{
	(void)cookie; /* the file itself is its writer's to close */
	return 0;
}

FILE *cw_signing_open(struct cw_signing *s, FILE *to, int sign)
{
	static const cookie_io_functions_t io = {NULL, signing_write, NULL, signing_close};

	if (!sign)
		return to;
	s->to = to;
	cw_file_digest_init(&s->digest);
	return fopencookie(s, "w", io);
}

int cw_signing_end(FILE *stream, FILE *to, int rc, struct cw_error *err)
{
	if (stream == to)
		return rc;
	if (fclose(stream) != 0 && rc == 0)
		rc = cw_write_failed(to, errno, err);
	return rc;
}

void cw_rtext_for_terminal(int on)
{
	cw_rtext_all_marks(!on);
}

int cw_signing_check(const char *path, struct cw_error *err)
{
	char sig[4096];

	if ((size_t)snprintf(sig, sizeof sig, "%s%s", path, CW_SIGNATURE_SUFFIX) >= sizeof sig)
		return cw_error_set(err, CW_EINVAL, "output", "the file name is too long");
	return cw_outfile_check_target(sig, err);
}

int cw_signing_write(struct cw_store *st, struct cw_signing *s, const char *path, int64_t now_us,
		     struct cw_error *err)
{
	char sig[4096], *text = NULL;
	int rc;

	if ((size_t)snprintf(sig, sizeof sig, "%s%s", path, CW_SIGNATURE_SUFFIX) >= sizeof sig)
		return cw_error_set(err, CW_EINVAL, "output", "the file name is too long");
	if ((rc = cw_file_sign(st, &s->digest, now_us, &text, err)) == 0)
		rc = cw_outfile_write(sig, text, strlen(text), err);
	free(text);
	if (rc != 0) {
		/* Not left saying it is signed, beside no signature or an old one. */
		char why[sizeof err->message], field[sizeof err->field];

		unlink(path);
		unlink(sig);
		snprintf(why, sizeof why, "%s", err->message);
		snprintf(field, sizeof field, "%s", err->field);
		cw_error_set(err, rc, field,
			     "%.200s: so %.200s, which says it is signed, was removed", why, path);
	}
	return rc;
}

void cw_signing_forget(const char *path)
{
	char sig[4096];

	if ((size_t)snprintf(sig, sizeof sig, "%s%s", path, CW_SIGNATURE_SUFFIX) < sizeof sig)
		unlink(sig);
}

/* ---- summaries into files ----------------------------------------------------------------- */

int cw_report_write_built(struct cw_report *r, const struct cw_report_about *about,
			  enum cw_report_format fmt, const char *path, struct cw_store *sign,
			  char **text, struct cw_error *err)
{
	struct cw_outfile out;
	struct cw_signing signing;
	int rc = 0;

	if (text)
		*text = NULL;
	if (about)
		r->about = *about;
	/* The text to show first: a file is not written for a summary that cannot be shown. */
	if (text) {
		size_t len = 0;
		FILE *mem = open_memstream(text, &len);
		int bad = !mem || cw_report_write(r, CW_REPORT_MD, mem, err) != 0;

		if (mem && fclose(mem) != 0)
			bad = 1;
		if (bad) {
			free(*text);
			*text = NULL;
			rc = cw_error_set(err, CW_ENOMEM, "", "out of memory");
		}
	}
	if (rc == 0 && cw_make_private_folders(path, 0) != 0)
		rc = cw_error_set(err, CW_EIO, "output", "cannot make the folders of %.300s: %s",
				  path, strerror(errno));
	if (rc == 0 && sign)
		rc = cw_signing_check(path, err);
	if (rc == 0 && (rc = cw_outfile_open(&out, path, NULL, err)) == 0) {
		FILE *sink = cw_signing_open(&signing, out.f, sign != NULL);

		rc = sink ? cw_report_write(r, fmt, sink, err)
			  : cw_error_set(err, CW_ENOMEM, "", "out of memory");
		rc = sink ? cw_signing_end(sink, out.f, rc, err) : rc;
		rc = cw_outfile_close(&out, rc, err);
		if (rc == 0 && sign)
			rc = cw_signing_write(sign, &signing, path, cw_now_us(), err);
		else if (rc == 0)
			cw_signing_forget(path);
	}
	if (rc != 0 && text) {
		free(*text);
		*text = NULL;
	}
	return rc;
}

int cw_report_write_week(struct cw_store *st, const struct cw_filter *filter, int year, int week,
			 const struct cw_report_about *about, int include_confidential,
			 enum cw_report_format fmt, const char *path, int sign, char **text,
			 struct cw_error *err)
{
	struct cw_report r;
	int rc;

	if (text)
		*text = NULL;
	if ((rc = cw_report_week_build(st, filter, year, week, include_confidential, &r, err)) == 0)
		rc = cw_report_write_built(&r, about, fmt, path, sign ? st : NULL, text, err);
	cw_report_free(&r);
	return rc;
}
