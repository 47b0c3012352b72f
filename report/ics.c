/* ics.c - the agenda as an iCalendar file (RFC 5545); see agenda.h.
 *
 * One VEVENT per hearing and per follow-up visit due; its UID is the record id, so importing the
 * file again updates the same events instead of adding copies. A next date set at a hearing, when
 * no hearing is logged for that day yet, is its own all-day event with a UID made from the hearing
 * id and the date. Times are Cambodian local time (Asia/Phnom_Penh, UTC+7 all year), carried by a
 * VTIMEZONE. A hearing without a time is an all-day event. Notes are left out on purpose: calendars
 * are often synced to online services, and notes may hold what monitors saw and heard. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "models/i18n.h"
#include "report/agenda.h"
#include "report/export.h"
#include "report/rdoc.h"

#define ICS_FOLD 75 /* octets per line, CRLF not counted */

void cw_ics_line(FILE *out, const char *name, const char *value, int escape)
{
	size_t col = 0;
	const char *parts[2] = {name, value};

	for (int p = 0; p < 2; p++) {
		const unsigned char *s = (const unsigned char *)parts[p];

		if (p == 1) {
			fputc(':', out);
			col++;
		}
		while (s && *s) {
			char esc[2] = {0, 0};
			size_t len = 1;

			if (p == 1 && escape && (*s == '\\' || *s == ';' || *s == ',')) {
				esc[0] = '\\', esc[1] = (char)*s;
				len = 2;
			} else if (p == 1 && escape && *s == '\n') {
				esc[0] = '\\', esc[1] = 'n';
				len = 2;
			} else if (*s == '\r' || *s < 0x20 || *s == 0x7f) {
				s++; /* no control characters in a content line */
				continue;
			} else if (*s >= 0xF0) {
				len = 4;
			} else if (*s >= 0xE0) {
				len = 3;
			} else if (*s >= 0xC0) {
				len = 2;
			}
			/* Text is valid UTF-8 (neutralised), so the sequence is whole; never split
			 * it, nor an escape pair, across a fold. */
			if (!esc[0] && strnlen((const char *)s, len) < len)
				len = strnlen((const char *)s, len);
			if (col + len > ICS_FOLD) {
				fputs("\r\n ", out);
				col = 1;
			}
			if (esc[0]) {
				fwrite(esc, 1, 2, out);
				s++;
			} else {
				fwrite(s, 1, len, out);
				s += len;
			}
			col += len;
		}
	}
	fputs("\r\n", out);
}

static void text_line(FILE *out, const char *name, const char *value)
{
	char *t = cw_rtext(value);

	cw_ics_line(out, name, t ? t : "", 1);
	free(t);
}

static void stamp(int64_t us, char buf[32])
{
	time_t t = (time_t)(us / 1000000);
	struct tm tm;

	if (us <= 0 || !gmtime_r(&t, &tm))
		t = 0, gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y%m%dT%H%M%SZ", &tm);
}

static void defendants(const struct cw_report *r, const struct cw_record *k, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; k && i < k->u.kase.defendants.n && n < len; i++) {
		const struct cw_defendant *d =
			(const struct cw_defendant *)k->u.kase.defendants.items + i;
		char name[600];

		if (!cw_id_is_zero(&d->person))
			cw_person_text(r, &d->person, name, sizeof name);
		else if (d->unnamed_count > 0)
			snprintf(name, sizeof name, _("%s%s%lld unnamed%s"),
				 d->label ? d->label : "", d->label ? " (" : "",
				 (long long)d->unnamed_count, d->label ? ")" : "");
		else
			snprintf(name, sizeof name, "%s", d->label ? d->label : "");
		if (name[0])
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? "; " : "", name);
	}
}

static void event(FILE *out, const struct cw_agenda *a, size_t i)
{
	const struct cw_report *r = &a->refs;
	const struct cw_agenda_item *u = &a->items[i];
	const struct cw_record *rec = u->rec;
	const struct cw_hearing *h = &rec->u.hearing;
	const struct cw_record *k = cw_report_ref(r, &h->case_id);
	char hex[CW_ID_HEX_LEN + 1], cid[CW_ID_HEX_LEN + 1] = "", buf[2048], dt[32], who[1200];
	struct cw_date end = cw_date_from_days(cw_date_to_days(u->day) + 1);
	const char *title = k && k->u.kase.title ? k->u.kase.title : "case not recorded";
	const char *court = h->court ? h->court : k && k->u.kase.court ? k->u.kase.court : NULL;
	const char *stage = h->stage               ? cw_enum_label(&cw_words_stage, h->stage)
			    : k && k->u.kase.stage ? cw_enum_label(&cw_words_stage, k->u.kase.stage)
						   : "";
	char account[64], others[600], differ[800] = "", said[1000];

	cw_id_hex(&rec->id, hex);
	if (!cw_id_is_zero(&h->case_id))
		cw_id_hex(&h->case_id, cid);
	fputs("BEGIN:VEVENT\r\n", out);
	if ((u->what == CW_AGENDA_NEXT_DATE))
		snprintf(buf, sizeof buf, "%s-next-%04u%02u%02u@casewatch", hex, u->day.year,
			 u->day.month, u->day.day);
	else
		snprintf(buf, sizeof buf, "%s@casewatch", hex);
	cw_ics_line(out, "UID", buf, 0);
	stamp(rec->updated, dt);
	cw_ics_line(out, "DTSTAMP", dt, 0);
	if (!(u->what == CW_AGENDA_NEXT_DATE) && h->time && strlen(h->time) == 5) {
		snprintf(buf, sizeof buf, "%04u%02u%02uT%.2s%.2s00", u->day.year, u->day.month,
			 u->day.day, h->time, h->time + 3);
		cw_ics_line(out, "DTSTART;TZID=Asia/Phnom_Penh", buf, 0);
	} else {
		snprintf(buf, sizeof buf, "%04u%02u%02u", u->day.year, u->day.month, u->day.day);
		cw_ics_line(out, "DTSTART;VALUE=DATE", buf, 0);
		snprintf(buf, sizeof buf, "%04u%02u%02u", end.year, end.month, end.day);
		cw_ics_line(out, "DTEND;VALUE=DATE", buf, 0);
	}
	/* Another account of the hearing gives another day: both are in the calendar (it needs
	 * dates), neither as certain. */
	if (cw_agenda_other_accounts(a, i, others, sizeof others) > 0)
		snprintf(differ, sizeof differ,
			 _("Accounts of this hearing differ on its date: this date is %s; %s.\n"),
			 cw_agenda_whose(rec->view), others);
	snprintf(said, sizeof said, "%s%s",
		 (u->what == CW_AGENDA_NEXT_DATE)
			 ? _("Next date set at an earlier hearing; not yet confirmed as a "
			     "hearing record.\n")
			 : "",
		 differ);
	snprintf(buf, sizeof buf,
		 differ[0] ? _("Hearing (accounts differ on the date): %s") : _("Hearing: %s"),
		 title);
	text_line(out, "SUMMARY", buf);
	if (court)
		text_line(out, "LOCATION", court);
	defendants(r, k, who, sizeof who);
	/* Whose account gives this hearing: a date only the government's account gives is not
	 * one the team confirmed. */
	snprintf(account, sizeof account, _("Account: %s\n"),
		 cw_enum_label(&cw_words_view, rec->view));
	snprintf(buf, sizeof buf,
		 _("Case: %s\nDefendants: %s\nStage: %s\n%s%sCase id: %s\nRecord id: %s"), title,
		 who[0] ? who : _("not recorded"), stage[0] ? stage : _("not recorded"), said,
		 account, cid[0] ? cid : _("none"), hex);
	text_line(out, "DESCRIPTION", buf);
	cw_ics_line(out, "CATEGORIES", "casewatch,hearing", 0);
	cw_ics_line(out, "TRANSP", "TRANSPARENT", 0);
	fputs("END:VEVENT\r\n", out);
}

/* A follow-up visit due: an all-day event at the facility. What the monitors wrote about it
 * (the follow-up's text, the detainees met) stays out, as notes do. */
static void follow_up_event(FILE *out, const struct cw_agenda_item *u)
{
	const struct cw_visit *v = &u->rec->u.visit;
	/* Due within a month: over the whole month (DTEND is the day after), as the deadline
	 * runs; a calendar has no "day not known". */
	struct cw_date start = cw_date_first_day(u->day),
		       end = cw_date_from_days(cw_date_to_days(cw_date_last_day(u->day)) + 1);
	char hex[CW_ID_HEX_LEN + 1], buf[1024], dt[32], date[CW_DATE_TEXT_MAX];
	char due[CW_DATE_TEXT_MAX], within[512] = "";

	cw_id_hex(&u->rec->id, hex);
	fputs("BEGIN:VEVENT\r\n", out);
	snprintf(buf, sizeof buf, "%s-follow-up@casewatch", hex);
	cw_ics_line(out, "UID", buf, 0);
	stamp(u->rec->updated, dt);
	cw_ics_line(out, "DTSTAMP", dt, 0);
	snprintf(buf, sizeof buf, "%04u%02u%02u", start.year, start.month, start.day);
	cw_ics_line(out, "DTSTART;VALUE=DATE", buf, 0);
	snprintf(buf, sizeof buf, "%04u%02u%02u", end.year, end.month, end.day);
	cw_ics_line(out, "DTEND;VALUE=DATE", buf, 0);
	snprintf(buf, sizeof buf, _("Follow-up visit: %s"), v->facility ? v->facility : "");
	text_line(out, "SUMMARY", buf);
	if (v->facility)
		text_line(out, "LOCATION", v->facility);
	cw_date_format(v->date, date);
	cw_date_format(u->day, due);
	if (cw_date_precision(u->day) != CW_DATE_DAY)
		/* TRANSLATORS: a follow-up visit due within a month ("2024-07"), in a calendar
		 * event over that month */
		snprintf(within, sizeof within, _("\nDue within %s, its day not known"), due);
	/* Overdue and due within a month gone by: both said. */
	if (u->overdue)
		snprintf(within + strlen(within), sizeof within - strlen(within), "%s",
			 _("\nOverdue: no later visit to this facility is logged"));
	snprintf(buf, sizeof buf, _("Follow-up of the visit of %s%s\nAccount: %s\nRecord id: %s"),
		 date[0] ? date : _("an unknown date"), within,
		 cw_enum_label(&cw_words_view, u->rec->view), hex);
	text_line(out, "DESCRIPTION", buf);
	cw_ics_line(out, "CATEGORIES", "casewatch,visit", 0);
	cw_ics_line(out, "TRANSP", "TRANSPARENT", 0);
	fputs("END:VEVENT\r\n", out);
}

int cw_agenda_write_ics(const struct cw_agenda *a, FILE *out)
{
	fputs("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", out);
	cw_ics_line(out, "PRODID", "-//casewatch//casewatch " PACKAGE_VERSION "//EN", 0);
	fputs("CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n", out);
	cw_ics_line(out, "X-WR-CALNAME", "casewatch agenda", 1);
	cw_ics_line(out, "X-WR-TIMEZONE", "Asia/Phnom_Penh", 0);
	/* Cambodia keeps UTC+7 all year (no daylight saving since 1920s changes). */
	fputs("BEGIN:VTIMEZONE\r\nTZID:Asia/Phnom_Penh\r\nBEGIN:STANDARD\r\n"
	      "DTSTART:19700101T000000\r\nTZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\n"
	      "TZNAME:ICT\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
	      out);
	for (size_t i = 0; i < a->n; i++) {
		if (a->items[i].what == CW_AGENDA_FOLLOW_UP)
			follow_up_event(out, &a->items[i]);
		/* A hearing is on one day: a next date known only to its month is left out (the
		 * caller says so). */
		else if (cw_date_precision(a->items[i].day) != CW_DATE_DAY)
			continue;
		else
			event(out, a, i);
	}
	fputs("END:VCALENDAR\r\n", out);
	return ferror(out) ? CW_EIO : 0;
}
