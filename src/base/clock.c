/* clock.c: "now", dates and times.
 *
 * Calendar arithmetic (validation, weekdays, day differences) is done on
 * plain integers, so it does not depend on the time zone or on DST; only
 * the conversion between time_t and wall-clock time uses mktime() and
 * localtime_r(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"

static time_t fixed_now;        /* ys_clock_set(); 0 = not fixed */

/* ---- calendar -------------------------------------------------------- */

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return (m == 2 && is_leap(y)) ? 29 : days[m - 1];
}

/* days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil) */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* the date `z` days after 1970-01-01 (Hinnant's civil_from_days) */
static void civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* exactly `n` ASCII digits at s -> *out; 0 ok, -1 otherwise */
static int digits(const char *s, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* "YYYY-MM-DD" at the start of s, a real date in years 1000-9999 */
static int parse_ymd(const char *s, int *y, int *m, int *d)
{
	if (digits(s, 4, y) || s[4] != '-' || digits(s + 5, 2, m) ||
	    s[7] != '-' || digits(s + 8, 2, d))
		return -1;
	if (*y < 1000 || *m < 1 || *m > 12 || *d < 1 || *d > month_days(*y, *m))
		return -1;
	return 0;
}

/* "HH:MM" or "H:MM" at the start of s; returns characters used, 0 if bad */
static int parse_hm(const char *s, int *hh, int *mm)
{
	int n = (s[0] >= '0' && s[0] <= '9' && s[1] == ':') ? 1 : 2;

	if (digits(s, n, hh) || s[n] != ':' || digits(s + n + 1, 2, mm))
		return 0;
	if (*hh > 23 || *mm > 59)
		return 0;
	return n + 3;
}

int ys_parse_date(const char *s, struct tm *out)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || parse_ymd(s, &y, &m, &d))
		return -1;
	if (out) {
		long days = days_from_civil(y, m, d);
		memset(out, 0, sizeof *out);
		out->tm_year = y - 1900;
		out->tm_mon = m - 1;
		out->tm_mday = d;
		/* 1970-01-01 was a Thursday */
		out->tm_wday = (int)(((days % 7) + 11) % 7);
		out->tm_yday = (int)(days - days_from_civil(y, 1, 1));
		out->tm_isdst = -1;
	}
	return 0;
}

int ys_parse_time(const char *s, int *hh, int *mm)
{
	int h, m, n;

	if (!s || !(n = parse_hm(s, &h, &m)) || s[n] != '\0')
		return -1;
	if (hh)
		*hh = h;
	if (mm)
		*mm = m;
	return 0;
}

int ys_days_between(const char *a, const char *b)
{
	int y1, m1, d1, y2, m2, d2;

	if (!a || !b || strlen(a) != 10 || strlen(b) != 10 ||
	    parse_ymd(a, &y1, &m1, &d1) || parse_ymd(b, &y2, &m2, &d2))
		return 0;
	return (int)(days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1));
}

int ys_date_add(const char *iso, int days, char out[11])
{
	int y, m, d;
	long ny;

	if (!iso || strlen(iso) != 10 || parse_ymd(iso, &y, &m, &d))
		return -1;
	civil_from_days(days_from_civil(y, m, d) + days, &ny, &m, &d);
	if (ny < 1000 || ny > 9999)
		return -1;
	snprintf(out, 11, "%04ld-%02d-%02d", ny, m, d);
	return 0;
}

/* ---- now ------------------------------------------------------------- */

/* "YYYY-MM-DD HH:MM" with optional ":SS", as local time */
time_t ys_parse_stamp(const char *s)
{
	struct tm t;
	int y, mo, d, hh, mm, ss = 0;
	size_t n;

	if (!s || strlen(s) < 16 || parse_ymd(s, &y, &mo, &d) || s[10] != ' ')
		return -1;
	if (digits(s + 11, 2, &hh) || s[13] != ':' || digits(s + 14, 2, &mm) ||
	    hh > 23 || mm > 59)
		return -1;
	n = strlen(s);
	if (n == 19) {
		if (s[16] != ':' || digits(s + 17, 2, &ss) || ss > 59)
			return -1;
	} else if (n != 16) {
		return -1;
	}
	memset(&t, 0, sizeof t);
	t.tm_year = y - 1900;
	t.tm_mon = mo - 1;
	t.tm_mday = d;
	t.tm_hour = hh;
	t.tm_min = mm;
	t.tm_sec = ss;
	t.tm_isdst = -1;
	return mktime(&t);
}

void ys_clock_set(time_t t)
{
	fixed_now = t;
}

time_t ys_now(void)
{
	const char *env;
	time_t t;

	if (fixed_now)
		return fixed_now;
	/* read every time: tests change it between steps */
	env = getenv("YISHITING_NOW");
	if (env && *env && (t = ys_parse_stamp(env)) != (time_t)-1)
		return t;
	return time(NULL);
}

void ys_now_tm(struct tm *out)
{
	time_t t = ys_now();

	localtime_r(&t, out);
}

void ys_today(char out[11])
{
	struct tm t;

	ys_now_tm(&t);
	ys_fmt_date(&t, out);
}

int ys_year_now(void)
{
	struct tm t;

	ys_now_tm(&t);
	return t.tm_year + 1900;
}

/* ---- formatting ------------------------------------------------------ */

/* strftime leaves the buffer undefined when it does not fit */
static void fmt(const struct tm *t, const char *f, char *out, size_t len)
{
	if (strftime(out, len, f, t) == 0)
		out[0] = '\0';
}

void ys_fmt_date(const struct tm *t, char out[11])
{
	fmt(t, "%Y-%m-%d", out, 11);
}

void ys_fmt_time(const struct tm *t, char out[6])
{
	fmt(t, "%H:%M", out, 6);
}

void ys_fmt_stamp(const struct tm *t, char out[20])
{
	fmt(t, "%Y-%m-%d %H:%M:%S", out, 20);
}

void ys_fmt_cn_date(const struct tm *t, char out[32])
{
	/* clamped so that the text always fits out[32] */
	int y = t->tm_year + 1900, m = t->tm_mon + 1, d = t->tm_mday;

	if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
		out[0] = '\0';
		return;
	}
	snprintf(out, 32, "%d年%d月%d日", y, m, d);
}

const char *ys_weekday_cn(const struct tm *t)
{
	static const char *const names[7] = {
		"周日", "周一", "周二", "周三", "周四", "周五", "周六",
	};

	return (t->tm_wday >= 0 && t->tm_wday < 7) ? names[t->tm_wday] : "?";
}

int ys_cn_date(const char *iso, char out[32])
{
	struct tm t;

	if (ys_parse_date(iso, &t)) {
		out[0] = '\0';
		return -1;
	}
	ys_fmt_cn_date(&t, out);
	return 0;
}

void ys_cn_date_any(const char *iso, char out[32])
{
	if (ys_cn_date(iso, out) != 0)
		snprintf(out, 32, "%s", iso ? iso : "");
}

void ys_cn_stamp(const char *stamp, char *out, size_t len)
{
	char day[11], cn[32];

	if (!stamp || strlen(stamp) < 16) {
		snprintf(out, len, "%s", stamp ? stamp : "");
		return;
	}
	memcpy(day, stamp, 10);
	day[10] = '\0';
	ys_cn_date_any(day, cn);
	snprintf(out, len, "%s %.5s", cn, stamp + 11);
}
