/* write.c - a gathered report written in a format, and to a file; see write.h. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "report/rdoc.h"
#include "report/write.h"

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
	return -1;
}

const char *cw_report_format_ext(enum cw_report_format fmt)
{
	static const char *const ext[] = {"md", "html", "csv", "json"};

	return (unsigned)fmt < sizeof ext / sizeof ext[0] ? ext[fmt] : "txt";
}

int cw_report_write(const struct cw_report *r, enum cw_report_format fmt, FILE *out,
		    struct cw_error *err)
{
	struct cw_rdoc doc;
	int rc, saved;

	if (fmt == CW_REPORT_JSON)
		return cw_report_write_json(r, out, err);
	if (cw_rdoc_build(r, &doc) != 0)
		return cw_error_set(err, CW_ENOMEM, "", "out of memory while writing the report");
	if (fmt == CW_REPORT_HTML)
		rc = cw_report_write_html(&doc, out);
	else if (fmt == CW_REPORT_CSV)
		rc = cw_report_write_csv(&doc, out);
	else
		rc = cw_report_write_md(&doc, out);
	saved = errno;
	cw_rdoc_free(&doc);
	return rc ? cw_write_failed(out, saved, err) : 0;
}

int cw_write_failed(FILE *out, int errnum, struct cw_error *err)
{
	return cw_error_set(err, CW_EIO, "output", "cannot write: %s",
			    cw_write_error_text(errnum, out ? fileno(out) : -1));
}

int cw_report_write_file(struct cw_store *st, const struct cw_filter *filter, struct cw_date today,
			 enum cw_report_format fmt, const char *dir, char *path_out,
			 size_t path_len, struct cw_error *err)
{
	struct cw_report r;
	struct cw_date from, to;
	struct cw_outfile out;
	char name[96];
	int rc, y, w;

	if (cw_date_is_known(filter->since) || cw_date_is_known(filter->until)) {
		/* The filter's own range; an open end is today. */
		from = cw_date_is_known(filter->since) ? cw_date_first_day(filter->since) : today;
		to = cw_date_is_known(filter->until) ? cw_date_last_day(filter->until) : today;
		if (cw_date_compare(from, to) > 0)
			return cw_error_set(err, CW_EINVAL, "until", "is before since");
	} else {
		cw_report_week_of(today, &y, &w);
		cw_report_week_range(y, w, &from, &to);
	}
	if ((rc = cw_report_build(st, filter, from, to, &r, err)) != 0) {
		cw_report_free(&r);
		return rc;
	}
	if (r.week) {
		snprintf(name, sizeof name, "casewatch-summary-%04d-W%02d.%s", r.week_year, r.week,
			 cw_report_format_ext(fmt));
	} else {
		char a[CW_DATE_TEXT_MAX], b[CW_DATE_TEXT_MAX];

		cw_date_format(from, a);
		cw_date_format(to, b);
		snprintf(name, sizeof name, "casewatch-summary-%s_%s.%s", a, b,
			 cw_report_format_ext(fmt));
	}
	if ((size_t)snprintf(path_out, path_len, "%s%s%s", dir ? dir : "",
			     dir && *dir && dir[strlen(dir) - 1] != '/' ? "/" : "",
			     name) >= path_len)
		rc = cw_error_set(err, CW_EINVAL, "dir", "path too long");
	if (rc == 0 && (rc = cw_outfile_open(&out, path_out, NULL, err)) == 0) {
		rc = cw_report_write(&r, fmt, out.f, err);
		rc = cw_outfile_close(&out, rc, err);
	}
	cw_report_free(&r);
	return rc;
}
