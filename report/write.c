/* write.c - a gathered report written in a format, and to a file; see write.h. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/pdf.h"
#include "report/rdoc.h"
#include "report/write.h"
#include "models/clock.h"

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

void cw_report_week_file(int year, int week, enum cw_report_format fmt, char *out, size_t len)
{
	snprintf(out, len, "casewatch-summary-%04d-W%02d.%s", year, week,
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
